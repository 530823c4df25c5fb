/* lateral-history-page.c: a learner's past attempts and marks over time
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A learner's past attempts, newest first, and their marks over time.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "widgets/lateral-text-row.h"
#include "widgets/lateral-format.h"
#include "lateral-history-page.h"
#include "lateral-marks-chart.h"

struct _LateralHistoryPage
{
  AdwBin               parent_instance;

  GtkLabel            *title_label;
  GtkWidget           *chart_group;
  LateralMarksChart   *chart;
  GtkListBox          *attempts_list;

  LateralStore        *store;
  LateralPackRegistry *registry;
  GCancellable        *cancellable;  /* the history being read, or NULL */
};

G_DEFINE_FINAL_TYPE (LateralHistoryPage, lateral_history_page, ADW_TYPE_BIN)

static GtkWidget *
create_attempt_row (LateralHistoryPage   *self,
                    const LateralAttempt *attempt)
{
  LateralPack *pack = lateral_pack_registry_lookup (self->registry, attempt->pack_id);
  g_autofree char *when = lateral_format_timestamp (attempt->started_at);
  g_autofree char *mark = lateral_format_mark (attempt->total_mark);
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* The version played: a case's verdicts may change between versions,
   * and the marks are those of the version played. */
  if (attempt->finished_at != 0)
    /* TRANSLATORS: the case's version, when, how many right, the total mark: "Version 1.0.0 · 14 Sep 2026, 09:30 · 6 of 8 right · +9" */
    subtitle = g_strdup_printf (_("Version %s · %s · %u of %u right · %s"), attempt->pack_version, when,
                                attempt->n_correct, attempt->n_answers, mark);
  else
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                             "Version %s · %s · unfinished, %u claim answered",
                                             "Version %s · %s · unfinished, %u claims answered",
                                             attempt->n_answers),
                                attempt->pack_version, when, attempt->n_answers);

  row = lateral_text_row_new (pack != NULL ? lateral_pack_get_title (pack) : attempt->pack_id, subtitle);

  /* An attempt of a version installed opens its summary again. */
  if (pack != NULL && g_strcmp0 (lateral_pack_get_version (pack), attempt->pack_version) == 0)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-attempt");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (row), "s", attempt->uuid);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
    }

  return row;
}

static void
remove_all_rows (GtkListBox *list)
{
  GtkListBoxRow *row;

  while ((row = gtk_list_box_get_row_at_index (list, 0)) != NULL)
    gtk_list_box_remove (list, GTK_WIDGET (row));
}

/* In a worker, on its own connection: the learner's attempts, oldest
 * first (NULL and no error: no such learner yet). */
static void
read_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LateralStore *store = source_object;
  const char *profile_name = task_data;
  g_autoptr(LateralStore) worker = NULL;
  g_autoptr(LateralProfile) profile = NULL;
  GPtrArray *attempts = NULL;
  GError *error = NULL;

  worker = lateral_store_open_worker (store, &error);
  if (worker != NULL)
    profile = lateral_store_find_profile (worker, profile_name, &error);
  if (profile != NULL)
    attempts = lateral_store_list_attempts (worker, profile->uuid, NULL, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, attempts, attempts != NULL ? (GDestroyNotify) g_ptr_array_unref : NULL);
}

static void
on_read (GObject      *source,
         GAsyncResult *result,
         gpointer      user_data)
{
  LateralHistoryPage *self = user_data;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GArray) marks = g_array_new (FALSE, FALSE, sizeof (int));
  g_autoptr(GArray) dates = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;

  attempts = g_task_propagate_pointer (G_TASK (result), &error);
  /* Cancelled: the page is gone, or another learner's history was asked for. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  g_clear_object (&self->cancellable);
  remove_all_rows (self->attempts_list);

  if (error != NULL)
    {
      /* Said so, rather than an empty history as if nothing was played. */
      GtkWidget *row = lateral_text_row_new (_("Your history could not be read"), error->message);
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-error-symbolic");

      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->attempts_list, row);
    }

  /* Oldest first from the store: the chart reads left to right, the list
   * shows the newest on top. */
  for (guint i = 0; attempts != NULL && i < attempts->len; i++)
    {
      const LateralAttempt *attempt = g_ptr_array_index (attempts, attempts->len - 1 - i);
      const LateralAttempt *oldest_first = g_ptr_array_index (attempts, i);

      gtk_list_box_append (self->attempts_list, create_attempt_row (self, attempt));
      if (oldest_first->finished_at != 0)
        {
          g_array_append_val (marks, oldest_first->total_mark);
          g_array_append_val (dates, oldest_first->finished_at);
        }
    }

  lateral_marks_chart_set_marks (self->chart, (const int *) (gpointer) marks->data,
                                 (const gint64 *) (gpointer) dates->data, marks->len);
  gtk_widget_set_visible (self->chart_group, marks->len > 0);
}

/**
 * lateral_history_page_show_profile:
 *
 * Shows @profile_name's history. The attempts are read in a worker thread:
 * until they come, the page has its title, a row saying it is reading, and
 * lateral_history_page_is_busy() is %TRUE.
 */
void
lateral_history_page_show_profile (LateralHistoryPage *self,
                                   const char         *profile_name)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *title = NULL;
  GtkWidget *row;

  g_return_if_fail (LATERAL_IS_HISTORY_PAGE (self));
  g_return_if_fail (profile_name != NULL);

  /* TRANSLATORS: the title of the history page, with the learner's name */
  title = g_strdup_printf (_("%s’s History"), profile_name);
  gtk_label_set_text (self->title_label, title);
  remove_all_rows (self->attempts_list);
  gtk_widget_set_visible (self->chart_group, FALSE);
  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->store == NULL)
    return;

  row = lateral_text_row_new (_("Reading your history…"), NULL);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), g_object_new (GTK_TYPE_SPINNER, "spinning", TRUE, NULL));
  gtk_list_box_append (self->attempts_list, row);

  self->cancellable = g_cancellable_new ();
  /* The store as source (a worker opens its own connection from it); the
   * page as user data, touched only when not cancelled. */
  task = g_task_new (self->store, self->cancellable, on_read, self);
  g_task_set_source_tag (task, lateral_history_page_show_profile);
  g_task_set_task_data (task, g_strdup (profile_name), g_free);
  g_task_run_in_thread (task, read_thread);
}

/* Whether a history is still being read. */
gboolean
lateral_history_page_is_busy (LateralHistoryPage *self)
{
  g_return_val_if_fail (LATERAL_IS_HISTORY_PAGE (self), FALSE);

  return self->cancellable != NULL;
}

void
lateral_history_page_set_data (LateralHistoryPage  *self,
                               LateralStore        *store,
                               LateralPackRegistry *registry)
{
  g_return_if_fail (LATERAL_IS_HISTORY_PAGE (self));

  g_set_object (&self->store, store);
  g_set_object (&self->registry, registry);
}

static void
lateral_history_page_dispose (GObject *object)
{
  LateralHistoryPage *self = LATERAL_HISTORY_PAGE (object);

  if (self->cancellable != NULL)
    g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_clear_object (&self->registry);

  G_OBJECT_CLASS (lateral_history_page_parent_class)->dispose (object);
}

static void
lateral_history_page_class_init (LateralHistoryPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_history_page_dispose;

  g_type_ensure (LATERAL_TYPE_MARKS_CHART);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-history-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralHistoryPage, title_label);
  gtk_widget_class_bind_template_child (widget_class, LateralHistoryPage, chart_group);
  gtk_widget_class_bind_template_child (widget_class, LateralHistoryPage, chart);
  gtk_widget_class_bind_template_child (widget_class, LateralHistoryPage, attempts_list);
}

static void
lateral_history_page_init (LateralHistoryPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
