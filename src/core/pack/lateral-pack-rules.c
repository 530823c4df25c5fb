/* lateral-pack-rules.c: the rules of a pack (/1 and /2) that JSON cannot say: header, glossaries, steps
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk over the positioned tree both checks the pack and builds the
 * model. It never stops at the first problem: an author fixes a file in one
 * round, not one error per round. The model is thrown away when anything
 * was reported, so a half-filled step never escapes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-image-limits.h"
#include "lateral-pack-reader-private.h"

void
lateral_technique_free (LateralTechnique *technique)
{
  if (technique == NULL)
    return;
  g_free (technique->id);
  g_free (technique->name);
  g_free (technique->description);
  g_free (technique);
}

static const LateralPackField technique_fields[] = {
  { "id", TRUE, N_("a short id such as impersonation") },
  { "name", TRUE, N_("text: the technique's name") },
  { "description", TRUE, N_("text: what the technique is") },
  { NULL }
};

static const LateralPackField habit_fields[] = {
  { "id", TRUE, N_("a short id such as search-the-names") },
  { "name", TRUE, N_("text: the habit's name") },
  { "description", TRUE, N_("text: what a careful reader does") },
  { NULL }
};

/* The techniques glossary, or the habits one (/2). An id is in one of the
 * two at most: results per technique must never count a good habit. */
static void
check_glossary (LateralPackReader    *c,
                const LateralJsonNode *node,
                gboolean               habits)
{
  const char *name = habits ? "habits" : "techniques";
  GHashTable *own = habits ? c->habits : c->techniques;
  GHashTable *other = habits ? c->techniques : c->habits;
  GPtrArray *list = habits ? c->pack->habits : c->pack->techniques;
  gsize mark;

  if (node == NULL)
    return;

  mark = lateral_pack_reader_push_name (c, name);
  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_ARRAY, habits ? N_("a list of habits") : N_("a list of techniques")))
    {
      for (guint i = 0; i < node->n; i++)
        {
          const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
          gsize item_mark = lateral_pack_reader_push_index (c, i);
          LateralTechnique *entry;
          const LateralJsonNode *first;

          if (lateral_pack_reader_members (c, node->v.items[i], habits ? habit_fields : technique_fields,
                                            habits ? N_("a habit: an object with id, name and description")
                                                   : N_("a technique: an object with id, name and description"), v))
            {
              entry = g_new0 (LateralTechnique, 1);
              entry->id = lateral_pack_reader_take_id (c, "id", v[0]);
              entry->name = lateral_pack_reader_take_text (c, "name", v[1]);
              entry->description = lateral_pack_reader_take_text (c, "description", v[2]);
              g_ptr_array_add (list, entry);

              if (entry->id == NULL)
                ;
              else if ((first = g_hash_table_lookup (own, entry->id)) != NULL)
                {
                  gsize id_mark = lateral_pack_reader_push_name (c, "id");
                  if (habits)
                    lateral_pack_reader_report (c, v[0], _("habit id “%s” is already used at line %u; ids must be unique"),
                                                 entry->id, first->line);
                  else
                    lateral_pack_reader_report (c, v[0], _("technique id “%s” is already used at line %u; ids must be unique"),
                                                 entry->id, first->line);
                  lateral_pack_reader_pop (c, id_mark);
                }
              else if ((first = g_hash_table_lookup (other, entry->id)) != NULL)
                {
                  gsize id_mark = lateral_pack_reader_push_name (c, "id");
                  lateral_pack_reader_report (c, v[0], _("“%s” is already a technique (line %u); an id is either a technique (what the deceiver or the coverage did) or a habit (what a careful reader does), not both"),
                                               entry->id, first->line);
                  lateral_pack_reader_pop (c, id_mark);
                }
              else
                g_hash_table_insert (own, entry->id, (gpointer) v[0]);
            }
          lateral_pack_reader_pop (c, item_mark);
        }
    }
  lateral_pack_reader_pop (c, mark);
}

static const LateralPackField image_fields[] = {
  { "path", TRUE, N_("a path relative to the pack's folder, such as images/photo.jpg") },
  { "alt", TRUE, N_("text: what the picture shows, for screen readers") },
  { NULL }
};

/* Image paths never leave the pack's folder, not even through a link. */
static char *
resolve_image_path (LateralPackReader    *c,
                    const LateralJsonNode *node,
                    const char            *path)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *real = NULL;

  if (path[0] == '/' || path[0] == '\\' || (g_ascii_isalpha (path[0]) && path[1] == ':'))
    {
      lateral_pack_reader_report (c, node, _("“%s” is an absolute path; expected a path relative to the pack's folder, such as images/photo.jpg"), path);
      return NULL;
    }
  if (strchr (path, '\\') != NULL)
    {
      lateral_pack_reader_report (c, node, _("“%s” contains “\\”; expected “/” between folder names"), path);
      return NULL;
    }

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        {
          lateral_pack_reader_report (c, node, _("“%s” leads outside the pack's folder; expected a path inside it, without “..”"), path);
          return NULL;
        }
    }

  /* Loaded from memory: there is no folder to look in. */
  if (c->pack_dir == NULL)
    return g_strdup (path);

  joined = g_build_filename (c->pack_dir, path, NULL);
  real = realpath (joined, NULL);
  if (real == NULL || !g_file_test (real, G_FILE_TEST_IS_REGULAR))
    {
      lateral_pack_reader_report (c, node, _("image file “%s” not found next to the pack; expected a file in the pack's folder"), path);
      return NULL;
    }
  if (!g_str_has_prefix (real, c->pack_dir) || real[strlen (c->pack_dir)] != G_DIR_SEPARATOR)
    {
      lateral_pack_reader_report (c, node, _("“%s” leads outside the pack's folder through a symbolic link; expected a file inside it"), path);
      return NULL;
    }

  /* A 20 GB file or a decompression bomb is refused here, from its header,
   * so `lateral-cli validate` names it and the app never decodes it. */
  {
    g_autoptr(GError) image_error = NULL;

    if (!lateral_image_check_file (real, NULL, NULL, NULL, &image_error))
      {
        lateral_pack_reader_report (c, node, _("image file “%s” cannot be shown: %s"), path, image_error->message);
        return NULL;
      }
  }

  return g_steal_pointer (&real);
}

LateralImage *
lateral_pack_reader_take_image (LateralPackReader    *c,
                                const LateralJsonNode *node)
{
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
  LateralImage *image = NULL;
  gsize mark = lateral_pack_reader_push_name (c, "image");

  if (lateral_pack_reader_members (c, node, image_fields, N_("an object with path and alt"), v))
    {
      g_autofree char *path = lateral_pack_reader_take_text (c, "path", v[0]);

      image = g_new0 (LateralImage, 1);
      image->alt = lateral_pack_reader_take_text (c, "alt", v[1]);
      if (path != NULL)
        {
          gsize path_mark = lateral_pack_reader_push_name (c, "path");
          image->path = resolve_image_path (c, v[0], path);
          lateral_pack_reader_pop (c, path_mark);
        }
    }
  lateral_pack_reader_pop (c, mark);
  return image;
}

/* The order of claim_fields is read by lateral_pack_rules_claim (). */
static const LateralPackField claim_fields[] = {
  { "id", TRUE, N_("a short id such as first-call") },
  { "type", TRUE, N_("“story” or “claim”") },
  { "claim", TRUE, N_("text: the claim as the learner sees it") },
  { "context", FALSE, N_("a list of paragraphs") },
  { "as_of", TRUE, N_("the date the judgement is made at, YYYY-MM-DD") },
  { "verdict", TRUE, N_("one of true, false, misleading, unverified") },
  { "also_accepted", FALSE, N_("a list of other verdicts") },
  { "moves", FALSE, N_("an object with question and options") },
  { "reveal", TRUE, N_("an object with known_then, explanation, techniques and sources") },
  { "artefact", FALSE, N_("an artefact object: a post, article, statement, broadcast or call"), 2 },
  { "artefact_ref", FALSE, N_("the id of an artefact an earlier step shows"), 2 },
  { NULL }
};

static const LateralPackField story_fields[] = {
  { "id", TRUE, N_("a short id such as the-visit") },
  { "type", TRUE, N_("“story” or “claim”") },
  { "title", TRUE, N_("text") },
  { "date", TRUE, N_("the date of the events, YYYY-MM-DD") },
  { "text", TRUE, N_("a list of paragraphs") },
  { "image", FALSE, N_("an object with path and alt") },
  { "source", FALSE, N_("an object with publisher, title, date and url"), 0, 1 },
  { "sources", FALSE, N_("a list of 1 to 20 dated sources"), 2 },
  { "artefact", FALSE, N_("an artefact object: a post, article, statement, broadcast or call"), 2 },
  { NULL }
};

static void
check_story_sources (LateralPackReader    *c,
                     LateralStep           *step,
                     const LateralJsonNode *sources)
{
  gsize mark = lateral_pack_reader_push_name (c, "sources");

  if (lateral_pack_reader_expect_type (c, sources, LATERAL_JSON_ARRAY, N_("a list of sources")))
    {
      if (sources->n == 0)
        lateral_pack_reader_report (c, sources, _("is an empty list; remove it, or give at least one dated source"));
      else if (sources->n > LATERAL_PACK_MAX_SOURCES)
        lateral_pack_reader_report (c, sources, _("has %u sources; expected at most %d"), sources->n, LATERAL_PACK_MAX_SOURCES);

      for (guint i = 0; i < sources->n && i < LATERAL_PACK_MAX_SOURCES; i++)
        {
          gsize item_mark = lateral_pack_reader_push_index (c, i);
          LateralSource *source = lateral_pack_reader_take_source (c, sources->v.items[i]);

          if (source != NULL)
            g_ptr_array_add (step->sources, source);
          lateral_pack_reader_pop (c, item_mark);
        }
    }
  lateral_pack_reader_pop (c, mark);
}

/* An artefact a step shows; kept by the pack, named by later artefact_refs. */
static void
check_step_artefact (LateralPackReader    *c,
                     LateralStep           *step,
                     const LateralJsonNode *node)
{
  LateralArtefact *artefact = lateral_pack_rules_artefact (c, node);

  if (artefact == NULL)
    return;
  g_ptr_array_add (c->pack->artefacts, artefact);
  step->artefact = artefact;
  if (artefact->id != NULL && !g_hash_table_contains (c->artefact_ids, artefact->id))
    g_hash_table_insert (c->artefact_ids, artefact->id, artefact);
}

static void
check_artefact_ref (LateralPackReader    *c,
                    LateralStep           *step,
                    const LateralJsonNode *node)
{
  gsize mark = lateral_pack_reader_push_name (c, "artefact_ref");
  g_autofree char *id = lateral_pack_reader_take_id (c, "artefact_ref", node);

  lateral_pack_reader_pop (c, mark);
  if (id == NULL)
    return;

  step->artefact = g_hash_table_lookup (c->artefact_ids, id);
  step->artefact_is_ref = TRUE;
  if (step->artefact == NULL)
    {
      g_autoptr(GString) known = g_string_new (NULL);

      for (guint k = 0; k < c->pack->artefacts->len; k++)
        {
          const LateralArtefact *a = g_ptr_array_index (c->pack->artefacts, k);

          /* Each id once: a repeated id was reported where it is. */
          if (a->id != NULL && g_hash_table_lookup (c->artefact_ids, a->id) == a)
            g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", a->id);
        }
      mark = lateral_pack_reader_push_name (c, "artefact_ref");
      lateral_pack_reader_report (c, node, _("no earlier step shows an artefact “%s”; expected one of: %s"),
                                   id, known->len > 0 ? known->str : _("(no artefact so far)"));
      lateral_pack_reader_pop (c, mark);
    }
}

static void
check_story (LateralPackReader    *c,
             LateralStep           *step,
             const LateralJsonNode *v[])
{
  step->title = lateral_pack_reader_take_text (c, "title", v[2]);
  step->date = lateral_pack_reader_take_date (c, "date", v[3]);
  if (step->date != NULL)
    lateral_pack_reader_remember (c, step, v[3], "date");
  step->text = lateral_pack_reader_take_paragraphs (c, "text", v[4], 1);
  if (v[5] != NULL)
    step->image = lateral_pack_reader_take_image (c, v[5]);
  if (v[6] != NULL)
    {
      gsize mark = lateral_pack_reader_push_name (c, "source");
      LateralSource *source = lateral_pack_reader_take_source (c, v[6]);

      if (source != NULL)
        g_ptr_array_add (step->sources, source);
      lateral_pack_reader_pop (c, mark);
    }
  if (v[7] != NULL)
    check_story_sources (c, step, v[7]);
  if (v[8] != NULL)
    check_step_artefact (c, step, v[8]);

  /* The one source of /1, and the first of /2 for code that shows one. */
  if (step->sources->len > 0)
    step->source = g_ptr_array_index (step->sources, 0);
}

void
lateral_pack_rules_step_artefact (LateralPackReader    *c,
                                  LateralStep           *step,
                                  const LateralJsonNode *artefact,
                                  const LateralJsonNode *artefact_ref)
{
  if (artefact != NULL && artefact_ref != NULL)
    {
      gsize mark = lateral_pack_reader_push_name (c, "artefact_ref");
      lateral_pack_reader_report (c, artefact_ref, _("a claim has an artefact or an artefact_ref, not both; keep one"));
      lateral_pack_reader_pop (c, mark);
      return;
    }
  if (artefact != NULL)
    check_step_artefact (c, step, artefact);
  else if (artefact_ref != NULL)
    check_artefact_ref (c, step, artefact_ref);
}

void
lateral_step_free (LateralStep *step)
{
  if (step == NULL)
    return;

  g_free (step->id);
  g_free (step->title);
  g_free (step->date);
  g_strfreev (step->text);
  if (step->image != NULL)
    {
      g_free (step->image->path);
      g_free (step->image->alt);
      g_free (step->image);
    }
  /* step->source is the first of step->sources; step->artefact is the pack's. */
  g_free (step->claim);
  g_strfreev (step->context);
  g_free (step->as_of);
  g_free (step->moves_question);
  g_clear_pointer (&step->moves, g_ptr_array_unref);
  g_strfreev (step->known_then);
  g_strfreev (step->explanation);
  g_strfreev (step->techniques);
  g_strfreev (step->habits);
  g_free (step->takeaway);
  g_strfreev (step->reported_later);
  g_clear_pointer (&step->later_sources, g_ptr_array_unref);
  g_clear_pointer (&step->sources, g_ptr_array_unref);
  g_free (step);
}

static void
check_step (LateralPackReader    *c,
            guint                  index,
            const LateralJsonNode *node)
{
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
  const LateralJsonNode *type;
  const LateralJsonNode *first;
  LateralStep *step;
  gboolean is_claim;

  if (!lateral_pack_reader_expect_type (c, node, LATERAL_JSON_OBJECT, N_("a step: an object with id and type")))
    return;

  /* The type says which members the step may have. */
  type = lateral_pack_reader_find_member (node, "type");
  if (type == NULL)
    {
      lateral_pack_reader_report (c, node, _("missing required member “type” (“story” or “claim”)"));
      return;
    }
  if (type->type != LATERAL_JSON_STRING ||
      !(g_str_equal (type->v.string, "story") || g_str_equal (type->v.string, "claim")))
    {
      gsize mark = lateral_pack_reader_push_name (c, "type");
      lateral_pack_reader_report (c, type, _("expected “story” or “claim”"));
      lateral_pack_reader_pop (c, mark);
      return;
    }

  is_claim = g_str_equal (type->v.string, "claim");
  if (!lateral_pack_reader_members (c, node, is_claim ? claim_fields : story_fields,
                                     N_("a step: an object with id and type"), v))
    return;

  step = g_new0 (LateralStep, 1);
  step->type = is_claim ? LATERAL_STEP_CLAIM : LATERAL_STEP_STORY;
  step->index = index;
  step->moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_move_free);
  step->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_source_free);
  step->later_sources = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_source_free);
  g_ptr_array_add (c->pack->steps, step);

  step->id = lateral_pack_reader_take_id (c, "id", v[0]);
  if (step->id == NULL)
    ;
  else if ((first = g_hash_table_lookup (c->step_ids, step->id)) != NULL)
    {
      gsize mark = lateral_pack_reader_push_name (c, "id");
      lateral_pack_reader_report (c, v[0], _("step id “%s” is already used at line %u; ids must be unique"),
                                   step->id, first->line);
      lateral_pack_reader_pop (c, mark);
    }
  else
    {
      g_hash_table_insert (c->step_ids, step->id, (gpointer) v[0]);
      g_hash_table_insert (c->pack->step_index, step->id, step);
    }

  if (is_claim)
    lateral_pack_rules_claim (c, step, v);
  else
    check_story (c, step, v);
}

static const LateralPackField pack_fields[] = {
  { "format", TRUE, N_("“lateral-pack/2”, or “lateral-pack/1” for packs written before it") },
  { "id", TRUE, N_("a reverse-DNS id such as org.example.my-case") },
  { "version", TRUE, N_("a version such as 1.0.0") },
  { "title", TRUE, N_("text") },
  { "summary", TRUE, N_("text: one or two sentences") },
  { "language", TRUE, N_("a language tag such as en or pt-BR") },
  { "authors", TRUE, N_("a list of names") },
  { "license", TRUE, N_("text, an SPDX id such as CC-BY-4.0") },
  { "estimated_minutes", TRUE, N_("a whole number from 1 to 600") },
  { "techniques", TRUE, N_("a list of techniques: the glossary") },
  { "steps", TRUE, N_("a list of story and claim steps") },
  { "$schema", FALSE, N_("text: where editors find the schema") },
  { "habits", FALSE, N_("a list of habits: what a careful reader does"), 2 },
  { "accent_color", FALSE, N_("a colour such as #1c71d8"), 2 },
  { "translated_from", FALSE, N_("the language tag of the file this one translates, such as en"), 2 },
  { NULL }
};

static guint
format_version_of (const char *format)
{
  if (format != NULL && g_str_equal (format, LATERAL_PACK_FORMAT_2))
    return 2;
  /* lateral-pack/1, or a format this Lateral does not know: that one is
   * refused at "format", and the rest read by the rules of /1, as before. */
  return 1;
}

static gboolean
color_is_valid (const char *color)
{
  if (strlen (color) != 7 || color[0] != '#')
    return FALSE;
  for (guint i = 1; i < 7; i++)
    {
      if (!g_ascii_isxdigit (color[i]))
        return FALSE;
    }
  return TRUE;
}

static void
check_header (LateralPackReader     *c,
              const LateralJsonNode **v)
{
  LateralPack *pack = c->pack;
  g_autofree char *format = lateral_pack_reader_take_text (c, "format", v[0]);
  gsize mark;

  mark = lateral_pack_reader_push_name (c, "format");
  if (format != NULL && !g_str_equal (format, LATERAL_PACK_FORMAT_1) && !g_str_equal (format, LATERAL_PACK_FORMAT_2))
    lateral_pack_reader_report (c, v[0], _("unsupported format “%s”; expected “%s” or “%s”"), format,
                                 LATERAL_PACK_FORMAT_2, LATERAL_PACK_FORMAT_1);
  lateral_pack_reader_pop (c, mark);
  pack->format = g_strdup (c->format_version == 1 ? LATERAL_PACK_FORMAT_1 : LATERAL_PACK_FORMAT_2);
  pack->format_version = c->format_version;

  pack->id = lateral_pack_reader_take_text (c, "id", v[1]);
  mark = lateral_pack_reader_push_name (c, "id");
  if (pack->id != NULL && !lateral_pack_id_is_valid (pack->id))
    lateral_pack_reader_report (c, v[1], _("“%s” is not a reverse-DNS id; expected at least three parts of letters, digits, “-” or “_” separated by dots, such as org.example.my-case"), pack->id);
  lateral_pack_reader_pop (c, mark);

  pack->version = lateral_pack_reader_take_text (c, "version", v[2]);
  mark = lateral_pack_reader_push_name (c, "version");
  if (pack->version != NULL && !lateral_version_is_valid (pack->version))
    lateral_pack_reader_report (c, v[2], _("“%s” is not a semantic version; expected MAJOR.MINOR.PATCH such as 1.0.0 or 1.1.0-beta.1"), pack->version);
  lateral_pack_reader_pop (c, mark);

  pack->title = lateral_pack_reader_take_text (c, "title", v[3]);
  pack->summary = lateral_pack_reader_take_text (c, "summary", v[4]);

  pack->language = lateral_pack_reader_take_text (c, "language", v[5]);
  mark = lateral_pack_reader_push_name (c, "language");
  if (pack->language != NULL && !lateral_language_is_valid (pack->language))
    lateral_pack_reader_report (c, v[5], _("“%s” is not a language tag; expected a BCP 47 tag such as en, de or pt-BR"), pack->language);
  lateral_pack_reader_pop (c, mark);

  if (v[6] != NULL)
    {
      pack->authors = lateral_pack_reader_take_texts (c, "authors", v[6], 1, TRUE);
    }
  pack->license = lateral_pack_reader_take_text (c, "license", v[7]);

  pack->translated_from = lateral_pack_reader_take_text (c, "translated_from", v[14]);
  mark = lateral_pack_reader_push_name (c, "translated_from");
  if (pack->translated_from != NULL && !lateral_language_is_valid (pack->translated_from))
    lateral_pack_reader_report (c, v[14], _("“%s” is not a language tag; expected a BCP 47 tag such as en, de or pt-BR"), pack->translated_from);
  else if (pack->translated_from != NULL && pack->language != NULL &&
           g_ascii_strcasecmp (pack->translated_from, pack->language) == 0)
    lateral_pack_reader_report (c, v[14], _("“%s” is this file's own language; name the language it was translated from, or remove the member"), pack->translated_from);
  lateral_pack_reader_pop (c, mark);

  pack->accent_color = lateral_pack_reader_take_text (c, "accent_color", v[13]);
  mark = lateral_pack_reader_push_name (c, "accent_color");
  if (pack->accent_color != NULL && !color_is_valid (pack->accent_color))
    {
      lateral_pack_reader_report (c, v[13], _("“%s” is not a colour; expected # and six hexadecimal digits, such as #1c71d8"), pack->accent_color);
      g_clear_pointer (&pack->accent_color, g_free);
    }
  lateral_pack_reader_pop (c, mark);

  /* Only for editors: checked for type, otherwise ignored. */
  g_free (lateral_pack_reader_take_text (c, "$schema", v[11]));

  if (v[8] != NULL)
    {
      const LateralJsonNode *minutes = v[8];

      mark = lateral_pack_reader_push_name (c, "estimated_minutes");
      if (minutes->type != LATERAL_JSON_NUMBER)
        lateral_pack_reader_report (c, minutes, _("expected a whole number of minutes from 1 to 600, found %s"),
                                     lateral_json_type_name (minutes->type));
      else if (!minutes->integral || minutes->v.number < 1 || minutes->v.number > 600)
        lateral_pack_reader_report (c, minutes, _("expected a whole number of minutes from 1 to 600, found %g"),
                                     minutes->v.number);
      else
        pack->estimated_minutes = (guint) minutes->v.number;
      lateral_pack_reader_pop (c, mark);
    }
}

void
lateral_pack_check_tree (LateralPack           *pack,
                         const LateralJsonNode *root,
                         const char            *filename,
                         const char            *pack_dir,
                         GPtrArray             *diagnostics)
{
  LateralPackReader c = { 0 };
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];

  g_return_if_fail (LATERAL_IS_PACK (pack));
  g_return_if_fail (root != NULL);

  c.filename = filename;
  c.pack_dir = pack_dir != NULL ? realpath (pack_dir, NULL) : NULL;
  c.diagnostics = diagnostics;
  c.path = g_string_new (NULL);
  c.pack = pack;
  c.techniques = g_hash_table_new (g_str_hash, g_str_equal);
  c.habits = g_hash_table_new (g_str_hash, g_str_equal);
  c.step_ids = g_hash_table_new (g_str_hash, g_str_equal);
  c.artefact_ids = g_hash_table_new (g_str_hash, g_str_equal);

  /* Which members exist depends on the format: read it first. */
  {
    const LateralJsonNode *format = lateral_pack_reader_find_member (root, "format");
    c.format_version = format_version_of (format != NULL && format->type == LATERAL_JSON_STRING
                                          ? format->v.string : NULL);
  }

  if (lateral_pack_reader_members (&c, root, pack_fields, N_("a pack: a JSON object starting with “{”"), v))
    {
      check_header (&c, v);
      /* The glossaries first: steps refer to them wherever they are in the file. */
      check_glossary (&c, v[9], FALSE);
      check_glossary (&c, v[12], TRUE);

      if (v[10] != NULL)
        {
          gsize mark = lateral_pack_reader_push_name (&c, "steps");

          if (lateral_pack_reader_expect_type (&c, v[10], LATERAL_JSON_ARRAY, N_("a list of steps")))
            {
              if (v[10]->n == 0)
                lateral_pack_reader_report (&c, v[10], _("is an empty list; expected at least one step"));
              for (guint i = 0; i < v[10]->n; i++)
                {
                  gsize item_mark = lateral_pack_reader_push_index (&c, i);
                  check_step (&c, i, v[10]->v.items[i]);
                  lateral_pack_reader_pop (&c, item_mark);
                }
            }
          lateral_pack_reader_pop (&c, mark);
        }

      lateral_pack_rules_dates (&c);
      lateral_pack_rules_authoring (&c, root);
    }

  g_clear_pointer (&c.places, g_hash_table_unref);
  g_hash_table_unref (c.artefact_ids);
  g_hash_table_unref (c.step_ids);
  g_hash_table_unref (c.habits);
  g_hash_table_unref (c.techniques);
  g_string_free (c.path, TRUE);
  free (c.pack_dir);
}
