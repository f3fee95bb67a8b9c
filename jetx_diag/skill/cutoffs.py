"""The cut-off on ``p_above`` that turns probabilities into calls, swept and chosen honestly.

Sweeping the cut-off on the held-out rounds and reporting the best one there would grade the
model on the rounds used to tune it. A cut-off may be chosen only on a validation slice that
precedes the held-out rounds; it is then applied, unchanged, to the held-out rounds.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from jetx_diag.errors import MismatchError, UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import ConfusionMatrix, Metrics, Rate
from jetx_diag.scoring.metrics import metrics_from_confusion
from jetx_diag.scoring.stats import LEVEL, decide_with_rounds
from jetx_diag.scoring.targets import DEFAULT_TARGETS, Target, TargetResult, check_target
from jetx_diag.skill.betting import CASHOUT, check_cashout
from jetx_diag.skill.calibration import check_probabilities

#: Cut-offs swept by default: 0.05, 0.10, …, 0.95.
DEFAULT_CUTOFFS: tuple[float, ...] = tuple(round(0.05 * i, 2) for i in range(1, 20))
#: How a cut-off is chosen among those that meet every target on the validation slice.
CHOICE_RULE = "highest threshold accuracy on the validation slice; ties to the cut-off nearest 0.5"
#: Codes of :attr:`CutoffChoice.status`.
CHOICE_STATUSES: tuple[str, ...] = ("chosen", "none_meets_targets", "no_validation")


@dataclass(frozen=True)
class CutoffRow:
    """The calls ``p_above >= cutoff`` on one slice of rounds."""

    cutoff: float
    metrics: Metrics  # below/above accuracy, money-loss risk, … at this cut-off
    bet_win_rate: Rate  # bets on "above" calls that won
    net_units: float  # flat one-unit bets at the cash-out
    return_per_bet: float | None


@dataclass(frozen=True)
class CutoffSweep:
    slice: str  # "held_out" or "validation"
    rounds: int
    cashout: float
    rows: tuple[CutoffRow, ...]

    def at(self, cutoff: float) -> CutoffRow:
        for row in self.rows:
            if abs(row.cutoff - cutoff) < 1e-12:
                return row
        raise KeyError(cutoff)


@dataclass(frozen=True)
class CutoffChoice:
    """Where a cut-off was chosen, which, and how it did on the held-out rounds."""

    status: str  # one of CHOICE_STATUSES
    cutoff: float | None
    rule: str
    targets: tuple[Target, ...]
    validation_rounds: int
    # Round ids of the two slices, when given (the validation slice ends before the held-out one).
    validation_first_id: int | None
    validation_last_id: int | None
    held_out_first_id: int | None
    held_out_last_id: int | None
    meeting_on_validation: tuple[float, ...]  # cut-offs that met every target there
    validation: CutoffSweep | None
    on_held_out: CutoffRow | None  # the chosen cut-off applied to the held-out rounds
    held_out_targets: tuple[TargetResult, ...]  # targets at the chosen cut-off, held-out rounds


def sweep_cutoffs(
    actual: ArrayLike,
    p_above: ArrayLike,
    *,
    cutoffs: Sequence[float] = DEFAULT_CUTOFFS,
    threshold: float = 1.5,
    cashout: float = CASHOUT,
    slice_name: str = "held_out",
) -> CutoffSweep:
    """Metrics, bet win rate and return per bet for each cut-off (calls: ``p_above >= c``).

    One sort for every cut-off: the rounds called "above" at ``c`` are those with the largest
    ``p``, so each cut-off's counts are sums over a suffix of the sorted rounds (equal to
    counting ``p >= c`` round by round; ``tests/test_scale_stats.py`` checks it).
    """
    values = np.asarray(actual, dtype=float)
    p = check_probabilities(p_above, values.size)
    if not cutoffs or any(not 0.0 <= c <= 1.0 for c in cutoffs):
        raise UsageError(record("error.cutoffs.cut_offs_must_one_more"))
    check_cashout(cashout)
    n = int(values.size)
    order = np.argsort(p, kind="stable")
    sorted_p = p[order]
    # suffix[i]: rounds among the sorted ones from position i on, for each kind of count.
    above = (values >= threshold)[order]
    won = (values >= cashout)[order]
    above_suffix = np.concatenate([np.cumsum(above[::-1])[::-1], [0]])
    won_suffix = np.concatenate([np.cumsum(won[::-1])[::-1], [0]])
    total_above = int(above_suffix[0]) if n else 0
    rows = []
    for cutoff in cutoffs:
        first = int(np.searchsorted(sorted_p, cutoff, side="left"))  # first p >= cutoff
        bets = n - first
        above_called = int(above_suffix[first])
        wins = int(won_suffix[first])
        matrix = ConfusionMatrix(
            below_called_below=(n - total_above) - (bets - above_called),
            below_called_above=bets - above_called,
            above_called_below=total_above - above_called,
            above_called_above=above_called,
        )
        net = (cashout - 1.0) * wins - (bets - wins)
        rows.append(
            CutoffRow(
                float(cutoff),
                metrics_from_confusion(matrix),
                Rate(wins, bets),
                net,
                net / bets if bets else None,
            )
        )
    return CutoffSweep(slice_name, int(values.size), float(cashout), tuple(rows))


def _meets(metrics: Metrics, targets: Iterable[Target]) -> bool:
    # A target on a rate the sweep cannot have (the 3-class accuracy) does not depend on the
    # cut-off, so it neither blocks nor allows a choice.
    results = [check_target(t, metrics.rate(t.metric)) for t in targets]
    return all(r.status != "missed" for r in results) and any(r.status == "met" for r in results)


def _ends(ids: ArrayLike | None) -> tuple[int | None, int | None]:
    if ids is None:
        return None, None
    values = np.asarray(ids)
    if values.size == 0:
        return None, None
    return int(values.min()), int(values.max())


def choose_cutoff(
    held_out_actual: ArrayLike,
    held_out_p: ArrayLike,
    *,
    validation_actual: ArrayLike | None = None,
    validation_p: ArrayLike | None = None,
    targets: Iterable[Target] = DEFAULT_TARGETS,
    cutoffs: Sequence[float] = DEFAULT_CUTOFFS,
    threshold: float = 1.5,
    cashout: float = CASHOUT,
    validation_ids: ArrayLike | None = None,
    held_out_ids: ArrayLike | None = None,
    level: float = LEVEL,
) -> CutoffChoice:
    """Choose a cut-off meeting every target on the validation slice; report it held-out.

    Without a validation slice nothing is chosen (``no_validation``); when no cut-off meets the
    targets there, ``none_meets_targets``. With round ids for both slices, the validation slice
    must end before the held-out one starts.
    """
    targets = tuple(targets)
    if not targets:
        raise UsageError(record("error.cutoffs.choosing_cut_off_needs_least"))
    held_first, held_last = _ends(held_out_ids)
    val_first, val_last = _ends(validation_ids)
    if val_last is not None and held_first is not None and val_last >= held_first:
        raise UsageError(
            record(
                "error.cutoffs.validation_slice_rounds_must_end",
                val_first=val_first,
                val_last=val_last,
                held_first=held_first,
            ),
            hint=record("error.cutoffs.hint_choose_cut_off_earlier_rounds"),
        )
    if validation_actual is None or validation_p is None:
        return CutoffChoice(
            "no_validation",
            None,
            CHOICE_RULE,
            targets,
            0,
            val_first,
            val_last,
            held_first,
            held_last,
            (),
            None,
            None,
            (),
        )
    if np.asarray(validation_actual).size != np.asarray(validation_p).size:
        raise MismatchError(
            record(
                "error.cutoffs.validation_slice_rounds_but_probabilities",
                size=np.asarray(validation_actual).size,
                size2=np.asarray(validation_p).size,
            )
        )
    sweep = sweep_cutoffs(
        validation_actual,
        validation_p,
        cutoffs=cutoffs,
        threshold=threshold,
        cashout=cashout,
        slice_name="validation",
    )
    meeting = [row for row in sweep.rows if _meets(row.metrics, targets)]
    chosen = None
    if meeting:
        best = max(
            meeting,
            key=lambda r: (r.metrics.threshold_accuracy.hits, -abs(r.cutoff - 0.5), -r.cutoff),
        )
        chosen = best.cutoff
    on_held_out = None
    held_results: tuple[TargetResult, ...] = ()
    if chosen is not None:
        held_sweep = sweep_cutoffs(
            held_out_actual, held_out_p, cutoffs=[chosen], threshold=threshold, cashout=cashout
        )
        on_held_out = held_sweep.rows[0]
        held_results = tuple(
            _target_result(t, on_held_out.metrics.rate(t.metric), level) for t in targets
        )
    return CutoffChoice(
        "chosen" if chosen is not None else "none_meets_targets",
        chosen,
        CHOICE_RULE,
        targets,
        sweep.rounds,
        val_first,
        val_last,
        held_first,
        held_last,
        tuple(r.cutoff for r in meeting),
        sweep,
        on_held_out,
        held_results,
    )


def _target_result(target: Target, rate: Rate | None, level: float) -> TargetResult:
    """A target row with the point status and the interval decision."""
    result = check_target(target, rate)
    if rate is None:
        return result
    decision, rounds = decide_with_rounds(rate, target.op, target.value, level)
    return TargetResult(
        result.target,
        result.measured,
        result.shown,
        result.status,
        result.factor,
        decision=decision,
        rounds_to_decide=rounds,
    )
