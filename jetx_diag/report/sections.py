"""The report's sections: each one a small function from results to display strings.

Every section builder has the signature ``(evaluation, verdict, messages) -> dict | None`` and is
listed in :data:`SECTIONS` in report order; ``None`` leaves the section out. The dict holds only
display strings, counts and flags, so the templates (``templates/_<section>.<format>.j2``) only
print, loop and branch. Percentages always come from ``Rate.text()``: rounded once, the way the
gate rounds. Thresholds that turn numbers into words are the constants below, never in Jinja.

The builders of the document's own table (header, targets, confusion matrix, what a bettor
sees, the analysis) live here; the others in :mod:`~jetx_diag.report.skill`,
:mod:`~jetx_diag.report.money`, :mod:`~jetx_diag.report.randomness`,
:mod:`~jetx_diag.report.provenance` and :mod:`~jetx_diag.report.training`. A new section is one
builder appended to :data:`SECTIONS` plus one partial per format.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

import numpy as np

from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import Messages
from jetx_diag.report.figures.base import (
    ConfusionLabels,
    HistogramLabels,
    confusion_heatmap,
    figure_png,
    p_above_histogram,
)
from jetx_diag.report.images import Image, image_contexts
from jetx_diag.report.money import money_images, section_calibration, section_money
from jetx_diag.report.provenance import (
    section_artifacts,
    section_data_quality,
    section_recorded,
    section_warnings,
)
from jetx_diag.report.randomness import randomness_images, section_randomness
from jetx_diag.report.skill import (
    decision_text,
    section_skill_baselines,
    section_skill_significance,
    section_skill_verdict,
)
from jetx_diag.report.target_text import off_text, target_text
from jetx_diag.report.training import section_training, training_images
from jetx_diag.results import Artifact, Rate
from jetx_diag.scoring.metrics import BIASED_CALL_SHARE, STUCK_CALL_SHARE, is_above
from jetx_diag.scoring.targets import Verdict

#: When the share of "above" calls on below rounds and on above rounds differ by fewer
#: percentage points than this, the calls carry little information about the outcome.
SAME_RATE_POINTS = 5.0
Context = dict[str, Any]
SectionBuilder = Callable[[Evaluation, Verdict, Messages], Any]


# --------------------------------------------------------------------------- small helpers


def _threshold(evaluation: Evaluation) -> str:
    return f"{evaluation.settings.threshold:g}"


def _date(created: str) -> str:
    """``2025-10-09 12:00:00 UTC`` from the ISO timestamp; unparsable text is shown as is."""
    try:
        moment = datetime.fromisoformat(created)
    except ValueError:
        return created
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)  # ``created`` is documented as UTC
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")


def _artifact(evaluation: Evaluation, role: str) -> Artifact | None:
    return next((a for a in evaluation.artifacts if a.role == role), None)


def _call_bias(evaluation: Evaluation) -> tuple[str, str] | None:
    """``("stuck" | "biased", "above" | "below")`` when the calls go one way too often."""
    matrix = evaluation.metrics.confusion
    shares = {
        "above": Rate(matrix.called_above, matrix.total).percent(),
        "below": Rate(matrix.called_below, matrix.total).percent(),
    }
    for level, limit in (("stuck", STUCK_CALL_SHARE), ("biased", BIASED_CALL_SHARE)):
        for side, share in shares.items():
            if share is not None and share >= limit:
                return level, side
    return None


def _bias_sentence(evaluation: Evaluation, msg: Messages) -> str | None:
    bias = _call_bias(evaluation)
    if bias is None:
        return None
    level, side = bias
    matrix = evaluation.metrics.confusion
    count = matrix.called_above if side == "above" else matrix.called_below
    return msg(
        level,
        cls=msg(f"class.{side}", threshold=_threshold(evaluation)),
        share=Rate(count, matrix.total).text(),
    )


# --------------------------------------------------------------------------- sections


def _section_header(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context:
    """Title and the facts a reader needs to reproduce the run."""
    rows: list[dict[str, Any]] = []

    def add(label_key: str, value: str, code: bool = False) -> None:
        rows.append({"label": msg(label_key), "value": value, "code": code})

    checkpoint = _artifact(evaluation, "checkpoint")
    predictions = _artifact(evaluation, "predictions")
    if checkpoint is not None:
        add("header.checkpoint", checkpoint.path, code=True)
    elif predictions is not None:
        add("header.predictions", predictions.path, code=True)
    scaler = _artifact(evaluation, "scaler")
    if checkpoint is not None or scaler is not None:
        add("header.scaler", scaler.path if scaler else msg("none"), code=scaler is not None)
    metadata = _artifact(evaluation, "metadata")
    if metadata is not None:
        add("header.metadata", metadata.path, code=True)
    add("header.data", evaluation.data.source, code=True)
    split = evaluation.split
    add(
        "header.rounds",
        msg(
            "header.rounds_value",
            read=evaluation.data.rows_read,
            used=evaluation.data.rows_used,
            evaluated=split.test_samples,
        ),
    )
    split_text = (
        msg(f"split.{split.rule_code}", value=f"{split.rule_value or 0:g}")
        if msg.has(f"split.{split.rule_code}")
        else split.rule
    )
    if split.test_first_id is not None and split.test_last_id is not None:
        ids = msg("header.split_ids", first=split.test_first_id, last=split.test_last_id)
        split_text += f": {ids}"
    if split.train_samples:
        split_text += f" ({msg('header.split_train', train=split.train_samples)})"
    add("header.split", split_text)
    rule_key = (
        "header.rule_regression"
        if evaluation.calls.p_above is None
        else ("header.rule_probability")
    )
    add(
        "header.rule",
        msg(rule_key, threshold=_threshold(evaluation), cutoff=f"{evaluation.settings.cutoff:g}"),
    )
    add("header.date", _date(evaluation.created))
    add("header.tool", msg("header.tool_value", version=evaluation.tool_version))
    return {"title": msg("title", label=evaluation.label), "rows": rows}


def _section_targets(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context:
    """Critical findings: the targets table, a headline, and the one-class sentence."""
    threshold = _threshold(evaluation)
    bias = _call_bias(evaluation)
    one_sided_metric = None if bias is None else f"{bias[1]}_accuracy"
    rows = []
    for result in verdict.results:
        metric = result.target.metric
        rows.append(
            {
                "metric": metric,
                "name": msg(f"metric.{metric}", threshold=threshold),
                "result": msg("none") if result.measured is None else result.measured.text(),
                "target": target_text(result.target),
                "status": result.status,
                "status_class": result.status.replace("/", ""),  # n/a → na, for HTML classes
                "status_symbol": msg(f"status.{result.status}"),
                "status_word": msg(f"status_word.{result.status}"),
                "off": off_text(result, msg, metric == one_sided_metric),
                "decision": decision_text(result, msg, threshold),
            }
        )
    applicable = sum(1 for r in verdict.results if r.status != "n/a")
    missed = len(verdict.missed)
    if applicable == 0:
        symbol, headline = msg("status.n/a"), msg("targets.headline_none")
    elif missed == 0:
        symbol, headline = msg("status.met"), msg("targets.headline_passed", met=verdict.met_count)
    elif missed == applicable:
        symbol, headline = msg("status.missed"), msg("targets.headline_all_missed")
    else:
        symbol = msg("status.missed")
        headline = msg("targets.headline_missed", missed=missed, applicable=applicable)
    return {
        "heading": msg("targets.heading_missed" if missed else "targets.heading_passed"),
        "passed": verdict.passed,
        "headline_symbol": symbol,
        "headline": headline,
        "bias": _bias_sentence(evaluation, msg),
        "show_decision": any(r.decision is not None for r in verdict.results),
        "columns": {
            "metric": msg("targets.col_metric"),
            "result": msg("targets.col_result"),
            "target": msg("targets.col_target"),
            "status": msg("targets.col_status"),
            "off": msg("targets.col_off"),
            "decision": msg("targets.col_decision"),
        },
        "rows": rows,
    }


def _section_confusion(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context:
    """The 2×2 matrix with the money-losing cell marked and a note per row."""
    threshold = _threshold(evaluation)
    metrics = evaluation.metrics
    matrix = metrics.confusion
    below = msg("class.below", threshold=threshold)
    above = msg("class.above", threshold=threshold)
    return {
        "heading": msg("confusion.heading"),
        "corner": msg("confusion.corner"),
        "classes": [below, above],
        "rows": [
            {
                "actual": below,
                "cells": [
                    {"count": matrix.below_called_below, "money_loss": False, "marker": ""},
                    {
                        "count": matrix.below_called_above,
                        "money_loss": True,
                        "marker": msg("confusion.money_marker"),
                    },
                ],
                "note": msg("confusion.row_wrong", rate=metrics.money_loss_risk.text()),
            },
            {
                "actual": above,
                "cells": [
                    {"count": matrix.above_called_below, "money_loss": False, "marker": ""},
                    {"count": matrix.above_called_above, "money_loss": False, "marker": ""},
                ],
                "note": msg("confusion.row_correct", rate=metrics.above_accuracy.text()),
            },
        ],
    }


def _section_bettor(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context:
    """Bets placed, the share of them lost, and why that differs from money-loss risk."""
    metrics = evaluation.metrics
    matrix = metrics.confusion
    return {
        "heading": msg("bettor.heading"),
        "rows": [
            {"label": msg("bettor.bets_placed"), "value": metrics.above_call_share.text()},
            {"label": msg("bettor.bets_lost"), "value": metrics.bets_lost_share.text()},
        ],
        "explanation": msg(
            "bettor.explanation",
            risk=metrics.money_loss_risk.text(),
            below=matrix.actual_below,
            threshold=_threshold(evaluation),
            bets_lost=metrics.bets_lost_share.text(),
            bets=matrix.called_above,
            lost=matrix.below_called_above,
        ),
    }


def _section_analysis(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context:
    """Bullets computed from the numbers, in the document's style."""
    threshold = _threshold(evaluation)
    metrics = evaluation.metrics
    matrix = metrics.confusion
    bullets: list[str] = []
    if matrix.actual_below:
        bullets.append(
            msg(
                "analysis.found_below",
                below=matrix.actual_below,
                threshold=threshold,
                found=matrix.below_called_below,
                rate=metrics.below_accuracy.text(),
            )
        )
    if matrix.below_called_above:
        bullets.append(msg("analysis.lost", lost=matrix.below_called_above, threshold=threshold))
    # A model that calls one class too often gets the stronger sentence, which names the share.
    bias = _bias_sentence(evaluation, msg)
    bullets.append(
        bias
        if bias is not None
        else msg("analysis.above_share", share=metrics.above_call_share.text(), threshold=threshold)
    )
    on_below = metrics.money_loss_risk.percent()
    on_above = metrics.above_accuracy.percent()
    if on_below is not None and on_above is not None:
        text = msg(
            "analysis.separation",
            on_below=metrics.money_loss_risk.text(),
            on_above=metrics.above_accuracy.text(),
            threshold=threshold,
        )
        if abs(on_below - on_above) < SAME_RATE_POINTS:
            text += " " + msg("analysis.no_separation")
        bullets.append(text)
    if matrix.total:
        bullets.append(
            msg(
                "analysis.imbalance",
                above_rate=Rate(matrix.actual_above, matrix.total).text(),
                below_rate=Rate(matrix.actual_below, matrix.total).text(),
                threshold=threshold,
            )
        )
        # The majority class is the baseline a model must beat to be of any use.
        side = "above" if matrix.actual_above >= matrix.actual_below else "below"
        baseline = Rate(max(matrix.actual_above, matrix.actual_below), matrix.total)
        text = msg(
            "analysis.baseline",
            cls=msg(f"class.{side}", threshold=threshold),
            baseline=baseline.text(),
            model=metrics.threshold_accuracy.text(),
        )
        model_shown = metrics.threshold_accuracy.percent()
        baseline_shown = baseline.percent()
        if (
            model_shown is not None
            and baseline_shown is not None
            and (model_shown <= baseline_shown)
        ):
            text += " " + msg("analysis.baseline_not_better")
        bullets.append(text)
    errors = metrics.regression
    if errors is not None and errors.count:
        bullets.append(
            msg(
                "analysis.regression",
                mae=f"{errors.mae:.3f}",
                rmse=f"{errors.rmse:.3f}",
                median=f"{errors.median_absolute_error:.3f}",
                count=errors.count,
            )
        )
    return {"heading": msg("analysis.heading"), "bullets": bullets}


#: Sections in report order. Builders returning ``None`` leave their section out.
SECTIONS: tuple[tuple[str, SectionBuilder], ...] = (
    ("header", _section_header),
    ("targets", _section_targets),
    ("skill_verdict", section_skill_verdict),  # better than chance? right under the targets
    ("confusion", _section_confusion),
    ("bettor", _section_bettor),
    ("analysis", _section_analysis),
    ("skill_baselines", section_skill_baselines),  # report/skill.py
    ("skill_significance", section_skill_significance),
    ("calibration", section_calibration),
    ("money", section_money),
    ("randomness", section_randomness),
    ("data_quality", section_data_quality),
    ("artifacts", section_artifacts),
    ("recorded", section_recorded),
    ("training", section_training),  # the run's logs beside the checkpoint (report_training)
    ("warnings", section_warnings),
)


# --------------------------------------------------------------------------- plots


def build_plots(evaluation: Evaluation, msg: Messages, stem: str = "report") -> list[Context]:
    """The report's figures as PNG bytes with file name, data URI and caption.

    The p_above histogram is left out when the model gives no probability.
    """
    threshold = _threshold(evaluation)
    classes = (msg("class.below", threshold=threshold), msg("class.above", threshold=threshold))
    images: list[Image] = []
    confusion_title = msg("plots.confusion_title")
    figure = confusion_heatmap(
        evaluation.metrics.confusion.rows(),
        ConfusionLabels(
            title=confusion_title,
            predicted=msg("plots.predicted"),
            actual=msg("plots.actual"),
            classes=classes,
            money_marker=msg("plots.money_marker"),
        ),
    )
    images.append(("confusion", confusion_title, figure_png(figure)))
    calls = evaluation.calls
    if calls.p_above is not None and calls.p_above.size:
        p_above = np.asarray(calls.p_above, dtype=float)
        ended_above = is_above(calls.actual, evaluation.settings.threshold)
        when_below, when_above = p_above[~ended_above], p_above[ended_above]
        title = msg("plots.p_above_title", threshold=threshold)
        figure = p_above_histogram(
            when_below,
            when_above,
            evaluation.settings.cutoff,
            HistogramLabels(
                title=title,
                x_axis=msg("plots.p_above_axis"),
                y_axis=msg("plots.share_axis"),
                ended_below=msg("plots.ended_below", threshold=threshold, count=when_below.size),
                ended_above=msg("plots.ended_above", threshold=threshold, count=when_above.size),
                cutoff=msg("plots.cutoff", cutoff=f"{evaluation.settings.cutoff:g}"),
            ),
        )
        images.append(("p_above", title, figure_png(figure)))
    images.extend(money_images(evaluation, msg))  # calibration, cut-offs, bankroll
    images.extend(randomness_images(evaluation, msg))  # autocorrelation
    images.extend(training_images(evaluation.training, msg))  # learning curves, one per stage
    return image_contexts(images, stem)
