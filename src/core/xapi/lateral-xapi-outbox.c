/* lateral-xapi-outbox.c: a LateralPlay recorder that fills the outbox
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lateral-xapi-outbox.h"
#include "lateral-xapi-statement.h"
#include "store/lateral-store-outbox.h"
#include "store/lateral-store-measures.h"
#include "store/lateral-store-transaction.h"

typedef struct {
  char                *homepage;
  gboolean             send_names;
  LateralPlayRecorder  queued;
  gpointer             queued_data;
  GDestroyNotify       queued_destroy;
} Recorder;

static void
recorder_free (gpointer data)
{
  Recorder *recorder = data;

  if (recorder->queued_destroy != NULL)
    recorder->queued_destroy (recorder->queued_data);
  g_free (recorder->homepage);
  g_free (recorder);
}

static gboolean
record (LateralPlay          *play,
        LateralPlayEvent      event,
        const LateralAnswer  *answer,
        gpointer              user_data,
        GError              **error)
{
  Recorder *recorder = user_data;
  LateralXapiOptions options = {
    .homepage = recorder->homepage,
    .send_names = recorder->send_names,
    .provenance = LATERAL_XAPI_PROVENANCE_LIVE,
  };
  const LateralAttempt *attempt = lateral_play_get_attempt (play);
  g_autoptr(JsonNode) statement = NULL;
  g_autofree char *text = NULL;
  const char *kind;

  switch (event)
    {
    case LATERAL_PLAY_EVENT_STARTED:
      kind = "attempted";
      statement = lateral_xapi_build_started (&options, attempt);
      break;
    case LATERAL_PLAY_EVENT_ANSWERED:
      kind = "answered";
      statement = lateral_xapi_build_answered (&options, attempt, answer);
      break;
    case LATERAL_PLAY_EVENT_COMPLETED:
      kind = "completed";
      statement = lateral_xapi_build_completed (&options, attempt);
      break;
    default:
      g_assert_not_reached ();
    }

  text = json_to_string (statement, FALSE);
  if (!lateral_store_outbox_add (lateral_play_get_store (play),
                                 json_object_get_string_member (json_node_get_object (statement), "id"),
                                 attempt->uuid, kind, text, error))
    return FALSE;

  return recorder->queued == NULL || recorder->queued (play, event, answer, recorder->queued_data, error);
}

/**
 * lateral_xapi_outbox_attach:
 *
 * From now on every answer and the attempt's end are queued with the
 * answer's own transaction; the attempt's start and earlier answers (a
 * resumed attempt) are queued now, once. Preview plays record nothing.
 */
gboolean
lateral_xapi_outbox_attach (LateralPlay              *play,
                            const LateralXapiConfig  *config,
                            GError                  **error)
{
  return lateral_xapi_outbox_attach_full (play, config, NULL, NULL, NULL, error);
}

/**
 * lateral_xapi_outbox_attach_full:
 * @queued: (nullable): told after each statement is queued, still inside
 *   the transaction (the app schedules a send for after the commit)
 */
gboolean
lateral_xapi_outbox_attach_full (LateralPlay              *play,
                                 const LateralXapiConfig  *config,
                                 LateralPlayRecorder       queued,
                                 gpointer                  queued_data,
                                 GDestroyNotify            queued_destroy,
                                 GError                  **error)
{
  Recorder *recorder;

  g_return_val_if_fail (LATERAL_IS_PLAY (play), FALSE);
  g_return_val_if_fail (config != NULL, FALSE);

  recorder = g_new0 (Recorder, 1);
  recorder->homepage = g_strdup (config->homepage);
  recorder->send_names = config->send_names;
  recorder->queued = queued;
  recorder->queued_data = queued_data;
  recorder->queued_destroy = queued_destroy;

  return lateral_play_set_recorder (play, record, recorder, recorder_free, error);
}

/**
 * lateral_xapi_outbox_add_measure_session:
 * @config: (nullable): the LRS; %NULL when sending is off
 * @session: a complete quick check; its finish time and device id are set
 *   here when they are 0 / %NULL (as lateral_store_add_measure_session())
 * @out_queued: (out) (optional): whether a statement was queued
 * @queue_error: (optional): why the statement was not queued although
 *   sending is configured (the sitting is stored all the same)
 *
 * Stores the sitting and, when sending is configured and the sitting
 * belongs to an attempt, queues its "scored" statement in the same
 * transaction. The statement is built from the rows just written (read
 * back inside the transaction), so it is the one an export would build.
 * A sitting with no attempt (`lateral-cli measure` on its own) is stored
 * but not queued: outbox rows belong to an attempt; it still goes out with
 * `export --format xapi`.
 */
gboolean
lateral_xapi_outbox_add_measure_session (LateralStore             *store,
                                         const LateralXapiConfig  *config,
                                         LateralMeasureSession    *session,
                                         gboolean                 *out_queued,
                                         GError                  **queue_error,
                                         GError                  **error)
{
  gboolean queued = FALSE;
  g_autoptr(LateralStoreTransaction) tx = NULL;
  g_autoptr(LateralMeasureSession) stored = NULL;
  g_autoptr(JsonNode) statement = NULL;
  g_autofree char *text = NULL;
  LateralXapiOptions options = { .provenance = LATERAL_XAPI_PROVENANCE_LIVE };

  g_return_val_if_fail (LATERAL_IS_STORE (store), FALSE);
  g_return_val_if_fail (session != NULL, FALSE);

  if (out_queued != NULL)
    *out_queued = FALSE;
  if (config == NULL || session->attempt_uuid == NULL)
    return lateral_store_add_measure_session (store, session, error);

  if (session->device_id == NULL)
    session->device_id = g_strdup (lateral_store_get_device_id (store));
  if (session->finished_at == 0)
    session->finished_at = MAX (g_get_real_time () / G_USEC_PER_SEC, session->started_at);

  tx = lateral_store_transaction_begin (store, LATERAL_STORE_WRITE, error);
  if (tx == NULL || !lateral_store_insert_measure_session (store, session, error))
    return FALSE;
  stored = lateral_store_get_measure_session (store, session->uuid, error);
  if (stored == NULL)
    return FALSE;

  options.homepage = config->homepage;
  options.send_names = config->send_names;
  statement = lateral_xapi_build_measured (&options, stored);
  text = json_to_string (statement, FALSE);

  /* The sitting is the learner's and is kept even if it cannot be queued
   * (an attempt id that is not in this database, say): the queuing is a
   * step of its own, undone alone. */
  if (!lateral_store_transaction_savepoint (tx, error))
    return FALSE;
  if (lateral_store_outbox_add (store,
                                json_object_get_string_member (json_node_get_object (statement), "id"),
                                stored->attempt_uuid, "measured", text, queue_error))
    {
      if (!lateral_store_transaction_release (tx, error))
        return FALSE;
      queued = TRUE;
    }
  else if (!lateral_store_transaction_rollback_to (tx, error))
    return FALSE;

  if (!lateral_store_transaction_commit (tx, error))
    return FALSE;
  if (out_queued != NULL)
    *out_queued = queued;
  return TRUE;
}
