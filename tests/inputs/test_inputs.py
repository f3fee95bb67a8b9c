"""Model inputs from a history: windows, split, features, scaler, cache."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.preprocessing import StandardScaler

from jetx_diag.errors import DataError, MismatchError, UsageError, UserCodeError
from jetx_diag.inputs.feature_cache import FeatureExtractor, compute_features
from jetx_diag.inputs.model_inputs import (
    build_inputs,
    classify_input,
    first_predictable_index,
    plan_split,
    window_batch,
)

CALLS: list[int] = []


def two_features(history: list[float]) -> dict[str, float]:
    CALLS.append(len(history))
    return {"last": history[-1], "mean": float(np.mean(history))}


EXTRACTOR = FeatureExtractor("tests:two_features", two_features, "fingerprint-1")


def test_classify_inputs_by_shape_and_name() -> None:
    assert classify_input("seq50", (None, 50, 1)).kind == "window"
    assert classify_input("seq200", (None, 200)).kind == "window"
    assert classify_input("features", (None, 42)).kind == "features"
    with pytest.raises(MismatchError):
        classify_input("image", (None, 8, 8, 3))


def test_split_is_chronological_like_training_scripts() -> None:
    ids = np.arange(1, 1001)
    split, targets = plan_split(ids, first_index=500, test_fraction=0.2)
    # 500 samples; int(500 * 0.8) = 400 train samples; the last 100 rounds are held out.
    assert (split.samples, split.train_samples, split.test_samples) == (500, 400, 100)
    assert targets[0] == 900 and targets[-1] == 999
    assert (split.test_first_id, split.test_last_id) == (901, 1000)


def test_split_from_id_and_errors() -> None:
    ids = np.arange(10, 110)
    split, targets = plan_split(ids, first_index=5, test_from_id=100)
    assert targets[0] == 90 and split.test_samples == 10
    with pytest.raises(UsageError):
        plan_split(ids, first_index=5, test_from_id=12)  # too little history before it
    with pytest.raises(DataError, match="needs 200 rounds"):
        plan_split(np.arange(150), first_index=200)


def test_window_is_the_rounds_just_before_the_target_and_a_view() -> None:
    values = np.arange(1.0, 21.0)  # 1..20
    targets = np.arange(5, 20)
    batch = window_batch(values, 5, targets)
    assert batch.shape == (15, 5, 1)
    assert batch[0, :, 0].tolist() == [1.0, 2.0, 3.0, 4.0, 5.0]  # rounds before index 5
    assert batch[-1, :, 0].tolist() == [15.0, 16.0, 17.0, 18.0, 19.0]
    assert np.shares_memory(batch, values)  # zero-copy


def test_build_inputs_transforms_windows_with_log10() -> None:
    values = np.array([1.0, 10.0, 100.0, 1000.0])
    specs = [classify_input("seq2", (None, 2, 1))]
    arrays = build_inputs(values, specs, np.array([2, 3]))
    assert arrays["seq2"][:, :, 0] == pytest.approx(np.log10(np.array([[1, 10], [10, 100]]) + 1e-8))


def test_features_scaled_and_mismatch_names_all_three_numbers() -> None:
    values = np.arange(1.0, 11.0)
    targets = np.arange(3, 10)
    scaler = StandardScaler().fit(np.array([[1.0, 1.0], [3.0, 2.0]]))
    arrays = build_inputs(
        values,
        [classify_input("features", (None, 2))],
        targets,
        extractor=EXTRACTOR,
        scaler=scaler,
    )
    expected_raw = np.array([[values[t - 1], values[:t].mean()] for t in targets])
    assert arrays["features"] == pytest.approx(scaler.transform(expected_raw))
    with pytest.raises(MismatchError, match="extractor 2, model input 3, scaler 2"):
        build_inputs(
            values,
            [classify_input("features", (None, 3))],
            targets,
            extractor=EXTRACTOR,
            scaler=scaler,
            scaler_path="scaler.pkl",
        )


def test_feature_input_without_extractor_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="--features"):
        build_inputs(np.ones(5), [classify_input("features", (None, 2))], np.array([2, 3]))


def test_feature_cache_second_run_does_not_call_extractor(tmp_path) -> None:
    values = np.arange(1.0, 101.0)
    targets = np.arange(50, 100)
    CALLS.clear()
    names, first = compute_features(EXTRACTOR, values, targets, tmp_path)
    assert len(CALLS) == 50 and names == ("last", "mean")
    CALLS.clear()
    _, second = compute_features(EXTRACTOR, values, targets, tmp_path)
    assert CALLS == [] and np.array_equal(first, second)
    # A corrupt cache file is recomputed, not trusted.
    for cached in tmp_path.glob("features-*.npz"):
        cached.write_bytes(b"not an npz")
    _, third = compute_features(EXTRACTOR, values, targets, tmp_path)
    assert len(CALLS) == 50 and np.array_equal(first, third)


def test_extractor_that_fails_names_the_round() -> None:
    def broken(history: list[float]) -> dict[str, float]:
        if len(history) == 7:
            raise ZeroDivisionError("boom")
        return {"x": 1.0}

    extractor = FeatureExtractor("m:broken", broken, "fp")
    with pytest.raises(UserCodeError, match="on round index 7 raised ZeroDivisionError: boom"):
        compute_features(extractor, np.ones(10), np.arange(5, 10))


def test_first_predictable_index() -> None:
    specs = [classify_input("seq500", (None, 500, 1)), classify_input("features", (None, 4))]
    assert first_predictable_index(specs) == 500
    assert first_predictable_index([classify_input("features", (None, 4))]) == 1
