"""Hostile inputs, second sweep: nothing runs, nothing is read from outside, nothing exits 5.

Table-driven through the real CLI, like ``test_bad_inputs``: one real training run (``kit``) is
shared, and each case derives one hostile file or option from it in its own folder. Payloads only
ever create a marker file in the case's folder; every case asserts the marker does not exist
afterwards, and the tests at the end show, with ``--trust-code``, that the payloads are real.
"""

from __future__ import annotations

import json
import pickle
import sqlite3
import struct
import sys
import warnings
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import h5py
import joblib
import numpy as np
import pytest
from hostile_savedmodels import BUILDERS
from test_bad_inputs import (  # the shared run and its builders
    HELD_OUT,
    Builder,
    Kit,
    Maker,
    _one_line,
    given,
    kit,
    predictions_args,
    raw,
    report_args,
    swapped,
    text,
    with_options,
)

from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run

pytestmark = pytest.mark.keras
_ = kit  # the module-scoped fixture, imported for pytest

INPUT, UNSAFE, USAGE = ExitCode.INPUT_ERROR, ExitCode.UNSAFE_INPUT, ExitCode.USAGE_ERROR


@dataclass(frozen=True)
class Case:
    """A hostile input: exit code, the file named and key phrases of the one stderr line."""

    id: str
    build: Builder
    code: ExitCode
    file: str
    phrases: tuple[str, ...]
    markers: tuple[str, ...] = ()  # no file in the case folder may start with these names


def phrases(*items: str) -> tuple[str, ...]:
    return items


# --------------------------------------------------------------------------- checkpoints


def savedmodel(name: str) -> Builder:
    def build(kit: Kit, folder: Path) -> list[str]:
        BUILDERS[name](folder)
        return report_args(kit.run, folder, checkpoint=folder / "model")

    return build


def savedmodel_fewer_rows(kit: Kit, folder: Path) -> list[str]:
    from hostile_savedmodels import fewer_rows

    return report_args(kit.run, folder, checkpoint=fewer_rows(folder, kit.n_features))


def _legacy_h5(kit: Kit, path: Path) -> None:
    """The run's Keras model saved by tf_keras as a legacy HDF5 file (its weights as datasets)."""
    from keras_models import keras_module

    k = keras_module("tf_keras")
    k.utils.set_random_seed(3)
    features = k.Input((kit.n_features,), name="features")
    hidden = k.layers.Dense(8, activation="relu", name="hidden")(features)
    output = k.layers.Dense(1, activation="sigmoid", name="threshold")(hidden)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        k.Model(features, output).save(path)


def _kernel_path(handle: Any) -> str:
    found: list[str] = []
    handle.visititems(lambda name, obj: found.append(name) if "kernel" in name else None)
    return found[0]


def h5_external_storage(kit: Kit, path: Path) -> None:
    """A weight dataset whose bytes live in a file outside the checkpoint (HDF5 external
    storage): h5py reads it from there, as tf_keras would."""
    _legacy_h5(kit, path)
    outside = path.parent / "outside_weights.bin"
    with h5py.File(path, "a") as handle:
        name = _kernel_path(handle)
        values = handle[name][()]
        outside.write_bytes(np.full_like(values, 7.0).tobytes())
        del handle[name]
        handle.create_dataset(
            name,
            shape=values.shape,
            dtype=values.dtype,
            external=[(str(outside), 0, values.nbytes)],
        )
    with h5py.File(path, "r") as handle:  # the construction is real: values come from outside
        assert np.all(handle[name][()] == 7.0)


def h5_link(kind: str) -> Maker:
    def make(kit: Kit, path: Path) -> None:
        _legacy_h5(kit, path)
        with h5py.File(path, "a") as handle:
            name = _kernel_path(handle)
            values = handle[name][()]
            del handle[name]
            if kind == "soft":
                handle["elsewhere"] = values
                handle[name] = h5py.SoftLink("/elsewhere")
            elif kind == "external":
                other = path.parent / "other.h5"
                with h5py.File(other, "w") as target:
                    target["kernel"] = values
                handle[name] = h5py.ExternalLink(str(other), "/kernel")
            else:  # virtual
                source = path.parent / "source.h5"
                with h5py.File(source, "w") as target:
                    target["kernel"] = values
                layout = h5py.VirtualLayout(shape=values.shape, dtype=values.dtype)
                layout[...] = h5py.VirtualSource(str(source), "kernel", shape=values.shape)
                handle.create_virtual_dataset(name, layout)

    return make


def foreign_module_config(kit: Kit, path: Path) -> None:
    """A tf_keras-only model (a TFOpLambda layer) whose Dense initializer names a module that
    sits beside the checkpoint: tf_keras would import it, running its code."""
    from keras_models import tf_op_model

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tf_op_model().save(path)
    (path.parent / "evil_layers.py").write_text(
        "from pathlib import Path\nPath(__file__).with_name('IMPORTED').touch()\n"
        "class Init:\n    pass\n",
        encoding="utf-8",
    )
    with h5py.File(path, "a") as handle:
        config = json.loads(handle.attrs["model_config"])
        dense = next(lay for lay in config["config"]["layers"] if lay["class_name"] == "Dense")
        dense["config"]["kernel_initializer"] = {
            "module": "evil_layers",
            "class_name": "Init",
            "config": {},
            "registered_name": "Init",
        }
        handle.attrs["model_config"] = json.dumps(config)


# A lambda with a side effect, defined in a file (Keras reads its source to save it), as a user
# might have written one; it touches a marker in the current folder when it runs.
_TOUCH = lambda x: (Path("ACTIVATION_RAN").touch(), x)[1]  # noqa: E731


def lambda_activation(framework: str) -> Maker:
    def make(kit: Kit, path: Path) -> None:
        from keras_models import keras_module

        k = keras_module(framework)
        features = k.Input((kit.n_features,), name="features")
        output = k.layers.Dense(1, activation=_TOUCH, name="threshold")(features)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            k.Model(features, output).save(path)
        Path("ACTIVATION_RAN").unlink(missing_ok=True)  # building the model ran it once

    return make


def _small_keras(path: Path) -> None:
    from keras_models import small_model

    small_model().save(path)


def keras_config_bomb(kit: Kit, path: Path) -> None:
    """A .keras archive whose config.json inflates to 100 MiB from about 100 KiB."""
    real = path.with_name("real.keras")
    _small_keras(real)
    with zipfile.ZipFile(real) as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for info in source.infolist():
            if info.filename == "config.json":
                with out.open("config.json", "w", force_zip64=True) as member:
                    chunk = b" " * (1 << 20)
                    for _ in range(100):
                        member.write(chunk)
            else:
                out.writestr(info, source.read(info))
    assert path.stat().st_size < 2 * 1024 * 1024


def _patch_zip(path: Path, member: str, *, flags: int | None = None, method: int | None = None):
    """Set a member's flag bits or compression method in both of its headers."""
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(path) as archive:
        info = archive.getinfo(member)
    local = info.header_offset
    central = -1
    position = data.find(b"PK\x01\x02")
    while position >= 0:
        name_length = struct.unpack_from("<H", data, position + 28)[0]
        if data[position + 46 : position + 46 + name_length] == member.encode():
            central = position
            break
        position = data.find(b"PK\x01\x02", position + 4)
    assert central >= 0
    if flags is not None:
        struct.pack_into("<H", data, local + 6, flags)
        struct.pack_into("<H", data, central + 8, flags)
    if method is not None:
        struct.pack_into("<H", data, local + 8, method)
        struct.pack_into("<H", data, central + 10, method)
    path.write_bytes(bytes(data))


def keras_member(flags: int | None = None, method: int | None = None) -> Maker:
    def make(kit: Kit, path: Path) -> None:
        _small_keras(path)
        _patch_zip(path, "model.weights.h5", flags=flags, method=method)

    return make


# --------------------------------------------------------------------------- scalers


def _fitted(kit: Kit) -> Any:
    return joblib.load(kit.run.scaler)  # the run's own file, written by this test: trusted


def scaler_edited(**attributes: Any) -> Maker:
    def make(kit: Kit, path: Path) -> None:
        scaler = _fitted(kit)
        for name, value in attributes.items():
            value = value(kit, scaler) if callable(value) else value
            setattr(scaler, name, value)
        joblib.dump(scaler, path)

    return make


def function_transformer(kit: Kit, path: Path) -> None:
    from sklearn.preprocessing import FunctionTransformer

    transformer = FunctionTransformer(func=str).fit(np.zeros((2, kit.n_features)))
    joblib.dump(transformer, path)


class _Call:
    """Pickles as ``function(*arguments)``: names only allowed globals."""

    def __init__(self, function: Any, *arguments: Any) -> None:
        self.function, self.arguments = function, arguments

    def __reduce__(self) -> tuple[Any, ...]:
        return (self.function, self.arguments)


def allocation_bomb(function: Any, *arguments: Any) -> Maker:
    return lambda kit, path: path.write_bytes(pickle.dumps(_Call(function, *arguments), 2))


def reconstructor_bomb(kit: Kit, path: Path) -> None:
    import copyreg

    path.write_bytes(pickle.dumps(_Call(copyreg._reconstructor, bytearray, bytearray, 1 << 31)))


def protocol(number: int) -> Maker:
    return lambda kit, path: path.write_bytes(pickle.dumps(_fitted(kit), protocol=number))


# --------------------------------------------------------------------------- histories


def utf32(encoding: str) -> Maker:
    def make(kit: Kit, path: Path) -> None:
        lines = ["id,value", *(f"{i},{v}" for i, v in enumerate(kit.run.values.tolist(), 1))]
        path.write_bytes("\n".join(lines).encode(encoding))

    return make


def recursive_view(kit: Kit, path: Path) -> None:
    """A database whose rounds table is a view over a recursive query that never ends."""
    with sqlite3.connect(path) as connection:
        connection.execute(
            "CREATE VIEW jetx_results AS WITH RECURSIVE n(id, value) AS "
            "(SELECT 1, 2.0 UNION ALL SELECT id + 1, 2.0 FROM n) SELECT id, value FROM n"
        )
    connection.close()


def long_field_csv(kit: Kit, path: Path) -> None:
    lines = ["id,value", *(f"{i},{v}" for i, v in enumerate(kit.run.values.tolist(), 1))]
    lines[5] = '5,"' + "9" * 140_000 + '"'
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


# --------------------------------------------------------------------------- predictions and
# saved JSON


def _predictions(folder: Path) -> Path:
    from jetx_diag.demo.example import document_predictions
    from jetx_diag.predictions import write_predictions_csv

    path = folder / "preds.csv"
    write_predictions_csv(path, document_predictions())
    return path


def predictions_bytes(change: Callable[[bytes], bytes]) -> Builder:
    def build(kit: Kit, folder: Path) -> list[str]:
        path = _predictions(folder)
        path.write_bytes(change(path.read_bytes()))
        return predictions_args(kit, folder, path)

    return build


def _long_cell(data: bytes) -> bytes:
    lines = data.split(b"\n")
    cells = lines[3].split(b",")
    cells[1] = b'"' + b"1" * 140_000 + b'"'
    lines[3] = b",".join(cells)
    return b"\n".join(lines)


def baseline(change: Callable[[str], str]) -> Builder:
    """A predictions-file report checked against a saved evaluation that ``change`` altered."""

    def build(kit: Kit, folder: Path) -> list[str]:
        path = _predictions(folder)
        saved = folder / "saved.json"
        assert run(["report", "--predictions", str(path), "--json", str(saved), "-q",
                    "--format", ","]) in (0, 1)  # fmt: skip
        saved.write_text(change(saved.read_text(encoding="utf-8")), encoding="utf-8")
        return [*predictions_args(kit, folder, path), "--baseline", str(saved)]

    return build


def _edit(path: tuple[str, ...], value: Any) -> Callable[[str], str]:
    def change(text: str) -> str:
        document = json.loads(text)
        node = document
        for key in path[:-1]:
            node = node[key]
        node[path[-1]] = value
        return json.dumps(document)

    return change


def _raw_value(path: tuple[str, ...], literal: str) -> Callable[[str], str]:
    """Put a JSON literal Python's json module cannot write (1e400, 5000 digits) at ``path``."""

    def change(text: str) -> str:
        placeholder = "__PLACEHOLDER__"
        return _edit(path, placeholder)(text).replace(f'"{placeholder}"', literal)

    return change


# --------------------------------------------------------------------------- training logs


def history_log(content: str | bytes, name: str = "stage1_history.json") -> Builder:
    def build(kit: Kit, folder: Path) -> list[str]:
        path = folder / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
        return ["history", str(folder), "--stage", f"stage1={path}", "-o",
                str(folder / "out"), "-q"]  # fmt: skip

    return build


CSV_LOG = "epoch,loss,val_loss\n0,0.69,0.70\n1,0.68,0.69\n"


# --------------------------------------------------------------------------- config and code


def config_file(name: str, content: str, *extra: str, implicit: bool = False) -> Builder:
    def build(kit: Kit, folder: Path) -> list[str]:
        path = folder / name
        path.write_text(content, encoding="utf-8")
        args = report_args(kit.run, folder)
        return [*args, *extra] if implicit else [*args, "--config", str(path), *extra]

    return build


def extractor(module: str, source: str) -> Builder:
    """The run with ``--features module:extract`` for a module written in the case folder
    (the runner puts the folder on ``sys.path``)."""

    def build(kit: Kit, folder: Path) -> list[str]:
        (folder / f"{module}.py").write_text(source, encoding="utf-8")
        args = report_args(kit.run, folder)
        args[args.index("--features") + 1] = f"{module}:extract"
        return args

    return build


DEMO = "from jetx_diag.demo.features import extract_features\n"


# --------------------------------------------------------------------------- the table

CASES: list[Case] = [
    # ---- SavedModels: every function checked before anything loads
    Case("savedmodel-load-time-initializer-writes",
         savedmodel("load-time-initializer-writes"), UNSAFE, "model",
         phrases("outside the allow-list of model math", "WriteFile", "__initializer"),
         ("INIT_RAN",)),
    Case("savedmodel-signature-def-points-at-benign-function",
         savedmodel("signature-def-points-at-benign-function"), UNSAFE, "model",
         phrases("WriteFile", "writer"), ("SIGNATURE_RAN",)),
    Case("savedmodel-dataset-to-tfrecord", savedmodel("dataset-to-tfrecord"), UNSAFE, "model",
         phrases("DatasetToTFRecord",), ("TFRECORD_WRITTEN",)),
    Case("savedmodel-cache-dataset", savedmodel("cache-dataset"), UNSAFE, "model",
         phrases("CacheDatasetV2",), ("CACHE_WRITTEN",)),
    Case("savedmodel-snapshot-dataset", savedmodel("snapshot-dataset"), UNSAFE, "model",
         phrases("SnapshotDatasetV2",), ("SNAPSHOT_WRITTEN",)),
    Case("savedmodel-table-from-text-file", savedmodel("table-from-text-file"), UNSAFE, "model",
         phrases("InitializeTableFromTextFileV2", "HashTableV2"), ("TABLE_READ",)),
    # Features only, no window: 899 samples after the first round, the last 20% = 180 held out,
    # asked about in one call with the 143 validation rows before them.
    Case("savedmodel-returns-fewer-rows", savedmodel_fewer_rows, INPUT, "model",
         phrases("the model returned 35 rows on its 'threshold' output for 323 rounds",)),
    # ---- HDF5: nothing read from outside the file, no fallback after a refusal
    Case("h5-external-storage", swapped("checkpoint", "ext.h5", h5_external_storage), UNSAFE,
         "ext.h5", phrases("refers to data outside itself", "outside_weights.bin")),
    Case("h5-external-link", swapped("checkpoint", "xlink.h5", h5_link("external")), UNSAFE,
         "xlink.h5", phrases("is an external link to", "other.h5")),
    Case("h5-soft-link", swapped("checkpoint", "soft.h5", h5_link("soft")), UNSAFE, "soft.h5",
         phrases("is a soft link to /elsewhere",)),
    Case("h5-virtual-dataset", swapped("checkpoint", "vds.h5", h5_link("virtual")), UNSAFE,
         "vds.h5", phrases("is a virtual dataset",)),
    Case("h5-tf-keras-config-names-a-local-module",
         swapped("checkpoint", "op.h5", foreign_module_config), UNSAFE, "op.h5",
         phrases("classes outside Keras", "evil_layers.Init"), ("IMPORTED",)),
    Case("h5-lambda-activation-keras3",
         swapped("checkpoint", "act.h5", lambda_activation("keras3")), UNSAFE, "act.h5",
         phrases("threshold (Python function bytecode in activation)", "--trust-code"),
         ("ACTIVATION_RAN",)),
    Case("h5-lambda-activation-tf-keras",
         swapped("checkpoint", "act_tf.h5", lambda_activation("tf_keras")), UNSAFE,
         "act_tf.h5", phrases("Python function bytecode in activation",), ("ACTIVATION_RAN",)),
    Case("keras-lambda-activation",
         swapped("checkpoint", "act.keras", lambda_activation("keras3")), UNSAFE, "act.keras",
         phrases("Python function bytecode in activation",), ("ACTIVATION_RAN",)),
    # ---- .keras archives: sizes and methods checked before a byte is inflated
    Case("keras-config-json-inflates-to-100-mib",
         swapped("checkpoint", "bomb.keras", keras_config_bomb), INPUT, "bomb.keras",
         phrases("zip member config.json would inflate to 104,857,600 bytes",)),
    Case("keras-encrypted-member", swapped("checkpoint", "enc.keras", keras_member(flags=1)),
         INPUT, "enc.keras", phrases("zip member 'model.weights.h5' is encrypted",)),
    Case("keras-deflate64-member", swapped("checkpoint", "d64.keras", keras_member(method=9)),
         INPUT, "d64.keras", phrases("is compressed with deflate64, which cannot be read",)),
    Case("keras-unknown-compression-method",
         swapped("checkpoint", "m99.keras", keras_member(method=77)), INPUT, "m99.keras",
         phrases("compressed with method 77",)),
    # ---- scalers
    Case("scaler-n-features-in-is-text",
         swapped("scaler", "text_n.pkl", scaler_edited(n_features_in_="eight")), INPUT,
         "text_n.pkl", phrases("StandardScaler.n_features_in_ is 'eight'",)),
    Case("scaler-statistics-shorter-than-features",
         swapped("scaler", "short.pkl", scaler_edited(mean_=lambda k, s: s.mean_[:3])), INPUT,
         "short.pkl", phrases("StandardScaler.mean_ holds 3 values for",)),
    Case("scaler-feature-names-is-an-int",
         swapped("scaler", "names.pkl", scaler_edited(feature_names_in_=5)), INPUT, "names.pkl",
         phrases("feature_names_in_ is 5, not a list of names",)),
    Case("scaler-statistics-are-text",
         swapped("scaler", "words.pkl", scaler_edited(scale_=lambda k, s: ["x"] * k.n_features)),
         INPUT, "words.pkl", phrases("StandardScaler.scale_ is ['x'",)),
    Case("scaler-function-transformer-str",
         swapped("scaler", "func.pkl", function_transformer), INPUT, "func.pkl",
         phrases("the scaler cannot transform the",)),
    Case("scaler-overflows-float32",
         swapped("scaler", "tiny.pkl", scaler_edited(scale_=lambda k, s: s.scale_ * 1e-300)),
         INPUT, "tiny.pkl", phrases("values too large for float32",)),
    Case("scaler-bytearray-1-5-gb", swapped("scaler", "ba.pkl",
         allocation_bomb(bytearray, 1_500_000_000)), UNSAFE, "ba.pkl",
         phrases("calls builtins.bytearray with a size of 1,500,000,000",)),
    Case("scaler-bytes-bomb", swapped("scaler", "b.pkl", allocation_bomb(bytes, 1 << 31)),
         UNSAFE, "b.pkl", phrases("with a size of 2,147,483,648",)),
    Case("scaler-ndarray-shape-bomb",
         swapped("scaler", "nd.pkl", allocation_bomb(np.ndarray, (1 << 20, 1 << 20))), UNSAFE,
         "nd.pkl", phrases("numpy.ndarray with a size of 1,099,511,627,776",)),
    Case("scaler-numpy-void-bomb", swapped("scaler", "void.pkl",
         allocation_bomb(np.void, 1 << 31)), UNSAFE, "void.pkl", phrases("void with a size",)),
    Case("scaler-reconstructor-bomb", swapped("scaler", "rec.pkl", reconstructor_bomb), UNSAFE,
         "rec.pkl", phrases("_reconstructor with a size of 2,147,483,648",)),
    # ---- histories
    Case("history-utf32-le", swapped("data", "h32.csv", utf32("utf-32")), INPUT, "h32.csv",
         phrases("UTF-32 text (save it as UTF-8)",)),
    Case("history-utf32-be", swapped("data", "h32be.csv", utf32("utf-32-be")), INPUT,
         "h32be.csv", phrases("not a history",)),
    Case("history-sqlite-recursive-view", swapped("data", "view.db", recursive_view), INPUT,
         "view.db", phrases("took longer than 1 s and was stopped",)),
    Case("history-csv-field-over-limit", swapped("data", "long.csv", long_field_csv), INPUT,
         "long.csv", phrases("field larger than field limit",)),
    # ---- predictions files
    Case("predictions-field-over-limit", predictions_bytes(_long_cell), INPUT, "preds.csv",
         phrases("not a readable CSV file: field larger than field limit",)),
    Case("predictions-nul-byte", predictions_bytes(lambda d: d.replace(b"0.", b"0\x00.", 1)),
         INPUT, "preds.csv", phrases("line 2: p_above '0\\x00.",)),
    Case("predictions-utf32", predictions_bytes(lambda d: d.decode().encode("utf-32")), INPUT,
         "preds.csv", phrases("not UTF-8 text",)),
    # ---- saved report JSON (read back as --baseline)
    Case("saved-json-nested-too-deep",
         baseline(lambda t: '{"a": ' + "[" * 100_000 + "]" * 100_000 + "}"), INPUT,
         "saved.json", phrases("nested too deeply",)),
    Case("saved-json-list-where-text-belongs", baseline(_edit(("evaluation", "label"), [1, 2])),
         INPUT, "saved.json", phrases("label: expected text, got a list",)),
    Case("saved-json-object-where-date-belongs",
         baseline(_edit(("evaluation", "created"), {"y": 2025})), INPUT, "saved.json",
         phrases("created: expected text, got an object",)),
    Case("saved-json-1e400", baseline(_raw_value(("evaluation", "settings", "threshold"),
         "1e400")), INPUT, "saved.json", phrases("the number 1e400 is too large for a float",)),
    Case("saved-json-5000-digit-int",
         baseline(_raw_value(("evaluation", "split", "samples"), "9" * 5000)), INPUT,
         "saved.json", phrases("not valid JSON", "digits")),
    Case("saved-json-400-digit-float",
         baseline(_raw_value(("evaluation", "settings", "cutoff"), "9" * 400)), INPUT,
         "saved.json", phrases("cutoff", "too large")),
    Case("saved-json-bool-where-count-belongs",
         baseline(_edit(("evaluation", "split", "samples"), True)), INPUT, "saved.json",
         phrases("samples: expected a whole number",)),
    # ---- training logs
    Case("history-json-400-digit-int",
         history_log('{"loss": [0.5, ' + "9" * 400 + "]}"), INPUT, "stage1_history.json",
         phrases("'loss' holds an integer of 400 digits",)),
    Case("history-json-5000-digit-int",
         history_log('{"loss": [0.5, ' + "9" * 5000 + "]}"), INPUT, "stage1_history.json",
         phrases("not a readable History JSON",)),
    Case("csvlogger-field-over-limit",
         history_log(CSV_LOG + '2,"' + "1" * 140_000 + '",0.5\n', "stage1.csv"), INPUT,
         "stage1.csv", phrases("field larger than field limit",)),
    Case("csvlogger-unclosed-quote-over-limit",
         history_log(CSV_LOG + '2,"0.6,0.5\n' + "7\n" * 70_000, "stage1.csv"), INPUT,
         "stage1.csv", phrases("field larger than field limit",)),
    # ---- configuration and options
    Case("config-seed-inf",
         config_file("pyproject.toml", "[tool.jetx_diag]\nseed = inf\n"), USAGE,
         "pyproject.toml", phrases("key 'seed'", "not a whole number")),
    Case("config-threshold-nan",
         config_file("setup.cfg", "[jetx_diag]\nthreshold = nan\n"), USAGE, "setup.cfg",
         phrases("key 'threshold'", "not a finite number")),
    Case("config-implicit-trust-code",
         config_file("setup.cfg", "[jetx_diag]\ntrust_code = true\n", implicit=True), USAGE,
         "setup.cfg", phrases("sets trust_code, which a config file found in the current "
                              "folder may not set", "--config")),
    Case("config-implicit-features",
         config_file("pyproject.toml", '[tool.jetx_diag]\nfeatures = "evil:run"\n',
                     implicit=True), USAGE, "pyproject.toml", phrases("sets features",)),
    Case("config-implicit-cache-dir",
         config_file("setup.cfg", "[jetx_diag]\ncache_dir = /tmp/elsewhere\n", implicit=True),
         USAGE, "setup.cfg", phrases("sets cache_dir",)),
    Case("option-threshold-nan", with_options("--threshold", "nan"), USAGE, "--threshold",
         phrases("must be a finite number, got nan",)),
    Case("option-cutoff-inf", with_options("--cutoff", "inf"), USAGE, "--cutoff",
         phrases("must be a finite number",)),
    Case("option-test-fraction-nan", with_options("--test-fraction", "nan"), USAGE,
         "--test-fraction", phrases("must be a finite number",)),
    # ---- the user's code
    Case("extractor-sys-exit-0",
         extractor("exit_zero", "import sys\ndef extract(history):\n    sys.exit(0)\n"), INPUT,
         "exit_zero:extract", phrases("raised SystemExit(0) (it tried to end the program)",
                                      "on round index")),
    Case("extractor-keyboard-interrupt",
         extractor("fake_ctrl_c", "def extract(history):\n    raise KeyboardInterrupt\n"),
         INPUT, "fake_ctrl_c:extract", phrases("raised KeyboardInterrupt",)),
    Case("extractor-base-exception",
         extractor("base_exc", "class Stop(BaseException):\n    pass\n"
                   "def extract(history):\n    raise Stop('halt')\n"), INPUT, "base_exc:extract",
         phrases("raised Stop: halt",)),
    Case("extractor-module-exits-on-import",
         extractor("exits_on_import", "import sys\nsys.exit(3)\n"), INPUT, "exits_on_import",
         phrases("importing 'exits_on_import' for --features raised SystemExit(3)",)),
    Case("extractor-module-raises-on-import",
         extractor("raises_on_import", "raise RuntimeError('no GPU here')\n"), INPUT,
         "raises_on_import", phrases("RuntimeError: no GPU here",)),
    Case("extractor-value-whose-float-exits",
         extractor("float_exits", "import sys\nclass Bad:\n    def __float__(self):\n"
                   "        sys.exit(0)\ndef extract(history):\n    return [Bad()]\n"), INPUT,
         "float_exits:extract", phrases("SystemExit(0)",)),
    Case("extractor-renames-a-key",
         extractor("renames", DEMO + "def extract(history):\n    row = extract_features(history)"
                   "\n    if len(history) % 2:\n        row['renamed'] = row.pop(next(iter(row)))"
                   "\n    return row\n"), INPUT, "renames:extract",
         phrases("missing '", "new 'renamed'")),
    Case("extractor-reorders-keys",
         extractor("reorders", DEMO + "def extract(history):\n    row = extract_features(history)"
                   "\n    if len(history) % 2:\n        row = dict(reversed(list(row.items())))"
                   "\n    return row\n"), INPUT, "reorders:extract",
         phrases("in order", "first moved")),
    Case("metadata-5000-digit-int",
         given("--metadata", "info.json", text('{"metrics": {"mae": ' + "9" * 5000 + "}}")),
         INPUT, "info.json", phrases("digit",)),
    Case("scaler-empty-pickle-bytes", swapped("scaler", "stop.pkl", raw(b".")), INPUT,
         "stop.pkl", phrases("is not a pickle, joblib or skops file",)),
]  # fmt: skip


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_hostile(case: Case, kit: Kit, tmp_path: Path, capfd, monkeypatch) -> None:
    import jetx_diag.history.sqlite_rounds

    monkeypatch.chdir(tmp_path)  # implicit configs are found here; relative payloads land here
    monkeypatch.syspath_prepend(str(tmp_path))  # user modules (and planted ones) import from here
    monkeypatch.setattr(jetx_diag.history.sqlite_rounds, "SQLITE_QUERY_DEADLINE", 1.0)
    args = case.build(kit, tmp_path)
    capfd.readouterr()
    code = run(args)
    captured = capfd.readouterr()
    assert code == case.code, captured.err
    assert "Traceback" not in captured.err
    line = _one_line(captured.err)
    assert line.startswith("jetx-diag: error: "), line
    assert case.file in line, line
    for phrase in case.phrases:
        assert phrase in line, line
    assert captured.out == ""
    for marker in case.markers:
        assert not list(tmp_path.glob(marker + "*")), f"{marker}: the input ran code or wrote"
    assert not (tmp_path / "out").exists()
    for module in [m for m in sys.modules if m in ("evil_layers",)]:
        del sys.modules[module]


def test_own_cases_are_many() -> None:
    issue = {
        "savedmodel-load-time-initializer-writes",
        "savedmodel-signature-def-points-at-benign-function",
        "savedmodel-dataset-to-tfrecord",
        "savedmodel-cache-dataset",
        "savedmodel-snapshot-dataset",
        "savedmodel-table-from-text-file",
        "h5-external-storage",
        "h5-tf-keras-config-names-a-local-module",
        "extractor-sys-exit-0",
        "keras-config-json-inflates-to-100-mib",
        "scaler-bytearray-1-5-gb",
        "history-sqlite-recursive-view",
        "keras-encrypted-member",
        "keras-deflate64-member",
        "scaler-n-features-in-is-text",
        "scaler-statistics-shorter-than-features",
        "scaler-feature-names-is-an-int",
        "scaler-function-transformer-str",
        "saved-json-nested-too-deep",
        "saved-json-list-where-text-belongs",
        "saved-json-object-where-date-belongs",
        "history-json-400-digit-int",
        "history-json-5000-digit-int",
        "csvlogger-field-over-limit",
        "config-seed-inf",
        "option-threshold-nan",
        "h5-lambda-activation-tf-keras",
        "scaler-overflows-float32",
        "history-utf32-le",
        "saved-json-1e400",
        "extractor-renames-a-key",
        "config-implicit-trust-code",
    }
    assert issue <= {case.id for case in CASES}
    assert len({case.id for case in CASES} - issue) >= 30  # with the tests below: over 40


# --------------------------------------------------------------------------- the payloads are real


def test_trusted_savedmodels_do_run_their_payloads(tmp_path: Path) -> None:
    """What the refusals prevent: trusted, the same SavedModels write their markers."""
    from jetx_diag.artifacts.keras_loader import load_checkpoint

    for name, created_at_load in [
        ("load-time-initializer-writes", True),
        ("signature-def-points-at-benign-function", False),
        ("dataset-to-tfrecord", False),
    ]:
        folder = tmp_path / name
        folder.mkdir()
        marker = BUILDERS[name](folder)
        loaded = load_checkpoint(folder / "model", trust_code=True)
        assert marker.exists() is created_at_load, name
        loaded.predict({"features": np.ones((3, 4), np.float32)})
        assert marker.exists(), name


def test_h5_with_a_user_block_loads(kit: Kit, tmp_path: Path, capfd) -> None:
    """A valid HDF5 file with a 512-byte user block is a whole file, not a truncated one."""
    path = tmp_path / "ub.h5"
    with h5py.File(path, "w", userblock_size=512) as target, h5py.File(kit.run.checkpoint) as src:
        for key, value in src.attrs.items():
            target.attrs[key] = value
        for name in src:
            src.copy(src[name], target, name=name)
    assert path.read_bytes()[512:520] == b"\x89HDF\r\n\x1a\n"
    code = run([*report_args(kit.run, tmp_path, checkpoint=path), "--json", "-"])
    captured = capfd.readouterr()
    assert code == ExitCode.TARGETS_MISSED, captured.err
    evaluation = json.loads(captured.out)["evaluation"]
    assert evaluation["split"]["test_samples"] == HELD_OUT
    assert evaluation["calls"] == kit.baseline["evaluation"]["calls"]


@pytest.mark.parametrize("number", [0, 1])
def test_protocol_0_and_1_scalers_load(number: int, kit: Kit, tmp_path: Path, capfd) -> None:
    path = tmp_path / "old.pkl"
    protocol(number)(kit, path)
    assert path.read_bytes()[:1] != b"\x80"
    code = run([*report_args(kit.run, tmp_path, scaler=path), "--json", "-"])
    captured = capfd.readouterr()
    assert code == ExitCode.TARGETS_MISSED, captured.err
    evaluation = json.loads(captured.out)["evaluation"]
    assert evaluation["calls"]["p_above"] == kit.baseline["evaluation"]["calls"]["p_above"]


def test_implicit_config_is_named_in_the_report(kit: Kit, tmp_path: Path, capfd, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "setup.cfg").write_text("[jetx_diag]\ncutoff = 0.5\n", encoding="utf-8")
    code = run([*report_args(kit.run, tmp_path), "--json", "-"])
    captured = capfd.readouterr()
    assert code == ExitCode.TARGETS_MISSED, captured.err
    warnings_ = json.loads(captured.out)["evaluation"]["warnings"]
    assert any("settings were read from" in w and "setup.cfg" in w for w in warnings_)
    assert "found in the current folder" in (tmp_path / "out" / "report.md").read_text("utf-8")


def test_explicit_config_may_grant_trust(kit: Kit, tmp_path: Path, capfd, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "setup.cfg").write_text("[jetx_diag]\ntrust_code = true\n", encoding="utf-8")
    code = run([*report_args(kit.run, tmp_path), "--config", "setup.cfg", "--json", "-"])
    captured = capfd.readouterr()
    assert code == ExitCode.TARGETS_MISSED, captured.err
    assert not any("settings were read" in w for w in json.loads(captured.out)["evaluation"]
                   ["warnings"])  # fmt: skip


def test_report_set_is_all_or_nothing(kit: Kit, tmp_path: Path, capfd) -> None:
    """report.html cannot be written (a folder has its name): report.md stays as it was."""
    out = tmp_path / "out"
    out.mkdir()
    (out / "report.md").write_text("the previous report\n", encoding="utf-8")
    (out / "report.html").mkdir()
    code = run(report_args(kit.run, tmp_path))
    captured = capfd.readouterr()
    assert code == ExitCode.USAGE_ERROR, captured.err
    line = _one_line(captured.err)
    assert "report.html" in line and "cannot write the report" in line
    assert (out / "report.md").read_text(encoding="utf-8") == "the previous report\n"
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.md"]
    assert list((out / "report.html").iterdir()) == []


def test_a_real_ctrl_c_in_the_extractor_still_interrupts(kit: Kit, tmp_path: Path, capfd,
                                                          monkeypatch) -> None:  # fmt: skip
    """SIGINT while the extractor runs is the user stopping the run (130), not the extractor
    failing."""
    monkeypatch.syspath_prepend(str(tmp_path))
    (tmp_path / "slow_ctrl_c.py").write_text(
        "import os, signal\n" + DEMO + "calls = 0\ndef extract(history):\n    global calls\n"
        "    calls += 1\n    if calls == 3:\n        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return extract_features(history)\n",
        encoding="utf-8",
    )
    args = report_args(kit.run, tmp_path)
    args[args.index("--features") + 1] = "slow_ctrl_c:extract"
    code = run(args)
    captured = capfd.readouterr()
    assert code == ExitCode.INTERRUPTED, captured.err
    assert "interrupted" in captured.err
    assert not (tmp_path / "out").exists()


def test_scaler_shape_bomb_allocates_nothing(tmp_path: Path) -> None:
    """The refusal comes before the allocation: peak memory stays far below the 1.5 GB asked."""
    import resource

    from jetx_diag.artifacts.safe_pickle import load_scaler
    from jetx_diag.errors import UnsafeInputError

    path = tmp_path / "ba.pkl"
    allocation_bomb(bytearray, 1_500_000_000)(None, path)  # type: ignore[arg-type]
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with pytest.raises(UnsafeInputError):
        load_scaler(path)
    after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    assert (after - before) * 1024 < 200 * 1024 * 1024  # ru_maxrss is in KiB on Linux
