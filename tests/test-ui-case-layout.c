/* test-ui-case-layout.c: a claim, its choices and Lock In on one screen
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every claim of the built-in case, whatever it holds today (the claims are
 * read from the pack, not listed here): at 1280x800 Lock In lies inside the
 * window and the claim with its choices needs no scrolling; at 400x800 the
 * bar with Lock In is on screen and the verdicts and certainties need no
 * scrolling either (the checks may). Also the dialog shown when no browser can
 * open a source.
 */
#include "config.h"

#include "case/lateral-claim-step.h"
#include "widgets/lateral-source-row.h"
#include "lateral-test-case.h"
#include "lateral-test-ui.h"

static GtkWidget *
find_by_action (GtkWidget  *widget,
                const char *action_name)
{
  if (GTK_IS_ACTIONABLE (widget) &&
      g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action_name) == 0)
    return widget;

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_by_action (child, action_name);
      if (found != NULL)
        return found;
    }

  return NULL;
}

static void
collect_radios (GtkWidget *widget,
                GPtrArray *radios)
{
  if (GTK_IS_CHECK_BUTTON (widget) &&
      gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (widget)) == GTK_ACCESSIBLE_ROLE_RADIO)
    g_ptr_array_add (radios, widget);

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    collect_radios (child, radios);
}

/* Whether @widget is drawn wholly inside @area (both in the same window). */
static gboolean
inside (GtkWidget *widget,
        GtkWidget *area)
{
  graphene_rect_t bounds, area_bounds;

  if (!gtk_widget_compute_bounds (widget, area, &bounds))
    return FALSE;
  area_bounds = GRAPHENE_RECT_INIT (0, 0, gtk_widget_get_width (area), gtk_widget_get_height (area));

  return gtk_widget_get_mapped (widget) && bounds.size.width > 0 && bounds.size.height > 0 &&
         graphene_rect_contains_rect (&area_bounds, &bounds);
}

static GtkWidget *
get_scroller (GtkWidget *claim)
{
  return gtk_widget_get_ancestor (claim, GTK_TYPE_SCROLLED_WINDOW);
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

/* Plays the case through; on each claim, before it is answered, checks
 * that Lock In is inside the window and, when @choices_fit, that every
 * choice is in view without scrolling. Returns the claims seen. */
static guint
check_every_claim (LateralWindow *window,
                   gboolean       choices_fit)
{
  GtkWidget *case_view = lateral_window_get_page (window, "case");
  guint n_claims = 0, n_choices_in_view = 0;

  while (g_strcmp0 (lateral_window_get_page_name (window), "case") == 0)
    {
      const LateralStep *step = lateral_test_case_get_step (window);

      if (step->type == LATERAL_STEP_CLAIM)
        {
          GtkWidget *claim = lateral_case_view_get_step (LATERAL_CASE_VIEW (case_view));
          GtkWidget *lock_in = find_by_action (case_view, "case.lock-in");
          GtkWidget *scroller = get_scroller (claim);
          g_autoptr(GPtrArray) radios = g_ptr_array_new ();
          gboolean all_in_view = TRUE;

          lateral_test_ui_wait_drawn (claim);
          g_assert_nonnull (lock_in);
          if (!inside (lock_in, GTK_WIDGET (window)))
            g_error ("%s: Lock In is not inside the %dx%d window", step->id,
                     gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));

          collect_radios (claim, radios);
          g_assert_cmpuint (radios->len, ==, 4 + 3);
          for (guint i = 0; i < radios->len; i++)
            all_in_view = all_in_view && inside (g_ptr_array_index (radios, i), scroller);
          if (all_in_view)
            n_choices_in_view++;
          if (choices_fit && !all_in_view)
            g_error ("%s: a choice needs scrolling at %dx%d", step->id,
                     gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));

          n_claims++;
          lock_in_planned_answer (window);
          /* After lock-in the bar holds Continue, inside the window too. */
          lateral_test_ui_wait_drawn (claim);
          g_assert_true (inside (find_by_action (case_view, "case.continue"), GTK_WIDGET (window)));
        }
      gtk_widget_activate_action (case_view, "case.continue", NULL);
    }

  g_test_message ("%u of %u claims show every choice without scrolling at %dx%d",
                  n_choices_in_view, n_claims,
                  gtk_widget_get_width (GTK_WIDGET (window)), gtk_widget_get_height (GTK_WIDGET (window)));

  return n_claims;
}

static void
test_wide (void)
{
  LateralWindow *window = lateral_test_case_open_window (1280, 800);
  LateralPack *pack;

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Wide Wanda", NULL));
  pack = lateral_play_get_pack (lateral_test_case_get_play (window));
  g_assert_cmpuint (check_every_claim (window, TRUE), ==, lateral_pack_get_n_claims (pack));
  g_assert_cmpstr (lateral_window_get_page_name (window), ==, "summary");

  gtk_window_destroy (GTK_WINDOW (window));
}

static void
test_narrow (void)
{
  LateralWindow *window = lateral_test_case_open_window (400, 800);
  LateralPack *pack;

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Narrow Nora", NULL));
  pack = lateral_play_get_pack (lateral_test_case_get_play (window));
  /* At 400x800 too every verdict and certainty is in view without
   * scrolling (only the checks may scroll): an artefact read on the step
   * just before is folded (lateral_claim_step_fold_artefact()). */
  g_assert_cmpuint (check_every_claim (window, TRUE), ==, lateral_pack_get_n_claims (pack));

  gtk_window_destroy (GTK_WINDOW (window));
}

typedef struct {
  GMainLoop *loop;
  char      *text;
} ClipboardRead;

static void
on_clipboard_read (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  ClipboardRead *read = user_data;

  read->text = gdk_clipboard_read_text_finish (GDK_CLIPBOARD (source), result, NULL);
  g_main_loop_quit (read->loop);
}

/* No browser: the address is shown, selectable, and Copy puts it on the
 * clipboard. */
static void
test_address_dialog (void)
{
  LateralWindow *window = lateral_test_case_open_window (400, 800);
  const char *url = "https://example.org/a/source?id=1";
  GtkWidget *dialog = lateral_show_address_dialog (GTK_WINDOW (window), url);
  GtkWidget *label = adw_message_dialog_get_extra_child (ADW_MESSAGE_DIALOG (dialog));
  ClipboardRead read = { g_main_loop_new (NULL, FALSE), NULL };

  g_assert_true (GTK_IS_LABEL (label));
  g_assert_cmpstr (gtk_label_get_text (GTK_LABEL (label)), ==, url);
  g_assert_true (gtk_label_get_selectable (GTK_LABEL (label)));
  g_assert_true (adw_message_dialog_has_response (ADW_MESSAGE_DIALOG (dialog), "copy"));
  lateral_test_ui_wait_drawn (dialog);

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "copy");
  gdk_clipboard_read_text_async (gtk_widget_get_clipboard (GTK_WIDGET (window)), NULL, on_clipboard_read, &read);
  g_main_loop_run (read.loop);
  g_assert_cmpstr (read.text, ==, url);

  g_free (read.text);
  g_main_loop_unref (read.loop);
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/case-layout/wide", test_wide);
  g_test_add_func ("/ui/case-layout/narrow", test_narrow);
  g_test_add_func ("/ui/case-layout/address-dialog", test_address_dialog);

  return g_test_run ();
}
