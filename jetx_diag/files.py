"""Files written as one set: every byte on disk under a temporary name first, renamed into place
only when all are complete, so an interrupted or failed run leaves the previous files, never a
mix of old and new."""

from __future__ import annotations

import contextlib
import os
import secrets
import shutil
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
    are on disk are they renamed into place, while a second name (a hard link, or a copy) keeps
    each previous file until the whole set is in. A failure at any step (a full disk on the last
    file, ``report.html`` being a folder) puts every previous file back and removes the new
    ones: a folder never holds a new Markdown report beside an old HTML one.
    """
    staged: list[tuple[Path, Path]] = []
    kept: list[Path] = []  # second names of previous files, removed at the end either way
    replaced: list[tuple[Path, Path | None]] = []  # targets renamed into place, their previous
    try:
        for path, data in outputs:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                staged.append((_stage(path, data), path))
            except OSError as error:
                raise _cannot_write(path, error) from None
        for _, path in staged:  # a folder in the way fails before anything is replaced
            if path.is_dir() and not path.is_symlink():
                raise _cannot_write(path, IsADirectoryError(21, "a folder has this name"))
        for temporary, path in staged:
            try:
                previous = _keep_previous(path)
                if previous is not None:
                    kept.append(previous)
                os.replace(temporary, path)
            except OSError as error:
                raise _cannot_write(path, error) from None
            replaced.append((path, previous))
    except BaseException:
        _roll_back(replaced)
        restored = {previous for _, previous in replaced}
        # Second names of files never replaced are spare; one whose restore failed stays, hidden
        # beside its target, rather than losing the previous report.
        for spare in [*(k for k in kept if k not in restored), *(t for t, _ in staged)]:
            with contextlib.suppress(OSError):
                spare.unlink()
        raise
    for previous in kept:
        with contextlib.suppress(OSError):
            previous.unlink()
    return [path for _, path in staged]


def _cannot_write(path: Path, error: OSError) -> UsageError:
    return UsageError(
        f"cannot write the report: {error.strerror or error}",
        path=path,
        hint="choose another output folder; no report file was changed",
    )


def _keep_previous(path: Path) -> Path | None:
    """A second name for the file at ``path`` (``None`` when there is none), so it can be put
    back if a later file of the set fails. A hard link costs nothing; a copy where links are
    not supported."""
    if not path.is_file():
        return None
    second = path.with_name(f".{path.name}.{secrets.token_hex(6)}.old")
    try:
        os.link(path, second)
    except OSError:
        shutil.copy2(path, second)
    return second


def _roll_back(replaced: list[tuple[Path, Path | None]]) -> None:
    """Undo the renames of a partly written set: previous files back, new ones removed."""
    for path, previous in reversed(replaced):
        with contextlib.suppress(OSError):
            if previous is None:
                path.unlink()
            else:
                os.replace(previous, path)
