"""The evaluation JSON: round trip, versioning, strict reading, documented keys."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from test_report_core import document_case

from jetx_diag import __version__
from jetx_diag.errors import InputError
from jetx_diag.evaluation.document import (
    INLINE_FORMAT_VERSION,
    JSON_FORMAT_VERSION,
    load_evaluation_json,
    render_json,
    verdict_from_dict,
    write_json,
)
from jetx_diag.results import ConfusionMatrix, RegressionErrors
from jetx_diag.scoring.metrics import metrics_from_confusion

DOCS = Path(__file__).parents[2] / "docs" / "report-json.md"


def write(tmp_path: Path, text: str, name: str = "evaluation.json") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_round_trip_gives_an_equal_evaluation_and_verdict(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    (path,) = write_json(evaluation, verdict, tmp_path / "out" / "stage2.json")
    loaded, verdict_data = load_evaluation_json(path)
    assert loaded == evaluation
    assert verdict_from_dict(verdict_data) == verdict
    assert verdict_data["passed"] is False
    assert (verdict_data["met"], verdict_data["missed"], verdict_data["not_applicable"]) == (
        1,
        4,
        0,
    )
    first = verdict_data["results"][0]
    assert first["shown"] == 5.94 and first["shown_text"] == "5.94% (26/438)"
    assert first["factor"] == pytest.approx(75 / 5.94)


def test_round_trip_with_regression_errors_and_no_probabilities(tmp_path: Path) -> None:
    evaluation, _ = document_case()
    metrics = metrics_from_confusion(
        ConfusionMatrix(0, 0, 3, 5), regression=RegressionErrors(1.25, 2.5, 0.75, 8)
    )
    evaluation, verdict = document_case(
        metrics=metrics, calls=replace(evaluation.calls, p_above=None), model=None, recorded={}
    )
    loaded, verdict_data = load_evaluation_json(write(tmp_path, render_json(evaluation, verdict)))
    assert loaded == evaluation
    assert loaded.metrics.regression == RegressionErrors(1.25, 2.5, 0.75, 8)
    # 0/0 below accuracy and a missing 3-class head are n/a, stored as such.
    statuses = {r["metric"]: (r["status"], r["measured"]) for r in verdict_data["results"]}
    assert statuses["below_accuracy"] == ("n/a", {"hits": 0, "total": 0})
    assert statuses["classification_accuracy"] == ("n/a", None)
    assert verdict_from_dict(verdict_data) == verdict


def test_document_header_and_strict_json() -> None:
    evaluation, verdict = document_case()
    text = render_json(evaluation, verdict)
    document = json.loads(text)
    assert list(document) == ["format_version", "tool_version", "evaluation", "verdict"]
    assert document["format_version"] == INLINE_FORMAT_VERSION  # no side file: version 1
    assert document["tool_version"] == __version__
    assert "NaN" not in text and "Infinity" not in text
    assert "\\u" not in text.replace("\\\\u2028", "")  # UTF-8 text, not ASCII escapes
    assert "→" in text


def test_json_to_stdout(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    stream = io.StringIO()
    assert write_json(evaluation, verdict, "-", stream=stream) == []
    assert stream.getvalue() == render_json(evaluation, verdict)
    assert list(tmp_path.iterdir()) == []


def test_newer_format_version_is_refused(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    document = json.loads(render_json(evaluation, verdict))
    document["format_version"] = JSON_FORMAT_VERSION + 1
    path = write(tmp_path, json.dumps(document))
    newer = rf"newer jetx-diag \(format_version {JSON_FORMAT_VERSION + 1}"
    with pytest.raises(InputError, match=newer) as error:
        load_evaluation_json(path)
    assert error.value.path == str(path)
    assert "upgrade jetx-diag" in str(error.value)
    document["format_version"] = JSON_FORMAT_VERSION
    document["evaluation"]["format_version"] = 99
    with pytest.raises(InputError, match="evaluation section was written by a newer jetx-diag"):
        load_evaluation_json(write(tmp_path, json.dumps(document)))


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "not valid JSON: Expecting property name enclosed in double quotes at line 1"),
        ('{"format_version": NaN, "evaluation": {}}', "not valid JSON: NaN is not a number"),
        ('{"a": 1, "a": 2}', "duplicate key 'a'"),
        ("[1, 2]", "not a saved jetx-diag evaluation"),
        ('{"format_version": "1", "evaluation": {}}', "'format_version' must be a whole number"),
        ('{"format_version": 1, "evaluation": {"label": "x"}}', "not a valid saved evaluation"),
    ],
)
def test_broken_files_are_input_errors_naming_the_file(
    tmp_path: Path, text: str, message: str
) -> None:
    path = write(tmp_path, text)
    with pytest.raises(InputError) as error:
        load_evaluation_json(path)
    assert message in str(error.value)
    assert str(error.value).startswith(str(path) + ": ")


def test_missing_and_non_utf8_files(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        load_evaluation_json(tmp_path / "missing.json")
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{"label": "\xe9"}')
    with pytest.raises(InputError, match=r"not UTF-8 text \(byte 11\)"):
        load_evaluation_json(path)


def test_a_utf8_bom_is_accepted(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    path = tmp_path / "bom.json"
    path.write_bytes(b"\xef\xbb\xbf" + render_json(evaluation, verdict).encode("utf-8"))
    assert load_evaluation_json(path)[0] == evaluation


def _keys(value: Any) -> set[str]:
    found: set[str] = set()
    if isinstance(value, dict):
        for key, item in value.items():
            found.add(key)
            found |= _keys(item)
    elif isinstance(value, list):
        for item in value:
            found |= _keys(item)
    return found


def test_every_key_is_documented() -> None:
    metrics = metrics_from_confusion(
        ConfusionMatrix(26, 412, 43, 637), regression=RegressionErrors(1.0, 2.0, 0.5, 1118)
    )
    evaluation, verdict = document_case(metrics=metrics)
    document = json.loads(render_json(evaluation, verdict))
    document["evaluation"].pop("recorded")  # its keys are whatever the metadata file holds
    for artifact in document["evaluation"]["artifacts"]:
        artifact.pop("details")  # free-form strings, documented by example
    documented = set(re.findall(r"`([a-z_0-9]+)`", DOCS.read_text(encoding="utf-8")))
    missing = _keys(document) - documented
    assert not missing, f"document these keys in docs/report-json.md: {sorted(missing)}"
