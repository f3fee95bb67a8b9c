"""ONNX, CatBoost, LightGBM and XGBoost models: real small models trained on a generated history,
saved natively, predict through jetx_diag exactly what their own library predicts; a
classifier/regressor pair is one model; compare ranks them beside Keras checkpoints on the same
rounds; truncated, foreign and pickled files are refused by their bytes in one line."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import tabular_models as tm

from jetx_diag.artifacts.model_loader import load_model
from jetx_diag.artifacts.sniffing import sniff
from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.demo.features import FEATURE_COUNT
from jetx_diag.errors import InputError
from jetx_diag.evaluation.evaluator import Evaluator
from jetx_diag.evaluation.options import EvaluationOptions, SkillOptions

pytestmark = pytest.mark.filterwarnings("ignore:You are saving your model as an HDF5 file")

TEST_FROM_ID = 301  # every model below needs at most 20 rounds before a call


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A history, its scaled features, and one model of each library (the libraries' own
    model objects are kept to predict with)."""
    folder = tmp_path_factory.mktemp("formats")
    data = tm.make_data(folder, scaler_name="scaler_window_500.pkl")
    models: dict[str, Any] = {}
    models["cbm_classifier"], models["cbm_regressor"] = tm.catboost_pair(data, folder)
    models["lgb_classifier"] = tm.lightgbm_classifier(data, folder / "lgb_model.txt")
    models["lgb_regressor"] = tm.lightgbm_regressor(data, folder / "lgb_regression.txt")
    models["xgb_classifier"] = tm.xgboost_classifier(data, folder / "xgb_model.json")
    models["xgb_regressor"] = tm.xgboost_regressor(data, folder / "xgb_regression.ubj")
    models["onnx_classifier"] = tm.sklearn_onnx_classifier(data, folder / "logistic.onnx")
    models["onnx_window"] = tm.onnx_window_model(folder / "window.onnx")
    return {"folder": folder, "data": data, "models": models}


def _evaluator(data: tm.TabularData) -> Evaluator:
    return Evaluator(
        EvaluationOptions(
            data=str(data.history_path),
            features=tm.FEATURES,
            cache_dir=None,
            test_from_id=TEST_FROM_ID,
            skill=SkillOptions(enabled=False),
        )
    )


def _held_out_rows(evaluation: Any) -> np.ndarray:
    # Round id r is history index r - 1; its feature row (rounds before it) is index r - 2.
    return np.asarray(evaluation.calls.round_ids, dtype=np.int64) - 2


# --------------------------------------------------------------------------- sniffing


def test_every_format_is_recognised_by_its_bytes(run_dir: dict[str, Any], tmp_path: Path) -> None:
    folder = run_dir["folder"]
    renamed = {  # names never decide
        "classifier_window_500.cbm": "catboost",
        "lgb_model.txt": "lightgbm",
        "xgb_model.json": "xgboost_json",
        "xgb_regression.ubj": "xgboost_ubj",
        "logistic.onnx": "onnx",
        "window.onnx": "onnx",
    }
    for name, kind in renamed.items():
        copy = tmp_path / f"{name}.bin"
        copy.write_bytes((folder / name).read_bytes())
        assert sniff(copy) == kind, name
    (tmp_path / "plain.json").write_text('{"metrics": {"loss": 1}}')
    assert sniff(tmp_path / "plain.json") == "json"


# --------------------------------------------------------------------------- same predictions


def test_catboost_pair_is_one_model_predicting_what_catboost_predicts(
    run_dir: dict[str, Any],
) -> None:
    data, models = run_dir["data"], run_dir["models"]
    loaded = load_model(run_dir["folder"] / "regressor_window_500.cbm")  # either half works
    assert loaded.label == "classifier_window_500.cbm + regressor_window_500.cbm"
    assert [o.name for o in loaded.outputs] == ["threshold", "regression"]
    assert [a.path.rsplit("/", 1)[-1] for a in loaded.extra_artifacts] == [
        "regressor_window_500.cbm"
    ]
    x = data.scaled()
    out = loaded.predict({"features": x})
    np.testing.assert_allclose(
        out["threshold"][:, 0], models["cbm_classifier"].predict_proba(x)[:, 1], rtol=1e-12
    )
    np.testing.assert_allclose(
        out["regression"][:, 0], models["cbm_regressor"].predict(x), rtol=1e-12
    )


@pytest.mark.parametrize(
    ("name", "model_key", "head"),
    [
        ("lgb_model.txt", "lgb_classifier", "threshold"),
        ("lgb_regression.txt", "lgb_regressor", "regression"),
        ("xgb_model.json", "xgb_classifier", "threshold"),
        ("xgb_regression.ubj", "xgb_regressor", "regression"),
        ("logistic.onnx", "onnx_classifier", "threshold"),
    ],
)
def test_single_models_predict_what_their_library_predicts(
    run_dir: dict[str, Any], name: str, model_key: str, head: str
) -> None:
    data, model = run_dir["data"], run_dir["models"][model_key]
    loaded = load_model(run_dir["folder"] / name)
    assert loaded.inputs[0].shape == (None, FEATURE_COUNT)
    x = data.scaled()
    got = next(iter(loaded.predict({"features": x}).values()))[:, 0]
    if head == "threshold":
        expected = model.predict_proba(x.astype(np.float32) if "onnx" in name else x)[:, 1]
    else:
        expected = model.predict(x)
    # ONNX runs in float32, the libraries in float64 (LightGBM/XGBoost trees are exact).
    tolerance = 1e-5 if name.endswith(".onnx") else 1e-6
    np.testing.assert_allclose(got, expected, rtol=tolerance, atol=tolerance)


def test_evaluator_feeds_each_model_the_scaled_features_of_the_held_out_rounds(
    run_dir: dict[str, Any],
) -> None:
    data, models = run_dir["data"], run_dir["models"]
    evaluator = _evaluator(data)
    for name, key in [
        ("classifier_window_500.cbm", "cbm_classifier"),
        ("lgb_model.txt", "lgb_classifier"),
        ("xgb_model.json", "xgb_classifier"),
    ]:
        evaluation = evaluator.evaluate(str(run_dir["folder"] / name))
        assert evaluation.calls.round_ids[0] == TEST_FROM_ID
        scaler = [a for a in evaluation.artifacts if a.role == "scaler"]
        assert [Path(a.path).name for a in scaler] == ["scaler_window_500.pkl"]
        expected = models[key].predict_proba(data.scaled(_held_out_rows(evaluation)))[:, 1]
        np.testing.assert_allclose(evaluation.calls.p_above, expected, rtol=1e-9, atol=1e-12)


def test_onnx_window_model_matches_the_hand_computed_sigmoid(run_dir: dict[str, Any]) -> None:
    data = run_dir["data"]
    weights, bias = run_dir["models"]["onnx_window"]
    evaluation = _evaluator(data).evaluate(str(run_dir["folder"] / "window.onnx"))
    assert evaluation.model is not None and evaluation.model.inputs == ("seq20 (None, 20, 1)",)
    ids = np.asarray(evaluation.calls.round_ids)
    logs = np.log10(data.values + 1e-8)
    windows = np.stack([logs[i - 1 - 20 : i - 1] for i in ids])  # the 20 rounds before round i
    expected = 1.0 / (1.0 + np.exp(-(windows @ weights + bias)))
    np.testing.assert_allclose(evaluation.calls.p_above, expected, rtol=1e-5, atol=1e-6)
    assert any("scaler" in w and "not used" in w for w in evaluation.warnings)


def test_onnx_classifier_reports_its_label_output_as_unused(run_dir: dict[str, Any]) -> None:
    loaded = load_model(run_dir["folder"] / "logistic.onnx")
    assert [o.name for o in loaded.outputs] == ["probabilities"]
    assert loaded.saved_by == "ONNX from skl2onnx"
    assert any("'label'" in w and "not used" in w for w in loaded.warnings)


# --------------------------------------------------------------------------- compare


def test_compare_ranks_keras_custom_layer_onnx_and_catboost_on_the_same_rounds(
    run_dir: dict[str, Any], tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    import custom_layers
    from keras_models import small_model

    source = run_dir["folder"]
    folder = tmp_path / "models"
    folder.mkdir()
    for name in [
        "classifier_window_500.cbm",
        "regressor_window_500.cbm",
        "scaler_window_500.pkl",
        "window.onnx",
        "logistic.onnx",
    ]:
        (folder / name).write_bytes((source / name).read_bytes())
    small_model("keras3", n_features=FEATURE_COUNT, windows=(), seed=1).save(folder / "plain.keras")
    keras = custom_layers.keras
    features = keras.Input((FEATURE_COUNT,), name="features")
    scaled = custom_layers.PositionalScale(FEATURE_COUNT, name="positional")(features)
    head = keras.layers.Dense(1, activation="sigmoid", name="threshold")(scaled)
    custom = keras.Model(features, head)
    custom.get_layer("positional").set_weights(
        [np.linspace(-1, 1, FEATURE_COUNT), np.full(FEATURE_COUNT, 0.1)]
    )
    custom.save(folder / "custom_block.keras")

    from jetx_diag.cli.compare import folder_checkpoints

    assert [p.name for p in folder_checkpoints(folder)] == [
        "classifier_window_500.cbm",
        "custom_block.keras",
        "logistic.onnx",
        "plain.keras",
        "window.onnx",
    ]
    out = tmp_path / "out"
    code = run([
        "compare", str(folder), "--data", str(run_dir["data"].history_path),
        "--features", tm.FEATURES, "--custom-objects", "custom_layers",
        "--test-from-id", str(TEST_FROM_ID), "-o", str(out), "--format", "md",
        "--json", str(tmp_path / "comparison.json"), "--no-reports", "-q",
        "--permutations", "50", "--bootstrap", "50",
    ])  # fmt: skip
    assert code in (ExitCode.OK, ExitCode.TARGETS_MISSED), capfd.readouterr().err
    from jetx_diag.compare.document import load_comparison_json

    comparison = load_comparison_json(tmp_path / "comparison.json")
    entries = comparison.entries
    labels = sorted(e.label for e in entries)
    assert labels == sorted([
        "classifier_window_500.cbm + regressor_window_500.cbm",
        "custom_block.keras",
        "logistic.onnx",
        "plain.keras",
        "window.onnx",
    ])  # fmt: skip
    rounds = {tuple(e.evaluation.calls.round_ids.tolist()) for e in entries}
    assert len(rounds) == 1 and next(iter(rounds))[0] == TEST_FROM_ID
    assert comparison.same_rounds
    assert sorted(e.rank for e in entries) == [1, 2, 3, 4, 5]
    page = (out / "compare.md").read_text(encoding="utf-8")
    assert "window.onnx" in page and "custom_block.keras" in page
    assert "regressor_window_500.cbm" in page

    # Without the option, the custom-layer model is refused and nothing is ranked.
    code = run([
        "compare", str(folder), "--data", str(run_dir["data"].history_path),
        "--features", tm.FEATURES, "--test-from-id", str(TEST_FROM_ID),
        "-o", str(tmp_path / "out2"), "-q",
    ])  # fmt: skip
    assert code == ExitCode.INPUT_ERROR
    err = capfd.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "PositionalScale" in err[0] and "--custom-objects" in err[0]


# --------------------------------------------------------------------------- refusals


def _cut(source: Path, target: Path, share: float = 0.5) -> Path:
    data = source.read_bytes()
    target.write_bytes(data[: int(len(data) * share)])
    return target


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("classifier_window_500.cbm", "CatBoost model is truncated: its header records"),
        ("lgb_model.txt", "LightGBM model text is truncated: no 'end of trees' line"),
        ("xgb_model.json", "XGBoost JSON model is truncated or damaged"),
        ("xgb_regression.ubj", "XGBoost cannot read the model"),
        ("logistic.onnx", "ONNX file is truncated: its graph needs"),
    ],
)
def test_truncated_files_are_refused_in_one_line(
    run_dir: dict[str, Any],
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    name: str,
    message: str,
) -> None:
    cut = _cut(run_dir["folder"] / name, tmp_path / name)
    code = run(["report", str(cut), "--data", str(run_dir["data"].history_path), "-q",
                "--features", tm.FEATURES, "-o", str(tmp_path / "out")])  # fmt: skip
    err = capfd.readouterr().err.strip().splitlines()
    assert code == ExitCode.INPUT_ERROR
    assert len(err) == 1 and str(cut) in err[0] and message in err[0], err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("model.onnx", b"\x00\x13\x37 not onnx at all", "is of an unknown type"),
        ("model.cbm", b"CBN1 almost catboost", "is of an unknown type"),
        ("model.json", b'{"weights": [1, 2]}', "is a JSON file, not a model"),
        ("model.txt", b"trees\nversion=v4\n", "is of an unknown type"),
    ],
)
def test_foreign_files_are_refused_in_one_line(
    run_dir: dict[str, Any],
    tmp_path: Path,
    capfd: pytest.CaptureFixture[str],
    name: str,
    content: bytes,
    message: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    history = str(run_dir["data"].history_path)
    assert run(["report", str(path), "--data", history, "-q"]) == ExitCode.INPUT_ERROR
    err = capfd.readouterr().err.strip().splitlines()
    assert len(err) == 1 and message in err[0], err
    if "unknown" in message:
        assert "ONNX model, a CatBoost .cbm, a LightGBM model text" in err[0]


def test_pickled_framework_models_are_refused_with_the_native_way_to_save(
    run_dir: dict[str, Any], tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    expected = {
        "cbm_classifier": "save_model('model.cbm')",
        "lgb_classifier": "booster_.save_model('model.txt')",
        "xgb_classifier": "save_model('model.json')",
        "onnx_classifier": "skl2onnx",
    }
    for key, hint in expected.items():
        path = tmp_path / f"{key}.pkl"
        path.write_bytes(pickle.dumps(run_dir["models"][key]))
        history = str(run_dir["data"].history_path)
        assert run(["report", str(path), "--data", history, "-q"]) == ExitCode.INPUT_ERROR
        err = capfd.readouterr().err.strip().splitlines()
        assert len(err) == 1 and "is a pickled" in err[0] and hint in err[0], err
        assert "never loaded" in err[0]


def test_objective_without_a_probability_or_multiplier_is_refused(tmp_path: Path) -> None:
    import xgboost

    rng = np.random.default_rng(0)
    x, y = rng.normal(size=(60, 3)), rng.integers(0, 2, size=60)
    model = xgboost.XGBClassifier(n_estimators=3, objective="binary:hinge").fit(x, y)
    model.save_model(str(tmp_path / "hinge.json"))
    with pytest.raises(InputError, match=r"objective 'binary:hinge' gives neither"):
        load_model(tmp_path / "hinge.json")


@pytest.mark.parametrize(
    ("name", "module", "extra"),
    [
        ("classifier_window_500.cbm", "catboost", "catboost"),
        ("lgb_model.txt", "lightgbm", "lightgbm"),
        ("xgb_model.json", "xgboost", "xgboost"),
        ("logistic.onnx", "onnxruntime", "onnx"),
    ],
)
def test_a_missing_library_names_the_extra_to_install(
    run_dir: dict[str, Any], monkeypatch: pytest.MonkeyPatch, name: str, module: str, extra: str
) -> None:
    monkeypatch.setitem(sys.modules, module, None)  # import raises ImportError
    with pytest.raises(InputError, match=rf"pip install 'jetx-diag\[{extra}\]'"):
        load_model(run_dir["folder"] / name)


_LIBRARIES = ("onnxruntime", "onnx", "catboost", "lightgbm", "xgboost", "skl2onnx")


def test_help_predictions_and_keras_paths_import_no_model_library(tmp_path: Path) -> None:
    from keras_models import small_model

    from jetx_diag.demo.example import document_predictions
    from jetx_diag.predictions import write_predictions_csv

    small_model("keras3", windows=()).save(tmp_path / "m.keras")
    csv_path = tmp_path / "preds.csv"
    write_predictions_csv(csv_path, document_predictions())
    code = (
        "import sys; from jetx_diag.cli.main import run\n"
        "run(['report', '--help']); run(['compare', '--help'])\n"
        f"run(['report', '--predictions', {str(csv_path)!r}, '-o', {str(tmp_path / 'o')!r},"
        " '-q'])\n"
        "from jetx_diag.artifacts.model_loader import load_model\n"
        f"load_model({str(tmp_path / 'm.keras')!r})\n"
        f"print('LOADED', [m for m in {_LIBRARIES!r} if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=300, cwd=tmp_path
    )
    assert result.stdout.strip().splitlines()[-1] == "LOADED []", result.stderr
