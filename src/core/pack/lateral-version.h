/* lateral-version.h: semantic versions (semver.org) of packs, checked and
 * ordered
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lateral_version_is_valid (const char *version);
int      lateral_version_compare  (const char *a,
                                   const char *b);

G_END_DECLS
