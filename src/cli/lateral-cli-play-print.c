/* lateral-cli-play-print.c: how `lateral-cli play` shows a case
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Plain text, wrapped, no colour or cursor tricks: it has to read well in a
 * screen reader, a log file and a pipe. Pack text is data and is printed
 * as it is. A lateral-pack/2 case's artefacts (the post, the headline, the
 * statement a claim is about) are printed as the app's cards read them out,
 * and its reveals carry their takeaway, habits, later reporting and what
 * each useful check would have found.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-cli-play-private.h"
#include "play/lateral-scoring.h"

#define WIDTH 76

/* Word-wraps one paragraph at WIDTH characters, each line indented. */
static void
print_wrapped (const char *indent,
               const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \t\n", -1);
  g_autoptr(GString) line = g_string_new (indent);
  glong indent_length = g_utf8_strlen (indent, -1);
  glong length = indent_length;

  for (guint i = 0; words[i] != NULL; i++)
    {
      glong word_length = g_utf8_strlen (words[i], -1);

      if (word_length == 0)
        continue;
      if (length > indent_length && length + 1 + word_length > WIDTH)
        {
          g_print ("%s\n", line->str);
          g_string_assign (line, indent);
          length = indent_length;
        }
      if (length > indent_length)
        {
          g_string_append_c (line, ' ');
          length++;
        }
      g_string_append (line, words[i]);
      length += word_length;
    }
  g_print ("%s\n", line->str);
}

static void
print_paragraphs (const char         *indent,
                  const char * const *paragraphs)
{
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    print_wrapped (indent, paragraphs[i]);
}

static void
print_source (const char          *indent,
              const LateralSource *source)
{
  g_autofree char *text = g_strdup_printf ("%s, “%s”, %s: %s", source->publisher, source->title,
                                           source->date, source->url);

  print_wrapped (indent, text);
}

/* An artefact (lateral-pack/2) as its card's accessible text: a line saying
 * what it is, then its words, set off by a bar so that a post or a headline
 * reads as the thing itself, not as the case's narration. */
static void
print_artefact (const LateralArtefact *artefact)
{
  g_autofree char *text = NULL;
  g_auto(GStrv) lines = NULL;

  if (artefact == NULL)
    return;
  text = lateral_artefact_get_accessible_text (artefact);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    print_wrapped (i == 0 ? "  " : "  | ", lines[i]);
}

static void
print_sources (const char *heading_one,
               const char *heading_many,
               GPtrArray  *sources)
{
  if (sources == NULL || sources->len == 0)
    return;
  g_print ("%s\n", sources->len == 1 ? heading_one : heading_many);
  for (guint i = 0; i < sources->len; i++)
    print_source ("  ", g_ptr_array_index (sources, i));
}

void
lateral_cli_print_intro (LateralPlay *play)
{
  LateralPack *pack = lateral_play_get_pack (play);
  LateralProfile *profile = lateral_play_get_profile (play);
  guint n_claims = lateral_pack_get_n_claims (pack);

  g_print ("%s\n", lateral_pack_get_title (pack));
  print_wrapped ("", lateral_pack_get_summary (pack));
  g_print ("\n");
  if (profile != NULL)
    {
      g_autofree char *who = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                           "Playing as %s. %u claim to judge: give each a verdict "
                                                           "and how sure you are (1 = guessing, 3 = sure).",
                                                           "Playing as %s. %u claims to judge: give each a verdict "
                                                           "and how sure you are (1 = guessing, 3 = sure).",
                                                           n_claims),
                                              profile->name, n_claims);
      print_wrapped ("", who);
    }
  if (lateral_play_is_resumed (play))
    {
      g_autofree char *resumed = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                               "Going on with your unfinished attempt: %u claim answered so far.",
                                                               "Going on with your unfinished attempt: %u claims answered so far.",
                                                               lateral_play_get_n_answered (play)),
                                                  lateral_play_get_n_answered (play));
      print_wrapped ("", resumed);
    }
  g_print ("\n");
}

void
lateral_cli_print_story (const LateralStep *step)
{
  g_print ("== %s (%s) ==\n", step->title, step->date);
  print_paragraphs ("", (const char * const *) step->text);
  if (step->image != NULL)
    {
      g_autofree char *image = g_strdup_printf (_("[Picture: %s]"), step->image->alt);

      print_wrapped ("", image);
    }
  print_artefact (step->artefact);
  print_sources (_("Source:"), _("Sources:"), step->sources);
  g_print ("\n");
}

void
lateral_cli_print_claim (LateralPack       *pack,
                         const LateralStep *step)
{
  g_print (_("== Claim %u of %u, as of %s ==\n"), step->claim_index + 1, lateral_pack_get_n_claims (pack),
           step->as_of);
  print_wrapped ("  ", step->claim);
  if (step->context != NULL && step->context[0] != NULL)
    {
      g_print ("\n");
      print_paragraphs ("", (const char * const *) step->context);
    }
  if (step->artefact != NULL)
    {
      g_print ("\n");
      print_artefact (step->artefact);
    }
  if (step->moves->len > 0)
    {
      g_print ("\n");
      print_wrapped ("", step->moves_question);
      for (guint i = 0; i < step->moves->len; i++)
        {
          const LateralMove *move = g_ptr_array_index (step->moves, i);

          g_print ("  %-20s %s\n", move->id, move->label);
        }
    }
  g_print ("\n");
}

void
lateral_cli_print_prompt (const LateralStep *step)
{
  if (step->moves->len > 0)
    g_print ("%s", _("Verdict (true, false, misleading, unverified), certainty (1-3), "
                     "and the checks you would make, separated by commas\n"
                     "  e.g. “misleading 2 ") );
  else
    g_print ("%s", _("Verdict (true, false, misleading, unverified) and certainty (1-3)\n"
                     "  e.g. “misleading 2"));
  if (step->moves->len > 0)
    g_print ("%s", ((const LateralMove *) g_ptr_array_index (step->moves, 0))->id);
  g_print ("”\n> ");
}

static void
print_accepted (const LateralStep *step)
{
  g_autoptr(GString) also = g_string_new (NULL);

  for (guint v = 0; v < LATERAL_N_VERDICTS; v++)
    {
      if (v != step->verdict && lateral_step_accepts (step, v))
        g_string_append_printf (also, "%s%s", also->len > 0 ? ", " : "", lateral_verdict_get_label (v));
    }

  if (also->len > 0)
    g_print (_("The verdict: %s (also counted right: %s).\n"), lateral_verdict_get_label (step->verdict), also->str);
  else
    g_print (_("The verdict: %s.\n"), lateral_verdict_get_label (step->verdict));
}

static void
print_moves_feedback (const LateralStep   *step,
                      const LateralAnswer *answer)
{
  g_print ("%s\n", _("Checks:"));
  for (guint i = 0; i < step->moves->len; i++)
    {
      const LateralMove *move = g_ptr_array_index (step->moves, i);
      gboolean picked = g_strv_contains ((const char * const *) answer->moves, move->id);
      g_autofree char *line = NULL;

      /* TRANSLATORS: [x] picked, [ ] not picked; then the check and whether it helps */
      line = g_strdup_printf ("[%s] %s (%s)%s%s", picked ? "x" : " ", move->label,
                              move->expected ? _("a useful check") : _("not much help here"),
                              move->why != NULL ? ": " : "", move->why != NULL ? move->why : "");
      print_wrapped ("  ", line);
      if (move->found != NULL)
        {
          /* TRANSLATORS: what a check would have found on the claim's date */
          g_autofree char *found = g_strdup_printf (_("Found then: %s"), move->found);

          print_wrapped ("      ", found);
        }
    }
}

void
lateral_cli_print_reveal (LateralPack         *pack,
                          const LateralStep   *step,
                          const LateralAnswer *answer)
{
  g_print (answer->correct ? _("Your answer: %s, certainty %d: right (%+d).\n")
                           : _("Your answer: %s, certainty %d: not right (%+d).\n"),
           lateral_verdict_get_label (answer->verdict), answer->certainty, answer->mark);
  print_accepted (step);
  if (step->takeaway != NULL)
    {
      /* TRANSLATORS: the one line to remember from a reveal */
      g_autofree char *takeaway = g_strdup_printf (_("Takeaway: %s"), step->takeaway);

      print_wrapped ("", takeaway);
    }

  g_print ("\n");
  g_print (_("What could be known on %s:\n"), step->as_of);
  print_paragraphs ("  ", (const char * const *) step->known_then);
  g_print ("%s\n", _("Why:"));
  print_paragraphs ("  ", (const char * const *) step->explanation);

  if (step->techniques != NULL && step->techniques[0] != NULL)
    {
      g_print ("%s\n", _("Techniques:"));
      for (guint i = 0; step->techniques[i] != NULL; i++)
        {
          const LateralTechnique *technique = lateral_pack_find_technique (pack, step->techniques[i]);
          g_autofree char *line = NULL;

          if (technique == NULL)
            continue;
          line = g_strdup_printf ("%s: %s", technique->name, technique->description);
          print_wrapped ("  ", line);
        }
    }

  if (step->habits != NULL && step->habits[0] != NULL)
    {
      g_print ("%s\n", _("Habits:"));
      for (guint i = 0; step->habits[i] != NULL; i++)
        {
          const LateralHabit *habit = lateral_pack_find_habit (pack, step->habits[i]);
          g_autofree char *line = NULL;

          if (habit == NULL)
            continue;
          line = g_strdup_printf ("%s: %s", habit->name, habit->description);
          print_wrapped ("  ", line);
        }
    }

  g_print ("%s\n", _("Sources:"));
  for (guint i = 0; i < step->sources->len; i++)
    print_source ("  ", g_ptr_array_index (step->sources, i));

  if ((step->reported_later != NULL && step->reported_later[0] != NULL) ||
      (step->later_sources != NULL && step->later_sources->len > 0))
    {
      g_print ("%s\n", _("Reported later:"));
      print_paragraphs ("  ", (const char * const *) step->reported_later);
      for (guint i = 0; step->later_sources != NULL && i < step->later_sources->len; i++)
        print_source ("  ", g_ptr_array_index (step->later_sources, i));
    }

  if (step->moves->len > 0)
    print_moves_feedback (step, answer);
  g_print ("\n");
}

void
lateral_cli_print_summary (LateralPlay *play)
{
  LateralPack *pack = lateral_play_get_pack (play);
  LateralAttempt *attempt = lateral_play_get_attempt (play);
  g_autoptr(LateralTally) tally = lateral_tally_new ();
  g_auto(GStrv) techniques = NULL;
  int best;

  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);
      const LateralAnswer *answer;

      if (step->type != LATERAL_STEP_CLAIM)
        continue;
      answer = lateral_play_get_answer (play, step->id);
      if (answer != NULL)
        lateral_tally_add (tally, step, answer->correct, answer->certainty, answer->mark);
    }

  g_print ("== %s ==\n", _("Summary"));
  g_print (_("Claims answered: %u of %u\n"), tally->n_answers, lateral_pack_get_n_claims (pack));
  g_print (_("Right: %u (%.0f%%)\n"), tally->n_correct, 100 * lateral_tally_get_accuracy (tally));
  g_print (_("Certainty-based mark: %+d (from %+d to %+d possible)\n"), tally->total_mark,
           -6 * (int) tally->n_answers, 3 * (int) tally->n_answers);

  for (int certainty = LATERAL_CERTAINTY_MIN; certainty <= LATERAL_CERTAINTY_MAX; certainty++)
    {
      const LateralTallyCount *count = &tally->by_certainty[certainty];

      if (count->answered > 0)
        g_print (_("  at certainty %d: %u of %u right\n"), certainty, count->correct, count->answered);
    }
  if (tally->n_answers > 0)
    g_print (_("Calibration: %s\n"), lateral_calibration_get_label (lateral_tally_get_calibration (tally)));

  techniques = lateral_tally_list_techniques (tally);
  if (techniques != NULL && techniques[0] != NULL)
    {
      g_print ("%s\n", _("By technique:"));
      for (guint i = 0; techniques[i] != NULL; i++)
        {
          const LateralTechnique *technique = lateral_pack_find_technique (pack, techniques[i]);
          const LateralTallyCount *count = lateral_tally_get_technique (tally, techniques[i]);

          g_print (_("  %s: %u of %u right\n"), technique != NULL ? technique->name : techniques[i],
                   count->correct, count->answered);
        }
    }

  if (attempt != NULL &&
      lateral_store_get_best_mark (lateral_play_get_store (play), attempt->profile_uuid,
                                   attempt->pack_id, &best, NULL))
    g_print (_("Your best mark on this case: %+d\n"), best);
}
