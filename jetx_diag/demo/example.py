"""The committed example report: the source document's test set, reconstructed, reported.

The document published its confusion matrix (26/412/43/637) and its 3-class accuracy (39.09%),
not its per-round predictions. This module rebuilds a predictions file with exactly those counts:
the outcomes are real provably-fair rounds (fairgen, fixed seed), the calls are placed on them by
a seeded generator to match the published matrix. The report on it must then say what the
document said by hand. Everything is fixed (seed, date), so the output is byte-for-byte the same
on every run: ``make example`` refreshes ``reports/example``; a golden test compares.

Run: ``python -m jetx_diag.demo.example OUT_DIR``.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

from jetx_diag.demo.fairgen import generate_rounds
from jetx_diag.evaluation.evaluator import evaluate_predictions_file
from jetx_diag.evaluation.options import EvaluationOptions
from jetx_diag.predictions import Predictions, write_predictions_csv
from jetx_diag.report.writer import write_report
from jetx_diag.scoring.targets import DEFAULT_TARGETS, decide_targets, evaluate_targets

#: The document's test set: actual below/above × called below/above, and 3-class hits.
DOCUMENT_MATRIX = ((26, 412), (43, 637))
DOCUMENT_CLASS_HITS = 437  # 437 / 1118 = 39.09%
#: The document's training date, used as the report date so the example never changes.
EXAMPLE_DATE = "2025-10-09T00:00:00+00:00"
SEED = 20251009


def document_predictions() -> Predictions:
    """1118 fair rounds (438 below 1.5, 680 above) with calls matching the document."""
    (bb, ba), (ab, aa) = DOCUMENT_MATRIX
    want_below, want_above = bb + ba, ab + aa
    stream = generate_rounds(4 * (want_below + want_above), seed="jetx-diag-example")
    chosen: list[float] = []
    below = above = 0
    for value in stream:  # keep the stream's order, fill each class quota
        if value < 1.5 and below < want_below:
            below += 1
            chosen.append(float(value))
        elif value >= 1.5 and above < want_above:
            above += 1
            chosen.append(float(value))
        if below == want_below and above == want_above:
            break
    rng = np.random.default_rng(SEED)
    # Filling two quotas from a stream leaves the tail all one class; a seeded shuffle restores
    # the order of independent draws (the report's randomness audit would flag it otherwise).
    actual = rng.permutation(np.asarray(chosen))
    is_below = actual < 1.5
    called_above = np.ones(actual.size, dtype=bool)
    below_idx, above_idx = np.flatnonzero(is_below), np.flatnonzero(~is_below)
    called_above[rng.choice(below_idx, bb, replace=False)] = False
    called_above[rng.choice(above_idx, ab, replace=False)] = False
    # p_above: calls of "above" sit in [0.5, 0.95), calls of "below" in [0.25, 0.5).
    p_above = np.where(
        called_above, rng.uniform(0.5, 0.95, actual.size), rng.uniform(0.25, 0.5, actual.size)
    ).round(4)
    classes = np.digitize(actual, (1.5, 10.0))
    predicted = classes.copy()
    wrong = rng.choice(actual.size, actual.size - DOCUMENT_CLASS_HITS, replace=False)
    predicted[wrong] = (classes[wrong] + rng.integers(1, 3, wrong.size)) % 3
    class_probs = np.full((actual.size, 3), 0.2)
    class_probs[np.arange(actual.size), predicted] = 0.6
    regression = (actual * rng.uniform(0.5, 1.5, actual.size)).round(3)
    return Predictions(
        round_ids=np.arange(1, actual.size + 1),
        actual=actual,
        p_above=p_above,
        class_probs=class_probs,
        regression=regression,
    )


def write_example(out_dir: str | Path) -> list[Path]:
    """Write the predictions file and the English and Turkish reports into ``out_dir``."""

    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    csv_path = out / "document_predictions.csv"
    write_predictions_csv(csv_path, document_predictions())
    evaluation = evaluate_predictions_file(csv_path, EvaluationOptions())
    # Fixed date and a path relative to the example folder: reruns give identical bytes.
    evaluation = replace(
        evaluation,
        created=EXAMPLE_DATE,
        label="document_predictions.csv",
        artifacts=tuple(replace(a, path=Path(a.path).name) for a in evaluation.artifacts),
        data=replace(evaluation.data, source=csv_path.name),
    )
    verdict = decide_targets(
        evaluate_targets(evaluation.metrics, DEFAULT_TARGETS),
        held_out_rounds=evaluation.metrics.confusion.total,
    )
    written = [csv_path]
    for lang in ("en", "tr"):
        written.extend(write_report(evaluation, verdict, out / lang, lang=lang))
    return written


if __name__ == "__main__":
    for path in write_example(sys.argv[1] if len(sys.argv) > 1 else "reports/example"):
        print(path)
