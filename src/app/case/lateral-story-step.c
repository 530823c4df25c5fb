/* lateral-story-step.c: a story step, read like an article
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A story step reads like an article: date, title, text, source. A source
 * that could answer the next claim is held back until it is answered.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "widgets/lateral-artefact-card.h"
#include "widgets/lateral-format.h"
#include "widgets/lateral-pack-picture.h"
#include "widgets/lateral-source-row.h"
#include "lateral-story-step.h"

struct _LateralStoryStep
{
  AdwBin               parent_instance;

  GtkLabel            *date_label;
  GtkLabel            *title_label;
  AdwBin              *picture_bin;
  GtkBox              *text_box;
  AdwBin              *artefact_bin;
  AdwPreferencesGroup *source_group;
};

G_DEFINE_FINAL_TYPE (LateralStoryStep, lateral_story_step, ADW_TYPE_BIN)

/* @hold_from: a day (YYYY-MM-DD) or NULL. Sources published on or after it
 * are listed without their headline and link (lateral_source_row_new_held):
 * the case view passes the day of the next claim still to be answered. */
GtkWidget *
lateral_story_step_new (const LateralStep *step,
                        const char        *hold_from)
{
  LateralStoryStep *self;
  g_autofree char *date = NULL;

  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (step->type == LATERAL_STEP_STORY, NULL);

  self = g_object_new (LATERAL_TYPE_STORY_STEP, NULL);

  date = lateral_format_date (step->date);
  gtk_label_set_text (self->date_label, date);
  gtk_label_set_text (self->title_label, step->title);
  lateral_add_paragraphs (self->text_box, step->text, TRUE);

  if (step->image != NULL)
    {
      /* The loader keeps image paths inside the pack's folder; the picture
       * is decoded in a thread, within the image limits. */
      adw_bin_set_child (self->picture_bin, lateral_pack_picture_new (step->image, 180));
      gtk_widget_set_visible (GTK_WIDGET (self->picture_bin), TRUE);
    }

  if (step->artefact != NULL)
    {
      adw_bin_set_child (self->artefact_bin, lateral_artefact_card_new (step->artefact));
      gtk_widget_set_visible (GTK_WIDGET (self->artefact_bin), TRUE);
    }

  /* lateral-pack/2 gives a story several sources; /1 one, the first here. */
  for (guint i = 0; step->sources != NULL && i < step->sources->len; i++)
    {
      const LateralSource *source = g_ptr_array_index (step->sources, i);
      gboolean held = hold_from != NULL && strncmp (source->date, hold_from, 10) >= 0;

      adw_preferences_group_add (self->source_group,
                                 held ? lateral_source_row_new_held (source) : lateral_source_row_new (source));
    }
  if (step->sources != NULL && step->sources->len > 1)
    adw_preferences_group_set_title (self->source_group, _("Sources"));
  gtk_widget_set_visible (GTK_WIDGET (self->source_group), step->sources != NULL && step->sources->len > 0);

  return GTK_WIDGET (self);
}

static void
lateral_story_step_class_init (LateralStoryStepClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-story-step.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralStoryStep, date_label);
  gtk_widget_class_bind_template_child (widget_class, LateralStoryStep, title_label);
  gtk_widget_class_bind_template_child (widget_class, LateralStoryStep, picture_bin);
  gtk_widget_class_bind_template_child (widget_class, LateralStoryStep, text_box);
  gtk_widget_class_bind_template_child (widget_class, LateralStoryStep, artefact_bin);
  gtk_widget_class_bind_template_child (widget_class, LateralStoryStep, source_group);
}

static void
lateral_story_step_init (LateralStoryStep *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->title_label), GTK_ACCESSIBLE_PROPERTY_LEVEL, 2, -1);
}
