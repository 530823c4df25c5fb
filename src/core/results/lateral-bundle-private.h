/* lateral-bundle-private.h: a results bundle, read and checked
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lateral-bundle.h"

G_BEGIN_DECLS

typedef struct {
  LateralAttempt *attempt;
  GPtrArray      *answers;   /* of LateralAnswer */
} BundleAttempt;

typedef struct {
  const char *filename;
  GHashTable *profiles;      /* uuid -> LateralProfile, owned */
  GPtrArray  *attempts;      /* of BundleAttempt */
} Bundle;

void     lateral_bundle_init  (Bundle      *bundle,
                               const char  *filename);
void     lateral_bundle_clear (Bundle      *bundle);
gboolean lateral_bundle_read  (Bundle      *bundle,
                               JsonNode    *root,
                               GError     **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bundle, lateral_bundle_clear)

G_END_DECLS
