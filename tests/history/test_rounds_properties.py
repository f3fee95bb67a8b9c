"""Property-based tests of the history parser and its accounting (hypothesis)."""

from __future__ import annotations

import csv
import io
import math
import sqlite3
import tempfile
from collections import Counter
from pathlib import Path

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from jetx_diag import numbers
from jetx_diag.errors import DataError
from jetx_diag.history.accounting import REJECTION_REASONS
from jetx_diag.history.rounds import history_from_values, load_history

# No NUL: a NUL byte makes the file binary, which is refused before any row is read.
TEXT = st.text(st.characters(blacklist_characters="\x00", blacklist_categories=("Cs",)))
VALID = st.floats(min_value=1.0, allow_nan=False, allow_infinity=False)
CELL = st.one_of(
    st.none(),
    st.floats(),  # includes nan, inf, negatives
    st.integers(min_value=-5, max_value=10**6),
    VALID.map(repr),
    VALID.map(lambda v: f"{v:.2f}"),
    TEXT,
    st.sampled_from(["1_000", "１．５", "0x10", "Infinity", "2.29\u20281.29", "", " ", "1,5"]),
)


@given(st.one_of(TEXT, st.binary(), st.none(), st.floats(), st.integers(), st.booleans()))
def test_parser_never_crashes_and_answers_one_way(raw: object) -> None:
    value, reason = numbers.parse_multiplier(raw)
    assert (value is None) != (reason is None)
    if value is not None:
        assert math.isfinite(value) and value >= 1.0
    else:
        assert reason in numbers.REJECTION_REASONS


@given(TEXT)
def test_accepted_text_is_what_float_reads(raw: str) -> None:
    value, _ = numbers.parse_multiplier(raw)
    if value is not None:
        assert raw.strip(" \t").isascii()
        assert float(raw.strip(" \t")) == value


@given(VALID)
def test_valid_floats_round_trip(value: float) -> None:
    assert numbers.parse_multiplier(repr(value)) == (value, None)
    assert numbers.parse_multiplier(f" {value!r}\t") == (value, None)
    assert numbers.parse_multiplier(value) == (value, None)


@given(st.floats(max_value=1.0, exclude_max=True, allow_nan=False, allow_infinity=False))
def test_everything_below_one_is_below_one(value: float) -> None:
    assert numbers.parse_multiplier(repr(value)) == (None, numbers.BELOW_ONE)


@given(st.lists(VALID, min_size=2, max_size=4), st.sampled_from([" ", "\t", "\u2028", "\xa0"]))
def test_joined_numbers_are_several_numbers(values: list[float], separator: str) -> None:
    raw = separator.join(repr(v) for v in values)
    assert numbers.parse_multiplier(raw) == (None, numbers.SEVERAL_NUMBERS)


@given(st.lists(CELL, max_size=60))
def test_accounting_always_adds_up(cells: list[object]) -> None:
    expected = [numbers.parse_multiplier(cell) for cell in cells]
    usable = [value for value, reason in expected if reason is None]
    try:
        history = history_from_values(cells)
    except DataError:
        assert not usable  # refusing is only allowed when nothing is usable
        return
    accounting = history.accounting
    assert accounting.rows_read == len(cells)
    assert accounting.rows_read == accounting.rows_used + len(accounting.rejected)
    assert history.values.tolist() == usable
    assert accounting.rejected_by_reason == dict(Counter(r for _, r in expected if r))
    assert set(accounting.rejected_by_reason) <= set(REJECTION_REASONS)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(st.one_of(st.none(), st.integers(-3, 12)), CELL), min_size=1, max_size=25)
)
def test_sqlite_rounds_follow_ids_and_add_up(rows: list[tuple[int | None, object]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.db"
        with sqlite3.connect(path) as connection:
            connection.execute("CREATE TABLE jetx_results (id, value)")  # no PRIMARY KEY
            connection.executemany("INSERT INTO jetx_results VALUES (?, ?)", rows)
        connection.close()
        try:
            history = load_history(path)
        except DataError as error:
            assert "no usable rounds" in str(error)
            return
    accounting = history.accounting
    assert accounting.rows_read == len(rows)
    assert accounting.rows_read == accounting.rows_used + len(accounting.rejected)
    ids = [row_id for row_id, _ in rows if row_id is not None]
    by_reason = accounting.rejected_by_reason
    assert by_reason.get("bad_id", 0) == len(rows) - len(ids)
    assert by_reason.get("duplicate_id", 0) == len(ids) - len(set(ids))
    assert (np.diff(history.ids) > 0).all()
    # The value kept for an id is the first stored row with that id, when that row is valid.
    first_cell: dict[int, object] = {}
    for row_id, cell in rows:
        if row_id is not None:
            first_cell.setdefault(row_id, cell)
    for row_id, value in zip(history.ids.tolist(), history.values.tolist(), strict=True):
        cell = first_cell[row_id]
        # SQLite stores nan as NULL and Python ints as INTEGER; compare through the parser.
        assert numbers.parse_multiplier(cell) == (value, None)


@settings(max_examples=60, deadline=None)
@given(st.lists(CELL.filter(lambda c: c is not None), min_size=1, max_size=25))
def test_csv_rows_match_the_cells_written(cells: list[object]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(["id", "value"])
    texts = [c if isinstance(c, str) else repr(c) for c in cells]
    writer.writerows([i, text] for i, text in enumerate(texts, start=1))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.csv"
        path.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        expected = [numbers.parse_multiplier(text) for text in texts]
        try:
            history = load_history(path)
        except DataError as error:
            assert all(reason for _, reason in expected), error
            return
    accounting = history.accounting
    assert accounting.rows_read == len(cells)  # U+2028, quotes, newlines: never extra rows
    assert history.values.tolist() == [v for v, r in expected if r is None]
    assert [row.reason for row in accounting.rejected] == [r for _, r in expected if r]
    assert history.ids.tolist() == [i for i, (_, r) in enumerate(expected, start=1) if r is None]


@settings(max_examples=60, deadline=None)
@given(st.lists(TEXT.filter(lambda t: "\n" not in t and "," not in t), max_size=25))
def test_text_file_rows_are_its_nonblank_lines(lines: list[str]) -> None:
    content = "\n".join(["1.5", *lines]) + "\n"  # a number first, so it is read as text
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "h.txt"
        path.write_text(content, encoding="utf-8", newline="")
        history = load_history(path)
    accounting = history.accounting
    rows = [line.removesuffix("\r") for line in ["1.5", *lines]]
    nonblank = [line for line in rows if line.strip(" \t")]
    assert history.kind == "text"
    assert accounting.rows_read == len(nonblank)
    assert accounting.rows_read == accounting.rows_used + len(accounting.rejected)
    assert history.values.tolist() == [
        v for v, _ in map(numbers.parse_multiplier, nonblank) if v is not None
    ]
