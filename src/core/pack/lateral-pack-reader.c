/* lateral-pack-reader.c: reading members of a pack and reporting problems with their place
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Every take_* function reads one member: it checks the type and the rules
 * of its kind of value, reports at the member's position what is wrong and
 * what would be accepted, and returns a copy of the value or NULL.
 */
#include "config.h"

#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-pack-reader-private.h"

void
lateral_pack_reader_report_at (LateralPackReader *c,
                                guint               line,
                                guint               column,
                                const char         *format,
                                ...)
                                {
                                g_autofree char *message = NULL;
  va_list args;

  if (c->saturated)
    return;

  if (c->diagnostics->len >= LATERAL_PACK_MAX_DIAGNOSTICS)
    {
      c->saturated = TRUE;
      g_ptr_array_add (c->diagnostics,
                       lateral_diagnostic_new (c->filename, line, column, c->path->str,
                                               _("too many problems; stopped reporting here")));
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  g_ptr_array_add (c->diagnostics,
                   lateral_diagnostic_new (c->filename, line, column, c->path->str, message));
}

static void
place_free (gpointer data)
{
  LateralPackPlace *place = data;

  g_free (place->path);
  g_free (place);
}

/* Keeps where @node (the member @name of the object being walked) was, for
 * a rule checked after the walk. */
void
lateral_pack_reader_remember (LateralPackReader    *c,
                              gconstpointer          key,
                              const LateralJsonNode *node,
                              const char            *name)
{
  LateralPackPlace *place;
  gsize mark;

  if (key == NULL || node == NULL)
    return;
  if (c->places == NULL)
    c->places = g_hash_table_new_full (NULL, NULL, NULL, place_free);

  mark = name != NULL ? lateral_pack_reader_push_name (c, name) : c->path->len;
  place = g_new0 (LateralPackPlace, 1);
  place->line = node->line;
  place->column = node->column;
  place->path = g_strdup (c->path->str);
  lateral_pack_reader_pop (c, mark);
  g_hash_table_replace (c->places, (gpointer) key, place);
}

const LateralPackPlace *
lateral_pack_reader_place (LateralPackReader *c,
                           gconstpointer       key)
{
  return c->places != NULL ? g_hash_table_lookup (c->places, key) : NULL;
}

/* A judge-before-you-know rule: an error in lateral-pack/2, a warning in
 * /1, whose packs were written before the rule and keep loading. */
void
lateral_pack_reader_report_rule (LateralPackReader     *c,
                                 const LateralPackPlace *place,
                                 const char             *format,
                                 ...)
{
  g_autofree char *message = NULL;
  LateralDiagnostic *diagnostic;
  va_list args;

  if (c->saturated || place == NULL)
    return;
  if (c->diagnostics->len >= LATERAL_PACK_MAX_DIAGNOSTICS)
    {
      /* In /1 the cap must not turn warnings into an error the pack fails on. */
      if (c->format_version >= 2)
        lateral_pack_reader_report_at (c, place->line, place->column, "%s", "");
      else
        {
          diagnostic = lateral_diagnostic_new (c->filename, place->line, place->column, place->path,
                                               _("too many problems; stopped reporting here"));
          diagnostic->severity = LATERAL_DIAGNOSTIC_WARNING;
          g_ptr_array_add (c->diagnostics, diagnostic);
          c->saturated = TRUE;
        }
      return;
    }

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  diagnostic = lateral_diagnostic_new (c->filename, place->line, place->column, place->path, message);
  if (c->format_version < 2)
    diagnostic->severity = LATERAL_DIAGNOSTIC_WARNING;
  g_ptr_array_add (c->diagnostics, diagnostic);
}

gsize
lateral_pack_reader_push_name (LateralPackReader *c,
                                const char         *name)
{
  gsize mark = c->path->len;

  if (mark > 0)
    g_string_append_c (c->path, '.');
  g_string_append (c->path, name);
  return mark;
}

gsize
lateral_pack_reader_push_index (LateralPackReader *c,
                                 guint               index)
{
  gsize mark = c->path->len;
  char digits[16];
  guint n = 0;

  /* Every list item passes here: no printf on this path. */
  do
    digits[n++] = '0' + index % 10;
  while ((index /= 10) > 0);
  g_string_append_c (c->path, '[');
  while (n > 0)
    g_string_append_c (c->path, digits[--n]);
  g_string_append_c (c->path, ']');
  return mark;
}

void
lateral_pack_reader_pop (LateralPackReader *c,
                          gsize               mark)
{
  g_string_truncate (c->path, mark);
}

gboolean
lateral_pack_reader_expect_type (LateralPackReader    *c,
                                  const LateralJsonNode *node,
                                  LateralJsonType        type,
                                  const char            *what)
{
  if (node->type == type)
    return TRUE;

  /* @what is marked with N_(): translated only when there is a problem. */
  lateral_pack_reader_report (c, node, _("expected %s, found %s"), _(what),
                               lateral_json_type_name (node->type));
  return FALSE;
}

/* Levenshtein distance, for names of at most 64 bytes. */
static guint
edit_distance (const char *a,
               const char *b)
{
  guint row[65];
  gsize la = strlen (a), lb = strlen (b);

  g_assert (la <= 64 && lb <= 64);

  for (guint j = 0; j <= lb; j++)
    row[j] = j;
  for (guint i = 1; i <= la; i++)
    {
      guint diagonal = row[0];

      row[0] = i;
      for (guint j = 1; j <= lb; j++)
        {
          guint above = row[j];
          guint cost = a[i - 1] == b[j - 1] ? 0 : 1;

          row[j] = MIN (MIN (row[j] + 1, row[j - 1] + 1), diagonal + cost);
          diagonal = above;
        }
    }
  return row[lb];
}

static gboolean
field_in_version (const LateralPackField *field,
                  guint                   version)
{
  return (field->since == 0 || field->since <= version) &&
         (field->until == 0 || version <= field->until);
}

/**
 * lateral_pack_reader_closest_id:
 * @glossary: (element-type LateralTechnique): techniques or habits
 *
 * Returns: (nullable): the glossary id @id was probably meant to be: at
 *   most two edits away, as for member names
 */
const char *
lateral_pack_reader_closest_id (const char *id,
                                GPtrArray  *glossary)
{
  const char *best = NULL;
  guint best_distance = 3;

  if (strlen (id) > 64)
    return NULL;
  for (guint i = 0; glossary != NULL && i < glossary->len; i++)
    {
      const LateralTechnique *entry = g_ptr_array_index (glossary, i);
      guint distance;

      if (entry->id == NULL || strlen (entry->id) > 64)
        continue;
      distance = edit_distance (id, entry->id);
      if (distance < best_distance)
        {
          best = entry->id;
          best_distance = distance;
        }
    }
  return best;
}

/* Unknown members are usually typos: name the field that was meant. */
static const char *
closest_field (const char             *name,
               const LateralPackField *fields,
               guint                   version)
{
  const char *best = NULL;
  guint best_distance = 3;

  if (strlen (name) > 64)
    return NULL;

  for (guint f = 0; fields[f].name != NULL; f++)
    {
      guint distance;

      if (!field_in_version (&fields[f], version))
        continue;
      distance = edit_distance (name, fields[f].name);
      if (distance < best_distance)
        {
          best = fields[f].name;
          best_distance = distance;
        }
    }
  return best;
}

/* "23/04/2013" is a real date in another order: say which one to write.
 * Day and month are both possible for "04/05/2013": give both readings. */
static gboolean
report_date_order (LateralPackReader     *c,
                   const LateralJsonNode *node,
                   const char            *date)
{
  guint a, b, year;
  char sep1, sep2, rest;
  gboolean day_first, month_first;

  if (sscanf (date, "%2u%c%2u%c%4u%c", &a, &sep1, &b, &sep2, &year, &rest) != 5 ||
      sep1 != sep2 || (sep1 != '/' && sep1 != '.' && sep1 != '-') || year < 1000)
    return FALSE;
  day_first = g_date_valid_dmy (a, b, year);
  month_first = g_date_valid_dmy (b, a, year);
  if (day_first && month_first && a != b)
    lateral_pack_reader_report (c, node,
                                _("“%s” is a date in another order; write %04u-%02u-%02u if it is day first, or %04u-%02u-%02u if it is month first (always YYYY-MM-DD)"),
                                date, year, b, a, year, a, b);
  else if (day_first)
    lateral_pack_reader_report (c, node, _("“%s” is a day-first date; write %04u-%02u-%02u (YYYY-MM-DD)"),
                                date, year, b, a);
  else if (month_first)
    lateral_pack_reader_report (c, node, _("“%s” is a month-first date; write %04u-%02u-%02u (YYYY-MM-DD)"),
                                date, year, a, b);
  else
    return FALSE;
  return TRUE;
}

static void
report_unknown_member (LateralPackReader       *c,
                       const LateralJsonMember *member,
                       const LateralPackField  *fields)
{
  g_autoptr(GString) names = g_string_new (NULL);
  gsize mark = lateral_pack_reader_push_name (c, member->name);
  const char *close = closest_field (member->name, fields, c->format_version);

  for (guint k = 0; fields[k].name != NULL; k++)
    {
      if (field_in_version (&fields[k], c->format_version))
        g_string_append_printf (names, "%s%s", names->len > 0 ? ", " : "", fields[k].name);
    }
  if (close != NULL)
    lateral_pack_reader_report_at (c, member->line, member->column,
                                    _("unknown member “%s”; did you mean “%s”? Expected one of: %s"),
                                    member->name, close, names->str);
  else
    lateral_pack_reader_report_at (c, member->line, member->column,
                                    _("unknown member “%s”; expected one of: %s"), member->name, names->str);
  lateral_pack_reader_pop (c, mark);
}

/* Matches the members of an object against @fields: unknown, repeated and
 * missing members are reported; values[i] is the value of fields[i] or NULL.
 * A member of a later format than the pack's is refused by name: an older
 * Lateral would refuse the file as a whole. */
gboolean
lateral_pack_reader_members (LateralPackReader     *c,
                              const LateralJsonNode  *node,
                              const LateralPackField *fields,
                              const char             *what,
                              const LateralJsonNode **values)
{
  guint n_fields = 0;

  while (fields[n_fields].name != NULL)
    values[n_fields++] = NULL;
  g_assert (n_fields <= LATERAL_PACK_MAX_FIELDS);

  if (!lateral_pack_reader_expect_type (c, node, LATERAL_JSON_OBJECT, what))
    return FALSE;

  for (guint i = 0; i < node->n; i++)
    {
      const LateralJsonMember *member = &node->v.members[i];
      guint f;

      for (f = 0; f < n_fields; f++)
        {
          if (g_str_equal (member->name, fields[f].name))
            break;
        }

      if (f < n_fields && fields[f].since > c->format_version)
        {
          gsize mark = lateral_pack_reader_push_name (c, member->name);

          lateral_pack_reader_report_at (c, member->line, member->column,
                                          _("“%s” needs lateral-pack/%u; set “format” to “lateral-pack/%u” (and follow its rules) or remove the member"),
                                          member->name, fields[f].since, fields[f].since);
          lateral_pack_reader_pop (c, mark);
        }
      else if (f == n_fields || !field_in_version (&fields[f], c->format_version))
        report_unknown_member (c, member, fields);
      else if (values[f] != NULL)
        {
          gsize mark = lateral_pack_reader_push_name (c, member->name);

          lateral_pack_reader_report_at (c, member->line, member->column,
                                          _("“%s” appears twice in the same object (first at line %u); keep one"),
                                          member->name, values[f]->line);
          lateral_pack_reader_pop (c, mark);
        }
      else
        values[f] = member->value;
    }

  for (guint f = 0; f < n_fields; f++)
    {
      if (fields[f].required && values[f] == NULL && field_in_version (&fields[f], c->format_version))
        lateral_pack_reader_report (c, node, _("missing required member “%s” (%s)"), fields[f].name, _(fields[f].hint));
    }

  return TRUE;
}

const LateralJsonNode *
lateral_pack_reader_find_member (const LateralJsonNode *object,
                                 const char            *name)
{
  if (object == NULL || object->type != LATERAL_JSON_OBJECT)
    return NULL;
  for (guint i = 0; i < object->n; i++)
    {
      if (g_str_equal (object->v.members[i].name, name))
        return object->v.members[i].value;
    }
  return NULL;
}

static gboolean
is_blank (const char *str)
{
  for (; *str != '\0'; str++)
    {
      if (!g_ascii_isspace (*str))
        return FALSE;
    }
  return TRUE;
}

/* A required or optional text member; NULL when absent or wrong. */
char *
lateral_pack_reader_take_text (LateralPackReader    *c,
                                const char            *name,
                                const LateralJsonNode *node)
{
  char *result = NULL;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = lateral_pack_reader_push_name (c, name);
  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_STRING, N_("text")))
    {
      if (is_blank (node->v.string))
        lateral_pack_reader_report (c, node, _("is empty; expected some text"));
      else
        result = g_strdup (node->v.string);
    }
  lateral_pack_reader_pop (c, mark);
  return result;
}

gboolean
lateral_date_is_valid (const char *date)
{
  LateralMoment moment;

  return lateral_moment_parse (date, FALSE, &moment);
}

/* A date, or with @allow_time a date and time; @out (nullable) gets it parsed. */
char *
lateral_pack_reader_take_moment (LateralPackReader    *c,
                                 const char            *name,
                                 const LateralJsonNode *node,
                                 gboolean               allow_time,
                                 LateralMoment         *out)
{
  char *date = lateral_pack_reader_take_text (c, name, node);
  LateralMoment moment;
  gsize mark;

  if (date == NULL)
    return NULL;
  if (lateral_moment_parse (date, allow_time, &moment))
    {
      if (out != NULL)
        *out = moment;
      return date;
    }

  mark = lateral_pack_reader_push_name (c, name);
  if (!allow_time && c->format_version < 2 && lateral_moment_parse (date, TRUE, &moment))
    lateral_pack_reader_report (c, node, _("“%s” has a time of day, which needs lateral-pack/2; write the date alone, YYYY-MM-DD, or change “format”"), date);
  else if (report_date_order (c, node, date))
    ;
  else if (allow_time)
    lateral_pack_reader_report (c, node, _("“%s” is not a real date or time; expected YYYY-MM-DD, such as 2015-09-14, or YYYY-MM-DDTHH:MM with a zone, such as 2013-04-23T13:08-04:00 or 2015-09-14T10:00Z"), date);
  else
    lateral_pack_reader_report (c, node, _("“%s” is not a real date; expected YYYY-MM-DD, such as 2015-09-14"), date);
  lateral_pack_reader_pop (c, mark);
  g_free (date);
  return NULL;
}

char *
lateral_pack_reader_take_date (LateralPackReader    *c,
                                const char            *name,
                                const LateralJsonNode *node)
{
  return lateral_pack_reader_take_moment (c, name, node, FALSE, NULL);
}

static gboolean
url_is_valid (const char *url)
{
  g_autoptr(GUri) uri = g_uri_parse (url, G_URI_FLAGS_NONE, NULL);
  const char *scheme, *host;

  if (uri == NULL)
    return FALSE;
  scheme = g_uri_get_scheme (uri);
  host = g_uri_get_host (uri);
  return (g_ascii_strcasecmp (scheme, "http") == 0 || g_ascii_strcasecmp (scheme, "https") == 0)
         && host != NULL && host[0] != '\0';
}

char *
lateral_pack_reader_take_url (LateralPackReader    *c,
                               const char            *name,
                               const LateralJsonNode *node)
{
  char *url = lateral_pack_reader_take_text (c, name, node);
  gsize mark;

  if (url == NULL || url_is_valid (url))
    return url;

  mark = lateral_pack_reader_push_name (c, name);
  lateral_pack_reader_report (c, node, _("“%s” is not an http or https address; expected a web address such as https://example.org/article"), url);
  lateral_pack_reader_pop (c, mark);
  g_free (url);
  return NULL;
}

static gboolean
id_is_valid (const char *id)
{
  if (!(g_ascii_islower (id[0]) || g_ascii_isdigit (id[0])))
    return FALSE;
  for (const char *p = id; *p != '\0'; p++)
    {
      if (!(g_ascii_islower (*p) || g_ascii_isdigit (*p) || *p == '-' || *p == '_'))
        return FALSE;
    }
  return strlen (id) <= LATERAL_PACK_MAX_ID_LENGTH;
}

/* Step, technique and move ids. */
char *
lateral_pack_reader_take_id (LateralPackReader    *c,
                              const char            *name,
                              const LateralJsonNode *node)
{
  char *id = lateral_pack_reader_take_text (c, name, node);
  gsize mark;

  if (id == NULL || id_is_valid (id))
    return id;

  mark = lateral_pack_reader_push_name (c, name);
  lateral_pack_reader_report (c, node, _("“%s” is not a valid id; expected at most %d lowercase letters, digits, “-” and “_”, starting with a letter or digit"),
                               id, LATERAL_PACK_MAX_ID_LENGTH);
  lateral_pack_reader_pop (c, mark);
  g_free (id);
  return NULL;
}

/* Paragraphs: a list of non-empty texts, at least @min_items of them. */
char **
lateral_pack_reader_take_texts (LateralPackReader    *c,
                                 const char            *name,
                                 const LateralJsonNode *node,
                                 guint                  min_items,
                                 gboolean               names)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gsize mark;

  if (node == NULL)
    return min_items == 0 ? g_new0 (char *, 1) : NULL;

  mark = lateral_pack_reader_push_name (c, name);
  builder = g_strv_builder_new ();
  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_ARRAY,
                                        names ? N_("a list of names, each in double quotes")
                                              : N_("a list of paragraphs, each in double quotes")))
    {
      if (node->n < min_items)
        lateral_pack_reader_report (c, node, "%s",
                                     names ? _("is an empty list; expected at least one name")
                                     : _("is an empty list; expected at least one paragraph"));
      for (guint i = 0; i < node->n; i++)
        {
          gsize item_mark = lateral_pack_reader_push_index (c, i);
          const LateralJsonNode *item = node->v.items[i];

          if (lateral_pack_reader_expect_type (c, item, LATERAL_JSON_STRING, names ? N_("a name") : N_("a paragraph of text")))
            {
              if (is_blank (item->v.string))
                lateral_pack_reader_report (c, item, "%s", names ? _("is empty; expected a name")
                                             : _("is an empty paragraph; remove it or write some text"));
              else
                g_strv_builder_add (builder, item->v.string);
            }
          lateral_pack_reader_pop (c, item_mark);
        }
    }
  lateral_pack_reader_pop (c, mark);
  return g_strv_builder_end (builder);
}

char **
lateral_pack_reader_take_paragraphs (LateralPackReader    *c,
                                      const char            *name,
                                      const LateralJsonNode *node,
                                      guint                  min_items)
{
  return lateral_pack_reader_take_texts (c, name, node, min_items, FALSE);
}

static const LateralPackField source_fields[] = {
  { "publisher", TRUE, N_("text: who published it") },
  { "title", TRUE, N_("text: the headline or title") },
  { "date", TRUE, N_("the publication date, YYYY-MM-DD") },
  { "url", TRUE, N_("an http or https address") },
  { "archive_url", FALSE, N_("an http or https address of an archived copy"), 2 },
  { NULL }
};

void
lateral_source_free (LateralSource *source)
{
  if (source == NULL)
    return;
  g_free (source->publisher);
  g_free (source->title);
  g_free (source->date);
  g_free (source->url);
  g_free (source->archive_url);
  g_free (source);
}

LateralSource *
lateral_pack_reader_take_source (LateralPackReader    *c,
                                  const LateralJsonNode *node)
{
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
  LateralSource *source;

  if (!lateral_pack_reader_members (c, node, source_fields, N_("a source: an object with publisher, title, date and url"), v))
    return NULL;

  source = g_new0 (LateralSource, 1);
  source->publisher = lateral_pack_reader_take_text (c, "publisher", v[0]);
  source->title = lateral_pack_reader_take_text (c, "title", v[1]);
  source->date = lateral_pack_reader_take_moment (c, "date", v[2], FALSE, &source->moment);
  source->url = lateral_pack_reader_take_url (c, "url", v[3]);
  source->archive_url = lateral_pack_reader_take_url (c, "archive_url", v[4]);
  if (source->date != NULL)
    lateral_pack_reader_remember (c, source, v[2], "date");
  return source;
}

gboolean
lateral_pack_id_is_valid (const char *id)
{
  g_auto(GStrv) parts = NULL;
  guint n = 0;

  if (strlen (id) > LATERAL_PACK_MAX_PACK_ID)
    return FALSE;

  parts = g_strsplit (id, ".", -1);
  for (; parts[n] != NULL; n++)
    {
      if (parts[n][0] == '\0')
        return FALSE;
      for (const char *p = parts[n]; *p != '\0'; p++)
        {
          if (!(g_ascii_isalnum (*p) || *p == '-' || *p == '_'))
            return FALSE;
        }
    }
  return n >= 3;
}

gboolean
lateral_language_is_valid (const char *tag)
{
  const char *p = tag;
  guint n = 0;

  while (g_ascii_isalpha (*p))
    p++, n++;
  if (n < 2 || n > 3)
    return FALSE;

  while (*p == '-')
    {
      p++;
      for (n = 0; g_ascii_isalnum (*p); p++)
        n++;
      if (n < 1 || n > 8)
        return FALSE;
    }
  return *p == '\0';
}
