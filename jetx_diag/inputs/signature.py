"""A checkpoint's model inputs read from its config, without TensorFlow.

``compare`` builds the inputs once, in the process that fans the checkpoints out, for every
checkpoint whose inputs it can read here: a functional model's ``input_layers`` and their
``InputLayer`` shapes (Keras 3 ``batch_shape``, Keras 2 ``batch_input_shape``). Anything else
(Sequential models, SavedModel folders, configs of another shape) gives ``None`` and the worker
builds what the loaded model asks for; a worker also checks the guess against the loaded model
before using inputs built from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jetx_diag.artifacts.inspection import _read_hdf5, _read_keras_zip
from jetx_diag.artifacts.sniffing import size_of, sniff
from jetx_diag.errors import JetxDiagError
from jetx_diag.inputs.model_inputs import InputSpec, classify_input


def specs_from_checkpoint(path: str | Path) -> tuple[InputSpec, ...] | None:
    """The input specs a loaded model would report, or ``None`` when the config does not say."""

    p = Path(path)
    try:
        kind = sniff(p)
        if kind == "hdf5":
            config = _read_hdf5(p, size_of(p))[2]
        elif kind == "zip":
            config = _read_keras_zip(p, size_of(p))[2]
        else:
            return None
        return specs_from_config(config)
    except (JetxDiagError, OSError):
        return None  # loading the model will say what is wrong with the file


def specs_from_config(config: Any) -> tuple[InputSpec, ...] | None:
    """Input specs of a functional model config, in the model's input order."""
    if not isinstance(config, Mapping) or config.get("class_name") not in ("Functional", "Model"):
        return None
    body = config.get("config")
    if not isinstance(body, Mapping):
        return None
    wanted = body.get("input_layers")
    if isinstance(wanted, list) and wanted and isinstance(wanted[0], str):
        wanted = [wanted]  # one input may be written without the outer list
    if not isinstance(wanted, list) or not wanted:
        return None
    shapes: dict[str, Any] = {}
    for layer in body.get("layers") or ():
        if isinstance(layer, Mapping) and layer.get("class_name") == "InputLayer":
            layer_config = layer.get("config") or {}
            shape = layer_config.get("batch_shape") or layer_config.get("batch_input_shape")
            shapes[str(layer.get("name") or layer_config.get("name"))] = shape
    specs = []
    try:
        for entry in wanted:
            name = str(entry[0])
            shape = shapes.get(name)
            if not isinstance(shape, list):
                return None
            specs.append(classify_input(name, tuple(None if d is None else int(d) for d in shape)))
    except (JetxDiagError, TypeError, ValueError, IndexError):
        return None
    return tuple(specs)
