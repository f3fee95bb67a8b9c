"""The baseline ratchet in a report: its section (metric, then, now, change, status) and the
report's files and step-summary Markdown with that section placed under the targets."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from jetx_diag.compare.ratchet import BaselineCheck
from jetx_diag.evaluation.record import Evaluation
from jetx_diag.files import write_files
from jetx_diag.i18n.messages import Messages, messages
from jetx_diag.report.context import build_context
from jetx_diag.report.markdown import render_markdown
from jetx_diag.report.writer import render_outputs
from jetx_diag.results import PERCENT_DECIMALS


def _points(value: float) -> str:
    """``+2.50`` / ``-20.00``; no sign on an unchanged ``0.00``."""
    return f"{value:.{PERCENT_DECIMALS}f}" if value == 0 else f"{value:+.{PERCENT_DECIMALS}f}"


def baseline_section(check: BaselineCheck, msg: Messages) -> dict[str, Any]:
    """The ratchet as display strings, for the report, the comparison page and the terminal."""
    threshold = f"{check.threshold:g}"
    rows = []
    for change in check.changes:
        rows.append(
            {
                "name": msg(f"metric.{change.metric}", threshold=threshold),
                "baseline": msg("none") if change.baseline is None else change.baseline.text(),
                "current": msg("none") if change.current is None else change.current.text(),
                "change": msg("none")
                if change.change is None
                else msg("baseline.points", points=_points(change.change)),
                "status": change.status,
                "status_text": msg(f"baseline.status_{change.status}"),
                "fails": change.status in ("worse", "missing"),
            }
        )
    tolerance = f"{check.tolerance:g}"
    if check.passed:
        headline = msg("baseline.headline_passed", tolerance=tolerance)
    else:
        headline = msg("baseline.headline_worse", count=len(check.worse), tolerance=tolerance)
    notes = []
    if not check.same_rounds:
        notes.append(
            msg(
                "baseline.other_rounds",
                baseline=check.baseline_rounds,
                current=check.current_rounds,
            )
        )
    return {
        "heading": msg("baseline.heading"),
        "intro": msg(
            "baseline.intro",
            current=check.current_label,
            baseline=check.baseline_label,
            source=check.source,
            tolerance=tolerance,
        ),
        "passed": check.passed,
        "headline_symbol": msg("status.met" if check.passed else "status.missed"),
        "headline": headline,
        "columns": {
            "metric": msg("baseline.col_metric"),
            "baseline": msg("baseline.col_baseline"),
            "current": msg("baseline.col_current"),
            "change": msg("baseline.col_change"),
            "status": msg("baseline.col_status"),
        },
        "rows": rows,
        "notes": notes,
    }


#: Name of the ratchet's section in a report context (partials ``_compare_baseline.*.j2``).
BASELINE_SECTION = "compare_baseline"


def report_context(
    evaluation: Evaluation,
    verdict: Any,
    lang: str,
    baseline: BaselineCheck | None,
    *,
    include_plots: bool = True,
    stem: str = "report",
) -> dict[str, Any]:
    """The report's context (``report.context.build_context``) with the ratchet's section placed
    right after the targets when there is a baseline."""
    context = build_context(evaluation, verdict, lang, include_plots=include_plots, stem=stem)
    if baseline is not None:
        context[BASELINE_SECTION] = baseline_section(baseline, messages(lang))
        sections = context["sections"]
        # Right under the targets and the one-line skill verdict that belongs to them.
        anchor = next((s for s in ("skill_verdict", "targets") if s in sections), None)
        position = len(sections) if anchor is None else sections.index(anchor) + 1
        sections.insert(position, BASELINE_SECTION)
    return context


def write_report(
    evaluation: Evaluation,
    verdict: Any,
    out_dir: str | Path,
    *,
    formats: Sequence[str] = ("md", "html"),
    lang: str = "en",
    stem: str = "report",
    baseline: BaselineCheck | None = None,
) -> list[Path]:
    """``report.writer.write_report``, plus the ratchet's section in Markdown and HTML when
    there is a baseline. Everything is rendered before anything is written."""
    context = None
    if baseline is not None and ("md" in formats or "html" in formats):
        context = report_context(evaluation, verdict, lang, baseline, stem=stem)
    outputs = render_outputs(
        evaluation, verdict, Path(out_dir), formats=formats, lang=lang, stem=stem, context=context
    )
    return write_files(outputs)


def report_summary(
    evaluation: Evaluation, verdict: Any, lang: str, baseline: BaselineCheck | None = None
) -> str:
    """The report's Markdown without images (a step summary cannot show files beside it)."""
    return render_markdown(report_context(evaluation, verdict, lang, baseline, include_plots=False))
