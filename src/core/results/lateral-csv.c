/* lateral-csv.c: answers as a spreadsheet
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lateral-bundle.h"
#include "lateral-csv.h"
#include "store/lateral-store.h"
#include "store/lateral-store-transaction.h"

/* The first eleven are the documented, stable columns; more may be added
 * after them, never between. */
static const char * const columns[] = {
  "profile", "class_code", "pack_id", "pack_version", "attempt_id", "claim_id",
  "verdict", "certainty", "correct", "mark", "answered_at",
  "profile_id", "pack_hash", "device_id", "started_at", "finished_at",
  "time_ms", "moves", "moves_expected", "moves_unexpected", "pack_missing",
};

/**
 * lateral_csv_append_cell:
 *
 * Appends one text cell, quoted as RFC 4180 asks. Text that a spreadsheet
 * would run as a formula (starting with =, +, -, @, a tab or a carriage
 * return) gets a leading apostrophe, so a learner's name such as
 * "=HYPERLINK(…)" stays text. Numbers Lateral writes itself go in bare.
 */
void
lateral_csv_append_cell (GString    *row,
                         const char *text)
{
  gboolean quote;

  g_return_if_fail (row != NULL);

  if (text == NULL)
    return;

  quote = strpbrk (text, ",\"\r\n") != NULL;
  if (quote)
    g_string_append_c (row, '"');
  if (strchr ("=+-@\t\r", text[0]) != NULL && text[0] != '\0')
    g_string_append_c (row, '\'');
  for (const char *p = text; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (row, '"');
      g_string_append_c (row, *p);
    }
  if (quote)
    g_string_append_c (row, '"');
}

static void
append_number (GString *row,
               gint64   value)
{
  g_string_append_printf (row, "%" G_GINT64_FORMAT, value);
}

static void
append_time (GString *row,
             gint64   unix_seconds)
{
  g_autofree char *text = NULL;

  if (unix_seconds == 0)
    return;
  text = lateral_format_time (unix_seconds);
  g_string_append (row, text);
}

static void
append_row (GString              *csv,
            const LateralAttempt *attempt,
            const LateralAnswer  *answer)
{
  g_autofree char *moves = g_strjoinv (" ", answer->moves);

  lateral_csv_append_cell (csv, attempt->profile_name);
  g_string_append_c (csv, ',');
  lateral_csv_append_cell (csv, attempt->class_code);
  g_string_append_c (csv, ',');
  lateral_csv_append_cell (csv, attempt->pack_id);
  g_string_append_c (csv, ',');
  lateral_csv_append_cell (csv, attempt->pack_version);
  g_string_append_c (csv, ',');
  lateral_csv_append_cell (csv, attempt->uuid);
  g_string_append_c (csv, ',');
  lateral_csv_append_cell (csv, answer->claim_id);
  g_string_append_c (csv, ',');
  g_string_append (csv, lateral_verdict_to_string (answer->verdict));
  g_string_append_c (csv, ',');
  append_number (csv, answer->certainty);
  g_string_append_c (csv, ',');
  append_number (csv, answer->correct ? 1 : 0);
  g_string_append_c (csv, ',');
  append_number (csv, answer->mark);
  g_string_append_c (csv, ',');
  append_time (csv, answer->answered_at);
  g_string_append_c (csv, ',');
  lateral_csv_append_cell (csv, attempt->profile_uuid);
  g_string_append_c (csv, ',');
  lateral_csv_append_cell (csv, attempt->pack_hash);
  g_string_append_c (csv, ',');
  lateral_csv_append_cell (csv, attempt->device_id);
  g_string_append_c (csv, ',');
  append_time (csv, attempt->started_at);
  g_string_append_c (csv, ',');
  append_time (csv, attempt->finished_at);
  g_string_append_c (csv, ',');
  append_number (csv, answer->time_ms);
  g_string_append_c (csv, ',');
  lateral_csv_append_cell (csv, moves);
  g_string_append_c (csv, ',');
  append_number (csv, answer->moves_expected);
  g_string_append_c (csv, ',');
  append_number (csv, answer->moves_unexpected);
  g_string_append_c (csv, ',');
  append_number (csv, attempt->pack_missing ? 1 : 0);
  g_string_append (csv, "\r\n");
}

/**
 * lateral_csv_export:
 * @profile_name: (nullable): only this learner's answers
 * @class_code: (nullable): only answers in attempts with this class code
 *
 * Returns: (transfer full): the CSV text, UTF-8, CRLF line ends, a header row
 */
char *
lateral_csv_export (LateralStore  *store,
                    const char    *profile_name,
                    const char    *class_code,
                    guint         *out_n_rows,
                    GError       **error)
{
  g_autoptr(GString) csv = g_string_new (NULL);
  g_autoptr(GPtrArray) attempts = NULL;
  g_autoptr(LateralStoreTransaction) tx = NULL;
  guint n_rows = 0;

  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    g_string_append_printf (csv, "%s%s", i > 0 ? "," : "", columns[i]);
  g_string_append (csv, "\r\n");

  /* One read transaction: a consistent snapshot while the app keeps writing. */
  tx = lateral_store_transaction_begin (store, LATERAL_STORE_READ, error);
  if (tx == NULL)
    return NULL;

  attempts = lateral_store_select_attempts (store, profile_name, class_code, error);
  if (attempts == NULL)
    return NULL;

  for (guint i = 0; i < attempts->len; i++)
    {
      LateralAttempt *attempt = attempts->pdata[i];
      g_autoptr(GPtrArray) answers = lateral_store_list_answers (store, attempt->uuid, error);

      if (answers == NULL)
        return NULL;
      for (guint j = 0; j < answers->len; j++, n_rows++)
        append_row (csv, attempt, answers->pdata[j]);
    }

  if (!lateral_store_transaction_commit (tx, error))
    return NULL;
  if (out_n_rows != NULL)
    *out_n_rows = n_rows;

  return g_string_free (g_steal_pointer (&csv), FALSE);
}
