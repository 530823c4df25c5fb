/* lateral-history-page.h: LateralHistoryPage, one learner's history
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack-registry.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_HISTORY_PAGE (lateral_history_page_get_type ())

G_DECLARE_FINAL_TYPE (LateralHistoryPage, lateral_history_page, LATERAL, HISTORY_PAGE, AdwBin)

void lateral_history_page_set_data     (LateralHistoryPage  *self,
                                        LateralStore        *store,
                                        LateralPackRegistry *registry);
void lateral_history_page_show_profile (LateralHistoryPage  *self,
                                        const char          *profile_name);
gboolean lateral_history_page_is_busy    (LateralHistoryPage  *self);

G_END_DECLS
