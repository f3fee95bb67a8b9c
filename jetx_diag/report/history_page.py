"""The run report of ``jetx-diag history``: the training section on a page of its own.

The page (templates ``history.<format>.j2``) holds a short header, the training section of
:mod:`jetx_diag.report.training` and the learning curves; :func:`history_json` is the
diagnosis as a versioned JSON document.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from jetx_diag import __version__
from jetx_diag.evaluation.document import dump_document
from jetx_diag.i18n.messages import messages
from jetx_diag.i18n.number_style import styled_context
from jetx_diag.report.context import render_template
from jetx_diag.report.images import image_contexts
from jetx_diag.report.training import training_images, training_section
from jetx_diag.report.writer import page_outputs
from jetx_diag.results import to_dict
from jetx_diag.training.findings import TrainingDiagnosis

Context = dict[str, Any]

#: Version of the ``jetx-diag history --json`` document's layout.
HISTORY_JSON_VERSION = 1


def history_context(
    diagnosis: TrainingDiagnosis,
    lang: str = "en",
    *,
    run_label: str,
    stem: str = "history",
    threshold: str = "1.5",
    include_plots: bool = True,
) -> Context:
    """Everything the standalone run report (``history.<format>.j2``) prints."""
    msg = messages(lang)
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S UTC")
    rows = [
        {"label": msg("history.run_dir"), "value": run_label, "code": True},
        {"label": msg("header.date"), "value": now, "code": False},
        {
            "label": msg("header.tool"),
            "value": msg("header.tool_value", version=__version__),
            "code": False,
        },
    ]
    images = training_images(diagnosis, msg) if include_plots else []
    context = {
        "lang": lang,
        "history": {"title": msg("history.title", run=run_label), "rows": rows},
        "training": training_section(diagnosis, msg, threshold=threshold),
        "plots": {"heading": msg("plots.heading"), "images": image_contexts(images, stem)},
    }
    return styled_context(context, lang)


def history_json(diagnosis: TrainingDiagnosis) -> str:
    """The diagnosis as a versioned JSON document (keys in ``docs/report-json.md``)."""
    document = {
        "format_version": HISTORY_JSON_VERSION,
        "tool_version": __version__,
        "training": to_dict(diagnosis),
    }
    return dump_document(document)


def render_history(
    diagnosis: TrainingDiagnosis,
    out_dir: Path,
    *,
    formats: tuple[str, ...] = ("md", "html"),
    lang: str = "en",
    stem: str = "history",
    run_label: str,
    threshold: str = "1.5",
) -> list[tuple[Path, bytes]]:
    """Every file of the run report as ``(path, bytes)``, rendered in memory, nothing written.

    ``md``: ``<stem>.md`` and its PNGs beside it; ``html``: one self-contained ``<stem>.html``.
    """
    from jetx_diag.report.html import render_history_html

    context = history_context(diagnosis, lang, run_label=run_label, stem=stem, threshold=threshold)
    return page_outputs(
        out_dir,
        stem,
        markdown=render_template("history.md.j2", context) if "md" in formats else None,
        html=render_history_html(context) if "html" in formats else None,
        images=context["plots"]["images"],
    )
