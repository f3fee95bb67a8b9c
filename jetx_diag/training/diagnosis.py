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
(``training.finding.<code>``, written out by :func:`jetx_diag.report.training.finding_text`).
The result types live in :mod:`jetx_diag.training.findings`, the run-level checks (class
weights, files) in :mod:`jetx_diag.training.checks`, the per-epoch primitives (best epoch,
EarlyStopping replay, epoch status, the progress table) in :mod:`jetx_diag.training.epochs`,
the findings of one stage in :mod:`jetx_diag.training.stage`; every public name is re-exported
here, and :func:`diagnose` puts the run together.

The goal metric defaults to ``val_worst_class_accuracy`` = min(below, above) when the log has
both: a model that calls every round "above" scores 0 on it, while it scores 64.9% threshold
accuracy on the document's data. Then ``val_threshold_accuracy``, then ``val_loss``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.training.checks import (
    check_artifacts,
    check_class_weights,
    checkpoint_links,
    checkpoint_widths,
    class_balance,
    default_expected_files,
    lost_checkpoints,
    recorded_vs_measured,
    width_mismatch,
)
from jetx_diag.training.findings import Finding, TrainingDiagnosis
from jetx_diag.training.stage import diagnose_stage
from jetx_diag.training.stage_log import TrainingRun

#: Goal metrics tried in this order when none is given.
AUTO_GOALS = ("val_worst_class_accuracy", "val_threshold_accuracy", "val_loss")

#: Over- or under-weighting factor (configured weight ratio ÷ balanced ratio) that is critical.
OVERWEIGHT_CRITICAL = 10.0


# --------------------------------------------------------------------------- stages


def _choose_goal(run: TrainingRun, goal_metric: str | None) -> str | None:
    if goal_metric is not None:
        if not any(stage.series(goal_metric) is not None for stage in run.stages):
            columns = sorted({c for stage in run.stages for c in stage.metrics})
            raise UsageError(
                record(
                    "error.diagnosis.goal_metric_no_training_log", goal_metric=f"{goal_metric!r}"
                ),
                hint=record("error.diagnosis.hint_logged", columns=", ".join(columns)),
            )
        return goal_metric
    for candidate in AUTO_GOALS:
        if all(stage.series(candidate) is not None for stage in run.stages):
            return candidate
    for candidate in AUTO_GOALS:
        if any(stage.series(candidate) is not None for stage in run.stages):
            return candidate
    return None


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
        raise UsageError(
            record("error.diagnosis.goal_mode_must_min_max", goal_mode=f"{goal_mode!r}")
        )
    goal = _choose_goal(run, goal_metric)
    notes = list(run.notes)
    if goal is None:
        notes.append(record("record.no_goal"))
    for stage in run.stages:
        notes.extend(f"{stage.name}: {note}" for note in stage.notes)
    if run.metadata is not None:
        notes.extend(f"metadata: {note}" for note in run.metadata.warnings)

    findings: list[Finding] = []
    options = {
        "monitor": monitor,
        "patience": patience,
        "min_delta": min_delta,
        "collapse_tolerance": collapse_tolerance,
    }
    stages = tuple(
        diagnose_stage(stage, run, goal, goal_mode, options, findings) for stage in run.stages
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
            notes.append(record("record.weights_no_below", stage=stage_key))
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
        notes.append(record("record.no_run_dir"))
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
    links = checkpoint_links(run, directory)
    findings.extend(lost_checkpoints(links))
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
        if meta is not None and meta.metrics_as_written:
            findings.extend(recorded_vs_measured(meta.metrics_as_written, measured_metrics))
        else:
            notes.append(record("record.no_recorded"))

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
        checkpoints=links,
        logs_read=run.sources or tuple(dict.fromkeys(s.source for s in run.stages)),
    )


def _weight_table(
    option: Mapping[str, object] | None, recorded: Mapping[str, Mapping[str, float]]
) -> dict[str, Mapping[str, float]]:
    if option is None:
        return dict(recorded)
    if option and all(isinstance(v, Mapping) for v in option.values()):
        return {str(k): v for k, v in option.items()}  # type: ignore[misc]
    return {"*": option}  # type: ignore[dict-item]
