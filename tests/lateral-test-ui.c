/* lateral-test-ui.c
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>

#include <gdk/x11/gdkx.h>

#include "lateral-test-ui.h"

void
lateral_test_ui_init (int    *argc,
                      char ***argv)
{
  g_autofree char *data_dirs = g_strdup (g_getenv ("XDG_DATA_DIRS"));

  /* Each test program gets its own XDG directories, so no test reads or
   * writes a person's data, and settings stay in memory. */
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  g_setenv ("GTK_A11Y", "none", FALSE);
  /* The cairo renderer draws the same widgets without needing GL in Xvfb. */
  g_setenv ("GSK_RENDERER", "cairo", FALSE);
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  /* Isolation also empties the system data dirs, but the toolkit needs the
   * shared MIME database from there to recognise an SVG icon. */
  if (data_dirs != NULL)
    g_setenv ("XDG_DATA_DIRS", data_dirs, TRUE);
  else
    g_unsetenv ("XDG_DATA_DIRS");

  if (!gtk_init_check ())
    {
      if (g_getenv ("LATERAL_TEST_REQUIRE_DISPLAY") != NULL)
        g_error ("No display, but LATERAL_TEST_REQUIRE_DISPLAY is set: run under xvfb-run");

      g_print ("1..0 # SKIP no display: run the UI tests under xvfb-run (build-aux/dev test does)\n");
      exit (77);
    }

  adw_init ();
}

/* The application of this test program (a new reference): registered like
 * the real one, once, since an id can only be exported once per connection,
 * and without a bus name of its own so test programs can run side by side. */
LateralApplication *
lateral_test_ui_application_new (void)
{
  static LateralApplication *app;

  if (app == NULL)
    {
      g_autoptr(GError) error = NULL;

      app = lateral_application_new ();
      g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
      g_application_register (G_APPLICATION (app), NULL, &error);
      g_assert_no_error (error);
    }

  return g_object_ref (app);
}

void
lateral_test_ui_iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
on_after_paint (GdkFrameClock *clock,
                gboolean      *painted)
{
  *painted = TRUE;
}

void
lateral_test_ui_wait_drawn (GtkWidget *widget)
{
  gboolean painted = FALSE;
  GdkFrameClock *clock;
  gulong handler;
  /* Generous: under the sanitizers on a loaded machine a first frame of a
   * big page has taken more than ten seconds. */
  gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

  while (!gtk_widget_get_mapped (widget) && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (gtk_widget_get_mapped (widget));

  clock = gtk_widget_get_frame_clock (widget);
  g_assert_nonnull (clock);
  handler = g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), &painted);
  gtk_widget_queue_draw (widget);
  while (!painted && g_get_monotonic_time () < deadline)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  g_assert_true (painted);
}

static gboolean
on_timeout (gpointer data)
{
  gboolean *timed_out = data;

  *timed_out = TRUE;
  return G_SOURCE_REMOVE;
}

gboolean
lateral_test_ui_wait_until (GSourceFunc condition,
                            gpointer    data,
                            guint       timeout_ms)
{
  gboolean timed_out = FALSE;
  guint id = g_timeout_add (timeout_ms, on_timeout, &timed_out);

  while (!condition (data) && !timed_out)
    g_main_context_iteration (NULL, TRUE);

  if (!timed_out)
    g_source_remove (id);

  return condition (data);
}

static gboolean
window_loaded (gpointer data)
{
  return lateral_window_is_loaded (data);
}

/* A main window whose store and packs are loaded: the window loads them in
 * a worker, and most tests start from a loaded window. */
LateralWindow *
lateral_test_ui_window_new (LateralApplication *app)
{
  LateralWindow *window = lateral_window_new (app);

  g_assert_true (lateral_test_ui_wait_until (window_loaded, window, 60000));
  return window;
}

/* Whether real key presses can be sent to @window: under X11 (Xvfb) with
 * xdotool, which types through the XTEST extension like a keyboard would. */
gboolean
lateral_test_ui_can_send_keys (GtkWidget *window)
{
  g_autofree char *xdotool = g_find_program_in_path ("xdotool");

  return xdotool != NULL && GDK_IS_X11_DISPLAY (gtk_widget_get_display (window));
}

/* Types @keys (xdotool key names, space-separated, e.g. "1 2 Return") into
 * @window as real key events, and returns once the window has handled them. */
void
lateral_test_ui_send_keys (GtkWidget  *window,
                           const char *keys)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) names = g_strsplit (keys, " ", -1);
  GdkSurface *surface;
  int status = 0;

  g_assert_true (lateral_test_ui_can_send_keys (window));
  surface = gtk_native_get_surface (GTK_NATIVE (window));
  g_assert_nonnull (surface);

  g_ptr_array_add (argv, g_strdup ("xdotool"));
  g_ptr_array_add (argv, g_strdup ("windowfocus"));
  g_ptr_array_add (argv, g_strdup ("--sync"));
  g_ptr_array_add (argv, g_strdup_printf ("%lu", (gulong) gdk_x11_surface_get_xid (surface)));
  g_ptr_array_add (argv, g_strdup ("key"));
  g_ptr_array_add (argv, g_strdup ("--delay"));
  g_ptr_array_add (argv, g_strdup ("20"));
  for (guint i = 0; names[i] != NULL; i++)
    if (names[i][0] != '\0')
      g_ptr_array_add (argv, g_strdup (names[i]));
  g_ptr_array_add (argv, NULL);

  /* Let the window take in what happened so far (a new page, the focus)
   * before the keys arrive. */
  lateral_test_ui_iterate ();
  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_SEARCH_PATH,
                NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_spawn_check_wait_status (status, &error);
  g_assert_no_error (error);

  /* The events xdotool made reach us before the reply to this round trip. */
  gdk_display_sync (gtk_widget_get_display (window));
  for (int i = 0; i < 5; i++)
    {
      g_usleep (10 * 1000);
      gdk_display_sync (gtk_widget_get_display (window));
      lateral_test_ui_iterate ();
    }
}

/* The load average over the last minute, or 0 where it cannot be read. */
static double
load_average (void)
{
  g_autofree char *text = NULL;

  if (!g_file_get_contents ("/proc/loadavg", &text, NULL, NULL))
    return 0;
  return g_ascii_strtod (text, NULL);
}

/**
 * lateral_test_ui_check_gap:
 * @longest_us: the longest gap seen between two ticks of the main loop
 * @limit_us: what a person would call a freeze
 *
 * Asserts the gap, except where it would measure the machine rather than
 * Lateral: under the sanitizers (LATERAL_TEST_SANITIZED=1, every allocation
 * unwound) and on a machine running more than it has cores. The figure is
 * always reported.
 */
void
lateral_test_ui_check_gap (const char *what,
                           gint64      longest_us,
                           gint64      limit_us)
{
  double load = load_average ();
  guint n_cpus = g_get_num_processors ();

  g_test_message ("%s: longest main-loop gap %" G_GINT64_FORMAT " ms (load average %.1f, %u processors)",
                  what, longest_us / 1000, load, n_cpus);
  if (g_strcmp0 (g_getenv ("LATERAL_TEST_SANITIZED"), "1") == 0)
    g_test_message ("%s: built with the sanitizers, the gap is not checked", what);
  else if (load >= n_cpus)
    g_test_message ("%s: the machine is overloaded, the gap is not checked", what);
  else
    g_assert_cmpint (longest_us, <, limit_us);
}
