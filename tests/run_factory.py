"""Build a small, real training run on disk for end-to-end tests.

A provably-fair SQLite history, the demo's feature extractor, a fitted scaler saved with joblib,
and an untrained (seeded) document-shaped Keras 3 model saved as .h5 — the files a user has after
a run, made by the tests themselves.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import joblib
import numpy as np
from sklearn.preprocessing import StandardScaler

from jetx_diag.demo.fairgen import generate_rounds, write_sqlite
from jetx_diag.demo.features import extract_features

FEATURES = "jetx_diag.demo.features:extract_features"
ROUNDS = 900  # 500-round windows leave 400 samples; the last 80 are held out


@dataclass(frozen=True)
class Run:
    folder: Path
    history: Path
    checkpoint: Path
    scaler: Path
    metadata: Path
    values: np.ndarray


def make_run(folder: Path, *, seed: str = "tests", rounds: int = ROUNDS) -> Run:
    from jetx_diag.artifacts.keras_env import import_keras
    from jetx_diag.demo.model import build_model

    folder.mkdir(parents=True, exist_ok=True)
    values = generate_rounds(rounds, seed=seed)
    history = write_sqlite(folder / "history.db", values)
    # The scaler is fitted on the features of the training rounds, as a training script does.
    train = [extract_features(values[:t].tolist()) for t in range(500, 700, 5)]
    matrix = np.array([list(row.values()) for row in train])
    scaler = StandardScaler().fit(matrix)
    scaler_path = folder / "scaler_progressive.pkl"
    joblib.dump(scaler, scaler_path)
    keras = import_keras()
    keras.utils.set_random_seed(7)
    model = build_model(matrix.shape[1], size="small")
    checkpoint = folder / "stage2_best.h5"
    model.save(checkpoint)
    metadata = folder / "progressive_model_info.json"
    metadata.write_text(
        json.dumps({"model": "test", "metrics": {"threshold_accuracy": 0.648}}), encoding="utf-8"
    )
    return Run(folder, history, checkpoint, scaler_path, metadata, values)
