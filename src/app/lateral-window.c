/* lateral-window.c: the main window, its pages and the data it owns
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window owns the learner's data for as long as it is open: the store
 * (the SQLite results database) and the registry of packs. Its pages only
 * show them, and ask for changes through the window's actions, which are
 * in lateral-window-actions.c with the drop target.
 *
 * Both are loaded in a worker thread (opening the store may migrate it,
 * check its integrity and make the day's backup; the registry reads every
 * pack file), so the first frame shows the home page's layout at once and
 * its data fills in when the worker is done. Until then the actions that
 * need the data are disabled, and requests from the command line wait.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pack/lateral-pack-registry.h"
#include "play/lateral-play.h"
#include "widgets/lateral-messages.h"
#include "widgets/lateral-lrs-bar.h"
#include "lateral-window-private.h"

enum {
  SIGNAL_LOADED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* The actions that need the store or the registry. */
static const char * const data_actions[] = {
  "win.start-case", "win.start-over", "win.show-history", "win.export-results", "win.class-results", "win.manage-cases",
};

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

static void
on_shared_computer_changed (LateralWindow *self,
                            const char    *key,
                            GSettings     *settings)
{
  lateral_home_page_set_shared (self->home_page, g_settings_get_boolean (settings, "shared-computer"));
  if (self->store != NULL && lateral_home_page_get_profile_name (self->home_page) == NULL)
    lateral_home_page_focus_new_learner (self->home_page);
}

/* A shared computer (the setting, or a school's default for it) asks for
 * the learner's name instead of listing every learner. */
static void
lateral_window_follow_shared_computer (LateralWindow *self)
{
  GSettings *settings = lateral_window_get_settings (self);

  if (settings == NULL)
    return;

  g_signal_connect_object (settings, "changed::shared-computer",
                           G_CALLBACK (on_shared_computer_changed), self, G_CONNECT_SWAPPED);
  on_shared_computer_changed (self, "shared-computer", settings);
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
  /* The quick check is offered on the case it is for, or its summary. */
  if (g_strcmp0 (name, "case") != 0 && g_strcmp0 (name, "summary") != 0)
    lateral_check_offer_withdraw (self->check_offer);

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
  if (!self->loaded)
    /* The progress of the loading, where the window's title is read. */
    subtitle = _("Loading your results…");

  adw_window_title_set_subtitle (self->window_title, subtitle);
}

typedef struct {
  LateralPackRegistry *registry;
  GError              *registry_error;
  LateralStore        *store;
  GError              *store_error;
} LoadResult;

static void
load_result_free (LoadResult *result)
{
  g_clear_object (&result->registry);
  g_clear_error (&result->registry_error);
  g_clear_object (&result->store);
  g_clear_error (&result->store_error);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LoadResult, load_result_free)

/* In a worker thread: nothing here touches a widget. The store is opened
 * in this thread and then used only on the main loop. */
static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LoadResult *result = g_new0 (LoadResult, 1);

  result->registry = lateral_pack_registry_new ();
  lateral_pack_registry_load (result->registry, &result->registry_error);
  if (!g_cancellable_is_cancelled (cancellable))
    result->store = lateral_store_open (NULL, &result->store_error);

  g_task_return_pointer (task, result, (GDestroyNotify) load_result_free);
}

static void
set_data_actions_enabled (LateralWindow *self,
                          gboolean       enabled)
{
  for (guint i = 0; i < G_N_ELEMENTS (data_actions); i++)
    gtk_widget_action_set_enabled (GTK_WIDGET (self), data_actions[i], enabled);
}

static void
run_pending (LateralWindow *self)
{
  g_autofree char *profile = g_steal_pointer (&self->pending_profile);
  g_autofree char *pack = g_steal_pointer (&self->pending_pack);
  g_autofree char *class_code = g_steal_pointer (&self->pending_class);

  if (profile != NULL)
    lateral_window_select_profile (self, profile);
  if (pack != NULL)
    lateral_window_open_case (self, pack, profile, class_code);
}

static void store_opened (LateralWindow *self,
                          LateralStore  *store,
                          const GError  *store_error);

/* On the main loop, once the worker is done. */
static void
on_loaded (GObject      *source,
           GAsyncResult *async_result,
           gpointer      user_data)
{
  /* Not the task's source object, so that closing the window disposes it
   * (and cancels the loading) at once; a cancelled task touches nothing. */
  LateralWindow *self = user_data;
  g_autoptr(LoadResult) result = NULL;
  g_autoptr(GError) error = NULL;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  if (result == NULL)
    return;

  self->registry = g_steal_pointer (&result->registry);
  if (result->registry_error != NULL)
    {
      g_autofree char *text = g_strdup_printf (_("No case could be loaded: %s"), result->registry_error->message);
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
    }
  else if (lateral_pack_registry_get_problems (self->registry)->len > 0)
    {
      /* The packs that did load are still playable; the details are for
       * whoever installed the broken one. */
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), _("Some cases could not be loaded: “lateral-cli packs” tells why"));
    }

  store_opened (self, g_steal_pointer (&result->store), result->store_error);
}

#define OPEN_RETRY_SECONDS 2
#define OPEN_MAX_TRIES     60

static void
open_store_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  GError *error = NULL;
  LateralStore *store = lateral_store_open (NULL, &error);

  if (store != NULL)
    g_task_return_pointer (task, store, g_object_unref);
  else
    g_task_return_error (task, error);
}

static void
on_store_retried (GObject      *source,
                  GAsyncResult *async_result,
                  gpointer      user_data)
{
  LateralWindow *self = user_data;
  g_autoptr(GError) error = NULL;
  LateralStore *store = g_task_propagate_pointer (G_TASK (async_result), &error);

  /* Cancelled: the window is gone. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  store_opened (self, store, error);
}

static gboolean
retry_open (gpointer data)
{
  LateralWindow *self = data;
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_store_retried, self);

  self->open_retry_id = 0;
  g_task_set_source_tag (task, retry_open);
  g_task_run_in_thread (task, open_store_thread);
  return G_SOURCE_REMOVE;
}

/* The database opened (@store, transfer full), or not (@store_error). A
 * database another program holds (a long import, a restore) is tried again
 * every 2 s, in a worker, for 2 minutes, rather than leaving a permanent
 * error page; until then the window is not loaded, and a case asked for on
 * the command line waits. */
static void
store_opened (LateralWindow *self,
              LateralStore  *store,
              const GError  *store_error)
{
  const char *recovery;

  self->store = store;
  if (self->store == NULL && g_error_matches (store_error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_BUSY) &&
      self->open_tries + 1 < OPEN_MAX_TRIES)
    {
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      self->open_tries++;
      text = g_strdup_printf (_("Another program is using your results database; trying again in a moment. (%s)"),
                              store_error->message);
      /* AdwStatusPage reads its description as Pango markup: a path with “&”
       * or “<” would blank the page, so the text is escaped to show as is. */
      escaped = g_markup_escape_text (text, -1);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      self->open_retry_id = g_timeout_add_seconds (OPEN_RETRY_SECONDS, retry_open, self);
      return;
    }

  self->loaded = TRUE;
  if (self->store == NULL)
    {
      g_autofree char *text = NULL;
      g_autofree char *escaped = NULL;

      /* The store's own sentence says where the file is, that it was left
       * untouched and what to do. */
      if (g_error_matches (store_error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NEWER_VERSION))
        text = g_strdup (store_error->message);
      else
        text = g_strdup_printf (_("Could not open your results database: %s"), store_error->message);

      escaped = g_markup_escape_text (text, -1);
      adw_status_page_set_description (self->error_page, escaped);
      gtk_stack_set_visible_child_name (self->main_stack, "error");
      lateral_window_update_header (self);
      g_signal_emit (self, signals[SIGNAL_LOADED], 0);
      return;
    }

  gtk_stack_set_visible_child_name (self->main_stack, "home");
  set_data_actions_enabled (self, TRUE);
  lateral_home_page_set_data (self->home_page, self->store, self->registry);
  lateral_history_page_set_data (self->history_page, self->store, self->registry);
  lateral_packs_page_set_registry (self->packs_page, self->registry);
  lateral_window_update_header (self);
  lateral_lrs_bar_start (self->lrs_bar, lateral_store_get_filename (self->store));

  /* Nobody has played here yet: typing a name is the first thing to do. */
  if (lateral_home_page_get_profile_name (self->home_page) == NULL && self->pending_pack == NULL)
    lateral_home_page_focus_new_learner (self->home_page);

  recovery = lateral_store_get_recovery_message (self->store);
  if (recovery != NULL)
    lateral_messages_show (GTK_WIDGET (self), _("Your Results Database Was Damaged"), recovery);

  run_pending (self);
  g_signal_emit (self, signals[SIGNAL_LOADED], 0);
}

static void
lateral_window_load_data (LateralWindow *self)
{
  g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_loaded, self);

  set_data_actions_enabled (self, FALSE);
  g_task_set_source_tag (task, lateral_window_load_data);
  g_task_run_in_thread (task, load_thread);
}

/**
 * lateral_window_is_loaded:
 *
 * Returns: whether the store and the packs have been loaded (or the store
 *   failed to open, and the window says why); #LateralWindow::loaded is
 *   emitted when this turns %TRUE
 */
gboolean
lateral_window_is_loaded (LateralWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_WINDOW (self), FALSE);

  return self->loaded;
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

  if (!self->loaded)
    {
      g_free (self->pending_pack);
      g_free (self->pending_class);
      self->pending_pack = g_strdup (pack_id);
      self->pending_class = g_strdup (class_code);
      if (profile_name != NULL)
        {
          g_free (self->pending_profile);
          self->pending_profile = g_strdup (profile_name);
        }
      return FALSE;
    }
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
  if (play == NULL || !lateral_window_show_play (self, play, &error))
    {
      g_autofree char *body = g_strdup_printf (_("Could not start “%s”: %s"), lateral_pack_get_title (pack), error->message);
      lateral_messages_show (GTK_WIDGET (self), _("The Case Could Not Start"), body);
      return FALSE;
    }

  return TRUE;
}

/**
 * lateral_window_show_play:
 * @play: an attempt to play on, new or resumed
 *
 * Shows @play on the case page. Every way into a case comes through here,
 * so that, when the school has configured its LRS, the attempt's
 * statements are queued whichever way it was opened.
 *
 * Returns: %FALSE, with @error set, when the attempt could not be set up
 */
gboolean
lateral_window_show_play (LateralWindow  *self,
                          LateralPlay    *play,
                          GError        **error)
{
  LateralAttempt *attempt;

  g_return_val_if_fail (LATERAL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (LATERAL_IS_PLAY (play), FALSE);

  /* Only when the school configured an LRS: queue the attempt's statements. */
  if (!lateral_lrs_bar_attach (self->lrs_bar, play, error))
    return FALSE;

  attempt = lateral_play_get_attempt (play);
  if (attempt != NULL)
    lateral_home_page_select_profile (self->home_page, attempt->profile_name);
  /* The page first: the step takes the focus, which only a visible widget can. */
  lateral_window_set_page (self, "case");
  lateral_case_view_set_play (self->case_view, play);
  lateral_window_update_header (self);
  if (lateral_play_is_resumed (play))
    lateral_messages_toast (GTK_WIDGET (self->toast_overlay), _("Welcome back: your earlier answers are kept"));
  else
    lateral_check_offer_propose (self->check_offer, self->store, play, LATERAL_MEASURE_BEFORE);

  return TRUE;
}

/**
 * lateral_window_set_measure:
 * @measure_id: (nullable): the headline test a teacher asked for
 *   (`lateral --measure ID`): offered before every new attempt and after
 *   every finished one; %NULL: the MIST-20 before a learner's first attempt
 *   at a case and after that attempt
 */
void
lateral_window_set_measure (LateralWindow *self,
                            const char    *measure_id)
{
  g_return_if_fail (LATERAL_IS_WINDOW (self));

  lateral_check_offer_set_asked (self->check_offer, measure_id);
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

  if (!self->loaded)
    {
      g_free (self->pending_profile);
      self->pending_profile = g_strdup (profile_name);
      return;
    }
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
  lateral_window_follow_shared_computer (self);

  return self;
}

static void
lateral_window_dispose (GObject *object)
{
  LateralWindow *self = LATERAL_WINDOW (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (lateral_window_parent_class)->dispose (object);
}

static void
lateral_window_finalize (GObject *object)
{
  LateralWindow *self = LATERAL_WINDOW (object);

  g_clear_handle_id (&self->open_retry_id, g_source_remove);
  g_clear_object (&self->cancellable);
  g_free (self->pending_profile);
  g_free (self->pending_pack);
  g_free (self->pending_class);

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

  object_class->dispose = lateral_window_dispose;
  object_class->finalize = lateral_window_finalize;
  window_class->close_request = lateral_window_close_request;

  /**
   * LateralWindow::loaded:
   *
   * The store and the packs are loaded (or the store could not be opened).
   */
  signals[SIGNAL_LOADED] = g_signal_new ("loaded", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  g_type_ensure (LATERAL_TYPE_HOME_PAGE);
  g_type_ensure (LATERAL_TYPE_CASE_VIEW);
  g_type_ensure (LATERAL_TYPE_SUMMARY_PAGE);
  g_type_ensure (LATERAL_TYPE_HISTORY_PAGE);
  g_type_ensure (LATERAL_TYPE_PACKS_PAGE);
  g_type_ensure (LATERAL_TYPE_LRS_BAR);
  g_type_ensure (LATERAL_TYPE_CHECK_OFFER);

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
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, lrs_bar);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, check_offer);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_visible_page_changed",
                                                G_CALLBACK (lateral_window_update_header));

  lateral_window_actions_install (widget_class);
}

/* "Before you start": the offer of a check before the case goes away once
 * the first claim is on screen, so it never takes room from a claim. */
static void
on_step_shown (LateralWindow *self)
{
  LateralPlay *play = lateral_case_view_get_play (self->case_view);

  if (play != NULL && lateral_play_get_current_step (play)->type == LATERAL_STEP_CLAIM)
    lateral_check_offer_withdraw_before (self->check_offer);
}

static void
lateral_window_init (LateralWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect_swapped (self->case_view, "step-shown", G_CALLBACK (on_step_shown), self);
  self->cancellable = g_cancellable_new ();
  lateral_window_actions_add_drop_target (self);

  lateral_window_load_data (self);
  lateral_window_update_header (self);
}
