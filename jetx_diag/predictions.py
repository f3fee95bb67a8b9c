"""What a model said about each held-out round, whatever produced it.

A Keras model's outputs are mapped to heads by name (``threshold``, ``classification``,
``regression``) or, failing that, by shape and activation (1 sigmoid, 3 softmax, 1 linear).
A predictions CSV enters here too, so a model from any framework gets the same report without
TensorFlow.
"""

from __future__ import annotations

import csv
import math
from array import array
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.errors import ArtifactError, DataError, MismatchError
from jetx_diag.i18n.messages import record as record_text
from jetx_diag.inputs.model_inputs import InputSpec, classify_input
from jetx_diag.numbers import looks_like_number

HEADS = ("threshold", "classification", "regression")

#: Column names accepted in a predictions CSV for the 3-class probabilities (<1.5, 1.5–10, ≥10).
CLASS_COLUMNS = ("p_class0", "p_class1", "p_class2")


@dataclass(frozen=True)
class Predictions:
    """Per-round model outputs on the held-out rounds, in round order."""

    round_ids: np.ndarray
    actual: np.ndarray
    p_above: np.ndarray | None = None  # probability that the round reaches the threshold
    class_probs: np.ndarray | None = None  # (n, 3)
    regression: np.ndarray | None = None  # predicted multiplier

    def __post_init__(self) -> None:
        n = self.actual.shape[0]
        for name in ("round_ids", "p_above", "class_probs", "regression"):
            array = getattr(self, name)
            if array is not None and array.shape[0] != n:
                raise MismatchError(
                    record_text(
                        "error.predictions.rows_actual", name=name, shape=array.shape[0], n=n
                    )
                )
        if self.p_above is None and self.regression is None:
            raise MismatchError(
                record_text("error.predictions.model_gives_neither_probability_above")
            )

    def called_above(self, cutoff: float = 0.5, threshold: float = 1.5) -> np.ndarray:
        """The model's call per round: p_above ≥ cutoff, or (regression only) value ≥ threshold."""
        if self.p_above is not None:
            return self.p_above >= cutoff
        assert self.regression is not None  # guaranteed by __post_init__
        return self.regression >= threshold


# --------------------------------------------------------------------------- Keras models


def model_input_specs(model: Any) -> tuple[InputSpec, ...]:
    """The model's inputs with their names and shapes (Keras 3 and tf.keras 2 alike)."""
    names = getattr(model, "input_names", None) or [
        _clean_name(getattr(t, "name", f"input_{i}")) for i, t in enumerate(model.inputs)
    ]
    specs = []
    for name, tensor in zip(names, model.inputs, strict=True):
        shape = tensor.shape
        dims = tuple(shape.as_list()) if hasattr(shape, "as_list") else tuple(shape)
        specs.append(classify_input(_clean_name(str(name)), dims))
    return tuple(specs)


def model_output_names(model: Any) -> list[str]:
    names = getattr(model, "output_names", None)
    if names:
        return [_clean_name(str(n)) for n in names]
    return [_clean_name(getattr(t, "name", f"output_{i}")) for i, t in enumerate(model.outputs)]


def _clean_name(name: str) -> str:
    # tf.keras tensor names look like "seq50:0" or "threshold/Sigmoid:0".
    return name.split(":")[0].split("/")[0]


def run_model(
    model: Any, inputs: Mapping[str, np.ndarray], batch_size: int = 512
) -> dict[str, np.ndarray]:
    """Raw outputs by output name."""
    feed: Any = dict(inputs)
    if len(inputs) == 1:
        feed = next(iter(inputs.values()))
    raw = model.predict(feed, batch_size=batch_size, verbose=0)
    names = model_output_names(model)
    if isinstance(raw, Mapping):
        outputs = {str(k): np.asarray(v) for k, v in raw.items()}
    elif isinstance(raw, list | tuple):
        outputs = {n: np.asarray(v) for n, v in zip(names, raw, strict=True)}
    else:
        outputs = {names[0] if names else "output": np.asarray(raw)}
    return outputs


def map_heads(model: Any, outputs: Mapping[str, np.ndarray], source: str) -> dict[str, np.ndarray]:
    """Assign each output to a head (threshold/classification/regression) by name or shape."""
    heads: dict[str, np.ndarray] = {}
    unmatched: list[str] = []
    for name, value in outputs.items():
        array = np.asarray(value, dtype=np.float64)
        if array.ndim == 1:
            array = array[:, np.newaxis]
        head = _head_by_name(name) or _head_by_shape(model, name, array)
        if head is None or head in heads:
            unmatched.append(f"{name} {tuple(array.shape)}")
            continue
        heads[head] = array
    if unmatched and not heads:
        raise MismatchError(
            record_text(
                "error.loaded_model.unexpected_model_outputs", outputs=", ".join(unmatched)
            ),
            path=source,
            hint=record_text("error.predictions.hint_expected_sigmoid_threshold_n_1"),
        )
    for head, array in heads.items():
        if not np.all(np.isfinite(array)):
            count = int(np.sum(~np.isfinite(array)))
            raise ArtifactError(
                record_text(
                    "error.predictions.model_produced_non_finite_values",
                    count=count,
                    head=f"{head!r}",
                    shape=array.shape[0],
                ),
                path=source,
            )
    return heads


def _head_by_name(name: str) -> str | None:
    lowered = name.lower()
    for head in HEADS:
        if head in lowered:
            return head
    return None


def _head_by_shape(model: Any, name: str, array: np.ndarray) -> str | None:
    width = array.shape[1] if array.ndim == 2 else None
    activation = _activation_of(model, name)
    if width == 3 and (activation == "softmax" or np.allclose(array.sum(axis=1), 1.0, atol=1e-3)):
        return "classification"
    if width == 1:
        if activation == "sigmoid":
            return "threshold"
        if activation == "linear":
            return "regression"
        return _guess_single(array)
    return None


def _guess_single(array: np.ndarray) -> str:
    # Unknown activation: values confined to [0, 1] are a probability, anything else a multiplier.
    return "threshold" if np.all((array >= 0.0) & (array <= 1.0)) else "regression"


def _activation_of(model: Any, name: str) -> str | None:
    try:
        layer = model.get_layer(name)
    except (ValueError, AttributeError):
        return None
    activation = getattr(layer, "activation", None)
    return getattr(activation, "__name__", None)


def check_row_counts(
    heads: Mapping[str, np.ndarray], rounds: int, source: str | None = None
) -> None:
    """Refuse a head whose row count is not ``rounds``, the number of rounds the model was given
    (``source``, the model's file, is named)."""
    for head, values in heads.items():
        if values.shape[0] != rounds:
            raise MismatchError(
                record_text(
                    "error.predictions.model_returned_rows_output_rounds",
                    shape=values.shape[0],
                    head=f"{head!r}",
                    rounds=rounds,
                ),
                path=source,
            )


def predictions_from_heads(
    heads: Mapping[str, np.ndarray],
    actual: np.ndarray,
    round_ids: np.ndarray,
    source: str | None = None,
) -> Predictions:
    """Predictions from a model's heads; ``source`` (the model's file) is named when a head's
    row count is not the number of rounds it was given."""
    check_row_counts(heads, int(np.asarray(actual).shape[0]), source)
    return Predictions(
        round_ids=np.asarray(round_ids, dtype=np.int64),
        actual=np.asarray(actual, dtype=np.float64),
        p_above=heads["threshold"][:, 0] if "threshold" in heads else None,
        class_probs=heads.get("classification"),
        regression=heads["regression"][:, 0] if "regression" in heads else None,
    )


# --------------------------------------------------------------------------- predictions CSV


def read_predictions_csv(path: str | Path) -> Predictions:
    """Columns ``actual`` and ``p_above`` (or ``regression``); optional ``round_id``,
    ``p_class0..2`` and ``regression``. Every row must be complete: nothing is dropped.

    Rows are parsed one at a time into one float array per column (8 bytes a value), so a
    million-row file costs tens of MB, not a Python object per cell.
    """
    source = str(path)
    try:
        with open(path, encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream)
            raw_fields = next(reader, [])
            fields = [f.strip() for f in raw_fields]
            if "actual" not in fields or not ({"p_above", "regression"} & set(fields)):
                raise DataError(
                    record_text(
                        "error.predictions.needs_columns_actual_p_above", fields=", ".join(fields)
                    ),
                    path=source,
                )
            # As csv.DictReader: a repeated column name takes the last column of that name.
            where = {name: i for i, name in enumerate(fields)}
            label = {name: raw_fields[i] for name, i in where.items()}
            columns: dict[str, array[float]] = {name: array("d") for name in where}
            line = 1
            for record in reader:
                if not record:
                    continue  # csv.DictReader skips empty rows too; lines count rows read
                line += 1
                if len(record) != len(fields):
                    raise DataError(
                        record_text("error.predictions.line_wrong_number_fields", line=line),
                        path=source,
                    )
                for name, i in where.items():
                    columns[name].append(_number(record[i], label[name], line, source))
    except FileNotFoundError:
        raise DataError(
            record_text("error.predictions.predictions_file_not_found"), path=source
        ) from None
    except UnicodeDecodeError as error:
        raise DataError(
            record_text("error.document.not_utf_8_text_byte", start=error.start), path=source
        ) from None
    except csv.Error as error:  # "field larger than field limit (131072)", NUL bytes …
        raise DataError(
            record_text("error.predictions.not_readable_csv_file", error=error), path=source
        ) from None
    except OSError as error:
        raise DataError(
            record_text("error.rounds.cannot_read_file", strerror=error.strerror or error),
            path=source,
        ) from None
    rows = line - 1
    if not rows:
        raise DataError(record_text("error.predictions.no_prediction_rows"), path=source)
    actual = np.asarray(columns["actual"], dtype=float)
    if np.any(actual < 1.0):
        line = int(np.argmax(actual < 1.0)) + 2
        raise DataError(
            record_text("error.predictions.line_actual_multiplier_below_1", line=line), path=source
        )
    p_above = np.asarray(columns["p_above"], dtype=float) if "p_above" in columns else None
    if p_above is not None and np.any((p_above < 0) | (p_above > 1)):
        line = int(np.argmax((p_above < 0) | (p_above > 1))) + 2
        raise DataError(
            record_text("error.predictions.line_p_above_outside_0", line=line), path=source
        )
    class_probs = None
    if set(CLASS_COLUMNS) <= set(columns):
        class_probs = np.column_stack([columns[c] for c in CLASS_COLUMNS])
    regression = columns.get("regression")
    ids = columns.get("round_id")
    if ids:
        _check_round_ids(np.asarray(ids), source)
    return Predictions(
        round_ids=np.asarray(ids if ids else np.arange(1, rows + 1), dtype=np.int64),
        actual=actual,
        p_above=p_above,
        class_probs=class_probs,
        regression=None if regression is None else np.asarray(regression, dtype=float),
    )


def _check_round_ids(ids: np.ndarray, source: str) -> None:
    # Casting to int64 would silently turn 7.5 into 7, and a repeated id would count a round
    # twice in every rate.
    fractional = np.flatnonzero(ids != np.floor(ids))
    if fractional.size:
        at = int(fractional[0])
        raise DataError(
            record_text("error.predictions.line_round_id_not_whole", at=at + 2, ids=f"{ids[at]:g}"),
            path=source,
        )
    _, first, counts = np.unique(ids, return_index=True, return_counts=True)
    if np.any(counts > 1):
        repeated = ids[first[counts > 1]]
        second = min(int(np.flatnonzero(ids == value)[1]) for value in repeated)
        raise DataError(
            record_text(
                "error.predictions.line_round_id_appears_more",
                second=second + 2,
                ids=f"{ids[second]:g}",
                sum=int(np.sum(counts[counts > 1] - 1)),
            ),
            path=source,
        )


def _number(raw: str, column: str, line: int, source: str) -> float:
    # float() alone would take 1_000, full-width digits and Unicode spaces: use the history's
    # strict syntax (ASCII decimal, optional exponent; inf/nan get their own message below).
    if not looks_like_number(raw):
        raise DataError(
            record_text(
                "error.predictions.line_not_number", line=line, column=column, raw=f"{raw!r}"
            ),
            path=source,
        )
    value = float(raw)
    if not math.isfinite(value):
        raise DataError(
            record_text("error.predictions.line", line=line, column=column, strip=raw.strip()),
            path=source,
        )
    return value


def write_predictions_csv(path: str | Path, predictions: Predictions) -> None:
    """The inverse of :func:`read_predictions_csv` (used by the demo and tests)."""
    header: list[str] = ["round_id", "actual"]
    columns: list[Sequence[Any]] = [predictions.round_ids.tolist(), predictions.actual.tolist()]
    if predictions.p_above is not None:
        header.append("p_above")
        columns.append(predictions.p_above.tolist())
    if predictions.class_probs is not None:
        header.extend(CLASS_COLUMNS)
        columns.extend(predictions.class_probs.T.tolist())
    if predictions.regression is not None:
        header.append("regression")
        columns.append(predictions.regression.tolist())
    with open(path, "w", encoding="utf-8", newline="") as stream:
        writer = csv.writer(stream)
        writer.writerow(header)
        writer.writerows(zip(*columns, strict=True))
