"""Four real checkpoints of one "run" whose numbers are known by hand, for compare tests.

The history alternates: a round below 1.5 (cycling through ten values 1.05 … 1.48), then a
round at 2.00, so the next round is predictable from the last one. Each checkpoint is one
Dense(1, sigmoid) unit named ``threshold`` on a window of past rounds (``log10`` transformed),
with hand-set weights, so every call is known:

* ``sharp.h5`` (window 1): "above" exactly when the last round was below 1.5 → always right.
* ``loose.h5`` (window 2, only the last value weighted): its boundary is 1.46, so the round
  after a 1.48 is called "below" and is wrong: 5 of the 50 held-out above rounds.
* ``inverted.h5`` (window 1): the opposite of sharp → always wrong.
* ``collapsed.h5`` (window 1): weight 0, bias +50 → "above" on every round.

Rounds from id 101 on are held out (``--test-from-id 101``): ids 101–200, 50 below, 50 above,
the same rounds for both window lengths.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import numpy as np

BELOW_CYCLE = (1.05, 1.1, 1.15, 1.2, 1.25, 1.3, 1.35, 1.4, 1.45, 1.48)
ROUNDS = 200
TEST_FROM_ID = 101
SLOPE = 1000.0  # steep enough that 1.48 and 1.5 are told apart after log10


@dataclass(frozen=True)
class CompareRun:
    folder: Path  # the checkpoints only
    history: Path
    checkpoints: dict[str, Path]  # by short name: sharp, loose, inverted, collapsed


def history_values(rounds: int = ROUNDS) -> np.ndarray:
    values = [
        BELOW_CYCLE[(i // 2) % len(BELOW_CYCLE)] if i % 2 == 0 else 2.0 for i in range(rounds)
    ]
    return np.asarray(values, dtype=np.float64)


def _model(window: int, weights: list[float], bias: float):  # type: ignore[no-untyped-def]
    from jetx_diag.artifacts.keras_env import import_keras

    keras = import_keras()
    seq = keras.Input((window, 1), name=f"seq{window}")
    flat = keras.layers.Flatten()(seq)
    head = keras.layers.Dense(1, activation="sigmoid", name="threshold")
    model = keras.Model(seq, head(flat))
    head.set_weights([np.asarray(weights, dtype=np.float32).reshape(window, 1), np.array([bias])])
    return model


def make_compare_run(root: Path) -> CompareRun:
    from jetx_diag.demo.fairgen import write_sqlite

    root.mkdir(parents=True, exist_ok=True)
    history = write_sqlite(root / "history.db", history_values())
    folder = root / "checkpoints"
    folder.mkdir()
    at_15 = SLOPE * math.log10(1.5)
    at_146 = SLOPE * math.log10(1.46)
    specs = {
        "sharp": (1, [-SLOPE], at_15),
        "loose": (2, [0.0, -SLOPE], at_146),
        "inverted": (1, [SLOPE], -at_15),
        "collapsed": (1, [0.0], 50.0),
    }
    checkpoints = {}
    for name, (window, weights, bias) in specs.items():
        path = folder / f"{name}.h5"
        _model(window, weights, bias).save(path)
        checkpoints[name] = path
    return CompareRun(folder, history, checkpoints)
