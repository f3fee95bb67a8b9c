"""The chance verdict's simulated null for one checkpoint: its pipeline on fair histories, cached.

The observed AUC is ranked among the AUCs the same extractor, scaler and model reach on
simulated fair histories (:mod:`jetx_diag.skill.null_simulation`). Running the model on 199
histories costs far more than the held-out predictions, so the simulated AUCs are kept in the
cache folder beside them (``simulated-<key>.npz``): a second report of the same checkpoint with
other targets, language, cut-off or formats then loads neither TensorFlow nor the model.

What the simulated AUCs depend on, and so the key: everything that keys the model's outputs
(checkpoint, scaler and extractor bytes, rounds, split, window transform, validation slice:
``prediction_key``), the held-out rounds' positions, the threshold (it decides which simulated
round ended above, and a model without a probability head is scored by its calls at it), what
the model is scored by, the number of histories, the seed, the house edge and how many rows share
one model call. The observed AUC is never cached: it is computed from the predictions each time.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag import __version__
from jetx_diag.cache_store import evict, touch, write_atomic
from jetx_diag.errors import InputError
from jetx_diag.evaluation.inputs import PreparedInputs
from jetx_diag.evaluation.options import SkillOptions
from jetx_diag.i18n.messages import record
from jetx_diag.predictions import Predictions, map_heads, predictions_from_heads, run_model
from jetx_diag.results import EvaluationSettings
from jetx_diag.scoring.metrics import is_above
from jetx_diag.skill.null_simulation import (
    BATCH_ROWS,
    SimulatedNull,
    auc,
    null_from_aucs,
    settles,
    simulated_aucs,
    stopping_counts,
)
from jetx_diag.skill.significance import ALPHA, WORSE_ALPHA

#: Bumped when the entry layout changes (old entries then simply miss).
FORMAT = 2


@dataclass(frozen=True)
class NullCache:
    """Where the simulated AUCs of one checkpoint are kept: the folder, its bound, and the
    prediction cache's key of the checkpoint (what the model's outputs depend on)."""

    folder: Path
    max_bytes: int
    prediction_key: str


@dataclass(frozen=True)
class NullOutcome:
    """The simulated null (or ``None``), why there is none, and where it came from."""

    simulated: SimulatedNull | None
    note: str | None
    from_cache: bool = False


def observed_auc(predictions: Predictions, settings: EvaluationSettings) -> float:
    """The model's AUC on the held-out rounds: of p_above, or of its 0/1 calls without one."""
    scores = (
        predictions.p_above
        if predictions.p_above is not None
        else predictions.called_above(settings.cutoff, settings.threshold).astype(float)
    )
    return auc(is_above(predictions.actual, settings.threshold), scores)


def null_key(
    cache: NullCache,
    prepared: PreparedInputs,
    predictions: Predictions,
    settings: EvaluationSettings,
    skill: SkillOptions,
) -> str:
    """SHA-256 of everything the simulated AUCs depend on (see the module docstring)."""
    assert prepared.targets is not None and prepared.history is not None
    held_out = hashlib.sha256(np.ascontiguousarray(prepared.targets, dtype=np.int64).tobytes())
    document = {
        "format": FORMAT,
        "tool": __version__,
        "predictions": cache.prediction_key,
        "history_length": int(prepared.history.size),
        "held_out": held_out.hexdigest(),
        "threshold": settings.threshold,
        "scored": "p_above" if predictions.p_above is not None else "calls",
        "simulations": skill.null_simulations,
        "seed": skill.seed,
        "house_edge": skill.house_edge,
        "batch_rows": BATCH_ROWS,
    }
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()[:40]


def entry_path(folder: Path, key: str) -> Path:
    return folder / f"simulated-{key}.npz"


def read(
    folder: Path, key: str, simulations: int, observed: float
) -> tuple[np.ndarray, str | None] | None:
    """The simulated AUCs (NaN where a history lacked an outcome) and the failure note stored
    for ``key``, or ``None`` when absent, unreadable, or neither all ``simulations`` histories
    nor a shorter run that settles both verdicts for ``observed``."""
    path = entry_path(folder, key)
    try:
        with np.load(path, allow_pickle=False) as archive:
            meta = json.loads(str(archive["meta"]))
            aucs = np.asarray(archive["aucs"], dtype=np.float64)
        note = meta["note"]
        if meta.get("key") != key or (note is not None and not isinstance(note, str)):
            return None
    except Exception:
        # Absent, cut off, not an archive, a member or a JSON key missing: the histories are
        # simulated again and nothing from this file is used.
        return None
    if note is None and (
        aucs.ndim != 1
        or not 0 < aucs.size <= simulations
        or np.any(np.abs(aucs) > 1.0)
        or (aucs.size < simulations and not settles(observed, aucs, stop_counts(simulations)))
    ):
        return None
    touch(path)
    return aucs, note


def stop_counts(simulations: int) -> tuple[int, int]:
    """Exceedances that settle the verdict's "better" and "worse" levels (sequential test)."""
    return stopping_counts(simulations, ALPHA, WORSE_ALPHA)


def write(folder: Path, key: str, aucs: np.ndarray, note: str | None) -> Path | None:
    """Store an entry atomically; ``None`` when the folder cannot be written (only time lost)."""
    meta = {"key": key, "note": note}
    path = entry_path(folder, key)

    def dump(stream: Any) -> None:
        np.savez(stream, meta=np.asarray(json.dumps(meta)), aucs=np.asarray(aucs, np.float64))

    return path if write_atomic(path, dump) else None


def simulated_null(
    model: Callable[[], Any],
    prepared: PreparedInputs,
    predictions: Predictions,
    *,
    settings: EvaluationSettings,
    skill: SkillOptions,
    source: str,
    cache: NullCache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> NullOutcome:
    """The observed AUC ranked among the pipeline's on ``skill.null_simulations`` fair histories
    of the same length and edge, or ``None`` and why not.

    ``model()``: the loaded Keras (or other) model, called only when the histories are really
    simulated: not for a cached entry, precomputed inputs, or held-out rounds of one outcome.
    ``progress(done, total)``: histories simulated so far.
    """
    if skill.null_simulations == 0:
        return NullOutcome(None, None)
    if prepared.rebuild is None or prepared.targets is None or prepared.history is None:
        return NullOutcome(None, record("record.null_precomputed"))
    observed = observed_auc(predictions, settings)
    if not np.isfinite(observed):
        return NullOutcome(None, None)  # one outcome missing: nothing to test
    key = None if cache is None else null_key(cache, prepared, predictions, settings, skill)
    stored = None
    if cache is not None and key is not None:
        stored = read(cache.folder, key, skill.null_simulations, observed)
    if stored is not None:
        aucs, note = stored
        if note is not None:
            return NullOutcome(None, note, from_cache=True)
        if progress is not None:
            progress(skill.null_simulations, skill.null_simulations)
        simulated = _ranked(observed, aucs, skill)
        return NullOutcome(simulated, None, from_cache=True)
    aucs, note = _simulate(model(), prepared, settings, skill, source, progress, observed)
    if cache is not None and key is not None:
        written = write(cache.folder, key, aucs, note)
        # The bound covers every kind of entry: features, predictions and these AUCs.
        evict(cache.folder, cache.max_bytes, keep=written)
    if note is not None:
        return NullOutcome(None, note)
    return NullOutcome(_ranked(observed, aucs, skill), None)


def _ranked(observed: float, aucs: np.ndarray, skill: SkillOptions) -> SimulatedNull:
    return null_from_aucs(
        observed,
        aucs,
        house_edge=skill.house_edge,
        seed=skill.seed,
        stop=stop_counts(skill.null_simulations),
        planned=skill.null_simulations,
    )


def _simulate(
    model: Any,
    prepared: PreparedInputs,
    settings: EvaluationSettings,
    skill: SkillOptions,
    source: str,
    progress: Callable[[int, int], None] | None,
    observed: float,
) -> tuple[np.ndarray, str | None]:
    """The pipeline's AUC on each fair history (one batched predict per group of histories),
    or no AUCs and why the pipeline could not run."""
    assert prepared.rebuild is not None and prepared.targets is not None
    assert prepared.history is not None
    rebuild = prepared.rebuild
    held_out = np.asarray(prepared.targets)
    rows = int(held_out.size)
    done = [0]

    def scores_for(histories: list[np.ndarray]) -> list[np.ndarray]:
        # Several histories, one predict: the inputs are stacked and the outputs split.
        built = [rebuild(values) for values in histories]
        stacked = {key: np.concatenate([b[key] for b in built]) for key in built[0]}
        heads = map_heads(model, run_model(model, stacked), source)
        scores = []
        for i, values in enumerate(histories):
            part = {head: array[i * rows : (i + 1) * rows] for head, array in heads.items()}
            simulated = predictions_from_heads(part, values[held_out], prepared.round_ids)
            if simulated.p_above is not None:
                scores.append(simulated.p_above)
            else:
                calls = simulated.called_above(settings.cutoff, settings.threshold)
                scores.append(calls.astype(float))
        done[0] += len(histories)
        if progress is not None:
            progress(done[0], skill.null_simulations)
        return scores

    try:
        aucs = simulated_aucs(
            scores_for,
            history_length=int(prepared.history.size),
            held_out=held_out,
            threshold=settings.threshold,
            house_edge=skill.house_edge,
            simulations=skill.null_simulations,
            seed=skill.seed,
            observed=observed,
            stop=stop_counts(skill.null_simulations),
        )
    except InputError as error:
        return np.zeros(0), record("record.null_failed", error=error)
    if progress is not None:
        progress(skill.null_simulations, skill.null_simulations)
    return aucs, None
