/* lateral-cli-export.c: `lateral-cli export`, a results bundle or a spreadsheet
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "results/lateral-bundle.h"
#include "lateral-cli.h"
#include "lateral-cli-lrs.h"
#include "store/lateral-output-file.h"
#include "results/lateral-csv.h"

/* "-" is standard output; a file is replaced atomically (by the core's
 * writers), so an export interrupted halfway never leaves half a file. */
static gboolean
write_stdout (const char  *contents,
              GError     **error)
{
  if (fputs (contents, stdout) == EOF || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output"));
      return FALSE;
    }
  return TRUE;
}

int
lateral_cli_export (int    argc,
                    char **argv)
{
  g_autofree char *output = NULL;
  g_autofree char *format = NULL;
  g_autofree char *profile_name = NULL;
  g_auto(GStrv) files = NULL;
  g_autofree char *class_code = NULL;
  g_autofree char *homepage = NULL;
  GOptionEntry entries[] = {
    { "output", 'o', 0, G_OPTION_ARG_FILENAME, &output, N_("Write to FILE (“-” for standard output)"), N_("FILE") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("json (a results bundle, the default), csv (answers), measures-csv (headline checks) or xapi (statements, docs/xapi.md)"), N_("FORMAT") },
    { "homepage", 0, 0, G_OPTION_ARG_STRING, &homepage, N_("xapi: the school’s web address for actors (default: the configured LRS’s)"), N_("URL") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_name, N_("Only this learner’s attempts"), N_("NAME") },
    { "class", 'c', 0, G_OPTION_ARG_STRING, &class_code, N_("Only attempts with this class code"), N_("CODE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gboolean csv, xapi, to_stdout, ok;
  guint n = 0;

  if (!lateral_cli_parse_options ("export", NULL,
                                  _("Write attempts and their answers as a results bundle (docs/results-format.md) "
                                    "for “lateral-cli import” on another machine, or as CSV for a spreadsheet."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc > 1)
    return lateral_cli_usage_error ("export", _("unexpected argument “%s”"), argv[1]);
  if (output == NULL)
    return lateral_cli_usage_error ("export", _("--output FILE is required"));
  if (format != NULL && !g_str_equal (format, "json") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "measures-csv") && !g_str_equal (format, "xapi"))
    return lateral_cli_usage_error ("export", _("unknown format “%s”: use json, csv, measures-csv or xapi"), format);
  csv = format != NULL && (g_str_equal (format, "csv") || g_str_equal (format, "measures-csv"));
  xapi = format != NULL && g_str_equal (format, "xapi");
  if (homepage != NULL && !xapi)
    return lateral_cli_usage_error ("export", _("--homepage goes with --format xapi"));
  to_stdout = g_str_equal (output, "-");

  store = lateral_cli_open_store ("export");
  if (store == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  if (!lateral_cli_class_filter (store, "export", &class_code))
    return LATERAL_CLI_EXIT_USAGE;

  if (csv)
    {
      contents = g_str_equal (format, "csv") ? lateral_csv_export (store, profile_name, class_code, &n, &error)
                                             : lateral_csv_export_measures (store, profile_name, class_code, &n, &error);
      ok = contents != NULL
           && (to_stdout ? write_stdout (contents, &error)
                         : lateral_output_file_write (output, contents, -1, &error));
    }
  else if (xapi)
    {
      contents = lateral_cli_lrs_export (store, homepage, profile_name, class_code, &n, &error);
      ok = contents != NULL
           && (to_stdout ? write_stdout (contents, &error)
                         : g_file_set_contents (output, contents, -1, &error));
    }
  else if (to_stdout)
    {
      contents = lateral_bundle_to_data (store, profile_name, class_code, &n, &error);
      ok = contents != NULL && write_stdout (contents, &error);
    }
  else
    {
      ok = lateral_bundle_write_parts (store, profile_name, class_code, output, LATERAL_BUNDLE_MAX_SIZE,
                                       &n, &files, &error);
    }
  if (!ok)
    return lateral_cli_fail ("export", "%s", error->message);

  /* The summary goes to stderr: stdout may be the export itself. */
  if (xapi)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %u statement to %s.\n", "Wrote %u statements to %s.\n", n),
                n, to_stdout ? _("standard output") : output);
  else if (csv)
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %u answer to %s.\n", "Wrote %u answers to %s.\n", n),
                n, to_stdout ? _("standard output") : output);
  else if (files != NULL && g_strv_length (files) > 1)
    {
      /* Too large for one bundle import reads: parts, each a bundle. */
      g_autofree char *list = g_strjoinv (", ", files);

      g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %u attempt to %s.\n", "Wrote %u attempts to %s.\n", n),
                  n, list);
      g_printerr (_("The results were too large for one file: import every part.\n"));
    }
  else
    g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %u attempt to %s.\n", "Wrote %u attempts to %s.\n", n),
                n, to_stdout ? _("standard output") : output);

  return LATERAL_CLI_EXIT_OK;
}
