/* lateral-store-measures.c: storing and reading headline-test sessions
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session goes in whole or not at all (one transaction), because a check
 * that stopped halfway has no score. Schema: migration "measures" in
 * lateral-store-migrations.c; docs/store.md.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-store-measures.h"
#include "lateral-store-private.h"

static gboolean
text_ok (const char *text,
         gboolean    nullable)
{
  if (text == NULL)
    return nullable;
  return text[0] != '\0' && strlen (text) <= LATERAL_STORE_MAX_ID_LENGTH && g_utf8_validate (text, -1, NULL);
}

/* What the schema would refuse, said in words, before SQLite says it in codes. */
gboolean
lateral_store_validate_measure_session (const LateralMeasureSession  *session,
                                        GError                      **error)
{
  g_autoptr(GHashTable) items = NULL;

  g_return_val_if_fail (session != NULL, FALSE);

  if (!text_ok (session->uuid, FALSE) || !text_ok (session->profile_uuid, FALSE) ||
      !text_ok (session->instrument_id, FALSE) || !text_ok (session->instrument_hash, FALSE) ||
      !text_ok (session->device_id, FALSE) || !text_ok (session->pack_id, TRUE) ||
      !text_ok (session->pack_version, TRUE) || !text_ok (session->attempt_uuid, TRUE) ||
      !text_ok (session->class_code, TRUE))
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("A check's ids must be 1 to %d bytes of UTF-8 text"), LATERAL_STORE_MAX_ID_LENGTH);
      return FALSE;
    }
  if (session->answers->len == 0 || session->answers->len > 1000)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("A check must have between 1 and 1000 answers"));
      return FALSE;
    }
  if (session->finished_at < session->started_at)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("A check cannot finish before it started"));
      return FALSE;
    }

  items = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < session->answers->len; i++)
    {
      const LateralMeasureAnswer *answer = g_ptr_array_index (session->answers, i);

      if (!text_ok (answer->item_id, FALSE))
        {
          g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                       _("A check's item ids must be 1 to %d bytes of UTF-8 text"), LATERAL_STORE_MAX_ID_LENGTH);
          return FALSE;
        }
      if (!g_hash_table_add (items, answer->item_id))
        {
          g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_ALREADY_ANSWERED,
                       _("Item “%s” is answered twice in one check"), answer->item_id);
          return FALSE;
        }
    }
  return TRUE;
}

static void
bind_nullable (sqlite3_stmt *stmt,
               int           column,
               const char   *text)
{
  if (text != NULL)
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null (stmt, column);
}

/* Inside the caller's transaction. */
gboolean
lateral_store_insert_measure_session (LateralStore                 *self,
                                      const LateralMeasureSession  *session,
                                      GError                      **error)
{
  g_autoptr(sqlite3_stmt) insert_session = NULL;
  g_autoptr(sqlite3_stmt) insert_answer = NULL;
  int rc;

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  if (!lateral_store_validate_measure_session (session, error))
    return FALSE;

  insert_session = lateral_store_prepare (self,
                                          "INSERT INTO measure_sessions (uuid, profile_uuid, instrument_id, instrument_hash,"
                                          " phase, pack_id, pack_version, attempt_uuid, class_code, device_id, real_first,"
                                          " started_at, finished_at, imported_at)"
                                          " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)", error);
  if (insert_session == NULL)
    return FALSE;
  sqlite3_bind_text (insert_session, 1, session->uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert_session, 2, session->profile_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert_session, 3, session->instrument_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert_session, 4, session->instrument_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (insert_session, 5, lateral_measure_when_to_string (session->when), -1, SQLITE_STATIC);
  bind_nullable (insert_session, 6, session->pack_id);
  bind_nullable (insert_session, 7, session->pack_version);
  bind_nullable (insert_session, 8, session->attempt_uuid);
  bind_nullable (insert_session, 9, session->class_code);
  sqlite3_bind_text (insert_session, 10, session->device_id, -1, SQLITE_STATIC);
  sqlite3_bind_int (insert_session, 11, session->real_first ? 1 : 0);
  sqlite3_bind_int64 (insert_session, 12, session->started_at);
  sqlite3_bind_int64 (insert_session, 13, session->finished_at);
  if (session->imported_at != 0)
    sqlite3_bind_int64 (insert_session, 14, session->imported_at);
  else
    sqlite3_bind_null (insert_session, 14);

  rc = sqlite3_step (insert_session);
  if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_ALREADY_ANSWERED,
                   _("Check %s is already stored; checks are final"), session->uuid);
      return FALSE;
    }
  if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND,
                   _("No profile %s in the database"), session->profile_uuid);
      return FALSE;
    }
  if (rc != SQLITE_DONE)
    return lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);

  insert_answer = lateral_store_prepare (self,
                                         "INSERT INTO measure_answers (session_uuid, item_id, position, answer, correct, time_ms)"
                                         " VALUES (?1, ?2, ?3, ?4, ?5, ?6)", error);
  if (insert_answer == NULL)
    return FALSE;
  for (guint i = 0; i < session->answers->len; i++)
    {
      const LateralMeasureAnswer *answer = g_ptr_array_index (session->answers, i);

      sqlite3_reset (insert_answer);
      sqlite3_bind_text (insert_answer, 1, session->uuid, -1, SQLITE_STATIC);
      sqlite3_bind_text (insert_answer, 2, answer->item_id, -1, SQLITE_STATIC);
      sqlite3_bind_int (insert_answer, 3, answer->position);
      sqlite3_bind_text (insert_answer, 4, answer->said_real ? "real" : "fake", -1, SQLITE_STATIC);
      sqlite3_bind_int (insert_answer, 5, answer->correct ? 1 : 0);
      sqlite3_bind_int64 (insert_answer, 6, answer->time_ms);
      if (!lateral_store_step_done (self, insert_answer, error))
        return FALSE;
    }
  return TRUE;
}

/**
 * lateral_store_add_measure_session:
 * @session: a complete session; its finish time and device id are set here
 *   when they are 0 / %NULL
 *
 * Stores the session and all its answers in one transaction.
 */
gboolean
lateral_store_add_measure_session (LateralStore           *self,
                                   LateralMeasureSession  *session,
                                   GError                **error)
{
  g_autoptr(LateralStoreTransaction) tx = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  if (session->device_id == NULL)
    session->device_id = g_strdup (lateral_store_get_device_id (self));
  if (session->finished_at == 0)
    session->finished_at = MAX (g_get_real_time () / G_USEC_PER_SEC, session->started_at);

  tx = lateral_store_transaction_begin (self, LATERAL_STORE_WRITE, error);
  if (tx == NULL || !lateral_store_insert_measure_session (self, session, error))
    return FALSE;
  return lateral_store_transaction_commit (tx, error);
}

#define SESSION_SELECT \
  "SELECT s.uuid, s.profile_uuid, p.name, s.instrument_id, s.instrument_hash, s.phase," \
  " s.pack_id, s.pack_version, s.attempt_uuid, s.class_code, s.device_id, s.real_first," \
  " s.started_at, s.finished_at, coalesce (s.imported_at, 0)" \
  " FROM measure_sessions s JOIN profiles p ON p.uuid = s.profile_uuid"

static LateralMeasureSession *
session_from_row (sqlite3_stmt *stmt)
{
  LateralMeasureSession *session = g_new0 (LateralMeasureSession, 1);

  session->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  session->profile_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  session->profile_name = g_strdup ((const char *) sqlite3_column_text (stmt, 2));
  session->instrument_id = g_strdup ((const char *) sqlite3_column_text (stmt, 3));
  session->instrument_hash = g_strdup ((const char *) sqlite3_column_text (stmt, 4));
  lateral_measure_when_from_string ((const char *) sqlite3_column_text (stmt, 5), &session->when);
  session->pack_id = g_strdup ((const char *) sqlite3_column_text (stmt, 6));
  session->pack_version = g_strdup ((const char *) sqlite3_column_text (stmt, 7));
  session->attempt_uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 8));
  session->class_code = g_strdup ((const char *) sqlite3_column_text (stmt, 9));
  session->device_id = g_strdup ((const char *) sqlite3_column_text (stmt, 10));
  session->real_first = sqlite3_column_int (stmt, 11) != 0;
  session->started_at = sqlite3_column_int64 (stmt, 12);
  session->finished_at = sqlite3_column_int64 (stmt, 13);
  session->imported_at = sqlite3_column_int64 (stmt, 14);
  session->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_measure_answer_free);
  return session;
}

static gboolean
load_answers (LateralStore           *self,
              LateralMeasureSession  *session,
              GError                **error)
{
  sqlite3_stmt *stmt = lateral_store_prepare_cached (self,
                                                     "SELECT item_id, position, answer, correct, time_ms"
                                                     " FROM measure_answers WHERE session_uuid = ?1 ORDER BY position", error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, session->uuid, -1, SQLITE_TRANSIENT);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      LateralMeasureAnswer *answer = g_new0 (LateralMeasureAnswer, 1);

      answer->item_id = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
      answer->position = sqlite3_column_int (stmt, 1);
      answer->said_real = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 2), "real") == 0;
      answer->correct = sqlite3_column_int (stmt, 3) != 0;
      answer->time_ms = sqlite3_column_int64 (stmt, 4);
      g_ptr_array_add (session->answers, answer);
    }
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc != SQLITE_DONE)
    return lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);
  return TRUE;
}

static GPtrArray *
query_sessions (LateralStore  *self,
                const char    *sql,
                const char    *args[3],
                GError       **error)
{
  g_autoptr(GPtrArray) sessions = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_measure_session_free);
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  /* One snapshot: a session and its answers are read as they were together.
   * Inside a caller's transaction (an export, an import), that one is it. */
  if (sqlite3_get_autocommit (lateral_store_get_db (self)))
    {
      tx = lateral_store_transaction_begin (self, LATERAL_STORE_READ, error);
      if (tx == NULL)
        return NULL;
    }
  stmt = lateral_store_prepare (self, sql, error);
  if (stmt == NULL)
    return NULL;
  for (int i = 0; i < 3; i++)
    bind_nullable (stmt, i + 1, args[i]);
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (sessions, session_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);
      return NULL;
    }
  for (guint i = 0; i < sessions->len; i++)
    {
      if (!load_answers (self, g_ptr_array_index (sessions, i), error))
        return NULL;
    }
  if (tx != NULL && !lateral_store_transaction_commit (tx, error))
    return NULL;
  return g_steal_pointer (&sessions);
}

/**
 * lateral_store_list_measure_sessions:
 * @profile_uuid: (nullable): only this learner's
 * @profile_name: (nullable): only profiles of this name (as export's --profile)
 * @class_code: (nullable): only this class's
 *
 * Returns: (transfer full) (element-type LateralMeasureSession): oldest first
 */
GPtrArray *
lateral_store_list_measure_sessions (LateralStore  *self,
                                     const char    *profile_uuid,
                                     const char    *profile_name,
                                     const char    *class_code,
                                     GError       **error)
{
  const char *args[3] = { profile_uuid, profile_name, class_code };

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  return query_sessions (self,
                         SESSION_SELECT
                         " WHERE (?1 IS NULL OR s.profile_uuid = ?1) AND (?2 IS NULL OR p.name = ?2)"
                         " AND (?3 IS NULL OR s.class_code = ?3)"
                         " ORDER BY s.finished_at, s.rowid", args, error);
}

/* Returns: (transfer full) (nullable): the session, or %NULL with LATERAL_STORE_ERROR_NOT_FOUND */
LateralMeasureSession *
lateral_store_get_measure_session (LateralStore  *self,
                                   const char    *uuid,
                                   GError       **error)
{
  const char *args[3] = { uuid, NULL, NULL };
  g_autoptr(GPtrArray) sessions = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);
  g_return_val_if_fail (uuid != NULL, NULL);

  sessions = query_sessions (self, SESSION_SELECT " WHERE s.uuid = ?1 AND ?2 IS NULL AND ?3 IS NULL", args, error);
  if (sessions == NULL)
    return NULL;
  if (sessions->len == 0)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND,
                   _("No check %s in the database"), uuid);
      return NULL;
    }
  return g_ptr_array_steal_index (sessions, 0);
}
