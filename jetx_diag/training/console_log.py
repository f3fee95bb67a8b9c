"""Training history from console output: what ``model.fit(verbose=1)`` printed.

Most Colab training scripts keep no CSVLogger file; what they leave is the console output (a
``.log``/``.txt`` file, or a notebook's outputs, :mod:`jetx_diag.training.notebook_log`). This
module reads
it line by line (bounded memory, whatever the size; :mod:`jetx_diag.training.console_lines`
turns bytes into lines) and gives the same per-stage
:class:`~jetx_diag.training.logs.StageLog` the CSV path gives, plus what only the console shows:
which epoch each checkpoint file holds, early stopping, restored weights and learning-rate cuts.

Recognised (Keras 3 and Keras 2 / ``tf_keras``; details in ``docs/training-logs.md``):

- ``Epoch k/N`` headers; a restart (``k`` not after the previous epoch, or another ``N``) is a
  new ``fit`` call: a new stage, named ``stageM`` from a heading printed just before it
  (``AŞAMA 2``, ``Stage 2``), else numbered in order;
- progress lines (``6/6 ━━━━ … - loss: 0.7 - val_loss: 0.9`` and
  ``6/6 [=====] - 1s 5ms/step - loss: …``) after ANSI colours are stripped and ``\\r``/``\\b``
  redraws are replayed as a terminal would: an epoch's metrics are those of its last complete
  line (all steps done, no ETA), never a half-drawn one;
- ModelCheckpoint (``Epoch 6: val_x improved from a to b, saving model to F``, ``Epoch 00006:
  saving model to F``, ``… did not improve from …``), EarlyStopping (``Epoch 92: early
  stopping``, ``Restoring model weights from the end of the best epoch: 7.``) and
  ReduceLROnPlateau (``Epoch 40: ReduceLROnPlateau reducing learning rate to 5e-05.``);
- the document's per-epoch callback blocks, in Turkish and English (``🔴 1.5 ALTI DOĞRULUĞU:
  54.3%``, ``🟢 1.5 ÜSTÜ DOĞRULUĞU``, ``💰 PARA KAYBI RİSKİ``; ``below 1.5 accuracy`` …): they
  become the stage's ``printed_*`` series and take the below/above/money-loss roles;
- the user's own lines, ``--log-pattern NAME=REGEX`` (:class:`LogPattern`).

Epochs are 1-based as Keras prints them.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from jetx_diag.errors import LogError, UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.training.console_lines import (
    Progress,
    parse_float,
    parse_progress,
    read_lines,
    render_line,
)
from jetx_diag.training.stage_log import CheckpointSave, StageEvents, StageLog, build_stage

#: Columns made from the printed callback blocks, and the roles they take (validation series).
PRINTED_ROLES = {
    "printed_below_accuracy": "val_below_accuracy",
    "printed_above_accuracy": "val_above_accuracy",
    "printed_money_loss_risk": "val_money_loss_risk",
}

#: Bytes of a file looked at to decide whether it is Keras console output.
SNIFF_BYTES = 256 * 1024

_EPOCH_HEADER = re.compile(r"^\s*Epoch\s+(\d+)/(\d+)\s*$")
_EVENT_EPOCH = re.compile(r"^\s*Epoch\s+0*(\d+):\s*(.*)$")
_SAVE = re.compile(
    r"^(?:(?P<monitor>\S+)\s+improved\s+from\s+(?P<before>\S+)\s+to\s+(?P<after>\S+?),\s+)?"
    r"saving\s+model\s+to\s+(?P<file>.+?)\s*$"
)
_NOT_IMPROVED = re.compile(r"^(?P<monitor>\S+)\s+did\s+not\s+improve\s+from\s+(?P<best>\S+)")
_EARLY_STOP = re.compile(r"^early\s+stopping\b")
_LR = re.compile(r"ReduceLROnPlateau\s+reducing\s+learning\s+rate\s+to\s+(\S+?)\.?\s*$")
_RESTORE = re.compile(
    r"Restoring\s+model\s+weights\s+from\s+the\s+end\s+of\s+the\s+best\s+epoch"
    r"(?::\s*0*(\d+))?"
)
_HEADING = re.compile(r"(?:A[ŞS]AMA|A[şs]ama|STAGE|Stage|stage|PHASE|Phase)\s*[-#:]?\s*(\d+)\b")
_NUMBER = r"(-?\d+(?:[.,]\d+)?(?:[eE][-+]?\d+)?)\s*(%)?"
_T = r"\d+(?:[.,]\d+)?\s*x?"  # the threshold: "1.5", "1,5", "2.0x"
# The document's callback block, Turkish and English; the letters Turkish writes with or without
# dots and cedillas are matched either way ("DOĞRULUĞU" / "DOGRULUGU", "RİSKİ" / "RISKI").
_I = "[IıİiI]"
_G = "[ĞGğg]"
_U = "[ÜUüu]"
_BLOCK = {
    "printed_below_accuracy": re.compile(
        rf"(?:{_T}\s*ALT{_I}\s*DO{_G}RULU{_G}U|(?:BELOW|UNDER)\s*{_T}\s*ACC(?:URACY)?"
        rf"|{_T}\s*BELOW\s*ACC(?:URACY)?)\s*[:=]\s*{_NUMBER}",
        re.IGNORECASE,
    ),
    "printed_above_accuracy": re.compile(
        rf"(?:{_T}\s*{_U}ST{_U}\s*DO{_G}RULU{_G}U|(?:ABOVE|OVER)\s*{_T}\s*ACC(?:URACY)?"
        rf"|{_T}\s*ABOVE\s*ACC(?:URACY)?)\s*[:=]\s*{_NUMBER}",
        re.IGNORECASE,
    ),
    "printed_money_loss_risk": re.compile(
        rf"(?:PARA\s*KAYB{_I}\s*R{_I}SK{_I}|MONEY[\s-]*LOSS\s*RISK)\s*[:=]\s*{_NUMBER}",
        re.IGNORECASE,
    ),
}


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class LogPattern:
    """A user's line pattern: ``NAME=REGEX`` with one group capturing the value.

    A named group ``epoch`` sets the epoch the value belongs to; otherwise it is the epoch in
    progress. A ``%`` right after the value divides it by 100.
    """

    name: str
    regex: re.Pattern[str]


@dataclass(frozen=True)
class ParsedStage:
    """One stage of console output, before it becomes a StageLog."""

    name: str
    epochs: tuple[int, ...]
    columns: dict[str, list[float | str | None]]
    events: StageEvents
    notes: tuple[str, ...]


@dataclass(frozen=True)
class ConsoleLog:
    """Every stage found in one console log or notebook."""

    source: str
    stages: tuple[ParsedStage, ...]
    stopped: str | None = None  # where the output stops mid-epoch, if it does
    notes: tuple[str, ...] = ()
    lines: int = 0


def parse_log_pattern(text: str) -> LogPattern:
    """``NAME=REGEX`` (``--log-pattern``) → :class:`LogPattern`; a usage error if malformed."""
    name, sep, regex = text.partition("=")
    name = name.strip()
    if not sep or not re.fullmatch(r"[A-Za-z_][\w.]*", name) or not regex:
        raise UsageError(
            record("error.console_log.log_pattern_expected_name_regex", text=f"{text!r}"),
            hint=record("error.console_log.hint_e_g_val_below_accuracy"),
        )
    try:
        compiled = re.compile(regex)
    except re.error as error:
        raise UsageError(
            record("error.console_log.log_pattern_not_regular_expression", name=name, error=error)
        ) from None
    value_groups = compiled.groups - (1 if "epoch" in compiled.groupindex else 0)
    if value_groups != 1:
        raise UsageError(
            record(
                "error.console_log.log_pattern_pattern_needs_exactly",
                name=name,
                value_groups=value_groups,
            ),
            hint=record("error.console_log.hint_use_groups_not_value"),
        )
    return LogPattern(name, compiled)


# --------------------------------------------------------------------------- numbers


def _share(number: str, percent: str | None) -> float | None:
    try:
        value = float(number.replace(",", "."))
    except ValueError:
        return None
    if not math.isfinite(value):
        return None
    return value / 100.0 if percent else value


# --------------------------------------------------------------------------- the parser


@dataclass
class _Epoch:
    number: int
    line: int
    total: int | None = None
    metrics: dict[str, float | str] | None = None
    has_val: bool = False
    closed: bool = False


@dataclass
class _Stage:
    index: int
    limit: int
    first_line: int
    heading: str | None
    heading_number: int | None
    epochs: list[_Epoch] = field(default_factory=list)
    printed: dict[str, dict[int, float]] = field(default_factory=dict)
    custom: dict[str, dict[int, float | str]] = field(default_factory=dict)
    saves: list[CheckpointSave] = field(default_factory=list)
    monitor: str | None = None
    early_stop: int | None = None
    restored: int | None = None
    restore_printed: bool = False
    lr: list[tuple[int, float]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    ended: bool = False
    last_line: int = 0

    @property
    def current(self) -> _Epoch | None:
        return self.epochs[-1] if self.epochs else None


class _Parser:
    def __init__(
        self, source: str, patterns: Sequence[LogPattern], where: Callable[[int], str]
    ) -> None:
        self.source = source
        self.patterns = tuple(patterns)
        self.where = where
        self.stages: list[_Stage] = []
        self.heading: tuple[str, int, int] | None = None  # (line text, number, line no)
        self.line_no = 0
        self.notes: list[str] = []

    @property
    def stage(self) -> _Stage | None:
        return self.stages[-1] if self.stages else None

    def feed(self, raw: str) -> None:
        self.line_no += 1
        line = render_line(raw)
        if not line:
            return
        start = line.lstrip()[:1]
        if start == "E":
            header = _EPOCH_HEADER.match(line)
            if header:
                self._epoch(int(header.group(1)), int(header.group(2)))
                return
        stage = self.stage
        if stage is not None and not stage.ended:
            if start.isdigit():  # progress lines start with their step count
                progress = parse_progress(line)
                if progress is not None:
                    self._progress_line(stage, progress)
                    return
            if self._event(stage, line):
                return
            self._printed(stage, line)
        elif stage is not None and _RESTORE.search(line):
            self._event(stage, line)  # Keras 3 prints "early stopping" before "Restoring"
        if "epoch" not in line.lower():
            heading = _HEADING.search(line)
            if heading:
                self.heading = (line.strip(), int(heading.group(1)), self.line_no)

    # -- epochs and progress

    def _epoch(self, number: int, limit: int) -> None:
        stage = self.stage
        previous = None if stage is None else stage.current
        new_stage = (
            stage is None
            or stage.ended
            or limit != stage.limit
            or (previous is not None and number <= previous.number)
        )
        if new_stage:
            heading = self.heading
            if heading is not None and stage is not None and heading[2] < stage.first_line:
                heading = None
            self.stages.append(
                _Stage(
                    index=len(self.stages) + 1,
                    limit=limit,
                    first_line=self.line_no,
                    heading=None if heading is None else heading[0],
                    heading_number=None if heading is None else heading[1],
                )
            )
            self.heading = None
            stage = self.stages[-1]
        assert stage is not None
        if previous is not None and not new_stage:
            previous.closed = True
        stage.epochs.append(_Epoch(number, self.line_no))
        stage.last_line = self.line_no

    def _progress_line(self, stage: _Stage, progress: Progress) -> None:
        epoch = stage.current
        if epoch is None or epoch.closed:
            return
        if epoch.total is None:
            epoch.total = progress.total
        elif progress.total is not None and progress.total != epoch.total:
            return  # another bar (predict/evaluate inside a callback): not this epoch's
        if epoch.has_val:
            epoch.closed = True  # the epoch had its final line: this bar is something else
            return
        if progress.complete:
            epoch.metrics = progress.metrics
            epoch.has_val = any(key.startswith("val_") for key in progress.metrics)
            epoch.line = self.line_no
            stage.last_line = self.line_no

    # -- callback lines

    def _event(self, stage: _Stage, line: str) -> bool:
        if not line.lstrip().startswith(("Epoch", "Restoring")) and "ReduceLROnPlateau" not in line:
            return False
        restore = _RESTORE.search(line)
        if restore:
            stage.restore_printed = True
            if restore.group(1):
                stage.restored = int(restore.group(1))
            return True
        lr = _LR.search(line)
        prefixed = _EVENT_EPOCH.match(line)
        epoch = int(prefixed.group(1)) if prefixed else None
        if lr:
            value = parse_float(lr.group(1))
            at = epoch if epoch is not None else (stage.current.number if stage.current else 0)
            if isinstance(value, float):
                stage.lr.append((at, value))
            return True
        if prefixed is None:
            return False
        message = prefixed.group(2)
        save = _SAVE.match(message)
        if save:
            monitor = save.group("monitor")
            after = save.group("after")
            value = None if after is None else parse_float(after)
            stage.saves.append(
                CheckpointSave(
                    file=save.group("file"),
                    stage="",
                    epoch=epoch or 0,
                    monitor=monitor,
                    value=value if isinstance(value, float) and math.isfinite(value) else None,
                    line=self.line_no,
                )
            )
            if monitor:
                stage.monitor = monitor
            return True
        not_improved = _NOT_IMPROVED.match(message)
        if not_improved:
            stage.monitor = not_improved.group("monitor")
            return True
        if _EARLY_STOP.match(message):
            stage.early_stop = epoch
            stage.ended = True
            return True
        return message.startswith("finished saving model")

    def _printed(self, stage: _Stage, line: str) -> None:
        epoch = stage.current
        if epoch is None:
            return
        for column, pattern in _BLOCK.items():
            match = pattern.search(line)
            if match:
                value = _share(match.group(1), match.group(2))
                if value is not None:
                    stage.printed.setdefault(column, {})[epoch.number] = value
        for pattern in self.patterns:
            match = pattern.regex.search(line)
            if match is None:
                continue
            at = epoch.number
            if "epoch" in pattern.regex.groupindex and match.group("epoch"):
                try:
                    at = int(match.group("epoch"))
                except ValueError:
                    continue
            index = next(
                i
                for i in range(1, pattern.regex.groups + 1)
                if pattern.regex.groupindex.get("epoch") != i
            )
            raw = match.group(index)
            if raw is None:
                continue
            percent = line[match.end(index) : match.end(index) + 2].lstrip().startswith("%")
            value = _share(raw, "%" if percent else None)
            stage.custom.setdefault(pattern.name, {})[at] = raw if value is None else value

    # -- the end

    def finish(self) -> ConsoleLog:
        stopped = None
        stages: list[ParsedStage] = []
        used: set[str] = set()
        for stage in self.stages:
            complete = [e for e in stage.epochs if e.metrics is not None]
            last = stage.epochs[-1] if stage.epochs else None
            if last is not None and last.metrics is None and stage is self.stages[-1]:
                stopped = record(
                    "record.output_stops", epoch=last.number, where=self.where(last.line)
                )
            skipped = [e.number for e in stage.epochs if e.metrics is None and e is not last]
            if skipped:
                stage.notes.append(
                    record("record.epochs_incomplete", epochs=", ".join(map(str, skipped)))
                )
            if not complete:
                self.notes.append(record("record.fit_no_epoch", where=self.where(stage.first_line)))
                continue
            name = _stage_name(stage, len(stages) + 1, used)
            used.add(name)
            stages.append(_finish_stage(stage, name, complete))
        if not stages:
            hint = record("error.console_log.hint_expected_output_model_fit_verbose")
            if self.stages:
                problem = record(
                    "error.console_log.no_complete_epoch",
                    stopped=stopped or record("error.console_log.every_epoch_cut_short"),
                )
            else:
                problem = record("error.console_log.no_keras_training_epochs_found")
            raise LogError(problem, path=self.source, hint=hint)
        return ConsoleLog(
            source=self.source,
            stages=tuple(stages),
            stopped=stopped,
            notes=tuple(self.notes),
            lines=self.line_no,
        )


def _stage_name(stage: _Stage, position: int, used: set[str]) -> str:
    if stage.heading_number is not None and f"stage{stage.heading_number}" not in used:
        return f"stage{stage.heading_number}"
    name = f"stage{position}"
    while name in used:
        name += "_"
    return name


def _finish_stage(stage: _Stage, name: str, complete: list[_Epoch]) -> ParsedStage:
    epochs = [e.number for e in complete]
    keys: dict[str, None] = {}
    for epoch in complete:
        keys.update(dict.fromkeys(epoch.metrics or {}))
    columns: dict[str, list[float | str | None]] = {
        key: [(e.metrics or {}).get(key) for e in complete] for key in keys
    }
    notes = list(stage.notes)
    printed_epochs: set[int] = set()
    for column, values in stage.printed.items():
        columns[column] = [values.get(e) for e in epochs]
        printed_epochs.update(e for e in values if e in epochs)
    for column, custom in stage.custom.items():
        if column in columns:
            notes.append(record("record.pattern_replaces", column=column))
        columns[column] = [custom.get(e) for e in epochs]
        outside = sorted(e for e in custom if e not in epochs)
        if outside:
            notes.append(record("record.pattern_outside", column=column, first=outside[0]))
    saves = tuple(
        CheckpointSave(s.file, name, s.epoch, s.monitor, s.value, s.line) for s in stage.saves
    )
    events = StageEvents(
        epoch_limit=stage.limit,
        checkpoint_monitor=stage.monitor,
        saves=saves,
        early_stopping_epoch=stage.early_stop,
        restored_epoch=stage.restored,
        restore_printed=stage.restore_printed,
        lr_reductions=tuple(stage.lr),
        printed_epochs=tuple(sorted(printed_epochs)),
        heading=stage.heading,
        first_line=stage.first_line,
        last_line=stage.last_line,
    )
    return ParsedStage(name, tuple(epochs), columns, events, tuple(notes))


def parse_console(
    lines: Iterable[str],
    source: str | Path,
    *,
    patterns: Sequence[LogPattern] = (),
    where: Callable[[int], str] | None = None,
) -> ConsoleLog:
    """Parse console lines (raw, with their ``\\r``/``\\b``/ANSI codes) into stages.

    ``where`` turns a line number into a place for messages (default ``line N``).
    Raises :class:`LogError` naming ``source`` when no complete epoch is found.
    """
    parser = _Parser(
        str(source), patterns, where or (lambda n: record("record.where_line", line=n))
    )
    for raw in lines:
        parser.feed(raw)
    return parser.finish()


def read_console_log(path: str | Path, *, patterns: Sequence[LogPattern] = ()) -> ConsoleLog:
    """Parse a console log file, streaming it line by line."""
    file = Path(path)
    try:
        with file.open("rb") as handle:
            return parse_console(read_lines(handle), file, patterns=patterns)
    except FileNotFoundError:
        raise LogError(record("error.console_log.training_log_not_found"), path=file) from None
    except IsADirectoryError:
        raise LogError(record("error.console_log.directory_not_console_log"), path=file) from None
    except OSError as error:
        raise LogError(
            record("error.console_log.cannot_read_console_log", strerror=error.strerror or error),
            path=file,
        ) from None


def looks_like_console_log(path: str | Path) -> bool:
    """Whether a text file holds Keras ``fit`` output (an ``Epoch k/N`` header near its start)."""
    try:
        with Path(path).open("rb") as handle:
            head = handle.read(SNIFF_BYTES)
    except OSError:
        return False
    text = head.decode("utf-8", errors="replace")
    return any(_EPOCH_HEADER.match(render_line(line)) for line in text.splitlines())


def stage_logs(log: ConsoleLog, fmt: str = "console") -> tuple[list[StageLog], list[str]]:
    """The stages of a parsed console log as :class:`StageLog` objects, and the file's notes.

    The printed callback blocks take the validation below/above/money-loss roles (they are
    what the training script reported); the logged metrics keep theirs otherwise.
    """
    file = Path(log.source)
    notes = [f"{file.name}: {note}" for note in log.notes]
    if log.stopped:
        notes.append(f"{file.name}: {log.stopped}")
    stages = []
    for stage in log.stages:
        stage_notes = list(stage.notes)
        if stage.events.printed_epochs:
            stage_notes.append(
                record("record.printed_callback", count=len(stage.events.printed_epochs))
            )
        stages.append(
            build_stage(
                stage.name,
                file,
                fmt,
                list(stage.epochs),
                dict(stage.columns),
                stage_notes,
                preset_roles={role: column for column, role in PRINTED_ROLES.items()},
                events=stage.events,
            )
        )
    return stages, notes
