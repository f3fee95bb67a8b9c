"""How each language writes the numbers of a finished sentence: ``5.94%`` or ``%5.94``.

Every number is first written once, the English way (``Rate.text()``: ``5.94% (26/438)``, the
same digits the CI gate rounds to). A language's style only moves signs around it, never the
digits: Turkish puts the percent sign before the number as the source document does
(``%5.94``, ``%75+``, ``%4.08–8.56``) and keeps the document's ``.`` decimal point; a rate with
nothing counted reads ``n/a (0/0)`` in English and ``tanımsız (0/0)`` in Turkish. Because the
digits never change, the page, the JSON (English style) and the gate (numbers, not text) agree.

Thousands: both languages group byte sizes and parameter counts with ``,`` as the source
document does ("2,135"); counts of rounds and ids are written without grouping in both, so a
round id reads the same in the report as in the database.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class NumberStyle:
    percent_first: bool  # ``%5.94`` rather than ``5.94%``
    not_available: str  # a rate of 0/0


STYLES: Mapping[str, NumberStyle] = {
    "en": NumberStyle(percent_first=False, not_available="n/a"),
    "tr": NumberStyle(percent_first=True, not_available="tanımsız"),
}

# A percentage as the English style writes it: an optional sign, a number or a range of two,
# then "%". Not inside a word or a longer number (``v2%``, ``1.5%`` inside ``11.5%`` is whole).
_PERCENT = re.compile(
    r"(?<![\w.%])(?P<sign>[−-]?)(?P<low>\d+(?:\.\d+)?)(?:(?P<dash>–)(?P<high>\d+(?:\.\d+)?))?%"
)
_NOT_AVAILABLE = re.compile(r"\bn/a(?= \(\d+/\d+\))")

#: Context keys whose values are data shown verbatim (paths, raw cells, hashes, labels).
VERBATIM_KEYS = frozenset(
    {"png", "data_uri", "filename", "href", "raw", "key", "sha256", "path", "label", "id"}
)


def _percent_first(match: re.Match[str]) -> str:
    number = match["low"] if match["high"] is None else f"{match['low']}–{match['high']}"
    return f"{match['sign']}%{number}"


def styled(text: str, lang: str) -> str:
    """``text`` with its numbers written in ``lang``'s style (English text is returned as is)."""
    style = STYLES.get(lang)
    if style is None or lang == "en":
        return text
    if style.percent_first:
        text = _PERCENT.sub(_percent_first, text)
    return _NOT_AVAILABLE.sub(style.not_available, text)


def styled_context(value: Any, lang: str) -> Any:
    """A page context with every display string in ``lang``'s number style.

    Data shown verbatim is left alone: the values under :data:`VERBATIM_KEYS`, and a row's
    ``value``/``items`` when the row marks them as ``code``.
    """
    if lang == "en":
        return value
    if isinstance(value, str):
        return styled(value, lang)
    if isinstance(value, list):
        return [styled_context(item, lang) for item in value]
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            verbatim = key in VERBATIM_KEYS or (key in ("value", "items") and value.get("code"))
            out[key] = item if verbatim else styled_context(item, lang)
        return out
    return value
