"""Hostile and broken inputs through the real CLI, table-driven.

One real training run (SQLite history, joblib scaler, Keras ``.h5`` checkpoint, metadata) is
built once per module; every case derives one broken or unusual file from it in its own folder
and runs ``jetx-diag report`` in-process. Refused inputs must give their exit code and a single
stderr line naming the file and the problem, never a traceback, and no report. Accepted inputs
must report exactly how many rows were read, used and rejected (read from ``--json -``), and,
where the usable rounds are the clean run's, evaluate the very same 80 held-out rounds: a
rejected row is dropped, never moved or altered.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import os
import pickle
import re
import shutil
import sqlite3
import warnings
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from unittest import mock

import joblib
import numpy as np
import pytest
from english_scan import english_in, quoted_data
from run_factory import FEATURES, Run, make_run

import jetx_diag.cli.main
from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.errors import JetxDiagError

pytestmark = pytest.mark.keras

HELD_OUT = 80  # 900 rounds, windows of 500: 400 samples, the last 20% held out
# The validation slice (20% of the 320 samples before them) goes through the model in the
# same predict call as the held-out rounds.
PREDICTED = HELD_OUT + 64


@dataclass(frozen=True)
class Kit:
    """The shared run, its clean evaluation, and facts that expected messages quote."""

    run: Run
    baseline: dict[str, Any]  # the clean run's --json document
    n_features: int


@pytest.fixture(scope="module")
def kit(tmp_path_factory: pytest.TempPathFactory) -> Kit:
    made = make_run(tmp_path_factory.mktemp("run"))
    n_features = int(joblib.load(made.scaler).n_features_in_)  # our own file: joblib is fine
    # A module-scoped fixture cannot use the function-scoped capfd: capture by hand.
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run([*report_args(made, tmp_path_factory.mktemp("baseline")), "--json", "-"])
    assert code == ExitCode.TARGETS_MISSED, err.getvalue()
    document = json.loads(out.getvalue())
    assert document["evaluation"]["split"]["test_samples"] == HELD_OUT
    return Kit(made, document, n_features)


def report_args(
    made: Run,
    folder: Path,
    *,
    checkpoint: Path | None = None,
    data: Path | None = None,
    scaler: Path | None = None,
    metadata: Path | None = None,
) -> list[str]:
    """``jetx-diag report`` on the shared run, with at most one file swapped."""
    return [
        "report",
        str(checkpoint or made.checkpoint),
        "--data",
        str(data or made.history),
        "--scaler",
        str(scaler or made.scaler),
        "--metadata",
        str(metadata or made.metadata),
        "--features",
        FEATURES,
        "--no-cache",
        "--output",
        str(folder / "out"),
        "--quiet",
    ]


Builder = Callable[["Kit", Path], list[str]]
Maker = Callable[["Kit", Path], None]


def swapped(role: str, name: str, make: Maker, *extra: str) -> Builder:
    """Write one file called ``name`` with ``make`` and pass it as the run's ``role`` file."""

    def build(kit: Kit, folder: Path) -> list[str]:
        path = folder / name
        make(kit, path)
        return [*report_args(kit.run, folder, **{role: path}), *extra]

    return build


def with_options(*extra: str) -> Builder:
    """The clean run with extra options."""
    return lambda kit, folder: [*report_args(kit.run, folder), *extra]


def given(option: str, name: str, make: Maker) -> Builder:
    """The clean run plus ``option FILE`` for a file written by ``make``."""

    def build(kit: Kit, folder: Path) -> list[str]:
        make(kit, folder / name)
        return [*report_args(kit.run, folder), option, str(folder / name)]

    return build


def raw(data: bytes) -> Maker:
    return lambda kit, path: path.write_bytes(data)


def text(content: str) -> Maker:
    return lambda kit, path: path.write_text(content, encoding="utf-8")


# --------------------------------------------------------------------------- checkpoints


def copy_checkpoint(kit: Kit, path: Path) -> None:
    shutil.copyfile(kit.run.checkpoint, path)


def truncated_checkpoint(kit: Kit, path: Path) -> None:
    path.write_bytes(kit.run.checkpoint.read_bytes()[:40_000])


def html_page(kit: Kit, path: Path) -> None:
    path.write_text(
        "<!DOCTYPE html>\n<html><head><title>Google Drive - Virus scan warning</title></head>"
        "<body>Google Drive can't scan this file for viruses.</body></html>\n",
        encoding="utf-8",
    )


def weights_only(kit: Kit, path: Path) -> None:
    from keras_models import small_model

    # Keras 3 insists on the .weights.h5 suffix; users then rename the file to model.h5.
    weights = path.with_name("model.weights.h5")
    small_model().save_weights(weights)
    weights.rename(path)


def lambda_model_file(framework: str) -> Maker:
    def make(kit: Kit, path: Path) -> None:
        from keras_models import lambda_model

        marker = path.parent / "LAMBDA_RAN"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # tf_keras: "HDF5 is a legacy format"
            lambda_model(framework, marker).save(path)
        marker.unlink()  # building the model ran the lambda once; the run must not run it

    return make


def unknown_custom_layer(kit: Kit, path: Path) -> None:
    from keras_models import custom_layer_model, forget_custom_object

    model, registered = custom_layer_model()
    model.save(path)
    forget_custom_object(registered)  # as in a fresh process without the training code


def nan_weights(kit: Kit, path: Path) -> None:
    """The run's model shape (so inputs are built and it predicts) with one NaN weight."""
    from jetx_diag.artifacts.keras_env import import_keras
    from jetx_diag.demo.model import build_model

    import_keras().utils.set_random_seed(7)
    model = build_model(kit.n_features, size="small")
    layer = model.get_layer("threshold")
    kernel, bias = layer.get_weights()
    kernel[0, 0] = np.nan
    layer.set_weights([kernel, bias])
    model.save(path)


def five_scores(kit: Kit, path: Path) -> None:
    from keras_models import keras_module

    k = keras_module("keras3")
    features = k.Input((kit.n_features,), name="features")
    k.Model(features, k.layers.Dense(5, name="scores")(features)).save(path)


def keras_zip_truncated(kit: Kit, path: Path) -> None:
    from keras_models import small_model

    whole = path.with_name("whole.keras")
    small_model().save(whole)
    data = whole.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def deeply_nested_config(kit: Kit, path: Path) -> None:
    """The run's checkpoint whose model_config is a JSON array 100 000 levels deep."""
    import h5py

    shutil.copyfile(kit.run.checkpoint, path)
    with h5py.File(path, "a") as handle:
        handle.attrs["model_config"] = "[" * 100_000 + "]" * 100_000


LFS_POINTER = (
    "version https://git-lfs.github.com/spec/v1\n"
    "oid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\n"
    "size 12345678\n"
)


def scaler_copy(kit: Kit, path: Path) -> None:
    shutil.copyfile(kit.run.scaler, path)


def empty_folder(kit: Kit, path: Path) -> None:
    path.mkdir()


# --------------------------------------------------------------------------- scalers


class _Payload:
    """Unpickling this calls os.system, which would create the marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[Any, ...]:
        return (os.system, (f"touch '{self.marker}'",))


def payload_pickle(kit: Kit, path: Path) -> None:
    path.write_bytes(pickle.dumps(_Payload(path.parent / "PAYLOAD_RAN")))


def payload_joblib_zlib(kit: Kit, path: Path) -> None:
    joblib.dump(_Payload(path.parent / "PAYLOAD_RAN"), path, compress=3)


def payload_inside_scaler(kit: Kit, path: Path) -> None:
    """A real fitted scaler whose pickle also carries the payload as an attribute."""
    from sklearn.preprocessing import StandardScaler

    scaler = StandardScaler().fit(np.arange(2.0 * kit.n_features).reshape(2, -1))
    scaler.note = _Payload(path.parent / "PAYLOAD_RAN")  # type: ignore[attr-defined]
    joblib.dump(scaler, path)


def unfitted_scaler(kit: Kit, path: Path) -> None:
    from sklearn.preprocessing import StandardScaler

    joblib.dump(StandardScaler(), path)


def nan_statistics(kit: Kit, path: Path) -> None:
    scaler = joblib.load(kit.run.scaler)
    scaler.mean_[2] = np.nan
    joblib.dump(scaler, path)


def narrow_scaler(kit: Kit, path: Path) -> None:
    from sklearn.preprocessing import StandardScaler

    joblib.dump(StandardScaler().fit(np.arange(6.0).reshape(2, 3)), path)


def not_a_transformer(kit: Kit, path: Path) -> None:
    joblib.dump({"mean": [0.0, 1.0], "scale": [1.0, 2.0]}, path)


def truncated_scaler(size: int) -> Maker:
    return lambda kit, path: path.write_bytes(kit.run.scaler.read_bytes()[:size])


def skops_scaler(kit: Kit, path: Path) -> None:
    import skops.io

    skops.io.dump(joblib.load(kit.run.scaler), path)


def old_sklearn_scaler(kit: Kit, path: Path) -> None:
    """The run's scaler as scikit-learn 1.0.2 would have written it (the version is recorded
    in the pickle by ``BaseEstimator.__getstate__``)."""
    scaler = joblib.load(kit.run.scaler)
    with mock.patch("sklearn.base.__version__", "1.0.2"):
        joblib.dump(scaler, path)


# --------------------------------------------------------------------------- metadata

METRICS = '"metrics": {"threshold_accuracy": 0.648, "mae": 9.27}'

# --------------------------------------------------------------------------- histories


def csv_rows(
    values: np.ndarray, inserts: dict[int, str] | None = None, header: str = "id,value"
) -> str:
    """``id,value`` lines for ``values`` with ``inserts[i]`` (a raw cell) put before value i;
    ids run 1, 2, … in line order, so inserted rows take ids like any other row."""
    inserts = inserts or {}
    cells: list[str] = []
    for index, value in enumerate(values.tolist()):
        if index in inserts:
            cells.append(inserts[index])
        cells.append(repr(value))
    lines = [header, *(f"{number},{cell}" for number, cell in enumerate(cells, start=1))]
    return "\n".join(lines) + "\n"


def history_csv(inserts: dict[int, str], header: str = "id,value") -> Maker:
    return lambda kit, path: path.write_text(
        csv_rows(kit.run.values, inserts, header), encoding="utf-8"
    )


def history_lines(transform: Callable[[list[str]], list[str]]) -> Maker:
    """The clean history as CSV lines (header first), changed by ``transform``."""

    def make(kit: Kit, path: Path) -> None:
        lines = csv_rows(kit.run.values).splitlines()
        path.write_text("\n".join(transform(lines)) + "\n", encoding="utf-8")

    return make


def swap_lines(lines: list[str]) -> list[str]:
    """Ids 10 and 11 swapped, id 300 stored after id 500: two rows follow a larger id."""
    lines[10], lines[11] = lines[11], lines[10]
    late = lines.pop(300)
    lines.insert(500, late)
    return lines


def id_gap(lines: list[str]) -> list[str]:
    """Ids 451… become 461…: ten ids are missing, no round is."""
    shifted = [f"{int(n) + 10},{v}" for n, v in (line.split(",") for line in lines[451:])]
    return [*lines[:451], *shifted]


def blank_lines(lines: list[str]) -> list[str]:
    return [*lines[:5], "", *lines[5:100], "   ", "", *lines[100:]]


def extra_field(lines: list[str]) -> list[str]:
    lines[42] += ",oops"  # file line 43
    return lines


def missing_field(lines: list[str]) -> list[str]:
    lines[99] = lines[99].split(",")[0]  # file line 100: the id only
    return lines


def semicolons(lines: list[str]) -> list[str]:
    return [line.replace(",", ";") for line in lines]


def invalid_utf8_offset(kit: Kit) -> int:
    """Where :func:`invalid_utf8` puts its bad byte: after line 101 and ``101,1.5``."""
    lines = csv_rows(kit.run.values).encode("utf-8").split(b"\n")
    return sum(len(line) + 1 for line in lines[:101]) + len(b"101,1.5")


def invalid_utf8(kit: Kit, path: Path) -> None:
    lines = csv_rows(kit.run.values).encode("utf-8").split(b"\n")
    lines.insert(101, b"101,1.5\xff")  # Latin-1 text pasted into a UTF-8 file
    path.write_bytes(b"\n".join(lines))


def utf8_bom_crlf(kit: Kit, path: Path) -> None:
    path.write_bytes(b"\xef\xbb\xbf" + csv_rows(kit.run.values).replace("\n", "\r\n").encode())


def utf16(kit: Kit, path: Path) -> None:
    path.write_bytes(csv_rows(kit.run.values).encode("utf-16"))


def nul_byte(kit: Kit, path: Path) -> None:
    path.write_bytes(csv_rows(kit.run.values).encode().replace(b"\n5,", b"\n5,\x00", 1))


def text_one_per_line(kit: Kit, path: Path) -> None:
    cells = [repr(v) for v in kit.run.values.tolist()]
    cells.insert(200, "1,5")  # a comma decimal
    path.write_text("\n".join(cells) + "\n", encoding="utf-8")


def few_rounds(count: int) -> Maker:
    return lambda kit, path: path.write_text(csv_rows(kit.run.values[:count]), encoding="utf-8")


def only_above_held_out(kit: Kit, path: Path) -> None:
    """The held-out rounds (the last 80) all reach 1.5: there is no 'below' round to score."""
    values = kit.run.values.copy()
    values[-HELD_OUT:] = np.maximum(values[-HELD_OUT:], 2.0)
    path.write_text(csv_rows(values), encoding="utf-8")


def sqlite_history(rows: list[tuple[Any, Any]], schema: str = "id INTEGER, value") -> Maker:
    def make(kit: Kit, path: Path) -> None:
        with sqlite3.connect(path) as connection:
            connection.execute(f"CREATE TABLE jetx_results ({schema})")
            connection.executemany("INSERT INTO jetx_results VALUES (?, ?)", rows)
        connection.close()

    return make


def sqlite_with(inserts: dict[int, Any], *, reverse: bool = False) -> Maker:
    """The clean rounds in a table without constraints, raw cells inserted before index i."""

    def make(kit: Kit, path: Path) -> None:
        cells: list[Any] = []
        for index, value in enumerate(kit.run.values.tolist()):
            if index in inserts:
                cells.append(inserts[index])
            cells.append(value)
        rows = list(enumerate(cells, start=1))
        sqlite_history(rows[::-1] if reverse else rows)(kit, path)

    return make


def sqlite_duplicates(kit: Kit, path: Path) -> None:
    rows: list[tuple[Any, Any]] = list(enumerate(kit.run.values.tolist(), start=1))
    rows.insert(600, (123, 55.0))  # a second row with id 123: the first one is kept
    rows.insert(700, (124, 0.5))  # a duplicate that is also below one: one reason only
    sqlite_history(rows)(kit, path)


def sqlite_other_table(kit: Kit, path: Path) -> None:
    sqlite_history([(1, 1.5)], schema="id INTEGER, crash REAL")(kit, path)
    with sqlite3.connect(path) as connection:
        connection.execute("ALTER TABLE jetx_results RENAME TO rounds")
    connection.close()


def sqlite_malformed(kit: Kit, path: Path) -> None:
    """The run's database with every page after the schema page overwritten."""
    data = bytearray(kit.run.history.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page:] = b"\x07" * (len(data) - page)
    path.write_bytes(bytes(data))


# --------------------------------------------------------------------------- other inputs


def predictions_args(kit: Kit, folder: Path, path: Path) -> list[str]:
    return ["report", "--predictions", str(path), "--output", str(folder / "out"), "--quiet"]


def predictions_file(transform: Callable[[list[str]], list[str]]) -> Builder:
    """The document's predictions as CSV, changed by ``transform``, through ``--predictions``."""

    def build(kit: Kit, folder: Path) -> list[str]:
        from jetx_diag.demo.example import document_predictions
        from jetx_diag.predictions import write_predictions_csv

        path = folder / "preds.csv"
        write_predictions_csv(path, document_predictions())
        lines = transform(path.read_text(encoding="utf-8").splitlines())
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        return predictions_args(kit, folder, path)

    return build


def replace_cell(line: int, column: int, cell: str) -> Callable[[list[str]], list[str]]:
    def transform(lines: list[str]) -> list[str]:
        cells = lines[line - 1].split(",")
        cells[column] = cell
        lines[line - 1] = ",".join(cells)
        return lines

    return transform


# --------------------------------------------------------------------------- the tables

Phrase = str | Callable[[Kit], str]


@dataclass(frozen=True)
class Refused:
    """An input the run must refuse: exit code, file name and key phrase in one stderr line."""

    id: str
    build: Builder
    code: ExitCode
    file: str
    phrase: Phrase
    not_created: tuple[str, ...] = ()  # files a payload (or a careless open) would create


@dataclass(frozen=True)
class Accepted:
    """A usable input: exit code and the exact row accounting from ``--json -``."""

    id: str
    build: Builder
    rows_read: int
    rows_used: int
    rejected: dict[str, int] = field(default_factory=dict)
    note: str | None = None  # a phrase one of the accounting notes must contain
    warning: str | None = None  # a phrase one of the evaluation's warnings must contain
    same_rounds: bool = True  # the usable rounds are the clean run's: same held-out calls
    held_out: int = HELD_OUT
    no_denominator: tuple[str, ...] = ()  # rates that must be n/a (0/0)
    code: ExitCode = ExitCode.TARGETS_MISSED


CSV = "history.csv"
INPUT, UNSAFE, USAGE = ExitCode.INPUT_ERROR, ExitCode.UNSAFE_INPUT, ExitCode.USAGE_ERROR


def _h5_truncated(kit: Kit) -> str:
    declared = f"{kit.run.checkpoint.stat().st_size:,}"
    return f"HDF5 file is truncated: its superblock records {declared} bytes, the file has 40,000"


REFUSED: list[Refused] = [
    # ---- checkpoints
    Refused(
        "checkpoint-hdf5-named-keras",
        swapped("checkpoint", "stage2_best.keras", copy_checkpoint),
        INPUT,
        "stage2_best.keras",
        "is an HDF5 file, but named .keras (a .keras model is a zip archive)",
    ),
    Refused(
        "checkpoint-truncated",
        swapped("checkpoint", "cut.h5", truncated_checkpoint),
        INPUT,
        "cut.h5",
        _h5_truncated,
    ),
    Refused(
        "checkpoint-empty", swapped("checkpoint", "empty.h5", raw(b"")), INPUT, "empty.h5",
        "is empty (0 bytes)",
    ),
    Refused(
        "checkpoint-html-page", swapped("checkpoint", "download.h5", html_page), INPUT,
        "download.h5", "is an HTML/XML page, not a model",
    ),
    Refused(
        "checkpoint-weights-only", swapped("checkpoint", "weights.h5", weights_only), INPUT,
        "weights.h5", "holds weights only (no model_config: written by save_weights)",
    ),
    Refused(
        "checkpoint-lambda-keras3",
        swapped("checkpoint", "lambda.keras", lambda_model_file("keras3")),
        UNSAFE,
        "lambda.keras",
        "layers that run Python code stored in the file: scale (Lambda)",
        not_created=("LAMBDA_RAN",),
    ),
    Refused(
        "checkpoint-lambda-tf-keras-h5",
        swapped("checkpoint", "lambda_tf.h5", lambda_model_file("tf_keras")),
        UNSAFE,
        "lambda_tf.h5",
        "layers that run Python code stored in the file: scale (Lambda)",
        not_created=("LAMBDA_RAN",),
    ),
    Refused(
        "checkpoint-unknown-custom-layer",
        swapped("checkpoint", "custom.keras", unknown_custom_layer),
        INPUT,
        "custom.keras",
        "uses a custom layer or function",
    ),
    Refused(
        "checkpoint-non-finite-output",
        swapped("checkpoint", "nan_weights.h5", nan_weights),
        INPUT,
        "nan_weights.h5",
        f"produced {PREDICTED} non-finite values on its 'threshold' output for finite inputs "
        f"({PREDICTED} rounds predicted)",
    ),
    Refused(
        "checkpoint-unexpected-outputs", swapped("checkpoint", "scores.keras", five_scores),
        INPUT, "scores.keras", "unexpected model outputs: scores (None, 5)",
    ),
    Refused(
        "checkpoint-keras-zip-truncated",
        swapped("checkpoint", "half.keras", keras_zip_truncated),
        INPUT,
        "half.keras",
        "zip archive is truncated or damaged",
    ),
    Refused(
        "checkpoint-deeply-nested-config",
        swapped("checkpoint", "deep.h5", deeply_nested_config),
        INPUT,
        "deep.h5",
        "the model config (model_config attribute) is nested too deeply to be a Keras model",
    ),
    Refused(
        "checkpoint-git-lfs-pointer", swapped("checkpoint", "pointer.h5", text(LFS_POINTER)),
        INPUT, "pointer.h5", "is a Git LFS pointer, not the model itself",
    ),
    Refused(
        "checkpoint-is-a-scaler", swapped("checkpoint", "model.h5", scaler_copy), INPUT,
        "model.h5", "is a joblib file, not a model file (pass a scaler with --scaler;",
    ),
    Refused(
        "checkpoint-folder-without-savedmodel", swapped("checkpoint", "export", empty_folder),
        INPUT, "export", "is a directory without saved_model.pb",
    ),
    Refused(
        "checkpoint-missing",
        lambda kit, folder: report_args(kit.run, folder, checkpoint=folder / "nope.h5"),
        INPUT,
        "nope.h5",
        "no such file or directory",
        not_created=("nope.h5",),
    ),
    # ---- scalers
    Refused(
        "scaler-pickle-os-system",
        swapped("scaler", "evil.pkl", payload_pickle),
        UNSAFE,
        "evil.pkl",
        f"refused to unpickle: it names {os.system.__module__}.system",
        not_created=("PAYLOAD_RAN",),
    ),
    Refused(
        "scaler-joblib-zlib-os-system",
        swapped("scaler", "evil.joblib", payload_joblib_zlib),
        UNSAFE,
        "evil.joblib",
        "outside the allow-list",
        not_created=("PAYLOAD_RAN",),
    ),
    Refused(
        "scaler-fitted-with-payload-attribute",
        swapped("scaler", "scaler_plus.pkl", payload_inside_scaler),
        UNSAFE,
        "scaler_plus.pkl",
        "nothing in the file was run",
        not_created=("PAYLOAD_RAN",),
    ),
    Refused(
        "scaler-unfitted", swapped("scaler", "unfitted.pkl", unfitted_scaler), INPUT,
        "unfitted.pkl", "the StandardScaler in it is not fitted",
    ),
    Refused(
        "scaler-nan-statistics", swapped("scaler", "nan_mean.pkl", nan_statistics), INPUT,
        "nan_mean.pkl", "StandardScaler.mean_ has 1 non-finite value (first at index 2: nan)",
    ),
    Refused(
        "scaler-width-mismatch",
        swapped("scaler", "narrow.pkl", narrow_scaler),
        INPUT,
        "narrow.pkl",
        lambda kit: (
            f"feature counts disagree: extractor {kit.n_features}, "
            f"model input {kit.n_features}, scaler 3"
        ),
    ),
    Refused(
        "scaler-not-a-transformer", swapped("scaler", "dict.pkl", not_a_transformer), INPUT,
        "dict.pkl", "holds a builtins.dict, not a scikit-learn transformer",
    ),
    Refused(
        "scaler-truncated-in-the-arrays",
        swapped("scaler", "cut.pkl", truncated_scaler(300)),
        INPUT,
        "cut.pkl",
        "the joblib stream is truncated (300 bytes)",
    ),
    Refused(
        "scaler-truncated-before-the-arrays",
        swapped("scaler", "cut.joblib", truncated_scaler(100)),
        INPUT,
        "cut.joblib",
        "the pickle stream is truncated (100 bytes)",
    ),
    Refused(
        "scaler-is-a-model", swapped("scaler", "scaler.pkl", copy_checkpoint), INPUT,
        "scaler.pkl", "is a Keras model (HDF5), not a scaler",
    ),
    # ---- metadata
    Refused(
        "metadata-nan",
        swapped("metadata", "info_nan.json", text('{"metrics": {"mae": NaN}}')),
        INPUT,
        "info_nan.json",
        "metrics.mae",
    ),
    Refused(
        "metadata-infinity",
        swapped("metadata", "info_inf.json", text('{"metrics": {"rmse": -Infinity}}')),
        INPUT,
        "info_inf.json",
        "metrics.rmse",
    ),
    Refused(
        "metadata-duplicate-key",
        swapped(
            "metadata",
            "info_dup.json",
            text('{"metrics": {"threshold_accuracy": 0.5, "threshold_accuracy": 0.9}}'),
        ),
        INPUT,
        "info_dup.json",
        "duplicate key 'metrics.threshold_accuracy'",
    ),
    Refused(
        "metadata-wrong-type",
        swapped("metadata", "info_type.json", text('{"metrics": {"mae": "9.27"}}')),
        INPUT,
        "info_type.json",
        "metrics.mae: expected a number",
    ),
    Refused(
        "metadata-not-an-object",
        swapped("metadata", "info_list.json", text("[1, 2]")),
        INPUT,
        "info_list.json",
        "top level: expected an object",
    ),
    Refused(
        "metadata-truncated",
        swapped("metadata", "info_cut.json", text("{" + METRICS[:30])),
        INPUT,
        "info_cut.json",
        "is not valid JSON: Unterminated string",
    ),
    Refused(
        "metadata-deeply-nested",
        swapped("metadata", "info_deep.json", text('{"a": ' + "[" * 99_999 + "]" * 99_999 + "}")),
        INPUT,
        "info_deep.json",
        "is nested too deeply to be run metadata",
    ),
    Refused(
        "metadata-empty", swapped("metadata", "info_empty.json", raw(b"")), INPUT,
        "info_empty.json", "is empty (0 bytes)",
    ),
    # ---- SQLite
    Refused(
        "sqlite-missing",
        lambda kit, folder: report_args(kit.run, folder, data=folder / "rounds.db"),
        INPUT,
        "rounds.db",
        "file not found",
        not_created=("rounds.db",),
    ),
    Refused(
        "sqlite-not-a-database", swapped("data", "rounds.db", text("id,value\n1,1.5\n")), INPUT,
        "rounds.db", "not a SQLite database (it starts with b'id,value\\n1,1.5\\n')",
    ),
    Refused(
        "sqlite-malformed", swapped("data", "broken.db", sqlite_malformed), INPUT, "broken.db",
        "malformed SQLite database: database disk image is malformed",
    ),
    Refused(
        "sqlite-header-then-garbage",
        swapped("data", "garbage.sqlite", raw(b"SQLite format 3\x00" + b"\xff" * 2000)),
        INPUT,
        "garbage.sqlite",
        "SQLite database",
    ),
    Refused(
        "sqlite-missing-table", swapped("data", "other.db", sqlite_other_table), INPUT,
        "other.db", "no table 'jetx_results' (tables: rounds)",
    ),
    Refused(
        "sqlite-missing-column",
        swapped("data", "nocol.db", sqlite_history([(1, 1.5)], schema="id INTEGER, crash")),
        INPUT,
        "nocol.db",
        "table 'jetx_results' has no column 'value' (columns: id, crash)",
    ),
    Refused(
        "sqlite-empty-table",
        swapped("data", "empty.db", sqlite_history([], schema="id INTEGER PRIMARY KEY, value")),
        INPUT,
        "empty.db",
        "table 'jetx_results' is empty",
    ),
    Refused(
        "sqlite-every-row-rejected",
        swapped("data", "bad.db", sqlite_history([(1, "abc"), (2, 0.5), (3, None)])),
        INPUT,
        "bad.db",
        "no usable rounds: all 3 rows rejected (1 below_one, 1 not_a_number, 1 null; "
        "first: id 1 'abc' (not_a_number))",
    ),
    # ---- CSV and text
    Refused(
        "csv-wrong-header",
        swapped("data", CSV, history_csv({}, header="round,multiplier")),
        INPUT,
        CSV,
        "no 'value' column in the header on line 1 (columns: round, multiplier)",
    ),
    Refused(
        "csv-no-header", swapped("data", CSV, history_lines(lambda lines: lines[1:])), INPUT,
        CSV, lambda kit: f"no header line: line 1 '1,{kit.run.values.tolist()[0]!r}' holds data",
    ),
    Refused(
        "csv-extra-field", swapped("data", CSV, history_lines(extra_field)), INPUT, CSV,
        "line 43: 3 fields where the header has 2 (extra fields)",
    ),
    Refused(
        "csv-missing-field", swapped("data", CSV, history_lines(missing_field)), INPUT, CSV,
        "line 100: 1 fields where the header has 2 (missing fields)",
    ),
    Refused(
        "csv-invalid-utf8",
        swapped("data", CSV, invalid_utf8),
        INPUT,
        CSV,
        lambda kit: f"invalid UTF-8 at byte {invalid_utf8_offset(kit)} (line 102): b'\\xff\\n",
    ),
    Refused(
        "csv-utf16", swapped("data", CSV, utf16), INPUT, CSV,
        "not a history: this is UTF-16 text (save it as UTF-8)",
    ),
    Refused(
        "csv-nul-byte", swapped("data", CSV, nul_byte), INPUT, CSV, "binary content (NUL byte",
    ),
    Refused(
        "csv-semicolons", swapped("data", CSV, history_lines(semicolons)), INPUT, CSV,
        "the header 'id;value' is separated by ';': only comma-separated CSV is read",
    ),
    Refused(
        "csv-newline-in-file-name",
        swapped("data", "my\nrounds.csv", history_csv({}, header="round,multiplier")),
        INPUT,
        "my rounds.csv",  # the message stays one line
        "no 'value' column",
    ),
    Refused(
        "data-is-a-checkpoint",
        lambda kit, folder: report_args(kit.run, folder, data=kit.run.checkpoint),
        INPUT,
        "stage2_best.h5",
        "not a history: this is an HDF5 file",
    ),
    Refused(
        "data-is-a-folder", swapped("data", "rounds", empty_folder), INPUT, "rounds",
        "is a directory, not a history file",
    ),
    # ---- values, rounds and limits
    Refused(
        "rounds-too-few-for-longest-window", swapped("data", CSV, few_rounds(450)), INPUT, CSV,
        "450 usable rounds, but the model needs 500 rounds of history before the first round",
    ),
    Refused(
        "rounds-exactly-the-window", swapped("data", CSV, few_rounds(500)), INPUT, CSV,
        "500 usable rounds, but the model needs 500",
    ),
    Refused(
        "strict-one-rejected-row",
        swapped("data", CSV, history_csv({7: "1_000"}), "--strict"),
        INPUT,
        CSV,
        "1 of 901 rows rejected (1 not_a_number; first: line 9 (id 8) '1_000' (not_a_number))",
    ),
    Refused(
        "max-rejected-exceeded",
        swapped("data", CSV, history_csv({7: "0x10", 8: "0.99"}), "--max-rejected", "0.001"),
        INPUT,
        CSV,
        "0.22% (2/902) of rows rejected, more than the allowed 0.1%",
    ),
    Refused(
        "max-rejected-zero-allows-none",
        swapped("data", CSV, history_csv({7: "Infinity"}), "--max-rejected", "0"),
        INPUT,
        CSV,
        "0.11% (1/901) of rows rejected, more than the allowed 0%",
    ),
    Refused(
        "max-rejected-out-of-range", with_options("--max-rejected", "5"), USAGE,
        "--max-rejected", "is a share within [0, 1], got 5.0",
    ),
    Refused(
        "test-from-id-past-the-end", with_options("--test-from-id", "5000"), USAGE,
        "--test-from-id", "is past the last round id 900",
    ),
    # ---- the other ways in: predictions CSV, precomputed inputs, configuration
    Refused(
        "predictions-underscore-digits",
        predictions_file(replace_cell(5, 1, "1_000")),
        INPUT,
        "preds.csv",
        "line 5: actual '1_000' is not a number",
    ),
    Refused(
        "predictions-p-above-out-of-range",
        predictions_file(replace_cell(3, 2, "1.2")),
        INPUT,
        "preds.csv",
        "line 3: p_above outside [0, 1]",
    ),
    Refused(
        "predictions-repeated-round-id",
        predictions_file(replace_cell(4, 0, "1")),
        INPUT,
        "preds.csv",
        "line 4: round_id 1 appears more than once",
    ),
    Refused(
        "predictions-fractional-round-id",
        predictions_file(replace_cell(7, 0, "6.5")),
        INPUT,
        "preds.csv",
        "line 7: round_id 6.5 is not a whole number",
    ),
    Refused(
        "predictions-and-checkpoint",
        lambda kit, folder: [*report_args(kit.run, folder), "--predictions", "preds.csv"],
        USAGE,
        "--predictions",
        "give either a CHECKPOINT or --predictions, not both",
    ),
    Refused(
        "inputs-npz-is-text",
        given("--inputs", "inputs.npz", text("features,seq50\n")),
        INPUT,
        "inputs.npz",
        "not a readable .npz file",
    ),
    Refused(
        "config-unknown-key",
        given("--config", "setup.cfg", text("[jetx_diag]\nthreshhold = 1.5\n")),
        USAGE,
        "setup.cfg",
        "unknown key 'threshhold' in the jetx_diag section",
    ),
]  # fmt: skip

ACCEPTED: list[Accepted] = [
    Accepted("clean-sqlite-strict", with_options("--strict"), 900, 900),
    Accepted(
        "checkpoint-upper-case-suffix", swapped("checkpoint", "MODEL.H5", copy_checkpoint),
        900, 900,
    ),
    Accepted(
        "checkpoint-without-suffix", swapped("checkpoint", "model", copy_checkpoint), 900, 900
    ),
    Accepted("scaler-skops", swapped("scaler", "scaler.skops", skops_scaler), 900, 900),
    Accepted(
        "scaler-from-older-scikit-learn",
        swapped("scaler", "old.pkl", old_sklearn_scaler),
        900,
        900,
        warning="StandardScaler was saved by scikit-learn 1.0.2 and is loaded with",
    ),
    Accepted(
        "metadata-with-bom",
        swapped("metadata", "info_bom.json", raw(b"\xef\xbb\xbf{" + METRICS.encode() + b"}")),
        900,
        900,
    ),
    Accepted(
        "value-underscore-digits", swapped("data", CSV, history_csv({7: "1_000"})), 901, 900,
        {"not_a_number": 1},
    ),
    Accepted(
        "value-full-width-digits", swapped("data", CSV, history_csv({7: "１．５"})), 901, 900,
        {"not_a_number": 1},
    ),
    Accepted(
        "value-hex", swapped("data", CSV, history_csv({7: "0x10"})), 901, 900,
        {"not_a_number": 1},
    ),
    Accepted(
        "value-infinity-nan-overflow",
        swapped("data", CSV, history_csv({7: "Infinity", 50: "nan", 51: "1e999"})),
        903, 900, {"not_finite": 3},
    ),
    Accepted(
        "value-below-one",
        swapped("data", CSV, history_csv({7: "0.99", 8: "0", 9: "-2.5", 10: "0." + "9" * 17})),
        904, 900, {"below_one": 4},
    ),
    Accepted(
        "value-empty-and-text",
        swapped("data", CSV, history_csv({7: "", 8: "  ", 9: "crashed"})),
        903, 900, {"empty": 2, "not_a_number": 1},
    ),
    Accepted(
        "value-u2028-inside-a-cell",
        swapped("data", CSV, history_csv({7: '"1.5\u20282.25"'})),
        901, 900, {"several_numbers": 1},
    ),
    Accepted(
        "value-newline-inside-a-quoted-cell",
        swapped("data", CSV, history_csv({7: '"1.5\n2.25"'})),
        901, 900, {"several_numbers": 1},
    ),
    Accepted(
        "max-rejected-allows-two",
        swapped("data", CSV, history_csv({7: "0x10", 8: "0.99"}), "--max-rejected", "0.01"),
        902, 900, {"not_a_number": 1, "below_one": 1},
    ),
    Accepted(
        "max-rejected-exactly-the-share",
        swapped("data", CSV, history_csv({7: "0x10"}), "--max-rejected", repr(1 / 901)),
        901, 900, {"not_a_number": 1},
    ),
    Accepted(
        "csv-blank-lines", swapped("data", CSV, history_lines(blank_lines)), 900, 900,
        note="3 blank lines skipped (lines 6, 102, 103)",
    ),
    Accepted("csv-bom-and-crlf", swapped("data", CSV, utf8_bom_crlf), 900, 900),
    Accepted(
        "csv-duplicate-id",
        swapped("data", CSV, history_lines(lambda lines: [*lines, "123,55.0"])),
        901, 900, {"duplicate_id": 1},
    ),
    Accepted(
        "csv-bad-id",
        swapped("data", CSV, history_lines(lambda lines: [*lines[:20], "x7,2.0", *lines[20:]])),
        901, 900, {"bad_id": 1},
    ),
    Accepted(
        "csv-out-of-order-ids", swapped("data", CSV, history_lines(swap_lines)), 900, 900,
        note="2 rows stored out of id order (processed in id order)",
    ),
    Accepted(
        "csv-id-gap", swapped("data", CSV, history_lines(id_gap)), 900, 900,
        note="10 ids missing between 450 and 461",
    ),
    Accepted(
        "text-one-value-per-line", swapped("data", "rounds.txt", text_one_per_line), 901, 900,
        {"not_a_number": 1},
    ),
    Accepted(
        "sqlite-null-text-below-one-blob",
        swapped("data", "mixed.db", sqlite_with({5: None, 6: "abc", 7: 0.5, 8: b"\x01"})),
        904, 900, {"null": 1, "not_a_number": 2, "below_one": 1},
    ),
    Accepted(
        "sqlite-text-that-is-a-number",
        swapped("data", "text.db", sqlite_with({8: "2.5"})),
        901, 901,
        note="1 text cell held a valid number: used",
        same_rounds=False,  # "2.5" is a real round: 401 samples, 81 of them held out
        held_out=81,
    ),
    Accepted(
        "sqlite-duplicate-ids", swapped("data", "dups.db", sqlite_duplicates), 902, 900,
        {"duplicate_id": 2},
    ),
    Accepted(
        "sqlite-rows-stored-in-reverse",
        swapped("data", "reversed.db", sqlite_with({}, reverse=True)),
        900, 900,
        note="899 rows stored out of id order (processed in id order)",
    ),
    Accepted(
        "held-out-without-below-rounds", swapped("data", CSV, only_above_held_out), 900, 900,
        same_rounds=False, no_denominator=("below_accuracy", "money_loss_risk"),
    ),
    Accepted(
        "above-never-called", with_options("--cutoff", "1"), 900, 900,
        no_denominator=("bets_lost_share",),
    ),
    Accepted(
        "two-held-out-rounds", swapped("data", CSV, few_rounds(510)), 510, 510,
        same_rounds=False, held_out=2,
    ),
    Accepted(
        "one-held-out-round", swapped("data", CSV, few_rounds(502)), 502, 502,
        same_rounds=False, held_out=1,
    ),
]  # fmt: skip


def _one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]


@pytest.mark.parametrize("case", REFUSED, ids=[case.id for case in REFUSED])
def test_refused(case: Refused, kit: Kit, tmp_path: Path, capfd, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # a payload with a relative path would land here
    args = case.build(kit, tmp_path)
    capfd.readouterr()  # building a Keras model may print; only the run's output counts
    code = run(args)
    captured = capfd.readouterr()
    assert code == case.code, captured.err
    assert "Traceback" not in captured.err
    line = _one_line(captured.err)
    assert line.startswith("jetx-diag: error: "), line
    assert case.file in line
    phrase = case.phrase if isinstance(case.phrase, str) else case.phrase(kit)
    assert phrase in line
    assert captured.out == ""
    for name in case.not_created:
        assert not (tmp_path / name).exists(), f"{name} exists: the input ran code or wrote"
    assert not (tmp_path / "out").exists()  # nothing that looks like a report


def _english_left(error: JetxDiagError, line: str) -> list[tuple[str, list[str]]]:
    """English words in a Turkish error line, once the data it quotes is taken out: file names,
    numbers, option names and other libraries' own messages."""
    for text in (error.path or "", *quoted_data(error.problem), *quoted_data(error.hint or "")):
        if text:
            line = line.replace(" ".join(text.splitlines()), " ")
    line = re.sub(r"--[\w-]+", " ", line)  # option names: --test-from-id
    # Array shapes are written as Python writes them: "(None, 1)".
    return english_in([re.sub(r"\((?:None|\d+)(?:, (?:None|\d+))*\)", " ", line)])


@pytest.mark.parametrize("case", REFUSED, ids=[case.id for case in REFUSED])
def test_refused_in_turkish(case: Refused, kit: Kit, tmp_path: Path, capfd, monkeypatch) -> None:
    """The same refusal under --lang tr: same exit code, one Turkish line naming the file."""
    monkeypatch.chdir(tmp_path)
    raised: list[JetxDiagError] = []
    shown = jetx_diag.cli.main.error_line
    monkeypatch.setattr(
        jetx_diag.cli.main, "error_line", lambda error: (raised.append(error), shown(error))[1]
    )
    args = [*case.build(kit, tmp_path), "--lang", "tr"]
    capfd.readouterr()
    code = run(args)
    captured = capfd.readouterr()
    assert code == case.code, captured.err
    line = _one_line(captured.err)
    assert line.startswith("jetx-diag: hata: "), line
    assert case.file in line
    assert _english_left(raised[0], line) == []


@pytest.mark.parametrize("case", ACCEPTED, ids=lambda case: case.id)
def test_accepted(case: Accepted, kit: Kit, tmp_path: Path, capfd) -> None:
    args = case.build(kit, tmp_path)
    capfd.readouterr()
    code = run([*args, "--json", "-"])
    captured = capfd.readouterr()
    assert code == case.code, captured.err
    assert captured.err == ""
    evaluation = json.loads(captured.out)["evaluation"]
    data = evaluation["data"]
    assert (data["rows_read"], data["rows_used"]) == (case.rows_read, case.rows_used)
    assert Counter(row["reason"] for row in data["rejected"]) == Counter(case.rejected)
    if case.note is not None:
        assert any(case.note in note for note in data["notes"]), data["notes"]
    if case.warning is not None:
        assert any(case.warning in w for w in evaluation["warnings"]), evaluation["warnings"]
    assert evaluation["split"]["test_samples"] == case.held_out
    baseline = kit.baseline["evaluation"]
    if case.same_rounds:
        assert evaluation["calls"]["actual"] == baseline["calls"]["actual"]
        assert evaluation["calls"]["p_above"] == baseline["calls"]["p_above"]
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    for name in case.no_denominator:
        assert evaluation["metrics"][name] == {"hits": 0, "total": 0}
        assert "n/a (0/0)" in report


def test_every_artifact_is_recorded_with_its_sha256(kit: Kit) -> None:
    artifacts = {a["role"]: a for a in kit.baseline["evaluation"]["artifacts"]}
    run_files = kit.run
    for role, path in [
        ("checkpoint", run_files.checkpoint),
        ("scaler", run_files.scaler),
        ("metadata", run_files.metadata),
        ("data", run_files.history),
    ]:
        assert artifacts[role]["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    import keras

    assert artifacts["checkpoint"]["details"]["saved_by"] == f"Keras {keras.__version__}"


def test_trust_code_is_the_only_way_a_lambda_runs(kit: Kit, tmp_path: Path, capfd) -> None:
    """The same Lambda model is refused, then loads and runs when the user trusts it."""
    from keras_models import keras_module

    marker = tmp_path / "LAMBDA_RAN"
    k = keras_module("keras3")
    touch = eval(f"lambda x: (__import__('pathlib').Path({str(marker)!r}).touch(), x * 2.0)[1]")
    features = k.Input((kit.n_features,), name="features")
    scaled = k.layers.Lambda(touch, name="scale")(features)
    k.Model(features, k.layers.Dense(1, "sigmoid", name="threshold")(scaled)).save(
        tmp_path / "lambda.keras"
    )
    marker.unlink()
    args = report_args(kit.run, tmp_path, checkpoint=tmp_path / "lambda.keras")
    assert run(args) == ExitCode.UNSAFE_INPUT
    assert "--trust-code" in capfd.readouterr().err
    assert not marker.exists()
    assert run([*args, "--trust-code"]) == ExitCode.TARGETS_MISSED
    assert capfd.readouterr().err == ""
    assert marker.exists()  # trusted, the file's code did run: that is what trust means
    assert (tmp_path / "out" / "report.md").is_file()
