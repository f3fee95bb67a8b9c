"""The HTML report: valid HTML5, one self-contained file, escaped data."""

from __future__ import annotations

import base64
import re

import html5lib
import pytest
from test_report_core import document_case

from jetx_diag.report.context import build_context
from jetx_diag.report.html import render_html
from jetx_diag.report.writer import write_report

XHTML = "{http://www.w3.org/1999/xhtml}"


def html(lang: str = "en", **changes: object) -> str:
    evaluation, verdict = document_case(**changes)
    return render_html(build_context(evaluation, verdict, lang))


def parse(text: str):  # type: ignore[no-untyped-def]
    """Parse strictly: any HTML5 parse error fails the test."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(text)


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_html_parses_strictly_and_declares_its_language(lang: str) -> None:
    document = parse(html(lang))
    assert document.get("lang") == lang
    assert document.find(f"{XHTML}head/{XHTML}meta").get("charset") == "utf-8"


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_html_has_no_external_references(lang: str) -> None:
    text = html(lang)
    document = parse(text)
    for element in document.iter():
        tag = element.tag.removeprefix(XHTML)
        assert tag not in ("link", "script", "iframe", "object", "embed", "base"), tag
        for attribute in ("src", "href", "srcset", "poster", "data", "action"):
            value = element.get(attribute)
            if value is not None:
                assert value.startswith(("data:", "#")), (tag, attribute, value[:60])
    style = "".join(s.text or "" for s in document.iter(f"{XHTML}style"))
    assert style.strip(), "the CSS is inline"
    assert "url(" not in style and "@import" not in style
    assert not re.search(r"https?://|//[a-z0-9.-]+\.[a-z]{2,}/", text, re.I)


def test_images_are_the_report_pngs_inline() -> None:
    evaluation, verdict = document_case()
    context = build_context(evaluation, verdict)
    document = parse(render_html(context))
    images = list(document.iter(f"{XHTML}img"))
    assert len(images) == 2
    for image, plot in zip(images, context["plots"]["images"], strict=True):
        src = image.get("src")
        assert src.startswith("data:image/png;base64,")
        assert base64.b64decode(src.split(",", 1)[1]) == plot["png"]
        assert image.get("alt") == plot["caption"]


def test_money_losing_cell_is_marked() -> None:
    document = parse(html("tr"))
    cells = document.findall(f".//{XHTML}table[@class='confusion']//{XHTML}td")
    marked = [c for c in cells if "money-loss" in (c.get("class") or "")]
    assert len(marked) == 1
    assert "".join(marked[0].itertext()) == "412 ← Para kaybı"


def test_targets_table_rows_carry_their_status() -> None:
    document = parse(html())
    rows = document.findall(f".//{XHTML}section[@id='targets']//{XHTML}tbody/{XHTML}tr")
    statuses = [row.get("class") for row in rows]
    assert statuses == ["status-missed", "status-met", "status-missed"] + ["status-missed"] * 2
    first = ["".join(cell.itertext()) for cell in rows[0]]
    assert first == ["Below-1.5 accuracy", "5.94% (26/438)", "≥ 75%", "❌", "12.6x below target"]


def test_data_is_escaped_not_interpreted() -> None:
    text = html(label="<script>alert('x')</script>", warnings=("<img src=http://x.test/a.png>",))
    document = parse(text)
    assert not list(document.iter(f"{XHTML}script"))
    assert len(list(document.iter(f"{XHTML}img"))) == 2  # the two plots, not the warning
    assert "&lt;script&gt;" in text and "&lt;img src=http://x.test/a.png&gt;" in text


def test_write_report_html_is_one_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document_case()
    paths = write_report(evaluation, verdict, tmp_path, formats=("html",), lang="tr")
    assert paths == [tmp_path / "report.html"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report.html"]
    parse(paths[0].read_text(encoding="utf-8"))
