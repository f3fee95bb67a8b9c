"""Round histories: read, validate, and account for every row.

A history is a SQLite table, a CSV file or a text file with one multiplier per line. Which one
is decided by the file's content, not its name:

1. a file starting with the 16-byte header ``SQLite format 3\\0`` is a SQLite database
   (a name ending in ``.db``/``.sqlite``/``.sqlite3``/``.db3`` without that header is an error);
2. otherwise the file must be UTF-8 text (a BOM is fine). It is CSV when its first non-blank
   line contains a comma or is a header-like name (starts with a letter, e.g. ``value`` or
   ``multiplier``); otherwise it is text with one multiplier per line.

Every row read ends up either used or rejected with a reason code
(:data:`~jetx_diag.history.accounting.REJECTION_REASONS`): ``rows_read == rows_used +
len(rejected)`` always holds. Things noticed that are not rows (blank lines, id gaps, rows stored
out of id order) go to the accounting's notes. This module decides what a file is; the readers
are :mod:`~jetx_diag.history.sqlite_rounds` and :mod:`~jetx_diag.history.text_rounds`, the
accounting :mod:`~jetx_diag.history.accounting`.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from jetx_diag import numbers
from jetx_diag.errors import DataError, UsageError
from jetx_diag.history.accounting import History, account_rows, enforce_limits
from jetx_diag.history.sqlite_rounds import load_sqlite
from jetx_diag.history.text_rounds import load_csv, load_text
from jetx_diag.i18n.messages import record as record_text

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_SUFFIXES = frozenset({".db", ".sqlite", ".sqlite3", ".db3"})

# First bytes of files people pass as --data by mistake, to name them in the error.
_OTHER_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"\x89HDF\r\n\x1a\n", record_text("error.rounds.an_hdf5_file")),
    (b"PK\x03\x04", record_text("error.rounds.a_zip_archive")),
    (b"\x80", record_text("error.rounds.a_pickle")),
    # UTF-32's little-endian BOM starts with UTF-16's: test it first.
    (codecs.BOM_UTF32_LE, record_text("error.rounds.utf32_text")),
    (codecs.BOM_UTF32_BE, record_text("error.rounds.utf32_text")),
    (codecs.BOM_UTF16_LE, record_text("error.rounds.utf16_text")),
    (codecs.BOM_UTF16_BE, record_text("error.rounds.utf16_text")),
)

_HEADER_NAME_RE = re.compile(r'"?[^\W\d][\w .-]*"?')


# --------------------------------------------------------------------------- public API


def load_history(
    path: str | Path,
    *,
    table: str = "jetx_results",
    column: str = "value",
    id_column: str = "id",
    strict: bool = False,
    max_rejected_share: float | None = None,
) -> History:
    """Read a round history from a SQLite, CSV or text file (see the module docstring).

    ``table`` applies to SQLite; ``column`` names the value column (SQLite, CSV: a CSV with a
    single column uses it whatever its name); ``id_column`` orders the rounds (SQLite: falls back
    to ``rowid`` when the table has no such column; CSV: optional, line numbers otherwise).
    ``strict=True`` makes any rejected row an error. ``max_rejected_share`` (0..1, default
    ``None`` = no limit) makes it an error when the rejected share of rows read exceeds it.
    A history without a single usable round is always an error.
    """
    if max_rejected_share is not None and not 0.0 <= max_rejected_share <= 1.0:
        raise UsageError(
            record_text(
                "error.rounds.max_rejected_share_must_between",
                max_rejected_share=max_rejected_share,
            )
        )
    path = Path(path)
    head = _read_head(path)
    if head.startswith(SQLITE_HEADER):
        history = load_sqlite(path, table=table, column=column, id_column=id_column)
    else:
        _refuse_non_text(path, head)
        text = _decode_utf8(path, _read_all(path))
        first = _first_nonblank_line(text)
        if first is None:
            raise DataError(record_text("error.rounds.holds_no_rows_only_blank"), path=path)
        _refuse_other_separators(path, first)
        if "," in first or _looks_like_header(first):
            history = load_csv(path, text, column=column, id_column=id_column)
        else:
            history = load_text(path, text)
    enforce_limits(history, path, strict=strict, max_rejected_share=max_rejected_share)
    return history


def history_from_values(
    values: Iterable[float | int | str | None], source: str = "<memory>"
) -> History:
    """A history from values in round order (tests, the demo), validated like a file.

    Invalid values are rejected and accounted for exactly as in a file; ``ids`` are the
    0-based positions. Raises :class:`DataError` only when no value is usable.
    """
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise ValueError(f"expected a 1-D array of multipliers, got shape {values.shape}")
        cells: list[object] = values.astype(np.float64, copy=False).tolist()
    else:
        cells = list(values)
    history = account_rows(
        source=source,
        kind="memory",
        read_as="values in memory",
        ids=list(range(len(cells))),
        cells=cells,
        where=lambda i, _id: record_text("record.where_index", index=i),
        notes=[],
        real_ids=False,
    )
    enforce_limits(history, source, strict=False, max_rejected_share=None)
    return history


# --------------------------------------------------------------------------- file access


def _read_head(path: Path, size: int = 4096) -> bytes:
    try:
        with path.open("rb") as handle:
            head = handle.read(size)
    except FileNotFoundError:
        raise DataError(
            record_text("error.rounds.file_not_found"),
            path=path,
            hint=record_text("error.rounds.hint_check_data_path"),
        ) from None
    except IsADirectoryError:
        raise DataError(record_text("error.rounds.directory_not_history_file"), path=path) from None
    except OSError as error:
        raise DataError(
            record_text("error.rounds.cannot_read_file", strerror=error.strerror), path=path
        ) from None
    if not head:
        raise DataError(record_text("error.rounds.file_empty_0_bytes"), path=path)
    return head


def _read_all(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DataError(
            record_text("error.rounds.cannot_read_file", strerror=error.strerror), path=path
        ) from None


def _refuse_non_text(path: Path, head: bytes) -> None:
    """A file that is not a SQLite database must be text; name what it is when it is not."""
    if path.suffix.lower() in SQLITE_SUFFIXES:
        raise DataError(
            record_text("error.rounds.not_sqlite_database_starts", head=f"{head[:16]!r}"),
            path=path,
            hint=record_text("error.rounds.hint_sqlite_file_starts_sqlite_format"),
        )
    for magic, what in _OTHER_FORMATS:
        if head.startswith(magic):
            raise DataError(record_text("error.rounds.not_history", what=what), path=path)
    nul = head.find(b"\x00")
    if nul >= 0:
        raise DataError(
            record_text("error.rounds.not_history_binary_content_nul", nul=nul),
            path=path,
        )


def _decode_utf8(path: Path, data: bytes) -> str:
    bom = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
    try:
        return data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start
        line = data.count(b"\n", 0, offset) + 1
        raise DataError(
            record_text(
                "error.rounds.invalid_utf_8_byte_line",
                offset=offset,
                line=line,
                data=f"{data[offset : offset + 4]!r}",
            ),
            path=path,
            hint=record_text("error.rounds.hint_save_file_utf_8"),
        ) from None


def _first_nonblank_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip(" \t\r"):
            return line.rstrip("\r")
    return None


def _refuse_other_separators(path: Path, first: str) -> None:
    """A header like ``id;value`` would otherwise be read as a text file of junk lines."""
    separators = (
        (";", record_text("error.rounds.separator_semicolon")),
        ("\t", record_text("error.rounds.separator_tabs")),
    )
    for separator, name in separators:
        names = first.split(separator)
        if len(names) > 1 and "," not in first and all(map(_looks_like_header, names)):
            raise DataError(
                record_text(
                    "error.rounds.header_separated_only_comma_separated",
                    first=f"{first!r}",
                    name=name,
                ),
                path=path,
                hint=record_text("error.rounds.hint_save_file_csv_commas"),
            )


def _looks_like_header(line: str) -> bool:
    stripped = line.strip(" \t")
    return _HEADER_NAME_RE.fullmatch(stripped) is not None and not numbers.looks_like_number(
        stripped.strip('"')
    )
