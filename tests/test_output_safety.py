"""Output safety: reproducible reports, atomic writes, runs and caches that share a
machine without stepping on each other, and cache files that are checked before they are used.
"""

from __future__ import annotations

import dataclasses
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from run_factory import FEATURES, Run, make_run

from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run

DATE = re.compile(r"\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} UTC")
SCRIPT = Path(sys.executable).parent / "jetx-diag"


def report_files(folder: Path) -> dict[str, bytes]:
    """Every file of a report folder by name, hidden temporary files included."""
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


def differing_lines(a: bytes, b: bytes) -> list[tuple[str, str]]:
    left, right = a.decode("utf-8").splitlines(), b.decode("utf-8").splitlines()
    assert len(left) == len(right)
    return [(x, y) for x, y in zip(left, right, strict=True) if x != y]


@pytest.fixture
def predictions_csv(tmp_path: Path) -> Path:
    from jetx_diag.demo.example import document_predictions
    from jetx_diag.predictions import write_predictions_csv

    path = tmp_path / "preds.csv"
    write_predictions_csv(path, document_predictions())
    return path


# --------------------------------------------------------------------------- reproducible


@pytest.fixture(scope="module")
def keras_run(tmp_path_factory: pytest.TempPathFactory) -> Run:
    return make_run(tmp_path_factory.mktemp("run"))


def checkpoint_args(made: Run, out: Path, *extra: str) -> list[str]:
    return [
        "report", str(made.checkpoint), "--data", str(made.history), "--features", FEATURES,
        "--output", str(out), "--quiet", *extra,
    ]  # fmt: skip


@pytest.mark.keras
def test_same_command_twice_gives_the_same_report_but_the_date(
    keras_run: Run, tmp_path: Path, monkeypatch
) -> None:
    import jetx_diag.evaluation.evaluator as evaluate

    out = tmp_path / "out"
    args = checkpoint_args(keras_run, out, "--no-cache", "--json", str(tmp_path / "e.json"))
    # Two clearly different clocks, so the one line allowed to differ does differ.
    monkeypatch.setattr(evaluate, "now_iso", lambda: "2025-01-02T03:04:05+00:00")
    assert run(args) == ExitCode.TARGETS_MISSED
    first = report_files(out)
    first_json = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))
    monkeypatch.setattr(evaluate, "now_iso", lambda: "2026-07-08T09:10:11+00:00")
    assert run(args) == ExitCode.TARGETS_MISSED
    second = report_files(out)
    second_json = json.loads((tmp_path / "e.json").read_text(encoding="utf-8"))

    images = [name for name in first if name.endswith(".png")]
    assert sorted(first) == sorted(second) == sorted(["report.html", "report.md", *images])
    assert "report.confusion.png" in images and "report.p_above.png" in images
    for name in ("report.md", "report.html"):
        changed = differing_lines(first[name], second[name])
        assert len(changed) == 1, changed  # the date line, and nothing else
        old, new = changed[0]
        assert "2025-01-02 03:04:05 UTC" in old and "2026-07-08 09:10:11 UTC" in new
        assert DATE.sub("<date>", old) == DATE.sub("<date>", new)
    for name in images:
        assert first[name] == second[name]  # byte-identical images
    assert first_json["evaluation"].pop("created") != second_json["evaluation"].pop("created")
    assert first_json == second_json


@dataclasses.dataclass(frozen=True)
class ColdCache:
    """A run without the cache, then one that filled it: its files and what they held."""

    reference: dict[str, Any]  # the --no-cache run's evaluation, without its date
    folder: Path
    contents: dict[str, tuple[list[str], list[list[float]]]]  # feature file -> (names, matrix)
    files: list[str]  # every cache file: features, predictions, the fair histories' AUCs


def _evaluation(made: Run, folder: Path, *cache_args: str) -> dict[str, Any]:
    target = folder / "evaluation.json"
    # A few fair histories, so that the chance verdict's cache entry is made and checked too.
    args = checkpoint_args(made, folder / "out", *cache_args, "--json", str(target))
    args += ["--null-simulations", "9"]
    assert run(args) == ExitCode.TARGETS_MISSED
    evaluation = json.loads(target.read_text(encoding="utf-8"))["evaluation"]
    del evaluation["created"]
    return evaluation


@pytest.fixture(scope="module")
def cold_cache(keras_run: Run, tmp_path_factory: pytest.TempPathFactory) -> ColdCache:
    reference = _evaluation(keras_run, tmp_path_factory.mktemp("none"), "--no-cache")
    folder = tmp_path_factory.mktemp("cache")
    cold = _evaluation(keras_run, tmp_path_factory.mktemp("cold"), "--cache-dir", str(folder))
    assert cold == reference
    contents = {}
    for path in sorted(folder.glob("features-*.npz")):
        with np.load(path) as archive:
            contents[path.name] = (archive["names"].tolist(), archive["matrix"].tolist())
    files = sorted(p.name for p in folder.iterdir())
    kinds = {name.split("-")[0] for name in files}
    assert contents and kinds == {"features", "predictions", "simulated"}
    return ColdCache(reference, folder, contents, files)


@pytest.mark.keras
def test_warm_cache_gives_the_same_report_as_no_cache(
    keras_run: Run, cold_cache: ColdCache, tmp_path: Path
) -> None:
    cache = tmp_path / "cache"
    shutil.copytree(cold_cache.folder, cache)
    assert _evaluation(keras_run, tmp_path, "--cache-dir", str(cache)) == cold_cache.reference
    assert sorted(p.name for p in cache.iterdir()) == cold_cache.files  # none added


def _damage(path: Path, how: str) -> None:
    with np.load(path) as archive:
        names, matrix = archive["names"], archive["matrix"]
    if how == "cut in half":
        path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    elif how == "garbage":
        path.write_bytes(b"not a cache file\n" * 20)
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "wrong shape":  # well-formed, but not the rounds asked for
        np.savez(path, names=names, matrix=matrix[:-1])
    else:  # well-formed, right shape, but a value no extractor may return
        poisoned = matrix.copy()
        poisoned[-1, 1] = np.nan
        np.savez(path, names=names, matrix=poisoned)


@pytest.mark.keras
@pytest.mark.parametrize("damage", ["cut in half", "garbage", "empty", "wrong shape", "NaN"])
def test_corrupt_cache_file_is_recomputed_not_trusted(
    keras_run: Run, cold_cache: ColdCache, tmp_path: Path, capfd, damage: str
) -> None:
    cache = tmp_path / "cache"
    shutil.copytree(cold_cache.folder, cache)
    for path in cache.glob("features-*.npz"):  # every feature file the run uses
        _damage(path, damage)
    capfd.readouterr()
    assert _evaluation(keras_run, tmp_path, "--cache-dir", str(cache)) == cold_cache.reference
    assert capfd.readouterr().err == ""
    # Each damaged file was replaced by a good one, and no temporary file was left behind.
    assert sorted(p.name for p in cache.iterdir()) == cold_cache.files
    for name, content in cold_cache.contents.items():
        with np.load(cache / name) as archive:
            assert (archive["names"].tolist(), archive["matrix"].tolist()) == content


# --------------------------------------------------------------------------- interrupted writes


def test_failing_renderer_writes_nothing(predictions_csv: Path, tmp_path: Path, monkeypatch):
    import jetx_diag.report.writer as report_writer

    def broken(context: object) -> str:
        raise RuntimeError("renderer crashed half-way")

    monkeypatch.setattr(report_writer, "render_html", broken)
    out = tmp_path / "out"
    code = run(["report", "--predictions", str(predictions_csv), "-o", str(out), "-q"])
    assert code == ExitCode.INTERNAL_ERROR
    # Everything is rendered before anything is written: not even the Markdown exists.
    assert not out.exists() or report_files(out) == {}


def test_interrupted_rename_keeps_the_previous_report(
    predictions_csv: Path, tmp_path: Path, monkeypatch
) -> None:
    import jetx_diag.files as file_writer

    out = tmp_path / "out"
    args = ["report", "--predictions", str(predictions_csv), "-o", str(out), "-q"]
    assert run([*args, "--lang", "tr"]) == ExitCode.TARGETS_MISSED
    previous = report_files(out)
    real_replace = file_writer.os.replace
    calls: list[str] = []

    def interrupted(source: str, target: str) -> None:
        calls.append(Path(target).name)
        if Path(target).name == "report.md":
            raise KeyboardInterrupt  # Ctrl-C at the worst moment: data written, not renamed
        real_replace(source, target)

    monkeypatch.setattr(file_writer.os, "replace", interrupted)
    assert run([*args, "--lang", "en"]) == ExitCode.INTERRUPTED
    assert calls == ["report.md"]
    # The Turkish report is still there, whole; no English half and no temporary file.
    assert report_files(out) == previous


def test_failing_disk_leaves_no_temporary_file(
    predictions_csv: Path, tmp_path: Path, monkeypatch
) -> None:
    import jetx_diag.files as file_writer

    def disk_full(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(file_writer.os, "fsync", disk_full)
    out = tmp_path / "out"
    code = run(["report", "--predictions", str(predictions_csv), "-o", str(out), "-q"])
    assert code == ExitCode.USAGE_ERROR  # "cannot write the report … choose another"
    assert report_files(out) == {}


DIE_ON_RENAME = """
import os, sys
real_replace = os.replace

def replace(source, target, *args, **kwargs):
    if str(target).endswith({name!r}):
        os._exit(9)  # killed: no exception handler, no cleanup runs
    return real_replace(source, target, *args, **kwargs)

os.replace = replace
from jetx_diag.cli.main import run
sys.exit(run({args!r}))
"""


def test_killed_run_leaves_complete_files_or_none(predictions_csv: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference"
    args = ["report", "--predictions", str(predictions_csv), "-q"]
    assert run([*args, "-o", str(reference)]) == ExitCode.TARGETS_MISSED
    expected = report_files(reference)

    out = tmp_path / "out"
    code = DIE_ON_RENAME.format(name="report.html", args=[*args, "-o", str(out)])
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 9, result.stderr
    left = report_files(out)
    visible = {name for name in left if not name.startswith(".")}
    # Markdown and its images were renamed into place before the HTML; the HTML, being
    # written when the process died, does not exist under its name.
    assert visible == set(expected) - {"report.html"}
    for name in visible:
        if name.endswith(".png"):
            assert left[name] == expected[name]
        else:
            assert DATE.sub("", left[name].decode()) == DATE.sub("", expected[name].decode())
    # What the killed process was writing is only a hidden temporary file, never report.html.
    (partial,) = (name for name in left if name.startswith("."))
    assert re.fullmatch(r"\.report\.html\.[0-9a-f]{12}\.tmp", partial)


# --------------------------------------------------------------------------- concurrency


def test_two_runs_into_different_folders_at_once(predictions_csv: Path, tmp_path: Path) -> None:
    """Two installed ``jetx-diag`` processes, started together in one folder with one cache,
    each writing its own report: each gets exactly what it would get alone."""
    assert SCRIPT.is_file(), f"{SCRIPT} is not installed"
    short = tmp_path / "short.csv"
    lines = predictions_csv.read_text(encoding="utf-8").splitlines()
    short.write_text("\n".join(lines[:301]) + "\n", encoding="utf-8")  # header + 300 rounds

    def command(source: Path, out: str) -> list[str]:
        return [str(SCRIPT), "report", "--predictions", str(source), "-o", out, "-q"]

    env = {**os.environ, "JETX_DIAG_CACHE": str(tmp_path / "cache")}
    both = [
        subprocess.Popen(command(source, name), cwd=tmp_path, env=env, stderr=subprocess.PIPE)
        for source, name in ((predictions_csv, "a"), (short, "b"))
    ]
    errors = [process.communicate(timeout=180)[1] for process in both]
    assert [process.returncode for process in both] == [1, 1], errors
    assert errors == [b"", b""]
    for source, name in ((predictions_csv, "a"), (short, "b")):
        assert run(command(source, str(tmp_path / f"alone_{name}"))[1:]) == 1
        together, alone = report_files(tmp_path / name), report_files(tmp_path / f"alone_{name}")
        assert sorted(together) == sorted(alone)  # no stray or temporary files
        for file, data in together.items():
            if file.endswith(".png"):
                assert data == alone[file]
            else:  # paths differ only in the output folder name, dates in the clock
                assert DATE.sub("", data.decode()) == DATE.sub("", alone[file].decode())
    assert "1118 rows read" in (tmp_path / "a" / "report.md").read_text(encoding="utf-8")
    assert "300 rows read" in (tmp_path / "b" / "report.md").read_text(encoding="utf-8")


CACHE_WORKER = """
import sys, time
from pathlib import Path
import numpy as np
from jetx_diag.inputs.feature_cache import cache_key, compute_features, load_extractor
from jetx_diag.demo.fairgen import generate_rounds

go, cache, out, role = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3], sys.argv[4]
extractor = load_extractor("jetx_diag.demo.features:extract_features")
values = generate_rounds(2500, seed="cache-race")
small = np.arange(500, 540)
_, expected = compute_features(extractor, values, small, None)
small_file = cache / f"features-{cache_key(extractor, values, small)}.npz"
while not go.exists():  # both workers start at the same moment
    time.sleep(0.01)
# 1. Both compute the same large key at once, and both write it.
_, matrix = compute_features(extractor, values, np.arange(500, 2500), cache)
np.save(out, matrix)
# 2. Contention on a small key: the writer deletes and rewrites it again and again while the
#    reader keeps using it. Every result must be the right one.
wrong = 0
for _ in range(150):
    if role == "writer":
        small_file.unlink(missing_ok=True)
    _, got = compute_features(extractor, values, small, cache)
    wrong += not np.array_equal(got, expected)
sys.exit(3 if wrong else 0)
"""


def test_feature_cache_survives_two_processes_computing_one_key(tmp_path: Path) -> None:
    from jetx_diag.demo.fairgen import generate_rounds
    from jetx_diag.inputs.feature_cache import cache_key, compute_features, load_extractor

    cache, go = tmp_path / "cache", tmp_path / "go"
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", CACHE_WORKER, str(go), str(cache), f"{role}.npy", role],
            cwd=tmp_path,
            stderr=subprocess.PIPE,
        )
        for role in ("writer", "reader")
    ]
    go.touch()
    errors = [worker.communicate(timeout=300)[1] for worker in workers]
    assert [worker.returncode for worker in workers] == [0, 0], errors

    extractor = load_extractor("jetx_diag.demo.features:extract_features")
    values, targets = generate_rounds(2500, seed="cache-race"), np.arange(500, 2500)
    _, expected = compute_features(extractor, values, targets, cache_dir=None)
    for role in ("writer", "reader"):
        assert np.array_equal(np.load(tmp_path / f"{role}.npy"), expected)
    # Whole cache files only (the large key and the small one), no temporary leftovers, and
    # the large one is what a third process reads.
    key = cache_key(extractor, values, targets)
    small = cache_key(extractor, values, np.arange(500, 540))
    assert sorted(p.name for p in cache.iterdir()) == sorted(
        [f"features-{key}.npz", f"features-{small}.npz"]
    )

    def never(history: list[float]) -> dict[str, float]:
        raise AssertionError("the cache was not used")

    reader = dataclasses.replace(extractor, function=never)
    _, cached = compute_features(reader, values, targets, cache_dir=cache)
    assert np.array_equal(cached, expected)
