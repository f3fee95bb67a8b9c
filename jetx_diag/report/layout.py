"""How a page's sections sit on the HTML page: table of contents and figures beside their text.

The Markdown keeps every figure in one closing section (a Markdown reader scrolls anyway); the
HTML page shows each figure inside the section it illustrates and opens with a table of
contents placed right after the verdict, so the verdict stays the first thing a reader sees.
:func:`page_view` adds both to a page's context as ``page`` without changing anything else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any

from jetx_diag.i18n.messages import messages

Context = dict[str, Any]

#: The section a figure illustrates, by figure name (``training_*``: by prefix).
FIGURE_SECTIONS: Mapping[str, str] = {
    "confusion": "confusion",
    "p_above": "analysis",
    "calibration": "calibration",
    "cutoffs": "calibration",
    "bankroll": "money",
    "autocorrelation": "randomness",
    "classes": "compare_ranking",
    "roc": "compare_ranking",
}

#: Sections that are not listed in the contents: the page header.
_UNLISTED = frozenset({"header", "compare_header"})

#: The contents come right after the first of these present: the verdict stays first.
_TOC_AFTER = ("skill_verdict", "targets", "compare_best", "header", "compare_header")

#: The sub-headings of the training section, listed on the run report of ``jetx-diag history``.
TRAINING_PARTS: tuple[tuple[str, str], ...] = (
    ("training-stages", "stages_heading"),
    ("training-findings", "findings_heading"),
    ("training-progress", "progress"),
    ("training-weights", "weights"),
    ("training-files", "files"),
    ("training-notes", "notes_heading"),
)


def anchor(section: str) -> str:
    """The HTML id of a section: ``skill_verdict`` → ``skill-verdict``, ``compare_best`` →
    ``best`` (the ids the partials carry)."""
    return section.removeprefix("compare_").replace("_", "-")


def _title(heading: str) -> str:
    """A heading without its leading emoji, for the contents list."""
    return re.sub(r"^[^\w(\"'“]+", "", heading).strip() or heading


def figure_section(name: str) -> str | None:
    if name.startswith("training_"):
        return "training"
    return FIGURE_SECTIONS.get(name)


def place_figures(
    images: Sequence[Context], sections: Sequence[str]
) -> tuple[dict[str, list[Context]], list[Context]]:
    """Figures by the section they illustrate, and those whose section is not on the page."""
    placed: dict[str, list[Context]] = {name: [] for name in sections}
    left: list[Context] = []
    for image in images:
        section = figure_section(image["name"])
        if section in placed:
            placed[section].append(image)
        else:
            left.append(image)
    return placed, left


def _training_entries(training: Context) -> list[Context]:
    entries = []
    for ident, key in TRAINING_PARTS:
        value = training.get(key)
        if isinstance(value, Mapping):
            value = value.get("heading")
        if value:
            entries.append({"id": ident, "title": _title(str(value))})
    return entries


def page_view(context: Context, plots_key: str = "plots") -> Context:
    """``context`` plus ``page``: contents, figures per section, and the sections to render.

    ``plots_key`` names the section holding the figures (``plots`` or ``compare_plots``); it
    stays on the page only for figures that have no section of their own.
    """
    msg = messages(context["lang"])
    sections = list(context.get("sections", []))
    plots = context.get(plots_key)
    images = plots["images"] if plots else []
    figures, left = place_figures(images, [s for s in sections if s != plots_key])
    if plots_key in sections and not left:
        sections.remove(plots_key)
    toc = [
        {"id": anchor(name), "title": _title(context[name]["heading"])}
        for name in sections
        if name not in _UNLISTED and context.get(name) and context[name].get("heading")
    ]
    toc_after = next((name for name in _TOC_AFTER if name in sections), None)
    view = dict(context)
    view["page"] = {
        "toc_heading": msg("page.contents"),
        "toc": toc,
        "toc_after": toc_after,
        "sections": sections,
        "figures": figures,
        "left": left,
    }
    return view


def history_view(context: Context) -> Context:
    """The run report's ``page``: the training section's parts as contents, curves inside it."""
    msg = messages(context["lang"])
    images = context["plots"]["images"]
    figures, left = place_figures(images, ["training"])
    view = dict(context)
    view["page"] = {
        "toc_heading": msg("page.contents"),
        "toc": _training_entries(context["training"]),
        "toc_after": None,
        "sections": ["training"],
        "figures": figures,
        "left": left,
    }
    return view
