/* lateral-store-private.h: what the store's own files share, around the
 * raw sqlite3 connection
 *
 * Only src/core/store/ (and white-box tests and benchmarks) include it:
 * tests/check-layout.py fails when another file under src/ does. Neighbours
 * use lateral-store.h, lateral-store-transaction.h and lateral-store-query.h.
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "lateral-store.h"
#include "lateral-store-transaction.h"

G_BEGIN_DECLS

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* The schema version this build writes; see lateral-store-migrations.c. */
#define LATERAL_STORE_SCHEMA_VERSION 5

/* PRAGMA application_id: "LATL", so another program's SQLite file is told apart. */
#define LATERAL_STORE_APPLICATION_ID 1279349836

sqlite3        *lateral_store_get_db               (LateralStore  *self);

gboolean        lateral_store_set_sqlite_error     (sqlite3       *db,
                                                    int            rc,
                                                    GError       **error);
gboolean        lateral_store_exec_db              (sqlite3       *db,
                                                    const char    *sql,
                                                    GError       **error);
sqlite3_stmt   *lateral_store_prepare              (LateralStore  *self,
                                                    const char    *sql,
                                                    GError       **error);
sqlite3_stmt   *lateral_store_prepare_cached       (LateralStore  *self,
                                                    const char    *sql,
                                                    GError       **error);
gboolean        lateral_store_exec                 (LateralStore  *self,
                                                    const char    *sql,
                                                    GError       **error);
gboolean        lateral_store_step_done            (LateralStore  *self,
                                                    sqlite3_stmt  *stmt,
                                                    GError       **error);

/* A transaction on a connection that has no LateralStore yet (migrations). */
LateralStoreTransaction *lateral_store_transaction_begin_db (sqlite3             *db,
                                                             LateralStoreAccess   access,
                                                             GError             **error);

/* Migrations (lateral-store-migrations.c). */
int             lateral_store_read_schema_version  (sqlite3       *db,
                                                    GError       **error);
gboolean        lateral_store_migrate              (sqlite3       *db,
                                                    int            target_version,
                                                    GError       **error);

/* Answers travel as JSON arrays of move ids, in the database and in bundles. */
char           *lateral_store_moves_to_json        (const char * const *moves);
char          **lateral_store_moves_from_json      (const char    *json,
                                                    GError       **error);

gboolean        lateral_store_set_pack_missing     (LateralStore  *self,
                                                    const char    *attempt_uuid,
                                                    gboolean       pack_missing,
                                                    GError       **error);

/* Recovery and backups (lateral-store-recovery.c). */
sqlite3        *lateral_store_open_checked         (const char    *filename,
                                                    char         **out_recovery_message,
                                                    GError       **error);
char           *lateral_store_backup_dir           (const char    *filename);
int             lateral_store_lock                 (const char    *filename,
                                                    gboolean       exclusive,
                                                    GError       **error);
char           *lateral_store_move_aside           (const char    *filename,
                                                    const char    *tag,
                                                    GError       **error);

G_END_DECLS
