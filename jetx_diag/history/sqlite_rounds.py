"""A SQLite table of rounds read into a :class:`~jetx_diag.history.accounting.History`: read
only, with a deadline on every query, ordered by the id column or ``rowid``.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Sequence
from contextlib import closing
from pathlib import Path

from jetx_diag.errors import DataError
from jetx_diag.history.accounting import History, account_rows, show_raw
from jetx_diag.i18n.messages import record as record_text

#: Seconds to wait for a writer (e.g. a live scraper) to release its lock before giving up.
SQLITE_BUSY_TIMEOUT = 5.0
#: Seconds all queries on one history may take: a view over a recursive CTE can run forever.
SQLITE_QUERY_DEADLINE = 120.0
#: SQLite virtual-machine steps between two looks at the clock.
_PROGRESS_STEPS = 10_000


def _quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def load_sqlite(path: Path, *, table: str, column: str, id_column: str) -> History:
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
                raise DataError(
                    record_text(
                        "error.sqlite_rounds.no_table_tables",
                        table=f"{table!r}",
                        listed=", ".join(tables),
                    )
                    if tables
                    else record_text("error.sqlite_rounds.no_table_no_tables", table=f"{table!r}"),
                    path=path,
                    hint=record_text("error.sqlite_rounds.hint_use_table"),
                )
            qtable = _quote_identifier(table_name)
            columns = [row[1] for row in connection.execute(f"PRAGMA table_info({qtable})")]
            value_name = _match_name(column, columns)
            if value_name is None:
                raise DataError(
                    record_text(
                        "error.sqlite_rounds.table_no_column_columns",
                        table_name=f"{table_name!r}",
                        column=f"{column!r}",
                        columns=", ".join(columns),
                    ),
                    path=path,
                    hint=record_text("error.sqlite_rounds.hint_use_column"),
                )
            id_name = _match_name(id_column, columns)
            notes: list[str] = []
            no_order = DataError(
                record_text(
                    "error.sqlite_rounds.no_column_no_rowid_order",
                    table_name=f"{table_name!r}",
                    id_column=f"{id_column!r}",
                    columns=", ".join(columns),
                ),
                path=path,
                hint=record_text("error.sqlite_rounds.hint_name_column_orders_rounds"),
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
                record_text(
                    "error.sqlite_rounds.reading_table_took_longer_than",
                    sqlite_query_deadline=f"{SQLITE_QUERY_DEADLINE:g}",
                ),
                path=path,
                hint=record_text("error.sqlite_rounds.hint_point_table_plain_table_rounds"),
            ) from None
        # The file may be fine: locked by a writer, or not readable by this user.
        raise DataError(
            record_text("error.sqlite_rounds.cannot_read_sqlite_database", error=error), path=path
        ) from None
    except sqlite3.DatabaseError as error:
        # "file is not a database", "database disk image is malformed": the bytes are wrong.
        raise DataError(
            record_text("error.sqlite_rounds.malformed_sqlite_database", error=error), path=path
        ) from None
    if not rows:
        raise DataError(
            record_text("error.sqlite_rounds.table_empty", table_name=f"{table_name!r}"), path=path
        )
    ids = [row[0] for row in rows]
    cells = [row[1] for row in rows]
    by = "rowid" if id_name is None else repr(id_name)
    return account_rows(
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
