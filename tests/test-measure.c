/* test-measure.c: instruments (lateral-measure/1), their scores and the class statistics
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every expected figure here was computed by hand (or read from a published
 * t table) and written down before the code ran: the scores of worked
 * examples, d and n floored at 0, the t quantiles and a small d_z interval.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gstdio.h>

#include "measure/lateral-measure.h"
#include "measure/lateral-measure-score.h"
#include "measure/lateral-measure-session.h"
#include "store/lateral-store-measures.h"
#include "store/lateral-store-private.h"

static LateralMeasure *
load_mist (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "..", "data", "measures", "mist-20.json", NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  LateralMeasure *measure = lateral_measure_load_file (path, &diagnostics, &error);

  g_assert_no_error (error);
  g_assert_nonnull (measure);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  return measure;
}

static void
test_mist_file (void)
{
  g_autoptr(LateralMeasure) mist = load_mist ();
  const LateralMeasureItem *item;
  const LateralMeasureNorm *us, *uk;

  g_assert_cmpstr (lateral_measure_get_id (mist), ==, "mist-20");
  g_assert_cmpstr (lateral_measure_get_language (mist), ==, "en");
  g_assert_cmpstr (lateral_measure_get_license (mist), ==, "CC-BY-4.0");
  g_assert_nonnull (strstr (lateral_measure_get_citation (mist), "https://doi.org/10.3758/s13428-023-02124-2"));
  g_assert_nonnull (strstr (lateral_measure_get_citation (mist), "Maertens"));
  g_assert_null (lateral_measure_get_notice (mist));
  g_assert_cmpuint (lateral_measure_get_minutes (mist), ==, 2);
  g_assert_cmpuint (lateral_measure_get_n_items (mist), ==, 20);
  g_assert_cmpuint (lateral_measure_get_n_real (mist), ==, 10);

  for (guint i = 1; i <= 10; i++)
    {
      g_autofree char *f = g_strdup_printf ("f%u", i);
      g_autofree char *r = g_strdup_printf ("r%u", i);

      g_assert_false (lateral_measure_find_item (mist, f)->real);
      g_assert_true (lateral_measure_find_item (mist, r)->real);
    }
  g_assert_null (lateral_measure_find_item (mist, "f11"));

  /* Items unchanged, typographic apostrophes included. */
  item = lateral_measure_find_item (mist, "f1");
  g_assert_cmpstr (item->text, ==, "Government Officials Have Manipulated Stock Prices to Hide Scandals");
  item = lateral_measure_find_item (mist, "r6");
  g_assert_cmpstr (item->text, ==, "Morocco\u2019s King Appoints Committee Chief to Fight Poverty and Inequality");
  item = lateral_measure_find_item (mist, "f5");
  g_assert_cmpstr (item->text, ==, "Left-Wing Extremism Causes 'More Damage' to World Than Terrorism, Says UN Report");

  g_assert_cmpuint (lateral_measure_get_n_norms (mist), ==, 2);
  us = lateral_measure_get_norm (mist, 0);
  uk = lateral_measure_get_norm (mist, 1);
  g_assert_cmpstr (us->id, ==, "us");
  g_assert_cmpstr (uk->id, ==, "uk");
  /* The shared table: V = 14 -> 53 % (US), 63 % (UK); V = 5 -> 0 and 1; V = 20 -> 100. */
  g_assert_cmpfloat (lateral_measure_norm_below (us, 14), ==, 53);
  g_assert_cmpfloat (lateral_measure_norm_below (uk, 14), ==, 63);
  g_assert_cmpfloat (lateral_measure_norm_below (us, 5), ==, 0);
  g_assert_cmpfloat (lateral_measure_norm_below (uk, 5), ==, 1);
  g_assert_cmpfloat (lateral_measure_norm_below (us, 10), ==, 20);
  g_assert_cmpfloat (lateral_measure_norm_below (uk, 10), ==, 23);
  g_assert_cmpfloat (lateral_measure_norm_below (us, 20), ==, 100);
}

static void
test_find (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralMeasure) mist = lateral_measure_find ("mist-20", &error);
  g_autoptr(LateralMeasure) none = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (mist);
  none = lateral_measure_find ("mist-99", &error);
  g_assert_null (none);
  g_assert_error (error, LATERAL_MEASURE_ERROR, LATERAL_MEASURE_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "mist-20"));
}

/* 10 real then 10 fake headlines; @answers is 20 characters of R and F. */
static void
tally (const char          *answers,
       LateralMeasureScore *out)
{
  gboolean truth[20], said[20];

  g_assert_cmpuint (strlen (answers), ==, 20);
  for (guint i = 0; i < 20; i++)
    {
      truth[i] = i < 10;
      said[i] = answers[i] == 'R';
    }
  lateral_measure_score_tally (truth, said, 20, out);
}

#define assert_score(s, eV, er, ef, ed, en) G_STMT_START { \
  g_assert_cmpuint ((s).V, ==, (eV)); g_assert_cmpuint ((s).r, ==, (er)); \
  g_assert_cmpuint ((s).f, ==, (ef)); g_assert_cmpuint ((s).d, ==, (ed)); \
  g_assert_cmpuint ((s).n, ==, (en)); } G_STMT_END

static void
test_scoring (void)
{
  LateralMeasureScore s;

  /* Every answer right. */
  tally ("RRRRRRRRRRFFFFFFFFFF", &s);
  assert_score (s, 20, 10, 10, 0, 0);
  g_assert_cmpint (lateral_measure_score_nd (&s), ==, 0);

  /* "Real" to everything: 20 Real answers -> n = 20 - 10 = 10;
   * 0 Fake answers -> d = 0 - 10, floored at 0. */
  tally ("RRRRRRRRRRRRRRRRRRRR", &s);
  assert_score (s, 10, 10, 0, 0, 10);
  g_assert_cmpint (lateral_measure_score_nd (&s), ==, 10);

  /* "Fake" to everything: d = 10, n floored at 0. */
  tally ("FFFFFFFFFFFFFFFFFFFF", &s);
  assert_score (s, 10, 0, 10, 10, 0);
  g_assert_cmpint (lateral_measure_score_nd (&s), ==, -10);

  /* 7 of 10 real right, 7 of 10 fake right: 10 Real and 10 Fake answers,
   * so neither d nor n. */
  tally ("RRRRRRRFFFFFFFFFFRRR", &s);
  assert_score (s, 14, 7, 7, 0, 0);

  /* 7 of 10 real judged Real, 6 of 10 fake judged Fake: Real answers
   * 7 + 4 = 11 -> n = 1; Fake answers 3 + 6 = 9 -> d = -1 floored to 0. */
  tally ("RRRRRRRFFFFFFFFFRRRR", &s);
  assert_score (s, 13, 7, 6, 0, 1);
  g_assert_cmpint (lateral_measure_score_nd (&s), ==, 1);

  /* 8 real right, 9 fake right: Real answers 8 + 1 = 9 -> n = 0 (floored
   * from -1); Fake answers 2 + 9 = 11 -> d = 1. */
  tally ("RRRRRRRRFFFFFFFFFFFR", &s);
  assert_score (s, 17, 8, 9, 1, 0);
  g_assert_cmpint (lateral_measure_score_nd (&s), ==, -1);

  /* Nothing right at all. */
  tally ("FFFFFFFFFFRRRRRRRRRR", &s);
  assert_score (s, 0, 0, 0, 0, 0);
}

static void
test_t_quantile (void)
{
  /* Two-sided 95 % critical values of Student's t (any statistics table). */
  static const struct { double df, p, t; } known[] = {
    { 1, 0.975, 12.7062047 },
    { 2, 0.975, 4.30265273 },
    { 3, 0.975, 3.18244631 },
    { 5, 0.975, 2.57058184 },
    { 10, 0.975, 2.22813885 },
    { 29, 0.975, 2.04522964 },
    { 30, 0.975, 2.04227246 },
    { 100, 0.975, 1.98397152 },
    { 1000, 0.975, 1.96233908 },
    { 10, 0.95, 1.81246112 },
    { 4, 0.995, 4.60409487 },
    { 10, 0.025, -2.22813885 },
    { 7, 0.5, 0.0 },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      double t = lateral_stats_t_quantile (known[i].p, known[i].df);

      if (fabs (t - known[i].t) > 2e-7)
        g_error ("t(%g, df %g) = %.9f, expected %.9f", known[i].p, known[i].df, t, known[i].t);
      /* And back: the distribution function at the quantile is p. */
      g_assert_cmpfloat_with_epsilon (lateral_stats_t_cdf (t, known[i].df), known[i].p, 1e-9);
    }
  /* df = 1 is the Cauchy distribution: P(T <= 1) = 3/4. */
  g_assert_cmpfloat_with_epsilon (lateral_stats_t_cdf (1.0, 1.0), 0.75, 1e-12);
}

static void
test_paired (void)
{
  const double diffs[] = { 1, 2, 3, 4 };
  const double same[] = { 2, 2, 2 };
  LateralPairedStats st;

  /* mean 2.5; sd = sqrt ((2.25 + 0.25 + 0.25 + 2.25) / 3) = sqrt (5/3) = 1.29099445;
   * d_z = 2.5 / 1.29099445 = 1.93649167; t(0.975, 3) / 2 = 1.59122316;
   * CI = [0.34526851, 3.52771483]. */
  lateral_stats_paired (diffs, 4, &st);
  g_assert_cmpuint (st.n, ==, 4);
  g_assert_cmpfloat_with_epsilon (st.mean, 2.5, 1e-12);
  g_assert_cmpfloat_with_epsilon (st.sd, 1.29099445, 1e-8);
  g_assert_true (st.has_d_z);
  g_assert_cmpfloat_with_epsilon (st.d_z, 1.93649167, 1e-8);
  g_assert_cmpfloat_with_epsilon (st.ci_low, 0.34526851, 1e-7);
  g_assert_cmpfloat_with_epsilon (st.ci_high, 3.52771483, 1e-7);

  /* No spread, or a single pair: no effect size, only the mean. */
  lateral_stats_paired (same, 3, &st);
  g_assert_false (st.has_d_z);
  g_assert_cmpfloat (st.mean, ==, 2);
  lateral_stats_paired (diffs, 1, &st);
  g_assert_false (st.has_d_z);
  g_assert_cmpfloat (st.mean, ==, 1);
  lateral_stats_paired (NULL, 0, &st);
  g_assert_cmpuint (st.n, ==, 0);
}

/* Answers @pattern (20 of R/F for r1..r10 then f1..f10), in a shuffled order. */
static LateralMeasureSession *
take_check (LateralMeasure     *mist,
            LateralMeasureWhen  when,
            const char         *profile_uuid,
            const char         *pattern)
{
  g_autoptr(GRand) rand = g_rand_new_with_seed (7);
  g_autofree guint *order = lateral_measure_shuffle (20, rand);
  LateralMeasureSession *session = lateral_measure_session_new (mist, when, profile_uuid);

  for (guint k = 0; k < 20; k++)
    {
      guint i = order[k];
      g_autofree char *id = g_strdup_printf ("%c%u", i < 10 ? 'r' : 'f', i % 10 + 1);
      g_autoptr(GError) error = NULL;

      g_assert_true (lateral_measure_session_answer (session, mist, id, pattern[i] == 'R', 1000 + k, &error));
      g_assert_no_error (error);
    }
  return session;
}

static void
test_session (void)
{
  g_autoptr(LateralMeasure) mist = load_mist ();
  g_autoptr(LateralMeasureSession) session = lateral_measure_session_new (mist, LATERAL_MEASURE_BEFORE, "p");
  g_autoptr(GError) error = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);
  g_autofree guint *order = lateral_measure_shuffle (20, rand);
  guint seen = 0;
  LateralMeasureScore score;

  /* A permutation: every index once. */
  for (guint i = 0; i < 20; i++)
    seen |= 1u << order[i];
  g_assert_cmpuint (seen, ==, (1u << 20) - 1);

  g_assert_false (lateral_measure_session_answer (session, mist, "x9", TRUE, 0, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_true (lateral_measure_session_answer (session, mist, "f3", FALSE, 10, &error));
  g_assert_true (lateral_measure_find_item (mist, "f3") != NULL);
  g_assert_true (((LateralMeasureAnswer *) g_ptr_array_index (session->answers, 0))->correct);
  g_assert_false (lateral_measure_session_answer (session, mist, "f3", TRUE, 10, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);
  g_assert_true (lateral_measure_session_answer (session, mist, "r2", FALSE, 10, &error));
  g_assert_false (((LateralMeasureAnswer *) g_ptr_array_index (session->answers, 1))->correct);
  g_assert_false (lateral_measure_session_check_complete (session, mist, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);

  /* Scored from what was stored: 1 fake right, 1 real judged Fake. */
  lateral_measure_session_score (session, &score);
  g_assert_cmpuint (score.V, ==, 1);
  g_assert_cmpuint (score.f, ==, 1);
  g_assert_cmpuint (score.r, ==, 0);
}

static void
test_store_sessions (void)
{
  g_autoptr(LateralMeasure) mist = load_mist ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (NULL, &error);
  g_autoptr(LateralProfile) ana = lateral_store_ensure_profile (store, "Ana", &error);
  g_autoptr(LateralMeasureSession) before = NULL;
  g_autoptr(LateralMeasureSession) after = NULL;
  g_autoptr(LateralMeasureSession) incomplete = NULL;
  g_autoptr(GPtrArray) sessions = NULL;
  LateralMeasureSession *read;
  LateralMeasureScore score;
  const char * const forbidden[] = {
    "UPDATE measure_sessions SET phase = 'after'",
    "DELETE FROM measure_sessions",
    "UPDATE measure_answers SET answer = 'real'",
    "DELETE FROM measure_answers",
  };

  g_assert_no_error (error);
  before = take_check (mist, LATERAL_MEASURE_BEFORE, ana->uuid, "RRRRRRRFFFFFFFFFRRRR");
  before->pack_id = g_strdup ("io.github.lateral.prank-call");
  before->class_code = g_strdup ("7B");
  g_assert_true (lateral_measure_session_check_complete (before, mist, &error));
  g_assert_true (lateral_store_add_measure_session (store, before, &error));
  g_assert_no_error (error);

  /* The same session twice: refused, nothing changed. */
  g_assert_false (lateral_store_add_measure_session (store, before, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_ALREADY_ANSWERED);
  g_clear_error (&error);

  after = take_check (mist, LATERAL_MEASURE_AFTER, ana->uuid, "RRRRRRRRFFFFFFFFFFFR");
  after->pack_id = g_strdup ("io.github.lateral.prank-call");
  after->class_code = g_strdup ("7B");
  g_assert_true (lateral_store_add_measure_session (store, after, &error));
  g_assert_no_error (error);

  sessions = lateral_store_list_measure_sessions (store, NULL, NULL, "7B", &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sessions->len, ==, 2);
  read = g_ptr_array_index (sessions, 0);
  g_assert_cmpstr (read->profile_name, ==, "Ana");
  g_assert_cmpstr (read->instrument_id, ==, "mist-20");
  g_assert_cmpuint (read->answers->len, ==, 20);
  g_assert_cmpstr (lateral_store_get_device_id (store), ==, read->device_id);
  lateral_measure_session_score (g_ptr_array_index (sessions, 0), &score);
  /* As tallied by hand in test_scoring. */
  assert_score (score, 13, 7, 6, 0, 1);
  lateral_measure_session_score (g_ptr_array_index (sessions, 1), &score);
  assert_score (score, 17, 8, 9, 1, 0);
  g_assert_cmpint (((LateralMeasureSession *) g_ptr_array_index (sessions, 1))->when, ==, LATERAL_MEASURE_AFTER);

  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = lateral_store_list_measure_sessions (store, NULL, NULL, "8C", &error);
  g_assert_cmpuint (sessions->len, ==, 0);

  /* Final: the triggers refuse every change. */
  for (guint i = 0; i < G_N_ELEMENTS (forbidden); i++)
    {
      g_assert_false (lateral_store_exec (store, forbidden[i], &error));
      g_assert_nonnull (error);
      g_clear_error (&error);
    }

  /* An answer twice in a session never reaches the table. */
  incomplete = lateral_measure_session_copy (before);
  g_free (incomplete->uuid);
  incomplete->uuid = g_uuid_string_random ();
  g_free (((LateralMeasureAnswer *) g_ptr_array_index (incomplete->answers, 1))->item_id);
  ((LateralMeasureAnswer *) g_ptr_array_index (incomplete->answers, 1))->item_id =
    g_strdup (((LateralMeasureAnswer *) g_ptr_array_index (incomplete->answers, 0))->item_id);
  g_assert_false (lateral_store_add_measure_session (store, incomplete, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_ALREADY_ANSWERED);
  g_clear_error (&error);
  g_clear_pointer (&sessions, g_ptr_array_unref);
  sessions = lateral_store_list_measure_sessions (store, NULL, NULL, NULL, &error);
  g_assert_cmpuint (sessions->len, ==, 2);
}

/* Each broken file in tests/measures/ with the exact located messages
 * in its .expected file. */
static void
test_broken (gconstpointer data)
{
  const char *name = data;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "measures", NULL);
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autofree char *stem = g_strndup (path, strlen (path) - strlen (".json"));
  g_autofree char *expected_path = g_strconcat (stem, ".expected", NULL);
  g_autofree char *expected = NULL;
  g_autoptr(GString) got = g_string_new (NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralMeasure) measure = NULL;
  g_autofree char *cwd = g_get_current_dir ();

  /* Relative names, as an author types them. */
  g_assert_cmpint (g_chdir (dir), ==, 0);
  measure = lateral_measure_load_file (name, &diagnostics, &error);
  g_assert_cmpint (g_chdir (cwd), ==, 0);
  g_assert_null (measure);
  g_assert_error (error, LATERAL_MEASURE_ERROR, LATERAL_MEASURE_ERROR_INVALID);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, i));
      g_string_append_printf (got, "%s\n", line);
    }
  /* LATERAL_TEST_WRITE_EXPECTED=1 writes the messages for a new broken file, to read and commit. */
  if (g_getenv ("LATERAL_TEST_WRITE_EXPECTED") != NULL)
    g_assert_true (g_file_set_contents (expected_path, got->str, -1, NULL));
  if (!g_file_get_contents (expected_path, &expected, NULL, NULL))
    g_error ("%s is missing; the messages were:\n%s", expected_path, got->str);
  g_assert_cmpstr (got->str, ==, expected);
}

int
main (int   argc,
      char *argv[])
{
  static const char * const broken[] = { "bad-items.json", "bad-norms.json", "bad-header.json", "bad-syntax.json" };

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/measure/mist-file", test_mist_file);
  g_test_add_func ("/measure/find", test_find);
  g_test_add_func ("/measure/scoring", test_scoring);
  g_test_add_func ("/measure/t-quantile", test_t_quantile);
  g_test_add_func ("/measure/paired", test_paired);
  g_test_add_func ("/measure/session", test_session);
  g_test_add_func ("/measure/store", test_store_sessions);
  for (guint i = 0; i < G_N_ELEMENTS (broken); i++)
    {
      g_autofree char *test_path = g_strdup_printf ("/measure/broken/%s", broken[i]);
      g_test_add_data_func (test_path, broken[i], test_broken);
    }

  return g_test_run ();
}
