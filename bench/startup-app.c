/* startup-app.c: Lateral's own application and window, timed from outside
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same main() as src/app/main.c, linked against the app's own library,
 * plus the first-frame probe: no code path is added to the product.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "bench-frame.h"
#include "lateral-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LateralApplication) app = NULL;

  bindtextdomain (GETTEXT_PACKAGE, LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lateral_application_new ();
  bench_frame_watch_application (GTK_APPLICATION (app));

  return g_application_run (G_APPLICATION (app), argc, argv);
}
