/* lateral-case-view.h: LateralCaseView, the page where a case is played
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "play/lateral-play.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_CASE_VIEW (lateral_case_view_get_type ())

G_DECLARE_FINAL_TYPE (LateralCaseView, lateral_case_view, LATERAL, CASE_VIEW, AdwBin)

void         lateral_case_view_set_play  (LateralCaseView *self,
                                          LateralPlay     *play);
LateralPlay *lateral_case_view_get_play  (LateralCaseView *self);
GtkWidget   *lateral_case_view_get_step  (LateralCaseView *self);

G_END_DECLS
