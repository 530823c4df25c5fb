/* lateral-packs-page.c: Manage Cases: the packs on this computer, their
 * languages and warnings, added and removed
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * "Manage Cases": the packs the registry offers, where each comes from, and
 * the way to add or remove the user's own. The page only asks; the files are
 * handled by the core (lateral-pack-install.h). Every change that replaces
 * or removes something is confirmed in an AdwMessageDialog first.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pack/lateral-language.h"
#include "pack/lateral-pack-install.h"
#include "report/lateral-answer-key.h"
#include "widgets/lateral-text-row.h"
#include "widgets/lateral-messages.h"
#include "lateral-packs-page.h"

struct _LateralPacksPage
{
  AdwBin               parent_instance;

  AdwPreferencesGroup *packs_group;

  LateralPackRegistry *registry;
  GPtrArray           *rows;
  GCancellable        *cancellable;  /* opening files, reloading; cancelled in dispose */
  GtkWidget           *spinner;      /* spins while work runs in a thread */
  guint                n_working;    /* tasks running */
  guint                reload_serial; /* the newest reload: an older one is dropped */
};

G_DEFINE_FINAL_TYPE (LateralPacksPage, lateral_packs_page, ADW_TYPE_BIN)

static const char *
origin_label (LateralPackOrigin origin)
{
  switch (origin)
    {
    case LATERAL_PACK_ORIGIN_BUILTIN:
      return _("Built-in");
    case LATERAL_PACK_ORIGIN_USER:
      return _("Yours");
    case LATERAL_PACK_ORIGIN_SYSTEM:
      return _("School-wide");
    case LATERAL_PACK_ORIGIN_FILE:
    default:
      return _("From a file");
    }
}

static void
on_remove_clicked (GtkButton        *button,
                   LateralPacksPage *self)
{
  lateral_packs_page_remove (self, g_object_get_data (G_OBJECT (button), "pack-id"));
}

static void show_warnings (LateralPacksPage *self,
                           LateralPack      *pack);

static void
on_warnings_clicked (GtkButton        *button,
                     LateralPacksPage *self)
{
  show_warnings (self, g_object_get_data (G_OBJECT (button), "pack"));
}

/* "English, Español": the language shown first, then the others. */
static char *
languages_label (LateralPacksPage *self,
                 LateralPack      *pack)
{
  GPtrArray *files = lateral_pack_registry_get_translations (self->registry, lateral_pack_get_id (pack));
  GString *label = g_string_new (lateral_language_get_autonym (lateral_pack_get_language (pack)));

  for (guint i = 0; files != NULL && i < files->len; i++)
    {
      LateralPack *other = g_ptr_array_index (files, i);

      if (other != pack)
        g_string_append_printf (label, ", %s", lateral_language_get_autonym (lateral_pack_get_language (other)));
    }
  return g_string_free (label, FALSE);
}

/* A pack with warnings (a lateral-pack/1 case that breaks a
 * judge-before-you-know rule, or hints about a draft) loads: a button on its
 * row lists them. Built-in cases are checked by the project's own tests:
 * their hints are for its authors, not for a teacher choosing a case. */
static void
add_warnings_button (LateralPacksPage *self,
                     GtkWidget        *row,
                     LateralPack      *pack)
{
  GPtrArray *warnings = lateral_pack_get_warnings (pack);
  GtkWidget *button;
  g_autofree char *label = NULL;

  if (warnings->len == 0 || lateral_pack_get_origin (pack) == LATERAL_PACK_ORIGIN_BUILTIN)
    return;

  button = gtk_button_new_from_icon_name ("dialog-warning-symbolic");
  /* TRANSLATORS: the accessible name of a button; %u warnings, %s the case's title */
  label = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Show %u warning about “%s”", "Show %u warnings about “%s”",
                                        warnings->len),
                           warnings->len, lateral_pack_get_title (pack));
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Warnings"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_add_css_class (button, "warning");
  g_object_set_data_full (G_OBJECT (button), "pack", g_object_ref (pack), g_object_unref);
  g_signal_connect (button, "clicked", G_CALLBACK (on_warnings_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
on_print_clicked (GtkButton        *button,
                  LateralPacksPage *self)
{
  lateral_packs_page_print_key (self, g_object_get_data (G_OBJECT (button), "pack-id"));
}

static void
add_print_button (LateralPacksPage *self,
                  GtkWidget        *row,
                  LateralPack      *pack)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("document-print-symbolic");
  /* TRANSLATORS: the accessible name of a case's print button; %s is the case's title */
  g_autofree char *label = g_strdup_printf (_("Print the answer key of “%s”"), lateral_pack_get_title (pack));

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_set_tooltip_text (button, _("Print Answer Key"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "pack-id", g_strdup (lateral_pack_get_id (pack)), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (on_print_clicked), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
}

static void
add_pack_row (LateralPacksPage *self,
              LateralPack      *pack)
{
  GtkWidget *row;
  g_autofree char *subtitle = NULL;
  g_autofree char *languages = languages_label (self, pack);

  /* TRANSLATORS: "version 1.0.0 · English, Español · Built-in": version, languages, where it comes from */
  subtitle = g_strdup_printf (_("version %s · %s · %s"), lateral_pack_get_version (pack), languages,
                              origin_label (lateral_pack_get_origin (pack)));
  row = lateral_text_row_new (lateral_pack_get_title (pack), subtitle);

  add_warnings_button (self, row, pack);
  add_print_button (self, row, pack);

  if (lateral_pack_get_origin (pack) == LATERAL_PACK_ORIGIN_USER)
    {
      GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
      /* TRANSLATORS: the accessible name of the remove button; %s is the case's title */
      g_autofree char *label = g_strdup_printf (_("Remove “%s”"), lateral_pack_get_title (pack));

      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_set_tooltip_text (button, _("Remove"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (button), "pack-id", g_strdup (lateral_pack_get_id (pack)), g_free);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_clicked), self);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
    }

  adw_preferences_group_add (self->packs_group, row);
  g_ptr_array_add (self->rows, g_object_ref (row));
}

void
lateral_packs_page_refresh (LateralPacksPage *self)
{
  GListModel *packs;

  g_return_if_fail (LATERAL_IS_PACKS_PAGE (self));

  for (guint i = 0; i < self->rows->len; i++)
    adw_preferences_group_remove (self->packs_group, g_ptr_array_index (self->rows, i));
  g_ptr_array_set_size (self->rows, 0);

  if (self->registry == NULL)
    return;

  packs = lateral_pack_registry_get_packs (self->registry);
  for (guint i = 0; i < g_list_model_get_n_items (packs); i++)
    {
      g_autoptr(LateralPack) pack = g_list_model_get_item (packs, i);
      add_pack_row (self, pack);
    }
}

void
lateral_packs_page_set_registry (LateralPacksPage    *self,
                                 LateralPackRegistry *registry)
{
  g_return_if_fail (LATERAL_IS_PACKS_PAGE (self));
  g_return_if_fail (registry == NULL || LATERAL_IS_PACK_REGISTRY (registry));

  g_set_object (&self->registry, registry);
  lateral_packs_page_refresh (self);
}

/* Returns: (transfer none): the group of pack rows, for tests */
GtkWidget *
lateral_packs_page_get_group (LateralPacksPage *self)
{
  g_return_val_if_fail (LATERAL_IS_PACKS_PAGE (self), NULL);

  return GTK_WIDGET (self->packs_group);
}

/* "busy" while a task runs, for lateral_packs_page_is_busy(); the spinner
 * in the group's header shows it. */
static void
set_working (LateralPacksPage *self,
             gboolean          working)
{
  if (working)
    self->n_working++;
  else if (self->n_working > 0)
    self->n_working--;

  if (self->n_working > 0)
    gtk_widget_add_css_class (GTK_WIDGET (self), "busy");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self), "busy");
  gtk_widget_set_visible (self->spinner, self->n_working > 0);
  gtk_spinner_set_spinning (GTK_SPINNER (self->spinner), self->n_working > 0);
}

typedef struct {
  LateralPackRegistry *loaded;
  guint                serial;
} ReloadData;

static void
reload_data_free (ReloadData *reload)
{
  g_clear_object (&reload->loaded);
  g_free (reload);
}

/* Scans every pack folder (every pack parsed and checked) into a registry
 * of its own; the page's registry is only touched back on the main loop. */
static void
reload_in_thread (GTask        *task,
                  gpointer      source_object,
                  gpointer      task_data,
                  GCancellable *cancellable)
{
  ReloadData *reload = task_data;
  GError *error = NULL;

  if (!lateral_pack_registry_load (reload->loaded, &error))
    g_task_return_error (task, error);
  else
    g_task_return_boolean (task, TRUE);
}

/* @user_data is the page, not referenced (see lateral-pack-picture.c): it
 * is touched only while the cancellable, cancelled in dispose, is not. */
static void
on_reloaded (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = G_TASK (result);
  ReloadData *reload = g_task_get_task_data (task);
  LateralPacksPage *self;
  g_autoptr(GError) error = NULL;
  gboolean ok;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;
  self = user_data;
  ok = g_task_propagate_boolean (task, &error);
  set_working (self, FALSE);
  if (reload->serial != self->reload_serial || self->registry == NULL)
    return;
  lateral_pack_registry_adopt (self->registry, reload->loaded);
  if (!ok)
    lateral_messages_toast (GTK_WIDGET (self), error->message);
  lateral_packs_page_refresh (self);
}

/* After an install or a removal: the folders are read again in a GTask,
 * never on the main loop. */
static void
reload_registry (LateralPacksPage *self)
{
  g_autoptr(GTask) task = NULL;
  ReloadData *reload;

  if (self->registry == NULL)
    return;

  reload = g_new0 (ReloadData, 1);
  reload->loaded = lateral_pack_registry_new_like (self->registry);
  reload->serial = ++self->reload_serial;
  task = g_task_new (NULL, self->cancellable, on_reloaded, self);
  g_task_set_source_tag (task, reload_registry);
  g_task_set_task_data (task, reload, (GDestroyNotify) reload_data_free);
  set_working (self, TRUE);
  g_task_run_in_thread (task, reload_in_thread);
}

static void
install (LateralPacksPage *self,
         LateralPack      *pack)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;

  if (!lateral_pack_install (self->registry, pack, NULL, &error))
    {
      AdwMessageDialog *dialog = lateral_messages_dialog_new (GTK_WIDGET (self), _("The Case Could Not Be Imported"), error->message);

      adw_message_dialog_add_response (dialog, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }

  reload_registry (self);
  /* TRANSLATORS: %s is the case's title */
  text = g_strdup_printf (_("“%s” was added to your cases"), lateral_pack_get_title (pack));
  lateral_messages_toast (GTK_WIDGET (self), text);
}

static void
on_replace_response (AdwMessageDialog *dialog,
                     const char       *response,
                     LateralPacksPage *self)
{
  LateralPack *pack = g_object_get_data (G_OBJECT (dialog), "pack");

  if (g_strcmp0 (response, "replace") == 0)
    install (self, pack);
}

/* The errors of @diagnostics, or with @warnings its warnings. */
static char *
format_problems (GPtrArray *diagnostics,
                 gboolean   warnings)
{
  g_autoptr(GString) text = g_string_new (NULL);

  for (guint i = 0; diagnostics != NULL && i < diagnostics->len; i++)
    {
      const LateralDiagnostic *d = g_ptr_array_index (diagnostics, i);

      if ((d->severity == LATERAL_DIAGNOSTIC_WARNING) != warnings)
        continue;

      if (text->len > 0)
        g_string_append (text, "\n\n");
      if (d->line > 0)
        /* TRANSLATORS: a problem in a pack: line, column, JSON path, message */
        g_string_append_printf (text, _("line %u, column %u — %s: %s"), d->line, d->column,
                                d->path[0] != '\0' ? d->path : _("the whole file"), d->message);
      else
        g_string_append (text, d->message);
    }

  return g_string_free (g_steal_pointer (&text), FALSE);
}

/* Selectable text in a scroller, so the author can copy a path into their editor. */
static GtkWidget *
problems_view (const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *scroller;

  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_yalign (GTK_LABEL (label), 0);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  /* A wrapped label under-reports its height: give the list room. */
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 180);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 360);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), label);
  return scroller;
}

static void
show_warnings (LateralPacksPage *self,
               LateralPack      *pack)
{
  g_autofree char *warnings = format_problems (lateral_pack_get_warnings (pack), TRUE);
  g_autofree char *heading = g_strdup_printf (_("Warnings About “%s”"), lateral_pack_get_title (pack));
  AdwMessageDialog *dialog;

  dialog = lateral_messages_dialog_new (GTK_WIDGET (self), heading,
                                        _("This case plays, but its author may want to fix these. A case written for lateral-pack/1, before the rule that a learner sees nothing dated after the claim they judge, may break that rule:"));
  adw_message_dialog_set_extra_child (dialog, problems_view (warnings));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_problems (LateralPacksPage *self,
               GFile            *file,
               GPtrArray        *diagnostics,
               const GError     *error)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *problems = format_problems (diagnostics, FALSE);
  g_autofree char *heading = g_strdup_printf (_("“%s” Cannot Be Imported"), name);
  AdwMessageDialog *dialog;

  dialog = lateral_messages_dialog_new (GTK_WIDGET (self), heading, _("Nothing was copied. Fix these problems in the file, then import it again:"));
  adw_message_dialog_set_extra_child (dialog, problems_view (problems[0] != '\0' ? problems : error->message));
  adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
ask_replace (LateralPacksPage       *self,
             LateralPack            *pack,
             LateralPack            *installed,
             LateralPackInstallKind  kind)
{
  g_autofree char *heading = NULL;
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;
  gboolean can_replace = lateral_pack_get_origin (installed) == LATERAL_PACK_ORIGIN_USER ||
                         kind == LATERAL_PACK_INSTALL_UPGRADE;

  if (kind == LATERAL_PACK_INSTALL_UPGRADE)
    {
      heading = g_strdup_printf (_("Replace Version %s with Version %s?"),
                                 lateral_pack_get_version (installed), lateral_pack_get_version (pack));
      body = g_strdup_printf (_("“%s” is installed. Results recorded with the older version stay."),
                              lateral_pack_get_title (installed));
    }
  else if (can_replace)
    {
      heading = g_strdup_printf (_("Version %s Is Already Installed"), lateral_pack_get_version (installed));
      body = g_strdup_printf (_("The file holds version %s of “%s”. Replace the installed copy with it anyway?"),
                              lateral_pack_get_version (pack), lateral_pack_get_title (pack));
    }
  else
    {
      heading = g_strdup_printf (_("Version %s Is Already Installed"), lateral_pack_get_version (installed));
      body = g_strdup_printf (_("“%s” (%s) is the same or a newer version than this file (%s), so there is nothing to import."),
                              lateral_pack_get_title (installed), origin_label (lateral_pack_get_origin (installed)),
                              lateral_pack_get_version (pack));
    }

  dialog = lateral_messages_dialog_new (GTK_WIDGET (self), heading, body);
  if (can_replace)
    {
      adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "replace", _("_Replace"), NULL);
      adw_message_dialog_set_response_appearance (dialog, "replace",
                                                  kind == LATERAL_PACK_INSTALL_UPGRADE ? ADW_RESPONSE_SUGGESTED
                                                                                       : ADW_RESPONSE_DESTRUCTIVE);
      adw_message_dialog_set_default_response (dialog, "cancel");
      g_object_set_data_full (G_OBJECT (dialog), "pack", g_object_ref (pack), g_object_unref);
      g_signal_connect (dialog, "response", G_CALLBACK (on_replace_response), self);
    }
  else
    adw_message_dialog_add_response (dialog, "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

typedef struct {
  GFile     *file;
  GPtrArray *diagnostics;
} OpenData;

static void
open_data_free (gpointer data)
{
  OpenData *open = data;

  g_clear_object (&open->file);
  g_clear_pointer (&open->diagnostics, g_ptr_array_unref);
  g_free (open);
}

/* In a worker thread: reading, unpacking and validating take time on a
 * big archive, and the window must not wait. */
static void
open_in_thread (GTask        *task,
                gpointer      source_object,
                gpointer      task_data,
                GCancellable *cancellable)
{
  OpenData *open = task_data;
  g_autofree char *path = g_file_get_path (open->file);
  g_autoptr(GError) error = NULL;
  LateralPack *pack;

  pack = lateral_pack_install_open (path, cancellable, &open->diagnostics, &error);
  if (pack == NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, pack, g_object_unref);
}

static void
on_opened (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  LateralPacksPage *self = LATERAL_PACKS_PAGE (source);
  OpenData *open = g_task_get_task_data (G_TASK (result));
  g_autoptr(GError) error = NULL;
  g_autoptr(LateralPack) pack = g_task_propagate_pointer (G_TASK (result), &error);
  LateralPack *installed = NULL;
  LateralPackInstallKind kind;

  set_working (self, FALSE);
  if (pack == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        show_problems (self, open->file, open->diagnostics, error);
      return;
    }
  if (self->registry == NULL)
    return;

  kind = lateral_pack_install_check (self->registry, pack, &installed);
  if (kind == LATERAL_PACK_INSTALL_NEW)
    install (self, pack);
  else
    ask_replace (self, pack, installed, kind);
}

/**
 * lateral_packs_page_import_file:
 *
 * Validates the case in @file (a pack's .json or a .lateral archive) off
 * the main loop; then lists its problems, or installs it (asking first when
 * a pack with its id is there). What "Import a Case…" and a drop on the
 * window do.
 */
void
lateral_packs_page_import_file (LateralPacksPage *self,
                                GFile            *file)
{
  g_autoptr(GTask) task = NULL;
  g_autofree char *path = NULL;
  OpenData *open;

  g_return_if_fail (LATERAL_IS_PACKS_PAGE (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->registry == NULL)
    return;

  path = g_file_get_path (file);
  if (path == NULL)
    {
      g_autoptr(GError) error = NULL;

      g_set_error (&error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, _("Copy the file to this computer first"));
      show_problems (self, file, NULL, error);
      return;
    }

  open = g_new0 (OpenData, 1);
  open->file = g_object_ref (file);
  task = g_task_new (self, self->cancellable, on_opened, NULL);
  g_task_set_source_tag (task, lateral_packs_page_import_file);
  g_task_set_task_data (task, open, open_data_free);
  set_working (self, TRUE);
  g_task_run_in_thread (task, open_in_thread);
}

/**
 * lateral_packs_page_is_busy:
 *
 * Returns: whether a file is being opened (for tests)
 */
gboolean
lateral_packs_page_is_busy (LateralPacksPage *self)
{
  g_return_val_if_fail (LATERAL_IS_PACKS_PAGE (self), FALSE);

  return gtk_widget_has_css_class (GTK_WIDGET (self), "busy");
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             LateralPack       *pack)
{
  gtk_print_operation_set_n_pages (operation,
                                   (int) lateral_answer_key_count_pages (pack,
                                                                         gtk_print_context_get_width (context),
                                                                         gtk_print_context_get_height (context)));
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           LateralPack       *pack)
{
  lateral_answer_key_draw_page (pack, gtk_print_context_get_cairo_context (context),
                                gtk_print_context_get_width (context),
                                gtk_print_context_get_height (context), page);
}

/**
 * lateral_packs_page_print_key:
 *
 * Opens the print dialog for the teacher's answer key of @pack_id: the
 * same pages as `lateral-cli pack key`.
 */
void
lateral_packs_page_print_key (LateralPacksPage *self,
                              const char       *pack_id)
{
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *job = NULL;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  LateralPack *pack;

  g_return_if_fail (LATERAL_IS_PACKS_PAGE (self));
  g_return_if_fail (pack_id != NULL);

  pack = self->registry != NULL ? lateral_pack_registry_lookup (self->registry, pack_id) : NULL;
  if (pack == NULL)
    return;

  operation = gtk_print_operation_new ();
  /* TRANSLATORS: the print job's name; %s is the case's title */
  job = g_strdup_printf (_("Answer key of “%s”"), lateral_pack_get_title (pack));
  gtk_print_operation_set_job_name (operation, job);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  g_signal_connect_data (operation, "begin-print", G_CALLBACK (begin_print), g_object_ref (pack),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  g_signal_connect_data (operation, "draw-page", G_CALLBACK (draw_page), g_object_ref (pack),
                         (GClosureNotify) (void (*) (void)) g_object_unref, 0);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    lateral_messages_show (GTK_WIDGET (self), _("The Answer Key Could Not Be Printed"), error->message);
}

static void
on_remove_response (AdwMessageDialog *dialog,
                    const char       *response,
                    LateralPacksPage *self)
{
  LateralPack *pack = g_object_get_data (G_OBJECT (dialog), "pack");
  g_autoptr(GError) error = NULL;

  if (g_strcmp0 (response, "remove") != 0)
    return;

  if (!lateral_pack_uninstall (pack, &error))
    {
      AdwMessageDialog *failed = lateral_messages_dialog_new (GTK_WIDGET (self), _("The Case Could Not Be Removed"), error->message);

      adw_message_dialog_add_response (failed, "close", _("_Close"));
      gtk_window_present (GTK_WINDOW (failed));
      return;
    }
  reload_registry (self);
}

/**
 * lateral_packs_page_remove:
 *
 * Asks whether to remove the user's pack @pack_id (its results stay), and
 * removes it if so. What a row's Remove button does.
 */
void
lateral_packs_page_remove (LateralPacksPage *self,
                           const char       *pack_id)
{
  LateralPack *pack;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  g_return_if_fail (LATERAL_IS_PACKS_PAGE (self));
  g_return_if_fail (pack_id != NULL);

  pack = self->registry != NULL ? lateral_pack_registry_lookup (self->registry, pack_id) : NULL;
  if (pack == NULL)
    return;

  heading = g_strdup_printf (_("Remove “%s”?"), lateral_pack_get_title (pack));
  dialog = lateral_messages_dialog_new (GTK_WIDGET (self), heading,
                        _("The case leaves the list. The results recorded with it stay, and you can import it again."));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "remove", _("_Remove"), NULL);
  adw_message_dialog_set_response_appearance (dialog, "remove", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "pack", g_object_ref (pack), g_object_unref);
  g_signal_connect (dialog, "response", G_CALLBACK (on_remove_response), self);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
on_import_response (GtkNativeDialog  *native,
                    int               response,
                    LateralPacksPage *self)
{
  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (native));

      if (file != NULL)
        lateral_packs_page_import_file (self, file);
    }
  g_object_unref (native);
}

static void
import_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  LateralPacksPage *self = LATERAL_PACKS_PAGE (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  GtkFileChooserNative *native;

  gtk_file_filter_set_name (filter, _("Cases (.lateral or .json)"));
  gtk_file_filter_add_mime_type (filter, "application/json");
  gtk_file_filter_add_suffix (filter, "json");
  gtk_file_filter_add_suffix (filter, "lateral");

  native = gtk_file_chooser_native_new (_("Import a Case"), GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL,
                                        GTK_FILE_CHOOSER_ACTION_OPEN, _("_Import"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (native), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (native), filter);
  g_signal_connect (native, "response", G_CALLBACK (on_import_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (native));
}

static void
lateral_packs_page_dispose (GObject *object)
{
  LateralPacksPage *self = LATERAL_PACKS_PAGE (object);

  g_cancellable_cancel (self->cancellable);

  G_OBJECT_CLASS (lateral_packs_page_parent_class)->dispose (object);
}

static void
lateral_packs_page_finalize (GObject *object)
{
  LateralPacksPage *self = LATERAL_PACKS_PAGE (object);

  g_clear_object (&self->registry);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (lateral_packs_page_parent_class)->finalize (object);
}

static void
lateral_packs_page_class_init (LateralPacksPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = lateral_packs_page_dispose;
  object_class->finalize = lateral_packs_page_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/lateral-packs-page.ui");
  gtk_widget_class_bind_template_child (widget_class, LateralPacksPage, packs_group);
  gtk_widget_class_bind_template_child (widget_class, LateralPacksPage, spinner);
  gtk_widget_class_install_action (widget_class, "packs.import", NULL, import_action);
}

static void
lateral_packs_page_init (LateralPacksPage *self)
{
  self->rows = g_ptr_array_new_with_free_func (g_object_unref);
  self->cancellable = g_cancellable_new ();
  gtk_widget_init_template (GTK_WIDGET (self));
}
