"""History loading: strict parsing and the exact accounting of every row."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from jetx_diag import numbers
from jetx_diag.errors import DataError, UsageError
from jetx_diag.history import accounting
from jetx_diag.history.accounting import History
from jetx_diag.history.rounds import history_from_values, load_history
from jetx_diag.results import DataAccounting, from_dict, to_dict

REAL_DB = Path(__file__).resolve().parents[3] / "shared" / "data" / "jetx_data.db"
if not REAL_DB.exists():
    REAL_DB = Path("/work/shared/data/jetx_data.db")

U2028 = "\u2028"


def make_db(path: Path, rows: list[tuple[object, object]], schema: str | None = None) -> Path:
    """A SQLite history; the default schema has an untyped value column so text stays text."""
    with sqlite3.connect(path) as connection:
        connection.execute(schema or "CREATE TABLE jetx_results (id INTEGER PRIMARY KEY, value)")
        connection.executemany("INSERT INTO jetx_results VALUES (?, ?)", rows)
    connection.close()
    return path


def reasons(history: History) -> dict[str, int]:
    return history.accounting.rejected_by_reason


# --------------------------------------------------------------------------- strict numbers

PARSE_CASES = [
    ("1.5", 1.5, None),
    ("2", 2.0, None),
    ("1e3", 1000.0, None),
    ("2.5E+0", 2.5, None),
    ("+1.25", 1.25, None),
    ("1.", 1.0, None),
    ("1.00", 1.0, None),
    (" \t1.5 ", 1.5, None),
    ("0.99999999999999999999", None, numbers.BELOW_ONE),  # a float would round it to 1.0
    (".5", None, numbers.BELOW_ONE),
    ("0.5", None, numbers.BELOW_ONE),
    ("-2", None, numbers.BELOW_ONE),
    ("0", None, numbers.BELOW_ONE),
    ("1_000", None, numbers.NOT_A_NUMBER),
    ("１．５", None, numbers.NOT_A_NUMBER),  # full-width digits, which float() accepts
    ("٣", None, numbers.NOT_A_NUMBER),  # Arabic-Indic three, which float() accepts
    ("0x10", None, numbers.NOT_A_NUMBER),
    ("1,5", None, numbers.NOT_A_NUMBER),
    ("1.5x", None, numbers.NOT_A_NUMBER),
    ("x1.5", None, numbers.NOT_A_NUMBER),
    ("1.5 abc", None, numbers.NOT_A_NUMBER),
    ("\xa01.5", None, numbers.NOT_A_NUMBER),  # a no-break space is junk, not padding
    ("1.5\n", None, numbers.NOT_A_NUMBER),
    ("abc", None, numbers.NOT_A_NUMBER),
    ("Infinity", None, numbers.NOT_FINITE),
    ("inf", None, numbers.NOT_FINITE),
    ("-INF", None, numbers.NOT_FINITE),
    ("nan", None, numbers.NOT_FINITE),
    ("1e999", None, numbers.NOT_FINITE),
    ("", None, numbers.EMPTY),
    (" \t ", None, numbers.EMPTY),
    (None, None, numbers.NULL),
    ("2.29" + U2028 + "1.29", None, numbers.SEVERAL_NUMBERS),
    ("1.5 2", None, numbers.SEVERAL_NUMBERS),
    ("1.5\xa0inf", None, numbers.SEVERAL_NUMBERS),
    ("1.5\r\n2", None, numbers.SEVERAL_NUMBERS),
    (0.5, None, numbers.BELOW_ONE),
    (float("inf"), None, numbers.NOT_FINITE),
    (float("nan"), None, numbers.NOT_FINITE),
    (3, 3.0, None),
    (10**400, None, numbers.NOT_FINITE),
    (True, None, numbers.NOT_A_NUMBER),
    (b"1.5", None, numbers.NOT_A_NUMBER),
]


@pytest.mark.parametrize(("raw", "value", "reason"), PARSE_CASES)
def test_parse_multiplier(raw: object, value: float | None, reason: str | None) -> None:
    assert numbers.parse_multiplier(raw) == (value, reason)


def test_every_reason_code_is_explained() -> None:
    codes = {reason for _, _, reason in PARSE_CASES if reason} | {
        accounting.DUPLICATE_ID,
        accounting.BAD_ID,
    }
    assert codes == set(accounting.REJECTION_REASONS)
    assert all(text and text[0].islower() for text in accounting.REJECTION_REASONS.values())


@pytest.mark.parametrize(
    ("cell", "shown"),
    [
        ("2.29" + U2028 + "1.29", "'2.29\\u20281.29'"),
        ("değer", "'değer'"),  # readable letters stay readable
        ("a\tb\x00", "'a\\tb\\x00'"),
        ("", "''"),
        (None, "NULL"),
        (0.5, "0.5"),
        (float("inf"), "inf"),
        (b"\xff1", "b'\\xff1'"),
        ("x" * 100, "'" + "x" * 60 + "'… (100 chars)"),
    ],
)
def test_show_raw_keeps_invisible_characters_visible(cell: object, shown: str) -> None:
    assert accounting.show_raw(cell) == shown


# --------------------------------------------------------------------------- SQLite


def test_sqlite_accounting_by_reason(tmp_path: Path) -> None:
    cells = [1.5, "2.29" + U2028 + "1.29", None, "abc", 0.5, "inf", 2.0, "3.25", 10, 1.0]
    db = make_db(tmp_path / "h.db", list(enumerate(cells, start=1)))
    history = load_history(db)
    acc = history.accounting
    assert history.kind == "sqlite"
    assert (acc.rows_read, acc.rows_used, len(acc.rejected)) == (10, 5, 5)
    assert reasons(history) == {
        "below_one": 1,
        "not_a_number": 1,
        "not_finite": 1,
        "null": 1,
        "several_numbers": 1,
    }
    assert [(r.where, r.raw, r.reason) for r in acc.rejected] == [
        ("id 2", "'2.29\\u20281.29'", "several_numbers"),
        ("id 3", "NULL", "null"),
        ("id 4", "'abc'", "not_a_number"),
        ("id 5", "0.5", "below_one"),
        ("id 6", "'inf'", "not_finite"),
    ]
    assert history.values.tolist() == [1.5, 2.0, 3.25, 10.0, 1.0]
    assert history.ids.tolist() == [1, 7, 8, 9, 10]
    assert history.values.dtype == np.float64 and history.ids.dtype == np.int64
    assert "1 text cell held a valid number: used" in acc.notes
    assert history.read_as == "SQLite table 'jetx_results', column 'value', ordered by 'id'"


def test_sqlite_real_infinity_cell_is_not_finite(tmp_path: Path) -> None:
    db = make_db(tmp_path / "h.db", [(1, 1.5), (2, float("inf")), (3, -float("inf"))])
    history = load_history(db)
    assert [(r.raw, r.reason) for r in history.accounting.rejected] == [
        ("inf", "not_finite"),
        ("-inf", "not_finite"),
    ]


def test_sqlite_duplicates_order_and_bad_ids(tmp_path: Path) -> None:
    rows = [(1, 1.5), (2, 1.6), (5, 1.7), (3, 1.8), (3, 1.9), (10, 2.0), (None, 2.1), ("x", 2.2)]
    schema = "CREATE TABLE jetx_results (id, value REAL)"  # no PRIMARY KEY: anything goes
    history = load_history(make_db(tmp_path / "h.db", rows, schema))
    acc = history.accounting
    assert (acc.rows_read, acc.rows_used) == (8, 5)
    assert history.values.tolist() == [1.5, 1.6, 1.8, 1.7, 2.0]  # id order; first id 3 kept
    assert history.ids.tolist() == [1, 2, 3, 5, 10]
    assert [(r.where, r.raw, r.reason) for r in acc.rejected] == [
        ("id 3", "1.9", "duplicate_id"),
        ("row 7 (id NULL)", "2.1", "bad_id"),
        ("row 8 (id 'x')", "2.2", "bad_id"),
    ]
    assert acc.notes == (
        "2 rows stored out of id order (processed in id order)",
        "1 id missing between 3 and 5",
        "4 ids missing between 5 and 10",
    )


def test_sqlite_many_gaps_are_summarised(tmp_path: Path) -> None:
    rows = [(i, 1.5) for i in (1, 3, 5, 7, 9, 20)]
    history = load_history(make_db(tmp_path / "h.db", rows))
    assert history.accounting.notes == (
        "14 ids missing in 5 gaps (largest: 10 ids missing between 9 and 20)",
    )
    assert history.accounting.rejected == ()


def test_sqlite_other_table_column_and_rowid_order(tmp_path: Path) -> None:
    db = tmp_path / "h.sqlite"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE Rounds (crash REAL)")
        connection.executemany("INSERT INTO Rounds VALUES (?)", [(1.2,), (0.9,), (3.4,)])
    connection.close()
    history = load_history(db, table="rounds", column="CRASH")  # identifiers are case-blind
    assert history.values.tolist() == [1.2, 3.4]
    assert history.ids.tolist() == [1, 3]
    assert history.accounting.notes == ("no 'id' column: rounds ordered by rowid (storage order)",)
    assert history.read_as == "SQLite table 'Rounds', column 'crash', ordered by rowid"


def test_sqlite_is_opened_read_only(tmp_path: Path) -> None:
    db = make_db(tmp_path / "h.db", [(1, 1.5), (2, 2.5)])
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    load_history(db)
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["h.db"]  # no journal, no WAL


def test_sqlite_mistyped_path_creates_nothing(tmp_path: Path) -> None:
    missing = tmp_path / "jetx_dta.db"
    with pytest.raises(DataError, match="file not found") as caught:
        load_history(missing)
    assert str(missing) in str(caught.value)
    assert not missing.exists()
    assert list(tmp_path.iterdir()) == []


def test_sqlite_path_with_uri_characters(tmp_path: Path) -> None:
    folder = tmp_path / "a?b#c d%20"
    folder.mkdir()
    db = make_db(folder / "h.db", [(1, 1.5)])
    assert load_history(db).values.tolist() == [1.5]


@pytest.mark.skipif(not REAL_DB.exists(), reason="the shared real history is not present")
def test_real_history_accounting() -> None:
    history = load_history(REAL_DB)
    acc = history.accounting
    assert (acc.rows_read, acc.rows_used) == (10_458, 10_456)
    assert [(r.where, r.raw, r.reason) for r in acc.rejected] == [
        ("id 6281", "'2.29\\u20281.29'", "several_numbers"),
        ("id 7266", "'1.57\\u20281.36'", "several_numbers"),
    ]
    assert acc.notes == ()
    assert history.ids[0] == 1 and history.ids[-1] == 10_458
    assert 6281 not in history.ids and 7266 not in history.ids
    assert history.values.min() == 1.0


# --------------------------------------------------------------------------- CSV


def test_csv_with_id_column(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    text = 'id,value\r\n1,1.5\r\n2,"2.29\u20281.29"\r\n\r\n3,abc\r\n4,0.5\r\n5, 2 \r\n'
    path.write_bytes(b"\xef\xbb\xbf" + text.encode())  # with a BOM
    history = load_history(path)
    acc = history.accounting
    assert history.kind == "csv"
    assert (acc.rows_read, acc.rows_used) == (5, 2)
    assert history.values.tolist() == [1.5, 2.0]
    assert history.ids.tolist() == [1, 5]
    assert [(r.where, r.raw, r.reason) for r in acc.rejected] == [
        ("line 3 (id 2)", "'2.29\\u20281.29'", "several_numbers"),
        ("line 5 (id 3)", "'abc'", "not_a_number"),
        ("line 6 (id 4)", "'0.5'", "below_one"),
    ]
    assert acc.notes == ("1 blank line skipped (line 4)",)
    assert history.read_as == "CSV column 'value', ordered by column 'id'"


def test_csv_u2028_inside_a_cell_is_one_row(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("value\n2.29\u20281.29\n1.5\n", encoding="utf-8")
    history = load_history(path)
    assert history.accounting.rows_read == 2
    assert history.ids.tolist() == [3]  # line numbers: the U+2028 did not start a line
    assert history.accounting.rejected[0].where == "line 2"


def test_csv_quoted_newline_keeps_line_numbers_right(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text('value\n"1.5\n2.0"\n3\n\n\n4\n', encoding="utf-8")
    history = load_history(path)
    acc = history.accounting
    assert [(r.where, r.raw, r.reason) for r in acc.rejected] == [
        ("line 2", "'1.5\\n2.0'", "several_numbers")
    ]
    assert history.ids.tolist() == [4, 7]
    assert acc.notes == ("2 blank lines skipped (lines 5, 6)",)


def test_csv_only_column_with_another_name(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("multiplier\n1.5\n2\n", encoding="utf-8")
    history = load_history(path)
    assert history.values.tolist() == [1.5, 2.0]
    assert history.accounting.notes == (
        "column 'multiplier' is the only column: used as the values",
    )


def test_csv_value_column_among_others_without_id(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("time,Value,note\n12:00,1.5,a\n12:01,1_000,b\n", encoding="utf-8")
    history = load_history(path)
    assert history.values.tolist() == [1.5]
    assert history.ids.tolist() == [2]
    assert [(r.where, r.reason) for r in history.accounting.rejected] == [
        ("line 3", "not_a_number")
    ]


def test_csv_duplicate_and_bad_ids(tmp_path: Path) -> None:
    path = tmp_path / "h.csv"
    path.write_text("id,value\n2,1.5\n1,1.6\n2,1.7\n,1.8\n4.0,1.9\n", encoding="utf-8")
    history = load_history(path)
    assert history.values.tolist() == [1.6, 1.5]
    assert [(r.where, r.reason) for r in history.accounting.rejected] == [
        ("line 4 (id 2)", "duplicate_id"),
        ("line 5 (id '')", "bad_id"),
        ("line 6 (id '4.0')", "bad_id"),
    ]
    # Stored ids 2, 1, 2: only the 1 comes after a larger id; the second 2 is a duplicate.
    assert history.accounting.notes == ("1 row stored out of id order (processed in id order)",)


# --------------------------------------------------------------------------- text


def test_text_one_multiplier_per_line(tmp_path: Path) -> None:
    path = tmp_path / "h.txt"
    path.write_bytes("1.5\r\n2.29\u20281.29\r\n\r\n 3 \n1_000\n１．５\n0x10\n1.01".encode())
    history = load_history(path)
    acc = history.accounting
    assert history.kind == "text"
    assert (acc.rows_read, acc.rows_used) == (7, 3)
    assert history.values.tolist() == [1.5, 3.0, 1.01]
    assert history.ids.tolist() == [1, 4, 8]
    assert [(r.where, r.reason) for r in acc.rejected] == [
        ("line 2", "several_numbers"),
        ("line 5", "not_a_number"),
        ("line 6", "not_a_number"),
        ("line 7", "not_a_number"),
    ]
    assert acc.notes == ("1 blank line skipped (line 3)",)


def test_text_with_bom_and_no_suffix(tmp_path: Path) -> None:
    path = tmp_path / "rounds"
    path.write_bytes(b"\xef\xbb\xbf1.5\n2.5\n")
    history = load_history(path)
    assert history.kind == "text"
    assert history.values.tolist() == [1.5, 2.5]


def test_first_line_nan_is_data_not_a_header(tmp_path: Path) -> None:
    path = tmp_path / "h.txt"
    path.write_text("nan\n1.5\n", encoding="utf-8")
    history = load_history(path)
    assert history.kind == "text"
    assert reasons(history) == {"not_finite": 1}


# --------------------------------------------------------------------------- limits


def test_strict_turns_a_rejection_into_an_error(tmp_path: Path) -> None:
    path = tmp_path / "h.txt"
    path.write_text("1.5\n2\nabc\n0.5\n", encoding="utf-8")
    assert load_history(path).accounting.rows_used == 2
    with pytest.raises(DataError) as caught:
        load_history(path, strict=True)
    message = str(caught.value)
    assert message.startswith(f"{path}: 2 of 4 rows rejected")
    assert "first: line 3 'abc' (not_a_number)" in message
    assert "strict" in message


def test_max_rejected_share(tmp_path: Path) -> None:
    path = tmp_path / "h.txt"
    path.write_text("1.5\n" * 9 + "abc\n", encoding="utf-8")
    assert load_history(path, max_rejected_share=0.1).accounting.rows_used == 9  # equal: ok
    with pytest.raises(DataError) as caught:
        load_history(path, max_rejected_share=0.05)
    assert "10.00% (1/10) of rows rejected, more than the allowed 5%" in str(caught.value)
    with pytest.raises(UsageError, match="between 0 and 1"):
        load_history(path, max_rejected_share=1.5)


# --------------------------------------------------------------------------- History


def test_history_from_values_accounts_like_a_file() -> None:
    source = np.array([1.5, 0.5, 2.0, np.inf])
    history = history_from_values(source)
    assert history.values.tolist() == [1.5, 2.0]
    assert history.ids.tolist() == [0, 2]
    assert [(r.where, r.raw, r.reason) for r in history.accounting.rejected] == [
        ("index 1", "0.5", "below_one"),
        ("index 3", "inf", "not_finite"),
    ]
    mixed = history_from_values(["1.5", None, 3, "x"], source="typed")
    assert mixed.values.tolist() == [1.5, 3.0]
    assert mixed.accounting.source == "typed" and mixed.kind == "memory"


def test_history_from_values_refuses_a_2d_array() -> None:
    with pytest.raises(ValueError, match="1-D"):
        history_from_values(np.ones((2, 2)))


def test_history_arrays_are_read_only_private_copies() -> None:
    source = np.array([1.5, 2.0])
    history = history_from_values(source)
    source[0] = 99.0
    assert history.values[0] == 1.5
    with pytest.raises(ValueError):
        history.values[0] = 3.0
    with pytest.raises(ValueError):
        history.ids[0] = 3


def test_history_refuses_broken_invariants() -> None:
    accounting = DataAccounting(source="x", rows_read=2, rows_used=2, rejected=())
    with pytest.raises(ValueError, match="finite"):
        History(np.array([1.5, 0.5]), np.array([1, 2]), accounting, "x", "memory")
    with pytest.raises(ValueError, match="increasing"):
        History(np.array([1.5, 1.5]), np.array([2, 2]), accounting, "x", "memory")
    with pytest.raises(ValueError, match="rows_used"):
        History(np.array([1.5]), np.array([1]), accounting, "x", "memory")


def test_no_usable_rounds_is_an_error() -> None:
    with pytest.raises(DataError, match="no usable rounds: all 2 rows rejected"):
        history_from_values(["a", 0.5], source="typed")


def test_accounting_serialises(tmp_path: Path) -> None:
    db = make_db(tmp_path / "h.db", [(1, 1.5), (2, "2.29" + U2028 + "1.29"), (4, None)])
    accounting = load_history(db).accounting
    assert from_dict(DataAccounting, to_dict(accounting)) == accounting
