/* lateral-pdf-file.c: writing a paged drawing to a PDF file, all or nothing
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <cairo-pdf.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "lateral-pdf-file.h"
#include "store/lateral-output-file.h"

/**
 * lateral_pdf_file_write:
 * @n_pages: how many pages @draw_page draws, numbered from 0
 *
 * Writes an A4 PDF, replacing @filename only once it is complete.
 */
gboolean
lateral_pdf_file_write (const char          *filename,
                        guint                n_pages,
                        LateralPdfDrawPage   draw_page,
                        gpointer             data,
                        GError             **error)
{
  g_autofree char *partial = NULL;
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_status_t status;

  g_return_val_if_fail (filename != NULL, FALSE);
  g_return_val_if_fail (draw_page != NULL, FALSE);

  /* A FIFO, device or symbolic link is refused, not replaced; so is one
   * waiting under the partial file's name, which cairo would follow. */
  if (!lateral_output_file_check (filename, error))
    return FALSE;
  partial = g_strconcat (filename, ".partial", NULL);
  if (!lateral_output_file_check (partial, error))
    return FALSE;
  surface = cairo_pdf_surface_create (partial, LATERAL_PDF_PAGE_WIDTH, LATERAL_PDF_PAGE_HEIGHT);
  cr = cairo_create (surface);
  for (guint i = 0; i < n_pages; i++)
    {
      draw_page (data, cr, LATERAL_PDF_PAGE_WIDTH, LATERAL_PDF_PAGE_HEIGHT, (int) i);
      cairo_show_page (cr);
    }
  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write %s: %s"),
                   filename, cairo_status_to_string (status));
      g_unlink (partial);
      return FALSE;
    }
  if (g_rename (partial, filename) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), _("Could not write %s: %s"),
                   filename, g_strerror (saved_errno));
      g_unlink (partial);
      return FALSE;
    }
  return TRUE;
}
