/* lateral-xapi-fetch.h: the teacher's side, statements back from the LRS
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lateral's statements are fetched (by activity or verb, following "more"
 * links) and turned back into a lateral-results/1 bundle, which is merged
 * into a store like any bundle: so a report from the LRS is built by the
 * same code, with the same checks, as a report from learners' files.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "results/lateral-bundle.h"
#include "store/lateral-store.h"
#include "xapi/lateral-xapi-config.h"

G_BEGIN_DECLS

/* How an attempt reached the LRS, per docs/xapi.md. */
typedef struct {
  char   *registration;   /* the attempt's UUID */
  char   *profile_name;
  char   *pack_id;
  char   *class_code;     /* nullable */
  char   *provenance;     /* "live", "file", or "mixed" */
  gboolean this_machine;  /* played on the machine that fetched */
  gint64  stored_first;   /* the LRS's "stored" times, which a learner cannot set */
  gint64  stored_last;
  guint   n_statements;
} LateralXapiAttemptSource;

typedef struct {
  guint       n_statements;  /* fetched */
  guint       n_ignored;     /* not Lateral's, or outside the filter, or unreadable */
  guint       n_pages;
  GPtrArray  *attempts;      /* of LateralXapiAttemptSource, by registration */
  LateralImportResult imported;  /* what the bundle importer made of them */
} LateralXapiFetchResult;

gboolean  lateral_xapi_fetch_into_store    (const LateralXapiConfig  *config,
                                            LateralStore             *store,
                                            const char               *class_code,
                                            const char               *pack_id,
                                            const char               *this_device_id,
                                            LateralXapiFetchResult   *out_result,
                                            GCancellable             *cancellable,
                                            GError                  **error);
JsonNode *lateral_xapi_statements_to_bundle (GPtrArray               *statements,
                                             const char              *class_code,
                                             const char              *pack_id,
                                             const char              *this_device_id,
                                             LateralXapiFetchResult  *result);
void      lateral_xapi_fetch_result_clear   (LateralXapiFetchResult  *result);

G_END_DECLS
