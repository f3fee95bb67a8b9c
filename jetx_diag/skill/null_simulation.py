"""The chance verdict from the model's own pipeline on simulated fair histories.

A model that reads the last rounds (how many of the last 10 ended below 1.5, the share of the
last 500 above it) shares those rounds with the outcomes it is scored on, so its ROC AUC on a
fair game is not centred on 0.5 and a label permutation misjudges it. The null distribution is
instead simulated: fair histories of the same length and house edge go through the same
extractor, scaler and model, and the observed AUC is ranked among theirs. This module draws the
histories and turns the simulated AUCs into p-values; running the pipeline is the evaluation's
job (it holds the model and its inputs).
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record

#: Default number of simulated fair histories (one batched predict each). With the verdict's
#: strict ``p < 0.05`` this decides "better" at 4.5% and can reach the 1% "worse" level.
NULL_SIMULATIONS = 199
#: Environment variable that changes that default (a slow machine, a test suite); an explicit
#: ``--null-simulations`` or config value still wins.
NULL_SIMULATIONS_VARIABLE = "JETX_DIAG_NULL_SIMULATIONS"
#: Histories in the first model call of a run that may stop early (later calls double it).
_FIRST_BATCH = 16
#: Rows per model call when several simulated histories share one predict.
BATCH_ROWS = 20_000
#: Highest multiplier a simulated round reaches (a real game caps its payout; the real history's
#: largest is about 10,900x). Only multipliers above it are changed.
CAP = 100_000.0


@dataclass(frozen=True)
class SimulatedNull:
    """The observed AUC ranked among the AUCs of the same pipeline on fair histories."""

    observed: float
    simulations: int  # fair histories whose AUC could be computed
    null_mean: float  # mean AUC of the pipeline on fair histories (0.5 only without bias)
    p_value: float  # (1 + #{simulated ≥ observed}) / (simulations + 1): better than chance
    p_value_less: float  # (1 + #{simulated ≤ observed}) / (simulations + 1): worse
    house_edge: float
    seed: int
    # The most histories the run would have drawn (--null-simulations): more than
    # ``simulations`` when sampling stopped early (see :func:`stopping_counts`); ``None`` in
    # documents written before it could.
    planned: int | None = None

    @property
    def stopped_early(self) -> bool:
        return self.planned is not None and self.simulations < self.planned


def default_null_simulations() -> int:
    """:data:`NULL_SIMULATIONS`, or the whole number ≥ 0 in :data:`NULL_SIMULATIONS_VARIABLE`."""
    text = os.environ.get(NULL_SIMULATIONS_VARIABLE, "").strip()
    if not text:
        return NULL_SIMULATIONS
    if not text.isdigit():
        raise UsageError(
            record(
                "error.null_simulation.must_whole_number_least_0",
                null_simulations_variable=NULL_SIMULATIONS_VARIABLE,
                text=f"{text!r}",
            )
        )
    return int(text)


def fair_multipliers(n: int, house_edge: float, rng: np.random.Generator) -> np.ndarray:
    """``n`` independent rounds of a fair crash game: ``X = max(1, floor(100 (1 − edge) / U) /
    100)`` with ``U`` uniform on (0, 1], so ``P(X ≥ m) = (1 − edge) / m`` for every two-decimal
    ``m ≥ 1.01`` (the law of :mod:`jetx_diag.skill.randomness`), capped at :data:`CAP`."""
    if n < 0:
        raise UsageError(record("error.null_simulation.number_rounds_must_least_0", n=n))
    if not 0.0 <= house_edge < 1.0:
        raise UsageError(record("error.martingale.house_edge_must_within_0", house_edge=house_edge))
    u = 1.0 - rng.random(n)  # (0, 1]: never a division by zero
    cents = np.floor(100.0 * (1.0 - house_edge) / u)
    return np.clip(cents / 100.0, 1.0, CAP)


def auc(actual_above: ArrayLike, scores: ArrayLike) -> float:
    """ROC AUC of ``scores`` (ties count half), NaN when one outcome never occurs."""
    from scipy.stats import rankdata

    y = np.asarray(actual_above, dtype=bool)
    positives = int(y.sum())
    negatives = int(y.size - positives)
    if positives == 0 or negatives == 0:
        return float("nan")
    ranks = rankdata(np.asarray(scores, dtype=np.float64))
    u = float(ranks[y].sum()) - positives * (positives + 1) / 2.0
    return u / (positives * negatives)


def stopping_counts(simulations: int, alpha: float, worse_alpha: float) -> tuple[int, int]:
    """How many simulated AUCs at or above the observed one (and at or below it) settle both
    verdicts: ``ceil(level × (simulations + 1))`` for each side.

    Besag and Clifford's sequential Monte Carlo test (Biometrika 78, 1991): draw histories until
    ``h`` of them reach the observed AUC, and report ``p = h / L`` after ``L`` draws, or the
    usual ``(G + 1) / (N + 1)`` when all ``N`` were drawn first. That p is exact, and with ``h``
    chosen here it is never below the level when sampling stops early, while the full run would
    not reject either: every "better" and "worse" verdict (Holm-corrected ones too) is the one
    the full ``N`` histories give. A model that knows nothing sits inside its null, and sampling
    stops after a few dozen histories instead of ``N``.
    """
    if simulations < 1:
        raise UsageError(
            record("error.null_simulation.null_simulations_must_least_1", simulations=simulations)
        )
    return (
        max(1, math.ceil(alpha * (simulations + 1) - 1e-9)),
        max(1, math.ceil(worse_alpha * (simulations + 1) - 1e-9)),
    )


def simulate_null(
    observed: float,
    scores_for: Callable[[list[np.ndarray]], list[np.ndarray]],
    *,
    history_length: int,
    held_out: np.ndarray,
    threshold: float,
    house_edge: float,
    simulations: int = NULL_SIMULATIONS,
    seed: int = 0,
    batch_rows: int = BATCH_ROWS,
    stop: tuple[int, int] | None = None,
) -> SimulatedNull:
    """Rank ``observed`` among the AUCs of a pipeline on ``simulations`` fair histories
    (:func:`simulated_aucs`, then :func:`null_from_aucs`), stopping early by ``stop``."""
    null = simulated_aucs(
        scores_for,
        history_length=history_length,
        held_out=held_out,
        threshold=threshold,
        house_edge=house_edge,
        simulations=simulations,
        seed=seed,
        batch_rows=batch_rows,
        observed=observed if stop is not None else None,
        stop=stop,
    )
    return null_from_aucs(
        observed, null, house_edge=house_edge, seed=seed, stop=stop, planned=simulations
    )


def simulated_aucs(
    scores_for: Callable[[list[np.ndarray]], list[np.ndarray]],
    *,
    history_length: int,
    held_out: np.ndarray,
    threshold: float,
    house_edge: float,
    simulations: int = NULL_SIMULATIONS,
    seed: int = 0,
    batch_rows: int = BATCH_ROWS,
    observed: float | None = None,
    stop: tuple[int, int] | None = None,
) -> np.ndarray:
    """The AUC of a pipeline on each of ``simulations`` fair histories (NaN where the held-out
    rounds of a history all ended on one side), in the order they were drawn.

    ``scores_for(histories)``: the pipeline's score (p_above, or 0/1 calls) for each held-out
    round of each history of ``history_length`` rounds, one array per history; it is given as
    many histories at a time as fit in ``batch_rows`` held-out rows, so that one model call
    serves several. ``held_out``: the indices of the held-out rounds in a history. The histories
    are drawn in the same order whatever the batch size, so the result does not depend on it.
    With ``observed`` and ``stop`` (see :func:`stopping_counts`), drawing ends once ``stop[0]``
    AUCs reach ``observed`` from above and ``stop[1]`` from below: the result is then the
    drawn prefix. Batches start small and double, so that few histories are drawn past that.
    """
    if simulations < 1:
        raise UsageError(
            record("error.null_simulation.null_simulations_must_least_1", simulations=simulations)
        )
    rng = np.random.default_rng([seed, 15])
    per_call = max(1, batch_rows // max(1, int(np.size(held_out))))
    batch = _FIRST_BATCH if stop is not None else per_call
    null: list[float] = []
    while len(null) < simulations:
        count = min(per_call, batch, simulations - len(null))
        batch *= 2
        histories = [fair_multipliers(history_length, house_edge, rng) for _ in range(count)]
        for values, scores in zip(histories, scores_for(histories), strict=True):
            null.append(auc(values[held_out] >= threshold, np.asarray(scores, dtype=np.float64)))
        done = np.asarray(null, dtype=np.float64)
        if stop is not None and observed is not None and settles(observed, done, stop):
            break
    return np.asarray(null, dtype=np.float64)


def settles(observed: float, null: np.ndarray, stop: tuple[int, int]) -> bool:
    """Whether simulated AUCs reach ``observed`` at least ``stop[0]`` times from above and
    ``stop[1]`` times from below: drawing more could not change a verdict."""
    greater, less = _exceedances(observed, null)
    return int(greater[-1]) >= stop[0] and int(less[-1]) >= stop[1]


def _exceedances(observed: float, null: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Running counts of finite simulated AUCs at or above / at or below ``observed``."""
    values = null[np.isfinite(null)]
    tolerance = 1e-12 * max(1.0, abs(observed))
    greater = np.cumsum(values >= observed - tolerance)
    less = np.cumsum(values <= observed + tolerance)
    if values.size == 0:
        return np.zeros(1, dtype=np.int64), np.zeros(1, dtype=np.int64)
    return greater, less


def null_from_aucs(
    observed: float,
    null: ArrayLike,
    *,
    house_edge: float,
    seed: int = 0,
    stop: tuple[int, int] | None = None,
    planned: int | None = None,
) -> SimulatedNull:
    """p-values of ``observed`` against simulated AUCs in the order drawn (NaN ones, a class
    missing, dropped): ``(G + 1) / (n + 1)``, or with ``stop`` Besag and Clifford's ``h / L``
    for a side whose ``h``-th exceedance came at draw ``L`` (see :func:`stopping_counts`)."""
    values = np.asarray(null, dtype=np.float64)
    values = values[np.isfinite(values)]
    if values.size == 0:
        raise UsageError(record("error.null_simulation.no_simulated_fair_history_had"))
    greater_counts, less_counts = _exceedances(observed, values)
    p_values = []
    for counts, h in zip((greater_counts, less_counts), stop or (0, 0), strict=True):
        if stop is not None and int(counts[-1]) >= h:
            p_values.append(h / float(np.argmax(counts >= h) + 1))
        else:
            p_values.append((float(counts[-1]) + 1.0) / (values.size + 1.0))
    return SimulatedNull(
        float(observed),
        int(values.size),
        float(values.mean()),
        float(p_values[0]),
        float(p_values[1]),
        float(house_edge),
        int(seed),
        planned,
    )
