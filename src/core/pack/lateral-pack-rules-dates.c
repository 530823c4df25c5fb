/* lateral-pack-rules-dates.c: judge before you know, checked on the dates of a pack
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lateral's point is that a learner judges a claim before the facts are
 * shown. So everything seen before a claim is locked in (story steps, their
 * sources and artefacts, earlier reveals) must date from no later than that
 * claim's as_of. These rules run after the walk, on the model, with the
 * places the walk remembered. They are errors in lateral-pack/2 and
 * warnings in /1, whose packs were written before the rules existed.
 *
 * Every value is compared with every claim after it: a backward pass keeps,
 * for each step, the earliest as_of still to come ("the horizon"). As a
 * bare date stands for its whole day, comparing with the earliest claim
 * alone could miss a conflict between a timed value and a date-only claim:
 * the horizon keeps the earliest day of all claims, the earliest day of
 * date-only claims and the earliest instant of timed claims.
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lateral-pack-reader-private.h"

typedef struct {
  const LateralStep *min_day;         /* earliest calendar day, any claim */
  const LateralStep *min_day_dates;   /* earliest day among date-only claims */
  const LateralStep *min_instant;     /* earliest instant among timed claims */
} Horizon;

static guint32
day_of (const LateralMoment *m)
{
  return (guint32) m->year << 16 | (guint32) m->month << 8 | m->day;
}

static void
horizon_add (Horizon           *h,
             const LateralStep *claim)
{
  const LateralMoment *m = &claim->as_of_moment;

  if (!lateral_moment_is_set (m))
    return;
  if (h->min_day == NULL || day_of (m) < day_of (&h->min_day->as_of_moment))
    h->min_day = claim;
  if (!m->has_time && (h->min_day_dates == NULL || day_of (m) < day_of (&h->min_day_dates->as_of_moment)))
    h->min_day_dates = claim;
  if (m->has_time && (h->min_instant == NULL || m->instant < h->min_instant->as_of_moment.instant))
    h->min_instant = claim;
}

/* A later claim whose as_of @m is after, or NULL (see lateral_moment_compare). */
static const LateralStep *
horizon_spoiled (const Horizon       *h,
                 const LateralMoment *m)
{
  if (!lateral_moment_is_set (m))
    return NULL;
  if (!m->has_time)
    return h->min_day != NULL && day_of (m) > day_of (&h->min_day->as_of_moment) ? h->min_day : NULL;
  if (h->min_instant != NULL && m->instant > h->min_instant->as_of_moment.instant)
    return h->min_instant;
  if (h->min_day_dates != NULL && day_of (m) > day_of (&h->min_day_dates->as_of_moment))
    return h->min_day_dates;
  return NULL;
}

static const char *
id_of (const LateralStep *step)
{
  return step->id != NULL ? step->id : "?";
}

static void
check_story_sources (LateralPackReader *c,
                     const LateralStep  *step)
{
  LateralMoment date;

  if (step->date == NULL || !lateral_moment_parse (step->date, FALSE, &date))
    return;
  for (guint i = 0; i < step->sources->len; i++)
    {
      const LateralSource *source = g_ptr_array_index (step->sources, i);

      if (source->date != NULL && lateral_moment_compare (&source->moment, &date) > 0)
        lateral_pack_reader_report_rule (c, lateral_pack_reader_place (c, source),
                                         _("this source is dated %s, after its story step (%s): a learner would read its title before the events happen; cite a source of that date or earlier"),
                                         source->date, step->date);
    }
}

static void
check_sources_before (LateralPackReader *c,
                      GPtrArray          *sources,
                      const Horizon      *h)
{
  for (guint i = 0; i < sources->len; i++)
    {
      const LateralSource *source = g_ptr_array_index (sources, i);
      const LateralStep *claim = horizon_spoiled (h, &source->moment);

      if (claim != NULL)
        lateral_pack_reader_report_rule (c, lateral_pack_reader_place (c, source),
                                         _("this source is dated %s, after the as_of (%s) of the later claim “%s” (steps[%u]): a reveal is read before every later claim is judged; cite it in that claim's reveal, or a later one"),
                                         source->date, claim->as_of, id_of (claim), claim->index);
    }
}

static void
check_reveal_sources (LateralPackReader *c,
                      const LateralStep  *step)
{
  if (!lateral_moment_is_set (&step->as_of_moment))
    return;

  for (guint i = 0; i < step->sources->len; i++)
    {
      const LateralSource *source = g_ptr_array_index (step->sources, i);

      if (source->date == NULL || lateral_moment_compare (&source->moment, &step->as_of_moment) <= 0)
        continue;
      if (c->format_version >= 2)
        lateral_pack_reader_report_rule (c, lateral_pack_reader_place (c, source),
                                         _("this source is dated %s, after the claim's as_of (%s): “sources” are what was known on that date; move it to “later_sources” (Reported later)"),
                                         source->date, step->as_of);
      else
        lateral_pack_reader_report_rule (c, lateral_pack_reader_place (c, source),
                                         _("this source is dated %s, after the claim's as_of (%s): a reveal's sources are what was known on that date (lateral-pack/2 has “later_sources” for later reporting)"),
                                         source->date, step->as_of);
    }

  for (guint i = 0; i < step->later_sources->len; i++)
    {
      const LateralSource *source = g_ptr_array_index (step->later_sources, i);

      if (source->date != NULL && lateral_moment_compare (&source->moment, &step->as_of_moment) <= 0)
        lateral_pack_reader_report_rule (c, lateral_pack_reader_place (c, source),
                                         _("this source is dated %s, not after the claim's as_of (%s): it was known then, so it goes under “sources” (Known on that date)"),
                                         source->date, step->as_of);
    }
}

static void
check_artefact (LateralPackReader *c,
                const LateralStep  *step,
                const Horizon      *h)
{
  const LateralArtefact *a = step->artefact;
  const LateralStep *claim;

  /* A claim naming an earlier artefact was checked at the step showing it. */
  if (a == NULL || step->artefact_is_ref)
    return;

  claim = horizon_spoiled (h, &a->moment);
  if (claim != NULL && a->kind != LATERAL_ARTEFACT_CALL)
    lateral_pack_reader_report_rule (c, lateral_pack_reader_place (c, a),
                                     _("the artefact is dated %s, after the as_of (%s) of claim “%s” (steps[%u]), which is judged with it in view: show it after that claim, or correct its date"),
                                     a->time != NULL ? a->time : a->date, claim->as_of, id_of (claim), claim->index);

  if (a->source != NULL && a->source->date != NULL &&
      (claim = horizon_spoiled (h, &a->source->moment)) != NULL)
    lateral_pack_reader_report_rule (c, lateral_pack_reader_place (c, a->source),
                                     _("the artefact's source is dated %s, after the as_of (%s) of claim “%s” (steps[%u]), which is judged with it in view: cite a record of the artefact from that date or earlier"),
                                     a->source->date, claim->as_of, id_of (claim), claim->index);
}

static void
check_story_date (LateralPackReader *c,
                  const LateralStep  *step,
                  const Horizon      *h)
{
  LateralMoment date;
  const LateralStep *claim;

  if (step->date == NULL || !lateral_moment_parse (step->date, FALSE, &date))
    return;
  claim = horizon_spoiled (h, &date);
  if (claim != NULL)
    lateral_pack_reader_report_rule (c, lateral_pack_reader_place (c, step),
                                     _("the step is dated %s, after the as_of (%s) of the later claim “%s” (steps[%u]): a learner reads it before judging that claim; move the step after that claim"),
                                     step->date, claim->as_of, id_of (claim), claim->index);
}

void
lateral_pack_rules_dates (LateralPackReader *c)
{
  GPtrArray *steps = c->pack->steps;
  g_autofree Horizon *after = g_new0 (Horizon, steps->len + 1);

  /* after[i]: the claims after step i. Built backwards, then the checks run
   * forwards, so that the problems reported first (up to the cap on
   * problems) are the first in the file. */
  for (guint i = steps->len; i-- > 0;)
    {
      const LateralStep *next = i + 1 < steps->len ? g_ptr_array_index (steps, i + 1) : NULL;

      after[i] = after[i + 1];
      if (next != NULL && next->type == LATERAL_STEP_CLAIM)
        horizon_add (&after[i], next);
    }

  for (guint i = 0; i < steps->len; i++)
    {
      const LateralStep *step = g_ptr_array_index (steps, i);

      if (step->type == LATERAL_STEP_STORY)
        {
          check_story_date (c, step, &after[i]);
          check_story_sources (c, step);
          check_artefact (c, step, &after[i]);
        }
      else
        {
          Horizon from_here = after[i];

          /* Its artefact is seen before itself is judged... */
          horizon_add (&from_here, step);
          check_artefact (c, step, &from_here);
          /* ...and its reveal before the claims after it. */
          check_reveal_sources (c, step);
          check_sources_before (c, step->sources, &after[i]);
          check_sources_before (c, step->later_sources, &after[i]);
        }
    }
}
