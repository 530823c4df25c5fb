/* lateral-summary-page.c: the end of a case: marks, calibration, claims,
 * techniques
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The end of a case: the marks, how well the learner's certainty matched
 * their accuracy, the claims one by one and the techniques met.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "widgets/lateral-text-row.h"
#include "widgets/lateral-format.h"
#include "play/lateral-scoring.h"
#include "lateral-reveal.h"
#include "lateral-summary-page.h"

struct _LateralSummaryPage
{
  AdwBin               parent_instance;

  GtkScrolledWindow   *scroller;
  GtkWidget           *title_label;
  GtkWidget           *export_button;
  GtkWidget           *try_again_button;
  GtkLabel            *mark_label;
  GtkLabel            *max_label;
  GtkLabel            *progress_label;
  GtkLabel            *accuracy_label;
  GtkLabel            *right_label;
  AdwPreferencesGroup *calibration_group;
  AdwPreferencesGroup *review_group;
  AdwPreferencesGroup *techniques_group;

  GPtrArray           *rows;   /* the rows added to the groups, to remove them */
  LateralPlay         *play;
};

G_DEFINE_FINAL_TYPE (LateralSummaryPage, lateral_summary_page, ADW_TYPE_BIN)

static GtkWidget *
add_row (LateralSummaryPage  *self,
         AdwPreferencesGroup *group,
         const char          *title,
         const char          *subtitle)
{
  GtkWidget *row = lateral_text_row_new (title, subtitle);

  adw_preferences_group_add (group, row);
  g_ptr_array_add (self->rows, g_object_ref (row));

  return row;
}

static void
remove_rows (LateralSummaryPage *self)
{
  for (guint i = 0; i < self->rows->len; i++)
    {
      GtkWidget *row = g_ptr_array_index (self->rows, i);
      GtkWidget *group = gtk_widget_get_ancestor (row, ADW_TYPE_PREFERENCES_GROUP);

      if (group != NULL)
        adw_preferences_group_remove (ADW_PREFERENCES_GROUP (group), row);
    }
  g_ptr_array_set_size (self->rows, 0);
}

/* The learner's best and previous marks on this case, from their other
 * finished attempts, and the change since the previous one. */
static void
lateral_summary_page_fill_progress (LateralSummaryPage *self,
                                    int                 mark)
{
  LateralAttempt *attempt = lateral_play_get_attempt (self->play);
  LateralStore *store = lateral_play_get_store (self->play);
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GError) error = NULL;
  const LateralAttempt *previous = NULL;
  int best = mark;
  g_autofree char *text = NULL;

  if (attempt != NULL && store != NULL)
    attempts = lateral_store_list_attempts (store, attempt->profile_uuid, attempt->pack_id, &error);
  if (attempts == NULL)
    {
      if (error != NULL)
        g_warning ("Could not read the earlier attempts: %s", error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->progress_label), FALSE);
      return;
    }

  for (guint i = 0; i < attempts->len; i++)
    {
      const LateralAttempt *other = g_ptr_array_index (attempts, i);

      if (other->finished_at == 0 || g_strcmp0 (other->uuid, attempt->uuid) == 0)
        continue;
      best = MAX (best, other->total_mark);
      if (previous == NULL || other->finished_at > previous->finished_at ||
          (other->finished_at == previous->finished_at && other->started_at > previous->started_at))
        previous = other;
    }

  if (previous == NULL)
    {
      text = g_strdup (_("Your first time through this case"));
    }
  else
    {
      g_autofree char *best_text = lateral_format_mark (best);
      g_autofree char *previous_text = lateral_format_mark (previous->total_mark);
      g_autofree char *change = lateral_format_mark (mark - previous->total_mark);

      /* TRANSLATORS: the learner's best and previous marks on a case and
       * the change since, e.g. "Best +14 · Last time +8 · Change +3" */
      text = g_strdup_printf (_("Best %s · Last time %s · Change %s"), best_text, previous_text, change);
    }

  gtk_label_set_text (self->progress_label, text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_label), TRUE);
}

static void
lateral_summary_page_fill_scores (LateralSummaryPage *self,
                                  LateralPack        *pack,
                                  const LateralTally *tally)
{
  g_autofree char *mark = lateral_format_mark (tally->total_mark);
  int max = lateral_cbm_mark (TRUE, LATERAL_CERTAINTY_MAX) * (int) lateral_pack_get_n_claims (pack);
  g_autofree char *out_of = NULL;
  g_autofree char *accuracy = NULL;
  g_autofree char *right = NULL;

  /* TRANSLATORS: a percentage, e.g. "75%" */
  accuracy = g_strdup_printf (_("%.0f%%"), 100.0 * lateral_tally_get_accuracy (tally));
  right = g_strdup_printf (_("%u of %u right"), tally->n_correct, tally->n_answers);
  /* TRANSLATORS: the highest mark a case allows, under the mark, e.g. "out of 27" */
  out_of = g_strdup_printf (_("out of %d"), max);
  gtk_label_set_text (self->mark_label, mark);
  gtk_label_set_text (self->max_label, out_of);
  gtk_label_set_text (self->accuracy_label, accuracy);
  gtk_label_set_text (self->right_label, right);
}

static void
lateral_summary_page_fill_calibration (LateralSummaryPage *self,
                                       const LateralTally *tally)
{
  LateralCalibration calibration = lateral_tally_get_calibration (tally);
  g_autofree char *description = NULL;
  const char *advice;

  switch (calibration)
    {
    case LATERAL_CALIBRATION_OVERCONFIDENT:
      advice = _("You were often surer than your answers turned out: being less sure would have cost less.");
      break;
    case LATERAL_CALIBRATION_UNDERCONFIDENT:
      advice = _("You were right more often than you dared say: being surer would have earned more.");
      break;
    case LATERAL_CALIBRATION_WELL_CALIBRATED:
    default:
      advice = _("How sure you were matched how often you were right.");
      break;
    }

  /* TRANSLATORS: the calibration word, then a sentence of advice */
  description = g_strdup_printf (_("%s. %s"), lateral_calibration_get_label (calibration), advice);
  adw_preferences_group_set_description (self->calibration_group, description);

  for (int c = LATERAL_CERTAINTY_MAX; c >= LATERAL_CERTAINTY_MIN; c--)
    {
      guint answered = tally->by_certainty[c].answered;
      guint correct = tally->by_certainty[c].correct;
      g_autofree char *subtitle = NULL;

      if (answered == 0)
        subtitle = g_strdup (_("Not used"));
      else
        /* TRANSLATORS: "2 of 3 right (67%)" */
        subtitle = g_strdup_printf (_("%u of %u right (%.0f%%)"), correct, answered, 100.0 * correct / answered);
      add_row (self, self->calibration_group, lateral_format_certainty (c), subtitle);
    }
}

/* A claim's reveal again, in a window of its own over the summary. */
static void
on_review_row_activated (LateralSummaryPage *self,
                         GtkWidget          *row)
{
  LateralPack *pack = lateral_play_get_pack (self->play);
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "lateral-step-index"));
  const LateralStep *step = lateral_pack_get_step (pack, index);
  const LateralAnswer *answer = lateral_play_get_answer (self->play, step->id);
  GtkWidget *window, *toolbar, *header, *scroller, *clamp, *box, *claim;
  GtkEventController *shortcuts;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  if (answer == NULL)
    return;

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), step->claim);
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 640);
  if (GTK_IS_WINDOW (root))
    gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (root));

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), adw_window_title_new (_("Claim Reveal"), ""));
  gtk_box_append (GTK_BOX (toolbar), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_set_margin_top (box, 18);
  gtk_widget_set_margin_bottom (box, 18);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  claim = gtk_label_new (step->claim);
  gtk_label_set_wrap (GTK_LABEL (claim), TRUE);
  gtk_label_set_xalign (GTK_LABEL (claim), 0.0);
  gtk_widget_add_css_class (claim, "title-3");
  gtk_box_append (GTK_BOX (box), claim);
  gtk_box_append (GTK_BOX (box), lateral_reveal_new (pack, step, answer));

  clamp = adw_clamp_new ();
  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), clamp);
  gtk_box_append (GTK_BOX (toolbar), scroller);
  adw_window_set_content (ADW_WINDOW (window), toolbar);

  /* Escape closes it, as any dialog. */
  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                          gtk_named_action_new ("window.close")));
  gtk_widget_add_controller (window, shortcuts);
  gtk_window_present (GTK_WINDOW (window));
}

static void
lateral_summary_page_fill_review (LateralSummaryPage *self,
                                  LateralPack        *pack)
{
  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);
      const LateralAnswer *answer;
      g_autofree char *mark = NULL;
      g_autofree char *certainty = NULL;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *icon;

      if (step->type != LATERAL_STEP_CLAIM)
        continue;

      answer = lateral_play_get_answer (self->play, step->id);
      if (answer == NULL)
        {
          add_row (self, self->review_group, step->claim, _("Not answered"));
          continue;
        }

      mark = lateral_format_mark (answer->mark);
      certainty = g_utf8_strdown (lateral_format_certainty (answer->certainty), -1);
      /* TRANSLATORS: "You said False, fairly sure · Right · +2" */
      subtitle = g_strdup_printf (_("You said %s, %s · %s · %s"),
                                  lateral_verdict_get_label (answer->verdict), certainty,
                                  answer->correct ? _("Right") : _("Not right"), mark);
      row = add_row (self, self->review_group, step->claim, subtitle);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      g_object_set_data (G_OBJECT (row), "lateral-step-index", GUINT_TO_POINTER (step->index));
      g_signal_connect_swapped (row, "activated", G_CALLBACK (on_review_row_activated), self);

      icon = gtk_image_new_from_icon_name (answer->correct ? "object-select-symbolic" : "window-close-symbolic");
      gtk_widget_add_css_class (icon, answer->correct ? "success" : "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
    }
}

static void
lateral_summary_page_fill_techniques (LateralSummaryPage *self,
                                      LateralPack        *pack,
                                      const LateralTally *tally)
{
  guint n = 0;

  for (guint i = 0; i < lateral_pack_get_n_techniques (pack); i++)
    {
      const LateralTechnique *technique = lateral_pack_get_technique (pack, i);
      const LateralTallyCount *count = lateral_tally_get_technique (tally, technique->id);
      g_autofree char *subtitle = NULL;

      if (count == NULL || count->answered == 0)
        continue;

      subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                               "%s In %u claim, %u right.",
                                               "%s In %u claims, %u right.",
                                               count->answered),
                                  technique->description, count->answered, count->correct);
      add_row (self, self->techniques_group, technique->name, subtitle);
      n++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->techniques_group), n > 0);
}

/**
 * lateral_summary_page_set_play:
 * @play: (nullable): the attempt to sum up
 */
void
lateral_summary_page_set_play (LateralSummaryPage *self,
                               LateralPlay        *play)
{
  g_autoptr(LateralTally) tally = NULL;
  LateralPack *pack;
  gboolean finished;

  g_return_if_fail (LATERAL_IS_SUMMARY_PAGE (self));
  g_return_if_fail (play == NULL || LATERAL_IS_PLAY (play));

  remove_rows (self);
  g_set_object (&self->play, play);
  if (play == NULL)
    return;

  /* From the history, an attempt left half-way is not "complete": it says
   * so, and its main button continues it (win.try-again opens the case for
   * the same learner, which resumes their unfinished attempt). */
  finished = lateral_play_is_finished (play);
  gtk_label_set_text (GTK_LABEL (self->title_label), finished ? _("Case Complete") : _("In Progress"));
  gtk_button_set_label (GTK_BUTTON (self->try_again_button), finished ? _("Try Again") : _("Continue"));

  pack = lateral_play_get_pack (play);
  tally = lateral_tally_new ();
  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);
      const LateralAnswer *answer;

      if (step->type == LATERAL_STEP_CLAIM &&
          (answer = lateral_play_get_answer (play, step->id)) != NULL)
        lateral_tally_add (tally, step, answer->correct, answer->certainty, answer->mark);
    }

  lateral_summary_page_fill_scores (self, pack, tally);
  lateral_summary_page_fill_progress (self, tally->total_mark);
  lateral_summary_page_fill_calibration (self, tally);
  lateral_summary_page_fill_review (self, pack);
  lateral_summary_page_fill_techniques (self, pack, tally);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0.0);
  /* The main action takes the focus; it is described by the marks, so a
   * screen reader says them when the page opens. */
  gtk_widget_grab_focus (self->try_again_button);
}

/* Returns: (transfer none) (nullable): the attempt summed up */
LateralPlay *
lateral_summary_page_get_play (LateralSummaryPage *self)
{
  g_return_val_if_fail (LATERAL_IS_SUMMARY_PAGE (self), NULL);

  return self->play;
}

static void
lateral_summary_page_dispose (GObject *object)
{
  LateralSummaryPage *self = LATERAL_SUMMARY_PAGE (object);

  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->play);

  G_OBJECT_CLASS (lateral_summary_page_parent_class)->dispose (object);
}

static void
lateral_summary_page_class_init (LateralSummaryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_summary_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-summary-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, export_button);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, try_again_button);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, mark_label);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, max_label);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, progress_label);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, accuracy_label);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, right_label);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, calibration_group);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, review_group);
  gtk_widget_class_bind_template_child (widget_class, LateralSummaryPage, techniques_group);
}

static void
lateral_summary_page_init (LateralSummaryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->try_again_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY,
                                  self->title_label, self->mark_label, self->max_label, self->progress_label,
                                  self->accuracy_label, self->right_label, NULL,
                                  -1);
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
}
