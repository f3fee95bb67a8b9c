"""Checkpoints evaluated in parallel: joblib processes locally, a real Dask cluster with
--scheduler; the same evaluations, in the same order, as one by one."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from compare_factory import TEST_FROM_ID, CompareRun, make_compare_run
from keras_models import small_model
from run_factory import FEATURES, make_run

from jetx_diag.artifacts.keras_loader import load_checkpoint
from jetx_diag.cli import compare as cli_compare
from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.compare.document import load_comparison_json
from jetx_diag.evaluation import parallel as evaluate_parallel
from jetx_diag.evaluation.document import render_json
from jetx_diag.evaluation.evaluator import Evaluator
from jetx_diag.evaluation.options import EvaluationOptions, SkillOptions
from jetx_diag.inputs.signature import specs_from_checkpoint
from jetx_diag.predictions import model_input_specs
from jetx_diag.scoring.targets import evaluate_targets

pytestmark = pytest.mark.keras

FAST = SkillOptions(permutations=200, bootstrap=200)


@pytest.fixture(scope="module")
def compare_run(tmp_path_factory: pytest.TempPathFactory) -> CompareRun:
    return make_compare_run(tmp_path_factory.mktemp("compare_run"))


def as_json(evaluation) -> str:  # type: ignore[no-untyped-def]
    fixed = dataclasses.replace(evaluation, created="-")
    return render_json(fixed, evaluate_targets(fixed.metrics))


def compare_options(compare_run: CompareRun, jobs: int) -> EvaluationOptions:
    return EvaluationOptions(
        data=str(compare_run.history), test_from_id=TEST_FROM_ID, skill=FAST, jobs=jobs
    )


def evaluated(compare_run: CompareRun, jobs: int, scheduler: str | None = None):  # type: ignore[no-untyped-def]
    sources = cli_compare.gather_sources([compare_run.folder])
    return cli_compare.evaluate_sources(
        sources, compare_options(compare_run, jobs), None, scheduler=scheduler
    )


@pytest.fixture(scope="module")
def one_by_one(compare_run: CompareRun):  # type: ignore[no-untyped-def]
    return evaluated(compare_run, jobs=1)


@pytest.mark.parametrize("framework", ["keras3", "tf_keras"])
def test_input_signature_is_read_without_loading(tmp_path: Path, framework: str) -> None:
    model = small_model(framework, n_features=3, windows=(5, 7))
    path = tmp_path / "model.h5"
    model.save(path)
    assert specs_from_checkpoint(path) == model_input_specs(load_checkpoint(path).model)
    assert specs_from_checkpoint(tmp_path) is None  # not a checkpoint: the worker decides


def test_local_processes_give_the_one_by_one_result(
    compare_run: CompareRun,
    one_by_one,  # type: ignore[no-untyped-def]
) -> None:
    candidates, evaluator = evaluated(compare_run, jobs=2)
    expected, _ = one_by_one
    assert [c.source for c in candidates] == [c.source for c in expected]
    assert [as_json(c.evaluation) for c in candidates] == [as_json(c.evaluation) for c in expected]
    # Inputs were built here once per signature (windows of 1 and 2) and shared.
    assert evaluator.input_builds == 2 and evaluator.predict_calls == 4


def test_dask_cluster_gives_the_one_by_one_result(
    compare_run: CompareRun,
    one_by_one,  # type: ignore[no-untyped-def]
    tmp_path: Path,
    capfd,  # type: ignore[no-untyped-def]
) -> None:
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as cluster:
        candidates, evaluator = evaluated(compare_run, jobs=1, scheduler=cluster.scheduler_address)
        expected, _ = one_by_one
        assert [as_json(c.evaluation) for c in candidates] == [
            as_json(c.evaluation) for c in expected
        ]
        assert evaluator.predict_calls == 4
        # The command line: --scheduler ADDRESS, same ranking as without it.
        common = [
            "compare",
            str(compare_run.folder),
            "--data",
            str(compare_run.history),
            "--test-from-id",
            str(TEST_FROM_ID),
            "--no-cache",
            "--permutations",
            "200",
            "--bootstrap",
            "200",
            "--format",
            "md",
            "--no-reports",
            "-q",
        ]
        on_dask = [*common, "-o", str(tmp_path / "a"), "--json", str(tmp_path / "a.json")]
        code = run([*on_dask, "--scheduler", cluster.scheduler_address])
        assert code == ExitCode.OK, capfd.readouterr().err
    local = [*common, "-o", str(tmp_path / "b"), "--json", str(tmp_path / "b.json"), "--jobs", "1"]
    assert run(local) == ExitCode.OK

    def ranking(path: Path) -> list[str]:
        return [e.evaluation.label for e in load_comparison_json(path).entries]

    assert ranking(tmp_path / "a.json") == ranking(tmp_path / "b.json")


def test_unreachable_scheduler_is_a_usage_error(
    compare_run: CompareRun,
    monkeypatch: pytest.MonkeyPatch,
    capfd,  # type: ignore[no-untyped-def]
) -> None:
    pytest.importorskip("distributed")
    monkeypatch.setattr(evaluate_parallel, "CONNECT_TIMEOUT", 2)
    args = ["compare", str(compare_run.folder), "--data", str(compare_run.history), "-q"]
    code = run([*args, "--no-cache", "--scheduler", "tcp://127.0.0.1:9"])
    err = capfd.readouterr().err
    assert code == ExitCode.USAGE_ERROR
    assert "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err
    assert len(err.strip().splitlines()) == 1


def test_report_with_two_jobs_equals_one_job(tmp_path: Path) -> None:
    # 1,300 rounds: 800 samples; 160 held-out and 128 validation rounds go to the extractor in
    # one block, enough to be cut into chunks for two worker processes.
    document = make_run(tmp_path / "run", rounds=1300)
    results = []
    for jobs in (1, 2):
        options = EvaluationOptions(
            data=str(document.history), features=FEATURES, skill=FAST, jobs=jobs
        )
        results.append(as_json(Evaluator(options).evaluate(str(document.checkpoint))))
    assert results[0] == results[1]
