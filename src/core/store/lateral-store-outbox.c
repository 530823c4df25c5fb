/* lateral-store-outbox.c: the xapi_outbox table (migration 2 -> 3)
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Kept in store/ because it is SQL on the learner's database; what goes in
 * a statement and how it is sent live in src/core/xapi/.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-store-outbox.h"
#include "lateral-store-private.h"

/* Reasons come from a server: kept short, so a hostile LRS cannot grow the
 * learner's database without bound. */
#define MAX_REASON_LENGTH 2000

static const char * const state_names[] = { "waiting", "sent", "set-aside" };

static LateralOutboxState
state_from_string (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (g_strcmp0 (text, state_names[i]) == 0)
      return (LateralOutboxState) i;
  return LATERAL_OUTBOX_WAITING;
}

static gint64
now_seconds (void)
{
  return g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * lateral_store_outbox_add:
 *
 * Queues @statement unless its id is already in the outbox (waiting, sent
 * or set aside): a statement id is sent at most once from here. Call it
 * inside the transaction that stores what the statement tells.
 */
gboolean
lateral_store_outbox_add (LateralStore  *self,
                          const char    *statement_id,
                          const char    *attempt_uuid,
                          const char    *kind,
                          const char    *statement,
                          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (statement_id != NULL && attempt_uuid != NULL, FALSE);
  g_return_val_if_fail (kind != NULL && statement != NULL, FALSE);

  stmt = lateral_store_prepare (self,
                                "INSERT INTO xapi_outbox (statement_id, attempt_uuid, kind, statement, queued_at)"
                                " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT (statement_id) DO NOTHING",
                                error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, statement_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, attempt_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, kind, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, statement, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 5, now_seconds ());

  return lateral_store_step_done (self, stmt, error);
}

static LateralOutboxItem *
item_from_row (sqlite3_stmt *stmt)
{
  LateralOutboxItem *item = g_new0 (LateralOutboxItem, 1);

  item->statement_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  item->attempt_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  item->kind = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  item->statement = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  item->queued_at = sqlite3_column_int64 (stmt, 4);
  item->state = state_from_string ((const char *) sqlite3_column_text (stmt, 5));
  item->done_at = sqlite3_column_int64 (stmt, 6);
  item->http_status = sqlite3_column_int (stmt, 7);
  item->reason = g_strdup ((const char *) sqlite3_column_text (stmt, 8));

  return item;
}

/**
 * lateral_store_outbox_list:
 * @max: at most this many rows; 0 for all
 *
 * Returns: (transfer full) (element-type LateralOutboxItem): the rows in
 *   @state, oldest first (the order they were queued in)
 */
GPtrArray *
lateral_store_outbox_list (LateralStore        *self,
                           LateralOutboxState   state,
                           guint                max,
                           GError             **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_outbox_item_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);
  g_return_val_if_fail ((guint) state < G_N_ELEMENTS (state_names), NULL);

  stmt = lateral_store_prepare (self,
                                "SELECT statement_id, attempt_uuid, kind, statement, queued_at, state, done_at,"
                                " http_status, reason FROM xapi_outbox WHERE state = ?1 ORDER BY rowid LIMIT ?2",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, state_names[state], -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, max > 0 ? (gint64) max : -1);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (items, item_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);
      return NULL;
    }

  return g_steal_pointer (&items);
}

/**
 * lateral_store_outbox_mark_sent:
 * @items: (element-type LateralOutboxItem): statements the LRS accepted
 *
 * All or none: a crash before the commit leaves them waiting, and the next
 * send repeats them under the same ids, which the LRS keeps once.
 */
gboolean
lateral_store_outbox_mark_sent (LateralStore  *self,
                                GPtrArray     *items,
                                GError       **error)
{
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 now = now_seconds ();

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (items != NULL, FALSE);

  tx = lateral_store_transaction_begin (self, LATERAL_STORE_WRITE, error);
  if (tx == NULL)
    return FALSE;
  stmt = lateral_store_prepare (self,
                                "UPDATE xapi_outbox SET state = 'sent', done_at = ?2, http_status = NULL, reason = NULL"
                                " WHERE statement_id = ?1 AND state = 'waiting'", error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; i < items->len; i++)
    {
      const LateralOutboxItem *item = items->pdata[i];

      sqlite3_reset (stmt);
      sqlite3_bind_text (stmt, 1, item->statement_id, -1, SQLITE_TRANSIENT);
      sqlite3_bind_int64 (stmt, 2, now);
      if (!lateral_store_step_done (self, stmt, error))
        return FALSE;
    }

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = lateral_store_prepare (self,
                                "INSERT INTO meta (key, value) VALUES ('xapi_last_sent_at', ?1)"
                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, now);
  if (!lateral_store_step_done (self, stmt, error))
    return FALSE;

  return lateral_store_transaction_commit (tx, error);
}

static char *
clip (const char *text)
{
  if (text == NULL)
    return NULL;
  if (strlen (text) <= MAX_REASON_LENGTH)
    return g_utf8_make_valid (text, -1);
  else
    {
      g_autofree char *valid = g_utf8_make_valid (text, MAX_REASON_LENGTH);

      return g_strconcat (valid, "…", NULL);
    }
}

/**
 * lateral_store_outbox_set_aside:
 * @reason: (nullable): the LRS's explanation, as it sent it
 *
 * Takes a statement out of the queue for good: the LRS refused it alone
 * (400 or 409), so sending it again would be refused again.
 */
gboolean
lateral_store_outbox_set_aside (LateralStore  *self,
                                const char    *statement_id,
                                int            http_status,
                                const char    *reason,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *clipped = clip (reason);

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (statement_id != NULL, FALSE);

  stmt = lateral_store_prepare (self,
                                "UPDATE xapi_outbox SET state = 'set-aside', done_at = ?2, http_status = ?3, reason = ?4"
                                " WHERE statement_id = ?1 AND state = 'waiting'", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, statement_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, now_seconds ());
  sqlite3_bind_int (stmt, 3, http_status);
  sqlite3_bind_text (stmt, 4, clipped, -1, SQLITE_STATIC);

  return lateral_store_step_done (self, stmt, error);
}

static gboolean
set_meta (LateralStore  *self,
          const char    *key,
          const char    *value,
          GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lateral_store_prepare (self,
                                "INSERT INTO meta (key, value) VALUES (?1, ?2)"
                                " ON CONFLICT (key) DO UPDATE SET value = excluded.value", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, value, -1, SQLITE_STATIC);

  return lateral_store_step_done (self, stmt, error);
}

/* The last failure, for `lateral-cli lrs status` and the app. */
gboolean
lateral_store_outbox_note_error (LateralStore  *self,
                                 const char    *message,
                                 GError       **error)
{
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autofree char *clipped = clip (message);
  g_autofree char *now = g_strdup_printf ("%" G_GINT64_FORMAT, now_seconds ());

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (message != NULL, FALSE);

  tx = lateral_store_transaction_begin (self, LATERAL_STORE_WRITE, error);
  return tx != NULL &&
         set_meta (self, "xapi_last_error", clipped, error) &&
         set_meta (self, "xapi_last_error_at", now, error) &&
         lateral_store_transaction_commit (tx, error);
}

static gint64
read_meta_int64 (LateralStore *self,
                 const char   *key)
{
  g_autoptr(sqlite3_stmt) stmt = lateral_store_prepare (self, "SELECT value FROM meta WHERE key = ?1", NULL);

  if (stmt == NULL)
    return 0;
  sqlite3_bind_text (stmt, 1, key, -1, SQLITE_STATIC);
  if (sqlite3_step (stmt) != SQLITE_ROW)
    return 0;
  return g_ascii_strtoll ((const char *) sqlite3_column_text (stmt, 0), NULL, 10);
}

gboolean
lateral_store_outbox_get_status (LateralStore         *self,
                                 LateralOutboxStatus  *out_status,
                                 GError              **error)
{
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (out_status != NULL, FALSE);

  memset (out_status, 0, sizeof *out_status);

  tx = lateral_store_transaction_begin (self, LATERAL_STORE_READ, error);
  if (tx == NULL)
    return FALSE;

  stmt = lateral_store_prepare (self, "SELECT state, count(*) FROM xapi_outbox GROUP BY state", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      guint n = (guint) sqlite3_column_int64 (stmt, 1);

      switch (state_from_string ((const char *) sqlite3_column_text (stmt, 0)))
        {
        case LATERAL_OUTBOX_WAITING: out_status->n_waiting = n; break;
        case LATERAL_OUTBOX_SENT: out_status->n_sent = n; break;
        case LATERAL_OUTBOX_SET_ASIDE: out_status->n_set_aside = n; break;
        default: g_assert_not_reached ();
        }
    }
  if (rc != SQLITE_DONE)
    return lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);

  g_clear_pointer (&stmt, sqlite3_finalize);
  stmt = lateral_store_prepare (self, "SELECT value FROM meta WHERE key = 'xapi_last_error'", error);
  if (stmt == NULL)
    return FALSE;
  if (sqlite3_step (stmt) == SQLITE_ROW)
    out_status->last_error = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  out_status->last_error_at = read_meta_int64 (self, "xapi_last_error_at");
  out_status->last_sent_at = read_meta_int64 (self, "xapi_last_sent_at");

  return lateral_store_transaction_commit (tx, error);
}

void
lateral_outbox_status_clear (LateralOutboxStatus *status)
{
  g_clear_pointer (&status->last_error, g_free);
}

void
lateral_outbox_item_free (LateralOutboxItem *item)
{
  if (item == NULL)
    return;
  g_free (item->statement_id);
  g_free (item->attempt_uuid);
  g_free (item->kind);
  g_free (item->statement);
  g_free (item->reason);
  g_free (item);
}
