#!/usr/bin/python3
"""Reference values for the comparison of a candidate with a baseline (org.losseval.accumulate.MeanSums).

Run with Debian's /usr/bin/python3 (numpy 1.24, scipy 1.10.1) from this directory:
    /usr/bin/python3 make_compare.py
It rewrites the CSV files beside it. Every number is written with repr(), which round-trips a double.

Independent implementations used:
  - unweighted paired mean, standard error, interval, p-value: scipy.stats.ttest_rel(cand, base), its
    .confidence_interval(level) and .df (SciPy 1.10), the standard error as (mean difference) / statistic
  - weighted: the ratio-estimator (sandwich) formula of MeanSums' Javadoc computed by hand in numpy,
        mean = sum(w d) / sum(w),  se^2 = n/(n-1) * sum(w^2 (d - mean)^2) / sum(w)^2,  df = n - 1
    (n = rows with w != 0) with scipy.stats.t for the quantile and the tail
  - the interval again with the t quantile from mpmath (40 digits: findroot on mpmath.betainc), because
    SciPy 1.10's t.ppf (cephes stdtrit) is accurate only to about 1e-9 relative: t.ppf(0.975, 49) =
    2.009575234489209 has t.sf = 0.0250000001447 (mpmath agrees with that tail). Columns ci_low_mp,
    ci_high_mp; the Java test holds these to a tight tolerance and SciPy's to a looser one.
"""
import csv

import mpmath
import numpy as np
from scipy import stats

mpmath.mp.dps = 40

LEVELS = [0.95, 0.9]


def datasets():
    rng = np.random.default_rng(20261205)
    out = []
    # name, candidate row losses, baseline row losses, weights or None
    n = 50
    base = rng.gamma(2.0, 1.0, n)
    out.append(("better_50", base - 0.3 + rng.normal(0, 0.5, n), base, None))
    base = rng.gamma(2.0, 1.0, 200)
    out.append(("equal_200", base + rng.normal(0, 1.0, 200), base, None))
    out.append(("tiny_3", np.array([1.0, 2.0, 3.5]), np.array([0.0, 1.0, 1.0]), None))
    out.append(("pair_2", np.array([0.25, 4.0]), np.array([1.0, 1.0]), None))
    base = rng.gamma(2.0, 1.0, 80)
    w = rng.choice([0.0, 0.5, 1.0, 2.0, 3.25], 80)
    out.append(("weighted_80", base + 0.2 + rng.normal(0, 0.7, 80), base, w))
    base = rng.gamma(2.0, 1.0, 30)
    out.append(("unit_weights_30", base + rng.normal(0, 0.7, 30), base, np.ones(30)))
    return out


def unweighted(cand, base, level):
    r = stats.ttest_rel(cand, base)
    d = cand - base
    ci = r.confidence_interval(level)
    return [float(np.mean(d)), float(np.mean(d) / r.statistic), float(r.df), ci.low, ci.high, r.pvalue]


def weighted(cand, base, w, level):
    d = cand - base
    keep = w != 0
    d, w = d[keep], w[keep]
    n = len(d)
    mean = np.sum(w * d) / np.sum(w)
    se = np.sqrt(n / (n - 1) * np.sum(w ** 2 * (d - mean) ** 2) / np.sum(w) ** 2)
    df = n - 1
    q = stats.t.ppf(1 - (1 - level) / 2, df)
    p = 2 * stats.t.sf(abs(mean / se), df)
    return [float(mean), float(se), float(df), mean - q * se, mean + q * se, float(p)]


def t_quantile(p, df):
    """The t quantile to 40 digits: solves I_x(df/2, 1/2) / 2 = 1 - p, x = df / (df + t^2), for t (secant
    steps from SciPy's approximate quantile)."""
    dfm = mpmath.mpf(df)
    tail = 1 - mpmath.mpf(p)

    def upper_tail(t):
        return mpmath.betainc(dfm / 2, mpmath.mpf(1) / 2, 0, dfm / (dfm + t * t), regularized=True) / 2 - tail

    return mpmath.findroot(upper_tail, mpmath.mpf(float(stats.t.ppf(p, df))))


def precise_interval(figures, level):
    mean, se, df = figures[0], figures[1], figures[2]
    q = t_quantile(1 - (1 - level) / 2, df)
    return [float(mpmath.mpf(mean) - q * mpmath.mpf(se)), float(mpmath.mpf(mean) + q * mpmath.mpf(se))]


def main():
    with open("mean_rows.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: per-row candidate and baseline losses and weights (1 when unweighted)\n")
        out.writerow(["dataset", "weighted", "cand", "base", "w"])
        for name, cand, base, w in datasets():
            for i in range(len(cand)):
                out.writerow([name, int(w is not None), repr(float(cand[i])), repr(float(base[i])),
                              repr(float(w[i])) if w is not None else "1.0"])
    with open("mean_expected.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: scipy.stats.ttest_rel (unweighted) or the sandwich formula by hand (weighted)\n")
        out.writerow(["dataset", "level", "mean", "se", "df", "ci_low", "ci_high", "p", "ci_low_mp", "ci_high_mp"])
        for name, cand, base, w in datasets():
            for level in LEVELS:
                figures = unweighted(cand, base, level) if w is None else weighted(cand, base, w, level)
                figures += precise_interval(figures, level)
                out.writerow([name, level] + [repr(float(v)) for v in figures])


if __name__ == "__main__":
    main()
