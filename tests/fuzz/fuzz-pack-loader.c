/* fuzz-pack-loader.c: libFuzzer target for lateral_pack_load_bytes
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Any bytes must give a pack or a list of problems: never a crash, a hang,
 * a leak or undefined behaviour. Loaded from memory without a file name, so
 * the run never touches the disk.
 */
#include "config.h"

#include "pack/lateral-pack.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static void
walk (LateralPack *pack)
{
  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);

      g_assert (lateral_pack_find_step (pack, step->id) == step);
      if (step->type == LATERAL_STEP_CLAIM)
        {
          g_assert (lateral_step_accepts (step, step->verdict));
          g_assert (step->sources->len > 0);
          for (guint t = 0; step->techniques[t] != NULL; t++)
            g_assert (lateral_pack_find_technique (pack, step->techniques[t]) != NULL);
        }
    }
  g_assert (lateral_version_compare (lateral_pack_get_version (pack),
                                     lateral_pack_get_version (pack)) == 0);
}

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = NULL;

  pack = lateral_pack_load_bytes (bytes, NULL, &diagnostics, &error);
  if (pack != NULL)
    {
      g_assert (error == NULL && diagnostics->len == 0);
      walk (pack);
      return 0;
    }

  g_assert (error != NULL && diagnostics->len > 0);
  for (guint i = 0; i < diagnostics->len; i++)
    {
      g_autofree char *line = lateral_diagnostic_format (g_ptr_array_index (diagnostics, i));

      g_assert (g_utf8_validate (line, -1, NULL));
    }
  return 0;
}
