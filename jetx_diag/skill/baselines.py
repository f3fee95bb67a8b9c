"""Rules that know nothing (or only the obvious) on the same held-out rounds as the model.

A model is only worth something if it beats these. In a fair game P(X ≥ 1.5) ≈ 0.647, so always
saying "above" already scores about 65% threshold accuracy; the document's model scored 59.3%
where always-"above" scored 60.8%.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
from numpy.typing import ArrayLike
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

from jetx_diag.errors import MismatchError, UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Metrics, Rate, equal_with_columns, read_only_column
from jetx_diag.scoring.metrics import compute_metrics, is_above

#: Baseline names in the order the report lists them (ties for "best" go to the earlier one).
BASELINE_NAMES: tuple[str, ...] = (
    "always_above",
    "always_below",
    "weighted_coin",
    "same_as_last",
    "logistic",
)


#: Why a baseline was not run (values of :attr:`BaselineSet.skipped`).
SKIP_REASONS: tuple[str, ...] = ("no_features", "not_finite", "one_class")
#: Where the first "same as last" call came from (``details["first_call"]``).
FIRST_CALLS: tuple[str, ...] = ("previous_round", "above_default")


@dataclass(frozen=True)
class BaseRate:
    """P(round reaches the threshold) that the weighted coin uses, and where it came from."""

    probability: float
    source: str  # "training" (share of training rounds) or "fair_game" ((1 − edge)/threshold)
    training: Rate | None  # the training count, when there was a training slice
    held_out: Rate  # the same share on the held-out rounds, for comparison


@dataclass(frozen=True, eq=False)  # equal_with_columns: the calls are an array
class Baseline:
    """One baseline's calls on the held-out rounds and the document's metrics for them."""

    name: str
    metrics: Metrics
    called_above: np.ndarray  # bool, one per held-out round
    # Metrics a random rule scores on average (the weighted coin), by metric name, in [0, 1].
    expected: dict[str, float] = field(default_factory=dict)
    details: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "called_above", read_only_column(self.called_above, np.bool_))

    def __eq__(self, other: object) -> bool:
        return equal_with_columns(self, other)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class BaselineSet:
    baselines: tuple[Baseline, ...]
    best: str  # highest threshold accuracy on the held-out rounds
    base_rate: BaseRate
    skipped: dict[str, str] = field(default_factory=dict)  # baseline name → a SKIP_REASONS code

    def get(self, name: str) -> Baseline:
        for baseline in self.baselines:
            if baseline.name == name:
                return baseline
        raise KeyError(name)

    @property
    def best_baseline(self) -> Baseline:
        return self.get(self.best)


def base_rate(
    actual: ArrayLike,
    train_actual: ArrayLike | None = None,
    *,
    threshold: float = 1.5,
    house_edge: float = 0.03,
) -> BaseRate:
    """The training share of rounds at or above the threshold, or the fair-game one without it."""
    held = is_above(actual, threshold)
    held_rate = Rate(int(held.sum()), int(held.size))
    if train_actual is not None and np.asarray(train_actual).size > 0:
        train = is_above(train_actual, threshold)
        training = Rate(int(train.sum()), int(train.size))
        return BaseRate(float(train.mean()), "training", training, held_rate)
    return BaseRate(fair_probability(threshold, house_edge), "fair_game", None, held_rate)


def fair_probability(threshold: float = 1.5, house_edge: float = 0.03) -> float:
    """P(X ≥ threshold) in a fair crash game: ``(1 − edge)/threshold`` (0.647 at 1.5x, 3%)."""
    if not 0.0 <= house_edge < 1.0:
        raise UsageError(record("error.fairgen.house_edge_must_0_1", house_edge=house_edge))
    if threshold < 1.0:
        raise UsageError(record("error.baselines.threshold_must_least_1_00", threshold=threshold))
    return min(1.0, (1.0 - house_edge) / threshold)


def coin_expected(q: float, held_above_share: float) -> dict[str, float]:
    """Expected rates of a coin that says "above" with probability ``q``, calls independent of
    outcomes, on rounds of which ``held_above_share`` reached the threshold."""
    pi = held_above_share
    return {
        "below_accuracy": 1.0 - q,
        "above_accuracy": q,
        "money_loss_risk": q,
        "threshold_accuracy": q * pi + (1.0 - q) * (1.0 - pi),
        "above_call_share": q,
        "bets_lost_share": 1.0 - pi,
    }


def _same_as_last(above: np.ndarray, previous_above: bool | None) -> tuple[np.ndarray, str]:
    calls = np.empty_like(above)
    if above.size == 0:
        return calls, ""
    if previous_above is None:
        # No round before the first held-out one: "above", the likelier outcome in a fair game.
        first, note = True, "above_default"
    else:
        first, note = previous_above, "previous_round"
    calls[0] = first
    calls[1:] = above[:-1]
    return calls, note


def _logistic(
    features: ArrayLike, train_features: ArrayLike, train_above: np.ndarray, seed: int, n: int
) -> tuple[np.ndarray | None, str]:
    x = np.asarray(features, dtype=float)
    x_train = np.asarray(train_features, dtype=float)
    if x.ndim != 2 or x_train.ndim != 2:
        raise MismatchError(record("error.baselines.logistic_baseline_needs_2_d"))
    if x.shape[0] != n or x_train.shape[0] > train_above.size:
        raise MismatchError(
            record(
                "error.baselines.logistic_baseline_held_out_feature",
                shape=x.shape[0],
                n=n,
                shape2=x_train.shape[0],
                size=train_above.size,
            )
        )
    # Fewer training feature rows than training rounds: they are the last ones (the rounds just
    # before the held-out ones), so the outcomes are the tail of the training slice.
    train_above = train_above[train_above.size - x_train.shape[0] :]
    if x.shape[1] != x_train.shape[1]:
        raise MismatchError(
            record(
                "error.baselines.logistic_baseline_held_out_features",
                shape=x.shape[1],
                shape2=x_train.shape[1],
            )
        )
    if not (np.isfinite(x).all() and np.isfinite(x_train).all()):
        return None, "not_finite"
    if np.unique(train_above).size < 2:
        return None, "one_class"
    model = make_pipeline(StandardScaler(), LogisticRegression(max_iter=1000, random_state=seed))
    model.fit(x_train, train_above)
    return model.predict_proba(x)[:, 1] >= 0.5, ""


def run_baselines(
    actual: ArrayLike,
    *,
    threshold: float = 1.5,
    train_actual: ArrayLike | None = None,
    features: ArrayLike | None = None,
    train_features: ArrayLike | None = None,
    house_edge: float = 0.03,
    seed: int = 0,
) -> BaselineSet:
    """Every baseline on the held-out rounds ``actual`` (round order).

    ``train_actual`` is the training slice in round order, ending right before the held-out
    rounds: it gives the coin's base rate and the round before the first "same as last" call.
    The logistic regression runs when ``features``, ``train_features`` and ``train_actual`` are
    all given (standardised features, scikit-learn, cutoff 0.5). ``train_features`` may cover
    only the last rows of the training slice; the regression is then fitted on those rounds.
    """
    values = np.asarray(actual, dtype=float)
    above = is_above(values, threshold)
    n = int(values.size)
    rate = base_rate(values, train_actual, threshold=threshold, house_edge=house_edge)
    train = None if train_actual is None else np.asarray(train_actual, dtype=float)

    def make(
        name: str,
        calls: np.ndarray,
        expected: dict[str, float] | None = None,
        details: dict[str, str] | None = None,
    ) -> Baseline:
        metrics = compute_metrics(values, calls, threshold=threshold)
        return Baseline(name, metrics, calls, expected or {}, details or {})

    rng = np.random.default_rng(seed)
    coin_calls = rng.random(n) < rate.probability
    previous = None if train is None or train.size == 0 else bool(train[-1] >= threshold)
    last_calls, last_note = _same_as_last(above, previous)
    held_share = float(above.mean()) if n else 0.0
    baselines = [
        make("always_above", np.ones(n, dtype=bool)),
        make("always_below", np.zeros(n, dtype=bool)),
        make(
            "weighted_coin",
            coin_calls,
            expected=coin_expected(rate.probability, held_share),
            details={
                "p_above": f"{rate.probability:.6g}",
                "source": rate.source,
                "seed": str(seed),
            },
        ),
        make("same_as_last", last_calls, details={"first_call": last_note} if last_note else {}),
    ]
    skipped: dict[str, str] = {}
    if features is None or train_features is None or train is None:
        skipped["logistic"] = "no_features"
    else:
        calls, why = _logistic(features, train_features, is_above(train, threshold), seed, n)
        if calls is None:
            skipped["logistic"] = why
        else:
            rows = str(np.asarray(train_features).shape[0])
            details = {"cutoff": "0.5", "training_rounds": rows}
            baselines.append(make("logistic", calls, details=details))
    # max() keeps the first of equals, so ties go to the simpler rule listed first.
    best = max(baselines, key=lambda b: b.metrics.threshold_accuracy.hits).name
    return BaselineSet(tuple(baselines), best, rate, skipped)
