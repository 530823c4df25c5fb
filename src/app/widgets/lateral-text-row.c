/* lateral-text-row.c: an AdwActionRow with markup off, the one way the app
 * makes a row of text
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Titles and subtitles in Lateral come from packs, bundles, learners' names
 * and the core's error messages: "Ana & Bo" or "<b>" must show as typed,
 * never as Pango markup. Every page used to repeat these lines; the
 * duplicates listing named them as the same logic.
 */
#include "config.h"

#include "lateral-text-row.h"

/**
 * lateral_text_row_new:
 * @subtitle: (nullable): none when NULL
 *
 * Returns: (transfer floating): an AdwActionRow showing @title and
 *   @subtitle literally
 */
GtkWidget *
lateral_text_row_new (const char *title,
                      const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();

  g_return_val_if_fail (title != NULL, row);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  if (subtitle != NULL)
    adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  return row;
}
