/* test-pack-version.c: pack versions, checked and ordered as semver.org says
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "pack/lateral-version.h"

static void
test_version_valid (void)
{
  static const char *valid[] = {
    "0.0.0", "1.0.0", "10.20.30", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-0.3.7",
    "1.0.0-x.7.z.92", "1.0.0-x-y-z.--", "123456789012345678901234567890.0.0",
  };
  static const char *invalid[] = {
    "", "1", "1.0", "1.0.0.0", "01.0.0", "1.02.0", "1.0.03", "v1.0.0", "1.0.0-",
    "1.0.0-alpha..1", "1.0.0-alpha_1", "1.0.0+build", " 1.0.0", "1.0.0 ", "1.0.0-é",
    "1..0", "-1.0.0", "banana",
  };

  for (guint i = 0; i < G_N_ELEMENTS (valid); i++)
    {
      if (!lateral_version_is_valid (valid[i]))
        g_error ("“%s” should be a valid version", valid[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (invalid); i++)
    {
      if (lateral_version_is_valid (invalid[i]))
        g_error ("“%s” should not be a valid version", invalid[i]);
    }
}

static void
test_version_compare (void)
{
  static const char *ordered[] = {
    "0.0.1", "0.9.0", "0.10.0", "1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta",
    "1.0.0-beta", "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1",
    "1.2.0", "1.10.0", "2.0.0", "10.0.0", "123456789012345678901234567890.0.0",
  };

  for (guint i = 0; i < G_N_ELEMENTS (ordered); i++)
    {
      for (guint j = 0; j < G_N_ELEMENTS (ordered); j++)
        {
          int expected = (i > j) - (i < j);
          int got = lateral_version_compare (ordered[i], ordered[j]);

          if (((got > 0) - (got < 0)) != expected)
            g_error ("compare (%s, %s) = %d, expected %d", ordered[i], ordered[j], got, expected);
        }
    }

  /* Something that is not a version sorts below every version. */
  g_assert_cmpint (lateral_version_compare ("banana", "0.0.1"), <, 0);
  g_assert_cmpint (lateral_version_compare ("0.0.1", "1.0"), >, 0);
  g_assert_cmpint (lateral_version_compare ("1.0", "1.0"), ==, 0);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/version/valid", test_version_valid);
  g_test_add_func ("/version/compare", test_version_compare);

  return g_test_run ();
}
