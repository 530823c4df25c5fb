/* lateral-cli-store.c: what the store's commands share
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-cli.h"

/* Parses the command's options; on a usage error prints it and returns FALSE. */
gboolean
lateral_cli_parse_options (const char    *command,
                           const char    *parameter_string,
                           const char    *summary,
                           GOptionEntry  *entries,
                           int           *argc,
                           char        ***argv)
{
  g_autoptr(GOptionContext) context = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;
  g_autofree char *prgname = g_strdup_printf ("lateral-cli %s", command);

  g_set_prgname (prgname);
  g_option_context_set_summary (context, summary);
  g_option_context_add_main_entries (context, entries, GETTEXT_PACKAGE);
  g_option_context_set_translation_domain (context, GETTEXT_PACKAGE);

  if (!g_option_context_parse (context, argc, argv, &error))
    {
      lateral_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }

  return TRUE;
}

int
lateral_cli_fail (const char *command,
                  const char *format,
                  ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  g_printerr ("lateral-cli %s: %s\n", command, message);
  return LATERAL_CLI_EXIT_FAILURE;
}

/* Opens the learner's database; what recovery did is told, not hidden. */
LateralStore *
lateral_cli_open_store (const char *command)
{
  g_autoptr(GError) error = NULL;
  LateralStore *store = lateral_store_open (NULL, &error);

  if (store == NULL)
    {
      lateral_cli_fail (command, "%s", error->message);
      return NULL;
    }
  if (lateral_store_get_recovery_message (store) != NULL)
    g_printerr ("lateral-cli %s: %s\n", command, lateral_store_get_recovery_message (store));

  return store;
}

/* --class CODE finds its class however it was typed ("7b " finds "7B"),
 * as lateral-class-code.c stores it. */
gboolean
lateral_cli_class_filter (LateralStore  *store,
                          const char    *command,
                          char         **class_code)
{
  g_autoptr(GError) error = NULL;
  char *canonical = NULL;

  if (*class_code == NULL)
    return TRUE;
  if (!lateral_store_canonical_class_code (store, *class_code, &canonical, &error))
    {
      lateral_cli_usage_error (command, "%s", error->message);
      return FALSE;
    }
  g_free (*class_code);
  *class_code = canonical;
  return TRUE;
}
