/* bench-util.c
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "bench-util.h"

#include <glib/gstdio.h>

char *
bench_fresh_dir (void)
{
  g_autofree char *template = g_build_filename (g_get_user_data_dir (), "lateral-bench-XXXXXX", NULL);
  char *dir;

  g_assert_cmpint (g_mkdir_with_parents (g_get_user_data_dir (), 0700), ==, 0);
  dir = g_mkdtemp (g_steal_pointer (&template));
  g_assert_nonnull (dir);
  return dir;
}

void
bench_remove_tree (const char *dir)
{
  g_autoptr(GDir) gdir = g_dir_open (dir, 0, NULL);
  const char *name;

  while (gdir != NULL && (name = g_dir_read_name (gdir)) != NULL)
    {
      g_autofree char *path = g_build_filename (dir, name, NULL);

      if (g_file_test (path, G_FILE_TEST_IS_DIR))
        bench_remove_tree (path);
      else
        g_remove (path);
    }
  g_rmdir (dir);
}

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *) a, y = *(const double *) b;

  return (x > y) - (x < y);
}

double
bench_median (GArray *values)
{
  g_assert (values->len > 0);
  g_array_sort (values, compare_doubles);
  return g_array_index (values, double, values->len / 2);
}
