/* lateral-bundle-measures.c: headline-test sessions in results bundles (the `measures` member)
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept apart from the attempts' code: a session travels with its learner's
 * profile, is read and checked like an attempt, and on import is judged
 * again against this machine's copy of the instrument (what a bundle says
 * was right is not believed). Sessions are final: one already here is
 * "present" when identical and rejected otherwise. docs/results-format.md.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "json/lateral-json-builder-private.h"
#include "lateral-bundle-private.h"
#include "measure/lateral-measure.h"
#include "store/lateral-store-measures.h"

#define MAX_MEASURES 100000
/* As the store's own limit on ids (MAX_TEXT). */
#define MAX_TEXT     256

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_seconds)
{
  g_autofree char *text = lateral_format_time (unix_seconds);

  json_builder_set_member_name (builder, member);
  json_builder_add_string_value (builder, text);
}

static void
add_session (JsonBuilder                 *builder,
             const LateralMeasureSession *session)
{
  json_builder_begin_object (builder);
  lateral_json_add_string (builder, "uuid", session->uuid);
  lateral_json_add_string (builder, "profile_uuid", session->profile_uuid);
  lateral_json_add_string (builder, "instrument", session->instrument_id);
  lateral_json_add_string (builder, "instrument_hash", session->instrument_hash);
  lateral_json_add_string (builder, "when", lateral_measure_when_to_string (session->when));
  lateral_json_add_string (builder, "pack_id", session->pack_id);
  lateral_json_add_string (builder, "pack_version", session->pack_version);
  lateral_json_add_string (builder, "attempt_uuid", session->attempt_uuid);
  lateral_json_add_string (builder, "class_code", session->class_code);
  lateral_json_add_string (builder, "device_id", session->device_id);
  json_builder_set_member_name (builder, "real_first");
  json_builder_add_boolean_value (builder, session->real_first);
  add_time (builder, "started_at", session->started_at);
  add_time (builder, "finished_at", session->finished_at);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < session->answers->len; i++)
    {
      const LateralMeasureAnswer *answer = g_ptr_array_index (session->answers, i);

      json_builder_begin_object (builder);
      lateral_json_add_string (builder, "item_id", answer->item_id);
      lateral_json_add_string (builder, "answer", answer->said_real ? "real" : "fake");
      json_builder_set_member_name (builder, "correct");
      json_builder_add_boolean_value (builder, answer->correct);
      lateral_json_add_int (builder, "position", answer->position);
      lateral_json_add_int (builder, "time_ms", answer->time_ms);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/**
 * lateral_bundle_add_measures:
 * @profile_uuids: the profiles this bundle carries
 *
 * Writes `measures`: every check taken by those learners.
 */
gboolean
lateral_bundle_add_measures (JsonBuilder   *builder,
                             LateralStore  *store,
                             GHashTable    *profile_uuids,
                             GError       **error)
{
  g_autoptr(GPtrArray) sessions = lateral_store_list_measure_sessions (store, NULL, NULL, NULL, error);

  if (sessions == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "measures");
  json_builder_begin_array (builder);
  for (guint i = 0; i < sessions->len; i++)
    {
      const LateralMeasureSession *session = g_ptr_array_index (sessions, i);

      if (g_hash_table_contains (profile_uuids, session->profile_uuid))
        add_session (builder, session);
    }
  json_builder_end_array (builder);
  return TRUE;
}

static gboolean
invalid (Bundle      *bundle,
         GError     **error,
         const char  *path,
         const char  *format,
         ...) G_GNUC_PRINTF (4, 5);

static gboolean
invalid (Bundle      *bundle,
         GError     **error,
         const char  *path,
         const char  *format,
         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_INVALID,
               "%s: error: %s: %s", bundle->filename, path, message);
  return FALSE;
}

/* A text member: 1–256 bytes, or null/absent when @nullable. */
static gboolean
get_text (Bundle      *bundle,
          JsonObject  *object,
          const char  *path,
          const char  *name,
          gboolean     nullable,
          char       **out,
          GError     **error)
{
  JsonNode *node = json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
  const char *text;

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return nullable ? TRUE : invalid (bundle, error, path, _("“%s” is missing; expected text"), name);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (bundle, error, path, _("“%s” must be text"), name);
  text = json_node_get_string (node);
  if (text[0] == '\0' || strlen (text) > MAX_TEXT)
    return invalid (bundle, error, path, _("“%s” must be 1 to %d bytes"), name, MAX_TEXT);
  *out = g_strdup (text);
  return TRUE;
}

static gboolean
get_int (Bundle      *bundle,
         JsonObject  *object,
         const char  *path,
         const char  *name,
         guint        max,
         gint64      *out,
         GError     **error)
{
  JsonNode *node = json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > (gint64) max)
    return invalid (bundle, error, path, _("“%s” must be a whole number from 0 to %u"), name, max);
  *out = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_bool (Bundle      *bundle,
          JsonObject  *object,
          const char  *path,
          const char  *name,
          gboolean    *out,
          GError     **error)
{
  JsonNode *node = json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return invalid (bundle, error, path, _("“%s” must be true or false"), name);
  *out = json_node_get_boolean (node);
  return TRUE;
}

static gboolean
get_time (Bundle      *bundle,
          JsonObject  *object,
          const char  *path,
          const char  *name,
          gint64      *out,
          GError     **error)
{
  g_autofree char *text = NULL;

  if (!get_text (bundle, object, path, name, FALSE, &text, error))
    return FALSE;
  if (!lateral_parse_time (text, out))
    return invalid (bundle, error, path, _("“%s” is not a time; expected such as 2026-11-25T14:22:40Z"), name);
  return TRUE;
}

static LateralMeasureSession *
read_session (Bundle      *bundle,
              JsonNode    *node,
              const char  *path,
              GError     **error)
{
  g_autoptr(LateralMeasureSession) session = g_new0 (LateralMeasureSession, 1);
  g_autofree char *when = NULL;
  JsonObject *object;
  JsonNode *answers;

  session->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_measure_answer_free);
  if (!JSON_NODE_HOLDS_OBJECT (node))
    return invalid (bundle, error, path, _("expected an object")), NULL;
  object = json_node_get_object (node);

  if (!get_text (bundle, object, path, "uuid", FALSE, &session->uuid, error) ||
      !get_text (bundle, object, path, "profile_uuid", FALSE, &session->profile_uuid, error) ||
      !get_text (bundle, object, path, "instrument", FALSE, &session->instrument_id, error) ||
      !get_text (bundle, object, path, "instrument_hash", FALSE, &session->instrument_hash, error) ||
      !get_text (bundle, object, path, "when", FALSE, &when, error) ||
      !get_text (bundle, object, path, "pack_id", TRUE, &session->pack_id, error) ||
      !get_text (bundle, object, path, "pack_version", TRUE, &session->pack_version, error) ||
      !get_text (bundle, object, path, "attempt_uuid", TRUE, &session->attempt_uuid, error) ||
      !get_text (bundle, object, path, "class_code", TRUE, &session->class_code, error) ||
      !get_text (bundle, object, path, "device_id", FALSE, &session->device_id, error) ||
      !get_bool (bundle, object, path, "real_first", &session->real_first, error) ||
      !get_time (bundle, object, path, "started_at", &session->started_at, error) ||
      !get_time (bundle, object, path, "finished_at", &session->finished_at, error))
    return NULL;
  if (!g_uuid_string_is_valid (session->uuid))
    return invalid (bundle, error, path, _("“uuid” is not a UUID")), NULL;
  if (!lateral_measure_when_from_string (when, &session->when))
    return invalid (bundle, error, path, _("“when” must be before or after")), NULL;
  if (session->finished_at < session->started_at)
    return invalid (bundle, error, path, _("the check finishes before it starts")), NULL;
  if (!g_hash_table_contains (bundle->profiles, session->profile_uuid))
    return invalid (bundle, error, path, _("profile %s is not in “profiles”"), session->profile_uuid), NULL;

  answers = json_object_has_member (object, "answers") ? json_object_get_member (object, "answers") : NULL;
  if (answers == NULL || !JSON_NODE_HOLDS_ARRAY (answers) ||
      json_array_get_length (json_node_get_array (answers)) == 0 ||
      json_array_get_length (json_node_get_array (answers)) > LATERAL_MEASURE_MAX_ITEMS)
    return invalid (bundle, error, path, _("“answers” must be a list of 1 to %d answers"), LATERAL_MEASURE_MAX_ITEMS), NULL;
  for (guint i = 0; i < json_array_get_length (json_node_get_array (answers)); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s.answers[%u]", path, i);
      JsonNode *item = json_array_get_element (json_node_get_array (answers), i);
      g_autoptr(LateralMeasureAnswer) answer = g_new0 (LateralMeasureAnswer, 1);
      g_autofree char *said = NULL;
      gint64 position, time_ms;

      if (!JSON_NODE_HOLDS_OBJECT (item))
        return invalid (bundle, error, item_path, _("expected an object")), NULL;
      if (!get_text (bundle, json_node_get_object (item), item_path, "item_id", FALSE, &answer->item_id, error) ||
          !get_text (bundle, json_node_get_object (item), item_path, "answer", FALSE, &said, error) ||
          !get_bool (bundle, json_node_get_object (item), item_path, "correct", &answer->correct, error) ||
          !get_int (bundle, json_node_get_object (item), item_path, "position", LATERAL_MEASURE_MAX_ITEMS, &position, error) ||
          !get_int (bundle, json_node_get_object (item), item_path, "time_ms", G_MAXUINT32, &time_ms, error))
        return NULL;
      if (!g_str_equal (said, "real") && !g_str_equal (said, "fake"))
        return invalid (bundle, error, item_path, _("“answer” must be real or fake")), NULL;
      answer->said_real = g_str_equal (said, "real");
      answer->position = position;
      answer->time_ms = time_ms;
      if (lateral_measure_session_find (session, answer->item_id) != NULL)
        return invalid (bundle, error, item_path, _("item “%s” is answered twice"), answer->item_id), NULL;
      g_ptr_array_add (session->answers, g_steal_pointer (&answer));
    }
  return g_steal_pointer (&session);
}

/* Reads the optional `measures` member into bundle->measures. */
gboolean
lateral_bundle_read_measures (Bundle      *bundle,
                              JsonObject  *root,
                              GError     **error)
{
  JsonNode *node = json_object_has_member (root, "measures") ? json_object_get_member (root, "measures") : NULL;
  JsonArray *array;

  if (node == NULL)
    return TRUE;
  if (!JSON_NODE_HOLDS_ARRAY (node))
    return invalid (bundle, error, "measures", _("expected a list of checks"));
  array = json_node_get_array (node);
  if (json_array_get_length (array) > MAX_MEASURES)
    return invalid (bundle, error, "measures", _("more than %d checks"), MAX_MEASURES);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("measures[%u]", i);
      LateralMeasureSession *session = read_session (bundle, json_array_get_element (array, i), path, error);

      if (session == NULL)
        return FALSE;
      g_ptr_array_add (bundle->measures, session);
    }
  return TRUE;
}

static gboolean
same_session (const LateralMeasureSession *a,
              const LateralMeasureSession *b)
{
  if (g_strcmp0 (a->profile_uuid, b->profile_uuid) != 0 || g_strcmp0 (a->instrument_id, b->instrument_id) != 0 ||
      a->when != b->when || a->started_at != b->started_at || a->finished_at != b->finished_at ||
      g_strcmp0 (a->pack_id, b->pack_id) != 0 || a->answers->len != b->answers->len)
    return FALSE;
  for (guint i = 0; i < a->answers->len; i++)
    {
      const LateralMeasureAnswer *x = g_ptr_array_index (a->answers, i);
      const LateralMeasureAnswer *y = lateral_measure_session_find (b, x->item_id);

      if (y == NULL || x->said_real != y->said_real)
        return FALSE;
    }
  return TRUE;
}

/* Judges every answer again with this machine's instrument; NULL when the
 * session cannot be trusted, with the reason. */
static char *
recheck (LateralMeasureSession *session,
         GHashTable            *instruments)
{
  LateralMeasure *measure;

  if (!g_hash_table_contains (instruments, session->instrument_id))
    g_hash_table_insert (instruments, g_strdup (session->instrument_id),
                         lateral_measure_find (session->instrument_id, NULL));
  measure = g_hash_table_lookup (instruments, session->instrument_id);
  if (measure == NULL)
    return g_strdup_printf (_("the instrument “%s” is not installed here"), session->instrument_id);

  for (guint i = 0; i < session->answers->len; i++)
    {
      LateralMeasureAnswer *answer = g_ptr_array_index (session->answers, i);
      const LateralMeasureItem *item = lateral_measure_find_item (measure, answer->item_id);

      if (item == NULL)
        return g_strdup_printf (_("“%s” is not an item of %s"), answer->item_id, session->instrument_id);
      answer->correct = answer->said_real == item->real;
    }
  if (session->answers->len != lateral_measure_get_n_items (measure))
    return g_strdup_printf (_("it answers %u of the %u items"), session->answers->len,
                            lateral_measure_get_n_items (measure));
  return NULL;
}

static void
unref_nullable (gpointer object)
{
  g_clear_object (&object);
}

/* Inside the import's transaction, after the profiles went in. */
gboolean
lateral_bundle_merge_measures (LateralStore         *store,
                               Bundle               *bundle,
                               LateralImportResult  *result,
                               GError              **error)
{
  g_autoptr(GHashTable) instruments = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, unref_nullable);
  gint64 now = g_get_real_time () / G_USEC_PER_SEC;

  for (guint i = 0; i < bundle->measures->len; i++)
    {
      LateralMeasureSession *session = g_ptr_array_index (bundle->measures, i);
      g_autoptr(LateralMeasureSession) here = NULL;
      g_autoptr(GError) local_error = NULL;
      g_autofree char *reason = recheck (session, instruments);

      if (reason == NULL && session->finished_at > now + 24 * 3600)
        reason = g_strdup (_("it finishes in the future"));
      if (reason != NULL)
        {
          result->n_measures_rejected++;
          g_ptr_array_add (result->rejections, g_strdup_printf (_("check %s: rejected: %s"), session->uuid, reason));
          continue;
        }

      here = lateral_store_get_measure_session (store, session->uuid, &local_error);
      if (here != NULL)
        {
          if (same_session (here, session))
            result->n_measures_present++;
          else
            {
              result->n_measures_rejected++;
              g_ptr_array_add (result->rejections,
                               g_strdup_printf (_("check %s: rejected: a different check with this id is already here; checks are final"),
                                                session->uuid));
            }
          continue;
        }
      if (!g_error_matches (local_error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return FALSE;
        }

      session->imported_at = now;
      if (!lateral_store_insert_measure_session (store, session, error))
        return FALSE;
      result->n_measures_added++;
    }
  return TRUE;
}
