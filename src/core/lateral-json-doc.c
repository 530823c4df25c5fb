/* lateral-json-doc.c
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-json-doc-private.h"

#define ARENA_BLOCK (64 * 1024)
#define MAX_NUMBER_LENGTH 64

struct _LateralJsonDoc {
  GPtrArray       *blocks;
  char            *cursor;     /* free space in the current block */
  gsize            left;
  LateralJsonNode *root;
};

typedef struct {
  const char *name;  /* NULL for an array item */
  guint       index;
} PathEntry;

typedef struct {
  LateralJsonDoc   *doc;
  const char       *start;
  const char       *p;
  const char       *end;
  guint             line;
  const char       *col_ptr;   /* the column of col_ptr is col: positions are asked in file order */
  guint             col;
  guint             depth;
  guint             n_values;
  PathEntry         path[LATERAL_JSON_MAX_DEPTH + 1];
  GPtrArray        *items;     /* scratch stack of children being collected */
  GArray           *members;
  LateralJsonError *error;
  gboolean          failed;
} Parser;

static gpointer
arena_alloc (LateralJsonDoc *doc,
             gsize           size)
{
  gpointer mem;

  size = (size + 7) & ~(gsize) 7;
  if (size > ARENA_BLOCK / 4)
    {
      mem = g_malloc (size);
      g_ptr_array_add (doc->blocks, mem);
      return mem;
    }

  if (size > doc->left)
    {
      doc->cursor = g_malloc (ARENA_BLOCK);
      doc->left = ARENA_BLOCK;
      g_ptr_array_add (doc->blocks, doc->cursor);
    }

  mem = doc->cursor;
  doc->cursor += size;
  doc->left -= size;
  return mem;
}

static void
advance_column (Parser     *self,
                const char *to)
{
  for (const char *q = self->col_ptr; q < to; q++)
    {
      if (((guchar) *q & 0xC0) != 0x80)
        self->col++;
    }
  self->col_ptr = to;
}

static char *
format_path (const PathEntry *path,
             guint            depth)
{
  GString *str = g_string_new (NULL);

  for (guint i = 0; i < depth; i++)
    {
      if (path[i].name == NULL)
        g_string_append_printf (str, "[%u]", path[i].index);
      else if (str->len == 0)
        g_string_append (str, path[i].name);
      else
        g_string_append_printf (str, ".%s", path[i].name);
    }

  return g_string_free (str, FALSE);
}

static gboolean G_GNUC_PRINTF (3, 4)
fail (Parser     *self,
      const char *at,
      const char *format,
      ...)
{
  va_list args;

  g_assert (!self->failed);

  self->failed = TRUE;
  if (self->error == NULL)
    return FALSE;

  advance_column (self, MAX (at, self->col_ptr));
  self->error->line = self->line;
  self->error->column = self->col;
  self->error->path = format_path (self->path, self->depth);
  va_start (args, format);
  self->error->message = g_strdup_vprintf (format, args);
  va_end (args);

  return FALSE;
}

static void
skip_whitespace (Parser *self)
{
  while (self->p < self->end)
    {
      char c = *self->p;

      if (c == '\n')
        {
          self->line++;
          self->col = 1;
          self->col_ptr = self->p + 1;
        }
      else if (c != ' ' && c != '\t' && c != '\r')
        return;
      self->p++;
    }
}

/* What the reader sees at the error, for the message. */
static char *
describe_here (Parser *self)
{
  gunichar c;

  if (self->p >= self->end)
    return g_strdup (_("the end of the file (is the file truncated?)"));

  c = g_utf8_get_char_validated (self->p, self->end - self->p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return g_strdup_printf (_("byte 0x%02X"), (guchar) *self->p);
  if (g_unichar_isgraph (c))
    {
      char buf[8] = { 0 };

      g_unichar_to_utf8 (c, buf);
      return g_strdup_printf ("“%s”", buf);
    }
  return g_strdup_printf ("U+%04X", c);
}

static gboolean
fail_expected (Parser     *self,
               const char *expected)
{
  g_autofree char *found = describe_here (self);

  return fail (self, self->p, _("expected %s, found %s"), expected, found);
}

static LateralJsonNode *
new_node (Parser          *self,
          LateralJsonType  type,
          const char      *at)
{
  LateralJsonNode *node;

  if (++self->n_values > LATERAL_JSON_MAX_VALUES)
    {
      fail (self, at, _("the file holds more than %d values; a pack needs far fewer"),
            LATERAL_JSON_MAX_VALUES);
      return NULL;
    }

  node = arena_alloc (self->doc, sizeof *node);
  memset (node, 0, sizeof *node);
  node->type = type;
  advance_column (self, at);
  node->line = self->line;
  node->column = self->col;
  return node;
}

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
read_hex4 (Parser  *self,
           guint32 *out)
{
  guint32 value = 0;

  if (self->end - self->p < 4)
    {
      self->p = self->end;
      return fail_expected (self, _("four hexadecimal digits after “\\u”"));
    }

  for (guint i = 0; i < 4; i++)
    {
      int h = hex_value (self->p[i]);

      if (h < 0)
        {
          self->p += i;
          return fail_expected (self, _("four hexadecimal digits after “\\u”"));
        }
      value = (value << 4) | (guint32) h;
    }

  self->p += 4;
  *out = value;
  return TRUE;
}

static gboolean
read_unicode_escape (Parser   *self,
                     gunichar *out)
{
  const char *at = self->p - 2;
  guint32 hi, lo;

  if (!read_hex4 (self, &hi))
    return FALSE;

  if (hi >= 0xDC00 && hi <= 0xDFFF)
    return fail (self, at, _("lone low surrogate \\u%04X; expected a valid Unicode character"), hi);

  if (hi >= 0xD800 && hi <= 0xDBFF)
    {
      if (self->end - self->p < 2 || self->p[0] != '\\' || self->p[1] != 'u')
        return fail (self, at, _("high surrogate \\u%04X is not followed by a low surrogate"), hi);
      self->p += 2;
      if (!read_hex4 (self, &lo))
        return FALSE;
      if (lo < 0xDC00 || lo > 0xDFFF)
        return fail (self, at, _("high surrogate \\u%04X is not followed by a low surrogate"), hi);
      *out = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
      return TRUE;
    }

  if (hi == 0)
    return fail (self, at, _("“\\u0000” is not allowed in text"));

  *out = hi;
  return TRUE;
}

/* Reads a string at self->p (on the opening quote) into the arena. */
static const char *
read_string (Parser *self,
             guint  *out_length)
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
          fail (self, open, _("text that starts here is never closed with “\"” (is the file truncated?)"));
          return NULL;
        }

      c = (guchar) *self->p;
      if (c == '"')
        break;

      if (c < 0x20)
        {
          if (buf != NULL)
            g_string_free (buf, TRUE);
          fail (self, self->p, _("a control character (U+%04X) inside text; write it as an escape such as \\n"), c);
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
              fail_expected (self, _("an escape after “\\”"));
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
              fail_expected (self, _("one of the escapes \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX"));
              return NULL;
            }
          run = self->p;
          length = buf->len;
        }

      if (length > LATERAL_JSON_MAX_STRING)
        {
          if (buf != NULL)
            g_string_free (buf, TRUE);
          fail (self, open, _("text longer than %d bytes; split it or shorten it"),
                LATERAL_JSON_MAX_STRING);
          return NULL;
        }
    }

  if (buf != NULL)
    {
      g_string_append_len (buf, run, self->p - run);
      length = buf->len;
      copy = arena_alloc (self->doc, length + 1);
      memcpy (copy, buf->str, length);
      g_string_free (buf, TRUE);
    }
  else
    {
      copy = arena_alloc (self->doc, length + 1);
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

static LateralJsonNode *
read_number (Parser *self)
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
      fail_expected (self, _("a digit"));
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
          fail_expected (self, _("a digit after the decimal point"));
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
          fail_expected (self, _("a digit in the exponent"));
          return NULL;
        }
      p = skip_digits (p, self->end);
    }

  if (p - start > MAX_NUMBER_LENGTH)
    {
      fail (self, start, _("a number longer than %d characters"), MAX_NUMBER_LENGTH);
      return NULL;
    }

  node = new_node (self, LATERAL_JSON_NUMBER, start);
  if (node == NULL)
    return NULL;

  memcpy (buf, start, p - start);
  buf[p - start] = '\0';
  node->v.number = g_ascii_strtod (buf, NULL);
  node->integral = integral;
  self->p = p;
  return node;
}

static LateralJsonNode *
read_literal (Parser          *self,
              const char      *word,
              LateralJsonType  type,
              gboolean         value)
{
  gsize len = strlen (word);
  LateralJsonNode *node;

  if ((gsize) (self->end - self->p) < len || memcmp (self->p, word, len) != 0)
    {
      fail_expected (self, _("a value (text in double quotes, a number, true, false, null, an object or an array)"));
      return NULL;
    }

  node = new_node (self, type, self->p);
  if (node != NULL)
    node->v.boolean = value;
  self->p += len;
  return node;
}

static LateralJsonNode *read_value (Parser *self);

static gboolean
enter (Parser     *self,
       const char *at)
{
  if (self->depth >= LATERAL_JSON_MAX_DEPTH)
    return fail (self, at, _("nesting deeper than %d levels"), LATERAL_JSON_MAX_DEPTH);
  return TRUE;
}

static LateralJsonNode *
read_array (Parser *self)
{
  const char *open = self->p;
  guint base = self->items->len;
  guint limit = LATERAL_JSON_MAX_ITEMS;
  guint n = 0;
  LateralJsonNode *node;

  /* The top-level "steps" is the one array allowed to be longer. */
  if (self->depth == 1 && g_strcmp0 (self->path[0].name, "steps") == 0)
    limit = LATERAL_JSON_MAX_STEPS;

  if (!enter (self, open) || (node = new_node (self, LATERAL_JSON_ARRAY, open)) == NULL)
    return NULL;

  self->p++;
  skip_whitespace (self);
  if (self->p < self->end && *self->p == ']')
    {
      self->p++;
      return node;
    }

  for (;;)
    {
      LateralJsonNode *item;

      if (n == limit)
        {
          fail (self, self->p, _("more than %u items in one list"), limit);
          goto error;
        }

      self->path[self->depth].name = NULL;
      self->path[self->depth].index = n;
      self->depth++;
      item = read_value (self);
      self->depth--;
      if (item == NULL)
        goto error;
      g_ptr_array_add (self->items, item);
      n++;

      skip_whitespace (self);
      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          skip_whitespace (self);
          if (self->p < self->end && *self->p == ']')
            {
              fail (self, self->p, _("a comma before “]”; remove the trailing comma"));
              goto error;
            }
          continue;
        }
      if (self->p < self->end && *self->p == ']')
        break;
      self->depth++;
      fail_expected (self, _("“,” or “]” after this list item"));
      self->depth--;
      goto error;
    }

  self->p++;
  node->n = n;
  node->v.items = arena_alloc (self->doc, n * sizeof (LateralJsonNode *));
  memcpy (node->v.items, self->items->pdata + base, n * sizeof (LateralJsonNode *));
  g_ptr_array_set_size (self->items, base);
  return node;

error:
  g_ptr_array_set_size (self->items, base);
  return NULL;
}

static LateralJsonNode *
read_object (Parser *self)
{
  const char *open = self->p;
  guint base = self->members->len;
  guint n = 0;
  LateralJsonNode *node;

  if (!enter (self, open) || (node = new_node (self, LATERAL_JSON_OBJECT, open)) == NULL)
    return NULL;

  self->p++;
  skip_whitespace (self);
  if (self->p < self->end && *self->p == '}')
    {
      self->p++;
      return node;
    }

  for (;;)
    {
      LateralJsonMember member;
      guint name_length;

      if (self->p >= self->end || *self->p != '"')
        {
          fail_expected (self, _("a member name in double quotes"));
          goto error;
        }
      if (n == LATERAL_JSON_MAX_MEMBERS)
        {
          fail (self, self->p, _("more than %d members in one object"), LATERAL_JSON_MAX_MEMBERS);
          goto error;
        }

      advance_column (self, self->p);
      member.line = self->line;
      member.column = self->col;
      member.name = read_string (self, &name_length);
      if (member.name == NULL)
        goto error;

      skip_whitespace (self);
      if (self->p >= self->end || *self->p != ':')
        {
          fail_expected (self, _("“:” after the member name"));
          goto error;
        }
      self->p++;

      self->path[self->depth].name = member.name;
      self->path[self->depth].index = 0;
      self->depth++;
      member.value = read_value (self);
      self->depth--;
      if (member.value == NULL)
        goto error;
      g_array_append_val (self->members, member);
      n++;

      skip_whitespace (self);
      if (self->p < self->end && *self->p == ',')
        {
          self->p++;
          skip_whitespace (self);
          if (self->p < self->end && *self->p == '}')
            {
              fail (self, self->p, _("a comma before “}”; remove the trailing comma"));
              goto error;
            }
          continue;
        }
      if (self->p < self->end && *self->p == '}')
        break;
      /* Name the member the comma should follow: that is where to look. */
      self->depth++;
      fail_expected (self, _("“,” or “}” after this member"));
      self->depth--;
      goto error;
    }

  self->p++;
  node->n = n;
  node->v.members = arena_alloc (self->doc, n * sizeof (LateralJsonMember));
  memcpy (node->v.members, &g_array_index (self->members, LateralJsonMember, base),
          n * sizeof (LateralJsonMember));
  g_array_set_size (self->members, base);
  return node;

error:
  g_array_set_size (self->members, base);
  return NULL;
}

static LateralJsonNode *
read_value (Parser *self)
{
  skip_whitespace (self);
  if (self->p >= self->end)
    {
      fail_expected (self, _("a value"));
      return NULL;
    }

  switch (*self->p)
    {
    case '{':
      return read_object (self);
    case '[':
      return read_array (self);
    case '"':
      {
        const char *at = self->p;
        LateralJsonNode *node;
        const char *str;
        guint length;

        str = read_string (self, &length);
        if (str == NULL)
          return NULL;
        node = new_node (self, LATERAL_JSON_STRING, at);
        if (node != NULL)
          {
            node->v.string = str;
            node->n = length;
          }
        return node;
      }
    case 't':
      return read_literal (self, "true", LATERAL_JSON_BOOLEAN, TRUE);
    case 'f':
      return read_literal (self, "false", LATERAL_JSON_BOOLEAN, FALSE);
    case 'n':
      return read_literal (self, "null", LATERAL_JSON_NULL, FALSE);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (self);
    default:
      fail_expected (self, _("a value (text in double quotes, a number, true, false, null, an object or an array)"));
      return NULL;
    }
}

/**
 * lateral_json_doc_parse:
 * @data: the text, valid UTF-8 (the caller checks)
 * @length: its length in bytes
 * @error: (out caller-allocates) (optional): where the first problem is
 *
 * Returns: (transfer full) (nullable): the document, or %NULL when @data is
 *   not one JSON value within the limits.
 */
LateralJsonDoc *
lateral_json_doc_parse (const char       *data,
                        gsize             length,
                        LateralJsonError *error)
{
  Parser self = { 0 };
  g_autoptr(LateralJsonDoc) doc = NULL;

  g_return_val_if_fail (data != NULL || length == 0, NULL);

  doc = g_new0 (LateralJsonDoc, 1);
  doc->blocks = g_ptr_array_new_with_free_func (g_free);

  self.doc = doc;
  self.start = data;
  self.p = data;
  self.end = data + length;
  self.line = 1;
  self.col = 1;
  self.col_ptr = data;
  self.items = g_ptr_array_new ();
  self.members = g_array_new (FALSE, FALSE, sizeof (LateralJsonMember));
  self.error = error;

  doc->root = read_value (&self);
  if (doc->root != NULL)
    {
      skip_whitespace (&self);
      if (self.p < self.end)
        fail_expected (&self, _("the end of the file after the closing “}”"));
    }

  g_ptr_array_unref (self.items);
  g_array_unref (self.members);

  if (self.failed)
    return NULL;

  return g_steal_pointer (&doc);
}

const LateralJsonNode *
lateral_json_doc_get_root (LateralJsonDoc *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  return doc->root;
}

void
lateral_json_doc_free (LateralJsonDoc *doc)
{
  if (doc == NULL)
    return;

  g_ptr_array_unref (doc->blocks);
  g_free (doc);
}

void
lateral_json_error_clear (LateralJsonError *error)
{
  g_clear_pointer (&error->path, g_free);
  g_clear_pointer (&error->message, g_free);
  error->line = error->column = 0;
}

const char *
lateral_json_type_name (LateralJsonType type)
{
  switch (type)
    {
    case LATERAL_JSON_NULL:
      return _("null");
    case LATERAL_JSON_BOOLEAN:
      return _("true or false");
    case LATERAL_JSON_NUMBER:
      return _("a number");
    case LATERAL_JSON_STRING:
      return _("text");
    case LATERAL_JSON_ARRAY:
      return _("a list");
    case LATERAL_JSON_OBJECT:
      return _("an object");
    default:
      g_assert_not_reached ();
    }
}

/* The line and column of a byte offset, for problems found before parsing. */
void
lateral_json_locate (const char *data,
                     gsize       offset,
                     guint      *line,
                     guint      *column)
{
  guint l = 1, c = 1;

  for (gsize i = 0; i < offset; i++)
    {
      if (data[i] == '\n')
        {
          l++;
          c = 1;
        }
      else if (((guchar) data[i] & 0xC0) != 0x80)
        c++;
    }

  *line = l;
  *column = c;
}
