/* lateral-store-measures.h: headline-test sessions in the learner's database
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sessions are stored whole, in one transaction, and are final like answers:
 * triggers refuse any UPDATE or DELETE (docs/store.md).
 */
#pragma once

#include "store/lateral-store.h"
#include "measure/lateral-measure-session.h"

G_BEGIN_DECLS

gboolean    lateral_store_add_measure_session   (LateralStore                *self,
                                                 LateralMeasureSession       *session,
                                                 GError                     **error);
GPtrArray  *lateral_store_list_measure_sessions (LateralStore                *self,
                                                 const char                  *profile_uuid,
                                                 const char                  *profile_name,
                                                 const char                  *class_code,
                                                 GError                     **error);
LateralMeasureSession *lateral_store_get_measure_session (LateralStore       *self,
                                                 const char                  *uuid,
                                                 GError                     **error);

/* For bundle import: checks, then inserts inside the caller's transaction. */
gboolean    lateral_store_validate_measure_session (const LateralMeasureSession *session,
                                                 GError                     **error);
gboolean    lateral_store_insert_measure_session (LateralStore               *self,
                                                 const LateralMeasureSession *session,
                                                 GError                     **error);

G_END_DECLS
