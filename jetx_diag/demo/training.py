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

This module runs the fits; the plan and the run's records are in
:mod:`~jetx_diag.demo.training_plan`, the samples in :mod:`~jetx_diag.demo.training_samples`, and
the metadata JSON in :mod:`~jetx_diag.demo.training_metadata`.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import time
import warnings
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import joblib
import numpy as np
from sklearn.preprocessing import StandardScaler

from jetx_diag.artifacts.keras_env import import_keras
from jetx_diag.demo import fairgen
from jetx_diag.demo.features import FEATURE_NAMES
from jetx_diag.demo.model import ModelSize, build_model
from jetx_diag.demo.training_metadata import held_out_metrics, metadata_record
from jetx_diag.demo.training_plan import (
    COLLAPSED_STAGE,
    CUTOFF,
    DEFAULT_ROUNDS,
    FINAL_FILE,
    FIRST_PREDICTABLE,
    HISTORY_FILE,
    METADATA_FILE,
    MIN_SAMPLES,
    SCALER_FILE,
    STAGES,
    THRESHOLD,
    DemoRun,
    ProgressCallback,
    StagePlan,
    StageResult,
)
from jetx_diag.demo.training_samples import (
    Samples,
    balanced_weights,
    build_samples,
    split_sizes,
    targets,
)
from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record as record_text
from jetx_diag.scoring.metrics import is_above


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
            record_text(
                "error.training.demo_needs_least_rounds_window",
                first_predictable=FIRST_PREDICTABLE + MIN_SAMPLES,
                first_predictable2=FIRST_PREDICTABLE,
                rounds=rounds,
            )
        )
    out = Path(out_dir).resolve()
    out.mkdir(parents=True, exist_ok=True)

    if training_seed is None:
        training_seed = derive_training_seed(seed)
    values = fairgen.generate_rounds(rounds, seed=seed)
    history_path = fairgen.write_sqlite(out / HISTORY_FILE, values)

    samples = build_samples(values)
    n_train, n_val, n_test = split_sizes(len(samples))
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
    balanced = balanced_weights(train_above)
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
    test_metrics = held_out_metrics(model, test)

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
    info = metadata_record(
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
        raise UsageError(
            record_text(
                "error.training.epochs_must_positive_numbers_got",
                stages_count=len(STAGES),
                epochs=list(epochs),
            )
        )
    return tuple(
        dataclasses.replace(plan, epochs=budget)
        for plan, budget in zip(STAGES, budgets, strict=True)
    )


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
    train: Samples,
    validation: Samples,
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
            _in_output_order(model, targets(train.target)),
            sample_weight=_in_output_order(model, weights),
            validation_data=(
                validation.inputs,
                _in_output_order(model, targets(validation.target)),
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
