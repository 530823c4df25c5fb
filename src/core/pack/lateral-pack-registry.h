/* lateral-pack-registry.h: the packs a learner can choose from
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "lateral-pack.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_PACK_REGISTRY (lateral_pack_registry_get_type ())

G_DECLARE_FINAL_TYPE (LateralPackRegistry, lateral_pack_registry, LATERAL, PACK_REGISTRY, GObject)

LateralPackRegistry *lateral_pack_registry_new          (void);
gboolean             lateral_pack_registry_load         (LateralPackRegistry  *self,
                                                         GError              **error);
LateralPackRegistry *lateral_pack_registry_new_like     (LateralPackRegistry  *self);
void                 lateral_pack_registry_adopt        (LateralPackRegistry  *self,
                                                         LateralPackRegistry  *loaded);
GListModel          *lateral_pack_registry_get_packs    (LateralPackRegistry  *self);
LateralPack         *lateral_pack_registry_lookup       (LateralPackRegistry  *self,
                                                         const char           *id);
GPtrArray           *lateral_pack_registry_get_problems (LateralPackRegistry  *self);
GPtrArray           *lateral_pack_registry_get_translations (LateralPackRegistry *self,
                                                         const char           *id);
LateralPack         *lateral_pack_registry_lookup_language (LateralPackRegistry *self,
                                                         const char           *id,
                                                         const char           *language);
LateralPack         *lateral_pack_registry_find_by_hash (LateralPackRegistry  *self,
                                                         const char           *content_hash);
void                 lateral_pack_registry_set_languages (LateralPackRegistry *self,
                                                         const char * const   *languages);

char                *lateral_pack_registry_get_builtin_dir (void);

G_END_DECLS
