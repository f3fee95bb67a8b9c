"""The on-disk cache folder shared by the feature, prediction and simulated-null caches.

Entries are ``features-<key>.npz``, ``predictions-<key>.npz`` and ``simulated-<key>.npz`` (a
checkpoint's AUCs on the chance verdict's simulated fair histories) files (numpy archives read with
``allow_pickle=False``: nothing in the cache can run code). The folder is bounded: past
``max_bytes`` the least recently used entries are deleted (a hit refreshes an entry's time).
``jetx-diag cache`` shows and clears it.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

#: Entry kinds and the file-name prefix of each.
KINDS = ("features", "predictions", "simulated")
#: Bound of the cache folder unless ``cache_max_mb`` or ``$JETX_DIAG_CACHE_MAX_MB`` says.
DEFAULT_MAX_BYTES = 1024 * 1024 * 1024
MAX_ENV = "JETX_DIAG_CACHE_MAX_MB"


@dataclass(frozen=True)
class Entry:
    """One cache file."""

    path: Path
    kind: str
    size: int
    used: float  # last write or hit (mtime)


def max_bytes_from(megabytes: float | None) -> int:
    """The bound in bytes: ``megabytes``, else ``$JETX_DIAG_CACHE_MAX_MB``, else 1 GiB."""
    if megabytes is None and os.environ.get(MAX_ENV):
        try:
            megabytes = float(os.environ[MAX_ENV])
        except ValueError:
            megabytes = None
    if megabytes is None:
        return DEFAULT_MAX_BYTES
    return max(0, int(megabytes * 1024 * 1024))


def entries(folder: Path) -> list[Entry]:
    """Every cache entry in ``folder``, least recently used first."""
    found = []
    for kind in KINDS:
        for path in folder.glob(f"{kind}-*.npz"):
            with contextlib.suppress(OSError):  # deleted meanwhile by another run
                stat = path.stat()
                found.append(Entry(path, kind, stat.st_size, stat.st_mtime))
    return sorted(found, key=lambda e: (e.used, e.path.name))


def touch(path: Path) -> None:
    """Mark an entry as just used, so eviction takes older ones first."""
    with contextlib.suppress(OSError):
        os.utime(path)


def evict(folder: Path, max_bytes: int, keep: Path | None = None) -> list[Entry]:
    """Delete least recently used entries until the folder holds at most ``max_bytes``.

    ``keep``: an entry just written, never deleted by its own write (a single entry larger
    than the bound stays until the next write). Returns the deleted entries.
    """
    found = entries(folder)
    total = sum(e.size for e in found)
    removed = []
    for entry in found:
        if total <= max_bytes:
            break
        if keep is not None and entry.path == keep:
            continue
        with contextlib.suppress(OSError):
            entry.path.unlink()
            removed.append(entry)
            total -= entry.size
    return removed


def clear(folder: Path) -> list[Entry]:
    """Delete every entry (and nothing else in the folder)."""
    return evict(folder, -1)


def write_atomic(path: Path, write: Callable[[BinaryIO], None]) -> bool:
    """Write ``path`` through a temporary file renamed into place; ``False`` when it failed.

    Readers see the old file or the whole new one. A cache that cannot be written only costs
    time on the next run, and a half-written temporary file (disk full) must not pile up.
    """
    temporary = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as stream:
            write(stream)
        os.replace(temporary, path)
    except OSError:
        if temporary is not None:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
        return False
    return True
