"""Intervals, resampling and sample-size estimates: the uncertainty beside every number.

* Proportions get the Wilson score interval (statsmodels).
* Statistics without a closed form (AUC, kappa, return per bet, …) get a seeded percentile
  bootstrap. Held-out rounds are a time series, so the default is the circular block bootstrap
  (Politis & Romano 1992), which keeps runs of neighbouring rounds together; a block length of 1
  is the ordinary i.i.d. bootstrap (scipy).
* Target decisions are three-way (met / missed / undecided) from the interval, with the number of
  further rounds that would decide an undecided one.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike
from scipy import stats as sps
from statsmodels.stats.power import NormalIndPower
from statsmodels.stats.proportion import proportion_confint, proportion_effectsize

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import PERCENT_DECIMALS, Rate

#: Default confidence level of every interval.
LEVEL = 0.95
#: Default number of bootstrap resamples.
RESAMPLES = 1000
#: Decisions a target can get from its interval.
DECISIONS: tuple[str, ...] = ("met", "missed", "undecided")
_OPS: tuple[str, ...] = (">=", ">", "<=", "<")
# Elements per resampled array held in memory at once (resamples are processed in chunks).
_CHUNK_ELEMENTS = 2_000_000


@dataclass(frozen=True)
class Interval:
    """A two-sided confidence interval ``[low, high]`` at ``level`` (0.95 = 95%)."""

    low: float
    high: float
    method: str  # "wilson", "bootstrap" (i.i.d.), "block_bootstrap"
    level: float
    resamples: int | None = None  # bootstrap resamples on which the statistic was defined
    block_length: int | None = None  # rounds per block of the block bootstrap

    def percent(self, decimals: int = PERCENT_DECIMALS) -> tuple[float, float]:
        """Both ends in percent, rounded the one way the report shows them."""
        return round(100.0 * self.low, decimals), round(100.0 * self.high, decimals)

    def contains(self, value: float) -> bool:
        return self.low <= value <= self.high


def _z(level: float) -> float:
    if not 0.0 < level < 1.0:
        raise UsageError(record("error.stats.confidence_level_must_between_0", level=level))
    return float(sps.norm.ppf(0.5 + level / 2.0))


def wilson(rate: Rate, level: float = LEVEL) -> Interval | None:
    """Wilson score interval of a rate; ``None`` for ``0/0`` (there is nothing to bound)."""
    _z(level)  # validates the level
    if rate.total == 0:
        return None
    low, high = proportion_confint(rate.hits, rate.total, alpha=1.0 - level, method="wilson")
    return Interval(float(low), float(high), "wilson", level)


# --------------------------------------------------------------------------- bootstrap


def auto_block_length(n: int) -> int:
    """Block length rule: ``ceil(n ** (1/3))`` rounds (11 for 1,118 rounds).

    n^(1/3) is the rate-optimal order of the block length for bootstrap variance and interval
    estimates (Hall, Horowitz & Jing 1995); the constant 1 keeps it simple. For independent
    rounds any block length is valid, so the rule only costs a little width there.
    """
    return max(1, math.ceil(n ** (1.0 / 3.0) - 1e-9))


def permutation_batch(n: int) -> int:
    """Resamples or permutations of ``n`` rounds processed at once: about two million values."""
    return max(1, _CHUNK_ELEMENTS // max(1, n))


def block_indices(
    n: int, n_resamples: int, block_length: int, rng: np.random.Generator
) -> np.ndarray:
    """Indices of circular block bootstrap resamples, shape ``(n_resamples, n)``.

    Written here because neither scipy nor statsmodels offers a block bootstrap (the ``arch``
    package does, but is not a dependency). Blocks start anywhere and wrap around the end, so
    every round is equally likely to be drawn.
    """
    blocks = math.ceil(n / block_length)
    starts = rng.integers(0, n, size=(n_resamples, blocks))
    idx = (starts[:, :, None] + np.arange(block_length)) % n
    return idx.reshape(n_resamples, blocks * block_length)[:, :n]


def bootstrap_interval(
    statistic: Callable[..., np.ndarray],
    *arrays: ArrayLike,
    level: float = LEVEL,
    n_resamples: int = RESAMPLES,
    seed: int = 0,
    block_length: int | None = None,
    direct: bool = False,
) -> Interval | None:
    """Percentile bootstrap interval of ``statistic`` over paired, round-ordered ``arrays``.

    ``statistic(*arrays, axis=-1)`` must reduce along ``axis`` and accept 2-D arrays (one resample
    per row); it may return NaN where it is undefined on a resample (e.g. an AUC on a resample
    without positives): those resamples are left out and ``resamples`` says how many counted.
    ``block_length=None`` uses :func:`auto_block_length`; ``1`` is the i.i.d. bootstrap.
    Same ``seed``, same interval. ``None`` when the statistic is undefined on the data itself,
    or for a single round: every resample of one round is that round, which bounds nothing.

    A statistic with an ``on_blocks`` method (:mod:`jetx_diag.scoring.resampling`) is computed from
    the
    resamples' block starts instead of gathered resamples, the same values at a fraction of the
    cost; ``direct=True`` gathers them anyway (to compare the two).
    """
    data = [np.asarray(a) for a in arrays]
    if not data or any(d.ndim != 1 or d.shape != data[0].shape for d in data):
        raise UsageError(record("error.stats.bootstrap_needs_one_more_1"))
    n = data[0].shape[0]
    if n < 2 or not np.isfinite(statistic(*data, axis=-1)):
        return None
    if n_resamples < 1:
        raise UsageError(
            record("error.stats.bootstrap_needs_least_one_resample", n_resamples=n_resamples)
        )
    block = auto_block_length(n) if block_length is None else int(block_length)
    if block < 1:
        raise UsageError(record("error.stats.block_length_must_least_1", block_length=block_length))
    block = min(block, n)
    _z(level)  # validates the level
    rng = np.random.default_rng(seed)
    if block == 1:
        values = _iid_values(statistic, data, n_resamples, rng)
        method = "bootstrap"
    else:
        values = _block_values(statistic, data, n_resamples, block, rng, direct)
        method = "block_bootstrap"
    values = values[np.isfinite(values)]
    if values.size == 0:
        return None
    tail = 100.0 * (1.0 - level) / 2.0
    low, high = np.percentile(values, [tail, 100.0 - tail])
    return Interval(float(low), float(high), method, level, int(values.size), block)


def _iid_values(
    statistic: Callable[..., np.ndarray],
    data: list[np.ndarray],
    n_resamples: int,
    rng: np.random.Generator,
) -> np.ndarray:
    # scipy draws the paired i.i.d. resamples; we keep its bootstrap distribution and take the
    # percentiles ourselves so that resamples where the statistic is undefined can be dropped.
    result = sps.bootstrap(
        data,
        statistic,
        n_resamples=n_resamples,
        paired=True,
        vectorized=True,
        method="percentile",
        rng=rng,
        # Resamples in batches: never an n × resamples matrix. scipy draws the same indices
        # whatever the batch, so the interval does not depend on it.
        batch=permutation_batch(data[0].shape[0]),
    )
    return np.asarray(result.bootstrap_distribution, dtype=float).ravel()


def _block_values(
    statistic: Callable[..., np.ndarray],
    data: list[np.ndarray],
    n_resamples: int,
    block: int,
    rng: np.random.Generator,
    direct: bool = False,
) -> np.ndarray:
    n = data[0].shape[0]
    chunk = permutation_batch(n)
    on_blocks = None if direct else getattr(statistic, "on_blocks", None)
    out = []
    for start in range(0, n_resamples, chunk):
        k = min(chunk, n_resamples - start)
        if on_blocks is not None:
            # The same draws as block_indices, kept as starts (numpy draws the same integers
            # whatever the chunking, so chunks do not change the interval either).
            starts = rng.integers(0, n, size=(k, math.ceil(n / block)))
            out.append(np.asarray(on_blocks(data, starts, block), dtype=float))
            continue
        idx = block_indices(n, k, block, rng)
        out.append(np.asarray(statistic(*(d[idx] for d in data), axis=-1), dtype=float))
    return np.concatenate(out)


# --------------------------------------------------------------------------- decisions


def _check_target(op: str, target_percent: float) -> None:
    if op not in _OPS:
        raise UsageError(
            record("error.stats.unknown_target_operator", op=f"{op!r}"),
            hint=record("error.common.hint_one_of", choices=", ".join(_OPS)),
        )
    if not 0.0 <= target_percent <= 100.0:
        raise UsageError(
            record("error.stats.target_must_percentage_got", target_percent=target_percent)
        )


def decide(rate: Rate, op: str, target_percent: float, level: float = LEVEL) -> str:
    """``met`` when the whole interval meets ``op target``, ``missed`` when the whole interval
    misses it, ``undecided`` when it straddles the target (or the rate is ``0/0``).

    Ends are compared as the report rounds them (:meth:`Interval.percent`), so the shown interval
    and a CI gate that requires ``met`` cannot disagree.
    """
    _check_target(op, target_percent)
    interval = wilson(rate, level)
    if interval is None:
        return "undecided"
    low, high = interval.percent()
    t = target_percent
    if op == ">=":
        met, missed = low >= t, high < t
    elif op == ">":
        met, missed = low > t, high <= t
    elif op == "<=":
        met, missed = high <= t, low > t
    else:  # "<"
        met, missed = high < t, low >= t
    return "met" if met else "missed" if missed else "undecided"


def rounds_needed_to_decide(
    rate: Rate,
    target_percent: float,
    level: float = LEVEL,
    power: float | None = None,
) -> int | None:
    """Further held-out rounds after which the interval would exclude the target, if the rate
    stayed where it is; 0 when it already does; ``None`` when the rate equals the target (no
    number of rounds decides it) or is ``0/0``.

    Default (``power=None``): closed-form inversion of the Wilson interval. The Wilson interval is
    the set of ``p`` with ``(p̂ − p)² ≤ z² p(1 − p)/n``, so it excludes the target ``t`` exactly
    when ``n > z² t(1 − t)/(p̂ − t)²``. With ``power`` (e.g. 0.8): rounds for a two-sided test at
    ``1 − level`` to reject ``t`` with that probability if the true rate is ``p̂``
    (statsmodels ``NormalIndPower`` with ``ratio=0``, the one-sample form, on Cohen's h).
    """
    if not 0.0 <= target_percent <= 100.0:
        raise UsageError(
            record("error.stats.target_must_percentage_got", target_percent=target_percent)
        )
    if rate.total == 0:
        return None
    p = rate.hits / rate.total
    t = target_percent / 100.0
    if math.isclose(p, t, rel_tol=0.0, abs_tol=1e-12):
        return None
    z = _z(level)
    if power is None:
        needed = math.floor(z * z * t * (1.0 - t) / (p - t) ** 2) + 1
    else:
        if not 0.0 < power < 1.0:
            raise UsageError(record("error.stats.power_must_between_0_1", power=power))
        if t in (0.0, 1.0):  # Cohen's h is infinite: a single round decides
            needed = 1
        else:
            effect = abs(float(proportion_effectsize(p, t)))
            needed = math.ceil(
                NormalIndPower().solve_power(
                    effect_size=effect, alpha=1.0 - level, power=power, ratio=0.0
                )
            )
    return max(0, needed - rate.total)


#: The chance of a decision that "rounds to decide" is computed for.
DECISION_CHANCE = 0.8


def rounds_for_decision_chance(
    rate: Rate, target_percent: float, level: float = LEVEL, chance: float = DECISION_CHANCE
) -> int | None:
    """Further rounds *of the kind the rate counts* (its denominator) after which the interval
    excludes the target with probability ``chance``, if the true rate is the one measured now;
    ``None`` when the rate equals the target or is ``0/0``.

    The Wilson interval at ``N`` rounds excludes ``t`` when ``|p̂_N − t| > z sqrt(t(1 − t)/N)``;
    with ``p̂_N`` about normal around ``p`` with variance ``p(1 − p)/N`` this happens with
    probability ``chance`` once ``sqrt(N) = (z sqrt(t(1 − t)) + z_c sqrt(p(1 − p))) / |p − t|``,
    ``z_c`` the ``chance`` quantile. At ``chance = 0.5`` it is :func:`rounds_needed_to_decide`.
    """
    if not 0.0 <= target_percent <= 100.0:
        raise UsageError(
            record("error.stats.target_must_percentage_got", target_percent=target_percent)
        )
    if not 0.0 < chance < 1.0:
        raise UsageError(record("error.stats.chance_deciding_must_between_0", chance=chance))
    if rate.total == 0:
        return None
    p = rate.hits / rate.total
    t = target_percent / 100.0
    if math.isclose(p, t, rel_tol=0.0, abs_tol=1e-12):
        return None
    z_chance = float(sps.norm.ppf(chance))
    root = (_z(level) * math.sqrt(t * (1.0 - t)) + z_chance * math.sqrt(p * (1.0 - p))) / abs(p - t)
    return max(0, math.ceil(root * root) - rate.total)


def decide_with_rounds(
    rate: Rate,
    op: str,
    target_percent: float,
    level: float = LEVEL,
    chance: float = DECISION_CHANCE,
) -> tuple[str, int | None]:
    """:func:`decide` with :func:`rounds_for_decision_chance`, kept consistent: 0 rounds when the
    decision is made, at least 1 when it is not (the formula can say 0 when the interval
    excludes the target only before the report's rounding)."""
    decision = decide(rate, op, target_percent, level)
    if decision != "undecided":
        return decision, 0
    needed = rounds_for_decision_chance(rate, target_percent, level, chance)
    return decision, None if needed is None else max(1, needed)
