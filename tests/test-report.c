/* test-report.c: the class report's numbers, worked out by hand
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "lateral-test-store.h"
#include "play/lateral-play.h"
#include "report/lateral-report.h"
#include "report/lateral-report-pdf.h"
#include "play/lateral-scoring.h"

#define MINI "org.example.mini-case"
#define GONE "org.example.gone"

/* The class of docs/report.md's worked example. mini-case: the-call
 * (unverified, false also accepted; impersonation), prank (true;
 * impersonation), photo (misleading; old-photo). */
static LateralStore *
make_class (void)
{
  g_autofree char *a1 = NULL, *a2 = NULL, *b1 = NULL, *c1 = NULL, *g1 = NULL;
  LateralStore *store = lateral_test_store_new ("report.db");

  a1 = lateral_test_store_start (store, "Ana, \"A\"", MINI, "7B");
  lateral_test_store_answer (store, a1, "the-call", LATERAL_VERDICT_FALSE, 3, TRUE, NULL);
  lateral_test_store_answer (store, a1, "prank", LATERAL_VERDICT_TRUE, 2, TRUE, NULL);
  lateral_test_store_answer (store, a1, "photo", LATERAL_VERDICT_TRUE, 3, FALSE, NULL);
  lateral_test_store_finish (store, a1);
  a2 = lateral_test_store_start (store, "Ana, \"A\"", MINI, "7B");
  lateral_test_store_answer (store, a2, "the-call", LATERAL_VERDICT_UNVERIFIED, 1, TRUE, NULL);
  lateral_test_store_answer (store, a2, "prank", LATERAL_VERDICT_FALSE, 3, FALSE, NULL);
  lateral_test_store_answer (store, a2, "photo", LATERAL_VERDICT_MISLEADING, 2, TRUE, NULL);
  lateral_test_store_finish (store, a2);
  b1 = lateral_test_store_start (store, "Ben", MINI, "7B");
  lateral_test_store_answer (store, b1, "the-call", LATERAL_VERDICT_TRUE, 3, FALSE, NULL);
  c1 = lateral_test_store_start (store, "Cleo", MINI, NULL);
  lateral_test_store_answer (store, c1, "the-call", LATERAL_VERDICT_MISLEADING, 1, FALSE, NULL);
  lateral_test_store_answer (store, c1, "prank", LATERAL_VERDICT_TRUE, 3, TRUE, NULL);
  lateral_test_store_answer (store, c1, "photo", LATERAL_VERDICT_UNVERIFIED, 2, FALSE, NULL);
  lateral_test_store_finish (store, c1);
  g1 = lateral_test_store_start (store, "Ana, \"A\"", GONE, "7B");
  lateral_test_store_answer (store, g1, "x", LATERAL_VERDICT_TRUE, 1, TRUE, NULL);

  return store;
}

static LateralPackRegistry *
make_registry (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_test_build_filename (G_TEST_DIST, "play", NULL);
  LateralPackRegistry *registry = lateral_pack_registry_new ();

  g_setenv ("LATERAL_PACKS_DIR", dir, TRUE);
  g_assert_true (lateral_pack_registry_load (registry, &error));
  g_assert_no_error (error);
  g_assert_nonnull (lateral_pack_registry_lookup (registry, MINI));
  return registry;
}

static const LateralReportClaim *
claim_at (const LateralReportGroup *group,
          guint                     index)
{
  g_assert_cmpuint (index, <, group->claims->len);
  return group->claims->pdata[index];
}

static void
test_numbers (void)
{
  g_autoptr(LateralStore) store = make_class ();
  g_autoptr(LateralPackRegistry) registry = make_registry ();
  g_autoptr(LateralReport) report = NULL;
  g_autoptr(GError) error = NULL;
  const LateralReportGroup *group;
  const LateralReportStudent *ana, *ben;
  const LateralReportTechnique *technique;
  LateralVerdict wrong;

  report = lateral_report_new (store, registry, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lateral_report_get_n_groups (report), ==, 3);

  /* Sorted by class code, no class code last, then pack id. */
  group = lateral_report_get_group (report, 0);
  g_assert_cmpstr (group->class_code, ==, "7B");
  g_assert_cmpstr (group->pack_id, ==, GONE);
  g_assert_null (group->pack_title);
  g_assert_cmpuint (group->claims->len, ==, 1);
  g_assert_null (claim_at (group, 0)->claim);
  g_assert_cmpuint (group->techniques->len, ==, 0);
  g_assert_null (lateral_report_get_group (report, 2)->class_code);

  group = lateral_report_get_group (report, 1);
  g_assert_cmpstr (group->class_code, ==, "7B");
  g_assert_cmpstr (group->pack_title, ==, "A small case for the store's tests");
  g_assert_cmpuint (group->n_attempts, ==, 3);
  g_assert_cmpuint (group->n_answers, ==, 7);
  g_assert_cmpuint (group->n_correct, ==, 4);

  g_assert_cmpuint (group->students->len, ==, 2);
  ana = group->students->pdata[0];
  ben = group->students->pdata[1];
  g_assert_cmpstr (ana->profile_name, ==, "Ana, \"A\"");
  g_assert_cmpuint (ana->n_attempts, ==, 2);
  g_assert_cmpuint (ana->n_finished, ==, 2);
  g_assert_cmpuint (ana->n_answers, ==, 6);
  g_assert_cmpuint (ana->n_correct, ==, 4);
  g_assert_true (ana->has_marks);
  g_assert_cmpint (ana->best_mark, ==, 3 + 2 - 6);
  g_assert_cmpint (ana->latest_mark, ==, 1 - 6 + 2);
  g_assert_cmpstr (ben->profile_name, ==, "Ben");
  g_assert_cmpuint (ben->n_finished, ==, 0);
  g_assert_false (ben->has_marks);
  g_assert_cmpuint (ben->n_answers, ==, 1);

  /* In the pack's order, with the claims' texts. */
  g_assert_cmpuint (group->claims->len, ==, 3);
  g_assert_cmpstr (claim_at (group, 0)->claim_id, ==, "the-call");
  g_assert_cmpstr (claim_at (group, 0)->claim, ==, "The president phoned the singer today.");
  g_assert_cmpuint (claim_at (group, 0)->n_answers, ==, 3);
  g_assert_cmpuint (claim_at (group, 0)->n_correct, ==, 2);
  g_assert_cmpfloat_with_epsilon (lateral_report_claim_get_mean_certainty (claim_at (group, 0)), 7.0 / 3, 1e-9);
  g_assert_true (lateral_report_claim_get_most_common_wrong (claim_at (group, 0), &wrong));
  g_assert_cmpint (wrong, ==, LATERAL_VERDICT_TRUE);
  g_assert_cmpuint (claim_at (group, 0)->wrong_at_high_certainty, ==, 1);
  g_assert_cmpstr (claim_at (group, 1)->claim_id, ==, "prank");
  g_assert_true (lateral_report_claim_get_most_common_wrong (claim_at (group, 1), &wrong));
  g_assert_cmpint (wrong, ==, LATERAL_VERDICT_FALSE);
  g_assert_cmpstr (claim_at (group, 2)->claim_id, ==, "photo");
  g_assert_cmpuint (claim_at (group, 2)->n_correct, ==, 1);
  g_assert_cmpfloat_with_epsilon (lateral_report_percent (claim_at (group, 2)->n_correct,
                                                          claim_at (group, 2)->n_answers), 50.0, 1e-9);

  g_assert_cmpuint (group->techniques->len, ==, 2);
  technique = group->techniques->pdata[0];
  g_assert_cmpstr (technique->technique_id, ==, "impersonation");
  g_assert_cmpstr (technique->name, ==, "Impersonation");
  g_assert_cmpuint (technique->n_answers, ==, 5);
  g_assert_cmpuint (technique->n_correct, ==, 3);
  technique = group->techniques->pdata[1];
  g_assert_cmpstr (technique->technique_id, ==, "old-photo");
  g_assert_cmpuint (technique->n_answers, ==, 2);
  g_assert_cmpuint (technique->n_correct, ==, 1);

  g_assert_cmpuint (group->by_certainty[1].answered, ==, 1);
  g_assert_cmpuint (group->by_certainty[1].correct, ==, 1);
  g_assert_cmpuint (group->by_certainty[2].answered, ==, 2);
  g_assert_cmpuint (group->by_certainty[2].correct, ==, 2);
  g_assert_cmpuint (group->by_certainty[3].answered, ==, 4);
  g_assert_cmpuint (group->by_certainty[3].correct, ==, 1);
  /* Level 3: 4 answers below their band; level 2: 2 above, level 1: none. */
  g_assert_cmpint (lateral_report_group_get_calibration (group), ==, LATERAL_CALIBRATION_OVERCONFIDENT);
}

static void
test_filters (void)
{
  g_autoptr(LateralStore) store = make_class ();
  g_autoptr(LateralReport) by_class = NULL;
  g_autoptr(LateralReport) by_pack = NULL;
  g_autoptr(LateralReport) both = NULL;
  g_autoptr(LateralReport) none = NULL;
  g_autoptr(GError) error = NULL;
  const LateralReportGroup *group;

  /* Without a registry: no titles, no texts, no techniques, same counts. */
  by_class = lateral_report_new (store, NULL, "7B", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lateral_report_get_n_groups (by_class), ==, 2);
  group = lateral_report_get_group (by_class, 1);
  g_assert_null (group->pack_title);
  g_assert_cmpuint (group->n_answers, ==, 7);
  g_assert_cmpuint (group->techniques->len, ==, 0);
  /* Without the pack, claims come by id. */
  g_assert_cmpstr (claim_at (group, 0)->claim_id, ==, "photo");
  g_assert_null (claim_at (group, 0)->claim);

  by_pack = lateral_report_new (store, NULL, NULL, MINI, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lateral_report_get_n_groups (by_pack), ==, 2);
  g_assert_null (lateral_report_get_group (by_pack, 1)->class_code);
  g_assert_cmpuint (lateral_report_get_group (by_pack, 1)->n_answers, ==, 3);

  both = lateral_report_new (store, NULL, "7B", GONE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lateral_report_get_n_groups (both), ==, 1);

  none = lateral_report_new (store, NULL, "nope", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lateral_report_get_n_groups (none), ==, 0);
  g_assert_cmpuint (lateral_report_count_pages (none, LATERAL_REPORT_PAGE_WIDTH, LATERAL_REPORT_PAGE_HEIGHT), ==, 0);
}

static void
test_most_common_wrong_tie (void)
{
  LateralReportClaim claim = { .n_answers = 3 };
  LateralVerdict wrong = LATERAL_VERDICT_UNVERIFIED;

  g_assert_false (lateral_report_claim_get_most_common_wrong (&claim, &wrong));
  claim.wrong_by_verdict[LATERAL_VERDICT_UNVERIFIED] = 1;
  claim.wrong_by_verdict[LATERAL_VERDICT_FALSE] = 1;
  g_assert_true (lateral_report_claim_get_most_common_wrong (&claim, &wrong));
  g_assert_cmpint (wrong, ==, LATERAL_VERDICT_FALSE);
  claim.wrong_by_verdict[LATERAL_VERDICT_UNVERIFIED] = 2;
  g_assert_true (lateral_report_claim_get_most_common_wrong (&claim, &wrong));
  g_assert_cmpint (wrong, ==, LATERAL_VERDICT_UNVERIFIED);
}

static void
test_json_csv_text (void)
{
  g_autoptr(LateralStore) store = make_class ();
  g_autoptr(LateralPackRegistry) registry = make_registry ();
  g_autoptr(LateralReport) report = lateral_report_new (store, registry, "7B", MINI, NULL);
  g_autoptr(JsonNode) root = lateral_report_to_json (report);
  g_autofree char *csv = lateral_report_to_csv (report);
  g_autofree char *text = lateral_report_to_text (report);
  JsonObject *object = json_node_get_object (root);
  JsonObject *student, *claim;

  g_assert_cmpstr (json_object_get_string_member (object, "format"), ==, LATERAL_REPORT_FORMAT);
  g_assert_cmpstr (json_object_get_string_member (object, "class_code"), ==, "7B");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "students")), ==, 2);
  student = json_array_get_object_element (json_object_get_array_member (object, "students"), 1);
  g_assert_cmpstr (json_object_get_string_member (student, "profile"), ==, "Ben");
  g_assert_cmpint (json_object_get_int_member (student, "attempts"), ==, 1);
  g_assert_true (json_object_get_null_member (student, "best_mark"));
  g_assert_true (json_object_get_null_member (student, "latest_mark"));
  g_assert_cmpfloat (json_object_get_double_member (student, "percent_correct"), ==, 0.0);
  claim = json_array_get_object_element (json_object_get_array_member (object, "claims"), 0);
  g_assert_cmpstr (json_object_get_string_member (claim, "claim_id"), ==, "the-call");
  g_assert_cmpint (json_object_get_int_member (claim, "answers"), ==, 3);
  g_assert_cmpstr (json_object_get_string_member (claim, "most_common_wrong"), ==, "true");
  g_assert_cmpint (json_object_get_int_member (claim, "wrong_at_high_certainty"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "calibration")), ==, 3);

  g_assert_true (g_str_has_prefix (csv, "table,class_code,pack_id,pack_version,pack_title,"));
  g_assert_nonnull (strstr (csv, "\r\n\r\ntable,class_code,pack_id,pack_version,profile,profile_id,"));
  g_assert_nonnull (strstr (csv, "\r\nstudents,7B," MINI ",1.0.0,\"Ana, \"\"A\"\"\","));
  g_assert_nonnull (strstr (csv, ",2,1,50.0,2.5,true,1\r\n"));

  g_assert_nonnull (strstr (text, "Class 7B — A small case for the store's tests (" MINI ", version 1.0.0)"));
  g_assert_nonnull (strstr (text, "Ana, \"A\""));
}

/* Rows of a fixed height: the number of pages follows from the numbers of
 * rows (docs/report.md), and long tables go on with their header. */
static void
test_pages (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = g_build_filename (g_get_user_data_dir (), "big.db", NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "report.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(LateralReport) report = NULL;
  guint n_pages = 0;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  store = lateral_store_open (path, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < 100; i++)
    {
      g_autofree char *name = g_strdup_printf ("Student %03u", i);
      g_autofree char *attempt = lateral_test_store_start (store, name, GONE, "9C");

      lateral_test_store_answer (store, attempt, "x", LATERAL_VERDICT_TRUE, 1 + i % 3, i % 2 == 0, NULL);
    }

  report = lateral_report_new (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  /* A4: 842 - 2 × 40 margin - 20 footer = 722 points a page. Page 1:
   * title 84, heading 30, header 16, then (722 - 130) / 16 = 37 rows;
   * page 2: heading 30 + header 16, 42 rows; page 3: the last 21 rows
   * (46 + 336 = 382), the claims table (30 + 16 + 16 = 444), and the
   * then the grid: heading and header (490), 14 student rows (714);
   * pages 4 and 5: 42 rows each under heading and header; page 6: the
   * last 2 rows (78), the grid's key (94) and the chart fits: 294. */
  g_assert_cmpuint (lateral_report_count_pages (report, LATERAL_REPORT_PAGE_WIDTH, LATERAL_REPORT_PAGE_HEIGHT), ==, 6);
  /* A taller page holds it all: 84 + 2 × (46 + 1600) + 46 + 16 + 200 = 3654. */
  g_assert_cmpuint (lateral_report_count_pages (report, LATERAL_REPORT_PAGE_WIDTH, 3760), ==, 1);
  g_assert_cmpuint (lateral_report_count_pages (report, LATERAL_REPORT_PAGE_WIDTH, 3750), ==, 2);

  g_assert_true (lateral_report_write_pdf (report, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, 6);
  g_assert_true (g_file_get_contents (pdf, &contents, NULL, NULL));
  g_assert_true (g_str_has_prefix (contents, "%PDF-"));
  {
    g_autofree char *partial = g_strconcat (pdf, ".partial", NULL);

    g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
  }
}

static void
test_pdf_unwritable (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = make_class ();
  g_autoptr(LateralReport) report = lateral_report_new (store, NULL, NULL, NULL, NULL);
  g_autofree char *pdf = g_build_filename (g_get_user_data_dir (), "no-such-folder", "r.pdf", NULL);

  g_assert_false (lateral_report_write_pdf (report, pdf, NULL, &error));
  g_assert_nonnull (error);
  g_assert_nonnull (strstr (error->message, "r.pdf"));
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* The seeding helper bench/ fills its stores with: 100 answers to three
 * claims are 34 attempts (the last one unfinished, of one answer), taken
 * in turn by 7 learners in two classes, and the report counts them all. */
static void
test_seeded_class (void)
{
  static const char * const claims[] = { "the-call", "prank", "photo", NULL };
  static const char * const classes[] = { "7B", "7A", NULL };
  const LateralTestClass seed = {
    .pack_id = MINI, .claim_ids = claims, .class_codes = classes, .n_learners = 7, .n_answers = 100,
  };
  g_autoptr(LateralStore) store = lateral_test_store_new ("seeded.db");
  g_autoptr(LateralReport) report = NULL;
  g_autoptr(GError) error = NULL;
  guint n_answers = 0, n_attempts = 0, n_finished = 0, n_students = 0;

  g_assert_cmpuint (lateral_test_store_seed (store, &seed), ==, 34);

  report = lateral_report_new (store, NULL, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lateral_report_get_n_groups (report), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      const LateralReportGroup *group = lateral_report_get_group (report, i);

      g_assert_cmpstr (group->class_code, ==, i == 0 ? "7A" : "7B");
      n_answers += group->n_answers;
      n_attempts += group->n_attempts;
      n_students += group->students->len;
      for (guint k = 0; k < group->students->len; k++)
        n_finished += ((LateralReportStudent *) group->students->pdata[k])->n_finished;
    }
  g_assert_cmpuint (n_answers, ==, 100);
  g_assert_cmpuint (n_attempts, ==, 34);
  g_assert_cmpuint (n_finished, ==, 33);
  /* 7 learners, odd: each takes attempts in both classes. */
  g_assert_cmpuint (n_students, ==, 14);
}

/* The /2 sample as version @version; 1.0.0 scores "real-call" false. */
static void
write_versioned_pack (const char *folder,
                      const char *version)
{
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "packs", "valid", "sample-case-2.json", NULL);
  g_autofree char *path = g_build_filename (folder, "case.json", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *quoted = g_strdup_printf ("\"%s\"", version);
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (sample_path, &sample, NULL, NULL));
  text = g_string_new (sample);
  g_assert_cmpuint (g_string_replace (text, "\"2.0.0\"", quoted, 1), ==, 1);
  if (g_str_equal (version, "1.0.0"))
    g_assert_cmpuint (g_string_replace (text, "\"verdict\": \"unverified\",\n      \"also_accepted\": [\"true\"],",
                                        "\"verdict\": \"false\",", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

/* Plays the whole case, giving @verdict at @certainty to every claim, with
 * the checks of @moves (claim id, then check ids, NULL-separated) . */
static void
play_case (LateralStore   *store,
           LateralPack    *pack,
           const char     *name,
           LateralVerdict  verdict,
           int             certainty,
           const char     *first_call_checks[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPlay) play = lateral_play_new (store, pack, name, "9C", &error);

  g_assert_no_error (error);
  while (!lateral_play_is_finished (play))
    {
      const LateralStep *step = lateral_play_get_current_step (play);

      if (step->type == LATERAL_STEP_CLAIM)
        {
          const char * const none[] = { NULL };
          const char * const *checks = g_str_equal (step->id, "first-call") ? first_call_checks : none;

          g_assert_nonnull (lateral_play_answer (play, verdict, certainty, checks, 1000, &error));
          g_assert_no_error (error);
        }
      lateral_play_advance (play, &error);
      g_assert_no_error (error);
    }
}

static const LateralReportClaim *
find_claim (const LateralReportGroup *group,
            const char               *claim_id)
{
  for (guint i = 0; i < group->claims->len; i++)
    {
      const LateralReportClaim *claim = group->claims->pdata[i];

      if (g_str_equal (claim->claim_id, claim_id))
        return claim;
    }
  return NULL;
}

/* Old results stay true: an attempt played with 1.0.0 keeps the answers and
 * marks it got then after 2.0.0 (where a verdict changed) is installed; the
 * report counts each version on its own, never pooling the changed claim;
 * checks are counted by the question they answer. */
static void
test_versions_not_pooled (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *folder = g_build_filename (g_get_user_data_dir (), "versions-packs", NULL);
  g_autofree char *db = g_build_filename (g_get_user_data_dir (), "versions.db", NULL);
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(LateralReport) report = NULL;
  g_autofree char *text = NULL;
  g_autofree char *csv = NULL;
  const char *checks[] = { "search-kremlin", "count-likes", "check-account", NULL };
  const char *old_checks[] = { "search-kremlin", NULL };
  const LateralReportGroup *old_group, *new_group;
  const LateralReportClaim *claim;
  const LateralReportStudent *student;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_setenv ("LATERAL_PACKS_DIR", folder, TRUE);
  store = lateral_store_open (db, &error);
  g_assert_no_error (error);

  /* Ana plays 1.0.0, where "false" is right for real-call: 3 claims at
   * certainty 3, right only there. */
  write_versioned_pack (folder, "1.0.0");
  g_assert_true (lateral_pack_registry_load (registry, &error));
  play_case (store, lateral_pack_registry_lookup (registry, "org.example.sample-case-two"),
             "Ana", LATERAL_VERDICT_FALSE, 3, old_checks);

  /* 2.0.0 replaces it; Ben plays it with the same answers. */
  write_versioned_pack (folder, "2.0.0");
  g_assert_true (lateral_pack_registry_load (registry, &error));
  g_assert_cmpstr (lateral_pack_get_version (lateral_pack_registry_lookup (registry, "org.example.sample-case-two")), ==, "2.0.0");
  play_case (store, lateral_pack_registry_lookup (registry, "org.example.sample-case-two"),
             "Ben", LATERAL_VERDICT_FALSE, 3, checks);

  report = lateral_report_new (store, registry, "9C", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (lateral_report_get_n_groups (report), ==, 2);

  old_group = lateral_report_get_group (report, 0);
  g_assert_cmpstr (old_group->pack_version, ==, "1.0.0");
  g_assert_false (old_group->pack_known);
  g_assert_cmpuint (old_group->n_answers, ==, 3);
  g_assert_cmpuint (old_group->n_correct, ==, 1);
  claim = find_claim (old_group, "real-call");
  g_assert_cmpuint (claim->n_answers, ==, 1);
  g_assert_cmpuint (claim->n_correct, ==, 1);
  student = old_group->students->pdata[0];
  g_assert_cmpstr (student->profile_name, ==, "Ana");
  g_assert_true (student->has_marks);
  g_assert_cmpint (student->best_mark, ==, 3 - 6 - 6);
  /* Without that version's pack, its checks cannot be named. */
  for (guint q = 0; q < LATERAL_N_ASKS; q++)
    g_assert_cmpuint (old_group->checks_by_asks[q].picked, ==, 0);

  new_group = lateral_report_get_group (report, 1);
  g_assert_cmpstr (new_group->pack_version, ==, "2.0.0");
  g_assert_true (new_group->pack_known);
  g_assert_cmpuint (new_group->n_correct, ==, 0);
  claim = find_claim (new_group, "real-call");
  g_assert_cmpuint (claim->n_answers, ==, 1);
  g_assert_cmpuint (claim->n_correct, ==, 0);
  student = new_group->students->pdata[0];
  g_assert_cmpstr (student->profile_name, ==, "Ben");
  g_assert_cmpint (student->best_mark, ==, -18);
  g_assert_cmpuint (new_group->checks_by_asks[LATERAL_ASKS_OTHERS].picked, ==, 1);
  g_assert_cmpuint (new_group->checks_by_asks[LATERAL_ASKS_OTHERS].picked_expected, ==, 1);
  g_assert_cmpuint (new_group->checks_by_asks[LATERAL_ASKS_EVIDENCE].picked, ==, 1);
  g_assert_cmpuint (new_group->checks_by_asks[LATERAL_ASKS_EVIDENCE].picked_expected, ==, 0);
  g_assert_cmpuint (new_group->checks_by_asks[LATERAL_ASKS_WHO].picked, ==, 1);
  g_assert_cmpuint (new_group->checks_by_asks[LATERAL_ASKS_NONE].picked, ==, 0);
  /* first-call expects two checks (others, who), denial-proves one (who). */
  g_assert_cmpuint (new_group->checks_by_asks[LATERAL_ASKS_OTHERS].expected_offered, ==, 1);
  g_assert_cmpuint (new_group->checks_by_asks[LATERAL_ASKS_WHO].expected_offered, ==, 2);
  g_assert_cmpuint (new_group->checks_by_asks[LATERAL_ASKS_EVIDENCE].expected_offered, ==, 0);

  text = lateral_report_to_text (report);
  g_assert_nonnull (strstr (text, "(org.example.sample-case-two, version 1.0.0)"));
  g_assert_nonnull (strstr (text, "(org.example.sample-case-two, version 2.0.0)"));
  g_assert_nonnull (strstr (text, "Version 1.0.0 of this case is not on this computer"));
  g_assert_nonnull (strstr (text, "What do other sources say? 1 picked, 1 of the 1 expected"));
  csv = lateral_report_to_csv (report);
  g_assert_nonnull (strstr (csv, "\r\nchecks,9C,org.example.sample-case-two,2.0.0,evidence,1,0,0\r\n"));
  g_unsetenv ("LATERAL_PACKS_DIR");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/report/numbers", test_numbers);
  g_test_add_func ("/report/filters", test_filters);
  g_test_add_func ("/report/most-common-wrong-tie", test_most_common_wrong_tie);
  g_test_add_func ("/report/json-csv-text", test_json_csv_text);
  g_test_add_func ("/report/pages", test_pages);
  g_test_add_func ("/report/pdf-unwritable", test_pdf_unwritable);
  g_test_add_func ("/report/seeded-class", test_seeded_class);
  g_test_add_func ("/report/versions-not-pooled", test_versions_not_pooled);

  return g_test_run ();
}
