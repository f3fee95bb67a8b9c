"""The extractor's view of the history, and extraction in worker processes."""

from __future__ import annotations

import os
import sys
import tracemalloc
from pathlib import Path

import cloudpickle
import numpy as np
import pytest

from jetx_diag.demo.features import extract_features
from jetx_diag.errors import MismatchError, UserCodeError
from jetx_diag.history.view import HistoryView, Rounds
from jetx_diag.inputs.feature_cache import FeatureExtractor, compute_features
from jetx_diag.inputs.feature_workers import MIN_PARALLEL_ROUNDS, extract_matrix

# pytest imports this module under a name worker processes cannot import: send its extractors
# to the workers by value.
cloudpickle.register_pickle_by_value(sys.modules[__name__])

VALUES = np.round(np.linspace(1.0, 9.0, 1200) ** 1.3, 2)


def test_view_behaves_like_the_list_it_replaces() -> None:
    rounds = Rounds(np.array([1.2, 3.4, 1.05, 7.0, 2.5]))
    view = rounds.before(4)
    expected = [1.2, 3.4, 1.05, 7.0]
    assert len(view) == 4 and list(view) == expected and view == expected
    assert view[0] == 1.2 and view[-1] == 7.0 and view[-4] == 1.2
    assert view[np.int64(1)] == 3.4
    assert view[-2:] == [1.05, 7.0] and view[:10] == expected and view[::2] == [1.2, 1.05]
    assert view[-50:] == expected  # past the start, as a list slice
    assert isinstance(view[1:3], list) and isinstance(view[0], float)
    assert list(reversed(view)) == expected[::-1]
    assert sum(view) == pytest.approx(sum(expected)) and max(view) == 7.0
    assert 1.05 in view and view.index(7.0) == 3 and view.count(1.2) == 1
    assert np.array_equal(np.asarray(view), expected)
    assert np.asarray(view, dtype=np.float32).dtype == np.float32
    # Concatenation as extractors written for lists do it.
    assert view + [9.0] == [*expected, 9.0] and [0.5] + view == [0.5, *expected]  # noqa: RUF005
    assert float(np.mean(view)) == pytest.approx(np.mean(expected))
    with pytest.raises(IndexError):
        view[4]  # round 4 is the one being predicted: not in its own history
    with pytest.raises(IndexError):
        view[-5]
    assert len(rounds.before(0)) == 0 and list(rounds.before(0)) == []


def test_view_is_read_only() -> None:
    values = np.array([1.5, 2.5, 3.5])
    rounds = Rounds(values)
    view = rounds.before(3)
    with pytest.raises(TypeError):
        view[0] = 9.0  # type: ignore[index]
    with pytest.raises(AttributeError):
        view.append(4.0)  # type: ignore[attr-defined]
    with pytest.raises(ValueError, match="read-only"):
        np.asarray(view)[0] = 9.0
    # A slice is the extractor's own list: changing it changes nothing the next round sees.
    part = view[:2]
    part[0] = 9.0
    assert rounds.before(3)[0] == 1.5
    assert values.flags.writeable  # the caller's array is left as it was


def test_making_a_view_costs_the_same_at_any_round() -> None:
    """O(1) per call: a view of a million rounds allocates what a view of ten does, and a
    50-round tail slice the same at round 10,000 as at round 1,000,000."""
    rounds = Rounds(np.full(1_000_000, 2.0))

    def allocated(action) -> int:  # type: ignore[no-untyped-def]
        tracemalloc.start()
        before = tracemalloc.get_traced_memory()[0]
        kept = action()
        after = tracemalloc.get_traced_memory()[0]
        tracemalloc.stop()
        del kept
        return after - before

    small = allocated(lambda: rounds.before(10))
    large = allocated(lambda: rounds.before(1_000_000))
    assert large <= max(small, 200) and large < 1_000
    tail_early = allocated(lambda: rounds.before(10_000)[-50:])
    tail_late = allocated(lambda: rounds.before(1_000_000)[-50:])
    assert tail_late == tail_early and tail_late < 2_000  # 50 pointers, not 8 MB
    assert rounds.before(1_000_000)._rounds is rounds.before(10)._rounds  # one shared list


def last_and_mean(history) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """An extractor written for lists: copies, slices, negative indexing, numpy."""
    copied = list(history)
    tail = np.asarray(history[-20:], dtype=np.float64)
    return {
        "last": history[-1],
        "len": float(len(copied)),
        "tail_mean": float(tail.mean()),
        "array_sum": float(np.asarray(history).sum()),
    }


def pid_recorder(folder: Path):  # type: ignore[no-untyped-def]
    """An extractor that leaves a file named after the process that ran it in ``folder``."""

    def record_pid(history) -> list[float]:  # type: ignore[no-untyped-def]
        (folder / str(os.getpid())).touch()
        return [history[-1]]

    return record_pid


def test_jobs_give_the_same_matrix_in_the_same_order(tmp_path: Path) -> None:
    targets = np.arange(700, 1200)
    assert targets.size >= MIN_PARALLEL_ROUNDS
    progress: list[tuple[int, int]] = []
    one = extract_matrix(last_and_mean, "t:last_and_mean", VALUES, targets, jobs=1)
    two = extract_matrix(
        last_and_mean,
        "t:last_and_mean",
        VALUES,
        targets,
        jobs=2,
        progress=lambda done, total: progress.append((done, total)),
    )
    assert one[0] == two[0] == ("last", "len", "tail_mean", "array_sum")
    assert np.array_equal(one[1], two[1])  # bit for bit, row for row
    assert np.array_equal(two[1][:, 0], VALUES[targets - 1])  # row i is round targets[i]
    assert np.array_equal(two[1][:, 1], targets.astype(float))
    assert progress[-1] == (500, 500) and len(progress) > 2  # a moving bar, chunk by chunk
    assert [d for d, _ in progress] == sorted(d for d, _ in progress)
    # The demo extractor, through the cache API, is equal too.
    demo = FeatureExtractor("jetx_diag.demo.features:extract_features", extract_features, "fp")
    a = compute_features(demo, VALUES, targets, None, None, 1)
    b = compute_features(demo, VALUES, targets, None, None, 2)
    assert a[0] == b[0] and np.array_equal(a[1], b[1])
    # And it ran in other processes.
    extract_matrix(pid_recorder(tmp_path), "t:record_pid", VALUES, targets, jobs=2)
    pids = {int(p.name) for p in tmp_path.iterdir()}
    assert pids and os.getpid() not in pids


def exits(history) -> dict[str, float]:  # type: ignore[no-untyped-def]
    if len(history) == 900:
        raise SystemExit("the extractor called sys.exit")
    return {"x": 1.0}


def changes_width(history) -> list[float]:  # type: ignore[no-untyped-def]
    return [1.0] * (1 if len(history) < 1100 else 2)


@pytest.mark.parametrize("jobs", [1, 2])
def test_user_code_errors_name_the_extractor_and_the_round(jobs: int) -> None:
    targets = np.arange(700, 1200)
    with pytest.raises(UserCodeError, match=r"t:exits on round index 900 raised SystemExit"):
        extract_matrix(exits, "t:exits", VALUES, targets, jobs=jobs)
    with pytest.raises(MismatchError, match=r"t:width returned features on round index 1100 th"):
        extract_matrix(changes_width, "t:width", VALUES, targets, jobs=jobs)

    def mutates(history: HistoryView) -> list[float]:
        history.append(1.0)  # type: ignore[attr-defined]  # fine on the old fresh list
        return [1.0]

    with pytest.raises(UserCodeError, match=r"t:mutates on round index 700 raised AttributeError"):
        extract_matrix(mutates, "t:mutates", VALUES, targets, jobs=jobs)


def test_a_worker_killed_by_the_extractor_is_an_input_error() -> None:
    def dies(history) -> list[float]:  # type: ignore[no-untyped-def]
        if len(history) == 1000:
            os._exit(3)
        return [1.0]

    with pytest.raises(MismatchError, match="t:dies stopped its worker process"):
        extract_matrix(dies, "t:dies", VALUES, np.arange(700, 1200), jobs=2)


def test_jobs_must_be_positive(capfd) -> None:  # type: ignore[no-untyped-def]
    from jetx_diag.cli.exit_codes import ExitCode
    from jetx_diag.cli.main import run

    assert run(["report", "model.h5", "--jobs", "0"]) == ExitCode.USAGE_ERROR
    assert "--jobs" in capfd.readouterr().err
