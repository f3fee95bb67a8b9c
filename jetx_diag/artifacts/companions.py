"""The files that travel with a checkpoint (its scaler and metadata, found beside it) and a
small probe batch shaped like its inputs."""

from __future__ import annotations

import fnmatch
import re
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.artifacts.loaded_model import TensorInfo

_SCALER_PATTERNS = ("scaler*.pkl", "*.joblib", "*.skops")
_METADATA_PATTERNS = ("*info*.json",)


def companion_candidates(checkpoint_path: str | Path) -> tuple[tuple[Path, ...], tuple[Path, ...]]:
    """Every scaler and metadata file beside a checkpoint, best first.

    Scalers: ``scaler*.pkl``, then ``*.joblib``, then ``*.skops``; metadata: ``*info*.json``.
    Names match case-insensitively; within a pattern files sort by name (case-folded, then
    exact). A file matching an earlier pattern wins, so ``scaler_progressive.pkl`` beats
    ``backup.joblib``. A model named for its role and a tag (``classifier_window_500.cbm``) puts
    the scaler of the same tag (``scaler_window_500.pkl``) first. The choice depends on names
    only, never on dates or directory order.
    """
    checkpoint = Path(checkpoint_path)
    folder = checkpoint.parent if checkpoint.name else Path(".")
    try:
        files = [f for f in folder.iterdir() if f.is_file() and f.resolve() != checkpoint.resolve()]
    except OSError:
        return (), ()
    scalers = _ranked(files, _SCALER_PATTERNS)
    tag = model_tag(checkpoint)
    if tag is not None:
        own = [f for f in scalers if _scaler_tag(f) == tag]
        scalers = (*own, *(f for f in scalers if f not in own))
    return scalers, _ranked(files, _METADATA_PATTERNS)


#: Words a model file is named by for its role; a classifier and a regressor of the same tag
#: belong together (``classifier_window_500.cbm`` and ``regressor_window_500.cbm``).
ROLE_WORDS = ("classifier", "regressor")
_ROLE = re.compile(r"(?:^|(?<=[_\-.]))(classifier|regressor)(?=$|[_\-.])", re.IGNORECASE)


def model_tag(path: str | Path) -> str | None:
    """``window_500`` for ``classifier_window_500.cbm`` (the name without its role word), or
    ``None`` for a name without a role word."""
    stem = Path(path).stem
    if not _ROLE.search(stem):
        return None
    return _ROLE.sub("", stem, count=1).strip("_-.").lower() or None


def partner_name(path: str | Path) -> str | None:
    """The file name of the other half of a classifier/regressor pair, or ``None``."""
    p = Path(path)
    match = _ROLE.search(p.stem)
    if match is None:
        return None
    word = match.group(1)
    other = "regressor" if word.lower() == "classifier" else "classifier"
    other = other.upper() if word.isupper() else other.title() if word.istitle() else other
    return p.stem[: match.start()] + other + p.stem[match.end() :] + p.suffix


def _scaler_tag(path: Path) -> str | None:
    stem = path.stem.lower()
    if not stem.startswith("scaler"):
        return None
    return stem[len("scaler") :].strip("_-.") or None


def _ranked(files: list[Path], patterns: tuple[str, ...]) -> tuple[Path, ...]:

    chosen: list[Path] = []
    for pattern in patterns:
        matches = [
            f for f in files if fnmatch.fnmatchcase(f.name.lower(), pattern) and f not in chosen
        ]
        chosen.extend(sorted(matches, key=lambda f: (f.name.casefold(), f.name)))
    return tuple(chosen)


def find_companions(checkpoint_path: str | Path) -> tuple[Path | None, Path | None]:
    """The scaler and metadata files to use beside a checkpoint (first of
    :func:`companion_candidates`), or ``None`` for each that is absent."""
    scalers, metadata = companion_candidates(checkpoint_path)
    return (scalers[0] if scalers else None, metadata[0] if metadata else None)


def probe_batch(inputs: tuple[TensorInfo, ...], rows: int = 8, seed: int = 0) -> dict[str, Any]:
    """A small finite batch shaped like the model's inputs (values in [-1, 1], seeded)."""
    rng = np.random.default_rng(seed)
    batch = {}
    for spec in inputs:
        shape = tuple(rows if i == 0 else (d or 1) for i, d in enumerate(spec.shape))
        batch[spec.name] = rng.uniform(-1.0, 1.0, size=shape).astype(np.float32)
    return batch
