"""Reading training logs: CSVLogger files, History dumps, the run's metadata, run directories."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from jetx_diag.artifacts.metadata import (
    RunMetadata,
    StageCallbacks,
    find_metadata,
    load_metadata,
    normalise_class_weights,
    same_stage,
)
from jetx_diag.errors import ArtifactError, LogError
from jetx_diag.results import from_dict, to_dict
from jetx_diag.training.logs import find_stage_logs, load_run, read_log
from jetx_diag.training.stage_log import TrainingRun, describe_epochs


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


CSV_3 = (
    "epoch,loss,val_above_accuracy,val_below_accuracy,val_loss,val_threshold_accuracy,lr\n"
    "0,0.9,0.40,0.50,1.0,0.45,0.001\n"
    "1,0.8,0.90,0.10,1.1,0.62,0.001\n"
    "2,0.7,1.00,0.00,1.2,0.649,0.0005\n"
)


# --------------------------------------------------------------------------- CSVLogger


def test_csvlogger_epochs_are_reported_from_one(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "stage1.csv", CSV_3))
    assert stage.name == "stage1"
    assert stage.format == "csv"
    assert stage.epochs == (1, 2, 3)  # CSVLogger's 0, 1, 2
    assert stage.stop_epoch == 3
    assert stage.series("loss") == (0.9, 0.8, 0.7)
    assert stage.value_at("val_below_accuracy", 2) == 0.10
    assert stage.value_at("val_below_accuracy", 4) is None


def test_roles_and_derived_series(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "stage1.csv", CSV_3))
    assert stage.roles["val_below_accuracy"] == "val_below_accuracy"
    assert stage.roles["val_above_accuracy"] == "val_above_accuracy"
    assert stage.roles["val_threshold_accuracy"] == "val_threshold_accuracy"
    assert stage.series("val_worst_class_accuracy") == (0.40, 0.10, 0.0)
    assert stage.series("val_balanced_accuracy") == pytest.approx((0.45, 0.5, 0.5))
    assert stage.series("val_money_loss_risk") == pytest.approx((0.5, 0.9, 1.0))
    assert stage.series("below_accuracy") is None  # no training-side column
    assert stage.series("worst_class_accuracy") is None
    assert stage.series("nothing") is None


def test_extra_unknown_columns_are_kept_and_named(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "stage1.csv", CSV_3))
    assert stage.metrics["lr"] == (0.001, 0.001, 0.0005)
    assert "other columns kept as logged: lr" in stage.notes


def test_aliases_with_and_without_val(tmp_path: Path) -> None:
    text = (
        "epoch,threshold_below_acc,threshold_above_acc,val_threshold_below_acc,"
        "val_threshold_above_acc,val_below_15_accuracy\n"
        "0,0.6,0.7,0.5,0.4,0.9\n"
    )
    stage = read_log(write(tmp_path / "s.csv", text))
    assert stage.roles["below_accuracy"] == "threshold_below_acc"
    assert stage.roles["val_below_accuracy"] == "val_threshold_below_acc"  # first alias wins
    assert stage.series("worst_class_accuracy") == (0.6,)
    assert any("also present: val_below_15_accuracy" in n for n in stage.notes)


def test_money_loss_risk_alone_gives_below_accuracy(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "s.csv", "epoch,val_money_loss_risk\n0,0.25\n1,1.0\n"))
    assert stage.series("val_below_accuracy") == (0.75, 0.0)
    assert not any("no per-epoch validation below-accuracy" in n for n in stage.notes)


def test_na_cells_are_not_logged_and_nan_cells_not_finite(tmp_path: Path) -> None:
    text = "epoch,loss,val_below_accuracy\n0,0.9,0.5\n1,nan,NA\n2,inf,\n3,0.7,NA\n4,0.6,0.3\n"
    stage = read_log(write(tmp_path / "stage1.csv", text))
    assert stage.series("loss") == (0.9, None, None, 0.7, 0.6)
    assert stage.not_finite == {"loss": (2, 3)}
    assert stage.series("val_below_accuracy") == (0.5, None, None, None, 0.3)
    assert "loss is not finite (NaN/inf) at epochs 2–3" in stage.notes


def test_percentages_are_divided_by_100(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "s.csv", "epoch,val_below_accuracy\n0,54.3\n1,100\n"))
    assert stage.series("val_below_accuracy") == pytest.approx((0.543, 1.0))
    assert any("looks like percentages" in n for n in stage.notes)


def test_single_epoch_is_read_with_a_note(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "s.csv", "epoch,loss,val_loss\n0,0.5,0.6\n"))
    assert stage.epochs == (1,)
    assert "only one epoch logged: no trend can be read" in stage.notes


def test_missing_columns_are_noted(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "s.csv", "epoch,loss\n0,0.5\n1,0.4\n"))
    assert stage.series("val_below_accuracy") is None
    assert stage.series("val_loss") is None
    assert any("no per-epoch validation below-accuracy" in n for n in stage.notes)


def test_text_cells_and_never_logged_columns(tmp_path: Path) -> None:
    text = "epoch,loss,optimizer,val_lr\n0,0.5,adam,NA\n1,oops,adam,NA\n"
    stage = read_log(write(tmp_path / "s.csv", text))
    assert stage.series("loss") == (0.5, None)
    assert "optimizer" not in stage.metrics and "val_lr" not in stage.metrics
    assert "columns without numbers ignored: optimizer" in stage.notes
    assert "columns never logged ignored: val_lr" in stage.notes
    assert any("loss: 1 value is not a number (e.g. 'oops')" in n for n in stage.notes)


def test_semicolon_separator_and_no_epoch_column(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "s.csv", "loss;val_loss\n0.5;0.6\n0.4;0.7\n"))
    assert stage.epochs == (1, 2)
    assert stage.series("val_loss") == (0.6, 0.7)
    assert "no 'epoch' column: rows numbered 1, 2, … in file order" in stage.notes


def test_resumed_log_starts_later(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "s.csv", "epoch,loss\n10,0.5\n11,0.4\n"))
    assert stage.epochs == (11, 12)
    assert "log starts at epoch 11 (resumed training?)" in stage.notes


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "training log is empty"),
        ("   \n", "training log is empty"),
        ("epoch,loss\n", "training log has a header but no epochs"),
        ("epoch,loss\n0,0.5\n1\n", "line 3 has 1 fields, the header has 2"),
        ("epoch,loss\n0,0.5\n1,0.4\n0,0.3\n", "epoch 1 follows epoch 2: epochs must increase"),
        ("epoch,loss\n0.5,0.5\n", "line 2: epoch 0.5 is not a whole number"),
        ("epoch,note\n0,hello\n", "training log has no numeric metric columns"),
        ("epoch,loss,loss\n0,1,2\n", "repeated column names: loss"),
    ],
)
def test_unusable_csv_raises_log_error_naming_the_file(
    tmp_path: Path, text: str, problem: str
) -> None:
    path = write(tmp_path / "stage1.csv", text)
    with pytest.raises(LogError) as caught:
        read_log(path)
    assert caught.value.path == str(path)
    assert problem in str(caught.value)
    assert str(caught.value).startswith(str(path))


def test_missing_file_raises_log_error(tmp_path: Path) -> None:
    with pytest.raises(LogError, match="training log not found"):
        read_log(tmp_path / "nope.csv")


# --------------------------------------------------------------------------- History JSON


def test_history_dump_is_read(tmp_path: Path) -> None:
    history = {"loss": [0.9, 0.8], "val_loss": [1.0, float("nan")], "val_below_accuracy": [0.5, 0]}
    path = tmp_path / "stage2_history.json"
    path.write_text(json.dumps(history))  # json writes NaN, as Keras users' dumps do
    stage = read_log(path)
    assert stage.name == "stage2"
    assert stage.format == "history_json"
    assert stage.epochs == (1, 2)
    assert stage.series("val_loss") == (1.0, None)
    assert stage.not_finite == {"val_loss": (2,)}
    assert stage.series("val_below_accuracy") == (0.5, 0.0)


def test_history_wrapper_with_epoch_list(tmp_path: Path) -> None:
    data = {"epoch": [5, 6], "history": {"loss": [0.3, 0.2]}, "params": {"epochs": 7}}
    stage = read_log(write(tmp_path / "h.json", json.dumps(data)))
    assert stage.epochs == (6, 7)


def test_history_members_that_are_not_lists_are_skipped(tmp_path: Path) -> None:
    stage = read_log(write(tmp_path / "h.json", json.dumps({"loss": [0.3, 0.2], "note": "x"})))
    assert "members that are not lists ignored: note" in stage.notes


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            '{"loss": [1, 2], "val_loss": [1]}',
            "metric lists differ in length (loss: 2, val_loss: 1)",
        ),
        ('{"loss": [1, 2', "not valid JSON"),
        ("[1, 2]", "not a Keras History dump"),
        ("{}", "not a Keras History dump"),
        ('{"loss": []}', "training log holds no epochs"),
        ('{"history": {"loss": [1]}, "epoch": [0, 1]}', "'epoch' list and the metric lists"),
    ],
)
def test_unusable_history_raises_log_error(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path / "stage1_history.json", text)
    with pytest.raises(LogError) as caught:
        read_log(path)
    assert caught.value.path == str(path)
    assert problem in str(caught.value)


# --------------------------------------------------------------------------- run directories


def test_find_stage_logs_orders_stages_naturally(tmp_path: Path) -> None:
    for name in ("stage10.csv", "stage2.csv", "stage1.csv"):
        write(tmp_path / name, "epoch,loss\n0,1\n")
    write(tmp_path / "stage3_history.json", '{"loss": [1]}')
    write(tmp_path / "predictions.csv", "actual,p_above\n1.2,0.4\n")  # not a CSVLogger file
    write(tmp_path / "progressive_model_info.json", "{}")  # not a history
    found = find_stage_logs(tmp_path)
    assert list(found) == ["stage1", "stage2", "stage3", "stage10"]
    assert found["stage3"].name == "stage3_history.json"


def test_csv_wins_over_history_of_the_same_stage(tmp_path: Path) -> None:
    write(tmp_path / "stage1.csv", "epoch,loss\n0,1\n")
    write(tmp_path / "stage1_history.json", '{"loss": [1, 2]}')
    run = load_run(tmp_path)
    assert run.stages[0].format == "csv"
    assert "stage1_history.json ignored: stage 'stage1' is read from stage1.csv" in run.notes


def test_no_logs_in_directory(tmp_path: Path) -> None:
    with pytest.raises(LogError, match="no training logs found"):
        find_stage_logs(tmp_path)
    with pytest.raises(LogError, match="not a directory"):
        find_stage_logs(tmp_path / "missing")


def test_load_run_from_mapping_keeps_order(tmp_path: Path) -> None:
    b = write(tmp_path / "b.csv", "epoch,loss\n0,1\n")
    a = write(tmp_path / "a.json", '{"loss": [1, 2]}')
    run = load_run({"warmup": b, "finetune": a})
    assert [s.name for s in run.stages] == ["warmup", "finetune"]
    assert run.metadata is None and run.run_dir is None
    with pytest.raises(LogError, match="no training logs given"):
        load_run({})


def test_load_run_finds_metadata_or_says_it_is_missing(tmp_path: Path) -> None:
    write(tmp_path / "stage1.csv", "epoch,loss\n0,1\n")
    run = load_run(tmp_path)
    assert run.metadata is None
    assert any("no metadata JSON" in n for n in run.notes)
    write(tmp_path / "progressive_model_info.json", '{"total_epochs": {"stage1": 1}}')
    run = load_run(tmp_path)
    assert run.metadata is not None and run.metadata.stage_epochs == {"stage1": 1}
    assert run.run_dir == str(tmp_path)


def test_find_metadata_fallback_name(tmp_path: Path) -> None:
    assert find_metadata(tmp_path) is None
    write(tmp_path / "catboost_model_info.json", "{}")
    assert find_metadata(tmp_path) == tmp_path / "catboost_model_info.json"


# --------------------------------------------------------------------------- metadata

#: The shape the source project's notebooks/jetx_PROGRESSIVE_TRAINING.py writes.
SOURCE_METADATA = {
    "model": "PROGRESSIVE_TRAINING_3_STAGE",
    "version": "1.0_PROGRESSIVE",
    "params": 9123456,
    "training_time_minutes": 61.4,
    "stage_times": {"stage1_regression": 30.2, "stage2_threshold": 14.1, "stage3_full": 17.1},
    "total_epochs": {"stage1": 92, "stage2": 47, "stage3": 62},
    "metrics": {
        "threshold_accuracy": 0.593,
        "below_15_accuracy": 0.0594,
        "above_15_accuracy": 0.9368,
        "class_accuracy": 0.3909,
        "mae": 9.1,
        "rmse": 20.5,
        "money_loss_risk": 0.941,
    },
}


def test_source_metadata_is_read(tmp_path: Path) -> None:
    meta = load_metadata(write(tmp_path / "m.json", json.dumps(SOURCE_METADATA)), strict=False)
    assert meta.model == "PROGRESSIVE_TRAINING_3_STAGE"
    assert meta.parameters == 9123456
    assert meta.training_minutes == 61.4
    assert meta.stage_epochs == {"stage1": 92, "stage2": 47, "stage3": 62}
    assert meta.for_stage(meta.stage_minutes, "stage2") == 14.1  # "stage2_threshold"
    assert meta.metrics_as_written["below_15_accuracy"] == 0.0594
    assert meta.callbacks == {} and meta.class_weights == {} and meta.files == ()
    assert meta.warnings == ()


def test_extension_keys_are_read(tmp_path: Path) -> None:
    data = {
        "callbacks": {
            "stage1": {"monitor": "val_regression_mae", "patience": 50, "mode": "min"},
            "stage2": {
                "monitor": "val_threshold_accuracy",
                "patience": 40,
                "checkpoint_monitor": "val_loss",
                "checkpoint_file": "stage2_best.h5",
                "restore_best_weights": True,
                "mode": "sideways",
            },
        },
        "class_weights": {"stage3": {"0": 44.13, "1": 0.76}},
        "class_counts": {"below": 2135, "above": 3956},
        "files": ["a.h5", "b.pkl"],
    }
    meta = load_metadata(write(tmp_path / "m.json", json.dumps(data)), strict=False)
    assert meta.callbacks["stage1"] == StageCallbacks(
        monitor="val_regression_mae",
        mode="min",
        patience=50,
        checkpoint_monitor="val_regression_mae",  # ModelCheckpoint followed EarlyStopping
    )
    assert meta.callbacks["stage2"].checkpoint_monitor == "val_loss"
    assert meta.callbacks["stage2"].mode is None
    assert meta.callbacks["stage2"].restore_best_weights is True
    assert any("mode 'sideways' unknown" in n for n in meta.warnings)
    assert meta.class_weights == {"stage3": {"below": 44.13, "above": 0.76}}
    assert meta.class_counts == {"below": 2135, "above": 3956}
    assert meta.files == ("a.h5", "b.pkl")
    assert meta.for_stage(meta.callbacks, "3") is None


def test_run_wide_callbacks_and_weights(tmp_path: Path) -> None:
    data = {"callbacks": {"monitor": "val_loss", "patience": 5}, "class_weights": {"below": 3}}
    meta = load_metadata(write(tmp_path / "m.json", json.dumps(data)), strict=False)
    assert meta.for_stage(meta.callbacks, "stage7").monitor == "val_loss"
    assert meta.for_stage(meta.class_weights, "stage7") == {"below": 3.0}


def test_bad_metadata_values_are_noted(tmp_path: Path) -> None:
    data = {"total_epochs": {"stage1": "many", "stage2": 4.5}, "metrics": [1], "files": "x.h5"}
    path = write(tmp_path / "m.json", json.dumps(data))
    meta = load_metadata(path, strict=False)
    assert meta.stage_epochs == {}
    assert "'total_epochs.stage1' is not a number: ignored" in meta.warnings
    assert "'total_epochs.stage2' is not a whole number: ignored" in meta.warnings
    assert "'metrics' is not an object: ignored" in meta.warnings
    assert "'files' / 'artifacts' is not a list of names: ignored" in meta.warnings
    # The report reads the same file strictly: the first wrong value is refused, by its key.
    with pytest.raises(ArtifactError, match=r"metrics: expected an object, got a list"):
        load_metadata(path)


@pytest.mark.parametrize(
    ("text", "problem"),
    [("{nope", "is not valid JSON"), ("[1]", "top level: expected an object, got a list")],
)
def test_unusable_metadata_raises_artifact_error(tmp_path: Path, text: str, problem: str) -> None:
    path = write(tmp_path / "progressive_model_info.json", text)
    with pytest.raises(ArtifactError) as caught:
        load_metadata(path, strict=False)
    assert caught.value.path == str(path) and problem in str(caught.value)
    with pytest.raises(ArtifactError, match="no such file or directory"):
        load_metadata(tmp_path / "missing.json", strict=False)


# --------------------------------------------------------------------------- small helpers


def test_same_stage() -> None:
    assert same_stage("stage1", "stage1_regression")
    assert same_stage("Stage2", "2")
    assert not same_stage("stage1", "stage10")
    assert same_stage("warmup", "WARMUP")
    assert not same_stage("warmup", "finetune")


def test_normalise_class_weights() -> None:
    assert normalise_class_weights({0: 44.13, 1: 0.76}) == {"below": 44.13, "above": 0.76}
    assert normalise_class_weights({"below": 2, "other": 1, "above": "x"}) == {"below": 2.0}


def test_describe_epochs() -> None:
    assert describe_epochs([5, 6, 7, 9, 12, 13]) == "epochs 5–7, 9, 12–13"
    assert describe_epochs([4]) == "epoch 4"


def test_run_round_trips_through_dict(tmp_path: Path) -> None:
    write(tmp_path / "stage1.csv", "epoch,loss,val_below_accuracy\n0,nan,0.5\n1,0.4,NA\n")
    write(tmp_path / "progressive_model_info.json", json.dumps(SOURCE_METADATA))
    run = load_run(tmp_path)
    data = json.loads(json.dumps(to_dict(run)))  # JSON-ready: NaN never reaches the dict
    assert from_dict(TrainingRun, data) == run
    assert isinstance(from_dict(RunMetadata, to_dict(run.metadata)), RunMetadata)


# --------------------------------------------------------------------------- real Keras


@pytest.mark.keras
def test_real_csvlogger_and_history_dump(tmp_path: Path) -> None:
    import numpy as np

    from jetx_diag.artifacts.keras_env import import_keras

    keras = import_keras()
    rng = np.random.default_rng(0)
    x = rng.normal(size=(64, 3)).astype("float32")
    y = (x[:, 0] > 0).astype("float32")
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    history = model.fit(
        x,
        y,
        epochs=3,
        batch_size=16,
        validation_split=0.25,
        verbose=0,
        callbacks=[keras.callbacks.CSVLogger(str(tmp_path / "stage1.csv"))],
    )
    (tmp_path / "stage2_history.json").write_text(
        json.dumps({k: [float(v) for v in vs] for k, vs in history.history.items()})
    )
    run = load_run(tmp_path)
    from_csv, from_json = run.stages
    assert from_csv.epochs == from_json.epochs == (1, 2, 3)
    for column in ("loss", "val_loss", "val_accuracy"):
        assert from_csv.series(column) == pytest.approx(from_json.series(column), rel=1e-6)
    assert all(not math.isnan(v) for v in from_csv.series("loss"))
