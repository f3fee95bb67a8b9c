"""The demo's feature extractor: a modest, deterministic stand-in for the source project's
``FeatureEngineering.extract_all_features``.

It has the same contract, which is the one ``--features module:callable`` expects: called with
the history (oldest first) *before* a round, it returns an ordered ``dict`` of floats describing
only what happened before that round. Pass it as ``jetx_diag.demo.features:extract_features``.

The features are the kinds the source computes — rolling statistics over several windows, the
share of recent rounds below the 1.5x cash-out, streaks, rounds since a big multiplier, the last
values — :data:`FEATURE_COUNT` of them, always in the order of :data:`FEATURE_NAMES`.

Minimum history: :data:`MIN_HISTORY` (one round). A window longer than the history uses all of
it, and "k rounds back" beyond the start uses the oldest round, so every feature is finite for
any history of at least one finite round.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from jetx_diag.errors import DataError
from jetx_diag.i18n.messages import record

#: Rounds a history must hold before features can be computed.
MIN_HISTORY = 1
#: The cash-out multiplier the below/above features are about.
THRESHOLD = 1.5
#: Rolling windows (most recent rounds) for the window statistics.
WINDOWS = (10, 25, 50, 100, 200, 500)
#: How far back "rounds since" looks; not found within it means this many rounds.
LOOKBACK = 1000
#: Multipliers whose last occurrence is measured ("rounds since the last 10x").
MILESTONES = (2.0, 10.0, 100.0)

FEATURE_NAMES: tuple[str, ...] = (
    "last_1",
    "last_2",
    "last_3",
    "log10_last",
    "diff_1",
    *(f"{stat}_{w}" for w in WINDOWS for stat in ("mean", "std", "median", "below_share")),
    "volatility_20",
    "below_streak",
    "above_streak",
    *(f"rounds_since_{m:g}x" for m in MILESTONES),
)
FEATURE_COUNT = len(FEATURE_NAMES)

_TAIL = max(max(WINDOWS), LOOKBACK)


def _rounds_since(tail: np.ndarray, mask: np.ndarray) -> float:
    """Rounds since the last ``True`` in ``mask`` (0: the last round); ``len(tail)`` if none."""
    hits = np.flatnonzero(mask)
    return float(tail.size - 1 - hits[-1]) if hits.size else float(tail.size)


def extract_features(history: Sequence[float] | np.ndarray) -> dict[str, float]:
    """Features of the rounds before the next one; ``history`` is oldest first."""
    if len(history) < MIN_HISTORY:
        raise DataError(
            record("error.features.features_need_least_round_history", min_history=MIN_HISTORY)
        )
    # Only the last _TAIL rounds matter, so a long history costs no more than a short one.
    tail = np.asarray(history[-_TAIL:], dtype=np.float64)
    if tail.ndim != 1 or not np.all(np.isfinite(tail)):
        raise DataError(record("error.features.features_need_flat_history_finite"))

    n = tail.size
    features: dict[str, float] = {}
    for k in (1, 2, 3):
        features[f"last_{k}"] = float(tail[-min(k, n)])
    features["log10_last"] = float(np.log10(tail[-1]))
    features["diff_1"] = float(tail[-1] - tail[-2]) if n > 1 else 0.0

    below = tail < THRESHOLD
    for w in WINDOWS:
        window = tail[-w:]
        features[f"mean_{w}"] = float(window.mean())
        features[f"std_{w}"] = float(window.std())
        features[f"median_{w}"] = float(np.median(window))
        features[f"below_share_{w}"] = float(below[-w:].mean())

    recent = tail[-20:]
    # Coefficient of variation; multipliers are >= 1, the epsilon only guards odd inputs.
    features["volatility_20"] = float(recent.std() / (abs(recent.mean()) + 1e-8))

    # Current run: how many of the latest rounds share the last round's side of 1.5.
    flips = np.flatnonzero(below != below[-1])
    run = float(n - 1 - flips[-1]) if flips.size else float(n)
    features["below_streak"] = run if below[-1] else 0.0
    features["above_streak"] = 0.0 if below[-1] else run

    lookback = tail[-LOOKBACK:]
    for m in MILESTONES:
        features[f"rounds_since_{m:g}x"] = _rounds_since(lookback, lookback >= m)
    return features
