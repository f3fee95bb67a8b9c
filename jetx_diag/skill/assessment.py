"""Is it better than chance, and what would it do to money? One call answers both.

:func:`analyse_skill` runs every part of the statistics core once on one model's held-out rounds
(intervals, baselines, significance, calibration, cut-offs, betting, randomness audit) and
returns a frozen :class:`SkillReport` that renderers only print. Its :attr:`SkillReport.messages`
are the plain-language findings as keys of the report catalog (:mod:`jetx_diag.i18n`, English
and Turkish) plus already formatted numbers; :func:`render_message` phrases one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from numpy.typing import ArrayLike

from jetx_diag.errors import DataError, MismatchError, UsageError
from jetx_diag.i18n.messages import messages, record
from jetx_diag.results import Metrics, Rate
from jetx_diag.scoring.metrics import compute_metrics, is_above
from jetx_diag.scoring.stats import LEVEL, RESAMPLES, Interval, auto_block_length, wilson
from jetx_diag.scoring.targets import DEFAULT_TARGETS, Target
from jetx_diag.skill.baselines import BaselineSet, run_baselines
from jetx_diag.skill.betting import BettingReport, betting_report
from jetx_diag.skill.calibration import Calibration, calibrate, check_probabilities
from jetx_diag.skill.cutoffs import CutoffChoice, CutoffSweep, choose_cutoff, sweep_cutoffs
from jetx_diag.skill.martingale import fair_rate
from jetx_diag.skill.null_simulation import SimulatedNull
from jetx_diag.skill.randomness import RandomnessAudit, audit_randomness
from jetx_diag.skill.significance import (
    ALPHA,
    PERMUTATIONS,
    WORSE_ALPHA,
    Significance,
    SkillVerdict,
    assess_significance,
    skill_verdict,
)

#: Rates of ``Metrics`` compared with the baselines, and whether higher is better.
COMPARED_METRICS: tuple[tuple[str, bool], ...] = (
    ("threshold_accuracy", True),
    ("below_accuracy", True),
    ("above_accuracy", True),
    ("money_loss_risk", False),
    ("bets_lost_share", False),
)
#: Rates of ``Metrics`` that get an interval.
RATE_FIELDS: tuple[str, ...] = (
    "below_accuracy",
    "above_accuracy",
    "money_loss_risk",
    "threshold_accuracy",
    "classification_accuracy",
    "above_call_share",
    "bets_lost_share",
)


@dataclass(frozen=True)
class SkillSettings:
    threshold: float
    cashout: float
    house_edge: float
    alpha: float
    level: float
    seed: int
    n_permutations: int
    n_bootstrap: int
    block_length: int  # rounds per block of every block bootstrap
    tests_tried: int


@dataclass(frozen=True)
class MetricComparison:
    """The model beside the baseline that does best on one metric."""

    metric: str
    higher_is_better: bool
    model: Rate
    model_interval: Interval | None
    best_baseline: str | None  # None when no baseline has the rate (all 0/0)
    baseline: Rate | None
    baseline_interval: Interval | None
    model_ahead: bool | None  # the model's point estimate is strictly better; None if undefined


@dataclass(frozen=True)
class Message:
    """One finding: a key of the report catalog (``jetx_diag.i18n``) and its formatted numbers."""

    key: str
    values: dict[str, str]


@dataclass(frozen=True)
class SkillReport:
    settings: SkillSettings
    rounds: int
    metrics: Metrics
    intervals: dict[str, Interval | None]  # Wilson interval of each rate of ``metrics``
    baselines: BaselineSet
    comparisons: tuple[MetricComparison, ...]
    significance: Significance
    calibration: Calibration | None  # None without probabilities
    cutoff_sweep: CutoffSweep | None  # on the held-out rounds, for display only
    cutoff_choice: CutoffChoice | None
    betting: BettingReport
    randomness: RandomnessAudit
    verdict: SkillVerdict
    messages: tuple[Message, ...]


# --------------------------------------------------------------------------- wording


def format_p(p: float | None) -> str:
    """``p = 0.41``, ``p = 0.054``, ``p < 0.001``; ``p = n/a`` when there is none."""
    if p is None:
        return "p = n/a"
    if p < 0.001:
        return "p < 0.001"
    return f"p = {p:.2g}"


def format_signed(value: float, digits: int = 2) -> str:
    """``-93.50`` as ``−93.50`` (a real minus sign, which no Markdown reads as a list marker),
    positive numbers without a sign; ``-0.00`` is ``0.00``."""
    text = f"{value:.{digits}f}"
    if text.startswith("-"):
        text = text[1:]
        return text if float(text) == 0 else "\u2212" + text
    return text


def render_message(message: Message, language: str = "en") -> str:
    """The sentence for ``message`` in ``language`` (``en`` or ``tr``), from the report catalog.

    A ``baseline`` value is a baseline name; it is shown as the catalog's ``baseline.<name>``.
    """

    return resolve_message(message, messages(language))


def resolve_message(message: Message, msg: Any) -> str:
    """``message`` phrased by the catalog ``msg``: a ``baseline`` value is a baseline name
    (shown as ``baseline.<name>``), a ``test`` value a primary test and what it scored (shown as
    ``chance_test.<test>``, with the message's other values)."""
    values = dict(message.values)
    if "baseline" in values:
        values["baseline"] = msg(f"baseline.{values['baseline']}")
    if "test" in values:
        values["test"] = msg(f"chance_test.{values['test']}", **values)
    return msg(message.key, **values)


def _percent(value: float) -> str:
    return f"{100.0 * value:.2f}%"


def _messages(
    settings: SkillSettings,
    metrics: Metrics,
    baselines: BaselineSet,
    significance: Significance,
    verdict: SkillVerdict,
    betting: BettingReport,
    audit: RandomnessAudit,
    choice: CutoffChoice | None,
) -> tuple[Message, ...]:
    out = [_verdict_message(settings, significance, verdict)]
    limits = _limits_message(settings, significance)
    if limits is not None:
        out.append(limits)
    if significance.tests_tried > 1:
        out.append(Message("skill.tests_tried", {"tests_tried": str(significance.tests_tried)}))
    for test in (significance.versus_always_above, significance.versus_best_baseline):
        if test is significance.versus_best_baseline and test.versus == "always_above":
            continue  # the same comparison twice says nothing new
        baseline = baselines.get(test.versus).metrics.threshold_accuracy
        out.append(
            Message(
                f"versus.{test.outcome}",
                {
                    "baseline": test.versus,
                    "model_rate": metrics.threshold_accuracy.text(),
                    "baseline_rate": baseline.text(),
                    "p": format_p(test.p_value_adjusted),
                },
            )
        )
    bets = betting.model
    out.append(
        Message(
            f"money.{verdict.money}",
            {
                "cashout": f"{settings.cashout:g}",
                "win_rate": bets.win_rate.text(),
                "break_even": _percent(betting.break_even_win_rate),
                "net": format_signed(bets.net_units),
            },
        )
    )
    if audit.verdict == "not_enough_data" or audit.runs is None or audit.ljung_box is None:
        out.append(Message("randomness.not_enough_data", {}))
    else:
        acf = audit.autocorrelation
        out.append(
            Message(
                f"randomness.{audit.verdict}",
                {
                    "runs_p": format_p(audit.runs.p_value),
                    "lb_p": format_p(audit.ljung_box.p_value),
                    "lag": str(audit.ljung_box.verdict_lag),
                    "acf": "n/a" if acf is None else format_signed(acf.largest, 3),
                    "acf_lag": "n/a" if acf is None else str(acf.largest_lag),
                },
            )
        )
    law = audit.law
    if law is not None and law.verdict != "not_enough_data" and law.estimated_edge is not None:
        interval = law.estimated_edge_interval
        out.append(
            Message(
                f"law.{law.verdict}",
                {
                    "reference_edge": f"{100.0 * law.reference_edge:g}%",
                    "p": format_p(law.p_reference),
                    "edge": _percent(law.estimated_edge),
                    "edge_low": "n/a" if interval is None else _percent(interval.low),
                    "edge_high": "n/a" if interval is None else _percent(interval.high),
                },
            )
        )
    if choice is not None:
        values = {"validation_rounds": str(choice.validation_rounds)}
        if choice.cutoff is not None:
            values["cutoff"] = f"{choice.cutoff:g}"
        out.append(Message(f"cutoff.{choice.status}", values))
    return tuple(out)


def _verdict_message(
    settings: SkillSettings, significance: Significance, verdict: SkillVerdict
) -> Message:
    """The headline, printing the p-value of the claim it makes and naming what was tested."""
    worse = verdict.code == "worse_than_chance"
    values = {
        "p": format_p(verdict.p_value_less if worse else verdict.p_value),
        "alpha": _share(verdict.alpha),
        "worse_alpha": _share(verdict.worse_alpha),
        "threshold": f"{settings.threshold:g}",
    }
    if verdict.primary_test != "none":
        values["test"] = f"{verdict.primary_test}.{verdict.scored}"
        simulated = significance.simulated
        values["simulations"] = "" if simulated is None else str(simulated.simulations)
    return Message(f"skill.{verdict.code}", values)


def _limits_message(settings: SkillSettings, significance: Significance) -> Message | None:
    """Which primary test decided and what it rests on."""
    values = {
        "edge": _share(settings.house_edge),
        "threshold": f"{settings.threshold:g}",
        "fair_rate": _percent(fair_rate(settings.threshold, settings.house_edge)),
    }
    simulated = significance.simulated
    if significance.primary_test == "simulated_null" and simulated is not None:
        values.update(
            simulations=str(simulated.simulations),
            null_mean=f"{simulated.null_mean:.3f}",
            p_min=f"{1.0 / (simulated.simulations + 1.0):.2g}",
        )
        if simulated.stopped_early:
            values["planned"] = str(simulated.planned)
            return Message("chance.limits_simulated_null_stopped", values)
        return Message("chance.limits_simulated_null", values)
    if significance.primary_test == "martingale":
        return Message("chance.limits_martingale", values)
    return None


def _share(value: float) -> str:
    return f"{100.0 * value:g}%"


# --------------------------------------------------------------------------- the entry point


def _comparisons(
    metrics: Metrics, baselines: BaselineSet, level: float
) -> tuple[MetricComparison, ...]:
    out = []
    for name, higher in COMPARED_METRICS:
        model = metrics.rate(name)
        if model is None:
            continue
        candidates = [
            (b.name, rate)
            for b in baselines.baselines
            if (rate := b.metrics.rate(name)) is not None and rate.value is not None
        ]
        best_name: str | None = None
        best_rate: Rate | None = None
        if candidates:
            sign = 1.0 if higher else -1.0
            # max() keeps the first of equals: ties go to the simpler rule listed first.
            best_name, best_rate = max(candidates, key=lambda c: sign * (c[1].value or 0.0))
        ahead = None
        if best_rate is not None and best_rate.value is not None and model.value is not None:
            ahead = model.value > best_rate.value if higher else model.value < best_rate.value
        out.append(
            MetricComparison(
                name,
                higher,
                model,
                wilson(model, level),
                best_name,
                best_rate,
                None if best_rate is None else wilson(best_rate, level),
                ahead,
            )
        )
    return tuple(out)


def analyse_skill(
    actual: ArrayLike,
    called_above: ArrayLike,
    p_above: ArrayLike | None = None,
    *,
    threshold: float = 1.5,
    cashout: float | None = None,
    house_edge: float = 0.03,
    metrics: Metrics | None = None,
    train_actual: ArrayLike | None = None,
    features: ArrayLike | None = None,
    train_features: ArrayLike | None = None,
    validation_actual: ArrayLike | None = None,
    validation_p_above: ArrayLike | None = None,
    validation_ids: ArrayLike | None = None,
    round_ids: ArrayLike | None = None,
    targets: Iterable[Target] = DEFAULT_TARGETS,
    history: ArrayLike | None = None,
    tests_tried: int = 1,
    family_p_values: Sequence[float] | None = None,
    simulated: SimulatedNull | None = None,
    alpha: float = ALPHA,
    worse_alpha: float = WORSE_ALPHA,
    level: float = LEVEL,
    seed: int = 0,
    n_permutations: int = PERMUTATIONS,
    n_bootstrap: int = RESAMPLES,
    block_length: int | None = None,
) -> SkillReport:
    """Everything about one model's skill on its held-out rounds (in round order).

    ``actual``: held-out multipliers; ``called_above``: the model's calls; ``p_above``: its
    probabilities (None for a model without them). ``cashout`` defaults to ``threshold``.
    ``metrics``: the evaluation's metrics (with the 3-class accuracy) when already computed; its
    confusion matrix must match the calls. ``train_actual`` (training slice, ending right before
    the held-out rounds) gives the base rate and feeds the logistic baseline with
    ``features``/``train_features``. ``validation_*``: a slice before the held-out rounds on which
    a cut-off may be chosen. ``history``: all usable rounds for the randomness audit (default: the
    held-out rounds). ``tests_tried``/``family_p_values``: other checkpoints or cut-offs tried on
    these rounds, for the Holm correction. ``simulated``: the model's AUC among those of its own
    pipeline on fair histories (:func:`jetx_diag.skill.null_simulation.simulate_null`), the primary
    test when given; without it the martingale test against the fair law decides. Same inputs
    and ``seed``, same report.
    """
    values = np.asarray(actual, dtype=float)
    calls = np.asarray(called_above, dtype=bool)
    if values.ndim != 1 or values.size == 0:
        raise DataError(record("error.assessment.no_held_out_rounds_analyse"))
    if not np.all(np.isfinite(values)):
        raise DataError(record("error.assessment.held_out_multipliers_must_finite"))
    if calls.shape != values.shape:
        raise MismatchError(
            record("error.assessment.held_out_rounds_but_calls", size=values.size, size2=calls.size)
        )
    p = None if p_above is None else check_probabilities(p_above, values.size)
    cashout = threshold if cashout is None else float(cashout)
    if family_p_values is not None:
        tests_tried = len(family_p_values) + 1
    if tests_tried < 1:
        raise UsageError(
            record("error.assessment.tests_tried_must_least_1", tests_tried=tests_tried)
        )
    block = auto_block_length(values.size) if block_length is None else int(block_length)

    computed = compute_metrics(values, calls, threshold=threshold)
    if metrics is None:
        metrics = computed
    elif metrics.confusion != computed.confusion:
        raise MismatchError(
            record(
                "error.assessment.metrics_given_do_not_match",
                rows=metrics.confusion.rows(),
                rows2=computed.confusion.rows(),
            )
        )
    intervals = {name: _interval(metrics.rate(name), level) for name in RATE_FIELDS}
    baselines = run_baselines(
        values,
        threshold=threshold,
        train_actual=train_actual,
        features=features,
        train_features=train_features,
        house_edge=house_edge,
        seed=seed,
    )
    best = baselines.best_baseline
    above = is_above(values, threshold)
    significance = assess_significance(
        above,
        calls,
        p,
        always_above_calls=np.ones(values.size, dtype=bool),
        best_baseline=best.name,
        best_baseline_calls=np.asarray(best.called_above, dtype=bool),
        base_rate=baselines.base_rate.probability,
        cashout=cashout,
        fair_rate=fair_rate(threshold, house_edge),
        simulated=simulated,
        tests_tried=tests_tried,
        family_p_values=family_p_values,
        alpha=alpha,
        worse_alpha=worse_alpha,
        n_permutations=n_permutations,
        n_bootstrap=n_bootstrap,
        level=level,
        seed=seed,
        block_length=block,
    )
    verdict = skill_verdict(significance, alpha)
    betting = betting_report(
        values,
        calls,
        cashout=cashout,
        house_edge=house_edge,
        baseline_name=best.name,
        baseline_calls=np.asarray(best.called_above, dtype=bool),
        n_bootstrap=n_bootstrap,
        level=level,
        seed=seed,
        block_length=block,
    )
    calibration = sweep = choice = None
    if p is not None:
        calibration = calibrate(values, p, threshold=threshold, house_edge=house_edge, level=level)
        sweep = sweep_cutoffs(values, p, threshold=threshold, cashout=cashout)
        choice = choose_cutoff(
            values,
            p,
            validation_actual=validation_actual,
            validation_p=validation_p_above,
            targets=targets,
            threshold=threshold,
            cashout=cashout,
            validation_ids=validation_ids,
            held_out_ids=round_ids,
            level=level,
        )
    audited = values if history is None else np.asarray(history, dtype=float)
    randomness = audit_randomness(
        audited,
        threshold=threshold,
        house_edge=house_edge,
        source="held_out" if history is None else "history",
        alpha=alpha,
        level=level,
    )
    settings = SkillSettings(
        threshold,
        cashout,
        house_edge,
        alpha,
        level,
        seed,
        n_permutations,
        n_bootstrap,
        block,
        significance.tests_tried,
    )
    return SkillReport(
        settings=settings,
        rounds=int(values.size),
        metrics=metrics,
        intervals=intervals,
        baselines=baselines,
        comparisons=_comparisons(metrics, baselines, level),
        significance=significance,
        calibration=calibration,
        cutoff_sweep=sweep,
        cutoff_choice=choice,
        betting=betting,
        randomness=randomness,
        verdict=verdict,
        messages=_messages(
            settings, metrics, baselines, significance, verdict, betting, randomness, choice
        ),
    )


def _interval(rate: Rate | None, level: float) -> Interval | None:
    return None if rate is None else wilson(rate, level)
