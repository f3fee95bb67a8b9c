"""Predict once, report many times: a checkpoint's outputs on the evaluated rounds, on disk.

A report's targets, language, cut-off, formats, bet settings and statistics do not change what
the model says about a round; the checkpoint's bytes, the scaler's, the feature extractor's code,
the rounds and how they are split and transformed do. :func:`prediction_key` hashes exactly the
latter, so a second ``report`` or ``compare`` of the same checkpoint loads neither TensorFlow nor
the model. An entry holds the model's heads on the held-out rounds, its probability of "above"
on the validation slice, and what the report says about the model (inputs, outputs, parameter
count, who saved it, loader warnings) — in a numpy archive read with ``allow_pickle=False``,
checked against the rounds it is used for; anything that does not fit is recomputed.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag import __version__
from jetx_diag.cache_store import touch, write_atomic
from jetx_diag.inputs.model_inputs import InputSpec
from jetx_diag.results import ModelSummary

#: Bumped when the entry layout changes (old entries then simply miss).
FORMAT = 1
_HEADS = ("threshold", "classification", "regression")


@dataclass(frozen=True)
class CachedPredictions:
    """What a model said, and what the report says about the model, without the model."""

    specs: tuple[InputSpec, ...]
    heads: dict[str, np.ndarray]  # held-out rounds, by head
    validation_p_above: np.ndarray | None
    summary: ModelSummary
    format: str
    warnings: tuple[str, ...]


def prediction_key(**parts: Any) -> str:
    """SHA-256 of everything that changes the model's outputs (``None`` parts included, so a
    run with a scaler never matches one without)."""
    document = {"format": FORMAT, "tool": __version__, **parts}
    return hashlib.sha256(json.dumps(document, sort_keys=True).encode()).hexdigest()[:40]


def rounds_digest(values: np.ndarray, ids: np.ndarray) -> str:
    """SHA-256 of the rounds as evaluated (after the history's own row rejections)."""
    digest = hashlib.sha256(np.ascontiguousarray(values, dtype=np.float64).tobytes())
    digest.update(np.ascontiguousarray(ids, dtype=np.int64).tobytes())
    return digest.hexdigest()


def entry_path(folder: Path, key: str) -> Path:
    return folder / f"predictions-{key}.npz"


def read(folder: Path, key: str) -> CachedPredictions | None:
    """The entry for ``key``, or ``None`` when absent or unreadable (never trusted half-read)."""
    path = entry_path(folder, key)
    try:
        with np.load(path, allow_pickle=False) as archive:
            meta = json.loads(str(archive["meta"]))
            arrays = {
                name: np.asarray(archive[name], dtype=np.float64)
                for name in archive.files
                if name != "meta"
            }
        if meta.get("key") != key:
            return None
        specs = tuple(
            InputSpec(s["name"], tuple(s["shape"]), s["kind"], int(s["length"]))
            for s in meta["specs"]
        )
        heads = {h: arrays[f"head_{h}"] for h in _HEADS if f"head_{h}" in arrays}
        summary = ModelSummary(
            inputs=tuple(meta["summary"]["inputs"]),
            outputs=tuple(meta["summary"]["outputs"]),
            parameters=meta["summary"]["parameters"],
            saved_by=meta["summary"]["saved_by"],
        )
        cached = CachedPredictions(
            specs=specs,
            heads=heads,
            validation_p_above=arrays.get("validation_threshold"),
            summary=summary,
            format=str(meta["format"]),
            warnings=tuple(str(w) for w in meta["warnings"]),
        )
    except Exception:
        # Absent, cut off, not an archive, a damaged member, a key missing from the JSON:
        # whatever went wrong, the model is run again and nothing from this file is used.
        return None
    if not heads or not _consistent(cached):
        return None
    touch(path)
    return cached


def fits(cached: CachedPredictions, rows: int, validation_rows: int) -> bool:
    """Whether an entry covers exactly ``rows`` held-out rounds and the validation slice."""
    if any(array.shape[0] != int(rows) for array in cached.heads.values()):
        return False
    expected = validation_rows if "threshold" in cached.heads else 0
    got = 0 if cached.validation_p_above is None else int(cached.validation_p_above.size)
    return got == expected


def _consistent(cached: CachedPredictions) -> bool:
    rows = {array.shape[0] for array in cached.heads.values()}
    finite = all(np.all(np.isfinite(array)) for array in cached.heads.values())
    return len(rows) == 1 and finite and all(a.ndim == 2 for a in cached.heads.values())


def write(folder: Path, key: str, cached: CachedPredictions) -> Path | None:
    """Store an entry atomically; ``None`` when the folder cannot be written (only time lost)."""
    summary = cached.summary
    meta = {
        "key": key,
        "specs": [
            {"name": s.name, "shape": list(s.shape), "kind": s.kind, "length": s.length}
            for s in cached.specs
        ],
        "summary": {
            "inputs": list(summary.inputs),
            "outputs": list(summary.outputs),
            "parameters": summary.parameters,
            "saved_by": summary.saved_by,
        },
        "format": cached.format,
        "warnings": list(cached.warnings),
    }
    arrays = {f"head_{h}": np.asarray(a, dtype=np.float64) for h, a in cached.heads.items()}
    if cached.validation_p_above is not None:
        arrays["validation_threshold"] = np.asarray(cached.validation_p_above, dtype=np.float64)
    path = entry_path(folder, key)

    def dump(stream: Any) -> None:
        np.savez(stream, meta=np.asarray(json.dumps(meta)), **arrays)

    return path if write_atomic(path, dump) else None
