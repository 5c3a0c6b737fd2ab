#!/usr/bin/python3
"""The counts of accumulate.PoissonBootstrap: a distribution on k = 0..8 with probabilities n_k / 2^16 that
is as close to Poisson(1) as 16-bit draws allow, and a valid bootstrap weight.

Run with Debian's /usr/bin/python3 (numpy) from this directory (about a minute):
    /usr/bin/python3 poisson_frequencies.py
It prints the chosen frequencies and their moments; PoissonBootstrap.FREQUENCIES and make_compare.py's copy
must equal them (trailing zeros dropped).

Search: every integer n_3..n_8 within 5 of 2^16 * P_Poisson(k); n_0, n_1, n_2 then follow from the three
equations sum n = 2^16, sum k n = 2^16 (mean 1), sum k^2 n = 2^17 (E k^2 = 2: variance 1), kept when they are
non-negative integers. Among those, the smallest |third factorial moment - 1|, then the smallest |fourth
factorial moment - 1| (both are 1 for Poisson(1); the third cannot be exact, since k(k-1)(k-2) is a multiple
of 6 and 6 does not divide 2^16), then the smallest total variation distance to Poisson(1).
"""
import itertools
import math

import numpy as np

N = 1 << 16
P = [math.exp(-1) / math.factorial(k) for k in range(30)]
TARGET = [N * p for p in P]
RADIUS = 5
FREE = list(range(3, 9))


def candidates():
    a = np.array([[k ** j for k in range(3)] for j in range(3)], dtype=float)
    ranges = [range(max(0, round(TARGET[k]) - RADIUS), round(TARGET[k]) + RADIUS + 1) for k in FREE]
    for tail in itertools.product(*ranges):
        b = np.array([N * (1, 1, 2)[j] - sum(k ** j * t for k, t in zip(FREE, tail)) for j in range(3)], dtype=float)
        s = np.linalg.solve(a, b)
        r = np.round(s).astype(np.int64)
        if np.any(r < 0) or np.max(np.abs(s - r)) > 1e-6:
            continue
        n = [int(x) for x in r] + list(tail)
        if all(sum(k ** j * n[k] for k in range(len(n))) == N * (1, 1, 2)[j] for j in range(3)):
            yield n


def factorial_moment(n, order):
    return sum(c * math.prod(k - i for i in range(order)) for k, c in enumerate(n))


def total_variation(n):
    return (sum(abs(c / N - P[k]) for k, c in enumerate(n)) + sum(P[len(n):])) / 2


def main():
    best = min(candidates(), key=lambda n: (abs(factorial_moment(n, 3) - N), abs(factorial_moment(n, 4) - N),
                                            total_variation(n)))
    while best[-1] == 0:
        best.pop()
    mean = sum(k * c for k, c in enumerate(best)) / N
    variance = sum(k * k * c for k, c in enumerate(best)) / N - mean ** 2
    print("frequencies", best)
    print("mean", mean, "variance", variance)
    print("third factorial moment", factorial_moment(best, 3) / N, "fourth", factorial_moment(best, 4) / N)
    print("total variation to Poisson(1)", total_variation(best))


if __name__ == "__main__":
    main()
