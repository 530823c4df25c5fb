/* test-pack-archive.c: .lateral archives, written, read back and attacked
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The hostile archives are made here with libarchive's writer, so each
 * test says exactly what the archive holds: a zip bomb, a "../" entry, a
 * symbolic link, an absolute path, 10,000 entries. Each must be refused
 * with its own message and leave nothing installed.
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <glib/gstdio.h>

#include "pack/lateral-pack-archive.h"
#include "pack/lateral-pack-install.h"
#include "pack/lateral-pack-registry.h"
#include "report/lateral-answer-key.h"

typedef struct {
  char *root;      /* XDG_DATA_HOME of this test */
  char *builtin;   /* the source tree's prank-call.json */
} Fixture;

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->root = g_dir_make_tmp ("lateral-test-archive-XXXXXX", &error);
  g_assert_no_error (error);
  g_setenv ("XDG_DATA_HOME", fixture->root, TRUE);
  fixture->builtin = g_build_filename (g_getenv ("LATERAL_PACKS_DIR"), "prank-call.json", NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  lateral_pack_archive_remove_folder (fixture->root);
  g_free (fixture->root);
  g_free (fixture->builtin);
}

/* One entry of a hand-made archive. */
typedef struct {
  const char *name;
  mode_t      type;
  const char *contents;  /* for files */
  gsize       repeat;    /* contents written this many times; 0 = once */
  const char *link;      /* for links */
} Entry;

static char *
make_zip (Fixture     *fixture,
          const char  *name,
          const Entry *entries,
          guint        n_entries)
{
  char *path = g_build_filename (fixture->root, name, NULL);
  struct archive *a = archive_write_new ();

  g_assert_cmpint (archive_write_set_format_zip (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_zip_set_compression_deflate (a), ==, ARCHIVE_OK);
  g_assert_cmpint (archive_write_open_filename (a, path), ==, ARCHIVE_OK);
  for (guint i = 0; i < n_entries; i++)
    {
      struct archive_entry *entry = archive_entry_new ();
      gsize length = entries[i].contents != NULL ? strlen (entries[i].contents) : 0;
      gsize times = MAX (entries[i].repeat, 1);

      archive_entry_set_pathname (entry, entries[i].name);
      archive_entry_set_filetype (entry, entries[i].type);
      archive_entry_set_perm (entry, 0644);
      if (entries[i].link != NULL)
        archive_entry_set_symlink (entry, entries[i].link);
      if (entries[i].type == AE_IFREG)
        archive_entry_set_size (entry, (la_int64_t) (length * times));
      g_assert_cmpint (archive_write_header (a, entry), ==, ARCHIVE_OK);
      for (gsize k = 0; entries[i].type == AE_IFREG && k < times; k++)
        g_assert_cmpint (archive_write_data (a, entries[i].contents, length), ==, (la_ssize_t) length);
      archive_entry_free (entry);
    }
  g_assert_cmpint (archive_write_close (a), ==, ARCHIVE_OK);
  archive_write_free (a);
  return path;
}

static char *
builtin_contents (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  g_file_get_contents (fixture->builtin, &contents, NULL, &error);
  g_assert_no_error (error);
  return contents;
}

/* Nothing of the case reached the user's packs folder. */
static void
assert_nothing_installed (Fixture *fixture)
{
  g_autofree char *packs = g_build_filename (fixture->root, "lateral", "packs", NULL);
  g_autoptr(GDir) dir = g_dir_open (packs, 0, NULL);

  g_assert_true (dir == NULL || g_dir_read_name (dir) == NULL);
}

static void
assert_refused (Fixture    *fixture,
                const char *archive,
                const char *message)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(LateralPack) pack = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lateral_pack_registry_load (registry, NULL));
  pack = lateral_pack_install_file (registry, archive, FALSE, NULL, NULL, NULL, &error);
  g_assert_null (pack);
  g_assert_nonnull (error);
  g_test_message ("%s", error->message);
  if (strstr (error->message, message) == NULL)
    g_error ("expected “%s” in “%s”", message, error->message);
  assert_nothing_installed (fixture);
}

static void
test_round_trip (Fixture       *fixture,
                 gconstpointer  data)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(LateralPack) original = NULL;
  g_autoptr(LateralPack) installed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *archive = g_build_filename (fixture->root, "case.lateral", NULL);
  g_autofree char *again = g_build_filename (fixture->root, "again.lateral", NULL);
  g_autofree char *target = g_build_filename (fixture->root, "lateral", "packs",
                                              "io.github.lateral.prank-call.json", NULL);
  g_autofree char *written = NULL;
  g_autofree char *source = builtin_contents (fixture);
  g_autofree char *first = NULL;
  g_autofree char *second = NULL;
  gsize first_len = 0, second_len = 0;
  LateralPackInstallKind kind = LATERAL_PACK_INSTALL_NEW;

  original = lateral_pack_load_file (fixture->builtin, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lateral_pack_archive_write (original, archive, NULL, &error));
  g_assert_no_error (error);

  /* The same pack always gives the same bytes. */
  g_assert_true (lateral_pack_archive_write (original, again, NULL, &error));
  g_assert_true (g_file_get_contents (archive, &first, &first_len, NULL));
  g_assert_true (g_file_get_contents (again, &second, &second_len, NULL));
  g_assert_cmpmem (first, first_len, second, second_len);

  g_assert_true (lateral_pack_registry_load (registry, &error));
  installed = lateral_pack_install_file (registry, archive, FALSE, &kind, NULL, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (installed);
  g_assert_cmpint (kind, ==, LATERAL_PACK_INSTALL_SAME);
  g_assert_cmpstr (lateral_pack_get_content_hash (installed), ==, lateral_pack_get_content_hash (original));

  /* The installed file is the author's bytes. */
  g_assert_true (g_file_get_contents (target, &written, NULL, &error));
  g_assert_cmpstr (written, ==, source);
}

static void
test_zip_bomb (Fixture       *fixture,
               gconstpointer  data)
{
  g_autofree char *zeros = g_malloc0 (1024 * 1024 + 1);
  g_autofree char *archive = NULL;
  Entry entries[] = {
    { "case.json", AE_IFREG, "{}", 0, NULL },
    { "images/big.png", AE_IFREG, zeros, 40, NULL },  /* 40 MiB of "0" in about 40 KiB */
  };

  memset (zeros, '0', 1024 * 1024);
  archive = make_zip (fixture, "bomb.lateral", entries, G_N_ELEMENTS (entries));
  assert_refused (fixture, archive, "as a zip bomb does");
}

static void
test_parent_entry (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autofree char *json = builtin_contents (fixture);
  Entry entries[] = {
    { "io.github.lateral.prank-call.json", AE_IFREG, json, 0, NULL },
    { "../escaped.txt", AE_IFREG, "gotcha", 0, NULL },
  };
  g_autofree char *archive = make_zip (fixture, "parent.lateral", entries, G_N_ELEMENTS (entries));
  g_autofree char *escaped = g_build_filename (g_get_tmp_dir (), "escaped.txt", NULL);

  assert_refused (fixture, archive, "the entry “../escaped.txt” is not a plain relative name");
  g_assert_false (g_file_test (escaped, G_FILE_TEST_EXISTS));
}

static void
test_symlink_entry (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autofree char *json = builtin_contents (fixture);
  Entry entries[] = {
    { "io.github.lateral.prank-call.json", AE_IFREG, json, 0, NULL },
    { "images/passwd", AE_IFLNK, NULL, 0, "/etc/passwd" },
  };
  g_autofree char *archive = make_zip (fixture, "link.lateral", entries, G_N_ELEMENTS (entries));

  assert_refused (fixture, archive, "the entry “images/passwd” is a link");
}

static void
test_absolute_entry (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autofree char *json = builtin_contents (fixture);
  Entry entries[] = {
    { "/tmp/lateral-absolute.json", AE_IFREG, json, 0, NULL },
  };
  g_autofree char *archive = make_zip (fixture, "absolute.lateral", entries, G_N_ELEMENTS (entries));

  assert_refused (fixture, archive, "the entry “/tmp/lateral-absolute.json” is not a plain relative name");
  g_assert_false (g_file_test ("/tmp/lateral-absolute.json", G_FILE_TEST_EXISTS));
}

static void
test_many_entries (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GArray) entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *archive = NULL;

  for (guint i = 0; i < 10000; i++)
    {
      char *name = g_strdup_printf ("images/%05u.png", i);
      Entry entry = { name, AE_IFREG, "x", 0, NULL };

      g_ptr_array_add (names, name);
      g_array_append_val (entries, entry);
    }
  archive = make_zip (fixture, "many.lateral", (Entry *) entries->data, entries->len);
  assert_refused (fixture, archive, "it has more than 1000 entries");
}

static void
test_no_case (Fixture       *fixture,
              gconstpointer  data)
{
  Entry entries[] = {
    { "notes.txt", AE_IFREG, "hello", 0, NULL },
  };
  g_autofree char *archive = make_zip (fixture, "empty.lateral", entries, G_N_ELEMENTS (entries));

  assert_refused (fixture, archive, "The archive holds no case");
}

static void
test_invalid_case (Fixture       *fixture,
                   gconstpointer  data)
{
  Entry entries[] = {
    { "broken.json", AE_IFREG, "{ \"format\": \"lateral-pack/1\" }", 0, NULL },
  };
  g_autofree char *archive = make_zip (fixture, "invalid.lateral", entries, G_N_ELEMENTS (entries));

  assert_refused (fixture, archive, "is not a case Lateral can use");
}

static void
test_not_zip (Fixture       *fixture,
              gconstpointer  data)
{
  g_autofree char *path = g_build_filename (fixture->root, "text.lateral", NULL);

  g_assert_true (g_file_set_contents (path, "just some text", -1, NULL));
  assert_refused (fixture, path, "it is not a zip archive");
}

/* The answer key draws every claim, and more pages for a longer case. */
static void
test_answer_key_pages (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(LateralPack) pack = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *pdf = g_build_filename (fixture->root, "key.pdf", NULL);
  guint n_pages = 0;

  pack = lateral_pack_load_file (fixture->builtin, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (lateral_answer_key_write_pdf (pack, pdf, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, >, 1);
  g_assert_cmpuint (n_pages, ==, lateral_answer_key_count_pages (pack, 595.0, 842.0));
  /* A narrower page wraps more lines onto more pages. */
  g_assert_cmpuint (lateral_answer_key_count_pages (pack, 300.0, 842.0), >, n_pages);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(path, func) \
  g_test_add (path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("/pack-archive/round-trip", test_round_trip);
  ADD ("/pack-archive/zip-bomb", test_zip_bomb);
  ADD ("/pack-archive/parent-entry", test_parent_entry);
  ADD ("/pack-archive/symlink-entry", test_symlink_entry);
  ADD ("/pack-archive/absolute-entry", test_absolute_entry);
  ADD ("/pack-archive/many-entries", test_many_entries);
  ADD ("/pack-archive/no-case", test_no_case);
  ADD ("/pack-archive/invalid-case", test_invalid_case);
  ADD ("/pack-archive/not-zip", test_not_zip);
  ADD ("/pack-archive/answer-key-pages", test_answer_key_pages);
#undef ADD

  return g_test_run ();
}
