/* test-ui-class-results.c: an instructor imports a class's bundles and reads
 * the report in the Class Results window
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The bundles are made the way learners make them: the built lateral-cli
 * plays the built-in case with scripted answers in a data directory of its
 * own, then exports. The rows shown must match the core report, and the
 * report must match what this test works out from the pack's verdicts.
 */
#include "config.h"

#include <string.h>

#include "class/lateral-class-report.h"
#include "class/lateral-class-results-window.h"
#include "class/lateral-class-row.h"
#include "report/lateral-report-pdf.h"
#include "lateral-test-ui.h"
#include "lateral-window.h"

#define PACK_ID "io.github.lateral.prank-call"

typedef struct {
  char *tmp;
  char *bundles[2];
  char *broken;
} Fixture;

static char *
run_cli (const char  *home,
         const char  *input,
         const char **args)
{
  g_autofree char *cli = g_build_filename (g_getenv ("LATERAL_BUILD_DIR"), "src", "cli", "lateral-cli", NULL);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDIN_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                        G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;

  g_subprocess_launcher_setenv (launcher, "XDG_DATA_HOME", home, TRUE);
  g_ptr_array_add (argv, cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8 (process, input, NULL, &out, &err, &error);
  g_assert_no_error (error);
  if (!g_subprocess_get_successful (process))
    g_error ("lateral-cli %s failed: %s", args[0], err);

  return g_steal_pointer (&out);
}

/* The MIST-20's 20 lines, `ITEM-ID real|fake`, the first @n_wrong wrong. */
static void
append_check (GString *input,
              guint    n_wrong)
{
  for (guint i = 0; i < 20; i++)
    {
      gboolean fake = i < 10;
      gboolean right = i >= n_wrong;

      g_string_append_printf (input, "%c%u %s\n", fake ? 'f' : 'r', i % 10 + 1,
                              fake == right ? "fake" : "real");
    }
}

/* Every claim answered with @verdict at @certainty, in class @class_code,
 * between a quick check before (@before_wrong headlines wrong) and after
 * (@after_wrong wrong): `lateral-cli play --measure mist-20`. */
static char *
make_bundle (const char *tmp,
             const char *name,
             const char *class_code,
             const char *verdict,
             int         certainty,
             guint       n_claims,
             guint       before_wrong,
             guint       after_wrong)
{
  g_autofree char *home = g_build_filename (tmp, name, NULL);
  g_autofree char *bundle = g_strdup_printf ("%s/%s.json", tmp, name);
  g_autoptr(GString) input = g_string_new (NULL);
  const char *play[] = { "play", PACK_ID, "--profile", name, "--class", class_code, "--measure", "mist-20", NULL };
  const char *export[] = { "export", "--output", bundle, NULL };
  g_autofree char *out1 = NULL;
  g_autofree char *out2 = NULL;

  append_check (input, before_wrong);
  for (guint i = 0; i < n_claims; i++)
    g_string_append_printf (input, "%s %d\n", verdict, certainty);
  append_check (input, after_wrong);
  out1 = run_cli (home, input->str, play);
  out2 = run_cli (home, NULL, export);

  return g_steal_pointer (&bundle);
}

static LateralPack *
load_builtin_pack (void)
{
  g_autofree char *path = g_build_filename (g_getenv ("LATERAL_PACKS_DIR"), "prank-call.json", NULL);
  g_autoptr(GError) error = NULL;
  LateralPack *pack = lateral_pack_load_file (path, NULL, &error);

  g_assert_no_error (error);
  return pack;
}

static void
fixture_set_up (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(LateralPack) pack = load_builtin_pack ();
  g_autoptr(GError) error = NULL;
  guint n_claims = lateral_pack_get_n_claims (pack);

  fixture->tmp = g_dir_make_tmp ("lateral-class-XXXXXX", &error);
  g_assert_no_error (error);
  /* Quick checks: Ana 18 then 20 right, Zoë 14 then 15. */
  fixture->bundles[0] = make_bundle (fixture->tmp, "Ana", "7A", "false", 3, n_claims, 2, 0);
  fixture->bundles[1] = make_bundle (fixture->tmp, "Zoë Ångström", "7A", "true", 1, n_claims, 6, 5);
  fixture->broken = g_build_filename (fixture->tmp, "broken.json", NULL);
  g_file_set_contents (fixture->broken, "{ \"format\": \"lateral-results/1\", ", -1, &error);
  g_assert_no_error (error);
}

static void
remove_tree (GFile *file)
{
  g_autoptr(GFileEnumerator) children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME,
                                                                   G_FILE_QUERY_INFO_NOFOLLOW_SYMLINKS,
                                                                   NULL, NULL);
  GFileInfo *info;

  while (children != NULL && (info = g_file_enumerator_next_file (children, NULL, NULL)) != NULL)
    {
      g_autoptr(GFile) child = g_file_get_child (file, g_file_info_get_name (info));
      remove_tree (child);
      g_object_unref (info);
    }
  g_file_delete (file, NULL, NULL);
}

static void
fixture_tear_down (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GFile) tmp = g_file_new_for_path (fixture->tmp);

  remove_tree (tmp);
  g_free (fixture->tmp);
  g_free (fixture->bundles[0]);
  g_free (fixture->bundles[1]);
  g_free (fixture->broken);
}

static void
collect_rows (GtkWidget *widget,
              GPtrArray *rows)
{
  if (ADW_IS_ACTION_ROW (widget))
    {
      g_ptr_array_add (rows, widget);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    collect_rows (child, rows);
}

static GtkWidget *
find_drawing_area (GtkWidget *widget)
{
  if (GTK_IS_DRAWING_AREA (widget))
    return widget;
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL; child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = find_drawing_area (child);
      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
row_has (GtkWidget  *row,
         const char *title,
         const char *subtitle)
{
  return g_strcmp0 (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)), title) == 0 &&
         g_strcmp0 (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), subtitle) == 0;
}

static gboolean
is_filled (gpointer data)
{
  return lateral_class_results_window_is_filled (data);
}

/* Imports and reports run in workers, and the report's rows are added a
 * few per frame: wait for all of it. */
static void
wait_idle (LateralClassResultsWindow *window)
{
  g_assert_true (lateral_test_ui_wait_until (is_filled, window, 60000));
}

static void
import (LateralClassResultsWindow *window,
        Fixture                   *fixture)
{
  g_autoptr(GFile) a = g_file_new_for_path (fixture->bundles[0]);
  g_autoptr(GFile) b = g_file_new_for_path (fixture->bundles[1]);
  g_autoptr(GFile) c = g_file_new_for_path (fixture->broken);
  GFile *files[] = { a, b, c };

  g_assert_true (lateral_class_results_window_import_files (window, files, G_N_ELEMENTS (files)));
  g_assert_true (lateral_class_results_window_is_busy (window));
  wait_idle (window);
}

static void
check_import_rows (LateralClassResultsWindow *window,
                   const char                *first_words)
{
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();

  collect_rows (lateral_class_results_window_get_import_group (window), rows);
  g_assert_cmpuint (rows->len, ==, 3);
  for (guint i = 0; i < 2; i++)
    g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, i)), first_words));
  /* The broken file is refused, and the row says why. */
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 2)), ==, "broken.json");
  g_assert_true (g_str_has_prefix (adw_action_row_get_subtitle (g_ptr_array_index (rows, 2)), "Refused: "));
}

/* The numbers the report must give, from the pack's verdicts alone. */
static guint
count_accepted (LateralPack    *pack,
                LateralVerdict  verdict)
{
  guint n = 0;

  for (guint i = 0; i < lateral_pack_get_n_steps (pack); i++)
    {
      const LateralStep *step = lateral_pack_get_step (pack, i);

      if (step->type == LATERAL_STEP_CLAIM && lateral_step_accepts (step, verdict))
        n++;
    }
  return n;
}

static void
check_report (LateralClassResultsWindow *window)
{
  g_autoptr(LateralPack) pack = load_builtin_pack ();
  LateralReport *report = lateral_class_results_window_get_report (window);
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  const LateralReportGroup *group;
  const LateralReportStudent *ana, *zoe;
  guint n_claims = lateral_pack_get_n_claims (pack);
  GListModel *students;
  guint row = 0;

  g_assert_nonnull (report);
  g_assert_cmpuint (lateral_report_get_n_groups (report), ==, 1);
  group = lateral_report_get_group (report, 0);
  g_assert_cmpstr (group->class_code, ==, "7A");
  g_assert_cmpstr (group->pack_id, ==, PACK_ID);
  g_assert_cmpuint (group->students->len, ==, 2);
  ana = g_ptr_array_index (group->students, 0);
  zoe = g_ptr_array_index (group->students, 1);
  g_assert_cmpstr (ana->profile_name, ==, "Ana");
  g_assert_cmpstr (zoe->profile_name, ==, "Zoë Ångström");
  g_assert_cmpuint (ana->n_answers, ==, n_claims);
  g_assert_cmpuint (ana->n_correct, ==, count_accepted (pack, LATERAL_VERDICT_FALSE));
  g_assert_cmpuint (zoe->n_correct, ==, count_accepted (pack, LATERAL_VERDICT_TRUE));
  /* Certainty 3 for Ana: +3 right, -6 wrong; certainty 1 for Zoë: +1, 0. */
  g_assert_cmpint (ana->best_mark, ==, 3 * (int) ana->n_correct - 6 * (int) (n_claims - ana->n_correct));
  g_assert_cmpint (zoe->latest_mark, ==, (int) zoe->n_correct);
  g_assert_cmpuint (group->claims->len, ==, n_claims);

  /* The window shows exactly these rows: students in their list, then
   * claims. */
  students = lateral_class_results_window_get_student_rows (window, 0);
  g_assert_nonnull (students);
  g_assert_cmpuint (g_list_model_get_n_items (students), ==, group->students->len);
  for (guint i = 0; i < group->students->len; i++)
    {
      const LateralReportStudent *student = g_ptr_array_index (group->students, i);
      g_autofree char *subtitle = lateral_class_report_format_student (student);
      g_autoptr(LateralClassRow) item = g_list_model_get_item (students, i);

      g_assert_cmpstr (lateral_class_row_get_title (item), ==, student->profile_name);
      g_assert_cmpstr (lateral_class_row_get_subtitle (item), ==, subtitle);
    }
  collect_rows (lateral_class_results_window_get_groups_box (window), rows);
  g_assert_cmpuint (rows->len, >=, 6 + 20 + n_claims + 3);

  /* First the class's quick check before and after: both learners took
   * both; V means 16.0 then 17.5. */
  {
    const LateralMeasureSummary *measure = lateral_report_get_measure (report, group);

    g_assert_nonnull (measure);
    g_assert_cmpuint (measure->pairs, ==, 2);
    g_assert_true (row_has (g_ptr_array_index (rows, 0), "Headlines right (V)", "16.0 → 17.5 (+1.5)"));
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 4)), ==, "Effect size (Cohen’s d_z)");
    /* Then each headline, in an expander (its header is a row too): f1 was
     * wrong for both before (the first items are the wrong ones), right for
     * Ana after, wrong for Zoë. */
    g_assert_cmpuint (measure->items->len, ==, 20);
    g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 5)), ==, "Each headline");
    g_assert_true (row_has (g_ptr_array_index (rows, 6), "f1", "0% → 50%"));
    row = 6 + measure->items->len;
    /* And the small before/after chart, an image to a screen reader. */
    g_assert_nonnull (find_drawing_area (lateral_class_results_window_get_groups_box (window)));
    g_assert_cmpint (gtk_accessible_get_accessible_role (GTK_ACCESSIBLE (find_drawing_area (lateral_class_results_window_get_groups_box (window)))),
                     ==, GTK_ACCESSIBLE_ROLE_IMG);
  }
  for (guint i = 0; i < group->claims->len; i++, row++)
    {
      const LateralReportClaim *claim = g_ptr_array_index (group->claims, i);
      g_autofree char *subtitle = lateral_class_report_format_claim (claim);

      g_assert_cmpstr (claim->claim, ==, lateral_pack_find_step (pack, claim->claim_id)->claim);
      g_assert_cmpuint (claim->n_answers, ==, 2);
      g_assert_true (row_has (g_ptr_array_index (rows, row), claim->claim, subtitle));
    }
}

static void
check_exports (LateralClassResultsWindow *window,
               Fixture                   *fixture)
{
  LateralReport *report = lateral_class_results_window_get_report (window);
  g_autofree char *csv_path = g_build_filename (fixture->tmp, "out.csv", NULL);
  g_autofree char *pdf_path = g_build_filename (fixture->tmp, "out.pdf", NULL);
  g_autoptr(GFile) csv_file = g_file_new_for_path (csv_path);
  g_autoptr(GFile) pdf_file = g_file_new_for_path (pdf_path);
  g_autofree char *csv = NULL;
  g_autofree char *expected_csv = lateral_report_to_csv (report);
  g_autofree char *pdf = NULL;
  g_autoptr(GError) error = NULL;
  guint n_pages = 0;
  gsize pdf_length;

  g_assert_true (lateral_class_results_window_export_csv (window, csv_file, &error));
  g_assert_no_error (error);
  g_file_get_contents (csv_path, &csv, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (csv, ==, expected_csv);
  g_assert_nonnull (strstr (csv, "Zoë Ångström"));

  g_assert_true (lateral_class_results_window_export_pdf (window, pdf_file, &n_pages, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n_pages, ==, lateral_report_count_pages (report, LATERAL_REPORT_PAGE_WIDTH, LATERAL_REPORT_PAGE_HEIGHT));
  g_assert_cmpuint (n_pages, >=, 1);
  g_file_get_contents (pdf_path, &pdf, &pdf_length, &error);
  g_assert_no_error (error);
  g_assert_true (pdf_length > 4 && memcmp (pdf, "%PDF", 4) == 0);

  /* Print goes through GtkPrintOperation with the same drawing. */
  {
    g_autofree char *printed_path = g_build_filename (fixture->tmp, "printed.pdf", NULL);
    g_autoptr(GFile) printed = g_file_new_for_path (printed_path);
    int n_printed = 0;

    g_assert_true (lateral_class_results_window_print_to_file (window, printed, &n_printed, &error));
    g_assert_no_error (error);
    g_assert_cmpint (n_printed, ==, (int) n_pages);
    g_assert_true (g_file_test (printed_path, G_FILE_TEST_IS_REGULAR));
  }
}

static void
test_class_results (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  LateralClassResultsWindow *results;
  LateralWindow *window;
  g_autofree char *csv_before = NULL;
  g_autofree char *csv_after = NULL;

  window = lateral_test_ui_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_null (lateral_window_get_class_results (window));

  /* What the "Class Results" menu item does. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.class-results", NULL));
  results = LATERAL_CLASS_RESULTS_WINDOW (lateral_window_get_class_results (window));
  g_assert_nonnull (results);
  lateral_test_ui_wait_drawn (GTK_WIDGET (results));
  wait_idle (results);
  g_assert_null (lateral_class_results_window_get_report (results));

  import (results, fixture);
  check_import_rows (results, "1 added");
  lateral_class_results_window_select (results, "7A", PACK_ID);
  wait_idle (results);
  check_report (results);
  csv_before = lateral_report_to_csv (lateral_class_results_window_get_report (results));

  /* Again: nothing is added, nothing changes. */
  import (results, fixture);
  check_import_rows (results, "0 added · 0 completed · 1 already here");
  check_report (results);
  csv_after = lateral_report_to_csv (lateral_class_results_window_get_report (results));
  g_assert_cmpstr (csv_before, ==, csv_after);

  check_exports (results, fixture);
  lateral_test_ui_wait_drawn (GTK_WIDGET (results));

  /* The action shows the same window again, not a second one. */
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.class-results", NULL));
  g_assert_true (lateral_window_get_class_results (window) == GTK_WINDOW (results));

  gtk_window_destroy (GTK_WINDOW (results));
  g_assert_null (lateral_window_get_class_results (window));
  gtk_window_destroy (GTK_WINDOW (window));
}

/* A bundle nested 80,000 deep once overflowed json-glib's stack and killed
 * the app; now its row says why it was refused and the window lives on. */
static void
test_deep_bundle (Fixture       *fixture,
                  gconstpointer  data)
{
  g_autoptr(LateralApplication) app = lateral_test_ui_application_new ();
  g_autofree char *path = g_build_filename (fixture->tmp, "deep.json", NULL);
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GString) text = g_string_new ("{\"format\":\"lateral-results/1\",\"profiles\":");
  g_autoptr(GPtrArray) rows = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  LateralClassResultsWindow *results;
  LateralWindow *window;
  GFile *files[] = { file };

  for (guint i = 0; i < 80000; i++)
    g_string_append_c (text, '[');
  for (guint i = 0; i < 80000; i++)
    g_string_append_c (text, ']');
  g_string_append (text, ",\"attempts\":[]}");
  g_file_set_contents (path, text->str, text->len, &error);
  g_assert_no_error (error);

  window = lateral_test_ui_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.class-results", NULL));
  results = LATERAL_CLASS_RESULTS_WINDOW (lateral_window_get_class_results (window));
  lateral_test_ui_wait_drawn (GTK_WIDGET (results));

  g_assert_true (lateral_class_results_window_import_files (results, files, 1));
  wait_idle (results);
  collect_rows (lateral_class_results_window_get_import_group (results), rows);
  g_assert_cmpuint (rows->len, ==, 1);
  g_assert_cmpstr (adw_preferences_row_get_title (g_ptr_array_index (rows, 0)), ==, "deep.json");
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (g_ptr_array_index (rows, 0)),
                            "nested deeper than 32 levels"));
  lateral_test_ui_wait_drawn (GTK_WIDGET (results));

  gtk_window_destroy (GTK_WINDOW (results));
  gtk_window_destroy (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  lateral_test_ui_init (&argc, &argv);

  g_test_add ("/ui/class-results/import-and-report", Fixture, NULL,
              fixture_set_up, test_class_results, fixture_tear_down);
  g_test_add ("/ui/class-results/deep-bundle", Fixture, NULL,
              fixture_set_up, test_deep_bundle, fixture_tear_down);

  return g_test_run ();
}
