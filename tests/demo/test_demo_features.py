"""The demo feature extractor against hand-computed values."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jetx_diag.demo import fairgen
from jetx_diag.demo import features as demo_features
from jetx_diag.demo.features import FEATURE_COUNT, FEATURE_NAMES, extract_features
from jetx_diag.errors import DataError


def test_names_order_and_count() -> None:
    features = extract_features([1.2, 3.0])
    assert tuple(features) == FEATURE_NAMES
    assert 20 <= FEATURE_COUNT <= 40
    assert len(set(FEATURE_NAMES)) == FEATURE_COUNT
    assert all(type(value) is float for value in features.values())


def test_five_rounds_by_hand() -> None:
    f = extract_features([1.2, 3.0, 1.0, 2.0, 1.4])
    assert (f["last_1"], f["last_2"], f["last_3"]) == (1.4, 2.0, 1.0)
    assert f["log10_last"] == pytest.approx(math.log10(1.4))
    assert f["diff_1"] == pytest.approx(-0.6)
    # Every window is longer than the history, so each uses all five rounds.
    for w in demo_features.WINDOWS:
        assert f[f"mean_{w}"] == pytest.approx(1.72)
        # Population std: squared deviations .2704 + 1.6384 + .5184 + .0784 + .1024 = 2.608.
        assert f[f"std_{w}"] == pytest.approx(math.sqrt(2.608 / 5))
        assert f[f"median_{w}"] == pytest.approx(1.4)
        assert f[f"below_share_{w}"] == pytest.approx(3 / 5)  # 1.2, 1.0, 1.4
    assert f["below_streak"] == 1.0 and f["above_streak"] == 0.0
    assert f["rounds_since_2x"] == 1.0  # the 2.0 one round before the last
    assert f["rounds_since_10x"] == 5.0 and f["rounds_since_100x"] == 5.0  # never seen


def test_one_round_is_enough() -> None:
    f = extract_features([1.0])
    assert len(f) == FEATURE_COUNT
    assert f["last_3"] == 1.0 and f["diff_1"] == 0.0 and f["std_500"] == 0.0
    assert f["below_streak"] == 1.0 and f["rounds_since_2x"] == 1.0


def test_windows_use_only_the_most_recent_rounds() -> None:
    history = [100.0] * 15 + [1.0] * 5 + [3.0] * 5  # 25 rounds
    f = extract_features(history)
    assert f["mean_10"] == pytest.approx(2.0)  # five 1.0 and five 3.0
    assert f["median_10"] == pytest.approx(2.0)
    assert f["below_share_10"] == pytest.approx(0.5)
    assert f["mean_25"] == pytest.approx((1500 + 5 + 15) / 25)
    assert f["below_share_25"] == pytest.approx(5 / 25)
    assert f["above_streak"] == 5.0 and f["below_streak"] == 0.0
    assert f["rounds_since_10x"] == 10.0  # last 100x is the 15th round; ten rounds follow it
    # Last 20: ten 100s, five 1s, five 3s: mean 51, squared deviations 48030 / 20 = 2401.5.
    assert f["volatility_20"] == pytest.approx(math.sqrt(2401.5) / 51)


def test_1_5_counts_as_above() -> None:
    f = extract_features([1.0, 5.0, 1.5, 1.6])
    assert f["above_streak"] == 3.0 and f["below_streak"] == 0.0
    assert f["below_share_10"] == pytest.approx(0.25)
    g = extract_features([2.0, 1.1, 1.2, 1.3])
    assert g["below_streak"] == 3.0 and g["above_streak"] == 0.0


def test_rounds_since_looks_back_at_most_lookback_rounds() -> None:
    history = [50.0] + [1.2] * 1499
    f = extract_features(history)
    assert f["rounds_since_10x"] == float(demo_features.LOOKBACK)
    history[-1000] = 20.0
    assert extract_features(history)["rounds_since_10x"] == 999.0


def test_long_history_equals_its_tail_and_arrays_equal_lists() -> None:
    values = fairgen.generate_rounds(3000)
    full = extract_features(values.tolist())
    assert full == extract_features(values[-1000:].tolist())
    assert full == extract_features(values)


def test_empty_and_non_finite_histories_are_refused() -> None:
    with pytest.raises(DataError, match="at least 1 round"):
        extract_features([])
    with pytest.raises(DataError, match="finite"):
        extract_features([1.2, float("nan")])
    with pytest.raises(DataError, match="finite"):
        extract_features([1.2, float("inf")])


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.floats(min_value=1.0, max_value=1e6, allow_nan=False, allow_infinity=False),
        min_size=1,
        max_size=60,
    )
)
def test_every_feature_is_finite_for_any_history(history: list[float]) -> None:
    f = extract_features(history)
    assert tuple(f) == FEATURE_NAMES
    assert all(math.isfinite(value) for value in f.values())
