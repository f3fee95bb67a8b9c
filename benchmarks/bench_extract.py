"""What a feature extractor costs per round, late in a long history, and with --jobs.

Prints, on a history of a million rounds:

* the cost of one extractor call that looks at the last 50 rounds, at round 10,000 and at round
  1,000,000: through the read-only history view the extractor gets (the same at both), and
  through the fresh list copy ``history[:index]`` extractors used to get (grows with the round);
* the demo extractor (``jetx_diag.demo.features``) over the same block of rounds with
  ``--jobs 1`` and ``--jobs 2`` (worker start-up included), the speed-up, and that both gave the
  same matrix.

Run: ``python benchmarks/bench_extract.py [--rounds 1000000] [--block 20000] [--jobs 2]
[--repeat 3]`` (runs alternate; the least of each is kept, as the machines are shared).
"""

from __future__ import annotations

import argparse
import time

import numpy as np


def last_50_mean(history) -> dict[str, float]:  # type: ignore[no-untyped-def]
    tail = history[-50:]
    return {"mean_50": sum(tail) / len(tail)}


def per_call(make_history, index: int, calls: int = 200) -> float:  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    for _ in range(calls):
        last_50_mean(make_history(index))
    return (time.perf_counter() - started) / calls


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=1_000_000)
    parser.add_argument("--block", type=int, default=20_000, help="rounds extracted with --jobs")
    parser.add_argument("--repeat", type=int, default=3, help="alternate runs; least kept")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()

    from jetx_diag.demo.features import extract_features
    from jetx_diag.history.view import Rounds
    from jetx_diag.inputs.feature_workers import extract_matrix

    rng = np.random.default_rng(0)
    values = np.maximum(1.0, np.floor(97.0 / (1.0 - rng.random(args.rounds))) / 100.0)
    rounds = Rounds(values)
    as_list = values.tolist()
    print(f"history: {args.rounds:,} rounds")
    for index in (10_000, args.rounds):
        view = per_call(rounds.before, index)
        copy = per_call(lambda i: as_list[:i], index, calls=20)
        print(
            f"one call at round {index:>9,}: view {view * 1e6:8.1f} µs   "
            f"list copy {copy * 1e6:10.1f} µs"
        )

    targets = np.arange(args.rounds - args.block, args.rounds)
    timings: dict[int, list[float]] = {1: [], args.jobs: []}
    matrices = {}
    # Alternately, so that a shared machine's load falls on both; the least of each is kept.
    for _ in range(max(1, args.repeat)):
        for jobs in (1, args.jobs):
            started = time.perf_counter()
            _, matrices[jobs] = extract_matrix(extract_features, "demo", values, targets, jobs=jobs)
            timings[jobs].append(time.perf_counter() - started)
            print(
                f"demo extractor, {args.block:,} rounds, --jobs {jobs}: {timings[jobs][-1]:7.2f} s"
            )
    same = np.array_equal(matrices[1], matrices[args.jobs])
    alone, fanned = min(timings[1]), min(timings[args.jobs])
    print(f"least of {max(1, args.repeat)}: --jobs 1 {alone:.2f} s, --jobs {args.jobs} "
          f"{fanned:.2f} s (worker start-up included)")  # fmt: skip
    print(f"speed-up --jobs {args.jobs} over --jobs 1: {alone / fanned:5.2f}x "
          f"(same matrix: {same})")  # fmt: skip


if __name__ == "__main__":
    main()
