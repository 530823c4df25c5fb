/* lateral-bundle.h: results bundles, the answers that travel between machines
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The format is documented in docs/results-format.md.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pack/lateral-pack-registry.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_BUNDLE_FORMAT         "lateral-results/2"
#define LATERAL_BUNDLE_FORMAT_VERSION 2

/* A real bundle nests 6 deep (attempts[].answers[].moves[]); the limit
 * leaves room for later members and keeps recursive parsers off deep input. */
#define LATERAL_BUNDLE_MAX_DEPTH      32

/* What import reads, and so what export writes (in parts when a class's
 * results are larger): a file, its attempts, one attempt's answers (as
 * many as a valid pack can have claims, LATERAL_JSON_MAX_STEPS). */
#define LATERAL_BUNDLE_MAX_SIZE       (64 * 1024 * 1024)
#define LATERAL_BUNDLE_MAX_ATTEMPTS   100000
#define LATERAL_BUNDLE_MAX_ANSWERS    5000

#define LATERAL_BUNDLE_ERROR (lateral_bundle_error_quark ())

typedef enum {
  LATERAL_BUNDLE_ERROR_READ,          /* the file could not be read */
  LATERAL_BUNDLE_ERROR_NOT_A_BUNDLE,  /* not JSON, truncated, or not a results bundle */
  LATERAL_BUNDLE_ERROR_NEWER_FORMAT,  /* lateral-results/N with N newer than we read */
  LATERAL_BUNDLE_ERROR_INVALID,       /* a field is missing or wrong: the message names it */
} LateralBundleError;

typedef struct {
  guint      n_added;     /* attempts new to this machine */
  guint      n_updated;   /* attempts already here that gained answers */
  guint      n_present;   /* attempts already here with every answer */
  guint      n_rejected;  /* attempts that contradict what is here (see rejections) */
  guint      n_pack_missing; /* added attempts flagged: their pack is not on this machine */
  GPtrArray *rejections;  /* of char*, one sentence per rejected attempt */
  guint      n_flagged;   /* attempts stored (or already here) with a flag */
  GPtrArray *flagged;     /* of char*, one sentence per reason, "attempt UUID (NAME): flagged: …" */
  guint      n_measures_added;    /* headline-test sessions new to this machine */
  guint      n_measures_present;  /* already here, identical */
  guint      n_measures_rejected; /* see rejections */
} LateralImportResult;

GQuark    lateral_bundle_error_quark   (void);

JsonNode *lateral_bundle_export        (LateralStore         *store,
                                        const char           *profile_name,
                                        const char           *class_code,
                                        guint                *out_n_attempts,
                                        GError              **error);
char     *lateral_bundle_to_data       (LateralStore         *store,
                                        const char           *profile_name,
                                        const char           *class_code,
                                        guint                *out_n_attempts,
                                        GError              **error);
gboolean  lateral_bundle_write_parts   (LateralStore         *store,
                                        const char           *profile_name,
                                        const char           *class_code,
                                        const char           *filename,
                                        gsize                 max_size,
                                        guint                *out_n_attempts,
                                        char               ***out_filenames,
                                        GError              **error);
gboolean  lateral_bundle_write_file    (LateralStore         *store,
                                        const char           *profile_name,
                                        const char           *class_code,
                                        const char           *filename,
                                        guint                *out_n_attempts,
                                        GError              **error);
gboolean  lateral_bundle_import_file   (LateralStore         *store,
                                        const char           *filename,
                                        GPtrArray            *packs,
                                        LateralImportResult  *result,
                                        GError              **error);
gboolean  lateral_bundle_import_file_cancellable (LateralStore         *store,
                                                  const char           *filename,
                                                  GPtrArray            *packs,
                                                  GCancellable         *cancellable,
                                                  LateralImportResult  *result,
                                                  GError              **error);
void      lateral_import_result_clear  (LateralImportResult  *result);
GPtrArray *lateral_bundle_list_packs   (LateralPackRegistry  *registry);

char     *lateral_format_time          (gint64                unix_seconds);
gboolean  lateral_parse_time           (const char           *text,
                                        gint64               *out_unix_seconds);

G_END_DECLS
