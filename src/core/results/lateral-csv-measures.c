/* lateral-csv-measures.c: headline-test answers as a spreadsheet of their own
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `lateral-cli export --format measures-csv`: one row per answer to a
 * headline-test item, with its session's columns repeated, so a filter or a
 * pivot table needs no join. A file of its own rather than rows in the
 * answers CSV: the two have different columns. docs/results-format.md.
 */
#include "config.h"

#include "lateral-csv.h"
#include "lateral-bundle.h"
#include "store/lateral-store-measures.h"

static void
cell (GString    *row,
      const char *text)
{
  g_string_append_c (row, ',');
  if (text != NULL)
    lateral_csv_append_cell (row, text);
}

/**
 * lateral_csv_export_measures:
 * @profile_name: (nullable): only this learner's
 * @class_code: (nullable): only this class's
 *
 * Returns: (transfer full) (nullable): UTF-8, CRLF line ends
 */
char *
lateral_csv_export_measures (LateralStore  *store,
                             const char    *profile_name,
                             const char    *class_code,
                             guint         *out_n_rows,
                             GError       **error)
{
  g_autoptr(GPtrArray) sessions = NULL;
  GString *csv;
  guint n = 0;

  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);

  sessions = lateral_store_list_measure_sessions (store, NULL, profile_name, class_code, error);
  if (sessions == NULL)
    return NULL;

  csv = g_string_new ("session_uuid,profile_uuid,profile_name,class_code,pack_id,pack_version,instrument,"
                      "when,real_first,started_at,finished_at,item_id,position,answer,correct,time_ms\r\n");
  for (guint i = 0; i < sessions->len; i++)
    {
      const LateralMeasureSession *s = g_ptr_array_index (sessions, i);
      g_autofree char *started = lateral_format_time (s->started_at);
      g_autofree char *finished = lateral_format_time (s->finished_at);

      for (guint k = 0; k < s->answers->len; k++)
        {
          const LateralMeasureAnswer *a = g_ptr_array_index (s->answers, k);

          lateral_csv_append_cell (csv, s->uuid);
          cell (csv, s->profile_uuid);
          cell (csv, s->profile_name);
          cell (csv, s->class_code);
          cell (csv, s->pack_id);
          cell (csv, s->pack_version);
          cell (csv, s->instrument_id);
          cell (csv, lateral_measure_when_to_string (s->when));
          cell (csv, s->real_first ? "1" : "0");
          cell (csv, started);
          cell (csv, finished);
          cell (csv, a->item_id);
          g_string_append_printf (csv, ",%u", a->position);
          cell (csv, a->said_real ? "real" : "fake");
          g_string_append_printf (csv, ",%d,%u\r\n", a->correct ? 1 : 0, a->time_ms);
          n++;
        }
    }
  if (out_n_rows != NULL)
    *out_n_rows = n;
  return g_string_free (csv, FALSE);
}
