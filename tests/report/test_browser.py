"""The HTML pages in a real headless Chromium: phone width, print, images, console, contents.

Every page (report, comparison, run report) in both languages, as the tool writes them from
rich inputs (``page_fixtures``), is opened in Debian's Chromium through Playwright. The tests
also write the README's screenshots to ``docs/screenshots/`` (fixed names, first screen only).
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser import CHROMIUM, CHROMIUM_ARGS, ensure_chromium

playwright_api = pytest.importorskip(
    "playwright.sync_api", reason="the browser tests need the test extra: pip install '.[test]'"
)

SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
PAGES = ("report", "compare", "history")
LANGS = ("en", "tr")
PHONE, DESKTOP = 400, 1280


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    ensure_chromium()
    with playwright_api.sync_playwright() as driver:
        chromium = driver.chromium.launch(executable_path=CHROMIUM, args=list(CHROMIUM_ARGS))
        yield chromium
        chromium.close()


def open_page(browser, path: Path, width: int):  # type: ignore[no-untyped-def]
    """The page at ``width`` px, with the console errors and page errors it raised."""
    page = browser.new_page(viewport={"width": width, "height": 900})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(path.as_uri())
    page.wait_for_load_state("load")
    return page, errors


def page_path(pages, lang: str, name: str) -> Path:  # type: ignore[no-untyped-def]
    return getattr(pages[lang], name)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
@pytest.mark.parametrize("width", [360, PHONE])
def test_no_horizontal_page_scroll_on_a_phone(browser, pages, lang, name, width) -> None:  # type: ignore[no-untyped-def]
    page, errors = open_page(browser, page_path(pages, lang, name), width)
    try:
        widths = page.evaluate(
            "() => [document.documentElement.scrollWidth, document.body.scrollWidth,"
            " window.innerWidth]"
        )
        assert widths == [width, width, width]
        # Nothing sticks out of the page: every element ends inside the viewport, except what
        # sits inside a table's own scroll box.
        outside = page.evaluate(
            """(width) => [...document.querySelectorAll('body *')]
                 .filter(e => !e.closest('.table-wrap'))
                 .filter(e => e.getBoundingClientRect().right > width + 0.5)
                 .map(e => e.tagName + ' ' + (e.textContent || '').slice(0, 40))""",
            width,
        )
        assert outside == []
        assert errors == []
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_images_decode_and_console_is_clean(browser, pages, lang, name) -> None:  # type: ignore[no-untyped-def]
    page, errors = open_page(browser, page_path(pages, lang, name), DESKTOP)
    try:
        images = page.evaluate(
            "() => [...document.images].map(i => [i.complete, i.naturalWidth, i.naturalHeight])"
        )
        assert images, "every page has figures"
        assert all(done and w > 0 and h > 0 for done, w, h in images), images
        assert errors == []
    finally:
        page.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_contents_links_resolve(browser, pages, lang, name) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page(browser, page_path(pages, lang, name), PHONE)
    try:
        links = page.evaluate(
            "() => [...document.querySelectorAll('nav.toc a')].map(a => a.getAttribute('href'))"
        )
        assert len(links) >= 3
        for href in links:
            assert href.startswith("#")
            assert page.evaluate("(id) => !!document.getElementById(id)", href[1:]), href
            page.click(f"nav.toc a[href='{href}']")
            # Following the link brings its heading to the top of the screen.
            top = page.evaluate(
                "(id) => document.getElementById(id).getBoundingClientRect().top", href[1:]
            )
            assert abs(top) < 5 or page.evaluate(
                "() => window.scrollY + window.innerHeight >= document.body.scrollHeight - 2"
            ), (href, top)
    finally:
        page.close()


def _table_texts(page) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return page.evaluate(
        """() => [...document.querySelectorAll('table')].map(t =>
             [...t.rows[0].cells].map(c => c.innerText.replace(/\\s+/g, '')))"""
    )


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("name", PAGES)
def test_print_keeps_every_column_on_the_paper(browser, pages, lang, name, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_page(browser, page_path(pages, lang, name), DESKTOP)
    try:
        page.emulate_media(media="print")
        page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
        cut = page.evaluate(
            """() => { const width = document.documentElement.clientWidth; const cut = [];
                 for (const t of document.querySelectorAll('table')) {
                   for (const c of t.querySelectorAll('th, td')) {
                     const r = c.getBoundingClientRect();
                     if (r.right > width + 0.5) cut.push(c.innerText.slice(0, 30));
                   }
                   if (t.scrollWidth > t.parentElement.clientWidth + 1) cut.push('table box');
                 } return cut; }"""
        )
        assert cut == []
        headers = _table_texts(page)
        pdf = tmp_path / f"{name}.pdf"
        page.pdf(path=str(pdf), format="A4", print_background=True)
    finally:
        page.close()
    text = subprocess.run(
        ["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    flat = "".join(text.split()).replace("-", "")
    assert headers
    for row in headers:
        for cell in row:  # every column heading of every table is printed
            assert cell.replace("-", "") in flat, (cell, row)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("width", [PHONE, DESKTOP])
@pytest.mark.parametrize("name", ["report", "compare"])
def test_screenshots_for_the_readme(browser, pages, lang, width, name) -> None:  # type: ignore[no-untyped-def]
    page, errors = open_page(browser, page_path(pages, lang, name), width)
    try:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        target = SCREENSHOTS / f"{name}-{lang}-{width}.png"
        page.screenshot(path=str(target))
        assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
        assert errors == []
    finally:
        page.close()
