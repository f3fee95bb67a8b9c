"""The HTML report: one self-contained file (CSS and PNG images inline, no network)."""

from __future__ import annotations

from jetx_diag.report.context import render_template
from jetx_diag.report.sections import Context


def render_html(context: Context) -> str:
    """The report as one HTML page; images are inline ``data:`` URIs, the CSS is inline."""
    return render_template("report.html.j2", context)
