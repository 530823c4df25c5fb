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
on_address_response (AdwMessageDialog *dialog,
                     const char       *response,
                     gpointer          user_data)
{
  const char *url = g_object_get_data (G_OBJECT (dialog), "lateral-url");

  if (g_strcmp0 (response, "copy") == 0 && url != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (dialog)), url);
}

/**
 * lateral_show_address_dialog:
 * @parent: (nullable): the window the dialog belongs to
 * @url: the address that could not be opened
 *
 * Shows the address of a source that no browser could open, selectable and
 * with a Copy button, so the learner can open it some other way.
 *
 * Returns: (transfer none): the dialog, already presented
 */
GtkWidget *
lateral_show_address_dialog (GtkWindow  *parent,
                             const char *url)
{
  GtkWidget *dialog, *label;

  g_return_val_if_fail (url != NULL, NULL);

  dialog = adw_message_dialog_new (parent, _("No Browser Could Open the Source"),
                                   _("Copy the address and open it in a browser, on this computer or another."));
  label = gtk_label_new (url);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_CHAR);
  gtk_widget_add_css_class (label, "monospace");
  gtk_accessible_update_property (GTK_ACCESSIBLE (label),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Address"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), label);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "close", _("_Close"),
                                    "copy", _("C_opy Address"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "copy", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  g_object_set_data_full (G_OBJECT (dialog), "lateral-url", g_strdup (url), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (on_address_response), NULL);
  gtk_window_present (GTK_WINDOW (dialog));

  return dialog;
}

typedef struct {
  GtkWindow *parent;   /* weak */
  char      *url;
} ShowUriData;

static void
on_uri_shown (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  ShowUriData *data = user_data;
  g_autoptr(GError) error = NULL;

  if (!gtk_show_uri_full_finish (GTK_WINDOW (source), result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_debug ("Could not open %s: %s", data->url, error->message);
      lateral_show_address_dialog (data->parent, data->url);
    }

  g_clear_weak_pointer (&data->parent);
  g_free (data->url);
  g_free (data);
}

static void
on_activated (LateralSourceRow *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  ShowUriData *data;

  /* gtk_show_uri_full() needs a window to report to; without one (a row
   * not yet in a window) there is nothing to open from. */
  if (!GTK_IS_WINDOW (root))
    return;

  data = g_new0 (ShowUriData, 1);
  g_set_weak_pointer (&data->parent, GTK_WINDOW (root));
  data->url = g_strdup (self->url);
  /* The pack loader accepts only http and https links. */
  gtk_show_uri_full (GTK_WINDOW (root), self->url, GDK_CURRENT_TIME, NULL, on_uri_shown, data);
}

GtkWidget *
lateral_source_row_new (const LateralSource *source)
{
  LateralSourceRow *self;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *description = NULL;
  g_autofree char *name = NULL;
  GtkWidget *icon;

  g_return_val_if_fail (source != NULL, NULL);

  date = lateral_format_date (source->date);
  /* TRANSLATORS: a source's publisher and date, e.g. "ABC News · 15 September 2015" */
  subtitle = g_strdup_printf (_("%s · %s"), source->publisher, date);
  description = g_strdup_printf (_("Opens %s in your web browser"), source->url);

  /* A link to a screen reader, named by its title, publisher and date. */
  self = g_object_new (LATERAL_TYPE_SOURCE_ROW,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_LINK,
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
  name = g_strdup_printf ("%s, %s", source->title, subtitle);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);

  return GTK_WIDGET (self);
}

/* A source the learner may not read yet: published on or after the day of
 * the claim they are about to judge, so its headline could answer it (on
 * 15 September "…Kremlin Denies It" answers "did Putin call?"). The row
 * names the publisher and the date, which the case cites; the headline and
 * the link wait until that claim is locked in. */
GtkWidget *
lateral_source_row_new_held (const LateralSource *source)
{
  LateralSourceRow *self;
  g_autofree char *date = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (source != NULL, NULL);

  date = lateral_format_date (source->date);
  /* TRANSLATORS: a source whose headline is held back until the learner answers, e.g. "15 September 2015 · headline after your answer" */
  subtitle = g_strdup_printf (_("%s · headline after your answer"), date);
  self = g_object_new (LATERAL_TYPE_SOURCE_ROW,
                       "accessible-role", GTK_ACCESSIBLE_ROLE_LIST_ITEM,
                       "use-markup", FALSE,
                       "title", source->publisher,
                       "subtitle", subtitle,
                       "activatable", FALSE,
                       NULL);
  /* TRANSLATORS: the accessible name of a held-back source: publisher, date */
  name = g_strdup_printf (_("%s, %s: its headline and link are shown after you answer the next claim"),
                          source->publisher, date);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
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
