/* lateral-xapi-sender.c: the outbox to the LRS, in batches, exactly once
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Exactly once rests on two facts: a statement's id is fixed when it is
 * queued, and a row is marked sent only after the LRS said 200. A process
 * killed between the two sends the statement again next time, and the LRS
 * keeps the first copy of an id (a repeat of identical content is a 200,
 * not a second statement).
 *
 * The app runs the sender as a small service (lateral_xapi_sender_start):
 * a send in a GTask thread when kicked, after a failure a retry with
 * exponential backoff, and none while GNetworkMonitor says the network is
 * down (a change wakes it). The main loop never waits for the network.
 */
#include "config.h"

#include <string.h>
#include <glib/gi18n-lib.h>

#include "lateral-xapi-client-private.h"
#include "lateral-xapi-sender.h"
#include "store/lateral-store-outbox.h"

#define BACKOFF_FIRST_SECONDS 2
#define BACKOFF_MAX_SECONDS   300

struct _LateralXapiSender
{
  GObject            parent_instance;

  LateralXapiConfig *config;
  char              *store_filename;

  /* The service (main thread only). */
  gboolean           running;
  gboolean           busy;
  gboolean           again;          /* kicked while busy */
  guint              n_failures;
  guint              retry_source;
  guint              n_waiting;
  char              *last_error;
  GCancellable      *cancellable;
  GNetworkMonitor   *monitor;
  gulong             network_handler;
};

enum {
  PROP_0,
  PROP_N_WAITING,
  PROP_BUSY,
  PROP_LAST_ERROR,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

G_DEFINE_FINAL_TYPE (LateralXapiSender, lateral_xapi_sender, G_TYPE_OBJECT)

static void
lateral_xapi_sender_dispose (GObject *object)
{
  LateralXapiSender *self = (LateralXapiSender *) object;

  lateral_xapi_sender_stop (self);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lateral_xapi_sender_parent_class)->dispose (object);
}

static void
lateral_xapi_sender_finalize (GObject *object)
{
  LateralXapiSender *self = (LateralXapiSender *) object;

  g_clear_pointer (&self->config, lateral_xapi_config_free);
  g_clear_pointer (&self->store_filename, g_free);
  g_clear_pointer (&self->last_error, g_free);

  G_OBJECT_CLASS (lateral_xapi_sender_parent_class)->finalize (object);
}

static void
lateral_xapi_sender_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  LateralXapiSender *self = LATERAL_XAPI_SENDER (object);

  switch (prop_id)
    {
    case PROP_N_WAITING:
      g_value_set_uint (value, self->n_waiting);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_LAST_ERROR:
      g_value_set_string (value, self->last_error);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lateral_xapi_sender_class_init (LateralXapiSenderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lateral_xapi_sender_dispose;
  object_class->finalize = lateral_xapi_sender_finalize;
  object_class->get_property = lateral_xapi_sender_get_property;

  properties[PROP_N_WAITING] =
    g_param_spec_uint ("n-waiting", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_LAST_ERROR] =
    g_param_spec_string ("last-error", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
lateral_xapi_sender_init (LateralXapiSender *self)
{
}

/**
 * lateral_xapi_sender_new:
 * @store_filename: (nullable): the database the service's threads open
 *   (%NULL: the default); lateral_xapi_sender_send_sync() takes a store instead
 */
LateralXapiSender *
lateral_xapi_sender_new (const LateralXapiConfig *config,
                         const char              *store_filename)
{
  LateralXapiSender *self;

  g_return_val_if_fail (config != NULL, NULL);

  self = g_object_new (LATERAL_TYPE_XAPI_SENDER, NULL);
  self->config = lateral_xapi_config_copy (config);
  self->store_filename = g_strdup (store_filename);
  return self;
}

/* 2, 4, 8 … 300 seconds, with up to a quarter more at random so that a
 * lab of machines that lost the network together does not come back as
 * one burst. */
guint
lateral_xapi_backoff_seconds (guint n_failures)
{
  guint seconds = BACKOFF_FIRST_SECONDS;

  for (guint i = 1; i < n_failures && seconds < BACKOFF_MAX_SECONDS; i++)
    seconds *= 2;
  seconds = MIN (seconds, BACKOFF_MAX_SECONDS);

  return seconds + (guint) g_random_int_range (0, (gint32) seconds / 4 + 1);
}

/* The statements, byte for byte as queued, joined into one JSON array. */
static GBytes *
batch_body (GPtrArray *items)
{
  GString *body = g_string_new ("[");

  for (guint i = 0; i < items->len; i++)
    {
      const LateralOutboxItem *item = items->pdata[i];

      if (i > 0)
        g_string_append_c (body, ',');
      g_string_append (body, item->statement);
    }
  g_string_append_c (body, ']');

  return g_string_free_to_bytes (body);
}

typedef enum {
  POST_ACCEPTED,
  POST_REFUSED,  /* 400 or 409: the content, not the moment, is at fault */
  POST_FAILED,   /* anything else: retry later; error set */
} PostOutcome;

static PostOutcome
post (LateralXapiSender  *self,
      SoupSession        *session,
      GPtrArray          *items,
      guint              *out_status,
      char              **out_reason,
      GCancellable       *cancellable,
      GError            **error)
{
  g_autofree char *url = lateral_xapi_config_get_url (self->config, "statements");
  g_autoptr(GBytes) body = batch_body (items);
  g_autoptr(GBytes) reply = NULL;

  reply = lateral_xapi_client_request (session, self->config, "POST", url, body, out_status, cancellable, error);
  if (reply == NULL)
    return POST_FAILED;

  if (*out_status == 200 || *out_status == 204)
    return POST_ACCEPTED;

  *out_reason = lateral_xapi_client_reason (*out_status, reply);
  if (*out_status == 400 || *out_status == 409)
    return POST_REFUSED;

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("The LRS at %s refused the statements: %s"),
               self->config->endpoint, *out_reason);
  return POST_FAILED;
}

/* A refused batch, one statement at a time: the good ones go through, the
 * refused ones are set aside, each with the LRS's own reason. */
static gboolean
send_one_by_one (LateralXapiSender      *self,
                 SoupSession            *session,
                 LateralStore           *store,
                 GPtrArray              *items,
                 LateralXapiSendResult  *result,
                 GCancellable           *cancellable,
                 GError                **error)
{
  for (guint i = 0; i < items->len; i++)
    {
      g_autoptr(GPtrArray) one = g_ptr_array_new ();
      g_autofree char *reason = NULL;
      LateralOutboxItem *item = items->pdata[i];
      guint status = 0;

      g_ptr_array_add (one, item);
      switch (post (self, session, one, &status, &reason, cancellable, error))
        {
        case POST_ACCEPTED:
          if (!lateral_store_outbox_mark_sent (store, one, error))
            return FALSE;
          result->n_sent++;
          break;
        case POST_REFUSED:
          if (!lateral_store_outbox_set_aside (store, item->statement_id, (int) status, reason, error))
            return FALSE;
          result->n_set_aside++;
          break;
        case POST_FAILED:
        default:
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
count_waiting (LateralStore  *store,
               guint         *out_n_waiting,
               GError       **error)
{
  LateralOutboxStatus status;

  if (!lateral_store_outbox_get_status (store, &status, error))
    return FALSE;
  *out_n_waiting = status.n_waiting;
  lateral_outbox_status_clear (&status);
  return TRUE;
}

/**
 * lateral_xapi_sender_send_sync:
 *
 * Sends everything waiting in @store's outbox, oldest first, in batches of
 * %LATERAL_XAPI_BATCH_SIZE. Stops at the first failure that is not the
 * statements' fault (the network, the LRS's health, the credentials): that
 * is @error, noted in the store for `lrs status`, and the rest waits.
 */
gboolean
lateral_xapi_sender_send_sync (LateralXapiSender      *self,
                               LateralStore           *store,
                               GCancellable           *cancellable,
                               LateralXapiSendResult  *out_result,
                               GError                **error)
{
  g_autoptr(SoupSession) session = lateral_xapi_client_new_session ();
  LateralXapiSendResult result = { 0 };
  g_autoptr(GError) local_error = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (LATERAL_IS_XAPI_SENDER (self), FALSE);
  g_return_val_if_fail (LATERAL_IS_STORE (store), FALSE);

  while (ok)
    {
      g_autoptr(GPtrArray) items = NULL;
      g_autofree char *reason = NULL;
      guint status = 0;

      items = lateral_store_outbox_list (store, LATERAL_OUTBOX_WAITING, LATERAL_XAPI_BATCH_SIZE, &local_error);
      if (items == NULL)
        {
          ok = FALSE;
          break;
        }
      if (items->len == 0)
        break;

      switch (post (self, session, items, &status, &reason, cancellable, &local_error))
        {
        case POST_ACCEPTED:
          ok = lateral_store_outbox_mark_sent (store, items, &local_error);
          if (ok)
            result.n_sent += items->len;
          break;
        case POST_REFUSED:
          if (items->len == 1)
            {
              LateralOutboxItem *item = items->pdata[0];

              ok = lateral_store_outbox_set_aside (store, item->statement_id, (int) status, reason, &local_error);
              if (ok)
                result.n_set_aside++;
            }
          else
            {
              ok = send_one_by_one (self, session, store, items, &result, cancellable, &local_error);
            }
          break;
        case POST_FAILED:
        default:
          ok = FALSE;
          break;
        }
    }

  if (!ok && !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    lateral_store_outbox_note_error (store, local_error->message, NULL);

  if (!count_waiting (store, &result.n_waiting, ok ? &local_error : NULL))
    ok = FALSE;

  if (out_result != NULL)
    *out_result = result;
  if (!ok)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/* Async: a thread with its own connection to the database. */

static void
send_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  LateralXapiSender *self = source_object;
  g_autoptr(LateralStore) store = NULL;
  LateralXapiSendResult *result = g_new0 (LateralXapiSendResult, 1);
  GError *error = NULL;

  store = lateral_store_open (self->store_filename, &error);
  if (store == NULL || !lateral_xapi_sender_send_sync (self, store, cancellable, result, &error))
    {
      /* The counts still matter to the caller: pass them with the error. */
      g_task_set_task_data (task, result, g_free);
      g_task_return_error (task, error);
      return;
    }
  g_task_return_pointer (task, result, g_free);
}

void
lateral_xapi_sender_send_async (LateralXapiSender   *self,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (LATERAL_IS_XAPI_SENDER (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, lateral_xapi_sender_send_async);
  g_task_run_in_thread (task, send_thread);
}

gboolean
lateral_xapi_sender_send_finish (LateralXapiSender      *self,
                                 GAsyncResult           *result,
                                 LateralXapiSendResult  *out_result,
                                 GError                **error)
{
  g_autofree LateralXapiSendResult *counts = NULL;
  GTask *task = G_TASK (result);

  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  counts = g_task_propagate_pointer (task, error);
  if (out_result != NULL)
    {
      const LateralXapiSendResult *source = counts != NULL ? counts : g_task_get_task_data (task);

      if (source != NULL)
        *out_result = *source;
      else
        memset (out_result, 0, sizeof *out_result);
    }
  return counts != NULL;
}

/* The service */

static void run_now (LateralXapiSender *self);

static void
set_n_waiting (LateralXapiSender *self,
               guint              n_waiting)
{
  if (self->n_waiting == n_waiting)
    return;
  self->n_waiting = n_waiting;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_WAITING]);
}

static void
set_busy (LateralXapiSender *self,
          gboolean           busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

static void
set_last_error (LateralXapiSender *self,
                const char        *message)
{
  if (g_strcmp0 (self->last_error, message) == 0)
    return;
  g_free (self->last_error);
  self->last_error = g_strdup (message);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_ERROR]);
}

static gboolean
retry_cb (gpointer user_data)
{
  LateralXapiSender *self = user_data;

  self->retry_source = 0;
  run_now (self);
  return G_SOURCE_REMOVE;
}

static void
send_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(LateralXapiSender) self = user_data;
  g_autoptr(GError) error = NULL;
  LateralXapiSendResult counts;
  gboolean ok;

  ok = lateral_xapi_sender_send_finish (self, result, &counts, &error);
  set_busy (self, FALSE);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) || !self->running)
    return;

  set_n_waiting (self, counts.n_waiting);
  if (ok)
    {
      self->n_failures = 0;
      set_last_error (self, NULL);
      if (self->again)
        run_now (self);
      return;
    }

  self->n_failures++;
  set_last_error (self, error->message);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  self->retry_source = g_timeout_add_seconds (lateral_xapi_backoff_seconds (self->n_failures), retry_cb, self);
}

static void
count_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  LateralXapiSender *self = source_object;
  g_autoptr(LateralStore) store = NULL;
  LateralOutboxStatus status;
  GError *error = NULL;

  store = lateral_store_open (self->store_filename, &error);
  if (store == NULL || !lateral_store_outbox_get_status (store, &status, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_int (task, status.n_waiting);
  lateral_outbox_status_clear (&status);
}

static void
count_done (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  g_autoptr(LateralXapiSender) self = user_data;
  g_autoptr(GError) error = NULL;
  gssize n_waiting = g_task_propagate_int (G_TASK (result), &error);

  set_busy (self, FALSE);
  if (n_waiting >= 0 && self->running)
    set_n_waiting (self, (guint) n_waiting);
}

static void
count_async (LateralXapiSender *self,
             gpointer           user_data)
{
  g_autoptr(GTask) task = g_task_new (self, self->cancellable, count_done, user_data);

  g_task_run_in_thread (task, count_thread);
}

static void
run_now (LateralXapiSender *self)
{
  if (!self->running)
    return;
  if (self->busy)
    {
      self->again = TRUE;
      return;
    }
  /* Offline: the monitor's next change wakes us, no timer spins; only the
   * count is brought up to date. An LRS on this machine needs no network. */
  if (self->monitor != NULL && !g_network_monitor_get_network_available (self->monitor) &&
      !lateral_xapi_config_is_loopback (self->config))
    {
      set_last_error (self, _("Waiting for the network"));
      set_busy (self, TRUE);
      count_async (self, g_object_ref (self));
      return;
    }

  self->again = FALSE;
  g_clear_handle_id (&self->retry_source, g_source_remove);
  set_busy (self, TRUE);
  lateral_xapi_sender_send_async (self, self->cancellable, send_done, g_object_ref (self));
}

static void
network_changed_cb (GNetworkMonitor *monitor,
                    gboolean         available,
                    gpointer         user_data)
{
  LateralXapiSender *self = user_data;

  /* A network that comes back is worth a try at once, backoff or not. */
  if (available)
    {
      self->n_failures = 0;
      run_now (self);
    }
}

/**
 * lateral_xapi_sender_start:
 *
 * Runs the sender as a service on the thread-default main context: a send
 * now, then whenever lateral_xapi_sender_kick() is called (after each
 * answer), retried with backoff after a failure, paused while offline.
 * Progress is in the "n-waiting", "busy" and "last-error" properties.
 */
void
lateral_xapi_sender_start (LateralXapiSender *self)
{
  g_return_if_fail (LATERAL_IS_XAPI_SENDER (self));

  if (self->running)
    return;
  self->running = TRUE;
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->monitor = g_network_monitor_get_default ();
  self->network_handler = g_signal_connect (self->monitor, "network-changed",
                                            G_CALLBACK (network_changed_cb), self);
  run_now (self);
}

/* Cancels a send in flight; what it had not marked sent stays queued. */
void
lateral_xapi_sender_stop (LateralXapiSender *self)
{
  g_return_if_fail (LATERAL_IS_XAPI_SENDER (self));

  if (!self->running)
    return;
  self->running = FALSE;
  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->retry_source, g_source_remove);
  g_clear_signal_handler (&self->network_handler, self->monitor);
  self->monitor = NULL;
}

/* Something was queued: send now, unless a send runs (then once more after
 * it) or a backoff after a failure is being waited out (a kick does not cut
 * it short: then only the count is refreshed). */
void
lateral_xapi_sender_kick (LateralXapiSender *self)
{
  g_return_if_fail (LATERAL_IS_XAPI_SENDER (self));

  if (self->retry_source != 0)
    {
      /* Not now, but the count waiting must grow on screen. */
      if (!self->busy)
        {
          set_busy (self, TRUE);
          count_async (self, g_object_ref (self));
        }
      return;
    }
  run_now (self);
}

guint
lateral_xapi_sender_get_n_waiting (LateralXapiSender *self)
{
  g_return_val_if_fail (LATERAL_IS_XAPI_SENDER (self), 0);

  return self->n_waiting;
}

gboolean
lateral_xapi_sender_get_busy (LateralXapiSender *self)
{
  g_return_val_if_fail (LATERAL_IS_XAPI_SENDER (self), FALSE);

  return self->busy;
}

const char *
lateral_xapi_sender_get_last_error (LateralXapiSender *self)
{
  g_return_val_if_fail (LATERAL_IS_XAPI_SENDER (self), NULL);

  return self->last_error;
}
