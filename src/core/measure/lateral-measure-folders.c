/* lateral-measure-folders.c: where instruments are found
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The same scheme as packs (pack/lateral-pack-registry.c): the built-in
 * folder, the learner's own, then school-wide ones, so an instructor adds an
 * instrument by dropping a file beside the MIST-20. The first folder that
 * holds an id wins: a user cannot silently replace the built-in MIST-20's
 * items, and a broken file is reported, never half used.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "json/lateral-json-files.h"
#include "lateral-measure.h"
#include "pack/lateral-pack-private.h"

/**
 * lateral_measure_get_builtin_dir:
 *
 * Returns: (transfer full): $LATERAL_MEASURES_DIR when set (uninstalled
 *   runs), else the installed PKGDATADIR/measures
 */
char *
lateral_measure_get_builtin_dir (void)
{
  const char *env = g_getenv ("LATERAL_MEASURES_DIR");

  if (env != NULL && env[0] != '\0')
    return g_canonicalize_filename (env, NULL);
  return g_build_filename (PKGDATADIR, "measures", NULL);
}

static GPtrArray *
folders (void)
{
  GPtrArray *result = g_ptr_array_new_with_free_func (g_free);
  const char * const *system_dirs = g_get_system_data_dirs ();
  char *builtin = lateral_measure_get_builtin_dir ();

  g_ptr_array_add (result, builtin);
  g_ptr_array_add (result, g_build_filename (g_get_user_data_dir (), "lateral", "measures", NULL));
  for (guint i = 0; system_dirs[i] != NULL; i++)
    {
      g_autofree char *raw = g_build_filename (system_dirs[i], "lateral", "measures", NULL);
      char *folder = g_canonicalize_filename (raw, NULL);

      if (g_str_equal (folder, builtin))
        g_free (folder);
      else
        g_ptr_array_add (result, folder);
    }
  return result;
}

static void
scan_folder (const char *folder,
             GHashTable *seen,
             GPtrArray  *measures,
             GPtrArray  *problems)
{
  /* Sorted, so the same folder gives the same result on every disk. */
  g_autoptr(GPtrArray) names = lateral_json_list_files (folder, NULL);

  if (names == NULL)
    return;

  for (guint i = 0; i < names->len; i++)
    {
      g_autofree char *path = g_build_filename (folder, g_ptr_array_index (names, i), NULL);
      g_autoptr(GPtrArray) diagnostics = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(LateralMeasure) measure = lateral_measure_load_file (path, &diagnostics, &error);

      if (measure == NULL)
        {
          if (problems != NULL)
            g_ptr_array_add (problems, g_strdup (error->message));
          continue;
        }
      if (g_hash_table_contains (seen, lateral_measure_get_id (measure)))
        continue;
      g_hash_table_add (seen, g_strdup (lateral_measure_get_id (measure)));
      g_ptr_array_add (measures, g_steal_pointer (&measure));
    }
}

/**
 * lateral_measure_list_all:
 * @problems: (out) (optional) (element-type utf8): one message per file that failed
 *
 * Returns: (transfer full) (element-type LateralMeasure): every usable
 *   instrument, by folder then file name
 */
GPtrArray *
lateral_measure_list_all (GPtrArray **problems)
{
  g_autoptr(GPtrArray) dirs = folders ();
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  GPtrArray *measures = g_ptr_array_new_with_free_func (g_object_unref);

  if (problems != NULL)
    *problems = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < dirs->len; i++)
    scan_folder (g_ptr_array_index (dirs, i), seen, measures, problems != NULL ? *problems : NULL);
  return measures;
}

/**
 * lateral_measure_find:
 * @id: such as "mist-20"
 * @error: %LATERAL_MEASURE_ERROR_NOT_FOUND naming the folders looked in
 *
 * Returns: (transfer full) (nullable): the instrument with that id
 */
LateralMeasure *
lateral_measure_find (const char *id,
                      GError    **error)
{
  g_autoptr(GPtrArray) all = NULL;
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(GString) known = g_string_new (NULL);

  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  all = lateral_measure_list_all (&problems);
  for (guint i = 0; i < all->len; i++)
    {
      LateralMeasure *measure = g_ptr_array_index (all, i);

      if (g_str_equal (lateral_measure_get_id (measure), id))
        return g_object_ref (measure);
      g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", lateral_measure_get_id (measure));
    }

  if (known->len == 0)
    g_set_error (error, LATERAL_MEASURE_ERROR, LATERAL_MEASURE_ERROR_NOT_FOUND,
                 _("No instrument “%s”: no instrument is installed"), id);
  else
    g_set_error (error, LATERAL_MEASURE_ERROR, LATERAL_MEASURE_ERROR_NOT_FOUND,
                 _("No instrument “%s”; installed: %s"), id, known->str);
  return NULL;
}
