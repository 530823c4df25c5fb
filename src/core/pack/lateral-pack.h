/* lateral-pack.h: a scenario pack, loaded and validated
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A pack is immutable once loaded: its steps are plain structs owned by the
 * LateralPack, valid for as long as the pack is alive. The format is
 * documented in docs/pack-format.md.
 */
#pragma once

#include <gio/gio.h>

#include "pack/lateral-version.h"
#include "play/lateral-verdict.h"

G_BEGIN_DECLS

#define LATERAL_PACK_FORMAT "lateral-pack/1"

#define LATERAL_PACK_ERROR (lateral_pack_error_quark ())

typedef enum {
  LATERAL_PACK_ERROR_READ,     /* the file could not be read */
  LATERAL_PACK_ERROR_INVALID,  /* see the diagnostics */
} LateralPackError;

/* Where the registry found a pack; FILE when loaded directly. */
typedef enum {
  LATERAL_PACK_ORIGIN_FILE,
  LATERAL_PACK_ORIGIN_BUILTIN,
  LATERAL_PACK_ORIGIN_USER,
  LATERAL_PACK_ORIGIN_SYSTEM,
} LateralPackOrigin;

typedef enum {
  LATERAL_STEP_STORY,
  LATERAL_STEP_CLAIM,
} LateralStepType;

typedef struct {
  char *publisher;
  char *title;
  char *date;        /* YYYY-MM-DD */
  char *url;         /* http or https */
} LateralSource;

typedef struct {
  char *id;
  char *name;
  char *description;
} LateralTechnique;

typedef struct {
  char     *id;
  char     *label;
  gboolean  expected;
  char     *why;      /* nullable */
} LateralMove;

typedef struct {
  char *path;        /* absolute, inside the pack's folder */
  char *alt;
} LateralImage;

typedef struct {
  LateralStepType  type;
  char            *id;
  guint            index;        /* position among all steps */

  /* story steps */
  char            *title;
  char            *date;         /* YYYY-MM-DD */
  char           **text;         /* paragraphs */
  LateralImage    *image;        /* nullable */
  LateralSource   *source;       /* nullable */

  /* claim steps */
  guint            claim_index;  /* position among the claims */
  char            *claim;
  char           **context;      /* paragraphs, may be empty */
  char            *as_of;        /* YYYY-MM-DD */
  LateralVerdict   verdict;
  guint            accepted;     /* bit (1 << verdict) for each verdict counted right, the verdict included */
  char            *moves_question; /* nullable when the claim has no moves */
  GPtrArray       *moves;        /* of LateralMove, empty when none */
  char           **known_then;   /* reveal: paragraphs */
  char           **explanation;  /* reveal: paragraphs */
  char           **techniques;   /* reveal: ids from the glossary */
  GPtrArray       *sources;      /* reveal: of LateralSource, at least one */
} LateralStep;

typedef struct {
  char  *file;
  guint  line;       /* 1-based; 0 when unknown */
  guint  column;     /* 1-based, in characters; 0 when unknown */
  char  *path;       /* JSON path such as steps[3].reveal.sources[0].url, "" for the root */
  char  *message;
} LateralDiagnostic;

#define LATERAL_TYPE_PACK (lateral_pack_get_type ())

G_DECLARE_FINAL_TYPE (LateralPack, lateral_pack, LATERAL, PACK, GObject)

GQuark                   lateral_pack_error_quark          (void);

LateralPack             *lateral_pack_load_file            (const char   *filename,
                                                            GPtrArray   **diagnostics,
                                                            GError      **error);
LateralPack             *lateral_pack_load_bytes           (GBytes       *bytes,
                                                            const char   *filename,
                                                            GPtrArray   **diagnostics,
                                                            GError      **error);

const char              *lateral_pack_get_id               (LateralPack  *self);
const char              *lateral_pack_get_version          (LateralPack  *self);
const char              *lateral_pack_get_title            (LateralPack  *self);
const char              *lateral_pack_get_summary          (LateralPack  *self);
const char              *lateral_pack_get_language         (LateralPack  *self);
const char * const      *lateral_pack_get_authors          (LateralPack  *self);
const char              *lateral_pack_get_license          (LateralPack  *self);
guint                    lateral_pack_get_estimated_minutes (LateralPack *self);
const char              *lateral_pack_get_filename         (LateralPack  *self);
const char              *lateral_pack_get_content_hash     (LateralPack  *self);
LateralPackOrigin        lateral_pack_get_origin           (LateralPack  *self);
void                     lateral_pack_set_origin           (LateralPack  *self,
                                                            LateralPackOrigin origin);

guint                    lateral_pack_get_n_steps          (LateralPack  *self);
guint                    lateral_pack_get_n_claims         (LateralPack  *self);
const LateralStep       *lateral_pack_get_step             (LateralPack  *self,
                                                            guint         index);
const LateralStep       *lateral_pack_find_step            (LateralPack  *self,
                                                            const char   *step_id);
guint                    lateral_pack_get_n_techniques     (LateralPack  *self);
const LateralTechnique  *lateral_pack_get_technique        (LateralPack  *self,
                                                            guint         index);
const LateralTechnique  *lateral_pack_find_technique       (LateralPack  *self,
                                                            const char   *technique_id);

gboolean                 lateral_step_accepts              (const LateralStep *step,
                                                            LateralVerdict     verdict);

void                     lateral_diagnostic_free           (LateralDiagnostic *diagnostic);
char                    *lateral_diagnostic_format         (const LateralDiagnostic *diagnostic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralDiagnostic, lateral_diagnostic_free)

G_END_DECLS
