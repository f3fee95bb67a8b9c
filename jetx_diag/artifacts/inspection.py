"""A checkpoint's model config, read and checked before anything is built.

``Lambda`` layers (marshalled Python bytecode), Python lambdas in configs and TensorFlow op layers
outside the math/array set are refused unless the caller trusts the file (``--trust-code``); a
suffix that contradicts the bytes, an empty, truncated or HTML file is refused with a message
saying which."""

from __future__ import annotations

import base64
import binascii
import json
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import h5py
import numpy as np

from jetx_diag.artifacts.sniffing import (
    HDF5_SUFFIXES,
    KERAS_ZIP_SUFFIXES,
    hdf5_declared_size,
    sha256_file,
    size_of,
    sniff,
)
from jetx_diag.errors import ArtifactError, UnsafeInputError
from jetx_diag.i18n.messages import record

TRUST_HINT = record("error.inspection.hint_trust_code")


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
    # {"module": …} objects outside keras/tf_keras: tf_keras would import them to rebuild
    foreign_modules: tuple[str, ...] = ()


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

    def walk(node: Any, trail: tuple[str, ...], layer: str = "") -> None:
        if isinstance(node, list):
            for item in node:
                walk(item, trail, layer)
            return
        if not isinstance(node, Mapping):
            return
        for key, value in node.items():
            wrapped = value.get("value") if isinstance(value, Mapping) else None
            if _is_bytecode(value) or _is_bytecode(wrapped):
                owner = "/".join((*trail, layer) if layer else trail) or "model"
                found.append(f"{owner} (Python function bytecode in {key})")
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
            layer = "" if nested else layer_name(node)
        for value in node.values():
            walk(value, trail, layer)

    walk(config, ())
    return tuple(found)


def _is_bytecode(value: Any) -> bool:
    """A marshalled Python function as Keras writes one: ``[base64 of marshal data, …]``.

    A lambda used as an activation is saved that way (``{"value": ["4wEA…", null, null]}``);
    unmarshalling it and calling it runs whatever the file holds.
    """
    if not (isinstance(value, list) and value and isinstance(value[0], str)):
        return False
    text = value[0].strip()
    if len(text) < 8:
        return False
    try:
        head = base64.b64decode(text[:8], validate=False)
    except (ValueError, binascii.Error):
        return False
    return head[:1] in (b"\xe3", b"c")  # marshal's code-object type, with or without FLAG_REF


# Packages whose classes a Keras config may name with {"module": …}: tf_keras imports any
# module a config names, so nothing else is let through to it.
_KERAS_PACKAGES = ("keras", "tf_keras")


def foreign_modules_in(config: Any) -> tuple[str, ...]:
    """``module.class_name`` of every ``{"module": …, "class_name": …}`` object in a config,
    at any depth (cell wrappers, initializers, input type specs), outside Keras' own packages."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, list):
            for item in node:
                walk(item)
            return
        if not isinstance(node, Mapping):
            return
        module = node.get("module")
        if module is not None and "class_name" in node:
            text = str(module)
            if not any(text == p or text.startswith(p + ".") for p in _KERAS_PACKAGES):
                found.append(f"{text}.{node.get('class_name')}")
        for value in node.values():
            walk(value)

    walk(config)
    return tuple(dict.fromkeys(found))


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
            record(
                "error.inspection.model_config_not_valid_json",
                where=where,
                msg=error.msg,
                pos=error.pos,
            ),
            path=path,
        ) from None
    except RecursionError:  # a hostile file: "[[[[…" a hundred thousand levels deep
        raise _too_deep(path, where) from None


def _too_deep(path: Path, where: str) -> ArtifactError:
    return ArtifactError(
        record("error.inspection.model_config_nested_too_deeply", where=where), path=path
    )


def inspect_checkpoint(path: str | Path) -> CheckpointInfo:
    """Identify a checkpoint and read its config without TensorFlow; refuse unusable files.

    Raises :class:`ArtifactError` for files that are not a Keras model (empty, HTML, pickles,
    weights only, truncated, mislabelled).
    """
    p = Path(path)
    kind = sniff(p)
    _refuse_kind(p, kind)
    size = size_of(p)
    if kind == "savedmodel":
        return CheckpointInfo(str(p), "savedmodel", sha256_file(p), size, None, None, None, (), ())
    suffix = p.suffix.lower()
    if kind == "hdf5":
        if suffix in KERAS_ZIP_SUFFIXES:
            raise ArtifactError(
                record("error.inspection.hdf5_file_but_named_keras"),
                path=p,
                hint=record("error.inspection.hint_rename", name=p.with_suffix(".h5").name),
            )
        keras_version, backend, config = _read_hdf5(p, size)
    else:  # zip
        if suffix in HDF5_SUFFIXES:
            raise ArtifactError(
                record("error.inspection.zip_archive_keras_format_but", suffix=p.suffix),
                path=p,
                hint=record("error.inspection.hint_rename", name=p.with_suffix(".keras").name),
            )
        keras_version, backend, config = _read_keras_zip(p, size)
    try:
        layer_classes, code_layers = _class_names(config), code_layers_in(config)
        foreign = foreign_modules_in(config)
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
        foreign_modules=foreign,
    )


#: How each framework saves a model in a format jetx_diag reads (never a pickle, which is code).
NATIVE_SAVE = {
    "keras": "Keras: model.save('model.keras')",
    "tensorflow": "Keras: model.save('model.keras')",
    "catboost": "CatBoost: model.save_model('model.cbm')",
    "lightgbm": "LightGBM: model.booster_.save_model('model.txt')",
    "xgboost": "XGBoost: model.save_model('model.json')",
    "torch": "PyTorch: torch.onnx.export(model, example_input, 'model.onnx')",
    "sklearn": "scikit-learn: skl2onnx.to_onnx(model, X[:1]) written to model.onnx",
}
_ALL_FORMATS = record("error.inspection.hint_expected_keras_h5_keras_file")


def pickled_framework(path: Path) -> str | None:
    """The framework a pickled model comes from, from the module names in its first bytes."""
    with path.open("rb") as handle:
        head = handle.read(64 * 1024)
    for framework in ("catboost", "lightgbm", "xgboost", "torch", "keras", "tensorflow"):
        if framework.encode() in head:
            return framework
    if b"sklearn" in head and b"sklearn.preprocessing" not in head:
        return "sklearn"
    return None


def _pickle_problem(path: Path, kind: str) -> tuple[str, str]:
    framework = pickled_framework(path)
    what = "a pickle" if kind == "pickle" else "a joblib file"
    if framework is None:
        return (
            f"is {what}, not a model file",
            "pass a scaler with --scaler; a model is read in its native format, never from a "
            "pickle, which is code",
        )
    shown = NATIVE_SAVE[framework].split(":")[0]
    return (
        f"is a pickled {shown} model ({what} is code, so it is never loaded)",
        "save it natively: " + NATIVE_SAVE[framework],
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
        "skops": ("is a skops file, not a Keras model", "pass scalers with --scaler"),
    }
    if kind in ("pickle", "joblib"):
        problem, hint = _pickle_problem(path, kind)
        raise ArtifactError(problem, path=path, hint=hint)
    if kind in ("onnx", "catboost", "lightgbm", "xgboost_json", "xgboost_ubj"):
        raise ArtifactError(
            record("error.inspection.model_not_keras_checkpoint", kind=kind), path=path
        )
    if kind in problems:
        problem, hint = problems[kind]
        raise ArtifactError(problem, path=path, hint=hint)
    if kind == "unknown":
        raise ArtifactError(
            record("error.inspection.directory_without_saved_model")
            if path.is_dir()
            else record("error.inspection.unknown_type"),
            path=path,
            hint=_ALL_FORMATS,
        )


def _read_hdf5(path: Path, size: int) -> tuple[str | None, str | None, Any]:
    declared = hdf5_declared_size(path)
    if declared is not None and size < declared:
        raise ArtifactError(
            record(
                "error.inspection.hdf5_file_truncated_superblock_records",
                declared=f"{declared:,}",
                size=f"{size:,}",
            ),
            path=path,
            hint=record("error.inspection.hint_download_copy_cut_short_fetch"),
        )

    try:
        with h5py.File(path, "r") as handle:
            refuse_outside_storage(handle, path)
            attrs = {key: handle.attrs[key] for key in handle.attrs}
            top = sorted(handle.keys())
    except (OSError, RuntimeError, ValueError, KeyError, TypeError) as error:
        # h5py reports damaged structures with any of these, not only OSError.
        raise ArtifactError(
            record("error.inspection.hdf5_file_cannot_read", first_line=first_line(error)),
            path=path,
        ) from None
    keras_version = _as_text(attrs.get("keras_version"))
    backend = _as_text(attrs.get("backend"))
    config_text = _as_text(attrs.get("model_config"))
    if config_text is None:
        looks_like = "layer_names" in attrs or bool(top)
        raise ArtifactError(
            record("error.inspection.holds_weights_only_no_model")
            if looks_like
            else record("error.inspection.hdf5_file_without_keras_model"),
            path=path,
            hint=record("error.inspection.hint_architecture_not_file_save_model"),
        )
    return keras_version, backend, _parse_config(config_text, path, "model_config attribute")


def refuse_outside_storage(handle: Any, path: Path) -> None:
    """Refuse an HDF5 file whose data would be read from outside it.

    External and soft links, datasets with external storage and virtual datasets (Keras 3's
    own rules) are refused for every object in the file, before any loader sees it: tf_keras
    has no such guard, and would read weights from whatever file such a link names.
    """
    import h5py

    seen: set[Any] = set()

    def refuse(what: str) -> UnsafeInputError:
        return UnsafeInputError(
            record("error.inspection.hdf5_file_refers_data_outside", what=what),
            path=path,
            hint=record("error.inspection.hint_model_file_must_hold_own"),
        )

    def visit(group: Any, prefix: str) -> None:
        for name in group:
            link = group.get(name, getlink=True)
            where = f"{prefix}/{name}"
            if isinstance(link, h5py.ExternalLink):
                raise refuse(
                    record(
                        "error.inspection.external_link",
                        where=where,
                        target=f"{link.filename}:{link.path}",
                    )
                )
            if isinstance(link, h5py.SoftLink):
                raise refuse(record("error.inspection.soft_link", where=where, target=link.path))
            item = group.get(name)
            if isinstance(item, h5py.Dataset):
                if item.external:
                    files = [str(entry[0]) for entry in item.external]
                    raise refuse(
                        record(
                            "error.inspection.external_storage",
                            where=where,
                            count=len(files),
                            files=", ".join(files),
                        )
                    )
                if item.is_virtual:
                    raise refuse(record("error.inspection.virtual_dataset", where=where))
            elif isinstance(item, h5py.Group):
                address = h5py.h5o.get_info(item.id).addr
                if address not in seen:  # hard links may form cycles
                    seen.add(address)
                    visit(item, where)

    visit(handle, "")


#: Largest config.json / metadata.json read from a .keras archive (a real one is kilobytes).
MAX_CONFIG_BYTES = 64 * 1024 * 1024
#: Largest total size the members of a .keras archive may inflate to.
MAX_ARCHIVE_BYTES = 8 * 1024 * 1024 * 1024
# Compression methods Python's zipfile reads: stored, deflate, bzip2, lzma.
_READABLE_METHODS = {0: "stored", 8: "deflate", 12: "bzip2", 14: "lzma"}
_METHOD_NAMES = {9: "deflate64", 93: "zstandard", 95: "xz", 98: "ppmd", 99: "AES encryption"}


def check_keras_archive(archive: zipfile.ZipFile, path: Path) -> None:
    """Refuse members that cannot be read (encrypted, deflate64 …) or that inflate absurdly,
    from the archive's directory, before a byte is inflated."""
    total = 0
    for info in archive.infolist():
        if info.flag_bits & 0x1:
            raise ArtifactError(
                record(
                    "error.inspection.zip_member_encrypted_keras_model",
                    filename=f"{info.filename!r}",
                ),
                path=path,
            )
        if info.compress_type not in _READABLE_METHODS:
            method = _METHOD_NAMES.get(info.compress_type, f"method {info.compress_type}")
            raise ArtifactError(
                record(
                    "error.inspection.zip_member_compressed_which_cannot",
                    filename=f"{info.filename!r}",
                    method=method,
                ),
                path=path,
                hint=record("error.inspection.hint_re_save_model_model_save"),
            )
        total += info.file_size
        if info.filename in ("config.json", "metadata.json") and info.file_size > MAX_CONFIG_BYTES:
            raise ArtifactError(
                record(
                    "error.inspection.zip_member_would_inflate_bytes",
                    filename=info.filename,
                    file_size=f"{info.file_size:,}",
                    max_config_bytes=f"{MAX_CONFIG_BYTES:,}",
                ),
                path=path,
            )
    if total > MAX_ARCHIVE_BYTES:
        raise ArtifactError(
            record(
                "error.inspection.zip_members_would_inflate_bytes",
                total=f"{total:,}",
                max_archive_bytes=f"{MAX_ARCHIVE_BYTES:,}",
            ),
            path=path,
        )


def read_member(archive: zipfile.ZipFile, name: str) -> str:
    """A config member's text, read with the :data:`MAX_CONFIG_BYTES` cap."""
    # zipfile stops at the size the directory records; the cap holds even if that lies.
    with archive.open(name) as member:
        data = member.read(MAX_CONFIG_BYTES + 1)
    if len(data) > MAX_CONFIG_BYTES:
        raise zipfile.BadZipFile(f"{name} inflates beyond its recorded size")
    return data.decode("utf-8", errors="replace")


def _read_keras_zip(path: Path, size: int) -> tuple[str | None, str | None, Any]:
    try:
        with zipfile.ZipFile(path) as archive:
            names = set(archive.namelist())
            if "config.json" not in names:
                raise ArtifactError(
                    record("error.inspection.zip_archive_without_config_json"),
                    path=path,
                )
            check_keras_archive(archive, path)
            config_text = read_member(archive, "config.json")
            meta_text = read_member(archive, "metadata.json") if "metadata.json" in names else "{}"
    except (zipfile.BadZipFile, zlib.error, EOFError) as error:
        raise ArtifactError(
            record(
                "error.inspection.zip_archive_truncated_damaged_file", error=error, size=f"{size:,}"
            ),
            path=path,
            hint=record("error.inspection.hint_download_copy_cut_short_fetch"),
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


def first_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    text = lines[0] if lines else type(error).__name__
    return text[:300]
