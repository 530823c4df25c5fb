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

/* The ids of every pack this machine has, valid or not: an attempt is
 * flagged only when its pack is nowhere here. */
static char **
list_pack_ids (void)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(GStrvBuilder) ids = g_strv_builder_new ();
  GListModel *packs;

  /* A folder that cannot be read leaves fewer packs known: those attempts
   * are flagged, never dropped, so this is safe to go on from. */
  lateral_pack_registry_load (registry, NULL);
  packs = lateral_pack_registry_get_packs (registry);
  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(LateralPack) pack = g_list_model_get_item (packs, i);

      g_strv_builder_add (ids, lateral_pack_get_id (pack));
    }

  return g_strv_builder_end (ids);
}

int
lateral_cli_import (int    argc,
                    char **argv)
{
  GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr(LateralStore) store = NULL;
  g_auto(GStrv) pack_ids = NULL;
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
  pack_ids = list_pack_ids ();

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      LateralImportResult result = { 0 };

      if (!lateral_bundle_import_file (store, argv[i], (const char * const *) pack_ids, &result, &error))
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
      g_print ("\n");
      for (guint j = 0; j < result.rejections->len; j++)
        g_print ("  %s\n", (const char *) result.rejections->pdata[j]);

      lateral_import_result_clear (&result);
    }

  return status;
}
