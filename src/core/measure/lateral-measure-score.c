/* lateral-measure-score.c: V, r, f, d, n and the t distribution for a class's change
 *
 * Copyright 2026 The Lateral authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The t quantile is computed here rather than taken from a library: the
 * core links only GLib and libm. It inverts the t distribution function,
 * itself the regularized incomplete beta function evaluated by its
 * continued fraction (modified Lentz), by bisection: slow by numerical
 * standards (~100 evaluations) and exact to 1e-10, which a report computed
 * once per class does not notice. tests/test-measure.c checks it against
 * published table values.
 */
#include "config.h"

#include <math.h>

#include "lateral-measure-score.h"

/**
 * lateral_measure_score_tally:
 * @truth_real: for each answer, whether its headline is real
 * @answer_real: for each answer, whether the learner said Real
 * @n_answers: the number of answers, one per item of the instrument
 * @out: the scores
 *
 * d and n compare the learner's answers with the instrument's own mix of
 * headlines: with 10 fake and 10 real, 13 Fake answers make d = 3 and n = 0.
 */
void
lateral_measure_score_tally (const gboolean      *truth_real,
                             const gboolean      *answer_real,
                             guint                n_answers,
                             LateralMeasureScore *out)
{
  guint n_real_items = 0, n_real_answers = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (n_answers == 0 || (truth_real != NULL && answer_real != NULL));

  *out = (LateralMeasureScore) { 0 };
  for (guint i = 0; i < n_answers; i++)
    {
      n_real_items += truth_real[i] ? 1 : 0;
      n_real_answers += answer_real[i] ? 1 : 0;
      if (truth_real[i] && answer_real[i])
        out->r++;
      else if (!truth_real[i] && !answer_real[i])
        out->f++;
    }
  out->V = out->r + out->f;
  /* Fake answers beyond the fake headlines, real answers beyond the real. */
  out->d = (n_answers - n_real_answers) > (n_answers - n_real_items)
           ? (n_answers - n_real_answers) - (n_answers - n_real_items) : 0;
  out->n = n_real_answers > n_real_items ? n_real_answers - n_real_items : 0;
}

/* From -(number of fake items), too sceptical, to +(number of real items), too gullible. */
int
lateral_measure_score_nd (const LateralMeasureScore *score)
{
  g_return_val_if_fail (score != NULL, 0);
  return (int) score->n - (int) score->d;
}

/* Returns: the percent of the norm sample with a lower V */
double
lateral_measure_norm_below (const LateralMeasureNorm *norm,
                            guint                     V)
{
  g_return_val_if_fail (norm != NULL, 0);
  return norm->below[V];
}

/* Continued fraction of the incomplete beta function (Lentz's method). */
static double
beta_fraction (double a,
               double b,
               double x)
{
  const double tiny = 1e-300;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0), h;

  if (fabs (d) < tiny)
    d = tiny;
  d = 1.0 / d;
  h = d;
  for (int m = 1; m <= 300; m++)
    {
      double m2 = 2.0 * m;
      double num = m * (b - m) * x / ((a + m2 - 1.0) * (a + m2));
      double delta;

      d = 1.0 + num * d;
      d = fabs (d) < tiny ? tiny : d;
      c = 1.0 + num / c;
      c = fabs (c) < tiny ? tiny : c;
      d = 1.0 / d;
      h *= d * c;

      num = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1.0));
      d = 1.0 + num * d;
      d = fabs (d) < tiny ? tiny : d;
      c = 1.0 + num / c;
      c = fabs (c) < tiny ? tiny : c;
      d = 1.0 / d;
      delta = d * c;
      h *= delta;
      if (fabs (delta - 1.0) < 1e-15)
        break;
    }
  return h;
}

/* The regularized incomplete beta function I_x(a, b). */
static double
incomplete_beta (double a,
                 double b,
                 double x)
{
  double front;

  if (x <= 0.0)
    return 0.0;
  if (x >= 1.0)
    return 1.0;

  front = exp (lgamma (a + b) - lgamma (a) - lgamma (b) + a * log (x) + b * log1p (-x));
  /* The fraction converges fast only on one side of the mean. */
  if (x < (a + 1.0) / (a + b + 2.0))
    return front * beta_fraction (a, b, x) / a;
  return 1.0 - front * beta_fraction (b, a, 1.0 - x) / b;
}

/* Returns: P(T <= t) for Student's t with @df degrees of freedom */
double
lateral_stats_t_cdf (double t,
                     double df)
{
  double tail;

  g_return_val_if_fail (df > 0, NAN);

  tail = 0.5 * incomplete_beta (df / 2.0, 0.5, df / (df + t * t));
  return t >= 0 ? 1.0 - tail : tail;
}

/**
 * lateral_stats_t_quantile:
 * @p: a probability, 0 < p < 1
 * @df: degrees of freedom, > 0
 *
 * Returns: t such that P(T <= t) = p
 */
double
lateral_stats_t_quantile (double p,
                          double df)
{
  double low = 0.0, high = 1.0;

  g_return_val_if_fail (p > 0.0 && p < 1.0, NAN);
  g_return_val_if_fail (df > 0, NAN);

  if (p < 0.5)
    return -lateral_stats_t_quantile (1.0 - p, df);
  if (p == 0.5)
    return 0.0;

  while (lateral_stats_t_cdf (high, df) < p && high < 1e12)
    {
      low = high;
      high *= 2.0;
    }
  for (int i = 0; i < 200 && high - low > 1e-12 * MAX (1.0, high); i++)
    {
      double mid = 0.5 * (low + high);

      if (lateral_stats_t_cdf (mid, df) < p)
        low = mid;
      else
        high = mid;
    }
  return 0.5 * (low + high);
}

/**
 * lateral_stats_paired:
 * @differences: after minus before, one per learner with both checks
 * @n: how many
 * @out: mean, standard deviation, Cohen's d_z and its 95% interval
 *
 * The interval is the t interval of the mean difference divided by the
 * standard deviation: d_z -/+ t(0.975, n - 1) / sqrt (n) (docs/report.md).
 */
void
lateral_stats_paired (const double       *differences,
                      guint               n,
                      LateralPairedStats *out)
{
  double sum = 0, squares = 0;

  g_return_if_fail (out != NULL);
  g_return_if_fail (n == 0 || differences != NULL);

  *out = (LateralPairedStats) { .n = n };
  if (n == 0)
    return;

  for (guint i = 0; i < n; i++)
    sum += differences[i];
  out->mean = sum / n;
  if (n < 2)
    return;

  for (guint i = 0; i < n; i++)
    squares += (differences[i] - out->mean) * (differences[i] - out->mean);
  out->sd = sqrt (squares / (n - 1));
  if (out->sd <= 0)
    return;

  out->has_d_z = TRUE;
  out->d_z = out->mean / out->sd;
  {
    double half = lateral_stats_t_quantile (0.975, n - 1) / sqrt ((double) n);
    out->ci_low = out->d_z - half;
    out->ci_high = out->d_z + half;
  }
}
