/* lateral-pdf-file.h: writing a paged drawing to a PDF file, all or nothing
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The class report and the answer key both draw one page at a time with
 * cairo; this writes such a drawing as an A4 PDF to a partial file and
 * renames it into place only once cairo reports success.
 */
#pragma once

#include <cairo.h>
#include <gio/gio.h>

G_BEGIN_DECLS

/* A4 portrait, in points (1/72 inch). */
#define LATERAL_PDF_PAGE_WIDTH  595.0
#define LATERAL_PDF_PAGE_HEIGHT 842.0

typedef void (*LateralPdfDrawPage) (gpointer  data,
                                    cairo_t  *cr,
                                    double    width,
                                    double    height,
                                    int       page);

gboolean lateral_pdf_file_write (const char          *filename,
                                 guint                n_pages,
                                 LateralPdfDrawPage   draw_page,
                                 gpointer             data,
                                 GError             **error);

G_END_DECLS
