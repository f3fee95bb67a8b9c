"""Long per-round columns of a saved evaluation go to a compressed side file, and come back."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
from test_report_core import document_case

from jetx_diag.errors import InputError
from jetx_diag.evaluation.document import (
    INLINE_FORMAT_VERSION,
    JSON_FORMAT_VERSION,
    load_evaluation_json,
    write_json,
)


@pytest.fixture
def small_side_limit(monkeypatch: pytest.MonkeyPatch) -> None:
    # The document case has 1,118 held-out rounds: make that "long" instead of a million.
    monkeypatch.setattr("jetx_diag.results.SIDE_FILE_ROUNDS", 500)


def test_long_columns_go_to_the_side_file_and_load_back_equal(
    tmp_path: Path, small_side_limit: None
) -> None:
    evaluation, verdict = document_case()
    json_path, npz_path = write_json(evaluation, verdict, tmp_path / "report.json")
    assert npz_path == tmp_path / "report.rounds.npz"
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert document["format_version"] == JSON_FORMAT_VERSION == INLINE_FORMAT_VERSION + 1
    calls = document["evaluation"]["calls"]
    assert calls["actual"] == {"side_file_array": "calls.actual"}
    assert "calls.round_ids" in document["side_file"]["arrays"]
    with np.load(npz_path, allow_pickle=False) as archive:
        np.testing.assert_array_equal(archive["calls.actual"], evaluation.calls.actual)
    loaded, _ = load_evaluation_json(json_path)
    assert loaded == evaluation


def test_short_columns_stay_inline_as_version_1(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    (json_path,) = write_json(evaluation, verdict, tmp_path / "report.json")
    document = json.loads(json_path.read_text(encoding="utf-8"))
    assert document["format_version"] == INLINE_FORMAT_VERSION
    assert len(document["evaluation"]["calls"]["actual"]) == evaluation.calls.actual.size
    assert not (tmp_path / "report.rounds.npz").exists()


def test_a_changed_or_missing_side_file_is_refused(tmp_path: Path, small_side_limit: None) -> None:
    evaluation, verdict = document_case()
    json_path, npz_path = write_json(evaluation, verdict, tmp_path / "report.json")
    npz_path.write_bytes(npz_path.read_bytes() + b"\0")
    with pytest.raises(InputError, match="not the one this JSON was written with"):
        load_evaluation_json(json_path)
    npz_path.unlink()
    with pytest.raises(InputError, match=r"cannot read its side file report\.rounds\.npz"):
        load_evaluation_json(json_path)


def test_stdout_keeps_every_column_inline(
    small_side_limit: None, capsys: pytest.CaptureFixture[str]
) -> None:
    evaluation, verdict = document_case()
    assert write_json(evaluation, verdict, "-") == []
    document = json.loads(capsys.readouterr().out)
    assert document["format_version"] == INLINE_FORMAT_VERSION
    assert len(document["evaluation"]["calls"]["p_above"]) == evaluation.calls.actual.size
