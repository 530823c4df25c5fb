/* lateral-play.c: one learner playing one pack
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-play.h"
#include "lateral-scoring.h"
#include "store/lateral-store-transaction.h"

struct _LateralPlay
{
  GObject          parent_instance;

  LateralStore    *store;      /* NULL in preview */
  LateralPack     *pack;
  LateralProfile  *profile;    /* NULL in preview */
  LateralAttempt  *attempt;    /* NULL in preview */
  GHashTable      *answers;    /* claim id -> LateralAnswer */

  guint            position;
  guint            furthest;   /* steps up to here may be revisited */
  gboolean         resumed;
  gboolean         finished;

  LateralPlayRecorder recorder;  /* nullable: see lateral_play_set_recorder() */
  gpointer         recorder_data;
  GDestroyNotify   recorder_destroy;
};

G_DEFINE_FINAL_TYPE (LateralPlay, lateral_play, G_TYPE_OBJECT)

G_DEFINE_QUARK (lateral-play-error-quark, lateral_play_error)

static void
lateral_play_finalize (GObject *object)
{
  LateralPlay *self = (LateralPlay *) object;

  g_clear_object (&self->store);
  g_clear_object (&self->pack);
  g_clear_pointer (&self->profile, lateral_profile_free);
  g_clear_pointer (&self->attempt, lateral_attempt_free);
  g_clear_pointer (&self->answers, g_hash_table_unref);
  if (self->recorder_destroy != NULL)
    self->recorder_destroy (self->recorder_data);

  G_OBJECT_CLASS (lateral_play_parent_class)->finalize (object);
}

static void
lateral_play_class_init (LateralPlayClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = lateral_play_finalize;
}

static void
lateral_play_init (LateralPlay *self)
{
  self->answers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL,
                                         (GDestroyNotify) lateral_answer_free);
}

static void
remember_answer (LateralPlay   *self,
                 LateralAnswer *answer)
{
  g_hash_table_replace (self->answers, answer->claim_id, answer);
}

/* Loads what was answered and places the learner after the last answered
 * claim; claims the pack no longer has keep their answers in the store. */
static gboolean
resume (LateralPlay  *self,
        GError      **error)
{
  g_autoptr(GPtrArray) answers = NULL;
  guint n_steps = lateral_pack_get_n_steps (self->pack);
  gboolean any = FALSE;
  guint last = 0;

  answers = lateral_store_list_answers (self->store, self->attempt->uuid, error);
  if (answers == NULL)
    return FALSE;

  for (guint i = 0; i < answers->len; i++)
    remember_answer (self, lateral_answer_copy (answers->pdata[i]));

  for (guint i = 0; i < n_steps; i++)
    {
      const LateralStep *step = lateral_pack_get_step (self->pack, i);

      if (step->type == LATERAL_STEP_CLAIM && g_hash_table_contains (self->answers, step->id))
        {
          any = TRUE;
          last = i;
        }
    }

  self->position = any ? MIN (last + 1, n_steps - 1) : 0;
  self->furthest = self->position;
  self->resumed = TRUE;

  return TRUE;
}

static LateralPlay *
lateral_play_new_full (LateralStore  *store,
                       LateralPack   *pack,
                       const char    *profile_name,
                       const char    *class_code,
                       gboolean       start_over,
                       GError       **error);

/**
 * lateral_play_new:
 * @store: (nullable): where answers go; %NULL is preview mode, which records nothing
 * @pack: the case
 * @profile_name: (nullable): the learner, created on first use; ignored without @store
 * @class_code: (nullable): recorded with a new attempt
 *
 * Resumes the profile's unfinished attempt at this pack (even when the
 * pack's content changed since), or starts a new one at step 0.
 */
LateralPlay *
lateral_play_new (LateralStore  *store,
                  LateralPack   *pack,
                  const char    *profile_name,
                  const char    *class_code,
                  GError       **error)
{
  return lateral_play_new_full (store, pack, profile_name, class_code, FALSE, error);
}

/**
 * lateral_play_new_start_over:
 *
 * As lateral_play_new(), but always starts a new attempt at step 0. An
 * unfinished attempt is left as it is, with every answer it holds: it stays
 * in the learner's history as unfinished, and the new attempt, being the
 * latest, is the one resumed next time.
 */
LateralPlay *
lateral_play_new_start_over (LateralStore  *store,
                             LateralPack   *pack,
                             const char    *profile_name,
                             const char    *class_code,
                             GError       **error)
{
  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);

  return lateral_play_new_full (store, pack, profile_name, class_code, TRUE, error);
}

static LateralPlay *
lateral_play_new_full (LateralStore  *store,
                       LateralPack   *pack,
                       const char    *profile_name,
                       const char    *class_code,
                       gboolean       start_over,
                       GError       **error)
{
  g_autoptr(LateralPlay) self = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (store == NULL || LATERAL_IS_STORE (store), NULL);
  g_return_val_if_fail (LATERAL_IS_PACK (pack), NULL);
  g_return_val_if_fail (store == NULL || profile_name != NULL, NULL);
  g_return_val_if_fail (lateral_pack_get_n_steps (pack) > 0, NULL);

  self = g_object_new (LATERAL_TYPE_PLAY, NULL);
  self->pack = g_object_ref (pack);
  if (store == NULL)
    return g_steal_pointer (&self);

  self->store = g_object_ref (store);
  self->profile = lateral_store_ensure_profile (store, profile_name, error);
  if (self->profile == NULL)
    return NULL;

  if (!start_over)
    self->attempt = lateral_store_find_unfinished_attempt (store, self->profile->uuid,
                                                           lateral_pack_get_id (pack), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (self->attempt != NULL)
    {
      if (!resume (self, error))
        return NULL;
    }
  else
    {
      self->attempt = lateral_store_start_attempt (store, self->profile->uuid,
                                                   lateral_pack_get_id (pack),
                                                   lateral_pack_get_version (pack),
                                                   lateral_pack_get_content_hash (pack),
                                                   class_code, error);
      if (self->attempt == NULL)
        return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * lateral_play_open_attempt:
 * @store: where the attempt is
 * @pack: the case it was made on; the same id and version
 * @attempt_uuid: the attempt
 *
 * The attempt as it was left, its answers read back, to sum it up again
 * (the history page opens a past attempt's summary this way). Answering
 * goes on as in a resumed attempt while it is unfinished.
 *
 * Returns: (transfer full) (nullable): the play, or %NULL with @error set
 */
LateralPlay *
lateral_play_open_attempt (LateralStore  *store,
                           LateralPack   *pack,
                           const char    *attempt_uuid,
                           GError       **error)
{
  g_autoptr(LateralPlay) self = NULL;
  GError *local_error = NULL;

  g_return_val_if_fail (LATERAL_IS_STORE (store), NULL);
  g_return_val_if_fail (LATERAL_IS_PACK (pack), NULL);
  g_return_val_if_fail (attempt_uuid != NULL, NULL);

  self = g_object_new (LATERAL_TYPE_PLAY, NULL);
  self->pack = g_object_ref (pack);
  self->store = g_object_ref (store);
  self->attempt = lateral_store_get_attempt (store, attempt_uuid, &local_error);
  if (self->attempt == NULL)
    {
      if (local_error != NULL)
        g_propagate_error (error, local_error);
      else
        g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID,
                     _("There is no attempt %s in the results database"), attempt_uuid);
      return NULL;
    }

  /* The marks and verdicts of another version are not this pack's. */
  if (g_strcmp0 (self->attempt->pack_id, lateral_pack_get_id (pack)) != 0 ||
      g_strcmp0 (self->attempt->pack_version, lateral_pack_get_version (pack)) != 0)
    {
      g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID,
                   _("This attempt was made on version %s of “%s”, and version %s is installed"),
                   self->attempt->pack_version, self->attempt->pack_id, lateral_pack_get_version (pack));
      return NULL;
    }

  self->profile = lateral_store_find_profile (store, self->attempt->profile_name, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, local_error);
      return NULL;
    }

  if (!resume (self, error))
    return NULL;

  return g_steal_pointer (&self);
}

gboolean
lateral_play_is_resumed (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), FALSE);

  return self->resumed;
}

gboolean
lateral_play_is_preview (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), FALSE);

  return self->store == NULL;
}

const LateralStep *
lateral_play_get_current_step (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), NULL);

  return lateral_pack_get_step (self->pack, self->position);
}

guint
lateral_play_get_position (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), 0);

  return self->position;
}

/**
 * lateral_play_go_to:
 *
 * In preview, jumps to any step. When recording, only goes back to steps
 * already reached (to reread a reveal): skipping ahead would skip claims.
 *
 * Returns: %FALSE when @index is out of reach
 */
gboolean
lateral_play_go_to (LateralPlay *self,
                    guint        index)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), FALSE);

  if (index >= lateral_pack_get_n_steps (self->pack))
    return FALSE;
  if (self->store != NULL && index > self->furthest)
    return FALSE;

  self->position = index;
  return TRUE;
}

/* Every picked move must be one of the claim's, once: the counts of
 * lateral_moves_score() are then exactly what was picked. */
static gboolean
check_moves (const LateralStep   *step,
             const char * const  *moves,
             GError             **error)
{
  for (guint i = 0; moves != NULL && moves[i] != NULL; i++)
    {
      const LateralMove *found = NULL;

      for (guint j = 0; j < i; j++)
        {
          if (g_str_equal (moves[i], moves[j]))
            {
              g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID,
                           _("The move “%s” is given twice"), moves[i]);
              return FALSE;
            }
        }

      for (guint j = 0; j < step->moves->len && found == NULL; j++)
        {
          const LateralMove *move = g_ptr_array_index (step->moves, j);

          if (g_str_equal (move->id, moves[i]))
            found = move;
        }

      if (found == NULL)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint j = 0; j < step->moves->len; j++)
            {
              const LateralMove *move = g_ptr_array_index (step->moves, j);

              g_string_append_printf (known, "%s%s", j > 0 ? ", " : "", move->id);
            }
          if (step->moves->len == 0)
            g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID,
                         _("This claim has no moves to pick, but “%s” was given"), moves[i]);
          else
            g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID,
                         _("“%s” is not one of this claim’s moves (%s)"), moves[i], known->str);
          return FALSE;
        }
    }

  return TRUE;
}

/* The answer and whatever the recorder writes for it commit together. */
static gboolean
store_answer (LateralPlay          *self,
              const LateralAnswer  *answer,
              GError              **error)
{
  g_autoptr(LateralStoreTransaction) tx = NULL;

  if (self->recorder == NULL)
    return lateral_store_add_answer (self->store, self->attempt->uuid, answer, error);

  tx = lateral_store_transaction_begin (self->store, LATERAL_STORE_WRITE, error);
  return tx != NULL &&
         lateral_store_add_answer (self->store, self->attempt->uuid, answer, error) &&
         self->recorder (self, LATERAL_PLAY_EVENT_ANSWERED, answer, self->recorder_data, error) &&
         lateral_store_transaction_commit (tx, error);
}

/* Finishing and the recorder's note of it commit together; the attempt is
 * read back so the recorder sees the time the store wrote. */
static gboolean
store_finish (LateralPlay  *self,
              GError      **error)
{
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autoptr(LateralAttempt) finished = NULL;

  tx = lateral_store_transaction_begin (self->store, LATERAL_STORE_WRITE, error);
  if (tx == NULL || !lateral_store_finish_attempt (self->store, self->attempt->uuid, error))
    return FALSE;

  finished = lateral_store_get_attempt (self->store, self->attempt->uuid, error);
  if (finished == NULL)
    return FALSE;
  self->attempt->finished_at = finished->finished_at;

  if (self->recorder != NULL &&
      !self->recorder (self, LATERAL_PLAY_EVENT_COMPLETED, NULL, self->recorder_data, error))
    return FALSE;

  return lateral_store_transaction_commit (tx, error);
}

/**
 * lateral_play_answer:
 *
 * Stores the answer to the current claim and returns it once it is
 * committed: only then may the caller show the reveal.
 *
 * Returns: (transfer none): the stored answer, or %NULL on error
 */
const LateralAnswer *
lateral_play_answer (LateralPlay         *self,
                     LateralVerdict       verdict,
                     int                  certainty,
                     const char * const  *moves,
                     guint                time_ms,
                     GError             **error)
{
  g_autoptr(LateralAnswer) answer = NULL;
  g_autoptr(GError) local_error = NULL;
  const LateralStep *step;
  LateralMovesScore score;
  LateralAnswer *stored;

  g_return_val_if_fail (LATERAL_IS_PLAY (self), NULL);

  step = lateral_play_get_current_step (self);
  if (self->finished)
    {
      g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_FINISHED,
                   _("This attempt is over: its answers can no longer change"));
      return NULL;
    }
  if (step->type != LATERAL_STEP_CLAIM)
    {
      g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_NOT_A_CLAIM,
                   _("Step “%s” tells the story: there is no claim to judge"), step->id);
      return NULL;
    }
  if (g_hash_table_contains (self->answers, step->id))
    {
      g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_ALREADY_ANSWERED,
                   _("Claim “%s” is already answered: answers are final"), step->id);
      return NULL;
    }
  if ((guint) verdict >= LATERAL_N_VERDICTS)
    {
      g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID,
                   _("Unknown verdict %d"), (int) verdict);
      return NULL;
    }
  if (certainty < LATERAL_CERTAINTY_MIN || certainty > LATERAL_CERTAINTY_MAX)
    {
      g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID,
                   _("Certainty must be 1, 2 or 3, not %d"), certainty);
      return NULL;
    }

  if (!check_moves (step, moves, error))
    return NULL;

  score = lateral_moves_score (step, moves);
  answer = g_new0 (LateralAnswer, 1);
  answer->moves_expected = score.expected_picked;
  answer->moves_unexpected = score.unexpected_picked;

  answer->claim_id = g_strdup (step->id);
  answer->verdict = verdict;
  answer->certainty = certainty;
  answer->moves = moves != NULL ? g_strdupv ((char **) moves) : g_new0 (char *, 1);
  answer->time_ms = time_ms;
  answer->answered_at = g_get_real_time () / G_USEC_PER_SEC;
  answer->correct = lateral_step_accepts (step, verdict);
  answer->mark = lateral_cbm_mark (answer->correct, certainty);

  /* The file is checked before and after: an answer is returned (and its
   * reveal shown) only when it is in the learner's own database, not in a
   * file deleted or replaced while the app was open. */
  if (self->store != NULL &&
      (!lateral_store_check_file (self->store, &local_error) ||
       !store_answer (self, answer, &local_error) ||
       !lateral_store_check_file (self->store, &local_error)))
    {
      /* Another window may have answered in the same attempt meanwhile. */
      if (g_error_matches (local_error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_ALREADY_ANSWERED))
        g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_ALREADY_ANSWERED,
                     "%s", local_error->message);
      else
        g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  if (self->attempt != NULL)
    {
      self->attempt->n_answers++;
      self->attempt->n_correct += answer->correct ? 1 : 0;
      self->attempt->total_mark += answer->mark;
    }

  stored = g_steal_pointer (&answer);
  remember_answer (self, stored);
  return stored;
}

/**
 * lateral_play_take_stored_answer:
 *
 * After lateral_play_answer() failed with
 * %LATERAL_PLAY_ERROR_ALREADY_ANSWERED because the current claim was
 * answered elsewhere meanwhile (another window, `lateral-cli play` on the
 * same attempt): that stored answer becomes this play's, so the learner
 * sees its reveal and moves on. Answers are final: the first one counts.
 *
 * Returns: (transfer none): the stored answer, or %NULL on error
 */
const LateralAnswer *
lateral_play_take_stored_answer (LateralPlay  *self,
                                 GError      **error)
{
  const LateralStep *step;
  g_autoptr(GPtrArray) answers = NULL;

  g_return_val_if_fail (LATERAL_IS_PLAY (self), NULL);

  step = lateral_play_get_current_step (self);
  if (self->store == NULL || self->attempt == NULL || step == NULL || step->type != LATERAL_STEP_CLAIM)
    {
      g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_NOT_A_CLAIM,
                   _("There is no claim to take an answer for"));
      return NULL;
    }
  if (g_hash_table_contains (self->answers, step->id))
    return g_hash_table_lookup (self->answers, step->id);

  answers = lateral_store_list_answers (self->store, self->attempt->uuid, error);
  if (answers == NULL)
    return NULL;
  for (guint i = 0; i < answers->len; i++)
    {
      LateralAnswer *answer = answers->pdata[i];

      if (!g_str_equal (answer->claim_id, step->id))
        continue;
      answer = g_ptr_array_steal_index (answers, i);
      self->attempt->n_answers++;
      self->attempt->n_correct += answer->correct ? 1 : 0;
      self->attempt->total_mark += answer->mark;
      remember_answer (self, answer);
      return answer;
    }

  g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_INVALID,
               _("Claim “%s” is not answered in the database"), step->id);
  return NULL;
}

const LateralAnswer *
lateral_play_get_answer (LateralPlay *self,
                         const char  *claim_id)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), NULL);
  g_return_val_if_fail (claim_id != NULL, NULL);

  return g_hash_table_lookup (self->answers, claim_id);
}

guint
lateral_play_get_n_answered (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), 0);

  return g_hash_table_size (self->answers);
}

/**
 * lateral_play_advance:
 *
 * Moves to the next step; a claim must be answered first (except in
 * preview). At the end of the case, marks the attempt finished (once).
 *
 * Returns: %TRUE when there is a next step; %FALSE when the case is over
 *   or on error (then @error is set)
 */
gboolean
lateral_play_advance (LateralPlay  *self,
                      GError      **error)
{
  const LateralStep *step;

  g_return_val_if_fail (LATERAL_IS_PLAY (self), FALSE);

  if (self->finished)
    return FALSE;

  step = lateral_play_get_current_step (self);
  if (self->store != NULL && step->type == LATERAL_STEP_CLAIM &&
      !g_hash_table_contains (self->answers, step->id))
    {
      g_set_error (error, LATERAL_PLAY_ERROR, LATERAL_PLAY_ERROR_NOT_ANSWERED,
                   _("Claim “%s” needs an answer before the case goes on"), step->id);
      return FALSE;
    }

  if (self->position + 1 < lateral_pack_get_n_steps (self->pack))
    {
      self->position++;
      self->furthest = MAX (self->furthest, self->position);
      return TRUE;
    }

  if (self->store != NULL)
    {
      if (!store_finish (self, error))
        {
          self->attempt->finished_at = 0;
          return FALSE;
        }
    }
  self->finished = TRUE;

  return FALSE;
}

gboolean
lateral_play_is_finished (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), FALSE);

  return self->finished;
}

/**
 * lateral_play_get_attempt:
 *
 * Returns: (transfer none) (nullable): the attempt, with its counts kept
 *   up to date; %NULL in preview
 */
LateralAttempt *
lateral_play_get_attempt (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), NULL);

  return self->attempt;
}

/* Returns: (transfer none) (nullable): %NULL in preview */
LateralProfile *
lateral_play_get_profile (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), NULL);

  return self->profile;
}

LateralPack *
lateral_play_get_pack (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), NULL);

  return self->pack;
}

/* Returns: (transfer none) (nullable): %NULL in preview */
LateralStore *
lateral_play_get_store (LateralPlay *self)
{
  g_return_val_if_fail (LATERAL_IS_PLAY (self), NULL);

  return self->store;
}

static int
compare_answered_at (gconstpointer a,
                     gconstpointer b)
{
  const LateralAnswer *answer_a = a;
  const LateralAnswer *answer_b = b;

  if (answer_a->answered_at != answer_b->answered_at)
    return answer_a->answered_at < answer_b->answered_at ? -1 : 1;
  return strcmp (answer_a->claim_id, answer_b->claim_id);
}

/**
 * lateral_play_set_recorder:
 * @recorder: told of the attempt's start (at once), of each answer and of
 *   the end, inside the transaction that stores each
 *
 * Used by the xAPI outbox (src/core/xapi/). The attempt may be resumed, or
 * its start may not have been recorded when the process stopped right after
 * starting it: so the recorder hears STARTED and then ANSWERED for every
 * answer already stored, in one transaction, and must treat a repeat as
 * harmless (the outbox ignores a statement id it has).
 *
 * Returns: %FALSE when catching up failed; the recorder is then not set
 */
gboolean
lateral_play_set_recorder (LateralPlay          *self,
                           LateralPlayRecorder   recorder,
                           gpointer              user_data,
                           GDestroyNotify        destroy,
                           GError              **error)
{
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autoptr(GList) answers = NULL;

  g_return_val_if_fail (LATERAL_IS_PLAY (self), FALSE);
  g_return_val_if_fail (recorder != NULL, FALSE);
  g_return_val_if_fail (self->recorder == NULL, FALSE);

  if (self->store == NULL)
    {
      /* Preview records nothing. */
      if (destroy != NULL)
        destroy (user_data);
      return TRUE;
    }

  tx = lateral_store_transaction_begin (self->store, LATERAL_STORE_WRITE, error);
  if (tx == NULL || !recorder (self, LATERAL_PLAY_EVENT_STARTED, NULL, user_data, error))
    goto fail;

  /* Every stored answer, also to claims the pack no longer has, in the
   * order they were given. */
  answers = g_hash_table_get_values (self->answers);
  answers = g_list_sort (answers, compare_answered_at);
  for (GList *l = answers; l != NULL; l = l->next)
    if (!recorder (self, LATERAL_PLAY_EVENT_ANSWERED, l->data, user_data, error))
      goto fail;

  if (!lateral_store_transaction_commit (tx, error))
    goto fail;

  self->recorder = recorder;
  self->recorder_data = user_data;
  self->recorder_destroy = destroy;
  return TRUE;

fail:
  if (destroy != NULL)
    destroy (user_data);
  return FALSE;
}
