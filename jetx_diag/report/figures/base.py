"""Report figures: matplotlib ``Figure`` objects drawn from numbers computed elsewhere.

No pyplot: figures are created directly and rendered on an Agg canvas, so there is no global
figure state, no GUI backend, and concurrent reports do not share anything. PNG output is
deterministic (fixed size and dpi, no ``Software``/date metadata), so rerunning a report gives
byte-identical images.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

#: Dots per inch of every PNG; fixed so that reruns give the same bytes.
PNG_DPI = 100

#: Bins of the p_above histogram over [0, 1].
P_ABOVE_BINS = 40

_BELOW_COLOR = "#c0392b"  # rounds that ended below the threshold: the money-losing side
_ABOVE_COLOR = "#2e86c1"


@dataclass(frozen=True)
class ConfusionLabels:
    """Texts of the heatmap, already in the report's language."""

    title: str
    predicted: str
    actual: str
    classes: tuple[str, str]  # (below, above)
    money_marker: str


@dataclass(frozen=True)
class HistogramLabels:
    """Texts of the p_above histogram, already in the report's language."""

    title: str
    x_axis: str
    y_axis: str
    ended_below: str
    ended_above: str
    cutoff: str


def confusion_heatmap(rows: Sequence[Sequence[int]], labels: ConfusionLabels) -> Figure:
    """The 2×2 matrix as a heatmap with the count in each cell.

    ``rows`` is ``ConfusionMatrix.rows()``: rows actual (below, above), columns called. The
    money-losing cell (actual below, called above) gets a marker under its count.
    """
    counts = np.asarray(rows, dtype=np.int64)
    if counts.shape != (2, 2):
        raise ValueError(f"a confusion matrix is 2×2, got shape {counts.shape}")
    figure = Figure(figsize=(4.8, 4.0), dpi=PNG_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    top = max(int(counts.max()), 1)
    axes.imshow(counts, cmap="Blues", vmin=0, vmax=top)
    for (row, col), count in np.ndenumerate(counts):
        # White text on dark cells, dark text on light ones.
        color = "white" if count > top / 2 else "#1b2631"
        axes.text(col, row, str(int(count)), ha="center", va="center", fontsize=16, color=color)
        if (row, col) == (0, 1):
            # A frame and a label make the money-losing cell stand out whatever its shade.
            axes.add_patch(
                Rectangle(
                    (col - 0.47, row - 0.47),
                    0.94,
                    0.94,
                    fill=False,
                    edgecolor=_BELOW_COLOR,
                    linewidth=3,
                )
            )
            axes.text(
                col,
                row + 0.28,
                labels.money_marker,
                ha="center",
                va="center",
                fontsize=9,
                color=_BELOW_COLOR,
                fontweight="bold",
            )
    axes.set_xticks([0, 1], labels=list(labels.classes))
    axes.set_yticks([0, 1], labels=list(labels.classes))
    axes.set_xlabel(labels.predicted)
    axes.set_ylabel(labels.actual)
    axes.set_title(labels.title)
    figure.tight_layout()
    return figure


def p_above_histogram(
    p_above_when_below: Sequence[float],
    p_above_when_above: Sequence[float],
    cutoff: float,
    labels: HistogramLabels,
) -> Figure:
    """Distribution of p_above for rounds that ended below vs above the threshold.

    Each group is drawn as its share of rounds (weights 1/n), so groups of different sizes are
    comparable; the cutoff that turns p_above into a call is a vertical line.
    """
    figure = Figure(figsize=(6.4, 3.8), dpi=PNG_DPI)
    FigureCanvasAgg(figure)
    axes = figure.add_subplot()
    bins = np.linspace(0.0, 1.0, P_ABOVE_BINS + 1)
    for values, label, color in (
        (p_above_when_below, labels.ended_below, _BELOW_COLOR),
        (p_above_when_above, labels.ended_above, _ABOVE_COLOR),
    ):
        data = np.asarray(values, dtype=float)
        if data.size == 0:
            continue  # an empty group has no distribution to draw
        weights = np.full(data.size, 1.0 / data.size)
        axes.hist(
            data,
            bins=bins,
            weights=weights,
            histtype="stepfilled",
            alpha=0.45,
            color=color,
            edgecolor=color,
            label=label,
        )
    axes.axvline(cutoff, color="#1b2631", linestyle="--", linewidth=1.2, label=labels.cutoff)
    axes.set_xlim(0.0, 1.0)
    axes.set_xlabel(labels.x_axis)
    axes.set_ylabel(labels.y_axis)
    axes.set_title(labels.title)
    axes.legend(loc="upper left", fontsize=8)
    figure.tight_layout()
    return figure


def figure_png(figure: Figure) -> bytes:
    """The figure as PNG bytes, identical on every rerun (no timestamp or software metadata)."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=PNG_DPI, metadata={"Software": None})
    return buffer.getvalue()
