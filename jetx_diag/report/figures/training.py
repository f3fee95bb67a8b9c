"""Learning curves of a training run: one row per stage, loss and goal metric side by side.

Drawn from a :class:`TrainingDiagnosis` (and its :class:`TrainingRun` when at hand; without it
the series saved in ``StageDiagnosis.curves`` are drawn) — nothing is computed here but which
points to draw: train and validation series, the best epoch, the stop epoch, the kept
checkpoint when it is another epoch, and shaded spans where the model called only one class.
Plain ``Figure`` objects on an Agg canvas, never pyplot (see :mod:`jetx_diag.report.figures.base`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, fields
from typing import Protocol

from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from jetx_diag.i18n.messages import messages
from jetx_diag.report.figures.base import PNG_DPI
from jetx_diag.training.findings import StageDiagnosis, TrainingDiagnosis
from jetx_diag.training.stage_log import TrainingRun

_TRAIN_COLOR = "#7f8c8d"
_VALIDATION_COLOR = "#2e86c1"
_BEST_COLOR = "#1e8449"
_STOP_COLOR = "#c0392b"
_CHECKPOINT_COLOR = "#d68910"
_COLLAPSE_COLOR = "#f5b7b1"
_BELOW_COLOR = "#922b21"


@dataclass(frozen=True)
class CurveLabels:
    """Texts of the learning curves in the report's language; ``{…}`` fields are filled in."""

    title: str  # {stage}, {what}
    loss: str
    epoch: str
    train: str
    validation: str
    best: str  # {epoch}
    stop: str  # {epoch}
    checkpoint: str  # {monitor}, {epoch}
    collapsed: str
    below_accuracy: str
    not_logged: str


def curve_labels(lang: str = "en") -> CurveLabels:
    """The labels in ``lang``, from the catalog keys ``plots.curves_<field>`` (kept as
    templates: the figure fills in the epochs)."""
    msg = messages(lang)
    return CurveLabels(
        **{f.name: msg.template(f"plots.curves_{f.name}") for f in fields(CurveLabels)}
    )


class _Series(Protocol):
    """What the curves need of a stage: a :class:`StageLog`, or :class:`SavedCurves`."""

    @property
    def name(self) -> str: ...
    @property
    def epochs(self) -> tuple[int, ...]: ...
    def series(self, name: str) -> tuple[float | None, ...] | None: ...
    def column(self, name: str) -> str | None: ...


@dataclass(frozen=True)
class SavedCurves:
    """The series a :class:`StageDiagnosis` saved, offered the way a :class:`StageLog` offers
    its columns (a saved diagnosis has no log file to read)."""

    result: StageDiagnosis

    @property
    def name(self) -> str:
        return self.result.stage

    @property
    def epochs(self) -> tuple[int, ...]:
        return self.result.epochs

    def series(self, name: str) -> tuple[float | None, ...] | None:
        return self.result.curves.get(name)

    def column(self, name: str) -> str | None:
        return name if name in self.result.curves else None


def learning_curves_figure(
    run: TrainingRun | None,
    diagnosis: TrainingDiagnosis,
    labels: CurveLabels | None = None,
    *,
    stages: Sequence[str] | None = None,
) -> Figure:
    """Loss (left) and goal metric (right) per stage, train and validation, epochs 1-based.

    Each axes marks the stage's best epoch (by the goal metric) and its stop epoch with
    vertical lines, and the checkpoint epoch when the checkpoint monitor kept another one.
    The goal axes shade the epochs where the model called only one class. ``run`` ``None``
    draws the series saved in the diagnosis; ``stages`` limits the figure to those stages.
    """
    text = labels or curve_labels("en")
    logs: list[_Series] = (
        [SavedCurves(stage) for stage in diagnosis.stages] if run is None else list(run.stages)
    )
    if stages is not None:
        logs = [log for log in logs if log.name in stages]
    if not logs:
        raise ValueError("the run has no stages to draw")
    found = {stage.stage: stage for stage in diagnosis.stages}
    figure = Figure(figsize=(10.0, 4.2 * len(logs)), dpi=PNG_DPI, layout="constrained")
    FigureCanvasAgg(figure)
    grid = figure.subplots(len(logs), 2, squeeze=False)
    for row, stage in enumerate(logs):
        result = found.get(stage.name)
        loss_axes, goal_axes = grid[row]
        _series_axes(loss_axes, stage, "loss", text)
        loss_axes.set_title(text.title.format(stage=stage.name, what=text.loss))
        loss_axes.set_ylabel(text.loss)
        goal = None if result is None else result.goal_metric
        if goal is None:
            _empty(goal_axes, text.not_logged)
        else:
            _series_axes(goal_axes, stage, goal, text)
            _below_accuracy_line(goal_axes, stage, goal, text)
            goal_axes.set_ylabel(goal)
            if "accuracy" in goal:
                # Shares on their whole scale, so a model stuck at 0% is not drawn mid-axes.
                goal_axes.set_ylim(-0.03, 1.03)
            _collapse_spans(goal_axes, result.collapse_epochs if result else (), text)
        goal_axes.set_title(text.title.format(stage=stage.name, what=goal or "—"))
        for axes in (loss_axes, goal_axes):
            axes.set_xlabel(text.epoch)
            if result is not None:
                _markers(axes, result, text)
            if axes.get_legend_handles_labels()[0]:
                # Under the axes, so that it never hides a curve.
                axes.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.22), ncols=2)
    return figure


def _series_axes(axes: Axes, stage: _Series, name: str, text: CurveLabels) -> None:
    """Train (``name`` without ``val_``) and validation (``val_`` + name) lines."""
    base = name.removeprefix("val_")
    drawn = False
    for series_name, label, color in (
        (base, text.train, _TRAIN_COLOR),
        ("val_" + base, text.validation, _VALIDATION_COLOR),
    ):
        values = stage.series(series_name)
        if values is None:
            continue
        points = [(e, v) for e, v in zip(stage.epochs, values, strict=True) if v is not None]
        if not points:
            continue
        xs, ys = zip(*points, strict=True)
        # Markers where epochs are missing, so isolated points (a metric logged every 5 epochs)
        # stay visible.
        marker = "o" if len(points) < len(values) or len(points) == 1 else None
        axes.plot(xs, ys, label=label, color=color, marker=marker, markersize=3, linewidth=1.2)
        drawn = True
    if not drawn:
        _empty(axes, text.not_logged)


def _below_accuracy_line(axes: Axes, stage: _Series, goal: str, text: CurveLabels) -> None:
    """Validation below-accuracy beside a goal built from it: a worst-class accuracy of 0 hides
    whether the model called everything "above" or everything "below"; this line shows the
    swings between the two."""
    below = stage.series("val_below_accuracy")
    if below is None or stage.column(goal) == stage.column("val_below_accuracy"):
        return
    points = [(e, v) for e, v in zip(stage.epochs, below, strict=True) if v is not None]
    xs, ys = zip(*points, strict=True)
    marker = "o" if len(points) < len(below) or len(points) == 1 else None
    axes.plot(
        xs,
        ys,
        label=text.below_accuracy,
        color=_BELOW_COLOR,
        marker=marker,
        markersize=2,
        linewidth=0.7,
        alpha=0.7,
    )


def _empty(axes: Axes, message: str) -> None:
    axes.text(0.5, 0.5, message, ha="center", va="center", transform=axes.transAxes)


def _markers(axes: Axes, result: StageDiagnosis, text: CurveLabels) -> None:
    if result.best_epoch is not None:
        axes.axvline(
            result.best_epoch,
            color=_BEST_COLOR,
            linestyle="--",
            linewidth=1.0,
            label=text.best.format(epoch=result.best_epoch),
        )
    axes.axvline(
        result.stop_epoch,
        color=_STOP_COLOR,
        linestyle=":",
        linewidth=1.2,
        label=text.stop.format(epoch=result.stop_epoch),
    )
    if result.checkpoint_epoch is not None and result.checkpoint_epoch != result.best_epoch:
        axes.axvline(
            result.checkpoint_epoch,
            color=_CHECKPOINT_COLOR,
            linestyle="-.",
            linewidth=1.0,
            label=text.checkpoint.format(monitor=result.monitor, epoch=result.checkpoint_epoch),
        )


def _collapse_spans(axes: Axes, epochs: Sequence[int], text: CurveLabels) -> None:
    """Shade runs of consecutive one-class epochs, half an epoch either side; one legend entry."""
    spans: list[tuple[int, int]] = []
    for epoch in epochs:
        if spans and epoch == spans[-1][1] + 1:
            spans[-1] = (spans[-1][0], epoch)
        else:
            spans.append((epoch, epoch))
    for index, (first, last) in enumerate(spans):
        axes.axvspan(
            first - 0.5,
            last + 0.5,
            color=_COLLAPSE_COLOR,
            alpha=0.5,
            linewidth=0,
            label=text.collapsed if index == 0 else None,
            zorder=0,
        )
