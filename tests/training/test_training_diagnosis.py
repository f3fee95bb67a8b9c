"""Diagnoses of a training run on logs with known shapes (the source document's run first)."""

from __future__ import annotations

import csv
import json
import math
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import CATALOG, fields
from jetx_diag.report.training import finding_text
from jetx_diag.results import from_dict, to_dict
from jetx_diag.training.checks import (
    check_artifacts,
    class_balance,
    recorded_vs_measured,
    width_mismatch,
)
from jetx_diag.training.diagnosis import diagnose
from jetx_diag.training.epochs import (
    best_epoch,
    count_switches,
    epoch_status,
    metric_mode,
    needed_patience,
    replay_early_stopping,
)
from jetx_diag.training.findings import Finding, TrainingDiagnosis
from jetx_diag.training.logs import load_run
from jetx_diag.training.stage_log import StageLog, TrainingRun


def doc_stage1() -> list[dict[str, Any]]:
    """A made-up stage-1 log with the document's shape.

    Below/above accuracy rise to a balanced peak at epoch 6 (54.3% / 42.9%), swing between
    lopsided calls (7–20), call only "below" (21–30, the document's "Epoch 21: 100% / 0%"),
    flip between only-above and only-below every epoch (31–75), are 96.1% / 2.2% at 76 and
    call only "above" from 77 to the stop at 92. val_regression_mae, which the run monitored
    with patience 50, is best at epoch 42 (9.268), so EarlyStopping fired at 92.
    """
    rows = []
    for epoch in range(1, 93):
        if epoch <= 5:
            below = (0.20, 0.30, 0.35, 0.40, 0.45)[epoch - 1]
            above = (0.80, 0.70, 0.60, 0.50, 0.40)[epoch - 1]
        elif epoch == 6:
            below, above = 0.543, 0.429
        elif epoch <= 20:
            below, above = (0.10, 0.90) if epoch % 2 else (0.85, 0.15)
        elif epoch <= 30:
            below, above = 1.0, 0.0
        elif epoch <= 75:
            below, above = (0.0, 1.0) if epoch % 2 else (1.0, 0.0)
        elif epoch == 76:
            below, above = 0.961, 0.022
        else:
            below, above = 0.0, 1.0
        distance = 42 - epoch
        mae = 9.268 + (0.05 * distance if distance >= 0 else 0.01 * -distance)
        rows.append(
            {
                "epoch": epoch - 1,  # CSVLogger counts from 0
                "loss": round(2.0 - 0.01 * epoch, 6),
                "val_loss": round(2.5 + 0.005 * epoch, 6),
                "below_accuracy": min(1.0, below + 0.05),
                "above_accuracy": max(0.0, above - 0.05),
                "val_regression_mae": round(mae, 6),
                "val_below_accuracy": below,
                "val_above_accuracy": above,
                "val_threshold_accuracy": round(0.351 * below + 0.649 * above, 6),
                "lr": 0.0001,
            }
        )
    return rows


def write_csv(path: Path, rows: list[dict[str, Any]]) -> Path:
    with path.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    return path


DOC_METADATA = {
    "total_epochs": {"stage1": 92},
    "callbacks": {"stage1": {"monitor": "val_regression_mae", "patience": 50}},
    "class_weights": {"stage3": {"below": 44.13, "above": 0.76}},
    "class_counts": {"below": 2135, "above": 3956},
}


@pytest.fixture
def doc_run_dir(tmp_path: Path) -> Path:
    write_csv(tmp_path / "stage1.csv", doc_stage1())
    (tmp_path / "progressive_model_info.json").write_text(json.dumps(DOC_METADATA))
    return tmp_path


def numbers(diagnosis: TrainingDiagnosis, code: str) -> dict[str, Any]:
    (finding,) = diagnosis.by_code(code)
    return finding.numbers


# --------------------------------------------------------------------------- the document's run


def test_best_epoch_6_stopped_at_92_86_past_the_peak(doc_run_dir: Path) -> None:
    diagnosis = diagnose(load_run(doc_run_dir))
    stage = diagnosis.stage("stage1")
    assert diagnosis.goal_metric == "val_worst_class_accuracy"
    assert (stage.best_epoch, stage.stop_epoch, stage.epochs_past_peak) == (6, 92, 86)
    assert stage.best_value == pytest.approx(0.429)
    (finding,) = diagnosis.by_code("stopped_past_peak")
    assert finding.severity == "critical"
    # Hand replay of EarlyStopping on min(below, above) = .20 .30 .35 .40 .40 .429 .10 .15:
    # patience 1 stops at 5 keeping epoch 4; patience 2 reaches 6 and stops at 6 + 2 = 8.
    assert finding.numbers == {
        "goal_metric": "val_worst_class_accuracy",
        "best_epoch": 6,
        "best_value": pytest.approx(0.429),
        "stop_epoch": 92,
        "epochs_past_peak": 86,
        "final_value": 0.0,
        "patience_needed": 2,
        "stop_with_needed": 8,
        "epochs_saved": 84,
    }
    text = finding_text(finding)
    assert "peaked at epoch 6 (42.9%)" in text
    assert "ran to epoch 92: 86 epochs past the peak" in text
    assert "patience 2 would have kept epoch 6 and stopped at epoch 8" in text


def test_collapse_is_detected(doc_run_dir: Path) -> None:
    diagnosis = diagnose(load_run(doc_run_dir))
    (finding,) = diagnosis.by_code("collapse")
    assert finding.severity == "critical"
    # 21–30 only below (10), 31–75 alternate (23 above, 22 below), 77–92 only above (16).
    assert finding.numbers == {
        "collapse_count": 71,
        "checked_epochs": 92,
        "all_above": 39,
        "all_below": 32,
        "first_collapse_epoch": 21,
        "last_status": "all_above",
        "spans": "21–75, 77–92",
    }
    assert finding.epochs == (*range(21, 76), *range(77, 93))
    assert diagnosis.stage("stage1").collapse_epochs == finding.epochs


def test_oscillation_is_detected(doc_run_dir: Path) -> None:
    diagnosis = diagnose(load_run(doc_run_dir))
    (finding,) = diagnosis.by_code("oscillation")
    # 30 (below) → 31 (above) is the first flip, then every epoch flips up to 75; 75 → 77
    # (both above; 76 is no collapse) does not.
    assert finding.numbers == {
        "switches": 45,
        "first_switch_epoch": 31,
        "last_switch_epoch": 75,
        "largest_swing": 1.0,
    }
    assert finding.epochs == tuple(range(31, 76))
    assert "swung between 0% and 100% 45 times between epochs 31 and 75" in finding_text(finding)


def test_checkpoint_chosen_by_mae_not_by_the_goal(doc_run_dir: Path) -> None:
    diagnosis = diagnose(load_run(doc_run_dir))
    stage = diagnosis.stage("stage1")
    assert (stage.monitor, stage.monitor_source, stage.checkpoint_epoch) == (
        "val_regression_mae",
        "metadata",
        42,
    )
    (finding,) = diagnosis.by_code("monitor_not_goal")
    assert finding.severity == "critical"  # the kept epoch calls only "below"
    assert finding.numbers == {
        "monitor": "val_regression_mae",
        "checkpoint_epoch": 42,
        "goal_metric": "val_worst_class_accuracy",
        "best_epoch": 6,
        "best_value": pytest.approx(0.429),
        "goal_at_checkpoint": 0.0,
        "goal_gap": pytest.approx(0.429),
        "checkpoint_status": "all_below",
    }
    assert "(only 'below' calls (collapsed))" in finding_text(finding)
    assert "(hep 1.5 altı (ters uç))" in finding_text(finding, "tr")


def test_recorded_early_stopping_is_replayed(doc_run_dir: Path) -> None:
    diagnosis = diagnose(load_run(doc_run_dir))
    replay = diagnosis.stage("stage1").replay
    assert replay is not None
    assert (replay.monitor, replay.mode, replay.patience) == ("val_regression_mae", "min", 50)
    assert (replay.best_epoch, replay.stop_epoch) == (42, 92)  # 42 + 50 = 92, as in the document
    assert numbers(diagnosis, "early_stopping_consistent")["replay_best_epoch"] == 42
    other = diagnose(load_run(doc_run_dir), patience=10)
    assert numbers(other, "early_stopping_inconsistent")["replay_stop"] == "epoch 52"


def test_class_weights_44x_for_a_35_1_64_9_split_are_flagged(doc_run_dir: Path) -> None:
    diagnosis = diagnose(load_run(doc_run_dir))
    balance = diagnosis.class_balance
    assert balance is not None and balance.source == "metadata"
    assert (balance.below.hits, balance.below.total, balance.above) == (2135, 6091, 3956)
    assert balance.below.text(1) == "35.1% (2135/6091)"
    assert balance.imbalance_ratio == pytest.approx(3956 / 2135)  # 1:1.85
    assert balance.balanced_below_weight == pytest.approx(6091 / (2 * 2135))  # 1.426
    assert balance.balanced_above_weight == pytest.approx(6091 / (2 * 3956))  # 0.770
    (finding,) = diagnosis.by_code("class_weight_excessive")
    assert finding.severity == "critical" and finding.stage == "stage3"
    # 44.13 / 0.76 = 58.07 below-vs-above; balanced: 3956 / 2135 = 1.853; 58.07 / 1.853 = 31.3.
    assert finding.numbers["weight_ratio"] == pytest.approx(44.13 / 0.76)
    assert finding.numbers["overweight"] == pytest.approx((44.13 / 0.76) / (3956 / 2135))
    assert round(finding.numbers["overweight"], 1) == 31.3
    text = finding_text(finding)
    assert "44.13x (below) and 0.76x (above)" in text
    assert "imbalance 1:1.85" in text and "over-weighted 31.3x" in text
    assert numbers(diagnosis, "class_balance")["below_share"] == pytest.approx(2135 / 6091)


def test_class_weights_from_labels_and_options() -> None:
    labels = np.array([0] * 351 + [1] * 649)
    balance = class_balance(labels)
    assert balance is not None and balance.source == "train_labels"
    assert balance.imbalance_ratio == pytest.approx(649 / 351)
    run_dir_free = _tiny_run()  # no directory: only the weights are checked
    flagged = diagnose(run_dir_free, train_labels=labels, class_weights={0: 44.13, 1: 0.76})
    (check,) = flagged.class_weights
    assert check.stage is None and check.flagged
    assert numbers(flagged, "class_weight_excessive")["where"] == "all stages"
    gentle = diagnose(run_dir_free, train_labels=labels, class_weights={"below": 3.0})
    (check,) = gentle.class_weights
    assert check.above_assumed and check.above_weight == 1.0
    assert check.overweight == pytest.approx(3.0 / (649 / 351))  # 1.62: fine
    assert not check.flagged and not gentle.by_code("class_weight_excessive")
    unchecked = diagnose(run_dir_free, class_weights={"below": 3.0, "above": 1.5})
    assert numbers(unchecked, "class_weights_unchecked")["weight_ratio"] == 2.0


def test_training_labels_must_be_binary_and_hold_both_classes() -> None:
    with pytest.raises(UsageError, match="training labels must be 0/1"):
        diagnose(_tiny_run(), train_labels=[0, 1, 2.5])
    diagnosis = diagnose(_tiny_run(), train_labels=[1, 1, 1])
    assert numbers(diagnosis, "class_missing_in_training") == {
        "missing_class": "below",
        "total": 3,
    }


def test_progress_table_rows(doc_run_dir: Path) -> None:
    stage = diagnose(load_run(doc_run_dir)).stage("stage1")
    rows = [(r.epoch, r.until_epoch, r.status, r.marks) for r in stage.rows]
    # 7–20 swing between mostly-above and mostly-below every epoch; 31–75 between only-above
    # and only-below, and 76 (96.1% / 2.2%) swings once more.
    assert rows == [
        (1, None, "lopsided_above", ("first",)),
        (2, 6, "balanced", ()),
        (6, None, "balanced", ("best",)),
        (7, 20, "oscillating", ()),
        (21, 30, "all_below", ()),
        (31, 76, "oscillating", ()),
        (42, None, "all_below", ("checkpoint",)),
        (77, 92, "all_above", ()),
        (92, None, "all_above", ("final",)),
    ]
    best = stage.rows[2]
    assert (best.below_accuracy, best.above_accuracy) == (0.543, 0.429)
    assert best.money_loss_risk == pytest.approx(0.457)  # 1 − 54.3%: the document's 45.7%
    assert stage.omitted_transitions == 0
    assert len(stage.statuses) == 92 and stage.statuses[20] == "all_below"
    assert {f"training.status.{r.status}" for r in stage.rows} <= set(CATALOG["en"])


def test_threshold_accuracy_as_goal_picks_a_collapsed_epoch(doc_run_dir: Path) -> None:
    diagnosis = diagnose(load_run(doc_run_dir), goal_metric="val_threshold_accuracy")
    stage = diagnosis.stage("stage1")
    # Calling every round "above" scores 64.9%: first reached at epoch 31.
    assert (stage.best_epoch, stage.best_value) == (31, pytest.approx(0.649))
    assert numbers(diagnosis, "best_epoch_collapsed")["status"] == "all_above"


def test_monitor_option_overrides_metadata(doc_run_dir: Path) -> None:
    same = diagnose(load_run(doc_run_dir), monitor="val_worst_class_accuracy")
    assert same.stage("stage1").monitor_source == "option"
    assert same.stage("stage1").checkpoint_epoch == 6
    assert not same.by_code("monitor_not_goal")
    by_threshold = diagnose(load_run(doc_run_dir), monitor={"stage1": "val_threshold_accuracy"})
    assert numbers(by_threshold, "monitor_not_goal")["checkpoint_epoch"] == 31
    missing = diagnose(load_run(doc_run_dir), monitor="val_threshold_auc")
    assert numbers(missing, "monitor_not_logged") == {"monitor": "val_threshold_auc"}


# --------------------------------------------------------------------------- other log shapes


def _tiny_run() -> TrainingRun:
    stage = StageLog(
        name="stage1",
        source="mem",
        format="csv",
        epochs=(1, 2, 3),
        metrics={"loss": (0.9, 0.8, 0.7), "val_loss": (1.0, 0.9, 0.95)},
    )
    return TrainingRun(stages=(stage,))


def test_log_without_class_accuracy_uses_the_metrics_that_are_there(tmp_path: Path) -> None:
    (tmp_path / "stage1.csv").write_text(
        "epoch,loss,val_loss,val_threshold_accuracy\n"
        "0,0.9,1.0,0.55\n1,0.8,0.9,0.60\n2,0.7,0.95,0.58\n3,0.6,0.97,0.57\n"
    )
    diagnosis = diagnose(load_run(tmp_path))
    assert diagnosis.goal_metric == "val_threshold_accuracy"
    stage = diagnosis.stage("stage1")
    assert (stage.best_epoch, stage.stop_epoch) == (2, 4)
    assert diagnosis.by_code("no_class_accuracy_logged")
    assert not diagnosis.by_code("collapse")
    assert {r.status for r in stage.rows} == {"not_logged"}
    assert stage.rows[0].below_accuracy is None and stage.rows[0].money_loss_risk is None
    assert numbers(diagnosis, "monitor_unknown") == {"goal_metric": "val_threshold_accuracy"}
    assert numbers(diagnosis, "stopped_past_peak")["epochs_past_peak"] == 2
    assert diagnosis.by_code("stopped_past_peak")[0].severity == "info"


def test_loss_only_log_falls_back_to_val_loss() -> None:
    diagnosis = diagnose(_tiny_run())
    stage = diagnosis.stage("stage1")
    assert (diagnosis.goal_metric, stage.goal_mode) == ("val_loss", "min")
    assert (stage.best_epoch, stage.best_value) == (2, 0.9)


def test_single_epoch(tmp_path: Path) -> None:
    (tmp_path / "stage1.csv").write_text(
        "epoch,loss,val_below_accuracy,val_above_accuracy\n0,0.5,0.4,0.7\n"
    )
    diagnosis = diagnose(load_run(tmp_path))
    assert numbers(diagnosis, "too_few_epochs") == {"epochs_logged": 1}
    stage = diagnosis.stage("stage1")
    assert (stage.best_epoch, stage.stop_epoch, stage.epochs_past_peak) == (1, 1, 0)
    assert not diagnosis.by_code("stopped_past_peak") and not diagnosis.by_code("peak_at_end")
    assert [(r.epoch, r.marks) for r in stage.rows] == [(1, ("first", "best", "final"))]


def test_nan_losses(tmp_path: Path) -> None:
    (tmp_path / "stage1.csv").write_text(
        "epoch,loss,val_loss\n0,0.9,1.0\n1,0.8,0.9\n2,nan,nan\n3,nan,nan\n"
    )
    diagnosis = diagnose(load_run(tmp_path))
    by_column = {f.numbers["column"]: f for f in diagnosis.by_code("values_not_finite")}
    assert by_column["loss"].severity == "critical"
    assert by_column["loss"].numbers == {
        "column": "loss",
        "count": 2,
        "first_epoch": 3,
        "spans": "3–4",
    }
    assert "first at epoch 3 (3–4)" in finding_text(by_column["val_loss"])
    stage = diagnosis.stage("stage1")
    assert (stage.best_epoch, stage.final_value) == (2, 0.9)
    # NaN epochs count as "no improvement" for EarlyStopping: patience 0 keeps epoch 2 and stops
    # at the first NaN epoch.
    assert (stage.patience_needed, stage.stop_with_needed) == (0, 3)
    assert any("loss is not finite (NaN/inf) at epochs 3–4" in n for n in diagnosis.notes)


def test_goal_still_improving_at_the_end() -> None:
    stage = StageLog("s", "mem", "csv", (1, 2, 3), {"val_loss": (1.0, 0.9, 0.8)})
    diagnosis = diagnose(TrainingRun((stage,)))
    assert numbers(diagnosis, "peak_at_end") == {
        "goal_metric": "val_loss",
        "stop_epoch": 3,
        "best_value": 0.8,
    }


def test_sparse_class_accuracy_and_an_unlogged_checkpoint_epoch(tmp_path: Path) -> None:
    # The source's ProgressiveMetricsCallback measured below/above every 5 epochs (1, 6, 11 …);
    # CSVLogger writes NA for the other epochs.
    lines = ["epoch,val_loss,val_below_accuracy,val_above_accuracy"]
    values = {0: (0.132, 0.857), 5: (0.854, 0.129), 10: (0.0, 1.0), 15: (0.0, 1.0)}
    for index in range(18):
        below, above = values.get(index, ("NA", "NA"))
        lines.append(f"{index},{1.0 - 0.01 * index if index != 11 else 0.5},{below},{above}")
    (tmp_path / "stage3.csv").write_text("\n".join(lines) + "\n")
    diagnosis = diagnose(load_run(tmp_path), monitor="val_loss")
    stage = diagnosis.stage("stage3")
    assert stage.statuses.count("not_logged") == 14
    assert (stage.best_epoch, stage.checkpoint_epoch) == (1, 12)  # min(13.2, 85.7) = 13.2 wins
    finding = numbers(diagnosis, "checkpoint_goal_not_logged")
    assert finding["checkpoint_epoch"] == 12 and finding["best_epoch"] == 1
    rows = [(r.epoch, r.until_epoch, r.status, r.marks) for r in stage.rows]
    assert rows == [
        (1, None, "lopsided_above", ("first", "best")),
        (6, None, "lopsided_below", ()),
        (11, 16, "all_above", ()),
        (12, None, "not_logged", ("checkpoint",)),
        (18, None, "not_logged", ("final",)),
    ]


def test_metadata_epochs_disagree_with_the_log(doc_run_dir: Path) -> None:
    meta = dict(DOC_METADATA, total_epochs={"stage1": 100})
    (doc_run_dir / "progressive_model_info.json").write_text(json.dumps(meta))
    diagnosis = diagnose(load_run(doc_run_dir))
    assert numbers(diagnosis, "epochs_disagree") == {"recorded_epochs": 100, "logged_epochs": 92}


def test_goal_and_mode_errors(doc_run_dir: Path) -> None:
    with pytest.raises(UsageError, match="goal metric 'val_auc' is in no training log"):
        diagnose(load_run(doc_run_dir), goal_metric="val_auc")
    with pytest.raises(UsageError, match="goal mode"):
        diagnose(load_run(doc_run_dir), goal_mode="up")


# --------------------------------------------------------------------------- artifacts


def test_missing_artifacts_with_document_defaults(doc_run_dir: Path) -> None:
    (doc_run_dir / "jetx_progressive_final.keras").write_bytes(b"x")  # Keras 3 name counts
    (doc_run_dir / "scaler_progressive.pkl").write_bytes(b"x")
    diagnosis = diagnose(load_run(doc_run_dir))
    artifacts = diagnosis.artifacts
    assert artifacts is not None and artifacts.source == "default"
    assert artifacts.expected == (
        "jetx_progressive_final.h5",
        "scaler_progressive.pkl",
        "progressive_model_info.json",
        "stage1_best.h5",
    )
    assert artifacts.present == (
        "jetx_progressive_final.keras",
        "scaler_progressive.pkl",
        "progressive_model_info.json",
    )
    (finding,) = diagnosis.by_code("missing_artifacts")
    assert finding.severity == "warning" and finding.items == ("stage1_best.h5",)
    assert finding.numbers["missing_list"] == "stage1_best.h5"


def test_missing_artifacts_from_metadata_list_and_option(doc_run_dir: Path) -> None:
    meta = dict(DOC_METADATA, files=["final.h5", "scaler.pkl"])
    (doc_run_dir / "progressive_model_info.json").write_text(json.dumps(meta))
    diagnosis = diagnose(load_run(doc_run_dir))
    (finding,) = diagnosis.by_code("missing_artifacts")
    assert finding.severity == "critical"  # no model file at all
    assert finding.items == ("final.h5", "scaler.pkl")
    assert diagnosis.artifacts is not None and diagnosis.artifacts.source == "metadata"
    given = diagnose(load_run(doc_run_dir), expected_files=["stage1.csv"])
    assert given.artifacts is not None and given.artifacts.missing == ()
    assert not given.by_code("missing_artifacts")


def test_no_run_directory_means_no_artifact_check() -> None:
    diagnosis = diagnose(_tiny_run())
    assert diagnosis.artifacts is None
    assert "no run directory: expected files not checked" in diagnosis.notes


def test_check_artifacts(tmp_path: Path) -> None:
    (tmp_path / "m.h5").write_bytes(b"")
    check = check_artifacts(tmp_path, ["m.keras", "s.joblib"], "option")
    assert (check.present, check.missing) == (("m.h5",), ("s.joblib",))


def test_contents_disagree_hooks(doc_run_dir: Path) -> None:
    assert width_mismatch(42, 42) is None
    finding = width_mismatch(42, 40)
    assert finding is not None and finding.numbers == {"scaler_width": 42, "model_width": 40}
    recorded = {"below_15_accuracy": 0.0594, "threshold_accuracy": 0.593, "mae": 9.1}
    measured = {"below_accuracy": 0.0594, "threshold_accuracy": 0.62, "money_loss_risk": 0.9}
    (differs,) = recorded_vs_measured(recorded, measured)
    assert differs.numbers["metric"] == "threshold_accuracy"
    assert differs.numbers["difference"] == pytest.approx(0.027)
    assert "records threshold_accuracy = 59.30%, measured here 62.00% (difference +2.70%)" in (
        finding_text(differs)
    )
    meta = dict(DOC_METADATA, metrics=recorded)
    (doc_run_dir / "progressive_model_info.json").write_text(json.dumps(meta))
    diagnosis = diagnose(
        load_run(doc_run_dir), measured_metrics=measured, scaler_width=42, model_input_width=40
    )
    assert diagnosis.by_code("recorded_metric_differs") and diagnosis.by_code(
        "scaler_width_mismatch"
    )


# --------------------------------------------------------------------------- primitives


@pytest.mark.parametrize(
    ("below", "above", "status"),
    [
        (0.0, 1.0, "all_above"),
        (0.004, 0.998, "all_above"),
        (1.0, 0.0, "all_below"),
        (0.0, None, "all_above"),
        (0.0, 0.9, "lopsided_above"),
        (0.961, 0.022, "lopsided_below"),
        (0.3, 0.7, "balanced"),
        (0.543, 0.429, "balanced"),
        (None, 0.5, "not_logged"),
    ],
)
def test_epoch_status(below: float | None, above: float | None, status: str) -> None:
    assert epoch_status(below, above) == status


def test_count_switches_skips_other_epochs() -> None:
    statuses = ["all_above", "balanced", "all_above", "all_below", "not_logged", "all_above"]
    assert count_switches(statuses) == [3, 5]


def test_metric_mode_and_best_epoch() -> None:
    assert metric_mode("val_regression_mae") == "min"
    assert metric_mode("val_money_loss_risk") == "min"
    assert metric_mode("val_threshold_accuracy") == "max"
    assert best_epoch((1, 2, 3, 4), (0.5, 0.7, 0.7, None), "max") == (2, 0.7)  # first on ties
    assert best_epoch((1, 2), (None, None), "max") is None


def test_needed_patience_by_hand() -> None:
    epochs = tuple(range(1, 11))
    # Improvements at 1, 2, then a 3-epoch flat stretch before the peak at 6.
    values = (0.1, 0.2, 0.15, 0.15, 0.18, 0.3, 0.1, 0.1, 0.1, 0.1)
    assert replay_early_stopping(epochs, values, patience=3, mode="max") == (5, 2)
    assert needed_patience(epochs, values, mode="max") == (4, 10)
    assert needed_patience(epochs, values, mode="max", min_delta=0.2) is None
    assert needed_patience(epochs, (None,) * 10, mode="max") is None
    with pytest.raises(ValueError, match="patience"):
        replay_early_stopping(epochs, values, patience=-1, mode="max")


@pytest.mark.keras
def test_replay_matches_keras_early_stopping() -> None:
    from jetx_diag.artifacts.keras_env import import_keras

    keras = import_keras()
    rng = np.random.default_rng(7)

    class Model:
        stop_training = False

    for trial in range(30):
        values = [float(v) for v in np.round(rng.random(40), 2)]
        if trial % 3 == 0:
            values[5] = math.nan
        mode = "max" if trial % 2 else "min"
        patience, delta = int(rng.integers(0, 8)), float(rng.choice([0.0, 0.05]))
        callback = keras.callbacks.EarlyStopping(
            monitor="m", patience=patience, mode=mode, min_delta=delta
        )
        callback.set_model(Model())
        callback.on_train_begin()
        keras_stop = None
        for index, value in enumerate(values):
            callback.on_epoch_end(index, {"m": value})
            if callback.model.stop_training:
                keras_stop = index + 1
                break
        ours = replay_early_stopping(
            tuple(range(1, 41)),
            tuple(None if math.isnan(v) else v for v in values),
            patience=patience,
            mode=mode,
            min_delta=delta,
            not_finite=(6,) if trial % 3 == 0 else (),
        )
        assert ours == (keras_stop, callback.best_epoch + 1), (trial, values)


# --------------------------------------------------------------------------- text and results


def test_every_finding_text_has_both_languages_with_the_same_fields() -> None:
    codes = [k for k in CATALOG["en"] if k.startswith("training.finding.")]
    assert len(codes) >= 20
    for code in codes:
        assert code in CATALOG["tr"], code
        assert fields(CATALOG["en"][code]) == fields(CATALOG["tr"][code]), code


def test_all_findings_of_a_full_diagnosis_format(doc_run_dir: Path) -> None:
    meta = dict(DOC_METADATA, metrics={"threshold_accuracy": 0.593})
    (doc_run_dir / "progressive_model_info.json").write_text(json.dumps(meta))
    diagnosis = diagnose(
        load_run(doc_run_dir),
        measured_metrics={"threshold_accuracy": 0.7},
        scaler_width=3,
        model_input_width=4,
    )
    codes = {f.code for f in diagnosis.findings}
    assert len(codes) >= 10
    for finding in diagnosis.findings:
        assert finding.severity in ("critical", "warning", "info")
        for language in ("en", "tr"):
            text = finding_text(finding, language)
            assert "{" not in text and text.strip()


def test_diagnosis_round_trips_through_json(doc_run_dir: Path) -> None:
    diagnosis = diagnose(load_run(doc_run_dir))
    data = json.loads(json.dumps(to_dict(diagnosis)))
    back = from_dict(TrainingDiagnosis, data)
    assert back == diagnosis
    assert isinstance(back.findings[0], Finding)
    assert back.by_code("stopped_past_peak")[0].numbers["epochs_past_peak"] == 86


# --------------------------------------------------------------------------- the demo's metadata

#: The shape jetx_diag's own demo (demo_training.py) writes: per-stage records with Keras-shaped
#: callbacks, a class_balance block and an artifacts list.
DEMO_METADATA = {
    "total_epochs": {"stage1": 92},
    "stages": [
        {
            "stage": 1,
            "name": "foundation",
            "epochs_max": 100,
            "epochs_run": 92,
            "class_weights": {"below": 1.4265, "above": 0.7698},
            "callbacks": {
                "model_checkpoint": {
                    "filepath": "stage1_best.h5",
                    "monitor": "val_regression_mae",
                    "mode": "min",
                    "save_best_only": True,
                },
                "early_stopping": {
                    "monitor": "val_regression_mae",
                    "mode": "min",
                    "patience": 50,
                    "restore_best_weights": False,
                },
                "csv_logger": "stage1.csv",
            },
            "monitor": "val_regression_mae",
            "checkpoint": "stage1_best.h5",
        },
        {
            "stage": 3,
            "name": "full fine-tuning",
            "epochs_run": 20,
            "class_weights": {"below": 0.2853, "above": 0.7698},  # a fifth of balanced
            "monitor": "val_threshold_accuracy",
        },
    ],
    "class_balance": {"train_below": 2135, "train_above": 3956},
    "artifacts": ["history.db", "stage1.csv", "stage1_best.h5", "jetx_progressive_final.h5"],
}


def test_demo_shaped_metadata(doc_run_dir: Path) -> None:
    (doc_run_dir / "progressive_model_info.json").write_text(json.dumps(DEMO_METADATA))
    run = load_run(doc_run_dir)
    meta = run.metadata
    assert meta is not None
    assert meta.callbacks["stage1"].monitor == "val_regression_mae"
    assert meta.callbacks["stage1"].checkpoint_file == "stage1_best.h5"
    assert meta.callbacks["stage3"].monitor == "val_threshold_accuracy"
    assert meta.class_counts == {"below": 2135, "above": 3956}
    assert meta.stage_epochs == {"stage1": 92, "stage3": 20}
    assert meta.stage_epoch_limits == {"stage1": 100}
    diagnosis = diagnose(run)
    stage = diagnosis.stage("stage1")
    assert (stage.monitor, stage.checkpoint_epoch) == ("val_regression_mae", 42)
    assert diagnosis.stage("stage1").replay is not None
    assert diagnosis.by_code("early_stopping_consistent")
    checks = {c.stage: c for c in diagnosis.class_weights}
    assert (
        checks["stage1"].overweight == pytest.approx(1.0, abs=1e-3) and not checks["stage1"].flagged
    )
    assert checks["stage3"].overweight == pytest.approx(0.2, abs=1e-3) and checks["stage3"].flagged
    low = numbers(diagnosis, "class_weight_too_low")
    assert low["underweight"] == pytest.approx(5.0, abs=0.01)
    assert "under-weighted 5.0x" in finding_text(diagnosis.by_code("class_weight_too_low")[0])
    artifacts = diagnosis.artifacts
    assert artifacts is not None and artifacts.source == "metadata"
    assert artifacts.missing == ("history.db", "stage1_best.h5", "jetx_progressive_final.h5")


def _collapsed_run(limit: int) -> TrainingRun:
    from jetx_diag.artifacts.metadata import RunMetadata, StageCallbacks

    stage = StageLog(
        name="stage3",
        source="mem",
        format="csv",
        epochs=(1, 2, 3, 4),
        metrics={
            "val_below_accuracy": (0.0, 0.0, 0.0, 0.0),
            "val_above_accuracy": (1.0, 1.0, 1.0, 1.0),
            "val_threshold_accuracy": (0.640, 0.649, 0.649, 0.645),
        },
    )
    callbacks = StageCallbacks(
        monitor="val_threshold_accuracy", patience=50, checkpoint_monitor="val_threshold_accuracy"
    )
    meta = RunMetadata(
        path="mem",
        sha256="",
        size_bytes=0,
        raw={},
        callbacks={"stage3": callbacks},
        stage_epoch_limits={"stage3": limit},
    )
    return TrainingRun(stages=(stage,), metadata=meta)


def test_collapsed_all_along_has_no_peak_and_early_stopping_never_fired() -> None:
    diagnosis = diagnose(_collapsed_run(limit=4))
    stage = diagnosis.stage("stage3")
    assert stage.best_epoch is None and stage.best_value is None and stage.final_value == 0.0
    assert numbers(diagnosis, "goal_flat") == {
        "goal_metric": "val_worst_class_accuracy",
        "value": 0.0,
        "epochs_logged": 4,
    }
    for code in ("stopped_past_peak", "best_epoch_collapsed", "monitor_not_goal"):
        assert not diagnosis.by_code(code), code
    assert stage.checkpoint_epoch == 2  # val_threshold_accuracy 64.9%: calling all "above"
    assert numbers(diagnosis, "collapse")["all_above"] == 4
    never = numbers(diagnosis, "early_stopping_never_fired")
    assert never["replay_best_epoch"] == 2 and never["epochs_logged"] == 4
    assert "ran to its epoch limit" in finding_text(
        diagnosis.by_code("early_stopping_never_fired")[0]
    )
    assert [(r.epoch, r.until_epoch, r.marks) for r in stage.rows] == [
        (1, 4, ("first",)),
        (2, None, ("checkpoint",)),
        (4, None, ("final",)),
    ]


def test_log_ending_before_the_epoch_limit_without_a_stop_is_inconsistent() -> None:
    diagnosis = diagnose(_collapsed_run(limit=80))
    assert numbers(diagnosis, "early_stopping_inconsistent")["replay_stop"] == "no epoch"
