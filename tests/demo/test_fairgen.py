"""The provably-fair generator: the law it promises, its determinism, and re-derivation."""

from __future__ import annotations

import hashlib
import math
import sqlite3
from pathlib import Path

import numpy as np
import pytest

from jetx_diag.demo import fairgen
from jetx_diag.errors import DataError, UsageError

N = 50_000


@pytest.fixture(scope="module")
def rounds() -> np.ndarray:
    return fairgen.generate_rounds(N)


def _within_binomial(observed: np.ndarray, p: float, sigmas: float = 4.0) -> None:
    """The observed share of True lies within ``sigmas`` binomial standard errors of ``p``."""
    share = float(observed.mean())
    se = math.sqrt(p * (1 - p) / observed.size)
    assert abs(share - p) <= sigmas * se, (share, p, se)


def test_same_seed_same_rounds_other_seed_other_rounds() -> None:
    a = fairgen.generate_rounds(2000)
    b = fairgen.generate_rounds(2000, seed=fairgen.DEFAULT_SEED)
    np.testing.assert_array_equal(a, b)
    assert not np.array_equal(a, fairgen.generate_rounds(2000, seed="another server seed"))
    assert not np.array_equal(a, fairgen.generate_rounds(2000, client_seed="another client"))


def test_a_longer_chain_does_not_start_with_the_shorter_one() -> None:
    # The chain is built backwards from the seed, so its *end* is shared, not its start.
    short = fairgen.generate_rounds(100)
    long = fairgen.generate_rounds(150)
    np.testing.assert_array_equal(long[50:], short)


def test_values_are_two_decimal_multipliers_of_at_least_one(rounds: np.ndarray) -> None:
    assert rounds.dtype == np.float64 and rounds.shape == (N,)
    assert rounds.min() == 1.0
    assert rounds.max() <= fairgen.DEFAULT_CAP
    np.testing.assert_array_equal(np.round(rounds, 2), rounds)


def test_above_1_5_follows_the_3_percent_edge(rounds: np.ndarray) -> None:
    _within_binomial(rounds >= 1.5, 0.97 / 1.5)  # 0.6467


def test_above_2_follows_the_3_percent_edge(rounds: np.ndarray) -> None:
    _within_binomial(rounds >= 2.0, 0.97 / 2.0)  # 0.485


def test_above_10_follows_the_3_percent_edge(rounds: np.ndarray) -> None:
    _within_binomial(rounds >= 10.0, 0.097)


def test_share_of_1_00_is_the_edge_plus_the_rounds_below_1_01(rounds: np.ndarray) -> None:
    # 3% instant crashes plus 0.97 * (1 - 1/1.01) that end before 1.01: 1 - 0.97/1.01 = 3.96%.
    _within_binomial(rounds == 1.0, 1 - 0.97 / 1.01)


def test_house_edge_is_a_parameter() -> None:
    values = fairgen.generate_rounds(20_000, house_edge=0.10)
    _within_binomial(values >= 1.5, 0.90 / 1.5)


def test_crash_formula_on_hand_computed_uniforms() -> None:
    # Uniforms chosen so that 1 - u is exact in binary floating point.
    u = np.array([0.0, 0.029, 0.03, 0.36, 0.5, 0.75, 1 - 2.0**-6, 1 - 2.0**-52])
    got = fairgen._crash_from_uniform(u, 0.03, 100_000.0)
    # u < edge: instant; else floor(97 / (1 - u)) / 100, capped.
    assert got.tolist() == [1.0, 1.0, 1.0, 1.51, 1.94, 3.88, 62.08, 100_000.0]


def test_bad_parameters_are_refused() -> None:
    with pytest.raises(UsageError):
        fairgen.generate_rounds(10, house_edge=1.0)
    with pytest.raises(UsageError):
        fairgen.generate_rounds(10, house_edge=float("nan"))
    with pytest.raises(UsageError):
        fairgen.generate_rounds(10, cap=0.5)
    with pytest.raises(UsageError):
        fairgen.generate_rounds(-1)


def test_hash_chain_links_backwards_from_the_seed() -> None:
    assert fairgen.hash_chain(1, "abc") == [hashlib.sha256(b"abc").hexdigest()]
    chain = fairgen.hash_chain(4, "abc")
    assert chain[3] == hashlib.sha256(b"abc").hexdigest()
    for i in range(1, 4):
        assert hashlib.sha256(chain[i].encode()).hexdigest() == chain[i - 1]
    assert fairgen.terminating_hash(4, "abc") == hashlib.sha256(chain[0].encode()).hexdigest()


def test_every_round_re_derives_from_its_revealed_hash() -> None:
    published = fairgen.generate_chain(300)
    values = fairgen.generate_rounds(300)
    assert [r.crash for r in published] == values.tolist()
    previous = fairgen.terminating_hash(300)
    for game in published:
        assert fairgen.verify_round(game.game_hash, game.crash, previous_hash=previous)
        previous = game.game_hash


def test_tampered_rounds_fail_verification() -> None:
    first, second = fairgen.generate_chain(2)
    assert fairgen.verify_round(second.game_hash, second.crash, previous_hash=first.game_hash)
    assert not fairgen.verify_round(second.game_hash, second.crash + 0.01)
    assert not fairgen.verify_round(first.game_hash, first.crash, previous_hash=first.game_hash)
    # A different client seed gives other crash points (a few may coincide by chance).
    games = fairgen.generate_chain(50)
    checks = [fairgen.verify_round(g.game_hash, g.crash, client_seed="other") for g in games]
    assert checks.count(False) >= 40


def test_write_sqlite_matches_the_real_files_table(tmp_path: Path) -> None:
    values = np.array([1.0, 2.29, 1.29, 10938.01])
    path = fairgen.write_sqlite(tmp_path / "history.db", values)
    with sqlite3.connect(path) as connection:
        sql = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'jetx_results'"
        ).fetchone()[0]
        rows = connection.execute("SELECT id, value FROM jetx_results ORDER BY id").fetchall()
    assert "id INTEGER PRIMARY KEY AUTOINCREMENT" in sql and "value REAL NOT NULL" in sql
    assert rows == [(1, 1.0), (2, 2.29), (3, 1.29), (4, 10938.01)]


def test_write_sqlite_replaces_an_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "history.db"
    fairgen.write_sqlite(target, [1.5, 2.5, 3.5])
    fairgen.write_sqlite(target, [4.0])
    with sqlite3.connect(target) as connection:
        assert connection.execute("SELECT value FROM jetx_results").fetchall() == [(4.0,)]
    assert [p.name for p in tmp_path.iterdir()] == ["history.db"]


def test_write_sqlite_refuses_bad_values_and_missing_folders(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="finite"):
        fairgen.write_sqlite(tmp_path / "h.db", [1.0, float("nan")])
    with pytest.raises(DataError, match="folder does not exist"):
        fairgen.write_sqlite(tmp_path / "missing" / "h.db", [1.0])
