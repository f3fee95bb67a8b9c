"""How often does jetx_diag call a model that knows nothing "better" or "worse" than chance?

For each seed: a fair history (``X = max(1, floor(97/U)/100)``, 3% edge) and a model that cannot
know the next round, from :mod:`jetx_diag.demo.null_models`: outputs unrelated to the rounds,
outputs
that wander (AR(1)), an exponentially weighted share of earlier rounds, ``1 − 1/mean`` of the last
50 multipliers, the share of the last 50/200/500 rounds that reached 1.5x and its complement
("due for a crash"), and calls-only versions. The chance verdict is taken exactly as the report
takes it (:func:`jetx_diag.skill.significance.chance_test`, "better" at ``ALPHA``, "worse" at
``WORSE_ALPHA``); each rate is printed with its 95% Wilson interval. Target: "better" within
5% ± 1.5% and "worse" near its 1% level for every model.

``--checkpoints`` also builds real Keras checkpoints on such features (the share of the last 50
or 500 rounds, and its complement) and runs them through
:class:`jetx_diag.evaluation.evaluator.Evaluator`
on a CSV history per seed: the report's own evaluation, with the simulated null. ``--power``
prints how often a model with a real edge (AUC 0.55 or 0.60) is called better, beside the
permutation test of the AUC that the verdict used before. ``--permutation`` adds that old
test's rates to every null, to show what it got wrong.

    .venv/bin/python benchmarks/bench_false_positive.py [--seeds 1000] [--rounds 300,1118,5000]

It prints its figures; it is not a test.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

from jetx_diag.demo.null_models import CALL_NULLS, CONTEXT, FAIR, PROBABILITY_NULLS, null_scores
from jetx_diag.results import Rate
from jetx_diag.scoring.stats import wilson
from jetx_diag.skill.null_simulation import fair_multipliers
from jetx_diag.skill.significance import ALPHA, WORSE_ALPHA, auc_test, chance_test

EDGE = 0.03


def rate_text(count: int, total: int) -> str:
    """``4.90% [3.71, 6.44]`` (95% Wilson interval)."""
    interval = wilson(Rate(count, total))
    assert interval is not None
    low, high = interval.percent()
    return f"{100.0 * count / total:5.2f}% [{low:5.2f}, {high:5.2f}]"


def null_rates(
    name: str, rounds: int, seeds: int, permutation: bool, first: int = 0
) -> tuple[int, int, int, int]:
    """Seeds called better and worse by the verdict, and by the old permutation test."""
    better = worse = old_better = old_worse = 0
    for seed in range(first, first + seeds):
        rng = np.random.default_rng([seed, rounds])
        values = fair_multipliers(CONTEXT + rounds, EDGE, rng)
        scores = null_scores(name, values, CONTEXT, rng)
        above = values[CONTEXT:] >= 1.5
        _, p, p_less, _ = chance_test(above, scores, FAIR)
        better += p is not None and p < ALPHA
        worse += p_less is not None and p_less < WORSE_ALPHA
        if permutation:
            auc = auc_test(above, scores, n_permutations=200, n_bootstrap=2, seed=seed)
            old_better += auc is not None and auc.p_value < ALPHA
            old_worse += auc is not None and auc.p_value_less < ALPHA
    return better, worse, old_better, old_worse


def power(seeds: int) -> None:
    """Models with a real edge: ``score = d·y + noise``, ``d = √2 Φ⁻¹(AUC)``."""
    from scipy.stats import norm

    print("\nPower (a model with a real edge; scores = d·outcome + N(0, 1)):")
    print(f"{'AUC':>5} {'rounds':>7}  {'martingale (verdict)':>24}  {'AUC permutation (old)':>24}")
    for target_auc, rounds in ((0.55, 1118), (0.60, 2000)):
        d = np.sqrt(2.0) * norm.ppf(target_auc)
        new = old = 0
        for seed in range(seeds):
            rng = np.random.default_rng([seed, rounds, 7])
            above = fair_multipliers(rounds, EDGE, rng) >= 1.5
            p_above = 1.0 / (1.0 + np.exp(-(d * above + rng.normal(size=rounds))))
            _, p, _, _ = chance_test(above, p_above, FAIR)
            new += p is not None and p < ALPHA
            auc = auc_test(above, p_above, n_permutations=200, n_bootstrap=2, seed=seed)
            old += auc is not None and auc.p_value < ALPHA
        print(
            f"{target_auc:5.2f} {rounds:7d}  {rate_text(new, seeds):>24}  "
            f"{rate_text(old, seeds):>24}"
        )


# --------------------------------------------------------------------------- real checkpoints

#: Checkpoint nulls: (label, feature extractor, slope). The model is p = σ(slope·(x − fair)).
CHECKPOINTS = (
    ("keras share_50", "jetx_diag.demo.null_models:share_50", 8.0),
    ("keras due_50", "jetx_diag.demo.null_models:share_50", -8.0),
    ("keras due_500", "jetx_diag.demo.null_models:share_500", -8.0),
)


def _checkpoint(folder: Path, name: str, slope: float) -> Path:
    from jetx_diag.artifacts.keras_env import import_keras

    keras = import_keras()
    features = keras.Input((1,), name="features")
    output = keras.layers.Dense(1, activation="sigmoid", name="threshold")(features)
    model = keras.Model(features, output)
    model.layers[-1].set_weights([np.array([[slope]]), np.array([-slope * FAIR])])
    path = folder / f"{name.replace(' ', '_')}.keras"
    model.save(path)
    return path


def checkpoint_rates(
    rounds: int, seeds: int, simulations: int, labels: tuple[str, ...] = ()
) -> None:
    from jetx_diag.evaluation.evaluator import Evaluator
    from jetx_diag.evaluation.options import EvaluationOptions, SkillOptions

    print(
        f"\nReal Keras checkpoints through the report's evaluation ({rounds} held-out rounds, "
        f"{seeds} seeds, {simulations} simulated fair histories each):"
    )
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for label, features, slope in CHECKPOINTS:
            if labels and label.split()[-1] not in labels:
                continue
            checkpoint = _checkpoint(folder, label, slope)
            better = worse = 0
            started = time.perf_counter()
            for seed in range(seeds):
                rng = np.random.default_rng([seed, rounds, 3])
                values = fair_multipliers(CONTEXT + rounds, EDGE, rng)
                data = folder / "history.csv"
                lines = [f"{i + 1},{v:.2f}" for i, v in enumerate(values)]
                data.write_text("id,value\n" + "\n".join(lines) + "\n", encoding="utf-8")
                options = EvaluationOptions(
                    data=str(data),
                    features=features,
                    test_from_id=CONTEXT + 1,
                    find_companions=False,
                    skill=SkillOptions(
                        seed=seed, permutations=20, bootstrap=20, null_simulations=simulations
                    ),
                )
                skill = Evaluator(options).evaluate(checkpoint).skill
                assert skill is not None and skill.significance.primary_test == "simulated_null"
                better += skill.verdict.code.startswith("beats_chance")
                worse += skill.verdict.code == "worse_than_chance"
                if (seed + 1) % 100 == 0 and seed + 1 < seeds:  # a long run shows where it is
                    print(f"    … {seed + 1} seeds: better {better}, worse {worse}", flush=True)
            elapsed = time.perf_counter() - started
            print(
                f"  {label:16s} better {rate_text(better, seeds)}   worse "
                f"{rate_text(worse, seeds)}   {elapsed / seeds:.1f} s per seed"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--seeds", type=int, default=200)
    parser.add_argument("--first-seed", type=int, default=0, help="seeds run from here on")
    parser.add_argument("--rounds", default="300,1118,5000", help="held-out rounds, comma list")
    parser.add_argument("--nulls", default="", help="comma list of null models (default: all)")
    parser.add_argument("--permutation", action="store_true", help="also the old AUC test")
    parser.add_argument("--power", action="store_true", help="also the power at AUC 0.55/0.60")
    parser.add_argument("--checkpoints", action="store_true", help="also real Keras models")
    parser.add_argument("--checkpoint-seeds", type=int, default=40)
    parser.add_argument("--checkpoint-rounds", type=int, default=300)
    parser.add_argument("--null-simulations", type=int, default=99)
    parser.add_argument(
        "--checkpoint-nulls", default="", help="share_50,due_50,due_500 (default: all three)"
    )
    args = parser.parse_args()

    names = [n for n in args.nulls.split(",") if n] or [*PROBABILITY_NULLS, *CALL_NULLS]
    rounds = [int(r) for r in args.rounds.split(",") if r]
    print(
        f'{args.seeds} seeds per row; fair rounds, {EDGE:.0%} edge; "better" at p < {ALPHA:g}, '
        f'"worse" at p < {WORSE_ALPHA:g} (primary test: martingale, as for a predictions file)'
    )
    header = f"{'null model':18s} {'rounds':>6}  {'better':>24}  {'worse':>24}"
    if args.permutation:
        header += f"  {'old: better':>24}  {'old: worse (5%)':>24}"
    print(header)
    started = time.perf_counter()
    for n in rounds:
        for name in names:
            better, worse, old_better, old_worse = null_rates(
                name, n, args.seeds, args.permutation, args.first_seed
            )
            row = (
                f"{name:18s} {n:6d}  {rate_text(better, args.seeds):>24}  "
                f"{rate_text(worse, args.seeds):>24}"
            )
            if args.permutation:
                row += (
                    f"  {rate_text(old_better, args.seeds):>24}  "
                    f"{rate_text(old_worse, args.seeds):>24}"
                )
            print(row, flush=True)
    print(f"time: {time.perf_counter() - started:.0f} s")
    if args.power:
        power(args.seeds)
    if args.checkpoints:
        chosen = tuple(n for n in args.checkpoint_nulls.split(",") if n)
        checkpoint_rates(
            args.checkpoint_rounds, args.checkpoint_seeds, args.null_simulations, chosen
        )


if __name__ == "__main__":
    main()
