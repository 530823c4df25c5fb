/* test-ui-artefacts.c: the artefact cards, every kind
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each artefact of a lateral-pack/2 fixture is drawn as a card: one
 * accessible object named and described from its fields, its inner labels
 * hidden, pack text shown as plain text, and no wider than 360 px.
 *
 * And the sources of the built-in case's story steps: a report published on
 * or after the day of the next claim keeps its headline until that claim
 * is answered.
 */
#include "config.h"

#include <string.h>

#include "case/lateral-story-step.h"
#include "widgets/lateral-artefact-card.h"
#include "lateral-test-case.h"
#include "lateral-test-ui.h"

static LateralPack *
load_fixture (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", "valid", "sample-case-2.json", NULL);
  LateralPack *pack = lateral_pack_load_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);

  return pack;
}

/* Whether some label under @widget shows exactly @text. */
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
assert_no_markup (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    g_assert_false (gtk_label_get_use_markup (GTK_LABEL (widget)));

  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_no_markup (child);
}

static void
test_every_kind (void)
{
  g_autoptr(LateralPack) pack = load_fixture ();
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gboolean seen[LATERAL_N_ARTEFACT_KINDS] = { FALSE, };

  gtk_window_set_child (GTK_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 360, 600);
  gtk_window_present (GTK_WINDOW (window));

  for (guint i = 0; i < lateral_pack_get_n_artefacts (pack); i++)
    gtk_box_append (GTK_BOX (box), lateral_artefact_card_new (lateral_pack_get_artefact (pack, i)));
  /* Accessible objects exist once the widgets are realized. */
  lateral_test_ui_wait_drawn (window);

  for (GtkWidget *card = gtk_widget_get_first_child (box); card != NULL;
       card = gtk_widget_get_next_sibling (card))
    {
      const LateralArtefact *artefact = lateral_artefact_card_get_artefact (LATERAL_ARTEFACT_CARD (card));
      g_autofree char *text = lateral_artefact_get_accessible_text (artefact);
      g_auto(GStrv) lines = g_strsplit (text, "\n", 2);
      GtkWidget *inner = gtk_widget_get_first_child (card);
      int minimum = 0;

      seen[artefact->kind] = TRUE;

      /* One object: named by its first line, described by the rest. */
      gtk_test_accessible_assert_role (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_ROLE_GROUP);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_LABEL, lines[0]);
      gtk_test_accessible_assert_property (GTK_ACCESSIBLE (card), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                           lines[1] != NULL ? lines[1] : "");
      gtk_test_accessible_assert_state (GTK_ACCESSIBLE (inner), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE);
      g_assert_true (gtk_widget_get_focusable (card));

      /* What the learner judges is on the card, as plain text. */
      switch (artefact->kind)
        {
        case LATERAL_ARTEFACT_POST:
          g_assert_true (shows_text (card, artefact->display_name));
          g_assert_true (shows_text (card, artefact->text[0]));
          break;
        case LATERAL_ARTEFACT_ARTICLE:
          g_assert_true (shows_text (card, artefact->headline));
          g_assert_true (shows_text (card, artefact->publication));
          if (artefact->lede != NULL && artefact->lede[0] != NULL)
            g_assert_true (shows_text (card, artefact->lede[0]));
          break;
        case LATERAL_ARTEFACT_STATEMENT:
          g_assert_true (shows_text (card, artefact->speaker));
          g_assert_true (shows_text (card, artefact->quote[0]));
          break;
        case LATERAL_ARTEFACT_BROADCAST:
          g_assert_true (shows_text (card, artefact->caption));
          break;
        case LATERAL_ARTEFACT_CALL:
          g_assert_true (shows_text (card, artefact->title));
          g_assert_true (shows_text (card, ((LateralCallLine *) g_ptr_array_index (artefact->lines, 0))->text));
          break;
        default:
          g_assert_not_reached ();
        }
      assert_no_markup (card);

      gtk_widget_measure (card, GTK_ORIENTATION_HORIZONTAL, -1, &minimum, NULL, NULL, NULL);
      if (g_test_verbose ())
        g_test_message ("%s: minimum width %d", artefact->id, minimum);
      g_assert_cmpint (minimum, <=, 360);
    }

  for (guint k = 0; k < LATERAL_N_ARTEFACT_KINDS; k++)
    if (!seen[k])
      g_error ("the fixture has no %s artefact", lateral_artefact_kind_to_string (k));

  gtk_window_destroy (GTK_WINDOW (window));
}

/* The built-in case opens on 15 September stories whose sources are reports
 * of that day ("…Kremlin Denies It"); its first claim is judged that day.
 * Each such source is listed by its publisher and date, not as a link, and
 * no label shows its headline; a step built with nothing left to answer
 * shows every headline. */
static void
test_held_headlines (void)
{
  LateralWindow *window = lateral_test_case_open_window (400, 800);
  GtkWidget *case_view = lateral_window_get_page (window, "case");
  const LateralStep *claim = NULL;
  LateralPack *pack;
  LateralPlay *play;
  guint n_held = 0;

  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Reader", NULL));
  play = lateral_test_case_get_play (window);
  pack = lateral_play_get_pack (play);
  for (guint i = 0; claim == NULL && i < lateral_pack_get_n_steps (pack); i++)
    if (lateral_pack_get_step (pack, i)->type == LATERAL_STEP_CLAIM)
      claim = lateral_pack_get_step (pack, i);
  g_assert_nonnull (claim);

  while (lateral_play_get_current_step (play)->type == LATERAL_STEP_STORY)
    {
      const LateralStep *step = lateral_play_get_current_step (play);
      GtkWidget *widget = lateral_case_view_get_step (LATERAL_CASE_VIEW (case_view));
      GtkWidget *whole = g_object_ref_sink (lateral_story_step_new (step, NULL));
      guint position = lateral_play_get_position (play);

      for (guint i = 0; step->sources != NULL && i < step->sources->len; i++)
        {
          const LateralSource *source = g_ptr_array_index (step->sources, i);

          g_assert_true (shows_text (whole, source->title));
          if (strncmp (source->date, claim->as_of, 10) >= 0)
            {
              g_assert_false (shows_text (widget, source->title));
              g_assert_true (shows_text (widget, source->publisher));
              n_held++;
            }
          else
            g_assert_true (shows_text (widget, source->title));
        }
      g_object_unref (whole);

      g_assert_true (gtk_widget_activate_action (case_view, "case.continue", NULL));
      lateral_test_case_wait_step (window, position + 1);
    }
  g_test_message ("%u headlines held back before the first claim", n_held);
  g_assert_cmpuint (n_held, >, 0);

  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  /* GTK's test accessibility backend: the properties set are read back. */
  g_setenv ("GTK_A11Y", "test", TRUE);
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/artefacts/every-kind", test_every_kind);
  g_test_add_func ("/ui/artefacts/held-headlines", test_held_headlines);

  return g_test_run ();
}
