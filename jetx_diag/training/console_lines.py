"""Keras console output line by line: bytes become the lines a terminal showed (ANSI colours
dropped, ``\r``/``\b`` redraws replayed, each line bounded), and a progress line
(``6/6 ━━━━ … - loss: 0.7``) becomes its step count and, once complete, its metrics.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import BinaryIO

#: Longest stretch of one line kept while it has no newline (a redraw loop that never ends one).
MAX_LINE = 1 << 20

_ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]")
_TOKENS = re.compile(r"\r|\x08+|[^\r\x08]+")
# "6/6 [=====] - …", "6/6 ━━━━ …", "10/Unknown …". Keras pads the step count to the width of
# the total, so in tf_keras' newline-less redraws ("…0.75002/6 [") the count is its last digits.
_PROGRESS = re.compile(r"(\d+)/(\d+|Unknown)\s+(?=\[[=>.]*\]|━|-\s|\d)")
_METRIC = re.compile(r"(?:^|\s)-\s+([A-Za-z_][\w./]*):\s+(\S+)")


def render_line(raw: str) -> str:
    """A line as a terminal shows it: ANSI codes dropped, ``\\r`` and ``\\b`` replayed.

    After the last carriage return only the last drawing is read when it holds no backspace.
    """
    cut = raw.rfind("\r")
    if cut >= 0 and "\x08" not in raw[cut:]:
        tail = raw[cut + 1 :]
        if tail.strip():
            # The common case, a progress bar redrawn in place: what is on screen is its last
            # drawing (Keras pads each drawing to cover the one before), so only that is read.
            raw = tail
    text = _ANSI.sub("", raw) if "\x1b" in raw else raw
    if "\r" not in text and "\x08" not in text:
        return text.rstrip()
    screen: list[str] = []
    cursor = 0
    for token in _TOKENS.findall(text):
        if token == "\r":
            cursor = 0
        elif token[0] == "\x08":
            cursor = max(0, cursor - len(token))
        else:
            end = cursor + len(token)
            if cursor > len(screen):
                screen.extend(" " * (cursor - len(screen)))
            screen[cursor:end] = token
            cursor = end
    return "".join(screen).rstrip()


def read_lines(handle: BinaryIO) -> Iterator[str]:
    """Decoded lines of a byte stream, each at most :data:`MAX_LINE` characters kept."""
    pending = b""
    while True:
        chunk = handle.readline(MAX_LINE)
        if not chunk:
            if pending:
                yield pending.decode("utf-8", errors="replace")
            return
        if not chunk.endswith(b"\n"):
            pending += chunk
            if len(pending) > MAX_LINE:
                # A line that never ends: only its last redraw can matter.
                cut = pending.rfind(b"\r", 0, len(pending) - 1)
                pending = pending[cut + 1 :] if cut >= 0 else pending[-MAX_LINE // 4 :]
                pending = pending[-MAX_LINE:]
            continue
        line = pending + chunk[:-1]
        yield (line[:-1] if line.endswith(b"\r") else line).decode("utf-8", errors="replace")
        pending = b""


def parse_float(text: str) -> float | str:
    cleaned = text.strip().rstrip(".,;")
    try:
        return float(cleaned)
    except ValueError:
        return text


@dataclass
class Progress:
    current: int
    total: int | None
    complete: bool
    metrics: dict[str, float | str]


def parse_progress(line: str) -> Progress | None:
    matches = list(_PROGRESS.finditer(line))
    if not matches:
        return None
    last = matches[-1]
    raw_current, raw_total = last.group(1), last.group(2)
    total = None if raw_total == "Unknown" else int(raw_total)
    if total is not None and len(raw_current) > len(raw_total):
        raw_current = raw_current[-len(raw_total) :]
    current = int(raw_current)
    if total is not None and (total == 0 or current > total):
        return None
    tail = line[last.end() :]
    head, _, _ = tail.partition(" - ")
    complete = "ETA" not in head and (total is None or current == total)
    if not complete:
        return Progress(current, total, False, {})  # its numbers are never used
    metrics = {key: parse_float(value) for key, value in _METRIC.findall(tail)}
    metrics.pop("ETA", None)
    return Progress(current, total, complete, metrics)
