"""A real notebook (executed with nbclient on an ipykernel) that trains two stages with Keras 3:
its saved stream outputs read back into the same stages as a console log, checked against the
run's own record; and notebooks that hold no training output refused with a clear error."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
from console_factory import check_against_record

from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.errors import LogError
from jetx_diag.training.notebook_log import read_notebook_log


@pytest.fixture(scope="session")
def notebook_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    from console_factory import run_notebook

    return run_notebook(tmp_path_factory.mktemp("notebook") / "run")


@pytest.mark.keras
def test_notebook_outputs_match_the_runs_record(notebook_run: Any) -> None:
    import nbformat

    path, record = notebook_run
    notebook = nbformat.read(str(path), as_version=4)
    nbformat.validate(notebook)
    streams = [o for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", [])]
    assert len(streams) > 3  # the outputs are stored in several chunks, as Jupyter keeps them
    on_disk = json.loads(path.read_text(encoding="utf-8"))
    assert any(
        isinstance(o.get("text"), list) for c in on_disk["cells"] for o in c.get("outputs", [])
    )  # and their text as lists of lines
    check_against_record(read_notebook_log(path), record)


@pytest.mark.keras
def test_history_on_the_notebook(notebook_run: Any, tmp_path: Path, capsys) -> None:
    path, record = notebook_run
    folder = tmp_path / "run"
    shutil.copytree(path.parent, folder)
    out = tmp_path / "out"
    assert run(["history", str(folder / path.name), "-o", str(out)]) == ExitCode.OK
    text = (out / "history.md").read_text(encoding="utf-8")
    stage2 = record["stages"][1]
    assert (
        f"- stage2_best.h5: stage2, epoch {stage2['saves'][-1]}, val_threshold_accuracy "
        f"{stage2['checkpoint_best']:.4g}"
    ) in text
    assert f"`{folder / path.name}`" in text
    # The folder alone: the notebook is found like a CSV log; a notebook beside it that holds
    # no training output is left out with a note, not an error.
    (folder / "analysis.ipynb").write_text('{"nbformat": 4, "cells": []}', encoding="utf-8")
    assert run(["history", str(folder), "-o", str(tmp_path / "out2")]) == ExitCode.OK
    page = (tmp_path / "out2" / "history.md").read_text("utf-8")
    assert f"`{folder / path.name}`" in page
    assert "analysis.ipynb not read: notebook has no saved outputs" in page
    capsys.readouterr()


@pytest.mark.keras
def test_notebook_without_outputs_is_an_input_error(
    notebook_run: Any, tmp_path: Path, capsys
) -> None:
    import nbformat

    path, _ = notebook_run
    notebook = nbformat.read(str(path), as_version=4)
    for cell in notebook.cells:
        if cell.cell_type == "code":
            cell.outputs = []
    cleared = tmp_path / "cleared.ipynb"
    nbformat.write(notebook, str(cleared))
    with pytest.raises(LogError, match="notebook has no saved outputs"):
        read_notebook_log(cleared)
    assert run(["history", str(cleared), "-o", str(tmp_path / "o")]) == ExitCode.INPUT_ERROR
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(cleared) in err


def test_broken_notebooks_are_input_errors(tmp_path: Path) -> None:
    cases = {
        "broken.ipynb": ("{not json", "is not valid JSON"),
        "duplicate.ipynb": ('{"cells": [], "cells": []}', "duplicate"),
        "nocells.ipynb": ('{"nbformat": 4}', "not a Jupyter notebook"),
        "empty.ipynb": ('{"nbformat": 4, "cells": []}', "notebook has no saved outputs"),
        "badtext.ipynb": (
            '{"nbformat": 4, "cells": [{"cell_type": "code", "outputs": '
            '[{"output_type": "stream", "name": "stdout", "text": 5}]}]}',
            "cell 1: a stream output's text is not text",
        ),
    }
    for name, (content, problem) in cases.items():
        path = tmp_path / name
        path.write_text(content, encoding="utf-8")
        with pytest.raises(LogError) as raised:
            read_notebook_log(path)
        assert problem in str(raised.value) and str(path) in str(raised.value), raised.value
