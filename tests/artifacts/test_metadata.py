"""Run metadata JSON: the source project's shape parsed, strict JSON errors name the key."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from jetx_diag.artifacts.metadata import RunMetadata, load_metadata
from jetx_diag.artifacts.strict_json import parse_strict_json
from jetx_diag.errors import ArtifactError
from jetx_diag.results import from_dict, to_dict

# What notebooks/jetx_PROGRESSIVE_TRAINING.py (onndd/jetxpredictor) writes, with the numbers of
# the source document's run (61.4 minutes, 92 + 47 + 62 epochs, 26/412/43/637 matrix).
SOURCE = """{
  "model": "PROGRESSIVE_TRAINING_3_STAGE",
  "version": "1.0_PROGRESSIVE",
  "params": 1234567,
  "training_time_minutes": 61.4,
  "stage_times": {"stage1_regression": 25.5, "stage2_threshold": 13.1, "stage3_full": 22.8},
  "total_epochs": {"stage1": 92, "stage2": 47, "stage3": 62},
  "metrics": {
    "threshold_accuracy": 0.5930232558139535,
    "below_15_accuracy": 0.0593607305936073,
    "above_15_accuracy": 0.9367647058823529,
    "class_accuracy": 0.3909,
    "mae": 9.268,
    "rmse": 14.5,
    "money_loss_risk": 0.9406392694063926
  }
}
"""


def _write(tmp_path: Path, text: str | bytes, name: str = "progressive_model_info.json") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8") if isinstance(text, str) else text)
    return path


def test_source_project_shape(tmp_path: Path) -> None:
    path = _write(tmp_path, SOURCE)
    meta = load_metadata(path)
    assert meta.model == "PROGRESSIVE_TRAINING_3_STAGE"
    assert meta.version == "1.0_PROGRESSIVE"
    assert meta.parameters == 1234567
    assert meta.training_minutes == 61.4
    assert meta.stage_epochs == {"stage1": 92, "stage2": 47, "stage3": 62}
    assert meta.total_epochs == 201
    assert meta.stage_minutes == {
        "stage1_regression": 25.5,
        "stage2_threshold": 13.1,
        "stage3_full": 22.8,
    }
    assert meta.recorded_metrics == {
        "threshold_accuracy": 0.5930232558139535,
        "below_accuracy": 0.0593607305936073,
        "above_accuracy": 0.9367647058823529,
        "classification_accuracy": 0.3909,
        "regression_mae": 9.268,
        "regression_rmse": 14.5,
        "money_loss_risk": 0.9406392694063926,
    }
    assert meta.metrics_as_written["below_15_accuracy"] == 0.0593607305936073
    assert meta.raw == json.loads(SOURCE)
    assert meta.warnings == ()
    assert meta.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert meta.artifact().details == {
        "model": "PROGRESSIVE_TRAINING_3_STAGE",
        "version": "1.0_PROGRESSIVE",
    }
    assert from_dict(RunMetadata, json.loads(json.dumps(to_dict(meta)))) == meta


def test_later_source_shape_and_demo_extras(tmp_path: Path) -> None:
    text = json.dumps(
        {
            "model": "Progressive_Transformer_Ultimate",
            "version": "5.2_FIXED",
            "thresholds": {"normal": 0.85, "rolling": 0.95},
            "metrics": {
                "mae": 8.5,
                "normal_acc": 0.61,
                "rolling_acc": 0.7,
                "per_head": {"threshold": 0.6},
                "class_accuracy": None,
            },
            "simulation": {"normal_roi": -3.5},
            "monitor": "val_threshold_accuracy",
            "callbacks": ["EarlyStopping", {"class_name": "ModelCheckpoint"}],
            "stages": [
                {"stage": 1, "monitor": "val_regression_mae", "callbacks": {"early_stopping": {}}},
                {"stage": 2, "monitor": "val_threshold_accuracy"},
            ],
        }
    )
    meta = load_metadata(_write(tmp_path, text))
    assert meta.recorded_metrics == {
        "regression_mae": 8.5,
        "normal_acc": 0.61,
        "rolling_acc": 0.7,
        "per_head.threshold": 0.6,
    }
    assert meta.monitor == "val_threshold_accuracy"
    assert meta.stage_monitors == {
        "stage1": "val_regression_mae",
        "stage2": "val_threshold_accuracy",
    }
    assert meta.callback_names == ("EarlyStopping", "ModelCheckpoint", "early_stopping")
    assert meta.stage_epochs == {}
    assert meta.total_epochs is None
    assert meta.raw["simulation"] == {"normal_roi": -3.5}


def test_utf8_bom_is_fine(tmp_path: Path) -> None:
    meta = load_metadata(_write(tmp_path, b"\xef\xbb\xbf" + SOURCE.encode()))
    assert meta.stage_epochs["stage2"] == 47


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('{"metrics": {"mae": NaN}}', "metrics.mae: NaN is not a finite JSON number"),
        ('{"metrics": {"rmse": -Infinity}}', "metrics.rmse: -Infinity is not a finite"),
        ('{"metrics": {"mae": 1e999}}', "metrics.mae: 1e999 is not a finite JSON number"),
        ('{"stages": [{"x": Infinity}]}', "stages[0].x: Infinity is not a finite"),
        (
            '{"metrics": {"mae": 1.0, "mae": 2.0}}',
            "duplicate key 'metrics.mae' (JSON readers disagree",
        ),
        ('{"model": "a", "model": "b"}', "duplicate key 'model'"),
        ('{"metrics": {"mae": "9.27"}}', "metrics.mae: expected a number, got a string ('9.27')"),
        ('{"metrics": {"mae": true}}', "metrics.mae: expected a number, got a boolean"),
        ('{"metrics": [0.5]}', "metrics: expected an object, got a list"),
        ('{"total_epochs": {"stage1": 4.5}}', "total_epochs.stage1: expected a whole number"),
        ('{"total_epochs": {"stage1": -1}}', "total_epochs.stage1: expected a count, got -1"),
        ('{"stage_times": {"stage1": null}}', "stage_times.stage1: expected a number, got null"),
        ('{"params": "1M"}', "params: expected a whole number, got a string"),
        ('{"version": 5.2}', "version: expected a string, got a number"),
        ('{"stages": {"stage1": {}}}', "stages: expected a list, got an object"),
        ('{"callbacks": [3]}', "callbacks[0]: expected a callback name or object"),
        ("[1, 2]", "top level: expected an object, got a list"),
        ('{"metrics": {"mae": 1.0,}}', "is not valid JSON: Expecting property name"),
        ('{"model": "x"', "is not valid JSON"),
    ],
)
def test_strict_errors_name_the_key(tmp_path: Path, text: str, message: str) -> None:
    path = _write(tmp_path, text)
    with pytest.raises(ArtifactError) as caught:
        load_metadata(path)
    assert message in str(caught.value)
    assert caught.value.path == str(path)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty (0 bytes)"),
        (b"<!DOCTYPE html><html></html>", "is an HTML/XML page, not JSON metadata"),
        (b"\xff\xfe{\x00}\x00", "is UTF-16 encoded"),
        (b'{"model": "caf\xe9"}', "is not valid UTF-8 (byte offset 14)"),
        (b'\xef\xbb\xbf{"model": "caf\xe9"}', "is not valid UTF-8 (byte offset 17)"),
        (b"\x89HDF\r\n\x1a\n" + b"\0" * 64, "is a hdf5 file, not JSON metadata"),
    ],
)
def test_files_that_are_not_json(tmp_path: Path, content: bytes, message: str) -> None:
    with pytest.raises(ArtifactError) as caught:
        load_metadata(_write(tmp_path, content))
    assert message in str(caught.value)


def test_rates_outside_any_scale_are_warned_about(tmp_path: Path) -> None:
    text = (
        '{"metrics": {"below_15_accuracy": 140, "below_accuracy": 0.2, "above_15_accuracy": 93.7}}'
    )
    meta = load_metadata(_write(tmp_path, text, "m.json"))
    assert meta.recorded_metrics == {"below_accuracy": 140.0, "above_accuracy": 93.7}
    assert meta.warnings == (
        "m.json: metrics.below_15_accuracy = 140 is not a rate",
        "m.json: metrics.below_accuracy repeats below_accuracy already recorded; the first is used",
    )


def test_parse_strict_json_keeps_plain_values() -> None:
    assert parse_strict_json(b'{"a": [1, 2.5, "x", null, true]}', "x.json") == {
        "a": [1, 2.5, "x", None, True]
    }
