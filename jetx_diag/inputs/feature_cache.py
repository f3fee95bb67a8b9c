"""The user's feature extractor, run once per evaluated round and cached on disk.

The extractor is the callable the training used (``module:callable``, called with the
multipliers before a round — a read-only sequence, :class:`~jetx_diag.history.view.HistoryView`,
that behaves like the list it used to be — returning a dict or a sequence of floats: the contract
of the source project's ``FeatureEngineering.extract_all_features``). It is the slow part of
rebuilding inputs (run in worker processes with ``jobs``), so its results are cached by the
history it saw, the rounds asked for, and the extractor's code: a second run on the same data
and extractor is instant. Cache files are written atomically and
validated when read; a corrupt file is recomputed, never trusted.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import inspect
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.cache_store import touch
from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.inputs.feature_workers import extract_matrix
from jetx_diag.user_code import guarded

CACHE_ENV = "JETX_DIAG_CACHE"


@dataclass(frozen=True)
class FeatureExtractor:
    """A loaded extractor and what identifies its code for the cache."""

    name: str  # "module:callable"
    function: Callable[[Any], Any]  # called with a HistoryView of the earlier rounds
    fingerprint: str  # changes when the extractor's source changes


def load_extractor(spec: str) -> FeatureExtractor:
    """Import ``module:callable`` (``module:Class.method`` works too).

    Importing runs the module's code: anything it raises (``SystemExit`` included) is a
    :class:`~jetx_diag.errors.UserCodeError` naming it.
    """
    module_name, _, attribute = spec.partition(":")
    if not module_name or not attribute:
        raise UsageError(
            record("error.feature_cache.features_must_look_like_module", spec=f"{spec!r}")
        )
    with guarded() as guard:
        try:
            target: Any = importlib.import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name is not None and module_name.startswith(error.name):
                raise UsageError(
                    record(
                        "error.feature_cache.features_cannot_import",
                        spec=f"{spec!r}",
                        module_name=f"{module_name!r}",
                        error=error,
                    )
                ) from None
            raise guard.convert(
                error,
                record("error.feature_cache.importing_for_features", module=repr(module_name)),
            ) from None
        except BaseException as error:
            raise guard.convert(
                error,
                record("error.feature_cache.importing_for_features", module=repr(module_name)),
            ) from None
        for part in attribute.split("."):
            try:
                target = getattr(target, part)
            except AttributeError:
                raise UsageError(
                    record(
                        "error.feature_cache.features_no",
                        spec=f"{spec!r}",
                        module_name=module_name,
                        attribute=f"{attribute!r}",
                    )
                ) from None
            except BaseException as error:
                raise guard.convert(
                    error, record("error.feature_cache.features_option", spec=spec)
                ) from None
    if not callable(target):
        raise UsageError(record("error.feature_cache.features_not_callable", spec=f"{spec!r}"))
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
    jobs: int = 1,
) -> tuple[tuple[str, ...], np.ndarray]:
    """Feature names and the (rounds × features) matrix for each target round.

    ``jobs``: worker processes for the extraction (:mod:`jetx_diag.inputs.feature_workers`); the
    matrix is the same row for row whatever the number.
    """
    cache_file = None
    if cache_dir is not None:
        cache_file = cache_dir / f"features-{cache_key(extractor, values, targets)}.npz"
        cached = _read_cache(cache_file, int(targets.size))
        if cached is not None:
            touch(cache_file)  # recently used: evicted last
            if progress is not None:
                progress(int(targets.size), int(targets.size))
            return cached
    names, matrix = extract_matrix(
        extractor.function, extractor.name, values, targets, jobs=jobs, progress=progress
    )
    if cache_file is not None:
        _write_cache(cache_file, names, matrix)
    return names, matrix


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
