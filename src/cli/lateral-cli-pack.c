/* lateral-cli-pack.c: lateral-cli pack install|export|key
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Installing, sharing and printing a case from a terminal, through the same
 * core code as the app's Manage Cases page (lateral-pack-install.c,
 * lateral-pack-archive.c, lateral-answer-key.c).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-cli.h"
#include "pack/lateral-pack-archive.h"
#include "pack/lateral-pack-install.h"
#include "pack/lateral-pack-registry.h"
#include "report/lateral-answer-key.h"

static LateralPackRegistry *
load_registry (const char *command)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(GError) error = NULL;

  if (!lateral_pack_registry_load (registry, &error))
    {
      lateral_cli_fail (command, "%s", error->message);
      return NULL;
    }
  return g_steal_pointer (&registry);
}

static LateralPack *
lookup (LateralPackRegistry *registry,
        const char          *command,
        const char          *id)
{
  LateralPack *pack = lateral_pack_registry_lookup (registry, id);

  if (pack == NULL)
    lateral_cli_fail (command, _("no pack with id “%s”; “lateral-cli packs” lists them"), id);
  return pack;
}

static int
pack_install (int    argc,
              char **argv)
{
  gboolean allow_downgrade = FALSE;
  GOptionEntry entries[] = {
    { "downgrade", 0, 0, G_OPTION_ARG_NONE, &allow_downgrade,
      N_("Replace a newer version of the same case"), NULL },
    { NULL }
  };
  g_autoptr(LateralPackRegistry) registry = NULL;
  int status = LATERAL_CLI_EXIT_OK;

  if (!lateral_cli_parse_options ("pack install", _("FILE… — install cases (.json or .lateral)"),
                                  _("Copies each case, with its images, into your own packs folder, "
                                    "after checking it as “lateral-cli validate” does."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc < 2)
    return lateral_cli_usage_error ("pack install", "%s", _("expected at least one file"));

  registry = load_registry ("pack install");
  if (registry == NULL)
    return LATERAL_CLI_EXIT_FAILURE;

  for (int i = 1; i < argc; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(LateralPack) pack = NULL;
      LateralPackInstallKind kind = LATERAL_PACK_INSTALL_NEW;

      pack = lateral_pack_install_file (registry, argv[i], allow_downgrade, &kind, &diagnostics, NULL, &error);
      if (pack == NULL)
        {
          for (guint k = 0; diagnostics != NULL && k < diagnostics->len; k++)
            {
              g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, k));
              g_printerr ("%s\n", line);
            }
          lateral_cli_fail ("pack install", "%s", error->message);
          status = LATERAL_CLI_EXIT_FAILURE;
          continue;
        }

      switch (kind)
        {
        case LATERAL_PACK_INSTALL_NEW:
          g_print (_("Installed “%s” %s (%s)\n"), lateral_pack_get_title (pack),
                   lateral_pack_get_version (pack), lateral_pack_get_id (pack));
          break;
        case LATERAL_PACK_INSTALL_UPGRADE:
          g_print (_("Upgraded “%s” to %s (%s)\n"), lateral_pack_get_title (pack),
                   lateral_pack_get_version (pack), lateral_pack_get_id (pack));
          break;
        case LATERAL_PACK_INSTALL_SAME:
          g_print (_("Reinstalled “%s” %s (%s)\n"), lateral_pack_get_title (pack),
                   lateral_pack_get_version (pack), lateral_pack_get_id (pack));
          break;
        case LATERAL_PACK_INSTALL_DOWNGRADE:
          g_print (_("Went back to “%s” %s (%s)\n"), lateral_pack_get_title (pack),
                   lateral_pack_get_version (pack), lateral_pack_get_id (pack));
          break;
        default:
          g_assert_not_reached ();
        }

      /* Each later file is compared with what is installed now. */
      if (i + 1 < argc)
        {
          g_clear_object (&registry);
          registry = load_registry ("pack install");
          if (registry == NULL)
            return LATERAL_CLI_EXIT_FAILURE;
        }
    }
  return status;
}

static int
pack_export (int    argc,
             char **argv)
{
  g_autofree char *output = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("The archive to write (FILE.lateral)"), N_("FILE") },
    { NULL }
  };
  g_autoptr(LateralPackRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  LateralPack *pack;

  if (!lateral_cli_parse_options ("pack export", _("ID --output FILE.lateral — one file to share a case"),
                                  _("Writes the case and its images into one .lateral file, "
                                    "which “lateral-cli pack install” and the app's Manage Cases install."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc != 2)
    return lateral_cli_usage_error ("pack export", "%s", _("expected one pack id"));
  if (output == NULL)
    return lateral_cli_usage_error ("pack export", "%s", _("--output FILE.lateral is required"));

  registry = load_registry ("pack export");
  if (registry == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  pack = lookup (registry, "pack export", argv[1]);
  if (pack == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  if (!lateral_pack_archive_write (pack, output, NULL, &error))
    return lateral_cli_fail ("pack export", "%s", error->message);

  g_print (_("Wrote “%s” %s to %s\n"), lateral_pack_get_title (pack), lateral_pack_get_version (pack), output);
  return LATERAL_CLI_EXIT_OK;
}

static int
pack_key (int    argc,
          char **argv)
{
  g_autofree char *pdf = NULL;
  GOptionEntry entries[] = {
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("The PDF file to write"), N_("FILE") },
    { NULL }
  };
  g_autoptr(LateralPackRegistry) registry = NULL;
  g_autoptr(GError) error = NULL;
  LateralPack *pack;
  guint n_pages = 0;

  if (!lateral_cli_parse_options ("pack key", _("ID --pdf FILE — a teacher's answer key"),
                                  _("Writes every step of the case, every claim with its verdicts, "
                                    "why, the checks and the dated sources, as a PDF to print."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc != 2)
    return lateral_cli_usage_error ("pack key", "%s", _("expected one pack id"));
  if (pdf == NULL)
    return lateral_cli_usage_error ("pack key", "%s", _("--pdf FILE is required"));

  registry = load_registry ("pack key");
  if (registry == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  pack = lookup (registry, "pack key", argv[1]);
  if (pack == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  if (!lateral_answer_key_write_pdf (pack, pdf, &n_pages, &error))
    return lateral_cli_fail ("pack key", "%s", error->message);

  g_print (g_dngettext (GETTEXT_PACKAGE, "Wrote the answer key of “%s” to %s (%u page)\n",
                        "Wrote the answer key of “%s” to %s (%u pages)\n", n_pages),
           lateral_pack_get_title (pack), pdf, n_pages);
  return LATERAL_CLI_EXIT_OK;
}

int
lateral_cli_pack (int    argc,
                  char **argv)
{
  if (argc >= 2 && g_str_equal (argv[1], "install"))
    return pack_install (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "export"))
    return pack_export (argc - 1, argv + 1);
  if (argc >= 2 && g_str_equal (argv[1], "key"))
    return pack_key (argc - 1, argv + 1);
  if (argc >= 2 && (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h")))
    {
      g_print ("%s\n", _("Usage: lateral-cli pack install FILE… | export ID --output FILE.lateral | key ID --pdf FILE"));
      return LATERAL_CLI_EXIT_OK;
    }
  return lateral_cli_usage_error ("pack", "%s", _("expected “install”, “export” or “key”"));
}
