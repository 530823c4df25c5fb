/* lateral-json-files.c: listing the JSON files of a folder, sorted
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The pack registry and the measures scan folders of .json files; both
 * need the same answer from the same folder on every disk (directory order
 * is arbitrary, and which of two equal packs wins must not depend on it),
 * and neither wants an editor's hidden backup file.
 */
#include "config.h"

#include <string.h>

#include "lateral-json-files.h"

static int
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/**
 * lateral_json_list_files:
 * @folder: the folder to list
 *
 * Returns: (transfer full) (element-type filename): the names (not paths)
 *   of the files in @folder ending in ".json" and not starting with ".",
 *   sorted by byte value; %NULL with @error set when @folder cannot be read
 */
GPtrArray *
lateral_json_list_files (const char  *folder,
                         GError     **error)
{
  g_autoptr(GDir) dir = NULL;
  g_autoptr(GPtrArray) names = NULL;
  const char *name;

  g_return_val_if_fail (folder != NULL, NULL);

  dir = g_dir_open (folder, 0, error);
  if (dir == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  while ((name = g_dir_read_name (dir)) != NULL)
    {
      if (g_str_has_suffix (name, ".json") && name[0] != '.')
        g_ptr_array_add (names, g_strdup (name));
    }
  g_ptr_array_sort (names, compare_names);

  return g_steal_pointer (&names);
}
