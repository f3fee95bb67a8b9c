"""Parsing a ~50 MB console log: time and peak memory of :func:`read_console_log`.

The log is built by repeating real captured output: the console output of the two-stage
``fit(verbose=1)`` run of ``tests/console_factory.py`` (Keras 3 through a pseudo-terminal, so
with its ANSI colours and ``\\r``/``\\b`` redraws), captured here unless ``--log FILE`` gives
one, repeated until the file reaches ``--megabytes``. Every repetition restarts at epoch 1, so
the file holds thousands of stages: the result grows with the epochs found, the working memory
of the parser does not grow with the file.

Measured: one timed parse without tracing, then one parse under ``tracemalloc`` for the peak of
Python allocations (which tracing slows down). It prints the figures; it is not a test.

    .venv/bin/python benchmarks/bench_console_log.py [--log FILE] [--megabytes 50]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path


def capture(folder: Path) -> Path:
    """One real run's console output (needs TensorFlow; about a minute)."""
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
    from console_factory import finish_capture, start_capture

    return finish_capture(start_capture("keras3", "pty", folder / "run")).log


def build(source: bytes, target: Path, megabytes: float) -> int:
    size = int(megabytes * 1024 * 1024)
    copies = max(1, size // len(source))
    with target.open("wb") as handle:
        for _ in range(copies):
            handle.write(source)
    return copies


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--log", type=Path, help="a captured console log to repeat")
    parser.add_argument("--megabytes", type=float, default=50.0)
    args = parser.parse_args()

    from jetx_diag.training.console_log import read_console_log

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        log = args.log or capture(folder)
        source = log.read_bytes()
        big = folder / "big.log"
        copies = build(source, big, args.megabytes)
        size_mb = big.stat().st_size / 1024 / 1024
        one = read_console_log(log)
        print(f"source: {log} ({len(source)} bytes, {len(one.stages)} stages)")
        print(f"log: {size_mb:.1f} MB ({copies} copies)")

        start, cpu = time.perf_counter(), time.process_time()
        parsed = read_console_log(big)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        epochs = sum(len(stage.epochs) for stage in parsed.stages)
        # CPU time is what the parser costs; wall time also counts waiting for a busy machine.
        print(
            f"parse: {cpu:.2f} s CPU ({size_mb / cpu:.1f} MB/s), {seconds:.2f} s wall; "
            f"{parsed.lines} lines, {len(parsed.stages)} stages, {epochs} epochs"
        )
        assert len(parsed.stages) == copies * len(one.stages)
        del parsed

        tracemalloc.start()
        parsed = read_console_log(big)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(
            f"peak Python memory while parsing: {peak / 1024 / 1024:.1f} MB "
            f"(file {size_mb:.1f} MB; the result holds {len(parsed.stages)} stages)"
        )

        tracemalloc.start()
        read_console_log(log)
        _, small_peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        per_stage = (peak - small_peak) / max(1, len(parsed.stages) - len(one.stages))
        print(
            f"peak for the source alone: {small_peak / 1024:.0f} KB; "
            f"about {per_stage / 1024:.1f} KB more per stage found"
        )


if __name__ == "__main__":
    main()
