/* lateral-measure.h: a headline test (such as the MIST-20), loaded and validated
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Lateral asks whether a learner got better at telling real news from fake
 * with a published instrument rather than its own marks. An instrument is
 * data (format lateral-measure/1, docs/measure-format.md), validated like a
 * pack with FILE:LINE:COL diagnostics, so an instructor can add another one
 * beside the MIST-20 without touching the code. Immutable once loaded.
 */
#pragma once

#include <gio/gio.h>

#include "pack/lateral-pack.h"

G_BEGIN_DECLS

#define LATERAL_MEASURE_FORMAT "lateral-measure/1"

/* A file is small: 20 headlines and two norm tables are ~5 KiB. */
#define LATERAL_MEASURE_MAX_FILE_SIZE (1024 * 1024)
#define LATERAL_MEASURE_MAX_ITEMS     200
#define LATERAL_MEASURE_MAX_NORMS     20

#define LATERAL_MEASURE_ERROR (lateral_measure_error_quark ())

typedef enum {
  LATERAL_MEASURE_ERROR_READ,       /* the file could not be read */
  LATERAL_MEASURE_ERROR_INVALID,    /* see the diagnostics */
  LATERAL_MEASURE_ERROR_NOT_FOUND,  /* no folder holds that instrument */
} LateralMeasureError;

typedef struct {
  char     *id;
  char     *text;
  gboolean  real;      /* the headline's truth: a real (TRUE) or a fake (FALSE) news item */
} LateralMeasureItem;

typedef struct {
  char   *id;          /* "us" */
  char   *name;        /* "United States" */
  double *below;       /* n_items + 1 entries: percent of the norm sample with a lower V than the index */
} LateralMeasureNorm;

#define LATERAL_TYPE_MEASURE (lateral_measure_get_type ())

G_DECLARE_FINAL_TYPE (LateralMeasure, lateral_measure, LATERAL, MEASURE, GObject)

GQuark                    lateral_measure_error_quark    (void);

LateralMeasure           *lateral_measure_load_file      (const char      *filename,
                                                          GPtrArray      **diagnostics,
                                                          GError         **error);
LateralMeasure           *lateral_measure_load_bytes     (GBytes          *bytes,
                                                          const char      *filename,
                                                          GPtrArray      **diagnostics,
                                                          GError         **error);

const char               *lateral_measure_get_id         (LateralMeasure  *self);
const char               *lateral_measure_get_title      (LateralMeasure  *self);
const char               *lateral_measure_get_language   (LateralMeasure  *self);
const char               *lateral_measure_get_citation   (LateralMeasure  *self);
const char               *lateral_measure_get_license    (LateralMeasure  *self);
const char               *lateral_measure_get_attribution (LateralMeasure *self);
const char               *lateral_measure_get_notice     (LateralMeasure  *self);
guint                     lateral_measure_get_minutes    (LateralMeasure  *self);
const char               *lateral_measure_get_filename   (LateralMeasure  *self);
const char               *lateral_measure_get_content_hash (LateralMeasure *self);

guint                     lateral_measure_get_n_items    (LateralMeasure  *self);
const LateralMeasureItem *lateral_measure_get_item       (LateralMeasure  *self,
                                                          guint            index);
const LateralMeasureItem *lateral_measure_find_item      (LateralMeasure  *self,
                                                          const char      *item_id);
guint                     lateral_measure_get_n_real     (LateralMeasure  *self);
guint                     lateral_measure_get_n_norms    (LateralMeasure  *self);
const LateralMeasureNorm *lateral_measure_get_norm       (LateralMeasure  *self,
                                                          guint            index);

/* Folders, as for packs: $LATERAL_MEASURES_DIR or PKGDATADIR/measures,
 * $XDG_DATA_HOME/lateral/measures, then $XDG_DATA_DIRS/lateral/measures.
 * The first folder that holds an id wins. */
char                     *lateral_measure_get_builtin_dir (void);
GPtrArray                *lateral_measure_list_all       (GPtrArray      **problems);
LateralMeasure           *lateral_measure_find           (const char      *id,
                                                          GError         **error);

G_END_DECLS
