"""The training run beside a checkpoint, diagnosed and put on its evaluation.

``jetx-diag report`` and the demo call :func:`attach_training` after evaluating: the report's
training section then reads ``Evaluation.training``.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from jetx_diag.errors import InputError
from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import record
from jetx_diag.results import RECORDED_METRICS
from jetx_diag.training.logs import console_logs_in, stage_logs_in
from jetx_diag.training.run import TrainingOptions, diagnose_run


def _artifact_path(evaluation: Evaluation, role: str) -> str | None:
    return next((a.path for a in evaluation.artifacts if a.role == role), None)


def measured_metrics(evaluation: Evaluation) -> dict[str, float] | None:
    """This checkpoint's metrics as fractions, to compare with the metadata's recorded ones.

    ``None`` when the evaluation kept no recorded metrics: the evaluator drops them when the
    metadata says they describe another checkpoint, and comparing those would mislead.
    """
    if not evaluation.recorded:
        return None
    measured = {}
    for name in RECORDED_METRICS:
        rate = evaluation.metrics.rate(name)
        if rate is not None and rate.value is not None:
            measured[name] = rate.value
    return measured


def attach_training(
    evaluation: Evaluation, checkpoint: str | Path, options: TrainingOptions | None = None
) -> Evaluation:
    """The evaluation with the diagnosis of the training logs beside ``checkpoint``.

    No logs there: the evaluation unchanged. Logs that cannot be used (unreadable, not a
    CSVLogger file, broken metadata): the evaluation with one warning naming the file, never
    an error, since the report on the checkpoint itself is still right.
    """
    folder = Path(checkpoint).parent
    if not stage_logs_in(folder) and not console_logs_in(folder):
        return evaluation
    options = options or TrainingOptions()
    if options.metadata is None:
        options = replace(options, metadata=_artifact_path(evaluation, "metadata"))
    try:
        _, diagnosis = diagnose_run(folder, options, measured_metrics=measured_metrics(evaluation))
    except InputError as error:
        warning = record("record.logs_not_used", error=error)
        return replace(evaluation, warnings=(*evaluation.warnings, warning))
    return replace(evaluation, training=diagnosis)
