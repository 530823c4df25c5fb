/* lateral-cli.c: the command-line face of Lateral
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdio.h>
#include <glib/gi18n.h>

#include "lateral-cli.h"
#include "lateral-cli-lrs.h"

/* One line per command; each lives in its own lateral-cli-NAME.c. */
static const LateralCliCommand commands[] = {
  { "validate", N_("FILE…"), N_("Check scenario packs and report every problem"), lateral_cli_validate },
  { "packs", "", N_("List the available scenario packs"), lateral_cli_packs },
  { "show", N_("ID|FILE"), N_("Show the outline of a scenario pack"), lateral_cli_show },
  { "play", N_("PACK_ID [OPTIONS]"), N_("Play a case in the terminal, or from a script"), lateral_cli_play },
  { "history", N_("[OPTIONS]"), N_("List attempts with their accuracy and CBM total"), lateral_cli_history },
  { "export", N_("--output FILE [OPTIONS]"), N_("Write a results bundle or a CSV spreadsheet"), lateral_cli_export },
  { "import", N_("FILE…"), N_("Merge results bundles into this machine’s database"), lateral_cli_import },
  { "restore", N_("[FILE]"), N_("Go back to a backup of the progress database"), lateral_cli_restore },
  { "measure", N_("INSTRUMENT [OPTIONS]"), N_("Take a headline test (MIST-20) before or after a case"), lateral_cli_measure },
  { "report", N_("[OPTIONS]"), N_("What a class got right and wrong: text, CSV, JSON or PDF"), lateral_cli_report },
  { "new-pack", N_("DIR --title TITLE"), N_("Write a starter scenario pack to edit"), lateral_cli_new_pack },
  { "pack", N_("install|export|key …"), N_("Install a case, share it as one file, print its answer key"), lateral_cli_pack },
  { "lrs", N_("configure|status|send"), N_("Send answers to the school’s learning record store (xAPI)"), lateral_cli_lrs },
  { NULL }
};

static const char *
command_args (guint i)
{
  return *commands[i].args != '\0' ? _(commands[i].args) : "";
}

static void
print_help (FILE *out)
{
  /* The summaries line up after the longest translated argument list;
   * printf pads by bytes, and "…" is one column but three bytes. */
  glong column = 24;

  for (guint i = 0; commands[i].name != NULL; i++)
    column = MAX (column, g_utf8_strlen (command_args (i), -1));

  fprintf (out, "%s\n", _("Usage: lateral-cli COMMAND [OPTION…]"));
  fprintf (out, "\n%s\n", _("Judge news claims first, then see the facts."));
  if (commands[0].name != NULL)
    fprintf (out, "\n%s\n", _("Commands:"));
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      const char *args = command_args (i);

      fprintf (out, "  %-10s %s%*s %s\n",
               commands[i].name, args,
               (int) (column - g_utf8_strlen (args, -1)), "", _(commands[i].summary));
    }
  fprintf (out, "\n%s\n", _("Options:"));
  fprintf (out, "  %-*s %s\n", (int) column + 11, "-h, --help", _("Show this help and exit"));
  fprintf (out, "  %-*s %s\n", (int) column + 11, "--version", _("Show the version and exit"));
  fprintf (out, "\n%s\n", _("Run “lateral-cli COMMAND --help” for the options of a command."));
}

int
lateral_cli_usage_error (const char *command,
                         const char *format,
                         ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (command != NULL)
    g_printerr ("lateral-cli %s: %s\n", command, message);
  else
    g_printerr ("lateral-cli: %s\n", message);
  g_printerr (_("Try “lateral-cli --help”.\n"));

  return LATERAL_CLI_EXIT_USAGE;
}

int
main (int   argc,
      char *argv[])
{
  const char *localedir;

  setlocale (LC_ALL, "");
  /* Tests and uninstalled runs point this at the build tree's po folder,
   * where the catalogs are compiled before they are installed. */
  localedir = g_getenv ("LATERAL_LOCALEDIR");
  bindtextdomain (GETTEXT_PACKAGE, localedir != NULL && *localedir != '\0' ? localedir : LOCALEDIR);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);

  if (argc < 2)
    {
      print_help (stderr);
      return LATERAL_CLI_EXIT_USAGE;
    }

  if (g_str_equal (argv[1], "--version"))
    {
      printf ("lateral %s\n", PACKAGE_VERSION);
      return fflush (stdout) == 0 && !ferror (stdout) ? LATERAL_CLI_EXIT_OK : LATERAL_CLI_EXIT_FAILURE;
    }

  if (g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h") || g_str_equal (argv[1], "help"))
    {
      print_help (stdout);
      return fflush (stdout) == 0 && !ferror (stdout) ? LATERAL_CLI_EXIT_OK : LATERAL_CLI_EXIT_FAILURE;
    }

  lateral_cli_output_init ();
  for (guint i = 0; commands[i].name != NULL; i++)
    {
      if (g_str_equal (argv[1], commands[i].name))
        {
          int status = commands[i].func (argc - 1, argv + 1);

          /* Output that could not be written is a failure, whatever the
           * command thought (stdout to /dev/full, a closed pipe). */
          if (lateral_cli_output_failed () && status == LATERAL_CLI_EXIT_OK)
            {
              fputs (_("lateral-cli: could not write the output\n"), stderr);
              return LATERAL_CLI_EXIT_FAILURE;
            }
          return status;
        }
    }

  return lateral_cli_usage_error (NULL, _("unknown command “%s”"), argv[1]);
}
