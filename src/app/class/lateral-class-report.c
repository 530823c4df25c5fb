/* lateral-class-report.c: the class report's tables as rows in Class Results
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Tables as boxed lists of rows with subtitles rather than a GtkColumnView:
 * five columns do not fit a 360 px window, a row's subtitle wraps. The
 * students, who can be thousands, are a GtkListView (lateral-class-row.c)
 * whose rows are made off the main loop; claims, techniques and certainty
 * levels are a few dozen rows at most. Every
 * number comes from the LateralReport, so the window, the CSV and the PDF
 * cannot disagree.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-class-report.h"
#include "lateral-class-row.h"
#include "widgets/lateral-text-row.h"
#include "widgets/lateral-format.h"

static GtkWidget *
add_row (AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  /* Names and claims come from bundles and packs: plain text. */
  GtkWidget *row = lateral_text_row_new (title, subtitle);

  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  adw_preferences_group_add (group, row);

  return row;
}

static AdwPreferencesGroup *
add_group (GtkBox     *box,
           const char *title,
           const char *description)
{
  GtkWidget *group = adw_preferences_group_new ();

  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), title);
  if (description != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), description);
  gtk_box_append (box, group);

  return ADW_PREFERENCES_GROUP (group);
}

static char *
format_mark_or_none (gboolean has_marks,
                     int      mark)
{
  if (!has_marks)
    /* TRANSLATORS: no mark yet, the learner finished no attempt */
    return g_strdup (C_("mark", "none"));
  return lateral_format_mark (mark);
}

/**
 * lateral_class_report_format_student:
 *
 * Returns: (transfer full): the subtitle of a student's row, e.g.
 *   "2 attempts · best +12 · latest +9 · 73% correct"
 */
char *
lateral_class_report_format_student (const LateralReportStudent *student)
{
  g_autofree char *best = format_mark_or_none (student->has_marks, student->best_mark);
  g_autofree char *latest = format_mark_or_none (student->has_marks, student->latest_mark);
  g_autofree char *percent = lateral_report_format_percent (student->n_correct, student->n_answers);
  g_autofree char *line = NULL;

  g_return_val_if_fail (student != NULL, NULL);

  /* Unfinished work says so, rather than "best none · latest none". */
  if (!student->has_marks)
    line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u attempt, not finished yet · %s correct so far",
                                         "%u attempts, none finished yet · %s correct so far",
                                         student->n_attempts),
                            student->n_attempts, percent);
  else
    /* TRANSLATORS: attempts, best mark, latest mark, percent correct */
    line = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                         "%u attempt · best %s · latest %s · %s correct",
                                         "%u attempts · best %s · latest %s · %s correct",
                                         student->n_attempts),
                            student->n_attempts, best, latest, percent);
  if (student->n_flagged == 0)
    return g_steal_pointer (&line);

  /* TRANSLATORS: the student's line, then how many attempts were flagged
   * on import and the flags' codes */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%s · ⚑ %u flagged (%s)",
                                       "%s · ⚑ %u flagged (%s)",
                                       student->n_flagged),
                          line, student->n_flagged, student->flags);
}

/**
 * lateral_class_report_format_claim:
 *
 * Returns: (transfer full): the subtitle of a claim's row
 */
char *
lateral_class_report_format_claim (const LateralReportClaim *claim)
{
  g_autofree char *percent = NULL;
  g_autofree char *wrong = NULL;
  LateralVerdict verdict;

  g_return_val_if_fail (claim != NULL, NULL);

  if (claim->n_answers == 0)
    return g_strdup (_("Nobody answered it"));

  percent = lateral_report_format_percent (claim->n_correct, claim->n_answers);
  if (lateral_report_claim_get_most_common_wrong (claim, &verdict))
    /* TRANSLATORS: e.g. "most often wrongly judged False; 2 wrong at “Very sure”" */
    wrong = g_strdup_printf (_("most common wrong verdict: %s · %u wrong at “Very sure”"),
                             lateral_verdict_get_label (verdict), claim->wrong_at_high_certainty);
  else
    wrong = g_strdup (_("nobody was wrong"));

  /* TRANSLATORS: answers, percent correct, mean certainty (1 to 3), then the wrong answers */
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u answer · %s correct · mean certainty %.1f · %s",
                                       "%u answers · %s correct · mean certainty %.1f · %s",
                                       claim->n_answers),
                          claim->n_answers, percent,
                          lateral_report_claim_get_mean_certainty (claim), wrong);
}

/**
 * lateral_class_report_dup_student_rows:
 *
 * Safe in a worker thread: only reads @group and makes new objects.
 *
 * Returns: (transfer full): a #LateralClassRow per student of @group, in
 *   the report's order
 */
GListModel *
lateral_class_report_dup_student_rows (const LateralReportGroup *group)
{
  GListStore *store = g_list_store_new (LATERAL_TYPE_CLASS_ROW);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func (g_object_unref);

  g_return_val_if_fail (group != NULL, NULL);

  for (guint i = 0; i < group->students->len; i++)
    {
      const LateralReportStudent *student = g_ptr_array_index (group->students, i);

      g_ptr_array_add (rows, lateral_class_row_new (student->profile_name,
                                                    lateral_class_report_format_student (student)));
    }
  /* One splice, one items-changed. */
  g_list_store_splice (store, 0, 0, rows->pdata, rows->len);

  return G_LIST_MODEL (store);
}

static void
fill_students (GtkBox                   *box,
               const LateralReportGroup *group,
               GListModel               *rows)
{
  g_autofree char *percent = lateral_report_format_percent (group->n_correct, group->n_answers);
  g_autofree char *description = NULL;
  g_autofree char *learners = NULL;
  g_autofree char *attempts = NULL;
  AdwPreferencesGroup *students;
  GtkWidget *list;

  learners = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u learner", "%u learners", group->students->len),
                              group->students->len);
  attempts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attempt", "%u attempts", group->n_attempts),
                              group->n_attempts);
  /* TRANSLATORS: "2 learners, 3 attempts, 45% of the answers correct" */
  description = g_strdup_printf (_("%s, %s, %s of the answers correct"), learners, attempts, percent);
  students = add_group (box, _("Students"), description);
  list = lateral_class_row_list_new (rows);
  adw_preferences_group_add (students, list);
  g_object_set_data (G_OBJECT (box), "lateral-student-list", list);
}

static void
add_claim_row (AdwPreferencesGroup      *section,
               const LateralReportGroup *group,
               guint                     i)
{
  const LateralReportClaim *claim = g_ptr_array_index (group->claims, i);
  g_autofree char *subtitle = lateral_class_report_format_claim (claim);

  add_row (section, claim->claim != NULL ? claim->claim : claim->claim_id, subtitle);
}

static void
add_technique_row (AdwPreferencesGroup      *section,
                   const LateralReportGroup *group,
                   guint                     i)
{
  const LateralReportTechnique *technique = g_ptr_array_index (group->techniques, i);
  g_autofree char *percent = lateral_report_format_percent (technique->n_correct, technique->n_answers);
  /* TRANSLATORS: "12 answers · 75% correct" */
  g_autofree char *subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                            "%u answer · %s correct",
                                                            "%u answers · %s correct",
                                                            technique->n_answers),
                                               technique->n_answers, percent);

  add_row (section, technique->name != NULL ? technique->name : technique->technique_id, subtitle);
}

static void
add_calibration_section (GtkBox                   *box,
                         const LateralReportGroup *group)
{
  LateralCalibration calibration = lateral_report_group_get_calibration (group);
  g_autofree char *description = NULL;

  /* TRANSLATORS: the calibration word of the whole class, e.g. "Overconfident" */
  description = g_strdup_printf (_("The class as a whole: %s"), lateral_calibration_get_label (calibration));
  add_group (box, _("Calibration"), description);
}

/* @i counts from the highest certainty down. */
static void
add_calibration_row (AdwPreferencesGroup      *section,
                     const LateralReportGroup *group,
                     guint                     i)
{
  int c = LATERAL_CERTAINTY_MAX - (int) i;
  guint answered = group->by_certainty[c].answered;
  guint correct = group->by_certainty[c].correct;
  g_autofree char *subtitle = NULL;
  GtkWidget *row, *bar;

  if (answered == 0)
    subtitle = g_strdup (_("Not used"));
  else
    /* TRANSLATORS: "2 of 3 right (67%)" */
    subtitle = g_strdup_printf (_("%u of %u right (%.0f%%)"), correct, answered,
                                lateral_report_percent (correct, answered));
  row = add_row (section, lateral_format_certainty (c), subtitle);

  bar = gtk_level_bar_new_for_interval (0, 1);
  gtk_level_bar_set_value (GTK_LEVEL_BAR (bar), answered > 0 ? (double) correct / answered : 0);
  gtk_widget_set_size_request (bar, 80, -1);
  gtk_widget_set_valign (bar, GTK_ALIGN_CENTER);
  /* The numbers are in the subtitle; the bar only draws them. */
  gtk_accessible_update_state (GTK_ACCESSIBLE (bar), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), bar);
}

/**
 * lateral_class_report_fill_step:
 * @box: a box made by lateral_class_report_build_group() for @group
 * @step: 0 for the first call, then one more each time
 *
 * Adds the next piece of @group's report to @box: a section (claims,
 * techniques, calibration) or one of its rows, and last the students past
 * the first few. Building and laying out a
 * row costs a few milliseconds, and a report has dozens: a caller adds a
 * few per frame so the main loop never waits long.
 *
 * Returns: %FALSE when everything has been added (nothing was added)
 */
gboolean
lateral_class_report_fill_step (GtkBox                   *box,
                                const LateralReportGroup *group,
                                guint                     step)
{
  AdwPreferencesGroup *section = ADW_PREFERENCES_GROUP (gtk_widget_get_last_child (GTK_WIDGET (box)));
  guint n_claims = group->claims->len;
  guint n_techniques = group->techniques->len;
  guint n_levels = LATERAL_CERTAINTY_MAX - LATERAL_CERTAINTY_MIN + 1;

  g_return_val_if_fail (GTK_IS_BOX (box), FALSE);
  g_return_val_if_fail (group != NULL, FALSE);

  if (step == 0)
    add_group (box, _("Claims"), _("How hard each claim was, in the order of the case"));
  else if (step <= n_claims)
    add_claim_row (section, group, step - 1);
  else if ((step -= 1 + n_claims) < (n_techniques > 0 ? 1 + n_techniques : 0))
    {
      if (step == 0)
        add_group (box, _("Techniques"), _("Answers on the claims that used each technique"));
      else
        add_technique_row (section, group, step - 1);
    }
  else if ((step -= n_techniques > 0 ? 1 + n_techniques : 0) <= n_levels)
    {
      if (step == 0)
        add_calibration_section (box, group);
      else
        add_calibration_row (section, group, step - 1);
    }
  else if (step == n_levels + 1)
    /* Last, when the list has long been laid out with its first rows. */
    lateral_class_row_list_show_all (g_object_get_data (G_OBJECT (box), "lateral-student-list"));
  else
    return FALSE;

  return TRUE;
}

typedef struct {
  double before[3];
  double after[3];
} ChangeChart;

/* Bars for V, r and f: before (faint) then after (strong), each with its
 * value above and "before"/"after" under it, so the bars are told apart by
 * their words and places, not by colour alone. */
static void
draw_change (GtkDrawingArea *area,
             cairo_t        *cr,
             int             width,
             int             height,
             gpointer        data)
{
  static const double top[3] = { 20, 10, 10 };
  static const char *names[3] = { "V", "r", "f" };
  const ChangeChart *chart = data;
  GdkRGBA fg;
  double slot = width / 3.0;
  double bar = MIN (slot * 0.3, 48);
  double base = height - 34;

  gtk_style_context_get_color (gtk_widget_get_style_context (GTK_WIDGET (area)), &fg);
  for (guint i = 0; i < 3; i++)
    {
      double values[2] = { chart->before[i], chart->after[i] };
      const char *when[2] = { _("before"), _("after") };
      double x = i * slot + (slot - 2 * bar - 6) / 2;

      for (guint k = 0; k < 2; k++)
        {
          double h = MAX (0, MIN (values[k] / top[i], 1)) * (base - 18);
          double bx = x + k * (bar + 6);
          g_autofree char *value = g_strdup_printf ("%.1f", values[k]);
          PangoLayout *layout;
          int tw, th;

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, k == 0 ? 0.3 : 0.85);
          cairo_rectangle (cr, bx, base - h, bar, h);
          cairo_fill (cr);

          cairo_set_source_rgba (cr, fg.red, fg.green, fg.blue, 1.0);
          layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), value);
          pango_layout_get_pixel_size (layout, &tw, &th);
          cairo_move_to (cr, bx + (bar - tw) / 2, base - h - th);
          pango_cairo_show_layout (cr, layout);
          g_object_unref (layout);

          layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), when[k]);
          pango_layout_get_pixel_size (layout, &tw, &th);
          cairo_move_to (cr, bx + (bar - tw) / 2, base + 2);
          pango_cairo_show_layout (cr, layout);
          g_object_unref (layout);
        }
      {
        PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (area), names[i]);
        int tw, th;

        pango_layout_get_pixel_size (layout, &tw, &th);
        cairo_move_to (cr, x + bar + 3 - tw / 2.0, base + 2 + th);
        pango_cairo_show_layout (cr, layout);
        g_object_unref (layout);
      }
    }
}

static GtkWidget *
change_chart_new (const LateralMeasureSummary *measure)
{
  ChangeChart *chart = g_new0 (ChangeChart, 1);
  GtkWidget *area = g_object_new (GTK_TYPE_DRAWING_AREA,
                                  "accessible-role", GTK_ACCESSIBLE_ROLE_IMG,
                                  "content-height", 150,
                                  "hexpand", TRUE,
                                  NULL);
  g_autofree char *description = NULL;
  LateralMeasureFigure figures[3] = { LATERAL_MEASURE_V, LATERAL_MEASURE_R, LATERAL_MEASURE_F };

  for (guint i = 0; i < 3; i++)
    {
      chart->before[i] = measure->before[figures[i]];
      chart->after[i] = measure->after[figures[i]];
    }
  gtk_drawing_area_set_draw_func (GTK_DRAWING_AREA (area), draw_change, chart, g_free);
  /* TRANSLATORS: the chart for a screen reader: means before and after */
  description = g_strdup_printf (_("Headlines right %.1f before, %.1f after; real news spotted %.1f before, %.1f after; "
                                   "fake news spotted %.1f before, %.1f after"),
                                 chart->before[0], chart->after[0], chart->before[1], chart->after[1],
                                 chart->before[2], chart->after[2]);
  gtk_accessible_update_property (GTK_ACCESSIBLE (area),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Before and after chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  return area;
}

/* The class's quick check before and after the case (issue 13): how many
 * took both, the mean of each score before and after and its change, and
 * the effect size with its interval. */
static void
add_measure_section (GtkBox                      *box,
                     const LateralMeasureSummary *measure)
{
  static const char *names[LATERAL_MEASURE_N_FIGURES] = {
    N_("Headlines right (V)"),
    N_("Real news spotted (r)"),
    N_("Fake news spotted (f)"),
    N_("Leaning (n − d; 0 is balanced)"),
  };
  g_autofree char *description = NULL;
  g_autofree char *effect = NULL;
  AdwPreferencesGroup *section;

  description = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                              "%u learner took the %s check before and after this case; the means are theirs",
                                              "%u learners took the %s check before and after this case; the means are theirs",
                                              measure->pairs),
                                 measure->pairs, measure->instrument_id);
  section = add_group (box, _("Quick Check, Before and After"), description);
  for (guint i = 0; i < LATERAL_MEASURE_N_FIGURES; i++)
    {
      /* TRANSLATORS: a class's mean score before and after a case, and the change, e.g. "12.1 → 14.0 (+1.9)" */
      g_autofree char *text = g_strdup_printf (_("%.1f → %.1f (%+.1f)"),
                                               measure->before[i], measure->after[i], measure->change[i]);
      add_row (section, _(names[i]), text);
    }
  if (measure->v_change.has_d_z)
    /* TRANSLATORS: Cohen's d_z on the change in V and its 95% confidence interval */
    effect = g_strdup_printf (_("%.2f, 95%% interval %.2f to %.2f (paired, on headlines right)"),
                              measure->v_change.d_z, measure->v_change.ci_low, measure->v_change.ci_high);
  else
    effect = g_strdup (_("Not computed: it needs two learners or more whose change differs"));
  add_row (section, _("Effect size (Cohen’s d_z)"), effect);

  /* Each headline, percent right before → after, folded. */
  if (measure->items != NULL && measure->items->len > 0)
    {
      GtkWidget *items = adw_expander_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (items), _("Each headline"));
      adw_expander_row_set_subtitle (ADW_EXPANDER_ROW (items), _("Percent of these learners right, before → after"));
      for (guint i = 0; i < measure->items->len; i++)
        {
          const LateralMeasureItemChange *item = g_ptr_array_index (measure->items, i);
          GtkWidget *row = adw_action_row_new ();
          /* TRANSLATORS: percent right before and after, e.g. "40% → 63%" */
          g_autofree char *text = g_strdup_printf (_("%.0f%% → %.0f%%"), item->before, item->after);

          adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
          adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), item->item_id);
          adw_action_row_set_subtitle (ADW_ACTION_ROW (row), text);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (items), row);
        }
      adw_preferences_group_add (section, items);
    }
  adw_preferences_group_add (section, change_chart_new (measure));
}

/**
 * lateral_class_report_build_group:
 * @students: the rows of lateral_class_report_dup_student_rows()
 * @measure: (nullable): the group's quick check before and after
 *
 * Returns: (transfer floating): a box with a heading (class and case) and
 *   the students of @group; lateral_class_report_fill_step() adds the
 *   claims, the techniques and the calibration
 */
GtkWidget *
lateral_class_report_build_group (const LateralReportGroup    *group,
                                  GListModel                  *students,
                                  const LateralMeasureSummary *measure)
{
  GtkWidget *box, *heading;
  g_autofree char *title = NULL;
  const char *case_title;

  g_return_val_if_fail (group != NULL, NULL);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 24);
  case_title = group->pack_title != NULL ? group->pack_title : group->pack_id;
  /* Groups of one case differ by version: a verdict may change between them. */
  if (group->class_code != NULL)
    /* TRANSLATORS: class code, then the case's title and version */
    title = g_strdup_printf (_("Class %s · %s, version %s"), group->class_code, case_title, group->pack_version);
  else
    /* TRANSLATORS: the case's title and version */
    title = g_strdup_printf (_("No class code · %s, version %s"), case_title, group->pack_version);

  heading = gtk_label_new (title);
  gtk_label_set_wrap (GTK_LABEL (heading), TRUE);
  gtk_label_set_xalign (GTK_LABEL (heading), 0);
  gtk_widget_add_css_class (heading, "title-2");
  gtk_box_append (GTK_BOX (box), heading);

  if (measure != NULL && measure->pairs > 0)
    add_measure_section (GTK_BOX (box), measure);
  fill_students (GTK_BOX (box), group, students);

  return box;
}
