/* lateral-json-writer.h: writing a json-glib tree as a pack file is written
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case editor (issue 16) saves packs through this writer, so a file it
 * writes looks like the built-in ones: see lateral-json-writer.c.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

char     *lateral_json_write_string (JsonNode    *root);
gboolean  lateral_json_write_file   (JsonNode    *root,
                                     const char  *filename,
                                     GError     **error);

G_END_DECLS
