"""Checkpoint loading: files identified by bytes, code refused, predictions equal to the saver's."""

from __future__ import annotations

import hashlib
import json
import pickle
import shutil
import zipfile
from pathlib import Path
from typing import Any

import h5py
import joblib
import numpy as np
import pytest

from jetx_diag.artifacts.companions import companion_candidates, find_companions
from jetx_diag.artifacts.inspection import code_layers_in, inspect_checkpoint
from jetx_diag.artifacts.keras_loader import load_checkpoint
from jetx_diag.artifacts.loaded_model import LoadedModel, TensorInfo, check_outputs
from jetx_diag.artifacts.sniffing import hdf5_declared_size, sha256_file, sniff
from jetx_diag.errors import ArtifactError, MismatchError, UnsafeInputError
from jetx_diag.results import Artifact, from_dict, to_dict

pytestmark = pytest.mark.filterwarnings("ignore:You are saving your model as an HDF5 file")

# --------------------------------------------------------------------------- helpers


def _legacy_config(*layers: dict[str, Any]) -> dict[str, Any]:
    return {"class_name": "Functional", "config": {"name": "model", "layers": list(layers)}}


def _layer(class_name: str, name: str, **config: Any) -> dict[str, Any]:
    return {"class_name": class_name, "config": {"name": name, **config}, "name": name}


def _fake_h5(path: Path, config: dict[str, Any] | None, *, payload: int = 4096) -> Path:
    """An HDF5 file with Keras's attributes (written by h5py; no TensorFlow needed)."""
    with h5py.File(path, "w") as handle:
        handle.attrs["keras_version"] = "2.15.0"
        handle.attrs["backend"] = "tensorflow"
        if config is not None:
            handle.attrs["model_config"] = json.dumps(config)
        handle.create_dataset("model_weights/dense/kernel", data=np.arange(payload, dtype="f8"))
    return path


DENSE = _layer("Dense", "threshold", units=1, activation="sigmoid")


# --------------------------------------------------------------------------- sniffing


def test_sniff_names_every_kind_by_its_bytes(tmp_path: Path) -> None:
    h5 = _fake_h5(tmp_path / "model.bin", _legacy_config(DENSE))
    archive = tmp_path / "thing.h5"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("config.json", "{}")
    skops_like = tmp_path / "s.zip"
    with zipfile.ZipFile(skops_like, "w") as z:
        z.writestr("schema.json", "{}")
    pickled = tmp_path / "a.h5"
    pickled.write_bytes(pickle.dumps({"a": 1}, protocol=4))
    joblib.dump({"a": np.arange(3)}, tmp_path / "raw.pkl")
    joblib.dump({"a": np.arange(3)}, tmp_path / "z.pkl", compress=3)
    joblib.dump({"a": 1}, tmp_path / "gz.pkl", compress=("gzip", 3))
    joblib.dump({"a": 1}, tmp_path / "xz.pkl", compress=("xz", 3))
    joblib.dump({"a": 1}, tmp_path / "bz.pkl", compress=("bz2", 3))
    (tmp_path / "page.h5").write_bytes(b"\xef\xbb\xbf \n<!DOCTYPE html><html><body>404</body>")
    (tmp_path / "empty.h5").write_bytes(b"")
    (tmp_path / "lfs.h5").write_bytes(b"version https://git-lfs.github.com/spec/v1\noid sha256:ab")
    (tmp_path / "info.h5").write_bytes(b' {"metrics": {}}')
    (tmp_path / "noise.h5").write_bytes(b"\x00\x01\x02 not a model")
    saved = tmp_path / "sm"
    saved.mkdir()
    (saved / "saved_model.pb").write_bytes(b"\x08\x01")
    (tmp_path / "plain_dir").mkdir()

    kinds = {
        name: sniff(tmp_path / name)
        for name in [
            "model.bin",
            "thing.h5",
            "s.zip",
            "a.h5",
            "raw.pkl",
            "z.pkl",
            "gz.pkl",
            "xz.pkl",
            "bz.pkl",
            "page.h5",
            "empty.h5",
            "lfs.h5",
            "info.h5",
            "noise.h5",
            "sm",
            "plain_dir",
        ]
    }
    assert kinds == {
        "model.bin": "hdf5",
        "thing.h5": "zip",
        "s.zip": "skops",
        "a.h5": "pickle",
        "raw.pkl": "joblib",  # uncompressed joblib: a pickle holding NumpyArrayWrapper
        "z.pkl": "joblib",
        "gz.pkl": "joblib",
        "xz.pkl": "joblib",
        "bz.pkl": "joblib",
        "page.h5": "html",
        "empty.h5": "empty",
        "lfs.h5": "lfs_pointer",
        "info.h5": "json",
        "noise.h5": "unknown",
        "sm": "savedmodel",
        "plain_dir": "unknown",
    }
    assert h5.exists()


def test_sniff_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(ArtifactError, match="no such file") as caught:
        sniff(tmp_path / "nope.h5")
    assert caught.value.path == str(tmp_path / "nope.h5")


@pytest.mark.parametrize(
    ("content", "phrase"),
    [
        (b"", "is empty (0 bytes)"),
        (b"<html><head><title>Error 403</title></head></html>", "HTML/XML page, not a model"),
        (b"version https://git-lfs.github.com/spec/v1\n", "Git LFS pointer"),
        (pickle.dumps([1, 2], protocol=2), "is a pickle, not a model file (pass a scaler with"),
        (b"\x00garbage", "of an unknown type"),
    ],
)
def test_unusable_files_get_their_own_message(tmp_path: Path, content: bytes, phrase: str) -> None:
    path = tmp_path / "stage2_best.h5"
    path.write_bytes(content)
    with pytest.raises(ArtifactError) as caught:
        load_checkpoint(path)  # refused before TensorFlow would be needed
    assert phrase in str(caught.value)
    assert str(caught.value).startswith(f"{path}: ")


# --------------------------------------------------------------------------- HDF5 structure


def test_declared_size_of_an_intact_file_is_its_size(tmp_path: Path) -> None:
    path = _fake_h5(tmp_path / "m.h5", _legacy_config(DENSE))
    assert hdf5_declared_size(path) == path.stat().st_size


def test_truncated_hdf5_names_both_byte_counts(tmp_path: Path) -> None:
    path = _fake_h5(tmp_path / "m.h5", _legacy_config(DENSE))
    full = path.stat().st_size
    data = path.read_bytes()
    cut = tmp_path / "cut.h5"
    cut.write_bytes(data[: full // 2])
    with pytest.raises(ArtifactError) as caught:
        inspect_checkpoint(cut)
    message = str(caught.value)
    assert f"records {full:,} bytes, the file has {full // 2:,}" in message
    assert "truncated" in message


def test_weights_only_hdf5_is_refused(tmp_path: Path) -> None:
    path = _fake_h5(tmp_path / "weights.h5", None)
    with pytest.raises(ArtifactError, match=r"weights only \(no model_config"):
        inspect_checkpoint(path)


def test_hdf5_named_keras_and_zip_named_h5_are_refused(tmp_path: Path) -> None:
    h5 = _fake_h5(tmp_path / "model.keras", _legacy_config(DENSE))
    with pytest.raises(ArtifactError, match=r"HDF5 file, but named \.keras") as caught:
        inspect_checkpoint(h5)
    assert "rename it to model.h5" in str(caught.value)
    archive = tmp_path / "model.h5"
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("config.json", json.dumps(_legacy_config(DENSE)))
    with pytest.raises(ArtifactError, match=r"zip archive \(the \.keras format\), but named \.h5"):
        inspect_checkpoint(archive)


def test_zip_without_config_and_truncated_zip(tmp_path: Path) -> None:
    other = tmp_path / "other.keras"
    with zipfile.ZipFile(other, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ArtifactError, match=r"without config\.json"):
        inspect_checkpoint(other)
    good = tmp_path / "good.keras"
    with zipfile.ZipFile(good, "w") as z:
        z.writestr("config.json", json.dumps(_legacy_config(DENSE)))
        z.writestr("model.weights.h5", b"\0" * 2000)
    cut = tmp_path / "cut.keras"
    cut.write_bytes(good.read_bytes()[:1000])
    with pytest.raises(ArtifactError, match="zip archive is truncated or damaged") as caught:
        inspect_checkpoint(cut)
    assert "1,000 bytes" in str(caught.value)


def test_inspect_reads_version_and_layers_without_tensorflow(tmp_path: Path) -> None:
    path = _fake_h5(tmp_path / "STAGE2_BEST.H5", _legacy_config(DENSE))
    info = inspect_checkpoint(path)
    assert info.format == "hdf5"
    assert info.saved_by == "tf.keras 2.15.0"
    assert info.layer_classes == ("Dense", "Functional")
    assert info.code_layers == ()
    assert info.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert info.size_bytes == path.stat().st_size


# --------------------------------------------------------------------------- code in configs


def test_code_layers_found_at_any_depth() -> None:
    inner = {
        "class_name": "Sequential",
        "config": {
            "name": "encoder",
            "layers": [_layer("Lambda", "scale", function=["4wEAAA", None, None])],
        },
    }
    wrapped = _layer("TimeDistributed", "td", layer=_layer("Lambda", "per_step"))
    keras3_lambda = _layer(
        "Lambda", "k3", function={"class_name": "__lambda__", "config": {"code": "4w"}}
    )
    config = _legacy_config(DENSE, inner, wrapped, keras3_lambda)
    assert code_layers_in(config) == (
        "encoder/scale (Lambda)",
        "per_step (Lambda)",
        "k3 (Lambda)",
    )


def test_tf_op_layers_are_allowed_only_for_math() -> None:
    config = _legacy_config(
        _layer("TFOpLambda", "tf.math.log1p", function="math.log1p"),
        _layer("SlicingOpLambda", "getitem", function="__operators__.getitem"),
        _layer("TFOpLambda", "tf.reshape", function="reshape"),
        _layer("TFOpLambda", "tf.io.write_file", function="io.write_file"),
        _layer("TFOpLambda", "tf.print", function="print"),
    )
    assert code_layers_in(config) == (
        "tf.io.write_file (TensorFlow op tf.io.write_file)",
        "tf.print (TensorFlow op tf.print)",
    )


def test_lambda_is_refused_before_any_keras_import(tmp_path: Path) -> None:
    config = _legacy_config(_layer("Lambda", "evil", function=["AAAA", None, None]), DENSE)
    path = _fake_h5(tmp_path / "m.h5", config)
    with pytest.raises(
        UnsafeInputError, match=r"run Python code stored in the file: evil \(Lambda"
    ):
        load_checkpoint(path)


# --------------------------------------------------------------------------- hashes, companions


def test_sha256_of_file_and_directory(tmp_path: Path) -> None:
    data = bytes(range(256)) * 9000  # > 2 MiB: several chunks
    (tmp_path / "f.bin").write_bytes(data)
    assert sha256_file(tmp_path / "f.bin") == hashlib.sha256(data).hexdigest()
    folder = tmp_path / "sm"
    (folder / "variables").mkdir(parents=True)
    (folder / "saved_model.pb").write_bytes(b"graph")
    (folder / "variables" / "v.data").write_bytes(b"weights")
    expected = hashlib.sha256()
    for rel, content in [("saved_model.pb", b"graph"), ("variables/v.data", b"weights")]:
        expected.update(rel.encode() + b"\0" + hashlib.sha256(content).hexdigest().encode())
    assert sha256_file(folder) == expected.hexdigest()
    (folder / "variables" / "v.data").write_bytes(b"weightz")
    assert sha256_file(folder) != expected.hexdigest()


def test_companions_are_chosen_by_name_deterministically(tmp_path: Path) -> None:
    for name in [
        "stage2_best.h5",
        "checkpoint_stage1.pkl",  # the source project's weight pickles are not scalers
        "b.joblib",
        "scaler_progressive.pkl",
        "Scaler_a.PKL",
        "a.skops",
        "progressive_model_info.json",
        "model_info.json",
        "history.json",
    ]:
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "info_dir.json").mkdir()  # directories never match
    scalers, metadata = companion_candidates(tmp_path / "stage2_best.h5")
    assert [p.name for p in scalers] == [
        "Scaler_a.PKL",
        "scaler_progressive.pkl",
        "b.joblib",
        "a.skops",
    ]
    assert [p.name for p in metadata] == ["model_info.json", "progressive_model_info.json"]
    assert find_companions(tmp_path / "stage2_best.h5") == (
        tmp_path / "Scaler_a.PKL",
        tmp_path / "model_info.json",
    )


def test_no_companions(tmp_path: Path) -> None:
    (tmp_path / "m.h5").write_bytes(b"x")
    assert find_companions(tmp_path / "m.h5") == (None, None)


# --------------------------------------------------------------------------- outputs


def test_check_outputs_accepts_heads_and_refuses_the_rest() -> None:
    check_outputs((TensorInfo("dense_3", (None, 1)), TensorInfo("seq_out", (None, 7))))
    check_outputs((TensorInfo("classification", (None, 3)),))
    with pytest.raises(MismatchError, match=r"unexpected model outputs: out \(None, 7\)"):
        check_outputs((TensorInfo("out", (None, 7)),), path="m.h5")
    with pytest.raises(MismatchError, match=r"unexpected model outputs: seq \(None, 50, 1\)"):
        check_outputs((TensorInfo("seq", (None, 50, 1)),), path="m.h5")
    with pytest.raises(MismatchError, match=r"output 'threshold' has shape \(None, 2\)"):
        check_outputs((TensorInfo("threshold", (None, 2)),), path="m.h5")
    with pytest.raises(MismatchError, match="no outputs"):
        check_outputs(())


# --------------------------------------------------------------------------- real Keras files


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """Every checkpoint the Keras tests load, built once (tiny models)."""
    from keras_models import HEADS, compile_with_custom_loss, small_model, tf_op_model

    folder = tmp_path_factory.mktemp("checkpoints")
    k3 = small_model("keras3", heads=HEADS, seed=1)
    k3.save(folder / "k3.keras")
    k3.save(folder / "k3.h5")
    tk = compile_with_custom_loss(small_model("tf_keras", heads=HEADS, seed=2))
    tk.save(folder / "tk.h5")
    op = tf_op_model()
    op.save(folder / "op.h5")
    return {"dir": folder, "k3": k3, "tk": tk, "op": op}


def _assert_same_predictions(loaded: LoadedModel, original: Any) -> None:
    from keras_models import predict, probe_inputs

    inputs = probe_inputs(original, rows=16, seed=7)
    expected = dict(zip(original.output_names, predict(original, inputs), strict=True))
    got = loaded.predict(inputs)
    assert set(got) == set(expected)
    for name, value in expected.items():
        np.testing.assert_allclose(np.asarray(got[name]), value, rtol=0, atol=1e-6)


@pytest.mark.keras
@pytest.mark.parametrize("name", ["k3.keras", "k3.h5"])
def test_keras3_round_trip(saved: dict[str, Any], name: str) -> None:
    import keras

    path = saved["dir"] / name
    loaded = load_checkpoint(path)
    assert loaded.framework == "keras3"
    assert loaded.format == ("keras_zip" if name.endswith(".keras") else "hdf5")
    assert loaded.saved_by == f"Keras {keras.__version__}"
    assert loaded.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert loaded.size_bytes == path.stat().st_size
    assert [t.describe() for t in loaded.inputs] == ["features (None, 4)", "seq5 (None, 5, 1)"]
    assert [t.name for t in loaded.outputs] == ["regression", "classification", "threshold"]
    _assert_same_predictions(loaded, saved["k3"])
    artifact = loaded.artifact()
    assert from_dict(Artifact, json.loads(json.dumps(to_dict(artifact)))) == artifact
    assert loaded.summary().parameters == saved["k3"].count_params()


@pytest.mark.keras
def test_tf_keras_h5_with_custom_loss_loads(saved: dict[str, Any]) -> None:
    import tf_keras

    path = saved["dir"] / "tk.h5"
    with h5py.File(path) as handle:  # the file does name the custom loss
        assert "threshold_killer_loss" in handle.attrs["training_config"]
    loaded = load_checkpoint(path)
    assert loaded.saved_by == f"tf.keras {tf_keras.__version__}"
    _assert_same_predictions(loaded, saved["tk"])


@pytest.mark.keras
def test_legacy_file_keras3_cannot_rebuild_falls_back_to_tf_keras(saved: dict[str, Any]) -> None:
    loaded = load_checkpoint(saved["dir"] / "op.h5")
    assert loaded.framework == "tf_keras"
    _assert_same_predictions(loaded, saved["op"])


@pytest.mark.keras
@pytest.mark.parametrize("name", ["STAGE2_BEST.H5", "stage2_best", "model.bin"])
def test_names_do_not_decide(saved: dict[str, Any], tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    shutil.copyfile(saved["dir"] / "tk.h5", path)
    loaded = load_checkpoint(path)
    assert loaded.format == "hdf5"
    _assert_same_predictions(loaded, saved["tk"])


@pytest.mark.keras
def test_real_hdf5_named_keras_and_truncated(saved: dict[str, Any], tmp_path: Path) -> None:
    misnamed = tmp_path / "stage2_best.keras"
    shutil.copyfile(saved["dir"] / "k3.h5", misnamed)
    with pytest.raises(ArtifactError, match=r"is an HDF5 file, but named \.keras"):
        load_checkpoint(misnamed)
    data = (saved["dir"] / "tk.h5").read_bytes()
    cut = tmp_path / "cut.h5"
    cut.write_bytes(data[:5000])
    with pytest.raises(ArtifactError) as caught:
        load_checkpoint(cut)
    assert f"records {len(data):,} bytes, the file has 5,000" in str(caught.value)


@pytest.mark.keras
def test_weights_only_files(saved: dict[str, Any], tmp_path: Path) -> None:
    saved["tk"].save_weights(tmp_path / "tk_weights.h5")
    saved["k3"].save_weights(tmp_path / "k3.weights.h5")
    for name in ["tk_weights.h5", "k3.weights.h5"]:
        with pytest.raises(ArtifactError, match="holds weights only"):
            load_checkpoint(tmp_path / name)


@pytest.mark.keras
@pytest.mark.parametrize(
    ("framework", "nested", "suffix", "named"),
    [
        ("tf_keras", False, ".h5", "scale (Lambda)"),
        ("keras3", True, ".keras", "encoder/scale (Lambda)"),
        ("keras3", False, ".h5", "scale (Lambda)"),
    ],
)
def test_lambda_refused_unless_trusted(
    tmp_path: Path, framework: str, nested: bool, suffix: str, named: str
) -> None:
    from keras_models import lambda_model, nested_lambda_model

    marker = tmp_path / "MARKER"
    model = (nested_lambda_model if nested else lambda_model)(framework, marker)
    path = tmp_path / f"lambda{suffix}"
    model.save(path)
    marker.unlink()  # building the model ran the lambda once; start clean
    with pytest.raises(UnsafeInputError) as caught:
        load_checkpoint(path)
    assert named in str(caught.value)
    assert not marker.exists()  # neither Keras 3 nor the tf_keras fallback ran it
    if framework == "tf_keras":
        # The danger is real: tf_keras itself runs the bytecode while loading the file.
        import tf_keras

        tf_keras.models.load_model(path, compile=False)
        assert marker.exists()
        marker.unlink()

    loaded = load_checkpoint(path, trust_code=True)
    outputs = loaded.predict({"features": np.ones((3, 4), np.float32)})
    assert marker.exists()  # trusted: the file's code did run
    dense = loaded.model.get_layer("threshold")
    kernel, bias = dense.get_weights()
    expected = 1 / (1 + np.exp(-(np.full((3, 4), 2.0) @ kernel + bias)))
    np.testing.assert_allclose(outputs["threshold"], expected, atol=1e-6)


@pytest.mark.keras
def test_unknown_custom_layer(tmp_path: Path) -> None:
    from keras_models import custom_layer_model, forget_custom_object

    model, registered = custom_layer_model()
    model.save(tmp_path / "custom.keras")
    model.save(tmp_path / "custom.h5")
    forget_custom_object(registered)
    for name in ["custom.keras", "custom.h5"]:
        with pytest.raises(ArtifactError, match=r"custom layer or function '.*Scale'") as caught:
            load_checkpoint(tmp_path / name)
        assert caught.value.path == str(tmp_path / name)


@pytest.mark.keras
def test_non_finite_output_is_named(tmp_path: Path) -> None:
    from keras_models import nan_weights_model, probe_inputs

    from jetx_diag.artifacts.loaded_model import check_finite_output

    model = nan_weights_model()
    model.save(tmp_path / "nan.keras")
    loaded = load_checkpoint(tmp_path / "nan.keras")
    with pytest.raises(ArtifactError) as caught:
        check_finite_output(loaded, probe_inputs(model, rows=5))
    assert "produced 5 non-finite values (NaN) of 5 on output 'threshold'" in str(caught.value)
    assert caught.value.path == str(tmp_path / "nan.keras")
    with pytest.raises(MismatchError, match="probe batch itself"):
        check_finite_output(loaded, {"features": np.full((2, 4), np.inf, np.float32)})


@pytest.mark.keras
def test_unexpected_outputs_refused_at_load(tmp_path: Path) -> None:
    from keras_models import keras_module

    k = keras_module("keras3")
    features = k.Input((4,), name="features")
    model = k.Model(features, k.layers.Dense(7, name="embedding")(features))
    model.save(tmp_path / "emb.keras")
    with pytest.raises(MismatchError, match=r"unexpected model outputs: embedding \(None, 7\)"):
        load_checkpoint(tmp_path / "emb.keras")


@pytest.mark.keras
def test_savedmodels_from_both_frameworks(saved: dict[str, Any], tmp_path: Path) -> None:
    from keras_models import predict, probe_inputs

    saved["tk"].save(tmp_path / "tk_sm", save_format="tf")
    saved["k3"].export(tmp_path / "k3_sm", verbose=False)
    inputs = probe_inputs(saved["k3"], rows=6, seed=3)
    for folder, original, names in [
        ("tk_sm", saved["tk"], ["classification", "regression", "threshold"]),
        ("k3_sm", saved["k3"], ["output_0", "output_1", "output_2"]),
    ]:
        loaded = load_checkpoint(tmp_path / folder)
        assert loaded.format == "savedmodel"
        assert loaded.framework == "tensorflow"
        assert loaded.saved_by is not None and loaded.saved_by.startswith("TensorFlow 2.")
        assert [t.name for t in loaded.outputs] == names
        got = loaded.predict(inputs)
        expected = dict(zip(original.output_names, predict(original, inputs), strict=True))
        if folder == "k3_sm":  # Keras 3 export names outputs by position
            expected = {f"output_{i}": v for i, v in enumerate(expected.values())}
        for name, value in expected.items():
            np.testing.assert_allclose(got[name], value, atol=1e-6)


@pytest.mark.keras
def test_savedmodel_with_file_writing_op_is_refused(tmp_path: Path) -> None:
    import tensorflow as tf

    marker = tmp_path / "MARKER"

    class Writer(tf.Module):
        @tf.function(input_signature=[tf.TensorSpec([None, 4], tf.float32, name="features")])
        def serve(self, features: Any) -> Any:
            tf.io.write_file(str(marker), "pwned")
            return {"threshold": tf.reduce_mean(features, axis=1, keepdims=True)}

    module = Writer()
    tf.saved_model.save(
        module, str(tmp_path / "writer"), signatures={"serving_default": module.serve}
    )
    assert not marker.exists()
    with pytest.raises(UnsafeInputError, match=r"outside the allow-list of model math.*WriteFile"):
        load_checkpoint(tmp_path / "writer")
    assert not marker.exists()


# --------------------------------------------------------------------------- imports and noise


def _run_python(code: str, cwd: Path) -> Any:
    import subprocess
    import sys

    return subprocess.run(
        [sys.executable, "-c", code], cwd=cwd, capture_output=True, text=True, timeout=300
    )


def test_refusing_a_file_never_imports_tensorflow(tmp_path: Path) -> None:
    config = _legacy_config(_layer("Lambda", "evil", function=["AAAA", None, None]), DENSE)
    _fake_h5(tmp_path / "m.h5", config)
    code = (
        "import sys\n"
        "import jetx_diag.artifacts.keras_loader, jetx_diag.artifacts.safe_pickle\n"
        "import jetx_diag.artifacts.metadata\n"
        "from jetx_diag.errors import UnsafeInputError\n"
        "try:\n"
        "    jetx_diag.artifacts.keras_loader.load_checkpoint('m.h5')\n"
        "except UnsafeInputError:\n"
        "    pass\n"
        "print(sorted(m for m in ('tensorflow', 'keras', 'tf_keras') if m in sys.modules))\n"
    )
    result = _run_python(code, tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"


@pytest.mark.keras
def test_loading_and_predicting_print_nothing_on_stderr(saved: dict[str, Any]) -> None:
    code = (
        "from jetx_diag.artifacts.keras_loader import load_checkpoint\n"
        "from jetx_diag.artifacts.companions import probe_batch\n"
        "for name in ('op.h5', 'k3.keras'):\n"
        "    model = load_checkpoint(name)\n"
        "    model.predict(probe_batch(model.inputs))\n"
        "print('done')\n"
    )
    result = _run_python(code, saved["dir"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "done"
    assert result.stderr == ""
