"""A training run's metadata JSON (``progressive_model_info.json``), as the diagnoses use it.

:func:`read_metadata` reads the source project's keys and the optional ones a run may add
(callbacks, class weights and counts, epoch limits, files; see :class:`RunMetadata`); anything
malformed in it becomes a note, never a guess. :func:`same_stage` is how a metadata table's
stage names (``stage1_regression``) are matched with the logs' (``stage1``).
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jetx_diag.artifacts.metadata import parse_strict_json
from jetx_diag.errors import ArtifactError
from jetx_diag.i18n.messages import record as record_text

#: Metadata file names looked for in a run folder, in this order.
METADATA_NAMES = ("progressive_model_info.json", "model_info.json")
_STAGE_NUMBER = re.compile(r"(\d+)")


def same_stage(a: str, b: str) -> bool:
    """True when two stage names mean the same stage: ``stage1`` ~ ``stage1_regression`` ~ ``1``.

    Names match case-insensitively, or by their first number when both have one.
    """
    if a.lower() == b.lower():
        return True
    number_a, number_b = _STAGE_NUMBER.search(a), _STAGE_NUMBER.search(b)
    return bool(number_a and number_b and int(number_a.group(1)) == int(number_b.group(1)))


@dataclass(frozen=True)
class StageCallbacks:
    """What the run recorded about a stage's EarlyStopping and ModelCheckpoint callbacks."""

    monitor: str | None = None  # EarlyStopping monitor
    mode: str | None = None  # "min" / "max" / None (inferred from the name)
    patience: int | None = None
    min_delta: float | None = None
    restore_best_weights: bool | None = None
    checkpoint_monitor: str | None = None  # ModelCheckpoint monitor (defaults to ``monitor``)
    checkpoint_file: str | None = None


@dataclass(frozen=True)
class RunMetadata:
    """The run's metadata JSON, as far as the diagnoses use it.

    Keys the source project writes (``notebooks/jetx_PROGRESSIVE_TRAINING.py``):
    ``model``, ``version``, ``params``, ``training_time_minutes``, ``stage_times``
    (``{"stage1_regression": 20.1, …}``, minutes), ``total_epochs`` (``{"stage1": 92, …}``) and
    ``metrics`` (``threshold_accuracy``, ``below_15_accuracy``, ``above_15_accuracy``,
    ``class_accuracy``, ``mae``, ``rmse``, ``money_loss_risk``; fractions).

    Optional keys jetx_diag also reads (the source does not write them; a run that wants its
    callbacks and weights diagnosed can add them):
    ``callbacks`` — ``{"stage1": {"monitor": "val_regression_mae", "patience": 50, "mode": "min",
    "min_delta": 0, "restore_best_weights": false, "checkpoint_monitor": …,
    "checkpoint_file": "stage1_best.h5"}, …}``, or one such object for every stage;
    ``class_weights`` — ``{"stage3": {"below": 44.13, "above": 0.76}}`` (keys ``below``/``above``
    or Keras' ``"0"``/``"1"``), or one such object for every stage;
    ``class_counts`` — ``{"below": 2135, "above": 3956}`` (training rounds);
    ``epochs_max`` — ``{"stage1": 100, …}``, the epoch limit given to ``fit``;
    ``files`` — the file names the run saved.

    The jetx_diag demo's richer form is read too: ``stages`` (a list of per-stage records with
    Keras-shaped ``callbacks``: ``{"early_stopping": {…}, "model_checkpoint": {…}}``,
    ``class_weights``, ``epochs_run`` and ``epochs_max``), ``class_balance``
    (``train_below``/``train_above``) and ``artifacts`` (file names).
    """

    path: str
    model: str | None = None
    version: str | None = None
    params: int | None = None
    training_minutes: float | None = None
    stage_minutes: dict[str, float] = field(default_factory=dict)
    stage_epochs: dict[str, int] = field(default_factory=dict)
    stage_epoch_limits: dict[str, int] = field(default_factory=dict)  # fit(epochs=…) per stage
    metrics: dict[str, float] = field(default_factory=dict)
    callbacks: dict[str, StageCallbacks] = field(default_factory=dict)  # "*" = every stage
    class_weights: dict[str, dict[str, float]] = field(default_factory=dict)  # "*" = every stage
    class_counts: dict[str, int] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def for_stage(self, table: Mapping[str, Any], stage: str) -> Any:
        """The entry of a per-stage table (``callbacks``, ``stage_epochs`` …) for ``stage``."""
        for key, value in table.items():
            if same_stage(key, stage):
                return value
        return table.get("*")


def find_metadata(run_dir: str | Path) -> Path | None:
    """The run's metadata JSON in ``run_dir`` (``progressive_model_info.json`` first), if any."""
    directory = Path(run_dir)
    for name in METADATA_NAMES:
        if (directory / name).is_file():
            return directory / name
    others = sorted(directory.glob("*model_info*.json"))
    return others[0] if others else None


# --------------------------------------------------------------------------- metadata


def read_metadata(path: str | Path) -> RunMetadata:
    """The run's metadata JSON (``progressive_model_info.json``); see :class:`RunMetadata`."""
    file = Path(path)
    try:
        raw = file.read_bytes()
    except FileNotFoundError:
        raise ArtifactError("metadata file not found", path=file) from None
    except OSError as error:
        raise ArtifactError(f"cannot read metadata: {error}", path=file) from None
    # The one strict reader of metadata JSON: NaN, duplicate keys, bad UTF-8 and hostile
    # nesting are errors naming the file, exactly as `report` reports them.
    data = parse_strict_json(raw, file)
    if not isinstance(data, dict):
        raise ArtifactError("metadata is not a JSON object", path=file)
    notes: list[str] = []

    def table(key: str, kind: type) -> dict[str, Any]:
        value = data.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            notes.append(record_text("record.meta_not_object", key=key))
            return {}
        out = {}
        for k, v in value.items():
            number = _number(v)
            if number is None:
                notes.append(record_text("record.meta_not_number", key=f"{key}.{k}"))
            elif kind is int and not float(number).is_integer():
                notes.append(record_text("record.meta_not_whole", key=f"{key}.{k}"))
            else:
                out[str(k)] = kind(number)
        return out

    stage_minutes = table("stage_times", float)
    stage_epochs = table("total_epochs", int)
    metrics = table("metrics", float)
    counts = {_class_key(k) or k: v for k, v in table("class_counts", int).items()}

    callbacks: dict[str, StageCallbacks] = {}
    raw_callbacks = data.get("callbacks")
    if isinstance(raw_callbacks, dict):
        per_stage = not any(k in raw_callbacks for k in _CALLBACK_KEYS)
        if raw_callbacks and per_stage and all(isinstance(v, dict) for v in raw_callbacks.values()):
            for stage, settings in raw_callbacks.items():
                callbacks[str(stage)] = _callbacks(settings, notes, str(stage))
        else:
            callbacks["*"] = _callbacks(raw_callbacks, notes, "*")
    elif raw_callbacks is not None:
        notes.append(record_text("record.meta_not_object", key="callbacks"))

    weights: dict[str, dict[str, float]] = {}
    raw_weights = data.get("class_weights")
    if isinstance(raw_weights, dict):
        if raw_weights and all(isinstance(v, dict) for v in raw_weights.values()):
            for stage, entry in raw_weights.items():
                weights[str(stage)] = normalise_class_weights(entry)
        else:
            weights["*"] = normalise_class_weights(raw_weights)
    elif raw_weights is not None:
        notes.append(record_text("record.meta_not_object", key="class_weights"))

    stage_limits = table("epochs_max", int)
    _stage_records(data.get("stages"), notes, callbacks, weights, stage_epochs, stage_limits)
    balance = data.get("class_balance")
    if not counts and isinstance(balance, dict):
        below, above = _number(balance.get("train_below")), _number(balance.get("train_above"))
        if below is not None and above is not None:
            counts = {"below": int(below), "above": int(above)}

    files = data.get("files", data.get("artifacts", ()))
    if not isinstance(files, list | tuple) or not all(isinstance(f, str) for f in files):
        notes.append(record_text("record.meta_files_not_list"))
        files = ()

    def text(key: str) -> str | None:
        value = data.get(key)
        return None if value is None else str(value)

    params = _number(data.get("params"))
    minutes = _number(data.get("training_time_minutes"))
    return RunMetadata(
        path=str(file),
        model=text("model"),
        version=text("version"),
        params=None if params is None else int(params),
        training_minutes=minutes,
        stage_minutes=stage_minutes,
        stage_epochs=stage_epochs,
        stage_epoch_limits=stage_limits,
        metrics=metrics,
        callbacks=callbacks,
        class_weights=weights,
        class_counts=counts,
        files=tuple(files),
        notes=tuple(notes),
    )


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        number = float(value)
    except OverflowError:  # an integer of hundreds of digits: no float holds it
        return None
    return number if math.isfinite(number) else None


_CALLBACK_KEYS = ("early_stopping", "model_checkpoint")


def _callbacks(settings: Mapping[str, Any], notes: list[str], stage: str) -> StageCallbacks:
    """Flat ``{"monitor", "patience", …}`` or Keras-shaped ``{"early_stopping": {…},
    "model_checkpoint": {"monitor", "filepath", …}}`` (flat keys fill what those lack)."""
    nested = {k: settings[k] for k in _CALLBACK_KEYS if isinstance(settings.get(k), dict)}
    early: Mapping[str, Any] = nested.get("early_stopping", settings)
    checkpoint: Mapping[str, Any] = nested.get("model_checkpoint", {})

    def text(source: Mapping[str, Any], key: str) -> str | None:
        value = source.get(key)
        return value if isinstance(value, str) and value else None

    monitor = text(early, "monitor") or text(settings, "monitor")
    patience = _number(early.get("patience"))
    min_delta = _number(early.get("min_delta"))
    restore = early.get("restore_best_weights")
    mode = text(early, "mode") if monitor else None
    if mode not in (None, "min", "max", "auto"):
        notes.append(record_text("record.mode_unknown", stage=stage, mode=mode))
        mode = None
    return StageCallbacks(
        monitor=monitor,
        mode=None if mode == "auto" else mode,
        patience=None if patience is None else int(patience),
        min_delta=min_delta,
        restore_best_weights=restore if isinstance(restore, bool) else None,
        # ModelCheckpoint is taken to follow EarlyStopping's monitor unless it says otherwise.
        checkpoint_monitor=text(checkpoint, "monitor")
        or text(settings, "checkpoint_monitor")
        or monitor,
        checkpoint_file=text(checkpoint, "filepath") or text(settings, "checkpoint_file"),
    )


def _stage_records(
    records: Any,
    notes: list[str],
    callbacks: dict[str, StageCallbacks],
    weights: dict[str, dict[str, float]],
    epochs: dict[str, int],
    limits: dict[str, int],
) -> None:
    """Per-stage records some runs keep: ``"stages": [{"stage": 1, "callbacks": …,
    "class_weights": …, "epochs_run": 92, "epochs_max": 100, "monitor": …, "checkpoint": …},
    …]``. Top-level tables win where both say something."""
    if records is None:
        return
    if not isinstance(records, list):
        notes.append(record_text("record.meta_not_list", key="stages"))
        return
    for position, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            notes.append(record_text("record.meta_not_object", key=f"stages[{position}]"))
            continue
        number = record.get("stage")
        key = f"stage{number}" if isinstance(number, int) else str(record.get("name", position))
        settings = dict(record["callbacks"]) if isinstance(record.get("callbacks"), dict) else {}
        settings.setdefault("monitor", record.get("monitor"))
        settings.setdefault("checkpoint_file", record.get("checkpoint"))
        if any(isinstance(settings.get(k), str) for k in ("monitor", "checkpoint_file")) or (
            any(k in settings for k in _CALLBACK_KEYS)
        ):
            callbacks.setdefault(key, _callbacks(settings, notes, key))
        if isinstance(record.get("class_weights"), dict):
            weights.setdefault(key, normalise_class_weights(record["class_weights"]))
        for field_name, table in (("epochs_run", epochs), ("epochs_max", limits)):
            value = record.get(field_name)
            if isinstance(value, int) and not isinstance(value, bool):
                table.setdefault(key, value)


def _class_key(key: Any) -> str | None:
    text = str(key).strip().lower()
    if text in ("0", "below", "0.0", "false", "below_15"):
        return "below"
    if text in ("1", "above", "1.0", "true", "above_15"):
        return "above"
    return None


def normalise_class_weights(weights: Mapping[Any, Any]) -> dict[str, float]:
    """``{"below": w0, "above": w1}`` from keys ``below``/``above``, ``0``/``1`` (Keras)."""
    out: dict[str, float] = {}
    for key, value in weights.items():
        name = _class_key(key)
        number = _number(value)
        if name is not None and number is not None:
            out[name] = number
    return out
