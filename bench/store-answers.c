/* store-answers.c: storing answers, against a raw sqlite3 INSERT
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   store-answers [--runs RUNS] [--answers N]
 *
 * Commits N answers one at a time (as play does: each committed before its
 * reveal) through lateral_store_add_answer(), and N rows through a bare
 * prepared sqlite3 INSERT, each in its own (autocommit) transaction, with
 * the same pragmas (WAL, synchronous=FULL, foreign_keys) into a table of the
 * same columns, in alternation RUNS times, each in a fresh folder next to
 * the user's data (XDG_DATA_HOME): on the disk a learner's answers go to,
 * so that each commit pays its real fsync.
 *
 * Prints one line for bench/runner.py, TAB-separated, in microseconds per
 * answer (medians over the runs):
 *   NAME  STORE_US  FLOOR_US  TARGET_RATIO
 */
#include "bench-util.h"
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "play/lateral-scoring.h"
#include "store/lateral-store-private.h"

static double
run_store (guint n)
{
  g_autofree char *dir = bench_fresh_dir ();
  g_autofree char *path = g_build_filename (dir, "lateral.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (path, &error);
  g_autoptr(LateralProfile) profile = lateral_store_ensure_profile (store, "Bench", &error);
  g_autoptr(LateralAttempt) attempt = lateral_store_start_attempt (store, profile->uuid, "bench", "1", "h", NULL, &error);
  const char * const moves[] = { "second-source", NULL };
  gint64 start = g_get_monotonic_time ();
  double elapsed;

  g_assert_no_error (error);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *claim_id = g_strdup_printf ("claim-%u", i);
      LateralAnswer answer = {
        .claim_id = claim_id, .verdict = LATERAL_VERDICT_FALSE, .certainty = 2,
        .moves = (char **) moves, .time_ms = 1000, .answered_at = 1764080100,
        .correct = TRUE, .mark = lateral_cbm_mark (TRUE, 2), .moves_expected = 1,
      };

      if (!lateral_store_add_answer (store, attempt->uuid, &answer, &error))
        g_error ("%s", error->message);
    }
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  g_clear_object (&store);
  bench_remove_tree (dir);
  return elapsed;
}

static double
run_floor (guint n)
{
  g_autofree char *dir = bench_fresh_dir ();
  g_autofree char *path = g_build_filename (dir, "floor.db", NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gint64 start;
  double elapsed;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL;"
                                     "PRAGMA foreign_keys = ON;"
                                     "CREATE TABLE answers (attempt TEXT, claim TEXT, verdict TEXT,"
                                     " certainty INTEGER, moves TEXT, time_ms INTEGER, answered_at INTEGER,"
                                     " correct INTEGER, mark INTEGER, PRIMARY KEY (attempt, claim)) STRICT",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "INSERT INTO answers VALUES ('a', ?1, 'false', 2,"
                                           " '[\"second-source\"]', 1000, 1764080100, 1, 2)",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *claim_id = g_strdup_printf ("claim-%u", i);

      sqlite3_bind_text (stmt, 1, claim_id, -1, SQLITE_STATIC);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_DONE);
      sqlite3_reset (stmt);
    }
  elapsed = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  sqlite3_finalize (stmt);
  sqlite3_close (db);
  bench_remove_tree (dir);
  return elapsed;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 100;
  guint runs = 7;
  g_autoptr(GArray) store = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--runs") == 0)
        runs = MAX (1, atoi (argv[i + 1]));
      else if (strcmp (argv[i], "--answers") == 0)
        n = MAX (1, atoi (argv[i + 1]));
    }

  /* Round 0 warms both (the page cache, the library) and is not kept. */
  for (guint r = 0; r <= runs; r++)
    {
      double s = run_store (n), f = run_floor (n);

      if (r == 0)
        continue;
      g_array_append_val (store, s);
      g_array_append_val (floor, f);
    }

  g_print ("answer commit (durable, one answer)\t%.1f\t%.1f\t1.3\n",
           G_USEC_PER_SEC * bench_median (store) / n, G_USEC_PER_SEC * bench_median (floor) / n);
  return 0;
}
