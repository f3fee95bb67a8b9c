"""The demo's non-Keras model: a LightGBM classifier and regressor pair on the demo features.

Trained on the same training rounds as the Keras stages (never on the held-out ones), on the
features scaled by the run's own scaler, and saved natively as ``classifier_lightgbm.txt`` and
``regressor_lightgbm.txt`` beside the checkpoints: one model with both heads, so the comparison
page shows a gradient-boosted model beside the networks. Skipped when LightGBM is not installed
(``pip install 'jetx-diag[lightgbm]'``; ``make demo`` installs it).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import numpy as np

from jetx_diag.demo.training_plan import FIRST_PREDICTABLE, THRESHOLD, DemoRun
from jetx_diag.demo.training_samples import split_sizes

CLASSIFIER_FILE = "classifier_lightgbm.txt"
REGRESSOR_FILE = "regressor_lightgbm.txt"


def lightgbm_available() -> bool:
    return importlib.util.find_spec("lightgbm") is not None


def train_lightgbm_pair(run: DemoRun, features: str, cache_dir: Path | None) -> str:
    """Train and save the pair in the run's folder; returns the classifier's path."""
    import lightgbm

    from jetx_diag.artifacts.safe_pickle import load_scaler
    from jetx_diag.history.rounds import load_history
    from jetx_diag.inputs.feature_cache import compute_features, load_extractor

    history = load_history(run.history_path)
    n_train, _, _ = split_sizes(run.samples)
    targets = np.arange(FIRST_PREDICTABLE, FIRST_PREDICTABLE + n_train, dtype=np.int64)
    _, matrix = compute_features(load_extractor(features), history.values, targets, cache_dir)
    x = np.asarray(load_scaler(run.scaler_path).scaler.transform(matrix), dtype=np.float64)
    multiplier = history.values[targets]
    settings = {"n_estimators": 60, "num_leaves": 7, "learning_rate": 0.05, "random_state": 0}
    classifier = lightgbm.LGBMClassifier(**settings, verbose=-1)
    classifier.fit(x, (multiplier >= THRESHOLD).astype(int))
    regressor = lightgbm.LGBMRegressor(**settings, verbose=-1)
    regressor.fit(x, multiplier)
    out = Path(run.out_dir)
    classifier.booster_.save_model(str(out / CLASSIFIER_FILE))
    regressor.booster_.save_model(str(out / REGRESSOR_FILE))
    return str(out / CLASSIFIER_FILE)
