/* test-ui-home.c: the home page's case cards, Continue and Start Over
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A learner with an unfinished attempt gets Continue and Start Over on the
 * case's card; Start Over begins a new attempt and the unfinished one keeps
 * every answer, still unfinished. After each change of page something has
 * the focus.
 */
#include "config.h"

#include "case/lateral-claim-step.h"
#include "case/lateral-summary-page.h"
#include "home/lateral-home-page.h"
#include "lateral-test-case.h"
#include "lateral-test-ui.h"

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *action_name)
{
  if (GTK_IS_BUTTON (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button (child, action_name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

/* Whether a mapped label under @widget reads exactly @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_get_mapped (widget) &&
      g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0)
    return TRUE;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (shows_label (child, text))
      return TRUE;

  return FALSE;
}

static void
answer_first_claim (LateralWindow *window)
{
  GtkWidget *case_view = lateral_window_get_page (window, "case");
  LateralClaimStep *claim;

  while (lateral_test_case_get_step (window)->type != LATERAL_STEP_CLAIM)
    gtk_widget_activate_action (case_view, "case.continue", NULL);
  claim = LATERAL_CLAIM_STEP (lateral_case_view_get_step (LATERAL_CASE_VIEW (case_view)));
  lateral_claim_step_pick_verdict (claim, LATERAL_VERDICT_UNVERIFIED);
  lateral_claim_step_pick_certainty (claim, 2);
  gtk_widget_activate_action (case_view, "case.lock-in", NULL);
  g_assert_true (lateral_test_case_is_revealed (window));
}

static void
assert_focus (LateralWindow *window)
{
  GtkWidget *focus;

  lateral_test_ui_iterate ();
  focus = gtk_root_get_focus (GTK_ROOT (window));
  g_assert_nonnull (focus);
  g_assert_true (gtk_widget_get_mapped (focus));
}

static void
test_start_over (void)
{
  LateralWindow *window = lateral_test_case_open_window (1280, 800);
  LateralStore *store = lateral_window_get_store (window);
  GtkWidget *home = lateral_window_get_page (window, "home");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) answers = NULL;
  g_autoptr(LateralAttempt) old = NULL;
  g_autofree char *old_uuid = NULL;

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Olga", NULL));
  assert_focus (window);
  old_uuid = g_strdup (lateral_play_get_attempt (lateral_test_case_get_play (window))->uuid);
  answer_first_claim (window);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-home", NULL);
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "home");
  lateral_test_ui_wait_drawn (home);
  assert_focus (window);

  /* Unfinished: Continue and Start Over, and no plain Start. */
  g_assert_nonnull (find_button (home, "win.start-case"));
  g_assert_nonnull (find_button (home, "win.start-over"));
  g_assert_true (gtk_widget_has_css_class (find_button (home, "win.start-case"), "suggested-action"));

  g_signal_emit_by_name (find_button (home, "win.start-over"), "clicked");
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "case");
  assert_focus (window);
  g_assert_false (lateral_play_is_resumed (lateral_test_case_get_play (window)));
  g_assert_cmpuint (lateral_play_get_position (lateral_test_case_get_play (window)), ==, 0);
  g_assert_cmpstr (lateral_play_get_attempt (lateral_test_case_get_play (window))->uuid, !=, old_uuid);

  /* Nothing recorded is lost: the old attempt keeps its answer, unfinished. */
  old = lateral_store_get_attempt (store, old_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpint (old->finished_at, ==, 0);
  answers = lateral_store_list_answers (store, old_uuid, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (answers->len, ==, 1);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.go-home", NULL);
  assert_focus (window);

  /* The history opens the old attempt's summary, its answer in it. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-attempt", "s", old_uuid);
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "summary");
  assert_focus (window);
  {
    LateralPlay *shown = lateral_summary_page_get_play (LATERAL_SUMMARY_PAGE (lateral_window_get_page (window, "summary")));

    GtkWidget *summary = lateral_window_get_page (window, "summary");
    GtkWidget *button;

    g_assert_cmpstr (lateral_play_get_attempt (shown)->uuid, ==, old_uuid);
    g_assert_cmpuint (lateral_play_get_n_answered (shown), ==, 1);

    /* Unfinished: not "Case Complete", and its main button continues this
     * very attempt (not the newer one started over), where it stopped. */
    lateral_test_ui_wait_drawn (summary);
    g_assert_true (shows_label (summary, "In Progress"));
    g_assert_false (shows_label (summary, "Case Complete"));
    button = find_button (summary, "win.try-again");
    g_assert_nonnull (button);
    g_assert_cmpstr (gtk_button_get_label (GTK_BUTTON (button)), ==, "Continue");
    g_signal_emit_by_name (button, "clicked");
    g_assert_cmpstr (lateral_window_get_page_name (window), ==, "case");
    g_assert_cmpstr (lateral_play_get_attempt (lateral_test_case_get_play (window))->uuid, ==, old_uuid);
    g_assert_cmpuint (lateral_play_get_n_answered (lateral_test_case_get_play (window)), ==, 1);
    /* Where it stopped: past the claim it answered. */
    {
      LateralPlay *resumed = lateral_test_case_get_play (window);
      LateralPack *pack = lateral_play_get_pack (resumed);
      guint first_claim = 0;

      while (lateral_pack_get_step (pack, first_claim)->type != LATERAL_STEP_CLAIM)
        first_claim++;
      g_assert_cmpuint (lateral_play_get_position (resumed), >, first_claim);
    }
    assert_focus (window);
  }

  gtk_window_destroy (GTK_WINDOW (window));
}

static GtkWidget *
find_combo_row (GtkWidget *widget)
{
  if (ADW_IS_COMBO_ROW (widget))
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_combo_row (child);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static guint
n_listed (GtkWidget *combo)
{
  GListModel *model = adw_combo_row_get_model (ADW_COMBO_ROW (combo));

  return model != NULL ? g_list_model_get_n_items (model) : 0;
}

/* A shared computer: the home page lists nobody, asks for a name, and then
 * knows only that learner. */
static void
test_shared_computer (void)
{
  LateralWindow *window = lateral_test_case_open_window (400, 800);
  LateralHomePage *home = LATERAL_HOME_PAGE (lateral_window_get_page (window, "home"));
  GSettings *settings = lateral_application_get_settings (LATERAL_APPLICATION (gtk_window_get_application (GTK_WINDOW (window))));
  GtkWidget *combo = find_combo_row (GTK_WIDGET (home));

  lateral_window_select_profile (window, "Ann");
  lateral_window_select_profile (window, "Bob");
  g_assert_cmpuint (n_listed (combo), ==, 2);
  g_assert_true (gtk_widget_get_visible (combo));

  g_settings_set_boolean (settings, "shared-computer", TRUE);
  g_assert_null (lateral_home_page_get_profile_name (home));
  g_assert_cmpuint (n_listed (combo), ==, 0);
  g_assert_false (gtk_widget_get_visible (combo));

  lateral_window_select_profile (window, "Bob");
  g_assert_cmpstr (lateral_home_page_get_profile_name (home), ==, "Bob");
  g_assert_cmpuint (n_listed (combo), ==, 1);

  g_settings_set_boolean (settings, "shared-computer", FALSE);
  g_assert_cmpuint (n_listed (combo), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/home/start-over", test_start_over);
  g_test_add_func ("/ui/home/shared-computer", test_shared_computer);

  return g_test_run ();
}
