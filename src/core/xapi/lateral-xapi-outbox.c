/* lateral-xapi-outbox.c: a LateralPlay recorder that fills the outbox
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "lateral-xapi-outbox.h"
#include "lateral-xapi-statement.h"
#include "store/lateral-store-outbox.h"

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
