"""Intervals, bootstrap and target decisions against hand-computed numbers."""

from __future__ import annotations

import math

import numpy as np
import pytest
from statsmodels.stats.proportion import proportion_confint

from jetx_diag.errors import UsageError
from jetx_diag.results import Rate
from jetx_diag.scoring.stats import (
    Interval,
    auto_block_length,
    block_indices,
    bootstrap_interval,
    decide,
    rounds_needed_to_decide,
    wilson,
)

Z95 = 1.959963984540054  # standard normal 97.5% quantile


def wilson_by_hand(hits: int, n: int, z: float = Z95) -> tuple[float, float]:
    p = hits / n
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z / (1 + z * z / n) * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n))
    return centre - half, centre + half


# The document's matrix: 26/412 (actual below), 43/637 (actual above).
DOCUMENT_RATES = [
    Rate(26, 438),  # below accuracy 5.94%
    Rate(637, 680),  # above accuracy 93.68%
    Rate(412, 438),  # money-loss risk 94.06%
    Rate(663, 1118),  # threshold accuracy 59.30%
    Rate(680, 1118),  # always-above threshold accuracy 60.82%
]


@pytest.mark.parametrize("rate", DOCUMENT_RATES, ids=lambda r: f"{r.hits}/{r.total}")
def test_wilson_matches_the_formula(rate: Rate) -> None:
    interval = wilson(rate)
    assert interval is not None
    low, high = wilson_by_hand(rate.hits, rate.total)
    assert interval.low == pytest.approx(low, abs=1e-9)
    assert interval.high == pytest.approx(high, abs=1e-9)
    assert interval.method == "wilson" and interval.level == 0.95


def test_wilson_of_document_below_accuracy_in_percent() -> None:
    interval = wilson(Rate(26, 438))
    assert interval is not None
    assert interval.percent() == (4.08, 8.56)  # hand: 0.040828…, 0.085555…


def test_wilson_other_level_and_edges() -> None:
    z90 = 1.6448536269514722
    interval = wilson(Rate(26, 438), level=0.90)
    assert interval is not None
    assert (interval.low, interval.high) == pytest.approx(wilson_by_hand(26, 438, z90), abs=1e-9)
    assert wilson(Rate(0, 0)) is None
    zero = wilson(Rate(0, 10))
    full = wilson(Rate(10, 10))
    assert zero is not None and zero.low == pytest.approx(0.0, abs=1e-12) and zero.high > 0.2
    assert full is not None and full.high == pytest.approx(1.0) and full.low < 0.8
    with pytest.raises(UsageError):
        decide(Rate(1, 2), ">=", 50, level=1.5)


@pytest.mark.parametrize(
    ("rate", "op", "target", "expected"),
    [
        (Rate(26, 438), ">=", 75, "missed"),  # [4.08, 8.56]
        (Rate(412, 438), "<", 20, "missed"),  # money-loss risk [91.5, 95.8]
        (Rate(90, 100), ">=", 75, "met"),  # [82.6, 94.5]
        (Rate(76, 100), ">=", 75, "undecided"),  # [66.8, 83.3]
        (Rate(5, 100), "<", 20, "met"),  # [2.2, 11.2]
        (Rate(5, 100), ">", 20, "missed"),
        (Rate(50, 100), "<=", 20, "missed"),
        (Rate(0, 0), ">=", 75, "undecided"),
    ],
)
def test_decide_table(rate: Rate, op: str, target: float, expected: str) -> None:
    assert decide(rate, op, target) == expected


def test_decide_compares_rounded_ends_and_respects_strictness() -> None:
    interval = wilson(Rate(90, 100))
    assert interval is not None
    low, high = interval.percent()
    assert decide(Rate(90, 100), ">=", low) == "met"
    assert decide(Rate(90, 100), ">", low) == "undecided"
    assert decide(Rate(90, 100), "<=", high) == "met"
    assert decide(Rate(90, 100), "<", high) == "undecided"
    with pytest.raises(UsageError):
        decide(Rate(1, 2), "=>", 50)
    with pytest.raises(UsageError):
        decide(Rate(1, 2), ">=", 150)


def test_rounds_needed_closed_form_by_hand() -> None:
    # 70% on 100 rounds against 75%: n > z² · 0.75 · 0.25 / 0.05² = 288.1… → 289 rounds in all.
    assert rounds_needed_to_decide(Rate(70, 100), 75) == 189
    # At the current rate the Wilson interval excludes 75% at 289 rounds and not at 288.
    for total, excludes in ((289, True), (288, False)):
        low, high = proportion_confint(0.7 * total, total, method="wilson")
        assert (not low <= 0.75 <= high) is excludes


def test_rounds_needed_edge_cases() -> None:
    assert rounds_needed_to_decide(Rate(26, 438), 75) == 0  # already decided
    assert rounds_needed_to_decide(Rate(3, 4), 75) is None  # equal to the target
    assert rounds_needed_to_decide(Rate(0, 0), 75) is None
    assert rounds_needed_to_decide(Rate(1, 4), 0) == 0  # any rate > 0 excludes 0% at once
    with pytest.raises(UsageError):
        rounds_needed_to_decide(Rate(1, 4), 101)
    with pytest.raises(UsageError):
        rounds_needed_to_decide(Rate(1, 4), 50, power=1.0)


def test_rounds_needed_with_power_matches_cohens_h() -> None:
    h = abs(2 * math.asin(math.sqrt(0.70)) - 2 * math.asin(math.sqrt(0.75)))
    z_beta = 0.8416212335729143  # 80% power
    by_hand = ((Z95 + z_beta) / h) ** 2  # ignores the far tail, which adds < 1 round here
    needed = rounds_needed_to_decide(Rate(70, 100), 75, power=0.8)
    assert needed is not None
    assert abs((needed + 100) - math.ceil(by_hand)) <= 1
    assert needed > rounds_needed_to_decide(Rate(70, 100), 75)  # type: ignore[operator]


def test_auto_block_length_rule() -> None:
    assert auto_block_length(1118) == 11  # 1118 ** (1/3) = 10.38
    assert auto_block_length(1000) == 10
    assert auto_block_length(1) == 1


def test_block_indices_are_circular_runs() -> None:
    rng = np.random.default_rng(0)
    idx = block_indices(10, 50, 4, rng)
    assert idx.shape == (50, 10)
    assert idx.min() >= 0 and idx.max() <= 9
    # Inside each block of 4 the next index is the previous one plus 1, wrapping at 10.
    for row in idx:
        for start in range(0, 10, 4):
            block = row[start : start + 4]
            assert np.all(np.diff(block) % 10 == 1)


def _mean(x: np.ndarray, axis: int = -1) -> np.ndarray:
    return np.mean(x, axis=axis)


def test_iid_bootstrap_of_a_mean_matches_the_normal_interval() -> None:
    x = np.random.default_rng(1).normal(size=400)
    interval = bootstrap_interval(_mean, x, block_length=1, seed=3, n_resamples=2000)
    assert interval is not None and interval.method == "bootstrap"
    half = Z95 * x.std(ddof=1) / math.sqrt(x.size)
    assert interval.low == pytest.approx(x.mean() - half, abs=0.2 * half)
    assert interval.high == pytest.approx(x.mean() + half, abs=0.2 * half)
    assert interval.resamples == 2000 and interval.block_length == 1


def test_bootstrap_is_reproducible_and_seed_dependent() -> None:
    x = np.random.default_rng(2).exponential(size=300)
    a = bootstrap_interval(_mean, x, seed=7, n_resamples=200)
    b = bootstrap_interval(_mean, x, seed=7, n_resamples=200)
    c = bootstrap_interval(_mean, x, seed=8, n_resamples=200)
    assert a == b
    assert a != c
    assert a is not None and a.method == "block_bootstrap" and a.block_length == 7


def test_block_bootstrap_widens_for_serially_dependent_rounds() -> None:
    rng = np.random.default_rng(3)
    noise = rng.normal(size=1000)
    x = np.empty(1000)
    x[0] = noise[0]
    for t in range(1, 1000):  # AR(1) with phi 0.8: the mean's true s.e. is 3x the i.i.d. one
        x[t] = 0.8 * x[t - 1] + noise[t]
    iid = bootstrap_interval(_mean, x, block_length=1, seed=0, n_resamples=500)
    block = bootstrap_interval(_mean, x, block_length=30, seed=0, n_resamples=500)
    assert iid is not None and block is not None
    assert (block.high - block.low) > 1.8 * (iid.high - iid.low)


def _mean_where_positive(x: np.ndarray, y: np.ndarray, axis: int = -1) -> np.ndarray:
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.sum(y * x, axis=axis) / np.sum(x, axis=axis)


def test_bootstrap_drops_resamples_where_the_statistic_is_undefined() -> None:
    x = np.zeros(40)
    x[[3, 30]] = 1.0
    y = np.arange(40, dtype=float)
    interval = bootstrap_interval(_mean_where_positive, x, y, seed=0, n_resamples=300)
    assert interval is not None
    assert 0 < interval.resamples < 300  # type: ignore[operator]
    assert 3.0 <= interval.low <= interval.high <= 30.0
    assert bootstrap_interval(_mean_where_positive, np.zeros(5), np.ones(5)) is None


def test_bootstrap_input_errors() -> None:
    with pytest.raises(UsageError):
        bootstrap_interval(_mean_where_positive, np.ones(5), np.ones(4))
    with pytest.raises(UsageError):
        bootstrap_interval(_mean, np.ones(5), block_length=0)
    assert bootstrap_interval(_mean, np.array([])) is None


def test_a_single_round_has_no_bootstrap_interval() -> None:
    # Every resample of one round is that round: no interval, in both bootstrap forms.
    assert bootstrap_interval(_mean, np.array([1.5])) is None
    assert bootstrap_interval(_mean, np.array([1.5]), block_length=1) is None
    assert bootstrap_interval(_mean, np.array([1.5, 2.5]), block_length=1) is not None


def test_interval_helpers() -> None:
    interval = Interval(0.123456, 0.5, "wilson", 0.95)
    assert interval.percent() == (12.35, 50.0)
    assert interval.contains(0.3) and not interval.contains(0.6)


def test_decide_with_rounds_is_consistent() -> None:
    from jetx_diag.scoring.stats import decide_with_rounds

    assert decide_with_rounds(Rate(26, 438), ">=", 75) == ("missed", 0)
    # 80% chance of deciding: sqrt(N) = (1.95996·sqrt(.75·.25) + 0.84162·sqrt(.7·.3)) / 0.05
    # = (0.84870 + 0.38568) / 0.05 = 24.688, N = 609.5 → 610 rounds in all, 510 more.
    assert decide_with_rounds(Rate(70, 100), ">=", 75) == ("undecided", 510)
    assert decide_with_rounds(Rate(3, 4), ">=", 75) == ("undecided", None)
    assert decide_with_rounds(Rate(0, 0), "<", 20) == ("undecided", None)


def test_rounds_for_decision_chance_means_what_it_says() -> None:
    from statsmodels.stats.proportion import proportion_confint

    from jetx_diag.scoring.stats import rounds_for_decision_chance

    # At a 50% chance it is the closed-form inversion of the Wilson interval.
    assert rounds_for_decision_chance(Rate(70, 100), 75, chance=0.5) == 189
    assert rounds_needed_to_decide(Rate(70, 100), 75) == 189
    # At 80%: after 510 more rounds at a true rate of 70%, the Wilson interval lies wholly below
    # 75% in about 80% of held-out sets (simulated).
    total = 100 + rounds_for_decision_chance(Rate(70, 100), 75)
    hits = np.random.default_rng(3).binomial(total, 0.7, size=4000)
    high = proportion_confint(hits, total, alpha=0.05, method="wilson")[1]
    assert 0.77 < float(np.mean(high < 0.75)) < 0.83
    assert rounds_for_decision_chance(Rate(3, 4), 75) is None
    assert rounds_for_decision_chance(Rate(0, 0), 75) is None
