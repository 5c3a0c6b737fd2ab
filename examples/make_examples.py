#!/usr/bin/python3
"""Writes the example prediction dumps in this folder. Run from anywhere: /usr/bin/python3 make_examples.py

houses.csv   the seed's three houses (pred, target in $k): errors +10, -10, +220, so MSE = 16200.
sensors.csv  5000 hourly readings of a greenhouse temperature sensor network (degrees Celsius):
             id      row id (1..5000)
             pred    the model's point forecast
             target  the logged reading, = true temperature + N(0, 0.3) measurement noise
             w       a per-sensor reliability weight in [0.5, 2]
             p10, p50, p90  the model's quantile forecasts (p50 = pred), calibrated for the
                            Gaussian forecast error, so about 80 % of clean targets lie in [p10, p90]
             baseline  the forecast of the model in production, a little worse (error std 0.9 against
                       0.8), to compare the candidate pred with: --baseline-pred baseline
             sensor  which of the 25 sensors logged the reading, s01..s25 (text: a --group-by column);
                     each sensor has its own offset and reliability weight
             Five targets are corrupted as in the seed's story (values entered in the wrong units):
             three logged in Fahrenheit and two in kelvin. Their ids are printed when this runs.

emails.csv   the seed's three emails: spam label, the model's spam probability p (0.95, 0.10, 0.03) and
             the raw logit from the seed's PyTorch snippet (3.0, -2.5, -3.5).
leaves.csv   1000 leaf images classified into 5 diseases (a small multi-class example):
             l0..l4  the model's logits, label  the true class (0..4), t0..t4  a soft target
             (the label smoothed by 0.1, as a teacher might give), and w  a sample weight.
             The model is good but over-confident on a few mislabelled leaves.

All values are rounded to 3 decimals so the CSV text is exact and the Parquet copies
(make_parquet.sh) hold bit-identical doubles. The seed is fixed: re-running reproduces the files.
"""
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
SEED = 20240607
ROWS = 5000
FORECAST_SIGMA = 0.8       # std of the model's forecast error, degrees C
BASELINE_SIGMA = 0.9       # std of the production model's error: a slightly worse forecast
MEASUREMENT_SIGMA = 0.3    # std of the sensor's own noise, degrees C
Z90 = 1.2815515655446004   # standard normal 0.9 quantile (scipy.stats.norm.ppf(0.9))
FAHRENHEIT_ROWS = 3
KELVIN_ROWS = 2


def houses() -> pd.DataFrame:
    return pd.DataFrame({"pred": [210.0, 340.0, 400.0], "target": [200.0, 350.0, 180.0]})


def sensors(rng: np.random.Generator) -> pd.DataFrame:
    hours = np.arange(ROWS)
    sensor = rng.integers(0, 25, ROWS)
    # Seasonal drift over ~7 months plus a daily cycle and a per-sensor offset (sunny vs shaded benches).
    offset = rng.normal(0.0, 1.5, 25)[sensor]
    true_temp = 18.0 + 6.0 * np.sin(2 * np.pi * hours / ROWS) + 5.0 * np.sin(2 * np.pi * (hours % 24) / 24) + offset
    target = true_temp + rng.normal(0.0, MEASUREMENT_SIGMA, ROWS)
    pred = true_temp + rng.normal(0.0, FORECAST_SIGMA, ROWS)
    spread = Z90 * np.hypot(FORECAST_SIGMA, MEASUREMENT_SIGMA)
    weight = rng.uniform(0.5, 2.0, 25)[sensor]

    corrupted = rng.choice(ROWS, FAHRENHEIT_ROWS + KELVIN_ROWS, replace=False)
    fahrenheit, kelvin = corrupted[:FAHRENHEIT_ROWS], corrupted[FAHRENHEIT_ROWS:]
    target[fahrenheit] = target[fahrenheit] * 9.0 / 5.0 + 32.0
    target[kelvin] = target[kelvin] + 273.15
    print("sensors.csv corrupted ids: fahrenheit", sorted(int(i) + 1 for i in fahrenheit),
          "kelvin", sorted(int(i) + 1 for i in kelvin))
    # Drawn last, so that every column above is what it was before this one was added.
    baseline = true_temp + rng.normal(0.0, BASELINE_SIGMA, ROWS)

    return pd.DataFrame({
        "id": hours + 1,
        "pred": pred.round(3),
        "target": target.round(3),
        "w": weight.round(3),
        "p10": (pred - spread).round(3),
        "p50": pred.round(3),
        "p90": (pred + spread).round(3),
        "baseline": baseline.round(3),
        "sensor": [f"s{k + 1:02d}" for k in sensor],
    })


def emails() -> pd.DataFrame:
    return pd.DataFrame({"email": [1, 2, 3], "spam": [1, 0, 1], "p": [0.95, 0.10, 0.03], "logit": [3.0, -2.5, -3.5]})


LEAF_ROWS = 1000
LEAF_CLASSES = 5
MISLABELLED = 8


def leaves(rng: np.random.Generator) -> pd.DataFrame:
    label = rng.integers(0, LEAF_CLASSES, LEAF_ROWS)
    logits = rng.normal(0.0, 1.0, (LEAF_ROWS, LEAF_CLASSES))
    logits[np.arange(LEAF_ROWS), label] += rng.normal(3.0, 1.0, LEAF_ROWS)  # the model sees the disease
    wrong = rng.choice(LEAF_ROWS, MISLABELLED, replace=False)
    label[wrong] = (label[wrong] + 1 + rng.integers(0, LEAF_CLASSES - 1, MISLABELLED)) % LEAF_CLASSES
    logits = logits.round(3)
    smoothing = 0.1
    soft = np.full((LEAF_ROWS, LEAF_CLASSES), smoothing / LEAF_CLASSES)
    soft[np.arange(LEAF_ROWS), label] += 1 - smoothing
    frame = pd.DataFrame({f"l{k}": logits[:, k] for k in range(LEAF_CLASSES)})
    frame["label"] = label
    for k in range(LEAF_CLASSES):
        frame[f"t{k}"] = soft[:, k].round(3)
    frame["w"] = rng.uniform(0.5, 2.0, LEAF_ROWS).round(3)
    print("leaves.csv: mislabelled rows (1-based):", sorted(int(i) + 1 for i in wrong))
    return frame


def main() -> None:
    rng = np.random.default_rng(SEED)
    houses().to_csv(HERE / "houses.csv", index=False, float_format="%.10g")
    sensors(rng).to_csv(HERE / "sensors.csv", index=False, float_format="%.10g")
    emails().to_csv(HERE / "emails.csv", index=False, float_format="%.10g")
    leaves(np.random.default_rng(SEED + 1)).to_csv(HERE / "leaves.csv", index=False, float_format="%.10g")


if __name__ == "__main__":
    main()
