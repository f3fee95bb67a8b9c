"""Learning curves: checked through axes, lines, labels and markers, not pixels."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from matplotlib.axes import Axes
from matplotlib.lines import Line2D
from matplotlib.patches import Rectangle

from jetx_diag.report.figures.base import figure_png
from jetx_diag.report.figures.training import curve_labels, learning_curves_figure
from jetx_diag.training.diagnosis import diagnose
from jetx_diag.training.logs import load_run
from jetx_diag.training.stage_log import StageLog, TrainingRun


def stage_one() -> StageLog:
    """12 epochs: balanced peak at 3, only "above" from 6 to 9, MAE best at 8."""
    below = (0.30, 0.40, 0.50, 0.45, 0.20, 0.0, 0.0, 0.0, 0.0, 0.10, 0.20, 0.15)
    above = (0.60, 0.50, 0.45, 0.40, 0.80, 1.0, 1.0, 1.0, 1.0, 0.90, 0.85, 0.90)
    mae = (9.0, 8.9, 8.8, 8.7, 8.6, 8.5, 8.4, 8.3, 8.35, 8.4, 8.45, 8.5)
    return StageLog(
        name="stage1",
        source="mem",
        format="csv",
        epochs=tuple(range(1, 13)),
        metrics={
            "loss": tuple(1.0 - 0.05 * i for i in range(12)),
            "val_loss": tuple(1.1 - 0.02 * i for i in range(12)),
            "below_accuracy": tuple(min(1.0, b + 0.1) for b in below),
            "above_accuracy": tuple(max(0.0, a - 0.1) for a in above),
            "val_below_accuracy": below,
            "val_above_accuracy": above,
            "val_regression_mae": mae,
        },
        roles={
            "loss": "loss",
            "val_loss": "val_loss",
            "below_accuracy": "below_accuracy",
            "above_accuracy": "above_accuracy",
            "val_below_accuracy": "val_below_accuracy",
            "val_above_accuracy": "val_above_accuracy",
        },
    )


def stage_two() -> StageLog:
    """5 epochs, validation only, below/above measured on epochs 1 and 4 (None elsewhere)."""
    return StageLog(
        name="stage2",
        source="mem",
        format="history_json",
        epochs=(1, 2, 3, 4, 5),
        metrics={
            "val_below_accuracy": (0.692, None, None, 0.11, None),
            "val_above_accuracy": (0.300, None, None, 0.882, None),
        },
        roles={
            "val_below_accuracy": "val_below_accuracy",
            "val_above_accuracy": "val_above_accuracy",
        },
    )


def lines(axes: Axes) -> dict[str, Line2D]:
    return {line.get_label(): line for line in axes.get_lines()}


def vertical_lines(axes: Axes) -> dict[str, float]:
    return {
        line.get_label(): float(line.get_xdata()[0])
        for line in axes.get_lines()
        if len(set(line.get_xdata())) == 1 and len(line.get_xdata()) == 2
    }


def test_one_stage_has_loss_and_goal_axes_with_markers() -> None:
    run = TrainingRun(stages=(stage_one(),))
    diagnosis = diagnose(run, monitor="val_regression_mae")
    figure = learning_curves_figure(run, diagnosis)
    loss_axes, goal_axes = figure.axes
    assert loss_axes.get_title() == "stage1: loss"
    assert goal_axes.get_title() == "stage1: val_worst_class_accuracy"
    assert goal_axes.get_ylabel() == "val_worst_class_accuracy"
    assert goal_axes.get_ylim() == pytest.approx((-0.03, 1.03))  # shares on their whole scale
    assert loss_axes.get_xlabel() == goal_axes.get_xlabel() == "epoch"

    for axes in (loss_axes, goal_axes):
        assert {"train", "validation"} <= set(lines(axes))
        # min(below, above) peaks at epoch 3 (45%); the stop is the last epoch; MAE kept epoch 8.
        assert vertical_lines(axes) == {
            "best epoch 3": 3.0,
            "stopped at epoch 12": 12.0,
            "kept checkpoint (val_regression_mae): epoch 8": 8.0,
        }
        legend = axes.get_legend()
        assert legend is not None
        assert "best epoch 3" in [t.get_text() for t in legend.get_texts()]

    validation = lines(goal_axes)["validation"]
    assert list(validation.get_xdata()) == list(range(1, 13))
    assert list(validation.get_ydata()) == pytest.approx(
        [0.30, 0.40, 0.45, 0.40, 0.20, 0.0, 0.0, 0.0, 0.0, 0.10, 0.20, 0.15]
    )
    assert validation.get_marker() in (None, "None", "")  # every epoch logged: a plain line
    # The below-accuracy beside the goal shows which side the model collapsed to.
    below_line = lines(goal_axes)["validation below-accuracy"]
    assert list(below_line.get_ydata())[5:9] == [0.0, 0.0, 0.0, 0.0]
    assert "validation below-accuracy" not in lines(loss_axes)
    train = lines(goal_axes)["train"]
    assert list(train.get_ydata()) == pytest.approx(
        [0.40, 0.40, 0.35, 0.30, 0.30, 0.10, 0.10, 0.10, 0.10, 0.20, 0.30, 0.25]
    )

    spans = [p for p in goal_axes.patches if isinstance(p, Rectangle)]
    assert len(spans) == 1  # epochs 6–9
    assert spans[0].get_x() == pytest.approx(5.5) and spans[0].get_width() == pytest.approx(4.0)
    assert "only one class called" in [t.get_text() for t in goal_axes.get_legend().get_texts()]
    assert not loss_axes.patches


def test_two_stages_sparse_series_and_missing_loss() -> None:
    run = TrainingRun(stages=(stage_one(), stage_two()))
    diagnosis = diagnose(run)
    figure = learning_curves_figure(run, diagnosis)
    assert len(figure.axes) == 4
    loss2, goal2 = figure.axes[2], figure.axes[3]
    assert loss2.get_title() == "stage2: loss"
    assert [t.get_text() for t in loss2.texts] == ["not logged"]
    assert not [line for line in loss2.get_lines() if line.get_label() in ("train", "validation")]
    validation = lines(goal2)["validation"]
    assert list(validation.get_xdata()) == [1, 4]  # unlogged epochs are left out
    assert validation.get_marker() == "o"  # so the isolated points stay visible
    assert "train" not in lines(goal2)
    assert list(lines(goal2)["validation below-accuracy"].get_xdata()) == [1, 4]
    # Stage 2's best is epoch 1 (min 30.0%), it stopped at 5; no checkpoint monitor known.
    assert vertical_lines(goal2) == {"best epoch 1": 1.0, "stopped at epoch 5": 5.0}


def test_turkish_labels() -> None:
    run = TrainingRun(stages=(stage_one(),))
    figure = learning_curves_figure(run, diagnose(run), curve_labels("tr"))
    loss_axes, goal_axes = figure.axes
    assert set(lines(goal_axes)) >= {"eğitim", "doğrulama", "en iyi epoch: 3"}
    assert "durduğu epoch: 12" in vertical_lines(loss_axes)
    assert loss_axes.get_ylabel() == "loss (kayıp)"


def test_document_run_from_files(tmp_path: Path) -> None:
    lines_csv = ["epoch,loss,val_loss,val_below_accuracy,val_above_accuracy"]
    below_above = [(0.2, 0.8), (0.543, 0.429), (1.0, 0.0), (0.0, 1.0), (0.0, 1.0)]
    for index, (below, above) in enumerate(below_above):
        lines_csv.append(f"{index},{1 - 0.1 * index},{1 + 0.1 * index},{below},{above}")
    (tmp_path / "stage1.csv").write_text("\n".join(lines_csv) + "\n")
    run = load_run(tmp_path)
    figure = learning_curves_figure(run, diagnose(run))
    goal_axes = figure.axes[1]
    assert vertical_lines(goal_axes) == {"best epoch 2": 2.0, "stopped at epoch 5": 5.0}
    assert len(goal_axes.patches) == 1  # epochs 3–5 in one span
    png = figure_png(figure)
    assert png.startswith(b"\x89PNG")


def test_a_run_without_stages_is_refused() -> None:
    run = TrainingRun(stages=(stage_one(),))
    with pytest.raises(ValueError, match="no stages"):
        learning_curves_figure(TrainingRun(stages=()), diagnose(run))


def test_no_pyplot() -> None:
    code = (
        "import sys\n"
        "from jetx_diag.training.logs import StageLog, TrainingRun\n"
        "from jetx_diag.training.diagnosis import diagnose\n"
        "from jetx_diag.report.figures.training import learning_curves_figure\n"
        "s = StageLog('s', 'mem', 'csv', (1, 2), {'loss': (1.0, 0.5), 'val_loss': (1.0, 0.9)})\n"
        "run = TrainingRun((s,))\n"
        "learning_curves_figure(run, diagnose(run))\n"
        "print('matplotlib.pyplot' in sys.modules)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parent,  # not the repository root: the installed package is under test
    )
    assert result.stdout.strip() == "False"
