"""How often does jetx_diag call a model that knows nothing "better than chance"?

For each seed: a fair history (i.i.d. X = 0.97/U, clipped at 1.00) and a model whose outputs are
independent of the rounds. ``analyse_skill`` runs in full, as the report runs it. The share of
seeds flagged "better than chance" should be near alpha (5%); it is printed with its Wilson
interval, beside the share flagged "worse than chance", the share of histories the randomness
audit calls "not independent", and the time taken. Two kinds of model are tried: one with
probabilities (primary test: AUC permutation) and one with calls only (primary test: Fisher).

    .venv/bin/python benchmarks/bench_false_positive.py [--seeds 200] [--rounds 1118]

It prints its figures; it is not a test.
"""

from __future__ import annotations

import argparse
import time

import numpy as np

from jetx_diag.results import Rate
from jetx_diag.scoring.stats import wilson
from jetx_diag.skill.assessment import analyse_skill


def fair_history(n: int, rng: np.random.Generator) -> np.ndarray:
    return np.maximum(1.0, 0.97 / rng.uniform(size=n))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--rounds", type=int, default=1118, help="held-out rounds per seed")
    parser.add_argument("--permutations", type=int, default=1000)
    parser.add_argument("--bootstrap", type=int, default=1000)
    parser.add_argument("--alpha", type=float, default=0.05)
    args = parser.parse_args()

    print(
        f"{args.seeds} seeds × {args.rounds} held-out rounds, {args.permutations} permutations, "
        f"{args.bootstrap} bootstrap resamples, alpha {args.alpha}"
    )
    for kind in ("probabilities", "calls only"):
        better = worse = dependent = 0
        started = time.perf_counter()
        for seed in range(args.seeds):
            rng = np.random.default_rng(seed)
            actual = fair_history(args.rounds, rng)
            train = fair_history(args.rounds * 4, rng)
            if kind == "probabilities":
                # Outputs scattered around the base rate, unrelated to the rounds.
                p = np.clip(0.647 + 0.1 * rng.normal(size=args.rounds), 0.0, 1.0)
                calls = p >= 0.5
            else:
                p = None
                calls = rng.uniform(size=args.rounds) < 0.8
            report = analyse_skill(
                actual,
                calls,
                p,
                train_actual=train,
                alpha=args.alpha,
                seed=seed,
                n_permutations=args.permutations,
                n_bootstrap=args.bootstrap,
            )
            better += report.verdict.code.startswith("beats_chance")
            worse += report.verdict.code == "worse_than_chance"
            dependent += report.randomness.verdict == "not_independent"
        elapsed = time.perf_counter() - started
        print(f"\nmodel with {kind}:")
        for label, count in (
            ('flagged "better than chance"', better),
            ('flagged "worse than chance"', worse),
            ('histories "not independent"', dependent),
        ):
            rate = Rate(count, args.seeds)
            interval = wilson(rate)
            assert interval is not None
            low, high = interval.percent()
            print(f"  {label:30s} {rate.text():>18s}   95% CI [{low:.2f}%, {high:.2f}%]")
        print(f"  time: {elapsed:.1f} s in all, {1000 * elapsed / args.seeds:.0f} ms per seed")


if __name__ == "__main__":
    main()
