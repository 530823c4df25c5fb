/* lateral-quick-check.h: LateralQuickCheck, a headline test taken in the app
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "measure/lateral-measure-session.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_QUICK_CHECK (lateral_quick_check_get_type ())

G_DECLARE_FINAL_TYPE (LateralQuickCheck, lateral_quick_check, LATERAL, QUICK_CHECK, AdwWindow)

typedef struct {
  LateralMeasureWhen  when;
  const char         *profile_uuid;
  const char         *pack_id;       /* nullable */
  const char         *pack_version;  /* nullable */
  const char         *attempt_uuid;  /* nullable */
  const char         *class_code;    /* nullable */
} LateralQuickCheckFor;

GtkWidget                 *lateral_quick_check_new         (GtkWindow                 *parent,
                                                            LateralStore              *store,
                                                            LateralMeasure            *measure,
                                                            const LateralQuickCheckFor *what);
const char                *lateral_quick_check_get_page    (LateralQuickCheck         *self);
const LateralMeasureItem  *lateral_quick_check_get_item    (LateralQuickCheck         *self);
const LateralMeasureSession *lateral_quick_check_get_session (LateralQuickCheck       *self);
gboolean                   lateral_quick_check_is_saved    (LateralQuickCheck         *self);

G_END_DECLS
