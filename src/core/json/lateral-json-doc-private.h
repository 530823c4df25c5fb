/* lateral-json-doc-private.h: a JSON tree that remembers where each value was
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * json-glib keeps no line numbers per node and silently keeps the last of two
 * members with the same name, so a pack author could not be told where a
 * problem is. This parser builds a read-only tree in one pass, with the
 * position of every value and member name, and enforces the size limits while
 * it reads, so a hostile file never reaches an expensive path. All memory
 * lives in one arena freed with the document.
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  LATERAL_JSON_NULL,
  LATERAL_JSON_BOOLEAN,
  LATERAL_JSON_NUMBER,
  LATERAL_JSON_STRING,
  LATERAL_JSON_ARRAY,
  LATERAL_JSON_OBJECT,
} LateralJsonType;

typedef struct _LateralJsonNode   LateralJsonNode;
typedef struct _LateralJsonMember LateralJsonMember;

struct _LateralJsonNode {
  LateralJsonType  type;
  guint            line;       /* 1-based */
  guint            column;     /* 1-based, in characters */
  guint            n;          /* string length in bytes, number of items or members */
  gboolean         integral;   /* numbers: written without fraction or exponent */
  union {
    gboolean            boolean;
    double              number;
    const char         *string;  /* NUL-terminated, valid UTF-8, no NUL inside */
    LateralJsonNode   **items;
    LateralJsonMember  *members; /* in file order, duplicates kept */
  } v;
};

struct _LateralJsonMember {
  const char      *name;
  guint            line;       /* of the name */
  guint            column;
  LateralJsonNode *value;
};

/* Limits against hostile files (docs/pack-format.md, "Limits"). */
#define LATERAL_JSON_MAX_STRING      20000
#define LATERAL_JSON_MAX_DEPTH       32
#define LATERAL_JSON_MAX_ITEMS       1000    /* any array but the top-level "steps" */
#define LATERAL_JSON_MAX_STEPS       5000
#define LATERAL_JSON_MAX_MEMBERS     1000
#define LATERAL_JSON_MAX_VALUES      1000000

typedef struct {
  guint  line;      /* 0 when unknown */
  guint  column;
  char  *path;      /* where the parser was, "" at the root */
  char  *message;
} LateralJsonError;

typedef struct _LateralJsonDoc LateralJsonDoc;

LateralJsonDoc        *lateral_json_doc_parse      (const char        *data,
                                                    gsize              length,
                                                    LateralJsonError  *error);
const LateralJsonNode *lateral_json_doc_get_root   (LateralJsonDoc    *doc);
void                   lateral_json_doc_free       (LateralJsonDoc    *doc);
void                   lateral_json_error_clear    (LateralJsonError  *error);
const char            *lateral_json_type_name      (LateralJsonType    type);

void                   lateral_json_locate         (const char        *data,
                                                    gsize              offset,
                                                    guint             *line,
                                                    guint             *column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralJsonDoc, lateral_json_doc_free)

G_END_DECLS
