"""How much does a report cost beyond running the model, and what does a second report cost?

On a 10,000-round provably-fair history and a model shaped like the document's (inputs
``features``, ``seq50``, ``seq200``, ``seq500``; heads ``regression``, ``classification``,
``threshold``; about a million parameters), this prints in one run:

- the wall time of the whole report in this process (history, checkpoint, scaler, inputs,
  one predict call for the validation slice and the held-out rounds, statistics, Markdown +
  HTML + plots): first with a cold feature cache and the chance verdict's simulated fair
  histories run through the model (their time is printed apart), then with a warm feature cache
  and those histories' AUCs from the cache (prediction cache off both times);
- the wall time of bare ``keras.models.load_model`` + ``model.predict`` on the same rows (the
  validation slice and the held-out rounds, one call, as the report makes it);
- their ratio (the target: at most 1.30), and the same ratio had the fair histories been run
  again (what a first report of a checkpoint costs);
- the ``jetx-diag report`` command as a user runs it (a fresh process: Python and TensorFlow
  start-up included), first with an empty prediction cache, then again with other targets,
  language, cut-off and formats: the second run loads neither TensorFlow nor the model, and
  the speed-up is printed (the target: at least 10x).

Ratios measured in one run are the point: the machines are shared and noisy.
Run: ``python benchmarks/bench_report.py [--rounds 10000] [--null-simulations 199] [--repeat 1]
[--in-process-only]`` (fewer fair histories only shorten the runs that simulate them; the warm
report takes their AUCs from the cache whatever their number).
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


def full_report(
    history: Path, checkpoint: Path, cache: Path, out: Path, simulations: int
) -> object:
    from jetx_diag.evaluation.evaluator import Evaluator
    from jetx_diag.evaluation.options import EvaluationOptions, SkillOptions
    from jetx_diag.report.writer import write_report
    from jetx_diag.scoring.targets import evaluate_targets

    options = EvaluationOptions(
        data=str(history),
        features=FEATURES,
        cache_dir=cache,
        skill=SkillOptions(null_simulations=simulations),
    )
    evaluation = Evaluator(options).evaluate(str(checkpoint))
    write_report(evaluation, evaluate_targets(evaluation.metrics), out)
    return evaluation


class NullTimer:
    """Times the simulated fair histories' run through the model (not a cache hit)."""

    def __init__(self) -> None:
        import jetx_diag.evaluation.simulated_null as module

        self.seconds = 0.0
        self.runs = 0
        simulate = module._simulate

        def timed_simulate(*args, **kwargs):  # type: ignore[no-untyped-def]
            start = time.perf_counter()
            try:
                return simulate(*args, **kwargs)
            finally:
                self.seconds += time.perf_counter() - start
                self.runs += 1

        module._simulate = timed_simulate


def clear_predictions(cache: Path) -> None:
    """The in-process figures compare model work: no prediction is taken from the cache."""
    for entry in cache.glob("predictions-*.npz"):
        entry.unlink()


def bare_predict(history: Path, checkpoint: Path, cache: Path) -> float:
    """The floor: load the model and predict the same rows in one call, nothing else."""
    from jetx_diag.artifacts.keras_env import import_keras
    from jetx_diag.evaluation.evaluator import Evaluator
    from jetx_diag.evaluation.options import EvaluationOptions
    from jetx_diag.predictions import model_input_specs

    keras = import_keras()
    model = keras.models.load_model(checkpoint, compile=False)
    options = EvaluationOptions(data=str(history), features=FEATURES, cache_dir=cache)
    evaluator = Evaluator(options)
    scaler_path, _ = evaluator.companions(checkpoint)
    specs = model_input_specs(model)
    evaluator.prepare(specs, scaler_path)  # warm feature cache: features are not charged
    (prepared,) = evaluator.shared_inputs.values()
    rows = prepared.model_batch

    def load_and_predict() -> None:
        loaded = keras.models.load_model(checkpoint, compile=False)
        loaded.predict(rows, batch_size=512, verbose=0)

    print(f"rows predicted: {next(iter(rows.values())).shape[0]:,} (validation + held-out)")
    return timed("bare load_model + predict (same rows)", load_and_predict)[1]


def command(checkpoint: Path, history: Path, cache: Path, out: Path, *extra: str) -> list[str]:
    """The report command as a user types it (``extra``: the null's size, other options)."""
    return [
        str(Path(sys.executable).parent / "jetx-diag"), "report", str(checkpoint),
        "--data", str(history), "--features", FEATURES, "--cache-dir", str(cache),
        "-o", str(out), "-q", *extra,
    ]  # fmt: skip


def print_ratios(warm: float, bare: float, null_seconds: float, cold: float) -> None:
    print(
        f"ratio report (warm, cached null) / bare load+predict: {warm / bare:6.2f}x  "
        "(target <= 1.30)"
    )
    print(f"ratio report (warm, fair histories run) / bare: {(warm + null_seconds) / bare:6.2f}x")
    print(f"ratio report (cold features, histories run) / bare: {cold / bare:6.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10_000)
    parser.add_argument("--null-simulations", type=int, default=199)
    parser.add_argument(
        "--in-process-only",
        action="store_true",
        help="only the in-process reports and the bare load + predict (not the command twice)",
    )
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="warm report and bare load + predict this many times, alternately; the least of "
        "each is kept (a shared machine's load then weighs less on the ratio)",
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        history, checkpoint, _ = make_files(folder, args.rounds)
        cache = folder / "cache"
        from jetx_diag.artifacts.keras_env import import_keras

        import_keras()  # TensorFlow start-up is the same for both paths; charged to neither
        null = NullTimer()
        evaluation, cold = timed(
            "report in-process, cold features, fair histories run",
            full_report,
            history,
            checkpoint,
            cache,
            folder / "out1",
            args.null_simulations,
        )
        null_seconds, null_runs = null.seconds, null.runs
        label = f"  of which {args.null_simulations} fair histories through the model"
        print(f"{label:<48} {null_seconds:8.2f} s")
        warms, bares = [], []
        for _ in range(max(1, args.repeat)):
            clear_predictions(cache)
            _, seconds = timed(
                "report in-process, warm features, cached null",
                full_report,
                history,
                checkpoint,
                cache,
                folder / "out2",
                args.null_simulations,
            )
            warms.append(seconds)
            clear_predictions(cache)
            bares.append(bare_predict(history, checkpoint, cache))
        warm, bare = min(warms), min(bares)
        if args.in_process_only:
            assert null_runs == 1 and null.runs == 1, "the warm report ran the fair histories"
            print_ratios(warm, bare, null_seconds, cold)
            return
        # The command twice: no predictions and no fair histories in the cache (a checkpoint
        # never reported before; the features stay cached), then other targets, language,
        # cut-off and formats on the same checkpoint.
        for entry in cache.glob("simulated-*.npz"):
            entry.unlink()
        simulations = ("--null-simulations", str(args.null_simulations))
        _, first = timed(
            "jetx-diag report command, first (warm features)",
            subprocess.run,
            command(checkpoint, history, cache, folder / "out3", *simulations),
            capture_output=True,
            check=False,
        )
        again = command(
            checkpoint, history, cache, folder / "out4", *simulations,
            "--lang", "tr", "--cutoff", "0.45", "--format", "md",
            "--target", "below_accuracy>=70", "--json", str(folder / "again.json"),
        )  # fmt: skip
        done, second = timed(
            "jetx-diag report command, second (other options)",
            subprocess.run,
            again,
            capture_output=True,
            check=False,
        )
        if done.returncode not in (0, 1):
            print(done.stderr.decode(errors="replace"))
        assert null_runs == 1 and null.runs == 1, "the warm report ran the fair histories again"
        print(f"held-out rounds evaluated: {evaluation.split.test_samples:,}")  # type: ignore[attr-defined]
        print_ratios(warm, bare, null_seconds, cold)
        print(f"second report command speed-up: first / second = {first / second:6.1f}x  "
              "(target >= 10)")  # fmt: skip


if __name__ == "__main__":
    main()
