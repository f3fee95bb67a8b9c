"""Files written as one set: every byte on disk under a temporary name first, renamed into place
only when all are complete, so an interrupted or failed run leaves the previous files, never a
mix of old and new."""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Sequence
from pathlib import Path

from jetx_diag.errors import UsageError


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is always absent or complete.

    The bytes go to a uniquely named temporary file in the same folder (same file system, so the
    rename is atomic), are flushed to disk, then replace ``path`` in one ``os.replace``. On any
    failure the temporary file is removed and ``path`` keeps its previous content.
    """
    temporary = _stage(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _stage(path: Path, data: bytes) -> Path:
    """``data`` in a flushed, uniquely named hidden temporary file beside ``path``."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # os.open with 0o666 lets the umask decide the final permissions, as a plain open() would.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def write_files(outputs: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write rendered outputs as one set, creating their folders; returns the paths written.

    Every file is first written in full to a temporary file beside its target; only when all
    are on disk are they renamed into place. A failure while writing (a full disk on the last
    file) removes the temporaries and leaves every previous file as it was: a folder never
    holds a new Markdown report beside an old HTML one.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in outputs:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                staged.append((_stage(path, data), path))
            except OSError as error:
                raise UsageError(
                    f"cannot write the report: {error.strerror or error}",
                    path=path,
                    hint="choose another output folder",
                ) from None
        for temporary, path in staged:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    return [path for _, path in staged]
