"""Comparing K checkpoints of one run: inputs built once, evaluations fanned out.

Sets up one training-like run: a provably-fair SQLite history, the demo's feature extractor (the
per-round Python that makes inputs expensive, as in the source project), a fitted scaler, and
sixteen small document-shaped checkpoints with the same input signature (untrained, differently
seeded: timing does not depend on what a model learned).

For K = 1, 4 and 16 checkpoints it times ``compare``'s evaluation step (what
``jetx-diag compare`` does before ranking), feature and prediction caches off, TensorFlow
imported and warmed up first in this process:

* one by one in this process (``--jobs 1``), inputs built once;
* fanned out to ``--jobs`` local worker processes through joblib (the default), inputs built
  once here and shared (each worker pays its own TensorFlow start-up: that is in the figure);
* with ``--scheduler ADDRESS``, on that Dask cluster as well.

It prints seconds, seconds per checkpoint and the input builds. It is not a test.

    .venv/bin/python benchmarks/bench_compare.py [--rounds 3000] [--jobs 2] [--scheduler ADDR]
"""

from __future__ import annotations

import argparse
import dataclasses
import tempfile
import time
from pathlib import Path

import numpy as np

FEATURES = "jetx_diag.demo.features:extract_features"
COUNTS = (1, 4, 16)


def make_run(folder: Path, rounds: int, count: int) -> tuple[Path, Path, list[Path]]:
    """History, scaler and ``count`` checkpoints sharing one input signature."""
    import joblib
    from sklearn.preprocessing import StandardScaler

    from jetx_diag.artifacts.keras_env import import_keras
    from jetx_diag.demo.fairgen import generate_rounds, write_sqlite
    from jetx_diag.demo.features import extract_features
    from jetx_diag.demo.model import build_model

    values = generate_rounds(rounds, seed="bench-compare")
    history = write_sqlite(folder / "history.db", values)
    train = [list(extract_features(values[:t].tolist()).values()) for t in range(500, 900, 4)]
    matrix = np.asarray(train)
    scaler_path = folder / "scaler_bench.pkl"
    joblib.dump(StandardScaler().fit(matrix), scaler_path)
    keras = import_keras()
    checkpoints = []
    for index in range(count):
        keras.utils.set_random_seed(index)
        path = folder / f"stage{index + 1:02d}_best.h5"
        build_model(matrix.shape[1], size="small").save(path)
        checkpoints.append(path)
    return history, scaler_path, checkpoints


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3000, help="rounds of generated history")
    parser.add_argument("--jobs", type=int, default=2, help="local worker processes")
    parser.add_argument("--scheduler", help="a Dask scheduler address (the [distributed] extra)")
    args = parser.parse_args()

    from jetx_diag.cli.compare import PARALLEL_FROM, Source, evaluate_sources
    from jetx_diag.compare.ranking import compare
    from jetx_diag.evaluation.evaluator import Evaluator
    from jetx_diag.evaluation.options import EvaluationOptions

    with tempfile.TemporaryDirectory(prefix="bench_compare_") as tmp:
        history, scaler, checkpoints = make_run(Path(tmp), args.rounds, max(COUNTS))
        options = EvaluationOptions(
            data=str(history), scaler=str(scaler), features=FEATURES, cache_dir=None
        )
        Evaluator(options).evaluate(str(checkpoints[0]))  # warm-up: TensorFlow, first load
        modes: list[tuple[str, int, str | None]] = [
            ("one by one (--jobs 1)", 1, None),
            (f"joblib --jobs {args.jobs}", args.jobs, None),
        ]
        if args.scheduler:
            modes.append((f"Dask {args.scheduler}", 1, args.scheduler))
        rows = []
        for label, jobs, scheduler in modes:
            for count in COUNTS:
                if jobs > 1 and count < PARALLEL_FROM * jobs:
                    continue  # compare does not fan out so few checkpoints: one by one above
                sources = [Source(path, "checkpoint") for path in checkpoints[:count]]
                chosen = dataclasses.replace(options, jobs=jobs)
                started = time.perf_counter()
                candidates, evaluator = evaluate_sources(sources, chosen, None, scheduler=scheduler)
                compare(candidates)
                seconds = time.perf_counter() - started
                rows.append((label, count, seconds, evaluator.input_builds))
                print(
                    f"{label:<24} K={count:<3} {seconds:8.2f} s  {seconds / count:6.2f} s each  "
                    f"input builds {evaluator.input_builds}",
                    flush=True,
                )
    print(f"\nhistory: {args.rounds} rounds; feature and prediction caches off")
    by = {(label, count): seconds for label, count, seconds, _ in rows}
    for label, _, _ in modes[1:]:
        for count in COUNTS:
            if (label, count) not in by:
                continue
            ratio = by[(modes[0][0], count)] / by[(label, count)]
            print(f"speed-up of {label} over one by one at K={count}: {ratio:5.2f}x")


if __name__ == "__main__":
    main()
