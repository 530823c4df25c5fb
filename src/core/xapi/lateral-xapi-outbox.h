/* lateral-xapi-outbox.h: queuing a play's statements as it is played
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * With sending configured, the app and `lateral-cli play` attach the
 * outbox to each LateralPlay: every statement is written to the store's
 * outbox in the transaction that stores its answer (docs/xapi.md).
 */
#pragma once

#include "play/lateral-play.h"
#include "xapi/lateral-xapi-config.h"
#include "measure/lateral-measure-session.h"

G_BEGIN_DECLS

gboolean lateral_xapi_outbox_attach      (LateralPlay              *play,
                                          const LateralXapiConfig  *config,
                                          GError                  **error);
gboolean lateral_xapi_outbox_attach_full (LateralPlay              *play,
                                          const LateralXapiConfig  *config,
                                          LateralPlayRecorder       queued,
                                          gpointer                  queued_data,
                                          GDestroyNotify            queued_destroy,
                                          GError                  **error);

gboolean lateral_xapi_outbox_add_measure_session (LateralStore             *store,
                                                  const LateralXapiConfig  *config,
                                                  LateralMeasureSession    *session,
                                                  gboolean                 *out_queued,
                                                  GError                  **queue_error,
                                                  GError                  **error);

G_END_DECLS
