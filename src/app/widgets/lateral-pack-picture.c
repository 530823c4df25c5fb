/* lateral-pack-picture.c: LateralPackPicture, a pack's picture decoded in a
 * GTask thread, never on the main loop, and refused over the limits
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack comes from anyone, and its picture is read from disk after the pack
 * was checked (the file may have changed since). So the worker checks the
 * file again with lateral_image_check_file() (size from the file system,
 * dimensions from the header), then decodes with a GdkPixbufLoader whose
 * size-prepared handler refuses dimensions over the limits before any pixel
 * buffer exists and scales a large picture down to what the page can show.
 * Until the texture is ready the space stays empty; a refused picture shows
 * a line saying why, and its alternative text. Disposing the widget (leaving
 * the step, closing the window) cancels the work.
 */
#include "config.h"

#include <glib/gi18n.h>

#include "pack/lateral-image-limits.h"
#include "lateral-pack-picture.h"

/* Longest side decoded: the page shows pictures 160–180 px high, so this
 * leaves room for HiDPI and a wide picture while keeping memory bounded. */
#define DECODE_MAX_SIDE 2048
#define READ_CHUNK      (64 * 1024)

struct _LateralPackPicture
{
  AdwBin        parent_instance;

  GtkPicture   *picture;
  GtkLabel     *error_label;
  GCancellable *cancellable;
  char         *alt;
  char         *error_message;
  gboolean      done;
};

G_DEFINE_FINAL_TYPE (LateralPackPicture, lateral_pack_picture, ADW_TYPE_BIN)

typedef struct {
  GError *error;
} Decode;

static void
on_size_prepared (GdkPixbufLoader *loader,
                  int              width,
                  int              height,
                  gpointer         data)
{
  Decode *decode = data;
  double scale;

  if (decode->error != NULL)
    return;
  if (width <= 0 || height <= 0 || !lateral_image_check_size (width, height, &decode->error))
    {
      if (decode->error == NULL)
        g_set_error_literal (&decode->error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_FORMAT,
                             _("the picture has no size"));
      /* A size of 0 makes the loader stop and allocate nothing. */
      gdk_pixbuf_loader_set_size (loader, 0, 0);
      return;
    }
  scale = MIN (1.0, (double) DECODE_MAX_SIDE / MAX (width, height));
  if (scale < 1.0)
    gdk_pixbuf_loader_set_size (loader, MAX (1, (int) (width * scale)), MAX (1, (int) (height * scale)));
}

static void
decode_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  const char *path = task_data;
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = NULL;
  g_autoptr(GdkPixbufLoader) loader = NULL;
  g_autofree guint8 *buffer = NULL;
  GError *error = NULL;
  Decode decode = { NULL };
  GdkPixbuf *pixbuf;
  gsize total = 0;

  if (!lateral_image_check_file (path, cancellable, NULL, NULL, &error))
    {
      g_task_return_error (task, error);
      return;
    }

  stream = g_file_read (file, cancellable, &error);
  if (stream == NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  loader = gdk_pixbuf_loader_new ();
  g_signal_connect (loader, "size-prepared", G_CALLBACK (on_size_prepared), &decode);
  buffer = g_malloc (READ_CHUNK);
  for (;;)
    {
      gssize n = g_input_stream_read (G_INPUT_STREAM (stream), buffer, READ_CHUNK, cancellable, &error);

      if (n < 0)
        break;
      if (n == 0)
        break;
      total += n;
      /* The file grew past the limit after it was checked. */
      if (total > LATERAL_IMAGE_MAX_FILE_SIZE)
        {
          g_autofree char *most = g_format_size (LATERAL_IMAGE_MAX_FILE_SIZE);

          g_set_error (&error, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_TOO_LARGE,
                       _("the picture file is larger than %s"), most);
          break;
        }
      if (!gdk_pixbuf_loader_write (loader, buffer, n, decode.error == NULL ? &error : NULL)
          || decode.error != NULL)
        break;
    }
  /* Closing without an error of our own still reports a broken file. */
  gdk_pixbuf_loader_close (loader, (error == NULL && decode.error == NULL) ? &error : NULL);

  if (decode.error != NULL)
    {
      g_clear_error (&error);
      g_task_return_error (task, decode.error);
      return;
    }
  if (error != NULL)
    {
      g_task_return_error (task, error);
      return;
    }

  pixbuf = gdk_pixbuf_loader_get_pixbuf (loader);
  if (pixbuf == NULL)
    {
      g_task_return_new_error (task, LATERAL_IMAGE_ERROR, LATERAL_IMAGE_ERROR_FORMAT,
                               "%s", _("the picture could not be decoded"));
      return;
    }
  g_task_return_pointer (task, gdk_texture_new_for_pixbuf (pixbuf), g_object_unref);
}

/* @user_data is the widget, not referenced: a task holding the widget
 * would keep it from being disposed, and so from cancelling. Once the
 * cancellable is cancelled (in dispose) the widget is never touched. */
static void
decode_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GTask *task = G_TASK (result);
  LateralPackPicture *self;
  g_autoptr(GdkTexture) texture = NULL;
  g_autoptr(GError) error = NULL;

  if (g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    return;
  self = user_data;
  texture = g_task_propagate_pointer (task, &error);
  self->done = TRUE;
  if (texture != NULL)
    {
      gtk_picture_set_paintable (self->picture, GDK_PAINTABLE (texture));
      gtk_widget_set_visible (GTK_WIDGET (self->picture), TRUE);
      return;
    }

  /* TRANSLATORS: the first %s says why, e.g. "the picture is 100000 × 100000
   * pixels; …", the second is the pack's words for what the picture shows */
  self->error_message = g_strdup_printf (_("This picture is not shown: %s. It shows: %s"),
                                         error->message, self->alt);
  gtk_label_set_text (self->error_label, self->error_message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
  g_message ("Picture not shown: %s", error->message);
}

/**
 * lateral_pack_picture_new:
 * @image: the pack's picture; its path is already inside the pack's folder
 * @height: the height the page gives it, in pixels
 *
 * Starts decoding at once, in a thread.
 */
GtkWidget *
lateral_pack_picture_new (const LateralImage *image,
                          int                 height)
{
  LateralPackPicture *self;
  g_autoptr(GTask) task = NULL;

  g_return_val_if_fail (image != NULL && image->path != NULL, NULL);

  self = g_object_new (LATERAL_TYPE_PACK_PICTURE, NULL);
  gtk_widget_set_size_request (GTK_WIDGET (self->picture), -1, height);
  self->alt = g_strdup (image->alt != NULL ? image->alt : "");
  gtk_picture_set_alternative_text (self->picture, image->alt);
  /* The space is kept while decoding, so the page does not jump. */
  gtk_widget_set_size_request (GTK_WIDGET (self), -1, height);

  task = g_task_new (NULL, self->cancellable, decode_done, self);
  g_task_set_source_tag (task, lateral_pack_picture_new);
  g_task_set_task_data (task, g_strdup (image->path), g_free);
  g_task_run_in_thread (task, decode_thread);
  return GTK_WIDGET (self);
}

/* For tests: TRUE once the picture is shown or refused. */
gboolean
lateral_pack_picture_is_done (LateralPackPicture *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK_PICTURE (self), FALSE);
  return self->done;
}

GdkPaintable *
lateral_pack_picture_get_paintable (LateralPackPicture *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK_PICTURE (self), NULL);
  return gtk_picture_get_paintable (self->picture);
}

/* The line shown instead of a refused picture, or NULL. */
const char *
lateral_pack_picture_get_error_message (LateralPackPicture *self)
{
  g_return_val_if_fail (LATERAL_IS_PACK_PICTURE (self), NULL);
  return self->error_message;
}

static void
lateral_pack_picture_dispose (GObject *object)
{
  LateralPackPicture *self = LATERAL_PACK_PICTURE (object);

  g_cancellable_cancel (self->cancellable);
  G_OBJECT_CLASS (lateral_pack_picture_parent_class)->dispose (object);
}

static void
lateral_pack_picture_finalize (GObject *object)
{
  LateralPackPicture *self = LATERAL_PACK_PICTURE (object);

  g_clear_object (&self->cancellable);
  g_free (self->alt);
  g_free (self->error_message);
  G_OBJECT_CLASS (lateral_pack_picture_parent_class)->finalize (object);
}

static void
lateral_pack_picture_class_init (LateralPackPictureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = lateral_pack_picture_dispose;
  object_class->finalize = lateral_pack_picture_finalize;
}

static void
lateral_pack_picture_init (LateralPackPicture *self)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  self->cancellable = g_cancellable_new ();
  self->picture = GTK_PICTURE (gtk_picture_new ());
  gtk_picture_set_can_shrink (self->picture, TRUE);
  gtk_widget_set_visible (GTK_WIDGET (self->picture), FALSE);

  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_label_set_xalign (self->error_label, 0);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "dim-label");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->picture));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  adw_bin_set_child (ADW_BIN (self), box);
}
