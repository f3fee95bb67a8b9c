"""The evaluation as versioned JSON, and reading it back.

The document (described key by key in ``docs/report-json.md``)::

    {"format_version": 1, "tool_version": "0.1.0",
     "evaluation": <results.to_dict(evaluation)>, "verdict": {...}}

``format_version`` changes only when a reader of the old version would misread the new one;
:func:`load_evaluation_json` refuses versions newer than it knows instead of guessing.

Version 2 is version 1 with a side file: when per-round columns are long (a million held-out
rounds would make a JSON of hundreds of MB), each goes to a compressed ``<name>.rounds.npz``
beside the JSON (numpy, no pickle) and the JSON holds ``{"side_file_array": "<path>"}`` in its
place, with ``"side_file": {"path", "sha256", "arrays"}`` at the top. A version-1 reader would
fail on those objects, hence the new version; documents without a side file stay version 1.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import sys
from pathlib import Path
from typing import Any, TextIO

import numpy as np

from jetx_diag import __version__
from jetx_diag.errors import InputError
from jetx_diag.evaluation.record import EVALUATION_FORMAT_VERSION, Evaluation
from jetx_diag.files import write_files
from jetx_diag.i18n.messages import record
from jetx_diag.results import SIDE_MARKER, Rate, from_dict, to_dict
from jetx_diag.scoring.targets import Target, TargetResult, Verdict

#: Version of a saved evaluation document's layout: 2 when long per-round columns live in a
#: side file beside it; documents with every column inline are still written as version 1.
JSON_FORMAT_VERSION = 2
#: The version written when every column is inline (no side file).
INLINE_FORMAT_VERSION = 1


def verdict_to_dict(verdict: Verdict) -> dict[str, Any]:
    """The verdict as plain data: overall result, counts, and one entry per target."""
    return {
        "passed": verdict.passed,
        "met": verdict.met_count,
        "missed": len(verdict.missed),
        "not_applicable": sum(1 for r in verdict.results if r.status == "n/a"),
        "results": [_result_to_dict(r) for r in verdict.results],
    }


def _result_to_dict(result: TargetResult) -> dict[str, Any]:
    measured = result.measured
    return to_dict(
        {
            "metric": result.target.metric,
            "op": result.target.op,
            "target": result.target.value,
            "target_text": result.target.text(),
            "status": result.status,
            "measured": None
            if measured is None
            else {"hits": measured.hits, "total": measured.total},
            "shown": result.shown,
            "shown_text": None if measured is None else measured.text(),
            "factor": result.factor,
            "decision": result.decision,
            "rounds_to_decide": result.rounds_to_decide,
            "held_out_rounds_to_decide": result.held_out_rounds_to_decide,
        }
    )


def verdict_from_dict(data: dict[str, Any]) -> Verdict:
    """Rebuild a :class:`Verdict` from :func:`verdict_to_dict` output."""
    results = []
    for item in data["results"]:
        measured = item["measured"]
        results.append(
            TargetResult(
                target=Target(item["metric"], item["op"], float(item["target"])),
                measured=None if measured is None else Rate(measured["hits"], measured["total"]),
                shown=item["shown"],
                status=item["status"],
                factor=item["factor"],
                decision=item.get("decision"),
                rounds_to_decide=item.get("rounds_to_decide"),
                held_out_rounds_to_decide=item.get("held_out_rounds_to_decide"),
            )
        )
    return Verdict(tuple(results))


def json_document(
    evaluation: Evaluation, verdict: Verdict, side: dict[str, np.ndarray] | None = None
) -> dict[str, Any]:
    """The JSON document as a dict; with ``side``, long per-round columns go there instead."""
    return {
        "format_version": INLINE_FORMAT_VERSION,
        "tool_version": __version__,
        "evaluation": to_dict(evaluation, side),
        "verdict": verdict_to_dict(verdict),
    }


def render_json(evaluation: Evaluation, verdict: Verdict) -> str:
    """The JSON document as text (UTF-8, indented, no NaN: missing numbers are ``null``), every
    column inline (for stdout)."""
    return dump_document(json_document(evaluation, verdict))


def side_file_path(path: str | Path) -> Path:
    """Where the side file of the JSON at ``path`` goes: ``report.json`` → ``report.rounds.npz``."""
    path = Path(path)
    return path.with_name(path.stem + ".rounds.npz")


def json_outputs(
    evaluation: Evaluation, verdict: Verdict, path: str | Path
) -> list[tuple[Path, bytes]]:
    """The JSON file at ``path`` and, when per-round columns are long, its side file."""
    side: dict[str, np.ndarray] = {}
    document = json_document(evaluation, verdict, side)
    if not side:
        return [(Path(path), dump_document(document).encode("utf-8"))]
    buffer = io.BytesIO()
    np.savez_compressed(buffer, **side)  # type: ignore[arg-type]
    data = buffer.getvalue()
    npz = side_file_path(path)
    document = {
        "format_version": JSON_FORMAT_VERSION,
        "tool_version": document["tool_version"],
        "side_file": {
            "path": npz.name,
            "sha256": hashlib.sha256(data).hexdigest(),
            "arrays": sorted(side),
        },
        "evaluation": document["evaluation"],
        "verdict": document["verdict"],
    }
    return [(Path(path), dump_document(document).encode("utf-8")), (npz, data)]


# --------------------------------------------------------------------------- shared by every
# saved document (evaluation, comparison, run diagnosis)


def dump_document(document: Any) -> str:
    """A saved document as text: UTF-8, indented, no NaN (missing numbers are ``null``)."""
    return json.dumps(document, indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def _no_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise ValueError(f"duplicate key {key!r}")
        result[key] = value
    return result


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a number JSON allows")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):  # 1e400: valid JSON syntax, but no float holds it
        raise ValueError(f"the number {text[:40]} is too large for a float")
    return value


def parse_document(text: str, source: str) -> Any:
    """Strict JSON: a repeated key or NaN/Infinity is an ``InputError``, as is broken text."""
    try:
        return json.loads(
            text,
            object_pairs_hook=_no_duplicates,
            parse_constant=_no_constant,
            parse_float=_finite_float,
        )
    except RecursionError:
        raise InputError(record("error.document.not_valid_json_nested_too"), path=source) from None
    except json.JSONDecodeError as error:
        raise InputError(
            record(
                "error.document.not_valid_json_line_column",
                msg=error.msg,
                lineno=error.lineno,
                colno=error.colno,
            ),
            path=source,
        ) from None
    except ValueError as error:
        raise InputError(
            record("error.document.not_valid_json", error=error), path=source
        ) from None


def document_version(document: dict[str, Any], source: str) -> int:
    """The document's ``format_version``, which must be a whole number."""
    version = document.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool):
        raise InputError(
            record("error.document.format_version_must_whole_number", version=f"{version!r}"),
            path=source,
        )
    return version


def refuse_newer(found: Any, known: int, source: str, what: str = "") -> None:
    """An ``InputError`` when ``found`` is a format version newer than this version reads."""
    if isinstance(found, int) and found > known:
        versions = {"found": found, "version__": __version__, "known": known}
        raise InputError(
            record("error.document.section_written_newer_jetx_diag", what=what, **versions)
            if what
            else record("error.document.written_newer_jetx_diag_format", **versions),
            path=source,
            hint=record("error.document.hint_upgrade_jetx_diag_read"),
        )


def read_document_text(path: str | Path) -> str:
    """A saved document's text (UTF-8, a BOM allowed); unreadable or not text: ``InputError``."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise InputError(
            record("error.document.cannot_read", strerror=error.strerror or error), path=path
        ) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError(
            record("error.document.not_utf_8_text_byte", start=error.start), path=path
        ) from None


def write_document_text(text: str, path: str | Path, *, stream: TextIO | None = None) -> list[Path]:
    """Write ``text`` to ``path`` atomically, or to ``stream`` (stdout) for ``-``.

    Returns the paths written (none for ``-``).
    """
    if str(path) == "-":
        (stream or sys.stdout).write(text)
        return []
    # report_core imports the renderers lazily; importing it here is cycle-free.

    return write_files([(Path(path), text.encode("utf-8"))])


# --------------------------------------------------------------------------- reading back


def parse_evaluation_json(text: str, source: str) -> tuple[Evaluation, dict[str, Any]]:
    """Read a JSON document (see :func:`load_evaluation_json`); ``source`` names it in errors."""
    document = parse_document(text, source)
    if not isinstance(document, dict) or "evaluation" not in document:
        raise InputError(
            record("error.document.not_saved_jetx_diag_evaluation"),
            path=source,
            hint=record("error.document.hint_write_one_json"),
        )
    refuse_newer(document_version(document, source), JSON_FORMAT_VERSION, source)
    data = document["evaluation"]
    if "side_file" in document:
        data = _with_side_file(data, document["side_file"], source)
    inner = (
        data.get("format_version", EVALUATION_FORMAT_VERSION) if isinstance(data, dict) else None
    )
    refuse_newer(inner, EVALUATION_FORMAT_VERSION, source, "evaluation")
    try:
        evaluation = from_dict(Evaluation, data)
    except (TypeError, ValueError, KeyError, AttributeError, OverflowError) as error:
        raise InputError(
            record("error.document.not_valid_saved_evaluation", error=error), path=source
        ) from None
    verdict = document.get("verdict")
    if not isinstance(verdict, dict):
        raise InputError(record("error.document.verdict_must_object"), path=source)
    return evaluation, verdict


def _with_side_file(data: Any, reference: Any, source: str) -> Any:
    """``data`` with every side-file marker replaced by its column from the ``.npz``."""
    if not isinstance(reference, dict) or not isinstance(reference.get("path"), str):
        raise InputError(record("error.document.side_file_must_name_side"), path=source)
    name = reference["path"]
    if Path(name).name != name:
        raise InputError(
            record("error.document.side_file_must_sit_beside", name=f"{name!r}"), path=source
        )
    npz = Path(source).parent / name
    try:
        raw = npz.read_bytes()
    except OSError as error:
        raise InputError(
            record(
                "error.document.cannot_read_side_file", name=name, strerror=error.strerror or error
            ),
            path=source,
        ) from None
    if hashlib.sha256(raw).hexdigest() != reference.get("sha256"):
        raise InputError(record("error.document.side_file_not_one_json", name=name), path=source)
    try:
        with np.load(io.BytesIO(raw), allow_pickle=False) as archive:
            arrays = {key: archive[key] for key in archive.files}
    except (OSError, ValueError) as error:
        raise InputError(
            record("error.document.side_file_not_readable_npz", name=name, error=error), path=source
        ) from None

    def restore(node: Any) -> Any:
        if isinstance(node, dict):
            if set(node) == {SIDE_MARKER}:
                key = node[SIDE_MARKER]
                if key not in arrays:
                    raise InputError(
                        record("error.document.side_file_no_column", name=name, key_=f"{key!r}"),
                        path=source,
                    )
                return arrays[key].tolist()
            return {k: restore(v) for k, v in node.items()}
        if isinstance(node, list):
            return [restore(v) for v in node]
        return node

    return restore(data)


def load_evaluation_json(path: str | Path) -> tuple[Evaluation, dict[str, Any]]:
    """A saved evaluation and its verdict (as a dict) from a file written by :func:`render_json`.

    Refuses documents from a newer, unknown ``format_version`` with an ``InputError``.
    """
    return parse_evaluation_json(read_document_text(path), str(path))


def write_json(
    evaluation: Evaluation, verdict: Verdict, path: str | Path, *, stream: TextIO | None = None
) -> list[Path]:
    """Write the JSON document to ``path`` atomically (with its side file when per-round columns
    are long), or to ``stream`` (stdout, every column inline) for ``-``.

    Returns the paths written (none for ``-``).
    """
    if str(path) == "-":
        return write_document_text(render_json(evaluation, verdict), path, stream=stream)
    from jetx_diag.files import write_files

    return write_files(json_outputs(evaluation, verdict, path))
