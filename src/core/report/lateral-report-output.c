/* lateral-report-output.c: a class report as JSON, CSV and text
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The three forms carry the same numbers, and the helpers that derive them
 * from the counts; docs/report.md defines them.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "json/lateral-json-builder-private.h"
#include "results/lateral-bundle.h"
#include "results/lateral-csv.h"
#include "lateral-report.h"

/* A symbol and words, never a colour alone: the PDF grid shows the symbol
 * and its key; the words are for screen readers and tooltips. */
const char *
lateral_report_cell_get_symbol (LateralReportCell cell)
{
  switch (cell)
    {
    case LATERAL_REPORT_CELL_RIGHT: return "✓";
    case LATERAL_REPORT_CELL_WRONG: return "✗";
    case LATERAL_REPORT_CELL_WRONG_SURE: return "✗!";
    case LATERAL_REPORT_CELL_NONE:
    default: return "·";
    }
}

const char *
lateral_report_cell_get_label (LateralReportCell cell)
{
  switch (cell)
    {
    /* TRANSLATORS: a cell of the students × claims grid */
    case LATERAL_REPORT_CELL_RIGHT: return _("right");
    /* TRANSLATORS: a cell of the students × claims grid */
    case LATERAL_REPORT_CELL_WRONG: return _("wrong");
    /* TRANSLATORS: a cell of the students × claims grid: wrong at the highest certainty */
    case LATERAL_REPORT_CELL_WRONG_SURE: return _("very sure and wrong");
    /* TRANSLATORS: a cell of the students × claims grid */
    case LATERAL_REPORT_CELL_NONE:
    default: return _("not answered");
    }
}

/* 0 to 100; -1 when there is no answer to count. */
double
lateral_report_percent (guint correct,
                        guint answers)
{
  return answers > 0 ? 100.0 * correct / answers : -1.0;
}

/* 1 to 3; 0 when the claim has no answer. */
double
lateral_report_claim_get_mean_certainty (const LateralReportClaim *claim)
{
  g_return_val_if_fail (claim != NULL, 0.0);
  return claim->n_answers > 0 ? (double) claim->certainty_sum / claim->n_answers : 0.0;
}

/* A tie goes to the verdict shown first (true, false, misleading,
 * unverified), so the answer does not depend on hash order. */
gboolean
lateral_report_claim_get_most_common_wrong (const LateralReportClaim *claim,
                                            LateralVerdict           *out_verdict)
{
  guint best = 0;

  g_return_val_if_fail (claim != NULL, FALSE);

  for (guint v = 0; v < LATERAL_N_VERDICTS; v++)
    {
      if (claim->wrong_by_verdict[v] > best)
        {
          best = claim->wrong_by_verdict[v];
          if (out_verdict != NULL)
            *out_verdict = v;
        }
    }

  return best > 0;
}

/* The same rule as a learner's own summary (docs/scoring.md), over the
 * whole class's answers. */
LateralCalibration
lateral_report_group_get_calibration (const LateralReportGroup *group)
{
  g_autoptr(LateralTally) tally = lateral_tally_new ();

  g_return_val_if_fail (group != NULL, LATERAL_CALIBRATION_WELL_CALIBRATED);

  memcpy (tally->by_certainty, group->by_certainty, sizeof tally->by_certainty);
  tally->n_answers = group->n_answers;
  tally->n_correct = group->n_correct;
  return lateral_tally_get_calibration (tally);
}

/* A share with no answer behind it is null, never a made-up 0. */
static void
add_percent (JsonBuilder *builder,
             guint        correct,
             guint        answers)
{
  json_builder_set_member_name (builder, "percent_correct");
  if (answers > 0)
    json_builder_add_double_value (builder, lateral_report_percent (correct, answers));
  else
    json_builder_add_null_value (builder);
}

static void
begin_row (JsonBuilder              *builder,
           const LateralReportGroup *group)
{
  json_builder_begin_object (builder);
  lateral_json_add_string (builder, "class_code", group->class_code);
  lateral_json_add_string (builder, "pack_id", group->pack_id);
  lateral_json_add_string (builder, "pack_version", group->pack_version);
}

static void
add_group (JsonBuilder              *builder,
           LateralReport            *self,
           const LateralReportGroup *group)
{
  const LateralMeasureSummary *measure = lateral_report_get_measure (self, group);

  begin_row (builder, group);
  lateral_json_add_string (builder, "pack_title", group->pack_title);
  lateral_json_add_int (builder, "n_students", group->students->len);
  lateral_json_add_int (builder, "attempts", group->n_attempts);
  lateral_json_add_int (builder, "flagged_attempts", group->n_flagged);
  lateral_json_add_int (builder, "answers", group->n_answers);
  lateral_json_add_int (builder, "correct", group->n_correct);
  add_percent (builder, group->n_correct, group->n_answers);
  lateral_json_add_string (builder, "calibration",
                           lateral_calibration_to_string (lateral_report_group_get_calibration (group)));
  /* Before/after headline tests (report/lateral-report-measure.c); null when none was taken. */
  json_builder_set_member_name (builder, "measure");
  if (measure != NULL)
    lateral_measure_summary_add_json (builder, measure);
  else
    json_builder_add_null_value (builder);
  json_builder_end_object (builder);
}

static void
add_student (JsonBuilder                *builder,
             const LateralReportGroup   *group,
             const LateralReportStudent *student)
{
  begin_row (builder, group);
  lateral_json_add_string (builder, "profile", student->profile_name);
  lateral_json_add_string (builder, "profile_id", student->profile_uuid);
  lateral_json_add_int (builder, "attempts", student->n_attempts);
  lateral_json_add_int (builder, "finished_attempts", student->n_finished);
  lateral_json_add_int (builder, "answers", student->n_answers);
  lateral_json_add_int (builder, "correct", student->n_correct);
  add_percent (builder, student->n_correct, student->n_answers);
  json_builder_set_member_name (builder, "best_mark");
  if (student->has_marks)
    json_builder_add_int_value (builder, student->best_mark);
  else
    json_builder_add_null_value (builder);
  json_builder_set_member_name (builder, "latest_mark");
  if (student->has_marks)
    json_builder_add_int_value (builder, student->latest_mark);
  else
    json_builder_add_null_value (builder);
  lateral_json_add_int (builder, "flagged_attempts", student->n_flagged);
  lateral_json_add_string (builder, "flags", student->flags != NULL ? student->flags : "");
  json_builder_end_object (builder);
}

static void
add_claim (JsonBuilder              *builder,
           const LateralReportGroup *group,
           const LateralReportClaim *claim)
{
  LateralVerdict wrong;

  begin_row (builder, group);
  lateral_json_add_string (builder, "claim_id", claim->claim_id);
  lateral_json_add_string (builder, "claim", claim->claim);
  lateral_json_add_int (builder, "answers", claim->n_answers);
  lateral_json_add_int (builder, "correct", claim->n_correct);
  add_percent (builder, claim->n_correct, claim->n_answers);
  json_builder_set_member_name (builder, "mean_certainty");
  if (claim->n_answers > 0)
    json_builder_add_double_value (builder, lateral_report_claim_get_mean_certainty (claim));
  else
    json_builder_add_null_value (builder);
  lateral_json_add_string (builder, "most_common_wrong",
                           lateral_report_claim_get_most_common_wrong (claim, &wrong)
                           ? lateral_verdict_to_string (wrong) : NULL);
  lateral_json_add_int (builder, "wrong_at_high_certainty", claim->wrong_at_high_certainty);
  json_builder_end_object (builder);
}

static void
add_technique (JsonBuilder                  *builder,
               const LateralReportGroup     *group,
               const LateralReportTechnique *technique)
{
  begin_row (builder, group);
  lateral_json_add_string (builder, "technique_id", technique->technique_id);
  lateral_json_add_string (builder, "name", technique->name);
  lateral_json_add_int (builder, "answers", technique->n_answers);
  lateral_json_add_int (builder, "correct", technique->n_correct);
  add_percent (builder, technique->n_correct, technique->n_answers);
  json_builder_end_object (builder);
}

static void
add_calibration (JsonBuilder              *builder,
                 const LateralReportGroup *group)
{
  for (int c = LATERAL_CERTAINTY_MIN; c <= LATERAL_CERTAINTY_MAX; c++)
    {
      begin_row (builder, group);
      lateral_json_add_int (builder, "certainty", c);
      lateral_json_add_int (builder, "answers", group->by_certainty[c].answered);
      lateral_json_add_int (builder, "correct", group->by_certainty[c].correct);
      add_percent (builder, group->by_certainty[c].correct, group->by_certainty[c].answered);
      json_builder_end_object (builder);
    }
}

/* One row per question a check can answer, in LateralAsks order; "none"
 * for the checks of /1 packs, which say none. */
static void
add_checks (JsonBuilder              *builder,
            const LateralReportGroup *group)
{
  for (guint q = 0; q < LATERAL_N_ASKS; q++)
    {
      const char *asks = lateral_asks_to_string (q);

      begin_row (builder, group);
      lateral_json_add_string (builder, "asks", asks[0] != '\0' ? asks : "none");
      lateral_json_add_int (builder, "picked", group->checks_by_asks[q].picked);
      lateral_json_add_int (builder, "picked_expected", group->checks_by_asks[q].picked_expected);
      lateral_json_add_int (builder, "expected_offered", group->checks_by_asks[q].expected_offered);
      json_builder_end_object (builder);
    }
}

typedef enum {
  TABLE_GROUPS,
  TABLE_STUDENTS,
  TABLE_CLAIMS,
  TABLE_TECHNIQUES,
  TABLE_CALIBRATION,
  TABLE_CHECKS,
  N_TABLES
} Table;

static const char * const table_names[N_TABLES] = {
  "groups", "students", "claims", "techniques", "calibration", "checks",
};

static void
add_table (JsonBuilder   *builder,
           LateralReport *self,
           Table          table)
{
  json_builder_set_member_name (builder, table_names[table]);
  json_builder_begin_array (builder);
  for (guint i = 0; i < lateral_report_get_n_groups (self); i++)
    {
      const LateralReportGroup *group = lateral_report_get_group (self, i);

      switch (table)
        {
        case TABLE_GROUPS:
          add_group (builder, self, group);
          break;
        case TABLE_STUDENTS:
          for (guint k = 0; k < group->students->len; k++)
            add_student (builder, group, group->students->pdata[k]);
          break;
        case TABLE_CLAIMS:
          for (guint k = 0; k < group->claims->len; k++)
            add_claim (builder, group, group->claims->pdata[k]);
          break;
        case TABLE_TECHNIQUES:
          for (guint k = 0; k < group->techniques->len; k++)
            add_technique (builder, group, group->techniques->pdata[k]);
          break;
        case TABLE_CALIBRATION:
          add_calibration (builder, group);
          break;
        case TABLE_CHECKS:
          add_checks (builder, group);
          break;
        case N_TABLES:
        default:
          g_assert_not_reached ();
        }
    }
  json_builder_end_array (builder);
}

/**
 * lateral_report_to_json:
 *
 * Returns: (transfer full): the report as format `lateral-report/1`: flat
 *   tables whose rows each carry their class code and pack id
 */
JsonNode *
lateral_report_to_json (LateralReport *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autofree char *created = NULL;

  g_return_val_if_fail (LATERAL_IS_REPORT (self), NULL);

  created = lateral_format_time (lateral_report_get_created_at (self));
  json_builder_begin_object (builder);
  lateral_json_add_string (builder, "format", LATERAL_REPORT_FORMAT);
  lateral_json_add_string (builder, "generator", "Lateral " PACKAGE_VERSION);
  lateral_json_add_string (builder, "created_at", created);
  lateral_json_add_string (builder, "class_code", lateral_report_get_class_code (self));
  lateral_json_add_string (builder, "pack_id", lateral_report_get_pack_id (self));
  for (Table table = 0; table < N_TABLES; table++)
    add_table (builder, self, table);
  json_builder_end_object (builder);

  return json_builder_get_root (builder);
}

/* CSV: the JSON's tables one after the other, a blank line between them.
 * Each row starts with its table's name, so a spreadsheet filter on the
 * first column picks one table; every table has its header row. */
/* A number written as text by csv_measures(): "-1.33" is a number, not a formula. */
static gboolean
is_number (const char *text)
{
  return g_regex_match_simple ("^-?[0-9]+(\\.[0-9]+)?$", text, 0, 0);
}

static void
csv_member (GString  *row,
            JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_NULL:
      break;
    case JSON_NODE_VALUE:
      if (json_node_get_value_type (node) == G_TYPE_STRING && is_number (json_node_get_string (node)))
        g_string_append (row, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_STRING)
        lateral_csv_append_cell (row, json_node_get_string (node));
      else if (json_node_get_value_type (node) == G_TYPE_DOUBLE)
        g_string_append_printf (row, "%.1f", json_node_get_double (node));
      else
        g_string_append_printf (row, "%" G_GINT64_FORMAT, json_node_get_int (node));
      break;
    case JSON_NODE_OBJECT:
    case JSON_NODE_ARRAY:
    default:
      g_assert_not_reached ();
    }
}

static void
csv_table (GString    *csv,
           const char *name,
           JsonArray  *rows)
{
  g_autoptr(JsonBuilder) builder = NULL;
  GList *members;

  if (json_array_get_length (rows) == 0)
    return;

  if (csv->len > 0)
    g_string_append (csv, "\r\n");
  members = json_object_get_members (json_array_get_object_element (rows, 0));
  g_string_append (csv, "table");
  /* A group's `measure` is an object: it has tables of its own (csv_measures). */
  for (GList *l = members; l != NULL; l = l->next)
    {
      if (g_str_equal (l->data, "measure"))
        continue;
      g_string_append_printf (csv, ",%s", (const char *) l->data);
    }
  g_string_append (csv, "\r\n");

  for (guint i = 0; i < json_array_get_length (rows); i++)
    {
      JsonObject *row = json_array_get_object_element (rows, i);

      g_string_append (csv, name);
      for (GList *l = members; l != NULL; l = l->next)
        {
          if (g_str_equal (l->data, "measure"))
            continue;
          g_string_append_c (csv, ',');
          csv_member (csv, json_object_get_member (row, l->data));
        }
      g_string_append (csv, "\r\n");
    }
  g_list_free (members);
}

static void
set_number (JsonObject *row,
            const char *name,
            int         places,
            double      value)
{
  g_autofree char *text = g_strdup_printf ("%.*f", places, value);
  json_object_set_string_member (row, name, text);
}

/* Two tables after the others: "measure", one row per group with
 * headline checks (the JSON's groups[].measure, flattened, 2 decimals), and
 * "measure_items", one row per group and item (docs/report.md). */
static void
csv_measures (GString       *csv,
              LateralReport *self)
{
  static const char * const figures[] = { "V", "r", "f", "nd" };
  g_autoptr(JsonArray) rows = json_array_new ();
  g_autoptr(JsonArray) items = json_array_new ();

  for (guint i = 0; i < lateral_report_get_n_groups (self); i++)
    {
      const LateralReportGroup *group = lateral_report_get_group (self, i);
      const LateralMeasureSummary *m = lateral_report_get_measure (self, group);
      JsonObject *row;

      if (m == NULL)
        continue;
      row = json_object_new ();
      json_object_set_string_member (row, "class_code", group->class_code);
      json_object_set_string_member (row, "pack_id", group->pack_id);
      json_object_set_string_member (row, "instrument", m->instrument_id);
      json_object_set_int_member (row, "pairs", m->pairs);
      for (int k = 0; k < LATERAL_MEASURE_N_FIGURES; k++)
        {
          g_autofree char *b = g_strdup_printf ("%s_before", figures[k]);
          g_autofree char *a = g_strdup_printf ("%s_after", figures[k]);
          g_autofree char *c = g_strdup_printf ("%s_change", figures[k]);

          if (m->pairs > 0)
            {
              set_number (row, b, 2, m->before[k]);
              set_number (row, a, 2, m->after[k]);
              set_number (row, c, 2, m->change[k]);
            }
          else
            {
              json_object_set_null_member (row, b);
              json_object_set_null_member (row, a);
              json_object_set_null_member (row, c);
            }
        }
      if (m->v_change.has_d_z)
        {
          set_number (row, "d_z", 2, m->v_change.d_z);
          set_number (row, "ci95_low", 2, m->v_change.ci_low);
          set_number (row, "ci95_high", 2, m->v_change.ci_high);
        }
      else
        {
          json_object_set_null_member (row, "d_z");
          json_object_set_null_member (row, "ci95_low");
          json_object_set_null_member (row, "ci95_high");
        }
      json_array_add_object_element (rows, row);

      for (guint k = 0; k < m->items->len; k++)
        {
          const LateralMeasureItemChange *item = g_ptr_array_index (m->items, k);
          JsonObject *item_row = json_object_new ();

          json_object_set_string_member (item_row, "class_code", group->class_code);
          json_object_set_string_member (item_row, "pack_id", group->pack_id);
          json_object_set_string_member (item_row, "instrument", m->instrument_id);
          json_object_set_string_member (item_row, "item", item->item_id);
          set_number (item_row, "percent_before", 1, item->before);
          set_number (item_row, "percent_after", 1, item->after);
          json_array_add_object_element (items, item_row);
        }
    }
  csv_table (csv, "measure", rows);
  csv_table (csv, "measure_items", items);
}

/**
 * lateral_report_to_csv:
 *
 * Returns: (transfer full): UTF-8, CRLF line ends; percentages with one decimal
 */
char *
lateral_report_to_csv (LateralReport *self)
{
  g_autoptr(JsonNode) root = NULL;
  GString *csv = g_string_new (NULL);
  JsonObject *object;

  g_return_val_if_fail (LATERAL_IS_REPORT (self), NULL);

  root = lateral_report_to_json (self);
  object = json_node_get_object (root);
  for (Table table = 0; table < N_TABLES; table++)
    csv_table (csv, table_names[table], json_object_get_array_member (object, table_names[table]));
  csv_measures (csv, self);

  return g_string_free (csv, FALSE);
}

/* Pads or cuts to a width in characters, so columns of names line up
 * whatever their script. */
static void
append_cell (GString    *text,
             const char *value,
             guint       width,
             gboolean    right)
{
  glong len = g_utf8_strlen (value, -1);

  if ((guint) len > width)
    {
      const char *end = g_utf8_offset_to_pointer (value, width - 1);

      g_string_append_len (text, value, end - value);
      g_string_append (text, "…");
      return;
    }
  if (right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (text, ' ');
  g_string_append (text, value);
  if (!right)
    for (glong i = len; i < (glong) width; i++)
      g_string_append_c (text, ' ');
}

/* Returns: (transfer full): "67%", or "-" when there is nothing to count */
char *
lateral_report_format_percent (guint correct,
                               guint answers)
{
  if (answers == 0)
    return g_strdup ("-");
  return g_strdup_printf ("%.0f%%", lateral_report_percent (correct, answers));
}

static void
text_students (GString                  *text,
               const LateralReportGroup *group)
{
  append_cell (text, _("Student"), 28, FALSE);
  append_cell (text, _("Attempts"), 9, TRUE);
  append_cell (text, _("Best"), 6, TRUE);
  append_cell (text, _("Latest"), 7, TRUE);
  append_cell (text, _("Right"), 7, TRUE);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < group->students->len; i++)
    {
      const LateralReportStudent *student = group->students->pdata[i];
      g_autofree char *attempts = g_strdup_printf ("%u", student->n_attempts);
      g_autofree char *best = student->has_marks ? g_strdup_printf ("%+d", student->best_mark) : g_strdup ("-");
      g_autofree char *latest = student->has_marks ? g_strdup_printf ("%+d", student->latest_mark) : g_strdup ("-");
      g_autofree char *right = lateral_report_format_percent (student->n_correct, student->n_answers);

      append_cell (text, student->profile_name, 28, FALSE);
      append_cell (text, attempts, 9, TRUE);
      append_cell (text, best, 6, TRUE);
      append_cell (text, latest, 7, TRUE);
      append_cell (text, right, 7, TRUE);
      g_string_append_c (text, '\n');
    }

  /* Flagged work is never counted silently. */
  for (guint i = 0; i < group->students->len; i++)
    {
      const LateralReportStudent *student = group->students->pdata[i];

      if (student->n_flagged == 0)
        continue;
      /* TRANSLATORS: a student, how many of their attempts were flagged on
       * import, and the flags' codes (docs/results-format.md) */
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "FLAGGED: %s: %u attempt flagged on import (%s)\n",
                                                 "FLAGGED: %s: %u attempts flagged on import (%s)\n",
                                                 student->n_flagged),
                              student->profile_name, student->n_flagged, student->flags);
    }
}

static void
text_claims (GString                  *text,
             const LateralReportGroup *group)
{
  append_cell (text, _("Claim"), 28, FALSE);
  append_cell (text, _("Answers"), 8, TRUE);
  append_cell (text, _("Right"), 7, TRUE);
  append_cell (text, _("Certainty"), 10, TRUE);
  append_cell (text, _("Common wrong"), 13, TRUE);
  append_cell (text, _("Sure & wrong"), 13, TRUE);
  g_string_append_c (text, '\n');
  for (guint i = 0; i < group->claims->len; i++)
    {
      const LateralReportClaim *claim = group->claims->pdata[i];
      g_autofree char *answers = g_strdup_printf ("%u", claim->n_answers);
      g_autofree char *right = lateral_report_format_percent (claim->n_correct, claim->n_answers);
      g_autofree char *certainty = claim->n_answers > 0
        ? g_strdup_printf ("%.1f", lateral_report_claim_get_mean_certainty (claim)) : g_strdup ("-");
      g_autofree char *sure_wrong = g_strdup_printf ("%u", claim->wrong_at_high_certainty);
      LateralVerdict wrong;

      append_cell (text, claim->claim != NULL ? claim->claim : claim->claim_id, 28, FALSE);
      append_cell (text, answers, 8, TRUE);
      append_cell (text, right, 7, TRUE);
      append_cell (text, certainty, 10, TRUE);
      append_cell (text, lateral_report_claim_get_most_common_wrong (claim, &wrong)
                   ? lateral_verdict_get_label (wrong) : "-", 13, TRUE);
      append_cell (text, sure_wrong, 13, TRUE);
      g_string_append_c (text, '\n');
    }
}

/* Checks picked, by Civic Online Reasoning's question they answer. */
static void
text_checks (GString                  *text,
             const LateralReportGroup *group)
{
  guint total = 0;

  for (guint q = 0; q < LATERAL_N_ASKS; q++)
    total += group->checks_by_asks[q].picked + group->checks_by_asks[q].expected_offered;
  if (total == 0)
    return;

  g_string_append_printf (text, "\n%s\n", _("Checks picked, by question:"));
  for (guint q = 0; q < LATERAL_N_ASKS; q++)
    {
      const LateralReportChecks *checks = &group->checks_by_asks[q];

      if (checks->picked == 0 && checks->expected_offered == 0)
        continue;
      /* Translators: a question such as "Who is behind it?", the checks
       * answering it that learners picked, how many of those the case
       * expects, and how many expected checks were offered in all */
      g_string_append_printf (text, _("  %s %u picked, %u of the %u expected\n"),
                              lateral_asks_get_question (q), checks->picked, checks->picked_expected,
                              checks->expected_offered);
    }
}

static void
text_group (GString                  *text,
            const LateralReportGroup *group)
{
  g_autofree char *right = lateral_report_format_percent (group->n_correct, group->n_answers);
  g_autofree char *students = NULL;
  g_autofree char *attempts = NULL;
  g_autofree char *answers = NULL;

  /* Translators: class code, the case's title, its id and the version played */
  if (group->class_code != NULL)
    g_string_append_printf (text, _("Class %s — %s (%s, version %s)\n"), group->class_code,
                            group->pack_title != NULL ? group->pack_title : group->pack_id, group->pack_id,
                            group->pack_version);
  else
    g_string_append_printf (text, _("No class code — %s (%s, version %s)\n"),
                            group->pack_title != NULL ? group->pack_title : group->pack_id, group->pack_id,
                            group->pack_version);
  if (!group->pack_known)
    g_string_append_printf (text, _("(Version %s of this case is not on this computer: claims are named by id, without techniques or checks.)\n"),
                            group->pack_version);
  students = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u student", "%u students", group->students->len),
                              group->students->len);
  attempts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u attempt", "%u attempts", group->n_attempts),
                              group->n_attempts);
  answers = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u answer", "%u answers", group->n_answers),
                             group->n_answers);
  /* Translators: students, attempts and answers (each "N students" etc.),
   * the share of right answers ("83%") and the calibration word. */
  g_string_append_printf (text, _("%s, %s, %s, %s right; class calibration: %s\n\n"),
                          students, attempts, answers, right,
                          lateral_calibration_get_label (lateral_report_group_get_calibration (group)));
  if (group->n_flagged > 0)
    g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                               "FLAGGED: %u attempt was flagged on import; see the students below\n\n",
                                               "FLAGGED: %u attempts were flagged on import; see the students below\n\n",
                                               group->n_flagged),
                            group->n_flagged);
  text_students (text, group);
  g_string_append_c (text, '\n');
  text_claims (text, group);

  if (group->techniques->len > 0)
    g_string_append_printf (text, "\n%s\n", _("Techniques:"));
  for (guint i = 0; i < group->techniques->len; i++)
    {
      const LateralReportTechnique *technique = group->techniques->pdata[i];
      g_autofree char *tech_right = lateral_report_format_percent (technique->n_correct, technique->n_answers);

      g_string_append_printf (text, _("  %s: %u of %u right (%s)\n"),
                              technique->name != NULL ? technique->name : technique->technique_id,
                              technique->n_correct, technique->n_answers, tech_right);
    }

  text_checks (text, group);

  g_string_append_printf (text, "\n%s\n", _("Calibration (how often right at each certainty):"));
  for (int c = LATERAL_CERTAINTY_MIN; c <= LATERAL_CERTAINTY_MAX; c++)
    {
      g_autofree char *level_right = lateral_report_format_percent (group->by_certainty[c].correct,
                                                                    group->by_certainty[c].answered);

      g_string_append_printf (text, _("  certainty %d: %u answers, %s right\n"), c,
                              group->by_certainty[c].answered, level_right);
    }
}

/* Returns: (transfer full): the report for a terminal, one section per
 * class code and pack */
char *
lateral_report_to_text (LateralReport *self)
{
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (LATERAL_IS_REPORT (self), NULL);

  for (guint i = 0; i < lateral_report_get_n_groups (self); i++)
    {
      const LateralReportGroup *group = lateral_report_get_group (self, i);
      const LateralMeasureSummary *measure = lateral_report_get_measure (self, group);

      if (i > 0)
        g_string_append (text, "\n\n");
      text_group (text, group);
      if (measure != NULL)
        lateral_measure_summary_append_text (text, measure);
    }

  return g_string_free (text, FALSE);
}
