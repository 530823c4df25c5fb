/* lateral-store-transaction.h: the one way the core groups writes
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A transaction is a scoped guard: it rolls back when it is freed without
 * a commit, so an early return or a goto can never leave one open. Code
 * outside store/ never writes BEGIN, COMMIT or ROLLBACK itself.
 *
 *   g_autoptr(LateralStoreTransaction) tx = lateral_store_transaction_begin (store, LATERAL_STORE_WRITE, error);
 *   if (tx == NULL || !do_the_writes (store, error))
 *     return FALSE;              // rolled back here
 *   return lateral_store_transaction_commit (tx, error);
 */
#pragma once

#include "store/lateral-store.h"

G_BEGIN_DECLS

typedef enum {
  LATERAL_STORE_READ,   /* one consistent snapshot for several queries */
  LATERAL_STORE_WRITE,  /* takes the write lock at once (BEGIN IMMEDIATE) */
} LateralStoreAccess;

typedef struct _LateralStoreTransaction LateralStoreTransaction;

LateralStoreTransaction *lateral_store_transaction_begin            (LateralStore             *store,
                                                                     LateralStoreAccess        access,
                                                                     GError                  **error);
gboolean                 lateral_store_transaction_commit           (LateralStoreTransaction  *self,
                                                                     GError                  **error);
void                     lateral_store_transaction_free             (LateralStoreTransaction  *self);

/* A nested step that can be undone alone, keeping the rest: one attempt of
 * a bundle being merged, say. Savepoints nest like parentheses. */
gboolean                 lateral_store_transaction_savepoint        (LateralStoreTransaction  *self,
                                                                     GError                  **error);
gboolean                 lateral_store_transaction_release          (LateralStoreTransaction  *self,
                                                                     GError                  **error);
gboolean                 lateral_store_transaction_rollback_to      (LateralStoreTransaction  *self,
                                                                     GError                  **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralStoreTransaction, lateral_store_transaction_free)

G_END_DECLS
