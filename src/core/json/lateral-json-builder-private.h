/* lateral-json-builder-private.h: members for the JSON the core writes
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Results bundles and reports both write objects whose text members may be
 * absent; absent is written as null, never as "" or a made-up value.
 */
#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

static inline void
lateral_json_add_string (JsonBuilder *builder,
                         const char  *member,
                         const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static inline void
lateral_json_add_int (JsonBuilder *builder,
                      const char  *member,
                      gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

G_END_DECLS
