/* lateral-store-import.c: the rows a results bundle adds to the store
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * results/lateral-bundle-import.c decides what to merge; these write it,
 * keeping the UUIDs and times the rows came with, inside the transaction
 * the importer holds. They live here so that the SQL for the store's tables
 * stays in src/core/store/.
 */
#include "config.h"

#include "lateral-store-private.h"

/* A profile already here keeps its local name. */
gboolean
lateral_store_import_profile (LateralStore          *store,
                              const LateralProfile  *profile,
                              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lateral_store_prepare (store, "INSERT OR IGNORE INTO profiles (uuid, name, created_at, last_used_at)"
                                       " VALUES (?1, ?2, ?3, ?3)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, profile->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, profile->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, profile->created_at);

  return lateral_store_step_done (store, stmt, error);
}

/* The attempt as it came, with its own UUID, device and times, and the
 * time of this import. */
gboolean
lateral_store_import_attempt (LateralStore          *store,
                              const LateralAttempt  *attempt,
                              gboolean               pack_missing,
                              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lateral_store_prepare (store,
                                "INSERT INTO attempts (uuid, profile_uuid, pack_id, pack_version, pack_hash,"
                                " class_code, device_id, started_at, finished_at, imported_at, pack_missing)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attempt->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, attempt->profile_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, attempt->pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, attempt->pack_version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, attempt->pack_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, attempt->class_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, attempt->device_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, attempt->started_at);
  if (attempt->finished_at != 0)
    sqlite3_bind_int64 (stmt, 9, attempt->finished_at);
  else
    sqlite3_bind_null (stmt, 9);
  sqlite3_bind_int64 (stmt, 10, g_get_real_time () / G_USEC_PER_SEC);
  sqlite3_bind_int (stmt, 11, pack_missing ? 1 : 0);

  return lateral_store_step_done (store, stmt, error);
}

/* An attempt unfinished here that the bundle shows finished. */
gboolean
lateral_store_import_finished (LateralStore          *store,
                               const LateralAttempt  *attempt,
                               GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lateral_store_prepare (store, "UPDATE attempts SET finished_at = ?2"
                                       " WHERE uuid = ?1 AND finished_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attempt->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, attempt->finished_at);

  return lateral_store_step_done (store, stmt, error);
}
