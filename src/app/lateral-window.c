/* lateral-window.c: the main window, its pages and the data it owns
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the learner's data for as long as it is open: the store
 * (the SQLite results database) and the registry of packs. Its pages only
 * show them, and ask for changes through the window's actions, which are
 * in lateral-window-actions.c with the drop target.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pack/lateral-pack-registry.h"
#include "play/lateral-play.h"
#include "widgets/lateral-messages.h"
#include "lateral-window-private.h"

G_DEFINE_FINAL_TYPE (LateralWindow, lateral_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
lateral_window_get_settings (LateralWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!LATERAL_IS_APPLICATION (app))
    return NULL;

  return lateral_application_get_settings (LATERAL_APPLICATION (app));
}

static void
lateral_window_restore_state (LateralWindow *self)
{
  GSettings *settings = lateral_window_get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
lateral_window_close_request (GtkWindow *window)
{
  LateralWindow *self = LATERAL_WINDOW (window);
  GSettings *settings = lateral_window_get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      /* The default size tracks the unmaximized size, which is the one
       * worth restoring. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (lateral_window_parent_class)->close_request (window);
}

void
lateral_window_set_page (LateralWindow *self,
                         const char    *name)
{
  GtkWidget *page;

  if (g_strcmp0 (name, "home") == 0)
    lateral_home_page_refresh (self->home_page);

  gtk_stack_set_visible_child_name (self->main_stack, name);

  /* The focus goes to the page's first control, or it would stay on a
   * widget of the page just hidden and nothing would have it. The case
   * view and the summary put it on their own first control. */
  page = gtk_stack_get_visible_child (self->main_stack);
  if (g_strcmp0 (name, "case") != 0 && g_strcmp0 (name, "summary") != 0)
    {
      gtk_window_set_focus (GTK_WINDOW (self), NULL);
      gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
    }
}

/* The back button and the subtitle follow the visible page. */
void
lateral_window_update_header (LateralWindow *self)
{
  const char *name = gtk_stack_get_visible_child_name (self->main_stack);
  gboolean at_home = g_strcmp0 (name, "home") == 0 || g_strcmp0 (name, "error") == 0;
  const char *subtitle = "";
  LateralPlay *play = NULL;

  gtk_widget_set_visible (self->back_button, !at_home);

  if (g_strcmp0 (name, "case") == 0)
    play = lateral_case_view_get_play (self->case_view);
  else if (g_strcmp0 (name, "summary") == 0)
    play = lateral_summary_page_get_play (self->summary_page);
  else if (g_strcmp0 (name, "history") == 0)
    subtitle = _("Your History");
  else if (g_strcmp0 (name, "packs") == 0)
    subtitle = _("Manage Cases");

  if (play != NULL)
    subtitle = lateral_pack_get_title (lateral_play_get_pack (play));

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

static void
lateral_window_load_data (LateralWindow *self)
{
  g_autoptr(GError) error = NULL;
  const char *recovery;

  self->registry = lateral_pack_registry_new ();
  if (!lateral_pack_registry_load (self->registry, &error))
    {
      g_autofree char *text = g_strdup_printf (_("No case could be loaded: %s"), error->message);
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
      g_clear_error (&error);
    }
  else if (lateral_pack_registry_get_problems (self->registry)->len > 0)
    {
      /* The packs that did load are still playable; the details are for
       * whoever installed the broken one. */
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), _("Some cases could not be loaded: “lateral-cli packs” tells why"));
    }

  self->store = lateral_store_open (NULL, &error);
  if (self->store == NULL)
    {
      g_autofree char *text = NULL;

      /* The store's own sentence says where the file is, that it was left
       * untouched and what to do. */
      if (g_error_matches (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NEWER_VERSION))
        text = g_strdup (error->message);
      else
        text = g_strdup_printf (_("Could not open your results database: %s"), error->message);

      adw_status_page_set_description (self->error_page, text);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      return;
    }

  lateral_home_page_set_data (self->home_page, self->store, self->registry);
  lateral_history_page_set_data (self->history_page, self->store, self->registry);
  lateral_packs_page_set_registry (self->packs_page, self->registry);

  /* Nobody has played here yet: typing a name is the first thing to do. */
  if (lateral_home_page_get_profile_name (self->home_page) == NULL)
    lateral_home_page_focus_new_learner (self->home_page);

  recovery = lateral_store_get_recovery_message (self->store);
  if (recovery != NULL)
    lateral_messages_show (GTK_WIDGET (self), _("Your Results Database Was Damaged"), recovery);
}

/**
 * lateral_window_open_case:
 * @pack_id: the id of a pack in the registry
 * @profile_name: (nullable): who plays; %NULL for the one chosen on the home page
 * @class_code: (nullable): the class; %NULL for the one typed on the home page
 *
 * Opens the case for the learner, resuming their unfinished attempt if they
 * have one. On failure the learner is told why and the home page stays.
 *
 * Returns: whether the case is open
 */
gboolean
lateral_window_open_case (LateralWindow *self,
                          const char    *pack_id,
                          const char    *profile_name,
                          const char    *class_code)
{
  return lateral_window_open_case_full (self, pack_id, profile_name, class_code, FALSE);
}

/* With @start_over, always a new attempt: Start Over leaves an unfinished
 * attempt as it is, every answer kept. */
gboolean
lateral_window_open_case_full (LateralWindow *self,
                               const char    *pack_id,
                               const char    *profile_name,
                               const char    *class_code,
                               gboolean       start_over)
{
  g_autoptr(LateralProfile) profile = NULL;
  g_autoptr(LateralPlay) play = NULL;
  g_autoptr(GError) error = NULL;
  LateralPack *pack;

  g_return_val_if_fail (LATERAL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);

  if (self->store == NULL)
    return FALSE;

  pack = lateral_pack_registry_lookup (self->registry, pack_id);
  if (pack == NULL)
    {
      g_autofree char *body = g_strdup_printf (_("There is no case with the id “%s” on this computer. Choose one of the cases below."), pack_id);
      lateral_window_set_page (self, "home");
      lateral_messages_show (GTK_WIDGET (self), _("Case Not Found"), body);
      return FALSE;
    }

  if (profile_name == NULL)
    profile_name = lateral_home_page_get_profile_name (self->home_page);
  if (profile_name == NULL)
    {
      lateral_window_set_page (self, "home");
      lateral_home_page_focus_new_learner (self->home_page);
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), _("Type your name under “New learner” first"));
      return FALSE;
    }
  if (class_code == NULL)
    class_code = lateral_home_page_get_class_code (self->home_page);

  profile = lateral_store_ensure_profile (self->store, profile_name, &error);
  if (profile != NULL)
    play = start_over ? lateral_play_new_start_over (self->store, pack, profile->name, class_code, &error)
                      : lateral_play_new (self->store, pack, profile->name, class_code, &error);
  if (play == NULL)
    {
      g_autofree char *body = g_strdup_printf (_("Could not start “%s”: %s"), lateral_pack_get_title (pack), error->message);
      lateral_messages_show (GTK_WIDGET (self), _("The Case Could Not Start"), body);
      return FALSE;
    }

  lateral_home_page_select_profile (self->home_page, profile->name);
  /* The page first: the step takes the focus, which only a visible widget can. */
  lateral_window_set_page (self, "case");
  lateral_case_view_set_play (self->case_view, play);
  lateral_window_update_header (self);
  if (lateral_play_is_resumed (play))
    lateral_messages_toast (GTK_WIDGET (self->toast_overlay), _("Welcome back: your earlier answers are kept"));

  return TRUE;
}

/* Makes @profile_name the learner on the home page, creating the profile on
 * first use (for `lateral --profile NAME` without --pack). */
void
lateral_window_select_profile (LateralWindow *self,
                               const char    *profile_name)
{
  g_autoptr(LateralProfile) profile = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (LATERAL_IS_WINDOW (self));
  g_return_if_fail (profile_name != NULL);

  if (self->store == NULL)
    return;

  profile = lateral_store_ensure_profile (self->store, profile_name, &error);
  if (profile == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not add “%s”: %s"), profile_name, error->message);
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
      return;
    }

  lateral_home_page_refresh (self->home_page);
  lateral_home_page_select_profile (self->home_page, profile->name);
}

/* Returns: (transfer none) (nullable): the Class Results window, when open */
GtkWindow *
lateral_window_get_class_results (LateralWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_WINDOW (self), NULL);

  return self->class_results;
}

/* Returns: (transfer none): the packs this window offers */
LateralPackRegistry *
lateral_window_get_registry (LateralWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_WINDOW (self), NULL);

  return self->registry;
}

const char *
lateral_window_get_page_name (LateralWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_WINDOW (self), NULL);

  return gtk_stack_get_visible_child_name (self->main_stack);
}

/* Returns: (transfer none) (nullable): the store, NULL when it could not be opened */
LateralStore *
lateral_window_get_store (LateralWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_WINDOW (self), NULL);

  return self->store;
}

/* Returns: (transfer none) (nullable): the page called @name in the stack */
GtkWidget *
lateral_window_get_page (LateralWindow *self,
                         const char    *name)
{
  g_return_val_if_fail (LATERAL_IS_WINDOW (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return gtk_stack_get_child_by_name (self->main_stack, name);
}

LateralWindow *
lateral_window_new (LateralApplication *application)
{
  LateralWindow *self;

  g_return_val_if_fail (LATERAL_IS_APPLICATION (application), NULL);

  self = g_object_new (LATERAL_TYPE_WINDOW,
                       "application", application,
                       NULL);
  /* Not in constructed(): "application" is not a construct property, so the
   * window only knows its application (and its settings) from here on. */
  lateral_window_restore_state (self);

  return self;
}

static void
lateral_window_finalize (GObject *object)
{
  LateralWindow *self = LATERAL_WINDOW (object);

  if (self->class_results != NULL)
    g_object_remove_weak_pointer (G_OBJECT (self->class_results), (gpointer *) &self->class_results);

  /* After the pages are gone: they borrow these. */
  g_clear_object (&self->store);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (lateral_window_parent_class)->finalize (object);
}

static void
lateral_window_class_init (LateralWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->finalize = lateral_window_finalize;
  window_class->close_request = lateral_window_close_request;

  g_type_ensure (LATERAL_TYPE_HOME_PAGE);
  g_type_ensure (LATERAL_TYPE_CASE_VIEW);
  g_type_ensure (LATERAL_TYPE_SUMMARY_PAGE);
  g_type_ensure (LATERAL_TYPE_HISTORY_PAGE);
  g_type_ensure (LATERAL_TYPE_PACKS_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, back_button);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, home_page);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, summary_page);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, history_page);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, packs_page);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, error_page);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_visible_page_changed",
                                                G_CALLBACK (lateral_window_update_header));

  lateral_window_actions_install (widget_class);
}

static void
lateral_window_init (LateralWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  lateral_window_actions_add_drop_target (self);

  lateral_window_load_data (self);
  lateral_window_update_header (self);
}
