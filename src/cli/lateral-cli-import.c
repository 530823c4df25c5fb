/* lateral-cli-import.c: `lateral-cli import`, merging results bundles
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "results/lateral-bundle.h"
#include "lateral-cli.h"
#include "pack/lateral-pack-registry.h"

/* Every pack this machine has: answers are recomputed from them, and an
 * attempt is flagged pack_missing only when its pack id is nowhere here. */
static GPtrArray *
list_packs (void)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();

  /* A folder that cannot be read leaves fewer packs known: those attempts
   * are flagged, never dropped, so this is safe to go on from. */
  lateral_pack_registry_load (registry, NULL);
  return lateral_bundle_list_packs (registry);
}

int
lateral_cli_import (int    argc,
                    char **argv)
{
  GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GPtrArray) packs = NULL;
  int status = LATERAL_CLI_EXIT_OK;

  if (!lateral_cli_parse_options ("import", _("FILE…"),
                                  _("Merge results bundles (from “lateral-cli export”) into this machine’s "
                                    "database. Importing a bundle twice adds nothing. A bundle that is "
                                    "truncated, not a bundle or from a newer Lateral is rejected whole."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc < 2)
    return lateral_cli_usage_error ("import", _("expected at least one bundle file"));

  store = lateral_cli_open_store ("import");
  if (store == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  packs = list_packs ();

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      LateralImportResult result = { 0 };

      if (!lateral_bundle_import_file (store, argv[i], packs, &result, &error))
        {
          g_printerr ("%s\n", error->message);
          g_printerr (_("%s: rejected, nothing was imported from it\n"), argv[i]);
          lateral_import_result_clear (&result);
          status = LATERAL_CLI_EXIT_FAILURE;
          continue;
        }

      /* TRANSLATORS: the summary line of one imported file */
      g_print (_("%s: attempts: %u added, %u already present, %u rejected"), argv[i],
               result.n_added, result.n_present, result.n_rejected);
      if (result.n_updated > 0)
        g_print (_(", %u with new answers"), result.n_updated);
      if (result.n_pack_missing > 0)
        g_print (_(" (%u for a pack not on this machine, kept and flagged)"), result.n_pack_missing);
      if (result.n_flagged > 0)
        g_print (g_dngettext (GETTEXT_PACKAGE, ", %u flagged", ", %u flagged", result.n_flagged), result.n_flagged);
      g_print ("\n");
      if (result.n_measures_added + result.n_measures_present + result.n_measures_rejected > 0)
        g_print (_("%s: headline checks: %u added, %u already present, %u rejected\n"), argv[i],
                 result.n_measures_added, result.n_measures_present, result.n_measures_rejected);
      for (guint j = 0; j < result.rejections->len; j++)
        g_print ("  %s\n", (const char *) result.rejections->pdata[j]);
      for (guint j = 0; j < result.flagged->len; j++)
        g_print ("  %s\n", (const char *) result.flagged->pdata[j]);
      /* A conflict or a flag is the teacher's to look at: scripts see it too. */
      if ((result.n_rejected > 0 || result.n_flagged > 0) && status == LATERAL_CLI_EXIT_OK)
        status = LATERAL_CLI_EXIT_FLAGGED;

      lateral_import_result_clear (&result);
    }

  return status;
}
