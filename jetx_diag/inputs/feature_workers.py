"""Running the user's feature extractor over many rounds, in this process or in worker processes.

Each round's extractor call gets a :class:`~jetx_diag.history.view.HistoryView` of the rounds
before it (O(1) to make, read-only). With ``jobs > 1`` the rounds are cut into consecutive
chunks that joblib's process pool (loky: fresh interpreters, safe after TensorFlow has started)
runs in parallel; chunks come back in order, so the matrix is the same row for row as with one
job. Small extractions stay in this process, where starting workers would cost more than it saves.

Anything the user's code raises, ``SystemExit`` included, becomes a :class:`MismatchError`
naming the extractor and the round; a worker that dies takes the same path.
"""

from __future__ import annotations

import math
import os
import warnings
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import numpy as np

from jetx_diag.errors import JetxDiagError, MismatchError, UserCodeError
from jetx_diag.history.view import Rounds
from jetx_diag.i18n.messages import record
from jetx_diag.user_code import guarded

#: Below this many rounds the extraction runs in this process whatever ``jobs`` says.
MIN_PARALLEL_ROUNDS = 200
#: Smallest chunk handed to a worker (each chunk pays one round trip and one history copy).
MIN_CHUNK = 64
#: Chunks per worker: enough for a moving progress bar and for balancing uneven rounds.
CHUNKS_PER_JOB = 8

Progress = Callable[[int, int], None]
# One chunk's outcome: ("ok", names, rows) or ("error", message, None).
_Outcome = tuple[str, Any, Any]


def available_cores() -> int:
    """The cores this process may run on (the default of ``--jobs``)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def extract_matrix(
    function: Callable[[Any], Any],
    name: str,
    values: np.ndarray,
    targets: np.ndarray,
    *,
    jobs: int = 1,
    progress: Progress | None = None,
) -> tuple[tuple[str, ...], np.ndarray]:
    """Feature names and the (rounds × features) matrix, one row per target round, in order."""
    total = int(targets.size)
    values = np.ascontiguousarray(values, dtype=np.float64)
    chunks = _chunks(targets, jobs)
    if len(chunks) <= 1 or not _picklable(function):
        outcome = _extract_chunk(function, name, values, targets, progress, total)
        return _finish([outcome], [targets], name, total)
    outcomes = []
    done = 0
    with warnings.catch_warnings():
        # Stopping at the first error cancels the chunks not started yet: that is the point,
        # not something to warn about.
        warnings.filterwarnings("ignore", message=".*tasks which were still being processed")
        for outcome in _run_parallel(function, name, values, chunks, jobs):
            outcomes.append(outcome)
            if outcome[0] == "error":
                break
            done += int(chunks[len(outcomes) - 1].size)
            if progress is not None:
                progress(done, total)
    return _finish(outcomes, chunks, name, total)


def _chunks(targets: np.ndarray, jobs: int) -> list[np.ndarray]:
    total = int(targets.size)
    if jobs <= 1 or total < MIN_PARALLEL_ROUNDS:
        return [targets]
    count = max(1, min(jobs * CHUNKS_PER_JOB, total // MIN_CHUNK))
    return [chunk for chunk in np.array_split(targets, count) if chunk.size]


def _picklable(function: Callable[[Any], Any]) -> bool:
    """Whether the extractor can be sent to a worker (a lambda can; an open socket cannot)."""
    from joblib.externals.loky.backend.reduction import cloudpickle  # bundled or not

    try:
        cloudpickle.dumps(function)
    except Exception:  # whatever pickling raises, the answer is "run it here"
        return False
    return True


def _run_parallel(
    function: Callable[[Any], Any],
    name: str,
    values: np.ndarray,
    chunks: list[np.ndarray],
    jobs: int,
) -> Any:
    from joblib import Parallel, delayed

    # The whole ``values`` array goes with every task: joblib memory-maps a large array once
    # for all of them instead of pickling it per task (a slice per chunk would be dumped anew).
    runner = Parallel(n_jobs=min(jobs, len(chunks)), backend="loky", return_as="generator")
    tasks = (delayed(_extract_chunk)(function, name, values, chunk) for chunk in chunks)
    try:
        yield from runner(tasks)
    except JetxDiagError:
        raise
    except Exception as error:  # a worker killed by the extractor (os._exit, a crash)
        detail = f"{type(error).__name__}: {' '.join(str(error).splitlines())[:300]}"
        yield (
            "error",
            record("error.feature_workers.worker_stopped", name=name, detail=detail),
            None,
        )


def _extract_chunk(
    function: Callable[[Any], Any],
    name: str,
    values: np.ndarray,
    targets: np.ndarray,
    progress: Progress | None = None,
    total: int = 0,
) -> _Outcome:
    """Rows for ``targets`` (runs in a worker or here); errors come back as text."""
    rounds = Rounds(values[: int(targets[-1])] if targets.size else values[:0])
    names: tuple[str, ...] | None = None
    rows: list[list[float]] = []
    with guarded() as guard:
        for done, index in enumerate(targets.tolist(), start=1):
            try:
                result = function(rounds.before(index))
                # Converting the result runs its __float__/__iter__/keys: the user's code too.
                row_names, row = as_row(result, name, index)
            except JetxDiagError as error:
                return ("error", error.problem, None)
            except BaseException as error:  # the user's code, SystemExit included: name it
                converted = guard.convert(
                    error,
                    record(
                        "error.feature_workers.feature_extractor_on_round", name=name, index=index
                    ),
                )
                if isinstance(converted, KeyboardInterrupt):  # a real Ctrl-C
                    raise converted from None
                return ("user_error", getattr(converted, "problem", str(converted)), None)
            if names is None:
                names = row_names
            elif row_names != names:
                return ("error", _changed(name, index, row_names, names), None)
            rows.append(row)
            if progress is not None and (done % 50 == 0 or done == total):
                progress(done, total)
    return ("ok", names or (), rows)


def _changed(name: str, index: int, now: tuple[str, ...], before: tuple[str, ...]) -> str:
    """Which feature names changed between rounds, not just how many there are."""
    gone = [k for k in before if k not in set(now)]
    new = [k for k in now if k not in set(before)]
    if not gone and not new:
        moved = next((k for k, j in zip(now, before, strict=False) if k != j), None)
        if moved is None:
            return record(
                "error.feature_workers.features_differ_in_count",
                name=name,
                index=index,
                now=len(now),
                before=len(before),
            )
        return record(
            "error.feature_workers.features_differ_in_order",
            name=name,
            index=index,
            count=len(now),
            moved=repr(moved),
        )
    parts = [record("error.feature_workers.features_now_before", now=len(now), before=len(before))]
    if gone:
        parts.append(record("error.feature_workers.features_missing", names=_names(gone)))
    if new:
        parts.append(record("error.feature_workers.features_new", names=_names(new)))
    return record(
        "error.feature_workers.features_differ",
        name=name,
        index=index,
        changes="; ".join(parts),
    )


def _names(keys: list[str]) -> str:
    """The first five feature names, quoted, and an ellipsis for the rest."""
    return ", ".join(map(repr, keys[:5])) + (" …" if len(keys) > 5 else "")


def _finish(
    outcomes: list[_Outcome], chunks: Sequence[np.ndarray], name: str, total: int
) -> tuple[tuple[str, ...], np.ndarray]:
    names: tuple[str, ...] | None = None
    rows: list[list[float]] = []
    for (status, first, second), chunk in zip(outcomes, chunks, strict=False):
        if status == "user_error":
            raise UserCodeError(str(first))
        if status == "error":
            raise MismatchError(str(first))
        if names is None:
            names = first
        elif first != names:  # a later chunk's rounds disagree with the earlier ones
            raise MismatchError(_changed(name, int(chunk[0]), first, names))
        rows.extend(second)
    return names or (), np.asarray(rows, dtype=np.float64).reshape(total, len(names or ()))


def as_row(result: Any, name: str, index: int) -> tuple[tuple[str, ...], list[float]]:
    """One extractor result (a dict or a sequence of floats) as feature names and values."""
    if isinstance(result, Mapping):
        keys = tuple(str(k) for k in result)
        raw: Sequence[Any] = list(result.values())
    elif isinstance(result, Sequence | np.ndarray):
        raw = list(np.asarray(result, dtype=np.float64).ravel())
        keys = tuple(f"f{i}" for i in range(len(raw)))
    else:
        raise MismatchError(
            record(
                "error.feature_workers.feature_extractor_returned_expected_dict",
                name=name,
                name__=type(result).__name__,
            )
        )
    try:
        row = [float(v) for v in raw]
    except (TypeError, ValueError) as error:
        raise MismatchError(
            record(
                "error.feature_workers.feature_extractor_non_numeric_feature",
                name=name,
                error=error,
            )
        ) from None
    bad = [k for k, v in zip(keys, row, strict=True) if not math.isfinite(v)]
    if bad:
        raise MismatchError(
            record(
                "error.feature_workers.feature_extractor_returned_non_finite",
                name=name,
                bad=", ".join(bad[:5]),
                index=index,
            )
        )
    return keys, row
