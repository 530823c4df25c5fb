/* lateral-artefact-card.c: an artefact of a pack (post, article, statement, broadcast, call) drawn as a card
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An artefact of a pack (lateral-pack/2) drawn as a card: a post, an
 * article's headline and first lines, an official statement, a broadcast,
 * a call. The learner judges the thing as it appeared, not a description of
 * it. Everything comes from the pack's text as plain text (never markup);
 * nothing is loaded from the network, and an image only from the pack's
 * folder (the loader keeps its path there). For a screen reader the card is
 * one object: named by what it is, described by its words, both built by
 * the core from the same fields (lateral_artefact_get_accessible_text()).
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-artefact-card.h"
#include "lateral-pack-picture.h"
#include "lateral-format.h"

struct _LateralArtefactCard
{
  GtkWidget              parent_instance;

  GtkWidget             *card_box;
  GtkLabel              *kind_label;
  GtkBox                *content_box;
  GtkLabel              *source_label;

  const LateralArtefact *artefact;   /* owned by the pack */
};

G_DEFINE_FINAL_TYPE (LateralArtefactCard, lateral_artefact_card, GTK_TYPE_WIDGET)

static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *style,
           ...) G_GNUC_NULL_TERMINATED;

/* A wrapping plain-text label with the given style classes. */
static GtkWidget *
add_label (GtkBox     *box,
           const char *text,
           const char *style,
           ...)
{
  GtkWidget *label = gtk_label_new (NULL);
  va_list args;

  gtk_label_set_text (GTK_LABEL (label), text != NULL ? text : "");
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);

  va_start (args, style);
  for (const char *name = style; name != NULL; name = va_arg (args, const char *))
    gtk_widget_add_css_class (label, name);
  va_end (args);

  gtk_box_append (box, label);

  return label;
}

static void
add_paragraphs (GtkBox     *box,
                char      **paragraphs,
                const char *style)
{
  for (guint i = 0; paragraphs != NULL && paragraphs[i] != NULL; i++)
    add_label (box, paragraphs[i], style, NULL);
}

/* "14 September 2015", or with its time when the pack gives one. */
static char *
format_when (const char *when)
{
  g_autofree char *date = lateral_format_date (when);
  const char *t = when != NULL ? strchr (when, 'T') : NULL;

  if (t != NULL && strlen (t) >= 6)
    {
      g_autofree char *time = g_strndup (t + 1, 5);
      /* TRANSLATORS: a date and a time of day, e.g. "14 September 2015, 09:30" */
      return g_strdup_printf (_("%s, %s"), date, time);
    }

  return g_steal_pointer (&date);
}

/* The plural form is chosen by the count, capped for ngettext's ulong. */
static gulong
count_n (gint64 count)
{
  return (gulong) CLAMP (count, 0, G_MAXINT32);
}

/* The count in the learner's digits, after a "·" when not the first. */
static char *
count_text (GString *counts,
            gint64   count)
{
  if (counts->len > 0)
    g_string_append (counts, " · ");

  return g_strdup_printf ("%'" G_GINT64_FORMAT, count);
}

static void
build_post (LateralArtefactCard   *self,
            const LateralArtefact *a)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  GtkWidget *names = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  /* Initials on a neutral circle: no profile picture, nothing fetched. */
  GtkWidget *avatar = adw_avatar_new (40, a->display_name, TRUE);
  g_autofree char *when = format_when (a->time);
  g_autofree char *byline = NULL;

  /* TRANSLATORS: a post's handle and time, e.g. "@eltonjohn · 14 September 2015" */
  byline = g_strdup_printf (_("%s · %s"), a->handle, when);
  gtk_widget_set_valign (names, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (header), avatar);
  gtk_box_append (GTK_BOX (header), names);
  add_label (GTK_BOX (names), a->display_name, "heading", NULL);
  add_label (GTK_BOX (names), byline, "dim-label", "caption", NULL);
  gtk_box_append (self->content_box, header);

  add_paragraphs (self->content_box, a->text, "lateral-artefact-text");

  if (a->image != NULL)
    {
      /* Decoded in a thread, within the image limits. */
      gtk_box_append (self->content_box, lateral_pack_picture_new (a->image, 160));
    }
  else if (a->image_description != NULL)
    {
      g_autofree char *photo = NULL;

      /* TRANSLATORS: a photo that is not shipped, described in words */
      photo = g_strdup_printf (_("Photo: %s"), a->image_description);
      add_label (self->content_box, photo, "lateral-artefact-photo", NULL);
    }

  if (a->has_counts)
    {
      g_autoptr(GString) counts = g_string_new (NULL);

      if (a->likes >= 0)
        {
          g_autofree char *n = count_text (counts, a->likes);
          g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%s like", "%s likes", count_n (a->likes)), n);
        }
      if (a->shares >= 0)
        {
          g_autofree char *n = count_text (counts, a->shares);
          g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%s share", "%s shares", count_n (a->shares)), n);
        }
      if (a->comments >= 0)
        {
          g_autofree char *n = count_text (counts, a->comments);
          g_string_append_printf (counts, g_dngettext (GETTEXT_PACKAGE, "%s comment", "%s comments", count_n (a->comments)), n);
        }
      add_label (self->content_box, counts->str, "dim-label", "caption", NULL);
    }
}

static void
build_article (LateralArtefactCard   *self,
               const LateralArtefact *a)
{
  g_autofree char *when = format_when (a->date);

  add_label (self->content_box, a->publication, "lateral-artefact-publication", NULL);
  add_label (self->content_box, a->headline, "title-3", "lateral-artefact-headline", NULL);
  if (a->byline != NULL)
    {
      g_autofree char *byline = g_strdup_printf (_("%s · %s"), a->byline, when);
      add_label (self->content_box, byline, "dim-label", "caption", NULL);
    }
  else
    {
      add_label (self->content_box, when, "dim-label", "caption", NULL);
    }
  /* The first lines of the body, under the headline: a claim about the
   * headline against the body is judged with both in view. */
  add_paragraphs (self->content_box, a->lede, "lateral-artefact-text");
}

static void
build_statement (LateralArtefactCard   *self,
                 const LateralArtefact *a)
{
  g_autofree char *when = format_when (a->date);
  g_autofree char *where = NULL;
  GtkWidget *quote = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  add_label (self->content_box, a->speaker, "heading", NULL);
  /* TRANSLATORS: a statement's speaker role, channel and date, e.g. "Press secretary · Press call · 15 September 2015" */
  where = g_strdup_printf (_("%s · %s · %s"), a->role, a->channel, when);
  add_label (self->content_box, where, "dim-label", "caption", NULL);
  gtk_widget_add_css_class (quote, "lateral-artefact-quote");
  add_paragraphs (GTK_BOX (quote), a->quote, "lateral-artefact-text");
  gtk_box_append (self->content_box, quote);
}

static void
build_broadcast (LateralArtefactCard   *self,
                 const LateralArtefact *a)
{
  g_autofree char *when = format_when (a->date);
  g_autofree char *title = NULL;

  /* TRANSLATORS: a programme and its channel, e.g. "Today · BBC Radio 4" */
  title = g_strdup_printf (_("%s · %s"), a->programme, a->channel);
  add_label (self->content_box, title, "heading", NULL);
  add_label (self->content_box, when, "dim-label", "caption", NULL);
  /* The caption as the words on screen: a band across the picture. */
  add_label (self->content_box, a->caption, "lateral-artefact-caption", NULL);
}

static void
build_call (LateralArtefactCard   *self,
            const LateralArtefact *a)
{
  GtkWidget *grid = gtk_grid_new ();
  guint row = 0;

  add_label (self->content_box, a->title, "heading", NULL);
  gtk_grid_set_row_spacing (GTK_GRID (grid), 6);
  gtk_grid_set_column_spacing (GTK_GRID (grid), 12);
  for (guint i = 0; a->lines != NULL && i < a->lines->len; i++)
    {
      const LateralCallLine *line = g_ptr_array_index (a->lines, i);
      g_autofree char *who = line->time != NULL ? g_strdup_printf (_("%s · %s"), line->who, line->time)
                                                : g_strdup (line->who);
      GtkWidget *who_label = gtk_label_new (who);
      GtkWidget *text_label = gtk_label_new (line->text);

      gtk_label_set_xalign (GTK_LABEL (who_label), 0.0);
      gtk_label_set_yalign (GTK_LABEL (who_label), 0.0);
      gtk_widget_add_css_class (who_label, "heading");
      gtk_label_set_wrap (GTK_LABEL (who_label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (who_label), 14);
      gtk_label_set_xalign (GTK_LABEL (text_label), 0.0);
      gtk_label_set_wrap (GTK_LABEL (text_label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (text_label), PANGO_WRAP_WORD_CHAR);
      gtk_widget_set_hexpand (text_label, TRUE);
      gtk_grid_attach (GTK_GRID (grid), who_label, 0, row, 1, 1);
      gtk_grid_attach (GTK_GRID (grid), text_label, 1, row, 1, 1);
      row++;
    }
  gtk_box_append (self->content_box, grid);
}

static const char *
kind_name (LateralArtefactKind kind)
{
  switch (kind)
    {
    case LATERAL_ARTEFACT_POST:
      return _("Post");
    case LATERAL_ARTEFACT_ARTICLE:
      return _("Article");
    case LATERAL_ARTEFACT_STATEMENT:
      return _("Statement");
    case LATERAL_ARTEFACT_BROADCAST:
      return _("Broadcast");
    case LATERAL_ARTEFACT_CALL:
      return _("Call");
    default:
      g_return_val_if_reached ("");
    }
}

GtkWidget *
lateral_artefact_card_new (const LateralArtefact *artefact)
{
  LateralArtefactCard *self;
  g_autofree char *text = NULL;
  g_autofree char *source = NULL;
  char *newline;

  g_return_val_if_fail (artefact != NULL, NULL);

  self = g_object_new (LATERAL_TYPE_ARTEFACT_CARD, NULL);
  self->artefact = artefact;
  gtk_widget_add_css_class (self->card_box, lateral_artefact_kind_to_string (artefact->kind));
  gtk_label_set_text (self->kind_label, kind_name (artefact->kind));

  switch (artefact->kind)
    {
    case LATERAL_ARTEFACT_POST:
      build_post (self, artefact);
      break;
    case LATERAL_ARTEFACT_ARTICLE:
      build_article (self, artefact);
      break;
    case LATERAL_ARTEFACT_STATEMENT:
      build_statement (self, artefact);
      break;
    case LATERAL_ARTEFACT_BROADCAST:
      build_broadcast (self, artefact);
      break;
    case LATERAL_ARTEFACT_CALL:
      build_call (self, artefact);
      break;
    default:
      g_return_val_if_reached (GTK_WIDGET (self));
    }

  if (artefact->source != NULL)
    {
      g_autofree char *date = lateral_format_date (artefact->source->date);
      /* TRANSLATORS: where an artefact's words come from, e.g. "As reported by ABC News, 15 September 2015" */
      source = g_strdup_printf (_("As reported by %s, %s"), artefact->source->publisher, date);
      gtk_label_set_text (self->source_label, source);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->source_label), source != NULL);

  /* One object: the first line names it, the rest describes it. The
   * labels inside would say it all again, so they are hidden. */
  text = lateral_artefact_get_accessible_text (artefact);
  newline = strchr (text, '\n');
  if (newline != NULL)
    *newline = '\0';
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, text,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, newline != NULL ? newline + 1 : "",
                                  -1);
  gtk_accessible_update_state (GTK_ACCESSIBLE (self->card_box), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);

  return GTK_WIDGET (self);
}

/* Returns: (transfer none): the artefact drawn */
const LateralArtefact *
lateral_artefact_card_get_artefact (LateralArtefactCard *self)
{
  g_return_val_if_fail (LATERAL_IS_ARTEFACT_CARD (self), NULL);

  return self->artefact;
}

static void
lateral_artefact_card_dispose (GObject *object)
{
  LateralArtefactCard *self = LATERAL_ARTEFACT_CARD (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), LATERAL_TYPE_ARTEFACT_CARD);
  self->artefact = NULL;

  G_OBJECT_CLASS (lateral_artefact_card_parent_class)->dispose (object);
}

static void
lateral_artefact_card_class_init (LateralArtefactCardClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_artefact_card_dispose;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "artefactcard");
  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-artefact-card.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralArtefactCard, card_box);
  gtk_widget_class_bind_template_child (widget_class, LateralArtefactCard, kind_label);
  gtk_widget_class_bind_template_child (widget_class, LateralArtefactCard, content_box);
  gtk_widget_class_bind_template_child (widget_class, LateralArtefactCard, source_label);
}

static void
lateral_artefact_card_init (LateralArtefactCard *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
