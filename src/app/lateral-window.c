/* lateral-window.c
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "lateral-window.h"

struct _LateralWindow
{
  AdwApplicationWindow  parent_instance;

  AdwToastOverlay      *toast_overlay;
  GtkStack             *main_stack;
};

G_DEFINE_FINAL_TYPE (LateralWindow, lateral_window, ADW_TYPE_APPLICATION_WINDOW)

static GSettings *
lateral_window_get_settings (LateralWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (!LATERAL_IS_APPLICATION (app))
    return NULL;

  return lateral_application_get_settings (LATERAL_APPLICATION (app));
}

static void
lateral_window_restore_state (LateralWindow *self)
{
  GSettings *settings = lateral_window_get_settings (self);

  if (settings == NULL)
    return;

  gtk_window_set_default_size (GTK_WINDOW (self),
                               g_settings_get_int (settings, "window-width"),
                               g_settings_get_int (settings, "window-height"));
  if (g_settings_get_boolean (settings, "window-maximized"))
    gtk_window_maximize (GTK_WINDOW (self));
}

static gboolean
lateral_window_close_request (GtkWindow *window)
{
  LateralWindow *self = LATERAL_WINDOW (window);
  GSettings *settings = lateral_window_get_settings (self);

  if (settings != NULL)
    {
      int width, height;

      /* The default size tracks the unmaximized size, which is the one
       * worth restoring. */
      gtk_window_get_default_size (window, &width, &height);
      g_settings_delay (settings);
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
      g_settings_set_boolean (settings, "window-maximized", gtk_window_is_maximized (window));
      g_settings_apply (settings);
    }

  return GTK_WINDOW_CLASS (lateral_window_parent_class)->close_request (window);
}

LateralWindow *
lateral_window_new (LateralApplication *application)
{
  LateralWindow *self;

  g_return_val_if_fail (LATERAL_IS_APPLICATION (application), NULL);

  self = g_object_new (LATERAL_TYPE_WINDOW,
                       "application", application,
                       NULL);
  /* Not in constructed(): "application" is not a construct property, so the
   * window only knows its application (and its settings) from here on. */
  lateral_window_restore_state (self);

  return self;
}

static void
lateral_window_class_init (LateralWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  window_class->close_request = lateral_window_close_request;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LateralWindow, main_stack);
}

static void
lateral_window_init (LateralWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
