"""Is the model better than chance, and better than the obvious rules? Tests with p-values.

One test is declared primary, so that a model that knows nothing is flagged "better than chance"
in about ``alpha`` (5%) of held-out sets, not more, *including* models that read the last rounds
(their outputs share those rounds with the outcomes they are scored on):

* with the checkpoint: the model's ROC AUC ranked among the AUCs of the same pipeline (extractor,
  scaler, model) on simulated fair histories (:mod:`jetx_diag.skill.null_simulation`);
* with a predictions file only: the self-normalised martingale test against the fair law
  (:mod:`jetx_diag.skill.martingale`), valid whatever the outputs depend on among earlier rounds.

"Better than chance" is the primary test's one-sided p below ``alpha``; "worse than chance" is
the other one-sided p below :data:`WORSE_ALPHA`, so both headlines together stay near 5%.

The permutation test of the AUC and Fisher's exact test are still computed, for reference: they
assume the outputs are unrelated to the held-out outcomes' order. The other tests (McNemar
against always-"above" and the best baseline, binomial tests of the bet win rate, kappa,
Matthews correlation) are reported beside it and do not move the chance verdict. When several
checkpoints or cutoffs were tried on the same rounds, p-values are Holm-corrected.
"""

from __future__ import annotations

import math
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats as sps
from sklearn.metrics import cohen_kappa_score, matthews_corrcoef, roc_auc_score
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.multitest import multipletests

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Rate
from jetx_diag.scoring.resampling import AucStatistic, SumStatistic, auc_permutation_null
from jetx_diag.scoring.stats import LEVEL, RESAMPLES, Interval, bootstrap_interval, wilson
from jetx_diag.skill.martingale import MartingaleResult, fair_rate, martingale_test
from jetx_diag.skill.null_simulation import SimulatedNull

#: Significance level of every verdict ("better than chance" among them).
ALPHA = 0.05
#: Level of the "worse than chance" headline, a test of its own (the primary test's other side):
#: with "better" at 5%, a model that knows nothing gets either headline in about 6% of sets.
WORSE_ALPHA = 0.01
#: The fair game's chance of reaching 1.5x with a 3% edge, when none is given.
DEFAULT_FAIR_RATE = fair_rate(1.5, 0.03)
#: Default number of label permutations for the AUC p-value.
PERMUTATIONS = 1000
#: McNemar uses the exact binomial form when fewer discordant pairs than this (the usual rule;
#: the chi-square approximation with continuity correction is fine above it).
EXACT_BELOW = 25

#: Codes of :attr:`SkillVerdict.code`.
VERDICT_CODES: tuple[str, ...] = (
    "beats_chance_and_baselines",  # better than chance and than the best baseline (McNemar)
    "beats_chance_not_baselines",  # knows something, but its calls are no better than a baseline
    "no_evidence",  # no evidence of skill (the primary test is not significant)
    "worse_than_chance",  # its ranking points the wrong way, at WORSE_ALPHA
    "not_enough_data",  # one class missing among the held-out rounds: nothing to test
)
#: Codes of :attr:`SkillVerdict.money`.
MONEY_CODES: tuple[str, ...] = ("makes_money", "loses_money", "undecided", "no_bets")


@dataclass(frozen=True)
class McNemarResult:
    """Model against one baseline, on the rounds where exactly one of them was right."""

    versus: str
    model_only_correct: int
    baseline_only_correct: int
    both_correct: int
    both_wrong: int
    statistic: float  # chi-square (corrected), or min(b, c) for the exact form
    p_value: float  # two-sided
    p_value_adjusted: float  # for the number of checkpoints/cutoffs tried (Holm)
    exact: bool
    outcome: str  # "better", "worse" (significant, adjusted), or "indistinguishable"


@dataclass(frozen=True)
class BinomialTest:
    """A rate against a fixed null rate, both one-sided p-values (scipy ``binomtest``)."""

    name: str  # "win_rate_vs_base_rate", "win_rate_vs_break_even"
    rate: Rate
    interval: Interval | None
    null_rate: float
    p_greater: float  # H1: the rate is above the null rate
    p_less: float  # H1: the rate is below it


@dataclass(frozen=True)
class AucResult:
    value: float
    interval: Interval | None
    p_value: float  # permutation, H1: AUC > 0.5 (the model ranks above-rounds higher)
    p_value_less: float  # permutation, H1: AUC < 0.5
    permutations: int
    positives: int  # held-out rounds at or above the threshold
    negatives: int


@dataclass(frozen=True)
class Estimate:
    """A statistic without a closed-form interval, with its bootstrap interval."""

    value: float | None
    interval: Interval | None


#: Codes of :attr:`Significance.primary_test`.
PRIMARY_TESTS: tuple[str, ...] = ("simulated_null", "martingale", "none")


@dataclass(frozen=True)
class Significance:
    primary_test: str  # one of PRIMARY_TESTS
    p_value: float | None  # primary test, H1: better than chance
    p_value_less: float | None  # primary test, H1: worse than chance
    p_value_adjusted: float | None  # ``p_value`` corrected for ``tests_tried`` (Holm)
    p_value_less_adjusted: float | None
    tests_tried: int  # checkpoints/cutoffs tried on these rounds (1 = only this one)
    fisher_p_value: float | None  # always computed when both classes occur, for reference
    versus_always_above: McNemarResult
    versus_best_baseline: McNemarResult
    win_rate_vs_base_rate: BinomialTest | None  # None without bets
    win_rate_vs_break_even: BinomialTest | None
    auc: AucResult | None  # None without probabilities or with one class only
    kappa: Estimate
    mcc: Estimate
    scored: str = "p_above"  # what the primary test ranks: "p_above" or the 0/1 "calls"
    martingale: MartingaleResult | None = None  # None when a class is missing
    simulated: SimulatedNull | None = None  # None without the checkpoint's pipeline
    worse_alpha: float = WORSE_ALPHA
    fisher_p_value_less: float | None = None


@dataclass(frozen=True)
class SkillVerdict:
    """The plain answer, as codes and numbers; the report's catalog phrases them."""

    code: str  # one of VERDICT_CODES
    p_value: float | None  # the primary p-value after correction for tests tried
    tests_tried: int
    versus_always_above: str  # McNemar outcome: better / worse / indistinguishable
    versus_best_baseline: str
    best_baseline: str
    money: str  # one of MONEY_CODES (betting on "above" calls at the cash-out)
    p_value_less: float | None = None  # the p behind a "worse than chance" headline (corrected)
    primary_test: str = "none"
    scored: str = "p_above"
    alpha: float = ALPHA
    worse_alpha: float = WORSE_ALPHA


# --------------------------------------------------------------------------- corrections


def holm(p_values: Sequence[float]) -> tuple[float, ...]:
    """Holm-adjusted p-values (statsmodels ``multipletests``), in the order given."""
    if len(p_values) == 0:
        return ()
    return tuple(float(p) for p in multipletests(list(p_values), method="holm")[1])


def adjust_for_tries(
    p_value: float, tests_tried: int = 1, others: Sequence[float] | None = None
) -> float:
    """``p_value`` corrected for the checkpoints/cutoffs tried on the same rounds.

    With the other tries' p-values (``others``): Holm over all of them. Without: ``tests_tried ×
    p`` capped at 1, which is Holm's value for the best of ``tests_tried`` tries and an upper
    bound on it for any other, so it never overstates the evidence.
    """
    if others is not None:
        return holm([p_value, *others])[0]
    if tests_tried < 1:
        raise UsageError(
            record("error.assessment.tests_tried_must_least_1", tests_tried=tests_tried)
        )
    return min(1.0, tests_tried * p_value)


# --------------------------------------------------------------------------- single tests


def mcnemar_test(
    actual_above: ArrayLike,
    model_calls: ArrayLike,
    baseline_calls: ArrayLike,
    versus: str,
    *,
    alpha: float = ALPHA,
    tests_tried: int = 1,
) -> McNemarResult:
    """McNemar's test of model against baseline (statsmodels), exact for few discordant pairs."""
    actual = np.asarray(actual_above, dtype=bool)
    model_right = np.asarray(model_calls, dtype=bool) == actual
    base_right = np.asarray(baseline_calls, dtype=bool) == actual
    both = int(np.sum(model_right & base_right))
    b = int(np.sum(model_right & ~base_right))
    c = int(np.sum(~model_right & base_right))
    neither = int(np.sum(~model_right & ~base_right))
    exact = b + c < EXACT_BELOW
    if b + c == 0:
        statistic, p_value = 0.0, 1.0  # identical on every round: nothing to tell them apart
    else:
        result = mcnemar([[both, b], [c, neither]], exact=exact, correction=True)
        statistic, p_value = float(result.statistic), min(1.0, float(result.pvalue))
    adjusted = adjust_for_tries(p_value, tests_tried)
    outcome = "indistinguishable"
    if adjusted < alpha:
        outcome = "better" if b > c else "worse"
    return McNemarResult(versus, b, c, both, neither, statistic, p_value, adjusted, exact, outcome)


def binomial_test(name: str, rate: Rate, null_rate: float, level: float = LEVEL) -> BinomialTest:
    """One-sided binomial tests of ``rate`` against ``null_rate`` (scipy)."""
    if rate.total == 0:
        raise UsageError(record("error.significance.no_trials_test", name=name))
    greater = sps.binomtest(rate.hits, rate.total, null_rate, alternative="greater").pvalue
    less = sps.binomtest(rate.hits, rate.total, null_rate, alternative="less").pvalue
    return BinomialTest(name, rate, wilson(rate, level), null_rate, float(greater), float(less))


def _auc_from_ranks(ranks: np.ndarray, labels: np.ndarray, axis: int = -1) -> np.ndarray:
    # Mann–Whitney form of the AUC, vectorised over resamples (sklearn scores one at a time).
    positives = labels.sum(axis=axis)
    negatives = labels.shape[axis] - positives
    u = (ranks * labels).sum(axis=axis) - positives * (positives + 1) / 2.0
    with np.errstate(invalid="ignore", divide="ignore"):
        return u / (positives * negatives)


#: The AUC of resampled rounds; bootstrapped from block starts (jetx_diag.scoring.resampling).
_auc_statistic = AucStatistic()


def _auc_permutations(
    ranks: np.ndarray, labels: np.ndarray, n_permutations: int, seed: int
) -> tuple[float, np.ndarray]:
    """Permutation p-value (H1: AUC > 0.5) and null distribution, as scipy's
    ``permutation_test`` computes them with this seed."""
    rng = np.random.default_rng(seed)
    if ranks.size <= 20 and math.factorial(ranks.size) ** 2 <= n_permutations:
        # So few rounds that scipy enumerates every pairing instead of drawing them.
        perm = sps.permutation_test(
            (ranks, labels),
            lambda r, y, axis=-1: _auc_from_ranks(r, y, axis=axis),
            permutation_type="pairings",
            vectorized=True,
            n_resamples=n_permutations,
            alternative="greater",
            rng=rng,
        )
        return float(perm.pvalue), np.asarray(perm.null_distribution)
    null = auc_permutation_null(ranks, labels, n_permutations, rng)
    observed = float(_auc_from_ranks(ranks, labels))
    # scipy's comparison: a null value within 100 ulps of the observed one counts as reaching it.
    gamma = abs(np.finfo(float).eps * 100 * observed)
    count = np.count_nonzero(null >= observed - gamma) + 1
    return float(min(1.0, count / (n_permutations + 1.0))), null


def auc_test(
    actual_above: ArrayLike,
    p_above: ArrayLike,
    *,
    n_permutations: int = PERMUTATIONS,
    n_bootstrap: int = RESAMPLES,
    seed: int = 0,
    level: float = LEVEL,
    block_length: int | None = None,
) -> AucResult | None:
    """ROC AUC (sklearn) with a block-bootstrap interval and a permutation p-value (scipy
    ``permutation_test``'s draws, labels shuffled against the model's scores); ``None`` with one
    class."""
    labels = np.asarray(actual_above, dtype=float)
    scores = np.asarray(p_above, dtype=float)
    positives = int(labels.sum())
    negatives = int(labels.size - positives)
    if positives == 0 or negatives == 0:
        return None
    value = float(roc_auc_score(labels, scores))
    # AUC depends on the ranks only: rank once, then each permutation is a weighted sum.
    ranks = sps.rankdata(scores)
    p_greater, null = _auc_permutations(ranks, labels, n_permutations, seed)
    # The same null distribution answers the other direction: P(AUC_perm <= AUC_observed).
    tolerance = 1e-12 * max(1.0, abs(value))
    p_less = (np.sum(null <= value + tolerance) + 1.0) / (null.size + 1.0)
    interval = bootstrap_interval(
        _auc_statistic,
        scores,
        labels,
        level=level,
        n_resamples=n_bootstrap,
        seed=seed,
        block_length=block_length,
    )
    return AucResult(
        value,
        interval,
        p_greater,
        float(p_less),
        n_permutations,
        positives,
        negatives,
    )


def _agreement_columns(called: np.ndarray, actual: np.ndarray) -> tuple[np.ndarray, ...]:
    # One 0/1 column per cell of the 2×2 table: tp, fp, fn, tn.
    missed, wrong = 1 - actual, 1 - called
    return called * actual, called * missed, wrong * actual, wrong * missed


def _kappa_from_counts(
    tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, tn: np.ndarray
) -> np.ndarray:
    n = tp + fp + fn + tn
    observed = (tp + tn) / n
    chance = ((tp + fp) * (tp + fn) + (tn + fn) * (tn + fp)) / (n * n)
    with np.errstate(invalid="ignore", divide="ignore"):
        return (observed - chance) / (1.0 - chance)


def _mcc_from_counts(tp: np.ndarray, fp: np.ndarray, fn: np.ndarray, tn: np.ndarray) -> np.ndarray:
    denominator = np.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    safe = np.where(denominator == 0, 1.0, denominator)
    return np.where(denominator == 0, 0.0, (tp * tn - fp * fn) / safe)


#: Cohen's kappa from counts, vectorised over resamples (NaN when chance agreement is 1):
#: ``kappa_statistic(called, actual, axis=-1)``.
kappa_statistic = SumStatistic(_agreement_columns, _kappa_from_counts, "kappa_statistic")
#: Matthews correlation from counts, vectorised; 0 when a margin is empty (as sklearn).
mcc_statistic = SumStatistic(_agreement_columns, _mcc_from_counts, "mcc_statistic")


def agreement(
    actual_above: ArrayLike,
    called_above: ArrayLike,
    *,
    n_bootstrap: int = RESAMPLES,
    seed: int = 0,
    level: float = LEVEL,
    block_length: int | None = None,
) -> tuple[Estimate, Estimate]:
    """Cohen's kappa and Matthews correlation (sklearn) with block-bootstrap intervals."""
    actual = np.asarray(actual_above, dtype=float)
    called = np.asarray(called_above, dtype=float)
    with warnings.catch_warnings():
        # One label only (e.g. a model that always says "above"): sklearn warns and returns 0
        # or NaN; NaN becomes None below.
        warnings.simplefilter("ignore")
        kappa = float(cohen_kappa_score(actual, called, labels=[0.0, 1.0]))
        mcc = float(matthews_corrcoef(actual, called))
    kappa_interval, mcc_interval = (
        bootstrap_interval(
            statistic,
            called,
            actual,
            level=level,
            n_resamples=n_bootstrap,
            seed=seed,
            block_length=block_length,
        )
        for statistic in (kappa_statistic, mcc_statistic)
    )
    return (
        Estimate(kappa if np.isfinite(kappa) else None, kappa_interval),
        Estimate(mcc if np.isfinite(mcc) else None, mcc_interval),
    )


def fisher_test(actual_above: ArrayLike, called_above: ArrayLike) -> tuple[float, float] | None:
    """One-sided Fisher exact p-values (scipy) that "above" calls go with above rounds
    (greater) or with below rounds (less); ``None`` when a class never occurs."""
    actual = np.asarray(actual_above, dtype=bool)
    called = np.asarray(called_above, dtype=bool)
    if actual.all() or (~actual).all():
        return None
    table = [
        [int(np.sum(actual & called)), int(np.sum(actual & ~called))],
        [int(np.sum(~actual & called)), int(np.sum(~actual & ~called))],
    ]
    greater = sps.fisher_exact(table, alternative="greater").pvalue
    less = sps.fisher_exact(table, alternative="less").pvalue
    return float(greater), float(less)


# --------------------------------------------------------------------------- all together


def chance_test(
    actual_above: ArrayLike,
    scores: ArrayLike,
    fair_rate: float = DEFAULT_FAIR_RATE,
    simulated: SimulatedNull | None = None,
) -> tuple[str, float | None, float | None, MartingaleResult | None]:
    """The primary test against chance: its code, its p for "better" and for "worse", and the
    martingale test (computed whenever both outcomes occur, primary without ``simulated``).

    ``scores``: p_above, or the 0/1 calls of a model without probabilities, in round order.
    """
    actual = np.asarray(actual_above, dtype=bool)
    if not (actual.any() and (~actual).any()):
        return "none", None, None, None
    martingale = martingale_test(actual, scores, fair_rate)
    if simulated is not None:
        return "simulated_null", simulated.p_value, simulated.p_value_less, martingale
    return "martingale", martingale.p_value, martingale.p_value_less, martingale


def assess_significance(
    actual_above: ArrayLike,
    called_above: ArrayLike,
    p_above: ArrayLike | None,
    *,
    always_above_calls: ArrayLike,
    best_baseline: str,
    best_baseline_calls: ArrayLike,
    base_rate: float,
    cashout: float = 1.5,
    fair_rate: float = DEFAULT_FAIR_RATE,
    simulated: SimulatedNull | None = None,
    tests_tried: int = 1,
    family_p_values: Sequence[float] | None = None,
    alpha: float = ALPHA,
    worse_alpha: float = WORSE_ALPHA,
    level: float = LEVEL,
    n_permutations: int = PERMUTATIONS,
    n_bootstrap: int = RESAMPLES,
    seed: int = 0,
    block_length: int | None = None,
) -> Significance:
    """Every skill test on one model's held-out calls (in round order).

    ``fair_rate``: the fair game's chance of reaching the threshold, π₀ of the martingale test.
    ``simulated``: the observed AUC ranked among the same pipeline's AUCs on fair histories,
    when the checkpoint was run on them; it is then the primary test, else the martingale test.
    ``family_p_values``: primary p-values of the other checkpoints/cutoffs tried on these rounds,
    when known (then ``tests_tried`` is their number plus one).
    """
    actual = np.asarray(actual_above, dtype=bool)
    called = np.asarray(called_above, dtype=bool)
    if actual.shape != called.shape:
        raise UsageError(
            record("error.significance.outcomes_but_calls", size=actual.size, size2=called.size)
        )
    if family_p_values is not None:
        tests_tried = len(family_p_values) + 1
    if tests_tried < 1:
        raise UsageError(
            record("error.assessment.tests_tried_must_least_1", tests_tried=tests_tried)
        )

    auc = None
    scores = called.astype(float)
    scored = "calls"
    if p_above is not None:
        scores = np.asarray(p_above, dtype=float)
        scored = "p_above"
        if scores.shape != actual.shape:
            raise UsageError(
                record(
                    "error.significance.outcomes_but_probabilities",
                    size=actual.size,
                    size2=scores.size,
                )
            )
        auc = auc_test(
            actual,
            scores,
            n_permutations=n_permutations,
            n_bootstrap=n_bootstrap,
            seed=seed,
            level=level,
            block_length=block_length,
        )
    fisher = fisher_test(actual, called)
    primary, p, p_less, martingale = chance_test(actual, scores, fair_rate, simulated)

    def adjusted(value: float | None) -> float | None:
        return None if value is None else adjust_for_tries(value, tests_tried, family_p_values)

    wins = Rate(int(np.sum(called & actual)), int(np.sum(called)))
    bets_tests: tuple[BinomialTest | None, BinomialTest | None] = (None, None)
    if wins.total:
        bets_tests = (
            binomial_test("win_rate_vs_base_rate", wins, base_rate, level),
            binomial_test("win_rate_vs_break_even", wins, 1.0 / cashout, level),
        )
    kappa, mcc = agreement(
        actual,
        called,
        n_bootstrap=n_bootstrap,
        seed=seed,
        level=level,
        block_length=block_length,
    )
    return Significance(
        primary_test=primary,
        p_value=p,
        p_value_less=p_less,
        p_value_adjusted=adjusted(p),
        p_value_less_adjusted=adjusted(p_less),
        tests_tried=tests_tried,
        fisher_p_value=None if fisher is None else fisher[0],
        versus_always_above=mcnemar_test(
            actual, called, always_above_calls, "always_above", alpha=alpha, tests_tried=tests_tried
        ),
        versus_best_baseline=mcnemar_test(
            actual, called, best_baseline_calls, best_baseline, alpha=alpha, tests_tried=tests_tried
        ),
        win_rate_vs_base_rate=bets_tests[0],
        win_rate_vs_break_even=bets_tests[1],
        auc=auc,
        kappa=kappa,
        mcc=mcc,
        scored=scored,
        martingale=martingale,
        simulated=simulated,
        worse_alpha=worse_alpha,
        fisher_p_value_less=None if fisher is None else fisher[1],
    )


def skill_verdict(
    significance: Significance, alpha: float = ALPHA, worse_alpha: float | None = None
) -> SkillVerdict:
    """The chance verdict from the primary test, the baseline outcomes and the money outcome.

    "Better than chance": the primary one-sided p (corrected for tries) below ``alpha``. "Worse
    than chance": the other one-sided p below ``worse_alpha`` (default: the significance's own,
    :data:`WORSE_ALPHA`), so that the two headlines together stay near 5% on a model that knows
    nothing.
    """
    s = significance
    worse_level = s.worse_alpha if worse_alpha is None else worse_alpha
    if s.p_value_adjusted is None:
        code = "not_enough_data"
    elif s.p_value_adjusted < alpha:
        better = s.versus_best_baseline.outcome == "better"
        code = "beats_chance_and_baselines" if better else "beats_chance_not_baselines"
    elif s.p_value_less_adjusted is not None and s.p_value_less_adjusted < worse_level:
        code = "worse_than_chance"
    else:
        code = "no_evidence"
    money = "no_bets"
    test = s.win_rate_vs_break_even
    if test is not None:
        # Picking the best of several tries inflates only claims of profit, so only those are
        # corrected; a loss is reported at the plain level.
        if adjust_for_tries(test.p_greater, s.tests_tried) < alpha:
            money = "makes_money"
        elif test.p_less < alpha:
            money = "loses_money"
        else:
            money = "undecided"
    return SkillVerdict(
        code=code,
        p_value=s.p_value_adjusted,
        tests_tried=s.tests_tried,
        versus_always_above=s.versus_always_above.outcome,
        versus_best_baseline=s.versus_best_baseline.outcome,
        best_baseline=s.versus_best_baseline.versus,
        money=money,
        p_value_less=s.p_value_less_adjusted,
        primary_test=s.primary_test,
        scored=s.scored,
        alpha=alpha,
        worse_alpha=worse_level,
    )
