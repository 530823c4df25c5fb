/* lateral-home-page.c: who is playing, what to continue, the cases on this
 * computer
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Who is playing, what they can continue, and the cases on this computer.
 * Starting a case goes through the window's "win.start-case" action.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "widgets/lateral-format.h"
#include "lateral-home-page.h"

struct _LateralHomePage
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *who_group;
  gboolean             has_error;   /* the who_group's description is an error */
  AdwComboRow         *profile_row;
  AdwEntryRow         *new_learner_row;
  AdwEntryRow         *class_row;
  AdwPreferencesGroup *continue_group;
  AdwActionRow        *continue_row;
  GtkListBox          *cases_list;

  LateralStore        *store;
  LateralPackRegistry *registry;
  GPtrArray           *profiles;      /* of LateralProfile, as in profile_row */
  char                *class_code;
  char                *continue_pack; /* pack id of the unfinished attempt shown */
  gboolean             refreshing;
  gboolean             shared;        /* a shared computer: list nobody */
  char                *shared_name;   /* who said their name, on a shared computer */
};

G_DEFINE_FINAL_TYPE (LateralHomePage, lateral_home_page, ADW_TYPE_BIN)

static LateralProfile *
lateral_home_page_get_profile (LateralHomePage *self)
{
  guint selected = adw_combo_row_get_selected (self->profile_row);

  if (self->profiles == NULL || selected >= self->profiles->len)
    return NULL;

  return g_ptr_array_index (self->profiles, selected);
}

/* A database that cannot be read is said so where the learner looks, not
 * shown as an empty list (as if they had never played). */
static void
show_error (LateralHomePage *self,
            const GError    *error)
{
  g_autofree char *text = g_strdup_printf (_("Your results could not be read: %s"), error->message);

  adw_preferences_group_set_description (self->who_group, text);
  gtk_widget_add_css_class (GTK_WIDGET (self->who_group), "error");
  self->has_error = TRUE;
}

/**
 * lateral_home_page_get_error_message:
 *
 * Returns: (nullable): what the page says about a database it could not
 *   read, %NULL when it read everything
 */
const char *
lateral_home_page_get_error_message (LateralHomePage *self)
{
  g_return_val_if_fail (LATERAL_IS_HOME_PAGE (self), NULL);

  return self->has_error ? adw_preferences_group_get_description (self->who_group) : NULL;
}

static char *
format_case_details (LateralHomePage *self,
                     LateralPack     *pack,
                     LateralProfile  *profile)
{
  guint n_claims = lateral_pack_get_n_claims (pack);
  guint minutes = lateral_pack_get_estimated_minutes (pack);
  g_autofree char *claims = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u claim", "%u claims", n_claims), n_claims);
  g_autofree char *time = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u min", "%u min", minutes), minutes);
  g_autofree char *best = NULL;
  g_autoptr(GError) error = NULL;
  int best_mark;

  if (profile != NULL &&
      lateral_store_get_best_mark (self->store, profile->uuid, lateral_pack_get_id (pack), &best_mark, &error))
    {
      g_autofree char *mark = lateral_format_mark (best_mark);
      /* TRANSLATORS: the learner's best total mark on a case, e.g. "Best: +12" */
      best = g_strdup_printf (_("Best: %s"), mark);
    }

  if (error != NULL)
    show_error (self, error);
  if (best != NULL)
    return g_strdup_printf ("%s · %s · %s", claims, time, best);
  return g_strdup_printf ("%s · %s", claims, time);
}

/* The pack's language as a learner reads it: the two languages Lateral is
 * translated to by name, any other by its tag. */
static const char *
format_language (const char *tag)
{
  if (tag == NULL)
    return "";
  if (g_str_equal (tag, "en") || g_str_has_prefix (tag, "en-"))
    return _("English");
  if (g_str_equal (tag, "es") || g_str_has_prefix (tag, "es-"))
    return _("Spanish");
  return tag;
}

/* A strip in the pack's accent colour. The colour is pack data: only an
 * exact "#rrggbb" reaches the style sheet, anything else is ignored. */
static GtkWidget *
create_accent_strip (LateralPack *pack)
{
  const char *color = lateral_pack_get_accent_color (pack);
  GtkWidget *strip = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  g_autoptr(GtkCssProvider) provider = NULL;
  g_autofree char *css = NULL;

  gtk_widget_add_css_class (strip, "lateral-accent");
  gtk_widget_set_size_request (strip, 6, -1);
  if (color == NULL || !g_regex_match_simple ("^#[0-9a-fA-F]{6}$", color, 0, 0))
    return strip;

  css = g_strdup_printf (".lateral-accent { background-color: %s; }", color);
  provider = gtk_css_provider_new ();
  gtk_css_provider_load_from_data (provider, css, -1);
  G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_add_provider (gtk_widget_get_style_context (strip), GTK_STYLE_PROVIDER (provider),
                                  GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);
  G_GNUC_END_IGNORE_DEPRECATIONS

  return strip;
}

static GtkWidget *
add_card_label (GtkBox     *box,
                const char *text,
                const char *style,
                gboolean    heading)
{
  GtkWidget *label = g_object_new (GTK_TYPE_LABEL,
                                   "accessible-role", heading ? GTK_ACCESSIBLE_ROLE_HEADING : GTK_ACCESSIBLE_ROLE_LABEL,
                                   NULL);

  gtk_label_set_text (GTK_LABEL (label), text);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0.0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  gtk_box_append (box, label);

  return label;
}

static GtkWidget *
add_case_button (GtkBox          *box,
                 const char      *label,
                 const char      *name,
                 const char      *description,
                 const char      *action,
                 LateralPack     *pack,
                 gboolean         suggested)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_add_css_class (button, "pill");
  if (suggested)
    gtk_widget_add_css_class (button, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target (GTK_ACTIONABLE (button), "s", lateral_pack_get_id (pack));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, name,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description,
                                  -1);
  gtk_box_append (box, button);

  return button;
}

/* Each case a card: its colour, title, summary, language, length and the
 * learner's best mark; Start, or Continue and Start Over when the learner
 * has an unfinished attempt (Start Over keeps that attempt's answers). */
static GtkWidget *
create_case_row (gpointer item,
                 gpointer user_data)
{
  LateralHomePage *self = user_data;
  LateralPack *pack = item;
  LateralProfile *profile = lateral_home_page_get_profile (self);
  g_autofree char *details = format_case_details (self, pack, profile);
  g_autofree char *line = NULL;
  g_autoptr(LateralAttempt) unfinished = NULL;
  GtkWidget *row, *card, *body, *buttons;

  if (profile != NULL && self->store != NULL)
    unfinished = lateral_store_find_unfinished_attempt (self->store, profile->uuid, lateral_pack_get_id (pack), NULL);

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  /* The buttons take the focus, not the row around them. */
  gtk_widget_set_focusable (row, FALSE);
  /* The colour strip follows the row's rounded corners. */
  gtk_widget_set_overflow (row, GTK_OVERFLOW_HIDDEN);

  card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  gtk_box_append (GTK_BOX (card), create_accent_strip (pack));
  body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_add_css_class (body, "lateral-case-card");
  gtk_widget_set_hexpand (body, TRUE);
  gtk_box_append (GTK_BOX (card), body);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), card);

  /* Pack text is data, never markup. */
  add_card_label (GTK_BOX (body), lateral_pack_get_title (pack), "title-3", TRUE);
  add_card_label (GTK_BOX (body), lateral_pack_get_summary (pack), NULL, FALSE);
  /* TRANSLATORS: a case's language, then its claims, minutes and best mark */
  line = g_strdup_printf (_("%s · %s"), format_language (lateral_pack_get_language (pack)), details);
  add_card_label (GTK_BOX (body), line, "dim-label", FALSE);

  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_top (buttons, 6);
  if (unfinished != NULL)
    {
      g_autofree char *continue_name = g_strdup_printf (_("Continue “%s”"), lateral_pack_get_title (pack));
      g_autofree char *over_name = g_strdup_printf (_("Start “%s” Over"), lateral_pack_get_title (pack));

      add_case_button (GTK_BOX (buttons), _("Continue"), continue_name, line, "win.start-case", pack, TRUE);
      add_case_button (GTK_BOX (buttons), _("Start Over"), over_name,
                       _("Your unfinished answers stay in your history"), "win.start-over", pack, FALSE);
    }
  else
    {
      g_autofree char *start_name = g_strdup_printf (_("Start “%s”"), lateral_pack_get_title (pack));

      add_case_button (GTK_BOX (buttons), _("Start"), start_name, line, "win.start-case", pack, TRUE);
    }
  gtk_box_append (GTK_BOX (body), buttons);

  return row;
}

static void
lateral_home_page_update_continue (LateralHomePage *self)
{
  LateralProfile *profile = lateral_home_page_get_profile (self);
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GError) error = NULL;
  LateralAttempt *unfinished = NULL;
  LateralPack *pack = NULL;

  g_clear_pointer (&self->continue_pack, g_free);

  if (profile != NULL)
    attempts = lateral_store_list_attempts (self->store, profile->uuid, NULL, &error);
  if (error != NULL)
    show_error (self, error);

  /* The most recent unfinished attempt of a case still installed. */
  for (guint i = 0; attempts != NULL && i < attempts->len; i++)
    {
      LateralAttempt *attempt = g_ptr_array_index (attempts, i);
      LateralPack *attempt_pack;

      if (attempt->finished_at != 0)
        continue;
      attempt_pack = lateral_pack_registry_lookup (self->registry, attempt->pack_id);
      if (attempt_pack != NULL)
        {
          unfinished = attempt;
          pack = attempt_pack;
        }
    }

  if (unfinished != NULL)
    {
      guint n_claims = lateral_pack_get_n_claims (pack);
      guint next = MIN (unfinished->n_answers + 1, n_claims);
      g_autofree char *title = NULL;
      g_autofree char *subtitle = NULL;

      /* TRANSLATORS: the case title, then "claim 4 of 8" */
      title = g_strdup_printf (_("Continue “%s”"), lateral_pack_get_title (pack));
      subtitle = g_strdup_printf (_("Claim %u of %u — your earlier answers are kept"), next, n_claims);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->continue_row), title);
      adw_action_row_set_subtitle (self->continue_row, subtitle);
      gtk_actionable_set_action_target (GTK_ACTIONABLE (self->continue_row), "s", unfinished->pack_id);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->continue_row), "win.start-case");
      self->continue_pack = g_strdup (unfinished->pack_id);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->continue_group), unfinished != NULL);
}

static void
lateral_home_page_update_cases (LateralHomePage *self)
{
  /* Binding again rebuilds the rows, with this learner's best marks. */
  gtk_list_box_bind_model (self->cases_list,
                           lateral_pack_registry_get_packs (self->registry),
                           create_case_row, self, NULL);
}

static void
on_profile_selected (LateralHomePage *self)
{
  if (self->refreshing || self->store == NULL)
    return;

  lateral_home_page_update_continue (self);
  lateral_home_page_update_cases (self);
}

/* Reads the profiles and packs again, keeping the selected learner. */
void
lateral_home_page_refresh (LateralHomePage *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *selected_name = NULL;
  LateralProfile *selected;
  guint position = 0;

  g_return_if_fail (LATERAL_IS_HOME_PAGE (self));

  if (self->store == NULL)
    return;

  selected = lateral_home_page_get_profile (self);
  selected_name = g_strdup (selected != NULL ? selected->name : NULL);

  /* Most recently used first, so the last learner is preselected. */
  self->has_error = FALSE;
  gtk_widget_remove_css_class (GTK_WIDGET (self->who_group), "error");
  profiles = lateral_store_list_profiles (self->store, &error);
  if (profiles == NULL)
    profiles = g_ptr_array_new ();

  /* On a shared computer only the learner who said their name is known to
   * the page: nobody else's name is on screen (or in the combo's model). */
  if (self->shared)
    {
      for (guint i = profiles->len; i > 0; i--)
        {
          LateralProfile *profile = g_ptr_array_index (profiles, i - 1);

          if (g_strcmp0 (profile->name, self->shared_name) != 0)
            g_ptr_array_remove_index (profiles, i - 1);
        }
    }

  for (guint i = 0; i < profiles->len; i++)
    {
      LateralProfile *profile = g_ptr_array_index (profiles, i);

      gtk_string_list_append (names, profile->name);
      if (g_strcmp0 (profile->name, selected_name) == 0)
        position = i;
    }

  self->refreshing = TRUE;
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  self->profiles = g_steal_pointer (&profiles);
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->profile_row, position);
  gtk_widget_set_visible (GTK_WIDGET (self->profile_row), self->profiles->len > 0);
  if (self->shared)
    adw_preferences_group_set_description (self->who_group,
                                           self->profiles->len > 0 ? NULL
                                           : _("This computer is shared: type your name and press Return. Other learners are not listed."));
  else
    adw_preferences_group_set_description (self->who_group,
                                           self->profiles->len > 0 ? NULL
                                           : _("Type your name under “New learner” and press Return."));
  self->refreshing = FALSE;
  if (error != NULL)
    show_error (self, error);

  on_profile_selected (self);
}

void
lateral_home_page_select_profile (LateralHomePage *self,
                                  const char      *profile_name)
{
  g_return_if_fail (LATERAL_IS_HOME_PAGE (self));
  g_return_if_fail (profile_name != NULL);

  /* On a shared computer the learner named is the only one the page knows. */
  if (self->shared && g_strcmp0 (self->shared_name, profile_name) != 0)
    {
      g_free (self->shared_name);
      self->shared_name = g_strdup (profile_name);
      lateral_home_page_refresh (self);
    }

  for (guint i = 0; self->profiles != NULL && i < self->profiles->len; i++)
    {
      LateralProfile *profile = g_ptr_array_index (self->profiles, i);

      if (g_strcmp0 (profile->name, profile_name) == 0)
        {
          adw_combo_row_set_selected (self->profile_row, i);
          return;
        }
    }

  /* Not listed yet: a profile made since the last refresh. */
  lateral_home_page_refresh (self);
  for (guint i = 0; self->profiles != NULL && i < self->profiles->len; i++)
    {
      LateralProfile *profile = g_ptr_array_index (self->profiles, i);

      if (g_strcmp0 (profile->name, profile_name) == 0)
        adw_combo_row_set_selected (self->profile_row, i);
    }
}

static void
on_new_learner_apply (LateralHomePage *self)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->new_learner_row))));
  g_autoptr(LateralProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  if (name[0] == '\0' || self->store == NULL)
    return;

  profile = lateral_store_ensure_profile (self->store, name, &error);
  if (profile == NULL)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->new_learner_row), "error");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_learner_row), error->message);
      return;
    }

  gtk_widget_remove_css_class (GTK_WIDGET (self->new_learner_row), "error");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->new_learner_row), NULL);
  gtk_editable_set_text (GTK_EDITABLE (self->new_learner_row), "");
  lateral_home_page_select_profile (self, profile->name);
}

/**
 * lateral_home_page_set_shared:
 * @shared: whether many learners share this computer
 *
 * On a shared computer the page lists no learner: it asks for a name, and
 * shows only the learner who gave it (until the page is told another).
 */
void
lateral_home_page_set_shared (LateralHomePage *self,
                              gboolean         shared)
{
  g_return_if_fail (LATERAL_IS_HOME_PAGE (self));

  shared = !!shared;
  if (self->shared == shared)
    return;

  self->shared = shared;
  g_clear_pointer (&self->shared_name, g_free);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->new_learner_row),
                                 shared ? _("Your name") : _("New learner"));
  lateral_home_page_refresh (self);
}

void
lateral_home_page_focus_new_learner (LateralHomePage *self)
{
  g_return_if_fail (LATERAL_IS_HOME_PAGE (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->new_learner_row));
}

/* Returns: (nullable): the selected learner's name */
const char *
lateral_home_page_get_profile_name (LateralHomePage *self)
{
  LateralProfile *profile;

  g_return_val_if_fail (LATERAL_IS_HOME_PAGE (self), NULL);

  profile = lateral_home_page_get_profile (self);
  return profile != NULL ? profile->name : NULL;
}

/* Returns: (nullable): the class code typed, without surrounding blanks */
const char *
lateral_home_page_get_class_code (LateralHomePage *self)
{
  g_return_val_if_fail (LATERAL_IS_HOME_PAGE (self), NULL);

  g_free (self->class_code);
  self->class_code = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->class_row))));
  if (self->class_code[0] == '\0')
    g_clear_pointer (&self->class_code, g_free);

  return self->class_code;
}

/* Returns: (nullable): the pack id the Continue row offers, if it is shown */
const char *
lateral_home_page_get_continue_pack (LateralHomePage *self)
{
  g_return_val_if_fail (LATERAL_IS_HOME_PAGE (self), NULL);

  return self->continue_pack;
}

void
lateral_home_page_set_data (LateralHomePage     *self,
                            LateralStore        *store,
                            LateralPackRegistry *registry)
{
  g_return_if_fail (LATERAL_IS_HOME_PAGE (self));
  g_return_if_fail (LATERAL_IS_STORE (store));
  g_return_if_fail (LATERAL_IS_PACK_REGISTRY (registry));

  g_set_object (&self->store, store);
  g_set_object (&self->registry, registry);
  lateral_home_page_refresh (self);
}

static void
lateral_home_page_dispose (GObject *object)
{
  LateralHomePage *self = LATERAL_HOME_PAGE (object);

  g_clear_object (&self->store);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->profiles, g_ptr_array_unref);
  g_clear_pointer (&self->class_code, g_free);
  g_clear_pointer (&self->continue_pack, g_free);

  g_clear_pointer (&self->shared_name, g_free);

  G_OBJECT_CLASS (lateral_home_page_parent_class)->dispose (object);
}

static void
lateral_home_page_class_init (LateralHomePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_home_page_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-home-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralHomePage, who_group);
  gtk_widget_class_bind_template_child (widget_class, LateralHomePage, profile_row);
  gtk_widget_class_bind_template_child (widget_class, LateralHomePage, new_learner_row);
  gtk_widget_class_bind_template_child (widget_class, LateralHomePage, class_row);
  gtk_widget_class_bind_template_child (widget_class, LateralHomePage, continue_group);
  gtk_widget_class_bind_template_child (widget_class, LateralHomePage, continue_row);
  gtk_widget_class_bind_template_child (widget_class, LateralHomePage, cases_list);
  gtk_widget_class_bind_template_callback (widget_class, on_profile_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_new_learner_apply);
}

static void
lateral_home_page_init (LateralHomePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
