/* lateral-image-limits.h: the limits a pack's picture must keep (file size,
 * width, height, pixel count), checked from the file's header alone
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack comes from anyone. A 20 GB file or a tiny PNG that claims to be
 * 100,000 pixels square would freeze or exhaust the app if it were decoded,
 * so the pack loader (and so `lateral-cli validate`) and the app's picture
 * loader both ask this unit first. It reads at most the first 64 KiB and
 * never decodes pixels.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LATERAL_IMAGE_MAX_FILE_SIZE (16 * 1000 * 1000)    /* bytes: 16 MB */
#define LATERAL_IMAGE_MAX_SIDE      8192                  /* pixels */
#define LATERAL_IMAGE_MAX_PIXELS    (24 * 1000 * 1000)    /* width × height */

#define LATERAL_IMAGE_ERROR (lateral_image_error_quark ())

typedef enum {
  LATERAL_IMAGE_ERROR_READ,        /* the file could not be read */
  LATERAL_IMAGE_ERROR_FORMAT,      /* not PNG, JPEG, GIF or WebP, or a broken header */
  LATERAL_IMAGE_ERROR_TOO_LARGE,   /* over a limit */
} LateralImageError;

GQuark      lateral_image_error_quark   (void);

gboolean    lateral_image_check_header  (const guint8 *data,
                                         gsize         length,
                                         const char  **format,
                                         guint        *width,
                                         guint        *height,
                                         GError      **error);
gboolean    lateral_image_check_size    (guint         width,
                                         guint         height,
                                         GError      **error);
gboolean    lateral_image_check_file    (const char   *path,
                                         GCancellable *cancellable,
                                         guint        *width,
                                         guint        *height,
                                         GError      **error);

G_END_DECLS
