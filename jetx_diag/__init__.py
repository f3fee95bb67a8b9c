"""jetx_diag: honest diagnostics for JetX crash-game prediction models.

Public API (imported lazily, so ``import jetx_diag`` stays cheap and never loads TensorFlow)::

    from jetx_diag import Evaluator, EvaluationOptions, evaluate_targets, write_report
    evaluation = Evaluator(EvaluationOptions(data="jetx_data.db",
                                             features="mypkg.features:extract")).evaluate("stage2_best.h5")
    verdict = evaluate_targets(evaluation.metrics)
    write_report(evaluation, verdict, "reports/stage2_best", lang="tr")
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

_API = {
    "Evaluator": "jetx_diag.evaluation.evaluator",
    "EvaluationOptions": "jetx_diag.evaluation.options",
    "evaluate_predictions_file": "jetx_diag.evaluation.evaluator",
    "evaluation_from_predictions": "jetx_diag.evaluation.evaluator",
    "load_history": "jetx_diag.history.rounds",
    "load_checkpoint": "jetx_diag.artifacts.keras_loader",
    "load_model": "jetx_diag.artifacts.model_loader",
    "load_scaler": "jetx_diag.artifacts.safe_pickle",
    "load_metadata": "jetx_diag.artifacts.metadata",
    "compute_metrics": "jetx_diag.scoring.metrics",
    "evaluate_targets": "jetx_diag.scoring.targets",
    "DEFAULT_TARGETS": "jetx_diag.scoring.targets",
    "Target": "jetx_diag.scoring.targets",
    "write_report": "jetx_diag.report.writer",
    "Predictions": "jetx_diag.predictions",
    "Evaluation": "jetx_diag.evaluation.record",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name in _API:
        return getattr(importlib.import_module(_API[name]), name)
    raise AttributeError(f"module 'jetx_diag' has no attribute {name!r}")
