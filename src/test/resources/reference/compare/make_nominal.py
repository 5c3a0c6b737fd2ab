#!/usr/bin/python3
"""Reference values for the comparison of a quantile's calibration and an interval's coverage with a
baseline's (org.losseval.app.ComparisonStates, report.Verdict.ofNominal). Run: /usr/bin/python3 make_nominal.py

nominal_rows.csv: y, the candidate's quantiles lo (level 0.1) and hi (0.9), the baseline's blo and bhi, and a
group column g (two groups). The candidate's interval lo:hi is m -+ 1.5 around m = y + N(0, 1), the baseline's
m -+ 2.5 (too wide): both over-cover the nominal 0.8, the candidate less.

nominal_expected.csv, per figure (calibration[lo], calibration[hi], coverage[lo:hi]), for all rows; and again
with candidate and baseline exchanged (run "swapped": the figures are then named by blo and bhi):
  baseline, candidate   the fractions of rows with y < q (calibration; strictly below) or lo <= y <= hi
                        (coverage; a bound is inside), unweighted
  delta, ci_low, ci_high, p
                        scipy.stats.ttest_rel(cand, base) on the per-row indicators (0/1), its
                        confidence_interval(0.95) and pvalue (SciPy 1.10)
  win_rate              the fraction of rows where the candidate's indicator is lower than the baseline's
  verdict               by the definition in report.Verdict, computed here from the distances: when the
                        interval excludes 0 and both lie on the same side of the nominal, closer_to_nominal if
                        |cand - nominal| < |base - nominal|, else farther_from_nominal; no_significant_difference
                        when the interval holds 0; undetermined when they lie on opposite sides
Values are written with repr (shortest round trip).
"""
from pathlib import Path

import numpy as np
from scipy import stats

HERE = Path(__file__).resolve().parent


def main() -> None:
    rng = np.random.default_rng(11)
    n = 400
    y = rng.normal(0.0, 2.0, n).round(4)
    m = y + rng.normal(0.0, 1.0, n)
    cols = {"y": y, "lo": (m - 1.5).round(4), "hi": (m + 1.5).round(4), "blo": (m - 2.5).round(4),
            "bhi": (m + 2.5).round(4)}
    g = np.where(rng.uniform(size=n) < 0.5, "a", "b")
    with open(HERE / "nominal_rows.csv", "w") as f:
        f.write("y,lo,hi,blo,bhi,g\n")
        for i in range(n):
            f.write(",".join(repr(float(cols[k][i])) for k in ("y", "lo", "hi", "blo", "bhi")) + "," + g[i] + "\n")
    # read back as losseval reads it
    data = np.genfromtxt(HERE / "nominal_rows.csv", delimiter=",", names=True, usecols=(0, 1, 2, 3, 4))
    y, lo, hi, blo, bhi = (data[k] for k in ("y", "lo", "hi", "blo", "bhi"))
    figures = [
        ("calibration[lo]", 0.1, (y < lo).astype(float), (y < blo).astype(float)),
        ("calibration[hi]", 0.9, (y < hi).astype(float), (y < bhi).astype(float)),
        ("coverage[lo:hi]", 0.8, ((lo <= y) & (y <= hi)).astype(float), ((blo <= y) & (y <= bhi)).astype(float)),
    ]
    with open(HERE / "nominal_expected.csv", "w") as f:
        f.write("run,figure,nominal,baseline,candidate,delta,ci_low,ci_high,p,win_rate,verdict\n")
        # run "swapped": candidate and baseline exchanged (-q blo -q bhi --baseline-quantile lo ...)
        runs = [("plain", c, b) for _, _, c, b in figures] + [("swapped", b, c) for _, _, c, b in figures]
        for (run, c, b), (name, nominal, _, _) in zip(runs, figures + figures):
            name = name if run == "plain" else name.replace("lo", "blo").replace("hi", "bhi")
            res = stats.ttest_rel(c, b)
            ci = res.confidence_interval(confidence_level=0.95)
            cand, base = c.mean(), b.mean()
            if ci.low <= 0 <= ci.high:
                verdict = "no_significant_difference"
            elif (cand - nominal) * (base - nominal) < 0:
                verdict = "undetermined"
            else:
                verdict = "closer_to_nominal" if abs(cand - nominal) < abs(base - nominal) else "farther_from_nominal"
            row = [run, name, nominal, base, cand, (c - b).mean(), ci.low, ci.high, res.pvalue, (c < b).mean(), verdict]
            f.write(",".join(repr(float(v)) if isinstance(v, (float, np.floating)) else str(v) for v in row) + "\n")


if __name__ == "__main__":
    main()
