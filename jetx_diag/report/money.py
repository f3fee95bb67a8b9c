"""Report sections: what would the model's calls do to money?

:func:`section_calibration` (are its probabilities right, and which cut-off would meet the
targets), :func:`section_money` (flat one-unit bets on its "above" calls against betting every
round and the best simple rule) and :func:`money_images`, their figures. Builders as in
:mod:`jetx_diag.report.sections`; display helpers from :mod:`jetx_diag.report.skill`.
"""

from __future__ import annotations

from typing import Any

from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import Messages
from jetx_diag.report.figures.base import figure_png
from jetx_diag.report.figures.skill import (
    BankrollLabels,
    ReliabilityBin,
    ReliabilityLabels,
    SweepLabels,
    bankroll_plot,
    cutoff_sweep_plot,
    reliability_diagram,
)
from jetx_diag.report.images import Image
from jetx_diag.report.skill import (
    decision_text,
    level_text,
    number_with_interval,
    percent_text,
    rate_with_interval,
    render,
    rule_text,
    setting_text,
    threshold_text,
    units_text,
)
from jetx_diag.report.target_text import target_text
from jetx_diag.scoring.targets import Verdict
from jetx_diag.skill.assessment import format_signed

Context = dict[str, Any]

#: Metrics drawn in the cut-off sweep plot (with the bet win rate after them).
SWEEP_METRICS: tuple[str, ...] = ("below_accuracy", "above_accuracy", "money_loss_risk")


# --------------------------------------------------------------------------- calibration


def _merge_repeated(rows: list[Context], msg: Messages) -> list[Context]:
    """Consecutive sweep rows with the same cells as one row ``0.05–0.25``.

    A model whose probabilities never fall below 0.3 gives the same calls at every cut-off
    under it; repeating the row teaches nothing. The cut-off in use always keeps its own row.
    """
    merged: list[Context] = []
    for row in rows:
        last = merged[-1] if merged else None
        if (
            last is not None
            and not last["in_use"]
            and not row["in_use"]
            and last["cells"] == row["cells"]
        ):
            last["last"] = row["last"]
            last["cutoff"] = msg("calibration.cutoff_range", first=last["first"], last=row["last"])
            continue
        merged.append(dict(row))
    return merged


def section_calibration(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context | None:
    """Reliability bins with counts, Brier, ECE, the fair-game line, the cut-off sweep and where
    a cut-off was chosen. Only for models that give a probability."""
    skill = evaluation.skill
    if skill is None or skill.calibration is None:
        return None

    calibration = skill.calibration
    threshold = threshold_text(evaluation)
    settings = skill.settings
    bullets = [
        msg(
            "calibration.brier",
            brier=f"{calibration.brier:.4f}",
            fair=f"{calibration.fair_probability:.4f}",
            reference=f"{calibration.brier_reference:.4f}",
            skill=msg("none")
            if calibration.brier_skill is None
            else format_signed(calibration.brier_skill, 4),
        ),
        msg("calibration.ece", ece=f"{calibration.ece:.4f}", threshold=threshold),
        msg(
            "calibration.mean",
            mean=f"{calibration.mean_predicted:.4f}",
            threshold=threshold,
            observed=calibration.observed.text(),
        ),
        msg(
            "calibration.fair",
            threshold=threshold,
            edge=setting_text(settings.house_edge),
            fair=f"{calibration.fair_probability:.4f}",
        ),
    ]
    bins = [
        {
            "range": f"{b.low:.1f}–{b.high:.1f}",
            "rounds": b.count,
            "mean": msg("none") if b.mean_predicted is None else f"{b.mean_predicted:.3f}",
            "observed": rate_with_interval(b.observed, b.interval, msg),
        }
        for b in calibration.bins
    ]
    sweep_rows = []
    sweep = skill.cutoff_sweep
    in_use = evaluation.settings.cutoff
    if sweep is not None:
        for row in sweep.rows:
            current = abs(row.cutoff - in_use) < 1e-9
            shown = f"{row.cutoff:.2f}"
            sweep_rows.append(
                {
                    "cutoff": msg("calibration.in_use", cutoff=shown) if current else shown,
                    "first": shown,
                    "last": shown,
                    "in_use": current,
                    "cells": [
                        row.metrics.below_accuracy.text(),
                        row.metrics.above_accuracy.text(),
                        row.metrics.money_loss_risk.text(),
                        row.bet_win_rate.text(),
                        msg("none")
                        if row.return_per_bet is None
                        else format_signed(row.return_per_bet, 3),
                        units_text(row.net_units),
                    ],
                }
            )
        sweep_rows = _merge_repeated(sweep_rows, msg)
    choice = skill.cutoff_choice
    choice_sentence = None
    chosen_rows: list[str] = []
    chosen_heading = None
    chosen_money = None
    if choice is not None:
        message = next((m for m in skill.messages if m.key.startswith("cutoff.")), None)
        choice_sentence = None if message is None else render(message, msg)
        if choice.cutoff is not None and choice.on_held_out is not None:
            chosen_heading = msg("calibration.chosen_on_held_out", cutoff=f"{choice.cutoff:g}")
            for result in choice.held_out_targets:
                metric = result.target.metric
                chosen_rows.append(
                    msg(
                        "calibration.chosen_row",
                        metric=msg(f"metric.{metric}", threshold=threshold),
                        result=msg("none") if result.measured is None else result.measured.text(),
                        target=target_text(result.target),
                        decision=decision_text(result, msg, threshold),
                    )
                )
            row = choice.on_held_out
            chosen_money = msg(
                "calibration.chosen_money",
                win_rate=row.bet_win_rate.text(),
                ret=msg("none")
                if row.return_per_bet is None
                else format_signed(row.return_per_bet, 3),
            )
    return {
        "heading": msg("calibration.heading"),
        "bullets": bullets,
        "bin_columns": {
            "range": msg("calibration.col_bin"),
            "rounds": msg("calibration.col_rounds"),
            "mean": msg("calibration.col_mean"),
            "observed": msg("calibration.col_observed", threshold=threshold),
        },
        "bins": bins,
        "sweep_heading": msg("calibration.sweep_heading"),
        "sweep_intro": msg("calibration.sweep_intro"),
        "sweep_columns": [
            msg("calibration.col_cutoff"),
            msg("metric.below_accuracy", threshold=threshold),
            msg("metric.above_accuracy", threshold=threshold),
            msg("metric.money_loss_risk"),
            msg("calibration.col_win_rate"),
            msg("calibration.col_return"),
            msg("calibration.col_net"),
        ],
        "sweep": sweep_rows,
        "choice": choice_sentence,
        "chosen_heading": chosen_heading,
        "chosen": chosen_rows,
        "chosen_money": chosen_money,
    }


# --------------------------------------------------------------------------- money


def section_money(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context | None:
    """The flat-stake simulation: the model, betting every round, and the best simple rule."""
    skill = evaluation.skill
    if skill is None:
        return None
    betting = skill.betting
    cashout = f"{betting.cashout:g}"
    strategies = [(msg("money.strategy_model"), betting.model, True)]
    strategies.append((msg("money.strategy_every_round"), betting.every_round, False))
    if betting.best_baseline is not None:
        label = msg("money.strategy_baseline", rule=rule_text(betting.best_baseline.strategy, msg))
        strategies.append((label, betting.best_baseline, False))
    rows = []
    for label, bets, is_model in strategies:
        rows.append(
            {
                "strategy": label,
                "is_model": is_model,
                "bets": bets.bets,
                "wins": bets.wins,
                "losses": bets.losses,
                "win_rate": rate_with_interval(bets.win_rate, bets.win_rate_interval, msg),
                "net": units_text(bets.net_units),
                "return": number_with_interval(
                    bets.return_per_bet, bets.return_per_bet_interval, msg
                ),
                "streak": bets.longest_losing_streak,
                "drawdown": f"{bets.max_drawdown:.2f}",
            }
        )
    message = next((m for m in skill.messages if m.key.startswith("money.")), None)
    return {
        "heading": msg("money.heading", cashout=cashout),
        "intro": msg(
            "money.intro",
            cashout=cashout,
            win=f"{betting.cashout - 1.0:g}",
            break_even=percent_text(betting.break_even_win_rate),
            edge=setting_text(skill.settings.house_edge),
            fair_return=format_signed(betting.fair_return_per_bet, 2),
        ),
        "columns": {
            "strategy": msg("money.col_strategy"),
            "bets": msg("money.col_bets"),
            "wins": msg("money.col_wins"),
            "losses": msg("money.col_losses"),
            "win_rate": msg("money.col_win_rate"),
            "net": msg("money.col_net"),
            "return": msg("money.col_return"),
            "streak": msg("money.col_streak"),
            "drawdown": msg("money.col_drawdown"),
        },
        "rows": rows,
        "sentence": None if message is None else render(message, msg),
    }


# --------------------------------------------------------------------------- plots


def money_images(evaluation: Evaluation, msg: Messages) -> list[Image]:
    """``(name, caption, png)`` of the reliability diagram, the cut-off sweep and the bankroll
    curves (none without a skill report)."""
    skill = evaluation.skill
    if skill is None:
        return []
    threshold = threshold_text(evaluation)
    level = level_text(skill.settings.level)
    images: list[Image] = []
    calibration = skill.calibration
    if calibration is not None:
        title = msg("plots.reliability_title", threshold=threshold)
        bins = [
            ReliabilityBin(
                b.low,
                b.high,
                b.count,
                b.mean_predicted,
                b.observed.value,
                None if b.interval is None else b.interval.low,
                None if b.interval is None else b.interval.high,
            )
            for b in calibration.bins
        ]
        figure = reliability_diagram(
            bins,
            calibration.fair_probability,
            ReliabilityLabels(
                title=title,
                x_axis=msg("plots.reliability_x"),
                y_axis=msg("plots.reliability_y", threshold=threshold),
                perfect=msg("plots.reliability_perfect"),
                fair=msg("plots.reliability_fair", fair=f"{calibration.fair_probability:.3f}"),
                bins=msg("plots.reliability_model", level=level),
                counts=msg("plots.reliability_counts"),
            ),
        )
        images.append(("calibration", title, figure_png(figure)))
    sweep = skill.cutoff_sweep
    betting = skill.betting
    if sweep is not None:
        title = msg("plots.sweep_title")
        series = [
            (
                msg(f"metric.{name}", threshold=threshold),
                [row.metrics.rate(name).value for row in sweep.rows],  # type: ignore[union-attr]
            )
            for name in SWEEP_METRICS
        ]
        series.append(
            (msg("calibration.col_win_rate"), [row.bet_win_rate.value for row in sweep.rows])
        )
        figure = cutoff_sweep_plot(
            [row.cutoff for row in sweep.rows],
            series,
            [row.return_per_bet for row in sweep.rows],
            break_even=betting.break_even_win_rate,
            fair_return=betting.fair_return_per_bet,
            cutoff_in_use=evaluation.settings.cutoff,
            labels=SweepLabels(
                title=title,
                x_axis=msg("plots.sweep_x"),
                y_axis=msg("plots.sweep_y"),
                return_axis=msg("plots.sweep_return_y"),
                break_even=msg("plots.break_even", value=percent_text(betting.break_even_win_rate)),
                break_even_return=msg("plots.break_even", value="0"),
                fair_return=msg(
                    "plots.fair_return", value=format_signed(betting.fair_return_per_bet, 2)
                ),
                cutoff_in_use=msg("plots.cutoff_in_use", cutoff=f"{evaluation.settings.cutoff:g}"),
            ),
        )
        images.append(("cutoffs", title, figure_png(figure)))
    title = msg("plots.bankroll_title", cashout=f"{betting.cashout:g}")
    curves = [
        (msg("money.strategy_model"), betting.model.bankroll),
        (msg("money.strategy_every_round"), betting.every_round.bankroll),
    ]
    if betting.best_baseline is not None:
        rule = rule_text(betting.best_baseline.strategy, msg)
        curves.append((msg("money.strategy_baseline", rule=rule), betting.best_baseline.bankroll))
    figure = bankroll_plot(
        curves,
        BankrollLabels(
            title=title,
            x_axis=msg("plots.bankroll_x"),
            y_axis=msg("plots.bankroll_y"),
            break_even=msg("plots.break_even", value="0"),
        ),
    )
    images.append(("bankroll", title, figure_png(figure)))
    return images
