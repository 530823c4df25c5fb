/* lateral-preview-window.c: an author's pack, reloaded on every save
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * `lateral --preview FILE`: an author's pack, straight from their file, in a
 * window of its own. Every save reloads it; the step shown stays where its
 * id still exists; a broken save shows the problems (line, column, JSON
 * path) instead of the case, and the next good save brings the case back.
 * The LateralPlay has no store, so nothing is recorded and no database is
 * even opened.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "case/lateral-case-view.h"
#include "lateral-preview-window.h"

/* Editors save in bursts (write, rename, chmod): one reload per save. */
#define RELOAD_DELAY_MS 200

struct _LateralPreviewWindow
{
  AdwApplicationWindow  parent_instance;

  AdwWindowTitle       *window_title;
  GtkStack             *stack;
  AdwComboRow          *step_row;
  LateralCaseView      *case_view;
  GtkLabel             *problems_title;
  GtkListBox           *problems_list;

  GFile                *file;
  GFileMonitor         *monitor;    /* on the folder: editors replace files by rename */
  guint                 reload_id;
  LateralPlay          *play;       /* NULL while the file has problems */
  char                 *step_id;    /* the step to come back to */
  GPtrArray            *problems;   /* of LateralDiagnostic */
  guint                 n_reloads;
  gboolean              updating;
};

G_DEFINE_FINAL_TYPE (LateralPreviewWindow, lateral_preview_window, ADW_TYPE_APPLICATION_WINDOW)

static char *
format_problem (const LateralDiagnostic *diagnostic)
{
  const char *path = diagnostic->path != NULL && diagnostic->path[0] != '\0' ? diagnostic->path : NULL;

  if (diagnostic->line > 0 && path != NULL)
    /* TRANSLATORS: a problem in a pack: line, column, JSON path, message */
    return g_strdup_printf (_("line %u, column %u — %s: %s"), diagnostic->line, diagnostic->column,
                            path, diagnostic->message);
  if (diagnostic->line > 0)
    return g_strdup_printf (_("line %u, column %u — %s"), diagnostic->line, diagnostic->column,
                            diagnostic->message);
  if (path != NULL)
    return g_strdup_printf (_("%s: %s"), path, diagnostic->message);
  return g_strdup (diagnostic->message);
}

static void
show_problems (LateralPreviewWindow *self)
{
  g_autofree char *name = g_file_get_basename (self->file);
  g_autofree char *title = NULL;
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->problems_list))) != NULL)
    gtk_list_box_remove (self->problems_list, child);

  title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                        "This Pack Has %u Problem",
                                        "This Pack Has %u Problems",
                                        self->problems->len),
                           self->problems->len);
  gtk_label_set_text (self->problems_title, title);
  adw_window_title_set_title (self->window_title, name);

  for (guint i = 0; i < self->problems->len; i++)
    {
      g_autofree char *text = format_problem (g_ptr_array_index (self->problems, i));
      GtkWidget *label = gtk_label_new (text);

      /* Selectable, so an author can copy the path into a search. */
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_widget_set_margin_top (label, 12);
      gtk_widget_set_margin_bottom (label, 12);
      gtk_widget_set_margin_start (label, 12);
      gtk_widget_set_margin_end (label, 12);
      gtk_list_box_append (self->problems_list, label);
    }

  g_clear_object (&self->play);
  lateral_case_view_set_play (self->case_view, NULL);
  gtk_stack_set_visible_child_name (self->stack, "problems");
}

static void
fill_steps (LateralPreviewWindow *self,
            LateralPack          *pack)
{
  g_autoptr(GtkStringList) steps = gtk_string_list_new (NULL);

  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);
      g_autofree char *label = NULL;

      if (step->type == LATERAL_STEP_CLAIM)
        /* TRANSLATORS: an entry of the step list: number, "Claim", the step id */
        label = g_strdup_printf (_("%u. Claim: %s"), i + 1, step->id);
      else
        label = g_strdup_printf (_("%u. %s"), i + 1, step->title != NULL ? step->title : step->id);
      gtk_string_list_append (steps, label);
    }

  self->updating = TRUE;
  adw_combo_row_set_model (self->step_row, G_LIST_MODEL (steps));
  self->updating = FALSE;
}

static void
show_pack (LateralPreviewWindow *self,
           LateralPack          *pack)
{
  g_autoptr(GError) error = NULL;
  const LateralStep *step = self->step_id != NULL ? lateral_pack_find_step (pack, self->step_id) : NULL;

  g_clear_object (&self->play);
  self->play = lateral_play_new (NULL, pack, NULL, NULL, &error);
  g_assert (self->play != NULL);
  if (step != NULL)
    lateral_play_go_to (self->play, step->index);

  adw_window_title_set_title (self->window_title, lateral_pack_get_title (pack));
  fill_steps (self, pack);
  gtk_stack_set_visible_child_name (self->stack, "case");
  lateral_case_view_set_play (self->case_view, self->play);
}

/**
 * lateral_preview_window_reload:
 *
 * Reads the file again now, as a save does after a short delay.
 *
 * Returns: whether the file is a valid pack
 */
gboolean
lateral_preview_window_reload (LateralPreviewWindow *self)
{
  g_autofree char *path = NULL;
  g_autoptr(GPtrArray) diagnostics = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = NULL;

  g_return_val_if_fail (LATERAL_IS_PREVIEW_WINDOW (self), FALSE);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->n_reloads++;
  path = g_file_get_path (self->file);
  if (path != NULL)
    pack = lateral_pack_load_file (path, &diagnostics, &error);
  g_ptr_array_set_size (self->problems, 0);

  if (pack == NULL)
    {
      /* The errors that stop the case; warnings of a /1 pack wait until it loads. */
      for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
        {
          LateralDiagnostic *diagnostic = g_ptr_array_index (diagnostics, i);

          if (diagnostic->severity == LATERAL_DIAGNOSTIC_ERROR)
            g_ptr_array_add (self->problems, lateral_diagnostic_copy (diagnostic));
        }
      if (self->problems->len == 0)
        {
          LateralDiagnostic *problem = g_new0 (LateralDiagnostic, 1);

          problem->file = g_strdup (path);
          problem->path = g_strdup ("");
          problem->message = g_strdup (error != NULL ? error->message : _("The file is not on this computer"));
          g_ptr_array_add (self->problems, problem);
        }
      show_problems (self);
      return FALSE;
    }

  show_pack (self, pack);
  return TRUE;
}

static gboolean
reload_cb (gpointer data)
{
  LateralPreviewWindow *self = data;

  self->reload_id = 0;
  lateral_preview_window_reload (self);

  return G_SOURCE_REMOVE;
}

static void
on_folder_changed (GFileMonitor         *monitor,
                   GFile                *file,
                   GFile                *other_file,
                   GFileMonitorEvent     event,
                   LateralPreviewWindow *self)
{
  gboolean ours = g_file_equal (file, self->file) ||
                  (other_file != NULL && g_file_equal (other_file, self->file));

  /* Swap and backup files come and go next to the pack all the time. */
  if (!ours || event == G_FILE_MONITOR_EVENT_ATTRIBUTE_CHANGED)
    return;

  g_clear_handle_id (&self->reload_id, g_source_remove);
  self->reload_id = g_timeout_add (RELOAD_DELAY_MS, reload_cb, self);
}

static void
on_step_shown (LateralPreviewWindow *self)
{
  const LateralStep *step;

  if (self->play == NULL)
    return;

  step = lateral_play_get_current_step (self->play);
  g_free (self->step_id);
  self->step_id = g_strdup (step->id);

  self->updating = TRUE;
  adw_combo_row_set_selected (self->step_row, step->index);
  self->updating = FALSE;
}

/**
 * lateral_preview_window_go_to:
 *
 * Shows step @index, answered or not; what the step list does.
 *
 * Returns: %FALSE when there is no such step or the file has problems
 */
gboolean
lateral_preview_window_go_to (LateralPreviewWindow *self,
                              guint                 index)
{
  g_return_val_if_fail (LATERAL_IS_PREVIEW_WINDOW (self), FALSE);

  if (self->play == NULL || !lateral_play_go_to (self->play, index))
    return FALSE;

  lateral_case_view_set_play (self->case_view, self->play);
  return TRUE;
}

static void
on_step_selected (LateralPreviewWindow *self)
{
  guint selected = adw_combo_row_get_selected (self->step_row);

  if (self->updating || selected == GTK_INVALID_LIST_POSITION)
    return;
  lateral_preview_window_go_to (self, selected);
}

/* Returns: (transfer none) (nullable): the play shown, NULL while the file has problems */
LateralPlay *
lateral_preview_window_get_play (LateralPreviewWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_PREVIEW_WINDOW (self), NULL);

  return self->play;
}

/* Returns: (transfer none): of LateralDiagnostic, empty when the file is valid */
GPtrArray *
lateral_preview_window_get_problems (LateralPreviewWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_PREVIEW_WINDOW (self), NULL);

  return self->problems;
}

guint
lateral_preview_window_get_n_reloads (LateralPreviewWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_PREVIEW_WINDOW (self), 0);

  return self->n_reloads;
}

static void
reload_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  lateral_preview_window_reload (LATERAL_PREVIEW_WINDOW (widget));
}

/* The end of the case: the preview has no summary to show (nothing was
 * recorded), so it starts over. */
static void
show_summary_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  lateral_preview_window_go_to (LATERAL_PREVIEW_WINDOW (widget), 0);
}

LateralPreviewWindow *
lateral_preview_window_new (GtkApplication *application,
                            GFile          *file)
{
  LateralPreviewWindow *self;
  g_autoptr(GFile) folder = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (GTK_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (G_IS_FILE (file), NULL);

  self = g_object_new (LATERAL_TYPE_PREVIEW_WINDOW, "application", application, NULL);
  self->file = g_object_ref (file);

  folder = g_file_get_parent (file);
  if (folder != NULL)
    self->monitor = g_file_monitor_directory (folder, G_FILE_MONITOR_WATCH_MOVES, NULL, &error);
  if (self->monitor != NULL)
    g_signal_connect (self->monitor, "changed", G_CALLBACK (on_folder_changed), self);
  else if (error != NULL)
    g_message ("Cannot watch %s, use Reload after saving: %s", g_file_peek_path (folder), error->message);

  lateral_preview_window_reload (self);

  return self;
}

static void
lateral_preview_window_dispose (GObject *object)
{
  LateralPreviewWindow *self = LATERAL_PREVIEW_WINDOW (object);

  g_clear_handle_id (&self->reload_id, g_source_remove);
  if (self->monitor != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->monitor, self);
      g_file_monitor_cancel (self->monitor);
      g_clear_object (&self->monitor);
    }

  G_OBJECT_CLASS (lateral_preview_window_parent_class)->dispose (object);
}

static void
lateral_preview_window_finalize (GObject *object)
{
  LateralPreviewWindow *self = LATERAL_PREVIEW_WINDOW (object);

  g_clear_object (&self->file);
  g_clear_object (&self->play);
  g_clear_pointer (&self->step_id, g_free);
  g_clear_pointer (&self->problems, g_ptr_array_unref);

  G_OBJECT_CLASS (lateral_preview_window_parent_class)->finalize (object);
}

static void
lateral_preview_window_class_init (LateralPreviewWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_preview_window_dispose;
  object_class->finalize = lateral_preview_window_finalize;

  g_type_ensure (LATERAL_TYPE_CASE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-preview-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralPreviewWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, LateralPreviewWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, LateralPreviewWindow, step_row);
  gtk_widget_class_bind_template_child (widget_class, LateralPreviewWindow, case_view);
  gtk_widget_class_bind_template_child (widget_class, LateralPreviewWindow, problems_title);
  gtk_widget_class_bind_template_child (widget_class, LateralPreviewWindow, problems_list);
  gtk_widget_class_bind_template_callback (widget_class, on_step_selected);
  gtk_widget_class_bind_template_callback (widget_class, on_step_shown);

  gtk_widget_class_install_action (widget_class, "preview.reload", NULL, reload_action);
  gtk_widget_class_install_action (widget_class, "win.show-summary", NULL, show_summary_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, "preview.reload", NULL);
}

static void
lateral_preview_window_init (LateralPreviewWindow *self)
{
  self->problems = g_ptr_array_new_with_free_func ((GDestroyNotify) lateral_diagnostic_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}
