#!/usr/bin/python3
"""Reference for --rows-out (RowsOutTest). Run from anywhere: /usr/bin/python3 make_rowsout.py

It writes, beside this script:

  a.csv          250 rows of pred,target (3 decimals, so the CSV text is the exact double), 4 gross errors
  b.csv          120 rows, the same kind, 4 gross errors and 4 invalid cells (empty, 'abc', 'inf', 'nan')
  expected.csv   what 'losseval eval a.csv b.csv -p pred -t target --skip-invalid -l LOSSES --rows-out F'
                 must write, one line per input row, in input order (a.csv's rows, then b.csv's):
                 input,row,residual,<one column per loss>,outlier,skipped

Where each value comes from:
  residual         pred - target in float64 (numpy)
  mse, mae         torch.nn.functional.mse_loss / l1_loss(reduction='none') on float64 tensors
  huber:delta=1.5  torch.nn.functional.huber_loss(reduction='none', delta=1.5)
  huber:delta=mad  the same with delta = median(|r - median(r)|) over every used row of both files pooled
                   (numpy.median; unscaled, as losseval's huber:delta=mad)
  pinball:q=0.9    sklearn.metrics.mean_pinball_loss(alpha=0.9) of the single row
  log_cosh         Python's decimal module at 80 digits: |r| + ln(1 + exp(-2|r|)) - ln 2
  rmse             its row term, the squared error (torch mse_loss), whose mean's square root is the figure
  outlier          |r - median(r)| > 3 * 1.4826 * MAD, median and MAD unweighted over every used row pooled;
                   the script checks that no residual lies within 1e-6 of the threshold, so the flag cannot
                   depend on rounding
  skipped          the reason losseval counts the row under (empty value, not a number, infinite value,
                   NaN value); its residual, losses and flag are empty
Every float is written with repr(), which round-trips.
"""
import csv
import decimal
import os

import numpy as np
import sklearn.metrics as skm
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
LOSSES = ["mse", "mae", "huber:delta=1.5", "huber:delta=mad", "pinball:q=0.9", "log_cosh", "rmse"]
FACTOR = 3.0
D = decimal.Context(prec=80)
# Row (0-based) of b.csv -> (column, cell text, losseval's reason).
INVALID = {7: ("pred", "", "empty value"), 31: ("target", "abc", "not a number"),
           64: ("pred", "inf", "infinite value"), 99: ("target", "nan", "NaN value")}


def make(rng, n, gross):
    target = np.round(rng.normal(50.0, 10.0, n), 3)
    pred = np.round(target + rng.normal(0.0, 1.0, n), 3)
    for i in rng.choice(n, gross, replace=False):
        pred[i] = np.round(pred[i] + rng.choice([-1, 1]) * rng.uniform(15, 40), 3)
    return pred, target


def log_cosh(r):
    a = abs(decimal.Decimal(float(r)))
    v = D.add(a, D.subtract(D.ln(D.add(1, D.exp(D.multiply(-2, a)))), D.ln(decimal.Decimal(2))))
    return float(v)


def main():
    rng = np.random.default_rng(20261205)
    files = {"a.csv": make(rng, 250, 4), "b.csv": make(rng, 120, 4)}
    used = {name: np.array([not (name == "b.csv" and i in INVALID) for i in range(len(p))])
            for name, (p, _) in files.items()}
    pooled = np.concatenate([(p - y)[used[name]] for name, (p, y) in files.items()])
    median = np.median(pooled)
    mad = np.median(np.abs(pooled - median))
    threshold = FACTOR * 1.4826 * mad
    assert np.min(np.abs(np.abs(pooled - median) - threshold)) > 1e-6, "a residual too close to the threshold"
    for name, (p, y) in files.items():
        with open(os.path.join(HERE, name), "w", newline="") as f:
            f.write("pred,target\n")
            for i in range(len(p)):
                cells = {"pred": repr(float(p[i])), "target": repr(float(y[i]))}
                if name == "b.csv" and i in INVALID:
                    column, text, _ = INVALID[i]
                    cells[column] = text
                f.write(cells["pred"] + "," + cells["target"] + "\n")
    with open(os.path.join(HERE, "expected.csv"), "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["input", "row", "residual"] + LOSSES + ["outlier", "skipped"])
        for name, (p, y) in files.items():
            pt, yt = torch.tensor(p, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)
            columns = {
                "mse": F.mse_loss(pt, yt, reduction="none").numpy(),
                "mae": F.l1_loss(pt, yt, reduction="none").numpy(),
                "huber:delta=1.5": F.huber_loss(pt, yt, reduction="none", delta=1.5).numpy(),
                "huber:delta=mad": F.huber_loss(pt, yt, reduction="none", delta=float(mad)).numpy(),
                "pinball:q=0.9": [skm.mean_pinball_loss([y[i]], [p[i]], alpha=0.9) for i in range(len(p))],
                "log_cosh": [log_cosh(p[i] - y[i]) for i in range(len(p))],
                "rmse": F.mse_loss(pt, yt, reduction="none").numpy(),
            }
            for i in range(len(p)):
                if not used[name][i]:
                    out.writerow([name, i + 1, ""] + [""] * len(LOSSES) + ["", INVALID[i][2]])
                    continue
                r = p[i] - y[i]
                flag = "true" if abs(r - median) > threshold else "false"
                out.writerow([name, i + 1, repr(float(r))] + [repr(float(columns[l][i])) for l in LOSSES]
                             + [flag, ""])
    print("median", repr(float(median)), "mad", repr(float(mad)), "threshold", repr(float(threshold)),
          "outliers", int(np.sum(np.abs(pooled - median) > threshold)))


if __name__ == "__main__":
    main()
