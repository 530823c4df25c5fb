/* test-ui-errors.c: a database that cannot be read is said so, not shown as
 * an empty list
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The home page (the learner's unfinished case) and the history page read
 * the learner's attempts. When that read fails, they used to pass NULL for
 * the error and show nothing, as if the learner had never played. Here the
 * attempts table is taken away under a running window (renamed through a
 * second connection, as another program or a damaged file could), and each
 * page must show the database's own error.
 */
#include "config.h"

#include <string.h>
#include <sqlite3.h>

#include "history/lateral-history-page.h"
#include "home/lateral-home-page.h"
#include "lateral-test-ui.h"

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static void
break_attempts_table (const char *filename)
{
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (filename, &db), ==, SQLITE_OK);
  sqlite3_busy_timeout (db, 5000);
  g_assert_cmpint (sqlite3_exec (db, "ALTER TABLE attempts RENAME TO attempts_gone", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
}

static gboolean
history_read (gpointer data)
{
  return !lateral_history_page_is_busy (data);
}

static void
test_pages_show_errors (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  LateralWindow *window = lateral_test_ui_window_new (app);
  LateralHomePage *home = LATERAL_HOME_PAGE (lateral_window_get_page (window, "home"));
  LateralHistoryPage *history = LATERAL_HISTORY_PAGE (lateral_window_get_page (window, "history"));
  LateralStore *store = lateral_window_get_store (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *error_row = NULL;

  gtk_window_present (GTK_WINDOW (window));
  g_assert_nonnull (store);
  lateral_window_select_profile (window, "Ana");
  g_assert_cmpstr (lateral_home_page_get_profile_name (home), ==, "Ana");
  g_assert_null (lateral_home_page_get_error_message (home));

  break_attempts_table (lateral_store_get_filename (store));

  lateral_home_page_refresh (home);
  g_assert_nonnull (lateral_home_page_get_error_message (home));
  g_assert_true (g_str_has_prefix (lateral_home_page_get_error_message (home), "Your results could not be read: "));
  g_assert_nonnull (strstr (lateral_home_page_get_error_message (home), "attempts"));

  lateral_history_page_show_profile (history, "Ana");
  /* Read in a worker: wait for its answer. */
  g_assert_true (lateral_test_ui_wait_until (history_read, history, 30000));
  collect_rows (GTK_WIDGET (history), rows);
  for (guint i = 0; i < rows->len; i++)
    if (g_strcmp0 (adw_preferences_row_get_title (rows->pdata[i]), "Your history could not be read") == 0)
      error_row = rows->pdata[i];
  g_assert_nonnull (error_row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (error_row)), "attempts"));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/errors/home-and-history", test_pages_show_errors);

  return g_test_run ();
}
