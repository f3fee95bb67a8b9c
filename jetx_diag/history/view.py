"""A read-only window onto the rounds before one round, handed to the user's feature extractor.

Extractors used to get ``history[:index]``, a fresh list of every earlier round: O(n) work per
round, so extracting a million rounds cost O(n²) however little the extractor looked at.
:class:`HistoryView` costs O(1) to make and answers ``len``, indexing, negative indexing and
slicing from one list shared by every round; slices are lists (as ``list[a:b]`` gives), so an
extractor that looks at the last 50 rounds does the same work at round 10,000 and 1,000,000.
``list(view)``, iteration and ``np.asarray(view)`` still see every earlier round (that copy is
then the extractor's own choice). Nothing can change the rounds through it.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, overload

import numpy as np


class HistoryView(Sequence[float]):
    """The first ``length`` rounds of ``rounds``, oldest first, read-only.

    ``rounds`` is a list of Python floats shared by every view; ``array`` the same rounds as a
    float64 array (for ``np.asarray(view)`` without a per-element conversion).
    """

    __slots__ = ("_array", "_length", "_rounds")

    def __init__(self, rounds: list[float], array: np.ndarray, length: int) -> None:
        if not 0 <= length <= len(rounds):
            raise ValueError(f"a view of {length} rounds over {len(rounds)}")
        self._rounds = rounds
        self._array = array
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> float: ...

    @overload
    def __getitem__(self, index: slice) -> list[float]: ...

    def __getitem__(self, index: int | slice) -> float | list[float]:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._length)
            return self._rounds[start:stop:step]
        position = index.__index__()  # numpy integers too; floats are refused as list does
        if position < 0:
            position += self._length
        if not 0 <= position < self._length:
            raise IndexError("history index out of range")
        return self._rounds[position]

    def __iter__(self) -> Iterator[float]:
        rounds = self._rounds
        return (rounds[i] for i in range(self._length))

    def __reversed__(self) -> Iterator[float]:
        rounds = self._rounds
        return (rounds[i] for i in range(self._length - 1, -1, -1))

    def __array__(self, dtype: Any = None, copy: Any = None) -> np.ndarray:
        # A read-only slice of the shared array: np.asarray(view) is O(1), and writing into it
        # fails instead of changing what later rounds see.
        view = self._array[: self._length]
        view.flags.writeable = False
        if dtype is not None and np.dtype(dtype) != view.dtype:
            return view.astype(dtype)
        return np.array(view) if copy else view

    def __eq__(self, other: object) -> bool:
        if isinstance(other, HistoryView):
            other = other._rounds[: other._length]
        if isinstance(other, Sequence) and not isinstance(other, str | bytes):
            return len(other) == self._length and all(
                a == b for a, b in zip(self, other, strict=True)
            )
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]  # like list: equal by contents, so unhashable

    def __add__(self, other: Sequence[float]) -> list[float]:
        return self._rounds[: self._length] + list(other)

    def __radd__(self, other: Sequence[float]) -> list[float]:
        return list(other) + self._rounds[: self._length]

    def __repr__(self) -> str:
        tail = ", ".join(f"{v:g}" for v in self[-3:])
        more = "…, " if self._length > 3 else ""
        return f"HistoryView({self._length} rounds: [{more}{tail}])"


class Rounds:
    """One history's rounds, shared by every :class:`HistoryView` made from them."""

    __slots__ = ("array", "rounds")

    def __init__(self, values: np.ndarray) -> None:
        # A view, so that marking it read-only leaves the caller's array as it was.
        self.array = np.ascontiguousarray(values, dtype=np.float64).view()
        self.array.flags.writeable = False
        self.rounds = self.array.tolist()  # once per history, not once per round

    def before(self, index: int) -> HistoryView:
        """The rounds before round ``index`` (``rounds[:index]``), in O(1)."""
        return HistoryView(self.rounds, self.array, index)
