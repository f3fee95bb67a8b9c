"""Randomness audit: independent draws pass, streaky and autocorrelated histories do not."""

from __future__ import annotations

import math
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from jetx_diag.errors import UsageError
from jetx_diag.results import Rate, from_dict, to_dict
from jetx_diag.skill.randomness import (
    RandomnessAudit,
    audit_randomness,
    autocorrelation,
    law_fit,
    ljung_box,
    runs_test,
)

REAL_DATA = Path("/work/shared/data/jetx_data.db")


def fair(n: int, seed: int, edge: float = 0.03) -> np.ndarray:
    """i.i.d. rounds of a fair game: X = (1 − edge)/U, clipped at 1.00."""
    return np.maximum(1.0, (1.0 - edge) / np.random.default_rng(seed).uniform(size=n))


def streaky(n: int, seed: int, stay: float = 0.8) -> np.ndarray:
    """Below/above states that persist (a Markov chain), multipliers drawn inside each state."""
    rng = np.random.default_rng(seed)
    state = np.empty(n, dtype=bool)
    state[0] = True
    flips = rng.uniform(size=n) > stay
    for t in range(1, n):
        state[t] = state[t - 1] ^ flips[t]
    return np.where(state, 1.5 + rng.exponential(1.0, n), 1.0 + 0.49 * rng.uniform(size=n))


def ar_log(n: int, seed: int, phi: float = 0.3) -> np.ndarray:
    """log X follows an AR(1): each round remembers part of the one before."""
    rng = np.random.default_rng(seed)
    noise = rng.exponential(0.6, n)
    logs = np.empty(n)
    logs[0] = noise[0]
    for t in range(1, n):
        logs[t] = phi * logs[t - 1] + noise[t]
    return np.exp(logs)


def test_runs_by_hand() -> None:
    # 60 rounds: 30 above then 30 below would be 2 runs; here blocks of 3 give 20 runs.
    above = np.tile(np.repeat([True, False], 3), 10)
    values = np.where(above, 2.0, 1.2)
    result = runs_test(values)
    assert result is not None
    assert (result.runs, result.above, result.below) == (20, 30, 30)
    mean = 2 * 30 * 30 / 60 + 1  # 31
    variance = 2 * 30 * 30 * (2 * 30 * 30 - 60) / (60**2 * 59)
    z = (20 - mean) / math.sqrt(variance)
    assert result.expected_runs == pytest.approx(mean)
    assert result.z == pytest.approx(z)
    assert result.p_value == pytest.approx(math.erfc(abs(z) / math.sqrt(2)))
    assert runs_test(np.full(60, 2.0)) is None


def test_independent_draws_are_called_independent() -> None:
    audit = audit_randomness(fair(2000, seed=1))
    assert audit.verdict == "independent" and audit.failed == ()
    assert audit.runs is not None and audit.runs.p_value > 0.025
    assert audit.ljung_box is not None and audit.ljung_box.p_value > 0.025
    assert audit.ljung_box.lags == (5, 10, 20) and audit.ljung_box.verdict_lag == 10
    assert audit.law is not None and audit.law.verdict == "fits_fair_law"


def test_streaky_history_is_not_independent() -> None:
    audit = audit_randomness(streaky(1000, seed=2))
    assert audit.verdict == "not_independent"
    assert "runs" in audit.failed
    assert audit.runs is not None and audit.runs.runs < audit.runs.expected_runs  # long streaks


def test_autocorrelated_log_multipliers_are_not_independent() -> None:
    audit = audit_randomness(ar_log(1500, seed=3))
    assert audit.verdict == "not_independent"
    assert "ljung_box" in audit.failed
    acf = audit.autocorrelation
    assert acf is not None and acf.largest_lag == 1
    assert acf.largest == pytest.approx(0.3, abs=0.08)
    assert acf.outside_band >= 1


def test_alternating_rounds_have_too_many_runs() -> None:
    values = np.tile([1.2, 2.0], 100)
    result = runs_test(values)
    assert result is not None and result.runs == 200 and result.z > 5
    assert audit_randomness(values).verdict == "not_independent"


def test_acf_band_is_bartletts() -> None:
    values = fair(900, seed=4)
    acf = autocorrelation(values)
    assert acf is not None and acf.lags == tuple(range(1, 21))
    # At lag 1 Bartlett's band is z / sqrt(n).
    assert acf.band[0] == pytest.approx(1.959963984540054 / math.sqrt(900))
    assert all(b >= acf.band[0] for b in acf.band)  # widens with the lags before it


def test_edge_estimate_by_hand() -> None:
    # 60 of 100 rounds reach 1.5: edge = 1 − 1.5 · 0.6 = 0.10.
    values = np.array([1.0] * 40 + [1.6] * 30 + [2.5] * 20 + [12.0] * 10)
    fit = law_fit(values, tail_multipliers=(2.0, 10.0))
    assert fit.estimated_from == 1.5
    assert fit.estimated_edge == pytest.approx(0.10)
    z = 1.959963984540054
    centre = (0.6 + z * z / 200) / (1 + z * z / 100)
    half = z / (1 + z * z / 100) * math.sqrt(0.6 * 0.4 / 100 + z * z / 40000)
    assert fit.estimated_edge_interval is not None
    assert fit.estimated_edge_interval.low == pytest.approx(1 - 1.5 * (centre + half))
    assert fit.estimated_edge_interval.high == pytest.approx(1 - 1.5 * (centre - half))
    rows = {r.multiplier: r for r in fit.rows}
    assert rows[2.0].observed == Rate(30, 100) and rows[10.0].observed == Rate(10, 100)
    assert rows[2.0].fair_reference == pytest.approx(0.97 / 2)
    assert rows[2.0].fair_estimated == pytest.approx(0.9 / 2)


def test_chi_square_by_hand() -> None:
    values = np.array([1.0] * 40 + [1.6] * 30 + [2.5] * 20 + [12.0] * 10)
    fit = law_fit(values, tail_multipliers=(2.0, 10.0))
    # Bins [1, 1.5), [1.5, 2), [2, 10), [10, ∞) hold 40, 30, 20, 10 rounds; expected under 3%:
    # 100 · (1 − .97/1.5, .97/1.5 − .97/2, .97/2 − .97/10, .97/10).
    tails = [0.97 / 1.5, 0.97 / 2, 0.97 / 10]
    expected = [100 * (1 - tails[0]), 100 * (tails[0] - tails[1])]
    expected += [100 * (tails[1] - tails[2]), 100 * tails[2]]
    observed = [40, 30, 20, 10]
    chi2 = sum((o - e) ** 2 / e for o, e in zip(observed, expected, strict=True))
    assert fit.bins == (1.5, 2.0, 10.0)
    assert fit.chi2_reference == pytest.approx(chi2)
    assert fit.p_reference is not None and fit.p_reference < 0.001  # too few rounds in [2, 10)
    assert fit.verdict == "departs_from_fair_law"


def test_bins_with_too_few_expected_rounds_are_merged() -> None:
    fit = law_fit(fair(300, seed=5))
    # 300 · .97/50 = 5.8 rounds expected at 50x and above, 2.9 at 100x: the 100x cut is dropped.
    assert fit.bins == (1.5, 2.0, 3.0, 5.0, 10.0, 20.0, 50.0)
    assert len(fit.rows) == 8  # every multiplier is still listed


def test_a_greedier_house_is_detected() -> None:
    fit = law_fit(fair(6000, seed=6, edge=0.10))
    assert fit.verdict == "departs_from_fair_law"
    interval = fit.estimated_edge_interval
    assert interval is not None and interval.contains(0.10) and not interval.contains(0.03)
    assert fit.p_estimated is not None and fit.p_estimated > 0.01  # the 1/m shape still fits


def test_too_little_data_and_bad_input() -> None:
    short = audit_randomness(fair(40, seed=7))
    assert short.verdict == "not_enough_data" and short.runs is None and short.law is None
    one_side = audit_randomness(np.full(100, 3.0))
    assert one_side.verdict == "not_enough_data"
    assert one_side.law is not None and one_side.law.estimated_edge == pytest.approx(-0.5)
    assert one_side.law.p_estimated is None  # no round below 1.5 is possible at that edge
    assert ljung_box(np.full(100, 3.0)) is None
    assert ljung_box(fair(20, seed=8)) is None  # n/5 = 4 rounds is below every lag
    with pytest.raises(UsageError):
        audit_randomness(np.array([1.5, np.nan] * 50))
    with pytest.raises(UsageError):
        law_fit(fair(100, seed=9), tail_multipliers=(0.5,))


def test_audit_round_trips() -> None:
    audit = audit_randomness(fair(500, seed=10), source="history")
    assert audit.source == "history"
    assert from_dict(RandomnessAudit, to_dict(audit)) == audit


def _real_history() -> np.ndarray:
    uri = f"file:{REAL_DATA}?mode=ro"
    with sqlite3.connect(uri, uri=True) as connection:
        rows = connection.execute("SELECT value FROM jetx_results ORDER BY id").fetchall()
    values = []
    for (value,) in rows:
        try:
            number = float(value)
        except (TypeError, ValueError):
            continue  # the two cells holding two numbers joined by U+2028
        if math.isfinite(number) and number >= 1.0:
            values.append(number)
    return np.array(values)


@pytest.mark.skipif(not REAL_DATA.exists(), reason="real JetX history not available")
def test_real_history_fits_the_fair_law() -> None:
    audit = audit_randomness(_real_history(), source="history")
    assert audit.rounds > 10000
    law = audit.law
    assert law is not None and law.verdict == "fits_fair_law"
    assert law.estimated_edge_interval is not None and law.estimated_edge_interval.contains(0.03)
    # The below/above sequence at 1.5 shows no streaks.
    assert audit.runs is not None and audit.runs.p_value > 0.05
