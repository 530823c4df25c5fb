/* lateral-json-scanner.c: text, numbers and literals of a JSON document
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-json-parser-private.h"

/* Longer numbers are refused before they reach strtod. */
#define MAX_NUMBER_LENGTH 64

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (LateralJsonParser *self,
           guint32           *out)
{
  guint32 value = 0;

  if (self->end - self->p < 4)
    {
      self->p = self->end;
      return lateral_json_parser_fail_expected (self, _("four hexadecimal digits after “\\u”"));
    }

  for (guint i = 0; i < 4; i++)
    {
      int h = hex_value (self->p[i]);

      if (h < 0)
        {
          self->p += i;
          return lateral_json_parser_fail_expected (self, _("four hexadecimal digits after “\\u”"));
        }
      value = (value << 4) | (guint32) h;
    }

  self->p += 4;
  *out = value;
  return TRUE;
}

static gboolean
read_unicode_escape (LateralJsonParser *self,
                     gunichar          *out)
{
  const char *at = self->p - 2;
  guint32 hi, lo;

  if (!read_hex4 (self, &hi))
    return FALSE;

  if (hi >= 0xDC00 && hi <= 0xDFFF)
    return lateral_json_parser_fail (self, at, _("lone low surrogate \\u%04X; expected a valid Unicode character"), hi);

  if (hi >= 0xD800 && hi <= 0xDBFF)
    {
      if (self->end - self->p < 2 || self->p[0] != '\\' || self->p[1] != 'u')
        return lateral_json_parser_fail (self, at, _("high surrogate \\u%04X is not followed by a low surrogate"), hi);
      self->p += 2;
      if (!read_hex4 (self, &lo))
        return FALSE;
      if (lo < 0xDC00 || lo > 0xDFFF)
        return lateral_json_parser_fail (self, at, _("high surrogate \\u%04X is not followed by a low surrogate"), hi);
      *out = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
      return TRUE;
    }

  if (hi == 0)
    return lateral_json_parser_fail (self, at, _("“\\u0000” is not allowed in text"));

  *out = hi;
  return TRUE;
}

/* Reads a string at self->p (on the opening quote) into the arena. */
const char *
lateral_json_parser_read_string (LateralJsonParser *self,
                                 guint             *out_length)
{
  const char *open = self->p;
  const char *run;
  GString *buf = NULL;
  char *copy;
  gsize length = 0;

  g_assert (*self->p == '"');
  self->p++;

  /* Fast path: most strings have no escapes and are copied in one go. */
  run = self->p;
  for (;;)
    {
      guchar c;

      if (self->p >= self->end)
        {
          if (buf != NULL)
            g_string_free (buf, TRUE);
          lateral_json_parser_fail (self, open, _("text that starts here is never closed with “\"” (is the file truncated?)"));
          return NULL;
        }

      c = (guchar) *self->p;
      if (c == '"')
        break;

      if (c < 0x20)
        {
          if (buf != NULL)
            g_string_free (buf, TRUE);
          lateral_json_parser_fail (self, self->p, _("a control character (U+%04X) inside text; write it as an escape such as \\n"), c);
          return NULL;
        }

      if (c != '\\')
        {
          self->p++;
          length++;
        }
      else
        {
          gunichar u = 0;
          char e;

          if (buf == NULL)
            buf = g_string_sized_new ((self->p - run) + 64);
          g_string_append_len (buf, run, self->p - run);

          if (self->p + 1 >= self->end)
            {
              g_string_free (buf, TRUE);
              self->p = self->end;
              lateral_json_parser_fail_expected (self, _("an escape after “\\”"));
              return NULL;
            }
          e = self->p[1];
          self->p += 2;
          switch (e)
            {
            case '"': case '\\': case '/':
              g_string_append_c (buf, e); break;
            case 'b': g_string_append_c (buf, '\b'); break;
            case 'f': g_string_append_c (buf, '\f'); break;
            case 'n': g_string_append_c (buf, '\n'); break;
            case 'r': g_string_append_c (buf, '\r'); break;
            case 't': g_string_append_c (buf, '\t'); break;
            case 'u':
              if (!read_unicode_escape (self, &u))
                {
                  g_string_free (buf, TRUE);
                  return NULL;
                }
              g_string_append_unichar (buf, u);
              break;
            default:
              self->p -= 1;
              g_string_free (buf, TRUE);
              lateral_json_parser_fail_expected (self, _("one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"));
              return NULL;
            }
          run = self->p;
          length = buf->len;
        }

      if (length > LATERAL_JSON_MAX_STRING)
        {
          if (buf != NULL)
            g_string_free (buf, TRUE);
          lateral_json_parser_fail (self, open, _("text longer than %d bytes; split it or shorten it"),
                                    LATERAL_JSON_MAX_STRING);
          return NULL;
        }
    }

  if (buf != NULL)
    {
      g_string_append_len (buf, run, self->p - run);
      length = buf->len;
      copy = lateral_json_doc_alloc (self->doc, length + 1);
      memcpy (copy, buf->str, length);
      g_string_free (buf, TRUE);
    }
  else
    {
      copy = lateral_json_doc_alloc (self->doc, length + 1);
      memcpy (copy, run, length);
    }
  copy[length] = '\0';
  self->p++;  /* the closing quote */

  *out_length = (guint) length;
  return copy;
}

static const char *
skip_digits (const char *p,
             const char *end)
{
  while (p < end && g_ascii_isdigit (*p))
    p++;
  return p;
}

LateralJsonNode *
lateral_json_parser_read_number (LateralJsonParser *self)
{
  const char *start = self->p;
  const char *p = start;
  char buf[MAX_NUMBER_LENGTH + 1];
  LateralJsonNode *node;
  gboolean integral = TRUE;

  if (p < self->end && *p == '-')
    p++;
  if (p >= self->end || !g_ascii_isdigit (*p))
    {
      self->p = p;
      lateral_json_parser_fail_expected (self, _("a digit"));
      return NULL;
    }
  if (*p == '0')
    p++;
  else
    p = skip_digits (p, self->end);

  if (p < self->end && *p == '.')
    {
      integral = FALSE;
      p++;
      if (p >= self->end || !g_ascii_isdigit (*p))
        {
          self->p = p;
          lateral_json_parser_fail_expected (self, _("a digit after the decimal point"));
          return NULL;
        }
      p = skip_digits (p, self->end);
    }
  if (p < self->end && (*p == 'e' || *p == 'E'))
    {
      integral = FALSE;
      p++;
      if (p < self->end && (*p == '+' || *p == '-'))
        p++;
      if (p >= self->end || !g_ascii_isdigit (*p))
        {
          self->p = p;
          lateral_json_parser_fail_expected (self, _("a digit in the exponent"));
          return NULL;
        }
      p = skip_digits (p, self->end);
    }

  if (p - start > MAX_NUMBER_LENGTH)
    {
      lateral_json_parser_fail (self, start, _("a number longer than %d characters"), MAX_NUMBER_LENGTH);
      return NULL;
    }

  node = lateral_json_parser_new_node (self, LATERAL_JSON_NUMBER, start);
  if (node == NULL)
    return NULL;

  memcpy (buf, start, p - start);
  buf[p - start] = '\0';
  node->v.number = g_ascii_strtod (buf, NULL);
  node->integral = integral;
  self->p = p;
  return node;
}

LateralJsonNode *
lateral_json_parser_read_literal (LateralJsonParser *self,
                                  const char        *word,
                                  LateralJsonType    type,
                                  gboolean           value)
{
  gsize len = strlen (word);
  LateralJsonNode *node;

  if ((gsize) (self->end - self->p) < len || memcmp (self->p, word, len) != 0)
    {
      lateral_json_parser_fail_expected (self, _("a value (text in double quotes, a number, true, false, null, an object or an array)"));
      return NULL;
    }

  node = lateral_json_parser_new_node (self, type, self->p);
  if (node != NULL)
    node->v.boolean = value;
  self->p += len;
  return node;
}
