"""What a notebook shows: an evaluation or comparison as the report's summary, and as pandas.

``Evaluation._repr_html_`` and ``Comparison._repr_html_`` call :func:`summary_html` /
:func:`comparison_html`: the report's header, targets table and verdict (the comparison's
header, best checkpoint and ranking) as an HTML fragment, from the same context and templates
as the report. ``to_frame()`` calls :func:`calls_frame` / :func:`metrics_frame` /
:func:`comparison_frame`: the per-round calls and the metrics as pandas objects, with counts
beside every rate.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from jetx_diag.compare.ranking import Comparison
    from jetx_diag.evaluation.record import Evaluation

#: The metrics of ``Metrics`` in report order.
METRICS: tuple[str, ...] = (
    "below_accuracy",
    "above_accuracy",
    "money_loss_risk",
    "threshold_accuracy",
    "classification_accuracy",
    "bets_lost_share",
    "above_call_share",
)


def summary_html(evaluation: Evaluation, lang: str = "en") -> str:
    """The report's summary (header, targets, better than chance?) as an HTML fragment."""
    from jetx_diag.report.context import build_context, render_template
    from jetx_diag.scoring.targets import DEFAULT_TARGETS, decide_targets, evaluate_targets

    verdict = decide_targets(evaluate_targets(evaluation.metrics, DEFAULT_TARGETS))
    context = build_context(evaluation, verdict, lang, include_plots=False)
    present = [s for s in ("header", "targets", "skill_verdict") if s in context["sections"]]
    return render_template("summary.html.j2", {**context, "summary_sections": present})


def comparison_html(comparison: Comparison, lang: str = "en") -> str:
    """The comparison's header, best checkpoint and ranking as an HTML fragment."""
    from jetx_diag.report.compare_page import build_compare_context
    from jetx_diag.report.context import render_template

    context = build_compare_context(comparison, lang, include_plots=False)
    sections = ["compare_header", "compare_best", "compare_ranking"]
    page = {"figures": {}, "left": []}
    return render_template(
        "summary.html.j2", {**context, "page": page, "summary_sections": sections}
    )


def calls_frame(evaluation: Evaluation) -> pd.DataFrame:
    """One row per evaluated round: ``actual``, ``p_above``, ``called_above``, ``ended_above``,
    ``correct``; indexed by ``round_id``."""
    calls = evaluation.calls
    threshold = evaluation.settings.threshold
    count = len(calls.actual)
    p_above = calls.p_above if calls.p_above is not None else [float("nan")] * count
    frame = pd.DataFrame(
        {
            "actual": np.asarray(calls.actual, dtype=np.float64),
            "p_above": np.asarray(p_above, dtype=np.float64),
            "called_above": np.asarray(calls.called_above, dtype=bool),
        },
        index=pd.Index(calls.round_ids, name="round_id"),
    )
    frame["ended_above"] = frame["actual"] >= threshold
    frame["correct"] = frame["called_above"] == frame["ended_above"]
    return frame


def metrics_frame(evaluation: Evaluation) -> pd.DataFrame:
    """One row per metric: ``hits``, ``total`` and ``percent`` (rounded as the report shows it;
    ``NaN`` when nothing was counted)."""
    rows: dict[str, dict[str, Any]] = {}
    for name in METRICS:
        rate = evaluation.metrics.rate(name)
        if rate is None:
            continue
        rows[name] = {"hits": rate.hits, "total": rate.total, "percent": rate.percent()}
    frame = pd.DataFrame.from_dict(rows, orient="index")
    frame.index.name = "metric"
    return frame.astype({"hits": "int64", "total": "int64", "percent": "float64"})


def comparison_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per checkpoint in rank order: ``rank``, ``targets_met``, ``targets_applicable``,
    ``collapsed_to`` and each metric's percent; indexed by the checkpoint's label."""
    rows = []
    for entry in comparison.entries:
        row: dict[str, Any] = {
            "checkpoint": entry.label,
            "rank": entry.rank,
            "targets_met": entry.verdict.met_count,
            "targets_applicable": entry.applicable,
            "collapsed_to": entry.collapsed_to,
        }
        for name in METRICS:
            rate = entry.evaluation.metrics.rate(name)
            row[name] = None if rate is None else rate.percent()
        rows.append(row)
    return pd.DataFrame(rows).set_index("checkpoint")


def comparison_calls_frame(comparison: Comparison) -> pd.DataFrame:
    """One row per round: ``actual`` and each checkpoint's ``called_above`` (one column per
    label), aligned on the round ids; a checkpoint that did not see a round has ``<NA>``."""
    best = calls_frame(comparison.best.evaluation)
    frame = best[["actual"]].copy()
    for entry in comparison.entries:
        calls = calls_frame(entry.evaluation)["called_above"].astype("boolean")
        frame[entry.label] = calls.reindex(frame.index)
    return frame
