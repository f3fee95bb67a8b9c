"""Scaler loading: allow-list unpickling (nothing hostile runs), fitted and finite checks."""

from __future__ import annotations

import copyreg
import hashlib
import io
import json
import os
import pickle
import re
from pathlib import Path
from typing import Any

import joblib
import numpy as np
import pandas as pd
import pytest
import sklearn
import skops.io as sio
from sklearn.compose import ColumnTransformer
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import FunctionTransformer, MinMaxScaler, StandardScaler

from jetx_diag.artifacts.safe_pickle import load_scaler
from jetx_diag.errors import ArtifactError, UnsafeInputError
from jetx_diag.results import Artifact, from_dict, to_dict

# Features with known statistics: column means 2.5 and 25, population variances 1.25 and 125.
X = np.array([[1.0, 10.0], [2.0, 20.0], [3.0, 30.0], [4.0, 40.0]])


class Payload:
    """Unpickling this calls os.system: the classic malicious pickle."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch {self.marker}",))


def _dump(obj: Any, path: Path, how: str) -> Path:
    if how == "pickle":
        path.write_bytes(pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL))
    elif how == "pickle2":
        path.write_bytes(pickle.dumps(obj, protocol=2))
    elif how == "joblib":
        joblib.dump(obj, path)
    else:  # a compressor name
        joblib.dump(obj, path, compress=(how, 3))
    return path


@pytest.mark.parametrize("how", ["pickle", "pickle2", "joblib", "zlib", "gzip", "bz2", "xz"])
def test_standard_scaler_loads_with_its_statistics(tmp_path: Path, how: str) -> None:
    path = _dump(StandardScaler().fit(X), tmp_path / "scaler_progressive.pkl", how)
    loaded = load_scaler(path)
    assert loaded.format == ("pickle" if how.startswith("pickle") else "joblib")
    assert loaded.type_name == "StandardScaler"
    assert loaded.n_features_in == 2
    np.testing.assert_allclose(loaded.scaler.mean_, [2.5, 25.0])
    np.testing.assert_allclose(loaded.scaler.var_, [1.25, 125.0])
    np.testing.assert_allclose(loaded.scaler.transform([[2.5, 25.0]]), [[0.0, 0.0]])
    assert loaded.sklearn_version == sklearn.__version__
    assert loaded.warnings == ()
    assert loaded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert loaded.size_bytes == path.stat().st_size


def test_minmax_scaler_and_containers(tmp_path: Path) -> None:
    minmax = load_scaler(_dump(MinMaxScaler().fit(X), tmp_path / "mm.joblib", "joblib"))
    np.testing.assert_allclose(minmax.scaler.transform([[1.0, 40.0]]), [[0.0, 1.0]])
    pipeline = make_pipeline(StandardScaler(), MinMaxScaler(), FunctionTransformer(np.log1p))
    loaded = load_scaler(_dump(pipeline.fit(X), tmp_path / "p.joblib", "zlib"))
    assert loaded.type_name == "Pipeline(StandardScaler, MinMaxScaler, FunctionTransformer)"
    column = ColumnTransformer([("a", StandardScaler(), [0])], remainder="passthrough").fit(X)
    loaded = load_scaler(_dump(column, tmp_path / "c.pkl", "pickle"))
    np.testing.assert_allclose(loaded.scaler.transform(X)[:, 1], X[:, 1])


def test_scaler_fitted_on_a_dataframe_with_object_array(tmp_path: Path) -> None:
    # feature_names_in_ is an object array: joblib writes it as a nested pickle.
    frame = pd.DataFrame(X, columns=["mean_50", "std_50"])
    path = _dump(StandardScaler().fit(frame), tmp_path / "s.joblib", "joblib")
    loaded = load_scaler(path)
    assert list(loaded.scaler.feature_names_in_) == ["mean_50", "std_50"]


@pytest.mark.parametrize("how", ["pickle", "pickle2", "joblib", "zlib"])
def test_payload_is_refused_before_it_runs(tmp_path: Path, how: str) -> None:
    marker = tmp_path / "MARKER"
    path = _dump(Payload(marker), tmp_path / "scaler.pkl", how)
    with pytest.raises(UnsafeInputError) as caught:
        load_scaler(path)
    message = str(caught.value)
    assert f"names {os.system.__module__}.system" in message  # posix.system on Linux
    assert "nothing in the file was run" in message
    assert caught.value.path == str(path)
    assert not marker.exists()
    pickle.loads(path.read_bytes()) if how.startswith("pickle") else joblib.load(path)
    assert marker.exists()  # the payload is real: an ordinary load runs it


def test_payload_hidden_inside_a_real_scaler_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "MARKER"
    scaler = StandardScaler().fit(X)
    scaler.extra_ = Payload(marker)  # rebuilt after the allowed StandardScaler class
    path = _dump(scaler, tmp_path / "scaler.joblib", "joblib")
    with pytest.raises(UnsafeInputError, match=r"system"):
        load_scaler(path)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("builtins", "eval"),
        ("builtins", "getattr"),
        ("builtins", "__import__"),
        ("subprocess", "Popen"),
        ("sklearn.utils", "_safe_indexing"),
        ("numpy", "load"),
        ("numpy.testing", "assert_equal"),
        ("sklearn.linear_model", "LogisticRegression"),
    ],
)
def test_globals_outside_the_allow_list(tmp_path: Path, module: str, name: str) -> None:
    # A protocol-0 GLOBAL opcode naming the callable, applied to no arguments: ``c`` module
    # newline name newline ``)`` ``R`` ``.``
    stream = f"c{module}\n{name}\n)R.".encode()
    path = tmp_path / "s.pkl"
    path.write_bytes(b"\x80\x02" + stream)
    with pytest.raises(UnsafeInputError, match=f"names {module}.{name},"):
        load_scaler(path)


def test_unfitted_scaler_is_refused(tmp_path: Path) -> None:
    path = _dump(StandardScaler(), tmp_path / "s.joblib", "joblib")
    with pytest.raises(ArtifactError, match=r"StandardScaler in it is not fitted"):
        load_scaler(path)


def test_scaler_with_nan_mean_is_refused(tmp_path: Path) -> None:
    scaler = StandardScaler().fit(X)
    scaler.mean_ = np.array([2.5, np.nan])
    with pytest.raises(ArtifactError) as caught:
        load_scaler(_dump(scaler, tmp_path / "s.joblib", "joblib"))
    assert "StandardScaler.mean_ has 1 non-finite value (first at index 1: nan)" in str(
        caught.value
    )
    pipeline = make_pipeline(StandardScaler(), MinMaxScaler()).fit(X)
    pipeline[1].data_min_ = np.array([np.inf, 1.0])
    with pytest.raises(ArtifactError, match=r"Pipeline\[minmaxscaler\]\.data_min_ has 1"):
        load_scaler(_dump(pipeline, tmp_path / "p.joblib", "joblib"))


def test_not_a_transformer(tmp_path: Path) -> None:
    path = _dump({"mean": [1.0, 2.0]}, tmp_path / "s.pkl", "pickle")
    with pytest.raises(ArtifactError, match=r"holds a builtins\.dict, not a scikit-learn"):
        load_scaler(path)


def test_version_mismatch_becomes_a_warning_naming_both_versions(tmp_path: Path) -> None:
    scaler = StandardScaler().fit(X)

    class OldVersion(pickle.Pickler):
        def reducer_override(self, obj: Any) -> Any:
            if isinstance(obj, StandardScaler):
                state = obj.__getstate__()
                state["_sklearn_version"] = "1.3.2"
                return copyreg.__newobj__, (StandardScaler,), state
            return NotImplemented

    buffer = io.BytesIO()
    OldVersion(buffer, protocol=4).dump(scaler)
    path = tmp_path / "old.pkl"
    path.write_bytes(buffer.getvalue())
    loaded = load_scaler(path)
    assert loaded.sklearn_version == "1.3.2"
    assert loaded.warnings == (
        f"old.pkl: StandardScaler was saved by scikit-learn 1.3.2 and is loaded with "
        f"{sklearn.__version__}; its results may differ (re-fit it, or re-save it with "
        f"scikit-learn {sklearn.__version__})",
    )
    artifact = loaded.artifact()
    assert artifact.details["sklearn_version"] == "1.3.2"
    assert from_dict(Artifact, json.loads(json.dumps(to_dict(artifact)))) == artifact


def test_skops_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "scaler.skops"
    sio.dump(make_pipeline(StandardScaler(), FunctionTransformer(np.log1p)).fit(X), path)
    loaded = load_scaler(path)
    assert loaded.format == "skops"
    np.testing.assert_allclose(loaded.scaler[0].mean_, [2.5, 25.0])


def _identity(x: Any) -> Any:
    return x


def test_skops_file_with_untrusted_function_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "scaler.skops"
    sio.dump(FunctionTransformer(_identity).fit(X), path)
    refused = r"untrusted types outside the allow-list: .*_identity"
    with pytest.raises(UnsafeInputError, match=refused):
        load_scaler(path)


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (b"", "is empty"),
        (b"<!DOCTYPE html><html>Sign in</html>", "HTML/XML page"),
        (b"\x89HDF\r\n\x1a\n" + b"\0" * 100, "is a Keras model (HDF5)"),
        (b"plain text", "is not a pickle, joblib or skops file"),
    ],
)
def test_files_that_are_not_scalers(tmp_path: Path, content: bytes, phrase: str) -> None:
    path = tmp_path / "scaler.pkl"
    path.write_bytes(content)
    with pytest.raises(ArtifactError, match=re.escape(phrase)):
        load_scaler(path)


def test_truncated_files(tmp_path: Path) -> None:
    full = _dump(StandardScaler().fit(X), tmp_path / "s.joblib", "joblib").read_bytes()
    (tmp_path / "cut.joblib").write_bytes(full[: len(full) // 2])
    with pytest.raises(ArtifactError, match="stream is truncated"):
        load_scaler(tmp_path / "cut.joblib")
    packed = _dump(StandardScaler().fit(X), tmp_path / "z.joblib", "zlib").read_bytes()
    (tmp_path / "cutz.joblib").write_bytes(packed[: len(packed) // 2])
    with pytest.raises(ArtifactError, match="zlib-compressed file is truncated"):
        load_scaler(tmp_path / "cutz.joblib")
