/* test-pack.c: loading packs into the model
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pack/lateral-pack.h"

static gboolean
is_draft_hint (const char *message)
{
  return strstr (message, "is an example id") != NULL ||
         strstr (message, "this source has no “archive_url”") != NULL ||
         strstr (message, "is in the glossary but no claim names it") != NULL ||
         strstr (message, "is the starter pack's placeholder") != NULL;
}

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
  /* Only the hints of an unfinished pack (example id, no archived copies:
   * lateral-pack-rules-authoring.c) may remain: no error, no rule broken. */
  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LateralDiagnostic *d = g_ptr_array_index (diagnostics, i);

      g_assert_cmpint (d->severity, ==, LATERAL_DIAGNOSTIC_WARNING);
      if (!is_draft_hint (d->message))
        g_error ("unexpected warning: %s", d->message);
    }
  g_assert_cmpuint (lateral_pack_get_warnings (pack)->len, ==, diagnostics->len);
  return pack;
}

/* Every member of lateral-pack/2 reaches the model. */
static void
test_load_v2 (void)
{
  g_autoptr(LateralPack) pack = load_valid ("sample-case-2.json");
  const LateralStep *visit, *first, *denial, *proves, *real;
  const LateralArtefact *a;
  const LateralMove *move;
  const LateralSource *source;
  const LateralCallLine *line;
  g_autofree char *text = NULL;
  g_autoptr(GDateTime) when = NULL;

  g_assert_cmpstr (lateral_pack_get_format (pack), ==, "lateral-pack/2");
  g_assert_cmpuint (lateral_pack_get_format_version (pack), ==, 2);
  g_assert_cmpstr (lateral_pack_get_accent_color (pack), ==, "#1c71d8");
  g_assert_null (lateral_pack_get_translated_from (pack));
  g_assert_cmpuint (lateral_pack_get_n_techniques (pack), ==, 2);
  g_assert_cmpuint (lateral_pack_get_n_habits (pack), ==, 2);
  g_assert_cmpstr (lateral_pack_get_habit (pack, 0)->id, ==, "search-the-names");
  g_assert_cmpstr (lateral_pack_find_habit (pack, "read-upstream")->name, ==, "Read upstream");
  g_assert_null (lateral_pack_find_habit (pack, "impersonation"));
  g_assert_null (lateral_pack_find_technique (pack, "read-upstream"));

  /* A story step with several sources and an archived copy. */
  visit = lateral_pack_find_step (pack, "the-visit");
  g_assert_cmpuint (visit->sources->len, ==, 2);
  g_assert_true (visit->source == g_ptr_array_index (visit->sources, 0));
  source = g_ptr_array_index (visit->sources, 1);
  g_assert_cmpstr (source->archive_url, ==, "https://web.archive.org/web/2015/https://example.org/daily/kyiv");
  g_assert_null (visit->source->archive_url);
  g_assert_null (visit->artefact);

  /* A claim with a time of day, its own post, checks with their question. */
  first = lateral_pack_find_step (pack, "first-call");
  g_assert_cmpstr (first->as_of, ==, "2015-09-14T18:00+01:00");
  g_assert_true (first->as_of_moment.has_time);
  g_assert_cmpint (first->as_of_moment.instant, ==, 1442250000);  /* 17:00 UTC */
  g_assert_cmpint (first->as_of_moment.utc_offset, ==, 3600);
  when = lateral_moment_to_date_time (&first->as_of_moment);
  g_assert_cmpint (g_date_time_get_hour (when), ==, 18);
  a = first->artefact;
  g_assert_nonnull (a);
  g_assert_false (first->artefact_is_ref);
  g_assert_cmpint (a->kind, ==, LATERAL_ARTEFACT_POST);
  g_assert_cmpstr (lateral_artefact_kind_to_string (a->kind), ==, "post");
  g_assert_cmpstr (a->id, ==, "elton-post");
  g_assert_cmpstr (a->display_name, ==, "Elton John");
  g_assert_cmpstr (a->handle, ==, "@eltonjohn");
  g_assert_cmpstr (a->time, ==, "2015-09-14T09:30+01:00");
  g_assert_cmpstr (a->text[0], ==, "Thank you, President Putin, for reaching out to me today.");
  g_assert_cmpstr (a->image_description, ==, "Elton John smiling, in a black jacket.");
  g_assert_null (a->image);
  g_assert_true (a->has_counts);
  g_assert_cmpint (a->likes, ==, 12000);
  g_assert_cmpint (a->shares, ==, 300);
  g_assert_cmpint (a->comments, ==, 950);
  g_assert_cmpstr (a->source->publisher, ==, "Instagram");
  text = lateral_artefact_get_accessible_text (a);
  g_assert_nonnull (strstr (text, "Elton John (@eltonjohn)"));
  g_assert_nonnull (strstr (text, "reaching out to me today"));
  g_assert_nonnull (strstr (text, "black jacket"));

  g_assert_cmpuint (first->moves->len, ==, 3);
  move = lateral_step_find_move (first, "search-kremlin");
  g_assert_cmpint (move->asks, ==, LATERAL_ASKS_OTHERS);
  g_assert_cmpstr (move->found, ==, "On 14 September the Kremlin had said nothing yet.");
  g_assert_cmpint (lateral_step_find_move (first, "check-account")->asks, ==, LATERAL_ASKS_WHO);
  g_assert_null (lateral_step_find_move (first, "check-account")->found);
  g_assert_cmpint (lateral_step_find_move (first, "count-likes")->asks, ==, LATERAL_ASKS_EVIDENCE);
  g_assert_cmpstr (lateral_asks_to_string (LATERAL_ASKS_EVIDENCE), ==, "evidence");
  g_assert_null (lateral_step_find_move (first, "nope"));

  g_assert_cmpstr (first->takeaway, ==, "One account of a call is not a confirmation.");
  g_assert_cmpstr (first->techniques[0], ==, "impersonation");
  g_assert_null (first->techniques[1]);
  g_assert_cmpstr (first->habits[0], ==, "read-upstream");
  g_assert_null (first->habits[1]);
  g_assert_cmpuint (first->sources->len, ==, 1);
  g_assert_cmpstr (first->reported_later[0], ==, "Three days later two pranksters said they had made the call.");
  g_assert_cmpuint (first->later_sources->len, ==, 1);
  source = g_ptr_array_index (first->later_sources, 0);
  g_assert_cmpstr (source->date, ==, "2015-09-17");

  /* A statement shown in a story, named later by artefact_ref. */
  denial = lateral_pack_find_step (pack, "the-denial");
  a = denial->artefact;
  g_assert_cmpint (a->kind, ==, LATERAL_ARTEFACT_STATEMENT);
  g_assert_cmpstr (a->speaker, ==, "Dmitry Peskov");
  g_assert_cmpstr (a->role, ==, "Kremlin spokesman");
  g_assert_cmpstr (a->channel, ==, "a call with reporters");
  g_assert_cmpstr (a->quote[0], ==, "There was no such call.");
  g_assert_cmpstr (a->date, ==, "2015-09-15T11:00+03:00");
  proves = lateral_pack_find_step (pack, "denial-proves");
  g_assert_true (proves->artefact == a);
  g_assert_true (proves->artefact_is_ref);
  g_assert_null (proves->takeaway == NULL ? NULL : proves->habits[0]);
  g_assert_cmpuint (g_strv_length (proves->reported_later), ==, 0);
  g_assert_cmpuint (proves->later_sources->len, ==, 0);

  a = lateral_pack_find_step (pack, "the-article")->artefact;
  g_assert_cmpint (a->kind, ==, LATERAL_ARTEFACT_ARTICLE);
  g_assert_cmpstr (a->publication, ==, "Example Times");
  g_assert_cmpstr (a->headline, ==, "No call, says Kremlin");
  g_assert_cmpstr (a->lede[0], ==, "The Kremlin said on Tuesday that no call took place.");
  g_assert_cmpstr (a->byline, ==, "A. Reporter");
  g_assert_cmpstr (a->date, ==, "2015-09-16");

  a = lateral_pack_find_step (pack, "the-news")->artefact;
  g_assert_cmpint (a->kind, ==, LATERAL_ARTEFACT_BROADCAST);
  g_assert_cmpstr (a->programme, ==, "Evening News");
  g_assert_cmpstr (a->channel, ==, "Example TV");
  g_assert_cmpstr (a->caption, ==, "KREMLIN: NO CALL");

  real = lateral_pack_find_step (pack, "real-call");
  a = real->artefact;
  g_assert_cmpint (a->kind, ==, LATERAL_ARTEFACT_CALL);
  g_assert_cmpstr (a->title, ==, "The call of 24 September");
  g_assert_cmpuint (a->lines->len, ==, 2);
  line = g_ptr_array_index (a->lines, 0);
  g_assert_cmpstr (line->who, ==, "Kremlin");
  g_assert_cmpstr (line->time, ==, "14:05");
  line = g_ptr_array_index (a->lines, 1);
  g_assert_null (line->time);
  g_assert_false (real->as_of_moment.has_time);

  g_assert_cmpuint (lateral_pack_get_n_artefacts (pack), ==, 5);
  g_assert_true (lateral_pack_find_artefact (pack, "the-call") == a);
  g_assert_true (lateral_pack_get_artefact (pack, 0) == first->artefact);
}

/* A /1 pack that breaks the judge-before-you-know rules loads, with warnings. */
static void
test_v1_warnings (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", "warnings", "spoiler-v1.json", NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = NULL;
  GPtrArray *warnings;
  g_autoptr(GPtrArray) rules = NULL;
  g_autofree char *line = NULL;

  pack = lateral_pack_load_file (path, &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (lateral_pack_get_format_version (pack), ==, 1);
  warnings = lateral_pack_get_warnings (pack);
  g_assert_cmpuint (diagnostics->len, ==, warnings->len);
  /* The two broken date rules, beside the hints of a draft. */
  rules = g_ptr_array_new ();
  for (guint i = 0; i < warnings->len; i++)
    if (!is_draft_hint (((LateralDiagnostic *) g_ptr_array_index (warnings, i))->message))
      g_ptr_array_add (rules, g_ptr_array_index (warnings, i));
  g_assert_cmpuint (rules->len, ==, 2);
  line = lateral_diagnostic_format (g_ptr_array_index (rules, 0));
  g_assert_true (g_str_has_suffix (line, "spoiler-v1.json:21:73: warning: steps[0].source.date (step 1 “the-visit”): this source is dated 2015-09-15, after its story step (2015-09-12): a learner would read its title before the events happen; cite a source of that date or earlier"));
}

/* A /1 pack that breaks a date rule a thousand times still loads: the cap
 * on problems stops the warnings without turning them into an error. */
static void
test_many_warnings (void)
{
  g_autoptr(GString) text = g_string_new (
    "{\"format\": \"lateral-pack/1\", \"id\": \"org.example.many\", \"version\": \"1.0.0\","
    " \"title\": \"T\", \"summary\": \"S\", \"language\": \"en\", \"authors\": [\"A\"],"
    " \"license\": \"CC0-1.0\", \"estimated_minutes\": 5, \"techniques\": [], \"steps\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = NULL;
  const LateralDiagnostic *last;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "%s{\"id\": \"s%u\", \"type\": \"story\", \"title\": \"T\", \"date\": \"2015-09-12\","
                            " \"text\": [\"x\"], \"source\": {\"publisher\": \"P\", \"title\": \"T\","
                            " \"date\": \"2015-09-13\", \"url\": \"https://example.org/\"}}", i > 0 ? "," : "", i);
  g_string_append (text, "]}");
  bytes = g_string_free_to_bytes (g_steal_pointer (&text));

  pack = lateral_pack_load_bytes (bytes, "many.json", &diagnostics, &error);
  g_assert_no_error (error);
  g_assert_nonnull (pack);
  g_assert_cmpuint (lateral_pack_get_warnings (pack)->len, ==, 501);
  /* The first 500 in the file, then where reporting stopped. */
  g_assert_cmpstr (((LateralDiagnostic *) g_ptr_array_index (lateral_pack_get_warnings (pack), 0))->path, ==, "steps[0].source.date");
  last = g_ptr_array_index (lateral_pack_get_warnings (pack), 500);
  g_assert_cmpint (last->severity, ==, LATERAL_DIAGNOSTIC_WARNING);
  g_assert_cmpstr (last->message, ==, "too many problems; stopped reporting here");
  g_assert_cmpstr (last->path, ==, "steps[500].source.date");
}

/* Dates and times compare as the rules need: instants when both have a
 * time, else the calendar day each was written in. */
static void
test_moments (void)
{
  LateralMoment a, b;

  g_assert_true (lateral_moment_parse ("2015-09-14", FALSE, &a));
  g_assert_false (a.has_time);
  g_assert_false (lateral_moment_parse ("2015-09-14T10:00Z", FALSE, &a));
  g_assert_false (lateral_moment_is_set (&a));
  g_assert_true (lateral_moment_parse ("2013-04-23T13:08-04:00", TRUE, &a));
  g_assert_cmpint (a.instant, ==, 1366736880);
  g_assert_true (lateral_moment_parse ("2013-04-23T17:08:00Z", TRUE, &b));
  g_assert_cmpint (lateral_moment_compare (&a, &b), ==, 0);
  g_assert_true (lateral_moment_parse ("2013-04-23T13:09-04:00", TRUE, &b));
  g_assert_cmpint (lateral_moment_compare (&a, &b), <, 0);

  /* A bare date is the whole day. */
  g_assert_true (lateral_moment_parse ("2013-04-23", TRUE, &b));
  g_assert_cmpint (lateral_moment_compare (&a, &b), ==, 0);
  g_assert_cmpint (lateral_moment_compare (&b, &a), ==, 0);
  g_assert_true (lateral_moment_parse ("2013-04-24", TRUE, &b));
  g_assert_cmpint (lateral_moment_compare (&b, &a), >, 0);
  /* 23:30 at -04:00 is the 24th in UTC, but written on the 23rd. */
  g_assert_true (lateral_moment_parse ("2013-04-23T23:30-04:00", TRUE, &a));
  g_assert_cmpint (lateral_moment_compare (&b, &a), >, 0);

  for (guint i = 0; i < 12; i++)
    {
      const char *bad[] = { "2015-02-30", "2015-9-14", "2015-09-14T10:00", "2015-09-14T24:00Z",
                            "2015-09-14T10:60Z", "2015-09-14T10:00+15:00", "2015-09-14T10:00+0100",
                            "2015-09-14 10:00Z", "2015-09-14T10Z", "2015-09-14T10:00:00.5Z",
                            "0000-01-01", "2015-09-14T10:00Z " };
      g_assert_false (lateral_moment_parse (bad[i], TRUE, &a));
    }
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
  g_assert_cmpstr (source->date, ==, "2015-09-14");
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

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

static char *
format_all (GPtrArray *diagnostics)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      LateralDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);
      g_autofree char *base = g_path_get_basename (diagnostic->file);
      g_autofree char *line = NULL;

      /* Expected files name the pack as validate does when run in tests/packs. */
      g_free (diagnostic->file);
      diagnostic->file = g_steal_pointer (&base);
      line = lateral_diagnostic_format (diagnostic);
      g_string_append_printf (out, "%s\n", line);
    }
  return g_string_free (out, FALSE);
}

/* Each broken pack next to the exact problems the loader must report. */
static void
test_broken_pack (gconstpointer data)
{
  const char *name = data;
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "packs", name, NULL);
  g_autofree char *stem = NULL;
  g_autofree char *expected_path = NULL;
  g_autofree char *expected = NULL;
  g_autofree char *got = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = NULL;

  stem = g_strndup (path, strlen (path) - strlen (".json"));
  expected_path = g_strconcat (stem, ".expected", NULL);
  g_assert_true (g_file_get_contents (expected_path, &expected, NULL, NULL));

  pack = lateral_pack_load_file (path, &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID);
  g_assert_nonnull (diagnostics);
  g_assert_cmpuint (diagnostics->len, >, 0);

  got = format_all (diagnostics);
  g_assert_cmpstr (got, ==, expected);
}

static void
add_broken_pack_tests (void)
{
  g_autofree char *folder = g_test_build_filename (G_TEST_DIST, "packs", NULL);
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  dir = g_dir_open (folder, 0, NULL);
  g_assert_nonnull (dir);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json"))
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);
  g_assert_cmpuint (names->len, >=, 30);

  for (guint i = 0; i < names->len; i++)
    {
      const char *file = g_ptr_array_index (names, i);
      g_autofree char *test_path = g_strdup_printf ("/pack/broken/%.*s", (int) (strlen (file) - 5), file);

      g_test_add_data_func_full (test_path, g_strdup (file), test_broken_pack, g_free);
    }
}

/* Loads generated text from memory; returns the one problem as a line. */
static char *
load_generated (const char *text,
                gsize       length)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, length);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = NULL;

  pack = lateral_pack_load_bytes (bytes, "gen.json", &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  return lateral_diagnostic_format (g_ptr_array_index (diagnostics, 0));
}

static void
test_limits (void)
{
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *line = NULL;

  /* More than 8 MiB: refused before parsing. */
  g_string_append (text, "{\"title\": \"");
  while (text->len <= 8 * 1024 * 1024)
    g_string_append (text, "abcdefghijklmnopqrstuvwxyz012345");
  g_string_append (text, "\"}");
  line = load_generated (text->str, text->len);
  g_assert_cmpstr (line, ==, "gen.json: error: the file is larger than 8 MiB; a pack must be smaller");
  g_clear_pointer (&line, g_free);

  /* More than 5,000 steps. */
  g_string_assign (text, "{\n\"steps\": [");
  for (guint i = 0; i <= 5000; i++)
    g_string_append (text, "{},");
  g_string_append (text, "{}]}");
  line = load_generated (text->str, text->len);
  g_assert_cmpstr (line, ==, "gen.json:2:15011: error: steps: more than 5000 items in one list");
  g_clear_pointer (&line, g_free);

  /* Any other list: 1,000 items. */
  g_string_assign (text, "{\"authors\": [");
  for (guint i = 0; i <= 1000; i++)
    g_string_append (text, "\"a\",");
  g_string_append (text, "\"b\"]}");
  line = load_generated (text->str, text->len);
  g_assert_cmpstr (line, ==, "gen.json:1:4014: error: authors: more than 1000 items in one list");
  g_clear_pointer (&line, g_free);

  /* Members of one object. */
  g_string_assign (text, "{");
  for (guint i = 0; i <= 1000; i++)
    g_string_append_printf (text, "\"m%u\": 0, ", i);
  g_string_append (text, "\"x\": 1}");
  line = load_generated (text->str, text->len);
  g_assert_true (g_str_has_prefix (line, "gen.json:1:"));
  g_assert_true (g_str_has_suffix (line, ": error: more than 1000 members in one object"));
  g_clear_pointer (&line, g_free);

  /* A million values in all, even in short lists. */
  g_string_assign (text, "{\"steps\": [");
  for (guint i = 0; i < 1001; i++)
    {
      g_string_append (text, i > 0 ? ",[0" : "[0");
      for (guint k = 1; k < 1000; k++)
        g_string_append (text, ",0");
      g_string_append_c (text, ']');
    }
  g_string_append (text, "]}");
  line = load_generated (text->str, text->len);
  g_assert_true (g_str_has_suffix (line, ": error: steps[998][999]: the file holds more than 1000000 values; a pack needs far fewer"));
  g_clear_pointer (&line, g_free);

  /* Nesting at the limit parses (and fails only the pack's rules). */
  g_string_assign (text, "{\"steps\": ");
  for (guint i = 1; i < 32; i++)
    g_string_append_c (text, '[');
  for (guint i = 1; i < 32; i++)
    g_string_append_c (text, ']');
  g_string_append_c (text, '}');
  {
    g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
    g_autoptr(GPtrArray) diagnostics = NULL;
    g_autoptr(LateralPack) pack = lateral_pack_load_bytes (bytes, "gen.json", &diagnostics, NULL);

    g_assert_null (pack);
    g_assert_cmpuint (diagnostics->len, >, 1);
    for (guint i = 0; i < diagnostics->len; i++)
      g_assert_null (strstr (((LateralDiagnostic *) g_ptr_array_index (diagnostics, i))->message, "nesting"));
  }

  /* One level deeper is refused. */
  g_string_insert_c (text, 10, '[');
  g_string_insert_c (text, text->len - 1, ']');
  line = load_generated (text->str, text->len);
  g_assert_cmpstr (line, ==, "gen.json:1:42: error: steps[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nesting deeper than 32 levels");
}

/* A file over the limit is refused before a byte of it is read. */
static void
test_big_file (void)
{
  g_autofree char *path = g_build_filename (g_get_user_cache_dir (), "big.json", NULL);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *line = NULL;
  FILE *file;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_cache_dir (), 0700), ==, 0);
  file = fopen (path, "w");
  g_assert_nonnull (file);
  /* Sparse: the size is what counts. */
  g_assert_cmpint (fseek (file, 8 * 1024 * 1024, SEEK_SET), ==, 0);
  g_assert_cmpint (fputc ('}', file), !=, EOF);
  fclose (file);

  g_assert_null (lateral_pack_load_file (path, &diagnostics, &error));
  g_assert_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID);
  g_assert_cmpuint (diagnostics->len, ==, 1);
  line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, 0));
  g_assert_true (g_str_has_suffix (line, "big.json: error: the file is larger than 8 MiB; a pack must be smaller"));
}

/* A file where every value is wrong still yields a bounded report. */
static void
test_too_many_problems (void)
{
  g_autoptr(GString) text = g_string_new ("{\"steps\": [");
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(LateralPack) pack = NULL;
  LateralDiagnostic *last;

  for (guint i = 0; i < 2000; i++)
    g_string_append (text, "{\"type\": \"story\", \"bad\": 1},");
  g_string_append (text, "{}]}");
  bytes = g_bytes_new (text->str, text->len);
  pack = lateral_pack_load_bytes (bytes, "many.json", &diagnostics, NULL);
  g_assert_null (pack);
  g_assert_cmpuint (diagnostics->len, ==, 501);
  last = g_ptr_array_index (diagnostics, 500);
  g_assert_cmpstr (last->message, ==, "too many problems; stopped reporting here");
}

static void
test_text_checks (void)
{
  static const struct {
    const char *text;
    gssize      length;
    const char *expected;
  } cases[] = {
    { "", 0, "gen.json: error: the file is empty; expected a pack, a JSON object starting with “{”" },
    { " \n\t ", -1, "gen.json: error: the file is empty; expected a pack, a JSON object starting with “{”" },
    { "\xEF\xBB\xBF", -1, "gen.json: error: the file is empty; expected a pack, a JSON object starting with “{”" },
    { "{\"a\":\n \"\x81\x28\"}", -1, "gen.json:2:3: error: the file is not valid UTF-8 (byte 0x81); save it as UTF-8 text" },
    { "{\"a\":\n \"\x93quoted\x94\"}", -1, "gen.json:2:3: error: the file is not UTF-8: it looks like Windows-1252 (“ANSI” in Notepad), where byte 0x93 is ““”; save it as UTF-8 instead" },
    { "\xFF\xFE{\0}\0", 6, "gen.json: error: the file is UTF-16 text with a byte order mark (UTF-16LE), which Notepad calls “Unicode”; save it as UTF-8 instead" },
    { "{\0\n\0}\0", 6, "gen.json: error: the file is UTF-16 text (UTF-16LE), which Notepad calls “Unicode”; save it as UTF-8 instead" },
    { "{\n\"a\x00\"}", 6, "gen.json:2:3: error: the file is binary (it contains a NUL byte); expected a JSON text file" },
    { "{\"é\": tru", -1, "gen.json:1:7: error: é: expected a value (text in double quotes, a number, true, false, null, an object or an array), found “t”" },
    { "{} {}", -1, "gen.json:1:4: error: expected the end of the file after the closing “}”, found “{”" },
    { "{\"a\": 01}", -1, "gen.json:1:8: error: a: expected “,” or “}” after this member, found “1”" },
    { "{\"a\": \"\\u0000\"}", -1, "gen.json:1:8: error: a: “\\u0000” is not allowed in text" },
    { "{\"a\": \"\\udc00\"}", -1, "gen.json:1:8: error: a: lone low surrogate \\uDC00; expected a valid Unicode character" },
    { "{\"a\": -}", -1, "gen.json:1:8: error: a: expected a digit, found “}”" },
    { "{\"a\": 1.}", -1, "gen.json:1:9: error: a: expected a digit after the decimal point, found “}”" },
    { "{\"a\": 1e}", -1, "gen.json:1:9: error: a: expected a digit in the exponent, found “}”" },
    { "{\"a\" 1}", -1, "gen.json:1:6: error: expected “:” after the member name, found “1”" },
    { "[", -1, "gen.json:1:2: error: [0]: expected a value, found the end of the file (is the file truncated?)" },
    { "{\"a\": \"abc", -1, "gen.json:1:7: error: a: text that starts here is never closed with “\"” (is the file truncated?)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      gsize length = cases[i].length >= 0 ? (gsize) cases[i].length : strlen (cases[i].text);
      g_autofree char *line = load_generated (cases[i].text, length);

      g_assert_cmpstr (line, ==, cases[i].expected);
    }
}

/* The packs shipped in data/packs (written on another branch) must load. */
static void
test_builtin_packs (void)
{
  g_autofree char *folder = g_build_filename (g_getenv ("LATERAL_SOURCE_DIR"), "data", "packs", NULL);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  if (dir == NULL)
    {
      g_test_skip ("no data/packs folder in this tree");
      return;
    }

  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LateralPack) pack = NULL;

      if (!g_str_has_suffix (name, ".json"))
        continue;
      pack = lateral_pack_load_file (path, &diagnostics, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (lateral_pack_get_n_claims (pack), >=, 1);
      n++;
    }
  if (n == 0)
    g_test_skip ("no pack in data/packs");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pack/load-valid", test_load_valid);
  g_test_add_func ("/pack/load-v2", test_load_v2);
  g_test_add_func ("/pack/v1-warnings", test_v1_warnings);
  g_test_add_func ("/pack/moments", test_moments);
  g_test_add_func ("/pack/many-warnings", test_many_warnings);
  g_test_add_func ("/pack/load-bytes-same-hash", test_load_bytes_same_hash);
  g_test_add_func ("/pack/read-error", test_read_error);
  g_test_add_func ("/pack/limits", test_limits);
  g_test_add_func ("/pack/too-many-problems", test_too_many_problems);
  g_test_add_func ("/pack/big-file", test_big_file);
  g_test_add_func ("/pack/text-checks", test_text_checks);
  g_test_add_func ("/pack/builtin-packs", test_builtin_packs);
  add_broken_pack_tests ();

  return g_test_run ();
}
