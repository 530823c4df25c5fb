/* lateral-format.h: how the app words marks, dates and certainty levels
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char       *lateral_format_mark            (int         mark);
char       *lateral_format_date            (const char *iso_date);
char       *lateral_format_timestamp       (gint64      unix_seconds);
const char *lateral_format_certainty       (int         certainty);

G_END_DECLS
