/* lateral-store-outbox.h: xAPI statements waiting to reach the school's LRS
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The table behind src/core/xapi/ (docs/xapi.md). A statement is queued in
 * the transaction that stores what it tells (an answer, a start, an end),
 * marked sent only after the LRS said so, and set aside, with the LRS's
 * reason, when the LRS refuses it alone. Rows are kept once sent: queuing
 * the same statement id again is a no-op, never a second send.
 */
#pragma once

#include "store/lateral-store.h"

G_BEGIN_DECLS

typedef enum {
  LATERAL_OUTBOX_WAITING,
  LATERAL_OUTBOX_SENT,
  LATERAL_OUTBOX_SET_ASIDE,
} LateralOutboxState;

typedef struct {
  char               *statement_id;
  char               *attempt_uuid;
  char               *kind;        /* "started", "answered", "completed" */
  char               *statement;   /* the JSON text sent, byte for byte */
  gint64              queued_at;
  LateralOutboxState  state;
  gint64              done_at;     /* sent or set aside; 0 while waiting */
  int                 http_status; /* of the refusal; 0 otherwise */
  char               *reason;      /* nullable: the LRS's words for a refusal */
} LateralOutboxItem;

typedef struct {
  guint   n_waiting;
  guint   n_sent;
  guint   n_set_aside;
  char   *last_error;      /* nullable: the last failed send, for `lrs status` */
  gint64  last_error_at;
  gint64  last_sent_at;
} LateralOutboxStatus;

gboolean   lateral_store_outbox_add            (LateralStore         *self,
                                                const char           *statement_id,
                                                const char           *attempt_uuid,
                                                const char           *kind,
                                                const char           *statement,
                                                GError              **error);
GPtrArray *lateral_store_outbox_list           (LateralStore         *self,
                                                LateralOutboxState    state,
                                                guint                 max,
                                                GError              **error);
gboolean   lateral_store_outbox_mark_sent      (LateralStore         *self,
                                                GPtrArray            *items,
                                                GError              **error);
gboolean   lateral_store_outbox_set_aside      (LateralStore         *self,
                                                const char           *statement_id,
                                                int                   http_status,
                                                const char           *reason,
                                                GError              **error);
gboolean   lateral_store_outbox_note_error     (LateralStore         *self,
                                                const char           *message,
                                                GError              **error);
gboolean   lateral_store_outbox_get_status     (LateralStore         *self,
                                                LateralOutboxStatus  *out_status,
                                                GError              **error);
void       lateral_outbox_status_clear         (LateralOutboxStatus  *status);

void       lateral_outbox_item_free            (LateralOutboxItem    *item);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralOutboxItem, lateral_outbox_item_free)

G_END_DECLS
