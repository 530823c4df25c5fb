/* lateral-json-files.h: the JSON files of a folder, in a stable order
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

GPtrArray *lateral_json_list_files (const char  *folder,
                                    GError     **error);

G_END_DECLS
