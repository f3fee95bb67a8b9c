"""The Markdown report: prints a context built by ``report_core.build_context``."""

from __future__ import annotations

from jetx_diag.report_core import render_template
from jetx_diag.report_sections import Context


def render_markdown(context: Context) -> str:
    """The report as Markdown; images are referenced by the PNG file names beside it."""
    return render_template("report.md.j2", context)
