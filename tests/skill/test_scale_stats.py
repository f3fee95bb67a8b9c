"""Statistics that scale to a million rounds give the figures of the straightforward method.

Each fast path (bootstrap from block starts, permutations one at a time, Ljung–Box through the
FFT, the one-sort cut-off sweep, counting the confusion matrix) is compared with the direct
computation on samples small enough for both, with the same seeds.
"""

from __future__ import annotations

import numpy as np
import pytest
from scipy import stats as sps
from sklearn.metrics import confusion_matrix
from statsmodels.stats.diagnostic import acorr_ljungbox

from jetx_diag.results import Rate
from jetx_diag.scoring.metrics import compute_metrics, confusion
from jetx_diag.scoring.resampling import AucStatistic, auc_permutation_null, block_counts
from jetx_diag.scoring.stats import block_indices, bootstrap_interval
from jetx_diag.skill.betting import return_per_bet_statistic, simulate
from jetx_diag.skill.cutoffs import sweep_cutoffs
from jetx_diag.skill.randomness import ljung_box, ljung_box_statistics
from jetx_diag.skill.significance import (
    _auc_from_ranks,
    _auc_statistic,
    auc_test,
    kappa_statistic,
    mcc_statistic,
)


def _rounds(n: int, seed: int) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    actual = np.maximum(1.0, np.round(0.97 / rng.uniform(size=n), 2))
    # Rounded to two decimals: many ties among the scores, as real model outputs have.
    p = np.clip(np.round(0.6 + 0.15 * rng.normal(size=n) + 0.05 * (actual >= 1.5), 2), 0, 1)
    return actual, p


@pytest.mark.parametrize(("n", "block"), [(10, 4), (2000, 13), (997, 1), (50, 50), (31, 7)])
def test_block_counts_equal_counting_the_gathered_indices(n: int, block: int) -> None:
    idx = block_indices(n, 6, block, np.random.default_rng(3))
    starts = np.random.default_rng(3).integers(0, n, size=(6, -(-n // block)))
    expected = np.stack([np.bincount(row, minlength=n) for row in idx])
    np.testing.assert_array_equal(block_counts(starts, n, block), expected)


@pytest.mark.parametrize("seed", [0, 7])
def test_bootstrap_from_block_starts_equals_gathered_resamples(seed: int) -> None:
    actual, p = _rounds(2000, seed)
    above = (actual >= 1.5).astype(float)
    called = (p >= 0.6).astype(float)
    won = ((p >= 0.6) & (actual >= 1.5)).astype(np.int64)
    lost = ((p >= 0.6) & (actual < 1.5)).astype(np.int64)
    cases = [
        (_auc_statistic, (p, above)),
        (kappa_statistic, (called, above)),
        (mcc_statistic, (called, above)),
        (return_per_bet_statistic(1.5), (won, lost)),
        (return_per_bet_statistic(2.37), (won, lost)),
    ]
    for statistic, arrays in cases:
        kwargs = {"n_resamples": 300, "seed": seed, "block_length": 13}
        fast = bootstrap_interval(statistic, *arrays, **kwargs)
        direct = bootstrap_interval(statistic, *arrays, direct=True, **kwargs)
        assert fast == direct, statistic.__name__


def test_bootstrap_chunks_do_not_change_the_interval(monkeypatch: pytest.MonkeyPatch) -> None:
    actual, p = _rounds(1500, 2)
    above = (actual >= 1.5).astype(float)
    one_shot = bootstrap_interval(_auc_statistic, p, above, n_resamples=200, seed=4)
    iid_one_shot = bootstrap_interval(
        kappa_statistic, (p >= 0.6).astype(float), above, n_resamples=200, block_length=1
    )
    # three resamples a chunk
    monkeypatch.setattr("jetx_diag.scoring.stats._CHUNK_ELEMENTS", 3 * 1500)
    assert bootstrap_interval(_auc_statistic, p, above, n_resamples=200, seed=4) == one_shot
    chunked_iid = bootstrap_interval(
        kappa_statistic, (p >= 0.6).astype(float), above, n_resamples=200, block_length=1
    )
    assert chunked_iid == iid_one_shot


def test_auc_statistic_matches_sklearn_and_the_ranks() -> None:
    from sklearn.metrics import roc_auc_score

    actual, p = _rounds(500, 1)
    above = (actual >= 1.5).astype(float)
    assert AucStatistic()(p, above) == pytest.approx(roc_auc_score(above, p), abs=1e-15)


def test_permutations_equal_scipys_one_shot_permutation_test() -> None:
    actual, p = _rounds(2000, 5)
    above = (actual >= 1.5).astype(float)
    ranks = sps.rankdata(p)
    scipy_result = sps.permutation_test(
        (ranks, above),
        lambda r, y, axis=-1: _auc_from_ranks(r, y, axis=axis),
        permutation_type="pairings",
        vectorized=True,
        n_resamples=400,
        alternative="greater",
        rng=np.random.default_rng(11),
    )
    null = auc_permutation_null(ranks, above, 400, np.random.default_rng(11))
    np.testing.assert_array_equal(null, scipy_result.null_distribution)
    result = auc_test(above, p, n_permutations=400, n_bootstrap=50, seed=11)
    assert result is not None
    assert result.p_value == scipy_result.pvalue


def test_ljung_box_through_the_fft_equals_statsmodels_direct() -> None:
    actual, _ = _rounds(2000, 3)
    logs = np.log(actual)
    table = acorr_ljungbox(logs, lags=[5, 10, 20], return_df=True)  # fft=False inside
    q, p = ljung_box_statistics(logs, (5, 10, 20))
    np.testing.assert_allclose(q, table["lb_stat"], rtol=1e-10)
    np.testing.assert_allclose(p, table["lb_pvalue"], rtol=1e-8)
    box = ljung_box(actual)
    assert box is not None and box.p_value == pytest.approx(table["lb_pvalue"].iloc[1], rel=1e-8)


def test_confusion_counts_equal_sklearn() -> None:
    actual, p = _rounds(3000, 4)
    above, called = actual >= 1.5, p >= 0.6
    (bb, ba), (ab, aa) = confusion_matrix(above, called, labels=[False, True])
    assert confusion(above, called).rows() == [[bb, ba], [ab, aa]]


@pytest.mark.parametrize("cashout", [1.5, 2.0, 1.37])
def test_one_sort_cutoff_sweep_equals_a_loop_over_cutoffs(cashout: float) -> None:
    actual, p = _rounds(2000, 6)
    sweep = sweep_cutoffs(actual, p, cashout=cashout)
    for row in sweep.rows:
        called = p >= row.cutoff
        assert row.metrics == compute_metrics(actual, called)
        bets = int(called.sum())
        wins = int(np.sum(called & (actual >= cashout)))
        assert row.bet_win_rate == Rate(wins, bets)
        profit = np.where(called, np.where(actual >= cashout, cashout - 1.0, -1.0), 0.0)
        assert row.net_units == pytest.approx(float(profit.sum()), rel=1e-12, abs=1e-9)
        if cashout in (1.5, 2.0):  # multiples of a half: exact either way
            assert row.net_units == float(profit.sum())


def test_bet_simulation_equals_a_plain_loop() -> None:
    actual, p = _rounds(3000, 8)
    bets = p >= 0.62
    result = simulate(actual, bets, cashout=1.5, n_bootstrap=20)
    bankroll, peak, drawdown, streak, longest = [0.0], 0.0, 0.0, 0, 0
    for value, bet in zip(actual, bets, strict=True):
        profit = 0.0
        if bet:
            profit = 0.5 if value >= 1.5 else -1.0
            streak = streak + 1 if profit < 0 else 0
            longest = max(longest, streak)
        bankroll.append(bankroll[-1] + profit)
        peak = max(peak, bankroll[-1])
        drawdown = max(drawdown, peak - bankroll[-1])
    assert list(result.bankroll) == bankroll
    assert result.max_drawdown == drawdown
    assert result.longest_losing_streak == longest
    assert result.net_units == bankroll[-1]
