/* lateral-window.h
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "lateral-application.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_WINDOW (lateral_window_get_type ())

G_DECLARE_FINAL_TYPE (LateralWindow, lateral_window, LATERAL, WINDOW, AdwApplicationWindow)

LateralWindow *lateral_window_new (LateralApplication *application);

G_END_DECLS
