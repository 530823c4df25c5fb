/* lateral-test-case.h: playing the built-in case in a real window
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "case/lateral-case-view.h"
#include "lateral-window.h"

G_BEGIN_DECLS

#define LATERAL_TEST_PACK_ID "io.github.lateral.prank-call"

LateralWindow     *lateral_test_case_open_window   (int            width,
                                                    int            height);
LateralPlay       *lateral_test_case_get_play      (LateralWindow *window);
const LateralStep *lateral_test_case_get_step      (LateralWindow *window);
void               lateral_test_case_plan          (const LateralStep *step,
                                                    LateralVerdict    *out_verdict,
                                                    int               *out_certainty);
void               lateral_test_case_wait_step     (LateralWindow *window,
                                                    guint          position);
void               lateral_test_case_wait_revealed (LateralWindow *window);
gboolean           lateral_test_case_is_revealed   (LateralWindow *window);

G_END_DECLS
