"""A comparison saved as JSON (``compare --json``), and read back without reloading a model.

The document: ``{"format_version", "tool_version", "comparison", "baseline"}``; the comparison,
and each evaluation inside it, carry their own format versions, and a file newer than this
version of jetx-diag reads is refused rather than misread. Strict parsing, reading and writing
are :mod:`jetx_diag.evaluation.document`'s, shared with the saved evaluation.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TextIO

from jetx_diag import __version__
from jetx_diag.compare.ranking import COMPARISON_FORMAT_VERSION, Comparison
from jetx_diag.compare.ratchet import BaselineCheck
from jetx_diag.errors import InputError
from jetx_diag.evaluation.document import (
    document_version,
    dump_document,
    load_evaluation_json,
    parse_document,
    read_document_text,
    refuse_newer,
    write_document_text,
)
from jetx_diag.evaluation.record import EVALUATION_FORMAT_VERSION, Evaluation
from jetx_diag.i18n.messages import record
from jetx_diag.results import from_dict, to_dict


def comparison_document(
    comparison: Comparison, baseline: BaselineCheck | None = None
) -> dict[str, Any]:
    """The saved form: ``{"format_version", "tool_version", "comparison", "baseline"}``."""
    return {
        "format_version": COMPARISON_FORMAT_VERSION,
        "tool_version": __version__,
        "comparison": to_dict(comparison),
        "baseline": None if baseline is None else to_dict(baseline),
    }


def render_comparison_json(comparison: Comparison, baseline: BaselineCheck | None = None) -> str:
    return dump_document(comparison_document(comparison, baseline))


def parse_comparison_json(text: str, source: str) -> Comparison:
    """A :class:`Comparison` from :func:`render_comparison_json` text; newer versions refused."""
    document = parse_document(text, source)
    if not isinstance(document, dict) or not isinstance(document.get("comparison"), dict):
        raise InputError(record("error.document.not_saved_jetx_diag_comparison"), path=source)
    version = document_version(document, source)
    data = document["comparison"]
    # The document, the comparison and each evaluation inside carry a version: refuse the file
    # when any of them is newer than this version of jetx-diag reads.
    refuse_newer(version, COMPARISON_FORMAT_VERSION, source, "comparison")
    refuse_newer(data.get("format_version", 1), COMPARISON_FORMAT_VERSION, source, "comparison")
    for entry in data.get("entries") or ():
        evaluation = entry.get("evaluation") if isinstance(entry, dict) else None
        if isinstance(evaluation, dict):
            found = evaluation.get("format_version", EVALUATION_FORMAT_VERSION)
            refuse_newer(found, EVALUATION_FORMAT_VERSION, source, "evaluation")
    try:
        return from_dict(Comparison, data)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as error:
        raise InputError(
            record("error.document.not_valid_saved_comparison", error=error), path=source
        ) from None


def is_saved_comparison(path: str | Path) -> bool:
    """Whether a saved JSON file is a comparison (``compare --json``) rather than one evaluation
    (``report --json``): a comparison names its ``comparison`` object near the start.

    Raises ``OSError`` when the file cannot be read; callers say which file it was meant to be.
    """
    with Path(path).open("rb") as handle:
        head = handle.read(4096).decode("utf-8-sig", errors="replace")
    return '"comparison"' in head


def load_comparison_json(path: str | Path) -> Comparison:
    """A saved comparison (``compare --json``)."""
    return parse_comparison_json(read_document_text(path), str(path))


def write_comparison_json(
    comparison: Comparison,
    path: str | Path,
    *,
    baseline: BaselineCheck | None = None,
    stream: TextIO | None = None,
) -> list[Path]:
    """Write the JSON to ``path`` atomically, or to ``stream`` (stdout) for ``-``."""
    return write_document_text(render_comparison_json(comparison, baseline), path, stream=stream)


def load_baseline(path: str | Path) -> Evaluation:
    """The evaluation a ratchet compares with: a saved evaluation (``report --json``) or the
    best checkpoint of a saved comparison (``compare --json``)."""
    path = Path(path)
    try:
        comparison = is_saved_comparison(path)
    except OSError as error:
        raise InputError(
            record("error.document.cannot_read_baseline", strerror=error.strerror or error),
            path=path,
        ) from None
    if comparison:
        return load_comparison_json(path).best.evaluation
    evaluation, _ = load_evaluation_json(path)
    return evaluation
