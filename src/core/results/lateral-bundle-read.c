/* lateral-bundle-read.c: reading and checking a results bundle
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every field is checked before anything is written: errors name the file
 * and the JSON path (attempts[3].answers[0].certainty), like the pack
 * validator's diagnostics.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-bundle-private.h"
#include "measure/lateral-measure-session.h"
#include "store/lateral-store.h"
#include "json/lateral-json-doc-private.h"

/* Bounds that keep a hostile bundle from exhausting memory; export keeps
 * to them too (lateral-bundle.h). A pack may have as many claims as steps,
 * and every claim's answer must fit in one attempt. */
#define MAX_ATTEMPTS       LATERAL_BUNDLE_MAX_ATTEMPTS
#define MAX_ANSWERS        LATERAL_BUNDLE_MAX_ANSWERS
G_STATIC_ASSERT (LATERAL_BUNDLE_MAX_ANSWERS >= LATERAL_JSON_MAX_STEPS);

static void
bundle_attempt_free (BundleAttempt *item)
{
  lateral_attempt_free (item->attempt);
  g_ptr_array_unref (item->answers);
  g_clear_pointer (&item->flags, g_ptr_array_unref);
  g_clear_pointer (&item->reasons, g_ptr_array_unref);
  g_free (item);
}

void
lateral_bundle_init (Bundle     *bundle,
                     const char *filename)
{
  bundle->filename = filename;
  bundle->profiles = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) lateral_profile_free);
  bundle->attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) bundle_attempt_free);
  bundle->measures = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_measure_session_free);
}

void
lateral_bundle_clear (Bundle *bundle)
{
  g_clear_pointer (&bundle->profiles, g_hash_table_unref);
  g_clear_pointer (&bundle->attempts, g_ptr_array_unref);
  g_clear_pointer (&bundle->measures, g_ptr_array_unref);
}

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
  /* Names and codes reach terminals, tables and CSV files: ESC, BEL, CR or
   * LF in them could clear a screen or fake a row. Refused, as at input. */
  for (const char *p = value; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        return invalid (bundle, error, where, _("must not contain control characters (U+%04X)"),
                        (guint) g_utf8_get_char (p));
    }

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
    {
      /* xgettext cannot read a message built with G_GINT64_FORMAT, so the
       * bounds go in as text. */
      g_autofree char *low = g_strdup_printf ("%" G_GINT64_FORMAT, min);
      g_autofree char *high = g_strdup_printf ("%" G_GINT64_FORMAT, max);

      return invalid (bundle, error, where, _("must be a whole number from %s to %s"), low, high);
    }

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
  /* Any date from 0001 to 9999, before 1970 too: what export writes. */
  if (!lateral_parse_time (text, out))
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

/* Reads and checks a whole bundle into BUNDLE; writes nothing anywhere. */
gboolean
lateral_bundle_read (Bundle      *bundle,
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

  return lateral_bundle_read_measures (bundle, object, error);
}
