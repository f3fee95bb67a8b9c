"""Long curves drawn with a few thousand points, their shape kept.

A bankroll over a million rounds has a million points; a 7-inch figure shows about a thousand
pixels across. Each bucket of consecutive points keeps its first, lowest, highest and last point
(in round order), so every peak, every trough (the drawdown) and the end value are still drawn
where they happened: the same line to the eye, in a fraction of the time.
"""

from __future__ import annotations

import numpy as np

#: Curves with more points than this are downsampled; shorter ones are drawn as they are.
MAX_POINTS = 4000


def envelope(y: np.ndarray, max_points: int = MAX_POINTS) -> tuple[np.ndarray, np.ndarray]:
    """``(x, y)`` to plot for ``y`` at positions 0…n−1: itself when short, else per bucket the
    first, minimum, maximum and last point, in position order."""
    y = np.asarray(y, dtype=float)
    n = y.size
    if n <= max_points:
        return np.arange(n), y
    buckets = max(1, max_points // 4)
    edges = np.linspace(0, n, buckets + 1).astype(np.int64)
    starts, ends = edges[:-1], edges[1:]
    keep = [starts, ends - 1]
    for reduce in (np.minimum, np.maximum):
        # Position of each bucket's extreme: reduceat finds the value, the first match its place.
        extreme = reduce.reduceat(y, starts)
        hit = y == np.repeat(extreme, ends - starts)
        hit_positions = np.flatnonzero(hit)
        keep.append(hit_positions[np.searchsorted(hit_positions, starts)])
    x = np.unique(np.concatenate(keep))
    return x, y[x]
