/* test-store-recovery.c: broken databases, backups and restores
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>

#include "store/lateral-store-private.h"

static char *
db_path (void)
{
  return lateral_store_get_default_filename ();
}

static char *
data_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "lateral", NULL);
}

/* The files in the data folder whose name starts with PREFIX. */
static GPtrArray *
files_with_prefix (const char *prefix)
{
  g_autofree char *dir = data_dir ();
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    {
      /* lateral.db.lock is the open store's lock, not a kept database. */
      if (g_str_has_prefix (name, prefix) && !g_str_has_suffix (name, ".lock"))
        g_ptr_array_add (found, g_build_filename (dir, name, NULL));
    }

  return found;
}

static void
write_file (const char *path,
            const char *contents,
            gssize      length)
{
  g_autofree char *dir = g_path_get_dirname (path);
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_file_set_contents (path, contents, length, &error);
  g_assert_no_error (error);
}

/* A real database with enough rows to span many pages. */
static void
make_database (const char *path,
               guint       n_profiles)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (path, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < n_profiles; i++)
    {
      g_autofree char *name = g_strdup_printf ("Learner number %u with a long enough name to fill pages", i);
      g_autoptr(LateralProfile) profile = lateral_store_ensure_profile (store, name, &error);

      g_assert_no_error (error);
    }
}

/* Opens the default database, expecting it to be moved aside, and checks
 * the aside file has the old contents and the new database works. */
static void
assert_moved_aside (const char *old_contents,
                    gsize       old_length,
                    const char *reason)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = lateral_store_open (NULL, &error);
  g_autoptr(GPtrArray) aside = files_with_prefix ("lateral.db.corrupt-");
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(LateralProfile) profile = NULL;
  g_autofree char *kept = NULL;
  gsize kept_length;
  const char *message;

  g_assert_no_error (error);
  message = lateral_store_get_recovery_message (store);
  g_test_message ("%s", message);
  g_assert_nonnull (message);
  g_assert_nonnull (strstr (message, reason));

  /* The main file went aside (its -wal/-shm, if any, follow it). */
  g_assert_cmpuint (aside->len, >=, 1);
  g_assert_true (g_regex_match_simple ("lateral\\.db\\.corrupt-[0-9]{8}-[0-9]{6}$",
                                       aside->pdata[0], 0, 0));
  g_assert_nonnull (strstr (message, aside->pdata[0]));
  g_assert_true (g_file_get_contents (aside->pdata[0], &kept, &kept_length, NULL));
  g_assert_cmpmem (kept, kept_length, old_contents, old_length);

  profiles = lateral_store_list_profiles (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (profiles->len, ==, 0);
  profile = lateral_store_ensure_profile (store, "Fresh", &error);
  g_assert_no_error (error);
}

static void
test_not_sqlite (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *junk = g_strnfill (4096, 'x');

  write_file (path, junk, -1);
  assert_moved_aside (junk, strlen (junk), "not a SQLite database");
}

static void
test_tiny_file (void)
{
  g_autofree char *path = db_path ();
  const char header[] = "SQLite format 3";

  write_file (path, header, sizeof header);
  assert_moved_aside (header, sizeof header, "not a SQLite database");
}

static void
test_truncated (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *contents = NULL;
  gsize length;

  make_database (path, 300);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, 8 * 4096);
  length = length / 2 + 100;
  write_file (path, contents, length);
  assert_moved_aside (contents, length, "could not be read");
}

static void
test_integrity_fails (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *contents = NULL;
  gsize length;

  make_database (path, 300);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  /* Scribble over the middle of a b-tree page past the schema page. */
  memset (contents + 3 * 4096 + 16, 0x5a, 600);
  write_file (path, contents, length);
  assert_moved_aside (contents, length, "could not be read");
}

static void
test_other_program (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *dir = data_dir ();
  g_autofree char *contents = NULL;
  gsize length;
  sqlite3 *db = NULL;

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (lateral_store_exec_db (db, "CREATE TABLE notes (text TEXT)", NULL));
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  assert_moved_aside (contents, length, "another program");
}

static void
test_newer_version (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GPtrArray) aside = NULL;
  gsize before_length, after_length;
  sqlite3 *db = NULL;

  make_database (path, 3);
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_true (lateral_store_exec_db (db, "PRAGMA user_version = 99", NULL));
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &before, &before_length, NULL));

  store = lateral_store_open (NULL, &error);
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NEWER_VERSION);
  g_assert_null (store);
  g_test_message ("%s", error->message);
  g_assert_nonnull (strstr (error->message, path));

  /* Left alone: same bytes, nothing moved aside. */
  g_assert_true (g_file_get_contents (path, &after, &after_length, NULL));
  g_assert_cmpmem (before, before_length, after, after_length);
  aside = files_with_prefix ("lateral.db.");
  g_assert_cmpuint (aside->len, ==, 0);
}

static void
test_backups (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *dir = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autofree char *forced = NULL;

  /* An empty database is not worth a backup. */
  store = lateral_store_open (NULL, &error);
  g_assert_no_error (error);
  backups = lateral_store_list_backups (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (backups->len, ==, 0);
  g_clear_pointer (&backups, g_ptr_array_unref);
  g_clear_object (&store);

  make_database (path, 2);
  store = lateral_store_open (NULL, &error);
  g_assert_no_error (error);
  backups = lateral_store_list_backups (store, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_pointer (&backups, g_ptr_array_unref);
  g_clear_object (&store);

  /* At most one a day. */
  store = lateral_store_open (NULL, &error);
  g_assert_no_error (error);
  backups = lateral_store_list_backups (store, &error);
  g_assert_cmpuint (backups->len, ==, 1);
  g_clear_pointer (&backups, g_ptr_array_unref);

  /* The last 7 are kept. */
  dir = lateral_store_backup_dir (path);
  for (guint day = 1; day <= 9; day++)
    {
      g_autofree char *name = g_strdup_printf ("lateral-202001%02u-120000.db", day);
      g_autofree char *old = g_build_filename (dir, name, NULL);

      write_file (old, "old", -1);
    }
  g_usleep (G_USEC_PER_SEC + 1000);
  forced = lateral_store_backup (store, TRUE, &error);
  g_assert_no_error (error);
  g_assert_nonnull (forced);
  backups = lateral_store_list_backups (store, &error);
  g_assert_cmpuint (backups->len, ==, 7);
  g_assert_cmpstr (backups->pdata[6], ==, forced);
  g_assert_true (g_str_has_suffix (backups->pdata[0], "lateral-20200105-120000.db"));
}

static void
test_restore (void)
{
  g_autofree char *path = db_path ();
  g_autofree char *backup = NULL;
  g_autofree char *kept_as = NULL;
  g_autofree char *junk_path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GPtrArray) profiles = NULL;
  g_autoptr(LateralProfile) ana = NULL;
  g_autoptr(LateralProfile) ben = NULL;

  store = lateral_store_open (NULL, &error);
  ana = lateral_store_ensure_profile (store, "Ana", &error);
  g_assert_no_error (error);
  backup = lateral_store_backup (store, TRUE, &error);
  g_assert_no_error (error);
  ben = lateral_store_ensure_profile (store, "Ben", &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  /* Something that is not a database is refused, and nothing changes. */
  junk_path = g_build_filename (g_get_tmp_dir (), "not-a-backup.db", NULL);
  write_file (junk_path, "nothing to see", -1);
  g_assert_false (lateral_store_restore (NULL, junk_path, &kept_as, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_A_DATABASE);
  g_clear_error (&error);
  g_assert_null (kept_as);
  g_assert_false (lateral_store_restore (NULL, "/nonexistent/file.db", &kept_as, &error));
  g_assert_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND);
  g_clear_error (&error);

  store = lateral_store_open (NULL, &error);
  profiles = lateral_store_list_profiles (store, &error);
  g_assert_cmpuint (profiles->len, ==, 2);
  g_clear_pointer (&profiles, g_ptr_array_unref);
  g_clear_object (&store);

  g_assert_true (lateral_store_restore (NULL, backup, &kept_as, &error));
  g_assert_no_error (error);
  g_assert_nonnull (kept_as);
  g_assert_true (g_str_has_prefix (kept_as, path));
  g_assert_nonnull (strstr (kept_as, ".before-restore-"));
  g_assert_true (g_file_test (kept_as, G_FILE_TEST_IS_REGULAR));

  store = lateral_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_null (lateral_store_get_recovery_message (store));
  profiles = lateral_store_list_profiles (store, &error);
  g_assert_cmpuint (profiles->len, ==, 1);
  g_assert_cmpstr (((LateralProfile *) profiles->pdata[0])->uuid, ==, ana->uuid);
}

static void
test_message_names_backup (void)
{
  g_autofree char *path = db_path ();
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralStore) store = NULL;
  g_autofree char *backup = NULL;

  make_database (path, 1);
  store = lateral_store_open (NULL, &error);
  g_assert_no_error (error);
  backup = lateral_store_backup (store, TRUE, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  write_file (path, "garbage that is not SQLite, long enough to be more than a header ........"
                    "..........................................................................", -1);
  store = lateral_store_open (NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (lateral_store_get_recovery_message (store), backup));
  g_assert_nonnull (strstr (lateral_store_get_recovery_message (store), "lateral-cli restore"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);

  g_test_add_func ("/store/recovery/not-sqlite", test_not_sqlite);
  g_test_add_func ("/store/recovery/tiny-file", test_tiny_file);
  g_test_add_func ("/store/recovery/truncated", test_truncated);
  g_test_add_func ("/store/recovery/integrity-fails", test_integrity_fails);
  g_test_add_func ("/store/recovery/other-program", test_other_program);
  g_test_add_func ("/store/recovery/newer-version", test_newer_version);
  g_test_add_func ("/store/recovery/message-names-backup", test_message_names_backup);
  g_test_add_func ("/store/backups", test_backups);
  g_test_add_func ("/store/restore", test_restore);

  return g_test_run ();
}
