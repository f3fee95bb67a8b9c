"""The terminal summary: a compact rich table of the targets, the row accounting, the files.

Every text comes from ``report.context.build_context`` (without plots), so the terminal, the
Markdown and the HTML say the same thing in the same words. Data texts are printed as rich
``Text`` objects, never as markup: a label like ``[red]x`` is shown literally.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.table import Table
from rich.text import Text

from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import messages
from jetx_diag.report.context import build_context
from jetx_diag.report.terminal_tables import print_table
from jetx_diag.scoring.targets import Verdict

_STATUS_STYLE = {"met": "green", "missed": "bold red", "n/a": "dim"}


def targets_table(evaluation: Evaluation, verdict: Verdict, lang: str = "en") -> Table:
    """The targets as a rich table: metric, result with counts, target, status, how far off."""
    section = build_context(evaluation, verdict, lang, include_plots=False)["targets"]
    return _targets_table(section, messages(lang)("terminal.title", label=evaluation.label))


def _targets_table(section: dict[str, Any], title: str) -> Table:
    columns = section["columns"]
    table = Table(title=Text(title), title_justify="left")
    table.add_column(Text(columns["metric"]))
    table.add_column(Text(columns["result"]), justify="right")
    table.add_column(Text(columns["target"]), justify="right")
    table.add_column(Text(columns["status"]), justify="center")
    table.add_column(Text(columns["off"]))
    decided = bool(section.get("show_decision"))
    if decided:
        table.add_column(Text(columns["decision"]))
    for row in section["rows"]:
        style = _STATUS_STYLE.get(row["status"], "")
        cells = [
            Text(row["name"]),
            Text(row["result"]),
            Text(row["target"]),
            Text(f"{row['status_symbol']} {row['status_word']}"),
            Text(row["off"]),
        ]
        if decided:
            cells.append(Text(row["decision"]))
        table.add_row(*cells, style=style)
    return table


def print_summary(
    evaluation: Evaluation,
    verdict: Verdict,
    written: Sequence[Path | str] = (),
    *,
    lang: str = "en",
    console: Console | None = None,
) -> None:
    """Print the targets table, the headline, the row accounting and the paths written."""
    console = console or Console()
    msg = messages(lang)
    context = build_context(evaluation, verdict, lang, include_plots=False)
    targets = context["targets"]
    print_table(console, _targets_table(targets, msg("terminal.title", label=evaluation.label)))
    headline_style = "bold green" if targets["passed"] else "bold red"
    console.print(Text(f"{targets['headline_symbol']} {targets['headline']}", headline_style))
    if targets["bias"]:
        console.print(Text(targets["bias"], style="bold yellow"))
    skill = context.get("skill_verdict")
    if skill:  # better than chance? Right under the targets as in the report
        good = skill["code"] == "beats_chance_and_baselines"
        console.print(Text(skill["lead"], style="bold green" if good else "bold yellow"))
    data = evaluation.data
    console.print(
        Text(
            msg(
                "terminal.rows",
                read=data.rows_read,
                used=data.rows_used,
                rejected=len(data.rejected),
            )
        )
    )
    quality = context["data_quality"]
    if quality["rejected"]:
        rejected = Table(title=Text(msg("terminal.rejected_title")), title_justify="left")
        for key in ("where", "raw", "reason"):
            rejected.add_column(Text(quality["columns"][key]))
        for row in quality["rejected"]:
            rejected.add_row(Text(row["where"]), Text(row["raw"]), Text(row["reason"]))
        print_table(console, rejected)
        if quality["more"]:
            console.print(Text(quality["more"]))
    for warning in evaluation.warnings:
        console.print(Text("⚠ " + msg.recorded(warning), style="yellow"))
    if written:
        console.print(Text(msg("terminal.written"), style="bold"))
        for path in written:
            console.print(Text(f"  {path}"))


def print_undecided(
    evaluation: Evaluation, verdict: Verdict, *, lang: str = "en", console: Console | None = None
) -> None:
    """Why ``--require-decided`` fails a run whose targets are met: the targets not met by their
    whole interval, with their decision."""
    console = console or Console()
    msg = messages(lang)
    rows = {
        row["metric"]: row
        for row in build_context(evaluation, verdict, lang, include_plots=False)["targets"]["rows"]
    }
    names = [
        f"{rows[r.target.metric]['name']}: {rows[r.target.metric]['decision']}"
        for r in verdict.not_decided_met
    ]
    text = msg("terminal.require_decided", count=len(names), names="; ".join(names))
    console.print(Text(text, style="bold red"))
