/* lateral-pack-install.h: the packs a user adds and removes
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file side of the app's "Manage Cases" page: a pack is validated by
 * loading it (lateral_pack_load_file()) before anything here is called;
 * these functions copy it into the user's pack folder, and remove it.
 */
#pragma once

#include "lateral-pack-registry.h"

G_BEGIN_DECLS

typedef enum {
  LATERAL_PACK_INSTALL_NEW,        /* no pack with this id is available */
  LATERAL_PACK_INSTALL_UPGRADE,    /* an older version is available */
  LATERAL_PACK_INSTALL_SAME,       /* this version is available */
  LATERAL_PACK_INSTALL_DOWNGRADE,  /* a newer version is available */
} LateralPackInstallKind;

char                   *lateral_pack_install_get_user_dir (void);
LateralPackInstallKind  lateral_pack_install_check        (LateralPackRegistry  *registry,
                                                           LateralPack          *pack,
                                                           LateralPack         **out_installed);
gboolean                lateral_pack_install              (LateralPackRegistry  *registry,
                                                           LateralPack          *pack,
                                                           char                **out_filename,
                                                           GError              **error);
gboolean                lateral_pack_uninstall            (LateralPack          *pack,
                                                           GError              **error);
LateralPack            *lateral_pack_install_file         (LateralPackRegistry  *registry,
                                                           const char           *filename,
                                                           gboolean              allow_downgrade,
                                                           LateralPackInstallKind *out_kind,
                                                           GPtrArray           **diagnostics,
                                                           GCancellable         *cancellable,
                                                           GError              **error);
LateralPack            *lateral_pack_install_open         (const char           *filename,
                                                           GCancellable         *cancellable,
                                                           GPtrArray           **diagnostics,
                                                           GError              **error);
gboolean                lateral_pack_install_is_archive   (const char           *filename);

G_END_DECLS
