"""A loaded model, whatever its framework: its inputs and outputs by name and shape, the output
heads it must have, batched prediction and the check that every output is finite."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.errors import ArtifactError, MismatchError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Artifact, ModelSummary


@dataclass(frozen=True)
class TensorInfo:
    """One input or output of a model."""

    name: str
    shape: tuple[int | None, ...]

    def describe(self) -> str:
        dims = ", ".join("None" if d is None else str(d) for d in self.shape)
        return f"{self.name} ({dims}{',' if len(self.shape) == 1 else ''})"


@dataclass(frozen=True)
class LoadedModel:
    """A model ready to predict, and what is known about the file it came from.

    ``model`` is the Keras model (Keras 3 or tf_keras), a :class:`SavedModelPredictor`, an
    ``OnnxPredictor`` or a ``BoostedPredictor``; all answer ``predict``, ``inputs``,
    ``outputs``, ``input_names``/``output_names``. Not serialisable itself: :meth:`artifact`
    and :meth:`summary` are. ``extra_artifacts``: the other files of a model made of several
    (the regressor of a classifier/regressor pair); ``label``: its name when it is not the
    file's.
    """

    model: Any
    path: str
    format: str  # hdf5, keras_zip, savedmodel, onnx, catboost, lightgbm, xgboost_json/_ubj
    framework: str  # keras3, tf_keras, tensorflow, onnxruntime, catboost, lightgbm, xgboost
    saved_by: str | None
    sha256: str
    size_bytes: int
    inputs: tuple[TensorInfo, ...]
    outputs: tuple[TensorInfo, ...]
    warnings: tuple[str, ...] = ()
    extra_artifacts: tuple[Artifact, ...] = ()
    label: str | None = None

    def artifact(self) -> Artifact:
        details = {"format": self.format, "framework": self.framework}
        if self.saved_by:
            details["saved_by"] = self.saved_by
        return Artifact("checkpoint", self.path, self.sha256, self.size_bytes, details)

    def summary(self) -> ModelSummary:
        parameters = None
        with contextlib.suppress(AttributeError, TypeError, ValueError):
            count = self.model.count_params()
            parameters = None if count is None else int(count)
        return ModelSummary(
            inputs=tuple(t.describe() for t in self.inputs),
            outputs=tuple(t.describe() for t in self.outputs),
            parameters=parameters,
            saved_by=self.saved_by,
        )

    def predict(self, inputs: Mapping[str, np.ndarray], batch_size: int = 512) -> dict[str, Any]:
        """Outputs by name for inputs given by name."""
        return predict_outputs(self.model, inputs, batch_size)


def _dims(shape: Any) -> tuple[int | None, ...]:
    if hasattr(shape, "as_list"):
        shape = shape.as_list()
    return tuple(None if d is None else int(d) for d in shape)


def _clean(name: str) -> str:
    # tf.keras tensor names look like "seq50:0" or "threshold/Sigmoid:0".
    return str(name).split(":")[0].split("/")[0]


def model_inputs(model: Any) -> tuple[TensorInfo, ...]:
    """Inputs of a loaded model by name and shape (Keras 3, tf_keras or SavedModel)."""
    tensors = list(getattr(model, "inputs", None) or [])
    names = list(getattr(model, "input_names", None) or [])
    if len(names) != len(tensors):
        names = [getattr(t, "name", f"input_{i}") for i, t in enumerate(tensors)]
    return tuple(TensorInfo(_clean(n), _dims(t.shape)) for n, t in zip(names, tensors, strict=True))


def model_outputs(model: Any) -> tuple[TensorInfo, ...]:
    """Outputs of a loaded model by name and shape (Keras 3, tf_keras or SavedModel)."""
    tensors = list(getattr(model, "outputs", None) or [])
    names = list(getattr(model, "output_names", None) or [])
    if len(names) != len(tensors):
        names = [getattr(t, "name", f"output_{i}") for i, t in enumerate(tensors)]
    return tuple(TensorInfo(_clean(n), _dims(t.shape)) for n, t in zip(names, tensors, strict=True))


_HEAD_WIDTHS = {"threshold": 1, "regression": 1, "classification": 3}


def check_outputs(outputs: tuple[TensorInfo, ...], *, path: str | Path | None = None) -> None:
    """Refuse a model none of whose outputs can be a head, or whose named head is misshapen.

    A head is one value per round (``(None, 1)`` or ``(None,)``: threshold probability or
    regression) or three class probabilities (``(None, 3)``). Outputs named ``threshold``,
    ``regression`` or ``classification`` must have their head's width.
    """
    if not outputs:
        raise MismatchError(record("error.loaded_model.model_no_outputs"), path=path)
    usable = []
    for output in outputs:
        width = _width(output.shape)
        expected = _HEAD_WIDTHS.get(output.name)
        if expected is not None and width != expected:
            raise MismatchError(
                record(
                    "error.loaded_model.output_shape_head_value_per",
                    name=f"{output.name!r}",
                    shape_text=_shape_text(output.shape),
                    name2=output.name,
                    expected=expected,
                ),
                path=path,
            )
        if width in (1, 3):
            usable.append(output)
    if not usable:
        raise MismatchError(
            record(
                "error.loaded_model.unexpected_model_outputs",
                outputs=", ".join(f"{o.name} {_shape_text(o.shape)}" for o in outputs),
            ),
            path=path,
            hint=record("error.loaded_model.hint_expected_sigmoid_threshold_none_1"),
        )


def _width(shape: tuple[int | None, ...]) -> int | None:
    if len(shape) == 1:
        return 1
    if len(shape) == 2:
        return shape[1]
    return None


def _shape_text(shape: tuple[int | None, ...]) -> str:
    return "(" + ", ".join("None" if d is None else str(d) for d in shape) + ")"


def predict_outputs(
    model: Any, inputs: Mapping[str, np.ndarray], batch_size: int
) -> dict[str, Any]:
    feed: Any = dict(inputs)
    if len(feed) == 1:
        feed = next(iter(feed.values()))
    raw = model.predict(feed, batch_size=batch_size, verbose=0)
    names = [o.name for o in model_outputs(model)]
    if isinstance(raw, Mapping):
        return {str(k): np.asarray(v) for k, v in raw.items()}
    if isinstance(raw, list | tuple):
        return {n: np.asarray(v) for n, v in zip(names, raw, strict=True)}
    return {(names[0] if names else "output"): np.asarray(raw)}


def check_finite_output(
    model: Any,
    inputs: Mapping[str, np.ndarray],
    *,
    path: str | Path | None = None,
    batch_size: int = 512,
) -> dict[str, np.ndarray]:
    """Run a finite probe batch through the model; refuse NaN/inf outputs. Returns the outputs.

    ``model`` is a :class:`LoadedModel` or a bare Keras model / :class:`SavedModelPredictor`.
    """
    if isinstance(model, LoadedModel):
        path = path if path is not None else model.path
        model = model.model
    for name, value in inputs.items():
        array = np.asarray(value, dtype=np.float64)
        if not np.all(np.isfinite(array)):
            raise MismatchError(
                record("error.loaded_model.probe_batch_itself_holds_non", name=f"{name!r}"),
                path=path,
            )
    outputs = predict_outputs(model, inputs, batch_size)
    for name, value in outputs.items():
        array = np.asarray(value, dtype=np.float64)
        bad = int(np.count_nonzero(~np.isfinite(array)))
        if bad:
            kinds = _nonfinite_kinds(array)
            raise ArtifactError(
                record(
                    "error.loaded_model.model_produced_non_finite_value",
                    bad=bad,
                    kinds="/".join(kinds),
                    size=array.size,
                    name=f"{name!r}",
                    array_count=len(array),
                ),
                path=path,
                hint=record("error.loaded_model.hint_weights_probably_corrupt_nan_training"),
            )
    return {k: np.asarray(v) for k, v in outputs.items()}


def _nonfinite_kinds(array: np.ndarray) -> list[str]:
    kinds = []
    if np.isnan(array).any():
        kinds.append("NaN")
    if np.isposinf(array).any():
        kinds.append("+inf")
    if np.isneginf(array).any():
        kinds.append("-inf")
    return kinds
