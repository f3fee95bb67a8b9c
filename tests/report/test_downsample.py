"""Long curves are drawn with a few thousand points that keep their shape."""

from __future__ import annotations

import numpy as np

from jetx_diag.report.figures.downsample import MAX_POINTS, envelope
from jetx_diag.report.figures.skill import BankrollLabels, bankroll_plot
from jetx_diag.skill.betting import simulate


def test_short_curves_are_drawn_as_they_are() -> None:
    y = np.cumsum(np.random.default_rng(0).normal(size=MAX_POINTS))
    x, shown = envelope(y)
    np.testing.assert_array_equal(x, np.arange(MAX_POINTS))
    np.testing.assert_array_equal(shown, y)


def test_a_million_round_bankroll_keeps_its_ends_peaks_and_troughs() -> None:
    rng = np.random.default_rng(1)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=1_000_000))
    bankroll = np.asarray(simulate(actual, rng.random(actual.size) < 0.6, n_bootstrap=1).bankroll)
    x, y = envelope(bankroll)
    assert x.size <= MAX_POINTS and np.all(np.diff(x) > 0)
    np.testing.assert_array_equal(y, bankroll[x])  # real points, at their own rounds
    assert (x[0], x[-1]) == (0, bankroll.size - 1)
    assert y.min() == bankroll.min() and int(x[np.argmin(y)]) == int(np.argmin(bankroll))
    assert y.max() == bankroll.max() and int(x[np.argmax(y)]) == int(np.argmax(bankroll))
    labels = BankrollLabels("t", "x", "y", "0")
    figure = bankroll_plot([("model", bankroll)], labels)
    line = figure.axes[0].lines[0]
    assert len(line.get_xdata()) == x.size
