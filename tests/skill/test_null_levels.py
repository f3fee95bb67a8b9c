"""Models that know nothing are rarely called better or worse than chance, even those that read
the last rounds: a smoke check of the benchmark's nulls at a small seed count (wide bands; the
benchmark, ``benchmarks/bench_false_positive.py``, measures the rates over 1,000 seeds)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from jetx_diag.demo.null_models import CALL_NULLS, CONTEXT, FAIR, PROBABILITY_NULLS, null_scores
from jetx_diag.errors import UsageError
from jetx_diag.skill.null_simulation import (
    auc,
    fair_multipliers,
    null_from_aucs,
    simulate_null,
    simulated_aucs,
    stopping_counts,
)
from jetx_diag.skill.significance import ALPHA, WORSE_ALPHA, auc_test, chance_test

SEEDS = 60
ROUNDS = 300


def verdicts(name: str, seeds: int = SEEDS, rounds: int = ROUNDS) -> tuple[int, int]:
    """Seeds called better and worse than chance by the verdict's primary test."""
    better = worse = 0
    for seed in range(seeds):
        rng = np.random.default_rng([seed, rounds])
        values = fair_multipliers(CONTEXT + rounds, 0.03, rng)
        scores = null_scores(name, values, CONTEXT, rng)
        primary, p, p_less, _ = chance_test(values[CONTEXT:] >= 1.5, scores, FAIR)
        assert primary == "martingale"
        better += p is not None and p < ALPHA
        worse += p_less is not None and p_less < WORSE_ALPHA
    return better, worse


def test_the_fair_generator_follows_the_law() -> None:
    values = fair_multipliers(200_000, 0.03, np.random.default_rng(0))
    assert values.min() == 1.0 and np.all(np.round(values, 2) == values)
    for m in (1.5, 2.0, 10.0):
        # P(X ≥ m) = 0.97/m; 4 standard errors of a share over 200,000 rounds.
        share = float(np.mean(values >= m))
        assert abs(share - 0.97 / m) < 4 * np.sqrt(0.97 / m * (1 - 0.97 / m) / values.size)
    # 1.00 exactly: the 3% instant crashes and the rounds that would end below 1.01.
    assert abs(float(np.mean(values == 1.0)) - (1 - 0.97 / 1.01)) < 0.002
    with pytest.raises(UsageError):
        fair_multipliers(5, 1.0, np.random.default_rng(0))


@pytest.mark.parametrize("name", [*PROBABILITY_NULLS, *CALL_NULLS])
def test_each_null_stays_within_a_wide_band(name: str) -> None:
    better, worse = verdicts(name)
    # 60 seeds at 5%: 3 expected, more than 9 (15%) is a 1-in-1,000 event; "worse" at 1%: 0.6.
    assert better <= 9, (name, better)
    assert worse <= 4, (name, worse)


def test_all_nulls_together_are_near_five_percent() -> None:
    names = [*PROBABILITY_NULLS, *CALL_NULLS]
    counts = [verdicts(name, seeds=40) for name in names]
    trials = 40 * len(names)
    better = sum(b for b, _ in counts) / trials
    worse = sum(w for _, w in counts) / trials
    assert 0.025 <= better <= 0.085, better
    assert worse <= 0.025, worse


def test_the_permutation_test_fails_where_the_verdict_holds() -> None:
    # "Due for a crash" over the last 500 rounds: the permutation test of the AUC calls it
    # better than chance far more often than 5% on 300 fair rounds; the verdict does not.
    old = 0
    for seed in range(SEEDS):
        rng = np.random.default_rng([seed, ROUNDS])
        values = fair_multipliers(CONTEXT + ROUNDS, 0.03, rng)
        scores = null_scores("due_500", values, CONTEXT, rng)
        result = auc_test(values[CONTEXT:] >= 1.5, scores, n_permutations=200, n_bootstrap=2)
        old += result is not None and result.p_value < ALPHA
    better, _ = verdicts("due_500")
    assert old >= 12, old  # above 20%: the bias the verdict must not have
    assert better <= 9


# --------------------------------------------------------------------------- simulated null


def test_simulated_p_values_by_hand() -> None:
    null = [0.40, 0.45, 0.50, 0.55, float("nan")]  # a history with one outcome only is dropped
    result = null_from_aucs(0.50, null, house_edge=0.03)
    assert result.simulations == 4
    assert result.p_value == pytest.approx((1 + 2) / 5)  # 0.50 and 0.55 are at least 0.50
    assert result.p_value_less == pytest.approx((1 + 3) / 5)
    assert result.null_mean == pytest.approx(0.475)
    with pytest.raises(UsageError):
        null_from_aucs(0.5, [float("nan")], house_edge=0.03)


def test_the_batch_size_does_not_change_the_draws() -> None:
    held_out = np.arange(100, 160)
    calls: list[int] = []

    def pipeline(histories: list[np.ndarray]) -> list[np.ndarray]:
        calls.append(len(histories))
        return [values[held_out - 1] for values in histories]  # the previous round's multiplier

    common = {"history_length": 160, "held_out": held_out, "threshold": 1.5, "house_edge": 0.03}
    one = simulate_null(0.5, pipeline, simulations=7, batch_rows=60, **common)
    assert calls == [1] * 7
    calls.clear()
    three = simulate_null(0.5, pipeline, simulations=7, batch_rows=180, **common)
    assert calls == [3, 3, 1]
    assert one == three


def test_stopping_counts_by_hand() -> None:
    # ceil(level × (N + 1)): 0.05 × 200 = 10 and 0.01 × 200 = 2; 0.05 × 100 = 5, 0.01 × 100 = 1.
    assert stopping_counts(199, 0.05, 0.01) == (10, 2)
    assert stopping_counts(99, 0.05, 0.01) == (5, 1)
    assert stopping_counts(19, 0.05, 0.01) == (1, 1)
    with pytest.raises(UsageError):
        stopping_counts(0, 0.05, 0.01)


def test_sequential_p_values_by_hand() -> None:
    # Observed 0.50, h = (2, 1): the 2nd AUC at or above 0.50 is draw 3 (0.60, 0.70), so
    # p = 2/3; the 1st at or below is draw 2 (0.40), so p_less = 1/2 (Besag and Clifford).
    null = [0.60, 0.40, 0.70, float("nan"), 0.30]
    result = null_from_aucs(0.50, null, house_edge=0.03, stop=(2, 1), planned=9)
    assert (result.p_value, result.p_value_less) == (pytest.approx(2 / 3), pytest.approx(1 / 2))
    assert result.simulations == 4 and result.planned == 9 and result.stopped_early
    # A side that never reached h keeps (G + 1) / (n + 1): one AUC of four at or above 0.65.
    result = null_from_aucs(0.65, null, house_edge=0.03, stop=(2, 1), planned=4)
    assert result.p_value == pytest.approx((1 + 1) / 5)
    assert result.p_value_less == pytest.approx(1 / 1)  # 0.60 ≤ 0.65 at draw 1
    assert not result.stopped_early


def test_stopping_early_never_changes_a_verdict() -> None:
    # The same draws with and without stopping: the stopped run is a prefix of the full one,
    # and "better" (p < 5%) and "worse" (p < 1%) come out the same for observed AUCs across
    # the whole null, its tails included.
    held_out = np.arange(100, 140)
    common = {"history_length": 140, "held_out": held_out, "threshold": 1.5, "house_edge": 0.03}
    stop = stopping_counts(199, ALPHA, WORSE_ALPHA)
    drawn: list[int] = []

    def pipeline(histories: list[np.ndarray]) -> list[np.ndarray]:
        drawn.append(len(histories))
        return [values[held_out - 1] for values in histories]

    full = simulated_aucs(pipeline, simulations=199, **common)
    finite = np.sort(full[np.isfinite(full)])
    observed_values = [*finite[:12], *finite[-14:], *np.quantile(finite, [0.2, 0.5, 0.8]), 0.99]
    stopped_sizes = []
    for observed in observed_values:
        plain = null_from_aucs(float(observed), full, house_edge=0.03)
        drawn.clear()
        sequential = simulate_null(float(observed), pipeline, simulations=199, stop=stop, **common)
        stopped_sizes.append(sum(drawn))
        assert (plain.p_value < ALPHA) == (sequential.p_value < ALPHA)
        assert (plain.p_value_less < WORSE_ALPHA) == (sequential.p_value_less < WORSE_ALPHA)
        assert sequential.p_value >= plain.p_value - 1e-12 or sequential.p_value >= ALPHA
    assert min(stopped_sizes) < 64  # inside the null, a few dozen histories settle it
    assert max(stopped_sizes) == 199  # in a tail, every history is drawn


def test_auc_matches_sklearn() -> None:
    from sklearn.metrics import roc_auc_score

    rng = np.random.default_rng(3)
    above = rng.uniform(size=200) < 0.6
    scores = np.round(rng.uniform(size=200), 1)
    assert auc(above, scores) == pytest.approx(roc_auc_score(above, scores))
    assert np.isnan(auc(np.ones(3, bool), [0.1, 0.2, 0.3]))


def test_the_simulated_null_holds_the_level_for_a_model_reading_500_rounds() -> None:
    # The model's own pipeline (here a function of the history) on fair histories: its AUC is
    # ranked among theirs, so the bias of reading earlier held-out rounds cancels.
    held_out = CONTEXT + np.arange(ROUNDS)

    def pipeline(values: np.ndarray) -> np.ndarray:
        return null_scores("due_500", values, CONTEXT, np.random.default_rng(0))

    better = worse = 0
    means = []
    for seed in range(40):
        values = fair_multipliers(CONTEXT + ROUNDS, 0.03, np.random.default_rng([seed, 9]))
        observed = auc(values[held_out] >= 1.5, pipeline(values))
        result = simulate_null(
            observed,
            lambda histories: [pipeline(values) for values in histories],
            history_length=values.size,
            held_out=held_out,
            threshold=1.5,
            house_edge=0.03,
            simulations=39,
            seed=seed,
        )
        assert result.simulations == 39
        better += result.p_value < ALPHA
        worse += result.p_value_less < WORSE_ALPHA
        means.append(result.null_mean)
    assert better <= 7 and worse <= 3
    # The bias is real: on fair rounds this pipeline's AUC is not centred on 0.5.
    assert abs(float(np.mean(means)) - 0.5) > 0.01


@pytest.mark.keras
def test_a_checkpoint_is_judged_against_its_own_pipeline(tmp_path: Path) -> None:
    from keras_models import keras_module

    from jetx_diag.evaluation.evaluator import Evaluator
    from jetx_diag.evaluation.options import EvaluationOptions, SkillOptions
    from jetx_diag.skill.assessment import render_message

    keras = keras_module("keras3")
    features = keras.Input((1,), name="features")
    output = keras.layers.Dense(1, activation="sigmoid", name="threshold")(features)
    model = keras.Model(features, output)
    # "Due for a crash": p_above falls as the share of the last 50 rounds above 1.5 rises.
    model.layers[-1].set_weights([np.array([[-8.0]]), np.array([8.0 * FAIR])])
    checkpoint = tmp_path / "due.keras"
    model.save(checkpoint)
    values = fair_multipliers(CONTEXT + ROUNDS, 0.03, np.random.default_rng(1))
    data = tmp_path / "history.csv"
    rows = "\n".join(f"{i + 1},{v:.2f}" for i, v in enumerate(values))
    data.write_text("id,value\n" + rows + "\n", encoding="utf-8")
    options = EvaluationOptions(
        data=str(data),
        features="jetx_diag.demo.null_models:share_50",
        test_from_id=CONTEXT + 1,
        find_companions=False,
        skill=SkillOptions(permutations=50, bootstrap=50, null_simulations=19),
    )
    skill = Evaluator(options).evaluate(checkpoint).skill
    assert skill is not None
    significance = skill.significance
    assert significance.primary_test == "simulated_null" and significance.scored == "p_above"
    simulated = significance.simulated
    assert simulated is not None and simulated.planned == 19
    assert simulated.observed == pytest.approx(significance.auc.value)
    # At most 19 histories, h = (1, 1): drawing stops at the first batch (16 histories) that
    # holds an AUC on each side of the observed one, and p = 1 / (draw of the first above).
    assert simulated.stopped_early and simulated.simulations == 16
    assert 1.0 / simulated.p_value == pytest.approx(round(1.0 / simulated.p_value))
    assert significance.p_value == simulated.p_value
    english = [render_message(m) for m in skill.messages]
    assert "against 16 fair histories through the same model" in english[0]
    assert english[1].startswith("Test used: the model's own pipeline (extractor, scaler, model)")
    assert "Drawing stopped after 16 of 19 histories" in english[1]
    assert "no p is below" not in english[1]  # said only when every history was drawn
    # 0 simulations: the martingale test decides instead, and says so.
    options = EvaluationOptions(
        data=str(data),
        features="jetx_diag.demo.null_models:share_50",
        test_from_id=CONTEXT + 1,
        find_companions=False,
        skill=SkillOptions(permutations=50, bootstrap=50, null_simulations=0),
    )
    skill = Evaluator(options).evaluate(checkpoint).skill
    assert skill is not None and skill.significance.primary_test == "martingale"


def test_the_environment_sets_the_default_number_of_simulations(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from jetx_diag.evaluation.options import SkillOptions
    from jetx_diag.skill.null_simulation import (
        NULL_SIMULATIONS,
        NULL_SIMULATIONS_VARIABLE,
        default_null_simulations,
    )

    monkeypatch.delenv(NULL_SIMULATIONS_VARIABLE, raising=False)
    assert default_null_simulations() == NULL_SIMULATIONS == 199
    monkeypatch.setenv(NULL_SIMULATIONS_VARIABLE, " 49 ")
    assert default_null_simulations() == 49
    assert SkillOptions().null_simulations == 49
    assert SkillOptions(null_simulations=9).null_simulations == 9  # an explicit count wins
    for bad in ("-1", "2.5", "many"):
        monkeypatch.setenv(NULL_SIMULATIONS_VARIABLE, bad)
        with pytest.raises(UsageError, match=f"{NULL_SIMULATIONS_VARIABLE} must be a whole number"):
            default_null_simulations()
