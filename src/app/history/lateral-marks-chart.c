/* lateral-marks-chart.c: a bar chart of the marks of finished attempts
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Total marks of finished attempts over time, one bar each, oldest on the
 * left, above or below a zero line. Drawn with GtkSnapshot and the style's
 * named colours, so it follows the light, dark and high-contrast styles.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-marks-chart.h"
#include "widgets/lateral-format.h"

#define BAR_MAX_WIDTH 32
#define BAR_GAP        6
#define MIN_HEIGHT   160
#define LABEL_GAP      2

struct _LateralMarksChart
{
  GtkWidget  parent_instance;

  GArray    *marks;   /* of int */
  GArray    *dates;   /* of gint64, unix seconds: when each attempt finished */
};

G_DEFINE_FINAL_TYPE (LateralMarksChart, lateral_marks_chart, GTK_TYPE_WIDGET)

static void
lookup_color (GtkWidget  *widget,
              const char *name,
              GdkRGBA    *color)
{
  GtkStyleContext *context;

G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  context = gtk_widget_get_style_context (widget);
  if (!gtk_style_context_lookup_color (context, name, color))
    gtk_style_context_get_color (context, color);
G_GNUC_END_IGNORE_DEPRECATIONS
}

/* A short date under a bar: "14 Sep". */
static char *
format_short_date (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = utc != NULL ? g_date_time_to_local (utc) : NULL;

  if (local == NULL)
    return g_strdup ("");

  /* TRANSLATORS: a date under a bar of the marks chart, e.g. "14 Sep"; see strftime(3) */
  return g_date_time_format (local, _("%-d %b"));
}

static void
append_text (GtkWidget     *widget,
             GtkSnapshot   *snapshot,
             const char    *text,
             float          center_x,
             float          y,
             const GdkRGBA *color,
             int           *out_width)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, text);
  int text_width, text_height;

  pango_layout_get_pixel_size (layout, &text_width, &text_height);
  if (out_width != NULL)
    *out_width = text_width;
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (center_x - text_width / 2.0f, y));
  gtk_snapshot_append_layout (snapshot, layout, color);
  gtk_snapshot_restore (snapshot);
}

static int
text_height (GtkWidget *widget)
{
  g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, "+0");
  int height;

  pango_layout_get_pixel_size (layout, NULL, &height);
  return height;
}

/* Each bar carries its mark at its end and its date under the chart (when
 * the bars are wide enough for the dates, every one; else as many as fit). */
static void
lateral_marks_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LateralMarksChart *self = LATERAL_MARKS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  int line = text_height (widget);
  GdkRGBA positive, negative, axis, text;
  int top = 0, bottom = 0;
  float zero_y, bar_width, scale, plot_top, plot_height, last_date_end = -G_MAXFLOAT;

  if (self->marks->len == 0 || width <= 0 || height <= 0)
    return;

  lookup_color (widget, "accent_color", &positive);
  lookup_color (widget, "error_color", &negative);
  lookup_color (widget, "window_fg_color", &axis);
  text = axis;
  axis.alpha *= 0.3f;

  /* The zero line in the middle, so a gain and a loss of the same size
   * look the same size, whatever the learner's marks so far. Room for a
   * mark above the highest bar and below the lowest, and for the dates. */
  for (guint i = 0; i < self->marks->len; i++)
    top = MAX (top, ABS (g_array_index (self->marks, int, i)));
  top = MAX (top, 1);
  bottom = -top;

  plot_top = line + LABEL_GAP;
  plot_height = MAX (2.0f, height - 2 * (line + LABEL_GAP) - line - LABEL_GAP);
  scale = plot_height / (top - bottom);
  zero_y = plot_top + top * scale;
  bar_width = MIN (BAR_MAX_WIDTH, (float) (width - BAR_GAP * (self->marks->len - 1)) / self->marks->len);
  bar_width = MAX (bar_width, 2.0f);

  for (guint i = 0; i < self->marks->len; i++)
    {
      int mark = g_array_index (self->marks, int, i);
      float x = i * (bar_width + BAR_GAP);
      float bar_height = MAX (2.0f, ABS (mark) * scale);
      g_autofree char *value = NULL;
      graphene_rect_t bar;

      if (mark >= 0)
        graphene_rect_init (&bar, x, zero_y - bar_height, bar_width, bar_height);
      else
        graphene_rect_init (&bar, x, zero_y, bar_width, bar_height);
      gtk_snapshot_append_color (snapshot, mark >= 0 ? &positive : &negative, &bar);

      value = mark > 0 ? g_strdup_printf ("+%d", mark) : mark < 0 ? g_strdup_printf ("−%d", -mark) : g_strdup ("0");
      append_text (widget, snapshot, value, x + bar_width / 2,
                   mark >= 0 ? zero_y - bar_height - line - LABEL_GAP : zero_y + bar_height + LABEL_GAP,
                   &text, NULL);

      if (i < self->dates->len)
        {
          g_autofree char *date = format_short_date (g_array_index (self->dates, gint64, i));
          g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, date);
          int date_width;

          /* A date only where it does not run into the one before. */
          pango_layout_get_pixel_size (layout, &date_width, NULL);
          if (x + bar_width / 2 - date_width / 2.0f > last_date_end + BAR_GAP)
            {
              append_text (widget, snapshot, date, x + bar_width / 2, height - line, &text, NULL);
              last_date_end = x + bar_width / 2 + date_width / 2.0f;
            }
        }
    }

  gtk_snapshot_append_color (snapshot, &axis,
                             &GRAPHENE_RECT_INIT (0, zero_y - 0.5f, width, 1));
}

static void
lateral_marks_chart_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  LateralMarksChart *self = LATERAL_MARKS_CHART (widget);

  if (orientation == GTK_ORIENTATION_VERTICAL)
    {
      *minimum = *natural = MIN_HEIGHT;
    }
  else
    {
      /* Bars narrow down to fit: the chart never asks for width. */
      *minimum = 0;
      *natural = self->marks->len * (BAR_MAX_WIDTH + BAR_GAP);
    }
}

GtkWidget *
lateral_marks_chart_new (void)
{
  return g_object_new (LATERAL_TYPE_MARKS_CHART, NULL);
}

/**
 * lateral_marks_chart_set_marks:
 * @marks: (array length=n_marks): the total marks, oldest first
 * @dates: (array length=n_marks) (nullable): when each attempt finished, unix seconds
 */
void
lateral_marks_chart_set_marks (LateralMarksChart *self,
                               const int         *marks,
                               const gint64      *dates,
                               guint              n_marks)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (LATERAL_IS_MARKS_CHART (self));
  g_return_if_fail (marks != NULL || n_marks == 0);

  g_array_set_size (self->marks, 0);
  g_array_set_size (self->dates, 0);
  if (n_marks > 0)
    g_array_append_vals (self->marks, marks, n_marks);
  if (n_marks > 0 && dates != NULL)
    g_array_append_vals (self->dates, dates, n_marks);

  /* A picture says nothing to a screen reader: the numbers and dates do. */
  for (guint i = 0; i < n_marks; i++)
    {
      g_autofree char *date = dates != NULL ? lateral_format_timestamp (dates[i]) : NULL;

      if (i > 0)
        g_string_append (description, ", ");
      if (date != NULL)
        /* TRANSLATORS: one bar of the marks chart for a screen reader: a mark and its date, e.g. "+5 on 14 Sep 2026, 09:30" */
        g_string_append_printf (description, _("%d on %s"), marks[i], date);
      else
        g_string_append_printf (description, "%d", marks[i]);
    }
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->str,
                                  -1);

  gtk_widget_queue_resize (GTK_WIDGET (self));
}

guint
lateral_marks_chart_get_n_marks (LateralMarksChart *self)
{
  g_return_val_if_fail (LATERAL_IS_MARKS_CHART (self), 0);

  return self->marks->len;
}

static void
lateral_marks_chart_finalize (GObject *object)
{
  LateralMarksChart *self = LATERAL_MARKS_CHART (object);

  g_clear_pointer (&self->marks, g_array_unref);
  g_clear_pointer (&self->dates, g_array_unref);

  G_OBJECT_CLASS (lateral_marks_chart_parent_class)->finalize (object);
}

static void
lateral_marks_chart_class_init (LateralMarksChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lateral_marks_chart_finalize;
  widget_class->snapshot = lateral_marks_chart_snapshot;
  widget_class->measure = lateral_marks_chart_measure;

  gtk_widget_class_set_css_name (widget_class, "marks-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lateral_marks_chart_init (LateralMarksChart *self)
{
  self->marks = g_array_new (FALSE, FALSE, sizeof (int));
  self->dates = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Total marks of your finished attempts, oldest first"),
                                  -1);
}
