"""Frozen result types shared by every stage after the model has spoken.

``Rate`` is the one place where a share becomes a displayed percentage: the report, the JSON and
the CI gate all round through :meth:`Rate.percent`, so they can never disagree.
Every result type here serialises with :func:`to_dict` / :func:`from_dict`; the saved form carries
``FORMAT_VERSION`` so later versions of the tool can still read it.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # these modules build on the types below; see _hints for run time
    from jetx_diag.skill import SkillReport
    from jetx_diag.training_results import TrainingDiagnosis

FORMAT_VERSION = 1

#: Digits after the decimal point of a percentage, everywhere (report, JSON display, gate).
PERCENT_DECIMALS = 2


@dataclass(frozen=True)
class Rate:
    """A share shown with its counts: ``hits`` out of ``total``."""

    hits: int
    total: int

    def __post_init__(self) -> None:
        if self.total < 0 or self.hits < 0 or self.hits > self.total:
            raise ValueError(f"invalid rate {self.hits}/{self.total}")

    @property
    def value(self) -> float | None:
        """The exact share in [0, 1], or ``None`` when nothing was counted (0/0)."""
        return None if self.total == 0 else self.hits / self.total

    def percent(self, decimals: int = PERCENT_DECIMALS) -> float | None:
        """The share in percent, rounded the one way the report shows it."""
        value = self.value
        return None if value is None else round(100.0 * value, decimals)

    def text(self, decimals: int = PERCENT_DECIMALS) -> str:
        """``5.94% (26/438)``; ``n/a (0/0)`` when the denominator is zero."""
        shown = self.percent(decimals)
        if shown is None:
            return f"n/a ({self.hits}/{self.total})"
        return f"{shown:.{decimals}f}% ({self.hits}/{self.total})"


@dataclass(frozen=True)
class ConfusionMatrix:
    """Below/above calls against what happened. Rows: actual; columns: predicted.

    ``below_called_above`` is the money-losing cell: a round that crashed below the cash-out
    multiplier on which the model said "above" (a bet that loses its stake).
    """

    below_called_below: int
    below_called_above: int
    above_called_below: int
    above_called_above: int

    @property
    def actual_below(self) -> int:
        return self.below_called_below + self.below_called_above

    @property
    def actual_above(self) -> int:
        return self.above_called_below + self.above_called_above

    @property
    def called_above(self) -> int:
        return self.below_called_above + self.above_called_above

    @property
    def called_below(self) -> int:
        return self.below_called_below + self.above_called_below

    @property
    def total(self) -> int:
        return self.actual_below + self.actual_above

    @property
    def correct(self) -> int:
        return self.below_called_below + self.above_called_above

    def rows(self) -> list[list[int]]:
        """``[[below→below, below→above], [above→below, above→above]]`` for tables and plots."""
        return [
            [self.below_called_below, self.below_called_above],
            [self.above_called_below, self.above_called_above],
        ]


@dataclass(frozen=True)
class RegressionErrors:
    """Errors of the regression head on the evaluated rounds (in multiplier units)."""

    mae: float
    rmse: float
    median_absolute_error: float
    count: int


#: Metrics a training run's metadata records (the source document's table) that ``Metrics``
#: measures too, so a report can set the recorded value beside the measured one.
RECORDED_METRICS: tuple[str, ...] = (
    "below_accuracy",
    "above_accuracy",
    "money_loss_risk",
    "threshold_accuracy",
    "classification_accuracy",
)


@dataclass(frozen=True)
class Metrics:
    """Everything the document's metrics table and a bettor need, each rate with its counts."""

    confusion: ConfusionMatrix
    below_accuracy: Rate
    above_accuracy: Rate
    money_loss_risk: Rate
    threshold_accuracy: Rate
    classification_accuracy: Rate | None
    above_call_share: Rate
    bets_lost_share: Rate
    regression: RegressionErrors | None

    def rate(self, name: str) -> Rate | None:
        """A rate by its metric name (``below_accuracy`` …), ``None`` when the model lacks it."""
        value = getattr(self, name, None)
        return value if isinstance(value, Rate) else None


@dataclass(frozen=True)
class Artifact:
    """A file the evaluation used, as it was when read."""

    role: str  # checkpoint, scaler, metadata, data, inputs, predictions, features
    path: str
    sha256: str | None
    size_bytes: int | None
    details: dict[str, str] = field(default_factory=dict)  # e.g. keras_version, format


@dataclass(frozen=True)
class RejectedRow:
    """A row of the history that was not used, and why."""

    where: str  # "id 6281" for SQLite, "line 12" for CSV/text
    raw: str  # the raw cell, escaped so that control and separator characters stay visible
    reason: str  # a reason code from data.REJECTION_REASONS (not_a_number, several_numbers, …)


@dataclass(frozen=True)
class DataAccounting:
    """Where every row of a history went: ``rows_read == rows_used + len(rejected)``."""

    source: str
    rows_read: int
    rows_used: int
    rejected: tuple[RejectedRow, ...]
    notes: tuple[str, ...] = ()  # things noticed but not rejected: blank lines, id gaps, order

    @property
    def rejected_by_reason(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for row in self.rejected:
            counts[row.reason] = counts.get(row.reason, 0) + 1
        return dict(sorted(counts.items()))

    @property
    def rejected_share(self) -> Rate:
        return Rate(len(self.rejected), self.rows_read)


@dataclass(frozen=True)
class Split:
    """Which rounds were evaluated. Chronological: the held-out rounds come last."""

    usable_rounds: int  # rounds in the history after rejection
    first_predictable_index: int  # rounds before this one lack a full window of history
    samples: int  # rounds that have a full window before them
    train_samples: int  # samples before the held-out ones (never evaluated)
    test_samples: int
    test_first_id: int | None
    test_last_id: int | None
    rule: str  # in words: "last 20% of samples", "rounds from id 8000", …
    # The same rule as a code the report's catalog translates: last_fraction (value: percent),
    # from_id (value: the id), all_rows (no value).
    rule_code: str = ""
    rule_value: float | None = None


@dataclass(frozen=True)
class RoundCalls:
    """The evaluated rounds one by one, in round order: what happened and what was called."""

    round_ids: tuple[int, ...]
    actual: tuple[float, ...]
    called_above: tuple[bool, ...]
    p_above: tuple[float, ...] | None  # None when the model has no probability (regression only)


@dataclass(frozen=True)
class ModelSummary:
    """What the checkpoint holds, as the report describes it."""

    inputs: tuple[str, ...]  # "features (None, 42)", "seq50 (None, 50, 1)"
    outputs: tuple[str, ...]  # "threshold (None, 1) sigmoid → p_above"
    parameters: int | None
    saved_by: str | None  # "Keras 3.15.1", "tf.keras 2.15.0"


@dataclass(frozen=True)
class EvaluationSettings:
    threshold: float = 1.5  # the cash-out multiplier a call is about
    cutoff: float = 0.5  # p_above at or above this is an "above" call
    window_transform: str = "log10"


@dataclass(frozen=True)
class Evaluation:
    """One model on one held-out set: the single source of every number a report shows."""

    label: str
    tool_version: str
    created: str  # ISO 8601, UTC
    settings: EvaluationSettings
    split: Split
    metrics: Metrics
    data: DataAccounting
    calls: RoundCalls
    artifacts: tuple[Artifact, ...] = ()
    model: ModelSummary | None = None
    recorded: dict[str, float] = field(default_factory=dict)  # metrics the run's metadata claims
    warnings: tuple[str, ...] = ()
    skill: SkillReport | None = None  # better than chance? money? (jetx_diag.skill)
    training: TrainingDiagnosis | None = None  # the run's logs, when found (training_diagnosis)
    format_version: int = FORMAT_VERSION

    # Notebook display. The report stage is imported only when a notebook asks for it, so the
    # result types stay free of rendering code.
    def _repr_html_(self) -> str:
        """The report's summary (header, targets, better than chance?) in a notebook cell."""
        from jetx_diag.notebook import summary_html

        return summary_html(self)

    def to_frame(self, what: str = "calls") -> Any:
        """A ``pandas.DataFrame``: ``"calls"``, one row per evaluated round (actual, p_above,
        called_above, ended_above, correct); ``"metrics"``, one row per metric with its counts."""
        from jetx_diag.notebook import calls_frame, metrics_frame

        frames = {"calls": calls_frame, "metrics": metrics_frame}
        if what not in frames:
            raise ValueError(f"to_frame: what must be 'calls' or 'metrics', not {what!r}")
        return frames[what](self)


# --------------------------------------------------------------------------- serialisation


def to_dict(obj: Any) -> Any:
    """A JSON-ready form of a result (dataclasses, tuples, dicts, floats with NaN as None)."""
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {f.name: to_dict(getattr(obj, f.name)) for f in dataclasses.fields(obj)}
    if isinstance(obj, dict):
        return {str(k): to_dict(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_dict(v) for v in obj]
    if isinstance(obj, float) and not math.isfinite(obj):
        # JSON has no NaN/inf; None says "no number" without inventing one.
        return None
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalars
        return to_dict(obj.item())
    return obj


def from_dict(cls: Any, data: Any) -> Any:
    """Rebuild ``cls`` (a dataclass or a typing form of one) from :func:`to_dict` output."""
    return _build(cls, data)


#: Types that result fields name but that live in modules importing this one.
_LATE_TYPES = {
    "SkillReport": "jetx_diag.skill",
    "TrainingDiagnosis": "jetx_diag.training_diagnosis",
}


def _hints(tp: Any) -> dict[str, Any]:
    """Field types of a dataclass, resolving names of modules that import this one lazily."""
    import importlib
    import sys

    namespace = dict(vars(sys.modules[tp.__module__]))
    for name, module in _LATE_TYPES.items():
        if name not in namespace:
            namespace[name] = getattr(importlib.import_module(module), name)
    return typing.get_type_hints(tp, globalns=namespace)


def _build(tp: Any, data: Any) -> Any:
    if data is None:
        return None
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if origin in (typing.Union, types.UnionType):
        non_none = [a for a in args if a is not type(None)]
        last_error: Exception | None = None
        for candidate in non_none:
            try:
                return _build(candidate, data)
            except (TypeError, ValueError, KeyError) as error:
                last_error = error
        raise ValueError(f"no type of {tp} fits {data!r}") from last_error
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)
        return tuple(_build(a, v) for a, v in zip(args, data, strict=True))
    if origin is list:
        return [_build(args[0], v) for v in data]
    if origin is dict:
        return {k: _build(args[1], v) for k, v in data.items()}
    if dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise TypeError(f"{tp.__name__} expects an object, got {type(data).__name__}")
        hints = _hints(tp)
        kwargs = {
            f.name: _build(hints[f.name], data[f.name])
            for f in dataclasses.fields(tp)
            if f.name in data
        }
        return tp(**kwargs)
    if tp is float:
        return float(data)
    if tp is int and not isinstance(data, bool):
        if isinstance(data, float) and not data.is_integer():
            raise ValueError(f"expected a whole number, got {data}")
        return int(data)
    if tp in (str, bool) or tp is Any:
        return data
    return data
