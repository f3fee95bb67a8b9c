"""Turkish pages are Turkish: no English sentence in the visible text, the document's numbers.

Every page (report, comparison, run report) is rendered in Turkish from the rich inputs of
``page_fixtures`` (all sections present, rejected rows, data and training notes, metadata
warnings). Visible text is what a reader sees: everything except code spans (paths, column
names, raw cells), the stylesheet and attribute values.
"""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest

XHTML = "{http://www.w3.org/1999/xhtml}"

#: Common English words that are not Turkish words and not the document's kept English terms
#: ("Threshold Accuracy", "Confusion Matrix", "checkpoint", "epoch", "bias", "class weight").
_WORDS = """
    the and of is are not with from which than was were been this that these those kept fits
    logged input samples every only when where would could should has have had for by on at
    to as it its be an or but none missed met held stopped past peak epochs weights file files
    other columns found used between rows rounds round above below ignored missing skipped read
    usable evaluated shown there no yes more less than before after because without into over
    under same each per rate share calls called bets lost won ended reached beats chance
"""
ENGLISH = frozenset(_WORDS.split())

#: Visible text allowed to hold an English word: names the document itself keeps in English.
KEPT = ("Threshold Accuracy", "Classification Accuracy", "Confusion Matrix")


def visible_text(path: Path) -> list[str]:
    """The page's text blocks as a reader sees them, without code spans and the stylesheet."""
    document = html5lib.parse(path.read_text(encoding="utf-8"))
    blocks: list[str] = []

    def walk(element, out: list[str]) -> None:  # type: ignore[no-untyped-def]
        tag = element.tag.removeprefix(XHTML) if isinstance(element.tag, str) else ""
        if tag in ("style", "script", "code", "head"):
            return
        if element.text:
            out.append(element.text)
        for child in element:
            walk(child, out)
            if child.tail:
                out.append(child.tail)

    for block in document.iter():
        tag = block.tag.removeprefix(XHTML) if isinstance(block.tag, str) else ""
        if tag in ("p", "li", "td", "th", "h1", "h2", "h3", "dt", "dd", "figcaption", "a"):
            parts: list[str] = []
            walk(block, parts)
            text = " ".join("".join(parts).split())
            if text:
                blocks.append(text)
    return blocks


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


def test_the_scan_finds_english() -> None:
    """The scan itself: it flags an English note and lets the document's terms pass."""
    assert english_in(["loglandığı gibi gösterilen diğer sütunlar: lr"]) == []
    assert english_in(["Threshold Accuracy: %59.30 (663/1118)"]) == []
    assert english_in(["other columns kept as logged: lr"]) == [
        ("other columns kept as logged: lr", ["other", "columns", "kept", "as", "logged"])
    ]


@pytest.mark.parametrize("name", ["report", "compare", "history"])
def test_turkish_page_has_no_english_sentence(pages, name: str) -> None:  # type: ignore[no-untyped-def]
    blocks = visible_text(getattr(pages["tr"], name))
    assert len(blocks) > 30
    assert english_in(blocks) == []


@pytest.mark.parametrize("name", ["report", "compare", "history"])
def test_turkish_page_writes_numbers_as_the_document(pages, name: str) -> None:  # type: ignore[no-untyped-def]
    blocks = visible_text(getattr(pages["tr"], name))
    text = "\n".join(blocks)
    # "%5.94", never "5.94%"; "tanımsız (0/0)", never "n/a (0/0)".
    assert not re.search(r"\d%", text), re.search(r".{30}\d%.{10}", text)
    assert "n/a" not in text
    assert re.search(r"%\d", text)


def test_english_page_keeps_english_numbers(pages) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(visible_text(pages["en"].report))
    assert "5.94% (26/438)" in text
    assert not re.search(r"%\d", text)
