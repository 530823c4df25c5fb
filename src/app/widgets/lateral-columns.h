/* lateral-columns.h: LateralColumns, a two-column layout for narrow windows
 * too
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define LATERAL_TYPE_COLUMNS (lateral_columns_get_type ())

G_DECLARE_FINAL_TYPE (LateralColumns, lateral_columns, LATERAL, COLUMNS, GtkWidget)

GtkWidget *lateral_columns_new             (void);
void       lateral_columns_set_start_child (LateralColumns *self,
                                            GtkWidget      *child);
void       lateral_columns_set_end_child   (LateralColumns *self,
                                            GtkWidget      *child);
gboolean   lateral_columns_is_side_by_side (LateralColumns *self);

G_END_DECLS
