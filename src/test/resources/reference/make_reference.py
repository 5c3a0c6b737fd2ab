#!/usr/bin/python3
"""Reference values for the regression losses of losseval.

Run with Debian's interpreter from this directory's project root or anywhere:

    /usr/bin/python3 src/test/resources/reference/make_reference.py

Written with torch 1.13, scikit-learn 1.2, numpy 1.24 (the versions are recorded in the output headers).
It writes, beside this script:

  regression_rows.csv         case,row,pred,target,weight           the inputs of every case
  regression_expected.csv     case,loss,mean,weighted_mean,source   the mean and the weighted mean
                                                                    (sum(w*l)/sum(w)) of each loss
  regression_row_losses.csv   case,row,loss,expected,source         per-row values for the small cases

Where each value comes from (the 'source' column says it per line):
  mse, mae, huber, smooth_l1     torch.nn.functional.{mse,l1,huber,smooth_l1}_loss on float64 tensors;
                                 the weighted mean is sum(w * loss(reduction='none')) / sum(w) in torch.
                                 mse and mae are cross-checked against scikit-learn (with sample_weight).
  rmse                           sklearn.metrics.mean_squared_error(squared=False), with sample_weight
  pinball                        sklearn.metrics.mean_pinball_loss(alpha=q), with sample_weight
  mape                           sklearn.metrics.mean_absolute_percentage_error, with sample_weight
  msle                           sklearn.metrics.mean_squared_log_error, with sample_weight
                                 (only for cases without negative values: scikit-learn rejects them)
  log_cosh                       no library has it; computed with Python's decimal module at 80
                                 significant digits as |r| + ln(1 + exp(-2|r|)) - ln 2, which is exact
                                 algebra (no cancellation at that precision), cross-checked against
                                 numpy's logaddexp(r, -r) - log(2) with a loose tolerance.
Per-row values of the scikit-learn metrics are the metric applied to that single row.
Every float is written with repr(), which round-trips (17 significant digits at most).
"""
import csv
import decimal
import math
import os

import numpy as np
import sklearn
import sklearn.metrics as skm
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
D = decimal.Context(prec=80)

# Every loss spec checked, in normalized form (as losseval writes it).
LOSSES = [
    "mse", "rmse", "mae",
    "huber", "huber:delta=15", "huber:delta=0.5",
    "smooth_l1", "smooth_l1:beta=0", "smooth_l1:beta=15",
    "log_cosh",
    "pinball", "pinball:q=0.1", "pinball:q=0.9",
    "mape", "msle",
]


def cases():
    """name -> (pred, target, weight) as float64 arrays."""
    out = {}
    # The seed's three houses (prices in $k); weights chosen to make the weighted mean differ.
    out["houses"] = ([210.0, 340.0, 400.0], [200.0, 350.0, 180.0], [1.0, 2.0, 0.5])
    # Residuals exactly at the thresholds: |r| = 1 (huber delta / smooth_l1 beta default), 15, 0.5,
    # zero residuals (pinball's y == p branch) and a sign change on each.
    out["ties"] = (
        [1.0, 0.0, 16.0, -14.0, 2.5, 1.5, 3.0, 0.0, 7.25, -0.5],
        [0.0, 1.0, 1.0, 1.0, 2.0, 2.0, 3.0, 0.0, 7.25, 0.0],
        [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0],
    )
    # Huge residuals: log_cosh and huber must stay finite and linear, mse is still finite (1e300).
    out["huge"] = (
        [1e150, -1e150, 0.0, 3.0],
        [0.0, 0.0, 1e150, 2.0],
        [1.0, 1.0, 2.0, 0.25],
    )
    # log_cosh across its two forms (threshold |r| = 1) and where cosh would overflow (|r| > 710);
    # targets are 0 so the residual is the prediction exactly.
    small = [1e-10, -3e-6, 1e-3, 0.5, -0.9999999999999999, 1.0, 1.0000000000000002, 2.0, 20.0, 40.0, 710.0, -800.0]
    out["log_cosh_range"] = (small, [0.0] * len(small), [1.0 + i for i in range(len(small))])
    # Zero targets: MAPE divides by max(|y|, eps), so a zero target gives |p| / 2.22e-16.
    out["zero_targets"] = (
        [1.0, 0.0, 1.5, 0.5, 1e-3],
        [0.0, 0.0, 1.0, 2.0, 0.0],
        [1.0, 1.0, 1.0, 2.0, 0.5],
    )
    rng = np.random.default_rng(20240611)
    n = 3000
    target = rng.normal(0.0, 10.0, n)
    # heavy-tailed residuals on several scales so every branch of huber/smooth_l1 is hit often
    residual = rng.standard_t(3, n) * rng.choice([0.1, 1.0, 20.0], n)
    pred = target + residual
    weight = rng.uniform(0.1, 3.0, n)
    out["random_signed"] = (pred.tolist(), target.tolist(), weight.tolist())
    n = 2000
    target = rng.lognormal(2.0, 1.5, n)
    pred = target * rng.lognormal(0.0, 0.3, n)
    weight = rng.uniform(0.1, 3.0, n)
    out["random_positive"] = (pred.tolist(), target.tolist(), weight.tolist())
    return {k: tuple(np.asarray(a, dtype=np.float64) for a in v) for k, v in out.items()}


SMALL_CASES = {"houses", "ties", "huge", "log_cosh_range", "zero_targets"}


def parse(spec):
    name, _, rest = spec.partition(":")
    params = {}
    if rest:
        for kv in rest.split(","):
            k, v = kv.split("=")
            params[k] = float(v)
    return name, params


def torch_rows(name, params, p, y):
    tp, ty = torch.tensor(p, dtype=torch.float64), torch.tensor(y, dtype=torch.float64)
    if name == "mse":
        return F.mse_loss(tp, ty, reduction="none"), "torch.nn.functional.mse_loss"
    if name == "mae":
        return F.l1_loss(tp, ty, reduction="none"), "torch.nn.functional.l1_loss"
    if name == "huber":
        return (F.huber_loss(tp, ty, reduction="none", delta=params.get("delta", 1.0)),
                "torch.nn.functional.huber_loss")
    if name == "smooth_l1":
        return (F.smooth_l1_loss(tp, ty, reduction="none", beta=params.get("beta", 1.0)),
                "torch.nn.functional.smooth_l1_loss")
    return None, None


def sklearn_metric(name, params):
    if name == "mse":
        return skm.mean_squared_error, "sklearn.metrics.mean_squared_error"
    if name == "rmse":
        return (lambda y, p, sample_weight=None: skm.mean_squared_error(y, p, sample_weight=sample_weight,
                                                                        squared=False),
                "sklearn.metrics.mean_squared_error(squared=False)")
    if name == "mae":
        return skm.mean_absolute_error, "sklearn.metrics.mean_absolute_error"
    if name == "pinball":
        q = params.get("q", 0.5)
        return (lambda y, p, sample_weight=None: skm.mean_pinball_loss(y, p, sample_weight=sample_weight,
                                                                       alpha=q),
                "sklearn.metrics.mean_pinball_loss(alpha=%r)" % q)
    if name == "mape":
        return skm.mean_absolute_percentage_error, "sklearn.metrics.mean_absolute_percentage_error"
    if name == "msle":
        return skm.mean_squared_log_error, "sklearn.metrics.mean_squared_log_error"
    return None, None


def log_cosh_decimal(r):
    a = abs(decimal.Decimal(float(r)))
    return D.subtract(D.add(a, D.ln(D.add(1, D.exp(D.multiply(-2, a))))), D.ln(decimal.Decimal(2)))


def log_cosh(p, y, w):
    rows = [log_cosh_decimal(pi - yi) for pi, yi in zip(p, y)]  # r = p - y in float64, as losseval does
    mean = D.divide(sum(rows, decimal.Decimal(0)), len(rows))
    ws = [decimal.Decimal(float(x)) for x in w]
    wmean = D.divide(sum((D.multiply(a, b) for a, b in zip(ws, rows)), decimal.Decimal(0)),
                     sum(ws, decimal.Decimal(0)))
    # loose cross-check against an independent float formula
    r = p - y
    approx = np.logaddexp(r, -r) - math.log(2.0)
    assert np.allclose([float(v) for v in rows], approx, rtol=1e-9, atol=1e-15), "log_cosh cross-check"
    return [float(v) for v in rows], float(mean), float(wmean)


def close(a, b, rel=1e-13):
    return a == b or abs(a - b) <= rel * max(abs(a), abs(b))


def evaluate(spec, p, y, w):
    """(row values or None, mean, weighted mean, source) or None when the loss is undefined here."""
    name, params = parse(spec)
    if name == "log_cosh":
        rows, mean, wmean = log_cosh(p, y, w)
        return rows, mean, wmean, "decimal(prec=80): |r| + ln(1 + exp(-2|r|)) - ln 2"
    if name == "msle" and ((p < 0).any() or (y < 0).any()):
        return None
    rows_t, src_t = torch_rows(name, params, p, y)
    metric, src_s = sklearn_metric(name, params)
    if rows_t is not None:
        tw = torch.tensor(w, dtype=torch.float64)
        mean = float(rows_t.mean())
        wmean = float((tw * rows_t).sum() / tw.sum())
        if metric is not None:
            # independent cross-check of the torch value
            assert close(mean, metric(y, p)), (spec, mean, metric(y, p))
            assert close(wmean, metric(y, p, sample_weight=w)), (spec, wmean)
            src_t += " (agrees with %s)" % src_s
        return rows_t.tolist(), mean, wmean, src_t
    mean = float(metric(y, p))
    wmean = float(metric(y, p, sample_weight=w))
    rows = [float(metric(y[i:i + 1], p[i:i + 1])) for i in range(len(p))] if len(p) < 100 else None
    return rows, mean, wmean, src_s


def main():
    header = "# generated by make_reference.py with torch %s, scikit-learn %s, numpy %s" % (
        torch.__version__, sklearn.__version__, np.__version__)
    all_cases = cases()
    with open(os.path.join(HERE, "regression_rows.csv"), "w", newline="") as f:
        f.write(header + "\n")
        out = csv.writer(f, lineterminator="\n")
        out.writerow(["case", "row", "pred", "target", "weight"])
        for name, (p, y, w) in all_cases.items():
            for i in range(len(p)):
                out.writerow([name, i, repr(float(p[i])), repr(float(y[i])), repr(float(w[i]))])
    with open(os.path.join(HERE, "regression_expected.csv"), "w", newline="") as fe, \
            open(os.path.join(HERE, "regression_row_losses.csv"), "w", newline="") as fr:
        fe.write(header + "\n")
        fr.write(header + "\n")
        expected = csv.writer(fe, lineterminator="\n")
        row_losses = csv.writer(fr, lineterminator="\n")
        expected.writerow(["case", "loss", "mean", "weighted_mean", "source"])
        row_losses.writerow(["case", "row", "loss", "expected", "source"])
        for name, (p, y, w) in all_cases.items():
            for spec in LOSSES:
                result = evaluate(spec, p, y, w)
                if result is None:
                    continue
                rows, mean, wmean, source = result
                expected.writerow([name, spec, repr(mean), repr(wmean), source])
                if name in SMALL_CASES:
                    for i, v in enumerate(rows):
                        row_losses.writerow([name, i, spec, repr(float(v)), source])


if __name__ == "__main__":
    main()
