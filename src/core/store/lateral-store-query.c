/* lateral-store-query.c: a prepared read statement, with GError
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin layer over one sqlite3_stmt (in the manner of Epiphany's
 * ephy-sqlite-statement.c): parameters are bound, never pasted into SQL,
 * and a failed step becomes a GError instead of a code to compare.
 */
#include "config.h"

#include "lateral-store-private.h"
#include "lateral-store-query.h"

struct _LateralStoreQuery
{
  LateralStore *store;
  sqlite3_stmt *stmt;
  gboolean      done;
};

/* Returns: (transfer full) (nullable): the query, or %NULL with @error set */
LateralStoreQuery *
lateral_store_query_new (LateralStore  *store,
                         const char    *sql,
                         GError       **error)
{
  LateralStoreQuery *self;
  sqlite3_stmt *stmt;

  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);
  g_return_val_if_fail (sql != NULL, NULL);

  stmt = lateral_store_prepare (store, sql, error);
  if (stmt == NULL)
    return NULL;

  self = g_new0 (LateralStoreQuery, 1);
  self->store = g_object_ref (store);
  self->stmt = stmt;
  return self;
}

/* Binds parameter @index (from 1) to a copy of @value; %NULL binds SQL NULL. */
void
lateral_store_query_bind_text (LateralStoreQuery *self,
                               int                index,
                               const char        *value)
{
  g_return_if_fail (self != NULL);

  sqlite3_bind_text (self->stmt, index, value, -1, SQLITE_TRANSIENT);
}

/* Steps to the next row. Returns %TRUE on a row; %FALSE at the end, or on
 * a failure, which sets @error: tell the two apart by @error. */
gboolean
lateral_store_query_next (LateralStoreQuery  *self,
                          GError            **error)
{
  int rc;

  g_return_val_if_fail (self != NULL, FALSE);

  if (self->done)
    return FALSE;

  rc = sqlite3_step (self->stmt);
  if (rc == SQLITE_ROW)
    return TRUE;

  self->done = TRUE;
  if (rc != SQLITE_DONE)
    lateral_store_set_sqlite_error (lateral_store_get_db (self->store), rc, error);
  return FALSE;
}

/* Returns: (transfer none) (nullable): valid until the next step */
const char *
lateral_store_query_get_text (LateralStoreQuery *self,
                              int                column)
{
  g_return_val_if_fail (self != NULL, NULL);

  return (const char *) sqlite3_column_text (self->stmt, column);
}

int
lateral_store_query_get_int (LateralStoreQuery *self,
                             int                column)
{
  g_return_val_if_fail (self != NULL, 0);

  return sqlite3_column_int (self->stmt, column);
}

void
lateral_store_query_free (LateralStoreQuery *self)
{
  if (self == NULL)
    return;

  sqlite3_finalize (self->stmt);
  g_object_unref (self->store);
  g_free (self);
}
