/* lateral-bundle-import.c: merging results bundles into the store
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is read and checked whole before anything is written, then
 * merged in one transaction: a bundle that is truncated, not a bundle, from
 * a newer format or wrong anywhere changes nothing. Attempts are matched by
 * UUID, answers by claim id; answers are final, so merging is idempotent.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "lateral-bundle.h"
#include "lateral-store-private.h"

/* Bounds that keep a hostile bundle from exhausting memory. */
#define MAX_BUNDLE_SIZE    (64 * 1024 * 1024)
#define MAX_ATTEMPTS       100000
#define MAX_ANSWERS        1000

typedef struct {
  LateralAttempt *attempt;
  GPtrArray      *answers;   /* of LateralAnswer */
} BundleAttempt;

typedef struct {
  const char *filename;
  GHashTable *profiles;      /* uuid -> LateralProfile, owned */
  GPtrArray  *attempts;      /* of BundleAttempt */
} Bundle;

static void
bundle_attempt_free (BundleAttempt *item)
{
  lateral_attempt_free (item->attempt);
  g_ptr_array_unref (item->answers);
  g_free (item);
}

static void
bundle_clear (Bundle *bundle)
{
  g_clear_pointer (&bundle->profiles, g_hash_table_unref);
  g_clear_pointer (&bundle->attempts, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bundle, bundle_clear)

static gboolean
invalid (Bundle      *bundle,
         GError     **error,
         const char  *path,
         const char  *format,
         ...) G_GNUC_PRINTF (4, 5);

/* FILE: error: PATH: MESSAGE, like the pack validator's diagnostics. */
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
               "%s: error: %s: %s", bundle->filename, *path ? path : "(root)", message);
  return FALSE;
}

static JsonNode *
member (JsonObject *object,
        const char *name)
{
  return json_object_has_member (object, name) ? json_object_get_member (object, name) : NULL;
}

/* Reads a string member; *out is NULL for a JSON null when NULLABLE. */
static gboolean
get_string (Bundle      *bundle,
            JsonObject  *object,
            const char  *path,
            const char  *name,
            gboolean     nullable,
            const char **out,
            GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  JsonNode *node = member (object, name);
  const char *value;

  *out = NULL;
  if (node == NULL)
    return invalid (bundle, error, where, _("missing"));
  if (nullable && JSON_NODE_HOLDS_NULL (node))
    return TRUE;
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return invalid (bundle, error, where, nullable ? _("must be a string or null") : _("must be a string"));

  value = json_node_get_string (node);
  if (*value == '\0' || strlen (value) > LATERAL_STORE_MAX_ID_LENGTH)
    return invalid (bundle, error, where, _("must be between 1 and %d bytes long"), LATERAL_STORE_MAX_ID_LENGTH);

  *out = value;
  return TRUE;
}

static gboolean
get_uuid (Bundle      *bundle,
          JsonObject  *object,
          const char  *path,
          const char  *name,
          const char **out,
          GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);

  if (!get_string (bundle, object, path, name, FALSE, out, error))
    return FALSE;
  if (!g_uuid_string_is_valid (*out))
    return invalid (bundle, error, where, _("“%s” is not a UUID"), *out);

  return TRUE;
}

static gboolean
get_int (Bundle      *bundle,
         JsonObject  *object,
         const char  *path,
         const char  *name,
         gint64       min,
         gint64       max,
         gint64      *out,
         GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  JsonNode *node = member (object, name);

  if (node == NULL)
    return invalid (bundle, error, where, _("missing"));
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < min || json_node_get_int (node) > max)
    return invalid (bundle, error, where, _("must be a whole number from %" G_GINT64_FORMAT " to %" G_GINT64_FORMAT),
                    min, max);

  *out = json_node_get_int (node);
  return TRUE;
}

/* Reads a time; 0 stands for a JSON null when NULLABLE. */
static gboolean
get_time (Bundle      *bundle,
          JsonObject  *object,
          const char  *path,
          const char  *name,
          gboolean     nullable,
          gint64      *out,
          GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  const char *text;

  *out = 0;
  if (!get_string (bundle, object, path, name, nullable, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!lateral_parse_time (text, out) || *out <= 0)
    return invalid (bundle, error, where, _("“%s” is not a date and time such as 2026-11-25T14:15:00Z"), text);

  return TRUE;
}

static JsonArray *
get_array (Bundle      *bundle,
           JsonObject  *object,
           const char  *path,
           const char  *name,
           guint        max,
           GError     **error)
{
  g_autofree char *where = g_strdup_printf ("%s%s%s", path, *path ? "." : "", name);
  JsonNode *node = member (object, name);

  if (node == NULL)
    {
      invalid (bundle, error, where, _("missing"));
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      invalid (bundle, error, where, _("must be a list"));
      return NULL;
    }
  if (json_array_get_length (json_node_get_array (node)) > max)
    {
      invalid (bundle, error, where, _("has more than %u entries"), max);
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
get_object (Bundle      *bundle,
            JsonNode    *node,
            const char  *path,
            GError     **error)
{
  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    {
      invalid (bundle, error, path, _("must be an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static LateralAnswer *
read_answer (Bundle      *bundle,
             JsonNode    *node,
             const char  *path,
             GError     **error)
{
  g_autoptr(LateralAnswer) answer = g_new0 (LateralAnswer, 1);
  g_autoptr(GStrvBuilder) moves = g_strv_builder_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object = get_object (bundle, node, path, error);
  JsonArray *array;
  JsonNode *correct;
  const char *text;
  gint64 value;

  if (object == NULL || !get_string (bundle, object, path, "claim_id", FALSE, &text, error))
    return NULL;
  answer->claim_id = g_strdup (text);

  if (!get_string (bundle, object, path, "verdict", FALSE, &text, error))
    return NULL;
  if (!lateral_verdict_from_string (text, &answer->verdict))
    {
      g_autofree char *where = g_strconcat (path, ".verdict", NULL);

      invalid (bundle, error, where, _("“%s” is not one of true, false, misleading, unverified"), text);
      return NULL;
    }

  if (!get_int (bundle, object, path, "certainty", 1, 3, &value, error))
    return NULL;
  answer->certainty = value;

  array = get_array (bundle, object, path, "moves", LATERAL_STORE_MAX_MOVES, error);
  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *move = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (move) || json_node_get_value_type (move) != G_TYPE_STRING)
        {
          g_autofree char *where = g_strdup_printf ("%s.moves[%u]", path, i);

          invalid (bundle, error, where, _("must be a string"));
          return NULL;
        }
      g_strv_builder_add (moves, json_node_get_string (move));
    }
  answer->moves = g_strv_builder_end (moves);

  if (!get_int (bundle, object, path, "time_ms", 0, G_MAXUINT32, &value, error))
    return NULL;
  answer->time_ms = value;
  if (!get_time (bundle, object, path, "answered_at", FALSE, &answer->answered_at, error))
    return NULL;

  correct = member (object, "correct");
  if (correct == NULL || !JSON_NODE_HOLDS_VALUE (correct) || json_node_get_value_type (correct) != G_TYPE_BOOLEAN)
    {
      g_autofree char *where = g_strconcat (path, ".correct", NULL);

      invalid (bundle, error, where, _("must be true or false"));
      return NULL;
    }
  answer->correct = json_node_get_boolean (correct);

  if (!get_int (bundle, object, path, "mark", -6, 3, &value, error))
    return NULL;
  answer->mark = value;
  if (!get_int (bundle, object, path, "moves_expected", 0, LATERAL_STORE_MAX_MOVES, &value, error))
    return NULL;
  answer->moves_expected = value;
  if (!get_int (bundle, object, path, "moves_unexpected", 0, LATERAL_STORE_MAX_MOVES, &value, error))
    return NULL;
  answer->moves_unexpected = value;

  /* The store's own rules: the mark follows from certainty and correctness. */
  if (!lateral_store_validate_answer (answer, &local_error))
    {
      invalid (bundle, error, path, "%s", local_error->message);
      return NULL;
    }

  return g_steal_pointer (&answer);
}

static BundleAttempt *
read_attempt (Bundle      *bundle,
              JsonNode    *node,
              const char  *path,
              GError     **error)
{
  g_autoptr(LateralAttempt) attempt = g_new0 (LateralAttempt, 1);
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_answer_free);
  g_autoptr(GHashTable) claims = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree char *pack_path = g_strconcat (path, ".pack", NULL);
  JsonObject *object = get_object (bundle, node, path, error);
  JsonObject *pack;
  JsonArray *array;
  const char *text;
  BundleAttempt *item;

  if (object == NULL)
    return NULL;

#define READ_STRING(field, name, nullable, obj, where) \
  if (!get_string (bundle, obj, where, name, nullable, &text, error)) \
    return NULL; \
  attempt->field = g_strdup (text);

  if (!get_uuid (bundle, object, path, "uuid", &text, error))
    return NULL;
  attempt->uuid = g_strdup (text);
  if (!get_uuid (bundle, object, path, "profile_uuid", &text, error))
    return NULL;
  attempt->profile_uuid = g_strdup (text);
  if (!g_hash_table_contains (bundle->profiles, text))
    {
      g_autofree char *where = g_strconcat (path, ".profile_uuid", NULL);

      invalid (bundle, error, where, _("no profile %s in the bundle’s profiles"), text);
      return NULL;
    }
  attempt->profile_name = g_strdup (((LateralProfile *) g_hash_table_lookup (bundle->profiles, text))->name);

  pack = get_object (bundle, member (object, "pack"), pack_path, error);
  if (pack == NULL)
    return NULL;
  READ_STRING (pack_id, "id", FALSE, pack, pack_path);
  READ_STRING (pack_version, "version", FALSE, pack, pack_path);
  READ_STRING (pack_hash, "hash", FALSE, pack, pack_path);
  READ_STRING (class_code, "class_code", TRUE, object, path);
  READ_STRING (device_id, "device_id", FALSE, object, path);
#undef READ_STRING

  if (!get_time (bundle, object, path, "started_at", FALSE, &attempt->started_at, error) ||
      !get_time (bundle, object, path, "finished_at", TRUE, &attempt->finished_at, error))
    return NULL;

  array = get_array (bundle, object, path, "answers", MAX_ANSWERS, error);
  if (array == NULL)
    return NULL;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *where = g_strdup_printf ("%s.answers[%u]", path, i);
      LateralAnswer *answer = read_answer (bundle, json_array_get_element (array, i), where, error);

      if (answer == NULL)
        return NULL;
      g_ptr_array_add (answers, answer);
      if (!g_hash_table_add (claims, answer->claim_id))
        {
          invalid (bundle, error, where, _("claim “%s” is answered twice"), answer->claim_id);
          return NULL;
        }
    }

  item = g_new0 (BundleAttempt, 1);
  item->attempt = g_steal_pointer (&attempt);
  item->answers = g_steal_pointer (&answers);
  return item;
}

static gboolean
check_format (Bundle      *bundle,
              JsonNode    *root,
              GError     **error)
{
  JsonNode *format = JSON_NODE_HOLDS_OBJECT (root) ? member (json_node_get_object (root), "format") : NULL;
  const char *text;
  guint64 version;
  char *end;

  if (format == NULL || !JSON_NODE_HOLDS_VALUE (format) || json_node_get_value_type (format) != G_TYPE_STRING)
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("%s: error: not a Lateral results bundle (it has no \"format\": \"%s\")"),
                   bundle->filename, LATERAL_BUNDLE_FORMAT);
      return FALSE;
    }

  text = json_node_get_string (format);
  if (!g_str_has_prefix (text, "lateral-results/"))
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("%s: error: not a Lateral results bundle: its format is “%s”, not “%s”"),
                   bundle->filename, text, LATERAL_BUNDLE_FORMAT);
      return FALSE;
    }

  text += strlen ("lateral-results/");
  version = g_ascii_strtoull (text, &end, 10);
  if (*text == '\0' || *end != '\0' || version == 0)
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("%s: error: “lateral-results/%s” is not a results format version"),
                   bundle->filename, text);
      return FALSE;
    }
  if (version > LATERAL_BUNDLE_FORMAT_VERSION)
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NEWER_FORMAT,
                   _("%s: error: this bundle is in format lateral-results/%s, made by a newer "
                     "version of Lateral; this version reads up to %s. Update Lateral to import it."),
                   bundle->filename, text, LATERAL_BUNDLE_FORMAT);
      return FALSE;
    }

  return TRUE;
}

static gboolean
read_bundle (Bundle      *bundle,
             JsonNode    *root,
             GError     **error)
{
  JsonObject *object;
  JsonArray *array;

  if (!check_format (bundle, root, error))
    return FALSE;
  object = json_node_get_object (root);

  array = get_array (bundle, object, "", "profiles", MAX_ATTEMPTS, error);
  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("profiles[%u]", i);
      g_autoptr(LateralProfile) profile = g_new0 (LateralProfile, 1);
      JsonObject *item = get_object (bundle, json_array_get_element (array, i), path, error);
      const char *text;

      if (item == NULL || !get_uuid (bundle, item, path, "uuid", &text, error))
        return FALSE;
      profile->uuid = g_strdup (text);
      if (!get_string (bundle, item, path, "name", FALSE, &text, error))
        return FALSE;
      profile->name = g_strdup (text);
      if (!get_time (bundle, item, path, "created_at", FALSE, &profile->created_at, error))
        return FALSE;
      if (g_hash_table_contains (bundle->profiles, profile->uuid))
        return invalid (bundle, error, path, _("profile %s is listed twice"), profile->uuid);
      g_hash_table_insert (bundle->profiles, profile->uuid, profile);
      profile = NULL;
    }

  array = get_array (bundle, object, "", "attempts", MAX_ATTEMPTS, error);
  if (array == NULL)
    return FALSE;
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *path = g_strdup_printf ("attempts[%u]", i);
      BundleAttempt *item = read_attempt (bundle, json_array_get_element (array, i), path, error);

      if (item == NULL)
        return FALSE;
      g_ptr_array_add (bundle->attempts, item);
    }

  return TRUE;
}

static gboolean
same_answer (const LateralAnswer *a,
             const LateralAnswer *b)
{
  return a->verdict == b->verdict && a->certainty == b->certainty && a->correct == b->correct &&
         a->mark == b->mark && a->time_ms == b->time_ms && a->answered_at == b->answered_at &&
         a->moves_expected == b->moves_expected && a->moves_unexpected == b->moves_unexpected &&
         g_strv_equal ((const char * const *) a->moves, (const char * const *) b->moves);
}

static gboolean
insert_profile (LateralStore          *store,
                const LateralProfile  *profile,
                GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* A profile already here keeps its local name. */
  stmt = lateral_store_prepare (store, "INSERT OR IGNORE INTO profiles (uuid, name, created_at, last_used_at)"
                                       " VALUES (?1, ?2, ?3, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, profile->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, profile->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, profile->created_at);

  return lateral_store_step_done (store, stmt, error);
}

static gboolean
insert_attempt (LateralStore          *store,
                const LateralAttempt  *attempt,
                gboolean               pack_missing,
                GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lateral_store_prepare (store,
                                "INSERT INTO attempts (uuid, profile_uuid, pack_id, pack_version, pack_hash,"
                                " class_code, device_id, started_at, finished_at, imported_at, pack_missing)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attempt->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, attempt->profile_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, attempt->pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, attempt->pack_version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, attempt->pack_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, attempt->class_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, attempt->device_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, attempt->started_at);
  if (attempt->finished_at != 0)
    sqlite3_bind_int64 (stmt, 9, attempt->finished_at);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_int64 (stmt, 10, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 11, pack_missing ? 1 : 0);

  return lateral_store_step_done (store, stmt, error);
}

static gboolean
set_finished (LateralStore          *store,
              const LateralAttempt  *attempt,
              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lateral_store_prepare (store, "UPDATE attempts SET finished_at = ?2"
                                       " WHERE uuid = ?1 AND finished_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attempt->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, attempt->finished_at);

  return lateral_store_step_done (store, stmt, error);
}

typedef enum {
  MERGE_ADDED,
  MERGE_UPDATED,
  MERGE_PRESENT,
  MERGE_REJECTED,
} Merge;

/* Merges one attempt; on MERGE_REJECTED, *out_reason says why and the
 * caller rolls the attempt's changes back. */
static Merge
merge_attempt (LateralStore   *store,
               BundleAttempt  *item,
               gboolean        pack_missing,
               char          **out_reason,
               GError        **error)
{
  const LateralAttempt *attempt = item->attempt;
  g_autoptr(LateralAttempt) here = NULL;
  g_autoptr(GPtrArray) answers_here = NULL;
  g_autoptr(GHashTable) by_claim = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  gboolean changed = FALSE;

  here = lateral_store_get_attempt (store, attempt->uuid, &local_error);
  if (here == NULL && !g_error_matches (local_error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return MERGE_REJECTED;
    }

  if (here == NULL)
    {
      if (!insert_attempt (store, attempt, pack_missing, error))
        return MERGE_REJECTED;
    }
  else
    {
      if (!g_str_equal (here->profile_uuid, attempt->profile_uuid) ||
          !g_str_equal (here->pack_id, attempt->pack_id) ||
          !g_str_equal (here->pack_hash, attempt->pack_hash) ||
          here->started_at != attempt->started_at)
        {
          *out_reason = g_strdup_printf (_("attempt %s is already here with another learner, pack or start time"),
                                         attempt->uuid);
          return MERGE_REJECTED;
        }
      answers_here = lateral_store_list_answers (store, attempt->uuid, error);
      if (answers_here == NULL)
        return MERGE_REJECTED;
      for (guint i = 0; i < answers_here->len; i++)
        g_hash_table_insert (by_claim, ((LateralAnswer *) answers_here->pdata[i])->claim_id, answers_here->pdata[i]);
      if (here->finished_at == 0 && attempt->finished_at != 0)
        {
          if (!set_finished (store, attempt, error))
            return MERGE_REJECTED;
          changed = TRUE;
        }
    }

  for (guint i = 0; i < item->answers->len; i++)
    {
      LateralAnswer *answer = item->answers->pdata[i];
      LateralAnswer *existing = g_hash_table_lookup (by_claim, answer->claim_id);

      if (existing != NULL)
        {
          if (!same_answer (existing, answer))
            {
              *out_reason = g_strdup_printf (_("attempt %s: claim “%s” was answered differently here, and answers are final"),
                                             attempt->uuid, answer->claim_id);
              return MERGE_REJECTED;
            }
          continue;
        }
      if (!lateral_store_add_answer (store, attempt->uuid, answer, error))
        return MERGE_REJECTED;
      changed = TRUE;
    }

  if (here == NULL)
    return MERGE_ADDED;
  return changed ? MERGE_UPDATED : MERGE_PRESENT;
}

static gboolean
merge_bundle (LateralStore         *store,
              Bundle               *bundle,
              const char * const   *available_pack_ids,
              LateralImportResult  *result,
              GError              **error)
{
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, bundle->profiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      if (!insert_profile (store, value, error))
        return FALSE;
    }

  for (guint i = 0; i < bundle->attempts->len; i++)
    {
      BundleAttempt *item = bundle->attempts->pdata[i];
      gboolean pack_missing = available_pack_ids != NULL &&
                              !g_strv_contains (available_pack_ids, item->attempt->pack_id);
      g_autofree char *reason = NULL;
      Merge merge;

      if (!lateral_store_exec (store, "SAVEPOINT attempt", error))
        return FALSE;
      merge = merge_attempt (store, item, pack_missing, &reason, error);
      if (merge == MERGE_REJECTED && reason == NULL)
        return FALSE;
      if (merge == MERGE_REJECTED && !lateral_store_exec (store, "ROLLBACK TO attempt", error))
        return FALSE;
      if (!lateral_store_exec (store, "RELEASE attempt", error))
        return FALSE;

      switch (merge)
        {
        case MERGE_ADDED:
          result->n_added++;
          result->n_pack_missing += pack_missing ? 1 : 0;
          break;
        case MERGE_UPDATED:
          result->n_updated++;
          break;
        case MERGE_PRESENT:
          result->n_present++;
          break;
        case MERGE_REJECTED:
          result->n_rejected++;
          g_ptr_array_add (result->rejections, g_steal_pointer (&reason));
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return TRUE;
}

/**
 * lateral_bundle_import_file:
 * @available_pack_ids: (nullable): the packs this machine has; attempts for
 *   other packs are kept and flagged pack_missing. %NULL flags none.
 * @result: (out caller-allocates): counts of attempts, to clear with
 *   lateral_import_result_clear()
 *
 * Returns: %FALSE when the bundle was rejected whole (nothing changed)
 */
gboolean
lateral_bundle_import_file (LateralStore         *store,
                            const char           *filename,
                            const char * const   *available_pack_ids,
                            LateralImportResult  *result,
                            GError              **error)
{
  g_auto(Bundle) bundle = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  GStatBuf info;

  g_return_val_if_fail (LATERAL_IS_STORE (store), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->rejections = g_ptr_array_new_with_free_func (g_free);
  bundle.filename = filename;
  bundle.profiles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) lateral_profile_free);
  bundle.attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) bundle_attempt_free);

  if (g_stat (filename, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_READ,
                   _("%s: error: no such file"), filename);
      return FALSE;
    }
  if (info.st_size > MAX_BUNDLE_SIZE)
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_READ,
                   _("%s: error: larger than %d MiB, too large for a results bundle"),
                   filename, MAX_BUNDLE_SIZE / (1024 * 1024));
      return FALSE;
    }

  /* json-glib's message already starts with FILE:LINE:COL. */
  if (!json_parser_load_from_file (parser, filename, &local_error))
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("%s (the file is truncated or is not a results bundle)"), local_error->message);
      return FALSE;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("%s: error: the file is empty"), filename);
      return FALSE;
    }

  if (!read_bundle (&bundle, json_parser_get_root (parser), error))
    return FALSE;

  if (!lateral_store_exec (store, "BEGIN IMMEDIATE", error))
    return FALSE;
  if (!merge_bundle (store, &bundle, available_pack_ids, result, &local_error) ||
      !lateral_store_exec (store, "COMMIT", &local_error))
    {
      lateral_store_exec (store, "ROLLBACK", NULL);
      lateral_import_result_clear (result);
      result->rejections = g_ptr_array_new_with_free_func (g_free);
      g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", filename);
      return FALSE;
    }

  return TRUE;
}
