"""The CLI contract end to end: exit codes, one-line errors, files written, no TF noise."""

from __future__ import annotations

import json
import os
import pickle
import re
import subprocess
import sys
from pathlib import Path

import pytest
from run_factory import FEATURES, Run, make_run

from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run

pytestmark = pytest.mark.keras

EASY_TARGETS = [
    "--target", "below_accuracy>=0",
    "--target", "above_accuracy>=0",
    "--target", "money_loss_risk<=100",
    "--target", "threshold_accuracy>=0",
    "--target", "classification_accuracy>=0",
]  # fmt: skip


@pytest.fixture(scope="module")
def document_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return make_run(tmp_path_factory.mktemp("run"))


def report_args(run_files: Run, out: Path, *extra: str) -> list[str]:
    return [
        "report",
        str(run_files.checkpoint),
        "--data",
        str(run_files.history),
        "--features",
        FEATURES,
        "--no-cache",
        "--output",
        str(out),
        *extra,
    ]


def test_report_writes_files_and_misses_targets(document_run: Run, tmp_path: Path, capfd) -> None:
    code = run(report_args(document_run, tmp_path / "out", "--quiet"))
    captured = capfd.readouterr()
    assert code == ExitCode.TARGETS_MISSED, captured.err
    assert (tmp_path / "out" / "report.md").is_file()
    assert (tmp_path / "out" / "report.html").is_file()
    text = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    # 900 rounds, windows of 500: 400 samples, the last 20% = 80 held-out rounds.
    assert "80" in text
    assert "scaler_progressive.pkl" in text  # found beside the checkpoint and named
    assert "Traceback" not in captured.err
    assert "oneDNN" not in captured.err and "cuda" not in captured.err.lower()


def test_report_passes_with_targets_it_meets(document_run: Run, tmp_path: Path) -> None:
    assert run(report_args(document_run, tmp_path, "--quiet", *EASY_TARGETS)) == ExitCode.OK


def test_json_to_stdout_is_the_whole_evaluation(document_run: Run, tmp_path: Path, capfd) -> None:
    code = run(report_args(document_run, tmp_path, "--json", "-"))  # summary goes to stderr
    out = capfd.readouterr().out
    assert code == ExitCode.TARGETS_MISSED
    document = json.loads(out)
    confusion = document["evaluation"]["metrics"]["confusion"]
    assert sum(confusion.values()) == 80


@pytest.mark.parametrize(
    ("args", "code", "phrase"),
    [
        (["report", "missing.h5", "--data", "{history}"], ExitCode.INPUT_ERROR, "missing.h5"),
        (["report", "{checkpoint}", "--data", "nope.db"], ExitCode.INPUT_ERROR, "nope.db"),
        (["report", "{checkpoint}", "--data", "{history}", "--cutoff", "2"],
         ExitCode.USAGE_ERROR, "--cutoff"),
        (["report", "{checkpoint}", "--data", "{history}", "--target", "speed>=3"],
         ExitCode.USAGE_ERROR, "speed"),
        (["report", "{checkpoint}", "--bogus"], ExitCode.USAGE_ERROR, "--bogus"),
        (["report", "{checkpoint}", "--data", "{history}"], ExitCode.USAGE_ERROR, "--features"),
        (["report"], ExitCode.USAGE_ERROR, "CHECKPOINT"),
    ],
)  # fmt: skip
def test_exit_codes_for_bad_input(document_run: Run, capfd, args, code, phrase) -> None:
    filled = [
        a.format(history=document_run.history, checkpoint=document_run.checkpoint) for a in args
    ]
    result = run([*filled, "--no-cache"] if "--bogus" not in filled else filled)
    err = capfd.readouterr().err
    assert result == code, err
    assert phrase in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


class _Payload:
    def __reduce__(self):  # pragma: no cover - never executed by the loader
        return (os.system, ("touch MARKER_FROM_PAYLOAD",))


def test_pickle_payload_scaler_is_refused(
    document_run: Run, tmp_path: Path, capfd, monkeypatch
) -> None:
    scaler = tmp_path / "evil_scaler.pkl"
    scaler.write_bytes(pickle.dumps(_Payload()))
    monkeypatch.chdir(tmp_path)
    code = run(report_args(document_run, tmp_path / "out", "--scaler", str(scaler)))
    err = capfd.readouterr().err
    assert code == ExitCode.UNSAFE_INPUT, err
    assert "evil_scaler.pkl" in err
    assert not (tmp_path / "MARKER_FROM_PAYLOAD").exists()


def test_internal_error_is_one_line(monkeypatch, capfd) -> None:
    import jetx_diag.cli.report as cli_report

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom\nsecond line")

    monkeypatch.setattr(cli_report, "load_config", explode)
    assert run(["report", "x.h5"]) == ExitCode.INTERNAL_ERROR
    err = capfd.readouterr().err
    assert err.strip() == (
        "jetx-diag: internal error: RuntimeError: boom second line "
        "(run again with --debug for a traceback)"
    )


def _console_script() -> str:
    return str(Path(sys.executable).parent / "jetx-diag")


def test_installed_script_runs_from_an_unrelated_directory(tmp_path: Path) -> None:
    from jetx_diag.demo.example import document_predictions
    from jetx_diag.predictions import write_predictions_csv

    csv_path = tmp_path / "preds.csv"
    write_predictions_csv(csv_path, document_predictions())
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [_console_script(), "report", "--predictions", str(csv_path), "-o", "out", "--lang", "tr"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == ExitCode.TARGETS_MISSED, result.stderr
    assert "Para Kaybı Riski" in (elsewhere / "out" / "report.md").read_text(encoding="utf-8")


def test_predictions_only_report_never_imports_tensorflow(tmp_path: Path) -> None:
    from jetx_diag.demo.example import document_predictions
    from jetx_diag.predictions import write_predictions_csv

    csv_path = tmp_path / "preds.csv"
    write_predictions_csv(csv_path, document_predictions())
    code = (
        "import sys; from jetx_diag.cli.main import run; "
        f"c = run(['report', '--predictions', {str(csv_path)!r}, '-o', {str(tmp_path)!r}, '-q']); "
        "print(c, 'tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.stdout.split() == ["1", "False", "False"], result.stderr


def test_help_explains_and_is_cheap(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", "import sys; from jetx_diag.cli.main import run; run(['--help']); "
         "print('tensorflow' in sys.modules)"],
        capture_output=True, text=True, timeout=60, cwd=tmp_path,
    )  # fmt: skip
    assert "Exit codes" in result.stdout
    assert result.stdout.strip().endswith("False")


@pytest.mark.parametrize("command", [[], ["report"], ["compare"], ["check"], ["history"], ["demo"]])
def test_help_imports_no_heavy_library(tmp_path: Path, command: list[str]) -> None:
    """The help of the tool and of each command pulls in no heavy library."""
    heavy = ("tensorflow", "keras", "pandas", "statsmodels", "sklearn", "scipy", "matplotlib")
    code = (
        f"import sys; from jetx_diag.cli.main import run; run({[*command, '--help']!r}); "
        f"print([m for m in {heavy!r} if m in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, cwd=tmp_path
    )
    assert result.stdout.strip().splitlines()[-1] == "[]", result.stderr


def test_debug_after_the_subcommand_shows_the_traceback(monkeypatch, capfd) -> None:
    import jetx_diag.cli.report as cli_report

    def explode(*_args, **_kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(cli_report, "load_config", explode)
    assert run(["report", "x.h5", "--debug"]) == ExitCode.INTERNAL_ERROR
    err = capfd.readouterr().err
    assert "Traceback" in err and "RuntimeError: boom" in err


@pytest.mark.parametrize("command", ["report", "compare", "check", "history", "demo"])
def test_help_groups_options_and_ends_with_examples(command: str, capsys) -> None:  # type: ignore[no-untyped-def]
    assert run([command, "--help"]) == 0
    text = capsys.readouterr().out
    assert "\nExamples:\n" in text
    examples = text.split("\nExamples:\n", 1)[1]
    assert f"jetx-diag {command}" in examples
    # A target in an example is always quoted, so a shell cannot read ">" as a redirection.
    for line in examples.splitlines():
        for target in re.findall(r"--target (\S+)", line):
            assert target[0] == target[-1] == "'", line
    if command in ("report", "compare"):
        for section in ("Inputs:", "Held-out rounds and calls:", "Targets and CI gate:", "Output:"):
            assert f"\n{section}\n" in text
        assert "'below_accuracy>=80'" in text


def test_readme_quotes_every_target() -> None:
    readme = (Path(__file__).parents[2] / "README.md").read_text(encoding="utf-8")
    for target in re.findall(r"--target (\S+)", readme):
        assert target.startswith("'"), target
