"""Run-level checks of a training diagnosis: class balance and weights, the files a run left.

Pure functions from counts, weights and file names to results; :func:`diagnose` in
:mod:`jetx_diag.training.diagnosis` turns their results into findings.
"""

from __future__ import annotations

import json
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path

import h5py
import numpy as np
from numpy.typing import ArrayLike
from sklearn.utils.class_weight import compute_class_weight

from jetx_diag.artifacts.metadata import normalise_class_weights
from jetx_diag.errors import ArtifactError, UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Rate
from jetx_diag.training.findings import (
    ArtifactCheck,
    CheckpointLink,
    ClassBalance,
    ClassWeightCheck,
    Finding,
)
from jetx_diag.training.stage_log import TrainingRun

#: The files the source document's run saved (used when the metadata lists none). Stage
#: checkpoints are expected only for the run's ``stageN`` stages.
DEFAULT_RUN_FILES = ("jetx_progressive_final.h5", "scaler_progressive.pkl")
DEFAULT_METADATA_FILE = "progressive_model_info.json"
DEFAULT_CHECKPOINT = "{stage}_best.h5"

#: A file counts as present when it exists under one of these sibling suffixes (Keras 3 saves
#: ``.keras`` where Keras 2 saved ``.h5``; scalers are pickled or joblib-dumped).
ALTERNATIVE_SUFFIXES: dict[str, tuple[str, ...]] = {
    ".h5": (".keras", ".hdf5"),
    ".keras": (".h5",),
    ".pkl": (".joblib",),
    ".joblib": (".pkl",),
}


def class_balance(
    train_labels: ArrayLike | None = None, counts: Mapping[str, int] | None = None
) -> ClassBalance | None:
    """Class counts, imbalance and sklearn's balanced weights.

    ``train_labels`` are 0/1 (or bool) per training round, 1 = reached the threshold
    ("above"); ``counts`` is ``{"below": n0, "above": n1}`` (the metadata's ``class_counts``).
    ``None`` when neither is given or a class is absent.
    """
    if train_labels is not None:
        labels = np.asarray(train_labels).ravel()
        if labels.size and not np.isin(labels, (0, 1)).all():
            raise UsageError(
                record("error.checks.training_labels_must_0_1"),
                hint=record(
                    "error.checks.hint_got_values_such",
                    labels=f"{labels[~np.isin(labels, (0, 1))][0]!r}",
                ),
            )
        below, above, source = int(np.sum(labels == 0)), int(np.sum(labels == 1)), "train_labels"
    elif counts and "below" in counts and "above" in counts:
        below, above, source = int(counts["below"]), int(counts["above"]), "metadata"
        labels = np.repeat(np.array([0, 1]), [below, above])
    else:
        return None
    if below == 0 or above == 0:
        return None
    # Imported here: a report without class counts never pays for importing scikit-learn.

    weights = compute_class_weight("balanced", classes=np.array([0, 1]), y=labels)
    return ClassBalance(
        source=source,
        below=Rate(below, below + above),
        above=above,
        imbalance_ratio=max(below, above) / min(below, above),
        balanced_below_weight=float(weights[0]),
        balanced_above_weight=float(weights[1]),
    )


def check_class_weights(
    weights: Mapping[str, float],
    balance: ClassBalance | None,
    *,
    stage: str | None = None,
    max_overweight: float = 4.0,
) -> ClassWeightCheck | None:
    """Configured ``{"below": w0, "above": w1}`` against the class imbalance.

    ``overweight`` is how many times more the configured weights favour the below class than
    balanced weights do: (w0 / w1) ÷ (n_above / n_below). Flagged above ``max_overweight``
    (4 by default: the document's own upper advice, 7x for a 1:1.85 split, is 3.8), and below
    its inverse (the below class starved, which drives the model to call every round "above").
    """
    clean = normalise_class_weights(weights)
    if "below" not in clean:
        return None
    above_assumed = "above" not in clean
    above_weight = clean.get("above", 1.0)
    if above_weight <= 0:
        return None
    ratio = clean["below"] / above_weight
    overweight = None
    if balance is not None:
        # Balanced weights make the ratio above/below counts: w0/w1 = n_above/n_below.
        balanced_ratio = balance.balanced_below_weight / balance.balanced_above_weight
        overweight = ratio / balanced_ratio
    return ClassWeightCheck(
        stage=stage,
        below_weight=clean["below"],
        above_weight=above_weight,
        above_assumed=above_assumed,
        weight_ratio=ratio,
        overweight=overweight,
        flagged=overweight is not None and not 1.0 / max_overweight <= overweight <= max_overweight,
    )


def check_artifacts(run_dir: str | Path, expected: Sequence[str], source: str) -> ArtifactCheck:
    """Which of the ``expected`` file names exist in ``run_dir`` (sibling suffixes accepted)."""
    directory = Path(run_dir)
    present: list[str] = []
    missing: list[str] = []
    for name in expected:
        path = directory / name
        candidates = [path] + [
            path.with_suffix(s) for s in ALTERNATIVE_SUFFIXES.get(path.suffix.lower(), ())
        ]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            missing.append(name)
        else:
            present.append(found.name)
    return ArtifactCheck(str(directory), source, tuple(expected), tuple(present), tuple(missing))


def default_expected_files(run: TrainingRun) -> tuple[str, ...]:
    """The document's files: final model, scaler, metadata and ``stageN_best.h5`` per stage."""
    checkpoints = [
        DEFAULT_CHECKPOINT.format(stage=stage.name)
        for stage in run.stages
        if stage.name.lower().startswith("stage") and stage.name[5:].isdigit()
    ]
    return (*DEFAULT_RUN_FILES, DEFAULT_METADATA_FILE, *checkpoints)


def width_mismatch(scaler_width: int, model_width: int) -> Finding | None:
    """A finding when a scaler's feature count and the model's feature input differ."""
    if scaler_width == model_width:
        return None
    return Finding(
        "scaler_width_mismatch",
        "critical",
        None,
        {"scaler_width": int(scaler_width), "model_width": int(model_width)},
    )


def checkpoint_widths(
    scaler_width: int, widths: Mapping[str, int], scaler: str
) -> tuple[tuple[Finding, ...], tuple[str, ...]]:
    """Findings for checkpoints whose feature input differs from the scaler's width, and notes
    for those that agree."""
    findings = []
    agree = []
    for name, width in widths.items():
        if width == scaler_width:
            agree.append(name)
            continue
        numbers: dict[str, int | float | str] = {
            "checkpoint": name,
            "scaler": scaler,
            "scaler_width": int(scaler_width),
            "model_width": int(width),
        }
        findings.append(
            Finding("checkpoint_scaler_mismatch", "critical", None, numbers, items=(name,))
        )
    notes = (
        (
            record(
                "record.scaler_fits",
                scaler=scaler,
                width=int(scaler_width),
                checkpoints=", ".join(agree),
            ),
        )
        if agree
        else ()
    )
    return tuple(findings), notes


def feature_input_width(path: str | Path) -> int | None:
    """The width of a Keras checkpoint's feature input (its one ``(None, F)`` input), read from
    the model config in the file (HDF5 ``model_config`` or the ``.keras`` zip's
    ``config.json``) without TensorFlow. ``None`` when the model has no such input or several.

    Raises :class:`ArtifactError` for a file whose config cannot be read.
    """

    file = Path(path)
    try:
        if zipfile.is_zipfile(file):
            from jetx_diag.artifacts.inspection import check_keras_archive, read_member

            with zipfile.ZipFile(file) as archive:
                check_keras_archive(archive, file)  # encrypted, deflate64, bombs: refused
                text = read_member(archive, "config.json")
        else:
            with h5py.File(file, "r") as handle:
                raw = handle.attrs.get("model_config")
            if raw is None:
                raise ArtifactError(record("error.checks.holds_no_model_config_weights"), path=file)
            text = raw.decode("utf-8") if isinstance(raw, bytes) else str(raw)
        config = json.loads(text)
        shapes = _input_shapes(config)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, NotImplementedError) as error:
        # ValueError covers bad UTF-8, broken JSON and integers beyond Python's digit limit.
        raise ArtifactError(
            record("error.checks.model_config_cannot_read", error=error), path=file
        ) from None
    except RecursionError:  # a hostile config nested beyond what can be walked
        raise ArtifactError(
            record("error.checks.model_config_nested_too_deeply"), path=file
        ) from None
    widths = [shape[1] for shape in shapes if len(shape) == 2]
    return int(widths[0]) if len(widths) == 1 and isinstance(widths[0], int) else None


def _input_shapes(node: object) -> list[list[object]]:
    """Every ``InputLayer``'s batch shape in a Keras 2 or 3 model config."""
    shapes: list[list[object]] = []
    if isinstance(node, dict):
        if node.get("class_name") == "InputLayer" and isinstance(node.get("config"), dict):
            inner = node["config"]
            shape = inner.get("batch_shape") or inner.get("batch_input_shape")
            if isinstance(shape, list):
                shapes.append(shape)
        for value in node.values():
            shapes.extend(_input_shapes(value))
    elif isinstance(node, list):
        for value in node:
            shapes.extend(_input_shapes(value))
    return shapes


#: Metadata metric names of the source project → the names :class:`results.Metrics` uses.
RECORDED_ALIASES = {
    "below_15_accuracy": "below_accuracy",
    "above_15_accuracy": "above_accuracy",
    "class_accuracy": "classification_accuracy",
}


def recorded_vs_measured(
    recorded: Mapping[str, float], measured: Mapping[str, float], tolerance: float = 0.005
) -> tuple[Finding, ...]:
    """Findings for recorded metrics (fractions) that differ from measured ones by > tolerance.

    Names are compared after :data:`RECORDED_ALIASES`; metrics only one side has are skipped.
    """
    findings = []
    for key, value in recorded.items():
        name = RECORDED_ALIASES.get(key, key)
        if name not in measured:
            continue
        difference = float(measured[name]) - float(value)
        if abs(difference) > tolerance:
            findings.append(
                Finding(
                    "recorded_metric_differs",
                    "warning",
                    None,
                    {
                        "metric": name,
                        "recorded": float(value),
                        "measured": float(measured[name]),
                        "difference": difference,
                    },
                )
            )
    return tuple(findings)


def checkpoint_links(run: TrainingRun, run_dir: str | Path | None) -> tuple[CheckpointLink, ...]:
    """Each checkpoint file the console output saved, tied to its last save (stage, epoch,
    monitored value), and whether it is in ``run_dir`` (by name; the printed path may be a
    Colab path such as ``/content/stage1_best.h5``)."""
    last: dict[str, CheckpointLink] = {}
    counts: dict[str, int] = {}
    folder = None if run_dir is None else Path(run_dir)
    for stage in run.stages:
        if stage.events is None:
            continue
        for save in stage.events.saves:
            name = _file_name(save.file)
            counts[name] = counts.get(name, 0) + 1
            present = None
            if folder is not None and folder.is_dir():
                present = (folder / name).is_file() or (folder / name).is_dir()
            last.pop(name, None)  # re-inserted: links are listed in the order of last saves
            last[name] = CheckpointLink(
                file=name,
                path=save.file,
                stage=stage.name,
                epoch=save.epoch,
                monitor=save.monitor,
                value=save.value,
                saves=0,
                present=present,
            )
    return tuple(replace(link, saves=counts[link.file]) for link in last.values())


def _file_name(printed: str) -> str:
    """The file name of a printed path, POSIX or Windows (``C:\\run\\stage1_best.h5``)."""
    return printed.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1] or printed


def lost_checkpoints(links: Sequence[CheckpointLink]) -> list[Finding]:
    """A finding per checkpoint the run saved that is not in the run folder."""
    findings = []
    for link in links:
        if link.present is not False:
            continue
        numbers: dict[str, int | float | str] = {
            "file": link.file,
            "epoch": link.epoch,
            "monitor": link.monitor or "none",
        }
        finding = Finding("checkpoint_lost", "warning", link.stage, numbers, items=(link.file,))
        findings.append(finding)
    return findings
