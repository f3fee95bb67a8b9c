"""Report sections: is the model better than chance and simple rules?

Section builders with the signature of :mod:`jetx_diag.report.sections` (``(evaluation,
verdict, messages) -> dict | None``); each returns ``None`` when the evaluation carries no
``skill`` report. Everything shown was computed once by
:func:`jetx_diag.skill.assessment.analyse_skill`;
here numbers only become display strings (rates through ``Rate.text()``, interval ends through
``Interval.percent()``, the rounding the target decisions use), and words come from the catalog.

The other sections of the issue use the display helpers defined here:
:mod:`jetx_diag.report.money` (calibration and cut-offs, flat-stake bets) and
:mod:`jetx_diag.report.randomness` (the audit of the rounds themselves).
"""

from __future__ import annotations

from typing import Any

from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import Messages
from jetx_diag.results import PERCENT_DECIMALS, Rate
from jetx_diag.scoring.stats import DECISION_CHANCE, Interval
from jetx_diag.scoring.targets import ROUNDS_COUNTED, TargetResult, Verdict
from jetx_diag.skill.assessment import (
    RATE_FIELDS,
    Message,
    SkillReport,
    format_p,
    format_signed,
    resolve_message,
)

Context = dict[str, Any]

#: Metrics shown for every rule in the "every rule" table, in order.
RULE_TABLE_METRICS: tuple[str, ...] = (
    "threshold_accuracy",
    "below_accuracy",
    "above_accuracy",
    "money_loss_risk",
    "bets_lost_share",
)


# --------------------------------------------------------------------------- display helpers


def threshold_text(evaluation: Evaluation) -> str:
    return f"{evaluation.settings.threshold:g}"


def level_text(level: float) -> str:
    return f"{100.0 * level:g}"


def percent_text(value: float) -> str:
    return f"{100.0 * value:.{PERCENT_DECIMALS}f}%"


def setting_text(value: float) -> str:
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
        level=level_text(interval.level),
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
        level=level_text(interval.level),
        low=format_signed(interval.low, digits),
        high=format_signed(interval.high, digits),
    )


def units_text(value: float) -> str:
    return format_signed(value, 2)


def render(message: Message, msg: Messages) -> str:
    """One finding of the skill report as a sentence in ``msg``'s language."""
    return resolve_message(message, msg)


def decision_text(result: TargetResult, msg: Messages, threshold: str) -> str:
    """A target's three-way decision; an undecided one says how many more rounds, of which kind,
    give an 80% chance of deciding it if the rate stays where it is."""
    if result.decision is None:
        return msg("none")
    text = msg(f"targets.decision_{result.decision}")
    rounds = result.rounds_to_decide
    if result.decision != "undecided" or rounds is None:
        return text
    kind = ROUNDS_COUNTED.get(result.target.metric, "all")
    counted = msg(f"targets.rounds_{kind}", threshold=threshold)
    chance = setting_text(DECISION_CHANCE)
    held = result.held_out_rounds_to_decide
    if kind == "all" or held is None:
        return msg(
            "targets.decision_rounds_counted",
            decision=text,
            rounds=rounds,
            counted=counted,
            chance=chance,
        )
    return msg(
        "targets.decision_rounds_held_out",
        decision=text,
        rounds=rounds,
        counted=counted,
        held_out=held,
        chance=chance,
    )


def rule_text(name: str, msg: Messages) -> str:
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
        edge=setting_text(skill.settings.house_edge),
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
    threshold = threshold_text(evaluation)
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
                "best": msg("none") if c.best_baseline is None else rule_text(c.best_baseline, msg),
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
        rules.append({"rule": rule_text(baseline.name, msg), "is_model": False, "cells": cells})
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
                rule=rule_text(name, msg),
                reason=msg.get(f"skip.{reason}", reason),
            )
        )
    return {
        "heading": msg("skill_baselines.heading"),
        "intro": msg("skill_baselines.intro", level=level_text(skill.settings.level)),
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


def _chance_rows(skill: SkillReport, outcome: str, adjusted: str, msg: Messages) -> list[Context]:
    """The tests against chance that stay valid for outputs built from earlier rounds: the
    simulated null (with the checkpoint) and the martingale test, the primary one first."""
    sig = skill.significance
    scored = msg(f"significance.scored_{sig.scored}")
    rows: list[Context] = []
    simulated = sig.simulated
    if simulated is not None:
        rows.append(
            {
                "test": msg("significance.test_simulated_null"),
                "result": msg(
                    "significance.simulated_value",
                    value=f"{simulated.observed:.3f}",
                    scored=scored,
                    null_mean=f"{simulated.null_mean:.3f}",
                    simulations=simulated.simulations,
                    edge=setting_text(simulated.house_edge),
                ),
                "p": _p_pair(simulated.p_value, simulated.p_value_less, msg),
                "adjusted": adjusted if sig.primary_test == "simulated_null" else msg("none"),
                "outcome": outcome if sig.primary_test == "simulated_null" else msg("none"),
                "primary": sig.primary_test == "simulated_null",
            }
        )
    martingale = sig.martingale
    if martingale is not None:
        primary = sig.primary_test == "martingale"
        rows.append(
            {
                "test": msg(
                    "significance.test_martingale"
                    if primary
                    else "significance.test_martingale_reference"
                ),
                "result": msg(
                    "significance.martingale_value",
                    z=format_signed(martingale.z, 2),
                    scored=scored,
                    fair=percent_text(martingale.fair_rate),
                    rounds=martingale.rounds,
                ),
                "p": _p_pair(martingale.p_value, martingale.p_value_less, msg),
                "adjusted": adjusted if primary else msg("none"),
                "outcome": outcome if primary else msg("none"),
                "primary": primary,
            }
        )
    return rows


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
    threshold = threshold_text(evaluation)
    tries = sig.tests_tried
    none = msg("none")
    rows: list[Context] = []
    chance = {
        "beats_chance_and_baselines": "significance.outcome_chance_better",
        "beats_chance_not_baselines": "significance.outcome_chance_better",
        "worse_than_chance": "significance.outcome_chance_worse",
    }.get(skill.verdict.code, "significance.outcome_none")
    primary_adjusted = _p_pair(sig.p_value_adjusted, sig.p_value_less_adjusted, msg)
    rows.extend(_chance_rows(skill, msg(chance), primary_adjusted, msg))
    matrix = skill.metrics.confusion
    if sig.auc is not None:
        auc = sig.auc
        rows.append(
            {
                "test": msg("significance.test_auc_reference"),
                "result": msg(
                    "significance.auc_value",
                    value=number_with_interval(auc.value, auc.interval, msg),
                    permutations=auc.permutations,
                ),
                "p": _p_pair(auc.p_value, auc.p_value_less, msg),
                "adjusted": none,
                "outcome": none,
                "primary": False,
            }
        )
    if sig.fisher_p_value is not None:
        rows.append(
            {
                "test": msg("significance.test_fisher"),
                "result": msg(
                    "significance.fisher_value",
                    on_above=Rate(matrix.above_called_above, matrix.actual_above).text(),
                    on_below=Rate(matrix.below_called_above, matrix.actual_below).text(),
                    threshold=threshold,
                ),
                "p": _p_pair(sig.fisher_p_value, sig.fisher_p_value_less, msg),
                "adjusted": none,
                "outcome": none,
                "primary": False,
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
                "test": msg("significance.test_mcnemar", rule=rule_text(test.versus, msg)),
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
                    null=percent_text(test.null_rate),
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
    notes = []
    if sig.primary_test != "none":
        notes.append(
            msg(
                "significance.primary_note",
                test=msg(f"significance.name_{sig.primary_test}"),
                alpha=setting_text(skill.verdict.alpha),
                worse_alpha=setting_text(skill.verdict.worse_alpha),
            )
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
