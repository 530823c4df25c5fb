/* lateral-store-query.h: a read query on the store for its neighbours
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The report scans the answers with its own SELECTs; this is the small
 * statement helper it does that through, so no raw sqlite3 handle or
 * statement leaves src/core/store/.
 */
#pragma once

#include "lateral-store.h"

G_BEGIN_DECLS

typedef struct _LateralStoreQuery LateralStoreQuery;

LateralStoreQuery *lateral_store_query_new        (LateralStore       *store,
                                                   const char         *sql,
                                                   GError            **error);
void               lateral_store_query_bind_text  (LateralStoreQuery  *self,
                                                   int                 index,
                                                   const char         *value);
gboolean           lateral_store_query_next       (LateralStoreQuery  *self,
                                                   GError            **error);
const char        *lateral_store_query_get_text   (LateralStoreQuery  *self,
                                                   int                 column);
int                lateral_store_query_get_int    (LateralStoreQuery  *self,
                                                   int                 column);
void               lateral_store_query_free       (LateralStoreQuery  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralStoreQuery, lateral_store_query_free)

G_END_DECLS
