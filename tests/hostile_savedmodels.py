"""Real SavedModels whose loading or calling would write or read files outside them.

Each builder saves a SavedModel at ``folder / "model"`` whose serving signature returns a proper
``threshold`` head (so only the hidden part can make it unusable) and returns the marker file its
payload would create. The payload only ever creates that marker (or reads a file the test made);
a test asserts the marker does not exist after the tool has looked at the model.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

SPEC_SHAPE = (None, 4)


def _tf() -> Any:
    from jetx_diag.artifacts.keras_env import import_tensorflow

    return import_tensorflow()


def _save(module: Any, folder: Path, serve: Any) -> Path:
    tf = _tf()
    path = folder / "model"
    tf.saved_model.save(module, str(path), signatures={"serving_default": serve})
    return path


def _signature() -> Any:
    tf = _tf()
    return [tf.TensorSpec(SPEC_SHAPE, tf.float32, name="features")]


def _head(tf: Any, features: Any, weight: Any) -> dict[str, Any]:
    return {"threshold": tf.sigmoid(tf.reduce_sum(features * weight, axis=1, keepdims=True))}


def load_time_writer(folder: Path) -> Path:
    """A resource whose load-time initializer writes the marker: it runs inside
    ``tf.saved_model.load``, before any signature is called."""
    tf = _tf()
    marker = folder / "INIT_RAN"

    class Writer(tf.saved_model.experimental.TrackableResource):
        def _create_resource(self) -> Any:
            return tf.raw_ops.VarHandleOp(dtype=tf.float32, shape=[], shared_name="")

        def _initialize(self) -> Any:
            return tf.io.write_file(str(marker), "initializer ran")

    class Model(tf.Module):
        def __init__(self) -> None:
            self.weight = tf.Variable(0.25)
            self.writer = Writer()

        @tf.function(input_signature=_signature())
        def serve(self, features: Any) -> Any:
            return _head(tf, features, self.weight)

    model = Model()
    _ = model.writer.resource_handle  # creates the resource (and runs the writer once)
    path = _save(model, folder, model.serve)
    marker.unlink(missing_ok=True)
    assert path.is_dir()
    return marker


def signature_def_points_elsewhere(folder: Path) -> Path:
    """``signature_def`` edited to describe a benign function, while the object graph (what
    TensorFlow 2 calls) still maps serving_default to a function that writes the marker."""
    tf = _tf()
    from tensorflow.core.protobuf import saved_model_pb2

    marker = folder / "SIGNATURE_RAN"

    class Model(tf.Module):
        def __init__(self) -> None:
            self.weight = tf.Variable(0.25)

        @tf.function(input_signature=_signature())
        def benign(self, features: Any) -> Any:
            return _head(tf, features, self.weight)

        @tf.function(input_signature=_signature())
        def writer(self, features: Any) -> Any:
            tf.io.write_file(str(marker), "signature ran")
            return _head(tf, features, self.weight)

    model = Model()
    path = folder / "model"
    tf.saved_model.save(
        model, str(path), signatures={"serving_default": model.writer, "benign": model.benign}
    )
    pb = path / "saved_model.pb"
    proto = saved_model_pb2.SavedModel()
    proto.ParseFromString(pb.read_bytes())
    graph = proto.meta_graphs[0]
    graph.signature_def["serving_default"].CopyFrom(graph.signature_def["benign"])
    del graph.signature_def["benign"]
    pb.write_bytes(proto.SerializeToString())
    return marker


def _dataset_writer(kind: str) -> Callable[[Path], Path]:
    def build(folder: Path) -> Path:
        tf = _tf()
        marker = folder / f"{kind.upper()}_WRITTEN"

        class Model(tf.Module):
            def __init__(self) -> None:
                self.weight = tf.Variable(0.25)

            @tf.function(input_signature=_signature())
            def serve(self, features: Any) -> Any:
                rows = tf.data.Dataset.from_tensor_slices(features)
                if kind == "tfrecord":
                    text = tf.data.Dataset.from_tensors(tf.constant("payload"))
                    tf.data.experimental.TFRecordWriter(str(marker)).write(text)
                    total = tf.constant(0.0)
                elif kind == "cache":
                    total = rows.cache(str(marker)).reduce(0.0, lambda a, r: a + r[0])
                else:  # snapshot
                    total = rows.snapshot(str(marker)).reduce(0.0, lambda a, r: a + r[0])
                return _head(tf, features + 0.0 * total, self.weight)

        model = Model()
        _save(model, folder, model.serve)
        return marker

    return build


def table_from_text_file(folder: Path) -> Path:
    """A lookup table initialised, at load time, from a text file anywhere on the machine (here
    one the test made outside the model). The marker is the copy the table's contents would
    be written to by the signature."""
    tf = _tf()
    outside = folder / "outside_secret.txt"
    outside.write_text("secret\t1\n", encoding="utf-8")
    marker = folder / "TABLE_READ"

    class Model(tf.Module):
        def __init__(self) -> None:
            self.weight = tf.Variable(0.25)
            initializer = tf.lookup.TextFileInitializer(
                str(outside), tf.string, 0, tf.int64, 1, delimiter="\t"
            )
            self.table = tf.lookup.StaticHashTable(initializer, default_value=0)

        @tf.function(input_signature=_signature())
        def serve(self, features: Any) -> Any:
            found = tf.cast(self.table.lookup(tf.constant("secret")), tf.float32)
            return _head(tf, features + 0.0 * found, self.weight)

    model = Model()
    _save(model, folder, model.serve)
    return marker


BUILDERS: dict[str, Callable[[Path], Path]] = {
    "load-time-initializer-writes": load_time_writer,
    "signature-def-points-at-benign-function": signature_def_points_elsewhere,
    "dataset-to-tfrecord": _dataset_writer("tfrecord"),
    "cache-dataset": _dataset_writer("cache"),
    "snapshot-dataset": _dataset_writer("snapshot"),
    "table-from-text-file": table_from_text_file,
}


def fewer_rows(folder: Path, n_features: int, rows: int = 35) -> Path:
    """A plain-math SavedModel that answers at most ``rows`` rows, whatever it is given."""
    tf = _tf()

    class Model(tf.Module):
        def __init__(self) -> None:
            self.weight = tf.Variable(0.25)

        @tf.function(input_signature=[tf.TensorSpec((None, n_features), tf.float32, "features")])
        def serve(self, features: Any) -> Any:
            return {"threshold": _head(tf, features, self.weight)["threshold"][:rows]}

    model = Model()
    return _save(model, folder, model.serve)
