#!/usr/bin/python3
"""Writes rows.csv (a small prediction dump with two group columns) and the per-group figures of it that
GroupFiguresReferenceTest checks losseval's --group-by against. Run: /usr/bin/python3 make_groups.py

The reference is pandas' groupby (dropna=False: a missing region is a group of its own, as in losseval,
where an empty cell is the empty value) plus NumPy/SciPy by hand:
  mse, mae, rmse        plain and weighted (w) means of the row losses per group
  CI of a mean loss     unweighted: mean +- t.ppf(0.975, n-1) * s / sqrt(n)  (s the sample std, ddof=1)
                        weighted:   ratio-estimator sandwich SE^2 = n/(n-1) * sum w^2 (x - xbar_w)^2 / (sum w)^2,
                                    df = n-1 (Cochran 1977 6.4; survey::svymean), the same t quantile
                        rmse: the mse interval's ends through sqrt (the lower end raised to 0 first)
  loss_share            sum of w*l over the group / over all rows;  row_share  rows / all rows
  coverage[p10:p90]     fraction of targets with p10 <= target <= p90 (a bound counts as inside)
  calibration[p90]      fraction of rows whose target is below p90 (strictly); rows are counted, not
                        weighted, as for the run's calibration (QuantileState)
  medae                 scikit-learn 1.2 median_absolute_error per group (sample_weight=w when weighted:
                        its _weighted_percentile, the lower weighted median); no interval

expected_delta.csv: the comparison inside each group of pred (the candidate) with the column base (the baseline,
--baseline-pred base), plain and weighted:
  mse, mae              baseline value, delta = candidate - baseline, and the paired t interval of delta at 95%
                        and 90% (--confidence 0.9) with its two-sided p-value: unweighted SciPy's
                        ttest_rel(cand, base) per group (its confidence_interval); weighted the same ratio-estimator
                        sandwich SE as above on the row differences d, p = 2 t.sf(|dbar_w / SE|, n-1)
  win_rate              the fraction of the group's rows where the candidate's row loss is lower
  rmse, r2              baseline value and delta only (no interval of delta per group)
Values are written with repr (shortest round trip) so the test reads the same doubles.
"""
from pathlib import Path

import numpy as np
import pandas as pd
from scipy import stats
from sklearn.metrics import median_absolute_error

HERE = Path(__file__).resolve().parent
SEED = 9


def rows() -> pd.DataFrame:
    rng = np.random.default_rng(SEED)
    n = 600
    region = rng.choice(["eu", "us", "asia", "", "a, b"], n, p=[0.35, 0.35, 0.2, 0.05, 0.05])
    device = rng.choice(["ios", "android"], n)
    target = rng.normal(10.0, 2.0, n).round(3)
    noise = rng.normal(0.0, 1.0, n) * np.where(region == "asia", 2.0, 1.0)
    pred = (target + noise).round(3)
    w = rng.uniform(0.5, 2.0, n).round(3)
    # The baseline: a generator of its own, so the columns above stay what they were; a little worse in "us".
    other = np.random.default_rng(SEED + 1)
    base = (target + other.normal(0.0, 1.0, n) * np.where(region == "us", 1.3, 1.0)).round(3)
    return pd.DataFrame({"region": region, "device": device, "pred": pred, "target": target, "w": w,
                         "p10": (pred - 1.3).round(3), "p90": (pred + 1.3).round(3), "base": base})


def mean_ci(x: np.ndarray, w: np.ndarray | None):
    n = len(x)
    if w is None:
        mean = x.mean()
        se = x.std(ddof=1) / np.sqrt(n) if n > 1 else np.nan
    else:
        mean = (w * x).sum() / w.sum()
        se = np.sqrt(n / (n - 1) * (w ** 2 * (x - mean) ** 2).sum() / w.sum() ** 2) if n > 1 else np.nan
    q = stats.t.ppf(0.975, n - 1) if n > 1 else np.nan
    return mean, mean - q * se, mean + q * se


def figures(frame: pd.DataFrame, weighted: bool) -> pd.DataFrame:
    err = frame["pred"] - frame["target"]
    frame = frame.assign(se=err ** 2, ae=err.abs())
    wall = frame["w"] if weighted else pd.Series(1.0, index=frame.index)
    totals = {k: (wall * frame[k]).sum() for k in ("se", "ae")}
    out = []
    for (region, device), g in frame.groupby(["region", "device"], dropna=False, sort=True):
        w = g["w"].to_numpy() if weighted else None
        row = {"weighted": int(weighted), "region": region, "device": device, "rows": len(g),
               "row_share": len(g) / len(frame)}
        for name, col in (("mse", "se"), ("mae", "ae")):
            mean, lo, hi = mean_ci(g[col].to_numpy(), w)
            row[name], row[name + "_low"], row[name + "_high"] = mean, lo, hi
            gw = g["w"] if weighted else 1.0
            row[name + "_share"] = (gw * g[col]).sum() / totals[col]
        row["rmse"] = np.sqrt(row["mse"])
        row["rmse_low"] = np.sqrt(max(row["mse_low"], 0.0))
        row["rmse_high"] = np.sqrt(row["mse_high"])
        row["coverage"] = ((g["p10"] <= g["target"]) & (g["target"] <= g["p90"])).mean()
        row["calibration"] = (g["target"] < g["p90"]).mean()
        row["medae"] = median_absolute_error(g["target"], g["pred"], sample_weight=w)
        out.append(row)
    return pd.DataFrame(out)


def paired(d: np.ndarray, w: np.ndarray | None, level: float):
    """mean of d, the ends of its t interval at level, and its two-sided p-value against 0."""
    n = len(d)
    if w is None:
        res = stats.ttest_rel(d, np.zeros(n))
        ci = res.confidence_interval(confidence_level=level)
        return d.mean(), ci.low, ci.high, res.pvalue
    mean = (w * d).sum() / w.sum()
    se = np.sqrt(n / (n - 1) * (w ** 2 * (d - mean) ** 2).sum() / w.sum() ** 2)
    q = stats.t.ppf(0.5 + level / 2, n - 1)
    return mean, mean - q * se, mean + q * se, 2 * stats.t.sf(abs(mean / se), n - 1)


def deltas(frame: pd.DataFrame, weighted: bool) -> pd.DataFrame:
    out = []
    for (region, device), g in frame.groupby(["region", "device"], dropna=False, sort=True):
        w = g["w"].to_numpy() if weighted else None
        y, c, b = g["target"].to_numpy(), g["pred"].to_numpy(), g["base"].to_numpy()
        row = {"weighted": int(weighted), "region": region, "device": device, "rows": len(g)}
        for name, loss in (("mse", lambda p: (p - y) ** 2), ("mae", lambda p: np.abs(p - y))):
            lc, lb = loss(c), loss(b)
            row[name + "_base"] = np.average(lb, weights=w)
            # ttest_rel(cand, base) is the one-sample test of d = cand - base
            if w is None:
                res = stats.ttest_rel(lc, lb)
                assert np.isclose(res.pvalue, paired(lc - lb, None, 0.95)[3], rtol=1e-12)
            for level, tag in ((0.95, ""), (0.9, "_90")):
                mean, lo, hi, p = paired(lc - lb, w, level)
                row[name + "_delta"] = mean
                row[name + "_low" + tag], row[name + "_high" + tag] = lo, hi
                row[name + "_p"] = p
            row[name + "_win_rate"] = (lc < lb).mean()
        mse_c, mse_b = np.average((c - y) ** 2, weights=w), np.average((b - y) ** 2, weights=w)
        row["rmse_base"] = np.sqrt(mse_b)
        row["rmse_delta"] = np.sqrt(mse_c) - np.sqrt(mse_b)
        def r2(p):
            ybar = np.average(y, weights=w)
            return 1 - np.average((p - y) ** 2, weights=w) / np.average((y - ybar) ** 2, weights=w)
        row["r2_base"] = r2(b)
        row["r2_delta"] = r2(c) - r2(b)
        out.append(row)
    return pd.DataFrame(out)


def write(frame: pd.DataFrame, path: Path) -> None:
    with open(path, "w") as f:
        f.write(",".join(frame.columns) + "\n")
        for _, r in frame.iterrows():
            f.write(",".join(repr(float(v)) if isinstance(v, (float, np.floating)) else
                             ('"' + v + '"' if isinstance(v, str) else str(v)) for v in r.values) + "\n")


def main() -> None:
    frame = rows()
    frame.to_csv(HERE / "rows.csv", index=False, float_format="%.10g")
    # Read back as losseval reads it: every cell as written, an empty region the empty value.
    frame = pd.read_csv(HERE / "rows.csv", keep_default_na=False, dtype={"region": str, "device": str})
    write(pd.concat([figures(frame, False), figures(frame, True)]), HERE / "expected.csv")
    write(pd.concat([deltas(frame, False), deltas(frame, True)]), HERE / "expected_delta.csv")


if __name__ == "__main__":
    main()
