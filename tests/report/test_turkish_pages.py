"""Turkish pages are Turkish: no English sentence in the visible text, the document's numbers.

Every page (report, comparison, run report) is rendered in Turkish from the rich inputs of
``page_fixtures`` (all sections present, rejected rows, data and training notes, metadata
warnings). Visible text is what a reader sees: everything except code spans (paths, column
names, raw cells), the stylesheet and attribute values.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import html5lib
import numpy as np
import pytest
from english_scan import english_in, quoted_data
from rich.console import Console

XHTML = "{http://www.w3.org/1999/xhtml}"


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


def every_text(path: Path) -> list[str]:
    """Every text node of the page outside code spans, scripts and the stylesheet, and the
    attributes a reader or a screen reader meets (alt, title, aria-label): nothing is left out
    because of the element it sits in."""
    document = html5lib.parse(path.read_text(encoding="utf-8"))
    texts: list[str] = []

    def walk(element) -> None:  # type: ignore[no-untyped-def]
        tag = element.tag.removeprefix(XHTML) if isinstance(element.tag, str) else ""
        if tag in ("style", "script", "code"):
            return
        for name in ("alt", "title", "aria-label"):
            if element.get(name):
                texts.append(element.get(name))
        if element.text and element.text.strip():
            texts.append(" ".join(element.text.split()))
        for child in element:
            walk(child)
            if child.tail and child.tail.strip():
                texts.append(" ".join(child.tail.split()))

    walk(document)
    return texts


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
    assert english_in(every_text(getattr(pages["tr"], name))) == []


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


# --------------------------------------------------------------------------- notes and warnings
def _version_mismatched_scaler(path: Path) -> Path:
    """A fitted StandardScaler whose pickle says another scikit-learn wrote it (the version
    string swapped for one of the same length, so the pickle stays valid)."""
    import pickle

    import sklearn
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(np.arange(12.0).reshape(4, 3))
    data = pickle.dumps(scaler, protocol=2)
    current = sklearn.__version__.encode()
    older = b"0" * len(current)
    assert data.count(current) == 1
    path.write_bytes(data.replace(current, older))
    return path


def _leaky_stage(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The document's stage 1 with val_loss NaN at epochs 5–9 and 12 (1-based) and a second
    column naming the validation below-accuracy."""
    out = []
    for row in rows:
        epoch = row["epoch"] + 1
        changed = dict(row, val_below_acc=row["val_below_accuracy"])
        if 5 <= epoch <= 9 or epoch == 12:
            changed["val_loss"] = "nan"
        out.append(changed)
    return out


@dataclass(frozen=True)
class TurkishOutputs:
    """Every Turkish text of one rich report: the pages, the JUnit XML and the terminal."""

    texts: dict[str, list[str]]  # output name → its text blocks as a reader sees them
    quoted: tuple[str, ...]  # what notes quote: file names, readers' own error texts


@pytest.fixture(scope="module")
def turkish_outputs(tmp_path_factory) -> TurkishOutputs:  # type: ignore[no-untyped-def]
    """A Turkish report whose warnings and notes hold every kind the tool writes about a run:
    a column not finite over some epochs, two columns for one metric, a scaler saved by another
    scikit-learn, a checkpoint and a scaler that cannot be read, training logs that cannot be
    used. Everything is made by the tool's own readers; the report and the run report are
    written by the real CLI, the terminal summary by the real printer."""
    # Paths relative to the folder (the pages show them): no temporary folder name in a page.
    with contextlib.chdir(tmp_path_factory.mktemp("turkish-outputs")), _figure_texts() as drawn:
        outputs = _turkish_outputs(Path("."))
    outputs.texts["figures"] = drawn
    return outputs


@contextlib.contextmanager
def _figure_texts() -> Iterator[list[str]]:
    """Every text of every figure saved meanwhile (titles, axis labels, tick labels, legends,
    values written on the plot), read after matplotlib's own savefig has drawn it."""
    from matplotlib.figure import Figure
    from matplotlib.text import Text

    texts: list[str] = []
    savefig = Figure.savefig

    def reading_savefig(self: Figure, *args: Any, **kwargs: Any) -> None:
        savefig(self, *args, **kwargs)
        for artist in self.findobj(Text):
            if artist.get_visible() and artist.get_text().strip():
                texts.append(artist.get_text())

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(Figure, "savefig", reading_savefig)
        yield texts


def _turkish_outputs(root: Path) -> TurkishOutputs:
    from page_fixtures import FAST, HISTORY_CSV
    from test_training_diagnosis import DOC_METADATA, doc_stage1, write_csv

    from jetx_diag.artifacts.safe_pickle import load_scaler
    from jetx_diag.cli.main import run
    from jetx_diag.demo.example import document_predictions
    from jetx_diag.errors import JetxDiagError
    from jetx_diag.evaluation.evaluator import evaluate_predictions_file
    from jetx_diag.evaluation.options import EvaluationOptions
    from jetx_diag.evaluation.training import attach_training
    from jetx_diag.predictions import write_predictions_csv
    from jetx_diag.report.terminal import print_summary
    from jetx_diag.report.writer import write_report
    from jetx_diag.scoring.targets import DEFAULT_TARGETS, decide_targets, evaluate_targets
    from jetx_diag.training.run import TrainingOptions, diagnose_run

    quoted: list[str] = []
    # Run A: NaN epochs, a duplicate column, a scaler of another version, a broken checkpoint.
    run_a = root / "run_a"
    run_a.mkdir()
    write_csv(run_a / "stage1.csv", _leaky_stage(doc_stage1()))
    (run_a / "progressive_model_info.json").write_text(json.dumps(DOC_METADATA))
    scaler = _version_mismatched_scaler(run_a / "scaler.pkl")
    (run_a / "broken.h5").write_bytes(b"not an HDF5 file at all")
    # Run B: a scaler that is no pickle.
    run_b = root / "run_b"
    run_b.mkdir()
    write_csv(run_b / "stage1.csv", _leaky_stage(doc_stage1()))
    (run_b / "scaler.pkl").write_bytes(b"\x80\x04this is no pickle")
    for path in (run_b / "scaler.pkl",):
        with pytest.raises(JetxDiagError) as error:
            load_scaler(path)
        quoted.extend(quoted_data(error.value.problem))
    # Run C: a training log beside the checkpoint that cannot be read.
    run_c = root / "run_c"
    run_c.mkdir()
    (run_c / "training_log.csv").write_text("epoch,loss\n0,0.5,7\n")

    predictions = root / "predictions.csv"
    write_predictions_csv(predictions, document_predictions())
    evaluation = evaluate_predictions_file(predictions, EvaluationOptions())
    _, diagnosis = diagnose_run(run_a, TrainingOptions(check_widths=True))
    for note in diagnosis.notes:
        quoted.extend(quoted_data(note) if "broken.h5" in note else [])
    evaluation = replace(
        evaluation,
        training=diagnosis,
        warnings=(*evaluation.warnings, *load_scaler(scaler).warnings),
    )
    evaluation = attach_training(evaluation, run_c / "model.h5")
    assert len(evaluation.warnings) == 2, evaluation.warnings
    for warning in evaluation.warnings:
        quoted.extend(quoted_data(warning) if "training_log" in warning else [])
    data = load_history_csv(root, HISTORY_CSV)
    evaluation = replace(evaluation, data=replace(evaluation.data, **data))
    verdict = decide_targets(evaluate_targets(evaluation.metrics, DEFAULT_TARGETS))

    out = root / "report"
    write_report(evaluation, verdict, out, formats=("md", "html", "junit", "json"), lang="tr")
    # A second checkpoint (every call flipped) for the comparison's terminal summary and JUnit.
    flipped = document_predictions()
    flipped = replace(flipped, p_above=np.round(1.0 - flipped.p_above, 4))
    write_predictions_csv(root / "flipped.csv", flipped)
    code = run(
        [
            *("report", "--predictions", "flipped.csv", "-o", "flipped"),
            *("--json", "flipped/report.json", "--lang", "tr", "-q", *FAST),
        ]
    )
    assert code in (0, 1), code
    compared = io.StringIO()
    with contextlib.redirect_stdout(compared):
        code = run(
            [
                *("compare", str(out / "report.json"), "flipped/report.json", "-o", "compare"),
                *("--junit", "compare/compare.junit.xml", "--lang", "tr"),
            ]
        )
    assert code in (0, 1), code
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        code = run(["history", str(run_b), "-o", str(root / "history"), "--lang", "tr"])
    assert code in (0, 1), code
    terminal = io.StringIO()
    for width in (200, 60):  # side by side, and folded one record per block
        console = Console(file=terminal, width=width, color_system=None)
        print_summary(evaluation, verdict, [out / "report.html"], lang="tr", console=console)

    texts = {
        "report.html": every_text(out / "report.html"),
        "report.md": _markdown_blocks(out / "report.md"),
        "history.html": every_text(root / "history" / "history.html"),
        "report.junit.xml": _junit_blocks(out / "report.junit.xml"),
        "compare.html": every_text(root / "compare" / "compare.html"),
        # One block: rich wraps a long warning over several lines.
        "terminal": [" ".join(terminal.getvalue().split())],
        "history terminal": [" ".join(printed.getvalue().split())],
        "compare terminal": [" ".join(compared.getvalue().split())],
        "compare.junit.xml": _junit_blocks(root / "compare" / "compare.junit.xml"),
    }
    return TurkishOutputs(texts=texts, quoted=tuple(quoted))


def load_history_csv(root: Path, text: str) -> dict[str, Any]:
    """The row accounting of a history with rejected rows, as the evaluation records it."""
    from jetx_diag.history.rounds import load_history

    path = root / "history.csv"
    path.write_text(text)
    accounting = load_history(path).accounting
    return {
        "source": "history.csv",
        "rows_read": accounting.rows_read,
        "rows_used": accounting.rows_used,
        "rejected": accounting.rejected,
        "notes": accounting.notes,
    }


def _markdown_blocks(path: Path) -> list[str]:
    """The Markdown's lines without code spans, image links and HTML comments."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"<!--.*?-->", "", text, flags=re.DOTALL)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)", "", text)
    text = re.sub(r"`[^`]*`", "", text)
    return [line for line in text.splitlines() if line.strip()]


def _junit_blocks(path: Path) -> list[str]:
    """The JUnit texts a CI reader sees: failure and skip messages and failure bodies."""
    import xml.etree.ElementTree as ET

    blocks = []
    for element in ET.parse(path).iter():
        if element.tag in ("failure", "skipped"):
            blocks.append(element.get("message", ""))
            blocks.extend(line for line in (element.text or "").splitlines() if line.strip())
    return [block for block in blocks if block]


#: Every Turkish output of the fixture, each scanned on its own.
OUTPUTS = (
    "report.html",
    "report.md",
    "history.html",
    "compare.html",
    "report.junit.xml",
    "terminal",
    "history terminal",
    "compare terminal",
    "compare.junit.xml",
    "figures",
)


def _without(blocks: list[str], quoted: tuple[str, ...]) -> list[str]:
    out = []
    for block in blocks:
        for text in quoted:
            block = block.replace(text, "")
        out.append(block)
    return out


def test_turkish_outputs_hold_every_note(turkish_outputs: TurkishOutputs) -> None:
    """The outputs do carry the notes and warnings the scan below is about."""
    page = "\n".join(turkish_outputs.texts["report.html"])
    assert "val_loss" in page and "5–9, 12" in page  # the NaN epochs
    assert "scikit-learn 0" in page  # the version warning
    assert "broken.h5" in page
    assert "training_log.csv" in page
    history = "\n".join(turkish_outputs.texts["history.html"])
    assert "scaler.pkl" in history
    terminal = "\n".join(turkish_outputs.texts["terminal"])
    assert "scikit-learn 0" in terminal and "training_log.csv" in terminal
    assert turkish_outputs.texts["report.junit.xml"]
    assert "stage1" in turkish_outputs.texts["history terminal"][0]
    assert "flipped.csv" in turkish_outputs.texts["compare terminal"][0]
    assert turkish_outputs.texts["compare.junit.xml"]
    figures = turkish_outputs.texts["figures"]
    assert "epoch" in figures and "0.8" in figures  # an axis label and a tick label


@pytest.mark.parametrize("name", OUTPUTS)
def test_turkish_output_has_no_english_sentence(turkish_outputs: TurkishOutputs, name: str) -> None:
    """Warnings, notes, JUnit messages and the terminal summary are Turkish too; only an error
    text a reader wrote about a file (quoted inside a Turkish note) stays as it was."""
    blocks = _without(turkish_outputs.texts[name], turkish_outputs.quoted)
    found = english_in(blocks)
    assert found == [], "\n".join(f"{words}: {block}" for block, words in found)


@pytest.mark.parametrize("name", OUTPUTS)
def test_turkish_output_writes_percent_first(turkish_outputs: TurkishOutputs, name: str) -> None:
    text = "\n".join(turkish_outputs.texts[name])
    assert not re.search(r"\d%", text), re.search(r".{30}\d%.{10}", text)
    assert "n/a" not in text
