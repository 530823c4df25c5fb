/* lateral-class-results-lrs.c: Class Results fetches from the school's LRS
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Fetch from the School's LRS" is there only when lrs.ini configures one
 * (docs/xapi.md). The statements are fetched and merged into this
 * machine's database in a GTask thread with its own connection, exactly as
 * a results file is merged, and listed under "Last Import" like a file; the
 * report shown is then the same one. The window stays usable meanwhile, a
 * spinner in the header says a fetch runs, and closing the window cancels it.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-class-results-window-private.h"
#include "xapi/lateral-xapi-fetch.h"

typedef struct {
  LateralXapiConfig      *config;
  char                   *store_filename;
  LateralXapiFetchResult  result;
} FetchData;

static void
fetch_data_free (FetchData *data)
{
  lateral_xapi_config_free (data->config);
  g_free (data->store_filename);
  lateral_xapi_fetch_result_clear (&data->result);
  g_free (data);
}

static void
fetch_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  FetchData *data = task_data;
  g_autoptr(LateralStore) store = NULL;
  GError *error = NULL;

  store = lateral_store_open (data->store_filename, &error);
  if (store == NULL ||
      !lateral_xapi_fetch_into_store (data->config, store, NULL, NULL, lateral_store_get_device_id (store),
                                      &data->result, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
set_busy (LateralClassResultsWindow *self,
          gboolean                   busy)
{
  gtk_widget_set_visible (self->lrs_spinner, busy);
  gtk_spinner_set_spinning (GTK_SPINNER (self->lrs_spinner), busy);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.fetch-lrs", !busy);
}

static void
fetch_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (source);
  FetchData *data = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error) &&
      g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  set_busy (self, FALSE);
  lateral_class_results_window_show_import (self, _("The School’s LRS"),
                                            error == NULL ? &data->result.imported : NULL,
                                            error != NULL ? error->message : NULL);
}

void
lateral_class_results_window_fetch_lrs_action (GtkWidget  *widget,
                                               const char *action_name,
                                               GVariant   *parameter)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (widget);
  g_autoptr(GTask) task = NULL;
  FetchData *data;

  if (self->store == NULL || self->lrs_config == NULL)
    return;

  data = g_new0 (FetchData, 1);
  data->config = lateral_xapi_config_copy (self->lrs_config);
  data->store_filename = g_strdup (lateral_store_get_filename (self->store));

  g_cancellable_reset (self->lrs_cancellable);
  task = g_task_new (self, self->lrs_cancellable, fetch_done, NULL);
  g_task_set_task_data (task, data, (GDestroyNotify) fetch_data_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, fetch_thread);
}

/* At start-up: the action exists only when the school configured an LRS. */
void
lateral_class_results_window_init_lrs (LateralClassResultsWindow *self)
{
  g_autoptr(GError) error = NULL;

  self->lrs_cancellable = g_cancellable_new ();
  self->lrs_config = lateral_xapi_config_load (&error);
  if (error != NULL)
    g_warning ("The school's LRS is not available: %s", error->message);

  gtk_widget_set_visible (self->lrs_button, self->lrs_config != NULL);
  gtk_widget_set_visible (self->lrs_empty_button, self->lrs_config != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.fetch-lrs", self->lrs_config != NULL);
}

void
lateral_class_results_window_dispose_lrs (LateralClassResultsWindow *self)
{
  if (self->lrs_cancellable != NULL)
    g_cancellable_cancel (self->lrs_cancellable);
  g_clear_object (&self->lrs_cancellable);
  g_clear_pointer (&self->lrs_config, lateral_xapi_config_free);
}
