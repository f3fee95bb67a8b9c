"""Round histories: read, validate, and account for every row.

A history is a SQLite table, a CSV file or a text file with one multiplier per line. Which one
is decided by the file's content, not its name:

1. a file starting with the 16-byte header ``SQLite format 3\\0`` is a SQLite database
   (a name ending in ``.db``/``.sqlite``/``.sqlite3``/``.db3`` without that header is an error);
2. otherwise the file must be UTF-8 text (a BOM is fine). It is CSV when its first non-blank
   line contains a comma or is a header-like name (starts with a letter, e.g. ``value`` or
   ``multiplier``); otherwise it is text with one multiplier per line.

Every row read ends up either used or rejected with a reason code (:data:`REJECTION_REASONS`):
``rows_read == rows_used + len(rejected)`` always holds. Things noticed that are not rows
(blank lines, id gaps, rows stored out of id order) go to the accounting's notes.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import sqlite3
import time
from collections.abc import Callable, Iterable, Sequence
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from jetx_diag import numbers
from jetx_diag.errors import DataError, UsageError
from jetx_diag.i18n.messages import record as record_text
from jetx_diag.results import DataAccounting, RejectedRow

#: A later row repeats an id already seen (possible in a table without a PRIMARY KEY).
DUPLICATE_ID = "duplicate_id"
#: The row's id is missing or not an integer, so the round cannot be placed in order.
BAD_ID = "bad_id"

#: Every reason code a :class:`~jetx_diag.results.RejectedRow` can carry, with its explanation.
REJECTION_REASONS: dict[str, str] = {
    **numbers.REJECTION_REASONS,
    DUPLICATE_ID: "the id was already used by an earlier row (the first one is kept)",
    BAD_ID: "the id is missing or not an integer, so the round cannot be placed in order",
}

SQLITE_HEADER = b"SQLite format 3\x00"
SQLITE_SUFFIXES = frozenset({".db", ".sqlite", ".sqlite3", ".db3"})
#: Seconds to wait for a writer (e.g. a live scraper) to release its lock before giving up.
SQLITE_BUSY_TIMEOUT = 5.0
#: Seconds all queries on one history may take: a view over a recursive CTE can run forever.
SQLITE_QUERY_DEADLINE = 120.0
#: SQLite virtual-machine steps between two looks at the clock.
_PROGRESS_STEPS = 10_000

# First bytes of files people pass as --data by mistake, to name them in the error.
_OTHER_FORMATS: tuple[tuple[bytes, str], ...] = (
    (b"\x89HDF\r\n\x1a\n", "an HDF5 file (a Keras .h5 checkpoint?)"),
    (b"PK\x03\x04", "a zip archive (a .keras checkpoint or .xlsx?)"),
    (b"\x80", "a pickle (a scaler?)"),
    # UTF-32's little-endian BOM starts with UTF-16's: test it first.
    (codecs.BOM_UTF32_LE, "UTF-32 text (save it as UTF-8)"),
    (codecs.BOM_UTF32_BE, "UTF-32 text (save it as UTF-8)"),
    (codecs.BOM_UTF16_LE, "UTF-16 text (save it as UTF-8)"),
    (codecs.BOM_UTF16_BE, "UTF-16 text (save it as UTF-8)"),
)

_HEADER_NAME_RE = re.compile(r'"?[^\W\d][\w .-]*"?')
_INT_RE = re.compile(r"[ \t]*[+-]?[0-9]+[ \t]*")
_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_RAW_SHOWN_CHARS = 60


@dataclass(frozen=True, eq=False)  # eq=False: comparing numpy arrays with == is ambiguous
class History:
    """Usable rounds in round order, and the accounting of every row that was read.

    ``values`` (float64, every value finite and ≥ 1) and ``ids`` (int64, strictly increasing:
    round ids for SQLite and CSV with an id column, line numbers otherwise, positions for
    in-memory histories) are read-only arrays of equal length.
    """

    values: np.ndarray
    ids: np.ndarray
    accounting: DataAccounting
    source: str
    kind: str  # 'sqlite' | 'csv' | 'text' | 'memory'
    read_as: str = ""  # how it was read, for the report: "SQLite table 'x', column 'value', …"

    def __post_init__(self) -> None:
        # Private read-only copies: no caller can change the rounds after validation.
        values = np.array(self.values, dtype=np.float64)
        ids = np.array(self.ids, dtype=np.int64)
        if values.ndim != 1 or ids.shape != values.shape:
            raise ValueError(f"values {values.shape} and ids {ids.shape} must be equal 1-D")
        if len(values) != self.accounting.rows_used:
            raise ValueError(f"{len(values)} values but rows_used={self.accounting.rows_used}")
        if not (np.isfinite(values).all() and (values >= 1.0).all()):
            raise ValueError("history values must be finite and >= 1")
        if len(ids) > 1 and not (np.diff(ids) > 0).all():
            raise ValueError("history ids must be strictly increasing")
        values.flags.writeable = False
        ids.flags.writeable = False
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "ids", ids)

    def __len__(self) -> int:
        return len(self.values)


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
        raise UsageError(f"max_rejected_share must be between 0 and 1, got {max_rejected_share}")
    path = Path(path)
    head = _read_head(path)
    if head.startswith(SQLITE_HEADER):
        history = _load_sqlite(path, table=table, column=column, id_column=id_column)
    else:
        _refuse_non_text(path, head)
        text = _decode_utf8(path, _read_all(path))
        first = _first_nonblank_line(text)
        if first is None:
            raise DataError("holds no rows (only blank lines)", path=path)
        _refuse_other_separators(path, first)
        if "," in first or _looks_like_header(first):
            history = _load_csv(path, text, column=column, id_column=id_column)
        else:
            history = _load_text(path, text)
    _enforce_limits(history, path, strict=strict, max_rejected_share=max_rejected_share)
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
    history = _account(
        source=source,
        kind="memory",
        read_as="values in memory",
        ids=list(range(len(cells))),
        cells=cells,
        where=lambda i, _id: record_text("record.where_index", index=i),
        notes=[],
        real_ids=False,
    )
    _enforce_limits(history, source, strict=False, max_rejected_share=None)
    return history


def show_raw(cell: object) -> str:
    """A cell as it was read, escaped so control and separator characters stay visible.

    Text is shown with ``repr`` (quotes; non-printable characters such as U+2028 as
    ``\\u2028``; readable non-ASCII letters kept); NULL as ``NULL``; numbers as Python shows them.
    Long cells are cut after 60 characters with their full length.
    """
    if cell is None:
        return "NULL"
    if isinstance(cell, str | bytes) and len(cell) > _RAW_SHOWN_CHARS:
        unit = "chars" if isinstance(cell, str) else "bytes"
        return f"{cell[:_RAW_SHOWN_CHARS]!r}… ({len(cell)} {unit})"
    return repr(cell)


# --------------------------------------------------------------------------- file access


def _read_head(path: Path, size: int = 4096) -> bytes:
    try:
        with path.open("rb") as handle:
            head = handle.read(size)
    except FileNotFoundError:
        raise DataError("file not found", path=path, hint="check the --data path") from None
    except IsADirectoryError:
        raise DataError("is a directory, not a history file", path=path) from None
    except OSError as error:
        raise DataError(f"cannot read the file: {error.strerror}", path=path) from None
    if not head:
        raise DataError("the file is empty (0 bytes)", path=path)
    return head


def _read_all(path: Path) -> bytes:
    try:
        return path.read_bytes()
    except OSError as error:
        raise DataError(f"cannot read the file: {error.strerror}", path=path) from None


def _refuse_non_text(path: Path, head: bytes) -> None:
    """A file that is not a SQLite database must be text; name what it is when it is not."""
    if path.suffix.lower() in SQLITE_SUFFIXES:
        raise DataError(
            f"not a SQLite database (it starts with {head[:16]!r})",
            path=path,
            hint="a SQLite file starts with 'SQLite format 3'",
        )
    for magic, what in _OTHER_FORMATS:
        if head.startswith(magic):
            raise DataError(f"not a history: this is {what}", path=path)
    nul = head.find(b"\x00")
    if nul >= 0:
        raise DataError(
            f"not a history: binary content (NUL byte at offset {nul}), "
            "neither SQLite nor UTF-8 text",
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
            f"invalid UTF-8 at byte {offset} (line {line}): {data[offset : offset + 4]!r}",
            path=path,
            hint="save the file as UTF-8",
        ) from None


def _first_nonblank_line(text: str) -> str | None:
    for line in text.split("\n"):
        if line.strip(" \t\r"):
            return line.rstrip("\r")
    return None


def _refuse_other_separators(path: Path, first: str) -> None:
    """A header like ``id;value`` would otherwise be read as a text file of junk lines."""
    for separator, name in ((";", "';'"), ("\t", "tabs")):
        names = first.split(separator)
        if len(names) > 1 and "," not in first and all(map(_looks_like_header, names)):
            raise DataError(
                f"the header {first!r} is separated by {name}: only comma-separated CSV is read",
                path=path,
                hint="save the file as CSV with commas",
            )


def _looks_like_header(line: str) -> bool:
    stripped = line.strip(" \t")
    return _HEADER_NAME_RE.fullmatch(stripped) is not None and not numbers.looks_like_number(
        stripped.strip('"')
    )


# --------------------------------------------------------------------------- SQLite


def _quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _load_sqlite(path: Path, *, table: str, column: str, id_column: str) -> History:
    # mode=ro: a mistyped path fails instead of creating a new empty database, and nothing we
    # do can change the user's file. as_uri() percent-encodes '?', '#' and spaces in the path.
    uri = path.resolve().as_uri() + "?mode=ro"
    deadline = time.monotonic() + SQLITE_QUERY_DEADLINE
    try:
        with closing(sqlite3.connect(uri, uri=True, timeout=SQLITE_BUSY_TIMEOUT)) as connection:
            # A non-zero return interrupts the running statement ("interrupted").
            connection.set_progress_handler(lambda: time.monotonic() > deadline, _PROGRESS_STEPS)
            kinds = dict(
                connection.execute(
                    "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') "
                    "ORDER BY name"
                ).fetchall()
            )
            tables = list(kinds)
            table_name = _match_name(table, tables)
            if table_name is None:
                listed = ", ".join(tables) if tables else "none"
                raise DataError(
                    f"no table {table!r} (tables: {listed})", path=path, hint="use --table"
                )
            qtable = _quote_identifier(table_name)
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({qtable})")]
            value_name = _match_name(column, columns)
            if value_name is None:
                raise DataError(
                    f"table {table_name!r} has no column {column!r} "
                    f"(columns: {', '.join(columns)})",
                    path=path,
                    hint="use --column",
                )
            id_name = _match_name(id_column, columns)
            notes: list[str] = []
            no_order = DataError(
                f"{table_name!r} has no column {id_column!r} and no rowid to order by "
                f"(columns: {', '.join(columns)})",
                path=path,
                hint="name the column that orders the rounds",
            )
            if id_name is None:
                if kinds[table_name] == "view":  # a view's rowid is NULL: no order at all
                    raise no_order
                id_sql = "rowid"
                notes.append(record_text("record.rowid_order", column=id_column))
            else:
                id_sql = _quote_identifier(id_name)
            # Raw storage classes: Python's sqlite3 maps INTEGER/REAL/TEXT/BLOB/NULL to
            # int/float/str/bytes/None, the same information as typeof(). Text is decoded with
            # surrogateescape so a cell with invalid UTF-8 is rejected and shown, not fatal.
            connection.text_factory = lambda raw: raw.decode("utf-8", "surrogateescape")
            try:
                rows = connection.execute(
                    f"SELECT {id_sql}, {_quote_identifier(value_name)} FROM {qtable}"
                ).fetchall()
            except sqlite3.OperationalError as error:
                if id_name is None and "rowid" in str(error):  # a WITHOUT ROWID table
                    raise no_order from None
                raise
    except sqlite3.OperationalError as error:
        if time.monotonic() > deadline and "interrupt" in str(error):
            raise DataError(
                f"reading the table took longer than {SQLITE_QUERY_DEADLINE:g} s and was stopped "
                "(a view that never ends, such as a recursive query without a limit?)",
                path=path,
                hint="point --table at a plain table of rounds",
            ) from None
        # The file may be fine: locked by a writer, or not readable by this user.
        raise DataError(f"cannot read the SQLite database: {error}", path=path) from None
    except sqlite3.DatabaseError as error:
        # "file is not a database", "database disk image is malformed": the bytes are wrong.
        raise DataError(f"malformed SQLite database: {error}", path=path) from None
    if not rows:
        raise DataError(f"table {table_name!r} is empty", path=path)
    ids = [row[0] for row in rows]
    cells = [row[1] for row in rows]
    by = "rowid" if id_name is None else repr(id_name)
    return _account(
        source=str(path),
        kind="sqlite",
        read_as=f"SQLite table {table_name!r}, column {value_name!r}, ordered by {by}",
        ids=ids,
        cells=cells,
        where=_sqlite_where,
        notes=notes,
        real_ids=True,
    )


def _sqlite_where(position: int, raw_id: object) -> str:
    if type(raw_id) is int:
        return f"id {raw_id}"  # the same word in both languages
    return record_text("record.where_row_id", row=position + 1, id=show_raw(raw_id))


def _match_name(wanted: str, names: Sequence[str]) -> str | None:
    """Exact name first, then case-insensitive (SQLite identifiers are case-insensitive)."""
    if wanted in names:
        return wanted
    folded = [name for name in names if name.lower() == wanted.lower()]
    return folded[0] if len(folded) == 1 else None


# --------------------------------------------------------------------------- CSV and text


def _load_csv(path: Path, text: str, *, column: str, id_column: str) -> History:
    # newline="" and the csv module: records end only at \n, \r\n or \r outside quotes. Never
    # str.splitlines(), which would also split on U+2028 and turn one cell into two rows.
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    header: list[str] | None = None
    header_line = 0
    blank: list[int] = []
    lines: list[int] = []
    id_cells: list[str] = []
    cells: list[str] = []
    value_index = id_index = -1
    previous_end = 0
    try:
        for record in reader:
            start, previous_end = previous_end + 1, reader.line_num
            if not record or (len(record) == 1 and not record[0].strip(" \t")):
                blank.append(start)
                continue
            if header is None:
                header, header_line = [name.strip(" \t") for name in record], start
                value_index, id_index = _csv_columns(path, header, start, column, id_column)
                continue
            if len(record) != len(header):
                more_or_less = "extra" if len(record) > len(header) else "missing"
                raise DataError(
                    f"line {start}: {len(record)} fields where the header has {len(header)} "
                    f"({more_or_less} fields)",
                    path=path,
                )
            lines.append(start)
            cells.append(record[value_index])
            if id_index >= 0:
                id_cells.append(record[id_index])
    except csv.Error as error:
        raise DataError(f"line {reader.line_num}: bad CSV: {error}", path=path) from None
    assert header is not None  # the caller checked that a non-blank line exists
    if not cells:
        raise DataError(f"no rows below the header on line {header_line}", path=path)
    notes = _blank_note(blank)
    value_name = header[value_index]
    if value_name.lower() != column.lower():
        notes.append(record_text("record.only_column", column=value_name))
    read_as = f"CSV column {value_name!r}"
    if id_index >= 0:
        read_as += f", ordered by column {header[id_index]!r}"
        ids: list[object] = [_parse_id(cell) for cell in id_cells]

        def where(position: int, raw_id: object) -> str:
            if type(raw_id) is int:
                return record_text("record.where_line_id", line=lines[position], id=raw_id)
            shown = show_raw(id_cells[position])
            return record_text("record.where_line_id", line=lines[position], id=shown)

    else:
        ids = list(lines)

        def where(position: int, raw_id: object) -> str:
            return record_text("record.where_line", line=raw_id)

    return _account(
        source=str(path),
        kind="csv",
        read_as=read_as,
        ids=ids,
        cells=list(cells),
        where=where,
        notes=notes,
        real_ids=id_index >= 0,
    )


def _csv_columns(
    path: Path, header: list[str], line: int, column: str, id_column: str
) -> tuple[int, int]:
    """Indexes of the value and id columns (-1: no id column)."""
    if all(numbers.looks_like_number(name) or not name for name in header):
        raise DataError(
            f"no header line: line {line} {show_raw(','.join(header))} holds data",
            path=path,
            hint=f"add a first line naming the columns, such as 'id,{column}'",
        )
    folded = [name.lower() for name in header]
    duplicates = sorted({name for name in folded if folded.count(name) > 1})
    if duplicates:
        raise DataError(
            f"line {line}: the header names column(s) {', '.join(duplicates)} more than once",
            path=path,
        )
    if column.lower() in folded:
        value_index = folded.index(column.lower())
    elif len(header) == 1:
        value_index = 0
    else:
        raise DataError(
            f"no {column!r} column in the header on line {line} (columns: {', '.join(header)})",
            path=path,
            hint="name the multiplier column 'value' or use --column",
        )
    id_index = folded.index(id_column.lower()) if id_column.lower() in folded else -1
    if id_index == value_index:
        id_index = -1
    return value_index, id_index


def _parse_id(cell: str) -> int | None:
    if _INT_RE.fullmatch(cell) is None:
        return None
    return int(cell)


def _load_text(path: Path, text: str) -> History:
    # Split only on \n (and drop the \r of \r\n): a U+2028 inside a line keeps it one row.
    blank: list[int] = []
    lines: list[int] = []
    cells: list[str] = []
    parts = text.split("\n")
    if parts and parts[-1] == "":
        parts.pop()  # the file's final newline ends the last line; it does not start a new one
    for number, line in enumerate(parts, start=1):
        if line.endswith("\r"):
            line = line[:-1]
        if not line.strip(" \t"):
            blank.append(number)
            continue
        lines.append(number)
        cells.append(line)
    return _account(
        source=str(path),
        kind="text",
        read_as="text, one multiplier per line",
        ids=list(lines),
        cells=list(cells),
        where=lambda position, line: record_text("record.where_line", line=line),
        notes=_blank_note(blank),
        real_ids=False,
    )


def _blank_note(blank: list[int]) -> list[str]:
    if not blank:
        return []
    shown = ", ".join(str(n) for n in blank[:5]) + (", …" if len(blank) > 5 else "")
    if len(blank) == 1:
        return [record_text("record.blank_line", lines=shown)]
    return [record_text("record.blank_lines", count=len(blank), lines=shown)]


# --------------------------------------------------------------------------- accounting


def _account(
    *,
    source: str,
    kind: str,
    read_as: str,
    ids: Sequence[object],
    cells: Sequence[object],
    where: Callable[[int, object], str],
    notes: list[str],
    real_ids: bool,
) -> History:
    """Turn rows in storage order into a History: order, de-duplicate, parse, account."""
    n = len(cells)
    id_ok = np.fromiter(
        (type(x) is int and _INT64_MIN <= x <= _INT64_MAX for x in ids), dtype=bool, count=n
    )
    id_values = np.fromiter(
        (x if ok else 0 for x, ok in zip(ids, id_ok, strict=True)), dtype=np.int64, count=n
    )
    reasons: list[str | None] = [None] * n
    for position in np.flatnonzero(~id_ok).tolist():
        reasons[position] = BAD_ID

    # Round order: valid ids sorted; stable, so among equal ids the first stored row comes first.
    placed = np.flatnonzero(id_ok)
    order = placed[np.argsort(id_values[placed], kind="stable")]
    sorted_ids = id_values[order]
    repeated = order[1:][sorted_ids[1:] == sorted_ids[:-1]]
    for position in repeated.tolist():
        reasons[position] = DUPLICATE_ID
    if real_ids:
        notes = notes + _order_notes(id_values[placed], sorted_ids)

    values = np.full(n, np.nan)
    # Numeric database cells are checked in one vectorised pass; only text needs the parser.
    numeric = np.fromiter(
        (
            type(cell) is float or (type(cell) is int and _INT64_MIN <= cell <= _INT64_MAX)
            for cell in cells
        ),
        dtype=bool,
        count=n,
    )
    numeric_at = np.flatnonzero(numeric)
    if len(numeric_at):
        numeric_values = np.array([float(cells[i]) for i in numeric_at.tolist()], np.float64)
        values[numeric_at] = numeric_values
        finite = np.isfinite(numeric_values)
        for position, is_finite, value in zip(
            numeric_at.tolist(), finite.tolist(), numeric_values.tolist(), strict=True
        ):
            if reasons[position] is None and not (is_finite and value >= 1.0):
                reasons[position] = numbers.NOT_FINITE if not is_finite else numbers.BELOW_ONE
    text_used = 0
    for position in np.flatnonzero(~numeric).tolist():
        if reasons[position] is not None:
            continue
        value, reason = numbers.parse_multiplier(cells[position])
        if reason is None:
            values[position] = value
            text_used += 1
        else:
            reasons[position] = reason
    if kind == "sqlite" and text_used:
        # Worth saying: a REAL column should not hold text, even text that parses.
        notes = [*notes, record_text("record.text_cells", count=text_used)]

    rejected = [
        RejectedRow(where=where(p, ids[p]), raw=show_raw(cells[p]), reason=reasons[p])
        for p in [*order.tolist(), *np.flatnonzero(~id_ok).tolist()]
        if reasons[p] is not None
    ]
    used = np.array([reasons[p] is None for p in order.tolist()], dtype=bool)
    accounting = DataAccounting(
        source=source,
        rows_read=n,
        rows_used=int(used.sum()),
        rejected=tuple(rejected),
        notes=tuple(notes),
    )
    assert accounting.rows_read == accounting.rows_used + len(accounting.rejected)
    return History(
        values=values[order][used],
        ids=sorted_ids[used],
        accounting=accounting,
        source=source,
        kind=kind,
        read_as=read_as,
    )


def _order_notes(stored_ids: np.ndarray, sorted_ids: np.ndarray) -> list[str]:
    """Rows stored out of id order, and ids missing between the first and the last."""
    notes: list[str] = []
    if len(stored_ids) > 1:
        running_max = np.maximum.accumulate(stored_ids)[:-1]
        late = int((stored_ids[1:] < running_max).sum())
        if late:
            notes.append(record_text("record.out_of_order", count=late))
    unique_ids = np.unique(sorted_ids)
    steps = np.diff(unique_ids)
    gap_at = np.flatnonzero(steps > 1)
    if len(gap_at):
        # Python ints: a difference of two int64 ids near the limits would overflow numpy.
        gaps = [
            (
                int(unique_ids[i + 1]) - int(unique_ids[i]) - 1,
                int(unique_ids[i]),
                int(unique_ids[i + 1]),
            )
            for i in gap_at.tolist()
        ]
        if len(gaps) <= 3:
            notes.extend(_gap_text(*gap) for gap in gaps)
        else:
            missing = sum(gap[0] for gap in gaps)
            largest = max(gaps, key=lambda gap: gap[0])
            notes.append(
                record_text(
                    "record.id_gaps", missing=missing, gaps=len(gaps), largest=_gap_text(*largest)
                )
            )
    return notes


def _gap_text(missing: int, low: int, high: int) -> str:
    return record_text("record.id_gap", count=missing, low=low, high=high)


def _enforce_limits(
    history: History, path: str | Path, *, strict: bool, max_rejected_share: float | None
) -> None:
    accounting = history.accounting
    rejected = accounting.rejected
    if not rejected:
        return
    by_reason = ", ".join(
        f"{count} {reason}" for reason, count in accounting.rejected_by_reason.items()
    )
    first = rejected[0]
    first_text = f"first: {first.where} {first.raw} ({first.reason})"
    if accounting.rows_used == 0:
        raise DataError(
            f"no usable rounds: {_rows(accounting.rows_read, 'all ')} rejected "
            f"({by_reason}; {first_text})",
            path=path,
        )
    if strict:
        raise DataError(
            # rows_used > 0 here, so rows_read >= 2: "rows" is always right.
            f"{len(rejected)} of {accounting.rows_read} rows rejected ({by_reason}; {first_text})",
            path=path,
            hint="strict mode: fix or remove these rows, or run without --strict",
        )
    share = accounting.rejected_share
    if (
        max_rejected_share is not None
        and share.value is not None
        and share.value > max_rejected_share
    ):
        raise DataError(
            f"{share.text()} of rows rejected, more than the allowed "
            f"{100 * max_rejected_share:g}% ({by_reason}; {first_text})",
            path=path,
            hint="fix the rows or raise --max-rejected",
        )


def _rows(count: int, all_prefix: str = "") -> str:
    return "the only row" if count == 1 else f"{all_prefix}{count} rows"
