"""Several evaluated checkpoints side by side: ranking, the best one, and whether it really differs.

Pure: a :class:`Comparison` is built from ``Evaluation`` objects (freshly evaluated or read back
from their JSON) and never recomputes a metric. Ranks compare the percentages exactly as the
report rounds and prints them (``Rate.percent``), so the table a reader sees and the order agree.

The ranking rule (``rank_by``) is a list of keys tried in order; ``Comparison.rule`` records it
and ``Comparison.decided_by`` names the first key that separated the best checkpoint from the
runner-up, so the report can say *why* one checkpoint was chosen:

* ``targets`` (default): most targets met, then the highest threshold accuracy, then the lowest
  money-loss risk;
* a metric name (``threshold_accuracy``, ``below_accuracy``, ``money_loss_risk``, …): that metric
  first (higher is better, lower for ``money_loss_risk`` and ``bets_lost_share``), then targets
  met, then threshold accuracy.

Whatever the rule, a checkpoint *collapsed* onto one class (≥ 95% of its calls the same way) is
ranked after every one that is not: "always above" can meet the above-accuracy target and look
good on threshold accuracy, yet it is no model at all. Remaining ties keep the order given.

The best checkpoint is then tested against every other one with McNemar's test on the rounds
both evaluated (matched by round id and outcome), Holm-corrected for the comparisons made, so
the report can say when two checkpoints are statistically indistinguishable.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
from sklearn.metrics import auc, roc_curve

from jetx_diag import __version__
from jetx_diag.errors import UsageError
from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import record
from jetx_diag.results import Rate
from jetx_diag.scoring.metrics import STUCK_CALL_SHARE, is_above
from jetx_diag.scoring.targets import (
    DEFAULT_TARGETS,
    LOWER_IS_BETTER,
    TARGET_METRICS,
    Target,
    Verdict,
    decide_targets,
    evaluate_targets,
)
from jetx_diag.skill.significance import ALPHA, McNemarResult, holm, mcnemar_test

#: Version of the saved form of a :class:`Comparison` (``compare --json``). Bumped only when an
#: older reader would misread a newer file; readers refuse newer versions instead of guessing.
COMPARISON_FORMAT_VERSION = 1

#: ``--rank-by`` choices: ``targets`` or one metric a target may name.
RANK_CHOICES: tuple[str, ...] = ("targets", *TARGET_METRICS)

#: Calls going one way at least this often (rounded percent) make a checkpoint "collapsed".
#: The report's "stuck on one class" sentence uses the same limit.
COLLAPSE_SHARE = STUCK_CALL_SHARE


@dataclass(frozen=True)
class RocCurve:
    """Points of the ROC curve of ``p_above`` against "ended above", and the area under it."""

    fpr: tuple[float, ...]
    tpr: tuple[float, ...]
    auc: float


@dataclass(frozen=True)
class Entry:
    """One checkpoint of a comparison: its evaluation, its verdict and where it came from."""

    evaluation: Evaluation
    verdict: Verdict
    source: str  # the checkpoint or saved-evaluation file
    source_kind: str  # "checkpoint" or "json" (read back, no model reloaded)
    rank: int  # 1 = best
    collapsed_to: str | None  # "above" / "below" when its calls go one way ≥ COLLAPSE_SHARE
    roc: RocCurve | None  # None without probabilities or when one class is missing

    @property
    def label(self) -> str:
        return self.evaluation.label

    @property
    def applicable(self) -> int:
        """Targets that could be measured (n/a rows excluded)."""
        return sum(1 for r in self.verdict.results if r.status != "n/a")


@dataclass(frozen=True)
class PairTest:
    """The best checkpoint against one other, on the rounds both evaluated."""

    other: str  # label of the other checkpoint
    shared_rounds: int
    result: McNemarResult | None  # None when they share no round


@dataclass(frozen=True)
class Comparison:
    """Checkpoints ranked best first, the rule that ranked them, and the pairwise tests."""

    entries: tuple[Entry, ...]  # in rank order: entries[0] is the best
    rank_by: str  # one of RANK_CHOICES
    rule: tuple[str, ...]  # the keys tried in order ("not_collapsed", "targets_met", …)
    decided_by: str | None  # first key separating best and runner-up; "order" on a full tie
    pairs: tuple[PairTest, ...]  # best vs each other entry, in rank order
    same_rounds: bool  # every entry was evaluated on the same rounds (ids and outcomes)
    alpha: float
    tool_version: str
    format_version: int = COMPARISON_FORMAT_VERSION

    @property
    def best(self) -> Entry:
        return self.entries[0]

    def _repr_html_(self) -> str:
        """The comparison's header, best checkpoint and ranking in a notebook cell."""
        from jetx_diag.report.notebook import comparison_html

        return comparison_html(self)

    def to_frame(self, what: str = "metrics") -> Any:
        """A ``pandas.DataFrame``: ``"metrics"``, one row per checkpoint in rank order with its
        targets met and each metric's percent; ``"calls"``, one row per round with each
        checkpoint's ``called_above`` (the rounds of the best checkpoint)."""
        from jetx_diag.report.notebook import comparison_calls_frame, comparison_frame

        frames = {"metrics": comparison_frame, "calls": comparison_calls_frame}
        if what not in frames:
            raise ValueError(f"to_frame: what must be 'metrics' or 'calls', not {what!r}")
        return frames[what](self)

    def entry(self, label: str) -> Entry:
        """The entry named ``label``."""
        for item in self.entries:
            if item.label == label:
                return item
        raise KeyError(label)


@dataclass(frozen=True)
class Candidate:
    """An evaluation to compare, with the file it came from."""

    evaluation: Evaluation
    source: str
    source_kind: str = "checkpoint"


# --------------------------------------------------------------------------- ranking


def rule_keys(rank_by: str) -> tuple[str, ...]:
    """The keys a rank rule tries, in order (stored as ``Comparison.rule``)."""
    if rank_by not in RANK_CHOICES:
        raise UsageError(
            record("error.ranking.unknown_rank", rank_by=f"{rank_by!r}"),
            hint=record("error.common.hint_one_of", choices=", ".join(RANK_CHOICES)),
        )
    if rank_by == "targets":
        return ("not_collapsed", "targets_met", "threshold_accuracy", "money_loss_risk")
    tail = tuple(k for k in ("targets_met", "threshold_accuracy") if k != rank_by)
    return ("not_collapsed", rank_by, *tail)


def _key_value(key: str, evaluation: Evaluation, verdict: Verdict, collapsed: bool) -> float:
    """A number where smaller ranks first; a metric the model lacks (or 0/0) ranks last."""
    if key == "not_collapsed":
        return 1.0 if collapsed else 0.0
    if key == "targets_met":
        return -float(verdict.met_count)
    rate = evaluation.metrics.rate(key)
    shown = None if rate is None else rate.percent()
    if shown is None:
        return math.inf
    return shown if key in LOWER_IS_BETTER else -shown


def collapsed_side(evaluation: Evaluation, limit: float = COLLAPSE_SHARE) -> str | None:
    """``"above"``/``"below"`` when at least ``limit`` percent of the calls go that way."""
    matrix = evaluation.metrics.confusion
    for side, count in (("above", matrix.called_above), ("below", matrix.called_below)):
        shown = Rate(count, matrix.total).percent()
        if shown is not None and shown >= limit:
            return side
    return None


def roc_curve_of(evaluation: Evaluation) -> RocCurve | None:
    """The ROC curve of the saved per-round ``p_above`` (scikit-learn), or ``None``."""
    calls = evaluation.calls
    if calls.p_above is None or calls.p_above.size == 0:
        return None
    labels = is_above(calls.actual, evaluation.settings.threshold)
    if labels.all() or not labels.any():
        return None  # one class only: no false- or no true-positive rate exists

    fpr, tpr, _ = roc_curve(labels, np.asarray(calls.p_above, dtype=float))
    return RocCurve(
        tuple(float(x) for x in fpr), tuple(float(y) for y in tpr), float(auc(fpr, tpr))
    )


# --------------------------------------------------------------------------- pairwise tests


def _paired_rounds(first: Evaluation, second: Evaluation) -> tuple[np.ndarray, np.ndarray]:
    """Indices into each evaluation's calls of the rounds both evaluated, in round order.

    A round is shared when its id and its outcome agree: two evaluations on different histories
    that happen to reuse ids are not paired on rounds that were in fact different.
    """
    position = {
        (rid, actual): i
        for i, (rid, actual) in enumerate(
            zip(second.calls.round_ids.tolist(), second.calls.actual.tolist(), strict=True)
        )
    }
    left, right = [], []
    pairs = zip(first.calls.round_ids.tolist(), first.calls.actual.tolist(), strict=True)
    for i, key in enumerate(pairs):
        j = position.get(key)
        if j is not None:
            left.append(i)
            right.append(j)
    return np.asarray(left, dtype=np.int64), np.asarray(right, dtype=np.int64)


def _same_rounds(evaluations: Sequence[Evaluation]) -> bool:
    first = evaluations[0].calls
    return all(
        np.array_equal(e.calls.round_ids, first.round_ids)
        and np.array_equal(e.calls.actual, first.actual)
        for e in evaluations[1:]
    )


def pairwise_tests(
    best: Evaluation, others: Sequence[Evaluation], alpha: float = ALPHA
) -> tuple[PairTest, ...]:
    """McNemar's test of ``best`` against each of ``others``, Holm-corrected over them all."""
    raw: list[tuple[str, int, McNemarResult | None]] = []
    for other in others:
        mine, theirs = _paired_rounds(best, other)
        if mine.size == 0:
            raw.append((other.label, 0, None))
            continue
        actual = is_above(np.asarray(best.calls.actual)[mine], best.settings.threshold)
        result = mcnemar_test(
            actual,
            np.asarray(best.calls.called_above, dtype=bool)[mine],
            np.asarray(other.calls.called_above, dtype=bool)[theirs],
            other.label,
            alpha=alpha,
        )
        raw.append((other.label, int(mine.size), result))
    tested = [result for _, _, result in raw if result is not None]
    adjusted = iter(holm([r.p_value for r in tested]))
    pairs = []
    for label, shared, result in raw:
        if result is not None:
            p_adjusted = next(adjusted)
            outcome = "indistinguishable"
            if p_adjusted < alpha:
                outcome = (
                    "better"
                    if result.model_only_correct > result.baseline_only_correct
                    else "worse"
                )
            result = dataclasses.replace(result, p_value_adjusted=p_adjusted, outcome=outcome)
        pairs.append(PairTest(label, shared, result))
    return tuple(pairs)


# --------------------------------------------------------------------------- the comparison


def check_labels(candidates: Sequence[Candidate]) -> None:
    """Labels name files and report folders: two candidates may not share one."""
    seen: dict[str, str] = {}
    for candidate in candidates:
        label = candidate.evaluation.label
        if label in seen:
            raise UsageError(
                record(
                    "error.ranking.two_checkpoints_both_labelled",
                    label=f"{label!r}",
                    seen=seen[label],
                    source=candidate.source,
                ),
                hint=record("error.ranking.hint_compare_files_different_names_give"),
            )
        seen[label] = candidate.source


def compare(
    candidates: Sequence[Candidate],
    targets: Sequence[Target] = DEFAULT_TARGETS,
    *,
    rank_by: str = "targets",
    alpha: float = ALPHA,
) -> Comparison:
    """Rank ``candidates`` by ``rank_by``, choose the best, test it against the others."""
    if not candidates:
        raise UsageError(
            record("error.compare.nothing_compare"),
            hint=record("error.compare.hint_give_checkpoints_folder_json_files"),
        )
    check_labels(candidates)
    keys = rule_keys(rank_by)
    scored = []
    for index, candidate in enumerate(candidates):
        evaluation = candidate.evaluation
        # The same verdict as `report` gives (three-way decisions included), so a checkpoint's
        # report written from a comparison is the one `report` would write.
        level = 0.95 if evaluation.skill is None else evaluation.skill.settings.level
        verdict = decide_targets(
            evaluate_targets(evaluation.metrics, targets),
            level,
            evaluation.metrics.confusion.total,
        )
        side = collapsed_side(evaluation)
        values = tuple(_key_value(k, evaluation, verdict, side is not None) for k in keys)
        scored.append((values, index, candidate, verdict, side))
    scored.sort(key=lambda item: (item[0], item[1]))  # remaining ties keep the order given
    entries = tuple(
        Entry(
            evaluation=candidate.evaluation,
            verdict=verdict,
            source=candidate.source,
            source_kind=candidate.source_kind,
            rank=rank,
            collapsed_to=side,
            roc=roc_curve_of(candidate.evaluation),
        )
        for rank, (_, _, candidate, verdict, side) in enumerate(scored, start=1)
    )
    decided_by = None
    if len(scored) > 1:
        first, second = scored[0][0], scored[1][0]
        decided_by = next(
            (k for k, a, b in zip(keys, first, second, strict=True) if a != b), "order"
        )
    evaluations = [e.evaluation for e in entries]
    return Comparison(
        entries=entries,
        rank_by=rank_by,
        rule=keys,
        decided_by=decided_by,
        pairs=pairwise_tests(evaluations[0], evaluations[1:], alpha),
        same_rounds=_same_rounds(evaluations),
        alpha=alpha,
        tool_version=__version__,
    )


def ranking_rows(comparison: Comparison) -> list[tuple[object, ...]]:
    """The ranking as plain tuples (rank, label, met, applicable, and every metric's text):
    what a reader compares when checking that two comparisons agree."""
    rows: list[tuple[object, ...]] = []
    for entry in comparison.entries:
        metrics = entry.evaluation.metrics
        texts = []
        for name in (*TARGET_METRICS, "above_call_share"):
            rate = metrics.rate(name)
            texts.append(None if rate is None else rate.text())
        rows.append((entry.rank, entry.label, entry.verdict.met_count, entry.applicable, *texts))
    return rows
