"""Report section: is there anything to predict? The held-out rounds audited.

:func:`section_randomness` (runs test, Ljung–Box, the fair-game law P(X ≥ m) and the house
edge it implies) and :func:`randomness_images` (the autocorrelation plot). Builders as in
:mod:`jetx_diag.report.sections`; display helpers from :mod:`jetx_diag.report.skill`.
"""

from __future__ import annotations

from typing import Any

from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import Messages
from jetx_diag.report.figures.base import figure_png
from jetx_diag.report.figures.skill import AcfLabels, acf_plot
from jetx_diag.report.images import Image
from jetx_diag.report.skill import (
    level_text,
    percent_text,
    rate_with_interval,
    render,
    setting_text,
    threshold_text,
)
from jetx_diag.scoring.targets import Verdict
from jetx_diag.skill.assessment import format_p, format_signed

Context = dict[str, Any]


# --------------------------------------------------------------------------- randomness


def section_randomness(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context | None:
    """The randomness audit of the rounds: the plain statement with its numbers, then each check."""
    skill = evaluation.skill
    if skill is None:
        return None
    audit = skill.randomness
    threshold = threshold_text(evaluation)
    level = level_text(skill.settings.level)
    statement = next(
        (render(m, msg) for m in skill.messages if m.key.startswith("randomness.")), None
    )
    law_sentence = next((render(m, msg) for m in skill.messages if m.key.startswith("law.")), None)
    audited = msg(
        "randomness.audited_history"
        if audit.source == "history"
        else "randomness.audited_held_out",
        rounds=audit.rounds,
    )
    checks: list[Context] = []
    if audit.runs is not None:
        runs = audit.runs
        checks.append(
            {
                "check": msg("randomness.check_runs", threshold=threshold),
                "result": msg(
                    "randomness.runs_value",
                    runs=runs.runs,
                    expected=f"{runs.expected_runs:.1f}",
                    z=format_signed(runs.z, 2),
                ),
                "p": format_p(runs.p_value),
                "verdict": True,
            }
        )
    if audit.ljung_box is not None:
        box = audit.ljung_box
        for lag, statistic, p in zip(box.lags, box.statistics, box.p_values, strict=True):
            used = lag == box.verdict_lag
            key = "randomness.check_ljung_box_verdict" if used else "randomness.check_ljung_box"
            checks.append(
                {
                    "check": msg(key, lag=lag),
                    "result": msg("randomness.ljung_box_value", q=f"{statistic:.2f}"),
                    "p": format_p(p),
                    "verdict": used,
                }
            )
    size = None
    acf = audit.autocorrelation
    if acf is not None:
        lags = len(acf.lags)
        checks.append(
            {
                "check": msg("randomness.check_acf", lags=lags),
                "result": msg(
                    "randomness.acf_value",
                    acf=format_signed(acf.largest, 3),
                    lag=acf.largest_lag,
                    outside=acf.outside_band,
                    lags=lags,
                    level=f"{100.0 * acf.level:g}",
                    expected=f"{(1.0 - acf.level) * lags:.1f}",
                ),
                "p": msg("none"),
                "verdict": False,
            }
        )
        size = msg(
            "randomness.size",
            acf=format_signed(acf.largest, 3),
            lag=acf.largest_lag,
            share=percent_text(acf.largest**2),
        )
    law = audit.law
    tail_rows: list[Context] = []
    tail_columns = None
    if law is not None:
        edge_text = msg("none")
        if law.estimated_edge is not None:
            interval = law.estimated_edge_interval
            edge_text = msg(
                "randomness.law_value",
                edge=percent_text(law.estimated_edge),
                level=level,
                low=msg("none") if interval is None else percent_text(interval.low),
                high=msg("none") if interval is None else percent_text(interval.high),
            )
        checks.append(
            {
                "check": msg("randomness.check_law", edge=setting_text(law.reference_edge)),
                "result": edge_text,
                "p": format_p(law.p_reference),
                "verdict": False,
            }
        )
        estimated = msg("none") if law.estimated_edge is None else percent_text(law.estimated_edge)
        tail_columns = [
            msg("randomness.col_multiplier"),
            msg("randomness.col_observed"),
            msg("randomness.col_fair", edge=setting_text(law.reference_edge)),
            msg("randomness.col_estimated", edge=estimated),
        ]
        for row in law.rows:
            tail_rows.append(
                {
                    "multiplier": f"{row.multiplier:g}",
                    "observed": rate_with_interval(row.observed, row.interval, msg),
                    "fair": percent_text(row.fair_reference),
                    "estimated": msg("none")
                    if row.fair_estimated is None
                    else percent_text(row.fair_estimated),
                }
            )
    rule = None
    if audit.ljung_box is not None and audit.runs is not None:
        rule = msg(
            "randomness.rule",
            lag=audit.ljung_box.verdict_lag,
            half=setting_text(audit.alpha / 2.0),
            alpha=setting_text(audit.alpha),
        )
    return {
        "heading": msg("randomness.heading"),
        "verdict": audit.verdict,
        "statement": statement,
        "size": size,
        "law": law_sentence,
        "audited": audited,
        "rule": rule,
        "columns": {
            "check": msg("randomness.col_check"),
            "result": msg("randomness.col_result"),
            "p": msg("randomness.col_p"),
        },
        "checks": checks,
        "tail_columns": tail_columns,
        "tail": tail_rows,
    }


def randomness_images(evaluation: Evaluation, msg: Messages) -> list[Image]:
    """``(name, caption, png)`` of the autocorrelation plot (none without a skill report or
    with too few rounds for it)."""
    skill = evaluation.skill
    if skill is None:
        return []
    images: list[Image] = []
    acf = skill.randomness.autocorrelation
    if acf is not None:
        title = msg("plots.acf_title", rounds=skill.randomness.rounds)
        figure = acf_plot(
            acf.lags,
            acf.values,
            acf.band,
            AcfLabels(
                title=title,
                x_axis=msg("plots.acf_x"),
                y_axis=msg("plots.acf_y"),
                band=msg("plots.acf_band", level=f"{100.0 * acf.level:g}"),
            ),
        )
        images.append(("autocorrelation", title, figure_png(figure)))
    return images
