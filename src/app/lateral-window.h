/* lateral-window.h: LateralWindow, the main window
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lateral-application.h"
#include "pack/lateral-pack-registry.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_WINDOW (lateral_window_get_type ())

G_DECLARE_FINAL_TYPE (LateralWindow, lateral_window, LATERAL, WINDOW, AdwApplicationWindow)

LateralWindow *lateral_window_new           (LateralApplication *application);
gboolean       lateral_window_is_loaded     (LateralWindow      *self);
gboolean       lateral_window_open_case     (LateralWindow      *self,
                                             const char         *pack_id,
                                             const char         *profile_name,
                                             const char         *class_code);
void           lateral_window_select_profile (LateralWindow     *self,
                                              const char        *profile_name);
gboolean       lateral_window_export_results (LateralWindow     *self,
                                              GFile             *file,
                                              GError           **error);
const char    *lateral_window_get_page_name (LateralWindow      *self);
LateralStore  *lateral_window_get_store     (LateralWindow      *self);
GtkWidget     *lateral_window_get_page      (LateralWindow      *self,
                                             const char         *name);
LateralPackRegistry *lateral_window_get_registry (LateralWindow  *self);
GtkWindow     *lateral_window_get_class_results (LateralWindow  *self);
void           lateral_window_set_measure       (LateralWindow  *self,
                                                 const char     *measure_id);

G_END_DECLS
