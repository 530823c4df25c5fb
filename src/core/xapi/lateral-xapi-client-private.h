/* lateral-xapi-client-private.h: one HTTP exchange with the LRS
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Shared by the sender (POST statements) and the fetcher (GET statements):
 * the xAPI version header, Basic credentials, timeouts, and a reply's
 * text made safe to keep and print.
 */
#pragma once

#include <libsoup/soup.h>

#include "lateral-xapi-config.h"

G_BEGIN_DECLS

/* A reply bigger than this is not an LRS talking to us. */
#define LATERAL_XAPI_MAX_REPLY (64 * 1024 * 1024)

SoupSession *lateral_xapi_client_new_session (void);
GBytes      *lateral_xapi_client_request     (SoupSession              *session,
                                              const LateralXapiConfig  *config,
                                              const char               *method,
                                              const char               *url,
                                              GBytes                   *body,
                                              guint                    *out_status,
                                              GCancellable             *cancellable,
                                              GError                  **error);
char        *lateral_xapi_client_reason      (guint                     status,
                                              GBytes                   *reply);

G_END_DECLS
