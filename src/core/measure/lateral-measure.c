/* lateral-measure.c: reading a lateral-measure/1 instrument and checking it
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The walk reuses the pack reader (pack/lateral-pack-reader.c) on the
 * position-keeping JSON tree (json/lateral-json-doc.c), so an instrument's
 * author gets the same FILE:LINE:COL messages with a JSON path as a pack's.
 * The format is documented in docs/measure-format.md.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lateral-measure.h"
#include "pack/lateral-pack-private.h"
#include "pack/lateral-pack-reader-private.h"

struct _LateralMeasure
{
  GObject    parent_instance;

  char      *filename;
  char      *content_hash;
  char      *id;
  char      *title;
  char      *language;
  char      *citation;
  char      *license;
  char      *attribution;
  char      *notice;       /* nullable: such as "not a validated translation" */
  guint      minutes;
  GPtrArray *items;        /* of LateralMeasureItem */
  GPtrArray *norms;        /* of LateralMeasureNorm */
  guint      n_real;
};

G_DEFINE_FINAL_TYPE (LateralMeasure, lateral_measure, G_TYPE_OBJECT)

G_DEFINE_QUARK (lateral-measure-error-quark, lateral_measure_error)

static void
item_free (LateralMeasureItem *item)
{
  g_free (item->id);
  g_free (item->text);
  g_free (item);
}

static void
norm_free (LateralMeasureNorm *norm)
{
  g_free (norm->id);
  g_free (norm->name);
  g_free (norm->below);
  g_free (norm);
}

static void
lateral_measure_finalize (GObject *object)
{
  LateralMeasure *self = LATERAL_MEASURE (object);

  g_free (self->filename);
  g_free (self->content_hash);
  g_free (self->id);
  g_free (self->title);
  g_free (self->language);
  g_free (self->citation);
  g_free (self->license);
  g_free (self->attribution);
  g_free (self->notice);
  g_ptr_array_unref (self->items);
  g_ptr_array_unref (self->norms);

  G_OBJECT_CLASS (lateral_measure_parent_class)->finalize (object);
}

static void
lateral_measure_class_init (LateralMeasureClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lateral_measure_finalize;
}

static void
lateral_measure_init (LateralMeasure *self)
{
  self->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_free);
  self->norms = g_ptr_array_new_with_free_func ((GDestroyNotify) norm_free);
}

/* The members of the top-level object, in the order of docs/measure-format.md. */
enum { F_FORMAT, F_ID, F_TITLE, F_LANGUAGE, F_MINUTES, F_CITATION, F_LICENSE,
       F_ATTRIBUTION, F_NOTICE, F_ITEMS, F_NORMS };

static const LateralPackField measure_fields[] = {
  { "format", TRUE, N_("the text “lateral-measure/1”") },
  { "id", TRUE, N_("the instrument's id, such as “mist-20”") },
  { "title", TRUE, N_("the instrument's name") },
  { "language", TRUE, N_("a language tag such as “en” or “es”") },
  { "minutes", FALSE, N_("about how long it takes, in minutes") },
  { "citation", TRUE, N_("the publication to cite") },
  { "license", TRUE, N_("the licence of the items, such as “CC-BY-4.0”") },
  { "attribution", TRUE, N_("whose items these are and how they are reused") },
  { "notice", FALSE, N_("a warning shown with the citation") },
  { "items", TRUE, N_("a list of headlines") },
  { "norms", FALSE, N_("a list of norm tables") },
  { NULL, FALSE, NULL },
};

static const LateralPackField item_fields[] = {
  { "id", TRUE, N_("the item's id, such as “f1”") },
  { "text", TRUE, N_("the headline") },
  { "truth", TRUE, N_("“real” or “fake”") },
  { NULL, FALSE, NULL },
};

static const LateralPackField norm_fields[] = {
  { "id", TRUE, N_("the norm sample's id, such as “us”") },
  { "name", TRUE, N_("the norm sample's name, such as “United States”") },
  { "below", TRUE, N_("one percentage per possible score, from 0 to the number of items") },
  { NULL, FALSE, NULL },
};

static void
check_item (LateralPackReader     *c,
            LateralMeasure        *self,
            GHashTable            *ids,
            const LateralJsonNode *node)
{
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
  g_autofree char *id = NULL;
  g_autofree char *text = NULL;
  g_autofree char *truth = NULL;
  LateralMeasureItem *item;

  if (!lateral_pack_reader_members (c, node, item_fields, N_("an item: an object with id, text and truth"), v))
    return;

  id = lateral_pack_reader_take_id (c, "id", v[0]);
  text = lateral_pack_reader_take_text (c, "text", v[1]);
  truth = lateral_pack_reader_take_text (c, "truth", v[2]);

  if (id != NULL)
    {
      const LateralJsonNode *first = g_hash_table_lookup (ids, id);

      if (first != NULL)
        {
          gsize mark = lateral_pack_reader_push_name (c, "id");
          lateral_pack_reader_report (c, v[0], _("the item id “%s” is used twice (first at line %u); ids must be unique"),
                                      id, first->line);
          lateral_pack_reader_pop (c, mark);
          g_clear_pointer (&id, g_free);
        }
      else
        g_hash_table_insert (ids, (gpointer) v[0]->v.string, (gpointer) v[0]);
    }

  if (truth != NULL && !g_str_equal (truth, "real") && !g_str_equal (truth, "fake"))
    {
      gsize mark = lateral_pack_reader_push_name (c, "truth");
      lateral_pack_reader_report (c, v[2], _("“%s” is not a truth; expected “real” or “fake”"), truth);
      lateral_pack_reader_pop (c, mark);
      g_clear_pointer (&truth, g_free);
    }

  if (id == NULL || text == NULL || truth == NULL)
    return;

  item = g_new0 (LateralMeasureItem, 1);
  item->id = g_steal_pointer (&id);
  item->text = g_steal_pointer (&text);
  item->real = g_str_equal (truth, "real");
  self->n_real += item->real ? 1 : 0;
  g_ptr_array_add (self->items, item);
}

static void
check_items (LateralPackReader     *c,
             LateralMeasure        *self,
             const LateralJsonNode *node)
{
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  gsize mark = lateral_pack_reader_push_name (c, "items");

  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_ARRAY, N_("a list of headlines")))
    {
      if (node->n < 2 || node->n > LATERAL_MEASURE_MAX_ITEMS)
        lateral_pack_reader_report (c, node, _("has %u items; expected between 2 and %d"),
                                    node->n, LATERAL_MEASURE_MAX_ITEMS);
      for (guint i = 0; i < node->n && i < LATERAL_MEASURE_MAX_ITEMS; i++)
        {
          gsize item_mark = lateral_pack_reader_push_index (c, i);
          check_item (c, self, ids, node->v.items[i]);
          lateral_pack_reader_pop (c, item_mark);
        }
      if (node->n >= 2 && self->items->len == node->n &&
          (self->n_real == 0 || self->n_real == self->items->len))
        lateral_pack_reader_report (c, node, _("every item has the same truth; expected both real and fake headlines"));
    }
  lateral_pack_reader_pop (c, mark);
}

/* "below": n_items + 1 percentages, never decreasing. */
static double *
take_below (LateralPackReader     *c,
            guint                  n_items,
            const LateralJsonNode *node)
{
  g_autofree double *below = NULL;
  gsize mark = lateral_pack_reader_push_name (c, "below");
  gboolean ok = TRUE;

  if (!lateral_pack_reader_expect_type (c, node, LATERAL_JSON_ARRAY, N_("a list of percentages")))
    {
      lateral_pack_reader_pop (c, mark);
      return NULL;
    }

  if (node->n != n_items + 1)
    {
      lateral_pack_reader_report (c, node, _("has %u numbers; expected %u, one for each score from 0 to %u"),
                                  node->n, n_items + 1, n_items);
      lateral_pack_reader_pop (c, mark);
      return NULL;
    }

  below = g_new0 (double, node->n);
  for (guint i = 0; i < node->n; i++)
    {
      const LateralJsonNode *number = node->v.items[i];
      gsize item_mark = lateral_pack_reader_push_index (c, i);

      if (!lateral_pack_reader_expect_type (c, number, LATERAL_JSON_NUMBER, N_("a percentage")))
        ok = FALSE;
      else if (number->v.number < 0 || number->v.number > 100)
        {
          lateral_pack_reader_report (c, number, _("%g is not a percentage; expected a number from 0 to 100"),
                                      number->v.number);
          ok = FALSE;
        }
      else if (i > 0 && number->v.number < below[i - 1])
        {
          lateral_pack_reader_report (c, number, _("%g is less than the percentage before it (%g); a higher score never has fewer people below it"),
                                      number->v.number, below[i - 1]);
          ok = FALSE;
        }
      else
        below[i] = number->v.number;
      lateral_pack_reader_pop (c, item_mark);
    }
  lateral_pack_reader_pop (c, mark);
  return ok ? g_steal_pointer (&below) : NULL;
}

static void
check_norms (LateralPackReader     *c,
             LateralMeasure        *self,
             guint                  n_items,
             const LateralJsonNode *node)
{
  gsize mark;

  if (node == NULL)
    return;

  mark = lateral_pack_reader_push_name (c, "norms");
  if (lateral_pack_reader_expect_type (c, node, LATERAL_JSON_ARRAY, N_("a list of norm tables")))
    {
      if (node->n > LATERAL_MEASURE_MAX_NORMS)
        lateral_pack_reader_report (c, node, _("has %u norm tables; expected at most %d"),
                                    node->n, LATERAL_MEASURE_MAX_NORMS);
      for (guint i = 0; i < node->n && i < LATERAL_MEASURE_MAX_NORMS; i++)
        {
          const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
          gsize item_mark = lateral_pack_reader_push_index (c, i);

          if (lateral_pack_reader_members (c, node->v.items[i], norm_fields,
                                           N_("a norm table: an object with id, name and below"), v))
            {
              g_autofree char *id = lateral_pack_reader_take_id (c, "id", v[0]);
              g_autofree char *name = lateral_pack_reader_take_text (c, "name", v[1]);
              g_autofree double *below = v[2] != NULL ? take_below (c, n_items, v[2]) : NULL;

              if (id != NULL && name != NULL && below != NULL)
                {
                  LateralMeasureNorm *norm = g_new0 (LateralMeasureNorm, 1);

                  norm->id = g_steal_pointer (&id);
                  norm->name = g_steal_pointer (&name);
                  norm->below = g_steal_pointer (&below);
                  g_ptr_array_add (self->norms, norm);
                }
            }
          lateral_pack_reader_pop (c, item_mark);
        }
    }
  lateral_pack_reader_pop (c, mark);
}

static void
check_tree (LateralMeasure        *self,
            const LateralJsonNode *root,
            const char            *filename,
            GPtrArray             *diagnostics)
{
  LateralPackReader c = { 0 };
  const LateralJsonNode *v[LATERAL_PACK_MAX_FIELDS];
  g_autofree char *format = NULL;

  c.filename = filename;
  c.diagnostics = diagnostics;
  c.path = g_string_new (NULL);

  if (lateral_pack_reader_members (&c, root, measure_fields,
                                   N_("an instrument: a JSON object starting with “{”"), v))
    {
      format = lateral_pack_reader_take_text (&c, "format", v[F_FORMAT]);
      if (format != NULL && !g_str_equal (format, LATERAL_MEASURE_FORMAT))
        {
          gsize mark = lateral_pack_reader_push_name (&c, "format");
          lateral_pack_reader_report (&c, v[F_FORMAT], _("“%s” is not a format this version reads; expected “%s”"),
                                      format, LATERAL_MEASURE_FORMAT);
          lateral_pack_reader_pop (&c, mark);
        }
      self->id = lateral_pack_reader_take_id (&c, "id", v[F_ID]);
      self->title = lateral_pack_reader_take_text (&c, "title", v[F_TITLE]);
      self->language = lateral_pack_reader_take_text (&c, "language", v[F_LANGUAGE]);
      if (self->language != NULL && !lateral_language_is_valid (self->language))
        {
          gsize mark = lateral_pack_reader_push_name (&c, "language");
          lateral_pack_reader_report (&c, v[F_LANGUAGE], _("“%s” is not a language tag; expected one such as “en” or “es”"),
                                      self->language);
          lateral_pack_reader_pop (&c, mark);
        }
      if (v[F_MINUTES] != NULL)
        {
          gsize mark = lateral_pack_reader_push_name (&c, "minutes");
          if (lateral_pack_reader_expect_type (&c, v[F_MINUTES], LATERAL_JSON_NUMBER, N_("a whole number of minutes")))
            {
              if (!v[F_MINUTES]->integral || v[F_MINUTES]->v.number < 1 || v[F_MINUTES]->v.number > 60)
                lateral_pack_reader_report (&c, v[F_MINUTES], _("expected a whole number of minutes from 1 to 60"));
              else
                self->minutes = (guint) v[F_MINUTES]->v.number;
            }
          lateral_pack_reader_pop (&c, mark);
        }
      self->citation = lateral_pack_reader_take_text (&c, "citation", v[F_CITATION]);
      self->license = lateral_pack_reader_take_text (&c, "license", v[F_LICENSE]);
      self->attribution = lateral_pack_reader_take_text (&c, "attribution", v[F_ATTRIBUTION]);
      self->notice = lateral_pack_reader_take_text (&c, "notice", v[F_NOTICE]);
      if (v[F_ITEMS] != NULL)
        check_items (&c, self, v[F_ITEMS]);
      check_norms (&c, self, v[F_ITEMS] != NULL && v[F_ITEMS]->type == LATERAL_JSON_ARRAY ? v[F_ITEMS]->n : 0,
                   v[F_NORMS]);
    }

  g_string_free (c.path, TRUE);
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

static void
set_invalid_error (GError    **error,
                   GPtrArray  *diagnostics)
{
  g_autofree char *first = lateral_diagnostic_format (g_ptr_array_index (diagnostics, 0));

  if (diagnostics->len == 1)
    g_set_error_literal (error, LATERAL_MEASURE_ERROR, LATERAL_MEASURE_ERROR_INVALID, first);
  else
    g_set_error (error, LATERAL_MEASURE_ERROR, LATERAL_MEASURE_ERROR_INVALID,
                 ngettext ("%s (and %u more problem)", "%s (and %u more problems)",
                           diagnostics->len - 1),
                 first, diagnostics->len - 1);
}

/* Text before JSON: one clear problem for a file that is not text at all. */
static gboolean
check_text (const char *data,
            gsize       length,
            const char *filename,
            GPtrArray  *problems)
{
  const char *bad;
  guint line, column;

  if (length > LATERAL_MEASURE_MAX_FILE_SIZE)
    {
      g_ptr_array_add (problems, lateral_diagnostic_new (filename, 0, 0, "",
                                                         _("the file is larger than 1 MiB; an instrument must be smaller")));
      return FALSE;
    }
  if (memchr (data, '\0', length) != NULL)
    {
      const char *nul = memchr (data, '\0', length);
      lateral_json_locate (data, nul - data, &line, &column);
      g_ptr_array_add (problems, lateral_diagnostic_new (filename, line, column, "",
                                                         _("the file is binary (it contains a NUL byte); expected a JSON text file")));
      return FALSE;
    }
  if (!g_utf8_validate (data, length, &bad))
    {
      lateral_json_locate (data, bad - data, &line, &column);
      g_ptr_array_add (problems, lateral_diagnostic_new (filename, line, column, "",
                                                         _("the file is not valid UTF-8; save it as UTF-8 text")));
      return FALSE;
    }
  return TRUE;
}

/**
 * lateral_measure_load_bytes:
 * @bytes: the file's contents
 * @filename: (nullable): for messages
 * @diagnostics: (out) (optional) (element-type LateralDiagnostic): every problem found
 * @error: %LATERAL_MEASURE_ERROR_INVALID when any problem was found
 *
 * Returns: (transfer full) (nullable): the instrument, or %NULL
 */
LateralMeasure *
lateral_measure_load_bytes (GBytes     *bytes,
                            const char *filename,
                            GPtrArray **diagnostics,
                            GError    **error)
{
  g_autoptr(GPtrArray) problems = NULL;
  g_autoptr(LateralJsonDoc) doc = NULL;
  g_autoptr(LateralMeasure) self = NULL;
  LateralJsonError json_error = { 0 };
  const char *data;
  gsize length;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (diagnostics != NULL)
    *diagnostics = NULL;

  problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_diagnostic_free);
  data = g_bytes_get_data (bytes, &length);
  if (data == NULL)
    data = "";
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
          g_ptr_array_add (problems, lateral_diagnostic_new (filename, json_error.line, json_error.column,
                                                             json_error.path, json_error.message));
          lateral_json_error_clear (&json_error);
        }
    }

  if (doc != NULL)
    {
      self = g_object_new (LATERAL_TYPE_MEASURE, NULL);
      self->filename = g_strdup (filename);
      self->content_hash = g_compute_checksum_for_bytes (G_CHECKSUM_SHA256, bytes);
      check_tree (self, lateral_json_doc_get_root (doc), filename, problems);
      g_ptr_array_sort (problems, compare_diagnostics);
    }

  if (problems->len > 0)
    {
      set_invalid_error (error, problems);
      if (diagnostics != NULL)
        *diagnostics = g_steal_pointer (&problems);
      return NULL;
    }

  if (diagnostics != NULL)
    *diagnostics = g_steal_pointer (&problems);
  return g_steal_pointer (&self);
}

/**
 * lateral_measure_load_file:
 * @filename: the instrument's file
 * @diagnostics: (out) (optional) (element-type LateralDiagnostic): every problem found
 * @error: %LATERAL_MEASURE_ERROR_READ or %LATERAL_MEASURE_ERROR_INVALID
 *
 * Returns: (transfer full) (nullable): the instrument, or %NULL
 */
LateralMeasure *
lateral_measure_load_file (const char *filename,
                           GPtrArray **diagnostics,
                           GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  g_autoptr(GBytes) bytes = NULL;
  gsize length = 0;
  GStatBuf st;

  g_return_val_if_fail (filename != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (diagnostics != NULL)
    *diagnostics = NULL;

  /* A folder, a FIFO or a huge file never gets read. */
  if (g_stat (filename, &st) == 0 && (!S_ISREG (st.st_mode) || st.st_size > LATERAL_MEASURE_MAX_FILE_SIZE))
    {
      g_set_error (error, LATERAL_MEASURE_ERROR, LATERAL_MEASURE_ERROR_READ,
                   S_ISREG (st.st_mode) ? _("“%s” is larger than 1 MiB; an instrument must be smaller")
                                        : _("“%s” is not a regular file; expected an instrument file (.json)"),
                   filename);
      return NULL;
    }

  if (!g_file_get_contents (filename, &contents, &length, &local_error))
    {
      g_set_error_literal (error, LATERAL_MEASURE_ERROR, LATERAL_MEASURE_ERROR_READ, local_error->message);
      return NULL;
    }

  bytes = g_bytes_new_take (g_steal_pointer (&contents), length);
  return lateral_measure_load_bytes (bytes, filename, diagnostics, error);
}

const char *
lateral_measure_get_id (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  return self->id;
}

const char *
lateral_measure_get_title (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  return self->title;
}

const char *
lateral_measure_get_language (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  return self->language;
}

const char *
lateral_measure_get_citation (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  return self->citation;
}

const char *
lateral_measure_get_license (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  return self->license;
}

const char *
lateral_measure_get_attribution (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  return self->attribution;
}

/* Returns: (nullable): a warning to show beside the citation */
const char *
lateral_measure_get_notice (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  return self->notice;
}

/* Returns: the estimated minutes, 2 when the file does not say */
guint
lateral_measure_get_minutes (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), 0);
  return self->minutes > 0 ? self->minutes : 2;
}

const char *
lateral_measure_get_filename (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  return self->filename;
}

const char *
lateral_measure_get_content_hash (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  return self->content_hash;
}

guint
lateral_measure_get_n_items (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), 0);
  return self->items->len;
}

const LateralMeasureItem *
lateral_measure_get_item (LateralMeasure *self,
                          guint           index)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  g_return_val_if_fail (index < self->items->len, NULL);
  return g_ptr_array_index (self->items, index);
}

const LateralMeasureItem *
lateral_measure_find_item (LateralMeasure *self,
                           const char     *item_id)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  g_return_val_if_fail (item_id != NULL, NULL);

  for (guint i = 0; i < self->items->len; i++)
    {
      const LateralMeasureItem *item = g_ptr_array_index (self->items, i);
      if (g_str_equal (item->id, item_id))
        return item;
    }
  return NULL;
}

guint
lateral_measure_get_n_real (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), 0);
  return self->n_real;
}

guint
lateral_measure_get_n_norms (LateralMeasure *self)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), 0);
  return self->norms->len;
}

const LateralMeasureNorm *
lateral_measure_get_norm (LateralMeasure *self,
                          guint           index)
{
  g_return_val_if_fail (LATERAL_IS_MEASURE (self), NULL);
  g_return_val_if_fail (index < self->norms->len, NULL);
  return g_ptr_array_index (self->norms, index);
}
