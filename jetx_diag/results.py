"""Frozen result types shared by every stage after the model has spoken.

``Rate`` is the one place where a share becomes a displayed percentage: the report, the JSON and
the CI gate all round through :meth:`Rate.percent`, so they can never disagree.
Every result type here serialises with :func:`to_dict` / :func:`from_dict`; the saved documents
that hold them carry their own format version beside their reader.
"""

from __future__ import annotations

import dataclasses
import math
import types
import typing
from dataclasses import dataclass, field
from typing import Any

import numpy as np

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


@dataclass(frozen=True, eq=False)  # eq below: arrays are equal when their values are
class RoundCalls:
    """The evaluated rounds one by one, in round order: what happened and what was called.

    One read-only numpy array per column (int64 ids, float64 multipliers and probabilities, bool
    calls), whatever sequence they were given as: a million rounds are 25 MB, not four million
    Python objects.
    """

    round_ids: np.ndarray
    actual: np.ndarray
    called_above: np.ndarray
    p_above: np.ndarray | None  # None when the model has no probability (regression only)

    def __post_init__(self) -> None:
        for name, dtype in _ROUND_COLUMNS.items():
            value = getattr(self, name)
            if value is None:
                continue
            column = read_only_column(value, dtype)
            if column.shape != np.shape(self.round_ids):
                raise ValueError(f"{name} must be one value per round")
            object.__setattr__(self, name, column)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, RoundCalls):
            return NotImplemented
        return all(
            _same_column(getattr(self, name), getattr(other, name)) for name in _ROUND_COLUMNS
        )

    __hash__ = None  # type: ignore[assignment]  # mutable-looking arrays: no hashing

    def __len__(self) -> int:
        return int(self.round_ids.size)


_ROUND_COLUMNS: dict[str, type] = {
    "round_ids": np.int64,
    "actual": np.float64,
    "called_above": np.bool_,
    "p_above": np.float64,
}


def _same_column(a: np.ndarray | None, b: np.ndarray | None) -> bool:
    if a is None or b is None:
        return a is b
    return a.dtype == b.dtype and np.array_equal(a, b)


def read_only_column(values: Any, dtype: type) -> np.ndarray:
    """A private read-only 1-D copy of ``values``: per-round data of a frozen result."""
    column = np.array(values, dtype=dtype)
    if column.ndim != 1:
        raise ValueError(f"expected one value per round, got shape {column.shape}")
    column.flags.writeable = False
    return column


def equal_with_columns(a: Any, b: Any) -> bool:
    """Dataclass equality where array fields compare by value (``==`` of two arrays does not
    give one answer): for results declared with ``eq=False`` that hold per-round columns."""
    if type(a) is not type(b):
        return False
    for f in dataclasses.fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if isinstance(x, np.ndarray) or isinstance(y, np.ndarray):
            if not (isinstance(x, np.ndarray) and isinstance(y, np.ndarray)):
                return False
            if not _same_column(x, y):
                return False
        elif x != y:
            return False
    return True


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


# --------------------------------------------------------------------------- serialisation


def to_dict(obj: Any, side: dict[str, np.ndarray] | None = None, key: str = "") -> Any:
    """A JSON-ready form of a result (dataclasses, tuples, dicts, floats with NaN as None).

    With ``side`` (a dict to fill), per-round columns of at least :data:`SIDE_FILE_ROUNDS`
    values are put there under their dotted path (``key``) instead, and the JSON holds
    ``{"side_file_array": path}`` in their place (see ``jetx_diag.evaluation.document``).
    """
    if side is not None and _is_long_column(obj):
        side[key] = np.asarray(obj)
        return {SIDE_MARKER: key}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_dict(getattr(obj, f.name), side, f"{key}.{f.name}".lstrip("."))
            for f in dataclasses.fields(obj)
        }
    if isinstance(obj, dict):
        return {str(k): to_dict(v, side, f"{key}.{k}".lstrip(".")) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [to_dict(v, side, f"{key}.{i}".lstrip(".")) for i, v in enumerate(obj)]
    if isinstance(obj, np.ndarray):
        return obj.tolist()
    if isinstance(obj, float) and not math.isfinite(obj):
        # JSON has no NaN/inf; None says "no number" without inventing one.
        return None
    if hasattr(obj, "item") and callable(obj.item):  # numpy scalars
        return to_dict(obj.item())
    return obj


#: Per-round columns at least this long leave the saved JSON for its side file.
SIDE_FILE_ROUNDS = 50_000
#: The key of the object that stands in the JSON for a column kept in the side file.
SIDE_MARKER = "side_file_array"


def _is_long_column(obj: Any) -> bool:
    if isinstance(obj, np.ndarray):
        return obj.ndim == 1 and obj.size >= SIDE_FILE_ROUNDS
    if isinstance(obj, tuple) and len(obj) >= SIDE_FILE_ROUNDS:
        return type(obj[0]) in (bool, int, float)
    return False


def from_dict(cls: Any, data: Any) -> Any:
    """Rebuild ``cls`` (a dataclass or a typing form of one) from :func:`to_dict` output."""
    return _build(cls, data)


def _kind(data: Any) -> str:
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(data), type(data).__name__
    )


def _expect(data: Any, kinds: Any, wanted: str) -> None:
    if not isinstance(data, kinds):
        raise TypeError(f"expected {wanted}, got {_kind(data)}")


def _hints(tp: Any) -> dict[str, Any]:
    """Field types of a dataclass (its module imports every type its fields name)."""
    return typing.get_type_hints(tp)


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
        _expect(data, list | tuple, "a list")
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_build(args[0], v) for v in data)
        return tuple(_build(a, v) for a, v in zip(args, data, strict=True))
    if origin is list:
        _expect(data, list | tuple, "a list")
        return [_build(args[0], v) for v in data]
    if origin is dict:
        _expect(data, dict, "an object")
        return {_build(args[0], k): _build(args[1], v) for k, v in data.items()}
    if dataclasses.is_dataclass(tp):
        if not isinstance(data, dict):
            raise TypeError(f"{tp.__name__} expects an object, got {type(data).__name__}")
        hints = _hints(tp)
        kwargs = {}
        for f in dataclasses.fields(tp):
            if f.name not in data:
                continue
            try:
                kwargs[f.name] = _build(hints[f.name], data[f.name])
            except (TypeError, ValueError, OverflowError) as error:
                # Name the key: "data.rejected.0.raw: expected text, got a list".
                kind = TypeError if isinstance(error, TypeError) else ValueError
                raise kind(f"{f.name}: {error}") from None
        return tp(**kwargs)
    if tp is np.ndarray:
        # A per-round column: a JSON list, or the array itself read from a side file.
        return data if isinstance(data, np.ndarray) else np.asarray(data)
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise TypeError(f"expected a number, got {_kind(data)}")
        number = float(data)  # OverflowError for an integer beyond float's range
        if not math.isfinite(number):
            raise ValueError(f"expected a finite number, got {data!r}")
        return number
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise TypeError(f"expected a whole number, got {_kind(data)}")
        if isinstance(data, float) and not data.is_integer():
            raise ValueError(f"expected a whole number, got {data}")
        return int(data)
    if tp is str:
        _expect(data, str, "text")
        return data
    if tp is bool:
        _expect(data, bool, "true or false")
        return data
    return data
    return data
