"""Does a report scale to a million rounds? Wall time and peak memory, each run in a fresh process.

Prints, for ``jetx-diag report --predictions FILE`` on fair rounds (a model whose
``p_above`` knows nothing):

- wall time at 10^5 and 10^6 rounds and their ratio (linear time: about 10, target ≤ 12);
- peak resident memory of each run (target at 10^6: under 2 GB);

for ``load_history`` on SQLite, CSV and text histories of 10^6 rows with a few bad rows: peak
memory and the row accounting (read = used + rejected, by reason);

and for ``jetx-diag report MODEL --data HISTORY`` with a small window-only Keras model
(``seq50`` input) on a SQLite history of 10^6 rounds:

- peak resident memory of the whole report, and of a process that only imports TensorFlow and
  loads the model (TensorFlow's own footprint), printed separately.

Each command runs in its own subprocess; its peak is the child's ``ru_maxrss`` from
``os.wait4``, so nothing measured here inflates it. The machines are shared and noisy: the ratio
of two runs made one after the other is the figure to read.

    .venv/bin/python benchmarks/bench_scale.py [--rounds 100000 1000000] [--skip-model]

It prints its figures; it is not a test.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

JETX_DIAG = str(Path(sys.executable).parent / "jetx-diag")


def fair_predictions(path: Path, n: int, seed: int = 1) -> Path:
    """A predictions CSV of ``n`` fair rounds (3% edge) and probabilities unrelated to them."""
    rng = np.random.default_rng(seed)
    actual = np.maximum(1.0, np.floor(97.0 / rng.uniform(size=n)) / 100.0)
    p = np.clip(0.647 + 0.1 * rng.normal(size=n), 0.0, 1.0)
    table = np.column_stack([np.arange(1, n + 1), actual, p])
    np.savetxt(path, table, fmt=("%d", "%.2f", "%.6f"), delimiter=",", comments="",
               header="round_id,actual,p_above")  # fmt: skip
    return path


def run(command: list[str], label: str) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of ``command`` in a fresh process; exits on failure.

    The CPU seconds (user + system) are printed too: on a machine shared with other work, wall
    time measures the neighbours as much as the report.
    """
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - started
    stderr = process.stderr.read().decode(errors="replace") if process.stderr else ""
    code = os.waitstatus_to_exitcode(status)
    peak = usage.ru_maxrss / 1024.0  # kB on Linux
    cpu = usage.ru_utime + usage.ru_stime
    print(f"{label:<58} {seconds:8.1f} s  cpu {cpu:8.1f} s  peak {peak:7.0f} MB  (exit {code})",
          flush=True)  # fmt: skip
    if code not in (0, 1):  # 1: a target missed, as expected for a model that knows nothing
        sys.exit(f"{label} failed with exit {code}:\n{stderr[-2000:]}")
    return seconds, peak


def predictions_runs(folder: Path, sizes: list[int]) -> None:
    times: dict[int, float] = {}
    cpu: dict[int, float] = {}
    for n in sizes:
        csv = fair_predictions(folder / f"pred_{n}.csv", n)
        out = folder / f"pred_out_{n}"
        command = [JETX_DIAG, "report", "--predictions", str(csv), "-o", str(out), "-q",
                   "--json", str(out / "report.json")]  # fmt: skip
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        times[n], _ = run(command, f"report --predictions, {n:,} rounds")
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu[n] = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        json_mb = (out / "report.json").stat().st_size / 1e6
        side = out / "report.rounds.npz"
        side_mb = side.stat().st_size / 1e6 if side.exists() else 0.0
        print(f"{'':<58} report.json {json_mb:.1f} MB, side file {side_mb:.1f} MB")
    if len(sizes) >= 2:
        small, large = sizes[0], sizes[-1]
        print(f"time ratio {large:,} / {small:,} rounds: wall {times[large] / times[small]:.2f}, "
              f"cpu {cpu[large] / cpu[small]:.2f} (rounds ratio {large / small:g})")  # fmt: skip


MODEL_SCRIPT = """
import sys
from jetx_diag.artifacts.keras_env import import_keras
keras = import_keras()
keras.utils.set_random_seed(0)
inputs = keras.Input((50, 1), name="seq50")
x = keras.layers.Flatten()(inputs)
x = keras.layers.Dense(16, activation="relu")(x)
out = keras.layers.Dense(1, activation="sigmoid", name="threshold")(x)
keras.Model(inputs, out).save(sys.argv[1])
"""

TF_FOOTPRINT = """
import sys
from jetx_diag.artifacts.keras_env import import_keras
keras = import_keras()
keras.models.load_model(sys.argv[1], compile=False)
"""


HISTORY_SCRIPT = """
import sys
from jetx_diag.history.rounds import load_history
h = load_history(sys.argv[1])
a = h.accounting
assert a.rows_read == a.rows_used + len(a.rejected)
print(a.rows_read, a.rows_used, len(a.rejected), a.rejected_by_reason)
"""

#: Bad cells written into every history: each must come back as one rejected row, by reason.
BAD_CELLS = ("abc", "0.5", "nan", "1.5 2.5")


def history_runs(folder: Path, n: int) -> None:
    """Each history format at ``n`` rows, with a few bad rows: peak memory and the accounting."""
    import sqlite3

    rng = np.random.default_rng(2)
    values = np.maximum(1.0, np.floor(97.0 / rng.uniform(size=n)) / 100.0)
    cells = [f"{v:.2f}" for v in values]
    for i, bad in enumerate(BAD_CELLS):
        cells[(i + 1) * n // (len(BAD_CELLS) + 1)] = bad
    text = folder / "history.txt"
    text.write_text("\n".join(cells) + "\n", encoding="utf-8")
    csv = folder / "history.csv"
    csv.write_text("id,value\n" + "".join(f"{i},{c}\n" for i, c in enumerate(cells, 1)),
                   encoding="utf-8")  # fmt: skip
    db = folder / "history_bad.db"
    with sqlite3.connect(db) as connection:
        connection.execute("CREATE TABLE jetx_results (id INTEGER PRIMARY KEY, value TEXT)")
        connection.executemany("INSERT INTO jetx_results (value) VALUES (?)",
                               ((c,) for c in cells))  # fmt: skip
    connection.close()
    for path in (db, csv, text):
        command = [sys.executable, "-c", HISTORY_SCRIPT, str(path)]
        started = time.perf_counter()
        process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        out = process.stdout.read().decode().strip() if process.stdout else ""
        if os.waitstatus_to_exitcode(status) != 0:
            err = process.stderr.read().decode(errors="replace") if process.stderr else ""
            sys.exit(f"load_history {path} failed:\n{err[-2000:]}")
        label = f"load_history {path.suffix[1:]} of {n:,} rows ({len(BAD_CELLS)} bad)"
        print(f"{label:<58} {seconds:8.1f} s  peak {usage.ru_maxrss / 1024:7.0f} MB")
        print(f"{'':<58} read, used, rejected, by reason: {out}")


def model_runs(folder: Path, n: int) -> None:
    from jetx_diag.demo.fairgen import generate_rounds, write_sqlite

    started = time.perf_counter()
    history = write_sqlite(folder / "history.db", generate_rounds(n, seed="bench-scale"))
    print(f"history of {n:,} rounds written in {time.perf_counter() - started:.0f} s")
    model = folder / "window.keras"
    subprocess.run([sys.executable, "-c", MODEL_SCRIPT, str(model)], check=True,
                   capture_output=True)  # fmt: skip
    _, tf_peak = run([sys.executable, "-c", TF_FOOTPRINT, str(model)],
                     "TensorFlow import + load_model only")  # fmt: skip
    out = folder / "model_out"
    command = [JETX_DIAG, "report", str(model), "--data", str(history), "-o", str(out),
               "-q", "--no-cache", "--json", str(out / "report.json")]  # fmt: skip
    _, peak = run(command, f"report window model on a history of {n:,} rounds")
    print(f"{'':<58} beyond TensorFlow's own footprint: {peak - tf_peak:7.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--skip-model", action="store_true", help="predictions file only")
    parser.add_argument("--skip-predictions", action="store_true", help="history + model only")
    parser.add_argument("--skip-histories", action="store_true", help="no history readers")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.skip_predictions:
            predictions_runs(folder, sorted(args.rounds))
        if not args.skip_histories:
            history_runs(folder, max(args.rounds))
        if not args.skip_model:
            model_runs(folder, max(args.rounds))


if __name__ == "__main__":
    main()
