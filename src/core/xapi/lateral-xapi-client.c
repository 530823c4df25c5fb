/* lateral-xapi-client.c: one HTTP exchange with the LRS (libsoup 3)
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Synchronous on purpose: it runs in a GTask's thread (the app) or in the
 * CLI, each with a session of its own, so no session is shared by threads.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>
#include <json-glib/json-glib.h>

#include "lateral-xapi-client-private.h"

#define TIMEOUT_SECONDS 30
#define MAX_REASON 600

SoupSession *
lateral_xapi_client_new_session (void)
{
  g_autofree char *user_agent = g_strdup_printf ("Lateral/%s ", PACKAGE_VERSION);

  /* No proxy resolver of the desktop's: the school's network settings are
   * the system's, which GIO's default resolver follows. */
  return soup_session_new_with_options ("timeout", TIMEOUT_SECONDS,
                                        "idle-timeout", TIMEOUT_SECONDS,
                                        "user-agent", user_agent,
                                        NULL);
}

GBytes *
lateral_xapi_client_request (SoupSession              *session,
                             const LateralXapiConfig  *config,
                             const char               *method,
                             const char               *url,
                             GBytes                   *body,
                             guint                    *out_status,
                             GCancellable             *cancellable,
                             GError                  **error)
{
  g_autoptr(SoupMessage) message = NULL;
  g_autofree char *credentials = NULL;
  g_autofree char *basic = NULL;
  g_autofree char *authorization = NULL;
  SoupMessageHeaders *headers;
  g_autoptr(GBytes) reply = NULL;

  *out_status = 0;
  message = soup_message_new (method, url);
  if (message == NULL)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not an address Lateral can send to"), url);
      return NULL;
    }

  headers = soup_message_get_request_headers (message);
  soup_message_headers_append (headers, "X-Experience-API-Version", "1.0.3");
  credentials = g_strconcat (config->key, ":", config->secret, NULL);
  basic = g_base64_encode ((const guchar *) credentials, strlen (credentials));
  authorization = g_strconcat ("Basic ", basic, NULL);
  soup_message_headers_append (headers, "Authorization", authorization);
  memset (credentials, 0, strlen (credentials));
  if (body != NULL)
    soup_message_set_request_body_from_bytes (message, "application/json", body);

  reply = soup_session_send_and_read (session, message, cancellable, error);
  if (reply == NULL)
    {
      g_prefix_error (error, _("Could not reach the LRS at %s: "), config->endpoint);
      return NULL;
    }
  if (g_bytes_get_size (reply) > LATERAL_XAPI_MAX_REPLY)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_MESSAGE_TOO_LARGE,
                   _("The LRS at %s sent a reply too large to read"), config->endpoint);
      return NULL;
    }

  *out_status = soup_message_get_status (message);
  return g_steal_pointer (&reply);
}

/* The LRS's words for a refusal, as kept in the outbox and shown by
 * `lrs status`: its JSON "message" when it sent one, else the start of
 * the body; control characters escaped, so a hostile server cannot drive
 * the terminal that shows it. */
char *
lateral_xapi_client_reason (guint   status,
                            GBytes *reply)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  g_autofree char *raw = NULL;
  gsize size = 0;
  const char *data = reply != NULL ? g_bytes_get_data (reply, &size) : NULL;

  if (data != NULL && size > 0 && json_parser_load_from_data (parser, data, size, NULL) &&
      JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      JsonObject *object = json_node_get_object (json_parser_get_root (parser));
      JsonNode *message = json_object_get_member (object, "message");
      JsonNode *warnings = json_object_get_member (object, "warnings");

      if (message != NULL && JSON_NODE_HOLDS_VALUE (message) &&
          json_node_get_value_type (message) == G_TYPE_STRING)
        raw = g_strdup (json_node_get_string (message));
      /* Learning Locker explains a 400 in "warnings": keep them, they say
       * which field was refused. */
      if (warnings != NULL)
        {
          g_autofree char *more = json_to_string (warnings, FALSE);
          char *joined = g_strconcat (raw != NULL ? raw : "", raw != NULL ? " " : "", more, NULL);

          g_free (raw);
          raw = joined;
        }
    }
  if (raw == NULL && data != NULL)
    raw = g_utf8_make_valid (data, MIN (size, (gsize) MAX_REASON));

  g_string_append_printf (text, "HTTP %u", status);
  if (raw != NULL && *raw != '\0')
    {
      g_autofree char *valid = g_utf8_make_valid (raw, -1);

      g_string_append (text, ": ");
      for (const char *p = valid; *p != '\0' && text->len < MAX_REASON; p++)
        {
          guchar c = (guchar) *p;

          if (c < 0x20 || c == 0x7f)
            g_string_append_printf (text, "\\x%02x", c);
          else
            g_string_append_c (text, (char) c);
        }
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}
