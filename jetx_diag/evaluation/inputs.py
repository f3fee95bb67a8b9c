"""Model inputs for the held-out rounds of one history, and for the validation slice before them.

:func:`prepare_inputs` splits the history (the last share of the samples, or from an id on),
builds the inputs of one input signature (windows, features, the scaler) for the held-out
rounds, and for the last ``validation_fraction`` of the samples before them, on which a cut-off
may be chosen. The two are consecutive, so they are built as one block (``batch``): one feature
extraction, and one ``predict`` call for both. Precomputed inputs (``--inputs FILE.npz``) cover
the held-out rounds only.
The ``Evaluator`` calls it once per input signature and scaler, whatever the checkpoints.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import numpy as np

from jetx_diag.errors import InputError, UsageError
from jetx_diag.evaluation.options import EvaluationOptions
from jetx_diag.history.accounting import History
from jetx_diag.i18n.messages import record
from jetx_diag.inputs.feature_cache import load_extractor
from jetx_diag.inputs.model_inputs import (
    InputSpec,
    build_inputs,
    check_finite_rows,
    first_predictable_index,
    load_npz_inputs,
    plan_split,
)
from jetx_diag.results import Split

#: A validation slice shorter than this is not worth choosing a cut-off on.
MIN_VALIDATION_ROUNDS = 30


@dataclass(frozen=True)
class ValidationSlice:
    """Model inputs for the rounds right before the held-out ones (a cut-off is chosen here)."""

    arrays: dict[str, np.ndarray]
    actual: np.ndarray
    round_ids: np.ndarray


@dataclass(frozen=True)
class PreparedInputs:
    """Model inputs for the held-out rounds, with what actually happened in them."""

    arrays: dict[str, np.ndarray]
    split: Split
    actual: np.ndarray
    round_ids: np.ndarray
    validation: ValidationSlice | None = None
    train_actual: np.ndarray | None = None  # outcomes of the samples before the held-out ones
    history: np.ndarray | None = None  # every usable round, for the randomness audit
    # The held-out rows' inputs rebuilt from another history of the same length (same windows,
    # extractor and scaler, never cached): how simulated fair histories reach the model.
    rebuild: Callable[[np.ndarray], dict[str, np.ndarray]] | None = None
    targets: np.ndarray | None = None  # the held-out rounds' indices in the history
    # The validation rows followed by the held-out rows, one array per input: what the model
    # predicts in one call. ``None``: the held-out ``arrays`` alone.
    batch: dict[str, np.ndarray] | None = None

    @property
    def validation_rows(self) -> int:
        """Rows of ``batch`` before the held-out ones."""
        return 0 if self.validation is None else int(self.validation.actual.size)

    @property
    def model_batch(self) -> dict[str, np.ndarray]:
        """Every row the model is asked about, validation slice first."""
        return self.arrays if self.batch is None else self.batch


def prepare_inputs(
    options: EvaluationOptions,
    history: History | None,
    specs: tuple[InputSpec, ...],
    scaler: Any,
    scaler_path: str | None,
    progress: Callable[[int, int], None] | None = None,
) -> PreparedInputs:
    """The held-out rounds' inputs for ``specs`` (and the validation slice's, when wanted)."""
    if options.inputs_npz is not None:
        return _npz(options, history, specs)
    assert history is not None
    first, split, targets = _split(options, history, specs)
    extractor = None
    if options.features is not None:
        extractor = load_extractor(options.features)

    def build(indices: np.ndarray) -> Any:
        arrays = build_inputs(
            history.values,
            specs,
            indices,
            transform=options.settings.window_transform,
            extractor=extractor,
            scaler=scaler,
            scaler_path=scaler_path,
            cache_dir=options.cache_dir,
            progress=progress,
            jobs=options.jobs,
        )
        check_finite_rows(arrays, str(options.data))
        return arrays

    start = int(targets[0])
    before = _validation_count(options, start, first)
    batch = validation = None
    if before:
        indices = np.arange(start - before, int(targets[-1]) + 1, dtype=np.int64)
        try:
            batch = build(indices)
        except InputError:
            # An extractor that fails on earlier rounds must not cost the held-out report; the
            # skill section then says that no cut-off could be chosen.
            batch = None
    if batch is None:
        inputs = build(targets)
    else:
        inputs = {name: array[before:] for name, array in batch.items()}
        picked = indices[:before]
        validation = ValidationSlice(
            {name: array[:before] for name, array in batch.items()},
            history.values[picked],
            history.ids[picked],
        )

    def rebuild(values: np.ndarray) -> dict[str, np.ndarray]:
        arrays = build_inputs(
            values,
            specs,
            targets,
            transform=options.settings.window_transform,
            extractor=extractor,
            scaler=scaler,
            scaler_path=scaler_path,
        )
        check_finite_rows(arrays, "a simulated fair history")
        return arrays

    return PreparedInputs(
        inputs,
        split,
        history.values[targets],
        history.ids[targets],
        validation=validation,
        train_actual=history.values[first:start],
        history=history.values,
        batch=batch,
        rebuild=rebuild,
        targets=targets,
    )


def _split(
    options: EvaluationOptions, history: History, specs: tuple[InputSpec, ...]
) -> tuple[int, Split, np.ndarray]:
    """The first sample with a full window, the split, and the held-out rounds' indices."""
    first = first_predictable_index(specs, options.min_history)
    split, targets = plan_split(
        history.ids,
        first,
        test_fraction=options.test_fraction,
        test_from_id=options.test_from_id,
        source=str(options.data),
    )
    return first, split, targets


def _validation_count(options: EvaluationOptions, start: int, first: int) -> int:
    """Rounds of the validation slice (the last ``validation_fraction`` of the samples before
    the held-out ones), or 0 when there are too few to choose a cut-off on."""
    if not options.skill.enabled:
        return 0
    count = int((start - first) * options.skill.validation_fraction)
    return count if count >= MIN_VALIDATION_ROUNDS else 0


def _npz(
    options: EvaluationOptions, history: History | None, specs: tuple[InputSpec, ...]
) -> PreparedInputs:
    source = str(options.inputs_npz)
    if history is None:
        inputs, extras = load_npz_inputs(source, specs, None)
        if "actual" not in extras:
            raise UsageError(
                record("error.inputs.inputs_file_no_actual_array"),
                path=source,
            )
        actual = np.asarray(extras["actual"], dtype=np.float64)
        n = int(actual.size)
        ids = np.asarray(extras.get("round_id", np.arange(1, n + 1)), dtype=np.int64)
        split = Split(
            n, 0, n, 0, n, int(ids[0]), int(ids[-1]), "every row of the inputs file", "all_rows"
        )
        check_finite_rows(inputs, source)
        return PreparedInputs(inputs, split, actual, ids)
    # Rows are aligned with the held-out rounds of the history, split as usual.
    first, split, targets = _split(options, history, specs)
    inputs, _ = load_npz_inputs(source, specs, int(targets.size))
    check_finite_rows(inputs, source)
    # Precomputed inputs cover the held-out rounds only: no validation slice.
    return PreparedInputs(
        inputs,
        split,
        history.values[targets],
        history.ids[targets],
        train_actual=history.values[first : int(targets[0])],
        history=history.values,
    )
