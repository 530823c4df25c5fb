/* lateral-pack-rules-artefact.c: artefacts (/2), the pieces of the record a claim is about
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A learner judges a post, an article, a statement, a broadcast or a call;
 * the pack gives its parts (who, when, the words) rather than a screenshot,
 * so the app can draw a card that reads the same in every theme, fits a
 * narrow window, and has accessible text built from the same fields. Each
 * kind has its own members, like step types: `kind` is read first.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "json/lateral-json-enum.h"
#include "lateral-pack-reader-private.h"

static const char * const kind_names[LATERAL_N_ARTEFACT_KINDS] = {
  "post", "article", "statement", "broadcast", "call",
};

const char *
lateral_artefact_kind_to_string (LateralArtefactKind kind)
{
  g_return_val_if_fail ((guint) kind < LATERAL_N_ARTEFACT_KINDS, NULL);
  return kind_names[kind];
}

gboolean
lateral_artefact_kind_from_string (const char          *str,
                                   LateralArtefactKind *out_kind)
{
  guint value;

  g_return_val_if_fail (str != NULL, FALSE);

  if (!lateral_json_enum_from_name (kind_names, 0, LATERAL_N_ARTEFACT_KINDS, str, &value))
    return FALSE;
  if (out_kind != NULL)
    *out_kind = value;
  return TRUE;
}

static void
call_line_free (LateralCallLine *line)
{
  g_free (line->who);
  g_free (line->text);
  g_free (line->time);
  g_free (line);
}

void
lateral_artefact_free (LateralArtefact *a)
{
  if (a == NULL)
    return;
  g_free (a->id);
  lateral_source_free (a->source);
  g_free (a->display_name);
  g_free (a->handle);
  g_free (a->time);
  g_strfreev (a->text);
  if (a->image != NULL)
    {
      g_free (a->image->path);
      g_free (a->image->alt);
      g_free (a->image);
    }
  g_free (a->image_description);
  g_free (a->publication);
  g_free (a->headline);
  g_strfreev (a->lede);
  g_free (a->byline);
  g_free (a->speaker);
  g_free (a->role);
  g_strfreev (a->quote);
  g_free (a->channel);
  g_free (a->programme);
  g_free (a->caption);
  g_free (a->date);
  g_free (a->title);
  g_clear_pointer (&a->lines, g_ptr_array_unref);
  g_free (a);
}

/* The first three members are common to every kind. */
#define COMMON_FIELDS \
  { "id", TRUE, N_("a short id such as elton-post"), 2 }, \
  { "kind", TRUE, N_("one of post, article, statement, broadcast, call"), 2 }, \
  { "source", TRUE, N_("a source: where the artefact's text comes from"), 2 }

static const LateralPackField post_fields[] = {
  COMMON_FIELDS,
  { "display_name", TRUE, N_("text: the name the account shows") },
  { "handle", TRUE, N_("text: the account's handle, such as @eltonofficial") },
  { "time", TRUE, N_("when it was posted: YYYY-MM-DD or YYYY-MM-DDTHH:MM with a zone") },
  { "text", TRUE, N_("paragraphs: the post's words") },
  { "image", FALSE, N_("an object with path and alt") },
  { "image_description", FALSE, N_("text: what a photo not shipped with the pack shows") },
  { "counts", FALSE, N_("an object with likes, shares and comments") },
  { NULL }
};

static const LateralPackField article_fields[] = {
  COMMON_FIELDS,
  { "publication", TRUE, N_("text: the newspaper, site or agency") },
  { "headline", TRUE, N_("text: the headline as published") },
  { "lede", FALSE, N_("paragraphs: the first lines of the article") },
  { "byline", FALSE, N_("text: who wrote it") },
  { "date", TRUE, N_("when it was published: YYYY-MM-DD or YYYY-MM-DDTHH:MM with a zone") },
  { NULL }
};

static const LateralPackField statement_fields[] = {
  COMMON_FIELDS,
  { "speaker", TRUE, N_("text: who said it") },
  { "role", TRUE, N_("text: the speaker's role, such as Kremlin spokesman") },
  { "channel", TRUE, N_("text: where it was said, such as a press call") },
  { "quote", TRUE, N_("paragraphs: the words said") },
  { "date", TRUE, N_("when it was said: YYYY-MM-DD or YYYY-MM-DDTHH:MM with a zone") },
  { NULL }
};

static const LateralPackField broadcast_fields[] = {
  COMMON_FIELDS,
  { "programme", TRUE, N_("text: the programme's name") },
  { "channel", TRUE, N_("text: the channel or station") },
  { "caption", TRUE, N_("text: what the screen or the presenter says") },
  { "date", TRUE, N_("when it was broadcast: YYYY-MM-DD or YYYY-MM-DDTHH:MM with a zone") },
  { NULL }
};

static const LateralPackField call_fields[] = {
  COMMON_FIELDS,
  { "title", TRUE, N_("text: what the call was, such as the call of 17 September") },
  { "lines", TRUE, N_("a list of lines, each with who and text") },
  { NULL }
};

static const LateralPackField call_line_fields[] = {
  { "who", TRUE, N_("text: who speaks") },
  { "text", TRUE, N_("text: what they say") },
  { "time", FALSE, N_("text: when, as written, such as 14:05") },
  { NULL }
};

static const LateralPackField counts_fields[] = {
  { "likes", FALSE, N_("a whole number, 0 or more") },
  { "shares", FALSE, N_("a whole number, 0 or more") },
  { "comments", FALSE, N_("a whole number, 0 or more") },
  { NULL }
};

static const LateralPackField *kind_fields[LATERAL_N_ARTEFACT_KINDS] = {
  post_fields, article_fields, statement_fields, broadcast_fields, call_fields,
};

static gint64
take_count (LateralPackReader    *c,
            const char            *name,
            const LateralJsonNode *node)
{
  gint64 value = -1;
  gsize mark;

  if (node == NULL)
    return -1;
  mark = lateral_pack_reader_push_name (c, name);
  if (node->type != LATERAL_JSON_NUMBER)
    lateral_pack_reader_report (c, node, _("expected a whole number, 0 or more, found %s"),
                                 lateral_json_type_name (node->type));
  else if (!node->integral || node->v.number < 0 || node->v.number > 1e15)
    lateral_pack_reader_report (c, node, _("expected a whole number from 0 to 10^15, found %g"), node->v.number);
  else
    value = (gint64) node->v.number;
  lateral_pack_reader_pop (c, mark);
  return value;
}

static void
take_counts (LateralPackReader    *c,
             LateralArtefact       *a,
             const LateralJsonNode *node)
{
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
  gsize mark = lateral_pack_reader_push_name (c, "counts");

  if (lateral_pack_reader_members (c, node, counts_fields, N_("an object with likes, shares and comments"), v))
    {
      a->has_counts = TRUE;
      a->likes = take_count (c, "likes", v[0]);
      a->shares = take_count (c, "shares", v[1]);
      a->comments = take_count (c, "comments", v[2]);
    }
  lateral_pack_reader_pop (c, mark);
}

static void
take_call_lines (LateralPackReader    *c,
                 LateralArtefact       *a,
                 const LateralJsonNode *node)
{
  gsize mark = lateral_pack_reader_push_name (c, "lines");

  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_ARRAY, N_("a list of lines, each with who and text")))
    {
      if (node->n == 0)
        lateral_pack_reader_report (c, node, _("is an empty list; expected at least one line of the call"));
      for (guint i = 0; i < node->n; i++)
        {
          const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
          gsize item_mark = lateral_pack_reader_push_index (c, i);

          if (lateral_pack_reader_members (c, node->v.items[i], call_line_fields, N_("a line: an object with who and text"), v))
            {
              LateralCallLine *line = g_new0 (LateralCallLine, 1);

              line->who = lateral_pack_reader_take_text (c, "who", v[0]);
              line->text = lateral_pack_reader_take_text (c, "text", v[1]);
              line->time = lateral_pack_reader_take_text (c, "time", v[2]);
              g_ptr_array_add (a->lines, line);
            }
          lateral_pack_reader_pop (c, item_mark);
        }
    }
  lateral_pack_reader_pop (c, mark);
}

/* The members of one kind; v[0..2] are the common ones. */
static void
take_kind_members (LateralPackReader     *c,
                   LateralArtefact        *a,
                   const LateralJsonNode **v)
{
  switch (a->kind)
    {
    case LATERAL_ARTEFACT_POST:
      a->display_name = lateral_pack_reader_take_text (c, "display_name", v[3]);
      a->handle = lateral_pack_reader_take_text (c, "handle", v[4]);
      a->time = lateral_pack_reader_take_moment (c, "time", v[5], TRUE, &a->moment);
      if (a->time != NULL)
        lateral_pack_reader_remember (c, a, v[5], "time");
      a->text = lateral_pack_reader_take_paragraphs (c, "text", v[6], 1);
      if (v[7] != NULL)
        a->image = lateral_pack_reader_take_image (c, v[7]);
      a->image_description = lateral_pack_reader_take_text (c, "image_description", v[8]);
      if (v[7] != NULL && v[8] != NULL)
        {
          gsize mark = lateral_pack_reader_push_name (c, "image_description");
          lateral_pack_reader_report (c, v[8], _("a post has an image or an image_description, not both; keep one"));
          lateral_pack_reader_pop (c, mark);
        }
      if (v[9] != NULL)
        take_counts (c, a, v[9]);
      break;

    case LATERAL_ARTEFACT_ARTICLE:
      a->publication = lateral_pack_reader_take_text (c, "publication", v[3]);
      a->headline = lateral_pack_reader_take_text (c, "headline", v[4]);
      if (v[5] != NULL)
        a->lede = lateral_pack_reader_take_paragraphs (c, "lede", v[5], 1);
      a->byline = lateral_pack_reader_take_text (c, "byline", v[6]);
      a->date = lateral_pack_reader_take_moment (c, "date", v[7], TRUE, &a->moment);
      if (a->date != NULL)
        lateral_pack_reader_remember (c, a, v[7], "date");
      break;

    case LATERAL_ARTEFACT_STATEMENT:
      a->speaker = lateral_pack_reader_take_text (c, "speaker", v[3]);
      a->role = lateral_pack_reader_take_text (c, "role", v[4]);
      a->channel = lateral_pack_reader_take_text (c, "channel", v[5]);
      a->quote = lateral_pack_reader_take_paragraphs (c, "quote", v[6], 1);
      a->date = lateral_pack_reader_take_moment (c, "date", v[7], TRUE, &a->moment);
      if (a->date != NULL)
        lateral_pack_reader_remember (c, a, v[7], "date");
      break;

    case LATERAL_ARTEFACT_BROADCAST:
      a->programme = lateral_pack_reader_take_text (c, "programme", v[3]);
      a->channel = lateral_pack_reader_take_text (c, "channel", v[4]);
      a->caption = lateral_pack_reader_take_text (c, "caption", v[5]);
      a->date = lateral_pack_reader_take_moment (c, "date", v[6], TRUE, &a->moment);
      if (a->date != NULL)
        lateral_pack_reader_remember (c, a, v[6], "date");
      break;

    case LATERAL_ARTEFACT_CALL:
      a->title = lateral_pack_reader_take_text (c, "title", v[3]);
      a->lines = g_ptr_array_new_with_free_func ((GDestroyNotify) call_line_free);
      if (v[4] != NULL)
        take_call_lines (c, a, v[4]);
      /* A call has no date of its own: it is as old as its record. */
      if (a->source != NULL && a->source->date != NULL)
        a->moment = a->source->moment;
      break;

    default:
      g_assert_not_reached ();
    }
}

/**
 * lateral_pack_rules_artefact:
 * @node: the artefact object, the value of a step's "artefact"
 *
 * Reads an artefact, reporting what is wrong where it is.
 *
 * Returns: (transfer full) (nullable): the artefact, or %NULL when its kind
 *   is unknown or it is not an object
 */
LateralArtefact *
lateral_pack_rules_artefact (LateralPackReader    *c,
                             const LateralJsonNode *node)
{
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
  const LateralJsonNode *kind;
  LateralArtefact *a = NULL;
  LateralArtefactKind k;
  gsize mark = lateral_pack_reader_push_name (c, "artefact");

  if (!lateral_pack_reader_expect_type (c, node, LATERAL_JSON_OBJECT, N_("an artefact: an object with id, kind and source")))
    goto out;

  kind = lateral_pack_reader_find_member (node, "kind");
  if (kind == NULL)
    {
      lateral_pack_reader_report (c, node, _("missing required member “kind” (one of post, article, statement, broadcast, call)"));
      goto out;
    }
  if (kind->type != LATERAL_JSON_STRING || !lateral_artefact_kind_from_string (kind->v.string, &k))
    {
      gsize kind_mark = lateral_pack_reader_push_name (c, "kind");
      lateral_pack_reader_report (c, kind, _("expected one of post, article, statement, broadcast, call"));
      lateral_pack_reader_pop (c, kind_mark);
      goto out;
    }

  if (!lateral_pack_reader_members (c, node, kind_fields[k], N_("an artefact: an object with id, kind and source"), v))
    goto out;

  a = g_new0 (LateralArtefact, 1);
  a->kind = k;
  a->likes = a->shares = a->comments = -1;
  a->id = lateral_pack_reader_take_id (c, "id", v[0]);
  if (a->id != NULL && g_hash_table_contains (c->artefact_ids, a->id))
    {
      gsize id_mark = lateral_pack_reader_push_name (c, "id");
      lateral_pack_reader_report (c, v[0], _("artefact id “%s” is already used; ids must be unique among the pack's artefacts"), a->id);
      lateral_pack_reader_pop (c, id_mark);
    }
  if (v[2] != NULL)
    {
      gsize source_mark = lateral_pack_reader_push_name (c, "source");
      a->source = lateral_pack_reader_take_source (c, v[2]);
      lateral_pack_reader_pop (c, source_mark);
    }
  take_kind_members (c, a, v);

out:
  lateral_pack_reader_pop (c, mark);
  return a;
}

static void
append_paragraphs (GString            *out,
                   const char * const *paragraphs)
{
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    g_string_append_printf (out, "\n%s", paragraphs[i]);
}

/**
 * lateral_artefact_get_accessible_text:
 *
 * What a screen reader says for an artefact's card, built from its fields
 * (packs give no separate alt text, so the two never drift apart).
 *
 * Returns: (transfer full): one line of what it is, then its words
 */
char *
lateral_artefact_get_accessible_text (const LateralArtefact *a)
{
  GString *out;

  g_return_val_if_fail (a != NULL, NULL);

  out = g_string_new (NULL);
  switch (a->kind)
    {
    case LATERAL_ARTEFACT_POST:
      /* TRANSLATORS: a social media post, e.g. "Post by Elton John (@eltonofficial), 2015-09-14" */
      g_string_append_printf (out, _("Post by %s (%s), %s"), a->display_name, a->handle, a->time);
      append_paragraphs (out, (const char * const *) a->text);
      if (a->image != NULL)
        g_string_append_printf (out, "\n%s %s", _("Image:"), a->image->alt);
      else if (a->image_description != NULL)
        g_string_append_printf (out, "\n%s %s", _("Image:"), a->image_description);
      break;
    case LATERAL_ARTEFACT_ARTICLE:
      /* TRANSLATORS: a news article, e.g. "Article in ABC News, 2015-09-15: Headline" */
      g_string_append_printf (out, _("Article in %s, %s: %s"), a->publication, a->date, a->headline);
      if (a->byline != NULL)
        g_string_append_printf (out, "\n%s", a->byline);
      append_paragraphs (out, (const char * const *) a->lede);
      break;
    case LATERAL_ARTEFACT_STATEMENT:
      /* TRANSLATORS: e.g. "Statement by Dmitry Peskov, Kremlin spokesman, press call, 2015-09-15" */
      g_string_append_printf (out, _("Statement by %s, %s, %s, %s"), a->speaker, a->role, a->channel, a->date);
      append_paragraphs (out, (const char * const *) a->quote);
      break;
    case LATERAL_ARTEFACT_BROADCAST:
      /* TRANSLATORS: e.g. "Broadcast: Vesti on Rossiya 1, 2015-09-24" */
      g_string_append_printf (out, _("Broadcast: %s on %s, %s"), a->programme, a->channel, a->date);
      g_string_append_printf (out, "\n%s", a->caption);
      break;
    case LATERAL_ARTEFACT_CALL:
      /* TRANSLATORS: a phone call's transcript, e.g. "Call: The call of 17 September" */
      g_string_append_printf (out, _("Call: %s"), a->title);
      for (guint i = 0; a->lines != NULL && i < a->lines->len; i++)
        {
          const LateralCallLine *line = g_ptr_array_index (a->lines, i);
          /* TRANSLATORS: one line of a call's transcript: who, then what they say */
          g_string_append_printf (out, "\n");
          g_string_append_printf (out, _("%s: %s"), line->who, line->text);
        }
      break;
    default:
      g_assert_not_reached ();
    }
  return g_string_free (out, FALSE);
}
