"""The single entry point on the document's matrix, a planted signal and a know-nothing model."""

from __future__ import annotations

import json
import math

import numpy as np
import pytest

from jetx_diag.errors import DataError, MismatchError, UsageError
from jetx_diag.i18n.messages import CATALOG, fields
from jetx_diag.results import Rate, from_dict, to_dict
from jetx_diag.scoring.metrics import compute_metrics
from jetx_diag.skill.assessment import (
    RATE_FIELDS,
    SkillReport,
    analyse_skill,
    format_p,
    render_message,
)
from jetx_diag.skill.baselines import BASELINE_NAMES
from jetx_diag.skill.cutoffs import CHOICE_STATUSES
from jetx_diag.skill.randomness import INDEPENDENCE_CODES, LAW_CODES
from jetx_diag.skill.significance import MONEY_CODES, VERDICT_CODES

FEW = {"n_permutations": 200, "n_bootstrap": 200}
Z95 = 1.959963984540054


def document_history(seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """Multipliers and calls with the document's counts 26/412/43/637, in shuffled order.

    Below-1.5 rounds get multipliers in [1.00, 1.50), above rounds 1.5/U (the fair tail).
    """
    rng = np.random.default_rng(seed)
    below = 1.0 + 0.49 * rng.uniform(size=438)
    above = 1.5 / rng.uniform(size=680)
    actual = np.concatenate([below, above])
    called = np.array([False] * 26 + [True] * 412 + [False] * 43 + [True] * 637)
    order = rng.permutation(actual.size)
    return actual[order], called[order]


def wilson_by_hand(hits: int, n: int) -> tuple[float, float]:
    p = hits / n
    centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
    half = Z95 / (1 + Z95**2 / n) * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n))
    return centre - half, centre + half


@pytest.fixture(scope="module")
def document_report() -> SkillReport:
    actual, called = document_history()
    return analyse_skill(actual, called, **FEW)


def test_document_intervals_by_hand(document_report: SkillReport) -> None:
    expected = {
        "below_accuracy": (26, 438),
        "above_accuracy": (637, 680),
        "money_loss_risk": (412, 438),
        "threshold_accuracy": (663, 1118),
        "bets_lost_share": (412, 1049),
        "above_call_share": (1049, 1118),
    }
    for name, (hits, total) in expected.items():
        assert document_report.metrics.rate(name) == Rate(hits, total)
        interval = document_report.intervals[name]
        assert interval is not None
        low, high = wilson_by_hand(hits, total)
        assert interval.low == pytest.approx(low, abs=1e-9)
        assert interval.high == pytest.approx(high, abs=1e-9)
    assert document_report.intervals["classification_accuracy"] is None
    assert set(document_report.intervals) == set(RATE_FIELDS)


def test_document_verdict_not_better_than_always_above(document_report: SkillReport) -> None:
    verdict = document_report.verdict
    assert verdict.code == "no_evidence"
    assert verdict.versus_always_above == "indistinguishable"  # and its accuracy is lower
    mcnemar = document_report.significance.versus_always_above
    assert (mcnemar.model_only_correct, mcnemar.baseline_only_correct) == (26, 43)
    assert mcnemar.p_value == pytest.approx(math.erfc(math.sqrt(256 / 69 / 2)), abs=1e-9)
    comparison = document_report.comparisons[0]
    assert comparison.metric == "threshold_accuracy"
    assert comparison.best_baseline == "always_above"
    assert comparison.baseline == Rate(680, 1118)
    assert comparison.model == Rate(663, 1118) and comparison.model_ahead is False
    english = [render_message(m, "en") for m in document_report.messages]
    assert english[0] == (
        "No evidence that this model beats chance (martingale test of its above/below calls: "
        "p = 0.64)."
    )
    assert english[1].startswith("Test used: a martingale test against the fair game's 64.67%")
    assert english[2] == (
        'Not shown to be better than always saying "above": threshold accuracy 59.30% (663/1118) '
        "vs 60.82% (680/1118) (McNemar p = 0.054)."
    )


def test_document_betting_by_hand(document_report: SkillReport) -> None:
    betting = document_report.betting
    # 1,049 bets: 637 won 0.5 units each, 412 lost 1 unit.
    assert betting.model.bets == 1049 and betting.model.wins == 637
    assert betting.model.net_units == pytest.approx(637 * 0.5 - 412)
    assert betting.every_round.net_units == pytest.approx(680 * 0.5 - 438)
    assert betting.break_even_win_rate == pytest.approx(2 / 3)
    assert document_report.verdict.money == "loses_money"
    assert betting.best_baseline is not None and betting.best_baseline.strategy == "always_above"
    # Per-metric best baselines: the one-sided rules win the one-sided metrics.
    best = {c.metric: c.best_baseline for c in document_report.comparisons}
    assert best["below_accuracy"] == "always_below"
    assert best["money_loss_risk"] == "always_below"
    assert best["above_accuracy"] == "always_above"


def test_planted_signal_end_to_end() -> None:
    rng = np.random.default_rng(1)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=1500))
    logit = 0.6 + 1.2 * (2 * (actual >= 1.5) - 1) + rng.normal(0, 1, actual.size)
    p = 1 / (1 + np.exp(-logit))
    report = analyse_skill(
        actual[500:],
        p[500:] >= 0.5,
        p[500:],
        train_actual=actual[:300],
        validation_actual=actual[300:500],
        validation_p_above=p[300:500],
        validation_ids=np.arange(300, 500),
        round_ids=np.arange(500, 1500),
        history=actual,
        **FEW,
    )
    assert report.verdict.code == "beats_chance_and_baselines"
    assert report.significance.primary_test == "martingale"
    assert report.calibration is not None and report.cutoff_sweep is not None
    assert report.cutoff_choice is not None and report.cutoff_choice.validation_rounds == 200
    assert report.randomness.source == "history" and report.randomness.rounds == 1500
    assert report.baselines.base_rate.source == "training"
    keys = [m.key for m in report.messages]
    assert keys[0] == "skill.beats_chance_and_baselines"
    assert any(k.startswith("cutoff.") for k in keys)


def test_model_that_knows_nothing_end_to_end() -> None:
    rng = np.random.default_rng(7)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=1118))
    p = np.random.default_rng(8).uniform(size=actual.size)
    report = analyse_skill(actual, p >= 0.35, p, **FEW)
    assert report.verdict.code == "no_evidence"
    assert report.randomness.verdict == "independent"
    assert report.cutoff_choice is not None and report.cutoff_choice.status == "no_validation"
    assert report.calibration is not None and report.calibration.brier_skill is not None
    assert report.calibration.brier_skill < 0  # uniform noise is worse than the fair forecast


def test_report_is_reproducible_and_round_trips_through_json() -> None:
    actual, called = document_history(seed=2)
    p = np.where(called, 0.7, 0.3)
    a = analyse_skill(actual, called, p, tests_tried=4, **FEW)
    b = analyse_skill(actual, called, p, tests_tried=4, **FEW)
    assert a == b
    assert a.settings.tests_tried == 4 and a.significance.tests_tried == 4
    assert any(m.key == "skill.tests_tried" for m in a.messages)
    text = json.dumps(to_dict(a))
    assert from_dict(SkillReport, json.loads(text)) == a
    c = analyse_skill(actual, called, p, tests_tried=4, seed=1, **FEW)
    assert c.metrics == a.metrics and c.significance.auc != a.significance.auc


def test_given_metrics_are_used_and_checked() -> None:
    actual, called = document_history()
    probs = np.tile([0.2, 0.5, 0.3], (actual.size, 1))
    metrics = compute_metrics(actual, called, class_probs=probs)
    report = analyse_skill(actual, called, metrics=metrics, **FEW)
    assert report.metrics is metrics
    assert report.intervals["classification_accuracy"] is not None
    with pytest.raises(MismatchError, match="do not match the calls"):
        analyse_skill(actual, ~called, metrics=metrics, **FEW)


def test_one_held_out_round_is_analysed_without_intervals_that_bound_nothing() -> None:
    report = analyse_skill([1.2], [True], [0.7], history=np.r_[np.full(99, 1.7), 1.2], **FEW)
    assert report.verdict.code == "not_enough_data"
    assert report.betting.model.bets == 1 and report.betting.model.return_per_bet == -1.0
    assert report.betting.model.return_per_bet_interval is None
    assert report.significance.kappa.interval is None


def test_input_errors() -> None:
    with pytest.raises(DataError):
        analyse_skill([], [])
    with pytest.raises(DataError):
        analyse_skill([1.0, np.inf], [True, False])
    with pytest.raises(MismatchError):
        analyse_skill([1.0, 2.0], [True])
    with pytest.raises(UsageError):
        analyse_skill([1.0, 2.0], [True, False], tests_tried=0)


def test_catalog_covers_every_message_code_with_matching_fields() -> None:
    expected = {f"skill.{c}" for c in VERDICT_CODES}
    expected |= {f"versus.{o}" for o in ("better", "worse", "indistinguishable")}
    expected |= {f"money.{c}" for c in MONEY_CODES}
    expected |= {f"randomness.{c}" for c in INDEPENDENCE_CODES}
    expected |= {f"law.{c}" for c in LAW_CODES if c != "not_enough_data"}
    expected |= {f"cutoff.{s}" for s in CHOICE_STATUSES}
    expected |= {"skill.tests_tried"}
    expected |= {f"baseline.{name}" for name in BASELINE_NAMES}
    for key in expected:
        assert key in CATALOG["en"] and key in CATALOG["tr"], key
        assert fields(CATALOG["en"][key]) == fields(CATALOG["tr"][key]), key
    # One explanation of money-loss risk vs bets lost: the report's bettor section has it.
    assert "money.loss_risk_vs_bets_lost" not in CATALOG["en"]


def test_every_message_renders_in_both_languages(document_report: SkillReport) -> None:
    for message in document_report.messages:
        for language in ("en", "tr"):
            text = render_message(message, language)
            assert "{" not in text and text.strip()
    turkish = render_message(document_report.messages[0], "tr")
    assert turkish == (
        "Bu modelin şanstan daha iyi olduğuna dair kanıt yok (altı/üstü tahminlerinin martingal "
        "testi: p = 0.64)."
    )


def test_format_p() -> None:
    assert format_p(0.41) == "p = 0.41"
    assert format_p(0.05408) == "p = 0.054"
    assert format_p(0.0004) == "p < 0.001"
    assert format_p(None) == "p = n/a"
