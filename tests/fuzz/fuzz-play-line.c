/* fuzz-play-line.c: libFuzzer target for lateral_answer_line_parse
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `lateral-cli play` feeds it every line a script sends. Any bytes must give
 * an answer or a parse error: never a crash, a hang, a leak or undefined
 * behaviour; on success the outputs are sane.
 */
#include "config.h"

#include "lateral-answer-line.h"
#include "play/lateral-scoring.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autofree char *line = g_strndup ((const char *) data, size);
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) moves = NULL;
  LateralVerdict verdict;
  int certainty;

  if (lateral_answer_line_parse (line, &verdict, &certainty, &moves, &error))
    {
      g_assert (error == NULL);
      g_assert ((guint) verdict < LATERAL_N_VERDICTS);
      g_assert (certainty >= LATERAL_CERTAINTY_MIN && certainty <= LATERAL_CERTAINTY_MAX);
      g_assert (moves != NULL);
      for (guint i = 0; moves[i] != NULL; i++)
        g_assert (moves[i][0] != '\0' && g_utf8_validate (moves[i], -1, NULL));
      return 0;
    }

  g_assert (error != NULL && error->domain == LATERAL_ANSWER_LINE_ERROR);
  g_assert (g_utf8_validate (error->message, -1, NULL));
  return 0;
}
