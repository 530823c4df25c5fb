/* lateral-marks-chart.h: LateralMarksChart, marks over time as bars
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LATERAL_TYPE_MARKS_CHART (lateral_marks_chart_get_type ())

G_DECLARE_FINAL_TYPE (LateralMarksChart, lateral_marks_chart, LATERAL, MARKS_CHART, GtkWidget)

GtkWidget *lateral_marks_chart_new       (void);
void       lateral_marks_chart_set_marks (LateralMarksChart *self,
                                          const int         *marks,
                                          const gint64      *dates,
                                          guint              n_marks);
guint      lateral_marks_chart_get_n_marks (LateralMarksChart *self);

G_END_DECLS
