"""A training run read and diagnosed with what the user says about it, for a report.

:func:`diagnose_run` reads a run (its folder, or stage files named one by one) and diagnoses it
(:func:`jetx_diag.training.diagnosis.diagnose`) with the options of ``jetx-diag history``
(:class:`TrainingOptions`), checking the scaler's width against every checkpoint's feature
input when asked.
Nothing here imports TensorFlow: widths are read from the files' configs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from jetx_diag.artifacts.safe_pickle import load_scaler
from jetx_diag.errors import JetxDiagError
from jetx_diag.i18n.messages import record
from jetx_diag.training.checks import feature_input_width
from jetx_diag.training.diagnosis import diagnose
from jetx_diag.training.findings import TrainingDiagnosis
from jetx_diag.training.logs import load_run
from jetx_diag.training.stage_log import TrainingRun

if TYPE_CHECKING:
    from jetx_diag.training.console_log import LogPattern


@dataclass(frozen=True)
class TrainingOptions:
    """What the user says about a run beyond its files (``jetx-diag history`` options).

    ``monitor``/``patience``/``class_weights`` apply to every stage, or per stage as a mapping
    stage name → value; ``None`` means "as the run's metadata recorded".
    """

    stage_files: Mapping[str, str] | None = None  # --stage NAME=FILE, in training order
    metadata: str | None = None
    goal_metric: str | None = None
    goal_mode: str | None = None
    monitor: str | Mapping[str, str] | None = None
    patience: int | Mapping[str, int] | None = None
    class_weights: Mapping[str, float] | Mapping[str, Mapping[str, float]] | None = None
    class_counts: Mapping[str, int] | None = None
    expected_files: tuple[str, ...] | None = None
    max_overweight: float = 4.0
    # Scaler width against the checkpoints' feature input. The report leaves it off: its
    # evaluation already refuses a scaler that does not fit the checkpoint.
    check_widths: bool = False
    scaler: str | None = None  # default: scaler*.pkl / *.joblib / *.skops in the run folder
    checkpoints: tuple[str, ...] | None = None  # default: every .h5 / .keras in the run folder
    log_patterns: tuple[LogPattern, ...] = ()  # --log-pattern NAME=REGEX, for console output


def diagnose_run(
    run_dir: str | Path | None,
    options: TrainingOptions | None = None,
    *,
    measured_metrics: Mapping[str, float] | None = None,
) -> tuple[TrainingRun, TrainingDiagnosis]:
    """Read a run (its folder, one console log or notebook in it, or ``options.stage_files``)
    and diagnose it."""
    options = options or TrainingOptions()
    patterns = options.log_patterns
    if options.stage_files:
        run = load_run(options.stage_files, options.metadata, run_dir=run_dir, patterns=patterns)
    else:
        if run_dir is None:
            raise ValueError("give a run directory or stage files")
        run = load_run(run_dir, options.metadata, patterns=patterns)
    folder = run.run_dir if run.run_dir is not None else run_dir
    widths = _widths(folder, options) if options.check_widths else _Widths()
    diagnosis = diagnose(
        run,
        scaler_width=widths.scaler_width,
        model_input_width=widths.checkpoints or None,
        scaler_file=widths.scaler,
        goal_metric=options.goal_metric,
        goal_mode=options.goal_mode,
        monitor=options.monitor,
        patience=options.patience,
        class_weights=options.class_weights,
        class_counts=options.class_counts,
        expected_files=options.expected_files,
        measured_metrics=measured_metrics,
        max_overweight=options.max_overweight,
    )
    if widths.notes:
        diagnosis = replace(diagnosis, notes=(*diagnosis.notes, *widths.notes))
    return run, diagnosis


@dataclass(frozen=True)
class _Widths:
    scaler: str | None = None
    scaler_width: int | None = None
    checkpoints: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()


_SCALER_SUFFIXES = (".pkl", ".joblib", ".skops")
_CHECKPOINT_SUFFIXES = (".h5", ".hdf5", ".keras")


def _widths(run_dir: str | Path | None, options: TrainingOptions) -> _Widths:
    """The scaler's width and each checkpoint's feature-input width, read without TensorFlow.

    Files given as options must be readable (errors propagate); files found in the run folder
    that cannot be read become notes, since the run's other diagnoses still stand.
    """

    folder = None if run_dir is None else Path(run_dir)
    notes: list[str] = []
    scaler = options.scaler
    if scaler is None and folder is not None and folder.is_dir():
        found = sorted(
            p for p in folder.iterdir() if p.suffix.lower() in _SCALER_SUFFIXES and p.is_file()
        )
        found.sort(key=lambda p: not p.name.lower().startswith("scaler"))
        scaler = None if not found else str(found[0])
    if scaler is None:
        return _Widths(notes=(record("record.no_scaler"),))
    try:
        fitted = load_scaler(scaler).scaler
    except JetxDiagError as error:
        if options.scaler is not None:
            raise
        return _Widths(notes=(record("record.scaler_not_checked", error=error),))
    width = getattr(fitted, "n_features_in_", None)
    if not isinstance(width, int):
        return _Widths(notes=(record("record.scaler_no_width", name=Path(scaler).name),))
    paths = (
        [Path(c) for c in options.checkpoints]
        if options.checkpoints is not None
        else sorted(
            p
            for p in (folder.iterdir() if folder is not None and folder.is_dir() else ())
            if p.suffix.lower() in _CHECKPOINT_SUFFIXES and p.is_file()
        )
    )
    checkpoints: dict[str, int] = {}
    for path in paths:
        try:
            model_width = feature_input_width(path)
        except JetxDiagError as error:
            if options.checkpoints is not None:
                raise
            notes.append(record("record.checkpoint_not_checked", error=error))
            continue
        if model_width is not None:
            checkpoints[path.name] = model_width
    return _Widths(Path(scaler).name, width, checkpoints, tuple(notes))
