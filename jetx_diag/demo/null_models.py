"""Models that know nothing about the next round, for checking the chance verdict's level.

On fair rounds no model can know the next one, but many "know" the last ones: the share of the
last 50 rounds that reached 1.5x, its complement ("due for a crash"), the mean of the last
multipliers. Their outputs share those rounds with the outcomes they are scored on, which is
what a permutation test of the AUC gets wrong. Each model here maps a history to its output
for every held-out round, using only the rounds before it; the benchmark
``benchmarks/bench_false_positive.py`` and the tests count how often the verdict calls them
better or worse than chance. The feature functions are the same models as feature extractors
(``jetx_diag.demo.null_models:share_50``), so real checkpoints can be built on them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from jetx_diag.skill.martingale import fair_rate

#: Rounds before the first held-out one, so that every window is full.
CONTEXT = 500
#: The fair game's chance of reaching 1.5x with a 3% edge.
FAIR = fair_rate(1.5, 0.03)

Null = Callable[[np.ndarray, int, np.random.Generator], np.ndarray]


def _windows(values: np.ndarray, start: int, window: int) -> np.ndarray:
    """For each held-out round ``t ≥ start``: the ``window`` rounds before it (t−window … t−1)."""
    n = values.size - start
    index = start + np.arange(n)[:, np.newaxis] - window + np.arange(window)[np.newaxis, :]
    return values[index]


def share_above(values: np.ndarray, start: int, window: int) -> np.ndarray:
    """Share of the previous ``window`` rounds that reached 1.5x, per held-out round."""
    return np.mean(_windows(values, start, window) >= 1.5, axis=1)


def _unrelated(values: np.ndarray, start: int, rng: np.random.Generator) -> np.ndarray:
    return np.clip(FAIR + 0.1 * rng.normal(size=values.size - start), 0.0, 1.0)


def _ar1_outputs(values: np.ndarray, start: int, rng: np.random.Generator) -> np.ndarray:
    # Outputs that wander slowly (AR(1), φ = 0.9) but never look at the rounds.
    noise = rng.normal(0.0, 0.05, size=values.size - start)
    level = np.zeros_like(noise)
    for t in range(1, noise.size):
        level[t] = 0.9 * level[t - 1] + noise[t]
    return np.clip(FAIR + level, 0.0, 1.0)


def _ar1_rounds(values: np.ndarray, start: int, rng: np.random.Generator) -> np.ndarray:
    # An exponentially weighted share of earlier rounds that reached 1.5x (AR(1) on outcomes).
    above = (values >= 1.5).astype(float)
    level = np.empty(values.size)
    level[0] = FAIR
    for t in range(1, values.size):
        level[t] = 0.9 * level[t - 1] + 0.1 * above[t - 1]
    return level[start:]


def _rolling_mean(values: np.ndarray, start: int, rng: np.random.Generator) -> np.ndarray:
    # 1 − 1/mean of the last 50 multipliers: a "the game is paying out" model.
    return np.clip(1.0 - 1.0 / np.mean(_windows(values, start, 50), axis=1), 0.0, 1.0)


def _share(window: int, due: bool) -> Null:
    def null(values: np.ndarray, start: int, rng: np.random.Generator) -> np.ndarray:
        share = share_above(values, start, window)
        return 1.0 - share if due else share

    return null


def _calls(null: Null, cut: float) -> Null:
    def calls(values: np.ndarray, start: int, rng: np.random.Generator) -> np.ndarray:
        return (null(values, start, rng) >= cut).astype(float)

    return calls


#: Models with probabilities, by name.
PROBABILITY_NULLS: dict[str, Null] = {
    "unrelated": _unrelated,
    "ar1_outputs": _ar1_outputs,
    "ar1_rounds": _ar1_rounds,
    "rolling_mean_50": _rolling_mean,
    **{f"share_{w}": _share(w, due=False) for w in (50, 200, 500)},
    **{f"due_{w}": _share(w, due=True) for w in (50, 200, 500)},
}
#: Models with 0/1 calls only, by name: "above" when the output is at least the cut.
CALL_NULLS: dict[str, Null] = {
    "calls_unrelated": lambda values, start, rng: (
        rng.uniform(size=values.size - start) < 0.8
    ).astype(float),
    "calls_share_50": _calls(_share(50, due=False), FAIR),
    "calls_due_50": _calls(_share(50, due=True), 1.0 - FAIR),
}


def null_scores(name: str, values: np.ndarray, start: int, rng: np.random.Generator) -> np.ndarray:
    """The output of null model ``name`` for held-out rounds ``start…`` of ``values``."""
    model = PROBABILITY_NULLS.get(name) or CALL_NULLS[name]
    return np.asarray(model(np.asarray(values, dtype=float), start, rng), dtype=float)


# --------------------------------------------------------------------------- feature extractors


def _last_share(history: Sequence[float], window: int) -> float:
    # np.asarray of the extractor's history view is O(1); the calibration runs these extractors
    # on hundreds of thousands of rounds, where a Python loop over the window dominated.
    last = np.asarray(history, dtype=np.float64)[-window:]
    return float(np.count_nonzero(last >= 1.5)) / max(1, last.size)


def share_50(history: Sequence[float]) -> dict[str, float]:
    """Feature extractor: the share of the last 50 rounds that reached 1.5x."""
    return {"share_50": _last_share(history, 50)}


def share_200(history: Sequence[float]) -> dict[str, float]:
    """Feature extractor: the share of the last 200 rounds that reached 1.5x."""
    return {"share_200": _last_share(history, 200)}


def share_500(history: Sequence[float]) -> dict[str, float]:
    """Feature extractor: the share of the last 500 rounds that reached 1.5x."""
    return {"share_500": _last_share(history, 500)}


def mean_50(history: Sequence[float]) -> dict[str, float]:
    """Feature extractor: 1 − 1/mean of the last 50 multipliers."""
    last = history[-50:]
    return {"mean_50": 1.0 - len(last) / sum(last) if last else 0.0}
