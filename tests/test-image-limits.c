/* test-image-limits.c: pack pictures over the limits are refused from their
 * header, and the pack loader names them
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bomb is a real PNG of about 1 KiB that claims 100,000 × 100,000
 * pixels; the sparse file is 20 GB on the file system's word and a few
 * bytes on the disk. Both must be refused at once, without decoding.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "pack/lateral-image-limits.h"
#include "pack/lateral-pack.h"
#include "lateral-test-images.h"

static char *
temp_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("lateral-image-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

static void
remove_tree (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        remove_tree (path);
      else
        g_unlink (path);
    }
  g_rmdir (dir);
}

static void
test_real_pictures (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *png = g_build_filename (dir, "ramp.png", NULL);
  g_autofree char *jpeg = g_test_build_filename (G_TEST_DIST, "packs", "valid", "images", "kyiv.jpg", NULL);
  g_autoptr(GError) error = NULL;
  guint w = 0, h = 0;

  lateral_test_write_png (png, 300, 200);
  g_assert_true (lateral_image_check_file (png, NULL, &w, &h, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (w, ==, 300);
  g_assert_cmpuint (h, ==, 200);

  g_assert_true (lateral_image_check_file (jpeg, NULL, &w, &h, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (w, ==, 8);
  g_assert_cmpuint (h, ==, 8);
  remove_tree (dir);
}

static void
test_headers (void)
{
  /* GIF: logical screen 640 × 480, little-endian. */
  static const guint8 gif[] = { 'G', 'I', 'F', '8', '9', 'a', 0x80, 0x02, 0xe0, 0x01, 0, 0, 0 };
  /* WebP VP8X: canvas 1 + 0x0fff wide, 1 + 0x07ff high. */
  guint8 webp[30] = { 'R', 'I', 'F', 'F', 0, 0, 0, 0, 'W', 'E', 'B', 'P', 'V', 'P', '8', 'X',
                      10, 0, 0, 0, 0, 0, 0, 0, 0xff, 0x0f, 0, 0xff, 0x07, 0 };
  /* JPEG: SOI, an APP0 of 4 bytes, then SOF2 (progressive) 9000 × 10. */
  static const guint8 jpeg[] = { 0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0, 0xff, 0xc2, 0, 11, 8,
                                 0, 10, 0x23, 0x28, 1, 1, 0x11, 0 };
  const char *format = NULL;
  guint w = 0, h = 0;
  GError *error = NULL;

  g_assert_true (lateral_image_check_header (gif, sizeof gif, &format, &w, &h, &error));
  g_assert_cmpstr (format, ==, "GIF");
  g_assert_cmpuint (w, ==, 640);
  g_assert_cmpuint (h, ==, 480);

  g_assert_true (lateral_image_check_header (webp, sizeof webp, &format, &w, &h, &error));
  g_assert_cmpstr (format, ==, "WebP");
  g_assert_cmpuint (w, ==, 4096);
  g_assert_cmpuint (h, ==, 2048);

  /* 9000 wide: over the side limit though only 90,000 pixels. */
  g_assert_false (lateral_image_check_header (jpeg, sizeof jpeg, &format, &w, &h, &error));
  g_assert_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_TOO_LARGE);
  g_assert_cmpstr (format, ==, "JPEG");
  g_assert_cmpuint (w, ==, 9000);
  g_assert_cmpuint (h, ==, 10);
  g_clear_error (&error);

  /* Cut before the frame header: broken, not guessed. */
  g_assert_false (lateral_image_check_header (jpeg, 12, NULL, NULL, NULL, &error));
  g_assert_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_FORMAT);
  g_clear_error (&error);

  g_assert_false (lateral_image_check_header ((const guint8 *) "<svg/>", 6, NULL, NULL, NULL, &error));
  g_assert_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_FORMAT);
  g_clear_error (&error);

  /* 8192 × 8192 keeps each side but not the pixel count. */
  g_assert_true (lateral_image_check_size (8192, 2000, NULL));
  g_assert_false (lateral_image_check_size (8192, 8192, &error));
  g_assert_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "8192 × 8192"));
  g_clear_error (&error);
  g_assert_false (lateral_image_check_size (0, 10, &error));
  g_assert_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_FORMAT);
  g_clear_error (&error);
}

static void
test_bomb_and_sparse (void)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *bomb = g_build_filename (dir, "bomb.png", NULL);
  g_autofree char *sparse = g_build_filename (dir, "sparse.png", NULL);
  g_autoptr(GError) error = NULL;
  GStatBuf st;
  gint64 start;

  lateral_test_write_png_bomb (bomb, 100000, 100000);
  g_assert_cmpint (g_stat (bomb, &st), ==, 0);
  g_test_message ("bomb: %" G_GINT64_FORMAT " bytes on disk", (gint64) st.st_size);
  g_assert_cmpint (st.st_size, <, 16 * 1024);

  start = g_get_monotonic_time ();
  g_assert_false (lateral_image_check_file (bomb, NULL, NULL, NULL, &error));
  g_assert_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "100000 × 100000"));
  g_clear_error (&error);

  lateral_test_write_sparse_png (sparse, G_GINT64_CONSTANT (20) * 1000 * 1000 * 1000);
  g_assert_false (lateral_image_check_file (sparse, NULL, NULL, NULL, &error));
  g_assert_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_TOO_LARGE);
  g_assert_nonnull (strstr (error->message, "20.0\xc2\xa0" "GB"));
  g_clear_error (&error);
  /* Header reads only: both together well under a second even under the
   * sanitizers. */
  g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);

  g_assert_false (lateral_image_check_file (dir, NULL, NULL, NULL, &error));
  g_assert_nonnull (error);
  remove_tree (dir);
}

/* The sample pack with its picture swapped: the loader refuses the pack and
 * says which file and why, at the place of image.path. */
static void
assert_pack_names_image (void (*write) (const char *path),
                         const char *expected)
{
  g_autofree char *dir = temp_dir ();
  g_autofree char *images = g_build_filename (dir, "images", NULL);
  g_autofree char *image = g_build_filename (images, "kyiv.jpg", NULL);
  g_autofree char *source = g_test_build_filename (G_TEST_DIST, "packs", "valid", "sample-case.json", NULL);
  g_autofree char *pack_path = g_build_filename (dir, "sample-case.json", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = NULL;
  gboolean found = FALSE;

  g_assert_true (g_file_get_contents (source, &text, NULL, NULL));
  g_assert_true (g_file_set_contents (pack_path, text, -1, NULL));
  g_assert_cmpint (g_mkdir (images, 0700), ==, 0);
  write (image);

  pack = lateral_pack_load_file (pack_path, &diagnostics, &error);
  g_assert_null (pack);
  g_assert_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_test_message ("%s", line);
      if (strstr (line, "error: steps[0].image.path") != NULL
          && strstr (line, "image file “images/kyiv.jpg” cannot be shown") != NULL
          && strstr (line, expected) != NULL)
        found = TRUE;
    }
  g_assert_true (found);
  remove_tree (dir);
}

static void
write_bomb (const char *path)
{
  lateral_test_write_png_bomb (path, 100000, 100000);
}

static void
write_sparse (const char *path)
{
  lateral_test_write_sparse_png (path, G_GINT64_CONSTANT (20) * 1000 * 1000 * 1000);
}

static void
test_pack_refuses (void)
{
  assert_pack_names_image (write_bomb, "100000 × 100000 pixels");
  assert_pack_names_image (write_sparse, "20.0\xc2\xa0" "GB");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/image-limits/real-pictures", test_real_pictures);
  g_test_add_func ("/image-limits/headers", test_headers);
  g_test_add_func ("/image-limits/bomb-and-sparse", test_bomb_and_sparse);
  g_test_add_func ("/image-limits/pack-refuses", test_pack_refuses);
  return g_test_run ();
}
