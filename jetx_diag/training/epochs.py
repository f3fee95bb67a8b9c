"""Per-epoch reasoning over a stage's logged series, with no knowledge of runs or findings.

Which way a metric is better (:func:`metric_mode`), its best epoch, Keras' EarlyStopping
replayed over the log and the patience that would have kept the peak, each epoch's call status
from its below- and above-accuracy (collapse onto one class, lopsided, balanced), the flips
between the two collapse sides, and the rows of the progress table. The diagnoses of
:mod:`jetx_diag.training.diagnosis` are built from these.
"""

from __future__ import annotations

from collections.abc import Sequence

from jetx_diag.training.findings import (
    COLLAPSE_STATUSES,
    STATUS_ALL_ABOVE,
    STATUS_ALL_BELOW,
    STATUS_BALANCED,
    STATUS_LOPSIDED_ABOVE,
    STATUS_LOPSIDED_BELOW,
    STATUS_NOT_LOGGED,
    STATUS_OSCILLATING,
    ProgressRow,
)
from jetx_diag.training.stage_log import StageLog

#: |below − above| above this is "lopsided" (the source project's own warning rule: "> 40%").
LOPSIDED_GAP = 0.40
#: Largest number of status-change rows per stage in the progress table.
MAX_TRANSITION_ROWS = 12

_SIDE = {
    STATUS_ALL_ABOVE: "above",
    STATUS_LOPSIDED_ABOVE: "above",
    STATUS_ALL_BELOW: "below",
    STATUS_LOPSIDED_BELOW: "below",
}


def metric_mode(name: str) -> str:
    """``min`` for losses and errors, ``max`` for accuracies and the like (by name)."""
    lowered = name.lower()
    if any(word in lowered for word in ("loss", "mae", "mse", "error", "crossentropy", "risk")):
        return "min"
    return "max"


def best_epoch(
    epochs: Sequence[int], values: Sequence[float | None], mode: str
) -> tuple[int, float] | None:
    """The first epoch with the best value (Keras keeps the first on ties), or ``None``."""
    best: tuple[int, float] | None = None
    for epoch, value in zip(epochs, values, strict=True):
        if value is None:
            continue
        if best is None or (value > best[1] if mode == "max" else value < best[1]):
            best = (epoch, value)
    return best


def replay_early_stopping(
    epochs: Sequence[int],
    values: Sequence[float | None],
    *,
    patience: int,
    mode: str,
    min_delta: float = 0.0,
    not_finite: Sequence[int] = (),
) -> tuple[int | None, int | None]:
    """(stop epoch, best epoch) of Keras' EarlyStopping over a logged series.

    Written out rather than driving ``keras.callbacks.EarlyStopping`` so that predictions-only
    installs need no TensorFlow; it follows Keras 3's ``on_epoch_end`` step by step (tested
    against it): an epoch without a value is skipped, a NaN one (``not_finite``) counts as no
    improvement, and training stops once ``wait`` reaches ``patience`` after the first epoch.
    """
    if patience < 0:
        raise ValueError("patience must be >= 0")
    delta = abs(min_delta)
    best: float | None = None
    best_at: int | None = None
    wait = 0
    nan_epochs = set(not_finite)
    for index, (epoch, value) in enumerate(zip(epochs, values, strict=True)):
        if value is None and epoch not in nan_epochs:
            continue
        wait += 1
        improved = value is not None and (
            best is None or (value - delta > best if mode == "max" else value + delta < best)
        )
        if improved:
            best, best_at, wait = value, epoch, 0
            continue
        if wait >= patience and index > 0:
            return epoch, best_at
    return None, best_at


def needed_patience(
    epochs: Sequence[int],
    values: Sequence[float | None],
    *,
    mode: str,
    min_delta: float = 0.0,
    not_finite: Sequence[int] = (),
) -> tuple[int, int] | None:
    """The smallest patience whose replayed EarlyStopping keeps the best epoch, and its stop.

    Returns ``(patience, stop epoch)``; the stop epoch is the last logged one when that
    EarlyStopping would not have stopped within the log. ``None`` when the series is empty.
    This is hindsight: it says how long the peak was preceded by flat stretches, not which
    patience will work on the next run.
    """
    peak = best_epoch(epochs, values, mode)
    if peak is None:
        return None
    for patience in range(len(epochs) + 1):
        stop, kept = replay_early_stopping(
            epochs,
            values,
            patience=patience,
            mode=mode,
            min_delta=min_delta,
            not_finite=not_finite,
        )
        if kept == peak[0]:
            return patience, epochs[-1] if stop is None else stop
    return None  # only when min_delta hides the peak from EarlyStopping


def epoch_status(below: float | None, above: float | None, tolerance: float = 0.005) -> str:
    """Status of an epoch from its below- and above-accuracy (fractions).

    ``all_above``: below-accuracy within ``tolerance`` of 0 (and above-accuracy of 1, when
    logged): the model called every round "above", every below round lost the stake.
    ``all_below``: the mirror image. ``lopsided_above``/``lopsided_below``: one accuracy more
    than :data:`LOPSIDED_GAP` above the other. ``balanced`` otherwise; ``not_logged`` without
    a below-accuracy that epoch.
    """
    if below is None:
        return STATUS_NOT_LOGGED
    if below <= tolerance and (above is None or above >= 1.0 - tolerance):
        return STATUS_ALL_ABOVE
    if below >= 1.0 - tolerance and (above is None or above <= tolerance):
        return STATUS_ALL_BELOW
    if above is not None and above - below > LOPSIDED_GAP:
        return STATUS_LOPSIDED_ABOVE
    if above is not None and below - above > LOPSIDED_GAP:
        return STATUS_LOPSIDED_BELOW
    return STATUS_BALANCED


def count_switches(statuses: Sequence[str]) -> list[int]:
    """Indexes where the collapse side flips (all-above ↔ all-below), other epochs skipped."""
    flips: list[int] = []
    side: str | None = None
    for index, status in enumerate(statuses):
        if status not in COLLAPSE_STATUSES:
            continue
        if side is not None and status != side:
            flips.append(index)
        side = status
    return flips


# --------------------------------------------------------------------------- the progress table


def status_runs(statuses: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(first index, last index, status) of each run of equal status over the logged epochs.

    Three or more one-epoch runs in a row that alternate sides (only/mostly "above" against
    only/mostly "below") become one ``oscillating`` run (the document's "savrulma" row).
    """
    runs: list[list] = []
    for index, status in enumerate(statuses):
        if status == STATUS_NOT_LOGGED:
            continue  # unlogged epochs neither start nor break a run
        if runs and runs[-1][2] == status:
            runs[-1][1] = index
        else:
            runs.append([index, index, status])
    merged: list[tuple[int, int, str]] = []
    i = 0
    while i < len(runs):
        j = i
        while (
            j + 1 < len(runs)
            and runs[j][0] == runs[j][1]
            and runs[j + 1][0] == runs[j + 1][1]
            and _SIDE.get(runs[j][2]) is not None
            and _SIDE.get(runs[j + 1][2]) not in (None, _SIDE[runs[j][2]])
        ):
            j += 1
        if j - i + 1 >= 3:
            merged.append((runs[i][0], runs[j][1], STATUS_OSCILLATING))
            i = j + 1
        else:
            merged.append((runs[i][0], runs[i][1], runs[i][2]))
            i += 1
    return merged


def progress_rows(
    stage: StageLog,
    statuses: tuple[str, ...],
    goal_values: tuple[float | None, ...] | None,
    best_at: int | None,
    checkpoint_at: int | None,
) -> tuple[tuple[ProgressRow, ...], int]:
    """The progress table of a stage: the first and final epochs, the best and the kept one,
    and the first epoch of each status change (at most :data:`MAX_TRANSITION_ROWS`); returns
    the rows and how many changes were left out."""
    epochs = stage.epochs
    below = stage.series("val_below_accuracy")
    above = stage.series("val_above_accuracy")
    runs = status_runs(statuses)
    starts = {first: (last, status) for first, last, status in runs}
    transitions = [first for first, _, _ in runs[1:]]
    omitted = max(0, len(transitions) - MAX_TRANSITION_ROWS)
    marks: dict[int, list[str]] = {0: ["first"]}
    for index in transitions[:MAX_TRANSITION_ROWS]:
        marks.setdefault(index, [])
    for epoch, mark in ((best_at, "best"), (checkpoint_at, "checkpoint")):
        if epoch is not None:
            marks.setdefault(epochs.index(epoch), []).append(mark)
    marks.setdefault(len(epochs) - 1, []).append("final")
    rows = []
    for index in sorted(marks):
        last, status = starts.get(index, (index, statuses[index]))
        b = None if below is None else below[index]
        rows.append(
            ProgressRow(
                epoch=epochs[index],
                until_epoch=epochs[last] if last > index else None,
                below_accuracy=b,
                above_accuracy=None if above is None else above[index],
                money_loss_risk=None if b is None else 1.0 - b,
                goal=None if goal_values is None else goal_values[index],
                status=status,
                marks=tuple(
                    m for m in ("first", "best", "checkpoint", "final") if m in marks[index]
                ),
            )
        )
    return tuple(rows), omitted
