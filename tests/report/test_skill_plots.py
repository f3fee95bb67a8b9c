"""Figures of the skill sections, checked through their artists and labels, not pixels."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.colors import to_rgba
from matplotlib.container import ErrorbarContainer

from jetx_diag.report.figures.base import figure_png
from jetx_diag.report.figures.skill import (
    AcfLabels,
    BankrollLabels,
    ReliabilityBin,
    ReliabilityLabels,
    SweepLabels,
    acf_plot,
    bankroll_plot,
    cutoff_sweep_plot,
    reliability_diagram,
)

RELIABILITY = ReliabilityLabels(
    title="Calibration",
    x_axis="mean p_above",
    y_axis="share that reached 1.5",
    perfect="perfect calibration",
    fair="fair game: 0.647",
    bins="bins (95% CI), rounds per bin",
    counts="rounds",
)
BINS = [
    ReliabilityBin(0.0, 0.5, 0, None, None, None, None),  # empty: drawn as no point
    ReliabilityBin(0.5, 0.7, 40, 0.61, 0.55, 0.40, 0.69),
    ReliabilityBin(0.7, 1.0, 60, 0.82, 0.70, 0.58, 0.80),
]


def test_reliability_diagram_points_intervals_counts_and_reference_lines() -> None:
    figure = reliability_diagram(BINS, 0.647, RELIABILITY)
    top, bottom = figure.axes
    (container,) = [c for c in top.containers if isinstance(c, ErrorbarContainer)]
    points = container.lines[0]
    assert np.allclose(points.get_xdata(), [0.61, 0.82])
    assert np.allclose(points.get_ydata(), [0.55, 0.70])
    # Error bars run from each bin's interval low to high.
    (bars,) = container.lines[2]
    segments = bars.get_segments()
    assert np.allclose([s[:, 1] for s in segments], [[0.40, 0.69], [0.58, 0.80]])
    # Each point carries its round count; the empty bin has none.
    assert sorted(t.get_text() for t in top.texts) == ["40", "60"]
    lines = {line.get_label(): line for line in top.get_lines()}
    assert np.allclose(lines["perfect calibration"].get_ydata(), [0, 1])
    assert np.allclose(lines["fair game: 0.647"].get_ydata(), [0.647, 0.647])
    assert [p.get_height() for p in bottom.patches] == [0, 40, 60]
    assert top.get_title() == "Calibration" and bottom.get_xlabel() == "mean p_above"
    legend = [t.get_text() for t in top.get_legend().get_texts()]
    assert "bins (95% CI), rounds per bin" in legend


def test_cutoff_sweep_plot_gaps_break_even_and_cutoff_in_use() -> None:
    labels = SweepLabels(
        title="Sweep",
        x_axis="cut-off",
        y_axis="rate",
        return_axis="return per bet",
        break_even="break-even (66.67%)",
        break_even_return="break-even (0)",
        fair_return="fair-game return (−0.03)",
        cutoff_in_use="cut-off in use (0.5)",
    )
    figure = cutoff_sweep_plot(
        [0.3, 0.5, 0.7],
        [("below", [0.1, 0.4, 0.9]), ("bets won", [0.6, 0.62, None])],
        [-0.1, -0.07, None],
        break_even=2 / 3,
        fair_return=-0.03,
        cutoff_in_use=0.5,
        labels=labels,
    )
    top, bottom = figure.axes
    lines = {line.get_label(): line for line in top.get_lines()}
    assert np.allclose(lines["below"].get_ydata(), [0.1, 0.4, 0.9])
    won = lines["bets won"].get_ydata()
    assert np.isnan(won[2]) and np.allclose(won[:2], [0.6, 0.62])  # 0/0 is a gap, not 0
    assert np.allclose(lines["break-even (66.67%)"].get_ydata(), [2 / 3, 2 / 3])
    assert np.allclose(lines["cut-off in use (0.5)"].get_xdata(), [0.5, 0.5])
    bottom_lines = {line.get_label(): line for line in bottom.get_lines()}
    assert np.allclose(bottom_lines["fair-game return (−0.03)"].get_ydata(), [-0.03, -0.03])
    assert np.allclose(bottom_lines["break-even (0)"].get_ydata(), [0, 0])
    assert "break-even (66.67%)" not in bottom_lines
    assert bottom.get_ylabel() == "return per bet" and top.get_title() == "Sweep"


def test_bankroll_plot_draws_each_curve_and_the_break_even_line() -> None:
    labels = BankrollLabels("Bankroll", "held-out round", "net units", "break-even (0)")
    figure = bankroll_plot(
        [("model", [0.0, 0.5, -0.5, -1.5]), ("every round", [0.0, -1.0, -0.5, 0.0])], labels
    )
    (axes,) = figure.axes
    lines = {line.get_label(): line for line in axes.get_lines()}
    assert np.allclose(lines["model"].get_xdata(), [0, 1, 2, 3])
    assert np.allclose(lines["model"].get_ydata(), [0.0, 0.5, -0.5, -1.5])
    assert np.allclose(lines["every round"].get_ydata(), [0.0, -1.0, -0.5, 0.0])
    assert np.allclose(lines["break-even (0)"].get_ydata(), [0, 0])
    assert axes.get_xlabel() == "held-out round" and axes.get_ylabel() == "net units"


def test_acf_plot_marks_lags_outside_the_band() -> None:
    labels = AcfLabels("ACF", "lag", "autocorrelation", "95% band")
    values = [0.01, -0.05, 0.02, -0.03]
    band = [0.02, 0.02, 0.02, 0.02]
    figure = acf_plot([1, 2, 3, 4], values, band, labels)
    (axes,) = figure.axes
    (stems,) = [c for c in axes.collections if isinstance(c, LineCollection)]
    tops = [segment[1, 1] for segment in stems.get_segments()]
    assert np.allclose(tops, values)
    red = to_rgba("#c0392b")  # the report's "below / money lost" colour
    outside = [bool(np.allclose(c, red)) for c in stems.get_colors()]
    assert outside == [False, True, False, True]  # |−0.05| and |−0.03| exceed 0.02
    (shade,) = [c for c in axes.collections if isinstance(c, PolyCollection)]
    assert shade.get_label() == "95% band"
    vertices = np.concatenate([p.vertices for p in shade.get_paths()])
    assert np.isclose(vertices[:, 1].max(), 0.02) and np.isclose(vertices[:, 1].min(), -0.02)
    assert axes.get_title() == "ACF"


def test_a_bin_where_no_round_reached_the_threshold_draws() -> None:
    from jetx_diag.results import Rate
    from jetx_diag.scoring.stats import wilson

    interval = wilson(Rate(0, 6))
    assert interval is not None and interval.low > 0.0  # floating point: just above the share
    empty = ReliabilityBin(0.1, 0.2, 6, 0.15, 0.0, interval.low, interval.high)
    (container,) = reliability_diagram([empty], 0.647, RELIABILITY).axes[0].containers
    (bars,) = container.lines[2]
    assert bars.get_segments()[0][:, 1] == pytest.approx([0.0, interval.high])


@pytest.mark.parametrize(
    "make",
    [
        lambda: reliability_diagram(BINS, 0.647, RELIABILITY),
        lambda: acf_plot([1, 2], [0.1, -0.1], [0.05, 0.05], AcfLabels("a", "b", "c", "d")),
    ],
)
def test_pngs_are_deterministic(make) -> None:  # type: ignore[no-untyped-def]
    first, second = figure_png(make()), figure_png(make())
    assert first == second and first.startswith(b"\x89PNG")


def test_no_pyplot() -> None:
    code = (
        "import sys, jetx_diag.report.figures.skill, jetx_diag.report.skill; "
        "print('matplotlib.pyplot' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60
    )
    assert result.stdout.strip() == "False", result.stderr
