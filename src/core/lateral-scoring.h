/* lateral-scoring.h: marks for answers, as pure functions
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Certainty levels of certainty-based marking (Gardner-Medwin). */
#define LATERAL_CERTAINTY_MIN 1
#define LATERAL_CERTAINTY_MAX 3

int lateral_cbm_mark (gboolean correct,
                      int      certainty);

G_END_DECLS
