"""The allow-list unpickler: pickles and joblib streams that can only rebuild a scaler.

Why an allow-list and how it is sound: unpickling runs code only by calling what the stream
names as ``module.attribute`` globals (``REDUCE``/``NEWOBJ``/``BUILD`` act on objects obtained
that way), and every such name goes through ``Unpickler.find_class``. Overriding it to resolve
only scikit-learn transformer classes, numpy's array/dtype/scalar rebuilders and inert
builtins means a payload such as ``os.system`` is refused when it is *named*, before it could
be called (the pickle documentation's "Restricting Globals" recipe). The calling opcodes also
check the sizes they are asked to allocate (:data:`MAX_CALL_SIZE`).

joblib writes numpy arrays as a ``joblib.numpy_pickle.NumpyArrayWrapper`` object followed by
the raw array bytes. We subclass joblib's own ``NumpyUnpickler`` (which knows how to read those
bytes) and give it our ``find_class``; arrays of Python objects are nested pickles, which we read
with the same restricted unpickler instead of trusting joblib's version-dependent handling.
"""

from __future__ import annotations

import importlib
import io
import pickle
from typing import Any

import numpy as np

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
        raise Refused(
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


class Refused(Exception):
    """A global outside the allow-list (converted to UnsafeInputError with the file's path)."""

    def __init__(self, dotted: str, reason: str = "", *, size: bool = False) -> None:
        super().__init__(dotted)
        self.dotted = dotted
        self.reason = reason
        self.size = size  # allowed, but asked to allocate too much


def allowed_global(module: str, name: str) -> Any:
    """The object ``module.name`` if the allow-list admits it; raises ``Refused`` otherwise.

    Only modules already known to be harmless to import are imported (numpy, scikit-learn's
    transformer packages); anything else is refused by name alone.
    """
    dotted = f"{module}.{name}"
    if "." in name or not name.isidentifier():
        raise Refused(dotted)
    if (module, name) in _ALLOWED_GLOBALS:
        return _resolve(module, name, dotted)
    if module == "numpy":
        obj = _resolve(module, name, dotted)
        # numpy scalar types (np.float64 as a dtype= parameter) and ufuncs (np.log1p as a
        # FunctionTransformer's func) are pure numeric code.
        if isinstance(obj, np.ufunc) or (isinstance(obj, type) and issubclass(obj, np.generic)):
            return obj
        raise Refused(dotted)
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
        raise Refused(dotted, "written by joblib < 0.10, whose arrays live in separate files")
    raise Refused(dotted)


def _resolve(module: str, name: str, dotted: str) -> Any:
    try:
        return getattr(importlib.import_module(module), name)
    except (ImportError, AttributeError):
        raise Refused(dotted, "it does not exist in the installed versions") from None


def joblib_unpickler_class() -> type:
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
            raise Refused("persistent id", "pickles with persistent ids are not scalers")

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
        raise Refused(
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
        raise Refused("persistent id", "pickles with persistent ids are not scalers")
