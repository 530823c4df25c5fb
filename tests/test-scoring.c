/* test-scoring.c: marks and verdicts
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lateral-scoring.h"
#include "lateral-verdict.h"

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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/scoring/cbm-marks", test_cbm_marks);
  g_test_add_func ("/verdict/round-trip", test_verdict_round_trip);
  g_test_add_func ("/verdict/rejects", test_verdict_rejects);

  return g_test_run ();
}
