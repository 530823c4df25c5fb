/* lateral-answer-key.h: a teacher's printable answer key of a case
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every step in order; every claim with its verdict, the verdicts also
 * accepted, why, what was known then, the checks (expected or not, and
 * why) and the sources with their dates and addresses. One drawing serves
 * the PDF (`lateral-cli pack key`) and the app's Print Answer Key, as
 * lateral-report-pdf.h does for the class report.
 */
#pragma once

#include <cairo.h>

#include "pack/lateral-pack.h"

G_BEGIN_DECLS

guint    lateral_answer_key_count_pages (LateralPack  *pack,
                                         double        width,
                                         double        height);
void     lateral_answer_key_draw_page   (LateralPack  *pack,
                                         cairo_t      *cr,
                                         double        width,
                                         double        height,
                                         int           page);
gboolean lateral_answer_key_write_pdf   (LateralPack  *pack,
                                         const char   *filename,
                                         guint        *out_n_pages,
                                         GError      **error);

G_END_DECLS
