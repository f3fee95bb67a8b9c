"""The baseline ratchet: every target metric of an evaluation against a saved one.

The ratchet compares the percentages as the report rounds and prints them (``Rate.percent``),
the way coverage.py's ``fail_under`` compares its rounded total, so the report and the exit code
never disagree: a metric "got worse" when it moved in the bad direction by more than
``tolerance`` percentage points. The metrics compared are the ones that have a target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from jetx_diag.errors import UsageError
from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import record
from jetx_diag.results import PERCENT_DECIMALS, Rate
from jetx_diag.scoring.targets import LOWER_IS_BETTER, TARGET_METRICS, Target

#: Codes of :attr:`MetricChange.status`.
CHANGE_STATUSES: tuple[str, ...] = (
    "better",  # moved in the good direction
    "same",  # the shown percentage did not move
    "within_tolerance",  # worse, by no more than the tolerance
    "worse",  # worse by more than the tolerance: fails the run (exit 6)
    "missing",  # the baseline had this metric, the model no longer has the output: fails too
    "not_comparable",  # no value (0/0) on one side, or neither side has the metric
)


@dataclass(frozen=True)
class MetricChange:
    """One metric now and in the baseline, as the report shows them."""

    metric: str
    baseline: Rate | None
    current: Rate | None
    change: float | None  # current − baseline, in percentage points (rounded like the report)
    status: str  # one of CHANGE_STATUSES


@dataclass(frozen=True)
class BaselineCheck:
    """The current evaluation against a saved one."""

    source: str  # the baseline file
    baseline_label: str
    current_label: str
    tolerance: float  # percentage points
    changes: tuple[MetricChange, ...]
    same_rounds: bool  # both were measured on the same rounds (ids and outcomes)
    baseline_rounds: int
    current_rounds: int
    threshold: float = 1.5  # the current evaluation's cash-out multiplier, for metric names

    @property
    def worse(self) -> tuple[MetricChange, ...]:
        """Changes that fail the run."""
        return tuple(c for c in self.changes if c.status in ("worse", "missing"))

    @property
    def passed(self) -> bool:
        return not self.worse


def _change(
    metric: str, baseline: Rate | None, current: Rate | None, tolerance: float
) -> MetricChange:
    if current is None and baseline is not None:
        return MetricChange(metric, baseline, current, None, "missing")
    before = None if baseline is None else baseline.percent()
    now = None if current is None else current.percent()
    if before is None or now is None:
        return MetricChange(metric, baseline, current, None, "not_comparable")
    # Rounded once more: 75.00 − 75.10 must be −0.10 points, not −0.0999999.
    change = round(now - before, PERCENT_DECIMALS)
    loss = change if metric in LOWER_IS_BETTER else -change
    if loss == 0:
        status = "same"
    elif loss < 0:
        status = "better"
    elif loss <= tolerance:
        status = "within_tolerance"
    else:
        status = "worse"
    return MetricChange(metric, baseline, current, change, status)


def check_baseline(
    current: Evaluation,
    baseline: Evaluation,
    *,
    tolerance: float = 0.0,
    targets: Sequence[Target] = (),
    source: str = "baseline",
) -> BaselineCheck:
    """Every metric that has a target (all target metrics when none are given), now vs then."""
    if not tolerance >= 0.0:  # also refuses NaN
        raise UsageError(
            record("error.ratchet.tolerance_percentage_points_least_0", tolerance=tolerance)
        )
    names = [t.metric for t in targets] or list(TARGET_METRICS)
    names = list(dict.fromkeys(names))
    changes = tuple(
        _change(m, baseline.metrics.rate(m), current.metrics.rate(m), tolerance) for m in names
    )
    same = np.array_equal(baseline.calls.round_ids, current.calls.round_ids) and np.array_equal(
        baseline.calls.actual, current.calls.actual
    )
    return BaselineCheck(
        source=source,
        baseline_label=baseline.label,
        current_label=current.label,
        tolerance=float(tolerance),
        changes=changes,
        same_rounds=same,
        baseline_rounds=baseline.split.test_samples,
        current_rounds=current.split.test_samples,
        threshold=current.settings.threshold,
    )
