"""The Markdown report of the source document's case, in English and Turkish.

Golden files: ``tests/golden/document_case.<lang>.md``, with the date and tool version scrubbed.
After an intended change of wording or layout, refresh them and review the diff:

    .venv/bin/pytest tests/report/test_report_markdown.py --update-golden
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_report_core import CREATED, TOOL_VERSION, document_case

from jetx_diag.report.context import build_context
from jetx_diag.report.markdown import render_markdown
from jetx_diag.report.writer import write_report

GOLDEN = Path(__file__).parents[1] / "golden"


def scrub(text: str) -> str:
    """Replace what changes between releases and runs: the date line and the tool version."""
    text = text.replace("2025-10-09 10:30:00 UTC", "<DATE>")
    return text.replace(f"jetx-diag {TOOL_VERSION}", "jetx-diag <VERSION>")


def markdown(lang: str, **changes: object) -> str:
    evaluation, verdict = document_case(**changes)
    return render_markdown(build_context(evaluation, verdict, lang))


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_golden_markdown(lang: str, request: pytest.FixtureRequest) -> None:
    assert CREATED.startswith("2025-10-09T10:30:00")
    text = scrub(markdown(lang))
    golden = GOLDEN / f"document_case.{lang}.md"
    if request.config.getoption("--update-golden"):
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8")
    assert golden.exists(), "run pytest with --update-golden once to create it"
    assert text == golden.read_text(encoding="utf-8"), (
        f"{golden.name} differs: if the change is intended, rerun with --update-golden"
    )


def test_english_report_holds_the_documents_numbers() -> None:
    text = markdown("en")
    for shown in (
        "5.94% (26/438)",
        "93.68% (637/680)",
        "94.06% (412/438)",
        "59.30% (663/1118)",
        "39.09% (437/1118)",
        "12.6x below target",
        "4.7x above the limit",
    ):
        assert shown in text, shown
    targets_table = text.split("## 📉")[0]
    assert targets_table.count("❌") == 5  # headline + 4 missed rows
    assert targets_table.count("✅") == 1
    assert "| **412** ← money lost |" in text
    assert "60.82% (680/1118)" in text  # the always-above baseline beside 59.30%


def test_turkish_report_reads_like_the_document() -> None:
    text = markdown("tr")
    for phrase in (
        "1.5 Altı Doğruluğu",
        "1.5 Üstü Doğruluğu",
        "Para Kaybı Riski",
        "Threshold Accuracy",
        "Classification Accuracy",
        "| Gerçek / Tahmin |",
        "← Para kaybı",
        "🔴 KRİTİK SORUNLAR",
        "| Metrik | Sonuç | Hedef | Durum |",
        "12.6x daha kötü",
        "İyi ama tek taraflı",
        "%5.94 (26/438)",  # the document's "%5.94"
    ):
        assert phrase in text, phrase
    assert "money" not in text and "Critical" not in text


def test_sections_come_in_the_documents_order() -> None:
    text = markdown("en")
    headings = re.findall(r"^##+ (.*)$", text, flags=re.M)
    order = [h.split(" ", 1)[1] for h in headings]
    assert order[:4] == [
        "Critical findings",
        "4 of 5 targets missed.",
        "Confusion matrix (held-out rounds)",
        "What a bettor sees",
    ]
    assert order[4:] == [
        "Analysis",
        "Data quality",
        "Artifacts used",
        "Recorded vs measured",
        "Warnings",
        "Plots",
    ]


def test_hostile_text_cannot_break_the_markdown() -> None:
    evaluation, verdict = document_case(
        label="evil|name\n# heading",
        warnings=("<script>alert(1)</script> and *bold* | pipe",),
    )
    text = render_markdown(build_context(evaluation, verdict))
    assert text.startswith("# 📊 Model evaluation report — evil\\|name # heading\n")
    assert "- \\<script>alert(1)\\</script> and \\*bold\\* \\| pipe\n" in text
    # Raw values in table cells are code spans with the pipe escaped: the row keeps 3 cells.
    assert "| id 6300 | `'abc\\|x'` | not a number |" in text


def test_written_markdown_refers_to_png_files_beside_it(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    paths = write_report(evaluation, verdict, tmp_path, formats=("md",))
    assert [p.name for p in paths] == ["report.md", "report.confusion.png", "report.p_above.png"]
    text = paths[0].read_text(encoding="utf-8")
    for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text):
        assert (tmp_path / image).read_bytes().startswith(b"\x89PNG")
