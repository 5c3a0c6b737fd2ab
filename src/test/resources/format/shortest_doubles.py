#!/usr/bin/python3
"""Writes shortest-doubles.csv: doubles (as 64-bit patterns) with Python's repr of each.

Python's repr (David Gay's algorithm, since Python 3.1) is the shortest decimal string that reads back as
the same double, the nearest one among equally short candidates. NumbersTest compares the decimal value of
Numbers.exact with it. Run with Debian's /usr/bin/python3; the seed makes the output reproducible.
"""
import math
import random
import struct
from pathlib import Path


def bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def from_bits(b: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", b))[0]


rng = random.Random(20240611)
values = [
    0.1 + 0.2, 1e-300, 5e-324, 1.5e-323, 2.2250738585072014e-308, 2.225073858507201e-308,
    1.7976931348623157e308, 1e23, 2e23, 8.41e21, 2.82879384806159e17, 9007199254740993.0,
    1e15, 999999999999999.9, 1e-4, 9.999999999999999e-5, 16200.0, 80.0, 1095.8333333333333, 0.0513,
    1 / 3, 2 / 3, math.pi, math.e, 0.1, 0.15, 2.675, 123456789012345.67, 1e16, 1e17, 4.35, 0.3,
]
values += [-v for v in list(values)]
# Uniform over bit patterns: covers subnormals, huge and tiny exponents.
while len(values) < 1500:
    x = from_bits(rng.getrandbits(64))
    if math.isfinite(x) and x != 0:
        values.append(x)
# Values a loss report actually holds: means of a few decimals, powers of two and ten.
for _ in range(1000):
    values.append(sum(round(rng.uniform(-1000, 1000), rng.randint(0, 4)) for _ in range(rng.randint(1, 7))) / rng.randint(1, 9))
for e in range(-1074, 1024, 7):
    values.append(math.ldexp(1.0, e))
for e in range(-323, 309, 3):
    values.append(float(f"1e{e}"))
values = [v for v in values if v != 0]

out = Path(__file__).with_name("shortest-doubles.csv")
with out.open("w") as f:
    f.write("bits,python_repr\n")
    for v in values:
        f.write(f"{bits(v):016x},{v!r}\n")
print(f"wrote {len(values)} rows to {out}")
