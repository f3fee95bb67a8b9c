"""A report's files: every requested format rendered in memory, then written as one set.

Formats: ``md`` (``<stem>.md`` plus ``<stem>.<plot>.png`` beside it), ``html`` (one
self-contained ``<stem>.html``), ``json`` (``<stem>.json``), ``junit`` (``<stem>.junit.xml``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from jetx_diag.errors import UsageError
from jetx_diag.evaluation.document import json_outputs
from jetx_diag.evaluation.record import Evaluation
from jetx_diag.files import write_files
from jetx_diag.i18n.messages import record
from jetx_diag.report.context import build_context
from jetx_diag.report.html import render_html
from jetx_diag.report.junit import render_junit
from jetx_diag.report.markdown import render_markdown
from jetx_diag.report.sections import Context
from jetx_diag.scoring.targets import Verdict

#: Output formats ``write_report`` knows.
FORMATS: tuple[str, ...] = ("md", "html", "json", "junit")


def _check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise UsageError(
            record("error.writer.unknown_report_format", unknown=f"{unknown[0]!r}"),
            hint=record("error.common.hint_one_of", choices=", ".join(FORMATS)),
        )
    return chosen


def page_outputs(
    out_dir: Path,
    stem: str,
    *,
    markdown: str | None,
    html: str | None,
    images: Sequence[Context],
) -> list[tuple[Path, bytes]]:
    """A rendered page as ``(path, bytes)``: ``<stem>.md`` with its ``images`` as PNG files
    beside it, and one self-contained ``<stem>.html`` (images inline); ``None`` leaves a format
    out."""
    outputs: list[tuple[Path, bytes]] = []
    if markdown is not None:
        outputs.append((out_dir / f"{stem}.md", markdown.encode("utf-8")))
        outputs.extend((out_dir / image["filename"], image["png"]) for image in images)
    if html is not None:
        outputs.append((out_dir / f"{stem}.html", html.encode("utf-8")))
    return outputs


def render_outputs(
    evaluation: Evaluation,
    verdict: Verdict,
    out_dir: Path,
    *,
    formats: Sequence[str] = ("md", "html"),
    lang: str = "en",
    stem: str = "report",
    context: Context | None = None,
) -> list[tuple[Path, bytes]]:
    """Every file of a report as ``(path, bytes)``, rendered in memory, nothing written yet.

    ``context``: the Markdown/HTML context when the caller has built it already (``ci`` adds
    the ratchet's section to it); built here with :func:`build_context` otherwise.
    """
    chosen = _check_formats(formats)
    outputs: list[tuple[Path, bytes]] = []
    if "md" in chosen or "html" in chosen:
        if context is None:
            context = build_context(evaluation, verdict, lang, stem=stem)
        outputs = page_outputs(
            out_dir,
            stem,
            markdown=render_markdown(context) if "md" in chosen else None,
            html=render_html(context) if "html" in chosen else None,
            images=context["plots"]["images"],
        )
    if "json" in chosen:
        outputs.extend(json_outputs(evaluation, verdict, out_dir / f"{stem}.json"))
    if "junit" in chosen:
        outputs.append(
            (
                out_dir / f"{stem}.junit.xml",
                render_junit([(evaluation, verdict)], lang=lang).encode("utf-8"),
            )
        )
    return outputs


def write_report(
    evaluation: Evaluation,
    verdict: Verdict,
    out_dir: str | Path,
    *,
    formats: Sequence[str] = ("md", "html"),
    lang: str = "en",
    stem: str = "report",
) -> list[Path]:
    """Render and write the report files of one evaluation into ``out_dir``.

    Formats: ``md`` (``<stem>.md`` plus ``<stem>.<plot>.png`` beside it), ``html`` (one
    self-contained ``<stem>.html``), ``json`` (``<stem>.json``), ``junit``
    (``<stem>.junit.xml``). Everything is rendered before the first byte is written, and each
    file is written atomically. Returns the paths written, Markdown and its images first.
    """
    outputs = render_outputs(
        evaluation, verdict, Path(out_dir), formats=formats, lang=lang, stem=stem
    )
    return write_files(outputs)
