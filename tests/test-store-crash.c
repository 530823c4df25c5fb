/* test-store-crash.c: killing the process at any instant loses nothing committed
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child process (this program, run with --child) opens the store and adds
 * answers in a loop, writing a line to its stdout after each
 * lateral_store_add_answer() returns. The parent kills it with SIGKILL at a
 * random moment, many times over the same database, then checks that the
 * database passes PRAGMA integrity_check and holds exactly the answers
 * reported committed (plus at most the one whose commit had completed when
 * the kill landed, before its line was written).
 */
#include "config.h"

#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "play/lateral-scoring.h"
#include "store/lateral-store-private.h"

#define N_KILLS 40

static void
say (const char *format,
     ...) G_GNUC_PRINTF (1, 2);

static void
say (const char *format,
     ...)
{
  g_autofree char *line = NULL;
  va_list args;

  va_start (args, format);
  line = g_strdup_vprintf (format, args);
  va_end (args);

  /* One write per line: a pipe write this short is atomic, so the parent
   * never sees half a line, and nothing waits in a stdio buffer. */
  if (write (STDOUT_FILENO, line, strlen (line)) < 0)
    _exit (3);
}

static int
run_child (const char *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (path, &error);
  g_autoptr(LateralProfile) profile = NULL;
  g_autoptr(LateralAttempt) attempt = NULL;

  if (store == NULL)
    g_error ("child: %s", error->message);
  profile = lateral_store_ensure_profile (store, "Crash", &error);
  if (profile == NULL)
    g_error ("child: %s", error->message);
  attempt = lateral_store_start_attempt (store, profile->uuid, "org.example.crash", "1", "h", NULL, &error);
  if (attempt == NULL)
    g_error ("child: %s", error->message);
  say ("attempt %s\n", attempt->uuid);

  for (guint i = 0; ; i++)
    {
      g_autofree char *claim_id = g_strdup_printf ("c%u", i);
      const char * const moves[] = { "m", NULL };
      LateralAnswer answer = {
        .claim_id = claim_id,
        .verdict = i % LATERAL_N_VERDICTS,
        .certainty = 1 + i % 3,
        .moves = (char **) moves,
        .time_ms = i,
        .answered_at = g_get_real_time () / G_USEC_PER_SEC,
        .correct = i % 2,
        .mark = lateral_cbm_mark (i % 2, 1 + i % 3),
        .moves_expected = 1,
      };

      if (!lateral_store_add_answer (store, attempt->uuid, &answer, &error))
        g_error ("child: %s", error->message);
      say ("answer %u\n", i);
    }

  return 0;
}

/* The answers of one attempt as claim numbers, in a bit set. */
static GHashTable *
stored_answers (sqlite3    *db,
                const char *attempt_uuid)
{
  GHashTable *set = g_hash_table_new (NULL, NULL);
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_prepare_v2 (db, "SELECT claim_id FROM answers WHERE attempt_uuid = ?1",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  sqlite3_bind_text (stmt, 1, attempt_uuid, -1, SQLITE_STATIC);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *claim_id = (const char *) sqlite3_column_text (stmt, 0);

      g_assert_true (claim_id[0] == 'c');
      g_hash_table_add (set, GUINT_TO_POINTER (atoi (claim_id + 1) + 1));
    }
  sqlite3_finalize (stmt);

  return set;
}

static void
check_integrity (const char *path)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *) sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);
  sqlite3_close (db);
}

static void
test_sigkill (void)
{
  g_autofree char *path = lateral_store_get_default_filename ();
  g_autofree char *self_exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GDir) gdir = NULL;
  sqlite3 *db = NULL;
  guint total_reported = 0;
  gint64 startup_us = 20000;
  const char *name;

  g_assert_nonnull (self_exe);

  for (guint round = 0; round < N_KILLS; round++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GHashTable) stored = NULL;
      g_autoptr(GString) output = g_string_new (NULL);
      g_autofree char *rest = NULL;
      g_auto(GStrv) lines = NULL;
      const char *argv[] = { self_exe, "--child", path, NULL };
      const char *attempt_uuid = NULL;
      GPid pid;
      int out_fd, status;
      gsize length;
      guint n_reported = 0;
      gint64 spawned_at;
      gulong delay_us;
      GIOChannel *channel;

      g_assert_true (g_spawn_async_with_pipes (NULL, (char **) argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                               NULL, NULL, &pid, NULL, &out_fd, NULL, &error));
      g_assert_no_error (error);
      spawned_at = g_get_monotonic_time ();
      channel = g_io_channel_unix_new (out_fd);
      g_io_channel_set_close_on_unref (channel, TRUE);

      if (round % 5 == 0)
        {
          /* Some kills land while the store opens, creates or upgrades its
           * tables: somewhere within the start-up time measured so far. */
          delay_us = g_random_int_range (0, startup_us);
          g_usleep (delay_us);
        }
      else
        {
          /* The others once answers are flowing, however slow the start
           * (sanitizers make it slow). */
          while (!g_str_has_prefix (output->str, "attempt "))
            {
              g_autofree char *line = NULL;

              if (g_io_channel_read_line (channel, &line, NULL, NULL, &error) != G_IO_STATUS_NORMAL)
                g_error ("the child ended before starting an attempt");
              g_string_append (output, line);
            }
          startup_us = g_get_monotonic_time () - spawned_at;
          delay_us = g_random_int_range (1000, 150000);
          g_usleep (delay_us);
        }

      g_assert_cmpint (kill (pid, SIGKILL), ==, 0);
      g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
      g_spawn_close_pid (pid);
      if (!WIFSIGNALED (status) || WTERMSIG (status) != SIGKILL)
        g_error ("the child ended by itself (status %d) instead of being killed", status);

      g_assert_cmpint (g_io_channel_read_to_end (channel, &rest, &length, &error), ==, G_IO_STATUS_NORMAL);
      g_string_append_len (output, rest, length);
      g_io_channel_unref (channel);

      lines = g_strsplit (output->str, "\n", -1);
      for (guint i = 0; lines[i] != NULL; i++)
        {
          if (g_str_has_prefix (lines[i], "attempt "))
            attempt_uuid = lines[i] + strlen ("attempt ");
          else if (g_str_has_prefix (lines[i], "answer "))
            n_reported++;
        }

      g_test_message ("round %u: killed %lu us after %s, %u answers reported", round, delay_us,
                      round % 5 == 0 ? "spawning" : "the attempt began", n_reported);

      /* Killed before SQLite created the file: nothing was committed. */
      if (!g_file_test (path, G_FILE_TEST_EXISTS))
        {
          g_assert_null (attempt_uuid);
          continue;
        }
      check_integrity (path);
      if (attempt_uuid == NULL)
        continue;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      stored = stored_answers (db, attempt_uuid);
      sqlite3_close (db);

      /* Every reported answer is there; beyond them, at most the next one,
       * committed but killed before its line was written. */
      for (guint i = 0; i < n_reported; i++)
        g_assert_true (g_hash_table_contains (stored, GUINT_TO_POINTER (i + 1)));
      g_assert_cmpuint (g_hash_table_size (stored), <=, n_reported + 1);
      if (g_hash_table_size (stored) == n_reported + 1)
        g_assert_true (g_hash_table_contains (stored, GUINT_TO_POINTER (n_reported + 1)));
      total_reported += n_reported;
    }

  g_test_message ("%u answers reported committed over %d kills", total_reported, N_KILLS);
  g_assert_cmpuint (total_reported, >, 0);

  /* Nothing was ever considered broken and moved aside. */
  gdir = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (gdir)) != NULL)
    g_assert_false (strstr (name, "corrupt") != NULL);
}

int
main (int   argc,
      char *argv[])
{
  if (argc == 3 && g_str_equal (argv[1], "--child"))
    return run_child (argv[2]);

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/crash/sigkill", test_sigkill);

  return g_test_run ();
}
