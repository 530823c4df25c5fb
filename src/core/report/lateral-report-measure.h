/* lateral-report-measure.h: a class's change on a headline test, before and after a case
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Pairs each learner's check before a case with their check after it, per
 * class code, pack and instrument, and summarises the pairs: means of V, r,
 * f and n − d, the mean change, Cohen's d_z on the change in V with its 95%
 * t interval, and the percent right per item. Every number is defined in
 * docs/report.md.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "measure/lateral-measure-score.h"

G_BEGIN_DECLS

typedef enum {
  LATERAL_MEASURE_V,
  LATERAL_MEASURE_R,
  LATERAL_MEASURE_F,
  LATERAL_MEASURE_ND,
  LATERAL_MEASURE_N_FIGURES,
} LateralMeasureFigure;

typedef struct {
  char   *item_id;
  guint   n;              /* pairs that answered it both times */
  double  before;         /* percent right */
  double  after;
} LateralMeasureItemChange;

typedef struct {
  char               *class_code;    /* nullable */
  char               *pack_id;
  char               *instrument_id;
  guint               pairs;
  double              before[LATERAL_MEASURE_N_FIGURES];
  double              after[LATERAL_MEASURE_N_FIGURES];
  double              change[LATERAL_MEASURE_N_FIGURES];
  LateralPairedStats  v_change;      /* d_z and its interval, on the change in V */
  GPtrArray          *items;         /* of LateralMeasureItemChange, f1 … f10, r1 … r10 */
} LateralMeasureSummary;

GPtrArray *lateral_measure_summarize         (GPtrArray                   *sessions,
                                              const char                  *class_code,
                                              const char                  *pack_id);
const LateralMeasureSummary *lateral_measure_summary_find (GPtrArray      *summaries,
                                              const char                  *class_code,
                                              const char                  *pack_id);
void       lateral_measure_summary_add_json  (JsonBuilder                 *builder,
                                              const LateralMeasureSummary *summary);
void       lateral_measure_summary_append_text (GString                   *text,
                                              const LateralMeasureSummary *summary);
void       lateral_measure_summary_free      (LateralMeasureSummary       *summary);

G_END_DECLS
