"""One stage of a training run as logged, whatever file it came from: per-epoch metrics with
their roles (below/above accuracy, money-loss risk, loss), the callbacks' events (checkpoint
saves, early stop, restored weights, learning-rate cuts) and the run they belong to."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jetx_diag.artifacts.metadata import RunMetadata
from jetx_diag.errors import LogError
from jetx_diag.i18n.messages import record

#: Canonical role → column names (without ``val_``) recognised for it, first match wins.
#: ``below_accuracy`` is the share of rounds that ended below the cash-out multiplier which the
#: model called "below" (the document's "1.5 Altı Doğruluğu"); ``above_accuracy`` the same for
#: rounds that reached it; ``money_loss_risk`` is 1 − below_accuracy ("Para Kaybı Riski").
ROLE_ALIASES: dict[str, tuple[str, ...]] = {
    "loss": ("loss",),
    "below_accuracy": (
        "below_accuracy",
        "below_acc",
        "threshold_below_accuracy",
        "threshold_below_acc",
        "below_15_accuracy",
        "below_15_acc",
        "below_recall",
        "threshold_below_recall",
    ),
    "above_accuracy": (
        "above_accuracy",
        "above_acc",
        "threshold_above_accuracy",
        "threshold_above_acc",
        "above_15_accuracy",
        "above_15_acc",
        "above_recall",
        "threshold_above_recall",
    ),
    "threshold_accuracy": (
        "threshold_accuracy",
        "threshold_acc",
        "threshold_binary_accuracy",
        "binary_accuracy",
    ),
    "money_loss_risk": ("money_loss_risk", "threshold_money_loss_risk"),
}

#: Roles whose values are shares: logged as fractions, or as percentages (then divided by 100).
SHARE_ROLES = ("below_accuracy", "above_accuracy", "threshold_accuracy", "money_loss_risk")

#: Series computed from others (name without ``val_``). ``worst_class_accuracy`` is
#: min(below, above): a model that calls only one class scores 0 on it, which is why it is the
#: default goal (threshold accuracy rewards calling every round "above": 64.9% for free).
DERIVED = ("worst_class_accuracy", "balanced_accuracy", "money_loss_risk")


@dataclass(frozen=True)
class CheckpointSave:
    """One ``saving model to FILE`` line: which stage and epoch wrote the file, and why."""

    file: str  # as printed
    stage: str
    epoch: int
    monitor: str | None  # None: saved without a monitor ("Epoch 6: saving model to F")
    value: float | None  # the monitored value it improved to
    line: int


@dataclass(frozen=True)
class StageEvents:
    """What a stage's console output says beyond its metrics (epochs 1-based)."""

    epoch_limit: int | None = None  # N of "Epoch k/N"
    checkpoint_monitor: str | None = None
    saves: tuple[CheckpointSave, ...] = ()
    early_stopping_epoch: int | None = None
    restored_epoch: int | None = None
    restore_printed: bool = False  # "Restoring model weights …" was printed
    lr_reductions: tuple[tuple[int, float], ...] = ()  # (epoch, new learning rate)
    printed_epochs: tuple[int, ...] = ()  # epochs with a printed below/above/risk value
    heading: str | None = None  # the line the stage was named from
    first_line: int = 0
    last_line: int = 0


@dataclass(frozen=True)
class StageLog:
    """One stage's per-epoch log.

    ``epochs`` are 1-based. ``metrics`` maps each numeric column, as named in the file, to one
    value per epoch (``None`` where the epoch has no finite value). ``roles`` maps the canonical
    names of :data:`ROLE_ALIASES` (``val_below_accuracy``, ``loss`` …) to those columns.
    ``not_finite`` lists, per column, the epochs whose value was NaN or infinite (the others
    ``None`` were simply not logged).
    """

    name: str
    source: str
    format: str  # "csv", "history_json", "console" or "notebook"
    epochs: tuple[int, ...]
    metrics: dict[str, tuple[float | None, ...]]
    roles: dict[str, str] = field(default_factory=dict)
    not_finite: dict[str, tuple[int, ...]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()
    events: StageEvents | None = None  # console output only: checkpoints, stops, LR cuts

    @property
    def n_epochs(self) -> int:
        return len(self.epochs)

    @property
    def stop_epoch(self) -> int:
        """The last logged epoch: where training of this stage stopped."""
        return self.epochs[-1]

    def column(self, name: str) -> str | None:
        """The file's column for ``name`` (a column name or a canonical role), if logged."""
        if name in self.metrics:
            return name
        return self.roles.get(name)

    def series(self, name: str) -> tuple[float | None, ...] | None:
        """Values per epoch of a column, a canonical role or a derived series; ``None`` if absent.

        Derived series (``val_`` prefix for validation): ``worst_class_accuracy`` =
        min(below, above), ``balanced_accuracy`` = their mean, ``money_loss_risk`` =
        1 − below when not logged itself, ``below_accuracy`` = 1 − money_loss_risk likewise.
        """
        column = self.column(name)
        if column is not None:
            return self.metrics[column]
        prefix = "val_" if name.startswith("val_") else ""
        base = name.removeprefix("val_")
        if base == "money_loss_risk":
            below = self.series(prefix + "below_accuracy")
            return None if below is None else tuple(_complement(v) for v in below)
        if base == "below_accuracy" and (prefix + "money_loss_risk") in self.roles:
            risk = self.metrics[self.roles[prefix + "money_loss_risk"]]
            return tuple(_complement(v) for v in risk)
        if base in ("worst_class_accuracy", "balanced_accuracy"):
            below = self.series(prefix + "below_accuracy")
            above = self.series(prefix + "above_accuracy")
            if below is None or above is None:
                return None
            combine = min if base == "worst_class_accuracy" else _mean2
            return tuple(
                None if b is None or a is None else combine(b, a)
                for b, a in zip(below, above, strict=True)
            )
        return None

    def value_at(self, name: str, epoch: int) -> float | None:
        """The value of a series at a (1-based) epoch, ``None`` if absent or not logged."""
        values = self.series(name)
        if values is None or epoch not in self.epochs:
            return None
        return values[self.epochs.index(epoch)]


@dataclass(frozen=True)
class TrainingRun:
    """All stages of one run, in training order, with the metadata when found."""

    stages: tuple[StageLog, ...]
    metadata: RunMetadata | None = None
    run_dir: str | None = None
    notes: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()  # every log file read, in the order read

    def stage(self, name: str) -> StageLog:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)


def build_stage(
    name: str,
    file: Path,
    fmt: str,
    epochs: list[int] | None,
    columns: dict[str, list[Any]],
    parse_notes: list[str],
    *,
    preset_roles: Mapping[str, str] | None = None,
    events: StageEvents | None = None,
) -> StageLog:
    """A :class:`StageLog` from parsed columns (the one place logs of every format are checked).

    ``preset_roles`` (role → column) win over the roles recognised from column names: the
    console's printed below/above accuracies take the validation roles this way.
    """
    return build_stage_from_columns(
        name, file, fmt, epochs, columns, parse_notes, preset_roles=preset_roles, events=events
    )


def build_stage_from_columns(
    name: str,
    file: Path,
    fmt: str,
    epochs: list[int] | None,
    columns: dict[str, list[Any]],
    parse_notes: list[str],
    *,
    preset_roles: Mapping[str, str] | None = None,
    events: StageEvents | None = None,
) -> StageLog:
    notes: list[str] = list(parse_notes)
    n_rows = max((len(values) for values in columns.values()), default=0)
    if n_rows == 0:
        raise LogError(record("error.stage_log.training_log_holds_no_epochs"), path=file)
    if epochs is None:
        epochs = list(range(1, n_rows + 1))
        if fmt == "csv":
            notes.append(record("record.no_epoch_column"))
    for earlier, later in itertools.pairwise(epochs):
        if later <= earlier:
            raise LogError(
                record(
                    "error.stage_log.epoch_follows_epoch_epochs_must", later=later, earlier=earlier
                ),
                path=file,
                hint=record("error.stage_log.hint_file_may_hold_several_runs"),
            )
    if epochs[0] != 1:
        notes.append(record("record.resumed", epoch=epochs[0]))
    if n_rows == 1:
        notes.append(record("record.one_epoch"))

    metrics: dict[str, tuple[float | None, ...]] = {}
    not_finite: dict[str, tuple[int, ...]] = {}
    dropped_text: list[str] = []
    dropped_empty: list[str] = []
    for column, values in columns.items():
        numbers = [v for v in values if isinstance(v, float)]
        texts = [v for v in values if v is not None and not isinstance(v, float)]
        if not numbers:
            (dropped_text if texts else dropped_empty).append(column)
            continue
        if texts:
            notes.append(
                record("record.not_numbers", column=column, count=len(texts), example=str(texts[0]))
            )
        bad = tuple(e for e, v in zip(epochs, values, strict=True) if _not_finite(v))
        if bad:
            not_finite[column] = bad
            notes.append(record("record.not_finite", column=column, epochs=describe_epochs(bad)))
        metrics[column] = tuple(
            v if isinstance(v, float) and math.isfinite(v) else None for v in values
        )
    if dropped_text:
        notes.append(record("record.columns_no_numbers", columns=", ".join(dropped_text)))
    if dropped_empty:
        notes.append(record("record.columns_empty", columns=", ".join(dropped_empty)))
    if not metrics:
        raise LogError(record("error.stage_log.training_log_no_numeric_metric"), path=file)

    roles, role_notes = _assign_roles(metrics)
    notes.extend(role_notes)
    for role, column in (preset_roles or {}).items():
        if column not in metrics:
            continue
        if role in roles and roles[role] != column:
            notes.append(
                record("record.role_from_option", role=role, column=column, logged=roles[role])
            )
        roles[role] = column
    for role in SHARE_ROLES:
        for key in (role, "val_" + role):
            if key in roles:
                metrics[roles[key]], note = _as_share(roles[key], metrics[roles[key]])
                if note:
                    notes.append(note)
    if "val_below_accuracy" not in roles and "val_money_loss_risk" not in roles:
        notes.append(record("record.no_below_logged"))
    unknown = [c for c in metrics if c not in roles.values()]
    if unknown:
        notes.append(record("record.other_columns", columns=", ".join(unknown)))
    return StageLog(
        name=name,
        source=str(file),
        format=fmt,
        epochs=tuple(epochs),
        metrics=metrics,
        roles=roles,
        not_finite=not_finite,
        notes=tuple(notes),
        events=events,
    )


def _assign_roles(metrics: Mapping[str, Any]) -> tuple[dict[str, str], list[str]]:
    roles: dict[str, str] = {}
    notes: list[str] = []
    lowered = {column.lower(): column for column in metrics}
    for role, aliases in ROLE_ALIASES.items():
        for prefix in ("", "val_"):
            matches = [lowered[prefix + a] for a in aliases if prefix + a in lowered]
            if matches:
                roles[prefix + role] = matches[0]
                if len(matches) > 1:
                    notes.append(
                        record(
                            "record.role_also_present",
                            role=prefix + role,
                            column=matches[0],
                            others=", ".join(matches[1:]),
                        )
                    )
    return roles, notes


def _as_share(
    column: str, values: tuple[float | None, ...]
) -> tuple[tuple[float | None, ...], str]:
    present = [v for v in values if v is not None]
    if not present:
        return values, ""
    if max(present) > 1.0 and max(present) <= 100.0 and min(present) >= 0.0:
        return (
            tuple(None if v is None else v / 100.0 for v in values),
            record("record.percent_column", column=column, largest=f"{max(present):g}"),
        )
    outside = [v for v in present if v < 0.0 or v > 1.0]
    if outside:
        return (
            tuple(None if v is None or v < 0.0 or v > 1.0 else v for v in values),
            record("record.outside_share", column=column, count=len(outside)),
        )
    return values, ""


def _not_finite(value: Any) -> bool:
    return isinstance(value, float) and not math.isfinite(value)


def _complement(value: float | None) -> float | None:
    return None if value is None else 1.0 - value


def _mean2(a: float, b: float) -> float:
    return (a + b) / 2.0


def describe_epochs(epochs: Iterable[int]) -> str:
    """``epochs 5–9, 12`` for a sorted epoch list."""
    items = sorted(epochs)
    spans: list[str] = []
    start = previous = items[0]
    for epoch in [*items[1:], None]:
        if epoch is not None and epoch == previous + 1:
            previous = epoch
            continue
        spans.append(str(start) if start == previous else f"{start}–{previous}")
        if epoch is not None:
            start = previous = epoch
    key = "record.epoch_one" if len(items) == 1 else "record.epoch_many"
    return record(key, spans=", ".join(spans))
