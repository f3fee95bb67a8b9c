"""Comparing K checkpoints of one run costs one input build plus K model evaluations.

Sets up one training-like run: a provably-fair SQLite history, the demo's feature extractor (the
per-round Python that makes inputs expensive, as in the source project), a fitted scaler, and
four document-shaped checkpoints with the same input signature (untrained, differently seeded:
timing does not depend on what a model learned). Or, with ``--run DIR``, the checkpoints of a
``jetx-diag demo`` run found in DIR.

Measured in the same process, feature cache off, TensorFlow imported and warmed up first:

* ``inputs``: building the model inputs once (windows, features, scaling), what the evaluator
  does per input signature;
* ``evaluate``: each further checkpoint once inputs exist (load, predict, metrics, skill);
* ``compare K=1`` and ``compare K=4``: a fresh evaluator for all checkpoints, then ranking.

It prints the figures and the ratios: K=4 against K=1 + 3 × evaluate (the claim) and against
4 × K=1 (what rebuilding inputs per checkpoint would cost). It is not a test.

    .venv/bin/python benchmarks/bench_compare.py [--rounds 3000] [--run DIR] [--repeat 2]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np

FEATURES = "jetx_diag.demo.features:extract_features"


def make_run(folder: Path, rounds: int) -> tuple[Path, Path, list[Path]]:
    """History, scaler and four checkpoints sharing one input signature."""
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
    for index, name in enumerate(("stage1_best", "stage2_best", "stage3_best", "final")):
        keras.utils.set_random_seed(index)
        path = folder / f"{name}.h5"
        build_model(matrix.shape[1], size="small").save(path)
        checkpoints.append(path)
    return history, scaler_path, checkpoints


def timed(action: Callable[[], object]) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rounds", type=int, default=3000, help="rounds of generated history")
    parser.add_argument("--run", help="a jetx-diag demo run folder (history.db, scaler, .h5)")
    parser.add_argument("--repeat", type=int, default=2, help="repeats; medians are printed")
    args = parser.parse_args()

    import joblib

    from jetx_diag.artifacts.keras_loader import load_checkpoint
    from jetx_diag.compare.ranking import Candidate, compare
    from jetx_diag.evaluation.evaluator import Evaluator
    from jetx_diag.evaluation.inputs import prepare_inputs
    from jetx_diag.evaluation.options import EvaluationOptions
    from jetx_diag.predictions import model_input_specs

    with tempfile.TemporaryDirectory(prefix="bench_compare_") as tmp:
        if args.run:
            run = Path(args.run)
            history = run / "history.db"
            scaler = next(run.glob("scaler*.pkl"))
            checkpoints = sorted(run.glob("*.h5"))[:4]
        else:
            history, scaler, checkpoints = make_run(Path(tmp), args.rounds)
        if len(checkpoints) < 4:
            raise SystemExit(f"need four checkpoints, found {len(checkpoints)}")
        options = EvaluationOptions(
            data=str(history), scaler=str(scaler), features=FEATURES, cache_dir=None
        )

        # Warm-up (not timed): TensorFlow's import and first model load happen once per process.
        warm = Evaluator(options)
        loaded = load_checkpoint(checkpoints[0])
        specs = model_input_specs(loaded.model)
        scaler_object = joblib.load(scaler)

        def compare_k(k: int) -> tuple[float, int]:
            """A fresh evaluator for the first ``k`` checkpoints, then the ranking."""
            evaluator = Evaluator(options)
            seconds, _ = timed(
                lambda: compare(
                    [Candidate(evaluator.evaluate(str(c)), str(c)) for c in checkpoints[:k]]
                )
            )
            return seconds, evaluator.input_builds

        samples: dict[str, list[float]] = {"inputs": [], "k1": [], "k4": [], "evaluate": []}
        builds: dict[str, int] = {}
        for _ in range(args.repeat):
            # Inputs alone: the evaluator's own build step for one signature, so that exactly
            # the evaluator's work is timed, nothing more.
            seconds, _ = timed(
                lambda: prepare_inputs(options, warm.history, specs, scaler_object, str(scaler))
            )
            samples["inputs"].append(seconds)

            seconds, builds["k1"] = compare_k(1)
            samples["k1"].append(seconds)
            seconds, builds["k4"] = compare_k(4)
            samples["k4"].append(seconds)

            # One more checkpoint on an evaluator whose inputs already exist.
            ready = Evaluator(options)
            ready.evaluate(str(checkpoints[0]))
            for checkpoint in checkpoints[1:]:
                seconds, _ = timed(lambda e=ready, c=checkpoint: e.evaluate(str(c)))
                samples["evaluate"].append(seconds)

    median = {key: statistics.median(values) for key, values in samples.items()}
    rounds = "demo run" if args.run else f"{args.rounds} rounds"
    print(f"history: {rounds}; checkpoints: {', '.join(c.name for c in checkpoints)}")
    print(f"medians of {args.repeat} repeats, feature cache off, TensorFlow warmed up\n")
    print(f"build inputs once            {median['inputs']:8.2f} s")
    print(f"evaluate one more checkpoint {median['evaluate']:8.2f} s   (inputs already built)")
    print(f"compare K=1                  {median['k1']:8.2f} s   input_builds = {builds['k1']}")
    print(f"compare K=4                  {median['k4']:8.2f} s   input_builds = {builds['k4']}")
    expected = median["k1"] + 3 * median["evaluate"]
    print()
    print(
        f"K=4 / (K=1 + 3 × evaluate)   {median['k4'] / expected:8.2f}   "
        "(1.0 = one input build plus four evaluations)"
    )
    print(
        f"K=4 / (4 × K=1)              {median['k4'] / (4 * median['k1']):8.2f}   "
        "(1.0 = inputs rebuilt for every checkpoint)"
    )
    print(
        f"inputs / K=1                 {median['inputs'] / median['k1']:8.2f}   "
        "(share of a single-checkpoint run spent building inputs)"
    )


if __name__ == "__main__":
    main()
