"""Figures of the skill sections: reliability diagram, cut-off sweep, bankroll, autocorrelation.

Like :mod:`jetx_diag.report.figures.base`: ``Figure`` objects on an Agg canvas, never pyplot, drawn
only from
numbers computed by the statistics modules; every text arrives already in the report's language.
PNG bytes come from :func:`jetx_diag.report.figures.base.figure_png` (deterministic).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from jetx_diag.report.figures.base import PNG_DPI
from jetx_diag.report.figures.downsample import envelope

_BELOW_COLOR = "#c0392b"
_ABOVE_COLOR = "#2e86c1"
_MODEL_COLOR = "#1b2631"
_REFERENCE_COLOR = "#7f8c8d"
_GOOD_COLOR = "#1e8449"
#: Colours of the strategy curves, in the order given (model first).
_CURVE_COLORS = ("#1b2631", "#c0392b", "#2e86c1", "#8e44ad")
#: Colours of the cut-off sweep's rate curves, in the order given.
_SWEEP_COLORS = ("#c0392b", "#2e86c1", "#e67e22", "#1b2631")


def _figure(width: float, height: float) -> Figure:
    figure = Figure(figsize=(width, height), dpi=PNG_DPI)
    FigureCanvasAgg(figure)
    return figure


# --------------------------------------------------------------------------- reliability


@dataclass(frozen=True)
class ReliabilityBin:
    """One bin of the diagram: ``[low, high)``, its rounds, mean probability and observed share
    with its interval (``None`` for an empty bin)."""

    low: float
    high: float
    count: int
    mean_predicted: float | None
    observed: float | None
    observed_low: float | None
    observed_high: float | None


@dataclass(frozen=True)
class ReliabilityLabels:
    title: str
    x_axis: str
    y_axis: str
    perfect: str
    fair: str
    bins: str
    counts: str


def reliability_diagram(
    bins: Sequence[ReliabilityBin], fair_probability: float, labels: ReliabilityLabels
) -> Figure:
    """Observed share against mean predicted probability per bin, with Wilson intervals and each
    bin's round count printed beside its point; the counts again as bars underneath.

    The diagonal is perfect calibration; the horizontal line is the fair game's probability, what
    a calibrated model that knows nothing says every round.
    """
    figure = _figure(6.4, 6.0)
    top, bottom = figure.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 1]})
    top.plot([0, 1], [0, 1], color=_REFERENCE_COLOR, linestyle=":", label=labels.perfect)
    top.axhline(fair_probability, color=_GOOD_COLOR, linestyle="--", label=labels.fair)
    shown = [b for b in bins if b.count and b.mean_predicted is not None and b.observed is not None]
    if shown:
        x = np.array([b.mean_predicted for b in shown], dtype=float)
        y = np.array([b.observed for b in shown], dtype=float)
        # A bin without an interval (never for a non-empty bin) gets a zero-length bar.
        low = np.array([b.observed if b.observed_low is None else b.observed_low for b in shown])
        high = np.array([b.observed if b.observed_high is None else b.observed_high for b in shown])
        top.errorbar(
            x,
            y,
            # Clipped: at 0/n or n/n the Wilson end can miss the share by a rounding error.
            yerr=np.clip(np.vstack([y - low, high - y]), 0.0, None),
            fmt="o",
            color=_ABOVE_COLOR,
            ecolor=_ABOVE_COLOR,
            capsize=3,
            label=labels.bins,
        )
        for b, xi, yi in zip(shown, x, y, strict=True):
            top.annotate(
                str(b.count),
                (xi, yi),
                textcoords="offset points",
                xytext=(6, 4),
                fontsize=8,
                color=_MODEL_COLOR,
            )
    top.set_xlim(0.0, 1.0)
    top.set_ylim(0.0, 1.0)
    top.set_ylabel(labels.y_axis)
    top.set_title(labels.title)
    top.legend(loc="upper left", fontsize=8)
    lefts = np.array([b.low for b in bins], dtype=float)
    widths = np.array([b.high - b.low for b in bins], dtype=float)
    counts = np.array([b.count for b in bins], dtype=float)
    bottom.bar(lefts, counts, width=widths, align="edge", color=_ABOVE_COLOR, alpha=0.5)
    bottom.set_ylabel(labels.counts)
    bottom.set_xlabel(labels.x_axis)
    figure.tight_layout()
    return figure


# --------------------------------------------------------------------------- cut-off sweep


@dataclass(frozen=True)
class SweepLabels:
    title: str
    x_axis: str
    y_axis: str
    return_axis: str
    break_even: str  # the win rate that breaks even, on the rates
    break_even_return: str  # return 0, on the returns
    fair_return: str
    cutoff_in_use: str


def cutoff_sweep_plot(
    cutoffs: Sequence[float],
    series: Sequence[tuple[str, Sequence[float | None]]],
    returns: Sequence[float | None],
    *,
    break_even: float,
    fair_return: float,
    cutoff_in_use: float,
    labels: SweepLabels,
) -> Figure:
    """Rates (top) and return per bet (bottom) across cut-offs on ``p_above``.

    ``series``: ``(label, rate per cut-off)`` in [0, 1], ``None`` where a rate is 0/0 (a gap in
    the line, never a made-up 0). The break-even win rate and the fair-game return are drawn as
    horizontal lines, the cut-off in use as a vertical one.
    """
    figure = _figure(6.8, 6.0)
    top, bottom = figure.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, 2]})
    x = np.asarray(cutoffs, dtype=float)
    for index, (label, values) in enumerate(series):
        y = np.array([np.nan if v is None else v for v in values], dtype=float)
        color = _SWEEP_COLORS[index % len(_SWEEP_COLORS)]
        top.plot(x, y, marker=".", color=color, label=label)
    top.axhline(break_even, color=_GOOD_COLOR, linestyle="--", label=labels.break_even)
    top.set_ylim(0.0, 1.0)
    top.set_ylabel(labels.y_axis)
    top.set_title(labels.title)
    r = np.array([np.nan if v is None else v for v in returns], dtype=float)
    bottom.plot(x, r, marker=".", color=_MODEL_COLOR)
    bottom.axhline(0.0, color=_GOOD_COLOR, linestyle="--", label=labels.break_even_return)
    bottom.axhline(fair_return, color=_REFERENCE_COLOR, linestyle=":", label=labels.fair_return)
    bottom.set_ylabel(labels.return_axis)
    bottom.set_xlabel(labels.x_axis)
    for axes in (top, bottom):
        axes.axvline(cutoff_in_use, color=_REFERENCE_COLOR, linewidth=1, label=labels.cutoff_in_use)
    top.legend(loc="best", fontsize=7)
    bottom.legend(loc="best", fontsize=7)
    figure.tight_layout()
    return figure


# --------------------------------------------------------------------------- bankroll


@dataclass(frozen=True)
class BankrollLabels:
    title: str
    x_axis: str
    y_axis: str
    break_even: str


def bankroll_plot(curves: Sequence[tuple[str, Sequence[float]]], labels: BankrollLabels) -> Figure:
    """Net units after each held-out round for each strategy (``BetSimulation.bankroll``), with
    the break-even line at 0."""
    figure = _figure(6.8, 3.8)
    axes = figure.add_subplot()
    for index, (label, bankroll) in enumerate(curves):
        x, y = envelope(np.asarray(bankroll, dtype=float))  # a million rounds: a few thousand
        axes.plot(
            x,
            y,
            color=_CURVE_COLORS[index % len(_CURVE_COLORS)],
            linewidth=1.6 if index == 0 else 1.1,
            label=label,
        )
    axes.axhline(0.0, color=_GOOD_COLOR, linestyle="--", label=labels.break_even)
    axes.set_xlabel(labels.x_axis)
    axes.set_ylabel(labels.y_axis)
    axes.set_title(labels.title)
    axes.legend(loc="best", fontsize=8)
    figure.tight_layout()
    return figure


# --------------------------------------------------------------------------- autocorrelation


@dataclass(frozen=True)
class AcfLabels:
    title: str
    x_axis: str
    y_axis: str
    band: str


def acf_plot(
    lags: Sequence[int], values: Sequence[float], band: Sequence[float], labels: AcfLabels
) -> Figure:
    """Autocorrelation per lag as stems, with the band independent rounds stay inside (shaded,
    ± half-width per lag); lags outside the band are drawn in red."""
    figure = _figure(6.8, 3.6)
    axes = figure.add_subplot()
    x = np.asarray(lags, dtype=float)
    y = np.asarray(values, dtype=float)
    half = np.asarray(band, dtype=float)
    axes.fill_between(x, -half, half, color=_ABOVE_COLOR, alpha=0.18, step="mid", label=labels.band)
    outside = np.abs(y) > half
    colors = np.where(outside, _BELOW_COLOR, _MODEL_COLOR)
    axes.vlines(x, 0.0, y, colors=colors, linewidth=1.5)
    axes.scatter(x, y, c=colors, s=14, zorder=3)
    axes.axhline(0.0, color=_REFERENCE_COLOR, linewidth=0.8)
    top = max(
        float(np.max(np.abs(y))) if y.size else 0.0, float(np.max(half)) if half.size else 0.0
    )
    axes.set_ylim(-1.4 * top - 1e-3, 1.4 * top + 1e-3)
    axes.set_xlim(0.5, (x[-1] if x.size else 1.0) + 0.5)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # lags are whole rounds
    axes.set_xlabel(labels.x_axis)
    axes.set_ylabel(labels.y_axis)
    axes.set_title(labels.title)
    axes.legend(loc="upper right", fontsize=8)
    figure.tight_layout()
    return figure
