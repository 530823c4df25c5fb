/* lateral-class-report.h: one group of a class report, as widgets
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "report/lateral-report.h"

G_BEGIN_DECLS

GtkWidget *lateral_class_report_build_group (const LateralReportGroup *group);
char      *lateral_class_report_format_student (const LateralReportStudent *student);
char      *lateral_class_report_format_claim   (const LateralReportClaim   *claim);

G_END_DECLS
