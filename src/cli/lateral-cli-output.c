/* lateral-cli-output.c: what lateral-cli prints reaches a terminal safely
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Names, class codes and file names come from learners' machines and
 * bundles. Printed raw, an ESC could clear the teacher's terminal and a CR
 * or LF fake a table row. Every g_print() and g_printerr() of lateral-cli
 * goes through these handlers: a control character other than the line
 * feeds and tabs lateral-cli writes itself is shown escaped ("\x1b",
 * "\u0085"). A failed write is remembered, so that every command exits
 * non-zero when its output was lost (a full disk, a closed pipe).
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "lateral-cli.h"

static gboolean write_failed;

/* Returns: (transfer full): @text with its control characters escaped,
 * except \n and \t */
char *
lateral_cli_escape (const char *text)
{
  GString *out = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0';)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          /* Not UTF-8: the byte, escaped, never a raw C1 code. */
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (c == '\n' || c == '\t' || !g_unichar_iscntrl (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

static void
print_to (FILE       *stream,
          const char *text)
{
  g_autofree char *safe = lateral_cli_escape (text);

  if (fputs (safe, stream) == EOF || fflush (stream) != 0)
    write_failed = TRUE;
}

static void
print_stdout (const char *text)
{
  print_to (stdout, text);
}

static void
print_stderr (const char *text)
{
  print_to (stderr, text);
}

void
lateral_cli_output_init (void)
{
  g_set_print_handler (print_stdout);
  g_set_printerr_handler (print_stderr);
}

/* TRUE when some output was lost: the command must not exit 0. Also
 * flushes stdout, so that a late failure is seen. */
gboolean
lateral_cli_output_failed (void)
{
  if (fflush (stdout) != 0 || ferror (stdout))
    write_failed = TRUE;
  return write_failed;
}
