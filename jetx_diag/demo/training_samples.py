"""The demo's training samples: every round with a full window before it, as model inputs
(features and multiplier windows) and targets, split chronologically.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.lib.stride_tricks import sliding_window_view

from jetx_diag.demo.features import extract_features
from jetx_diag.demo.model import SEQUENCE_LENGTHS
from jetx_diag.demo.training_plan import (
    FIRST_PREDICTABLE,
    SEQUENCE_EPSILON,
    TEST_FRACTION,
    THRESHOLD,
    VALIDATION_FRACTION,
)
from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.scoring.metrics import classify, is_above


@dataclass
class Samples:
    """Model inputs by name and the multiplier each sample predicts (the features are scaled
    in place once the scaler is fitted, hence not frozen)."""

    inputs: dict[str, np.ndarray]
    target: np.ndarray  # the multiplier of the predicted round

    def __len__(self) -> int:
        return int(self.target.size)

    def part(self, start: int, stop: int) -> Samples:
        return Samples({k: v[start:stop] for k, v in self.inputs.items()}, self.target[start:stop])


def sequence_windows(values: np.ndarray, length: int, first: int) -> np.ndarray:
    """For every round ``i >= first``: the ``length`` multipliers before it, transformed.

    ``sliding_window_view`` builds the windows without copying; the transform makes the one
    copy the model needs (float32, shape (samples, length, 1)).
    """
    view = sliding_window_view(values, length)[first - length : values.size - length]
    return np.log10(view + SEQUENCE_EPSILON).astype(np.float32)[..., np.newaxis]


def feature_matrix(values: np.ndarray, first: int) -> np.ndarray:
    # The per-history callable, exactly as the evaluator will call it with --features.
    history = values.tolist()
    rows = [list(extract_features(history[:i]).values()) for i in range(first, values.size)]
    return np.asarray(rows, dtype=np.float64)


def split_sizes(samples: int) -> tuple[int, int, int]:
    # Same rounding as scikit-learn's train_test_split(shuffle=False): the test part is ceil().
    test = math.ceil(TEST_FRACTION * samples)
    validation = math.ceil(VALIDATION_FRACTION * (samples - test))
    return samples - test - validation, validation, test


def balanced_weights(above: np.ndarray) -> tuple[float, float]:
    below_count = int(np.sum(~above))
    above_count = int(np.sum(above))
    if below_count == 0 or above_count == 0:
        raise UsageError(record("error.training_samples.training_rounds_hold_only_one"))
    total = below_count + above_count
    return total / (2 * below_count), total / (2 * above_count)


def targets(values: np.ndarray) -> dict[str, np.ndarray]:
    one_hot = np.eye(3, dtype=np.float32)[classify(values)]
    return {
        "regression": values.astype(np.float32).reshape(-1, 1),
        "classification": one_hot,
        "threshold": is_above(values, THRESHOLD).astype(np.float32).reshape(-1, 1),
    }


def build_samples(values: np.ndarray) -> Samples:
    inputs = {"features": feature_matrix(values, FIRST_PREDICTABLE)}
    for length in SEQUENCE_LENGTHS:
        inputs[f"seq{length}"] = sequence_windows(values, length, FIRST_PREDICTABLE)
    return Samples(inputs, values[FIRST_PREDICTABLE:])
