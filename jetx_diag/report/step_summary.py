"""The GitHub step summary: a report's Markdown appended to ``$GITHUB_STEP_SUMMARY``, cut at a
line end with a note when it would pass GitHub's size limit."""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import messages, record

#: GitHub's size limit of one step summary: what is appended stays below it.
STEP_SUMMARY_LIMIT = 65_536


def bounded(text: str, note: str, limit: int = STEP_SUMMARY_LIMIT) -> str:
    """``text`` unchanged when it fits in ``limit`` (counted in UTF-8 bytes, so also in
    characters); otherwise cut at a line end with ``note`` appended, the whole below ``limit``."""
    if len(text.encode("utf-8")) < limit:
        return text
    tail = f"\n\n> ⚠️ {note}\n"
    room = limit - 1 - len(tail.encode("utf-8"))
    if room <= 0:
        raise ValueError(f"a limit of {limit} leaves no room for the note")
    kept = text.encode("utf-8")[:room].decode("utf-8", errors="ignore")
    cut = kept.rfind("\n")
    if cut > 0:
        kept = kept[:cut]
    return kept.rstrip("\n") + tail


def append_step_summary(
    markdown: str,
    note: str,
    *,
    environ: Mapping[str, str] | None = None,
    limit: int = STEP_SUMMARY_LIMIT,
) -> Path | None:
    """Append ``markdown`` (bounded, see :func:`bounded`) to ``$GITHUB_STEP_SUMMARY``.

    Returns the file appended to, or ``None`` when the variable is not set. GitHub creates the
    file; appending keeps what earlier steps wrote there.
    """
    environ = os.environ if environ is None else environ
    target = environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return None
    path = Path(target)
    try:
        # A blank line keeps this summary apart from what earlier steps wrote; it counts
        # towards the limit too.
        separator = "\n" if path.is_file() and path.stat().st_size > 0 else ""
        text = separator + bounded(markdown, note, limit - len(separator))
        with path.open("a", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as error:
        raise UsageError(
            record(
                "error.step_summary.cannot_append_step_summary", strerror=error.strerror or error
            ),
            path=path,
            hint=record("error.step_summary.hint_github_step_summary_must_name"),
        ) from None
    return path


def step_summary(
    markdown: str, lang: str = "en", *, environ: Mapping[str, str] | None = None
) -> Path | None:
    """:func:`append_step_summary` with the truncation note in ``lang``."""
    note = messages(lang)("summary.truncated", limit=f"{STEP_SUMMARY_LIMIT:,}")
    return append_step_summary(markdown, note, environ=environ)
