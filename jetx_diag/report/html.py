"""The HTML pages: each one self-contained file (CSS and PNG images inline, no network).

The report, the comparison page and the run report share one stylesheet and one layout
(:mod:`jetx_diag.report.layout`): contents after the verdict, each figure in its section.
"""

from __future__ import annotations

from jetx_diag.report.context import render_template
from jetx_diag.report.layout import history_view, page_view
from jetx_diag.report.sections import Context


def render_html(context: Context) -> str:
    """The report as one HTML page; images are inline ``data:`` URIs, the CSS is inline."""
    return render_template("report.html.j2", page_view(context))


def render_compare_html(context: Context) -> str:
    """The comparison page as one HTML file."""
    return render_template("compare.html.j2", page_view(context, "compare_plots"))


def render_history_html(context: Context) -> str:
    """The run report of ``jetx-diag history`` as one HTML file."""
    return render_template("history.html.j2", history_view(context))
