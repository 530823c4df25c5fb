/* lateral-reveal.h: LateralReveal, the facts shown after an answer is locked
 * in
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_REVEAL (lateral_reveal_get_type ())

G_DECLARE_FINAL_TYPE (LateralReveal, lateral_reveal, LATERAL, REVEAL, AdwBin)

GtkWidget  *lateral_reveal_new            (LateralPack         *pack,
                                           const LateralStep   *step,
                                           const LateralAnswer *answer);
GtkWidget  *lateral_reveal_get_heading    (LateralReveal       *self);
char       *lateral_reveal_format_result  (const LateralStep   *step,
                                           const LateralAnswer *answer);

G_END_DECLS
