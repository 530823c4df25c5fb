/* lateral-class-row.h: one line of a Class Results list, as a list item
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LATERAL_TYPE_CLASS_ROW (lateral_class_row_get_type ())

G_DECLARE_FINAL_TYPE (LateralClassRow, lateral_class_row, LATERAL, CLASS_ROW, GObject)

LateralClassRow *lateral_class_row_new          (const char      *title,
                                                 char            *subtitle);
const char      *lateral_class_row_get_title    (LateralClassRow *self);
const char      *lateral_class_row_get_subtitle (LateralClassRow *self);

GtkListItemFactory *lateral_class_row_factory_new (void);
GtkWidget       *lateral_class_row_list_new      (GListModel      *rows);
void             lateral_class_row_list_show_all (GtkWidget       *list);

G_END_DECLS
