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

#define BAR_MAX_WIDTH 32
#define BAR_GAP        6
#define MIN_HEIGHT   120

struct _LateralMarksChart
{
  GtkWidget  parent_instance;

  GArray    *marks;   /* of int */
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

static void
lateral_marks_chart_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  LateralMarksChart *self = LATERAL_MARKS_CHART (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  GdkRGBA positive, negative, axis;
  int top = 0, bottom = 0;
  float zero_y, bar_width, scale;

  if (self->marks->len == 0 || width <= 0 || height <= 0)
    return;

  lookup_color (widget, "accent_color", &positive);
  lookup_color (widget, "error_color", &negative);
  lookup_color (widget, "window_fg_color", &axis);
  axis.alpha *= 0.3f;

  /* The zero line in the middle, so a gain and a loss of the same size
   * look the same size, whatever the learner's marks so far. */
  for (guint i = 0; i < self->marks->len; i++)
    top = MAX (top, ABS (g_array_index (self->marks, int, i)));
  top = MAX (top, 1);
  bottom = -top;

  scale = (float) (height - 2) / (top - bottom);
  zero_y = 1 + top * scale;
  bar_width = MIN (BAR_MAX_WIDTH, (float) (width - BAR_GAP * (self->marks->len - 1)) / self->marks->len);
  bar_width = MAX (bar_width, 2.0f);

  for (guint i = 0; i < self->marks->len; i++)
    {
      int mark = g_array_index (self->marks, int, i);
      float x = i * (bar_width + BAR_GAP);
      float bar_height = MAX (2.0f, ABS (mark) * scale);
      graphene_rect_t bar;

      if (mark >= 0)
        graphene_rect_init (&bar, x, zero_y - bar_height, bar_width, bar_height);
      else
        graphene_rect_init (&bar, x, zero_y, bar_width, bar_height);
      gtk_snapshot_append_color (snapshot, mark >= 0 ? &positive : &negative, &bar);
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

void
lateral_marks_chart_set_marks (LateralMarksChart *self,
                               const int         *marks,
                               guint              n_marks)
{
  g_autoptr(GString) description = g_string_new (NULL);

  g_return_if_fail (LATERAL_IS_MARKS_CHART (self));
  g_return_if_fail (marks != NULL || n_marks == 0);

  g_array_set_size (self->marks, 0);
  if (n_marks > 0)
    g_array_append_vals (self->marks, marks, n_marks);

  /* A picture says nothing to a screen reader: the numbers do. */
  for (guint i = 0; i < n_marks; i++)
    g_string_append_printf (description, i == 0 ? "%d" : ", %d", marks[i]);
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
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Total marks of your finished attempts, oldest first"),
                                  -1);
}
