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
  GPtrArray      *flags;     /* nullable: of char*, codes (docs/results-format.md) */
  GPtrArray      *reasons;   /* nullable: of char*, one sentence per finding */
} BundleAttempt;

typedef struct {
  const char *filename;
  GHashTable *profiles;      /* uuid -> LateralProfile, owned */
  GPtrArray  *attempts;      /* of BundleAttempt */
  GPtrArray  *measures;      /* of LateralMeasureSession (lateral-bundle-measures.c) */
} Bundle;

void     lateral_bundle_init  (Bundle      *bundle,
                               const char  *filename);
void     lateral_bundle_clear (Bundle      *bundle);
gboolean lateral_bundle_read  (Bundle      *bundle,
                               JsonNode    *root,
                               GError     **error);

void     lateral_bundle_check (Bundle      *bundle,
                               GPtrArray   *packs,
                               gint64       now);
void     lateral_bundle_flag  (BundleAttempt *item,
                               const char    *code,
                               char          *reason);
char    *lateral_bundle_attempt_flags (const BundleAttempt *item);
char    *lateral_bundle_attempt_fingerprint (const LateralAttempt *attempt,
                                             GPtrArray            *answers);

/* Headline-test sessions (lateral-bundle-measures.c). */
gboolean lateral_bundle_add_measures   (JsonBuilder          *builder,
                                        LateralStore         *store,
                                        GHashTable           *profile_uuids,
                                        GError              **error);
gboolean lateral_bundle_read_measures  (Bundle               *bundle,
                                        JsonObject           *root,
                                        GError              **error);
gboolean lateral_bundle_merge_measures (LateralStore         *store,
                                        Bundle               *bundle,
                                        LateralImportResult  *result,
                                        GError              **error);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bundle, lateral_bundle_clear)

G_END_DECLS
