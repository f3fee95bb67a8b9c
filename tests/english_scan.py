"""The scan for English left in Turkish text: common English words that are not Turkish words and
not the document's kept English terms."""

from __future__ import annotations

import re

from jetx_diag.i18n.messages import recorded_as

#: Common English words that are not Turkish words and not the document's kept English terms
#: ("Threshold Accuracy", "Confusion Matrix", "checkpoint", "epoch", "bias", "class weight").
_WORDS = """
    the and of is are not with from which than was were been this that these those kept fits
    logged input samples every only when where would could should has have had for by on at
    to as it its be an or but none missed met held stopped past peak epochs weights file files
    other columns found used between rows rounds round above below ignored missing skipped read
    usable evaluated shown there no yes more less than before after because without into over
    under same each per rate share calls called bets lost won ended reached beats chance
    line cell output index row scaler's saved loaded results differ checked against
"""
ENGLISH = frozenset(_WORDS.split())

#: Visible text allowed to hold an English word: names the document itself keeps in English.
KEPT = ("Threshold Accuracy", "Classification Accuracy", "Confusion Matrix")


def english_in(blocks: list[str]) -> list[tuple[str, list[str]]]:
    found = []
    for block in blocks:
        text = block
        for kept in KEPT:
            text = text.replace(kept, "")
        words = [w for w in re.findall(r"\w+(?:'\w+)?", text) if w.lower() in ENGLISH]
        if words:
            found.append((block, words))
    return found


def quoted_data(text: str) -> list[str]:
    """The data a catalog sentence quotes (file names, numbers, other libraries' own messages):
    its field values that are not catalog sentences themselves, found at any depth, also in a
    ``"<file>: <sentence>"`` or ``"<sentence> (<hint>)"`` text."""
    text = " ".join(text.splitlines())
    found = recorded_as(text)
    if found is not None:
        data: list[str] = []
        for value in found[1].values():
            data += quoted_data(value) if _is_sentence(value) else [value]
        return data
    head, colon, rest = text.partition(": ")
    if colon and _is_sentence(rest):
        return [head, *quoted_data(rest)]
    if text.endswith(")") and " (" in text:
        problem, _, hint = text[:-1].rpartition(" (")
        if _is_sentence(problem) and _is_sentence(hint):
            return [*quoted_data(problem), *quoted_data(hint)]
    return [text]


def _is_sentence(text: str) -> bool:
    if recorded_as(text) is not None:
        return True
    _, colon, rest = text.partition(": ")
    return bool(colon) and _is_sentence(rest)
