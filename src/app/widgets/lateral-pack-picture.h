/* lateral-pack-picture.h: LateralPackPicture, a pack's picture decoded off
 * the main loop within Lateral's image limits
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_PACK_PICTURE (lateral_pack_picture_get_type ())

G_DECLARE_FINAL_TYPE (LateralPackPicture, lateral_pack_picture, LATERAL, PACK_PICTURE, AdwBin)

GtkWidget    *lateral_pack_picture_new               (const LateralImage *image,
                                                      int                 height);
gboolean      lateral_pack_picture_is_done           (LateralPackPicture *self);
GdkPaintable *lateral_pack_picture_get_paintable     (LateralPackPicture *self);
const char   *lateral_pack_picture_get_error_message (LateralPackPicture *self);

G_END_DECLS
