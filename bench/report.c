/* report.c: the class report over many answers, against a bare scan
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   report [--runs RUNS] [--answers N]
 *
 * Fills a store with N answers (default 100,000: 9-claim attempts of
 * io.github.lateral.prank-call's ids by 500 learners, in two classes,
 * varied verdicts and certainties) in one transaction, through the core
 * (tests/lateral-test-store.c), then times lateral_report_new() over all
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

#include "lateral-test-store.h"
#include "report/lateral-report.h"
#include "play/lateral-scoring.h"
#include "store/lateral-store-private.h"

static const char * const claims[] = {
  "putin-phoned", "spokesperson-confirms", "denial-proves-fake", "impersonators", "john-accepts",
  "real-call", "headline-vs-body", "quote-word-for-word", "gay-rights", NULL
};
static const char * const classes[] = { "7B", "7A", NULL };

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
  lateral_test_store_seed (store, &(LateralTestClass) {
                             .pack_id = "io.github.lateral.prank-call", .claim_ids = claims,
                             .class_codes = classes, .n_learners = 500, .n_answers = n,
                           });

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
