"""TensorFlow SavedModel directories (``tf.saved_model.save``, ``model.export`` in Keras 3,
``model.save(dir)`` in ``tf.keras``): the serving signature is called by input name, outputs are
named as the signature names them (sorted, ``output_0`` before ``output_1``). Before TensorFlow
loads anything, every function in the graph is checked against an allow-list of ops
(:mod:`savedmodel_check`): loading a SavedModel runs some of its functions."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.artifacts.inspection import TRUST_HINT, first_line
from jetx_diag.artifacts.keras_env import import_tensorflow
from jetx_diag.errors import ArtifactError, MismatchError, UnsafeInputError
from jetx_diag.i18n.messages import record


class _Spec:
    """A named, shaped tensor description answering ``.name`` and ``.shape`` like KerasTensors."""

    def __init__(self, name: str, shape: tuple[int | None, ...]) -> None:
        self.name = name
        self.shape = shape

    def __repr__(self) -> str:
        return f"<{self.name} {self.shape}>"


class SavedModelPredictor:
    """A SavedModel's serving signature behind the parts of the Keras model API we use.

    Inputs are passed by name (a dict), as one array for a single-input signature, or as a list
    in ``input_names`` order. ``predict`` returns one array per output in ``output_names``
    order (a single array for one output), as ``keras.Model.predict`` does.
    """

    def __init__(
        self, path: Path, loaded: Any, signature: Any, name: str, saved_by: str | None
    ) -> None:
        self.path = path
        self._loaded = loaded  # the signature's variables live on this object: keep it alive
        self.signature = signature
        self.signature_name = name
        self.saved_by = saved_by
        _, kwargs = signature.structured_input_signature
        self.input_names = sorted(kwargs, key=_natural)
        self.inputs = [_Spec(n, tuple(kwargs[n].shape.as_list())) for n in self.input_names]
        outputs = signature.structured_outputs
        self.output_names = sorted(outputs, key=_natural)
        self.outputs = [_Spec(n, tuple(outputs[n].shape.as_list())) for n in self.output_names]
        self._dtypes = {n: kwargs[n].dtype for n in self.input_names}
        self._variables = list(getattr(signature, "variables", ()))

    def count_params(self) -> int:
        return int(sum(np.prod(v.shape) for v in self._variables))

    def get_layer(self, name: str) -> Any:
        raise ValueError(f"a SavedModel signature has no layer {name!r}")

    def predict(self, x: Any, batch_size: int = 512, verbose: int = 0) -> Any:
        del verbose  # no progress bar to silence
        feed = self._feed(x)
        count = len(next(iter(feed.values()))) if feed else 0
        chunks: dict[str, list[np.ndarray]] = {n: [] for n in self.output_names}
        for start in range(0, max(count, 1), batch_size):
            batch = {n: a[start : start + batch_size] for n, a in feed.items()}
            result = self.signature(**batch)
            for n in self.output_names:
                chunks[n].append(np.asarray(result[n]))
        arrays = [np.concatenate(chunks[n]) for n in self.output_names]
        return arrays[0] if len(arrays) == 1 else arrays

    def _feed(self, x: Any) -> dict[str, Any]:
        import tensorflow as tf

        if isinstance(x, Mapping):
            missing = [n for n in self.input_names if n not in x]
            if missing:
                raise MismatchError(
                    record(
                        "error.savedmodel.inputs_missing_signature_takes",
                        missing=missing,
                        input_names=self.input_names,
                    ),
                    path=self.path,
                )
            values = [x[n] for n in self.input_names]
        elif isinstance(x, list | tuple):
            values = list(x)
        else:
            values = [x]
        if len(values) != len(self.input_names):
            raise MismatchError(
                record(
                    "error.savedmodel.inputs_given_signature_takes",
                    values_count=len(values),
                    input_names_count=len(self.input_names),
                ),
                path=self.path,
            )
        return {
            n: tf.convert_to_tensor(np.asarray(v), dtype=self._dtypes[n])
            for n, v in zip(self.input_names, values, strict=True)
        }


def _natural(name: str) -> tuple[Any, ...]:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))


def load_savedmodel(path: Path, trust_code: bool) -> SavedModelPredictor:

    tf = import_tensorflow()
    from tensorflow.core.protobuf import saved_model_pb2

    pb = path / "saved_model.pb"
    if not pb.is_file():
        raise ArtifactError(
            record("error.savedmodel.savedmodel_directory_holds_saved_model"),
            path=path,
        )
    proto = saved_model_pb2.SavedModel()
    try:
        proto.ParseFromString(pb.read_bytes())
    except Exception as error:  # protobuf's DecodeError
        raise ArtifactError(
            record("error.savedmodel.saved_model_pb_cannot_parsed", error=error), path=path
        ) from None
    graphs = [g for g in proto.meta_graphs if "serve" in g.meta_info_def.tags] or list(
        proto.meta_graphs
    )
    if not graphs:
        raise ArtifactError(record("error.savedmodel.savedmodel_holds_no_graph"), path=path)
    graph = graphs[0]
    names = list(graph.signature_def)
    if "serving_default" in names:
        name = "serving_default"
    elif len(names) == 1:
        name = names[0]
    else:
        raise ArtifactError(
            record("error.savedmodel.savedmodel_no_serving_default_signature", names=sorted(names)),
            path=path,
        )
    if not trust_code:
        _refuse_unsafe(proto, path)
    version = graph.meta_info_def.tensorflow_version
    try:
        loaded = tf.saved_model.load(str(path), tags=list(graph.meta_info_def.tags) or None)
        signature = loaded.signatures[name]
    except Exception as error:
        raise ArtifactError(
            record(
                "error.savedmodel.tensorflow_cannot_load_savedmodel", first_line=first_line(error)
            ),
            path=path,
        ) from None
    saved_by = f"TensorFlow {version}" if version else None
    return SavedModelPredictor(path, loaded, signature, name, saved_by)


def _refuse_unsafe(proto: Any, path: Path) -> None:
    """Refuse a SavedModel whose loading or calling could touch files or run code."""
    from jetx_diag.artifacts.savedmodel_check import refused_ops, unsafe_assets

    for graph in proto.meta_graphs:
        if not graph.object_graph_def.nodes:
            raise UnsafeInputError(
                record("error.savedmodel.tensorflow_1_savedmodel_no_object"),
                path=path,
                hint=TRUST_HINT,
            )
        refused = refused_ops(graph)
        if refused:
            ops = list(refused)
            more = len(ops) - 8
            listed = ", ".join(ops[:8])
            first = refused[ops[0]]
            shown = (
                record("error.savedmodel.ops_and_more", ops=listed, more=more, first=first)
                if more > 0
                else record("error.savedmodel.ops_listed", ops=listed, first=first)
            )
            raise UnsafeInputError(
                record("error.savedmodel.savedmodel_s_graph_uses_ops", shown=shown),
                path=path,
                hint=TRUST_HINT,
            )
        assets = unsafe_assets(graph)
        if assets:
            raise UnsafeInputError(
                record(
                    "error.savedmodel.savedmodel_names_asset_files_outside",
                    assets=", ".join(assets[:5]),
                ),
                path=path,
                hint=TRUST_HINT,
            )
