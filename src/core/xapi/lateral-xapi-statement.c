/* lateral-xapi-statement.c: building the statements of docs/xapi.md
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Built only from what the store keeps (attempt and answer rows), never
 * from the pack: a statement re-built later, for an export, has the same
 * content as the one queued when the learner answered, whatever packs the
 * machine has by then.
 */
#include "config.h"

#include <string.h>

#include "lateral-xapi-statement.h"
#include "results/lateral-bundle.h"
#include "store/lateral-store-measures.h"

/* The namespace of Lateral's statement ids (a random UUID, fixed forever):
 * ids are UUID v5 (RFC 4122 4.3) of "KIND ATTEMPT-UUID [CLAIM-ID]". */
static const guint8 statement_namespace[16] = {
  0x6f, 0x1c, 0x2a, 0x8e, 0x4b, 0x37, 0x4d, 0x52,
  0x9a, 0x0e, 0x5c, 0x3d, 0x71, 0xb4, 0x28, 0xf6,
};

char *
lateral_xapi_statement_id (const char *kind,
                           const char *attempt_uuid,
                           const char *claim_id)
{
  g_autoptr(GChecksum) sha1 = g_checksum_new (G_CHECKSUM_SHA1);
  guint8 digest[20];
  gsize length = sizeof digest;

  g_return_val_if_fail (kind != NULL && attempt_uuid != NULL, NULL);

  g_checksum_update (sha1, statement_namespace, sizeof statement_namespace);
  g_checksum_update (sha1, (const guchar *) kind, -1);
  g_checksum_update (sha1, (const guchar *) " ", 1);
  g_checksum_update (sha1, (const guchar *) attempt_uuid, -1);
  if (claim_id != NULL)
    {
      g_checksum_update (sha1, (const guchar *) " ", 1);
      g_checksum_update (sha1, (const guchar *) claim_id, -1);
    }
  g_checksum_get_digest (sha1, digest, &length);

  digest[6] = (digest[6] & 0x0f) | 0x50;  /* version 5 */
  digest[8] = (digest[8] & 0x3f) | 0x80;  /* RFC 4122 variant */

  return g_strdup_printf ("%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
                          digest[0], digest[1], digest[2], digest[3], digest[4], digest[5],
                          digest[6], digest[7], digest[8], digest[9], digest[10], digest[11],
                          digest[12], digest[13], digest[14], digest[15]);
}

char *
lateral_xapi_pack_activity_id (const char *pack_id)
{
  g_autofree char *escaped = g_uri_escape_string (pack_id, NULL, FALSE);

  return g_strconcat (LATERAL_XAPI_IRI_BASE "packs/", escaped, NULL);
}

char *
lateral_xapi_measure_activity_id (const char *instrument_id)
{
  g_autofree char *escaped = g_uri_escape_string (instrument_id, NULL, FALSE);

  return g_strconcat (LATERAL_XAPI_IRI_BASE "measures/", escaped, NULL);
}

char *
lateral_xapi_claim_activity_id (const char *pack_id,
                                const char *claim_id)
{
  g_autofree char *pack = lateral_xapi_pack_activity_id (pack_id);
  g_autofree char *escaped = g_uri_escape_string (claim_id, NULL, FALSE);

  return g_strconcat (pack, "/claims/", escaped, NULL);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_language_map (JsonBuilder *builder,
                  const char  *name,
                  const char  *text)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_object (builder);
  add_string (builder, "en-US", text);
  json_builder_end_object (builder);
}

static void
add_time (JsonBuilder *builder,
          const char  *name,
          gint64       unix_seconds)
{
  g_autofree char *text = lateral_format_time (unix_seconds);

  add_string (builder, name, text);
}

static void
add_id (JsonBuilder *builder,
        const char  *kind,
        const char  *attempt_uuid,
        const char  *claim_id)
{
  g_autofree char *id = lateral_xapi_statement_id (kind, attempt_uuid, claim_id);

  add_string (builder, "id", id);
}

static void
add_actor (JsonBuilder              *builder,
           const LateralXapiOptions *options,
           const LateralAttempt     *attempt)
{
  json_builder_set_member_name (builder, "actor");
  json_builder_begin_object (builder);
  add_string (builder, "objectType", "Agent");
  if (options->send_names && attempt->profile_name != NULL)
    add_string (builder, "name", attempt->profile_name);
  json_builder_set_member_name (builder, "account");
  json_builder_begin_object (builder);
  add_string (builder, "homePage", options->homepage);
  add_string (builder, "name", attempt->profile_uuid);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_verb (JsonBuilder *builder,
          const char  *id,
          const char  *display)
{
  json_builder_set_member_name (builder, "verb");
  json_builder_begin_object (builder);
  add_string (builder, "id", id);
  add_language_map (builder, "display", display);
  json_builder_end_object (builder);
}

static void
add_pack_activity_id (JsonBuilder *builder,
                      const char  *pack_id)
{
  g_autofree char *id = lateral_xapi_pack_activity_id (pack_id);

  json_builder_begin_object (builder);
  add_string (builder, "objectType", "Activity");
  add_string (builder, "id", id);
  json_builder_set_member_name (builder, "definition");
  json_builder_begin_object (builder);
  add_string (builder, "type", "http://adlnet.gov/expapi/activities/assessment");
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static void
add_pack_activity (JsonBuilder          *builder,
                   const LateralAttempt *attempt)
{
  add_pack_activity_id (builder, attempt->pack_id);
}

/* context: the attempt is the registration; what a report needs to group
 * and check an answer (class, pack, version, hash) rides in extensions. */
static void
add_context (JsonBuilder              *builder,
             const LateralXapiOptions *options,
             const LateralAttempt     *attempt,
             gboolean                  with_parent)
{
  json_builder_set_member_name (builder, "context");
  json_builder_begin_object (builder);
  add_string (builder, "registration", attempt->uuid);
  add_string (builder, "platform", "Lateral");
  add_string (builder, "revision", attempt->pack_version);
  if (with_parent)
    {
      json_builder_set_member_name (builder, "contextActivities");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "parent");
      json_builder_begin_array (builder);
      add_pack_activity (builder, attempt);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "extensions");
  json_builder_begin_object (builder);
  if (attempt->class_code != NULL)
    add_string (builder, LATERAL_XAPI_EXTENSION ("class-code"), attempt->class_code);
  add_string (builder, LATERAL_XAPI_EXTENSION ("pack-id"), attempt->pack_id);
  add_string (builder, LATERAL_XAPI_EXTENSION ("pack-version"), attempt->pack_version);
  add_string (builder, LATERAL_XAPI_EXTENSION ("pack-hash"), attempt->pack_hash);
  add_string (builder, LATERAL_XAPI_EXTENSION ("device-id"), attempt->device_id);
  add_time (builder, LATERAL_XAPI_EXTENSION ("started-at"), attempt->started_at);
  add_string (builder, LATERAL_XAPI_EXTENSION ("provenance"), options->provenance);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

JsonNode *
lateral_xapi_build_started (const LateralXapiOptions *options,
                            const LateralAttempt     *attempt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (options != NULL && attempt != NULL, NULL);

  json_builder_begin_object (builder);
  add_id (builder, "attempted", attempt->uuid, NULL);
  add_actor (builder, options, attempt);
  add_verb (builder, LATERAL_XAPI_VERB_ATTEMPTED, "attempted");
  json_builder_set_member_name (builder, "object");
  add_pack_activity (builder, attempt);
  add_context (builder, options, attempt, FALSE);
  add_time (builder, "timestamp", attempt->started_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static const char * const verdict_choices[] = { "true", "false", "misleading", "unverified" };

static void
add_claim_activity (JsonBuilder          *builder,
                    const LateralAttempt *attempt,
                    const char           *claim_id)
{
  g_autofree char *id = lateral_xapi_claim_activity_id (attempt->pack_id, claim_id);

  json_builder_set_member_name (builder, "object");
  json_builder_begin_object (builder);
  add_string (builder, "objectType", "Activity");
  add_string (builder, "id", id);
  json_builder_set_member_name (builder, "definition");
  json_builder_begin_object (builder);
  add_string (builder, "type", "http://adlnet.gov/expapi/activities/cmi.interaction");
  add_string (builder, "interactionType", "choice");
  json_builder_set_member_name (builder, "choices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < G_N_ELEMENTS (verdict_choices); i++)
    {
      json_builder_begin_object (builder);
      add_string (builder, "id", verdict_choices[i]);
      add_language_map (builder, "description", verdict_choices[i]);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

/* scaled is in [-1, 1]: the mark over the best (3) or the worst (-6). */
static double
scaled_mark (int mark,
             int min,
             int max)
{
  if (mark >= 0)
    return max > 0 ? (double) mark / max : 0.0;
  return min < 0 ? (double) mark / -min : 0.0;
}

static void
add_score (JsonBuilder *builder,
           int          raw,
           int          min,
           int          max)
{
  json_builder_set_member_name (builder, "score");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scaled");
  json_builder_add_double_value (builder, scaled_mark (raw, min, max));
  add_int (builder, "raw", raw);
  add_int (builder, "min", min);
  add_int (builder, "max", max);
  json_builder_end_object (builder);
}

JsonNode *
lateral_xapi_build_answered (const LateralXapiOptions *options,
                             const LateralAttempt     *attempt,
                             const LateralAnswer      *answer)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *duration = NULL;
  const char *invalid_claim = g_getenv ("LATERAL_XAPI_TEST_INVALID_CLAIM");
  int raw = answer->mark;

  g_return_val_if_fail (options != NULL && attempt != NULL && answer != NULL, NULL);

  /* The test hook of docs/xapi.md: a statement the LRS must refuse (a
   * score above its maximum), to check that a refusal is set aside. */
  if (invalid_claim != NULL && g_str_equal (invalid_claim, answer->claim_id))
    raw = LATERAL_XAPI_MARK_MAX + 100;

  json_builder_begin_object (builder);
  add_id (builder, "answered", attempt->uuid, answer->claim_id);
  add_actor (builder, options, attempt);
  add_verb (builder, LATERAL_XAPI_VERB_ANSWERED, "answered");
  add_claim_activity (builder, attempt, answer->claim_id);

  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "success");
  json_builder_add_boolean_value (builder, answer->correct);
  add_score (builder, raw, LATERAL_XAPI_MARK_MIN, LATERAL_XAPI_MARK_MAX);
  add_string (builder, "response", lateral_verdict_to_string (answer->verdict));
  duration = g_strdup_printf ("PT%u.%03uS", answer->time_ms / 1000, answer->time_ms % 1000);
  add_string (builder, "duration", duration);
  json_builder_set_member_name (builder, "extensions");
  json_builder_begin_object (builder);
  add_int (builder, LATERAL_XAPI_EXTENSION ("certainty"), answer->certainty);
  json_builder_set_member_name (builder, LATERAL_XAPI_EXTENSION ("checks"));
  json_builder_begin_array (builder);
  for (guint i = 0; answer->moves != NULL && answer->moves[i] != NULL; i++)
    json_builder_add_string_value (builder, answer->moves[i]);
  json_builder_end_array (builder);
  add_int (builder, LATERAL_XAPI_EXTENSION ("checks-expected"), answer->moves_expected);
  add_int (builder, LATERAL_XAPI_EXTENSION ("checks-unexpected"), answer->moves_unexpected);
  add_int (builder, LATERAL_XAPI_EXTENSION ("time-ms"), answer->time_ms);
  add_string (builder, LATERAL_XAPI_EXTENSION ("claim-id"), answer->claim_id);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_context (builder, options, attempt, TRUE);
  add_time (builder, "timestamp", answer->answered_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

JsonNode *
lateral_xapi_build_completed (const LateralXapiOptions *options,
                              const LateralAttempt     *attempt)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  g_return_val_if_fail (options != NULL && attempt != NULL, NULL);
  g_return_val_if_fail (attempt->finished_at != 0, NULL);

  json_builder_begin_object (builder);
  add_id (builder, "completed", attempt->uuid, NULL);
  add_actor (builder, options, attempt);
  add_verb (builder, LATERAL_XAPI_VERB_COMPLETED, "completed");
  json_builder_set_member_name (builder, "object");
  add_pack_activity (builder, attempt);

  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "completion");
  json_builder_add_boolean_value (builder, TRUE);
  add_score (builder, attempt->total_mark,
             LATERAL_XAPI_MARK_MIN * (int) attempt->n_answers, LATERAL_XAPI_MARK_MAX * (int) attempt->n_answers);
  json_builder_set_member_name (builder, "extensions");
  json_builder_begin_object (builder);
  add_int (builder, LATERAL_XAPI_EXTENSION ("answers"), attempt->n_answers);
  add_int (builder, LATERAL_XAPI_EXTENSION ("correct"), attempt->n_correct);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_context (builder, options, attempt, FALSE);
  add_time (builder, "timestamp", attempt->finished_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * lateral_xapi_build_measured:
 * @session: a stored quick check (its profile name is used with send-names)
 *
 * One statement per sitting of a quick check, before or after a case
 * (docs/xapi.md): the scores V r f d n and every answer, so the LRS holds
 * the whole sitting. Its id is the UUID v5 of "measured SESSION-UUID".
 */
JsonNode *
lateral_xapi_build_measured (const LateralXapiOptions    *options,
                             const LateralMeasureSession *session)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *activity = NULL;
  g_autofree char *duration = NULL;
  g_autofree char *id = NULL;
  LateralMeasureScore score;
  guint n_items;
  gint64 seconds;

  g_return_val_if_fail (options != NULL && session != NULL, NULL);

  lateral_measure_session_score (session, &score);
  n_items = session->answers->len;
  seconds = MAX (session->finished_at - session->started_at, 0);

  json_builder_begin_object (builder);
  id = lateral_xapi_statement_id ("measured", session->uuid, NULL);
  add_string (builder, "id", id);

  json_builder_set_member_name (builder, "actor");
  json_builder_begin_object (builder);
  add_string (builder, "objectType", "Agent");
  if (options->send_names && session->profile_name != NULL)
    add_string (builder, "name", session->profile_name);
  json_builder_set_member_name (builder, "account");
  json_builder_begin_object (builder);
  add_string (builder, "homePage", options->homepage);
  add_string (builder, "name", session->profile_uuid);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_verb (builder, LATERAL_XAPI_VERB_SCORED, "scored");

  activity = lateral_xapi_measure_activity_id (session->instrument_id);
  json_builder_set_member_name (builder, "object");
  json_builder_begin_object (builder);
  add_string (builder, "objectType", "Activity");
  add_string (builder, "id", activity);
  json_builder_set_member_name (builder, "definition");
  json_builder_begin_object (builder);
  add_string (builder, "type", "http://adlnet.gov/expapi/activities/assessment");
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  json_builder_set_member_name (builder, "result");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "completion");
  json_builder_add_boolean_value (builder, TRUE);
  json_builder_set_member_name (builder, "score");
  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "scaled");
  json_builder_add_double_value (builder, n_items > 0 ? (double) score.V / n_items : 0.0);
  add_int (builder, "raw", score.V);
  add_int (builder, "min", 0);
  add_int (builder, "max", n_items);
  json_builder_end_object (builder);
  duration = g_strdup_printf ("PT%" G_GINT64_FORMAT "S", seconds);
  add_string (builder, "duration", duration);
  json_builder_set_member_name (builder, "extensions");
  json_builder_begin_object (builder);
  add_string (builder, LATERAL_XAPI_EXTENSION ("measure-when"), lateral_measure_when_to_string (session->when));
  add_int (builder, LATERAL_XAPI_EXTENSION ("measure-v"), score.V);
  add_int (builder, LATERAL_XAPI_EXTENSION ("measure-r"), score.r);
  add_int (builder, LATERAL_XAPI_EXTENSION ("measure-f"), score.f);
  add_int (builder, LATERAL_XAPI_EXTENSION ("measure-d"), score.d);
  add_int (builder, LATERAL_XAPI_EXTENSION ("measure-n"), score.n);
  json_builder_set_member_name (builder, LATERAL_XAPI_EXTENSION ("real-first"));
  json_builder_add_boolean_value (builder, session->real_first);
  json_builder_set_member_name (builder, LATERAL_XAPI_EXTENSION ("measure-answers"));
  json_builder_begin_array (builder);
  for (guint i = 0; i < n_items; i++)
    {
      const LateralMeasureAnswer *answer = g_ptr_array_index (session->answers, i);

      json_builder_begin_object (builder);
      add_string (builder, "item", answer->item_id);
      add_string (builder, "answer", answer->said_real ? "real" : "fake");
      json_builder_set_member_name (builder, "correct");
      json_builder_add_boolean_value (builder, answer->correct);
      add_int (builder, "position", answer->position);
      add_int (builder, "time-ms", answer->time_ms);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  /* context: the attempt that offered the check is the registration, the
   * case its parent, so queries by registration or by the case's activity
   * (related) find the check with the answers. */
  json_builder_set_member_name (builder, "context");
  json_builder_begin_object (builder);
  if (session->attempt_uuid != NULL)
    add_string (builder, "registration", session->attempt_uuid);
  add_string (builder, "platform", "Lateral");
  if (session->pack_id != NULL)
    {
      json_builder_set_member_name (builder, "contextActivities");
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "parent");
      json_builder_begin_array (builder);
      add_pack_activity_id (builder, session->pack_id);
      json_builder_end_array (builder);
      json_builder_end_object (builder);
    }
  json_builder_set_member_name (builder, "extensions");
  json_builder_begin_object (builder);
  if (session->class_code != NULL)
    add_string (builder, LATERAL_XAPI_EXTENSION ("class-code"), session->class_code);
  if (session->pack_id != NULL)
    add_string (builder, LATERAL_XAPI_EXTENSION ("pack-id"), session->pack_id);
  if (session->pack_version != NULL)
    add_string (builder, LATERAL_XAPI_EXTENSION ("pack-version"), session->pack_version);
  add_string (builder, LATERAL_XAPI_EXTENSION ("measure-session"), session->uuid);
  add_string (builder, LATERAL_XAPI_EXTENSION ("instrument-id"), session->instrument_id);
  add_string (builder, LATERAL_XAPI_EXTENSION ("instrument-hash"), session->instrument_hash);
  add_string (builder, LATERAL_XAPI_EXTENSION ("device-id"), session->device_id);
  add_time (builder, LATERAL_XAPI_EXTENSION ("started-at"), session->started_at);
  add_string (builder, LATERAL_XAPI_EXTENSION ("provenance"), options->provenance);
  json_builder_end_object (builder);
  json_builder_end_object (builder);

  add_time (builder, "timestamp", session->finished_at);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * lateral_xapi_export:
 * @profile_name: (nullable): only this learner's attempts
 * @class_code: (nullable): only attempts with this class code
 *
 * Every attempt in the store (the learners' own and those imported from
 * bundles) as statements: started, one per answer, completed when it is;
 * then every quick check (before/after) as one "scored" statement each.
 *
 * Returns: (transfer full): a JSON array of statements
 */
JsonNode *
lateral_xapi_export (LateralStore              *store,
                     const LateralXapiOptions  *options,
                     const char                *profile_name,
                     const char                *class_code,
                     guint                     *out_n_statements,
                     GError                   **error)
{
  g_autoptr(JsonArray) array = json_array_new ();
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  JsonNode *root;

  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);
  g_return_val_if_fail (options != NULL && options->homepage != NULL, NULL);

  attempts = lateral_store_select_attempts (store, profile_name, class_code, error);
  if (attempts == NULL)
    return NULL;

  for (guint i = 0; i < attempts->len; i++)
    {
      const LateralAttempt *attempt = attempts->pdata[i];
      g_autoptr(GPtrArray) answers = lateral_store_list_answers (store, attempt->uuid, error);

      if (answers == NULL)
        return NULL;

      json_array_add_element (array, lateral_xapi_build_started (options, attempt));
      for (guint j = 0; j < answers->len; j++)
        json_array_add_element (array, lateral_xapi_build_answered (options, attempt, answers->pdata[j]));
      if (attempt->finished_at != 0)
        json_array_add_element (array, lateral_xapi_build_completed (options, attempt));
    }

  sessions = lateral_store_list_measure_sessions (store, NULL, profile_name, class_code, error);
  if (sessions == NULL)
    return NULL;
  for (guint i = 0; i < sessions->len; i++)
    json_array_add_element (array, lateral_xapi_build_measured (options, sessions->pdata[i]));

  if (out_n_statements != NULL)
    *out_n_statements = json_array_get_length (array);

  root = json_node_new (JSON_NODE_ARRAY);
  json_node_set_array (root, array);
  return root;
}
