/* lateral-application.c: the application: command line, actions, windows,
 * settings
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-application.h"
#include "preview/lateral-preview-window.h"
#include "lateral-window.h"

struct _LateralApplication
{
  AdwApplication  parent_instance;

  GSettings      *settings;
};

G_DEFINE_FINAL_TYPE (LateralApplication, lateral_application, ADW_TYPE_APPLICATION)

static const GOptionEntry main_entries[] = {
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version and exit"), NULL },
  { "pack", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Open the case with this id"), N_("ID") },
  { "profile", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Play as this learner, created on first use"), N_("NAME") },
  { "class", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Record the attempt for this class"), N_("CODE") },
  { "preview", 0, 0, G_OPTION_ARG_FILENAME, NULL, N_("Preview a pack from its file, reloaded on every save; records nothing"), N_("FILE") },
  { "measure", 0, 0, G_OPTION_ARG_STRING, NULL, N_("Offer this headline test (such as mist-20) before every case and after it"), N_("ID") },
  { NULL }
};

LateralApplication *
lateral_application_new (void)
{
  return g_object_new (LATERAL_TYPE_APPLICATION,
                       "application-id", APPLICATION_ID,
                       "flags", G_APPLICATION_HANDLES_COMMAND_LINE,
                       "resource-base-path", RESOURCE_BASE,
                       NULL);
}

/* Returns (nullable): the settings, or NULL when the schema is not installed
 * (a build run straight from the tree without GSETTINGS_SCHEMA_DIR); the app
 * then works but forgets its window size. */
GSettings *
lateral_application_get_settings (LateralApplication *self)
{
  g_return_val_if_fail (LATERAL_IS_APPLICATION (self), NULL);

  return self->settings;
}

static int
lateral_application_handle_local_options (GApplication *app,
                                          GVariantDict *options)
{
  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("lateral %s\n", PACKAGE_VERSION);
      return 0;
    }

  return -1;
}

static void
lateral_application_activate (GApplication *app)
{
  GtkWindow *window;

  g_assert (LATERAL_IS_APPLICATION (app));

  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (window == NULL)
    window = GTK_WINDOW (lateral_window_new (LATERAL_APPLICATION (app)));

  gtk_window_present (window);
}

/* `lateral --pack ID --profile NAME [--class CODE]` opens straight into the
 * case, so a lab login script can start a whole class on it. Handled in the
 * primary instance, so it also works when Lateral is already running. */
static int
lateral_application_command_line (GApplication            *app,
                                  GApplicationCommandLine *command_line)
{
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  const char *pack_id = NULL, *profile_name = NULL, *class_code = NULL, *preview = NULL, *measure_id = NULL;
  GtkWindow *window;

  /* An author's preview opens no results database, so not the main window. */
  if (g_variant_dict_lookup (options, "preview", "^&ay", &preview))
    {
      g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, preview);

      gtk_window_present (GTK_WINDOW (lateral_preview_window_new (GTK_APPLICATION (app), file)));
      return 0;
    }

  g_variant_dict_lookup (options, "pack", "&s", &pack_id);
  g_variant_dict_lookup (options, "profile", "&s", &profile_name);
  g_variant_dict_lookup (options, "class", "&s", &class_code);
  g_variant_dict_lookup (options, "measure", "&s", &measure_id);

  g_application_activate (app);
  window = gtk_application_get_active_window (GTK_APPLICATION (app));
  if (!LATERAL_IS_WINDOW (window))
    return 0;

  /* Asked for by a teacher: the quick check around every case. */
  if (measure_id != NULL)
    lateral_window_set_measure (LATERAL_WINDOW (window), measure_id);
  /* The learner first, so they stay chosen even when the case is unknown. */
  if (profile_name != NULL)
    lateral_window_select_profile (LATERAL_WINDOW (window), profile_name);
  if (pack_id != NULL)
    lateral_window_open_case (LATERAL_WINDOW (window), pack_id, profile_name, class_code);

  return 0;
}

static void
lateral_application_startup (GApplication *app)
{
  LateralApplication *self = LATERAL_APPLICATION (app);
  GSettingsSchemaSource *source;
  g_autoptr(GSettingsSchema) schema = NULL;
  static const char *quit_accels[] = { "<Control>q", NULL };

  G_APPLICATION_CLASS (lateral_application_parent_class)->startup (app);

  source = g_settings_schema_source_get_default ();
  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APPLICATION_ID, TRUE);
  if (schema != NULL)
    self->settings = g_settings_new (APPLICATION_ID);
  else
    g_message ("The settings schema %s is not installed; window size will not be remembered", APPLICATION_ID);

  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
}

static void
lateral_application_quit_action (GSimpleAction *action,
                                 GVariant      *parameter,
                                 gpointer       user_data)
{
  LateralApplication *self = user_data;
  GList *windows;

  g_assert (LATERAL_IS_APPLICATION (self));

  /* Closing each window lets it save its state, as the close button would. */
  windows = gtk_application_get_windows (GTK_APPLICATION (self));
  while (windows != NULL)
    {
      GtkWindow *window = windows->data;
      windows = windows->next;
      gtk_window_close (window);
    }

  g_application_quit (G_APPLICATION (self));
}

static void
lateral_application_about_action (GSimpleAction *action,
                                  GVariant      *parameter,
                                  gpointer       user_data)
{
  LateralApplication *self = user_data;
  static const char *developers[] = { "The Lateral authors", NULL };
  GtkWindow *window;

  g_assert (LATERAL_IS_APPLICATION (self));

  window = gtk_application_get_active_window (GTK_APPLICATION (self));

  adw_show_about_window (window,
                         "application-name", _("Lateral"),
                         "application-icon", APPLICATION_ID,
                         "developer-name", _("The Lateral authors"),
                         "version", PACKAGE_VERSION,
                         "developers", developers,
                         "copyright", "© 2026 The Lateral authors",
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "comments", _("Judge news claims first, then see the facts."),
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static const GActionEntry app_actions[] = {
  { "quit", lateral_application_quit_action },
  { "about", lateral_application_about_action },
};

static void
lateral_application_dispose (GObject *object)
{
  LateralApplication *self = LATERAL_APPLICATION (object);

  g_clear_object (&self->settings);

  G_OBJECT_CLASS (lateral_application_parent_class)->dispose (object);
}

static void
lateral_application_class_init (LateralApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = lateral_application_dispose;

  app_class->activate = lateral_application_activate;
  app_class->command_line = lateral_application_command_line;
  app_class->startup = lateral_application_startup;
  app_class->handle_local_options = lateral_application_handle_local_options;
}

static void
lateral_application_init (LateralApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), main_entries);
  g_action_map_add_action_entries (G_ACTION_MAP (self),
                                   app_actions,
                                   G_N_ELEMENTS (app_actions),
                                   self);
}
