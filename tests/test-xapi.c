/* test-xapi.c: statements, the outbox and lrs.ini, through the core only
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What needs no LRS: the statement ids and content, the outbox written in
 * the answer's transaction (and rolled back with it), the catch-up of a
 * resumed attempt, the rules of lrs.ini. Sending and fetching against a
 * real LRS are in tests/test-lrs.py.
 */
#include "config.h"

#include <string.h>
#include <sys/stat.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "play/lateral-play.h"
#include "store/lateral-store-outbox.h"
#include "store/lateral-store-private.h"
#include "xapi/lateral-xapi-client-private.h"
#include "xapi/lateral-xapi-config.h"
#include "xapi/lateral-xapi-fetch.h"
#include "xapi/lateral-xapi-outbox.h"
#include "xapi/lateral-xapi-sender.h"
#include "xapi/lateral-xapi-statement.h"

static LateralPack *
load_mini_case (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "play", "mini-case.json", NULL);
  g_autoptr(GError) error = NULL;
  LateralPack *pack = lateral_pack_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return pack;
}

static LateralStore *
open_store (const char *name)
{
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_autoptr(GError) error = NULL;
  LateralStore *store = lateral_store_open (path, &error);

  g_assert_no_error (error);
  return store;
}

static LateralXapiConfig *
test_config (gboolean send_names)
{
  LateralXapiConfig *config = g_new0 (LateralXapiConfig, 1);

  config->endpoint = g_strdup ("http://127.0.0.1:9/xAPI/");
  config->homepage = g_strdup ("https://school.example.org");
  config->key = g_strdup ("key");
  config->secret = g_strdup ("secret");
  config->send_names = send_names;
  return config;
}

static guint
count_outbox (LateralStore *store)
{
  g_autoptr(GPtrArray) items = lateral_store_outbox_list (store, LATERAL_OUTBOX_WAITING, 0, NULL);

  g_assert_nonnull (items);
  return items->len;
}

static void
test_statement_ids (void)
{
  g_autofree char *a = lateral_xapi_statement_id ("answered", "0b8e4f0e-0d2c-4c55-9a35-0f5b3a1d2e01", "prank");
  g_autofree char *again = lateral_xapi_statement_id ("answered", "0b8e4f0e-0d2c-4c55-9a35-0f5b3a1d2e01", "prank");
  g_autofree char *other_claim = lateral_xapi_statement_id ("answered", "0b8e4f0e-0d2c-4c55-9a35-0f5b3a1d2e01", "photo");
  g_autofree char *start = lateral_xapi_statement_id ("attempted", "0b8e4f0e-0d2c-4c55-9a35-0f5b3a1d2e01", NULL);

  /* Fixed by what they tell: the same answer, the same id, every time. */
  g_assert_cmpstr (a, ==, again);
  g_assert_cmpstr (a, !=, other_claim);
  g_assert_cmpstr (a, !=, start);
  /* A UUID v5 (RFC 4122): version nibble 5, variant 10xx. */
  g_assert_true (g_uuid_string_is_valid (a));
  g_assert_cmpint (a[14], ==, '5');
  g_assert_nonnull (strchr ("89ab", a[19]));
}

static JsonObject *
object_of (JsonNode *node)
{
  g_assert_true (JSON_NODE_HOLDS_OBJECT (node));
  return json_node_get_object (node);
}

static void
test_answer_statement (void)
{
  g_autoptr(LateralStore) store = open_store ("statement.db");
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) play = lateral_play_new (store, pack, "Ana", "7B", &error);
  g_autoptr(LateralXapiConfig) config = test_config (FALSE);
  const char *moves[] = { "second-source", NULL };
  LateralXapiOptions options = { .homepage = "https://school.example.org", .provenance = LATERAL_XAPI_PROVENANCE_LIVE };
  const LateralAnswer *answer;
  g_autoptr(JsonNode) node = NULL;
  g_autofree char *expected_id = NULL;
  JsonObject *statement, *result, *score, *context, *extensions, *actor;

  g_assert_no_error (error);
  g_assert_true (lateral_xapi_outbox_attach (play, config, &error));
  g_assert_no_error (error);
  lateral_play_advance (play, NULL);
  answer = lateral_play_answer (play, LATERAL_VERDICT_FALSE, 3, moves, 4250, &error);
  g_assert_no_error (error);

  node = lateral_xapi_build_answered (&options, lateral_play_get_attempt (play), answer);
  statement = object_of (node);
  expected_id = lateral_xapi_statement_id ("answered", lateral_play_get_attempt (play)->uuid, "the-call");
  g_assert_cmpstr (json_object_get_string_member (statement, "id"), ==, expected_id);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (statement, "verb"), "id"), ==,
                   "http://adlnet.gov/expapi/verbs/answered");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (statement, "object"), "id"), ==,
                   LATERAL_XAPI_IRI_BASE "packs/org.example.mini-case/claims/the-call");

  actor = json_object_get_object_member (statement, "actor");
  g_assert_false (json_object_has_member (actor, "name"));   /* send-names=no */
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (actor, "account"), "name"), ==,
                   lateral_play_get_profile (play)->uuid);

  result = json_object_get_object_member (statement, "result");
  g_assert_true (json_object_get_boolean_member (result, "success"));   /* false is accepted here */
  score = json_object_get_object_member (result, "score");
  g_assert_cmpint (json_object_get_int_member (score, "raw"), ==, 3);
  g_assert_cmpint (json_object_get_int_member (score, "min"), ==, -6);
  g_assert_cmpint (json_object_get_int_member (score, "max"), ==, 3);
  g_assert_cmpfloat (json_object_get_double_member (score, "scaled"), ==, 1.0);
  g_assert_cmpstr (json_object_get_string_member (result, "response"), ==, "false");
  g_assert_cmpstr (json_object_get_string_member (result, "duration"), ==, "PT4.250S");
  extensions = json_object_get_object_member (result, "extensions");
  g_assert_cmpint (json_object_get_int_member (extensions, LATERAL_XAPI_EXTENSION ("certainty")), ==, 3);
  g_assert_cmpstr (json_array_get_string_element (json_object_get_array_member (extensions, LATERAL_XAPI_EXTENSION ("checks")), 0),
                   ==, "second-source");

  context = json_object_get_object_member (statement, "context");
  g_assert_cmpstr (json_object_get_string_member (context, "registration"), ==, lateral_play_get_attempt (play)->uuid);
  extensions = json_object_get_object_member (context, "extensions");
  g_assert_cmpstr (json_object_get_string_member (extensions, LATERAL_XAPI_EXTENSION ("class-code")), ==, "7B");
  g_assert_cmpstr (json_object_get_string_member (extensions, LATERAL_XAPI_EXTENSION ("pack-hash")), ==,
                   lateral_pack_get_content_hash (pack));
}

/* The queued statement is byte for byte the one an export builds later. */
static void
test_outbox_matches_export (void)
{
  g_autoptr(LateralStore) store = open_store ("export.db");
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) play = lateral_play_new (store, pack, "Ben", NULL, &error);
  g_autoptr(LateralXapiConfig) config = test_config (TRUE);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(JsonNode) exported = NULL;
  LateralXapiOptions options = { .homepage = config->homepage, .send_names = TRUE, .provenance = LATERAL_XAPI_PROVENANCE_LIVE };
  guint n = 0;

  g_assert_true (lateral_xapi_outbox_attach (play, config, &error));
  while (!lateral_play_is_finished (play))
    {
      if (lateral_play_get_current_step (play)->type == LATERAL_STEP_CLAIM)
        g_assert_nonnull (lateral_play_answer (play, LATERAL_VERDICT_TRUE, 2, NULL, 1000, &error));
      g_assert_no_error (error);
      lateral_play_advance (play, &error);
      g_assert_no_error (error);
    }

  items = lateral_store_outbox_list (store, LATERAL_OUTBOX_WAITING, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (items->len, ==, 5);   /* attempted, 3 answered, completed */
  g_assert_cmpstr (((LateralOutboxItem *) items->pdata[0])->kind, ==, "attempted");
  g_assert_cmpstr (((LateralOutboxItem *) items->pdata[4])->kind, ==, "completed");

  exported = lateral_xapi_export (store, &options, NULL, NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 5);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *text = json_to_string (json_array_get_element (json_node_get_array (exported), i), FALSE);

      g_assert_cmpstr (text, ==, ((LateralOutboxItem *) items->pdata[i])->statement);
    }
}

static gboolean
failing_recorder (LateralPlay          *play,
                  LateralPlayEvent      event,
                  const LateralAnswer  *answer,
                  gpointer              user_data,
                  GError              **error)
{
  if (event != LATERAL_PLAY_EVENT_ANSWERED)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "the outbox is full");
  return FALSE;
}

/* The answer and its statement commit together or not at all. */
static void
test_same_transaction (void)
{
  g_autoptr(LateralStore) store = open_store ("transaction.db");
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) play = lateral_play_new (store, pack, "Cleo", NULL, &error);
  g_autoptr(GPtrArray) answers = NULL;

  g_assert_true (lateral_play_set_recorder (play, failing_recorder, NULL, NULL, &error));
  lateral_play_advance (play, NULL);
  g_assert_null (lateral_play_answer (play, LATERAL_VERDICT_TRUE, 1, NULL, 10, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_FAILED);

  answers = lateral_store_list_answers (store, lateral_play_get_attempt (play)->uuid, NULL);
  g_assert_cmpuint (answers->len, ==, 0);
  g_assert_cmpuint (lateral_play_get_n_answered (play), ==, 0);
}

/* A resumed attempt: its start and its earlier answers are queued once
 * when the outbox is attached, however often that happens. */
static void
test_catch_up (void)
{
  g_autoptr(LateralStore) store = open_store ("catch-up.db");
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(LateralXapiConfig) config = test_config (FALSE);
  g_autoptr(GError) error = NULL;

  {
    g_autoptr(LateralPlay) play = lateral_play_new (store, pack, "Dan", NULL, &error);

    lateral_play_advance (play, NULL);
    g_assert_nonnull (lateral_play_answer (play, LATERAL_VERDICT_TRUE, 1, NULL, 10, &error));
  }
  g_assert_cmpuint (count_outbox (store), ==, 0);   /* not configured then */

  for (int i = 0; i < 2; i++)
    {
      g_autoptr(LateralPlay) play = lateral_play_new (store, pack, "Dan", NULL, &error);

      g_assert_true (lateral_play_is_resumed (play));
      g_assert_true (lateral_xapi_outbox_attach (play, config, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (count_outbox (store), ==, 2);
    }
}

static char *
write_file (const char *name,
            const char *contents)
{
  char *path = g_build_filename (g_get_user_config_dir (), name, NULL);
  g_autofree char *dir = g_path_get_dirname (path);

  g_mkdir_with_parents (dir, 0700);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

static void
test_config_rules (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralXapiConfig) config = NULL;
  g_autofree char *secret = write_file ("secret", "s3cret\n");
  g_autofree char *ini = NULL;
  g_autofree char *written = NULL;
  struct stat info;

  /* Off by default: no file, no configuration, no error. */
  config = lateral_xapi_config_load (&error);
  g_assert_no_error (error);
  g_assert_null (config);

  g_assert_true (lateral_xapi_check_endpoint ("https://lrs.example.org/xapi/", NULL));
  g_assert_true (lateral_xapi_check_endpoint ("http://127.0.0.1:8080/xAPI", NULL));
  g_assert_true (lateral_xapi_check_endpoint ("http://localhost/xAPI", NULL));
  g_assert_true (lateral_xapi_check_endpoint ("http://[::1]:8080/xAPI", NULL));
  g_assert_false (lateral_xapi_check_endpoint ("http://lrs.example.org/xapi/", &error));
  g_assert_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "https"));
  g_clear_error (&error);
  g_assert_false (lateral_xapi_check_endpoint ("http://10.0.0.1/xapi/", NULL));
  g_assert_false (lateral_xapi_check_endpoint ("ftp://127.0.0.1/", NULL));
  g_assert_false (lateral_xapi_check_endpoint ("https://user:pw@lrs.example.org/", NULL));
  g_assert_false (lateral_xapi_check_endpoint ("", NULL));

  /* A file that exists but is wrong is an error that names the key. */
  ini = write_file ("lateral/lrs.ini", "[lrs]\nendpoint=https://lrs.example.org/xapi\nkey=k\nsecret=s\n");
  config = lateral_xapi_config_load (&error);
  g_assert_null (config);
  g_assert_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "homepage"));
  g_clear_error (&error);

  g_assert_true (lateral_xapi_config_write_user ("https://lrs.example.org/xapi", "https://school.example.org",
                                                 "k", secret, FALSE, &written, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (written, ==, ini);
  g_assert_cmpint (g_stat (written, &info), ==, 0);
  g_assert_cmpint (info.st_mode & 0777, ==, 0600);

  config = lateral_xapi_config_load (&error);
  g_assert_no_error (error);
  g_assert_cmpstr (config->endpoint, ==, "https://lrs.example.org/xapi/");
  g_assert_cmpstr (config->secret, ==, "s3cret");
  g_assert_false (config->send_names);
  g_clear_pointer (&config, lateral_xapi_config_free);

  g_assert_false (lateral_xapi_config_write_user ("http://lrs.example.org/xapi", "https://school.example.org",
                                                  "k", secret, FALSE, NULL, &error));
  g_clear_error (&error);
  g_unlink (written);
}

/* Lateral's own statements come back as attempts; others are ignored. */
static void
test_statements_to_bundle (void)
{
  g_autoptr(LateralStore) store = open_store ("round-trip.db");
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) play = lateral_play_new (store, pack, "Eve", "8A", &error);
  LateralXapiOptions options = { .homepage = "https://school.example.org", .send_names = TRUE, .provenance = LATERAL_XAPI_PROVENANCE_FILE };
  g_autoptr(JsonNode) exported = NULL;
  g_autoptr(JsonNode) bundle = NULL;
  g_autoptr(GPtrArray) statements = g_ptr_array_new_with_free_func ((GDestroyNotify) json_node_unref);
  g_autoptr(JsonParser) parser = json_parser_new ();
  LateralXapiFetchResult result = { 0 };
  JsonObject *attempt;

  while (!lateral_play_is_finished (play))
    {
      if (lateral_play_get_current_step (play)->type == LATERAL_STEP_CLAIM)
        lateral_play_answer (play, LATERAL_VERDICT_MISLEADING, 1, NULL, 500, &error);
      lateral_play_advance (play, &error);
      g_assert_no_error (error);
    }
  exported = lateral_xapi_export (store, &options, NULL, NULL, NULL, &error);
  for (guint i = 0; i < json_array_get_length (json_node_get_array (exported)); i++)
    g_ptr_array_add (statements, json_node_copy (json_array_get_element (json_node_get_array (exported), i)));
  json_parser_load_from_data (parser, "{\"actor\": {\"mbox\": \"mailto:x@example.org\"}, \"verb\": {\"id\": \"http://adlnet.gov/expapi/verbs/answered\"}}", -1, NULL);
  g_ptr_array_add (statements, json_node_copy (json_parser_get_root (parser)));

  bundle = lateral_xapi_statements_to_bundle (statements, NULL, NULL, NULL, &result);
  g_assert_cmpuint (result.n_ignored, ==, 1);
  g_assert_cmpuint (result.attempts->len, ==, 1);
  attempt = json_array_get_object_element (json_object_get_array_member (object_of (bundle), "attempts"), 0);
  g_assert_cmpstr (json_object_get_string_member (attempt, "uuid"), ==, lateral_play_get_attempt (play)->uuid);
  g_assert_cmpstr (json_object_get_string_member (attempt, "class_code"), ==, "8A");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (attempt, "answers")), ==, 3);
  g_assert_false (json_object_get_null_member (attempt, "finished_at"));
  g_assert_cmpstr (((LateralXapiAttemptSource *) result.attempts->pdata[0])->provenance, ==, "file");
  lateral_xapi_fetch_result_clear (&result);

  /* The filter: another class finds nothing. */
  g_clear_pointer (&bundle, json_node_unref);
  bundle = lateral_xapi_statements_to_bundle (statements, "9Z", NULL, NULL, &result);
  g_assert_cmpuint (result.attempts->len, ==, 0);
  lateral_xapi_fetch_result_clear (&result);
}

/* What the LRS says is kept and printed: its words, never its control
 * characters. */
static void
test_reason (void)
{
  const char *json_text = "{\"message\": \"bad\\u001b[2J\", \"warnings\": [\"raw > max\"]}";
  const char *plain_text = "oops\r\nmore";
  g_autoptr(GBytes) json = g_bytes_new_static (json_text, strlen (json_text));
  g_autoptr(GBytes) text = g_bytes_new_static (plain_text, strlen (plain_text));
  g_autofree char *from_json = lateral_xapi_client_reason (400, json);
  g_autofree char *from_text = lateral_xapi_client_reason (409, text);
  g_autofree char *from_nothing = lateral_xapi_client_reason (400, NULL);

  g_assert_cmpstr (from_json, ==, "HTTP 400: bad\\x1b[2J [\"raw > max\"]");
  g_assert_cmpstr (from_text, ==, "HTTP 409: oops\\x0d\\x0amore");
  g_assert_cmpstr (from_nothing, ==, "HTTP 400");
}

static void
test_backoff (void)
{
  guint previous = 0;

  for (guint n = 1; n <= 12; n++)
    {
      guint seconds = lateral_xapi_backoff_seconds (n);

      /* Doubles from 2 s (plus up to a quarter), never past 300 s + 25%. */
      g_assert_cmpuint (seconds, >=, MIN (2u << (n - 1), 300u));
      g_assert_cmpuint (seconds, <=, 375);
      if (n <= 7)
        g_assert_cmpuint (seconds, >, previous);
      previous = MIN (2u << (n - 1), 300u);
    }
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/xapi/statement-ids", test_statement_ids);
  g_test_add_func ("/xapi/answer-statement", test_answer_statement);
  g_test_add_func ("/xapi/outbox-matches-export", test_outbox_matches_export);
  g_test_add_func ("/xapi/same-transaction", test_same_transaction);
  g_test_add_func ("/xapi/catch-up", test_catch_up);
  g_test_add_func ("/xapi/config", test_config_rules);
  g_test_add_func ("/xapi/statements-to-bundle", test_statements_to_bundle);
  g_test_add_func ("/xapi/backoff", test_backoff);
  g_test_add_func ("/xapi/reason", test_reason);

  return g_test_run ();
}
