"""Calibration: bins, Brier and ECE by hand; agreement with scikit-learn's curve."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.calibration import calibration_curve

from jetx_diag.errors import InputError, MismatchError, UsageError
from jetx_diag.results import Rate, from_dict, to_dict
from jetx_diag.skill.calibration import (
    Calibration,
    calibrate,
    check_probabilities,
    expected_calibration_error,
    reliability_bins,
)

P = np.array([0.05, 0.15, 0.15, 0.5, 0.95, 1.0])
ACTUAL = np.array([1.2, 1.6, 1.0, 2.0, 9.0, 1.5])  # below, above, below, above, above, above


def test_bins_by_hand() -> None:
    bins = reliability_bins(ACTUAL >= 1.5, P)
    assert len(bins) == 10
    counts = [b.count for b in bins]
    assert counts == [1, 2, 0, 0, 0, 1, 0, 0, 0, 2]  # 0.5 opens bin 5; 1.0 joins the last bin
    assert bins[1].observed == Rate(1, 2) and bins[1].mean_predicted == pytest.approx(0.15)
    assert bins[9].observed == Rate(2, 2) and bins[9].mean_predicted == pytest.approx(0.975)
    assert bins[2].mean_predicted is None and bins[2].interval is None
    assert (bins[5].low, bins[5].high) == pytest.approx((0.5, 0.6))


def test_brier_and_ece_by_hand() -> None:
    result = calibrate(ACTUAL, P)
    assert result is not None
    # Squared errors: .0025 + .7225 + .0225 + .25 + .0025 + 0 = 1.0 over 6 rounds.
    assert result.brier == pytest.approx(1.0 / 6)
    # |0 − .05|·1 + |.5 − .15|·2 + |1 − .5|·1 + |1 − .975|·2 = 1.3 over 6 rounds.
    assert result.ece == pytest.approx(1.3 / 6)
    fair = 0.97 / 1.5
    above = (ACTUAL >= 1.5).astype(float)
    assert result.fair_probability == pytest.approx(fair)
    assert result.brier_reference == pytest.approx(np.mean((fair - above) ** 2))
    assert result.brier_skill == pytest.approx(1 - (1.0 / 6) / result.brier_reference)
    assert result.observed == Rate(4, 6)
    assert result.mean_predicted == pytest.approx(P.mean())


def test_non_empty_bins_agree_with_sklearn_calibration_curve() -> None:
    rng = np.random.default_rng(0)
    p = rng.uniform(size=2000)
    y = rng.uniform(size=2000) < p
    bins = reliability_bins(y, p)
    observed, predicted = calibration_curve(y, p, n_bins=10)
    ours = [(b.observed.value, b.mean_predicted) for b in bins if b.count]
    assert [o for o, _ in ours] == pytest.approx(list(observed))
    assert [m for _, m in ours] == pytest.approx(list(predicted))


def test_calibrated_model_has_small_ece_and_overconfident_large() -> None:
    rng = np.random.default_rng(1)
    truth = rng.uniform(0.2, 0.9, size=20000)
    outcome = rng.uniform(size=truth.size) < truth
    actual = np.where(outcome, 2.0, 1.2)
    honest = calibrate(actual, truth)
    overconfident = calibrate(actual, np.clip(0.5 + 2.0 * (truth - 0.5), 0, 1))
    assert honest is not None and overconfident is not None
    assert honest.ece < 0.02
    assert overconfident.ece > 0.08
    assert honest.brier < overconfident.brier
    assert honest.brier_skill is not None and honest.brier_skill > 0


def test_know_nothing_fair_forecast_has_zero_skill() -> None:
    rng = np.random.default_rng(2)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=5000))
    result = calibrate(actual, np.full(actual.size, 0.97 / 1.5))
    assert result is not None
    assert result.brier_skill == pytest.approx(0.0, abs=1e-12)
    assert result.bins[6].count == 5000  # every round in [0.6, 0.7)


def test_bad_probabilities_are_refused() -> None:
    with pytest.raises(InputError, match="outside \\[0, 1\\]"):
        check_probabilities([0.2, 1.5, np.nan])
    with pytest.raises(InputError):
        check_probabilities(np.ones((2, 2)))
    with pytest.raises(MismatchError, match="3 rounds but 2 probabilities"):
        calibrate([1.0, 2.0, 3.0], [0.1, 0.2])
    with pytest.raises(UsageError):
        reliability_bins([True], [0.5], bins=0)
    assert calibrate([], []) is None
    assert np.isnan(expected_calibration_error(()))


def test_round_trip() -> None:
    result = calibrate(ACTUAL, P)
    assert from_dict(Calibration, to_dict(result)) == result
