"""One stage of a training run diagnosed: its findings and the numbers behind them.

For each stage: the epoch statuses and the progress table (:mod:`jetx_diag.training.epochs`),
the goal metric's peak against the stop epoch and the patience that would have kept it, collapse
and oscillation, the checkpoint's monitor against the goal, and EarlyStopping replayed over the
log against what the run recorded. :func:`jetx_diag.training.diagnosis.diagnose` runs
:func:`diagnose_stage` over every stage and adds the run-level checks.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from jetx_diag.artifacts.metadata import StageCallbacks, same_stage
from jetx_diag.training.epochs import (
    best_epoch,
    count_switches,
    epoch_status,
    metric_mode,
    needed_patience,
    progress_rows,
    replay_early_stopping,
)
from jetx_diag.training.findings import (
    COLLAPSE_STATUSES,
    STATUS_ALL_ABOVE,
    STATUS_ALL_BELOW,
    STATUS_NOT_LOGGED,
    EarlyStoppingReplay,
    Finding,
    LearningRateCut,
    StageDiagnosis,
)
from jetx_diag.training.stage_log import StageLog, TrainingRun, describe_epochs

#: Epochs past the peak from which the finding is a warning, and critical.
PAST_PEAK_WARNING, PAST_PEAK_CRITICAL = 10, 50
#: A checkpoint whose goal value is this far below the best is a warning.
CHECKPOINT_GAP_WARNING = 0.05


def _per_stage(option: object, stage: str) -> object:
    if isinstance(option, Mapping):
        for key, value in option.items():
            if same_stage(str(key), stage):
                return value
        return option.get("*")
    return option


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
    printed = None if stage.events is None else stage.events.checkpoint_monitor
    if recorded is not None and (recorded.monitor or recorded.checkpoint_monitor):
        return _Monitor(
            recorded.monitor,
            printed or recorded.checkpoint_monitor,
            recorded.mode,
            patience,
            recorded.min_delta or 0.0,
            "console" if printed else "metadata",
        )
    if printed:
        # ModelCheckpoint printed its monitor; EarlyStopping never prints its own.
        return _Monitor(None, printed, None, patience, 0.0, "console")
    return _Monitor(None, None, None, patience, 0.0, "unknown")


def saved_epoch(stage: StageLog) -> tuple[int, str] | None:
    """(epoch, file) of the stage's last printed checkpoint save, when it is a logged epoch."""
    if stage.events is None:
        return None
    for save in reversed(stage.events.saves):
        if save.epoch in stage.epochs:
            return save.epoch, save.file
    return None


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
    saved = saved_epoch(stage) if monitor.source == "console" else None
    if saved is not None:
        checkpoint_at = saved[0]  # the console says which epoch was saved: no replay needed
    else:
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


def diagnose_stage(
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
    if limit is None and stage.events is not None:
        limit = stage.events.epoch_limit
    replay = _replay_findings(stage, monitor, limit if isinstance(limit, int) else None, findings)
    if meta is not None:
        recorded_epochs = meta.for_stage(meta.stage_epochs, stage.name)
        if isinstance(recorded_epochs, int) and recorded_epochs != stage.n_epochs:
            numbers: dict[str, int | float | str] = {
                "recorded_epochs": recorded_epochs,
                "logged_epochs": stage.n_epochs,
            }
            findings.append(Finding("epochs_disagree", "warning", stage.name, numbers))

    rows, omitted = progress_rows(stage, statuses, goal_values, peak.best_epoch, checkpoint_at)
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
        **_console_facts(stage),
    )


def _console_facts(stage: StageLog) -> dict[str, object]:
    """What only console output tells about a stage (empty for CSV and History logs)."""
    column = stage.roles.get("val_below_accuracy") or stage.roles.get("val_money_loss_risk")
    source = None if column is None else ("printed" if column.startswith("printed_") else "logged")
    events = stage.events
    if events is None:
        return {"progress_source": source}
    return {
        "epoch_limit": events.epoch_limit,
        "early_stopping_epoch": events.early_stopping_epoch,
        "restored_epoch": events.restored_epoch,
        "lr_cuts": tuple(LearningRateCut(e, lr) for e, lr in events.lr_reductions),
        "progress_source": source,
    }


def _checkpoint_file(stage: StageLog, run: TrainingRun) -> str | None:
    saved = saved_epoch(stage)
    if saved is not None:
        return Path(saved[1]).name
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
