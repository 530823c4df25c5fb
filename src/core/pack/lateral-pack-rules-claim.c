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
  g_free (move);
}

static const LateralPackField move_fields[] = {
  { "id", TRUE, N_("a short id such as second-source") },
  { "label", TRUE, N_("text: the check as the learner sees it") },
  { "expected", FALSE, N_("true or false") },
  { "why", FALSE, N_("text: why this check matters or not") },
  { NULL }
};

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
check_reveal_techniques (LateralPackReader    *c,
                         LateralStep           *step,
                         const LateralJsonNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gsize mark = lateral_pack_reader_push_name (c, "techniques");

  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_ARRAY, N_("a list of technique ids from the glossary")))
    {
      if (node->n == 0)
        lateral_pack_reader_report (c, node, _("is an empty list; expected at least one technique id from the glossary"));

      for (guint i = 0; i < node->n; i++)
        {
          gsize item_mark = lateral_pack_reader_push_index (c, i);
          const LateralJsonNode *item = node->v.items[i];

          if (!lateral_pack_reader_expect_type (c, item, LATERAL_JSON_STRING, N_("a technique id")))
            ;
          else if (!g_hash_table_contains (c->techniques, item->v.string))
            {
              g_autoptr(GString) known = g_string_new (NULL);

              for (guint k = 0; k < c->pack->techniques->len; k++)
                {
                  const LateralTechnique *t = g_ptr_array_index (c->pack->techniques, k);

                  if (t->id != NULL)
                    g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", t->id);
                }
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
  step->techniques = g_strv_builder_end (builder);
}

static const LateralPackField reveal_fields[] = {
  { "known_then", TRUE, N_("paragraphs: what could be known on the as_of date") },
  { "explanation", TRUE, N_("paragraphs: why the verdict stands") },
  { "techniques", TRUE, N_("a list of technique ids from the glossary") },
  { "sources", TRUE, N_("a list of 1 to 20 dated sources") },
  { NULL }
};

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
    check_reveal_techniques (c, step, v[2]);

  if (v[3] != NULL)
    {
      gsize sources_mark = lateral_pack_reader_push_name (c, "sources");
      const LateralJsonNode *sources = v[3];

      if (lateral_pack_reader_expect_type (c, sources, LATERAL_JSON_ARRAY, N_("a list of sources")))
        {
          if (sources->n == 0)
            lateral_pack_reader_report (c, sources, _("is an empty list; a reveal needs at least one dated source with its address"));
          else if (sources->n > LATERAL_PACK_MAX_SOURCES)
            lateral_pack_reader_report (c, sources, _("has %u sources; expected at most %d"), sources->n, LATERAL_PACK_MAX_SOURCES);

          for (guint i = 0; i < sources->n; i++)
            {
              gsize item_mark = lateral_pack_reader_push_index (c, i);
              LateralSource *source = lateral_pack_reader_take_source (c, sources->v.items[i]);

              if (source != NULL)
                g_ptr_array_add (step->sources, source);
              lateral_pack_reader_pop (c, item_mark);
            }
        }
      lateral_pack_reader_pop (c, sources_mark);
    }

out:
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
  step->as_of = lateral_pack_reader_take_date (c, "as_of", v[4]);
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
