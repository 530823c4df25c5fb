/* lateral-cli-lrs.c: `lateral-cli lrs`, and the xAPI faces of export,
 * play and report
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   lrs configure --endpoint URL --homepage URL --key KEY --secret-file FILE [--send-names yes|no]
 *   lrs status
 *   lrs send [--retry-for SECONDS]
 *
 * Nothing here goes online unless lrs.ini exists and the user ran `lrs
 * send` or `report --from-lrs`: the CLI never sends on its own.
 */
#include "config.h"

#include <stdio.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "lateral-cli.h"
#include "lateral-cli-lrs.h"
#include "report/lateral-report.h"
#include "results/lateral-bundle.h"
#include "store/lateral-store-outbox.h"
#include "xapi/lateral-xapi-fetch.h"
#include "xapi/lateral-xapi-outbox.h"
#include "xapi/lateral-xapi-sender.h"
#include "xapi/lateral-xapi-statement.h"

/* Loads lrs.ini; a missing file is "not configured", with a hint. */
static LateralXapiConfig *
load_config (const char *command)
{
  g_autoptr(GError) error = NULL;
  LateralXapiConfig *config = lateral_xapi_config_load (&error);

  if (config == NULL && error != NULL)
    lateral_cli_fail (command, "%s", error->message);
  else if (config == NULL)
    {
      g_autofree char *user = lateral_xapi_config_user_filename ();

      lateral_cli_fail (command, _("no LRS is configured (no %s, nor lateral/lrs.ini in $XDG_CONFIG_DIRS); "
                                   "“lateral-cli lrs configure” writes one"), user);
    }
  return config;
}

static int
lrs_configure (int    argc,
               char **argv)
{
  g_autofree char *endpoint = NULL;
  g_autofree char *homepage = NULL;
  g_autofree char *key = NULL;
  g_autofree char *secret_file = NULL;
  g_autofree char *send_names = NULL;
  GOptionEntry entries[] = {
    { "endpoint", 0, 0, G_OPTION_ARG_STRING, &endpoint, N_("The LRS’s xAPI endpoint (https, or http to localhost)"), N_("URL") },
    { "homepage", 0, 0, G_OPTION_ARG_STRING, &homepage, N_("The school’s web address, which names learners’ accounts"), N_("URL") },
    { "key", 0, 0, G_OPTION_ARG_STRING, &key, N_("The LRS client’s key"), N_("KEY") },
    { "secret-file", 0, 0, G_OPTION_ARG_FILENAME, &secret_file, N_("A file holding the LRS client’s secret"), N_("FILE") },
    { "send-names", 0, 0, G_OPTION_ARG_STRING, &send_names, N_("Send profile names with their UUIDs (default: no)"), N_("yes|no") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *filename = NULL;
  gboolean names = FALSE;

  if (!lateral_cli_parse_options ("lrs configure", NULL,
                                  _("Write this user’s lateral/lrs.ini (mode 0600): from then on answers are queued "
                                    "for the school’s Learning Record Store (docs/xapi.md)."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc > 1)
    return lateral_cli_usage_error ("lrs configure", _("unexpected argument “%s”"), argv[1]);
  if (endpoint == NULL || homepage == NULL || key == NULL || secret_file == NULL)
    return lateral_cli_usage_error ("lrs configure", _("--endpoint, --homepage, --key and --secret-file are required"));
  if (send_names != NULL)
    {
      if (g_str_equal (send_names, "yes"))
        names = TRUE;
      else if (!g_str_equal (send_names, "no"))
        return lateral_cli_usage_error ("lrs configure", _("--send-names is yes or no, not “%s”"), send_names);
    }

  if (!lateral_xapi_config_write_user (endpoint, homepage, key, secret_file, names, &filename, &error))
    return lateral_cli_fail ("lrs configure", "%s", error->message);

  g_print (_("Wrote %s: answers will be queued for %s. “lateral-cli lrs send” sends them.\n"), filename, endpoint);
  return LATERAL_CLI_EXIT_OK;
}

static char *
format_local_time (gint64 unix_seconds)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_local (unix_seconds);

  return time != NULL ? g_date_time_format (time, "%Y-%m-%d %H:%M:%S") : g_strdup ("?");
}

static int
lrs_status (int    argc,
            char **argv)
{
  GOptionEntry entries[] = { G_OPTION_ENTRY_NULL };
  g_autoptr(LateralXapiConfig) config = NULL;
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LateralOutboxStatus status;

  if (!lateral_cli_parse_options ("lrs status", NULL,
                                  _("The LRS in use, the statements waiting and set aside, and the last error."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc > 1)
    return lateral_cli_usage_error ("lrs status", _("unexpected argument “%s”"), argv[1]);

  config = lateral_xapi_config_load (&error);
  if (error != NULL)
    return lateral_cli_fail ("lrs status", "%s", error->message);

  store = lateral_cli_open_store ("lrs status");
  if (store == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  if (!lateral_store_outbox_get_status (store, &status, &error))
    return lateral_cli_fail ("lrs status", "%s", error->message);

  if (config == NULL)
    g_print (_("Endpoint: none (sending is off)\n"));
  else
    {
      g_print (_("Endpoint: %s\n"), config->endpoint);
      g_print (_("Configured in: %s\n"), config->filename);
      g_print (_("Names sent: %s\n"), config->send_names ? _("yes") : _("no"));
    }
  g_print (_("Waiting: %u\n"), status.n_waiting);
  g_print (_("Set aside: %u\n"), status.n_set_aside);
  g_print (_("Sent: %u\n"), status.n_sent);
  if (status.last_sent_at != 0)
    {
      g_autofree char *when = format_local_time (status.last_sent_at);

      g_print (_("Last sent: %s\n"), when);
    }
  if (status.last_error != NULL)
    {
      g_autofree char *when = format_local_time (status.last_error_at);

      g_print (_("Last error (%s): %s\n"), when, status.last_error);
    }

  /* Each set-aside statement with the LRS's reason: a school's IT needs
   * them to fix the cause. */
  if (status.n_set_aside > 0)
    {
      g_autoptr(GPtrArray) items = lateral_store_outbox_list (store, LATERAL_OUTBOX_SET_ASIDE, 0, &error);

      if (items == NULL)
        return lateral_cli_fail ("lrs status", "%s", error->message);
      for (guint i = 0; i < items->len; i++)
        {
          const LateralOutboxItem *item = items->pdata[i];

          g_print (_("  set aside: %s (%s, attempt %s): %s\n"), item->statement_id, item->kind,
                   item->attempt_uuid, item->reason != NULL ? item->reason : "");
        }
    }

  lateral_outbox_status_clear (&status);
  return LATERAL_CLI_EXIT_OK;
}

static int
lrs_send (int    argc,
          char **argv)
{
  int retry_for = 0;
  GOptionEntry entries[] = {
    { "retry-for", 0, 0, G_OPTION_ARG_INT, &retry_for,
      N_("On a failure, retry with growing waits for up to this long (default: 0, one try)"), N_("SECONDS") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LateralXapiConfig) config = NULL;
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(LateralXapiSender) sender = NULL;
  g_autoptr(GError) error = NULL;
  LateralXapiSendResult total = { 0 };
  gint64 deadline;
  guint n_failures = 0;

  if (!lateral_cli_parse_options ("lrs send", NULL,
                                  _("Send the statements waiting in the outbox to the configured LRS, in batches. "
                                    "A statement the LRS refuses is set aside with its reason (“lrs status”)."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc > 1)
    return lateral_cli_usage_error ("lrs send", _("unexpected argument “%s”"), argv[1]);
  if (retry_for < 0)
    return lateral_cli_usage_error ("lrs send", _("--retry-for must not be negative"));

  config = load_config ("lrs send");
  if (config == NULL)
    return LATERAL_CLI_EXIT_FAILURE;
  store = lateral_cli_open_store ("lrs send");
  if (store == NULL)
    return LATERAL_CLI_EXIT_FAILURE;

  sender = lateral_xapi_sender_new (config, lateral_store_get_filename (store));
  deadline = g_get_monotonic_time () + (gint64) retry_for * G_USEC_PER_SEC;

  for (;;)
    {
      LateralXapiSendResult result = { 0 };
      guint wait;

      g_clear_error (&error);
      if (lateral_xapi_sender_send_sync (sender, store, NULL, &result, &error))
        {
          total.n_sent += result.n_sent;
          total.n_set_aside += result.n_set_aside;
          total.n_waiting = result.n_waiting;
          break;
        }
      total.n_sent += result.n_sent;
      total.n_set_aside += result.n_set_aside;
      total.n_waiting = result.n_waiting;

      wait = lateral_xapi_backoff_seconds (++n_failures);
      if (g_get_monotonic_time () + (gint64) wait * G_USEC_PER_SEC > deadline)
        break;
      g_printerr (_("%s; trying again in %u s.\n"), error->message, wait);
      g_usleep ((gulong) wait * G_USEC_PER_SEC);
    }

  g_print (g_dngettext (GETTEXT_PACKAGE, "Sent %u statement", "Sent %u statements", total.n_sent), total.n_sent);
  g_print (g_dngettext (GETTEXT_PACKAGE, ", set aside %u", ", set aside %u", total.n_set_aside), total.n_set_aside);
  g_print (g_dngettext (GETTEXT_PACKAGE, ", %u waiting.\n", ", %u waiting.\n", total.n_waiting), total.n_waiting);

  if (error != NULL)
    return lateral_cli_fail ("lrs send", _("%s; the statements stay queued"), error->message);
  return LATERAL_CLI_EXIT_OK;
}

int
lateral_cli_lrs (int    argc,
                 char **argv)
{
  if (argc < 2 || g_str_equal (argv[1], "--help") || g_str_equal (argv[1], "-h"))
    {
      FILE *out = argc < 2 ? stderr : stdout;

      fprintf (out, "%s\n", _("Usage: lateral-cli lrs configure|status|send [OPTION…]"));
      fprintf (out, "  configure  %s\n", _("Write lateral/lrs.ini: where to send answers"));
      fprintf (out, "  status     %s\n", _("The endpoint, statements waiting and set aside, the last error"));
      fprintf (out, "  send       %s\n", _("Send the waiting statements now"));
      return argc < 2 ? LATERAL_CLI_EXIT_USAGE : LATERAL_CLI_EXIT_OK;
    }

  if (g_str_equal (argv[1], "configure"))
    return lrs_configure (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "status"))
    return lrs_status (argc - 1, argv + 1);
  if (g_str_equal (argv[1], "send"))
    return lrs_send (argc - 1, argv + 1);

  return lateral_cli_usage_error ("lrs", _("unknown subcommand “%s”: use configure, status or send"), argv[1]);
}

/* play: queue the statements when an LRS is configured. A broken lrs.ini
 * does not stop a learner: the answers are stored, and the warning says
 * they are not queued. */
void
lateral_cli_lrs_attach (LateralPlay *play)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralXapiConfig) config = lateral_xapi_config_load (&error);

  if (config == NULL && error == NULL)
    return;
  if (config == NULL || !lateral_xapi_outbox_attach (play, config, &error))
    g_printerr (_("lateral-cli play: warning: answers are stored but not queued for the LRS: %s\n"),
                error->message);
}

/* play --measure, measure: store the sitting, and queue its statement in
 * the same transaction when an LRS is configured and the sitting belongs
 * to an attempt. As for answers, a broken lrs.ini or a statement that
 * cannot be queued never costs the learner the sitting: it is stored, and
 * the warning says it is not queued. */
gboolean
lateral_cli_lrs_store_measure (LateralStore           *store,
                               LateralMeasureSession  *session,
                               GError                **error)
{
  g_autoptr(GError) config_error = NULL;
  g_autoptr(GError) queue_error = NULL;
  g_autoptr(LateralXapiConfig) config = lateral_xapi_config_load (&config_error);

  if (config_error != NULL)
    g_printerr (_("lateral-cli: warning: the check is stored but not queued for the LRS: %s\n"),
                config_error->message);
  if (!lateral_xapi_outbox_add_measure_session (store, config, session, NULL, &queue_error, error))
    return FALSE;
  if (queue_error != NULL)
    g_printerr (_("lateral-cli: warning: the check is stored but not queued for the LRS: %s\n"),
                queue_error->message);
  return TRUE;
}

/* export --format xapi: the homepage is the configured one, or --homepage. */
char *
lateral_cli_lrs_export (LateralStore  *store,
                        const char    *homepage,
                        const char    *profile_name,
                        const char    *class_code,
                        guint         *out_n_statements,
                        GError       **error)
{
  g_autoptr(LateralXapiConfig) config = NULL;
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *json = NULL;
  LateralXapiOptions options = { .provenance = LATERAL_XAPI_PROVENANCE_FILE };

  if (homepage == NULL)
    {
      config = lateral_xapi_config_load (error);
      if (config == NULL)
        {
          if (error != NULL && *error == NULL)
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                         _("xAPI statements name the school: give --homepage URL, or configure an LRS "
                           "(“lateral-cli lrs configure”)"));
          return NULL;
        }
      options.homepage = config->homepage;
      options.send_names = config->send_names;
    }
  else
    {
      if (!lateral_xapi_check_homepage (homepage, error))
        return NULL;
      options.homepage = homepage;
    }

  root = lateral_xapi_export (store, &options, profile_name, class_code, out_n_statements, error);
  if (root == NULL)
    return NULL;
  json = json_to_string (root, TRUE);
  return g_strconcat (json, "\n", NULL);
}

/* report --from-lrs: the statements become attempts in a scratch store,
 * then the report is the one bundles give. */
LateralStore *
lateral_cli_lrs_fetch_store (const char              *class_code,
                             const char              *pack_id,
                             LateralXapiFetchResult  *out_result,
                             char                   **out_scratch_dir)
{
  g_autoptr(LateralXapiConfig) config = load_config ("report");
  g_autoptr(LateralStore) local = NULL;
  g_autoptr(LateralStore) scratch = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *db = NULL;

  if (config == NULL)
    return NULL;

  /* Only to tell which attempts were played here; a machine with no
   * database yet simply has none. */
  {
    g_autofree char *filename = lateral_store_get_default_filename ();

    if (g_file_test (filename, G_FILE_TEST_EXISTS))
      local = lateral_store_open (filename, NULL);
  }

  dir = g_dir_make_tmp ("lateral-report-XXXXXX", &error);
  if (dir == NULL)
    {
      lateral_cli_fail ("report", "%s", error->message);
      return NULL;
    }
  db = g_build_filename (dir, "from-lrs.db", NULL);
  scratch = lateral_store_open (db, &error);
  if (scratch == NULL ||
      !lateral_xapi_fetch_into_store (config, scratch, class_code, pack_id,
                                      local != NULL ? lateral_store_get_device_id (local) : NULL,
                                      out_result, NULL, &error))
    {
      lateral_cli_fail ("report", "%s", error->message);
      *out_scratch_dir = g_steal_pointer (&dir);
      return NULL;
    }

  /* Attempts the statements tell in contradiction are left out, loudly. */
  for (guint i = 0; out_result->imported.rejections != NULL && i < out_result->imported.rejections->len; i++)
    g_printerr (_("lateral-cli report: warning: left out from the LRS: %s\n"),
                (const char *) out_result->imported.rejections->pdata[i]);

  *out_scratch_dir = g_steal_pointer (&dir);
  return g_steal_pointer (&scratch);
}

static const char *
provenance_label (const LateralXapiAttemptSource *source)
{
  if (g_str_equal (source->provenance, "live"))
    return source->this_machine ? _("sent live from this machine") : _("sent live");
  if (g_str_equal (source->provenance, "file"))
    return source->this_machine ? _("imported from a file of this machine") : _("imported from a file");
  return _("sent live and from a file");
}

/* Names and ids in statements come from the LRS, whoever wrote them:
 * control characters are escaped before they reach a terminal. */
static void
append_printable (GString    *text,
                  const char *value)
{
  for (const char *p = value != NULL ? value : ""; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c < 0x20 || c == 0x7f)
        g_string_append_printf (text, "\\x%02x", c);
      else
        g_string_append_c (text, (char) c);
    }
}

/* The attempts' provenance and the LRS's "stored" times, after the report. */
char *
lateral_cli_lrs_sources_text (const LateralXapiFetchResult *result)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "\n%s\n", _("Attempts from the LRS (stored = when the LRS received them):"));
  for (guint i = 0; i < result->attempts->len; i++)
    {
      const LateralXapiAttemptSource *source = result->attempts->pdata[i];
      g_autofree char *first = lateral_format_time (source->stored_first);
      g_autofree char *last = lateral_format_time (source->stored_last);

      g_string_append (text, "  ");
      append_printable (text, source->registration);
      g_string_append (text, "  ");
      append_printable (text, source->profile_name);
      g_string_append (text, "  ");
      append_printable (text, source->pack_id);
      g_string_append_printf (text, "  %s  %s – %s\n", provenance_label (source), first, last);
    }
  return g_string_free (text, FALSE);
}

JsonNode *
lateral_cli_lrs_sources_json (const LateralXapiFetchResult *result)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < result->attempts->len; i++)
    {
      const LateralXapiAttemptSource *source = result->attempts->pdata[i];
      g_autofree char *first = lateral_format_time (source->stored_first);
      g_autofree char *last = lateral_format_time (source->stored_last);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "attempt_uuid");
      json_builder_add_string_value (builder, source->registration);
      json_builder_set_member_name (builder, "profile_name");
      json_builder_add_string_value (builder, source->profile_name);
      json_builder_set_member_name (builder, "pack_id");
      json_builder_add_string_value (builder, source->pack_id);
      json_builder_set_member_name (builder, "class_code");
      if (source->class_code != NULL)
        json_builder_add_string_value (builder, source->class_code);
      else
        json_builder_add_null_value (builder);
      json_builder_set_member_name (builder, "provenance");
      json_builder_add_string_value (builder, source->provenance);
      json_builder_set_member_name (builder, "this_machine");
      json_builder_add_boolean_value (builder, source->this_machine);
      json_builder_set_member_name (builder, "stored_first");
      json_builder_add_string_value (builder, first);
      json_builder_set_member_name (builder, "stored_last");
      json_builder_add_string_value (builder, last);
      json_builder_set_member_name (builder, "statements");
      json_builder_add_int_value (builder, source->n_statements);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  return json_builder_get_root (builder);
}

/* The scratch store of a report from the LRS: its files, then its folder. */
void
lateral_cli_lrs_remove_scratch (const char *dir)
{
  g_autoptr(GDir) handle = NULL;
  const char *name;

  if (dir == NULL)
    return;
  handle = g_dir_open (dir, 0, NULL);
  while (handle != NULL && (name = g_dir_read_name (handle)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      g_unlink (path);
    }
  g_rmdir (dir);
}
