#!/usr/bin/python3
"""Reference values for org.losseval.accumulate's contribution, interval and quantile states.

Run with Debian's /usr/bin/python3 (numpy 1.24, scipy 1.10.1, scikit-learn 1.2.1) from this directory:
    /usr/bin/python3 generate.py
It rewrites the CSV files beside it. Every number is written with repr(), which round-trips a double.

Independent implementations used:
  - shares, worst rows, median/MAD outliers, concentration curves: plain numpy (np.sort, np.median),
    exact sums with math.fsum
  - residual histogram: octaves from math.frexp, counted in plain Python
  - reliability diagram: sklearn.calibration.calibration_curve(n_bins=10, strategy="uniform"), the counts
    from numpy searchsorted over the same linspace edges; for the examples, probabilities from
    torch.softmax / torch.sigmoid (torch 1.13)
  - binomial p-values and Clopper-Pearson intervals: scipy.stats.binomtest(k, n, p).pvalue and
    .proportion_ci(0.95, method="exact")
  - pinball loss: sklearn.metrics.mean_pinball_loss
  - interval (Winkler) score: the formula of the feature text, vectorized with numpy
"""
import csv
import math

import numpy as np
import scipy
import sklearn
from scipy.stats import binomtest
from sklearn.metrics import mean_pinball_loss

TOP_K = 3
FRACTIONS = [0.01, 0.05, 0.3]
HUBER_DELTA = 15.0


def losses(pred, target):
    r = pred - target
    a = np.abs(r)
    huber = np.where(a <= HUBER_DELTA, 0.5 * r * r, HUBER_DELTA * (a - 0.5 * HUBER_DELTA))
    return {"mse": r * r, "mae": a, "huber": huber}


# The concentration curve's fractions: 1, 2 and 5 times 1e-9 ... 1e-1, and 1 (docs/json-schema.md).
CURVE_FRACTIONS = [m * 10.0 ** e for e in range(-9, 0) for m in (1, 2, 5)] + [1.0]
# Octaves below the largest |residual| with a histogram bin of their own (docs/json-schema.md).
OCTAVES = 12


def curve_rows(n):
    """m = 1, ceil(f * n) for each curve fraction (at least 1, at most n) and n, increasing, no repeats."""
    rows = {1, n}
    for f in CURVE_FRACTIONS:
        rows.add(max(1, min(n, math.ceil(round(float(repr(f)) * n, 9)))))
    return sorted(rows)


def residual_histogram(r):
    """(low, high, count) per bin, as docs/json-schema.md defines them, from math.frexp's exponents."""
    nonzero = [x for x in r if x != 0]
    if not nonzero:
        return [(0.0, 0.0, len(r))] if len(r) else []
    exponent = lambda x: math.frexp(abs(x))[1] - 1  # |x| in [2^e, 2^(e+1))
    top = max(exponent(x) for x in nonzero)
    low_e = top - OCTAVES + 1
    edge = 2.0 ** low_e
    central = sum(1 for x in r if abs(x) < edge)
    bins = [(-2.0 ** (e + 1), -2.0 ** e, sum(1 for x in nonzero if x < 0 and exponent(x) == e))
            for e in range(top, low_e - 1, -1)]
    bins.append((-edge, edge, central))
    bins += [(2.0 ** e, 2.0 ** (e + 1), sum(1 for x in nonzero if x > 0 and exponent(x) == e))
             for e in range(low_e, top + 1)]
    while bins[0][2] == 0:
        bins.pop(0)
    while bins[-1][2] == 0:
        bins.pop()
    return bins


def contribution_case(name, source, row, pred, target, weight, factor, rows_out, expected_out, worst_out,
                      curve_out, histogram_out):
    n = len(pred)
    for i in range(n):
        rows_out.append([name, source[i], row[i], repr(pred[i]), repr(target[i]),
                         "" if weight is None else repr(weight[i])])
    r = pred - target
    median = float(np.median(r))
    mad = float(np.median(np.abs(r - median)))
    threshold = factor * 1.4826 * mad
    outlier = np.abs(r - median) > threshold
    for key, value in [("median", median), ("mad", mad), ("threshold", threshold),
                       ("outlier_count", int(outlier.sum())), ("factor", factor)]:
        expected_out.append([name, "", key, repr(float(value))])
    for loss, l in losses(pred, target).items():
        c = l if weight is None else l * weight
        total = math.fsum(c)
        order = sorted(range(n), key=lambda i: (-c[i], source[i], row[i]))
        desc = [c[i] for i in order]
        figures = {
            "total": total,
            "share_top1": desc[0] / total,
            "share_topk": math.fsum(desc[:TOP_K]) / total,
            "outlier_share": math.fsum(c[outlier]) / total,
        }
        for f in FRACTIONS:
            m = max(1, min(n, math.ceil(round(f * n, 9))))
            figures["share_fraction_%r" % f] = math.fsum(desc[:m]) / total
            figures["rows_fraction_%r" % f] = m
        for key, value in figures.items():
            expected_out.append([name, loss, key, repr(float(value))])
        for rank, i in enumerate(order[:5]):
            worst_out.append([name, loss, rank, source[i], row[i], repr(float(c[i]))])
        for m in curve_rows(n):
            curve_out.append([name, loss, m, repr(math.fsum(desc[:m]) / total)])
    for low, high, count in residual_histogram([float(x) for x in r]):
        histogram_out.append([name, repr(low), repr(high), count])


def contributions():
    rows_out, expected_out, worst_out, curve_out, histogram_out = [], [], [], [], []
    # The seed's houses: pred 210, 340, 400; target 200, 350, 180.
    contribution_case("houses", [0, 0, 0], [1, 2, 3], np.array([210.0, 340.0, 400.0]),
                      np.array([200.0, 350.0, 180.0]), None, 3.0, rows_out, expected_out, worst_out, curve_out, histogram_out)
    rng = np.random.default_rng(20240611)
    # Heavy-tailed residuals (Student t, 2 degrees of freedom) over two sources.
    n = 240
    target = rng.normal(100, 20, n).round(3)
    pred = (target + 8 * rng.standard_t(2, n)).round(3)
    source = [0] * 130 + [1] * 110
    row = list(range(1, 131)) + list(range(1, 111))
    contribution_case("heavy_tails", source, row, pred, target, None, 3.0, rows_out, expected_out, worst_out, curve_out, histogram_out)
    # Integer residuals (many ties in loss) with weights, and a smaller outlier factor.
    n = 150
    target = rng.integers(0, 50, n).astype(float)
    pred = target + rng.integers(-6, 7, n).astype(float)
    pred[[7, 40, 41, 99]] += [60, -45, 60, 30]
    weight = rng.choice([0.5, 1.0, 2.0], n)
    contribution_case("weighted_ties", [0] * n, list(range(1, n + 1)), pred, target, weight, 2.5,
                      rows_out, expected_out, worst_out, curve_out, histogram_out)
    write("contribution_rows.csv", ["case", "source", "row", "pred", "target", "weight"], rows_out)
    write("contribution_expected.csv", ["case", "loss", "figure", "value"], expected_out)
    write("contribution_worst.csv", ["case", "loss", "rank", "source", "row", "contribution"], worst_out)
    write("contribution_curve.csv", ["case", "loss", "rows", "share"], curve_out)
    write("residual_histogram.csv", ["case", "low", "high", "count"], histogram_out)


def reliability():
    """Rows of (probability, event) and scikit-learn's calibration_curve(n_bins=10, strategy='uniform') of them,
    with each bin's row count from numpy's searchsorted over the same edges (calibration_curve drops empty bins)."""
    from sklearn.calibration import calibration_curve
    rng = np.random.default_rng(20261204)
    cases = {}
    p = rng.beta(2, 5, 500)
    cases["beta"] = (p, rng.random(500) < p)
    # Probabilities on the edges as numpy's linspace computes them, and near them: 0.3 and 0.30000000000000004.
    edges = [0.0, 0.1, 0.2, 0.3, 0.30000000000000004, 0.5, 0.6000000000000001, 0.6, 0.9, 1.0, 0.05, 0.95]
    cases["edges"] = (np.array(edges), np.array([i % 2 == 0 for i in range(len(edges))]))
    rows_out, expected_out = [], []
    for name, (prob, event) in cases.items():
        for x, e in zip(prob, event):
            rows_out.append([name, repr(float(x)), int(e)])
        observed, mean = calibration_curve(event.astype(int), prob, n_bins=10, strategy="uniform")
        bins = np.linspace(0.0, 1.0, 11)
        ids = np.searchsorted(bins[1:-1], prob)
        counts = np.bincount(ids, minlength=10)
        nonempty = [b for b in range(10) if counts[b] > 0]
        for b, o, m in zip(nonempty, observed, mean):
            expected_out.append([name, b, int(counts[b]), repr(float(m)), repr(float(o))])
    write("reliability_rows.csv", ["case", "probability", "event"], rows_out)
    examples_reliability()
    write("reliability_expected.csv", ["case", "bin", "count", "mean_predicted", "observed"], expected_out)


def examples_reliability():
    """The reliability diagrams of two committed examples, from torch 1.13's softmax and sigmoid and
    scikit-learn's calibration_curve: examples/leaves.csv (five logit columns l0..l4, labels 'label': the top
    class's probability against whether it is the label) and examples/emails.csv (one logit column 'logit',
    labels 'spam': the sigmoid against label 1)."""
    import os
    import pandas
    import torch
    from sklearn.calibration import calibration_curve
    root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..", "..", "examples")
    out = []
    leaves = pandas.read_csv(os.path.join(root, "leaves.csv"))
    logits = torch.tensor(leaves[["l0", "l1", "l2", "l3", "l4"]].to_numpy(), dtype=torch.float64)
    probs = torch.softmax(logits, dim=1)
    top, cls = probs.max(dim=1)
    cases = {"leaves": (top.numpy(), (cls.numpy() == leaves["label"].to_numpy()).astype(int))}
    emails = pandas.read_csv(os.path.join(root, "emails.csv"))
    p = torch.sigmoid(torch.tensor(emails["logit"].to_numpy(), dtype=torch.float64)).numpy()
    cases["emails"] = (p, emails["spam"].to_numpy().astype(int))
    for name, (prob, event) in cases.items():
        observed, mean = calibration_curve(event, prob, n_bins=10, strategy="uniform")
        bins = np.linspace(0.0, 1.0, 11)
        counts = np.bincount(np.searchsorted(bins[1:-1], prob), minlength=10)
        nonempty = [b for b in range(10) if counts[b] > 0]
        for b, o, m in zip(nonempty, observed, mean):
            out.append([name, b, int(counts[b]), repr(float(m)), repr(float(o))])
    write("examples_reliability.csv", ["example", "bin", "count", "mean_predicted", "observed"], out)


def binomial():
    cases = [(8, 10, 0.8), (3, 10, 0.5), (0, 10, 0.8), (10, 10, 0.8), (75, 100, 0.8), (85, 100, 0.8),
             (780, 1000, 0.8), (7950, 10000, 0.8), (500, 1000, 0.5), (1, 50, 0.1), (9, 50, 0.1), (2, 3, 0.9),
             (792000, 1000000, 0.8), (8000900, 10000000, 0.8), (7990000, 10000000, 0.8), (700, 1000, 0.8)]
    out = []
    for k, n, p in cases:
        t = binomtest(k, n, p)
        ci = t.proportion_ci(0.95, method="exact")
        out.append([k, n, repr(p), repr(float(t.pvalue)), repr(float(ci.low)), repr(float(ci.high))])
    write("binomial.csv", ["k", "n", "p", "p_value", "cp_low", "cp_high"], out)


def intervals():
    rng = np.random.default_rng(7)
    n = 300
    target = rng.normal(0, 1, n).round(2)
    center = (target + rng.normal(0, 0.9, n)).round(2)
    half = np.abs(rng.normal(1.1, 0.3, n)).round(2)
    lower, upper = center - half, center + half
    # targets on a bound count as covered
    lower[:5], upper[:5] = target[:5], target[:5] + half[:5]
    lower[5:10], upper[5:10] = target[5:10] - half[5:10], target[5:10]
    assert (lower <= upper).all(), "a crossed interval is invalid input"
    nominal = 0.8
    alpha = 1 - nominal
    width = upper - lower
    score = width + (2 / alpha) * np.maximum(lower - target, 0) + (2 / alpha) * np.maximum(target - upper, 0)
    covered = int(((lower <= target) & (target <= upper)).sum())
    t = binomtest(covered, n, nominal)
    ci = t.proportion_ci(0.95, method="exact")
    rows = [[repr(float(a)), repr(float(b)), repr(float(y))] for a, b, y in zip(lower, upper, target)]
    write("interval_rows.csv", ["lower", "upper", "target"], rows)
    expected = {"nominal": nominal, "rows": n, "covered": covered,
                "below": int((target < lower).sum()), "above": int((target > upper).sum()),
                "mean_width": math.fsum(width) / n, "mean_score": math.fsum(score) / n,
                "cp_low": float(ci.low), "cp_high": float(ci.high), "p_value": float(t.pvalue)}
    write("interval_expected.csv", ["figure", "value"], [[k, repr(float(v))] for k, v in expected.items()])


def quantiles():
    rng = np.random.default_rng(11)
    n = 250
    target = rng.integers(0, 20, n).astype(float)  # integer targets: ties with the prediction happen
    pred = np.clip(target + rng.integers(-3, 8, n), 0, None).astype(float)
    weight = rng.uniform(0.1, 3.0, n).round(3)
    q = 0.9
    rows = [[repr(float(a)), repr(float(b)), repr(float(w))] for a, b, w in zip(pred, target, weight)]
    write("quantile_rows.csv", ["pred", "target", "weight"], rows)
    expected = {"level": q,
                "pinball": float(mean_pinball_loss(target, pred, alpha=q)),
                "pinball_weighted": float(mean_pinball_loss(target, pred, alpha=q, sample_weight=weight)),
                "fraction_below": float((target < pred).mean()),
                "fraction_at_or_below": float((target <= pred).mean())}
    write("quantile_expected.csv", ["figure", "value"], [[k, repr(v)] for k, v in expected.items()])


def write(name, header, rows):
    with open(name, "w", newline="") as f:
        f.write("# generated by generate.py with numpy %s; scipy %s; scikit-learn %s\n"
                % (np.__version__, scipy.__version__, sklearn.__version__))
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


if __name__ == "__main__":
    contributions()
    reliability()
    binomial()
    intervals()
    quantiles()
