/* lateral-text-row.h: an AdwActionRow whose title and subtitle are plain
 * text, for names and sentences that come from packs, bundles and learners
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

GtkWidget *lateral_text_row_new (const char *title,
                                 const char *subtitle);

G_END_DECLS
