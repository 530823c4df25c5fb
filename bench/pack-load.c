/* pack-load.c: loading a 1,000-claim pack against a raw json-glib parse
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 *   _bench/bench/pack-load [RUNS]
 *
 * Builds a pack of 1,000 claims and 1,000 story steps in memory, then times
 * lateral_pack_load_bytes() (parse with positions, check every rule, build
 * the model) and the floor, json_parser_load_from_data() on the same bytes.
 * Prints the medians and their ratio: the target is < 30 ms and < 2x.
 */
#include "config.h"

#include <stdlib.h>
#include <json-glib/json-glib.h>

#include "lateral-pack.h"

static GString *
make_pack (guint n_claims)
{
  GString *s = g_string_new (NULL);

  g_string_append (s,
    "{\n  \"format\": \"lateral-pack/1\",\n  \"id\": \"org.example.bench\",\n"
    "  \"version\": \"1.0.0\",\n  \"title\": \"Bench\",\n  \"summary\": \"A big pack.\",\n"
    "  \"language\": \"en\",\n  \"authors\": [\"Ada\"],\n  \"license\": \"CC0-1.0\",\n"
    "  \"estimated_minutes\": 600,\n  \"techniques\": [\n"
    "    { \"id\": \"impersonation\", \"name\": \"Impersonation\", \"description\": \"Someone pretends to be a person the target trusts.\" },\n"
    "    { \"id\": \"false-context\", \"name\": \"False context\", \"description\": \"Real material with the wrong date or place.\" }\n"
    "  ],\n  \"steps\": [\n");
  for (guint i = 0; i < n_claims; i++)
    {
      g_string_append_printf (s,
        "    {\n      \"id\": \"story-%u\",\n      \"type\": \"story\",\n      \"title\": \"Day %u\",\n"
        "      \"date\": \"2015-09-12\",\n      \"text\": [\"First paragraph of the story, long enough to be a real sentence or two.\", \"Second paragraph \\u00e9\\n.\"],\n"
        "      \"source\": { \"publisher\": \"ABC News\", \"title\": \"Headline\", \"date\": \"2015-09-15\", \"url\": \"https://example.org/a/%u\" }\n    },\n",
        i, i, i);
      g_string_append_printf (s,
        "    {\n      \"id\": \"claim-%u\",\n      \"type\": \"claim\",\n      \"claim\": \"Vladimir Putin phoned Elton John today, number %u.\",\n"
        "      \"context\": [\"What the learner has in front of them when judging.\"],\n      \"as_of\": \"2015-09-14\",\n"
        "      \"verdict\": \"unverified\",\n      \"also_accepted\": [\"false\"],\n"
        "      \"moves\": {\n        \"question\": \"Which checks would you make?\",\n        \"options\": [\n"
        "          { \"id\": \"second-source\", \"label\": \"Look for an independent confirmation\", \"expected\": true, \"why\": \"One source is not enough.\" },\n"
        "          { \"id\": \"count-likes\", \"label\": \"See how many people liked the post\", \"expected\": false }\n        ]\n      },\n"
        "      \"reveal\": {\n        \"known_then\": [\"What could be known on the as_of date.\"],\n        \"explanation\": [\"Why the verdict stands.\", \"And more.\"],\n"
        "        \"techniques\": [\"impersonation\", \"false-context\"],\n        \"sources\": [\n"
        "          { \"publisher\": \"ABC News\", \"title\": \"Elton John Says\", \"date\": \"2015-09-15\", \"url\": \"https://abcnews.example/%u\" }\n        ]\n      }\n    }%s\n",
        i, i, i, i + 1 < n_claims ? "," : "");
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

int
main (int   argc,
      char *argv[])
{
  guint runs = argc > 1 ? (guint) atoi (argv[1]) : 21;
  g_autoptr(GString) text = make_pack (1000);
  g_autoptr(GBytes) bytes = g_bytes_new (text->str, text->len);
  g_autofree double *ours = g_new0 (double, runs);
  g_autofree double *floor_ = g_new0 (double, runs);

  if (runs == 0)
    runs = 1;

  for (guint r = 0; r < runs; r++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(LateralPack) pack = NULL;
      g_autoptr(JsonParser) parser = json_parser_new ();
      gint64 t0, t1, t2;

      /* Alternate which goes first so neither always gets the warm cache. */
      t0 = g_get_monotonic_time ();
      if (!json_parser_load_from_data (parser, text->str, text->len, &error))
        g_error ("json-glib: %s", error->message);
      t1 = g_get_monotonic_time ();
      pack = lateral_pack_load_bytes (bytes, NULL, NULL, &error);
      if (pack == NULL)
        g_error ("lateral: %s", error->message);
      t2 = g_get_monotonic_time ();
      g_assert (lateral_pack_get_n_claims (pack) == 1000);

      floor_[r] = (t1 - t0) / 1000.0;
      ours[r] = (t2 - t1) / 1000.0;
    }

  qsort (ours, runs, sizeof (double), compare_doubles);
  qsort (floor_, runs, sizeof (double), compare_doubles);
  g_print ("pack of 1000 claims + 1000 stories: %zu bytes, %u runs (medians)\n", text->len, runs);
  g_print ("json-glib parse (floor)   %8.2f ms\n", floor_[runs / 2]);
  g_print ("lateral_pack_load_bytes   %8.2f ms\n", ours[runs / 2]);
  g_print ("ratio                     %8.2f x\n", ours[runs / 2] / floor_[runs / 2]);
  return 0;
}
