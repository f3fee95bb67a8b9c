"""Targets and the pass/fail verdict: pure functions, table-tested.

A target compares the *rounded* percentage that the report shows (``Rate.percent``), the way
coverage.py's ``fail_under`` does, so the report and the exit code can never disagree.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import PERCENT_DECIMALS, Metrics, Rate

_OPERATORS: dict[str, Callable[[float, float], bool]] = {
    ">=": operator.ge,
    ">": operator.gt,
    "<=": operator.le,
    "<": operator.lt,
}

#: Metrics a target may name, in the document's order.
TARGET_METRICS: tuple[str, ...] = (
    "below_accuracy",
    "above_accuracy",
    "money_loss_risk",
    "threshold_accuracy",
    "classification_accuracy",
    "bets_lost_share",
)
#: Metrics where a lower value is better: the two shares of money lost.
LOWER_IS_BETTER: frozenset[str] = frozenset({"money_loss_risk", "bets_lost_share"})
#: The rounds each metric's rate counts (its denominator): rounds below the threshold, rounds
#: at or above it, every held-out round, or the rounds called "above".
ROUNDS_COUNTED: dict[str, str] = {
    "below_accuracy": "below",
    "above_accuracy": "above",
    "money_loss_risk": "below",
    "threshold_accuracy": "all",
    "classification_accuracy": "all",
    "bets_lost_share": "calls",
}


@dataclass(frozen=True)
class Target:
    """``metric op value``, the value in percent (``below_accuracy >= 75``)."""

    metric: str
    op: str
    value: float

    def __post_init__(self) -> None:
        if self.metric not in TARGET_METRICS:
            raise UsageError(
                record("error.targets.unknown_target_metric", metric=f"{self.metric!r}"),
                hint=record("error.common.hint_one_of", choices=", ".join(TARGET_METRICS)),
            )
        if self.op not in _OPERATORS:
            raise UsageError(
                record(
                    "error.targets.unknown_target_operator", op=f"{self.op!r}", metric=self.metric
                )
            )
        if not 0.0 <= self.value <= 100.0:
            raise UsageError(
                record(
                    "error.targets.target_must_percentage_got", metric=self.metric, value=self.value
                )
            )

    @property
    def higher_is_better(self) -> bool:
        return self.op in (">=", ">")

    def text(self) -> str:
        """``>= 75%`` / ``< 20%``."""
        return f"{self.op} {self.value:g}%"


#: The source document's targets.
DEFAULT_TARGETS: tuple[Target, ...] = (
    Target("below_accuracy", ">=", 75.0),
    Target("above_accuracy", ">=", 75.0),
    Target("money_loss_risk", "<", 20.0),
    Target("threshold_accuracy", ">=", 75.0),
    Target("classification_accuracy", ">=", 60.0),
)


@dataclass(frozen=True)
class TargetResult:
    """One row of the targets table."""

    target: Target
    measured: Rate | None  # None when the model has no such output (no 3-class head)
    shown: float | None  # the rounded percentage the report prints and the gate compares
    status: str  # "met", "missed" or "n/a"
    factor: float | None  # how many times off the target when missed (12.6 for 5.94 vs 75)
    decision: str | None = None  # "met" / "missed" / "undecided" from the interval, when known
    # Further rounds of the kind the rate counts (ROUNDS_COUNTED) for an 80% chance of deciding
    # (stats.DECISION_CHANCE) if the rate stays where it is, when known.
    rounds_to_decide: int | None = None
    held_out_rounds_to_decide: int | None = None  # the same as held-out rounds, at their share


@dataclass(frozen=True)
class Verdict:
    """All target rows and the overall result."""

    results: tuple[TargetResult, ...]

    @property
    def passed(self) -> bool:
        """True when no applicable target was missed (n/a rows do not fail a run)."""
        return all(result.status != "missed" for result in self.results)

    @property
    def missed(self) -> tuple[TargetResult, ...]:
        return tuple(r for r in self.results if r.status == "missed")

    @property
    def met_count(self) -> int:
        return sum(1 for r in self.results if r.status == "met")

    @property
    def not_decided_met(self) -> tuple[TargetResult, ...]:
        """Applicable targets not met by their whole interval (``decision`` other than
        ``met``, or not computed): what a gate requiring decided targets fails on."""
        return tuple(r for r in self.results if r.status != "n/a" and r.decision != "met")

    @property
    def passed_decided(self) -> bool:
        """True when every applicable target is met by its whole interval."""
        return not self.not_decided_met


def miss_factor(shown: float, target: Target) -> float | None:
    """How many times worse than the target a missed value is; ``None`` when unbounded."""
    if target.higher_is_better:
        return None if shown == 0 else target.value / shown
    return None if target.value == 0 else shown / target.value


def check_target(
    target: Target, measured: Rate | None, decimals: int = PERCENT_DECIMALS
) -> TargetResult:
    """Compare one measured rate with its target, using the value as the report rounds it."""
    shown = None if measured is None else measured.percent(decimals)
    if shown is None:
        return TargetResult(target, measured, None, "n/a", None)
    if _OPERATORS[target.op](shown, target.value):
        return TargetResult(target, measured, shown, "met", None)
    return TargetResult(target, measured, shown, "missed", miss_factor(shown, target))


def evaluate_targets(metrics: Metrics, targets: Iterable[Target] = DEFAULT_TARGETS) -> Verdict:
    """The verdict of every target on one model's metrics."""
    return Verdict(tuple(check_target(t, metrics.rate(t.metric)) for t in targets))


def decide_targets(
    verdict: Verdict, level: float = 0.95, held_out_rounds: int | None = None
) -> Verdict:
    """``verdict`` with the three-way decision of each measured target: ``met`` when the whole
    confidence interval (Wilson, at ``level``, this target's alone: nothing is corrected across
    targets) meets the target, ``missed`` when it misses it, ``undecided`` when it straddles it,
    with the further rounds of the kind the rate counts for an 80% chance of deciding if the rate
    stays where it is, and (given ``held_out_rounds``) the same as held-out rounds. Targets
    without a measurement (``n/a``) keep no decision."""
    # scipy/statsmodels only when decisions are asked for: the pass/fail above stays cheap.
    from jetx_diag.scoring.stats import decide_with_rounds

    results = []
    for result in verdict.results:
        if result.status == "n/a" or result.measured is None:
            results.append(result)
            continue
        decision, rounds = decide_with_rounds(
            result.measured, result.target.op, result.target.value, level
        )
        if decision != "undecided":
            rounds = None  # decided: no further rounds to count
        held = None
        if rounds is not None and held_out_rounds and result.measured.total:
            # The rate's rounds come at their share of the held-out rounds.
            held = math.ceil(rounds * held_out_rounds / result.measured.total)
        results.append(
            replace(
                result, decision=decision, rounds_to_decide=rounds, held_out_rounds_to_decide=held
            )
        )
    return Verdict(tuple(results))


def parse_target(text: str) -> Target:
    """``below_accuracy>=75`` or ``money_loss_risk<20`` (a trailing ``%`` is allowed)."""
    for op in (">=", "<=", ">", "<"):  # two-character operators first
        if op in text:
            metric, _, value = text.partition(op)
            return Target(metric.strip(), op, _parse_percent(value, text))
    raise UsageError(
        record("error.targets.target_needs_operator", text=f"{text!r}"),
        hint=record("error.targets.hint_e_g_below_accuracy_75"),
    )


def targets_from_mapping(mapping: Mapping[str, str], source: str) -> tuple[Target, ...]:
    """Targets from a config section: ``below_accuracy = >= 75``; unknown keys are errors."""
    targets = []
    for metric, expression in mapping.items():
        text = str(expression).strip()
        op = next((o for o in (">=", "<=", ">", "<") if text.startswith(o)), None)
        if op is None:
            raise UsageError(
                record("error.targets.target_needs_operator_2", metric=metric, text=f"{text!r}"),
                path=source,
                hint=record("error.targets.hint_e_g_below_accuracy_75_2"),
            )
        targets.append(Target(metric.strip(), op, _parse_percent(text[len(op) :], text)))
    return tuple(targets)


def merge_targets(base: Iterable[Target], overrides: Iterable[Target]) -> tuple[Target, ...]:
    """``base`` with each metric named in ``overrides`` replaced, order kept, new ones appended."""
    merged = {t.metric: t for t in base}
    for target in overrides:
        merged[target.metric] = target
    return tuple(merged.values())


def _parse_percent(value: str, whole: str) -> float:
    try:
        return float(value.strip().rstrip("%").strip())
    except ValueError:
        raise UsageError(
            record(
                "error.targets.target_not_number", whole=f"{whole!r}", strip=f"{value.strip()!r}"
            )
        ) from None
