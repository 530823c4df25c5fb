/* lateral-home-page.h: LateralHomePage, the first page of the main window
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack-registry.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_HOME_PAGE (lateral_home_page_get_type ())

G_DECLARE_FINAL_TYPE (LateralHomePage, lateral_home_page, LATERAL, HOME_PAGE, AdwBin)

void        lateral_home_page_set_data           (LateralHomePage     *self,
                                                  LateralStore        *store,
                                                  LateralPackRegistry *registry);
void        lateral_home_page_refresh            (LateralHomePage     *self);
const char *lateral_home_page_get_profile_name   (LateralHomePage     *self);
const char *lateral_home_page_get_error_message  (LateralHomePage     *self);
const char *lateral_home_page_get_class_code     (LateralHomePage     *self);
void        lateral_home_page_select_profile     (LateralHomePage     *self,
                                                  const char          *profile_name);
void        lateral_home_page_set_shared         (LateralHomePage     *self,
                                                  gboolean             shared);
void        lateral_home_page_focus_new_learner  (LateralHomePage     *self);
const char *lateral_home_page_get_continue_pack  (LateralHomePage     *self);

G_END_DECLS
