/* lateral-quick-check.c: a headline test (the MIST-20) taken in the app
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The learner's side of issue 13: before a case (their first attempt) and
 * after it, the app offers a quick check; this window is the check. One
 * headline at a time, in a fresh random order, answered Real or Fake (keys
 * 1 and 2; the two buttons in the order the measure's authors randomise per
 * learner). No feedback per headline: it is a measure, not a lesson. The
 * sitting is stored whole, in a worker thread with its own connection, only
 * when every headline is answered; closing the window before then keeps
 * nothing, and the first page says so. The result page puts V, r, f and
 * n − d in plain words, the published norms, the change since the learner's
 * check before the case, and the instrument's citation.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "measure/lateral-measure-score.h"
#include "store/lateral-store-measures.h"
#include "xapi/lateral-xapi-outbox.h"
#include "widgets/lateral-text-row.h"
#include "lateral-quick-check.h"

struct _LateralQuickCheck
{
  AdwWindow              parent_instance;

  LateralStore          *store;
  LateralMeasure        *measure;
  LateralMeasureSession *session;
  LateralMeasureSession *before;    /* found when the sitting is saved */
  GCancellable          *cancellable;
  guint                 *order;
  guint                  n_items;
  guint                  k;         /* the headline shown: order[k] */
  gint64                 shown_at;
  gboolean               saved;
  char                  *save_error;

  GtkStack              *stack;
  GtkLabel              *count_label;
  GtkProgressBar        *progress;
  GtkLabel              *headline_label;
  GtkWidget             *real_button;
  GtkWidget             *fake_button;
  GtkWidget             *start_button;
  GtkBox                *result_box;
};

G_DEFINE_FINAL_TYPE (LateralQuickCheck, lateral_quick_check, ADW_TYPE_WINDOW)

static GtkWidget *
clamped (GtkWidget *child)
{
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 560);
  adw_clamp_set_child (ADW_CLAMP (clamp), child);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  return scroller;
}

static GtkWidget *
page_box (void)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 18);

  gtk_widget_set_margin_top (box, 24);
  gtk_widget_set_margin_bottom (box, 24);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  return box;
}

static GtkWidget *
text_label (const char *text,
            const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static GtkWidget *
heading_label (const char *text)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", GTK_ACCESSIBLE_ROLE_HEADING,
                                   "label", text,
                                   "wrap", TRUE,
                                   "xalign", 0.0f,
                                   NULL);

  gtk_widget_add_css_class (label, "title-2");
  return label;
}

static GtkWidget *
pill_button (const char *label,
             const char *action_name,
             gboolean    suggested)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action_name);
  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  return button;
}

static void
show_item (LateralQuickCheck *self)
{
  const LateralMeasureItem *item = lateral_measure_get_item (self->measure, self->order[self->k]);
  g_autofree char *count = NULL;
  g_autofree char *description = NULL;

  /* TRANSLATORS: where the learner is in the headline test, e.g. "Headline 3 of 20" */
  count = g_strdup_printf (_("Headline %u of %u"), self->k + 1, self->n_items);
  gtk_label_set_text (self->count_label, count);
  gtk_progress_bar_set_fraction (self->progress, (double) self->k / self->n_items);
  gtk_label_set_text (self->headline_label, item->text);

  /* A screen reader says the headline with the button that has the focus. */
  description = g_strdup_printf ("%s: %s", count, item->text);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->real_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->fake_button),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description, -1);

  gtk_stack_set_visible_child_name (self->stack, "item");
  gtk_widget_grab_focus (self->session->real_first ? self->real_button : self->fake_button);
  self->shown_at = g_get_monotonic_time ();
}

static void
add_norms (LateralQuickCheck         *self,
           const LateralMeasureScore *score)
{
  GtkWidget *group;

  if (lateral_measure_get_n_norms (self->measure) == 0)
    return;

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Compared With Adults Who Took It"));
  for (guint i = 0; i < lateral_measure_get_n_norms (self->measure); i++)
    {
      const LateralMeasureNorm *norm = lateral_measure_get_norm (self->measure, i);
      /* TRANSLATORS: a percentile, e.g. "62% of people in that sample got fewer right" */
      g_autofree char *text = g_strdup_printf (_("%.0f%% of people in that sample got fewer right"),
                                               lateral_measure_norm_below (norm, score->V));

      adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), lateral_text_row_new (norm->name, text));
    }
  gtk_box_append (self->result_box, group);
}

static char *
leaning_text (int nd)
{
  if (nd > 0)
    /* TRANSLATORS: n − d above 0 */
    return g_strdup_printf (_("Leaning %+d: more “Real” answers than real headlines, so you may believe too easily"), nd);
  if (nd < 0)
    /* TRANSLATORS: n − d below 0 */
    return g_strdup_printf (_("Leaning %+d: more “Fake” answers than fake headlines, so you may doubt too easily"), nd);
  return g_strdup (_("Balanced: as many “Real” answers as real headlines"));
}

static void
add_change (LateralQuickCheck         *self,
            const LateralMeasureScore *score)
{
  LateralMeasureScore was;
  GtkWidget *group;
  g_autofree char *right = NULL;
  g_autofree char *real = NULL;
  g_autofree char *fake = NULL;
  g_autofree char *lean = NULL;

  if (self->session->when != LATERAL_MEASURE_AFTER || self->before == NULL)
    return;

  lateral_measure_session_score (self->before, &was);
  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Since Your Check Before the Case"));
  /* TRANSLATORS: a score before and after, and the change, e.g. "12 → 15 (+3)" */
  right = g_strdup_printf (_("%u → %u (%+d)"), was.V, score->V, (int) score->V - (int) was.V);
  real = g_strdup_printf (_("%u → %u (%+d)"), was.r, score->r, (int) score->r - (int) was.r);
  fake = g_strdup_printf (_("%u → %u (%+d)"), was.f, score->f, (int) score->f - (int) was.f);
  lean = g_strdup_printf (_("%+d → %+d"), lateral_measure_score_nd (&was), lateral_measure_score_nd (score));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), lateral_text_row_new (_("Headlines right"), right));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), lateral_text_row_new (_("Real news spotted"), real));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), lateral_text_row_new (_("Fake news spotted"), fake));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), lateral_text_row_new (_("Leaning (0 is balanced)"), lean));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("One person’s change over one case is noisy: a lucky or unlucky guess "
                                           "moves it. A class’s mean change says more."));
  gtk_box_append (self->result_box, group);
}

static void
show_result (LateralQuickCheck *self)
{
  LateralMeasureScore score;
  GtkWidget *child;
  GtkWidget *group;
  GtkWidget *retry = NULL;
  guint n_real = lateral_measure_get_n_real (self->measure);
  g_autofree char *right = NULL;
  g_autofree char *real = NULL;
  g_autofree char *fake = NULL;
  g_autofree char *lean = NULL;
  g_autofree char *source = NULL;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->result_box))) != NULL)
    gtk_box_remove (self->result_box, child);

  lateral_measure_session_score (self->session, &score);
  gtk_box_append (self->result_box, heading_label (_("Your Quick Check")));

  if (self->save_error != NULL)
    {
      /* The answers are still here: nothing is lost until the window is
       * closed, and the learner can try again. */
      gtk_box_append (self->result_box, text_label (self->save_error, "error"));
      retry = pill_button (_("Try Saving Again"), "check.save", TRUE);
      gtk_widget_set_halign (retry, GTK_ALIGN_CENTER);
      gtk_box_append (self->result_box, retry);
    }

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Your Scores"));
  /* TRANSLATORS: V, the headlines sorted correctly, e.g. "15 of 20" */
  right = g_strdup_printf (_("%u of %u"), score.V, self->n_items);
  real = g_strdup_printf (_("%u of %u"), score.r, n_real);
  fake = g_strdup_printf (_("%u of %u"), score.f, self->n_items - n_real);
  lean = leaning_text (lateral_measure_score_nd (&score));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             lateral_text_row_new (_("Headlines right"), right));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             lateral_text_row_new (_("Real news spotted"), real));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             lateral_text_row_new (_("Fake news spotted"), fake));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group),
                             lateral_text_row_new (_("Leaning"), lean));
  gtk_box_append (self->result_box, group);

  add_norms (self, &score);
  add_change (self, &score);

  /* TRANSLATORS: the instrument's citation */
  source = g_strdup_printf (_("Source: %s"), lateral_measure_get_citation (self->measure));
  gtk_box_append (self->result_box, text_label (source, "dim-label"));
  if (lateral_measure_get_notice (self->measure) != NULL)
    gtk_box_append (self->result_box, text_label (lateral_measure_get_notice (self->measure), "dim-label"));

  child = pill_button (_("Done"), "window.close", self->save_error == NULL);
  gtk_widget_set_halign (child, GTK_ALIGN_CENTER);
  gtk_box_append (self->result_box, child);

  gtk_stack_set_visible_child_name (self->stack, "result");
  gtk_widget_grab_focus (retry != NULL ? retry : child);
}

typedef struct {
  LateralStore          *store;
  LateralMeasureSession *session;
  LateralMeasureSession *before;
  gboolean               queued;  /* for the school's LRS: send it now */
} SaveData;

static void
save_data_free (SaveData *data)
{
  g_clear_object (&data->store);
  g_clear_pointer (&data->session, lateral_measure_session_free);
  g_clear_pointer (&data->before, lateral_measure_session_free);
  g_free (data);
}

/* In a worker, on its own connection: the sitting, whole, then the
 * learner's latest check before the same case, to show the change. */
static void
save_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  SaveData *data = task_data;
  g_autoptr(LateralStore) worker = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  g_autoptr(LateralXapiConfig) config = NULL;
  g_autoptr(GError) config_error = NULL;
  g_autoptr(GError) queue_error = NULL;
  GError *error = NULL;

  /* With sending configured, the sitting's statement is queued in the
   * transaction that stores it (docs/xapi.md); a broken lrs.ini or a
   * statement that cannot be queued never costs the learner the sitting. */
  config = lateral_xapi_config_load (&config_error);
  if (config_error != NULL)
    g_message ("Quick check not queued for the school's LRS: %s", config_error->message);

  worker = lateral_store_open_worker (data->store, &error);
  if (worker == NULL ||
      !lateral_xapi_outbox_add_measure_session (worker, config, data->session, &data->queued, &queue_error, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  if (queue_error != NULL)
    g_message ("Quick check not queued for the school's LRS: %s", queue_error->message);

  sessions = lateral_store_list_measure_sessions (worker, data->session->profile_uuid, NULL, NULL, NULL);
  for (guint i = 0; sessions != NULL && i < sessions->len; i++)
    {
      const LateralMeasureSession *s = g_ptr_array_index (sessions, i);

      if (s->when == LATERAL_MEASURE_BEFORE && g_str_equal (s->instrument_id, data->session->instrument_id) &&
          g_strcmp0 (s->pack_id, data->session->pack_id) == 0 && !g_str_equal (s->uuid, data->session->uuid))
        {
          g_clear_pointer (&data->before, lateral_measure_session_free);
          data->before = lateral_measure_session_copy (s);
        }
    }
  g_task_return_boolean (task, TRUE);
}

static void
on_saved (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  LateralQuickCheck *self = user_data;
  SaveData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  g_clear_pointer (&self->save_error, g_free);
  if (error != NULL)
    self->save_error = g_strdup_printf (_("Your answers could not be saved: %s"), error->message);
  else
    {
      GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (self));

      self->saved = TRUE;
      g_clear_pointer (&self->before, lateral_measure_session_free);
      self->before = g_steal_pointer (&data->before);
      /* The main window's sender, if any, sends the sitting now. */
      if (data->queued && parent != NULL)
        gtk_widget_activate_action (GTK_WIDGET (parent), "win.lrs-send", NULL);
    }
  show_result (self);
}

static void
save (LateralQuickCheck *self)
{
  g_autoptr(GTask) task = NULL;
  SaveData *data = g_new0 (SaveData, 1);

  data->store = g_object_ref (self->store);
  data->session = lateral_measure_session_copy (self->session);
  /* The window as user data, not as source: closing it disposes it at once
   * and cancels the task, whose callback then touches nothing. */
  task = g_task_new (NULL, self->cancellable, on_saved, self);
  g_task_set_source_tag (task, save);
  g_task_set_task_data (task, data, (GDestroyNotify) save_data_free);
  gtk_stack_set_visible_child_name (self->stack, "saving");
  g_task_run_in_thread (task, save_thread);
}

static void
answer (LateralQuickCheck *self,
        gboolean           said_real)
{
  const LateralMeasureItem *item;
  g_autoptr(GError) error = NULL;
  guint ms;

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "item") != 0)
    return;

  item = lateral_measure_get_item (self->measure, self->order[self->k]);
  ms = (guint) MIN ((g_get_monotonic_time () - self->shown_at) / 1000, G_MAXUINT);
  if (!lateral_measure_session_answer (self->session, self->measure, item->id, said_real, ms, &error))
    {
      g_warning ("%s", error->message);
      return;
    }

  if (++self->k < self->n_items)
    {
      show_item (self);
      return;
    }

  if (!lateral_measure_session_check_complete (self->session, self->measure, &error))
    {
      self->save_error = g_strdup (error->message);
      show_result (self);
      return;
    }
  save (self);
}

static void
start_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  LateralQuickCheck *self = LATERAL_QUICK_CHECK (widget);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "intro") == 0)
    show_item (self);
}

static void
real_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  answer (LATERAL_QUICK_CHECK (widget), TRUE);
}

static void
fake_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  answer (LATERAL_QUICK_CHECK (widget), FALSE);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  LateralQuickCheck *self = LATERAL_QUICK_CHECK (widget);

  if (!self->saved && self->k == self->n_items)
    save (self);
}

static GtkWidget *
build_intro (LateralQuickCheck *self)
{
  GtkWidget *box = page_box ();
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *skip = pill_button (_("Not Now"), "window.close", FALSE);
  g_autofree char *what = NULL;

  gtk_box_append (GTK_BOX (box), heading_label (self->session->when == LATERAL_MEASURE_BEFORE
                                                ? _("A Quick Check Before the Case")
                                                : _("A Quick Check After the Case")));
  what = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                       "%u headline, about %u minutes: is each one real news or fake news? "
                                       "There is no feedback on each; your scores come at the end.",
                                       "%u headlines, about %u minutes: is each one real news or fake news? "
                                       "There is no feedback on each; your scores come at the end.",
                                       self->n_items),
                          self->n_items, MAX (lateral_measure_get_minutes (self->measure), 1));
  gtk_box_append (GTK_BOX (box), text_label (what, NULL));
  gtk_box_append (GTK_BOX (box),
                  text_label (self->session->when == LATERAL_MEASURE_BEFORE
                              ? _("Taken before and after a case, it shows whether you got better at telling them apart.")
                              : _("Compared with your check before the case, it shows whether you got better at telling them apart."),
                              NULL));
  gtk_box_append (GTK_BOX (box),
                  text_label (_("It is optional. A check stopped half-way is not kept."), "dim-label"));
  gtk_box_append (GTK_BOX (box), text_label (lateral_measure_get_title (self->measure), "dim-label"));

  self->start_button = pill_button (_("Start"), "check.start", TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), skip);
  gtk_box_append (GTK_BOX (buttons), self->start_button);
  gtk_box_append (GTK_BOX (box), buttons);
  return clamped (box);
}

static GtkWidget *
build_item (LateralQuickCheck *self)
{
  GtkWidget *box = page_box ();
  GtkWidget *frame = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *hint;

  self->count_label = GTK_LABEL (text_label ("", "dim-label"));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->count_label));
  self->progress = GTK_PROGRESS_BAR (gtk_progress_bar_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress through the quick check"), -1);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->progress));

  self->headline_label = GTK_LABEL (text_label ("", "title-3"));
  gtk_label_set_xalign (self->headline_label, 0.5);
  gtk_label_set_justify (self->headline_label, GTK_JUSTIFY_CENTER);
  gtk_widget_set_margin_top (GTK_WIDGET (self->headline_label), 24);
  gtk_widget_set_margin_bottom (GTK_WIDGET (self->headline_label), 24);
  gtk_widget_set_margin_start (GTK_WIDGET (self->headline_label), 18);
  gtk_widget_set_margin_end (GTK_WIDGET (self->headline_label), 18);
  gtk_widget_add_css_class (frame, "card");
  gtk_box_append (GTK_BOX (frame), GTK_WIDGET (self->headline_label));
  gtk_box_append (GTK_BOX (box), frame);

  hint = text_label (_("Is this headline real news or fake news? Keys: 1 Real, 2 Fake."), "dim-label");
  gtk_label_set_xalign (GTK_LABEL (hint), 0.5);
  gtk_box_append (GTK_BOX (box), hint);

  self->real_button = pill_button (_("Real"), "check.real", FALSE);
  self->fake_button = pill_button (_("Fake"), "check.fake", FALSE);
  gtk_widget_set_tooltip_text (self->real_button, _("Real news (key 1)"));
  gtk_widget_set_tooltip_text (self->fake_button, _("Fake news (key 2)"));
  gtk_box_set_homogeneous (GTK_BOX (buttons), TRUE);
  gtk_widget_set_halign (buttons, GTK_ALIGN_CENTER);
  /* In the order the measure's authors randomise per learner. */
  gtk_box_append (GTK_BOX (buttons), self->session->real_first ? self->real_button : self->fake_button);
  gtk_box_append (GTK_BOX (buttons), self->session->real_first ? self->fake_button : self->real_button);
  gtk_box_append (GTK_BOX (box), buttons);
  return clamped (box);
}

static GtkWidget *
build_saving (void)
{
  GtkWidget *box = page_box ();
  GtkWidget *spinner = gtk_spinner_new ();

  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), text_label (_("Saving your answers…"), NULL));
  return box;
}

/* Back to the case: the window it was offered from gets the focus again,
 * even where no window manager gives it back. */
static gboolean
on_close_request (GtkWindow *window)
{
  GtkWindow *parent = gtk_window_get_transient_for (window);

  if (parent != NULL)
    gtk_window_present (parent);
  return FALSE;
}

/**
 * lateral_quick_check_new:
 * @parent: the window it is offered from
 * @store: the learner's database (only its file is used, from a worker)
 * @measure: the instrument
 * @what: when it is taken, by whom, for which case
 *
 * Returns: (transfer none): the window, to present
 */
GtkWidget *
lateral_quick_check_new (GtkWindow                  *parent,
                         LateralStore               *store,
                         LateralMeasure             *measure,
                         const LateralQuickCheckFor *what)
{
  LateralQuickCheck *self;
  GtkWidget *content;
  GtkWidget *header;
  GtkWidget *result;

  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);
  g_return_val_if_fail (LATERAL_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (what != NULL && what->profile_uuid != NULL, NULL);

  self = g_object_new (LATERAL_TYPE_QUICK_CHECK,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       "destroy-with-parent", TRUE,
                       "default-width", 440,
                       "default-height", 620,
                       "title", _("Quick Check"),
                       NULL);
  self->store = g_object_ref (store);
  self->measure = g_object_ref (measure);
  self->session = lateral_measure_session_new (measure, what->when, what->profile_uuid);
  self->session->pack_id = g_strdup (what->pack_id);
  self->session->pack_version = g_strdup (what->pack_version);
  self->session->attempt_uuid = g_strdup (what->attempt_uuid);
  self->session->class_code = g_strdup (what->class_code);
  self->n_items = lateral_measure_get_n_items (measure);
  /* A fresh random order each sitting. */
  self->order = lateral_measure_shuffle (self->n_items, NULL);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header),
                                   adw_window_title_new (_("Quick Check"),
                                                         what->when == LATERAL_MEASURE_BEFORE
                                                         ? _("Before the case") : _("After the case")));
  gtk_box_append (GTK_BOX (content), header);

  self->stack = GTK_STACK (gtk_stack_new ());
  gtk_widget_set_vexpand (GTK_WIDGET (self->stack), TRUE);
  gtk_stack_add_named (self->stack, build_intro (self), "intro");
  gtk_stack_add_named (self->stack, build_item (self), "item");
  gtk_stack_add_named (self->stack, build_saving (), "saving");
  result = page_box ();
  self->result_box = GTK_BOX (result);
  gtk_stack_add_named (self->stack, clamped (result), "result");
  gtk_stack_set_visible_child_name (self->stack, "intro");
  gtk_box_append (GTK_BOX (content), GTK_WIDGET (self->stack));
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_window_set_default_widget (GTK_WINDOW (self), self->start_button);
  g_signal_connect (self, "close-request", G_CALLBACK (on_close_request), NULL);
  gtk_widget_grab_focus (self->start_button);

  return GTK_WIDGET (self);
}

/* "intro", "item", "saving" or "result" */
const char *
lateral_quick_check_get_page (LateralQuickCheck *self)
{
  g_return_val_if_fail (LATERAL_IS_QUICK_CHECK (self), NULL);

  return gtk_stack_get_visible_child_name (self->stack);
}

/* Returns: (nullable): the headline shown */
const LateralMeasureItem *
lateral_quick_check_get_item (LateralQuickCheck *self)
{
  g_return_val_if_fail (LATERAL_IS_QUICK_CHECK (self), NULL);

  if (g_strcmp0 (gtk_stack_get_visible_child_name (self->stack), "item") != 0)
    return NULL;
  return lateral_measure_get_item (self->measure, self->order[self->k]);
}

const LateralMeasureSession *
lateral_quick_check_get_session (LateralQuickCheck *self)
{
  g_return_val_if_fail (LATERAL_IS_QUICK_CHECK (self), NULL);

  return self->session;
}

gboolean
lateral_quick_check_is_saved (LateralQuickCheck *self)
{
  g_return_val_if_fail (LATERAL_IS_QUICK_CHECK (self), FALSE);

  return self->saved;
}

static void
lateral_quick_check_dispose (GObject *object)
{
  LateralQuickCheck *self = LATERAL_QUICK_CHECK (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (lateral_quick_check_parent_class)->dispose (object);
}

static void
lateral_quick_check_finalize (GObject *object)
{
  LateralQuickCheck *self = LATERAL_QUICK_CHECK (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->measure);
  g_clear_pointer (&self->session, lateral_measure_session_free);
  g_clear_pointer (&self->before, lateral_measure_session_free);
  g_free (self->order);
  g_free (self->save_error);

  G_OBJECT_CLASS (lateral_quick_check_parent_class)->finalize (object);
}

static void
lateral_quick_check_class_init (LateralQuickCheckClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_quick_check_dispose;
  object_class->finalize = lateral_quick_check_finalize;

  gtk_widget_class_install_action (widget_class, "check.start", NULL, start_action);
  gtk_widget_class_install_action (widget_class, "check.real", NULL, real_action);
  gtk_widget_class_install_action (widget_class, "check.fake", NULL, fake_action);
  gtk_widget_class_install_action (widget_class, "check.save", NULL, save_action);

  /* 1 = Real, 2 = Fake, whatever the order of the buttons. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_1, 0, "check.real", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_1, 0, "check.real", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_2, 0, "check.fake", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_2, 0, "check.fake", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lateral_quick_check_init (LateralQuickCheck *self)
{
  self->cancellable = g_cancellable_new ();
}
