"""Cut-off sweep by hand, and a cut-off chosen only on a validation slice before held-out."""

from __future__ import annotations

import numpy as np
import pytest

from jetx_diag.errors import MismatchError, UsageError
from jetx_diag.results import Rate, from_dict, to_dict
from jetx_diag.scoring.targets import DEFAULT_TARGETS, Target
from jetx_diag.skill.cutoffs import DEFAULT_CUTOFFS, CutoffChoice, choose_cutoff, sweep_cutoffs

ACTUAL = np.array([1.2, 2.0, 1.0, 3.0, 1.4, 1.5])
P = np.array([0.1, 0.9, 0.4, 0.6, 0.7, 0.3])
BALANCED = (Target("below_accuracy", ">=", 60), Target("above_accuracy", ">=", 60))


def test_default_cutoffs() -> None:
    assert DEFAULT_CUTOFFS[0] == 0.05 and DEFAULT_CUTOFFS[-1] == 0.95
    assert len(DEFAULT_CUTOFFS) == 19 and 0.5 in DEFAULT_CUTOFFS


def test_sweep_by_hand() -> None:
    sweep = sweep_cutoffs(ACTUAL, P, cutoffs=[0.3, 0.5])
    low, mid = sweep.rows
    # 0.3: bets on 2.0 (won), 1.0 (lost), 3.0 (won), 1.4 (lost), 1.5 (won, exactly the cash-out).
    assert low.bet_win_rate == Rate(3, 5)
    assert low.net_units == pytest.approx(3 * 0.5 - 2) and low.return_per_bet == pytest.approx(-0.1)
    assert low.metrics.below_accuracy == Rate(1, 3)
    assert low.metrics.above_accuracy == Rate(3, 3)
    assert low.metrics.money_loss_risk == Rate(2, 3)
    # 0.5: bets on 2.0, 3.0 (won) and 1.4 (lost); the 1.5 round is now called below.
    assert mid.bet_win_rate == Rate(2, 3) and mid.net_units == pytest.approx(0.0)
    assert mid.metrics.below_accuracy == Rate(2, 3)
    assert mid.metrics.above_accuracy == Rate(2, 3)
    assert sweep.at(0.5) is mid and sweep.rounds == 6 and sweep.slice == "held_out"
    none = sweep_cutoffs(ACTUAL, np.zeros(6), cutoffs=[0.5]).rows[0]
    assert none.bet_win_rate == Rate(0, 0) and none.return_per_bet is None
    with pytest.raises(UsageError):
        sweep_cutoffs(ACTUAL, P, cutoffs=[1.5])
    with pytest.raises(KeyError):
        sweep.at(0.7)


def _signal(n: int, seed: int, strength: float) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=n))
    logit = strength * (2 * (actual >= 1.5) - 1) + rng.normal(0, 1, n)
    return actual, 1 / (1 + np.exp(-logit))


def test_cutoff_chosen_on_validation_and_reported_on_held_out() -> None:
    validation_actual, validation_p = _signal(600, 1, 1.5)
    held_actual, held_p = _signal(400, 2, 1.5)
    choice = choose_cutoff(
        held_actual,
        held_p,
        validation_actual=validation_actual,
        validation_p=validation_p,
        targets=BALANCED,
        validation_ids=np.arange(1000, 1600),
        held_out_ids=np.arange(1600, 2000),
    )
    assert choice.status == "chosen" and choice.cutoff in choice.meeting_on_validation
    assert (choice.validation_first_id, choice.validation_last_id) == (1000, 1599)
    assert (choice.held_out_first_id, choice.held_out_last_id) == (1600, 1999)
    assert choice.validation is not None and choice.validation_rounds == 600
    # The chosen cut-off has the best validation accuracy among those meeting both targets.
    meeting = [choice.validation.at(c) for c in choice.meeting_on_validation]
    best = max(r.metrics.threshold_accuracy.hits for r in meeting)
    assert choice.validation.at(choice.cutoff).metrics.threshold_accuracy.hits == best  # type: ignore[arg-type]
    # On the held-out rounds: the same cut-off, applied unchanged.
    expected = sweep_cutoffs(held_actual, held_p, cutoffs=[choice.cutoff]).rows[0]  # type: ignore[list-item]
    assert choice.on_held_out == expected
    assert [r.target for r in choice.held_out_targets] == list(BALANCED)
    for result in choice.held_out_targets:
        assert result.decision in ("met", "missed", "undecided")
        assert result.rounds_to_decide is None or result.rounds_to_decide >= 0


def test_ties_go_to_the_cutoff_nearest_one_half() -> None:
    actual = np.array([1.2, 2.0] * 20)
    p = np.where(actual >= 1.5, 0.9, 0.1)  # every cut-off in (0.1, 0.9] gives the same calls
    choice = choose_cutoff(actual, p, validation_actual=actual, validation_p=p, targets=BALANCED)
    assert choice.cutoff == 0.5
    assert choice.meeting_on_validation == tuple(c for c in DEFAULT_CUTOFFS if 0.1 < c <= 0.9)


def test_no_cutoff_meets_the_document_targets_for_a_know_nothing_model() -> None:
    rng = np.random.default_rng(3)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=800))
    p = rng.uniform(size=800)
    choice = choose_cutoff(
        actual[400:], p[400:], validation_actual=actual[:400], validation_p=p[:400]
    )
    assert choice.targets == DEFAULT_TARGETS
    assert choice.status == "none_meets_targets"
    assert choice.cutoff is None and choice.on_held_out is None and choice.held_out_targets == ()
    assert choice.validation is not None and len(choice.validation.rows) == 19


def test_without_validation_nothing_is_chosen() -> None:
    choice = choose_cutoff(ACTUAL, P, targets=BALANCED)
    assert choice.status == "no_validation" and choice.cutoff is None
    assert choice.validation is None and choice.validation_rounds == 0


def test_validation_must_precede_held_out() -> None:
    with pytest.raises(UsageError, match="must end before the held-out rounds start"):
        choose_cutoff(
            ACTUAL,
            P,
            validation_actual=ACTUAL,
            validation_p=P,
            targets=BALANCED,
            validation_ids=np.arange(10, 16),
            held_out_ids=np.arange(12, 18),
        )
    with pytest.raises(UsageError):
        choose_cutoff(ACTUAL, P, validation_actual=ACTUAL, validation_p=P, targets=())
    with pytest.raises(MismatchError):
        choose_cutoff(ACTUAL, P, validation_actual=ACTUAL, validation_p=P[:3], targets=BALANCED)


def test_choice_round_trips() -> None:
    actual = np.array([1.2, 2.0] * 20)
    p = np.where(actual >= 1.5, 0.9, 0.1)
    choice = choose_cutoff(actual, p, validation_actual=actual, validation_p=p, targets=BALANCED)
    assert from_dict(CutoffChoice, to_dict(choice)) == choice
