/* lateral-cli-new-pack.c: `lateral-cli new-pack DIR --title TITLE`
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A starter pack is the fastest way to the format: one story, one claim
 * with checks to pick (each saying which question it asks) and a dated
 * source, one entry in each glossary (techniques, habits), each field
 * holding a hint of what goes there. It is written in lateral-pack/2
 * (LATERAL_PACK_FORMAT) with that format's members: story `sources`,
 * `asks` and `found` on the checks, the reveal's `takeaway` and `habits`. It is built with JsonBuilder (the title
 * is the author's text) and loaded back before it is written, so what
 * new-pack writes always passes `lateral-cli validate`.
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "lateral-cli.h"
#include "pack/lateral-pack.h"

#define MAX_SLUG_LENGTH 60

/* "Élections 2026: the fake poll" -> "elections-2026-the-fake-poll" */
static char *
make_slug (const char *title)
{
  g_autofree char *ascii = g_str_to_ascii (title, "C");
  GString *slug = g_string_new (NULL);

  for (const char *p = ascii; *p != '\0' && slug->len < MAX_SLUG_LENGTH; p++)
    {
      if (g_ascii_isalnum (*p))
        g_string_append_c (slug, g_ascii_tolower (*p));
      else if (slug->len > 0 && slug->str[slug->len - 1] != '-')
        g_string_append_c (slug, '-');
    }
  while (slug->len > 0 && slug->str[slug->len - 1] == '-')
    g_string_truncate (slug, slug->len - 1);
  if (slug->len == 0)
    g_string_append (slug, "my-case");

  return g_string_free (slug, FALSE);
}

static void
member (JsonBuilder *builder,
        const char  *name,
        const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_string_value (builder, value);
}

static void
strings (JsonBuilder *builder,
         const char  *name,
         const char  *value)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  json_builder_add_string_value (builder, value);
  json_builder_end_array (builder);
}

static void
source (JsonBuilder *builder,
        const char  *date)
{
  json_builder_begin_object (builder);
  member (builder, "publisher", "Example Gazette");
  member (builder, "title", "The headline of the article");
  member (builder, "date", date);
  member (builder, "url", "https://example.org/article");
  json_builder_end_object (builder);
}

/* found: what an expected check would have found on the claim's date. */
static void
move (JsonBuilder *builder,
      const char  *id,
      const char  *label,
      const char  *asks,
      gboolean     expected,
      const char  *why,
      const char  *found)
{
  json_builder_begin_object (builder);
  member (builder, "id", id);
  member (builder, "label", label);
  member (builder, "asks", asks);
  json_builder_set_member_name (builder, "expected");
  json_builder_add_boolean_value (builder, expected);
  member (builder, "why", why);
  if (found != NULL)
    member (builder, "found", found);
  json_builder_end_object (builder);
}

static void
story_step (JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  member (builder, "id", "first-report");
  member (builder, "type", "story");
  member (builder, "title", "What happened first");
  member (builder, "date", "2024-03-01");
  strings (builder, "text", "Tell what the public could see on this date, in a few sentences.");
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  source (builder, "2024-03-01");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

static void
claim_step (JsonBuilder *builder)
{
  json_builder_begin_object (builder);
  member (builder, "id", "first-claim");
  member (builder, "type", "claim");
  member (builder, "claim", "The claim the learner judges, as it was made.");
  strings (builder, "context", "What the learner has in front of them when judging.");
  member (builder, "as_of", "2024-03-02");
  member (builder, "verdict", "unverified");
  json_builder_set_member_name (builder, "moves");
  json_builder_begin_object (builder);
  member (builder, "question", "Which checks would you make?");
  json_builder_set_member_name (builder, "options");
  json_builder_begin_array (builder);
  move (builder, "second-source", "Look for an independent confirmation", "others", TRUE,
        "One source is not enough.", "What that check would have found on the as_of date.");
  move (builder, "count-shares", "See how often it was shared", "evidence", FALSE,
        "Popularity is not evidence.", NULL);
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_set_member_name (builder, "reveal");
  json_builder_begin_object (builder);
  strings (builder, "known_then", "What could be known on the as_of date.");
  strings (builder, "explanation", "Why the verdict stands.");
  member (builder, "takeaway", "One line the learner should remember.");
  strings (builder, "techniques", "single-source");
  strings (builder, "habits", "find-second-source");
  json_builder_set_member_name (builder, "sources");
  json_builder_begin_array (builder);
  source (builder, "2024-03-02");
  json_builder_end_array (builder);
  json_builder_end_object (builder);
  json_builder_end_object (builder);
}

static char *
build_pack (const char *slug,
            const char *title)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *id = g_strconcat ("org.example.", slug, NULL);
  g_autofree char *json = NULL;

  json_builder_begin_object (builder);
  member (builder, "format", LATERAL_PACK_FORMAT);
  member (builder, "id", id);
  member (builder, "version", "0.1.0");
  member (builder, "title", title);
  member (builder, "summary", "One or two sentences shown in the list of cases.");
  member (builder, "language", "en");
  strings (builder, "authors", "Your name");
  member (builder, "license", "CC-BY-4.0");
  json_builder_set_member_name (builder, "estimated_minutes");
  json_builder_add_int_value (builder, 10);
  json_builder_set_member_name (builder, "techniques");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  member (builder, "id", "single-source");
  member (builder, "name", "Single source");
  member (builder, "description", "One account, not yet confirmed by anyone independent of it.");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "habits");
  json_builder_begin_array (builder);
  json_builder_begin_object (builder);
  member (builder, "id", "find-second-source");
  member (builder, "name", "Find a second source");
  member (builder, "description", "What a careful reader does before believing it.");
  json_builder_end_object (builder);
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "steps");
  json_builder_begin_array (builder);
  story_step (builder);
  claim_step (builder);
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json = json_to_string (root, TRUE);
  return g_strconcat (json, "\n", NULL);
}

/* Loads the text as a pack; its problems go to stderr in the GNU format. */
static gboolean
check_pack (const char *contents,
            const char *filename)
{
  g_autoptr(GBytes) bytes = g_bytes_new (contents, strlen (contents));
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = lateral_pack_load_bytes (bytes, filename, &diagnostics, &error);

  if (pack != NULL)
    return TRUE;
  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_printerr ("%s\n", line);
    }
  if (diagnostics == NULL || diagnostics->len == 0)
    lateral_cli_fail ("new-pack", "%s", error->message);
  return FALSE;
}

int
lateral_cli_new_pack (int    argc,
                      char **argv)
{
  g_autofree char *title = NULL;
  GOptionEntry entries[] = {
    { "title", 't', 0, G_OPTION_ARG_STRING, &title, N_("The case’s title"), N_("TITLE") },
    G_OPTION_ENTRY_NULL
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autofree char *slug = NULL;
  g_autofree char *filename = NULL;
  g_autofree char *contents = NULL;

  if (!lateral_cli_parse_options ("new-pack", _("DIR"),
                                  _("Write DIR/SLUG.json, a valid starter pack with one story step, one claim with "
                                    "checks and a source, and one entry in each glossary (techniques, habits), in lateral-pack/2. "
                                    "Its id is org.example.SLUG: "
                                    "change it to one under a domain or account you control before you hand the "
                                    "pack out. An existing file is never overwritten."),
                                  entries, &argc, &argv))
    return LATERAL_CLI_EXIT_USAGE;
  if (argc != 2)
    return lateral_cli_usage_error ("new-pack", _("expected one folder"));
  if (title == NULL || *g_strstrip (title) == '\0')
    return lateral_cli_usage_error ("new-pack", _("--title TITLE is required"));
  if (!g_utf8_validate (title, -1, NULL))
    return lateral_cli_usage_error ("new-pack", _("the title is not valid UTF-8"));

  slug = make_slug (title);
  {
    g_autofree char *basename = g_strconcat (slug, ".json", NULL);

    filename = g_build_filename (argv[1], basename, NULL);
  }
  contents = build_pack (slug, title);
  if (!check_pack (contents, filename))
    return LATERAL_CLI_EXIT_FAILURE;

  if (g_mkdir_with_parents (argv[1], 0755) != 0)
    return lateral_cli_fail ("new-pack", _("could not create the folder %s: %s"), argv[1], g_strerror (errno));

  /* Creating, not replacing: an author's work is never written over. */
  file = g_file_new_for_path (filename);
  stream = g_file_create (file, G_FILE_CREATE_NONE, NULL, &error);
  if (stream == NULL)
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        return lateral_cli_fail ("new-pack", _("%s already exists; it was left as it is"), filename);
      return lateral_cli_fail ("new-pack", "%s", error->message);
    }
  if (!g_output_stream_write_all (G_OUTPUT_STREAM (stream), contents, strlen (contents), NULL, NULL, &error) ||
      !g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, &error))
    {
      g_file_delete (file, NULL, NULL);
      return lateral_cli_fail ("new-pack", "%s", error->message);
    }

  g_print (_("Wrote %s, a starter pack with the id org.example.%s.\n"), filename, slug);
  g_print ("%s\n", _("Change the id to one under a domain or account you control, edit the story and the claim, "
                     "then check it with “lateral-cli validate FILE”."));
  return LATERAL_CLI_EXIT_OK;
}
