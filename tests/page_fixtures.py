"""Every kind of page, as rich as the tool makes them, written by the tool itself.

* the report: the committed example's predictions (the source document's test set), with run
  metadata that records metrics, a round history with rejected rows, and the document-shaped
  training run of ``test_training_diagnosis`` diagnosed beside it, so every section is present
  (skill, calibration with the cut-off sweep, money, randomness, data quality, artifacts,
  recorded metrics, training, warnings);
* the comparison page: ``jetx-diag compare`` on three saved evaluations (the example, the same
  rounds with every call flipped, and a model that always says "above");
* the run report: ``jetx-diag history`` on the document's stage-1 log.

No Keras: the pages are built from predictions files, so the browser and language tests stay
fast. Everything goes through the real evaluation, report and CLI code.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np
from test_training_diagnosis import DOC_METADATA, doc_stage1, write_csv

from jetx_diag.cli.main import run
from jetx_diag.demo.example import EXAMPLE_DATE, document_predictions
from jetx_diag.evaluation.evaluator import evaluate_predictions_file
from jetx_diag.evaluation.options import EvaluationOptions
from jetx_diag.history.rounds import load_history
from jetx_diag.predictions import write_predictions_csv
from jetx_diag.report.writer import write_report
from jetx_diag.scoring.targets import DEFAULT_TARGETS, decide_targets, evaluate_targets
from jetx_diag.training.run import TrainingOptions, diagnose_run

#: Run metadata as training scripts write it: metrics of the final model, in fractions.
RUN_METADATA = {
    "model": "jetx_progressive_final.h5",
    "metrics": {
        "below_accuracy": 0.0594,
        "above_accuracy": 0.9368,
        "money_loss_risk": 0.941,
        "threshold_accuracy": 0.593,
        "classification_accuracy": 0.3909,
        "regression_mae": 9.268,
    },
}

#: A history with one row of every rejected kind among good rounds.
HISTORY_CSV = "id,value\n" + "".join(
    f"{i},{v}\n"
    for i, v in enumerate(
        ["1.52", "2.10", "abc", "1.01", "", "0.5", "3.4", "nan", "1.2 1.3", "7.77", "1.5"], start=1
    )
)


#: Fewer resamples for the extra saved evaluations: their pages are not the ones inspected.
FAST = ("--permutations", "200", "--bootstrap", "200")


@dataclass(frozen=True)
class Pages:
    """The HTML pages of one language (and the folders they sit in)."""

    report: Path
    compare: Path
    history: Path


def _variant(root: Path, name: str, flip: bool = False, always_above: bool = False) -> Path:
    predictions = document_predictions()
    p_above = predictions.p_above
    if flip:
        p_above = np.round(1.0 - p_above, 4)
    if always_above:
        p_above = np.full_like(p_above, 0.9)
    path = root / f"{name}.csv"
    write_predictions_csv(path, replace(predictions, p_above=p_above))
    return path


def build_pages(root: Path, lang: str) -> Pages:
    """Write the report, comparison and run report in ``lang`` under ``root``.

    Paths are given relative to ``root`` (the pages show them), so the pages do not depend on
    where the test's temporary folder is.
    """
    root.mkdir(parents=True, exist_ok=True)
    with contextlib.chdir(root):
        return _build(Path("."), lang, root)


def _build(here: Path, lang: str, root: Path) -> Pages:
    run_dir = here / "run"
    run_dir.mkdir(exist_ok=True)
    write_csv(run_dir / "stage1.csv", doc_stage1())
    (run_dir / "progressive_model_info.json").write_text(json.dumps(DOC_METADATA))

    metadata = here / "progressive_model_info.json"
    metadata.write_text(json.dumps(RUN_METADATA))
    history_csv = here / "history.csv"
    history_csv.write_text(HISTORY_CSV)
    predictions = _variant(here, "document_predictions")
    evaluation = evaluate_predictions_file(predictions, EvaluationOptions(metadata=str(metadata)))
    data = load_history(history_csv)
    _, diagnosis = diagnose_run(run_dir, TrainingOptions(check_widths=True))
    evaluation = replace(
        evaluation,
        created=EXAMPLE_DATE,
        data=replace(
            evaluation.data,
            source=str(history_csv),
            rows_read=data.accounting.rows_read,
            rows_used=data.accounting.rows_used,
            rejected=data.accounting.rejected,
            notes=data.accounting.notes,
        ),
        training=diagnosis,
    )
    verdict = decide_targets(evaluate_targets(evaluation.metrics, DEFAULT_TARGETS))
    report_dir = here / "report"
    write_report(evaluation, verdict, report_dir, formats=("md", "html", "json"), lang=lang)

    saved = [report_dir / "report.json"]
    for name, flags in (("flipped", {"flip": True}), ("always_above", {"always_above": True})):
        path = _variant(here, name, **flags)
        out = here / name
        code = run(
            [
                "report",
                "--predictions",
                str(path),
                "-o",
                str(out),
                "--json",
                str(out / "report.json"),
                "--lang",
                lang,
                "-q",
                *FAST,
            ]
        )
        assert code in (0, 1), code
        saved.append(out / "report.json")
    compare_dir = here / "compare"
    code = run(["compare", *map(str, saved), "-o", str(compare_dir), "--lang", lang, "-q"])
    assert code in (0, 1), code
    history_dir = here / "history"
    code = run(["history", str(run_dir), "-o", str(history_dir), "--lang", lang, "-q"])
    assert code in (0, 1), code
    return Pages(
        report=root / report_dir / "report.html",
        compare=root / compare_dir / "compare.html",
        history=root / history_dir / "history.html",
    )
