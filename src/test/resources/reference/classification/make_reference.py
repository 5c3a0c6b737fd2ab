#!/usr/bin/python3
"""Reference values for the classification, distribution and embedding math of losseval
(package org.losseval.loss.math).

Run with Debian's interpreter from anywhere:

    /usr/bin/python3 src/test/resources/reference/classification/make_reference.py

Written with torch 1.13 (float64 tensors), scikit-learn 1.2 and mpmath (versions in the output headers).
It writes, beside this script:

  inputs.csv  case,row,field,values        the inputs; 'values' is one number or a space-separated row
                                           (row -1 holds per-case vectors such as class weights)
  rows.csv    case,row,loss,params,torch,exact,scale
                                           per-row values: 'torch' from the PyTorch expression named in
                                           means.csv (empty where PyTorch has no meaningful value, see
                                           EMBEDDING_EXTREMES), 'exact' from mpmath at 60 significant
                                           digits on the same float64 inputs, 'scale' the magnitude of the
                                           terms that cancel inside the formula (0 where nothing cancels),
                                           which bounds the absolute error any float64 evaluation can reach
  means.csv   case,loss,params,torch_mean,source
                                           PyTorch's own reduction ('mean' with its weight and
                                           ignore_index rules, or 'batchmean'), and where it comes from

The losses and their sources:
  bce            F.binary_cross_entropy (clamps each log at -100; note torch 1.13 takes log(1 - p), not
                 log1p(-p), so it has few correct digits for p < 1e-8 with y = 0: compare with 'exact')
  bce_logits     F.binary_cross_entropy_with_logits(pos_weight=...)
  focal_logits   torchvision.ops.sigmoid_focal_loss (torchvision/ops/focal_loss.py, v0.14), whose body
                 is copied below in torch ops because torchvision is not installed here
  focal_prob     the same body with ce = F.binary_cross_entropy on probabilities
  hinge          torch.clamp(1 - y s, min=0) with y = 2 label - 1; mean cross-checked with
                 sklearn.metrics.hinge_loss
  squared_hinge  the square of the above
  brier          (p - y)^2; mean cross-checked with sklearn.metrics.brier_score_loss
  ce             F.cross_entropy(logits, label, weight, ignore_index=-100, label_smoothing)
  ce_soft        F.cross_entropy(logits, probability target, weight, label_smoothing)
  ce_prob        F.cross_entropy(clamp(log p, min=-100), label, ...): the rows of p sum to 1, so the
                 log_softmax inside cross_entropy changes the clamped logs by ~1e-16 at most, and PyTorch's
                 own label-smoothing, weight and ignore_index code gives the reference
  ce_prob_soft   the same with a probability target
  kl             F.kl_div(log_softmax(logits), target, reduction='none').sum(1); mean 'batchmean'
  kl_prob        F.kl_div(clamp(log q, min=-100), target)
  focal_mc       -alpha[y] (1 - p_y)^gamma log p_y in torch ops on log_softmax (no PyTorch built-in)
  multi_margin   F.multi_margin_loss(p, margin, weight)
  distillation   alpha F.cross_entropy(s, y) + (1 - alpha) T^2 F.kl_div(log_softmax(s/T), softmax(t/T)).sum(1)
  contrastive    (1 - y) d^2 / 2 + y max(0, m - d)^2 / 2 in torch ops (label 0 = similar; similar_is_one=1
                 flips it); contrastive_emb takes d = torch.linalg.vector_norm(x1 - x2, dim=1)
  triplet        F.triplet_margin_loss(margin, p, eps, swap)
  pairwise_distance  F.pairwise_distance(x1, x2, p, eps) (adds eps to the difference)
  euclidean      torch.linalg.vector_norm(x1 - x2, dim=1)
  infonce        F.cross_entropy(cat([s+, s-]) / tau, 0)
Every float is written with repr(), which round-trips.
"""
import csv
import math
import os

import mpmath
import numpy as np
import sklearn
import sklearn.metrics as skm
import torch
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
torch.set_default_dtype(torch.float64)
mpmath.mp.dps = 60
IGNORE = -100
CLAMP = -100


def T(a):
    return torch.as_tensor(np.asarray(a, dtype=np.float64))


def L(a):
    return torch.as_tensor(np.asarray(a, dtype=np.int64))


def M(x):
    return mpmath.mpf(float(x))


# ---------------------------------------------------------------- inputs

def binary_cases():
    rng = np.random.default_rng(20240611)
    out = {}
    # The seed's three emails: spam, not spam, spam, predicted 0.95, 0.10, 0.03.
    out["emails"] = dict(p=[0.95, 0.10, 0.03], y=[1, 0, 1], z=[2.944438979166440, -2.197224577336219, -3.476098702084893])
    p = [0.0, 0.0, 1.0, 1.0, 1e-300, 5e-324, 1e-44, 4e-44, 1e-10, 1e-10, 1 - 2 ** -53, 1 - 2 ** -53, 0.5, 0.5,
         1e-20, 0.7]
    y = [1, 0, 0, 1, 1, 1, 1, 1, 0, 1, 0, 1, 0, 1, 0, 1]
    z = [100, -100, 100, -100, 1e4, -1e4, 1e4, -1e4, 40, -40, 0.0, 0.0, 710, -710, 1e-20, 36.7]
    # p = 0 and 1 with both labels, p below e^-100 (clamped) and just above it (4e-44: not clamped),
    # tiny losses (p = 1e-10 or 1e-20 with label 0), logits of ±100, ±1e4, ±710
    out["binary_edges"] = dict(p=p, y=y, z=z)
    # logit 100 with label 0 is row 0 of logit_edges: loss exactly 100
    out["logit_edges"] = dict(z=[100, 100, -100, -100, 1e4, 1e4, -1e4, -1e4, 20, -20, 5, -5],
                              y=[0, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1],
                              p=[0.5] * 12)
    n = 150
    z = rng.normal(0, 4, n)
    zp = rng.normal(0, 3, n)
    out["binary_random"] = dict(z=z, y=rng.integers(0, 2, n), p=1 / (1 + np.exp(-zp)))
    return out


def multiclass_cases():
    rng = np.random.default_rng(7)
    out = {}
    n, C = 200, 10
    logits = rng.normal(0, 3, (n, C))
    label = rng.integers(0, C, n)
    label_ignore = label.copy()
    label_ignore[rng.random(n) < 0.08] = IGNORE
    target = rng.dirichlet(np.full(C, 0.5), n)
    target[rng.random((n, C)) < 0.2] = 0.0          # exact zeros, then renormalize
    target /= target.sum(1, keepdims=True)
    probs = np.exp(rng.normal(0, 2, (n, C)))
    probs[rng.random((n, C)) < 0.1] = 0.0
    probs[0, :] = 0.0
    probs[0, label[0]] = 1.0                          # p exactly 1 at the label
    probs[1, :] = 1.0
    probs[1, label[1]] = 0.0                          # p exactly 0 at the label: clamped
    probs /= probs.sum(1, keepdims=True)
    teacher = logits + rng.normal(0, 1.5, (n, C))
    out["ten_class"] = dict(logits=logits, label=label, label_ignore=label_ignore, target=target, probs=probs,
                            teacher=teacher, class_weight=rng.uniform(0.2, 3.0, C),
                            class_alpha=rng.uniform(0.1, 1.0, C))
    # Extreme logits: ±100, ±1e4, labels at the max, at the min and in between.
    rows = [
        ([100, -100, 0, 0], 0), ([100, -100, 0, 0], 1), ([1e4, -1e4, 0, 1], 0), ([1e4, -1e4, 0, 1], 1),
        ([1e4, 1e4, -1e4, -1e4], 0), ([1e4, 1e4, -1e4, -1e4], 3), ([-1e4, -1e4, -1e4, -1e4], 2),
        ([0, 0, 0, 0], 1), ([40, 0, 0, 0], 0), ([745, 0, 0, 0], 0), ([-100, 100, 100, -100], 2),
        ([1e-300, 0, -1e-300, 0], 0),
    ]
    lg = np.array([r[0] for r in rows], dtype=float)
    lb = np.array([r[1] for r in rows])
    m = len(rows)
    tgt = np.array([[1, 0, 0, 0], [0, 1, 0, 0], [0.5, 0.5, 0, 0], [0, 0, 0, 1], [0.25] * 4, [0, 0, 0.5, 0.5],
                    [0, 0, 1, 0], [0.1, 0.2, 0.3, 0.4], [1, 0, 0, 0], [0.999, 0.001, 0, 0], [0, 0, 1, 0],
                    [0.25] * 4], dtype=float)
    pr = np.array([[1, 0, 0, 0], [1, 0, 0, 0], [0.5, 0.5, 0, 0], [0, 0, 0, 1], [0.25] * 4, [0, 0, 1, 0],
                   [0, 0, 1, 0], [1e-300, 1 - 3e-300, 1e-300, 1e-300], [1 - 1e-16, 1e-16, 0, 0], [0.25] * 4,
                   [0, 1, 0, 0], [0.7, 0.1, 0.1, 0.1]], dtype=float)
    lbi = lb.copy()
    lbi[[4, 9]] = IGNORE
    out["extreme"] = dict(logits=lg, label=lb, label_ignore=lbi, target=tgt, probs=pr, teacher=-lg[::-1].copy(),
                          class_weight=np.array([1.0, 2.0, 0.5, 4.0]), class_alpha=np.array([0.25, 0.5, 0.75, 1.0]))
    return out


def embedding_cases():
    rng = np.random.default_rng(99)
    out = {}
    n, D = 100, 8
    a = rng.normal(0, 1, (n, D))
    pos = a + rng.normal(0, 0.4, (n, D))
    neg = rng.normal(0, 0.6, (n, D)) + np.where(rng.random((n, 1)) < 0.5, a, 0)
    pair_label = rng.integers(0, 2, n)
    x2 = np.where(pair_label[:, None] == 0, pos, neg)
    d = rng.uniform(0, 3, n)
    d[:4] = [0.0, 1.0, 2.0, 0.5]
    out["pairs"] = dict(anchor=a, positive=pos, negative=neg, x1=a, x2=x2, y=pair_label, d=d)
    # cosine-like similarities for InfoNCE: the positive first, then 7 negatives
    sims = np.tanh(rng.normal(0, 1, (n, 8)))
    sims[:, 0] = np.tanh(rng.normal(1, 0.7, n))
    sims[0] = [1.0] + [-1.0] * 7
    sims[1] = [-1.0] + [1.0] * 7
    sims[2] = [0.5] * 8
    out["similarities"] = dict(sims=sims)
    return out


# Rows where float64 sums of squares overflow or underflow: PyTorch's vector_norm does not rescale
# (it returns inf or 0), so these rows carry only exact values.
EMBEDDING_EXTREMES = dict(
    x1=[[1e200, 1e200, 0], [1e-200, 3e-200, 0], [1, 2, 3], [1e-170, 0, 0]],
    x2=[[-1e200, 0, 0], [0, 0, 0], [1, 2, 3], [0, 1e-170, 0]],
    y=[1, 1, 1, 0])


# ---------------------------------------------------------------- exact (mpmath) formulas

def clog(x):
    x = mpmath.mpf(x)
    return mpmath.mpf(CLAMP) if x == 0 else max(mpmath.log(x), mpmath.mpf(CLAMP))


def ex_bce(p, y):
    p, y = M(p), M(y)
    return -(y * clog(p) + (1 - y) * clog(1 - p))


def ex_softplus(x):
    return mpmath.log1p(mpmath.exp(x))


def ex_sigmoid(x):
    return 1 / (1 + mpmath.exp(-x))


def ex_bce_logits(z, y, pw=1.0):
    z, y, pw = M(z), M(y), M(pw)
    return (1 - y) * ex_softplus(z) + pw * y * ex_softplus(-z)


def ex_alpha(loss, y, alpha):
    y = M(y)
    return loss if alpha < 0 else (M(alpha) * y + (1 - M(alpha)) * (1 - y)) * loss


def ex_focal_logits(z, y, gamma, alpha):
    # 1 - p_t = y sigmoid(-z) + (1 - y) sigmoid(z) in exact arithmetic; 60 digits of 1 - sigmoid(1e4) would be 0
    not_pt = M(y) * ex_sigmoid(-M(z)) + (1 - M(y)) * ex_sigmoid(M(z))
    return ex_alpha(ex_bce_logits(z, y) * not_pt ** M(gamma), y, alpha)


def ex_focal_prob(p, y, gamma, alpha):
    pt = M(p) * M(y) + (1 - M(p)) * (1 - M(y))
    return ex_alpha(ex_bce(p, y) * (1 - pt) ** M(gamma), y, alpha)


def ex_log_softmax(z, scale=1):
    # 60 digits are not enough for log(e^100 + 7 e^-100) - 100 = 7e-87: keep the largest term apart
    z = [M(v) * scale for v in z]
    k = max(range(len(z)), key=lambda c: z[c])
    rest = mpmath.log1p(mpmath.fsum(mpmath.exp(v - z[k]) for c, v in enumerate(z) if c != k))
    return [v - z[k] - rest for v in z]


def ex_ce(lp, label, w, eps):
    C = len(lp)
    if label == IGNORE:
        return mpmath.mpf(0)
    wy = M(w[label]) if w is not None else 1
    nll = wy * -lp[label]
    smooth = mpmath.fsum((M(w[c]) if w is not None else 1) * -lp[c] for c in range(C))
    return (1 - M(eps)) * nll + M(eps) / C * smooth


def ex_ce_soft(lp, t, w, eps):
    C = len(lp)
    return mpmath.fsum((M(w[c]) if w is not None else 1) * ((1 - M(eps)) * M(t[c]) + M(eps) / C) * -lp[c]
                       for c in range(C) if (1 - M(eps)) * M(t[c]) + M(eps) / C != 0)


def ex_kl(t, lq):
    terms = [M(p) * (mpmath.log(M(p)) - q) for p, q in zip(t, lq) if p != 0]
    scale = mpmath.fsum(abs(M(p) * mpmath.log(M(p))) + abs(M(p) * q) for p, q in zip(t, lq) if p != 0)
    return mpmath.fsum(terms), scale


def ex_multi_margin(x, y, p, margin, w):
    C = len(x)
    s, scale = mpmath.mpf(0), mpmath.mpf(0)
    for i in range(C):
        if i == y:
            continue
        z = M(margin) - M(x[y]) + M(x[i])
        if z > 0:
            s += z ** p
        scale += (abs(M(margin)) + abs(M(x[y])) + abs(M(x[i]))) ** p
    wy = M(w[y]) if w is not None else 1
    return wy * s / C, wy * scale / C


def pnorm(v, p):
    return mpmath.fsum(abs(c) ** p for c in v) ** (mpmath.mpf(1) / p)


# ---------------------------------------------------------------- writers

class Out:
    def __init__(self):
        self.inputs, self.rows, self.means = [], [], []

    def input(self, case, fields):
        for name, arr in fields.items():
            arr = np.asarray(arr, dtype=np.float64)
            if arr.ndim == 1 and name.startswith("class_"):
                self.inputs.append([case, -1, name, " ".join(repr(float(v)) for v in arr)])
                continue
            for i in range(arr.shape[0]):
                v = arr[i]
                text = repr(float(v)) if arr.ndim == 1 else " ".join(repr(float(c)) for c in v)
                self.inputs.append([case, i, name, text])

    def loss(self, case, loss, params, torch_rows, exact_rows, torch_mean, source, scales=None):
        n = len(exact_rows)
        for i in range(n):
            t = "" if torch_rows is None else repr(float(torch_rows[i]))
            s = 0.0 if scales is None else float(scales[i])
            self.rows.append([case, i, loss, params, t, repr(float(exact_rows[i])), repr(s)])
        if torch_mean is not None:
            self.means.append([case, loss, params, repr(float(torch_mean)), source])


def params_text(**kw):
    return ";".join(f"{k}={v}" for k, v in kw.items())


def binary(out):
    for case, f in binary_cases().items():
        out.input(case, f)
        p, y, z = T(f["p"]), T(f["y"]), T(f["z"])
        pl, yl, zl = list(f["p"]), list(f["y"]), list(f["z"])
        n = len(yl)
        out.loss(case, "bce", "", F.binary_cross_entropy(p, y, reduction="none"),
                 [ex_bce(pl[i], yl[i]) for i in range(n)], F.binary_cross_entropy(p, y),
                 "torch F.binary_cross_entropy")
        for pw in (1.0, 3.0, 0.5):
            kw = dict(pos_weight=T([pw]))
            out.loss(case, "bce_logits", params_text(pos_weight=pw),
                     F.binary_cross_entropy_with_logits(z, y, reduction="none", **kw),
                     [ex_bce_logits(zl[i], yl[i], pw) for i in range(n)],
                     F.binary_cross_entropy_with_logits(z, y, **kw),
                     "torch F.binary_cross_entropy_with_logits(pos_weight)")
        for gamma in (0.0, 2.0, 5.0):
            for alpha in (-1.0, 0.25):
                pt = params_text(gamma=gamma, alpha=alpha)
                rows = torchvision_sigmoid_focal_loss(z, y, alpha, gamma)
                out.loss(case, "focal_logits", pt, rows,
                         [ex_focal_logits(zl[i], yl[i], gamma, alpha) for i in range(n)], rows.mean(),
                         "torchvision.ops.sigmoid_focal_loss body (focal_loss.py v0.14) in torch ops")
                rows = focal_from_probability(p, y, alpha, gamma)
                out.loss(case, "focal_prob", pt, rows,
                         [ex_focal_prob(pl[i], yl[i], gamma, alpha) for i in range(n)], rows.mean(),
                         "torchvision focal body with ce = F.binary_cross_entropy")
        s = 2 * y - 1
        hinge = torch.clamp(1 - s * z, min=0)
        assert math.isclose(hinge.mean().item(), skm.hinge_loss(np.asarray(yl), np.asarray(zl)), rel_tol=1e-13)
        out.loss(case, "hinge", "", hinge, [max(0, 1 - (2 * M(yl[i]) - 1) * M(zl[i])) for i in range(n)],
                 hinge.mean(), "torch clamp(1 - y s; min=0); mean equals sklearn.metrics.hinge_loss")
        out.loss(case, "squared_hinge", "", hinge ** 2,
                 [max(0, 1 - (2 * M(yl[i]) - 1) * M(zl[i])) ** 2 for i in range(n)], (hinge ** 2).mean(),
                 "torch clamp(1 - y s; min=0) ** 2")
        brier = (p - y) ** 2
        assert math.isclose(brier.mean().item(), skm.brier_score_loss(np.asarray(yl), np.asarray(pl)), rel_tol=1e-13)
        out.loss(case, "brier", "", brier, [(M(pl[i]) - M(yl[i])) ** 2 for i in range(n)], brier.mean(),
                 "torch (p - y)**2; mean equals sklearn.metrics.brier_score_loss")


def torchvision_sigmoid_focal_loss(inputs, targets, alpha, gamma):
    """torchvision/ops/focal_loss.py (v0.14) sigmoid_focal_loss with reduction='none'; verbatim ops."""
    p = torch.sigmoid(inputs)
    ce_loss = F.binary_cross_entropy_with_logits(inputs, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    return loss


def focal_from_probability(p, targets, alpha, gamma):
    ce_loss = F.binary_cross_entropy(p, targets, reduction="none")
    p_t = p * targets + (1 - p) * (1 - targets)
    loss = ce_loss * ((1 - p_t) ** gamma)
    if alpha >= 0:
        alpha_t = alpha * targets + (1 - alpha) * (1 - targets)
        loss = alpha_t * loss
    return loss


def multiclass(out):
    for case, f in multiclass_cases().items():
        out.input(case, f)
        z, t, pr, teach = T(f["logits"]), T(f["target"]), T(f["probs"]), T(f["teacher"])
        lab, labi = L(f["label"]), L(f["label_ignore"])
        w, alpha_c = T(f["class_weight"]), T(f["class_alpha"])
        n, C = z.shape
        lp_ex = [ex_log_softmax(f["logits"][i]) for i in range(n)]
        lpr = torch.clamp(torch.log(pr), min=CLAMP)
        lpr_ex = [[clog(M(v)) for v in f["probs"][i]] for i in range(n)]
        for weighted in (0, 1):
            for eps in (0.0, 0.1):
                kw = dict(weight=w if weighted else None, label_smoothing=eps)
                wl = f["class_weight"] if weighted else None
                pt = params_text(weighted=weighted, label_smoothing=eps)
                out.loss(case, "ce", pt, F.cross_entropy(z, labi, reduction="none", ignore_index=IGNORE, **kw),
                         [ex_ce(lp_ex[i], int(f["label_ignore"][i]), wl, eps) for i in range(n)],
                         F.cross_entropy(z, labi, ignore_index=IGNORE, **kw),
                         "torch F.cross_entropy(weight; ignore_index=-100; label_smoothing)")
                out.loss(case, "ce_soft", pt, F.cross_entropy(z, t, reduction="none", **kw),
                         [ex_ce_soft(lp_ex[i], f["target"][i], wl, eps) for i in range(n)],
                         F.cross_entropy(z, t, **kw),
                         "torch F.cross_entropy(probability target; weight; label_smoothing)")
                out.loss(case, "ce_prob", pt, F.cross_entropy(lpr, labi, reduction="none", ignore_index=IGNORE, **kw),
                         [ex_ce(lpr_ex[i], int(f["label_ignore"][i]), wl, eps) for i in range(n)],
                         F.cross_entropy(lpr, labi, ignore_index=IGNORE, **kw),
                         "torch F.cross_entropy(clamp(log p; min=-100); ...)")
                out.loss(case, "ce_prob_soft", pt, F.cross_entropy(lpr, t, reduction="none", **kw),
                         [ex_ce_soft(lpr_ex[i], f["target"][i], wl, eps) for i in range(n)],
                         F.cross_entropy(lpr, t, **kw),
                         "torch F.cross_entropy(clamp(log p; min=-100); probability target; ...)")
        kl = [ex_kl(f["target"][i], lp_ex[i]) for i in range(n)]
        out.loss(case, "kl", "", F.kl_div(F.log_softmax(z, 1), t, reduction="none").sum(1), [k[0] for k in kl],
                 F.kl_div(F.log_softmax(z, 1), t, reduction="batchmean"),
                 "torch F.kl_div(log_softmax(logits); target; reduction='batchmean')", [k[1] for k in kl])
        kl = [ex_kl(f["target"][i], lpr_ex[i]) for i in range(n)]
        out.loss(case, "kl_prob", "", F.kl_div(lpr, t, reduction="none").sum(1), [k[0] for k in kl],
                 F.kl_div(lpr, t, reduction="batchmean"),
                 "torch F.kl_div(clamp(log q; min=-100); target; reduction='batchmean')", [k[1] for k in kl])
        lsm = F.log_softmax(z, 1)
        lpy = lsm.gather(1, lab[:, None])[:, 0]
        for gamma in (0.0, 2.0, 5.0):
            for with_alpha in (0, 1):
                a = alpha_c[lab] if with_alpha else 1.0
                rows = -a * (1 - lpy.exp()) ** gamma * lpy
                if gamma == 0 and not with_alpha:
                    assert torch.allclose(rows, F.cross_entropy(z, lab, reduction="none"), rtol=1e-14, atol=0)
                ex = []
                for i in range(n):
                    y = int(f["label"][i])
                    lpyi = lp_ex[i][y]
                    ai = M(f["class_alpha"][y]) if with_alpha else 1
                    ex.append(-ai * (1 - mpmath.exp(lpyi)) ** M(gamma) * lpyi)
                out.loss(case, "focal_mc", params_text(gamma=gamma, alpha=with_alpha), rows, ex, rows.mean(),
                         "torch ops -alpha[y] (1 - exp(lp_y))**gamma lp_y on F.log_softmax")
        for p in (1, 2):
            for margin in (1.0, 0.5):
                for weighted in (0, 1):
                    kw = dict(p=p, margin=margin, weight=w if weighted else None)
                    wl = f["class_weight"] if weighted else None
                    mm = [ex_multi_margin(f["logits"][i], int(f["label"][i]), p, margin, wl) for i in range(n)]
                    out.loss(case, "multi_margin", params_text(p=p, margin=margin, weighted=weighted),
                             F.multi_margin_loss(z, lab, reduction="none", **kw), [m[0] for m in mm],
                             F.multi_margin_loss(z, lab, **kw), "torch F.multi_margin_loss(p; margin; weight)",
                             [m[1] for m in mm])
        for alpha in (0.5, 0.1):
            for temp in (1.0, 4.0):
                hard = F.cross_entropy(z, lab, reduction="none")
                soft = F.kl_div(F.log_softmax(z / temp, 1), F.softmax(teach / temp, 1), reduction="none").sum(1)
                rows = alpha * hard + (1 - alpha) * temp ** 2 * soft
                ex, sc = [], []
                for i in range(n):
                    lq = ex_log_softmax(f["logits"][i], 1 / M(temp))
                    lpt = ex_log_softmax(f["teacher"][i], 1 / M(temp))
                    pt_ = [mpmath.exp(v) for v in lpt]
                    klv = mpmath.fsum(pc * (lpc - lqc) for pc, lpc, lqc in zip(pt_, lpt, lq))
                    kls = mpmath.fsum(pc * (abs(lpc) + abs(lqc)) for pc, lpc, lqc in zip(pt_, lpt, lq))
                    ex.append(M(alpha) * -lp_ex[i][int(f["label"][i])] + (1 - M(alpha)) * M(temp) ** 2 * klv)
                    sc.append((1 - M(alpha)) * M(temp) ** 2 * kls)
                out.loss(case, "distillation", params_text(alpha=alpha, temperature=temp), rows, ex, rows.mean(),
                         "torch alpha F.cross_entropy + (1-alpha) T^2 F.kl_div(log_softmax(s/T); softmax(t/T))", sc)


def embeddings(out):
    cases = embedding_cases()
    f = cases["pairs"]
    out.input("pairs", f)
    a, pos, neg, x1, x2, y, d = (T(f[k]) for k in ("anchor", "positive", "negative", "x1", "x2", "y", "d"))
    n = len(f["y"])
    for margin in (1.0, 2.0):
        for flip in (0, 1):
            dis = (1 - y) if flip else y
            rows = (1 - dis) * 0.5 * d ** 2 + dis * 0.5 * torch.clamp(margin - d, min=0) ** 2
            ex = []
            for i in range(n):
                di = M(f["y"][i]) if not flip else 1 - M(f["y"][i])
                ex.append((1 - di) * M(f["d"][i]) ** 2 / 2 + di * max(0, M(margin) - M(f["d"][i])) ** 2 / 2)
            out.loss("pairs", "contrastive", params_text(margin=margin, similar_is_one=flip), rows, ex, rows.mean(),
                     "torch ops (1-y) d^2/2 + y clamp(m-d; min=0)^2/2")
    for flip in (0, 1):
        dist = torch.linalg.vector_norm(x1 - x2, dim=1)
        dis = (1 - y) if flip else y
        rows = (1 - dis) * 0.5 * dist ** 2 + dis * 0.5 * torch.clamp(1.0 - dist, min=0) ** 2
        ex, sc = contrastive_emb_exact(f["x1"], f["x2"], f["y"], 1.0, flip)
        out.loss("pairs", "contrastive_emb", params_text(margin=1.0, similar_is_one=flip), rows, ex, rows.mean(),
                 "torch ops on torch.linalg.vector_norm(x1 - x2; dim=1)", sc)
    for p in (1, 2, 3):
        for eps in (1e-6, 0.0):
            ex = [pnorm([M(u) - M(v) + M(eps) for u, v in zip(f["x1"][i], f["x2"][i])], p) for i in range(n)]
            rows = F.pairwise_distance(x1, x2, p=p, eps=eps)
            out.loss("pairs", "pairwise_distance", params_text(p=p, eps=eps), rows, ex, rows.mean(),
                     "torch F.pairwise_distance(p; eps)")
    rows = torch.linalg.vector_norm(x1 - x2, dim=1)
    out.loss("pairs", "euclidean", "", rows, [pnorm([M(u) - M(v) for u, v in zip(f["x1"][i], f["x2"][i])], 2)
                                              for i in range(n)], rows.mean(), "torch.linalg.vector_norm(x1 - x2)")
    out.input("embedding_extremes", EMBEDDING_EXTREMES)
    ext = EMBEDDING_EXTREMES
    out.loss("embedding_extremes", "euclidean", "", None,
             [pnorm([M(u) - M(v) for u, v in zip(ext["x1"][i], ext["x2"][i])], 2) for i in range(len(ext["y"]))],
             None, None)
    ex, sc = contrastive_emb_exact(EMBEDDING_EXTREMES["x1"], EMBEDDING_EXTREMES["x2"], EMBEDDING_EXTREMES["y"], 1.0, 0)
    out.loss("embedding_extremes", "contrastive_emb", params_text(margin=1.0, similar_is_one=0), None, ex, None, None, sc)
    for margin in (1.0, 0.2):
        for p in (1, 2):
            for swap in (0, 1):
                for eps in (1e-6, 0.0):
                    kw = dict(margin=margin, p=p, swap=bool(swap), eps=eps)
                    ex, sc = [], []
                    for i in range(n):
                        A, P, N = ([M(v) for v in f[k][i]] for k in ("anchor", "positive", "negative"))
                        dist = lambda u, v: pnorm([ui - vi + M(eps) for ui, vi in zip(u, v)], p)
                        dp, dn = dist(A, P), dist(A, N)
                        if swap:
                            dn = min(dn, dist(P, N))
                        ex.append(max(M(margin) + dp - dn, 0))
                        sc.append(M(margin) + dp + dn)
                    out.loss("pairs", "triplet", params_text(margin=margin, p=p, swap=swap, eps=eps),
                             F.triplet_margin_loss(a, pos, neg, reduction="none", **kw), ex,
                             F.triplet_margin_loss(a, pos, neg, **kw), "torch F.triplet_margin_loss", sc)
    s = cases["similarities"]
    out.input("similarities", s)
    sims = T(s["sims"])
    for tau in (0.07, 0.5, 1.0, 0.01):
        zeros = torch.zeros(sims.shape[0], dtype=torch.int64)
        ex = [-ex_log_softmax(s["sims"][i], 1 / M(tau))[0] for i in range(sims.shape[0])]
        out.loss("similarities", "infonce", params_text(temperature=tau),
                 F.cross_entropy(sims / tau, zeros, reduction="none"), ex, F.cross_entropy(sims / tau, zeros),
                 "torch F.cross_entropy(cat([s+; s-]) / tau; label 0)")


def contrastive_emb_exact(x1, x2, y, margin, flip):
    ex, sc = [], []
    for i in range(len(y)):
        dist = pnorm([M(u) - M(v) for u, v in zip(x1[i], x2[i])], 2)
        di = 1 - M(y[i]) if flip else M(y[i])
        ex.append((1 - di) * dist ** 2 / 2 + di * max(0, M(margin) - dist) ** 2 / 2)
        # m - d has an absolute error of a few ulps of m + d, and the loss is (m - d)^2 / 2 with m - d <= m
        sc.append(di * M(margin) * (M(margin) + min(dist, 2 * M(margin))))
    return ex, sc


def check_seed():
    """The seed's numbers, rounded as it prints them."""
    p, y = T([0.95, 0.10, 0.03]), T([1.0, 0.0, 1.0])
    rows = F.binary_cross_entropy(p, y, reduction="none").tolist()
    assert [round(v, 4) for v in rows] == [0.0513, 0.1054, 3.5066], rows
    assert math.isclose(F.binary_cross_entropy(p, y).item(), skm.log_loss([1, 0, 1], [0.95, 0.10, 0.03]), rel_tol=1e-13)
    assert F.binary_cross_entropy_with_logits(T([100.0]), T([0.0])).item() == 100.0
    focal = focal_from_probability(p, y, -1, 2).tolist()
    assert round(focal[0], 6) == 0.000128 and round(F.binary_cross_entropy(T([0.10]), T([1.0])).item() * 0.81, 3) == 1.865


def write(path, header, comment, rows):
    assert all("," not in str(v) and '"' not in str(v) for r in rows for v in r), path + ": the reader splits on commas"
    with open(os.path.join(HERE, path), "w", newline="") as fh:
        fh.write(comment)
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    check_seed()
    out = Out()
    binary(out)
    multiclass(out)
    embeddings(out)
    comment = (f"# generated by make_reference.py with torch {torch.__version__}, scikit-learn {sklearn.__version__}, "
               f"mpmath {mpmath.__version__}, numpy {np.__version__}\n")
    write("inputs.csv", ["case", "row", "field", "values"], comment, out.inputs)
    write("rows.csv", ["case", "row", "loss", "params", "torch", "exact", "scale"], comment, out.rows)
    write("means.csv", ["case", "loss", "params", "torch_mean", "source"], comment, out.means)
    print(len(out.inputs), "input lines,", len(out.rows), "row values,", len(out.means), "means")


if __name__ == "__main__":
    main()
