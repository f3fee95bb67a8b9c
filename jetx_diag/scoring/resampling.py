"""Block bootstrap statistics computed from the resamples' block starts, without the resamples.

A circular block bootstrap resample of ``n`` rounds is fully described by its block starts
(``n / block`` numbers). Gathering the ``n`` resampled rounds for each of 1,000 resamples costs
``n × 1000`` memory traffic and, for an AUC, a sort of every resample. The statistics here get
the same values from the starts alone:

* :class:`SumStatistic`: statistics that are a function of column sums over the resample (kappa,
  Matthews correlation, return per bet). A block's sum is a difference of circular prefix sums,
  so a resample costs ``O(n / block)``.
* :class:`AucStatistic`: the ROC AUC. A resample is the multiset of rounds it drew; with the
  rounds sorted by score once, the Mann–Whitney count of every resample is a weighted cumulative
  sum over that order, ``O(n)`` per resample and no sort.

Both are also plain ``statistic(*arrays, axis=-1)`` callables, the direct computation on
gathered resamples that :func:`jetx_diag.scoring.stats.bootstrap_interval` uses for any other
statistic,
so the two can be compared on the same seeded resamples (``tests/test_resampling.py``). Integer
columns keep both exact: the same seed gives the same interval, bit for bit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np


def block_lengths(n: int, block: int) -> tuple[int, int]:
    """Blocks per resample and the length of the last one (the resample is cut at ``n``)."""
    blocks = -(-n // block)
    return blocks, n - (blocks - 1) * block


def block_counts(starts: np.ndarray, n: int, block: int) -> np.ndarray:
    """How often each round is drawn in each resample, shape ``(k, n)``, from ``(k, blocks)``
    block starts: a circular difference array per resample, then a cumulative sum."""
    k, blocks = starts.shape
    _, last = block_lengths(n, block)
    starts = starts.astype(np.int64, copy=False)
    lengths = np.full(blocks, block, dtype=np.int64)
    lengths[-1] = last
    ends = starts + lengths  # exclusive, may pass n (the block wraps around)
    rows = (np.arange(k, dtype=np.int64) * n)[:, None]
    size = k * n
    diff = np.bincount((rows + starts).ravel(), minlength=size)
    diff -= np.bincount((rows + ends % n).ravel(), minlength=size)
    counts = np.cumsum(diff.reshape(k, n), axis=1)
    # A block that reaches the end (end ≥ n) covers [start, n) and [0, end − n); its −1 lands at
    # end − n, before its +1, which leaves that resample's running sum one too low on every
    # round: each such block adds 1 back.
    counts += np.sum(ends >= n, axis=1)[:, None]
    return counts


class SumStatistic:
    """A statistic that depends on a resample only through sums of per-round columns.

    ``columns(*arrays)`` maps the paired per-round arrays to the columns (element-wise, so it
    works on a 2-D stack of gathered resamples too); ``reduce(*sums)`` maps their sums, each
    of shape ``(k,)``, to the statistic.
    """

    def __init__(
        self,
        columns: Callable[..., Sequence[np.ndarray]],
        reduce: Callable[..., np.ndarray],
        name: str,
    ) -> None:
        self.columns = columns
        self.reduce = reduce
        self.__name__ = name

    def __call__(self, *arrays: np.ndarray, axis: int = -1) -> np.ndarray:
        return self.reduce(*(np.sum(c, axis=axis) for c in self.columns(*arrays)))

    def on_blocks(self, data: Sequence[np.ndarray], starts: np.ndarray, block: int) -> np.ndarray:
        n = data[0].shape[0]
        _, last = block_lengths(n, block)
        sums = []
        for column in self.columns(*data):
            column = np.asarray(column)
            # Circular prefix sums: a block starting at s of length L sums to P[s + L] − P[s].
            prefix = np.concatenate([[0], np.cumsum(np.concatenate([column, column]))])
            full = prefix[starts[:, :-1] + block] - prefix[starts[:, :-1]]
            tail = prefix[starts[:, -1] + last] - prefix[starts[:, -1]]
            sums.append(np.sum(full, axis=1) + tail)
        return np.asarray(self.reduce(*sums), dtype=float)


class AucStatistic:
    """ROC AUC (Mann–Whitney form, ties counted half) of ``scores`` against 0/1 ``labels``."""

    __name__ = "auc"

    def __call__(self, scores: np.ndarray, labels: np.ndarray, axis: int = -1) -> np.ndarray:
        from scipy import stats as sps

        ranks = sps.rankdata(scores, axis=axis)
        positives = labels.sum(axis=axis)
        negatives = labels.shape[axis] - positives
        u = (ranks * labels).sum(axis=axis) - positives * (positives + 1) / 2.0
        with np.errstate(invalid="ignore", divide="ignore"):
            return u / (positives * negatives)

    def on_blocks(self, data: Sequence[np.ndarray], starts: np.ndarray, block: int) -> np.ndarray:
        scores, labels = data
        n = scores.shape[0]
        order = np.argsort(scores, kind="stable")
        sorted_scores = scores[order]
        positive = labels[order] > 0.5
        # Rounds with equal scores form a group [first, last]. A positive beats the negatives of
        # lower groups and ties with those of its own group (half a point each), so twice its
        # Mann–Whitney count is C[first − 1] + C[last], C being the running count of negatives
        # in score order (C[−1] = 0). Both indices rise with the position: cache-friendly reads.
        new_group = np.r_[True, sorted_scores[1:] != sorted_scores[:-1]]
        first = np.flatnonzero(new_group)[np.cumsum(new_group) - 1]
        last = np.r_[np.flatnonzero(new_group)[1:] - 1, n - 1][np.cumsum(new_group) - 1]
        counts = block_counts(starts, n, block)[:, order]
        pos = np.where(positive, counts, 0)
        neg = counts - pos
        running = np.zeros((counts.shape[0], n + 1), dtype=np.int64)
        np.cumsum(neg, axis=1, out=running[:, 1:])
        twice_u = np.sum(pos * (running[:, first] + running[:, last + 1]), axis=1)  # exact
        positives = pos.sum(axis=1).astype(float)
        negatives = neg.sum(axis=1).astype(float)
        with np.errstate(invalid="ignore", divide="ignore"):
            return (twice_u / 2.0) / (positives * negatives)


def auc_permutation_null(
    ranks: np.ndarray, labels: np.ndarray, n_permutations: int, rng: np.random.Generator
) -> np.ndarray:
    """AUCs of ``n_permutations`` random pairings of ``ranks`` with ``labels``, one at a time.

    The same values as scipy's ``permutation_test(..., permutation_type="pairings")`` with the
    same generator: scipy shuffles the index rows of both samples in turn, and shuffling the
    values directly consumes the generator identically (``tests/test_scale_stats.py`` checks
    it). Without scipy's index arrays and gathers, and with the labels shuffled as bytes, memory
    stays at a few copies of the rounds and time at two shuffles per permutation.
    """
    flags = (labels > 0.5).astype(np.uint8)
    positives = float(flags.sum())
    negatives = float(flags.size) - positives
    offset = positives * (positives + 1) / 2.0
    null = np.empty(n_permutations)
    for i in range(n_permutations):
        shuffled_ranks = rng.permuted(ranks)
        chosen = rng.permuted(flags).view(bool)
        # Ranks are halves of integers and their sums stay below 2^53: exact in any order.
        null[i] = (shuffled_ranks[chosen].sum() - offset) / (positives * negatives)
    return null
