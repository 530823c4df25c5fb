/* lateral-xapi-config.c: reading and writing lateral/lrs.ini
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The file is the only switch that lets Lateral go online, so a file that
 * is there but wrong is an error naming the key, never a silent "off", and
 * an endpoint in clear text is refused unless it is this machine.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <unistd.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lateral-xapi-config.h"

#define GROUP "lrs"
#define RELATIVE_PATH "lateral/lrs.ini"
#define MAX_SECRET_LENGTH 4096

G_DEFINE_QUARK (lateral-xapi-config-error-quark, lateral_xapi_config_error)

static gboolean
is_loopback_host (const char *host)
{
  g_autoptr(GInetAddress) address = NULL;
  g_autofree char *bare = NULL;

  if (host == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (host, "localhost") == 0)
    return TRUE;

  /* GUri keeps the brackets of an IPv6 literal. */
  if (host[0] == '[' && g_str_has_suffix (host, "]"))
    bare = g_strndup (host + 1, strlen (host) - 2);
  else
    bare = g_strdup (host);
  address = g_inet_address_new_from_string (bare);

  return address != NULL && g_inet_address_get_is_loopback (address);
}

/* Messages name the key whole, so a translation never has to agree with
 * a word it cannot see. */
static GUri *
parse_web_address (gboolean     is_endpoint,
                   const char  *text,
                   GError     **error)
{
  g_autoptr(GUri) uri = NULL;
  const char *scheme;

  if (text == NULL || *text == '\0')
    {
      g_set_error_literal (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                           is_endpoint ? _("The endpoint is empty") : _("The homepage is empty"));
      return NULL;
    }
  uri = g_uri_parse (text, G_URI_FLAGS_NONE, NULL);
  scheme = uri != NULL ? g_uri_get_scheme (uri) : NULL;
  if (uri == NULL || scheme == NULL || g_uri_get_host (uri) == NULL || *g_uri_get_host (uri) == '\0' ||
      (g_ascii_strcasecmp (scheme, "https") != 0 && g_ascii_strcasecmp (scheme, "http") != 0))
    {
      if (is_endpoint)
        g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                     _("The endpoint “%s” is not a web address (https://…)"), text);
      else
        g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                     _("The homepage “%s” is not a web address (https://…)"), text);
      return NULL;
    }
  if (g_uri_get_userinfo (uri) != NULL || g_uri_get_query (uri) != NULL || g_uri_get_fragment (uri) != NULL)
    {
      if (is_endpoint)
        g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                     _("The endpoint “%s” must not carry a user name, a query or a fragment"), text);
      else
        g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                     _("The homepage “%s” must not carry a user name, a query or a fragment"), text);
      return NULL;
    }

  return g_steal_pointer (&uri);
}

/**
 * lateral_xapi_check_endpoint:
 *
 * An LRS endpoint is https, or plain http only to this machine (loopback),
 * which is how the tests reach their LRS: statements and credentials never
 * cross a network in clear text.
 */
gboolean
lateral_xapi_check_endpoint (const char  *endpoint,
                             GError     **error)
{
  g_autoptr(GUri) uri = parse_web_address (TRUE, endpoint, error);

  if (uri == NULL)
    return FALSE;
  if (g_ascii_strcasecmp (g_uri_get_scheme (uri), "https") != 0 && !is_loopback_host (g_uri_get_host (uri)))
    {
      g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                   _("The endpoint “%s” must use https: only an LRS on this machine (localhost) may use http"),
                   endpoint);
      return FALSE;
    }
  return TRUE;
}

/* The homepage only names the school in actors' accounts: any web address. */
gboolean
lateral_xapi_check_homepage (const char  *homepage,
                             GError     **error)
{
  g_autoptr(GUri) uri = parse_web_address (FALSE, homepage, error);

  return uri != NULL;
}

char *
lateral_xapi_config_user_filename (void)
{
  return g_build_filename (g_get_user_config_dir (), RELATIVE_PATH, NULL);
}

static char *
read_secret_file (const char  *config_filename,
                  const char  *secret_file,
                  GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (config_filename);
  g_autofree char *path = g_path_is_absolute (secret_file) ? g_strdup (secret_file)
                                                           : g_build_filename (dir, secret_file, NULL);
  g_autofree char *contents = NULL;
  gsize length = 0;

  if (!g_file_get_contents (path, &contents, &length, error))
    {
      g_prefix_error (error, _("The secret-file of %s: "), config_filename);
      return NULL;
    }
  if (length > MAX_SECRET_LENGTH || memchr (contents, '\0', length) != NULL)
    {
      g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                   _("The secret-file %s of %s is not a secret: one line of text is expected"),
                   path, config_filename);
      return NULL;
    }

  return g_strdup (g_strstrip (contents));
}

static gboolean
read_bool (GKeyFile    *file,
           const char  *filename,
           const char  *key,
           gboolean    *out_value,
           GError     **error)
{
  g_autofree char *text = g_key_file_get_string (file, GROUP, key, NULL);

  *out_value = FALSE;
  if (text == NULL)
    return TRUE;
  g_strstrip (text);
  if (g_ascii_strcasecmp (text, "yes") == 0 || g_ascii_strcasecmp (text, "true") == 0)
    *out_value = TRUE;
  else if (g_ascii_strcasecmp (text, "no") != 0 && g_ascii_strcasecmp (text, "false") != 0)
    {
      g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                   _("%s: %s is “%s”; use yes or no"), filename, key, text);
      return FALSE;
    }
  return TRUE;
}

static char *
read_string (GKeyFile    *file,
             const char  *filename,
             const char  *key,
             gboolean     required,
             GError     **error)
{
  g_autofree char *text = g_key_file_get_string (file, GROUP, key, NULL);

  if (text != NULL)
    g_strstrip (text);
  if (required && (text == NULL || *text == '\0'))
    {
      g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                   _("%s: the key “%s” is missing from the [%s] group"), filename, key, GROUP);
      return NULL;
    }
  return g_steal_pointer (&text);
}

LateralXapiConfig *
lateral_xapi_config_load_file (const char  *filename,
                               GError     **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(LateralXapiConfig) self = g_new0 (LateralXapiConfig, 1);
  g_autofree char *secret_file = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (filename != NULL, NULL);

  if (!g_key_file_load_from_file (file, filename, G_KEY_FILE_NONE, &local_error))
    {
      g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                   _("Could not read %s: %s"), filename, local_error->message);
      return NULL;
    }

  self->filename = g_strdup (filename);
  self->endpoint = read_string (file, filename, "endpoint", TRUE, error);
  if (self->endpoint == NULL)
    return NULL;
  if (!lateral_xapi_check_endpoint (self->endpoint, error))
    {
      g_prefix_error (error, "%s: ", filename);
      return NULL;
    }
  if (!g_str_has_suffix (self->endpoint, "/"))
    {
      char *with_slash = g_strconcat (self->endpoint, "/", NULL);

      g_free (self->endpoint);
      self->endpoint = with_slash;
    }

  self->homepage = read_string (file, filename, "homepage", TRUE, error);
  if (self->homepage == NULL)
    return NULL;
  if (!lateral_xapi_check_homepage (self->homepage, error))
    {
      g_prefix_error (error, "%s: ", filename);
      return NULL;
    }

  self->key = read_string (file, filename, "key", TRUE, error);
  if (self->key == NULL)
    return NULL;

  self->secret = read_string (file, filename, "secret", FALSE, NULL);
  secret_file = read_string (file, filename, "secret-file", FALSE, NULL);
  if (self->secret != NULL && secret_file != NULL)
    {
      g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                   _("%s: give either secret or secret-file, not both"), filename);
      return NULL;
    }
  if (secret_file != NULL)
    {
      self->secret = read_secret_file (filename, secret_file, error);
      if (self->secret == NULL)
        return NULL;
    }
  if (self->secret == NULL)
    {
      g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                   _("%s: the key “secret” or “secret-file” is missing from the [%s] group"), filename, GROUP);
      return NULL;
    }

  if (!read_bool (file, filename, "send-names", &self->send_names, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * lateral_xapi_config_load:
 *
 * Looks for lateral/lrs.ini in $XDG_CONFIG_HOME, then in each of
 * $XDG_CONFIG_DIRS; the first found is the one used.
 *
 * Returns: (nullable): the configuration; %NULL with @error unset when no
 *   file exists (sending is off), %NULL with @error set when the file found
 *   cannot be used
 */
LateralXapiConfig *
lateral_xapi_config_load (GError **error)
{
  g_autofree char *user = lateral_xapi_config_user_filename ();
  const char * const *dirs;

  if (g_file_test (user, G_FILE_TEST_EXISTS))
    return lateral_xapi_config_load_file (user, error);

  dirs = g_get_system_config_dirs ();
  for (guint i = 0; dirs != NULL && dirs[i] != NULL; i++)
    {
      g_autofree char *path = g_build_filename (dirs[i], RELATIVE_PATH, NULL);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        return lateral_xapi_config_load_file (path, error);
    }

  return NULL;
}

/**
 * lateral_xapi_config_write_user:
 *
 * Writes the user's lateral/lrs.ini, readable by the user only (0600):
 * it names where the secret is. The values are checked first, and the
 * secret file must be readable, so a file written here always loads.
 */
gboolean
lateral_xapi_config_write_user (const char  *endpoint,
                                const char  *homepage,
                                const char  *key,
                                const char  *secret_file,
                                gboolean     send_names,
                                char       **out_filename,
                                GError     **error)
{
  g_autofree char *filename = lateral_xapi_config_user_filename ();
  g_autofree char *dir = g_path_get_dirname (filename);
  g_autofree char *absolute_secret = NULL;
  g_autofree char *secret = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autoptr(LateralXapiConfig) check = NULL;
  int fd;

  if (!lateral_xapi_check_endpoint (endpoint, error) || !lateral_xapi_check_homepage (homepage, error))
    return FALSE;
  if (key == NULL || *key == '\0' || strpbrk (key, "\r\n") != NULL)
    {
      g_set_error (error, LATERAL_XAPI_CONFIG_ERROR, LATERAL_XAPI_CONFIG_ERROR_INVALID,
                   _("The key must be one line of text"));
      return FALSE;
    }
  absolute_secret = g_canonicalize_filename (secret_file, NULL);
  secret = read_secret_file (filename, absolute_secret, error);
  if (secret == NULL)
    return FALSE;

  g_key_file_set_string (file, GROUP, "endpoint", endpoint);
  g_key_file_set_string (file, GROUP, "homepage", homepage);
  g_key_file_set_string (file, GROUP, "key", key);
  g_key_file_set_string (file, GROUP, "secret-file", absolute_secret);
  g_key_file_set_string (file, GROUP, "send-names", send_names ? "yes" : "no");
  g_key_file_set_comment (file, NULL, NULL,
                          " Lateral sends answers to this Learning Record Store (docs/xapi.md).\n"
                          " Remove this file to stop sending.", NULL);
  contents = g_key_file_to_data (file, NULL, NULL);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not create %s: %s"), dir, g_strerror (saved));
      return FALSE;
    }

  /* Written beside it with mode 0600 from the start, then renamed over: the
   * file is never readable by others, not even for a moment. */
  tmp = g_strconcat (filename, ".XXXXXX", NULL);
  fd = g_mkstemp_full (tmp, O_RDWR, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: %s"), filename, g_strerror (saved));
      return FALSE;
    }
  if (write (fd, contents, strlen (contents)) != (gssize) strlen (contents) || fsync (fd) != 0)
    {
      int saved = errno;

      close (fd);
      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: %s"), filename, g_strerror (saved));
      return FALSE;
    }
  close (fd);
  if (g_rename (tmp, filename) != 0)
    {
      int saved = errno;

      g_unlink (tmp);
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved),
                   _("Could not write %s: %s"), filename, g_strerror (saved));
      return FALSE;
    }

  check = lateral_xapi_config_load_file (filename, error);
  if (check == NULL)
    return FALSE;

  if (out_filename != NULL)
    *out_filename = g_steal_pointer (&filename);
  return TRUE;
}

/* An LRS on this machine: reachable without a network. */
gboolean
lateral_xapi_config_is_loopback (const LateralXapiConfig *self)
{
  g_autoptr(GUri) uri = NULL;

  g_return_val_if_fail (self != NULL, FALSE);

  uri = g_uri_parse (self->endpoint, G_URI_FLAGS_NONE, NULL);
  return uri != NULL && is_loopback_host (g_uri_get_host (uri));
}

/* A resource under the endpoint, such as "statements" or "about". */
char *
lateral_xapi_config_get_url (const LateralXapiConfig *self,
                             const char              *resource)
{
  g_return_val_if_fail (self != NULL, NULL);

  return g_strconcat (self->endpoint, resource, NULL);
}

LateralXapiConfig *
lateral_xapi_config_copy (const LateralXapiConfig *self)
{
  LateralXapiConfig *copy;

  if (self == NULL)
    return NULL;
  copy = g_new0 (LateralXapiConfig, 1);
  copy->filename = g_strdup (self->filename);
  copy->endpoint = g_strdup (self->endpoint);
  copy->homepage = g_strdup (self->homepage);
  copy->key = g_strdup (self->key);
  copy->secret = g_strdup (self->secret);
  copy->send_names = self->send_names;
  return copy;
}

void
lateral_xapi_config_free (LateralXapiConfig *self)
{
  if (self == NULL)
    return;
  g_free (self->filename);
  g_free (self->endpoint);
  g_free (self->homepage);
  g_free (self->key);
  if (self->secret != NULL)
    memset (self->secret, 0, strlen (self->secret));
  g_free (self->secret);
  g_free (self);
}
