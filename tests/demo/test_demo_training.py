"""The demo training run: real files, loadable checkpoints, the designed collapse, the logs.

One reduced run (1,500 rounds, 2 epochs per stage) is shared by the Keras tests of this file.
Inputs for the checks are rebuilt here with plain loops, independently of the training code.
"""

from __future__ import annotations

import csv
import hashlib
import json
import math
import sqlite3
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from jetx_diag.demo import fairgen, training_samples
from jetx_diag.demo import training as demo_training
from jetx_diag.demo.features import FEATURE_COUNT, FEATURE_NAMES, extract_features
from jetx_diag.demo.training_plan import DemoRun
from jetx_diag.errors import UsageError
from jetx_diag.results import from_dict, to_dict

ROUNDS = 1500
EPOCHS = (2, 2, 2)
# 1000 samples (rounds 500..1499): test ceil(200) = 200, validation ceil(0.2 * 800) = 160.
TRAIN, VALIDATION, TEST = 640, 160, 200


# --------------------------------------------------------------------------- without TensorFlow


def test_split_sizes_round_like_scikit_learn() -> None:
    assert training_samples.split_sizes(1000) == (TRAIN, VALIDATION, TEST)
    assert training_samples.split_sizes(5500) == (3520, 880, 1100)
    assert training_samples.split_sizes(1001) == (640, 160, 201)  # ceil(200.2) = 201


def test_sequence_windows_are_the_rounds_before_each_prediction() -> None:
    values = np.array([1.0, 10.0, 100.0, 1000.0, 2.0])
    windows = training_samples.sequence_windows(values, 3, first=3)
    assert windows.shape == (2, 3, 1) and windows.dtype == np.float32
    # Round 3 sees rounds 0..2, round 4 sees rounds 1..3; log10(x + 1e-8).
    np.testing.assert_allclose(windows[..., 0], [[0, 1, 2], [1, 2, 3]], atol=1e-6)


def test_logged_rates_are_nan_when_there_are_no_such_rounds() -> None:
    assert demo_training._share(np.array([True, False, True])) == pytest.approx(2 / 3)
    assert math.isnan(demo_training._share(np.array([], dtype=bool)))


def test_one_seed_reproduces_the_whole_run() -> None:
    # sha256("jetx-diag-demo") starts with b8889b71; without the top bit: 0x38889b71.
    assert hashlib.sha256(b"jetx-diag-demo").hexdigest().startswith("b8889b71")
    seed = demo_training.derive_training_seed("jetx-diag-demo")
    assert seed == 0x38889B71 == 948_476_785
    assert demo_training.derive_training_seed("other") != seed


def test_bad_arguments_are_refused_before_any_work(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="at least 700 rounds"):
        demo_training.run_demo_training(tmp_path / "a", rounds=699)
    with pytest.raises(UsageError, match="3 positive numbers"):
        demo_training.run_demo_training(tmp_path / "b", epochs=(1, 0, 1))
    with pytest.raises(UsageError, match="3 positive numbers"):
        demo_training.run_demo_training(tmp_path / "c", epochs=(1, 1))
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


# --------------------------------------------------------------------------- the real run


@pytest.fixture(scope="module")
def progress_calls() -> list[tuple[int, int, int]]:
    return []


@pytest.fixture(scope="module")
def run(
    tmp_path_factory: pytest.TempPathFactory, progress_calls: list[tuple[int, int, int]]
) -> DemoRun:
    out = tmp_path_factory.mktemp("demo") / "run"  # does not exist yet: the run creates it
    return demo_training.run_demo_training(
        out,
        rounds=ROUNDS,
        epochs=EPOCHS,
        progress=lambda stage, epoch, total: progress_calls.append((stage, epoch, total)),
    )


@pytest.fixture(scope="module")
def info(run: DemoRun) -> dict[str, Any]:
    return json.loads(Path(run.metadata_path).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def rebuilt(run: DemoRun) -> dict[str, Any]:
    """Validation and held-out inputs rebuilt from history.db and the scaler, loop by loop."""
    import joblib

    with sqlite3.connect(run.history_path) as connection:
        values = [v for (v,) in connection.execute("SELECT value FROM jetx_results ORDER BY id")]
    scaler = joblib.load(run.scaler_path)

    def inputs(first: int, stop: int) -> dict[str, np.ndarray]:
        rows = [list(extract_features(values[:i]).values()) for i in range(first, stop)]
        built = {"features": scaler.transform(np.array(rows)).astype(np.float32)}
        for n in (50, 200, 500):
            windows = [np.log10(np.array(values[i - n : i]) + 1e-8) for i in range(first, stop)]
            built[f"seq{n}"] = np.array(windows, dtype=np.float32)[..., None]
        return built

    validation_first = 500 + TRAIN
    test_first = validation_first + VALIDATION
    return {
        "values": np.array(values),
        "scaler": scaler,
        "validation": inputs(validation_first, test_first),
        "validation_actual": np.array(values[validation_first:test_first]),
        "test": inputs(test_first, ROUNDS),
        "test_actual": np.array(values[test_first:]),
    }


def _load(path: str) -> Any:
    from jetx_diag.artifacts.keras_env import import_keras

    return import_keras().models.load_model(path, compile=False)


def _p_above(model: Any, inputs: dict[str, np.ndarray]) -> np.ndarray:
    outputs = dict(zip(model.output_names, model.predict(inputs, verbose=0), strict=True))
    return np.asarray(outputs["threshold"]).reshape(-1)


@pytest.mark.keras
def test_every_artifact_is_written(run: DemoRun) -> None:
    out = Path(run.out_dir)
    expected = {
        "history.db",
        "scaler_progressive.pkl",
        "progressive_model_info.json",
        "stage1_best.h5",
        "stage2_best.h5",
        "stage3_best.h5",
        "jetx_progressive_final.h5",
        "stage1.csv",
        "stage2.csv",
        "stage3.csv",
    }
    assert {p.name for p in out.iterdir()} == expected
    assert run.checkpoints == (
        str(out / "stage1_best.h5"),
        str(out / "stage2_best.h5"),
        str(out / "stage3_best.h5"),
        str(out / "jetx_progressive_final.h5"),
    )
    assert (run.samples, run.train_samples, run.validation_samples, run.test_samples) == (
        1000,
        TRAIN,
        VALIDATION,
        TEST,
    )
    assert run.test_first_id == 1301  # round index 1300 is the first held-out one
    assert from_dict(DemoRun, json.loads(json.dumps(to_dict(run)))) == run


@pytest.mark.keras
def test_history_db_holds_the_fair_rounds(run: DemoRun) -> None:
    with sqlite3.connect(run.history_path) as connection:
        rows = connection.execute("SELECT id, value FROM jetx_results ORDER BY id").fetchall()
    assert [i for i, _ in rows] == list(range(1, ROUNDS + 1))
    np.testing.assert_array_equal([v for _, v in rows], fairgen.generate_rounds(ROUNDS))


@pytest.mark.keras
def test_checkpoints_load_with_keras3_and_match_the_scaler(run: DemoRun) -> None:
    import joblib

    scaler = joblib.load(run.scaler_path)
    assert scaler.n_features_in_ == FEATURE_COUNT
    for path in run.checkpoints:
        model = _load(path)
        shapes = {t.name: tuple(t.shape) for t in model.inputs}
        assert shapes == {
            "features": (None, FEATURE_COUNT),
            "seq50": (None, 50, 1),
            "seq200": (None, 200, 1),
            "seq500": (None, 500, 1),
        }
        assert list(model.output_names) == ["regression", "classification", "threshold"]


@pytest.mark.keras
def test_scaler_was_fitted_on_the_training_rounds_only(
    run: DemoRun, rebuilt: dict[str, Any]
) -> None:
    values = rebuilt["values"].tolist()
    train = np.array([list(extract_features(values[:i]).values()) for i in range(500, 500 + TRAIN)])
    np.testing.assert_allclose(rebuilt["scaler"].mean_, train.mean(axis=0), rtol=1e-9)


@pytest.mark.keras
def test_the_collapsed_checkpoint_calls_held_out_rounds_above(
    run: DemoRun, rebuilt: dict[str, Any]
) -> None:
    assert run.collapsed_checkpoint == run.stages[2].checkpoint
    for path in (run.collapsed_checkpoint, run.final_model_path):
        called_above = _p_above(_load(path), rebuilt["test"]) >= 0.5
        assert called_above.size == TEST
        assert called_above.mean() >= 0.97, path


@pytest.mark.keras
def test_recorded_test_metrics_are_the_measured_ones(
    run: DemoRun, info: dict[str, Any], rebuilt: dict[str, Any]
) -> None:
    called = _p_above(_load(run.final_model_path), rebuilt["test"]) >= 0.5
    above = rebuilt["test_actual"] >= 1.5
    matrix = info["confusion_matrix"]
    assert matrix == {
        "below_called_below": int(np.sum(~above & ~called)),
        "below_called_above": int(np.sum(~above & called)),
        "above_called_below": int(np.sum(above & ~called)),
        "above_called_above": int(np.sum(above & called)),
    }
    metrics = info["metrics"]
    assert metrics["threshold_accuracy"] == pytest.approx(np.mean(called == above))
    assert metrics["money_loss_risk"] == pytest.approx(np.mean(called[~above]))
    assert metrics["below_15_accuracy"] + metrics["money_loss_risk"] == pytest.approx(1.0)


@pytest.mark.keras
def test_metadata_records_stages_like_the_source(
    run: DemoRun, info: dict[str, Any], rebuilt: dict[str, Any]
) -> None:
    assert info["total_epochs"] == {"stage1": 2, "stage2": 2, "stage3": 2}
    assert set(info["stage_times"]) == {"stage1_regression", "stage2_threshold", "stage3_full"}
    assert set(info["metrics"]) == {
        "threshold_accuracy",
        "below_15_accuracy",
        "above_15_accuracy",
        "class_accuracy",
        "mae",
        "rmse",
        "money_loss_risk",
    }
    stages = info["stages"]
    assert [s["monitor"] for s in stages] == [
        "val_regression_mae",
        "val_threshold_accuracy",
        "val_threshold_accuracy",
    ]
    assert [s["checkpoint"] for s in stages] == [f"stage{i}_best.h5" for i in (1, 2, 3)]
    assert stages[0]["callbacks"]["model_checkpoint"]["save_best_only"] is True

    # Balanced weights from the training rounds, by hand: N / (2 * count of the class).
    train_values = rebuilt["values"][500 : 500 + TRAIN]
    below = int(np.sum(train_values < 1.5))
    above = TRAIN - below
    assert info["class_balance"]["train_below"] == below
    balanced_below, balanced_above = TRAIN / (2 * below), TRAIN / (2 * above)
    for stage, multiplier in zip(stages, (1.0, 3.0, 0.1), strict=True):
        assert stage["target_multiplier"] == multiplier
        assert stage["class_weights"]["below"] == pytest.approx(balanced_below * multiplier, 1e-3)
        assert stage["class_weights"]["above"] == pytest.approx(balanced_above, 1e-3)

    assert info["inputs"]["features"]["names"] == list(FEATURE_NAMES)
    assert info["inputs"]["features"]["callable"] == "jetx_diag.demo.features:extract_features"
    assert info["inputs"]["sequence_transform"] == "log10(x + 1e-8)"
    assert info["split"]["test_first_id"] == run.test_first_id
    assert info["data"]["generator"]["terminating_hash"] == fairgen.terminating_hash(ROUNDS)
    assert info["params"] == _load(run.final_model_path).count_params()


@pytest.mark.keras
def test_csv_logs_have_the_goal_metrics_per_epoch(run: DemoRun) -> None:
    for stage in run.stages:
        with open(stage.log, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        assert len(rows) == stage.epochs_run == 2
        assert [row["epoch"] for row in rows] == ["0", "1"]  # CSVLogger counts from 0
        for column in (
            "val_below_accuracy",
            "val_above_accuracy",
            "val_threshold_accuracy",
            "loss",
            "val_loss",
            "threshold_loss",
            "val_regression_mae",
        ):
            assert column in rows[0], (stage.log, column)
        for row in rows:
            for column in ("val_below_accuracy", "val_above_accuracy", "val_threshold_accuracy"):
                assert 0.0 <= float(row[column]) <= 1.0
            assert math.isfinite(float(row["loss"]))


@pytest.mark.keras
def test_logged_below_above_accuracy_is_the_checkpoints_own(
    run: DemoRun, rebuilt: dict[str, Any]
) -> None:
    # Each stage's checkpoint was saved at its best epoch, with the weights the injected
    # columns were computed from: the CSV row must match a fresh evaluation of the file.
    actual_above = rebuilt["validation_actual"] >= 1.5
    for stage in run.stages:
        with open(stage.log, newline="", encoding="utf-8") as handle:
            row = list(csv.DictReader(handle))[stage.best_epoch - 1]
        called = _p_above(_load(stage.checkpoint), rebuilt["validation"]) >= 0.5
        assert float(row["val_below_accuracy"]) == pytest.approx(np.mean(~called[~actual_above]))
        assert float(row["val_above_accuracy"]) == pytest.approx(np.mean(called[actual_above]))


@pytest.mark.keras
def test_progress_reports_every_epoch_of_every_stage(
    run: DemoRun, progress_calls: list[tuple[int, int, int]]
) -> None:
    assert progress_calls == [(1, 1, 2), (1, 2, 2), (2, 1, 2), (2, 2, 2), (3, 1, 2), (3, 2, 2)]


@pytest.mark.keras
def test_document_sized_model_has_about_a_million_parameters() -> None:
    from jetx_diag.demo.model import build_model

    model = build_model(FEATURE_COUNT, size="document")
    assert 900_000 <= model.count_params() <= 1_100_000
    assert [t.name for t in model.inputs] == ["features", "seq50", "seq200", "seq500"]
    assert list(model.output_names) == ["regression", "classification", "threshold"]
    activations = {
        name: model.get_layer(name).get_config()["activation"]
        for name in ("regression", "classification", "threshold")
    }
    assert activations == {
        "regression": "linear",
        "classification": "softmax",
        "threshold": "sigmoid",
    }


def test_model_arguments_are_checked() -> None:
    from jetx_diag.demo.model import build_model

    with pytest.raises(UsageError):
        build_model(0)
    with pytest.raises(UsageError):
        build_model(3, size="huge")  # type: ignore[arg-type]
