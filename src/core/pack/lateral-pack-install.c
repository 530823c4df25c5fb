/* lateral-pack-install.c: adding a user's pack file to this computer, and
 * removing it
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An installed pack is the author's file, byte for byte, saved as
 * $XDG_DATA_HOME/lateral/packs/<id>.json, so the registry finds it by the
 * same rules as every other pack and one id has one file. Its images go
 * next to it under the same relative paths; only the images the pack names
 * are copied (they were checked to be inside the pack's folder when it was
 * loaded). Removing a pack deletes its JSON file only: an image may be
 * shared with another pack, and recorded results are in the database,
 * untouched.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lateral-pack-archive.h"
#include "lateral-pack-install.h"
#include "lateral-version.h"

/**
 * lateral_pack_install_get_user_dir:
 *
 * Returns: (transfer full): the folder of the user's own packs
 */
char *
lateral_pack_install_get_user_dir (void)
{
  return g_build_filename (g_get_user_data_dir (), "lateral", "packs", NULL);
}

/**
 * lateral_pack_install_check:
 * @out_installed: (out) (optional) (transfer none): the pack with the same id
 *   the registry offers now, or %NULL
 *
 * Returns: how installing @pack compares with what is available
 */
LateralPackInstallKind
lateral_pack_install_check (LateralPackRegistry  *registry,
                            LateralPack          *pack,
                            LateralPack         **out_installed)
{
  LateralPack *installed;
  int cmp;

  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (registry), LATERAL_PACK_INSTALL_NEW);
  g_return_val_if_fail (LATERAL_IS_PACK (pack), LATERAL_PACK_INSTALL_NEW);

  installed = lateral_pack_registry_lookup (registry, lateral_pack_get_id (pack));
  if (out_installed != NULL)
    *out_installed = installed;
  if (installed == NULL)
    return LATERAL_PACK_INSTALL_NEW;

  cmp = lateral_version_compare (lateral_pack_get_version (pack), lateral_pack_get_version (installed));
  if (cmp > 0)
    return LATERAL_PACK_INSTALL_UPGRADE;
  if (cmp == 0)
    return LATERAL_PACK_INSTALL_SAME;
  return LATERAL_PACK_INSTALL_DOWNGRADE;
}

static gboolean
copy_image (const char  *pack_folder,
            const char  *image_path,
            const char  *user_dir,
            gboolean     may_replace,
            GError     **error)
{
  g_autofree char *prefix = g_strconcat (pack_folder, G_DIR_SEPARATOR_S, NULL);
  g_autofree char *target = NULL;
  g_autofree char *target_folder = NULL;
  g_autoptr(GFile) source = NULL;
  g_autoptr(GFile) destination = NULL;
  const char *relative;

  /* The loader resolved it inside the pack's folder; keep it that way. */
  if (!g_str_has_prefix (image_path, prefix))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_FILENAME,
                   _("The image “%s” is not inside the pack's folder"), image_path);
      return FALSE;
    }
  relative = image_path + strlen (prefix);
  target = g_build_filename (user_dir, relative, NULL);

  if (!may_replace && g_file_test (target, G_FILE_TEST_EXISTS))
    {
      g_autofree char *ours = NULL;
      g_autofree char *theirs = NULL;
      gsize ours_len = 0, theirs_len = 0;

      /* Another pack's image of the same name must not be overwritten. */
      if (!g_file_get_contents (image_path, &ours, &ours_len, NULL) ||
          !g_file_get_contents (target, &theirs, &theirs_len, NULL) ||
          ours_len != theirs_len || memcmp (ours, theirs, ours_len) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                       _("Another case already has a different image called “%s”: keep this pack's images in a folder named after the pack"),
                       relative);
          return FALSE;
        }
      return TRUE;
    }

  target_folder = g_path_get_dirname (target);
  if (g_mkdir_with_parents (target_folder, 0755) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), target_folder, g_strerror (saved_errno));
      return FALSE;
    }

  source = g_file_new_for_path (image_path);
  destination = g_file_new_for_path (target);
  return g_file_copy (source, destination, G_FILE_COPY_OVERWRITE, NULL, NULL, NULL, error);
}

/**
 * lateral_pack_install:
 * @pack: a pack loaded from its file
 * @out_filename: (out) (optional) (transfer full): where it was copied
 *
 * Copies @pack (and the images it names) into the user's pack folder,
 * replacing a user pack with the same id. Ask the user first when
 * lateral_pack_install_check() says anything but NEW. The registry is not
 * reloaded: call lateral_pack_registry_load() after.
 *
 * Returns: %FALSE with @error set when nothing could be copied
 */
gboolean
lateral_pack_install (LateralPackRegistry  *registry,
                      LateralPack          *pack,
                      char                **out_filename,
                      GError              **error)
{
  g_autofree char *user_dir = lateral_pack_install_get_user_dir ();
  g_autofree char *name = NULL;
  g_autofree char *target = NULL;
  g_autofree char *pack_folder = NULL;
  g_autofree char *contents = NULL;
  LateralPack *installed = NULL;
  gboolean replaces_user_pack;
  gsize length;

  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (registry), FALSE);
  g_return_val_if_fail (LATERAL_IS_PACK (pack), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  lateral_pack_install_check (registry, pack, &installed);
  replaces_user_pack = installed != NULL && lateral_pack_get_origin (installed) == LATERAL_PACK_ORIGIN_USER;

  name = g_strconcat (lateral_pack_get_id (pack), ".json", NULL);
  target = g_build_filename (user_dir, name, NULL);
  if (g_strcmp0 (lateral_pack_get_filename (pack), target) == 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS, _("This pack is already installed"));
      return FALSE;
    }

  if (g_mkdir_with_parents (user_dir, 0755) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not create the folder %s: %s"), user_dir, g_strerror (saved_errno));
      return FALSE;
    }

  /* The images first: a pack whose images are missing would not load. */
  pack_folder = g_path_get_dirname (lateral_pack_get_filename (pack));
  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);

      if (step->image != NULL &&
          !copy_image (pack_folder, step->image->path, user_dir, replaces_user_pack, error))
        return FALSE;
    }

  /* The exact bytes that were validated, written atomically. */
  if (!g_file_get_contents (lateral_pack_get_filename (pack), &contents, &length, error) ||
      !g_file_set_contents_full (target, contents, length, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error))
    return FALSE;

  /* A user pack of this id saved under another name would shadow this one. */
  if (replaces_user_pack && g_strcmp0 (lateral_pack_get_filename (installed), target) != 0)
    g_unlink (lateral_pack_get_filename (installed));

  if (out_filename != NULL)
    *out_filename = g_steal_pointer (&target);
  return TRUE;
}

/**
 * lateral_pack_uninstall:
 * @pack: a pack of the user's (origin %LATERAL_PACK_ORIGIN_USER)
 *
 * Deletes the pack's file. Results recorded with it stay in the database.
 * The registry is not reloaded: call lateral_pack_registry_load() after.
 *
 * Returns: %FALSE with @error set when the pack is not the user's or the
 *   file could not be deleted
 */
gboolean
lateral_pack_uninstall (LateralPack  *pack,
                        GError      **error)
{
  g_autofree char *user_dir = lateral_pack_install_get_user_dir ();
  g_autofree char *folder = NULL;
  const char *filename;

  g_return_val_if_fail (LATERAL_IS_PACK (pack), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  filename = lateral_pack_get_filename (pack);
  folder = g_path_get_dirname (filename);
  /* Built-in and school-wide packs belong to whoever installed them. */
  if (lateral_pack_get_origin (pack) != LATERAL_PACK_ORIGIN_USER || g_strcmp0 (folder, user_dir) != 0)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                   _("“%s” came with Lateral or from your school and cannot be removed here"),
                   lateral_pack_get_title (pack));
      return FALSE;
    }

  if (g_unlink (filename) != 0)
    {
      int saved_errno = errno;
      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved_errno),
                   _("Could not remove %s: %s"), filename, g_strerror (saved_errno));
      return FALSE;
    }
  return TRUE;
}

/**
 * lateral_pack_install_is_archive:
 *
 * Returns: whether @filename is a .lateral archive rather than a pack's
 *   JSON file: by its name, or by the zip signature at its start
 */
gboolean
lateral_pack_install_is_archive (const char *filename)
{
  char magic[4] = { 0 };
  FILE *file;
  gboolean zip = FALSE;

  g_return_val_if_fail (filename != NULL, FALSE);

  if (g_str_has_suffix (filename, LATERAL_PACK_ARCHIVE_SUFFIX))
    return TRUE;
  file = g_fopen (filename, "rb");
  if (file != NULL)
    {
      zip = fread (magic, 1, sizeof magic, file) == sizeof magic && memcmp (magic, "PK\003\004", 4) == 0;
      fclose (file);
    }
  return zip;
}

static LateralPack *
load_checked (const char  *filename,
              const char  *shown_name,
              GPtrArray  **diagnostics,
              GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  LateralPack *pack = lateral_pack_load_file (filename, diagnostics, &local_error);

  if (pack == NULL)
    g_set_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID,
                 _("%s is not a case Lateral can use: %s"), shown_name, local_error->message);
  return pack;
}

static void
remove_folder (gpointer folder)
{
  lateral_pack_archive_remove_folder (folder);
  g_free (folder);
}

/**
 * lateral_pack_install_open:
 * @filename: a pack's .json file, or a .lateral archive
 * @diagnostics: (out) (optional) (transfer full): the problems of an
 *   invalid pack, as lateral_pack_load_file() gives them
 *
 * Loads and validates the case in @filename, to show it or ask about it
 * before lateral_pack_install(). An archive is unpacked (within its limits)
 * into a temporary folder that lives as long as the returned pack. Blocking:
 * call it from a worker thread in the app.
 *
 * Returns: (transfer full): the pack, or %NULL with @error set
 */
LateralPack *
lateral_pack_install_open (const char    *filename,
                           GCancellable  *cancellable,
                           GPtrArray    **diagnostics,
                           GError       **error)
{
  g_autofree char *folder = NULL;
  g_autoptr(GPtrArray) files = NULL;
  LateralPack *pack;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!lateral_pack_install_is_archive (filename))
    return load_checked (filename, filename, diagnostics, error);

  folder = lateral_pack_archive_extract (filename, cancellable, error);
  if (folder == NULL)
    return NULL;
  files = lateral_pack_archive_list_packs (folder, error);
  if (files != NULL && files->len > 1)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                 _("%s holds %u case files; a .lateral archive holds one case"), filename, files->len);
  pack = files != NULL && files->len == 1
         ? load_checked (g_ptr_array_index (files, 0), filename, diagnostics, error)
         : NULL;
  if (pack == NULL)
    {
      lateral_pack_archive_remove_folder (folder);
      return NULL;
    }
  g_object_set_data_full (G_OBJECT (pack), "lateral-archive-folder", g_steal_pointer (&folder), remove_folder);
  return pack;
}

/**
 * lateral_pack_install_file:
 * @filename: a pack's .json file, or a .lateral archive
 * @allow_downgrade: whether to replace a newer version of the same case
 * @out_kind: (out) (optional): how it compared with what was available
 * @diagnostics: (out) (optional) (transfer full): the problems of an
 *   invalid pack, as lateral_pack_load_file() gives them
 *
 * Opens and installs a case in one go, for `lateral-cli pack install`:
 * lateral_pack_install_open(), a refusal to go back to an older version
 * unless @allow_downgrade, then lateral_pack_install(). The app makes the
 * same calls with a question in between. The registry is not reloaded.
 *
 * Returns: (transfer full): the pack as it was validated, or %NULL with
 *   @error set and nothing installed
 */
LateralPack *
lateral_pack_install_file (LateralPackRegistry     *registry,
                           const char              *filename,
                           gboolean                 allow_downgrade,
                           LateralPackInstallKind  *out_kind,
                           GPtrArray              **diagnostics,
                           GCancellable            *cancellable,
                           GError                 **error)
{
  g_autoptr(LateralPack) pack = NULL;
  LateralPack *installed = NULL;
  LateralPackInstallKind kind;

  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (registry), NULL);
  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  pack = lateral_pack_install_open (filename, cancellable, diagnostics, error);
  if (pack == NULL)
    return NULL;

  kind = lateral_pack_install_check (registry, pack, &installed);
  if (out_kind != NULL)
    *out_kind = kind;
  if (kind == LATERAL_PACK_INSTALL_DOWNGRADE && !allow_downgrade)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("A newer version of “%s” is already available (%s, this file has %s); nothing was installed"),
                   lateral_pack_get_title (pack), lateral_pack_get_version (installed),
                   lateral_pack_get_version (pack));
      return NULL;
    }
  if (!lateral_pack_install (registry, pack, NULL, error))
    return NULL;
  return g_steal_pointer (&pack);
}
