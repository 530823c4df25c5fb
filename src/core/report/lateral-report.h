/* lateral-report.h: what a class got right and wrong
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The numbers and the text, CSV and JSON forms are defined in
 * docs/report.md. A report is a snapshot: it does not follow later changes
 * of the store.
 */
#pragma once

#include <json-glib/json-glib.h>

#include "pack/lateral-pack-registry.h"
#include "play/lateral-scoring.h"
#include "report/lateral-report-measure.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

#define LATERAL_REPORT_FORMAT "lateral-report/1"

/* One cell of the students × claims grid: the student's answer to the
 * claim in their latest attempt that answered it (docs/report.md). */
typedef enum {
  LATERAL_REPORT_CELL_NONE = 0,    /* not answered */
  LATERAL_REPORT_CELL_RIGHT,
  LATERAL_REPORT_CELL_WRONG,
  LATERAL_REPORT_CELL_WRONG_SURE,  /* wrong at certainty 3: very sure and wrong */
} LateralReportCell;

typedef struct {
  char     *profile_name;
  char     *profile_uuid;
  guint     n_attempts;        /* finished or not */
  guint     n_finished;
  guint     n_answers;         /* in all its attempts */
  guint     n_correct;
  gboolean  has_marks;         /* FALSE until an attempt is finished */
  int       best_mark;         /* highest total over finished attempts */
  int       latest_mark;       /* total of the finished attempt begun last */
  guint     n_flagged;         /* imported attempts flagged on import (docs/results-format.md) */
  char     *flags;             /* their codes, space-separated, each once; "" when none */
  guint8   *cells;             /* LateralReportCell, one per claim of the group, in its order */
  GHashTable *latest;          /* while counting only: LateralReportClaim -> attempt order, cell */
} LateralReportStudent;

typedef struct {
  char  *claim_id;
  char  *claim;                /* nullable: the pack is not on this machine, or no longer has the claim */
  guint  n_answers;
  guint  n_correct;
  guint  certainty_sum;
  guint  wrong_by_verdict[LATERAL_N_VERDICTS];
  guint  wrong_at_high_certainty;  /* wrong at certainty 3 */
} LateralReportClaim;

typedef struct {
  char  *technique_id;
  char  *name;                 /* nullable when the pack does not name it */
  guint  n_answers;
  guint  n_correct;
} LateralReportTechnique;

/* The checks learners picked that answer one question (see LateralAsks). */
typedef struct {
  guint  picked;               /* checks picked */
  guint  picked_expected;      /* of them, checks the pack expects */
  guint  expected_offered;     /* expected checks offered, over all answers */
} LateralReportChecks;

/* One class code, one pack, one version of it: a claim whose verdict
 * changed between versions is never pooled across them. */
typedef struct {
  char              *class_code;   /* nullable: attempts given no class code */
  char              *pack_id;
  char              *pack_version;
  char              *pack_title;   /* nullable: the pack is not on this machine */
  gboolean           pack_known;   /* this version of the pack is on this machine */
  guint              n_attempts;
  guint              n_answers;
  guint              n_correct;
  guint              n_flagged;    /* attempts flagged on import */
  GPtrArray         *students;     /* of LateralReportStudent, by name (g_utf8_collate) */
  GPtrArray         *claims;       /* of LateralReportClaim, in the pack's order */
  GPtrArray         *techniques;   /* of LateralReportTechnique, by id */
  /* Indexed by certainty 1..3; [0] is unused. */
  LateralTallyCount  by_certainty[LATERAL_CERTAINTY_MAX + 1];
  /* Indexed by LateralAsks: checks picked, by the question they answer;
   * [LATERAL_ASKS_NONE] counts checks of /1 packs, which say none. Only
   * counted when this version of the pack is on this machine. */
  LateralReportChecks checks_by_asks[LATERAL_N_ASKS];
} LateralReportGroup;

#define LATERAL_TYPE_REPORT (lateral_report_get_type ())

G_DECLARE_FINAL_TYPE (LateralReport, lateral_report, LATERAL, REPORT, GObject)

LateralReport            *lateral_report_new                  (LateralStore        *store,
                                                               LateralPackRegistry *registry,
                                                               const char          *class_code,
                                                               const char          *pack_id,
                                                               GError             **error);

const char               *lateral_report_get_class_code       (LateralReport       *self);
const char               *lateral_report_get_pack_id          (LateralReport       *self);
gint64                    lateral_report_get_created_at       (LateralReport       *self);
const LateralMeasureSummary *lateral_report_get_measure       (LateralReport       *self,
                                                               const LateralReportGroup *group);
guint                     lateral_report_get_n_groups         (LateralReport       *self);
const LateralReportGroup *lateral_report_get_group            (LateralReport       *self,
                                                               guint                index);

JsonNode                 *lateral_report_to_json              (LateralReport       *self);
char                     *lateral_report_to_csv               (LateralReport       *self);
char                     *lateral_report_to_text              (LateralReport       *self);

const char               *lateral_report_cell_get_symbol      (LateralReportCell    cell);
const char               *lateral_report_cell_get_label       (LateralReportCell    cell);
double                    lateral_report_percent              (guint                correct,
                                                               guint                answers);
char                     *lateral_report_format_percent       (guint                correct,
                                                               guint                answers);
double                    lateral_report_claim_get_mean_certainty (const LateralReportClaim *claim);
gboolean                  lateral_report_claim_get_most_common_wrong (const LateralReportClaim *claim,
                                                                      LateralVerdict           *out_verdict);
LateralCalibration        lateral_report_group_get_calibration (const LateralReportGroup *group);

G_END_DECLS
