/* lateral-cli-history.c: `lateral-cli history`, the attempts so far
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-cli.h"
#include "pack/lateral-pack-registry.h"

static char *
format_local (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_seconds);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M") : g_strdup ("?");
}

int
lateral_cli_history (int    argc,
                     char **argv)
{
  g_autofree char *profile_name = NULL;
  g_autofree char *class_code = NULL;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_name, N_("Only this learner’s attempts"), N_("NAME") },
    { "class", 'c', 0, G_OPTION_ARG_STRING, &class_code, N_("Only attempts with this class code"), N_("CODE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();

  if (!lateral_cli_parse_options ("history", NULL, _("List attempts with date, case, claims answered, "
                                                     "accuracy and CBM total, oldest first."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc > 1)
    return lateral_cli_usage_error ("history", _("unexpected argument “%s”"), argv[1]);

  store = lateral_cli_open_store ("history");
  if (store == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  if (!lateral_cli_class_filter (store, "history", &class_code))
    return LATERAL_CLI_EXIT_USAGE;

  attempts = lateral_store_select_attempts (store, profile_name, class_code, &error);
  if (attempts == NULL)
    return lateral_cli_fail ("history", "%s", error->message);

  if (attempts->len == 0)
    {
      if (class_code != NULL)
        g_print (_("No attempts in class %s yet.\n"), class_code);
      else if (profile_name != NULL)
        g_print (_("No attempts by %s yet.\n"), profile_name);
      else
        g_print (_("No attempts yet.\n"));
      return LATERAL_CLI_EXIT_OK;
    }

  /* Titles where this machine has the pack; a folder that cannot be read
   * only means ids are shown instead. */
  lateral_pack_registry_load (registry, NULL);

  /* TRANSLATORS: column headings of `lateral-cli history` */
  g_print ("%-16s  %-20s  %-36s  %-10s  %8s  %8s  %4s  %s\n", _("Date"), _("Profile"), _("Case"),
           _("Version"), _("Answered"), _("Accuracy"), _("CBM"), _("Status"));
  for (guint i = 0; i < attempts->len; i++)
    {
      LateralAttempt *attempt = attempts->pdata[i];
      g_autofree char *date = format_local (attempt->started_at);
      g_autofree char *accuracy = NULL;
      g_autofree char *answered = NULL;
      LateralPack *pack = lateral_pack_registry_lookup (registry, attempt->pack_id);
      /* The number of claims of the version played, when it is the one here. */
      gboolean same_version = pack != NULL && g_strcmp0 (lateral_pack_get_version (pack), attempt->pack_version) == 0;
      GString *status = g_string_new (attempt->finished_at != 0 ? _("finished") : _("unfinished"));

      if (attempt->n_answers > 0)
        accuracy = g_strdup_printf ("%u%%", (attempt->n_correct * 100 + attempt->n_answers / 2) / attempt->n_answers);
      else
        accuracy = g_strdup ("-");
      if (attempt->class_code != NULL)
        g_string_append_printf (status, _(", class %s"), attempt->class_code);
      if (attempt->pack_missing)
        g_string_append (status, _(", pack not on this machine"));
      /* The codes are docs/results-format.md's; `import` printed the reasons. */
      if (attempt->flags != NULL && attempt->flags[0] != '\0')
        g_string_append_printf (status, _(", flagged: %s"), attempt->flags);

      if (same_version)
        answered = g_strdup_printf ("%u/%u", attempt->n_answers, lateral_pack_get_n_claims (pack));
      else
        answered = g_strdup_printf ("%u", attempt->n_answers);

      g_print ("%-16s  %-20s  %-36s  %-10s  %8s  %8s  %+4d  %s\n", date, attempt->profile_name,
               pack != NULL ? lateral_pack_get_title (pack) : attempt->pack_id,
               attempt->pack_version, answered, accuracy, attempt->total_mark, status->str);
      g_string_free (status, TRUE);
    }

  return LATERAL_CLI_EXIT_OK;
}
