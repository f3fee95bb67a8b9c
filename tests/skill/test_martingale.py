"""The martingale test against the fair law: tiny sequences by hand, and its pieces."""

from __future__ import annotations

import math

import numpy as np
import pytest

from jetx_diag.errors import UsageError
from jetx_diag.skill.martingale import fair_rate, martingale_test, sequential_ranks


def normal_tail(z: float) -> float:
    """P(N(0, 1) > z), from the error function."""
    return 0.5 * math.erfc(z / math.sqrt(2.0))


def test_sequential_ranks_of_a_tiny_sequence_by_hand() -> None:
    # 0.2: nothing before it → 0. 0.5 above 0.2 → 1 − ½. 0.1 below both → 0 − ½.
    # 0.5 above 0.2 and 0.1, equal to 0.5: (2 + ½)/3 − ½ = ⅓. 0.9 above all four → ½.
    weights = sequential_ranks([0.2, 0.5, 0.1, 0.5, 0.9])
    assert weights == pytest.approx([0.0, 0.5, -0.5, 1 / 3, 0.5])


def test_sequential_ranks_of_calls_centre_them_on_the_running_call_share() -> None:
    # For 0/1 calls the weight is (c_t − share of "above" calls so far)/2: 1 after [1, 0] → ¼.
    assert sequential_ranks([1, 0, 1, 1]) == pytest.approx([0.0, -0.5, 0.25, 1 / 6])


def test_martingale_statistic_on_a_tiny_sequence_by_hand() -> None:
    scores = [0.2, 0.5, 0.1, 0.5, 0.9]
    above = [True, True, False, False, True]
    result = martingale_test(above, scores, 0.5)
    # Σ (y − ½)·w = ½·0 + ½·½ + (−½)(−½) + (−½)(⅓) + ½·½ = ¾ − ⅙ = 7/12.
    statistic = 7 / 12
    # π₀(1 − π₀)·Σ w² = ¼ · (0 + ¼ + ¼ + ⅑ + ¼) = ¼ · 31/36 = 31/144.
    variance = 31 / 144
    z = statistic / math.sqrt(variance)
    assert result.statistic == pytest.approx(statistic)
    assert result.variance == pytest.approx(variance)
    assert result.z == pytest.approx(z)  # 1.2572
    assert result.p_value == pytest.approx(normal_tail(z))
    assert result.p_value_less == pytest.approx(1.0 - normal_tail(z))
    assert result.rounds == 5


def test_the_fair_rate_not_the_sample_share_is_the_centre() -> None:
    # Calls [1, 0, 1, 1] → w = [0, −½, ¼, ⅙]; outcomes all "above" except the second.
    rate = fair_rate(1.5, 0.03)  # 0.97/1.5 = 0.64667
    assert rate == pytest.approx(0.97 / 1.5)
    result = martingale_test([True, False, True, True], [1, 0, 1, 1], rate)
    statistic = (0 - rate) * -0.5 + (1 - rate) * 0.25 + (1 - rate) / 6
    variance = rate * (1 - rate) * (0.25 + 1 / 16 + 1 / 36)
    assert result.statistic == pytest.approx(statistic)
    assert result.variance == pytest.approx(variance)
    assert result.p_value == pytest.approx(normal_tail(statistic / math.sqrt(variance)))


def test_a_constant_output_has_nothing_to_test() -> None:
    result = martingale_test([True, False, True], [0.7, 0.7, 0.7], 0.6)
    assert (result.z, result.p_value, result.p_value_less) == (0.0, 1.0, 1.0)


def test_blocks_give_the_same_ranks_as_a_plain_loop() -> None:
    # 700 scores with many ties: three blocks of 256, compared with the definition.
    x = np.round(np.random.default_rng(5).uniform(size=700), 2)
    expected = np.zeros(x.size)
    for t in range(1, x.size):
        before = x[:t]
        expected[t] = (np.sum(before < x[t]) + 0.5 * np.sum(before == x[t])) / t - 0.5
    assert sequential_ranks(x) == pytest.approx(expected)


def test_bad_inputs_are_refused() -> None:
    with pytest.raises(UsageError):
        martingale_test([True, False], [0.1, 0.2, 0.3], 0.5)
    with pytest.raises(UsageError):
        martingale_test([True, False], [0.1, 0.2], 1.0)
    with pytest.raises(UsageError):
        fair_rate(1.0, 0.03)
    with pytest.raises(UsageError):
        sequential_ranks(np.ones((2, 2)))
