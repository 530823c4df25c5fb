/* lateral-output-file.h: writing an output file, whole or not at all
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

gboolean lateral_output_file_check (const char  *filename,
                                    GError     **error);
gboolean lateral_output_file_write (const char  *filename,
                                    const char  *contents,
                                    gssize       length,
                                    GError     **error);

G_END_DECLS
