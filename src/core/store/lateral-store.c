/* lateral-store.c: opening the database, and profiles
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A thin GError-returning layer over sqlite3 with prepared statements only.
 * Attempts and answers are in lateral-store-attempts.c, recovery and backups
 * in lateral-store-recovery.c, the schema in lateral-store-migrations.c.
 */
#include "config.h"

#include <unistd.h>

#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lateral-store-private.h"
#include "lateral-store-transaction.h"

struct _LateralStore
{
  GObject  parent_instance;

  sqlite3    *db;
  GHashTable *statements;  /* SQL text (static) -> sqlite3_stmt, kept prepared */
  char       *filename;
  char       *device_id;
  char       *recovery_message;
  int         lock_fd;     /* a shared lock while open: restore waits for none */
  gboolean    file_known;  /* file_dev/file_ino are the file opened */
  dev_t       file_dev;
  ino_t       file_ino;
};

G_DEFINE_FINAL_TYPE (LateralStore, lateral_store, G_TYPE_OBJECT)

G_DEFINE_QUARK (lateral-store-error-quark, lateral_store_error)

static void
lateral_store_finalize (GObject *object)
{
  LateralStore *self = (LateralStore *) object;

  /* Statements first: sqlite3_close() refuses a connection with any left.
   * Closing checkpoints the WAL into the main file. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close);
  g_clear_pointer (&self->filename, g_free);
  g_clear_pointer (&self->device_id, g_free);
  g_clear_pointer (&self->recovery_message, g_free);
  if (self->lock_fd >= 0)
    close (self->lock_fd);

  G_OBJECT_CLASS (lateral_store_parent_class)->finalize (object);
}

static void
lateral_store_class_init (LateralStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lateral_store_finalize;
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
lateral_store_init (LateralStore *self)
{
  self->lock_fd = -1;
  self->statements = g_hash_table_new_full (NULL, NULL, NULL, finalize_statement);
}

gboolean
lateral_store_set_sqlite_error (sqlite3  *db,
                                int       rc,
                                GError  **error)
{
  const char *message = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (rc);

  if ((rc & 0xff) == SQLITE_CONSTRAINT)
    g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                 _("The database refused the change: %s"), message);
  else if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
    g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_BUSY,
                 _("Database error: %s"), message);
  else
    g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_FAILED,
                 _("Database error: %s"), message);
  return FALSE;
}

gboolean
lateral_store_exec_db (sqlite3     *db,
                       const char  *sql,
                       GError     **error)
{
  int rc = sqlite3_exec (db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return lateral_store_set_sqlite_error (db, rc, error);

  return TRUE;
}

sqlite3 *
lateral_store_get_db (LateralStore *self)
{
  return self->db;
}

sqlite3_stmt *
lateral_store_prepare (LateralStore  *self,
                       const char    *sql,
                       GError       **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    {
      lateral_store_set_sqlite_error (self->db, rc, error);
      return NULL;
    }

  return stmt;
}

/* A statement kept prepared for the life of the store, for the hot paths
 * (storing an answer): preparing costs as much as the insert itself. @sql
 * must be a string literal (it is the key). The statement comes back reset
 * and unbound; it belongs to the store: reset it after use, never finalize. */
sqlite3_stmt *
lateral_store_prepare_cached (LateralStore  *self,
                              const char    *sql,
                              GError       **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);

  if (stmt == NULL)
    {
      int rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);

      if (rc != SQLITE_OK)
        {
          lateral_store_set_sqlite_error (self->db, rc, error);
          return NULL;
        }
      g_hash_table_insert (self->statements, (gpointer) sql, stmt);
    }

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);

  return stmt;
}

gboolean
lateral_store_exec (LateralStore  *self,
                    const char    *sql,
                    GError       **error)
{
  return lateral_store_exec_db (self->db, sql, error);
}

/* Runs a statement that returns no rows. */
gboolean
lateral_store_step_done (LateralStore  *self,
                         sqlite3_stmt  *stmt,
                         GError       **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE)
    return lateral_store_set_sqlite_error (self->db, rc, error);

  return TRUE;
}

char *
lateral_store_get_default_filename (void)
{
  return g_build_filename (g_get_user_data_dir (), "lateral", "lateral.db", NULL);
}

/* The device id is made once per database, so answers gathered from a lab
 * tell apart the machines they were given on. */
static gboolean
load_device_id (LateralStore  *self,
                GError       **error)
{
  g_autoptr(sqlite3_stmt) insert = NULL;
  g_autoptr(sqlite3_stmt) select = NULL;
  g_autofree char *fresh = g_uuid_string_random ();

  insert = lateral_store_prepare (self, "INSERT OR IGNORE INTO meta (key, value) VALUES ('device_id', ?1)", error);
  if (insert == NULL)
    return FALSE;
  sqlite3_bind_text (insert, 1, fresh, -1, SQLITE_STATIC);
  if (!lateral_store_step_done (self, insert, error))
    return FALSE;

  select = lateral_store_prepare (self, "SELECT value FROM meta WHERE key = 'device_id'", error);
  if (select == NULL)
    return FALSE;
  if (sqlite3_step (select) != SQLITE_ROW)
    return lateral_store_set_sqlite_error (self->db, sqlite3_errcode (self->db), error);

  self->device_id = g_strdup ((const char *) sqlite3_column_text (select, 0));
  return TRUE;
}

static gboolean
has_profiles (LateralStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = lateral_store_prepare (self, "SELECT 1 FROM profiles LIMIT 1", NULL);

  return stmt != NULL && sqlite3_step (stmt) == SQLITE_ROW;
}

/**
 * lateral_store_open:
 * @filename: (nullable): the database, or %NULL for $XDG_DATA_HOME/lateral/lateral.db
 *
 * Opens (creating or upgrading as needed) the database. A broken file is
 * moved aside and a new database started: see
 * lateral_store_get_recovery_message(). A database from a newer Lateral is
 * left alone and %LATERAL_STORE_ERROR_NEWER_VERSION returned.
 */
LateralStore *
lateral_store_open (const char  *filename,
                    GError     **error)
{
  g_autoptr(LateralStore) self = g_object_new (LATERAL_TYPE_STORE, NULL);
  g_autoptr(GError) backup_error = NULL;
  g_autofree char *backup = NULL;
  int version;

  self->filename = filename != NULL ? g_strdup (filename) : lateral_store_get_default_filename ();
  /* Held while open, so that a restore never swaps the file under a
   * running app or command (lateral_store_restore()). */
  if (!g_str_equal (self->filename, ":memory:"))
    {
      self->lock_fd = lateral_store_lock (self->filename, FALSE, error);
      if (self->lock_fd < 0)
        return NULL;
    }
  self->db = lateral_store_open_checked (self->filename, &self->recovery_message, error);
  if (self->db == NULL)
    return NULL;

  sqlite3_busy_timeout (self->db, 5000);
  sqlite3_extended_result_codes (self->db, TRUE);

  /* Which file this is: lateral_store_check_file() tells a database
   * deleted or replaced under the running app. */
  {
    GStatBuf info;

    if (!g_str_equal (self->filename, ":memory:") && g_stat (self->filename, &info) == 0)
      {
        self->file_known = TRUE;
        self->file_dev = info.st_dev;
        self->file_ino = info.st_ino;
      }
  }

  /* synchronous=FULL: a commit that returned survives a power cut, which is
   * what lets the caller show a reveal right after storing an answer. */
  if (!lateral_store_exec (self, "PRAGMA journal_mode = WAL;"
                                 "PRAGMA synchronous = FULL;"
                                 "PRAGMA foreign_keys = ON;", error))
    goto fail;

  /* Before an upgrade, a copy as the older Lateral left it: the way back if
   * the new version disappoints. */
  version = lateral_store_read_schema_version (self->db, error);
  if (version < 0)
    goto fail;
  if (version > 0 && version < LATERAL_STORE_SCHEMA_VERSION && has_profiles (self))
    {
      backup = lateral_store_backup (self, TRUE, error);
      if (backup == NULL)
        {
          g_prefix_error (error, _("No backup could be made before upgrading the database: "));
          goto fail;
        }
      g_clear_pointer (&backup, g_free);
    }

  if (!lateral_store_migrate (self->db, LATERAL_STORE_SCHEMA_VERSION, error) ||
      !load_device_id (self, error))
    goto fail;

  /* A failed daily backup must not keep a learner from playing: it is logged. */
  if (has_profiles (self))
    {
      backup = lateral_store_backup (self, FALSE, &backup_error);
      if (backup_error != NULL)
        g_warning ("Could not back up %s: %s", self->filename, backup_error->message);
    }

  return g_steal_pointer (&self);

fail:
  g_prefix_error (error, _("Could not open %s: "), self->filename);
  return NULL;
}

/**
 * lateral_store_check_file:
 *
 * SQLite keeps writing to a database file that was deleted or replaced
 * after it was opened, and those writes are lost with it. Checked before
 * and after an answer is stored, so that no answer is shown as saved that
 * is not in the learner's file.
 *
 * Returns: %FALSE, with @error set, when the file is no longer the one
 *   this store opened
 */
gboolean
lateral_store_check_file (LateralStore  *self,
                          GError       **error)
{
  GStatBuf info;

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);

  if (!self->file_known)
    return TRUE;
  if (g_stat (self->filename, &info) == 0 && info.st_dev == self->file_dev && info.st_ino == self->file_ino)
    return TRUE;

  g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_FILE_GONE,
               _("Your results file %s was deleted or replaced while Lateral was open, so this answer was "
                 "not saved. Close Lateral and open it again."), self->filename);
  return FALSE;
}

/**
 * lateral_store_open_worker:
 * @self: an open store
 *
 * A second connection to @self's database, for a worker thread: SQLite
 * connections are not shared between threads here, and a worker that holds
 * its own can read or write while the main loop keeps using @self. No
 * migration, recovery or backup is done: @self did them when it was
 * opened. WAL lets the two read at once; a writer waits for the other's
 * write (busy timeout) rather than failing.
 *
 * Returns: (transfer full): a store on the same file, to use from one
 *   thread at a time
 */
LateralStore *
lateral_store_open_worker (LateralStore  *self,
                           GError       **error)
{
  g_autoptr(LateralStore) worker = NULL;
  int rc;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  worker = g_object_new (LATERAL_TYPE_STORE, NULL);
  worker->filename = g_strdup (self->filename);
  worker->device_id = g_strdup (self->device_id);

  rc = sqlite3_open_v2 (worker->filename, &worker->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    {
      lateral_store_set_sqlite_error (worker->db, rc, error);
      g_prefix_error (error, _("Could not open %s: "), worker->filename);
      return NULL;
    }
  sqlite3_busy_timeout (worker->db, 30000);
  sqlite3_extended_result_codes (worker->db, TRUE);
  if (!lateral_store_exec (worker, "PRAGMA synchronous = FULL;"
                                   "PRAGMA foreign_keys = ON;", error))
    {
      g_prefix_error (error, _("Could not open %s: "), worker->filename);
      return NULL;
    }

  return g_steal_pointer (&worker);
}

const char *
lateral_store_get_filename (LateralStore *self)
{
  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  return self->filename;
}

const char *
lateral_store_get_recovery_message (LateralStore *self)
{
  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  return self->recovery_message;
}

const char *
lateral_store_get_device_id (LateralStore *self)
{
  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  return self->device_id;
}

/* Profiles */

#define PROFILE_COLUMNS "uuid, name, created_at, last_used_at"

static LateralProfile *
profile_from_row (sqlite3_stmt *stmt)
{
  LateralProfile *profile = g_new0 (LateralProfile, 1);

  profile->uuid = g_strdup ((const char *) sqlite3_column_text (stmt, 0));
  profile->name = g_strdup ((const char *) sqlite3_column_text (stmt, 1));
  profile->created_at = sqlite3_column_int64 (stmt, 2);
  profile->last_used_at = sqlite3_column_int64 (stmt, 3);

  return profile;
}

/* Returns NULL with no error when no row matched. */
static LateralProfile *
query_profile (LateralStore  *self,
               const char    *sql,
               const char    *arg,
               GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = lateral_store_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  if (arg != NULL)
    sqlite3_bind_text (stmt, 1, arg, -1, SQLITE_STATIC);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    return profile_from_row (stmt);
  if (rc != SQLITE_DONE)
    lateral_store_set_sqlite_error (self->db, rc, error);

  return NULL;
}

GPtrArray *
lateral_store_list_profiles (LateralStore  *self,
                             GError       **error)
{
  g_autoptr(GPtrArray) profiles = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_profile_free);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  /* This machine's learners only: profiles that came in bundles are the
   * teacher's to read, not anyone's to play as. */
  stmt = lateral_store_prepare (self, "SELECT " PROFILE_COLUMNS " FROM profiles WHERE imported = 0"
                                      " ORDER BY last_used_at DESC, use_seq DESC", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (profiles, profile_from_row (stmt));
  if (rc != SQLITE_DONE)
    {
      lateral_store_set_sqlite_error (self->db, rc, error);
      return NULL;
    }

  return g_steal_pointer (&profiles);
}

/* Names are shown to people and written into CSV files and bundles: one
 * short line of text. */
static gboolean
validate_profile_name (const char  *name,
                       GError     **error)
{
  g_autofree char *stripped = NULL;

  if (!g_utf8_validate (name, -1, NULL))
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("A profile name must be valid UTF-8 text"));
      return FALSE;
    }
  stripped = g_strstrip (g_strdup (name));
  if (*stripped == '\0' || !g_str_equal (stripped, name))
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("A profile name must not be empty or start or end with spaces"));
      return FALSE;
    }
  if (g_utf8_strlen (name, -1) > LATERAL_STORE_MAX_NAME_LENGTH)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("A profile name can have at most %d characters"), LATERAL_STORE_MAX_NAME_LENGTH);
      return FALSE;
    }
  for (const char *p = name; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                       _("A profile name must not contain control characters"));
          return FALSE;
        }
    }

  return TRUE;
}

/* Names need not be unique: bundles from several machines may bring two
 * learners called the same. A name means this machine's most recently used
 * profile of that name; imported profiles are never found by name, so an
 * imported "Ana" can never take over the local Ana. */
LateralProfile *
lateral_store_find_profile (LateralStore  *self,
                            const char    *name,
                            GError       **error)
{
  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  return query_profile (self, "SELECT " PROFILE_COLUMNS " FROM profiles WHERE name = ?1 AND imported = 0"
                              " ORDER BY last_used_at DESC, use_seq DESC LIMIT 1", name, error);
}

LateralProfile *
lateral_store_ensure_profile (LateralStore  *self,
                              const char    *name,
                              GError       **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(LateralProfile) existing = NULL;
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autofree char *fresh_uuid = NULL;
  const char *uuid;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);
  g_return_val_if_fail (name != NULL, NULL);

  if (!validate_profile_name (name, error))
    return NULL;

  tx = lateral_store_transaction_begin (self, LATERAL_STORE_WRITE, error);
  if (tx == NULL)
    return NULL;

  existing = lateral_store_find_profile (self, name, error);
  if (existing == NULL && error != NULL && *error != NULL)
    return NULL;

  if (existing != NULL)
    {
      uuid = existing->uuid;
      stmt = lateral_store_prepare (self, "UPDATE profiles SET last_used_at = ?2,"
                                          " use_seq = (SELECT max(use_seq) + 1 FROM profiles)"
                                          " WHERE uuid = ?1", error);
    }
  else
    {
      uuid = fresh_uuid = g_uuid_string_random ();
      stmt = lateral_store_prepare (self, "INSERT INTO profiles (uuid, name, created_at, last_used_at, use_seq)"
                                          " VALUES (?1, ?3, ?2, ?2,"
                                          " (SELECT coalesce (max(use_seq), 0) + 1 FROM profiles))",
                                    error);
    }
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_text (stmt, 1, uuid, -1, SQLITE_TRANSIENT);
  sqlite3_bind_int64 (stmt, 2, g_get_real_time () / G_USEC_PER_SEC);
  if (existing == NULL)
    sqlite3_bind_text (stmt, 3, name, -1, SQLITE_STATIC);
  if (!lateral_store_step_done (self, stmt, error) ||
      !lateral_store_transaction_commit (tx, error))
    return NULL;

  return query_profile (self, "SELECT " PROFILE_COLUMNS " FROM profiles WHERE uuid = ?1", uuid, error);
}

/* Returns NULL with no error when there is no such profile. */
LateralProfile *
lateral_store_get_profile (LateralStore  *self,
                           const char    *profile_uuid,
                           GError       **error)
{
  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);
  g_return_val_if_fail (profile_uuid != NULL, NULL);

  return query_profile (self, "SELECT " PROFILE_COLUMNS " FROM profiles WHERE uuid = ?1", profile_uuid, error);
}

LateralProfile *
lateral_store_get_last_profile (LateralStore  *self,
                                GError       **error)
{
  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  return query_profile (self, "SELECT " PROFILE_COLUMNS " FROM profiles WHERE imported = 0"
                              " ORDER BY last_used_at DESC, use_seq DESC LIMIT 1", NULL, error);
}

LateralProfile *
lateral_profile_copy (const LateralProfile *profile)
{
  LateralProfile *copy;

  g_return_val_if_fail (profile != NULL, NULL);

  copy = g_memdup2 (profile, sizeof *profile);
  copy->uuid = g_strdup (profile->uuid);
  copy->name = g_strdup (profile->name);

  return copy;
}

void
lateral_profile_free (LateralProfile *profile)
{
  if (profile == NULL)
    return;

  g_free (profile->uuid);
  g_free (profile->name);
  g_free (profile);
}
