/* lateral-class-results-window.h: LateralClassResultsWindow, a class's
 * results for an instructor
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The instructor's window: imports results bundles and shows the report.
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack-registry.h"
#include "report/lateral-report.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_CLASS_RESULTS_WINDOW (lateral_class_results_window_get_type ())

G_DECLARE_FINAL_TYPE (LateralClassResultsWindow, lateral_class_results_window, LATERAL, CLASS_RESULTS_WINDOW, AdwWindow)

LateralClassResultsWindow *lateral_class_results_window_new          (GtkWindow                 *parent,
                                                                      LateralStore              *store,
                                                                      LateralPackRegistry       *registry);
gboolean                   lateral_class_results_window_import_files (LateralClassResultsWindow *self,
                                                                      GFile * const             *files,
                                                                      guint                      n_files);
void                       lateral_class_results_window_select       (LateralClassResultsWindow *self,
                                                                      const char                *class_code,
                                                                      const char                *pack_id);
LateralReport             *lateral_class_results_window_get_report   (LateralClassResultsWindow *self);
gboolean                   lateral_class_results_window_export_csv   (LateralClassResultsWindow *self,
                                                                      GFile                     *file,
                                                                      GError                   **error);
gboolean                   lateral_class_results_window_export_pdf   (LateralClassResultsWindow *self,
                                                                      GFile                     *file,
                                                                      guint                     *out_n_pages,
                                                                      GError                   **error);
gboolean                   lateral_class_results_window_print_to_file (LateralClassResultsWindow *self,
                                                                       GFile                     *file,
                                                                       int                       *out_n_pages,
                                                                       GError                   **error);
gboolean                   lateral_class_results_window_is_busy      (LateralClassResultsWindow *self);
gboolean                   lateral_class_results_window_is_filled    (LateralClassResultsWindow *self);
GListModel                *lateral_class_results_window_get_student_rows (LateralClassResultsWindow *self,
                                                                        guint                      index);
GtkWidget                 *lateral_class_results_window_get_groups_box (LateralClassResultsWindow *self);
GtkWidget                 *lateral_class_results_window_get_import_group (LateralClassResultsWindow *self);

G_END_DECLS
