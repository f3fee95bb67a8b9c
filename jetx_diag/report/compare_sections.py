"""The comparison page's sections as display strings: header, best checkpoint, ranking, pairs.

Each builder takes a :class:`~jetx_diag.compare.ranking.Comparison` and the catalog of one language
and returns the dict its partial ``_compare_<section>.<format>.j2`` prints (percentages from
``Rate.text()``, words from the i18n catalog). :mod:`jetx_diag.report.compare_page` puts them
together with the ratchet's section and the figures into one page context.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from jetx_diag.compare.ranking import Comparison, Entry
from jetx_diag.i18n.messages import Messages
from jetx_diag.report.target_text import target_text
from jetx_diag.results import Rate
from jetx_diag.scoring.targets import TARGET_METRICS
from jetx_diag.skill.assessment import format_p

Context = dict[str, Any]

#: Metrics shown in the ranking table, in the document's order, then the share of "above" calls.
RANKED_METRICS: tuple[str, ...] = (*TARGET_METRICS, "above_call_share")


# --------------------------------------------------------------------------- small helpers


def threshold_text(comparison: Comparison) -> str:
    return f"{comparison.best.evaluation.settings.threshold:g}"


def _rule_text(comparison: Comparison, msg: Messages) -> str:
    threshold = threshold_text(comparison)
    parts = [msg(f"compare.rule_{key}", threshold=threshold) for key in comparison.rule]
    return " → ".join(parts)


def _key_text(key: str, entry: Entry, msg: Messages) -> str:
    """An entry's value on one ranking key, as the page prints it."""
    if key == "not_collapsed":
        return msg(
            "compare.value_collapsed" if entry.collapsed_to else "compare.value_not_collapsed"
        )
    if key == "targets_met":
        return msg(
            "compare.value_targets", met=entry.verdict.met_count, applicable=entry.applicable
        )
    rate = entry.evaluation.metrics.rate(key)
    return msg("none") if rate is None else rate.text()


def _decided_text(comparison: Comparison, msg: Messages) -> str | None:
    if comparison.decided_by is None or len(comparison.entries) < 2:
        return None
    best, runner = comparison.entries[0], comparison.entries[1]
    if comparison.decided_by == "order":
        return msg("compare.decided_order", best=best.label, other=runner.label)
    key = comparison.decided_by
    return msg(
        "compare.decided_by",
        other=runner.label,
        criterion=msg(f"compare.rule_{key}", threshold=threshold_text(comparison)),
        best_value=_key_text(key, best, msg),
        other_value=_key_text(key, runner, msg),
    )


def _collapse_text(entry: Entry, msg: Messages) -> str | None:
    if entry.collapsed_to is None:
        return None
    matrix = entry.evaluation.metrics.confusion
    count = matrix.called_above if entry.collapsed_to == "above" else matrix.called_below
    threshold = f"{entry.evaluation.settings.threshold:g}"
    return msg(
        "compare.collapsed",
        label=entry.label,
        cls=msg(f"class.{entry.collapsed_to}", threshold=threshold),
        share=Rate(count, matrix.total).text(),
    )


def _p_text(p: float) -> str:

    return format_p(p)


# --------------------------------------------------------------------------- sections


def section_header(comparison: Comparison, msg: Messages) -> Context:
    best = comparison.best.evaluation
    rows: list[dict[str, Any]] = []

    def add(label_key: str, value: str, code: bool = False) -> None:
        rows.append({"label": msg(label_key), "value": value, "code": code})

    add("compare.checkpoints", str(len(comparison.entries)))
    for source in dict.fromkeys(e.evaluation.data.source for e in comparison.entries):
        add("header.data", source, code=True)
    if comparison.same_rounds:
        split = best.split
        value = msg("compare.rounds_value", evaluated=split.test_samples)
        if split.test_first_id is not None and split.test_last_id is not None:
            ids = msg("header.split_ids", first=split.test_first_id, last=split.test_last_id)
            value += f" ({ids})"
        add("header.rounds", value)
    else:
        add("header.rounds", msg("compare.rounds_differ"))
    settings = dict.fromkeys(
        (e.evaluation.settings.threshold, e.evaluation.settings.cutoff) for e in comparison.entries
    )
    for threshold, cutoff in settings:
        add(
            "header.rule",
            msg("header.rule_probability", threshold=f"{threshold:g}", cutoff=f"{cutoff:g}"),
        )
    targets = comparison.best.verdict.results
    threshold = threshold_text(comparison)
    add(
        "compare.targets",
        ", ".join(
            msg(f"metric.{r.target.metric}", threshold=threshold) + " " + target_text(r.target)
            for r in targets
        ),
    )
    add("header.tool", msg("header.tool_value", version=comparison.tool_version))
    notes = []
    if not comparison.same_rounds:
        notes.append(msg("compare.note_rounds_differ"))
    from_json = [e.label for e in comparison.entries if e.source_kind == "json"]
    if from_json:
        notes.append(msg("compare.note_from_json", labels=", ".join(from_json)))
    return {
        "title": msg("compare.title", count=len(comparison.entries)),
        "rows": rows,
        "notes": notes,
    }


def section_best(comparison: Comparison, msg: Messages) -> Context:
    best = comparison.best
    verdict = best.verdict
    missed = len(verdict.missed)
    if best.applicable == 0:
        headline = msg("targets.headline_none")
    elif missed == 0:
        headline = msg("targets.headline_passed", met=verdict.met_count)
    elif missed == best.applicable:
        headline = msg("targets.headline_all_missed")
    else:
        headline = msg("targets.headline_missed", missed=missed, applicable=best.applicable)
    same = [
        pair.other
        for pair in comparison.pairs
        if pair.result is not None and pair.result.outcome == "indistinguishable"
    ]
    # The best can be significantly less often right than a checkpoint ranked below it: say
    # so, and why (a collapsed one scores the base rate; otherwise the rule put it first).
    worse = [
        pair.other
        for pair in comparison.pairs
        if pair.result is not None and pair.result.outcome == "worse"
    ]
    worse_collapsed = [o for o in worse if comparison.entry(o).collapsed_to is not None]
    worse_other = [o for o in worse if o not in worse_collapsed]
    worse_texts = []
    if worse_other:
        worse_texts.append(msg("compare.worse_than", best=best.label, others=msg.join(worse_other)))
    if worse_collapsed and best.collapsed_to is None:
        worse_texts.append(
            msg("compare.worse_than_collapsed", best=best.label, others=msg.join(worse_collapsed))
        )
    elif worse_collapsed:
        worse_texts.append(
            msg("compare.worse_than", best=best.label, others=msg.join(worse_collapsed))
        )
    collapsed = [text for text in (_collapse_text(e, msg) for e in comparison.entries) if text]
    every_collapsed = all(e.collapsed_to is not None for e in comparison.entries)
    return {
        "heading": msg("compare.best_heading"),
        "best": msg("compare.best", label=best.label),
        "passed": verdict.passed,
        "headline_symbol": msg("status.met" if verdict.passed else "status.missed"),
        "headline": headline,
        "rule": msg("compare.rule", rule=_rule_text(comparison, msg)),
        "decided": _decided_text(comparison, msg),
        "indistinguishable": None
        if not same
        else msg("compare.indistinguishable", best=best.label, others=msg.join(same)),
        "worse": worse_texts,
        "collapsed": collapsed,
        "all_collapsed": msg("compare.all_collapsed") if every_collapsed else None,
    }


def _cell(entry: Entry, metric: str, msg: Messages) -> Context:
    rate = entry.evaluation.metrics.rate(metric)
    result = next((r for r in entry.verdict.results if r.target.metric == metric), None)
    status = None if result is None else result.status
    return {
        "text": msg("none") if rate is None else rate.text(),
        "status": status,
        "status_class": "" if status is None else status.replace("/", ""),
        # n/a already reads "—" in the text: no second dash as its symbol.
        "symbol": "" if status in (None, "n/a") else msg(f"status.{status}"),
        "word": "" if status in (None, "n/a") else msg(f"status_word.{status}"),
    }


def section_ranking(
    comparison: Comparison, msg: Messages, links: Mapping[str, str] | None
) -> Context:
    threshold = threshold_text(comparison)
    rows = []
    for entry in comparison.entries:
        rows.append(
            {
                "rank": entry.rank,
                "label": entry.label,
                "href": None if links is None else links.get(entry.label),
                "best": entry.rank == 1,
                "source": msg(f"compare.source_{entry.source_kind}"),
                "targets": msg(
                    "compare.value_targets",
                    met=entry.verdict.met_count,
                    applicable=entry.applicable,
                ),
                "collapsed": entry.collapsed_to is not None,
                "collapsed_symbol": msg("compare.collapsed_marker") if entry.collapsed_to else "",
                "cells": [_cell(entry, metric, msg) for metric in RANKED_METRICS],
            }
        )
    return {
        "heading": msg("compare.ranking_heading"),
        "columns": {
            "rank": msg("compare.col_rank"),
            "checkpoint": msg("compare.col_checkpoint"),
            "targets": msg("compare.col_targets"),
            "source": msg("compare.col_source"),
            "metrics": [msg(f"metric.{m}", threshold=threshold) for m in RANKED_METRICS],
        },
        "rows": rows,
        "legend": msg("compare.ranking_legend"),
        "epochs": _checkpoint_epochs(comparison, msg),
    }


def _checkpoint_epochs(comparison: Comparison, msg: Messages) -> Context | None:
    """Which stage and epoch each ranked checkpoint holds, when the console output beside it
    saved it (``stage2_best.h5: stage2, epoch 7, val_threshold_accuracy 0.648``)."""
    from jetx_diag.report.training import checkpoint_link_text

    items = []
    for entry in comparison.entries:
        training = entry.evaluation.training
        link = None if training is None else training.checkpoint(Path(entry.label).name)
        if link is not None:
            items.append(checkpoint_link_text(link, msg))
    if not items:
        return None
    return {"heading": msg("compare.epochs_heading"), "items": items}


def section_pairs(comparison: Comparison, msg: Messages) -> Context | None:
    if not comparison.pairs:
        return None
    best = comparison.best.label
    rows = []
    for pair in comparison.pairs:
        result = pair.result
        if result is None:
            rows.append(
                {
                    "other": pair.other,
                    "shared": pair.shared_rounds,
                    "best_only": msg("none"),
                    "other_only": msg("none"),
                    "p": msg("none"),
                    "outcome": msg("compare.pair_no_rounds"),
                    "outcome_code": "none",
                }
            )
            continue
        rows.append(
            {
                "other": pair.other,
                "shared": pair.shared_rounds,
                "best_only": result.model_only_correct,
                "other_only": result.baseline_only_correct,
                "p": _p_text(result.p_value_adjusted),
                "outcome": msg(f"compare.pair_{result.outcome}", best=best, other=pair.other),
                "outcome_code": result.outcome,
            }
        )
    return {
        "heading": msg("compare.pairs_heading"),
        "intro": msg(
            "compare.pairs_intro",
            best=best,
            count=len(comparison.pairs),
            alpha=f"{comparison.alpha:g}",
        ),
        "columns": {
            "other": msg("compare.col_other"),
            "shared": msg("compare.col_shared"),
            "best_only": msg("compare.col_best_only", best=best),
            "other_only": msg("compare.col_other_only"),
            "p": msg("compare.col_p"),
            "outcome": msg("compare.col_outcome"),
        },
        "rows": rows,
    }
