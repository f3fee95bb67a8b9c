"""A test of skill that stays valid when the model's outputs depend on earlier rounds.

Under a fair game every round reaches the threshold with the same known probability
``π₀ = (1 − edge) / threshold`` (0.97/1.5 for a 3% edge), whatever happened before. So for any
weight ``w_t`` fixed before round ``t`` is played, ``Σ (y_t − π₀) w_t`` is a martingale with mean
zero, and ``Z = Σ (y_t − π₀) w_t / sqrt(π₀ (1 − π₀) Σ w_t²)`` is close to standard normal (the
martingale central limit theorem, with the variance the fair law itself predicts).

The weight is the model's output ranked among its own *earlier* outputs (a mid-rank in
[−½, ½]): it rewards ranking rounds that then reach the threshold above the others, like the
ROC AUC, and never looks at an output or an outcome still to come. A permutation test of the
AUC, by contrast, assumes the outputs are unrelated to the held-out outcomes' order, which
fails for a model that reads the last rounds (its outputs share those rounds with the labels).

What the test assumes: each output was made before its round was played (no look-ahead), and the
rounds follow the fair law with the stated edge. A wrong edge biases it only through ``Σ w_t``,
which the centred ranks keep near zero.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats as sps

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record

#: Outputs ranked against earlier ones this many at a time (a sort per block, a square within).
_BLOCK = 256


@dataclass(frozen=True)
class MartingaleResult:
    """``Σ (y_t − π₀) w_t`` against the fair law, self-normalised, with one-sided p-values."""

    fair_rate: float  # π₀, the fair game's chance of reaching the threshold
    statistic: float  # Σ (y_t − π₀) w_t
    variance: float  # π₀ (1 − π₀) Σ w_t²
    z: float  # statistic / sqrt(variance); 0 when every weight is 0
    p_value: float  # H1: rounds ranked higher reach the threshold more often (better)
    p_value_less: float  # H1: they reach it less often (worse)
    rounds: int


def fair_rate(threshold: float, house_edge: float) -> float:
    """``P(X ≥ threshold)`` in a fair game with this edge: ``(1 − edge) / threshold``."""
    if not threshold > 1.0:
        raise UsageError(record("error.martingale.threshold_must_above_1_00", threshold=threshold))
    if not 0.0 <= house_edge < 1.0:
        raise UsageError(record("error.martingale.house_edge_must_within_0", house_edge=house_edge))
    return (1.0 - house_edge) / threshold


def sequential_ranks(scores: ArrayLike) -> np.ndarray:
    """Each score's mid-rank among the scores before it, as a share minus ½: in [−½, ½].

    ``w_t = (#{s < t: x_s < x_t} + ½ #{s < t: x_s = x_t}) / (t − 1) − ½`` (0-based ``t``
    counts ``t`` earlier scores), and ``w_0 = 0``: the first output has nothing to be ranked
    against. Only earlier scores enter, so the weight is known before round ``t``.
    """
    x = np.asarray(scores, dtype=np.float64)
    if x.ndim != 1:
        raise UsageError(record("error.martingale.scores_must_one_value_per"))
    n = x.size
    weights = np.zeros(n)
    seen = np.empty(0)
    for start in range(0, n, _BLOCK):
        block = x[start : start + _BLOCK]
        # Against every score of the earlier blocks: two binary searches in their sorted copy.
        below = np.searchsorted(seen, block, side="left").astype(np.float64)
        equal = np.searchsorted(seen, block, side="right") - below
        # Within the block: only the scores before each one (strictly lower triangle).
        earlier = np.tril(np.ones((block.size, block.size), dtype=bool), k=-1)
        below += np.sum(earlier & (block[np.newaxis, :] < block[:, np.newaxis]), axis=1)
        equal += np.sum(earlier & (block[np.newaxis, :] == block[:, np.newaxis]), axis=1)
        count = start + np.arange(block.size)
        with np.errstate(invalid="ignore", divide="ignore"):
            share = np.where(count > 0, (below + 0.5 * equal) / count, 0.5)
        weights[start : start + block.size] = share - 0.5
        seen = np.sort(np.concatenate([seen, block]))
    return weights


def martingale_test(actual_above: ArrayLike, scores: ArrayLike, rate: float) -> MartingaleResult:
    """The self-normalised martingale test of ``scores`` (probabilities or 0/1 calls, in round
    order) against outcomes ``actual_above``, with ``rate`` = π₀ from the fair law.

    When every weight is 0 (a constant output) there is nothing to test: ``z = 0`` and both
    p-values are 1.
    """
    y = np.asarray(actual_above, dtype=np.float64)
    w = sequential_ranks(scores)
    if y.shape != w.shape:
        raise UsageError(record("error.martingale.outcomes_but_scores", size=y.size, size2=w.size))
    if not 0.0 < rate < 1.0:
        raise UsageError(record("error.martingale.fair_rate_must_within_0", rate=rate))
    statistic = float(np.sum((y - rate) * w))
    variance = float(rate * (1.0 - rate) * np.sum(w * w))
    if variance <= 0.0:
        return MartingaleResult(rate, statistic, variance, 0.0, 1.0, 1.0, int(y.size))
    z = statistic / math.sqrt(variance)
    return MartingaleResult(
        rate,
        statistic,
        variance,
        z,
        float(sps.norm.sf(z)),
        float(sps.norm.cdf(z)),
        int(y.size),
    )
