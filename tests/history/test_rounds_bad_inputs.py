"""Broken and hostile round histories, table-driven.

Each error case builds a file, loads it, and checks the error class, that the message names the
file, a key phrase, and that it is one line. Each value case checks the exact accounting.
"""

from __future__ import annotations

import pickle
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from jetx_diag.errors import DataError, JetxDiagError, UsageError
from jetx_diag.history import sqlite_rounds
from jetx_diag.history.rounds import load_history


def sqlite_file(path: Path, *statements: str, rows: list[tuple[Any, ...]] | None = None) -> None:
    with sqlite3.connect(path) as connection:
        for statement in statements:
            connection.execute(statement)
        if rows:
            marks = ", ".join("?" * len(rows[0]))
            connection.executemany(f"INSERT INTO jetx_results VALUES ({marks})", rows)
    connection.close()


def write_text(text: str) -> Callable[[Path], None]:
    return lambda path: path.write_text(text, encoding="utf-8")


def write_bytes(data: bytes) -> Callable[[Path], None]:
    return lambda path: path.write_bytes(data)


def nothing(path: Path) -> None:
    """A mistyped path: the file is never created."""


def directory(path: Path) -> None:
    path.mkdir()


def header_then_garbage(path: Path) -> None:
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 2000)


def truncated_database(path: Path) -> None:
    full = path.with_suffix(".full")
    sqlite_file(
        full,
        "CREATE TABLE jetx_results (id INTEGER PRIMARY KEY, value REAL)",
        rows=[(i, 1.0 + i / 7) for i in range(1, 5001)],
    )
    data = full.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def scrambled_pages(path: Path) -> None:
    full = path.with_suffix(".full")
    sqlite_file(
        full,
        "CREATE TABLE jetx_results (id INTEGER PRIMARY KEY, value REAL)",
        rows=[(i, 1.0 + i / 7) for i in range(1, 5001)],
    )
    data = bytearray(full.read_bytes())
    data[4096:] = b"\x07" * (len(data) - 4096)  # keep page 1 (schema), ruin every table page
    path.write_bytes(bytes(data))


def other_table(path: Path) -> None:
    sqlite_file(
        path, "CREATE TABLE rounds (id INTEGER PRIMARY KEY, value REAL)", "CREATE TABLE x (a)"
    )


def other_column(path: Path) -> None:
    sqlite_file(
        path,
        "CREATE TABLE jetx_results (id INTEGER PRIMARY KEY, crash REAL, ts TEXT)",
        rows=[(1, 1.5, "t")],
    )


def empty_table(path: Path) -> None:
    sqlite_file(path, "CREATE TABLE jetx_results (id INTEGER PRIMARY KEY, value REAL)")


def no_tables(path: Path) -> None:
    sqlite_file(path, "CREATE TABLE jetx_results (id)", "DROP TABLE jetx_results")


def only_bad_rows(path: Path) -> None:
    sqlite_file(
        path,
        "CREATE TABLE jetx_results (id INTEGER PRIMARY KEY, value)",
        rows=[(1, "abc"), (2, 0.5), (3, None)],
    )


def view_without_id(path: Path) -> None:
    sqlite_file(
        path,
        "CREATE TABLE raw (id INTEGER PRIMARY KEY, value REAL)",
        "INSERT INTO raw VALUES (1, 1.5)",
        "CREATE VIEW jetx_results AS SELECT value FROM raw",
    )


def without_rowid(path: Path) -> None:
    sqlite_file(
        path,
        "CREATE TABLE jetx_results (round TEXT PRIMARY KEY, value REAL) WITHOUT ROWID",
        "INSERT INTO jetx_results VALUES ('a', 1.5)",
    )


def one_bad_row(path: Path) -> None:
    path.write_text("0.5\n", encoding="utf-8")


def mostly_bad(path: Path) -> None:
    path.write_text("1.5\n2\nabc\n0.5\n", encoding="utf-8")


@dataclass(frozen=True)
class ErrorCase:
    name: str
    filename: str
    build: Callable[[Path], None]
    phrase: str
    error: type[JetxDiagError] = DataError
    options: dict[str, Any] = field(default_factory=dict)


ERROR_CASES = [
    # --- any file
    ErrorCase("missing file", "jetx_dta.db", nothing, "file not found"),
    ErrorCase("directory", "rounds.db", directory, "is a directory"),
    ErrorCase("empty file", "h.csv", write_bytes(b""), "the file is empty (0 bytes)"),
    ErrorCase("HDF5 passed as data", "h.txt", write_bytes(b"\x89HDF\r\n\x1a\n\0\0"), "HDF5"),
    ErrorCase("zip passed as data", "h.csv", write_bytes(b"PK\x03\x04\0\0"), "zip archive"),
    ErrorCase("pickle passed as data", "h", write_bytes(pickle.dumps([1.5], 4)), "a pickle"),
    ErrorCase("binary junk", "h.txt", write_bytes(b"1.5\n\x00\x01\x02"), "NUL byte at offset 4"),
    ErrorCase("UTF-16 text", "h.txt", write_bytes("1.5\n".encode("utf-16")), "UTF-16"),
    ErrorCase("only blank lines", "h.txt", write_text("\n \n\t\r\n"), "only blank lines"),
    # --- SQLite
    ErrorCase("not a database", "h.db", write_text("id,value\n1,1.5\n"), "not a SQLite database"),
    ErrorCase("header then garbage", "h.db", header_then_garbage, "malformed SQLite database"),
    ErrorCase("truncated database", "h.db", truncated_database, "malformed SQLite database"),
    ErrorCase("scrambled pages", "h.sqlite", scrambled_pages, "malformed SQLite database"),
    ErrorCase("missing table", "h.db", other_table, "no table 'jetx_results' (tables: rounds, x)"),
    ErrorCase("no tables at all", "h.db", no_tables, "(the database has no tables)"),
    ErrorCase(
        "missing column",
        "h.db",
        other_column,
        "table 'jetx_results' has no column 'value' (columns: id, crash, ts)",
    ),
    ErrorCase("empty table", "h.db", empty_table, "table 'jetx_results' is empty"),
    ErrorCase("view without id", "h.db", view_without_id, "no column 'id' and no rowid"),
    ErrorCase("WITHOUT ROWID table", "h.db", without_rowid, "no column 'id' and no rowid"),
    ErrorCase("every row rejected", "h.db", only_bad_rows, "no usable rounds: all 3 rows rejected"),
    # --- CSV
    ErrorCase(
        "wrong header",
        "h.csv",
        write_text("id,crash\n1,1.5\n"),
        "no 'value' column in the header on line 1 (columns: id, crash)",
    ),
    ErrorCase("missing header", "h.csv", write_text("1,1.5\n2,1.7\n"), "no header line: line 1"),
    ErrorCase(
        "missing header after blanks", "h.csv", write_text("\n\n1,1.5\n"), "no header line: line 3"
    ),
    ErrorCase(
        "duplicate header", "h.csv", write_text("value,Value\n1,2\n"), "more than once: value"
    ),
    ErrorCase(
        "extra field",
        "h.csv",
        write_text("id,value\n1,1.5\n2,1.6,x\n"),
        "line 3: 3 fields where the header has 2 (extra fields)",
    ),
    ErrorCase(
        "missing field",
        "h.csv",
        write_text("id,value\n1,1.5\n\n2\n"),
        "line 4: 1 fields where the header has 2 (missing fields)",
    ),
    ErrorCase(
        "invalid UTF-8",
        "h.csv",
        write_bytes(b"value\n1.5\n2.\xff5\n"),
        "invalid UTF-8 at byte 12 (line 3)",
    ),
    ErrorCase(
        "invalid UTF-8 after a BOM",
        "h.txt",
        write_bytes(b"\xef\xbb\xbf1.5\n\xc3\x28\n"),
        "invalid UTF-8 at byte 7 (line 2)",
    ),
    ErrorCase(
        "semicolon CSV",
        "h.csv",
        write_text("id;value\n1;1.5\n"),
        "the header 'id;value' is separated by ';': only comma-separated CSV is read",
    ),
    ErrorCase(
        "tab-separated",
        "h.tsv",
        write_text("id\tvalue\n1\t1.5\n"),
        "separated by tabs",
    ),
    ErrorCase("header only", "h.csv", write_text("id,value\n\n"), "no rows below the header"),
    ErrorCase("bad quoting", "h.csv", write_text('value\n"1.5"x\n'), "line 2: bad CSV"),
    ErrorCase("unterminated quote", "h.csv", write_text('value\n"1.5\n2\n'), "bad CSV"),
    # --- values and limits
    ErrorCase(
        "the only row rejected", "h.txt", one_bad_row, "no usable rounds: the only row rejected"
    ),
    ErrorCase("strict", "h.txt", mostly_bad, "2 of 4 rows rejected", options={"strict": True}),
    ErrorCase(
        "rejected share over the limit",
        "h.txt",
        mostly_bad,
        "50.00% (2/4) of rows rejected, more than the allowed 25%",
        options={"max_rejected_share": 0.25},
    ),
    ErrorCase(
        "limit out of range",
        "h.txt",
        mostly_bad,
        "max_rejected_share must be between 0 and 1",
        error=UsageError,
        options={"max_rejected_share": -0.1},
    ),
]


@pytest.mark.parametrize("case", ERROR_CASES, ids=[case.name for case in ERROR_CASES])
def test_bad_history_is_a_clear_error(case: ErrorCase, tmp_path: Path) -> None:
    path = tmp_path / case.filename
    case.build(path)
    with pytest.raises(JetxDiagError) as caught:
        load_history(path, **case.options)
    error = caught.value
    message = str(error)
    assert type(error) is case.error, message
    assert case.phrase in message
    assert "\n" not in message
    if case.error is DataError:
        assert message.startswith(f"{path}: ")
        assert error.path == str(path)


def test_mistyped_database_path_is_never_created(tmp_path: Path) -> None:
    for name in ("jetx_data.db", "jetx_data.sqlite", "no_suffix"):
        with pytest.raises(DataError, match="file not found"):
            load_history(tmp_path / name)
    assert list(tmp_path.iterdir()) == []


# --------------------------------------------------------------------------- bad values

ROWS = "1.5\n2\n1.01\n"  # three good rows in every value case


@dataclass(frozen=True)
class ValueCase:
    name: str
    filename: str
    content: str
    rows_read: int
    rows_used: int
    by_reason: dict[str, int]
    where: tuple[str, ...] = ()


VALUE_CASES = [
    ValueCase("underscore", "h.txt", ROWS + "1_000\n", 4, 3, {"not_a_number": 1}, ("line 4",)),
    ValueCase("full-width digits", "h.txt", ROWS + "１．５\n", 4, 3, {"not_a_number": 1}),
    ValueCase("hex", "h.txt", ROWS + "0x10\n", 4, 3, {"not_a_number": 1}),
    ValueCase("comma decimal", "h.txt", ROWS + "1,5\n", 4, 3, {"not_a_number": 1}),
    ValueCase("Infinity", "h.txt", ROWS + "Infinity\n-inf\nNaN\n", 6, 3, {"not_finite": 3}),
    ValueCase("overflow", "h.txt", ROWS + "1e400\n", 4, 3, {"not_finite": 1}),
    ValueCase("below one", "h.txt", ROWS + "0.99\n0\n-3\n", 6, 3, {"below_one": 3}),
    ValueCase(
        "U+2028 pair",
        "h.txt",
        ROWS + "2.29\u20281.29\n",
        4,
        3,
        {"several_numbers": 1},
        ("line 4",),
    ),
    ValueCase("two numbers, a space", "h.txt", "1.5 2.5\n" + ROWS, 4, 3, {"several_numbers": 1}),
    ValueCase(
        "U+2029 is not a line end", "h.txt", ROWS + "2\u20293\n", 4, 3, {"several_numbers": 1}
    ),
    ValueCase("NEL is not a line end", "h.txt", ROWS + "2\x853\n", 4, 3, {"several_numbers": 1}),
    ValueCase("form feed", "h.txt", ROWS + "2\x0c3\n", 4, 3, {"several_numbers": 1}),
    ValueCase("no-break space", "h.txt", ROWS + "\xa01.5\n", 4, 3, {"not_a_number": 1}),
    ValueCase("zero-width space", "h.txt", ROWS + "1.5\u200b\n", 4, 3, {"not_a_number": 1}),
    ValueCase("multiplier suffix", "h.txt", ROWS + "1.5x\n", 4, 3, {"not_a_number": 1}),
    ValueCase("blank lines are not rows", "h.txt", "\n" + ROWS + " \n\t\n", 3, 3, {}, ()),
    ValueCase(
        "empty CSV cell",
        "h.csv",
        'id,value\n1,1.5\n2,\n3," "\n',
        3,
        1,
        {"empty": 2},
        ("line 3 (id 2)", "line 4 (id 3)"),
    ),
    ValueCase(
        "CSV duplicate ids",
        "h.csv",
        "id,value\n1,1.5\n1,1.6\n1,1.7\n2,2\n",
        4,
        2,
        {"duplicate_id": 2},
        ("line 3 (id 1)", "line 4 (id 1)"),
    ),
    ValueCase(
        "CSV ids that are not integers",
        "h.csv",
        "id,value\n1,1.5\n2.5,1.6\nabc,1.7\n99999999999999999999,2\n",
        4,
        1,
        {"bad_id": 3},
    ),
    ValueCase(
        "CSV U+2028 quoted and unquoted",
        "h.csv",
        'value\n"2.29\u20281.29"\n2.29\u20281.29\n1.5\n',
        3,
        1,
        {"several_numbers": 2},
        ("line 2", "line 3"),
    ),
]


@pytest.mark.parametrize("case", VALUE_CASES, ids=[case.name for case in VALUE_CASES])
def test_bad_values_are_accounted_exactly(case: ValueCase, tmp_path: Path) -> None:
    path = tmp_path / case.filename
    path.write_text(case.content, encoding="utf-8", newline="")
    accounting = load_history(path).accounting
    assert accounting.rows_read == case.rows_read
    assert accounting.rows_used == case.rows_used
    assert accounting.rejected_by_reason == case.by_reason
    assert accounting.rows_read == accounting.rows_used + len(accounting.rejected)
    if case.where:
        assert tuple(row.where for row in accounting.rejected) == case.where


def test_sqlite_out_of_order_duplicates_and_gaps_exact(tmp_path: Path) -> None:
    path = tmp_path / "h.db"
    sqlite_file(
        path,
        "CREATE TABLE jetx_results (id INTEGER, value REAL)",
        rows=[(30, 3.0), (10, 1.0), (20, 2.0), (20, 2.5), (11, 1.1), (40, "4.0")],
    )
    history = load_history(path)
    accounting = history.accounting
    assert (accounting.rows_read, accounting.rows_used) == (6, 5)
    assert accounting.rejected_by_reason == {"duplicate_id": 1}
    assert history.ids.tolist() == [10, 11, 20, 30, 40]
    assert history.values.tolist() == [1.0, 1.1, 2.0, 3.0, 4.0]
    assert accounting.notes == (
        "4 rows stored out of id order (processed in id order)",
        "8 ids missing between 11 and 20",
        "9 ids missing between 20 and 30",
        "9 ids missing between 30 and 40",
    )


def test_locked_database_is_a_read_error_not_malformed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sqlite_rounds, "SQLITE_BUSY_TIMEOUT", 0.05)  # do not wait the real 5 s
    path = tmp_path / "h.db"
    sqlite_file(path, "CREATE TABLE jetx_results (id INTEGER PRIMARY KEY, value REAL)")
    writer = sqlite3.connect(path)
    try:
        writer.execute("BEGIN EXCLUSIVE")
        with pytest.raises(DataError) as caught:
            load_history(path)
    finally:
        writer.rollback()
        writer.close()
    assert str(caught.value) == f"{path}: cannot read the SQLite database: database is locked"
