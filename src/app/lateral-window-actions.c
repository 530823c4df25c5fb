/* lateral-window-actions.c: what the main window can be asked to do
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The win.* actions (the pages, the header bar's menu and the keyboard
 * shortcuts all go through them) and the drop target, apart from the
 * window's construction and page routing in lateral-window.c.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "results/lateral-bundle.h"
#include "class/lateral-class-results-window.h"
#include "pack/lateral-pack-registry.h"
#include "play/lateral-play.h"
#include "widgets/lateral-messages.h"
#include "lateral-window-private.h"

/* Something was queued for the school's LRS outside a case (a quick
 * check): send it now rather than at the next answer. Nothing when
 * sending is off. */
static void
lrs_send_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  lateral_lrs_bar_send_now (LATERAL_WINDOW (widget)->lrs_bar);
}

static void
go_home_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  LateralWindow *self = LATERAL_WINDOW (widget);
  const char *name = gtk_stack_get_visible_child_name (self->main_stack);

  if (g_strcmp0 (name, "home") == 0 || g_strcmp0 (name, "error") == 0)
    return;

  /* Every answer is stored at lock-in, so leaving loses nothing; the case
   * view lets go of the attempt so the home page offers to continue it. */
  lateral_case_view_set_play (self->case_view, NULL);
  lateral_window_set_page (self, "home");
}

static void
start_case_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  lateral_window_open_case (LATERAL_WINDOW (widget),
                            g_variant_get_string (parameter, NULL),
                            NULL, NULL);
}

static void
start_over_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  LateralWindow *self = LATERAL_WINDOW (widget);

  if (lateral_window_open_case_full (self, g_variant_get_string (parameter, NULL), NULL, NULL, TRUE))
    lateral_messages_toast (GTK_WIDGET (self->toast_overlay), _("A new start: your unfinished answers stay in your history"));
}

static void
show_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LateralWindow *self = LATERAL_WINDOW (widget);
  LateralPlay *play = lateral_case_view_get_play (self->case_view);

  if (play == NULL)
    return;

  g_object_ref (play);
  lateral_window_set_page (self, "summary");
  lateral_summary_page_set_play (self->summary_page, play);
  lateral_case_view_set_play (self->case_view, NULL);
  lateral_window_update_header (self);
  /* The end of the case: the check after it, if one was taken before. */
  if (lateral_play_is_finished (play) && self->store != NULL)
    lateral_check_offer_propose (self->check_offer, self->store, play, LATERAL_MEASURE_AFTER);
  g_object_unref (play);
}

/* A past attempt's summary, from the history page. */
static void
show_attempt_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LateralWindow *self = LATERAL_WINDOW (widget);
  g_autoptr(LateralAttempt) attempt = NULL;
  g_autoptr(LateralPlay) play = NULL;
  g_autoptr(GError) error = NULL;
  LateralPack *pack = NULL;

  if (self->store == NULL)
    return;

  attempt = lateral_store_get_attempt (self->store, g_variant_get_string (parameter, NULL), &error);
  if (attempt != NULL)
    pack = lateral_pack_registry_lookup (self->registry, attempt->pack_id);
  if (pack != NULL)
    play = lateral_play_open_attempt (self->store, pack, attempt->uuid, &error);
  if (play == NULL)
    {
      lateral_messages_show (GTK_WIDGET (self), _("This Attempt Cannot Be Shown"),
                             error != NULL ? error->message : _("Its case is not on this computer."));
      return;
    }

  lateral_window_set_page (self, "summary");
  lateral_summary_page_set_play (self->summary_page, play);
  lateral_window_update_header (self);
}

static void
try_again_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  LateralWindow *self = LATERAL_WINDOW (widget);
  LateralPlay *play = lateral_summary_page_get_play (self->summary_page);
  LateralAttempt *attempt;

  if (play == NULL)
    return;

  /* An attempt left half-way, opened from the history: this very attempt
   * goes on where it stopped (the button says Continue). */
  if (!lateral_play_is_finished (play))
    {
      g_autoptr(LateralPlay) resumed = g_object_ref (play);
      g_autoptr(GError) error = NULL;

      if (!lateral_window_show_play (self, resumed, &error))
        lateral_messages_show (GTK_WIDGET (self), _("The Case Could Not Start"), error->message);
      return;
    }

  attempt = lateral_play_get_attempt (play);
  lateral_window_open_case (self,
                            lateral_pack_get_id (lateral_play_get_pack (play)),
                            attempt != NULL ? attempt->profile_name : NULL,
                            attempt != NULL ? attempt->class_code : NULL);
}

static void
show_history_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LateralWindow *self = LATERAL_WINDOW (widget);
  const char *profile_name;

  if (self->store == NULL)
    return;

  profile_name = lateral_home_page_get_profile_name (self->home_page);
  if (profile_name == NULL)
    {
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), _("Choose who is playing to see their history"));
      return;
    }

  lateral_history_page_show_profile (self->history_page, profile_name);
  lateral_case_view_set_play (self->case_view, NULL);
  lateral_window_set_page (self, "history");
}

/* The learner whose results the summary page shows, or NULL. */
static const char *
lateral_window_get_summary_profile (LateralWindow *self)
{
  LateralPlay *play = lateral_summary_page_get_play (self->summary_page);
  LateralAttempt *attempt = play != NULL ? lateral_play_get_attempt (play) : NULL;

  return attempt != NULL ? attempt->profile_name : NULL;
}

static char *
lateral_window_dup_export_name (LateralWindow *self)
{
  const char *profile_name = lateral_window_get_summary_profile (self);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  g_autofree char *safe_name = NULL;

  if (profile_name == NULL)
    return NULL;

  /* A learner's name may hold characters that file systems refuse. */
  safe_name = g_strdelimit (g_strdup (profile_name), "/\\:*?\"<>|", '-');
  date = g_date_time_format (now, "%Y-%m-%d");

  return g_strdup_printf ("lateral-results-%s-%s.json", safe_name, date);
}

/**
 * lateral_window_export_results:
 * @file: where to write
 *
 * Writes every attempt of the learner on the summary page as a results
 * bundle (docs/results-format.md), the file an instructor collects; what
 * "Export My Results…" does once a file is chosen.
 *
 * Returns: whether the file was written
 */
gboolean
lateral_window_export_results (LateralWindow  *self,
                               GFile          *file,
                               GError        **error)
{
  const char *profile_name;
  g_autofree char *path = NULL;

  g_return_val_if_fail (LATERAL_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  profile_name = lateral_window_get_summary_profile (self);
  if (profile_name == NULL || self->store == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There are no results to export"));
      return FALSE;
    }

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
                   _("Choose a folder on this computer"));
      return FALSE;
    }

  return lateral_bundle_write_file (self->store, profile_name, NULL, path, NULL, error);
}

static void
on_export_response (GtkNativeDialog *native,
                    int              response,
                    LateralWindow   *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  if (file != NULL)
    {
      if (lateral_window_export_results (self, file, &error))
        {
          g_autofree char *name = g_file_get_basename (file);
          g_autofree char *text = g_strdup_printf (_("Your results were saved as “%s”"), name);
          lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
        }
      else
        {
          g_autofree char *body = g_strdup_printf (_("Could not save your results: %s"), error->message);
          lateral_messages_show (GTK_WIDGET (self), _("Export Failed"), body);
        }
    }

  g_object_unref (native);
}

static void
export_results_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  LateralWindow *self = LATERAL_WINDOW (widget);
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  name = lateral_window_dup_export_name (self);
  if (name == NULL)
    return;

  native = gtk_file_chooser_native_new (_("Export Your Results"),
                                        GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"),
                                        _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
manage_cases_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  LateralWindow *self = LATERAL_WINDOW (widget);

  lateral_case_view_set_play (self->case_view, NULL);
  lateral_packs_page_refresh (self->packs_page);
  lateral_window_set_page (self, "packs");
}

/* One Class Results window per main window: a second would show the same
 * database twice. */
static void
class_results_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  LateralWindow *self = LATERAL_WINDOW (widget);

  if (self->class_results == NULL)
    {
      self->class_results = GTK_WINDOW (lateral_class_results_window_new (GTK_WINDOW (self), self->store, self->registry));
      g_object_add_weak_pointer (G_OBJECT (self->class_results), (gpointer *) &self->class_results);
    }
  gtk_window_present (self->class_results);
}

/* A pack file dropped anywhere on the window is imported as from the
 * Manage Cases page (results bundles go to the Class Results window). */
static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         LateralWindow *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  GSList *files = list != NULL ? gdk_file_list_get_files (list) : NULL;

  if (files == NULL || self->store == NULL)
    return FALSE;

  manage_cases_action (GTK_WIDGET (self), NULL, NULL);
  for (GSList *l = files; l != NULL; l = l->next)
    lateral_packs_page_import_file (self->packs_page, l->data);
  g_slist_free (files);

  return TRUE;
}

void
lateral_window_actions_install (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.go-home", NULL, go_home_action);
  gtk_widget_class_install_action (widget_class, "win.start-case", "s", start_case_action);
  gtk_widget_class_install_action (widget_class, "win.start-over", "s", start_over_action);
  gtk_widget_class_install_action (widget_class, "win.show-summary", NULL, show_summary_action);
  gtk_widget_class_install_action (widget_class, "win.show-attempt", "s", show_attempt_action);
  gtk_widget_class_install_action (widget_class, "win.try-again", NULL, try_again_action);
  gtk_widget_class_install_action (widget_class, "win.show-history", NULL, show_history_action);
  gtk_widget_class_install_action (widget_class, "win.export-results", NULL, export_results_action);
  gtk_widget_class_install_action (widget_class, "win.class-results", NULL, class_results_action);
  gtk_widget_class_install_action (widget_class, "win.manage-cases", NULL, manage_cases_action);
  gtk_widget_class_install_action (widget_class, "win.lrs-send", NULL, lrs_send_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "win.go-home", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.go-home", NULL);
}

void
lateral_window_actions_add_drop_target (LateralWindow *self)
{
  GtkDropTarget *target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);

  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
}
