/* test-ui-preview.c: `lateral --preview FILE` follows an author's saves
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is rewritten with g_file_set_contents(), which replaces it by
 * rename as editors do, so the reload must come from the folder's monitor.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "case/lateral-case-view.h"
#include "preview/lateral-preview-window.h"
#include "lateral-test-ui.h"

typedef struct {
  LateralPreviewWindow *window;
  guint                 n_reloads;
} Wait;

static gboolean
reloaded (gpointer data)
{
  Wait *wait = data;

  return lateral_preview_window_get_n_reloads (wait->window) > wait->n_reloads;
}

static void
save_and_wait (LateralPreviewWindow *window,
               const char           *path,
               const char           *text)
{
  Wait wait = { window, lateral_preview_window_get_n_reloads (window) };
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, text, -1, &error);
  g_assert_no_error (error);
  g_assert_true (lateral_test_ui_wait_until (reloaded, &wait, 10000));
  /* One save, one reload: the burst of events is debounced. */
  lateral_test_ui_iterate ();
  g_usleep (300 * 1000);
  lateral_test_ui_iterate ();
  g_assert_cmpuint (lateral_preview_window_get_n_reloads (window), ==, wait.n_reloads + 1);
}

static char *
replace_once (const char *text,
              const char *old,
              const char *new,
              guint      *out_line)
{
  const char *at = strstr (text, old);
  GString *result = g_string_new (NULL);

  g_assert_nonnull (at);
  if (out_line != NULL)
    {
      *out_line = 1;
      for (const char *p = text; p < at; p++)
        *out_line += *p == '\n';
    }
  g_string_append_len (result, text, at - text);
  g_string_append (result, new);
  g_string_append (result, at + strlen (old));

  return g_string_free (result, FALSE);
}

static const char *
shown_title (LateralPreviewWindow *window)
{
  LateralPlay *play = lateral_preview_window_get_play (window);

  return play != NULL ? lateral_pack_get_title (lateral_play_get_pack (play)) : NULL;
}

static void
test_preview_follows_saves (void)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  g_autofree char *source = g_build_filename (g_getenv ("LATERAL_PACKS_DIR"), "prank-call.json", NULL);
  g_autofree char *tmp = NULL;
  g_autofree char *path = NULL;
  g_autofree char *original = NULL;
  g_autofree char *retitled = NULL;
  g_autofree char *broken = NULL;
  g_autofree char *database_dir = g_build_filename (g_get_user_data_dir (), "lateral", NULL);
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  const LateralDiagnostic *problem;
  LateralPreviewWindow *window;
  g_autofree char *step_id = NULL;
  guint bad_line = 0;

  tmp = g_dir_make_tmp ("lateral-preview-XXXXXX", &error);
  g_assert_no_error (error);
  path = g_build_filename (tmp, "pack.json", NULL);
  g_file_get_contents (source, &original, NULL, &error);
  g_assert_no_error (error);
  g_file_set_contents (path, original, -1, &error);
  g_assert_no_error (error);
  file = g_file_new_for_path (path);

  window = lateral_preview_window_new (GTK_APPLICATION (app), file);
  gtk_window_present (GTK_WINDOW (window));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));
  g_assert_cmpstr (shown_title (window), ==, "Elton John and the Putin phone call");
  g_assert_true (lateral_play_is_preview (lateral_preview_window_get_play (window)));

  /* Any step, claims included, without answering the ones before. */
  g_assert_true (lateral_preview_window_go_to (window, 3));
  g_assert_false (lateral_preview_window_go_to (window, 9999));
  step_id = g_strdup (lateral_play_get_current_step (lateral_preview_window_get_play (window))->id);

  retitled = replace_once (original, "Elton John and the Putin phone call", "A New Title", NULL);
  save_and_wait (window, path, retitled);
  g_assert_cmpstr (shown_title (window), ==, "A New Title");
  g_assert_cmpuint (lateral_play_get_position (lateral_preview_window_get_play (window)), ==, 3);
  g_assert_cmpstr (lateral_play_get_current_step (lateral_preview_window_get_play (window))->id, ==, step_id);
  g_assert_cmpuint (lateral_preview_window_get_problems (window)->len, ==, 0);

  broken = replace_once (retitled, "\"date\": \"2015-09-12\"", "\"date\": \"2015-02-30\"", &bad_line);
  save_and_wait (window, path, broken);
  g_assert_null (lateral_preview_window_get_play (window));
  g_assert_cmpuint (lateral_preview_window_get_problems (window)->len, ==, 1);
  problem = g_ptr_array_index (lateral_preview_window_get_problems (window), 0);
  g_assert_cmpuint (problem->line, ==, bad_line);
  g_assert_cmpuint (problem->column, >, 0);
  g_assert_true (g_str_has_suffix (problem->path, ".date"));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));

  /* The next good save brings the case back, at the same step. */
  save_and_wait (window, path, retitled);
  g_assert_nonnull (lateral_preview_window_get_play (window));
  g_assert_cmpstr (lateral_play_get_current_step (lateral_preview_window_get_play (window))->id, ==, step_id);

  /* Nothing was recorded: no database, not even its folder. */
  g_assert_false (g_file_test (database_dir, G_FILE_TEST_EXISTS));

  gtk_window_destroy (GTK_WINDOW (window));
  g_unlink (path);
  g_rmdir (tmp);
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/preview/follows-saves", test_preview_follows_saves);

  return g_test_run ();
}
