/* lateral-check-offer.c: the bar that offers the quick check before and after a case
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * When a learner starts their first attempt at a case, and again when they
 * finish the attempt they took the check for, a bar under the header bar
 * offers the quick check (issue 13): "Take the Check" opens it, "Not Now"
 * puts the bar away. It never takes the focus and never blocks the case.
 * `lateral --measure ID` asks for it: then it is offered before every new
 * attempt and after every finished one, with that instrument.
 *
 * Whether to offer is decided in a worker thread (the instrument file is
 * read, and the learner's attempts and checks are queried on the worker's
 * own connection); the bar appears only if the answer comes back while the
 * same offer still stands.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "store/lateral-store-measures.h"
#include "lateral-check-offer.h"
#include "lateral-quick-check.h"

struct _LateralCheckOffer
{
  AdwBin           parent_instance;

  GtkRevealer     *revealer;
  GtkLabel        *label;
  GtkWidget       *take_button;

  char            *asked;        /* --measure ID, or NULL */
  GCancellable    *cancellable;  /* the offer being decided */
  LateralStore    *store;
  LateralMeasure  *measure;      /* the instrument offered, once decided */
  LateralMeasureWhen when;
  char            *profile_uuid;
  char            *pack_id;
  char            *pack_version;
  char            *attempt_uuid;
  char            *class_code;
};

G_DEFINE_FINAL_TYPE (LateralCheckOffer, lateral_check_offer, ADW_TYPE_BIN)

typedef struct {
  LateralStore       *store;
  char               *measure_id;
  gboolean            asked;
  LateralMeasureWhen  when;
  char               *profile_uuid;
  char               *pack_id;
  char               *attempt_uuid;
} Decide;

static void
decide_free (Decide *data)
{
  g_clear_object (&data->store);
  g_free (data->measure_id);
  g_free (data->profile_uuid);
  g_free (data->pack_id);
  g_free (data->attempt_uuid);
  g_free (data);
}

/* Before: the learner's first attempt at the case (or asked for). After:
 * the attempt they took the before check for (or asked for), and no after
 * check yet for it. */
static gboolean
should_offer (Decide        *data,
              LateralStore  *worker,
              const char    *instrument_id,
              GError       **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  gboolean before_for_attempt = FALSE;

  sessions = lateral_store_list_measure_sessions (worker, data->profile_uuid, NULL, NULL, error);
  if (sessions == NULL)
    return FALSE;
  for (guint i = 0; i < sessions->len; i++)
    {
      const LateralMeasureSession *s = g_ptr_array_index (sessions, i);

      if (!g_str_equal (s->instrument_id, instrument_id) || g_strcmp0 (s->attempt_uuid, data->attempt_uuid) != 0)
        continue;
      /* Taken already for this attempt, at this point. */
      if (s->when == data->when)
        return FALSE;
      if (s->when == LATERAL_MEASURE_BEFORE)
        before_for_attempt = TRUE;
    }

  if (data->asked)
    return TRUE;
  if (data->when == LATERAL_MEASURE_AFTER)
    return before_for_attempt;

  {
    g_autoptr(GPtrArray) attempts = lateral_store_list_attempts (worker, data->profile_uuid, data->pack_id, error);

    return attempts != NULL && attempts->len == 1;
  }
}

static void
decide_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  Decide *data = task_data;
  g_autoptr(LateralMeasure) measure = NULL;
  g_autoptr(LateralStore) worker = NULL;
  GError *error = NULL;

  measure = lateral_measure_find (data->measure_id, &error);
  if (measure == NULL)
    {
      /* No instrument installed: nothing to offer, unless it was asked for. */
      if (data->asked)
        g_task_return_error (task, error);
      else
        {
          g_clear_error (&error);
          g_task_return_pointer (task, NULL, NULL);
        }
      return;
    }

  worker = lateral_store_open_worker (data->store, &error);
  if (worker == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  if (!should_offer (data, worker, lateral_measure_get_id (measure), &error))
    {
      if (error != NULL)
        g_task_return_error (task, error);
      else
        g_task_return_pointer (task, NULL, NULL);
      return;
    }
  g_task_return_pointer (task, g_steal_pointer (&measure), g_object_unref);
}

static void
on_decided (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LateralCheckOffer *self = user_data;
  g_autoptr(LateralMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;

  measure = g_task_propagate_pointer (G_TASK (result), &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  if (measure == NULL)
    {
      if (error != NULL)
        g_warning ("The quick check cannot be offered: %s", error->message);
      return;
    }

  g_set_object (&self->measure, measure);
  gtk_label_set_text (self->label,
                      self->when == LATERAL_MEASURE_BEFORE
                      ? _("Before you start: a two-minute quick check of headlines. Taken again after the case, it shows whether you got better.")
                      : _("Case done: take the quick check again to see whether you got better at spotting fake news."));
  gtk_widget_set_visible (GTK_WIDGET (self), TRUE);
  gtk_revealer_set_reveal_child (self->revealer, TRUE);
}

/**
 * lateral_check_offer_set_asked:
 * @measure_id: (nullable): the instrument a teacher asked for
 *   (`lateral --measure ID`), or %NULL to offer the default one only
 *   before a first attempt and after it
 */
void
lateral_check_offer_set_asked (LateralCheckOffer *self,
                               const char        *measure_id)
{
  g_return_if_fail (LATERAL_IS_CHECK_OFFER (self));

  g_free (self->asked);
  self->asked = g_strdup (measure_id);
}

/**
 * lateral_check_offer_propose:
 * @store: the learner's database
 * @play: the attempt just started (@when before) or finished (after)
 *
 * Decides in a worker whether to offer the check, and shows the bar if so.
 */
void
lateral_check_offer_propose (LateralCheckOffer  *self,
                             LateralStore       *store,
                             LateralPlay        *play,
                             LateralMeasureWhen  when)
{
  g_autoptr(GTask) task = NULL;
  LateralAttempt *attempt;
  LateralPack *pack;
  Decide *data;

  g_return_if_fail (LATERAL_IS_CHECK_OFFER (self));
  g_return_if_fail (LATERAL_IS_STORE (store));
  g_return_if_fail (LATERAL_IS_PLAY (play));

  lateral_check_offer_withdraw (self);
  attempt = lateral_play_get_attempt (play);
  pack = lateral_play_get_pack (play);
  if (attempt == NULL || attempt->profile_uuid == NULL)
    return;

  g_set_object (&self->store, store);
  self->when = when;
  self->profile_uuid = g_strdup (attempt->profile_uuid);
  self->pack_id = g_strdup (lateral_pack_get_id (pack));
  self->pack_version = g_strdup (lateral_pack_get_version (pack));
  self->attempt_uuid = g_strdup (attempt->uuid);
  self->class_code = g_strdup (attempt->class_code);

  data = g_new0 (Decide, 1);
  data->store = g_object_ref (store);
  data->measure_id = g_strdup (self->asked != NULL ? self->asked : LATERAL_DEFAULT_MEASURE);
  data->asked = self->asked != NULL;
  data->when = when;
  data->profile_uuid = g_strdup (self->profile_uuid);
  data->pack_id = g_strdup (self->pack_id);
  data->attempt_uuid = g_strdup (self->attempt_uuid);

  self->cancellable = g_cancellable_new ();
  task = g_task_new (NULL, self->cancellable, on_decided, self);
  g_task_set_source_tag (task, lateral_check_offer_propose);
  g_task_set_task_data (task, data, (GDestroyNotify) decide_free);
  g_task_run_in_thread (task, decide_thread);
}

/* Puts the bar away, and forgets an offer still being decided. */
void
lateral_check_offer_withdraw (LateralCheckOffer *self)
{
  g_return_if_fail (LATERAL_IS_CHECK_OFFER (self));

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->measure);
  g_clear_pointer (&self->profile_uuid, g_free);
  g_clear_pointer (&self->pack_id, g_free);
  g_clear_pointer (&self->pack_version, g_free);
  g_clear_pointer (&self->attempt_uuid, g_free);
  g_clear_pointer (&self->class_code, g_free);
  gtk_revealer_set_reveal_child (self->revealer, FALSE);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

/* Withdraws an offer of the check before a case (not one after it). */
void
lateral_check_offer_withdraw_before (LateralCheckOffer *self)
{
  g_return_if_fail (LATERAL_IS_CHECK_OFFER (self));

  if ((self->cancellable != NULL || self->measure != NULL) && self->when == LATERAL_MEASURE_BEFORE)
    lateral_check_offer_withdraw (self);
}

gboolean
lateral_check_offer_is_shown (LateralCheckOffer *self)
{
  g_return_val_if_fail (LATERAL_IS_CHECK_OFFER (self), FALSE);

  return self->measure != NULL && gtk_revealer_get_reveal_child (self->revealer);
}

/* Whether an offer is still being decided. */
gboolean
lateral_check_offer_is_busy (LateralCheckOffer *self)
{
  g_return_val_if_fail (LATERAL_IS_CHECK_OFFER (self), FALSE);

  return self->cancellable != NULL;
}

/**
 * lateral_check_offer_take:
 *
 * Opens the quick check offered, and puts the bar away.
 *
 * Returns: (transfer none) (nullable): the quick check window, presented
 */
GtkWidget *
lateral_check_offer_take (LateralCheckOffer *self)
{
  LateralQuickCheckFor what;
  GtkWidget *check;
  GtkRoot *root;

  g_return_val_if_fail (LATERAL_IS_CHECK_OFFER (self), NULL);

  if (!lateral_check_offer_is_shown (self))
    return NULL;

  what.when = self->when;
  what.profile_uuid = self->profile_uuid;
  what.pack_id = self->pack_id;
  what.pack_version = self->pack_version;
  what.attempt_uuid = self->attempt_uuid;
  what.class_code = self->class_code;
  root = gtk_widget_get_root (GTK_WIDGET (self));
  check = lateral_quick_check_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->store, self->measure, &what);
  lateral_check_offer_withdraw (self);
  gtk_window_present (GTK_WINDOW (check));
  return check;
}

static void
on_take_clicked (LateralCheckOffer *self)
{
  lateral_check_offer_take (self);
}

static void
lateral_check_offer_dispose (GObject *object)
{
  LateralCheckOffer *self = LATERAL_CHECK_OFFER (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (lateral_check_offer_parent_class)->dispose (object);
}

static void
lateral_check_offer_finalize (GObject *object)
{
  LateralCheckOffer *self = LATERAL_CHECK_OFFER (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->measure);
  g_free (self->asked);
  g_free (self->profile_uuid);
  g_free (self->pack_id);
  g_free (self->pack_version);
  g_free (self->attempt_uuid);
  g_free (self->class_code);

  G_OBJECT_CLASS (lateral_check_offer_parent_class)->finalize (object);
}

static void
lateral_check_offer_class_init (LateralCheckOfferClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_check_offer_dispose;
  object_class->finalize = lateral_check_offer_finalize;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
lateral_check_offer_init (LateralCheckOffer *self)
{
  /* Text above, buttons under it at the end: at 360 px a row of all three
   * squeezes the text into a column of single words. */
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *skip = gtk_button_new_with_label (_("Not Now"));

  self->label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->label, TRUE);
  gtk_label_set_xalign (self->label, 0.0);
  gtk_widget_set_hexpand (GTK_WIDGET (self->label), TRUE);

  self->take_button = gtk_button_new_with_label (_("Take the Check"));
  gtk_widget_add_css_class (self->take_button, "suggested-action");
  g_signal_connect_swapped (self->take_button, "clicked", G_CALLBACK (on_take_clicked), self);
  g_signal_connect_swapped (skip, "clicked", G_CALLBACK (lateral_check_offer_withdraw), self);
  gtk_widget_set_halign (buttons, GTK_ALIGN_END);
  gtk_box_append (GTK_BOX (buttons), skip);
  gtk_box_append (GTK_BOX (buttons), self->take_button);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->label));
  gtk_box_append (GTK_BOX (box), buttons);

  self->revealer = GTK_REVEALER (gtk_revealer_new ());
  gtk_revealer_set_child (self->revealer, box);
  gtk_widget_add_css_class (GTK_WIDGET (self), "toolbar");
  adw_bin_set_child (ADW_BIN (self), GTK_WIDGET (self->revealer));
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Quick check offer"), -1);
}
