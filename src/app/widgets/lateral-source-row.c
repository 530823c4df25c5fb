/* lateral-source-row.c: a dated source as a row that opens it on activation
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A dated source: publisher, title and date, opened in the browser only when
 * the learner activates the row.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-format.h"
#include "lateral-source-row.h"

struct _LateralSourceRow
{
  AdwActionRow  parent_instance;

  char         *url;
};

G_DEFINE_FINAL_TYPE (LateralSourceRow, lateral_source_row, ADW_TYPE_ACTION_ROW)

static void
on_activated (LateralSourceRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* The pack loader accepts only http and https links. */
  gtk_show_uri (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->url, GDK_CURRENT_TIME);
}

GtkWidget *
lateral_source_row_new (const LateralSource *source)
{
  LateralSourceRow *self;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  GtkWidget *icon;

  g_return_val_if_fail (source != NULL, NULL);

  date = lateral_format_date (source->date);
  /* TRANSLATORS: a source's publisher and date, e.g. "ABC News · 15 September 2015" */
  subtitle = g_strdup_printf (_("%s · %s"), source->publisher, date);
  description = g_strdup_printf (_("Opens %s in your web browser"), source->url);

  self = g_object_new (LATERAL_TYPE_SOURCE_ROW,
                       "use-markup", FALSE,
                       "title", source->title,
                       "subtitle", subtitle,
                       "activatable", TRUE,
                       "tooltip-text", source->url,
                       NULL);
  self->url = g_strdup (source->url);

  icon = gtk_image_new_from_icon_name ("adw-external-link-symbolic");
  gtk_accessible_update_property (GTK_ACCESSIBLE (icon),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("External link"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (self), icon);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return GTK_WIDGET (self);
}

const char *
lateral_source_row_get_url (LateralSourceRow *self)
{
  g_return_val_if_fail (LATERAL_IS_SOURCE_ROW (self), NULL);

  return self->url;
}

/* Appends one wrapping label per paragraph; pack text is data, never markup. */
void
lateral_add_paragraphs (GtkBox   *box,
                        char    **paragraphs,
                        gboolean  selectable)
{
  g_return_if_fail (GTK_IS_BOX (box));

  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (NULL);

      gtk_label_set_text (GTK_LABEL (label), paragraphs[i]);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0.0);
      gtk_label_set_selectable (GTK_LABEL (label), selectable);
      /* Selectable labels take focus; the Tab order stays on controls. */
      gtk_widget_set_focusable (label, FALSE);
      gtk_box_append (box, label);
    }
}

static void
lateral_source_row_finalize (GObject *object)
{
  LateralSourceRow *self = LATERAL_SOURCE_ROW (object);

  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (lateral_source_row_parent_class)->finalize (object);
}

static void
lateral_source_row_class_init (LateralSourceRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lateral_source_row_finalize;
}

static void
lateral_source_row_init (LateralSourceRow *self)
{
  g_signal_connect (self, "activated", G_CALLBACK (on_activated), NULL);
}
