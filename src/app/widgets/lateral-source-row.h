/* lateral-source-row.h: LateralSourceRow, one dated source of a step
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_SOURCE_ROW (lateral_source_row_get_type ())

G_DECLARE_FINAL_TYPE (LateralSourceRow, lateral_source_row, LATERAL, SOURCE_ROW, AdwActionRow)

GtkWidget  *lateral_source_row_new       (const LateralSource *source);
GtkWidget  *lateral_source_row_new_held  (const LateralSource *source);
const char *lateral_source_row_get_url   (LateralSourceRow    *self);
GtkWidget  *lateral_show_address_dialog (GtkWindow           *parent,
                                         const char          *url);

void        lateral_add_paragraphs       (GtkBox              *box,
                                          char               **paragraphs,
                                          gboolean             selectable);

G_END_DECLS
