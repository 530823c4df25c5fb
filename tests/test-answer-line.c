/* test-answer-line.c: the line `lateral-cli play` reads for each claim,
 * accepted in its spellings and refused with a reason
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "lateral-answer-line.h"

static void
test_answer_line (void)
{
  static const struct {
    const char     *line;
    LateralVerdict  verdict;
    int             certainty;
    const char     *moves;   /* joined with "," */
  } good[] = {
    { "true 1", LATERAL_VERDICT_TRUE, 1, "" },
    { "  False\t3  ", LATERAL_VERDICT_FALSE, 3, "" },
    { "MISLEADING 2 a", LATERAL_VERDICT_MISLEADING, 2, "a" },
    { "unverified 2 second-source,ask-office\r\n", LATERAL_VERDICT_UNVERIFIED, 2, "second-source,ask-office" },
  };
  static const struct {
    const char *line;
    const char *needle;
  } bad[] = {
    { "", "empty" },
    { "   ", "empty" },
    { "true", "certainty" },
    { "maybe 2", "“maybe” is not a verdict" },
    { "true 0", "“0” is not a certainty" },
    { "true 4", "“4” is not a certainty" },
    { "true 22", "“22” is not a certainty" },
    { "true two", "“two” is not a certainty" },
    { "true 2 a,,b", "empty move" },
    { "true 2 a,", "empty move" },
    { "true 2 a, b", "Too many words" },
    { "true 2 a b", "Too many words" },
    { "tru\xff 2", "UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(GStrv) moves = NULL;
      g_autofree char *joined = NULL;
      LateralVerdict verdict;
      int certainty;

      g_assert_true (lateral_answer_line_parse (good[i].line, &verdict, &certainty, &moves, &error));
      g_assert_no_error (error);
      g_assert_cmpint (verdict, ==, good[i].verdict);
      g_assert_cmpint (certainty, ==, good[i].certainty);
      joined = g_strjoinv (",", moves);
      g_assert_cmpstr (joined, ==, good[i].moves);
    }

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      char **moves = NULL;
      LateralVerdict verdict = LATERAL_VERDICT_TRUE;
      int certainty = 7;

      g_assert_false (lateral_answer_line_parse (bad[i].line, &verdict, &certainty, &moves, &error));
      g_assert_error (error, LATERAL_ANSWER_LINE_ERROR, LATERAL_ANSWER_LINE_ERROR_INVALID);
      g_test_message ("bad line %u: %s", i, error->message);
      g_assert_nonnull (strstr (error->message, bad[i].needle));
      g_assert_null (moves);
      g_assert_cmpint (certainty, ==, 7);
    }

  {
    g_autofree char *huge = g_strnfill (5000, 'a');
    g_autoptr(GError) error = NULL;
    char **moves = NULL;
    LateralVerdict verdict;
    int certainty;

    g_assert_false (lateral_answer_line_parse (huge, &verdict, &certainty, &moves, &error));
    g_assert_error (error, LATERAL_ANSWER_LINE_ERROR, LATERAL_ANSWER_LINE_ERROR_INVALID);
  }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/answer-line", test_answer_line);

  return g_test_run ();
}
