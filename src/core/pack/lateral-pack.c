/* lateral-pack.c: loading a pack, its getters, diagnostics and version order
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "json/lateral-json-enum.h"
#include "lateral-pack-private.h"

G_DEFINE_FINAL_TYPE (LateralPack, lateral_pack, G_TYPE_OBJECT)

G_DEFINE_QUARK (lateral-pack-error-quark, lateral_pack_error)

static void
lateral_pack_finalize (GObject *object)
{
  LateralPack *self = (LateralPack *) object;

  g_free (self->id);
  g_free (self->version);
  g_free (self->title);
  g_free (self->summary);
  g_free (self->language);
  g_free (self->format);
  g_free (self->translated_from);
  g_free (self->accent_color);
  g_strfreev (self->authors);
  g_free (self->license);
  g_free (self->filename);
  g_free (self->content_hash);
  g_clear_pointer (&self->step_index, g_hash_table_unref);
  g_clear_pointer (&self->steps, g_ptr_array_unref);
  g_clear_pointer (&self->techniques, g_ptr_array_unref);
  g_clear_pointer (&self->habits, g_ptr_array_unref);
  g_clear_pointer (&self->artefacts, g_ptr_array_unref);
  g_clear_pointer (&self->warnings, g_ptr_array_unref);

  G_OBJECT_CLASS (lateral_pack_parent_class)->finalize (object);
}

static void
lateral_pack_class_init (LateralPackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = lateral_pack_finalize;
}

static void
lateral_pack_init (LateralPack *self)
{
  self->steps = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_step_free);
  self->techniques = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_technique_free);
  self->habits = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_technique_free);
  self->artefacts = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_artefact_free);
  self->warnings = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_diagnostic_free);
  self->step_index = g_hash_table_new (g_str_hash, g_str_equal);
  self->origin = LATERAL_PACK_ORIGIN_FILE;
}

static void
add_diagnostic_at (GPtrArray  *diagnostics,
                   const char *filename,
                   const char *data,
                   gsize       offset,
                   const char *message)
{
  guint line = 0, column = 0;

  if (data != NULL)
    lateral_json_locate (data, offset, &line, &column);
  g_ptr_array_add (diagnostics, lateral_diagnostic_new (filename, line, column, "", message));
}

/* Text saved in another encoding than UTF-8, named so the author knows
 * which choice to change in the editor's "Save as" dialog. */
static gboolean
check_encoding (const char *data,
                gsize       length,
                const char *filename,
                GPtrArray  *diagnostics)
{
  const guchar *u = (const guchar *) data;
  const char *bad;
  gboolean le_bom = length >= 2 && u[0] == 0xFF && u[1] == 0xFE;
  gboolean be_bom = length >= 2 && u[0] == 0xFE && u[1] == 0xFF;
  /* Without a byte order mark, UTF-16 JSON still has a NUL after (or
   * before) its first ASCII character. */
  gboolean le_bare = length >= 4 && u[0] != 0 && u[1] == 0 && u[2] != 0 && u[3] == 0;
  gboolean be_bare = length >= 4 && u[0] == 0 && u[1] != 0 && u[2] == 0 && u[3] != 0;

  if (le_bom || be_bom || le_bare || be_bare)
    {
      g_autofree char *message =
        g_strdup_printf (le_bom || be_bom
                         ? _("the file is UTF-16 text with a byte order mark (%s), which Notepad calls “Unicode”; save it as UTF-8 instead")
                         : _("the file is UTF-16 text (%s), which Notepad calls “Unicode”; save it as UTF-8 instead"),
                         le_bom || le_bare ? "UTF-16LE" : "UTF-16BE");
      add_diagnostic_at (diagnostics, filename, NULL, 0, message);
      return FALSE;
    }

  if (memchr (data, '\0', length) == NULL && !g_utf8_validate (data, length, &bad))
    {
      g_autofree char *converted = g_convert (data, length, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
      g_autofree char *shown = NULL;

      /* Every byte means something in Windows-1252 except five: if the
       * whole file converts, that is almost certainly what it is. */
      if (converted != NULL)
        {
          g_autofree char *message = NULL;

          shown = g_convert (bad, 1, "UTF-8", "WINDOWS-1252", NULL, NULL, NULL);
          message =
            g_strdup_printf (_("the file is not UTF-8: it looks like Windows-1252 (“ANSI” in Notepad), where byte 0x%02X is “%s”; save it as UTF-8 instead"),
                             (guchar) *bad, shown != NULL ? shown : "?");
          add_diagnostic_at (diagnostics, filename, data, bad - data, message);
          return FALSE;
        }
    }

  return TRUE;
}

/* One clear problem for input that is not text at all, before parsing. */
static gboolean
check_text (const char *data,
            gsize       length,
            const char *filename,
            GPtrArray  *diagnostics)
{
  const char *nul, *bad;
  gboolean blank = TRUE;

  if (length > LATERAL_PACK_MAX_FILE_SIZE)
    {
      g_autofree char *message =
        g_strdup_printf (_("the file is larger than %d MiB; a pack must be smaller"),
                         LATERAL_PACK_MAX_FILE_SIZE / (1024 * 1024));
      add_diagnostic_at (diagnostics, filename, NULL, 0, message);
      return FALSE;
    }

  for (gsize i = 0; i < length && blank; i++)
    blank = g_ascii_isspace (data[i]);
  if (blank)
    {
      add_diagnostic_at (diagnostics, filename, NULL, 0,
                         _("the file is empty; expected a pack, a JSON object starting with “{”"));
      return FALSE;
    }

  if (!check_encoding (data, length, filename, diagnostics))
    return FALSE;

  nul = memchr (data, '\0', length);
  if (nul != NULL)
    {
      add_diagnostic_at (diagnostics, filename, data, nul - data,
                         _("the file is binary (it contains a NUL byte); expected a JSON text file"));
      return FALSE;
    }

  if (!g_utf8_validate (data, length, &bad))
    {
      g_autofree char *message =
        g_strdup_printf (_("the file is not valid UTF-8 (byte 0x%02X); save it as UTF-8 text"),
                         (guchar) *bad);
      add_diagnostic_at (diagnostics, filename, data, bad - data, message);
      return FALSE;
    }

  return TRUE;
}

/* Paths count steps from 0, as JSON does; the app says "Step 3 of 13".
 * Each problem inside a step also names it the app's way, with its id. */
static void
label_steps (GPtrArray             *problems,
             const LateralJsonNode *root)
{
  const LateralJsonNode *steps = NULL;

  for (guint i = 0; root->type == LATERAL_JSON_OBJECT && i < root->n; i++)
    if (g_str_equal (root->v.members[i].name, "steps"))
      steps = root->v.members[i].value;
  if (steps == NULL || steps->type != LATERAL_JSON_ARRAY)
    return;

  for (guint i = 0; i < problems->len; i++)
    {
      LateralDiagnostic *d = g_ptr_array_index (problems, i);
      const LateralJsonNode *step;
      const char *id = NULL;
      guint64 index;
      char *end;

      if (d->path == NULL || !g_str_has_prefix (d->path, "steps["))
        continue;
      index = g_ascii_strtoull (d->path + strlen ("steps["), &end, 10);
      if (*end != ']' || index >= steps->n)
        continue;
      step = steps->v.items[index];
      for (guint k = 0; step->type == LATERAL_JSON_OBJECT && k < step->n; k++)
        if (g_str_equal (step->v.members[k].name, "id") && step->v.members[k].value->type == LATERAL_JSON_STRING)
          id = step->v.members[k].value->v.string;
      g_free (d->step);
      if (id != NULL)
        /* TRANSLATORS: where a problem is, as the app numbers steps: "step 3 “first-call”" */
        d->step = g_strdup_printf (_("step %u “%s”"), (guint) index + 1, id);
      else
        d->step = g_strdup_printf (_("step %u"), (guint) index + 1);
    }
}

static int
compare_diagnostics (gconstpointer a,
                     gconstpointer b)
{
  const LateralDiagnostic *da = *(LateralDiagnostic * const *) a;
  const LateralDiagnostic *db = *(LateralDiagnostic * const *) b;

  if (da->line != db->line)
    return da->line < db->line ? -1 : 1;
  if (da->column != db->column)
    return da->column < db->column ? -1 : 1;
  return 0;
}

static guint
count_errors (GPtrArray *diagnostics)
{
  guint n = 0;

  for (guint i = 0; i < diagnostics->len; i++)
    {
      const LateralDiagnostic *d = g_ptr_array_index (diagnostics, i);

      n += d->severity == LATERAL_DIAGNOSTIC_ERROR;
    }
  return n;
}

/* The error names the first error (not a warning) and counts the rest. */
static void
set_invalid_error (GError    **error,
                   const char *filename,
                   GPtrArray  *diagnostics)
{
  g_autofree char *first = NULL;
  guint n_errors = count_errors (diagnostics);

  for (guint i = 0; i < diagnostics->len && first == NULL; i++)
    {
      const LateralDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if (d->severity == LATERAL_DIAGNOSTIC_ERROR)
        first = lateral_diagnostic_format (d);
    }
  g_assert (first != NULL);

  if (n_errors == 1)
    g_set_error_literal (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID, first);
  else
    g_set_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID,
                 ngettext ("%s (and %u more problem)", "%s (and %u more problems)",
                           n_errors - 1),
                 first, n_errors - 1);
}

/**
 * lateral_pack_load_bytes:
 * @bytes: the file's contents
 * @filename: (nullable): the file's name, for messages and to find images;
 *   with %NULL, image files are not looked up
 * @diagnostics: (out) (optional) (element-type LateralDiagnostic): every
 *   problem found, errors and warnings
 * @error: %LATERAL_PACK_ERROR_INVALID when any error was found
 *
 * A pack with warnings only (rules that a lateral-pack/1 file breaks, see
 * docs/pack-format.md) loads; lateral_pack_get_warnings() keeps them.
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL if it is invalid
 */
LateralPack *
lateral_pack_load_bytes (GBytes     *bytes,
                         const char *filename,
                         GPtrArray **diagnostics,
                         GError    **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LateralJsonDoc) doc = NULL;
  g_autoptr(LateralPack) pack = NULL;
  g_autofree char *pack_dir = NULL;
  LateralJsonError json_error = { 0 };
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_diagnostic_free);
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";

  /* A UTF-8 byte order mark is legal in a text file; it is not JSON. */
  if (length >= 3 && memcmp (data, "\xEF\xBB\xBF", 3) == 0)
    {
      data += 3;
      length -= 3;
    }

  if (check_text (data, length, filename, problems))
    {
      doc = lateral_json_doc_parse (data, length, &json_error);
      if (doc == NULL)
        {
          g_ptr_array_add (problems, lateral_diagnostic_new (filename, json_error.line,
                                                             json_error.column, json_error.path,
                                                             json_error.message));
          lateral_json_error_clear (&json_error);
        }
    }

  if (doc != NULL)
    {
      pack = g_object_new (LATERAL_TYPE_PACK, NULL);
      pack->filename = g_strdup (filename);
      pack->content_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      if (filename != NULL)
        {
          g_autofree char *dir = g_path_get_dirname (filename);
          pack_dir = g_canonicalize_filename (dir, NULL);
        }
      lateral_pack_check_tree (pack, lateral_json_doc_get_root (doc), filename, pack_dir, problems);
      label_steps (problems, lateral_json_doc_get_root (doc));
      g_ptr_array_sort (problems, compare_diagnostics);
    }

  if (count_errors (problems) > 0)
    {
      set_invalid_error (error, filename, problems);
      if (diagnostics != NULL)
        *diagnostics = g_steal_pointer (&problems);
      return NULL;
    }

  for (guint i = 0; i < problems->len; i++)
    g_ptr_array_add (pack->warnings, lateral_diagnostic_copy (g_ptr_array_index (problems, i)));
  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&problems);
  return g_steal_pointer (&pack);
}

/**
 * lateral_pack_load_file:
 * @filename: the pack's file
 * @diagnostics: (out) (optional) (element-type LateralDiagnostic): every
 *   problem found, errors and warnings
 * @error: %LATERAL_PACK_ERROR_READ when the file cannot be read,
 *   %LATERAL_PACK_ERROR_INVALID when any error was found
 *
 * Returns: (transfer full) (nullable): the pack, or %NULL
 */
LateralPack *
lateral_pack_load_file (const char *filename,
                        GPtrArray **diagnostics,
                        GError    **error)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (diagnostics != NULL)
    *diagnostics = NULL;

  /* Refuse an oversized file before reading a byte of it. */
  if (g_stat (filename, &st) == 0 && S_ISREG (st.st_mode) && st.st_size > LATERAL_PACK_MAX_FILE_SIZE)
    {
      g_autoptr(GPtrArray) problems =
        g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_diagnostic_free);
      g_autofree char *message =
        g_strdup_printf (_("the file is larger than %d MiB; a pack must be smaller"),
                         LATERAL_PACK_MAX_FILE_SIZE / (1024 * 1024));

      g_ptr_array_add (problems, lateral_diagnostic_new (filename, 0, 0, "", message));
      set_invalid_error (error, filename, problems);
      if (diagnostics != NULL)
        *diagnostics = g_steal_pointer (&problems);
      return NULL;
    }

  /* A folder, a FIFO or a device would fail to read or never end. */
  if (g_stat (filename, &st) == 0 && !S_ISREG (st.st_mode))
    {
      g_set_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_READ,
                   _("“%s” is not a regular file; expected a pack file (.json)"), filename);
      return NULL;
    }

  if (!g_file_get_contents (filename, &contents, &length, &local_error))
    {
      g_set_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_READ,
                   "%s", local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return lateral_pack_load_bytes (bytes, filename, diagnostics, error);
}

const char *
lateral_pack_get_id (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->id;
}

const char *
lateral_pack_get_version (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->version;
}

const char *
lateral_pack_get_title (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->title;
}

const char *
lateral_pack_get_summary (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->summary;
}

const char *
lateral_pack_get_language (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->language;
}

/* "lateral-pack/1" or "lateral-pack/2". */
const char *
lateral_pack_get_format (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->format;
}

guint
lateral_pack_get_format_version (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), 0);
  return self->format_version;
}

/* The language this file was translated from; NULL for an original. */
const char *
lateral_pack_get_translated_from (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->translated_from;
}

/* "#rrggbb", or NULL. */
const char *
lateral_pack_get_accent_color (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->accent_color;
}

/**
 * lateral_pack_get_warnings:
 *
 * Returns: (transfer none) (element-type LateralDiagnostic): the warnings
 *   found when loading (rules a lateral-pack/1 file breaks); may be empty
 */
GPtrArray *
lateral_pack_get_warnings (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->warnings;
}

const char * const *
lateral_pack_get_authors (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return (const char * const *) self->authors;
}

const char *
lateral_pack_get_license (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->license;
}

guint
lateral_pack_get_estimated_minutes (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), 0);
  return self->estimated_minutes;
}

const char *
lateral_pack_get_filename (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->filename;
}

/* The SHA-256 of the file's bytes, lowercase hex: results name the exact pack. */
const char *
lateral_pack_get_content_hash (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  return self->content_hash;
}

LateralPackOrigin
lateral_pack_get_origin (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), LATERAL_PACK_ORIGIN_FILE);
  return self->origin;
}

void
lateral_pack_set_origin (LateralPack      *self,
                         LateralPackOrigin origin)
{
  g_return_if_fail (LATERAL_IS_PACK (self));
  self->origin = origin;
}

guint
lateral_pack_get_n_steps (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), 0);
  return self->steps->len;
}

guint
lateral_pack_get_n_claims (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), 0);
  return self->n_claims;
}

const LateralStep *
lateral_pack_get_step (LateralPack *self,
                       guint        index)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  g_return_val_if_fail (index < self->steps->len, NULL);
  return g_ptr_array_index (self->steps, index);
}

const LateralStep *
lateral_pack_find_step (LateralPack *self,
                        const char  *step_id)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  g_return_val_if_fail (step_id != NULL, NULL);
  return g_hash_table_lookup (self->step_index, step_id);
}

guint
lateral_pack_get_n_techniques (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), 0);
  return self->techniques->len;
}

const LateralTechnique *
lateral_pack_get_technique (LateralPack *self,
                            guint        index)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  g_return_val_if_fail (index < self->techniques->len, NULL);
  return g_ptr_array_index (self->techniques, index);
}

const LateralTechnique *
lateral_pack_find_technique (LateralPack *self,
                             const char  *technique_id)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  g_return_val_if_fail (technique_id != NULL, NULL);

  /* Glossaries are short; a table would cost more than it saves. */
  for (guint i = 0; i < self->techniques->len; i++)
    {
      const LateralTechnique *technique = g_ptr_array_index (self->techniques, i);

      if (g_str_equal (technique->id, technique_id))
        return technique;
    }
  return NULL;
}

guint
lateral_pack_get_n_habits (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), 0);
  return self->habits->len;
}

const LateralHabit *
lateral_pack_get_habit (LateralPack *self,
                        guint        index)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  g_return_val_if_fail (index < self->habits->len, NULL);
  return g_ptr_array_index (self->habits, index);
}

const LateralHabit *
lateral_pack_find_habit (LateralPack *self,
                         const char  *habit_id)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  g_return_val_if_fail (habit_id != NULL, NULL);

  for (guint i = 0; i < self->habits->len; i++)
    {
      const LateralHabit *habit = g_ptr_array_index (self->habits, i);

      if (g_str_equal (habit->id, habit_id))
        return habit;
    }
  return NULL;
}

guint
lateral_pack_get_n_artefacts (LateralPack *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), 0);
  return self->artefacts->len;
}

const LateralArtefact *
lateral_pack_get_artefact (LateralPack *self,
                           guint        index)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  g_return_val_if_fail (index < self->artefacts->len, NULL);
  return g_ptr_array_index (self->artefacts, index);
}

const LateralArtefact *
lateral_pack_find_artefact (LateralPack *self,
                            const char  *artefact_id)
{
  g_return_val_if_fail (LATERAL_IS_PACK (self), NULL);
  g_return_val_if_fail (artefact_id != NULL, NULL);

  for (guint i = 0; i < self->artefacts->len; i++)
    {
      const LateralArtefact *artefact = g_ptr_array_index (self->artefacts, i);

      if (g_str_equal (artefact->id, artefact_id))
        return artefact;
    }
  return NULL;
}

const LateralMove *
lateral_step_find_move (const LateralStep *step,
                        const char        *move_id)
{
  g_return_val_if_fail (step != NULL, NULL);
  g_return_val_if_fail (move_id != NULL, NULL);

  for (guint i = 0; i < step->moves->len; i++)
    {
      const LateralMove *move = g_ptr_array_index (step->moves, i);

      if (g_strcmp0 (move->id, move_id) == 0)
        return move;
    }
  return NULL;
}

static const char * const asks_names[LATERAL_N_ASKS] = {
  "", "who", "evidence", "others",
};

/* "who", "evidence", "others"; "" for a check of a /1 pack. */
const char *
lateral_asks_to_string (LateralAsks asks)
{
  g_return_val_if_fail ((guint) asks < LATERAL_N_ASKS, NULL);
  return asks_names[asks];
}

gboolean
lateral_asks_from_string (const char  *str,
                          LateralAsks *out_asks)
{
  guint value;

  g_return_val_if_fail (str != NULL, FALSE);

  /* "" stands for no question: a file never writes it. */
  if (!lateral_json_enum_from_name (asks_names, LATERAL_ASKS_WHO, LATERAL_N_ASKS, str, &value))
    return FALSE;
  if (out_asks != NULL)
    *out_asks = value;
  return TRUE;
}

/* Civic Online Reasoning's question, as learners and teachers read it. */
const char *
lateral_asks_get_question (LateralAsks asks)
{
  switch (asks)
    {
    case LATERAL_ASKS_WHO:
      return _("Who is behind it?");
    case LATERAL_ASKS_EVIDENCE:
      return _("What is the evidence?");
    case LATERAL_ASKS_OTHERS:
      return _("What do other sources say?");
    case LATERAL_ASKS_NONE:
      return _("Not said");
    default:
      g_return_val_if_reached (NULL);
    }
}

/* Pack text quoted in a message (a bad date, an unknown member's name) may
 * hold escaped control characters (\u001b…): they are written back as
 * escapes, so a message never drives the terminal or the screen reader. */
static char *
escape_controls (const char *text)
{
  GString *out;

  if (text == NULL)
    return NULL;

  out = g_string_sized_new (strlen (text));
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c < 0x20 || (c >= 0x7f && c <= 0x9f))
        g_string_append_printf (out, "\\u%04X", c);
      else
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
    }
  return g_string_free (out, FALSE);
}

LateralDiagnostic *
lateral_diagnostic_new (const char *file,
                        guint       line,
                        guint       column,
                        const char *path,
                        const char *message)
{
  LateralDiagnostic *diagnostic = g_new0 (LateralDiagnostic, 1);

  diagnostic->file = g_strdup (file != NULL ? file : "<memory>");
  diagnostic->line = line;
  diagnostic->column = column;
  diagnostic->path = escape_controls (path != NULL ? path : "");
  diagnostic->message = escape_controls (message);
  return diagnostic;
}

static gboolean
moves_agree (const LateralStep *a,
             const LateralStep *b)
{
  if (a->moves->len != b->moves->len)
    return FALSE;
  for (guint i = 0; i < a->moves->len; i++)
    {
      const LateralMove *ma = g_ptr_array_index (a->moves, i);
      const LateralMove *mb = g_ptr_array_index (b->moves, i);

      if (g_strcmp0 (ma->id, mb->id) != 0 || ma->expected != mb->expected || ma->asks != mb->asks)
        return FALSE;
    }
  return TRUE;
}

/**
 * lateral_pack_check_translation:
 * @original: a pack
 * @translation: a pack with the same id and version in another language
 *
 * Results pool across the language files of one version by claim id, so a
 * translation must have the very steps of the original: the same ids and
 * types in the same order, the same dates, as_of, verdicts (and verdicts
 * also accepted) and checks (ids, expected, question).
 *
 * Returns: %TRUE if they agree; else %FALSE with @error saying the first
 *   difference (%LATERAL_PACK_ERROR_INVALID)
 */
gboolean
lateral_pack_check_translation (LateralPack  *original,
                                LateralPack  *translation,
                                GError      **error)
{
  const char *file;

  g_return_val_if_fail (LATERAL_IS_PACK (original), FALSE);
  g_return_val_if_fail (LATERAL_IS_PACK (translation), FALSE);

  file = translation->filename != NULL ? translation->filename : "<memory>";
  if (g_strcmp0 (original->id, translation->id) != 0 || g_strcmp0 (original->version, translation->version) != 0)
    {
      g_set_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID,
                   _("%s: not a translation of %s: the id and version differ"), file,
                   original->filename != NULL ? original->filename : "<memory>");
      return FALSE;
    }
  if (original->steps->len != translation->steps->len)
    {
      g_set_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID,
                   _("%s: %u steps, but the %s file of the same version has %u; a translation has the same steps, so that results pool across languages"),
                   file, translation->steps->len, original->language, original->steps->len);
      return FALSE;
    }

  for (guint i = 0; i < original->steps->len; i++)
    {
      const LateralStep *a = g_ptr_array_index (original->steps, i);
      const LateralStep *b = g_ptr_array_index (translation->steps, i);
      gboolean same = a->type == b->type && g_strcmp0 (a->id, b->id) == 0;

      if (same && a->type == LATERAL_STEP_STORY)
        same = g_strcmp0 (a->date, b->date) == 0;
      else if (same)
        same = g_strcmp0 (a->as_of, b->as_of) == 0 && a->verdict == b->verdict &&
               a->accepted == b->accepted && moves_agree (a, b);
      if (!same)
        {
          g_set_error (error, LATERAL_PACK_ERROR, LATERAL_PACK_ERROR_INVALID,
                       _("%s: steps[%u] (“%s”) differs from the %s file of the same version in its id, type, date, verdicts or checks; a translation has the same steps, so that results pool across languages"),
                       file, i, b->id != NULL ? b->id : "?", original->language);
          return FALSE;
        }
    }
  return TRUE;
}

LateralDiagnostic *
lateral_diagnostic_copy (const LateralDiagnostic *diagnostic)
{
  LateralDiagnostic *copy = lateral_diagnostic_new (diagnostic->file, diagnostic->line, diagnostic->column,
                                                    diagnostic->path, diagnostic->message);

  copy->severity = diagnostic->severity;
  copy->step = g_strdup (diagnostic->step);
  return copy;
}

void
lateral_diagnostic_free (LateralDiagnostic *diagnostic)
{
  if (diagnostic == NULL)
    return;

  g_free (diagnostic->file);
  g_free (diagnostic->path);
  g_free (diagnostic->message);
  g_free (diagnostic->step);
  g_free (diagnostic);
}

/* FILE:LINE:COL: error: PATH: MESSAGE (or warning:), the GNU format editors link to. */
char *
lateral_diagnostic_format (const LateralDiagnostic *diagnostic)
{
  GString *str;

  g_return_val_if_fail (diagnostic != NULL, NULL);

  str = g_string_new (diagnostic->file);
  if (diagnostic->line > 0)
    g_string_append_printf (str, ":%u:%u", diagnostic->line, diagnostic->column);
  g_string_append_printf (str, ": %s: ", diagnostic->severity == LATERAL_DIAGNOSTIC_WARNING
                                          ? _("warning") : _("error"));
  if (diagnostic->path != NULL && diagnostic->path[0] != '\0' && diagnostic->step != NULL)
    g_string_append_printf (str, "%s (%s): ", diagnostic->path, diagnostic->step);
  else if (diagnostic->path != NULL && diagnostic->path[0] != '\0')
    g_string_append_printf (str, "%s: ", diagnostic->path);
  g_string_append (str, diagnostic->message);
  return g_string_free (str, FALSE);
}
