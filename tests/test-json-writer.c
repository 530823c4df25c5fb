/* test-json-writer.c: the pack writer gives the built-in packs' bytes back
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The case editor saves through lateral_json_write_file(): a built-in pack
 * read with json-glib and written unchanged must be byte-identical, text is
 * escaped only where JSON requires it, and the file is replaced whole.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "json/lateral-json-writer.h"

static JsonNode *
parse (const char *text)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;

  json_parser_load_from_data (parser, text, -1, &error);
  g_assert_no_error (error);
  return json_node_copy (json_parser_get_root (parser));
}

static void
test_builtin_identical (void)
{
  static const char *names[] = { "prank-call.json", "prank-call.es.json" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *path = g_build_filename (g_getenv ("LATERAL_SOURCE_DIR"), "data", "packs", names[i], NULL);
      g_autofree char *contents = NULL;
      g_autofree char *written = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(JsonNode) root = NULL;

      g_file_get_contents (path, &contents, NULL, &error);
      g_assert_no_error (error);
      root = parse (contents);
      written = lateral_json_write_string (root);
      g_assert_cmpstr (written, ==, contents);
    }
}

static void
test_escaping (void)
{
  /* Control characters, quotes and backslashes escaped; UTF-8 kept;
   * empty containers; numbers, booleans and null; members in order. */
  g_autoptr(JsonNode) root = parse ("{\"z\": \"a\\u0001b\\\"c\\\\d\\n\\te\", \"é\": \"Élection – “x”\","
                                    " \"a\": [], \"o\": {}, \"n\": [1, -2, 0.5, 2.0, true, false, null]}");
  g_autofree char *written = lateral_json_write_string (root);

  g_assert_cmpstr (written, ==,
                   "{\n"
                   "  \"z\": \"a\\u0001b\\\"c\\\\d\\n\\te\",\n"
                   "  \"é\": \"Élection – “x”\",\n"
                   "  \"a\": [],\n"
                   "  \"o\": {},\n"
                   "  \"n\": [\n"
                   "    1,\n"
                   "    -2,\n"
                   "    0.5,\n"
                   "    2.0,\n"
                   "    true,\n"
                   "    false,\n"
                   "    null\n"
                   "  ]\n"
                   "}\n");
}

static void
test_file_replaced (void)
{
  g_autofree char *dir = g_dir_make_tmp ("lateral-writer-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(JsonNode) root = parse ("{\"title\": \"Ünïcode\"}");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) listing = NULL;
  guint n = 0;

  g_assert_true (g_file_set_contents (path, "old contents, longer than the new ones", -1, NULL));
  g_assert_true (lateral_json_write_file (root, path, &error));
  g_assert_no_error (error);
  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, "{\n  \"title\": \"Ünïcode\"\n}\n");

  /* No temporary file left behind. */
  listing = g_dir_open (dir, 0, NULL);
  while (g_dir_read_name (listing) != NULL)
    n++;
  g_assert_cmpuint (n, ==, 1);

  /* A folder that does not exist: an error, not a crash. */
  {
    g_autofree char *missing = g_build_filename (dir, "no", "such", "case.json", NULL);

    g_assert_false (lateral_json_write_file (root, missing, &error));
    g_assert_nonnull (error);
    g_clear_error (&error);
  }
  g_unlink (path);
  g_rmdir (dir);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/json-writer/builtin-identical", test_builtin_identical);
  g_test_add_func ("/json-writer/escaping", test_escaping);
  g_test_add_func ("/json-writer/file-replaced", test_file_replaced);
  return g_test_run ();
}
