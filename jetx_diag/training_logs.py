"""Training logs of a Keras run: CSVLogger files, History dumps and the run's metadata JSON.

Epochs are reported **1-based**, as Keras prints them and as the source document counts them
("Epoch 6"): CSVLogger writes 0-based epochs (``epoch`` column ``0`` is "Epoch 1"), so every
epoch read from a CSVLogger file or from a History dump's ``epoch`` list is shifted by one.

Inputs understood
- CSVLogger file: header ``epoch,loss,val_loss,...`` (separator ``,``, ``;`` or tab). Cells
  ``NA`` or empty mean "not logged this epoch" (CSVLogger writes ``NA`` for a key missing from an
  epoch's logs, e.g. a metric computed every 5 epochs); ``nan``/``inf`` mean the value was not
  finite. Both are kept as ``None`` and described in the stage's notes.
- History dump: JSON of ``history.history`` (metric → list of per-epoch values), or an object
  with a ``history`` member of that form (and optionally an ``epoch`` list, 0-based).
- Metadata: the source project's ``progressive_model_info.json``, read by
  :mod:`jetx_diag.training_metadata` (see :class:`RunMetadata`).

Per-epoch below/above accuracy is recognised under the column names in :data:`ROLE_ALIASES`
(with a ``val_`` prefix for the validation series, without it for the training series).
Everything else in a log is kept as it is, so the metrics that are there can still be shown.
"""

from __future__ import annotations

import csv
import io
import itertools
import json
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jetx_diag.errors import LogError
from jetx_diag.i18n.messages import record

# The metadata JSON is read by training_metadata; its names stay importable from here.
from jetx_diag.training_metadata import (
    METADATA_NAMES,
    RunMetadata,
    StageCallbacks,
    find_metadata,
    normalise_class_weights,
    read_metadata,
    same_stage,
)

__all__ = [
    "DERIVED",
    "METADATA_NAMES",
    "ROLE_ALIASES",
    "SHARE_ROLES",
    "RunMetadata",
    "StageCallbacks",
    "StageLog",
    "TrainingRun",
    "describe_epochs",
    "find_metadata",
    "find_stage_logs",
    "load_run",
    "normalise_class_weights",
    "read_log",
    "read_metadata",
    "same_stage",
    "stage_logs_in",
]

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


_MISSING_CELLS = {"", "na", "n/a", "none", "null"}


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
    format: str  # "csv" or "history_json"
    epochs: tuple[int, ...]
    metrics: dict[str, tuple[float | None, ...]]
    roles: dict[str, str] = field(default_factory=dict)
    not_finite: dict[str, tuple[int, ...]] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

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

    def stage(self, name: str) -> StageLog:
        for stage in self.stages:
            if stage.name == name:
                return stage
        raise KeyError(name)


# --------------------------------------------------------------------------- finding files


def _stage_name(path: Path) -> str:
    stem = path.stem
    for suffix in ("_history", "_log", "_training", "_csvlog"):
        if stem.lower().endswith(suffix) and len(stem) > len(suffix):
            return stem[: -len(suffix)]
    return stem


def _natural_key(name: str) -> tuple[Any, ...]:
    return tuple(int(part) if part.isdigit() else part.lower() for part in re.split(r"(\d+)", name))


def _looks_like_csvlogger(path: Path) -> bool:
    try:
        with path.open(encoding="utf-8-sig", errors="replace") as handle:
            first = handle.readline()
    except OSError:
        return False
    return first.strip().lower().split(_sniff_separator(first) or ",")[0].strip() == "epoch"


def _scan(run_dir: Path) -> tuple[dict[str, Path], list[str]]:
    found: dict[str, Path] = {}
    notes: list[str] = []
    csvs = sorted(p for p in run_dir.glob("*.csv") if p.is_file() and _looks_like_csvlogger(p))
    histories = sorted(
        p
        for p in run_dir.glob("*.json")
        if p.is_file() and (p.name.endswith("_history.json") or p.name == "history.json")
    )
    for path in [*csvs, *histories]:  # CSVLogger files win over History dumps of the same stage
        name = _stage_name(path)
        if name in found:
            notes.append(
                record("record.log_ignored", file=path.name, stage=name, other=found[name].name)
            )
            continue
        found[name] = path
    ordered = {name: found[name] for name in sorted(found, key=_natural_key)}
    return ordered, notes


def stage_logs_in(run_dir: str | Path) -> dict[str, Path]:
    """Like :func:`find_stage_logs`, but ``{}`` when there are none (or no such directory):
    for callers to whom logs are optional, such as the report beside a checkpoint."""
    directory = Path(run_dir)
    if not directory.is_dir():
        return {}
    return _scan(directory)[0]


def find_stage_logs(run_dir: str | Path) -> dict[str, Path]:
    """Training logs in ``run_dir``, stage name → file, in stage order (``stage2`` < ``stage10``).

    Found: ``*.csv`` files whose header starts with ``epoch`` (CSVLogger), ``*_history.json``
    and ``history.json``. The stage name is the file stem without ``_history``/``_log``
    (``stage1.csv`` and ``stage1_history.json`` are both stage ``stage1``; the CSV wins).
    """
    directory = Path(run_dir)
    if not directory.is_dir():
        raise LogError("not a directory", path=directory, hint="give the run's output folder")
    found, _ = _scan(directory)
    if not found:
        raise LogError(
            "no training logs found",
            path=directory,
            hint="expected CSVLogger files (stage1.csv …) or *_history.json; or give NAME=FILE",
        )
    return found


# --------------------------------------------------------------------------- reading logs


def load_run(
    source: str | Path | Mapping[str, str | Path],
    metadata_path: str | Path | None = None,
    *,
    run_dir: str | Path | None = None,
) -> TrainingRun:
    """Read every stage of a run.

    ``source`` is a run directory (stages found with :func:`find_stage_logs`, metadata with
    :func:`find_metadata` unless ``metadata_path`` is given) or a mapping stage name → log file
    (``--stage NAME=FILE``), read in the mapping's order. ``run_dir`` is where the run's other
    files live (for the missing-artifact check); it defaults to the directory given as source.
    """
    notes: list[str] = []
    if isinstance(source, Mapping):
        if not source:
            raise LogError("no training logs given", hint="give at least one NAME=FILE")
        files = {str(name): Path(path) for name, path in source.items()}
        directory = None if run_dir is None else Path(run_dir)
    else:
        directory = Path(source)
        files = find_stage_logs(directory)
        notes.extend(_scan(directory)[1])
        if run_dir is not None:
            directory = Path(run_dir)
    stages = tuple(read_log(path, name=name) for name, path in files.items())

    metadata = None
    if metadata_path is None and directory is not None and directory.is_dir():
        metadata_path = find_metadata(directory)
        if metadata_path is None:
            notes.append(record("record.no_metadata", name=METADATA_NAMES[0], folder=directory))
    if metadata_path is not None:
        metadata = read_metadata(metadata_path)
    return TrainingRun(
        stages=stages,
        metadata=metadata,
        run_dir=None if directory is None else str(directory),
        notes=tuple(notes),
    )


def read_log(path: str | Path, *, name: str | None = None) -> StageLog:
    """One stage's log: a CSVLogger file or a History JSON dump (chosen by content)."""
    file = Path(path)
    stage = name or _stage_name(file)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LogError("training log not found", path=file) from None
    except (OSError, UnicodeDecodeError) as error:
        raise LogError(f"cannot read training log: {error}", path=file) from None
    if not text.strip():
        raise LogError("training log is empty", path=file)
    if text.lstrip().startswith(("{", "[")):
        epochs, columns, notes = _parse_history_json(text, file)
        fmt = "history_json"
    else:
        epochs, columns, notes = _parse_csvlogger(text, file)
        fmt = "csv"
    return _build_stage(stage, file, fmt, epochs, columns, notes)


def _sniff_separator(header: str) -> str | None:
    counts = {sep: header.count(sep) for sep in (",", ";", "\t")}
    best = max(counts, key=lambda sep: counts[sep])
    return best if counts[best] else None


def _parse_cell(raw: str) -> float | str | None:
    """A float, ``None`` for a missing cell, or the raw text when it is not a number."""
    cell = raw.strip()
    if cell.lower() in _MISSING_CELLS:
        return None
    try:
        return float(cell)
    except ValueError:
        return raw


def _parse_csvlogger(
    text: str, file: Path
) -> tuple[list[int] | None, dict[str, list[Any]], list[str]]:
    header_line = text.splitlines()[0]
    separator = _sniff_separator(header_line) or ","
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    header = [cell.strip() for cell in next(reader)]
    if len(set(header)) != len(header):
        duplicates = sorted({h for h in header if header.count(h) > 1})
        raise LogError(f"repeated column names: {', '.join(duplicates)}", path=file)
    rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    if not rows:
        raise LogError("training log has a header but no epochs", path=file)
    columns: dict[str, list[Any]] = {name: [] for name in header}
    for line, row in rows:
        if len(row) != len(header):
            raise LogError(
                f"line {line} has {len(row)} fields, the header has {len(header)}",
                path=file,
                hint="is this a CSVLogger file?",
            )
        for name, cell in zip(header, row, strict=True):
            columns[name].append(_parse_cell(cell))
    epochs = None
    epoch_key = next((h for h in header if h.lower() == "epoch"), None)
    if epoch_key is not None:
        raw_epochs = columns.pop(epoch_key)
        epochs = []
        for (line, _), value in zip(rows, raw_epochs, strict=True):
            if not isinstance(value, float) or not value.is_integer() or value < 0:
                raise LogError(f"line {line}: epoch {value!r} is not a whole number", path=file)
            epochs.append(int(value) + 1)  # CSVLogger counts from 0; we report from 1
    return epochs, columns, []


def _parse_history_json(
    text: str, file: Path
) -> tuple[list[int] | None, dict[str, list[Any]], list[str]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LogError(f"not valid JSON: {error.msg} at line {error.lineno}", path=file) from None
    except RecursionError:  # a hostile file: "[[[[…" nested beyond what json parses
        raise LogError("is nested too deeply to be a training history", path=file) from None
    epochs = None
    if isinstance(data, dict) and isinstance(data.get("history"), dict):
        raw_epochs = data.get("epoch")
        data = data["history"]
        if isinstance(raw_epochs, list):
            if not all(isinstance(e, int) and not isinstance(e, bool) for e in raw_epochs):
                raise LogError("the 'epoch' list holds something other than integers", path=file)
            epochs = [e + 1 for e in raw_epochs]  # Keras History.epoch counts from 0
    if not isinstance(data, dict) or not data:
        raise LogError(
            "not a Keras History dump",
            path=file,
            hint='expected {"loss": [...], "val_loss": [...], ...}',
        )
    columns: dict[str, list[Any]] = {}
    skipped = [str(key) for key, values in data.items() if not isinstance(values, list)]
    for key, values in data.items():
        if not isinstance(values, list):
            continue
        columns[str(key)] = [
            float(v) if isinstance(v, int | float) and not isinstance(v, bool) else v
            for v in values
        ]
    lengths = {key: len(values) for key, values in columns.items()}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"{k}: {n}" for k, n in lengths.items())
        raise LogError(
            f"metric lists differ in length ({described})",
            path=file,
            hint="the epochs cannot be aligned",
        )
    if epochs is not None and columns and len(epochs) != len(next(iter(columns.values()))):
        raise LogError("the 'epoch' list and the metric lists differ in length", path=file)
    notes = [record("record.not_lists", names=", ".join(skipped))] if skipped else []
    return epochs, columns, notes


def _build_stage(
    name: str,
    file: Path,
    fmt: str,
    epochs: list[int] | None,
    columns: dict[str, list[Any]],
    parse_notes: list[str],
) -> StageLog:
    notes: list[str] = list(parse_notes)
    n_rows = max((len(values) for values in columns.values()), default=0)
    if n_rows == 0:
        raise LogError("training log holds no epochs", path=file)
    if epochs is None:
        epochs = list(range(1, n_rows + 1))
        if fmt == "csv":
            notes.append(record("record.no_epoch_column"))
    for earlier, later in itertools.pairwise(epochs):
        if later <= earlier:
            raise LogError(
                f"epoch {later} follows epoch {earlier}: epochs must increase",
                path=file,
                hint="the file may hold several runs (CSVLogger append=True?); split it",
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
            notes.append(f"{column} is not finite (NaN/inf) at {describe_epochs(bad)}")
        metrics[column] = tuple(
            v if isinstance(v, float) and math.isfinite(v) else None for v in values
        )
    if dropped_text:
        notes.append(record("record.columns_no_numbers", columns=", ".join(dropped_text)))
    if dropped_empty:
        notes.append(record("record.columns_empty", columns=", ".join(dropped_empty)))
    if not metrics:
        raise LogError("training log has no numeric metric columns", path=file)

    roles, role_notes = _assign_roles(metrics)
    notes.extend(role_notes)
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
                        f"{prefix + role} read from {matches[0]}; also present: "
                        + ", ".join(matches[1:])
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
    word = "epoch" if len(items) == 1 else "epochs"
    return f"{word} {', '.join(spans)}"
