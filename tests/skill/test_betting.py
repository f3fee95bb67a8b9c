"""Flat-stake betting on a 10-round hand example and on a fair history."""

from __future__ import annotations

import numpy as np
import pytest

from jetx_diag.errors import MismatchError, UsageError
from jetx_diag.results import Rate, from_dict, to_dict
from jetx_diag.skill.betting import (
    BettingReport,
    bet_profits,
    betting_report,
    longest_run,
    max_drawdown,
    simulate,
)

# Ten rounds; the model bets on eight of them (not rounds 6 and 10).
ACTUAL = np.array([1.2, 2.0, 1.5, 1.0, 1.3, 3.0, 1.49, 1.1, 5.0, 1.6])
CALLS = np.array([True, True, True, True, True, False, True, True, True, False])


def test_ten_rounds_by_hand() -> None:
    result = simulate(ACTUAL, CALLS, n_bootstrap=200)
    # Bets: 1.2 lost, 2.0 won, 1.5 won (exactly the cash-out wins), 1.0 lost, 1.3 lost,
    # 1.49 lost, 1.1 lost, 5.0 won. Wins pay 0.5 units, losses cost 1.
    assert (result.bets, result.wins, result.losses) == (8, 3, 5)
    assert result.win_rate == Rate(3, 8)
    assert result.net_units == pytest.approx(3 * 0.5 - 5)  # -3.5
    assert result.return_per_bet == pytest.approx(-3.5 / 8)
    # Bankroll after each round: round 6 and 10 have no bet, so it stays put there.
    assert result.bankroll.tolist() == pytest.approx(
        (0.0, -1.0, -0.5, 0.0, -1.0, -2.0, -2.0, -3.0, -4.0, -3.5, -3.5)
    )
    # Peak 0 (start, and after round 3) down to -4 after round 8.
    assert result.max_drawdown == pytest.approx(4.0)
    # Lost bets on rounds 4, 5, 7, 8: round 6 had no bet, so the streak runs on to 4.
    assert result.longest_losing_streak == 4
    interval = result.return_per_bet_interval
    assert interval is not None and interval.low <= -3.5 / 8 <= interval.high
    assert interval.method == "block_bootstrap"


def test_other_cashout_changes_wins_and_payouts() -> None:
    result = simulate(ACTUAL, CALLS, cashout=2.0, n_bootstrap=50)
    # At 2.0x only the 2.0 and 5.0 rounds win, each paying 1 unit.
    assert (result.wins, result.losses) == (2, 6)
    assert result.net_units == pytest.approx(2 - 6)
    assert result.longest_losing_streak == 5  # 1.5, 1.0, 1.3, (no bet on 3.0), 1.49, 1.1
    profits = bet_profits(ACTUAL, CALLS, 2.0)
    assert list(profits) == [-1, 1, -1, -1, -1, 0, -1, -1, 1, 0]


def test_no_bets_is_not_a_crash() -> None:
    result = simulate(ACTUAL, np.zeros(10, dtype=bool))
    assert result.bets == 0 and result.win_rate == Rate(0, 0)
    assert result.return_per_bet is None and result.return_per_bet_interval is None
    assert result.win_rate_interval is None
    assert result.longest_losing_streak == 0 and result.max_drawdown == 0.0
    assert result.bankroll.tolist() == [0.0] * 11


def test_helpers() -> None:
    assert longest_run(np.array([True, True, False, True, True, True, False])) == 3
    assert longest_run(np.array([False, False])) == 0
    assert longest_run(np.array([], dtype=bool)) == 0
    assert max_drawdown(np.array([0.0, 2.0, -1.0, 3.0, 2.5])) == pytest.approx(3.0)
    assert max_drawdown(np.array([0.0, 1.0, 2.0])) == 0.0


def test_errors() -> None:
    with pytest.raises(UsageError):
        simulate(ACTUAL, CALLS, cashout=1.0)
    with pytest.raises(MismatchError):
        simulate(ACTUAL, CALLS[:-1])


def test_betting_every_round_of_a_fair_game_returns_minus_the_edge() -> None:
    rng = np.random.default_rng(0)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=20000))
    report = betting_report(
        actual,
        rng.uniform(size=actual.size) < 0.5,
        baseline_name="always_above",
        baseline_calls=np.ones(actual.size, dtype=bool),
        n_bootstrap=200,
    )
    assert report.break_even_win_rate == pytest.approx(2 / 3)
    assert report.fair_return_per_bet == pytest.approx(-0.03)
    every = report.every_round
    assert every.bets == 20000
    interval = every.return_per_bet_interval
    assert interval is not None and interval.contains(-0.03)
    assert every.return_per_bet == pytest.approx(-0.03, abs=0.02)
    # A coin-flip model's bets fare no better: same law, half the bets.
    assert report.model.bets == pytest.approx(10000, abs=300)
    assert report.best_baseline is not None and report.best_baseline.strategy == "always_above"
    assert report.best_baseline.net_units == every.net_units


def test_report_round_trips() -> None:
    report = betting_report(ACTUAL, CALLS, n_bootstrap=50)
    assert report.best_baseline is None
    assert from_dict(BettingReport, to_dict(report)) == report
