/* lateral-output-file.c: writing an output file, whole or not at all
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exports, CSV files and reports are written to a temporary file in the
 * same folder and renamed over the target (g_file_set_contents), so a full
 * disk or a crash never leaves half a file. A rename replaces whatever has
 * the name, so a target that is not a regular file is refused first: a
 * FIFO, a device such as /dev/full or a symbolic link would otherwise be
 * replaced by a regular file, and the command report success. It lives
 * with the store, the lowest layer that writes files, so that results/ and
 * report/ can both use it.
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lateral-output-file.h"

/**
 * lateral_output_file_check:
 *
 * Returns: %TRUE when @filename does not exist or is a regular file (not a
 *   symbolic link to one)
 */
gboolean
lateral_output_file_check (const char  *filename,
                           GError     **error)
{
  GStatBuf info;
  const char *what;

  g_return_val_if_fail (filename != NULL, FALSE);

  if (g_lstat (filename, &info) != 0)
    {
      int saved_errno = errno;

      if (saved_errno == ENOENT)
        return TRUE;
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write %s: %s"),
                   filename, g_strerror (saved_errno));
      return FALSE;
    }
  if (S_ISREG (info.st_mode))
    return TRUE;

  if (S_ISLNK (info.st_mode))
    what = _("a symbolic link");
  else if (S_ISFIFO (info.st_mode))
    what = _("a FIFO");
  else if (S_ISCHR (info.st_mode) || S_ISBLK (info.st_mode))
    what = _("a device");
  else if (S_ISDIR (info.st_mode))
    what = _("a folder");
  else
    what = _("something else");
  /* TRANSLATORS: the file name, then what it is ("a FIFO", "a device") */
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_REGULAR_FILE,
               _("Did not write %s: it is %s, not a regular file; give the name of a new or regular file"),
               filename, what);
  return FALSE;
}

/**
 * lateral_output_file_write:
 * @length: of @contents, or -1 when it is nul-terminated
 *
 * Writes @contents to a temporary file beside @filename, then renames it
 * over @filename; refuses targets that are not regular files.
 */
gboolean
lateral_output_file_write (const char  *filename,
                           const char  *contents,
                           gssize       length,
                           GError     **error)
{
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (contents != NULL, FALSE);

  return lateral_output_file_check (filename, error) &&
         g_file_set_contents_full (filename, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}
