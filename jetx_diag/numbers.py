"""Strict parsing of one multiplier cell.

Python's ``float()`` is far too forgiving for data typed or scraped by hand: it accepts
``1_000``, full-width digits (``１．５``), ``Infinity``, ``nan`` and surrounding Unicode
whitespace. A history value must instead be written the way a person writes a multiplier:

- ASCII digits with an optional ``.`` and fraction (``2``, ``1.5``, ``1.``, ``.5``),
  an optional leading sign, and an optional exponent (``1e3``, ``2.5E-1``);
- optionally padded with ASCII spaces or tabs (common in hand-aligned CSV), nothing else.

Everything else is rejected with a reason code (module constants below, explained in
:data:`REJECTION_REASONS`). The reason order is fixed: ``null``, ``empty``, ``several_numbers``,
``not_finite``, ``not_a_number``, ``below_one``.
"""

from __future__ import annotations

import math
import re
from decimal import Decimal

#: The cell holds no value at all (SQL NULL).
NULL = "null"
#: The cell is an empty string or only spaces/tabs.
EMPTY = "empty"
#: The cell is not a number in strict ASCII decimal syntax.
NOT_A_NUMBER = "not_a_number"
#: Two or more valid numbers separated by whitespace (any Unicode whitespace, e.g. U+2028).
SEVERAL_NUMBERS = "several_numbers"
#: The cell says inf/Infinity/nan, or a number too large for a float.
NOT_FINITE = "not_finite"
#: A number below 1.00, which no crash round can end at.
BELOW_ONE = "below_one"

#: An English explanation per reason code produced by :func:`parse_multiplier`.
REJECTION_REASONS: dict[str, str] = {
    NULL: "the cell holds no value (NULL)",
    EMPTY: "the cell is empty or only spaces",
    NOT_A_NUMBER: (
        "not a number in plain ASCII decimal syntax (no 1_000, 0x10, comma decimals, "
        "full-width digits or surrounding text)"
    ),
    SEVERAL_NUMBERS: (
        "several numbers in one cell, separated by whitespace or a line separator such as U+2028"
    ),
    NOT_FINITE: "not a finite number (inf, Infinity, nan, or too large for a float)",
    BELOW_ONE: "below 1.00, which no round can end at",
}

# [0-9] and not \d: \d would also match Arabic-Indic or full-width digits.
_NUMBER = r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?"
_NUMBER_RE = re.compile(rf"[ \t]*({_NUMBER})[ \t]*")
_TOKEN_RE = re.compile(_NUMBER)
_NON_FINITE_RE = re.compile(r"[+-]?(?:inf|infinity|nan)", re.IGNORECASE)


def parse_multiplier(raw: object) -> tuple[float | None, str | None]:
    """``(value, None)`` for a valid multiplier, else ``(None, reason_code)``.

    Accepts ``None`` (a NULL cell), ``str``, ``int`` and ``float`` (numeric database cells);
    anything else (bytes, bool, …) is ``not_a_number``.
    """
    if raw is None:
        return None, NULL
    if isinstance(raw, bool):
        return None, NOT_A_NUMBER
    if isinstance(raw, float):
        return check_multiplier(raw)
    if isinstance(raw, int):
        try:
            return check_multiplier(float(raw))
        except OverflowError:  # an integer beyond the float range
            return None, NOT_FINITE
    if not isinstance(raw, str):
        return None, NOT_A_NUMBER
    match = _NUMBER_RE.fullmatch(raw)
    if match is not None:
        value = float(match.group(1))
        if value == 1.0 and Decimal(match.group(1)) < 1:
            # 0.99999999999999999 rounds to 1.0 as a float, but what was written is below one.
            return None, BELOW_ONE
        return check_multiplier(value)
    if raw.strip(" \t") == "":
        return None, EMPTY
    tokens = raw.split()  # every Unicode whitespace, including U+2028 and U+00A0
    if len(tokens) >= 2 and all(_is_number_token(t) for t in tokens):
        return None, SEVERAL_NUMBERS
    if _NON_FINITE_RE.fullmatch(raw.strip(" \t")):
        return None, NOT_FINITE
    return None, NOT_A_NUMBER


def check_multiplier(value: float) -> tuple[float | None, str | None]:
    """The range check shared by text and numeric cells."""
    if not math.isfinite(value):
        return None, NOT_FINITE
    if value < 1.0:
        return None, BELOW_ONE
    return value, None


def _is_number_token(token: str) -> bool:
    return _TOKEN_RE.fullmatch(token) is not None or _NON_FINITE_RE.fullmatch(token) is not None


def looks_like_number(text: str) -> bool:
    """Whether ``text`` is one number or a non-finite token (used to tell data from a header)."""
    stripped = text.strip(" \t")
    return _is_number_token(stripped)
