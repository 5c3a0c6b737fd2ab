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
    return pd.DataFrame({"region": region, "device": device, "pred": pred, "target": target, "w": w,
                         "p10": (pred - 1.3).round(3), "p90": (pred + 1.3).round(3)})


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


def main() -> None:
    frame = rows()
    frame.to_csv(HERE / "rows.csv", index=False, float_format="%.10g")
    # Read back as losseval reads it: every cell as written, an empty region the empty value.
    frame = pd.read_csv(HERE / "rows.csv", keep_default_na=False, dtype={"region": str, "device": str})
    expected = pd.concat([figures(frame, False), figures(frame, True)])
    with open(HERE / "expected.csv", "w") as f:
        f.write(",".join(expected.columns) + "\n")
        for _, r in expected.iterrows():
            f.write(",".join(repr(float(v)) if isinstance(v, (float, np.floating)) else
                             ('"' + v + '"' if isinstance(v, str) else str(v)) for v in r.values) + "\n")


if __name__ == "__main__":
    main()
