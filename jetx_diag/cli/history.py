"""``jetx-diag history``: why did training fail? A run report from the logs a Keras run left.

Reads the run's CSVLogger files / History dumps and its metadata JSON, diagnoses every stage
(:func:`jetx_diag.training.diagnosis.diagnose`) and writes the run report (Markdown with the
learning curves beside it, one self-contained HTML page, optionally JSON). No model is loaded:
the command never imports TensorFlow.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import click

from jetx_diag.cli.exit_codes import history_exit_code
from jetx_diag.cli.help import SectionedCommand
from jetx_diag.cli.options import (
    PAGE_FORMATS,
    FiniteFloatRange,
    language_option,
    parse_formats,
    quiet_option,
)
from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record

FORMATS = PAGE_FORMATS


# --------------------------------------------------------------------------- option parsing


def _split_stage(text: str, separator: str, option: str) -> tuple[str, str]:
    """``stage1=val_loss`` → (``stage1``, ``val_loss``); ``val_loss`` → (``*``, ``val_loss``)."""
    if separator in text:
        stage, value = text.split(separator, 1)
        if not stage.strip() or not value.strip():
            raise UsageError(
                record(
                    "error.history.expected_stage_value",
                    option=option,
                    text=f"{text!r}",
                    separator=separator,
                )
            )
        return stage.strip(), value.strip()
    return "*", text.strip()


def parse_stage_files(items: Iterable[str]) -> dict[str, str]:
    """``--stage NAME=FILE`` options → ``{name: file}`` in the order given."""
    files: dict[str, str] = {}
    for item in items:
        if "=" not in item:
            raise UsageError(
                record("error.history.stage_expected_name_file", item=f"{item!r}"),
                hint=record("error.history.hint_e_g_stage1_log1_csv"),
            )
        name, file = (part.strip() for part in item.split("=", 1))
        if not name or not file:
            raise UsageError(
                record("error.history.stage_expected_name_file", item=f"{item!r}"),
                hint=record("error.history.hint_e_g_stage1_log1_csv"),
            )
        if name in files:
            raise UsageError(record("error.history.stage_given_twice", name=f"{name!r}"))
        files[name] = file
    return files


def parse_per_stage(items: Iterable[str], option: str) -> dict[str, str] | None:
    """``[STAGE=]VALUE`` options → ``{stage or "*": value}`` (``*``: every stage)."""
    table: dict[str, str] = {}
    for item in items:
        stage, value = _split_stage(item, "=", option)
        table[stage] = value
    return table or None


def parse_patience(items: Iterable[str]) -> dict[str, int] | None:
    table = parse_per_stage(items, "--patience")
    if table is None:
        return None
    parsed = {}
    for stage, value in table.items():
        try:
            number = int(value)
        except ValueError:
            raise UsageError(
                record("error.history.patience_not_whole_number", value=f"{value!r}")
            ) from None
        if number < 0:
            raise UsageError(record("error.history.patience_must_least_0_got", number=number))
        parsed[stage] = number
    return parsed


def _pairs(text: str, option: str) -> dict[str, float]:
    """``below=44.13,above=0.76`` (or Keras' ``0=…,1=…``) → ``{"below": …, "above": …}``."""
    from jetx_diag.artifacts.metadata import normalise_class_weights

    raw: dict[str, float] = {}
    for part in text.split(","):
        if "=" not in part:
            raise UsageError(
                record(
                    "error.history.expected_below_value_above_value",
                    option=option,
                    text=f"{text!r}",
                )
            )
        key, value = (piece.strip() for piece in part.split("=", 1))
        try:
            raw[key] = float(value)
        except ValueError:
            raise UsageError(
                record(
                    "error.history.not_number", option=option, text=f"{text!r}", value=f"{value!r}"
                )
            ) from None
    pairs = normalise_class_weights(raw)
    if len(pairs) != len(raw):
        raise UsageError(
            record("error.history.class_names_below_above_0", option=option, text=f"{text!r}"),
            hint=record("error.history.hint_e_g_below_44_13"),
        )
    if any(value < 0 for value in pairs.values()):
        raise UsageError(
            record("error.history.values_must_not_negative", option=option, text=f"{text!r}")
        )
    return pairs


def parse_class_weights(items: Iterable[str]) -> dict[str, dict[str, float]] | None:
    """``[STAGE:]below=W,above=W`` options → ``{stage or "*": {"below": W, "above": W}}``."""
    table: dict[str, dict[str, float]] = {}
    for item in items:
        stage, text = _split_stage(item, ":", "--class-weights")
        table[stage] = _pairs(text, "--class-weights")
    return table or None


def parse_class_counts(text: str | None) -> dict[str, int] | None:
    if text is None:
        return None
    pairs = _pairs(text, "--class-counts")
    if set(pairs) != {"below", "above"} or any(not v.is_integer() for v in pairs.values()):
        raise UsageError(
            record("error.history.class_counts_give_both_whole", text=f"{text!r}"),
            hint=record("error.history.hint_e_g_below_2135_above"),
        )
    return {key: int(value) for key, value in pairs.items()}


# --------------------------------------------------------------------------- the command


@click.command(
    cls=SectionedCommand,
    examples=(
        "jetx-diag history run_folder/",
        "jetx-diag history run_folder/ --lang tr --json history.json",
        "jetx-diag history --stage stage1=logs/stage1.csv --stage stage2=logs/stage2.csv",
        "jetx-diag history train.log",
        "jetx-diag history training.ipynb --lang tr",
    ),
)
@click.argument("run_dir", required=False, metavar="RUN_DIR|LOG|NOTEBOOK")
@click.option(
    "--stage",
    "stages",
    multiple=True,
    metavar="NAME=FILE",
    help="A stage's log (CSVLogger .csv or History .json), in training order (repeatable). "
    "Default: every stage1.csv … / *_history.json in RUN_DIR.",
)
@click.option("--metadata", metavar="FILE", help="Run metadata JSON (progressive_model_info.json).")
@click.option(
    "--log-pattern",
    "log_patterns",
    multiple=True,
    metavar="NAME=REGEX",
    help="A per-epoch value the training script printed, read from console output: REGEX's "
    "one group is the value (a %% after it divides by 100), an optional (?P<epoch>…) group its "
    "epoch (repeatable). E.g. val_below_accuracy='Below acc: ([\\d.]+)%%'. See "
    "docs/training-logs.md.",
)
@click.option(
    "--goal",
    metavar="METRIC",
    help="What the run should have optimised  [default: val_worst_class_accuracy = "
    "min(below, above accuracy) when logged, else val_threshold_accuracy, else val_loss]",
)
@click.option(
    "--goal-mode",
    type=click.Choice(["min", "max"]),
    help="Whether lower or higher goal values are better  [default: from the metric's name]",
)
@click.option(
    "--monitor",
    "monitors",
    multiple=True,
    metavar="[STAGE=]METRIC",
    help="Metric EarlyStopping and ModelCheckpoint monitored, for every stage or one "
    "(repeatable); overrides the metadata.",
)
@click.option(
    "--patience",
    "patiences",
    multiple=True,
    metavar="[STAGE=]N",
    help="EarlyStopping patience the run used, for every stage or one (repeatable).",
)
@click.option(
    "--class-weights",
    "class_weights",
    multiple=True,
    metavar="[STAGE:]below=W,above=W",
    help="Class weights the run used, for every stage or one (repeatable); overrides the metadata.",
)
@click.option(
    "--class-counts",
    metavar="below=N,above=N",
    help="Training rounds per class, to check the class weights against.",
)
@click.option(
    "--max-overweight",
    type=FiniteFloatRange(min=1.0),
    default=4.0,
    show_default=True,
    help="Flag class weights that favour one class more than this many times past balanced.",
)
@click.option(
    "--expected-file",
    "expected_files",
    multiple=True,
    metavar="NAME",
    help="A file the run should have left in RUN_DIR (repeatable)  [default: the metadata's "
    "list, else the document's: final model, scaler, metadata, stageN_best.h5]",
)
@click.option(
    "--scaler",
    metavar="FILE",
    help="Scaler to check against the checkpoints' feature input  [default: scaler*.pkl, "
    "*.joblib or *.skops in RUN_DIR]",
)
@click.option(
    "--checkpoint",
    "checkpoints",
    multiple=True,
    metavar="FILE",
    help="Checkpoint whose feature input must fit the scaler (repeatable)  [default: every "
    ".h5/.keras in RUN_DIR]. Read without TensorFlow.",
)
@click.option(
    "--threshold",
    type=FiniteFloatRange(min=1.0),
    default=1.5,
    show_default=True,
    help="Cash-out multiplier the logged below/above accuracies are about (labels only).",
)
@click.option("-o", "--output", metavar="DIR", help="Report folder  [default: reports/<RUN_DIR>]")
@click.option("--format", "formats", help="Comma-separated: md,html  [default: md,html]")
@language_option(default="en")
@click.option(
    "--json", "json_path", metavar="PATH", help="Write the diagnosis as JSON (- = stdout)."
)
@click.option(
    "--fail-on",
    type=click.Choice(["critical", "warning"]),
    help="Exit 1 when a finding is at least this severe (for CI).",
)
@quiet_option
def history(run_dir: str | None, **params: Any) -> int:
    """Diagnose a training run from its logs: why did training fail?

    RUN_DIR is the run's output folder: its CSVLogger files (stage1.csv, stage2.csv, …),
    History dumps (*_history.json), console logs of model.fit (*.log, *.txt) and notebooks
    (*.ipynb), and its metadata (progressive_model_info.json) are read from there. It may also
    be one console log or notebook: its fit calls are the stages, its folder the run's. With
    --stage NAME=FILE the logs are given one by one instead (RUN_DIR then defaults to the
    folder of the first one). Writes history.md (learning curves beside it as PNG files) and
    history.html. No model is loaded.

    Exit codes: 0 the run was diagnosed, whatever the findings (1 with --fail-on when a finding
    is that severe), 2 usage error, 3 a log or the metadata is missing, unreadable or invalid.
    """
    from jetx_diag.files import write_files
    from jetx_diag.report.history_page import history_json, render_history
    from jetx_diag.training.console_log import parse_log_pattern
    from jetx_diag.training.run import TrainingOptions, diagnose_run

    stage_files = parse_stage_files(params["stages"])
    patterns = tuple(parse_log_pattern(text) for text in params["log_patterns"])
    if run_dir is None and not stage_files:
        raise UsageError(record("error.history.give_run_dir_logs_stage"))
    folder = Path(run_dir) if run_dir is not None else Path(next(iter(stage_files.values()))).parent
    options = TrainingOptions(
        log_patterns=patterns,
        stage_files=stage_files or None,
        metadata=params["metadata"],
        goal_metric=params["goal"],
        goal_mode=params["goal_mode"],
        monitor=parse_per_stage(params["monitors"], "--monitor"),
        patience=parse_patience(params["patiences"]),
        class_weights=parse_class_weights(params["class_weights"]),
        class_counts=parse_class_counts(params["class_counts"]),
        expected_files=tuple(params["expected_files"]) or None,
        max_overweight=params["max_overweight"],
        check_widths=True,
        scaler=params["scaler"],
        checkpoints=tuple(params["checkpoints"]) or None,
    )
    formats = parse_formats(params["formats"], FORMATS, allow_empty=False)
    _, diagnosis = diagnose_run(folder, options)

    lang = params["lang"]
    name = (folder.resolve().stem if folder.is_file() else folder.resolve().name) or "run"
    out_dir = Path(params["output"]) if params["output"] else Path("reports") / name
    outputs = render_history(
        diagnosis,
        out_dir,
        formats=formats,
        lang=lang,
        run_label=str(folder),
        threshold=f"{params['threshold']:g}",
    )
    json_path = params["json_path"]
    if json_path and json_path != "-":
        outputs.append((Path(json_path), history_json(diagnosis).encode("utf-8")))
    written = write_files(outputs)
    if json_path == "-":
        click.echo(history_json(diagnosis), nl=False)
    elif not params["quiet"]:
        print_history_summary(diagnosis, written, lang)
    return history_exit_code(diagnosis, params["fail_on"])


def print_history_summary(diagnosis: Any, written: Iterable[Path], lang: str) -> None:
    """Stage lines, critical and warning findings (info ones are counted), files written."""
    from jetx_diag.i18n.messages import messages
    from jetx_diag.report.training import training_section

    msg = messages(lang)
    section = training_section(diagnosis, msg)
    for line in section["stages"]:
        click.echo(line)
    shown = [f for f in section["findings"] if f["severity"] != "info"]
    if shown:
        click.echo(f"{section['findings_heading']}:")
        for finding in shown:
            click.echo(f"  {finding['symbol']} {finding['text']}")
    more = len(section["findings"]) - len(shown)
    if more:
        click.echo(msg("history.more_findings", count=more))
    click.echo(msg("terminal.written"))
    for path in written:
        click.echo(f"  {path}")
