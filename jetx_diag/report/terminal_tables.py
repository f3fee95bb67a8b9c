"""Tables on a terminal or in a CI log: side by side when they fit, one record per block when not.

Rich shrinks a table that is wider than the console by cutting cells with an ellipsis
("(175/41…", "Thresh…"): in a CI log at 80 columns that loses the very numbers the report is
about. :func:`print_table` prints the table as is when its narrowest layout fits the width and
otherwise folds it into a vertical layout: each row as a block of ``header: value`` lines, every
cell whole.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table
from rich.text import Text


def _plain(cell: object) -> str:
    return cell.plain if isinstance(cell, Text) else str(cell)


def fits(console: Console, table: Table) -> bool:
    """Whether ``table`` fits the console's width without splitting a word of any cell."""
    return table.__rich_measure__(console, console.options).minimum <= console.width


def print_table(console: Console, table: Table) -> None:
    """Print ``table`` side by side when it fits ``console``; otherwise one block per row."""
    if fits(console, table):  # measured with whole words: numbers are never split
        for column in table.columns:
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
