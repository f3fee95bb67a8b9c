"""The chance verdict's simulated fair histories, run once per checkpoint and kept in the cache."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import numpy as np
import pytest
from run_factory import FEATURES, Run, make_run
from test_prediction_cache import as_json  # the saved evaluation but its time

import jetx_diag.artifacts.keras_loader
import jetx_diag.evaluation.simulated_null
from jetx_diag.evaluation.evaluator import Evaluator
from jetx_diag.evaluation.options import EvaluationOptions, SkillOptions
from jetx_diag.results import EvaluationSettings

pytestmark = pytest.mark.keras

# Nine fair histories: p-values in tenths, enough to tell one cached null from another.
SKILL = SkillOptions(permutations=100, bootstrap=100, null_simulations=9)


@pytest.fixture(scope="module")
def document_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return make_run(tmp_path_factory.mktemp("run"))


def options(run_files: Run, cache: Path | None, **changes) -> EvaluationOptions:  # type: ignore[no-untyped-def]
    base = EvaluationOptions(
        data=str(run_files.history), features=FEATURES, cache_dir=cache, skill=SKILL
    )
    return dataclasses.replace(base, **changes)


def entries(folder: Path) -> list[Path]:
    return sorted(folder.glob("simulated-*.npz"))


class Counted:
    """Counts what really loads and runs the model: the checkpoint loader and the model calls
    of the held-out predictions and of the simulated histories."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.loads = self.null_predicts = 0
        load = jetx_diag.artifacts.keras_loader.load_checkpoint
        run_model = jetx_diag.evaluation.simulated_null.run_model

        def counted_load(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.loads += 1
            return load(*args, **kwargs)

        def counted_run(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.null_predicts += 1
            return run_model(*args, **kwargs)

        monkeypatch.setattr(jetx_diag.artifacts.keras_loader, "load_checkpoint", counted_load)
        monkeypatch.setattr(jetx_diag.evaluation.simulated_null, "run_model", counted_run)


def test_second_report_runs_no_model_and_gives_the_same_verdict(
    document_run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = tmp_path / "cache"
    counted = Counted(monkeypatch)
    first = Evaluator(options(document_run, cache))
    cold = first.evaluate(str(document_run.checkpoint))
    assert counted.loads == 1 and counted.null_predicts >= 1
    assert first.predict_calls == 1 and first.null_hits == 0
    assert cold.skill is not None and cold.skill.significance.primary_test == "simulated_null"
    (entry,) = entries(cache)
    with np.load(entry, allow_pickle=False) as archive:  # numpy arrays and JSON text only
        assert archive["aucs"].shape == (9,)

    # Another cut-off, cash-out and targets: the model is neither loaded nor run.
    counted.loads = counted.null_predicts = 0
    changed = options(
        document_run,
        cache,
        settings=EvaluationSettings(cutoff=0.45),
        skill=dataclasses.replace(SKILL, cashout=2.0),
    )
    second = Evaluator(changed)
    warm = second.evaluate(str(document_run.checkpoint))
    assert counted.loads == 0 and counted.null_predicts == 0
    assert second.predict_calls == 0 and second.cache_hits == 1 and second.null_hits == 1
    assert warm.skill is not None and cold.skill is not None
    assert warm.skill.significance.simulated == cold.skill.significance.simulated
    # Exactly what running the model and the nine histories again gives.
    fresh = Evaluator(dataclasses.replace(changed, cache_dir=None))
    again = fresh.evaluate(str(document_run.checkpoint))
    assert counted.loads == 1 and counted.null_predicts >= 1
    assert as_json(warm) == as_json(again)
    assert entries(cache) == [entry]


@pytest.mark.parametrize(
    "change",
    [
        {"settings": EvaluationSettings(threshold=2.0)},
        {"skill": dataclasses.replace(SKILL, null_simulations=8)},
        {"skill": dataclasses.replace(SKILL, seed=1)},
        {"skill": dataclasses.replace(SKILL, house_edge=0.01)},
        {"test_fraction": 0.25},
    ],
    ids=["threshold", "simulations", "seed", "house_edge", "held_out_rounds"],
)
def test_a_change_in_what_the_null_depends_on_runs_the_histories_again(
    document_run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    change: dict[str, object],
) -> None:
    cache = tmp_path / "cache"
    Evaluator(options(document_run, cache)).evaluate(str(document_run.checkpoint))
    counted = Counted(monkeypatch)
    other = Evaluator(options(document_run, cache, **change))
    other.evaluate(str(document_run.checkpoint))
    assert other.null_hits == 0 and counted.null_predicts >= 1
    assert len(entries(cache)) == 2


def test_other_rounds_scaler_or_checkpoint_miss_and_a_damaged_entry_is_recomputed(
    document_run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from jetx_diag.demo.fairgen import write_sqlite

    cache = tmp_path / "cache"
    Evaluator(options(document_run, cache)).evaluate(str(document_run.checkpoint))
    counted = Counted(monkeypatch)
    # Other rounds in the history.
    shorter = tmp_path / "shorter.db"
    write_sqlite(shorter, document_run.values[:-3])
    other_data = Evaluator(options(document_run, cache, data=str(shorter)))
    other_data.evaluate(str(document_run.checkpoint))
    assert other_data.null_hits == 0
    # Other scaler bytes (the same scaler with its means moved).
    import joblib

    other_scaler = tmp_path / "other_scaler.pkl"
    scaler = joblib.load(document_run.scaler)
    scaler.mean_ = scaler.mean_ + 0.5
    joblib.dump(scaler, other_scaler)
    rescaled = Evaluator(options(document_run, cache, scaler=str(other_scaler)))
    rescaled.evaluate(str(document_run.checkpoint))
    assert rescaled.null_hits == 0
    # Other checkpoint bytes: the same model with its weights nudged, beside the same scaler.
    from jetx_diag.artifacts.keras_env import import_keras

    keras = import_keras()
    model = keras.models.load_model(document_run.checkpoint, compile=False)
    model.set_weights([w + 0.01 for w in model.get_weights()])
    nudged = document_run.folder / "nudged.h5"
    model.save(nudged)
    moved = Evaluator(options(document_run, cache))
    moved.evaluate(str(nudged))
    assert moved.null_hits == 0
    assert len(entries(cache)) == 4
    # A damaged entry is simulated again, never trusted.
    for entry in entries(cache):
        entry.write_bytes(entry.read_bytes()[:100])
    counted.null_predicts = 0
    again = Evaluator(options(document_run, cache))
    again.evaluate(str(document_run.checkpoint))
    assert again.null_hits == 0 and counted.null_predicts >= 1


def test_no_cache_folder_reads_and_writes_no_null(document_run: Run, tmp_path: Path) -> None:
    evaluator = Evaluator(options(document_run, None))
    evaluation = evaluator.evaluate(str(document_run.checkpoint))
    assert evaluator.null_hits == 0
    assert evaluation.skill is not None and evaluation.skill.significance.simulated is not None
    assert not list(tmp_path.glob("**/simulated-*.npz"))
