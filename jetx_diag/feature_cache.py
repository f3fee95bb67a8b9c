"""The user's feature extractor, run once per evaluated round and cached on disk.

The extractor is the callable the training used (``module:callable``, called with the list of
multipliers before a round, returning a dict or a sequence of floats — the contract of the source
project's ``FeatureEngineering.extract_all_features``). It is the slow part of rebuilding inputs,
so its results are cached by the history it saw, the rounds asked for, and the extractor's code:
a second run on the same data and extractor is instant. Cache files are written atomically and
validated when read; a corrupt file is recomputed, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import inspect
import math
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.errors import MismatchError, UsageError
from jetx_diag.user_code import guarded

CACHE_ENV = "JETX_DIAG_CACHE"


@dataclass(frozen=True)
class FeatureExtractor:
    """A loaded extractor and what identifies its code for the cache."""

    name: str  # "module:callable"
    function: Callable[[list[float]], Any]
    fingerprint: str  # changes when the extractor's source changes


def load_extractor(spec: str) -> FeatureExtractor:
    """Import ``module:callable`` (``module:Class.method`` works too).

    Importing runs the module's code: anything it raises (``SystemExit`` included) is a
    :class:`~jetx_diag.errors.UserCodeError` naming it.
    """
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise UsageError(f"--features {spec!r} must look like module:callable")
    with guarded() as guard:
        try:
            target: Any = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name is not None and module_name.startswith(error.name):
                raise UsageError(
                    f"--features {spec!r}: cannot import {module_name!r} ({error})"
                ) from None
            raise guard.convert(error, f"importing {module_name!r} for --features") from None
        except BaseException as error:
            raise guard.convert(error, f"importing {module_name!r} for --features") from None
        for part in attribute.split("."):
            try:
                target = getattr(target, part)
            except AttributeError:
                raise UsageError(
                    f"--features {spec!r}: {module_name} has no {attribute!r}"
                ) from None
            except BaseException as error:
                raise guard.convert(error, f"--features {spec}") from None
    if not callable(target):
        raise UsageError(f"--features {spec!r} is not callable")
    return FeatureExtractor(spec, target, _fingerprint(spec, target))


def _fingerprint(spec: str, function: Any) -> str:
    digest = hashlib.sha256(spec.encode())
    # No source to read (a builtin or a compiled extension): the name alone identifies it.
    with contextlib.suppress(OSError, TypeError):
        digest.update(inspect.getsource(inspect.getmodule(function) or function).encode())
    return digest.hexdigest()


def default_cache_dir() -> Path:
    """``$JETX_DIAG_CACHE``, else ``$XDG_CACHE_HOME/jetx_diag``, else ``~/.cache/jetx_diag``."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "jetx_diag"


def cache_key(extractor: FeatureExtractor, values: np.ndarray, targets: np.ndarray) -> str:
    """Identifies the work: every value the extractor could see, the rounds, the code."""
    digest = hashlib.sha256(extractor.fingerprint.encode())
    last = int(targets[-1]) if targets.size else 0
    digest.update(np.ascontiguousarray(values[:last], dtype=np.float64).tobytes())
    digest.update(np.ascontiguousarray(targets, dtype=np.int64).tobytes())
    return digest.hexdigest()[:32]


def compute_features(
    extractor: FeatureExtractor,
    values: np.ndarray,
    targets: np.ndarray,
    cache_dir: Path | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[tuple[str, ...], np.ndarray]:
    """Feature names and the (rounds × features) matrix for each target round."""
    cache_file = None
    if cache_dir is not None:
        cache_file = cache_dir / f"features-{cache_key(extractor, values, targets)}.npz"
        cached = _read_cache(cache_file, int(targets.size))
        if cached is not None:
            if progress is not None:
                progress(int(targets.size), int(targets.size))
            return cached
    names, matrix = _extract(extractor, values, targets, progress)
    if cache_file is not None:
        _write_cache(cache_file, names, matrix)
    return names, matrix


def _extract(
    extractor: FeatureExtractor,
    values: np.ndarray,
    targets: np.ndarray,
    progress: Callable[[int, int], None] | None,
) -> tuple[tuple[str, ...], np.ndarray]:
    history = np.asarray(values, dtype=np.float64).tolist()
    total = int(targets.size)
    names: tuple[str, ...] | None = None
    rows: list[list[float]] = []
    with guarded() as guard:
        for done, index in enumerate(targets.tolist(), start=1):
            try:
                result = extractor.function(history[:index])
                # Converting the result runs its __float__/__iter__/keys: the user's code too.
                row_names, row = _as_row(result, extractor.name, index)
            except BaseException as error:
                where = f" on round index {index}"
                raise guard.convert(error, f"feature extractor {extractor.name}", where) from None
            if names is None:
                names = row_names
            elif row_names != names:
                raise MismatchError(_changed_features(extractor.name, index, names, row_names))
            rows.append(row)
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
    matrix = np.asarray(rows, dtype=np.float64).reshape(total, len(names or ()))
    return names or (), matrix


def _changed_features(name: str, index: int, before: tuple[str, ...], now: tuple[str, ...]) -> str:
    """Which feature names changed between rounds, not just how many there are."""
    head = f"feature extractor {name} returned features on round index {index} that differ "
    gone = [k for k in before if k not in set(now)]
    new = [k for k in now if k not in set(before)]
    if not gone and not new:
        return head + (
            f"from the earlier rounds' in order (same {len(now)} keys, first moved: "
            f"{next(k for k, j in zip(now, before, strict=True) if k != j)!r}); "
            "features must not change per round"
        )
    parts = [f"{len(now)} features now, {len(before)} before"]
    if gone:
        parts.append("missing " + ", ".join(map(repr, gone[:5])) + (" …" if len(gone) > 5 else ""))
    if new:
        parts.append("new " + ", ".join(map(repr, new[:5])) + (" …" if len(new) > 5 else ""))
    changes = "; ".join(parts)
    return head + f"from the earlier rounds' ({changes}); features must not change per round"


def _as_row(result: Any, name: str, index: int) -> tuple[tuple[str, ...], list[float]]:
    if isinstance(result, Mapping):
        keys = tuple(str(k) for k in result)
        raw: Sequence[Any] = list(result.values())
    elif isinstance(result, Sequence | np.ndarray):
        raw = list(np.asarray(result, dtype=np.float64).ravel())
        keys = tuple(f"f{i}" for i in range(len(raw)))
    else:
        raise MismatchError(
            f"feature extractor {name} returned {type(result).__name__}; "
            "expected a dict or a sequence of floats"
        )
    try:
        row = [float(v) for v in raw]
    except (TypeError, ValueError) as error:
        raise MismatchError(f"feature extractor {name}: non-numeric feature ({error})") from None
    bad = [k for k, v in zip(keys, row, strict=True) if not math.isfinite(v)]
    if bad:
        raise MismatchError(
            f"feature extractor {name} returned non-finite "
            f"{', '.join(bad[:5])} on round index {index}"
        )
    return keys, row


def _read_cache(path: Path, rows: int) -> tuple[tuple[str, ...], np.ndarray] | None:
    try:
        with np.load(path, allow_pickle=False) as archive:
            names = tuple(str(n) for n in archive["names"])
            matrix = np.asarray(archive["matrix"], dtype=np.float64)
    except Exception:
        # Absent or corrupt: recompute. Not only OSError/ValueError: a cut-off file raises
        # zipfile.BadZipFile, a bare .npy TypeError, a damaged member zlib.error; none of them
        # may stop the run, and nothing read from a file that failed is used.
        return None
    if matrix.ndim != 2 or matrix.shape != (rows, len(names)) or not np.all(np.isfinite(matrix)):
        return None
    return names, matrix


def _write_cache(path: Path, names: tuple[str, ...], matrix: np.ndarray) -> None:
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            np.savez(stream, names=np.asarray(names, dtype=str), matrix=matrix)
        os.replace(temporary, path)  # atomic: readers see the old file or the whole new one
    except OSError:
        # A cache that cannot be written only costs time on the next run; a half-written
        # temporary file (disk full) must not pile up in the cache folder.
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return
