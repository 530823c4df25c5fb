/* lateral-reveal.c: what a stored answer earned, and what was known at the
 * date
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * What the learner's stored answer earned, and what was known at the date:
 * the explanation, the dated sources, the technique, the checks.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "widgets/lateral-text-row.h"
#include "widgets/lateral-format.h"
#include "lateral-reveal.h"
#include "widgets/lateral-source-row.h"

struct _LateralReveal
{
  AdwBin     parent_instance;

  GtkWidget *result_box;
  GtkImage  *result_icon;
  GtkLabel  *result_label;
  GtkLabel  *mark_label;
  GtkLabel  *detail_label;
  GtkLabel  *takeaway_label;
  GtkBox    *sections_box;
};

G_DEFINE_FINAL_TYPE (LateralReveal, lateral_reveal, ADW_TYPE_BIN)

/**
 * lateral_reveal_format_result:
 *
 * Returns: (transfer full): the result in one sentence, as a screen reader
 * says it when the reveal appears: "Not right, −6. The answer is Unverified."
 */
char *
lateral_reveal_format_result (const LateralStep   *step,
                              const LateralAnswer *answer)
{
  g_autofree char *mark = NULL;

  g_return_val_if_fail (step != NULL && answer != NULL, NULL);

  mark = lateral_format_mark (answer->mark);
  if (answer->correct)
    /* TRANSLATORS: the result read out after lock-in, e.g. "Right, +3. The answer is False." */
    return g_strdup_printf (_("Right, %s. The answer is %s."), mark, lateral_verdict_get_label (step->verdict));

  /* TRANSLATORS: the result read out after lock-in, e.g. "Not right, −6. The answer is Unverified." */
  return g_strdup_printf (_("Not right, %s. The answer is %s."), mark, lateral_verdict_get_label (step->verdict));
}

static char *
format_detail (const LateralStep   *step,
               const LateralAnswer *answer)
{
  g_autofree char *certainty = g_utf8_strdown (lateral_format_certainty (answer->certainty), -1);
  GString *text = g_string_new (NULL);

  /* TRANSLATORS: what the learner said, e.g. "You said “False”, fairly sure." */
  g_string_append_printf (text, _("You said “%s”, %s."),
                          lateral_verdict_get_label (answer->verdict), certainty);
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

/* A folded section: one Tab stop (the expander's title), its content shown
 * when opened. Returns the box to fill. */
static GtkBox *
add_section (LateralReveal *self,
             const char    *title,
             gboolean       expanded)
{
  GtkWidget *expander = gtk_expander_new (title);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);

  gtk_expander_set_use_underline (GTK_EXPANDER (expander), FALSE);
  gtk_expander_set_expanded (GTK_EXPANDER (expander), expanded);
  gtk_widget_add_css_class (expander, "lateral-section");
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_add_css_class (box, "lateral-article");
  gtk_expander_set_child (GTK_EXPANDER (expander), box);
  gtk_box_append (self->sections_box, expander);

  return GTK_BOX (box);
}

static GtkWidget *
new_boxed_list (GtkBox *box)
{
  GtkWidget *list = gtk_list_box_new ();

  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_box_append (box, list);

  return list;
}

static void
add_text_row (GtkWidget  *list,
              const char *title,
              const char *subtitle)
{
  GtkWidget *row = lateral_text_row_new (title, subtitle);

  /* Nothing to do with it: no Tab stop. */
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (GTK_LIST_BOX (list), row);
}

static void
add_technique_section (LateralReveal     *self,
                       LateralPack       *pack,
                       const LateralStep *step)
{
  GtkWidget *list = NULL;
  guint n = 0;

  for (guint i = 0; step->techniques != NULL && step->techniques[i] != NULL; i++)
    if (lateral_pack_find_technique (pack, step->techniques[i]) != NULL)
      n++;
  if (n == 0)
    return;

  list = new_boxed_list (add_section (self, n > 1 ? _("Techniques") : _("Technique"), FALSE));
  for (guint i = 0; step->techniques[i] != NULL; i++)
    {
      const LateralTechnique *technique = lateral_pack_find_technique (pack, step->techniques[i]);

      if (technique != NULL)
        add_text_row (list, technique->name, technique->description);
    }
}

static void
add_habit_section (LateralReveal     *self,
                   LateralPack       *pack,
                   const LateralStep *step)
{
  GtkWidget *list;
  guint n = 0;

  for (guint i = 0; step->habits != NULL && step->habits[i] != NULL; i++)
    if (lateral_pack_find_habit (pack, step->habits[i]) != NULL)
      n++;
  if (n == 0)
    return;

  list = new_boxed_list (add_section (self, n > 1 ? _("Habits That Help") : _("A Habit That Helps"), FALSE));
  for (guint i = 0; step->habits[i] != NULL; i++)
    {
      const LateralHabit *habit = lateral_pack_find_habit (pack, step->habits[i]);

      if (habit != NULL)
        add_text_row (list, habit->name, habit->description);
    }
}

static void
add_move_section (LateralReveal       *self,
                  const LateralStep   *step,
                  const LateralAnswer *answer)
{
  GtkWidget *list;

  if (step->moves == NULL || step->moves->len == 0)
    return;

  list = new_boxed_list (add_section (self, _("Your Checks"), FALSE));
  for (guint i = 0; i < step->moves->len; i++)
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
      if (move->found != NULL)
        {
          /* TRANSLATORS: what an expected check would have found at the claim's date */
          g_autofree char *found = g_strdup_printf (_("It would have found: %s"), move->found);
          char *both = g_strdup_printf ("%s\n%s", subtitle, found);

          g_free (subtitle);
          subtitle = both;
        }

      row = lateral_text_row_new (move->label, subtitle);
      gtk_widget_set_focusable (row, FALSE);

      icon = gtk_image_new_from_icon_name (icon_name);
      if (style != NULL)
        gtk_widget_add_css_class (icon, style);
      gtk_widget_set_size_request (icon, 16, -1);
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);

      gtk_list_box_append (GTK_LIST_BOX (list), row);
    }
}

static void
add_sources_section (LateralReveal *self,
                     const char    *title,
                     GPtrArray     *sources)
{
  GtkWidget *list;

  if (sources == NULL || sources->len == 0)
    return;

  list = new_boxed_list (add_section (self, title, FALSE));
  for (guint i = 0; i < sources->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list), lateral_source_row_new (g_ptr_array_index (sources, i)));
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
  g_autofree char *known_sources = NULL;
  g_autofree char *mark = NULL;
  const char *takeaway = step->takeaway;

  g_return_val_if_fail (LATERAL_IS_PACK (pack), NULL);
  g_return_val_if_fail (step != NULL && step->type == LATERAL_STEP_CLAIM, NULL);
  g_return_val_if_fail (answer != NULL, NULL);

  self = g_object_new (LATERAL_TYPE_REVEAL, NULL);

  gtk_label_set_text (self->result_label, answer->correct ? _("Right") : _("Not right"));
  gtk_image_set_from_icon_name (self->result_icon, answer->correct ? "object-select-symbolic" : "window-close-symbolic");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_icon), answer->correct ? "success" : "error");
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->result_icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_widget_add_css_class (self->result_box, answer->correct ? "right" : "wrong");
  gtk_widget_add_css_class (GTK_WIDGET (self->result_label), answer->correct ? "success" : "error");
  mark = lateral_format_mark (answer->mark);
  gtk_label_set_text (self->mark_label, mark);
  detail = format_detail (step, answer);
  gtk_label_set_text (self->detail_label, detail);

  if (takeaway != NULL)
    {
      gtk_label_set_text (self->takeaway_label, takeaway);
      gtk_widget_set_visible (GTK_WIDGET (self->takeaway_label), TRUE);
    }

  as_of = lateral_format_date (step->as_of);
  known = g_strdup_printf (_("What Was Known on %s"), as_of);
  /* TRANSLATORS: the sources of a reveal, e.g. "Sources Known on 14 September 2015" */
  known_sources = g_strdup_printf (_("Sources Known on %s"), as_of);
  if (step->known_then != NULL && step->known_then[0] != NULL)
    lateral_add_paragraphs (add_section (self, known, FALSE), step->known_then, TRUE);
  /* Without a takeaway, the explanation is the point: it starts open. */
  lateral_add_paragraphs (add_section (self, _("Why"), takeaway == NULL), step->explanation, TRUE);
  if (step->reported_later != NULL && step->reported_later[0] != NULL)
    lateral_add_paragraphs (add_section (self, _("Reported Later"), FALSE), step->reported_later, TRUE);
  add_sources_section (self, known_sources, step->sources);
  add_sources_section (self, _("Sources Reported Later"), step->later_sources);
  add_technique_section (self, pack, step);
  add_habit_section (self, pack, step);
  add_move_section (self, step, answer);

  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the result at the top of the reveal */
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
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, result_icon);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, result_label);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, mark_label);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, detail_label);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, takeaway_label);
  gtk_widget_class_bind_template_child (widget_class, LateralReveal, sections_box);
}

static void
lateral_reveal_init (LateralReveal *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->result_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 3, -1);
}
