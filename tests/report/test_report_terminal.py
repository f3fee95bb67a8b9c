"""The terminal summary printed after a report."""

from __future__ import annotations

import io
import re
from pathlib import Path

from rich.console import Console
from rich.table import Table
from test_report_core import document_case

from jetx_diag.report.terminal import print_summary, targets_table
from jetx_diag.report.terminal_tables import print_table


def render(lang: str = "en", written: tuple[Path, ...] = (), **changes: object) -> str:
    evaluation, verdict = document_case(**changes)
    buffer = io.StringIO()
    console = Console(file=buffer, width=140, color_system=None, force_terminal=False)
    print_summary(evaluation, verdict, written, lang=lang, console=console)
    return buffer.getvalue()


def test_summary_lists_targets_accounting_rejected_rows_and_paths() -> None:
    text = render(written=(Path("reports/x/report.md"), Path("reports/x/report.html")))
    lines = text.splitlines()
    assert lines[0].strip() == "Targets — stage2_best.h5"
    row = next(line for line in lines if "Below-1.5 accuracy" in line)
    for cell in ("5.94% (26/438)", "≥ 75%", "❌", "12.6x below target"):
        assert cell in row
    assert "❌ 4 of 5 targets missed." in text
    assert "strongly biased towards 'above 1.5'" in text
    assert "Rows: 6091 read = 6089 used + 2 rejected" in text
    rejected = next(line for line in lines if "id 6281" in line)
    assert "'2.29\\u20281.29'" in rejected and "several numbers in one cell" in rejected
    assert "scikit-learn 1.3.2 wrote the scaler" in text
    assert lines[-3:] == ["Written:", "  reports/x/report.md", "  reports/x/report.html"]


def test_turkish_summary() -> None:
    text = render("tr")
    assert "Hedefler — stage2_best.h5" in text
    assert "1.5 Altı Doğruluğu" in text and "Para Kaybı Riski" in text
    assert "Satırlar: 6091 okundu = 6089 kullanıldı + 2 reddedildi" in text


def test_markup_in_data_is_printed_literally() -> None:
    text = render(label="[bold red]x[/]", warnings=("[link=http://x]y[/link]",))
    assert "Targets — [bold red]x[/]" in text
    assert "[link=http://x]y[/link]" in text


def test_targets_table_has_a_row_per_target() -> None:
    evaluation, verdict = document_case()
    table = targets_table(evaluation, verdict, "tr")
    assert [str(c.header) for c in table.columns] == [
        "Metrik",
        "Sonuç",
        "Hedef",
        "Durum",
        "Hedeften uzaklık",
    ]
    assert table.row_count == 5


def piped(lang: str, width: int = 80) -> str:
    """What a CI log receives: a non-terminal console of ``width`` columns."""
    evaluation, verdict = document_case()
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system=None, force_terminal=False)
    print_summary(evaluation, verdict, (), lang=lang, console=console)
    return buffer.getvalue()


def test_piped_output_at_80_columns_cuts_no_cell() -> None:
    for lang in ("en", "tr"):
        text = piped(lang)
        assert "…" not in text
        assert all(len(line) <= 80 for line in text.splitlines())
        # Every number whole on its line: the table wraps between words, never inside one.
        for number in ("(26/438)", "(663/1118)", "(437/1118)", "(1049/1118)"):
            assert number in text
    row = next(line for line in piped("en").splitlines() if "Below-1.5" in line)
    assert "5.94% (26/438)" in row and "❌ missed" in row


def test_too_narrow_for_the_table_folds_into_blocks() -> None:
    text = piped("en", width=48)
    assert "…" not in text
    assert all(len(line) <= 48 for line in text.splitlines())
    assert "Below-1.5 accuracy\n  Result: 5.94% (26/438)\n  Target: ≥ 75%\n" in text
    assert "  Status: ❌ missed\n" in text
    turkish = piped("tr", width=48)
    assert "1.5 Altı Doğruluğu\n  Sonuç: %5.94 (26/438)\n  Hedef: ≥ %75\n" in turkish


def test_wide_console_keeps_the_table() -> None:
    text = piped("en", width=160)
    row = next(line for line in text.splitlines() if "Below-1.5 accuracy" in line)
    assert "5.94% (26/438)" in row and "12.6x below target" in row


def coloured(width: int) -> str:
    """What a colour terminal of ``width`` columns shows (ANSI codes kept)."""
    evaluation, verdict = document_case()
    buffer = io.StringIO()
    console = Console(file=buffer, width=width, color_system="standard", force_terminal=True)
    print_summary(evaluation, verdict, (), lang="en", console=console)
    return buffer.getvalue()


def _block(text: str, name: str) -> list[str]:
    """The lines of one folded row: its name line and the indented field lines under it."""
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if name in line)
    block = [lines[start]]
    for line in lines[start + 1 :]:
        if not re.sub(r"\x1b\[[0-9;]*m", "", line).startswith("  "):
            break
        block.append(line)
    return block


def test_folded_rows_keep_their_status_colour() -> None:
    """At 48 columns the table folds into blocks; a missed target's block is still red and a
    met one's green, as its row is in the side-by-side table."""
    wide = coloured(160)
    row = next(line for line in wide.splitlines() if "Below-1.5 accuracy" in line)
    assert "\x1b[1;31m" in row  # bold red in the table
    folded = coloured(48)
    missed = _block(folded, "Below-1.5 accuracy")
    assert len(missed) >= 5
    assert all("\x1b[1;31m" in line for line in missed), missed
    met = _block(folded, "Above-1.5 accuracy")
    assert all(re.search(r"\x1b\[(1;)?32m", line) for line in met), met
    # Without colour the folded text is unchanged: no codes at all.
    assert "\x1b[" not in piped("en", width=48)


def test_piped_table_splits_no_word() -> None:
    """A table that fits the width with every word whole is laid out that way: rich's own
    collapsing of the widest columns would cut a long word ("Classificat" / "ion")."""
    table = Table(title="Targets — stage1_best.h5")
    for header in ("Metric", "Result", "Target", "Status", "Off target", "Decision (each "
                   "target's own interval)"):  # fmt: skip
        table.add_column(header)
    table.add_row("Money-loss risk", "100.00% (414/414)", "< 20%", "❌ missed",
                  "5.0x above the limit", "missed by its whole interval")  # fmt: skip
    table.add_row("Classification accuracy (3 classes)", "50.27% (553/1100)", "≥ 60%",
                  "❌ missed", "1.2x below target", "missed by its whole interval")  # fmt: skip
    words = {
        word
        for column in table.columns
        for cell in [column.header, *column.cells]
        for word in str(cell).split()
    }
    buffer = io.StringIO()
    console = Console(file=buffer, width=80, color_system=None, force_terminal=False)
    print_table(console, table)
    text = buffer.getvalue()
    assert all(len(line) <= 80 for line in text.splitlines())
    assert "│" in text  # side by side: it fits with whole words
    assert sorted(word for word in words if word not in text) == []
