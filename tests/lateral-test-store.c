/* lateral-test-store.c: temporary stores and their seeding, for the core
 * tests and bench/
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Everything goes through the core's API: the answers a test or benchmark
 * reads back were checked and stored exactly as play stores them.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "play/lateral-scoring.h"
#include "store/lateral-store-transaction.h"
#include "lateral-test-store.h"

/**
 * lateral_test_store_new:
 * @name: the database's file name
 *
 * Opens a new store named @name in the user data folder, which GTest's
 * G_TEST_OPTION_ISOLATE_DIRS makes a fresh folder per test (and bench/ a
 * folder of its own).
 *
 * Returns: (transfer full): the store
 */
LateralStore *
lateral_test_store_new (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  LateralStore *store;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  path = g_build_filename (g_get_user_data_dir (), name, NULL);
  g_assert_false (g_file_test (path, G_FILE_TEST_EXISTS));
  store = lateral_store_open (path, &error);
  g_assert_no_error (error);
  return store;
}

/* Starts an attempt of @pack_id (version 1.0.0) by @learner, who is added
 * when new. Returns: (transfer full): the attempt's uuid */
char *
lateral_test_store_start (LateralStore *store,
                          const char   *learner,
                          const char   *pack_id,
                          const char   *class_code)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralProfile) profile = lateral_store_ensure_profile (store, learner, &error);
  g_autoptr(LateralAttempt) attempt = NULL;

  g_assert_no_error (error);
  attempt = lateral_store_start_attempt (store, profile->uuid, pack_id, "1.0.0", "sha256:aa", class_code, &error);
  g_assert_no_error (error);
  return g_strdup (attempt->uuid);
}

/* Stores one answer, given now and marked by the CBM table; @move may be
 * NULL. */
void
lateral_test_store_answer (LateralStore   *store,
                           const char     *attempt_uuid,
                           const char     *claim_id,
                           LateralVerdict  verdict,
                           int             certainty,
                           gboolean        correct,
                           const char     *move)
{
  g_autoptr(GError) error = NULL;
  const char * const moves[] = { move, NULL };
  LateralAnswer answer = {
    .claim_id = (char *) claim_id,
    .verdict = verdict,
    .certainty = certainty,
    .moves = (char **) moves,
    .time_ms = 4200,
    .answered_at = g_get_real_time () / G_USEC_PER_SEC,  /* after the start, as in play: import checks it */
    .correct = correct,
    .mark = lateral_cbm_mark (correct, certainty),
    .moves_expected = move != NULL ? 1 : 0,
  };

  g_assert_true (lateral_store_add_answer (store, attempt_uuid, &answer, &error));
  g_assert_no_error (error);
}

void
lateral_test_store_finish (LateralStore *store,
                           const char   *attempt_uuid)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (lateral_store_finish_attempt (store, attempt_uuid, &error));
  g_assert_no_error (error);
}

/**
 * lateral_test_store_seed:
 *
 * Fills @store with the class @seed describes. The learners are added one
 * by one (as the home page adds them); the attempts and answers in one
 * transaction, so 100,000 answers take seconds rather than one disk flush
 * each.
 *
 * Returns: the number of attempts started
 */
guint
lateral_test_store_seed (LateralStore           *store,
                         const LateralTestClass *seed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) learners = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_profile_free);
  g_autoptr(LateralStoreTransaction) tx = NULL;
  guint n_claims, n_classes = 0, n_attempts = 0;

  g_assert_nonnull (seed->pack_id);
  g_assert_nonnull (seed->claim_ids);
  n_claims = g_strv_length ((char **) seed->claim_ids);
  g_assert_cmpuint (n_claims, >, 0);
  g_assert_cmpuint (seed->n_learners, >, 0);
  if (seed->class_codes != NULL)
    n_classes = g_strv_length ((char **) seed->class_codes);

  for (guint i = 0; i < seed->n_learners; i++)
    {
      g_autofree char *name = g_strdup_printf ("Student %u", i);
      LateralProfile *profile = lateral_store_ensure_profile (store, name, &error);

      g_assert_no_error (error);
      g_ptr_array_add (learners, profile);
    }

  tx = lateral_store_transaction_begin (store, LATERAL_STORE_WRITE, &error);
  g_assert_no_error (error);
  for (guint i = 0; i * n_claims < seed->n_answers; i++)
    {
      LateralProfile *learner = learners->pdata[i % seed->n_learners];
      const char *class_code = n_classes > 0 ? seed->class_codes[i % n_classes] : NULL;
      g_autoptr(LateralAttempt) attempt = NULL;
      guint k;

      attempt = lateral_store_start_attempt (store, learner->uuid, seed->pack_id, "1.0.0", "sha256:aa",
                                             class_code, &error);
      g_assert_no_error (error);
      n_attempts++;
      for (k = 0; k < n_claims && i * n_claims + k < seed->n_answers; k++)
        {
          LateralVerdict verdict = (i * 7 + k * 3) % LATERAL_N_VERDICTS;
          int certainty = 1 + (i + k) % 3;
          gboolean correct = (i + k) % 3 != 0;

          lateral_test_store_answer (store, attempt->uuid, seed->claim_ids[k], verdict, certainty, correct, NULL);
        }
      if (k == n_claims)
        lateral_test_store_finish (store, attempt->uuid);
    }
  g_assert_true (lateral_store_transaction_commit (tx, &error));
  g_assert_no_error (error);

  return n_attempts;
}
