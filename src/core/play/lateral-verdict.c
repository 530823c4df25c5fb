/* lateral-verdict.c: the four verdicts: names, parsing, labels
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>

#include "lateral-verdict.h"
#include "json/lateral-json-enum.h"

static const char * const verdict_ids[LATERAL_N_VERDICTS] = {
  "true", "false", "misleading", "unverified",
};

const char *
lateral_verdict_to_string (LateralVerdict verdict)
{
  g_return_val_if_fail ((guint) verdict < LATERAL_N_VERDICTS, NULL);

  return verdict_ids[verdict];
}

gboolean
lateral_verdict_from_string (const char     *str,
                             LateralVerdict *out_verdict)
{
  guint value;

  g_return_val_if_fail (out_verdict != NULL, FALSE);

  if (!lateral_json_enum_from_name (verdict_ids, 0, LATERAL_N_VERDICTS, str, &value))
    return FALSE;
  *out_verdict = (LateralVerdict) value;
  return TRUE;
}

/* The translated word shown to a learner. */
const char *
lateral_verdict_get_label (LateralVerdict verdict)
{
  g_return_val_if_fail ((guint) verdict < LATERAL_N_VERDICTS, NULL);

  switch (verdict)
    {
    case LATERAL_VERDICT_TRUE:
      return _("True");
    case LATERAL_VERDICT_FALSE:
      return _("False");
    case LATERAL_VERDICT_MISLEADING:
      return _("Misleading");
    case LATERAL_VERDICT_UNVERIFIED:
      return _("Unverified");
    default:
      g_assert_not_reached ();
    }
}
