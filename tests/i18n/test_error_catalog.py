"""Errors come from the catalog: English where they are raised, the run's language on stderr.

An error's text is made with ``record("error.…", …)`` where it is raised, so ``str(error)`` stays
English for the JSON, logs and tests, and the command line shows it from the chosen language's
catalog (``recorded``). These tests keep every error in the catalog and every catalog sentence
recognisable again from its English text.
"""

from __future__ import annotations

import ast
import re
import string
from pathlib import Path

import pytest
from english_scan import english_in

import jetx_diag
import jetx_diag.errors as errors_module
from jetx_diag.cli.error_language import error_line, reset_error_language, show_errors_in
from jetx_diag.errors import ArtifactError, JetxDiagError
from jetx_diag.files import _cannot_write
from jetx_diag.i18n.en import EN
from jetx_diag.i18n.messages import messages, record, recorded_as
from jetx_diag.user_code import Guard

PACKAGE = Path(jetx_diag.__file__).parent
ERRORS = {
    name
    for name, value in vars(errors_module).items()
    if isinstance(value, type) and issubclass(value, JetxDiagError)
}
#: Base modules sit below the catalog (they may not import it); their two templates are in the
#: catalog and checked below by making the real errors.
BELOW_THE_CATALOG = {"files.py", "user_code.py", "errors.py"}


def _is_literal_text(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp):
        return _is_literal_text(node.left) or _is_literal_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_literal_text(node.body) or _is_literal_text(node.orelse)
    return False


def test_no_error_text_is_written_outside_the_catalog() -> None:
    """Every problem and hint handed to an error is a catalog sentence, not a literal."""
    literal = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.relative_to(PACKAGE).as_posix() in BELOW_THE_CATALOG:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name)):
                continue
            if node.func.id not in ERRORS:
                continue
            texts = [
                *node.args[:1],
                *(k.value for k in node.keywords if k.arg in ("problem", "hint")),
            ]
            literal += [f"{path.name}:{node.lineno}" for text in texts if _is_literal_text(text)]
    assert literal == []


def test_every_error_key_is_used_and_every_used_key_exists() -> None:
    used: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        if path.name not in ("en.py", "tr.py"):
            used |= set(re.findall(r"\"(error\.[a-z0-9_.]+)\"", path.read_text("utf-8")))
    listed = {key for key in EN if key.startswith("error.")}
    below = {
        "error.files.cannot_write_report",
        "error.files.hint_choose_another_output_folder",
        "error.user_code.raised_run_stopped",
    }
    assert sorted(used - listed) == []
    assert sorted(listed - used - below) == []


def _sample(key: str) -> dict[str, str]:
    """Distinct values for a template's fields: digits where a field only ever holds a number."""
    numeric = {"line", "cell", "row", "index", "epoch", "spans"}
    values = {}
    for _, name, spec, _ in string.Formatter().parse(EN[key]):
        if name and name not in values:
            number = (
                name in numeric or name.endswith("_count") or (spec or "").startswith("plural:")
            )
            values[name] = str(40 + len(values)) if number else f"v{len(values)}x"
    return values


@pytest.mark.parametrize("key", sorted(k for k in EN if k.startswith("error.")))
def test_every_error_reads_back_as_its_own_sentence(key: str) -> None:
    """No other catalog sentence (a record, a shorter error) swallows this one."""
    values = _sample(key)
    assert recorded_as(record(key, **values)) == (key, values)


def test_errors_below_the_catalog_are_recognised() -> None:
    written = _cannot_write(Path("out/report.md"), PermissionError(13, "Permission denied"))
    assert recorded_as(written.problem) == (
        "error.files.cannot_write_report",
        {"strerror": "Permission denied"},
    )
    assert recorded_as(written.hint or "")[0] == "error.files.hint_choose_another_output_folder"  # type: ignore[index]
    stopped = Guard().convert(
        ValueError("bad window"),
        record("error.feature_workers.feature_extractor_on_round", name="f:extract", index=7),
    )
    found = recorded_as(str(stopped))
    assert found is not None and found[0] == "error.user_code.raised_run_stopped"
    turkish = messages("tr").recorded(str(stopped))
    assert "f:extract" in turkish and "7" in turkish and "ValueError: bad window" in turkish
    assert english_in([turkish.replace("ValueError: bad window", "")]) == []


def test_the_error_line_follows_the_run_language() -> None:
    error = ArtifactError(
        record("error.inspection.hdf5_file_but_named_keras"),
        path="model.keras",
        hint=record("error.inspection.hint_rename", name="model.h5"),
    )
    try:
        assert error_line(error) == f"jetx-diag: error: {error}"
        show_errors_in("tr")
        line = error_line(error)
    finally:
        reset_error_language()
    assert line.startswith("jetx-diag: hata: model.keras: ")
    assert "model.h5" in line
    assert english_in([line]) == []
    assert error_line(error) == f"jetx-diag: error: {error}"  # each run starts in English again
