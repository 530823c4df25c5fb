/* lateral-pack-reader-private.h: the walk that checks a pack and builds it
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "lateral-pack-private.h"

G_BEGIN_DECLS

typedef struct {
  const char   *filename;
  char         *pack_dir;       /* resolved, nullable */
  GPtrArray    *diagnostics;
  GString      *path;           /* where the walk is, such as steps[3].reveal */
  LateralPack  *pack;
  guint         format_version; /* 1 or 2: which members and rules apply */
  GHashTable   *techniques;     /* id -> node of its first use */
  GHashTable   *habits;         /* id -> node of its first use */
  GHashTable   *step_ids;       /* id -> node */
  GHashTable   *artefact_ids;   /* id -> LateralArtefact, of the steps walked so far */
  GHashTable   *places;         /* model pointer -> LateralPackPlace, for the date rules */
  gboolean      saturated;
} LateralPackReader;

/* Where a value of the model was read, so rules checked after the walk
 * can still say FILE:LINE:COL and the JSON path. */
typedef struct {
  guint  line;
  guint  column;
  char  *path;
} LateralPackPlace;

typedef struct {
  const char *name;
  gboolean    required;         /* in the formats that have the member */
  const char *hint;             /* what is expected, for a missing member */
  guint8      since;            /* first format version with the member; 0 = 1 */
  guint8      until;            /* last format version with it; 0 = the latest */
} LateralPackField;

#define LATERAL_PACK_MAX_FIELDS 16

void            lateral_pack_reader_report_at       (LateralPackReader     *c,
                                                      guint                   line,
                                                      guint                   column,
                                                      const char             *format,
                                                      ...) G_GNUC_PRINTF (4, 5);
gsize           lateral_pack_reader_push_name       (LateralPackReader     *c,
                                                      const char             *name);
gsize           lateral_pack_reader_push_index      (LateralPackReader     *c,
                                                      guint                   index);
void            lateral_pack_reader_pop             (LateralPackReader     *c,
                                                      gsize                   mark);
gboolean        lateral_pack_reader_expect_type     (LateralPackReader     *c,
                                                      const LateralJsonNode  *node,
                                                      LateralJsonType         type,
                                                      const char             *what);
gboolean        lateral_pack_reader_members         (LateralPackReader     *c,
                                                      const LateralJsonNode  *node,
                                                      const LateralPackField *fields,
                                                      const char             *what,
                                                      const LateralJsonNode **values);
char           *lateral_pack_reader_take_text       (LateralPackReader     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node);
char           *lateral_pack_reader_take_date       (LateralPackReader     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node);
char           *lateral_pack_reader_take_url        (LateralPackReader     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node);
char           *lateral_pack_reader_take_id         (LateralPackReader     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node);
char          **lateral_pack_reader_take_texts      (LateralPackReader     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node,
                                                      guint                   min_items,
                                                      gboolean                names);
char          **lateral_pack_reader_take_paragraphs (LateralPackReader     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node,
                                                      guint                   min_items);
LateralSource  *lateral_pack_reader_take_source     (LateralPackReader     *c,
                                                      const LateralJsonNode  *node);

gboolean        lateral_language_is_valid            (const char             *tag);

void            lateral_pack_rules_claim             (LateralPackReader     *c,
                                                      LateralStep            *step,
                                                      const LateralJsonNode  *v[]);

void            lateral_pack_reader_report_rule     (LateralPackReader     *c,
                                                      const LateralPackPlace *place,
                                                      const char             *format,
                                                      ...) G_GNUC_PRINTF (3, 4);
void            lateral_pack_reader_remember        (LateralPackReader     *c,
                                                      gconstpointer           key,
                                                      const LateralJsonNode  *node,
                                                      const char             *name);
const LateralPackPlace *lateral_pack_reader_place   (LateralPackReader     *c,
                                                      gconstpointer           key);
char           *lateral_pack_reader_take_moment     (LateralPackReader     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node,
                                                      gboolean                allow_time,
                                                      LateralMoment          *out);
LateralImage   *lateral_pack_reader_take_image      (LateralPackReader     *c,
                                                      const LateralJsonNode  *node);
char          **lateral_pack_reader_take_glossary_ids (LateralPackReader   *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node,
                                                      gboolean                habits);
const char     *lateral_pack_reader_closest_id      (const char             *id,
                                                      GPtrArray              *glossary);
const LateralJsonNode *lateral_pack_reader_find_member (const LateralJsonNode *object,
                                                      const char             *name);

LateralArtefact *lateral_pack_rules_artefact        (LateralPackReader     *c,
                                                      const LateralJsonNode  *node);
void            lateral_pack_rules_dates            (LateralPackReader     *c);
void            lateral_pack_rules_authoring        (LateralPackReader     *c,
                                                      const LateralJsonNode  *root);
void            lateral_pack_rules_step_artefact    (LateralPackReader     *c,
                                                      LateralStep            *step,
                                                      const LateralJsonNode  *artefact,
                                                      const LateralJsonNode  *artefact_ref);

#define lateral_pack_reader_report(c, node, ...) \
  lateral_pack_reader_report_at ((c), (node)->line, (node)->column, __VA_ARGS__)

G_END_DECLS
