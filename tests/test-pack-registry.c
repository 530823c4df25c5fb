/* test-pack-registry.c: finding packs in the built-in, user and school folders
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pack/lateral-pack-registry.h"

static GPtrArray *messages;

/* Keeps the registry's log lines so tests can check nothing is dropped
 * silently; everything else goes to the default writer. */
static GLogWriterOutput
record_messages (GLogLevelFlags   log_level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         user_data)
{
  if ((log_level & G_LOG_LEVEL_MASK) == G_LOG_LEVEL_MESSAGE)
    {
      for (gsize i = 0; i < n_fields; i++)
        {
          if (g_str_equal (fields[i].key, "MESSAGE"))
            g_ptr_array_add (messages, g_strdup (fields[i].value));
        }
      return G_LOG_WRITER_HANDLED;
    }
  return g_log_writer_default (log_level, fields, n_fields, user_data);
}

static char *
folder_for (const char *base)
{
  char *folder = g_build_filename (base, "lateral", "packs", NULL);

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  return folder;
}

/* The sample pack with another id, version and title. */
static void
write_pack (const char *folder,
            const char *file,
            const char *id,
            const char *version,
            const char *title)
{
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "packs", "valid", "sample-case.json", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autoptr(GString) text = NULL;

  g_assert_true (g_file_get_contents (sample_path, &sample, NULL, NULL));
  text = g_string_new (sample);
  g_assert_cmpuint (g_string_replace (text, "org.example.sample-case", id, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"1.0.0\"", version, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "A sample case", title, 1), ==, 1);
  /* No images folder here. */
  g_assert_cmpuint (g_string_replace (text, "\"image\": { \"path\": \"images/kyiv.jpg\", \"alt\": \"What the picture shows, for screen readers\" },", "", 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
}

/* The /2 sample in @language; a translation when @translated_from is set. */
static LateralPack *
write_language_pack (const char *folder,
                     const char *file,
                     const char *version,
                     const char *language,
                     const char *translated_from)
{
  g_autofree char *sample_path = g_test_build_filename (G_TEST_DIST, "packs", "valid", "sample-case-2.json", NULL);
  g_autofree char *sample = NULL;
  g_autofree char *path = g_build_filename (folder, file, NULL);
  g_autofree char *header = NULL;
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_get_contents (sample_path, &sample, NULL, NULL));
  text = g_string_new (sample);
  header = g_strdup_printf ("\"language\": \"%s\",%s%s%s", language,
                            translated_from != NULL ? "\n  \"translated_from\": \"" : "",
                            translated_from != NULL ? translated_from : "",
                            translated_from != NULL ? "\"," : "");
  g_assert_cmpuint (g_string_replace (text, "\"language\": \"en\",", header, 1), ==, 1);
  g_assert_cmpuint (g_string_replace (text, "\"2.0.0\"", version, 1), ==, 1);
  g_assert_true (g_file_set_contents (path, text->str, text->len, NULL));
  return lateral_pack_load_file (path, NULL, &error);
}

typedef struct {
  char *builtin;
  char *user;
  char *system;
} Folders;

static void
folders_setup (Folders      *f,
               gconstpointer data)
{
  g_autofree char *builtin_base = g_build_filename (g_get_user_cache_dir (), "builtin", NULL);

  f->builtin = g_build_filename (builtin_base, "packs", NULL);
  g_assert_cmpint (g_mkdir_with_parents (f->builtin, 0700), ==, 0);
  g_setenv ("LATERAL_PACKS_DIR", f->builtin, TRUE);
  f->user = folder_for (g_get_user_data_dir ());
  f->system = folder_for (g_get_system_data_dirs ()[0]);
  g_ptr_array_set_size (messages, 0);
}

static void
folders_teardown (Folders      *f,
                  gconstpointer data)
{
  g_free (f->builtin);
  g_free (f->user);
  g_free (f->system);
  g_unsetenv ("LATERAL_PACKS_DIR");
}

static LateralPack *
pack_at (LateralPackRegistry *registry,
         guint                index)
{
  g_autoptr(LateralPack) pack = g_list_model_get_item (lateral_pack_registry_get_packs (registry), index);

  return pack;  /* the registry keeps it alive */
}

static void
test_origins_and_order (Folders      *f,
                        gconstpointer data)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *notes = NULL;
  GListModel *packs;

  write_pack (f->builtin, "b.json", "org.example.built-in", "\"1.0.0\"", "Zebra crossing");
  write_pack (f->user, "u.json", "org.example.mine", "\"1.0.0\"", "apples and oranges");
  write_pack (f->system, "s.json", "org.example.school", "\"1.0.0\"", "Moon landing");
  /* Not a pack: ignored without a word. */
  notes = g_build_filename (f->user, "notes.txt", NULL);
  g_assert_true (g_file_set_contents (notes, "x", 1, NULL));

  g_assert_true (lateral_pack_registry_load (registry, &error));
  g_assert_no_error (error);
  packs = lateral_pack_registry_get_packs (registry);
  g_assert_true (g_list_model_get_item_type (packs) == LATERAL_TYPE_PACK);
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 3);

  /* Sorted by title as people read it, not by bytes. */
  g_assert_cmpstr (lateral_pack_get_title (pack_at (registry, 0)), ==, "apples and oranges");
  g_assert_cmpstr (lateral_pack_get_title (pack_at (registry, 1)), ==, "Moon landing");
  g_assert_cmpstr (lateral_pack_get_title (pack_at (registry, 2)), ==, "Zebra crossing");

  g_assert_cmpint (lateral_pack_get_origin (lateral_pack_registry_lookup (registry, "org.example.built-in")), ==, LATERAL_PACK_ORIGIN_BUILTIN);
  g_assert_cmpint (lateral_pack_get_origin (lateral_pack_registry_lookup (registry, "org.example.mine")), ==, LATERAL_PACK_ORIGIN_USER);
  g_assert_cmpint (lateral_pack_get_origin (lateral_pack_registry_lookup (registry, "org.example.school")), ==, LATERAL_PACK_ORIGIN_SYSTEM);
  g_assert_null (lateral_pack_registry_lookup (registry, "org.example.nothing"));
  g_assert_cmpuint (lateral_pack_registry_get_problems (registry)->len, ==, 0);
  g_assert_cmpuint (messages->len, ==, 0);

  /* Loading again finds the same, not twice as many. */
  g_assert_true (lateral_pack_registry_load (registry, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (packs), ==, 3);
}

static void
test_higher_version_wins (Folders      *f,
                          gconstpointer data)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autofree char *builtin_file = g_build_filename (f->builtin, "case.json", NULL);
  g_autofree char *user_file = g_build_filename (f->user, "case.json", NULL);
  g_autofree char *system_file = g_build_filename (f->system, "case.json", NULL);
  LateralPack *pack;
  const char *line;

  write_pack (f->builtin, "case.json", "org.example.case", "\"1.2.0\"", "Built-in edition");
  write_pack (f->user, "case.json", "org.example.case", "\"1.10.0\"", "User edition");
  write_pack (f->system, "case.json", "org.example.case", "\"1.10.0-beta.1\"", "School edition");

  g_assert_true (lateral_pack_registry_load (registry, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (lateral_pack_registry_get_packs (registry)), ==, 1);
  pack = lateral_pack_registry_lookup (registry, "org.example.case");
  g_assert_cmpstr (lateral_pack_get_version (pack), ==, "1.10.0");
  g_assert_cmpint (lateral_pack_get_origin (pack), ==, LATERAL_PACK_ORIGIN_USER);

  /* Each loser is named, with both files. */
  g_assert_cmpuint (messages->len, ==, 2);
  line = g_ptr_array_index (messages, 0);
  g_assert_nonnull (strstr (line, "org.example.case"));
  g_assert_nonnull (strstr (line, user_file));
  g_assert_nonnull (strstr (line, builtin_file));
  line = g_ptr_array_index (messages, 1);
  g_assert_nonnull (strstr (line, user_file));
  g_assert_nonnull (strstr (line, system_file));
  g_assert_nonnull (strstr (line, "1.10.0-beta.1"));
}

/* One file per language under one id and version: the interface language
 * is shown, else the original; every language file is kept. */
static void
test_languages (Folders      *f,
                gconstpointer data)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(LateralPack) en = write_language_pack (f->builtin, "case.json", "\"2.0.0\"", "en", NULL);
  g_autoptr(LateralPack) es = write_language_pack (f->builtin, "case.es.json", "\"2.0.0\"", "es", "en");
  g_autoptr(LateralPack) fr = write_language_pack (f->system, "case.fr.json", "\"2.0.0\"", "fr", "en");
  const char *spanish[] = { "es_ES.UTF-8", "es_ES", "es.UTF-8", "es", "C", NULL };
  const char *german[] = { "de_DE.UTF-8", "de_DE", "de", "C", NULL };
  const char *brazil[] = { "pt_BR.UTF-8", "pt_BR", "pt", "fr", "C", NULL };
  const char *id = "org.example.sample-case-two";
  LateralPack *pack;
  GPtrArray *files;

  g_assert_nonnull (en);
  g_assert_nonnull (es);
  g_assert_nonnull (fr);
  g_assert_cmpstr (lateral_pack_get_translated_from (es), ==, "en");

  lateral_pack_registry_set_languages (registry, spanish);
  g_assert_true (lateral_pack_registry_load (registry, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (lateral_pack_registry_get_packs (registry)), ==, 1);
  pack = lateral_pack_registry_lookup (registry, id);
  g_assert_cmpstr (lateral_pack_get_language (pack), ==, "es");
  g_assert_true (pack_at (registry, 0) == pack);
  files = lateral_pack_registry_get_translations (registry, id);
  g_assert_cmpuint (files->len, ==, 3);
  g_assert_cmpstr (lateral_pack_get_language (lateral_pack_registry_lookup_language (registry, id, "fr")), ==, "fr");
  g_assert_cmpint (lateral_pack_get_origin (lateral_pack_registry_lookup_language (registry, id, "fr")), ==, LATERAL_PACK_ORIGIN_SYSTEM);
  g_assert_null (lateral_pack_registry_lookup_language (registry, id, "de"));
  g_assert_null (lateral_pack_registry_get_translations (registry, "org.example.none"));

  /* A result played in any language names its file by hash. */
  pack = lateral_pack_registry_find_by_hash (registry, lateral_pack_get_content_hash (fr));
  g_assert_nonnull (pack);
  g_assert_cmpstr (lateral_pack_get_language (pack), ==, "fr");
  g_assert_null (lateral_pack_registry_find_by_hash (registry, "0000"));
  g_assert_cmpuint (messages->len, ==, 0);

  /* No file in the interface language: the original, not the first found. */
  lateral_pack_registry_set_languages (registry, german);
  g_assert_true (lateral_pack_registry_load (registry, NULL));
  g_assert_cmpstr (lateral_pack_get_language (lateral_pack_registry_lookup (registry, id)), ==, "en");

  /* The first language of the list that exists wins. */
  lateral_pack_registry_set_languages (registry, brazil);
  g_assert_true (lateral_pack_registry_load (registry, NULL));
  g_assert_cmpstr (lateral_pack_get_language (lateral_pack_registry_lookup (registry, id)), ==, "fr");

  /* The same language twice in one version: the earlier folder keeps it. */
  g_clear_object (&fr);
  fr = write_language_pack (f->user, "case.es.json", "\"2.0.0\"", "es", "en");
  lateral_pack_registry_set_languages (registry, spanish);
  g_assert_true (lateral_pack_registry_load (registry, NULL));
  pack = lateral_pack_registry_lookup (registry, id);
  g_assert_cmpint (lateral_pack_get_origin (pack), ==, LATERAL_PACK_ORIGIN_BUILTIN);
  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), "case.es.json"));

  /* A higher version, even in one language, replaces the older edition. */
  g_ptr_array_set_size (messages, 0);
  g_clear_object (&fr);
  fr = write_language_pack (f->user, "case.es.json", "\"2.1.0\"", "es", "en");
  g_assert_true (lateral_pack_registry_load (registry, NULL));
  files = lateral_pack_registry_get_translations (registry, id);
  g_assert_cmpuint (files->len, ==, 1);
  g_assert_cmpstr (lateral_pack_get_version (g_ptr_array_index (files, 0)), ==, "2.1.0");
  g_assert_cmpuint (messages->len, ==, 3);  /* en, es and fr of 2.0.0 */
}

/* A "translation" whose verdicts differ would pool answers to different
 * claims: it is skipped, and said why. */
static void
test_translation_must_agree (Folders      *f,
                             gconstpointer data)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(LateralPack) en = write_language_pack (f->builtin, "case.json", "\"2.0.0\"", "en", NULL);
  g_autoptr(LateralPack) de = write_language_pack (f->builtin, "case.de.json", "\"2.0.0\"", "de", "en");
  g_autofree char *de_path = g_build_filename (f->builtin, "case.de.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GString) changed = NULL;
  g_autoptr(GError) error = NULL;
  const char *german[] = { "de", "C", NULL };
  LateralDiagnostic *problem;

  g_assert_true (lateral_pack_check_translation (en, de, &error));
  g_assert_no_error (error);

  g_assert_true (g_file_get_contents (de_path, &text, NULL, NULL));
  changed = g_string_new (text);
  g_assert_cmpuint (g_string_replace (changed, "\"verdict\": \"misleading\"", "\"verdict\": \"false\"", 1), ==, 1);
  g_assert_true (g_file_set_contents (de_path, changed->str, changed->len, NULL));

  lateral_pack_registry_set_languages (registry, german);
  g_assert_true (lateral_pack_registry_load (registry, NULL));
  g_assert_cmpstr (lateral_pack_get_language (lateral_pack_registry_lookup (registry, "org.example.sample-case-two")), ==, "en");
  g_assert_cmpuint (lateral_pack_registry_get_translations (registry, "org.example.sample-case-two")->len, ==, 1);
  g_assert_cmpuint (lateral_pack_registry_get_problems (registry)->len, ==, 1);
  problem = g_ptr_array_index (lateral_pack_registry_get_problems (registry), 0);
  g_assert_cmpstr (problem->file, ==, de_path);
  g_assert_nonnull (strstr (problem->message, "steps[5] (“denial-proves”) differs from the en file of the same version"));
  g_assert_cmpuint (messages->len, ==, 1);
}

static void
test_invalid_pack_skipped (Folders      *f,
                           gconstpointer data)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autofree char *broken = g_build_filename (f->user, "broken.json", NULL);
  GPtrArray *problems;
  LateralDiagnostic *problem;

  write_pack (f->builtin, "ok.json", "org.example.ok", "\"1.0.0\"", "Fine");
  g_assert_true (g_file_set_contents (broken, "{\n  \"format\": 1\n}\n", -1, NULL));

  g_assert_true (lateral_pack_registry_load (registry, NULL));
  g_assert_cmpuint (g_list_model_get_n_items (lateral_pack_registry_get_packs (registry)), ==, 1);

  problems = lateral_pack_registry_get_problems (registry);
  g_assert_cmpuint (problems->len, >, 1);
  problem = g_ptr_array_index (problems, 0);
  g_assert_cmpstr (problem->file, ==, broken);
  g_assert_cmpuint (problem->line, ==, 1);

  g_assert_cmpuint (messages->len, ==, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (messages, 0), broken));
}

static void
test_nothing_usable (Folders      *f,
                     gconstpointer data)
{
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *bad = NULL;

  /* No pack at all is not an error: a fresh install may have none. */
  g_assert_true (lateral_pack_registry_load (registry, &error));
  g_assert_no_error (error);

  bad = g_build_filename (f->builtin, "bad.json", NULL);
  g_assert_true (g_file_set_contents (bad, "", 0, NULL));
  g_assert_false (lateral_pack_registry_load (registry, &error));
  g_assert_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID);
}

static void
test_builtin_dir (void)
{
  g_autofree char *dir = NULL;

  g_unsetenv ("LATERAL_PACKS_DIR");
  dir = lateral_pack_registry_get_builtin_dir ();
  g_assert_cmpstr (dir, ==, PKGDATADIR "/packs");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  messages = g_ptr_array_new_with_free_func (g_free);
  g_log_set_writer_func (record_messages, NULL, NULL);

  g_test_add ("/registry/origins-and-order", Folders, NULL, folders_setup, test_origins_and_order, folders_teardown);
  g_test_add ("/registry/higher-version-wins", Folders, NULL, folders_setup, test_higher_version_wins, folders_teardown);
  g_test_add ("/registry/languages", Folders, NULL, folders_setup, test_languages, folders_teardown);
  g_test_add ("/registry/translation-must-agree", Folders, NULL, folders_setup, test_translation_must_agree, folders_teardown);
  g_test_add ("/registry/invalid-pack-skipped", Folders, NULL, folders_setup, test_invalid_pack_skipped, folders_teardown);
  g_test_add ("/registry/nothing-usable", Folders, NULL, folders_setup, test_nothing_usable, folders_teardown);
  g_test_add_func ("/registry/builtin-dir", test_builtin_dir);

  status = g_test_run ();
  g_ptr_array_unref (messages);
  return status;
}
