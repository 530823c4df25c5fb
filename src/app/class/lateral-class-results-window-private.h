/* lateral-class-results-window-private.h: what the Class Results window's
 * files share
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lateral-class-results-window.h"

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

  LateralStore        *store;
  LateralPackRegistry *registry;
  LateralReport       *report;       /* what is shown; NULL when nothing matches */
  GPtrArray           *class_codes;  /* parallel to class_row's items; NULL = all */
  GPtrArray           *pack_ids;     /* parallel to case_row's items; NULL = all */
  GPtrArray           *import_rows;
  gboolean             updating;
};

void lateral_class_results_window_export_action (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter);
void lateral_class_results_window_print_action  (GtkWidget  *widget,
                                                 const char *action_name,
                                                 GVariant   *parameter);

G_END_DECLS
