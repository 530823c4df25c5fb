/* main.c: the app's main(): translations, then LateralApplication
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(LateralApplication) app = NULL;
  const char *localedir;

  /* Tests and uninstalled runs point this at the build tree's po folder,
   * where the catalogs are compiled before they are installed. */
  localedir = g_getenv ("LATERAL_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  app = lateral_application_new ();

  return g_application_run (G_APPLICATION (app), argc, argv);
}
