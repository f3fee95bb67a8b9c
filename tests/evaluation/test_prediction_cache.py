"""Predict once, report many times: the prediction cache, its bound and `jetx-diag cache`."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import numpy as np
import pytest
from run_factory import FEATURES, Run, make_run

import jetx_diag.artifacts.keras_loader
from jetx_diag import cache_store
from jetx_diag.cli.main import run
from jetx_diag.evaluation.document import render_json
from jetx_diag.evaluation.evaluator import Evaluator
from jetx_diag.evaluation.options import EvaluationOptions, SkillOptions
from jetx_diag.results import EvaluationSettings
from jetx_diag.scoring.targets import evaluate_targets

pytestmark = pytest.mark.keras

# No simulated null here: it has its own entries (tests/evaluation/test_simulated_null_cache.py);
# these tests are about the held-out predictions alone.
FAST = SkillOptions(permutations=200, bootstrap=200, null_simulations=0)


@pytest.fixture(scope="module")
def document_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return make_run(tmp_path_factory.mktemp("run"))


def options(run_files: Run, cache: Path | None, **changes) -> EvaluationOptions:  # type: ignore[no-untyped-def]
    base = EvaluationOptions(
        data=str(run_files.history), features=FEATURES, cache_dir=cache, skill=FAST
    )
    return dataclasses.replace(base, **changes)


def as_json(evaluation) -> str:  # type: ignore[no-untyped-def]
    """Everything the saved evaluation holds, but the time it was made."""
    fixed = dataclasses.replace(evaluation, created="-")
    return render_json(fixed, evaluate_targets(fixed.metrics))


def entries(folder: Path, kind: str) -> list[Path]:
    return sorted(folder.glob(f"{kind}-*.npz"))


def refuse_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    def loaded(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise AssertionError("the model was loaded")

    monkeypatch.setattr(jetx_diag.artifacts.keras_loader, "load_checkpoint", loaded)


def test_second_report_does_not_load_or_run_the_model(
    document_run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    first = Evaluator(options(document_run, cache))
    cold = first.evaluate(str(document_run.checkpoint))
    # Validation slice and held-out rounds went through the model in one predict call.
    assert first.predict_calls == 1 and first.cache_hits == 0
    assert cold.skill is not None and cold.skill.cutoff_choice is not None
    (entry,) = entries(cache, "predictions")
    with np.load(entry, allow_pickle=False) as archive:  # numpy arrays and JSON text only
        assert {a.dtype.kind for a in (archive[n] for n in archive.files)} <= {"f", "U"}

    # Another cut-off, other bets, other targets: the same model outputs, from the cache.
    refuse_loading(monkeypatch)
    changed = options(
        document_run,
        cache,
        settings=EvaluationSettings(cutoff=0.45),
        skill=dataclasses.replace(FAST, cashout=2.0),
    )
    second = Evaluator(changed)
    warm = second.evaluate(str(document_run.checkpoint))
    assert second.predict_calls == 0 and second.cache_hits == 1
    assert np.array_equal(warm.calls.p_above, cold.calls.p_above)
    monkeypatch.undo()
    # Exactly what running the model again gives.
    fresh = Evaluator(dataclasses.replace(changed, cache_dir=None))
    assert as_json(warm) == as_json(fresh.evaluate(str(document_run.checkpoint)))
    assert fresh.predict_calls == 1


def test_what_changes_the_outputs_changes_the_key(document_run: Run, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    Evaluator(options(document_run, cache)).evaluate(str(document_run.checkpoint))
    # Other held-out rounds: the model runs again.
    other_split = Evaluator(options(document_run, cache, test_fraction=0.25))
    other_split.evaluate(str(document_run.checkpoint))
    assert other_split.predict_calls == 1
    # Other rounds in the history: the model runs again.
    shorter = tmp_path / "shorter.db"
    from jetx_diag.demo.fairgen import write_sqlite

    write_sqlite(shorter, document_run.values[:-3])
    other_data = Evaluator(options(document_run, cache, data=str(shorter)))
    other_data.evaluate(str(document_run.checkpoint))
    assert other_data.predict_calls == 1
    # Other checkpoint bytes (another seed, same shape): the model runs again.
    assert len(entries(cache, "predictions")) == 3
    # A damaged entry is recomputed, never trusted.
    for entry in entries(cache, "predictions"):
        entry.write_bytes(entry.read_bytes()[:200])
    again = Evaluator(options(document_run, cache))
    again.evaluate(str(document_run.checkpoint))
    assert again.predict_calls == 1 and again.cache_hits == 0


def test_cache_is_bounded_oldest_entries_go_first(tmp_path: Path) -> None:
    folder = tmp_path / "cache"
    folder.mkdir()
    names = ["features-a.npz", "predictions-b.npz", "features-c.npz", "predictions-d.npz"]
    for age, name in enumerate(names):
        path = folder / name
        np.savez(path, x=np.zeros(1000))  # 8 kB of data each
        os.utime(path, (1_000_000 + age, 1_000_000 + age))
    (folder / "notes.txt").write_text("not an entry", encoding="utf-8")
    size = (folder / names[0]).stat().st_size
    cache_store.touch(folder / names[0])  # used just now: evicted last
    removed = cache_store.evict(folder, max_bytes=2 * size)
    assert [e.path.name for e in removed] == ["predictions-b.npz", "features-c.npz"]
    assert sorted(p.name for p in folder.iterdir()) == [
        "features-a.npz",
        "notes.txt",
        "predictions-d.npz",
    ]
    # The entry just written survives its own write, even past the bound.
    removed = cache_store.evict(folder, max_bytes=0, keep=folder / "predictions-d.npz")
    assert [e.path.name for e in removed] == ["features-a.npz"]
    assert cache_store.max_bytes_from(2.5) == int(2.5 * 1024 * 1024)


def test_an_evaluation_keeps_the_cache_within_its_bound(document_run: Run, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    Evaluator(options(document_run, cache)).evaluate(str(document_run.checkpoint))
    assert entries(cache, "features") and entries(cache, "predictions")
    # A bound smaller than one run's entries: only the predictions just written stay.
    small = Evaluator(options(document_run, cache, test_fraction=0.25, cache_max_bytes=1))
    small.evaluate(str(document_run.checkpoint))
    assert entries(cache, "features") == []
    assert len(entries(cache, "predictions")) == 1


def test_cache_command_shows_and_clears(document_run: Run, tmp_path: Path, capfd) -> None:
    cache = tmp_path / "cache"
    base = ["report", str(document_run.checkpoint), "--data", str(document_run.history)]
    base += ["--features", FEATURES, "--permutations", "100", "--bootstrap", "100", "-q"]
    base += ["--null-simulations", "9"]  # the fair histories have a cache entry of their own
    assert run([*base, "--no-cache", "-o", str(tmp_path / "a")]) in (0, 1)
    assert not cache.exists() or not list(cache.iterdir())
    shutil.rmtree(cache, ignore_errors=True)
    assert run([*base, "--cache-dir", str(cache), "-o", str(tmp_path / "b")]) in (0, 1)
    capfd.readouterr()
    assert run(["cache", "--cache-dir", str(cache)]) == 0
    shown = capfd.readouterr().out
    assert f"cache folder: {cache}" in shown
    assert "features: 1 entries" in shown and "predictions: 1 entries" in shown
    assert "simulated: 1 entries" in shown  # the chance verdict's fair histories
    assert run(["cache", "--cache-dir", str(cache), "clear"]) == 0
    assert "removed 3 entries" in capfd.readouterr().out
    assert list(cache.glob("*.npz")) == []
    assert run(["cache", "--help"]) == 0
    assert "jetx-diag cache clear" in capfd.readouterr().out
