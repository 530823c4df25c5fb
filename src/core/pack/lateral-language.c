/* lateral-language.c: a language's name in itself, for case rows
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case row says which language the case is in. The name is given in that
 * language ("Español", not "Spanish"), as language pickers do: a learner
 * recognises their own language whatever the interface is in, and the
 * names need no translation. Tags without a name here are shown as written.
 */
#include "config.h"

#include <string.h>

#include "lateral-language.h"

static const struct {
  const char *tag;
  const char *autonym;
} autonyms[] = {
  { "ar", "العربية" },
  { "ca", "Català" },
  { "cs", "Čeština" },
  { "da", "Dansk" },
  { "de", "Deutsch" },
  { "el", "Ελληνικά" },
  { "en", "English" },
  { "es", "Español" },
  { "eu", "Euskara" },
  { "fi", "Suomi" },
  { "fr", "Français" },
  { "gl", "Galego" },
  { "he", "עברית" },
  { "hu", "Magyar" },
  { "it", "Italiano" },
  { "ja", "日本語" },
  { "ko", "한국어" },
  { "nb", "Norsk bokmål" },
  { "nl", "Nederlands" },
  { "pl", "Polski" },
  { "pt", "Português" },
  { "pt-BR", "Português do Brasil" },
  { "ro", "Română" },
  { "ru", "Русский" },
  { "sv", "Svenska" },
  { "tr", "Türkçe" },
  { "uk", "Українська" },
  { "zh", "中文" },
};

/**
 * lateral_language_get_autonym:
 * @tag: a BCP 47 tag such as es or pt-BR
 *
 * Returns: the language's name in itself, for the tag or its first part
 *   (es-MX is "Español"); @tag itself when unknown
 */
const char *
lateral_language_get_autonym (const char *tag)
{
  gsize primary;

  g_return_val_if_fail (tag != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (autonyms); i++)
    {
      if (g_ascii_strcasecmp (tag, autonyms[i].tag) == 0)
        return autonyms[i].autonym;
    }

  primary = strcspn (tag, "-_");
  for (guint i = 0; i < G_N_ELEMENTS (autonyms); i++)
    {
      if (strlen (autonyms[i].tag) == primary && g_ascii_strncasecmp (tag, autonyms[i].tag, primary) == 0)
        return autonyms[i].autonym;
    }
  return tag;
}
