/* lateral-moment.c: parsing and comparing the dates and times of a pack
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Accepted shapes: YYYY-MM-DD, and (when a time is allowed)
 * YYYY-MM-DDTHH:MM[:SS] followed by Z or ±HH:MM. A time without a zone is
 * refused: "13:08" alone cannot be compared with a source of another
 * country. The parser is written out by hand rather than with
 * g_date_time_new_from_iso8601(), which also accepts week dates, ordinal
 * dates, fractions and zoneless times that the format does not allow.
 */
#include "config.h"

#include <string.h>

#include "lateral-moment.h"

static gboolean
take_digits (const char **p,
             guint        n,
             guint       *out)
{
  guint value = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      value = value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  *out = value;
  return TRUE;
}

static gboolean
take_char (const char **p,
           char         c)
{
  if (**p != c)
    return FALSE;
  (*p)++;
  return TRUE;
}

static gboolean
parse_zone (const char **p,
            gint32      *offset)
{
  guint hours, minutes;
  int sign;

  if (take_char (p, 'Z'))
    {
      *offset = 0;
      return TRUE;
    }
  if (**p != '+' && **p != '-')
    return FALSE;
  sign = **p == '-' ? -1 : 1;
  (*p)++;
  if (!take_digits (p, 2, &hours) || !take_char (p, ':') || !take_digits (p, 2, &minutes))
    return FALSE;
  if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0))
    return FALSE;
  *offset = sign * (gint32) (hours * 3600 + minutes * 60);
  return TRUE;
}

/**
 * lateral_moment_parse:
 * @text: a date such as 2015-09-14, or with @allow_time a date and time
 *   such as 2013-04-23T13:08-04:00
 * @allow_time: whether a time of day (with its zone) is accepted
 * @out: (out): the moment
 *
 * Returns: whether @text is a real date (and time) of an accepted shape
 */
gboolean
lateral_moment_parse (const char    *text,
                      gboolean       allow_time,
                      LateralMoment *out)
{
  const char *p = text;
  guint year, month, day, hour, minute, second = 0;
  gint32 offset = 0;
  g_autoptr(GDateTime) utc = NULL;

  g_return_val_if_fail (out != NULL, FALSE);
  memset (out, 0, sizeof *out);
  if (text == NULL)
    return FALSE;

  if (!take_digits (&p, 4, &year) || !take_char (&p, '-') ||
      !take_digits (&p, 2, &month) || !take_char (&p, '-') ||
      !take_digits (&p, 2, &day))
    return FALSE;
  if (year < 1 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  out->year = year;
  out->month = month;
  out->day = day;
  if (*p == '\0')
    return TRUE;

  if (!allow_time || !take_char (&p, 'T') ||
      !take_digits (&p, 2, &hour) || !take_char (&p, ':') || !take_digits (&p, 2, &minute))
    goto fail;
  if (*p == ':' && (p++, !take_digits (&p, 2, &second)))
    goto fail;
  if (hour > 23 || minute > 59 || second > 59)
    goto fail;
  if (!parse_zone (&p, &offset) || *p != '\0')
    goto fail;

  utc = g_date_time_new_utc (year, month, day, hour, minute, second);
  if (utc == NULL)
    goto fail;
  out->has_time = TRUE;
  out->utc_offset = offset;
  out->instant = g_date_time_to_unix (utc) - offset;
  return TRUE;

fail:
  memset (out, 0, sizeof *out);
  return FALSE;
}

gboolean
lateral_moment_is_set (const LateralMoment *moment)
{
  g_return_val_if_fail (moment != NULL, FALSE);
  return moment->day != 0;
}

/**
 * lateral_moment_compare:
 *
 * Two moments with a time compare as instants. Otherwise a bare date is the
 * whole of its day, and the two compare by the calendar day written (the
 * local day of a moment with a time): a source of 14 September is not
 * "after" an as_of of 14 September at 18:00, whatever its hour was.
 *
 * Returns: negative, 0 or positive as @a is before, at or after @b
 */
int
lateral_moment_compare (const LateralMoment *a,
                        const LateralMoment *b)
{
  guint32 da, db;

  g_return_val_if_fail (a != NULL && b != NULL, 0);

  if (a->has_time && b->has_time)
    return (a->instant > b->instant) - (a->instant < b->instant);

  da = (guint32) a->year << 16 | (guint32) a->month << 8 | a->day;
  db = (guint32) b->year << 16 | (guint32) b->month << 8 | b->day;
  return (da > db) - (da < db);
}

/**
 * lateral_moment_to_date_time:
 *
 * Returns: (transfer full) (nullable): the moment in the zone it was
 *   written in (midnight UTC for a bare date), for display; %NULL if unset
 */
GDateTime *
lateral_moment_to_date_time (const LateralMoment *moment)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GTimeZone) zone = NULL;

  g_return_val_if_fail (moment != NULL, NULL);

  if (!lateral_moment_is_set (moment))
    return NULL;
  if (!moment->has_time)
    return g_date_time_new_utc (moment->year, moment->month, moment->day, 0, 0, 0);

  zone = g_time_zone_new_offset (moment->utc_offset);
  utc = g_date_time_new_from_unix_utc (moment->instant);
  return g_date_time_to_timezone (utc, zone);
}
