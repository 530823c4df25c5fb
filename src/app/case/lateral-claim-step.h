/* lateral-claim-step.h: LateralClaimStep, a claim and the learner's answer to
 * it
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_CLAIM_STEP (lateral_claim_step_get_type ())

G_DECLARE_FINAL_TYPE (LateralClaimStep, lateral_claim_step, LATERAL, CLAIM_STEP, AdwBin)

GtkWidget *lateral_claim_step_new            (LateralPack         *pack,
                                              const LateralStep   *step);
void       lateral_claim_step_fold_artefact  (LateralClaimStep    *self,
                                              int                  available_width);
gboolean   lateral_claim_step_has_verdict    (LateralClaimStep    *self);
gboolean   lateral_claim_step_get_choice     (LateralClaimStep    *self,
                                              LateralVerdict      *out_verdict,
                                              int                 *out_certainty);
void       lateral_claim_step_pick_verdict   (LateralClaimStep    *self,
                                              LateralVerdict       verdict);
void       lateral_claim_step_pick_certainty (LateralClaimStep    *self,
                                              int                  certainty);
char      *lateral_claim_step_dup_choice_text (LateralClaimStep *self);
char     **lateral_claim_step_dup_moves      (LateralClaimStep    *self);
void       lateral_claim_step_set_frozen     (LateralClaimStep    *self,
                                              gboolean             frozen);
void       lateral_claim_step_show_error     (LateralClaimStep    *self,
                                              const char          *message);
void       lateral_claim_step_show_reveal    (LateralClaimStep    *self,
                                              const LateralAnswer *answer);
GtkWidget *lateral_claim_step_get_reveal     (LateralClaimStep    *self);
void       lateral_claim_step_focus_first    (LateralClaimStep    *self);

G_END_DECLS
