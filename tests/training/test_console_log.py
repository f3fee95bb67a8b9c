"""Console output of real multi-stage ``fit(verbose=1)`` runs (Keras 3 and tf_keras, through a
pseudo-terminal and a pipe) read back into stages, epochs, checkpoints and callback facts, and
checked against what each run recorded itself (``tests/console_factory.py``)."""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from console_factory import check_against_record
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.errors import LogError, UsageError
from jetx_diag.i18n.messages import messages
from jetx_diag.report.training import training_section
from jetx_diag.training.console_lines import render_line
from jetx_diag.training.console_log import (
    parse_console,
    parse_log_pattern,
    read_console_log,
)
from jetx_diag.training.run import TrainingOptions, diagnose_run

RUNS = [("keras3", "pty"), ("keras3", "pipe"), ("tf_keras", "pty"), ("tf_keras", "pipe")]


@pytest.fixture(scope="session")
def captures(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[str, str], Any]:
    from console_factory import finish_capture, start_capture

    base = tmp_path_factory.mktemp("console")
    started = [start_capture(fw, mode, base / f"{fw}-{mode}") for fw, mode in RUNS]
    return {(c.framework, c.mode): c for c in map(finish_capture, started)}


@pytest.mark.keras
@pytest.mark.parametrize(("framework", "mode"), RUNS)
def test_parsed_output_matches_the_runs_record(captures: Any, framework: str, mode: str) -> None:
    capture = captures[(framework, mode)]
    raw = capture.log.read_bytes()
    if mode == "pty" or framework == "keras3":
        assert b"\r" in raw and b"\x08" in raw  # redraws the parser had to replay
    if framework == "keras3":
        assert "━".encode() in raw and b"\x1b[" in raw
    else:
        assert b"[====" in raw
    check_against_record(read_console_log(capture.log), capture.record)


@pytest.mark.keras
def test_history_on_a_log_file_and_on_its_folder(captures: Any, tmp_path: Path, capsys) -> None:
    capture = captures[("keras3", "pty")]
    folder = tmp_path / "run"
    shutil.copytree(capture.folder, folder)
    stage2 = capture.record["stages"][1]
    link = (
        f"stage2_best.h5: stage2, epoch {stage2['saves'][-1]}, val_threshold_accuracy "
        f"{stage2['checkpoint_best']:.4g}"
    )
    for source in (folder / "train.log", folder):
        out = tmp_path / f"out-{source.name}"
        code = run(["history", str(source), "-o", str(out), "--json", str(out / "d.json")])
        assert code == ExitCode.OK, capsys.readouterr().err
        text = (out / "history.md").read_text(encoding="utf-8")
        assert f"- {link}" in text
        assert "checkpoint stage2_best.h5 |" in text  # the progress table marks the row
        assert f"`{folder / 'train.log'}`" in text  # which file was read
        stage1 = capture.record["stages"][0]
        assert f"EarlyStopping stopped it at epoch {stage1['stopped_epoch'] + 1}." in text
        document = json.loads((out / "d.json").read_text(encoding="utf-8"))["training"]
        assert [c["present"] for c in document["checkpoints"]] == [True, True]
        assert not [f for f in document["findings"] if f["code"] == "checkpoint_lost"]
    capsys.readouterr()
    (folder / "stage1_best.h5").unlink()
    out = tmp_path / "lost"
    assert run(["history", str(folder), "-o", str(out)]) == ExitCode.OK
    printed = capsys.readouterr().out
    epoch = capture.record["stages"][0]["saves"][-1]
    assert f"stage1_best.h5 was saved by stage1 at epoch {epoch} (chosen by val_loss)" in printed
    assert "lost: not in the run folder" in (out / "history.md").read_text(encoding="utf-8")


@pytest.mark.keras
def test_report_section_names_the_checkpoints_epoch(captures: Any) -> None:
    capture = captures[("tf_keras", "pty")]
    _, diagnosis = diagnose_run(capture.folder, TrainingOptions())
    stage1 = capture.record["stages"][0]
    section = training_section(diagnosis, messages("en"), label="stage1_best.h5")
    assert section["this_checkpoint"] == (
        f"This checkpoint (stage1_best.h5) holds epoch {stage1['saves'][-1]} of stage1: its last "
        f"save in the console output (val_loss {stage1['checkpoint_best']:.4g})."
    )
    assert diagnosis.stage("stage1").checkpoint_epoch == stage1["saves"][-1]
    assert diagnosis.stage("stage1").monitor_source == "console"
    tr = training_section(diagnosis, messages("tr"), label="stage1_best.h5")
    assert f"{stage1['saves'][-1]}. epoch'unu tutuyor" in tr["this_checkpoint"]


@pytest.mark.keras
def test_truncated_output_keeps_complete_epochs(captures: Any, tmp_path: Path) -> None:
    capture = captures[("tf_keras", "pipe")]
    raw = capture.log.read_bytes()
    stage2 = capture.record["stages"][1]
    last = stage2["epochs"][-1]
    header = raw.rindex(f"Epoch {last}/10".encode())
    cut = tmp_path / "cut.log"
    cut.write_bytes(raw[: header + 40])  # into the last epoch's first progress line
    log = read_console_log(cut)
    assert list(log.stages[1].epochs) == stage2["epochs"][:-1]
    line = raw[:header].count(b"\n") + 1
    assert log.stopped == f"the output stops in epoch {last} (line {line}): that epoch is left out"


@pytest.mark.keras
def test_log_pattern_reads_the_users_own_lines(captures: Any) -> None:
    capture = captures[("keras3", "pipe")]
    pattern = parse_log_pattern(r"below_share=Below 1\.5 accuracy: ([\d.]+)%")
    log = read_console_log(capture.log, patterns=[pattern])
    stage2 = log.stages[1]
    for epoch, (below, _, _) in capture.record["stages"][1]["printed"].items():
        assert stage2.columns["below_share"][stage2.epochs.index(int(epoch))] == pytest.approx(
            below / 100
        )
    assert "below_share" not in log.stages[0].columns  # stage 1 printed Turkish lines


def test_log_pattern_errors_are_usage_errors() -> None:
    for text in ("noequals", "1bad=(x)", "name=(unclosed", "name=no group", "n=(a)(b)"):
        with pytest.raises(UsageError):
            parse_log_pattern(text)
    assert parse_log_pattern(r"x=at (?P<epoch>\d+): (\d+)").name == "x"


def test_render_line_replays_redraws() -> None:
    assert render_line("abc\rxy") == "xy"  # the last drawing (Keras pads over the one before)
    assert render_line("12\rab\x08c") == "ac"
    assert render_line("abc\x08\x08Z") == "aZc"
    assert render_line("\x1b[1m6/6\x1b[0m done") == "6/6 done"


def test_no_epochs_is_an_input_error_naming_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.log"
    path.write_text("hello\nno training here\n", encoding="utf-8")
    with pytest.raises(LogError, match=re.escape(f"{path}: no Keras training epochs found")):
        read_console_log(path)
    code = run(["history", str(path), "-o", str(tmp_path / "o")])
    assert code == ExitCode.INPUT_ERROR


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(), max_size=30))
def test_random_text_raises_only_log_errors(lines: list[str]) -> None:
    with contextlib.suppress(LogError):
        parse_console(lines, "random.log")


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_raise_only_log_errors(tmp_path_factory: Any, data: bytes) -> None:
    path = tmp_path_factory.mktemp("bytes") / "random.log"
    path.write_bytes(b"Epoch 1/3\n" + data)
    with contextlib.suppress(LogError):
        read_console_log(path)


@pytest.mark.keras
def test_report_and_compare_say_which_epoch_the_checkpoint_holds(
    captures: Any, tmp_path: Path, capsys
) -> None:
    """The console log of a real run beside an evaluable checkpoint named like the one it
    saved (the run factory's model: the tool links checkpoints to epochs by file name, as it
    must in a user's folder)."""
    from run_factory import FEATURES, make_run

    run_files = make_run(tmp_path / "run")
    capture = captures[("keras3", "pty")]
    shutil.copy(capture.log, run_files.folder / "train.log")
    stage2 = capture.record["stages"][1]
    epoch, value = stage2["saves"][-1], f"{stage2['checkpoint_best']:.4g}"
    data = ["--data", str(run_files.history), "--features", FEATURES, "--no-cache", "-q"]
    out = tmp_path / "report"
    pattern = r"below_share=Below 1\.5 accuracy: ([\d.]+)%"
    run(["report", str(run_files.checkpoint), *data, "-o", str(out), "--log-pattern", pattern])
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "other columns kept as logged: " in text and "below_share" in text  # the pattern read
    assert (
        f"This checkpoint (stage2_best.h5) holds epoch {epoch} of stage2: its last save in the "
        f"console output (val_threshold_accuracy {value})."
    ) in text
    # stage1_best.h5 was saved by the run but is not in this folder.
    assert "stage1_best.h5 was saved by stage1" in text and "that checkpoint is lost" in text
    page = tmp_path / "compare"
    run(["compare", str(run_files.folder), *data, "-o", str(page)])
    compare_text = (page / "compare.md").read_text(encoding="utf-8")
    assert f"- stage2_best.h5: stage2, epoch {epoch}, val_threshold_accuracy {value}" in (
        compare_text
    )
    capsys.readouterr()
