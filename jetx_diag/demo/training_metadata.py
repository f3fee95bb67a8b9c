"""The demo run's ``progressive_model_info.json``: the source project's keys first (with the
final model's numbers on the held-out rounds), then what a diagnosis needs to check the run.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import numpy as np

from jetx_diag import __version__
from jetx_diag.demo import fairgen
from jetx_diag.demo.features import FEATURE_NAMES
from jetx_diag.demo.model import OUTPUT_NAMES, SEQUENCE_LENGTHS
from jetx_diag.demo.training_plan import (
    CUTOFF,
    FEATURES_CALLABLE,
    FINAL_FILE,
    FIRST_PREDICTABLE,
    HISTORY_FILE,
    METADATA_FILE,
    SCALER_FILE,
    SEQUENCE_TRANSFORM,
    TEST_FRACTION,
    THRESHOLD,
    DemoRun,
)
from jetx_diag.demo.training_samples import Samples
from jetx_diag.scoring.metrics import compute_metrics


def held_out_metrics(model: Any, test: Samples) -> dict[str, Any]:
    """The final model's numbers on the held-out rounds, as the source records them."""
    outputs = model.predict(test.inputs, verbose=0, batch_size=1024)
    heads = dict(zip(model.output_names, outputs, strict=True))
    called_above = np.asarray(heads["threshold"]).reshape(-1) >= CUTOFF
    metrics = compute_metrics(
        test.target,
        called_above,
        threshold=THRESHOLD,
        class_probs=np.asarray(heads["classification"]),
        regression=np.asarray(heads["regression"]).reshape(-1),
    )
    class_accuracy = metrics.classification_accuracy
    regression = metrics.regression
    matrix = metrics.confusion
    return {
        "metrics": {
            "threshold_accuracy": metrics.threshold_accuracy.value,
            "below_15_accuracy": metrics.below_accuracy.value,
            "above_15_accuracy": metrics.above_accuracy.value,
            "class_accuracy": None if class_accuracy is None else class_accuracy.value,
            "mae": None if regression is None else regression.mae,
            "rmse": None if regression is None else regression.rmse,
            "money_loss_risk": metrics.money_loss_risk.value,
        },
        "confusion_matrix": {
            "below_called_below": matrix.below_called_below,
            "below_called_above": matrix.below_called_above,
            "above_called_below": matrix.above_called_below,
            "above_called_above": matrix.above_called_above,
        },
    }


def metadata_record(
    run: DemoRun,
    *,
    model: Any,
    seed: str,
    training_seed: int,
    train_above: np.ndarray,
    validation_above: np.ndarray,
    balanced: tuple[float, float],
    stage_records: list[dict[str, Any]],
    test_metrics: dict[str, Any],
) -> dict[str, Any]:
    """``progressive_model_info.json``: the source's keys first, then what a diagnosis needs."""
    stage_keys = ("stage1_regression", "stage2_threshold", "stage3_full")
    total_seconds = sum(record["seconds"] for record in stage_records)
    first_id = FIRST_PREDICTABLE + 1  # SQLite ids count from 1
    return {
        "model": "JETX_DIAG_DEMO_PROGRESSIVE_3_STAGE",
        "version": f"jetx-diag {__version__} demo",
        "params": int(model.count_params()),
        "training_time_minutes": round(total_seconds / 60, 3),
        "stage_times": {
            key: round(record["seconds"] / 60, 3)
            for key, record in zip(stage_keys, stage_records, strict=True)
        },
        "total_epochs": {f"stage{r['stage']}": r["epochs_run"] for r in stage_records},
        **test_metrics,
        "created": datetime.now(UTC).isoformat(timespec="seconds"),
        "seed": seed,
        "training_seed": training_seed,
        "threshold": THRESHOLD,
        "cutoff": CUTOFF,
        "final_model": {
            "file": FINAL_FILE,
            "weights_from": stage_records[-1]["checkpoint"],
            "metrics_on": "held-out test rounds",
        },
        "stages": stage_records,
        "class_balance": {
            "train_below": int(np.sum(~train_above)),
            "train_above": int(np.sum(train_above)),
            "validation_below": int(np.sum(~validation_above)),
            "validation_above": int(np.sum(validation_above)),
            "balanced_weights": {"below": round(balanced[0], 4), "above": round(balanced[1], 4)},
        },
        "data": {
            "history": HISTORY_FILE,
            "table": "jetx_results",
            "column": "value",
            "rounds": run.rounds,
            "generator": {
                "kind": "provably fair hash chain (HMAC-SHA256)",
                "server_seed": seed,
                "client_seed": fairgen.DEFAULT_CLIENT_SEED,
                "house_edge": fairgen.DEFAULT_HOUSE_EDGE,
                "cap": fairgen.DEFAULT_CAP,
                "terminating_hash": fairgen.terminating_hash(run.rounds, seed),
            },
        },
        "split": {
            "rule": "chronological; last 20% held out, last 20% of the rest for validation",
            "first_predictable_index": FIRST_PREDICTABLE,
            "samples": run.samples,
            "train_samples": run.train_samples,
            "validation_samples": run.validation_samples,
            "test_samples": run.test_samples,
            "test_fraction": TEST_FRACTION,
            "train_first_id": first_id,
            "validation_first_id": first_id + run.train_samples,
            "test_first_id": run.test_first_id,
            "test_last_id": run.rounds,
        },
        "inputs": {
            "features": {
                "callable": FEATURES_CALLABLE,
                "count": len(FEATURE_NAMES),
                "names": list(FEATURE_NAMES),
                "scaler": SCALER_FILE,
            },
            "sequences": {f"seq{n}": n for n in SEQUENCE_LENGTHS},
            "sequence_transform": SEQUENCE_TRANSFORM,
        },
        "outputs": list(OUTPUT_NAMES),
        "artifacts": [
            HISTORY_FILE,
            SCALER_FILE,
            METADATA_FILE,
            *(r["checkpoint"] for r in stage_records),
            *(r["log"] for r in stage_records),
            FINAL_FILE,
        ],
    }
