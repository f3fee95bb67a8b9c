"""The Markdown report: prints a context built by ``report.context.build_context``."""

from __future__ import annotations

from jetx_diag.report.context import render_template
from jetx_diag.report.sections import Context


def render_markdown(context: Context) -> str:
    """The report as Markdown; images are referenced by the PNG file names beside it."""
    return render_template("report.md.j2", context)
