"""Baselines on hand-sized examples and on the document's held-out counts."""

from __future__ import annotations

import numpy as np
import pytest

from jetx_diag.errors import MismatchError, UsageError
from jetx_diag.results import Rate, from_dict, to_dict
from jetx_diag.skill.baselines import (
    BASELINE_NAMES,
    base_rate,
    coin_expected,
    fair_probability,
    run_baselines,
)

ACTUAL = np.array([1.2, 2.0, 1.5, 1.0, 3.0])  # below, above, above (exactly 1.5), below, above


def test_trivial_baselines_by_hand() -> None:
    result = run_baselines(ACTUAL, train_actual=np.array([1.1, 1.7]))
    above = result.get("always_above")
    below = result.get("always_below")
    assert above.called_above.tolist() == [True] * 5
    assert above.metrics.threshold_accuracy == Rate(3, 5)
    assert above.metrics.money_loss_risk == Rate(2, 2)
    assert below.metrics.threshold_accuracy == Rate(2, 5)
    assert below.metrics.bets_lost_share == Rate(0, 0)  # no bets: n/a, not 0%
    assert result.best == "always_above"


def test_same_as_last_round_by_hand() -> None:
    # The round before the first held-out one (1.7) was above, so the first call is "above".
    result = run_baselines(ACTUAL, train_actual=np.array([1.1, 1.7]))
    last = result.get("same_as_last")
    assert last.called_above.tolist() == [True, False, True, True, False]
    assert last.metrics.threshold_accuracy == Rate(1, 5)
    assert last.details["first_call"] == "previous_round"
    alone = run_baselines(ACTUAL).get("same_as_last")  # no earlier round: "above"
    assert alone.called_above.tolist()[0] is True
    before_below = run_baselines(ACTUAL, train_actual=np.array([1.49])).get("same_as_last")
    assert before_below.called_above.tolist()[0] is False


def test_base_rate_from_training_or_fair_game() -> None:
    rate = base_rate(ACTUAL, np.array([1.0, 2.0, 1.5, 1.1]))
    assert rate.source == "training"
    assert rate.probability == 0.5 and rate.training == Rate(2, 4)
    assert rate.held_out == Rate(3, 5)
    fair = base_rate(ACTUAL)
    assert fair.source == "fair_game" and fair.training is None
    assert fair.probability == pytest.approx(0.97 / 1.5)
    assert fair_probability(2.0, 0.01) == pytest.approx(0.495)
    with pytest.raises(UsageError):
        fair_probability(1.5, 1.0)
    with pytest.raises(UsageError):
        fair_probability(0.5)


def test_weighted_coin_is_seeded_and_reports_expected_metrics() -> None:
    rng = np.random.default_rng(0)
    actual = 0.97 / rng.uniform(size=5000)
    train = 0.97 / rng.uniform(size=2000)
    a = run_baselines(actual, train_actual=train, seed=11).get("weighted_coin")
    b = run_baselines(actual, train_actual=train, seed=11).get("weighted_coin")
    c = run_baselines(actual, train_actual=train, seed=12).get("weighted_coin")
    assert a == b and not np.array_equal(a.called_above, c.called_above)
    q = float(np.mean(train >= 1.5))
    pi = float(np.mean(actual >= 1.5))
    assert a.expected == coin_expected(q, pi)
    assert a.expected["threshold_accuracy"] == pytest.approx(q * pi + (1 - q) * (1 - pi))
    # On 5,000 rounds the realised coin lands near its expectation.
    assert a.metrics.above_call_share.value == pytest.approx(q, abs=0.03)
    assert a.metrics.threshold_accuracy.value == pytest.approx(
        a.expected["threshold_accuracy"], abs=0.03
    )
    assert a.details["source"] == "training" and a.details["seed"] == "11"


def test_logistic_baseline_learns_an_informative_feature() -> None:
    rng = np.random.default_rng(5)
    train = 0.97 / rng.uniform(size=600)
    held = 0.97 / rng.uniform(size=300)
    # A feature that leaks the outcome (plus noise), and one of pure noise.
    train_x = np.column_stack([(train >= 1.5) + rng.normal(0, 0.3, 600), rng.normal(size=600)])
    held_x = np.column_stack([(held >= 1.5) + rng.normal(0, 0.3, 300), rng.normal(size=300)])
    result = run_baselines(held, train_actual=train, features=held_x, train_features=train_x)
    logistic = result.get("logistic")
    assert logistic.metrics.threshold_accuracy.value > 0.9  # type: ignore[operator]
    assert result.best == "logistic"
    assert [b.name for b in result.baselines] == list(BASELINE_NAMES)
    assert result.skipped == {}


def test_logistic_is_skipped_or_refused_with_reasons() -> None:
    rng = np.random.default_rng(6)
    held = 0.97 / rng.uniform(size=20)
    assert "logistic" in run_baselines(held).skipped
    one_class = run_baselines(
        held,
        train_actual=np.full(10, 2.0),
        features=rng.normal(size=(20, 2)),
        train_features=rng.normal(size=(10, 2)),
    )
    assert one_class.skipped["logistic"] == "one_class"
    with pytest.raises(MismatchError, match="3 held-out features but 2"):
        run_baselines(
            held,
            train_actual=np.array([1.0, 2.0]),
            features=rng.normal(size=(20, 3)),
            train_features=rng.normal(size=(2, 2)),
        )
    with pytest.raises(MismatchError, match="19 held-out feature rows for 20 rounds"):
        run_baselines(
            held,
            train_actual=np.array([1.0, 2.0]),
            features=rng.normal(size=(19, 2)),
            train_features=rng.normal(size=(2, 2)),
        )


def test_logistic_fits_on_the_tail_of_the_training_slice() -> None:
    rng = np.random.default_rng(12)
    held = 0.97 / rng.uniform(size=200)
    # 500 training rounds, features for the last 100 only: the first 400 outcomes all "below"
    # would make a one-class fit if they were (wrongly) paired with the features.
    train = np.concatenate([np.full(400, 1.1), 0.97 / rng.uniform(size=100)])
    tail_x = ((train[400:] >= 1.5) + rng.normal(0, 0.3, 100))[:, None]
    held_x = ((held >= 1.5) + rng.normal(0, 0.3, 200))[:, None]
    result = run_baselines(held, train_actual=train, features=held_x, train_features=tail_x)
    logistic = result.get("logistic")
    assert logistic.details["training_rounds"] == "100"
    assert logistic.metrics.threshold_accuracy.value > 0.85  # type: ignore[operator]
    assert result.base_rate.training == Rate(int(np.sum(train >= 1.5)), 500)
    with pytest.raises(MismatchError, match="501 training feature rows for 500 training rounds"):
        run_baselines(held, train_actual=train, features=held_x, train_features=np.zeros((501, 1)))


def test_document_held_out_counts_always_above() -> None:
    # 438 rounds below 1.5 and 680 at or above: always "above" is right 680 times in 1,118.
    actual = np.array([1.2] * 438 + [2.0] * 680)
    result = run_baselines(actual)
    assert result.get("always_above").metrics.threshold_accuracy == Rate(680, 1118)
    assert result.get("always_below").metrics.below_accuracy == Rate(438, 438)


def test_baseline_set_round_trips_through_dict() -> None:
    from jetx_diag.skill.baselines import BaselineSet

    result = run_baselines(ACTUAL, train_actual=np.array([1.1, 1.7]))
    assert from_dict(BaselineSet, to_dict(result)) == result
