/* lateral-case-view.c: a learner walking one case, step by step
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One learner walking one case, step by step, through LateralPlay: the view
 * shows the current step, locks answers in through the core and shows the
 * reveal only once the core returned the stored answer.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-case-view.h"
#include "widgets/lateral-messages.h"
#include "lateral-claim-step.h"
#include "lateral-reveal.h"
#include "widgets/lateral-format.h"
#include "widgets/lateral-source-row.h"
#include "lateral-story-step.h"

struct _LateralCaseView
{
  AdwBin             parent_instance;

  GtkProgressBar    *progress_bar;
  GtkLabel          *progress_label;
  GtkBox            *marks_box;
  GtkLabel          *score_label;
  GtkScrolledWindow *scroller;
  AdwBin            *step_bin;
  GtkImage          *bar_icon;
  GtkLabel          *bar_label;
  GtkWidget         *lock_in_button;
  GtkWidget         *continue_button;

  LateralPlay       *play;
  gint64             step_shown_at;   /* monotonic, for the time taken */
  GtkWidget         *scroll_target;  /* weak */
  guint              scroll_tick;
};

G_DEFINE_FINAL_TYPE (LateralCaseView, lateral_case_view, ADW_TYPE_BIN)

static LateralClaimStep *
lateral_case_view_get_claim (LateralCaseView *self)
{
  GtkWidget *child = adw_bin_get_child (self->step_bin);

  return LATERAL_IS_CLAIM_STEP (child) ? LATERAL_CLAIM_STEP (child) : NULL;
}

/* Whether the current step waits for an answer: a claim not yet locked in. */
static gboolean
lateral_case_view_awaits_answer (LateralCaseView *self)
{
  LateralClaimStep *claim = lateral_case_view_get_claim (self);

  return claim != NULL && lateral_claim_step_get_reveal (claim) == NULL;
}

static void
lateral_case_view_update_actions (LateralCaseView *self)
{
  LateralClaimStep *claim = lateral_case_view_get_claim (self);
  gboolean awaits = lateral_case_view_awaits_answer (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.lock-in",
                                 awaits && lateral_claim_step_get_choice (claim, NULL, NULL));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "case.continue",
                                 self->play != NULL && !awaits);
}

/* One mark per claim, told apart by shape and not by colour alone: a tick
 * when right, a cross when not, a dot still to come. The row is one image
 * for a screen reader, named by the counts. */
static void
lateral_case_view_update_marks (LateralCaseView *self)
{
  LateralPack *pack = lateral_play_get_pack (self->play);
  const LateralStep *current = lateral_play_get_current_step (self->play);
  guint n_right = 0, n_wrong = 0, n_to_go = 0;
  int score = 0;
  g_autofree char *score_text = NULL;
  g_autofree char *mark = NULL;
  g_autofree char *counts = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->marks_box))) != NULL)
    gtk_box_remove (self->marks_box, child);

  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);
      const LateralAnswer *answer;
      const char *icon_name, *style;
      GtkWidget *image;

      if (step->type != LATERAL_STEP_CLAIM)
        continue;

      answer = lateral_play_get_answer (self->play, step->id);
      if (answer == NULL)
        {
          icon_name = "radio-symbolic";
          style = "dim-label";
          n_to_go++;
        }
      else
        {
          icon_name = answer->correct ? "object-select-symbolic" : "window-close-symbolic";
          style = answer->correct ? "success" : "error";
          score += answer->mark;
          if (answer->correct)
            n_right++;
          else
            n_wrong++;
        }

      image = gtk_image_new_from_icon_name (icon_name);
      gtk_widget_add_css_class (image, style);
      /* The row is one image, named by its counts. */
      gtk_accessible_update_state (GTK_ACCESSIBLE (image), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      if (step == current)
        gtk_widget_add_css_class (image, "current");
      gtk_box_append (self->marks_box, image);
    }

  /* TRANSLATORS: the claims so far, e.g. "2 right, 1 not right, 6 to go" */
  counts = g_strdup_printf (_("%u right, %u not right, %u to go"), n_right, n_wrong, n_to_go);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->marks_box),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, counts,
                                  -1);

  mark = lateral_format_mark (score);
  /* TRANSLATORS: the running score of the attempt, e.g. "Score +5" */
  score_text = g_strdup_printf (_("Score %s"), mark);
  gtk_label_set_text (self->score_label, score_text);
}

static void
lateral_case_view_update_progress (LateralCaseView *self)
{
  LateralPack *pack = lateral_play_get_pack (self->play);
  const LateralStep *step = lateral_play_get_current_step (self->play);
  guint n_steps = lateral_pack_get_n_steps (pack);
  guint position = lateral_play_get_position (self->play);
  g_autofree char *text = NULL;

  if (step->type == LATERAL_STEP_CLAIM)
    /* TRANSLATORS: progress through a case, e.g. "Step 3 of 12 · Claim 2 of 8" */
    text = g_strdup_printf (_("Step %u of %u · Claim %u of %u"),
                            position + 1, n_steps,
                            step->claim_index + 1, lateral_pack_get_n_claims (pack));
  else
    text = g_strdup_printf (_("Step %u of %u"), position + 1, n_steps);

  gtk_label_set_text (self->progress_label, text);
  gtk_progress_bar_set_fraction (self->progress_bar, n_steps > 0 ? (double) position / n_steps : 0.0);
  lateral_case_view_update_marks (self);
}

/* Brings @target to the top of the view once it has been laid out. */
static gboolean
scroll_to_target (GtkWidget     *target,
                  GdkFrameClock *clock,
                  gpointer       user_data)
{
  LateralCaseView *self = user_data;
  GtkWidget *content = gtk_scrolled_window_get_child (self->scroller);
  GtkAdjustment *adjustment;
  double x, y;

  if (gtk_widget_get_height (target) == 0)
    return G_SOURCE_CONTINUE;

  self->scroll_tick = 0;
  g_clear_weak_pointer (&self->scroll_target);
  if (!gtk_widget_translate_coordinates (target, content, 0, 0, &x, &y))
    return G_SOURCE_REMOVE;

  adjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  gtk_adjustment_set_value (adjustment, MAX (0.0, y - 18));

  return G_SOURCE_REMOVE;
}

static void
lateral_case_view_scroll_to (LateralCaseView *self,
                             GtkWidget       *target)
{
  if (self->scroll_target != NULL && self->scroll_tick != 0)
    gtk_widget_remove_tick_callback (self->scroll_target, self->scroll_tick);
  self->scroll_tick = 0;
  g_clear_weak_pointer (&self->scroll_target);

  if (target == NULL)
    {
      gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
      return;
    }

  g_set_weak_pointer (&self->scroll_target, target);
  self->scroll_tick = gtk_widget_add_tick_callback (target, scroll_to_target, self, NULL);
}

/* The bar says what Lock In would store, or what the stored answer earned;
 * Continue, which takes the focus after lock-in, carries the result in its
 * description so a screen reader says it (there is no announcement API
 * before GTK 4.14, and a tooltip would replace the description). */
static void
lateral_case_view_update_bar (LateralCaseView *self)
{
  GtkWidget *step = self->play != NULL ? adw_bin_get_child (self->step_bin) : NULL;
  LateralClaimStep *claim = lateral_case_view_get_claim (self);
  gboolean awaits = lateral_case_view_awaits_answer (self);
  g_autofree char *text = NULL;
  g_autofree char *description = NULL;
  const char *icon_name = NULL;

  gtk_widget_remove_css_class (GTK_WIDGET (self->bar_icon), "success");
  gtk_widget_remove_css_class (GTK_WIDGET (self->bar_icon), "error");

  if (awaits)
    {
      text = lateral_claim_step_dup_choice_text (claim);
    }
  else if (claim != NULL)
    {
      const LateralStep *current = lateral_play_get_current_step (self->play);
      const LateralAnswer *answer = lateral_play_get_answer (self->play, current->id);

      if (answer != NULL)
        {
          g_autofree char *mark = lateral_format_mark (answer->mark);

          /* TRANSLATORS: the result in the bar, e.g. "Not right · −6" */
          text = g_strdup_printf (_("%s · %s"), answer->correct ? _("Right") : _("Not right"), mark);
          description = lateral_reveal_format_result (current, answer);
          icon_name = answer->correct ? "object-select-symbolic" : "window-close-symbolic";
          gtk_widget_add_css_class (GTK_WIDGET (self->bar_icon), answer->correct ? "success" : "error");
        }
    }

  gtk_label_set_text (self->bar_label, text != NULL ? text : "");
  gtk_image_set_from_icon_name (self->bar_icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->bar_icon), icon_name != NULL);
  gtk_widget_set_visible (self->lock_in_button, step != NULL && awaits);
  gtk_widget_set_visible (self->continue_button, step != NULL && !awaits);
  if (description != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->continue_button),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                    -1);
  else
    gtk_accessible_reset_property (GTK_ACCESSIBLE (self->continue_button),
                                   GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
}

static void
on_claim_complete_changed (LateralCaseView *self)
{
  lateral_case_view_update_actions (self);
  lateral_case_view_update_bar (self);
}

/* The day of the first claim after the current step that the learner has
 * not answered yet, or NULL: a story step holds back the headlines of
 * sources published from that day on (lateral_story_step_new()). */
static const char *
lateral_case_view_next_open_day (LateralCaseView *self)
{
  LateralPack *pack = lateral_play_get_pack (self->play);
  guint n_steps = lateral_pack_get_n_steps (pack);

  for (guint i = lateral_play_get_position (self->play) + 1; i < n_steps; i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);

      if (step->type == LATERAL_STEP_CLAIM && lateral_play_get_answer (self->play, step->id) == NULL)
        return step->as_of;
    }
  return NULL;
}

/* "step-shown": a new step is on screen (the preview's step list follows it). */
static guint step_shown_signal;

static void
lateral_case_view_show_step (LateralCaseView *self)
{
  const LateralStep *step = lateral_play_get_current_step (self->play);
  LateralPack *pack = lateral_play_get_pack (self->play);
  const LateralAnswer *answer = NULL;
  GtkWidget *widget;

  lateral_case_view_scroll_to (self, NULL);

  if (step->type == LATERAL_STEP_STORY)
    {
      widget = lateral_story_step_new (step, lateral_case_view_next_open_day (self));
    }
  else
    {
      guint position = lateral_play_get_position (self->play);
      const LateralStep *before = position > 0 ? lateral_pack_get_step (pack, position - 1) : NULL;

      widget = lateral_claim_step_new (pack, step);
      /* Its artefact just read on the step before: folded when narrow. */
      if (step->artefact != NULL && before != NULL && before->artefact != NULL &&
          g_strcmp0 (before->artefact->id, step->artefact->id) == 0)
        lateral_claim_step_fold_artefact (LATERAL_CLAIM_STEP (widget), gtk_widget_get_width (GTK_WIDGET (self)));
      g_signal_connect_swapped (widget, "notify::complete", G_CALLBACK (on_claim_complete_changed), self);

      /* A claim answered already (a resumed attempt) shows its reveal. */
      answer = lateral_play_get_answer (self->play, step->id);
      if (answer != NULL)
        {
          lateral_claim_step_pick_verdict (LATERAL_CLAIM_STEP (widget), answer->verdict);
          lateral_claim_step_pick_certainty (LATERAL_CLAIM_STEP (widget), answer->certainty);
          lateral_claim_step_show_reveal (LATERAL_CLAIM_STEP (widget), answer);
        }
    }

  adw_bin_set_child (self->step_bin, widget);
  self->step_shown_at = g_get_monotonic_time ();
  lateral_case_view_update_progress (self);
  g_signal_emit (self, step_shown_signal, 0);
  /* Before the focus moves: a button of a disabled action cannot take it. */
  lateral_case_view_update_actions (self);
  lateral_case_view_update_bar (self);

  if (LATERAL_IS_STORY_STEP (widget) || answer != NULL)
    gtk_widget_grab_focus (self->continue_button);
  else
    lateral_claim_step_focus_first (LATERAL_CLAIM_STEP (widget));
}

static void
lock_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LateralCaseView *self = LATERAL_CASE_VIEW (widget);
  LateralClaimStep *claim = lateral_case_view_get_claim (self);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) moves = NULL;
  const LateralAnswer *answer;
  LateralVerdict verdict;
  int certainty;
  gint64 elapsed_ms;
  GtkWidget *reveal;

  if (!lateral_case_view_awaits_answer (self) ||
      !lateral_claim_step_get_choice (claim, &verdict, &certainty))
    return;

  /* Frozen first: nothing can change while the answer is being stored. */
  lateral_claim_step_set_frozen (claim, TRUE);
  moves = lateral_claim_step_dup_moves (claim);
  elapsed_ms = (g_get_monotonic_time () - self->step_shown_at) / 1000;

  answer = lateral_play_answer (self->play, verdict, certainty,
                                (const char * const *) moves,
                                (guint) CLAMP (elapsed_ms, 0, G_MAXUINT),
                                &error);
  /* Answered elsewhere meanwhile (another window, lateral-cli): that
   * answer counts, answers being final; its reveal is shown and the
   * learner moves on, told why the reveal is not for this choice. */
  if (answer == NULL && g_error_matches (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_ALREADY_ANSWERED))
    {
      g_clear_error (&error);
      answer = lateral_play_take_stored_answer (self->play, &error);
      if (answer != NULL)
        lateral_messages_toast (GTK_WIDGET (self),
                                _("This claim was already answered elsewhere (another window or lateral-cli): "
                                  "that answer counts"));
    }
  if (answer == NULL)
    {
      g_autofree char *message = g_strdup_printf (_("Your answer could not be saved: %s"), error->message);

      lateral_claim_step_set_frozen (claim, FALSE);
      lateral_claim_step_show_error (claim, message);
      return;
    }

  /* Stored and committed: only now is the reveal built. */
  lateral_claim_step_show_reveal (claim, answer);
  lateral_case_view_update_actions (self);
  lateral_case_view_update_marks (self);
  lateral_case_view_update_bar (self);
  reveal = lateral_claim_step_get_reveal (claim);
  gtk_widget_grab_focus (self->continue_button);
  lateral_case_view_scroll_to (self, lateral_reveal_get_heading (LATERAL_REVEAL (reveal)));
}

static void
continue_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  LateralCaseView *self = LATERAL_CASE_VIEW (widget);
  g_autoptr(GError) error = NULL;

  if (self->play == NULL || lateral_case_view_awaits_answer (self))
    return;

  if (lateral_play_advance (self->play, &error))
    {
      lateral_case_view_show_step (self);
      return;
    }

  if (error != NULL)
    {
      LateralClaimStep *claim = lateral_case_view_get_claim (self);
      g_autofree char *message = g_strdup_printf (_("Could not go on: %s"), error->message);

      if (claim != NULL)
        lateral_claim_step_show_error (claim, message);
      else
        g_warning ("%s", message);
      return;
    }

  gtk_widget_activate_action (widget, "win.show-summary", NULL);
}

static int
key_to_number (guint keyval)
{
  if (keyval >= GDK_KEY_1 && keyval <= GDK_KEY_9)
    return keyval - GDK_KEY_0;
  if (keyval >= GDK_KEY_KP_1 && keyval <= GDK_KEY_KP_9)
    return keyval - GDK_KEY_KP_0;

  return 0;
}

/* The case's own keys, in the capture phase so they work wherever the
 * focus is on the page: 1-4 the verdict, then 1-3 the certainty, Return to
 * lock in and to continue. There are no text entries here to steal from. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                LateralCaseView       *self)
{
  gboolean is_return = keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter;
  int number = key_to_number (keyval);
  LateralClaimStep *claim;

  if (self->play == NULL || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK | GDK_SUPER_MASK)) != 0)
    return GDK_EVENT_PROPAGATE;

  if (lateral_case_view_awaits_answer (self))
    {
      claim = lateral_case_view_get_claim (self);

      if (number >= 1 && !lateral_claim_step_has_verdict (claim))
        {
          if (number <= LATERAL_N_VERDICTS)
            lateral_claim_step_pick_verdict (claim, number - 1);
          return GDK_EVENT_STOP;
        }
      if (number >= 1)
        {
          if (number <= 3)
            lateral_claim_step_pick_certainty (claim, number);
          return GDK_EVENT_STOP;
        }
      /* Return never picks the focused choice here (Space does), so it
       * cannot change an answer behind the learner's back. */
      if (is_return)
        {
          if (lateral_claim_step_get_choice (claim, NULL, NULL))
            gtk_widget_activate_action (GTK_WIDGET (self), "case.lock-in", NULL);
          else
            gtk_widget_error_bell (GTK_WIDGET (self));
          return GDK_EVENT_STOP;
        }

      return GDK_EVENT_PROPAGATE;
    }

  if (is_return)
    {
      GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
      GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

      /* Return on a source opens it, as a person who went there expects. */
      if (focus != NULL &&
          (LATERAL_IS_SOURCE_ROW (focus) ||
           gtk_widget_get_ancestor (focus, LATERAL_TYPE_SOURCE_ROW) != NULL))
        return GDK_EVENT_PROPAGATE;

      gtk_widget_activate_action (GTK_WIDGET (self), "case.continue", NULL);
      return GDK_EVENT_STOP;
    }

  return GDK_EVENT_PROPAGATE;
}

/**
 * lateral_case_view_set_play:
 * @play: (nullable): the attempt to show, or %NULL to let go of it
 */
void
lateral_case_view_set_play (LateralCaseView *self,
                            LateralPlay     *play)
{
  g_return_if_fail (LATERAL_IS_CASE_VIEW (self));
  g_return_if_fail (play == NULL || LATERAL_IS_PLAY (play));

  lateral_case_view_scroll_to (self, NULL);
  g_set_object (&self->play, play);
  adw_bin_set_child (self->step_bin, NULL);

  if (self->play != NULL)
    {
      lateral_case_view_show_step (self);
    }
  else
    {
      lateral_case_view_update_actions (self);
      lateral_case_view_update_bar (self);
    }
}

/* Returns: (transfer none) (nullable): the attempt shown */
LateralPlay *
lateral_case_view_get_play (LateralCaseView *self)
{
  g_return_val_if_fail (LATERAL_IS_CASE_VIEW (self), NULL);

  return self->play;
}

/* Returns: (transfer none) (nullable): the widget of the current step, a
 * LateralStoryStep or a LateralClaimStep */
GtkWidget *
lateral_case_view_get_step (LateralCaseView *self)
{
  g_return_val_if_fail (LATERAL_IS_CASE_VIEW (self), NULL);

  return adw_bin_get_child (self->step_bin);
}

static void
lateral_case_view_dispose (GObject *object)
{
  LateralCaseView *self = LATERAL_CASE_VIEW (object);

  lateral_case_view_scroll_to (self, NULL);
  g_clear_object (&self->play);

  G_OBJECT_CLASS (lateral_case_view_parent_class)->dispose (object);
}

static void
lateral_case_view_class_init (LateralCaseViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_case_view_dispose;

  step_shown_signal = g_signal_new ("step-shown", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                    0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-case-view.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, marks_box);
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, score_label);
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, scroller);
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, step_bin);
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, bar_icon);
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, bar_label);
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, lock_in_button);
  gtk_widget_class_bind_template_child (widget_class, LateralCaseView, continue_button);

  gtk_widget_class_install_action (widget_class, "case.lock-in", NULL, lock_in_action);
  gtk_widget_class_install_action (widget_class, "case.continue", NULL, continue_action);
}

static void
lateral_case_view_init (LateralCaseView *self)
{
  GtkEventController *keys;

  gtk_widget_init_template (GTK_WIDGET (self));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), keys);

  gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Progress through the case"),
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->bar_icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  lateral_case_view_update_actions (self);
  lateral_case_view_update_bar (self);
}
