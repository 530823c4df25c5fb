/* test-scoring.c: marks and verdicts
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pack/lateral-pack.h"
#include "play/lateral-scoring.h"
#include "play/lateral-verdict.h"

static void
test_cbm_marks (void)
{
  /* Gardner-Medwin's table, as Moodle uses it. */
  g_assert_cmpint (lateral_cbm_mark (TRUE, 1), ==, 1);
  g_assert_cmpint (lateral_cbm_mark (TRUE, 2), ==, 2);
  g_assert_cmpint (lateral_cbm_mark (TRUE, 3), ==, 3);
  g_assert_cmpint (lateral_cbm_mark (FALSE, 1), ==, 0);
  g_assert_cmpint (lateral_cbm_mark (FALSE, 2), ==, -2);
  g_assert_cmpint (lateral_cbm_mark (FALSE, 3), ==, -6);
}

static void
test_verdict_round_trip (void)
{
  static const char *ids[] = { "true", "false", "misleading", "unverified" };

  for (guint i = 0; i < G_N_ELEMENTS (ids); i++)
    {
      LateralVerdict verdict;

      g_assert_true (lateral_verdict_from_string (ids[i], &verdict));
      g_assert_cmpint (verdict, ==, i);
      g_assert_cmpstr (lateral_verdict_to_string (verdict), ==, ids[i]);
      g_assert_nonnull (lateral_verdict_get_label (verdict));
    }
}

static void
test_verdict_rejects (void)
{
  LateralVerdict verdict = LATERAL_VERDICT_FALSE;

  g_assert_false (lateral_verdict_from_string ("True", &verdict));
  g_assert_false (lateral_verdict_from_string ("", &verdict));
  g_assert_false (lateral_verdict_from_string (NULL, &verdict));
  g_assert_false (lateral_verdict_from_string ("true ", &verdict));
  g_assert_cmpint (verdict, ==, LATERAL_VERDICT_FALSE);
}

/* A claim made by hand: the scoring functions read only these fields. */
static LateralStep *
make_claim (LateralVerdict verdict,
            guint          also_accepted,
            const char    *techniques)
{
  LateralStep *step = g_new0 (LateralStep, 1);

  step->type = LATERAL_STEP_CLAIM;
  step->verdict = verdict;
  step->accepted = (1u << verdict) | also_accepted;
  step->techniques = g_strsplit (techniques, " ", -1);
  step->moves = g_ptr_array_new_with_free_func (g_free);
  return step;
}

static void
free_claim (LateralStep *step)
{
  g_strfreev (step->techniques);
  g_ptr_array_unref (step->moves);
  g_free (step);
}

static void
test_accepts (void)
{
  LateralStep *step = make_claim (LATERAL_VERDICT_UNVERIFIED, 1u << LATERAL_VERDICT_FALSE, "x");

  g_assert_true (lateral_step_accepts (step, LATERAL_VERDICT_UNVERIFIED));
  g_assert_true (lateral_step_accepts (step, LATERAL_VERDICT_FALSE));
  g_assert_false (lateral_step_accepts (step, LATERAL_VERDICT_TRUE));
  g_assert_false (lateral_step_accepts (step, LATERAL_VERDICT_MISLEADING));
  free_claim (step);
}

static void
add_move (LateralStep *step,
          const char  *id,
          gboolean     expected)
{
  LateralMove *move = g_new0 (LateralMove, 1);

  /* Borrowed strings: free_claim frees only the struct. */
  move->id = (char *) id;
  move->expected = expected;
  g_ptr_array_add (step->moves, move);
}

/* docs/scoring.md, "Checks I would make". */
static void
test_moves_score (void)
{
  LateralStep *step = make_claim (LATERAL_VERDICT_FALSE, 0, "x");
  const char *picked[] = { "second-source", "count-likes", NULL };
  const char *odd[] = { "second-source", "second-source", "no-such-check", NULL };
  LateralMovesScore score;

  add_move (step, "second-source", TRUE);
  add_move (step, "reverse-image", TRUE);
  add_move (step, "count-likes", FALSE);

  score = lateral_moves_score (step, picked);
  g_assert_cmpuint (score.n_expected, ==, 2);
  g_assert_cmpuint (score.expected_picked, ==, 1);
  g_assert_cmpuint (score.unexpected_picked, ==, 1);

  score = lateral_moves_score (step, NULL);
  g_assert_cmpuint (score.n_expected, ==, 2);
  g_assert_cmpuint (score.expected_picked, ==, 0);
  g_assert_cmpuint (score.unexpected_picked, ==, 0);

  score = lateral_moves_score (step, odd);
  g_assert_cmpuint (score.expected_picked, ==, 1);
  g_assert_cmpuint (score.unexpected_picked, ==, 0);
  free_claim (step);
}

typedef struct {
  LateralVerdict  verdict;
  guint           also;
  const char     *techniques;
  LateralVerdict  answer;
  int             certainty;
} Answer;

static LateralTally *
tally_answers (const Answer *answers,
               guint         n)
{
  LateralTally *tally = lateral_tally_new ();

  for (guint i = 0; i < n; i++)
    {
      LateralStep *step = make_claim (answers[i].verdict, answers[i].also, answers[i].techniques);
      gboolean correct = lateral_step_accepts (step, answers[i].answer);

      lateral_tally_add (tally, step, correct, answers[i].certainty,
                         lateral_cbm_mark (correct, answers[i].certainty));
      free_claim (step);
    }
  return tally;
}

/* docs/scoring.md, worked example 1: sure and wrong costs more than sure
 * and right earns. */
static void
test_tally_overconfident (void)
{
  static const Answer answers[] = {
    { LATERAL_VERDICT_UNVERIFIED, 1u << LATERAL_VERDICT_TRUE, "impersonation", LATERAL_VERDICT_TRUE, 2 },
    { LATERAL_VERDICT_TRUE, 0, "impersonation appeal-to-authority", LATERAL_VERDICT_TRUE, 3 },
    { LATERAL_VERDICT_FALSE, 0, "false-context", LATERAL_VERDICT_TRUE, 3 },
    { LATERAL_VERDICT_MISLEADING, 0, "headline-mismatch", LATERAL_VERDICT_MISLEADING, 1 },
    { LATERAL_VERDICT_TRUE, 0, "false-context", LATERAL_VERDICT_FALSE, 1 },
  };
  g_autoptr(LateralTally) tally = tally_answers (answers, G_N_ELEMENTS (answers));
  g_auto(GStrv) techniques = NULL;
  const LateralTallyCount *count;

  g_assert_cmpuint (tally->n_answers, ==, 5);
  g_assert_cmpuint (tally->n_correct, ==, 3);
  g_assert_cmpint (tally->total_mark, ==, 0);
  g_assert_cmpfloat_with_epsilon (lateral_tally_get_accuracy (tally), 0.6, 1e-9);

  g_assert_cmpuint (tally->by_certainty[1].answered, ==, 2);
  g_assert_cmpuint (tally->by_certainty[1].correct, ==, 1);
  g_assert_cmpuint (tally->by_certainty[2].answered, ==, 1);
  g_assert_cmpuint (tally->by_certainty[2].correct, ==, 1);
  g_assert_cmpuint (tally->by_certainty[3].answered, ==, 2);
  g_assert_cmpuint (tally->by_certainty[3].correct, ==, 1);
  g_assert_cmpfloat_with_epsilon (lateral_tally_get_hit_rate (tally, 1), 0.5, 1e-9);
  g_assert_cmpfloat_with_epsilon (lateral_tally_get_hit_rate (tally, 2), 1.0, 1e-9);
  g_assert_cmpfloat_with_epsilon (lateral_tally_get_hit_rate (tally, 3), 0.5, 1e-9);
  g_assert_cmpint (lateral_tally_get_calibration (tally), ==, LATERAL_CALIBRATION_OVERCONFIDENT);
  g_assert_cmpstr (lateral_calibration_to_string (lateral_tally_get_calibration (tally)), ==, "overconfident");

  techniques = lateral_tally_list_techniques (tally);
  g_assert_cmpuint (g_strv_length (techniques), ==, 4);
  g_assert_cmpstr (techniques[0], ==, "appeal-to-authority");
  g_assert_cmpstr (techniques[3], ==, "impersonation");
  count = lateral_tally_get_technique (tally, "impersonation");
  g_assert_cmpuint (count->answered, ==, 2);
  g_assert_cmpuint (count->correct, ==, 2);
  count = lateral_tally_get_technique (tally, "false-context");
  g_assert_cmpuint (count->answered, ==, 2);
  g_assert_cmpuint (count->correct, ==, 0);
  count = lateral_tally_get_technique (tally, "headline-mismatch");
  g_assert_cmpuint (count->correct, ==, 1);
  g_assert_null (lateral_tally_get_technique (tally, "satire"));
}

/* Worked example 2: always right, never sure. */
static void
test_tally_underconfident (void)
{
  Answer answers[6];
  g_autoptr(LateralTally) tally = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (answers); i++)
    answers[i] = (Answer) { LATERAL_VERDICT_FALSE, 0, "x", LATERAL_VERDICT_FALSE, 1 };
  tally = tally_answers (answers, G_N_ELEMENTS (answers));

  g_assert_cmpint (tally->total_mark, ==, 6);
  g_assert_cmpfloat (lateral_tally_get_hit_rate (tally, 2), ==, -1.0);
  g_assert_cmpint (lateral_tally_get_calibration (tally), ==, LATERAL_CALIBRATION_UNDERCONFIDENT);
}

/* Worked example 3: each level's hit rate in its band. */
static void
test_tally_well_calibrated (void)
{
  g_autoptr(GArray) answers = g_array_new (FALSE, FALSE, sizeof (Answer));
  g_autoptr(LateralTally) tally = NULL;
  Answer right = { LATERAL_VERDICT_TRUE, 0, "x", LATERAL_VERDICT_TRUE, 3 };
  Answer wrong = { LATERAL_VERDICT_TRUE, 0, "x", LATERAL_VERDICT_FALSE, 3 };

  for (guint i = 0; i < 5; i++)
    g_array_append_val (answers, right);
  right.certainty = wrong.certainty = 2;
  for (guint i = 0; i < 3; i++)
    g_array_append_val (answers, right);
  g_array_append_val (answers, wrong);
  right.certainty = wrong.certainty = 1;
  g_array_append_val (answers, right);
  g_array_append_val (answers, wrong);
  g_array_append_val (answers, wrong);

  tally = tally_answers ((Answer *) answers->data, answers->len);
  g_assert_cmpuint (tally->n_answers, ==, 12);
  g_assert_cmpuint (tally->n_correct, ==, 9);
  g_assert_cmpint (tally->total_mark, ==, 20);
  g_assert_cmpint (lateral_tally_get_calibration (tally), ==, LATERAL_CALIBRATION_WELL_CALIBRATED);
}

/* The band edges belong to both bands: 4 of 5 at level 3 is not overconfident,
 * 2 of 3 at level 1 is not underconfident. */
static void
test_tally_band_edges (void)
{
  g_autoptr(LateralTally) empty = lateral_tally_new ();
  g_autoptr(LateralTally) tally = NULL;
  Answer answers[8];
  guint n = 0;

  g_assert_cmpfloat (lateral_tally_get_accuracy (empty), ==, 0.0);
  g_assert_cmpint (lateral_tally_get_calibration (empty), ==, LATERAL_CALIBRATION_WELL_CALIBRATED);

  for (guint i = 0; i < 4; i++)
    answers[n++] = (Answer) { LATERAL_VERDICT_TRUE, 0, "x", LATERAL_VERDICT_TRUE, 3 };
  answers[n++] = (Answer) { LATERAL_VERDICT_TRUE, 0, "x", LATERAL_VERDICT_FALSE, 3 };
  answers[n++] = (Answer) { LATERAL_VERDICT_TRUE, 0, "x", LATERAL_VERDICT_TRUE, 1 };
  answers[n++] = (Answer) { LATERAL_VERDICT_TRUE, 0, "x", LATERAL_VERDICT_TRUE, 1 };
  answers[n++] = (Answer) { LATERAL_VERDICT_TRUE, 0, "x", LATERAL_VERDICT_FALSE, 1 };
  tally = tally_answers (answers, n);
  g_assert_cmpint (lateral_tally_get_calibration (tally), ==, LATERAL_CALIBRATION_WELL_CALIBRATED);
}

/* Results per technique count techniques only: the habits a reveal names
 * (what a careful reader does) never show up as techniques. */
static void
test_tally_techniques_not_habits (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", "valid", "sample-case-2.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = lateral_pack_load_file (path, NULL, &error);
  g_autoptr(LateralTally) tally = lateral_tally_new ();
  g_auto(GStrv) ids = NULL;
  guint n_habits_named = 0;

  g_assert_no_error (error);
  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);

      if (step->type != LATERAL_STEP_CLAIM)
        continue;
      n_habits_named += g_strv_length (step->habits);
      lateral_tally_add (tally, step, TRUE, 2, 2);
    }
  g_assert_cmpuint (n_habits_named, >, 0);

  ids = lateral_tally_list_techniques (tally);
  g_assert_cmpstr (ids[0], ==, "headline-mismatch");
  g_assert_cmpstr (ids[1], ==, "impersonation");
  g_assert_null (ids[2]);
  g_assert_cmpuint (lateral_tally_get_technique (tally, "impersonation")->answered, ==, 2);
  g_assert_null (lateral_tally_get_technique (tally, "read-upstream"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/cbm-marks", test_cbm_marks);
  g_test_add_func ("/scoring/accepts", test_accepts);
  g_test_add_func ("/scoring/moves", test_moves_score);
  g_test_add_func ("/scoring/tally-overconfident", test_tally_overconfident);
  g_test_add_func ("/scoring/tally-underconfident", test_tally_underconfident);
  g_test_add_func ("/scoring/tally-well-calibrated", test_tally_well_calibrated);
  g_test_add_func ("/scoring/tally-band-edges", test_tally_band_edges);
  g_test_add_func ("/scoring/tally-techniques-not-habits", test_tally_techniques_not_habits);
  g_test_add_func ("/verdict/round-trip", test_verdict_round_trip);
  g_test_add_func ("/verdict/rejects", test_verdict_rejects);

  return g_test_run ();
}
