"""The training run's metadata JSON (``progressive_model_info.json``): one type, one reader.

Shape written by the source project (``notebooks/jetx_PROGRESSIVE_TRAINING.py`` of
onndd/jetxpredictor)::

    {"model": "PROGRESSIVE_TRAINING_3_STAGE", "version": "1.0_PROGRESSIVE", "params": 1234567,
     "training_time_minutes": 61.4,
     "stage_times": {"stage1_regression": 20.1, "stage2_threshold": 15.2, "stage3_full": 26.1},
     "total_epochs": {"stage1": 92, "stage2": 47, "stage3": 62},
     "metrics": {"threshold_accuracy": 0.593, "below_15_accuracy": 0.0594,
                 "above_15_accuracy": 0.9368, "class_accuracy": 0.3909, "mae": 9.27,
                 "rmse": 12.1, "money_loss_risk": 0.941}}

Later versions write ``metrics`` with other names (``normal_acc``…) and a ``simulation`` block;
any numeric entry of ``metrics`` (nested objects flattened with dots) is kept. Optional keys a
run may add so its callbacks and weights can be diagnosed (the source does not write them) are
described on :class:`RunMetadata`. Other keys stay in ``raw``.

One reader for two uses. :func:`load_metadata` refuses, by default (``strict=True``, as the
report reads it), a value of the wrong type in a key the report quotes, naming the key
(``metrics.mae: expected a number``); with ``strict=False`` (the training diagnosis) such a value
is ignored with a note, so a run's logs are still diagnosed. Faults of the file itself (not JSON,
NaN/Infinity, duplicate keys, not an object; see :mod:`jetx_diag.artifacts.strict_json`) are
errors either way. Keys the report never quotes (class weights and counts, epoch limits, file
lists) are only ever noted.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jetx_diag.artifacts.sniffing import sha256_file, sniff
from jetx_diag.artifacts.strict_json import parse_strict_json
from jetx_diag.errors import ArtifactError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Artifact

#: Metadata file names looked for in a run folder, in this order.
METADATA_NAMES = ("progressive_model_info.json", "model_info.json")

#: Recorded metric names → jetx_diag's metric names (``Metrics`` fields / report keys).
STANDARD_NAMES: dict[str, str] = {
    "threshold_accuracy": "threshold_accuracy",
    "below_15_accuracy": "below_accuracy",
    "below_accuracy": "below_accuracy",
    "above_15_accuracy": "above_accuracy",
    "above_accuracy": "above_accuracy",
    "class_accuracy": "classification_accuracy",
    "classification_accuracy": "classification_accuracy",
    "money_loss_risk": "money_loss_risk",
    "mae": "regression_mae",
    "rmse": "regression_rmse",
}
_RATES = frozenset(
    {
        "threshold_accuracy",
        "below_accuracy",
        "above_accuracy",
        "classification_accuracy",
        "money_loss_risk",
    }
)
_STAGE_NUMBER = re.compile(r"(\d+)")
_CALLBACK_KEYS = ("early_stopping", "model_checkpoint")


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
    """A metadata file: the raw JSON object and the parts the report and the diagnosis use.

    Optional keys read besides the source project's (see the module docstring):
    ``monitor``; ``callbacks`` — a list of callback names or Keras configs, or per stage
    ``{"stage1": {"monitor": "val_regression_mae", "patience": 50, "mode": "min",
    "min_delta": 0, "restore_best_weights": false, "checkpoint_monitor": …,
    "checkpoint_file": "stage1_best.h5"}, …}``, or one such object for every stage;
    ``class_weights`` — ``{"stage3": {"below": 44.13, "above": 0.76}}`` (keys ``below``/``above``
    or Keras' ``"0"``/``"1"``), or one such object for every stage;
    ``class_counts`` — ``{"below": 2135, "above": 3956}`` (training rounds);
    ``epochs_max`` — ``{"stage1": 100, …}``, the epoch limit given to ``fit``;
    ``files`` — the file names the run saved; ``final_model.file`` — the checkpoint the metrics
    describe. The jetx_diag demo's richer form is read too: ``stages`` (a list of per-stage
    records with ``monitor`` and Keras-shaped ``callbacks``: ``{"early_stopping": {…},
    "model_checkpoint": {…}}``, ``class_weights``, ``epochs_run`` and ``epochs_max``),
    ``class_balance`` (``train_below``/``train_above``) and ``artifacts`` (file names).
    """

    path: str
    sha256: str
    size_bytes: int
    raw: dict[str, Any]
    model: str | None = None
    version: str | None = None
    parameters: int | None = None
    #: Numeric entries of ``metrics``, under jetx_diag's names where one matches
    #: (``below_15_accuracy`` → ``below_accuracy``), otherwise under their own (dotted) key.
    #: Values exactly as recorded: fractions (0.593) or percents, as the run wrote them.
    recorded_metrics: dict[str, float] = field(default_factory=dict)
    #: The same entries under the keys the file uses.
    metrics_as_written: dict[str, float] = field(default_factory=dict)
    stage_epochs: dict[str, int] = field(default_factory=dict)
    stage_epoch_limits: dict[str, int] = field(default_factory=dict)  # fit(epochs=…) per stage
    stage_minutes: dict[str, float] = field(default_factory=dict)
    training_minutes: float | None = None
    monitor: str | None = None
    stage_monitors: dict[str, str] = field(default_factory=dict)
    #: Every callback the file names (top level and stages), in order, once each.
    callback_names: tuple[str, ...] = ()
    #: EarlyStopping/ModelCheckpoint settings per stage; ``"*"`` = every stage.
    callbacks: dict[str, StageCallbacks] = field(default_factory=dict)
    class_weights: dict[str, dict[str, float]] = field(default_factory=dict)  # "*" = every stage
    class_counts: dict[str, int] = field(default_factory=dict)
    files: tuple[str, ...] = ()
    #: What was odd about the file: values ignored, rates out of range, repeated metrics.
    warnings: tuple[str, ...] = ()
    #: The checkpoint file the recorded metrics describe, when the file says (``final_model.file``).
    #: The source project's script records the final model's test metrics without naming it.
    metrics_of: str | None = None

    @property
    def total_epochs(self) -> int | None:
        return sum(self.stage_epochs.values()) if self.stage_epochs else None

    def artifact(self) -> Artifact:
        details = {}
        if self.model:
            details["model"] = self.model
        if self.version:
            details["version"] = self.version
        return Artifact("metadata", self.path, self.sha256, self.size_bytes, details)

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


# --------------------------------------------------------------------------- typed access


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return record("error.metadata.a_boolean")
    if isinstance(value, int | float):
        return record("error.metadata.a_number")
    if isinstance(value, str):
        return record("error.metadata.a_string", value=repr(value[:20]))
    if isinstance(value, list):
        return record("error.metadata.a_list")
    return record("error.metadata.an_object")


def _plain_number(value: Any) -> float | None:
    """A JSON number as a float; None for anything else (booleans included) or too large."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    try:
        return float(value)
    except OverflowError:  # an integer of hundreds of digits: no float holds it
        return None


class _Checks:
    """Type checks of one file's values: an error when strict, else the value ignored and noted."""

    def __init__(self, file: Path, strict: bool) -> None:
        self.file = file
        self.strict = strict
        self.notes: list[str] = []

    def problem(self, message: str, note: str, key: str) -> None:
        if self.strict:
            raise ArtifactError(message, path=self.file)
        self.notes.append(record(note, key=key))

    def wrong(
        self, key: str, expected: str, value: Any, note: str = "record.meta_not_number"
    ) -> None:
        self.problem(
            record(
                "error.metadata.expected_got", key=key, expected=expected, got=_type_name(value)
            ),
            note,
            key,
        )

    def number(self, value: Any, key: str) -> float | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.wrong(key, record("error.metadata.a_number"), value)
            return None
        number = _plain_number(value)
        if number is None:
            self.problem(
                record("error.metadata.number_too_large", key=key), "record.meta_not_number", key
            )
        return number

    def count(self, value: Any, key: str) -> int | None:
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.wrong(key, record("error.metadata.a_whole_number"), value)
            return None
        if isinstance(value, float) and not value.is_integer():
            self.problem(
                record("error.metadata.expected_whole_number", key=key, value=value),
                "record.meta_not_whole",
                key,
            )
            return None
        if value < 0 and self.strict:  # the diagnosis has always kept the number as written
            raise ArtifactError(
                record("error.metadata.expected_count_got", key_=key, value=value), path=self.file
            )
        return int(value)

    def text(self, value: Any, key: str) -> str:
        if isinstance(value, str):
            return value
        if self.strict:
            raise ArtifactError(
                record("error.metadata.expected_string_got", key_=key, type_name=_type_name(value)),
                path=self.file,
            )
        return str(value)  # a name only shown: the diagnosis shows what the file holds

    def table(self, raw: Mapping[str, Any], key: str) -> dict[str, Any]:
        value = raw.get(key)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.wrong(key, record("error.metadata.an_object"), value, "record.meta_not_object")
            return {}
        return value

    def callback_names(self, value: Any, key: str) -> list[str]:
        if isinstance(value, dict):
            return [str(k) for k in value]
        if not isinstance(value, list):
            self.wrong(
                key, record("error.metadata.an_object_or_list"), value, "record.meta_not_object"
            )
            return []
        names = []
        for index, item in enumerate(value):
            if isinstance(item, str):
                names.append(item)
            elif isinstance(item, dict) and isinstance(item.get("class_name"), str):
                names.append(item["class_name"])
            else:
                where = f"{key}[{index}]"
                self.wrong(
                    where, record("error.metadata.a_callback"), item, "record.meta_not_object"
                )
        return names


def _metrics(value: Any, key: str, checks: _Checks, out: dict[str, float]) -> None:
    if value is None:  # recorded as "not measured"
        return
    if isinstance(value, dict):
        for child, inner in value.items():
            _metrics(inner, f"{key}.{child}", checks, out)
        return
    number = checks.number(value, key)
    if number is not None:
        out[key.removeprefix("metrics.")] = number


def _extension_table(raw: Mapping[str, Any], key: str, notes: list[str]) -> dict[str, int]:
    """A table of whole numbers the report never quotes: odd entries are noted, never refused."""
    value = raw.get(key)
    if value is None:
        return {}
    if not isinstance(value, dict):
        notes.append(record("record.meta_not_object", key=key))
        return {}
    out = {}
    for k, v in value.items():
        number = _plain_number(v)
        if number is None:
            notes.append(record("record.meta_not_number", key=f"{key}.{k}"))
        elif not number.is_integer():
            notes.append(record("record.meta_not_whole", key=f"{key}.{k}"))
        else:
            out[str(k)] = int(number)
    return out


def load_metadata(path: str | Path, *, strict: bool = True) -> RunMetadata:
    """Read a run's metadata JSON; see the module docstring for the keys and ``strict``."""
    file = Path(path)
    kind = sniff(file)
    if kind == "empty":
        raise ArtifactError(record("error.metadata.empty_0_bytes"), path=file)
    if kind in ("html", "lfs_pointer", "hdf5", "zip", "skops", "pickle", "joblib", "savedmodel"):
        named = {
            "html": "error.metadata.an_html_page",
            "lfs_pointer": "error.metadata.a_git_lfs_pointer",
            "savedmodel": "error.metadata.a_savedmodel_directory",
        }
        what = (
            record(named[kind])
            if kind in named
            else record("error.metadata.a_file_of_kind", kind=kind)
        )
        raise ArtifactError(record("error.metadata.not_json_metadata", what=what), path=file)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise ArtifactError(
            record("error.metadata.cannot_read_file", strerror=error.strerror or error), path=file
        ) from None
    raw = parse_strict_json(data, file)
    if not isinstance(raw, dict):
        raise ArtifactError(
            record("error.metadata.top_level_expected_object_got", type_name=_type_name(raw)),
            path=file,
        )
    checks = _Checks(file, strict)
    notes = checks.notes

    def optional_text(value: Any, key: str) -> str | None:
        return None if value is None else checks.text(value, key)

    model = optional_text(raw.get("model"), "model")
    version = optional_text(raw.get("version"), "version")
    params = raw.get("params")
    parameters = None if params is None else checks.count(params, "params")
    as_written: dict[str, float] = {}
    _metrics(checks.table(raw, "metrics"), "metrics", checks, as_written)
    recorded: dict[str, float] = {}
    for key, value in as_written.items():
        name = STANDARD_NAMES.get(key, key)
        if name in recorded:
            notes.append(record("record.metrics_repeat", file=file.name, key=key, name=name))
            continue
        recorded[name] = value
        if name in _RATES and not 0.0 <= value <= 100.0:
            notes.append(record("record.not_rate", file=file.name, key=key, value=f"{value:g}"))

    stage_minutes = _numbers(checks, raw, "stage_times", checks.number)
    stage_epochs = _numbers(checks, raw, "total_epochs", checks.count)
    counts = _extension_table(raw, "class_counts", notes)
    counts = {_class_key(k) or k: v for k, v in counts.items()}
    minutes = raw.get("training_time_minutes")
    training_minutes = None if minutes is None else checks.number(minutes, "training_time_minutes")
    monitor = optional_text(raw.get("monitor"), "monitor")

    names: list[str] = []
    callbacks: dict[str, StageCallbacks] = {}
    raw_callbacks = raw.get("callbacks")
    if raw_callbacks is not None:
        names.extend(checks.callback_names(raw_callbacks, "callbacks"))
    if isinstance(raw_callbacks, dict):
        per_stage = not any(k in raw_callbacks for k in _CALLBACK_KEYS)
        if raw_callbacks and per_stage and all(isinstance(v, dict) for v in raw_callbacks.values()):
            for stage, settings in raw_callbacks.items():
                callbacks[str(stage)] = _callbacks(settings, notes, str(stage))
        else:
            callbacks["*"] = _callbacks(raw_callbacks, notes, "*")

    weights: dict[str, dict[str, float]] = {}
    raw_weights = raw.get("class_weights")
    if isinstance(raw_weights, dict):
        if raw_weights and all(isinstance(v, dict) for v in raw_weights.values()):
            for stage, entry in raw_weights.items():
                weights[str(stage)] = normalise_class_weights(entry)
        else:
            weights["*"] = normalise_class_weights(raw_weights)
    elif raw_weights is not None:
        notes.append(record("record.meta_not_object", key="class_weights"))

    stage_limits = _extension_table(raw, "epochs_max", notes)
    stage_monitors = _stage_records(
        raw.get("stages"), checks, names, callbacks, weights, stage_epochs, stage_limits
    )
    balance = raw.get("class_balance")
    if not counts and isinstance(balance, dict):
        below = _plain_number(balance.get("train_below"))
        above = _plain_number(balance.get("train_above"))
        if below is not None and above is not None:
            counts = {"below": int(below), "above": int(above)}

    files = raw.get("files", raw.get("artifacts", ()))
    if not isinstance(files, list | tuple) or not all(isinstance(f, str) for f in files):
        notes.append(record("record.meta_files_not_list"))
        files = ()

    metrics_of = None
    final_model = raw.get("final_model")
    if isinstance(final_model, dict) and final_model.get("file") is not None:
        metrics_of = checks.text(final_model["file"], "final_model.file")

    return RunMetadata(
        path=str(file),
        sha256=sha256_file(file),
        size_bytes=len(data),
        raw=raw,
        model=model,
        version=version,
        parameters=parameters,
        recorded_metrics=recorded,
        metrics_as_written=as_written,
        stage_epochs=stage_epochs,
        stage_epoch_limits=stage_limits,
        stage_minutes=stage_minutes,
        training_minutes=training_minutes,
        monitor=monitor,
        stage_monitors=stage_monitors,
        callback_names=tuple(dict.fromkeys(names)),
        callbacks=callbacks,
        class_weights=weights,
        class_counts=counts,
        files=tuple(files),
        warnings=tuple(notes),
        metrics_of=metrics_of,
    )


def _numbers(checks: _Checks, raw: Mapping[str, Any], key: str, convert: Any) -> dict[str, Any]:
    """A table of numbers the report quotes (``stage_times``, ``total_epochs``), each checked."""
    out = {}
    for k, v in checks.table(raw, key).items():
        value = convert(v, f"{key}.{k}")
        if value is not None:
            out[str(k)] = value
    return out


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
    patience = _plain_number(early.get("patience"))
    min_delta = _plain_number(early.get("min_delta"))
    restore = early.get("restore_best_weights")
    mode = text(early, "mode") if monitor else None
    if mode not in (None, "min", "max", "auto"):
        notes.append(record("record.mode_unknown", stage=stage, mode=mode))
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
    checks: _Checks,
    names: list[str],
    callbacks: dict[str, StageCallbacks],
    weights: dict[str, dict[str, float]],
    epochs: dict[str, int],
    limits: dict[str, int],
) -> dict[str, str]:
    """Per-stage records some runs keep: ``"stages": [{"stage": 1, "callbacks": …,
    "class_weights": …, "epochs_run": 92, "epochs_max": 100, "monitor": …, "checkpoint": …},
    …]``; returns each stage's monitor. Top-level tables win where both say something."""
    monitors: dict[str, str] = {}
    if records is None:
        return monitors
    if not isinstance(records, list):
        checks.wrong("stages", record("error.metadata.a_list"), records, "record.meta_not_list")
        return monitors
    for index, stage in enumerate(records):
        where = f"stages[{index}]"
        if not isinstance(stage, dict):
            checks.wrong(where, record("error.metadata.an_object"), stage, "record.meta_not_object")
            continue
        label = stage.get("stage")
        if isinstance(label, int) and not isinstance(label, bool):
            key = f"stage{label}"
        elif label is not None or stage.get("name") is not None:
            key = str(stage.get("name") if label is None else label)
        else:
            key = f"stage{index + 1}"
        if stage.get("monitor") is not None:
            monitors[key] = checks.text(stage["monitor"], f"{where}.monitor")
        if stage.get("callbacks") is not None:
            names.extend(checks.callback_names(stage["callbacks"], f"{where}.callbacks"))
        settings = dict(stage["callbacks"]) if isinstance(stage.get("callbacks"), dict) else {}
        settings.setdefault("monitor", stage.get("monitor"))
        settings.setdefault("checkpoint_file", stage.get("checkpoint"))
        if any(isinstance(settings.get(k), str) for k in ("monitor", "checkpoint_file")) or (
            any(k in settings for k in _CALLBACK_KEYS)
        ):
            callbacks.setdefault(key, _callbacks(settings, checks.notes, key))
        if isinstance(stage.get("class_weights"), dict):
            weights.setdefault(key, normalise_class_weights(stage["class_weights"]))
        for field_name, table in (("epochs_run", epochs), ("epochs_max", limits)):
            value = stage.get(field_name)
            if isinstance(value, int) and not isinstance(value, bool):
                table.setdefault(key, value)
    return monitors


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
        number = _plain_number(value)
        if name is not None and number is not None:
            out[name] = number
    return out
