"""Are the model's probabilities honest? Reliability bins with counts, Brier score, ECE.

The reference is the fair game: every round reaches ``m`` with probability ``(1 − edge)/m``
(0.647 at 1.5x for a 3% edge). A model that knows nothing but is calibrated says 0.647 every time;
its Brier score is the reference the model must beat.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from sklearn.metrics import brier_score_loss

from jetx_diag.errors import InputError, MismatchError, UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Rate
from jetx_diag.scoring.stats import LEVEL, Interval, wilson
from jetx_diag.skill.baselines import fair_probability

#: Reliability bins of equal width over [0, 1].
BINS = 10


@dataclass(frozen=True)
class CalibrationBin:
    """Rounds whose ``p_above`` fell in ``[low, high)`` (the last bin includes 1.0)."""

    low: float
    high: float
    mean_predicted: float | None  # None for an empty bin
    observed: Rate  # rounds in the bin that reached the threshold
    interval: Interval | None  # Wilson interval of ``observed``

    @property
    def count(self) -> int:
        return self.observed.total


@dataclass(frozen=True)
class Calibration:
    bins: tuple[CalibrationBin, ...]
    brier: float  # mean squared error of p_above (sklearn), lower is better
    brier_reference: float  # Brier of always forecasting the fair probability
    brier_skill: float | None  # 1 − brier/brier_reference; > 0 beats the fair forecast
    ece: float  # expected calibration error: count-weighted |observed − predicted| over bins
    fair_probability: float  # (1 − edge)/threshold, the reference line of the diagram
    mean_predicted: float
    observed: Rate  # all held-out rounds that reached the threshold


def check_probabilities(p_above: ArrayLike, n: int | None = None) -> np.ndarray:
    """``p_above`` as floats, refused unless finite, in [0, 1] and (if given) ``n`` long."""
    p = np.asarray(p_above, dtype=float)
    if p.ndim != 1:
        raise InputError(
            record("error.calibration.probabilities_must_one_value_per", shape=p.shape)
        )
    if n is not None and p.size != n:
        raise MismatchError(record("error.calibration.rounds_but_probabilities", n=n, size=p.size))
    bad = ~np.isfinite(p) | (p < 0.0) | (p > 1.0)
    if bad.any():
        first = int(np.argmax(bad))
        raise InputError(
            record(
                "error.calibration.probability_round_outside_0_1",
                p=f"{p[first]!r}",
                first=first,
                sum=int(bad.sum()),
            )
        )
    return p


def reliability_bins(
    actual_above: ArrayLike, p_above: ArrayLike, bins: int = BINS, level: float = LEVEL
) -> tuple[CalibrationBin, ...]:
    """Equal-width bins with their counts.

    Written with numpy because scikit-learn's ``calibration_curve`` returns only the non-empty
    bins' means and drops the counts, which the diagram needs to show how much each point weighs.
    Bin edges follow ``calibration_curve``: a probability on an inner edge goes to the upper bin.
    """
    if bins < 1:
        raise UsageError(record("error.calibration.calibration_needs_least_one_bin", bins=bins))
    actual = np.asarray(actual_above, dtype=bool)
    p = check_probabilities(p_above, actual.size)
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.searchsorted(edges[1:-1], p, side="right")
    counts = np.bincount(which, minlength=bins)
    hits = np.bincount(which[actual], minlength=bins)
    sums = np.bincount(which, weights=p, minlength=bins)
    out = []
    for i in range(bins):
        rate = Rate(int(hits[i]), int(counts[i]))
        mean = float(sums[i] / counts[i]) if counts[i] else None
        out.append(
            CalibrationBin(float(edges[i]), float(edges[i + 1]), mean, rate, wilson(rate, level))
        )
    return tuple(out)


def expected_calibration_error(bins: tuple[CalibrationBin, ...]) -> float:
    """Count-weighted mean of |observed share − mean probability| over non-empty bins.

    By hand: scikit-learn has no ECE.
    """
    total = sum(b.count for b in bins)
    if total == 0:
        return float("nan")
    return float(
        sum(
            b.count * abs(b.observed.value - b.mean_predicted)  # type: ignore[operator]
            for b in bins
            if b.count
        )
        / total
    )


def calibrate(
    actual: ArrayLike,
    p_above: ArrayLike,
    *,
    threshold: float = 1.5,
    house_edge: float = 0.03,
    bins: int = BINS,
    level: float = LEVEL,
) -> Calibration | None:
    """Calibration of ``p_above`` on the held-out multipliers ``actual``; ``None`` for no rounds."""
    values = np.asarray(actual, dtype=float)
    above = values >= threshold
    p = check_probabilities(p_above, values.size)
    if values.size == 0:
        return None
    fair = fair_probability(threshold, house_edge)
    table = reliability_bins(above, p, bins, level)
    brier = float(brier_score_loss(above, p, pos_label=True))
    reference = float(np.mean((fair - above) ** 2))
    skill = None if reference == 0 else 1.0 - brier / reference
    return Calibration(
        bins=table,
        brier=brier,
        brier_reference=reference,
        brier_skill=skill,
        ece=expected_calibration_error(table),
        fair_probability=fair,
        mean_predicted=float(p.mean()),
        observed=Rate(int(above.sum()), int(above.size)),
    )
