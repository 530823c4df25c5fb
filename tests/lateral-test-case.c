/* lateral-test-case.c
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "case/lateral-claim-step.h"
#include "play/lateral-scoring.h"
#include "lateral-test-case.h"
#include "lateral-test-ui.h"

LateralWindow *
lateral_test_case_open_window (int width,
                               int height)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  LateralWindow *window = lateral_test_ui_window_new (app);

  gtk_window_set_default_size (GTK_WINDOW (window), width, height);
  gtk_window_present (GTK_WINDOW (window));
  lateral_test_ui_wait_drawn (GTK_WIDGET (window));
  g_assert_nonnull (lateral_window_get_store (window));

  return window;
}

LateralPlay *
lateral_test_case_get_play (LateralWindow *window)
{
  GtkWidget *case_view = lateral_window_get_page (window, "case");

  return lateral_case_view_get_play (LATERAL_CASE_VIEW (case_view));
}

const LateralStep *
lateral_test_case_get_step (LateralWindow *window)
{
  LateralPlay *play = lateral_test_case_get_play (window);

  return play != NULL ? lateral_play_get_current_step (play) : NULL;
}

/* What the tests answer on a claim: right on two claims out of three, at
 * each certainty in turn, so every mark of the scale is met. */
void
lateral_test_case_plan (const LateralStep *step,
                        LateralVerdict    *out_verdict,
                        int               *out_certainty)
{
  *out_certainty = LATERAL_CERTAINTY_MIN + step->claim_index % 3;
  *out_verdict = step->verdict;

  if (step->claim_index % 3 == 0)
    for (guint v = 0; v < LATERAL_N_VERDICTS; v++)
      if (!lateral_step_accepts (step, v))
        {
          *out_verdict = v;
          break;
        }
}

typedef struct {
  LateralWindow *window;
  guint          position;
} StepWait;

static gboolean
step_reached (gpointer data)
{
  StepWait *wait = data;
  LateralPlay *play = lateral_test_case_get_play (wait->window);

  if (g_strcmp0 (lateral_window_get_page_name (wait->window), "summary") == 0)
    return TRUE;

  return play != NULL && lateral_play_get_position (play) == wait->position;
}

/* Waits until the case shows step @position, or the summary. */
void
lateral_test_case_wait_step (LateralWindow *window,
                             guint          position)
{
  StepWait wait = { window, position };

  g_assert_true (lateral_test_ui_wait_until (step_reached, &wait, 30000));
}

gboolean
lateral_test_case_is_revealed (LateralWindow *window)
{
  GtkWidget *case_view = lateral_window_get_page (window, "case");
  GtkWidget *step = lateral_case_view_get_step (LATERAL_CASE_VIEW (case_view));

  return LATERAL_IS_CLAIM_STEP (step) &&
         lateral_claim_step_get_reveal (LATERAL_CLAIM_STEP (step)) != NULL;
}

static gboolean
revealed (gpointer data)
{
  return lateral_test_case_is_revealed (data);
}

void
lateral_test_case_wait_revealed (LateralWindow *window)
{
  g_assert_true (lateral_test_ui_wait_until (revealed, window, 30000));
}
