/* lateral-cli.h: the commands of lateral-cli
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "pack/lateral-pack.h"
#include "store/lateral-store.h"

#include "measure/lateral-measure-session.h"
#include "store/lateral-store.h"

G_BEGIN_DECLS

/* Exit codes shared by every command. */
#define LATERAL_CLI_EXIT_OK      0
#define LATERAL_CLI_EXIT_FAILURE 1
#define LATERAL_CLI_EXIT_USAGE   2
/* import: everything was read, but some attempts conflicted or were flagged */
#define LATERAL_CLI_EXIT_FLAGGED 3

/* Each command parses its own options: argv[0] is the command's name. */
typedef int (*LateralCliCommandFunc) (int argc, char **argv);

typedef struct {
  const char            *name;
  const char            *args;     /* usage after the name, marked with N_() */
  const char            *summary;  /* marked with N_() */
  LateralCliCommandFunc  func;
} LateralCliCommand;

int lateral_cli_usage_error (const char *command,
                             const char *format,
                             ...) G_GNUC_PRINTF (2, 3);

/* lateral-cli-output.c */
void     lateral_cli_output_init   (void);
gboolean lateral_cli_output_failed (void);
char    *lateral_cli_escape        (const char *text);

int lateral_cli_validate (int argc, char **argv);
int lateral_cli_packs    (int argc, char **argv);
int lateral_cli_show     (int argc, char **argv);

/* Shared by the store's commands (lateral-cli-store.c). */

gboolean      lateral_cli_parse_options (const char    *command,
                                         const char    *parameter_string,
                                         const char    *summary,
                                         GOptionEntry  *entries,
                                         int           *argc,
                                         char        ***argv);
LateralStore *lateral_cli_open_store    (const char    *command);
gboolean      lateral_cli_class_filter  (LateralStore  *store,
                                         const char    *command,
                                         char         **class_code);
int           lateral_cli_fail          (const char    *command,
                                         const char    *format,
                                         ...) G_GNUC_PRINTF (2, 3);

int lateral_cli_play    (int argc, char **argv);
int lateral_cli_history (int argc, char **argv);
int lateral_cli_export  (int argc, char **argv);
int lateral_cli_import  (int argc, char **argv);
int lateral_cli_restore (int argc, char **argv);
int lateral_cli_report  (int argc, char **argv);
int lateral_cli_new_pack (int argc, char **argv);
int lateral_cli_pack     (int argc, char **argv);
int lateral_cli_measure  (int argc, char **argv);

/* One headline-test sitting, stored (lateral-cli-measure.c); also used by
 * `play --measure`. */
int lateral_cli_measure_take (const char         *command,
                              LateralStore       *store,
                              LateralMeasure     *measure,
                              LateralMeasureWhen  when,
                              const char         *profile_name,
                              const char         *class_code,
                              const char         *pack_id,
                              const char         *pack_version,
                              const char         *attempt_uuid,
                              gboolean            interactive,
                              gboolean            stop_when_complete);

G_END_DECLS
