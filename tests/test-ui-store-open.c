/* test-ui-store-open.c: the app and a database it cannot open yet
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * While another program holds the database (here: the lock a restore
 * takes), the window shows a plain-text page saying it is trying again,
 * then opens the database once it is free, without a restart.
 */
#include "config.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <glib/gstdio.h>

#include "lateral-test-ui.h"
#include "lateral-window-private.h"

static gboolean
store_opened (gpointer data)
{
  LateralWindow *window = data;

  return window->store != NULL &&
         g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "home") == 0;
}

static gboolean
error_shown (gpointer data)
{
  LateralWindow *window = data;

  return g_strcmp0 (gtk_stack_get_visible_child_name (window->main_stack), "error") == 0;
}

static void
test_retry_locked (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  g_autofree char *filename = lateral_store_get_default_filename ();
  g_autofree char *lock_path = g_strconcat (filename, ".lock", NULL);
  g_autofree char *dir = g_path_get_dirname (filename);
  g_autofree char *plain = NULL;
  g_autoptr(GError) error = NULL;
  LateralWindow *window;
  const char *description;
  int fd;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  fd = g_open (lock_path, O_RDWR | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (flock (fd, LOCK_EX | LOCK_NB), ==, 0);

  window = lateral_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));
  /* The store is opened in a worker: wait for its answer. Not loaded yet:
   * the window keeps trying. */
  g_assert_true (lateral_test_ui_wait_until (error_shown, window, 30000));
  g_assert_false (lateral_window_is_loaded (window));

  g_assert_null (window->store);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (window->main_stack), ==, "error");
  /* Markup-escaped, so the page shows the text exactly, path and all. */
  description = adw_status_page_get_description (window->error_page);
  g_assert_true (pango_parse_markup (description, -1, 0, NULL, &plain, NULL, &error));
  g_assert_no_error (error);
  g_test_message ("%s", plain);
  g_assert_nonnull (strstr (plain, "trying again"));
  g_assert_nonnull (strstr (plain, filename));

  close (fd);
  g_assert_true (lateral_test_ui_wait_until (store_opened, window, 10000));
  g_assert_true (lateral_window_is_loaded (window));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/store-open/retry-locked", test_retry_locked);

  return g_test_run ();
}
