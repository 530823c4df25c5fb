/* lateral-pack-check.c: the rules of lateral-pack/1 that JSON cannot say
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One walk over the positioned tree both checks the pack and builds the
 * model. It never stops at the first problem: an author fixes a file in one
 * round, not one error per round. The model is thrown away when anything
 * was reported, so a half-filled step never escapes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-pack-private.h"

typedef struct {
  const char   *filename;
  char         *pack_dir;       /* resolved, nullable */
  GPtrArray    *diagnostics;
  GString      *path;
  LateralPack  *pack;
  GHashTable   *techniques;     /* id -> node of its first use */
  GHashTable   *step_ids;       /* id -> node */
  gboolean      saturated;
} Checker;

typedef struct {
  const char *name;
  gboolean    required;
  const char *hint;             /* what is expected, for a missing member */
} Field;

#define MAX_FIELDS 16

static void G_GNUC_PRINTF (4, 5)
report_at (Checker    *c,
           guint       line,
           guint       column,
           const char *format,
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

#define report(c, node, ...) report_at ((c), (node)->line, (node)->column, __VA_ARGS__)

static gsize
push_name (Checker    *c,
           const char *name)
{
  gsize mark = c->path->len;

  if (mark > 0)
    g_string_append_c (c->path, '.');
  g_string_append (c->path, name);
  return mark;
}

static gsize
push_index (Checker *c,
            guint    index)
{
  gsize mark = c->path->len;

  g_string_append_printf (c->path, "[%u]", index);
  return mark;
}

static void
pop (Checker *c,
     gsize    mark)
{
  g_string_truncate (c->path, mark);
}

static gboolean
expect_type (Checker               *c,
             const LateralJsonNode *node,
             LateralJsonType        type,
             const char            *what)
{
  if (node->type == type)
    return TRUE;

  report (c, node, _("expected %s, found %s"), what, lateral_json_type_name (node->type));
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

/* Unknown members are usually typos: name the field that was meant. */
static const char *
closest_field (const char  *name,
               const Field *fields)
{
  const char *best = NULL;
  guint best_distance = 3;

  if (strlen (name) > 64)
    return NULL;

  for (guint f = 0; fields[f].name != NULL; f++)
    {
      guint distance = edit_distance (name, fields[f].name);

      if (distance < best_distance)
        {
          best = fields[f].name;
          best_distance = distance;
        }
    }
  return best;
}

/* Matches the members of an object against @fields: unknown, repeated and
 * missing members are reported; values[i] is the value of fields[i] or NULL. */
static gboolean
check_members (Checker               *c,
               const LateralJsonNode *node,
               const Field           *fields,
               const char            *what,
               const LateralJsonNode **values)
{
  guint n_fields = 0;

  while (fields[n_fields].name != NULL)
    values[n_fields++] = NULL;
  g_assert (n_fields <= MAX_FIELDS);

  if (!expect_type (c, node, LATERAL_JSON_OBJECT, what))
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

      if (f == n_fields)
        {
          g_autoptr(GString) names = g_string_new (NULL);
          gsize mark = push_name (c, member->name);
          const char *close = closest_field (member->name, fields);

          for (guint k = 0; k < n_fields; k++)
            g_string_append_printf (names, "%s%s", k > 0 ? ", " : "", fields[k].name);
          if (close != NULL)
            report_at (c, member->line, member->column,
                       _("unknown member “%s”; did you mean “%s”? Expected one of: %s"),
                       member->name, close, names->str);
          else
            report_at (c, member->line, member->column,
                       _("unknown member “%s”; expected one of: %s"), member->name, names->str);
          pop (c, mark);
        }
      else if (values[f] != NULL)
        {
          gsize mark = push_name (c, member->name);

          report_at (c, member->line, member->column,
                     _("“%s” appears twice in the same object (first at line %u); keep one"),
                     member->name, values[f]->line);
          pop (c, mark);
        }
      else
        values[f] = member->value;
    }

  for (guint f = 0; f < n_fields; f++)
    {
      if (fields[f].required && values[f] == NULL)
        report (c, node, _("missing required member “%s” (%s)"), fields[f].name, _(fields[f].hint));
    }

  return TRUE;
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
static char *
take_text (Checker               *c,
           const char            *name,
           const LateralJsonNode *node)
{
  char *result = NULL;
  gsize mark;

  if (node == NULL)
    return NULL;

  mark = push_name (c, name);
  if (expect_type (c, node, LATERAL_JSON_STRING, _("text")))
    {
      if (is_blank (node->v.string))
        report (c, node, _("is empty; expected some text"));
      else
        result = g_strdup (node->v.string);
    }
  pop (c, mark);
  return result;
}

gboolean
lateral_date_is_valid (const char *date)
{
  static const char shape[] = "dddd-dd-dd";
  guint y, m, d;

  if (date == NULL || strlen (date) != strlen (shape))
    return FALSE;
  for (guint i = 0; shape[i] != '\0'; i++)
    {
      if (shape[i] == 'd' ? !g_ascii_isdigit (date[i]) : date[i] != '-')
        return FALSE;
    }

  y = atoi (date);
  m = atoi (date + 5);
  d = atoi (date + 8);
  return g_date_valid_dmy (d, m, y);
}

static char *
take_date (Checker               *c,
           const char            *name,
           const LateralJsonNode *node)
{
  char *date = take_text (c, name, node);
  gsize mark;

  if (date == NULL || lateral_date_is_valid (date))
    return date;

  mark = push_name (c, name);
  report (c, node, _("“%s” is not a real date; expected YYYY-MM-DD, such as 2015-09-14"), date);
  pop (c, mark);
  g_free (date);
  return NULL;
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

static char *
take_url (Checker               *c,
          const char            *name,
          const LateralJsonNode *node)
{
  char *url = take_text (c, name, node);
  gsize mark;

  if (url == NULL || url_is_valid (url))
    return url;

  mark = push_name (c, name);
  report (c, node, _("“%s” is not an http or https address; expected a web address such as https://example.org/article"), url);
  pop (c, mark);
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
static char *
take_id (Checker               *c,
         const char            *name,
         const LateralJsonNode *node)
{
  char *id = take_text (c, name, node);
  gsize mark;

  if (id == NULL || id_is_valid (id))
    return id;

  mark = push_name (c, name);
  report (c, node, _("“%s” is not a valid id; expected at most %d lowercase letters, digits, “-” and “_”, starting with a letter or digit"),
          id, LATERAL_PACK_MAX_ID_LENGTH);
  pop (c, mark);
  g_free (id);
  return NULL;
}

/* Paragraphs: a list of non-empty texts, at least @min_items of them. */
static char **
take_texts (Checker               *c,
            const char            *name,
            const LateralJsonNode *node,
            guint                  min_items,
            gboolean               names)
{
  g_autoptr(GStrvBuilder) builder = NULL;
  gsize mark;

  if (node == NULL)
    return min_items == 0 ? g_new0 (char *, 1) : NULL;

  mark = push_name (c, name);
  builder = g_strv_builder_new ();
  if (expect_type (c, node, LATERAL_JSON_ARRAY,
                   names ? _("a list of names, each in double quotes")
                         : _("a list of paragraphs, each in double quotes")))
    {
      if (node->n < min_items)
        report (c, node, "%s", names ? _("is an empty list; expected at least one name")
                                     : _("is an empty list; expected at least one paragraph"));
      for (guint i = 0; i < node->n; i++)
        {
          gsize item_mark = push_index (c, i);
          const LateralJsonNode *item = node->v.items[i];

          if (expect_type (c, item, LATERAL_JSON_STRING, names ? _("a name") : _("a paragraph of text")))
            {
              if (is_blank (item->v.string))
                report (c, item, "%s", names ? _("is empty; expected a name")
                                             : _("is an empty paragraph; remove it or write some text"));
              else
                g_strv_builder_add (builder, item->v.string);
            }
          pop (c, item_mark);
        }
    }
  pop (c, mark);
  return g_strv_builder_end (builder);
}

static char **
take_paragraphs (Checker               *c,
                 const char            *name,
                 const LateralJsonNode *node,
                 guint                  min_items)
{
  return take_texts (c, name, node, min_items, FALSE);
}

static const Field source_fields[] = {
  { "publisher", TRUE, N_("text: who published it") },
  { "title", TRUE, N_("text: the headline or title") },
  { "date", TRUE, N_("the publication date, YYYY-MM-DD") },
  { "url", TRUE, N_("an http or https address") },
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
  g_free (source);
}

static LateralSource *
take_source (Checker               *c,
             const LateralJsonNode *node)
{
  const LateralJsonNode *v[MAX_FIELDS];
  LateralSource *source;

  if (!check_members (c, node, source_fields, _("a source: an object with publisher, title, date and url"), v))
    return NULL;

  source = g_new0 (LateralSource, 1);
  source->publisher = take_text (c, "publisher", v[0]);
  source->title = take_text (c, "title", v[1]);
  source->date = take_date (c, "date", v[2]);
  source->url = take_url (c, "url", v[3]);
  return source;
}

void
lateral_technique_free (LateralTechnique *technique)
{
  if (technique == NULL)
    return;
  g_free (technique->id);
  g_free (technique->name);
  g_free (technique->description);
  g_free (technique);
}

static const Field technique_fields[] = {
  { "id", TRUE, N_("a short id such as impersonation") },
  { "name", TRUE, N_("text: the technique's name") },
  { "description", TRUE, N_("text: what the technique is") },
  { NULL }
};

static void
check_techniques (Checker               *c,
                  const LateralJsonNode *node)
{
  gsize mark;

  if (node == NULL)
    return;

  mark = push_name (c, "techniques");
  if (expect_type (c, node, LATERAL_JSON_ARRAY, _("a list of techniques")))
    {
      for (guint i = 0; i < node->n; i++)
        {
          const LateralJsonNode *v[MAX_FIELDS];
          gsize item_mark = push_index (c, i);
          LateralTechnique *technique;
          const LateralJsonNode *first;

          if (check_members (c, node->v.items[i], technique_fields, _("a technique: an object with id, name and description"), v))
            {
              technique = g_new0 (LateralTechnique, 1);
              technique->id = take_id (c, "id", v[0]);
              technique->name = take_text (c, "name", v[1]);
              technique->description = take_text (c, "description", v[2]);
              g_ptr_array_add (c->pack->techniques, technique);

              if (technique->id == NULL)
                ;
              else if ((first = g_hash_table_lookup (c->techniques, technique->id)) != NULL)
                {
                  gsize id_mark = push_name (c, "id");
                  report (c, v[0], _("technique id “%s” is already used at line %u; ids must be unique"),
                          technique->id, first->line);
                  pop (c, id_mark);
                }
              else
                g_hash_table_insert (c->techniques, technique->id, (gpointer) v[0]);
            }
          pop (c, item_mark);
        }
    }
  pop (c, mark);
}


void
lateral_move_free (LateralMove *move)
{
  if (move == NULL)
    return;
  g_free (move->id);
  g_free (move->label);
  g_free (move->why);
  g_free (move);
}

static const Field move_fields[] = {
  { "id", TRUE, N_("a short id such as second-source") },
  { "label", TRUE, N_("text: the check as the learner sees it") },
  { "expected", FALSE, N_("true or false") },
  { "why", FALSE, N_("text: why this check matters or not") },
  { NULL }
};

static const Field moves_fields[] = {
  { "question", TRUE, N_("text such as “Which checks would you make?”") },
  { "options", TRUE, N_("a list of 1 to 12 checks") },
  { NULL }
};

static void
check_moves (Checker               *c,
             LateralStep           *step,
             const LateralJsonNode *node)
{
  const LateralJsonNode *v[MAX_FIELDS];
  const LateralJsonNode *options;
  g_autoptr(GHashTable) ids = NULL;
  gboolean any_expected = FALSE;
  gsize mark, options_mark;

  if (node == NULL)
    return;

  mark = push_name (c, "moves");
  if (!check_members (c, node, moves_fields, _("an object with question and options"), v))
    goto out;

  step->moves_question = take_text (c, "question", v[0]);
  options = v[1];
  if (options == NULL)
    goto out;

  options_mark = push_name (c, "options");
  ids = g_hash_table_new (g_str_hash, g_str_equal);
  if (expect_type (c, options, LATERAL_JSON_ARRAY, _("a list of checks")))
    {
      if (options->n == 0 || options->n > LATERAL_PACK_MAX_OPTIONS)
        report (c, options, _("has %u options; expected 1 to %d"), options->n, LATERAL_PACK_MAX_OPTIONS);

      for (guint i = 0; i < options->n; i++)
        {
          const LateralJsonNode *o[MAX_FIELDS];
          gsize item_mark = push_index (c, i);
          LateralMove *move;

          if (check_members (c, options->v.items[i], move_fields, _("a check: an object with id and label"), o))
            {
              move = g_new0 (LateralMove, 1);
              move->id = take_id (c, "id", o[0]);
              move->label = take_text (c, "label", o[1]);
              move->why = take_text (c, "why", o[3]);
              if (o[2] != NULL)
                {
                  gsize expected_mark = push_name (c, "expected");
                  if (expect_type (c, o[2], LATERAL_JSON_BOOLEAN, _("true or false")))
                    move->expected = o[2]->v.boolean;
                  pop (c, expected_mark);
                }
              any_expected |= move->expected;
              g_ptr_array_add (step->moves, move);

              if (move->id != NULL && !g_hash_table_add (ids, move->id))
                {
                  gsize id_mark = push_name (c, "id");
                  report (c, o[0], _("option id “%s” is used twice in this claim; ids must be unique"), move->id);
                  pop (c, id_mark);
                }
            }
          pop (c, item_mark);
        }

      if (options->n > 0 && !any_expected)
        report (c, options, _("no option has \"expected\": true; mark at least one check the learner should make"));
    }
  pop (c, options_mark);

out:
  pop (c, mark);
}

static void
check_reveal_techniques (Checker               *c,
                         LateralStep           *step,
                         const LateralJsonNode *node)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  gsize mark = push_name (c, "techniques");

  if (expect_type (c, node, LATERAL_JSON_ARRAY, _("a list of technique ids from the glossary")))
    {
      if (node->n == 0)
        report (c, node, _("is an empty list; expected at least one technique id from the glossary"));

      for (guint i = 0; i < node->n; i++)
        {
          gsize item_mark = push_index (c, i);
          const LateralJsonNode *item = node->v.items[i];

          if (!expect_type (c, item, LATERAL_JSON_STRING, _("a technique id")))
            ;
          else if (!g_hash_table_contains (c->techniques, item->v.string))
            {
              g_autoptr(GString) known = g_string_new (NULL);

              for (guint k = 0; k < c->pack->techniques->len; k++)
                {
                  const LateralTechnique *t = g_ptr_array_index (c->pack->techniques, k);

                  if (t->id != NULL)
                    g_string_append_printf (known, "%s%s", known->len > 0 ? ", " : "", t->id);
                }
              report (c, item, _("“%s” is not in the glossary; expected one of: %s"),
                      item->v.string, known->len > 0 ? known->str : _("(the glossary is empty)"));
            }
          else if (!g_hash_table_add (seen, (gpointer) item->v.string))
            report (c, item, _("“%s” is listed twice; name each technique once"), item->v.string);
          else
            g_strv_builder_add (builder, item->v.string);
          pop (c, item_mark);
        }
    }
  pop (c, mark);
  step->techniques = g_strv_builder_end (builder);
}

static const Field reveal_fields[] = {
  { "known_then", TRUE, N_("paragraphs: what could be known on the as_of date") },
  { "explanation", TRUE, N_("paragraphs: why the verdict stands") },
  { "techniques", TRUE, N_("a list of technique ids from the glossary") },
  { "sources", TRUE, N_("a list of 1 to 20 dated sources") },
  { NULL }
};

static void
check_reveal (Checker               *c,
              LateralStep           *step,
              const LateralJsonNode *node)
{
  const LateralJsonNode *v[MAX_FIELDS];
  gsize mark = push_name (c, "reveal");

  if (!check_members (c, node, reveal_fields, _("an object with known_then, explanation, techniques and sources"), v))
    goto out;

  step->known_then = take_paragraphs (c, "known_then", v[0], 1);
  step->explanation = take_paragraphs (c, "explanation", v[1], 1);
  if (v[2] != NULL)
    check_reveal_techniques (c, step, v[2]);

  if (v[3] != NULL)
    {
      gsize sources_mark = push_name (c, "sources");
      const LateralJsonNode *sources = v[3];

      if (expect_type (c, sources, LATERAL_JSON_ARRAY, _("a list of sources")))
        {
          if (sources->n == 0)
            report (c, sources, _("is an empty list; a reveal needs at least one dated source with its address"));
          else if (sources->n > LATERAL_PACK_MAX_SOURCES)
            report (c, sources, _("has %u sources; expected at most %d"), sources->n, LATERAL_PACK_MAX_SOURCES);

          for (guint i = 0; i < sources->n; i++)
            {
              gsize item_mark = push_index (c, i);
              LateralSource *source = take_source (c, sources->v.items[i]);

              if (source != NULL)
                g_ptr_array_add (step->sources, source);
              pop (c, item_mark);
            }
        }
      pop (c, sources_mark);
    }

out:
  pop (c, mark);
}

static const Field image_fields[] = {
  { "path", TRUE, N_("a path relative to the pack's folder, such as images/photo.jpg") },
  { "alt", TRUE, N_("text: what the picture shows, for screen readers") },
  { NULL }
};

/* Image paths never leave the pack's folder, not even through a link. */
static char *
resolve_image_path (Checker               *c,
                    const LateralJsonNode *node,
                    const char            *path)
{
  g_auto(GStrv) parts = NULL;
  g_autofree char *joined = NULL;
  g_autofree char *real = NULL;

  if (path[0] == '/' || path[0] == '\\' || (g_ascii_isalpha (path[0]) && path[1] == ':'))
    {
      report (c, node, _("“%s” is an absolute path; expected a path relative to the pack's folder, such as images/photo.jpg"), path);
      return NULL;
    }
  if (strchr (path, '\\') != NULL)
    {
      report (c, node, _("“%s” contains “\\”; expected “/” between folder names"), path);
      return NULL;
    }

  parts = g_strsplit (path, "/", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    {
      if (g_str_equal (parts[i], ".."))
        {
          report (c, node, _("“%s” leads outside the pack's folder; expected a path inside it, without “..”"), path);
          return NULL;
        }
    }

  /* Loaded from memory: there is no folder to look in. */
  if (c->pack_dir == NULL)
    return g_strdup (path);

  joined = g_build_filename (c->pack_dir, path, NULL);
  real = realpath (joined, NULL);
  if (real == NULL || !g_file_test (real, G_FILE_TEST_IS_REGULAR))
    {
      report (c, node, _("image file “%s” not found next to the pack; expected a file in the pack's folder"), path);
      return NULL;
    }
  if (!g_str_has_prefix (real, c->pack_dir) || real[strlen (c->pack_dir)] != G_DIR_SEPARATOR)
    {
      report (c, node, _("“%s” leads outside the pack's folder through a symbolic link; expected a file inside it"), path);
      return NULL;
    }

  return g_steal_pointer (&real);
}

static LateralImage *
take_image (Checker               *c,
            const LateralJsonNode *node)
{
  const LateralJsonNode *v[MAX_FIELDS];
  LateralImage *image = NULL;
  gsize mark = push_name (c, "image");

  if (check_members (c, node, image_fields, _("an object with path and alt"), v))
    {
      g_autofree char *path = take_text (c, "path", v[0]);

      image = g_new0 (LateralImage, 1);
      image->alt = take_text (c, "alt", v[1]);
      if (path != NULL)
        {
          gsize path_mark = push_name (c, "path");
          image->path = resolve_image_path (c, v[0], path);
          pop (c, path_mark);
        }
    }
  pop (c, mark);
  return image;
}

static const Field story_fields[] = {
  { "id", TRUE, N_("a short id such as the-visit") },
  { "type", TRUE, N_("“story” or “claim”") },
  { "title", TRUE, N_("text") },
  { "date", TRUE, N_("the date of the events, YYYY-MM-DD") },
  { "text", TRUE, N_("a list of paragraphs") },
  { "image", FALSE, N_("an object with path and alt") },
  { "source", FALSE, N_("an object with publisher, title, date and url") },
  { NULL }
};

static void
check_story (Checker               *c,
             LateralStep           *step,
             const LateralJsonNode *v[])
{
  step->title = take_text (c, "title", v[2]);
  step->date = take_date (c, "date", v[3]);
  step->text = take_paragraphs (c, "text", v[4], 1);
  if (v[5] != NULL)
    step->image = take_image (c, v[5]);
  if (v[6] != NULL)
    {
      gsize mark = push_name (c, "source");
      step->source = take_source (c, v[6]);
      pop (c, mark);
    }
}

static const Field claim_fields[] = {
  { "id", TRUE, N_("a short id such as first-call") },
  { "type", TRUE, N_("“story” or “claim”") },
  { "claim", TRUE, N_("text: the claim as the learner sees it") },
  { "context", FALSE, N_("a list of paragraphs") },
  { "as_of", TRUE, N_("the date the judgement is made at, YYYY-MM-DD") },
  { "verdict", TRUE, N_("one of true, false, misleading, unverified") },
  { "also_accepted", FALSE, N_("a list of other verdicts") },
  { "moves", FALSE, N_("an object with question and options") },
  { "reveal", TRUE, N_("an object with known_then, explanation, techniques and sources") },
  { NULL }
};

static gboolean
take_verdict (Checker               *c,
              const LateralJsonNode *node,
              LateralVerdict        *out)
{
  if (!expect_type (c, node, LATERAL_JSON_STRING, _("a verdict: true, false, misleading or unverified")))
    return FALSE;
  if (lateral_verdict_from_string (node->v.string, out))
    return TRUE;

  report (c, node, _("“%s” is not a verdict; expected one of: true, false, misleading, unverified"),
          node->v.string);
  return FALSE;
}

static void
check_also_accepted (Checker               *c,
                     LateralStep           *step,
                     gboolean               have_verdict,
                     const LateralJsonNode *node)
{
  gsize mark = push_name (c, "also_accepted");

  if (expect_type (c, node, LATERAL_JSON_ARRAY, _("a list of verdicts")))
    {
      for (guint i = 0; i < node->n; i++)
        {
          gsize item_mark = push_index (c, i);
          const LateralJsonNode *item = node->v.items[i];
          LateralVerdict verdict;

          if (!take_verdict (c, item, &verdict))
            ;
          else if (have_verdict && verdict == step->verdict)
            report (c, item, _("“%s” is the claim's verdict already; list only other verdicts"), item->v.string);
          else if (step->accepted & (1u << verdict))
            report (c, item, _("“%s” is listed twice; list each verdict once"), item->v.string);
          else
            step->accepted |= 1u << verdict;
          pop (c, item_mark);
        }
    }
  pop (c, mark);
}

static void
check_claim (Checker               *c,
             LateralStep           *step,
             const LateralJsonNode *v[])
{
  gboolean have_verdict = FALSE;

  step->claim_index = c->pack->n_claims++;
  step->claim = take_text (c, "claim", v[2]);
  step->context = take_paragraphs (c, "context", v[3], 0);
  step->as_of = take_date (c, "as_of", v[4]);
  if (v[5] != NULL)
    {
      gsize mark = push_name (c, "verdict");
      have_verdict = take_verdict (c, v[5], &step->verdict);
      pop (c, mark);
    }
  if (have_verdict)
    step->accepted = 1u << step->verdict;
  if (v[6] != NULL)
    check_also_accepted (c, step, have_verdict, v[6]);
  check_moves (c, step, v[7]);
  if (v[8] != NULL)
    check_reveal (c, step, v[8]);
}

void
lateral_step_free (LateralStep *step)
{
  if (step == NULL)
    return;

  g_free (step->id);
  g_free (step->title);
  g_free (step->date);
  g_strfreev (step->text);
  if (step->image != NULL)
    {
      g_free (step->image->path);
      g_free (step->image->alt);
      g_free (step->image);
    }
  lateral_source_free (step->source);
  g_free (step->claim);
  g_strfreev (step->context);
  g_free (step->as_of);
  g_free (step->moves_question);
  g_clear_pointer (&step->moves, g_ptr_array_unref);
  g_strfreev (step->known_then);
  g_strfreev (step->explanation);
  g_strfreev (step->techniques);
  g_clear_pointer (&step->sources, g_ptr_array_unref);
  g_free (step);
}

static const LateralJsonNode *
find_member (const LateralJsonNode *object,
             const char            *name)
{
  for (guint i = 0; i < object->n; i++)
    {
      if (g_str_equal (object->v.members[i].name, name))
        return object->v.members[i].value;
    }
  return NULL;
}

static void
check_step (Checker               *c,
            guint                  index,
            const LateralJsonNode *node)
{
  const LateralJsonNode *v[MAX_FIELDS];
  const LateralJsonNode *type;
  const LateralJsonNode *first;
  LateralStep *step;
  gboolean is_claim;

  if (!expect_type (c, node, LATERAL_JSON_OBJECT, _("a step: an object with id and type")))
    return;

  /* The type says which members the step may have. */
  type = find_member (node, "type");
  if (type == NULL)
    {
      report (c, node, _("missing required member “type” (“story” or “claim”)"));
      return;
    }
  if (type->type != LATERAL_JSON_STRING ||
      !(g_str_equal (type->v.string, "story") || g_str_equal (type->v.string, "claim")))
    {
      gsize mark = push_name (c, "type");
      report (c, type, _("expected “story” or “claim”"));
      pop (c, mark);
      return;
    }

  is_claim = g_str_equal (type->v.string, "claim");
  if (!check_members (c, node, is_claim ? claim_fields : story_fields, "", v))
    return;

  step = g_new0 (LateralStep, 1);
  step->type = is_claim ? LATERAL_STEP_CLAIM : LATERAL_STEP_STORY;
  step->index = index;
  step->moves = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_move_free);
  step->sources = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_source_free);
  g_ptr_array_add (c->pack->steps, step);

  step->id = take_id (c, "id", v[0]);
  if (step->id == NULL)
    ;
  else if ((first = g_hash_table_lookup (c->step_ids, step->id)) != NULL)
    {
      gsize mark = push_name (c, "id");
      report (c, v[0], _("step id “%s” is already used at line %u; ids must be unique"),
              step->id, first->line);
      pop (c, mark);
    }
  else
    {
      g_hash_table_insert (c->step_ids, step->id, (gpointer) v[0]);
      g_hash_table_insert (c->pack->step_index, step->id, step);
    }

  if (is_claim)
    check_claim (c, step, v);
  else
    check_story (c, step, v);
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

static gboolean
number_is_valid (const char **p,
                 char         stop)
{
  const char *s = *p;

  if (!g_ascii_isdigit (*s))
    return FALSE;
  if (*s == '0' && g_ascii_isdigit (s[1]))
    return FALSE;  /* no leading zeros */
  while (g_ascii_isdigit (*s))
    s++;
  if (*s != stop)
    return FALSE;
  *p = s;
  return TRUE;
}

gboolean
lateral_version_is_valid (const char *version)
{
  const char *p = version;

  if (!number_is_valid (&p, '.'))
    return FALSE;
  p++;
  if (!number_is_valid (&p, '.'))
    return FALSE;
  p++;
  if (!g_ascii_isdigit (*p) || (*p == '0' && g_ascii_isdigit (p[1])))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return TRUE;
  if (*p != '-')
    return FALSE;

  /* Prerelease: dot-separated non-empty identifiers of [0-9A-Za-z-]. */
  p++;
  for (;;)
    {
      const char *start = p;

      while (g_ascii_isalnum (*p) || *p == '-')
        p++;
      if (p == start)
        return FALSE;
      if (*p == '\0')
        return TRUE;
      if (*p != '.')
        return FALSE;
      p++;
    }
}

static gboolean
language_is_valid (const char *tag)
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

static const Field pack_fields[] = {
  { "format", TRUE, N_("exactly “lateral-pack/1”") },
  { "id", TRUE, N_("a reverse-DNS id such as org.example.my-case") },
  { "version", TRUE, N_("a version such as 1.0.0") },
  { "title", TRUE, N_("text") },
  { "summary", TRUE, N_("text: one or two sentences") },
  { "language", TRUE, N_("a language tag such as en or pt-BR") },
  { "authors", TRUE, N_("a list of names") },
  { "license", TRUE, N_("text, an SPDX id such as CC-BY-4.0") },
  { "estimated_minutes", TRUE, N_("a whole number from 1 to 600") },
  { "techniques", TRUE, N_("a list of techniques: the glossary") },
  { "steps", TRUE, N_("a list of story and claim steps") },
  { NULL }
};

static void
check_header (Checker                *c,
              const LateralJsonNode **v)
{
  LateralPack *pack = c->pack;
  g_autofree char *format = take_text (c, "format", v[0]);
  gsize mark;

  mark = push_name (c, "format");
  if (format != NULL && !g_str_equal (format, LATERAL_PACK_FORMAT))
    report (c, v[0], _("unsupported format “%s”; expected “%s”"), format, LATERAL_PACK_FORMAT);
  pop (c, mark);

  pack->id = take_text (c, "id", v[1]);
  mark = push_name (c, "id");
  if (pack->id != NULL && !lateral_pack_id_is_valid (pack->id))
    report (c, v[1], _("“%s” is not a reverse-DNS id; expected at least three parts of letters, digits, “-” or “_” separated by dots, such as org.example.my-case"), pack->id);
  pop (c, mark);

  pack->version = take_text (c, "version", v[2]);
  mark = push_name (c, "version");
  if (pack->version != NULL && !lateral_version_is_valid (pack->version))
    report (c, v[2], _("“%s” is not a semantic version; expected MAJOR.MINOR.PATCH such as 1.0.0 or 1.1.0-beta.1"), pack->version);
  pop (c, mark);

  pack->title = take_text (c, "title", v[3]);
  pack->summary = take_text (c, "summary", v[4]);

  pack->language = take_text (c, "language", v[5]);
  mark = push_name (c, "language");
  if (pack->language != NULL && !language_is_valid (pack->language))
    report (c, v[5], _("“%s” is not a language tag; expected a BCP 47 tag such as en, de or pt-BR"), pack->language);
  pop (c, mark);

  if (v[6] != NULL)
    {
      pack->authors = take_texts (c, "authors", v[6], 1, TRUE);
    }
  pack->license = take_text (c, "license", v[7]);

  if (v[8] != NULL)
    {
      const LateralJsonNode *minutes = v[8];

      mark = push_name (c, "estimated_minutes");
      if (minutes->type != LATERAL_JSON_NUMBER)
        report (c, minutes, _("expected a whole number of minutes from 1 to 600, found %s"),
                lateral_json_type_name (minutes->type));
      else if (!minutes->integral || minutes->v.number < 1 || minutes->v.number > 600)
        report (c, minutes, _("expected a whole number of minutes from 1 to 600, found %g"),
                minutes->v.number);
      else
        pack->estimated_minutes = (guint) minutes->v.number;
      pop (c, mark);
    }
}

void
lateral_pack_check_tree (LateralPack           *pack,
                         const LateralJsonNode *root,
                         const char            *filename,
                         const char            *pack_dir,
                         GPtrArray             *diagnostics)
{
  Checker c = { 0 };
  const LateralJsonNode *v[MAX_FIELDS];

  g_return_if_fail (LATERAL_IS_PACK (pack));
  g_return_if_fail (root != NULL);

  c.filename = filename;
  c.pack_dir = pack_dir != NULL ? realpath (pack_dir, NULL) : NULL;
  c.diagnostics = diagnostics;
  c.path = g_string_new (NULL);
  c.pack = pack;
  c.techniques = g_hash_table_new (g_str_hash, g_str_equal);
  c.step_ids = g_hash_table_new (g_str_hash, g_str_equal);

  if (check_members (&c, root, pack_fields, _("a pack: a JSON object starting with “{”"), v))
    {
      check_header (&c, v);
      /* The glossary first: steps refer to it wherever it is in the file. */
      check_techniques (&c, v[9]);

      if (v[10] != NULL)
        {
          gsize mark = push_name (&c, "steps");

          if (expect_type (&c, v[10], LATERAL_JSON_ARRAY, _("a list of steps")))
            {
              if (v[10]->n == 0)
                report (&c, v[10], _("is an empty list; expected at least one step"));
              for (guint i = 0; i < v[10]->n; i++)
                {
                  gsize item_mark = push_index (&c, i);
                  check_step (&c, i, v[10]->v.items[i]);
                  pop (&c, item_mark);
                }
            }
          pop (&c, mark);
        }
    }

  g_hash_table_unref (c.step_ids);
  g_hash_table_unref (c.techniques);
  g_string_free (c.path, TRUE);
  free (c.pack_dir);
}
