/* lateral-store.h: the learner's answers, kept in SQLite
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The schema, durability rules, recovery and backups are documented in
 * docs/store.md. Times are Unix seconds, UTC.
 */
#pragma once

#include <gio/gio.h>

#include "play/lateral-verdict.h"

G_BEGIN_DECLS

#define LATERAL_STORE_ERROR (lateral_store_error_quark ())

/* Answers are never loaded blindly from foreign input: these bound what a
 * bundle (or a caller) can make us store. */
#define LATERAL_STORE_MAX_ID_LENGTH    256
#define LATERAL_STORE_MAX_NAME_LENGTH  200
#define LATERAL_STORE_MAX_MOVES        64

typedef enum {
  LATERAL_STORE_ERROR_FAILED,           /* SQLite or the file system said no */
  LATERAL_STORE_ERROR_NEWER_VERSION,    /* written by a newer Lateral: left alone */
  LATERAL_STORE_ERROR_NOT_A_DATABASE,   /* restore: the file is not a usable Lateral database */
  LATERAL_STORE_ERROR_NOT_FOUND,
  LATERAL_STORE_ERROR_ALREADY_ANSWERED, /* answers are final */
  LATERAL_STORE_ERROR_INVALID,          /* an argument the schema refuses */
  LATERAL_STORE_ERROR_BUSY,             /* in use: a restore, or a running app during a restore */
  LATERAL_STORE_ERROR_FILE_GONE,        /* the database file was deleted or replaced while open */
} LateralStoreError;

typedef struct {
  char   *uuid;
  char   *name;
  gint64  created_at;
  gint64  last_used_at;
} LateralProfile;

typedef struct {
  char     *uuid;
  char     *profile_uuid;
  char     *profile_name;
  char     *pack_id;
  char     *pack_version;
  char     *pack_hash;
  char     *class_code;    /* nullable */
  char     *device_id;
  gint64    started_at;
  gint64    finished_at;   /* 0 = unfinished */
  guint     n_answers;
  guint     n_correct;
  int       total_mark;
  gboolean  pack_missing;  /* imported for a pack this machine does not have */
  char     *flags;         /* imported and flagged: space-separated codes, "" when none
                            * (docs/results-format.md, "Trust") */
} LateralAttempt;

typedef struct {
  char           *claim_id;
  LateralVerdict  verdict;
  int             certainty;
  char          **moves;      /* never NULL; empty when none were picked */
  guint           time_ms;
  gint64          answered_at;
  gboolean        correct;
  int             mark;
  guint           moves_expected;
  guint           moves_unexpected;
} LateralAnswer;

#define LATERAL_TYPE_STORE (lateral_store_get_type ())

G_DECLARE_FINAL_TYPE (LateralStore, lateral_store, LATERAL, STORE, GObject)

GQuark          lateral_store_error_quark             (void);

char           *lateral_store_get_default_filename    (void);

LateralStore   *lateral_store_open                    (const char     *filename,
                                                       GError        **error);
LateralStore   *lateral_store_open_worker             (LateralStore   *self,
                                                       GError        **error);
const char     *lateral_store_get_filename            (LateralStore   *self);
gboolean        lateral_store_check_file              (LateralStore   *self,
                                                       GError        **error);
const char     *lateral_store_get_recovery_message    (LateralStore   *self);
const char     *lateral_store_get_device_id           (LateralStore   *self);

GPtrArray      *lateral_store_list_profiles           (LateralStore   *self,
                                                       GError        **error);
LateralProfile *lateral_store_ensure_profile          (LateralStore   *self,
                                                       const char     *name,
                                                       GError        **error);
LateralProfile *lateral_store_find_profile            (LateralStore   *self,
                                                       const char     *name,
                                                       GError        **error);
LateralProfile *lateral_store_get_profile             (LateralStore   *self,
                                                       const char     *profile_uuid,
                                                       GError        **error);
LateralProfile *lateral_store_get_last_profile        (LateralStore   *self,
                                                       GError        **error);

GPtrArray      *lateral_store_list_attempts           (LateralStore   *self,
                                                       const char     *profile_uuid,
                                                       const char     *pack_id,
                                                       GError        **error);
GPtrArray      *lateral_store_select_attempts         (LateralStore   *self,
                                                       const char     *profile_name,
                                                       const char     *class_code,
                                                       GError        **error);
LateralAttempt *lateral_store_get_attempt             (LateralStore   *self,
                                                       const char     *attempt_uuid,
                                                       GError        **error);
LateralAttempt *lateral_store_find_unfinished_attempt (LateralStore   *self,
                                                       const char     *profile_uuid,
                                                       const char     *pack_id,
                                                       GError        **error);
gboolean        lateral_store_get_best_mark           (LateralStore   *self,
                                                       const char     *profile_uuid,
                                                       const char     *pack_id,
                                                       int            *out_best_mark,
                                                       GError        **error);
LateralAttempt *lateral_store_start_attempt           (LateralStore   *self,
                                                       const char     *profile_uuid,
                                                       const char     *pack_id,
                                                       const char     *pack_version,
                                                       const char     *pack_hash,
                                                       const char     *class_code,
                                                       GError        **error);
gboolean        lateral_store_finish_attempt          (LateralStore   *self,
                                                       const char     *attempt_uuid,
                                                       GError        **error);
gboolean        lateral_store_finish_attempt_at       (LateralStore   *self,
                                                       const char     *attempt_uuid,
                                                       gint64          finished_at,
                                                       GError        **error);

GPtrArray      *lateral_store_list_answers            (LateralStore   *self,
                                                       const char     *attempt_uuid,
                                                       GError        **error);
gboolean        lateral_store_add_answer              (LateralStore   *self,
                                                       const char     *attempt_uuid,
                                                       const LateralAnswer *answer,
                                                       GError        **error);

GPtrArray      *lateral_store_list_backups            (LateralStore   *self,
                                                       GError        **error);
char           *lateral_store_backup                  (LateralStore   *self,
                                                       gboolean        force,
                                                       GError        **error);
gboolean        lateral_store_restore                 (const char     *filename,
                                                       const char     *backup_file,
                                                       char          **out_kept_as,
                                                       GError        **error);

/* Merging a results bundle (lateral-store-import.c), inside the caller's
 * transaction: rows keep the UUIDs and times they came with. */
gboolean        lateral_store_import_profile          (LateralStore   *self,
                                                       const LateralProfile *profile,
                                                       char          **out_reason,
                                                       GError        **error);
gboolean        lateral_store_import_attempt          (LateralStore   *self,
                                                       const LateralAttempt *attempt,
                                                       gboolean        pack_missing,
                                                       const char     *flags,
                                                       GError        **error);
GPtrArray      *lateral_store_list_same_start         (LateralStore   *self,
                                                       const LateralAttempt *attempt,
                                                       GError        **error);
gboolean        lateral_store_set_attempt_flags       (LateralStore   *self,
                                                       const char     *uuid,
                                                       const char     *flags,
                                                       GError        **error);
gboolean        lateral_store_validate_answer         (const LateralAnswer *answer,
                                                       GError        **error);

LateralProfile *lateral_profile_copy                  (const LateralProfile *profile);
void            lateral_profile_free                  (LateralProfile *profile);
LateralAttempt *lateral_attempt_copy                  (const LateralAttempt *attempt);
void            lateral_attempt_free                  (LateralAttempt *attempt);

gboolean        lateral_class_code_normalize          (const char     *text,
                                                       char          **out,
                                                       GError        **error);
gboolean        lateral_store_canonical_class_code    (LateralStore   *self,
                                                       const char     *text,
                                                       char          **out,
                                                       GError        **error);
LateralAnswer  *lateral_answer_copy                   (const LateralAnswer *answer);
void            lateral_answer_free                   (LateralAnswer  *answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralProfile, lateral_profile_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralAttempt, lateral_attempt_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralAnswer, lateral_answer_free)

G_END_DECLS
