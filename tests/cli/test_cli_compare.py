"""``jetx-diag compare`` and ``jetx-diag check`` end to end on four real checkpoints.

The checkpoints and the history come from ``compare_factory`` (every number known by hand):
sharp.h5 is always right, loose.h5 misses 5 of the 50 held-out "above" rounds, inverted.h5 is
always wrong, collapsed.h5 says "above" on every round. One compare run is shared by the tests
that read its files.
"""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
import xmlschema
from compare_factory import TEST_FROM_ID, CompareRun, make_compare_run
from run_factory import FEATURES, make_run

from jetx_diag.cli import compare as cli_compare
from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.compare.document import load_comparison_json
from jetx_diag.compare.ranking import ranking_rows
from jetx_diag.evaluation import evaluator as evaluate
from jetx_diag.evaluation import parallel as evaluate_parallel
from jetx_diag.evaluation.options import EvaluationOptions
from jetx_diag.report.step_summary import STEP_SUMMARY_LIMIT

pytestmark = pytest.mark.keras

SCHEMA = xmlschema.XMLSchema(Path(__file__).parents[1] / "junit.xsd")
RANKED = ["sharp.h5", "loose.h5", "inverted.h5", "collapsed.h5"]


@pytest.fixture(autouse=True)
def _no_step_summary(monkeypatch: pytest.MonkeyPatch) -> None:
    # A test run inside GitHub Actions must not write into the job's own summary.
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)


@pytest.fixture(scope="module")
def compare_run(tmp_path_factory: pytest.TempPathFactory) -> CompareRun:
    return make_compare_run(tmp_path_factory.mktemp("compare_run"))


def data_args(run_files: CompareRun) -> list[str]:
    return ["--data", str(run_files.history), "--test-from-id", str(TEST_FROM_ID), "--no-cache"]


@dataclass(frozen=True)
class Compared:
    code: int
    out: Path
    summary: Path
    evaluators: list[evaluate.Evaluator]


@pytest.fixture(scope="module")
def compared(compare_run: CompareRun, tmp_path_factory: pytest.TempPathFactory) -> Compared:
    """One compare of the checkpoint folder with every output, the step summary and a record
    of the Evaluators created (to count input builds)."""
    out = tmp_path_factory.mktemp("compared")
    summary = out / "step_summary.md"
    created: list[evaluate.Evaluator] = []

    class Recording(evaluate.Evaluator):
        def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
            super().__init__(*args, **kwargs)
            created.append(self)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evaluate, "Evaluator", Recording)
        # Several checkpoints go to worker processes; this process builds their inputs.
        patch.setattr(evaluate_parallel, "Evaluator", Recording)
        patch.setenv("GITHUB_STEP_SUMMARY", str(summary))
        code = run(
            [
                "compare",
                str(compare_run.folder),
                *data_args(compare_run),
                "-o",
                str(out / "page"),
                "--format",
                "md,html,json",
                "--json",
                str(out / "compare.json"),
                "--junit",
                str(out / "junit.xml"),
                "--quiet",
            ]
        )
    return Compared(code, out, summary, created)


def test_compare_picks_the_right_checkpoint_and_reports_the_collapse(compared: Compared) -> None:
    assert compared.code == ExitCode.OK  # the best checkpoint meets every applicable target
    comparison = load_comparison_json(compared.out / "compare.json")
    assert [e.label for e in comparison.entries] == RANKED
    assert comparison.decided_by == "threshold_accuracy"
    assert comparison.entry("collapsed.h5").collapsed_to == "above"
    # Picking the best of four is four tries: each "better than chance" p is corrected for 4.
    assert {e.evaluation.skill.settings.tests_tried for e in comparison.entries} == {4}
    page = (compared.out / "page" / "compare.md").read_text(encoding="utf-8")
    assert "**Best: sharp.h5**" in page
    assert (
        "Ahead of loose.h5 on 'highest threshold accuracy': 100.00% (100/100) against "
        "95.00% (95/100)." in page
    )
    assert (
        "collapsed.h5 calls 'above 1.5' on 100.00% (100/100) of the held-out rounds: it has "
        "collapsed onto one class" in page
    )
    # 5 discordant rounds, all for sharp: exact p = 2 × 0.5⁵ = 0.0625, Holm keeps it → no
    # evidence that sharp beats loose; against the other two the evidence is overwhelming.
    pairs = {p.other: p.result for p in comparison.pairs}
    assert (pairs["loose.h5"].model_only_correct, pairs["loose.h5"].baseline_only_correct) == (5, 0)
    assert pairs["loose.h5"].p_value_adjusted == pytest.approx(0.0625)
    assert [pairs[k].outcome for k in RANKED[1:]] == ["indistinguishable", "better", "better"]
    assert "McNemar's test cannot tell sharp.h5 apart from loose.h5" in page


def test_inputs_are_built_once_per_signature(compared: Compared) -> None:
    (evaluator,) = compared.evaluators  # one Evaluator for all four checkpoints
    # sharp, inverted and collapsed read a window of 1 round, loose a window of 2.
    assert evaluator.input_builds == 2


def test_checkpoints_sharing_a_scaler_share_their_inputs(tmp_path: Path) -> None:
    # A feature model with its scaler beside it (found as a companion for each checkpoint, so
    # loaded afresh each time): the features are still extracted and scaled once.
    document = make_run(tmp_path / "run", rounds=700)
    twin = document.folder / "stage1_best.h5"
    shutil.copy(document.checkpoint, twin)
    options = EvaluationOptions(data=str(document.history), features=FEATURES)
    sources = cli_compare.gather_sources([document.folder])
    assert [s.path.name for s in sources] == ["stage1_best.h5", "stage2_best.h5"]
    tasks: list[tuple[str, int, int]] = []
    candidates, evaluator = cli_compare.evaluate_sources(
        sources, options, lambda task, done, total: tasks.append((task, done, total))
    )
    assert evaluator.input_builds == 1
    # The progress display names the checkpoint being evaluated.
    assert ("checkpoint 1/2: stage1_best.h5", 0, 1) in tasks
    assert ("checkpoint 2/2: stage2_best.h5", 1, 1) in tasks
    assert {a.role for a in candidates[0].evaluation.artifacts} >= {"checkpoint", "scaler"}
    assert candidates[0].evaluation.calls == candidates[1].evaluation.calls  # same model bytes


def test_files_shared_by_the_checkpoints_are_read_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The history is hashed, and the run's metadata read, once per comparison."""
    import jetx_diag.artifacts.metadata
    import jetx_diag.artifacts.sniffing

    document = make_run(tmp_path / "run", rounds=700)
    shutil.copy(document.checkpoint, document.folder / "stage1_best.h5")
    hashed: list[str] = []
    read: list[str] = []
    sha256_file = jetx_diag.artifacts.sniffing.sha256_file
    load_metadata = jetx_diag.artifacts.metadata.load_metadata

    def counting_hash(path):  # type: ignore[no-untyped-def]
        hashed.append(Path(path).name)
        return sha256_file(path)

    def counting_read(path):  # type: ignore[no-untyped-def]
        read.append(Path(path).name)
        return load_metadata(path)

    monkeypatch.setattr(evaluate, "sha256_file", counting_hash)
    monkeypatch.setattr(evaluate, "load_metadata", counting_read)
    options = EvaluationOptions(data=str(document.history), features=FEATURES)
    sources = cli_compare.gather_sources([document.folder])
    candidates, _ = cli_compare.evaluate_sources(sources, options, None)
    assert len(candidates) == 2
    assert hashed.count(document.history.name) == 1
    assert read == [document.metadata.name]
    data = [a for c in candidates for a in c.evaluation.artifacts if a.role == "data"]
    assert len(data) == 2 and data[0].sha256 == data[1].sha256 == sha256_file(document.history)
    metadata = [a for c in candidates for a in c.evaluation.artifacts if a.role == "metadata"]
    assert [a.path for a in metadata] == [str(document.metadata)] * 2


def test_page_links_each_checkpoints_report(compared: Compared) -> None:
    page = compared.out / "page"
    html = (page / "compare.html").read_text(encoding="utf-8")
    links = [link for link in re.findall(r'<a href="([^"]+)"', html) if not link.startswith("#")]
    assert links == [f"{Path(label).stem}/report.html" for label in RANKED]
    for link in links:
        assert (page / link).is_file()
        assert (page / link).with_name("report.json").is_file()
    assert 'src="data:image/png;base64,' in html and "<link" not in html


def test_compare_from_saved_json_gives_the_same_table(
    compared: Compared, compare_run: CompareRun, tmp_path: Path, monkeypatch
) -> None:
    created: list[object] = []
    monkeypatch.setattr(evaluate, "Evaluator", lambda *a, **k: created.append(a))
    saved = [compared.out / "page" / Path(label).stem / "report.json" for label in reversed(RANKED)]
    code = run(["compare", *map(str, saved), "-o", str(tmp_path / "a"), "--json",
                str(tmp_path / "a.json"), "-q", "--no-reports"])  # fmt: skip
    assert code == ExitCode.OK
    assert created == []  # no --data, no Evaluator: no model was reloaded
    original = load_comparison_json(compared.out / "compare.json")
    from_json = load_comparison_json(tmp_path / "a.json")
    assert ranking_rows(from_json) == ranking_rows(original)
    assert from_json.pairs == original.pairs
    assert {e.source_kind for e in from_json.entries} == {"json"}
    # A saved comparison is a source too: its entries come back as they were.
    code = run(["compare", str(compared.out / "compare.json"), "-o", str(tmp_path / "b"),
                "--json", str(tmp_path / "b.json"), "-q", "--lang", "tr",
                "--no-reports"])  # fmt: skip
    assert code == ExitCode.OK
    assert ranking_rows(load_comparison_json(tmp_path / "b.json")) == ranking_rows(original)
    table = (tmp_path / "b" / "compare.md").read_text(encoding="utf-8")
    assert "**En iyi: sharp.h5**" in table


def test_json_to_stdout_is_the_comparison_alone(compared: Compared, tmp_path: Path, capfd) -> None:
    saved = str(compared.out / "compare.json")
    code = run(["compare", saved, "--json", "-", "-o", str(tmp_path), "--no-reports"])
    captured = capfd.readouterr()
    assert code == ExitCode.OK
    document = json.loads(captured.out)  # nothing else on stdout
    assert document["format_version"] == 1
    assert [e["evaluation"]["label"] for e in document["comparison"]["entries"]] == RANKED
    assert "Best: sharp.h5" in captured.err  # the terminal summary went to stderr


def test_junit_has_one_valid_suite_per_checkpoint(compared: Compared) -> None:
    path = compared.out / "junit.xml"
    SCHEMA.validate(str(path))
    suites = ET.parse(path).getroot().findall("testsuite")
    assert [s.get("name") for s in suites] == RANKED
    failed = [
        [c.get("name") for c in s.findall("testcase") if c.find("failure") is not None]
        for s in suites
    ]
    targets = ["below_accuracy", "above_accuracy", "money_loss_risk", "threshold_accuracy"]
    assert [[name for name in names if name in targets] for names in failed] == [
        [],
        [],
        targets,  # inverted: always wrong
        ["below_accuracy", "money_loss_risk", "threshold_accuracy"],  # collapsed: 100% above
    ]
    for suite in suites:  # classification: skipped, the checkpoints have no 3-class head
        case = suite.find("testcase[@name='classification_accuracy']")
        assert case.find("skipped") is not None


def test_step_summary_is_written_and_bounded(compared: Compared) -> None:
    text = compared.summary.read_text(encoding="utf-8")
    assert text.startswith("# 🏁 Checkpoint comparison — 4 checkpoints")
    assert "**Best: sharp.h5**" in text and "compare.classes.png" not in text
    assert len(text) < STEP_SUMMARY_LIMIT


# --------------------------------------------------------------------------- ratchet


def test_baseline_ratchet_exit_6_and_its_tolerance(
    compared: Compared, compare_run: CompareRun, tmp_path: Path
) -> None:
    baseline = str(compared.out / "compare.json")  # its best: sharp.h5
    loose = str(compare_run.checkpoints["loose"])
    common = ["compare", loose, *data_args(compare_run), "--baseline", baseline, "-q",
              "--no-reports", "--format", "md"]  # fmt: skip
    # loose against sharp: above accuracy 90.00% vs 100.00% (−10 points), threshold
    # accuracy 95.00% vs 100.00% (−5 points).
    assert run([*common, "-o", str(tmp_path / "a")]) == ExitCode.WORSE_THAN_BASELINE
    page = (tmp_path / "a" / "compare.md").read_text(encoding="utf-8")
    assert "2 metrics got worse than the baseline by more than 0 points." in page
    assert "| **Above-1.5 accuracy** | 100.00% (50/50) | **90.00% (45/50)** |" in page
    assert run([*common, "--tolerance", "9.99", "-o", str(tmp_path / "b")]) == 6
    assert run([*common, "--tolerance", "10", "-o", str(tmp_path / "c")]) == ExitCode.OK
    page = (tmp_path / "c" / "compare.md").read_text(encoding="utf-8")
    assert "No metric got worse by more than 10 points." in page


def test_report_with_baseline(compared: Compared, compare_run: CompareRun, tmp_path: Path) -> None:
    baseline = compared.out / "page" / "sharp" / "report.json"
    summary = tmp_path / "summary.md"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("GITHUB_STEP_SUMMARY", str(summary))
        code = run(["report", str(compare_run.checkpoints["loose"]), *data_args(compare_run),
                    "--baseline", str(baseline), "--tolerance", "7.5", "-o", str(tmp_path),
                    "-q"])  # fmt: skip
    assert code == ExitCode.WORSE_THAN_BASELINE  # above accuracy lost 10 points > 7.5
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## 📐 Against the baseline" in report
    assert "more than 7.5 percentage points" in report
    assert "❌ 1 metric got worse than the baseline by more than 7.5 points." in report
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("# 📊 Model evaluation report — loose.h5")
    assert "Against the baseline" in text and "report.confusion.png" not in text


# --------------------------------------------------------------------------- check


def write_setup_cfg(folder: Path, body: str) -> None:
    (folder / "setup.cfg").write_text(body, encoding="utf-8")


def test_check_reads_everything_from_setup_cfg(
    compare_run: CompareRun, tmp_path: Path, monkeypatch
) -> None:
    shutil.copy(compare_run.history, tmp_path / "history.db")
    models = tmp_path / "models"
    models.mkdir()
    for name in ("sharp", "loose"):
        shutil.copy(compare_run.checkpoints[name], models / f"{name}.h5")
    write_setup_cfg(
        tmp_path,
        "[metadata]\nname = someone-elses-project\n\n"
        "[jetx_diag]\ncheckpoints = models/loose.h5, models/sharp.h5\ndata = history.db\n"
        "test_from_id = 101\noutput = ci-out\njunit = ci-out/junit.xml\njson = ci-out/cmp.json\n"
        "\n[jetx_diag:targets]\nthreshold_accuracy = >= 99\n",
    )
    monkeypatch.chdir(tmp_path)
    assert run(["check", "-q"]) == ExitCode.OK
    comparison = load_comparison_json(tmp_path / "ci-out" / "cmp.json")
    assert [e.label for e in comparison.entries] == ["sharp.h5", "loose.h5"]
    threshold = next(
        r for r in comparison.entry("loose.h5").verdict.results
        if r.target.metric == "threshold_accuracy"
    )  # fmt: skip
    assert (threshold.target.value, threshold.status) == (99.0, "missed")  # 95% < 99%
    SCHEMA.validate(str(tmp_path / "ci-out" / "junit.xml"))
    assert (tmp_path / "ci-out" / "compare.html").is_file()

    # One checkpoint and a baseline: the report command's work, exit 6 when worse.
    write_setup_cfg(
        tmp_path,
        "[jetx_diag]\ncheckpoint = models/loose.h5\ndata = history.db\ntest_from_id = 101\n"
        "output = one\nbaseline = ci-out/cmp.json\ntolerance = 5\n",
    )
    assert run(["check", "-q"]) == ExitCode.WORSE_THAN_BASELINE
    assert "more than 5 percentage points" in (tmp_path / "one" / "report.md").read_text(
        encoding="utf-8"
    )


def test_check_that_cannot_load_a_checkpoint_exits_3(
    compare_run: CompareRun, tmp_path: Path, monkeypatch, capfd
) -> None:
    data = compare_run.checkpoints["sharp"].read_bytes()
    (tmp_path / "cut.h5").write_bytes(data[: len(data) // 2])  # a download cut short
    write_setup_cfg(
        tmp_path,
        f"[jetx_diag]\ncheckpoint = cut.h5\ndata = {compare_run.history}\ntest_from_id = 101\n",
    )
    monkeypatch.chdir(tmp_path)
    assert run(["check"]) == ExitCode.INPUT_ERROR
    err = capfd.readouterr().err
    assert "cut.h5" in err and "truncated" in err and len(err.strip().splitlines()) == 1


def test_check_without_a_section_is_a_usage_error(tmp_path: Path, monkeypatch, capfd) -> None:
    write_setup_cfg(tmp_path, "[metadata]\nname = x\n")
    monkeypatch.chdir(tmp_path)
    assert run(["check"]) == ExitCode.USAGE_ERROR
    assert "no [jetx_diag] section" in capfd.readouterr().err


@pytest.mark.parametrize(
    ("args", "code", "phrase"),
    [
        (["compare"], ExitCode.USAGE_ERROR, "nothing to compare"),
        (["compare", "{empty}"], ExitCode.INPUT_ERROR, "no checkpoint in this folder"),
        (["compare", "{missing}"], ExitCode.INPUT_ERROR, "no such file or directory"),
        (["compare", "{history}"], ExitCode.INPUT_ERROR, "unknown type"),
        (["compare", "{sharp}", "--rank-by", "speed"], ExitCode.USAGE_ERROR, "speed"),
    ],
)
def test_compare_errors_are_one_line(
    compare_run: CompareRun, tmp_path: Path, monkeypatch, capfd, args, code, phrase
) -> None:
    monkeypatch.chdir(tmp_path)  # no config file here
    (tmp_path / "empty").mkdir()
    values = {
        "empty": tmp_path / "empty",
        "missing": tmp_path / "nope.h5",
        "history": compare_run.history,
        "sharp": compare_run.checkpoints["sharp"],
    }
    filled = [a.format(**values) for a in args]
    assert run([*filled, *data_args(compare_run)]) == code
    err = capfd.readouterr().err
    assert phrase in err and len(err.strip().splitlines()) == 1, err


def test_help_lists_the_commands_and_exit_code_6() -> None:
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", "from jetx_diag.cli.main import run; run(['--help'])"],
        capture_output=True, text=True, timeout=60,
    )  # fmt: skip
    assert "compare" in result.stdout and "check" in result.stdout
    assert "6 worse than the baseline" in result.stdout
