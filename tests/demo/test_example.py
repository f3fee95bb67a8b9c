"""The committed example report (reports/example) is exactly what `make example` produces.

It fails when templates, the catalog or the metrics change and the example was not refreshed:
run `make example` (or `python -m jetx_diag.demo.example reports/example`) and commit the result.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from jetx_diag.demo.example import write_example

COMMITTED = Path(__file__).resolve().parents[2] / "reports" / "example"


@pytest.mark.skipif(not COMMITTED.is_dir(), reason="reports/example is not in this checkout")
def test_committed_example_is_current(tmp_path: Path) -> None:
    written = write_example(tmp_path)
    fresh = {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in written}
    committed = {
        p.relative_to(COMMITTED).as_posix(): p.read_bytes()
        for p in COMMITTED.rglob("*")
        if p.is_file()
    }
    assert sorted(fresh) == sorted(committed), "run `make example` and commit reports/example"
    stale = [name for name in fresh if fresh[name] != committed[name]]
    assert not stale, f"stale example files {stale}: run `make example` and commit them"


def test_example_reproduces_the_documents_numbers(tmp_path: Path) -> None:
    write_example(tmp_path)
    english = (tmp_path / "en" / "report.md").read_text(encoding="utf-8")
    for text in (
        "5.94% (26/438)",
        "93.68% (637/680)",
        "94.06% (412/438)",
        "59.30% (663/1118)",
        "39.09% (437/1118)",
    ):
        assert text in english
    turkish = (tmp_path / "tr" / "report.md").read_text(encoding="utf-8")
    assert "1.5 Altı Doğruluğu" in turkish and "Para Kaybı Riski" in turkish


def test_regression_head_errors_are_reported(tmp_path: Path) -> None:
    import numpy as np

    from jetx_diag.demo.example import document_predictions

    predictions = document_predictions()
    errors = predictions.regression - predictions.actual
    write_example(tmp_path)
    english = (tmp_path / "en" / "report.md").read_text(encoding="utf-8")
    assert (
        f"over 1118 rounds: MAE {np.abs(errors).mean():.3f}, "
        f"RMSE {np.sqrt((errors**2).mean()):.3f}, "
        f"median absolute error {np.median(np.abs(errors)):.3f}"
    ) in english
