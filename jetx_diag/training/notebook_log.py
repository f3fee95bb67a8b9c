"""Training history from a Jupyter/Colab notebook: the console output its cells kept.

A notebook (``.ipynb``, nbformat 4) stores what a cell printed as ``stream`` outputs, whose
``text`` is a string or a list of strings, often split in many chunks (one per write) with the
``\\r``/``\\b`` redraws of the progress bars still in them. The chunks of every code cell are
joined in cell order and read by :func:`jetx_diag.training.console_log.parse_console`, so a notebook
gives the same stages as the console log of the same run. Messages name the cell and its line.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from jetx_diag.artifacts.strict_json import parse_strict_json
from jetx_diag.errors import ArtifactError, LogError
from jetx_diag.i18n.messages import record
from jetx_diag.training.console_log import ConsoleLog, LogPattern, parse_console

#: Largest notebook read (the outputs of a long run with progress bars stay far below this).
MAX_NOTEBOOK_BYTES = 512 * 1024 * 1024


def is_notebook(path: str | Path) -> bool:
    return Path(path).suffix.lower() == ".ipynb"


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return "".join(value)
    return None


def notebook_streams(document: Any, file: Path) -> list[tuple[int, str]]:
    """``(cell number, text)`` of every stream output, in order (cells numbered from 1)."""
    if not isinstance(document, dict) or not isinstance(document.get("cells"), list):
        raise LogError(record("error.notebook_log.not_jupyter_notebook_no_cells"), path=file)
    major = document.get("nbformat")
    if isinstance(major, int) and not isinstance(major, bool) and major < 4:
        raise LogError(
            record("error.notebook_log.nbformat_notebooks_not_read", major=major),
            path=file,
            hint=record("error.notebook_log.hint_save_v4"),
        )
    streams: list[tuple[int, str]] = []
    for number, cell in enumerate(document["cells"], start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        outputs = cell.get("outputs", [])
        if not isinstance(outputs, list):
            raise LogError(
                record("error.notebook_log.cell_outputs_not_list", number=number), path=file
            )
        for output in outputs:
            if not isinstance(output, dict) or output.get("output_type") != "stream":
                continue
            text = _text(output.get("text"))
            if text is None:
                raise LogError(
                    record("error.notebook_log.cell_stream_output_s_text", number=number), path=file
                )
            streams.append((number, text))
    return streams


def _joined_lines(streams: Sequence[tuple[int, str]]) -> tuple[Iterator[str], list[int], list[int]]:
    """Lines of the cells' output (chunks of a cell joined, cells kept apart), and for messages
    the first line number of each cell's output with that cell's number."""
    starts: list[int] = []
    cells: list[int] = []
    texts: list[str] = []
    line = 1
    for number, text in streams:
        if cells and cells[-1] == number:
            texts[-1] += text
            continue
        if texts:
            line += texts[-1].count("\n") + (0 if texts[-1].endswith("\n") else 1)
        starts.append(line)
        cells.append(number)
        texts.append(text)

    def lines() -> Iterator[str]:
        for text in texts:
            parts = text.split("\n")
            if parts and parts[-1] == "":
                parts.pop()
            for part in parts:
                yield part[:-1] if part.endswith("\r") else part

    return lines(), starts, cells


def read_notebook_log(path: str | Path, *, patterns: Sequence[LogPattern] = ()) -> ConsoleLog:
    """The stages of the training output a notebook kept; a clear error when it kept none."""
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_NOTEBOOK_BYTES:
            raise LogError(
                record("error.notebook_log.notebook_bytes_more_than_tool", size=size), path=file
            )
        data = file.read_bytes()
    except FileNotFoundError:
        raise LogError(record("error.notebook_log.notebook_not_found"), path=file) from None
    except OSError as error:
        raise LogError(
            record("error.notebook_log.cannot_read_notebook", strerror=error.strerror or error),
            path=file,
        ) from None
    try:
        document = parse_strict_json(data, file)
    except ArtifactError as error:
        raise LogError(error.problem, path=file, hint=error.hint) from None
    streams = notebook_streams(document, file)
    if not streams:
        raise LogError(
            record("error.notebook_log.notebook_no_saved_outputs"),
            path=file,
            hint=record("error.notebook_log.hint_run_training_cells_save_notebook"),
        )
    lines, starts, cells = _joined_lines(streams)

    def where(line: int) -> str:
        index = max(0, bisect.bisect_right(starts, line) - 1)
        return record("record.where_cell", cell=cells[index], line=line - starts[index] + 1)

    return parse_console(lines, file, patterns=patterns, where=where)
