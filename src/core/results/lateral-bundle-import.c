/* lateral-bundle-import.c: merging results bundles into the store
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A bundle is read and checked whole before anything is written: a bundle
 * that is truncated, not a bundle, from a newer format or wrong anywhere
 * changes nothing. It is then merged in chunks of about 300 ms, each its
 * own transaction, so that a learner playing alongside is never locked
 * out for long; a merge that fails halfway keeps the chunks before, and
 * importing the file again adds the rest. Attempts are matched by
 * UUID, answers by claim id; answers are final, so merging is idempotent.
 */
#include "config.h"

#include <string.h>
#include <glib/gstdio.h>
#include <glib/gi18n-lib.h>

#include "lateral-bundle-private.h"
#include "json/lateral-json-doc-private.h"
#include "store/lateral-store-transaction.h"


static gboolean
same_answer (const LateralAnswer *a,
             const LateralAnswer *b)
{
  return a->verdict == b->verdict && a->certainty == b->certainty && a->correct == b->correct &&
         a->mark == b->mark && a->time_ms == b->time_ms && a->answered_at == b->answered_at &&
         a->moves_expected == b->moves_expected && a->moves_unexpected == b->moves_unexpected &&
         g_strv_equal ((const char * const *) a->moves, (const char * const *) b->moves);
}

/* Another attempt here by the same learner, of the same pack, begun in the
 * same second, with the same answers: a copy under a new id. Returns its
 * uuid, or NULL. */
static char *
find_copy (LateralStore         *store,
           const BundleAttempt  *item,
           GError              **error)
{
  const LateralAttempt *attempt = item->attempt;
  g_autofree char *fingerprint = lateral_bundle_attempt_fingerprint (attempt, item->answers);
  g_autoptr(GPtrArray) candidates = NULL;

  candidates = lateral_store_list_same_start (store, attempt, error);
  if (candidates == NULL)
    return NULL;
  for (guint i = 0; i < candidates->len; i++)
    {
      const char *uuid = candidates->pdata[i];
      g_autoptr(GPtrArray) answers = lateral_store_list_answers (store, uuid, error);
      g_autofree char *other = NULL;

      if (answers == NULL)
        return NULL;
      other = lateral_bundle_attempt_fingerprint (attempt, answers);
      if (g_str_equal (other, fingerprint))
        return g_strdup (uuid);
    }
  return NULL;
}

/* Adds this import's flags to an attempt already here, keeping its own. */
static gboolean
add_flags (LateralStore          *store,
           const LateralAttempt  *here,
           const BundleAttempt   *item,
           GError               **error)
{
  g_auto(GStrv) old = g_strsplit (here->flags != NULL ? here->flags : "", " ", -1);
  g_autoptr(GString) flags = g_string_new (here->flags);

  for (guint i = 0; item->flags != NULL && i < item->flags->len; i++)
    {
      if (g_strv_contains ((const char * const *) old, item->flags->pdata[i]))
        continue;
      if (flags->len > 0)
        g_string_append_c (flags, ' ');
      g_string_append (flags, item->flags->pdata[i]);
    }
  if (g_strcmp0 (flags->str, here->flags) == 0)
    return TRUE;

  return lateral_store_set_attempt_flags (store, here->uuid, flags->str, error);
}

typedef enum {
  MERGE_ADDED,
  MERGE_UPDATED,
  MERGE_PRESENT,
  MERGE_REJECTED,
} Merge;

/* Merges one attempt; on MERGE_REJECTED, *out_reason says why and the
 * caller rolls the attempt's changes back. */
static Merge
merge_attempt (LateralStore   *store,
               BundleAttempt  *item,
               gboolean        pack_missing,
               char          **out_reason,
               GError        **error)
{
  const LateralAttempt *attempt = item->attempt;
  g_autoptr(LateralAttempt) here = NULL;
  g_autoptr(GPtrArray) answers_here = NULL;
  g_autoptr(GHashTable) by_claim = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GError) local_error = NULL;
  gboolean changed = FALSE;

  here = lateral_store_get_attempt (store, attempt->uuid, &local_error);
  if (here == NULL && !g_error_matches (local_error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_NOT_FOUND))
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return MERGE_REJECTED;
    }

  if (here == NULL)
    {
      g_autofree char *flags = NULL;
      g_autofree char *copy_of = NULL;

      g_clear_error (&local_error);
      copy_of = find_copy (store, item, &local_error);

      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return MERGE_REJECTED;
        }
      /* A copy within this bundle was flagged already, naming the first. */
      if (copy_of != NULL && (item->flags == NULL ||
                              !g_ptr_array_find_with_equal_func (item->flags, "duplicate", g_str_equal, NULL)))
        lateral_bundle_flag (item, "duplicate",
                             g_strdup_printf (_("a copy of attempt %s under another id (same learner, pack and start)"),
                                              copy_of));
      flags = lateral_bundle_attempt_flags (item);
      if (!lateral_store_import_attempt (store, attempt, pack_missing, flags, error))
        return MERGE_REJECTED;
    }
  else
    {
      if (!g_str_equal (here->profile_uuid, attempt->profile_uuid) ||
          !g_str_equal (here->pack_id, attempt->pack_id) ||
          !g_str_equal (here->pack_hash, attempt->pack_hash) ||
          here->started_at != attempt->started_at)
        {
          *out_reason = g_strdup_printf (_("attempt %s is already here with another learner, pack or start time"),
                                         attempt->uuid);
          return MERGE_REJECTED;
        }
      answers_here = lateral_store_list_answers (store, attempt->uuid, error);
      if (answers_here == NULL || !add_flags (store, here, item, error))
        return MERGE_REJECTED;
      for (guint i = 0; i < answers_here->len; i++)
        g_hash_table_insert (by_claim, ((LateralAnswer *) answers_here->pdata[i])->claim_id, answers_here->pdata[i]);
      if (here->finished_at == 0 && attempt->finished_at != 0)
        {
          if (!lateral_store_finish_attempt_at (store, attempt->uuid, attempt->finished_at, error))
            return MERGE_REJECTED;
          changed = TRUE;
        }
    }

  for (guint i = 0; i < item->answers->len; i++)
    {
      LateralAnswer *answer = item->answers->pdata[i];
      LateralAnswer *existing = g_hash_table_lookup (by_claim, answer->claim_id);

      if (existing != NULL)
        {
          if (!same_answer (existing, answer))
            {
              *out_reason = g_strdup_printf (_("attempt %s: claim “%s” was answered differently here, and answers are final"),
                                             attempt->uuid, answer->claim_id);
              return MERGE_REJECTED;
            }
          continue;
        }
      if (!lateral_store_add_answer (store, attempt->uuid, answer, error))
        return MERGE_REJECTED;
      changed = TRUE;
    }

  if (here == NULL)
    return MERGE_ADDED;
  return changed ? MERGE_UPDATED : MERGE_PRESENT;
}

static gboolean
has_pack_id (GPtrArray  *packs,
             const char *pack_id)
{
  for (guint i = 0; i < packs->len; i++)
    {
      if (g_str_equal (lateral_pack_get_id (packs->pdata[i]), pack_id))
        return TRUE;
    }
  return FALSE;
}

/* "attempt UUID (NAME): REASON" for the import summary. */
static void
report_flags (LateralImportResult *result,
              const BundleAttempt *item)
{
  if (item->reasons == NULL || item->reasons->len == 0)
    return;

  result->n_flagged++;
  for (guint i = 0; i < item->reasons->len; i++)
    g_ptr_array_add (result->flagged,
                     g_strdup_printf (_("attempt %s (%s): flagged: %s"), item->attempt->uuid,
                                      item->attempt->profile_name, (const char *) item->reasons->pdata[i]));
}

/* A long import commits every CHUNK_USEC, then leaves the write lock free
 * for GAP_USEC: a learner playing alongside (lateral-cli play, the app)
 * waits for one chunk, never for the whole import. SQLite's lock is not a
 * queue, and a waiting writer retries only every 100 ms (its busy
 * handler's longest sleep): without the gap an importer that committed and
 * began again at once kept the lock for 6 s in a row. */
#define CHUNK_USEC (300 * 1000)
#define GAP_USEC   (110 * 1000)

static gboolean
next_chunk (LateralStore             *store,
            LateralStoreTransaction **tx,
            gint64                   *chunk_start,
            guint                    *n_committed,
            guint                     n_done,
            GError                  **error)
{
  if (g_get_monotonic_time () - *chunk_start < CHUNK_USEC)
    return TRUE;
  if (!lateral_store_transaction_commit (*tx, error))
    return FALSE;
  g_clear_pointer (tx, lateral_store_transaction_free);
  *n_committed = n_done;
  g_usleep (GAP_USEC);
  *tx = lateral_store_transaction_begin (store, LATERAL_STORE_WRITE, error);
  *chunk_start = g_get_monotonic_time ();
  return *tx != NULL;
}

/* One class whatever each machine typed: "7b " joins "7B", here or in the
 * same bundle. Each distinct code is looked up once (a lookup scans the
 * class codes stored, so not once per attempt). */
static gboolean
canonical_class_codes (LateralStore  *store,
                       Bundle        *bundle,
                       GError       **error)
{
  g_autoptr(GHashTable) by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);

  for (guint i = 0; i < bundle->attempts->len; i++)
    {
      LateralAttempt *attempt = ((BundleAttempt *) bundle->attempts->pdata[i])->attempt;
      g_autofree char *code = NULL;
      g_autofree char *key = NULL;
      const char *known;

      if (!lateral_class_code_normalize (attempt->class_code, &code, error))
        return FALSE;
      if (code != NULL)
        {
          key = g_utf8_casefold (code, -1);
          known = g_hash_table_lookup (by_key, key);
          if (known != NULL)
            {
              g_free (code);
              code = g_strdup (known);
            }
          else
            {
              char *canonical = NULL;

              if (!lateral_store_canonical_class_code (store, code, &canonical, error))
                return FALSE;
              g_free (code);
              code = canonical;
              g_hash_table_insert (by_key, g_steal_pointer (&key), g_strdup (code));
            }
        }
      g_free (attempt->class_code);
      attempt->class_code = g_steal_pointer (&code);
    }
  return TRUE;
}

static gboolean
merge_bundle (LateralStore             *store,
              LateralStoreTransaction **tx,
              Bundle                   *bundle,
              GPtrArray                *packs,
              GCancellable             *cancellable,
              LateralImportResult      *result,
              guint                    *n_committed,
              GError                  **error)
{
  gint64 chunk_start = g_get_monotonic_time ();
  g_autoptr(GHashTable) taken_over = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  GHashTableIter iter;
  gpointer value;

  if (!canonical_class_codes (store, bundle, error))
    return FALSE;

  g_hash_table_iter_init (&iter, bundle->profiles);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      LateralProfile *profile = value;
      char *reason = NULL;

      if (!next_chunk (store, tx, &chunk_start, n_committed, 0, error) ||
          !lateral_store_import_profile (store, profile, &reason, error))
        return FALSE;
      if (reason != NULL)
        g_hash_table_insert (taken_over, profile->uuid, reason);
    }

  for (guint i = 0; i < bundle->attempts->len; i++)
    {
      BundleAttempt *item = bundle->attempts->pdata[i];
      gboolean pack_missing = packs != NULL && !has_pack_id (packs, item->attempt->pack_id);
      const char *taken = g_hash_table_lookup (taken_over, item->attempt->profile_uuid);
      g_autofree char *reason = NULL;
      Merge merge;

      /* Between attempts: the caller's rollback undoes the chunk under way;
       * the chunks committed before it stay, whole attempts each. */
      if (g_cancellable_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (taken != NULL)
        lateral_bundle_flag (item, "identity", g_strdup (taken));
      if (!next_chunk (store, tx, &chunk_start, n_committed, i, error) ||
          !lateral_store_transaction_savepoint (*tx, error))
        return FALSE;
      merge = merge_attempt (store, item, pack_missing, &reason, error);
      if (merge == MERGE_REJECTED && reason == NULL)
        return FALSE;
      if (merge == MERGE_REJECTED ? !lateral_store_transaction_rollback_to (*tx, error)
                                  : !lateral_store_transaction_release (*tx, error))
        return FALSE;

      switch (merge)
        {
        case MERGE_ADDED:
          result->n_added++;
          result->n_pack_missing += pack_missing ? 1 : 0;
          break;
        case MERGE_UPDATED:
          result->n_updated++;
          break;
        case MERGE_PRESENT:
          result->n_present++;
          break;
        case MERGE_REJECTED:
          result->n_rejected++;
          g_ptr_array_add (result->rejections, g_steal_pointer (&reason));
          break;
        default:
          g_assert_not_reached ();
        }
      if (merge != MERGE_REJECTED)
        report_flags (result, item);
    }

  return TRUE;
}

static gboolean
not_one_object (const char  *filename,
                const char  *data,
                gsize        offset,
                const char  *message,
                GError     **error)
{
  guint line, column;

  lateral_json_locate (data, offset, &line, &column);
  g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE,
               "%s:%u:%u: %s", filename, line, column, message);
  return FALSE;
}

/* json-glib 1.6 reads on after the first value: a second one ("9{…}",
 * "{…}{…}") is parsed, leaked and no error given, and the first kept. A
 * bundle is one object, so anything else is refused before json-glib sees
 * it. json-glib also recurses once per nesting level, so a 200 KB file
 * nested 80,000 deep overflows the stack: the depth is limited here, before
 * any recursive parser runs. Strings are skipped whole so that their braces
 * do not count; a file that never closes its object is left to json-glib to
 * name the place. */
static gboolean
check_one_object (const char  *filename,
                  const char  *data,
                  gsize        length,
                  GError     **error)
{
  gsize i = 0;
  guint depth = 0;
  gboolean in_string = FALSE;

  while (i < length && g_ascii_isspace (data[i]))
    i++;
  if (i == length)
    return TRUE;
  if (data[i] != '{')
    return not_one_object (filename, data, i,
                           _("error: the file is not a results bundle: a bundle is one JSON object, “{…}”"),
                           error);

  for (; i < length; i++)
    {
      /* json-glib keeps "Ana\u0000HIDDEN" as a string that C reads as
       * "Ana": a NUL would hide the rest of a name, so it is refused. */
      if (in_string && data[i] == '\\' && i + 5 < length && memcmp (data + i + 1, "u0000", 5) == 0)
        return not_one_object (filename, data, i,
                               _("error: a string holds a NUL character (\\u0000), which no results bundle has"),
                               error);
      if (in_string && data[i] == '\\')
        i++;
      else if (data[i] == '"')
        in_string = !in_string;
      else if (in_string)
        continue;
      else if ((data[i] == '{' || data[i] == '[') && ++depth > LATERAL_BUNDLE_MAX_DEPTH)
        {
          g_autofree char *message =
            g_strdup_printf (_("error: nested deeper than %d levels, which no results bundle is"),
                             LATERAL_BUNDLE_MAX_DEPTH);

          return not_one_object (filename, data, i, message, error);
        }
      else if ((data[i] == '}' || data[i] == ']') && --depth == 0)
        break;
    }
  if (i >= length)
    return TRUE;

  for (i++; i < length && g_ascii_isspace (data[i]); i++)
    ;
  if (i < length)
    return not_one_object (filename, data, i,
                           _("error: text after the end of the results bundle; a bundle is one JSON object"),
                           error);
  return TRUE;
}

/**
 * lateral_bundle_import_file:
 * @packs: (nullable) (element-type LateralPack): the packs this machine
 *   has, every version and language: answers are recomputed from the one
 *   of the attempt's id, version and hash; attempts for other ids are kept
 *   and flagged pack_missing. %NULL recomputes nothing and flags no pack.
 * @result: (out caller-allocates): counts of attempts, to clear with
 *   lateral_import_result_clear()
 *
 * Returns: %FALSE when the bundle was rejected whole (nothing changed);
 *   %TRUE with result->n_rejected or result->n_flagged above 0 when some
 *   attempts conflicted with what is here or were flagged
 */
gboolean
lateral_bundle_import_file (LateralStore         *store,
                            const char           *filename,
                            GPtrArray            *packs,
                            LateralImportResult  *result,
                            GError              **error)
{
  return lateral_bundle_import_file_cancellable (store, filename, packs, NULL, result, error);
}

/**
 * lateral_bundle_import_file_cancellable:
 * @cancellable: (nullable): checked after reading, after parsing and
 *   between attempts
 *
 * lateral_bundle_import_file(), for a worker thread: once @cancellable is
 * cancelled the import stops at its next check with %G_IO_ERROR_CANCELLED
 * and the transaction is rolled back, so the file is imported whole or
 * not at all.
 */
gboolean
lateral_bundle_import_file_cancellable (LateralStore         *store,
                                        const char           *filename,
                                        GPtrArray            *packs,
                                        GCancellable         *cancellable,
                                        LateralImportResult  *result,
                                        GError              **error)
{
  g_auto(Bundle) bundle = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *contents = NULL;
  guint n_committed = 0;
  gsize length;
  GStatBuf info;

  g_return_val_if_fail (LATERAL_IS_STORE (store), FALSE);
  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (result != NULL, FALSE);

  memset (result, 0, sizeof *result);
  result->rejections = g_ptr_array_new_with_free_func (g_free);
  result->flagged = g_ptr_array_new_with_free_func (g_free);
  lateral_bundle_init (&bundle, filename);

  if (g_stat (filename, &info) != 0 || !S_ISREG (info.st_mode))
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_READ,
                   _("%s: error: no such file"), filename);
      return FALSE;
    }
  if (info.st_size > LATERAL_BUNDLE_MAX_SIZE)
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_READ,
                   _("%s: error: larger than %d MiB, too large for a results bundle"),
                   filename, LATERAL_BUNDLE_MAX_SIZE / (1024 * 1024));
      return FALSE;
    }

  if (!g_file_get_contents (filename, &contents, &length, &local_error))
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_READ,
                   _("%s: error: %s"), filename, local_error->message);
      return FALSE;
    }
  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !check_one_object (filename, contents, length, error))
    return FALSE;

  /* json-glib's message starts with <data>:LINE:COL: give the file's name. */
  if (!json_parser_load_from_data (parser, contents, length, &local_error))
    {
      gboolean placed = g_str_has_prefix (local_error->message, "<data>:");
      const char *message = local_error->message + (placed ? strlen ("<data>") : 0);

      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("%s%s%s (the file is truncated or is not a results bundle)"),
                   filename, placed ? "" : ": ", message);
      return FALSE;
    }
  if (json_parser_get_root (parser) == NULL)
    {
      g_set_error (error, LATERAL_BUNDLE_ERROR, LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE,
                   _("%s: error: the file is empty"), filename);
      return FALSE;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error) ||
      !lateral_bundle_read (&bundle, json_parser_get_root (parser), error) ||
      g_cancellable_set_error_if_cancelled (cancellable, error))
    return FALSE;
  lateral_bundle_check (&bundle, packs, g_get_real_time () / G_USEC_PER_SEC);

  tx = lateral_store_transaction_begin (store, LATERAL_STORE_WRITE, error);
  if (tx == NULL)
    return FALSE;
  if (!merge_bundle (store, &tx, &bundle, packs, cancellable, result, &n_committed, &local_error) ||
      !lateral_bundle_merge_measures (store, &bundle, result, &local_error) ||
      g_cancellable_set_error_if_cancelled (cancellable, &local_error) ||
      !lateral_store_transaction_commit (tx, &local_error))
    {
      lateral_import_result_clear (result);
      result->rejections = g_ptr_array_new_with_free_func (g_free);
      result->flagged = g_ptr_array_new_with_free_func (g_free);
      /* Earlier chunks are in: importing the file again adds the rest. */
      if (n_committed > 0)
        g_prefix_error (&local_error,
                        g_dngettext (GETTEXT_PACKAGE,
                                     "its first %u attempt was imported, importing it again adds the rest: ",
                                     "its first %u attempts were imported, importing it again adds the rest: ",
                                     n_committed),
                        n_committed);
      if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else
        g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "%s: ", filename);
      return FALSE;
    }

  return TRUE;
}
