/* test-ui-layout.c: every page fits a 360 px wide window
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "case/lateral-claim-step.h"
#include "history/lateral-history-page.h"
#include "lateral-test-case.h"
#include "lateral-test-ui.h"

#define NARROW 360

static void
assert_fits (LateralWindow *window,
             const char    *page_name)
{
  GtkWidget *page = lateral_window_get_page (window, page_name);
  int minimum = 0, natural = 0;

  g_assert_cmpstr (lateral_window_get_page_name (window), ==, page_name);
  lateral_test_ui_wait_drawn (page);

  gtk_widget_measure (page, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural, NULL, NULL);
  if (g_test_verbose ())
    g_test_message ("%s: minimum width %d", page_name, minimum);
  g_assert_cmpint (minimum, <=, NARROW);

  /* The window was not pushed wider than asked. */
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (window)), <=, NARROW);
}

static void
lock_in_planned_answer (LateralWindow *window)
{
  GtkWidget *case_view = lateral_window_get_page (window, "case");
  LateralClaimStep *claim = LATERAL_CLAIM_STEP (lateral_case_view_get_step (LATERAL_CASE_VIEW (case_view)));
  LateralVerdict verdict;
  int certainty;

  lateral_test_case_plan (lateral_test_case_get_step (window), &verdict, &certainty);
  lateral_claim_step_pick_verdict (claim, verdict);
  lateral_claim_step_pick_certainty (claim, certainty);
  gtk_widget_activate_action (case_view, "case.lock-in", NULL);
  g_assert_true (lateral_test_case_is_revealed (window));
}

static void
continue_case (LateralWindow *window)
{
  gtk_widget_activate_action (lateral_window_get_page (window, "case"), "case.continue", NULL);
}

/* The first visible action row under @widget whose subtitle starts with @prefix. */
static GtkWidget *
find_row_with_subtitle (GtkWidget  *widget,
                        const char *prefix)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (ADW_IS_ACTION_ROW (widget) &&
      g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (widget)) ?: "", prefix))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_row_with_subtitle (child, prefix);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
history_read (gpointer data)
{
  return !lateral_history_page_is_busy (LATERAL_HISTORY_PAGE (data));
}

static void
test_narrow (void)
{
  LateralWindow *window = lateral_test_case_open_window (NARROW, 640);
  gboolean seen_reveal = FALSE;
  g_autofree char *played = NULL;
  GtkWidget *history_row;

  lateral_window_select_profile (window, "Narrow Nadia");
  assert_fits (window, "home");

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, NULL, NULL));
  assert_fits (window, "case");
  played = g_strdup_printf ("Version %s · ", lateral_pack_get_version (lateral_play_get_pack (lateral_test_case_get_play (window))));

  /* The first story, the first claim and its reveal are looked at; the
   * rest of the case is only played, since drawing every step costs minutes
   * under the sanitizers. */
  while (g_strcmp0 (lateral_window_get_page_name (window), "case") == 0)
    {
      const LateralStep *step = lateral_test_case_get_step (window);

      if (step->type == LATERAL_STEP_CLAIM)
        {
          if (!seen_reveal)
            assert_fits (window, "case");
          lock_in_planned_answer (window);
          if (!seen_reveal)
            assert_fits (window, "case");
          seen_reveal = TRUE;
        }
      continue_case (window);
    }

  g_assert_true (seen_reveal);
  assert_fits (window, "summary");

  /* Try Again starts a new attempt at the first step. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.try-again", NULL);
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "case");
  g_assert_false (lateral_play_is_resumed (lateral_test_case_get_play (window)));
  g_assert_cmpuint (lateral_play_get_position (lateral_test_case_get_play (window)), ==, 0);

  gtk_widget_activate_action (GTK_WIDGET (window), "win.show-history", NULL);
  /* The attempts are read in a worker. */
  g_assert_true (lateral_test_ui_wait_until (history_read, lateral_window_get_page (window, "history"), 30000));
  assert_fits (window, "history");
  /* Each attempt names the version it was played with. */
  history_row = find_row_with_subtitle (GTK_WIDGET (window), "Version ");
  g_assert_nonnull (history_row);
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (ADW_ACTION_ROW (history_row)), played));

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/layout/narrow", test_narrow);

  return g_test_run ();
}
