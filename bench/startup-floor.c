/* startup-floor.c: the floor for start-up: a bare libadwaita window
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The least any libadwaita app does before its first frame: an
 * AdwApplication, an AdwApplicationWindow with a header bar, nothing else.
 */
#include <adwaita.h>

#include "bench-frame.h"

static void
on_activate (GtkApplication *app)
{
  GtkWidget *window = adw_application_window_new (app);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 960, 720);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) app = adw_application_new ("io.github.lateral.BenchFloor",
                                                       G_APPLICATION_DEFAULT_FLAGS);

  g_signal_connect (app, "activate", G_CALLBACK (on_activate), NULL);
  bench_frame_watch_application (GTK_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
