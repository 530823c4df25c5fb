/* lateral-measure-session.h: one sitting of a headline test, before or after a case
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A session is filled answer by answer against its instrument (which judges
 * each answer), then stored whole and final by the store
 * (store/lateral-store-measures.c): a check left halfway is not a result.
 */
#pragma once

#include <glib.h>

#include "lateral-measure.h"
#include "lateral-measure-score.h"

G_BEGIN_DECLS

typedef enum {
  LATERAL_MEASURE_BEFORE,
  LATERAL_MEASURE_AFTER,
} LateralMeasureWhen;

typedef struct {
  char     *item_id;
  gboolean  said_real;   /* the learner's answer: Real (TRUE) or Fake */
  gboolean  correct;     /* judged against the instrument when answered */
  guint     position;    /* 0-based place in the order shown */
  guint     time_ms;
} LateralMeasureAnswer;

typedef struct {
  char               *uuid;
  char               *profile_uuid;
  char               *profile_name;     /* filled when read from the store */
  char               *instrument_id;
  char               *instrument_hash;  /* sha256 of the instrument file */
  LateralMeasureWhen  when;
  char               *pack_id;          /* nullable: the case it was taken for */
  char               *pack_version;     /* nullable */
  char               *attempt_uuid;     /* nullable: the attempt that offered it */
  char               *class_code;       /* nullable */
  char               *device_id;
  gboolean            real_first;       /* the Real button came first */
  gint64              started_at;
  gint64              finished_at;
  gint64              imported_at;      /* 0 unless it came from a results bundle */
  GPtrArray          *answers;          /* of LateralMeasureAnswer, in the order given */
} LateralMeasureSession;

const char            *lateral_measure_when_to_string      (LateralMeasureWhen           when);
gboolean               lateral_measure_when_from_string    (const char                  *text,
                                                            LateralMeasureWhen          *out_when);

gboolean               lateral_measure_real_first_for      (const char                  *profile_uuid);
guint                 *lateral_measure_shuffle             (guint                        n_items,
                                                            GRand                       *rand);

LateralMeasureSession *lateral_measure_session_new         (LateralMeasure              *measure,
                                                            LateralMeasureWhen           when,
                                                            const char                  *profile_uuid);
gboolean               lateral_measure_session_answer      (LateralMeasureSession       *self,
                                                            LateralMeasure              *measure,
                                                            const char                  *item_id,
                                                            gboolean                     said_real,
                                                            guint                        time_ms,
                                                            GError                     **error);
gboolean               lateral_measure_session_check_complete (LateralMeasureSession    *self,
                                                            LateralMeasure              *measure,
                                                            GError                     **error);
void                   lateral_measure_session_score       (const LateralMeasureSession *self,
                                                            LateralMeasureScore         *out);
const LateralMeasureAnswer *lateral_measure_session_find   (const LateralMeasureSession *self,
                                                            const char                  *item_id);

LateralMeasureSession *lateral_measure_session_copy        (const LateralMeasureSession *self);
void                   lateral_measure_session_free        (LateralMeasureSession       *self);
void                   lateral_measure_answer_free         (LateralMeasureAnswer        *answer);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralMeasureSession, lateral_measure_session_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralMeasureAnswer, lateral_measure_answer_free)

G_END_DECLS
