/* lateral-format.c: how the app words marks, dates and certainty levels
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <stdio.h>

#include <glib/gi18n.h>

#include "lateral-format.h"
#include "play/lateral-scoring.h"

/* A signed mark, "+2", "−6" or "0", with the typographic minus sign. */
char *
lateral_format_mark (int mark)
{
  if (mark > 0)
    return g_strdup_printf ("+%d", mark);
  if (mark < 0)
    return g_strdup_printf ("−%d", -mark);
  return g_strdup ("0");
}

/* "14 September 2015" from "2015-09-14", in the learner's language; the
 * string as it is when it is not a date, since it still says something. */
char *
lateral_format_date (const char *iso_date)
{
  int year, month, day;
  g_autoptr(GDateTime) date = NULL;

  if (iso_date == NULL)
    return g_strdup ("");

  if (sscanf (iso_date, "%d-%d-%d", &year, &month, &day) == 3)
    date = g_date_time_new_utc (year, month, day, 0, 0, 0);
  if (date == NULL)
    return g_strdup (iso_date);

  /* TRANSLATORS: a date as in "14 September 2015"; see strftime(3) */
  return g_date_time_format (date, _("%-d %B %Y"));
}

char *
lateral_format_timestamp (gint64 unix_seconds)
{
  g_autoptr(GDateTime) utc = g_date_time_new_from_unix_utc (unix_seconds);
  g_autoptr(GDateTime) local = NULL;

  if (utc == NULL)
    return g_strdup ("");

  local = g_date_time_to_local (utc);
  /* TRANSLATORS: when an attempt was made, as in "14 Sep 2026, 09:30"; see strftime(3) */
  return g_date_time_format (local, _("%-d %b %Y, %H:%M"));
}

/* The names of the certainty levels, as the claim view shows them. */
const char *
lateral_format_certainty (int certainty)
{
  switch (certainty)
    {
    case 1:
      return _("Not sure");
    case 2:
      return _("Fairly sure");
    case 3:
      return _("Very sure");
    default:
      g_return_val_if_reached ("");
    }
}
