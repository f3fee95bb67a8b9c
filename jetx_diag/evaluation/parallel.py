"""Many checkpoints on one history, evaluated in parallel: joblib locally, Dask on a cluster.

A hyper-parameter search leaves hundreds of checkpoints. This process reads the history once and
builds the model inputs once per input signature (read from each checkpoint's config without
TensorFlow, :mod:`jetx_diag.inputs.signature`); the workers get them as one shared object and only
load, predict and measure. Locally the workers are joblib's loky processes (``jobs`` of them);
with a Dask scheduler address (the ``[distributed]`` extra) the shared object is scattered to
every worker once and one task per checkpoint runs on the cluster. Either way the evaluations
come back in the order of the checkpoints, equal to evaluating them one by one here.

Window inputs travel as the history they are views of (a window matrix is ``window`` times the
history's size); the workers take the same views again.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.errors import UsageError
from jetx_diag.evaluation.evaluator import Evaluator
from jetx_diag.evaluation.inputs import PreparedInputs, ValidationSlice
from jetx_diag.evaluation.options import EvaluationOptions, Progress
from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import record
from jetx_diag.inputs.model_inputs import TRANSFORMS, InputSpec, window_batch
from jetx_diag.inputs.signature import specs_from_checkpoint

#: Seconds to wait for a Dask scheduler to answer.
CONNECT_TIMEOUT = 30


@dataclass(frozen=True)
class Shared:
    """What every worker needs besides its checkpoint: built once, sent once per worker."""

    options: EvaluationOptions
    history: Any  # jetx_diag.history.accounting.History, or None with --inputs alone
    data_sha: str | None
    inputs: dict[tuple[Any, ...], PreparedInputs]


@dataclass
class Outcome:
    """One checkpoint's evaluation and what it cost."""

    evaluation: Evaluation
    predict_calls: int
    cache_hits: int


def evaluate_checkpoints(
    paths: Sequence[Path],
    options: EvaluationOptions,
    progress: Progress | None = None,
    *,
    scheduler: str | None = None,
) -> tuple[list[Evaluation], Evaluator]:
    """Evaluations of ``paths`` in order, and the evaluator that built the shared inputs."""
    evaluator = Evaluator(options, progress)
    for path in paths:
        _prepare(evaluator, path)
    shared = Shared(
        dataclasses.replace(options, jobs=1),  # one process per checkpoint: no nested pools
        evaluator.history,
        evaluator._data_sha,
        {
            key: _pack(prepared, key[0], options)
            for key, prepared in evaluator.shared_inputs.items()
        },
    )

    def report(done: int, path: Path) -> None:
        if progress is not None:
            progress(f"checkpoint {done}/{len(paths)}: {path.name}", 1, 1)

    if scheduler:
        outcomes = _on_dask(scheduler, shared, paths, report)
    else:
        outcomes = _on_joblib(shared, paths, options.jobs, report)
    evaluator.predict_calls += sum(o.predict_calls for o in outcomes)
    evaluator.cache_hits += sum(o.cache_hits for o in outcomes)
    return [o.evaluation for o in outcomes], evaluator


def _prepare(evaluator: Evaluator, path: Path) -> None:
    """Build the inputs of ``path`` here, when its config says what they are."""

    specs = specs_from_checkpoint(path)
    if specs is None:
        return  # the worker builds what the loaded model asks for
    scaler_path, _ = evaluator.companions(path)
    evaluator.prepare(specs, scaler_path)


def evaluate_one(shared: Shared, path: str) -> Outcome:
    """Runs in a worker: one checkpoint on the shared history and inputs."""
    _keep_worker()
    inputs = {key: _unpack(packed, key[0], shared) for key, packed in shared.inputs.items()}
    evaluator = Evaluator.from_shared(shared.options, shared.history, shared.data_sha, inputs)
    try:
        evaluation = evaluator.evaluate(path)
    finally:
        _forget_models()
    return Outcome(evaluation, evaluator.predict_calls, evaluator.cache_hits)


def _keep_worker() -> None:
    """Keep this loky worker for the next checkpoint. loky replaces a worker whose memory grew
    300 MB past its size after its first task; TensorFlow's graphs and allocator caches for a
    few models do that without leaking, and a replacement pays TensorFlow's start-up again. The
    threshold is a module global that the worker loop reads at each check."""

    executor = sys.modules.get("joblib.externals.loky.process_executor")
    if executor is not None and hasattr(executor, "_MAX_MEMORY_LEAK_SIZE"):
        executor._MAX_MEMORY_LEAK_SIZE = max(executor._MAX_MEMORY_LEAK_SIZE, 8 * 1024**3)


def _forget_models() -> None:
    """Free what Keras keeps of the models a worker loaded: a worker evaluates many checkpoints,
    and loky replaces a worker whose memory keeps growing (TensorFlow's start-up paid again)."""

    for name in ("keras", "tf_keras"):
        module = sys.modules.get(name)
        if module is not None:
            module.backend.clear_session()


def _on_joblib(
    shared: Shared, paths: Sequence[Path], jobs: int, report: Callable[[int, Path], None]
) -> list[Outcome]:
    from joblib import Parallel, delayed

    runner = Parallel(n_jobs=max(1, min(jobs, len(paths))), backend="loky", return_as="generator")
    outcomes = []
    for done, outcome in enumerate(
        runner(delayed(evaluate_one)(shared, str(path)) for path in paths), start=1
    ):
        outcomes.append(outcome)
        report(done, paths[done - 1])
    return outcomes


def _on_dask(
    address: str, shared: Shared, paths: Sequence[Path], report: Callable[[int, Path], None]
) -> list[Outcome]:
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(
            record("error.parallel.scheduler_needs_dask_s_distributed"),
            hint=record("error.parallel.hint_pip_install_jetx_diag_distributed"),
        ) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as error:
        raise UsageError(
            record(
                "error.parallel.cannot_reach_dask_scheduler",
                address=address,
                name__=type(error).__name__,
            ),
            hint=record("error.parallel.hint_start_one_dask_scheduler_dask"),
        ) from None
    try:
        # Sent once to every worker; each task names it instead of carrying the arrays.
        handle = client.scatter(shared, broadcast=True, hash=False)
        futures = [
            client.submit(evaluate_one, handle, str(path), pure=False, key=f"jetx-diag-{i}")
            for i, path in enumerate(paths)
        ]
        outcomes = []
        for done, (future, path) in enumerate(zip(futures, paths, strict=True), start=1):
            outcomes.append(future.result())
            report(done, path)
        return outcomes
    finally:
        client.close()


# --------------------------------------------------------------------------- window inputs


@dataclass(frozen=True)
class _Packed:
    """Prepared inputs with their window arrays left out (rebuilt as views by the worker)."""

    prepared: PreparedInputs
    windows: tuple[InputSpec, ...]
    first: int  # history index of the first row the model is asked about
    start: int  # history index of the first held-out round


def _pack(
    prepared: PreparedInputs, specs: tuple[InputSpec, ...], options: EvaluationOptions
) -> Any:
    if options.inputs_npz is not None:
        return prepared  # loaded arrays, not views: sent as they are
    windows = tuple(s for s in specs if s.kind == "window")
    if not windows:
        return prepared
    names = {s.name for s in windows}

    def strip(arrays: dict[str, np.ndarray] | None) -> dict[str, np.ndarray] | None:
        return None if arrays is None else {k: v for k, v in arrays.items() if k not in names}

    validation = prepared.validation
    if validation is not None:
        validation = dataclasses.replace(validation, arrays=strip(validation.arrays))
    start = prepared.split.first_predictable_index + prepared.split.train_samples
    stripped = dataclasses.replace(
        prepared,
        arrays=strip(prepared.arrays),
        batch=strip(prepared.batch),
        validation=validation,
    )
    return _Packed(stripped, windows, start - prepared.validation_rows, start)


def _unpack(packed: Any, specs: tuple[InputSpec, ...], shared: Shared) -> PreparedInputs:
    if not isinstance(packed, _Packed):
        return packed
    prepared = packed.prepared
    values = np.asarray(shared.history.values, dtype=np.float64)
    transformed = TRANSFORMS[shared.options.settings.window_transform](values)
    end = packed.start + int(prepared.actual.size)
    rows = np.arange(packed.first, end, dtype=np.int64)
    before = packed.start - packed.first
    windows = {}
    for spec in packed.windows:
        batch = window_batch(transformed, spec.length, rows)
        windows[spec.name] = batch if len(spec.shape) == 3 else batch[..., 0]
    names = [s.name for s in specs]  # the model's input order, as when built here

    def merged(arrays: dict[str, np.ndarray], rows: slice) -> dict[str, np.ndarray]:
        every = {**arrays, **{k: v[rows] for k, v in windows.items()}}
        return {name: every[name] for name in names}

    arrays = merged(prepared.arrays, slice(before, None))
    batch = None if prepared.batch is None else merged(prepared.batch, slice(None))
    validation: ValidationSlice | None = prepared.validation
    if validation is not None:
        validation = dataclasses.replace(
            validation, arrays=merged(validation.arrays, slice(None, before))
        )
    return dataclasses.replace(prepared, arrays=arrays, batch=batch, validation=validation)
