/* lateral-answer-line.c: the grammar of one answer line of `lateral-cli play`
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The line is how a terminal or a script answers a claim
 * (`VERDICT CERTAINTY [MOVE,MOVE…]`): a matter of the command line, not of
 * playing a case, so it lives with the CLI while the rules of an answer
 * stay in the core's LateralPlay. It is its own small library so the unit
 * test and the fuzzer reach it without running the CLI.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "play/lateral-scoring.h"
#include "lateral-answer-line.h"

/* Longer than any line a person or a script writes for one claim; it keeps
 * the parser's work bounded on hostile input. */
#define MAX_LINE_LENGTH 4096

G_DEFINE_QUARK (lateral-answer-line-error-quark, lateral_answer_line_error)

static gboolean
parse_error (GError     **error,
             const char  *format,
             ...) G_GNUC_PRINTF (2, 3);

static gboolean
parse_error (GError     **error,
             const char  *format,
             ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (LATERAL_ANSWER_LINE_ERROR, LATERAL_ANSWER_LINE_ERROR_INVALID, format, args));
  va_end (args);

  return FALSE;
}

/**
 * lateral_answer_line_parse:
 * @line: `VERDICT CERTAINTY [MOVE,MOVE…]`, e.g. `misleading 2 reverse-image,find-original`
 *
 * Reads one answer as `lateral-cli play` takes it from a script. The
 * verdict is one of true, false, misleading, unverified (any case); the
 * certainty 1, 2 or 3. Whether the moves belong to the claim is checked by
 * lateral_play_answer(). The outputs are set only on success.
 */
gboolean
lateral_answer_line_parse (const char       *line,
                           LateralVerdict   *out_verdict,
                           int              *out_certainty,
                           char           ***out_moves,
                           GError          **error)
{
  g_autofree char *copy = NULL;
  g_autofree char *lower = NULL;
  g_auto(GStrv) tokens = NULL;
  g_autoptr(GPtrArray) words = g_ptr_array_new ();
  g_auto(GStrv) moves = NULL;
  LateralVerdict verdict;

  g_return_val_if_fail (line != NULL, FALSE);
  g_return_val_if_fail (out_verdict != NULL && out_certainty != NULL && out_moves != NULL, FALSE);

  if (strlen (line) > MAX_LINE_LENGTH)
    return parse_error (error, _("The line is longer than %d bytes"), MAX_LINE_LENGTH);
  if (!g_utf8_validate (line, -1, NULL))
    return parse_error (error, _("The line is not valid UTF-8 text"));

  copy = g_strstrip (g_strdup (line));
  tokens = g_strsplit_set (copy, " \t\r\n", -1);
  for (guint i = 0; tokens[i] != NULL; i++)
    {
      if (*tokens[i] != '\0')
        g_ptr_array_add (words, tokens[i]);
    }

  if (words->len == 0)
    return parse_error (error, _("The line is empty: expected VERDICT CERTAINTY [MOVE,MOVE…]"));
  if (words->len == 1)
    return parse_error (error, _("A certainty (1, 2 or 3) must follow the verdict"));
  if (words->len > 3)
    return parse_error (error, _("Too many words: expected VERDICT CERTAINTY [MOVE,MOVE…], "
                                 "with the moves separated by commas and no spaces"));

  lower = g_ascii_strdown (words->pdata[0], -1);
  if (!lateral_verdict_from_string (lower, &verdict))
    return parse_error (error, _("“%s” is not a verdict: use true, false, misleading or unverified"),
                        (const char *) words->pdata[0]);

  if (strlen (words->pdata[1]) != 1 || strchr ("123", *(const char *) words->pdata[1]) == NULL)
    return parse_error (error, _("“%s” is not a certainty: use 1, 2 or 3"),
                        (const char *) words->pdata[1]);

  if (words->len == 3)
    {
      moves = g_strsplit (words->pdata[2], ",", -1);
      for (guint i = 0; moves[i] != NULL; i++)
        {
          if (*moves[i] == '\0')
            return parse_error (error, _("An empty move in “%s”: separate move ids with single commas"),
                                (const char *) words->pdata[2]);
        }
    }
  else
    {
      moves = g_new0 (char *, 1);
    }

  *out_verdict = verdict;
  *out_certainty = *(const char *) words->pdata[1] - '0';
  *out_moves = g_steal_pointer (&moves);

  return TRUE;
}
