/* lateral-xapi-fetch.c: statements from the LRS back into attempts
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the LRS returns is untrusted like any bundle: it is only turned into
 * a bundle here, and the bundle importer checks it (sizes, ids, times,
 * contradictions) as it checks a file from a learner's machine.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lateral-xapi-client-private.h"
#include "lateral-xapi-fetch.h"
#include "lateral-xapi-statement.h"
#include "results/lateral-bundle.h"

/* Bounds on what one report fetches: a school's LRS holding more Lateral
 * statements than this for one filter is past what a class report shows. */
#define MAX_PAGES       10000
#define MAX_STATEMENTS  1000000

/* Statements asked for per page; an LRS may send fewer, and a "more" link. */
#define PAGE_SIZE       1000

static void
attempt_source_free (LateralXapiAttemptSource *source)
{
  g_free (source->registration);
  g_free (source->profile_name);
  g_free (source->pack_id);
  g_free (source->class_code);
  g_free (source->provenance);
  g_free (source);
}

void
lateral_xapi_fetch_result_clear (LateralXapiFetchResult *result)
{
  g_clear_pointer (&result->attempts, g_ptr_array_unref);
  lateral_import_result_clear (&result->imported);
  memset (result, 0, sizeof *result);
}

/* Reading members without trusting their types. */

static JsonObject *
get_object (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  return node != NULL && JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;
}

static const char *
get_string (JsonObject *object,
            const char *name)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (node);
}

static gboolean
get_int (JsonObject *object,
         const char *name,
         gint64     *out_value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return FALSE;
  *out_value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_bool (JsonObject *object,
          const char *name,
          gboolean   *out_value)
{
  JsonNode *node = object != NULL ? json_object_get_member (object, name) : NULL;

  if (node == NULL || !JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return FALSE;
  *out_value = json_node_get_boolean (node);
  return TRUE;
}

static gint64
parse_time (const char *text)
{
  g_autoptr(GDateTime) time = text != NULL ? g_date_time_new_from_iso8601 (text, NULL) : NULL;

  return time != NULL ? g_date_time_to_unix (time) : 0;
}

/* One registration being put back together. */
typedef struct {
  LateralXapiAttemptSource *source;
  char       *profile_uuid;
  char       *profile_name;
  char       *pack_version;
  char       *pack_hash;
  char       *device_id;
  gint64      started_at;
  gint64      finished_at;
  gboolean    has_start;
  gboolean    live;
  gboolean    file;
  GHashTable *answers;   /* claim id -> JsonObject of the bundle's answer (owned node) */
} Rebuilt;

static void
rebuilt_free (Rebuilt *rebuilt)
{
  /* Handed to the result, unless the attempt was left out. */
  if (rebuilt->source != NULL)
    attempt_source_free (rebuilt->source);
  g_free (rebuilt->profile_uuid);
  g_free (rebuilt->profile_name);
  g_free (rebuilt->pack_version);
  g_free (rebuilt->pack_hash);
  g_free (rebuilt->device_id);
  g_hash_table_unref (rebuilt->answers);
  g_free (rebuilt);
}

static JsonNode *
answer_from_statement (JsonObject *statement,
                       const char *claim_id)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  JsonObject *result = get_object (statement, "result");
  JsonObject *score = get_object (result, "score");
  JsonObject *extensions = get_object (result, "extensions");
  JsonNode *checks = extensions != NULL ? json_object_get_member (extensions, LATERAL_XAPI_EXTENSION ("checks")) : NULL;
  const char *verdict = get_string (result, "response");
  gint64 certainty, mark, time_ms, expected = 0, unexpected = 0;
  gboolean correct;

  if (verdict == NULL || !get_bool (result, "success", &correct) || !get_int (score, "raw", &mark) ||
      !get_int (extensions, LATERAL_XAPI_EXTENSION ("certainty"), &certainty) ||
      !get_int (extensions, LATERAL_XAPI_EXTENSION ("time-ms"), &time_ms) ||
      checks == NULL || !JSON_NODE_HOLDS_ARRAY (checks))
    return NULL;
  get_int (extensions, LATERAL_XAPI_EXTENSION ("checks-expected"), &expected);
  get_int (extensions, LATERAL_XAPI_EXTENSION ("checks-unexpected"), &unexpected);

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "claim_id");
  json_builder_add_string_value (builder, claim_id);
  json_builder_set_member_name (builder, "verdict");
  json_builder_add_string_value (builder, verdict);
  json_builder_set_member_name (builder, "certainty");
  json_builder_add_int_value (builder, certainty);
  /* The importer checks each move id; the array goes through as sent. */
  json_builder_set_member_name (builder, "moves");
  json_builder_add_value (builder, json_node_copy (checks));
  json_builder_set_member_name (builder, "time_ms");
  json_builder_add_int_value (builder, time_ms);
  json_builder_set_member_name (builder, "answered_at");
  json_builder_add_string_value (builder, get_string (statement, "timestamp"));
  json_builder_set_member_name (builder, "correct");
  json_builder_add_boolean_value (builder, correct);
  json_builder_set_member_name (builder, "mark");
  json_builder_add_int_value (builder, mark);
  json_builder_set_member_name (builder, "moves_expected");
  json_builder_add_int_value (builder, expected);
  json_builder_set_member_name (builder, "moves_unexpected");
  json_builder_add_int_value (builder, unexpected);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* Text from the LRS goes into reports that reach terminals: control
 * characters are written out as \xNN, so they are seen, never obeyed. */
static char *
printable_copy (const char *value)
{
  GString *text;

  if (value == NULL)
    return NULL;
  text = g_string_new (NULL);
  for (const char *p = value; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (text, "\\x%02x", c);
      else
        g_string_append_c (text, (char) c);
    }
  return g_string_free (text, FALSE);
}

static gboolean
same_printable (const char *kept,
                const char *value)
{
  g_autofree char *printable = printable_copy (value);

  return g_strcmp0 (kept, printable) == 0;
}

static void
set_text (char       **field,
          const char  *value)
{
  if (*field == NULL && value != NULL)
    *field = printable_copy (value);
}

/* Takes one statement into its registration; FALSE when it is not one of
 * Lateral's or falls outside the filter. */
static gboolean
take_statement (GHashTable  *rebuilt_by_registration,
                JsonObject  *statement,
                const char  *class_code,
                const char  *pack_id,
                const char  *this_device_id)
{
  JsonObject *context = get_object (statement, "context");
  JsonObject *extensions = get_object (context, "extensions");
  JsonObject *actor = get_object (statement, "actor");
  JsonObject *account = get_object (actor, "account");
  JsonObject *verb = get_object (statement, "verb");
  const char *registration = get_string (context, "registration");
  const char *verb_id = get_string (verb, "id");
  const char *statement_pack = get_string (extensions, LATERAL_XAPI_EXTENSION ("pack-id"));
  const char *statement_class = get_string (extensions, LATERAL_XAPI_EXTENSION ("class-code"));
  const char *provenance = get_string (extensions, LATERAL_XAPI_EXTENSION ("provenance"));
  const char *profile_uuid = get_string (account, "name");
  gint64 stored = parse_time (get_string (statement, "stored"));
  Rebuilt *rebuilt;

  g_autoptr(JsonNode) answer = NULL;
  const char *claim_id = NULL;

  if (registration == NULL || verb_id == NULL || statement_pack == NULL || profile_uuid == NULL)
    return FALSE;
  if (pack_id != NULL && !g_str_equal (pack_id, statement_pack))
    return FALSE;
  if (class_code != NULL && g_strcmp0 (class_code, statement_class) != 0)
    return FALSE;

  /* Read whole before it counts: a statement that is not one of ours
   * never makes an attempt appear. */
  if (g_str_equal (verb_id, LATERAL_XAPI_VERB_ANSWERED))
    {
      claim_id = get_string (get_object (get_object (statement, "result"), "extensions"),
                             LATERAL_XAPI_EXTENSION ("claim-id"));
      answer = claim_id != NULL ? answer_from_statement (statement, claim_id) : NULL;
      if (answer == NULL)
        return FALSE;
    }
  else if (!g_str_equal (verb_id, LATERAL_XAPI_VERB_ATTEMPTED) &&
           !g_str_equal (verb_id, LATERAL_XAPI_VERB_COMPLETED))
    return FALSE;

  rebuilt = g_hash_table_lookup (rebuilt_by_registration, registration);
  if (rebuilt == NULL)
    {
      rebuilt = g_new0 (Rebuilt, 1);
      rebuilt->source = g_new0 (LateralXapiAttemptSource, 1);
      rebuilt->source->registration = g_strdup (registration);
      rebuilt->source->pack_id = printable_copy (statement_pack);
      rebuilt->source->class_code = printable_copy (statement_class);
      rebuilt->profile_uuid = printable_copy (profile_uuid);
      rebuilt->answers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) json_node_unref);
      g_hash_table_insert (rebuilt_by_registration, rebuilt->source->registration, rebuilt);
    }
  else if (!same_printable (rebuilt->profile_uuid, profile_uuid) ||
           !same_printable (rebuilt->source->pack_id, statement_pack) ||
           !same_printable (rebuilt->source->class_code, statement_class))
    {
      /* One attempt cannot belong to two learners, packs or classes: the
       * later statement is left out, the importer never sees it. */
      return FALSE;
    }

  set_text (&rebuilt->profile_name, get_string (actor, "name"));
  set_text (&rebuilt->pack_version, get_string (extensions, LATERAL_XAPI_EXTENSION ("pack-version")));
  set_text (&rebuilt->pack_hash, get_string (extensions, LATERAL_XAPI_EXTENSION ("pack-hash")));
  set_text (&rebuilt->device_id, get_string (extensions, LATERAL_XAPI_EXTENSION ("device-id")));
  if (rebuilt->started_at == 0)
    rebuilt->started_at = parse_time (get_string (extensions, LATERAL_XAPI_EXTENSION ("started-at")));
  if (g_strcmp0 (provenance, LATERAL_XAPI_PROVENANCE_LIVE) == 0)
    rebuilt->live = TRUE;
  else
    rebuilt->file = TRUE;

  if (g_str_equal (verb_id, LATERAL_XAPI_VERB_ATTEMPTED))
    rebuilt->has_start = TRUE;
  else if (g_str_equal (verb_id, LATERAL_XAPI_VERB_COMPLETED))
    rebuilt->finished_at = parse_time (get_string (statement, "timestamp"));
  else
    g_hash_table_replace (rebuilt->answers, g_strdup (claim_id), g_steal_pointer (&answer));

  rebuilt->source->n_statements++;
  if (stored != 0)
    {
      rebuilt->source->stored_first = rebuilt->source->stored_first == 0 ? stored
                                      : MIN (rebuilt->source->stored_first, stored);
      rebuilt->source->stored_last = MAX (rebuilt->source->stored_last, stored);
    }
  if (this_device_id != NULL && g_strcmp0 (rebuilt->device_id, this_device_id) == 0)
    rebuilt->source->this_machine = TRUE;

  return TRUE;
}

static void
add_time_member (JsonBuilder *builder,
                 const char  *name,
                 gint64       unix_seconds)
{
  json_builder_set_member_name (builder, name);
  if (unix_seconds == 0)
    json_builder_add_null_value (builder);
  else
    {
      g_autofree char *text = lateral_format_time (unix_seconds);

      json_builder_add_string_value (builder, text);
    }
}

static void
add_string_member (JsonBuilder *builder,
                   const char  *name,
                   const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value == NULL)
    json_builder_add_null_value (builder);
  else
    json_builder_add_string_value (builder, value);
}

/* g_hash_table_get_values_as_ptr_array() is GLib 2.76: the values, not owned. */
static GPtrArray *
values_array (GHashTable *table)
{
  GPtrArray *array = g_ptr_array_sized_new (g_hash_table_size (table));
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    g_ptr_array_add (array, value);
  return array;
}

static int
compare_answers (gconstpointer a,
                 gconstpointer b)
{
  JsonObject *answer_a = json_node_get_object (*(JsonNode **) a);
  JsonObject *answer_b = json_node_get_object (*(JsonNode **) b);
  int by_time = g_strcmp0 (get_string (answer_a, "answered_at"), get_string (answer_b, "answered_at"));

  return by_time != 0 ? by_time : g_strcmp0 (get_string (answer_a, "claim_id"), get_string (answer_b, "claim_id"));
}

static int
compare_rebuilt (gconstpointer a,
                 gconstpointer b)
{
  const Rebuilt *rebuilt_a = *(Rebuilt **) a;
  const Rebuilt *rebuilt_b = *(Rebuilt **) b;
  gint64 end_a = rebuilt_a->finished_at != 0 ? rebuilt_a->finished_at : G_MAXINT64;
  gint64 end_b = rebuilt_b->finished_at != 0 ? rebuilt_b->finished_at : G_MAXINT64;

  /* Start order, as the learner's machine has them (the report's "latest"
   * follows it); times are in seconds, so a tie goes to the attempt that
   * ended first, which on one machine is the one begun first. */
  if (rebuilt_a->started_at != rebuilt_b->started_at)
    return rebuilt_a->started_at < rebuilt_b->started_at ? -1 : 1;
  if (end_a != end_b)
    return end_a < end_b ? -1 : 1;
  return strcmp (rebuilt_a->source->registration, rebuilt_b->source->registration);
}

/**
 * lateral_xapi_statements_to_bundle:
 * @statements: (element-type JsonNode): statements as the LRS returned them
 * @result: filled with the counts and each attempt's provenance
 *
 * Returns: (transfer full): a lateral-results/1 bundle of the attempts the
 *   statements tell, for lateral_bundle_import_file()
 */
JsonNode *
lateral_xapi_statements_to_bundle (GPtrArray               *statements,
                                   const char              *class_code,
                                   const char              *pack_id,
                                   const char              *this_device_id,
                                   LateralXapiFetchResult  *result)
{
  g_autoptr(GHashTable) by_registration = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                                                 (GDestroyNotify) rebuilt_free);
  g_autoptr(GHashTable) profiles = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(GPtrArray) rebuilt = NULL;
  g_autofree char *generator = g_strdup_printf ("Lateral %s (from an LRS)", PACKAGE_VERSION);

  if (result->attempts == NULL)
    result->attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) attempt_source_free);

  for (guint i = 0; i < statements->len; i++)
    {
      JsonNode *node = statements->pdata[i];

      if (!JSON_NODE_HOLDS_OBJECT (node) ||
          !take_statement (by_registration, json_node_get_object (node), class_code, pack_id, this_device_id))
        result->n_ignored++;
    }

  rebuilt = values_array (by_registration);
  g_ptr_array_sort (rebuilt, compare_rebuilt);

  /* An attempt the bundle format cannot hold (no start, pack version, hash
   * or device) is left out here, rather than making the importer refuse
   * the whole bundle. */
  for (guint i = rebuilt->len; i > 0; i--)
    {
      Rebuilt *item = rebuilt->pdata[i - 1];

      if (item->started_at == 0 || item->pack_version == NULL || item->pack_hash == NULL ||
          item->device_id == NULL)
        {
          result->n_ignored += item->source->n_statements;
          g_ptr_array_remove_index (rebuilt, i - 1);
        }
    }

  json_builder_begin_object (builder);
  add_string_member (builder, "format", "lateral-results/1");
  add_string_member (builder, "generator", generator);
  add_time_member (builder, "exported_at", g_get_real_time () / G_USEC_PER_SEC);
  add_string_member (builder, "device_id", this_device_id);

  /* A profile was created at the latest when its first attempt began. */
  for (guint i = 0; i < rebuilt->len; i++)
    {
      Rebuilt *item = rebuilt->pdata[i];
      Rebuilt *first = g_hash_table_lookup (profiles, item->profile_uuid);

      if (first == NULL || (item->started_at != 0 && item->started_at < first->started_at))
        g_hash_table_replace (profiles, item->profile_uuid, item);
    }

  json_builder_set_member_name (builder, "profiles");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rebuilt->len; i++)
    {
      Rebuilt *item = rebuilt->pdata[i];
      Rebuilt *first = g_hash_table_lookup (profiles, item->profile_uuid);

      if (first == NULL)
        continue;
      g_hash_table_remove (profiles, item->profile_uuid);
      json_builder_begin_object (builder);
      add_string_member (builder, "uuid", item->profile_uuid);
      /* Without send-names, the LRS knows a learner by UUID only. */
      add_string_member (builder, "name", item->profile_name != NULL ? item->profile_name : item->profile_uuid);
      add_time_member (builder, "created_at", first->started_at);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  json_builder_set_member_name (builder, "attempts");
  json_builder_begin_array (builder);
  for (guint i = 0; i < rebuilt->len; i++)
    {
      Rebuilt *item = rebuilt->pdata[i];
      g_autoptr(GPtrArray) answers = values_array (item->answers);

      g_ptr_array_sort (answers, compare_answers);
      json_builder_begin_object (builder);
      add_string_member (builder, "uuid", item->source->registration);
      add_string_member (builder, "profile_uuid", item->profile_uuid);
      json_builder_set_member_name (builder, "pack");
      json_builder_begin_object (builder);
      add_string_member (builder, "id", item->source->pack_id);
      add_string_member (builder, "version", item->pack_version);
      add_string_member (builder, "hash", item->pack_hash);
      json_builder_end_object (builder);
      add_string_member (builder, "class_code", item->source->class_code);
      add_string_member (builder, "device_id", item->device_id);
      add_time_member (builder, "started_at", item->started_at);
      add_time_member (builder, "finished_at", item->finished_at);
      json_builder_set_member_name (builder, "answers");
      json_builder_begin_array (builder);
      for (guint j = 0; j < answers->len; j++)
        json_builder_add_value (builder, json_node_copy (answers->pdata[j]));
      json_builder_end_array (builder);
      json_builder_end_object (builder);

      item->source->profile_name = g_strdup (item->profile_name != NULL ? item->profile_name : item->profile_uuid);
      item->source->provenance = g_strdup (item->live && item->file ? "mixed"
                                           : item->live ? LATERAL_XAPI_PROVENANCE_LIVE
                                                        : LATERAL_XAPI_PROVENANCE_FILE);
      g_ptr_array_add (result->attempts, g_steal_pointer (&item->source));
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

static gboolean
same_origin (const char *a,
             const char *b)
{
  g_autoptr(GUri) uri_a = g_uri_parse (a, G_URI_FLAGS_NONE, NULL);
  g_autoptr(GUri) uri_b = g_uri_parse (b, G_URI_FLAGS_NONE, NULL);

  return uri_a != NULL && uri_b != NULL &&
         g_ascii_strcasecmp (g_uri_get_scheme (uri_a), g_uri_get_scheme (uri_b)) == 0 &&
         g_ascii_strcasecmp (g_uri_get_host (uri_a), g_uri_get_host (uri_b)) == 0 &&
         g_uri_get_port (uri_a) == g_uri_get_port (uri_b);
}

/* GET with the filter, then every "more" link, each resolved against the
 * endpoint (an LRS sends them relative to its own root). */
static GPtrArray *
fetch_statements (SoupSession              *session,
                  const LateralXapiConfig  *config,
                  const char               *query,
                  LateralXapiFetchResult   *result,
                  GCancellable             *cancellable,
                  GError                  **error)
{
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autofree char *base = lateral_xapi_config_get_url (config, "statements");
  g_autofree char *url = g_strconcat (base, "?", query, NULL);

  while (url != NULL)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autoptr(GBytes) reply = NULL;
      g_autoptr(GError) parse_error = NULL;
      JsonObject *root;
      JsonNode *array;
      const char *more;
      guint status = 0;
      gsize size;
      const char *data;

      if (++result->n_pages > MAX_PAGES)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The LRS at %s sent more than %u pages of statements"), config->endpoint, MAX_PAGES);
          return NULL;
        }

      reply = lateral_xapi_client_request (session, config, "GET", url, NULL, &status, cancellable, error);
      if (reply == NULL)
        return NULL;
      if (status != 200)
        {
          g_autofree char *reason = lateral_xapi_client_reason (status, reply);

          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                       _("The LRS at %s did not list its statements: %s"), config->endpoint, reason);
          return NULL;
        }

      data = g_bytes_get_data (reply, &size);
      if (!json_parser_load_from_data (parser, data, (gssize) size, &parse_error) ||
          !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The LRS at %s sent something that is not a list of statements"), config->endpoint);
          return NULL;
        }
      root = json_node_get_object (json_parser_get_root (parser));
      array = json_object_get_member (root, "statements");
      if (array == NULL || !JSON_NODE_HOLDS_ARRAY (array))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("The LRS at %s sent a reply without statements"), config->endpoint);
          return NULL;
        }
      for (guint i = 0; i < json_array_get_length (json_node_get_array (array)); i++)
        {
          if (statements->len >= MAX_STATEMENTS)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The LRS at %s holds more than %u statements for this report"),
                           config->endpoint, MAX_STATEMENTS);
              return NULL;
            }
          g_ptr_array_add (statements, json_node_copy (json_array_get_element (json_node_get_array (array), i)));
        }

      g_clear_pointer (&url, g_free);
      more = get_string (root, "more");
      if (more != NULL && *more != '\0')
        {
          url = g_uri_resolve_relative (config->endpoint, more, G_URI_FLAGS_NONE, error);
          if (url == NULL)
            return NULL;
          /* "more" must stay on the LRS: never follow it elsewhere. */
          if (!same_origin (url, config->endpoint))
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                           _("The LRS at %s pointed to another server for more statements"), config->endpoint);
              return NULL;
            }
        }
    }

  result->n_statements += statements->len;
  return g_steal_pointer (&statements);
}

/* The bundle's header and attempt @index, with that attempt's profile. */
static JsonNode *
bundle_of_one (JsonNode *bundle,
               guint     index)
{
  JsonObject *whole = json_node_get_object (bundle);
  JsonObject *attempt = json_array_get_object_element (json_object_get_array_member (whole, "attempts"), index);
  const char *profile_uuid = json_object_get_string_member (attempt, "profile_uuid");
  JsonArray *profiles = json_object_get_array_member (whole, "profiles");
  JsonObject *one = json_object_new ();
  JsonArray *one_profiles = json_array_new ();
  JsonArray *one_attempts = json_array_new ();
  JsonNode *root = json_node_new (JSON_NODE_OBJECT);
  GList *members = json_object_get_members (whole);

  for (GList *l = members; l != NULL; l = l->next)
    if (!g_str_equal (l->data, "profiles") && !g_str_equal (l->data, "attempts"))
      json_object_set_member (one, l->data, json_node_copy (json_object_get_member (whole, l->data)));
  g_list_free (members);

  for (guint i = 0; i < json_array_get_length (profiles); i++)
    {
      JsonObject *profile = json_array_get_object_element (profiles, i);

      if (g_strcmp0 (json_object_get_string_member (profile, "uuid"), profile_uuid) == 0)
        json_array_add_element (one_profiles, json_node_copy (json_array_get_element (profiles, i)));
    }
  json_array_add_element (one_attempts, json_node_copy (json_array_get_element (json_object_get_array_member (whole, "attempts"), index)));
  json_object_set_array_member (one, "profiles", one_profiles);
  json_object_set_array_member (one, "attempts", one_attempts);
  json_node_take_object (root, one);
  return root;
}

static void
take_sentences (GPtrArray **into,
                GPtrArray  *from)
{
  if (from == NULL)
    return;
  if (*into == NULL)
    *into = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < from->len; i++)
    g_ptr_array_add (*into, g_strdup (from->pdata[i]));
}

static void
merge_import (LateralImportResult       *total,
              const LateralImportResult *one)
{
  total->n_added += one->n_added;
  total->n_updated += one->n_updated;
  total->n_present += one->n_present;
  total->n_rejected += one->n_rejected;
  total->n_pack_missing += one->n_pack_missing;
  total->n_flagged += one->n_flagged;
  take_sentences (&total->rejections, one->rejections);
  take_sentences (&total->flagged, one->flagged);
}

/**
 * lateral_xapi_fetch_into_store:
 * @pack_id: (nullable): statements about this pack's activity only;
 *   otherwise every statement with Lateral's verbs
 * @this_device_id: (nullable): to tell attempts played on this machine
 *
 * Fetches the statements and merges the attempts they tell into @store
 * (a scratch store for a report), with the bundle importer's checks.
 */
gboolean
lateral_xapi_fetch_into_store (const LateralXapiConfig  *config,
                               LateralStore             *store,
                               const char               *class_code,
                               const char               *pack_id,
                               const char               *this_device_id,
                               LateralXapiFetchResult   *out_result,
                               GCancellable             *cancellable,
                               GError                  **error)
{
  g_autoptr(SoupSession) session = lateral_xapi_client_new_session ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(JsonNode) bundle = NULL;
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  JsonArray *attempts;
  gboolean ok;
  GPtrArray *queries = g_ptr_array_new_with_free_func (g_free);

  memset (out_result, 0, sizeof *out_result);

  if (pack_id != NULL)
    {
      g_autofree char *activity = lateral_xapi_pack_activity_id (pack_id);
      g_autofree char *escaped = g_uri_escape_string (activity, NULL, FALSE);

      g_ptr_array_add (queries, g_strconcat ("activity=", escaped, "&related_activities=true&limit=" G_STRINGIFY (PAGE_SIZE), NULL));
    }
  else
    {
      const char *verbs[] = { LATERAL_XAPI_VERB_ATTEMPTED, LATERAL_XAPI_VERB_ANSWERED, LATERAL_XAPI_VERB_COMPLETED };

      for (guint i = 0; i < G_N_ELEMENTS (verbs); i++)
        {
          g_autofree char *escaped = g_uri_escape_string (verbs[i], NULL, FALSE);

          g_ptr_array_add (queries, g_strconcat ("verb=", escaped, "&limit=" G_STRINGIFY (PAGE_SIZE), NULL));
        }
    }

  for (guint i = 0; i < queries->len; i++)
    {
      g_autoptr(GPtrArray) statements = fetch_statements (session, config, queries->pdata[i], out_result,
                                                          cancellable, error);

      if (statements == NULL)
        {
          g_ptr_array_unref (queries);
          return FALSE;
        }
      /* Once per id: the three verb queries do not overlap, but an LRS's
       * pages may (Learning Locker's memory store pages by UUID v1 strings,
       * which stop sorting by time when their low bits wrap). */
      for (guint j = 0; j < statements->len; j++)
        {
          JsonNode *node = statements->pdata[j];
          const char *id = JSON_NODE_HOLDS_OBJECT (node) ? get_string (json_node_get_object (node), "id") : NULL;

          if (id != NULL && !g_hash_table_add (seen, g_strdup (id)))
            continue;
          g_ptr_array_add (all, json_node_ref (node));
        }
    }
  g_ptr_array_unref (queries);

  bundle = lateral_xapi_statements_to_bundle (all, class_code, pack_id, this_device_id, out_result);

  /* Through files, as bundles from a USB stick would come in: one per
   * attempt, so one attempt the importer refuses whole (anyone with the
   * LRS's credentials can write statements) leaves the others in. */
  dir = g_dir_make_tmp ("lateral-lrs-XXXXXX", error);
  if (dir == NULL)
    return FALSE;
  file = g_build_filename (dir, "from-lrs.json", NULL);
  ok = TRUE;
  out_result->imported.rejections = g_ptr_array_new_with_free_func (g_free);
  attempts = json_object_get_array_member (json_node_get_object (bundle), "attempts");
  for (guint i = 0; ok && i < json_array_get_length (attempts); i++)
    {
      g_autoptr(JsonNode) one = bundle_of_one (bundle, i);
      g_autoptr(GError) local_error = NULL;
      LateralImportResult imported = { 0 };

      json_generator_set_root (generator, one);
      if (!json_generator_to_file (generator, file, error))
        ok = FALSE;
      else if (!lateral_bundle_import_file (store, file, NULL, &imported, &local_error))
        {
          const char *uuid = json_object_get_string_member (json_array_get_object_element (attempts, i), "uuid");

          /* The importer's message names the scratch file: the attempt is
           * what the teacher can look up in the LRS. */
          out_result->imported.n_rejected++;
          g_ptr_array_add (out_result->imported.rejections,
                           g_strdup_printf ("registration %s: %s", uuid, local_error->message));
        }
      else
        merge_import (&out_result->imported, &imported);
      lateral_import_result_clear (&imported);
    }
  g_unlink (file);
  g_rmdir (dir);

  return ok;
}
