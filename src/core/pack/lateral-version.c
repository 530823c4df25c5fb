/* lateral-version.c: semantic versions of packs, checked and ordered
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The registry keeps the highest version of a pack, an install refuses to
 * replace a newer one, and the validator refuses a malformed one: all three
 * ask this unit, so "newer" means the same thing everywhere.
 */
#include "config.h"

#include <string.h>

#include "lateral-version.h"

static gboolean
number_is_valid (const char **p,
                 char         stop)
{
  const char *s = *p;

  if (!g_ascii_isdigit (*s))
    return FALSE;
  if (*s == '0' && g_ascii_isdigit (s[1]))
    return FALSE;  /* no leading zeros */
  while (g_ascii_isdigit (*s))
    s++;
  if (*s != stop)
    return FALSE;
  *p = s;
  return TRUE;
}

/**
 * lateral_version_is_valid:
 *
 * Whether @version is a semantic version as docs/pack-format.md asks:
 * MAJOR.MINOR.PATCH without leading zeros, then optionally a prerelease
 * (`-` and dot-separated identifiers of [0-9A-Za-z-]). No build metadata.
 */
gboolean
lateral_version_is_valid (const char *version)
{
  const char *p = version;

  g_return_val_if_fail (version != NULL, FALSE);

  if (!number_is_valid (&p, '.'))
    return FALSE;
  p++;
  if (!number_is_valid (&p, '.'))
    return FALSE;
  p++;
  if (!g_ascii_isdigit (*p) || (*p == '0' && g_ascii_isdigit (p[1])))
    return FALSE;
  while (g_ascii_isdigit (*p))
    p++;
  if (*p == '\0')
    return TRUE;
  if (*p != '-')
    return FALSE;

  /* Prerelease: dot-separated non-empty identifiers of [0-9A-Za-z-]. */
  p++;
  for (;;)
    {
      const char *start = p;

      while (g_ascii_isalnum (*p) || *p == '-')
        p++;
      if (p == start)
        return FALSE;
      if (*p == '\0')
        return TRUE;
      if (*p != '.')
        return FALSE;
      p++;
    }
}

/* Numeric identifiers compare by value; they have no leading zeros, so
 * length first, then digits, never overflows. */
static int
compare_numeric (const char *a,
                 gsize       la,
                 const char *b,
                 gsize       lb)
{
  int cmp;

  if (la != lb)
    return la < lb ? -1 : 1;
  cmp = strncmp (a, b, la);
  return (cmp > 0) - (cmp < 0);
}

static gboolean
all_digits (const char *s,
            gsize       len)
{
  for (gsize i = 0; i < len; i++)
    {
      if (!g_ascii_isdigit (s[i]))
        return FALSE;
    }
  return len > 0;
}

static int
compare_prerelease (const char *a,
                    const char *b)
{
  while (*a != '\0' && *b != '\0')
    {
      gsize la = strcspn (a, ".");
      gsize lb = strcspn (b, ".");
      gboolean na = all_digits (a, la), nb = all_digits (b, lb);
      int cmp;

      if (na && nb)
        cmp = compare_numeric (a, la, b, lb);
      else if (na != nb)
        cmp = na ? -1 : 1;  /* numeric identifiers sort first */
      else
        {
          cmp = strncmp (a, b, MIN (la, lb));
          if (cmp == 0 && la != lb)
            cmp = la < lb ? -1 : 1;
          cmp = (cmp > 0) - (cmp < 0);
        }
      if (cmp != 0)
        return cmp;

      a += la + (a[la] == '.');
      b += lb + (b[lb] == '.');
    }

  /* The one with more identifiers is the later prerelease. */
  return (*a != '\0') - (*b != '\0');
}

/**
 * lateral_version_compare:
 *
 * Compares two semantic versions (MAJOR.MINOR.PATCH[-PRERELEASE]) by the
 * rules of semver.org: 1.0.0-alpha < 1.0.0-alpha.1 < 1.0.0-beta < 1.0.0.
 * An invalid version sorts before every valid one.
 *
 * Returns: negative, 0 or positive as @a is lower, equal or higher than @b
 */
int
lateral_version_compare (const char *a,
                         const char *b)
{
  gboolean va, vb;

  g_return_val_if_fail (a != NULL, 0);
  g_return_val_if_fail (b != NULL, 0);

  va = lateral_version_is_valid (a);
  vb = lateral_version_is_valid (b);
  if (!va || !vb)
    {
      if (va != vb)
        return va ? 1 : -1;
      return CLAMP (strcmp (a, b), -1, 1);
    }

  for (guint part = 0; part < 3; part++)
    {
      gsize la = strspn (a, "0123456789");
      gsize lb = strspn (b, "0123456789");
      int cmp = compare_numeric (a, la, b, lb);

      if (cmp != 0)
        return cmp;
      a += la;
      b += lb;
      if (part < 2)
        {
          a++;
          b++;
        }
    }

  /* A release is later than any of its prereleases. */
  if (*a == '\0' || *b == '\0')
    return (*a == '\0') - (*b == '\0');
  return compare_prerelease (a + 1, b + 1);
}
