"""Generates reference_values.csv for ReferenceValuesTest from independent implementations.

Run with Debian's /usr/bin/python3 (torch 1.13, scikit-learn 1.2, mpmath): python3 reference_values.py
Columns: kernel, param, pred, target, expected (repr of a float64, round-trips exactly).
"""
import csv
import mpmath
import numpy as np
import torch
import torch.nn.functional as F
from sklearn.metrics import (mean_absolute_percentage_error, mean_pinball_loss,
                             mean_squared_log_error)

mpmath.mp.dps = 50
PAIRS = [(3.0, 1.0), (1.0, 3.0), (0.25, 0.0), (-2.5, 1.5), (1e-8, 0.0), (1e-3, -2e-3),
         (123.456, 120.0), (0.0, 1e-300), (5.0, 5.0), (1.0, 2.0), (700.0, -50.0)]


def torch_row(fn, p, t, **kw):
    return fn(torch.tensor([p], dtype=torch.float64), torch.tensor([t], dtype=torch.float64),
              reduction='none', **kw).item()


rows = []
for p, t in PAIRS:
    rows.append(('squaredError', 0.0, p, t, float(np.float64(p - t) ** 2)))          # numpy
    rows.append(('absoluteError', 0.0, p, t, float(abs(np.float64(p) - np.float64(t)))))
    for delta in (1.0, 0.5, 2.0):
        rows.append(('huber', delta, p, t, torch_row(F.huber_loss, p, t, delta=delta)))  # PyTorch
    for beta in (0.0, 1.0, 2.0):
        rows.append(('smoothL1', beta, p, t, torch_row(F.smooth_l1_loss, p, t, beta=beta)))
    r = mpmath.mpf(p - t)  # the kernel's residual is the float64 difference
    rows.append(('logCosh', 0.0, p, t, float(mpmath.log(mpmath.cosh(r)))))          # mpmath, 50 digits
    for q in (0.1, 0.5, 0.9, 0.0, 1.0):
        rows.append(('pinball', q, p, t, mean_pinball_loss([t], [p], alpha=q)))         # scikit-learn
    rows.append(('absolutePercentageError', 0.0, p, t, mean_absolute_percentage_error([t], [p])))
    if p >= 0 and t >= 0:
        rows.append(('squaredLogError', 0.0, p, t, mean_squared_log_error([t], [p])))

with open('reference_values.csv', 'w', newline='') as f:
    w = csv.writer(f, lineterminator='\n')
    w.writerow(['kernel', 'param', 'pred', 'target', 'expected'])
    for k, param, p, t, e in rows:
        w.writerow([k, repr(float(param)), repr(float(p)), repr(float(t)), repr(float(e))])
