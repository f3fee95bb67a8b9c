"""Is there anything to predict? A randomness audit of the evaluated rounds.

Crash games are built to draw each round independently with ``P(X ≥ m) = (1 − edge)/m``. If the
history looks like that, no model can beat always-"above" on the below/above call, and every bet
returns ``−edge`` on average. The audit says so plainly, with its numbers:

* Wald–Wolfowitz runs test on the below/above sequence (statsmodels ``runstest_1samp``);
* Ljung–Box on log multipliers (the statistic of statsmodels ``acorr_ljungbox``, on
  autocorrelations computed through the FFT, so a million rounds cost a million, not a million
  squared, operations) at lags 5, 10 and 20; the verdict
  uses lag 10, the usual choice for non-seasonal series (Hyndman & Athanasopoulos, FPP3 §5.4),
  so that only one lag is tested;
* autocorrelation with Bartlett bands (statsmodels ``acf``) as data for a plot;
* the tail law: ``P(X ≥ m)`` measured against ``(1 − edge)/m`` with a chi-square test, and the
  house edge estimated with its interval.

The independence verdict combines two tests (runs, Ljung–Box) at ``alpha/2`` each (Bonferroni),
so independent rounds are called "not independent" in at most ``alpha`` of histories.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats as sps
from statsmodels.sandbox.stats.runs import runstest_1samp
from statsmodels.tsa.stattools import acf

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Rate
from jetx_diag.scoring.stats import LEVEL, Interval, wilson

ALPHA = 0.05
#: Fewer rounds than this are not audited (the tests' normal approximations need more).
MIN_ROUNDS = 50
#: Ljung–Box lags reported; the verdict uses VERDICT_LAG.
LJUNG_BOX_LAGS: tuple[int, ...] = (5, 10, 20)
VERDICT_LAG = 10
#: Autocorrelation lags for the plot.
ACF_LAGS = 20
#: Multipliers whose tail share is compared with the fair law (the threshold is added first).
TAIL_MULTIPLIERS: tuple[float, ...] = (2.0, 3.0, 5.0, 10.0, 20.0, 50.0, 100.0)
#: Smallest expected count per chi-square bin; higher cut points are merged until it holds.
MIN_EXPECTED = 5.0

#: Codes of :attr:`RandomnessAudit.verdict` and :attr:`LawFit.verdict`.
INDEPENDENCE_CODES: tuple[str, ...] = ("independent", "not_independent", "not_enough_data")
LAW_CODES: tuple[str, ...] = ("fits_fair_law", "departs_from_fair_law", "not_enough_data")


@dataclass(frozen=True)
class RunsTest:
    """Runs of consecutive below/above rounds against the number independent rounds give."""

    runs: int
    expected_runs: float
    above: int
    below: int
    z: float
    p_value: float  # two-sided: too few runs (streaks) or too many (alternation)


@dataclass(frozen=True)
class LjungBox:
    lags: tuple[int, ...]
    statistics: tuple[float, ...]
    p_values: tuple[float, ...]
    verdict_lag: int
    p_value: float  # at ``verdict_lag``


@dataclass(frozen=True)
class Autocorrelation:
    """ACF of log multipliers at lags 1…k, with the band independent rounds stay inside."""

    lags: tuple[int, ...]
    values: tuple[float, ...]
    band: tuple[float, ...]  # half-width around zero at each lag (Bartlett's formula)
    level: float
    largest_lag: int  # lag of the largest |autocorrelation|: the size of any dependence
    outside_band: int  # lags outside the band (about 5% of lags for independent rounds)

    @property
    def largest(self) -> float:
        return self.values[self.largest_lag - 1]


@dataclass(frozen=True)
class TailRow:
    multiplier: float
    observed: Rate  # rounds at or above the multiplier
    interval: Interval | None  # Wilson
    fair_reference: float  # (1 − reference edge)/m
    fair_estimated: float | None  # (1 − estimated edge)/m


@dataclass(frozen=True)
class LawFit:
    """The measured tail law against ``P(X ≥ m) = (1 − edge)/m``."""

    reference_edge: float
    estimated_edge: float | None
    estimated_edge_interval: Interval | None  # from the Wilson interval of P(X ≥ m₀)
    estimated_from: float  # m₀, the multiplier whose tail share gives the estimate
    rows: tuple[TailRow, ...]
    bins: tuple[float, ...]  # cut points of the chi-square bins actually used
    chi2_reference: float | None
    p_reference: float | None  # H0: the law with the reference edge
    chi2_estimated: float | None
    p_estimated: float | None  # H0: the law's shape with the estimated edge (1 dof fewer)
    verdict: str  # one of LAW_CODES, from ``p_reference``


@dataclass(frozen=True)
class RandomnessAudit:
    rounds: int
    source: str  # which rounds: "held_out", "history", …
    threshold: float
    alpha: float
    runs: RunsTest | None
    ljung_box: LjungBox | None
    autocorrelation: Autocorrelation | None
    law: LawFit | None
    verdict: str  # one of INDEPENDENCE_CODES
    failed: tuple[str, ...] = ()  # tests below alpha/2: "runs", "ljung_box"


def _check(values: np.ndarray) -> None:
    if values.ndim != 1:
        raise UsageError(record("error.randomness.randomness_audit_needs_one_multiplier"))
    if not np.all(np.isfinite(values)) or np.any(values <= 0):
        raise UsageError(record("error.randomness.randomness_audit_needs_finite_positive"))


def runs_test(multipliers: ArrayLike, threshold: float = 1.5) -> RunsTest | None:
    """Runs test on ``X ≥ threshold``; ``None`` when one side never occurs."""
    values = np.asarray(multipliers, dtype=float)
    above = values >= threshold
    n_above = int(above.sum())
    n_below = int(above.size - n_above)
    if n_above == 0 or n_below == 0:
        return None
    runs = int(1 + np.count_nonzero(above[1:] != above[:-1]))
    expected = 2.0 * n_above * n_below / above.size + 1.0
    # correction=False: statsmodels' 0.5 correction only applies below 50 rounds, where the
    # audit does not test at all.
    z, p = runstest_1samp(values, cutoff=threshold, correction=False)
    return RunsTest(runs, expected, n_above, n_below, float(z), float(p))


def ljung_box(
    multipliers: ArrayLike, lags: Sequence[int] = LJUNG_BOX_LAGS, verdict_lag: int = VERDICT_LAG
) -> LjungBox | None:
    """Ljung–Box on ``log X`` at ``lags`` (those below n/5 kept); ``None`` if none fits."""
    logs = np.log(np.asarray(multipliers, dtype=float))
    usable = tuple(sorted({int(lag) for lag in lags if 1 <= lag <= logs.size // 5}))
    if not usable or np.ptp(logs) == 0:
        return None
    statistic, p_value = ljung_box_statistics(logs, usable)
    statistics = tuple(float(v) for v in statistic)
    p_values = tuple(float(v) for v in p_value)
    chosen = verdict_lag if verdict_lag in usable else usable[-1]
    return LjungBox(usable, statistics, p_values, chosen, p_values[usable.index(chosen)])


def ljung_box_statistics(series: np.ndarray, lags: Sequence[int]) -> tuple[np.ndarray, np.ndarray]:
    """Ljung–Box Q and its chi-square p-value at each of ``lags`` (no model degrees of freedom).

    statsmodels' ``acorr_ljungbox`` computes the autocorrelations with ``fft=False``, a direct
    correlation of the whole series with itself: O(n²), 39 s of a 200,000-round report. The
    statistic is the same with the FFT (O(n log n)): ``Q(h) = n(n + 2) Σ_{k ≤ h} r_k² / (n − k)``.
    """
    n = series.size
    wanted = np.asarray(lags, dtype=int)
    top = int(wanted.max())
    r = acf(series, nlags=top, fft=True)
    terms = r[1 : top + 1] ** 2 / (n - np.arange(1, top + 1))
    q = n * (n + 2) * np.cumsum(terms)[wanted - 1]
    return q, sps.chi2.sf(q, wanted)


def autocorrelation(
    multipliers: ArrayLike, nlags: int = ACF_LAGS, level: float = LEVEL
) -> Autocorrelation | None:
    logs = np.log(np.asarray(multipliers, dtype=float))
    k = min(nlags, logs.size // 5)
    if k < 1 or np.ptp(logs) == 0:
        return None
    with warnings.catch_warnings():
        # statsmodels 0.15 warns that acf will return an AcfResult instead of a tuple; both
        # forms are read below, so the warning says nothing to act on.
        warnings.simplefilter("ignore", FutureWarning)
        result = acf(logs, nlags=k, alpha=1.0 - level, fft=True)
    values, confint = (result.acf, result.confint) if hasattr(result, "acf") else result
    band = confint[:, 1] - values  # statsmodels centres the band on the ACF; plots centre on 0
    largest = int(np.argmax(np.abs(values[1:]))) + 1
    return Autocorrelation(
        tuple(range(1, k + 1)),
        tuple(float(v) for v in values[1:]),
        tuple(float(b) for b in band[1:]),
        level,
        largest,
        int(np.sum(np.abs(values[1:]) > band[1:])),
    )


def _bin_probabilities(cuts: Sequence[float], edge: float) -> np.ndarray:
    tail = np.minimum(1.0, (1.0 - edge) / np.asarray(cuts, dtype=float))
    # [1, m1), [m1, m2), …, [mk, ∞)
    return np.concatenate([[1.0 - tail[0]], tail[:-1] - tail[1:], [tail[-1]]])


def _bin_counts(values: np.ndarray, cuts: Sequence[float]) -> np.ndarray:
    return np.bincount(
        np.searchsorted(np.asarray(cuts), values, side="right"), minlength=len(cuts) + 1
    )


def law_fit(
    multipliers: ArrayLike,
    *,
    house_edge: float = 0.03,
    threshold: float = 1.5,
    tail_multipliers: Sequence[float] = TAIL_MULTIPLIERS,
    alpha: float = ALPHA,
    level: float = LEVEL,
) -> LawFit:
    """Tail shares against ``(1 − edge)/m``, the estimated edge, and chi-square fits.

    The edge is estimated from the lowest multiplier m₀ (the threshold by default) as
    ``1 − m₀ · P̂(X ≥ m₀)``, with the Wilson interval of ``P̂`` carried over. Why this estimator:
    under the law, rounds above m₀ follow a shape that does not depend on the edge, so for counts
    binned from m₀ upwards this is the maximum-likelihood estimate. The continuous MLE would rest
    on the share of rounds at exactly 1.00, which rounding of real data blurs; ``P(X ≥ 1.5)`` is
    also the number a 1.5x bettor cares about.
    """
    values = np.asarray(multipliers, dtype=float)
    _check(values)
    if not 0.0 <= house_edge < 1.0:
        raise UsageError(record("error.fairgen.house_edge_must_0_1", house_edge=house_edge))
    cuts = sorted({float(threshold), *(float(m) for m in tail_multipliers)})
    if cuts[0] <= 1.0:
        raise UsageError(record("error.randomness.tail_multipliers_must_above_1"))
    n = int(values.size)
    rows_rates = [Rate(int(np.sum(values >= m)), n) for m in cuts]
    m0 = cuts[0]
    estimate = interval = None
    if n:
        share = rows_rates[0].hits / n
        estimate = 1.0 - m0 * share
        w = wilson(rows_rates[0], level)
        if w is not None:
            interval = Interval(1.0 - m0 * w.high, 1.0 - m0 * w.low, "wilson", level)
    rows = tuple(
        TailRow(
            m,
            rate,
            wilson(rate, level),
            min(1.0, (1.0 - house_edge) / m),
            None if estimate is None else min(1.0, max(0.0, (1.0 - estimate) / m)),
        )
        for m, rate in zip(cuts, rows_rates, strict=True)
    )
    # Merge the highest cut points until every bin expects enough rounds under the reference law.
    used = list(cuts)
    while used and np.min(n * _bin_probabilities(used, house_edge)) < MIN_EXPECTED:
        used.pop()
    chi2_ref = p_ref = chi2_est = p_est = None
    verdict = "not_enough_data"
    if len(used) >= 1 and estimate is not None:
        observed = _bin_counts(values, used)
        expected = n * _bin_probabilities(used, house_edge)
        # scipy's chisquare wants equal totals; the law's probabilities sum to 1 by construction.
        chi2_ref, p_ref = (float(v) for v in sps.chisquare(observed, expected))
        verdict = "fits_fair_law" if p_ref >= alpha else "departs_from_fair_law"
        if len(used) >= 2 and estimate < 1.0:
            expected_est = n * _bin_probabilities(used, estimate)
            if np.all(expected_est > 0):  # an estimate can leave a bin impossible (all ≥ m₀)
                chi2_est, p_est = (float(v) for v in sps.chisquare(observed, expected_est, ddof=1))
    return LawFit(
        house_edge,
        estimate,
        interval,
        m0,
        rows,
        tuple(used),
        chi2_ref,
        p_ref,
        chi2_est,
        p_est,
        verdict,
    )


def audit_randomness(
    multipliers: ArrayLike,
    *,
    threshold: float = 1.5,
    house_edge: float = 0.03,
    source: str = "held_out",
    alpha: float = ALPHA,
    level: float = LEVEL,
) -> RandomnessAudit:
    """Every check on ``multipliers`` (round order) and the verdict: independent draws or not."""
    values = np.asarray(multipliers, dtype=float)
    _check(values)
    n = int(values.size)
    if n < MIN_ROUNDS:
        return RandomnessAudit(
            n, source, threshold, alpha, None, None, None, None, "not_enough_data"
        )
    runs = runs_test(values, threshold)
    box = ljung_box(values)
    verdict = "not_enough_data"
    failed: tuple[str, ...] = ()
    if runs is not None and box is not None:
        tests = (("runs", runs.p_value), ("ljung_box", box.p_value))
        failed = tuple(name for name, p in tests if p < alpha / 2.0)
        verdict = "not_independent" if failed else "independent"
    return RandomnessAudit(
        rounds=n,
        source=source,
        threshold=threshold,
        alpha=alpha,
        runs=runs,
        ljung_box=box,
        autocorrelation=autocorrelation(values, level=level),
        law=law_fit(values, house_edge=house_edge, threshold=threshold, alpha=alpha, level=level),
        verdict=verdict,
        failed=failed,
    )
