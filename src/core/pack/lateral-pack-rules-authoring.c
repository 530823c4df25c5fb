/* lateral-pack-rules-authoring.c: warnings for a pack that is valid but not
 * finished
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack can pass every rule and still be a draft: the example id, the
 * starter pack's placeholder sentences, glossary entries no claim uses,
 * sources with no archived copy. None of these stops a class from playing,
 * so they are warnings, never errors; `lateral-cli validate --strict`
 * turns them into failures for a pack repository's CI.
 *
 * They are checked on the JSON tree, after the walk, so each warning has
 * its place and path like every other diagnostic, and only once the pack
 * has no error: hints about a draft would bury what must be fixed.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-pack-reader-private.h"

/* The texts of the starter pack `lateral-cli new-pack` writes
 * (src/cli/lateral-cli-new-pack.c); tests/test-cli-authoring.py checks
 * that a fresh starter pack warns about them. */
static const char * const placeholders[] = {
  "One or two sentences shown in the list of cases.",
  "Your name",
  "What happened first",
  "Tell what the public could see on this date, in a few sentences.",
  "The claim the learner judges, as it was made.",
  "What the learner has in front of them when judging.",
  "What could be known on the as_of date.",
  "Why the verdict stands.",
  "The headline of the article",
  "Example Gazette",
  "https://example.org/article",
  "One line the learner should remember.",
  "What that check would have found on the as_of date.",
  "Find a second source",
  "What a careful reader does before believing it.",
};

static void
warn (LateralPackReader     *c,
      const LateralJsonNode *node,
      const char            *path,
      const char            *format,
      ...) G_GNUC_PRINTF (4, 5);

static void
warn (LateralPackReader     *c,
      const LateralJsonNode *node,
      const char            *path,
      const char            *format,
      ...)
{
  g_autofree char *message = NULL;
  LateralDiagnostic *diagnostic;
  va_list args;

  if (c->saturated || c->diagnostics->len >= LATERAL_PACK_MAX_DIAGNOSTICS)
    return;
  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);
  diagnostic = lateral_diagnostic_new (c->filename, node->line, node->column, path, message);
  diagnostic->severity = LATERAL_DIAGNOSTIC_WARNING;
  g_ptr_array_add (c->diagnostics, diagnostic);
}

static gboolean
is_placeholder (const char *text)
{
  for (guint i = 0; i < G_N_ELEMENTS (placeholders); i++)
    if (g_str_equal (text, placeholders[i]))
      return TRUE;
  return FALSE;
}

/* A source is an object with a publisher and an address. */
static gboolean
is_source (const LateralJsonNode *node)
{
  return node->type == LATERAL_JSON_OBJECT &&
         lateral_pack_reader_find_member (node, "publisher") != NULL &&
         lateral_pack_reader_find_member (node, "url") != NULL;
}

/* Every string and every source of the tree, depth first. */
static void
walk (LateralPackReader     *c,
      const LateralJsonNode *node,
      GString               *path,
      GHashTable            *used)
{
  gsize mark = path->len;

  switch (node->type)
    {
    case LATERAL_JSON_STRING:
      if (is_placeholder (node->v.string))
        warn (c, node, path->str,
              _("“%s” is the starter pack's placeholder; replace it with your own text"), node->v.string);
      break;

    case LATERAL_JSON_ARRAY:
      for (guint i = 0; i < node->n; i++)
        {
          g_string_append_printf (path, "[%u]", i);
          walk (c, node->v.items[i], path, used);
          g_string_truncate (path, mark);
        }
      break;

    case LATERAL_JSON_OBJECT:
      if (c->format_version >= 2 && is_source (node) &&
          lateral_pack_reader_find_member (node, "archive_url") == NULL)
        warn (c, node, path->str,
              _("this source has no “archive_url”; add the address of an archived copy "
                "(web.archive.org or archive.today) so learners can check it if the page changes or goes"));
      for (guint i = 0; i < node->n; i++)
        {
          const LateralJsonMember *member = &node->v.members[i];

          /* Glossary ids in use, wherever the format puts them. */
          if ((g_str_equal (member->name, "techniques") || g_str_equal (member->name, "habits")) &&
              mark > 0 && member->value->type == LATERAL_JSON_ARRAY)
            for (guint k = 0; k < member->value->n; k++)
              if (member->value->v.items[k]->type == LATERAL_JSON_STRING)
                g_hash_table_add (used, (gpointer) member->value->v.items[k]->v.string);

          g_string_append_printf (path, "%s%s", path->len > 0 ? "." : "", member->name);
          walk (c, member->value, path, used);
          g_string_truncate (path, mark);
        }
      break;

    default:
      break;
    }
}

static void
check_unused (LateralPackReader     *c,
              const LateralJsonNode *root,
              const char            *name,
              GHashTable            *used)
{
  const LateralJsonNode *glossary = lateral_pack_reader_find_member (root, name);

  if (glossary == NULL || glossary->type != LATERAL_JSON_ARRAY)
    return;
  for (guint i = 0; i < glossary->n; i++)
    {
      const LateralJsonNode *id = glossary->v.items[i]->type == LATERAL_JSON_OBJECT
                                  ? lateral_pack_reader_find_member (glossary->v.items[i], "id") : NULL;
      g_autofree char *path = NULL;

      if (id == NULL || id->type != LATERAL_JSON_STRING || g_hash_table_contains (used, id->v.string))
        continue;
      path = g_strdup_printf ("%s[%u].id", name, i);
      warn (c, id, path,
            _("“%s” is in the glossary but no claim names it; name it in a reveal or remove it"),
            id->v.string);
    }
}

/**
 * lateral_pack_rules_authoring:
 *
 * Adds the warnings of an unfinished pack: the example id, the starter's
 * placeholder texts, unused glossary entries and (lateral-pack/2) sources
 * without an archived copy.
 */
void
lateral_pack_rules_authoring (LateralPackReader     *c,
                              const LateralJsonNode *root)
{
  g_autoptr(GHashTable) used = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) path = g_string_new (NULL);
  const LateralJsonNode *id = lateral_pack_reader_find_member (root, "id");

  /* Finish the pack first: hints about a draft would bury its errors. */
  for (guint i = 0; i < c->diagnostics->len; i++)
    if (((LateralDiagnostic *) g_ptr_array_index (c->diagnostics, i))->severity == LATERAL_DIAGNOSTIC_ERROR)
      return;

  if (id != NULL && id->type == LATERAL_JSON_STRING &&
      (g_str_has_prefix (id->v.string, "org.example.") || g_str_has_prefix (id->v.string, "com.example.")))
    warn (c, id, "id",
          _("“%s” is an example id; use a domain or code-hosting account you control, "
            "such as io.github.YOUR-NAME.%s, so your case never clashes with another"),
          id->v.string, strrchr (id->v.string, '.') + 1);

  walk (c, root, path, used);
  check_unused (c, root, "techniques", used);
  check_unused (c, root, "habits", used);
}
