"""Metrics against hand-computed numbers, starting with the source document's matrix."""

from __future__ import annotations

import numpy as np
import pytest

from jetx_diag.results import ConfusionMatrix, Rate
from jetx_diag.scoring.metrics import (
    classify,
    compute_metrics,
    confusion,
    metrics_from_confusion,
    regression_errors,
)

DOCUMENT = ConfusionMatrix(26, 412, 43, 637)


def test_document_matrix_gives_the_documents_rates() -> None:
    metrics = metrics_from_confusion(DOCUMENT)
    assert metrics.below_accuracy == Rate(26, 438)
    assert metrics.below_accuracy.percent() == 5.94
    assert metrics.above_accuracy == Rate(637, 680)
    assert metrics.above_accuracy.percent() == 93.68
    assert metrics.money_loss_risk == Rate(412, 438)
    assert metrics.money_loss_risk.percent(1) == 94.1
    assert metrics.threshold_accuracy == Rate(663, 1118)
    assert metrics.threshold_accuracy.percent(1) == 59.3


def test_document_matrix_bettors_view() -> None:
    metrics = metrics_from_confusion(DOCUMENT)
    # 412 + 637 = 1049 "above" calls are 1049 bets; 412 of them lose the stake.
    assert metrics.above_call_share == Rate(1049, 1118)
    assert metrics.bets_lost_share == Rate(412, 1049)
    assert metrics.bets_lost_share.text() == "39.28% (412/1049)"


def test_rate_text_shows_counts_and_zero_denominator() -> None:
    assert Rate(26, 438).text() == "5.94% (26/438)"
    assert Rate(0, 0).text() == "n/a (0/0)"
    assert Rate(0, 0).value is None
    assert Rate(0, 5).text() == "0.00% (0/5)"


def test_rate_rejects_impossible_counts() -> None:
    with pytest.raises(ValueError):
        Rate(5, 4)


def test_confusion_from_arrays_orders_rows_actual_columns_called() -> None:
    actual = np.array([1.2, 1.2, 1.2, 2.0, 2.0, 1.5])  # 1.5 itself is "above": the bet wins
    called = np.array([False, True, True, False, True, True])
    assert confusion(actual >= 1.5, called) == ConfusionMatrix(1, 2, 1, 2)


def test_compute_metrics_with_heads() -> None:
    actual = np.array([1.0, 1.4, 3.0, 12.0])
    called = np.array([False, True, True, True])
    probs = np.array(
        [[0.8, 0.1, 0.1], [0.2, 0.7, 0.1], [0.1, 0.8, 0.1], [0.1, 0.8, 0.1]]
    )  # argmax 0,1,1,1 vs actual classes 0,0,1,2 → 2 of 4
    metrics = compute_metrics(actual, called, class_probs=probs, regression=[1.0, 2.4, 2.0, 2.0])
    assert metrics.confusion == ConfusionMatrix(1, 1, 0, 2)
    assert metrics.classification_accuracy == Rate(2, 4)
    assert metrics.regression is not None
    assert metrics.regression.mae == pytest.approx((0 + 1.0 + 1.0 + 10.0) / 4)
    assert metrics.regression.rmse == pytest.approx(np.sqrt((0 + 1 + 1 + 100) / 4))


def test_one_class_held_out_gives_na_not_crash() -> None:
    metrics = compute_metrics(np.array([2.0, 3.0]), np.array([True, True]))
    assert metrics.below_accuracy.text() == "n/a (0/0)"
    assert metrics.money_loss_risk.text() == "n/a (0/0)"
    assert metrics.above_accuracy == Rate(2, 2)


def test_classify_edges() -> None:
    assert classify([1.0, 1.49, 1.5, 9.99, 10.0, 500.0]).tolist() == [0, 0, 1, 1, 2, 2]


def test_regression_errors_empty() -> None:
    errors = regression_errors([], [])
    assert errors.count == 0
