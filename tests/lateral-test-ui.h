/* lateral-test-ui.h: helpers for tests that drive real windows
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lateral-application.h"
#include "lateral-window.h"

G_BEGIN_DECLS

void                lateral_test_ui_init             (int        *argc,
                                                      char     ***argv);
LateralApplication *lateral_test_ui_application_new  (void);
LateralWindow      *lateral_test_ui_window_new       (LateralApplication *app);
void                lateral_test_ui_wait_drawn       (GtkWidget  *widget);
void                lateral_test_ui_iterate          (void);
gboolean            lateral_test_ui_wait_until       (GSourceFunc condition,
                                                      gpointer    data,
                                                      guint       timeout_ms);
gboolean            lateral_test_ui_can_send_keys    (GtkWidget  *window);
void                lateral_test_ui_send_keys        (GtkWidget  *window,
                                                      const char *keys);

void                lateral_test_ui_check_gap        (const char *what,
                                                      gint64      longest_us,
                                                      gint64      limit_us);

G_END_DECLS
