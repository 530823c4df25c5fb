/* lateral-summary-page.h: LateralSummaryPage, the page after the last claim
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "play/lateral-play.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_SUMMARY_PAGE (lateral_summary_page_get_type ())

G_DECLARE_FINAL_TYPE (LateralSummaryPage, lateral_summary_page, LATERAL, SUMMARY_PAGE, AdwBin)

void         lateral_summary_page_set_play        (LateralSummaryPage *self,
                                                   LateralPlay        *play);
LateralPlay *lateral_summary_page_get_play        (LateralSummaryPage *self);

G_END_DECLS
