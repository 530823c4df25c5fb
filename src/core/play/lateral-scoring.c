/* lateral-scoring.c: certainty-based marks, checks scored, tallies
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>
#include <glib/gi18n-lib.h>

#include "pack/lateral-pack.h"
#include "lateral-scoring.h"

/* The mark scheme of certainty-based marking as used by Moodle: being sure
 * and right earns most, being sure and wrong costs more than it could earn,
 * so only honest confidence pays on average. */
static const int cbm_right[] = { 0, 1, 2, 3 };
static const int cbm_wrong[] = { 0, 0, -2, -6 };

int
lateral_cbm_mark (gboolean correct,
                  int      certainty)
{
  g_return_val_if_fail (certainty >= LATERAL_CERTAINTY_MIN, 0);
  g_return_val_if_fail (certainty <= LATERAL_CERTAINTY_MAX, 0);

  return correct ? cbm_right[certainty] : cbm_wrong[certainty];
}

/* Right means the verdict, or one the author also accepts. */
gboolean
lateral_step_accepts (const LateralStep *step,
                      LateralVerdict     verdict)
{
  g_return_val_if_fail (step != NULL, FALSE);
  g_return_val_if_fail (step->type == LATERAL_STEP_CLAIM, FALSE);
  g_return_val_if_fail ((guint) verdict < LATERAL_N_VERDICTS, FALSE);

  return (step->accepted & (1u << verdict)) != 0;
}

/**
 * lateral_moves_score:
 * @step: a claim
 * @picked_ids: (nullable) (array zero-terminated=1): the ids of the checks
 *   the learner picked; unknown and repeated ids count once or not at all
 *
 * Returns: how many expected checks were picked, and how many others
 */
LateralMovesScore
lateral_moves_score (const LateralStep  *step,
                     const char * const *picked_ids)
{
  LateralMovesScore score = { 0 };

  g_return_val_if_fail (step != NULL, score);

  for (guint i = 0; step->moves != NULL && i < step->moves->len; i++)
    {
      const LateralMove *move = g_ptr_array_index (step->moves, i);
      gboolean picked = picked_ids != NULL && g_strv_contains (picked_ids, move->id);

      if (move->expected)
        score.n_expected++;
      if (picked && move->expected)
        score.expected_picked++;
      else if (picked)
        score.unexpected_picked++;
    }

  return score;
}

LateralTally *
lateral_tally_new (void)
{
  LateralTally *tally = g_new0 (LateralTally, 1);

  tally->by_technique = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  return tally;
}

void
lateral_tally_free (LateralTally *tally)
{
  if (tally == NULL)
    return;

  g_hash_table_unref (tally->by_technique);
  g_free (tally);
}

/**
 * lateral_tally_add:
 * @step: the claim answered
 * @correct: whether the verdict was accepted (lateral_step_accepts())
 * @certainty: 1 to 3
 * @mark: the mark given, usually lateral_cbm_mark (@correct, @certainty)
 *
 * Counts one answer overall, at its certainty level and for each technique
 * of the claim.
 */
void
lateral_tally_add (LateralTally      *tally,
                   const LateralStep *step,
                   gboolean           correct,
                   int                certainty,
                   int                mark)
{
  g_return_if_fail (tally != NULL);
  g_return_if_fail (step != NULL);
  g_return_if_fail (certainty >= LATERAL_CERTAINTY_MIN && certainty <= LATERAL_CERTAINTY_MAX);

  correct = !!correct;
  tally->n_answers++;
  tally->n_correct += correct;
  tally->total_mark += mark;
  tally->by_certainty[certainty].answered++;
  tally->by_certainty[certainty].correct += correct;

  for (guint i = 0; step->techniques != NULL && step->techniques[i] != NULL; i++)
    {
      LateralTallyCount *count = g_hash_table_lookup (tally->by_technique, step->techniques[i]);

      if (count == NULL)
        {
          count = g_new0 (LateralTallyCount, 1);
          g_hash_table_insert (tally->by_technique, g_strdup (step->techniques[i]), count);
        }
      count->answered++;
      count->correct += correct;
    }
}

/* The share of right answers, 0 to 1; 0 before any answer. */
double
lateral_tally_get_accuracy (const LateralTally *tally)
{
  g_return_val_if_fail (tally != NULL, 0.0);

  return tally->n_answers > 0 ? (double) tally->n_correct / tally->n_answers : 0.0;
}

/* How often the learner was right at one certainty level, 0 to 1;
 * -1 when no answer was given at that level. */
double
lateral_tally_get_hit_rate (const LateralTally *tally,
                            int                 certainty)
{
  const LateralTallyCount *count;

  g_return_val_if_fail (tally != NULL, -1.0);
  g_return_val_if_fail (certainty >= LATERAL_CERTAINTY_MIN && certainty <= LATERAL_CERTAINTY_MAX, -1.0);

  count = &tally->by_certainty[certainty];
  return count->answered > 0 ? (double) count->correct / count->answered : -1.0;
}

/**
 * lateral_tally_get_calibration:
 *
 * Under CBM's marks each certainty level pays best in one band of hit
 * rates: level 1 below 2/3, level 2 from 2/3 to 4/5, level 3 above 4/5 (the
 * points where the expected marks 1p, 4p-2 and 9p-6 cross). Answers at a
 * level whose hit rate is below its band were overconfident, above it
 * underconfident; the larger group, counted in answers, gives the word.
 *
 * Returns: the learner's calibration
 */
LateralCalibration
lateral_tally_get_calibration (const LateralTally *tally)
{
  /* Band edges in fifteenths (2/3 = 10/15, 4/5 = 12/15), so the
   * comparisons are exact and an edge belongs to both of its bands. */
  static const guint band_low[] = { 0, 0, 10, 12 };
  static const guint band_high[] = { 0, 10, 12, 15 };
  guint over = 0, under = 0;

  g_return_val_if_fail (tally != NULL, LATERAL_CALIBRATION_WELL_CALIBRATED);

  for (int level = LATERAL_CERTAINTY_MIN; level <= LATERAL_CERTAINTY_MAX; level++)
    {
      const LateralTallyCount *count = &tally->by_certainty[level];

      if (count->answered == 0)
        continue;
      if (count->correct * 15 < band_low[level] * count->answered)
        over += count->answered;
      else if (count->correct * 15 > band_high[level] * count->answered)
        under += count->answered;
    }

  if (over > under)
    return LATERAL_CALIBRATION_OVERCONFIDENT;
  if (under > over)
    return LATERAL_CALIBRATION_UNDERCONFIDENT;
  return LATERAL_CALIBRATION_WELL_CALIBRATED;
}

/* Nullable: NULL when no answered claim used the technique. */
const LateralTallyCount *
lateral_tally_get_technique (const LateralTally *tally,
                             const char         *technique_id)
{
  g_return_val_if_fail (tally != NULL, NULL);
  g_return_val_if_fail (technique_id != NULL, NULL);

  return g_hash_table_lookup (tally->by_technique, technique_id);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* Returns: (transfer full): the techniques met so far, sorted by id */
char **
lateral_tally_list_techniques (const LateralTally *tally)
{
  guint n;
  char **ids;

  g_return_val_if_fail (tally != NULL, NULL);

  ids = (char **) g_hash_table_get_keys_as_array (tally->by_technique, &n);
  for (guint i = 0; i < n; i++)
    ids[i] = g_strdup (ids[i]);
  qsort (ids, n, sizeof (char *), compare_strings);
  return ids;
}

/* The untranslated word, for files and logs. */
const char *
lateral_calibration_to_string (LateralCalibration calibration)
{
  switch (calibration)
    {
    case LATERAL_CALIBRATION_WELL_CALIBRATED:
      return "well calibrated";
    case LATERAL_CALIBRATION_OVERCONFIDENT:
      return "overconfident";
    case LATERAL_CALIBRATION_UNDERCONFIDENT:
      return "underconfident";
    default:
      g_return_val_if_reached (NULL);
    }
}

const char *
lateral_calibration_get_label (LateralCalibration calibration)
{
  switch (calibration)
    {
    case LATERAL_CALIBRATION_WELL_CALIBRATED:
      return _("Well calibrated");
    case LATERAL_CALIBRATION_OVERCONFIDENT:
      return _("Overconfident");
    case LATERAL_CALIBRATION_UNDERCONFIDENT:
      return _("Underconfident");
    default:
      g_return_val_if_reached (NULL);
    }
}
