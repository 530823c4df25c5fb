/* lateral-image-limits.c: a pack picture's size and dimensions, read from
 * its header, against Lateral's limits
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Only the header is read: PNG's IHDR, JPEG's first start-of-frame marker,
 * GIF's logical screen, WebP's VP8/VP8L/VP8X chunk. The file size comes from
 * the file system, so a sparse 20 GB file is refused without reading it.
 * The app's decoder checks the decoded size again (a GIF frame may be larger
 * than its screen), so this is the first of two gates, not the only one.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-image-limits.h"

#define HEADER_BYTES (64 * 1024)

G_DEFINE_QUARK (lateral-image-error-quark, lateral_image_error)

static guint
be16 (const guint8 *p)
{
  return ((guint) p[0] << 8) | p[1];
}

static guint
le16 (const guint8 *p)
{
  return p[0] | ((guint) p[1] << 8);
}

static guint32
be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

static guint
le24 (const guint8 *p)
{
  return p[0] | ((guint) p[1] << 8) | ((guint) p[2] << 16);
}

static gboolean
read_png (const guint8 *d, gsize n, guint *w, guint *h)
{
  static const guint8 sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

  if (n < 24 || memcmp (d, sig, 8) != 0 || memcmp (d + 12, "IHDR", 4) != 0)
    return FALSE;
  *w = MIN (be32 (d + 16), G_MAXUINT);
  *h = MIN (be32 (d + 20), G_MAXUINT);
  return TRUE;
}

/* Walks the markers up to the first start-of-frame (SOF0..SOF15 but DHT,
 * JPG and DAC, which share the range). */
static gboolean
read_jpeg (const guint8 *d, gsize n, guint *w, guint *h)
{
  gsize i = 2;

  if (n < 4 || d[0] != 0xff || d[1] != 0xd8)
    return FALSE;
  while (i + 4 <= n)
    {
      guint marker;
      guint length;

      if (d[i] != 0xff)
        return FALSE;
      marker = d[i + 1];
      if (marker == 0xff)
        {
          i++;
          continue;
        }
      if (marker == 0xd8 || marker == 0x01 || (marker >= 0xd0 && marker <= 0xd7))
        {
          i += 2;
          continue;
        }
      length = be16 (d + i + 2);
      if (length < 2)
        return FALSE;
      if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc)
        {
          if (i + 9 > n)
            return FALSE;
          *h = be16 (d + i + 5);
          *w = be16 (d + i + 7);
          return TRUE;
        }
      if (marker == 0xd9 || marker == 0xda)
        return FALSE;
      i += 2 + length;
    }
  return FALSE;
}

static gboolean
read_gif (const guint8 *d, gsize n, guint *w, guint *h)
{
  if (n < 10 || (memcmp (d, "GIF87a", 6) != 0 && memcmp (d, "GIF89a", 6) != 0))
    return FALSE;
  *w = le16 (d + 6);
  *h = le16 (d + 8);
  return TRUE;
}

static gboolean
read_webp (const guint8 *d, gsize n, guint *w, guint *h)
{
  if (n < 30 || memcmp (d, "RIFF", 4) != 0 || memcmp (d + 8, "WEBP", 4) != 0)
    return FALSE;
  if (memcmp (d + 12, "VP8 ", 4) == 0)
    {
      if (d[23] != 0x9d || d[24] != 0x01 || d[25] != 0x2a)
        return FALSE;
      *w = le16 (d + 26) & 0x3fff;
      *h = le16 (d + 28) & 0x3fff;
      return TRUE;
    }
  if (memcmp (d + 12, "VP8L", 4) == 0)
    {
      guint32 bits;

      if (d[20] != 0x2f)
        return FALSE;
      bits = d[21] | ((guint32) d[22] << 8) | ((guint32) d[23] << 16) | ((guint32) d[24] << 24);
      *w = (bits & 0x3fff) + 1;
      *h = ((bits >> 14) & 0x3fff) + 1;
      return TRUE;
    }
  if (memcmp (d + 12, "VP8X", 4) == 0)
    {
      *w = le24 (d + 24) + 1;
      *h = le24 (d + 27) + 1;
      return TRUE;
    }
  return FALSE;
}

/**
 * lateral_image_check_size:
 *
 * Returns: %TRUE when a picture of @width × @height pixels is within the
 * limits; otherwise %LATERAL_IMAGE_ERROR_TOO_LARGE says which and by how much.
 */
gboolean
lateral_image_check_size (guint    width,
                          guint    height,
                          GError **error)
{
  if (width == 0 || height == 0)
    {
      g_set_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_FORMAT,
                   _("the picture says it is %u × %u pixels; a picture needs at least one pixel each way"),
                   width, height);
      return FALSE;
    }
  if (width > LATERAL_IMAGE_MAX_SIDE || height > LATERAL_IMAGE_MAX_SIDE
      || (guint64) width * height > LATERAL_IMAGE_MAX_PIXELS)
    {
      g_set_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_TOO_LARGE,
                   _("the picture is %u × %u pixels; at most %u pixels each way and %u million in all are shown"),
                   width, height, (guint) LATERAL_IMAGE_MAX_SIDE, (guint) (LATERAL_IMAGE_MAX_PIXELS / 1000000));
      return FALSE;
    }
  return TRUE;
}

/**
 * lateral_image_check_header:
 * @format: (out) (optional): "PNG", "JPEG", "GIF" or "WebP"
 *
 * Reads the dimensions from the first bytes of a picture file and checks
 * them with lateral_image_check_size().
 */
gboolean
lateral_image_check_header (const guint8 *data,
                            gsize         length,
                            const char  **format,
                            guint        *width,
                            guint        *height,
                            GError      **error)
{
  const char *name = NULL;
  guint w = 0;
  guint h = 0;

  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (read_png (data, length, &w, &h))
    name = "PNG";
  else if (read_jpeg (data, length, &w, &h))
    name = "JPEG";
  else if (read_gif (data, length, &w, &h))
    name = "GIF";
  else if (read_webp (data, length, &w, &h))
    name = "WebP";
  else
    {
      g_set_error_literal (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_FORMAT,
                           _("the file is not a PNG, JPEG, GIF or WebP picture, or its header is broken"));
      return FALSE;
    }

  if (format != NULL)
    *format = name;
  if (width != NULL)
    *width = w;
  if (height != NULL)
    *height = h;
  return lateral_image_check_size (w, h, error);
}

/**
 * lateral_image_check_file:
 *
 * Checks the file's size (from the file system, without reading it) and
 * then its header. It may block on the disk: call it off the main loop.
 */
gboolean
lateral_image_check_file (const char   *path,
                          GCancellable *cancellable,
                          guint        *width,
                          guint        *height,
                          GError      **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GFileInfo) info = NULL;
  g_autofree guint8 *head = NULL;
  gsize got = 0;
  goffset size;

  g_return_val_if_fail (path != NULL, FALSE);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, cancellable, error);
  if (stream == NULL)
    return FALSE;
  info = g_file_input_stream_query_info (stream, G_FILE_ATTRIBUTE_STANDARD_SIZE, cancellable, error);
  if (info == NULL)
    return FALSE;
  size = g_file_info_get_size (info);
  if (size > LATERAL_IMAGE_MAX_FILE_SIZE)
    {
      g_autofree char *have = g_format_size (size);
      g_autofree char *most = g_format_size (LATERAL_IMAGE_MAX_FILE_SIZE);

      g_set_error (error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_TOO_LARGE,
                   _("the picture file is %s; at most %s is shown"), have, most);
      return FALSE;
    }

  head = g_malloc (HEADER_BYTES);
  if (!g_input_stream_read_all (G_INPUT_STREAM (stream), head, HEADER_BYTES, &got, cancellable, error))
    return FALSE;
  return lateral_image_check_header (head, got, NULL, width, height, error);
}
