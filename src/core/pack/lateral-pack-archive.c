/* lateral-pack-archive.c: writing and unpacking .lateral archives
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Writing: the pack's JSON bytes as validated, then each image it names,
 * with fixed times and modes so one pack always gives the same archive.
 *
 * Reading trusts nothing an archive says about itself. Sizes are counted
 * from the bytes actually unpacked, not the headers; only regular files and
 * folders are accepted (no symbolic or hard links, devices or FIFOs); names
 * must be relative, without "..", empty or "." parts, backslashes or
 * control characters; and the whole is bounded by the limits in the header.
 * Files are created with O_EXCL | O_NOFOLLOW inside a new temporary folder,
 * so nothing already on disk is ever written through.
 */
#include "config.h"

#include <archive.h>
#include <archive_entry.h>
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lateral-pack-archive.h"

/* 1980-01-01, the first time a zip header can hold: reproducible archives. */
#define FIXED_MTIME 315532800

typedef struct archive_entry LateralArchiveEntry;
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralArchiveEntry, archive_entry_free)

static gboolean
archive_failed (struct archive  *a,
                const char      *filename,
                GError         **error)
{
  const char *why = archive_error_string (a);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("%s: %s"), filename,
               why != NULL ? why : _("the archive could not be read or written"));
  return FALSE;
}

static gboolean
add_file (struct archive  *a,
          const char      *name,
          const char      *path,
          const char      *archive_name,
          GError         **error)
{
  g_autoptr(LateralArchiveEntry) entry = archive_entry_new ();
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    return FALSE;

  archive_entry_set_pathname (entry, name);
  archive_entry_set_filetype (entry, AE_IFREG);
  archive_entry_set_perm (entry, 0644);
  archive_entry_set_size (entry, (la_int64_t) length);
  archive_entry_set_mtime (entry, FIXED_MTIME, 0);
  if (archive_write_header (a, entry) != ARCHIVE_OK ||
      archive_write_data (a, contents, length) != (la_ssize_t) length)
    return archive_failed (a, archive_name, error);
  return TRUE;
}

/**
 * lateral_pack_archive_write:
 * @pack: a pack loaded from its file
 * @filename: the archive to write; by convention it ends in ".lateral"
 *
 * Writes @pack's JSON file, under the name "ID.json", and the images it
 * names into a zip archive. The archive is written next to @filename and
 * renamed into place, so a failure never leaves half an archive.
 */
gboolean
lateral_pack_archive_write (LateralPack   *pack,
                            const char    *filename,
                            GCancellable  *cancellable,
                            GError       **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *json_name = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GHashTable) written = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  struct archive *a;
  gboolean ok = FALSE;
  int fd;

  g_return_val_if_fail (LATERAL_IS_PACK (pack), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);

  temp = g_strconcat (filename, ".XXXXXX", NULL);
  fd = g_mkstemp_full (temp, O_WRONLY | O_CLOEXEC, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), filename, g_strerror (saved_errno));
      return FALSE;
    }

  a = archive_write_new ();
  if (archive_write_set_format_zip (a) != ARCHIVE_OK ||
      archive_write_zip_set_compression_deflate (a) != ARCHIVE_OK ||
      archive_write_open_fd (a, fd) != ARCHIVE_OK)
    {
      archive_failed (a, filename, error);
      goto out;
    }

  json_name = g_strconcat (lateral_pack_get_id (pack), ".json", NULL);
  if (!add_file (a, json_name, lateral_pack_get_filename (pack), filename, error))
    goto out;

  folder = g_path_get_dirname (lateral_pack_get_filename (pack));
  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);
      g_autofree char *prefix = g_strconcat (folder, G_DIR_SEPARATOR_S, NULL);
      const char *relative;

      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        goto out;
      if (step->image == NULL)
        continue;
      /* The loader resolved every image inside the pack's folder. */
      if (!g_str_has_prefix (step->image->path, prefix))
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                       _("The image “%s” is not inside the pack's folder"), step->image->path);
          goto out;
        }
      relative = step->image->path + strlen (prefix);
      if (g_hash_table_contains (written, relative))
        continue;
      if (!add_file (a, relative, step->image->path, filename, error))
        goto out;
      g_hash_table_add (written, g_strdup (relative));
    }

  if (archive_write_close (a) != ARCHIVE_OK)
    {
      archive_failed (a, filename, error);
      goto out;
    }
  if (fsync (fd) != 0 || g_rename (temp, filename) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), filename, g_strerror (saved_errno));
      goto out;
    }
  ok = TRUE;

out:
  archive_write_free (a);
  close (fd);
  if (!ok)
    g_unlink (temp);
  return ok;
}

/* A name inside the archive that can only land inside the target folder. */
static gboolean
safe_entry_name (const char *name)
{
  g_auto(GStrv) parts = NULL;

  if (name == NULL || *name == '\0' || strlen (name) > LATERAL_PACK_ARCHIVE_MAX_PATH ||
      !g_utf8_validate (name, -1, NULL) || name[0] == '/' || strchr (name, '\\') != NULL)
    return FALSE;
  /* "C:" and the like mean a drive to some unzip tools. */
  if (g_ascii_isalpha (name[0]) && name[1] == ':')
    return FALSE;
  for (const char *p = name; *p != '\0'; p++)
    if ((guchar) *p < 0x20 || *p == 0x7f)
      return FALSE;

  parts = g_strsplit (name, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      /* A trailing "/" (a folder entry) leaves one empty last part. */
      if (parts[i][0] == '\0' && parts[i + 1] == NULL && i > 0)
        break;
      if (parts[i][0] == '\0' || g_str_equal (parts[i], ".") || g_str_equal (parts[i], ".."))
        return FALSE;
    }
  return TRUE;
}

static gboolean
refuse (GError     **error,
        const char  *filename,
        const char  *format,
        ...) G_GNUC_PRINTF (3, 4);

static gboolean
refuse (GError     **error,
        const char  *filename,
        const char  *format,
        ...)
{
  g_autofree char *why = NULL;
  va_list args;

  va_start (args, format);
  why = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* TRANSLATORS: "FILE: this case archive was refused: REASON" */
               _("%s: this case archive was refused: %s"), filename, why);
  return FALSE;
}

static gboolean
make_parents (const char  *root,
              const char  *name,
              GError     **error)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  g_autofree char *parent = g_path_get_dirname (path);

  if (g_mkdir_with_parents (parent, 0700) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), parent, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

static gboolean
unpack_entry (struct archive  *a,
              const char      *archive_name,
              const char      *root,
              const char      *name,
              goffset          packed_size,
              goffset         *total,
              GCancellable    *cancellable,
              GError         **error)
{
  g_autofree char *path = g_build_filename (root, name, NULL);
  goffset written = 0;
  char buffer[65536];
  gboolean ok = TRUE;
  int fd;

  if (!make_parents (root, name, error))
    return FALSE;
  fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      if (saved_errno == EEXIST)
        return refuse (error, archive_name, _("“%s” appears twice"), name);
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      return FALSE;
    }

  for (;;)
    {
      la_ssize_t n = archive_read_data (a, buffer, sizeof buffer);

      if (n == 0)
        break;
      if (n < 0)
        {
          ok = archive_failed (a, archive_name, error);
          break;
        }
      written += n;
      *total += n;
      if (written > LATERAL_PACK_ARCHIVE_MAX_ENTRY)
        {
          ok = refuse (error, archive_name, _("“%s” unpacks to more than %d MiB"),
                       name, LATERAL_PACK_ARCHIVE_MAX_ENTRY / (1024 * 1024));
          break;
        }
      if (*total > LATERAL_PACK_ARCHIVE_MAX_TOTAL)
        {
          ok = refuse (error, archive_name, _("it unpacks to more than %d MiB"),
                       LATERAL_PACK_ARCHIVE_MAX_TOTAL / (1024 * 1024));
          break;
        }
      /* A zip bomb: far more out than in. Small archives get a floor of 1 MiB. */
      if (*total > 1024 * 1024 && *total > packed_size * LATERAL_PACK_ARCHIVE_MAX_RATIO)
        {
          ok = refuse (error, archive_name,
                       _("it unpacks to more than %d times its own size, as a zip bomb does"),
                       LATERAL_PACK_ARCHIVE_MAX_RATIO);
          break;
        }
      if (write (fd, buffer, (size_t) n) != n)
        {
          int saved_errno = errno;
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                       _("Could not write %s: %s"), path, g_strerror (saved_errno));
          ok = FALSE;
          break;
        }
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
    }

  if (close (fd) != 0 && ok)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not write %s: %s"), path, g_strerror (saved_errno));
      ok = FALSE;
    }
  return ok;
}

/**
 * lateral_pack_archive_remove_folder:
 * @folder: a folder made by lateral_pack_archive_extract()
 *
 * Deletes it and everything in it. It holds only regular files and folders,
 * since extracting refused anything else.
 */
void
lateral_pack_archive_remove_folder (const char *folder)
{
  g_autoptr(GDir) dir = NULL;
  const char *name;

  if (folder == NULL)
    return;
  dir = g_dir_open (folder, 0, NULL);
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
        lateral_pack_archive_remove_folder (path);
      else
        g_unlink (path);
    }
  g_rmdir (folder);
}

/**
 * lateral_pack_archive_extract:
 * @filename: a .lateral archive
 *
 * Unpacks @filename into a new private temporary folder, within the limits
 * of the header. The caller loads the packs found there
 * (lateral_pack_archive_list_packs()), installs them and removes the
 * folder with lateral_pack_archive_remove_folder().
 *
 * Returns: (transfer full): the folder, or %NULL with @error set and
 *   nothing left on disk
 */
char *
lateral_pack_archive_extract (const char    *filename,
                              GCancellable  *cancellable,
                              GError       **error)
{
  g_autofree char *root = NULL;
  struct archive *a = NULL;
  struct archive_entry *entry;
  GStatBuf st;
  goffset total = 0;
  guint n_entries = 0;
  gboolean ok = FALSE;
  int rc;

  g_return_val_if_fail (filename != NULL, NULL);

  if (g_stat (filename, &st) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not read %s: %s"), filename, g_strerror (saved_errno));
      return NULL;
    }
  if (!S_ISREG (st.st_mode))
    {
      refuse (error, filename, _("it is not a regular file"));
      return NULL;
    }

  root = g_dir_make_tmp ("lateral-case-XXXXXX", error);
  if (root == NULL)
    return NULL;

  a = archive_read_new ();
  archive_read_support_format_zip (a);
  archive_read_support_filter_none (a);
  if (archive_read_open_filename (a, filename, 65536) != ARCHIVE_OK)
    {
      refuse (error, filename, _("it is not a zip archive (%s)"),
              archive_error_string (a) != NULL ? archive_error_string (a) : "?");
      goto out;
    }

  while ((rc = archive_read_next_header (a, &entry)) == ARCHIVE_OK)
    {
      const char *name = archive_entry_pathname_utf8 (entry);
      mode_t type = archive_entry_filetype (entry);

      if (name == NULL)
        name = archive_entry_pathname (entry);
      if (++n_entries > LATERAL_PACK_ARCHIVE_MAX_ENTRIES)
        {
          refuse (error, filename, _("it has more than %d entries"), LATERAL_PACK_ARCHIVE_MAX_ENTRIES);
          goto out;
        }
      if (!safe_entry_name (name))
        {
          g_autofree char *shown = g_strescape (name != NULL ? name : "", NULL);
          refuse (error, filename,
                  _("the entry “%s” is not a plain relative name (an absolute path, “..”, or an odd character)"),
                  shown);
          goto out;
        }
      if (archive_entry_symlink (entry) != NULL || archive_entry_hardlink (entry) != NULL ||
          type == AE_IFLNK)
        {
          refuse (error, filename, _("the entry “%s” is a link; a case archive holds only files"), name);
          goto out;
        }
      if (type == AE_IFDIR)
        continue;
      if (type != AE_IFREG)
        {
          refuse (error, filename, _("the entry “%s” is not a regular file"), name);
          goto out;
        }
      if (!unpack_entry (a, filename, root, name, st.st_size, &total, cancellable, error))
        goto out;
    }
  if (rc != ARCHIVE_EOF)
    {
      archive_failed (a, filename, error);
      goto out;
    }
  ok = TRUE;

out:
  archive_read_free (a);
  if (!ok)
    {
      lateral_pack_archive_remove_folder (root);
      return NULL;
    }
  return g_steal_pointer (&root);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

/**
 * lateral_pack_archive_list_packs:
 * @folder: a folder made by lateral_pack_archive_extract()
 *
 * Returns: (transfer full) (element-type utf8): the paths of the JSON files
 *   at the top of @folder, sorted, at least one; %NULL with @error set when
 *   there is none
 */
GPtrArray *
lateral_pack_archive_list_packs (const char  *folder,
                                 GError     **error)
{
  g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, error);
  const char *name;

  if (dir == NULL)
    return NULL;
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *path = g_build_filename (folder, name, NULL);

      if (g_str_has_suffix (name, ".json") && g_file_test (path, G_FILE_TEST_IS_REGULAR))
        g_ptr_array_add (files, g_steal_pointer (&path));
    }
  if (files->len == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("The archive holds no case: a .lateral file has the case's .json file at its top"));
      return NULL;
    }
  g_ptr_array_sort (files, compare_strings);
  return g_steal_pointer (&files);
}
