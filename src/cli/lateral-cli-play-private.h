/* lateral-cli-play-private.h: how `lateral-cli play` shows a case
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "play/lateral-play.h"

G_BEGIN_DECLS

void lateral_cli_print_intro   (LateralPlay         *play);
void lateral_cli_print_story   (const LateralStep   *step);
void lateral_cli_print_claim   (LateralPack         *pack,
                                const LateralStep   *step);
void lateral_cli_print_prompt  (const LateralStep   *step);
void lateral_cli_print_reveal  (LateralPack         *pack,
                                const LateralStep   *step,
                                const LateralAnswer *answer);
void lateral_cli_print_summary (LateralPlay         *play);

G_END_DECLS
