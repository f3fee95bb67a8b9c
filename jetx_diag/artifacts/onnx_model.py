"""ONNX models (any framework that exports to ONNX: PyTorch, scikit-learn through skl2onnx, Keras
through tf2onnx), run with onnxruntime on the CPU.

Inputs and outputs are matched by name and shape as for Keras: ``(None, N, 1)`` windows,
``(None, F)`` feature vectors, heads named or shaped ``threshold`` / ``classification`` /
``regression``. What exporters add around a classifier is translated: integer class labels are
ignored (the probabilities are used), two-column probabilities (or scikit-learn's ZipMap
dictionaries) become ``p_above``, the probability of class 1. An ONNX graph holds no Python, and
no custom-op library is registered, so loading one runs nothing but the standard operators.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.artifacts.inspection import first_line
from jetx_diag.artifacts.loaded_model import LoadedModel, check_outputs, model_inputs, model_outputs
from jetx_diag.artifacts.sniffing import ONNX_FIELD_NAMES, onnx_fields, sha256_file
from jetx_diag.errors import ArtifactError, InputError, MismatchError
from jetx_diag.i18n.messages import record

INSTALL_HINT = record("error.onnx_model.hint_pip_install_jetx_diag_onnx")
_FLOATS = {"tensor(float)": np.float32, "tensor(double)": np.float64}


class _Spec:
    """A named, shaped tensor description answering ``.name`` and ``.shape`` like KerasTensors."""

    def __init__(self, name: str, shape: tuple[int | None, ...]) -> None:
        self.name = name
        self.shape = shape


class _Activation:
    """What ``get_layer(name)`` answers for an output whose meaning the export makes plain."""

    def __init__(self, name: str) -> None:
        self.activation = type(name, (), {"__name__": name})


class OnnxPredictor:
    """An onnxruntime session behind the parts of the Keras model API jetx_diag uses."""

    def __init__(self, path: Path, session: Any) -> None:
        self.path = path
        self.session = session
        self.notes: list[str] = []
        self._input_types: dict[str, Any] = {}
        self.inputs: list[_Spec] = []
        for node in session.get_inputs():
            dtype = _FLOATS.get(node.type)
            if dtype is None:
                raise MismatchError(
                    record(
                        "error.onnx_model.onnx_input_jetx_diag_feeds",
                        name=f"{node.name!r}",
                        type=node.type,
                    ),
                    path=path,
                )
            self._input_types[node.name] = dtype
            self.inputs.append(_Spec(node.name, _dims(node.shape)))
        self.input_names = [s.name for s in self.inputs]
        batch = [s.shape[0] for s in self.inputs if s.shape and isinstance(s.shape[0], int)]
        self._fixed_batch = batch[0] if batch else None
        self._outputs: list[tuple[str, str]] = []  # (ONNX output name, how to read it)
        self.outputs: list[_Spec] = []
        for node in session.get_outputs():
            shape = _dims(node.shape)
            if node.type in _FLOATS and len(shape) == 2 and shape[1] == 2:
                self._outputs.append((node.name, "two_class"))
                self.outputs.append(_Spec(node.name, (None, 1)))
            elif node.type in _FLOATS:
                self._outputs.append((node.name, "tensor"))
                self.outputs.append(_Spec(node.name, shape))
            elif node.type.startswith("seq(map("):
                self._outputs.append((node.name, "zipmap"))
                self.outputs.append(_Spec(node.name, (None, 1)))
            else:
                self.notes.append(
                    record("record.onnx_labels_unused", name=node.name, kind=node.type)
                )
        if any(kind != "tensor" for _, kind in self._outputs):
            # A classifier's export: if it also has float "label" outputs, prefer probabilities.
            self._outputs = [(n, k) for n, k in self._outputs if k != "tensor" or "prob" in n]
            kept = {n for n, _ in self._outputs}
            self.outputs = [s for s in self.outputs if s.name in kept]
        self.output_names = [s.name for s in self.outputs]
        self._probability = {n for n, k in self._outputs if k != "tensor"}

    def count_params(self) -> int | None:
        try:
            import onnx
        except ImportError:
            return None
        try:
            model = onnx.load(str(self.path), load_external_data=False)
        except Exception:  # counting is a courtesy; the session already read the file
            return None
        return int(sum(int(np.prod(t.dims)) for t in model.graph.initializer))

    def get_layer(self, name: str) -> Any:
        if name in self._probability:
            return _Activation("sigmoid")
        raise ValueError(f"an ONNX graph has no layer {name!r}")

    def predict(self, x: Any, batch_size: int = 512, verbose: int = 0) -> Any:
        del verbose
        feed = self._feed(x)
        count = len(next(iter(feed.values()))) if feed else 0
        step = self._fixed_batch or batch_size
        chunks: dict[str, list[np.ndarray]] = {n: [] for n, _ in self._outputs}
        names = [n for n, _ in self._outputs]
        for start in range(0, max(count, 1), step):
            batch = {n: a[start : start + step] for n, a in feed.items()}
            try:
                results = self.session.run(names, batch)
            except Exception as error:  # onnxruntime's Fail / InvalidArgument / RuntimeException
                raise ArtifactError(
                    record(
                        "error.onnx_model.onnxruntime_cannot_run_model",
                        first_line=first_line(error),
                    ),
                    path=self.path,
                ) from None
            for (name, kind), value in zip(self._outputs, results, strict=True):
                chunks[name].append(self._read(name, kind, value))
        arrays = [np.concatenate(chunks[n]) for n in names]
        return arrays[0] if len(arrays) == 1 else arrays

    def _read(self, name: str, kind: str, value: Any) -> np.ndarray:
        if kind == "zipmap":
            value = np.asarray([[row[k] for k in sorted(row)] for row in value], dtype=np.float64)
            kind = "two_class" if value.shape[1] == 2 else "tensor"
        array = np.asarray(value, dtype=np.float64)
        if kind != "two_class":
            return array
        sums = array.sum(axis=1)
        if array.size and not np.allclose(sums, 1.0, atol=1e-3):
            raise MismatchError(
                record("error.onnx_model.onnx_output_2_values_per", name=f"{name!r}"),
                path=self.path,
            )
        return array[:, 1:2]  # class 1 is "above": the label the training scripts use

    def _feed(self, x: Any) -> dict[str, np.ndarray]:
        if isinstance(x, Mapping):
            missing = [n for n in self.input_names if n not in x]
            if missing:
                raise MismatchError(
                    record("error.onnx_model.inputs_missing", missing=missing), path=self.path
                )
            values = [x[n] for n in self.input_names]
        elif isinstance(x, list | tuple):
            values = list(x)
        else:
            values = [x]
        return {
            n: np.ascontiguousarray(v, dtype=self._input_types[n])
            for n, v in zip(self.input_names, values, strict=True)
        }


def _dims(shape: Any) -> tuple[int | None, ...]:
    # onnxruntime gives ints for fixed dimensions, strings ("batch", "N") or None for free ones.
    return tuple(d if isinstance(d, int) and d > 0 else None for d in (shape or ()))


def check_onnx_bytes(path: Path) -> None:
    """Refuse an ONNX file cut short: a top-level field running past the end of the file."""
    data = path.read_bytes()
    fields = onnx_fields(data) or []
    for number, _start, end in fields:
        if end > len(data):
            sizes = {"end": f"{end:,}", "data_count": f"{len(data):,}"}
            raise ArtifactError(
                record(
                    "error.onnx_model.onnx_file_truncated_needs_bytes",
                    name=ONNX_FIELD_NAMES[number],
                    **sizes,
                )
                if number in ONNX_FIELD_NAMES
                else record("error.onnx_model.onnx_field_truncated", number=number, **sizes),
                path=path,
                hint=record("error.inspection.hint_download_copy_cut_short_fetch"),
            )
    if not any(number == 7 for number, _, _ in fields):
        raise ArtifactError(record("error.onnx_model.onnx_file_holds_no_graph"), path=path)


def import_onnxruntime() -> Any:
    try:
        import onnxruntime
    except ImportError as error:
        raise InputError(
            record("error.onnx_model.reading_onnx_model_needs_onnxruntime", error=error),
            hint=INSTALL_HINT,
        ) from None
    return onnxruntime


def load_onnx(path: str | Path) -> LoadedModel:
    """An ONNX model ready to predict (CPU), its inputs and outputs checked."""
    p = Path(path)
    check_onnx_bytes(p)
    ort = import_onnxruntime()
    options = ort.SessionOptions()
    options.log_severity_level = 3  # errors only: no warnings on stderr
    try:
        session = ort.InferenceSession(str(p), options, providers=["CPUExecutionProvider"])
    except Exception as error:
        raise ArtifactError(
            record("error.onnx_model.onnxruntime_cannot_load_model", first_line=first_line(error)),
            path=p,
        ) from None
    predictor = OnnxPredictor(p, session)
    meta = session.get_modelmeta()
    producer = (meta.producer_name or "").strip()
    saved_by = f"ONNX from {producer}" if producer else "ONNX"
    outputs = model_outputs(predictor)
    check_outputs(outputs, path=p)
    return LoadedModel(
        model=predictor,
        path=str(p),
        format="onnx",
        framework="onnxruntime",
        saved_by=saved_by,
        sha256=sha256_file(p),
        size_bytes=p.stat().st_size,
        inputs=model_inputs(predictor),
        outputs=outputs,
        warnings=tuple(predictor.notes),
    )
