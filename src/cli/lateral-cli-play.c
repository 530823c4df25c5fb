/* lateral-cli-play.c: `lateral-cli play`, a case in the terminal
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same LateralPlay as the app. On a terminal it prompts; from a pipe it
 * reads one line per claim, `VERDICT CERTAINTY [MOVE,MOVE…]`, and prints each
 * reveal without waiting, so a class can be simulated with a script. A
 * reveal is printed only after lateral_play_answer() returned, that is after
 * the answer was committed.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n.h>

#include "lateral-answer-line.h"
#include "measure/lateral-measure.h"
#include "lateral-cli.h"
#include "lateral-cli-lrs.h"
#include "lateral-cli-play-private.h"
#include "pack/lateral-pack-registry.h"
#include "play/lateral-play.h"

typedef struct {
  LateralPlay *play;
  gboolean     interactive;
  guint        line_number;
} Session;

/* Past this, a line is only read to its end, not kept: far longer than any
 * answer (lateral_answer_line_parse() refuses it for its length), and a
 * script sending an endless line cannot exhaust the memory. */
#define MAX_KEPT_LINE (64 * 1024)

/* Reads one line without its end; NULL at the end of input. */
static char *
read_line (void)
{
  g_autoptr(GString) line = g_string_new (NULL);
  char buffer[1024];

  while (fgets (buffer, sizeof buffer, stdin) != NULL)
    {
      if (line->len > MAX_KEPT_LINE)
        {
          size_t length = strlen (buffer);

          if (length > 0 && buffer[length - 1] == '\n')
            return g_string_free (g_steal_pointer (&line), FALSE);
          continue;
        }
      g_string_append (line, buffer);
      if (line->len > 0 && line->str[line->len - 1] == '\n')
        {
          g_string_truncate (line, line->len - 1);
          if (line->len > 0 && line->str[line->len - 1] == '\r')
            g_string_truncate (line, line->len - 1);
          return g_string_free (g_steal_pointer (&line), FALSE);
        }
    }

  if (line->len > 0)
    return g_string_free (g_steal_pointer (&line), FALSE);

  return NULL;
}

static LateralPack *
load_pack (const char *id_or_file)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPackRegistry) registry = NULL;
  LateralPack *pack;

  if (strchr (id_or_file, G_DIR_SEPARATOR) != NULL || g_str_has_suffix (id_or_file, ".json"))
    {
      g_autoptr(GPtrArray) diagnostics = NULL;

      pack = lateral_pack_load_file (id_or_file, &diagnostics, &error);
      if (pack == NULL)
        {
          for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
            {
              g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, i));

              g_printerr ("%s\n", line);
            }
          if (diagnostics == NULL || diagnostics->len == 0)
            lateral_cli_fail ("play", "%s", error->message);
        }
      return pack;
    }

  registry = lateral_pack_registry_new ();
  if (!lateral_pack_registry_load (registry, &error))
    {
      lateral_cli_fail ("play", "%s", error->message);
      return NULL;
    }
  pack = lateral_pack_registry_lookup (registry, id_or_file);
  if (pack == NULL)
    {
      lateral_cli_fail ("play", _("no pack with id “%s”; “lateral-cli packs” lists them"), id_or_file);
      return NULL;
    }

  return g_object_ref (pack);
}

/* The name to play under: --profile, else the last one used, else asked for. */
static char *
choose_profile (LateralStore *store,
                const char   *given,
                gboolean      interactive)
{
  g_autoptr(LateralProfile) last = NULL;
  g_autoptr(GError) error = NULL;

  if (given != NULL)
    return g_strdup (given);

  last = lateral_store_get_last_profile (store, &error);
  if (last != NULL)
    return g_strdup (last->name);
  if (error != NULL)
    {
      lateral_cli_fail ("play", "%s", error->message);
      return NULL;
    }

  if (!interactive)
    {
      lateral_cli_usage_error ("play", _("there is no profile yet: give one with --profile NAME"));
      return NULL;
    }

  g_print (_("What is your name? "));
  fflush (stdout);
  return read_line ();
}

/* Asks (terminal) or reads (pipe) answers until one is stored. Returns the
 * stored answer, or NULL when the run must end (the reason printed). */
static const LateralAnswer *
answer_claim (Session           *session,
              const LateralStep *step)
{
  gint64 shown_at = g_get_monotonic_time ();

  for (;;)
    {
      g_autofree char *line = NULL;
      g_auto(GStrv) moves = NULL;
      g_autoptr(GError) error = NULL;
      const LateralAnswer *answer;
      LateralVerdict verdict;
      int certainty;

      if (session->interactive)
        {
          lateral_cli_print_prompt (step);
          fflush (stdout);
        }

      line = read_line ();
      session->line_number++;
      if (line == NULL)
        {
          if (session->interactive)
            g_print ("\n");
          lateral_cli_fail ("play", _("the input ended before claim “%s” was answered; "
                                      "play again to go on from there"), step->id);
          return NULL;
        }

      if (lateral_answer_line_parse (line, &verdict, &certainty, &moves, &error))
        {
          guint time_ms = (g_get_monotonic_time () - shown_at) / 1000;

          answer = lateral_play_answer (session->play, verdict, certainty,
                                        (const char * const *) moves, time_ms, &error);
          if (answer != NULL)
            return answer;
        }

      /* A refused line: asked again on a terminal, the end of a script's run. */
      if (session->interactive && error->domain == LATERAL_ANSWER_LINE_ERROR)
        g_print ("%s\n", error->message);
      else if (session->interactive && g_error_matches (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID))
        g_print ("%s\n", error->message);
      else if (!session->interactive
               && (error->domain == LATERAL_PLAY_ERROR || error->domain == LATERAL_ANSWER_LINE_ERROR))
        {
          lateral_cli_fail ("play", _("line %u: %s"), session->line_number, error->message);
          return NULL;
        }
      else
        {
          lateral_cli_fail ("play", "%s", error->message);
          return NULL;
        }
    }
}

static gboolean
wait_for_enter (Session *session)
{
  g_autofree char *line = NULL;

  if (!session->interactive)
    return TRUE;

  g_print ("%s", _("[Enter] to go on "));
  fflush (stdout);
  line = read_line ();
  g_print ("\n");

  return line != NULL;
}

static int
run (Session *session)
{
  g_autoptr(GError) error = NULL;
  LateralPack *pack = lateral_play_get_pack (session->play);

  lateral_cli_print_intro (session->play);

  for (;;)
    {
      const LateralStep *step = lateral_play_get_current_step (session->play);

      if (step->type == LATERAL_STEP_STORY)
        {
          lateral_cli_print_story (step);
          if (!wait_for_enter (session))
            return LATERAL_CLI_EXIT_OK;
        }
      else if (lateral_play_get_answer (session->play, step->id) == NULL)
        {
          const LateralAnswer *answer;

          lateral_cli_print_claim (pack, step);
          fflush (stdout);
          answer = answer_claim (session, step);
          if (answer == NULL)
            return LATERAL_CLI_EXIT_FAILURE;
          /* Only now, with the answer committed, the reveal. */
          lateral_cli_print_reveal (pack, step, answer);
          fflush (stdout);
          if (!wait_for_enter (session))
            return LATERAL_CLI_EXIT_OK;
        }

      if (!lateral_play_advance (session->play, &error))
        break;
    }

  if (error != NULL)
    return lateral_cli_fail ("play", "%s", error->message);

  lateral_cli_print_summary (session->play);
  return LATERAL_CLI_EXIT_OK;
}

/* A resumed attempt keeps the class code it began with (its first answers
 * were given in that class); say so rather than let --class look applied. */
static void
warn_other_class (LateralPlay *play,
                  const char  *class_code)
{
  const LateralAttempt *attempt = lateral_play_get_attempt (play);

  if (class_code == NULL || !lateral_play_is_resumed (play) || g_strcmp0 (attempt->class_code, class_code) == 0)
    return;

  if (attempt->class_code != NULL)
    g_printerr (_("lateral-cli play: going on with the unfinished attempt begun in class “%s”; "
                  "--class %s applies to new attempts\n"), attempt->class_code, class_code);
  else
    g_printerr (_("lateral-cli play: going on with the unfinished attempt begun without a class code; "
                  "--class %s applies to new attempts\n"), class_code);
}

int
lateral_cli_play (int    argc,
                  char **argv)
{
  g_autofree char *profile_option = NULL;
  g_autofree char *class_code = NULL;
  g_autofree char *profile_name = NULL;
  g_autofree char *measure_id = NULL;
  g_autoptr(LateralMeasure) measure = NULL;
  int status;
  GOptionEntry entries[] = {
    { "profile", 'p', 0, G_OPTION_ARG_STRING, &profile_option, N_("Play as this learner (created on first use)"), N_("NAME") },
    { "class", 'c', 0, G_OPTION_ARG_STRING, &class_code, N_("Record this class code with a new attempt"), N_("CODE") },
    { "measure", 'm', 0, G_OPTION_ARG_STRING, &measure_id, N_("Take this headline test (such as mist-20) before a new attempt and after it; from a pipe its lines come first and last"), N_("ID") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(LateralPack) pack = NULL;
  g_autoptr(LateralPlay) play = NULL;
  g_autoptr(GError) error = NULL;
  Session session = { 0 };

  if (!lateral_cli_parse_options ("play", _("PACK_ID|FILE"),
                                  _("Walk a case step by step: judge each claim with a verdict and a certainty, "
                                    "then see the reveal. From a pipe, read one line per claim: "
                                    "VERDICT CERTAINTY [MOVE,MOVE…], e.g. “misleading 2 find-original,check-date”."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc != 2)
    return lateral_cli_usage_error ("play", _("expected one pack id or file"));

  session.interactive = isatty (STDIN_FILENO);

  if (measure_id != NULL)
    {
      measure = lateral_measure_find (measure_id, &error);
      if (measure == NULL)
        return lateral_cli_fail ("play", "%s", error->message);
    }

  pack = load_pack (argv[1]);
  if (pack == NULL)
    return LATERAL_CLI_EXIT_FAILURE;

  store = lateral_cli_open_store ("play");
  if (store == NULL)
    return LATERAL_CLI_EXIT_FAILURE;

  profile_name = choose_profile (store, profile_option, session.interactive);
  if (profile_name == NULL)
    return profile_option == NULL && !session.interactive ? LATERAL_CLI_EXIT_USAGE : LATERAL_CLI_EXIT_FAILURE;

  play = lateral_play_new (store, pack, profile_name, class_code, &error);
  if (play == NULL)
    return lateral_cli_fail ("play", "%s", error->message);
  warn_other_class (play, class_code);
  lateral_cli_lrs_attach (play);

  session.play = play;

  /* The check before: for a new attempt only (a resumed one had its chance). */
  if (measure != NULL && !lateral_play_is_resumed (play))
    {
      const LateralAttempt *attempt = lateral_play_get_attempt (play);

      status = lateral_cli_measure_take ("play", store, measure, LATERAL_MEASURE_BEFORE, profile_name,
                                         attempt->class_code, lateral_pack_get_id (pack),
                                         lateral_pack_get_version (pack), attempt->uuid,
                                         session.interactive, TRUE);
      if (status != LATERAL_CLI_EXIT_OK)
        return status;
      g_print ("\n");
    }

  status = run (&session);
  if (status != LATERAL_CLI_EXIT_OK || measure == NULL || !lateral_play_is_finished (play))
    return status;

  /* The check after, once the case is done. */
  {
    const LateralAttempt *attempt = lateral_play_get_attempt (play);

    g_print ("\n");
    return lateral_cli_measure_take ("play", store, measure, LATERAL_MEASURE_AFTER, profile_name,
                                     attempt->class_code, lateral_pack_get_id (pack),
                                     lateral_pack_get_version (pack), attempt->uuid,
                                     session.interactive, TRUE);
  }
}
