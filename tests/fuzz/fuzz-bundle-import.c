/* fuzz-bundle-import.c: libFuzzer target for lateral_bundle_import_file
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes given as a results bundle must be imported or rejected whole:
 * never a crash, a hang, a leak or undefined behaviour. Each input goes
 * through the real entry point (a file, read and checked, merged into a
 * store) twice: the second import of the same bundle must add nothing.
 *
 * Speed: the file lives in a private folder under /dev/shm where there is
 * one, and the store is a fresh in-memory SQLite database per input, so an
 * iteration costs no disk write and no input sees another's rows.
 */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "lateral-bundle.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *bundle_path;

static void
remove_work_dir (void)
{
  g_autofree char *dir = g_path_get_dirname (bundle_path);

  g_remove (bundle_path);
  g_rmdir (dir);
}

static const char *
work_file (void)
{
  g_autofree char *dir = NULL;

  if (bundle_path != NULL)
    return bundle_path;

  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    dir = g_mkdtemp (g_strdup ("/dev/shm/lateral-fuzz-XXXXXX"));
  if (dir == NULL)
    dir = g_dir_make_tmp ("lateral-fuzz-XXXXXX", NULL);
  g_assert (dir != NULL);
  bundle_path = g_build_filename (dir, "bundle.json", NULL);
  atexit (remove_work_dir);

  return bundle_path;
}

static void
write_file (const char   *path,
            const guint8 *data,
            size_t        size)
{
  FILE *file = fopen (path, "wb");

  g_assert (file != NULL);
  g_assert (size == 0 || fwrite (data, 1, size, file) == size);
  g_assert (fclose (file) == 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static const char * const packs[] = { "io.github.lateral.prank-call", NULL };
  const char *path = work_file ();
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LateralImportResult first = { 0 };
  LateralImportResult again = { 0 };
  gboolean imported;

  write_file (path, data, size);
  store = lateral_store_open (":memory:", &error);
  g_assert (store != NULL);

  imported = lateral_bundle_import_file (store, path, packs, &first, &error);
  g_assert (first.rejections != NULL);
  if (!imported)
    {
      g_assert (error != NULL && error->domain == LATERAL_BUNDLE_ERROR);
      g_assert (g_utf8_validate (error->message, -1, NULL));
      g_assert (first.n_added == 0 && first.rejections->len == 0);
      lateral_import_result_clear (&first);
      return 0;
    }

  g_assert (error == NULL);
  g_assert (first.rejections->len == first.n_rejected);
  g_assert (first.n_pack_missing <= first.n_added);

  /* Merging is idempotent: nothing new the second time. */
  g_assert (lateral_bundle_import_file (store, path, packs, &again, &error));
  g_assert (again.n_added == 0 && again.n_updated == 0);
  lateral_import_result_clear (&first);
  lateral_import_result_clear (&again);
  return 0;
}
