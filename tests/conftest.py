"""Puts this folder and its package folders on sys.path, so test modules import the shared
helpers (keras_models, run_factory) and each other's hand-computed cases (document_case)."""

import os
import sys
from pathlib import Path

# A checkpoint's chance verdict runs its pipeline on 199 simulated fair histories by default,
# about ten times the cost of the evaluation itself. Tests that are not about that verdict use
# the martingale test; the tests of the simulated null (and the pages' fixtures) ask for
# simulations explicitly. Set at import, so session fixtures and subprocesses see it too.
os.environ.setdefault("JETX_DIAG_NULL_SIMULATIONS", "0")

_TESTS = Path(__file__).parent
for _folder in (_TESTS, *sorted(p for p in _TESTS.iterdir() if p.is_dir() and p.name != "golden")):
    sys.path.insert(0, str(_folder))


# --------------------------------------------------------------------------- golden files
# Golden files under tests/golden/ are compared byte for byte. After an intended change to the
# report's wording or layout, refresh them and review the diff before committing:
#     .venv/bin/pytest tests/report/test_report_markdown.py --update-golden
def pytest_addoption(parser):  # type: ignore[no-untyped-def]
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite tests/golden/* from the current output instead of comparing",
    )


# --------------------------------------------------------------------------- isolation
import pytest  # noqa: E402


@pytest.fixture(autouse=True)
def _isolated_environment(monkeypatch: pytest.MonkeyPatch, tmp_path_factory) -> None:  # type: ignore[no-untyped-def]
    """Tests never write to a CI job's step summary or to the user's feature cache, and the
    Python subprocesses they start import the installed package, never the source tree that
    `python -c` would put first on sys.path from the working folder (PYTHONSAFEPATH)."""
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    monkeypatch.setenv("PYTHONSAFEPATH", "1")
    monkeypatch.setenv("JETX_DIAG_CACHE", str(tmp_path_factory.getbasetemp() / "feature-cache"))


# --------------------------------------------------------------------------- rendered pages
@pytest.fixture(scope="session")
def pages(tmp_path_factory):  # type: ignore[no-untyped-def]
    """Every page (report, comparison, run report) in both languages, written once per session
    by the real tool (see page_fixtures): ``pages["tr"].report`` is a path to an HTML file."""
    from page_fixtures import build_pages

    root = tmp_path_factory.mktemp("pages")
    with pytest.MonkeyPatch.context() as patch:  # the isolation above, for this session fixture
        patch.delenv("GITHUB_STEP_SUMMARY", raising=False)
        patch.setenv("JETX_DIAG_CACHE", str(root / "feature-cache"))
        return {lang: build_pages(root / lang, lang) for lang in ("en", "tr")}
