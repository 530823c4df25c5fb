/* lateral-preview-window.h: LateralPreviewWindow, `lateral --preview FILE`
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "play/lateral-play.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_PREVIEW_WINDOW (lateral_preview_window_get_type ())

G_DECLARE_FINAL_TYPE (LateralPreviewWindow, lateral_preview_window, LATERAL, PREVIEW_WINDOW, AdwApplicationWindow)

LateralPreviewWindow *lateral_preview_window_new            (GtkApplication       *application,
                                                             GFile                *file);
gboolean              lateral_preview_window_reload         (LateralPreviewWindow *self);
gboolean              lateral_preview_window_go_to          (LateralPreviewWindow *self,
                                                             guint                 index);
LateralPlay          *lateral_preview_window_get_play       (LateralPreviewWindow *self);
GPtrArray            *lateral_preview_window_get_problems   (LateralPreviewWindow *self);
guint                 lateral_preview_window_get_n_reloads  (LateralPreviewWindow *self);

G_END_DECLS
