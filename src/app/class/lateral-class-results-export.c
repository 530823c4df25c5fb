/* lateral-class-results-export.c: the Class Results window's CSV, PDF and Print
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The buttons only choose a file; the writing is in functions that take a
 * GFile, so tests call exactly what the buttons call, and the buttons run
 * them in a worker thread (a report is a snapshot nobody changes, so the
 * worker only holds a reference). Print draws with
 * lateral_report_draw_page(), the PDF's own drawing.
 */
#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "lateral-class-results-window-private.h"
#include "store/lateral-output-file.h"
#include "widgets/lateral-messages.h"
#include "report/lateral-report-pdf.h"

static gboolean
check_report (LateralClassResultsWindow  *self,
              GFile                      *file,
              char                      **out_path,
              GError                    **error)
{
  if (self->report == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND, _("There are no results to export"));
      return FALSE;
    }
  *out_path = g_file_get_path (file);
  if (*out_path == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a folder on this computer"));
      return FALSE;
    }
  return TRUE;
}

/**
 * lateral_class_results_window_export_csv:
 *
 * Writes the report shown as CSV (lateral_report_to_csv(), docs/report.md).
 */
gboolean
lateral_class_results_window_export_csv (LateralClassResultsWindow  *self,
                                         GFile                      *file,
                                         GError                    **error)
{
  g_autofree char *path = NULL;
  g_autofree char *csv = NULL;

  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_report (self, file, &path, error))
    return FALSE;

  csv = lateral_report_to_csv (self->report);
  return lateral_output_file_write (path, csv, -1, error);
}

static gboolean
write_report (LateralReport  *report,
              const char     *path,
              gboolean        pdf,
              GError        **error)
{
  g_autofree char *csv = NULL;

  if (pdf)
    return lateral_report_write_pdf (report, path, NULL, error);
  csv = lateral_report_to_csv (report);
  return g_file_set_contents (path, csv, -1, error);
}

/**
 * lateral_class_results_window_export_pdf:
 * @out_n_pages: (out) (optional): the pages written
 *
 * Writes the report shown as a PDF, the pages Print draws.
 */
gboolean
lateral_class_results_window_export_pdf (LateralClassResultsWindow  *self,
                                         GFile                      *file,
                                         guint                      *out_n_pages,
                                         GError                    **error)
{
  g_autofree char *path = NULL;

  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_report (self, file, &path, error))
    return FALSE;

  return lateral_report_write_pdf (self->report, path, out_n_pages, error);
}

typedef struct {
  LateralReport *report;
  GFile         *file;
  gboolean       pdf;
} ExportRequest;

static void
export_request_free (ExportRequest *request)
{
  g_clear_object (&request->report);
  g_clear_object (&request->file);
  g_free (request);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportRequest *request = task_data;
  g_autofree char *path = g_file_get_path (request->file);
  GError *error = NULL;

  if (path == NULL)
    g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Choose a folder on this computer"));
  else
    write_report (request->report, path, request->pdf, &error);

  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

static void
on_exported (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  /* Not the task's source object: a task holding the window would keep it
   * from being disposed, so closing it could not cancel the task. Nothing
   * of the window is touched until the task is known not cancelled, and
   * the window cancels its tasks before it goes. */
  LateralClassResultsWindow *self = user_data;
  ExportRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  lateral_class_results_window_busy_end (self);

  if (error == NULL)
    {
      g_autofree char *name = g_file_get_basename (request->file);
      g_autofree char *text = g_strdup_printf (_("The report was saved as “%s”"), name);
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
    }
  else
    {
      g_autofree char *body = g_strdup_printf (_("Could not save the report: %s"), error->message);
      lateral_messages_show (GTK_WIDGET (self), _("Export Failed"), body);
    }
}

static void
on_export_response (GtkNativeDialog           *native,
                    int                        response,
                    LateralClassResultsWindow *self)
{
  gboolean pdf = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (native), "pdf"));
  g_autoptr(GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

  /* The report may have been replaced meanwhile: the one shown is saved. */
  if (file != NULL && self->report != NULL)
    {
      g_autoptr(GTask) task = g_task_new (NULL, self->cancellable, on_exported, self);
      ExportRequest *request = g_new0 (ExportRequest, 1);

      request->report = g_object_ref (self->report);
      request->file = g_steal_pointer (&file);
      request->pdf = pdf;
      g_task_set_task_data (task, request, (GDestroyNotify) export_request_free);
      lateral_class_results_window_busy_begin (self, _("Saving the report…"));
      g_task_run_in_thread (task, export_thread);
    }

  g_object_unref (native);
}

void
lateral_class_results_window_export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (widget);
  gboolean pdf = g_str_equal (action_name, "results.export-pdf");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *name = NULL;
  GtkFileChooserNative *native;

  if (self->report == NULL)
    return;

  /* TRANSLATORS: a file name; keep it free of slashes */
  name = g_strdup_printf (_("class-results-%s.%s"), date, pdf ? "pdf" : "csv");
  native = gtk_file_chooser_native_new (pdf ? _("Export the Report as PDF") : _("Export the Report as CSV"),
                                        GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (native), name);
  g_object_set_data (G_OBJECT (native), "pdf", GINT_TO_POINTER (pdf));
  g_signal_connect (native, "response", G_CALLBACK (on_export_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

/* The page in whole points, as the PDF export lays it out: GTK gives A4 as
 * 595.28 x 841.89 points and the PDF writer as 595 x 842, and a report
 * whose last row ends within that fraction of a point would otherwise take
 * one page in the PDF and two on paper. */
static double
page_points (double size)
{
  return round (size);
}

static void
on_begin_print (GtkPrintOperation *operation,
                GtkPrintContext   *context,
                LateralReport     *report)
{
  guint n_pages = lateral_report_count_pages (report,
                                              page_points (gtk_print_context_get_width (context)),
                                              page_points (gtk_print_context_get_height (context)));

  gtk_print_operation_set_n_pages (operation, MAX (n_pages, 1));
}

static void
on_draw_page (GtkPrintOperation *operation,
              GtkPrintContext   *context,
              int                page_nr,
              LateralReport     *report)
{
  lateral_report_draw_page (report,
                            gtk_print_context_get_cairo_context (context),
                            page_points (gtk_print_context_get_width (context)),
                            page_points (gtk_print_context_get_height (context)),
                            page_nr);
}

/* The operation keeps the report it prints, whatever the window shows next. */
static GtkPrintOperation *
print_operation_new (LateralReport *report)
{
  GtkPrintOperation *operation = gtk_print_operation_new ();
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);

  /* The drawing is laid out in points and keeps its own margins, as for
   * the PDF; A4 unless the user picks another paper. */
  gtk_page_setup_set_paper_size (setup, a4);
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_job_name (operation, _("Class Results"));
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (on_begin_print),
                         g_object_ref (report), (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (on_draw_page),
                         g_object_ref (report), (GClosureNotify) (void (*) (void)) g_object_unref, 0);

  return operation;
}

/**
 * lateral_class_results_window_print_to_file:
 * @out_n_pages: (out) (optional): the pages printed
 *
 * Prints the report shown through GtkPrintOperation into a PDF file, with
 * no dialog: the very handlers Print uses, for tests.
 */
gboolean
lateral_class_results_window_print_to_file (LateralClassResultsWindow  *self,
                                            GFile                      *file,
                                            int                        *out_n_pages,
                                            GError                    **error)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), FALSE);
  g_return_val_if_fail (G_IS_FILE (file), FALSE);

  if (!check_report (self, file, &path, error))
    return FALSE;

  operation = print_operation_new (self->report);
  gtk_print_operation_set_export_filename (operation, path);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self), error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    return FALSE;

  if (out_n_pages != NULL)
    g_object_get (operation, "n-pages", out_n_pages, NULL);
  return TRUE;
}

void
lateral_class_results_window_print_action (GtkWidget  *widget,
                                           const char *action_name,
                                           GVariant   *parameter)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (widget);
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  if (self->report == NULL)
    return;

  operation = print_operation_new (self->report);
  gtk_print_operation_set_allow_async (operation, TRUE);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autofree char *body = g_strdup_printf (_("Could not print the report: %s"), error->message);
      lateral_messages_show (GTK_WIDGET (self), _("Printing Failed"), body);
    }
}
