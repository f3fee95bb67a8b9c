"""The training run's metadata JSON (``progressive_model_info.json``), read strictly.

Python's ``json`` module accepts ``NaN``/``Infinity`` and silently keeps the last of duplicate
keys; a metadata file with either would put a number in the report that nobody wrote. Here both
are errors naming the key (``metrics.mae``), as are values of the wrong type in the keys the
report uses. A UTF-8 byte-order mark is fine.

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
any numeric entry of ``metrics`` (nested objects flattened with dots) is kept. Also read when
present: ``monitor``, ``callbacks`` (object or list) and ``stages`` (list of objects with
``monitor``/``callbacks``), as jetx_diag's demo writes them. Other keys stay in ``raw``.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from jetx_diag.artifacts.sniffing import sha256_file, sniff
from jetx_diag.errors import ArtifactError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Artifact

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


@dataclass(frozen=True)
class RunMetadata:
    """A metadata file: the raw JSON object and the parts a report uses."""

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
    stage_minutes: dict[str, float] = field(default_factory=dict)
    training_minutes: float | None = None
    monitor: str | None = None
    stage_monitors: dict[str, str] = field(default_factory=dict)
    callbacks: tuple[str, ...] = ()
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


# --------------------------------------------------------------------------- strict JSON


class _NonFinite:
    """Stands in for NaN/Infinity (or an overflowing number) until its key path is known."""

    def __init__(self, text: str) -> None:
        self.text = text


class _Object(dict):  # type: ignore[type-arg]
    """A JSON object that remembers keys it saw more than once."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object()
    duplicates = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        result[key] = value
    result.duplicates = tuple(duplicates)
    return result


def _float(text: str) -> float | _NonFinite:
    value = float(text)
    return value if math.isfinite(value) else _NonFinite(text)


def _key(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _clean(value: Any, path: str, file: Path) -> Any:
    """Plain dicts/lists, with duplicate keys and non-finite numbers reported by key path."""
    if isinstance(value, _NonFinite):
        raise ArtifactError(
            f"{path or 'the value'}: {value.text} is not a finite JSON number "
            "(NaN and Infinity are not JSON)",
            path=file,
        )
    if isinstance(value, _Object):
        if value.duplicates:
            name = _key(path, value.duplicates[0])
            raise ArtifactError(
                f"duplicate key {name!r} (JSON readers disagree on which value wins)", path=file
            )
        return {k: _clean(v, _key(path, k), file) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v, _key(path, i), file) for i, v in enumerate(value)]
    return value


def parse_strict_json(data: bytes, path: str | Path) -> Any:
    """JSON from bytes: UTF-8 (BOM allowed), no NaN/Infinity, no duplicate keys."""
    file = Path(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArtifactError("is UTF-16 encoded", path=file, hint="save it as UTF-8")
    bom = len(b"\xef\xbb\xbf") if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start  # counted in the file, BOM included
        raise ArtifactError(f"is not valid UTF-8 (byte offset {offset})", path=file) from None
    try:
        parsed = json.loads(
            text,
            object_pairs_hook=_object,
            parse_constant=_NonFinite,
            parse_float=_float,
        )
    except json.JSONDecodeError as error:
        raise ArtifactError(
            f"is not valid JSON: {error.msg} (line {error.lineno}, column {error.colno})",
            path=file,
        ) from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise ArtifactError(f"is not usable JSON ({error})", path=file) from None
    except RecursionError:  # a hostile file: "[[[[…" a hundred thousand levels deep
        raise ArtifactError("is nested too deeply to be run metadata", path=file) from None
    try:
        return _clean(parsed, "", file)
    except RecursionError:  # parsed just under json's depth limit, too deep to check
        raise ArtifactError("is nested too deeply to be run metadata", path=file) from None


# --------------------------------------------------------------------------- typed access


def _type_name(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, int | float):
        return "a number"
    if isinstance(value, str):
        return f"a string ({value[:20]!r})"
    if isinstance(value, list):
        return "a list"
    return "an object"


def _wrong(file: Path, key: str, expected: str, value: Any) -> ArtifactError:
    return ArtifactError(f"{key}: expected {expected}, got {_type_name(value)}", path=file)


def _number(value: Any, key: str, file: Path) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong(file, key, "a number", value)
    try:
        return float(value)
    except OverflowError:  # an integer of hundreds of digits
        raise ArtifactError(f"{key}: the number is too large for a float", path=file) from None


def _count(value: Any, key: str, file: Path) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise _wrong(file, key, "a whole number", value)
    if isinstance(value, float) and not value.is_integer():
        raise ArtifactError(f"{key}: expected a whole number, got {value}", path=file)
    if value < 0:
        raise ArtifactError(f"{key}: expected a count, got {value}", path=file)
    return int(value)


def _text(value: Any, key: str, file: Path) -> str:
    if not isinstance(value, str):
        raise _wrong(file, key, "a string", value)
    return value


def _mapping(value: Any, key: str, file: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _wrong(file, key, "an object", value)
    return value


def _table(raw: dict[str, Any], key: str, file: Path) -> dict[str, Any]:
    value = raw.get(key)
    return {} if value is None else _mapping(value, key, file)


def _flatten_metrics(value: Any, key: str, file: Path, out: dict[str, float]) -> None:
    if value is None:  # recorded as "not measured"
        return
    if isinstance(value, dict):
        for child, inner in value.items():
            _flatten_metrics(inner, f"{key}.{child}", file, out)
        return
    out[key.removeprefix("metrics.")] = _number(value, key, file)


def _callback_names(value: Any, key: str, file: Path) -> list[str]:
    if isinstance(value, dict):
        return [str(k) for k in value]
    if isinstance(value, list):
        names = []
        for index, item in enumerate(value):
            if isinstance(item, str):
                names.append(item)
            elif isinstance(item, dict) and isinstance(item.get("class_name"), str):
                names.append(item["class_name"])
            else:
                raise _wrong(file, f"{key}[{index}]", "a callback name or object", item)
        return names
    raise _wrong(file, key, "an object or a list", value)


def load_metadata(path: str | Path) -> RunMetadata:
    """Read a run's metadata JSON strictly; see the module docstring for the keys used."""
    file = Path(path)
    kind = sniff(file)
    if kind == "empty":
        raise ArtifactError("is empty (0 bytes)", path=file)
    if kind in ("html", "lfs_pointer", "hdf5", "zip", "skops", "pickle", "joblib", "savedmodel"):
        what = {
            "html": "an HTML/XML page",
            "lfs_pointer": "a Git LFS pointer",
            "savedmodel": "a SavedModel directory",
        }.get(kind, f"a {kind} file")
        raise ArtifactError(f"is {what}, not JSON metadata", path=file)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise ArtifactError(
            f"cannot read the file ({error.strerror or error})", path=file
        ) from None
    raw = parse_strict_json(data, file)
    if not isinstance(raw, dict):
        raise ArtifactError(f"top level: expected an object, got {_type_name(raw)}", path=file)
    warnings: list[str] = []

    model = raw.get("model")
    version = raw.get("version")
    params = raw.get("params")
    as_written: dict[str, float] = {}
    _flatten_metrics(_table(raw, "metrics", file), "metrics", file, as_written)
    recorded: dict[str, float] = {}
    for key, value in as_written.items():
        name = STANDARD_NAMES.get(key, key)
        if name in recorded:
            warnings.append(record("record.metrics_repeat", file=file.name, key=key, name=name))
            continue
        recorded[name] = value
        if name in _RATES and not 0.0 <= value <= 100.0:
            warnings.append(record("record.not_rate", file=file.name, key=key, value=f"{value:g}"))

    stage_epochs = {
        str(k): _count(v, f"total_epochs.{k}", file)
        for k, v in _table(raw, "total_epochs", file).items()
    }
    stage_minutes = {
        str(k): _number(v, f"stage_times.{k}", file)
        for k, v in _table(raw, "stage_times", file).items()
    }
    minutes = raw.get("training_time_minutes")
    monitor = raw.get("monitor")
    callbacks: list[str] = []
    if raw.get("callbacks") is not None:
        callbacks.extend(_callback_names(raw["callbacks"], "callbacks", file))
    stage_monitors: dict[str, str] = {}
    stages = raw.get("stages")
    if stages is not None:
        if not isinstance(stages, list):
            raise _wrong(file, "stages", "a list", stages)
        for index, stage in enumerate(stages):
            where = f"stages[{index}]"
            stage = _mapping(stage, where, file)
            label = stage.get("stage", index + 1)
            name = f"stage{label}" if isinstance(label, int) else str(label)
            if stage.get("monitor") is not None:
                stage_monitors[name] = _text(stage["monitor"], f"{where}.monitor", file)
            if stage.get("callbacks") is not None:
                callbacks.extend(_callback_names(stage["callbacks"], f"{where}.callbacks", file))

    metrics_of = None
    final_model = raw.get("final_model")
    if isinstance(final_model, dict) and final_model.get("file") is not None:
        metrics_of = _text(final_model["file"], "final_model.file", file)

    return RunMetadata(
        path=str(file),
        metrics_of=metrics_of,
        sha256=sha256_file(file),
        size_bytes=len(data),
        raw=raw,
        model=None if model is None else _text(model, "model", file),
        version=None if version is None else _text(version, "version", file),
        parameters=None if params is None else _count(params, "params", file),
        recorded_metrics=recorded,
        metrics_as_written=as_written,
        stage_epochs=stage_epochs,
        stage_minutes=stage_minutes,
        training_minutes=None
        if minutes is None
        else _number(minutes, "training_time_minutes", file),
        monitor=None if monitor is None else _text(monitor, "monitor", file),
        stage_monitors=stage_monitors,
        callbacks=tuple(dict.fromkeys(callbacks)),
        warnings=tuple(warnings),
    )
