/* test-pack.c: loading packs into the model
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "lateral-pack.h"

static LateralPack *
load_valid (const char *name)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", "valid", name, NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  LateralPack *pack;

  pack = lateral_pack_load_file (path, &diagnostics, &error);
  if (pack == NULL)
    {
      for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
        {
          g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, i));
          g_test_message ("%s", line);
        }
    }
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_nonnull (diagnostics);
  g_assert_cmpuint (diagnostics->len, ==, 0);
  return pack;
}

static void
test_load_valid (void)
{
  g_autoptr(LateralPack) pack = load_valid ("sample-case.json");
  g_autofree char *image = g_test_build_filename (G_TEST_DIST, "packs", "valid", "images", "kyiv.jpg", NULL);
  g_autofree char *real_image = realpath (image, NULL);
  const LateralStep *story, *claim;
  const LateralMove *move;
  const LateralSource *source;

  g_assert_cmpstr (lateral_pack_get_id (pack), ==, "org.example.sample-case");
  g_assert_cmpstr (lateral_pack_get_version (pack), ==, "1.0.0");
  g_assert_cmpstr (lateral_pack_get_title (pack), ==, "A sample case");
  g_assert_cmpstr (lateral_pack_get_summary (pack), ==, "One or two sentences shown in the list of cases.");
  g_assert_cmpstr (lateral_pack_get_language (pack), ==, "en");
  g_assert_cmpstr (lateral_pack_get_authors (pack)[0], ==, "Ada Teacher");
  g_assert_null (lateral_pack_get_authors (pack)[1]);
  g_assert_cmpstr (lateral_pack_get_license (pack), ==, "CC-BY-4.0");
  g_assert_cmpuint (lateral_pack_get_estimated_minutes (pack), ==, 15);
  g_assert_cmpint (lateral_pack_get_origin (pack), ==, LATERAL_PACK_ORIGIN_FILE);
  g_assert_cmpuint (strlen (lateral_pack_get_content_hash (pack)), ==, 64);
  g_assert_true (g_str_has_suffix (lateral_pack_get_filename (pack), "sample-case.json"));

  g_assert_cmpuint (lateral_pack_get_n_techniques (pack), ==, 1);
  g_assert_cmpstr (lateral_pack_get_technique (pack, 0)->name, ==, "Impersonation");
  g_assert_nonnull (lateral_pack_find_technique (pack, "impersonation"));
  g_assert_null (lateral_pack_find_technique (pack, "nope"));

  g_assert_cmpuint (lateral_pack_get_n_steps (pack), ==, 2);
  g_assert_cmpuint (lateral_pack_get_n_claims (pack), ==, 1);

  story = lateral_pack_get_step (pack, 0);
  g_assert_cmpint (story->type, ==, LATERAL_STEP_STORY);
  g_assert_cmpstr (story->id, ==, "the-visit");
  g_assert_cmpuint (story->index, ==, 0);
  g_assert_cmpstr (story->title, ==, "Elton John visits Kyiv");
  g_assert_cmpstr (story->date, ==, "2015-09-12");
  g_assert_cmpuint (g_strv_length (story->text), ==, 2);
  g_assert_cmpstr (story->text[1], ==, "Second paragraph.");
  g_assert_nonnull (story->image);
  g_assert_cmpstr (story->image->path, ==, real_image);
  g_assert_cmpstr (story->image->alt, ==, "What the picture shows, for screen readers");
  g_assert_nonnull (story->source);
  g_assert_cmpstr (story->source->url, ==, "https://example.org/a");

  claim = lateral_pack_find_step (pack, "first-call");
  g_assert_true (claim == lateral_pack_get_step (pack, 1));
  g_assert_cmpint (claim->type, ==, LATERAL_STEP_CLAIM);
  g_assert_cmpuint (claim->index, ==, 1);
  g_assert_cmpuint (claim->claim_index, ==, 0);
  g_assert_cmpstr (claim->claim, ==, "Vladimir Putin phoned Elton John today.");
  g_assert_cmpuint (g_strv_length (claim->context), ==, 1);
  g_assert_cmpstr (claim->as_of, ==, "2015-09-14");
  g_assert_cmpint (claim->verdict, ==, LATERAL_VERDICT_UNVERIFIED);
  g_assert_cmpuint (claim->accepted, ==, (1u << LATERAL_VERDICT_UNVERIFIED) | (1u << LATERAL_VERDICT_FALSE));
  g_assert_true (lateral_step_accepts (claim, LATERAL_VERDICT_UNVERIFIED));
  g_assert_true (lateral_step_accepts (claim, LATERAL_VERDICT_FALSE));
  g_assert_false (lateral_step_accepts (claim, LATERAL_VERDICT_TRUE));
  g_assert_cmpstr (claim->moves_question, ==, "Which checks would you make?");
  g_assert_cmpuint (claim->moves->len, ==, 2);
  move = g_ptr_array_index (claim->moves, 0);
  g_assert_cmpstr (move->id, ==, "second-source");
  g_assert_true (move->expected);
  g_assert_cmpstr (move->why, ==, "One source is not enough.");
  move = g_ptr_array_index (claim->moves, 1);
  g_assert_false (move->expected);
  g_assert_null (move->why);
  g_assert_cmpstr (claim->known_then[0], ==, "What could be known on the as_of date.");
  g_assert_cmpstr (claim->explanation[0], ==, "Why the verdict stands.");
  g_assert_cmpstr (claim->techniques[0], ==, "impersonation");
  g_assert_null (claim->techniques[1]);
  g_assert_cmpuint (claim->sources->len, ==, 1);
  source = g_ptr_array_index (claim->sources, 0);
  g_assert_cmpstr (source->publisher, ==, "ABC News");
  g_assert_cmpstr (source->date, ==, "2015-09-15");
}

static void
test_load_bytes_same_hash (void)
{
  g_autoptr(LateralPack) from_file = load_valid ("sample-case.json");
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(LateralPack) from_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = NULL;
  gsize length;

  g_assert_true (g_file_get_contents (lateral_pack_get_filename (from_file), &contents, &length, NULL));
  bytes = g_bytes_new (contents, length);
  from_bytes = lateral_pack_load_bytes (bytes, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (lateral_pack_get_content_hash (from_bytes), ==,
                   lateral_pack_get_content_hash (from_file));
  hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
  g_assert_cmpstr (hash, ==, lateral_pack_get_content_hash (from_file));
  /* From memory there is no folder: the image path stays as written. */
  g_assert_cmpstr (lateral_pack_get_step (from_bytes, 0)->image->path, ==, "images/kyiv.jpg");
}

static void
test_read_error (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  LateralPack *pack;

  pack = lateral_pack_load_file ("/nonexistent/pack.json", &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_READ);
  g_clear_error (&error);

  pack = lateral_pack_load_file (g_test_get_dir (G_TEST_DIST), NULL, &error);
  g_assert_null (pack);
  g_assert_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_READ);
}

static void
test_version_compare (void)
{
  static const char *ordered[] = {
    "0.0.1", "0.9.0", "0.10.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
    "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1",
    "1.2.0", "1.10.0", "2.0.0", "10.0.0", "123456789012345678901234567890.0.0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (ordered); j++)
        {
          int expected = (i > j) - (i < j);
          int got = lateral_version_compare (ordered[i], ordered[j]);

          if (((got > 0) - (got < 0)) != expected)
            g_error ("compare (%s, %s) = %d, expected %d", ordered[i], ordered[j], got, expected);
        }
    }

  /* Something that is not a version sorts below every version. */
  g_assert_cmpint (lateral_version_compare ("banana", "0.0.1"), <, 0);
  g_assert_cmpint (lateral_version_compare ("0.0.1", "1.0"), >, 0);
  g_assert_cmpint (lateral_version_compare ("1.0", "1.0"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pack/load-valid", test_load_valid);
  g_test_add_func ("/pack/load-bytes-same-hash", test_load_bytes_same_hash);
  g_test_add_func ("/pack/read-error", test_read_error);
  g_test_add_func ("/pack/version-compare", test_version_compare);

  return g_test_run ();
}
