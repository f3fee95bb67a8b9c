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
  :mod:`jetx_diag.artifacts.metadata` with ``strict=False`` (a wrong-typed value is noted and
  ignored, so the logs are still diagnosed; see :class:`RunMetadata`).
- Console output of ``model.fit(verbose=1)`` (``*.log``/``*.txt``) and notebooks (``*.ipynb``),
  read by :mod:`jetx_diag.training.console_log` and :mod:`jetx_diag.training.notebook_log`: one
  file may hold
  several stages (one per ``fit`` call), and says which epoch each checkpoint file holds.

Per-epoch below/above accuracy is recognised under the column names in :data:`ROLE_ALIASES`
(with a ``val_`` prefix for the validation series, without it for the training series).
Everything else in a log is kept as it is, so the metrics that are there can still be shown.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from jetx_diag.artifacts.metadata import METADATA_NAMES, find_metadata, load_metadata
from jetx_diag.errors import LogError
from jetx_diag.i18n.messages import record
from jetx_diag.training.console_log import (
    LogPattern,
    looks_like_console_log,
    read_console_log,
    stage_logs,
)
from jetx_diag.training.notebook_log import read_notebook_log
from jetx_diag.training.stage_log import StageLog, TrainingRun, build_stage_from_columns

_MISSING_CELLS = {"", "na", "n/a", "none", "null"}


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


_CONSOLE_SUFFIXES = (".log", ".txt", ".out")


def console_logs_in(run_dir: str | Path) -> list[Path]:
    """Console logs (``*.log``/``*.txt``/``*.out`` holding Keras ``fit`` output) and notebooks
    (``*.ipynb``) directly in ``run_dir``, in natural order; ``[]`` when there are none."""

    directory = Path(run_dir)
    if not directory.is_dir():
        return []
    found = [
        p
        for p in directory.iterdir()
        if p.is_file()
        and not p.name.startswith(".")
        and (
            p.suffix.lower() == ".ipynb"
            or (p.suffix.lower() in _CONSOLE_SUFFIXES and looks_like_console_log(p))
        )
    ]
    return sorted(found, key=lambda p: _natural_key(p.name))


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
        raise LogError(
            record("error.logs.not_directory"),
            path=directory,
            hint=record("error.logs.hint_give_run_s_output_folder"),
        )
    found, _ = _scan(directory)
    if not found:
        raise LogError(
            record("error.logs.no_training_logs_found"),
            path=directory,
            hint=record("error.logs.hint_expected_csvlogger_files_stage1_csv"),
        )
    return found


# --------------------------------------------------------------------------- reading logs


def is_console_file(path: str | Path) -> bool:
    """Whether a log file is read as console output or a notebook rather than CSV/JSON."""
    file = Path(path)
    if file.suffix.lower() in (".ipynb", *_CONSOLE_SUFFIXES):
        return True
    if file.suffix.lower() in (".csv", ".json", ".tsv"):
        return False

    return looks_like_console_log(file)


def read_console_stages(
    path: str | Path, *, patterns: Sequence[LogPattern] = ()
) -> tuple[list[StageLog], list[str]]:
    """Every stage of a console log or notebook as a :class:`StageLog`, and the file's notes."""

    file = Path(path)
    if file.suffix.lower() == ".ipynb":
        log = read_notebook_log(file, patterns=patterns)
        fmt = "notebook"
    else:
        log = read_console_log(file, patterns=patterns)
        fmt = "console"
    return stage_logs(log, fmt)


def _single_stages(
    name: str, path: Path, patterns: Sequence[LogPattern], notes: list[str]
) -> list[StageLog]:
    """The stages of one ``--stage NAME=FILE``: the file's one stage named NAME, or all of a
    console file's stages as ``NAME.stageK`` when it holds several."""
    if not is_console_file(path):
        return [read_log(path, name=name)]
    stages, file_notes = read_console_stages(path, patterns=patterns)
    notes.extend(file_notes)
    if len(stages) == 1:
        return [replace(stages[0], name=name)]
    return [replace(stage, name=f"{name}.{stage.name}") for stage in stages]


def load_run(
    source: str | Path | Mapping[str, str | Path],
    metadata_path: str | Path | None = None,
    *,
    run_dir: str | Path | None = None,
    patterns: Sequence[LogPattern] = (),
) -> TrainingRun:
    """Read every stage of a run.

    ``source`` is a run directory (stages found with :func:`find_stage_logs` and
    :func:`console_logs_in`, metadata with :func:`find_metadata` unless ``metadata_path`` is
    given), one log file (a console log or notebook: its stages; a CSV/JSON log: one stage; its
    folder is the run's) or a mapping stage name → log file (``--stage NAME=FILE``), read in the
    mapping's order. ``run_dir`` is where the run's other files live (for the missing-artifact
    check); it defaults to the directory given as source. ``patterns`` are the user's
    ``--log-pattern`` lines, applied to console output.
    """
    notes: list[str] = []
    stage_list: list[StageLog] = []
    if isinstance(source, Mapping):
        if not source:
            raise LogError(
                record("error.logs.no_training_logs_given"),
                hint=record("error.logs.hint_give_least_one_name_file"),
            )
        for name, path in source.items():
            stage_list.extend(_single_stages(str(name), Path(path), patterns, notes))
        directory = None if run_dir is None else Path(run_dir)
    elif Path(source).is_file():
        file = Path(source)
        if is_console_file(file):
            stage_list, file_notes = read_console_stages(file, patterns=patterns)
            notes.extend(file_notes)
        else:
            stage_list = [read_log(file)]
        directory = file.parent if run_dir is None else Path(run_dir)
    else:
        directory = Path(source)
        stage_list = _folder_stages(directory, patterns, notes)
        if run_dir is not None:
            directory = Path(run_dir)
    stages = tuple(stage_list)
    names = [stage.name for stage in stages]
    repeated = sorted({n for n in names if names.count(n) > 1})
    if repeated:
        raise LogError(
            record("error.logs.stage_names_repeat", repeated=", ".join(repeated)),
            hint=record("error.logs.hint_name_stages_stage_name_file"),
        )

    metadata = None
    if metadata_path is None and directory is not None and directory.is_dir():
        metadata_path = find_metadata(directory)
        if metadata_path is None:
            notes.append(record("record.no_metadata", name=METADATA_NAMES[0], folder=directory))
    if metadata_path is not None:
        metadata = load_metadata(metadata_path, strict=False)
    return TrainingRun(
        stages=stages,
        metadata=metadata,
        run_dir=None if directory is None else str(directory),
        notes=tuple(notes),
        sources=tuple(dict.fromkeys(stage.source for stage in stages)),
    )


def _folder_stages(
    directory: Path, patterns: Sequence[LogPattern], notes: list[str]
) -> list[StageLog]:
    """The stages of a run folder: CSVLogger/History files, then console logs and notebooks.

    A console stage whose name a CSV/JSON log already has is left out (the CSV is exact); the
    stages are put in natural order of their names (``stage2`` before ``stage10``).
    """
    if not directory.is_dir():
        raise LogError(
            record("error.logs.not_directory"),
            path=directory,
            hint=record("error.logs.hint_give_run_s_output_folder_2"),
        )
    files, scan_notes = _scan(directory)
    notes.extend(scan_notes)
    consoles = console_logs_in(directory)
    if not files and not consoles:
        find_stage_logs(directory)  # raises "no training logs found"
    stages = {name: read_log(path, name=name) for name, path in files.items()}
    refused: list[LogError] = []
    for path in consoles:
        try:
            found, file_notes = read_console_stages(path, patterns=patterns)
        except LogError as error:
            # A notebook or text file in the folder that holds no training (an analysis
            # notebook, a README.txt) does not stop the run's other logs from being read.
            refused.append(error)
            notes.append(record("record.log_not_read", file=path.name, problem=error.problem))
            continue
        notes.extend(file_notes)
        for stage in found:
            if stage.name in stages:
                notes.append(
                    record(
                        "record.stage_read_elsewhere",
                        file=path.name,
                        stage=stage.name,
                        other=Path(stages[stage.name].source).name,
                    )
                )
                continue
            stages[stage.name] = stage
    if not stages and refused:
        raise refused[0]
    return [stages[name] for name in sorted(stages, key=_natural_key)]


def read_log(path: str | Path, *, name: str | None = None) -> StageLog:
    """One stage's log: a CSVLogger file or a History JSON dump (chosen by content)."""
    file = Path(path)
    stage = name or _stage_name(file)
    try:
        text = file.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise LogError(record("error.console_log.training_log_not_found"), path=file) from None
    except (OSError, UnicodeDecodeError) as error:
        raise LogError(
            record("error.logs.cannot_read_training_log", error=error), path=file
        ) from None
    if not text.strip():
        raise LogError(record("error.logs.training_log_empty"), path=file)
    if text.lstrip().startswith(("{", "[")):
        epochs, columns, notes = _parse_history_json(text, file)
        fmt = "history_json"
    else:
        epochs, columns, notes = _parse_csvlogger(text, file)
        fmt = "csv"
    return build_stage_from_columns(stage, file, fmt, epochs, columns, notes)


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
    try:
        return _read_csvlogger(text, file, separator)
    except csv.Error as error:  # "field larger than field limit (131072)", a stray quote …
        raise LogError(record("error.logs.not_readable_csv_log", error=error), path=file) from None


def _read_csvlogger(
    text: str, file: Path, separator: str
) -> tuple[list[int] | None, dict[str, list[Any]], list[str]]:
    reader = csv.reader(io.StringIO(text), delimiter=separator)
    header = [cell.strip() for cell in next(reader)]
    if len(set(header)) != len(header):
        duplicates = sorted({h for h in header if header.count(h) > 1})
        raise LogError(
            record("error.logs.repeated_column_names", duplicates=", ".join(duplicates)), path=file
        )
    rows = [(reader.line_num, row) for row in reader if any(cell.strip() for cell in row)]
    if not rows:
        raise LogError(record("error.logs.training_log_header_but_no"), path=file)
    columns: dict[str, list[Any]] = {name: [] for name in header}
    for line, row in rows:
        if len(row) != len(header):
            raise LogError(
                record(
                    "error.logs.line_fields_header",
                    line=line,
                    row_count=len(row),
                    header_count=len(header),
                ),
                path=file,
                hint=record("error.logs.hint_csvlogger_file"),
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
                raise LogError(
                    record("error.logs.line_epoch_not_whole_number", line=line, value=f"{value!r}"),
                    path=file,
                )
            epochs.append(int(value) + 1)  # CSVLogger counts from 0; we report from 1
    return epochs, columns, []


def _parse_history_json(
    text: str, file: Path
) -> tuple[list[int] | None, dict[str, list[Any]], list[str]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise LogError(
            record("error.logs.not_valid_json_line", msg=error.msg, lineno=error.lineno), path=file
        ) from None
    except RecursionError:  # a hostile file: "[[[[…" nested beyond what json parses
        raise LogError(record("error.logs.nested_too_deeply_training_history"), path=file) from None
    except ValueError as error:  # an integer of more digits than Python converts (4300)
        raise LogError(
            record("error.logs.not_readable_history_json", error=error), path=file
        ) from None
    epochs = None
    if isinstance(data, dict) and isinstance(data.get("history"), dict):
        raw_epochs = data.get("epoch")
        data = data["history"]
        if isinstance(raw_epochs, list):
            if not all(isinstance(e, int) and not isinstance(e, bool) for e in raw_epochs):
                raise LogError(record("error.logs.epoch_list_holds_something_other"), path=file)
            epochs = [e + 1 for e in raw_epochs]  # Keras History.epoch counts from 0
    if not isinstance(data, dict) or not data:
        raise LogError(
            record("error.logs.not_keras_history_dump"),
            path=file,
            hint=record("error.logs.hint_expected"),
        )
    columns: dict[str, list[Any]] = {}
    skipped = [str(key) for key, values in data.items() if not isinstance(values, list)]
    for key, values in data.items():
        if not isinstance(values, list):
            continue
        columns[str(key)] = [_history_value(v, str(key), file) for v in values]
    lengths = {key: len(values) for key, values in columns.items()}
    if len(set(lengths.values())) > 1:
        described = ", ".join(f"{k}: {n}" for k, n in lengths.items())
        raise LogError(
            record("error.logs.metric_lists_differ_length", described=described),
            path=file,
            hint=record("error.logs.hint_epochs_cannot_aligned"),
        )
    if epochs is not None and columns and len(epochs) != len(next(iter(columns.values()))):
        raise LogError(record("error.logs.epoch_list_metric_lists_differ"), path=file)
    notes = [record("record.not_lists", names=", ".join(skipped))] if skipped else []
    return epochs, columns, notes


def _history_value(value: Any, key: str, file: Path) -> Any:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return value
    try:
        return float(value)
    except OverflowError:
        digits = len(str(abs(value)))  # json parsed it, so it is within Python's digit limit
        raise LogError(
            record("error.logs.holds_integer_digits_too_large", key_=f"{key!r}", digits=digits),
            path=file,
        ) from None
