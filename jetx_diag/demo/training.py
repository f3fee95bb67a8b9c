"""The demo's training run: real artifacts shaped like the source document's Colab run.

``run_demo_training(out_dir)`` generates a provably-fair history (``history.db``), computes the
demo features for every round that has a full 500-round window before it, splits the samples
chronologically (train / validation / held-out last 20%, which is never trained on), fits a
``StandardScaler`` on the training features only, and trains the document-shaped model in three
stages, leaving the files the document lists:

    history.db  scaler_progressive.pkl  progressive_model_info.json
    stage1_best.h5  stage2_best.h5  stage3_best.h5  jetx_progressive_final.h5
    stage1.csv  stage2.csv  stage3.csv   (CSVLogger, one row per epoch; ``epoch`` is 0-based)

The stages repeat the document's mistakes on purpose, so that the report has something true to
find (the metadata says so for each stage):

1. *foundation* — balanced class weights, checkpoint chosen by ``val_regression_mae`` (the
   document's wrong monitor: the goal is the below/above call).
2. *threshold focus* — the below class weighted 3x past balanced, a TARGET_MULTIPLIER like the
   document's, which swings the calls towards "below".
3. *full fine-tuning* — the below class weighted at a tenth of balanced, which pushes the
   threshold head to call every round "above"; the checkpoint is chosen by
   ``val_threshold_accuracy``, which on rounds with no signal is highest exactly when the model
   always says "above" (~64.7%). The final model is that collapsed checkpoint, like the
   document's (93.68% above accuracy, 5.94% below accuracy).

The multipliers are independent draws, so no stage can beat chance; what differs is how each
one fails, and that is what the report must make plain.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from numpy.lib.stride_tricks import sliding_window_view
from sklearn.preprocessing import StandardScaler

from jetx_diag import __version__
from jetx_diag.artifacts.keras_env import import_keras
from jetx_diag.demo import fairgen
from jetx_diag.demo.features import FEATURE_NAMES, extract_features
from jetx_diag.demo.model import OUTPUT_NAMES, SEQUENCE_LENGTHS, ModelSize, build_model
from jetx_diag.errors import UsageError
from jetx_diag.scoring.metrics import classify, compute_metrics, is_above

#: Rounds in the demo history.
DEFAULT_ROUNDS = 6000
#: Share of the samples held out at the end (the evaluator's default split).
TEST_FRACTION = 0.2
#: Share of the remaining samples used for validation, also taken from the end.
VALIDATION_FRACTION = 0.2
#: The cash-out multiplier and the p_above cutoff of an "above" call.
THRESHOLD = 1.5
CUTOFF = 0.5
#: How a window of multipliers is fed to the model (the source project's transform).
SEQUENCE_TRANSFORM = "log10(x + 1e-8)"
SEQUENCE_EPSILON = 1e-8
#: The first round that can be predicted: it needs a full window of the longest length before it.
FIRST_PREDICTABLE = max(SEQUENCE_LENGTHS)
#: The rounds the split needs at least, beyond the first full window.
MIN_SAMPLES = 200

FEATURES_CALLABLE = "jetx_diag.demo.features:extract_features"
HISTORY_FILE = "history.db"
SCALER_FILE = "scaler_progressive.pkl"
METADATA_FILE = "progressive_model_info.json"
FINAL_FILE = "jetx_progressive_final.h5"

#: progress(stage, epoch, total): called after every epoch (epoch counts from 1; total is the
#: stage's epoch budget). When early stopping ends a stage sooner, a last call reports
#: ``epoch == total`` so that a progress bar completes.
ProgressCallback = Callable[[int, int, int], None]


@dataclass(frozen=True)
class StagePlan:
    """How one stage trains; all of it is recorded in the metadata."""

    number: int
    name: str
    purpose: str
    epochs: int
    batch_size: int
    learning_rate: float
    target_multiplier: float  # weight of "below" = balanced weight x this (the source's formula)
    loss_weights: tuple[tuple[str, float], ...]
    monitor: str
    mode: str
    patience: int

    @property
    def checkpoint(self) -> str:
        return f"stage{self.number}_best.h5"

    @property
    def log(self) -> str:
        return f"stage{self.number}.csv"


STAGES: tuple[StagePlan, ...] = (
    StagePlan(
        number=1,
        name="foundation",
        purpose="balanced class weights; checkpoint chosen by regression MAE, not the call",
        epochs=10,
        batch_size=64,
        learning_rate=1e-3,
        target_multiplier=1.0,
        loss_weights=(("regression", 0.6), ("classification", 0.1), ("threshold", 0.3)),
        monitor="val_regression_mae",
        mode="min",
        patience=50,
    ),
    StagePlan(
        number=2,
        name="threshold focus",
        purpose="below class weighted 3x past balanced: calls swing towards below",
        epochs=8,
        batch_size=32,
        learning_rate=5e-4,
        target_multiplier=3.0,
        loss_weights=(("regression", 0.45), ("classification", 0.1), ("threshold", 0.45)),
        monitor="val_threshold_accuracy",
        mode="max",
        patience=40,
    ),
    StagePlan(
        number=3,
        name="full fine-tuning",
        purpose="below class weighted at 0.1x balanced: the model collapses to always above",
        epochs=8,
        batch_size=32,
        learning_rate=2e-3,  # fast enough to collapse within a couple of epochs, even in tests
        target_multiplier=0.1,
        loss_weights=(("regression", 0.4), ("classification", 0.15), ("threshold", 0.45)),
        monitor="val_threshold_accuracy",
        mode="max",
        patience=50,
    ),
)

#: The stage whose checkpoint is built to call (almost) every round "above".
COLLAPSED_STAGE = 3


@dataclass(frozen=True)
class StageResult:
    number: int
    name: str
    checkpoint: str
    log: str
    monitor: str
    epochs_run: int
    best_epoch: int  # 1-based, by the stage's monitor
    seconds: float


@dataclass(frozen=True)
class DemoRun:
    """The files a demo training run wrote (absolute paths) and what they hold."""

    out_dir: str
    history_path: str
    scaler_path: str
    metadata_path: str
    final_model_path: str
    stages: tuple[StageResult, ...]
    collapsed_checkpoint: str
    rounds: int
    feature_count: int
    samples: int
    train_samples: int
    validation_samples: int
    test_samples: int
    test_first_id: int  # SQLite id of the first held-out round (ids count from 1)
    seconds: float

    @property
    def checkpoints(self) -> tuple[str, ...]:
        """Every model file, in the order they were written (stages, then the final model)."""
        return (*(stage.checkpoint for stage in self.stages), self.final_model_path)


@dataclass
class _Samples:
    """Model inputs by name and the multiplier each sample predicts (the features are scaled
    in place once the scaler is fitted, hence not frozen)."""

    inputs: dict[str, np.ndarray]
    target: np.ndarray  # the multiplier of the predicted round

    def __len__(self) -> int:
        return int(self.target.size)

    def part(self, start: int, stop: int) -> _Samples:
        return _Samples({k: v[start:stop] for k, v in self.inputs.items()}, self.target[start:stop])


def _sequence_windows(values: np.ndarray, length: int, first: int) -> np.ndarray:
    """For every round ``i >= first``: the ``length`` multipliers before it, transformed.

    ``sliding_window_view`` builds the windows without copying; the transform makes the one
    copy the model needs (float32, shape (samples, length, 1)).
    """
    view = sliding_window_view(values, length)[first - length : values.size - length]
    return np.log10(view + SEQUENCE_EPSILON).astype(np.float32)[..., np.newaxis]


def _feature_matrix(values: np.ndarray, first: int) -> np.ndarray:
    # The per-history callable, exactly as the evaluator will call it with --features.
    history = values.tolist()
    rows = [list(extract_features(history[:i]).values()) for i in range(first, values.size)]
    return np.asarray(rows, dtype=np.float64)


def _split_sizes(samples: int) -> tuple[int, int, int]:
    # Same rounding as scikit-learn's train_test_split(shuffle=False): the test part is ceil().
    test = math.ceil(TEST_FRACTION * samples)
    validation = math.ceil(VALIDATION_FRACTION * (samples - test))
    return samples - test - validation, validation, test


def _balanced_weights(above: np.ndarray) -> tuple[float, float]:
    below_count = int(np.sum(~above))
    above_count = int(np.sum(above))
    if below_count == 0 or above_count == 0:
        raise UsageError("the training rounds hold only one class; use more rounds")
    total = below_count + above_count
    return total / (2 * below_count), total / (2 * above_count)


def _targets(values: np.ndarray) -> dict[str, np.ndarray]:
    one_hot = np.eye(3, dtype=np.float32)[classify(values)]
    return {
        "regression": values.astype(np.float32).reshape(-1, 1),
        "classification": one_hot,
        "threshold": is_above(values, THRESHOLD).astype(np.float32).reshape(-1, 1),
    }


def _share(hits: np.ndarray) -> float:
    # A CSV cell cannot hold "n/a (0/0)"; NaN is how a log says there were no such rounds.
    return float(np.mean(hits)) if hits.size else float("nan")


def _in_output_order(model: Any, by_name: dict[str, np.ndarray]) -> list[np.ndarray]:
    return [by_name[name] for name in model.output_names]


def _make_callbacks(keras: Any) -> tuple[type, type]:
    """Callback classes defined against the lazily imported Keras."""

    class BelowAboveAccuracy(keras.callbacks.Callback):
        """Adds ``val_below_accuracy`` / ``val_above_accuracy`` to the epoch's logs.

        Keras has no per-class recall of a sigmoid head, and those two numbers are the
        document's progress table; this callback must run before CSVLogger and the checkpoint
        so that both see them.
        """

        def __init__(self, inputs: dict[str, np.ndarray], actual_above: np.ndarray) -> None:
            super().__init__()
            self.inputs = inputs
            self.actual_above = actual_above

        def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
            if logs is None:
                return
            outputs = self.model.predict(self.inputs, verbose=0, batch_size=1024)
            heads = dict(zip(self.model.output_names, outputs, strict=True))
            called = np.asarray(heads["threshold"]).reshape(-1) >= CUTOFF
            logs["val_below_accuracy"] = _share(~called[~self.actual_above])
            logs["val_above_accuracy"] = _share(called[self.actual_above])

    class EpochProgress(keras.callbacks.Callback):
        def __init__(self, stage: int, total: int, progress: ProgressCallback) -> None:
            super().__init__()
            self.stage, self.total, self.progress = stage, total, progress

        def on_epoch_end(self, epoch: int, logs: dict[str, Any] | None = None) -> None:
            self.progress(self.stage, epoch + 1, self.total)

    return BelowAboveAccuracy, EpochProgress


def run_demo_training(
    out_dir: str | Path,
    *,
    rounds: int = DEFAULT_ROUNDS,
    seed: str = fairgen.DEFAULT_SEED,
    training_seed: int | None = None,
    epochs: Sequence[int] | None = None,
    size: ModelSize = "small",
    progress: ProgressCallback | None = None,
) -> DemoRun:
    """Generate a fair history, train three stages on it, and write every artifact to
    ``out_dir`` (created if missing; files of an earlier run are replaced).

    ``seed`` is the server seed of the provably-fair history; Keras' seed (weights, dropout) is
    derived from it unless ``training_seed`` is given, so one seed reproduces the whole run.
    ``epochs`` overrides the three stages' epoch budgets (tests use fewer).
    """
    started = time.perf_counter()
    plans = _plans(epochs)
    if rounds < FIRST_PREDICTABLE + MIN_SAMPLES:
        raise UsageError(
            f"the demo needs at least {FIRST_PREDICTABLE + MIN_SAMPLES} rounds "
            f"({FIRST_PREDICTABLE} of window before the first prediction), got {rounds}"
        )
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)

    if training_seed is None:
        training_seed = derive_training_seed(seed)
    values = fairgen.generate_rounds(rounds, seed=seed)
    history_path = fairgen.write_sqlite(out / HISTORY_FILE, values)

    samples = _build_samples(values)
    n_train, n_val, n_test = _split_sizes(len(samples))
    train = samples.part(0, n_train)
    validation = samples.part(n_train, n_train + n_val)
    test = samples.part(n_train + n_val, len(samples))

    scaler = StandardScaler().fit(train.inputs["features"])
    for part in (train, validation, test):
        part.inputs["features"] = scaler.transform(part.inputs["features"]).astype(np.float32)
    scaler_path = out / SCALER_FILE
    joblib.dump(scaler, scaler_path)

    keras = import_keras()
    keras.utils.set_random_seed(training_seed)
    model = build_model(len(FEATURE_NAMES), size=size, name="jetx_progressive_demo")

    train_above = is_above(train.target, THRESHOLD)
    balanced = _balanced_weights(train_above)
    results: list[StageResult] = []
    stage_records: list[dict[str, Any]] = []
    for index, plan in enumerate(plans):
        if index:
            # Like the source: each stage starts from the previous stage's chosen checkpoint.
            model.load_weights(str(out / plans[index - 1].checkpoint))
        result, record = _train_stage(
            keras, model, plan, out, train, validation, balanced, progress
        )
        results.append(result)
        stage_records.append(record)

    model.load_weights(str(out / plans[-1].checkpoint))
    final_path = out / FINAL_FILE
    _save_h5(model, final_path)
    test_metrics = _test_metrics(model, test)

    elapsed = time.perf_counter() - started
    run = DemoRun(
        out_dir=str(out),
        history_path=str(history_path),
        scaler_path=str(scaler_path),
        metadata_path=str(out / METADATA_FILE),
        final_model_path=str(final_path),
        stages=tuple(
            StageResult(
                number=r.number,
                name=r.name,
                checkpoint=str(out / r.checkpoint),
                log=str(out / r.log),
                monitor=r.monitor,
                epochs_run=r.epochs_run,
                best_epoch=r.best_epoch,
                seconds=r.seconds,
            )
            for r in results
        ),
        collapsed_checkpoint=str(out / plans[COLLAPSED_STAGE - 1].checkpoint),
        rounds=rounds,
        feature_count=len(FEATURE_NAMES),
        samples=len(samples),
        train_samples=n_train,
        validation_samples=n_val,
        test_samples=n_test,
        test_first_id=FIRST_PREDICTABLE + n_train + n_val + 1,
        seconds=elapsed,
    )
    info = _metadata(
        run,
        model=model,
        seed=seed,
        training_seed=training_seed,
        train_above=train_above,
        validation_above=is_above(validation.target, THRESHOLD),
        balanced=balanced,
        stage_records=stage_records,
        test_metrics=test_metrics,
    )
    (out / METADATA_FILE).write_text(json.dumps(info, indent=2) + "\n", encoding="utf-8")
    return run


def derive_training_seed(seed: str) -> int:
    """Keras' seed for a history seed: the first 31 bits of SHA-256 of the text."""
    return int(hashlib.sha256(seed.encode("utf-8")).hexdigest()[:8], 16) & 0x7FFFFFFF


def _plans(epochs: Sequence[int] | None) -> tuple[StagePlan, ...]:
    if epochs is None:
        return STAGES
    budgets = tuple(int(e) for e in epochs)
    if len(budgets) != len(STAGES) or min(budgets) < 1:
        raise UsageError(f"epochs must be {len(STAGES)} positive numbers, got {list(epochs)}")
    return tuple(
        dataclasses.replace(plan, epochs=budget)
        for plan, budget in zip(STAGES, budgets, strict=True)
    )


def _build_samples(values: np.ndarray) -> _Samples:
    inputs = {"features": _feature_matrix(values, FIRST_PREDICTABLE)}
    for length in SEQUENCE_LENGTHS:
        inputs[f"seq{length}"] = _sequence_windows(values, length, FIRST_PREDICTABLE)
    return _Samples(inputs, values[FIRST_PREDICTABLE:])


def _save_h5(model: Any, path: Path) -> None:
    with warnings.catch_warnings():
        # Keras calls HDF5 "legacy"; it is the format the document's files are in.
        warnings.simplefilter("ignore", UserWarning)
        model.save(str(path))


def _train_stage(
    keras: Any,
    model: Any,
    plan: StagePlan,
    out: Path,
    train: _Samples,
    validation: _Samples,
    balanced: tuple[float, float],
    progress: ProgressCallback | None,
) -> tuple[StageResult, dict[str, Any]]:
    below_weight = balanced[0] * plan.target_multiplier
    above_weight = balanced[1]
    train_above = is_above(train.target, THRESHOLD)
    ones = np.ones(len(train), dtype=np.float32)
    weights = {
        "regression": ones,
        "classification": ones,
        # Class weights on the threshold head only, as the source applies them.
        "threshold": np.where(train_above, above_weight, below_weight).astype(np.float32),
    }
    model.compile(
        optimizer=keras.optimizers.Adam(plan.learning_rate),
        loss={
            "regression": "mae",
            "classification": "categorical_crossentropy",
            "threshold": "binary_crossentropy",
        },
        loss_weights=dict(plan.loss_weights),
        metrics={
            "regression": ["mae"],
            "classification": ["accuracy"],
            "threshold": ["accuracy"],
        },
    )
    below_above, epoch_progress = _make_callbacks(keras)
    callbacks = [
        below_above(validation.inputs, is_above(validation.target, THRESHOLD)),
        keras.callbacks.CSVLogger(str(out / plan.log)),
        keras.callbacks.ModelCheckpoint(
            str(out / plan.checkpoint), monitor=plan.monitor, mode=plan.mode, save_best_only=True
        ),
        keras.callbacks.EarlyStopping(monitor=plan.monitor, mode=plan.mode, patience=plan.patience),
    ]
    if progress is not None:
        callbacks.append(epoch_progress(plan.number, plan.epochs, progress))

    started = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # the HDF5 "legacy format" notice
        # Targets and weights as lists in the model's output order: Keras matches nested
        # structures to a functional model's outputs by position.
        history = model.fit(
            train.inputs,
            _in_output_order(model, _targets(train.target)),
            sample_weight=_in_output_order(model, weights),
            validation_data=(
                validation.inputs,
                _in_output_order(model, _targets(validation.target)),
            ),
            epochs=plan.epochs,
            batch_size=plan.batch_size,
            shuffle=False,  # chronological batches, as the source trains
            callbacks=callbacks,
            verbose=0,
        )
    seconds = time.perf_counter() - started
    logs = history.history
    epochs_run = len(logs["loss"])
    if progress is not None and epochs_run < plan.epochs:
        progress(plan.number, plan.epochs, plan.epochs)
    monitored = np.asarray(logs[plan.monitor], dtype=float)
    best_index = int(np.argmin(monitored) if plan.mode == "min" else np.argmax(monitored))

    def at_best(key: str) -> float | None:
        return float(logs[key][best_index]) if key in logs else None

    record = {
        "stage": plan.number,
        "name": plan.name,
        "purpose": plan.purpose,
        "initial_weights": "random" if plan.number == 1 else f"stage{plan.number - 1}_best.h5",
        "epochs_max": plan.epochs,
        "epochs_run": epochs_run,
        "best_epoch": best_index + 1,
        "stopped_early": epochs_run < plan.epochs,
        "batch_size": plan.batch_size,
        "learning_rate": plan.learning_rate,
        "loss": {
            "regression": "mae",
            "classification": "categorical_crossentropy",
            "threshold": "binary_crossentropy",
        },
        "loss_weights": dict(plan.loss_weights),
        "target_multiplier": plan.target_multiplier,
        "class_weights": {"below": round(below_weight, 4), "above": round(above_weight, 4)},
        "callbacks": {
            "model_checkpoint": {
                "filepath": plan.checkpoint,
                "monitor": plan.monitor,
                "mode": plan.mode,
                "save_best_only": True,
            },
            "early_stopping": {
                "monitor": plan.monitor,
                "mode": plan.mode,
                "patience": plan.patience,
                "restore_best_weights": False,
            },
            "csv_logger": plan.log,
        },
        "monitor": plan.monitor,
        "checkpoint": plan.checkpoint,
        "log": plan.log,
        "at_best_epoch": {
            key: at_best(key)
            for key in (
                plan.monitor,
                "val_threshold_accuracy",
                "val_below_accuracy",
                "val_above_accuracy",
            )
        },
        "seconds": round(seconds, 3),
    }
    result = StageResult(
        number=plan.number,
        name=plan.name,
        checkpoint=plan.checkpoint,
        log=plan.log,
        monitor=plan.monitor,
        epochs_run=epochs_run,
        best_epoch=best_index + 1,
        seconds=seconds,
    )
    return result, record


def _test_metrics(model: Any, test: _Samples) -> dict[str, Any]:
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


def _metadata(
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
