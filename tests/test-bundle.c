/* test-bundle.c: results bundles round-trip, merge idempotently, and
 * broken ones change nothing
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "lateral-test-store.h"
#include "results/lateral-bundle.h"
#include "results/lateral-csv.h"
#include "play/lateral-scoring.h"
#include "store/lateral-store-private.h"

/* Under the test's own isolated data folder, so runs never share files. */
static char *
tmp_path (const char *name)
{
  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  return g_build_filename (g_get_user_data_dir (), name, NULL);
}

/* Two learners, three attempts (one unfinished), in two classes. */
static LateralStore *
make_class (const char *path)
{
  g_autoptr(GError) error = NULL;
  LateralStore *store = lateral_store_open (path, &error);
  g_autoptr(LateralProfile) ana = lateral_store_ensure_profile (store, "Ana Łukasiewicz", &error);
  g_autoptr(LateralProfile) ben = lateral_store_ensure_profile (store, "=Ben, \"the\" tester", &error);
  g_autoptr(LateralAttempt) a1 = NULL;
  g_autoptr(LateralAttempt) a2 = NULL;
  g_autoptr(LateralAttempt) a3 = NULL;

  g_assert_no_error (error);
  a1 = lateral_store_start_attempt (store, ana->uuid, "io.github.lateral.prank-call", "1.0", "sha256:aa", "7B", &error);
  lateral_test_store_answer (store, a1->uuid, "c1", LATERAL_VERDICT_FALSE, 3, TRUE, "reverse-image");
  lateral_test_store_answer (store, a1->uuid, "c2", LATERAL_VERDICT_TRUE, 2, FALSE, NULL);
  g_assert_true (lateral_store_finish_attempt (store, a1->uuid, &error));
  a2 = lateral_store_start_attempt (store, ben->uuid, "io.github.lateral.prank-call", "1.0", "sha256:aa", "7B", &error);
  lateral_test_store_answer (store, a2->uuid, "c1", LATERAL_VERDICT_MISLEADING, 1, FALSE, NULL);
  a3 = lateral_store_start_attempt (store, ana->uuid, "org.example.other", "2.1", "sha256:bb", NULL, &error);
  lateral_test_store_answer (store, a3->uuid, "x", LATERAL_VERDICT_UNVERIFIED, 1, TRUE, NULL);
  g_assert_no_error (error);

  return store;
}

static char *
export_to_file (LateralStore *store,
                const char   *name,
                const char   *profile,
                const char   *class_code,
                guint         expected_attempts)
{
  g_autoptr(GError) error = NULL;
  char *path = tmp_path (name);
  guint n_attempts = 0;

  g_assert_true (lateral_bundle_write_file (store, profile, class_code, path, &n_attempts, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_attempts, ==, expected_attempts);

  return path;
}

static JsonNode *
load_json (const char *path)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);

  return json_node_copy (json_parser_get_root (parser));
}

static void
assert_member_equal (JsonNode   *a,
                     JsonNode   *b,
                     const char *name)
{
  JsonNode *ma = json_object_get_member (json_node_get_object (a), name);
  JsonNode *mb = json_object_get_member (json_node_get_object (b), name);

  if (!json_node_equal (ma, mb))
    {
      g_autofree char *sa = json_to_string (ma, TRUE);
      g_autofree char *sb = json_to_string (mb, TRUE);

      g_assert_cmpstr (sa, ==, sb);
    }
}

static void
test_round_trip (void)
{
  g_autofree char *db1 = tmp_path ("one.db");
  g_autofree char *db2 = tmp_path ("two.db");
  g_autoptr(LateralStore) one = make_class (db1);
  g_autoptr(LateralStore) two = NULL;
  g_autofree char *first = export_to_file (one, "first.json", NULL, NULL, 3);
  g_autofree char *second = NULL;
  g_autoptr(JsonNode) a = NULL;
  g_autoptr(JsonNode) b = NULL;
  g_autoptr(GError) error = NULL;
  LateralImportResult result = { 0 };

  two = lateral_store_open (db2, &error);
  g_assert_no_error (error);
  g_assert_true (lateral_bundle_import_file (two, first, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_added, ==, 3);
  g_assert_cmpuint (result.n_present + result.n_updated + result.n_rejected, ==, 0);
  lateral_import_result_clear (&result);

  second = export_to_file (two, "second.json", NULL, NULL, 3);
  a = load_json (first);
  b = load_json (second);
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (a), "format"), ==, LATERAL_BUNDLE_FORMAT);
  assert_member_equal (a, b, "format");
  assert_member_equal (a, b, "profiles");
  assert_member_equal (a, b, "attempts");
  /* Only the exporting machine differs. */
  g_assert_cmpstr (json_object_get_string_member (json_node_get_object (b), "device_id"),
                   ==, lateral_store_get_device_id (two));

  /* Importing again adds nothing. */
  g_assert_true (lateral_bundle_import_file (two, first, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_added, ==, 0);
  g_assert_cmpuint (result.n_present, ==, 3);
  lateral_import_result_clear (&result);
  g_assert_true (lateral_bundle_import_file (one, second, NULL, &result, &error));
  g_assert_cmpuint (result.n_present, ==, 3);
  lateral_import_result_clear (&result);
}

/* The one writer the app and the CLI share: the file holds exactly the
 * bundle's text, an old file is replaced whole, and a file that cannot be
 * written is an error that leaves nothing behind. */
static void
test_write_file (void)
{
  g_autofree char *db = tmp_path ("write.db");
  g_autoptr(LateralStore) store = make_class (db);
  g_autofree char *path = tmp_path ("written.json");
  g_autofree char *missing = tmp_path ("no-such-folder/bundle.json");
  g_autofree char *data = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (path, "an older, longer file that must not survive in part", -1, NULL));
  g_assert_true (lateral_bundle_write_file (store, "Ana Łukasiewicz", NULL, path, &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);

  data = lateral_bundle_to_data (store, "Ana Łukasiewicz", NULL, &n, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 2);
  g_assert_true (g_str_has_suffix (data, "}\n"));
  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  /* exported_at may tick between the two calls: compare what it holds. */
  root = load_json (path);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "attempts")), ==, 2);
  g_assert_true (g_str_has_prefix (contents, "{\n  \"format\" : \"" LATERAL_BUNDLE_FORMAT "\""));
  g_assert_true (g_str_has_suffix (contents, "}\n"));

  g_assert_false (lateral_bundle_write_file (store, NULL, NULL, missing, NULL, &error));
  g_assert_error (error, G_FILE_ERROR, G_FILE_ERROR_NOENT);
  g_assert_false (g_file_test (missing, G_FILE_TEST_EXISTS));
}

static void
test_selection (void)
{
  g_autofree char *db = tmp_path ("select.db");
  g_autoptr(LateralStore) store = make_class (db);
  g_autofree char *by_class = export_to_file (store, "class.json", NULL, "7B", 2);
  g_autofree char *by_profile = export_to_file (store, "ana.json", "Ana Łukasiewicz", NULL, 2);
  g_autofree char *both = export_to_file (store, "both.json", "Ana Łukasiewicz", "7B", 1);
  g_autofree char *none = export_to_file (store, "none.json", "Nobody", NULL, 0);
  g_autoptr(JsonNode) root = load_json (both);

  /* Only the profiles the attempts need travel. */
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_node_get_object (root), "profiles")), ==, 1);
}

static void
test_merge_grows_unfinished (void)
{
  g_autofree char *db1 = tmp_path ("grow1.db");
  g_autofree char *db2 = tmp_path ("grow2.db");
  g_autoptr(LateralStore) one = make_class (db1);
  g_autoptr(LateralStore) two = lateral_store_open (db2, NULL);
  g_autofree char *early = export_to_file (one, "early.json", "=Ben, \"the\" tester", NULL, 1);
  g_autofree char *later = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GError) error = NULL;
  LateralImportResult result = { 0 };
  LateralAttempt *ben;

  g_assert_true (lateral_bundle_import_file (two, early, NULL, &result, &error));
  g_assert_cmpuint (result.n_added, ==, 1);
  lateral_import_result_clear (&result);

  /* Ben goes on playing on his machine; the later bundle adds to his attempt. */
  attempts = lateral_store_select_attempts (one, "=Ben, \"the\" tester", NULL, &error);
  ben = attempts->pdata[0];
  lateral_test_store_answer (one, ben->uuid, "c2", LATERAL_VERDICT_FALSE, 2, TRUE, NULL);
  g_assert_true (lateral_store_finish_attempt (one, ben->uuid, &error));
  later = export_to_file (one, "later.json", "=Ben, \"the\" tester", NULL, 1);

  g_assert_true (lateral_bundle_import_file (two, later, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_updated, ==, 1);
  lateral_import_result_clear (&result);
  g_clear_pointer (&attempts, g_ptr_array_unref);
  attempts = lateral_store_list_attempts (two, NULL, NULL, &error);
  g_assert_cmpuint (((LateralAttempt *) attempts->pdata[0])->n_answers, ==, 2);
  g_assert_cmpint (((LateralAttempt *) attempts->pdata[0])->finished_at, >, 0);
}

static void
test_pack_missing (void)
{
  g_autofree char *db1 = tmp_path ("miss1.db");
  g_autofree char *db2 = tmp_path ("miss2.db");
  g_autoptr(LateralStore) one = make_class (db1);
  g_autoptr(LateralStore) two = lateral_store_open (db2, NULL);
  g_autofree char *bundle = export_to_file (one, "miss.json", NULL, NULL, 3);
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pack_path = g_test_build_filename (G_TEST_DIST, "..", "data", "packs", "prank-call.json", NULL);
  g_autoptr(GPtrArray) here = g_ptr_array_new_with_free_func (g_object_unref);
  LateralImportResult result = { 0 };

  g_ptr_array_add (here, lateral_pack_load_file (pack_path, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lateral_bundle_import_file (two, bundle, here, &result, &error));
  g_assert_cmpuint (result.n_added, ==, 3);
  g_assert_cmpuint (result.n_pack_missing, ==, 1);
  /* The two prank-call attempts name a version this machine lacks. */
  g_assert_cmpuint (result.n_flagged, ==, 2);
  lateral_import_result_clear (&result);

  attempts = lateral_store_list_attempts (two, NULL, "org.example.other", &error);
  g_assert_cmpuint (attempts->len, ==, 1);
  g_assert_true (((LateralAttempt *) attempts->pdata[0])->pack_missing);
  g_assert_cmpuint (((LateralAttempt *) attempts->pdata[0])->n_answers, ==, 1);
}

static void
test_conflict_rejected (void)
{
  g_autofree char *db1 = tmp_path ("conf1.db");
  g_autofree char *db2 = tmp_path ("conf2.db");
  g_autoptr(LateralStore) one = make_class (db1);
  g_autoptr(LateralStore) two = lateral_store_open (db2, NULL);
  g_autofree char *bundle = export_to_file (one, "conf.json", NULL, NULL, 3);
  g_autofree char *text = NULL;
  g_autofree char *edited_path = tmp_path ("conf-edited.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) edited = NULL;
  LateralImportResult result = { 0 };

  g_assert_true (lateral_bundle_import_file (two, bundle, NULL, &result, &error));
  lateral_import_result_clear (&result);

  /* Someone changed a final answer in the bundle. */
  g_assert_true (g_file_get_contents (bundle, &text, NULL, NULL));
  edited = g_string_new (text);
  g_assert_cmpint (g_string_replace (edited, "\"time_ms\" : 4200", "\"time_ms\" : 4201", 1), ==, 1);
  g_assert_true (g_file_set_contents (edited_path, edited->str, -1, NULL));

  g_assert_true (lateral_bundle_import_file (two, edited_path, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_rejected, ==, 1);
  g_assert_cmpuint (result.n_present, ==, 2);
  g_test_message ("%s", (const char *) result.rejections->pdata[0]);
  g_assert_nonnull (strstr (result.rejections->pdata[0], "answers are final"));
  lateral_import_result_clear (&result);
}

/* Every broken bundle is refused whole with the expected error, and the
 * database is byte-for-byte what it was. */
static void
test_rejected_whole (void)
{
  static const struct {
    const char *name;
    int         code;
    const char *needle;
  } cases[] = {
    { "truncated", LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE, "truncated" },
    { "not-json", LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE, "not a results bundle" },
    { "pack", LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE, "lateral-pack/1" },
    { "no-format", LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE, "no \"format\"" },
    { "newer", LATERAL_BUNDLE_ERROR_NEWER_FORMAT, "lateral-results/3" },
    { "bad-certainty", LATERAL_BUNDLE_ERROR_INVALID, "attempts[1].answers[0].certainty" },
    { "bad-mark", LATERAL_BUNDLE_ERROR_INVALID, "attempts[0].answers[1]: The mark" },
    { "unknown-profile", LATERAL_BUNDLE_ERROR_INVALID, "attempts[0].profile_uuid" },
    { "empty", LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE, "empty" },
  };
  g_autofree char *db1 = tmp_path ("rej1.db");
  g_autofree char *db2 = tmp_path ("rej2.db");
  g_autoptr(LateralStore) one = make_class (db1);
  g_autofree char *good = export_to_file (one, "good.json", NULL, NULL, 3);
  g_autofree char *good_text = NULL;
  g_autoptr(LateralStore) two = lateral_store_open (db2, NULL);
  gsize good_length;

  g_assert_true (g_file_get_contents (good, &good_text, &good_length, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strconcat (cases[i].name, ".json", NULL);
      g_autofree char *path = tmp_path (name);
      g_autofree char *before = NULL;
      g_autofree char *after = NULL;
      g_autoptr(GString) text = g_string_new (good_text);
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;
      LateralImportResult result = { 0 };

      if (g_str_equal (cases[i].name, "truncated"))
        g_string_truncate (text, good_length * 2 / 3);
      else if (g_str_equal (cases[i].name, "not-json"))
        g_string_assign (text, "profile,class_code\nAna,7B\n");
      else if (g_str_equal (cases[i].name, "pack"))
        g_string_replace (text, LATERAL_BUNDLE_FORMAT, "lateral-pack/1", 1);
      else if (g_str_equal (cases[i].name, "no-format"))
        g_string_replace (text, "\"format\"", "\"formats\"", 1);
      else if (g_str_equal (cases[i].name, "newer"))
        g_string_replace (text, LATERAL_BUNDLE_FORMAT, "lateral-results/3", 1);
      else if (g_str_equal (cases[i].name, "bad-certainty"))
        g_string_replace (text, "\"certainty\" : 1", "\"certainty\" : 4", 1);
      else if (g_str_equal (cases[i].name, "bad-mark"))
        g_string_replace (text, "\"mark\" : -2", "\"mark\" : 2", 1);
      else if (g_str_equal (cases[i].name, "unknown-profile"))
        {
          g_autofree char *edited = NULL;

          root = load_json (good);
          json_object_set_array_member (json_node_get_object (root), "profiles", json_array_new ());
          edited = json_to_string (root, TRUE);
          g_string_assign (text, edited);
        }
      else if (g_str_equal (cases[i].name, "empty"))
        g_string_truncate (text, 0);
      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));

      /* Compare the database's content via a fresh export. */
      {
        g_autoptr(JsonNode) snapshot = lateral_bundle_export (two, NULL, NULL, NULL, NULL);
        json_object_remove_member (json_node_get_object (snapshot), "exported_at");
        before = json_to_string (snapshot, FALSE);
      }

      g_assert_false (lateral_bundle_import_file (two, path, NULL, &result, &error));
      g_test_message ("%s: %s", cases[i].name, error->message);
      g_assert_error (error, LATERAL_BUNDLE_ERROR, cases[i].code);
      g_assert_nonnull (strstr (error->message, cases[i].needle));
      g_assert_true (g_str_has_prefix (error->message, path));
      g_assert_cmpuint (result.n_added, ==, 0);
      lateral_import_result_clear (&result);

      {
        g_autoptr(JsonNode) snapshot = lateral_bundle_export (two, NULL, NULL, NULL, NULL);
        json_object_remove_member (json_node_get_object (snapshot), "exported_at");
        after = json_to_string (snapshot, FALSE);
      }
      g_assert_cmpstr (before, ==, after);

      /* Import the good one once, so later cases compare a full database. */
      if (i == 0)
        {
          g_assert_true (lateral_bundle_import_file (two, good, NULL, &result, NULL));
          lateral_import_result_clear (&result);
        }
    }
}

/* Inputs the fuzzer (bench/fuzz fuzz-bundle-import) found, each in
 * tests/bundles/NAME.json with its exact error in NAME.expected, the path
 * written FILE. They run under ASan and valgrind, which catch the leaks. */
static void
test_fuzz_regressions (void)
{
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "bundles", NULL);
  g_autofree char *db = tmp_path ("regressions.db");
  g_autoptr(LateralStore) store = lateral_store_open (db, NULL);
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n_checked = 0;

  g_assert_nonnull (gdir);
  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = NULL;
      g_autofree char *stem = NULL;
      g_autofree char *expected_path = NULL;
      g_autofree char *expected = NULL;
      g_autoptr(GString) want = NULL;
      g_autoptr(GError) error = NULL;
      LateralImportResult result = { 0 };

      if (!g_str_has_suffix (name, ".json"))
        continue;
      path = g_build_filename (dir, name, NULL);
      stem = g_strndup (name, strlen (name) - strlen (".json"));
      expected_path = g_strconcat (dir, G_DIR_SEPARATOR_S, stem, ".expected", NULL);
      g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));
      want = g_string_new (g_strchomp (expected));
      g_string_replace (want, "FILE", path, 1);

      g_test_message ("%s", name);
      g_assert_false (lateral_bundle_import_file (store, path, NULL, &result, &error));
      g_assert_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE);
      g_assert_cmpstr (error->message, ==, want->str);
      g_assert_cmpuint (result.n_added, ==, 0);
      lateral_import_result_clear (&result);
      n_checked++;
    }
  g_assert_cmpuint (n_checked, >=, 3);
}

/* Braces and quotes inside strings do not end the bundle's object. */
static void
test_braces_in_strings (void)
{
  g_autofree char *db1 = tmp_path ("braces1.db");
  g_autofree char *db2 = tmp_path ("braces2.db");
  g_autoptr(LateralStore) one = lateral_store_open (db1, NULL);
  g_autoptr(LateralStore) two = lateral_store_open (db2, NULL);
  g_autoptr(LateralProfile) ana = lateral_store_ensure_profile (one, "Ana }{ \"] \\", NULL);
  g_autoptr(LateralAttempt) attempt = NULL;
  g_autoptr(LateralProfile) found = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  LateralImportResult result = { 0 };

  attempt = lateral_store_start_attempt (one, ana->uuid, "io.github.lateral.prank-call", "1.0", "sha256:aa",
                                         "{[7B", &error);
  g_assert_no_error (error);
  lateral_test_store_answer (one, attempt->uuid, "c1", LATERAL_VERDICT_FALSE, 3, TRUE, "}");
  path = export_to_file (one, "braces.json", NULL, NULL, 1);

  g_assert_true (lateral_bundle_import_file (two, path, NULL, &result, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (result.n_added, ==, 1);
  lateral_import_result_clear (&result);
  /* Imported profiles are not found by name (they are not this machine's
   * learners): by id. */
  found = lateral_store_get_profile (two, ana->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found->name, ==, "Ana }{ \"] \\");
}

/* A class too large for one bundle is written in parts that import reads
 * one by one: here with a 2,500-byte limit, as with 64 MiB for real. */
static void
test_write_parts (void)
{
  g_autofree char *db1 = tmp_path ("parts1.db");
  g_autofree char *db2 = tmp_path ("parts2.db");
  g_autofree char *path = tmp_path ("parts.json");
  g_autoptr(LateralStore) one = make_class (db1);
  g_autoptr(LateralStore) two = lateral_store_open (db2, NULL);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  guint n_attempts = 0, n_added = 0;

  g_assert_true (lateral_bundle_write_parts (one, NULL, NULL, path, 2500, &n_attempts, &files, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_attempts, ==, 3);
  g_assert_cmpuint (g_strv_length (files), >=, 2);
  g_assert_cmpstr (files[0], ==, path);
  for (guint i = 0; files[i] != NULL; i++)
    {
      LateralImportResult result = { 0 };
      GStatBuf info;

      g_assert_cmpint (g_stat (files[i], &info), ==, 0);
      g_assert_cmpint (info.st_size, <=, 2500);
      g_assert_true (lateral_bundle_import_file (two, files[i], NULL, &result, &error));
      g_assert_no_error (error);
      n_added += result.n_added;
      lateral_import_result_clear (&result);
    }
  g_assert_cmpuint (n_added, ==, 3);

  /* One attempt larger than the limit is an error, not a file import refuses. */
  g_assert_false (lateral_bundle_write_parts (one, NULL, NULL, path, 300, NULL, NULL, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID);
}

static void
test_csv_cells (void)
{
  static const struct { const char *in; const char *out; } cells[] = {
    { "plain", "plain" },
    { "a,b", "\"a,b\"" },
    { "say \"hi\"", "\"say \"\"hi\"\"\"" },
    { "two\nlines", "\"two\nlines\"" },
    { "=1+1", "'=1+1" },
    { "+1", "'+1" },
    { "-1", "'-1" },
    { "@SUM(A1)", "'@SUM(A1)" },
    { "=HYPERLINK(\"x\",\"y\")", "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"" },
    { "", "" },
    { "Łódź", "Łódź" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cells); i++)
    {
      g_autoptr(GString) row = g_string_new (NULL);

      lateral_csv_append_cell (row, cells[i].in);
      g_assert_cmpstr (row->str, ==, cells[i].out);
    }
}

static void
test_time_format (void)
{
  g_autofree char *text = lateral_format_time (1764080100);
  gint64 back = 0;

  g_assert_cmpstr (text, ==, "2025-11-25T14:15:00Z");
  g_assert_true (lateral_parse_time (text, &back));
  g_assert_cmpint (back, ==, 1764080100);
  g_assert_true (lateral_parse_time ("2025-11-25T15:15:00+01:00", &back));
  g_assert_cmpint (back, ==, 1764080100);
  g_assert_false (lateral_parse_time ("2025-11-25", &back));
  g_assert_false (lateral_parse_time ("2025-11-25T14:15:00", &back));
  g_assert_false (lateral_parse_time ("yesterday", &back));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/bundle/round-trip", test_round_trip);
  g_test_add_func ("/bundle/write-file", test_write_file);
  g_test_add_func ("/bundle/selection", test_selection);
  g_test_add_func ("/bundle/merge-grows-unfinished", test_merge_grows_unfinished);
  g_test_add_func ("/bundle/pack-missing", test_pack_missing);
  g_test_add_func ("/bundle/conflict-rejected", test_conflict_rejected);
  g_test_add_func ("/bundle/rejected-whole", test_rejected_whole);
  g_test_add_func ("/bundle/time-format", test_time_format);
  g_test_add_func ("/bundle/fuzz-regressions", test_fuzz_regressions);
  g_test_add_func ("/bundle/braces-in-strings", test_braces_in_strings);
  g_test_add_func ("/bundle/write-parts", test_write_parts);
  g_test_add_func ("/csv/cells", test_csv_cells);

  return g_test_run ();
}
