"""Scalers, safely: pickles and joblib files read through an allow-list, skops files through
skops' own trust model, and the result checked to be a fitted transformer with finite numbers.

Why an allow-list and how it is sound: unpickling runs code only by calling what the stream
names as ``module.attribute`` globals (``REDUCE``/``NEWOBJ``/``BUILD`` act on objects obtained
that way), and every such name goes through ``Unpickler.find_class``. Overriding it to resolve
only scikit-learn transformer classes, numpy's array/dtype/scalar rebuilders and inert
builtins means a payload such as ``os.system`` is refused when it is *named*, before it could
be called (the pickle documentation's "Restricting Globals" recipe).

joblib files are pickles with two twists, both handled here rather than by ``joblib.load``
(which cannot be restricted):

* they may be compressed as a whole (zlib, gzip, bz2, xz, lzma, lz4): the container is
  recognised by its magic bytes and inflated in memory, with a size cap against bombs;
* numpy arrays are written as a ``joblib.numpy_pickle.NumpyArrayWrapper`` object followed by
  the raw array bytes. We subclass joblib's own ``NumpyUnpickler`` (which knows how to read
  those bytes) and give it our ``find_class``; arrays of Python objects are nested pickles,
  which we read with the same restricted unpickler instead of trusting joblib's version-dependent
  handling.
"""

from __future__ import annotations

import bz2
import hashlib
import importlib
import io
import lzma
import pickle
import warnings
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.artifacts.sniffing import compression_of, sha256_file, sniff
from jetx_diag.errors import ArtifactError, JetxDiagError, UnsafeInputError
from jetx_diag.i18n.messages import record as record_text
from jetx_diag.results import Artifact

#: Largest inflated joblib stream accepted (a scaler is kilobytes; this stops zip bombs).
MAX_INFLATED_BYTES = 256 * 1024 * 1024

_NUMPY_CORE = ("numpy.core.multiarray", "numpy._core.multiarray")
_NUMPY_NUMERIC = ("numpy.core.numeric", "numpy._core.numeric")

# Globals a fitted transformer's pickle needs besides the transformer classes themselves.
_ALLOWED_GLOBALS: frozenset[tuple[str, str]] = frozenset(
    {
        *((m, n) for m in _NUMPY_CORE for n in ("_reconstruct", "scalar")),
        *((m, "_frombuffer") for m in _NUMPY_NUMERIC),
        ("numpy", "ndarray"),
        ("numpy", "dtype"),
        ("joblib.numpy_pickle", "NumpyArrayWrapper"),
        ("collections", "OrderedDict"),
        ("copyreg", "_reconstructor"),  # protocol 0/1 objects: object.__new__(allowed class)
        ("_codecs", "encode"),  # protocol 2 writes bytes as str.encode(latin-1)
        *(
            ("builtins", n)
            for n in (
                "object",
                "slice",
                "set",
                "frozenset",
                "complex",
                "bytearray",
                "bytes",
                "list",
                "dict",
                "tuple",
                "int",
                "float",
                "str",
                "bool",
            )
        ),
    }
)

# scikit-learn packages whose estimator classes may be rebuilt (transformers and containers).
_SKLEARN_PACKAGES = (
    "sklearn.preprocessing",
    "sklearn.compose",
    "sklearn.pipeline",
    "sklearn.impute",
)
# Non-estimator helper classes that fitted containers of those packages pickle.
_SKLEARN_HELPERS = frozenset({("sklearn.compose._column_transformer", "_RemainderColsList")})

# Fitted statistics that must be finite, whichever of them a transformer has.
_STATISTICS = (
    "mean_",
    "var_",
    "scale_",
    "min_",
    "data_min_",
    "data_max_",
    "data_range_",
    "center_",
    "max_abs_",
    "lambdas_",
    "quantiles_",
    "statistics_",
)


#: Largest integer an allowed reconstructor may be called with, and the largest element count a
#: shape handed to one may describe: ``bytearray(1_500_000_000)`` names only allowed globals,
#: yet would allocate 1.5 GB before the result could be refused.
MAX_CALL_SIZE = 1 << 26


def _too_big(value: Any, depth: int = 0) -> int | None:
    """The size an argument asks for when it exceeds :data:`MAX_CALL_SIZE`, else ``None``."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int | np.integer):
        return int(value) if abs(int(value)) > MAX_CALL_SIZE else None
    if isinstance(value, tuple | list) and depth < 2:
        numbers = [isinstance(v, int | np.integer) and not isinstance(v, bool) for v in value]
        if value and all(numbers):
            count = 1
            for v in value:
                count *= max(int(v), 0)
            if count > MAX_CALL_SIZE:
                return count
        for item in value[:64]:
            found = _too_big(item, depth + 1)
            if found is not None:
                return found
    return None


def _check_call(func: Any, args: Any) -> None:
    found = _too_big(args)
    if found is not None:
        name = getattr(func, "__qualname__", None) or type(func).__name__
        raise _Refused(
            f"{getattr(func, '__module__', '') or 'builtins'}.{name}",
            f"a size of {found:,}, more than the {MAX_CALL_SIZE:,} a scaler could need",
            size=True,
        )


def _bounded_dispatch(dispatch: dict[int, Any]) -> dict[int, Any]:
    """``dispatch`` whose calling opcodes check their arguments first (see :func:`_check_call`)."""
    table = dispatch.copy()
    reduce_, newobj, newobj_ex = (
        dispatch[pickle.REDUCE[0]],
        dispatch[pickle.NEWOBJ[0]],
        dispatch[pickle.NEWOBJ_EX[0]],
    )

    def load_reduce(self: Any) -> None:
        _check_call(self.stack[-2], self.stack[-1])
        reduce_(self)

    def load_newobj(self: Any) -> None:
        _check_call(self.stack[-2], self.stack[-1])
        newobj(self)

    def load_newobj_ex(self: Any) -> None:
        _check_call(self.stack[-3], (self.stack[-2], tuple(self.stack[-1].values())))
        newobj_ex(self)

    table[pickle.REDUCE[0]] = load_reduce
    table[pickle.NEWOBJ[0]] = load_newobj
    table[pickle.NEWOBJ_EX[0]] = load_newobj_ex
    return table


class _Refused(Exception):
    """A global outside the allow-list (converted to UnsafeInputError with the file's path)."""

    def __init__(self, dotted: str, reason: str = "", *, size: bool = False) -> None:
        super().__init__(dotted)
        self.dotted = dotted
        self.reason = reason
        self.size = size  # allowed, but asked to allocate too much


def allowed_global(module: str, name: str) -> Any:
    """The object ``module.name`` if the allow-list admits it; raises ``_Refused`` otherwise.

    Only modules already known to be harmless to import are imported (numpy, scikit-learn's
    transformer packages); anything else is refused by name alone.
    """
    dotted = f"{module}.{name}"
    if "." in name or not name.isidentifier():
        raise _Refused(dotted)
    if (module, name) in _ALLOWED_GLOBALS:
        return _resolve(module, name, dotted)
    if module == "numpy":
        obj = _resolve(module, name, dotted)
        # numpy scalar types (np.float64 as a dtype= parameter) and ufuncs (np.log1p as a
        # FunctionTransformer's func) are pure numeric code.
        if isinstance(obj, np.ufunc) or (isinstance(obj, type) and issubclass(obj, np.generic)):
            return obj
        raise _Refused(dotted)
    if (module, name) in _SKLEARN_HELPERS:
        return _resolve(module, name, dotted)
    in_package = any(module == p or module.startswith(p + ".") for p in _SKLEARN_PACKAGES)
    if in_package and ".tests" not in module:
        from sklearn.base import BaseEstimator

        obj = _resolve(module, name, dotted)
        if isinstance(obj, type) and issubclass(obj, BaseEstimator):
            return obj
    if (module, name) in {
        ("joblib.numpy_pickle_compat", "NDArrayWrapper"),
        ("joblib.numpy_pickle_compat", "ZNDArrayWrapper"),
    }:
        raise _Refused(dotted, "written by joblib < 0.10, whose arrays live in separate files")
    raise _Refused(dotted)


def _resolve(module: str, name: str, dotted: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise _Refused(dotted, "it does not exist in the installed versions") from None


def _joblib_unpickler_class() -> type:
    # scikit-learn, joblib and skops load only when a scaler is read: --help stays light.
    from joblib.numpy_pickle import NumpyArrayWrapper, NumpyUnpickler

    class RestrictedNumpyUnpickler(NumpyUnpickler):  # type: ignore[misc, valid-type]
        """joblib's unpickler (it reads the raw array bytes) with our find_class."""

        dispatch = _bounded_dispatch(NumpyUnpickler.dispatch)

        def find_class(self, module: str, name: str) -> Any:
            return allowed_global(*_python3_name(self.proto, module, name))

        def _instantiate(self, klass: Any, args: Any) -> None:  # protocol 0/1 INST and OBJ
            _check_call(klass, tuple(args))
            super()._instantiate(klass, args)

        def persistent_load(self, pid: Any) -> Any:
            raise _Refused("persistent id", "pickles with persistent ids are not scalers")

        def load_build(self) -> None:
            # pickle's own BUILD, then swap an array wrapper for the array it announces.
            _check_call(type(self.stack[-2]), self.stack[-1])
            pickle._Unpickler.load_build(self)  # type: ignore[attr-defined]
            if not isinstance(self.stack[-1], NumpyArrayWrapper):
                return
            wrapper = self.stack.pop()
            _check_wrapper(wrapper, self.file_handle)
            if wrapper.dtype.hasobject:
                # An array of Python objects is a nested pickle: restricted as well.
                nested = _RestrictedUnpickler(self.file_handle)
                self.stack.append(nested.load())
            else:
                self.stack.append(wrapper.read(self, True))

        dispatch[pickle.BUILD[0]] = load_build

    return RestrictedNumpyUnpickler


def _python3_name(proto: int, module: str, name: str) -> tuple[str, str]:
    """Protocol 0-2 pickles name Python 2 modules (``copy_reg``, ``__builtin__``); map them as
    pickle's own ``find_class`` does, before the allow-list sees them."""
    import _compat_pickle

    if proto < 3:
        if (module, name) in _compat_pickle.NAME_MAPPING:
            return _compat_pickle.NAME_MAPPING[(module, name)]
        module = _compat_pickle.IMPORT_MAPPING.get(module, module)
    return module, name


def _check_wrapper(wrapper: Any, handle: Any) -> None:
    """An array wrapper may not announce more bytes than the stream still holds."""
    if wrapper.dtype.hasobject:
        return
    count = 1
    for dim in wrapper.shape:
        count *= max(int(dim), 0)
    needed = count * int(wrapper.dtype.itemsize)
    try:
        position = handle.tell()
        remaining = handle.seek(0, io.SEEK_END) - position
        handle.seek(position)
    except (AttributeError, OSError, ValueError):
        return
    if needed > remaining:
        raise _Refused(
            "joblib.numpy_pickle.NumpyArrayWrapper",
            f"an array of {needed:,} bytes while only {remaining:,} bytes follow",
            size=True,
        )


class _RestrictedUnpickler(pickle._Unpickler):  # type: ignore[name-defined, misc]
    # The pure-Python unpickler, like joblib's: it reads no further than the STOP opcode, so a
    # nested stream leaves the file positioned on the bytes that follow it.

    dispatch = _bounded_dispatch(pickle._Unpickler.dispatch)  # type: ignore[attr-defined]

    def find_class(self, module: str, name: str) -> Any:
        return allowed_global(*_python3_name(self.proto, module, name))

    def _instantiate(self, klass: Any, args: Any) -> None:
        _check_call(klass, tuple(args))
        super()._instantiate(klass, args)

    def load_build(self) -> None:
        _check_call(type(self.stack[-2]), self.stack[-1])
        super().load_build()

    dispatch[pickle.BUILD[0]] = load_build

    def persistent_load(self, pid: Any) -> Any:
        raise _Refused("persistent id", "pickles with persistent ids are not scalers")


# --------------------------------------------------------------------------- loading


@dataclass(frozen=True)
class LoadedScaler:
    """A fitted scikit-learn transformer and what is known about its file.

    ``scaler`` is the live object (not serialisable); :meth:`artifact` is.
    """

    scaler: Any
    path: str
    format: str  # pickle, joblib, skops
    sha256: str
    size_bytes: int
    type_name: str  # "StandardScaler", "Pipeline(StandardScaler, MinMaxScaler)"
    n_features_in: int | None
    sklearn_version: str | None  # the version that wrote the file, as it records it
    warnings: tuple[str, ...] = ()

    def artifact(self) -> Artifact:
        details = {"format": self.format, "type": self.type_name}
        if self.sklearn_version:
            details["sklearn_version"] = self.sklearn_version
        if self.n_features_in is not None:
            details["n_features_in"] = str(self.n_features_in)
        return Artifact("scaler", self.path, self.sha256, self.size_bytes, details)


def load_scaler(path: str | Path) -> LoadedScaler:
    """Load a fitted scikit-learn transformer from a pickle, joblib or skops file, safely.

    Raises :class:`UnsafeInputError` when the file names anything outside the allow-list
    (nothing it names is called), :class:`ArtifactError` when it is not a fitted transformer
    with finite statistics. A scikit-learn version mismatch becomes a warning string.
    """
    p = Path(path)
    kind = sniff(p)
    _refuse_kind(p, kind)
    import sklearn
    from sklearn.exceptions import InconsistentVersionWarning

    # Pickle/joblib bytes are read once: the SHA-256 in the report is that of the very bytes
    # that were unpickled, even if the file changes meanwhile.
    data = None if kind == "skops" else _read(p)
    with warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        obj = _load_skops(p) if data is None else _unpickle(p, kind, data)
    versions: list[str] = []
    messages: list[str] = []
    for item in record:
        warning = item.message
        if isinstance(warning, InconsistentVersionWarning):
            versions.append(warning.original_sklearn_version)
            messages.append(
                record_text(
                    "record.sklearn_version",
                    file=p.name,
                    estimator=warning.estimator_name,
                    saved=warning.original_sklearn_version,
                    current=warning.current_sklearn_version,
                )
            )
    _check_fitted(obj, p)
    n_features = _check_shape_attributes(obj, p)
    return LoadedScaler(
        scaler=obj,
        path=str(p),
        format=kind,
        sha256=sha256_file(p) if data is None else hashlib.sha256(data).hexdigest(),
        size_bytes=p.stat().st_size,
        type_name=_type_name(obj),
        n_features_in=n_features,
        sklearn_version=versions[0] if versions else sklearn.__version__,
        warnings=tuple(dict.fromkeys(messages)),
    )


def _refuse_kind(path: Path, kind: str) -> None:
    if kind in ("pickle", "joblib", "skops"):
        return
    problems = {
        "empty": "is empty (0 bytes)",
        "html": "is an HTML/XML page, not a scaler (probably a failed download)",
        "lfs_pointer": "is a Git LFS pointer, not the scaler itself (run `git lfs pull`)",
        "json": "is a JSON file, not a scaler",
        "hdf5": "is a Keras model (HDF5), not a scaler",
        "zip": "is a zip archive (a .keras model?), not a scaler",
        "savedmodel": "is a SavedModel directory, not a scaler",
    }
    raise ArtifactError(
        problems.get(kind, "is not a pickle, joblib or skops file"),
        path=path,
        hint="a scaler is the joblib/pickle/skops file of a fitted scikit-learn transformer",
    )


def _read(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        problem = f"cannot read the file ({error.strerror or error})"
        raise ArtifactError(problem, path=path) from None


def _unpickle(path: Path, kind: str, data: bytes) -> Any:
    compression = compression_of(data[:16])
    if compression is not None:
        data = _inflate(data, compression, path)
    unpickler = _joblib_unpickler_class()(str(path), io.BytesIO(data), True)
    try:
        return unpickler.load()
    except _Refused as refused:
        raise _unsafe(path, refused) from None
    except UnsafeInputError:
        raise
    except Exception as error:  # a damaged stream raises anything from EOFError to KeyError
        reason = str(error) or type(error).__name__
        ends_early = ("truncated", "ran out", "exhausted", "EOF")
        # Every complete pickle ends with the STOP opcode; a stream cut short mostly fails with
        # whatever the half-read opcode raises (IndexError, UnpicklingError …), not EOFError.
        cut = not data.endswith(pickle.STOP)
        if cut or isinstance(error, EOFError) or any(word in reason for word in ends_early):
            problem = f"the {kind} stream is truncated ({len(data):,} bytes)"
        else:
            problem = f"the {kind} stream cannot be read ({type(error).__name__}: {reason})"
        raise ArtifactError(problem, path=path) from None


def _unsafe(path: Path, refused: _Refused) -> JetxDiagError:
    if refused.reason and "joblib < 0.10" in refused.reason:
        return ArtifactError(f"refused {refused.dotted}: {refused.reason}", path=path)
    if refused.size:
        return UnsafeInputError(
            f"refused to unpickle: it calls {refused.dotted} with {refused.reason}; nothing was "
            "allocated or run",
            path=path,
            hint="a fitted scaler is kilobytes; this file is built to exhaust memory",
        )
    detail = f" ({refused.reason})" if refused.reason else ""
    return UnsafeInputError(
        f"refused to unpickle: it names {refused.dotted}{detail}, which is outside the allow-list "
        "(scikit-learn transformers, numpy arrays and dtypes); nothing in the file was run",
        path=path,
        hint="a scaler needs nothing else; if you made the file, re-save the fitted scaler with "
        "joblib.dump or skops.io.dump",
    )


def _inflate(data: bytes, compression: str, path: Path) -> bytes:
    limit = MAX_INFLATED_BYTES
    if compression == "lz4":
        try:
            import lz4.frame
        except ImportError:
            raise ArtifactError(
                "is an lz4-compressed joblib file, and the lz4 package is not installed",
                path=path,
            ) from None
        out = lz4.frame.decompress(data)
        if len(out) > limit:
            raise ArtifactError(f"inflates to more than {limit:,} bytes", path=path)
        return bytes(out)
    decompressor: Any
    if compression == "zlib":
        decompressor = zlib.decompressobj()
    elif compression == "gzip":
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    elif compression == "bz2":
        decompressor = bz2.BZ2Decompressor()
    elif compression == "xz":
        decompressor = lzma.LZMADecompressor(lzma.FORMAT_XZ)
    else:
        decompressor = lzma.LZMADecompressor(lzma.FORMAT_ALONE)
    try:
        out = decompressor.decompress(data, limit + 1)
    except (zlib.error, OSError, lzma.LZMAError, EOFError) as error:
        raise ArtifactError(
            f"{compression}-compressed file is damaged ({error})", path=path
        ) from None
    if len(out) > limit:
        raise ArtifactError(f"inflates to more than {limit:,} bytes", path=path)
    if not decompressor.eof:
        raise ArtifactError(
            f"{compression}-compressed file is truncated ({len(data):,} bytes)", path=path
        )
    return out


def _load_skops(path: Path) -> Any:
    import skops.io as sio

    try:
        untrusted = list(sio.get_untrusted_types(file=path))
    except Exception as error:  # skops raises on damaged archives and unknown protocols
        raise ArtifactError(f"skops file cannot be read ({_first(error)})", path=path) from None
    refused = []
    for dotted in untrusted:
        module, _, name = dotted.rpartition(".")
        try:
            allowed_global(module, name)
        except _Refused:
            refused.append(dotted)
    if refused:
        raise UnsafeInputError(
            "refused to load the skops file: it needs untrusted types outside the allow-list: "
            + ", ".join(sorted(refused)),
            path=path,
            hint="a scaler needs none of them",
        )
    try:
        return sio.load(path, trusted=untrusted)
    except Exception as error:
        raise ArtifactError(f"skops file cannot be loaded ({_first(error)})", path=path) from None


def _first(error: BaseException) -> str:
    lines = [line for line in str(error).splitlines() if line.strip()]
    return (lines[0] if lines else type(error).__name__)[:300]


# --------------------------------------------------------------------------- checks


def _parts(obj: Any, label: str) -> Iterator[tuple[str, Any]]:
    """The object and the estimators inside containers (Pipeline, ColumnTransformer, …)."""
    yield label, obj
    children: list[tuple[str, Any]] = []
    if hasattr(obj, "steps"):
        children = [(str(n), e) for n, e in obj.steps]
    elif hasattr(obj, "transformers_"):
        children = [(str(n), e) for n, e, *_ in obj.transformers_]
    elif hasattr(obj, "transformer_list"):
        children = [(str(n), e) for n, e in obj.transformer_list]
    for name, child in children:
        if child is None or isinstance(child, str):  # "drop", "passthrough"
            continue
        yield from _parts(child, f"{label}[{name}]")


def _type_name(obj: Any) -> str:
    name = type(obj).__name__
    if hasattr(obj, "steps"):
        inner = ", ".join(type(e).__name__ for _, e in obj.steps if not isinstance(e, str))
        return f"{name}({inner})"
    return name


def _check_fitted(obj: Any, path: Path) -> None:
    from sklearn.base import BaseEstimator
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    if not isinstance(obj, BaseEstimator) or not hasattr(obj, "transform"):
        raise ArtifactError(
            f"holds a {type(obj).__module__}.{type(obj).__qualname__}, not a scikit-learn "
            "transformer",
            path=path,
        )
    try:
        check_is_fitted(obj)
    except NotFittedError:
        raise ArtifactError(
            f"the {type(obj).__name__} in it is not fitted (it was saved before fit())",
            path=path,
            hint="save the scaler after fitting it on the training features",
        ) from None
    for label, part in _parts(obj, type(obj).__name__):
        for attribute in _STATISTICS:
            value = getattr(part, attribute, None)
            if value is None:
                continue
            try:
                array = np.asarray(value, dtype=np.float64)
            except (TypeError, ValueError):
                continue  # not numeric (categories of an encoder, …)
            bad = np.flatnonzero(~np.isfinite(array.ravel()))
            if bad.size:
                first = int(bad[0])
                raise ArtifactError(
                    f"{label}.{attribute} has {bad.size} non-finite value"
                    f"{'s' if bad.size != 1 else ''} (first at index {first}: "
                    f"{array.ravel()[first]})",
                    path=path,
                    hint="the scaler was fitted on data with NaN/inf; refit it on clean features",
                )


def _check_shape_attributes(obj: Any, path: Path) -> int | None:
    """The feature count a fitted transformer declares, checked against what it holds.

    ``n_features_in_`` must be a positive whole number, ``feature_names_in_`` a list of that many
    names, and every fitted statistic of the outer transformer one value per feature (or one
    value for all): a pickle can set any attribute to anything, and a scaler whose numbers do
    not fit its own declaration would only fail later, while scaling.
    """
    raw = getattr(obj, "n_features_in_", None)
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | np.integer) or int(raw) < 1:
        raise ArtifactError(
            f"{type(obj).__name__}.n_features_in_ is {_shown(raw)}, not a positive whole number",
            path=path,
        )
    count = int(raw)
    names = getattr(obj, "feature_names_in_", None)
    if names is not None:
        if isinstance(names, str | bytes) or not isinstance(names, list | tuple | np.ndarray):
            raise ArtifactError(
                f"{type(obj).__name__}.feature_names_in_ is {_shown(names)}, not a list of names",
                path=path,
            )
        if len(names) != count or not all(isinstance(n, str) for n in names):
            raise ArtifactError(
                f"{type(obj).__name__}.feature_names_in_ holds {len(names)} entries for "
                f"{count} features (n_features_in_), or entries that are not names",
                path=path,
            )
    for attribute in _STATISTICS:
        value = getattr(obj, attribute, None)
        if value is None or attribute in ("quantiles_", "lambdas_"):
            continue
        try:
            array = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            raise ArtifactError(
                f"{type(obj).__name__}.{attribute} is {_shown(value)}, not numbers", path=path
            ) from None
        if array.ndim > 1 or array.size not in (1, count):
            raise ArtifactError(
                f"{type(obj).__name__}.{attribute} holds {array.size} values for {count} "
                "features (n_features_in_)",
                path=path,
                hint="the file was edited or is damaged; re-fit and re-save the scaler",
            )
    return count


def _shown(value: Any) -> str:
    text = repr(value)
    return (text[:60] + "…") if len(text) > 60 else text
