/* lateral-cli-restore.c: `lateral-cli restore`, going back to a backup
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-cli.h"

static int
list_backups (void)
{
  g_autoptr(LateralStore) store = lateral_cli_open_store ("restore");
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;

  if (store == NULL)
    return LATERAL_CLI_EXIT_FAILURE;

  backups = lateral_store_list_backups (store, &error);
  if (backups == NULL)
    return lateral_cli_fail ("restore", "%s", error->message);

  if (backups->len == 0)
    {
      g_print (_("There are no backups yet: one is made each day Lateral is used.\n"));
      return LATERAL_CLI_EXIT_OK;
    }

  g_print (_("Backups, newest last:\n"));
  for (guint i = 0; i < backups->len; i++)
    g_print ("  %s\n", (const char *) backups->pdata[i]);
  g_print (_("Run “lateral-cli restore FILE” with one of them. Close Lateral first.\n"));

  return LATERAL_CLI_EXIT_OK;
}

int
lateral_cli_restore (int    argc,
                     char **argv)
{
  GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr(GError) error = NULL;
  g_autofree char *kept_as = NULL;
  g_autofree char *filename = NULL;

  if (!lateral_cli_parse_options ("restore", _("[FILE]"),
                                  _("Replace the progress database with the backup FILE. The database it "
                                    "replaces is kept next to it, never deleted. Without FILE, list the backups."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc == 1)
    return list_backups ();
  if (argc > 2)
    return lateral_cli_usage_error ("restore", _("restore one backup at a time"));

  if (!lateral_store_restore (NULL, argv[1], &kept_as, &error))
    return lateral_cli_fail ("restore", "%s", error->message);

  filename = lateral_store_get_default_filename ();
  g_print (_("Restored %s as %s.\n"), argv[1], filename);
  if (kept_as != NULL)
    g_print (_("The database it replaced was kept as %s.\n"), kept_as);

  return LATERAL_CLI_EXIT_OK;
}
