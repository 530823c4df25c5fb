/* lateral-xapi-statement.h: answers and attempts as xAPI 1.0.3 statements
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is documented, with an example, in docs/xapi.md. A
 * statement's id is derived from what it tells (a UUID v5 of the attempt
 * and the claim), so it is fixed the moment the answer is committed and
 * the same whether the statement is sent live or exported to a file.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "store/lateral-store.h"
#include "measure/lateral-measure-session.h"

G_BEGIN_DECLS

/* Lateral's own IRIs (activities, extensions) start here. */
#define LATERAL_XAPI_IRI_BASE        "https://github.com/lateral/Lateral/xapi/"
#define LATERAL_XAPI_EXTENSION(name) LATERAL_XAPI_IRI_BASE "extensions/" name

#define LATERAL_XAPI_VERB_ANSWERED   "http://adlnet.gov/expapi/verbs/answered"
#define LATERAL_XAPI_VERB_ATTEMPTED  "http://adlnet.gov/expapi/verbs/attempted"
#define LATERAL_XAPI_VERB_COMPLETED  "http://adlnet.gov/expapi/verbs/completed"
/* A quick check (headline test) taken before or after a case: its own
 * verb, so a report rebuilding attempts never takes it for the case's end. */
#define LATERAL_XAPI_VERB_SCORED     "http://adlnet.gov/expapi/verbs/scored"

/* How a statement reached the LRS (context extension "provenance"). */
#define LATERAL_XAPI_PROVENANCE_LIVE "live"   /* from the outbox, as the learner played */
#define LATERAL_XAPI_PROVENANCE_FILE "file"   /* from lateral-cli export --format xapi */

/* The score range of one answer (docs/scoring.md): certainty-based marks. */
#define LATERAL_XAPI_MARK_MIN (-6)
#define LATERAL_XAPI_MARK_MAX 3

typedef struct {
  const char *homepage;    /* the school's: actors are accounts there */
  gboolean    send_names;  /* add the profile's name to the actor */
  const char *provenance;  /* LATERAL_XAPI_PROVENANCE_* */
} LateralXapiOptions;

char     *lateral_xapi_statement_id       (const char                *kind,
                                           const char                *attempt_uuid,
                                           const char                *claim_id);
char     *lateral_xapi_pack_activity_id   (const char                *pack_id);
char     *lateral_xapi_claim_activity_id  (const char                *pack_id,
                                           const char                *claim_id);
char     *lateral_xapi_measure_activity_id (const char               *instrument_id);

JsonNode *lateral_xapi_build_started      (const LateralXapiOptions  *options,
                                           const LateralAttempt      *attempt);
JsonNode *lateral_xapi_build_answered     (const LateralXapiOptions  *options,
                                           const LateralAttempt      *attempt,
                                           const LateralAnswer       *answer);
JsonNode *lateral_xapi_build_completed    (const LateralXapiOptions  *options,
                                           const LateralAttempt      *attempt);

JsonNode *lateral_xapi_build_measured     (const LateralXapiOptions  *options,
                                           const LateralMeasureSession *session);

JsonNode *lateral_xapi_export             (LateralStore              *store,
                                           const LateralXapiOptions  *options,
                                           const char                *profile_name,
                                           const char                *class_code,
                                           guint                     *out_n_statements,
                                           GError                   **error);

G_END_DECLS
