/* lateral-cli-report.c: `lateral-cli report`, what a class got right and wrong
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>

#include "lateral-cli.h"
#include "report/lateral-report.h"
#include "report/lateral-report-pdf.h"

/* Says which filter found nothing, and whether the pack id is known at all,
 * so a typo is told apart from a class that has not played yet. */
static int
fail_empty (LateralPackRegistry *registry,
            const char          *class_code,
            const char          *pack_id)
{
  if (pack_id != NULL && lateral_pack_registry_lookup (registry, pack_id) == NULL)
    return lateral_cli_fail ("report", _("no results for pack “%s”, and no pack with that id on this machine; "
                                         "“lateral-cli packs” lists them"), pack_id);
  if (class_code != NULL && pack_id != NULL)
    return lateral_cli_fail ("report", _("no results for class “%s” in pack “%s”"), class_code, pack_id);
  if (class_code != NULL)
    return lateral_cli_fail ("report", _("no results for class “%s”; import the class’s bundles "
                                         "with “lateral-cli import” first"), class_code);
  if (pack_id != NULL)
    return lateral_cli_fail ("report", _("no results for pack “%s”"), pack_id);
  return lateral_cli_fail ("report", _("no results yet; import bundles with “lateral-cli import” first"));
}

static gboolean
print_all (const char  *text,
           GError     **error)
{
  if (fputs (text, stdout) == EOF || fflush (stdout) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write to standard output"));
      return FALSE;
    }
  return TRUE;
}

int
lateral_cli_report (int    argc,
                    char **argv)
{
  g_autofree char *class_code = NULL;
  g_autofree char *pack_id = NULL;
  g_autofree char *format = NULL;
  g_autofree char *pdf = NULL;
  GOptionEntry entries[] = {
    { "class", 'c', 0, G_OPTION_ARG_STRING, &class_code, N_("Only attempts with this class code"), N_("CODE") },
    { "pack", 'k', 0, G_OPTION_ARG_STRING, &pack_id, N_("Only attempts at this pack"), N_("ID") },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format, N_("text (the default), csv or json"), N_("FORMAT") },
    { "pdf", 0, 0, G_OPTION_ARG_FILENAME, &pdf, N_("Also write the report as a PDF file"), N_("FILE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(LateralReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *output = NULL;

  if (!lateral_cli_parse_options ("report", NULL,
                                  _("Per class code and case: each student’s attempts, best and latest marks and "
                                    "share right; each claim’s difficulty; techniques; the class’s calibration "
                                    "(docs/report.md). Counts this machine’s database: import the class’s "
                                    "bundles first."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc > 1)
    return lateral_cli_usage_error ("report", _("unexpected argument “%s”"), argv[1]);
  if (format != NULL && !g_str_equal (format, "text") && !g_str_equal (format, "csv") &&
      !g_str_equal (format, "json"))
    return lateral_cli_usage_error ("report", _("unknown format “%s”: use text, csv or json"), format);

  store = lateral_cli_open_store ("report");
  if (store == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  if (!lateral_cli_class_filter (store, "report", &class_code))
    return LATERAL_CLI_EXIT_USAGE;

  /* Titles, claim texts and techniques where this machine has the pack; a
   * folder that cannot be read only leaves them out. */
  lateral_pack_registry_load (registry, NULL);

  report = lateral_report_new (store, registry, class_code, pack_id, &error);
  if (report == NULL)
    return lateral_cli_fail ("report", "%s", error->message);
  if (lateral_report_get_n_groups (report) == 0)
    return fail_empty (registry, class_code, pack_id);

  if (format == NULL || g_str_equal (format, "text"))
    {
      /* Names and codes in a table for a terminal: escaped (CSV and JSON
       * quote them their own way). */
      g_autofree char *text = lateral_report_to_text (report);

      output = lateral_cli_escape (text);
    }
  else if (g_str_equal (format, "csv"))
    {
      output = lateral_report_to_csv (report);
    }
  else
    {
      g_autoptr(JsonNode) root = lateral_report_to_json (report);
      g_autofree char *json = json_to_string (root, TRUE);

      output = g_strconcat (json, "\n", NULL);
    }

  if (pdf != NULL)
    {
      guint n_pages = 0;

      if (!lateral_report_write_pdf (report, pdf, &n_pages, &error))
        return lateral_cli_fail ("report", "%s", error->message);
      g_printerr (g_dngettext (GETTEXT_PACKAGE, "Wrote %u page to %s.\n", "Wrote %u pages to %s.\n", n_pages),
                  n_pages, pdf);
    }

  if (!print_all (output, &error))
    return lateral_cli_fail ("report", "%s", error->message);

  return LATERAL_CLI_EXIT_OK;
}
