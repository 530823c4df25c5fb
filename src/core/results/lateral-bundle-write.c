/* lateral-bundle-write.c: writing results bundles
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Reading them back is in lateral-bundle-import.c. The format is
 * documented in docs/results-format.md.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "json/lateral-json-builder-private.h"
#include "lateral-bundle.h"
#include "lateral-bundle-private.h"
#include "store/lateral-store.h"
#include "store/lateral-output-file.h"
#include "store/lateral-store-transaction.h"

G_DEFINE_QUARK (lateral-bundle-error-quark, lateral_bundle_error)

/* Bundles and CSV files carry times as ISO 8601 in UTC, to the second:
 * readable by people and spreadsheets, and exact for the store's seconds. */
char *
lateral_format_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  if (time == NULL)
    return g_strdup ("");

  return g_date_time_format (time, "%Y-%m-%dT%H:%M:%SZ");
}

gboolean
lateral_parse_time (const char *text,
                    gint64     *out_unix_seconds)
{
  g_autoptr(GDateTime) time = NULL;

  g_return_val_if_fail (out_unix_seconds != NULL, FALSE);

  if (text == NULL)
    return FALSE;

  /* A date-time with a time zone: a bare date or a local time is ambiguous. */
  if (!g_regex_match_simple ("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$",
                             text, 0, 0))
    return FALSE;

  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    return FALSE;

  *out_unix_seconds = g_date_time_to_unix (time);
  return TRUE;
}

static void
add_time (JsonBuilder *builder,
          const char  *member,
          gint64       unix_seconds)
{
  g_autofree char *text = NULL;

  json_builder_set_member_name (builder, member);
  if (unix_seconds == 0)
    {
      json_builder_add_null_value (builder);
      return;
    }
  text = lateral_format_time (unix_seconds);
  json_builder_add_string_value (builder, text);
}

static void
add_answer (JsonBuilder         *builder,
            const LateralAnswer *answer)
{
  json_builder_begin_object (builder);
  lateral_json_add_string (builder, "claim_id", answer->claim_id);
  lateral_json_add_string (builder, "verdict", lateral_verdict_to_string (answer->verdict));
  lateral_json_add_int (builder, "certainty", answer->certainty);
  json_builder_set_member_name (builder, "moves");
  json_builder_begin_array (builder);
  for (guint i = 0; answer->moves[i] != NULL; i++)
    json_builder_add_string_value (builder, answer->moves[i]);
  json_builder_end_array (builder);
  lateral_json_add_int (builder, "time_ms", answer->time_ms);
  add_time (builder, "answered_at", answer->answered_at);
  json_builder_set_member_name (builder, "correct");
  json_builder_add_boolean_value (builder, answer->correct);
  lateral_json_add_int (builder, "mark", answer->mark);
  lateral_json_add_int (builder, "moves_expected", answer->moves_expected);
  lateral_json_add_int (builder, "moves_unexpected", answer->moves_unexpected);
  json_builder_end_object (builder);
}

/* Import reads dates from 0001 to 9999 only: an attempt played under a
 * clock set to year 10000 is refused here with its name, never written as
 * "" (which would make the whole file unreadable). */
static gboolean
check_time (const LateralAttempt  *attempt,
            gint64                 unix_seconds,
            GError               **error)
{
  g_autofree char *text = NULL;

  if (unix_seconds == 0)
    return TRUE;
  text = lateral_format_time (unix_seconds);
  if (*text != '\0')
    return TRUE;
  g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
               _("Attempt %s by %s has a date outside the years 0001–9999 (the computer’s clock was wrong "
                 "when it was played): it cannot be exported; export the others with --profile or --class"),
               attempt->uuid, attempt->profile_name);
  return FALSE;
}

static gboolean
add_attempt (JsonBuilder     *builder,
             LateralStore    *store,
             LateralAttempt  *attempt,
             GError         **error)
{
  g_autoptr(GPtrArray) answers = lateral_store_list_answers (store, attempt->uuid, error);

  if (answers == NULL)
    return FALSE;
  if (!check_time (attempt, attempt->started_at, error) || !check_time (attempt, attempt->finished_at, error))
    return FALSE;
  for (guint i = 0; i < answers->len; i++)
    {
      if (!check_time (attempt, ((LateralAnswer *) answers->pdata[i])->answered_at, error))
        return FALSE;
    }

  json_builder_begin_object (builder);
  lateral_json_add_string (builder, "uuid", attempt->uuid);
  lateral_json_add_string (builder, "profile_uuid", attempt->profile_uuid);
  json_builder_set_member_name (builder, "pack");
  json_builder_begin_object (builder);
  lateral_json_add_string (builder, "id", attempt->pack_id);
  lateral_json_add_string (builder, "version", attempt->pack_version);
  lateral_json_add_string (builder, "hash", attempt->pack_hash);
  json_builder_end_object (builder);
  lateral_json_add_string (builder, "class_code", attempt->class_code);
  lateral_json_add_string (builder, "device_id", attempt->device_id);
  add_time (builder, "started_at", attempt->started_at);
  add_time (builder, "finished_at", attempt->finished_at);
  json_builder_set_member_name (builder, "answers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < answers->len; i++)
    add_answer (builder, answers->pdata[i]);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return TRUE;
}

static gboolean
add_profiles (JsonBuilder   *builder,
              LateralStore  *store,
              GPtrArray     *attempts,
              guint          first,
              guint          end,
              GError       **error)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  for (guint i = first; i < end; i++)
    {
      LateralAttempt *attempt = attempts->pdata[i];
      g_autoptr(LateralProfile) profile = NULL;

      if (!g_hash_table_add (seen, attempt->profile_uuid))
        continue;

      profile = lateral_store_get_profile (store, attempt->profile_uuid, error);
      if (profile == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND,
                         _("No profile %s in the database"), attempt->profile_uuid);
          return FALSE;
        }

      if (!check_time (attempt, profile->created_at, error))
        return FALSE;
      json_builder_begin_object (builder);
      lateral_json_add_string (builder, "uuid", profile->uuid);
      lateral_json_add_string (builder, "name", profile->name);
      add_time (builder, "created_at", profile->created_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

/* Attempts [first, end) of @attempts as one bundle, with their profiles. */
static JsonNode *
build_bundle (LateralStore  *store,
              GPtrArray     *attempts,
              guint          first,
              guint          end,
              GError       **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *generator = g_strdup_printf ("Lateral %s", PACKAGE_VERSION);

  json_builder_begin_object (builder);
  lateral_json_add_string (builder, "format", LATERAL_BUNDLE_FORMAT);
  lateral_json_add_string (builder, "generator", generator);
  add_time (builder, "exported_at", g_get_real_time () / G_USEC_PER_SEC);
  lateral_json_add_string (builder, "device_id", lateral_store_get_device_id (store));
  if (!add_profiles (builder, store, attempts, first, end, error))
    return NULL;

  json_builder_set_member_name (builder, "attempts");
  json_builder_begin_array (builder);
  for (guint i = first; i < end; i++)
    {
      if (!add_attempt (builder, store, attempts->pdata[i], error))
        return NULL;
    }
  json_builder_end_array (builder);

  /* The checks of the learners this bundle carries. */
  {
    g_autoptr(GHashTable) profiles = g_hash_table_new (g_str_hash, g_str_equal);

    for (guint i = first; i < end; i++)
      g_hash_table_add (profiles, ((LateralAttempt *) attempts->pdata[i])->profile_uuid);
    if (!lateral_bundle_add_measures (builder, store, profiles, error))
      return NULL;
  }
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/**
 * lateral_bundle_export:
 * @profile_name: (nullable): only this learner's attempts
 * @class_code: (nullable): only attempts with this class code
 *
 * Returns: (transfer full): the bundle, ready for json_to_string()
 */
JsonNode *
lateral_bundle_export (LateralStore  *store,
                       const char    *profile_name,
                       const char    *class_code,
                       guint         *out_n_attempts,
                       GError       **error)
{
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);

  /* One read transaction: a consistent snapshot while the app keeps writing. */
  tx = lateral_store_transaction_begin (store, LATERAL_STORE_READ, error);
  if (tx == NULL)
    return NULL;

  attempts = lateral_store_select_attempts (store, profile_name, class_code, error);
  if (attempts == NULL)
    return NULL;
  root = build_bundle (store, attempts, 0, attempts->len, error);
  if (root == NULL || !lateral_store_transaction_commit (tx, error))
    return NULL;

  if (out_n_attempts != NULL)
    *out_n_attempts = attempts->len;

  return g_steal_pointer (&root);
}

static char *
to_data (JsonNode *root)
{
  g_autofree char *json = json_to_string (root, TRUE);

  return g_strconcat (json, "\n", NULL);
}

/* The bundles of attempts [first, end), each within @max_size bytes and
 * LATERAL_BUNDLE_MAX_ATTEMPTS attempts: halves until every part fits. */
static gboolean
build_parts (LateralStore  *store,
             GPtrArray     *attempts,
             guint          first,
             guint          end,
             gsize          max_size,
             GPtrArray     *parts,
             GError       **error)
{
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *data = NULL;

  if (end - first <= LATERAL_BUNDLE_MAX_ATTEMPTS)
    {
      root = build_bundle (store, attempts, first, end, error);
      if (root == NULL)
        return FALSE;
      data = to_data (root);
      if (strlen (data) <= max_size || end - first <= 1)
        {
          if (strlen (data) > max_size)
            {
              g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                           _("Attempt %s alone is larger than a results bundle may be"),
                           ((LateralAttempt *) attempts->pdata[first])->uuid);
              return FALSE;
            }
          g_ptr_array_add (parts, g_steal_pointer (&data));
          return TRUE;
        }
    }

  return build_parts (store, attempts, first, first + (end - first) / 2, max_size, parts, error) &&
         build_parts (store, attempts, first + (end - first) / 2, end, max_size, parts, error);
}

/* FILE.json, then FILE-part2.json, FILE-part3.json… */
static char *
part_name (const char *filename,
           guint       index)
{
  g_autofree char *stem = NULL;

  if (index == 0)
    return g_strdup (filename);
  stem = g_str_has_suffix (filename, ".json") ? g_strndup (filename, strlen (filename) - 5) : g_strdup (filename);
  return g_strdup_printf ("%s-part%u.json", stem, index + 1);
}

/**
 * lateral_bundle_write_parts:
 * @max_size: the largest file to write; LATERAL_BUNDLE_MAX_SIZE, what
 *   import reads, but for tests
 * @out_filenames: (out) (optional) (transfer full): the files written
 *
 * Writes the bundle as one file, or, when import could not read it whole
 * (over @max_size bytes or LATERAL_BUNDLE_MAX_ATTEMPTS attempts), as
 * several bundles that import reads one by one: FILE, FILE-part2.json…
 * Every file is written whole (lateral_output_file_write()).
 */
gboolean
lateral_bundle_write_parts (LateralStore   *store,
                            const char     *profile_name,
                            const char     *class_code,
                            const char     *filename,
                            gsize           max_size,
                            guint          *out_n_attempts,
                            char         ***out_filenames,
                            GError        **error)
{
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(LateralStoreTransaction) tx = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (store), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  tx = lateral_store_transaction_begin (store, LATERAL_STORE_READ, error);
  if (tx == NULL)
    return FALSE;
  attempts = lateral_store_select_attempts (store, profile_name, class_code, error);
  if (attempts == NULL)
    return FALSE;
  if (attempts->len == 0)
    {
      g_autoptr(JsonNode) root = build_bundle (store, attempts, 0, 0, error);

      if (root == NULL)
        return FALSE;
      g_ptr_array_add (parts, to_data (root));
    }
  else if (!build_parts (store, attempts, 0, attempts->len, max_size, parts, error))
    return FALSE;
  if (!lateral_store_transaction_commit (tx, error))
    return FALSE;

  for (guint i = 0; i < parts->len; i++)
    {
      g_autofree char *name = part_name (filename, i);

      if (!lateral_output_file_write (name, parts->pdata[i], -1, error))
        return FALSE;
      g_strv_builder_add (names, name);
    }

  if (out_n_attempts != NULL)
    *out_n_attempts = attempts->len;
  if (out_filenames != NULL)
    *out_filenames = g_strv_builder_end (names);
  return TRUE;
}

/**
 * lateral_bundle_to_data:
 * @profile_name: (nullable): only this learner's attempts
 * @class_code: (nullable): only attempts with this class code
 *
 * The bundle as the text that goes into a file: pretty-printed JSON ending
 * with a newline, the same bytes for the app and `lateral-cli export`.
 *
 * Returns: (transfer full): the text, or %NULL with @error set
 */
char *
lateral_bundle_to_data (LateralStore  *store,
                        const char    *profile_name,
                        const char    *class_code,
                        guint         *out_n_attempts,
                        GError       **error)
{
  g_autoptr(JsonNode) root = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);

  root = lateral_bundle_export (store, profile_name, class_code, out_n_attempts, error);
  if (root == NULL)
    return NULL;

  return to_data (root);
}

/**
 * lateral_bundle_write_file:
 * @profile_name: (nullable): only this learner's attempts
 * @class_code: (nullable): only attempts with this class code
 * @filename: where to write
 *
 * Writes a results bundle to @filename, replacing it atomically: a write
 * interrupted halfway never leaves half a bundle behind, and an old file of
 * that name stays whole until the new one is complete. A class too large
 * for one bundle goes into parts, as lateral_bundle_write_parts() says.
 *
 * Returns: whether the file was written
 */
gboolean
lateral_bundle_write_file (LateralStore  *store,
                           const char    *profile_name,
                           const char    *class_code,
                           const char    *filename,
                           guint         *out_n_attempts,
                           GError       **error)
{
  return lateral_bundle_write_parts (store, profile_name, class_code, filename, LATERAL_BUNDLE_MAX_SIZE,
                                     out_n_attempts, NULL, error);
}

void
lateral_import_result_clear (LateralImportResult *result)
{
  g_return_if_fail (result != NULL);

  g_clear_pointer (&result->rejections, g_ptr_array_unref);
  g_clear_pointer (&result->flagged, g_ptr_array_unref);
  memset (result, 0, sizeof *result);
}
