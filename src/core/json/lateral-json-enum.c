/* lateral-json-enum.c: reading an enumeration's value from its name
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names compare exactly (case and all): they are ids in files, not words
 * a person typed.
 */
#include "config.h"

#include "lateral-json-enum.h"

/**
 * lateral_json_enum_from_name:
 * @names: the names, indexed by value
 * @first: the first value a file may name (a table can hold a name for
 *   "none" that files must not write)
 * @n_names: how many names @names holds
 * @name: (nullable): the name read
 * @out_value: (out) (optional): its value, set only on success
 *
 * Returns: whether @name is the name of a value from @first on
 */
gboolean
lateral_json_enum_from_name (const char * const *names,
                             guint               first,
                             guint               n_names,
                             const char         *name,
                             guint              *out_value)
{
  g_return_val_if_fail (names != NULL, FALSE);

  if (name == NULL)
    return FALSE;

  for (guint i = first; i < n_names; i++)
    {
      if (g_str_equal (name, names[i]))
        {
          if (out_value != NULL)
            *out_value = i;
          return TRUE;
        }
    }
  return FALSE;
}
