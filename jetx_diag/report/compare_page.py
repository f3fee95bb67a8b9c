"""The comparison page (Markdown, HTML), its JSON, and the per-checkpoint reports it links to.

:func:`build_compare_context` puts the page together: the sections of
:mod:`jetx_diag.report.compare_sections`, the ratchet's section and the figures drawn here; the
templates ``compare.<format>.j2`` include one partial ``_compare_<section>.<format>.j2`` per
section and only print, loop and branch. The JSON is :mod:`jetx_diag.compare.document`'s.

Files written by :func:`write_comparison` into the output folder::

    compare.md, compare.<plot>.png     the page in Markdown, its images beside it
    compare.html                       the same page, self-contained (CSS and images inline)
    <checkpoint>/report.{md,html,…}    each checkpoint's own report, linked from the page
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import quote

from jetx_diag.compare.ranking import Comparison
from jetx_diag.compare.ratchet import BaselineCheck
from jetx_diag.files import write_files
from jetx_diag.i18n.messages import Messages, messages
from jetx_diag.i18n.number_style import styled_context
from jetx_diag.report.baseline import BASELINE_SECTION, baseline_section
from jetx_diag.report.compare_sections import (
    section_best,
    section_header,
    section_pairs,
    section_ranking,
    threshold_text,
)
from jetx_diag.report.context import render_template
from jetx_diag.report.figures.base import figure_png
from jetx_diag.report.figures.compare import BarLabels, RocLabels, class_accuracy_bars, roc_overlay
from jetx_diag.report.images import Image, image_contexts
from jetx_diag.report.target_text import target_text
from jetx_diag.report.writer import page_outputs, render_outputs

# The page's sections and its JSON live in modules of their own; the names below stay

Context = dict[str, Any]

#: Sections of the page in order; ``compare_baseline`` only with a baseline, plots only on pages.
SECTIONS: tuple[str, ...] = (
    "compare_header",
    "compare_best",
    BASELINE_SECTION,
    "compare_ranking",
    "compare_pairs",
    "compare_plots",
)


# --------------------------------------------------------------------------- folders


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


# --------------------------------------------------------------------------- figures


def compare_plots(comparison: Comparison, msg: Messages, stem: str = "compare") -> list[Context]:
    """The page's figures as PNG bytes with file name, link, data URI and caption."""

    threshold = threshold_text(comparison)
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
        "compare_header": section_header(comparison, msg),
        "compare_best": section_best(comparison, msg),
        BASELINE_SECTION: None if baseline is None else baseline_section(baseline, msg),
        "compare_ranking": section_ranking(comparison, msg, links),
        "compare_pairs": section_pairs(comparison, msg),
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
    return styled_context(context, lang)


def render_compare_markdown(context: Context) -> str:

    return render_template("compare.md.j2", context)


def compare_summary(
    comparison: Comparison, lang: str = "en", baseline: BaselineCheck | None = None
) -> str:
    """The page in Markdown without images or links: what a CI step summary can show."""
    context = build_compare_context(comparison, lang, baseline=baseline, include_plots=False)
    return render_compare_markdown(context)


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
    from jetx_diag.report.html import render_compare_html

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
                html=render_compare_html(context) if page_format == "html" else None,
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

    return write_files(
        render_comparison(
            comparison, out_dir, formats=formats, lang=lang, reports=reports, baseline=baseline
        )
    )
