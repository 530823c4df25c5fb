/* lateral-measure-session.c: filling one sitting of a headline test
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Correctness is judged here, against the instrument, when an answer is
 * given; scores are then computed from what was stored, so a report needs
 * no instrument file to add them up.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lateral-measure-session.h"

const char *
lateral_measure_when_to_string (LateralMeasureWhen when)
{
  return when == LATERAL_MEASURE_AFTER ? "after" : "before";
}

gboolean
lateral_measure_when_from_string (const char         *text,
                                  LateralMeasureWhen *out_when)
{
  g_return_val_if_fail (out_when != NULL, FALSE);

  if (g_strcmp0 (text, "before") == 0)
    *out_when = LATERAL_MEASURE_BEFORE;
  else if (g_strcmp0 (text, "after") == 0)
    *out_when = LATERAL_MEASURE_AFTER;
  else
    return FALSE;
  return TRUE;
}

/* Which button comes first is randomised per learner, as in the authors'
 * app, and kept for that learner: drawn from the profile's random UUID, so
 * the before and after checks show the same order. */
gboolean
lateral_measure_real_first_for (const char *profile_uuid)
{
  g_return_val_if_fail (profile_uuid != NULL, TRUE);
  return (g_str_hash (profile_uuid) & 1) == 0;
}

/**
 * lateral_measure_shuffle:
 * @n_items: how many items
 * @rand: (nullable): the generator; a fresh, randomly seeded one when %NULL
 *
 * Returns: (transfer full): a random permutation of 0 … n_items - 1 (Fisher–Yates)
 */
guint *
lateral_measure_shuffle (guint  n_items,
                         GRand *rand)
{
  g_autoptr(GRand) own = rand == NULL ? g_rand_new () : NULL;
  guint *order = g_new (guint, MAX (n_items, 1));

  if (rand == NULL)
    rand = own;
  for (guint i = 0; i < n_items; i++)
    order[i] = i;
  for (guint i = n_items; i > 1; i--)
    {
      guint j = g_rand_int_range (rand, 0, i);
      guint swap = order[i - 1];

      order[i - 1] = order[j];
      order[j] = swap;
    }
  return order;
}

void
lateral_measure_answer_free (LateralMeasureAnswer *answer)
{
  if (answer == NULL)
    return;
  g_free (answer->item_id);
  g_free (answer);
}

/**
 * lateral_measure_session_new:
 * @measure: the instrument
 * @when: before or after the case
 * @profile_uuid: the learner
 *
 * The session gets a new UUID and the start time; pack, attempt and class
 * are left for the caller to fill.
 */
LateralMeasureSession *
lateral_measure_session_new (LateralMeasure     *measure,
                             LateralMeasureWhen  when,
                             const char         *profile_uuid)
{
  LateralMeasureSession *self;

  g_return_val_if_fail (LATERAL_IS_MEASURE (measure), NULL);
  g_return_val_if_fail (profile_uuid != NULL, NULL);

  self = g_new0 (LateralMeasureSession, 1);
  self->uuid = g_uuid_string_random ();
  self->profile_uuid = g_strdup (profile_uuid);
  self->instrument_id = g_strdup (lateral_measure_get_id (measure));
  self->instrument_hash = g_strdup (lateral_measure_get_content_hash (measure));
  self->when = when;
  self->real_first = lateral_measure_real_first_for (profile_uuid);
  self->started_at = g_get_real_time () / G_USEC_PER_SEC;
  self->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_measure_answer_free);
  return self;
}

const LateralMeasureAnswer *
lateral_measure_session_find (const LateralMeasureSession *self,
                              const char                  *item_id)
{
  g_return_val_if_fail (self != NULL, NULL);

  for (guint i = 0; i < self->answers->len; i++)
    {
      const LateralMeasureAnswer *answer = g_ptr_array_index (self->answers, i);
      if (g_str_equal (answer->item_id, item_id))
        return answer;
    }
  return NULL;
}

/**
 * lateral_measure_session_answer:
 *
 * Records the answer to one item, judged against @measure.
 *
 * Returns: %FALSE with %G_IO_ERROR_NOT_FOUND for an item the instrument
 *   lacks, %G_IO_ERROR_EXISTS for one already answered
 */
gboolean
lateral_measure_session_answer (LateralMeasureSession  *self,
                                LateralMeasure         *measure,
                                const char             *item_id,
                                gboolean                said_real,
                                guint                   time_ms,
                                GError                **error)
{
  const LateralMeasureItem *item;
  LateralMeasureAnswer *answer;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LATERAL_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (item_id != NULL, FALSE);

  item = lateral_measure_find_item (measure, item_id);
  if (item == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   _("“%s” is not an item of %s"), item_id, lateral_measure_get_id (measure));
      return FALSE;
    }
  if (lateral_measure_session_find (self, item_id) != NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_EXISTS,
                   _("“%s” is already answered"), item_id);
      return FALSE;
    }

  answer = g_new0 (LateralMeasureAnswer, 1);
  answer->item_id = g_strdup (item_id);
  answer->said_real = said_real;
  answer->correct = said_real == item->real;
  answer->position = self->answers->len;
  answer->time_ms = time_ms;
  g_ptr_array_add (self->answers, answer);
  return TRUE;
}

/* Returns: %FALSE naming the first item left unanswered */
gboolean
lateral_measure_session_check_complete (LateralMeasureSession  *self,
                                        LateralMeasure         *measure,
                                        GError                **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (LATERAL_IS_MEASURE (measure), FALSE);

  for (guint i = 0; i < lateral_measure_get_n_items (measure); i++)
    {
      const LateralMeasureItem *item = lateral_measure_get_item (measure, i);

      if (lateral_measure_session_find (self, item->id) == NULL)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                       _("Item “%s” is not answered; every item needs an answer"), item->id);
          return FALSE;
        }
    }
  return TRUE;
}

/* The scores from the stored answers: a correct Real answer was a real headline. */
void
lateral_measure_session_score (const LateralMeasureSession *self,
                               LateralMeasureScore         *out)
{
  g_autofree gboolean *truth = NULL;
  g_autofree gboolean *said = NULL;

  g_return_if_fail (self != NULL);
  g_return_if_fail (out != NULL);

  truth = g_new (gboolean, MAX (self->answers->len, 1));
  said = g_new (gboolean, MAX (self->answers->len, 1));
  for (guint i = 0; i < self->answers->len; i++)
    {
      const LateralMeasureAnswer *answer = g_ptr_array_index (self->answers, i);

      said[i] = answer->said_real;
      truth[i] = answer->said_real == answer->correct;
    }
  lateral_measure_score_tally (truth, said, self->answers->len, out);
}

LateralMeasureSession *
lateral_measure_session_copy (const LateralMeasureSession *self)
{
  LateralMeasureSession *copy;

  g_return_val_if_fail (self != NULL, NULL);

  copy = g_memdup2 (self, sizeof *self);
  copy->uuid = g_strdup (self->uuid);
  copy->profile_uuid = g_strdup (self->profile_uuid);
  copy->profile_name = g_strdup (self->profile_name);
  copy->instrument_id = g_strdup (self->instrument_id);
  copy->instrument_hash = g_strdup (self->instrument_hash);
  copy->pack_id = g_strdup (self->pack_id);
  copy->pack_version = g_strdup (self->pack_version);
  copy->attempt_uuid = g_strdup (self->attempt_uuid);
  copy->class_code = g_strdup (self->class_code);
  copy->device_id = g_strdup (self->device_id);
  copy->answers = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_measure_answer_free);
  for (guint i = 0; i < self->answers->len; i++)
    {
      LateralMeasureAnswer *answer = g_memdup2 (g_ptr_array_index (self->answers, i), sizeof (LateralMeasureAnswer));
      answer->item_id = g_strdup (answer->item_id);
      g_ptr_array_add (copy->answers, answer);
    }
  return copy;
}

void
lateral_measure_session_free (LateralMeasureSession *self)
{
  if (self == NULL)
    return;
  g_free (self->uuid);
  g_free (self->profile_uuid);
  g_free (self->profile_name);
  g_free (self->instrument_id);
  g_free (self->instrument_hash);
  g_free (self->pack_id);
  g_free (self->pack_version);
  g_free (self->attempt_uuid);
  g_free (self->class_code);
  g_free (self->device_id);
  g_clear_pointer (&self->answers, g_ptr_array_unref);
  g_free (self);
}
