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
 * one (made and removed for each input), and the store is a fresh
 * in-memory SQLite database per input, so an iteration costs no disk write
 * and no input sees another's rows.
 */
#include "config.h"

#include <stdio.h>
#include <glib/gstdio.h>

#include "results/lateral-bundle.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

/* A private folder per input, removed before the next one: libFuzzer may
 * end the process with _exit(), past any atexit() handler. */
static char *
make_work_dir (void)
{
  char *dir = NULL;

  if (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR))
    dir = g_mkdtemp (g_strdup ("/dev/shm/lateral-fuzz-XXXXXX"));
  if (dir == NULL)
    dir = g_dir_make_tmp ("lateral-fuzz-XXXXXX", NULL);
  g_assert (dir != NULL);
  return dir;
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

static void
import_twice (const char *path)
{
  static GPtrArray *packs;
  g_autoptr(LateralStore) store = NULL;
  g_autoptr(GError) error = NULL;
  LateralImportResult first = { 0 };
  LateralImportResult again = { 0 };
  gboolean imported;

  /* The built-in case, so that the recomputing and flagging run too. */
  if (packs == NULL)
    {
      packs = g_ptr_array_new_with_free_func (g_object_unref);
      g_ptr_array_add (packs, lateral_pack_load_file (FUZZ_PACK, NULL, &error));
      g_assert (error == NULL);
    }

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
      return;
    }

  g_assert (error == NULL);
  g_assert (first.rejections->len == first.n_rejected);
  g_assert (first.n_flagged <= first.n_added + first.n_updated + first.n_present);
  g_assert (first.n_pack_missing <= first.n_added);

  /* Merging is idempotent: nothing new the second time. */
  g_assert (lateral_bundle_import_file (store, path, packs, &again, &error));
  g_assert (again.n_added == 0 && again.n_updated == 0);
  lateral_import_result_clear (&first);
  lateral_import_result_clear (&again);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *dir = make_work_dir ();
  g_autofree char *path = g_build_filename (dir, "bundle.json", NULL);

  write_file (path, data, size);
  import_twice (path);
  g_remove (path);
  g_rmdir (dir);
  return 0;
}
