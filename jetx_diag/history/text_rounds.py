"""CSV files and text files of one multiplier per line read into a
:class:`~jetx_diag.history.accounting.History`: every line placed by its number, blank lines
noted, a U+2028 inside a cell never taken for a line break.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from jetx_diag import numbers
from jetx_diag.errors import DataError
from jetx_diag.history.accounting import History, account_rows, show_raw
from jetx_diag.i18n.messages import record as record_text

_INT_RE = re.compile(r"[ \t]*[+-]?[0-9]+[ \t]*")


def load_csv(path: Path, text: str, *, column: str, id_column: str) -> History:
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
                extra = len(record) > len(header)
                raise DataError(
                    record_text(
                        "error.text_rounds.line_fields_extra"
                        if extra
                        else "error.text_rounds.line_fields_missing",
                        start=start,
                        record_count=len(record),
                        header_count=len(header),
                    ),
                    path=path,
                )
            lines.append(start)
            cells.append(record[value_index])
            if id_index >= 0:
                id_cells.append(record[id_index])
    except csv.Error as error:
        raise DataError(
            record_text("error.text_rounds.line_bad_csv", line_num=reader.line_num, error=error),
            path=path,
        ) from None
    assert header is not None  # the caller checked that a non-blank line exists
    if not cells:
        raise DataError(
            record_text("error.text_rounds.no_rows_below_header_line", header_line=header_line),
            path=path,
        )
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

    return account_rows(
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
            record_text(
                "error.text_rounds.no_header_line_line_holds",
                line=line,
                show_raw=show_raw(",".join(header)),
            ),
            path=path,
            hint=record_text("error.text_rounds.hint_add_first_line_naming_columns", column=column),
        )
    folded = [name.lower() for name in header]
    duplicates = sorted({name for name in folded if folded.count(name) > 1})
    if duplicates:
        raise DataError(
            record_text(
                "error.text_rounds.line_header_repeats_columns",
                line=line,
                count=len(duplicates),
                duplicates=", ".join(duplicates),
            ),
            path=path,
        )
    if column.lower() in folded:
        value_index = folded.index(column.lower())
    elif len(header) == 1:
        value_index = 0
    else:
        raise DataError(
            record_text(
                "error.text_rounds.no_column_header_line_columns",
                column=f"{column!r}",
                line=line,
                header=", ".join(header),
            ),
            path=path,
            hint=record_text("error.text_rounds.hint_name_multiplier_column_value_use"),
        )
    id_index = folded.index(id_column.lower()) if id_column.lower() in folded else -1
    if id_index == value_index:
        id_index = -1
    return value_index, id_index


def _parse_id(cell: str) -> int | None:
    if _INT_RE.fullmatch(cell) is None:
        return None
    return int(cell)


def load_text(path: Path, text: str) -> History:
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
    return account_rows(
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
