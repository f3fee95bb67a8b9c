"""Tables on a terminal or in a CI log: side by side when they fit, one record per block when not.

Rich shrinks a table that is wider than the console by cutting cells with an ellipsis
("(175/41…", "Thresh…"): in a CI log at 80 columns that loses the very numbers the report is
about. :func:`print_table` prints the table as is when its narrowest layout fits the width and
otherwise folds it into a vertical layout: each row as a block of ``header: value`` lines, every
cell whole.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.console import Console
from rich.table import Column, Table
from rich.text import Text


def _plain(cell: object) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell)


def _words_and_lines(column: Column) -> tuple[int, int]:
    """The widest word and the widest line of a column's header and cells, in cells."""
    texts = [_plain(column.header), *(_plain(cell) for cell in column.cells)]
    lines = [line for text in texts for line in text.splitlines()] or [""]
    word = max((cell_len(w) for line in lines for w in line.split()), default=1)
    return max(1, word), max(1, max(cell_len(line) for line in lines))


def whole_word_widths(table: Table, width: int) -> list[int] | None:
    """Column widths that fit ``width`` with no word split, or ``None`` when there are none:
    start from every column's widest line and narrow the widest column, one cell at a time,
    never below its widest word.

    Rich, left to itself, narrows the widest columns too but below their longest word, and may
    cut a word ("Classificat" / "ion") even when a layout with every word whole fits.
    """
    columns = table.columns
    borders = len(columns) + 1 if table.box is not None else 0
    padding = len(columns) * (table.padding[1] + table.padding[3])
    room = width - borders - padding
    sizes = [_words_and_lines(column) for column in columns]
    floors = [word for word, _ in sizes]
    widths = [line for _, line in sizes]
    if sum(floors) > room:
        return None
    while sum(widths) > room:
        narrowable = [i for i, w in enumerate(widths) if w > floors[i]]
        widest = max(narrowable, key=lambda i: widths[i])
        widths[widest] -= 1
    return widths


def print_table(console: Console, table: Table) -> None:
    """Print ``table`` side by side when it fits ``console`` with every word whole (numbers
    are never split); otherwise one block per row."""
    widths = whole_word_widths(table, console.width)
    if widths is not None:
        for column, content in zip(table.columns, widths, strict=True):
            column.width = content
            column.overflow = "fold"  # and never an ellipsis
        console.print(table)
        return
    if table.title is not None:
        console.print(table.title if isinstance(table.title, Text) else Text(str(table.title)))
    headers = [_plain(column.header) for column in table.columns]
    rows = list(zip(*(list(column.cells) for column in table.columns), strict=True))
    for row, options in zip(rows, table.rows, strict=True):
        # The row's style (a missed target's red) goes on every line of its block, and each
        # cell keeps its own: folding changes the layout, not what the colours say.
        style = options.style or ""
        first, *rest = row
        console.print(Text(_plain(first), style="bold"), style=style)
        for header, cell in zip(headers[1:], rest, strict=True):
            line = Text(f"  {header}: ")
            line.append(cell if isinstance(cell, Text) else str(cell))
            console.print(line, style=style)
