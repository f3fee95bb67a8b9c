"""What the calls would do to money: a flat-stake simulation in round order.

One unit is bet on every round the strategy calls "above", cashed out at ``cashout`` (1.5x): the
bet wins ``cashout − 1`` units when the round reaches the cash-out (a round that ends exactly at
1.5 wins) and loses its unit otherwise. It breaks even only when more than ``1/cashout`` of bets
win (66.7% at 1.5x). In a fair game every bet returns ``−edge`` on average, whatever the strategy.

The document's money-loss risk (share of below rounds called "above") is not what drains the
bankroll: the share of placed bets that lost is. Both live on ``Metrics``; this module adds the
bankroll itself.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike

from jetx_diag.errors import MismatchError, UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Rate, equal_with_columns, read_only_column
from jetx_diag.scoring.resampling import SumStatistic
from jetx_diag.scoring.stats import LEVEL, RESAMPLES, Interval, bootstrap_interval, wilson

#: Default cash-out multiplier.
CASHOUT = 1.5


@dataclass(frozen=True, eq=False)  # equal_with_columns: the bankroll is an array
class BetSimulation:
    """One strategy's flat-stake bets on the held-out rounds, in round order (1 unit per bet)."""

    strategy: str  # "model", "every_round", or a baseline name
    bets: int
    wins: int
    losses: int
    win_rate: Rate  # wins / bets
    win_rate_interval: Interval | None  # Wilson
    net_units: float
    return_per_bet: float | None  # net units / bets; None without bets
    return_per_bet_interval: Interval | None  # block bootstrap over rounds
    longest_losing_streak: int  # consecutive lost bets (rounds without a bet do not break it)
    max_drawdown: float  # largest fall of the bankroll from an earlier peak, in units
    bankroll: np.ndarray  # net units before the first round, then after each round (float64)

    def __post_init__(self) -> None:
        object.__setattr__(self, "bankroll", read_only_column(self.bankroll, np.float64))

    def __eq__(self, other: object) -> bool:
        return equal_with_columns(self, other)

    __hash__ = None  # type: ignore[assignment]


@dataclass(frozen=True)
class BettingReport:
    cashout: float
    break_even_win_rate: float  # 1 / cashout
    fair_return_per_bet: float  # −edge: the mean return of any bet in a fair game
    model: BetSimulation
    every_round: BetSimulation
    best_baseline: BetSimulation | None


def check_cashout(cashout: float) -> None:
    if not cashout > 1.0:  # also refuses NaN
        raise UsageError(record("error.betting.cash_out_multiplier_must_above", cashout=cashout))


def bet_profits(actual: ArrayLike, bets: ArrayLike, cashout: float = CASHOUT) -> np.ndarray:
    """Units won or lost on each round: ``cashout − 1``, ``−1``, or 0 where no bet was placed."""
    check_cashout(cashout)
    values = np.asarray(actual, dtype=float)
    placed = np.asarray(bets, dtype=bool)
    if values.shape != placed.shape:
        raise MismatchError(
            record("error.betting.rounds_but_bet_decisions", size=values.size, size2=placed.size)
        )
    won = values >= cashout
    return np.where(placed, np.where(won, cashout - 1.0, -1.0), 0.0)


def return_per_bet_statistic(cashout: float) -> SumStatistic:
    """Net units per bet of resampled rounds, ``statistic(won, lost, axis=-1)`` on 0/1 columns
    of bets won and lost: ``((cashout − 1)·wins − losses) / bets``, from counts, so resamples are
    summed exactly (and from block starts, see :mod:`jetx_diag.scoring.resampling`)."""

    def reduce(wins: np.ndarray, losses: np.ndarray) -> np.ndarray:
        with np.errstate(invalid="ignore", divide="ignore"):
            return ((cashout - 1.0) * wins - losses) / (wins + losses)

    return SumStatistic(lambda won, lost: (won, lost), reduce, "return_per_bet")


def longest_run(flags: np.ndarray) -> int:
    """Length of the longest run of True values."""
    if not flags.any():
        return 0
    edges = np.diff(np.concatenate([[0], flags.astype(np.int8), [0]]))
    return int(np.max(np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)))


def max_drawdown(bankroll: np.ndarray) -> float:
    """Largest drop from a running peak (the start counts as a peak)."""
    if bankroll.size == 0:
        return 0.0
    return float(np.max(np.maximum.accumulate(bankroll) - bankroll))


def simulate(
    actual: ArrayLike,
    bets: ArrayLike,
    *,
    strategy: str = "model",
    cashout: float = CASHOUT,
    level: float = LEVEL,
    n_bootstrap: int = RESAMPLES,
    seed: int = 0,
    block_length: int | None = None,
) -> BetSimulation:
    """Bet one unit on each round where ``bets`` is True, in the order given."""
    profit = bet_profits(actual, bets, cashout)
    placed = np.asarray(bets, dtype=bool)
    won = placed & (np.asarray(actual, dtype=float) >= cashout)
    n_bets = int(placed.sum())
    wins = int(won.sum())
    bankroll = np.concatenate([[0.0], np.cumsum(profit)])
    win_rate = Rate(wins, n_bets)
    interval = None
    if n_bets:
        interval = bootstrap_interval(
            return_per_bet_statistic(cashout),
            won.astype(np.int64),
            (placed & ~won).astype(np.int64),
            level=level,
            n_resamples=n_bootstrap,
            seed=seed,
            block_length=block_length,
        )
    net = float(bankroll[-1])
    return BetSimulation(
        strategy=strategy,
        bets=n_bets,
        wins=wins,
        losses=n_bets - wins,
        win_rate=win_rate,
        win_rate_interval=wilson(win_rate, level),
        net_units=net,
        return_per_bet=net / n_bets if n_bets else None,
        return_per_bet_interval=interval,
        longest_losing_streak=longest_run(~won[placed]),
        max_drawdown=max_drawdown(bankroll),
        bankroll=bankroll,
    )


def betting_report(
    actual: ArrayLike,
    called_above: ArrayLike,
    *,
    cashout: float = CASHOUT,
    house_edge: float = 0.03,
    baseline_name: str | None = None,
    baseline_calls: ArrayLike | None = None,
    level: float = LEVEL,
    n_bootstrap: int = RESAMPLES,
    seed: int = 0,
    block_length: int | None = None,
) -> BettingReport:
    """The model's bets, betting every round, and the best baseline's bets, side by side."""
    check_cashout(cashout)
    values = np.asarray(actual, dtype=float)

    def run(bets: ArrayLike, strategy: str) -> BetSimulation:
        return simulate(
            values,
            bets,
            strategy=strategy,
            cashout=cashout,
            level=level,
            n_bootstrap=n_bootstrap,
            seed=seed,
            block_length=block_length,
        )

    baseline = None
    if baseline_calls is not None:
        baseline = run(baseline_calls, baseline_name or "baseline")
    return BettingReport(
        cashout=cashout,
        break_even_win_rate=1.0 / cashout,
        fair_return_per_bet=-house_edge,
        model=run(called_above, "model"),
        every_round=run(np.ones(values.size, dtype=bool), "every_round"),
        best_baseline=baseline,
    )
