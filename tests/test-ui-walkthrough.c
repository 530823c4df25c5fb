/* test-ui-walkthrough.c: the built-in case played with the keyboard only
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Real key presses (xdotool through XTEST, under Xvfb) go to a real window;
 * afterwards the store, opened anew, must hold what was typed.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "case/lateral-claim-step.h"
#include "home/lateral-home-page.h"
#include "play/lateral-scoring.h"
#include "results/lateral-bundle.h"
#include "lateral-test-case.h"
#include "lateral-test-ui.h"

static gboolean
skip_without_keys (LateralWindow *window)
{
  if (lateral_test_ui_can_send_keys (GTK_WIDGET (window)))
    return FALSE;

  g_test_skip ("needs X11 and xdotool to type real keys");
  gtk_window_destroy (GTK_WINDOW (window));
  return TRUE;
}

static char *
verdict_key (LateralVerdict verdict)
{
  return g_strdup_printf ("%u", (guint) verdict + 1);
}

/* Plays with keys from the current step until @n_claims more claims are
 * answered or the case is over; checks each key did what it says. */
static void
play_with_keys (LateralWindow *window,
                guint          n_claims)
{
  while (n_claims > 0 && g_strcmp0 (lateral_window_get_page_name (window), "case") == 0)
    {
      LateralPlay *play = lateral_test_case_get_play (window);
      const LateralStep *step = lateral_play_get_current_step (play);
      guint position = lateral_play_get_position (play);
      GtkWidget *widget = lateral_case_view_get_step (LATERAL_CASE_VIEW (lateral_window_get_page (window, "case")));

      if (step->type == LATERAL_STEP_CLAIM)
        {
          LateralClaimStep *claim = LATERAL_CLAIM_STEP (widget);
          g_autofree char *key = NULL;
          g_autofree char *certainty_key = NULL;
          LateralVerdict verdict, picked_verdict;
          int certainty, picked_certainty;

          lateral_test_case_plan (step, &verdict, &certainty);
          key = verdict_key (verdict);
          certainty_key = g_strdup_printf ("%d", certainty);

          /* Return before anything is picked locks nothing in. */
          lateral_test_ui_send_keys (GTK_WIDGET (window), "Return");
          g_assert_false (lateral_test_case_is_revealed (window));

          lateral_test_ui_send_keys (GTK_WIDGET (window), key);
          g_assert_true (lateral_claim_step_has_verdict (claim));
          g_assert_false (lateral_claim_step_get_choice (claim, NULL, NULL));

          lateral_test_ui_send_keys (GTK_WIDGET (window), certainty_key);
          g_assert_true (lateral_claim_step_get_choice (claim, &picked_verdict, &picked_certainty));
          g_assert_cmpint (picked_verdict, ==, verdict);
          g_assert_cmpint (picked_certainty, ==, certainty);
          g_assert_false (lateral_test_case_is_revealed (window));

          lateral_test_ui_send_keys (GTK_WIDGET (window), "Return");
          lateral_test_case_wait_revealed (window);
          n_claims--;
          if (n_claims == 0)
            return;
        }

      lateral_test_ui_send_keys (GTK_WIDGET (window), "Return");
      lateral_test_case_wait_step (window, position + 1);
    }
}

static void
assert_stored_answers (LateralStore *window_store,
                       LateralPack  *pack,
                       const char   *profile_name,
                       guint         expected_answers,
                       gboolean      expected_finished)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(LateralProfile) profile = NULL;
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  LateralAttempt *attempt;

  /* A connection of its own: what it sees is on disk, committed. */
  store = lateral_store_open (lateral_store_get_filename (window_store), &error);
  g_assert_no_error (error);
  profile = lateral_store_find_profile (store, profile_name, &error);
  g_assert_no_error (error);
  g_assert_nonnull (profile);

  attempts = lateral_store_list_attempts (store, profile->uuid, lateral_pack_get_id (pack), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (attempts->len, ==, 1);
  attempt = g_ptr_array_index (attempts, 0);
  g_assert_cmpint (attempt->finished_at != 0, ==, expected_finished);

  answers = lateral_store_list_answers (store, attempt->uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, expected_answers);

  for (guint i = 0; i < answers->len; i++)
    {
      const LateralAnswer *answer = g_ptr_array_index (answers, i);
      const LateralStep *step = lateral_pack_find_step (pack, answer->claim_id);
      LateralVerdict verdict;
      int certainty;

      g_assert_nonnull (step);
      lateral_test_case_plan (step, &verdict, &certainty);
      g_assert_cmpint (answer->verdict, ==, verdict);
      g_assert_cmpint (answer->certainty, ==, certainty);
      g_assert_cmpint (answer->correct, ==, lateral_step_accepts (step, verdict));
      g_assert_cmpint (answer->mark, ==, lateral_cbm_mark (lateral_step_accepts (step, verdict), certainty));
    }
}

/* What "Export My Results…" writes: a results bundle with the attempt. */
static void
assert_exported (LateralWindow *window,
                 LateralPack   *pack)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *path = g_build_filename (g_get_tmp_dir (), "lateral-results-test.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  JsonObject *root;
  JsonArray *attempts;

  g_assert_true (lateral_window_export_results (window, file, &error));
  g_assert_no_error (error);

  json_parser_load_from_file (parser, path, &error);
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (root, "format"), ==, LATERAL_BUNDLE_FORMAT);
  attempts = json_object_get_array_member (root, "attempts");
  g_assert_cmpuint (json_array_get_length (attempts), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (json_array_get_object_element (attempts, 0), "answers")),
                    ==, lateral_pack_get_n_claims (pack));
  g_unlink (path);
}

static void
test_whole_case_with_keys (void)
{
  LateralWindow *window = lateral_test_case_open_window (1280, 800);
  LateralPack *pack;

  if (skip_without_keys (window))
    return;

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Test", NULL));
  pack = g_object_ref (lateral_play_get_pack (lateral_test_case_get_play (window)));
  g_assert_cmpuint (lateral_pack_get_n_claims (pack), >=, 3);

  play_with_keys (window, G_MAXUINT);

  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "summary");
  assert_stored_answers (lateral_window_get_store (window), pack, "Test",
                         lateral_pack_get_n_claims (pack), TRUE);
  assert_exported (window, pack);

  g_object_unref (pack);
  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_resume (void)
{
  LateralWindow *window = lateral_test_case_open_window (1280, 800);
  LateralHomePage *home;
  LateralPlay *play;
  const LateralStep *step;
  LateralPack *pack;
  guint answered = 0;

  if (skip_without_keys (window))
    return;

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Resumer", NULL));
  pack = g_object_ref (lateral_play_get_pack (lateral_test_case_get_play (window)));
  play_with_keys (window, 3);
  g_assert_true (lateral_test_case_is_revealed (window));

  /* Closed mid-case, as a person closing the window would. */
  gtk_window_close (GTK_WINDOW (window));
  lateral_test_ui_iterate ();

  window = lateral_test_case_open_window (1280, 800);
  home = LATERAL_HOME_PAGE (lateral_window_get_page (window, "home"));
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "home");
  g_assert_cmpstr (lateral_home_page_get_profile_name (home), ==, "Resumer");
  g_assert_cmpstr (lateral_home_page_get_continue_pack (home), ==, LATERAL_TEST_PACK_ID);

  /* What the Continue row does. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.start-case", "s", LATERAL_TEST_PACK_ID);
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "case");
  play = lateral_test_case_get_play (window);
  g_assert_true (lateral_play_is_resumed (play));
  g_assert_false (lateral_test_case_is_revealed (window));

  /* Right after the third claim: the stories before the fourth are read
   * again, and no answered claim comes back. */
  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *earlier = lateral_pack_get_step (pack, i);
      if (earlier->type == LATERAL_STEP_CLAIM && earlier->claim_index < 3)
        {
          g_assert_nonnull (lateral_play_get_answer (play, earlier->id));
          if (earlier->claim_index == 2)
            g_assert_cmpuint (lateral_play_get_position (play), ==, i + 1);
          answered++;
        }
    }
  g_assert_cmpuint (answered, ==, 3);
  step = lateral_play_get_current_step (play);
  while (step->type != LATERAL_STEP_CLAIM)
    step = lateral_pack_get_step (pack, step->index + 1);
  g_assert_cmpuint (step->claim_index, ==, 3);
  g_assert_null (lateral_play_get_answer (play, step->id));
  assert_stored_answers (lateral_window_get_store (window), pack, "Resumer", 3, FALSE);

  /* The fourth claim is answered into the same attempt. */
  play_with_keys (window, 1);
  assert_stored_answers (lateral_window_get_store (window), pack, "Resumer", 4, FALSE);

  g_object_unref (pack);
  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  LateralStore *store;       /* a connection of its own */
  const char   *attempt_uuid;
  int           n_answers_at_reveal;
} RevealCheck;

/* Runs when any widget is mapped: at the moment the reveal appears, the
 * answer must already be in the database. */
static gboolean
on_widget_mapped (GSignalInvocationHint *hint,
                  guint                  n_params,
                  const GValue          *params,
                  gpointer               data)
{
  RevealCheck *check = data;
  GObject *widget = g_value_get_object (&params[0]);

  if (g_str_equal (G_OBJECT_TYPE_NAME (widget), "LateralReveal") && check->n_answers_at_reveal < 0)
    {
      g_autoptr(GPtrArray) answers = lateral_store_list_answers (check->store, check->attempt_uuid, NULL);

      check->n_answers_at_reveal = answers != NULL ? (int) answers->len : -2;
    }

  return TRUE;
}

static void
test_lock_in_before_reveal (void)
{
  LateralWindow *window = lateral_test_case_open_window (1280, 800);
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  RevealCheck check = { NULL, NULL, -1 };
  LateralPlay *play;
  GtkWidget *claim;
  LateralVerdict verdict;
  int certainty;
  gulong hook;
  guint signal_id;

  if (skip_without_keys (window))
    return;

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Locker", NULL));
  play = lateral_test_case_get_play (window);
  while (lateral_play_get_current_step (play)->type != LATERAL_STEP_CLAIM)
    {
      guint position = lateral_play_get_position (play);
      lateral_test_ui_send_keys (GTK_WIDGET (window), "Return");
      lateral_test_case_wait_step (window, position + 1);
    }

  store = lateral_store_open (lateral_store_get_filename (lateral_window_get_store (window)), &error);
  g_assert_no_error (error);
  check.store = store;
  check.attempt_uuid = lateral_play_get_attempt (play)->uuid;

  /* Picked but not locked in: nothing stored, no reveal anywhere. */
  lateral_test_ui_send_keys (GTK_WIDGET (window), "2 3");
  claim = lateral_case_view_get_step (LATERAL_CASE_VIEW (lateral_window_get_page (window, "case")));
  g_assert_true (lateral_claim_step_get_choice (LATERAL_CLAIM_STEP (claim), NULL, NULL));
  g_assert_null (lateral_claim_step_get_reveal (LATERAL_CLAIM_STEP (claim)));
  answers = lateral_store_list_answers (store, check.attempt_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 0);

  signal_id = g_signal_lookup ("map", GTK_TYPE_WIDGET);
  hook = g_signal_add_emission_hook (signal_id, 0, on_widget_mapped, &check, NULL);
  lateral_test_ui_send_keys (GTK_WIDGET (window), "Return");
  lateral_test_case_wait_revealed (window);
  lateral_test_ui_wait_drawn (lateral_claim_step_get_reveal (LATERAL_CLAIM_STEP (claim)));
  g_signal_remove_emission_hook (signal_id, hook);

  g_assert_cmpint (check.n_answers_at_reveal, ==, 1);
  /* Frozen: the keys change nothing now, and no second answer is taken. */
  lateral_test_ui_send_keys (GTK_WIDGET (window), "1");
  g_assert_true (lateral_claim_step_get_choice (LATERAL_CLAIM_STEP (claim), &verdict, &certainty));
  g_assert_cmpint (verdict, ==, LATERAL_VERDICT_FALSE);
  g_assert_cmpint (certainty, ==, 3);
  gtk_widget_activate_action (lateral_window_get_page (window, "case"), "case.lock-in", NULL);
  g_assert_cmpuint (lateral_play_get_n_answered (play), ==, 1);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* xdotool types into X11 windows. */
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/walkthrough/whole-case-with-keys", test_whole_case_with_keys);
  g_test_add_func ("/ui/walkthrough/resume", test_resume);
  g_test_add_func ("/ui/walkthrough/lock-in-before-reveal", test_lock_in_before_reveal);

  return g_test_run ();
}
