"""Any bytes, any document: the readers of round histories, saved JSON, training logs,
predictions files and metadata either read them or raise their own error class; through the
CLI, any such file gives exit 0-4, never 5 and never a traceback.

Byte strings are drawn raw and also built from the formats' own pieces (headers, numbers that
overflow, deep nesting, separators, BOMs), so most examples get past the first check.
"""

from __future__ import annotations

import contextlib
import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.errors import JetxDiagError

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CLI_FUZZ = settings(FUZZ, max_examples=25)
ALLOWED_EXITS = {0, 1, 2, 3, 4}

_PIECES = [
    b"id,value\n",
    b"epoch,loss,val_loss\n",
    b"value\n",
    b"1.5\n",
    b"2,3.25\n",
    b"NA",
    b"nan",
    b"inf",
    b"-1",
    b"1e400",
    b"9" * 400,
    b"9" * 5000,
    b"\xef\xbb\xbf",
    b"\xff\xfe\x00\x00",
    b"\xff\xfe",
    b"\x00",
    b'"',
    b",",
    b";",
    b"\t",
    b"\r\n",
    b"\n",
    b"{",
    b"}",
    b"[",
    b"]",
    b'{"loss": [',
    b'"history": {',
    b'"epoch": [0, 1]',
    b"[" * 3000,
    b"SQLite format 3\x00",
    b"\x80\x04",
    b"\x89HDF\r\n\x1a\n",
    b"PK\x03\x04",
    b"\xe2\x80\xa8",
    b"\xc3\x28",
    b'"' + b"x" * 140_000 + b'"',
]


def hostile_bytes() -> st.SearchStrategy[bytes]:
    pieces = st.lists(st.one_of(st.sampled_from(_PIECES), st.binary(max_size=24)), max_size=30)
    return st.one_of(st.binary(max_size=512), pieces.map(b"".join))


def _check_in_process(function: Any, path: Path, allowed: type[BaseException]) -> None:
    # The reader's own refusal is fine; anything else propagates and fails the test.
    with contextlib.suppress(allowed):
        function(path)


# --------------------------------------------------------------------------- in process


@FUZZ
@given(data=hostile_bytes())
def test_history_reader(data: bytes, tmp_path: Path) -> None:
    from jetx_diag.errors import DataError
    from jetx_diag.history.rounds import load_history

    for name in ("rounds.csv", "rounds.db", "rounds.txt"):
        path = tmp_path / name
        path.write_bytes(data)
        _check_in_process(load_history, path, DataError)


@FUZZ
@given(data=hostile_bytes())
def test_training_log_reader(data: bytes, tmp_path: Path) -> None:
    from jetx_diag.errors import LogError
    from jetx_diag.training.logs import read_log

    path = tmp_path / "stage1.csv"
    path.write_bytes(data)
    _check_in_process(read_log, path, LogError)


@FUZZ
@given(data=hostile_bytes())
def test_saved_json_reader(data: bytes, tmp_path: Path) -> None:
    from jetx_diag.compare.document import load_comparison_json
    from jetx_diag.errors import InputError
    from jetx_diag.evaluation.document import load_evaluation_json

    path = tmp_path / "saved.json"
    path.write_bytes(data)
    _check_in_process(load_evaluation_json, path, InputError)
    _check_in_process(load_comparison_json, path, InputError)


@FUZZ
@given(data=hostile_bytes())
def test_predictions_and_metadata_readers(data: bytes, tmp_path: Path) -> None:
    from jetx_diag.artifacts.metadata import load_metadata
    from jetx_diag.errors import InputError
    from jetx_diag.predictions import read_predictions_csv

    path = tmp_path / "file"
    path.write_bytes(data)
    lenient = functools.partial(load_metadata, strict=False)  # as the training diagnosis reads
    for reader in (read_predictions_csv, lenient, load_metadata):
        _check_in_process(reader, path, InputError)


# --------------------------------------------------------------------------- saved documents,
# changed one value at a time


@pytest.fixture(scope="module")
def saved_document(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, Any]]:
    from jetx_diag.demo.example import document_predictions
    from jetx_diag.predictions import write_predictions_csv

    folder = tmp_path_factory.mktemp("saved")
    predictions = folder / "preds.csv"
    write_predictions_csv(predictions, document_predictions())
    saved = folder / "saved.json"
    code = run(["report", "--predictions", str(predictions), "--json", str(saved), "-q",
                "--format", ","])  # fmt: skip
    assert code in (0, 1)
    return predictions, json.loads(saved.read_text(encoding="utf-8"))


def _paths(node: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(node, dict):
        for key, value in node.items():
            found.extend(_paths(value, (*prefix, key)))
    elif isinstance(node, list):
        for index, value in enumerate(node[:3]):
            found.extend(_paths(value, (*prefix, index)))
    return found


json_values = st.recursive(
    st.one_of(
        st.none(),
        st.booleans(),
        st.integers(min_value=-(10**30), max_value=10**30),
        st.floats(allow_nan=False, allow_infinity=False),
        st.text(max_size=20),
    ),
    lambda inner: st.one_of(st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=5),
                                                                         inner, max_size=3)),
    max_leaves=6,
)  # fmt: skip


def _replace(document: Any, path: tuple[Any, ...], value: Any) -> Any:
    copy = json.loads(json.dumps(document))
    node = copy
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    return copy


@CLI_FUZZ
@given(data=st.data())
def test_changed_baseline_through_the_cli(data: st.DataObject, saved_document, tmp_path: Path,
                                          capfd) -> None:  # fmt: skip
    predictions, document = saved_document
    path = data.draw(st.sampled_from(_paths(document)))
    value = data.draw(json_values)
    changed = tmp_path / "baseline.json"
    changed.write_text(json.dumps(_replace(document, path, value)), encoding="utf-8")
    code = run(["report", "--predictions", str(predictions), "--baseline", str(changed), "-q",
                "--format", ",", "-o", str(tmp_path / "out")])  # fmt: skip
    err = capfd.readouterr().err
    assert code in ALLOWED_EXITS | {ExitCode.WORSE_THAN_BASELINE}, (path, value, err)
    assert "Traceback" not in err and "internal error" not in err, (path, value, err)


# --------------------------------------------------------------------------- through the CLI


@CLI_FUZZ
@given(data=hostile_bytes())
def test_any_bytes_through_the_cli(data: bytes, tmp_path: Path, capfd) -> None:
    log = tmp_path / "stage1.csv"
    log.write_bytes(data)
    runs = [
        ["history", str(tmp_path), "--stage", f"stage1={log}", "-q", "--format", ","],
        ["report", "--predictions", str(log), "-q", "--format", ",", "-o", str(tmp_path / "o")],
    ]
    saved = tmp_path / "saved.json"
    saved.write_bytes(data)
    runs.append(["compare", str(saved), "-q", "--format", ",", "-o", str(tmp_path / "c")])
    for args in runs:
        code = run(args)
        err = capfd.readouterr().err
        assert code in ALLOWED_EXITS, (args[0], err)
        assert "Traceback" not in err and "internal error" not in err, (args[0], err)
        if code not in (0, 1):
            assert len(err.strip().splitlines()) == 1, err


def test_error_classes_are_the_documented_ones() -> None:
    from jetx_diag import errors

    documented = Path(__file__).parents[1].joinpath("docs", "errors.md").read_text("utf-8")
    for name in dir(errors):
        value = getattr(errors, name)
        if isinstance(value, type) and issubclass(value, JetxDiagError):
            assert f"`{name}`" in documented, name
