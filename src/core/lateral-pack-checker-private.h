/* lateral-pack-checker-private.h: the walk that checks a pack and builds it
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
  GHashTable   *techniques;     /* id -> node of its first use */
  GHashTable   *step_ids;       /* id -> node */
  gboolean      saturated;
} LateralPackChecker;

typedef struct {
  const char *name;
  gboolean    required;
  const char *hint;             /* what is expected, for a missing member */
} LateralPackField;

#define LATERAL_PACK_MAX_FIELDS 16

void            lateral_pack_checker_report_at       (LateralPackChecker     *c,
                                                      guint                   line,
                                                      guint                   column,
                                                      const char             *format,
                                                      ...) G_GNUC_PRINTF (4, 5);
gsize           lateral_pack_checker_push_name       (LateralPackChecker     *c,
                                                      const char             *name);
gsize           lateral_pack_checker_push_index      (LateralPackChecker     *c,
                                                      guint                   index);
void            lateral_pack_checker_pop             (LateralPackChecker     *c,
                                                      gsize                   mark);
gboolean        lateral_pack_checker_expect_type     (LateralPackChecker     *c,
                                                      const LateralJsonNode  *node,
                                                      LateralJsonType         type,
                                                      const char             *what);
gboolean        lateral_pack_checker_members         (LateralPackChecker     *c,
                                                      const LateralJsonNode  *node,
                                                      const LateralPackField *fields,
                                                      const char             *what,
                                                      const LateralJsonNode **values);
char           *lateral_pack_checker_take_text       (LateralPackChecker     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node);
char           *lateral_pack_checker_take_date       (LateralPackChecker     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node);
char           *lateral_pack_checker_take_url        (LateralPackChecker     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node);
char           *lateral_pack_checker_take_id         (LateralPackChecker     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node);
char          **lateral_pack_checker_take_texts      (LateralPackChecker     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node,
                                                      guint                   min_items,
                                                      gboolean                names);
char          **lateral_pack_checker_take_paragraphs (LateralPackChecker     *c,
                                                      const char             *name,
                                                      const LateralJsonNode  *node,
                                                      guint                   min_items);
LateralSource  *lateral_pack_checker_take_source     (LateralPackChecker     *c,
                                                      const LateralJsonNode  *node);

gboolean        lateral_language_is_valid            (const char             *tag);

void            lateral_pack_check_claim             (LateralPackChecker     *c,
                                                      LateralStep            *step,
                                                      const LateralJsonNode  *v[]);

#define lateral_pack_checker_report(c, node, ...) \
  lateral_pack_checker_report_at ((c), (node)->line, (node)->column, __VA_ARGS__)

G_END_DECLS
