/* lateral-store-recovery.c: broken databases, backups and restores
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Nothing a learner did is ever deleted: a database we cannot read is moved
 * aside (never written over), one from a newer Lateral is left alone, and a
 * restore keeps the database it replaces. See docs/store.md.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lateral-store-private.h"

#define MAX_BACKUPS 7

typedef enum {
  PROBE_OK,
  PROBE_BROKEN,
  PROBE_NEWER,
} Probe;

/* Looks at an existing file without changing it. */
static Probe
probe_database (const char  *filename,
                char       **out_reason,
                int         *out_version)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(sqlite3_stmt) stmt = NULL;
  sqlite3 *db = NULL;
  char header[100];
  FILE *file;
  size_t n_read;
  int version, app_id;
  int rc;
  Probe probe = PROBE_BROKEN;

  *out_version = 0;

  file = g_fopen (filename, "rb");
  if (file == NULL)
    {
      *out_reason = g_strdup (g_strerror (errno));
      return PROBE_BROKEN;
    }
  n_read = fread (header, 1, sizeof header, file);
  fclose (file);

  /* An empty file is what SQLite itself creates before the first write. */
  if (n_read == 0)
    return PROBE_OK;
  if (n_read < sizeof header || memcmp (header, magic, sizeof magic) != 0)
    {
      *out_reason = g_strdup (_("it is not a SQLite database"));
      return PROBE_BROKEN;
    }

  rc = sqlite3_open_v2 (filename, &db, SQLITE_OPEN_READWRITE, NULL);
  if (rc != SQLITE_OK)
    {
      *out_reason = g_strdup (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      goto out;
    }
  sqlite3_busy_timeout (db, 5000);

  rc = sqlite3_prepare_v2 (db, "SELECT (SELECT user_version FROM pragma_user_version),"
                               " (SELECT application_id FROM pragma_application_id),"
                               " (SELECT count(*) FROM sqlite_schema)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      *out_reason = g_strdup (sqlite3_errmsg (db));
      goto out;
    }
  version = sqlite3_column_int (stmt, 0);
  app_id = sqlite3_column_int (stmt, 1);
  *out_version = version;

  if ((app_id != 0 && app_id != LATERAL_STORE_APPLICATION_ID) ||
      (version == 0 && sqlite3_column_int (stmt, 2) > 0))
    {
      *out_reason = g_strdup (_("it is a SQLite database of another program"));
      goto out;
    }
  if (version > LATERAL_STORE_SCHEMA_VERSION)
    {
      probe = PROBE_NEWER;
      goto out;
    }
  g_clear_pointer (&stmt, sqlite3_finalize);

  rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check (1)", -1, &stmt, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    *out_reason = g_strdup (sqlite3_errmsg (db));
  else if (g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      /* SQLite's report spans lines; the user gets one sentence. */
      g_autofree char *report = g_strdup ((const char *) sqlite3_column_text (stmt, 0));

      g_strdelimit (report, "\r\n", ' ');
      if (g_utf8_strlen (report, -1) > 120)
        *g_utf8_offset_to_pointer (report, 120) = '\0';
      *out_reason = g_strdup_printf (_("the integrity check failed: %s"), report);
    }
  else
    probe = PROBE_OK;

out:
  g_clear_pointer (&stmt, sqlite3_finalize);
  sqlite3_close (db);
  return probe;
}

static char *
timestamp_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%Y%m%d-%H%M%S");
}

/* Renames the database (and its WAL, which holds committed pages) to
 * FILENAME.TAG-YYYYMMDD-HHMMSS, never over an existing file. */
char *
lateral_store_move_aside (const char  *filename,
                          const char  *tag,
                          GError     **error)
{
  static const char * const suffixes[] = { "-wal", "-shm" };
  g_autofree char *stamp = timestamp_now ();
  g_autofree char *target = NULL;

  for (guint n = 1; target == NULL || g_file_test (target, G_FILE_TEST_EXISTS); n++)
    {
      g_free (target);
      if (n == 1)
        target = g_strdup_printf ("%s.%s-%s", filename, tag, stamp);
      else
        target = g_strdup_printf ("%s.%s-%s-%u", filename, tag, stamp, n);
    }

  if (g_rename (filename, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not move %s aside to %s: %s"), filename, target, g_strerror (saved_errno));
      return NULL;
    }

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (filename, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (target, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not move %s aside to %s: %s"), from, to, g_strerror (saved_errno));
          return NULL;
        }
    }

  return g_steal_pointer (&target);
}

char *
lateral_store_backup_dir (const char *filename)
{
  g_autofree char *dir = g_path_get_dirname (filename);

  return g_build_filename (dir, "backups", NULL);
}

/* Backups are named lateral-sNNNNNN-YYYYMMDD-HHMMSS.db: NNNNNN counts up
 * from the newest backup's, whatever the clock says, so a clock set back
 * never makes an older backup look newer (older Lateral wrote
 * lateral-YYYYMMDD-HHMMSS.db: those count as number 0, by name). */
static guint64
backup_seq (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);

  if (!g_str_has_prefix (name, "lateral-s"))
    return 0;
  return g_ascii_strtoull (name + strlen ("lateral-s"), NULL, 10);
}

static int
compare_backups (gconstpointer a,
                 gconstpointer b)
{
  const char *pa = *(const char * const *) a;
  const char *pb = *(const char * const *) b;
  guint64 sa = backup_seq (pa), sb = backup_seq (pb);

  if (sa != sb)
    return sa < sb ? -1 : 1;
  return g_strcmp0 (pa, pb);
}

/* The local date a backup was made, YYYYMMDD, from its name. */
static char *
backup_date (const char *path)
{
  g_autofree char *name = g_path_get_basename (path);
  const char *p = name + strlen ("lateral-");

  if (g_str_has_prefix (name, "lateral-s"))
    p = strchr (name + strlen ("lateral-s"), '-');
  if (p == NULL)
    return g_strdup ("");
  if (*p == '-')
    p++;
  return g_strndup (p, 8);
}

static GPtrArray *
list_backups_in (const char  *dir,
                 GError     **error)
{
  g_autoptr(GPtrArray) backups = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, &local_error);
  const char *name;

  if (gdir == NULL)
    {
      if (g_error_matches (local_error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        return g_steal_pointer (&backups);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  while ((name = g_dir_read_name (gdir)) != NULL)
    {
      if (g_str_has_prefix (name, "lateral-") && g_str_has_suffix (name, ".db"))
        g_ptr_array_add (backups, g_build_filename (dir, name, NULL));
    }
  g_ptr_array_sort (backups, compare_backups);

  return g_steal_pointer (&backups);
}

static const char *
newest_backup (GPtrArray *backups)
{
  return backups->len > 0 ? g_ptr_array_index (backups, backups->len - 1) : NULL;
}

sqlite3 *
lateral_store_open_checked (const char  *filename,
                            char       **out_recovery_message,
                            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (filename);
  sqlite3 *db = NULL;
  int rc;

  *out_recovery_message = NULL;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  if (g_file_test (filename, G_FILE_TEST_EXISTS))
    {
      g_autofree char *reason = NULL;
      int version = 0;

      switch (probe_database (filename, &reason, &version))
        {
        case PROBE_OK:
          break;

        case PROBE_NEWER:
          g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NEWER_VERSION,
                       _("Your progress database %s was written by a newer version of Lateral "
                         "(schema %d; this version knows up to %d). It was left untouched: "
                         "update Lateral to use it."),
                       filename, version, LATERAL_STORE_SCHEMA_VERSION);
          return NULL;

        case PROBE_BROKEN:
          {
            g_autofree char *kept_as = lateral_store_move_aside (filename, "corrupt", error);
            g_autofree char *backup_dir = NULL;
            g_autoptr(GPtrArray) backups = NULL;
            GString *message;

            if (kept_as == NULL)
              return NULL;

            message = g_string_new (NULL);
            g_string_printf (message,
                             _("Your progress database could not be read (%s). It was kept as %s "
                               "and a new one was started."),
                             reason, kept_as);
            backup_dir = lateral_store_backup_dir (filename);
            backups = list_backups_in (backup_dir, NULL);
            if (backups != NULL && backups->len > 0)
              {
                g_string_append_c (message, ' ');
                g_string_append_printf (message,
                                        _("The latest backup is %s; to go back to it, run "
                                          "“lateral-cli restore %s”."),
                                        newest_backup (backups), newest_backup (backups));
              }
            *out_recovery_message = g_string_free (message, FALSE);
          }
          break;

        default:
          g_assert_not_reached ();
        }
    }

  rc = sqlite3_open_v2 (filename, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    {
      lateral_store_set_sqlite_error (db, rc, error);
      g_prefix_error (error, _("Could not open %s: "), filename);
      sqlite3_close (db);
      g_clear_pointer (out_recovery_message, g_free);
      return NULL;
    }

  return db;
}

static gboolean
copy_database (sqlite3     *from,
               const char  *to_filename,
               GError     **error)
{
  sqlite3 *to = NULL;
  sqlite3_backup *backup;
  int rc;

  rc = sqlite3_open_v2 (to_filename, &to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
  if (rc != SQLITE_OK)
    goto fail;

  backup = sqlite3_backup_init (to, "main", from, "main");
  if (backup == NULL)
    {
      rc = sqlite3_errcode (to);
      goto fail;
    }
  do
    {
      rc = sqlite3_backup_step (backup, -1);
      if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
        sqlite3_sleep (50);
    }
  while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    goto fail;

  rc = sqlite3_close (to);
  if (rc == SQLITE_OK)
    return TRUE;

fail:
  lateral_store_set_sqlite_error (to, rc, error);
  g_prefix_error (error, _("Could not write %s: "), to_filename);
  sqlite3_close (to);
  return FALSE;
}

GPtrArray *
lateral_store_list_backups (LateralStore  *self,
                            GError       **error)
{
  g_autofree char *dir = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  dir = lateral_store_backup_dir (lateral_store_get_filename (self));
  return list_backups_in (dir, error);
}

/* Makes a backup unless one was made today (or FORCE). Returns the new
 * backup's path, or NULL without an error when none was needed. */
char *
lateral_store_backup (LateralStore  *self,
                      gboolean       force,
                      GError       **error)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y%m%d");
  g_autofree char *when = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *stamp = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *target = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (self), NULL);

  dir = lateral_store_backup_dir (lateral_store_get_filename (self));
  backups = list_backups_in (dir, error);
  if (backups == NULL)
    return NULL;

  /* One a day. A newest backup dated after today means the clock was set
   * back: none is made until the clock passes it, rather than one at every
   * start. */
  if (!force && backups->len > 0)
    {
      g_autofree char *newest = backup_date (newest_backup (backups));

      if (g_strcmp0 (newest, today) >= 0)
        return NULL;
    }
  stamp = g_strdup_printf ("lateral-s%06" G_GUINT64_FORMAT "-%s.db",
                           backups->len > 0 ? backup_seq (newest_backup (backups)) + 1 : 1, when);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  target = g_build_filename (dir, stamp, NULL);
  /* Written under another name and renamed, so a backup that exists is whole. */
  partial = g_strconcat (target, ".partial", NULL);
  g_unlink (partial);
  if (!copy_database (lateral_store_get_db (self), partial, error))
    {
      g_unlink (partial);
      return NULL;
    }
  if (g_rename (partial, target) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), target, g_strerror (saved_errno));
      return NULL;
    }

  if (!g_ptr_array_find_with_equal_func (backups, target, g_str_equal, NULL))
    g_ptr_array_add (backups, g_strdup (target));
  /* By count, oldest number first: never a newer one. */
  g_ptr_array_sort (backups, compare_backups);
  for (guint i = 0; i + MAX_BACKUPS < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));

  return g_steal_pointer (&target);
}

/**
 * lateral_store_lock:
 * @exclusive: %TRUE for a restore, %FALSE for an open store
 *
 * Takes the advisory lock beside @filename (FILENAME.lock, flock()):
 * every open store holds it shared, a restore exclusive, so a restore
 * never swaps the file under a running app or command.
 *
 * Returns: the lock's file descriptor, to close(); -1 with @error set
 */
int
lateral_store_lock (const char  *filename,
                    gboolean     exclusive,
                    GError     **error)
{
  g_autofree char *path = g_strconcat (filename, ".lock", NULL);
  g_autofree char *dir = g_path_get_dirname (filename);
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0 ||
      (fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600)) < 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not open %s: %s"), path, g_strerror (saved_errno));
      return -1;
    }
  if (flock (fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) == 0)
    return fd;

  close (fd);
  if (exclusive)
    g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_BUSY,
                 _("Lateral is using %s (the app or another lateral-cli command is running): close it, "
                   "then restore; nothing was changed"), filename);
  else
    g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_BUSY,
                 _("A backup is being restored into %s: try again when it is done"), filename);
  return -1;
}

/* PRAGMA integrity_check of a copy about to become the database. */
static gboolean
check_integrity (const char  *filename,
                 GError     **error)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  gboolean ok = FALSE;
  int rc;

  rc = sqlite3_open_v2 (filename, &db, SQLITE_OPEN_READONLY, NULL);
  if (rc == SQLITE_OK)
    rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL);
  if (rc == SQLITE_OK && sqlite3_step (stmt) == SQLITE_ROW)
    ok = g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") == 0;
  if (!ok)
    g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_A_DATABASE,
                 _("the copy failed its integrity check (%s)"),
                 stmt != NULL && sqlite3_column_text (stmt, 0) != NULL ? (const char *) sqlite3_column_text (stmt, 0)
                                                                      : sqlite3_errmsg (db));
  sqlite3_finalize (stmt);
  sqlite3_close (db);
  return ok;
}

/* Puts FILENAME's moved-aside copy back; says where everything is. */
static void
put_back (const char  *filename,
          const char  *kept_as,
          GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  gboolean all_back = TRUE;

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (kept_as, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (filename, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        all_back = FALSE;
    }
  if (all_back)
    g_prefix_error (error, _("Your database %s was put back as it was. "), filename);
  else
    g_prefix_error (error, _("Your database is kept as %s (with its -wal file, if any): "
                             "move it back to %s before using Lateral. "), kept_as, filename);
}

/**
 * lateral_store_restore:
 * @out_kept_as: (out) (optional) (transfer full): where the database it
 *   replaced was kept
 *
 * Replaces the database with @backup_file without ever leaving it missing
 * or half written: the backup is copied to a temporary file beside the
 * database and checked (PRAGMA integrity_check), then the database is moved
 * aside (never deleted) and the copy renamed into place. On any failure the
 * database stays or is put back, and the message names every file kept.
 * Refused while the database is open anywhere (lateral_store_lock()).
 */
gboolean
lateral_store_restore (const char  *filename,
                       const char  *backup_file,
                       char       **out_kept_as,
                       GError     **error)
{
  g_autofree char *default_filename = NULL;
  g_autofree char *reason = NULL;
  g_autofree char *kept_as = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *partial = NULL;
  g_autoptr(GError) local_error = NULL;
  sqlite3 *from = NULL;
  int version = 0;
  int lock_fd;
  int rc;

  g_return_val_if_fail (backup_file != NULL, FALSE);

  if (filename == NULL)
    filename = default_filename = lateral_store_get_default_filename ();

  if (!g_file_test (backup_file, G_FILE_TEST_IS_REGULAR))
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND,
                   _("%s: no such file"), backup_file);
      return FALSE;
    }

  switch (probe_database (backup_file, &reason, &version))
    {
    case PROBE_NEWER:
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NEWER_VERSION,
                   _("%s was written by a newer version of Lateral (schema %d; this version knows up to %d)"),
                   backup_file, version, LATERAL_STORE_SCHEMA_VERSION);
      return FALSE;
    case PROBE_BROKEN:
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_A_DATABASE,
                   _("%s cannot be restored: %s"), backup_file, reason);
      return FALSE;
    case PROBE_OK:
      if (version == 0)
        {
          g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_A_DATABASE,
                       _("%s cannot be restored: it is not a Lateral database"), backup_file);
          return FALSE;
        }
      break;
    default:
      g_assert_not_reached ();
    }

  dir = g_path_get_dirname (filename);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), dir, g_strerror (saved_errno));
      return FALSE;
    }

  lock_fd = lateral_store_lock (filename, TRUE, error);
  if (lock_fd < 0)
    return FALSE;

  /* 1. A checked copy beside the database: a full disk stops here. */
  partial = g_strconcat (filename, ".restoring", NULL);
  g_unlink (partial);
  rc = sqlite3_open_v2 (backup_file, &from, SQLITE_OPEN_READONLY, NULL);
  if (rc != SQLITE_OK)
    lateral_store_set_sqlite_error (from, rc, &local_error);
  else
    copy_database (from, partial, &local_error);
  sqlite3_close (from);
  if (local_error == NULL)
    check_integrity (partial, &local_error);
  if (local_error != NULL)
    {
      g_unlink (partial);
      close (lock_fd);
      g_set_error (error, local_error->domain, local_error->code,
                   _("Could not restore %s: %s; nothing was changed, your database %s is as it was"),
                   backup_file, local_error->message, filename);
      return FALSE;
    }

  /* 2. The database aside (with its WAL), the copy in its place. */
  if (g_file_test (filename, G_FILE_TEST_EXISTS))
    {
      kept_as = lateral_store_move_aside (filename, "before-restore", &local_error);
      if (kept_as == NULL)
        {
          g_unlink (partial);
          close (lock_fd);
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      _("Could not restore %s; nothing was changed: "), backup_file);
          return FALSE;
        }
    }
  if (g_rename (partial, filename) != 0)
    {
      int saved_errno = errno;

      g_set_error (&local_error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not put %s in place of %s: %s"), partial, filename, g_strerror (saved_errno));
      g_unlink (partial);
      if (kept_as != NULL)
        put_back (filename, kept_as, &local_error);
      close (lock_fd);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  close (lock_fd);

  if (out_kept_as != NULL)
    *out_kept_as = g_steal_pointer (&kept_as);

  return TRUE;
}
