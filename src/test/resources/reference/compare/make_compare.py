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
  - the Poisson bootstrap of accumulate.BootstrapDifference re-implemented from its Javadoc and
    accumulate.PoissonBootstrap's: SplitMix64 in Python integers (mod 2^64), four 16-bit draws per hash
    against the cumulative thresholds of the frequencies n_k / 2^16 (poisson_frequencies.py chose them), each replicate's sums exact (math.fsum of k copies of each row's w*x), the replicate
    delta sqrt(C/W) - sqrt(B/W) (rmse), np.quantile(method="linear") for the percentile interval, and
    the p-value 2 (1 + min(#{d <= 0}, #{d >= 0})) / (B + 1). Files bootstrap_rows.csv (input, row,
    cand, base, w), bootstrap_counts.csv (k for a few rows and replicates), bootstrap_expected.csv.
  - the bootstrap of the ratio-of-sums figures (accumulate.BootstrapMoments): each replicate's r2 with
    sklearn.metrics.r2_score(y, pred, sample_weight=k*w) (scikit-learn 1.2), max_error by hand over the
    rows drawn. Files moments_rows.csv, moments_expected.csv.
  - the bootstrap of the loss shares (accumulate.ShareBootstrap): each replicate's resample built with
    numpy.repeat(c, k) (row i's contribution c = w * loss repeated k times), sorted in descending order
    with numpy.sort, the share the math.fsum of its first m values over the math.fsum of all, with
    m = 1, min(K, n_b) and max(1, ceil(f * n_b)) (f as its decimal: fractions.Fraction of the decimal
    string), each model ranked by its own values. Files shares_rows.csv, shares_expected.csv.
  - the bootstrap of ece (accumulate.BootstrapEce): each replicate's resample built with numpy.repeat of
    each model's confidences and hits by k, binned with numpy.searchsorted(edges, c, side="right") - 1 over
    the 16 edges j/15 (TorchMetrics' bucketize(right=True); c = 1 in a bin of its own), per bin
    |hits - math.fsum(confidences)|, ece = math.fsum(gaps) / rows drawn (CalibrationBins' formula: each sum
    exact and rounded once); the point ece (every k = 1) also by TorchMetrics' formula
    sum_b (n_b/n) |acc_b - conf_b| in numpy as a check. Files ece_rows.csv, ece_expected.csv.
  - the bootstrap of medae (accumulate.BootstrapMedae): each replicate's resample numpy.repeat(e, k) of each
    model's absolute errors, its median numpy.median (unweighted) or scikit-learn 1.2's
    sklearn.utils.stats._weighted_percentile(numpy.repeat(e, k), numpy.repeat(w, k), 50) (weighted; the
    weights are multiples of 1/4, so its float cumulative sums are exact and its lower weighted median is the
    exactly defined one). Files medae_rows.csv, medae_expected.csv.
"""
import csv
import math

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


MASK = (1 << 64) - 1
GOLDEN_GAMMA = 0x9E3779B97F4A7C15
# accumulate.PoissonBootstrap.FREQUENCIES: P(k) = n_k / 2^16 (chosen by poisson_frequencies.py)
FREQUENCIES = [24109, 24111, 12052, 4019, 1006, 202, 29, 8]
THRESHOLDS = [sum(FREQUENCIES[:j + 1]) for j in range(len(FREQUENCIES) - 1)]


def splitmix(x):
    z = (x + GOLDEN_GAMMA) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def row_key(seed, source, row):
    return splitmix(splitmix(splitmix(seed & MASK) ^ source) ^ row)


def count(key, replicate):
    h = splitmix((key + replicate // 4) & MASK)
    u = (h >> (16 * (replicate % 4))) & 0xFFFF
    return sum(1 for t in THRESHOLDS if t <= u)


def bootstrap_rmse(rows, seed, replicates, weighted, level):
    cand = [[] for _ in range(replicates)]
    base = [[] for _ in range(replicates)]
    weights = [[] for _ in range(replicates)]
    for source, row, c, b, w in rows:
        if weighted and w == 0:
            continue  # a row of weight 0 is not covered
        wc, wb = (w * c, w * b) if weighted else (c, b)
        key = row_key(seed, source, row)
        for r in range(replicates):
            k = count(key, r)
            cand[r] += [wc] * k
            base[r] += [wb] * k
            weights[r] += [w if weighted else 1.0] * k
    deltas = []
    for r in range(replicates):
        W = math.fsum(weights[r])
        deltas.append(math.sqrt(math.fsum(cand[r]) / W) - math.sqrt(math.fsum(base[r]) / W) if W > 0 else math.nan)
    d = np.array([x for x in deltas if not math.isnan(x)])
    alpha = 1 - level
    low, high = np.quantile(d, [alpha / 2, 1 - alpha / 2], method="linear")
    p = min(1.0, 2 * (1 + min(int(np.sum(d <= 0)), int(np.sum(d >= 0)))) / (len(d) + 1))
    return deltas, float(low), float(high), p


def bootstrap_fixtures():
    rng = np.random.default_rng(7)
    rows = []
    for source, n in ((0, 120), (1, 80)):
        y = rng.normal(0, 1, n)
        cand = (rng.normal(0, 1.0, n)) ** 2
        base = (rng.normal(0, 1.2, n)) ** 2
        w = rng.choice([0.0, 0.5, 1.0, 2.5], n)
        for i in range(n):
            rows.append((source, i + 1, float(cand[i]), float(base[i]), float(w[i])))
    with open("bootstrap_rows.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: per-row squared errors of two models, two inputs, with weights\n")
        out.writerow(["input", "row", "cand", "base", "w"])
        for source, row, c, b, w in rows:
            out.writerow([source, row, repr(c), repr(b), repr(w)])
    with open("bootstrap_counts.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: Poisson counts k(seed, input, row, replicate)\n")
        out.writerow(["seed", "input", "row", "replicate", "k"])
        for seed in (0, 20240917, -5):
            for source in (0, 3):
                for row in (1, 2, 999999999999):
                    for replicate in (0, 1, 2, 3, 4, 7, 999):
                        out.writerow([seed, source, row, replicate, count(row_key(seed, source, row), replicate)])
    with open("bootstrap_expected.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: rmse bootstrap of bootstrap_rows.csv; replicate deltas, interval, p\n")
        out.writerow(["case", "seed", "replicates", "weighted", "level", "ci_low", "ci_high", "p", "deltas"])
        for case, seed, replicates, weighted, level in (("unweighted", 11, 200, False, 0.95),
                                                         ("weighted", 20240917, 150, True, 0.9)):
            deltas, low, high, p = bootstrap_rmse(rows, seed, replicates, weighted, level)
            out.writerow([case, seed, replicates, int(weighted), level, repr(low), repr(high), repr(p),
                          " ".join(repr(x) for x in deltas)])


def bootstrap_moments_fixtures():
    """r2 and max_error replicate deltas with sklearn.metrics.r2_score(y, pred, sample_weight=k*w) and
    max |r| over the rows drawn (k > 0), from the same counts."""
    from sklearn.metrics import r2_score
    rng = np.random.default_rng(11)
    n = 150
    y = rng.normal(5, 2, n).round(3)
    cand = (y + rng.normal(0, 1.0, n)).round(3)
    base = (y + rng.normal(0, 1.3, n)).round(3)
    w = rng.choice([0.0, 0.5, 1.0, 3.0], n)
    with open("moments_rows.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: one input, rows 1..n: target, two models' predictions, weights\n")
        out.writerow(["y", "cand", "base", "w"])
        for i in range(n):
            out.writerow([repr(float(y[i])), repr(float(cand[i])), repr(float(base[i])), repr(float(w[i]))])
    with open("moments_expected.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: per replicate, r2(cand) - r2(base) (sklearn r2_score with sample_weight "
                "k*w) and max_error(cand) - max_error(base) over the rows drawn\n")
        out.writerow(["case", "seed", "replicates", "weighted", "r2_deltas", "max_error_deltas"])
        for case, seed, replicates, weighted in (("unweighted", 3, 40, False), ("weighted", 4, 40, True)):
            keys = [row_key(seed, 0, i + 1) for i in range(n)]
            r2s, maxes = [], []
            for r in range(replicates):
                k = np.array([count(key, r) for key in keys], dtype=float)
                sw = k * w if weighted else k
                r2s.append(r2_score(y, cand, sample_weight=sw) - r2_score(y, base, sample_weight=sw))
                drawn = k > 0
                maxes.append(float(np.max(np.abs(cand - y)[drawn]) - np.max(np.abs(base - y)[drawn])))
            out.writerow([case, seed, replicates, int(weighted), " ".join(repr(float(x)) for x in r2s),
                          " ".join(repr(x) for x in maxes)])


def share_values(values, m_list):
    """The shares of the worst m values of a multiset, each sum exact (math.fsum) and rounded once."""
    ordered = np.sort(values)[::-1]
    total = math.fsum(ordered)
    return [math.fsum(ordered[:m]) / total if total > 0 else math.nan for m in m_list]


def share_targets(size, top_k, fractions):
    from fractions import Fraction
    return [1, min(top_k, size)] + [max(1, min(size, math.ceil(Fraction(repr(f)) * size))) for f in fractions]


def share_bootstrap_fixtures():
    rng = np.random.default_rng(29)
    rows = []
    for source, n in ((0, 70), (1, 50)):
        # rounded so that there are ties; a few large rows so the worst rows matter
        cand = np.round(rng.gamma(1.0, 1.0, n) ** 2, 2)
        base = np.round(rng.gamma(1.0, 1.2, n) ** 2, 2)
        w = rng.choice([0.0, 0.5, 1.0, 2.0], n)
        for i in range(n):
            rows.append((source, i + 1, float(cand[i]), float(base[i]), float(w[i])))
    with open("shares_rows.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: per-row losses of two models (before weights), two inputs, weights\n")
        out.writerow(["input", "row", "cand", "base", "w"])
        for source, row, c, b, w in rows:
            out.writerow([source, row, repr(c), repr(b), repr(w)])
    with open("shares_expected.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: loss-share bootstrap of shares_rows.csv; per share (top1, topK, each "
                "fraction) the two point shares, the interval, p and the replicate deltas\n")
        out.writerow(["case", "seed", "replicates", "weighted", "level", "top_k", "fractions", "share",
                      "candidate", "baseline", "ci_low", "ci_high", "p", "deltas"])
        for case, seed, replicates, weighted, level, top_k, fractions in (
                ("unweighted", 5, 120, False, 0.95, 3, [0.1, 0.25]),
                ("weighted", 20240917, 90, True, 0.9, 1, [0.07])):
            c = np.array([(w if weighted else 1.0) * x for _, _, x, _, w in rows]) + 0.0
            b = np.array([(w if weighted else 1.0) * x for _, _, _, x, w in rows]) + 0.0
            keys = [row_key(seed, source, row) for source, row, _, _, _ in rows]
            point_c = share_values(c, share_targets(len(rows), top_k, fractions))
            point_b = share_values(b, share_targets(len(rows), top_k, fractions))
            deltas = []
            for r in range(replicates):
                k = np.array([count(key, r) for key in keys])
                size = int(k.sum())
                if size == 0:
                    deltas.append([math.nan] * (2 + len(fractions)))
                    continue
                m = share_targets(size, top_k, fractions)
                sc = share_values(np.repeat(c, k), m)
                sb = share_values(np.repeat(b, k), m)
                deltas.append([x - y for x, y in zip(sc, sb)])
            alpha = 1 - level
            for s in range(2 + len(fractions)):
                d = [row[s] for row in deltas]
                kept = np.array([x for x in d if not math.isnan(x)])
                low, high = np.quantile(kept, [alpha / 2, 1 - alpha / 2], method="linear")
                p = min(1.0, 2 * (1 + min(int(np.sum(kept <= 0)), int(np.sum(kept >= 0)))) / (len(kept) + 1))
                out.writerow([case, seed, replicates, int(weighted), level, top_k, " ".join(repr(f) for f in fractions),
                              s, repr(point_c[s]), repr(point_b[s]), repr(float(low)), repr(float(high)), repr(p),
                              " ".join(repr(float(x)) for x in d)])


ECE_EDGES = np.arange(16) / 15.0


def ece_of(conf, hit):
    """CalibrationBins' ece of a multiset: 15 equal bins and c = 1 alone, exact sums rounded once."""
    if len(conf) == 0:
        return math.nan
    bins = np.searchsorted(ECE_EDGES, conf, side="right") - 1
    gaps = []
    for j in range(16):
        inside = bins == j
        if inside.any():
            gaps.append(abs(float(np.sum(hit[inside])) - math.fsum(conf[inside])))
    return math.fsum(gaps) / len(conf)


def ece_torchmetrics_formula(conf, hit):
    bins = np.searchsorted(ECE_EDGES, conf, side="right") - 1
    total = 0.0
    for j in range(16):
        inside = bins == j
        if inside.any():
            total += inside.mean() * abs(hit[inside].mean() - conf[inside].mean())
    return total


def ece_bootstrap_fixtures():
    rng = np.random.default_rng(41)
    rows = []
    for source, n in ((0, 90), (1, 60)):
        # the candidate better calibrated than the baseline; some confidences on bin edges, some exactly 1
        cand = rng.uniform(0.4, 1.0, n)
        cand[rng.random(n) < 0.1] = 1.0
        cand[:4] = [7 / 15, 0.6, 14 / 15, 1.0]
        hit_c = rng.random(n) < cand
        base = np.clip(cand + rng.normal(0.08, 0.1, n), 0, 1)
        hit_b = hit_c.copy()
        for i in range(n):
            rows.append((source, i + 1, float(cand[i]), bool(hit_c[i]), float(base[i]), bool(hit_b[i])))
    with open("ece_rows.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: per row, two models' confidences and hits, two inputs\n")
        out.writerow(["input", "row", "cand_conf", "cand_hit", "base_conf", "base_hit"])
        for source, row, c, hc, b, hb in rows:
            out.writerow([source, row, repr(c), int(hc), repr(b), int(hb)])
    c = np.array([r[2] for r in rows])
    hc = np.array([r[3] for r in rows], dtype=float)
    b = np.array([r[4] for r in rows])
    hb = np.array([r[5] for r in rows], dtype=float)
    point_c, point_b = ece_of(c, hc), ece_of(b, hb)
    assert abs(point_c - ece_torchmetrics_formula(c, hc)) < 1e-14
    assert abs(point_b - ece_torchmetrics_formula(b, hb)) < 1e-14
    with open("ece_expected.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: ece bootstrap of ece_rows.csv; point eces, interval, p, replicate deltas\n")
        out.writerow(["case", "seed", "replicates", "level", "candidate", "baseline", "ci_low", "ci_high", "p", "deltas"])
        for case, seed, replicates, level in (("b120", 5, 120, 0.95), ("b90", 20240917, 90, 0.9)):
            keys = [row_key(seed, source, row) for source, row, *_ in rows]
            deltas = []
            for r in range(replicates):
                k = np.array([count(key, r) for key in keys])
                if k.sum() == 0:
                    deltas.append(math.nan)
                    continue
                deltas.append(ece_of(np.repeat(c, k), np.repeat(hc, k)) - ece_of(np.repeat(b, k), np.repeat(hb, k)))
            kept = np.array([x for x in deltas if not math.isnan(x)])
            alpha = 1 - level
            low, high = np.quantile(kept, [alpha / 2, 1 - alpha / 2], method="linear")
            p = min(1.0, 2 * (1 + min(int(np.sum(kept <= 0)), int(np.sum(kept >= 0)))) / (len(kept) + 1))
            out.writerow([case, seed, replicates, level, repr(point_c), repr(point_b), repr(float(low)),
                          repr(float(high)), repr(p), " ".join(repr(float(x)) for x in deltas)])


def medae_bootstrap_fixtures():
    from sklearn.utils.stats import _weighted_percentile
    rng = np.random.default_rng(43)
    rows = []
    for source, n in ((0, 70), (1, 51)):
        # errors rounded to 2 decimals so that there are ties; the baseline's larger
        cand = np.round(np.abs(rng.normal(0, 1.0, n)), 2)
        base = np.round(np.abs(rng.normal(0, 1.3, n)), 2)
        w = rng.choice([0.0, 0.25, 1.0, 2.0, 3.25], n)
        for i in range(n):
            rows.append((source, i + 1, float(cand[i]), float(base[i]), float(w[i])))
    with open("medae_rows.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: per row, two models' absolute errors and a sample weight, two inputs\n")
        out.writerow(["input", "row", "cand", "base", "w"])
        for source, row, c, b, w in rows:
            out.writerow([source, row, repr(c), repr(b), repr(w)])
    c = np.array([r[2] for r in rows])
    b = np.array([r[3] for r in rows])
    w = np.array([r[4] for r in rows])
    with open("medae_expected.csv", "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        f.write("# written by make_compare.py: medae bootstrap of medae_rows.csv; point medians, interval, p, replicate deltas\n")
        out.writerow(["case", "seed", "replicates", "weighted", "level", "candidate", "baseline", "ci_low", "ci_high",
                      "p", "deltas"])
        for case, seed, replicates, weighted, level in (("unweighted", 9, 120, False, 0.95),
                                                         ("weighted", 20240917, 90, True, 0.9)):
            def med(values, k):
                if weighted:
                    return float(_weighted_percentile(np.repeat(values, k), np.repeat(w, k), 50))
                return float(np.median(np.repeat(values, k)))
            ones = np.ones(len(rows), dtype=int)
            keys = [row_key(seed, source, row) for source, row, *_ in rows]
            deltas = []
            for r in range(replicates):
                k = np.array([count(key, r) for key in keys])
                assert k.sum() > 0 and (not weighted or np.sum(k * w) > 0)
                deltas.append(med(c, k) - med(b, k))
            kept = np.array(deltas)
            alpha = 1 - level
            low, high = np.quantile(kept, [alpha / 2, 1 - alpha / 2], method="linear")
            p = min(1.0, 2 * (1 + min(int(np.sum(kept <= 0)), int(np.sum(kept >= 0)))) / (len(kept) + 1))
            out.writerow([case, seed, replicates, int(weighted), level, repr(med(c, ones)), repr(med(b, ones)),
                          repr(float(low)), repr(float(high)), repr(p), " ".join(repr(float(x)) for x in deltas)])


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
    bootstrap_fixtures()
    bootstrap_moments_fixtures()
    share_bootstrap_fixtures()
    ece_bootstrap_fixtures()
    medae_bootstrap_fixtures()
