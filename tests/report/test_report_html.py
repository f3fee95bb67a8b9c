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
    assert first == [
        "Below-1.5 accuracy",
        "5.94% (26/438)",
        "≥ 75%",
        "❌ missed",
        "12.6x below target",
    ]


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


def test_contents_follow_the_verdict_and_every_link_has_its_section() -> None:
    document = parse(html("tr"))
    main = document.find(f".//{XHTML}main")
    children = [c.get("id") or c.tag.removeprefix(XHTML) for c in main]
    # Header, then the verdict, then the contents: the verdict stays the first thing read.
    assert children[:3] == ["header", "targets", "nav"]
    links = [a.get("href") for a in document.iter(f"{XHTML}a")]
    assert links and all(link.startswith("#") for link in links)
    ids = {element.get("id") for element in document.iter() if element.get("id")}
    assert {link[1:] for link in links} <= ids
    titles = ["".join(a.itertext()) for a in document.iter(f"{XHTML}a")]
    assert titles[0] == "KRİTİK SORUNLAR"  # without its emoji


def test_each_figure_sits_in_the_section_it_illustrates() -> None:
    document = parse(html())
    confusion = document.find(f".//{XHTML}section[@id='confusion']")
    analysis = document.find(f".//{XHTML}section[@id='analysis']")
    assert [i.get("alt") for i in confusion.iter(f"{XHTML}img")] == ["Confusion matrix"]
    assert len(list(analysis.iter(f"{XHTML}img"))) == 1  # the p_above histogram
    assert document.find(f".//{XHTML}section[@id='plots']") is None  # nothing left over
    for image in document.iter(f"{XHTML}img"):
        assert int(image.get("width")) > 0 and int(image.get("height")) > 0


def test_hashes_are_short_with_the_full_value_on_hover() -> None:
    document = parse(html())
    evaluation, _ = document_case()
    codes = document.findall(f".//{XHTML}code[@class='hash']")
    assert [c.get("title") for c in codes] == [a.sha256 for a in evaluation.artifacts]
    assert [c.text for c in codes] == [a.sha256[:12] + "…" for a in evaluation.artifacts]
    assert codes[0].get("title") == "a" * 64


def test_status_is_a_word_as_well_as_an_emoji() -> None:
    document = parse(html("tr"))
    words = [
        "".join(w.itertext())
        for w in document.findall(f".//{XHTML}section[@id='targets']//{XHTML}span[@class='word']")
    ]
    assert words == ["tutmadı", "tuttu", "tutmadı", "tutmadı", "tutmadı"]


def test_stylesheet_has_phone_dark_and_print_rules() -> None:
    style = "".join(s.text or "" for s in parse(html()).iter(f"{XHTML}style"))
    assert "@media (max-width: 40rem)" in style
    assert "@media (prefers-color-scheme: dark)" in style
    assert "@media print" in style and "@page" in style
