"""A history's rounds and the accounting of every row read: the ``History`` record, and how
rows in storage order become one (ordered by id, de-duplicated, parsed, each rejected row kept
with a reason code from :data:`REJECTION_REASONS`), and the limits on rejected rows.

``rows_read == rows_used + len(rejected)`` always holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from jetx_diag import numbers
from jetx_diag.errors import DataError
from jetx_diag.i18n.messages import record as record_text
from jetx_diag.results import DataAccounting, RejectedRow

#: A later row repeats an id already seen (possible in a table without a PRIMARY KEY).
DUPLICATE_ID = "duplicate_id"
#: The row's id is missing or not an integer, so the round cannot be placed in order.
BAD_ID = "bad_id"

#: Every reason code a :class:`~jetx_diag.results.RejectedRow` can carry, with its explanation.
REJECTION_REASONS: dict[str, str] = {
    **numbers.REJECTION_REASONS,
    DUPLICATE_ID: "the id was already used by an earlier row (the first one is kept)",
    BAD_ID: "the id is missing or not an integer, so the round cannot be placed in order",
}

_INT64_MIN, _INT64_MAX = -(2**63), 2**63 - 1
_RAW_SHOWN_CHARS = 60


@dataclass(frozen=True, eq=False)  # eq=False: comparing numpy arrays with == is ambiguous
class History:
    """Usable rounds in round order, and the accounting of every row that was read.

    ``values`` (float64, every value finite and ≥ 1) and ``ids`` (int64, strictly increasing:
    round ids for SQLite and CSV with an id column, line numbers otherwise, positions for
    in-memory histories) are read-only arrays of equal length.
    """

    values: np.ndarray
    ids: np.ndarray
    accounting: DataAccounting
    source: str
    kind: str  # 'sqlite' | 'csv' | 'text' | 'memory'
    read_as: str = ""  # how it was read, for the report: "SQLite table 'x', column 'value', …"

    def __post_init__(self) -> None:
        # Private read-only copies: no caller can change the rounds after validation.
        values = np.array(self.values, dtype=np.float64)
        ids = np.array(self.ids, dtype=np.int64)
        if values.ndim != 1 or ids.shape != values.shape:
            raise ValueError(f"values {values.shape} and ids {ids.shape} must be equal 1-D")
        if len(values) != self.accounting.rows_used:
            raise ValueError(f"{len(values)} values but rows_used={self.accounting.rows_used}")
        if not (np.isfinite(values).all() and (values >= 1.0).all()):
            raise ValueError("history values must be finite and >= 1")
        if len(ids) > 1 and not (np.diff(ids) > 0).all():
            raise ValueError("history ids must be strictly increasing")
        values.flags.writeable = False
        ids.flags.writeable = False
        object.__setattr__(self, "values", values)
        object.__setattr__(self, "ids", ids)

    def __len__(self) -> int:
        return len(self.values)


def show_raw(cell: object) -> str:
    """A cell as it was read, escaped so control and separator characters stay visible.

    Text is shown with ``repr`` (quotes; non-printable characters such as U+2028 as
    ``\\u2028``; readable non-ASCII letters kept); NULL as ``NULL``; numbers as Python shows them.
    Long cells are cut after 60 characters with their full length.
    """
    if cell is None:
        return "NULL"
    if isinstance(cell, str | bytes) and len(cell) > _RAW_SHOWN_CHARS:
        unit = "chars" if isinstance(cell, str) else "bytes"
        return f"{cell[:_RAW_SHOWN_CHARS]!r}… ({len(cell)} {unit})"
    return repr(cell)


def account_rows(
    *,
    source: str,
    kind: str,
    read_as: str,
    ids: Sequence[object],
    cells: Sequence[object],
    where: Callable[[int, object], str],
    notes: list[str],
    real_ids: bool,
) -> History:
    """Turn rows in storage order into a History: order, de-duplicate, parse, account."""
    n = len(cells)
    id_ok = np.fromiter(
        (type(x) is int and _INT64_MIN <= x <= _INT64_MAX for x in ids), dtype=bool, count=n
    )
    id_values = np.fromiter(
        (x if ok else 0 for x, ok in zip(ids, id_ok, strict=True)), dtype=np.int64, count=n
    )
    reasons: list[str | None] = [None] * n
    for position in np.flatnonzero(~id_ok).tolist():
        reasons[position] = BAD_ID

    # Round order: valid ids sorted; stable, so among equal ids the first stored row comes first.
    placed = np.flatnonzero(id_ok)
    order = placed[np.argsort(id_values[placed], kind="stable")]
    sorted_ids = id_values[order]
    repeated = order[1:][sorted_ids[1:] == sorted_ids[:-1]]
    for position in repeated.tolist():
        reasons[position] = DUPLICATE_ID
    if real_ids:
        notes = notes + _order_notes(id_values[placed], sorted_ids)

    values = np.full(n, np.nan)
    # Numeric database cells are checked in one vectorised pass; only text needs the parser.
    numeric = np.fromiter(
        (
            type(cell) is float or (type(cell) is int and _INT64_MIN <= cell <= _INT64_MAX)
            for cell in cells
        ),
        dtype=bool,
        count=n,
    )
    numeric_at = np.flatnonzero(numeric)
    if len(numeric_at):
        numeric_values = np.array([float(cells[i]) for i in numeric_at.tolist()], np.float64)
        values[numeric_at] = numeric_values
        finite = np.isfinite(numeric_values)
        for position, is_finite, value in zip(
            numeric_at.tolist(), finite.tolist(), numeric_values.tolist(), strict=True
        ):
            if reasons[position] is None and not (is_finite and value >= 1.0):
                reasons[position] = numbers.NOT_FINITE if not is_finite else numbers.BELOW_ONE
    text_used = 0
    for position in np.flatnonzero(~numeric).tolist():
        if reasons[position] is not None:
            continue
        value, reason = numbers.parse_multiplier(cells[position])
        if reason is None:
            values[position] = value
            text_used += 1
        else:
            reasons[position] = reason
    if kind == "sqlite" and text_used:
        # Worth saying: a REAL column should not hold text, even text that parses.
        notes = [*notes, record_text("record.text_cells", count=text_used)]

    rejected = [
        RejectedRow(where=where(p, ids[p]), raw=show_raw(cells[p]), reason=reasons[p])
        for p in [*order.tolist(), *np.flatnonzero(~id_ok).tolist()]
        if reasons[p] is not None
    ]
    used = np.array([reasons[p] is None for p in order.tolist()], dtype=bool)
    accounting = DataAccounting(
        source=source,
        rows_read=n,
        rows_used=int(used.sum()),
        rejected=tuple(rejected),
        notes=tuple(notes),
    )
    assert accounting.rows_read == accounting.rows_used + len(accounting.rejected)
    return History(
        values=values[order][used],
        ids=sorted_ids[used],
        accounting=accounting,
        source=source,
        kind=kind,
        read_as=read_as,
    )


def _order_notes(stored_ids: np.ndarray, sorted_ids: np.ndarray) -> list[str]:
    """Rows stored out of id order, and ids missing between the first and the last."""
    notes: list[str] = []
    if len(stored_ids) > 1:
        running_max = np.maximum.accumulate(stored_ids)[:-1]
        late = int((stored_ids[1:] < running_max).sum())
        if late:
            notes.append(record_text("record.out_of_order", count=late))
    unique_ids = np.unique(sorted_ids)
    steps = np.diff(unique_ids)
    gap_at = np.flatnonzero(steps > 1)
    if len(gap_at):
        # Python ints: a difference of two int64 ids near the limits would overflow numpy.
        gaps = [
            (
                int(unique_ids[i + 1]) - int(unique_ids[i]) - 1,
                int(unique_ids[i]),
                int(unique_ids[i + 1]),
            )
            for i in gap_at.tolist()
        ]
        if len(gaps) <= 3:
            notes.extend(_gap_text(*gap) for gap in gaps)
        else:
            missing = sum(gap[0] for gap in gaps)
            largest = max(gaps, key=lambda gap: gap[0])
            notes.append(
                record_text(
                    "record.id_gaps", missing=missing, gaps=len(gaps), largest=_gap_text(*largest)
                )
            )
    return notes


def _gap_text(missing: int, low: int, high: int) -> str:
    return record_text("record.id_gap", count=missing, low=low, high=high)


def enforce_limits(
    history: History, path: str | Path, *, strict: bool, max_rejected_share: float | None
) -> None:
    accounting = history.accounting
    rejected = accounting.rejected
    if not rejected:
        return
    by_reason = ", ".join(
        f"{count} {reason}" for reason, count in accounting.rejected_by_reason.items()
    )
    first = rejected[0]
    first_text = record_text(
        "error.accounting.first_rejected", where=first.where, raw=first.raw, reason=first.reason
    )
    if accounting.rows_used == 0:
        raise DataError(
            record_text(
                "error.accounting.no_usable_rounds_rejected",
                rows=_all_rows(accounting.rows_read),
                by_reason=by_reason,
                first_text=first_text,
            ),
            path=path,
        )
    if strict:
        raise DataError(
            # rows_used > 0 here, so rows_read >= 2: "rows" is always right.
            record_text(
                "error.accounting.rows_rejected",
                rejected_count=len(rejected),
                rows_read=accounting.rows_read,
                by_reason=by_reason,
                first_text=first_text,
            ),
            path=path,
            hint=record_text("error.accounting.hint_strict_mode_fix_remove_these"),
        )
    share = accounting.rejected_share
    if (
        max_rejected_share is not None
        and share.value is not None
        and share.value > max_rejected_share
    ):
        raise DataError(
            record_text(
                "error.accounting.rows_rejected_more_than_allowed",
                text=share.text(),
                value=f"{100 * max_rejected_share:g}",
                by_reason=by_reason,
                first_text=first_text,
            ),
            path=path,
            hint=record_text("error.accounting.hint_fix_rows_raise_max_rejected"),
        )


def _all_rows(count: int) -> str:
    if count == 1:
        return record_text("error.accounting.the_only_row")
    return record_text("error.accounting.all_rows", count=count)
