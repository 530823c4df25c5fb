/* class-scale.c: an instructor's class, at scale
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   _bench/bench/class-scale [--runs N] [--pdf-learners N --cli PATH]
 *
 * Import: 30 results bundles, one per learner (each played the built-in case
 * twice: once to the end, once halfway), merged into a fresh store through
 * lateral_bundle_import_file(), each bundle its own durable transaction, in
 * a folder under XDG_DATA_HOME (the disk the store lives on). Floor: a raw
 * json-glib parse of the same 30 files. Target: under 1 s in all. The
 * bundles name the built-in case, loaded from LATERAL_PACKS_DIR (bench/run
 * sets it) as the app and the CLI load it.
 *
 * With --pdf-learners N (bench/run leaves it out: seeding 90,000 learners
 * takes minutes): a store of N learners, one finished attempt of the case
 * each in 30 classes, seeded through the shared test helpers, then the
 * built `lateral-cli report --pdf` over it, timed once as an instructor
 * would run it (no floor: the figure is the time itself).
 *
 * Every line is TAB-separated for bench/runner.py:
 *   NAME  MEDIAN_US  FLOOR_MEDIAN_US  TARGET_RATIO|-  [LIMIT_US]
 */
#include "bench-util.h"
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gstdio.h>

#include "lateral-test-store.h"
#include "pack/lateral-pack-registry.h"
#include "results/lateral-bundle.h"
#include "play/lateral-scoring.h"
#include "store/lateral-store-private.h"

#define N_LEARNERS 30
#define PACK_ID    "io.github.lateral.prank-call"
#define CLASS_CODE "7B"

/* The built-in case's claims and their verdicts, so that the generated
 * answers are marked as the real case would mark them. */
static const struct {
  const char     *id;
  LateralVerdict  verdict;
  const char     *move;
} claims[] = {
  { "putin-phoned", LATERAL_VERDICT_UNVERIFIED, "trace-origin" },
  { "spokesperson-confirms", LATERAL_VERDICT_FALSE, "what-could-they-know" },
  { "denial-proves-fake", LATERAL_VERDICT_UNVERIFIED, "independent-evidence" },
  { "impersonators", LATERAL_VERDICT_TRUE, "independent-lines" },
  { "john-accepts", LATERAL_VERDICT_TRUE, "own-words" },
  { "real-call", LATERAL_VERDICT_UNVERIFIED, "trace-origin" },
  { "headline-vs-body", LATERAL_VERDICT_MISLEADING, "read-past-headline" },
  { "quote-word-for-word", LATERAL_VERDICT_FALSE, "compare-reports" },
  { "gay-rights", LATERAL_VERDICT_TRUE, "independent-reports" },
};

/* Learner L's answer to claim C in attempt A: right about two times in
 * three, at every certainty, with a move now and then. */
static void
make_answer (guint           learner,
             guint           attempt,
             guint           claim,
             LateralAnswer  *answer)
{
  guint seed = learner * 31 + attempt * 7 + claim * 13;

  answer->claim_id = (char *) claims[claim].id;
  answer->verdict = seed % 3 != 0 ? claims[claim].verdict : (claims[claim].verdict + 1) % LATERAL_N_VERDICTS;
  answer->certainty = 1 + seed % 3;
  answer->correct = answer->verdict == claims[claim].verdict;
  answer->mark = lateral_cbm_mark (answer->correct, answer->certainty);
  answer->time_ms = 5000 + seed % 20000;
  answer->moves_expected = seed % 2;
}

static void
append_answer (GString             *out,
               const LateralAnswer *answer,
               const char          *move,
               const char          *when,
               gboolean             last)
{
  g_string_append_printf (out,
    "        { \"claim_id\": \"%s\", \"verdict\": \"%s\", \"certainty\": %d,"
    " \"moves\": [%s%s%s], \"time_ms\": %u, \"answered_at\": \"%s\", \"correct\": %s,"
    " \"mark\": %d, \"moves_expected\": %u, \"moves_unexpected\": 0 }%s\n",
    answer->claim_id, lateral_verdict_to_string (answer->verdict), answer->certainty,
    answer->moves_expected ? "\"" : "", answer->moves_expected ? move : "",
    answer->moves_expected ? "\"" : "", answer->time_ms, when,
    answer->correct ? "true" : "false", answer->mark, answer->moves_expected, last ? "" : ",");
}

/* One learner's bundle, as `lateral-cli export` on their machine writes it. */
static GString *
make_bundle (guint learner)
{
  g_autofree char *device = g_uuid_string_random ();
  g_autofree char *profile = g_uuid_string_random ();
  GString *out = g_string_new (NULL);

  g_string_append_printf (out,
    "{\n  \"format\": \"lateral-results/1\",\n  \"generator\": \"Lateral bench\",\n"
    "  \"exported_at\": \"2026-11-25T10:00:00Z\",\n  \"device_id\": \"%s\",\n"
    "  \"profiles\": [ { \"uuid\": \"%s\", \"name\": \"Learner %02u\","
    " \"created_at\": \"2026-11-24T09:00:00Z\" } ],\n  \"attempts\": [\n",
    device, profile, learner);

  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autofree char *uuid = g_uuid_string_random ();
      guint n_answers = attempt == 0 ? G_N_ELEMENTS (claims) : G_N_ELEMENTS (claims) / 2;

      g_string_append_printf (out,
        "    {\n      \"uuid\": \"%s\", \"profile_uuid\": \"%s\",\n"
        "      \"pack\": { \"id\": \"" PACK_ID "\", \"version\": \"1.0.0\","
        " \"hash\": \"8880c29012e3561711090ead133438f702626ada2cdd98880890ea253e19c46e\" },\n"
        "      \"class_code\": \"" CLASS_CODE "\", \"device_id\": \"%s\",\n"
        "      \"started_at\": \"2026-11-24T09:%02u:00Z\", \"finished_at\": %s,\n"
        "      \"answers\": [\n",
        uuid, profile, device, 10 + attempt * 30,
        attempt == 0 ? "\"2026-11-24T09:30:00Z\"" : "null");
      for (guint c = 0; c < n_answers; c++)
        {
          g_autofree char *when = g_strdup_printf ("2026-11-24T09:%02u:%02uZ", 10 + attempt * 30 + c, learner);
          LateralAnswer answer = { 0 };

          make_answer (learner, attempt, c, &answer);
          append_answer (out, &answer, claims[c].move, when, c + 1 == n_answers);
        }
      g_string_append_printf (out, "      ]\n    }%s\n", attempt == 0 ? "," : "");
    }
  g_string_append (out, "  ]\n}\n");
  return out;
}

static double
import_class (GPtrArray *files,
              GPtrArray *packs)
{
  g_autofree char *dir = bench_fresh_dir ();
  g_autofree char *path = g_build_filename (dir, "lateral.db", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (path, &error);
  gint64 start;
  double elapsed;

  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  for (guint i = 0; i < files->len; i++)
    {
      LateralImportResult result = { 0 };

      if (!lateral_bundle_import_file (store, files->pdata[i], packs, &result, &error))
        g_error ("%s", error->message);
      g_assert_cmpuint (result.n_added, ==, 2);
      lateral_import_result_clear (&result);
    }
  elapsed = g_get_monotonic_time () - start;

  g_clear_object (&store);
  bench_remove_tree (dir);
  return elapsed;
}

static double
parse_class (GPtrArray *files)
{
  gint64 start = g_get_monotonic_time ();

  for (guint i = 0; i < files->len; i++)
    {
      g_autoptr(JsonParser) parser = json_parser_new_immutable ();
      g_autoptr(GError) error = NULL;

      if (!json_parser_load_from_file (parser, files->pdata[i], &error))
        g_error ("%s", error->message);
    }
  return g_get_monotonic_time () - start;
}

static void
bench_import (guint runs)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(GPtrArray) packs = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = bench_fresh_dir ();
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) ours = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) floor = g_array_new (FALSE, FALSE, sizeof (double));

  if (!lateral_pack_registry_load (registry, &error))
    g_error ("%s", error->message);
  packs = lateral_bundle_list_packs (registry);
  for (guint i = 0; i < N_LEARNERS; i++)
    {
      g_autoptr(GString) text = make_bundle (i);
      g_autofree char *name = g_strdup_printf ("learner-%02u.json", i);
      char *path = g_build_filename (dir, name, NULL);

      g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
      g_ptr_array_add (files, path);
    }

  /* Round 0 warms both and is not kept. */
  for (guint r = 0; r <= runs; r++)
    {
      double f = parse_class (files), o = import_class (files, packs);

      if (r == 0)
        continue;
      g_array_append_val (ours, o);
      g_array_append_val (floor, f);
    }

  g_print ("import %u bundles (%u attempts, %u answers)\t%.1f\t%.1f\t-\t1000000\n",
           N_LEARNERS, 2 * N_LEARNERS,
           N_LEARNERS * (guint) (G_N_ELEMENTS (claims) + G_N_ELEMENTS (claims) / 2),
           bench_median (ours), bench_median (floor));
  bench_remove_tree (dir);
}

/* `lateral-cli report --pdf` over a store of @n_learners learners. */
static void
bench_report_pdf (guint       n_learners,
                  const char *cli)
{
  static const char * const claim_ids[] = {
    "putin-phoned", "spokesperson-confirms", "denial-proves-fake", "impersonators", "john-accepts",
    "real-call", "headline-vs-body", "quote-word-for-word", "gay-rights", NULL
  };
  g_autofree char *dir = bench_fresh_dir ();
  g_autofree char *data = g_build_filename (dir, "data", NULL);
  g_autofree char *folder = g_build_filename (data, "lateral", NULL);
  g_autofree char *path = g_build_filename (folder, "lateral.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "class.pdf", NULL);
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { cli, "report", "--pdf", pdf, NULL };
  LateralStore *store;
  gint64 start;
  double seed_s;
  int status = 0;
  GStatBuf st;

  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (codes, g_strdup_printf ("C%02u", i));
  g_ptr_array_add (codes, NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  start = g_get_monotonic_time ();
  store = lateral_store_open (path, &error);
  g_assert_no_error (error);
  lateral_test_store_seed (store, &(LateralTestClass) {
                             .pack_id = PACK_ID, .claim_ids = claim_ids,
                             .class_codes = (const char * const *) codes->pdata,
                             .n_learners = n_learners,
                             .n_answers = n_learners * (guint) (G_N_ELEMENTS (claim_ids) - 1),
                           });
  g_object_unref (store);
  seed_s = (g_get_monotonic_time () - start) / (double) G_USEC_PER_SEC;

  env = g_environ_setenv (env, "XDG_DATA_HOME", data, TRUE);
  start = g_get_monotonic_time ();
  if (!g_spawn_sync (NULL, (char **) argv, env, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status, &error))
    g_error ("%s", error->message);
  if (!g_spawn_check_wait_status (status, &error))
    g_error ("%s: %s", error->message, err);
  g_assert_cmpint (g_stat (pdf, &st), ==, 0);
  g_printerr ("# seeded %u learners (%u answers) in %.1f s; PDF %" G_GINT64_FORMAT " bytes; %s",
              n_learners, n_learners * (guint) (G_N_ELEMENTS (claim_ids) - 1), seed_s,
              (gint64) st.st_size, err);
  g_print ("report --pdf over %u learners\t%.1f\t-\t-\n", n_learners,
           (double) (g_get_monotonic_time () - start));
  bench_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  guint runs = 7;
  guint pdf_learners = 0;
  const char *cli = NULL;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--runs") == 0)
        runs = MAX (1, atoi (argv[i + 1]));
      else if (strcmp (argv[i], "--pdf-learners") == 0)
        pdf_learners = atoi (argv[i + 1]);
      else if (strcmp (argv[i], "--cli") == 0)
        cli = argv[i + 1];
    }

  if (pdf_learners > 0)
    {
      if (cli == NULL)
        g_error ("--pdf-learners needs --cli PATH (the built lateral-cli)");
      bench_report_pdf (pdf_learners, cli);
      return 0;
    }
  bench_import (runs);
  return 0;
}
