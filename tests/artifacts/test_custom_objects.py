"""``--custom-objects``: a model with the training script's own layer class, saved by Keras 3
(.keras and .h5) and tf_keras (.h5), loads with the option and predicts what the in-memory model
predicts; without it the refusal names the class, the option and where Keras looked; the option
never lifts safe mode."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from jetx_diag.artifacts.custom_objects import load_custom_objects, parse_spec
from jetx_diag.artifacts.model_loader import load_model
from jetx_diag.cli.config import Config, _module_specs
from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.demo import fairgen
from jetx_diag.errors import ArtifactError, InputError, UnsafeInputError, UsageError

pytestmark = pytest.mark.filterwarnings("ignore:You are saving your model as an HDF5 file")

WINDOW = 5
SCALE = np.array([3.0, -2.0, 0.5, 4.0, -1.5])
OFFSET = np.array([0.7, -0.3, 1.1, 0.2, -0.9])


def _window_model(framework: str, *, lambda_layer: bool = False, doubler: bool = False) -> Any:
    """seq5 (None, 5, 1) → Flatten → PositionalScale(5) [→ Doubler] [→ Lambda] → Dense sigmoid
    ``threshold``; the custom layer's weights are set to values far from its initial ones."""
    from keras_models import keras_module

    if framework == "tf_keras":
        import custom_layers_tf_keras as layers_module
    else:
        import custom_layers as layers_module
    k = keras_module(framework)
    k.utils.set_random_seed(0)
    seq = k.Input((WINDOW, 1), name=f"seq{WINDOW}")
    x = k.layers.Flatten()(seq)
    x = layers_module.PositionalScale(WINDOW, name="positional")(x)
    if doubler:
        x = layers_module.Doubler(name="doubler")(x)
    if lambda_layer:
        x = k.layers.Lambda(lambda t: t * 1.0, name="identity")(x)
    x = k.layers.Dense(3, activation="tanh", name="hidden")(x)
    out = k.layers.Dense(1, activation="sigmoid", name="threshold")(x)
    model = k.Model(seq, out)
    model.get_layer("positional").set_weights([SCALE, OFFSET])
    return model


def _batch(rows: int = 16) -> np.ndarray:
    return np.random.default_rng(3).uniform(-1, 1, size=(rows, WINDOW, 1)).astype(np.float32)


@pytest.fixture(scope="module")
def saved(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """The same architecture saved three ways, with the in-memory models' predictions."""
    folder = tmp_path_factory.mktemp("custom")
    keras3 = _window_model("keras3")
    tf_keras = _window_model("tf_keras")
    keras3.save(folder / "keras3.keras")
    keras3.save(folder / "keras3.h5")
    tf_keras.save(folder / "tf_keras.h5")
    batch = _batch()
    # The custom layer's weights matter: with its initial weights the outputs differ.
    plain = _window_model("keras3")
    plain.get_layer("positional").set_weights([np.ones(WINDOW), np.zeros(WINDOW)])
    return {
        "folder": folder,
        "batch": batch,
        "keras3": np.asarray(keras3.predict(batch, verbose=0)),
        "tf_keras": np.asarray(tf_keras.predict(batch, verbose=0)),
        "plain": np.asarray(plain.predict(batch, verbose=0)),
    }


@pytest.mark.parametrize(
    ("name", "framework", "spec"),
    [
        ("keras3.keras", "keras3", "custom_layers"),
        ("keras3.h5", "keras3", "custom_layers:PositionalScale"),
        ("tf_keras.h5", "tf_keras", "custom_layers_tf_keras"),
    ],
)
def test_custom_layer_loads_with_the_option_and_predicts_like_the_saved_model(
    saved: dict[str, Any], name: str, framework: str, spec: str
) -> None:
    loaded = load_model(saved["folder"] / name, custom_objects=load_custom_objects([spec]))
    assert loaded.framework == framework
    got = loaded.predict({f"seq{WINDOW}": saved["batch"]})["threshold"]
    np.testing.assert_allclose(got, saved[framework], rtol=1e-6, atol=1e-6)
    # Not a coincidence of initial weights: a model without the trained weights differs.
    assert np.max(np.abs(saved[framework] - saved["plain"])) > 1e-2


@pytest.mark.parametrize("name", ["keras3.keras", "keras3.h5", "tf_keras.h5"])
def test_without_the_option_the_refusal_names_class_option_and_where_keras_looked(
    saved: dict[str, Any], name: str
) -> None:
    with pytest.raises(ArtifactError) as caught:
        load_model(saved["folder"] / name)
    message = str(caught.value)
    assert "PositionalScale" in message
    assert "--custom-objects" in message
    assert "Keras looked in its built-in objects" in message and "none given" in message
    assert "\n" not in message


def test_the_refusal_names_the_modules_that_were_given(saved: dict[str, Any]) -> None:
    # The module given has another class than the one the model needs.
    expected = r"'PositionalScale'.*--custom-objects \(custom_layers\)"
    with pytest.raises(ArtifactError, match=expected):
        load_model(
            saved["folder"] / "keras3.keras",
            custom_objects=load_custom_objects(["custom_layers:Doubler"]),
        )


def test_registered_serializable_is_found_by_its_registered_name(tmp_path: Path) -> None:
    import custom_layers

    model = _window_model("keras3", doubler=True)
    model.save(tmp_path / "doubler.keras")
    expected = np.asarray(model.predict(_batch(), verbose=0))
    custom_layers.forget_doubler()
    try:
        with pytest.raises(ArtifactError, match=r"custom layer or function 'Doubler'"):
            load_model(tmp_path / "doubler.keras", custom_objects=load_custom_objects(
                ["custom_layers:PositionalScale"]))  # fmt: skip
        loaded = load_model(
            tmp_path / "doubler.keras",
            custom_objects=load_custom_objects(["custom_layers:PositionalScale,Doubler"]),
        )
    finally:
        custom_layers.register_doubler()
    got = loaded.predict({f"seq{WINDOW}": _batch()})["threshold"]
    np.testing.assert_allclose(got, expected, rtol=1e-6, atol=1e-6)


def test_the_option_does_not_lift_safe_mode(tmp_path: Path) -> None:
    model = _window_model("keras3", lambda_layer=True)
    model.save(tmp_path / "lambda.keras")
    custom = load_custom_objects(["custom_layers"])
    with pytest.raises(UnsafeInputError, match=r"identity \(Lambda\)"):
        load_model(tmp_path / "lambda.keras", custom_objects=custom)
    loaded = load_model(tmp_path / "lambda.keras", custom_objects=custom, trust_code=True)
    assert loaded.framework == "keras3"


def test_cli_report_with_the_option_and_the_refusals(
    saved: dict[str, Any], tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    history = fairgen.write_sqlite(tmp_path / "h.db", fairgen.generate_rounds(300, seed="co"))
    model = str(saved["folder"] / "keras3.keras")
    common = ["--data", str(history), "-q", "--format", "md", "--bootstrap", "50"]
    common += ["--permutations", "50"]
    code = run(["report", model, "-o", str(tmp_path / "out"), "--custom-objects",
                "custom_layers", *common])  # fmt: skip
    assert code in (ExitCode.OK, ExitCode.TARGETS_MISSED), capfd.readouterr().err
    assert (tmp_path / "out" / "report.md").is_file()
    capfd.readouterr()

    assert run(["report", model, "-o", str(tmp_path / "o2"), *common]) == ExitCode.INPUT_ERROR
    err = capfd.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "PositionalScale" in err[0] and "--custom-objects" in err[0]

    code = run(["report", model, "-o", str(tmp_path / "o3"), "--custom-objects",
                "custom_layers_broken", *common])  # fmt: skip
    assert code == ExitCode.INPUT_ERROR
    err = capfd.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert "importing module 'custom_layers_broken' failed (SystemExit" in err[0]

    code = run(["report", model, "-o", str(tmp_path / "o4"), "--custom-objects",
                "no_such_module_here", *common])  # fmt: skip
    assert code == ExitCode.INPUT_ERROR
    assert "'no_such_module_here'" in capfd.readouterr().err


def test_module_errors_are_input_errors_naming_the_module() -> None:
    with pytest.raises(InputError, match=r"custom_layers_broken.*SystemExit.*missing --epochs"):
        load_custom_objects(["custom_layers_broken"])
    with pytest.raises(InputError, match=r"custom_layers.*has no 'Nope'"):
        load_custom_objects(["custom_layers:Nope"])
    with pytest.raises(InputError, match=r"no Keras Layer or Model subclass"):
        load_custom_objects(["json"])


def test_spec_syntax() -> None:
    assert parse_spec("pkg.layers") == ("pkg.layers", ())
    assert parse_spec("pkg.layers:A, B") == ("pkg.layers", ("A", "B"))
    for bad in ("", ":A", "pkg:", "pkg-x", "pkg:A-B"):
        with pytest.raises(UsageError):
            parse_spec(bad)


def test_config_key_and_option_precedence(tmp_path: Path) -> None:
    from jetx_diag.cli.config import load_config
    from jetx_diag.cli.options import build_options

    assert _module_specs("a.b:X,Y\nc, d; e") == ("a.b:X,Y", "c", "d", "e")
    assert _module_specs(["a:X,Y", "b"]) == ("a:X,Y", "b")
    cfg = tmp_path / "setup.cfg"
    cfg.write_text("[jetx_diag]\ncustom_objects =\n    mylayers:Block,Encoder\n    other\n")
    config = load_config(cfg)
    assert build_options(config, {}).custom_objects == ("mylayers:Block,Encoder", "other")
    given = build_options(config, {"custom_objects": ("cli_mod",)})
    assert given.custom_objects == ("cli_mod",)
    assert build_options(Config(), {}).custom_objects == ()


def test_check_takes_custom_objects_from_the_config_or_the_option(
    saved: dict[str, Any], tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    fairgen.write_sqlite(tmp_path / "h.db", fairgen.generate_rounds(300, seed="check"))
    (tmp_path / "model.keras").write_bytes((saved["folder"] / "keras3.keras").read_bytes())
    base = "[jetx_diag]\ncheckpoint = model.keras\ndata = h.db\noutput = out\nformats = md\n"
    base += "permutations = 50\nbootstrap = 50\n"
    (tmp_path / "without.cfg").write_text(base)
    (tmp_path / "with.cfg").write_text(base + "custom_objects = custom_layers\n")
    config = ["check", "--config", str(tmp_path / "with.cfg"), "-q"]
    assert run(config) in (ExitCode.OK, ExitCode.TARGETS_MISSED), capfd.readouterr().err
    assert (tmp_path / "out" / "report.md").is_file()
    without = ["check", "--config", str(tmp_path / "without.cfg"), "-q"]
    assert run(without) == ExitCode.INPUT_ERROR
    assert "--custom-objects (none given)" in capfd.readouterr().err
    assert run([*without, "--custom-objects", "custom_layers"]) in (
        ExitCode.OK,
        ExitCode.TARGETS_MISSED,
    )


def test_the_fingerprint_follows_the_modules_source(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jetx_diag.artifacts.custom_objects import custom_objects_fingerprint

    monkeypatch.syspath_prepend(str(tmp_path))
    module = tmp_path / "my_layers_fp.py"
    module.write_text("SCALE = 1\n", encoding="utf-8")
    assert custom_objects_fingerprint([]) is None and custom_objects_fingerprint(["  "]) is None
    first = custom_objects_fingerprint(["my_layers_fp"])
    assert first == custom_objects_fingerprint([" my_layers_fp "])
    assert first != custom_objects_fingerprint(["my_layers_fp:Scale"])  # other names chosen
    module.write_text("SCALE = 2\n", encoding="utf-8")  # the layer's code changed
    assert custom_objects_fingerprint(["my_layers_fp"]) != first
    assert "my_layers_fp" not in sys.modules  # found, never imported
