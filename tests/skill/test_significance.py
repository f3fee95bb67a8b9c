"""Skill tests: the document's matrix by hand, a planted signal, a model that knows nothing."""

from __future__ import annotations

import math

import numpy as np
import pytest
from sklearn.metrics import cohen_kappa_score, matthews_corrcoef, roc_auc_score

from jetx_diag.errors import UsageError
from jetx_diag.results import Rate, from_dict, to_dict
from jetx_diag.skill.significance import (
    Significance,
    adjust_for_tries,
    assess_significance,
    auc_test,
    binomial_test,
    fisher_test,
    holm,
    kappa_statistic,
    mcc_statistic,
    mcnemar_test,
    skill_verdict,
)

FEW = {"n_permutations": 200, "n_bootstrap": 200}


def document_rounds(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Held-out outcomes and calls with the document's counts 26/412/43/637, shuffled."""
    actual = np.array([False] * 438 + [True] * 680)
    called = np.array([False] * 26 + [True] * 412 + [False] * 43 + [True] * 637)
    order = np.random.default_rng(seed).permutation(actual.size)
    return actual[order], called[order]


def fair_above(n: int, seed: int) -> np.ndarray:
    """Outcomes of a fair game: X = 0.97/U clipped at 1.00, above when X >= 1.5."""
    x = np.maximum(1.0, 0.97 / np.random.default_rng(seed).uniform(size=n))
    return x >= 1.5


def run(actual: np.ndarray, called: np.ndarray, p: np.ndarray | None = None, **kw: object):
    always = np.ones(actual.size, dtype=bool)
    options = {
        "always_above_calls": always,
        "best_baseline": "always_above",
        "best_baseline_calls": always,
        "base_rate": 0.97 / 1.5,
        **FEW,
        **kw,
    }
    return assess_significance(actual, called, p, **options)  # type: ignore[arg-type]


def binom_cdf(k: int, n: int, p: float) -> float:
    """P(Bin(n, p) <= k), summed in log space by hand."""
    total = 0.0
    for i in range(k + 1):
        log_term = (
            math.lgamma(n + 1)
            - math.lgamma(i + 1)
            - math.lgamma(n - i + 1)
            + i * math.log(p)
            + (n - i) * math.log(1 - p)
        )
        total += math.exp(log_term)
    return total


# --------------------------------------------------------------------------- the document


def test_document_mcnemar_against_always_above_by_hand() -> None:
    actual, called = document_rounds()
    result = mcnemar_test(actual, called, np.ones(actual.size, dtype=bool), "always_above")
    # Model right, always-above wrong: the 26 below rounds called below. The reverse: the 43
    # above rounds called below. 69 discordant pairs ≥ 25: chi-square with continuity correction.
    assert (result.model_only_correct, result.baseline_only_correct) == (26, 43)
    assert (result.both_correct, result.both_wrong) == (637, 412)
    statistic = (abs(26 - 43) - 1) ** 2 / (26 + 43)  # 256/69 = 3.7101
    p_value = math.erfc(math.sqrt(statistic / 2))  # chi-square(1) tail: 0.0541
    assert result.exact is False
    assert result.statistic == pytest.approx(statistic, abs=1e-9)
    assert result.p_value == pytest.approx(p_value, abs=1e-9)
    assert result.outcome == "indistinguishable"


def test_document_verdict_not_better_than_always_above() -> None:
    actual, called = document_rounds()
    significance = run(actual, called)
    verdict = skill_verdict(significance)
    # 59.30% (663/1118) for the model, 60.82% (680/1118) for always "above".
    assert Rate(int(np.sum(actual == called)), actual.size) == Rate(663, 1118)
    assert Rate(int(actual.sum()), actual.size) == Rate(680, 1118)
    assert verdict.versus_always_above != "better"
    assert verdict.code == "no_evidence"
    assert significance.primary_test == "martingale" and significance.scored == "calls"
    assert significance.p_value is not None and significance.p_value > 0.05
    # Fisher (for reference), one-sided: P(at least 637 of the 1,049 "above" calls land on the
    # 680 above rounds) when calls are independent of outcomes (hypergeometric), summed by hand.
    p_by_hand = sum(
        math.comb(680, k) * math.comb(438, 1049 - k) for k in range(637, 681)
    ) / math.comb(1118, 1049)
    assert significance.fisher_p_value == pytest.approx(p_by_hand, rel=1e-9)
    assert significance.fisher_p_value == pytest.approx(0.649, abs=0.001)


def test_document_bet_win_rate_against_break_even_by_hand() -> None:
    actual, called = document_rounds()
    significance = run(actual, called)
    test = significance.win_rate_vs_break_even
    assert test is not None and test.rate == Rate(637, 1049)
    assert test.null_rate == pytest.approx(2 / 3)
    assert test.p_less == pytest.approx(binom_cdf(637, 1049, 2 / 3), rel=1e-6)
    assert skill_verdict(significance).money == "loses_money"
    base = significance.win_rate_vs_base_rate
    assert base is not None and base.null_rate == pytest.approx(0.97 / 1.5)


# --------------------------------------------------------------------------- known answers


def test_planted_signal_is_detected_as_better_than_chance() -> None:
    actual = fair_above(1000, seed=1)
    rng = np.random.default_rng(2)
    # The model knows something: its logit moves by ±0.5 with the outcome, plus noise.
    p = 1 / (1 + np.exp(-(0.6 + 0.5 * (2 * actual - 1) + rng.normal(0, 1, actual.size))))
    significance = run(actual, p >= 0.5, p)
    assert significance.primary_test == "martingale" and significance.scored == "p_above"
    assert significance.auc is not None and significance.auc.value > 0.55
    assert significance.auc.p_value == pytest.approx(1 / 201)  # no permutation came close
    assert significance.p_value is not None and significance.p_value < 1e-6
    assert skill_verdict(significance).code.startswith("beats_chance")


def test_calls_that_really_know_beat_chance_and_always_above() -> None:
    actual = fair_above(800, seed=3)
    rng = np.random.default_rng(4)
    called = np.where(rng.uniform(size=actual.size) < 0.85, actual, ~actual)  # 85% right
    verdict = skill_verdict(run(actual, called))
    assert verdict.code == "beats_chance_and_baselines"
    assert verdict.versus_always_above == "better"
    assert verdict.money == "makes_money"  # ~90% of bets win, far above 66.7%


def test_model_that_knows_nothing_shows_no_evidence() -> None:
    actual = fair_above(1118, seed=7)
    p = np.random.default_rng(8).uniform(size=actual.size)
    significance = run(actual, p >= 0.35, p)
    verdict = skill_verdict(significance)
    assert verdict.code == "no_evidence"
    assert significance.auc is not None and significance.auc.interval is not None
    assert significance.auc.interval.contains(0.5)
    assert significance.p_value is not None and significance.p_value > 0.05


def test_inverted_model_is_worse_than_chance() -> None:
    actual = fair_above(600, seed=7)
    p = np.where(actual, 0.3, 0.7) + np.random.default_rng(8).normal(0, 0.2, actual.size)
    verdict = skill_verdict(run(actual, p >= 0.5, p))
    assert verdict.code == "worse_than_chance"


def test_one_class_only_is_not_enough_data() -> None:
    actual = np.ones(50, dtype=bool)
    significance = run(actual, np.ones(50, dtype=bool), np.linspace(0, 1, 50))
    assert significance.auc is None and significance.primary_test == "none"
    assert skill_verdict(significance).code == "not_enough_data"


def test_holm_correction_for_tries_changes_the_verdict() -> None:
    actual = fair_above(400, seed=9)
    rng = np.random.default_rng(10)
    called = np.where(rng.uniform(size=actual.size) < 0.56, actual, ~actual)
    alone = run(actual, called)
    assert alone.p_value is not None and 0.001 < alone.p_value < 0.002
    tried = run(actual, called, tests_tried=40)
    assert tried.tests_tried == 40
    assert tried.p_value_adjusted == pytest.approx(min(1.0, 40 * alone.p_value))
    assert skill_verdict(alone).code.startswith("beats_chance")
    assert skill_verdict(tried).code == "no_evidence"
    family = run(actual, called, family_p_values=[0.5, 0.9])
    assert family.tests_tried == 3
    assert family.p_value_adjusted == pytest.approx(3 * alone.p_value)


def test_holm_by_hand() -> None:
    # Sorted 0.01, 0.03, 0.04 → 3·0.01, max(0.03, 2·0.03), max(0.06, 1·0.04).
    assert holm([0.01, 0.04, 0.03]) == pytest.approx((0.03, 0.06, 0.06))
    assert holm([]) == ()
    assert adjust_for_tries(0.02, 5) == pytest.approx(0.1)
    assert adjust_for_tries(0.3, 5) == 1.0
    assert adjust_for_tries(0.01, others=[0.5, 0.02]) == pytest.approx(0.03)
    with pytest.raises(UsageError):
        adjust_for_tries(0.01, 0)


# --------------------------------------------------------------------------- single pieces


def test_mcnemar_exact_for_few_discordant_pairs_by_hand() -> None:
    actual = np.ones(20, dtype=bool)
    baseline = np.ones(20, dtype=bool)
    model = np.ones(20, dtype=bool)
    model[:10] = False  # baseline right, model wrong on 10 rounds
    actual[17:] = False  # on 3 rounds the model is right (it says below) and the baseline wrong
    model[17:] = False
    result = mcnemar_test(actual, model, baseline, "always_above")
    assert (result.model_only_correct, result.baseline_only_correct) == (3, 10)
    assert result.exact is True
    assert result.p_value == pytest.approx(2 * binom_cdf(3, 13, 0.5), abs=1e-12)
    same = mcnemar_test(actual, baseline, baseline, "always_above")
    assert same.p_value == 1.0 and same.outcome == "indistinguishable"


def test_binomial_test_refuses_no_trials() -> None:
    with pytest.raises(UsageError):
        binomial_test("win_rate_vs_base_rate", Rate(0, 0), 0.5)
    result = binomial_test("x", Rate(7, 10), 0.5)
    assert result.p_greater == pytest.approx(1 - binom_cdf(6, 10, 0.5))


def test_auc_permutation_is_seeded_and_matches_sklearn_with_ties() -> None:
    rng = np.random.default_rng(11)
    actual = rng.uniform(size=300) < 0.6
    p = np.round(rng.uniform(size=300) + 0.1 * actual, 1)  # many ties
    a = auc_test(actual, p, n_permutations=200, n_bootstrap=100, seed=1)
    b = auc_test(actual, p, n_permutations=200, n_bootstrap=100, seed=1)
    c = auc_test(actual, p, n_permutations=200, n_bootstrap=100, seed=2)
    assert a == b and a != c
    assert a is not None and a.value == pytest.approx(roc_auc_score(actual, p))
    assert (a.positives, a.negatives) == (int(actual.sum()), int((~actual).sum()))
    # p = (1 + permutations at least as extreme) / (permutations + 1)
    assert (a.p_value * 201) == pytest.approx(round(a.p_value * 201))
    assert 0.0 < a.p_value <= 1.0 and a.p_value + a.p_value_less >= 1.0
    assert auc_test(np.ones(5, dtype=bool), np.linspace(0, 1, 5)) is None


def test_vectorised_kappa_and_mcc_match_sklearn() -> None:
    rng = np.random.default_rng(12)
    for _ in range(5):
        actual = (rng.uniform(size=200) < 0.65).astype(float)
        called = (rng.uniform(size=200) < 0.5).astype(float)
        assert kappa_statistic(called, actual) == pytest.approx(cohen_kappa_score(actual, called))
        assert mcc_statistic(called, actual) == pytest.approx(matthews_corrcoef(actual, called))
    constant = np.ones(10)
    assert mcc_statistic(constant, (np.arange(10) < 5).astype(float)) == 0.0


def test_kappa_and_mcc_of_the_document_are_near_zero_with_intervals() -> None:
    actual, called = document_rounds()
    significance = run(actual, called)
    assert significance.kappa.value == pytest.approx(cohen_kappa_score(actual, called))
    assert significance.mcc.value == pytest.approx(matthews_corrcoef(actual, called))
    for estimate in (significance.kappa, significance.mcc):
        assert estimate.interval is not None and estimate.interval.contains(0.0)
        assert estimate.interval.method == "block_bootstrap"


def test_fisher_needs_both_classes() -> None:
    assert fisher_test(np.ones(5, dtype=bool), np.ones(5, dtype=bool)) is None
    greater, less = fisher_test(np.array([1, 1, 0, 0], bool), np.array([1, 1, 0, 0], bool))  # type: ignore[misc]
    assert greater == pytest.approx(1 / 6) and less == pytest.approx(1.0)


def test_input_mismatch_and_round_trip() -> None:
    actual, called = document_rounds()
    with pytest.raises(UsageError):
        run(actual, called[:-1])
    with pytest.raises(UsageError):
        run(actual, called, np.ones(5))
    significance = run(actual, called, np.where(called, 0.7, 0.3))
    assert from_dict(Significance, to_dict(significance)) == significance
