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

#include "pack/lateral-moment.h"
#include "pack/lateral-version.h"
#include "play/lateral-verdict.h"

G_BEGIN_DECLS

/* The format a pack declares. /1 files keep loading; members that /1 lacks
 * are refused there ("needs lateral-pack/2"), because an older Lateral
 * refuses unknown members. See docs/pack-format.md, "Versions". */
#define LATERAL_PACK_FORMAT_1 "lateral-pack/1"
#define LATERAL_PACK_FORMAT_2 "lateral-pack/2"
/* What new packs are written in (lateral-cli new-pack). */
#define LATERAL_PACK_FORMAT LATERAL_PACK_FORMAT_2

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
  char          *publisher;
  char          *title;
  char          *date;        /* YYYY-MM-DD */
  char          *url;         /* http or https */
  char          *archive_url; /* nullable: an archived copy (/2) */
  LateralMoment  moment;      /* date, parsed */
} LateralSource;

/* The two glossaries of /2 share a shape: techniques are what the deceiver
 * or the coverage did, habits what a careful reader does. */
typedef struct {
  char *id;
  char *name;
  char *description;
} LateralTechnique;

typedef LateralTechnique LateralHabit;

/* Civic Online Reasoning's three questions, which a check answers (/2). */
typedef enum {
  LATERAL_ASKS_NONE,         /* /1 packs: not said */
  LATERAL_ASKS_WHO,          /* who is behind it? */
  LATERAL_ASKS_EVIDENCE,     /* what is the evidence? */
  LATERAL_ASKS_OTHERS,       /* what do other sources say? */
} LateralAsks;

#define LATERAL_N_ASKS 4

typedef struct {
  char        *id;
  char        *label;
  gboolean     expected;
  char        *why;      /* nullable */
  LateralAsks  asks;
  char        *found;    /* nullable: what the check would have found then (/2) */
} LateralMove;

typedef struct {
  char *path;        /* absolute, inside the pack's folder */
  char *alt;
} LateralImage;

typedef enum {
  LATERAL_ARTEFACT_POST,
  LATERAL_ARTEFACT_ARTICLE,
  LATERAL_ARTEFACT_STATEMENT,
  LATERAL_ARTEFACT_BROADCAST,
  LATERAL_ARTEFACT_CALL,
} LateralArtefactKind;

#define LATERAL_N_ARTEFACT_KINDS 5

typedef struct {
  char *who;
  char *text;
  char *time;        /* nullable: as written, such as 14:05 */
} LateralCallLine;

/* A piece of the record a learner looks at (/2): a post, an article... Only
 * the members of its kind are set; the others are NULL. */
typedef struct {
  char                *id;
  LateralArtefactKind  kind;
  LateralSource       *source;          /* where its text comes from */

  /* post */
  char                *display_name;
  char                *handle;
  char                *time;            /* date or date and time */
  char               **text;            /* paragraphs */
  LateralImage        *image;           /* nullable */
  char                *image_description; /* nullable: a photo not shipped */
  gboolean             has_counts;
  gint64               likes;           /* -1 when not given */
  gint64               shares;          /* -1 when not given */
  gint64               comments;        /* -1 when not given */

  /* article */
  char                *publication;
  char                *headline;
  char               **lede;            /* paragraphs, may be NULL */
  char                *byline;          /* nullable */

  /* statement */
  char                *speaker;
  char                *role;
  char               **quote;           /* paragraphs */

  /* statement, broadcast */
  char                *channel;

  /* broadcast */
  char                *programme;
  char                *caption;

  /* article, statement, broadcast */
  char                *date;            /* date or date and time */

  /* call */
  char                *title;
  GPtrArray           *lines;           /* of LateralCallLine; NULL for other kinds */

  /* when it was made: time, date, or source date; what the rules compare */
  LateralMoment        moment;
} LateralArtefact;

typedef struct {
  LateralStepType  type;
  char            *id;
  guint            index;        /* position among all steps */

  /* story steps */
  char            *title;
  char            *date;         /* YYYY-MM-DD */
  char           **text;         /* paragraphs */
  LateralImage    *image;        /* nullable */
  LateralSource   *source;       /* nullable: the first of sources */

  /* story and claim steps (/2) */
  const LateralArtefact *artefact; /* nullable: shown by this step, or named by artefact_ref; owned by the pack */
  gboolean         artefact_is_ref; /* the claim names an artefact of an earlier step */

  /* claim steps */
  guint            claim_index;  /* position among the claims */
  char            *claim;
  char           **context;      /* paragraphs, may be empty */
  char            *as_of;        /* YYYY-MM-DD, or with a time in /2 */
  LateralMoment    as_of_moment;
  LateralVerdict   verdict;
  guint            accepted;     /* bit (1 << verdict) for each verdict counted right, the verdict included */
  char            *moves_question; /* nullable when the claim has no moves */
  GPtrArray       *moves;        /* of LateralMove, empty when none */
  char           **known_then;   /* reveal: paragraphs */
  char           **explanation;  /* reveal: paragraphs */
  char           **techniques;   /* reveal: ids from the techniques glossary */
  char           **habits;       /* reveal: ids from the habits glossary, may be empty */
  char            *takeaway;     /* reveal: one line (/2); nullable in /1 */
  char           **reported_later; /* reveal: paragraphs, may be empty */
  GPtrArray       *later_sources;  /* reveal: of LateralSource dated after as_of, may be empty */

  /* Claims: the reveal's "known on" sources, at least one. Story steps:
   * the step's sources (/2 `sources`, or /1 `source`), may be empty. */
  GPtrArray       *sources;
} LateralStep;

typedef enum {
  LATERAL_DIAGNOSTIC_ERROR,
  LATERAL_DIAGNOSTIC_WARNING,
} LateralDiagnosticSeverity;

typedef struct {
  char  *file;
  guint  line;       /* 1-based; 0 when unknown */
  guint  column;     /* 1-based, in characters; 0 when unknown */
  char  *path;       /* JSON path such as steps[3].reveal.sources[0].url, "" for the root */
  char  *message;
  LateralDiagnosticSeverity severity;
  char  *step;       /* nullable: the step as the app numbers it, such as “step 3 “first-call”” */
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
const char              *lateral_pack_get_format           (LateralPack  *self);
guint                    lateral_pack_get_format_version   (LateralPack  *self);
const char              *lateral_pack_get_translated_from  (LateralPack  *self);
const char              *lateral_pack_get_accent_color     (LateralPack  *self);
GPtrArray               *lateral_pack_get_warnings         (LateralPack  *self);
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

guint                    lateral_pack_get_n_habits         (LateralPack  *self);
const LateralHabit      *lateral_pack_get_habit            (LateralPack  *self,
                                                            guint         index);
const LateralHabit      *lateral_pack_find_habit           (LateralPack  *self,
                                                            const char   *habit_id);
guint                    lateral_pack_get_n_artefacts      (LateralPack  *self);
const LateralArtefact   *lateral_pack_get_artefact         (LateralPack  *self,
                                                            guint         index);
const LateralArtefact   *lateral_pack_find_artefact        (LateralPack  *self,
                                                            const char   *artefact_id);
const LateralMove       *lateral_step_find_move            (const LateralStep *step,
                                                            const char        *move_id);

gboolean                 lateral_pack_check_translation    (LateralPack       *original,
                                                            LateralPack       *translation,
                                                            GError           **error);

gboolean                 lateral_step_accepts              (const LateralStep *step,
                                                            LateralVerdict     verdict);

const char              *lateral_asks_to_string            (LateralAsks        asks);
gboolean                 lateral_asks_from_string          (const char        *str,
                                                            LateralAsks       *out_asks);
const char              *lateral_asks_get_question         (LateralAsks        asks);

const char              *lateral_artefact_kind_to_string   (LateralArtefactKind kind);
gboolean                 lateral_artefact_kind_from_string (const char        *str,
                                                            LateralArtefactKind *out_kind);
char                    *lateral_artefact_get_accessible_text (const LateralArtefact *artefact);

LateralDiagnostic       *lateral_diagnostic_copy           (const LateralDiagnostic *diagnostic);
void                     lateral_diagnostic_free           (LateralDiagnostic *diagnostic);
char                    *lateral_diagnostic_format         (const LateralDiagnostic *diagnostic);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (LateralDiagnostic, lateral_diagnostic_free)

G_END_DECLS
