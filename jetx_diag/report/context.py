"""A report's context: an ``Evaluation`` and its ``Verdict`` as display strings, and the Jinja2
environment that renders them.

:func:`build_context` is the one place where results become display strings: percentages come
from ``Rate.text()`` (rounded once, the way the gate rounds), factors from the verdict, words from
the :mod:`jetx_diag.i18n` catalog. Renderers and templates only print, loop and branch.

The context is built one section at a time by the builders of :mod:`jetx_diag.report.sections`
(listed in ``SECTIONS``); a builder returns ``None`` when its section does not apply, and the
templates include the partial ``_<name>.<format>.j2`` of every section present.

Writing the files is :mod:`jetx_diag.report.writer`'s job.
"""

from __future__ import annotations

import functools

import jinja2

from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import messages
from jetx_diag.i18n.number_style import styled_context
from jetx_diag.report.sections import SECTIONS, Context, build_plots
from jetx_diag.scoring.targets import Verdict

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
