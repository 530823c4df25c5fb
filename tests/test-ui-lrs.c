/* test-ui-lrs.c: the app queues answers for the school's LRS and shows
 * what waits, without the main loop ever waiting for the network
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The LRS here is a loopback port nobody listens on: every send fails at
 * once, which is what a lab without network looks like. Sending to a real
 * LRS is tests/test-lrs.py.
 */
#include "config.h"

#include <gio/gio.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>
#include <libsoup/soup.h>

#include "lateral-test-case.h"
#include "lateral-test-ui.h"
#include "class/lateral-class-results-window.h"
#include "pack/lateral-pack-registry.h"
#include "store/lateral-store-outbox.h"
#include "widgets/lateral-lrs-bar.h"

static LateralLrsBar *
find_bar (GtkWidget *widget)
{
  if (LATERAL_IS_LRS_BAR (widget))
    return LATERAL_LRS_BAR (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      LateralLrsBar *bar = find_bar (child);

      if (bar != NULL)
        return bar;
    }
  return NULL;
}

static guint
closed_port (void)
{
  g_autoptr(GSocket) socket = g_socket_new (G_SOCKET_FAMILY_IPV4, G_SOCKET_TYPE_STREAM, G_SOCKET_PROTOCOL_TCP, NULL);
  g_autoptr(GInetAddress) loopback = g_inet_address_new_loopback (G_SOCKET_FAMILY_IPV4);
  g_autoptr(GSocketAddress) any = g_inet_socket_address_new (loopback, 0);
  g_autoptr(GSocketAddress) bound = NULL;

  g_assert_true (g_socket_bind (socket, any, TRUE, NULL));
  bound = g_socket_get_local_address (socket, NULL);
  /* Closed when freed: nobody listens there afterwards. */
  return g_inet_socket_address_get_port (G_INET_SOCKET_ADDRESS (bound));
}

static void
write_config_port (guint port)
{
  g_autofree char *dir = g_build_filename (g_get_user_config_dir (), "lateral", NULL);
  g_autofree char *ini = g_build_filename (dir, "lrs.ini", NULL);
  g_autofree char *contents = g_strdup_printf ("[lrs]\nendpoint=http://127.0.0.1:%u/xAPI/\n"
                                               "homepage=https://school.example.org\nkey=k\nsecret=s\n",
                                               port);

  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  g_assert_true (g_file_set_contents (ini, contents, -1, NULL));
}

static void
write_config (void)
{
  write_config_port (closed_port ());
}

static void
remove_config (void)
{
  g_autofree char *ini = g_build_filename (g_get_user_config_dir (), "lateral", "lrs.ini", NULL);

  g_unlink (ini);
}

/* A 50 ms tick: the longest gap between two is how long the main loop was
 * kept from running. */
typedef struct {
  gint64 last;
  gint64 longest;
} Ticker;

static gboolean
tick (gpointer data)
{
  Ticker *ticker = data;
  gint64 now = g_get_monotonic_time ();

  if (ticker->last != 0)
    ticker->longest = MAX (ticker->longest, now - ticker->last);
  ticker->last = now;
  return G_SOURCE_CONTINUE;
}

static void
answer_first_claim (LateralPlay *play)
{
  g_autoptr(GError) error = NULL;

  while (lateral_play_get_current_step (play)->type != LATERAL_STEP_CLAIM)
    {
      lateral_play_advance (play, &error);
      g_assert_no_error (error);
    }
  g_assert_nonnull (lateral_play_answer (play, LATERAL_VERDICT_FALSE, 2, NULL, 1000, &error));
  g_assert_no_error (error);
}

static gboolean
bar_says_two_waiting (gpointer data)
{
  LateralLrsBar *bar = data;
  const char *tooltip = gtk_widget_get_tooltip_text (gtk_widget_get_last_child (gtk_widget_get_first_child (GTK_WIDGET (bar))));

  return g_str_has_prefix (lateral_lrs_bar_get_text (bar), "2 records waiting") &&
         tooltip != NULL && g_strstr_len (tooltip, -1, "Could not reach the LRS") != NULL;
}

static void
test_queued_offline (void)
{
  LateralWindow *window;
  LateralLrsBar *bar;
  LateralPlay *play;
  Ticker ticker = { 0 };
  guint tick_id;
  LateralOutboxStatus status;
  g_autoptr(GError) error = NULL;

  write_config ();
  window = lateral_test_case_open_window (400, 800);
  bar = find_bar (GTK_WIDGET (window));
  g_assert_nonnull (bar);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (bar)), ==, GTK_ACCESSIBLE_ROLE_STATUS);

  tick_id = g_timeout_add (50, tick, &ticker);
  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Ana", "7B"));
  play = lateral_test_case_get_play (window);
  answer_first_claim (play);

  /* The start and the answer wait; the reason is on the label. */
  g_assert_true (lateral_test_ui_wait_until (bar_says_two_waiting, bar, 20000));
  g_source_remove (tick_id);
  lateral_test_ui_check_gap ("queued offline", ticker.longest, 250 * 1000);

  g_assert_true (lateral_store_outbox_get_status (lateral_window_get_store (window), &status, &error));
  g_assert_cmpuint (status.n_waiting, ==, 2);
  g_assert_cmpuint (status.n_sent, ==, 0);
  g_assert_nonnull (status.last_error);
  lateral_outbox_status_clear (&status);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_config ();
}

static void
test_off_without_config (void)
{
  LateralWindow *window = lateral_test_case_open_window (400, 800);
  LateralLrsBar *bar = find_bar (GTK_WIDGET (window));
  LateralOutboxStatus status;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (bar);
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (bar)));
  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Ben", NULL));
  answer_first_claim (lateral_test_case_get_play (window));
  lateral_test_ui_iterate ();

  g_assert_true (lateral_store_outbox_get_status (lateral_window_get_store (window), &status, &error));
  g_assert_cmpuint (status.n_waiting + status.n_sent + status.n_set_aside, ==, 0);
  lateral_outbox_status_clear (&status);

  gtk_window_destroy (GTK_WINDOW (window));
}

/* A stand-in LRS in this process (libsoup's server, on loopback): it
 * accepts every POST of statements and remembers their ids. It answers on
 * the main loop, which the app's sender never blocks: it sends from a
 * thread. */
static void
statements_cb (SoupServer        *server,
               SoupServerMessage *message,
               const char        *path,
               GHashTable        *query,
               gpointer           user_data)
{
  GHashTable *received = user_data;
  SoupMessageBody *body = soup_server_message_get_request_body (message);
  g_autoptr(GBytes) bytes = soup_message_body_flatten (body);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  g_assert_cmpstr (soup_server_message_get_method (message), ==, "POST");
  g_assert_true (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes), NULL));
  array = json_node_get_array (json_parser_get_root (parser));
  for (guint i = 0; i < json_array_get_length (array); i++)
    g_hash_table_add (received, g_strdup (json_object_get_string_member (json_array_get_object_element (array, i), "id")));
  soup_server_message_set_status (message, 200, NULL);
  soup_server_message_set_response (message, "application/json", SOUP_MEMORY_COPY, "[]", 2);
}

typedef struct {
  LateralLrsBar *bar;
  LateralStore  *store;
  GHashTable    *received;
} Online;

static gboolean
all_sent (gpointer data)
{
  Online *online = data;
  g_autoptr(GPtrArray) sent = lateral_store_outbox_list (online->store, LATERAL_OUTBOX_SENT, 0, NULL);

  return g_hash_table_size (online->received) == 2 && sent != NULL && sent->len == 2 &&
         g_strcmp0 (lateral_lrs_bar_get_text (online->bar), "All answers sent to the school") == 0;
}

/* Online: each answer leaves as soon as it is committed. */
static void
test_sent_online (void)
{
  g_autoptr(SoupServer) server = soup_server_new (NULL, NULL);
  g_autoptr(GHashTable) received = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) sent = NULL;
  g_autoptr(GError) error = NULL;
  LateralWindow *window;
  LateralLrsBar *bar;
  Online online;
  GSList *uris;
  guint port;

  soup_server_add_handler (server, "/xAPI/statements", statements_cb, received, NULL);
  g_assert_true (soup_server_listen_local (server, 0, SOUP_SERVER_LISTEN_IPV4_ONLY, &error));
  uris = soup_server_get_uris (server);
  port = (guint) g_uri_get_port (uris->data);
  g_slist_free_full (uris, (GDestroyNotify) g_uri_unref);
  write_config_port (port);

  window = lateral_test_case_open_window (400, 800);
  bar = find_bar (GTK_WIDGET (window));
  g_assert_true (lateral_window_open_case (window, LATERAL_TEST_PACK_ID, "Cleo", NULL));
  answer_first_claim (lateral_test_case_get_play (window));

  /* Both the start and the answer reach the LRS, and are marked sent. */
  online.bar = bar;
  online.store = lateral_window_get_store (window);
  online.received = received;
  g_assert_true (lateral_test_ui_wait_until (all_sent, &online, 20000));
  sent = lateral_store_outbox_list (lateral_window_get_store (window), LATERAL_OUTBOX_SENT, 0, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (sent->len, ==, 2);
  for (guint i = 0; i < sent->len; i++)
    g_assert_true (g_hash_table_contains (received, ((LateralOutboxItem *) sent->pdata[i])->statement_id));
  g_assert_cmpuint (g_hash_table_size (received), ==, 2);

  gtk_window_destroy (GTK_WINDOW (window));
  remove_config ();
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GtkWidget *
find_button_with_action (GtkWidget  *widget,
                         const char *action)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_actionable_get_action_name (GTK_ACTIONABLE (widget)), action) == 0)
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_button_with_action (child, action);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
lrs_row_shown (gpointer data)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  GtkWidget *group = lateral_class_results_window_get_import_group (data);

  collect_rows (group, rows);
  return gtk_widget_get_visible (group) && rows->len == 1 &&
         g_strcmp0 (adw_preferences_row_get_title (rows->pdata[0]), "The School’s LRS") == 0 &&
         g_str_has_prefix (adw_action_row_get_subtitle (rows->pdata[0]), "Refused: Could not reach the LRS");
}

/* Class Results: the fetch button is there only with an LRS configured; a
 * fetch that cannot reach it runs off the main loop and says why. */
static void
test_class_results_fetch (void)
{
  LateralWindow *main_window = lateral_test_case_open_window (400, 800);
  g_autoptr(LateralPackRegistry) registry = lateral_pack_registry_new ();
  LateralClassResultsWindow *results;
  GtkWidget *button;
  Ticker ticker = { 0 };
  guint tick_id;

  results = lateral_class_results_window_new (GTK_WINDOW (main_window), lateral_window_get_store (main_window), registry);
  button = find_button_with_action (GTK_WIDGET (results), "results.fetch-lrs");
  g_assert_nonnull (button);
  g_assert_false (gtk_widget_get_visible (button));
  gtk_window_destroy (GTK_WINDOW (results));

  write_config ();
  results = lateral_class_results_window_new (GTK_WINDOW (main_window), lateral_window_get_store (main_window), registry);
  gtk_window_present (GTK_WINDOW (results));
  lateral_test_ui_wait_drawn (GTK_WIDGET (results));
  button = find_button_with_action (GTK_WIDGET (results), "results.fetch-lrs");
  g_assert_true (gtk_widget_get_visible (button));

  tick_id = g_timeout_add (50, tick, &ticker);
  gtk_widget_activate_action (GTK_WIDGET (results), "results.fetch-lrs", NULL);
  g_assert_true (lateral_test_ui_wait_until (lrs_row_shown, results, 20000));
  g_source_remove (tick_id);
  lateral_test_ui_check_gap ("fetch from the LRS", ticker.longest, 250 * 1000);

  gtk_window_destroy (GTK_WINDOW (results));
  gtk_window_destroy (GTK_WINDOW (main_window));
  remove_config ();
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add_func ("/ui/lrs/off-without-config", test_off_without_config);
  g_test_add_func ("/ui/lrs/queued-offline", test_queued_offline);
  g_test_add_func ("/ui/lrs/sent-online", test_sent_online);
  g_test_add_func ("/ui/lrs/class-results-fetch", test_class_results_fetch);

  return g_test_run ();
}
