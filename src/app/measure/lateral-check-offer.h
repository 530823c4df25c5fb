/* lateral-check-offer.h: LateralCheckOffer, the bar that offers the quick check
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "measure/lateral-measure-session.h"
#include "play/lateral-play.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_DEFAULT_MEASURE "mist-20"

#define LATERAL_TYPE_CHECK_OFFER (lateral_check_offer_get_type ())

G_DECLARE_FINAL_TYPE (LateralCheckOffer, lateral_check_offer, LATERAL, CHECK_OFFER, AdwBin)

void       lateral_check_offer_set_asked   (LateralCheckOffer  *self,
                                            const char         *measure_id);
void       lateral_check_offer_propose     (LateralCheckOffer  *self,
                                            LateralStore       *store,
                                            LateralPlay        *play,
                                            LateralMeasureWhen  when);
void       lateral_check_offer_withdraw    (LateralCheckOffer  *self);
void       lateral_check_offer_withdraw_before (LateralCheckOffer *self);
gboolean   lateral_check_offer_is_shown    (LateralCheckOffer  *self);
gboolean   lateral_check_offer_is_busy     (LateralCheckOffer  *self);
GtkWidget *lateral_check_offer_take        (LateralCheckOffer  *self);

G_END_DECLS
