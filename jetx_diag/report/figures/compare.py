"""Figures of the comparison page, drawn from numbers a ``Comparison`` already holds.

Same habits as :mod:`jetx_diag.report.figures.base`: ``Figure`` objects on an Agg canvas (no
pyplot, no
global state), fixed size and dpi, PNG bytes through
:func:`jetx_diag.report.figures.base.figure_png`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from jetx_diag.report.figures.base import PNG_DPI

_BELOW_COLOR = "#c0392b"  # the money-losing side, as in the report's plots
_ABOVE_COLOR = "#2e86c1"


@dataclass(frozen=True)
class BarLabels:
    """Texts of the per-class accuracy bars, already in the page's language."""

    title: str
    y_axis: str
    below: str  # legend: accuracy on rounds that ended below the threshold
    above: str
    not_available: str  # written where a bar has no value (0/0)


@dataclass(frozen=True)
class RocLabels:
    title: str
    x_axis: str
    y_axis: str
    chance: str


def class_accuracy_bars(
    names: Sequence[str],
    below: Sequence[float | None],
    above: Sequence[float | None],
    labels: BarLabels,
    *,
    below_target: tuple[float, str] | None = None,
    above_target: tuple[float, str] | None = None,
) -> Figure:
    """Below- and above-threshold accuracy (in percent) side by side for each checkpoint.

    ``None`` means the rate has no value (no such rounds): no bar, and ``labels.not_available``
    written in its place, so a missing bar is never read as 0%. A target is ``(percent, legend)``
    and is drawn as a dashed line in its class's colour.
    """
    if not len(names) == len(below) == len(above):
        raise ValueError("one value per checkpoint and class is needed")
    count = len(names)
    figure = Figure(figsize=(max(5.0, 1.3 * count + 2.5), 4.8), dpi=PNG_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    positions = np.arange(count, dtype=float)
    width = 0.38
    for offset, values, color, legend in (
        (-width / 2, below, _BELOW_COLOR, labels.below),
        (width / 2, above, _ABOVE_COLOR, labels.above),
    ):
        heights = [0.0 if v is None else float(v) for v in values]
        bars = axes.bar(positions + offset, heights, width, color=color, label=legend)
        for bar, value in zip(bars, values, strict=True):
            text = labels.not_available if value is None else f"{value:.1f}"
            axes.text(
                bar.get_x() + bar.get_width() / 2,
                bar.get_height() + 1.0,
                text,
                ha="center",
                va="bottom",
                fontsize=8,
            )
    for target, color in ((below_target, _BELOW_COLOR), (above_target, _ABOVE_COLOR)):
        if target is not None:
            value, legend = target
            axes.axhline(value, color=color, linestyle="--", linewidth=1.0, label=legend)
    tilted = count > 3  # long file names side by side would overlap
    axes.set_xticks(
        positions,
        labels=list(names),
        rotation=15 if tilted else 0,
        ha="right" if tilted else "center",
    )
    axes.set_ylim(0.0, 112.0)  # room for the value written above a 100% bar
    axes.set_ylabel(labels.y_axis)
    axes.set_title(labels.title)
    # Below the axes: inside, the legend would hide the values written above 100% bars.
    axes.legend(loc="upper center", bbox_to_anchor=(0.5, -0.18), fontsize=8, ncols=2)
    figure.tight_layout()
    return figure


def roc_overlay(
    curves: Sequence[tuple[str, Sequence[float], Sequence[float]]], labels: RocLabels
) -> Figure:
    """ROC curves of several checkpoints on one chart, with the chance diagonal.

    ``curves`` holds ``(legend, fpr, tpr)``; the legend already names the AUC.
    """
    figure = Figure(figsize=(5.4, 5.0), dpi=PNG_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    axes.plot(
        [0.0, 1.0], [0.0, 1.0], color="#7f8c8d", linestyle=":", linewidth=1.0, label=labels.chance
    )
    for legend, fpr, tpr in curves:
        # A perfect (or perfectly wrong) model runs along the frame: keep it visible.
        axes.plot(list(fpr), list(tpr), linewidth=1.6, label=legend, clip_on=False)
    axes.set_xlim(-0.01, 1.01)
    axes.set_ylim(-0.01, 1.01)
    axes.set_aspect("equal")
    axes.set_xlabel(labels.x_axis)
    axes.set_ylabel(labels.y_axis)
    axes.set_title(labels.title)
    axes.legend(loc="lower right", fontsize=8)
    figure.tight_layout()
    return figure
