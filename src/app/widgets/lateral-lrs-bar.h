/* lateral-lrs-bar.h: what is waiting to reach the school's LRS
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "play/lateral-play.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_LRS_BAR (lateral_lrs_bar_get_type ())

G_DECLARE_FINAL_TYPE (LateralLrsBar, lateral_lrs_bar, LATERAL, LRS_BAR, GtkWidget)

void        lateral_lrs_bar_start       (LateralLrsBar *self,
                                         const char    *store_filename);
gboolean    lateral_lrs_bar_attach      (LateralLrsBar *self,
                                         LateralPlay   *play,
                                         GError       **error);
void        lateral_lrs_bar_send_now    (LateralLrsBar *self);
const char *lateral_lrs_bar_get_text    (LateralLrsBar *self);

G_END_DECLS
