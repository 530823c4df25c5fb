/* lateral-cli-validate.c: lateral-cli validate FILE...
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-cli.h"
#include "pack/lateral-pack.h"

/* Checks every file, reporting every problem of each; errors and warnings
 * go to stderr one per line in the GNU format, so editors and CI logs link
 * to them. Warnings (rules a lateral-pack/1 file breaks) leave the status 0. */
static gboolean
check_translations (GPtrArray   *valid,
                    LateralPack *pack)
{
  for (guint i = 0; i < valid->len; i++)
    {
      LateralPack *other = g_ptr_array_index (valid, i);
      g_autoptr(GError) error = NULL;

      if (g_strcmp0 (lateral_pack_get_id (other), lateral_pack_get_id (pack)) != 0 ||
          g_strcmp0 (lateral_pack_get_version (other), lateral_pack_get_version (pack)) != 0)
        continue;
      if (!lateral_pack_check_translation (other, pack, &error))
        {
          g_printerr ("%s: %s\n", _("error"), error->message);
          return FALSE;
        }
    }
  return TRUE;
}

int
lateral_cli_validate (int    argc,
                      char **argv)
{
  g_autoptr(GOptionContext) context = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) files = NULL;
  gboolean strict = FALSE;
  const GOptionEntry entries[] = {
    { "strict", 0, 0, G_OPTION_ARG_NONE, &strict, N_("Count warnings as errors (exit 1), for a pack repository's CI"), NULL },
    { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &files, NULL, N_("FILE…") },
    { NULL }
  };
  g_autoptr(GPtrArray) valid = g_ptr_array_new_with_free_func (g_object_unref);
  int status = LATERAL_CLI_EXIT_OK;

  context = g_option_context_new (_("FILE… — check scenario packs"));
  g_option_context_set_summary (context, _("Exit status: 0 when every file is a valid pack (warnings allowed, unless --strict), 1 when any is not, 2 on a usage error."));
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_help_enabled (context, TRUE);
  if (!g_option_context_parse (context, &argc, &argv, &error))
    return lateral_cli_usage_error ("validate", "%s", error->message);
  if (files == NULL || files[0] == NULL)
    return lateral_cli_usage_error ("validate", "%s", _("no pack file given"));

  for (guint i = 0; files[i] != NULL; i++)
    {
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) load_error = NULL;
      g_autoptr(LateralPack) pack = NULL;

      pack = lateral_pack_load_file (files[i], &diagnostics, &load_error);
      if (pack != NULL)
        {
          GPtrArray *warnings = lateral_pack_get_warnings (pack);

          for (guint k = 0; k < warnings->len; k++)
            {
              g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (warnings, k));
              g_printerr ("%s\n", line);
            }
          /* Language files of one id and version given together must agree. */
          if (!check_translations (valid, pack))
            {
              status = LATERAL_CLI_EXIT_FAILURE;
              continue;
            }
          g_ptr_array_add (valid, g_object_ref (pack));
          if (strict && warnings->len > 0)
            {
              status = LATERAL_CLI_EXIT_FAILURE;
              g_printerr (ngettext ("%s: %u warning, which --strict counts as an error\n",
                                    "%s: %u warnings, which --strict counts as errors\n", warnings->len),
                          files[i], warnings->len);
            }
          else if (warnings->len > 0)
            g_print (ngettext ("%s: valid, with %u warning\n", "%s: valid, with %u warnings\n", warnings->len),
                     files[i], warnings->len);
          else
            g_print (_("%s: valid\n"), files[i]);
          continue;
        }

      status = LATERAL_CLI_EXIT_FAILURE;
      if (diagnostics == NULL || diagnostics->len == 0)
        {
          g_printerr ("%s: %s: %s\n", files[i], _("error"), load_error->message);
          continue;
        }
      for (guint k = 0; k < diagnostics->len; k++)
        {
          g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, k));
          g_printerr ("%s\n", line);
        }
    }

  return status;
}
