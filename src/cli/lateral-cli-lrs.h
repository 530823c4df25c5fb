/* lateral-cli-lrs.h: the xAPI parts other commands call (lateral-cli-lrs.c)
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <json-glib/json-glib.h>

#include "play/lateral-play.h"
#include "store/lateral-store.h"
#include "measure/lateral-measure-session.h"
#include "xapi/lateral-xapi-fetch.h"

G_BEGIN_DECLS

int           lateral_cli_lrs              (int                            argc,
                                            char                         **argv);
void          lateral_cli_lrs_attach       (LateralPlay                   *play);
gboolean      lateral_cli_lrs_store_measure (LateralStore                 *store,
                                            LateralMeasureSession         *session,
                                            GError                       **error);
char         *lateral_cli_lrs_export       (LateralStore                  *store,
                                            const char                    *homepage,
                                            const char                    *profile_name,
                                            const char                    *class_code,
                                            guint                         *out_n_statements,
                                            GError                       **error);
LateralStore *lateral_cli_lrs_fetch_store  (const char                    *class_code,
                                            const char                    *pack_id,
                                            LateralXapiFetchResult        *out_result,
                                            char                         **out_scratch_dir);
char         *lateral_cli_lrs_sources_text (const LateralXapiFetchResult  *result);
JsonNode     *lateral_cli_lrs_sources_json (const LateralXapiFetchResult  *result);
void          lateral_cli_lrs_remove_scratch (const char                  *dir);

G_END_DECLS
