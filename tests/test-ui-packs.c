/* test-ui-packs.c: the Manage Cases page imports, replaces and removes packs
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The dialogs are answered the way a person would, through their responses;
 * the files are checked where the core puts them.
 */
#include "config.h"

#include <string.h>

#include "pack/lateral-pack-install.h"
#include "packs/lateral-packs-page.h"
#include "pack/lateral-pack-archive.h"
#include "lateral-test-ui.h"
#include "lateral-window.h"

#define SAMPLE_ID "org.example.sample-case"

static guint
count_rows (LateralPacksPage *page)
{
  GtkWidget *group = lateral_packs_page_get_group (page);
  guint n = 0;
  GtkWidget *widget = group;

  /* Depth-first over the group's widgets. */
  while (widget != NULL)
    {
      GtkWidget *next;

      if (ADW_IS_ACTION_ROW (widget))
        n++;
      next = ADW_IS_ACTION_ROW (widget) ? NULL : gtk_widget_get_first_child (widget);
      while (next == NULL && widget != group)
        {
          next = gtk_widget_get_next_sibling (widget);
          if (next == NULL)
            widget = gtk_widget_get_parent (widget);
        }
      widget = next;
    }
  return n;
}

/* The one message dialog on screen. */
static AdwMessageDialog *
take_dialog (void)
{
  AdwMessageDialog *found = NULL;
  GListModel *toplevels = gtk_window_get_toplevels ();

  lateral_test_ui_iterate ();
  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GtkWindow) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        {
          g_assert_null (found);
          found = ADW_MESSAGE_DIALOG (window);
        }
    }
  g_assert_nonnull (found);
  return found;
}

static void
answer (AdwMessageDialog *dialog,
        const char       *response)
{
  g_assert_true (adw_message_dialog_has_response (dialog, response));
  /* As a click: the response, then the dialog goes. */
  adw_message_dialog_response (dialog, response);
  gtk_window_destroy (GTK_WINDOW (dialog));
  lateral_test_ui_iterate ();
}

/* Opening a file and reading the folders again after an install or a
 * removal run in worker threads: waits for both. */
static void
wait_idle (LateralPacksPage *page)
{
  gint64 deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

  while (lateral_packs_page_is_busy (page) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_false (lateral_packs_page_is_busy (page));
}

static void
import (LateralPacksPage *page,
        const char       *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  /* Opened in a worker thread: the page stays usable meanwhile. */
  lateral_packs_page_import_file (page, file);
  g_assert_true (lateral_packs_page_is_busy (page));
  wait_idle (page);
}

static char *
write_version (const char *version)
{
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "packs", "valid", "sample-case.json", NULL);
  g_autofree char *image = g_test_build_filename (G_TEST_DIST, "packs", "valid", "images", "kyiv.jpg", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), version, NULL);
  g_autofree char *images = g_build_filename (folder, "images", NULL);
  g_autofree char *image_copy = g_build_filename (images, "kyiv.jpg", NULL);
  g_autofree char *target = g_build_filename (folder, "pack.json", NULL);
  g_autofree char *bytes = NULL;
  g_autofree char *text = NULL;
  g_autoptr(GString) pack = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_assert_cmpint (g_mkdir_with_parents (images, 0755), ==, 0);
  g_file_get_contents (image, &bytes, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents (image_copy, bytes, length, &error);
  g_assert_no_error (error);
  g_file_get_contents (source, &text, NULL, &error);
  g_assert_no_error (error);
  pack = g_string_new (text);
  g_string_replace (pack, "\"version\": \"1.0.0\"", version, 1);
  g_file_set_contents (target, pack->str, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&target);
}

static const char *
installed_version (LateralWindow *window)
{
  LateralPack *pack = lateral_pack_registry_lookup (lateral_window_get_registry (window), SAMPLE_ID);

  return pack != NULL ? lateral_pack_get_version (pack) : NULL;
}

static void
test_manage_cases (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  g_autofree char *bad = g_test_build_filename (G_TEST_DIST, "packs", "bad-date.json", NULL);
  g_autofree char *sample = g_test_build_filename (G_TEST_DIST, "packs", "valid", "sample-case.json", NULL);
  g_autofree char *user_dir = lateral_pack_install_get_user_dir ();
  g_autofree char *installed = g_build_filename (user_dir, SAMPLE_ID ".json", NULL);
  g_autofree char *v2 = write_version ("\"version\": \"2.0.0\"");
  AdwMessageDialog *dialog;
  LateralPacksPage *page;
  LateralWindow *window;
  GtkWidget *extra;
  const char *text;

  window = lateral_test_ui_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.manage-cases", NULL));
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "packs");
  page = LATERAL_PACKS_PAGE (lateral_window_get_page (window, "packs"));
  lateral_test_ui_wait_drawn (GTK_WIDGET (page));
  g_assert_cmpuint (count_rows (page), ==, 1);

  /* A broken pack: every problem with its place, and nothing copied. */
  import (page, bad);
  dialog = take_dialog ();
  extra = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  if (GTK_IS_VIEWPORT (extra))
    extra = gtk_viewport_get_child (GTK_VIEWPORT (extra));
  text = gtk_label_get_text (GTK_LABEL (extra));
  g_assert_nonnull (strstr (text, "line 19, column 15 — steps[0].date: “12/09/2015” is a date in another order"));
  g_assert_nonnull (strstr (text, "line 44, column 78 — steps[1].reveal.sources[0].date"));
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (extra)));
  answer (dialog, "close");
  g_assert_false (g_file_test (user_dir, G_FILE_TEST_EXISTS));

  /* A new pack is copied at once. */
  import (page, sample);
  g_assert_true (g_file_test (installed, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (installed_version (window), ==, "1.0.0");
  g_assert_cmpuint (count_rows (page), ==, 2);

  /* A newer version replaces it only once the dialog says so. */
  import (page, v2);
  dialog = take_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Replace Version 1.0.0 with Version 2.0.0?");
  g_assert_cmpstr (installed_version (window), ==, "1.0.0");
  answer (dialog, "replace");
  wait_idle (page);
  g_assert_cmpstr (installed_version (window), ==, "2.0.0");
  g_assert_cmpuint (count_rows (page), ==, 2);

  /* An older one is not installed over it unless asked. */
  import (page, sample);
  dialog = take_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Version 2.0.0 Is Already Installed");
  answer (dialog, "cancel");
  g_assert_cmpstr (installed_version (window), ==, "2.0.0");

  /* The same case as one .lateral file: the same question. */
  {
    g_autoptr(LateralPack) loaded = lateral_pack_load_file (v2, NULL, NULL);
    g_autofree char *archive = g_build_filename (g_get_user_cache_dir (), "sample.lateral", NULL);
    g_autofree char *hostile = g_build_filename (g_get_user_cache_dir (), "hostile.lateral", NULL);

    g_assert_true (lateral_pack_archive_write (loaded, archive, NULL, NULL));
    import (page, archive);
    dialog = take_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Version 2.0.0 Is Already Installed");
    answer (dialog, "cancel");

    /* Not a zip at all: refused, with the reason. */
    g_assert_true (g_file_set_contents (hostile, "PK\003\004 but cut short", -1, NULL));
    import (page, hostile);
    dialog = take_dialog ();
    g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "“hostile.lateral” Cannot Be Imported");
    answer (dialog, "close");
    g_assert_cmpstr (installed_version (window), ==, "2.0.0");
  }

  /* Remove: asked first, then gone from the folder and the list. */
  lateral_packs_page_remove (page, SAMPLE_ID);
  dialog = take_dialog ();
  answer (dialog, "remove");
  wait_idle (page);
  g_assert_false (g_file_test (installed, G_FILE_TEST_EXISTS));
  g_assert_null (installed_version (window));
  g_assert_cmpuint (count_rows (page), ==, 1);

  /* Built-in cases have no Remove. */
  lateral_packs_page_remove (page, "io.github.lateral.prank-call");
  dialog = take_dialog ();
  answer (dialog, "remove");
  g_assert_nonnull (lateral_pack_registry_lookup (lateral_window_get_registry (window), "io.github.lateral.prank-call"));
  dialog = take_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "The Case Could Not Be Removed");
  answer (dialog, "close");

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The first mapped widget under @widget of @type whose tooltip is @tooltip
 * (or any, with NULL). */
static GtkWidget *
find_widget (GtkWidget  *widget,
             GType       type,
             const char *tooltip)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type) &&
      (tooltip == NULL || g_strcmp0 (gtk_widget_get_tooltip_text (widget), tooltip) == 0))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_widget (child, type, tooltip);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* A lateral-pack/1 case that breaks the judge-before-you-know rules still
 * installs and plays; its row says its language and offers its warnings. */
static void
test_warnings_and_languages (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  g_autofree char *spoiler = g_test_build_filename (G_TEST_DIST, "packs", "warnings", "spoiler-v1.json", NULL);
  AdwMessageDialog *dialog;
  LateralPacksPage *page;
  LateralWindow *window;
  GtkWidget *button, *row, *extra;
  const char *text;

  window = lateral_test_ui_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.manage-cases", NULL));
  page = LATERAL_PACKS_PAGE (lateral_window_get_page (window, "packs"));
  lateral_test_ui_wait_drawn (GTK_WIDGET (page));

  import (page, spoiler);
  g_assert_nonnull (lateral_pack_registry_lookup (lateral_window_get_registry (window), "org.example.spoiler-v1"));
  g_assert_cmpuint (count_rows (page), ==, 2);
  lateral_test_ui_wait_drawn (GTK_WIDGET (page));

  button = find_widget (lateral_packs_page_get_group (page), GTK_TYPE_BUTTON, "Warnings");
  g_assert_nonnull (button);
  row = gtk_widget_get_ancestor (button, ADW_TYPE_ACTION_ROW);
  g_assert_cmpstr (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), ==, "A sample case");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "version 1.0.0 · English · "));

  g_signal_emit_by_name (button, "clicked");
  dialog = take_dialog ();
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Warnings About “A sample case”");
  extra = gtk_scrolled_window_get_child (GTK_SCROLLED_WINDOW (adw_message_dialog_get_extra_child (dialog)));
  if (GTK_IS_VIEWPORT (extra))
    extra = gtk_viewport_get_child (GTK_VIEWPORT (extra));
  text = gtk_label_get_text (GTK_LABEL (extra));
  g_assert_nonnull (strstr (text, "line 21, column 73 — steps[0].source.date: this source is dated 2015-09-15, after its story step"));
  g_assert_nonnull (strstr (text, "line 43, column 78 — steps[1].reveal.sources[0].date"));
  answer (dialog, "close");

  /* The built-in case's row names its languages, and has no Warnings
   * button: its hints are for the project's authors. */
  row = NULL;
  for (GtkWidget *w = find_widget (lateral_packs_page_get_group (page), ADW_TYPE_ACTION_ROW, NULL); w != NULL; w = gtk_widget_get_next_sibling (w))
    {
      if (ADW_IS_ACTION_ROW (w) && g_str_has_prefix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (w)), "Elton John"))
        row = w;
    }
  g_assert_nonnull (row);
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), "English"));
  g_assert_null (find_widget (row, GTK_TYPE_BUTTON, "Warnings"));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/packs/manage-cases", test_manage_cases);
  g_test_add_func ("/ui/packs/warnings-and-languages", test_warnings_and_languages);

  return g_test_run ();
}
