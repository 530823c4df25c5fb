/* lateral-store-import.c: the rows a results bundle adds to the store
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * results/lateral-bundle-import.c decides what to merge; these read and
 * write the rows for it, keeping the UUIDs and times they came with, inside
 * the transaction the importer holds. They live here so that the SQL for
 * the store's tables stays in src/core/store/.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lateral-store-private.h"

/* A profile new here is inserted as imported: never this machine's "last
 * used" learner, never found by name by play. One already here keeps its
 * name; a different name, or the id of one of this machine's own learners,
 * flags every attempt of the profile (one learner taking over another). */
gboolean
lateral_store_import_profile (LateralStore          *store,
                              const LateralProfile  *profile,
                              char                 **out_reason,
                              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  *out_reason = NULL;
  stmt = lateral_store_prepare (store, "SELECT name, imported FROM profiles WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, profile->uuid, -1, SQLITE_STATIC);
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    {
      const char *name = (const char *) sqlite3_column_text (stmt, 0);

      if (sqlite3_column_int (stmt, 1) == 0)
        *out_reason = g_strdup_printf (_("its learner id is that of “%s”, a learner of this machine"), name);
      else if (!g_str_equal (name, profile->name))
        *out_reason = g_strdup_printf (_("its learner id came earlier with the name “%s”, now with “%s”"),
                                       name, profile->name);
      return TRUE;
    }
  if (rc != SQLITE_DONE)
    return lateral_store_set_sqlite_error (lateral_store_get_db (store), rc, error);
  g_clear_pointer (&stmt, sqlite3_finalize);

  stmt = lateral_store_prepare (store, "INSERT INTO profiles (uuid, name, created_at, last_used_at, imported)"
                                       " VALUES (?1, ?2, ?3, 0, 1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, profile->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, profile->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, profile->created_at);

  return lateral_store_step_done (store, stmt, error);
}

/* The attempt as it came, with its own UUID, device and times, the time of
 * this import and the import's flags. */
gboolean
lateral_store_import_attempt (LateralStore          *store,
                              const LateralAttempt  *attempt,
                              gboolean               pack_missing,
                              const char            *flags,
                              GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  /* The class code comes canonical ("7b " already joined "7B"): the
   * importer looks each distinct code up once per bundle, since a lookup
   * scans the codes stored and once per attempt made imports quadratic. */

  stmt = lateral_store_prepare (store,
                                "INSERT INTO attempts (uuid, profile_uuid, pack_id, pack_version, pack_hash,"
                                " class_code, device_id, started_at, finished_at, imported_at, pack_missing, flags)"
                                " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)", error);
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
  sqlite3_bind_text (stmt, 12, flags, -1, SQLITE_STATIC);

  return lateral_store_step_done (store, stmt, error);
}

/* Returns: (transfer full) (element-type utf8): the uuids of the other
 * attempts here by @attempt's learner, of its pack, begun in the same
 * second, in the order they were stored: the candidates for a copy. */
GPtrArray *
lateral_store_list_same_start (LateralStore          *store,
                               const LateralAttempt  *attempt,
                               GError               **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GPtrArray) uuids = g_ptr_array_new_with_free_func (g_free);
  int rc;

  stmt = lateral_store_prepare (store, "SELECT uuid FROM attempts WHERE profile_uuid = ?1 AND pack_id = ?2"
                                       " AND started_at = ?3 AND uuid != ?4 ORDER BY rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, attempt->profile_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, attempt->pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 3, attempt->started_at);
  sqlite3_bind_text (stmt, 4, attempt->uuid, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (uuids, g_strdup ((const char *) sqlite3_column_text (stmt, 0)));
  if (rc != SQLITE_DONE)
    {
      lateral_store_set_sqlite_error (lateral_store_get_db (store), rc, error);
      return NULL;
    }
  return g_steal_pointer (&uuids);
}

/* Replaces the flags of attempt @uuid (space-separated words). */
gboolean
lateral_store_set_attempt_flags (LateralStore  *store,
                                 const char    *uuid,
                                 const char    *flags,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lateral_store_prepare (store, "UPDATE attempts SET flags = ?2 WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, flags, -1, SQLITE_STATIC);
  return lateral_store_step_done (store, stmt, error);
}
