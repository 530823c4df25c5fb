/* lateral-pack-archive.h: one file per case (.lateral), to mail a colleague
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A .lateral archive is a zip holding a pack's JSON file (and any other
 * language files of the same pack) at its root, plus the images they name
 * under the same relative paths. It comes from anyone, so reading it has
 * limits (docs/pack-format.md, "Sharing a case") and never writes outside a
 * fresh temporary folder.
 */
#pragma once

#include "lateral-pack-registry.h"

G_BEGIN_DECLS

#define LATERAL_PACK_ARCHIVE_SUFFIX ".lateral"

/* Limits on what an archive may unpack to. */
#define LATERAL_PACK_ARCHIVE_MAX_ENTRIES   1000
#define LATERAL_PACK_ARCHIVE_MAX_TOTAL     (64 * 1024 * 1024)  /* bytes, unpacked */
#define LATERAL_PACK_ARCHIVE_MAX_ENTRY     (16 * 1024 * 1024)  /* bytes, one file */
#define LATERAL_PACK_ARCHIVE_MAX_RATIO     100                 /* unpacked : packed */
#define LATERAL_PACK_ARCHIVE_MAX_PATH      255                 /* bytes of one entry name */

gboolean   lateral_pack_archive_write    (LateralPack   *pack,
                                          const char    *filename,
                                          GCancellable  *cancellable,
                                          GError       **error);
char      *lateral_pack_archive_extract  (const char    *filename,
                                          GCancellable  *cancellable,
                                          GError       **error);
GPtrArray *lateral_pack_archive_list_packs (const char  *folder,
                                            GError     **error);
void       lateral_pack_archive_remove_folder (const char *folder);

G_END_DECLS
