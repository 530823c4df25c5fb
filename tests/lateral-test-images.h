/* lateral-test-images.h: pictures made by the tests: a small real PNG, a
 * PNG bomb (a tiny file that claims huge dimensions) and a huge sparse file
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

void lateral_test_write_png        (const char *path,
                                    guint32     width,
                                    guint32     height);
void lateral_test_write_png_bomb   (const char *path,
                                    guint32     width,
                                    guint32     height);
void lateral_test_write_sparse_png (const char *path,
                                    goffset     size);

G_END_DECLS
