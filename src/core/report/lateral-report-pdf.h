/* lateral-report-pdf.h: a class report on paper
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One drawing for the PDF export and for printing: the app's
 * GtkPrintOperation calls lateral_report_draw_page() from its draw-page
 * handler with the print context's cairo_t. The layout is in docs/report.md.
 */
#pragma once

#include <cairo.h>

#include "lateral-report.h"

G_BEGIN_DECLS

/* A4 portrait, in points (1/72 inch). */
#define LATERAL_REPORT_PAGE_WIDTH  595.0
#define LATERAL_REPORT_PAGE_HEIGHT 842.0

guint    lateral_report_draw_page (LateralReport  *report,
                                   cairo_t        *cr,
                                   double          width,
                                   double          height,
                                   int             page);
guint    lateral_report_count_pages (LateralReport *report,
                                     double         width,
                                     double         height);
gboolean lateral_report_write_pdf (LateralReport  *report,
                                   const char     *filename,
                                   guint          *out_n_pages,
                                   GError        **error);

G_END_DECLS
