/* lateral-cli-measure.c: `lateral-cli measure`, a headline test before or after a case
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * On a terminal it asks item by item, in a fresh random order; from a pipe
 * it reads one `ITEM-ID real|fake` line per item, in any order. Everything is
 * checked before anything is stored: a wrong line ends the command with
 * exit 1, the line named, and no session in the database.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "lateral-cli.h"
#include "lateral-cli-lrs.h"
#include "measure/lateral-measure.h"
#include "measure/lateral-measure-session.h"
#include "pack/lateral-pack-registry.h"
#include "store/lateral-store-measures.h"

#define MAX_LINE 4096

/* Input echoed in a message: control characters escaped, never sent raw to
 * the terminal; long input cut. */
static char *
printable (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean utf8 = g_utf8_validate (text, -1, NULL);

  for (const char *p = text; *p != '\0' && out->len < 80; )
    {
      gunichar c = utf8 ? g_utf8_get_char (p) : (guchar) *p;

      if (!utf8 && c >= 0x80)
        g_string_append_printf (out, "\\x%02X", c);
      else if (g_unichar_iscntrl (c) || c == 0x2028 || c == 0x2029)
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_unichar (out, c);
      p = utf8 ? g_utf8_next_char (p) : p + 1;
    }
  return g_string_free (out, FALSE);
}

static char *
read_line (void)
{
  char buffer[MAX_LINE];
  size_t length;

  if (fgets (buffer, sizeof buffer, stdin) == NULL)
    return NULL;
  length = strlen (buffer);
  if (length > 0 && buffer[length - 1] != '\n' && !feof (stdin))
    {
      int c;
      /* An endless line is read to its end, not kept. */
      while ((c = getchar ()) != EOF && c != '\n')
        ;
    }
  while (length > 0 && (buffer[length - 1] == '\n' || buffer[length - 1] == '\r'))
    buffer[--length] = '\0';
  return g_strdup (buffer);
}

static gboolean
parse_answer (const char *word,
              gboolean   *said_real)
{
  if (g_ascii_strcasecmp (word, "real") == 0 || g_str_equal (word, "1"))
    *said_real = TRUE;
  else if (g_ascii_strcasecmp (word, "fake") == 0 || g_str_equal (word, "2"))
    *said_real = FALSE;
  else
    return FALSE;
  return TRUE;
}

/* From a pipe: every line checked, every item required. */
static gboolean
read_piped (LateralMeasureSession  *session,
            LateralMeasure         *measure,
            gboolean                stop_when_complete,
            GError                **error)
{
  g_autoptr(GHashTable) lines = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GString) missing = g_string_new (NULL);
  guint number = 0;
  char *raw;

  while ((raw = read_line ()) != NULL)
    {
      g_autofree char *line = raw;
      g_auto(GStrv) words = NULL;
      gboolean said_real;
      const char *id;

      number++;
      g_strstrip (line);
      if (line[0] == '\0' || line[0] == '#')
        continue;
      words = g_strsplit_set (line, " \t", -1);
      {
        /* Collapse runs of blanks. */
        g_autoptr(GPtrArray) kept = g_ptr_array_new ();
        for (guint i = 0; words[i] != NULL; i++)
          if (words[i][0] != '\0')
            g_ptr_array_add (kept, words[i]);
        if (kept->len != 2)
          {
            g_autofree char *shown = printable (line);
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("line %u: “%s”: expected ITEM-ID real|fake, such as “f1 fake”"), number, shown);
            return FALSE;
          }
        id = g_ptr_array_index (kept, 0);
        if (!parse_answer (g_ptr_array_index (kept, 1), &said_real))
          {
            g_autofree char *shown = printable (g_ptr_array_index (kept, 1));
            g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                         _("line %u: “%s” is not an answer; expected real or fake"), number, shown);
            return FALSE;
          }
      }
      if (lateral_measure_find_item (measure, id) == NULL)
        {
          g_autofree char *shown = printable (id);
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("line %u: “%s” is not an item of %s"), number, shown, lateral_measure_get_id (measure));
          return FALSE;
        }
      if (g_hash_table_contains (lines, id))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("line %u: item “%s” is already answered on line %u"), number, id,
                       GPOINTER_TO_UINT (g_hash_table_lookup (lines, id)));
          return FALSE;
        }
      g_hash_table_insert (lines, g_strdup (id), GUINT_TO_POINTER (number));
      if (!lateral_measure_session_answer (session, measure, id, said_real, 0, error))
        return FALSE;
      /* Within `play --measure`: the case's lines follow the check's. */
      if (stop_when_complete && g_hash_table_size (lines) == lateral_measure_get_n_items (measure))
        return TRUE;
    }

  for (guint i = 0; i < lateral_measure_get_n_items (measure); i++)
    {
      const LateralMeasureItem *item = lateral_measure_get_item (measure, i);
      if (!g_hash_table_contains (lines, item->id))
        g_string_append_printf (missing, "%s%s", missing->len > 0 ? ", " : "", item->id);
    }
  if (missing->len > 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   _("line %u (end of input): no answer to %s; every item needs one line"), number + 1, missing->str);
      return FALSE;
    }
  return TRUE;
}

/* On a terminal: one headline at a time, in a fresh random order. */
static gboolean
ask (LateralMeasureSession  *session,
     LateralMeasure         *measure,
     GError                **error)
{
  guint n = lateral_measure_get_n_items (measure);
  g_autofree guint *order = lateral_measure_shuffle (n, NULL);
  /* TRANSLATORS: the two answers of a headline test with their keys */
  const char *choices = session->real_first ? _("1 = Real, 2 = Fake") : _("2 = Fake, 1 = Real");

  g_print (_("%s: is each headline real or fake? About %u minutes.\n"),
           lateral_measure_get_title (measure), lateral_measure_get_minutes (measure));
  for (guint k = 0; k < n; k++)
    {
      const LateralMeasureItem *item = lateral_measure_get_item (measure, order[k]);
      gint64 shown_at = g_get_monotonic_time ();

      g_print ("\n[%u/%u] %s\n", k + 1, n, item->text);
      for (;;)
        {
          g_autofree char *line = NULL;
          gboolean said_real;

          g_print ("%s> ", choices);
          fflush (stdout);
          line = read_line ();
          if (line == NULL)
            {
              g_set_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                           _("stopped before the end; nothing was stored"));
              return FALSE;
            }
          g_strstrip (line);
          if (parse_answer (line, &said_real))
            {
              guint ms = (guint) MIN ((g_get_monotonic_time () - shown_at) / 1000, G_MAXUINT);
              if (!lateral_measure_session_answer (session, measure, item->id, said_real, ms, error))
                return FALSE;
              break;
            }
        }
    }
  return TRUE;
}

/* The before session this after one is compared with: the learner's
 * latest before check of the same instrument and case. */
static LateralMeasureSession *
find_before (LateralStore                *store,
             const LateralMeasureSession *after)
{
  g_autoptr(GPtrArray) sessions = lateral_store_list_measure_sessions (store, after->profile_uuid, NULL, NULL, NULL);
  LateralMeasureSession *found = NULL;

  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      LateralMeasureSession *s = g_ptr_array_index (sessions, i);

      if (s->when == LATERAL_MEASURE_BEFORE && g_str_equal (s->instrument_id, after->instrument_id) &&
          g_strcmp0 (s->pack_id, after->pack_id) == 0 && !g_str_equal (s->uuid, after->uuid))
        found = s;
    }
  return found != NULL ? lateral_measure_session_copy (found) : NULL;
}

static void
print_scores (LateralStore                *store,
              LateralMeasure              *measure,
              const LateralMeasureSession *session)
{
  LateralMeasureScore score;
  guint n = lateral_measure_get_n_items (measure);
  guint n_real = lateral_measure_get_n_real (measure);

  lateral_measure_session_score (session, &score);
  g_print ("\n");
  g_print (_("Right: %u of %u headlines (V)\n"), score.V, n);
  g_print (_("Real news judged real: %u of %u (r)\n"), score.r, n_real);
  g_print (_("Fake news judged fake: %u of %u (f)\n"), score.f, n - n_real);
  if (lateral_measure_score_nd (&score) > 0)
    g_print (_("Leaning: %+d, more “Real” answers than real headlines (n − d; 0 is balanced)\n"),
             lateral_measure_score_nd (&score));
  else if (lateral_measure_score_nd (&score) < 0)
    g_print (_("Leaning: %+d, more “Fake” answers than fake headlines (n − d; 0 is balanced)\n"),
             lateral_measure_score_nd (&score));
  else
    g_print (_("Leaning: 0, as many “Real” answers as real headlines (n − d)\n"));
  for (guint i = 0; i < lateral_measure_get_n_norms (measure); i++)
    {
      const LateralMeasureNorm *norm = lateral_measure_get_norm (measure, i);
      g_print (_("%s: %.0f%% of people score lower\n"), norm->name, lateral_measure_norm_below (norm, score.V));
    }

  if (session->when == LATERAL_MEASURE_AFTER)
    {
      g_autoptr(LateralMeasureSession) before = find_before (store, session);

      if (before != NULL)
        {
          LateralMeasureScore was;

          lateral_measure_session_score (before, &was);
          g_print (_("Change since before: V %+d, r %+d, f %+d, n − d %+d\n"),
                   (int) score.V - (int) was.V, (int) score.r - (int) was.r, (int) score.f - (int) was.f,
                   lateral_measure_score_nd (&score) - lateral_measure_score_nd (&was));
          g_print ("%s\n", _("One person's change over one case is noisy: a lucky or unlucky guess moves it. "
                             "A class's mean change says more."));
        }
    }
  g_print (_("Source: %s\n"), lateral_measure_get_citation (measure));
  if (lateral_measure_get_notice (measure) != NULL)
    g_print ("%s\n", lateral_measure_get_notice (measure));
}

/**
 * lateral_cli_measure_take:
 * @stop_when_complete: from a pipe, stop reading once every item is
 *   answered (`play --measure`, whose answer lines follow); else read to the
 *   end of the input
 *
 * Takes and stores one check for @profile_name.
 *
 * Returns: an exit code
 */
int
lateral_cli_measure_take (const char         *command,
                          LateralStore       *store,
                          LateralMeasure     *measure,
                          LateralMeasureWhen  when,
                          const char         *profile_name,
                          const char         *class_code,
                          const char         *pack_id,
                          const char         *pack_version,
                          const char         *attempt_uuid,
                          gboolean            interactive,
                          gboolean            stop_when_complete)
{
  g_autoptr(LateralProfile) profile = NULL;
  g_autoptr(LateralMeasureSession) session = NULL;
  g_autoptr(GError) error = NULL;

  profile = lateral_store_ensure_profile (store, profile_name, &error);
  if (profile == NULL)
    return lateral_cli_fail (command, "%s", error->message);

  session = lateral_measure_session_new (measure, when, profile->uuid);
  session->class_code = g_strdup (class_code);
  session->pack_id = g_strdup (pack_id);
  session->pack_version = g_strdup (pack_version);
  session->attempt_uuid = g_strdup (attempt_uuid);

  if (!(interactive ? ask (session, measure, &error) : read_piped (session, measure, stop_when_complete, &error)) ||
      !lateral_measure_session_check_complete (session, measure, &error))
    return lateral_cli_fail (command, _("%s; nothing was stored"), error->message);

  if (!lateral_cli_lrs_store_measure (store, session, &error))
    return lateral_cli_fail (command, "%s", error->message);

  print_scores (store, measure, session);
  return LATERAL_CLI_EXIT_OK;
}

int
lateral_cli_measure (int    argc,
                     char **argv)
{
  g_autofree char *when_text = NULL;
  g_autofree char *profile_name = NULL;
  g_autofree char *class_code = NULL;
  g_autofree char *pack_id = NULL;
  gboolean list = FALSE;
  GOptionEntry entries[] = {
    { "when", 'w', 0, G_OPTION_ARG_STRING, &when_text, N_("before or after the case"), N_("before|after") },
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_name, N_("Take it as this learner (created on first use)"), N_("NAME") },
    { "class", 'c', 0, G_OPTION_ARG_STRING, &class_code, N_("Record this class code with it"), N_("CODE") },
    { "pack", 0, 0, G_OPTION_ARG_STRING, &pack_id, N_("The case it is taken for"), N_("ID") },
    { "list", 'l', 0, G_OPTION_ARG_NONE, &list, N_("List the installed instruments and broken instrument files"), NULL },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(LateralMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pack_version = NULL;
  LateralMeasureWhen when;

  if (!lateral_cli_parse_options ("measure", _("INSTRUMENT"),
                                  _("Take a headline test such as the MIST-20 before or after a case. "
                                    "From a pipe, read one line per item: ITEM-ID real|fake, e.g. “f1 fake”, "
                                    "in any order; every item is required."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;

  if (list)
    {
      g_autoptr(GPtrArray) problems = NULL;
      g_autoptr(GPtrArray) all = lateral_measure_list_all (&problems);

      for (guint i = 0; i < all->len; i++)
        g_print ("%-12s  %s\n", lateral_measure_get_id (all->pdata[i]), lateral_measure_get_title (all->pdata[i]));
      for (guint i = 0; i < problems->len; i++)
        g_printerr ("%s\n", (const char *) problems->pdata[i]);
      return problems->len > 0 ? LATERAL_CLI_EXIT_FAILURE : LATERAL_CLI_EXIT_OK;
    }

  if (argc != 2)
    return lateral_cli_usage_error ("measure", _("expected one instrument id, such as mist-20"));
  if (!lateral_measure_when_from_string (when_text, &when))
    return lateral_cli_usage_error ("measure", _("--when must be before or after"));
  if (profile_name == NULL)
    return lateral_cli_usage_error ("measure", _("--profile NAME is required"));

  measure = lateral_measure_find (argv[1], &error);
  if (measure == NULL)
    return lateral_cli_fail ("measure", "%s", error->message);

  if (pack_id != NULL)
    {
      g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
      LateralPack *pack;

      lateral_pack_registry_load (registry, NULL);
      pack = lateral_pack_registry_lookup (registry, pack_id);
      if (pack != NULL)
        pack_version = g_strdup (lateral_pack_get_version (pack));
    }

  store = lateral_cli_open_store ("measure");
  if (store == NULL)
    return LATERAL_CLI_EXIT_FAILURE;

  return lateral_cli_measure_take ("measure", store, measure, when, profile_name, class_code,
                                   pack_id, pack_version, NULL, isatty (STDIN_FILENO), FALSE);
}
