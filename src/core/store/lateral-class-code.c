/* lateral-class-code.c: one spelling per class
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A class code is typed by learners on thirty machines: "7B", "7b ", and a
 * "7B" whose letters came composed or decomposed must all be one class.
 * Codes are trimmed and put in Unicode NFC when they are entered, then
 * compared case-insensitively (g_utf8_casefold) with the codes already in
 * the database: the first spelling stored is the class's spelling from
 * then on. Control characters (and so NUL, ESC, CR, LF) are refused.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-store-private.h"

/**
 * lateral_class_code_normalize:
 * @text: (nullable): a class code as entered
 * @out: (out) (transfer full) (nullable): the code trimmed and in NFC;
 *   %NULL when @text is %NULL, empty or only spaces (no class)
 *
 * Returns: %FALSE, with @error set, for text that is not UTF-8, has a
 *   control character or is too long
 */
gboolean
lateral_class_code_normalize (const char  *text,
                              char       **out,
                              GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autofree char *nfc = NULL;

  *out = NULL;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate (text, -1, NULL))
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("A class code must be UTF-8 text"));
      return FALSE;
    }
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      if (g_unichar_iscntrl (g_utf8_get_char (p)))
        {
          g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                       _("A class code must not contain control characters (U+%04X)"),
                       (guint) g_utf8_get_char (p));
          return FALSE;
        }
    }

  stripped = g_strstrip (g_strdup (text));
  if (*stripped == '\0')
    return TRUE;
  nfc = g_utf8_normalize (stripped, -1, G_NORMALIZE_NFC);
  if (strlen (nfc) > LATERAL_STORE_MAX_ID_LENGTH)
    {
      g_set_error (error, LATERAL_STORE_ERROR, LATERAL_STORE_ERROR_INVALID,
                   _("A class code can have at most %d bytes"), LATERAL_STORE_MAX_ID_LENGTH);
      return FALSE;
    }

  *out = g_steal_pointer (&nfc);
  return TRUE;
}

/**
 * lateral_store_canonical_class_code:
 * @text: (nullable): a class code as entered or imported
 * @out: (out) (transfer full) (nullable): the spelling to store or to
 *   filter by: the code already in the database that equals @text after
 *   normalising and case folding, else @text normalised; %NULL for none
 */
gboolean
lateral_store_canonical_class_code (LateralStore  *self,
                                    const char    *text,
                                    char         **out,
                                    GError       **error)
{
  g_autofree char *code = NULL;
  g_autofree char *key = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (LATERAL_IS_STORE (self), FALSE);
  g_return_val_if_fail (out != NULL, FALSE);

  *out = NULL;
  if (!lateral_class_code_normalize (text, &code, error))
    return FALSE;
  if (code == NULL)
    return TRUE;

  /* Class codes are few (one per class): a scan is cheap and needs no
   * collation SQLite lacks (its NOCASE folds ASCII only). */
  key = g_utf8_casefold (code, -1);
  stmt = lateral_store_prepare (self, "SELECT class_code FROM attempts WHERE class_code IS NOT NULL"
                                      " GROUP BY class_code ORDER BY min (rowid)", error);
  if (stmt == NULL)
    return FALSE;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *stored = (const char *) sqlite3_column_text (stmt, 0);
      g_autofree char *stored_nfc = g_utf8_normalize (stored, -1, G_NORMALIZE_NFC);
      g_autofree char *stored_key = stored_nfc != NULL ? g_utf8_casefold (stored_nfc, -1) : NULL;

      if (stored_key != NULL && g_str_equal (stored_key, key))
        {
          *out = g_strdup (stored);
          return TRUE;
        }
    }
  if (rc != SQLITE_DONE)
    return lateral_store_set_sqlite_error (lateral_store_get_db (self), rc, error);

  *out = g_steal_pointer (&code);
  return TRUE;
}
