#!/usr/bin/python3
"""Reference values for losseval's regression figures beyond the mean losses (issue 13).

Run with Debian's interpreter from anywhere:

    /usr/bin/python3 src/test/resources/reference/figures/make_figures.py

Written with torch 1.13, scikit-learn 1.2, numpy 1.24 (the versions are recorded in the output headers).
It writes, beside this script:

  figure_rows.csv       case,row,pred,target,var,weight           the inputs of every case
  figure_expected.csv   case,figure,value,weighted_value,source   each figure unweighted and with
                                                                  sample_weight=weight

Where each value comes from (the 'source' column says it per line):
  r2                   sklearn.metrics.r2_score (force_finite=True, its default)
  explained_variance   sklearn.metrics.explained_variance_score
  max_error            sklearn.metrics.max_error (no sample_weight: both columns are the same)
  medae                sklearn.metrics.median_absolute_error; with sample_weight scikit-learn takes
                       sklearn.utils.stats._weighted_percentile(|p - y|, w, 50), the smallest error whose
                       cumulative weight reaches half the total (never a mean of two: 1, 2, 3, 4 with unit
                       weights give 2, unweighted 2.5). The medae_* cases exercise it: odd and even counts,
                       ties, negative residuals, a zero weight, a weight that reaches exactly half, one row
  poisson, gamma       sklearn.metrics.mean_poisson_deviance / mean_gamma_deviance
  tweedie:power=p      sklearn.metrics.mean_tweedie_deviance(power=p)
  gaussian_nll         torch.nn.GaussianNLLLoss(full, eps, reduction='none') on float64 tensors; the
                       weighted value is sum(w * loss) / sum(w) in torch (PyTorch has no sample weights)
  bias                 by hand: numpy.average(pred - target, weights)  (no library has it)
  smape                by hand: numpy.average(2 |p - y| / (|y| + |p|), weights), 0 where both are 0
                       (Makridakis 1993; libraries disagree on the denominator, see losseval's Smape)
  zero_one_rows.csv     case,row,label,s0,s1,s2,prob,logit,weight  labels with 3-class scores, a probability
                                                                  and a logit of class 1 (binary labels)
  zero_one_expected.csv case,form,value,weighted_value,source
  zero_one             sklearn.metrics.zero_one_loss(y, numpy.argmax(scores)), with sample_weight; the binary
                       forms take argmax of (1 - p, p) and of (0, z), so ties go to class 0 as argmax does
  ece_expected.csv      case,form,ece,source                 ece on zero_one_rows.csv
  ece                  TorchMetrics calibration_error(n_bins=15, norm='l1') re-implemented in NumPy
                       (torchmetrics is not packaged for Debian): binary = P(class 1) against the label
                       (binary_calibration_error), multi-class = top-label (multiclass_calibration_error);
                       bins by numpy.searchsorted(linspace(0, 1, 16), c, side='right') - 1 as torch.bucketize
                       (right=True), so a confidence of exactly 1 has a bin of its own
Deviances are written only for cases inside scikit-learn's domain (it raises otherwise).
Every float is written with repr(), which round-trips.
"""
import os

import numpy as np
import sklearn
import sklearn.metrics as skm
import torch

HERE = os.path.dirname(os.path.abspath(__file__))


def cases():
    """name -> (pred, target, var, weight) as float64 arrays."""
    out = {}
    # The seed's three houses (prices in $k); var is the squared error for gaussian_nll.
    out["houses"] = ([210.0, 340.0, 400.0], [200.0, 350.0, 180.0], [100.0, 100.0, 48400.0], [1.0, 2.0, 0.5])
    # A constant target: r2 and explained_variance fall back to scikit-learn's force_finite rule (0 here).
    out["constant_target"] = ([4.0, 5.0, 6.5, 5.0], [5.0, 5.0, 5.0, 5.0], [1.0, 0.5, 2.0, 1e-9],
                              [1.0, 3.0, 0.5, 2.0])
    # A constant target predicted exactly: both give 1 (scikit-learn's perfect-fit rule).
    out["constant_exact"] = ([2.0, 2.0, 2.0], [2.0, 2.0, 2.0], [1.0, 1.0, 1.0], [0.5, 1.0, 4.0])
    # Predictions off by a constant: explained_variance 1, r2 below 1, bias 3.
    out["shifted"] = ([4.0, 5.0, 9.0, 13.0, 3.5], [1.0, 2.0, 6.0, 10.0, 0.5], [0.0, 2.0, 4.0, 8.0, 16.0],
                      [1.0, 2.0, 1.0, 0.25, 3.0])
    # Zero targets (poisson allows y = 0: xlogy), and zeros everywhere for smape's 0/0 rule.
    out["zeros"] = ([0.5, 1.0, 2.0, 3.0, 1e-3], [0.0, 0.0, 2.0, 1.0, 0.0], [0.25, 1.0, 4.0, 1e-7, 2.0],
                    [1.0, 1.0, 2.0, 0.5, 1.0])
    out["smape_zeros"] = ([0.0, 0.0, -1.0, 3.0], [0.0, 2.0, 1.0, -3.0], [1.0, 1.0, 1.0, 1.0], [1.0, 2.0, 3.0, 4.0])
    # medae: odd count, negative residuals, a tie (errors 1, 3, 0.5, 6, 1, 2.25, 4)
    out["medae_odd"] = ([1.0, -2.0, 3.5, 10.0, 0.0, -5.25, -7.0], [2.0, 1.0, 3.0, 4.0, -1.0, -3.0, -3.0],
                        [1.0] * 7, [1.0, 0.5, 2.0, 0.25, 3.0, 1.0, 0.75])
    # even count: the mean of the two middle errors (0.1 and 0.2 as doubles); a zero weight; unit weights
    # elsewhere would give the lower middle; the weighted median (0.2) passes the zero-weight error 0.1
    out["medae_even"] = ([0.1, -0.2, 5.0, 0.0, -1.5, 2.0], [0.0, 0.0, 1.0, 0.0, 0.0, 2.0],
                         [1.0] * 6, [0.0, 1.0, 1.0, 1.0, 1.0, 0.5])
    # the cumulative weight reaches exactly half the total at the second error: weighted medae is 2, not 3
    out["medae_half"] = ([1.0, -2.0, 3.0, -4.0], [0.0, 0.0, 0.0, 0.0], [1.0] * 4, [1.0, 1.0, 1.0, 1.0])
    # ties everywhere: most errors equal, one outlier
    out["medae_ties"] = ([3.0, 3.0, -1.0, 5.0, 1.0, 103.0], [1.0, 5.0, 1.0, 3.0, 3.0, 3.0], [1.0] * 6,
                         [2.0, 0.5, 1.0, 1.0, 3.0, 0.25])
    out["medae_one"] = ([-2.5], [4.0], [1.0], [3.0])
    rng = np.random.default_rng(20261204)
    n = 2500
    target = rng.normal(1000.0, 30.0, n)  # a large mean and a small spread: the cancellation trap of r2
    pred = target + rng.standard_t(4, n) * 10.0
    var = rng.lognormal(4.0, 1.0, n)
    out["random_signed"] = (pred, target, var, rng.uniform(0.1, 3.0, n))
    n = 2000
    target = rng.gamma(2.0, 3.0, n)
    target[rng.random(n) < 0.1] = 0.0  # exact zeros, as Poisson and compound Tweedie data have
    pred = rng.gamma(2.0, 3.0, n) + 0.05
    out["random_counts"] = (pred, target, rng.lognormal(0.0, 1.0, n), rng.uniform(0.1, 3.0, n))
    n = 2000
    target = rng.lognormal(2.0, 1.0, n)
    pred = target * rng.lognormal(0.0, 0.4, n)
    out["random_positive"] = (pred, target, rng.uniform(0.0, 5.0, n) ** 2, rng.uniform(0.1, 3.0, n))
    return {k: tuple(np.asarray(a, dtype=np.float64) for a in v) for k, v in out.items()}


TWEEDIE_POWERS = [-0.5, 0.0, 1.0, 1.5, 2.0, 3.0]


def in_tweedie_domain(p, y, power):
    if power < 0:
        return (p > 0).all()
    if power == 0:
        return True
    if power < 2:
        return (y >= 0).all() and (p > 0).all()
    return (y > 0).all() and (p > 0).all()


def fmt_power(power):
    return repr(power)[:-2] if power == int(power) else repr(power)


def gaussian_nll(p, y, v, w, full, eps):
    loss = torch.nn.GaussianNLLLoss(full=full, eps=eps, reduction="none")
    rows = loss(torch.tensor(p), torch.tensor(y), torch.tensor(v))
    tw = torch.tensor(w)
    return float(rows.mean()), float((tw * rows).sum() / tw.sum())


def figures(p, y, v, w):
    """(figure spec, value, weighted value, source) for every figure defined on this case."""
    out = []
    both = lambda f, **kw: (float(f(y, p, **kw)), float(f(y, p, sample_weight=w, **kw)))
    if len(p) >= 2:
        out.append(("r2",) + both(skm.r2_score) + ("sklearn.metrics.r2_score",))
    out.append(("explained_variance",) + both(skm.explained_variance_score)
               + ("sklearn.metrics.explained_variance_score",))
    m = float(skm.max_error(y, p))
    out.append(("max_error", m, m, "sklearn.metrics.max_error (unweighted)"))
    out.append(("medae", float(skm.median_absolute_error(y, p)),
                float(skm.median_absolute_error(y, p, sample_weight=w)),
                "sklearn.metrics.median_absolute_error (weighted: its _weighted_percentile)"))
    out.append(("bias", float(np.mean(p - y)), float(np.average(p - y, weights=w)),
                "by hand: numpy.average(pred - target)"))
    den = np.abs(y) + np.abs(p)
    rows = np.where(den == 0, 0.0, 2 * np.abs(p - y) / np.where(den == 0, 1.0, den))
    out.append(("smape", float(np.mean(rows)), float(np.average(rows, weights=w)),
                "by hand: numpy.average(2|p - y| / (|y| + |p|)) with 0 where both are 0"))
    if in_tweedie_domain(p, y, 1.0):
        out.append(("poisson",) + both(skm.mean_poisson_deviance) + ("sklearn.metrics.mean_poisson_deviance",))
    if in_tweedie_domain(p, y, 2.0):
        out.append(("gamma",) + both(skm.mean_gamma_deviance) + ("sklearn.metrics.mean_gamma_deviance",))
    for power in TWEEDIE_POWERS:
        if in_tweedie_domain(p, y, power):
            spec = "tweedie" if power == 0 else "tweedie:power=" + fmt_power(power)
            out.append((spec,) + both(skm.mean_tweedie_deviance, power=power)
                       + ("sklearn.metrics.mean_tweedie_deviance(power=%r)" % power,))
    for full, eps, spec in [(False, 1e-6, "gaussian_nll"), (True, 1e-6, "gaussian_nll:full=1"),
                            (False, 0.5, "gaussian_nll:eps=0.5")]:
        out.append((spec,) + gaussian_nll(p, y, v, w, full, eps)
                   + ("torch.nn.GaussianNLLLoss(full=%r; eps=%r)" % (full, eps),))
    return out


def main():
    header = "# generated by make_figures.py with torch %s, scikit-learn %s, numpy %s" % (
        torch.__version__, sklearn.__version__, np.__version__)
    all_cases = cases()
    with open(os.path.join(HERE, "figure_rows.csv"), "w") as f:
        f.write(header + "\ncase,row,pred,target,var,weight\n")
        for name, (p, y, v, w) in all_cases.items():
            for i in range(len(p)):
                f.write("%s,%d,%r,%r,%r,%r\n" % (name, i, float(p[i]), float(y[i]), float(v[i]), float(w[i])))
    with open(os.path.join(HERE, "figure_expected.csv"), "w") as f:
        f.write(header + "\ncase,figure,value,weighted_value,source\n")
        for name, (p, y, v, w) in all_cases.items():
            for spec, value, weighted, source in figures(p, y, v, w):
                assert "," not in source, source  # the fixture has no quoting
                f.write("%s,%s,%r,%r,%s\n" % (name, spec, value, weighted, source))
    write_zero_one(header)
    write_ece(header)


def zero_one_cases():
    rng = np.random.default_rng(7)
    n = 600
    scores = rng.integers(-2, 3, (n, 3)).astype(np.float64)  # small integers: many ties
    label3 = rng.integers(0, 3, n)
    prob = rng.choice([0.0, 0.2, 0.5, 0.5, 0.7, 1.0], n)
    logit = rng.choice([-3.0, -0.0, 0.0, 0.0, 1e-300, 2.5], n)
    binary = rng.integers(0, 2, n)
    weight = rng.uniform(0.1, 3.0, n)
    return label3, scores, binary, prob, logit, weight


def write_zero_one(header):
    label3, scores, binary, prob, logit, w = zero_one_cases()
    with open(os.path.join(HERE, "zero_one_rows.csv"), "w") as f:
        f.write(header + "\ncase,row,label,s0,s1,s2,prob,logit,weight\n")
        for i in range(len(label3)):
            f.write("multiclass,%d,%d,%r,%r,%r,%r,%r,%r\n" % (i, label3[i], *map(float, scores[i]),
                                                              float(prob[i]), float(logit[i]), float(w[i])))
            f.write("binary,%d,%d,%r,%r,%r,%r,%r,%r\n" % (i, binary[i], *map(float, scores[i]),
                                                          float(prob[i]), float(logit[i]), float(w[i])))
    forms = [("multiclass", "logits", label3, np.argmax(scores, axis=1)),
             ("binary", "pred", binary, np.argmax(np.stack([1 - prob, prob], axis=1), axis=1)),
             ("binary", "logits", binary, np.argmax(np.stack([np.zeros_like(logit), logit], axis=1), axis=1))]
    with open(os.path.join(HERE, "zero_one_expected.csv"), "w") as f:
        f.write(header + "\ncase,form,value,weighted_value,source\n")
        for case, form, y, yhat in forms:
            f.write("%s,%s,%r,%r,sklearn.metrics.zero_one_loss(y; numpy.argmax(scores))\n" % (
                case, form, float(skm.zero_one_loss(y, yhat)), float(skm.zero_one_loss(y, yhat, sample_weight=w))))


def torchmetrics_ece(confidences, accuracies, n_bins=15):
    """torchmetrics.functional.classification.calibration_error._ce_compute(norm='l1'), in NumPy."""
    boundaries = np.linspace(0, 1, n_bins + 1)
    indices = np.searchsorted(boundaries, confidences, side="right") - 1
    count = np.bincount(indices, minlength=n_bins + 1).astype(np.float64)
    conf = np.bincount(indices, weights=confidences, minlength=n_bins + 1)
    acc = np.bincount(indices, weights=accuracies.astype(np.float64), minlength=n_bins + 1)
    safe = np.where(count > 0, count, 1)
    return float(np.sum(np.abs(acc / safe - conf / safe) * (count / count.sum())))


def write_ece(header):
    label3, scores, binary, prob, logit, w = zero_one_cases()
    softmax = np.exp(scores - scores.max(axis=1, keepdims=True))
    softmax /= softmax.sum(axis=1, keepdims=True)
    top = softmax.max(axis=1)
    hits = softmax.argmax(axis=1) == label3
    sigmoid = 1 / (1 + np.exp(-logit))
    with open(os.path.join(HERE, "ece_expected.csv"), "w") as f:
        f.write(header + "\ncase,form,ece,source\n")
        f.write("multiclass,logits,%r,top-label: torchmetrics multiclass_calibration_error in NumPy\n"
                % torchmetrics_ece(top, hits))
        f.write("binary,pred,%r,torchmetrics binary_calibration_error in NumPy\n" % torchmetrics_ece(prob, binary))
        f.write("binary,logits,%r,torchmetrics binary_calibration_error of sigmoid(logit) in NumPy\n"
                % torchmetrics_ece(sigmoid, binary))


if __name__ == "__main__":
    main()
