"""Writing reports: atomic files, identical reruns, independent concurrent runs."""

from __future__ import annotations

import difflib
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_report_core import document_case

from jetx_diag import files as file_writer
from jetx_diag.errors import UsageError
from jetx_diag.files import atomic_write
from jetx_diag.report.writer import write_report

ALL = ("md", "html", "json", "junit")


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_all_formats_are_written(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    paths = write_report(evaluation, verdict, tmp_path / "new" / "folder", formats=ALL)
    assert [p.name for p in paths] == [
        "report.md",
        "report.confusion.png",
        "report.p_above.png",
        "report.html",
        "report.json",
        "report.junit.xml",
    ]
    assert all(p.stat().st_size > 0 for p in paths)
    # No temporary files remain.
    assert sorted(p.name for p in paths) == sorted(contents(paths[0].parent))


def test_rerun_gives_identical_files(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    write_report(evaluation, verdict, tmp_path / "a", formats=ALL, lang="tr")
    write_report(evaluation, verdict, tmp_path / "b", formats=ALL, lang="tr")
    assert contents(tmp_path / "a") == contents(tmp_path / "b")


def test_only_the_timestamp_line_differs_between_runs_at_different_times(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    later, _ = document_case(created="2025-10-10T08:00:00+00:00")
    (first,) = write_report(evaluation, verdict, tmp_path / "a", formats=("html",))
    (second,) = write_report(later, verdict, tmp_path / "b", formats=("html",))
    diff = [
        line
        for line in difflib.unified_diff(
            first.read_text().splitlines(), second.read_text().splitlines(), lineterm="", n=0
        )
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        "-<dt>Date</dt><dd>2025-10-09 10:30:00 UTC</dd>",
        "+<dt>Date</dt><dd>2025-10-10 08:00:00 UTC</dd>",
    ]


def test_custom_stem_names_every_file(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    paths = write_report(evaluation, verdict, tmp_path, formats=("md",), stem="rapor tr")
    assert [p.name for p in paths] == [
        "rapor tr.md",
        "rapor tr.confusion.png",
        "rapor tr.p_above.png",
    ]
    assert "](rapor%20tr.confusion.png)" in paths[0].read_text(encoding="utf-8")


class _Interrupted(Exception):
    pass


def _break_writes_after(monkeypatch: pytest.MonkeyPatch, byte_count: int) -> None:
    """Make every report file write ``byte_count`` bytes, then fail as if killed mid-write."""
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, handle) -> None:  # type: ignore[no-untyped-def]
            self.handle = handle

        def __enter__(self) -> HalfWriter:
            return self

        def __exit__(self, *exc: object) -> None:
            self.handle.close()

        def write(self, data: bytes) -> int:
            self.handle.write(data[:byte_count])
            self.handle.flush()
            raise _Interrupted("power cut")

    monkeypatch.setattr(
        file_writer.os, "fdopen", lambda fd, mode: HalfWriter(real_fdopen(fd, mode))
    )


def test_interrupted_first_write_leaves_no_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    evaluation, verdict = document_case()
    _break_writes_after(monkeypatch, 100)
    with pytest.raises(_Interrupted):
        write_report(evaluation, verdict, tmp_path, formats=("md",))
    assert list(tmp_path.iterdir()) == []  # neither the report nor a temporary file


def test_interrupted_rewrite_keeps_the_previous_complete_report(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old, verdict = document_case()
    write_report(old, verdict, tmp_path, formats=("md", "html"))
    before = contents(tmp_path)
    new, _ = document_case(created="2026-01-01T00:00:00+00:00")
    _break_writes_after(monkeypatch, 200)
    with pytest.raises(_Interrupted):
        write_report(new, verdict, tmp_path, formats=("md", "html"))
    assert contents(tmp_path) == before


def test_a_render_failure_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every format is rendered before the first file is written."""
    import jetx_diag.report.writer

    old, verdict = document_case()
    write_report(old, verdict, tmp_path, formats=("md", "html"))
    before = contents(tmp_path)

    def broken(context: object) -> str:
        raise RuntimeError("template bug")

    monkeypatch.setattr(jetx_diag.report.writer, "render_html", broken)
    new, _ = document_case(created="2026-01-01T00:00:00+00:00")
    with pytest.raises(RuntimeError, match="template bug"):
        write_report(new, verdict, tmp_path, formats=("md", "html"))
    assert contents(tmp_path) == before


def test_atomic_write_respects_the_umask(tmp_path: Path) -> None:
    old_mask = os.umask(0o022)
    try:
        atomic_write(tmp_path / "x.md", b"hello")
    finally:
        os.umask(old_mask)
    assert (tmp_path / "x.md").read_bytes() == b"hello"
    assert (tmp_path / "x.md").stat().st_mode & 0o777 == 0o644


def test_unwritable_output_is_a_usage_error_naming_the_path(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(UsageError) as error:
        write_report(evaluation, verdict, blocker / "out", formats=("json",))
    assert str(error.value).startswith(f"{blocker / 'out' / 'report.json'}: cannot write")
    assert blocker.read_text() == "not a folder"


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    evaluation, verdict = document_case()
    with pytest.raises(UsageError, match="unknown report format 'pdf'"):
        write_report(evaluation, verdict, tmp_path, formats=("md", "pdf"))
    assert list(tmp_path.iterdir()) == []


_CHILD = """
import sys
sys.path.insert(0, {tests!r})
from test_report_core import document_case
from jetx_diag.report.writer import write_report
evaluation, verdict = document_case()
write_report(evaluation, verdict, sys.argv[1], formats={formats!r}, lang="tr")
"""


def test_concurrent_runs_into_different_folders_do_not_interfere(tmp_path: Path) -> None:
    """Separate processes started together (as two CI jobs would be) write complete reports."""
    code = _CHILD.format(tests=str(Path(__file__).parent), formats=ALL)
    folders = [tmp_path / f"run{i}" for i in range(2)]
    children = [
        # cwd: `python -c` puts the working folder first on sys.path; the repository root
        # would shadow the installed package (and its templates) that the tests must exercise.
        subprocess.Popen(
            [sys.executable, "-c", code, str(folder)], stderr=subprocess.PIPE, cwd=tmp_path
        )
        for folder in folders
    ]
    for child in children:
        _, stderr = child.communicate(timeout=120)
        assert child.returncode == 0, stderr.decode()
    evaluation, verdict = document_case()
    write_report(evaluation, verdict, tmp_path / "serial", formats=ALL, lang="tr")
    for folder in folders:
        assert contents(folder) == contents(tmp_path / "serial")


def test_a_failure_on_a_later_file_keeps_the_whole_previous_set(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A full disk while writing the HTML must not leave a new Markdown beside the old HTML."""
    evaluation, verdict = document_case()
    write_report(evaluation, verdict, tmp_path, formats=ALL, lang="en")
    before = contents(tmp_path)
    real_stage = file_writer._stage

    def disk_full_on_html(path: Path, data: bytes) -> Path:
        if path.suffix == ".html":
            raise OSError(28, "No space left on device")
        return real_stage(path, data)

    monkeypatch.setattr(file_writer, "_stage", disk_full_on_html)
    with pytest.raises(UsageError, match="No space left on device"):
        write_report(evaluation, verdict, tmp_path, formats=ALL, lang="tr")
    assert contents(tmp_path) == before  # every file as it was, no temporaries left
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
