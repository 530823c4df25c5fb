/* lateral-class-results-window.c: the instructor's window: import bundles,
 * read the report
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The instructor's view of a class: results bundles are imported into this
 * machine's database (the same one `lateral-cli import` fills), then one
 * LateralReport is shown for the chosen class code and case. Export and
 * Print use that very report object, so what is printed is what is shown.
 * A separate window, not a page of the main one: an instructor reads it next
 * to the case itself.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "results/lateral-bundle.h"
#include "lateral-class-report.h"
#include "lateral-class-results-window.h"
#include "lateral-class-results-window-private.h"
#include "widgets/lateral-messages.h"


G_DEFINE_FINAL_TYPE (LateralClassResultsWindow, lateral_class_results_window, ADW_TYPE_WINDOW)

static const char *
selected_value (AdwComboRow *row,
                GPtrArray   *values)
{
  guint selected = adw_combo_row_get_selected (row);

  if (values == NULL || selected == GTK_INVALID_LIST_POSITION || selected >= values->len)
    return NULL;
  return g_ptr_array_index (values, selected);
}

static void
set_choices (AdwComboRow *row,
             GPtrArray   *values,
             GPtrArray   *labels,
             const char  *keep)
{
  g_autoptr(GtkStringList) model = gtk_string_list_new (NULL);
  guint selected = 0;

  for (guint i = 0; i < labels->len; i++)
    {
      gtk_string_list_append (model, g_ptr_array_index (labels, i));
      if (keep != NULL && g_strcmp0 (g_ptr_array_index (values, i), keep) == 0)
        selected = i;
    }
  adw_combo_row_set_model (row, G_LIST_MODEL (model));
  adw_combo_row_set_selected (row, selected);
}

static gboolean
ptr_array_has_str (GPtrArray  *array,
                   const char *str)
{
  for (guint i = 0; i < array->len; i++)
    if (g_strcmp0 (g_ptr_array_index (array, i), str) == 0)
      return TRUE;
  return FALSE;
}

/* The choices are what the database holds, not what the registry knows: a
 * class may have played a case this machine does not have. */
static void
update_choices (LateralClassResultsWindow *self,
                LateralReport             *all)
{
  g_autofree char *keep_class = g_strdup (selected_value (self->class_row, self->class_codes));
  g_autofree char *keep_pack = g_strdup (selected_value (self->case_row, self->pack_ids));
  g_autoptr(GPtrArray) class_labels = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GPtrArray) case_labels = g_ptr_array_new_with_free_func (g_free);
  guint n_groups = lateral_report_get_n_groups (all);

  g_clear_pointer (&self->class_codes, g_ptr_array_unref);
  g_clear_pointer (&self->pack_ids, g_ptr_array_unref);
  self->class_codes = g_ptr_array_new_with_free_func (g_free);
  self->pack_ids = g_ptr_array_new_with_free_func (g_free);

  g_ptr_array_add (self->class_codes, NULL);
  g_ptr_array_add (class_labels, g_strdup (_("All classes")));
  g_ptr_array_add (self->pack_ids, NULL);
  g_ptr_array_add (case_labels, g_strdup (_("All cases")));

  for (guint i = 0; i < n_groups; i++)
    {
      const LateralReportGroup *group = lateral_report_get_group (all, i);

      /* Attempts with no class code are shown under "All classes". */
      if (group->class_code != NULL && !ptr_array_has_str (self->class_codes, group->class_code))
        {
          g_ptr_array_add (self->class_codes, g_strdup (group->class_code));
          g_ptr_array_add (class_labels, g_strdup (group->class_code));
        }
      if (!ptr_array_has_str (self->pack_ids, group->pack_id))
        {
          g_ptr_array_add (self->pack_ids, g_strdup (group->pack_id));
          g_ptr_array_add (case_labels, g_strdup (group->pack_title != NULL ? group->pack_title : group->pack_id));
        }
    }

  self->updating = TRUE;
  set_choices (self->class_row, self->class_codes, class_labels, keep_class);
  set_choices (self->case_row, self->pack_ids, case_labels, keep_pack);
  self->updating = FALSE;
}

static void
clear_groups (LateralClassResultsWindow *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->groups_box))) != NULL)
    gtk_box_remove (self->groups_box, child);
}

static void
set_has_results (LateralClassResultsWindow *self,
                 gboolean                   has_results)
{
  gtk_widget_set_visible (GTK_WIDGET (self->empty_page), !has_results);
  gtk_widget_set_visible (GTK_WIDGET (self->filter_group), has_results);
  gtk_widget_set_visible (GTK_WIDGET (self->export_group), has_results);
  gtk_widget_set_visible (self->export_menu_button, has_results);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-csv", has_results);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-pdf", has_results);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.print", has_results);
}

static void
show_report (LateralClassResultsWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint n_groups;

  clear_groups (self);
  g_clear_object (&self->report);

  self->report = lateral_report_new (self->store, self->registry,
                                     selected_value (self->class_row, self->class_codes),
                                     selected_value (self->case_row, self->pack_ids),
                                     &error);
  if (self->report == NULL)
    {
      g_autofree char *text = g_strdup_printf (_("Could not read the results: %s"), error->message);
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
      set_has_results (self, FALSE);
      return;
    }

  n_groups = lateral_report_get_n_groups (self->report);
  for (guint i = 0; i < n_groups; i++)
    gtk_box_append (self->groups_box, lateral_class_report_build_group (lateral_report_get_group (self->report, i)));

  if (n_groups == 0)
    {
      /* Only when this class never played this case. */
      GtkWidget *label = gtk_label_new (_("This class has no results for this case."));

      gtk_widget_add_css_class (label, "dim-label");
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_box_append (self->groups_box, label);
      g_clear_object (&self->report);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-csv", self->report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.export-pdf", self->report != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "results.print", self->report != NULL);
}

static void
refresh (LateralClassResultsWindow *self)
{
  g_autoptr(LateralReport) all = NULL;
  g_autoptr(GError) error = NULL;

  if (self->store == NULL)
    return;

  all = lateral_report_new (self->store, self->registry, NULL, NULL, &error);
  if (all == NULL || lateral_report_get_n_groups (all) == 0)
    {
      if (error != NULL)
        {
          g_autofree char *text = g_strdup_printf (_("Could not read the results: %s"), error->message);
          lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
        }
      clear_groups (self);
      g_clear_object (&self->report);
      set_has_results (self, FALSE);
      return;
    }

  set_has_results (self, TRUE);
  update_choices (self, all);
  show_report (self);
}

static void
on_filter_changed (LateralClassResultsWindow *self)
{
  if (self->updating || self->store == NULL)
    return;
  show_report (self);
}

/**
 * lateral_class_results_window_select:
 * @class_code: (nullable): a class code present in the results, %NULL for all
 * @pack_id: (nullable): a case present in the results, %NULL for all
 *
 * Shows the report for this class and case; a value not in the results
 * selects "All".
 */
void
lateral_class_results_window_select (LateralClassResultsWindow *self,
                                     const char                *class_code,
                                     const char                *pack_id)
{
  guint class_index = 0, pack_index = 0;

  g_return_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self));

  for (guint i = 0; self->class_codes != NULL && i < self->class_codes->len; i++)
    if (class_code != NULL && g_strcmp0 (g_ptr_array_index (self->class_codes, i), class_code) == 0)
      class_index = i;
  for (guint i = 0; self->pack_ids != NULL && i < self->pack_ids->len; i++)
    if (pack_id != NULL && g_strcmp0 (g_ptr_array_index (self->pack_ids, i), pack_id) == 0)
      pack_index = i;

  self->updating = TRUE;
  adw_combo_row_set_selected (self->class_row, class_index);
  adw_combo_row_set_selected (self->case_row, pack_index);
  self->updating = FALSE;
  show_report (self);
}

/* Returns: (transfer none) (nullable): the report shown, NULL when none */
LateralReport *
lateral_class_results_window_get_report (LateralClassResultsWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), NULL);

  return self->report;
}

GtkWidget *
lateral_class_results_window_get_groups_box (LateralClassResultsWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), NULL);

  return GTK_WIDGET (self->groups_box);
}

GtkWidget *
lateral_class_results_window_get_import_group (LateralClassResultsWindow *self)
{
  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), NULL);

  return GTK_WIDGET (self->import_group);
}

static void
clear_import_rows (LateralClassResultsWindow *self)
{
  for (guint i = 0; i < self->import_rows->len; i++)
    adw_preferences_group_remove (self->import_group, g_ptr_array_index (self->import_rows, i));
  g_ptr_array_set_size (self->import_rows, 0);
}

static void
add_import_row (LateralClassResultsWindow *self,
                const char                *title,
                const char                *subtitle,
                const char                *icon_name)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *icon = gtk_image_new_from_icon_name (icon_name);

  /* File names and the core's sentences are plain text. */
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
  adw_preferences_group_add (self->import_group, row);
  g_ptr_array_add (self->import_rows, g_object_ref (row));
}

static char *
format_import_result (const LateralImportResult *result)
{
  g_autoptr(GString) text = g_string_new (NULL);

  /* TRANSLATORS: what one results file brought: attempts added, attempts
   * that gained answers, attempts already here, attempts refused */
  g_string_append_printf (text, _("%u added · %u completed · %u already here · %u refused"),
                          result->n_added, result->n_updated, result->n_present, result->n_rejected);
  if (result->n_pack_missing > 0)
    {
      g_string_append_c (text, '\n');
      g_string_append_printf (text, g_dngettext (GETTEXT_PACKAGE,
                                                 "%u attempt is for a case this computer does not have",
                                                 "%u attempts are for a case this computer does not have",
                                                 result->n_pack_missing),
                              result->n_pack_missing);
    }
  for (guint i = 0; result->rejections != NULL && i < result->rejections->len; i++)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (result->rejections, i));
    }
  for (guint i = 0; result->flagged != NULL && i < result->flagged->len; i++)
    {
      g_string_append_c (text, '\n');
      g_string_append (text, g_ptr_array_index (result->flagged, i));
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/**
 * lateral_class_results_window_import_files:
 * @files: (array length=n_files): results bundles
 *
 * Imports each bundle into the database and lists, per file, what was
 * added, what was already there and what was refused and why. What
 * "Import Results…" and dropping files on the window do.
 *
 * Returns: how many files could be read as bundles
 */
guint
lateral_class_results_window_import_files (LateralClassResultsWindow *self,
                                           GFile * const             *files,
                                           guint                      n_files)
{
  g_autoptr(GPtrArray) packs = NULL;
  guint n_read = 0, n_added = 0;

  g_return_val_if_fail (LATERAL_IS_CLASS_RESULTS_WINDOW (self), 0);
  g_return_val_if_fail (files != NULL || n_files == 0, 0);

  if (self->store == NULL)
    return 0;

  packs = lateral_bundle_list_packs (self->registry);
  clear_import_rows (self);

  for (guint i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      g_autofree char *name = g_file_get_basename (files[i]);
      LateralImportResult result = { 0 };
      g_autoptr(GError) error = NULL;

      if (path == NULL)
        {
          add_import_row (self, name, _("Not refused, not read: copy the file to this computer first"), "dialog-warning-symbolic");
          continue;
        }

      if (!lateral_bundle_import_file (self->store, path, packs, &result, &error))
        {
          /* TRANSLATORS: the file was refused; the reason follows */
          g_autofree char *text = g_strdup_printf (_("Refused: %s"), error->message);
          add_import_row (self, name, text, "dialog-error-symbolic");
        }
      else
        {
          g_autofree char *text = format_import_result (&result);
          add_import_row (self, name, text,
                          result.n_rejected > 0 || result.n_flagged > 0 ? "dialog-warning-symbolic"
                                                                        : "emblem-ok-symbolic");
          n_read++;
          n_added += result.n_added;
        }
      lateral_import_result_clear (&result);
    }

  gtk_widget_set_visible (GTK_WIDGET (self->import_group), n_files > 0);
  refresh (self);

  if (n_files > 0)
    {
      g_autofree char *files_text = NULL;
      g_autofree char *attempts = NULL;
      g_autofree char *text = NULL;

      /* TRANSLATORS: files read as bundles, of the files chosen */
      files_text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u of %u file imported", "%u of %u files imported", n_files),
                                     n_read, n_files);
      attempts = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u new attempt", "%u new attempts", n_added), n_added);
      /* TRANSLATORS: "2 of 3 files imported, 5 new attempts" */
      text = g_strdup_printf (_("%s, %s"), files_text, attempts);
      lateral_messages_toast (GTK_WIDGET (self->toast_overlay), text);
    }

  return n_read;
}

static void
on_import_response (GtkNativeDialog           *native,
                    int                        response,
                    LateralClassResultsWindow *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) list = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (native));
      g_autoptr(GPtrArray) files = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        g_ptr_array_add (files, g_list_model_get_item (list, i));
      lateral_class_results_window_import_files (self, (GFile * const *) files->pdata, files->len);
    }

  g_object_unref (native);
}

static GtkFileFilter *
json_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _("Results files (JSON)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");

  return filter;
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = json_filter ();
  GtkFileChooserNative *native;

  native = gtk_file_chooser_native_new (_("Import Results Files"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_OPEN,
                                        _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static gboolean
on_drop (GtkDropTarget             *target,
         const GValue              *value,
         double                     x,
         double                     y,
         LateralClassResultsWindow *self)
{
  GdkFileList *list = g_value_get_boxed (value);
  g_autoptr(GPtrArray) files = g_ptr_array_new ();

  for (GSList *l = list != NULL ? gdk_file_list_get_files (list) : NULL; l != NULL; l = l->next)
    g_ptr_array_add (files, l->data);
  if (files->len == 0)
    return FALSE;

  lateral_class_results_window_import_files (self, (GFile * const *) files->pdata, files->len);
  return TRUE;
}

LateralClassResultsWindow *
lateral_class_results_window_new (GtkWindow           *parent,
                                  LateralStore        *store,
                                  LateralPackRegistry *registry)
{
  LateralClassResultsWindow *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (store == NULL || LATERAL_IS_STORE (store), NULL);
  g_return_val_if_fail (LATERAL_IS_PACK_REGISTRY (registry), NULL);

  self = g_object_new (LATERAL_TYPE_CLASS_RESULTS_WINDOW,
                       "transient-for", parent,
                       "destroy-with-parent", TRUE,
                       NULL);
  if (parent != NULL)
    gtk_window_set_application (GTK_WINDOW (self), gtk_window_get_application (parent));
  self->store = store != NULL ? g_object_ref (store) : NULL;
  self->registry = g_object_ref (registry);
  refresh (self);

  return self;
}

static void
lateral_class_results_window_finalize (GObject *object)
{
  LateralClassResultsWindow *self = LATERAL_CLASS_RESULTS_WINDOW (object);

  g_clear_object (&self->report);
  g_clear_object (&self->store);
  g_clear_object (&self->registry);
  g_clear_pointer (&self->class_codes, g_ptr_array_unref);
  g_clear_pointer (&self->pack_ids, g_ptr_array_unref);
  g_clear_pointer (&self->import_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (lateral_class_results_window_parent_class)->finalize (object);
}

static void
lateral_class_results_window_class_init (LateralClassResultsWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lateral_class_results_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-class-results-window.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, import_group);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, filter_group);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, class_row);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, case_row);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, groups_box);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, export_group);
  gtk_widget_class_bind_template_child (widget_class, LateralClassResultsWindow, export_menu_button);
  gtk_widget_class_bind_template_callback (widget_class, on_filter_changed);

  gtk_widget_class_install_action (widget_class, "results.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "results.export-csv", NULL, lateral_class_results_window_export_action);
  gtk_widget_class_install_action (widget_class, "results.export-pdf", NULL, lateral_class_results_window_export_action);
  gtk_widget_class_install_action (widget_class, "results.print", NULL, lateral_class_results_window_print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_o, GDK_CONTROL_MASK, "results.import", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "results.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_w, GDK_CONTROL_MASK, "window.close", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
lateral_class_results_window_init (LateralClassResultsWindow *self)
{
  GtkDropTarget *target;

  self->import_rows = g_ptr_array_new_with_free_func (g_object_unref);
  gtk_widget_init_template (GTK_WIDGET (self));

  target = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (target, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));

  set_has_results (self, FALSE);
}
