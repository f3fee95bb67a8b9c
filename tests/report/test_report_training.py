"""The training-run section of ``jetx-diag report``: present when logs lie beside the checkpoint,
absent otherwise, a warning (never a crash) when they cannot be used; both languages; plots."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import html5lib
import pytest
from test_report_core import document_case
from test_training_diagnosis import DOC_METADATA, doc_stage1, write_csv

import jetx_diag
from jetx_diag.evaluation.document import load_evaluation_json, render_json
from jetx_diag.evaluation.training import attach_training, measured_metrics
from jetx_diag.i18n.messages import CATALOG, messages
from jetx_diag.report.context import build_context
from jetx_diag.report.figures.base import figure_png
from jetx_diag.report.figures.training import learning_curves_figure
from jetx_diag.report.markdown import render_markdown
from jetx_diag.report.training import training_images
from jetx_diag.results import to_dict
from jetx_diag.training import findings as training_results
from jetx_diag.training.run import diagnose_run

PACKAGE = Path(jetx_diag.__file__).parent
DOCS = Path(__file__).resolve().parents[2] / "docs" / "report-json.md"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def doc_folder(tmp_path: Path) -> Path:
    """A checkpoint's folder holding the document-shaped stage-1 log and the run metadata."""
    write_csv(tmp_path / "stage1.csv", doc_stage1())
    meta = dict(
        DOC_METADATA,
        callbacks={
            "stage1": {
                "monitor": "val_regression_mae",
                "patience": 50,
                "checkpoint_file": "stage1_best.h5",
            }
        },
    )
    (tmp_path / "progressive_model_info.json").write_text(json.dumps(meta))
    return tmp_path


def evaluation_beside(folder: Path, label: str = "stage1_best.h5") -> Any:
    evaluation, _ = document_case(label=label, recorded={}, artifacts=())
    return attach_training(evaluation, folder / label)


# --------------------------------------------------------------------------- attach_training


def test_no_logs_no_section(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    assert attach_training(evaluation, tmp_path / "stage2_best.h5") is evaluation
    context = build_context(evaluation, verdict, include_plots=False)
    assert "training" not in context["sections"] and context["training"] is None


def test_logs_beside_the_checkpoint_are_diagnosed(doc_folder: Path) -> None:
    evaluation = evaluation_beside(doc_folder)
    assert evaluation.training is not None and evaluation.warnings == document_case()[0].warnings
    stage = evaluation.training.stage("stage1")
    assert (stage.best_epoch, stage.stop_epoch, stage.epochs_past_peak) == (6, 92, 86)
    assert stage.checkpoint_file == "stage1_best.h5"
    assert evaluation.training.metadata_path == str(doc_folder / "progressive_model_info.json")


def test_unusable_logs_become_one_warning(tmp_path: Path) -> None:
    (tmp_path / "stage1.csv").write_text("epoch,loss,val_loss\n0,1.0,1.1\n1,0.9\n")
    evaluation, _ = document_case()
    attached = attach_training(evaluation, tmp_path / "stage2_best.h5")
    assert attached.training is None
    assert attached.warnings[:-1] == evaluation.warnings
    assert attached.warnings[-1] == (
        f"training logs beside the checkpoint not used: {tmp_path / 'stage1.csv'}: "
        "line 3 has 2 fields, the header has 3 (is this a CSVLogger file?)"
    )


def test_metadata_of_the_evaluation_is_the_one_read(doc_folder: Path, tmp_path: Path) -> None:
    other = tmp_path / "elsewhere.json"
    other.write_text(json.dumps({"class_counts": {"below": 10, "above": 30}}))
    evaluation, _ = document_case(label="stage1_best.h5")
    evaluation = replace(
        evaluation,
        artifacts=(*evaluation.artifacts[:2], replace(evaluation.artifacts[2], path=str(other))),
    )
    attached = attach_training(evaluation, doc_folder / "stage1_best.h5")
    assert attached.training is not None and attached.training.metadata_path == str(other)
    balance = attached.training.class_balance
    assert balance is not None and (balance.below.hits, balance.above) == (10, 30)


def test_measured_metrics_only_when_the_metadata_describes_this_checkpoint() -> None:
    evaluation, _ = document_case()
    measured = measured_metrics(evaluation)
    assert measured is not None
    assert measured["below_accuracy"] == pytest.approx(26 / 438)
    assert measured["threshold_accuracy"] == pytest.approx((26 + 637) / 1118)
    assert measured_metrics(replace(evaluation, recorded={})) is None


# --------------------------------------------------------------------------- the section


def test_section_in_english(doc_folder: Path) -> None:
    evaluation = evaluation_beside(doc_folder)
    _, verdict = document_case()
    context = build_context(evaluation, verdict, "en", include_plots=False)
    assert context["sections"].index("training") > context["sections"].index("artifacts")
    section = context["training"]
    assert section["this_checkpoint"] == (
        "This checkpoint (stage1_best.h5) is what stage1 kept at epoch 42, chosen by "
        "val_regression_mae. val_worst_class_accuracy at that epoch: 0.0%; its best was 42.9% "
        "at epoch 6."
    )
    text = render_markdown(build_context(evaluation, verdict, "en", include_plots=False))
    assert "## 🏋️ Training run" in text and "### Training progress" in text
    assert "stage1: best epoch 6 (val_worst_class_accuracy 42.9%), stopped at 92, 86 epochs" in (
        text
    )
    # Critical findings come first and are bold.
    findings = section["findings"]
    assert [f["severity"] for f in findings] == sorted(
        (f["severity"] for f in findings), key=("critical", "warning", "info").index
    )
    assert "- 🔴 **stage1: val_worst_class_accuracy peaked at epoch 6 (42.9%)" in text
    # The balance sentence has counts: 2135 of 6091 rounds.
    assert "2135 below 1.5 (35.05% (2135/6091)) and 3956 above; imbalance 1:1.85" in text
    # Shown in its own subsection, not again among the findings.
    assert all("Training rounds:" not in f["text"] for f in findings)


def test_section_in_turkish(doc_folder: Path) -> None:
    evaluation = evaluation_beside(doc_folder)
    _, verdict = document_case()
    text = render_markdown(build_context(evaluation, verdict, "tr", include_plots=False))
    assert "## 🏋️ Eğitim Süreci" in text
    assert "### Eğitim İlerlemesi" in text and "### Aşamalar" in text
    assert "| Aşama | Epoch | 1.5 Altı | 1.5 Üstü | Para Kaybı | Hedef | Durum | İşaret |" in text
    assert "| **stage1** | **6** | **%54.3** | %42.9 | %45.7 | **%42.9** | iki sınıf da " in text
    assert "Bu checkpoint (stage1_best.h5), stage1 aşamasının 42. epoch'ta" in text
    assert "zirveden sonra 86 epoch" in text
    assert "altı sınıfı 31.3 kat fazla ağırlıklı" in text
    assert "her epoch bir uçtan diğerine savrulma" in text  # the document's "savrulma"


def test_html_section(doc_folder: Path) -> None:
    from jetx_diag.report.html import render_html

    evaluation = evaluation_beside(doc_folder)
    _, verdict = document_case()
    html = render_html(build_context(evaluation, verdict, "en"))
    html5lib.HTMLParser(strict=True).parse(html)  # raises on any parse error
    assert '<section id="training">' in html
    assert '<tr class="status-met"><th scope="row">stage1</th><td class="num">6</td>' in html
    assert 'alt="Learning curves, stage1: loss and val_worst_class_accuracy' in html


def test_learning_curves_in_the_plots(doc_folder: Path) -> None:
    evaluation = evaluation_beside(doc_folder)
    _, verdict = document_case()
    context = build_context(evaluation, verdict, "en", stem="report")
    names = [image["name"] for image in context["plots"]["images"]]
    assert names[-1] == "training_stage1"
    image = context["plots"]["images"][-1]
    assert image["filename"] == "report.training_stage1.png"
    assert image["png"].startswith(PNG_MAGIC)
    assert training_images(None, messages("en")) == []


def test_saved_curves_draw_what_the_logs_draw(doc_folder: Path) -> None:
    run, diagnosis = diagnose_run(doc_folder)
    from_logs = figure_png(learning_curves_figure(run, diagnosis))
    from_saved = figure_png(learning_curves_figure(None, diagnosis))
    assert from_logs == from_saved


def test_evaluation_json_round_trip_keeps_the_section(doc_folder: Path, tmp_path: Path) -> None:
    evaluation = evaluation_beside(doc_folder)
    _, verdict = document_case()
    path = tmp_path / "report.json"
    path.write_text(render_json(evaluation, verdict), encoding="utf-8")
    back, _ = load_evaluation_json(path)
    assert back == evaluation
    msg = messages("en")
    assert training_images(back.training, msg) == training_images(evaluation.training, msg)


def test_unusual_stage_names_make_safe_file_names(tmp_path: Path) -> None:
    write_csv(tmp_path / "a.csv", doc_stage1()[:8])
    from jetx_diag.training.run import TrainingOptions

    options = TrainingOptions(stage_files={"stage 1/../x": str(tmp_path / "a.csv")})
    _, diagnosis = diagnose_run(tmp_path, options)
    ((name, _, _),) = training_images(diagnosis, messages("en"))
    assert name == "training_stage_1_.._x"
    assert "/" not in name


# --------------------------------------------------------------------------- catalog and docs


def test_every_catalog_key_the_section_uses_exists() -> None:
    text = "".join(
        (PACKAGE / name).read_text(encoding="utf-8")
        for name in (
            "report/training.py",
            "report/history_page.py",
            "training/run.py",
            "cli/history.py",
        )
    )
    used = set(re.findall(r'"((?:training|history)\.[a-z_.]+)"', text))
    assert len(used) > 50
    assert used <= set(CATALOG["en"]), sorted(used - set(CATALOG["en"]))
    dynamic = [
        *(f"training.severity.{s}" for s in ("critical", "warning", "info")),
        *(f"training.source.{s}" for s in ("option", "metadata", "unknown")),
        *(f"training.files_source.{s}" for s in ("option", "metadata", "default")),
        *(f"training.mode.{m}" for m in ("min", "max")),
        *(f"training.status.{v}" for k, v in vars(training_results).items() if k[:7] == "STATUS_"),
        *(f"training.mark.{m}" for m in ("best", "first", "final", "checkpoint")),
    ]
    for language in ("en", "tr"):
        assert all(key in CATALOG[language] for key in dynamic)


def _keys(value: Any, skip: tuple[str, ...] = ("numbers", "curves")) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            if key not in skip:  # keyed by finding field / series name, documented by example
                found |= _keys(item, skip)
    elif isinstance(value, list):
        for item in value:
            found |= _keys(item, skip)
    return found


def test_every_training_key_is_documented(doc_folder: Path) -> None:
    _, diagnosis = diagnose_run(doc_folder, measured_metrics={"threshold_accuracy": 0.7})
    documented = set(re.findall(r"`([a-z_0-9]+)`", DOCS.read_text(encoding="utf-8")))
    missing = _keys(to_dict(diagnosis)) - documented
    assert not missing, f"document these keys in docs/report-json.md: {sorted(missing)}"
    prefix = "training.finding."
    codes = {k.removeprefix(prefix) for k in CATALOG["en"] if k.startswith(prefix)}
    assert codes and codes <= documented, sorted(codes - documented)


# --------------------------------------------------------------------------- the report command


@pytest.fixture(scope="module")
def model_run(tmp_path_factory: pytest.TempPathFactory) -> Any:
    from run_factory import make_run

    return make_run(tmp_path_factory.mktemp("model_run"))


def _copy(run_files: Any, folder: Path) -> Path:
    shutil.copytree(run_files.folder, folder)
    return folder


def _report(folder: Path, out: Path) -> int:
    from run_factory import FEATURES

    from jetx_diag.cli.main import run

    return run(
        [
            "report",
            str(folder / "stage2_best.h5"),
            "--data",
            str(folder / "history.db"),
            "--features",
            FEATURES,
            "--no-cache",
            "--quiet",
            "--output",
            str(out),
        ]
    )


@pytest.mark.keras
def test_report_includes_the_section_only_with_logs(model_run: Any, tmp_path: Path, capfd) -> None:
    from jetx_diag.cli.exit_codes import ExitCode

    plain = _copy(model_run, tmp_path / "plain")
    assert _report(plain, tmp_path / "plain_out") == ExitCode.TARGETS_MISSED
    text = (tmp_path / "plain_out" / "report.md").read_text(encoding="utf-8")
    assert "Training run" not in text and "training_" not in text

    with_logs = _copy(model_run, tmp_path / "with_logs")
    write_csv(with_logs / "stage1.csv", doc_stage1())
    write_csv(with_logs / "stage2.csv", doc_stage1()[:12])
    assert _report(with_logs, tmp_path / "logs_out") == ExitCode.TARGETS_MISSED
    text = (tmp_path / "logs_out" / "report.md").read_text(encoding="utf-8")
    assert "## 🏋️ Training run" in text
    assert "stage1: best epoch 6 (val_worst_class_accuracy 42.9%), stopped at 92, 86 epochs" in (
        text
    )
    # make_run's metadata records no callbacks: the checkpoint is stage2's by its name alone.
    assert "This checkpoint (stage2_best.h5) was saved by stage2; the logs do not show" in text
    assert (tmp_path / "logs_out" / "report.training_stage1.png").read_bytes()[:8] == PNG_MAGIC
    assert (tmp_path / "logs_out" / "report.training_stage2.png").is_file()
    assert "Traceback" not in capfd.readouterr().err


@pytest.mark.keras
def test_report_with_unusable_logs_warns_and_still_reports(
    model_run: Any, tmp_path: Path, capfd
) -> None:
    from jetx_diag.cli.exit_codes import ExitCode

    folder = _copy(model_run, tmp_path / "bad")
    (folder / "stage2.csv").write_text("epoch,loss\n0,1.0\n0,0.9\n", encoding="utf-8")
    assert _report(folder, tmp_path / "out") == ExitCode.TARGETS_MISSED
    capfd.readouterr()
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert "Training run" not in text
    assert "- training logs beside the checkpoint not used: " in text
    assert "stage2.csv: epoch 1 follows epoch 1: epochs must increase" in text
