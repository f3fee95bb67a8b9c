"""How much does a report cost beyond running the model?

On a 10,000-round provably-fair history and a model shaped like the document's (inputs
``features``, ``seq50``, ``seq200``, ``seq500``; heads ``regression``, ``classification``,
``threshold``; about a million parameters), this prints in one run:

- the wall time of the whole report in this process (history, checkpoint, scaler, inputs,
  predictions, statistics, Markdown + HTML + plots), with a cold and a warm feature cache;
- the wall time of bare ``keras.models.load_model`` + ``model.predict`` on the same inputs;
- their ratio, and the wall time of the ``jetx-diag report`` command as a user runs it
  (a fresh process: Python and TensorFlow start-up included).

Ratios measured in one run are the point: the machines are shared and noisy.
Run: ``python benchmarks/bench_report.py [--rounds 10000]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import joblib
import numpy as np
from sklearn.preprocessing import StandardScaler

FEATURES = "jetx_diag.demo.features:extract_features"


def make_files(folder: Path, rounds: int) -> tuple[Path, Path, Path]:
    from jetx_diag.artifacts.keras_env import import_keras
    from jetx_diag.demo.fairgen import generate_rounds, write_sqlite
    from jetx_diag.demo.features import extract_features
    from jetx_diag.demo.model import build_model

    values = generate_rounds(rounds, seed="bench-report")
    history = write_sqlite(folder / "history.db", values)
    rows = [list(extract_features(values[:t].tolist()).values()) for t in range(500, 8000, 25)]
    scaler = StandardScaler().fit(np.asarray(rows))
    joblib.dump(scaler, folder / "scaler_progressive.pkl")
    keras = import_keras()
    keras.utils.set_random_seed(1)
    model = build_model(len(rows[0]), size="document")
    checkpoint = folder / "stage2_best.h5"
    model.save(checkpoint)
    print(f"model: {model.count_params():,} parameters; history: {rounds:,} rounds")
    return history, checkpoint, folder / "scaler_progressive.pkl"


def timed(label: str, function, *args, **kwargs):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = function(*args, **kwargs)
    seconds = time.perf_counter() - start
    print(f"{label:<48} {seconds:8.2f} s")
    return result, seconds


def full_report(history: Path, checkpoint: Path, cache: Path, out: Path) -> object:
    from jetx_diag.evaluation.evaluator import Evaluator
    from jetx_diag.evaluation.options import EvaluationOptions
    from jetx_diag.report.writer import write_report
    from jetx_diag.scoring.targets import evaluate_targets

    options = EvaluationOptions(data=str(history), features=FEATURES, cache_dir=cache)
    evaluation = Evaluator(options).evaluate(str(checkpoint))
    write_report(evaluation, evaluate_targets(evaluation.metrics), out)
    return evaluation


def bare_predict(history: Path, checkpoint: Path, scaler_path: Path, cache: Path) -> None:
    """The floor: load the model and predict the same held-out inputs, nothing else."""
    from jetx_diag.artifacts.keras_env import import_keras
    from jetx_diag.history.rounds import load_history
    from jetx_diag.inputs.feature_cache import load_extractor
    from jetx_diag.inputs.model_inputs import build_inputs, first_predictable_index, plan_split
    from jetx_diag.predictions import model_input_specs

    keras = import_keras()
    values = load_history(history)
    model = keras.models.load_model(checkpoint, compile=False)
    specs = model_input_specs(model)
    _, targets = plan_split(values.ids, first_predictable_index(specs))
    inputs = build_inputs(
        values.values,
        specs,
        targets,
        extractor=load_extractor(FEATURES),
        scaler=joblib.load(scaler_path),
        cache_dir=cache,  # warm: the bare path is not charged for features either
    )

    def load_and_predict() -> None:
        loaded = keras.models.load_model(checkpoint, compile=False)
        loaded.predict(inputs, batch_size=512, verbose=0)

    return timed("bare load_model + predict (same inputs)", load_and_predict)[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        history, checkpoint, scaler = make_files(folder, args.rounds)
        cache = folder / "cache"
        from jetx_diag.artifacts.keras_env import import_keras

        import_keras()  # TensorFlow start-up is the same for both paths; charged to neither
        evaluation, cold = timed(
            "report in-process, cold feature cache",
            full_report,
            history,
            checkpoint,
            cache,
            folder / "out1",
        )
        _, warm = timed(
            "report in-process, warm feature cache",
            full_report,
            history,
            checkpoint,
            cache,
            folder / "out2",
        )
        bare = bare_predict(history, checkpoint, scaler, cache)
        command = [
            str(Path(sys.executable).parent / "jetx-diag"), "report", str(checkpoint),
            "--data", str(history), "--features", FEATURES, "--cache-dir", str(cache),
            "-o", str(folder / "out3"), "-q",
        ]  # fmt: skip
        _, cli_seconds = timed(
            "jetx-diag report command (fresh process, warm)",
            subprocess.run, command, capture_output=True, check=False,
        )  # fmt: skip
        print(f"held-out rounds evaluated: {evaluation.split.test_samples:,}")  # type: ignore[attr-defined]
        print(f"ratio report (warm cache) / bare load+predict: {warm / bare:6.2f}x")
        print(f"ratio report (cold cache) / bare load+predict: {cold / bare:6.2f}x")
        print(f"ratio command (fresh process) / bare:          {cli_seconds / bare:6.2f}x")


if __name__ == "__main__":
    main()
