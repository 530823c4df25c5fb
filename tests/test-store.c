/* test-store.c: profiles, attempts, answers and schema migrations
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gstdio.h>

#include "play/lateral-scoring.h"
#include "store/lateral-store-private.h"
#include "store/lateral-store-query.h"

static char *
test_db_path (void)
{
  /* G_TEST_OPTION_ISOLATE_DIRS gives each test its own XDG_DATA_HOME. */
  return lateral_store_get_default_filename ();
}

static LateralAnswer *
make_answer (const char     *claim_id,
             LateralVerdict  verdict,
             int             certainty,
             gboolean        correct)
{
  LateralAnswer *answer = g_new0 (LateralAnswer, 1);

  answer->claim_id = g_strdup (claim_id);
  answer->verdict = verdict;
  answer->certainty = certainty;
  answer->moves = g_new0 (char *, 1);
  answer->time_ms = 1234;
  answer->answered_at = g_get_real_time () / G_USEC_PER_SEC;
  answer->correct = correct;
  answer->mark = lateral_cbm_mark (correct, certainty);

  return answer;
}

static void
test_open_default (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (NULL, &error);
  g_autofree char *expected = g_build_filename (g_get_user_data_dir (), "lateral", "lateral.db", NULL);
  g_autofree char *device_id = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (lateral_store_get_filename (store), ==, expected);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
  g_assert_null (lateral_store_get_recovery_message (store));
  g_assert_true (g_uuid_string_is_valid (lateral_store_get_device_id (store)));
  device_id = g_strdup (lateral_store_get_device_id (store));
  g_clear_object (&store);

  /* The device id is made once and kept. */
  store = lateral_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lateral_store_get_device_id (store), ==, device_id);
}

static void
test_profiles (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (NULL, &error);
  g_autoptr(LateralProfile) ana = NULL;
  g_autoptr(LateralProfile) ben = NULL;
  g_autoptr(LateralProfile) again = NULL;
  g_autoptr(LateralProfile) last = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  static const char * const bad_names[] = { "", " Ana", "Ana ", "a\nb", "\xff" };

  g_assert_no_error (error);
  last = lateral_store_get_last_profile (store, &error);
  g_assert_no_error (error);
  g_assert_null (last);

  ana = lateral_store_ensure_profile (store, "Ana", &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (ana->uuid));
  g_assert_cmpstr (ana->name, ==, "Ana");
  ben = lateral_store_ensure_profile (store, "Ben", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (ana->uuid, !=, ben->uuid);

  last = lateral_store_get_last_profile (store, &error);
  g_assert_cmpstr (last->uuid, ==, ben->uuid);
  g_clear_pointer (&last, lateral_profile_free);

  /* Using Ana again within the same second still makes her the last used. */
  again = lateral_store_ensure_profile (store, "Ana", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again->uuid, ==, ana->uuid);
  profiles = lateral_store_list_profiles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 2);
  g_assert_cmpstr (((LateralProfile *) profiles->pdata[0])->name, ==, "Ana");
  g_assert_cmpstr (((LateralProfile *) profiles->pdata[1])->name, ==, "Ben");

  for (guint i = 0; i < G_N_ELEMENTS (bad_names); i++)
    {
      g_autoptr(LateralProfile) bad = lateral_store_ensure_profile (store, bad_names[i], &error);

      g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID);
      g_assert_null (bad);
      g_clear_error (&error);
    }
}

static void
test_attempts_and_answers (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (NULL, &error);
  g_autoptr(LateralProfile) ana = lateral_store_ensure_profile (store, "Ana", &error);
  g_autoptr(LateralAttempt) attempt = NULL;
  g_autoptr(LateralAttempt) unfinished = NULL;
  g_autoptr(LateralAttempt) reread = NULL;
  g_autoptr(LateralAnswer) a1 = make_answer ("c1", LATERAL_VERDICT_FALSE, 3, TRUE);
  g_autoptr(LateralAnswer) a2 = make_answer ("c2", LATERAL_VERDICT_TRUE, 2, FALSE);
  g_autoptr(LateralAnswer) dup = make_answer ("c1", LATERAL_VERDICT_TRUE, 1, FALSE);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  const char * const moves[] = { "reverse-image", "check-source", NULL };
  int best = 99;

  g_assert_no_error (error);
  attempt = lateral_store_start_attempt (store, ana->uuid, "org.example.pack", "1.0", "sha256:abc", "7B", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (attempt->profile_name, ==, "Ana");
  g_assert_cmpstr (attempt->class_code, ==, "7B");
  g_assert_cmpstr (attempt->device_id, ==, lateral_store_get_device_id (store));
  g_assert_cmpint (attempt->finished_at, ==, 0);
  g_assert_cmpuint (attempt->n_answers, ==, 0);

  g_strfreev (a1->moves);
  a1->moves = g_strdupv ((char **) moves);
  a1->moves_expected = 1;
  a1->moves_unexpected = 1;
  g_assert_true (lateral_store_add_answer (store, attempt->uuid, a1, &error));
  g_assert_no_error (error);
  g_assert_true (lateral_store_add_answer (store, attempt->uuid, a2, &error));
  g_assert_no_error (error);

  /* Answers are final. */
  g_assert_false (lateral_store_add_answer (store, attempt->uuid, dup, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_ALREADY_ANSWERED);
  g_clear_error (&error);
  g_assert_false (lateral_store_exec (store, "UPDATE answers SET certainty = 1", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);
  g_assert_false (lateral_store_exec (store, "DELETE FROM answers", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* A mark that does not follow from the certainty is refused. */
  dup->claim_id[1] = '9';
  dup->mark = 3;
  g_assert_false (lateral_store_add_answer (store, attempt->uuid, dup, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID);
  g_clear_error (&error);
  dup->mark = 0;
  g_assert_false (lateral_store_add_answer (store, "no-such-attempt", dup, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  answers = lateral_store_list_answers (store, attempt->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 2);
  {
    LateralAnswer *got = answers->pdata[0];

    g_assert_cmpstr (got->claim_id, ==, "c1");
    g_assert_cmpint (got->verdict, ==, LATERAL_VERDICT_FALSE);
    g_assert_cmpint (got->certainty, ==, 3);
    g_assert_cmpstrv (got->moves, moves);
    g_assert_cmpuint (got->time_ms, ==, 1234);
    g_assert_true (got->correct);
    g_assert_cmpint (got->mark, ==, 3);
    g_assert_cmpuint (got->moves_expected, ==, 1);
    g_assert_cmpuint (got->moves_unexpected, ==, 1);
    g_assert_cmpuint (g_strv_length (((LateralAnswer *) answers->pdata[1])->moves), ==, 0);
  }

  unfinished = lateral_store_find_unfinished_attempt (store, ana->uuid, "org.example.pack", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (unfinished->uuid, ==, attempt->uuid);
  g_assert_cmpuint (unfinished->n_answers, ==, 2);
  g_assert_cmpuint (unfinished->n_correct, ==, 1);
  g_assert_cmpint (unfinished->total_mark, ==, 3 - 2);

  g_assert_false (lateral_store_get_best_mark (store, ana->uuid, "org.example.pack", &best, &error));
  g_assert_no_error (error);
  g_assert_cmpint (best, ==, 99);

  g_assert_true (lateral_store_finish_attempt (store, attempt->uuid, &error));
  g_assert_no_error (error);
  g_assert_null (lateral_store_find_unfinished_attempt (store, ana->uuid, "org.example.pack", &error));
  g_assert_no_error (error);
  g_assert_true (lateral_store_get_best_mark (store, ana->uuid, "org.example.pack", &best, &error));
  g_assert_cmpint (best, ==, 1);

  reread = lateral_store_get_attempt (store, attempt->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (reread->finished_at, >, 0);

  attempts = lateral_store_list_attempts (store, NULL, "org.example.pack", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempts->len, ==, 1);
  g_clear_pointer (&attempts, g_ptr_array_unref);
  attempts = lateral_store_list_attempts (store, "someone-else", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempts->len, ==, 0);
}

/* Builds a database at each older schema version, as that version of
 * Lateral left it, and checks that opening it upgrades without losing data. */
static void
test_migrations (void)
{
  for (int version = 0; version < LATERAL_STORE_SCHEMA_VERSION; version++)
    {
      g_autofree char *path = test_db_path ();
      g_autofree char *dir = g_path_get_dirname (path);
      g_autoptr(GError) error = NULL;
      g_autoptr(LateralStore) store = NULL;
      g_autoptr(GPtrArray) attempts = NULL;
      g_autoptr(GPtrArray) answers = NULL;
      sqlite3 *db = NULL;

      g_test_message ("from version %d", version);
      g_unlink (path);
      g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
      g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
      g_assert_true (lateral_store_migrate (db, version, &error));
      g_assert_no_error (error);
      g_assert_cmpint (lateral_store_read_schema_version (db, NULL), ==, version);

      if (version >= 1)
        {
          g_assert_true (lateral_store_exec_db (db,
            "INSERT INTO profiles (uuid, name, created_at, last_used_at) VALUES ('p1', 'Old', 10, 20);"
            "INSERT INTO attempts (uuid, profile_uuid, pack_id, pack_version, pack_hash, device_id, started_at, finished_at)"
            "  VALUES ('a1', 'p1', 'org.example.pack', '1', 'h', 'd', 30, 40);"
            "INSERT INTO answers (attempt_uuid, claim_id, verdict, certainty, moves, time_ms, answered_at, correct, mark)"
            "  VALUES ('a1', 'c1', 'misleading', 2, '[\"m\"]', 5, 35, 1, 2);", &error));
          g_assert_no_error (error);
        }
      sqlite3_close (db);

      store = lateral_store_open (path, &error);
      g_assert_no_error (error);
      g_assert_null (lateral_store_get_recovery_message (store));
      g_assert_cmpint (lateral_store_read_schema_version (lateral_store_get_db (store), NULL),
                       ==, LATERAL_STORE_SCHEMA_VERSION);

      attempts = lateral_store_list_attempts (store, NULL, NULL, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (attempts->len, ==, version >= 1 ? 1 : 0);

      /* A database with data got a backup at its old version first. */
      if (version >= 1)
        {
          g_autoptr(GPtrArray) backups = lateral_store_list_backups (store, &error);
          sqlite3 *copy = NULL;

          g_assert_no_error (error);
          g_assert_cmpuint (backups->len, >=, 1);
          g_assert_cmpint (sqlite3_open_v2 (backups->pdata[backups->len - 1], &copy, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
          g_assert_cmpint (lateral_store_read_schema_version (copy, NULL), ==, version);
          sqlite3_close (copy);
        }
      if (version >= 1)
        {
          LateralAttempt *attempt = attempts->pdata[0];

          g_assert_cmpstr (attempt->profile_name, ==, "Old");
          g_assert_cmpint (attempt->finished_at, ==, 40);
          g_assert_false (attempt->pack_missing);
          answers = lateral_store_list_answers (store, "a1", &error);
          g_assert_no_error (error);
          g_assert_cmpuint (answers->len, ==, 1);
          g_assert_cmpint (((LateralAnswer *) answers->pdata[0])->verdict, ==, LATERAL_VERDICT_MISLEADING);
          g_assert_cmpstr (((LateralAnswer *) answers->pdata[0])->moves[0], ==, "m");
        }
    }
}

static void
test_migrate_twice_is_noop (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (NULL, &error);

  g_assert_no_error (error);
  g_assert_true (lateral_store_migrate (lateral_store_get_db (store), LATERAL_STORE_SCHEMA_VERSION, &error));
  g_assert_no_error (error);
  g_assert_false (lateral_store_migrate (lateral_store_get_db (store), 1, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NEWER_VERSION);
}

static void
test_pragmas (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (NULL, &error);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_assert_no_error (error);
  stmt = lateral_store_prepare (store, "SELECT (SELECT journal_mode FROM pragma_journal_mode),"
                                       " (SELECT synchronous FROM pragma_synchronous),"
                                       " (SELECT foreign_keys FROM pragma_foreign_keys),"
                                       " (SELECT application_id FROM pragma_application_id)", &error);
  g_assert_no_error (error);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "wal");
  g_assert_cmpint (sqlite3_column_int (stmt, 1), ==, 2); /* FULL */
  g_assert_cmpint (sqlite3_column_int (stmt, 2), ==, 1);
  g_assert_cmpint (sqlite3_column_int (stmt, 3), ==, LATERAL_STORE_APPLICATION_ID);
}

static guint
count_profiles (LateralStore *store)
{
  g_autoptr(GPtrArray) profiles = lateral_store_list_profiles (store, NULL);

  g_assert_nonnull (profiles);
  return profiles->len;
}

/* The guard rolls back whatever was not committed, and a savepoint undoes
 * only its own part. */
static void
test_transaction_guard (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (NULL, &error);

  g_assert_no_error (error);

  {
    g_autoptr(LateralStoreTransaction) tx = lateral_store_transaction_begin (store, LATERAL_STORE_WRITE, &error);
    g_assert_no_error (error);
    g_assert_true (lateral_store_exec (store, "INSERT INTO profiles (uuid, name, created_at, last_used_at, use_seq)"
                                              " VALUES ('a', 'Ana', 1, 1, 1)", &error));
    /* freed here without a commit */
  }
  g_assert_cmpuint (count_profiles (store), ==, 0);

  {
    g_autoptr(LateralStoreTransaction) tx = lateral_store_transaction_begin (store, LATERAL_STORE_WRITE, &error);
    g_assert_no_error (error);
    g_assert_true (lateral_store_exec (store, "INSERT INTO profiles (uuid, name, created_at, last_used_at, use_seq)"
                                              " VALUES ('a', 'Ana', 1, 1, 1)", &error));
    g_assert_true (lateral_store_transaction_savepoint (tx, &error));
    g_assert_true (lateral_store_exec (store, "INSERT INTO profiles (uuid, name, created_at, last_used_at, use_seq)"
                                              " VALUES ('b', 'Ben', 1, 1, 2)", &error));
    g_assert_true (lateral_store_transaction_rollback_to (tx, &error));
    g_assert_true (lateral_store_transaction_savepoint (tx, &error));
    g_assert_true (lateral_store_exec (store, "INSERT INTO profiles (uuid, name, created_at, last_used_at, use_seq)"
                                              " VALUES ('c', 'Cai', 1, 1, 3)", &error));
    g_assert_true (lateral_store_transaction_release (tx, &error));
    g_assert_true (lateral_store_transaction_commit (tx, &error));
    g_assert_no_error (error);
  }
  g_assert_cmpuint (count_profiles (store), ==, 2);
  g_assert_null (lateral_store_find_profile (store, "Ben", &error));
  g_assert_no_error (error);

  /* A read transaction is a snapshot that can be committed like any other. */
  {
    g_autoptr(LateralStoreTransaction) tx = lateral_store_transaction_begin (store, LATERAL_STORE_READ, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (count_profiles (store), ==, 2);
    g_assert_true (lateral_store_transaction_commit (tx, &error));
  }
}

/* The statement helper the report reads through: bound parameters (NULL
 * included), rows in order, a clean end, and SQL errors as GErrors. */
static void
test_query (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (NULL, &error);
  g_autoptr(LateralStoreQuery) query = NULL;
  g_autoptr(LateralStoreQuery) broken = NULL;
  g_autoptr(LateralProfile) ana = NULL;
  g_autoptr(LateralProfile) ben = NULL;

  g_assert_no_error (error);
  ana = lateral_store_ensure_profile (store, "Ana", &error);
  ben = lateral_store_ensure_profile (store, "Ben's \"quote\"", &error);
  g_assert_no_error (error);

  query = lateral_store_query_new (store, "SELECT name, ?2 IS NULL FROM profiles WHERE name <> ?1 ORDER BY name", &error);
  g_assert_no_error (error);
  lateral_store_query_bind_text (query, 1, "Nobody");
  lateral_store_query_bind_text (query, 2, NULL);
  g_assert_true (lateral_store_query_next (query, &error));
  g_assert_cmpstr (lateral_store_query_get_text (query, 0), ==, "Ana");
  g_assert_cmpint (lateral_store_query_get_int (query, 1), ==, 1);
  g_assert_true (lateral_store_query_next (query, &error));
  g_assert_cmpstr (lateral_store_query_get_text (query, 0), ==, "Ben's \"quote\"");
  g_assert_false (lateral_store_query_next (query, &error));
  g_assert_no_error (error);
  g_assert_false (lateral_store_query_next (query, &error));
  g_assert_no_error (error);

  broken = lateral_store_query_new (store, "SELECT no_such_column FROM profiles", &error);
  g_assert_null (broken);
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_FAILED);
  g_clear_error (&error);

  /* A failure while stepping (not while preparing) is an error too. */
  broken = lateral_store_query_new (store, "SELECT abs(-9223372036854775807 - 1)", &error);
  g_assert_no_error (error);
  g_assert_false (lateral_store_query_next (broken, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_FAILED);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/open-default", test_open_default);
  g_test_add_func ("/store/pragmas", test_pragmas);
  g_test_add_func ("/store/profiles", test_profiles);
  g_test_add_func ("/store/attempts-and-answers", test_attempts_and_answers);
  g_test_add_func ("/store/migrations", test_migrations);
  g_test_add_func ("/store/migrate-twice", test_migrate_twice_is_noop);
  g_test_add_func ("/store/transaction-guard", test_transaction_guard);
  g_test_add_func ("/store/query", test_query);

  return g_test_run ();
}
