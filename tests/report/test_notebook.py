"""Notebook users: an evaluation or comparison shows itself as the report's summary, and gives
its calls and metrics as pandas objects."""

from __future__ import annotations

import html5lib
import pandas as pd
import pytest
from test_report_core import document_case

from jetx_diag.compare.ranking import Candidate, compare

XHTML = "{http://www.w3.org/1999/xhtml}"


def test_evaluation_repr_html_is_the_reports_summary() -> None:
    evaluation, _ = document_case()
    fragment = evaluation._repr_html_()
    document = html5lib.HTMLParser(strict=True).parseFragment(fragment)
    text = "".join(document.itertext())
    assert "📊 Model evaluation — stage2_best.h5" in text or "stage2_best.h5" in text
    rows = document.findall(f".//{XHTML}section[@id='targets']//{XHTML}tbody/{XHTML}tr")
    assert [r.get("class") for r in rows] == ["status-missed", "status-met"] + ["status-missed"] * 3
    assert "5.94% (26/438)" in text and "missed" in text
    assert "<script" not in fragment


def test_evaluation_to_frame_calls_match_the_confusion_matrix() -> None:
    evaluation, _ = document_case()
    calls = evaluation.to_frame()
    assert isinstance(calls, pd.DataFrame) and calls.index.name == "round_id"
    assert len(calls) == 1118
    below = ~calls["ended_above"]
    # The document's matrix: 26 below rounds called below, 412 called above.
    assert int((below & ~calls["called_above"]).sum()) == 26
    assert int((below & calls["called_above"]).sum()) == 412
    assert int(calls["correct"].sum()) == 26 + 637


def test_evaluation_to_frame_metrics_keep_the_counts() -> None:
    evaluation, _ = document_case()
    metrics = evaluation.to_frame("metrics")
    assert metrics.loc["below_accuracy"].to_dict() == {"hits": 26, "total": 438, "percent": 5.94}
    assert metrics.loc["money_loss_risk", "percent"] == 94.06
    with pytest.raises(ValueError, match="'calls' or 'metrics'"):
        evaluation.to_frame("rounds")


def test_comparison_repr_html_and_frames() -> None:
    first, _ = document_case()
    second, _ = document_case(label="other.h5")
    comparison = compare([Candidate(first, "a.json", "json"), Candidate(second, "b.json", "json")])
    fragment = comparison._repr_html_()
    html5lib.HTMLParser(strict=True).parseFragment(fragment)
    assert "stage2_best.h5" in fragment and "other.h5" in fragment
    frame = comparison.to_frame()
    assert list(frame.index) == [e.label for e in comparison.entries]
    assert frame.loc["stage2_best.h5", "below_accuracy"] == 5.94
    assert frame["rank"].tolist() == [1, 2]
    calls = comparison.to_frame("calls")
    assert list(calls.columns) == ["actual", *frame.index]
    assert len(calls) == 1118
