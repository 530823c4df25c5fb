/* test-pack-install.c: adding and removing the user's own packs
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pack/lateral-pack-install.h"

#define GIF_HEAD "GIF89a\x10\x01\x10\x01"

static char *
sample_path (void)
{
  return g_test_build_filename (G_TEST_DIST, "packs", "valid", "sample-case.json", NULL);
}

static LateralPack *
load (const char *path)
{
  g_autoptr(GError) error = NULL;
  LateralPack *pack = lateral_pack_load_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (pack);
  return pack;
}

static LateralPackRegistry *
registry_new (void)
{
  g_autoptr(GError) error = NULL;
  LateralPackRegistry *registry = lateral_pack_registry_new ();

  lateral_pack_registry_load (registry, &error);
  g_assert_no_error (error);
  return registry;
}

/* A copy of the sample pack in a folder of its own, with @version and
 * @id, and an image of @image_bytes. */
static char *
write_variant (const char *folder,
               const char *id,
               const char *version,
               const char *image_bytes)
{
  g_autofree char *original = NULL;
  g_autofree char *path = sample_path ();
  g_autofree char *images = g_build_filename (folder, "images", NULL);
  g_autofree char *image = g_build_filename (images, "kyiv.jpg", NULL);
  g_autofree char *target = g_build_filename (folder, "pack.json", NULL);
  g_autoptr(GString) text = NULL;
  g_autoptr(GError) error = NULL;

  g_file_get_contents (path, &original, NULL, &error);
  g_assert_no_error (error);
  text = g_string_new (original);
  g_string_replace (text, "\"version\": \"1.0.0\"", version, 1);
  g_string_replace (text, "org.example.sample-case", id, 1);

  g_assert_cmpint (g_mkdir_with_parents (images, 0755), ==, 0);
  {
    /* The loader reads the picture's header (lateral-image-limits.c): a
     * GIF's, 272 × 272, then the text that tells versions apart. */
    g_autofree char *bytes = g_strconcat (GIF_HEAD, image_bytes, NULL);

    g_file_set_contents (image, bytes, -1, &error);
  }
  g_assert_no_error (error);
  g_file_set_contents (target, text->str, -1, &error);
  g_assert_no_error (error);

  return g_steal_pointer (&target);
}

static void
test_install_upgrade_remove (void)
{
  g_autofree char *user_dir = lateral_pack_install_get_user_dir ();
  g_autofree char *path = sample_path ();
  g_autofree char *installed_path = NULL;
  g_autofree char *expected_path = g_build_filename (user_dir, "org.example.sample-case.json", NULL);
  g_autofree char *image = g_build_filename (user_dir, "images", "kyiv.jpg", NULL);
  g_autofree char *folder = g_build_filename (g_get_user_cache_dir (), "v2", NULL);
  g_autofree char *v2_path = NULL;
  g_autoptr(LateralPackRegistry) registry = registry_new ();
  g_autoptr(LateralPack) v1 = load (path);
  g_autoptr(LateralPack) v2 = NULL;
  g_autoptr(GError) error = NULL;
  LateralPack *installed = NULL;

  g_assert_cmpint (lateral_pack_install_check (registry, v1, &installed), ==, LATERAL_PACK_INSTALL_NEW);
  g_assert_null (installed);
  g_assert_true (lateral_pack_install (registry, v1, &installed_path, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (installed_path, ==, expected_path);
  g_assert_true (g_file_test (image, G_FILE_TEST_IS_REGULAR));

  g_assert_true (lateral_pack_registry_load (registry, &error));
  installed = lateral_pack_registry_lookup (registry, "org.example.sample-case");
  g_assert_nonnull (installed);
  g_assert_cmpint (lateral_pack_get_origin (installed), ==, LATERAL_PACK_ORIGIN_USER);
  g_assert_cmpint (lateral_pack_install_check (registry, v1, NULL), ==, LATERAL_PACK_INSTALL_SAME);

  /* The installed file itself cannot be installed over itself. */
  g_assert_false (lateral_pack_install (registry, installed, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_clear_error (&error);

  v2_path = write_variant (folder, "org.example.sample-case", "\"version\": \"2.0.0\"", "a new picture");
  v2 = load (v2_path);
  g_assert_cmpint (lateral_pack_install_check (registry, v2, &installed), ==, LATERAL_PACK_INSTALL_UPGRADE);
  g_assert_cmpstr (lateral_pack_get_version (installed), ==, "1.0.0");
  /* Replacing its own pack, the new image replaces the old one. */
  g_assert_true (lateral_pack_install (registry, v2, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (lateral_pack_registry_load (registry, &error));
  installed = lateral_pack_registry_lookup (registry, "org.example.sample-case");
  g_assert_cmpstr (lateral_pack_get_version (installed), ==, "2.0.0");
  g_assert_cmpint (lateral_pack_install_check (registry, v1, NULL), ==, LATERAL_PACK_INSTALL_DOWNGRADE);

  g_assert_true (lateral_pack_uninstall (installed, &error));
  g_assert_no_error (error);
  g_assert_false (g_file_test (expected_path, G_FILE_TEST_EXISTS));
  g_assert_true (lateral_pack_registry_load (registry, &error));
  g_assert_null (lateral_pack_registry_lookup (registry, "org.example.sample-case"));
}

static void
test_builtin_not_removed (void)
{
  g_autoptr(LateralPackRegistry) registry = registry_new ();
  LateralPack *builtin = lateral_pack_registry_lookup (registry, "io.github.lateral.prank-call");
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (builtin);
  g_assert_false (lateral_pack_uninstall (builtin, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED);
  g_assert_true (g_file_test (lateral_pack_get_filename (builtin), G_FILE_TEST_IS_REGULAR));
}

static void
test_image_of_another_pack_kept (void)
{
  g_autofree char *user_dir = lateral_pack_install_get_user_dir ();
  g_autofree char *image = g_build_filename (user_dir, "images", "kyiv.jpg", NULL);
  g_autofree char *folder_a = g_build_filename (g_get_user_cache_dir (), "a", NULL);
  g_autofree char *folder_b = g_build_filename (g_get_user_cache_dir (), "b", NULL);
  g_autofree char *first = write_variant (folder_a, "org.example.first", "\"version\": \"1.0.0\"", "first picture");
  g_autofree char *second = NULL;
  g_autofree char *second_target = g_build_filename (user_dir, "org.example.second.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(LateralPackRegistry) registry = registry_new ();
  g_autoptr(LateralPack) a = load (first);
  g_autoptr(LateralPack) b = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_true (lateral_pack_install (registry, a, NULL, &error));
  g_assert_no_error (error);

  second = write_variant (folder_b, "org.example.second", "\"version\": \"1.0.0\"", "second picture");
  b = load (second);
  g_assert_false (lateral_pack_install (registry, b, NULL, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS);
  g_assert_nonnull (strstr (error->message, "images/kyiv.jpg"));
  g_assert_false (g_file_test (second_target, G_FILE_TEST_EXISTS));
  g_file_get_contents (image, &contents, NULL, NULL);
  g_assert_cmpstr (contents, ==, GIF_HEAD "first picture");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/pack-install/install-upgrade-remove", test_install_upgrade_remove);
  g_test_add_func ("/pack-install/builtin-not-removed", test_builtin_not_removed);
  g_test_add_func ("/pack-install/image-of-another-pack-kept", test_image_of_another_pack_kept);

  return g_test_run ();
}
