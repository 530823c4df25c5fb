/* lateral-columns.c: two children side by side, or stacked when narrow
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Two children side by side when the width allows, one above the other
 * when it does not: a claim and its choices share a wide window so that
 * both and the Lock In bar fit one screen at 1280x800, and stack at 360 px.
 * libadwaita 1.2 has no AdwBreakpoint, and flipping a GtkBox's orientation
 * from a size callback would re-queue the layout it is in, so the decision
 * is made here, in measure and allocate, from the width given.
 */
#include "config.h"

#include "lateral-columns.h"

struct _LateralColumns
{
  GtkWidget  parent_instance;

  GtkWidget *start_child;
  GtkWidget *end_child;
  int        threshold;   /* the narrowest width that takes two columns */
  int        spacing;
  gboolean   side_by_side;
};

G_DEFINE_FINAL_TYPE (LateralColumns, lateral_columns, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_START_CHILD,
  PROP_END_CHILD,
  PROP_THRESHOLD,
  PROP_SPACING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measure_child (GtkWidget      *child,
               GtkOrientation  orientation,
               int             for_size,
               int            *minimum,
               int            *natural)
{
  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, NULL, NULL);
}

/* The widths of the two columns at @width: the start column takes a little
 * more, as it holds the text being judged. */
static void
split_width (LateralColumns *self,
             int             width,
             int            *start_width,
             int            *end_width)
{
  int available = MAX (0, width - self->spacing);

  *start_width = available * 11 / 20;
  *end_width = available - *start_width;
}

static void
lateral_columns_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  LateralColumns *self = LATERAL_COLUMNS (widget);
  int start_min, start_nat, end_min, end_nat;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      measure_child (self->start_child, orientation, -1, &start_min, &start_nat);
      measure_child (self->end_child, orientation, -1, &end_min, &end_nat);
      /* Stacked is always possible, so the minimum is the wider child's. */
      *minimum = MAX (start_min, end_min);
      *natural = MAX (self->threshold, start_nat + self->spacing + end_nat);
      return;
    }

  if (for_size >= self->threshold)
    {
      int start_width, end_width;

      split_width (self, for_size, &start_width, &end_width);
      measure_child (self->start_child, orientation, start_width, &start_min, &start_nat);
      measure_child (self->end_child, orientation, end_width, &end_min, &end_nat);
      *minimum = MAX (start_min, end_min);
      *natural = MAX (start_nat, end_nat);
      return;
    }

  measure_child (self->start_child, orientation, for_size, &start_min, &start_nat);
  measure_child (self->end_child, orientation, for_size, &end_min, &end_nat);
  *minimum = start_min + self->spacing + end_min;
  *natural = start_nat + self->spacing + end_nat;
}

static void
lateral_columns_size_allocate (GtkWidget *widget,
                               int        width,
                               int        height,
                               int        baseline)
{
  LateralColumns *self = LATERAL_COLUMNS (widget);
  int start_min, start_nat, end_min, end_nat;

  self->side_by_side = width >= self->threshold;

  if (self->side_by_side)
    {
      int start_width, end_width;

      split_width (self, width, &start_width, &end_width);
      if (self->start_child != NULL && gtk_widget_should_layout (self->start_child))
        gtk_widget_size_allocate (self->start_child,
                                  &(GtkAllocation) { 0, 0, start_width, height }, -1);
      if (self->end_child != NULL && gtk_widget_should_layout (self->end_child))
        gtk_widget_size_allocate (self->end_child,
                                  &(GtkAllocation) { start_width + self->spacing, 0, end_width, height }, -1);
      return;
    }

  measure_child (self->start_child, GTK_ORIENTATION_VERTICAL, width, &start_min, &start_nat);
  measure_child (self->end_child, GTK_ORIENTATION_VERTICAL, width, &end_min, &end_nat);
  if (self->start_child != NULL && gtk_widget_should_layout (self->start_child))
    gtk_widget_size_allocate (self->start_child, &(GtkAllocation) { 0, 0, width, start_min }, -1);
  if (self->end_child != NULL && gtk_widget_should_layout (self->end_child))
    gtk_widget_size_allocate (self->end_child,
                              &(GtkAllocation) { 0, start_min + self->spacing, width,
                                                 MAX (end_min, height - start_min - self->spacing) }, -1);
}

static GtkSizeRequestMode
lateral_columns_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
set_child (LateralColumns  *self,
           GtkWidget      **slot,
           GtkWidget       *child,
           GParamSpec      *pspec)
{
  if (*slot == child)
    return;

  if (*slot != NULL)
    gtk_widget_unparent (*slot);
  *slot = child;
  if (child != NULL)
    {
      /* The end child after the start child, for the Tab order. */
      if (slot == &self->end_child || self->end_child == NULL)
        gtk_widget_insert_before (child, GTK_WIDGET (self), NULL);
      else
        gtk_widget_insert_before (child, GTK_WIDGET (self), self->end_child);
    }

  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

void
lateral_columns_set_start_child (LateralColumns *self,
                                 GtkWidget      *child)
{
  g_return_if_fail (LATERAL_IS_COLUMNS (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  set_child (self, &self->start_child, child, properties[PROP_START_CHILD]);
}

void
lateral_columns_set_end_child (LateralColumns *self,
                               GtkWidget      *child)
{
  g_return_if_fail (LATERAL_IS_COLUMNS (self));
  g_return_if_fail (child == NULL || GTK_IS_WIDGET (child));

  set_child (self, &self->end_child, child, properties[PROP_END_CHILD]);
}

/* Returns: whether the last allocation put the children side by side */
gboolean
lateral_columns_is_side_by_side (LateralColumns *self)
{
  g_return_val_if_fail (LATERAL_IS_COLUMNS (self), FALSE);

  return self->side_by_side;
}

GtkWidget *
lateral_columns_new (void)
{
  return g_object_new (LATERAL_TYPE_COLUMNS, NULL);
}

static void
lateral_columns_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  LateralColumns *self = LATERAL_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_START_CHILD:
      g_value_set_object (value, self->start_child);
      break;
    case PROP_END_CHILD:
      g_value_set_object (value, self->end_child);
      break;
    case PROP_THRESHOLD:
      g_value_set_int (value, self->threshold);
      break;
    case PROP_SPACING:
      g_value_set_int (value, self->spacing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lateral_columns_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  LateralColumns *self = LATERAL_COLUMNS (object);

  switch (prop_id)
    {
    case PROP_START_CHILD:
      lateral_columns_set_start_child (self, g_value_get_object (value));
      break;
    case PROP_END_CHILD:
      lateral_columns_set_end_child (self, g_value_get_object (value));
      break;
    case PROP_THRESHOLD:
      self->threshold = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    case PROP_SPACING:
      self->spacing = g_value_get_int (value);
      gtk_widget_queue_resize (GTK_WIDGET (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lateral_columns_dispose (GObject *object)
{
  LateralColumns *self = LATERAL_COLUMNS (object);

  g_clear_pointer (&self->start_child, gtk_widget_unparent);
  g_clear_pointer (&self->end_child, gtk_widget_unparent);

  G_OBJECT_CLASS (lateral_columns_parent_class)->dispose (object);
}

static void
lateral_columns_class_init (LateralColumnsClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_columns_dispose;
  object_class->get_property = lateral_columns_get_property;
  object_class->set_property = lateral_columns_set_property;

  widget_class->measure = lateral_columns_measure;
  widget_class->size_allocate = lateral_columns_size_allocate;
  widget_class->get_request_mode = lateral_columns_get_request_mode;

  properties[PROP_START_CHILD] =
    g_param_spec_object ("start-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_END_CHILD] =
    g_param_spec_object ("end-child", NULL, NULL, GTK_TYPE_WIDGET,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_THRESHOLD] =
    g_param_spec_int ("threshold", NULL, NULL, 0, G_MAXINT, 720,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  properties[PROP_SPACING] =
    g_param_spec_int ("spacing", NULL, NULL, 0, G_MAXINT, 24,
                      G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GENERIC);
}

static void
lateral_columns_init (LateralColumns *self)
{
  self->threshold = 720;
  self->spacing = 24;
}
