"""The comparison page (Markdown, HTML), its JSON, and the per-checkpoint reports it links to.

:func:`build_compare_context` is the one place where a :class:`~jetx_diag.compare.Comparison`
becomes display strings (percentages from ``Rate.text()``, words from the i18n catalog); the
templates ``compare.<format>.j2`` include one partial ``_compare_<section>.<format>.j2`` per
section and only print, loop and branch.

Files written by :func:`write_comparison` into the output folder::

    compare.md, compare.<plot>.png     the page in Markdown, its images beside it
    compare.html                       the same page, self-contained (CSS and images inline)
    <checkpoint>/report.{md,html,…}    each checkpoint's own report, linked from the page
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

from jetx_diag import __version__
from jetx_diag.ci import BASELINE_SECTION, BaselineCheck, baseline_section
from jetx_diag.compare import COMPARISON_FORMAT_VERSION, Comparison, Entry
from jetx_diag.errors import InputError
from jetx_diag.i18n import Messages, messages
from jetx_diag.render_json import (
    document_version,
    dump_document,
    parse_document,
    read_document_text,
    refuse_newer,
    write_document_text,
)
from jetx_diag.report_images import Image, image_contexts
from jetx_diag.report_sections import target_text
from jetx_diag.results import FORMAT_VERSION, Rate, from_dict, to_dict
from jetx_diag.targets import TARGET_METRICS

Context = dict[str, Any]

#: Metrics shown in the ranking table, in the document's order, then the share of "above" calls.
RANKED_METRICS: tuple[str, ...] = (*TARGET_METRICS, "above_call_share")

#: Sections of the page in order; ``compare_baseline`` only with a baseline, plots only on pages.
SECTIONS: tuple[str, ...] = (
    "compare_header",
    "compare_best",
    BASELINE_SECTION,
    "compare_ranking",
    "compare_pairs",
    "compare_plots",
)


# --------------------------------------------------------------------------- small helpers


def _threshold(comparison: Comparison) -> str:
    return f"{comparison.best.evaluation.settings.threshold:g}"


def _rule_text(comparison: Comparison, msg: Messages) -> str:
    threshold = _threshold(comparison)
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
        criterion=msg(f"compare.rule_{key}", threshold=_threshold(comparison)),
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
    from jetx_diag.skill import format_p

    return format_p(p)


def slug(label: str) -> str:
    """A folder name for a checkpoint's report: the label's stem, safe on every file system."""
    stem = Path(label).stem or label
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "_", stem).strip("._") or "checkpoint"
    return cleaned


def report_folders(comparison: Comparison) -> dict[str, str]:
    """One distinct folder name per checkpoint label, in rank order."""
    folders: dict[str, str] = {}
    used: set[str] = set()
    for entry in comparison.entries:
        name = base = slug(entry.label)
        number = 2
        while name.lower() in used:  # case-insensitive file systems
            name = f"{base}_{number}"
            number += 1
        used.add(name.lower())
        folders[entry.label] = name
    return folders


# --------------------------------------------------------------------------- sections


def _section_header(comparison: Comparison, msg: Messages) -> Context:
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
    add("compare.targets", ", ".join(f"{r.target.metric} {target_text(r.target)}" for r in targets))
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


def _section_best(comparison: Comparison, msg: Messages) -> Context:
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
        worse_texts.append(
            msg("compare.worse_than", best=best.label, others=", ".join(worse_other))
        )
    if worse_collapsed and best.collapsed_to is None:
        worse_texts.append(
            msg("compare.worse_than_collapsed", best=best.label, others=", ".join(worse_collapsed))
        )
    elif worse_collapsed:
        worse_texts.append(
            msg("compare.worse_than", best=best.label, others=", ".join(worse_collapsed))
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
        else msg("compare.indistinguishable", best=best.label, others=", ".join(same)),
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
    }


def _section_ranking(
    comparison: Comparison, msg: Messages, links: Mapping[str, str] | None
) -> Context:
    threshold = _threshold(comparison)
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
    }


def _section_pairs(comparison: Comparison, msg: Messages) -> Context | None:
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


def compare_plots(comparison: Comparison, msg: Messages, stem: str = "compare") -> list[Context]:
    """The page's figures as PNG bytes with file name, link, data URI and caption."""
    from jetx_diag.compare_plots import BarLabels, RocLabels, class_accuracy_bars, roc_overlay
    from jetx_diag.plots import figure_png

    threshold = _threshold(comparison)
    entries = comparison.entries
    targets = {r.target.metric: r.target for r in comparison.best.verdict.results}

    def target_line(metric: str) -> tuple[float, str] | None:
        target = targets.get(metric)
        if target is None:
            return None
        name = msg(f"metric.{metric}", threshold=threshold)
        return target.value, msg("compare.plot_target", metric=name, target=target_text(target))

    images: list[Image] = []
    title = msg("compare.plot_classes_title", threshold=threshold)
    figure = class_accuracy_bars(
        [e.label for e in entries],
        [e.evaluation.metrics.below_accuracy.percent() for e in entries],
        [e.evaluation.metrics.above_accuracy.percent() for e in entries],
        BarLabels(
            title=title,
            y_axis=msg("compare.plot_classes_axis"),
            below=msg("metric.below_accuracy", threshold=threshold),
            above=msg("metric.above_accuracy", threshold=threshold),
            not_available=msg("compare.plot_not_available"),
        ),
        below_target=target_line("below_accuracy"),
        above_target=target_line("above_accuracy"),
    )
    images.append(("classes", title, figure_png(figure)))
    curves = [
        (
            msg("compare.plot_roc_legend", label=e.label, auc=f"{e.roc.auc:.3f}"),
            e.roc.fpr,
            e.roc.tpr,
        )
        for e in entries
        if e.roc is not None
    ]
    if curves:
        title = msg("compare.plot_roc_title", threshold=threshold)
        figure = roc_overlay(
            curves,
            RocLabels(
                title=title,
                x_axis=msg("compare.plot_roc_x"),
                y_axis=msg("compare.plot_roc_y"),
                chance=msg("compare.plot_roc_chance"),
            ),
        )
        images.append(("roc", title, figure_png(figure)))
    return image_contexts(images, stem)


# --------------------------------------------------------------------------- the context


def build_compare_context(
    comparison: Comparison,
    lang: str = "en",
    *,
    links: Mapping[str, str] | None = None,
    baseline: BaselineCheck | None = None,
    include_plots: bool = True,
    images: list[Context] | None = None,
    stem: str = "compare",
) -> Context:
    """Everything the comparison page prints, as display strings, in ``lang``.

    ``links`` maps a checkpoint's label to the relative address of its own report; ``images``
    are figures already drawn by :func:`compare_plots` (drawn here when not given).
    """
    msg = messages(lang)
    context: Context = {"lang": lang, "sections": []}
    built: dict[str, Any] = {
        "compare_header": _section_header(comparison, msg),
        "compare_best": _section_best(comparison, msg),
        BASELINE_SECTION: None if baseline is None else baseline_section(baseline, msg),
        "compare_ranking": _section_ranking(comparison, msg, links),
        "compare_pairs": _section_pairs(comparison, msg),
        "compare_plots": None
        if not include_plots
        else {
            "heading": msg("plots.heading"),
            "images": compare_plots(comparison, msg, stem) if images is None else images,
        },
    }
    for name in SECTIONS:
        context[name] = built[name]
        if built[name] is not None:
            context["sections"].append(name)
    return context


def render_compare_markdown(context: Context) -> str:
    from jetx_diag.report_core import render_template

    return render_template("compare.md.j2", context)


def compare_summary(
    comparison: Comparison, lang: str = "en", baseline: BaselineCheck | None = None
) -> str:
    """The page in Markdown without images or links: what a CI step summary can show."""
    context = build_compare_context(comparison, lang, baseline=baseline, include_plots=False)
    return render_compare_markdown(context)


# --------------------------------------------------------------------------- JSON


def comparison_document(
    comparison: Comparison, baseline: BaselineCheck | None = None
) -> dict[str, Any]:
    """The saved form: ``{"format_version", "tool_version", "comparison", "baseline"}``."""
    return {
        "format_version": COMPARISON_FORMAT_VERSION,
        "tool_version": __version__,
        "comparison": to_dict(comparison),
        "baseline": None if baseline is None else to_dict(baseline),
    }


def render_comparison_json(comparison: Comparison, baseline: BaselineCheck | None = None) -> str:
    return dump_document(comparison_document(comparison, baseline))


def parse_comparison_json(text: str, source: str) -> Comparison:
    """A :class:`Comparison` from :func:`render_comparison_json` text; newer versions refused."""
    document = parse_document(text, source)
    if not isinstance(document, dict) or not isinstance(document.get("comparison"), dict):
        raise InputError("not a saved jetx-diag comparison (no 'comparison' object)", path=source)
    version = document_version(document, source)
    data = document["comparison"]
    # The document, the comparison and each evaluation inside carry a version: refuse the file
    # when any of them is newer than this version of jetx-diag reads.
    refuse_newer(version, COMPARISON_FORMAT_VERSION, source, "comparison")
    refuse_newer(data.get("format_version", 1), COMPARISON_FORMAT_VERSION, source, "comparison")
    for entry in data.get("entries") or ():
        evaluation = entry.get("evaluation") if isinstance(entry, dict) else None
        if isinstance(evaluation, dict):
            found = evaluation.get("format_version", FORMAT_VERSION)
            refuse_newer(found, FORMAT_VERSION, source, "evaluation")
    try:
        return from_dict(Comparison, data)
    except (TypeError, ValueError, KeyError, AttributeError) as error:
        raise InputError(f"not a valid saved comparison: {error}", path=source) from None


def is_saved_comparison(path: str | Path) -> bool:
    """Whether a saved JSON file is a comparison (``compare --json``) rather than one evaluation
    (``report --json``): a comparison names its ``comparison`` object near the start.

    Raises ``OSError`` when the file cannot be read; callers say which file it was meant to be.
    """
    with Path(path).open("rb") as handle:
        head = handle.read(4096).decode("utf-8-sig", errors="replace")
    return '"comparison"' in head


def load_comparison_json(path: str | Path) -> Comparison:
    """A saved comparison (``compare --json``)."""
    return parse_comparison_json(read_document_text(path), str(path))


def write_comparison_json(
    comparison: Comparison,
    path: str | Path,
    *,
    baseline: BaselineCheck | None = None,
    stream: TextIO | None = None,
) -> list[Path]:
    """Write the JSON to ``path`` atomically, or to ``stream`` (stdout) for ``-``."""
    return write_document_text(render_comparison_json(comparison, baseline), path, stream=stream)


# --------------------------------------------------------------------------- writing


def render_comparison(
    comparison: Comparison,
    out_dir: str | Path,
    *,
    formats: Sequence[str] = ("md", "html"),
    lang: str = "en",
    reports: bool = True,
    baseline: BaselineCheck | None = None,
) -> list[tuple[Path, bytes]]:
    """Every file of the comparison as ``(path, bytes)``, rendered in memory, nothing written.

    With ``reports``, each checkpoint's own report goes to ``<out_dir>/<checkpoint>/`` in the
    same formats, and the page links to it with a relative address.
    """
    from jetx_diag.report_core import page_outputs, render_outputs, render_template

    folder = Path(out_dir)
    chosen = tuple(dict.fromkeys(formats))
    folders = report_folders(comparison) if reports else {}
    outputs: list[tuple[Path, bytes]] = []
    page_formats = [f for f in chosen if f in ("md", "html")]
    # The figures are the same on both pages: draw them once.
    images = compare_plots(comparison, messages(lang)) if page_formats else []
    for page_format in page_formats:
        links = None
        if reports:
            links = {
                label: quote(f"{name}/report.{page_format}") for label, name in folders.items()
            }
        context = build_compare_context(
            comparison, lang, links=links, baseline=baseline, images=images
        )
        outputs.extend(
            page_outputs(
                folder,
                "compare",
                markdown=render_compare_markdown(context) if page_format == "md" else None,
                html=render_template("compare.html.j2", context) if page_format == "html" else None,
                images=images,
            )
        )
    for entry in comparison.entries if reports else ():
        outputs.extend(
            render_outputs(
                entry.evaluation,
                entry.verdict,
                folder / folders[entry.label],
                formats=chosen,
                lang=lang,
            )
        )
    return outputs


def write_comparison(
    comparison: Comparison,
    out_dir: str | Path,
    *,
    formats: Sequence[str] = ("md", "html"),
    lang: str = "en",
    reports: bool = True,
    baseline: BaselineCheck | None = None,
) -> list[Path]:
    """Render everything first, then write each file atomically; returns the paths written."""
    from jetx_diag.report_core import write_files

    return write_files(
        render_comparison(
            comparison, out_dir, formats=formats, lang=lang, reports=reports, baseline=baseline
        )
    )
