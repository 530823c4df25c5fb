/* lateral-scoring.c
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lateral-pack.h"
#include "lateral-scoring.h"

/* The mark scheme of certainty-based marking as used by Moodle: being sure
 * and right earns most, being sure and wrong costs more than it could earn,
 * so only honest confidence pays on average. */
static const int cbm_right[] = { 0, 1, 2, 3 };
static const int cbm_wrong[] = { 0, 0, -2, -6 };

int
lateral_cbm_mark (gboolean correct,
                  int      certainty)
{
  g_return_val_if_fail (certainty >= LATERAL_CERTAINTY_MIN, 0);
  g_return_val_if_fail (certainty <= LATERAL_CERTAINTY_MAX, 0);

  return correct ? cbm_right[certainty] : cbm_wrong[certainty];
}

/* Right means the verdict, or one the author also accepts. */
gboolean
lateral_step_accepts (const LateralStep *step,
                      LateralVerdict     verdict)
{
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (step->type == LATERAL_STEP_CLAIM, FALSE);
  g_return_val_if_fail ((guint) verdict < LATERAL_N_VERDICTS, FALSE);

  return (step->accepted & (1u << verdict)) != 0;
}
