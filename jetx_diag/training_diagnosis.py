"""Why did training fail? Findings about a run, each with the numbers that support it.

The diagnoses follow the source document's "NEDEN BAŞARISIZ OLDU?" section:

- a progress table per stage (epoch, below-accuracy, above-accuracy, money-loss risk, status);
- the best epoch against the epoch where the stage stopped, and the patience that would have
  stopped near the peak (EarlyStopping replayed over the logged goal series, in hindsight);
- collapse (epochs where the model called one class only) and oscillation between the two;
- a checkpoint chosen by a metric that is not the goal, and what the goal was at that epoch;
- class balance and configured class weights against balanced weights;
- files the run should have left that are absent, and files whose contents disagree.

Per-epoch accuracies come from the logs as fractions without counts (Keras logs no counts), so
they are kept as fractions; the report rounds them. Findings carry numbers, not sentences:
the catalog :mod:`jetx_diag.i18n` holds English and Turkish sentences per code
(``training.finding.<code>``, written out by :func:`jetx_diag.report_training.finding_text`).
The result types live in :mod:`jetx_diag.training_results`, the run-level checks (class
weights, files) in :mod:`jetx_diag.training_checks`; every public name is re-exported here.

The goal metric defaults to ``val_worst_class_accuracy`` = min(below, above) when the log has
both: a model that calls every round "above" scores 0 on it, while it scores 64.9% threshold
accuracy on the document's data. Then ``val_threshold_accuracy``, then ``val_loss``.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from jetx_diag.errors import UsageError
from jetx_diag.training_checks import (
    ALTERNATIVE_SUFFIXES,
    DEFAULT_CHECKPOINT,
    DEFAULT_METADATA_FILE,
    DEFAULT_RUN_FILES,
    RECORDED_ALIASES,
    check_artifacts,
    check_class_weights,
    checkpoint_widths,
    class_balance,
    default_expected_files,
    recorded_vs_measured,
    width_mismatch,
)
from jetx_diag.training_logs import (
    StageCallbacks,
    StageLog,
    TrainingRun,
    describe_epochs,
    same_stage,
)
from jetx_diag.training_results import (
    COLLAPSE_STATUSES,
    SEVERITIES,
    STATUS_ALL_ABOVE,
    STATUS_ALL_BELOW,
    STATUS_BALANCED,
    STATUS_LOPSIDED_ABOVE,
    STATUS_LOPSIDED_BELOW,
    STATUS_NOT_LOGGED,
    STATUS_OSCILLATING,
    ArtifactCheck,
    ClassBalance,
    ClassWeightCheck,
    EarlyStoppingReplay,
    Finding,
    ProgressRow,
    StageDiagnosis,
    TrainingDiagnosis,
)

__all__ = [
    "ALTERNATIVE_SUFFIXES",
    "AUTO_GOALS",
    "COLLAPSE_STATUSES",
    "DEFAULT_CHECKPOINT",
    "DEFAULT_METADATA_FILE",
    "DEFAULT_RUN_FILES",
    "RECORDED_ALIASES",
    "SEVERITIES",
    "STATUS_ALL_ABOVE",
    "STATUS_ALL_BELOW",
    "STATUS_BALANCED",
    "STATUS_LOPSIDED_ABOVE",
    "STATUS_LOPSIDED_BELOW",
    "STATUS_NOT_LOGGED",
    "STATUS_OSCILLATING",
    "ArtifactCheck",
    "ClassBalance",
    "ClassWeightCheck",
    "EarlyStoppingReplay",
    "Finding",
    "ProgressRow",
    "StageDiagnosis",
    "TrainingDiagnosis",
    "best_epoch",
    "check_artifacts",
    "check_class_weights",
    "checkpoint_widths",
    "class_balance",
    "count_switches",
    "default_expected_files",
    "diagnose",
    "epoch_status",
    "metric_mode",
    "needed_patience",
    "recorded_vs_measured",
    "replay_early_stopping",
    "width_mismatch",
]

#: Goal metrics tried in this order when none is given.
AUTO_GOALS = ("val_worst_class_accuracy", "val_threshold_accuracy", "val_loss")

#: |below − above| above this is "lopsided" (the source project's own warning rule: "> 40%").
LOPSIDED_GAP = 0.40
#: Epochs past the peak from which the finding is a warning, and critical.
PAST_PEAK_WARNING, PAST_PEAK_CRITICAL = 10, 50
#: A checkpoint whose goal value is this far below the best is a warning.
CHECKPOINT_GAP_WARNING = 0.05
#: Over- or under-weighting factor (configured weight ratio ÷ balanced ratio) that is critical.
OVERWEIGHT_CRITICAL = 10.0
#: Largest number of status-change rows per stage in the progress table.
MAX_TRANSITION_ROWS = 12


_SIDE = {
    STATUS_ALL_ABOVE: "above",
    STATUS_LOPSIDED_ABOVE: "above",
    STATUS_ALL_BELOW: "below",
    STATUS_LOPSIDED_BELOW: "below",
}


# --------------------------------------------------------------------------- primitives


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


# --------------------------------------------------------------------------- stages


def _per_stage(option: object, stage: str) -> object:
    if isinstance(option, Mapping):
        for key, value in option.items():
            if same_stage(str(key), stage):
                return value
        return option.get("*")
    return option


def _choose_goal(run: TrainingRun, goal_metric: str | None) -> str | None:
    if goal_metric is not None:
        if not any(stage.series(goal_metric) is not None for stage in run.stages):
            columns = sorted({c for stage in run.stages for c in stage.metrics})
            raise UsageError(
                f"goal metric {goal_metric!r} is in no training log",
                hint=f"logged: {', '.join(columns)}",
            )
        return goal_metric
    for candidate in AUTO_GOALS:
        if all(stage.series(candidate) is not None for stage in run.stages):
            return candidate
    for candidate in AUTO_GOALS:
        if any(stage.series(candidate) is not None for stage in run.stages):
            return candidate
    return None


@dataclass(frozen=True)
class _Monitor:
    """The metrics that stopped the stage and chose its checkpoint, and where that was said."""

    early_stopping: str | None
    checkpoint: str | None
    mode: str | None
    patience: int | None
    min_delta: float
    source: str  # option | metadata | unknown


def _resolve_monitor(
    stage: StageLog, run: TrainingRun, monitor_option: object, patience_option: object
) -> _Monitor:
    meta = run.metadata
    recorded: StageCallbacks | None = (
        None if meta is None else meta.for_stage(meta.callbacks, stage.name)
    )
    option_patience = _per_stage(patience_option, stage.name)
    patience = option_patience if isinstance(option_patience, int) else None
    if patience is None and recorded is not None:
        patience = recorded.patience
    option_monitor = _per_stage(monitor_option, stage.name)
    if isinstance(option_monitor, str):
        return _Monitor(option_monitor, option_monitor, None, patience, 0.0, "option")
    if recorded is not None and (recorded.monitor or recorded.checkpoint_monitor):
        return _Monitor(
            recorded.monitor,
            recorded.checkpoint_monitor,
            recorded.mode,
            patience,
            recorded.min_delta or 0.0,
            "metadata",
        )
    return _Monitor(None, None, None, patience, 0.0, "unknown")


def _data_findings(stage: StageLog, has_below: bool, findings: list[Finding]) -> None:
    if not has_below:
        findings.append(Finding("no_class_accuracy_logged", "info", stage.name, {}))
    if stage.n_epochs == 1:
        findings.append(Finding("too_few_epochs", "info", stage.name, {"epochs_logged": 1}))
    for column, bad in stage.not_finite.items():
        severity = "critical" if column.removeprefix("val_") == "loss" else "warning"
        numbers: dict[str, int | float | str] = {
            "column": column,
            "count": len(bad),
            "first_epoch": bad[0],
            "spans": describe_epochs(bad).split(" ", 1)[1],
        }
        findings.append(Finding("values_not_finite", severity, stage.name, numbers, epochs=bad))


@dataclass(frozen=True)
class _Peak:
    best_epoch: int | None = None
    best_value: float | None = None
    final_value: float | None = None
    patience_needed: int | None = None
    stop_with_needed: int | None = None


def _peak_findings(
    stage: StageLog,
    goal: str,
    values: tuple[float | None, ...],
    mode: str,
    statuses: tuple[str, ...],
    min_delta: float,
    findings: list[Finding],
) -> _Peak:
    epochs = stage.epochs
    peak = best_epoch(epochs, values, mode)
    if peak is None:
        return _Peak()
    best_at, best_value = peak
    final_value = next(v for v in reversed(values) if v is not None)
    present = [v for v in values if v is not None]
    if len(present) > 1 and max(present) == min(present):
        # No peak to speak of (e.g. worst-class accuracy 0 in every epoch: collapsed all along).
        numbers: dict[str, int | float | str] = {
            "goal_metric": goal,
            "value": best_value,
            "epochs_logged": len(present),
        }
        findings.append(Finding("goal_flat", "warning", stage.name, numbers))
        return _Peak(final_value=final_value)
    nan_epochs = stage.not_finite.get(stage.column(goal) or "", ())
    needed = needed_patience(epochs, values, mode=mode, min_delta=min_delta, not_finite=nan_epochs)
    past = stage.stop_epoch - best_at
    if past == 0 and stage.n_epochs > 1:
        numbers = {
            "goal_metric": goal,
            "stop_epoch": stage.stop_epoch,
            "best_value": best_value,
        }
        findings.append(Finding("peak_at_end", "info", stage.name, numbers))
    elif past > 0 and needed is not None:
        if past >= PAST_PEAK_CRITICAL:
            severity = "critical"
        else:
            severity = "warning" if past >= PAST_PEAK_WARNING else "info"
        numbers = {
            "goal_metric": goal,
            "best_epoch": best_at,
            "best_value": best_value,
            "stop_epoch": stage.stop_epoch,
            "epochs_past_peak": past,
            "final_value": final_value,
            "patience_needed": needed[0],
            "stop_with_needed": needed[1],
            "epochs_saved": stage.stop_epoch - needed[1],
        }
        findings.append(Finding("stopped_past_peak", severity, stage.name, numbers))
    best_status = statuses[epochs.index(best_at)]
    if best_status in COLLAPSE_STATUSES:
        numbers = {
            "goal_metric": goal,
            "best_epoch": best_at,
            "best_value": best_value,
            "status": best_status,
        }
        findings.append(Finding("best_epoch_collapsed", "critical", stage.name, numbers))
    return _Peak(
        best_epoch=best_at,
        best_value=best_value,
        final_value=final_value,
        patience_needed=None if needed is None else needed[0],
        stop_with_needed=None if needed is None else needed[1],
    )


def _collapse_findings(
    stage: StageLog,
    statuses: tuple[str, ...],
    below: tuple[float | None, ...] | None,
    findings: list[Finding],
) -> tuple[tuple[int, ...], int]:
    epochs = stage.epochs
    collapse = tuple(e for e, s in zip(epochs, statuses, strict=True) if s in COLLAPSE_STATUSES)
    flips = count_switches(statuses)
    checked = sum(1 for s in statuses if s != STATUS_NOT_LOGGED)
    if collapse:
        last_checked = next(s for s in reversed(statuses) if s != STATUS_NOT_LOGGED)
        critical = last_checked in COLLAPSE_STATUSES or len(collapse) / checked >= 0.5
        numbers: dict[str, int | float | str] = {
            "collapse_count": len(collapse),
            "checked_epochs": checked,
            "all_above": statuses.count(STATUS_ALL_ABOVE),
            "all_below": statuses.count(STATUS_ALL_BELOW),
            "first_collapse_epoch": collapse[0],
            "last_status": last_checked,
            "spans": describe_epochs(collapse).split(" ", 1)[1],
        }
        severity = "critical" if critical else "warning"
        findings.append(Finding("collapse", severity, stage.name, numbers, epochs=collapse))
    if len(flips) >= 2 and below is not None:
        logged = [v for v in below if v is not None]
        swing = max((abs(b - a) for a, b in itertools.pairwise(logged)), default=0.0)
        numbers = {
            "switches": len(flips),
            "first_switch_epoch": epochs[flips[0]],
            "last_switch_epoch": epochs[flips[-1]],
            "largest_swing": swing,
        }
        flip_epochs = tuple(epochs[i] for i in flips)
        findings.append(Finding("oscillation", "warning", stage.name, numbers, epochs=flip_epochs))
    return collapse, len(flips)


def _checkpoint_findings(
    stage: StageLog,
    goal: str,
    mode: str,
    peak: _Peak,
    monitor: _Monitor,
    statuses: tuple[str, ...],
    findings: list[Finding],
) -> tuple[int | None, float | None]:
    """The epoch the checkpoint monitor kept, the goal there, and findings if it is not the goal."""
    if monitor.checkpoint is None:
        findings.append(Finding("monitor_unknown", "info", stage.name, {"goal_metric": goal}))
        return None, None
    values = stage.series(monitor.checkpoint)
    if values is None:
        numbers: dict[str, int | float | str] = {"monitor": monitor.checkpoint}
        findings.append(Finding("monitor_not_logged", "warning", stage.name, numbers))
        return None, None
    same_mode = monitor.checkpoint == monitor.early_stopping and monitor.mode
    kept = best_epoch(
        stage.epochs, values, monitor.mode if same_mode else metric_mode(monitor.checkpoint)
    )
    if kept is None:
        return None, None
    checkpoint_at = kept[0]
    goal_there = stage.value_at(goal, checkpoint_at)
    is_goal = monitor.checkpoint == goal or (
        stage.column(goal) is not None and stage.column(monitor.checkpoint) == stage.column(goal)
    )
    if is_goal or peak.best_epoch is None or peak.best_value is None:
        return checkpoint_at, goal_there
    numbers = {
        "monitor": monitor.checkpoint,
        "checkpoint_epoch": checkpoint_at,
        "goal_metric": goal,
        "best_epoch": peak.best_epoch,
        "best_value": peak.best_value,
    }
    if goal_there is None:
        findings.append(Finding("checkpoint_goal_not_logged", "warning", stage.name, numbers))
        return checkpoint_at, None
    gap = peak.best_value - goal_there if mode == "max" else goal_there - peak.best_value
    if gap <= 0:
        return checkpoint_at, goal_there  # the monitor kept an epoch as good as the goal's best
    status = statuses[stage.epochs.index(checkpoint_at)]
    if status in COLLAPSE_STATUSES:
        severity = "critical"
    else:
        severity = "warning" if gap > CHECKPOINT_GAP_WARNING else "info"
    numbers |= {"goal_at_checkpoint": goal_there, "goal_gap": gap, "checkpoint_status": status}
    findings.append(Finding("monitor_not_goal", severity, stage.name, numbers))
    return checkpoint_at, goal_there


def _replay_findings(
    stage: StageLog, monitor: _Monitor, limit: int | None, findings: list[Finding]
) -> EarlyStoppingReplay | None:
    """Replay the recorded EarlyStopping: does the log end where those settings stop?

    Never firing is consistent when the log ends at the stage's epoch limit (or the limit is
    unknown): the stage simply ran out of epochs.
    """
    if monitor.early_stopping is None or monitor.patience is None:
        return None
    values = stage.series(monitor.early_stopping)
    if values is None:
        return None
    mode = monitor.mode or metric_mode(monitor.early_stopping)
    stop, kept = replay_early_stopping(
        stage.epochs,
        values,
        patience=monitor.patience,
        mode=mode,
        min_delta=monitor.min_delta,
        not_finite=stage.not_finite.get(stage.column(monitor.early_stopping) or "", ()),
    )
    numbers: dict[str, int | float | str] = {
        "monitor": monitor.early_stopping,
        "patience": monitor.patience,
        "replay_best_epoch": kept if kept is not None else "none",
        "replay_stop": f"epoch {stop}" if stop is not None else "no epoch",
        "stop_epoch": stage.stop_epoch,
    }
    if stop == stage.stop_epoch:
        findings.append(Finding("early_stopping_consistent", "info", stage.name, numbers))
    elif stop is None and (limit is None or limit == stage.stop_epoch):
        numbers["epochs_logged"] = stage.n_epochs
        findings.append(Finding("early_stopping_never_fired", "info", stage.name, numbers))
    else:
        findings.append(Finding("early_stopping_inconsistent", "warning", stage.name, numbers))
    return EarlyStoppingReplay(
        monitor.early_stopping, mode, monitor.patience, monitor.min_delta, stop, kept
    )


def _diagnose_stage(
    stage: StageLog,
    run: TrainingRun,
    goal: str | None,
    goal_mode: str | None,
    options: Mapping[str, object],
    findings: list[Finding],
) -> StageDiagnosis:
    below = stage.series("val_below_accuracy")
    above = stage.series("val_above_accuracy")
    _data_findings(stage, below is not None, findings)
    tolerance = float(options["collapse_tolerance"])  # type: ignore[arg-type]
    statuses = tuple(
        epoch_status(
            None if below is None else below[i], None if above is None else above[i], tolerance
        )
        for i in range(stage.n_epochs)
    )
    goal_values = None if goal is None else stage.series(goal)
    mode = goal_mode or (metric_mode(goal) if goal else "max")
    peak = _Peak()
    if goal is not None and goal_values is not None:
        min_delta = float(options["min_delta"])  # type: ignore[arg-type]
        peak = _peak_findings(stage, goal, goal_values, mode, statuses, min_delta, findings)
    collapse, switches = _collapse_findings(stage, statuses, below, findings)

    monitor = _resolve_monitor(stage, run, options["monitor"], options["patience"])
    checkpoint_at = goal_at_checkpoint = None
    if goal is not None and goal_values is not None:
        checkpoint_at, goal_at_checkpoint = _checkpoint_findings(
            stage, goal, mode, peak, monitor, statuses, findings
        )
    meta = run.metadata
    limit = None if meta is None else meta.for_stage(meta.stage_epoch_limits, stage.name)
    replay = _replay_findings(stage, monitor, limit if isinstance(limit, int) else None, findings)
    if meta is not None:
        recorded_epochs = meta.for_stage(meta.stage_epochs, stage.name)
        if isinstance(recorded_epochs, int) and recorded_epochs != stage.n_epochs:
            numbers: dict[str, int | float | str] = {
                "recorded_epochs": recorded_epochs,
                "logged_epochs": stage.n_epochs,
            }
            findings.append(Finding("epochs_disagree", "warning", stage.name, numbers))

    rows, omitted = _progress_rows(stage, statuses, goal_values, peak.best_epoch, checkpoint_at)
    past = None if peak.best_epoch is None else stage.stop_epoch - peak.best_epoch
    return StageDiagnosis(
        stage=stage.name,
        source=stage.source,
        epochs=stage.epochs,
        stop_epoch=stage.stop_epoch,
        goal_metric=goal if goal_values is not None else None,
        goal_mode=mode,
        best_epoch=peak.best_epoch,
        best_value=peak.best_value,
        final_value=peak.final_value,
        epochs_past_peak=past,
        patience_needed=peak.patience_needed,
        stop_with_needed=peak.stop_with_needed,
        monitor=monitor.checkpoint,
        monitor_source=monitor.source,
        checkpoint_epoch=checkpoint_at,
        goal_at_checkpoint=goal_at_checkpoint,
        replay=replay,
        statuses=statuses,
        collapse_epochs=collapse,
        switches=switches,
        rows=rows,
        omitted_transitions=omitted,
        curves=_curves(stage, goal if goal_values is not None else None),
        checkpoint_file=_checkpoint_file(stage, run),
    )


def _checkpoint_file(stage: StageLog, run: TrainingRun) -> str | None:
    meta = run.metadata
    recorded = None if meta is None else meta.for_stage(meta.callbacks, stage.name)
    return recorded.checkpoint_file if isinstance(recorded, StageCallbacks) else None


def _curves(stage: StageLog, goal: str | None) -> dict[str, tuple[float | None, ...]]:
    """The series the learning curves draw, under the names they are asked for by."""
    names = ["loss", "val_loss"]
    if goal is not None:
        names += [goal.removeprefix("val_"), "val_" + goal.removeprefix("val_")]
    below_column = stage.column("val_below_accuracy")
    if below_column is None or goal is None or stage.column(goal) != below_column:
        names.append("val_below_accuracy")
    curves = {}
    for name in dict.fromkeys(names):
        values = stage.series(name)
        if values is not None:
            curves[name] = values
    return curves


def _status_runs(statuses: tuple[str, ...]) -> list[tuple[int, int, str]]:
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


def _progress_rows(
    stage: StageLog,
    statuses: tuple[str, ...],
    goal_values: tuple[float | None, ...] | None,
    best_at: int | None,
    checkpoint_at: int | None,
) -> tuple[tuple[ProgressRow, ...], int]:
    epochs = stage.epochs
    below = stage.series("val_below_accuracy")
    above = stage.series("val_above_accuracy")
    runs = _status_runs(statuses)
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


# --------------------------------------------------------------------------- entry point


def diagnose(
    run: TrainingRun,
    *,
    goal_metric: str | None = None,
    goal_mode: str | None = None,
    monitor: str | Mapping[str, str] | None = None,
    patience: int | Mapping[str, int] | None = None,
    class_weights: Mapping[str, float] | Mapping[str, Mapping[str, float]] | None = None,
    train_labels: ArrayLike | None = None,
    class_counts: Mapping[str, int] | None = None,
    expected_files: Sequence[str] | None = None,
    run_dir: str | Path | None = None,
    measured_metrics: Mapping[str, float] | None = None,
    scaler_width: int | None = None,
    model_input_width: int | Mapping[str, int] | None = None,
    scaler_file: str | None = None,
    min_delta: float = 0.0,
    collapse_tolerance: float = 0.005,
    max_overweight: float = 4.0,
) -> TrainingDiagnosis:
    """Every diagnosis of a run; options override what the run's metadata recorded.

    ``monitor``/``patience``/``class_weights`` apply to every stage, or per stage as a mapping
    stage name → value. ``class_counts`` (``{"below": n0, "above": n1}``, training rounds)
    replaces the metadata's; ``train_labels`` win over both. ``expected_files`` defaults to
    the metadata's ``files``, else :func:`default_expected_files`; they are looked for in
    ``run_dir`` (default: the run's).
    ``measured_metrics`` (fractions, :class:`results.Metrics` names) are compared with the
    metadata's recorded metrics; ``scaler_width``/``model_input_width`` with each other
    (``model_input_width`` may map checkpoint names to widths; ``scaler_file`` names the scaler).
    An epoch whose below-accuracy is within ``collapse_tolerance`` of 0 or 1 is a collapse.
    """
    if goal_mode not in (None, "min", "max"):
        raise UsageError(f"goal mode must be 'min' or 'max', not {goal_mode!r}")
    goal = _choose_goal(run, goal_metric)
    notes = list(run.notes)
    if goal is None:
        notes.append("no goal metric in the logs (no validation accuracy or loss)")
    for stage in run.stages:
        notes.extend(f"{stage.name}: {note}" for note in stage.notes)
    if run.metadata is not None:
        notes.extend(f"metadata: {note}" for note in run.metadata.notes)

    findings: list[Finding] = []
    options = {
        "monitor": monitor,
        "patience": patience,
        "min_delta": min_delta,
        "collapse_tolerance": collapse_tolerance,
    }
    stages = tuple(
        _diagnose_stage(stage, run, goal, goal_mode, options, findings) for stage in run.stages
    )

    # Class balance and weights.
    meta = run.metadata
    counts = class_counts if class_counts is not None else (meta.class_counts if meta else None)
    balance = class_balance(train_labels, counts)
    if train_labels is not None and balance is None:
        labels = np.asarray(train_labels).ravel()
        missing_class = "below" if not np.any(labels == 0) else "above"
        findings.append(
            Finding(
                "class_missing_in_training",
                "critical",
                None,
                {"missing_class": missing_class, "total": int(labels.size)},
            )
        )
    if balance is not None:
        findings.append(
            Finding(
                "class_balance",
                "info",
                None,
                {
                    "below_count": balance.below.hits,
                    "below_share": balance.below.value or 0.0,
                    "above_count": balance.above,
                    "imbalance_ratio": balance.imbalance_ratio,
                    "balanced_below_weight": balance.balanced_below_weight,
                    "balanced_above_weight": balance.balanced_above_weight,
                },
            )
        )
    weight_table = _weight_table(class_weights, meta.class_weights if meta else {})
    checks = []
    for stage_key, weights in weight_table.items():
        check = check_class_weights(
            weights,
            balance,
            stage=None if stage_key == "*" else stage_key,
            max_overweight=max_overweight,
        )
        if check is None:
            notes.append(f"class weights of {stage_key} have no 'below' weight: not checked")
            continue
        checks.append(check)
        numbers: dict[str, int | float | str] = {
            "where": check.stage or "all stages",
            "below_weight": check.below_weight,
            "above_weight": check.above_weight,
            "weight_ratio": check.weight_ratio,
        }
        if check.overweight is None:
            findings.append(Finding("class_weights_unchecked", "info", check.stage, numbers))
        elif check.flagged and balance is not None:
            numbers |= {
                "below_share": balance.below.value or 0.0,
                "imbalance_ratio": balance.imbalance_ratio,
                "balanced_ratio": balance.balanced_below_weight / balance.balanced_above_weight,
                "balanced_below_weight": balance.balanced_below_weight,
                "overweight": check.overweight,
            }
            factor = max(check.overweight, 1.0 / check.overweight)
            severity = "critical" if factor > OVERWEIGHT_CRITICAL else "warning"
            if check.overweight > 1.0:
                findings.append(Finding("class_weight_excessive", severity, check.stage, numbers))
            else:
                numbers["underweight"] = factor
                findings.append(Finding("class_weight_too_low", severity, check.stage, numbers))

    # Missing artifacts and disagreeing contents.
    artifacts = None
    directory = run_dir if run_dir is not None else run.run_dir
    if expected_files is not None:
        expected, source = tuple(expected_files), "option"
    elif meta is not None and meta.files:
        expected, source = meta.files, "metadata"
    else:
        expected, source = default_expected_files(run), "default"
    if directory is None:
        notes.append("no run directory: expected files not checked")
    else:
        artifacts = check_artifacts(directory, expected, source)
        if artifacts.missing:
            models_left = any(
                Path(p).suffix.lower() in (".h5", ".keras", ".hdf5") for p in artifacts.present
            )
            findings.append(
                Finding(
                    "missing_artifacts",
                    "warning" if models_left else "critical",
                    None,
                    {
                        "missing_count": len(artifacts.missing),
                        "expected_count": len(expected),
                        "run_dir": str(directory),
                        "missing_list": ", ".join(artifacts.missing),
                    },
                    items=artifacts.missing,
                )
            )
    if scaler_width is not None and isinstance(model_input_width, Mapping):
        width_findings, width_notes = checkpoint_widths(
            scaler_width, model_input_width, scaler_file or "the scaler"
        )
        findings.extend(width_findings)
        notes.extend(width_notes)
    elif scaler_width is not None and model_input_width is not None:
        mismatch = width_mismatch(scaler_width, model_input_width)
        if mismatch is not None:
            findings.append(mismatch)
    if measured_metrics is not None:
        if meta is not None and meta.metrics:
            findings.extend(recorded_vs_measured(meta.metrics, measured_metrics))
        else:
            notes.append("no recorded metrics in the metadata to compare with")

    return TrainingDiagnosis(
        goal_metric=goal,
        stages=stages,
        findings=tuple(findings),
        class_balance=balance,
        class_weights=tuple(checks),
        artifacts=artifacts,
        notes=tuple(notes),
        metadata_path=None if meta is None else meta.path,
        max_overweight=max_overweight,
    )


def _weight_table(
    option: Mapping[str, object] | None, recorded: Mapping[str, Mapping[str, float]]
) -> dict[str, Mapping[str, float]]:
    if option is None:
        return dict(recorded)
    if option and all(isinstance(v, Mapping) for v in option.values()):
        return {str(k): v for k, v in option.items()}  # type: ignore[misc]
    return {"*": option}  # type: ignore[dict-item]
