/* lateral-xapi-config.h: where the school's LRS is, if anywhere
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Sending is off until a file lateral/lrs.ini exists in $XDG_CONFIG_HOME
 * or one of $XDG_CONFIG_DIRS (an administrator's /etc/xdg/lateral/lrs.ini).
 * The keys are documented in docs/xapi.md.
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define LATERAL_XAPI_CONFIG_ERROR (lateral_xapi_config_error_quark ())

typedef enum {
  LATERAL_XAPI_CONFIG_ERROR_INVALID,  /* a key is missing or wrong: the message names it and the file */
} LateralXapiConfigError;

typedef struct {
  char     *filename;    /* the file it was read from */
  char     *endpoint;    /* ends with "/": statements are at endpoint + "statements" */
  char     *homepage;    /* the school's account homePage for actors */
  char     *key;
  char     *secret;
  gboolean  send_names;  /* the profile's name goes with its UUID */
} LateralXapiConfig;

GQuark             lateral_xapi_config_error_quark   (void);

LateralXapiConfig *lateral_xapi_config_load          (GError            **error);
LateralXapiConfig *lateral_xapi_config_load_file     (const char         *filename,
                                                      GError            **error);
char              *lateral_xapi_config_user_filename (void);
gboolean           lateral_xapi_config_write_user    (const char         *endpoint,
                                                      const char         *homepage,
                                                      const char         *key,
                                                      const char         *secret_file,
                                                      gboolean            send_names,
                                                      char              **out_filename,
                                                      GError            **error);
gboolean           lateral_xapi_check_endpoint       (const char         *endpoint,
                                                      GError            **error);
gboolean           lateral_xapi_check_homepage       (const char         *homepage,
                                                      GError            **error);
gboolean           lateral_xapi_config_is_loopback   (const LateralXapiConfig *self);
char              *lateral_xapi_config_get_url       (const LateralXapiConfig *self,
                                                      const char         *resource);
LateralXapiConfig *lateral_xapi_config_copy          (const LateralXapiConfig *self);
void               lateral_xapi_config_free          (LateralXapiConfig  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralXapiConfig, lateral_xapi_config_free)

G_END_DECLS
