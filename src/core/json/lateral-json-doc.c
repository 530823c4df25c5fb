/* lateral-json-doc.c: a JSON parser that keeps each value's line and column
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-json-parser-private.h"

/* Nodes and text live in 64 KiB blocks freed together with the document. */
#define ARENA_BLOCK (64 * 1024)

gpointer
lateral_json_doc_alloc (LateralJsonDoc *doc,
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
advance_column (LateralJsonParser *self,
                const char        *to)
{
  for (const char *q = self->col_ptr; q < to; q++)
    {
      if (((guchar) *q & 0xC0) != 0x80)
        self->col++;
    }
  self->col_ptr = to;
}

static char *
format_path (const LateralJsonPathEntry *path,
             guint                       depth)
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

gboolean
lateral_json_parser_fail (LateralJsonParser *self,
                          const char        *at,
                          const char        *format,
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
skip_whitespace (LateralJsonParser *self)
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
describe_here (LateralJsonParser *self)
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

/* Quotes a word processor puts in: JSON knows only the straight ". */
static gboolean
at_typographic_quote (LateralJsonParser *self)
{
  static const gunichar quotes[] = { 0x201C, 0x201D, 0x201E, 0x201F, 0x2018, 0x2019, 0x00AB, 0x00BB, 0x2033 };
  gunichar c;

  if (self->p >= self->end)
    return FALSE;
  c = g_utf8_get_char_validated (self->p, self->end - self->p);
  for (guint i = 0; i < G_N_ELEMENTS (quotes); i++)
    if (c == quotes[i])
      return TRUE;
  return FALSE;
}

gboolean
lateral_json_parser_fail_expected (LateralJsonParser *self,
                                   const char        *expected)
{
  g_autofree char *found = describe_here (self);

  if (at_typographic_quote (self))
    return lateral_json_parser_fail (self, self->p,
                                     _("expected %s, found %s, a curly quote from a word processor; retype it as a straight double quote (\") and turn off “smart quotes”"),
                                     expected, found);
  if (self->p < self->end && g_utf8_get_char_validated (self->p, self->end - self->p) == 0xFEFF)
    return lateral_json_parser_fail (self, self->p,
                                     _("expected %s, found a byte order mark (U+FEFF), as when two files are pasted together; delete it"),
                                     expected);
  return lateral_json_parser_fail (self, self->p, _("expected %s, found %s"), expected, found);
}

LateralJsonNode *
lateral_json_parser_new_node (LateralJsonParser *self,
                              LateralJsonType    type,
                              const char        *at)
{
  LateralJsonNode *node;

  if (++self->n_values > LATERAL_JSON_MAX_VALUES)
    {
      lateral_json_parser_fail (self, at, _("the file holds more than %d values; a pack needs far fewer"),
                                LATERAL_JSON_MAX_VALUES);
      return NULL;
    }

  node = lateral_json_doc_alloc (self->doc, sizeof *node);
  memset (node, 0, sizeof *node);
  node->type = type;
  advance_column (self, at);
  node->line = self->line;
  node->column = self->col;
  return node;
}

static LateralJsonNode *read_value (LateralJsonParser *self);

static gboolean
enter (LateralJsonParser *self,
       const char        *at)
{
  if (self->depth >= LATERAL_JSON_MAX_DEPTH)
    return lateral_json_parser_fail (self, at, _("nesting deeper than %d levels"), LATERAL_JSON_MAX_DEPTH);
  return TRUE;
}

static LateralJsonNode *
read_array (LateralJsonParser *self)
{
  const char *open = self->p;
  guint base = self->items->len;
  guint limit = LATERAL_JSON_MAX_ITEMS;
  guint n = 0;
  LateralJsonNode *node;

  /* The top-level "steps" is the one array allowed to be longer. */
  if (self->depth == 1 && g_strcmp0 (self->path[0].name, "steps") == 0)
    limit = LATERAL_JSON_MAX_STEPS;

  if (!enter (self, open) || (node = lateral_json_parser_new_node (self, LATERAL_JSON_ARRAY, open)) == NULL)
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
          lateral_json_parser_fail (self, self->p, _("more than %u items in one list"), limit);
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
              lateral_json_parser_fail (self, self->p, _("a comma before “]”; remove the trailing comma"));
              goto error;
            }
          continue;
        }
      if (self->p < self->end && *self->p == ']')
        break;
      self->depth++;
      lateral_json_parser_fail_expected (self, _("“,” or “]” after this list item"));
      self->depth--;
      goto error;
    }

  self->p++;
  node->n = n;
  node->v.items = lateral_json_doc_alloc (self->doc, n * sizeof (LateralJsonNode *));
  memcpy (node->v.items, self->items->pdata + base, n * sizeof (LateralJsonNode *));
  g_ptr_array_set_size (self->items, base);
  return node;

error:
  g_ptr_array_set_size (self->items, base);
  return NULL;
}

static LateralJsonNode *
read_object (LateralJsonParser *self)
{
  const char *open = self->p;
  guint base = self->members->len;
  guint n = 0;
  LateralJsonNode *node;

  if (!enter (self, open) || (node = lateral_json_parser_new_node (self, LATERAL_JSON_OBJECT, open)) == NULL)
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
          lateral_json_parser_fail_expected (self, _("a member name in double quotes"));
          goto error;
        }
      if (n == LATERAL_JSON_MAX_MEMBERS)
        {
          lateral_json_parser_fail (self, self->p, _("more than %d members in one object"), LATERAL_JSON_MAX_MEMBERS);
          goto error;
        }

      advance_column (self, self->p);
      member.line = self->line;
      member.column = self->col;
      member.name = lateral_json_parser_read_string (self, &name_length);
      if (member.name == NULL)
        goto error;

      skip_whitespace (self);
      if (self->p >= self->end || *self->p != ':')
        {
          lateral_json_parser_fail_expected (self, _("“:” after the member name"));
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
              lateral_json_parser_fail (self, self->p, _("a comma before “}”; remove the trailing comma"));
              goto error;
            }
          continue;
        }
      if (self->p < self->end && *self->p == '}')
        break;
      /* Name the member the comma should follow: that is where to look. */
      self->depth++;
      lateral_json_parser_fail_expected (self, _("“,” or “}” after this member"));
      self->depth--;
      goto error;
    }

  self->p++;
  node->n = n;
  node->v.members = lateral_json_doc_alloc (self->doc, n * sizeof (LateralJsonMember));
  memcpy (node->v.members, &g_array_index (self->members, LateralJsonMember, base),
          n * sizeof (LateralJsonMember));
  g_array_set_size (self->members, base);
  return node;

error:
  g_array_set_size (self->members, base);
  return NULL;
}

static LateralJsonNode *
read_value (LateralJsonParser *self)
{
  skip_whitespace (self);
  if (self->p >= self->end)
    {
      lateral_json_parser_fail_expected (self, _("a value"));
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

        str = lateral_json_parser_read_string (self, &length);
        if (str == NULL)
          return NULL;
        node = lateral_json_parser_new_node (self, LATERAL_JSON_STRING, at);
        if (node != NULL)
          {
            node->v.string = str;
            node->n = length;
          }
        return node;
      }
    case 't':
      return lateral_json_parser_read_literal (self, "true", LATERAL_JSON_BOOLEAN, TRUE);
    case 'f':
      return lateral_json_parser_read_literal (self, "false", LATERAL_JSON_BOOLEAN, FALSE);
    case 'n':
      return lateral_json_parser_read_literal (self, "null", LATERAL_JSON_NULL, FALSE);
    case '-': case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return lateral_json_parser_read_number (self);
    default:
      lateral_json_parser_fail_expected (self, _("a value (text in double quotes, a number, true, false, null, an object or an array)"));
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
  LateralJsonParser self = { 0 };
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
        lateral_json_parser_fail_expected (&self, _("the end of the file after the closing “}”"));
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
