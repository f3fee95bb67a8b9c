"""Turning an ``Evaluation`` and its ``Verdict`` into report files.

:func:`build_context` is the one place where results become display strings: percentages come
from ``Rate.text()`` (rounded once, the way the gate rounds), factors from the verdict, words from
the :mod:`jetx_diag.i18n` catalog. Renderers and templates only print, loop and branch.

The context is built one section at a time by the builders of :mod:`jetx_diag.report_sections`
(listed in ``SECTIONS``); a builder returns ``None`` when its section does not apply, and the
templates include the partial ``_<name>.<format>.j2`` of every section present.

:func:`write_report` renders every requested format in memory first and then writes each file
atomically (temporary file in the same folder, then ``os.replace``), so an interrupted run leaves
either the previous complete file or none, never half a report.
"""

from __future__ import annotations

import contextlib
import functools
import os
import secrets
from collections.abc import Iterable, Sequence
from pathlib import Path

import jinja2

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import messages
from jetx_diag.number_style import styled_context
from jetx_diag.report_provenance import MAX_REJECTED_SHOWN, recorded_percent
from jetx_diag.report_sections import SECTIONS, Context, build_plots, off_text, target_text
from jetx_diag.results import Evaluation
from jetx_diag.targets import Verdict

__all__ = [
    "FORMATS",
    "MAX_REJECTED_SHOWN",
    "SECTIONS",
    "Context",
    "atomic_write",
    "build_context",
    "environment",
    "off_text",
    "page_outputs",
    "recorded_percent",
    "render_outputs",
    "render_template",
    "target_text",
    "write_files",
    "write_report",
]

#: Output formats ``write_report`` knows.
FORMATS: tuple[str, ...] = ("md", "html", "json", "junit")


# --------------------------------------------------------------------------- the environment


def _markdown_text(value: object) -> str:
    """Escape text from data (paths, labels, warnings) so Markdown prints it literally.

    Only characters that could start markup are escaped, so the Markdown stays readable:
    ``p_above`` keeps its underscore (GFM ignores intraword ``_``), ``__init__`` does not.
    """
    text = " ".join(str(value).splitlines())
    out = []
    for index, char in enumerate(text):
        if char in "\\`*[]|":
            out.append("\\" + char)
        elif char == "<":
            # Only "<" followed by a tag-like character can start raw HTML or an autolink.
            after = text[index + 1] if index + 1 < len(text) else " "
            out.append("\\<" if after.isalpha() or after in "/!?" else "<")
        elif char == "_":
            before = text[index - 1] if index > 0 else " "
            after = text[index + 1] if index + 1 < len(text) else " "
            out.append("_" if before.isalnum() and after.isalnum() else "\\_")
        else:
            out.append(char)
    escaped = "".join(out)
    if escaped[:1] in ("#", ">", "-", "+", "="):
        escaped = "\\" + escaped  # would start a heading, quote or list at the start of a line
    return escaped


def _markdown_code(value: object) -> str:
    """A code span for a raw value or path; ``|`` escaped so it can sit in a table cell."""
    text = " ".join(str(value).splitlines()).replace("|", "\\|")
    fence = "`"
    while fence in text:
        fence += "`"
    padding = " " if text.startswith("`") or text.endswith("`") or not text.strip() else ""
    return f"{fence}{padding}{text}{padding}{fence}"


@functools.cache
def environment() -> jinja2.Environment:
    """The one strict Jinja2 environment; autoescape is on for ``*.html.j2`` templates only."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("jetx_diag.templates", "."),
        undefined=jinja2.StrictUndefined,
        autoescape=jinja2.select_autoescape(
            enabled_extensions=("html.j2",), disabled_extensions=(), default=False
        ),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["md"] = _markdown_text
    env.filters["code"] = _markdown_code
    return env


def render_template(name: str, context: Context) -> str:
    """Render one template of the package with ``context``."""
    return environment().get_template(name).render(context)


# --------------------------------------------------------------------------- the context


def build_context(
    evaluation: Evaluation,
    verdict: Verdict,
    lang: str = "en",
    *,
    include_plots: bool = True,
    stem: str = "report",
) -> Context:
    """Everything a template prints, as display strings, for one evaluation in ``lang``.

    ``sections`` lists, in order, the sections present; each one's data is under its name.
    ``stem`` names the PNG files the Markdown refers to (``<stem>.confusion.png``).
    """
    msg = messages(lang)
    context: Context = {"lang": lang, "sections": []}
    for name, builder in SECTIONS:
        data = builder(evaluation, verdict, msg)
        context[name] = data
        if data is not None:
            context["sections"].append(name)
    context["plots"] = None
    if include_plots:
        context["plots"] = {
            "heading": msg("plots.heading"),
            "images": build_plots(evaluation, msg, stem),
        }
        context["sections"].append("plots")
    return styled_context(context, lang)


# --------------------------------------------------------------------------- writing


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that ``path`` is always absent or complete.

    The bytes go to a uniquely named temporary file in the same folder (same file system, so the
    rename is atomic), are flushed to disk, then replace ``path`` in one ``os.replace``. On any
    failure the temporary file is removed and ``path`` keeps its previous content.
    """
    temporary = _stage(path, data)
    try:
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise


def _stage(path: Path, data: bytes) -> Path:
    """``data`` in a flushed, uniquely named hidden temporary file beside ``path``."""
    temporary = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
    # os.open with 0o666 lets the umask decide the final permissions, as a plain open() would.
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            temporary.unlink()
        raise
    return temporary


def _check_formats(formats: Iterable[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise UsageError(
            f"unknown report format {unknown[0]!r}", hint="one of " + ", ".join(FORMATS)
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
    # Renderers import this module for the environment; importing them here avoids a cycle.
    from jetx_diag.render_html import render_html
    from jetx_diag.render_json import render_json
    from jetx_diag.render_junit import render_junit
    from jetx_diag.render_markdown import render_markdown

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
        outputs.append((out_dir / f"{stem}.json", render_json(evaluation, verdict).encode("utf-8")))
    if "junit" in chosen:
        outputs.append(
            (
                out_dir / f"{stem}.junit.xml",
                render_junit([(evaluation, verdict)], lang=lang).encode("utf-8"),
            )
        )
    return outputs


def write_files(outputs: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Write rendered outputs as one set, creating their folders; returns the paths written.

    Every file is first written in full to a temporary file beside its target; only when all
    are on disk are they renamed into place. A failure while writing (a full disk on the last
    file) removes the temporaries and leaves every previous file as it was: a folder never
    holds a new Markdown report beside an old HTML one.
    """
    staged: list[tuple[Path, Path]] = []
    try:
        for path, data in outputs:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                staged.append((_stage(path, data), path))
            except OSError as error:
                raise UsageError(
                    f"cannot write the report: {error.strerror or error}",
                    path=path,
                    hint="choose another output folder",
                ) from None
        for temporary, path in staged:
            os.replace(temporary, path)
    except BaseException:
        for temporary, _ in staged:
            with contextlib.suppress(OSError):
                temporary.unlink()
        raise
    return [path for _, path in staged]


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
