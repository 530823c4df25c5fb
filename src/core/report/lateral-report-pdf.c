/* lateral-report-pdf.c: a class report on paper
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every block has a fixed height and every cell is one line, cut with an
 * ellipsis when too long: where pages break depends only on the numbers of
 * rows, never on fonts, so counting pages needs no drawing and the PDF and a
 * printout break at the same rows. Pack and profile text goes through
 * pango_layout_set_text(), never markup.
 */
#include "config.h"

#include <errno.h>
#include <cairo-pdf.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <glib/gi18n-lib.h>

#include "lateral-pdf-file.h"
#include "lateral-report-pdf.h"

/* The layout, in points; docs/report.md repeats them. */
#define MARGIN          40.0
#define FOOTER_HEIGHT   20.0
#define TITLE_HEIGHT    84.0
#define HEADING_HEIGHT  30.0
#define ROW_HEIGHT      16.0
#define CHART_HEIGHT   170.0
#define CELL_PADDING     4.0

typedef struct {
  const char *title;
  double      fraction;  /* of the content width */
  gboolean    right;
} Column;

typedef struct {
  cairo_t                  *cr;       /* NULL while only counting */
  PangoLayout              *layout;
  PangoFontDescription     *normal;
  PangoFontDescription     *bold;
  PangoFontDescription     *big;
  double                    width;
  double                    height;
  int                       target;   /* the page to draw, -1 for none */
  int                       page;
  double                    y;
  const LateralReportGroup *group;
} Pager;

static gboolean
drawing (Pager *pager)
{
  return pager->cr != NULL && pager->page == pager->target;
}

static void
draw_text (Pager                      *pager,
           double                      x,
           double                      y,
           double                      w,
           const char                 *text,
           const PangoFontDescription *font,
           gboolean                    right)
{
  if (!drawing (pager) || text == NULL)
    return;

  pango_layout_set_font_description (pager->layout, font);
  pango_layout_set_alignment (pager->layout, right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
  pango_layout_set_width (pager->layout, MAX (w, 1.0) * PANGO_SCALE);
  pango_layout_set_text (pager->layout, text, -1);
  cairo_move_to (pager->cr, x, y);
  pango_cairo_show_layout (pager->cr, pager->layout);
}

static double
content_width (Pager *pager)
{
  return pager->width - 2 * MARGIN;
}

static void
draw_footer (Pager *pager)
{
  g_autofree char *text = NULL;

  if (!drawing (pager))
    return;
  /* TRANSLATORS: page footer of the printed class report */
  text = g_strdup_printf (_("Lateral class report — page %d"), pager->page + 1);
  cairo_set_source_rgb (pager->cr, 0.4, 0.4, 0.4);
  draw_text (pager, MARGIN, pager->height - MARGIN, content_width (pager), text, pager->normal, TRUE);
  cairo_set_source_rgb (pager->cr, 0, 0, 0);
}

static void
new_page (Pager *pager)
{
  pager->page++;
  pager->y = MARGIN;
  draw_footer (pager);
}

static gboolean
fits (Pager  *pager,
      double  h)
{
  return pager->y + h <= pager->height - MARGIN - FOOTER_HEIGHT;
}

static char *
format_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) date = g_date_time_new_from_unix_local (unix_seconds);

  return date != NULL ? g_date_time_format (date, "%Y-%m-%d %H:%M") : g_strdup ("");
}

static void
title_block (Pager         *pager,
             LateralReport *report)
{
  const LateralReportGroup *group = pager->group;
  g_autofree char *date = format_date (lateral_report_get_created_at (report));
  g_autofree char *right = lateral_report_format_percent (group->n_correct, group->n_answers);
  g_autofree char *line2 = NULL;
  g_autofree char *line3 = NULL;
  g_autofree char *students = NULL;
  g_autofree char *answers = NULL;
  double w = content_width (pager);

  /* The version too: groups of one case differ by it (verdicts may change). */
  if (group->class_code != NULL)
    line2 = g_strdup_printf (_("Class %s · case %s, version %s"), group->class_code, group->pack_id, group->pack_version);
  else
    line2 = g_strdup_printf (_("No class code · case %s, version %s"), group->pack_id, group->pack_version);
  students = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student", "%u students", group->students->len),
                              group->students->len);
  answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer", "%u answers", group->n_answers),
                             group->n_answers);
  /* Translators: the date, "N students", "N answers", the share of right
   * answers ("83%") and the calibration word. */
  line3 = g_strdup_printf (_("Report of %s · %s · %s, %s right · class calibration: %s"),
                           date, students, answers, right,
                           lateral_calibration_get_label (lateral_report_group_get_calibration (group)));

  draw_text (pager, MARGIN, pager->y, w, group->pack_title != NULL ? group->pack_title : group->pack_id,
             pager->big, FALSE);
  draw_text (pager, MARGIN, pager->y + 30, w, line2, pager->normal, FALSE);
  draw_text (pager, MARGIN, pager->y + 46, w, line3, pager->normal, FALSE);
  if (drawing (pager))
    {
      cairo_set_line_width (pager->cr, 1.0);
      cairo_move_to (pager->cr, MARGIN, pager->y + TITLE_HEIGHT - 10);
      cairo_line_to (pager->cr, MARGIN + w, pager->y + TITLE_HEIGHT - 10);
      cairo_stroke (pager->cr);
    }
  pager->y += TITLE_HEIGHT;
}

static void
draw_row (Pager              *pager,
          const Column       *columns,
          guint               n_columns,
          const char * const *cells,
          gboolean            header)
{
  double x = MARGIN;
  double w = content_width (pager);

  for (guint i = 0; i < n_columns; i++)
    {
      double cw = columns[i].fraction * w;

      draw_text (pager, x + CELL_PADDING, pager->y + 2, cw - 2 * CELL_PADDING, cells[i],
                 header ? pager->bold : pager->normal, columns[i].right);
      x += cw;
    }
  if (drawing (pager))
    {
      cairo_set_line_width (pager->cr, header ? 0.8 : 0.3);
      cairo_move_to (pager->cr, MARGIN, pager->y + ROW_HEIGHT);
      cairo_line_to (pager->cr, MARGIN + w, pager->y + ROW_HEIGHT);
      cairo_stroke (pager->cr);
    }
  pager->y += ROW_HEIGHT;
}

static void
heading (Pager      *pager,
         const char *text)
{
  draw_text (pager, MARGIN, pager->y + 8, content_width (pager), text, pager->bold, FALSE);
  pager->y += HEADING_HEIGHT;
}

/* A table starts where its heading, header row and first row fit; on each
 * new page the heading and the header row are repeated. */
static void
table (Pager        *pager,
       const char   *title,
       const Column *columns,
       guint         n_columns,
       GPtrArray    *rows)
{
  g_autofree const char **header = g_new0 (const char *, n_columns + 1);
  g_autofree char *continued = g_strdup_printf (_("%s (continued)"), title);

  if (rows->len == 0)
    return;
  for (guint i = 0; i < n_columns; i++)
    header[i] = _(columns[i].title);

  if (!fits (pager, HEADING_HEIGHT + 2 * ROW_HEIGHT))
    new_page (pager);
  heading (pager, title);
  draw_row (pager, columns, n_columns, header, TRUE);
  for (guint r = 0; r < rows->len; r++)
    {
      if (!fits (pager, ROW_HEIGHT))
        {
          new_page (pager);
          heading (pager, continued);
          draw_row (pager, columns, n_columns, header, TRUE);
        }
      draw_row (pager, columns, n_columns, rows->pdata[r], FALSE);
    }
}

static const Column student_columns[] = {
  { N_("Student"), 0.40, FALSE },
  { N_("Attempts"), 0.12, TRUE },
  { N_("Best mark"), 0.14, TRUE },
  { N_("Latest mark"), 0.14, TRUE },
  { N_("Right"), 0.20, TRUE },
};

static const Column claim_columns[] = {
  { N_("Claim"), 0.37, FALSE },
  { N_("Answers"), 0.10, TRUE },
  { N_("Right"), 0.08, TRUE },
  { N_("Certainty"), 0.11, TRUE },
  { N_("Common wrong"), 0.18, TRUE },
  { N_("Sure & wrong"), 0.16, TRUE },
};

static const Column technique_columns[] = {
  { N_("Technique"), 0.60, FALSE },
  { N_("Answers"), 0.20, TRUE },
  { N_("Right"), 0.20, TRUE },
};

/* Cells are only formatted for the page being drawn. */
static GPtrArray *
student_rows (Pager *pager)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < pager->group->students->len; i++)
    {
      const LateralReportStudent *s = pager->group->students->pdata[i];
      g_autofree char *right = lateral_report_format_percent (s->n_correct, s->n_answers);
      char **cells = g_new0 (char *, G_N_ELEMENTS (student_columns) + 1);

      /* TRANSLATORS: a student's name in the PDF report, when some of
       * their attempts were flagged on import */
      cells[0] = s->n_flagged > 0 ? g_strdup_printf (_("%s (flagged)"), s->profile_name) : g_strdup (s->profile_name);
      cells[1] = g_strdup_printf ("%u", s->n_attempts);
      cells[2] = s->has_marks ? g_strdup_printf ("%+d", s->best_mark) : g_strdup ("–");
      cells[3] = s->has_marks ? g_strdup_printf ("%+d", s->latest_mark) : g_strdup ("–");
      cells[4] = s->n_answers > 0 ? g_strdup_printf ("%s (%u/%u)", right, s->n_correct, s->n_answers)
                                  : g_strdup ("–");
      g_ptr_array_add (rows, cells);
    }
  return rows;
}

static GPtrArray *
claim_rows (Pager *pager)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < pager->group->claims->len; i++)
    {
      const LateralReportClaim *c = pager->group->claims->pdata[i];
      char **cells = g_new0 (char *, G_N_ELEMENTS (claim_columns) + 1);
      LateralVerdict wrong;

      /* Numbered, as the grid's columns are. */
      cells[0] = g_strdup_printf ("%u. %s", i + 1, c->claim != NULL ? c->claim : c->claim_id);
      cells[1] = g_strdup_printf ("%u", c->n_answers);
      cells[2] = lateral_report_format_percent (c->n_correct, c->n_answers);
      cells[3] = c->n_answers > 0 ? g_strdup_printf ("%.1f", lateral_report_claim_get_mean_certainty (c))
                                  : g_strdup ("–");
      cells[4] = g_strdup (lateral_report_claim_get_most_common_wrong (c, &wrong)
                           ? lateral_verdict_get_label (wrong) : "–");
      cells[5] = g_strdup_printf ("%u", c->wrong_at_high_certainty);
      g_ptr_array_add (rows, cells);
    }
  return rows;
}

static GPtrArray *
technique_rows (Pager *pager)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < pager->group->techniques->len; i++)
    {
      const LateralReportTechnique *t = pager->group->techniques->pdata[i];
      char **cells = g_new0 (char *, G_N_ELEMENTS (technique_columns) + 1);

      cells[0] = g_strdup (t->name != NULL ? t->name : t->technique_id);
      cells[1] = g_strdup_printf ("%u", t->n_answers);
      cells[2] = lateral_report_format_percent (t->n_correct, t->n_answers);
      g_ptr_array_add (rows, cells);
    }
  return rows;
}

/* Where each level pays best (docs/scoring.md), shaded behind its bar. */
static const double band_low[] = { 0, 0.0, 2.0 / 3.0, 0.8 };
static const double band_high[] = { 0, 2.0 / 3.0, 0.8, 1.0 };

static void
chart (Pager *pager)
{
  const LateralReportGroup *group = pager->group;
  double plot_top, plot_h = CHART_HEIGHT - 56, slot;

  if (!fits (pager, HEADING_HEIGHT + CHART_HEIGHT))
    new_page (pager);
  heading (pager, _("Calibration: how often the class was right at each certainty"));
  plot_top = pager->y + 4;
  slot = content_width (pager) / 3;

  for (int c = LATERAL_CERTAINTY_MIN; c <= LATERAL_CERTAINTY_MAX && drawing (pager); c++)
    {
      const LateralTallyCount *count = &group->by_certainty[c];
      double x = MARGIN + (c - 1) * slot + slot * 0.25;
      double bw = slot * 0.5;
      g_autofree char *right = lateral_report_format_percent (count->correct, count->answered);
      g_autofree char *label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "certainty %d · %u answer",
                                                             "certainty %d · %u answers", count->answered),
                                                c, count->answered);

      cairo_set_source_rgb (pager->cr, 0.88, 0.93, 0.88);
      cairo_rectangle (pager->cr, x - 6, plot_top + plot_h * (1 - band_high[c]),
                       bw + 12, plot_h * (band_high[c] - band_low[c]));
      cairo_fill (pager->cr);
      if (count->answered > 0)
        {
          double share = (double) count->correct / count->answered;

          cairo_set_source_rgb (pager->cr, 0.21, 0.52, 0.89);
          cairo_rectangle (pager->cr, x, plot_top + plot_h * (1 - share), bw, plot_h * share);
          cairo_fill (pager->cr);
        }
      cairo_set_source_rgb (pager->cr, 0, 0, 0);
      cairo_set_line_width (pager->cr, 0.8);
      cairo_move_to (pager->cr, x - 10, plot_top + plot_h);
      cairo_line_to (pager->cr, x + bw + 10, plot_top + plot_h);
      cairo_stroke (pager->cr);
      draw_text (pager, x - slot * 0.2, plot_top + plot_h + 4, bw + slot * 0.4, right, pager->bold, FALSE);
      draw_text (pager, x - slot * 0.2, plot_top + plot_h + 18, bw + slot * 0.4, label, pager->normal, FALSE);
    }
  draw_text (pager, MARGIN, plot_top + plot_h + 34, content_width (pager),
             _("Shaded: where each certainty pays best; a bar below its band is overconfident, above it underconfident."), pager->normal, FALSE);
  pager->y += CHART_HEIGHT;
}

/* Before and after a case: the headline test's table, a chart of mean V
 * and the items (report/lateral-report-measure.c, docs/report.md). */
static const Column measure_columns[] = {
  { N_("Score"), 0.40, FALSE },
  { N_("Before"), 0.20, TRUE },
  { N_("After"), 0.20, TRUE },
  { N_("Change"), 0.20, TRUE },
};

static const Column measure_item_columns[] = {
  { N_("Item"), 0.40, FALSE },
  { N_("Right before"), 0.30, TRUE },
  { N_("Right after"), 0.30, TRUE },
};

#define MEASURE_CHART_HEIGHT 96.0

static GPtrArray *
measure_rows (const LateralMeasureSummary *m)
{
  /* TRANSLATORS: the scores of the headline test in the PDF report */
  const char *names[] = { N_("V: headlines right"), N_("r: real judged real"), N_("f: fake judged fake"),
                          N_("n − d: leaning to “Real”") };
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (int k = 0; k < LATERAL_MEASURE_N_FIGURES && m->pairs > 0; k++)
    {
      char **cells = g_new0 (char *, G_N_ELEMENTS (measure_columns) + 1);

      cells[0] = g_strdup (_(names[k]));
      cells[1] = g_strdup_printf ("%.2f", m->before[k]);
      cells[2] = g_strdup_printf ("%.2f", m->after[k]);
      cells[3] = g_strdup_printf ("%+.2f", m->change[k]);
      g_ptr_array_add (rows, cells);
    }
  return rows;
}

static GPtrArray *
measure_item_rows (const LateralMeasureSummary *m)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);

  for (guint i = 0; i < m->items->len; i++)
    {
      const LateralMeasureItemChange *item = g_ptr_array_index (m->items, i);
      char **cells = g_new0 (char *, G_N_ELEMENTS (measure_item_columns) + 1);

      cells[0] = g_strdup (item->item_id);
      cells[1] = g_strdup_printf ("%.1f%%", item->before);
      cells[2] = g_strdup_printf ("%.1f%%", item->after);
      g_ptr_array_add (rows, cells);
    }
  return rows;
}

static void
measure_section (Pager                       *pager,
                 const LateralMeasureSummary *m)
{
  g_autoptr(GPtrArray) rows = measure_rows (m);
  g_autoptr(GPtrArray) items = measure_item_rows (m);
  g_autofree char *title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Before and after the case: %s, %u learner with both checks",
                                                         "Before and after the case: %s, %u learners with both checks", m->pairs),
                                            m->instrument_id, m->pairs);
  g_autofree char *effect = NULL;
  double w = content_width (pager), plot_top;

  if (!fits (pager, HEADING_HEIGHT + 2 * ROW_HEIGHT))
    new_page (pager);
  if (rows->len == 0)
    {
      heading (pager, title);
      return;
    }
  table (pager, title, measure_columns, G_N_ELEMENTS (measure_columns), rows);
  effect = m->v_change.has_d_z
           ? g_strdup_printf (_("Effect on V: Cohen's d_z = %.2f, 95%% CI [%.2f, %.2f]"),
                              m->v_change.d_z, m->v_change.ci_low, m->v_change.ci_high)
           : g_strdup (_("Effect on V: d_z needs at least 2 learners whose change differs"));
  if (!fits (pager, ROW_HEIGHT + MEASURE_CHART_HEIGHT))
    new_page (pager);
  draw_text (pager, MARGIN, pager->y + 4, w, effect, pager->normal, FALSE);
  pager->y += ROW_HEIGHT + 4;

  /* Two bars: mean V before and after, on the scale of all items. */
  plot_top = pager->y;
  for (int b = 0; b < 2 && drawing (pager); b++)
    {
      double value = b == 0 ? m->before[LATERAL_MEASURE_V] : m->after[LATERAL_MEASURE_V];
      double share = m->items->len > 0 ? CLAMP (value / m->items->len, 0, 1) : 0;
      double y = plot_top + b * 34;
      g_autofree char *label = g_strdup_printf (b == 0 ? _("V before: %.1f of %u") : _("V after: %.1f of %u"),
                                                value, m->items->len);

      draw_text (pager, MARGIN, y + 6, w * 0.3, label, pager->normal, FALSE);
      cairo_set_source_rgb (pager->cr, 0.88, 0.88, 0.88);
      cairo_rectangle (pager->cr, MARGIN + w * 0.3, y + 4, w * 0.7, 22);
      cairo_fill (pager->cr);
      if (b == 0)
        cairo_set_source_rgb (pager->cr, 0.6, 0.6, 0.6);
      else
        cairo_set_source_rgb (pager->cr, 0.21, 0.52, 0.89);
      cairo_rectangle (pager->cr, MARGIN + w * 0.3, y + 4, w * 0.7 * share, 22);
      cairo_fill (pager->cr);
      cairo_set_source_rgb (pager->cr, 0, 0, 0);
    }
  pager->y += MEASURE_CHART_HEIGHT - ROW_HEIGHT;
  table (pager, _("Percent right per item"), measure_item_columns, G_N_ELEMENTS (measure_item_columns), items);
}

/* The students × claims grid: the student's name, then one column per
 * claim (numbered as in the Claims table), at most GRID_CLAIMS per table;
 * a longer case gets one table per run of claims. The key under the
 * heading says what each symbol means (docs/report.md). */
#define GRID_CLAIMS 16

static void
grid (Pager *pager)
{
  const LateralReportGroup *group = pager->group;

  for (guint first = 0; first < group->claims->len; first += GRID_CLAIMS)
    {
      guint n = MIN (GRID_CLAIMS, group->claims->len - first);
      g_autofree Column *columns = g_new0 (Column, n + 1);
      g_autoptr(GPtrArray) titles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
      g_autofree char *title = NULL;
      g_autofree char *key = NULL;

      columns[0].title = N_("Student");
      columns[0].fraction = 0.32;
      for (guint k = 0; k < n; k++)
        {
          char *number = g_strdup_printf ("%u", first + k + 1);

          g_ptr_array_add (titles, number);
          columns[k + 1].title = number;
          columns[k + 1].fraction = 0.68 / GRID_CLAIMS;
          columns[k + 1].right = FALSE;
        }
      for (guint i = 0; i < group->students->len; i++)
        {
          const LateralReportStudent *s = group->students->pdata[i];
          char **cells = g_new0 (char *, n + 2);

          cells[0] = s->n_flagged > 0 ? g_strdup_printf (_("%s (flagged)"), s->profile_name) : g_strdup (s->profile_name);
          for (guint k = 0; k < n; k++)
            cells[k + 1] = g_strdup (lateral_report_cell_get_symbol (s->cells[first + k]));
          g_ptr_array_add (rows, cells);
        }

      /* TRANSLATORS: the heading of the PDF's students × claims grid; %u–%u are claim numbers */
      title = g_strdup_printf (_("Answers by student, claims %u–%u"), first + 1, first + n);
      table (pager, title, columns, n + 1, rows);
      /* TRANSLATORS: the key under the PDF's grid; keep the symbols */
      key = g_strdup_printf (_("%s right · %s wrong · %s very sure and wrong · %s not answered (latest attempt)"),
                             lateral_report_cell_get_symbol (LATERAL_REPORT_CELL_RIGHT),
                             lateral_report_cell_get_symbol (LATERAL_REPORT_CELL_WRONG),
                             lateral_report_cell_get_symbol (LATERAL_REPORT_CELL_WRONG_SURE),
                             lateral_report_cell_get_symbol (LATERAL_REPORT_CELL_NONE));
      if (rows->len > 0)
        {
          if (!fits (pager, ROW_HEIGHT))
            new_page (pager);
          if (drawing (pager))
            draw_text (pager, MARGIN, pager->y + 2, content_width (pager), key, pager->normal, FALSE);
          pager->y += ROW_HEIGHT;
        }
    }
}

static void
lay_out_group (Pager         *pager,
               LateralReport *report)
{
  const LateralMeasureSummary *measure = lateral_report_get_measure (report, pager->group);

  g_autoptr(GPtrArray) students = student_rows (pager);
  g_autoptr(GPtrArray) claims = claim_rows (pager);
  g_autoptr(GPtrArray) techniques = technique_rows (pager);

  title_block (pager, report);
  table (pager, _("Students"), student_columns, G_N_ELEMENTS (student_columns), students);
  table (pager, _("Claims"), claim_columns, G_N_ELEMENTS (claim_columns), claims);
  grid (pager);
  table (pager, _("Techniques"), technique_columns, G_N_ELEMENTS (technique_columns), techniques);
  chart (pager);
  if (measure != NULL)
    measure_section (pager, measure);
}

/**
 * lateral_report_draw_page:
 * @cr: (nullable): where to draw, in points from the page's top left
 *   corner; %NULL only counts the pages
 * @width: the page's width in points
 * @height: the page's height in points
 * @page: the page to draw, from 0; -1 draws nothing
 *
 * Lays the report out on pages of @width × @height, each class code and
 * case starting on a new page, and draws page @page on @cr.
 *
 * Returns: the number of pages
 */
guint
lateral_report_draw_page (LateralReport *report,
                          cairo_t       *cr,
                          double         width,
                          double         height,
                          int            page)
{
  Pager pager = { 0 };

  g_return_val_if_fail (LATERAL_IS_REPORT (report), 0);
  /* Below this a block cannot fit on a page and pages would never end. */
  g_return_val_if_fail (width >= 2 * MARGIN + 100 &&
                        height >= 2 * MARGIN + FOOTER_HEIGHT + TITLE_HEIGHT + CHART_HEIGHT + HEADING_HEIGHT, 0);

  pager.cr = cr;
  pager.width = width;
  pager.height = height;
  pager.target = page;
  pager.page = -1;
  if (cr != NULL && page >= 0)
    {
      pager.layout = pango_cairo_create_layout (cr);
      /* The caller's units are points: a 9 pt font is 9 units high. */
      pango_cairo_context_set_resolution (pango_layout_get_context (pager.layout), 72.0);
      pango_layout_context_changed (pager.layout);
      pango_layout_set_ellipsize (pager.layout, PANGO_ELLIPSIZE_END);
      pango_layout_set_single_paragraph_mode (pager.layout, TRUE);
      pager.normal = pango_font_description_from_string ("Sans 9");
      pager.bold = pango_font_description_from_string ("Sans Bold 9");
      pager.big = pango_font_description_from_string ("Sans Bold 16");
      cairo_save (cr);
      cairo_set_source_rgb (cr, 0, 0, 0);
    }

  for (guint i = 0; i < lateral_report_get_n_groups (report); i++)
    {
      pager.group = lateral_report_get_group (report, i);
      new_page (&pager);
      lay_out_group (&pager, report);
    }

  if (pager.layout != NULL)
    {
      cairo_restore (cr);
      g_object_unref (pager.layout);
      pango_font_description_free (pager.normal);
      pango_font_description_free (pager.bold);
      pango_font_description_free (pager.big);
    }

  return pager.page + 1;
}

guint
lateral_report_count_pages (LateralReport *report,
                            double         width,
                            double         height)
{
  return lateral_report_draw_page (report, NULL, width, height, -1);
}

/**
 * lateral_report_write_pdf:
 * @out_n_pages: (out) (optional): the number of pages written
 *
 * Writes the report as an A4 PDF, replacing @filename only once it is
 * complete.
 */
static void
draw_report_page (gpointer  data,
                  cairo_t  *cr,
                  double    width,
                  double    height,
                  int       page)
{
  lateral_report_draw_page (data, cr, width, height, page);
}

gboolean
lateral_report_write_pdf (LateralReport  *report,
                          const char     *filename,
                          guint          *out_n_pages,
                          GError        **error)
{
  guint n_pages;

  g_return_val_if_fail (LATERAL_IS_REPORT (report), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  n_pages = lateral_report_count_pages (report, LATERAL_REPORT_PAGE_WIDTH, LATERAL_REPORT_PAGE_HEIGHT);
  if (!lateral_pdf_file_write (filename, n_pages, draw_report_page, report, error))
    return FALSE;
  if (out_n_pages != NULL)
    *out_n_pages = n_pages;
  return TRUE;
}
