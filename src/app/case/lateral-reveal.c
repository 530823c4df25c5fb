/* lateral-reveal.c
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the learner's stored answer earned, and what was known at the date:
 * the explanation, the dated sources, the technique, the checks.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "widgets/lateral-format.h"
#include "lateral-reveal.h"
#include "widgets/lateral-source-row.h"

struct _LateralReveal
{
  AdwBin               parent_instance;

  GtkWidget           *result_box;
  GtkLabel            *result_label;
  GtkLabel            *detail_label;
  GtkLabel            *known_heading;
  GtkBox              *known_box;
  GtkBox              *why_box;
  AdwPreferencesGroup *sources_group;
  AdwPreferencesGroup *techniques_group;
  AdwPreferencesGroup *moves_group;
  GtkWidget           *continue_button;
};

G_DEFINE_FINAL_TYPE (LateralReveal, lateral_reveal, ADW_TYPE_BIN)

static char *
format_detail (const LateralStep   *step,
               const LateralAnswer *answer)
{
  g_autofree char *mark = lateral_format_mark (answer->mark);
  g_autofree char *certainty = g_utf8_strdown (lateral_format_certainty (answer->certainty), -1);
  GString *text = g_string_new (NULL);

  /* TRANSLATORS: "You said “False”, fairly sure: +2." */
  g_string_append_printf (text, _("You said “%s”, %s: %s."),
                          lateral_verdict_get_label (answer->verdict), certainty, mark);
  g_string_append_c (text, ' ');
  g_string_append_printf (text, _("The answer is “%s”."), lateral_verdict_get_label (step->verdict));

  for (guint v = 0; v < LATERAL_N_VERDICTS; v++)
    if (v != step->verdict && lateral_step_accepts (step, v))
      {
        g_string_append_c (text, ' ');
        g_string_append_printf (text, _("“%s” also counts as right."), lateral_verdict_get_label (v));
      }

  return g_string_free (text, FALSE);
}

static void
add_technique_rows (LateralReveal     *self,
                    LateralPack       *pack,
                    const LateralStep *step)
{
  guint n = 0;

  for (guint i = 0; step->techniques != NULL && step->techniques[i] != NULL; i++)
    {
      const LateralTechnique *technique = lateral_pack_find_technique (pack, step->techniques[i]);
      GtkWidget *row;

      if (technique == NULL)
        continue;

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), technique->name);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), technique->description);
      adw_preferences_group_add (self->techniques_group, row);
      n++;
    }

  if (n > 1)
    adw_preferences_group_set_title (self->techniques_group, _("Techniques"));
  gtk_widget_set_visible (GTK_WIDGET (self->techniques_group), n > 0);
}

static void
add_move_rows (LateralReveal       *self,
               const LateralStep   *step,
               const LateralAnswer *answer)
{
  for (guint i = 0; step->moves != NULL && i < step->moves->len; i++)
    {
      const LateralMove *move = g_ptr_array_index (step->moves, i);
      gboolean picked = answer->moves != NULL && g_strv_contains ((const char * const *) answer->moves, move->id);
      const char *status, *icon_name, *style;
      g_autofree char *subtitle = NULL;
      GtkWidget *row, *icon;

      if (picked && move->expected)
        {
          status = _("You picked this: a good check.");
          icon_name = "object-select-symbolic";
          style = "success";
        }
      else if (move->expected)
        {
          status = _("You did not pick this, and it helps.");
          icon_name = "list-add-symbolic";
          style = "warning";
        }
      else if (picked)
        {
          status = _("You picked this, but it does not settle the claim.");
          icon_name = "window-close-symbolic";
          style = "error";
        }
      else
        {
          status = _("Not needed.");
          icon_name = NULL;
          style = NULL;
        }

      subtitle = move->why != NULL ? g_strdup_printf ("%s %s", status, move->why) : g_strdup (status);

      row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), move->label);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);

      icon = gtk_image_new_from_icon_name (icon_name);
      if (style != NULL)
        gtk_widget_add_css_class (icon, style);
      gtk_widget_set_size_request (icon, 16, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      adw_preferences_group_add (self->moves_group, row);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->moves_group), step->moves != NULL && step->moves->len > 0);
}

GtkWidget *
lateral_reveal_new (LateralPack         *pack,
                    const LateralStep   *step,
                    const LateralAnswer *answer)
{
  LateralReveal *self;
  g_autofree char *detail = NULL;
  g_autofree char *as_of = NULL;
  g_autofree char *known = NULL;

  g_return_val_if_fail (LATERAL_IS_PACK (pack), NULL);
  g_return_val_if_fail (step != NULL && step->type == LATERAL_STEP_CLAIM, NULL);
  g_return_val_if_fail (answer != NULL, NULL);

  self = g_object_new (LATERAL_TYPE_REVEAL, NULL);

  gtk_label_set_text (self->result_label, answer->correct ? _("Right") : _("Not right"));
  gtk_widget_add_css_class (self->result_box, answer->correct ? "right" : "wrong");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), answer->correct ? "success" : "error");
  detail = format_detail (step, answer);
  gtk_label_set_text (self->detail_label, detail);

  as_of = lateral_format_date (step->as_of);
  known = g_strdup_printf (_("What Was Known on %s"), as_of);
  gtk_label_set_text (self->known_heading, known);
  lateral_add_paragraphs (self->known_box, step->known_then, TRUE);
  lateral_add_paragraphs (self->why_box, step->explanation, TRUE);

  for (guint i = 0; step->sources != NULL && i < step->sources->len; i++)
    adw_preferences_group_add (self->sources_group,
                               lateral_source_row_new (g_ptr_array_index (step->sources, i)));

  add_technique_rows (self, pack, step);
  add_move_rows (self, step, answer);

  /* No announcement API before GTK 4.14: the Continue button, which gets the
   * focus, is described by the result, so a screen reader reads it out. */
  gtk_accessible_update_relation (GTK_ACCESSIBLE (self->continue_button),
                                  GTK_ACCESSIBLE_RELATION_DESCRIBED_BY, self->result_label, self->detail_label, NULL,
                                  -1);

  return GTK_WIDGET (self);
}

void
lateral_reveal_focus_continue (LateralReveal *self)
{
  g_return_if_fail (LATERAL_IS_REVEAL (self));

  gtk_widget_grab_focus (self->continue_button);
}

/* Returns: (transfer none): the result line at the top of the reveal */
GtkWidget *
lateral_reveal_get_heading (LateralReveal *self)
{
  g_return_val_if_fail (LATERAL_IS_REVEAL (self), NULL);

  return self->result_box;
}

static void
lateral_reveal_class_init (LateralRevealClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-reveal.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, result_box);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, result_label);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, known_heading);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, known_box);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, why_box);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, sources_group);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, techniques_group);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, moves_group);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, continue_button);
}

static void
lateral_reveal_init (LateralReveal *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
