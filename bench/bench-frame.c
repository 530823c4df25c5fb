/* bench-frame.c
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-frame.h"

#include <stdio.h>
#include <string.h>

static long
read_peak_rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return -1;
  line = strstr (status, "VmHWM:");
  if (line == NULL)
    return -1;

  return strtol (line + strlen ("VmHWM:"), NULL, 10);
}

static void
on_after_paint (GdkFrameClock  *clock,
                GtkApplication *app)
{
  gint64 now = g_get_monotonic_time ();

  /* One line the runner parses: microseconds on CLOCK_MONOTONIC, KiB. */
  printf ("first-frame-us %" G_GINT64_FORMAT " peak-rss-kib %ld\n", now, read_peak_rss_kib ());
  fflush (stdout);

  g_signal_handlers_disconnect_by_func (clock, on_after_paint, app);
  g_application_quit (G_APPLICATION (app));
}

static void
on_map (GtkWidget      *window,
        GtkApplication *app)
{
  GdkFrameClock *clock = gtk_widget_get_frame_clock (window);

  g_signal_connect (clock, "after-paint", G_CALLBACK (on_after_paint), app);
}

static void
on_window_added (GtkApplication *app,
                 GtkWindow      *window)
{
  static gboolean watched;

  if (watched)
    return;
  watched = TRUE;
  g_signal_connect (window, "map", G_CALLBACK (on_map), app);
}

void
bench_frame_watch_application (GtkApplication *app)
{
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added), NULL);
}
