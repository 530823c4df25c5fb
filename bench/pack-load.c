/* pack-load.c: loading a 1,000-claim pack against a raw json-glib parse
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   _bench/bench/pack-load [--runs N] [--srcdir DIR]
 *
 * Times lateral_pack_load_bytes() (parse with positions, check every rule,
 * build the model) against its floor, json_parser_load_from_data() on the
 * same bytes, on two packs: the built-in case (DIR/data/packs, loaded with
 * its file name so image paths are checked as the app does) and a pack of
 * 1,000 claims and 1,000 story steps built in memory (lateral-pack/2, with
 * an artefact per claim, since 2026-11-28).
 *
 * Prints one line per pack for bench/runner.py, TAB-separated:
 *   NAME  MEDIAN_US  FLOOR_MEDIAN_US  TARGET_RATIO  [LIMIT_US]
 * Targets: at most 2x the parse, and under 30 ms for 1,000 claims.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "pack/lateral-pack.h"

/* A lateral-pack/2 pack: every story step with two sources, every claim
 * with a post (an artefact), a time of day, checks with their question, a
 * takeaway and habits, all dated so that no judge-before-you-know rule
 * fires (a valid pack, as an author hands it out). */
static GString *
make_pack (guint n_claims)
{
  GString *s = g_string_new (NULL);

  g_string_append (s,
    "{\n  \"format\": \"lateral-pack/2\",\n  \"id\": \"org.example.bench\",\n"
    "  \"version\": \"1.0.0\",\n  \"title\": \"Bench\",\n  \"summary\": \"A big pack.\",\n"
    "  \"language\": \"en\",\n  \"authors\": [\"Ada\"],\n  \"license\": \"CC0-1.0\",\n"
    "  \"estimated_minutes\": 600,\n  \"techniques\": [\n"
    "    { \"id\": \"impersonation\", \"name\": \"Impersonation\", \"description\": \"Someone pretends to be a person the target trusts.\" },\n"
    "    { \"id\": \"false-context\", \"name\": \"False context\", \"description\": \"Real material with the wrong date or place.\" }\n"
    "  ],\n  \"habits\": [\n"
    "    { \"id\": \"search-the-names\", \"name\": \"Search the names\", \"description\": \"Look up who is behind a claim.\" }\n"
    "  ],\n  \"steps\": [\n");
  for (guint i = 0; i < n_claims; i++)
    {
      g_string_append_printf (s,
        "    {\n      \"id\": \"story-%u\",\n      \"type\": \"story\",\n      \"title\": \"Day %u\",\n"
        "      \"date\": \"2015-09-12\",\n      \"text\": [\"First paragraph of the story, long enough to be a real sentence or two.\", \"Second paragraph \\u00e9\\n.\"],\n"
        "      \"sources\": [\n        { \"publisher\": \"ABC News\", \"title\": \"Headline\", \"date\": \"2015-09-12\", \"url\": \"https://example.org/a/%u\" },\n"
        "        { \"publisher\": \"BBC\", \"title\": \"Another headline\", \"date\": \"2015-09-11\", \"url\": \"https://example.org/b/%u\", \"archive_url\": \"https://web.archive.org/web/2015/https://example.org/b/%u\" }\n      ]\n    },\n",
        i, i, i, i, i);
      g_string_append_printf (s,
        "    {\n      \"id\": \"claim-%u\",\n      \"type\": \"claim\",\n      \"claim\": \"Vladimir Putin phoned Elton John today, number %u.\",\n"
        "      \"context\": [\"What the learner has in front of them when judging.\"],\n      \"as_of\": \"2015-09-14T18:00+01:00\",\n"
        "      \"artefact\": {\n        \"id\": \"post-%u\",\n        \"kind\": \"post\",\n"
        "        \"source\": { \"publisher\": \"Instagram\", \"title\": \"A post\", \"date\": \"2015-09-14\", \"url\": \"https://example.org/p/%u\" },\n"
        "        \"display_name\": \"Elton John\",\n        \"handle\": \"@eltonjohn\",\n        \"time\": \"2015-09-14T09:30+01:00\",\n"
        "        \"text\": [\"Thank you, President Putin, for reaching out to me today.\"],\n"
        "        \"image_description\": \"Elton John smiling.\",\n        \"counts\": { \"likes\": 12000, \"shares\": 300, \"comments\": 950 }\n      },\n"
        "      \"verdict\": \"unverified\",\n      \"also_accepted\": [\"false\"],\n"
        "      \"moves\": {\n        \"question\": \"Which checks would you make?\",\n        \"options\": [\n"
        "          { \"id\": \"second-source\", \"label\": \"Look for an independent confirmation\", \"expected\": true, \"asks\": \"others\", \"why\": \"One source is not enough.\", \"found\": \"Nobody else had reported it.\" },\n"
        "          { \"id\": \"count-likes\", \"label\": \"See how many people liked the post\", \"expected\": false, \"asks\": \"evidence\" }\n        ]\n      },\n"
        "      \"reveal\": {\n        \"known_then\": [\"What could be known on the as_of date.\"],\n        \"explanation\": [\"Why the verdict stands.\", \"And more.\"],\n"
        "        \"takeaway\": \"One account of a call is not a confirmation.\",\n"
        "        \"techniques\": [\"impersonation\", \"false-context\"],\n        \"habits\": [\"search-the-names\"],\n        \"sources\": [\n"
        "          { \"publisher\": \"ABC News\", \"title\": \"Elton John Says\", \"date\": \"2015-09-14\", \"url\": \"https://abcnews.example/%u\" }\n        ],\n"
        "        \"reported_later\": [\"Later, two pranksters said they had made the call.\"]\n      }\n    }%s\n",
        i, i, i, i, i, i + 1 < n_claims ? "," : "");
    }
  g_string_append (s, "  ]\n}\n");
  return s;
}

static int
compare_doubles (const void *a,
                 const void *b)
{
  double da = *(const double *) a, db = *(const double *) b;

  return (da > db) - (da < db);
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), compare_doubles);
  return values[n / 2];
}

/* Times both on BYTES, RUNS times in alternation so that neither always
 * gets the warm cache, and prints the row. */
static void
measure (const char *name,
         GBytes     *bytes,
         const char *filename,
         guint       n_claims,
         guint       runs,
         const char *limit_us)
{
  g_autofree double *ours = g_new0 (double, runs);
  g_autofree double *floor_ = g_new0 (double, runs);
  gsize length;
  const char *data = g_bytes_get_data (bytes, &length);

  /* Round 0 warms the allocator and the caches for both and is not kept. */
  for (guint r = 0; r <= runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LateralPack) pack = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      gint64 t0, t1;

      if (r % 2 == 0)
        {
          t0 = g_get_monotonic_time ();
          if (!json_parser_load_from_data (parser, data, length, &error))
            g_error ("json-glib: %s", error->message);
          floor_[r % runs] = g_get_monotonic_time () - t0;
        }

      t1 = g_get_monotonic_time ();
      pack = lateral_pack_load_bytes (bytes, filename, NULL, &error);
      if (pack == NULL)
        g_error ("lateral: %s", error->message);
      ours[r % runs] = g_get_monotonic_time () - t1;
      g_assert (lateral_pack_get_n_claims (pack) == n_claims);

      if (r % 2 == 1)
        {
          t0 = g_get_monotonic_time ();
          if (!json_parser_load_from_data (parser, data, length, &error))
            g_error ("json-glib: %s", error->message);
          floor_[r % runs] = g_get_monotonic_time () - t0;
        }
    }

  g_print ("%s\t%.1f\t%.1f\t2%s%s\n", name, median (ours, runs), median (floor_, runs),
           limit_us != NULL ? "\t" : "", limit_us != NULL ? limit_us : "");
}

int
main (int   argc,
      char *argv[])
{
  const char *srcdir = NULL;
  guint runs = 21;
  g_autoptr(GString) text = make_pack (1000);
  g_autoptr(GBytes) big = NULL;
  g_autoptr(GBytes) builtin = NULL;
  g_autofree char *builtin_path = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  for (int i = 1; i + 1 < argc; i += 2)
    {
      if (strcmp (argv[i], "--runs") == 0)
        runs = MAX (1, atoi (argv[i + 1]));
      else if (strcmp (argv[i], "--srcdir") == 0)
        srcdir = argv[i + 1];
    }

  /* Loads are short: more samples steady the medians at little cost. */
  runs = runs * 2 + 1;
  if (srcdir != NULL)
    {
      g_autoptr(LateralPack) pack = NULL;

      builtin_path = g_build_filename (srcdir, "data", "packs", "prank-call.json", NULL);
      if (!g_file_get_contents (builtin_path, &contents, &length, &error))
        g_error ("%s", error->message);
      builtin = g_bytes_new_take (g_steal_pointer (&contents), length);
      pack = lateral_pack_load_bytes (builtin, builtin_path, NULL, &error);
      if (pack == NULL)
        g_error ("%s", error->message);
      measure ("pack load: built-in case", builtin, builtin_path,
               lateral_pack_get_n_claims (pack), runs, NULL);
    }

  big = g_bytes_new (text->str, text->len);
  measure ("pack load: 1,000 claims", big, NULL, 1000, runs, "30000");
  return 0;
}
