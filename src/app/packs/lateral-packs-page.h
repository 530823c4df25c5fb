/* lateral-packs-page.h: LateralPacksPage, the Manage Cases page
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack-registry.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_PACKS_PAGE (lateral_packs_page_get_type ())

G_DECLARE_FINAL_TYPE (LateralPacksPage, lateral_packs_page, LATERAL, PACKS_PAGE, AdwBin)

void       lateral_packs_page_set_registry (LateralPacksPage    *self,
                                            LateralPackRegistry *registry);
void       lateral_packs_page_refresh      (LateralPacksPage    *self);
void       lateral_packs_page_import_file  (LateralPacksPage    *self,
                                            GFile               *file);
void       lateral_packs_page_remove       (LateralPacksPage    *self,
                                            const char          *pack_id);
void       lateral_packs_page_print_key    (LateralPacksPage    *self,
                                            const char          *pack_id);
gboolean   lateral_packs_page_is_busy      (LateralPacksPage    *self);
GtkWidget *lateral_packs_page_get_group    (LateralPacksPage    *self);

G_END_DECLS
