/* lateral-json-parser-private.h: the state of one parse
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lateral-json-doc.c builds the tree (objects, lists, limits, positions);
 * lateral-json-scanner.c reads the scalars (text, numbers, literals).
 */
#pragma once

#include "lateral-json-doc-private.h"

G_BEGIN_DECLS

struct _LateralJsonDoc {
  GPtrArray       *blocks;
  char            *cursor;     /* free space in the current block */
  gsize            left;
  LateralJsonNode *root;
};

typedef struct {
  const char *name;            /* NULL for a list item */
  guint       index;
} LateralJsonPathEntry;

typedef struct {
  LateralJsonDoc       *doc;
  const char           *start;
  const char           *p;
  const char           *end;
  guint                 line;
  const char           *col_ptr;   /* the column of col_ptr is col: positions are asked in file order */
  guint                 col;
  guint                 depth;
  guint                 n_values;
  LateralJsonPathEntry  path[LATERAL_JSON_MAX_DEPTH + 1];
  GPtrArray            *items;     /* scratch stack of children being collected */
  GArray               *members;
  LateralJsonError     *error;
  gboolean              failed;
} LateralJsonParser;

gpointer         lateral_json_doc_alloc            (LateralJsonDoc    *doc,
                                                    gsize              size);
gboolean         lateral_json_parser_fail          (LateralJsonParser *self,
                                                    const char        *at,
                                                    const char        *format,
                                                    ...) G_GNUC_PRINTF (3, 4);
gboolean         lateral_json_parser_fail_expected (LateralJsonParser *self,
                                                    const char        *expected);
LateralJsonNode *lateral_json_parser_new_node      (LateralJsonParser *self,
                                                    LateralJsonType    type,
                                                    const char        *at);

const char      *lateral_json_parser_read_string   (LateralJsonParser *self,
                                                    guint             *out_length);
LateralJsonNode *lateral_json_parser_read_number   (LateralJsonParser *self);
LateralJsonNode *lateral_json_parser_read_literal  (LateralJsonParser *self,
                                                    const char        *word,
                                                    LateralJsonType    type,
                                                    gboolean           value);

G_END_DECLS
