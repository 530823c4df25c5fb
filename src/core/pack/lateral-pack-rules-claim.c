/* lateral-pack-rules-claim.c: the rules of a claim step: verdicts, moves, the reveal
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-pack-reader-private.h"

void
lateral_move_free (LateralMove *move)
{
  if (move == NULL)
    return;
  g_free (move->id);
  g_free (move->label);
  g_free (move->why);
  g_free (move->found);
  g_free (move);
}

static const LateralPackField move_fields[] = {
  { "id", TRUE, N_("a short id such as second-source") },
  { "label", TRUE, N_("text: the check as the learner sees it") },
  { "expected", FALSE, N_("true or false") },
  { "why", FALSE, N_("text: why this check matters or not") },
  { "asks", TRUE, N_("which question the check answers: “who”, “evidence” or “others”"), 2 },
  { "found", FALSE, N_("text: what the check would have found on the as_of date"), 2 },
  { NULL }
};

static void
take_asks (LateralPackReader    *c,
           LateralMove           *move,
           const LateralJsonNode *node)
{
  gsize mark;

  if (node == NULL)
    return;
  mark = lateral_pack_reader_push_name (c, "asks");
  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_STRING, N_("“who”, “evidence” or “others”")) &&
      !lateral_asks_from_string (node->v.string, &move->asks))
    lateral_pack_reader_report (c, node, _("“%s” is not one of the three questions; expected “who” (who is behind it?), “evidence” (what is the evidence?) or “others” (what do other sources say?)"),
                                 node->v.string);
  lateral_pack_reader_pop (c, mark);
}

static const LateralPackField moves_fields[] = {
  { "question", TRUE, N_("text such as “Which checks would you make?”") },
  { "options", TRUE, N_("a list of 1 to 12 checks") },
  { NULL }
};

static void
check_moves (LateralPackReader    *c,
             LateralStep           *step,
             const LateralJsonNode *node)
{
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
  const LateralJsonNode *options;
  g_autoptr(GHashTable) ids = NULL;
  gboolean any_expected = FALSE;
  gsize mark, options_mark;

  if (node == NULL)
    return;

  mark = lateral_pack_reader_push_name (c, "moves");
  if (!lateral_pack_reader_members (c, node, moves_fields, N_("an object with question and options"), v))
    goto out;

  step->moves_question = lateral_pack_reader_take_text (c, "question", v[0]);
  options = v[1];
  if (options == NULL)
    goto out;

  options_mark = lateral_pack_reader_push_name (c, "options");
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  if (lateral_pack_reader_expect_type (c, options, LATERAL_JSON_ARRAY, N_("a list of checks")))
    {
      if (options->n == 0 || options->n > LATERAL_PACK_MAX_OPTIONS)
        lateral_pack_reader_report (c, options, _("has %u options; expected 1 to %d"), options->n, LATERAL_PACK_MAX_OPTIONS);

      for (guint i = 0; i < options->n; i++)
        {
          const LateralJsonNode *o[LATERAL_PACK_MAX_FIELDS];
          gsize item_mark = lateral_pack_reader_push_index (c, i);
          LateralMove *move;

          if (lateral_pack_reader_members (c, options->v.items[i], move_fields, N_("a check: an object with id and label"), o))
            {
              move = g_new0 (LateralMove, 1);
              move->id = lateral_pack_reader_take_id (c, "id", o[0]);
              move->label = lateral_pack_reader_take_text (c, "label", o[1]);
              move->why = lateral_pack_reader_take_text (c, "why", o[3]);
              take_asks (c, move, o[4]);
              move->found = lateral_pack_reader_take_text (c, "found", o[5]);
              if (o[2] != NULL)
                {
                  gsize expected_mark = lateral_pack_reader_push_name (c, "expected");
                  if (lateral_pack_reader_expect_type (c, o[2], LATERAL_JSON_BOOLEAN, N_("true or false")))
                    move->expected = o[2]->v.boolean;
                  lateral_pack_reader_pop (c, expected_mark);
                }
              any_expected |= move->expected;
              g_ptr_array_add (step->moves, move);

              if (move->id != NULL && !g_hash_table_add (ids, move->id))
                {
                  gsize id_mark = lateral_pack_reader_push_name (c, "id");
                  lateral_pack_reader_report (c, o[0], _("option id “%s” is used twice in this claim; ids must be unique"), move->id);
                  lateral_pack_reader_pop (c, id_mark);
                }
            }
          lateral_pack_reader_pop (c, item_mark);
        }

      if (options->n > 0 && !any_expected)
        lateral_pack_reader_report (c, options, _("no option has \"expected\": true; mark at least one check the learner should make"));
    }
  lateral_pack_reader_pop (c, options_mark);

out:
  lateral_pack_reader_pop (c, mark);
}

static void
append_ids (GString   *out,
            GPtrArray *glossary)
{
  for (guint k = 0; k < glossary->len; k++)
    {
      const LateralTechnique *t = g_ptr_array_index (glossary, k);

      if (t->id != NULL)
        g_string_append_printf (out, "%s%s", out->len > 0 ? ", " : "", t->id);
    }
}

/* reveal.techniques (ids of techniques only) or reveal.habits (of habits
 * only): a habit counted as a technique would skew results per technique. */
char **
lateral_pack_reader_take_glossary_ids (LateralPackReader    *c,
                                       const char            *name,
                                       const LateralJsonNode *node,
                                       gboolean               habits)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTable *own = habits ? c->habits : c->techniques;
  GHashTable *other = habits ? c->techniques : c->habits;
  gsize mark = lateral_pack_reader_push_name (c, name);

  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_ARRAY,
                                        habits ? N_("a list of habit ids from the habits glossary")
                                               : N_("a list of technique ids from the glossary")))
    {
      if (node->n == 0 && !habits)
        lateral_pack_reader_report (c, node, _("is an empty list; expected at least one technique id from the glossary"));

      for (guint i = 0; i < node->n; i++)
        {
          gsize item_mark = lateral_pack_reader_push_index (c, i);
          const LateralJsonNode *item = node->v.items[i];

          if (!lateral_pack_reader_expect_type (c, item, LATERAL_JSON_STRING, habits ? N_("a habit id") : N_("a technique id")))
            ;
          else if (!g_hash_table_contains (own, item->v.string) && g_hash_table_contains (other, item->v.string))
            {
              if (habits)
                lateral_pack_reader_report (c, item, _("“%s” is a technique (what the deceiver or the coverage did), not a habit; list it under “techniques”"),
                                             item->v.string);
              else
                lateral_pack_reader_report (c, item, _("“%s” is a habit (what a careful reader does), not a technique; list it under “habits”"),
                                             item->v.string);
            }
          else if (!g_hash_table_contains (own, item->v.string))
            {
              g_autoptr(GString) known = g_string_new (NULL);
              const char *close;

              append_ids (known, habits ? c->pack->habits : c->pack->techniques);
              close = lateral_pack_reader_closest_id (item->v.string, habits ? c->pack->habits : c->pack->techniques);
              if (close != NULL)
                lateral_pack_reader_report (c, item, habits ? _("“%s” is not in the habits glossary; did you mean “%s”? Expected one of: %s")
                                                            : _("“%s” is not in the glossary; did you mean “%s”? Expected one of: %s"),
                                             item->v.string, close, known->str);
              else if (habits)
                lateral_pack_reader_report (c, item, _("“%s” is not in the habits glossary; expected one of: %s"),
                                             item->v.string, known->len > 0 ? known->str : _("(the glossary is empty)"));
              else
                lateral_pack_reader_report (c, item, _("“%s” is not in the glossary; expected one of: %s"),
                                             item->v.string, known->len > 0 ? known->str : _("(the glossary is empty)"));
            }
          else if (!g_hash_table_add (seen, (gpointer) item->v.string))
            lateral_pack_reader_report (c, item, _("“%s” is listed twice; name each technique once"), item->v.string);
          else
            g_strv_builder_add (builder, item->v.string);
          lateral_pack_reader_pop (c, item_mark);
        }
    }
  lateral_pack_reader_pop (c, mark);
  return g_strv_builder_end (builder);
}

static void
take_sources (LateralPackReader    *c,
              const char            *name,
              const LateralJsonNode *sources,
              guint                  min_items,
              GPtrArray             *out)
{
  gsize mark = lateral_pack_reader_push_name (c, name);

  if (lateral_pack_reader_expect_type (c, sources, LATERAL_JSON_ARRAY, N_("a list of sources")))
    {
      if (sources->n < min_items)
        lateral_pack_reader_report (c, sources, _("is an empty list; a reveal needs at least one dated source with its address"));
      else if (sources->n > LATERAL_PACK_MAX_SOURCES)
        lateral_pack_reader_report (c, sources, _("has %u sources; expected at most %d"), sources->n, LATERAL_PACK_MAX_SOURCES);

      for (guint i = 0; i < sources->n; i++)
        {
          gsize item_mark = lateral_pack_reader_push_index (c, i);
          LateralSource *source = lateral_pack_reader_take_source (c, sources->v.items[i]);

          if (source != NULL)
            g_ptr_array_add (out, source);
          lateral_pack_reader_pop (c, item_mark);
        }
    }
  lateral_pack_reader_pop (c, mark);
}

static const LateralPackField reveal_fields[] = {
  { "known_then", TRUE, N_("paragraphs: what could be known on the as_of date") },
  { "explanation", TRUE, N_("paragraphs: why the verdict stands") },
  { "techniques", TRUE, N_("a list of technique ids from the glossary") },
  { "sources", TRUE, N_("a list of 1 to 20 dated sources") },
  { "takeaway", TRUE, N_("text: one line of at most 140 characters to remember"), 2 },
  { "habits", FALSE, N_("a list of habit ids from the habits glossary"), 2 },
  { "reported_later", FALSE, N_("paragraphs: what was reported after the as_of date"), 2 },
  { "later_sources", FALSE, N_("a list of sources dated after the as_of date"), 2 },
  { NULL }
};

#define LATERAL_PACK_MAX_TAKEAWAY 140

static void
check_reveal (LateralPackReader    *c,
              LateralStep           *step,
              const LateralJsonNode *node)
{
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
  gsize mark = lateral_pack_reader_push_name (c, "reveal");

  if (!lateral_pack_reader_members (c, node, reveal_fields, N_("an object with known_then, explanation, techniques and sources"), v))
    goto out;

  step->known_then = lateral_pack_reader_take_paragraphs (c, "known_then", v[0], 1);
  step->explanation = lateral_pack_reader_take_paragraphs (c, "explanation", v[1], 1);
  if (v[2] != NULL)
    step->techniques = lateral_pack_reader_take_glossary_ids (c, "techniques", v[2], FALSE);
  if (v[3] != NULL)
    take_sources (c, "sources", v[3], 1, step->sources);

  step->takeaway = lateral_pack_reader_take_text (c, "takeaway", v[4]);
  if (step->takeaway != NULL && g_utf8_strlen (step->takeaway, -1) > LATERAL_PACK_MAX_TAKEAWAY)
    {
      gsize takeaway_mark = lateral_pack_reader_push_name (c, "takeaway");
      lateral_pack_reader_report (c, v[4], _("is %ld characters long; a takeaway is one line of at most %d characters"),
                                   g_utf8_strlen (step->takeaway, -1), LATERAL_PACK_MAX_TAKEAWAY);
      lateral_pack_reader_pop (c, takeaway_mark);
    }
  if (step->takeaway != NULL && strchr (step->takeaway, '\n') != NULL)
    {
      gsize takeaway_mark = lateral_pack_reader_push_name (c, "takeaway");
      lateral_pack_reader_report (c, v[4], _("has a line break; a takeaway is one line"));
      lateral_pack_reader_pop (c, takeaway_mark);
    }
  if (v[5] != NULL)
    step->habits = lateral_pack_reader_take_glossary_ids (c, "habits", v[5], TRUE);
  step->reported_later = lateral_pack_reader_take_paragraphs (c, "reported_later", v[6], 0);
  if (v[7] != NULL)
    take_sources (c, "later_sources", v[7], 0, step->later_sources);

out:
  if (step->techniques == NULL)
    step->techniques = g_new0 (char *, 1);
  if (step->habits == NULL)
    step->habits = g_new0 (char *, 1);
  if (step->reported_later == NULL)
    step->reported_later = g_new0 (char *, 1);
  lateral_pack_reader_pop (c, mark);
}

static gboolean
take_verdict (LateralPackReader    *c,
              const LateralJsonNode *node,
              LateralVerdict        *out)
{
  if (!lateral_pack_reader_expect_type (c, node, LATERAL_JSON_STRING, N_("a verdict: true, false, misleading or unverified")))
    return FALSE;
  if (lateral_verdict_from_string (node->v.string, out))
    return TRUE;

  lateral_pack_reader_report (c, node, _("“%s” is not a verdict; expected one of: true, false, misleading, unverified"),
                               node->v.string);
  return FALSE;
}

static void
check_also_accepted (LateralPackReader    *c,
                     LateralStep           *step,
                     gboolean               have_verdict,
                     const LateralJsonNode *node)
{
  gsize mark = lateral_pack_reader_push_name (c, "also_accepted");

  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_ARRAY, N_("a list of verdicts")))
    {
      for (guint i = 0; i < node->n; i++)
        {
          gsize item_mark = lateral_pack_reader_push_index (c, i);
          const LateralJsonNode *item = node->v.items[i];
          LateralVerdict verdict;

          if (!take_verdict (c, item, &verdict))
            ;
          else if (have_verdict && verdict == step->verdict)
            lateral_pack_reader_report (c, item, _("“%s” is the claim's verdict already; list only other verdicts"), item->v.string);
          else if (step->accepted & (1u << verdict))
            lateral_pack_reader_report (c, item, _("“%s” is listed twice; list each verdict once"), item->v.string);
          else
            step->accepted |= 1u << verdict;
          lateral_pack_reader_pop (c, item_mark);
        }
    }
  lateral_pack_reader_pop (c, mark);
}

void
lateral_pack_rules_claim (LateralPackReader    *c,
                          LateralStep           *step,
                          const LateralJsonNode *v[])
{
  gboolean have_verdict = FALSE;

  step->claim_index = c->pack->n_claims++;
  step->claim = lateral_pack_reader_take_text (c, "claim", v[2]);
  step->context = lateral_pack_reader_take_paragraphs (c, "context", v[3], 0);
  /* A time of day is /2: an older Lateral would refuse it as a date. */
  step->as_of = lateral_pack_reader_take_moment (c, "as_of", v[4], c->format_version >= 2, &step->as_of_moment);
  if (step->as_of != NULL)
    lateral_pack_reader_remember (c, step, v[4], "as_of");
  lateral_pack_rules_step_artefact (c, step, v[9], v[10]);
  if (v[5] != NULL)
    {
      gsize mark = lateral_pack_reader_push_name (c, "verdict");
      have_verdict = take_verdict (c, v[5], &step->verdict);
      lateral_pack_reader_pop (c, mark);
    }
  if (have_verdict)
    step->accepted = 1u << step->verdict;
  if (v[6] != NULL)
    check_also_accepted (c, step, have_verdict, v[6]);
  check_moves (c, step, v[7]);
  if (v[8] != NULL)
    check_reveal (c, step, v[8]);
}
