/* lateral-messages.c: toasts and message dialogs for every window and page
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Written once so that every message gets the same two protections: what we
 * show may hold a learner's name or a pack's title, so it is never taken as
 * markup, and a dialog always belongs to the window that asked for it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-messages.h"

/* Shows @text (plain text) as a toast in @widget, when @widget is an
 * AdwToastOverlay, or else in the nearest overlay around it. A widget not
 * yet in a window has nowhere to show it, and the toast is dropped. */
void
lateral_messages_toast (GtkWidget  *widget,
                        const char *text)
{
  GtkWidget *overlay;
  g_autofree char *escaped = NULL;

  g_return_if_fail (GTK_IS_WIDGET (widget));
  g_return_if_fail (text != NULL);

  if (ADW_IS_TOAST_OVERLAY (widget))
    overlay = widget;
  else
    overlay = gtk_widget_get_ancestor (widget, ADW_TYPE_TOAST_OVERLAY);
  if (overlay == NULL)
    return;

  /* Toast titles are markup. */
  escaped = g_markup_escape_text (text, -1);
  adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), adw_toast_new (escaped));
}

/* The response buttons are labelled with mnemonics ("_Close"). GtkButton
 * copies that raw text into its accessible label, and GTK 4.8 reads it
 * before the inner label's text: AT-SPI gets "_Close Close". Without the
 * copy the name is the inner label's, "Close" (checked with pyatspi).
 * Done at map time, once the caller has added every response. */
static void
name_responses (GtkWidget *widget)
{
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      if (GTK_IS_BUTTON (child) && gtk_button_get_use_underline (GTK_BUTTON (child)))
        gtk_accessible_reset_property (GTK_ACCESSIBLE (child), GTK_ACCESSIBLE_PROPERTY_LABEL);
      else
        name_responses (child);
    }
}

/* A message dialog over @widget's window, with no responses yet: the caller
 * adds them, connects "response" and presents it. @heading and @body are
 * plain text. */
AdwMessageDialog *
lateral_messages_dialog_new (GtkWidget  *widget,
                             const char *heading,
                             const char *body)
{
  GtkRoot *root;
  GtkWidget *dialog;

  g_return_val_if_fail (GTK_IS_WIDGET (widget), NULL);

  root = gtk_widget_get_root (widget);
  dialog = adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, heading, body);
  adw_message_dialog_set_heading_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  adw_message_dialog_set_body_use_markup (ADW_MESSAGE_DIALOG (dialog), FALSE);
  g_signal_connect (dialog, "map", G_CALLBACK (name_responses), NULL);
  return ADW_MESSAGE_DIALOG (dialog);
}

/* A dialog rather than a toast, for errors: they name files and reasons that
 * a person may need to read twice, and a toast would take them away. */
void
lateral_messages_show (GtkWidget  *widget,
                       const char *heading,
                       const char *body)
{
  AdwMessageDialog *dialog;

  g_return_if_fail (GTK_IS_WIDGET (widget));

  dialog = lateral_messages_dialog_new (widget, heading, body);
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}
