"""Tiny Keras models for tests, built with Keras 3 or with tf_keras (Keras 2).

Shaped like the source project's model where it matters (named inputs ``features`` and
``seqN``; named heads ``regression``, ``classification``, ``threshold``) but with a handful of
units so that building, saving and loading one takes well under a second. Import with
``from keras_models import ...`` (``tests/conftest.py`` puts this folder on ``sys.path``).
TensorFlow is imported only when a function here is called.
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import numpy as np

HEADS = ("regression", "classification", "threshold")
_ACTIVATIONS = {"regression": "linear", "classification": "softmax", "threshold": "sigmoid"}
_WIDTHS = {"regression": 1, "classification": 3, "threshold": 1}
_names = itertools.count()


def keras_module(framework: str = "keras3") -> ModuleType:
    """``keras`` (Keras 3) or ``tf_keras`` (Keras 2), imported quietly."""
    from jetx_diag.artifacts.keras_env import import_keras, import_tf_keras

    if framework == "keras3":
        return import_keras()
    if framework == "tf_keras":
        module = import_tf_keras()
        if module is None:  # pragma: no cover - tf_keras is a test dependency
            raise RuntimeError("tf_keras is not installed")
        return module
    raise ValueError(f"unknown framework {framework!r}")


def small_model(
    framework: str = "keras3",
    *,
    n_features: int = 4,
    windows: Sequence[int] = (5,),
    heads: Sequence[str] = ("threshold",),
    units: int = 6,
    seed: int = 0,
) -> Any:
    """A functional model with inputs ``features`` (None, n_features) and ``seq{w}``
    (None, w, 1) for each window ``w``, and the given heads (named, with their activation)."""
    k = keras_module(framework)
    k.utils.set_random_seed(seed)
    inputs = []
    parts = []
    if n_features:
        features = k.Input((n_features,), name="features")
        inputs.append(features)
        parts.append(features)
    for window in windows:
        seq = k.Input((window, 1), name=f"seq{window}")
        inputs.append(seq)
        parts.append(k.layers.Flatten()(seq))
    joined = parts[0] if len(parts) == 1 else k.layers.Concatenate()(parts)
    hidden = k.layers.Dense(units, activation="tanh", name="hidden")(joined)
    outputs = [
        k.layers.Dense(_WIDTHS[h], activation=_ACTIVATIONS[h], name=h)(hidden) for h in heads
    ]
    return k.Model(inputs, outputs if len(outputs) > 1 else outputs[0])


def probe_inputs(model: Any, rows: int = 8, seed: int = 0) -> dict[str, np.ndarray]:
    """A finite batch for ``model``'s inputs, by input name (values in [-1, 1])."""
    rng = np.random.default_rng(seed)
    names = getattr(model, "input_names", None) or [t.name for t in model.inputs]
    batch = {}
    for name, tensor in zip(names, model.inputs, strict=True):
        shape = tensor.shape.as_list() if hasattr(tensor.shape, "as_list") else tensor.shape
        dims = tuple(rows if i == 0 else int(d) for i, d in enumerate(shape))
        batch[str(name).split(":")[0]] = rng.uniform(-1, 1, size=dims).astype(np.float32)
    return batch


def predict(model: Any, inputs: dict[str, np.ndarray]) -> list[np.ndarray]:
    """The model's own predictions as a list (one array per output)."""
    feed: Any = inputs if len(inputs) > 1 else next(iter(inputs.values()))
    raw = model.predict(feed, verbose=0)
    return [np.asarray(r) for r in raw] if isinstance(raw, list | tuple) else [np.asarray(raw)]


def threshold_killer_loss(y_true: Any, y_pred: Any) -> Any:
    """A custom loss named like the source project's (its body does not matter here)."""
    import tensorflow as tf

    return tf.reduce_mean(tf.abs(y_true - y_pred) * (1.0 + tf.cast(y_true < 1.5, "float32")))


def compile_with_custom_loss(model: Any, seed: int = 0) -> Any:
    """Compile with :func:`threshold_killer_loss` on every head and fit one tiny epoch, so the
    file carries a compile config naming a function the loader cannot know, and optimizer
    weights."""
    names = list(model.output_names)
    model.compile(optimizer="adam", loss={n: threshold_killer_loss for n in names})
    rng = np.random.default_rng(seed)
    x = probe_inputs(model, rows=16, seed=seed)
    y = {n: rng.uniform(0, 1, size=(16, int(model.get_layer(n).units))) for n in names}
    model.fit(x, y, epochs=1, verbose=0)
    return model


def lambda_model(framework: str, marker: Path) -> Any:
    """A model with a ``Lambda`` layer named ``scale`` that creates ``marker`` when it runs."""
    k = keras_module(framework)
    # A real Python lambda, which both frameworks serialise as bytecode. The marker path must be
    # a constant inside the code: Keras 3 cannot reload lambdas with default arguments, and
    # closures or module globals do not travel with the bytecode. Hence eval, in a test helper.
    touch = eval(f"lambda x: (__import__('pathlib').Path({str(marker)!r}).touch(), x * 2.0)[1]")
    features = k.Input((4,), name="features")
    scaled = k.layers.Lambda(touch, name="scale")(features)
    output = k.layers.Dense(1, activation="sigmoid", name="threshold")(scaled)
    return k.Model(features, output)


def nested_lambda_model(framework: str, marker: Path) -> Any:
    """The Lambda of :func:`lambda_model` inside a nested Functional model ``encoder``."""
    k = keras_module(framework)
    inner = lambda_model(framework, marker)
    inner_encoder = k.Model(inner.inputs, inner.get_layer("scale").output, name="encoder")
    features = k.Input((4,), name="features")
    encoded = inner_encoder(features)
    output = k.layers.Dense(1, activation="sigmoid", name="threshold")(encoded)
    return k.Model(features, output)


def tf_op_model() -> Any:
    """A tf_keras model using a TensorFlow function directly (a ``TFOpLambda`` layer), which
    Keras 3 cannot rebuild: loading it needs the tf_keras fallback."""
    import tensorflow as tf

    k = keras_module("tf_keras")
    k.utils.set_random_seed(0)
    features = k.Input((4,), name="features")
    logged = tf.math.log1p(tf.math.abs(features))
    output = k.layers.Dense(1, activation="sigmoid", name="threshold")(logged)
    return k.Model(features, output)


def custom_layer_model() -> tuple[Any, str]:
    """A Keras 3 model with a registered custom layer; returns the model and the registered
    name, which :func:`forget_custom_object` removes (so the class is "not available")."""
    k = keras_module("keras3")
    package = f"jetx_test_{next(_names)}"

    @k.saving.register_keras_serializable(package=package)
    class Scale(k.layers.Layer):
        def call(self, x: Any) -> Any:
            return x * 3.0

    features = k.Input((4,), name="features")
    scaled = Scale(name="scale")(features)
    output = k.layers.Dense(1, activation="sigmoid", name="threshold")(scaled)
    return k.Model(features, output), f"{package}>Scale"


def forget_custom_object(registered_name: str) -> None:
    """Unregister a custom object, as in a fresh process that never imported its code."""
    k = keras_module("keras3")
    k.saving.get_custom_objects().pop(registered_name, None)


def nan_weights_model(framework: str = "keras3") -> Any:
    """A model whose hidden kernel is NaN: finite inputs give NaN outputs."""
    model = small_model(framework, windows=())
    hidden = model.get_layer("hidden")
    kernel, bias = hidden.get_weights()
    kernel[0, 0] = np.nan
    hidden.set_weights([kernel, bias])
    return model
