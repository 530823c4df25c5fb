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
          /* Habits and techniques never mix (lateral-pack/2). */
          for (guint h = 0; step->habits[h] != NULL; h++)
            g_assert (lateral_pack_find_habit (pack, step->habits[h]) != NULL &&
                      lateral_pack_find_technique (pack, step->habits[h]) == NULL);
          for (guint m = 0; m < step->moves->len; m++)
            {
              const LateralMove *move = g_ptr_array_index (step->moves, m);

              g_assert (lateral_step_find_move (step, move->id) == move);
              g_assert (lateral_asks_get_question (move->asks) != NULL);
            }
          g_assert (lateral_moment_is_set (&step->as_of_moment));
        }
      if (step->artefact != NULL)
        {
          g_autofree char *text = lateral_artefact_get_accessible_text (step->artefact);

          g_assert (g_utf8_validate (text, -1, NULL));
          g_assert (lateral_pack_find_artefact (pack, step->artefact->id) == step->artefact);
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
      /* A pack that loads may carry warnings (a /1 pack breaking a date
       * rule, a draft's hints), never an error. */
      g_assert (error == NULL && diagnostics->len == lateral_pack_get_warnings (pack)->len);
      for (guint i = 0; i < diagnostics->len; i++)
        g_assert (((LateralDiagnostic *) g_ptr_array_index (diagnostics, i))->severity == LATERAL_DIAGNOSTIC_WARNING);
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
