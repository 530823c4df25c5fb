/* lateral-pack-private.h: what the loader fills in a LateralPack
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "json/lateral-json-doc-private.h"
#include "lateral-pack.h"
#include "lateral-version.h"

G_BEGIN_DECLS

/* Limits of docs/pack-format.md that the JSON parser does not know about. */
#define LATERAL_PACK_MAX_FILE_SIZE   (8 * 1024 * 1024)
#define LATERAL_PACK_MAX_OPTIONS     12
#define LATERAL_PACK_MAX_SOURCES     20
#define LATERAL_PACK_MAX_ID_LENGTH   64
#define LATERAL_PACK_MAX_PACK_ID     255
/* A hostile file could make every value an error: stop reporting there. */
#define LATERAL_PACK_MAX_DIAGNOSTICS 500

struct _LateralPack
{
  GObject            parent_instance;

  char              *id;
  char              *version;
  char              *title;
  char              *summary;
  char              *language;
  char              *format;
  guint              format_version;  /* 1 or 2 */
  char              *translated_from; /* nullable */
  char              *accent_color;    /* nullable, #rrggbb */
  char             **authors;
  char              *license;
  guint              estimated_minutes;
  char              *filename;
  char              *content_hash;
  LateralPackOrigin  origin;

  GPtrArray         *steps;        /* of LateralStep */
  GPtrArray         *techniques;   /* of LateralTechnique */
  GPtrArray         *habits;       /* of LateralHabit */
  GPtrArray         *artefacts;    /* of LateralArtefact, in the order shown */
  GPtrArray         *warnings;     /* of LateralDiagnostic: rules a /1 pack breaks */
  GHashTable        *step_index;   /* id -> LateralStep, borrowed */
  guint              n_claims;
};

LateralDiagnostic *lateral_diagnostic_new   (const char        *file,
                                             guint              line,
                                             guint              column,
                                             const char        *path,
                                             const char        *message);

/* Checks the tree against the format, filling @pack; appends to @diagnostics. */
void               lateral_pack_check_tree  (LateralPack            *pack,
                                             const LateralJsonNode  *root,
                                             const char             *filename,
                                             const char             *pack_dir,
                                             GPtrArray              *diagnostics);

void               lateral_step_free        (LateralStep            *step);
void               lateral_technique_free   (LateralTechnique       *technique);
void               lateral_source_free      (LateralSource          *source);
void               lateral_move_free        (LateralMove            *move);
void               lateral_artefact_free    (LateralArtefact        *artefact);

gboolean           lateral_date_is_valid    (const char             *date);
gboolean           lateral_pack_id_is_valid (const char             *id);

G_END_DECLS
