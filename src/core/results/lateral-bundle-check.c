/* lateral-bundle-check.c: what an imported bundle is not believed about
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle comes from a learner's machine, and a learner can edit it. Its
 * structure is checked by lateral-bundle-read.c; this file checks its
 * meaning against the teacher's own packs, before anything is written:
 * correctness, marks and move counts are recomputed from the teacher's copy
 * of the pack (matched by id, version and content hash) and replace what
 * the bundle says; what cannot be recomputed or cannot be true is flagged
 * with its reason. The trust model is docs/results-format.md, "Trust".
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-bundle-private.h"
#include "play/lateral-scoring.h"

/* Clocks disagree between machines: a time this far ahead of the teacher's
 * clock is still believed. */
#define FUTURE_SLACK_SECONDS (24 * 60 * 60)

void
lateral_bundle_flag (BundleAttempt *item,
                     const char    *code,
                     char          *reason)
{
  g_autofree char *owned = reason;

  if (item->flags == NULL)
    item->flags = g_ptr_array_new_with_free_func (g_free);
  if (item->reasons == NULL)
    item->reasons = g_ptr_array_new_with_free_func (g_free);
  if (!g_ptr_array_find_with_equal_func (item->flags, code, g_str_equal, NULL))
    g_ptr_array_add (item->flags, g_strdup (code));
  g_ptr_array_add (item->reasons, g_steal_pointer (&owned));
}

char *
lateral_bundle_attempt_flags (const BundleAttempt *item)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; item->flags != NULL && i < item->flags->len; i++)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, item->flags->pdata[i]);
    }
  return g_string_free (text, FALSE);
}

/**
 * lateral_bundle_attempt_fingerprint:
 *
 * Returns: (transfer full): what a copy of @attempt under another UUID
 *   shares with it: learner, pack, start second and every answer
 */
char *
lateral_bundle_attempt_fingerprint (const LateralAttempt *attempt,
                                    GPtrArray            *answers)
{
  GString *text = g_string_new (NULL);

  g_string_append_printf (text, "%s\x1f%s\x1f%" G_GINT64_FORMAT, attempt->profile_uuid, attempt->pack_id,
                          attempt->started_at);
  for (guint i = 0; i < answers->len; i++)
    {
      const LateralAnswer *answer = answers->pdata[i];

      g_string_append_printf (text, "\x1e%s\x1f%d\x1f%d\x1f%" G_GINT64_FORMAT, answer->claim_id,
                              answer->verdict, answer->certainty, answer->answered_at);
    }
  return g_string_free (text, FALSE);
}

/* The teacher's pack of this id, version and hash; else why there is none. */
static LateralPack *
find_pack (GPtrArray            *packs,
           const LateralAttempt *attempt,
           gboolean             *out_same_version,
           guint                *out_max_claims)
{
  LateralPack *found = NULL;

  *out_same_version = FALSE;
  *out_max_claims = 0;
  for (guint i = 0; i < packs->len; i++)
    {
      LateralPack *pack = packs->pdata[i];

      if (!g_str_equal (lateral_pack_get_id (pack), attempt->pack_id))
        continue;
      *out_max_claims = MAX (*out_max_claims, lateral_pack_get_n_claims (pack));
      if (!g_str_equal (lateral_pack_get_version (pack), attempt->pack_version))
        continue;
      *out_same_version = TRUE;
      if (g_str_equal (lateral_pack_get_content_hash (pack), attempt->pack_hash))
        found = pack;
    }
  return found;
}

/* Correctness, mark and move counts as the teacher's pack gives them. */
static void
recompute_answers (BundleAttempt *item,
                   LateralPack   *pack)
{
  g_autoptr(GString) changed = g_string_new (NULL);
  guint n_changed = 0, n_unknown = 0;

  for (guint i = 0; i < item->answers->len;)
    {
      LateralAnswer *answer = item->answers->pdata[i];
      const LateralStep *step = lateral_pack_find_step (pack, answer->claim_id);
      LateralMovesScore moves;
      gboolean correct;
      int mark;

      if (step == NULL || step->type != LATERAL_STEP_CLAIM)
        {
          /* Nothing to score it against: left out, and said so. */
          n_unknown++;
          g_ptr_array_remove_index (item->answers, i);
          continue;
        }

      correct = lateral_step_accepts (step, answer->verdict);
      mark = lateral_cbm_mark (correct, answer->certainty);
      moves = lateral_moves_score (step, (const char * const *) answer->moves);
      if (correct != answer->correct || mark != answer->mark ||
          moves.expected_picked != answer->moves_expected ||
          moves.unexpected_picked != answer->moves_unexpected)
        {
          if (n_changed++ < 3)
            g_string_append_printf (changed, "%s“%s”", changed->len > 0 ? ", " : "", answer->claim_id);
          answer->correct = correct;
          answer->mark = mark;
          answer->moves_expected = moves.expected_picked;
          answer->moves_unexpected = moves.unexpected_picked;
        }
      i++;
    }

  if (n_changed > 0)
    lateral_bundle_flag (item, "recomputed",
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u answer’s correctness or mark disagreed with this machine’s copy of the pack and was recomputed (%s)",
                                                       "%u answers’ correctness or marks disagreed with this machine’s copy of the pack and were recomputed (%s)",
                                                       n_changed),
                                          n_changed, changed->str));
  if (n_unknown > 0)
    lateral_bundle_flag (item, "unknown-claims",
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u answer is to a claim the pack does not have; it was left out",
                                                       "%u answers are to claims the pack does not have; they were left out",
                                                       n_unknown),
                                          n_unknown));
}

static void
check_pack (BundleAttempt *item,
            GPtrArray     *packs)
{
  const LateralAttempt *attempt = item->attempt;
  gboolean same_version;
  guint max_claims;
  LateralPack *pack = find_pack (packs, attempt, &same_version, &max_claims);

  if (pack != NULL)
    {
      recompute_answers (item, pack);
      return;
    }
  if (max_claims == 0)
    return;  /* no pack of that id here: pack_missing says so */

  if (same_version)
    lateral_bundle_flag (item, "pack-hash",
                         g_strdup_printf (_("played with a copy of %s %s whose content differs from this machine’s (hash %s): not recomputed"),
                                          attempt->pack_id, attempt->pack_version, attempt->pack_hash));
  else
    lateral_bundle_flag (item, "pack-version",
                         g_strdup_printf (_("played with version %s of %s, which this machine does not have: not recomputed"),
                                          attempt->pack_version, attempt->pack_id));
  if (item->answers->len > max_claims)
    lateral_bundle_flag (item, "too-many-answers",
                         g_strdup_printf (_("%u answers, but no version of the pack here has more than %u claims"),
                                          item->answers->len, max_claims));
}

static void
check_times (BundleAttempt        *item,
             const LateralProfile *profile,
             gint64                now)
{
  const LateralAttempt *attempt = item->attempt;
  gint64 latest = now + FUTURE_SLACK_SECONDS;
  gint64 end = attempt->finished_at != 0 ? attempt->finished_at : latest;
  guint n_outside = 0;

  if (attempt->started_at > latest || attempt->finished_at > latest ||
      (profile != NULL && profile->created_at > latest))
    lateral_bundle_flag (item, "future-time",
                         g_strdup (_("dated in the future of this machine’s clock")));
  if (attempt->finished_at != 0 && attempt->finished_at < attempt->started_at)
    lateral_bundle_flag (item, "impossible-time",
                         g_strdup (_("finished before it started")));

  for (guint i = 0; i < item->answers->len; i++)
    {
      const LateralAnswer *answer = item->answers->pdata[i];

      if (answer->answered_at < attempt->started_at || answer->answered_at > MAX (end, attempt->started_at))
        n_outside++;
    }
  if (n_outside > 0)
    lateral_bundle_flag (item, "impossible-time",
                         g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                       "%u answer is dated outside the attempt’s start and finish",
                                                       "%u answers are dated outside the attempt’s start and finish",
                                                       n_outside),
                                          n_outside));
}

/**
 * lateral_bundle_check:
 * @packs: (nullable): the teacher's packs, every language and version; %NULL
 *   checks times only
 * @now: the teacher's clock, Unix seconds
 *
 * Recomputes and flags every attempt of @bundle in place; writes nothing.
 * Copies of one attempt under new UUIDs (same learner, pack, start second
 * and answers) are flagged too.
 */
void
lateral_bundle_check (Bundle    *bundle,
                      GPtrArray *packs,
                      gint64     now)
{
  g_autoptr(GHashTable) starts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < bundle->attempts->len; i++)
    {
      BundleAttempt *item = bundle->attempts->pdata[i];
      const LateralAttempt *attempt = item->attempt;
      g_autofree char *key = NULL;
      const char *first;

      if (packs != NULL)
        check_pack (item, packs);
      key = lateral_bundle_attempt_fingerprint (attempt, item->answers);
      first = g_hash_table_lookup (starts, key);
      check_times (item, g_hash_table_lookup (bundle->profiles, attempt->profile_uuid), now);
      if (first != NULL)
        lateral_bundle_flag (item, "duplicate",
                             g_strdup_printf (_("a copy of attempt %s under another id (same learner, pack and start)"),
                                              first));
      else
        g_hash_table_insert (starts, g_steal_pointer (&key), attempt->uuid);
    }
}

/**
 * lateral_bundle_list_packs:
 * @registry: a loaded registry
 *
 * Returns: (transfer full) (element-type LateralPack): every pack of
 *   @registry, each in every language it has, for
 *   lateral_bundle_import_file()
 */
GPtrArray *
lateral_bundle_list_packs (LateralPackRegistry *registry)
{
  GListModel *model = lateral_pack_registry_get_packs (registry);
  GPtrArray *packs = g_ptr_array_new_with_free_func (g_object_unref);

  /* Every language file of each pack: an attempt played in Spanish names
   * the Spanish file's hash, and results pool across languages. */
  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(LateralPack) pack = g_list_model_get_item (model, i);
      GPtrArray *translations = lateral_pack_registry_get_translations (registry, lateral_pack_get_id (pack));

      if (translations == NULL || !g_ptr_array_find (translations, pack, NULL))
        g_ptr_array_add (packs, g_object_ref (pack));
      for (guint j = 0; translations != NULL && j < translations->len; j++)
        g_ptr_array_add (packs, g_object_ref (translations->pdata[j]));
    }
  return packs;
}
