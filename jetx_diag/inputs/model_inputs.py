"""Model inputs rebuilt from a round history, matched to the model by name and shape.

A ``(None, N, 1)`` input (or a ``(None, N)`` input named like ``seq500``) is the window of the last
N multipliers before the round, transformed as the training did (``log10(x + 1e-8)`` by default).
A ``(None, F)`` input is the feature vector from the user's extractor, passed through the scaler.
Rounds are evaluated in order; the held-out rounds are the last ones (chronological split).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from numpy.lib.stride_tricks import sliding_window_view

from jetx_diag.errors import DataError, MismatchError, UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.inputs.feature_cache import FeatureExtractor, compute_features
from jetx_diag.results import Split

#: Window transforms a training script may have used; the name is recorded in the report.
TRANSFORMS: dict[str, Callable[[np.ndarray], np.ndarray]] = {
    "log10": lambda x: np.log10(x + 1e-8),
    "log": lambda x: np.log(x + 1e-8),
    "log1p": np.log1p,
    "raw": lambda x: x,
}

_WINDOW_NAME = re.compile(r"seq(?:uence)?_?(\d+)", re.IGNORECASE)

ProgressCallback = Callable[[int, int], None]


@dataclass(frozen=True)
class InputSpec:
    """One model input: what it is called, its shape, and how it is built."""

    name: str
    shape: tuple[int | None, ...]
    kind: str  # "window" or "features"
    length: int  # window length, or feature count

    def describe(self) -> str:
        dims = ", ".join("None" if d is None else str(d) for d in self.shape)
        return f"{self.name} ({dims})"


def classify_input(name: str, shape: Sequence[int | None]) -> InputSpec:
    """Decide whether an input is a window of past multipliers or a feature vector."""
    dims = tuple(shape)
    if len(dims) == 3 and dims[2] == 1 and dims[1] is not None:
        return InputSpec(name, dims, "window", int(dims[1]))
    if len(dims) == 2 and dims[1] is not None:
        if _WINDOW_NAME.fullmatch(name) and int(_WINDOW_NAME.fullmatch(name).group(1)) == dims[1]:
            return InputSpec(name, dims, "window", int(dims[1]))
        return InputSpec(name, dims, "features", int(dims[1]))
    raise MismatchError(
        record("error.model_inputs.model_input_shape_jetx_diag", name=f"{name!r}", dims=dims),
        hint=record("error.model_inputs.hint_pass_precomputed_arrays_inputs_file"),
    )


def plan_split(
    ids: np.ndarray,
    first_index: int,
    *,
    test_fraction: float | None = 0.2,
    test_from_id: int | None = None,
    source: str = "history",
) -> tuple[Split, np.ndarray]:
    """The held-out rounds: indices into the history of the rounds that are evaluated.

    Samples are rounds with at least ``first_index`` rounds before them. By default the last
    ``test_fraction`` of samples are held out, split as ``int(n * (1 - fraction))`` the way the
    training scripts split with ``shuffle=False``; ``test_from_id`` starts them at a round id.
    """
    usable = int(ids.shape[0])
    samples = usable - first_index
    if samples <= 0:
        raise DataError(
            record(
                "error.model_inputs.usable_rounds_but_model_needs",
                usable=usable,
                first_index=first_index,
            ),
            path=source,
        )
    if test_from_id is not None:
        start = int(np.searchsorted(ids, test_from_id, side="left"))
        if start >= usable:
            raise UsageError(
                record(
                    "error.model_inputs.test_id_past_last_round",
                    test_from_id=test_from_id,
                    ids=ids[-1],
                )
            )
        if start < first_index:
            raise UsageError(
                record(
                    "error.model_inputs.test_id_leaves_only_rounds",
                    test_from_id=test_from_id,
                    start=start,
                    first_index=first_index,
                )
            )
        rule, code, value = f"rounds from id {test_from_id}", "from_id", float(test_from_id)
    else:
        fraction = 0.2 if test_fraction is None else test_fraction
        if not 0.0 < fraction <= 1.0:
            raise UsageError(record("error.model_inputs.test_fraction_must_0_1", fraction=fraction))
        start = first_index + int(samples * (1.0 - fraction))
        rule, code, value = f"last {fraction:.0%} of samples", "last_fraction", 100.0 * fraction
    test_indices = np.arange(start, usable, dtype=np.int64)
    if test_indices.size == 0:
        raise DataError(record("error.model_inputs.no_held_out_rounds_left"), path=source)
    split = Split(
        usable_rounds=usable,
        first_predictable_index=first_index,
        samples=samples,
        train_samples=start - first_index,
        test_samples=int(test_indices.size),
        test_first_id=int(ids[test_indices[0]]),
        test_last_id=int(ids[test_indices[-1]]),
        rule=rule,
        rule_code=code,
        rule_value=value,
    )
    return split, test_indices


def window_batch(transformed: np.ndarray, length: int, targets: np.ndarray) -> np.ndarray:
    """Windows of ``length`` values before each target index, as a read-only view.

    ``sliding_window_view`` row ``i`` covers values ``i .. i+length-1``: the window before round
    ``t`` is row ``t - length``. Rows are taken as one slice (targets are consecutive) so no
    sample is copied; Keras copies batch by batch when it predicts.
    """
    if targets.size and targets[0] < length:
        raise DataError(
            record(
                "error.model_inputs.round_index_fewer_than_rounds",
                targets=targets[0],
                length=length,
            )
        )
    view = sliding_window_view(transformed, length)
    first, last = int(targets[0]) - length, int(targets[-1]) - length
    consecutive = last - first + 1 == targets.size
    # Not consecutive never happens from plan_split; fancy indexing then copies, still correct.
    rows = view[first : last + 1] if consecutive else view[targets - length]
    return rows[..., np.newaxis]


def build_inputs(
    values: np.ndarray,
    specs: Sequence[InputSpec],
    targets: np.ndarray,
    *,
    transform: str = "log10",
    extractor: FeatureExtractor | None = None,
    scaler: Any | None = None,
    scaler_path: str | None = None,
    cache_dir: Path | None = None,
    progress: ProgressCallback | None = None,
    jobs: int = 1,
) -> dict[str, np.ndarray]:
    """Arrays for every model input, one row per target round (``jobs``: worker processes
    for the feature extractor)."""
    if transform not in TRANSFORMS:
        raise UsageError(
            record("error.model_inputs.unknown_window_transform", transform=f"{transform!r}"),
            hint=record("error.common.hint_one_of", choices=", ".join(TRANSFORMS)),
        )
    arrays: dict[str, np.ndarray] = {}
    transformed: np.ndarray | None = None
    for spec in specs:
        if spec.kind == "window":
            if transformed is None:
                transformed = TRANSFORMS[transform](np.asarray(values, dtype=np.float64))
            batch = window_batch(transformed, spec.length, targets)
            arrays[spec.name] = batch if len(spec.shape) == 3 else batch[..., 0]
        else:
            arrays[spec.name] = _features_for(
                spec, values, targets, extractor, scaler, scaler_path, cache_dir, progress, jobs
            )
    return arrays


def _features_for(
    spec: InputSpec,
    values: np.ndarray,
    targets: np.ndarray,
    extractor: FeatureExtractor | None,
    scaler: Any | None,
    scaler_path: str | None,
    cache_dir: Path | None,
    progress: ProgressCallback | None,
    jobs: int = 1,
) -> np.ndarray:
    if extractor is None:
        raise UsageError(
            record("error.model_inputs.model_feature_input_no_feature", describe=spec.describe()),
            hint=record("error.model_inputs.hint_pass_features_module_callable_precomputed"),
        )
    names, matrix = compute_features(extractor, values, targets, cache_dir, progress, jobs)
    scaler_width = getattr(scaler, "n_features_in_", None) if scaler is not None else None
    widths = {"extractor": matrix.shape[1], "model": spec.length}
    if scaler_width is not None:
        widths["scaler"] = int(scaler_width)
    if len(set(widths.values())) > 1:
        raise MismatchError(
            record("error.model_inputs.feature_counts_disagree_scaler", **widths)
            if scaler_width is not None
            else record("error.model_inputs.feature_counts_disagree", **widths),
            path=scaler_path or extractor.name,
            hint=record("error.model_inputs.hint_extractor_scaler_model_must_come"),
        )
    if scaler is None:
        return matrix
    return _scale(scaler, names, matrix, scaler_path)


#: Largest magnitude a float32 holds: models compute in float32, so a bigger scaled value turns
#: into infinity inside the model, and its NaN output would wrongly be blamed on the checkpoint.
_FLOAT32_MAX = float(np.finfo(np.float32).max)


def _scale(
    scaler: Any, names: Sequence[str], matrix: np.ndarray, scaler_path: str | None
) -> np.ndarray:
    fitted_names = getattr(scaler, "feature_names_in_", None)
    frame: Any = matrix
    if fitted_names is not None:
        missing = [n for n in fitted_names if n not in set(names)]
        if missing:
            raise MismatchError(
                record(
                    "error.model_inputs.scaler_fitted_features_extractor_does",
                    missing=", ".join(map(str, missing[:5])) + (" …" if len(missing) > 5 else ""),
                ),
                path=scaler_path,
            )
        frame = pd.DataFrame(matrix, columns=list(names))[list(fitted_names)]
    try:
        with np.errstate(all="ignore"):
            scaled = np.asarray(scaler.transform(frame), dtype=np.float64)
    except Exception as error:  # a damaged or edited scaler fails in any of sklearn's ways
        text = " ".join(str(error).split())[:200] or type(error).__name__
        raise MismatchError(
            record(
                "error.model_inputs.scaler_cannot_transform_features",
                shape=matrix.shape[1],
                name__=type(error).__name__,
                text=text,
            ),
            path=scaler_path,
        ) from None
    if scaled.shape != matrix.shape:
        raise MismatchError(
            record(
                "error.model_inputs.scaler_turned_features_into_array",
                shape=matrix.shape[1],
                shape2=scaled.shape,
            ),
            path=scaler_path,
        )
    if not np.all(np.isfinite(scaled)):
        bad = int(np.sum(~np.isfinite(scaled)))
        raise MismatchError(
            record("error.model_inputs.scaler_produced_non_finite_values", bad=bad),
            path=scaler_path,
        )
    too_big = np.abs(scaled) > _FLOAT32_MAX
    if too_big.any():
        raise MismatchError(
            record(
                "error.model_inputs.scaler_produced_values_too_large",
                sum=int(too_big.sum()),
                max=f"{float(np.abs(scaled).max()):.3g}",
            ),
            path=scaler_path,
            hint=record("error.model_inputs.hint_statistics_probably_damaged_scale_near"),
        )
    return scaled


def longest_window(specs: Sequence[InputSpec]) -> int:
    """Rounds of history the model needs before it can predict a round."""
    return max((s.length for s in specs if s.kind == "window"), default=0)


def first_predictable_index(specs: Sequence[InputSpec], min_history: int | None = None) -> int:
    """The index of the first round every input can be built for."""
    need = longest_window(specs)
    if any(s.kind == "features" for s in specs):
        need = max(need, 1)  # an extractor needs at least one past round
    if min_history is not None:
        need = max(need, min_history)
    return need


def load_npz_inputs(
    path: str | Path, specs: Sequence[InputSpec], expected_rows: int | None
) -> tuple[dict[str, np.ndarray], dict[str, np.ndarray]]:
    """Precomputed inputs by name; returns (model inputs, extra arrays such as ``actual``)."""
    try:
        with np.load(path, allow_pickle=False) as archive:
            arrays = {name: archive[name] for name in archive.files}
    except FileNotFoundError:
        raise UsageError(record("error.model_inputs.inputs_file_not_found"), path=path) from None
    except (OSError, ValueError) as error:
        raise DataError(
            record("error.model_inputs.not_readable_npz_file", error=error), path=path
        ) from None
    missing = [s.name for s in specs if s.name not in arrays]
    if missing:
        raise MismatchError(
            record(
                "error.model_inputs.no_array_for_inputs",
                count=len(missing),
                missing=", ".join(missing),
            ),
            path=path,
            hint=record("error.model_inputs.hint_arrays_file", arrays=", ".join(sorted(arrays))),
        )
    inputs = {s.name: np.asarray(arrays[s.name], dtype=np.float32) for s in specs}
    rows = {name: a.shape[0] for name, a in inputs.items()}
    if "actual" in arrays:
        rows["actual"] = arrays["actual"].shape[0]
    held_out = expected_rows if "actual" not in arrays else None
    if len(set(rows.values()) | ({held_out} if held_out is not None else set())) > 1:
        listed = ", ".join(f"{k} {v}" for k, v in rows.items())
        raise MismatchError(
            record("error.model_inputs.row_counts_disagree", value=listed)
            if held_out is None
            else record(
                "error.model_inputs.row_counts_disagree_held_out", value=listed, rounds=held_out
            ),
            path=path,
        )
    for spec in specs:
        got = inputs[spec.name].shape[1:]
        want = spec.shape[1:]
        if len(got) != len(want) or any(
            w is not None and g != w for g, w in zip(got, want, strict=True)
        ):
            raise MismatchError(
                record(
                    "error.model_inputs.array_shape_model_expects",
                    name=f"{spec.name!r}",
                    shape=inputs[spec.name].shape,
                    shape2=spec.shape,
                ),
                path=path,
            )
    extras = {k: v for k, v in arrays.items() if k not in inputs}
    return inputs, extras


def check_finite_rows(arrays: Mapping[str, np.ndarray], source: str) -> None:
    """Refuse inputs holding NaN/inf: the model's output on them would mean nothing."""
    for name, array in arrays.items():
        if not np.all(np.isfinite(array)):
            count = int(np.sum(~np.isfinite(array)))
            raise DataError(
                record(
                    "error.model_inputs.input_holds_non_finite_values",
                    name=f"{name!r}",
                    count=count,
                ),
                path=source,
            )
