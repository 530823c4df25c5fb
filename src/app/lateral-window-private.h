/* lateral-window-private.h: what the main window's two files share
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lateral-window.c builds the window and routes its pages;
 * lateral-window-actions.c holds its actions and the drop target.
 */
#pragma once

#include "case/lateral-case-view.h"
#include "case/lateral-summary-page.h"
#include "history/lateral-history-page.h"
#include "home/lateral-home-page.h"
#include "packs/lateral-packs-page.h"
#include "widgets/lateral-lrs-bar.h"
#include "lateral-window.h"
#include "measure/lateral-check-offer.h"

G_BEGIN_DECLS

struct _LateralWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
  GtkWidget            *back_button;
  AdwWindowTitle       *window_title;
  LateralHomePage      *home_page;
  LateralCaseView      *case_view;
  LateralSummaryPage   *summary_page;
  LateralHistoryPage   *history_page;
  LateralPacksPage     *packs_page;
  AdwStatusPage        *error_page;
  LateralCheckOffer    *check_offer;
  LateralLrsBar        *lrs_bar;

  LateralStore         *store;     /* NULL when it could not be opened */
  LateralPackRegistry  *registry;  /* NULL until loaded */
  GtkWindow            *class_results;  /* weak */
  guint                 open_retry_id;  /* retrying a database another program holds */
  guint                 open_tries;

  GCancellable         *cancellable;    /* the loading, cancelled in dispose */
  gboolean              loaded;
  /* Asked for (command line) before the data was loaded. */
  char                 *pending_profile;
  char                 *pending_pack;
  char                 *pending_class;
};

gboolean lateral_window_show_play           (LateralWindow  *self,
                                            LateralPlay    *play,
                                            GError        **error);
void lateral_window_set_page                (LateralWindow  *self,
                                             const char     *name);
void lateral_window_update_header           (LateralWindow  *self);
gboolean lateral_window_open_case_full      (LateralWindow  *self,
                                             const char     *pack_id,
                                             const char     *profile_name,
                                             const char     *class_code,
                                             gboolean        start_over);

void lateral_window_actions_install         (GtkWidgetClass *widget_class);
void lateral_window_actions_add_drop_target (LateralWindow  *self);

G_END_DECLS
