/* lateral-application.h: LateralApplication, the GtkApplication of Lateral
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define LATERAL_TYPE_APPLICATION (lateral_application_get_type ())

G_DECLARE_FINAL_TYPE (LateralApplication, lateral_application, LATERAL, APPLICATION, AdwApplication)

LateralApplication *lateral_application_new          (void);
GSettings          *lateral_application_get_settings (LateralApplication *self);

G_END_DECLS
