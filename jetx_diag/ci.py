"""CI helpers: the baseline ratchet and the GitHub step summary.

The ratchet compares the percentages as the report rounds and prints them (``Rate.percent``),
the way coverage.py's ``fail_under`` compares its rounded total, so the report and the exit code
never disagree: a metric "got worse" when it moved in the bad direction by more than
``tolerance`` percentage points. The metrics compared are the ones that have a target.
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.errors import InputError, UsageError
from jetx_diag.i18n.messages import Messages
from jetx_diag.results import PERCENT_DECIMALS, Evaluation, Rate
from jetx_diag.targets import LOWER_IS_BETTER, TARGET_METRICS, Target

#: GitHub's size limit of one step summary, as given in the issue: what is appended stays below.
STEP_SUMMARY_LIMIT = 65_536


#: Codes of :attr:`MetricChange.status`.
CHANGE_STATUSES: tuple[str, ...] = (
    "better",  # moved in the good direction
    "same",  # the shown percentage did not move
    "within_tolerance",  # worse, by no more than the tolerance
    "worse",  # worse by more than the tolerance: fails the run (exit 6)
    "missing",  # the baseline had this metric, the model no longer has the output: fails too
    "not_comparable",  # no value (0/0) on one side, or neither side has the metric
)


@dataclass(frozen=True)
class MetricChange:
    """One metric now and in the baseline, as the report shows them."""

    metric: str
    baseline: Rate | None
    current: Rate | None
    change: float | None  # current − baseline, in percentage points (rounded like the report)
    status: str  # one of CHANGE_STATUSES


@dataclass(frozen=True)
class BaselineCheck:
    """The current evaluation against a saved one."""

    source: str  # the baseline file
    baseline_label: str
    current_label: str
    tolerance: float  # percentage points
    changes: tuple[MetricChange, ...]
    same_rounds: bool  # both were measured on the same rounds (ids and outcomes)
    baseline_rounds: int
    current_rounds: int
    threshold: float = 1.5  # the current evaluation's cash-out multiplier, for metric names

    @property
    def worse(self) -> tuple[MetricChange, ...]:
        """Changes that fail the run."""
        return tuple(c for c in self.changes if c.status in ("worse", "missing"))

    @property
    def passed(self) -> bool:
        return not self.worse


def _change(
    metric: str, baseline: Rate | None, current: Rate | None, tolerance: float
) -> MetricChange:
    if current is None and baseline is not None:
        return MetricChange(metric, baseline, current, None, "missing")
    before = None if baseline is None else baseline.percent()
    now = None if current is None else current.percent()
    if before is None or now is None:
        return MetricChange(metric, baseline, current, None, "not_comparable")
    # Rounded once more: 75.00 − 75.10 must be −0.10 points, not −0.0999999.
    change = round(now - before, PERCENT_DECIMALS)
    loss = change if metric in LOWER_IS_BETTER else -change
    if loss == 0:
        status = "same"
    elif loss < 0:
        status = "better"
    elif loss <= tolerance:
        status = "within_tolerance"
    else:
        status = "worse"
    return MetricChange(metric, baseline, current, change, status)


def check_baseline(
    current: Evaluation,
    baseline: Evaluation,
    *,
    tolerance: float = 0.0,
    targets: Sequence[Target] = (),
    source: str = "baseline",
) -> BaselineCheck:
    """Every metric that has a target (all target metrics when none are given), now vs then."""
    if not tolerance >= 0.0:  # also refuses NaN
        raise UsageError(f"--tolerance is in percentage points and at least 0, got {tolerance}")
    names = [t.metric for t in targets] or list(TARGET_METRICS)
    names = list(dict.fromkeys(names))
    changes = tuple(
        _change(m, baseline.metrics.rate(m), current.metrics.rate(m), tolerance) for m in names
    )
    same = np.array_equal(baseline.calls.round_ids, current.calls.round_ids) and np.array_equal(
        baseline.calls.actual, current.calls.actual
    )
    return BaselineCheck(
        source=source,
        baseline_label=baseline.label,
        current_label=current.label,
        tolerance=float(tolerance),
        changes=changes,
        same_rounds=same,
        baseline_rounds=baseline.split.test_samples,
        current_rounds=current.split.test_samples,
        threshold=current.settings.threshold,
    )


def load_baseline(path: str | Path) -> Evaluation:
    """The evaluation a ratchet compares with: a saved evaluation (``report --json``) or the
    best checkpoint of a saved comparison (``compare --json``)."""
    from jetx_diag.compare_json import is_saved_comparison, load_comparison_json
    from jetx_diag.render_json import load_evaluation_json

    path = Path(path)
    try:
        comparison = is_saved_comparison(path)
    except OSError as error:
        raise InputError(
            f"cannot read the baseline: {error.strerror or error}", path=path
        ) from None
    if comparison:
        return load_comparison_json(path).best.evaluation
    evaluation, _ = load_evaluation_json(path)
    return evaluation


# --------------------------------------------------------------------------- display


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


# --------------------------------------------------------------------------- step summary


def bounded(text: str, note: str, limit: int = STEP_SUMMARY_LIMIT) -> str:
    """``text`` unchanged when it fits in ``limit`` (counted in UTF-8 bytes, so also in
    characters); otherwise cut at a line end with ``note`` appended, the whole below ``limit``."""
    if len(text.encode("utf-8")) < limit:
        return text
    tail = f"\n\n> ⚠️ {note}\n"
    room = limit - 1 - len(tail.encode("utf-8"))
    if room <= 0:
        raise ValueError(f"a limit of {limit} leaves no room for the note")
    kept = text.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    cut = kept.rfind("\n")
    if cut > 0:
        kept = kept[:cut]
    return kept.rstrip("\n") + tail


def append_step_summary(
    markdown: str,
    note: str,
    *,
    environ: Mapping[str, str] | None = None,
    limit: int = STEP_SUMMARY_LIMIT,
) -> Path | None:
    """Append ``markdown`` (bounded, see :func:`bounded`) to ``$GITHUB_STEP_SUMMARY``.

    Returns the file appended to, or ``None`` when the variable is not set. GitHub creates the
    file; appending keeps what earlier steps wrote there.
    """
    environ = os.environ if environ is None else environ
    target = environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    try:
        # A blank line keeps this summary apart from what earlier steps wrote; it counts
        # towards the limit too.
        separator = "\n" if path.is_file() and path.stat().st_size > 0 else ""
        text = separator + bounded(markdown, note, limit - len(separator))
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise UsageError(
            f"cannot append the step summary: {error.strerror or error}",
            path=path,
            hint="GITHUB_STEP_SUMMARY must name a writable file",
        ) from None
    return path


def step_summary(
    markdown: str, lang: str = "en", *, environ: Mapping[str, str] | None = None
) -> Path | None:
    """:func:`append_step_summary` with the truncation note in ``lang``."""
    from jetx_diag.i18n.messages import messages

    note = messages(lang)("summary.truncated", limit=f"{STEP_SUMMARY_LIMIT:,}")
    return append_step_summary(markdown, note, environ=environ)


# --------------------------------------------------------------------------- report with ratchet

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
    """The report's context (``report_core.build_context``) with the ratchet's section placed
    right after the targets when there is a baseline."""
    from jetx_diag.i18n.messages import messages
    from jetx_diag.report_core import build_context

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
    """``report_core.write_report``, plus the ratchet's section in Markdown and HTML when
    there is a baseline. Everything is rendered before anything is written."""
    from jetx_diag import report_core

    context = None
    if baseline is not None and ("md" in formats or "html" in formats):
        context = report_context(evaluation, verdict, lang, baseline, stem=stem)
    outputs = report_core.render_outputs(
        evaluation, verdict, Path(out_dir), formats=formats, lang=lang, stem=stem, context=context
    )
    return report_core.write_files(outputs)


def report_summary(
    evaluation: Evaluation, verdict: Any, lang: str, baseline: BaselineCheck | None = None
) -> str:
    """The report's Markdown without images (a step summary cannot show files beside it)."""
    from jetx_diag.render_markdown import render_markdown

    return render_markdown(report_context(evaluation, verdict, lang, baseline, include_plots=False))
