/* lateral-store-transaction.c: BEGIN, COMMIT and ROLLBACK, in one place
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every writer of the core groups its statements through this guard, so
 * the rules live here once: a write transaction takes the lock at BEGIN
 * (a deferred one could fail half way with SQLITE_BUSY), a transaction
 * freed without a commit is rolled back, and a failed COMMIT is rolled back
 * too rather than left open on the connection.
 */
#include "config.h"

#include "lateral-store-private.h"
#include "lateral-store-transaction.h"

struct _LateralStoreTransaction
{
  sqlite3  *db;
  guint     depth;       /* open savepoints */
  gboolean  open;
};

LateralStoreTransaction *
lateral_store_transaction_begin_db (sqlite3             *db,
                                    LateralStoreAccess   access,
                                    GError             **error)
{
  LateralStoreTransaction *self;

  g_return_val_if_fail (db != NULL, NULL);

  if (!lateral_store_exec_db (db, access == LATERAL_STORE_WRITE ? "BEGIN IMMEDIATE" : "BEGIN", error))
    return NULL;

  self = g_new0 (LateralStoreTransaction, 1);
  self->db = db;
  self->open = TRUE;

  return self;
}

/**
 * lateral_store_transaction_begin:
 * @access: %LATERAL_STORE_WRITE to change the store, %LATERAL_STORE_READ for
 *   a consistent snapshot over several queries
 *
 * Returns: (transfer full) (nullable): the transaction; free it with
 *   lateral_store_transaction_free(), which rolls it back unless committed
 */
LateralStoreTransaction *
lateral_store_transaction_begin (LateralStore        *store,
                                 LateralStoreAccess   access,
                                 GError             **error)
{
  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);

  return lateral_store_transaction_begin_db (lateral_store_get_db (store), access, error);
}

gboolean
lateral_store_transaction_commit (LateralStoreTransaction  *self,
                                  GError                  **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (self->open, FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  if (!lateral_store_exec_db (self->db, "COMMIT", error))
    {
      /* A COMMIT that failed (SQLITE_BUSY, a full disk) may leave the
       * transaction open: end it here so the connection stays usable. */
      if (!sqlite3_get_autocommit (self->db))
        sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
      self->open = FALSE;
      return FALSE;
    }

  self->open = FALSE;
  return TRUE;
}

void
lateral_store_transaction_free (LateralStoreTransaction *self)
{
  if (self == NULL)
    return;

  /* SQLite may already have rolled back on its own (an I/O error, a full
   * disk): autocommit says whether there is anything left to undo. */
  if (self->open && !sqlite3_get_autocommit (self->db))
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);

  g_free (self);
}

gboolean
lateral_store_transaction_savepoint (LateralStoreTransaction  *self,
                                     GError                  **error)
{
  g_return_val_if_fail (self != NULL && self->open, FALSE);

  if (!lateral_store_exec_db (self->db, "SAVEPOINT step", error))
    return FALSE;

  self->depth++;
  return TRUE;
}

gboolean
lateral_store_transaction_release (LateralStoreTransaction  *self,
                                   GError                  **error)
{
  g_return_val_if_fail (self != NULL && self->open, FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!lateral_store_exec_db (self->db, "RELEASE step", error))
    return FALSE;

  self->depth--;
  return TRUE;
}

/* Undoes everything since the innermost savepoint and ends it. */
gboolean
lateral_store_transaction_rollback_to (LateralStoreTransaction  *self,
                                       GError                  **error)
{
  g_return_val_if_fail (self != NULL && self->open, FALSE);
  g_return_val_if_fail (self->depth > 0, FALSE);

  if (!lateral_store_exec_db (self->db, "ROLLBACK TO step", error))
    return FALSE;

  return lateral_store_transaction_release (self, error);
}
