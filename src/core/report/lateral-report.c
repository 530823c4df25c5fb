/* lateral-report.c: what a class got right and wrong
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * One query lists the attempts (a few per learner), then one pass over the
 * answers table in storage order counts everything else: each answer finds
 * its attempt and claim through hash tables keyed by the text SQLite hands
 * out, so there is no join, no sort and no allocation per answer.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-report.h"
#include "store/lateral-store-query.h"
#include "store/lateral-store-transaction.h"
#include "store/lateral-store-measures.h"

struct _LateralReport
{
  GObject    parent_instance;

  char      *class_code;
  char      *pack_id;
  gint64     created_at;
  GPtrArray *groups;      /* of LateralReportGroup */
  GPtrArray *measures;    /* of LateralMeasureSummary (report/lateral-report-measure.c) */
};

G_DEFINE_FINAL_TYPE (LateralReport, lateral_report, G_TYPE_OBJECT)

static void
student_free (LateralReportStudent *student)
{
  g_free (student->profile_name);
  g_free (student->profile_uuid);
  g_free (student->flags);
  g_free (student->cells);
  g_clear_pointer (&student->latest, g_hash_table_unref);
  g_free (student);
}

static void
claim_free (LateralReportClaim *claim)
{
  g_free (claim->claim_id);
  g_free (claim->claim);
  g_free (claim);
}

static void
technique_free (LateralReportTechnique *technique)
{
  g_free (technique->technique_id);
  g_free (technique->name);
  g_free (technique);
}

static void
group_free (LateralReportGroup *group)
{
  g_free (group->class_code);
  g_free (group->pack_id);
  g_free (group->pack_version);
  g_free (group->pack_title);
  g_ptr_array_unref (group->students);
  g_ptr_array_unref (group->claims);
  g_ptr_array_unref (group->techniques);
  g_free (group);
}

static void
lateral_report_finalize (GObject *object)
{
  LateralReport *self = LATERAL_REPORT (object);

  g_free (self->class_code);
  g_free (self->pack_id);
  g_ptr_array_unref (self->groups);
  g_clear_pointer (&self->measures, g_ptr_array_unref);

  G_OBJECT_CLASS (lateral_report_parent_class)->finalize (object);
}

static void
lateral_report_class_init (LateralReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lateral_report_finalize;
}

static void
lateral_report_init (LateralReport *self)
{
  self->groups = g_ptr_array_new_with_free_func ((GDestroyNotify) group_free);
}

/* The filters are bound as ?1 (class code) and ?2 (pack id); NULL matches all. */
#define REPORT_FILTER \
  " WHERE (?1 IS NULL OR a.class_code = ?1) AND (?2 IS NULL OR a.pack_id = ?2)"
#define REPORT_GROUP_ORDER "a.class_code IS NULL, a.class_code, a.pack_id, a.pack_version"

static const char attempts_sql[] =
  "SELECT a.class_code, a.pack_id, a.profile_uuid, p.name, a.finished_at IS NOT NULL, a.uuid, a.flags,"
  " a.pack_version"
  " FROM attempts a JOIN profiles p ON p.uuid = a.profile_uuid"
  REPORT_FILTER
  " ORDER BY " REPORT_GROUP_ORDER ", a.profile_uuid, a.started_at, a.rowid";

/* Answers of attempts the filters left out are skipped in C: scanning the
 * table in storage order is faster than any join SQLite could plan. */
static const char answers_sql[] =
  "SELECT attempt_uuid, claim_id, verdict, certainty, correct, mark, moves FROM answers";

/* What the pass over the answers needs to know about each attempt. */
typedef struct {
  LateralReportGroup   *group;
  LateralPack          *pack;      /* nullable: the group's version of the pack, the registry's */
  GHashTable           *claims;    /* the group's: claim id -> LateralReportClaim */
  LateralReportStudent *student;
  gboolean              finished;
  int                   mark;
  guint                 order;     /* in the attempts query: by profile, then start */
} AttemptTotals;

typedef struct {
  GPtrArray  *attempts;      /* of AttemptTotals, in the attempts query's order */
  GHashTable *by_uuid;       /* attempt uuid -> AttemptTotals */
  GPtrArray  *claim_tables;  /* one per group, in the groups' order */
} Counting;

static void
counting_clear (Counting *counting)
{
  g_clear_pointer (&counting->attempts, g_ptr_array_unref);
  g_clear_pointer (&counting->by_uuid, g_hash_table_unref);
  g_clear_pointer (&counting->claim_tables, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Counting, counting_clear)

static LateralStoreQuery *
query_filtered (LateralStore  *store,
                const char    *sql,
                const char    *class_code,
                const char    *pack_id,
                GError       **error)
{
  LateralStoreQuery *query = lateral_store_query_new (store, sql, error);

  if (query == NULL)
    return NULL;
  lateral_store_query_bind_text (query, 1, class_code);
  lateral_store_query_bind_text (query, 2, pack_id);
  return query;
}

static gboolean
group_matches (const LateralReportGroup *group,
               const char               *class_code,
               const char               *pack_id,
               const char               *pack_version)
{
  return group != NULL && g_strcmp0 (group->class_code, class_code) == 0 &&
         g_str_equal (group->pack_id, pack_id) && g_str_equal (group->pack_version, pack_version);
}

/* The pack the group's attempts were played with, if this machine has that
 * version: claims, techniques and checks are read from it, never from
 * another version, whose verdicts may differ. */
static LateralPack *
group_pack (LateralPackRegistry      *registry,
            const LateralReportGroup *group)
{
  LateralPack *pack = registry != NULL ? lateral_pack_registry_lookup (registry, group->pack_id) : NULL;

  if (pack == NULL || !g_str_equal (lateral_pack_get_version (pack), group->pack_version))
    return NULL;
  return pack;
}

static LateralReportGroup *
group_new (LateralPackRegistry *registry,
           const char          *class_code,
           const char          *pack_id,
           const char          *pack_version)
{
  LateralReportGroup *group = g_new0 (LateralReportGroup, 1);
  LateralPack *current = registry != NULL ? lateral_pack_registry_lookup (registry, pack_id) : NULL;

  group->class_code = g_strdup (class_code);
  group->pack_id = g_strdup (pack_id);
  group->pack_version = g_strdup (pack_version);
  /* The title names the case, whichever version is installed. */
  group->pack_title = current != NULL ? g_strdup (lateral_pack_get_title (current)) : NULL;
  group->pack_known = group_pack (registry, group) != NULL;
  group->students = g_ptr_array_new_with_free_func ((GDestroyNotify) student_free);
  group->claims = g_ptr_array_new_with_free_func ((GDestroyNotify) claim_free);
  group->techniques = g_ptr_array_new_with_free_func ((GDestroyNotify) technique_free);
  return group;
}

/* Flagged work is never counted silently: the student and the group say
 * how many of their attempts were flagged on import, and why (the codes). */
static void
add_flags (LateralReportGroup   *group,
           LateralReportStudent *student,
           const char           *flags)
{
  g_auto(GStrv) codes = NULL;
  GString *text;

  if (student->flags == NULL)
    student->flags = g_strdup ("");
  if (flags == NULL || flags[0] == '\0')
    return;

  group->n_flagged++;
  student->n_flagged++;
  codes = g_strsplit (flags, " ", -1);
  text = g_string_new (student->flags);
  for (guint i = 0; codes[i] != NULL; i++)
    {
      g_auto(GStrv) have = g_strsplit (text->str, " ", -1);

      if (codes[i][0] == '\0' || g_strv_contains ((const char * const *) have, codes[i]))
        continue;
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, codes[i]);
    }
  g_free (student->flags);
  student->flags = g_string_free (text, FALSE);
}

/* One row per attempt, sorted by group, then profile, then start: the
 * groups and their students are built in one pass. */
static gboolean
read_attempts (LateralReport        *self,
               LateralStore         *store,
               LateralPackRegistry  *registry,
               Counting             *counting,
               GError              **error)
{
  g_autoptr(LateralStoreQuery) query = NULL;
  g_autoptr(GError) local_error = NULL;
  LateralReportGroup *group = NULL;
  LateralReportStudent *student = NULL;
  GHashTable *claims = NULL;

  query = query_filtered (store, attempts_sql, self->class_code, self->pack_id, error);
  if (query == NULL)
    return FALSE;

  while (lateral_store_query_next (query, &local_error))
    {
      const char *class_code = lateral_store_query_get_text (query, 0);
      const char *pack_id = lateral_store_query_get_text (query, 1);
      const char *profile_uuid = lateral_store_query_get_text (query, 2);
      const char *pack_version = lateral_store_query_get_text (query, 7);
      AttemptTotals *attempt;

      if (!group_matches (group, class_code, pack_id, pack_version))
        {
          group = group_new (registry, class_code, pack_id, pack_version);
          g_ptr_array_add (self->groups, group);
          claims = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) claim_free);
          g_ptr_array_add (counting->claim_tables, claims);
          student = NULL;
        }
      if (student == NULL || !g_str_equal (student->profile_uuid, profile_uuid))
        {
          student = g_new0 (LateralReportStudent, 1);
          student->profile_uuid = g_strdup (profile_uuid);
          student->profile_name = g_strdup (lateral_store_query_get_text (query, 3));
          g_ptr_array_add (group->students, student);
        }

      attempt = g_new0 (AttemptTotals, 1);
      attempt->group = group;
      attempt->pack = group_pack (registry, group);
      attempt->claims = claims;
      attempt->student = student;
      attempt->finished = lateral_store_query_get_int (query, 4) != 0;
      attempt->order = counting->attempts->len;
      g_ptr_array_add (counting->attempts, attempt);
      g_hash_table_insert (counting->by_uuid, g_strdup (lateral_store_query_get_text (query, 5)), attempt);

      group->n_attempts++;
      student->n_attempts++;
      student->n_finished += attempt->finished;
      add_flags (group, student, lateral_store_query_get_text (query, 6));
    }

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* After the answers are counted: best and latest marks, in start order. */
static void
sum_marks (Counting *counting)
{
  for (guint i = 0; i < counting->attempts->len; i++)
    {
      AttemptTotals *attempt = counting->attempts->pdata[i];
      LateralReportStudent *student = attempt->student;

      if (!attempt->finished)
        continue;
      student->best_mark = student->has_marks ? MAX (student->best_mark, attempt->mark) : attempt->mark;
      student->latest_mark = attempt->mark;
      student->has_marks = TRUE;
    }
}

static LateralReportClaim *
claim_new (const char        *claim_id,
           const LateralStep *step)
{
  LateralReportClaim *claim = g_new0 (LateralReportClaim, 1);

  claim->claim_id = g_strdup (claim_id);
  claim->claim = step != NULL ? g_strdup (step->claim) : NULL;
  return claim;
}

static int
compare_claims (gconstpointer a,
                gconstpointer b)
{
  const LateralReportClaim *ca = *(LateralReportClaim * const *) a;
  const LateralReportClaim *cb = *(LateralReportClaim * const *) b;

  return strcmp (ca->claim_id, cb->claim_id);
}

static int
compare_techniques (gconstpointer a,
                    gconstpointer b)
{
  const LateralReportTechnique *ta = *(LateralReportTechnique * const *) a;
  const LateralReportTechnique *tb = *(LateralReportTechnique * const *) b;

  return strcmp (ta->technique_id, tb->technique_id);
}

/* The pack's claims first, in its order, answered or not; then claims the
 * pack no longer has (or all of them, without the pack), by id. */
static void
order_claims (LateralReportGroup *group,
              LateralPack        *pack,
              GHashTable         *claims)
{
  g_autoptr(GPtrArray) others = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer value;

  for (guint i = 0; pack != NULL && i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);
      LateralReportClaim *claim;

      if (step->type != LATERAL_STEP_CLAIM)
        continue;
      if (!g_hash_table_steal_extended (claims, step->id, NULL, (gpointer *) &claim))
        claim = claim_new (step->id, step);
      g_ptr_array_add (group->claims, claim);
    }

  g_hash_table_iter_init (&iter, claims);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      g_ptr_array_add (others, value);
      g_hash_table_iter_steal (&iter);
    }
  g_ptr_array_sort (others, compare_claims);
  for (guint i = 0; i < others->len; i++)
    g_ptr_array_add (group->claims, others->pdata[i]);
}

/* Each claim's answers count for every technique its reveal names. */
static void
count_techniques (LateralReportGroup *group,
                  LateralPack        *pack)
{
  g_autoptr(GHashTable) by_id = g_hash_table_new (g_str_hash, g_str_equal);

  if (pack == NULL)
    return;

  for (guint i = 0; i < group->claims->len; i++)
    {
      const LateralReportClaim *claim = group->claims->pdata[i];
      const LateralStep *step = lateral_pack_find_step (pack, claim->claim_id);

      if (step == NULL || step->type != LATERAL_STEP_CLAIM || claim->n_answers == 0)
        continue;
      for (guint k = 0; step->techniques != NULL && step->techniques[k] != NULL; k++)
        {
          LateralReportTechnique *technique = g_hash_table_lookup (by_id, step->techniques[k]);

          if (technique == NULL)
            {
              const LateralTechnique *known = lateral_pack_find_technique (pack, step->techniques[k]);

              technique = g_new0 (LateralReportTechnique, 1);
              technique->technique_id = g_strdup (step->techniques[k]);
              technique->name = known != NULL ? g_strdup (known->name) : NULL;
              g_hash_table_insert (by_id, technique->technique_id, technique);
              g_ptr_array_add (group->techniques, technique);
            }
          technique->n_answers += claim->n_answers;
          technique->n_correct += claim->n_correct;
        }
    }

  g_ptr_array_sort (group->techniques, compare_techniques);
}

static void
count_answer (AttemptTotals      *attempt,
              LateralReportClaim *claim,
              LateralVerdict      verdict,
              int                 certainty,
              gboolean            correct,
              int                 mark)
{
  LateralReportGroup *group = attempt->group;
  LateralReportCell cell = correct ? LATERAL_REPORT_CELL_RIGHT
                           : certainty == LATERAL_CERTAINTY_MAX ? LATERAL_REPORT_CELL_WRONG_SURE
                           : LATERAL_REPORT_CELL_WRONG;
  guint packed = ((attempt->order + 1) << 2) | cell;

  /* The grid shows the latest attempt's answer (a later start wins). */
  if (attempt->student->latest == NULL)
    attempt->student->latest = g_hash_table_new (NULL, NULL);
  if (GPOINTER_TO_UINT (g_hash_table_lookup (attempt->student->latest, claim)) < packed)
    g_hash_table_insert (attempt->student->latest, claim, GUINT_TO_POINTER (packed));

  attempt->mark += mark;
  attempt->student->n_answers++;
  claim->n_answers++;
  claim->certainty_sum += certainty;
  group->n_answers++;
  group->by_certainty[certainty].answered++;
  if (correct)
    {
      attempt->student->n_correct++;
      claim->n_correct++;
      group->n_correct++;
      group->by_certainty[certainty].correct++;
      return;
    }
  claim->wrong_by_verdict[verdict]++;
  if (certainty == LATERAL_CERTAINTY_MAX)
    claim->wrong_at_high_certainty++;
}

/* The checks an answer picked, counted by the question each answers. The
 * ids come from the store (perhaps from an imported bundle): an id the
 * pack does not have is skipped. */
static void
count_checks (AttemptTotals *attempt,
              const char    *claim_id,
              const char    *moves_json)
{
  g_autoptr(JsonParser) parser = NULL;
  const LateralStep *step;
  JsonNode *root;
  JsonArray *ids;

  if (attempt->pack == NULL)
    return;
  step = lateral_pack_find_step (attempt->pack, claim_id);
  if (step == NULL || step->type != LATERAL_STEP_CLAIM || step->moves->len == 0)
    return;

  /* Every answer was offered the claim's expected checks, picked or not. */
  for (guint i = 0; i < step->moves->len; i++)
    {
      const LateralMove *move = g_ptr_array_index (step->moves, i);

      attempt->group->checks_by_asks[move->asks].expected_offered += move->expected;
    }
  if (moves_json == NULL || g_str_equal (moves_json, "[]"))
    return;

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, moves_json, -1, NULL) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    return;

  ids = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (ids); i++)
    {
      const char *id = json_node_get_string (json_array_get_element (ids, i));
      const LateralMove *move = id != NULL ? lateral_step_find_move (step, id) : NULL;

      if (move == NULL)
        continue;
      attempt->group->checks_by_asks[move->asks].picked++;
      attempt->group->checks_by_asks[move->asks].picked_expected += move->expected;
    }
}

static gboolean
read_answers (LateralStore  *store,
              Counting      *counting,
              GError       **error)
{
  g_autoptr(LateralStoreQuery) query = NULL;
  g_autoptr(GError) local_error = NULL;

  query = lateral_store_query_new (store, answers_sql, error);
  if (query == NULL)
    return FALSE;

  while (lateral_store_query_next (query, &local_error))
    {
      AttemptTotals *attempt = g_hash_table_lookup (counting->by_uuid, lateral_store_query_get_text (query, 0));
      const char *claim_id = lateral_store_query_get_text (query, 1);
      int certainty = lateral_store_query_get_int (query, 3);
      LateralReportClaim *claim;
      LateralVerdict verdict;

      if (attempt == NULL)
        continue;

      /* The schema's CHECKs make these hold; a report never trusts blindly. */
      if (!lateral_verdict_from_string (lateral_store_query_get_text (query, 2), &verdict) ||
          certainty < LATERAL_CERTAINTY_MIN || certainty > LATERAL_CERTAINTY_MAX)
        {
          g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_FAILED,
                       _("The database holds an answer the report cannot read (claim “%s”)"), claim_id);
          return FALSE;
        }

      claim = g_hash_table_lookup (attempt->claims, claim_id);
      if (claim == NULL)
        {
          claim = claim_new (claim_id, NULL);
          g_hash_table_insert (attempt->claims, claim->claim_id, claim);
        }
      count_answer (attempt, claim, verdict, certainty,
                    lateral_store_query_get_int (query, 4) != 0, lateral_store_query_get_int (query, 5));
      count_checks (attempt, claim_id, lateral_store_query_get_text (query, 6));
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/* Groups come from SQL ordered by class code (none last), pack id and
 * version as text: only the versions need ordering again, by semver. */
static int
compare_groups (gconstpointer a,
                gconstpointer b)
{
  const LateralReportGroup *ga = *(LateralReportGroup * const *) a;
  const LateralReportGroup *gb = *(LateralReportGroup * const *) b;
  int cmp;

  if ((ga->class_code == NULL) != (gb->class_code == NULL))
    return ga->class_code == NULL ? 1 : -1;
  if ((cmp = g_strcmp0 (ga->class_code, gb->class_code)) != 0)
    return cmp;
  if ((cmp = strcmp (ga->pack_id, gb->pack_id)) != 0)
    return cmp;
  return lateral_version_compare (ga->pack_version, gb->pack_version);
}

/* In the order of the user's language, so "Émile" comes before "Zoë". */
static int
compare_students (gconstpointer a,
                  gconstpointer b)
{
  const LateralReportStudent *sa = *(LateralReportStudent * const *) a;
  const LateralReportStudent *sb = *(LateralReportStudent * const *) b;
  int order = g_utf8_collate (sa->profile_name, sb->profile_name);

  return order != 0 ? order : strcmp (sa->profile_uuid, sb->profile_uuid);
}

/* Students and claims in order, claims with their texts, and the
 * techniques, once counted. */
static void
finish_groups (LateralReport       *self,
               LateralPackRegistry *registry,
               Counting            *counting)
{
  for (guint i = 0; i < self->groups->len; i++)
    {
      LateralReportGroup *group = self->groups->pdata[i];
      GHashTable *claims = counting->claim_tables->pdata[i];
      LateralPack *pack = group_pack (registry, group);

      g_ptr_array_sort (group->students, compare_students);
      order_claims (group, pack, claims);
      for (guint s = 0; s < group->students->len; s++)
        {
          LateralReportStudent *student = group->students->pdata[s];

          student->cells = g_new0 (guint8, MAX (group->claims->len, 1));
          for (guint k = 0; student->latest != NULL && k < group->claims->len; k++)
            student->cells[k] = GPOINTER_TO_UINT (g_hash_table_lookup (student->latest, group->claims->pdata[k])) & 3;
          g_clear_pointer (&student->latest, g_hash_table_unref);
        }
      for (guint k = 0; pack != NULL && k < group->claims->len; k++)
        {
          LateralReportClaim *claim = group->claims->pdata[k];
          const LateralStep *step = lateral_pack_find_step (pack, claim->claim_id);

          if (claim->claim == NULL && step != NULL && step->type == LATERAL_STEP_CLAIM)
            claim->claim = g_strdup (step->claim);
        }
      count_techniques (group, pack);
    }

  /* SQLite sorted versions as text; 1.10.0 comes after 1.9.0. */
  g_ptr_array_sort (self->groups, compare_groups);
}

/**
 * lateral_report_new:
 * @registry: (nullable): the packs, for claim texts, titles and techniques
 * @class_code: (nullable): only attempts with this class code; NULL for all
 * @pack_id: (nullable): only attempts at this pack; NULL for all
 *
 * Counts every attempt that matches, finished or not, in one read
 * transaction. A report with no group is not an error: there is nothing
 * recorded yet for the filters.
 */
LateralReport *
lateral_report_new (LateralStore         *store,
                    LateralPackRegistry  *registry,
                    const char           *class_code,
                    const char           *pack_id,
                    GError              **error)
{
  g_autoptr(LateralReport) self = NULL;
  g_auto(Counting) counting = { 0 };
  g_autoptr(LateralStoreTransaction) tx = NULL;
  gboolean ok;

  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);
  g_return_val_if_fail (registry == NULL || LATERAL_IS_PACK_REGISTRY (registry), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (LATERAL_TYPE_REPORT, NULL);
  self->class_code = g_strdup (class_code);
  self->pack_id = g_strdup (pack_id);
  self->created_at = g_get_real_time () / G_USEC_PER_SEC;

  counting.attempts = g_ptr_array_new_with_free_func (g_free);
  counting.by_uuid = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  counting.claim_tables = g_ptr_array_new_with_free_func ((GDestroyNotify) g_hash_table_unref);

  tx = lateral_store_transaction_begin (store, LATERAL_STORE_READ, error);
  if (tx == NULL)
    return NULL;
  ok = read_attempts (self, store, registry, &counting, error) && read_answers (store, &counting, error);
  if (!ok || !lateral_store_transaction_commit (tx, error))
    return NULL;

  sum_marks (&counting);
  finish_groups (self, registry, &counting);

  /* Headline tests before and after, paired per class and pack. */
  {
    g_autoptr(GPtrArray) sessions = lateral_store_list_measure_sessions (store, NULL, NULL, class_code, error);

    if (sessions == NULL)
      return NULL;
    self->measures = lateral_measure_summarize (sessions, class_code, pack_id);
  }
  return g_steal_pointer (&self);
}

const char *
lateral_report_get_class_code (LateralReport *self)
{
  g_return_val_if_fail (LATERAL_IS_REPORT (self), NULL);
  return self->class_code;
}

const char *
lateral_report_get_pack_id (LateralReport *self)
{
  g_return_val_if_fail (LATERAL_IS_REPORT (self), NULL);
  return self->pack_id;
}

/* Unix seconds, UTC: when the numbers were read. */
gint64
lateral_report_get_created_at (LateralReport *self)
{
  g_return_val_if_fail (LATERAL_IS_REPORT (self), 0);
  return self->created_at;
}

/* Returns: (nullable): the before/after summary for a group, if any check was taken for it */
const LateralMeasureSummary *
lateral_report_get_measure (LateralReport            *self,
                            const LateralReportGroup *group)
{
  g_return_val_if_fail (LATERAL_IS_REPORT (self), NULL);
  g_return_val_if_fail (group != NULL, NULL);
  return lateral_measure_summary_find (self->measures, group->class_code, group->pack_id);
}

guint
lateral_report_get_n_groups (LateralReport *self)
{
  g_return_val_if_fail (LATERAL_IS_REPORT (self), 0);
  return self->groups->len;
}

/* Groups are sorted by class code (no class code last), then pack id, then
 * version (oldest first). */
const LateralReportGroup *
lateral_report_get_group (LateralReport *self,
                          guint          index)
{
  g_return_val_if_fail (LATERAL_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->groups->len, NULL);
  return self->groups->pdata[index];
}
