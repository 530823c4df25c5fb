/* lateral-answer-line.h: reading `VERDICT CERTAINTY [MOVE,MOVE…]`, the line
 * `lateral-cli play` takes for each claim
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "play/lateral-verdict.h"

G_BEGIN_DECLS

#define LATERAL_ANSWER_LINE_ERROR (lateral_answer_line_error_quark ())

typedef enum {
  LATERAL_ANSWER_LINE_ERROR_INVALID, /* the message says what is wrong and what is expected */
} LateralAnswerLineError;

GQuark   lateral_answer_line_error_quark (void);

gboolean lateral_answer_line_parse       (const char       *line,
                                          LateralVerdict   *out_verdict,
                                          int              *out_certainty,
                                          char           ***out_moves,
                                          GError          **error);

G_END_DECLS
