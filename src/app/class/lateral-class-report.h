/* lateral-class-report.h: one group of a class report, as widgets
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "report/lateral-report.h"

G_BEGIN_DECLS

GListModel *lateral_class_report_dup_student_rows (const LateralReportGroup *group);
GtkWidget *lateral_class_report_build_group (const LateralReportGroup    *group,
                                             GListModel                  *students,
                                             const LateralMeasureSummary *measure);
gboolean   lateral_class_report_fill_step   (GtkBox                   *box,
                                             const LateralReportGroup *group,
                                             guint                     step);
char      *lateral_class_report_format_student (const LateralReportStudent *student);
char      *lateral_class_report_format_claim   (const LateralReportClaim   *claim);

G_END_DECLS
