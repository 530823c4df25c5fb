/* lateral-report-measure.c: pairing before and after checks, and their class statistics
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pair is one learner's first check before the case and their first
 * check after it that finished no earlier; later retakes do not count, so a
 * learner who takes the test many times weighs as much as one who takes it
 * twice. docs/report.md defines every number.
 */
#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-report-measure.h"
#include "json/lateral-json-builder-private.h"
#include "measure/lateral-measure-session.h"

typedef struct {
  const LateralMeasureSession *before;
  const LateralMeasureSession *after;
} Pair;

typedef struct {
  char       *key;        /* class \x1f pack \x1f instrument */
  const char *class_code;
  const char *pack_id;
  const char *instrument_id;
  GHashTable *firsts;     /* profile uuid -> Pair (owned) */
} Bucket;

static void
bucket_free (Bucket *bucket)
{
  g_free (bucket->key);
  g_hash_table_unref (bucket->firsts);
  g_free (bucket);
}

void
lateral_measure_summary_free (LateralMeasureSummary *summary)
{
  if (summary == NULL)
    return;
  g_free (summary->class_code);
  g_free (summary->pack_id);
  g_free (summary->instrument_id);
  g_clear_pointer (&summary->items, g_ptr_array_unref);
  g_free (summary);
}

static void
item_change_free (LateralMeasureItemChange *item)
{
  g_free (item->item_id);
  g_free (item);
}

static void
figures (const LateralMeasureSession *session,
         double                       out[LATERAL_MEASURE_N_FIGURES])
{
  LateralMeasureScore score;

  lateral_measure_session_score (session, &score);
  out[LATERAL_MEASURE_V] = score.V;
  out[LATERAL_MEASURE_R] = score.r;
  out[LATERAL_MEASURE_F] = score.f;
  out[LATERAL_MEASURE_ND] = lateral_measure_score_nd (&score);
}

static int
compare_items (gconstpointer a,
               gconstpointer b)
{
  const LateralMeasureItemChange *ia = *(LateralMeasureItemChange * const *) a;
  const LateralMeasureItemChange *ib = *(LateralMeasureItemChange * const *) b;
  g_autofree char *ka = g_utf8_collate_key_for_filename (ia->item_id, -1);
  g_autofree char *kb = g_utf8_collate_key_for_filename (ib->item_id, -1);

  return strcmp (ka, kb);
}

static LateralMeasureSummary *
summarize_bucket (Bucket *bucket)
{
  LateralMeasureSummary *summary = g_new0 (LateralMeasureSummary, 1);
  g_autoptr(GArray) changes = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GHashTable) items = g_hash_table_new (g_str_hash, g_str_equal);
  GHashTableIter iter;
  gpointer value;

  summary->class_code = g_strdup (bucket->class_code);
  summary->pack_id = g_strdup (bucket->pack_id);
  summary->instrument_id = g_strdup (bucket->instrument_id);
  summary->items = g_ptr_array_new_with_free_func ((GDestroyNotify) item_change_free);

  g_hash_table_iter_init (&iter, bucket->firsts);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      Pair *pair = value;
      double was[LATERAL_MEASURE_N_FIGURES], now[LATERAL_MEASURE_N_FIGURES];
      double change;

      if (pair->before == NULL || pair->after == NULL)
        continue;
      summary->pairs++;
      figures (pair->before, was);
      figures (pair->after, now);
      for (int k = 0; k < LATERAL_MEASURE_N_FIGURES; k++)
        {
          summary->before[k] += was[k];
          summary->after[k] += now[k];
        }
      change = now[LATERAL_MEASURE_V] - was[LATERAL_MEASURE_V];
      g_array_append_val (changes, change);

      for (guint i = 0; i < pair->before->answers->len; i++)
        {
          const LateralMeasureAnswer *a = g_ptr_array_index (pair->before->answers, i);
          const LateralMeasureAnswer *b = lateral_measure_session_find (pair->after, a->item_id);
          LateralMeasureItemChange *item;

          if (b == NULL)
            continue;
          item = g_hash_table_lookup (items, a->item_id);
          if (item == NULL)
            {
              item = g_new0 (LateralMeasureItemChange, 1);
              item->item_id = g_strdup (a->item_id);
              g_hash_table_insert (items, item->item_id, item);
              g_ptr_array_add (summary->items, item);
            }
          item->n++;
          item->before += a->correct ? 1 : 0;
          item->after += b->correct ? 1 : 0;
        }
    }

  if (summary->pairs > 0)
    {
      for (int k = 0; k < LATERAL_MEASURE_N_FIGURES; k++)
        {
          summary->before[k] /= summary->pairs;
          summary->after[k] /= summary->pairs;
          summary->change[k] = summary->after[k] - summary->before[k];
        }
    }
  for (guint i = 0; i < summary->items->len; i++)
    {
      LateralMeasureItemChange *item = g_ptr_array_index (summary->items, i);
      item->before = 100.0 * item->before / item->n;
      item->after = 100.0 * item->after / item->n;
    }
  g_ptr_array_sort (summary->items, compare_items);
  lateral_stats_paired ((const double *) changes->data, changes->len, &summary->v_change);
  return summary;
}

/**
 * lateral_measure_summarize:
 * @sessions: (element-type LateralMeasureSession): every stored check
 * @class_code: (nullable): only this class
 * @pack_id: (nullable): only this pack
 *
 * Returns: (transfer full) (element-type LateralMeasureSummary): one
 *   summary per class code, pack and instrument that has a check; sessions
 *   taken for no case are left out
 */
GPtrArray *
lateral_measure_summarize (GPtrArray  *sessions,
                           const char *class_code,
                           const char *pack_id)
{
  g_autoptr(GHashTable) buckets = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func ((GDestroyNotify) bucket_free);
  GPtrArray *summaries = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_measure_summary_free);

  g_return_val_if_fail (sessions != NULL, summaries);

  /* Sessions come oldest first (by finish time): the first seen is the first taken. */
  for (guint i = 0; i < sessions->len; i++)
    {
      const LateralMeasureSession *s = g_ptr_array_index (sessions, i);
      g_autofree char *key = NULL;
      Bucket *bucket;
      Pair *pair;

      if (s->pack_id == NULL || (class_code != NULL && g_strcmp0 (s->class_code, class_code) != 0) ||
          (pack_id != NULL && g_strcmp0 (s->pack_id, pack_id) != 0))
        continue;

      key = g_strdup_printf ("%s\x1f%s\x1f%s", s->class_code != NULL ? s->class_code : "\x1e",
                             s->pack_id, s->instrument_id);
      bucket = g_hash_table_lookup (buckets, key);
      if (bucket == NULL)
        {
          bucket = g_new0 (Bucket, 1);
          bucket->key = g_steal_pointer (&key);
          bucket->class_code = s->class_code;
          bucket->pack_id = s->pack_id;
          bucket->instrument_id = s->instrument_id;
          bucket->firsts = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
          g_hash_table_insert (buckets, bucket->key, bucket);
          g_ptr_array_add (order, bucket);
        }
      pair = g_hash_table_lookup (bucket->firsts, s->profile_uuid);
      if (pair == NULL)
        {
          pair = g_new0 (Pair, 1);
          g_hash_table_insert (bucket->firsts, s->profile_uuid, pair);
        }
      if (s->when == LATERAL_MEASURE_BEFORE && pair->before == NULL)
        pair->before = s;
      else if (s->when == LATERAL_MEASURE_AFTER && pair->before != NULL && pair->after == NULL)
        pair->after = s;
    }

  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (summaries, summarize_bucket (g_ptr_array_index (order, i)));
  return summaries;
}

/* The summary with the most pairs for a class code and pack. */
const LateralMeasureSummary *
lateral_measure_summary_find (GPtrArray  *summaries,
                              const char *class_code,
                              const char *pack_id)
{
  const LateralMeasureSummary *best = NULL;

  for (guint i = 0; summaries != NULL && i < summaries->len; i++)
    {
      const LateralMeasureSummary *s = g_ptr_array_index (summaries, i);

      if (g_strcmp0 (s->class_code, class_code) == 0 && g_strcmp0 (s->pack_id, pack_id) == 0 &&
          (best == NULL || s->pairs > best->pairs))
        best = s;
    }
  return best;
}

static double
rounded (double value,
         int    places)
{
  double scale = pow (10, places);
  return round (value * scale) / scale;
}

static void
add_figures (JsonBuilder  *builder,
             const char   *name,
             const double  values[LATERAL_MEASURE_N_FIGURES],
             gboolean      has_pairs)
{
  static const char * const names[] = { "V", "r", "f", "nd" };

  json_builder_set_member_name (builder, name);
  if (!has_pairs)
    {
      json_builder_add_null_value (builder);
      return;
    }
  json_builder_begin_object (builder);
  for (int k = 0; k < LATERAL_MEASURE_N_FIGURES; k++)
    {
      json_builder_set_member_name (builder, names[k]);
      json_builder_add_double_value (builder, rounded (values[k], 2));
    }
  json_builder_end_object (builder);
}

/* The `measure` member of a group (docs/report.md). */
void
lateral_measure_summary_add_json (JsonBuilder                 *builder,
                                  const LateralMeasureSummary *summary)
{
  g_return_if_fail (summary != NULL);

  json_builder_begin_object (builder);
  lateral_json_add_string (builder, "instrument", summary->instrument_id);
  lateral_json_add_int (builder, "pairs", summary->pairs);
  add_figures (builder, "before", summary->before, summary->pairs > 0);
  add_figures (builder, "after", summary->after, summary->pairs > 0);
  add_figures (builder, "change", summary->change, summary->pairs > 0);
  json_builder_set_member_name (builder, "d_z");
  if (summary->v_change.has_d_z)
    json_builder_add_double_value (builder, rounded (summary->v_change.d_z, 2));
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "ci95");
  if (summary->v_change.has_d_z)
    {
      json_builder_begin_array (builder);
      json_builder_add_double_value (builder, rounded (summary->v_change.ci_low, 2));
      json_builder_add_double_value (builder, rounded (summary->v_change.ci_high, 2));
      json_builder_end_array (builder);
    }
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "items");
  json_builder_begin_array (builder);
  for (guint i = 0; i < summary->items->len; i++)
    {
      const LateralMeasureItemChange *item = g_ptr_array_index (summary->items, i);

      json_builder_begin_object (builder);
      lateral_json_add_string (builder, "id", item->item_id);
      json_builder_set_member_name (builder, "before");
      json_builder_add_double_value (builder, rounded (item->before, 1));
      json_builder_set_member_name (builder, "after");
      json_builder_add_double_value (builder, rounded (item->after, 1));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);
}

/* A bar of @width cells for @value out of @max, in text. */
static void
append_bar (GString *text,
            double   value,
            double   max,
            guint    width)
{
  guint cells = max > 0 ? (guint) lround (CLAMP (value / max, 0, 1) * width) : 0;

  for (guint i = 0; i < width; i++)
    g_string_append (text, i < cells ? "█" : "·");
}

void
lateral_measure_summary_append_text (GString                     *text,
                                     const LateralMeasureSummary *summary)
{
  /* Padded by hand: printf pads bytes, and "−" is three. */
  static const char * const names[] = { "V     ", "r     ", "f     ", "n − d " };

  g_return_if_fail (summary != NULL);

  g_string_append_printf (text, "\n%s\n", _("Before and after the case (headline test):"));
  g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE, "  %s: %u learner with both checks\n",
                                             "  %s: %u learners with both checks\n", summary->pairs),
                          summary->instrument_id, summary->pairs);
  if (summary->pairs == 0)
    return;
  /* TRANSLATORS: column headings of the before/after table */
  g_string_append_printf (text, "  %-6s  %7s  %7s  %7s\n", "", _("before"), _("after"), _("change"));
  for (int k = 0; k < LATERAL_MEASURE_N_FIGURES; k++)
    g_string_append_printf (text, "  %s  %7.2f  %7.2f  %+7.2f\n", names[k],
                            summary->before[k], summary->after[k], summary->change[k]);
  if (summary->v_change.has_d_z)
    g_string_append_printf (text, _("  Effect on V: Cohen's d_z = %.2f, 95%% CI [%.2f, %.2f]\n"),
                            summary->v_change.d_z, summary->v_change.ci_low, summary->v_change.ci_high);
  else
    g_string_append_printf (text, "%s\n", _("  Effect on V: d_z needs at least 2 learners whose change differs"));
  g_string_append (text, "  V before ");
  append_bar (text, summary->before[LATERAL_MEASURE_V], summary->items->len, 20);
  g_string_append_printf (text, " %.1f\n  V after  ", summary->before[LATERAL_MEASURE_V]);
  append_bar (text, summary->after[LATERAL_MEASURE_V], summary->items->len, 20);
  g_string_append_printf (text, " %.1f\n", summary->after[LATERAL_MEASURE_V]);
  g_string_append_printf (text, "%s\n", _("  Percent right per item, before → after:"));
  for (guint i = 0; i < summary->items->len; i++)
    {
      const LateralMeasureItemChange *item = g_ptr_array_index (summary->items, i);
      g_string_append_printf (text, "    %-6s %5.1f%% → %5.1f%%\n", item->item_id, item->before, item->after);
    }
}
