/* lateral-verdict.h: the four verdicts a learner can give a claim
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The order is the order shown to learners and the order of the 1-4 keys. */
typedef enum {
  LATERAL_VERDICT_TRUE,
  LATERAL_VERDICT_FALSE,
  LATERAL_VERDICT_MISLEADING,
  LATERAL_VERDICT_UNVERIFIED,
} LateralVerdict;

#define LATERAL_N_VERDICTS 4

const char *lateral_verdict_to_string   (LateralVerdict  verdict);
gboolean    lateral_verdict_from_string (const char     *str,
                                         LateralVerdict *out_verdict);
const char *lateral_verdict_get_label   (LateralVerdict  verdict);

G_END_DECLS
