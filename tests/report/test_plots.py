"""Report figures: checked through their artists and labels, not pixels."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from matplotlib.patches import Rectangle

from jetx_diag.report.figures.base import (
    P_ABOVE_BINS,
    ConfusionLabels,
    HistogramLabels,
    confusion_heatmap,
    figure_png,
    p_above_histogram,
)

LABELS = ConfusionLabels(
    title="Confusion matrix",
    predicted="Predicted",
    actual="Actual",
    classes=("below 1.5", "above 1.5"),
    money_marker="money lost",
)
HIST_LABELS = HistogramLabels(
    title="p_above",
    x_axis="p_above",
    y_axis="share of rounds",
    ended_below="ended below 1.5 (3)",
    ended_above="ended above 1.5 (5)",
    cutoff="cutoff 0.5",
)


def test_heatmap_shows_the_four_counts_and_marks_the_money_cell() -> None:
    figure = confusion_heatmap([[26, 412], [43, 637]], LABELS)
    (axes,) = figure.axes
    texts = {(round(t.get_position()[0]), t.get_text()) for t in axes.texts}
    counts = [t.get_text() for t in axes.texts if t.get_text().isdigit()]
    assert sorted(counts, key=int) == ["26", "43", "412", "637"]
    # The marker sits in column 1 (called above) under the 412 of row 0.
    marker = next(t for t in axes.texts if t.get_text() == "money lost")
    count_412 = next(t for t in axes.texts if t.get_text() == "412")
    assert marker.get_position()[0] == count_412.get_position()[0] == 1
    assert marker.get_position()[1] > count_412.get_position()[1]  # below it (y axis inverted)
    assert (1, "money lost") in texts
    (frame,) = [p for p in axes.patches if isinstance(p, Rectangle)]
    assert frame.get_xy() == pytest.approx((0.53, -0.47))  # around column 1, row 0
    assert [t.get_text() for t in axes.get_xticklabels()] == ["below 1.5", "above 1.5"]
    assert [t.get_text() for t in axes.get_yticklabels()] == ["below 1.5", "above 1.5"]
    assert axes.get_xlabel() == "Predicted" and axes.get_ylabel() == "Actual"
    assert axes.get_title() == "Confusion matrix"
    # The image holds the counts themselves, rows actual, columns called.
    assert np.array_equal(axes.images[0].get_array(), [[26, 412], [43, 637]])


def test_heatmap_of_an_empty_matrix_and_a_wrong_shape() -> None:
    figure = confusion_heatmap([[0, 0], [0, 0]], LABELS)
    assert [t.get_text() for t in figure.axes[0].texts].count("0") == 4
    with pytest.raises(ValueError, match="2×2"):
        confusion_heatmap([[1, 2, 3]], LABELS)


def test_histogram_draws_both_groups_as_shares_and_the_cutoff() -> None:
    below = [0.1, 0.2, 0.6]
    above = [0.55, 0.7, 0.7, 0.9, 0.3]
    figure = p_above_histogram(below, above, 0.5, HIST_LABELS)
    (axes,) = figure.axes
    legend = [t.get_text() for t in axes.get_legend().get_texts()]
    assert legend == ["ended below 1.5 (3)", "ended above 1.5 (5)", "cutoff 0.5"]
    (cutoff_line,) = axes.lines
    assert list(cutoff_line.get_xdata()) == [0.5, 0.5]
    assert len(axes.patches) == 2  # one filled step outline per group
    # Each group is drawn as a share: its step heights sum to 1.
    for patch, values in zip(axes.patches, (below, above), strict=True):
        heights = patch.get_xy()[:, 1]
        # stepfilled polygons repeat each bar top twice; count each bin once.
        tops = heights[1 : 2 * P_ABOVE_BINS + 1 : 2]
        expected, _ = np.histogram(values, bins=np.linspace(0.0, 1.0, P_ABOVE_BINS + 1))
        assert np.allclose(tops, expected / len(values))
        assert tops.sum() == pytest.approx(1.0)
    assert axes.get_xlim() == (0.0, 1.0)


def test_histogram_skips_an_empty_group() -> None:
    figure = p_above_histogram([], [0.7, 0.8], 0.5, HIST_LABELS)
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend == ["ended above 1.5 (5)", "cutoff 0.5"]


def test_png_is_deterministic_and_carries_no_software_or_date() -> None:
    first = figure_png(confusion_heatmap([[26, 412], [43, 637]], LABELS))
    second = figure_png(confusion_heatmap([[26, 412], [43, 637]], LABELS))
    assert first == second
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    assert b"Software" not in first and b"matplotlib" not in first.lower()
    other = figure_png(confusion_heatmap([[27, 411], [43, 637]], LABELS))
    assert other != first


def test_plots_never_touch_pyplot() -> None:
    """Rendering a whole report's figures leaves pyplot unimported (no global figure state)."""
    tests = Path(__file__).parent
    code = (
        f"import sys; sys.path.insert(0, {str(tests)!r})\n"
        "from test_report_core import document_case\n"
        "from jetx_diag.i18n.messages import messages\n"
        "from jetx_diag.report.sections import build_plots\n"
        "evaluation, _ = document_case()\n"
        "images = build_plots(evaluation, messages('tr'))\n"
        "assert [i['name'] for i in images] == ['confusion', 'p_above'], images\n"
        "assert 'matplotlib.pyplot' not in sys.modules\n"
        "print('ok')\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
        cwd=tests,  # not the repository root: the installed package is under test
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "ok"
