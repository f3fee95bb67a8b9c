"""Keras models shaped like the source document's: the same inputs and heads, any size.

Inputs (by name): ``features`` (None, F) — the scaled feature vector —, and ``seq50``,
``seq200``, ``seq500`` (None, N, 1) — the last N multipliers as ``log10(x + 1e-8)``.
Outputs (by name): ``regression`` (linear, the next multiplier), ``classification`` (softmax over
<1.5, 1.5–10, ≥10) and ``threshold`` (sigmoid, p(next ≥ 1.5)).

Only built-in layers are used, so a saved model loads with plain ``load_model(compile=False)``:
no custom objects, no Lambda layers (which the loader rightly refuses as unsafe).

``size="small"`` trains in seconds on two CPU cores (the demo); ``size="document"`` has about a
million parameters, like a scaled-down copy of the document's N-BEATS + TCN + fusion network,
for timing the report on a realistically heavy model.
"""

from __future__ import annotations

from typing import Any, Literal

from jetx_diag.artifacts.keras_env import import_keras
from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record

#: Window lengths of the sequence inputs, as in the source project.
SEQUENCE_LENGTHS: tuple[int, ...] = (50, 200, 500)
OUTPUT_NAMES: tuple[str, ...] = ("regression", "classification", "threshold")

ModelSize = Literal["small", "document"]


def build_model(n_features: int, *, size: ModelSize = "small", name: str | None = None) -> Any:
    """An uncompiled ``keras.Model`` with the document's inputs and heads.

    Weights are drawn from Keras' global seed: call ``keras.utils.set_random_seed`` first for a
    reproducible model.
    """
    if n_features < 1:
        raise UsageError(record("error.model.model_needs_least_one_feature", n_features=n_features))
    if size not in ("small", "document"):
        raise UsageError(record("error.model.unknown_model_size_choose_small", size=f"{size!r}"))

    keras = import_keras()
    layers = keras.layers

    features = keras.Input((n_features,), name="features")
    sequences = {n: keras.Input((n, 1), name=f"seq{n}") for n in SEQUENCE_LENGTHS}
    if size == "small":
        trunk = _small_trunk(layers, features, sequences)
    else:
        trunk = _document_trunk(layers, features, sequences)
    regression, classification, threshold = _heads(layers, trunk, size)
    return keras.Model(
        inputs=[features, *sequences.values()],
        outputs=[regression, classification, threshold],
        name=name or f"jetx_demo_{size}",
    )


def _small_trunk(layers: Any, features: Any, sequences: dict[int, Any]) -> Any:
    # One narrow dense summary per window: enough to fit whatever the data holds, fast on CPU.
    branches = [layers.Dense(16, activation="relu", name="features_dense")(features)]
    for n, seq in sequences.items():
        flat = layers.Flatten(name=f"seq{n}_flatten")(seq)
        branches.append(layers.Dense(8, activation="relu", name=f"seq{n}_dense")(flat))
    fused = layers.Concatenate(name="fusion")(branches)
    fused = layers.Dense(32, activation="relu", name="fusion_dense")(fused)
    return layers.Dropout(0.1, name="fusion_dropout")(fused)


def _dense_stack(layers: Any, x: Any, units: int, blocks: int, prefix: str) -> Any:
    # N-BEATS-like fully connected blocks, as the source uses per window.
    for i in range(blocks):
        x = layers.Dense(units, activation="relu", name=f"{prefix}_dense{i + 1}")(x)
        x = layers.BatchNormalization(name=f"{prefix}_bn{i + 1}")(x)
        x = layers.Dropout(0.2, name=f"{prefix}_dropout{i + 1}")(x)
    return x


def _document_trunk(layers: Any, features: Any, sequences: dict[int, Any]) -> Any:
    widths = {50: (128, 2), 200: (192, 2), 500: (352, 3)}
    branches = [features]
    for n, seq in sequences.items():
        units, blocks = widths[n]
        flat = layers.Flatten(name=f"seq{n}_flatten")(seq)
        branches.append(_dense_stack(layers, flat, units, blocks, f"seq{n}"))

    # A small TCN over the longest window: causal dilated convolutions with residuals.
    tcn = sequences[500]
    for i, (filters, dilation) in enumerate(((32, 1), (32, 2), (64, 4), (64, 8), (64, 16))):
        conv = layers.Conv1D(
            filters,
            3,
            dilation_rate=dilation,
            padding="causal",
            activation="relu",
            name=f"tcn{i + 1}_conv",
        )(tcn)
        if tcn.shape[-1] != filters:
            tcn = layers.Conv1D(filters, 1, name=f"tcn{i + 1}_residual")(tcn)
        tcn = layers.Add(name=f"tcn{i + 1}_add")([conv, tcn])
    branches.append(layers.GlobalAveragePooling1D(name="tcn_pool")(tcn))

    fused = layers.Concatenate(name="fusion")(branches)
    fused = _dense_stack(layers, fused, 384, 1, "fusion_a")
    return _dense_stack(layers, fused, 192, 1, "fusion_b")


def _heads(layers: Any, trunk: Any, size: str) -> tuple[Any, Any, Any]:
    if size == "document":
        reg = layers.Dense(64, activation="relu", name="regression_hidden")(trunk)
        cls = layers.Dense(64, activation="relu", name="classification_hidden")(trunk)
        thr = layers.Dense(32, activation="relu", name="threshold_hidden")(trunk)
    else:
        reg = cls = thr = trunk
    return (
        layers.Dense(1, activation="linear", name="regression")(reg),
        layers.Dense(3, activation="softmax", name="classification")(cls),
        layers.Dense(1, activation="sigmoid", name="threshold")(thr),
    )
