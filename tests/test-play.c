/* test-play.c: one learner playing one pack, through the core only
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>

#include "play/lateral-play.h"
#include "store/lateral-store-private.h"

/* tests/play/mini-case.json: intro (story), the-call (claim, moves;
 * unverified, false also accepted), denial (story), prank (claim, true),
 * photo (claim, misleading). */
static LateralPack *
load_mini_case (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "play", "mini-case.json", NULL);
  g_autoptr(GError) error = NULL;
  LateralPack *pack = lateral_pack_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return pack;
}

/* The mini case with the "photo" claim taken out: a pack that changed
 * under an unfinished attempt. */
static LateralPack *
load_changed_case (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "play", "mini-case.json", NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = NULL;
  JsonArray *steps;
  char *text;
  LateralPack *pack;

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  steps = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)), "steps");
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (steps, 4), "id"), ==, "photo");
  json_array_remove_element (steps, 4);
  text = json_to_string (json_parser_get_root (parser), TRUE);
  bytes = g_bytes_new_take (text, strlen (text));

  pack = lateral_pack_load_bytes (bytes, "changed.json", NULL, &error);
  g_assert_no_error (error);
  return pack;
}

static LateralStore *
open_store (void)
{
  g_autoptr(GError) error = NULL;
  LateralStore *store = lateral_store_open (NULL, &error);

  g_assert_no_error (error);
  return store;
}

static void
test_walk (void)
{
  g_autoptr(LateralStore) store = open_store ();
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) play = lateral_play_new (store, pack, "Ana", "7B", &error);
  g_autoptr(GPtrArray) answers = NULL;
  const char * const moves[] = { "second-source", "count-likes", NULL };
  g_autofree char *finished_uuid = NULL;
  const LateralAnswer *answer;
  LateralAttempt *attempt;
  int best = 0;

  g_assert_no_error (error);
  g_assert_false (lateral_play_is_resumed (play));
  g_assert_false (lateral_play_is_preview (play));
  g_assert_cmpuint (lateral_play_get_position (play), ==, 0);
  g_assert_cmpstr (lateral_play_get_current_step (play)->id, ==, "intro");
  attempt = lateral_play_get_attempt (play);
  g_assert_cmpstr (attempt->pack_id, ==, "org.example.mini-case");
  g_assert_cmpstr (attempt->pack_hash, ==, lateral_pack_get_content_hash (pack));
  g_assert_cmpstr (attempt->class_code, ==, "7B");
  g_assert_cmpstr (lateral_play_get_profile (play)->name, ==, "Ana");

  /* A story step has no claim to answer. */
  g_assert_null (lateral_play_answer (play, LATERAL_VERDICT_TRUE, 1, NULL, 0, &error));
  g_assert_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_NOT_A_CLAIM);
  g_clear_error (&error);

  /* Skipping ahead is not allowed when recording. */
  g_assert_false (lateral_play_go_to (play, 3));
  g_assert_true (lateral_play_advance (play, &error));
  g_assert_cmpstr (lateral_play_get_current_step (play)->id, ==, "the-call");

  /* A claim needs its answer before the case goes on. */
  g_assert_false (lateral_play_advance (play, &error));
  g_assert_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_NOT_ANSWERED);
  g_clear_error (&error);

  /* Bad answers are refused and nothing is stored. */
  g_assert_null (lateral_play_answer (play, LATERAL_VERDICT_FALSE, 4, NULL, 0, &error));
  g_assert_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID);
  g_clear_error (&error);
  {
    const char * const unknown[] = { "read-tea-leaves", NULL };
    const char * const twice[] = { "ask-office", "ask-office", NULL };

    g_assert_null (lateral_play_answer (play, LATERAL_VERDICT_FALSE, 2, unknown, 0, &error));
    g_assert_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "second-source, ask-office, count-likes"));
    g_clear_error (&error);
    g_assert_null (lateral_play_answer (play, LATERAL_VERDICT_FALSE, 2, twice, 0, &error));
    g_assert_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_assert_null (lateral_play_get_answer (play, "the-call"));

  /* "false" is also accepted for this claim. */
  answer = lateral_play_answer (play, LATERAL_VERDICT_FALSE, 3, moves, 1500, &error);
  g_assert_no_error (error);
  g_assert_true (answer->correct);
  g_assert_cmpint (answer->mark, ==, 3);
  g_assert_cmpuint (answer->moves_expected, ==, 1);
  g_assert_cmpuint (answer->moves_unexpected, ==, 1);
  g_assert_cmpuint (answer->time_ms, ==, 1500);
  g_assert_true (lateral_play_get_answer (play, "the-call") == answer);

  /* Stored by the time it was returned. */
  answers = lateral_store_list_answers (store, attempt->uuid, &error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (((LateralAnswer *) answers->pdata[0])->claim_id, ==, "the-call");
  g_assert_cmpstrv (((LateralAnswer *) answers->pdata[0])->moves, moves);

  /* Answers are final. */
  g_assert_null (lateral_play_answer (play, LATERAL_VERDICT_UNVERIFIED, 1, NULL, 0, &error));
  g_assert_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_ALREADY_ANSWERED);
  g_clear_error (&error);

  g_assert_true (lateral_play_advance (play, &error));
  g_assert_true (lateral_play_advance (play, &error));
  g_assert_cmpstr (lateral_play_get_current_step (play)->id, ==, "prank");
  /* Going back to reread is fine, and forward again up to where we were. */
  g_assert_true (lateral_play_go_to (play, 1));
  g_assert_true (lateral_play_go_to (play, 3));
  g_assert_nonnull (lateral_play_answer (play, LATERAL_VERDICT_FALSE, 2, NULL, 0, &error));
  g_assert_true (lateral_play_advance (play, &error));
  answer = lateral_play_answer (play, LATERAL_VERDICT_MISLEADING, 1, NULL, 0, &error);
  g_assert_no_error (error);
  g_assert_true (answer->correct);

  g_assert_cmpuint (attempt->n_answers, ==, 3);
  g_assert_cmpuint (attempt->n_correct, ==, 2);
  g_assert_cmpint (attempt->total_mark, ==, 3 - 2 + 1);

  /* The end: finished once. */
  g_assert_false (lateral_store_get_best_mark (store, attempt->profile_uuid, attempt->pack_id, &best, NULL));
  g_assert_false (lateral_play_advance (play, &error));
  g_assert_no_error (error);
  g_assert_true (lateral_play_is_finished (play));
  g_assert_cmpint (attempt->finished_at, >, 0);
  g_assert_false (lateral_play_advance (play, &error));
  g_assert_no_error (error);
  g_assert_true (lateral_store_get_best_mark (store, attempt->profile_uuid, attempt->pack_id, &best, NULL));
  g_assert_cmpint (best, ==, 2);
  g_assert_null (lateral_play_answer (play, LATERAL_VERDICT_TRUE, 1, NULL, 0, &error));
  g_assert_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_FINISHED);
  g_clear_error (&error);

  /* Playing again starts a new attempt. */
  finished_uuid = g_strdup (attempt->uuid);
  g_clear_object (&play);
  play = lateral_play_new (store, pack, "Ana", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lateral_play_is_resumed (play));
  g_assert_cmpstr (lateral_play_get_attempt (play)->uuid, !=, finished_uuid);
}

static void
test_resume (void)
{
  g_autoptr(LateralStore) store = open_store ();
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(LateralPack) changed = load_changed_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) play = lateral_play_new (store, pack, "Ben", NULL, &error);
  g_autoptr(LateralPlay) other = NULL;
  g_autofree char *attempt_uuid = g_strdup (lateral_play_get_attempt (play)->uuid);

  g_assert_cmpstr (lateral_pack_get_content_hash (pack), !=, lateral_pack_get_content_hash (changed));

  g_assert_true (lateral_play_advance (play, &error));
  g_assert_nonnull (lateral_play_answer (play, LATERAL_VERDICT_TRUE, 1, NULL, 10, &error));
  g_assert_true (lateral_play_advance (play, &error));
  g_clear_object (&play);

  /* Another learner's attempt is theirs alone. */
  other = lateral_play_new (store, pack, "Cleo", NULL, &error);
  g_assert_false (lateral_play_is_resumed (other));

  /* Back after a break: after the last answered claim, on the story. */
  play = lateral_play_new (store, pack, "Ben", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lateral_play_is_resumed (play));
  g_assert_cmpstr (lateral_play_get_attempt (play)->uuid, ==, attempt_uuid);
  g_assert_cmpuint (lateral_play_get_position (play), ==, 2);
  g_assert_nonnull (lateral_play_get_answer (play, "the-call"));
  g_assert_true (lateral_play_advance (play, &error));
  g_assert_nonnull (lateral_play_answer (play, LATERAL_VERDICT_TRUE, 2, NULL, 10, &error));
  g_assert_true (lateral_play_advance (play, &error));
  g_assert_nonnull (lateral_play_answer (play, LATERAL_VERDICT_TRUE, 2, NULL, 10, &error));
  g_clear_object (&play);

  /* The pack changed and lost the "photo" claim: still resumed, the answer
   * to it kept, positioned on the last step as every remaining claim is done. */
  play = lateral_play_new (store, changed, "Ben", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lateral_play_is_resumed (play));
  g_assert_cmpuint (lateral_play_get_n_answered (play), ==, 3);
  g_assert_nonnull (lateral_play_get_answer (play, "photo"));
  g_assert_cmpuint (lateral_play_get_position (play), ==, 3);
  g_assert_false (lateral_play_advance (play, &error));
  g_assert_no_error (error);
  g_assert_true (lateral_play_is_finished (play));
  g_assert_cmpuint (lateral_play_get_attempt (play)->n_answers, ==, 3);
}

/* Start Over: a new attempt at step 0; the unfinished one keeps every
 * answer, stays unfinished, and is no longer the one resumed. */
static void
test_start_over (void)
{
  g_autoptr(LateralStore) store = open_store ();
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) play = lateral_play_new (store, pack, "Dana", NULL, &error);
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(LateralAttempt) old = NULL;
  g_autofree char *old_uuid = g_strdup (lateral_play_get_attempt (play)->uuid);
  g_autofree char *new_uuid = NULL;

  g_assert_true (lateral_play_advance (play, &error));
  g_assert_nonnull (lateral_play_answer (play, LATERAL_VERDICT_FALSE, 3, NULL, 10, &error));
  g_clear_object (&play);

  play = lateral_play_new_start_over (store, pack, "Dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_false (lateral_play_is_resumed (play));
  g_assert_cmpuint (lateral_play_get_position (play), ==, 0);
  g_assert_cmpuint (lateral_play_get_n_answered (play), ==, 0);
  new_uuid = g_strdup (lateral_play_get_attempt (play)->uuid);
  g_assert_cmpstr (new_uuid, !=, old_uuid);
  g_clear_object (&play);

  old = lateral_store_get_attempt (store, old_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->finished_at, ==, 0);
  answers = lateral_store_list_answers (store, old_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);
  g_assert_cmpstr (((LateralAnswer *) g_ptr_array_index (answers, 0))->claim_id, ==, "the-call");

  /* The old attempt opens again as it was left, for its summary. */
  play = lateral_play_open_attempt (store, pack, old_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lateral_play_get_attempt (play)->uuid, ==, old_uuid);
  g_assert_cmpuint (lateral_play_get_n_answered (play), ==, 1);
  g_assert_cmpint (lateral_play_get_answer (play, "the-call")->verdict, ==, LATERAL_VERDICT_FALSE);
  g_clear_object (&play);
  g_assert_null (lateral_play_open_attempt (store, pack, "no-such-attempt", &error));
  g_assert_nonnull (error);
  g_clear_error (&error);

  /* Next time the new attempt is the one resumed. */
  play = lateral_play_new (store, pack, "Dana", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lateral_play_is_resumed (play));
  g_assert_cmpstr (lateral_play_get_attempt (play)->uuid, ==, new_uuid);
}

static void
test_preview (void)
{
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) play = lateral_play_new (NULL, pack, NULL, NULL, &error);
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GPtrArray) profiles = NULL;

  g_assert_no_error (error);
  g_assert_true (lateral_play_is_preview (play));
  g_assert_null (lateral_play_get_attempt (play));
  g_assert_null (lateral_play_get_store (play));

  /* Jump anywhere, answer, move on without answering. */
  g_assert_true (lateral_play_go_to (play, 4));
  g_assert_false (lateral_play_go_to (play, 5));
  g_assert_nonnull (lateral_play_answer (play, LATERAL_VERDICT_MISLEADING, 3, NULL, 0, &error));
  g_assert_true (lateral_play_go_to (play, 1));
  g_assert_true (lateral_play_advance (play, &error));
  g_assert_no_error (error);
  g_assert_true (lateral_play_go_to (play, 4));
  g_assert_false (lateral_play_advance (play, &error));
  g_assert_no_error (error);
  g_assert_true (lateral_play_is_finished (play));

  /* Nothing was recorded anywhere. */
  store = open_store ();
  profiles = lateral_store_list_profiles (store, &error);
  g_assert_cmpuint (profiles->len, ==, 0);
}

/* The same attempt open in two places (the app and lateral-cli play): the
 * claim answered in one is refused in the other, which then takes the
 * stored answer (the first one counts) and moves on. */
static void
test_answered_elsewhere (void)
{
  g_autoptr(LateralStore) store = open_store ();
  g_autoptr(LateralPack) pack = load_mini_case ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) app = lateral_play_new (store, pack, "Ana", NULL, &error);
  g_autoptr(LateralPlay) cli = NULL;
  const LateralAnswer *taken;

  g_assert_true (lateral_play_advance (app, &error));
  cli = lateral_play_new (store, pack, "Ana", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lateral_play_is_resumed (cli));
  g_assert_true (lateral_play_advance (cli, &error));

  g_assert_nonnull (lateral_play_answer (cli, LATERAL_VERDICT_FALSE, 3, NULL, 10, &error));
  g_assert_null (lateral_play_answer (app, LATERAL_VERDICT_TRUE, 1, NULL, 10, &error));
  g_assert_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_ALREADY_ANSWERED);
  g_clear_error (&error);

  taken = lateral_play_take_stored_answer (app, &error);
  g_assert_no_error (error);
  g_assert_nonnull (taken);
  g_assert_cmpint (taken->verdict, ==, LATERAL_VERDICT_FALSE);
  g_assert_cmpint (taken->certainty, ==, 3);
  g_assert_cmpuint (lateral_play_get_attempt (app)->n_answers, ==, 1);
  /* And on to the next step, as after any answer. */
  g_assert_true (lateral_play_advance (app, &error));
  g_assert_no_error (error);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/play/walk", test_walk);
  g_test_add_func ("/play/resume", test_resume);
  g_test_add_func ("/play/answered-elsewhere", test_answered_elsewhere);
  g_test_add_func ("/play/start-over", test_start_over);
  g_test_add_func ("/play/preview", test_preview);

  return g_test_run ();
}
