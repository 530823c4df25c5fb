/* lateral-claim-step.c: one claim to judge: verdict, certainty, checks, Lock
 * In
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A claim to judge: the verdict, the certainty and the checks the learner
 * would make. The reveal is built only when the case view hands over the
 * answer the store returned, so there is nothing to peek at before.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-claim-step.h"
#include "widgets/lateral-format.h"
#include "lateral-reveal.h"
#include "play/lateral-scoring.h"
#include "widgets/lateral-artefact-card.h"
#include "widgets/lateral-columns.h"
#include "widgets/lateral-source-row.h"

struct _LateralClaimStep
{
  AdwBin               parent_instance;

  GtkLabel            *as_of_label;
  GtkLabel            *claim_label;
  GtkBox              *context_box;
  AdwBin              *artefact_bin;
  GtkWidget           *columns;
  GtkStack            *answer_stack;
  GtkWidget           *choice_box;
  GtkGrid             *verdict_grid;
  GtkBox              *certainty_box;
  GtkLabel            *moves_heading;
  GtkWidget           *verdict_heading;
  GtkWidget           *certainty_heading;
  GtkWidget           *moves_hint;
  GtkBox              *moves_box;
  GtkLabel            *error_label;
  AdwBin              *reveal_bin;

  GtkCheckButton      *verdict_checks[LATERAL_N_VERDICTS];
  GtkCheckButton      *certainty_checks[LATERAL_CERTAINTY_MAX];
  GPtrArray           *move_checks;   /* of GtkCheckButton, in the pack's order */

  LateralPack         *pack;
  const LateralStep   *step;          /* owned by pack */
};

G_DEFINE_FINAL_TYPE (LateralClaimStep, lateral_claim_step, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_COMPLETE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* One choice, one Tab stop, one name. A bare GtkCheckButton rather than an
 * AdwActionRow: the row and its check button each took a Tab stop and the
 * button got the row's title twice. Grouped, the button is drawn as a radio
 * but still says "check box" unless its role is set at construction. */
static GtkCheckButton *
new_choice (const char     *name,
            gboolean        radio,
            GtkCheckButton *group)
{
  GtkWidget *check = g_object_new (GTK_TYPE_CHECK_BUTTON,
                                   "accessible-role", radio ? GTK_ACCESSIBLE_ROLE_RADIO
                                                            : GTK_ACCESSIBLE_ROLE_CHECKBOX,
                                   NULL);

  gtk_widget_add_css_class (check, "lateral-choice");
  /* The first radio of a group is its group until the next one joins. */
  if (group != NULL)
    gtk_check_button_set_group (GTK_CHECK_BUTTON (check), group);
  gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  -1);

  return GTK_CHECK_BUTTON (check);
}

/* A label inside a choice: the choice's own name says it already. */
static GtkWidget *
choice_label (const char *text,
              const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  gtk_widget_set_hexpand (label, TRUE);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_accessible_update_state (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return label;
}

static void
on_choice_toggled (LateralClaimStep *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPLETE]);
}

static void
lateral_claim_step_build_verdicts (LateralClaimStep *self)
{
  for (guint v = 0; v < LATERAL_N_VERDICTS; v++)
    {
      GtkCheckButton *check;

      check = new_choice (lateral_verdict_get_label (v), TRUE,
                          v > 0 ? self->verdict_checks[0] : NULL);
      gtk_check_button_set_child (check, choice_label (lateral_verdict_get_label (v), NULL));
      gtk_grid_attach (self->verdict_grid, GTK_WIDGET (check), v % 2, v / 2, 1, 1);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_choice_toggled), self);
      self->verdict_checks[v] = check;
    }
}

static void
lateral_claim_step_build_certainties (LateralClaimStep *self)
{
  for (int c = LATERAL_CERTAINTY_MIN; c <= LATERAL_CERTAINTY_MAX; c++)
    {
      g_autofree char *right = lateral_format_mark (lateral_cbm_mark (TRUE, c));
      g_autofree char *wrong = lateral_format_mark (lateral_cbm_mark (FALSE, c));
      g_autofree char *stakes = NULL;
      g_autofree char *description = NULL;
      guint i = c - LATERAL_CERTAINTY_MIN;
      GtkCheckButton *check;
      GtkWidget *box;

      /* TRANSLATORS: the stakes of a certainty level, "+3 / −6": the mark if right, then if wrong */
      stakes = g_strdup_printf (_("%s / %s"), right, wrong);
      /* TRANSLATORS: the marks of a certainty level, e.g. "+2 if right, −2 if not" */
      description = g_strdup_printf (_("%s if right, %s if not"), right, wrong);

      check = new_choice (lateral_format_certainty (c), TRUE, i > 0 ? self->certainty_checks[0] : NULL);
      box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      gtk_box_append (GTK_BOX (box), choice_label (lateral_format_certainty (c), NULL));
      gtk_box_append (GTK_BOX (box), choice_label (stakes, "lateral-stakes"));
      gtk_check_button_set_child (check, box);
      gtk_accessible_update_property (GTK_ACCESSIBLE (check),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                      -1);
      gtk_box_append (self->certainty_box, GTK_WIDGET (check));
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_choice_toggled), self);
      self->certainty_checks[i] = check;
    }
}

static void
lateral_claim_step_build_moves (LateralClaimStep *self)
{
  if (self->step->moves == NULL || self->step->moves->len == 0)
    return;

  gtk_label_set_text (self->moves_heading,
                      self->step->moves_question != NULL ? self->step->moves_question
                      : _("Which checks would you make?"));
  gtk_widget_set_visible (GTK_WIDGET (self->moves_heading), TRUE);
  gtk_widget_set_visible (self->moves_hint, TRUE);

  for (guint i = 0; i < self->step->moves->len; i++)
    {
      const LateralMove *move = g_ptr_array_index (self->step->moves, i);
      GtkCheckButton *check = new_choice (move->label, FALSE, NULL);

      gtk_check_button_set_child (check, choice_label (move->label, NULL));
      gtk_widget_add_css_class (GTK_WIDGET (check), "lateral-check");
      gtk_box_append (self->moves_box, GTK_WIDGET (check));
      g_ptr_array_add (self->move_checks, check);
    }
}

GtkWidget *
lateral_claim_step_new (LateralPack       *pack,
                        const LateralStep *step)
{
  LateralClaimStep *self;
  g_autofree char *as_of = NULL;
  g_autofree char *as_of_text = NULL;

  g_return_val_if_fail (LATERAL_IS_PACK (pack), NULL);
  g_return_val_if_fail (step != NULL && step->type == LATERAL_STEP_CLAIM, NULL);

  self = g_object_new (LATERAL_TYPE_CLAIM_STEP, NULL);
  self->pack = g_object_ref (pack);
  self->step = step;

  as_of = lateral_format_date (step->as_of);
  /* TRANSLATORS: the date a claim is judged at, e.g. "As of 14 September 2015" */
  as_of_text = g_strdup_printf (_("As of %s"), as_of);
  gtk_label_set_text (self->as_of_label, as_of_text);
  gtk_label_set_text (self->claim_label, step->claim);
  lateral_add_paragraphs (self->context_box, step->context, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->context_box),
                          step->context != NULL && step->context[0] != NULL);

  if (step->artefact != NULL)
    {
      adw_bin_set_child (self->artefact_bin, lateral_artefact_card_new (step->artefact));
      gtk_widget_set_visible (GTK_WIDGET (self->artefact_bin), TRUE);
    }

  lateral_claim_step_build_verdicts (self);
  lateral_claim_step_build_certainties (self);
  lateral_claim_step_build_moves (self);

  return GTK_WIDGET (self);
}

static int
find_active (GtkCheckButton **checks,
             guint            n_checks)
{
  for (guint i = 0; i < n_checks; i++)
    if (gtk_check_button_get_active (checks[i]))
      return i;

  return -1;
}

static const char *
artefact_kind_noun (LateralArtefactKind kind)
{
  switch (kind)
    {
    case LATERAL_ARTEFACT_POST:
      return _("Show the post again");
    case LATERAL_ARTEFACT_ARTICLE:
      return _("Show the article again");
    case LATERAL_ARTEFACT_STATEMENT:
      return _("Show the statement again");
    case LATERAL_ARTEFACT_BROADCAST:
      return _("Show the broadcast again");
    case LATERAL_ARTEFACT_CALL:
      return _("Show the call again");
    default:
      return _("Show it again");
    }
}

/**
 * lateral_claim_step_fold_artefact:
 * @available_width: the width the claim will have
 *
 * The claim's artefact, when the step just before showed the same one, is
 * folded into an expander on a narrow window (one column): the learner
 * has just read it, and at 400 px it would push the verdicts and
 * certainties below the fold. One click or Space shows it again. On a wide
 * window (two columns) it stays open beside the choices.
 */
void
lateral_claim_step_fold_artefact (LateralClaimStep *self,
                                  int               available_width)
{
  GtkWidget *card;
  GtkWidget *expander;
  int threshold = 0;

  g_return_if_fail (LATERAL_IS_CLAIM_STEP (self));

  g_object_get (self->columns, "threshold", &threshold, NULL);
  card = adw_bin_get_child (self->artefact_bin);
  if (card == NULL || GTK_IS_EXPANDER (card) || available_width >= threshold)
    return;

  g_object_ref (card);
  adw_bin_set_child (self->artefact_bin, NULL);
  expander = gtk_expander_new (artefact_kind_noun (self->step->artefact->kind));
  gtk_expander_set_child (GTK_EXPANDER (expander), card);
  g_object_unref (card);
  adw_bin_set_child (self->artefact_bin, expander);
}

gboolean
lateral_claim_step_has_verdict (LateralClaimStep *self)
{
  g_return_val_if_fail (LATERAL_IS_CLAIM_STEP (self), FALSE);

  return find_active (self->verdict_checks, LATERAL_N_VERDICTS) >= 0;
}

/* Returns: whether both a verdict and a certainty are picked */
gboolean
lateral_claim_step_get_choice (LateralClaimStep *self,
                               LateralVerdict   *out_verdict,
                               int              *out_certainty)
{
  int verdict, certainty;

  g_return_val_if_fail (LATERAL_IS_CLAIM_STEP (self), FALSE);

  verdict = find_active (self->verdict_checks, LATERAL_N_VERDICTS);
  certainty = find_active (self->certainty_checks, LATERAL_CERTAINTY_MAX);
  if (verdict < 0 || certainty < 0)
    return FALSE;

  if (out_verdict != NULL)
    *out_verdict = verdict;
  if (out_certainty != NULL)
    *out_certainty = certainty + LATERAL_CERTAINTY_MIN;

  return TRUE;
}

/* A choice picked with its number key takes the focus when the focus is on
 * this step, so the focused object is the one whose checked state changed
 * and a screen reader says it. */
static void
follow_with_focus (LateralClaimStep *self,
                   GtkWidget        *choice)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  if (focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self)) &&
      gtk_widget_get_sensitive (choice))
    gtk_widget_grab_focus (choice);
}

/* Returns: (transfer full): the choice as the bar says it, e.g.
 * "Unverified · Very sure · +3 / −6", or what is still to pick */
char *
lateral_claim_step_dup_choice_text (LateralClaimStep *self)
{
  int verdict, certainty;
  g_autofree char *right = NULL;
  g_autofree char *wrong = NULL;

  g_return_val_if_fail (LATERAL_IS_CLAIM_STEP (self), NULL);

  verdict = find_active (self->verdict_checks, LATERAL_N_VERDICTS);
  certainty = find_active (self->certainty_checks, LATERAL_CERTAINTY_MAX);
  if (verdict < 0 && certainty < 0)
    return g_strdup (_("Pick a verdict and how sure you are"));
  if (verdict < 0)
    return g_strdup (_("Pick a verdict"));
  if (certainty < 0)
    /* TRANSLATORS: the verdict picked so far, e.g. "Unverified · how sure?" */
    return g_strdup_printf (_("%s · how sure?"), lateral_verdict_get_label (verdict));

  certainty += LATERAL_CERTAINTY_MIN;
  right = lateral_format_mark (lateral_cbm_mark (TRUE, certainty));
  wrong = lateral_format_mark (lateral_cbm_mark (FALSE, certainty));
  /* TRANSLATORS: verdict, certainty and stakes, e.g. "Unverified · Very sure · +3 / −6" */
  return g_strdup_printf (_("%s · %s · %s / %s"), lateral_verdict_get_label (verdict),
                          lateral_format_certainty (certainty), right, wrong);
}

void
lateral_claim_step_pick_verdict (LateralClaimStep *self,
                                 LateralVerdict    verdict)
{
  g_return_if_fail (LATERAL_IS_CLAIM_STEP (self));
  g_return_if_fail (verdict < LATERAL_N_VERDICTS);

  gtk_check_button_set_active (self->verdict_checks[verdict], TRUE);
  follow_with_focus (self, GTK_WIDGET (self->verdict_checks[verdict]));
}

void
lateral_claim_step_pick_certainty (LateralClaimStep *self,
                                   int               certainty)
{
  g_return_if_fail (LATERAL_IS_CLAIM_STEP (self));
  g_return_if_fail (certainty >= LATERAL_CERTAINTY_MIN && certainty <= LATERAL_CERTAINTY_MAX);

  gtk_check_button_set_active (self->certainty_checks[certainty - LATERAL_CERTAINTY_MIN], TRUE);
  follow_with_focus (self, GTK_WIDGET (self->certainty_checks[certainty - LATERAL_CERTAINTY_MIN]));
}

/* Returns: (transfer full): the ids of the moves picked, possibly none */
char **
lateral_claim_step_dup_moves (LateralClaimStep *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (LATERAL_IS_CLAIM_STEP (self), NULL);

  for (guint i = 0; i < self->move_checks->len; i++)
    {
      const LateralMove *move = g_ptr_array_index (self->step->moves, i);

      if (gtk_check_button_get_active (g_ptr_array_index (self->move_checks, i)))
        g_strv_builder_add (builder, move->id);
    }

  return g_strv_builder_end (builder);
}

void
lateral_claim_step_set_frozen (LateralClaimStep *self,
                               gboolean          frozen)
{
  g_return_if_fail (LATERAL_IS_CLAIM_STEP (self));

  gtk_widget_set_sensitive (self->choice_box, !frozen);
}

void
lateral_claim_step_show_error (LateralClaimStep *self,
                               const char       *message)
{
  g_return_if_fail (LATERAL_IS_CLAIM_STEP (self));

  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* Shows what the answer stored for this claim earned. Call it only with the
 * answer lateral_play_answer() returned: that is the proof it was stored. */
void
lateral_claim_step_show_reveal (LateralClaimStep    *self,
                                const LateralAnswer *answer)
{
  GtkWidget *reveal;

  g_return_if_fail (LATERAL_IS_CLAIM_STEP (self));
  g_return_if_fail (answer != NULL);

  lateral_claim_step_set_frozen (self, TRUE);
  lateral_claim_step_show_error (self, NULL);

  reveal = lateral_reveal_new (self->pack, self->step, answer);
  adw_bin_set_child (self->reveal_bin, reveal);
  gtk_stack_set_visible_child_name (self->answer_stack, "reveal");
}

/* Returns: (transfer none) (nullable): the reveal, NULL before lock-in */
GtkWidget *
lateral_claim_step_get_reveal (LateralClaimStep *self)
{
  g_return_val_if_fail (LATERAL_IS_CLAIM_STEP (self), NULL);

  return adw_bin_get_child (self->reveal_bin);
}

void
lateral_claim_step_focus_first (LateralClaimStep *self)
{
  g_return_if_fail (LATERAL_IS_CLAIM_STEP (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->verdict_checks[0]));
}

static void
lateral_claim_step_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  LateralClaimStep *self = LATERAL_CLAIM_STEP (object);

  switch (prop_id)
    {
    case PROP_COMPLETE:
      g_value_set_boolean (value, lateral_claim_step_get_choice (self, NULL, NULL));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lateral_claim_step_dispose (GObject *object)
{
  LateralClaimStep *self = LATERAL_CLAIM_STEP (object);

  g_clear_pointer (&self->move_checks, g_ptr_array_unref);
  self->step = NULL;
  g_clear_object (&self->pack);

  G_OBJECT_CLASS (lateral_claim_step_parent_class)->dispose (object);
}

static void
lateral_claim_step_class_init (LateralClaimStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_claim_step_dispose;
  object_class->get_property = lateral_claim_step_get_property;

  /* Whether a verdict and a certainty are picked, so the answer can be locked in. */
  properties[PROP_COMPLETE] =
    g_param_spec_boolean ("complete", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (LATERAL_TYPE_COLUMNS);
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-claim-step.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, as_of_label);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, claim_label);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, context_box);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, artefact_bin);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, columns);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, answer_stack);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, choice_box);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, verdict_grid);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, certainty_box);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, moves_heading);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, verdict_heading);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, certainty_heading);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, moves_hint);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, moves_box);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, error_label);
  gtk_widget_class_bind_template_child (widget_class, LateralClaimStep, reveal_bin);
}

static void
lateral_claim_step_init (LateralClaimStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->move_checks = g_ptr_array_new ();

  /* The claim is the page's heading; its questions are under it. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->claim_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->certainty_heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->moves_heading), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
}
