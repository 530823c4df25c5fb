/* lateral-csv.h: answers as a spreadsheet
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * RFC 4180 CSV, one row per answer; the columns are documented in
 * docs/results-format.md.
 */
#pragma once

#include "store/lateral-store.h"

G_BEGIN_DECLS

char *lateral_csv_export      (LateralStore  *store,
                               const char    *profile_name,
                               const char    *class_code,
                               guint         *out_n_rows,
                               GError       **error);
char *lateral_csv_export_measures (LateralStore  *store,
                                   const char    *profile_name,
                                   const char    *class_code,
                                   guint         *out_n_rows,
                                   GError       **error);
void  lateral_csv_append_cell (GString       *row,
                               const char    *text);

G_END_DECLS
