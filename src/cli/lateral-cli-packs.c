/* lateral-cli-packs.c: lateral-cli packs
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-cli.h"
#include "pack/lateral-pack-registry.h"

/* One line per available pack, tab-separated for scripts:
 * ID VERSION CLAIMS TITLE LANGUAGES, where LANGUAGES is the language shown
 * first, then the pack's other languages, separated by commas. The title is
 * in the language shown. Skipped packs are logged on stderr. */
int
lateral_cli_packs (int    argc,
                   char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(LateralPackRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *packs;

  context = g_option_context_new (_("— list the available scenario packs"));
  g_option_context_set_summary (context, _("Prints ID, VERSION, CLAIMS, TITLE and LANGUAGES of each pack, separated by tabs. LANGUAGES is the language shown first, then the others, such as es,en."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lateral_cli_usage_error ("packs", "%s", error->message);
  if (argc > 1)
    return lateral_cli_usage_error ("packs", _("unexpected argument “%s”"), argv[1]);

  registry = lateral_pack_registry_new ();
  if (!lateral_pack_registry_load (registry, &error))
    {
      g_printerr ("lateral-cli packs: %s\n", error->message);
      return LATERAL_CLI_EXIT_FAILURE;
    }

  packs = lateral_pack_registry_get_packs (registry);
  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(LateralPack) pack = g_list_model_get_item (packs, i);
      GPtrArray *files = lateral_pack_registry_get_translations (registry, lateral_pack_get_id (pack));
      g_autoptr(GString) languages = g_string_new (lateral_pack_get_language (pack));

      for (guint k = 0; files != NULL && k < files->len; k++)
        {
          LateralPack *other = g_ptr_array_index (files, k);

          if (other != pack)
            g_string_append_printf (languages, ",%s", lateral_pack_get_language (other));
        }
      g_print ("%s\t%s\t%u\t%s\t%s\n",
               lateral_pack_get_id (pack),
               lateral_pack_get_version (pack),
               lateral_pack_get_n_claims (pack),
               lateral_pack_get_title (pack),
               languages->str);
    }

  return LATERAL_CLI_EXIT_OK;
}
