/* lateral-scoring.h: marks for answers, as pure functions
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules are documented with worked examples in docs/scoring.md.
 */
#pragma once

#include <glib.h>

#include "pack/lateral-pack.h"

G_BEGIN_DECLS

/* Certainty levels of certainty-based marking (Gardner-Medwin). */
#define LATERAL_CERTAINTY_MIN 1
#define LATERAL_CERTAINTY_MAX 3

int lateral_cbm_mark (gboolean correct,
                      int      certainty);

/* The "checks I would make" of one claim. */
typedef struct {
  guint n_expected;         /* checks the author expects */
  guint expected_picked;    /* of those, picked by the learner */
  guint unexpected_picked;  /* picked, but not expected */
} LateralMovesScore;

LateralMovesScore lateral_moves_score (const LateralStep  *step,
                                       const char * const *picked_ids);

typedef struct {
  guint answered;
  guint correct;
} LateralTallyCount;

typedef enum {
  LATERAL_CALIBRATION_WELL_CALIBRATED,
  LATERAL_CALIBRATION_OVERCONFIDENT,
  LATERAL_CALIBRATION_UNDERCONFIDENT,
} LateralCalibration;

typedef struct {
  guint              n_answers;
  guint              n_correct;
  int                total_mark;
  /* Indexed by certainty 1..3; [0] is unused. */
  LateralTallyCount  by_certainty[LATERAL_CERTAINTY_MAX + 1];
  /* technique id -> LateralTallyCount */
  GHashTable        *by_technique;
} LateralTally;

LateralTally            *lateral_tally_new             (void);
void                     lateral_tally_free            (LateralTally       *tally);
void                     lateral_tally_add             (LateralTally       *tally,
                                                        const LateralStep  *step,
                                                        gboolean            correct,
                                                        int                 certainty,
                                                        int                 mark);
double                   lateral_tally_get_accuracy    (const LateralTally *tally);
double                   lateral_tally_get_hit_rate    (const LateralTally *tally,
                                                        int                 certainty);
LateralCalibration       lateral_tally_get_calibration (const LateralTally *tally);
const LateralTallyCount *lateral_tally_get_technique   (const LateralTally *tally,
                                                        const char         *technique_id);
char                   **lateral_tally_list_techniques (const LateralTally *tally);

const char              *lateral_calibration_to_string (LateralCalibration  calibration);
const char              *lateral_calibration_get_label (LateralCalibration  calibration);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralTally, lateral_tally_free)

G_END_DECLS
