/* bench-util.h: what the core benchmarks share
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* A new folder under $XDG_DATA_HOME, on the disk a learner's data would be
 * on (not a tmpfs), so durable writes pay a real fsync. */
char   *bench_fresh_dir   (void);
void    bench_remove_tree (const char *dir);
/* The median of an array of doubles (sorts it). */
double  bench_median      (GArray     *values);

G_END_DECLS
