/* lateral-store-migrations.c: every schema change, in one place
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * migrations[i] takes a database from version i to version i + 1. They are
 * append-only: a released step is never edited, because databases out there
 * went through it. PRAGMA user_version holds the version reached.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lateral-store-private.h"
#include "lateral-store-transaction.h"

static const char * const migrations[] = {
  /* 0 -> 1: profiles, attempts and their answers. */
  "PRAGMA application_id = " G_STRINGIFY (LATERAL_STORE_APPLICATION_ID) ";"
  "CREATE TABLE meta ("
  "  key TEXT PRIMARY KEY NOT NULL,"
  "  value TEXT NOT NULL"
  ") STRICT;"
  "CREATE TABLE profiles ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  name TEXT NOT NULL,"
  "  created_at INTEGER NOT NULL,"
  "  last_used_at INTEGER NOT NULL,"
  "  use_seq INTEGER NOT NULL DEFAULT 0"
  ") STRICT;"
  "CREATE TABLE attempts ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  profile_uuid TEXT NOT NULL REFERENCES profiles (uuid),"
  "  pack_id TEXT NOT NULL,"
  "  pack_version TEXT NOT NULL,"
  "  pack_hash TEXT NOT NULL,"
  "  class_code TEXT,"
  "  device_id TEXT NOT NULL,"
  "  started_at INTEGER NOT NULL,"
  "  finished_at INTEGER"
  ") STRICT;"
  "CREATE TABLE answers ("
  "  attempt_uuid TEXT NOT NULL REFERENCES attempts (uuid),"
  "  claim_id TEXT NOT NULL,"
  "  verdict TEXT NOT NULL CHECK (verdict IN ('true', 'false', 'misleading', 'unverified')),"
  "  certainty INTEGER NOT NULL CHECK (certainty BETWEEN 1 AND 3),"
  "  moves TEXT NOT NULL DEFAULT '[]',"
  "  time_ms INTEGER NOT NULL CHECK (time_ms >= 0),"
  "  answered_at INTEGER NOT NULL,"
  "  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),"
  "  mark INTEGER NOT NULL,"
  "  moves_expected INTEGER NOT NULL DEFAULT 0,"
  "  moves_unexpected INTEGER NOT NULL DEFAULT 0,"
  "  PRIMARY KEY (attempt_uuid, claim_id)"
  ") STRICT;"
  "CREATE TRIGGER answers_are_final BEFORE UPDATE ON answers"
  "  BEGIN SELECT RAISE (ABORT, 'answers are final'); END;"
  "CREATE TRIGGER answers_are_kept BEFORE DELETE ON answers"
  "  BEGIN SELECT RAISE (ABORT, 'answers are kept'); END;",

  /* 1 -> 2: imports. Attempts remember when they came in from a results
   * bundle and whether this machine has their pack; lookups by profile and
   * pack (resume, best mark) get an index. */
  "ALTER TABLE attempts ADD COLUMN imported_at INTEGER;"
  "ALTER TABLE attempts ADD COLUMN pack_missing INTEGER NOT NULL DEFAULT 0"
  "  CHECK (pack_missing IN (0, 1));"
  "CREATE INDEX attempts_by_profile_pack ON attempts (profile_uuid, pack_id);",

  /* 2 -> 3: trust (docs/results-format.md). Profiles that came only from
   * bundles are kept apart from this machine's learners, so an imported
   * "Ana" is never the local Ana's "last used" profile; an imported attempt
   * remembers why it was flagged (space-separated codes). Profiles all of
   * whose attempts were imported are taken to be imported. */
  "ALTER TABLE profiles ADD COLUMN imported INTEGER NOT NULL DEFAULT 0"
  "  CHECK (imported IN (0, 1));"
  "ALTER TABLE attempts ADD COLUMN flags TEXT NOT NULL DEFAULT '';"
  "UPDATE profiles SET imported = 1"
  "  WHERE uuid IN (SELECT profile_uuid FROM attempts WHERE imported_at IS NOT NULL)"
  "    AND uuid NOT IN (SELECT profile_uuid FROM attempts WHERE imported_at IS NULL);",

  /* 3 -> 4: headline tests (MIST-20) before and after a case
   * (store/lateral-store-measures.c). A session is stored whole and, like
   * answers, is final: no update, no delete. */
  "CREATE TABLE measure_sessions ("
  "  uuid TEXT PRIMARY KEY NOT NULL,"
  "  profile_uuid TEXT NOT NULL REFERENCES profiles (uuid),"
  "  instrument_id TEXT NOT NULL,"
  "  instrument_hash TEXT NOT NULL,"
  "  phase TEXT NOT NULL CHECK (phase IN ('before', 'after')),"
  "  pack_id TEXT,"
  "  pack_version TEXT,"
  "  attempt_uuid TEXT,"
  "  class_code TEXT,"
  "  device_id TEXT NOT NULL,"
  "  real_first INTEGER NOT NULL CHECK (real_first IN (0, 1)),"
  "  started_at INTEGER NOT NULL,"
  "  finished_at INTEGER NOT NULL CHECK (finished_at >= started_at),"
  "  imported_at INTEGER"
  ") STRICT;"
  "CREATE TABLE measure_answers ("
  "  session_uuid TEXT NOT NULL REFERENCES measure_sessions (uuid),"
  "  item_id TEXT NOT NULL,"
  "  position INTEGER NOT NULL CHECK (position >= 0),"
  "  answer TEXT NOT NULL CHECK (answer IN ('real', 'fake')),"
  "  correct INTEGER NOT NULL CHECK (correct IN (0, 1)),"
  "  time_ms INTEGER NOT NULL CHECK (time_ms >= 0),"
  "  PRIMARY KEY (session_uuid, item_id)"
  ") STRICT;"
  "CREATE INDEX measure_sessions_by_profile ON measure_sessions (profile_uuid, pack_id);"
  "CREATE TRIGGER measure_sessions_are_final BEFORE UPDATE ON measure_sessions"
  "  BEGIN SELECT RAISE (ABORT, 'checks are final'); END;"
  "CREATE TRIGGER measure_sessions_are_kept BEFORE DELETE ON measure_sessions"
  "  BEGIN SELECT RAISE (ABORT, 'checks are kept'); END;"
  "CREATE TRIGGER measure_answers_are_final BEFORE UPDATE ON measure_answers"
  "  BEGIN SELECT RAISE (ABORT, 'answers are final'); END;"
  "CREATE TRIGGER measure_answers_are_kept BEFORE DELETE ON measure_answers"
  "  BEGIN SELECT RAISE (ABORT, 'answers are kept'); END;",
  /* 4 -> 5: the xAPI outbox (docs/xapi.md). One row per statement, written
   * in the transaction of what it tells; rows stay once sent, so a
   * statement id is never queued twice. */
  "CREATE TABLE xapi_outbox ("
  "  statement_id TEXT PRIMARY KEY NOT NULL,"
  "  attempt_uuid TEXT NOT NULL REFERENCES attempts (uuid),"
  "  kind TEXT NOT NULL,"
  "  statement TEXT NOT NULL,"
  "  queued_at INTEGER NOT NULL,"
  "  state TEXT NOT NULL DEFAULT 'waiting' CHECK (state IN ('waiting', 'sent', 'set-aside')),"
  "  done_at INTEGER,"
  "  http_status INTEGER,"
  "  reason TEXT"
  ") STRICT;"
  "CREATE INDEX xapi_outbox_by_state ON xapi_outbox (state);",
};

G_STATIC_ASSERT (G_N_ELEMENTS (migrations) == LATERAL_STORE_SCHEMA_VERSION);

int
lateral_store_read_schema_version (sqlite3  *db,
                                   GError  **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db, "PRAGMA user_version", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      lateral_store_set_sqlite_error (db, rc, error);
      return -1;
    }

  return sqlite3_column_int (stmt, 0);
}

/* All steps run in one transaction: a crash midway leaves the old version
 * whole, never half a migration. */
gboolean
lateral_store_migrate (sqlite3  *db,
                       int       target_version,
                       GError  **error)
{
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autofree char *set_version = NULL;
  int version;

  g_return_val_if_fail (target_version >= 0, FALSE);
  g_return_val_if_fail (target_version <= LATERAL_STORE_SCHEMA_VERSION, FALSE);

  tx = lateral_store_transaction_begin_db (db, LATERAL_STORE_WRITE, error);
  if (tx == NULL)
    return FALSE;

  /* Read inside the transaction: another process may have migrated first. */
  version = lateral_store_read_schema_version (db, error);
  if (version < 0)
    return FALSE;

  if (version > target_version)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NEWER_VERSION,
                   _("The database has schema version %d, newer than this version of Lateral knows (%d)"),
                   version, target_version);
      return FALSE;
    }

  if (version == target_version)
    return lateral_store_transaction_commit (tx, error);

  for (int v = version; v < target_version; v++)
    {
      if (!lateral_store_exec_db (db, migrations[v], error))
        {
          g_prefix_error (error, _("Could not upgrade the database to version %d: "), v + 1);
          return FALSE;
        }
    }

  set_version = g_strdup_printf ("PRAGMA user_version = %d", target_version);
  return lateral_store_exec_db (db, set_version, error) &&
         lateral_store_transaction_commit (tx, error);
}
