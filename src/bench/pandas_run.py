#!/usr/bin/python3
"""The optional pandas + numpy column of the losseval benchmark (compare.sh runs it only when
`/usr/bin/python3 -c 'import pandas'` works).

    /usr/bin/python3 pandas_run.py reg FILE    # mse rmse mae huber pinball, one "name value" a line
    /usr/bin/python3 pandas_run.py ce FILE     # 10-class cross-entropy from logits l0..l9 and label

FILE is CSV (pandas' default C parser), or Parquet when it ends in .parquet (that needs pyarrow or
fastparquet). The formulas are the ones DuckRun.java states: huber with delta = 1 (PyTorch), pinball with
q = 0.9 (scikit-learn), and cross-entropy as logsumexp - logit[label] with the max subtracted first. Values
are printed with repr, which reads back exactly.
"""
import sys

import numpy as np
import pandas as pd

CLASSES = 10


def read(path):
    if path.endswith(".parquet"):
        return pd.read_parquet(path)
    return pd.read_csv(path, engine="c")


def regression(frame):
    r = frame["pred"].to_numpy() - frame["target"].to_numpy()
    a = np.abs(r)
    mse = np.mean(r * r)
    return [
        ("mse", mse),
        ("rmse", np.sqrt(mse)),
        ("mae", np.mean(a)),
        ("huber", np.mean(np.where(a <= 1.0, 0.5 * r * r, a - 0.5))),
        ("pinball", np.mean(np.where(r <= 0, -0.9 * r, 0.1 * r))),
    ]


def cross_entropy(frame):
    logits = frame[[f"l{k}" for k in range(CLASSES)]].to_numpy()
    labels = frame["label"].to_numpy()
    m = logits.max(axis=1)
    logsumexp = m + np.log(np.exp(logits - m[:, None]).sum(axis=1))
    return [("ce", np.mean(logsumexp - logits[np.arange(len(labels)), labels]))]


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("reg", "ce"):
        sys.exit("usage: pandas_run.py reg|ce FILE")
    frame = read(sys.argv[2])
    results = regression(frame) if sys.argv[1] == "reg" else cross_entropy(frame)
    print("\n".join(f"{name} {float(value)!r}" for name, value in results))


if __name__ == "__main__":
    main()
