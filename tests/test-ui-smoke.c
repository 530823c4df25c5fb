/* test-ui-smoke.c: the main window comes up, is drawn and is titled
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lateral-test-ui.h"
#include "lateral-window.h"

static void
test_window_drawn (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  LateralWindow *window;

  window = lateral_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));

  g_assert_cmpstr (gtk_window_get_title (GTK_WINDOW (window)), ==, "Lateral");
  g_assert_true (gtk_widget_get_mapped (GTK_WIDGET (window)));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_window_size_remembered (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  GSettings *settings = lateral_application_get_settings (app);
  LateralWindow *window;
  int width, height;

  g_assert_nonnull (settings);

  window = lateral_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 600);
  gtk_window_present (GTK_WINDOW (window));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 500);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = lateral_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 500);
  g_assert_cmpint (height, ==, 600);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/window/drawn", test_window_drawn);
  g_test_add_func ("/ui/window/size-remembered", test_window_size_remembered);

  return g_test_run ();
}
