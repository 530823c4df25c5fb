/* lateral-test-images.c: PNG files written byte by byte for the image-limit
 * tests, so that no test depends on a picture checked into the tree
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The PNGs are real: chunk CRCs and zlib data are correct, so a decoder that
 * skipped Lateral's limits would really try to allocate the bomb's pixels.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <fcntl.h>
#include <unistd.h>

#include "lateral-test-images.h"

static guint32
crc32_of (const guint8 *data, gsize n, guint32 crc)
{
  crc = ~crc;
  for (gsize i = 0; i < n; i++)
    {
      crc ^= data[i];
      for (int k = 0; k < 8; k++)
        crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
  return ~crc;
}

static void
put32 (GByteArray *out, guint32 v)
{
  guint8 b[4] = { v >> 24, v >> 16, v >> 8, v };
  g_byte_array_append (out, b, 4);
}

static void
chunk (GByteArray *out, const char *type, const guint8 *data, gsize n)
{
  guint start;

  put32 (out, n);
  start = out->len;
  g_byte_array_append (out, (const guint8 *) type, 4);
  if (n > 0)
    g_byte_array_append (out, data, n);
  put32 (out, crc32_of (out->data + start, out->len - start, 0));
}

static GBytes *
deflate (const guint8 *data, gsize n)
{
  g_autoptr(GZlibCompressor) z = g_zlib_compressor_new (G_ZLIB_COMPRESSOR_FORMAT_ZLIB, 9);
  g_autoptr(GInputStream) in = g_memory_input_stream_new_from_data (data, n, NULL);
  g_autoptr(GInputStream) zin = g_converter_input_stream_new (in, G_CONVERTER (z));
  g_autoptr(GOutputStream) out = g_memory_output_stream_new_resizable ();

  g_assert_cmpint (g_output_stream_splice (out, zin, G_OUTPUT_STREAM_SPLICE_CLOSE_TARGET, NULL, NULL), >=, 0);
  return g_memory_output_stream_steal_as_bytes (G_MEMORY_OUTPUT_STREAM (out));
}

/* An 8-bit grey PNG whose IDAT holds @n_data bytes of filtered rows. */
static GByteArray *
png (guint32 width, guint32 height, const guint8 *rows, gsize n_rows)
{
  static const guint8 sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };
  GByteArray *out = g_byte_array_new ();
  guint8 ihdr[13] = { width >> 24, width >> 16, width >> 8, width,
                      height >> 24, height >> 16, height >> 8, height,
                      8, 0, 0, 0, 0 };
  g_autoptr(GBytes) idat = deflate (rows, n_rows);
  gsize n;
  const guint8 *d = g_bytes_get_data (idat, &n);

  g_byte_array_append (out, sig, 8);
  chunk (out, "IHDR", ihdr, sizeof ihdr);
  chunk (out, "IDAT", d, n);
  chunk (out, "IEND", NULL, 0);
  return out;
}

static void
save (const char *path, GByteArray *data)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, (const char *) data->data, data->len, &error);
  g_assert_no_error (error);
  g_byte_array_unref (data);
}

/* A real picture: a grey ramp. */
void
lateral_test_write_png (const char *path,
                        guint32     width,
                        guint32     height)
{
  gsize stride = (gsize) width + 1;
  g_autofree guint8 *rows = g_malloc0 (stride * height);

  for (guint32 y = 0; y < height; y++)
    for (guint32 x = 0; x < width; x++)
      rows[y * stride + 1 + x] = (guint8) (x * 255 / MAX (width, 1));
  save (path, png (width, height, rows, stride * height));
}

/* Claims @width × @height and carries 1 MiB of zero rows, compressed to
 * about 1 KiB: a decoder that trusts the header allocates for all of it. */
void
lateral_test_write_png_bomb (const char *path,
                             guint32     width,
                             guint32     height)
{
  gsize n = 1024 * 1024;
  g_autofree guint8 *rows = g_malloc0 (n);

  save (path, png (width, height, rows, n));
}

/* A small PNG's header, then holes up to @size bytes: the file system says
 * @size without the disk holding it. */
void
lateral_test_write_sparse_png (const char *path,
                               goffset     size)
{
  int fd;

  lateral_test_write_png (path, 16, 16);
  fd = g_open (path, O_WRONLY, 0);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, size), ==, 0);
  close (fd);
}
