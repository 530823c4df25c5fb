/* lateral-story-step.h: LateralStoryStep, one step of the story of a case
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_STORY_STEP (lateral_story_step_get_type ())

G_DECLARE_FINAL_TYPE (LateralStoryStep, lateral_story_step, LATERAL, STORY_STEP, AdwBin)

GtkWidget *lateral_story_step_new            (const LateralStep *step,
                                              const char        *hold_from);

G_END_DECLS
