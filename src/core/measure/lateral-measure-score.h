/* lateral-measure-score.h: scores of one headline test, and the statistics of a class's change
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The scores are the MIST's "Verification done" schema (V, r, f, d, n); the
 * class statistics (means, Cohen's d_z and its 95% interval from the t
 * distribution) are defined in docs/report.md. Pure functions: no store, no
 * files, so every figure can be checked against a hand computation.
 */
#pragma once

#include <glib.h>

#include "lateral-measure.h"

G_BEGIN_DECLS

typedef struct {
  guint V;   /* veracity discernment: correct answers */
  guint r;   /* real news detection: real headlines judged Real */
  guint f;   /* fake news detection: fake headlines judged Fake */
  guint d;   /* distrust: Fake answers beyond the number of fake headlines, floored at 0 */
  guint n;   /* naïvety: Real answers beyond the number of real headlines, floored at 0 */
} LateralMeasureScore;

void     lateral_measure_score_tally    (const gboolean            *truth_real,
                                         const gboolean            *answer_real,
                                         guint                      n_answers,
                                         LateralMeasureScore       *out);
int      lateral_measure_score_nd       (const LateralMeasureScore *score);
double   lateral_measure_norm_below     (const LateralMeasureNorm  *norm,
                                         guint                      V);

double   lateral_stats_t_cdf            (double                     t,
                                         double                     df);
double   lateral_stats_t_quantile       (double                     p,
                                         double                     df);

typedef struct {
  guint    n;
  double   mean;       /* of the differences */
  double   sd;         /* their sample standard deviation (n - 1) */
  gboolean has_d_z;    /* FALSE with fewer than 2 pairs or no spread */
  double   d_z;        /* mean / sd */
  double   ci_low;     /* d_z -/+ t(0.975, n - 1) / sqrt (n) */
  double   ci_high;
} LateralPairedStats;

void     lateral_stats_paired           (const double              *differences,
                                         guint                      n,
                                         LateralPairedStats        *out);

G_END_DECLS
