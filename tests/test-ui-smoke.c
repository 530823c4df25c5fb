/* test-ui-smoke.c: the main window comes up, is drawn and is titled; the
 * shared message dialog shows plain text over its window
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lateral-test-ui.h"
#include "lateral-window.h"
#include "widgets/lateral-messages.h"

static void
test_window_drawn (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  LateralWindow *window;

  window = lateral_test_ui_window_new (app);
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

  window = lateral_test_ui_window_new (app);
  gtk_window_set_default_size (GTK_WINDOW (window), 500, 600);
  gtk_window_present (GTK_WINDOW (window));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));
  gtk_window_close (GTK_WINDOW (window));

  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 500);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, 600);
  g_assert_false (g_settings_get_boolean (settings, "window-maximized"));

  window = lateral_test_ui_window_new (app);
  gtk_window_get_default_size (GTK_WINDOW (window), &width, &height);
  g_assert_cmpint (width, ==, 500);
  g_assert_cmpint (height, ==, 600);
  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (child) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (child)), label) == 0)
        return child;
      found = find_button (child, label);
      if (found != NULL)
        return found;
    }
  return NULL;
}

/* The shared dialog helper: plain text (a learner's name may hold "<"),
 * over the window that asked, closable. */
static void
test_message_dialog (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  g_autoptr(GListModel) toplevels = gtk_window_get_toplevels ();
  LateralWindow *window;
  AdwMessageDialog *dialog = NULL;
  guint n_before;

  window = lateral_test_ui_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));

  n_before = g_list_model_get_n_items (toplevels);
  lateral_messages_show (GTK_WIDGET (window), "<b>Ana & Bo</b>", "Could not read <file>");
  g_assert_cmpuint (g_list_model_get_n_items (toplevels), ==, n_before + 1);
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (item))
        dialog = ADW_MESSAGE_DIALOG (item);
    }
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "<b>Ana & Bo</b>");
  g_assert_false (adw_message_dialog_get_heading_use_markup (dialog));
  g_assert_cmpstr (adw_message_dialog_get_body (dialog), ==, "Could not read <file>");
  g_assert_false (adw_message_dialog_get_body_use_markup (dialog));
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (window));
  g_assert_true (adw_message_dialog_has_response (dialog, "close"));

  /* The button keeps no "_Close" label of its own, so AT-SPI names it by
   * its inner label, "Close", rather than "_Close Close". */
  lateral_test_ui_wait_drawn (GTK_WIDGET (dialog));
  {
    GtkWidget *button = find_button (GTK_WIDGET (dialog), "_Close");

    g_assert_nonnull (button);
    g_assert_false (gtk_test_accessible_has_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL));
  }

  gtk_window_destroy (GTK_WINDOW (dialog));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend, so the tests can read accessible
   * names (set before GTK starts; lateral_test_ui_init() keeps it). */
  g_setenv ("GTK_A11Y", "test", TRUE);
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/window/drawn", test_window_drawn);
  g_test_add_func ("/ui/window/size-remembered", test_window_size_remembered);
  g_test_add_func ("/ui/messages/dialog", test_message_dialog);

  return g_test_run ();
}
