"""A seeded, provably-fair crash-game history: the demo's stand-in for a real round log.

Crash games publish their rounds the same way (Bustabit-style, which JetX-like games copy):

1. The operator draws a secret server seed and builds a hash chain from it:
   ``c[n-1] = SHA256(seed)``, ``c[i] = SHA256(c[i+1])`` (hex text hashed as UTF-8 bytes).
   Rounds are played from ``c[0]`` forwards, so the chain is used in the reverse of the order
   it was built. Before play, the *terminating hash* ``SHA256(c[0])`` is published: it commits
   the operator to every round without revealing any.
2. After round ``i`` the game reveals ``c[i]``; anyone checks ``SHA256(c[i]) == c[i-1]`` (or the
   terminating hash for round 0), so the operator could not have picked ``c[i]`` after seeing
   the bets.
3. The crash point comes from ``HMAC-SHA256(key=c[i], msg=client_seed)``: the first 52 bits
   give ``u`` uniform in [0, 1). A round is an instant crash (1.00) when ``u < house_edge``;
   otherwise it crashes at ``floor(100 * (1 - edge) / (1 - u)) / 100``.

For every two-decimal ``m >= 1.01`` this gives ``P(X >= m) = (1 - edge) / m`` exactly (0.97/m
for a 3% edge): ``X >= m`` iff ``1 - u <= (1 - edge) / m``, and that already implies
``u >= edge``. So 1.00 appears with probability ``1 - (1 - edge) / 1.01`` (3.96% for 3%): the
3% instant crashes plus the rounds that would have ended between 1.00 and 1.01.

The crash point is capped (:data:`DEFAULT_CAP`) because a real game pays out a bounded amount;
the cap changes the law only above it.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from jetx_diag.errors import DataError, UsageError
from jetx_diag.i18n.messages import record

#: Server seed of the demo history (any text works; the same text gives the same rounds).
DEFAULT_SEED = "jetx-diag-demo"
#: The public client seed mixed into every round (a real game uses e.g. a future block hash).
DEFAULT_CLIENT_SEED = "jetx-diag-client-seed"
#: House edge: P(X >= m) = (1 - edge) / m.
DEFAULT_HOUSE_EDGE = 0.03
#: Highest multiplier a round can reach. The real history's largest is about 10,900x.
DEFAULT_CAP = 100_000.0

_BITS = 52  # as many bits as a float64 mantissa holds: u = r / 2**52 is exact
_SCALE = float(2**_BITS)


@dataclass(frozen=True)
class FairRound:
    """One round as a provably-fair game publishes it."""

    index: int  # 0-based play order
    game_hash: str  # revealed after the round; SHA256 of it is the previous round's hash
    crash: float


def _sha256_hex(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _check_edge(house_edge: float) -> None:
    if not 0.0 <= house_edge < 1.0:  # also refuses NaN
        raise UsageError(record("error.fairgen.house_edge_must_0_1", house_edge=f"{house_edge!r}"))


def hash_chain(n: int, seed: str = DEFAULT_SEED) -> list[str]:
    """The ``n`` game hashes in play order (``SHA256(chain[i]) == chain[i-1]``)."""
    if n < 0:
        raise UsageError(record("error.fairgen.number_rounds_must_0_got", n=n))
    chain = [""] * n
    current = seed
    # Built backwards from the seed: the last round's hash is computed first.
    for i in range(n - 1, -1, -1):
        current = _sha256_hex(current)
        chain[i] = current
    return chain


def terminating_hash(n: int, seed: str = DEFAULT_SEED) -> str:
    """The commitment published before round 0 of an ``n``-round chain."""
    if n < 1:
        raise UsageError(record("error.fairgen.chain_needs_least_one_round", n=n))
    return _sha256_hex(hash_chain(n, seed)[0])


def _uniform(game_hash: str, client_seed: str) -> float:
    digest = hmac.new(game_hash.encode("utf-8"), client_seed.encode("utf-8"), hashlib.sha256)
    return int(digest.hexdigest()[: _BITS // 4], 16) / _SCALE


def _uniforms(chain: Sequence[str], client_seed: str) -> np.ndarray:
    return np.fromiter((_uniform(h, client_seed) for h in chain), np.float64, count=len(chain))


def _crash_from_uniform(u: np.ndarray, house_edge: float, cap: float) -> np.ndarray:
    if not cap >= 1.0:  # also refuses NaN
        raise UsageError(record("error.fairgen.multiplier_cap_must_least_1", cap=f"{cap!r}"))
    with np.errstate(divide="ignore"):
        raw = np.floor(100.0 * (1.0 - house_edge) / (1.0 - u)) / 100.0
    crash = np.where(u < house_edge, 1.0, raw)
    # floor(...)/100 is not always the nearest double to the two-decimal value: round once.
    return np.round(np.clip(crash, 1.0, cap), 2)


def crash_point(
    game_hash: str,
    client_seed: str = DEFAULT_CLIENT_SEED,
    house_edge: float = DEFAULT_HOUSE_EDGE,
    cap: float = DEFAULT_CAP,
) -> float:
    """The crash multiplier a revealed game hash stands for."""
    _check_edge(house_edge)
    u = np.array([_uniform(game_hash, client_seed)])
    return float(_crash_from_uniform(u, house_edge, cap)[0])


def generate_chain(
    n: int,
    seed: str = DEFAULT_SEED,
    house_edge: float = DEFAULT_HOUSE_EDGE,
    *,
    client_seed: str = DEFAULT_CLIENT_SEED,
    cap: float = DEFAULT_CAP,
) -> list[FairRound]:
    """``n`` rounds with their game hashes, in play order."""
    _check_edge(house_edge)
    chain = hash_chain(n, seed)
    crashes = _crash_from_uniform(_uniforms(chain, client_seed), house_edge, cap)
    return [FairRound(i, h, float(c)) for i, (h, c) in enumerate(zip(chain, crashes, strict=True))]


def generate_rounds(
    n: int,
    seed: str = DEFAULT_SEED,
    house_edge: float = DEFAULT_HOUSE_EDGE,
    *,
    client_seed: str = DEFAULT_CLIENT_SEED,
    cap: float = DEFAULT_CAP,
) -> np.ndarray:
    """``n`` crash multipliers (float64, two decimals, >= 1.00) in play order."""
    _check_edge(house_edge)
    return _crash_from_uniform(_uniforms(hash_chain(n, seed), client_seed), house_edge, cap)


def verify_round(
    game_hash: str,
    crash: float,
    *,
    previous_hash: str | None = None,
    client_seed: str = DEFAULT_CLIENT_SEED,
    house_edge: float = DEFAULT_HOUSE_EDGE,
    cap: float = DEFAULT_CAP,
) -> bool:
    """Whether a published round is honest: its crash re-derives from its revealed hash and,
    when ``previous_hash`` (the hash of the round before, or the terminating hash for round 0)
    is given, the revealed hash links into the chain."""
    if previous_hash is not None and _sha256_hex(game_hash) != previous_hash:
        return False
    return crash_point(game_hash, client_seed, house_edge, cap) == round(float(crash), 2)


def write_sqlite(path: str | Path, values: Sequence[float] | np.ndarray) -> Path:
    """Write ``values`` in order as table ``jetx_results(id, value)``, like the real file.

    The file is written beside its destination and moved into place, so a reader never sees
    half a history; an existing file is replaced.
    """
    target = Path(path)
    array = np.asarray(values, dtype=np.float64)
    if array.ndim != 1 or not np.all(np.isfinite(array)):
        raise DataError(record("error.fairgen.values_write_must_one_finite"), path=target)
    if not target.parent.is_dir():
        raise DataError(record("error.fairgen.folder_does_not_exist"), path=target.parent)
    # Not tempfile.mkstemp: that file would be private (0600); SQLite creates it as umask says.
    tmp_name = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    Path(tmp_name).unlink(missing_ok=True)
    try:
        connection = sqlite3.connect(tmp_name)
        try:
            with connection:
                connection.execute(
                    "CREATE TABLE jetx_results ("
                    "id INTEGER PRIMARY KEY AUTOINCREMENT, value REAL NOT NULL)"
                )
                connection.executemany(
                    "INSERT INTO jetx_results (value) VALUES (?)", ((float(v),) for v in array)
                )
        finally:
            connection.close()
        os.replace(tmp_name, target)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise
    return target
