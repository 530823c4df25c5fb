/* lateral-play.h: one learner playing one pack
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by `lateral-cli play` and the app, so both keep the same rules:
 * an answer is stored (committed) before its reveal may be shown, answers
 * are final, an unfinished attempt is resumed.
 */
#pragma once

#include <gio/gio.h>

#include "pack/lateral-pack.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_PLAY_ERROR (lateral_play_error_quark ())

typedef enum {
  LATERAL_PLAY_ERROR_ALREADY_ANSWERED, /* answers are final */
  LATERAL_PLAY_ERROR_NOT_A_CLAIM,      /* answering a story step */
  LATERAL_PLAY_ERROR_NOT_ANSWERED,     /* advancing past an unanswered claim */
  LATERAL_PLAY_ERROR_FINISHED,         /* answering after the case is over */
  LATERAL_PLAY_ERROR_INVALID,          /* a verdict, certainty or move the claim does not have */
} LateralPlayError;

/* What a recorder hears: each is told inside the write transaction that
 * stores it, so whatever the recorder writes (an outbox row) commits or
 * rolls back with it. */
typedef enum {
  LATERAL_PLAY_EVENT_STARTED,   /* told when the recorder is set: the attempt exists */
  LATERAL_PLAY_EVENT_ANSWERED,  /* @answer was just stored */
  LATERAL_PLAY_EVENT_COMPLETED, /* the attempt was just marked finished */
} LateralPlayEvent;

#define LATERAL_TYPE_PLAY (lateral_play_get_type ())

G_DECLARE_FINAL_TYPE (LateralPlay, lateral_play, LATERAL, PLAY, GObject)

typedef gboolean (*LateralPlayRecorder) (LateralPlay          *play,
                                         LateralPlayEvent      event,
                                         const LateralAnswer  *answer,
                                         gpointer              user_data,
                                         GError              **error);

GQuark               lateral_play_error_quark      (void);

LateralPlay         *lateral_play_new              (LateralStore        *store,
                                                    LateralPack         *pack,
                                                    const char          *profile_name,
                                                    const char          *class_code,
                                                    GError             **error);
LateralPlay         *lateral_play_new_start_over   (LateralStore        *store,
                                                    LateralPack         *pack,
                                                    const char          *profile_name,
                                                    const char          *class_code,
                                                    GError             **error);
LateralPlay         *lateral_play_open_attempt     (LateralStore        *store,
                                                    LateralPack         *pack,
                                                    const char          *attempt_uuid,
                                                    GError             **error);
gboolean             lateral_play_is_resumed       (LateralPlay         *self);
gboolean             lateral_play_is_preview       (LateralPlay         *self);
const LateralStep   *lateral_play_get_current_step (LateralPlay         *self);
guint                lateral_play_get_position     (LateralPlay         *self);
gboolean             lateral_play_go_to            (LateralPlay         *self,
                                                    guint                index);
const LateralAnswer *lateral_play_take_stored_answer (LateralPlay       *self,
                                                      GError           **error);
const LateralAnswer *lateral_play_answer           (LateralPlay         *self,
                                                    LateralVerdict       verdict,
                                                    int                  certainty,
                                                    const char * const  *moves,
                                                    guint                time_ms,
                                                    GError             **error);
const LateralAnswer *lateral_play_get_answer       (LateralPlay         *self,
                                                    const char          *claim_id);
guint                lateral_play_get_n_answered   (LateralPlay         *self);
gboolean             lateral_play_advance          (LateralPlay         *self,
                                                    GError             **error);
gboolean             lateral_play_is_finished      (LateralPlay         *self);
LateralAttempt      *lateral_play_get_attempt      (LateralPlay         *self);
LateralProfile      *lateral_play_get_profile      (LateralPlay         *self);
LateralPack         *lateral_play_get_pack         (LateralPlay         *self);
LateralStore        *lateral_play_get_store        (LateralPlay         *self);
gboolean             lateral_play_set_recorder     (LateralPlay         *self,
                                                    LateralPlayRecorder  recorder,
                                                    gpointer             user_data,
                                                    GDestroyNotify       destroy,
                                                    GError             **error);

G_END_DECLS
