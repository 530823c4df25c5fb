/* lateral-store-attempts.c: attempts and their answers
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An answer is final: one per attempt and claim, inserted in its own
 * committed transaction and never updated (a trigger refuses it).
 */
#include "config.h"

#include <string.h>
#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "play/lateral-scoring.h"
#include "lateral-store-private.h"

#define ATTEMPT_SELECT \
  "SELECT a.uuid, a.profile_uuid, p.name, a.pack_id, a.pack_version, a.pack_hash," \
  " a.class_code, a.device_id, a.started_at, coalesce (a.finished_at, 0), a.pack_missing," \
  " (SELECT count(*) FROM answers w WHERE w.attempt_uuid = a.uuid)," \
  " (SELECT coalesce (sum (w.correct), 0) FROM answers w WHERE w.attempt_uuid = a.uuid)," \
  " (SELECT coalesce (sum (w.mark), 0) FROM answers w WHERE w.attempt_uuid = a.uuid)," \
  " a.flags" \
  " FROM attempts a JOIN profiles p ON p.uuid = a.profile_uuid"

static char *
column_dup (sqlite3_stmt *stmt,
            int           column)
{
  return g_strdup ((const char *) sqlite3_column_text (stmt, column));
}

static LateralAttempt *
attempt_from_row (sqlite3_stmt *stmt)
{
  LateralAttempt *attempt = g_new0 (LateralAttempt, 1);

  attempt->uuid = column_dup (stmt, 0);
  attempt->profile_uuid = column_dup (stmt, 1);
  attempt->profile_name = column_dup (stmt, 2);
  attempt->pack_id = column_dup (stmt, 3);
  attempt->pack_version = column_dup (stmt, 4);
  attempt->pack_hash = column_dup (stmt, 5);
  attempt->class_code = column_dup (stmt, 6);
  attempt->device_id = column_dup (stmt, 7);
  attempt->started_at = sqlite3_column_int64 (stmt, 8);
  attempt->finished_at = sqlite3_column_int64 (stmt, 9);
  attempt->pack_missing = sqlite3_column_int (stmt, 10) != 0;
  attempt->n_answers = sqlite3_column_int (stmt, 11);
  attempt->n_correct = sqlite3_column_int (stmt, 12);
  attempt->total_mark = sqlite3_column_int (stmt, 13);
  attempt->flags = column_dup (stmt, 14);

  return attempt;
}

/* Binds the nullable text arguments ?1, ?2… and collects every row. */
static GPtrArray *
query_attempts (LateralStore  *self,
                const char    *sql,
                const char    *arg1,
                const char    *arg2,
                const char    *arg3,
                GError       **error)
{
  g_autoptr(GPtrArray) attempts = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_attempt_free);
  g_autoptr(sqlite3_stmt) stmt = lateral_store_prepare (self, sql, error);
  const char *args[] = { arg1, arg2, arg3 };
  int n_params, rc;

  if (stmt == NULL)
    return NULL;

  n_params = sqlite3_bind_parameter_count (stmt);
  for (int i = 0; i < n_params && i < (int) G_N_ELEMENTS (args); i++)
    {
      if (args[i] != NULL)
        sqlite3_bind_text (stmt, i + 1, args[i], -1, SQLITE_STATIC);
      else
        sqlite3_bind_null (stmt, i + 1);
    }

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (attempts, attempt_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);
      return NULL;
    }

  return g_steal_pointer (&attempts);
}

static LateralAttempt *
first_attempt (GPtrArray *attempts)
{
  if (attempts == NULL || attempts->len == 0)
    return NULL;

  return g_ptr_array_steal_index (attempts, 0);
}

GPtrArray *
lateral_store_list_attempts (LateralStore  *self,
                             const char    *profile_uuid,
                             const char    *pack_id,
                             GError       **error)
{
  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  return query_attempts (self, ATTEMPT_SELECT
                         " WHERE (?1 IS NULL OR a.profile_uuid = ?1) AND (?2 IS NULL OR a.pack_id = ?2)"
                         " ORDER BY a.started_at, a.rowid",
                         profile_uuid, pack_id, NULL, error);
}

/* By profile name (every profile of that name) and class code, both
 * nullable: what an instructor exports. Oldest first. */
GPtrArray *
lateral_store_select_attempts (LateralStore  *self,
                               const char    *profile_name,
                               const char    *class_code,
                               GError       **error)
{
  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  return query_attempts (self, ATTEMPT_SELECT
                         " WHERE (?1 IS NULL OR p.name = ?1) AND (?2 IS NULL OR a.class_code = ?2)"
                         " ORDER BY a.started_at, a.rowid",
                         profile_name, class_code, NULL, error);
}

LateralAttempt *
lateral_store_get_attempt (LateralStore  *self,
                           const char    *attempt_uuid,
                           GError       **error)
{
  g_autoptr(GPtrArray) attempts = NULL;
  LateralAttempt *attempt;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);
  g_return_val_if_fail (attempt_uuid != NULL, NULL);

  attempts = query_attempts (self, ATTEMPT_SELECT " WHERE a.uuid = ?1", attempt_uuid, NULL, NULL, error);
  if (attempts == NULL)
    return NULL;

  attempt = first_attempt (attempts);
  if (attempt == NULL)
    g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND,
                 _("No attempt %s in the database"), attempt_uuid);

  return attempt;
}

/* Only attempts begun on this machine are resumed: one that came in with
 * a results bundle belongs to the device it was played on. */
LateralAttempt *
lateral_store_find_unfinished_attempt (LateralStore  *self,
                                       const char    *profile_uuid,
                                       const char    *pack_id,
                                       GError       **error)
{
  g_autoptr(GPtrArray) attempts = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);
  g_return_val_if_fail (profile_uuid != NULL, NULL);
  g_return_val_if_fail (pack_id != NULL, NULL);

  attempts = query_attempts (self, ATTEMPT_SELECT
                             " WHERE a.profile_uuid = ?1 AND a.pack_id = ?2 AND a.finished_at IS NULL"
                             " AND a.device_id = ?3 ORDER BY a.started_at DESC, a.rowid DESC LIMIT 1",
                             profile_uuid, pack_id, lateral_store_get_device_id (self), error);

  return first_attempt (attempts);
}

gboolean
lateral_store_get_best_mark (LateralStore  *self,
                             const char    *profile_uuid,
                             const char    *pack_id,
                             int           *out_best_mark,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (profile_uuid != NULL, FALSE);
  g_return_val_if_fail (pack_id != NULL, FALSE);

  stmt = lateral_store_prepare (self,
                                "SELECT max (total) FROM (SELECT coalesce (sum (w.mark), 0) AS total"
                                " FROM attempts a LEFT JOIN answers w ON w.attempt_uuid = a.uuid"
                                " WHERE a.profile_uuid = ?1 AND a.pack_id = ?2 AND a.finished_at IS NOT NULL"
                                " GROUP BY a.uuid)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, profile_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, pack_id, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);
  if (sqlite3_column_type (stmt, 0) == SQLITE_NULL)
    return FALSE;

  if (out_best_mark != NULL)
    *out_best_mark = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gboolean
check_text (const char  *what,
            const char  *value,
            gboolean     nullable,
            GError     **error)
{
  if (value == NULL && nullable)
    return TRUE;

  if (value == NULL || *value == '\0' || strlen (value) > LATERAL_STORE_MAX_ID_LENGTH ||
      !g_utf8_validate (value, -1, NULL))
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("%s must be non-empty UTF-8 text of at most %d bytes"),
                   what, LATERAL_STORE_MAX_ID_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/* Bundles carry dates from 0001 to 9999 (ISO 8601, as GDateTime): a clock
 * set outside them is refused when the date is entered, so that export
 * never meets a date it cannot write. */
static gboolean
check_date (gint64   unix_seconds,
            GError **error)
{
  g_autoptr(GDateTime) time = g_date_time_new_from_unix_utc (unix_seconds);

  if (time != NULL)
    return TRUE;
  g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
               _("The computer’s clock is outside the years 0001–9999; set it right and try again"));
  return FALSE;
}

LateralAttempt *
lateral_store_start_attempt (LateralStore  *self,
                             const char    *profile_uuid,
                             const char    *pack_id,
                             const char    *pack_version,
                             const char    *pack_hash,
                             const char    *class_code,
                             GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autofree char *code = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  /* "7b " joins the class stored as "7B" (lateral-class-code.c). */
  if (!check_text ("profile_uuid", profile_uuid, FALSE, error) ||
      !check_text ("pack_id", pack_id, FALSE, error) ||
      !check_text ("pack_version", pack_version, FALSE, error) ||
      !check_text ("pack_hash", pack_hash, FALSE, error) ||
      !lateral_store_canonical_class_code (self, class_code, &code, error) ||
      !check_date (g_get_real_time () / G_USEC_PER_SEC, error))
    return NULL;
  class_code = code;

  stmt = lateral_store_prepare (self,
                                "INSERT INTO attempts (uuid, profile_uuid, pack_id, pack_version, pack_hash,"
                                " class_code, device_id, started_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                                error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, profile_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, pack_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 4, pack_version, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 5, pack_hash, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 6, class_code, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 7, lateral_store_get_device_id (self), -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 8, g_get_real_time () / G_USEC_PER_SEC);

  if (!lateral_store_step_done (self, stmt, error))
    return NULL;

  return lateral_store_get_attempt (self, uuid, error);
}

/* Finishing twice keeps the first time, here and when a bundle brings the
 * attempt finished (lateral-store-import.c). */
gboolean
lateral_store_finish_attempt_at (LateralStore  *self,
                                 const char    *attempt_uuid,
                                 gint64         finished_at,
                                 GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (attempt_uuid != NULL, FALSE);

  stmt = lateral_store_prepare (self, "UPDATE attempts SET finished_at = ?2"
                                      " WHERE uuid = ?1 AND finished_at IS NULL", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attempt_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 2, finished_at);

  return lateral_store_step_done (self, stmt, error);
}

gboolean
lateral_store_finish_attempt (LateralStore  *self,
                              const char    *attempt_uuid,
                              GError       **error)
{
  return lateral_store_finish_attempt_at (self, attempt_uuid, g_get_real_time () / G_USEC_PER_SEC, error);
}

gboolean
lateral_store_set_pack_missing (LateralStore  *self,
                                const char    *attempt_uuid,
                                gboolean       pack_missing,
                                GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = lateral_store_prepare (self, "UPDATE attempts SET pack_missing = ?2 WHERE uuid = ?1", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, attempt_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 2, pack_missing ? 1 : 0);

  return lateral_store_step_done (self, stmt, error);
}

/* Answers */

char *
lateral_store_moves_to_json (const char * const *moves)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; moves != NULL && moves[i] != NULL; i++)
    json_builder_add_string_value (builder, moves[i]);
  json_builder_end_array (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

char **
lateral_store_moves_from_json (const char  *json,
                               GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GStrvBuilder) moves = g_strv_builder_new ();
  JsonArray *array;

  if (!json_parser_load_from_data (parser, json, -1, error))
    return NULL;

  if (!JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    goto invalid;
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);

      if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING)
        goto invalid;
      g_strv_builder_add (moves, json_node_get_string (node));
    }

  return g_strv_builder_end (moves);

invalid:
  g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
               _("The moves of an answer must be a list of move ids"));
  return NULL;
}

gboolean
lateral_store_validate_answer (const LateralAnswer  *answer,
                               GError              **error)
{
  guint n_moves = answer->moves != NULL ? g_strv_length (answer->moves) : 0;

  if (!check_text ("claim_id", answer->claim_id, FALSE, error) || !check_date (answer->answered_at, error))
    return FALSE;
  if ((guint) answer->verdict >= LATERAL_N_VERDICTS)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("Unknown verdict %d"), (int) answer->verdict);
      return FALSE;
    }
  if (answer->certainty < LATERAL_CERTAINTY_MIN || answer->certainty > LATERAL_CERTAINTY_MAX)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("Certainty must be 1, 2 or 3, not %d"), answer->certainty);
      return FALSE;
    }
  if (answer->mark != lateral_cbm_mark (answer->correct, answer->certainty))
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("The mark %d does not match certainty %d and correctness"),
                   answer->mark, answer->certainty);
      return FALSE;
    }
  if (n_moves > LATERAL_STORE_MAX_MOVES ||
      answer->moves_expected + answer->moves_unexpected != n_moves)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("An answer can have at most %d moves, each counted as expected or unexpected"),
                   LATERAL_STORE_MAX_MOVES);
      return FALSE;
    }
  for (guint i = 0; i < n_moves; i++)
    {
      if (!check_text ("move", answer->moves[i], FALSE, error))
        return FALSE;
    }

  return TRUE;
}

/* Returns only once the answer is committed (synchronous=FULL). */
gboolean
lateral_store_add_answer (LateralStore         *self,
                          const char           *attempt_uuid,
                          const LateralAnswer  *answer,
                          GError              **error)
{
  sqlite3_stmt *stmt;
  g_autofree char *moves = NULL;
  int rc;

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (attempt_uuid != NULL, FALSE);
  g_return_val_if_fail (answer != NULL, FALSE);

  if (!lateral_store_validate_answer (answer, error))
    return FALSE;

  stmt = lateral_store_prepare_cached (self,
                                       "INSERT INTO answers (attempt_uuid, claim_id, verdict, certainty, moves,"
                                       " time_ms, answered_at, correct, mark, moves_expected, moves_unexpected)"
                                       " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)", error);
  if (stmt == NULL)
    return FALSE;

  moves = lateral_store_moves_to_json ((const char * const *) answer->moves);
  sqlite3_bind_text (stmt, 1, attempt_uuid, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 2, answer->claim_id, -1, SQLITE_STATIC);
  sqlite3_bind_text (stmt, 3, lateral_verdict_to_string (answer->verdict), -1, SQLITE_STATIC);
  sqlite3_bind_int (stmt, 4, answer->certainty);
  sqlite3_bind_text (stmt, 5, moves, -1, SQLITE_STATIC);
  sqlite3_bind_int64 (stmt, 6, answer->time_ms);
  sqlite3_bind_int64 (stmt, 7, answer->answered_at);
  sqlite3_bind_int (stmt, 8, answer->correct ? 1 : 0);
  sqlite3_bind_int (stmt, 9, answer->mark);
  sqlite3_bind_int (stmt, 10, answer->moves_expected);
  sqlite3_bind_int (stmt, 11, answer->moves_unexpected);

  /* In autocommit, the step returns only once the answer is committed. */
  rc = sqlite3_step (stmt);
  if (rc == SQLITE_CONSTRAINT_PRIMARYKEY)
    g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_ALREADY_ANSWERED,
                 _("Claim “%s” is already answered in this attempt"), answer->claim_id);
  else if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
    g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND,
                 _("No attempt %s in the database"), attempt_uuid);
  else if (rc != SQLITE_DONE)
    lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);

  /* The statement is the store's: let go of the bound text before it does. */
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return rc == SQLITE_DONE;
}

GPtrArray *
lateral_store_list_answers (LateralStore  *self,
                            const char    *attempt_uuid,
                            GError       **error)
{
  g_autoptr(GPtrArray) answers = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_answer_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);
  g_return_val_if_fail (attempt_uuid != NULL, NULL);

  stmt = lateral_store_prepare (self,
                                "SELECT claim_id, verdict, certainty, moves, time_ms, answered_at,"
                                " correct, mark, moves_expected, moves_unexpected FROM answers"
                                " WHERE attempt_uuid = ?1 ORDER BY answered_at, rowid", error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, attempt_uuid, -1, SQLITE_STATIC);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(LateralAnswer) answer = g_new0 (LateralAnswer, 1);

      answer->claim_id = column_dup (stmt, 0);
      /* The schema's CHECK keeps the verdict one of the four. */
      lateral_verdict_from_string ((const char *) sqlite3_column_text (stmt, 1), &answer->verdict);
      answer->certainty = sqlite3_column_int (stmt, 2);
      answer->moves = lateral_store_moves_from_json ((const char *) sqlite3_column_text (stmt, 3), error);
      if (answer->moves == NULL)
        return NULL;
      answer->time_ms = sqlite3_column_int64 (stmt, 4);
      answer->answered_at = sqlite3_column_int64 (stmt, 5);
      answer->correct = sqlite3_column_int (stmt, 6) != 0;
      answer->mark = sqlite3_column_int (stmt, 7);
      answer->moves_expected = sqlite3_column_int (stmt, 8);
      answer->moves_unexpected = sqlite3_column_int (stmt, 9);
      g_ptr_array_add (answers, g_steal_pointer (&answer));
    }
  if (rc != SQLITE_DONE)
    {
      lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);
      return NULL;
    }

  return g_steal_pointer (&answers);
}

LateralAttempt *
lateral_attempt_copy (const LateralAttempt *attempt)
{
  LateralAttempt *copy;

  g_return_val_if_fail (attempt != NULL, NULL);

  copy = g_memdup2 (attempt, sizeof *attempt);
  copy->uuid = g_strdup (attempt->uuid);
  copy->profile_uuid = g_strdup (attempt->profile_uuid);
  copy->profile_name = g_strdup (attempt->profile_name);
  copy->pack_id = g_strdup (attempt->pack_id);
  copy->pack_version = g_strdup (attempt->pack_version);
  copy->pack_hash = g_strdup (attempt->pack_hash);
  copy->class_code = g_strdup (attempt->class_code);
  copy->device_id = g_strdup (attempt->device_id);
  copy->flags = g_strdup (attempt->flags);

  return copy;
}

void
lateral_attempt_free (LateralAttempt *attempt)
{
  if (attempt == NULL)
    return;

  g_free (attempt->uuid);
  g_free (attempt->profile_uuid);
  g_free (attempt->profile_name);
  g_free (attempt->pack_id);
  g_free (attempt->pack_version);
  g_free (attempt->pack_hash);
  g_free (attempt->class_code);
  g_free (attempt->device_id);
  g_free (attempt->flags);
  g_free (attempt);
}

LateralAnswer *
lateral_answer_copy (const LateralAnswer *answer)
{
  LateralAnswer *copy;

  g_return_val_if_fail (answer != NULL, NULL);

  copy = g_memdup2 (answer, sizeof *answer);
  copy->claim_id = g_strdup (answer->claim_id);
  copy->moves = answer->moves != NULL ? g_strdupv (answer->moves) : g_new0 (char *, 1);

  return copy;
}

void
lateral_answer_free (LateralAnswer *answer)
{
  if (answer == NULL)
    return;

  g_free (answer->claim_id);
  g_strfreev (answer->moves);
  g_free (answer);
}
