/* lateral-cli-show.c: lateral-cli show ID|FILE
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "lateral-cli.h"
#include "pack/lateral-pack-registry.h"

static gboolean
looks_like_file (const char *arg)
{
  return strchr (arg, G_DIR_SEPARATOR) != NULL || g_str_has_suffix (arg, ".json") ||
         g_file_test (arg, G_FILE_TEST_EXISTS);
}

static void
print_outline (LateralPack *pack)
{
  guint n_steps = lateral_pack_get_n_steps (pack);
  guint width = n_steps >= 100 ? (n_steps >= 1000 ? 4 : 3) : 2;

  g_print ("%s\n", lateral_pack_get_title (pack));
  g_print ("%s %s · ", lateral_pack_get_id (pack), lateral_pack_get_version (pack));
  g_print (ngettext ("%u step", "%u steps", n_steps), n_steps);
  g_print (" · ");
  g_print (ngettext ("%u claim", "%u claims", lateral_pack_get_n_claims (pack)),
           lateral_pack_get_n_claims (pack));
  g_print (" · ");
  g_print (ngettext ("about %u minute", "about %u minutes", lateral_pack_get_estimated_minutes (pack)),
           lateral_pack_get_estimated_minutes (pack));
  g_print ("\n\n");

  for (guint i = 0; i < n_steps; i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);

      if (step->type == LATERAL_STEP_STORY)
        g_print ("%*u  %s  %s        %s  %s\n", width, i + 1, _("story"), step->date,
                 step->id, step->title);
      else
        g_print ("%*u  %s  %s %s  %s  %s  [%s]\n", width, i + 1, _("claim"), _("as of"), step->as_of,
                 step->id, step->claim, lateral_verdict_to_string (step->verdict));
    }
}

int
lateral_cli_show (int    argc,
                  char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = NULL;
  g_autoptr(LateralPackRegistry) registry = NULL;
  const char *what;

  context = g_option_context_new (_("ID|FILE — the outline of a scenario pack"));
  g_option_context_set_summary (context, _("Shows the steps in order, each claim with the date it is judged at and its verdict."));
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lateral_cli_usage_error ("show", "%s", error->message);
  if (argc != 2)
    return lateral_cli_usage_error ("show", "%s", _("expected one pack id or file"));

  what = argv[1];
  if (looks_like_file (what))
    {
      g_autoptr(GPtrArray) diagnostics = NULL;

      pack = lateral_pack_load_file (what, &diagnostics, &error);
      if (pack == NULL)
        {
          for (guint k = 0; diagnostics != NULL && k < diagnostics->len; k++)
            {
              g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, k));
              g_printerr ("%s\n", line);
            }
          if (diagnostics == NULL || diagnostics->len == 0)
            g_printerr ("%s: %s: %s\n", what, _("error"), error->message);
          return LATERAL_CLI_EXIT_FAILURE;
        }
    }
  else
    {
      registry = lateral_pack_registry_new ();
      if (!lateral_pack_registry_load (registry, &error))
        {
          g_printerr ("lateral-cli show: %s\n", error->message);
          return LATERAL_CLI_EXIT_FAILURE;
        }
      pack = lateral_pack_registry_lookup (registry, what);
      if (pack == NULL)
        {
          g_printerr (_("lateral-cli show: no pack with id “%s”; “lateral-cli packs” lists them\n"), what);
          return LATERAL_CLI_EXIT_FAILURE;
        }
      g_object_ref (pack);
    }

  print_outline (pack);
  return LATERAL_CLI_EXIT_OK;
}
