/* lateral-test-store.h: a store to test or measure against, and the
 * learners, attempts, answers and classes to fill it with
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the core tests and bench/, so that every one of them fills a
 * store through the core's own API (and so its rules) instead of a copy of
 * its SQL. Every helper aborts on an error: a fixture that cannot be built
 * is a failed test, not a skipped one.
 */
#pragma once

#include "store/lateral-store.h"

G_BEGIN_DECLS

/* The seed of a class: n_answers answers to attempts of pack_id, each
 * attempt answering claim_ids in order (a new attempt once they are all
 * answered), by n_learners learners ("Student 0", "Student 1", …) in turn,
 * attempt i in class_codes[i % n] (NULL: no class). Verdicts, certainties
 * and correctness vary deterministically; every full attempt is finished. */
typedef struct {
  const char         *pack_id;
  const char * const *claim_ids;    /* NULL-terminated */
  const char * const *class_codes;  /* NULL-terminated, or NULL */
  guint               n_learners;
  guint               n_answers;
} LateralTestClass;

LateralStore *lateral_test_store_new     (const char          *name);
char         *lateral_test_store_start   (LateralStore        *store,
                                          const char          *learner,
                                          const char          *pack_id,
                                          const char          *class_code);
void          lateral_test_store_answer  (LateralStore        *store,
                                          const char          *attempt_uuid,
                                          const char          *claim_id,
                                          LateralVerdict       verdict,
                                          int                  certainty,
                                          gboolean             correct,
                                          const char          *move);
void          lateral_test_store_finish  (LateralStore        *store,
                                          const char          *attempt_uuid);
guint         lateral_test_store_seed    (LateralStore        *store,
                                          const LateralTestClass *seed);

G_END_DECLS
