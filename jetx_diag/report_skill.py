"""Report sections of issue 4: better than chance, and what would it do to money?

Section builders with the signature of :mod:`jetx_diag.report_sections` (``(evaluation,
verdict, messages) -> dict | None``); each returns ``None`` when the evaluation carries no
``skill`` report. Everything shown was computed once by :func:`jetx_diag.skill.analyse_skill`;
here numbers only become display strings (rates through ``Rate.text()``, interval ends through
``Interval.percent()``, the rounding the target decisions use), and words come from the catalog.

:func:`skill_images` gives the figures (reliability diagram, cut-off sweep, bankroll curves,
autocorrelation) for the report's plots section.
"""

from __future__ import annotations

from typing import Any

from jetx_diag.i18n import Messages
from jetx_diag.plots import figure_png
from jetx_diag.report_images import Image
from jetx_diag.results import PERCENT_DECIMALS, Evaluation, Rate
from jetx_diag.skill import RATE_FIELDS, Message, SkillReport, format_p, format_signed
from jetx_diag.skill_plots import (
    AcfLabels,
    BankrollLabels,
    ReliabilityBin,
    ReliabilityLabels,
    SweepLabels,
    acf_plot,
    bankroll_plot,
    cutoff_sweep_plot,
    reliability_diagram,
)
from jetx_diag.stats import Interval
from jetx_diag.targets import Verdict

Context = dict[str, Any]

#: Metrics shown for every rule in the "every rule" table, in order.
RULE_TABLE_METRICS: tuple[str, ...] = (
    "threshold_accuracy",
    "below_accuracy",
    "above_accuracy",
    "money_loss_risk",
    "bets_lost_share",
)
#: Metrics drawn in the cut-off sweep plot (with the bet win rate after them).
SWEEP_METRICS: tuple[str, ...] = ("below_accuracy", "above_accuracy", "money_loss_risk")


# --------------------------------------------------------------------------- display helpers


def _threshold(evaluation: Evaluation) -> str:
    return f"{evaluation.settings.threshold:g}"


def _level(level: float) -> str:
    return f"{100.0 * level:g}"


def _percent(value: float) -> str:
    return f"{100.0 * value:.{PERCENT_DECIMALS}f}%"


def _setting(value: float) -> str:
    """A chosen share (house edge, alpha) as written: ``3%``, ``2.5%``."""
    return f"{100.0 * value:g}%"


def rate_with_interval(rate: Rate, interval: Interval | None, msg: Messages) -> str:
    """``5.94% (26/438), 95% CI 4.07–8.58%``; the rate alone when it has no interval (0/0).

    The ends are rounded by ``Interval.percent``, the rounding the target decisions compare.
    """
    if interval is None:
        return rate.text()
    low, high = interval.percent()
    return msg(
        "skill.ci",
        rate=rate.text(),
        level=_level(interval.level),
        low=f"{low:.{PERCENT_DECIMALS}f}",
        high=f"{high:.{PERCENT_DECIMALS}f}",
    )


def number_with_interval(
    value: float | None, interval: Interval | None, msg: Messages, *, digits: int = 3
) -> str:
    """``0.512 (95% CI 0.478 to 0.546)``; ``—`` when there is no value."""
    if value is None:
        return msg("none")
    shown = format_signed(value, digits)
    if interval is None:
        return shown
    return msg(
        "skill.ci_number",
        value=shown,
        level=_level(interval.level),
        low=format_signed(interval.low, digits),
        high=format_signed(interval.high, digits),
    )


def _units(value: float) -> str:
    return format_signed(value, 2)


def render(message: Message, msg: Messages) -> str:
    """One finding of the skill report as a sentence in ``msg``'s language."""
    values = dict(message.values)
    if "baseline" in values:
        values["baseline"] = msg(f"baseline.{values['baseline']}")
    return msg(message.key, **values)


def _rule(name: str, msg: Messages) -> str:
    return msg(f"baseline.{name}")


# --------------------------------------------------------------------------- verdict


def section_skill_verdict(
    evaluation: Evaluation, verdict: Verdict, msg: Messages
) -> Context | None:
    """The plain-language verdict first, then the findings that back it (critical findings)."""
    skill = evaluation.skill
    if skill is None:
        return None
    sentences = [render(m, msg) for m in skill.messages]
    return {
        "heading": msg("skill_verdict.heading"),
        "code": skill.verdict.code,
        "lead": sentences[0],
        "bullets": sentences[1:],
    }


# --------------------------------------------------------------------------- baselines


def _base_rate_note(skill: SkillReport, threshold: str, msg: Messages) -> str:
    rate = skill.baselines.base_rate
    if rate.source == "training" and rate.training is not None:
        return msg(
            "skill_baselines.base_rate_training",
            p=f"{rate.probability:.4f}",
            threshold=threshold,
            rate=rate.training.text(),
        )
    return msg(
        "skill_baselines.base_rate_fair",
        p=f"{rate.probability:.4f}",
        edge=_setting(skill.settings.house_edge),
        threshold=threshold,
        held=rate.held_out.text(),
    )


def section_skill_baselines(
    evaluation: Evaluation, verdict: Verdict, msg: Messages
) -> Context | None:
    """Every rate with its interval, beside the best simple rule for that metric."""
    skill = evaluation.skill
    if skill is None:
        return None
    threshold = _threshold(evaluation)
    comparisons = []
    for c in skill.comparisons:
        if c.model_ahead is None:
            ahead = msg("skill_baselines.ahead_unknown")
        else:
            ahead = msg(
                "skill_baselines.ahead_yes" if c.model_ahead else "skill_baselines.ahead_no"
            )
        comparisons.append(
            {
                "metric": c.metric,
                "name": msg(f"metric.{c.metric}", threshold=threshold),
                "model": rate_with_interval(c.model, c.model_interval, msg),
                "best": msg("none") if c.best_baseline is None else _rule(c.best_baseline, msg),
                "baseline": msg("none")
                if c.baseline is None
                else rate_with_interval(c.baseline, c.baseline_interval, msg),
                "ahead": ahead,
                "model_ahead": bool(c.model_ahead),
            }
        )
    compared = {c.metric for c in skill.comparisons}
    other = []
    for name in RATE_FIELDS:
        rate = skill.metrics.rate(name)
        if name in compared or rate is None:
            continue
        text = rate_with_interval(rate, skill.intervals.get(name), msg)
        other.append(f"{msg(f'metric.{name}', threshold=threshold)}: {text}")
    rules = [{"rule": msg("baseline.model"), "is_model": True, "cells": []}]
    for name in RULE_TABLE_METRICS:
        rate = skill.metrics.rate(name)
        rules[0]["cells"].append(msg("none") if rate is None else rate.text())
    for baseline in skill.baselines.baselines:
        cells = []
        for name in RULE_TABLE_METRICS:
            rate = baseline.metrics.rate(name)
            cells.append(msg("none") if rate is None else rate.text())
        rules.append({"rule": _rule(baseline.name, msg), "is_model": False, "cells": cells})
    notes = [_base_rate_note(skill, threshold, msg)]
    for baseline in skill.baselines.baselines:
        first = baseline.details.get("first_call")
        if baseline.name == "same_as_last" and first in ("previous_round", "above_default"):
            key = "previous" if first == "previous_round" else "default"
            notes.append(msg(f"skill_baselines.first_call_{key}"))
        if baseline.name == "logistic" and "training_rounds" in baseline.details:
            notes.append(
                msg("skill_baselines.logistic_fit", rounds=baseline.details["training_rounds"])
            )
    for name, reason in skill.baselines.skipped.items():
        notes.append(
            msg(
                "skill_baselines.skipped",
                rule=_rule(name, msg),
                reason=msg.get(f"skip.{reason}", reason),
            )
        )
    return {
        "heading": msg("skill_baselines.heading"),
        "intro": msg("skill_baselines.intro", level=_level(skill.settings.level)),
        "columns": {
            "metric": msg("skill_baselines.col_metric"),
            "model": msg("skill_baselines.col_model"),
            "best": msg("skill_baselines.col_best"),
            "baseline": msg("skill_baselines.col_rule_result"),
            "ahead": msg("skill_baselines.col_ahead"),
        },
        "comparisons": comparisons,
        "other_heading": msg("skill_baselines.other"),
        "other": other,
        "rules_heading": msg("skill_baselines.all_heading"),
        "rules_columns": [msg("skill_baselines.col_rule")]
        + [msg(f"metric.{name}", threshold=threshold) for name in RULE_TABLE_METRICS],
        "rules": rules,
        "notes": notes,
    }


# --------------------------------------------------------------------------- significance


def _p_pair(greater: float | None, less: float | None, msg: Messages) -> str:
    return msg("significance.p_pair", greater=format_p(greater), less=format_p(less))


def _one_sided_outcome(greater: float, less: float, alpha: float, msg: Messages) -> str:
    if greater < alpha:
        return msg("significance.outcome_higher")
    if less < alpha:
        return msg("significance.outcome_lower")
    return msg("significance.outcome_none")


def section_skill_significance(
    evaluation: Evaluation, verdict: Verdict, msg: Messages
) -> Context | None:
    """Every test of skill with its p-value, the primary one first."""
    skill = evaluation.skill
    if skill is None:
        return None
    sig = skill.significance
    settings = skill.settings
    threshold = _threshold(evaluation)
    tries = sig.tests_tried
    none = msg("none")
    rows: list[Context] = []
    chance = {
        "beats_chance_and_baselines": "significance.outcome_chance_better",
        "beats_chance_not_baselines": "significance.outcome_chance_better",
        "worse_than_chance": "significance.outcome_chance_worse",
    }.get(skill.verdict.code, "significance.outcome_none")
    primary_adjusted = _p_pair(sig.p_value_adjusted, sig.p_value_less_adjusted, msg)
    if sig.auc is not None:
        auc = sig.auc
        rows.append(
            {
                "test": msg("significance.test_auc"),
                "result": msg(
                    "significance.auc_value",
                    value=number_with_interval(auc.value, auc.interval, msg),
                    permutations=auc.permutations,
                ),
                "p": _p_pair(auc.p_value, auc.p_value_less, msg),
                "adjusted": primary_adjusted,
                "outcome": msg(chance),
                "primary": True,
            }
        )
    matrix = skill.metrics.confusion
    if sig.fisher_p_value is not None:
        fisher_primary = sig.primary_test == "fisher_exact"
        rows.append(
            {
                "test": msg(
                    "significance.test_fisher_primary"
                    if fisher_primary
                    else "significance.test_fisher"
                ),
                "result": msg(
                    "significance.fisher_value",
                    on_above=Rate(matrix.above_called_above, matrix.actual_above).text(),
                    on_below=Rate(matrix.below_called_above, matrix.actual_below).text(),
                    threshold=threshold,
                ),
                "p": _p_pair(sig.p_value, sig.p_value_less, msg)
                if fisher_primary
                else msg("significance.p_higher", p=format_p(sig.fisher_p_value)),
                "adjusted": primary_adjusted if fisher_primary else none,
                "outcome": msg(chance) if fisher_primary else none,
                "primary": fisher_primary,
            }
        )
    tests = [sig.versus_always_above]
    if sig.versus_best_baseline.versus != sig.versus_always_above.versus:
        tests.append(sig.versus_best_baseline)
    for test in tests:
        method = (
            msg("significance.mcnemar_exact")
            if test.exact
            else msg("significance.mcnemar_chi2", statistic=f"{test.statistic:.2f}")
        )
        rows.append(
            {
                "test": msg("significance.test_mcnemar", rule=_rule(test.versus, msg)),
                "result": msg(
                    "significance.mcnemar_value",
                    model=test.model_only_correct,
                    rule=test.baseline_only_correct,
                    method=method,
                ),
                "p": msg("significance.p_two_sided", p=format_p(test.p_value)),
                "adjusted": msg("significance.p_two_sided", p=format_p(test.p_value_adjusted)),
                "outcome": msg(f"significance.outcome_{test.outcome}"),
                "primary": False,
            }
        )
    for key, test in (
        ("significance.test_win_base", sig.win_rate_vs_base_rate),
        ("significance.test_win_break_even", sig.win_rate_vs_break_even),
    ):
        if test is None:
            continue
        rows.append(
            {
                "test": msg(key),
                "result": msg(
                    "significance.win_value",
                    rate=rate_with_interval(test.rate, test.interval, msg),
                    null=_percent(test.null_rate),
                ),
                "p": _p_pair(test.p_greater, test.p_less, msg),
                "adjusted": none,
                "outcome": _one_sided_outcome(test.p_greater, test.p_less, settings.alpha, msg),
                "primary": False,
            }
        )
    for key, estimate in (
        ("significance.test_kappa", sig.kappa),
        ("significance.test_mcc", sig.mcc),
    ):
        rows.append(
            {
                "test": msg(key),
                "result": number_with_interval(estimate.value, estimate.interval, msg),
                "p": none,
                "adjusted": none,
                "outcome": none,
                "primary": False,
            }
        )
    primary_name = {
        "auc_permutation": msg("significance.name_auc"),
        "fisher_exact": msg("significance.name_fisher"),
    }.get(sig.primary_test)
    notes = []
    if primary_name is not None:
        notes.append(
            msg("significance.primary_note", test=primary_name, alpha=_setting(settings.alpha))
        )
    tries_message = next((m for m in skill.messages if m.key == "skill.tests_tried"), None)
    notes.append(
        msg("significance.tries_one") if tries_message is None else render(tries_message, msg)
    )
    notes.append(
        msg(
            "significance.bootstrap",
            resamples=settings.n_bootstrap,
            block=settings.block_length,
            seed=settings.seed,
        )
    )
    return {
        "heading": msg("significance.heading"),
        "show_adjusted": tries > 1,
        "columns": {
            "test": msg("significance.col_test"),
            "result": msg("significance.col_result"),
            "p": msg("significance.col_p"),
            "adjusted": msg("significance.col_adjusted", tries=tries),
            "outcome": msg("significance.col_outcome"),
        },
        "rows": rows,
        "notes": notes,
    }


# --------------------------------------------------------------------------- calibration


def _decision(decision: str | None, rounds: int | None, msg: Messages) -> str:
    if decision is None:
        return msg("none")
    text = msg(f"targets.decision_{decision}")
    if decision != "undecided" or rounds is None:
        return text
    return msg("targets.decision_rounds", decision=text, rounds=rounds)


def section_calibration(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context | None:
    """Reliability bins with counts, Brier, ECE, the fair-game line, the cut-off sweep and where
    a cut-off was chosen. Only for models that give a probability."""
    skill = evaluation.skill
    if skill is None or skill.calibration is None:
        return None
    from jetx_diag.report_sections import target_text

    calibration = skill.calibration
    threshold = _threshold(evaluation)
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
            edge=_setting(settings.house_edge),
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
                    "in_use": current,
                    "cells": [
                        row.metrics.below_accuracy.text(),
                        row.metrics.above_accuracy.text(),
                        row.metrics.money_loss_risk.text(),
                        row.bet_win_rate.text(),
                        msg("none")
                        if row.return_per_bet is None
                        else format_signed(row.return_per_bet, 3),
                        _units(row.net_units),
                    ],
                }
            )
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
                        decision=_decision(result.decision, result.rounds_to_decide, msg),
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
        label = msg("money.strategy_baseline", rule=_rule(betting.best_baseline.strategy, msg))
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
                "net": _units(bets.net_units),
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
            break_even=_percent(betting.break_even_win_rate),
            edge=_setting(skill.settings.house_edge),
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


# --------------------------------------------------------------------------- randomness


def section_randomness(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context | None:
    """The randomness audit of the rounds: the plain statement with its numbers, then each check."""
    skill = evaluation.skill
    if skill is None:
        return None
    audit = skill.randomness
    threshold = _threshold(evaluation)
    level = _level(skill.settings.level)
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
            share=_percent(acf.largest**2),
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
                edge=_percent(law.estimated_edge),
                level=level,
                low=msg("none") if interval is None else _percent(interval.low),
                high=msg("none") if interval is None else _percent(interval.high),
            )
        checks.append(
            {
                "check": msg("randomness.check_law", edge=_setting(law.reference_edge)),
                "result": edge_text,
                "p": format_p(law.p_reference),
                "verdict": False,
            }
        )
        estimated = msg("none") if law.estimated_edge is None else _percent(law.estimated_edge)
        tail_columns = [
            msg("randomness.col_multiplier"),
            msg("randomness.col_observed"),
            msg("randomness.col_fair", edge=_setting(law.reference_edge)),
            msg("randomness.col_estimated", edge=estimated),
        ]
        for row in law.rows:
            tail_rows.append(
                {
                    "multiplier": f"{row.multiplier:g}",
                    "observed": rate_with_interval(row.observed, row.interval, msg),
                    "fair": _percent(row.fair_reference),
                    "estimated": msg("none")
                    if row.fair_estimated is None
                    else _percent(row.fair_estimated),
                }
            )
    rule = None
    if audit.ljung_box is not None and audit.runs is not None:
        rule = msg(
            "randomness.rule",
            lag=audit.ljung_box.verdict_lag,
            half=_setting(audit.alpha / 2.0),
            alpha=_setting(audit.alpha),
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


# --------------------------------------------------------------------------- plots


def skill_images(evaluation: Evaluation, msg: Messages) -> list[Image]:
    """``(name, caption, png)`` for each figure of the skill sections (none without skill)."""
    skill = evaluation.skill
    if skill is None:
        return []
    threshold = _threshold(evaluation)
    level = _level(skill.settings.level)
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
                break_even=msg("plots.break_even", value=_percent(betting.break_even_win_rate)),
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
        rule = _rule(betting.best_baseline.strategy, msg)
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
