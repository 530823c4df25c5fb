/* lateral-artefact-card.h: an artefact of a pack drawn as a card
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "pack/lateral-pack.h"

G_BEGIN_DECLS

#define LATERAL_TYPE_ARTEFACT_CARD (lateral_artefact_card_get_type ())

G_DECLARE_FINAL_TYPE (LateralArtefactCard, lateral_artefact_card, LATERAL, ARTEFACT_CARD, GtkWidget)

GtkWidget             *lateral_artefact_card_new          (const LateralArtefact *artefact);
const LateralArtefact *lateral_artefact_card_get_artefact (LateralArtefactCard   *self);

G_END_DECLS
