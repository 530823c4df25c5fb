/* lateral-answer-key.c: a teacher's printable answer key of a case
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The key is a flow of wrapped paragraphs, so unlike the class report its
 * page breaks depend on the fonts. Both counting and drawing therefore run
 * the same flow with layouts from one PangoContext at 72 dpi (points), and
 * break between lines, never inside one: a paragraph longer than a page
 * simply continues on the next. Pack text is set with
 * pango_layout_set_text(), never as markup.
 */
#include "config.h"

#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>

#include "lateral-answer-key.h"
#include "lateral-pdf-file.h"

#define MARGIN        48.0
#define FOOTER_SPACE  24.0
#define INDENT        14.0

typedef enum {
  FONT_NORMAL,
  FONT_BOLD,
  FONT_HEADING,
  FONT_TITLE,
  FONT_SMALL,
  N_FONTS
} Font;

typedef struct {
  LateralPack          *pack;
  PangoContext         *context;
  PangoFontDescription *fonts[N_FONTS];
  cairo_t              *cr;       /* NULL while only counting */
  double                width;
  double                height;
  int                   target;   /* the page to draw; -1 for none */
  int                   page;
  double                y;
} Flow;

static gboolean
drawing (Flow *flow)
{
  return flow->cr != NULL && flow->page == flow->target;
}

static void
draw_footer (Flow *flow)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree char *text = NULL;

  if (!drawing (flow))
    return;
  /* TRANSLATORS: footer of the printed answer key: case title, page number */
  text = g_strdup_printf (_("Answer key · %s · page %d"), lateral_pack_get_title (flow->pack), flow->page + 1);
  layout = pango_layout_new (flow->context);
  pango_layout_set_font_description (layout, flow->fonts[FONT_SMALL]);
  pango_layout_set_width (layout, (int) ((flow->width - 2 * MARGIN) * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_MIDDLE);
  pango_layout_set_alignment (layout, PANGO_ALIGN_RIGHT);
  pango_layout_set_text (layout, text, -1);
  cairo_set_source_rgb (flow->cr, 0.35, 0.35, 0.35);
  cairo_move_to (flow->cr, MARGIN, flow->height - MARGIN);
  pango_cairo_show_layout (flow->cr, layout);
  cairo_set_source_rgb (flow->cr, 0, 0, 0);
}

static void
new_page (Flow *flow)
{
  flow->page++;
  flow->y = MARGIN;
  draw_footer (flow);
}

static double
bottom (Flow *flow)
{
  return flow->height - MARGIN - FOOTER_SPACE;
}

/* One paragraph, wrapped to the width left after @indent, placed line by
 * line. */
static void
paragraph (Flow       *flow,
           const char *text,
           Font        font,
           double      indent,
           double      space_before)
{
  g_autoptr(PangoLayout) layout = NULL;
  PangoLayoutIter *iter;

  if (text == NULL || *text == '\0')
    return;

  layout = pango_layout_new (flow->context);
  pango_layout_set_font_description (layout, flow->fonts[font]);
  pango_layout_set_width (layout, (int) ((flow->width - 2 * MARGIN - indent) * PANGO_SCALE));
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_text (layout, text, -1);

  if (flow->y > MARGIN)
    flow->y += space_before;

  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      double line_height;
      int baseline;

      pango_layout_iter_get_line_extents (iter, NULL, &logical);
      baseline = pango_layout_iter_get_baseline (iter);
      line_height = (double) logical.height / PANGO_SCALE;
      if (flow->y + line_height > bottom (flow))
        new_page (flow);
      if (drawing (flow))
        {
          cairo_move_to (flow->cr, MARGIN + indent,
                         flow->y + (double) (baseline - logical.y) / PANGO_SCALE);
          pango_cairo_show_layout_line (flow->cr, pango_layout_iter_get_line_readonly (iter));
        }
      flow->y += line_height;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
paragraphs (Flow       *flow,
            char      **texts,
            double      indent)
{
  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    paragraph (flow, texts[i], FONT_NORMAL, indent, 3.0);
}

static void
label (Flow       *flow,
       const char *text)
{
  paragraph (flow, text, FONT_BOLD, 0.0, 6.0);
}

static void
source (Flow                *flow,
        const LateralSource *source)
{
  /* TRANSLATORS: a source in the answer key: publisher, date, title */
  g_autofree char *line = g_strdup_printf (_("%s, %s: “%s”"), source->publisher, source->date, source->title);

  paragraph (flow, line, FONT_NORMAL, INDENT, 2.0);
  /* On a line of its own, to be typed or scanned from paper. */
  paragraph (flow, source->url, FONT_SMALL, 2 * INDENT, 0.0);
}

static char *
accepted_verdicts (const LateralStep *step)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (LateralVerdict v = 0; v < LATERAL_N_VERDICTS; v++)
    {
      if (v == step->verdict || !lateral_step_accepts (step, v))
        continue;
      if (text->len > 0)
        g_string_append (text, ", ");
      g_string_append (text, lateral_verdict_get_label (v));
    }
  return text->len > 0 ? g_string_free (g_steal_pointer (&text), FALSE) : NULL;
}

static void
story_step (Flow              *flow,
            const LateralStep *step,
            guint              number)
{
  /* TRANSLATORS: heading of a story step in the answer key: number, date, title */
  g_autofree char *heading = g_strdup_printf (_("Step %u · story · %s · %s"), number, step->date, step->title);

  paragraph (flow, heading, FONT_HEADING, 0.0, 14.0);
  paragraphs (flow, step->text, 0.0);
  if (step->source != NULL)
    {
      label (flow, _("Source"));
      source (flow, step->source);
    }
}

static void
claim_step (Flow              *flow,
            const LateralStep *step,
            guint              number)
{
  /* TRANSLATORS: heading of a claim in the answer key: step number, claim number, date */
  g_autofree char *heading = g_strdup_printf (_("Step %u · claim %u · as of %s"),
                                              number, step->claim_index + 1, step->as_of);
  g_autofree char *verdict = g_strdup_printf (_("Verdict: %s"), lateral_verdict_get_label (step->verdict));
  g_autofree char *others = accepted_verdicts (step);
  g_autoptr(GString) techniques = g_string_new (NULL);

  paragraph (flow, heading, FONT_HEADING, 0.0, 14.0);
  paragraph (flow, step->claim, FONT_BOLD, 0.0, 4.0);
  paragraphs (flow, step->context, 0.0);
  paragraph (flow, verdict, FONT_BOLD, 0.0, 6.0);
  if (others != NULL)
    {
      g_autofree char *line = g_strdup_printf (_("Also counted right: %s"), others);
      paragraph (flow, line, FONT_NORMAL, 0.0, 2.0);
    }

  label (flow, _("Why"));
  paragraphs (flow, step->explanation, INDENT);
  label (flow, _("Known then"));
  paragraphs (flow, step->known_then, INDENT);

  if (step->moves->len > 0)
    {
      label (flow, step->moves_question);
      for (guint i = 0; i < step->moves->len; i++)
        {
          const LateralMove *move = g_ptr_array_index (step->moves, i);
          /* TRANSLATORS: a check in the answer key, marked as one a careful
           * checker would make ("yes") or not ("no"), then its label */
          g_autofree char *line = g_strdup_printf (move->expected ? _("yes — %s") : _("no — %s"), move->label);

          paragraph (flow, line, FONT_NORMAL, INDENT, 2.0);
          if (move->why != NULL)
            paragraph (flow, move->why, FONT_SMALL, 2 * INDENT, 1.0);
        }
    }

  for (guint i = 0; step->techniques != NULL && step->techniques[i] != NULL; i++)
    {
      const LateralTechnique *technique = lateral_pack_find_technique (flow->pack, step->techniques[i]);

      if (techniques->len > 0)
        g_string_append (techniques, ", ");
      g_string_append (techniques, technique != NULL ? technique->name : step->techniques[i]);
    }
  if (techniques->len > 0)
    {
      g_autofree char *line = g_strdup_printf (_("Techniques: %s"), techniques->str);
      paragraph (flow, line, FONT_NORMAL, 0.0, 6.0);
    }

  label (flow, _("Sources"));
  for (guint i = 0; i < step->sources->len; i++)
    source (flow, g_ptr_array_index (step->sources, i));
}

static void
title_block (Flow *flow)
{
  LateralPack *pack = flow->pack;
  g_autofree char *authors = g_strjoinv (", ", (char **) lateral_pack_get_authors (pack));
  g_autofree char *line = g_strdup_printf ("%s %s · %s · %s", lateral_pack_get_id (pack),
                                           lateral_pack_get_version (pack), lateral_pack_get_language (pack),
                                           authors);

  paragraph (flow, lateral_pack_get_title (pack), FONT_TITLE, 0.0, 0.0);
  paragraph (flow, _("Teacher’s answer key: keep it away from learners until they have played the case."),
             FONT_BOLD, 0.0, 4.0);
  paragraph (flow, line, FONT_SMALL, 0.0, 4.0);
  paragraph (flow, lateral_pack_get_summary (pack), FONT_NORMAL, 0.0, 6.0);
}

static int
run (LateralPack *pack,
     cairo_t     *cr,
     double       width,
     double       height,
     int          target)
{
  static const char * const font_names[N_FONTS] = {
    "Sans 9.5", "Sans Bold 9.5", "Sans Bold 12", "Sans Bold 18", "Sans 8",
  };
  PangoFontMap *font_map = pango_cairo_font_map_get_default ();
  Flow flow = { pack, NULL, { NULL }, cr, width, height, target, -1, 0.0 };

  flow.context = pango_font_map_create_context (font_map);
  pango_cairo_context_set_resolution (flow.context, 72.0);
  for (guint i = 0; i < N_FONTS; i++)
    flow.fonts[i] = pango_font_description_from_string (font_names[i]);

  new_page (&flow);
  title_block (&flow);
  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);

      if (step->type == LATERAL_STEP_STORY)
        story_step (&flow, step, i + 1);
      else
        claim_step (&flow, step, i + 1);
    }

  for (guint i = 0; i < N_FONTS; i++)
    pango_font_description_free (flow.fonts[i]);
  g_object_unref (flow.context);
  return flow.page + 1;
}

/**
 * lateral_answer_key_count_pages:
 *
 * Returns: the number of pages of @pack's answer key at this page size
 */
guint
lateral_answer_key_count_pages (LateralPack *pack,
                                double       width,
                                double       height)
{
  g_return_val_if_fail (LATERAL_IS_PACK (pack), 0);

  return (guint) run (pack, NULL, width, height, -1);
}

/**
 * lateral_answer_key_draw_page:
 * @page: from 0
 *
 * Draws one page of @pack's answer key on @cr, whose unit is the point.
 */
void
lateral_answer_key_draw_page (LateralPack *pack,
                              cairo_t     *cr,
                              double       width,
                              double       height,
                              int          page)
{
  g_return_if_fail (LATERAL_IS_PACK (pack));
  g_return_if_fail (cr != NULL);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  run (pack, cr, width, height, page);
  cairo_restore (cr);
}

static void
draw_key_page (gpointer  data,
               cairo_t  *cr,
               double    width,
               double    height,
               int       page)
{
  lateral_answer_key_draw_page (data, cr, width, height, page);
}

/**
 * lateral_answer_key_write_pdf:
 * @out_n_pages: (out) (optional): the number of pages written
 *
 * Writes @pack's answer key as an A4 PDF, replacing @filename only once it
 * is complete.
 */
gboolean
lateral_answer_key_write_pdf (LateralPack  *pack,
                              const char   *filename,
                              guint        *out_n_pages,
                              GError      **error)
{
  guint n_pages;

  g_return_val_if_fail (LATERAL_IS_PACK (pack), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  n_pages = lateral_answer_key_count_pages (pack, LATERAL_PDF_PAGE_WIDTH, LATERAL_PDF_PAGE_HEIGHT);
  if (!lateral_pdf_file_write (filename, n_pages, draw_key_page, pack, error))
    return FALSE;
  if (out_n_pages != NULL)
    *out_n_pages = n_pages;
  return TRUE;
}
