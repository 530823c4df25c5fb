/* lateral-lrs-bar.c: a slim bar under the window's pages, shown only when
 * the school configured an LRS (lrs.ini): how many statements wait to be
 * sent, whether a send runs, and why the last one failed
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * It owns the app's LateralXapiSender, which sends in GTask threads with
 * its own database connection: the main loop never waits for the network.
 * Reading lrs.ini (a few hundred bytes, once) is the only file work done
 * here, at start-up, so the very first case is already queued.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-lrs-bar.h"
#include "xapi/lateral-xapi-config.h"
#include "xapi/lateral-xapi-outbox.h"
#include "xapi/lateral-xapi-sender.h"

struct _LateralLrsBar
{
  GtkWidget           parent_instance;

  GtkWidget          *box;
  GtkWidget          *icon;
  GtkWidget          *spinner;
  GtkWidget          *label;

  LateralXapiConfig  *config;   /* NULL: sending is off, the bar hidden */
  LateralXapiSender  *sender;
};

G_DEFINE_FINAL_TYPE (LateralLrsBar, lateral_lrs_bar, GTK_TYPE_WIDGET)

static void
update (LateralLrsBar *self)
{
  guint n_waiting = lateral_xapi_sender_get_n_waiting (self->sender);
  gboolean busy = lateral_xapi_sender_get_busy (self->sender);
  const char *last_error = lateral_xapi_sender_get_last_error (self->sender);
  g_autofree char *text = NULL;

  if (n_waiting == 0)
    text = g_strdup (_("All answers sent to the school"));
  else
    text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u record waiting to be sent to the school",
                                         "%u records waiting to be sent to the school", n_waiting),
                            n_waiting);

  gtk_label_set_text (GTK_LABEL (self->label), text);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), busy);
  gtk_widget_set_visible (self->spinner, busy);
  gtk_widget_set_visible (self->icon, !busy);
  gtk_image_set_from_icon_name (GTK_IMAGE (self->icon),
                                last_error != NULL && n_waiting > 0 ? "network-offline-symbolic"
                                                                    : "emblem-ok-symbolic");

  /* The reason is the description, where a screen reader finds it; the
   * answers are safe on this computer whatever it says. */
  if (last_error != NULL && n_waiting > 0)
    {
      g_autofree char *why = g_strdup_printf (_("Not sent yet, kept on this computer and tried again later: %s"),
                                              last_error);

      gtk_widget_set_tooltip_text (self->label, why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why, -1);
    }
  else
    {
      gtk_widget_set_tooltip_text (self->label, NULL);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (self->label), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static void
on_sender_notify (LateralLrsBar *self)
{
  update (self);
}

/**
 * lateral_lrs_bar_start:
 * @store_filename: the learner's database
 *
 * Reads lrs.ini; when the school configured an LRS, shows the bar and
 * starts the sender (a first send of whatever waits from earlier).
 */
void
lateral_lrs_bar_start (LateralLrsBar *self,
                       const char    *store_filename)
{
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LATERAL_IS_LRS_BAR (self));
  g_return_if_fail (self->sender == NULL);

  self->config = lateral_xapi_config_load (&error);
  if (self->config == NULL)
    {
      /* A broken file: the learner plays on, the answers stay here. */
      if (error != NULL)
        g_warning ("Not sending to the school's LRS: %s", error->message);
      return;
    }

  self->sender = lateral_xapi_sender_new (self->config, store_filename);
  g_signal_connect_object (self->sender, "notify", G_CALLBACK (on_sender_notify), self, G_CONNECT_SWAPPED);
  update (self);
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  lateral_xapi_sender_start (self->sender);
}

static gboolean
kick_cb (gpointer user_data)
{
  lateral_xapi_sender_kick (user_data);
  return G_SOURCE_REMOVE;
}

static gboolean
queued_cb (LateralPlay          *play,
           LateralPlayEvent      event,
           const LateralAnswer  *answer,
           gpointer              user_data,
           GError              **error)
{
  /* Called inside the answer's transaction: the send starts once it is
   * committed, on the next turn of the main loop. */
  g_idle_add_full (G_PRIORITY_DEFAULT, kick_cb, g_object_ref (user_data), g_object_unref);
  return TRUE;
}

/**
 * lateral_lrs_bar_attach:
 *
 * Queues @play's statements when sending is configured (nothing
 * otherwise), and sends after each answer.
 */
gboolean
lateral_lrs_bar_attach (LateralLrsBar  *self,
                        LateralPlay    *play,
                        GError        **error)
{
  g_return_val_if_fail (LATERAL_IS_LRS_BAR (self), FALSE);
  g_return_val_if_fail (LATERAL_IS_PLAY (play), FALSE);

  if (self->sender == NULL)
    return TRUE;

  return lateral_xapi_outbox_attach_full (play, self->config, queued_cb,
                                          g_object_ref (self->sender), g_object_unref, error);
}

/**
 * lateral_lrs_bar_send_now:
 *
 * Sends what is waiting (a quick check queued outside a case's answers)
 * without waiting for the next answer; nothing when sending is off.
 */
void
lateral_lrs_bar_send_now (LateralLrsBar *self)
{
  g_return_if_fail (LATERAL_IS_LRS_BAR (self));

  if (self->sender != NULL)
    lateral_xapi_sender_kick (self->sender);
}

/* What the bar says, for tests. */
const char *
lateral_lrs_bar_get_text (LateralLrsBar *self)
{
  g_return_val_if_fail (LATERAL_IS_LRS_BAR (self), NULL);

  return gtk_label_get_text (GTK_LABEL (self->label));
}

static void
lateral_lrs_bar_dispose (GObject *object)
{
  LateralLrsBar *self = LATERAL_LRS_BAR (object);

  if (self->sender != NULL)
    lateral_xapi_sender_stop (self->sender);
  g_clear_object (&self->sender);
  gtk_widget_dispose_template (GTK_WIDGET (self), LATERAL_TYPE_LRS_BAR);

  G_OBJECT_CLASS (lateral_lrs_bar_parent_class)->dispose (object);
}

static void
lateral_lrs_bar_finalize (GObject *object)
{
  LateralLrsBar *self = LATERAL_LRS_BAR (object);

  g_clear_pointer (&self->config, lateral_xapi_config_free);

  G_OBJECT_CLASS (lateral_lrs_bar_parent_class)->finalize (object);
}

static void
lateral_lrs_bar_class_init (LateralLrsBarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_lrs_bar_dispose;
  object_class->finalize = lateral_lrs_bar_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-lrs-bar.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralLrsBar, box);
  gtk_widget_class_bind_template_child (widget_class, LateralLrsBar, icon);
  gtk_widget_class_bind_template_child (widget_class, LateralLrsBar, spinner);
  gtk_widget_class_bind_template_child (widget_class, LateralLrsBar, label);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "lateral-lrs-bar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
lateral_lrs_bar_init (LateralLrsBar *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  /* Without it, a screen reader hears the type name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Sending to the school’s learning record store"), -1);
}
