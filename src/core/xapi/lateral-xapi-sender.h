/* lateral-xapi-sender.h: sending the outbox to the school's LRS
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Batches of waiting statements are POSTed to the LRS; a statement is
 * marked sent only once the LRS accepted it. A batch refused with 400 or
 * 409 is retried one statement at a time, and a single refused statement
 * is set aside with the LRS's reason. Anything else (no network, 5xx, 401)
 * leaves the queue as it was, to be retried later with exponential
 * backoff. Rules and reasons: docs/xapi.md.
 */
#pragma once

#include <gio/gio.h>

#include "store/lateral-store.h"
#include "xapi/lateral-xapi-config.h"

G_BEGIN_DECLS

#define LATERAL_XAPI_BATCH_SIZE 50

typedef struct {
  guint n_sent;       /* accepted by the LRS in this run */
  guint n_set_aside;  /* refused alone by the LRS in this run */
  guint n_waiting;    /* still queued afterwards */
} LateralXapiSendResult;

#define LATERAL_TYPE_XAPI_SENDER (lateral_xapi_sender_get_type ())

G_DECLARE_FINAL_TYPE (LateralXapiSender, lateral_xapi_sender, LATERAL, XAPI_SENDER, GObject)

LateralXapiSender *lateral_xapi_sender_new          (const LateralXapiConfig  *config,
                                                     const char               *store_filename);
gboolean           lateral_xapi_sender_send_sync    (LateralXapiSender        *self,
                                                     LateralStore             *store,
                                                     GCancellable             *cancellable,
                                                     LateralXapiSendResult    *out_result,
                                                     GError                  **error);
void               lateral_xapi_sender_send_async   (LateralXapiSender        *self,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
gboolean           lateral_xapi_sender_send_finish  (LateralXapiSender        *self,
                                                     GAsyncResult             *result,
                                                     LateralXapiSendResult    *out_result,
                                                     GError                  **error);

void               lateral_xapi_sender_start        (LateralXapiSender        *self);
void               lateral_xapi_sender_stop         (LateralXapiSender        *self);
void               lateral_xapi_sender_kick         (LateralXapiSender        *self);
guint              lateral_xapi_sender_get_n_waiting (LateralXapiSender       *self);
gboolean           lateral_xapi_sender_get_busy     (LateralXapiSender        *self);
const char        *lateral_xapi_sender_get_last_error (LateralXapiSender      *self);

guint              lateral_xapi_backoff_seconds     (guint                     n_failures);

G_END_DECLS
