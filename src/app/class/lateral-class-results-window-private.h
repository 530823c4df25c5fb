/* lateral-class-results-window-private.h: what the Class Results window's
 * files share
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's fields, shared with lateral-class-results-export.c.
 */
#pragma once

#include "lateral-class-results-window.h"
#include "results/lateral-bundle.h"
#include "xapi/lateral-xapi-config.h"

G_BEGIN_DECLS

struct _LateralClassResultsWindow
{
  AdwWindow            parent_instance;

  AdwToastOverlay     *toast_overlay;
  AdwStatusPage       *empty_page;
  AdwPreferencesGroup *import_group;
  AdwPreferencesGroup *filter_group;
  AdwComboRow         *class_row;
  AdwComboRow         *case_row;
  GtkBox              *groups_box;
  AdwPreferencesGroup *export_group;
  GtkWidget           *export_menu_button;
  GtkWidget           *lrs_button;
  GtkWidget           *lrs_empty_button;
  GtkWidget           *lrs_spinner;
  GtkProgressBar      *progress_bar;

  LateralStore        *store;
  LateralPackRegistry *registry;
  LateralReport       *report;       /* what is shown; NULL when nothing matches */
  GPtrArray           *class_codes;  /* parallel to class_row's items; NULL = all */
  GPtrArray           *pack_ids;     /* parallel to case_row's items; NULL = all */
  GPtrArray           *import_rows;
  GPtrArray           *student_rows; /* a GListModel per group of report */
  gboolean             updating;

  LateralXapiConfig   *lrs_config;      /* NULL: no LRS configured */
  GCancellable        *lrs_cancellable;
  /* Work runs in worker threads with their own database connection.
   * cancellable is the window's, cancelled when it goes away; a report
   * being built is also cancelled when a newer one is asked for. */
  GCancellable        *cancellable;
  GCancellable        *report_cancellable;
  guint                n_busy;
  guint                pulse_id;
  GPtrArray           *group_boxes;  /* of the report shown, being filled */
  guint                fill_group;   /* the next piece: lateral_class_report_fill_step() */
  guint                fill_step;
  guint                fill_id;
  gboolean             importing;
};

void lateral_class_results_window_busy_begin   (LateralClassResultsWindow *self,
                                                const char                *text);
void lateral_class_results_window_busy_end     (LateralClassResultsWindow *self);
void lateral_class_results_window_export_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter);
void lateral_class_results_window_print_action  (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter);

/* Fetching from the school's LRS (lateral-class-results-lrs.c). */
void lateral_class_results_window_init_lrs       (LateralClassResultsWindow *self);
void lateral_class_results_window_dispose_lrs    (LateralClassResultsWindow *self);
void lateral_class_results_window_fetch_lrs_action (GtkWidget  *widget,
                                                  const char *action_name,
                                                  GVariant   *parameter);
void lateral_class_results_window_show_import    (LateralClassResultsWindow *self,
                                                  const char                *title,
                                                  const LateralImportResult *result,
                                                  const char                *error_message);

G_END_DECLS
