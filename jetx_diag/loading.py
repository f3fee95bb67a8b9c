"""Checkpoints, safely: identify files by their bytes, refuse code hidden in them, load them
with ``compile=False``.

What loads:

* HDF5 (``.h5``) written by Keras 3, or by Keras 2 / ``tf.keras`` (legacy HDF5, whatever losses
  its compile config names: nothing is compiled). Keras 3 is tried first; a legacy file that
  Keras 3 cannot rebuild (``TFOpLambda`` layers, for instance) is loaded with ``tf_keras``.
* Keras 3 zip archives (``.keras``).
* TensorFlow SavedModel directories (``tf.saved_model.save``, ``model.export`` in Keras 3,
  ``model.save(dir)`` in ``tf.keras``): their serving signature is called by input name;
  outputs are named as the signature names them (sorted, ``output_0`` before ``output_1``).

Names do not decide: a model called ``MODEL.H5`` or ``model`` loads; a suffix that contradicts
the bytes (an HDF5 file named ``.keras``), an empty, truncated or HTML file is refused with a
message saying which. Nothing is executed before the model's config has been read and checked:
``Lambda`` layers (marshalled Python bytecode), Python lambdas in configs and TensorFlow op
layers outside the math/array set are refused unless the caller trusts the file
(``trust_code=True``). A SavedModel's serving graph is checked for file-system and
Python-callback ops in the same way.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import re
import shutil
import tempfile
import warnings
import zipfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.errors import ArtifactError, MismatchError, UnsafeInputError
from jetx_diag.results import Artifact, ModelSummary

# Kinds :func:`sniff` returns.
KINDS = (
    "hdf5",
    "zip",
    "skops",
    "savedmodel",
    "pickle",
    "joblib",
    "html",
    "json",
    "lfs_pointer",
    "empty",
    "unknown",
)

HDF5_SIGNATURE = b"\x89HDF\r\n\x1a\n"
_ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
_LFS_POINTER = b"version https://git-lfs.github.com/spec/"
_HEAD_BYTES = 64 * 1024
_HDF5_SUFFIXES = (".h5", ".hdf5", ".he5", ".hdf")
_KERAS_ZIP_SUFFIXES = (".keras",)
_TRUST_HINT = "pass --trust-code only if you trust whoever made the file"


# --------------------------------------------------------------------------- bytes and hashes


def sha256_file(path: str | Path) -> str:
    """SHA-256 of a file, read in 1 MiB chunks.

    For a directory (a SavedModel) the digest covers every file below it: for each file in
    sorted relative-path order, its POSIX relative path, a NUL byte and its own SHA-256.
    """
    p = Path(path)
    if p.is_dir():
        tree = hashlib.sha256()
        for child in sorted(c for c in p.rglob("*") if c.is_file()):
            tree.update(child.relative_to(p).as_posix().encode("utf-8") + b"\0")
            tree.update(sha256_file(child).encode("ascii"))
        return tree.hexdigest()
    digest = hashlib.sha256()
    try:
        with p.open("rb") as handle:
            for chunk in iter(lambda: handle.read(1 << 20), b""):
                digest.update(chunk)
    except OSError as error:
        raise ArtifactError(f"cannot read the file ({error.strerror or error})", path=p) from None
    return digest.hexdigest()


def _size_of(path: Path) -> int:
    if path.is_dir():
        return sum(c.stat().st_size for c in path.rglob("*") if c.is_file())
    return path.stat().st_size


def sniff(path: str | Path) -> str:
    """What a file is, judged by its first bytes (never by its name); one of :data:`KINDS`.

    ``joblib`` is a compressed joblib container (zlib, gzip, bz2, xz, lzma, lz4) or a pickle
    whose first 64 KiB mention joblib's array wrapper; other pickles (protocol 2+) are
    ``pickle``. ``zip`` is any zip archive except a skops file (``schema.json`` inside).
    """
    p = Path(path)
    if not p.exists():
        raise ArtifactError("no such file or directory", path=p)
    if p.is_dir():
        has_graph = (p / "saved_model.pb").is_file() or (p / "saved_model.pbtxt").is_file()
        return "savedmodel" if has_graph else "unknown"
    try:
        size = p.stat().st_size
        with p.open("rb") as handle:
            head = handle.read(_HEAD_BYTES)
    except OSError as error:
        raise ArtifactError(f"cannot read the file ({error.strerror or error})", path=p) from None
    if size == 0:
        return "empty"
    if _hdf5_superblock_offset(head) is not None:
        return "hdf5"
    if head[:4] in _ZIP_SIGNATURES:
        return "skops" if _zip_member_names(p) & {"schema.json"} else "zip"
    if len(head) > 1 and head[0] == 0x80 and 2 <= head[1] <= 5:
        return "joblib" if b"NumpyArrayWrapper" in head else "pickle"
    if compression_of(head) is not None:
        return "joblib"
    if head.startswith(_LFS_POINTER):
        return "lfs_pointer"
    text = head[:1024].decode("utf-8", errors="replace").lstrip("\ufeff \t\r\n").lower()
    if text.startswith(("<!doctype html", "<html", "<head", "<body", "<?xml", "<!--")):
        return "html"
    if text.startswith(("{", "[")):
        return "json"
    return "unknown"


def compression_of(head: bytes) -> str | None:
    """The compressor a joblib file was written with, from its magic bytes (joblib's list)."""
    if len(head) >= 2 and head[0] == 0x78 and (head[0] << 8 | head[1]) % 31 == 0:
        return "zlib"  # zlib header: deflate method, and the FCHECK bits make it a multiple of 31
    if head.startswith(b"\x1f\x8b"):
        return "gzip"
    if head.startswith(b"BZh"):
        return "bz2"
    if head.startswith(b"\xfd7zXZ\x00"):
        return "xz"
    if head.startswith(b"]\x00\x00"):
        return "lzma"
    if head.startswith(b"\x04\x22\x4d\x18"):
        return "lz4"
    return None


def _zip_member_names(path: Path) -> set[str]:
    try:
        with zipfile.ZipFile(path) as archive:
            return set(archive.namelist())
    except (zipfile.BadZipFile, OSError):
        return set()


def _hdf5_superblock_offset(head: bytes) -> int | None:
    # The superblock sits at 0 or, after a user block, at 512, 1024, 2048, … bytes.
    offset = 0
    while offset + len(HDF5_SIGNATURE) <= len(head):
        if head[offset : offset + len(HDF5_SIGNATURE)] == HDF5_SIGNATURE:
            return offset
        offset = 512 if offset == 0 else offset * 2
    return None


def hdf5_declared_size(path: str | Path) -> int | None:
    """The file size an HDF5 superblock records (base address + end-of-file address).

    Read by hand because h5py does not expose it, and a truncated file is best explained by
    comparing this number with the real size. ``None`` when the superblock is unreadable.
    """
    with Path(path).open("rb") as handle:
        head = handle.read(_HEAD_BYTES)
    at = _hdf5_superblock_offset(head)
    if at is None or len(head) < at + 16:
        return None
    block = head[at:]
    version = block[8]
    if version in (0, 1):
        width = block[13]  # size of offsets
        position = 24 if version == 0 else 28
        # base address, free-space address, end-of-file address, driver-info address
        fields = [block[position + i * width : position + (i + 1) * width] for i in range(3)]
    elif version in (2, 3):
        width = block[9]
        # base address, superblock-extension address, end-of-file address
        fields = [block[12 + i * width : 12 + (i + 1) * width] for i in range(3)]
    else:
        return None
    if width not in (2, 4, 8) or any(len(f) != width for f in fields):
        return None
    base = int.from_bytes(fields[0], "little")
    end = int.from_bytes(fields[2], "little")
    if end == (1 << (8 * width)) - 1:  # "undefined address"
        return None
    return base + end


# --------------------------------------------------------------------------- config checks


@dataclass(frozen=True)
class CheckpointInfo:
    """What a checkpoint file says about itself, read without TensorFlow."""

    path: str
    format: str  # hdf5, keras_zip, savedmodel
    sha256: str
    size_bytes: int
    keras_version: str | None
    backend: str | None
    saved_by: str | None  # "Keras 3.15.1", "tf.keras 2.15.0"
    layer_classes: tuple[str, ...]  # every class_name in the model config, sorted
    code_layers: tuple[str, ...]  # layers that would run code from the file (Lambda, …)


# TensorFlow functions a tf.keras ``TFOpLambda`` may name without running anything but math:
# the op is looked up by its public name, so these prefixes bound what it can do. ``io.*``
# (write_file), ``print``, ``py_function``, ``numpy_function``, ``raw_ops.*`` … are not here.
_SAFE_TF_OP_PREFIXES = (
    "math.",
    "nn.",
    "linalg.",
    "__operators__.",
    "compat.v1.math.",
    "compat.v1.nn.",
)
# fmt: off
_SAFE_TF_OPS = frozenset((
    "reshape", "concat", "stack", "unstack", "expand_dims", "squeeze", "transpose", "cast",
    "clip_by_value", "identity", "where", "gather", "gather_nd", "split", "tile", "shape",
    "ones_like", "zeros_like", "reduce_sum", "reduce_mean", "reduce_max", "reduce_min",
    "reduce_prod", "reverse", "slice", "strided_slice", "pad", "one_hot", "einsum",
    "broadcast_to", "range", "fill", "sort", "argsort", "cumsum", "abs", "exp", "sqrt",
    "square", "pow", "maximum", "minimum", "sigmoid", "tanh", "log", "add", "subtract",
    "multiply", "divide", "matmul",
))
# fmt: on


def code_layers_in(config: Any) -> tuple[str, ...]:
    """Layers of a Keras model config that would run code carried by the file.

    ``Lambda`` layers (their function is marshalled Python bytecode or an importable name),
    Python lambdas anywhere in the config (Keras 3 writes them as ``__lambda__``), and tf.keras
    ``TFOpLambda`` layers that name a TensorFlow function outside the math/array set. Nested
    Functional/Sequential models and wrapper layers are searched too; names are paths such as
    ``"encoder/scale"``.
    """
    found: list[str] = []

    def layer_name(node: Mapping[str, Any]) -> str:
        inner = node.get("config")
        name = inner.get("name") if isinstance(inner, Mapping) else None
        return str(name or node.get("name") or node.get("class_name"))

    def walk(node: Any, trail: tuple[str, ...]) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, trail)
            return
        if not isinstance(node, Mapping):
            return
        class_name = node.get("class_name")
        if isinstance(class_name, str):
            here = (*trail, layer_name(node))
            inner = node.get("config")
            if class_name == "Lambda" or node.get("function_type") == "lambda":
                found.append(f"{'/'.join(here)} (Lambda)")
                return
            if class_name == "__lambda__":
                found.append(f"{'/'.join(trail) or 'model'} (Python lambda)")
                return
            if class_name in ("TFOpLambda", "SlicingOpLambda") and isinstance(inner, Mapping):
                function = str(inner.get("function", ""))
                if not _safe_tf_op(function):
                    found.append(f"{'/'.join(here)} (TensorFlow op tf.{function})")
                return
            if isinstance(inner, Mapping) and inner.get("function_type") == "lambda":
                found.append(f"{'/'.join(here)} (Lambda)")
                return
            nested = class_name in ("Functional", "Sequential", "Model") and node is not config
            trail = here if nested else trail
        for value in node.values():
            walk(value, trail)

    walk(config, ())
    return tuple(found)


def _safe_tf_op(function: str) -> bool:
    return function.startswith(_SAFE_TF_OP_PREFIXES) or function in _SAFE_TF_OPS


def _class_names(config: Any) -> tuple[str, ...]:
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, Mapping):
            class_name = node.get("class_name")
            if isinstance(class_name, str) and isinstance(node.get("config"), Mapping | str):
                names.add(class_name)
            for value in node.values():
                walk(value)

    walk(config)
    return tuple(sorted(names))


def _saved_by(keras_version: str | None, backend: str | None) -> str | None:
    if not keras_version:
        return None
    # Keras 2.x inside TensorFlow (tf.keras / tf_keras) wrote "2.x.y"; Keras 3 writes "3.x.y".
    if keras_version.startswith("2."):
        label = f"tf.keras {keras_version}"
    else:
        label = f"Keras {keras_version}"
    if backend and backend != "tensorflow":
        label += f" ({backend} backend)"
    return label


def _as_text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8", errors="replace")
    if isinstance(value, np.ndarray) and value.shape == ():
        return _as_text(value.item())
    return str(value)


def _parse_config(text: str, path: Path, where: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise ArtifactError(
            f"the model config ({where}) is not valid JSON: {error.msg} at char {error.pos}",
            path=path,
        ) from None
    except RecursionError:  # a hostile file: "[[[[…" a hundred thousand levels deep
        raise _too_deep(path, where) from None


def _too_deep(path: Path, where: str) -> ArtifactError:
    return ArtifactError(
        f"the model config ({where}) is nested too deeply to be a Keras model", path=path
    )


def inspect_checkpoint(path: str | Path) -> CheckpointInfo:
    """Identify a checkpoint and read its config without TensorFlow; refuse unusable files.

    Raises :class:`ArtifactError` for files that are not a Keras model (empty, HTML, pickles,
    weights only, truncated, mislabelled).
    """
    p = Path(path)
    kind = sniff(p)
    _refuse_kind(p, kind)
    size = _size_of(p)
    if kind == "savedmodel":
        return CheckpointInfo(str(p), "savedmodel", sha256_file(p), size, None, None, None, (), ())
    suffix = p.suffix.lower()
    if kind == "hdf5":
        if suffix in _KERAS_ZIP_SUFFIXES:
            raise ArtifactError(
                "is an HDF5 file, but named .keras (a .keras model is a zip archive)",
                path=p,
                hint=f"rename it to {p.with_suffix('.h5').name}",
            )
        keras_version, backend, config = _read_hdf5(p, size)
    else:  # zip
        if suffix in _HDF5_SUFFIXES:
            raise ArtifactError(
                f"is a zip archive (the .keras format), but named {p.suffix}",
                path=p,
                hint=f"rename it to {p.with_suffix('.keras').name}",
            )
        keras_version, backend, config = _read_keras_zip(p, size)
    try:
        layer_classes, code_layers = _class_names(config), code_layers_in(config)
    except RecursionError:  # parsed just under json's depth limit, too deep to walk
        raise _too_deep(p, "model_config" if kind == "hdf5" else "config.json") from None
    return CheckpointInfo(
        path=str(p),
        format="hdf5" if kind == "hdf5" else "keras_zip",
        sha256=sha256_file(p),
        size_bytes=size,
        keras_version=keras_version,
        backend=backend,
        saved_by=_saved_by(keras_version, backend),
        layer_classes=layer_classes,
        code_layers=code_layers,
    )


def _refuse_kind(path: Path, kind: str) -> None:
    problems = {
        "empty": ("is empty (0 bytes)", "the download or copy probably failed; fetch it again"),
        "html": (
            "is an HTML/XML page, not a model",
            "probably an error or login page saved by a browser or a Drive/Colab download; "
            "download the file itself",
        ),
        "lfs_pointer": (
            "is a Git LFS pointer, not the model itself",
            "run `git lfs pull` to fetch the real file",
        ),
        "json": ("is a JSON file, not a model", "pass it as --metadata if it is the run's info"),
        "pickle": ("is a pickle, not a Keras model", "pass scalers with --scaler"),
        "joblib": ("is a joblib file, not a Keras model", "pass scalers with --scaler"),
        "skops": ("is a skops file, not a Keras model", "pass scalers with --scaler"),
    }
    if kind in problems:
        problem, hint = problems[kind]
        raise ArtifactError(problem, path=path, hint=hint)
    if kind == "unknown":
        what = "a directory without saved_model.pb" if path.is_dir() else "of an unknown type"
        raise ArtifactError(
            f"is {what}",
            path=path,
            hint="expected an HDF5 .h5 file, a .keras zip archive or a SavedModel directory",
        )


def _read_hdf5(path: Path, size: int) -> tuple[str | None, str | None, Any]:
    declared = hdf5_declared_size(path)
    if declared is not None and size < declared:
        raise ArtifactError(
            f"HDF5 file is truncated: its superblock records {declared:,} bytes, "
            f"the file has {size:,}",
            path=path,
            hint="the download or copy was cut short; fetch it again",
        )
    import h5py

    try:
        with h5py.File(path, "r") as handle:
            attrs = {key: handle.attrs[key] for key in handle.attrs}
            top = sorted(handle.keys())
    except OSError as error:
        raise ArtifactError(f"HDF5 file cannot be read ({error})", path=path) from None
    keras_version = _as_text(attrs.get("keras_version"))
    backend = _as_text(attrs.get("backend"))
    config_text = _as_text(attrs.get("model_config"))
    if config_text is None:
        looks_like = "layer_names" in attrs or bool(top)
        raise ArtifactError(
            "holds weights only (no model_config: written by save_weights)"
            if looks_like
            else "is an HDF5 file without a Keras model in it",
            path=path,
            hint="the architecture is not in the file; save the model with model.save()",
        )
    return keras_version, backend, _parse_config(config_text, path, "model_config attribute")


def _read_keras_zip(path: Path, size: int) -> tuple[str | None, str | None, Any]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "config.json" not in names:
                raise ArtifactError(
                    "is a zip archive without config.json, not a .keras model",
                    path=path,
                )
            config_text = archive.read("config.json").decode("utf-8", errors="replace")
            meta_text = (
                archive.read("metadata.json").decode("utf-8", errors="replace")
                if "metadata.json" in names
                else "{}"
            )
    except zipfile.BadZipFile as error:
        raise ArtifactError(
            f"zip archive is truncated or damaged ({error}; the file has {size:,} bytes)",
            path=path,
            hint="the download or copy was cut short; fetch it again",
        ) from None
    meta = _parse_config(meta_text, path, "metadata.json")
    meta = meta if isinstance(meta, Mapping) else {}
    keras_version = meta.get("keras_version")
    backend = meta.get("backend")
    return (
        None if keras_version is None else str(keras_version),
        None if backend is None else str(backend),
        _parse_config(config_text, path, "config.json"),
    )


# --------------------------------------------------------------------------- loading


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

    ``model`` is the Keras model (Keras 3 or tf_keras) or a :class:`SavedModelPredictor`;
    all three answer ``predict``, ``inputs``, ``outputs``, ``input_names``/``output_names``.
    Not serialisable itself: :meth:`artifact` and :meth:`summary` are.
    """

    model: Any
    path: str
    format: str  # hdf5, keras_zip, savedmodel
    framework: str  # keras3, tf_keras, tensorflow
    saved_by: str | None
    sha256: str
    size_bytes: int
    inputs: tuple[TensorInfo, ...]
    outputs: tuple[TensorInfo, ...]
    warnings: tuple[str, ...] = ()

    def artifact(self) -> Artifact:
        details = {"format": self.format, "framework": self.framework}
        if self.saved_by:
            details["saved_by"] = self.saved_by
        return Artifact("checkpoint", self.path, self.sha256, self.size_bytes, details)

    def summary(self) -> ModelSummary:
        parameters = None
        with contextlib.suppress(AttributeError, TypeError, ValueError):
            parameters = int(self.model.count_params())
        return ModelSummary(
            inputs=tuple(t.describe() for t in self.inputs),
            outputs=tuple(t.describe() for t in self.outputs),
            parameters=parameters,
            saved_by=self.saved_by,
        )

    def predict(self, inputs: Mapping[str, np.ndarray], batch_size: int = 512) -> dict[str, Any]:
        """Outputs by name for inputs given by name."""
        return _predict(self.model, inputs, batch_size)


def load_checkpoint(path: str | Path, *, trust_code: bool = False) -> LoadedModel:
    """Load a Keras checkpoint or SavedModel for inference, refusing code hidden in it.

    Always ``compile=False`` (losses, even custom ones such as ``threshold_killer_loss``, are
    not needed to evaluate). Keras 3 runs with ``safe_mode=True`` unless ``trust_code``: the
    caller's explicit trust is the one thing that lifts it, for Keras 3 and tf_keras alike.
    """
    p = Path(path)
    info = inspect_checkpoint(p)
    if info.code_layers and not trust_code:
        raise UnsafeInputError(
            "the model contains layers that run Python code stored in the file: "
            + ", ".join(info.code_layers),
            path=p,
            hint=_TRUST_HINT,
        )
    caught: list[str] = []
    if info.format == "savedmodel":
        model, framework = _load_savedmodel(p, trust_code), "tensorflow"
        saved_by = model.saved_by
    else:
        model, framework = _load_keras(info, trust_code, caught)
        saved_by = info.saved_by
    inputs = model_inputs(model)
    outputs = model_outputs(model)
    check_outputs(outputs, path=p)
    return LoadedModel(
        model=model,
        path=str(p),
        format=info.format,
        framework=framework,
        saved_by=saved_by,
        sha256=info.sha256,
        size_bytes=info.size_bytes,
        inputs=inputs,
        outputs=outputs,
        warnings=tuple(dict.fromkeys(caught)),
    )


@contextlib.contextmanager
def _canonical_name(source: Path, suffix: str) -> Iterator[Path]:
    """The file under a name Keras dispatches on (it decides by suffix, we by bytes)."""
    with tempfile.TemporaryDirectory(prefix="jetx_diag_") as tmp:
        link = Path(tmp) / f"model{suffix}"
        try:
            link.symlink_to(source.resolve())
        except OSError:  # no symlinks (Windows without privilege): copy instead
            shutil.copyfile(source, link)
        yield link


def _load_keras(info: CheckpointInfo, trust_code: bool, caught: list[str]) -> tuple[Any, str]:
    from jetx_diag.keras_env import import_keras, import_tf_keras

    keras = import_keras()
    path = Path(info.path)
    failures: list[tuple[str, BaseException]] = []
    suffix = ".h5" if info.format == "hdf5" else ".keras"
    with _canonical_name(path, suffix) as name, warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        try:
            model = keras.saving.load_model(name, compile=False, safe_mode=not trust_code)
            framework = "keras3"
        except Exception as error:  # Keras raises ValueError, TypeError, KeyError, OSError …
            failures.append(("Keras 3", error))
            model = None
        legacy = info.format == "hdf5" and not (info.keras_version or "").startswith("3.")
        if model is None and legacy:
            tf_keras = import_tf_keras()
            if tf_keras is not None:
                # Only reached after code_layers_in() found nothing, or the caller trusts the
                # file: tf_keras has no safe mode for HDF5 and would run Lambda bytecode.
                try:
                    model = tf_keras.models.load_model(name, compile=False)
                    framework = "tf_keras"
                except Exception as error:
                    failures.append(("tf_keras", error))
        caught.extend(_warning_text(w.message) for w in record)
    if model is None:
        raise _explain_failure(info, failures)
    return model, framework


def _warning_text(message: Warning | str) -> str:
    return " ".join(str(message).split())[:300]


_CUSTOM_PATTERNS = (
    re.compile(r"Unknown (?:layer|object|class)[:\s]+'?([\w>.\-]+)'?"),
    re.compile(r"Could not locate (?:class|function|object) '([^']+)'"),
    re.compile(r"Could not deserialize (?:class|function) '([^']+)'"),
)


def _explain_failure(info: CheckpointInfo, failures: list[tuple[str, BaseException]]) -> Exception:
    path = info.path
    texts = [str(error) for _, error in failures]
    for text in texts:
        if "safe_mode" in text and "lambda" in text.lower():
            return UnsafeInputError(
                "Keras safe mode refused a Python lambda in the model", path=path, hint=_TRUST_HINT
            )
    for text in texts:
        for pattern in _CUSTOM_PATTERNS:
            match = pattern.search(text)
            if match:
                return ArtifactError(
                    f"the model uses a custom layer or function {match.group(1)!r} that is not "
                    "available here (custom classes are code, which a checkpoint does not hold)",
                    path=path,
                    hint="rebuild it from built-in layers, or predict with the training code "
                    "and pass --predictions",
                )
    detail = "; ".join(f"{who}: {_first_line(error)}" for who, error in failures)
    return ArtifactError(f"Keras cannot rebuild the model ({detail})", path=path)


def _first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    text = lines[0] if lines else type(error).__name__
    return text[:300]


# --------------------------------------------------------------------------- SavedModel


# Ops that touch files, run Python callbacks or print: none belongs in a model's forward pass.
# fmt: off
_UNSAFE_TF_OPS = frozenset((
    "WriteFile", "ReadFile", "MatchingFiles", "DeleteFile",
    "Save", "SaveV2", "SaveSlices", "Restore", "RestoreV2", "RestoreSlice",
    "MergeV2Checkpoints", "ShardedFilename",
    "PyFunc", "PyFuncStateless", "EagerPyFunc", "Print", "PrintV2", "ImmutableConst",
    "WriteSummary", "WriteScalarSummary", "WriteHistogramSummary", "WriteImageSummary",
    "WriteAudioSummary", "WriteGraphSummary", "WriteRawProtoSummary",
    "CreateSummaryFileWriter", "CreateSummaryDbWriter", "FlushSummaryWriter",
    "TFRecordDataset", "TFRecordDatasetV2", "FixedLengthRecordDataset",
    "FixedLengthRecordDatasetV2", "TextLineDataset", "SaveDataset", "SaveDatasetV2",
    "LoadDataset", "DebugIdentity", "DebugIdentityV2", "DebugIdentityV3",
))
# fmt: on


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
                    f"inputs {missing} are missing (the signature takes {self.input_names})",
                    path=self.path,
                )
            values = [x[n] for n in self.input_names]
        elif isinstance(x, list | tuple):
            values = list(x)
        else:
            values = [x]
        if len(values) != len(self.input_names):
            raise MismatchError(
                f"{len(values)} inputs given, the signature takes {len(self.input_names)}",
                path=self.path,
            )
        return {
            n: tf.convert_to_tensor(np.asarray(v), dtype=self._dtypes[n])
            for n, v in zip(self.input_names, values, strict=True)
        }


def _natural(name: str) -> tuple[Any, ...]:
    return tuple(int(t) if t.isdigit() else t for t in re.split(r"(\d+)", name))


def _load_savedmodel(path: Path, trust_code: bool) -> SavedModelPredictor:
    from jetx_diag.keras_env import import_tensorflow

    tf = import_tensorflow()
    from tensorflow.core.protobuf import saved_model_pb2

    pb = path / "saved_model.pb"
    if not pb.is_file():
        raise ArtifactError(
            "SavedModel directory holds saved_model.pbtxt only; text SavedModels are not supported",
            path=path,
        )
    proto = saved_model_pb2.SavedModel()
    try:
        proto.ParseFromString(pb.read_bytes())
    except Exception as error:  # protobuf's DecodeError
        raise ArtifactError(f"saved_model.pb cannot be parsed ({error})", path=path) from None
    graphs = [g for g in proto.meta_graphs if "serve" in g.meta_info_def.tags] or list(
        proto.meta_graphs
    )
    if not graphs:
        raise ArtifactError("SavedModel holds no graph", path=path)
    graph = graphs[0]
    names = list(graph.signature_def)
    if "serving_default" in names:
        name = "serving_default"
    elif len(names) == 1:
        name = names[0]
    else:
        raise ArtifactError(
            f"SavedModel has no serving_default signature (it has {sorted(names)})", path=path
        )
    unsafe = sorted(savedmodel_ops(graph, name) & _UNSAFE_TF_OPS)
    if unsafe and not trust_code:
        raise UnsafeInputError(
            "the SavedModel's serving graph uses file-system or Python ops: " + ", ".join(unsafe),
            path=path,
            hint=_TRUST_HINT,
        )
    version = graph.meta_info_def.tensorflow_version
    try:
        loaded = tf.saved_model.load(str(path), tags=list(graph.meta_info_def.tags) or None)
        signature = loaded.signatures[name]
    except Exception as error:
        raise ArtifactError(
            f"TensorFlow cannot load the SavedModel ({_first_line(error)})", path=path
        ) from None
    saved_by = f"TensorFlow {version}" if version else None
    return SavedModelPredictor(path, loaded, signature, name, saved_by)


def savedmodel_ops(graph: Any, signature: str) -> set[str]:
    """Op types reachable from a signature's outputs in a MetaGraphDef (through functions)."""
    library = {f.signature.name: f for f in graph.graph_def.library.function}
    nodes = {n.name: n for n in graph.graph_def.node}
    ops: set[str] = set()
    seen_functions: set[str] = set()

    def functions_of(node: Any) -> list[str]:
        found = []
        for value in node.attr.values():
            if value.HasField("func"):
                found.append(value.func.name)
            if value.HasField("list"):
                found.extend(f.name for f in value.list.func)
        if node.op in library:
            found.append(node.op)
        return found

    def visit_function(name: str) -> None:
        if name in seen_functions or name not in library:
            return
        seen_functions.add(name)
        for node in library[name].node_def:
            if node.op not in library:
                ops.add(node.op)
            for called in functions_of(node):
                visit_function(called)

    pending = [t.name for t in graph.signature_def[signature].outputs.values()]
    seen_nodes: set[str] = set()
    while pending:
        node_name = pending.pop().lstrip("^").split(":")[0]
        if node_name in seen_nodes or node_name not in nodes:
            continue
        seen_nodes.add(node_name)
        node = nodes[node_name]
        if node.op not in library:
            ops.add(node.op)
        for called in functions_of(node):
            visit_function(called)
        pending.extend(node.input)
    return ops


# --------------------------------------------------------------------------- inputs and outputs


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
        raise MismatchError("the model has no outputs", path=path)
    usable = []
    for output in outputs:
        width = _width(output.shape)
        expected = _HEAD_WIDTHS.get(output.name)
        if expected is not None and width != expected:
            raise MismatchError(
                f"output {output.name!r} has shape {_shape_text(output.shape)}; a "
                f"{output.name} head has {expected} value{'s' if expected > 1 else ''} per round",
                path=path,
            )
        if width in (1, 3):
            usable.append(output)
    if not usable:
        raise MismatchError(
            "unexpected model outputs: "
            + ", ".join(f"{o.name} {_shape_text(o.shape)}" for o in outputs),
            path=path,
            hint="expected a sigmoid 'threshold' (None, 1), a softmax 'classification' "
            "(None, 3) or a linear 'regression' (None, 1) output",
        )


def _width(shape: tuple[int | None, ...]) -> int | None:
    if len(shape) == 1:
        return 1
    if len(shape) == 2:
        return shape[1]
    return None


def _shape_text(shape: tuple[int | None, ...]) -> str:
    return "(" + ", ".join("None" if d is None else str(d) for d in shape) + ")"


def _predict(model: Any, inputs: Mapping[str, np.ndarray], batch_size: int) -> dict[str, Any]:
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
                f"the probe batch itself holds non-finite values (input {name!r})", path=path
            )
    outputs = _predict(model, inputs, batch_size)
    for name, value in outputs.items():
        array = np.asarray(value, dtype=np.float64)
        bad = int(np.count_nonzero(~np.isfinite(array)))
        if bad:
            kinds = _nonfinite_kinds(array)
            raise ArtifactError(
                f"the model produced {bad} non-finite value{'s' if bad != 1 else ''} "
                f"({'/'.join(kinds)}) of {array.size} on output {name!r} for a finite probe "
                f"batch of {len(array)} rows",
                path=path,
                hint="its weights are probably corrupt (NaN) or training diverged",
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


# --------------------------------------------------------------------------- companions

_SCALER_PATTERNS = ("scaler*.pkl", "*.joblib", "*.skops")
_METADATA_PATTERNS = ("*info*.json",)


def companion_candidates(checkpoint_path: str | Path) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Every scaler and metadata file beside a checkpoint, best first.

    Scalers: ``scaler*.pkl``, then ``*.joblib``, then ``*.skops``; metadata: ``*info*.json``.
    Names match case-insensitively; within a pattern files sort by name (case-folded, then
    exact). A file matching an earlier pattern wins, so ``scaler_progressive.pkl`` beats
    ``backup.joblib``. The choice depends on names only, never on dates or directory order.
    """
    checkpoint = Path(checkpoint_path)
    folder = checkpoint.parent if checkpoint.name else Path(".")
    try:
        files = [f for f in folder.iterdir() if f.is_file() and f.resolve() != checkpoint.resolve()]
    except OSError:
        return (), ()
    return _ranked(files, _SCALER_PATTERNS), _ranked(files, _METADATA_PATTERNS)


def _ranked(files: list[Path], patterns: tuple[str, ...]) -> tuple[Path, ...]:
    import fnmatch

    chosen: list[Path] = []
    for pattern in patterns:
        matches = [
            f for f in files if fnmatch.fnmatchcase(f.name.lower(), pattern) and f not in chosen
        ]
        chosen.extend(sorted(matches, key=lambda f: (f.name.casefold(), f.name)))
    return tuple(chosen)


def find_companions(checkpoint_path: str | Path) -> tuple[Path | None, Path | None]:
    """The scaler and metadata files to use beside a checkpoint (first of
    :func:`companion_candidates`), or ``None`` for each that is absent."""
    scalers, metadata = companion_candidates(checkpoint_path)
    return (scalers[0] if scalers else None, metadata[0] if metadata else None)


def probe_batch(inputs: tuple[TensorInfo, ...], rows: int = 8, seed: int = 0) -> dict[str, Any]:
    """A small finite batch shaped like the model's inputs (values in [-1, 1], seeded)."""
    rng = np.random.default_rng(seed)
    batch = {}
    for spec in inputs:
        shape = tuple(rows if i == 0 else (d or 1) for i, d in enumerate(spec.shape))
        batch[spec.name] = rng.uniform(-1.0, 1.0, size=shape).astype(np.float32)
    return batch
