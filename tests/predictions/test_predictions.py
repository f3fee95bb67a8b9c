"""Predictions: calls from heads, and the predictions CSV that needs no TensorFlow."""

from __future__ import annotations

import numpy as np
import pytest

from jetx_diag.errors import DataError, MismatchError
from jetx_diag.predictions import Predictions, read_predictions_csv, write_predictions_csv


def test_calls_use_cutoff_then_regression() -> None:
    preds = Predictions(np.arange(3), np.array([1.0, 2.0, 3.0]), p_above=np.array([0.2, 0.5, 0.9]))
    assert preds.called_above(0.5).tolist() == [False, True, True]
    assert preds.called_above(0.6).tolist() == [False, False, True]
    regression_only = Predictions(
        np.arange(3), np.array([1.0, 2.0, 3.0]), regression=np.array([1.2, 1.5, 4.0])
    )
    assert regression_only.called_above(threshold=1.5).tolist() == [False, True, True]


def test_no_usable_head_is_refused() -> None:
    with pytest.raises(MismatchError):
        Predictions(np.arange(2), np.array([1.0, 2.0]), class_probs=np.ones((2, 3)) / 3)


def test_csv_round_trip(tmp_path) -> None:
    preds = Predictions(
        np.array([7, 8]),
        np.array([1.23, 4.5]),
        p_above=np.array([0.25, 0.75]),
        class_probs=np.array([[0.5, 0.4, 0.1], [0.1, 0.6, 0.3]]),
        regression=np.array([1.1, 3.3]),
    )
    path = tmp_path / "p.csv"
    write_predictions_csv(path, preds)
    back = read_predictions_csv(path)
    assert back.round_ids.tolist() == [7, 8]
    assert back.p_above.tolist() == [0.25, 0.75]
    assert back.class_probs.tolist() == preds.class_probs.tolist()


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("actual,p_above\n1.5,0.4\n2.0,abc\n", "line 3: p_above 'abc' is not a number"),
        ("actual,p_above\n0.5,0.4\n", "line 2: actual multiplier below 1.00"),
        ("actual,p_above\n1.5,1.4\n", "p_above outside [0, 1]"),
        ("actual,p_above\n1.5,nan\n", "line 2: p_above is nan"),
        ("actual,p_above\n1.5\n", "line 2: wrong number of fields"),
        ("actual,score\n1.5,0.3\n", "needs columns"),
        ("actual,p_above\n", "no prediction rows"),
    ],
)
def test_bad_predictions_files(tmp_path, text, phrase) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(text)
    with pytest.raises(DataError) as caught:
        read_predictions_csv(path)
    assert phrase in str(caught.value)
    assert "bad.csv" in str(caught.value)
