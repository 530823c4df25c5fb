/* test-ui-quick-check.c: the MIST-20 before and after a case, in the app
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A learner's first attempt at the built-in case offers the quick check;
 * they take it (all 20 headlines, in a random order, never the same twice
 * in a sitting), play the whole case, take it again when the case ends, and
 * both sittings are in their database with the right scores; the result
 * page shows the change. A second learner says "Not Now": nothing stored,
 * the case goes on, and a second attempt is not offered the check again.
 * Then the keys: Return starts, 1 is Real and 2 is Fake whatever the
 * buttons' order, and the window fits 360 px.
 */
#include "config.h"

#include "case/lateral-claim-step.h"
#include "measure/lateral-quick-check.h"
#include "store/lateral-store-measures.h"
#include "lateral-test-case.h"
#include "lateral-test-ui.h"
#include "lateral-window-private.h"

static gboolean
offer_settled (gpointer data)
{
  return !lateral_check_offer_is_busy (data);
}

static gboolean
is_saved (gpointer data)
{
  return lateral_quick_check_is_saved (data);
}

static GPtrArray *
sessions_of (LateralWindow *window,
             const char    *profile_uuid)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *sessions = lateral_store_list_measure_sessions (lateral_window_get_store (window),
                                                            profile_uuid, NULL, NULL, &error);

  g_assert_no_error (error);
  return sessions;
}

/* Answers every headline through the window's actions: right ones when
 * @n_wrong is 0, else the first @n_wrong wrong. Checks that each headline
 * comes once. */
static void
sit (LateralQuickCheck *check,
     guint              n_wrong)
{
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  guint k = 0;

  g_assert_cmpstr (lateral_quick_check_get_page (check), ==, "intro");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), "check.start", NULL));
  while (g_strcmp0 (lateral_quick_check_get_page (check), "item") == 0)
    {
      const LateralMeasureItem *item = lateral_quick_check_get_item (check);
      gboolean say_real = k < n_wrong ? !item->real : item->real;

      g_assert_true (g_hash_table_add (seen, item->id));
      g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), say_real ? "check.real" : "check.fake", NULL));
      k++;
    }
  g_assert_cmpuint (k, ==, 20);
  g_assert_true (lateral_test_ui_wait_until (is_saved, check, 30000));
  g_assert_cmpstr (lateral_quick_check_get_page (check), ==, "result");
}

static void
play_to_the_end (LateralWindow *window)
{
  GtkWidget *case_view = lateral_window_get_page (window, "case");

  while (g_strcmp0 (lateral_window_get_page_name (window), "case") == 0)
    {
      const LateralStep *step = lateral_test_case_get_step (window);

      if (step->type == LATERAL_STEP_CLAIM && !lateral_test_case_is_revealed (window))
        {
          LateralClaimStep *claim = LATERAL_CLAIM_STEP (lateral_case_view_get_step (LATERAL_CASE_VIEW (case_view)));
          LateralVerdict verdict;
          int certainty;

          /* The offer of the check before the case is gone by the first claim. */
          g_assert_false (lateral_check_offer_is_shown (window->check_offer));
          lateral_test_case_plan (step, &verdict, &certainty);
          lateral_claim_step_pick_verdict (claim, verdict);
          lateral_claim_step_pick_certainty (claim, certainty);
          g_assert_true (gtk_widget_activate_action (case_view, "case.lock-in", NULL));
          g_assert_true (lateral_test_case_is_revealed (window));
        }
      g_assert_true (gtk_widget_activate_action (case_view, "case.continue", NULL));
    }
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "summary");
}

/* Whether some label under @widget reads exactly @text. */
static gboolean
shows_text (GtkWidget  *widget,
            const char *text)
{
  if (GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_text (child, text))
      return TRUE;
  return FALSE;
}

static void
test_before_and_after (void)
{
  LateralWindow *window = lateral_test_case_open_window (400, 800);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *attempt_uuid = NULL;
  g_autofree char *profile_uuid = NULL;
  LateralQuickCheck *check;
  LateralMeasureScore score;

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Quinn", NULL));
  attempt_uuid = g_strdup (lateral_play_get_attempt (lateral_test_case_get_play (window))->uuid);
  profile_uuid = g_strdup (lateral_play_get_attempt (lateral_test_case_get_play (window))->profile_uuid);

  /* The first attempt: offered, without taking the focus from the case. */
  g_assert_true (lateral_test_ui_wait_until (offer_settled, window->check_offer, 30000));
  g_assert_true (lateral_check_offer_is_shown (window->check_offer));
  check = LATERAL_QUICK_CHECK (lateral_check_offer_take (window->check_offer));
  g_assert_nonnull (check);
  g_assert_false (lateral_check_offer_is_shown (window->check_offer));
  g_assert_true (gtk_window_get_modal (GTK_WINDOW (check)));
  sit (check, 5);
  sessions = sessions_of (window, profile_uuid);
  g_assert_cmpuint (sessions->len, ==, 1);
  {
    LateralMeasureSession *before = g_ptr_array_index (sessions, 0);

    g_assert_cmpint (before->when, ==, LATERAL_MEASURE_BEFORE);
    g_assert_cmpstr (before->attempt_uuid, ==, attempt_uuid);
    g_assert_cmpstr (before->pack_id, ==, LATERAL_TEST_PACK_ID);
    g_assert_cmpuint (before->answers->len, ==, 20);
    lateral_measure_session_score (before, &score);
    g_assert_cmpuint (score.V, ==, 15);
  }
  g_clear_pointer (&sessions, g_ptr_array_unref);
  gtk_window_destroy (GTK_WINDOW (check));

  /* The whole case, then the check after it. */
  play_to_the_end (window);
  g_assert_true (lateral_test_ui_wait_until (offer_settled, window->check_offer, 30000));
  g_assert_true (lateral_check_offer_is_shown (window->check_offer));
  check = LATERAL_QUICK_CHECK (lateral_check_offer_take (window->check_offer));
  sit (check, 2);
  sessions = sessions_of (window, profile_uuid);
  g_assert_cmpuint (sessions->len, ==, 2);
  {
    LateralMeasureSession *first = g_ptr_array_index (sessions, 0);
    LateralMeasureSession *after = first->when == LATERAL_MEASURE_AFTER ? first : g_ptr_array_index (sessions, 1);

    g_assert_cmpint (after->when, ==, LATERAL_MEASURE_AFTER);
    g_assert_cmpstr (after->attempt_uuid, ==, attempt_uuid);
    lateral_measure_session_score (after, &score);
    g_assert_cmpuint (score.V, ==, 18);
  }
  /* The learner sees their change: 15 → 18. */
  g_assert_true (shows_text (GTK_WIDGET (check), "Since Your Check Before the Case"));
  gtk_window_destroy (GTK_WINDOW (check));

  /* Done for this attempt: the summary again offers nothing. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-home", NULL);
  g_assert_false (lateral_check_offer_is_shown (window->check_offer));

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_not_now (void)
{
  LateralWindow *window = lateral_test_case_open_window (400, 800);
  g_autoptr(GPtrArray) sessions = NULL;
  g_autofree char *profile_uuid = NULL;
  LateralQuickCheck *check;

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Rosa", NULL));
  profile_uuid = g_strdup (lateral_play_get_attempt (lateral_test_case_get_play (window))->profile_uuid);
  g_assert_true (lateral_test_ui_wait_until (offer_settled, window->check_offer, 30000));
  g_assert_true (lateral_check_offer_is_shown (window->check_offer));

  /* Opened, two headlines answered, closed: nothing kept. */
  check = LATERAL_QUICK_CHECK (lateral_check_offer_take (window->check_offer));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), "check.start", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), "check.real", NULL));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (check), "check.fake", NULL));
  gtk_window_close (GTK_WINDOW (check));
  lateral_test_ui_iterate ();
  sessions = sessions_of (window, profile_uuid);
  g_assert_cmpuint (sessions->len, ==, 0);

  /* The case goes on, step by step. */
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "case");
  g_assert_true (gtk_widget_activate_action (lateral_window_get_page (window, "case"), "case.continue", NULL));
  g_assert_cmpuint (lateral_play_get_position (lateral_test_case_get_play (window)), ==, 1);

  /* A new attempt (Start Over) is not the first: no offer. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-over", "s", LATERAL_TEST_PACK_ID));
  g_assert_true (lateral_test_ui_wait_until (offer_settled, window->check_offer, 30000));
  g_assert_false (lateral_check_offer_is_shown (window->check_offer));

  /* Unless a teacher asked for it (`lateral --measure mist-20`). */
  lateral_window_set_measure (window, "mist-20");
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.start-over", "s", LATERAL_TEST_PACK_ID));
  g_assert_true (lateral_test_ui_wait_until (offer_settled, window->check_offer, 30000));
  g_assert_true (lateral_check_offer_is_shown (window->check_offer));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* Return, then 1 = Real and 2 = Fake, typed; the window at 360 px. */
static void
test_keys (void)
{
  LateralWindow *window = lateral_test_case_open_window (400, 800);
  LateralQuickCheck *check;
  const LateralMeasureSession *session;
  const LateralMeasureAnswer *first;
  const LateralMeasureAnswer *second;

  if (!lateral_test_ui_can_send_keys (GTK_WIDGET (window)))
    {
      gtk_window_destroy (GTK_WINDOW (window));
      g_test_skip ("no way to type keys here");
      return;
    }

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Sam", NULL));
  g_assert_true (lateral_test_ui_wait_until (offer_settled, window->check_offer, 30000));
  check = LATERAL_QUICK_CHECK (lateral_check_offer_take (window->check_offer));
  gtk_window_set_default_size (GTK_WINDOW (check), 360, 640);
  lateral_test_ui_wait_drawn (GTK_WIDGET (check));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (check)), <=, 360);

  lateral_test_ui_send_keys (GTK_WIDGET (check), "Return");
  g_assert_cmpstr (lateral_quick_check_get_page (check), ==, "item");
  lateral_test_ui_send_keys (GTK_WIDGET (check), "1 2");
  session = lateral_quick_check_get_session (check);
  g_assert_cmpuint (session->answers->len, ==, 2);
  first = g_ptr_array_index (session->answers, 0);
  second = g_ptr_array_index (session->answers, 1);
  g_assert_true (first->said_real);
  g_assert_false (second->said_real);

  /* Escape closes it, keeping nothing (the keys are sent through the main
   * window, which stays: the check is modal on it and has the focus). */
  g_object_add_weak_pointer (G_OBJECT (check), (gpointer *) &check);
  gtk_widget_activate_action (GTK_WIDGET (check), "window.close", NULL);
  lateral_test_ui_iterate ();
  g_assert_null (check);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* xdotool types into X11 windows. */
  g_setenv ("GDK_BACKEND", "x11", TRUE);
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/quick-check/before-and-after", test_before_and_after);
  g_test_add_func ("/ui/quick-check/not-now", test_not_now);
  g_test_add_func ("/ui/quick-check/keys", test_keys);

  return g_test_run ();
}
