/* lateral-class-results-window.c: the instructor's window: import bundles,
 * read the report
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The instructor's view of a class: results bundles are imported into this
 * machine's database (the same one `lateral-cli import` fills), then one
 * LateralReport is shown for the chosen class code and case. Export and
 * Print use that very report object, so what is printed is what is shown.
 * A separate window, not a page of the main one: an instructor reads it next
 * to the case itself.
 *
 * Importing and building the report run in worker threads (GTask), each on
 * a database connection of its own (lateral_store_open_worker()), while a
 * progress bar pulses and the window stays usable. Closing the window
 * cancels them: an import cancelled half-way is rolled back whole.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "results/lateral-bundle.h"
#include "lateral-class-report.h"
#include "lateral-class-row.h"
#include "lateral-class-results-window.h"
#include "lateral-class-results-window-private.h"
#include "widgets/lateral-text-row.h"
#include "widgets/lateral-messages.h"


G_DEFINE_FINAL_TYPE (LateralClassResultsWindow, lateral_class_results_window, ADW_TYPE_WINDOW)

static gboolean
pulse (gpointer data)
{
  LateralClassResultsWindow *self = data;

  gtk_progress_bar_pulse (self->progress_bar);
  return G_SOURCE_CONTINUE;
}

/* Work started: the bar shows @text and pulses until the last busy_end(). */
void
lateral_class_results_window_busy_begin (LateralClassResultsWindow *self,
                                         const char                *text)
{
  gtk_progress_bar_set_text (self->progress_bar, text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), TRUE);
  if (self->n_busy++ == 0)
    self->pulse_id = g_timeout_add (100, pulse, self);
}

void
lateral_class_results_window_busy_end (LateralClassResultsWindow *self)
{
  g_return_if_fail (self->n_busy > 0);

  if (--self->n_busy > 0)
    return;
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), FALSE);
}

/**
 * lateral_class_results_window_is_busy:
 *
 * Returns: whether an import or a report is being worked on
 */
gboolean
lateral_class_results_window_is_busy (LateralClassResultsWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), FALSE);

  return self->n_busy > 0;
}

static const char *
selected_value (AdwComboRow *row,
                GPtrArray   *values)
{
  guint selected = adw_combo_row_get_selected (row);

  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected);
}

static void
set_choices (AdwComboRow *row,
             GPtrArray   *values,
             GPtrArray   *labels,
             const char  *keep)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (labels, i));
      if (keep != NULL && g_strcmp0 (g_ptr_array_index (values, i), keep) == 0)
        selected = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

static gboolean
ptr_array_has_str (GPtrArray  *array,
                   const char *str)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), str) == 0)
      return TRUE;
  return FALSE;
}

/* The choices are what the database holds, not what the registry knows: a
 * class may have played a case this machine does not have. */
static void
update_choices (LateralClassResultsWindow *self,
                LateralReport             *all)
{
  g_autofree char *keep_class = g_strdup (selected_value (self->class_row, self->class_codes));
  g_autofree char *keep_pack = g_strdup (selected_value (self->case_row, self->pack_ids));
  g_autoptr(GPtrArray) class_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) case_labels = g_ptr_array_new_with_free_func (g_free);
  guint n_groups = lateral_report_get_n_groups (all);

  g_clear_pointer (&self->class_codes, g_ptr_array_unref);
  g_clear_pointer (&self->pack_ids, g_ptr_array_unref);
  self->class_codes = g_ptr_array_new_with_free_func (g_free);
  self->pack_ids = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (self->class_codes, NULL);
  g_ptr_array_add (class_labels, g_strdup (_("All classes")));
  g_ptr_array_add (self->pack_ids, NULL);
  g_ptr_array_add (case_labels, g_strdup (_("All cases")));

  for (guint i = 0; i < n_groups; i++)
    {
      const LateralReportGroup *group = lateral_report_get_group (all, i);

      /* Attempts with no class code are shown under "All classes". */
      if (group->class_code != NULL && !ptr_array_has_str (self->class_codes, group->class_code))
        {
          g_ptr_array_add (self->class_codes, g_strdup (group->class_code));
          g_ptr_array_add (class_labels, g_strdup (group->class_code));
        }
      if (!ptr_array_has_str (self->pack_ids, group->pack_id))
        {
          g_ptr_array_add (self->pack_ids, g_strdup (group->pack_id));
          g_ptr_array_add (case_labels, g_strdup (group->pack_title != NULL ? group->pack_title : group->pack_id));
        }
    }

  self->updating = TRUE;
  set_choices (self->class_row, self->class_codes, class_labels, keep_class);
  set_choices (self->case_row, self->pack_ids, case_labels, keep_pack);
  self->updating = FALSE;
}

static void
stop_filling (LateralClassResultsWindow *self)
{
  if (self->fill_id != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->fill_id);
  self->fill_id = 0;
  self->fill_group = 0;
  self->fill_step = 0;
  g_ptr_array_set_size (self->group_boxes, 0);
}

static void
clear_groups (LateralClassResultsWindow *self)
{
  GtkWidget *child;

  stop_filling (self);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static void
set_has_results (LateralClassResultsWindow *self,
                 gboolean                   has_results)
{
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), !has_results);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_group), has_results);
  gtk_widget_set_visible (GTK_WIDGET (self->export_group), has_results);
  gtk_widget_set_visible (self->export_menu_button, has_results);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-csv", has_results);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-pdf", has_results);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.print", has_results);
}

/* What a report worker is asked for, and what it gives back. */
typedef struct {
  LateralStore        *store;
  LateralPackRegistry *registry;
  char                *class_code;
  char                *pack_id;
  gboolean             with_choices;  /* also the report over everything */
} ReportRequest;

typedef struct {
  LateralReport *all;           /* NULL unless with_choices */
  LateralReport *report;
  GPtrArray     *student_rows;  /* a GListModel per group of report */
} ReportResult;

static void
report_request_free (ReportRequest *request)
{
  g_clear_object (&request->store);
  g_clear_object (&request->registry);
  g_free (request->class_code);
  g_free (request->pack_id);
  g_free (request);
}

static void
report_result_free (ReportResult *result)
{
  g_clear_object (&result->all);
  g_clear_object (&result->report);
  g_clear_pointer (&result->student_rows, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ReportResult, report_result_free)

/* In a worker thread: the registry is only read (pack titles and claims);
 * the store is a connection of the worker's own. */
static void
build_report_thread (GTask        *task,
                     gpointer      source_object,
                     gpointer      task_data,
                     GCancellable *cancellable)
{
  ReportRequest *request = task_data;
  g_autoptr(ReportResult) result = g_new0 (ReportResult, 1);
  g_autoptr(LateralStore) store = NULL;
  GError *error = NULL;

  store = lateral_store_open_worker (request->store, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  if (request->with_choices)
    {
      result->all = lateral_report_new (store, request->registry, NULL, NULL, &error);
      if (result->all == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  if (g_task_return_error_if_cancelled (task))
    return;

  if (result->all != NULL && request->class_code == NULL && request->pack_id == NULL)
    result->report = g_object_ref (result->all);
  else
    result->report = lateral_report_new (store, request->registry, request->class_code, request->pack_id, &error);
  if (result->report == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result->student_rows = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < lateral_report_get_n_groups (result->report); i++)
    {
      if (g_task_return_error_if_cancelled (task))
        return;
      g_ptr_array_add (result->student_rows,
                       lateral_class_report_dup_student_rows (lateral_report_get_group (result->report, i)));
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) report_result_free);
}

static void
set_report_actions (LateralClassResultsWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-csv", self->report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-pdf", self->report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.print", self->report != NULL);
}

static void show_report (LateralClassResultsWindow *self,
                         gboolean                   with_choices);

/* Building an AdwActionRow and laying out its wrapped text cost a few
 * milliseconds, and a report has dozens of rows: made all at once they held
 * the main loop for 200 ms, more on a busy machine. So the heading and the
 * students come first, and the other sections a few rows per frame. */
#define ROWS_PER_FRAME 2

static gboolean
fill_some (GtkWidget     *widget,
           GdkFrameClock *clock,
           gpointer       data)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (widget);

  for (guint n = 0; n < ROWS_PER_FRAME && self->fill_group < self->group_boxes->len; n++)
    {
      GtkBox *box = g_ptr_array_index (self->group_boxes, self->fill_group);
      const LateralReportGroup *group = lateral_report_get_group (self->report, self->fill_group);

      if (lateral_class_report_fill_step (box, group, self->fill_step))
        self->fill_step++;
      else
        {
          self->fill_group++;
          self->fill_step = 0;
          n--;
        }
    }
  if (self->fill_group < self->group_boxes->len)
    return G_SOURCE_CONTINUE;

  self->fill_id = 0;
  return G_SOURCE_REMOVE;
}

/**
 * lateral_class_results_window_is_filled:
 *
 * Returns: whether every row of the report shown is visible (rows after
 *   the students are shown a few per frame)
 */
gboolean
lateral_class_results_window_is_filled (LateralClassResultsWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), FALSE);

  return self->n_busy == 0 && self->fill_id == 0;
}

/* On the main loop: the report's widgets, students as a list view. */
static void
on_report_built (GObject      *source,
                 GAsyncResult *async_result,
                 gpointer      user_data)
{
  /* Not the task's source object: a task holding the window would keep it
   * from being disposed, so closing it could not cancel the task. Nothing
   * of the window is touched until the task is known not cancelled, and
   * the window cancels its tasks before it goes. */
  LateralClassResultsWindow *self = user_data;
  ReportRequest *request = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(ReportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_groups;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  /* Cancelled: the window is closing, or a newer report replaces this one. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  /* Not cancelled, so this is the latest report asked for. */
  g_clear_object (&self->report_cancellable);
  lateral_class_results_window_busy_end (self);

  clear_groups (self);
  g_clear_object (&self->report);
  g_clear_pointer (&self->student_rows, g_ptr_array_unref);

  if (result == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the results: %s"), error->message);
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
      set_has_results (self, FALSE);
      return;
    }

  if (result->all != NULL)
    {
      if (lateral_report_get_n_groups (result->all) == 0)
        {
          set_has_results (self, FALSE);
          return;
        }
      set_has_results (self, TRUE);
      update_choices (self, result->all);
      /* The choice asked for is gone (it can only grow, but be safe). */
      if (g_strcmp0 (selected_value (self->class_row, self->class_codes), request->class_code) != 0 ||
          g_strcmp0 (selected_value (self->case_row, self->pack_ids), request->pack_id) != 0)
        {
          show_report (self, FALSE);
          return;
        }
    }

  self->report = g_steal_pointer (&result->report);
  self->student_rows = g_steal_pointer (&result->student_rows);
  n_groups = lateral_report_get_n_groups (self->report);
  for (guint i = 0; i < n_groups; i++)
    {
      const LateralReportGroup *group = lateral_report_get_group (self->report, i);
      GtkWidget *box = lateral_class_report_build_group (group, g_ptr_array_index (self->student_rows, i),
                                                         lateral_report_get_measure (self->report, group));

      g_ptr_array_add (self->group_boxes, g_object_ref (box));
      gtk_box_append (self->groups_box, box);
    }
  if (n_groups > 0)
    self->fill_id = gtk_widget_add_tick_callback (GTK_WIDGET (self), fill_some, NULL, NULL);

  if (n_groups == 0)
    {
      /* Only when this class never played this case. */
      GtkWidget *label = gtk_label_new (_("This class has no results for this case."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->groups_box, label);
      g_clear_object (&self->report);
    }
  set_report_actions (self);
  }

/* Builds the report for the chosen class and case in a worker; with
 * @with_choices, also the one over everything, for the choices. A report
 * still being built is cancelled: only the latest choice is shown. */
static void
show_report (LateralClassResultsWindow *self,
             gboolean                   with_choices)
{
  g_autoptr(GTask) task = NULL;
  ReportRequest *request;

  if (self->store == NULL)
    return;

  if (self->report_cancellable != NULL)
    {
      g_cancellable_cancel (self->report_cancellable);
      g_clear_object (&self->report_cancellable);
      lateral_class_results_window_busy_end (self);
    }
  self->report_cancellable = g_cancellable_new ();

  request = g_new0 (ReportRequest, 1);
  request->store = g_object_ref (self->store);
  request->registry = g_object_ref (self->registry);
  request->class_code = g_strdup (selected_value (self->class_row, self->class_codes));
  request->pack_id = g_strdup (selected_value (self->case_row, self->pack_ids));
  request->with_choices = with_choices;

  /* Nothing to export while the numbers are being read; what is shown
   * stays, as it is, until the new report replaces it. */
  stop_filling (self);
  g_clear_object (&self->report);
  set_report_actions (self);
  lateral_class_results_window_busy_begin (self, _("Reading the results…"));

  task = g_task_new (NULL, self->report_cancellable, on_report_built, self);
  g_task_set_source_tag (task, show_report);
  g_task_set_task_data (task, request, (GDestroyNotify) report_request_free);
  g_task_run_in_thread (task, build_report_thread);
}

static void
refresh (LateralClassResultsWindow *self)
{
  show_report (self, TRUE);
}

static void
on_filter_changed (LateralClassResultsWindow *self)
{
  if (self->updating || self->store == NULL)
    return;
  show_report (self, FALSE);
}

/**
 * lateral_class_results_window_select:
 * @class_code: (nullable): a class code present in the results, %NULL for all
 * @pack_id: (nullable): a case present in the results, %NULL for all
 *
 * Shows the report for this class and case; a value not in the results
 * selects "All". The report is built in a worker: it is shown when
 * lateral_class_results_window_is_busy() turns %FALSE.
 */
void
lateral_class_results_window_select (LateralClassResultsWindow *self,
                                     const char                *class_code,
                                     const char                *pack_id)
{
  guint class_index = 0, pack_index = 0;

  g_return_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self));

  for (guint i = 0; self->class_codes != NULL && i < self->class_codes->len; i++)
    if (class_code != NULL && g_strcmp0 (g_ptr_array_index (self->class_codes, i), class_code) == 0)
      class_index = i;
  for (guint i = 0; self->pack_ids != NULL && i < self->pack_ids->len; i++)
    if (pack_id != NULL && g_strcmp0 (g_ptr_array_index (self->pack_ids, i), pack_id) == 0)
      pack_index = i;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->class_row, class_index);
  adw_combo_row_set_selected (self->case_row, pack_index);
  self->updating = FALSE;
  show_report (self, FALSE);
}

/* Returns: (transfer none) (nullable): the students of group @index of the
 * report shown, as #LateralClassRow items */
GListModel *
lateral_class_results_window_get_student_rows (LateralClassResultsWindow *self,
                                               guint                      index)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), NULL);

  if (self->student_rows == NULL || index >= self->student_rows->len)
    return NULL;
  return g_ptr_array_index (self->student_rows, index);
}

/* Returns: (transfer none) (nullable): the report shown, NULL when none */
LateralReport *
lateral_class_results_window_get_report (LateralClassResultsWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), NULL);

  return self->report;
}

GtkWidget *
lateral_class_results_window_get_groups_box (LateralClassResultsWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), NULL);

  return GTK_WIDGET (self->groups_box);
}

GtkWidget *
lateral_class_results_window_get_import_group (LateralClassResultsWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), NULL);

  return GTK_WIDGET (self->import_group);
}

static void
clear_import_rows (LateralClassResultsWindow *self)
{
  for (guint i = 0; i < self->import_rows->len; i++)
    adw_preferences_group_remove (self->import_group, g_ptr_array_index (self->import_rows, i));
  g_ptr_array_set_size (self->import_rows, 0);
}

static void
add_import_row (LateralClassResultsWindow *self,
                const char                *title,
                const char                *subtitle,
                const char                *icon_name)
{
  /* File names and the core's sentences are plain text. */
  GtkWidget *row = lateral_text_row_new (title, subtitle);
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->import_group, row);
  g_ptr_array_add (self->import_rows, g_object_ref (row));
}

/* A bundle of a whole school can have thousands of flagged attempts: laid
 * out in one label, their lines held the main loop for minutes. The row
 * names the first few. */
#define MAX_REASONS 5

static void
add_reason (GString    *text,
            const char *reason,
            guint      *n_reasons)
{
  if ((*n_reasons)++ >= MAX_REASONS)
    return;
  g_string_append_c (text, '\n');
  g_string_append (text, reason);
}

static char *
format_import_result (const LateralImportResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);
  guint n_reasons = 0;

  /* TRANSLATORS: what one results file brought: attempts added, attempts
   * that gained answers, attempts already here, attempts refused */
  g_string_append_printf (text, _("%u added · %u completed · %u already here · %u refused"),
                          result->n_added, result->n_updated, result->n_present, result->n_rejected);
  if (result->n_pack_missing > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u attempt is for a case this computer does not have",
                                                 "%u attempts are for a case this computer does not have",
                                                 result->n_pack_missing),
                              result->n_pack_missing);
    }
  for (guint i = 0; result->rejections != NULL && i < result->rejections->len; i++)
    add_reason (text, g_ptr_array_index (result->rejections, i), &n_reasons);
  for (guint i = 0; result->flagged != NULL && i < result->flagged->len; i++)
    add_reason (text, g_ptr_array_index (result->flagged, i), &n_reasons);
  if (n_reasons > MAX_REASONS)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "…and %u more: “lateral-cli import” lists them all",
                                                 "…and %u more: “lateral-cli import” lists them all",
                                                 n_reasons - MAX_REASONS),
                              n_reasons - MAX_REASONS);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

typedef struct {
  LateralStore *store;
  GPtrArray    *files;     /* of GFile */
  GPtrArray    *packs;     /* of LateralPack: never changed, safe to read in the worker */
} ImportRequest;

/* What one file gave, for its row. */
typedef struct {
  char       *name;
  char       *text;
  const char *icon_name;
} ImportRow;

typedef struct {
  GPtrArray *rows;         /* of ImportRow */
  guint      n_read;
  guint      n_added;
} ImportResult;

static void
import_request_free (ImportRequest *request)
{
  g_clear_object (&request->store);
  g_clear_pointer (&request->files, g_ptr_array_unref);
  g_clear_pointer (&request->packs, g_ptr_array_unref);
  g_free (request);
}

static void
import_row_free (ImportRow *row)
{
  g_free (row->name);
  g_free (row->text);
  g_free (row);
}

static void
import_result_free (ImportResult *result)
{
  g_clear_pointer (&result->rows, g_ptr_array_unref);
  g_free (result);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (ImportResult, import_result_free)

static void
add_result_row (ImportResult *result,
                const char   *name,
                char         *text,
                const char   *icon_name)
{
  ImportRow *row = g_new0 (ImportRow, 1);

  row->name = g_strdup (name);
  row->text = text;
  row->icon_name = icon_name;
  g_ptr_array_add (result->rows, row);
}

/* In a worker thread, on a connection of its own. Each file is imported in
 * one transaction: cancelling stops at the next attempt and rolls the file
 * back, files already done stay. */
static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportRequest *request = task_data;
  g_autoptr(ImportResult) result = g_new0 (ImportResult, 1);
  g_autoptr(LateralStore) store = NULL;
  GError *error = NULL;

  store = lateral_store_open_worker (request->store, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  result->rows = g_ptr_array_new_with_free_func ((GDestroyNotify) import_row_free);
  for (guint i = 0; i < request->files->len; i++)
    {
      GFile *file = g_ptr_array_index (request->files, i);
      g_autofree char *path = g_file_get_path (file);
      g_autofree char *name = g_file_get_basename (file);
      LateralImportResult imported = { 0 };
      g_autoptr(GError) local_error = NULL;

      if (path == NULL)
        {
          add_result_row (result, name, g_strdup (_("Not refused, not read: copy the file to this computer first")),
                          "dialog-warning-symbolic");
          continue;
        }

      if (!lateral_bundle_import_file_cancellable (store, path, request->packs,
                                                   cancellable, &imported, &local_error))
        {
          lateral_import_result_clear (&imported);
          if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
            {
              g_task_return_error (task, g_steal_pointer (&local_error));
              return;
            }
          /* TRANSLATORS: the file was refused; the reason follows */
          add_result_row (result, name, g_strdup_printf (_("Refused: %s"), local_error->message),
                          "dialog-error-symbolic");
          continue;
        }

      add_result_row (result, name, format_import_result (&imported),
                      imported.n_rejected > 0 || imported.n_flagged > 0 ? "dialog-warning-symbolic"
                                                                        : "emblem-ok-symbolic");
      result->n_read++;
      result->n_added += imported.n_added;
      lateral_import_result_clear (&imported);
    }

  g_task_return_pointer (task, g_steal_pointer (&result), (GDestroyNotify) import_result_free);
}

static void
on_imported (GObject      *source,
             GAsyncResult *async_result,
             gpointer      user_data)
{
  /* Not the task's source object: a task holding the window would keep it
   * from being disposed, so closing it could not cancel the task. Nothing
   * of the window is touched until the task is known not cancelled, and
   * the window cancels its tasks before it goes. */
  LateralClassResultsWindow *self = user_data;
  ImportRequest *request = g_task_get_task_data (G_TASK (async_result));
  g_autoptr(ImportResult) result = NULL;
  g_autoptr(GError) error = NULL;
  guint n_files = request->files->len;

  result = g_task_propagate_pointer (G_TASK (async_result), &error);
  /* The window is closing: nothing to show. */
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->importing = FALSE;
  lateral_class_results_window_busy_end (self);

  if (result == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not import the results: %s"), error->message);
      lateral_messages_show (GTK_WIDGET (self), _("Import Failed"), text);
      return;
    }

  clear_import_rows (self);
  for (guint i = 0; i < result->rows->len; i++)
    {
      ImportRow *row = g_ptr_array_index (result->rows, i);
      add_import_row (self, row->name, row->text, row->icon_name);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->import_group), n_files > 0);
  refresh (self);

  if (n_files > 0)
    {
      g_autofree char *files_text = NULL;
      g_autofree char *attempts = NULL;
      g_autofree char *text = NULL;

      /* TRANSLATORS: files read as bundles, of the files chosen */
      files_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file imported", "%u of %u files imported", n_files),
                                     result->n_read, n_files);
      attempts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new attempt", "%u new attempts", result->n_added),
                                  result->n_added);
      /* TRANSLATORS: "2 of 3 files imported, 5 new attempts" */
      text = g_strdup_printf (_("%s, %s"), files_text, attempts);
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
    }
}

/**
 * lateral_class_results_window_import_files:
 * @files: (array length=n_files): results bundles
 *
 * Starts importing each bundle into the database, in a worker thread; when
 * done, lists per file what was added, what was already there and what was
 * refused and why, and shows the report again. What "Import Results…" and
 * dropping files on the window do. One import at a time.
 *
 * Returns: %FALSE when nothing was started (no database, or an import is
 *   still running)
 */
gboolean
lateral_class_results_window_import_files (LateralClassResultsWindow *self,
                                           GFile * const             *files,
                                           guint                      n_files)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *text = NULL;
  ImportRequest *request;

  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), FALSE);
  g_return_val_if_fail (files != NULL || n_files == 0, FALSE);

  if (self->store == NULL)
    return FALSE;
  if (self->importing)
    {
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), _("Wait for the import under way to finish"));
      return FALSE;
    }

  request = g_new0 (ImportRequest, 1);
  request->store = g_object_ref (self->store);
  request->files = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < n_files; i++)
    g_ptr_array_add (request->files, g_object_ref (files[i]));
  request->packs = lateral_bundle_list_packs (self->registry);

  self->importing = TRUE;
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Importing %u file…", "Importing %u files…", n_files), n_files);
  lateral_class_results_window_busy_begin (self, text);

  task = g_task_new (NULL, self->cancellable, on_imported, self);
  g_task_set_source_tag (task, lateral_class_results_window_import_files);
  g_task_set_task_data (task, request, (GDestroyNotify) import_request_free);
  g_task_run_in_thread (task, import_thread);

  return TRUE;
}

static void
on_import_response (GtkNativeDialog           *native,
                    int                        response,
                    LateralClassResultsWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
      lateral_class_results_window_import_files (self, (GFile * const *) files->pdata, files->len);
    }

  g_object_unref (native);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Results files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Results Files"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
on_drop (GtkDropTarget             *target,
         const GValue              *value,
         double                     x,
         double                     y,
         LateralClassResultsWindow *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list != NULL ? gdk_file_list_get_files (list) : NULL; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  return lateral_class_results_window_import_files (self, (GFile * const *) files->pdata, files->len);
}

LateralClassResultsWindow *
lateral_class_results_window_new (GtkWindow           *parent,
                                  LateralStore        *store,
                                  LateralPackRegistry *registry)
{
  LateralClassResultsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || LATERAL_IS_STORE (store), NULL);
  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (registry), NULL);

  self = g_object_new (LATERAL_TYPE_CLASS_RESULTS_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->registry = g_object_ref (registry);
  refresh (self);

  return self;
}

/**
 * lateral_class_results_window_show_import:
 * @result: (nullable): what an import brought, or %NULL when it failed
 * @error_message: (nullable): why it failed
 *
 * Lists one import that is not a file (the school's LRS) under "Last
 * Import", as a file's, and shows the report again.
 */
void
lateral_class_results_window_show_import (LateralClassResultsWindow *self,
                                          const char                *title,
                                          const LateralImportResult *result,
                                          const char                *error_message)
{
  clear_import_rows (self);
  if (result == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Refused: %s"), error_message);

      add_import_row (self, title, text, "dialog-error-symbolic");
    }
  else
    {
      g_autofree char *text = format_import_result (result);

      add_import_row (self, title, text,
                      result->n_rejected > 0 || result->n_flagged > 0 ? "dialog-warning-symbolic" : "emblem-ok-symbolic");
    }
  gtk_widget_set_visible (GTK_WIDGET (self->import_group), TRUE);
  refresh (self);
}

/* Closing the window stops its work: a worker sees the cancellable at its
 * next check, an import rolls back the file it was in. */
static void
lateral_class_results_window_dispose (GObject *object)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->report_cancellable != NULL)
    g_cancellable_cancel (self->report_cancellable);
  g_clear_handle_id (&self->pulse_id, g_source_remove);
  stop_filling (self);
  lateral_class_results_window_dispose_lrs (self);

  G_OBJECT_CLASS (lateral_class_results_window_parent_class)->dispose (object);
}

static void
lateral_class_results_window_finalize (GObject *object)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (object);

  g_clear_object (&self->cancellable);
  g_clear_object (&self->report_cancellable);
  g_clear_pointer (&self->student_rows, g_ptr_array_unref);
  g_clear_pointer (&self->group_boxes, g_ptr_array_unref);
  g_clear_object (&self->report);
  g_clear_object (&self->store);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->class_codes, g_ptr_array_unref);
  g_clear_pointer (&self->pack_ids, g_ptr_array_unref);
  g_clear_pointer (&self->import_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lateral_class_results_window_parent_class)->finalize (object);
}

static void
lateral_class_results_window_class_init (LateralClassResultsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_class_results_window_dispose;
  object_class->finalize = lateral_class_results_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-class-results-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, import_group);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, filter_group);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, class_row);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, case_row);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, groups_box);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, export_group);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, export_menu_button);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, lrs_button);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, lrs_empty_button);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, lrs_spinner);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, progress_bar);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "results.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "results.fetch-lrs", NULL, lateral_class_results_window_fetch_lrs_action);
  gtk_widget_class_install_action (widget_class, "results.export-csv", NULL, lateral_class_results_window_export_action);
  gtk_widget_class_install_action (widget_class, "results.export-pdf", NULL, lateral_class_results_window_export_action);
  gtk_widget_class_install_action (widget_class, "results.print", NULL, lateral_class_results_window_print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "results.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "results.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lateral_class_results_window_init (LateralClassResultsWindow *self)
{
  GtkDropTarget *target;

  self->import_rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->group_boxes = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  set_has_results (self, FALSE);
  lateral_class_results_window_init_lrs (self);
}
