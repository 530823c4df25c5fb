/* report.c: the class report over many answers, against a bare scan
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   report [--runs RUNS] [--answers N]
 *
 * Fills a store with N answers (default 100,000: 9-claim attempts of
 * io.github.lateral.prank-call's ids, in two classes, varied verdicts and
 * certainties) in one transaction, then times lateral_report_new() over all
 * of it, and as the floor a bare sqlite3 scan reading the same four columns
 * of every answer. Prints one line for bench/runner.py, TAB-separated, in
 * microseconds (medians): NAME REPORT_US FLOOR_US - LIMIT_US. Issue 7's
 * target: under 100 ms for 100,000 answers.
 */
#include "bench-util.h"
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "report/lateral-report.h"
#include "play/lateral-scoring.h"
#include "store/lateral-store-private.h"

static const char * const claims[] = {
  "putin-phoned", "spokesperson-confirms", "denial-proves-fake", "impersonators", "john-accepts",
  "real-call", "headline-vs-body", "quote-word-for-word", "gay-rights",
};

static void
exec_or_die (sqlite3    *db,
             const char *sql)
{
  char *message = NULL;

  if (sqlite3_exec (db, sql, NULL, NULL, &message) != SQLITE_OK)
    g_error ("%s: %s", sql, message);
}

static sqlite3_stmt *
prepare_or_die (sqlite3    *db,
                const char *sql)
{
  sqlite3_stmt *stmt = NULL;

  if (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL) != SQLITE_OK)
    g_error ("%s: %s", sql, sqlite3_errmsg (db));
  return stmt;
}

static void
step_or_die (sqlite3      *db,
             sqlite3_stmt *stmt)
{
  if (sqlite3_step (stmt) != SQLITE_DONE)
    g_error ("%s", sqlite3_errmsg (db));
  sqlite3_reset (stmt);
}

/* Raw inserts in one transaction: filling 100 000 answers one commit at a
 * time (as play does) would take minutes and measure nothing of the report. */
static void
fill (LateralStore *store,
      guint         n)
{
  sqlite3 *db = lateral_store_get_db (store);
  sqlite3_stmt *profile = prepare_or_die (db, "INSERT INTO profiles (uuid, name, created_at, last_used_at)"
                                              " VALUES (?1, ?2, 1764080000, 1764080000)");
  sqlite3_stmt *attempt = prepare_or_die (db, "INSERT INTO attempts (uuid, profile_uuid, pack_id, pack_version,"
                                              " pack_hash, class_code, device_id, started_at, finished_at)"
                                              " VALUES (?1, ?2, 'io.github.lateral.prank-call', '1.0.0',"
                                              " 'sha256:aa', ?3, 'bench', 1764080000 + ?4, 1764080100 + ?4)");
  sqlite3_stmt *answer = prepare_or_die (db, "INSERT INTO answers (attempt_uuid, claim_id, verdict, certainty,"
                                             " time_ms, answered_at, correct, mark)"
                                             " VALUES (?1, ?2, ?3, ?4, 1000, 1764080100, ?5, ?6)");

  exec_or_die (db, "BEGIN");
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("profile-%u", i);
      g_autofree char *name = g_strdup_printf ("Student %u", i);

      sqlite3_bind_text (profile, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (profile, 2, name, -1, SQLITE_TRANSIENT);
      step_or_die (db, profile);
    }
  for (guint i = 0; i * G_N_ELEMENTS (claims) < n; i++)
    {
      g_autofree char *uuid = g_strdup_printf ("attempt-%u", i);
      g_autofree char *profile_uuid = g_strdup_printf ("profile-%u", i % 500);

      sqlite3_bind_text (attempt, 1, uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (attempt, 2, profile_uuid, -1, SQLITE_TRANSIENT);
      sqlite3_bind_text (attempt, 3, i % 2 ? "7A" : "7B", -1, SQLITE_STATIC);
      sqlite3_bind_int (attempt, 4, i);
      step_or_die (db, attempt);
      for (guint k = 0; k < G_N_ELEMENTS (claims) && i * G_N_ELEMENTS (claims) + k < n; k++)
        {
          guint v = (i * 7 + k * 3) % LATERAL_N_VERDICTS;
          int certainty = 1 + (i + k) % 3;
          gboolean correct = (i + k) % 3 != 0;

          sqlite3_bind_text (answer, 1, uuid, -1, SQLITE_TRANSIENT);
          sqlite3_bind_text (answer, 2, claims[k], -1, SQLITE_STATIC);
          sqlite3_bind_text (answer, 3, lateral_verdict_to_string (v), -1, SQLITE_STATIC);
          sqlite3_bind_int (answer, 4, certainty);
          sqlite3_bind_int (answer, 5, correct);
          sqlite3_bind_int (answer, 6, lateral_cbm_mark (correct, certainty));
          step_or_die (db, answer);
        }
    }
  exec_or_die (db, "COMMIT");
  sqlite3_finalize (profile);
  sqlite3_finalize (attempt);
  sqlite3_finalize (answer);
}

static double
time_report (LateralStore        *store,
             LateralPackRegistry *registry)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  g_autoptr(LateralReport) report = lateral_report_new (store, registry, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (lateral_report_get_n_groups (report), ==, 2);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

static double
time_floor (LateralStore *store)
{
  sqlite3_stmt *stmt = NULL;
  gint64 start = g_get_monotonic_time ();
  gint64 sum = 0;

  g_assert_cmpint (sqlite3_prepare_v2 (lateral_store_get_db (store),
                                       "SELECT claim_id, verdict, certainty, correct FROM answers",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    sum += sqlite3_column_bytes (stmt, 0) + sqlite3_column_bytes (stmt, 1) +
           sqlite3_column_int (stmt, 2) + sqlite3_column_int (stmt, 3);
  sqlite3_finalize (stmt);
  g_assert_cmpint (sum, >, 0);
  return (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;
}

int
main (int   argc,
      char *argv[])
{
  guint n = 100000;
  guint runs = 7;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("lateral-bench-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "lateral.db", NULL);
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(GArray) report = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--runs") == 0)
        runs = MAX (1, atoi (argv[i + 1]));
      else if (strcmp (argv[i], "--answers") == 0)
        n = MAX (1, atoi (argv[i + 1]));
    }

  g_assert_no_error (error);
  store = lateral_store_open (path, &error);
  g_assert_no_error (error);
  lateral_pack_registry_load (registry, NULL);
  fill (store, n);

  /* Round 0 warms both (SQLite's page cache above all) and is not kept. */
  for (guint r = 0; r <= runs; r++)
    {
      double t = time_report (store, registry), f = time_floor (store);

      if (r == 0)
        continue;
      g_array_append_val (report, t);
      g_array_append_val (floor, f);
    }

  g_print ("class report over %u answers\t%.1f\t%.1f\t-\t100000\n", n,
           G_USEC_PER_SEC * bench_median (report), G_USEC_PER_SEC * bench_median (floor));

  g_clear_object (&store);
  bench_remove_tree (dir);
  return 0;
}
