/* lateral-class-row.c: one line of a Class Results list, as a list item
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A class of 3,000 learners is 3,000 rows: as AdwActionRows in a box they
 * took seconds to build and lay out on the main loop. These rows are plain
 * objects holding their two texts, made in the worker that builds the
 * report, and shown by a GtkListView that creates widgets only for the rows
 * on screen. The texts are formatted once, off the main loop, so scrolling
 * only binds strings.
 */
#include "config.h"

#include "lateral-class-row.h"

struct _LateralClassRow
{
  GObject  parent_instance;

  char    *title;
  char    *subtitle;
};

G_DEFINE_FINAL_TYPE (LateralClassRow, lateral_class_row, G_TYPE_OBJECT)

static void
lateral_class_row_finalize (GObject *object)
{
  LateralClassRow *self = LATERAL_CLASS_ROW (object);

  g_free (self->title);
  g_free (self->subtitle);

  G_OBJECT_CLASS (lateral_class_row_parent_class)->finalize (object);
}

static void
lateral_class_row_class_init (LateralClassRowClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lateral_class_row_finalize;
}

static void
lateral_class_row_init (LateralClassRow *self)
{
}

/**
 * lateral_class_row_new:
 * @subtitle: (transfer full): taken, not copied
 *
 * Safe to call from a worker thread: the object is not shared until it is
 * handed to the main loop.
 */
LateralClassRow *
lateral_class_row_new (const char *title,
                       char       *subtitle)
{
  LateralClassRow *self = g_object_new (LATERAL_TYPE_CLASS_ROW, NULL);

  self->title = g_strdup (title);
  self->subtitle = subtitle;

  return self;
}

const char *
lateral_class_row_get_title (LateralClassRow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_ROW (self), NULL);

  return self->title;
}

const char *
lateral_class_row_get_subtitle (LateralClassRow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_ROW (self), NULL);

  return self->subtitle;
}

static void
setup_item (GtkSignalListItemFactory *factory,
            GtkListItem              *item)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 9);
  gtk_widget_set_margin_bottom (box, 9);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  /* Names come from bundles: plain text (gtk_label_new() sets no markup). */
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), subtitle);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_list_item_set_child (item, box);
}

static void
bind_item (GtkSignalListItemFactory *factory,
           GtkListItem              *item)
{
  LateralClassRow *row = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  GtkWidget *title = gtk_widget_get_first_child (box);
  GtkWidget *subtitle = gtk_widget_get_next_sibling (title);

  gtk_label_set_text (GTK_LABEL (title), row->title);
  gtk_label_set_text (GTK_LABEL (subtitle), row->subtitle);
  /* A screen reader reads the row as one line, as it would an AdwActionRow. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (box),
                                  GTK_ACCESSIBLE_RELATION_LABELLED_BY, title, NULL,
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, subtitle, NULL,
                                  -1);
}

GtkListItemFactory *
lateral_class_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_item), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_item), NULL);

  return factory;
}

/* GTK 4.8's list view makes a widget for up to 200 rows the first time it
 * is laid out, before it knows how tall a row is: 60 ms of work in one
 * frame. Shown first with a few rows, it learns their height; then it gets
 * all of them and makes only the rows on screen. */
#define FIRST_ROWS 12

/**
 * lateral_class_row_list_show_all:
 * @list: made by lateral_class_row_list_new()
 *
 * Gives the list all its rows, once it has been laid out with the first.
 */
void
lateral_class_row_list_show_all (GtkWidget *list)
{
  GtkSliceListModel *slice = g_object_get_data (G_OBJECT (list), "lateral-slice");

  g_return_if_fail (GTK_IS_SLICE_LIST_MODEL (slice));

  gtk_slice_list_model_set_size (slice, G_MAXUINT);
}

/**
 * lateral_class_row_list_new:
 * @rows: of #LateralClassRow
 *
 * Returns: (transfer floating): a list of the first @rows in a frame that
 *   scrolls on its own past about ten rows, so only the rows on screen have
 *   widgets; lateral_class_row_list_show_all() gives it the others
 */
GtkWidget *
lateral_class_row_list_new (GListModel *rows)
{
  GtkSliceListModel *slice = gtk_slice_list_model_new (g_object_ref (rows), 0, FIRST_ROWS);
  GtkNoSelection *selection = gtk_no_selection_new (G_LIST_MODEL (slice));
  GtkWidget *list = gtk_list_view_new (GTK_SELECTION_MODEL (selection), lateral_class_row_factory_new ());
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *frame = gtk_frame_new (NULL);

  gtk_list_view_set_show_separators (GTK_LIST_VIEW (list), TRUE);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scrolled), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scrolled), 480);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_frame_set_child (GTK_FRAME (frame), scrolled);
  g_object_set_data (G_OBJECT (frame), "lateral-slice", slice);
  gtk_widget_add_css_class (frame, "card");
  gtk_widget_set_overflow (frame, GTK_OVERFLOW_HIDDEN);

  return frame;
}
