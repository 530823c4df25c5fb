/* lateral-moment.h: a date, or a date with a time of day and zone, as packs write them
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * lateral-pack/2 lets an `as_of` (and an artefact's time) carry a time of
 * day, because a claim can go from unverified to false within one
 * afternoon. The judge-before-you-know rules compare such values: two
 * values with a time compare as instants; when either is a bare date it
 * stands for the whole of that day, so the two compare by the calendar
 * day each was written in (2015-09-14 is not after 2015-09-14T18:00+03:00).
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct {
  guint16  year;
  guint8   month;        /* 1-12 */
  guint8   day;          /* 1-31; 0 when the moment is unset */
  gboolean has_time;
  gint64   instant;      /* Unix seconds UTC; only with has_time */
  gint32   utc_offset;   /* seconds east of UTC; only with has_time */
} LateralMoment;

gboolean   lateral_moment_parse        (const char          *text,
                                        gboolean             allow_time,
                                        LateralMoment       *out);
gboolean   lateral_moment_is_set       (const LateralMoment *moment);
int        lateral_moment_compare      (const LateralMoment *a,
                                        const LateralMoment *b);
GDateTime *lateral_moment_to_date_time (const LateralMoment *moment);

G_END_DECLS
