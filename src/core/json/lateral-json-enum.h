/* lateral-json-enum.h: enumerations that JSON files write as names
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Verdicts, the questions a check asks, the kinds of artefact: each is a
 * table of names indexed by its enum, and reading one back is the same
 * search over that table.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean lateral_json_enum_from_name (const char * const *names,
                                      guint               first,
                                      guint               n_names,
                                      const char         *name,
                                      guint              *out_value);

G_END_DECLS
