/* test-ui-locale.c: the main window follows the locale
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-test-ui.h"
#include "lateral-window.h"

static gboolean
has_label (GtkWidget  *widget,
           const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_label (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (has_label (child, text))
      return TRUE;

  return FALSE;
}

static void
test_home_in_spanish (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  LateralWindow *window;

  window = lateral_test_ui_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));

  /* From the .ui templates, from C, and from the core's plural forms. */
  g_assert_true (has_label (GTK_WIDGET (window), "Quién juega"));
  g_assert_true (has_label (GTK_WIDGET (window), "Casos"));
  g_assert_true (has_label (GTK_WIDGET (window), "Tu historial"));
  g_assert_true (has_label (GTK_WIDGET (window), "Empezar"));
  g_assert_false (has_label (GTK_WIDGET (window), "Who Is Playing"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir = g_getenv ("LATERAL_LOCALEDIR");

  /* As a desktop without the es_ES locale generated would run it: gettext
   * honours LANGUAGE under C.UTF-8 (not under plain C). */
  g_unsetenv ("LC_ALL");
  g_unsetenv ("LC_MESSAGES");
  g_setenv ("LANG", "C.UTF-8", TRUE);
  g_setenv ("LANGUAGE", "es", TRUE);

  lateral_test_ui_init (&argc, &argv);

  g_assert_nonnull (localedir);
  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  g_test_add_func ("/ui/locale/home-in-spanish", test_home_in_spanish);

  return g_test_run ();
}
