"""Gradient-boosted tabular models in their native formats: CatBoost ``.cbm``, LightGBM model text,
XGBoost JSON / UBJSON. Each reads the feature vector (scaled by the scaler beside it).

A binary classifier gives ``p_above`` (the probability of class 1, the label training scripts
give a round at or above the threshold), a 3-class classifier the class probabilities, a
regressor the predicted multiplier. A classifier and a regressor of the same tag
(``classifier_window_500.cbm`` + ``regressor_window_500.cbm``) are one model with both heads.
These formats hold trees and numbers only; a pickled model is refused elsewhere (it is code).
Each library is imported only here, and only when a file of its format is loaded.
"""

from __future__ import annotations

import contextlib
import json
import shutil
import struct
import tempfile
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.artifacts.companions import partner_name
from jetx_diag.artifacts.inspection import first_line
from jetx_diag.artifacts.loaded_model import LoadedModel, check_outputs, model_inputs, model_outputs
from jetx_diag.artifacts.sniffing import sha256_file, sniff
from jetx_diag.errors import ArtifactError, InputError, MismatchError
from jetx_diag.i18n.messages import record
from jetx_diag.results import Artifact

#: sniff() kind → (library name shown to users, pip extra).
KINDS = {
    "catboost": ("CatBoost", "catboost"),
    "lightgbm": ("LightGBM", "lightgbm"),
    "xgboost_json": ("XGBoost", "xgboost"),
    "xgboost_ubj": ("XGBoost", "xgboost"),
}
_FEATURES = "features"


@dataclass(frozen=True)
class Part:
    """One boosted model file: its head and how to run it on a feature matrix."""

    path: Path
    kind: str
    head: str  # threshold, classification or regression
    objective: str
    features: int
    run: Callable[[np.ndarray], np.ndarray]  # (rows, features) → (rows, width)

    @property
    def library(self) -> str:
        return KINDS[self.kind][0]


class _Spec:
    def __init__(self, name: str, shape: tuple[int | None, ...]) -> None:
        self.name = name
        self.shape = shape


class BoostedPredictor:
    """One or two boosted models behind the parts of the Keras model API jetx_diag uses: one
    input ``features`` (None, F); outputs named by head."""

    def __init__(self, parts: tuple[Part, ...]) -> None:
        self.parts = parts
        self.input_names = [_FEATURES]
        self.inputs = [_Spec(_FEATURES, (None, parts[0].features))]
        self.output_names = [p.head for p in parts]
        self.outputs = [
            _Spec(p.head, (None, 3 if p.head == "classification" else 1)) for p in parts
        ]

    def count_params(self) -> None:
        return None  # trees have no parameter count comparable with a network's

    def get_layer(self, name: str) -> Any:
        raise ValueError(f"a boosted model has no layer {name!r}")

    def predict(self, x: Any, batch_size: int = 512, verbose: int = 0) -> Any:
        del batch_size, verbose  # the libraries batch internally
        matrix = x[_FEATURES] if isinstance(x, Mapping) else x
        matrix = np.ascontiguousarray(matrix, dtype=np.float64)
        if matrix.ndim != 2 or matrix.shape[1] != self.parts[0].features:
            raise MismatchError(
                record(
                    "error.boosted.feature_matrix_shape_model_reads",
                    shape=matrix.shape,
                    features=self.parts[0].features,
                ),
                path=self.parts[0].path,
            )
        arrays = []
        for part in self.parts:
            try:
                out = np.asarray(part.run(matrix), dtype=np.float64)
            except Exception as error:  # the library's own error types
                raise ArtifactError(
                    record(
                        "error.boosted.cannot_predict",
                        library=part.library,
                        first_line=first_line(error),
                    ),
                    path=part.path,
                ) from None
            arrays.append(out.reshape(len(matrix), -1))
        return arrays[0] if len(arrays) == 1 else arrays


# --------------------------------------------------------------------------- loading


def load_boosted(path: str | Path) -> LoadedModel:
    """A boosted model file, with the other half of its classifier/regressor pair if it is
    beside it (same tag, same format)."""
    p = Path(path)
    kind = sniff(p)
    if kind not in KINDS:
        raise ArtifactError(
            record("error.boosted.not_catboost_lightgbm_xgboost_model", kind=kind), path=p
        )
    parts = [load_part(p, kind)]
    partner = find_partner(p, kind)
    if partner is not None:
        parts.append(load_part(partner, sniff(partner)))
        _check_pair(parts)
    parts.sort(key=lambda part: part.head == "regression")  # the classifier first
    predictor = BoostedPredictor(tuple(parts))
    outputs = model_outputs(predictor)
    check_outputs(outputs, path=p)
    first = parts[0]
    saved_by = " + ".join(f"{part.library} {part.objective}" for part in parts)
    extra = tuple(
        Artifact("checkpoint", str(part.path), sha256_file(part.path), part.path.stat().st_size,
                 {"format": part.kind, "head": part.head})
        for part in parts[1:]
    )  # fmt: skip
    label = " + ".join(part.path.name for part in parts) if len(parts) > 1 else None
    return LoadedModel(
        model=predictor,
        path=str(first.path),
        format=first.kind,
        framework=first.library.lower(),
        saved_by=saved_by,
        sha256=sha256_file(first.path),
        size_bytes=first.path.stat().st_size,
        inputs=model_inputs(predictor),
        outputs=outputs,
        extra_artifacts=extra,
        label=label,
    )


def find_partner(path: Path, kind: str) -> Path | None:
    """The other half of a classifier/regressor pair beside ``path``, if it is there and of the
    same library (matched by name case-insensitively, recognised by its bytes)."""
    wanted = partner_name(path)
    if wanted is None:
        return None
    folder = path.parent
    try:
        candidates = sorted(f for f in folder.iterdir() if f.name.lower() == wanted.lower())
    except OSError:
        return None
    for candidate in candidates:
        other = sniff(candidate)
        if other in KINDS and KINDS[other][0] == KINDS[kind][0]:
            return candidate
    return None


def _check_pair(parts: list[Part]) -> None:
    first, second = parts
    if first.head == second.head:
        raise ArtifactError(
            record(
                "error.boosted.both_regressors"
                if first.head == "regression"
                else "error.boosted.both_classifiers",
                name=first.path.name,
                name2=second.path.name,
            ),
            path=first.path,
        )
    if first.features != second.features:
        raise MismatchError(
            record(
                "error.boosted.reads_features_pair_must_read",
                name=first.path.name,
                features=first.features,
                name2=second.path.name,
                features2=second.features,
            ),
            path=first.path,
        )


def load_part(path: Path, kind: str) -> Part:
    """One model file of ``kind`` (a key of :data:`KINDS`), checked and ready to run."""
    check_bytes(path, kind)
    loaders = {
        "catboost": _catboost,
        "lightgbm": _lightgbm,
        "xgboost_json": _xgboost,
        "xgboost_ubj": _xgboost,
    }
    return loaders[kind](path, kind)


def _import(kind: str) -> Any:
    library, extra = KINDS[kind]
    try:
        return __import__(extra)
    except ImportError as error:
        raise InputError(
            record(
                "error.boosted.reading_model_needs_package_which",
                library=library,
                extra=extra,
                error=error,
            ),
            hint=record("error.boosted.hint_pip_install_jetx_diag", extra=extra),
        ) from None


def check_bytes(path: Path, kind: str) -> None:
    """Refuse a file cut short, from what its bytes declare, before the library reads it."""
    size = path.stat().st_size
    cut = record("error.inspection.hint_download_copy_cut_short_fetch")
    if kind == "catboost":
        with path.open("rb") as handle:
            head = handle.read(8)
        declared = 8 + struct.unpack("<I", head[4:8])[0] if len(head) == 8 else None
        if declared is None or size < declared:
            raise ArtifactError(
                record(
                    "error.boosted.catboost_model_truncated_header_records",
                    value=record("error.boosted.more_than_8")
                    if declared is None
                    else f"{declared:,}",
                    size=f"{size:,}",
                ),
                path=path,
                hint=cut,
            )
    elif kind == "lightgbm":
        text = path.read_bytes()
        if b"\nend of trees" not in text:
            raise ArtifactError(
                record(
                    "error.boosted.lightgbm_model_text_truncated_no",
                    marker="'end of trees'",
                    size=f"{size:,}",
                ),
                path=path,
                hint=cut,
            )
    elif kind == "xgboost_json":
        try:
            json.loads(path.read_bytes())
        except (json.JSONDecodeError, UnicodeDecodeError, RecursionError) as error:
            detail = getattr(error, "msg", type(error).__name__)
            raise ArtifactError(
                record(
                    "error.boosted.xgboost_json_model_truncated_damaged",
                    detail=detail,
                    size=f"{size:,}",
                ),
                path=path,
                hint=cut,
            ) from None


def _fail(path: Path, library: str, error: BaseException) -> ArtifactError:
    return ArtifactError(
        record("error.boosted.cannot_read_model", library=library, first_line=first_line(error)),
        path=path,
        hint=record("error.boosted.hint_file_may_cut_short_damaged"),
    )


def _unsupported(path: Path, library: str, objective: str) -> ArtifactError:
    return ArtifactError(
        record(
            "error.boosted.objective_gives_neither_probability_nor",
            library=library,
            objective=f"{objective!r}",
        ),
        path=path,
        hint=record("error.boosted.hint_binary_3_class_probability_classifier"),
    )


def _class_column(path: Path, classes: list[Any]) -> int:
    """Which probability column is class 1 ("above"), from the classes the model records."""
    names = [str(c).strip().lower() for c in classes]
    for above in ("1", "true", "1.0"):
        if above in names and len(names) == 2:
            return names.index(above)
    raise ArtifactError(
        record("error.boosted.classifier_s_classes_cannot_tell", classes=classes),
        path=path,
        hint=record("error.boosted.hint_train_labels_0_below_1"),
    )


def _classifier_head(path: Path, library: str, objective: str, classes: int) -> str:
    if classes == 2:
        return "threshold"
    if classes == 3:
        return "classification"
    raise ArtifactError(
        record(
            "error.boosted.classifier_classes_jetx_diag_reads", library=library, classes=classes
        ),
        path=path,
    )


_CATBOOST_CLASSIFIERS = ("Logloss", "CrossEntropy", "MultiClass", "MultiClassOneVsAll")
_CATBOOST_REGRESSORS = (
    "RMSE", "MAE", "Quantile", "MAPE", "Huber", "Expectile", "LogCosh", "Lq", "Poisson",
    "Tweedie", "LogLinQuantile", "FairLoss", "SMAPE",
)  # fmt: skip


def _catboost(path: Path, kind: str) -> Part:
    catboost = _import(kind)
    model = catboost.CatBoost()
    try:
        model.load_model(str(path), format="cbm")
        objective = str(model.get_all_params().get("loss_function", "")).split(":")[0]
        features = len(model.feature_names_)
    except Exception as error:  # CatBoostError
        raise _fail(path, "CatBoost", error) from None
    if objective in _CATBOOST_CLASSIFIERS:
        recorded = getattr(model, "classes_", None)
        classes = [] if recorded is None else list(recorded)
        head = _classifier_head(path, "CatBoost", objective, len(classes))
        column = _class_column(path, classes) if head == "threshold" else None

        def run(x: np.ndarray) -> np.ndarray:
            probabilities = np.asarray(model.predict(x, prediction_type="Probability"))
            return probabilities if column is None else probabilities[:, column : column + 1]

    elif objective in _CATBOOST_REGRESSORS:
        head = "regression"
        # Poisson and Tweedie models predict a log; "Exponent" turns it into the value.
        kind_of = "Exponent" if objective in ("Poisson", "Tweedie") else "RawFormulaVal"

        def run(x: np.ndarray) -> np.ndarray:
            return np.asarray(model.predict(x, prediction_type=kind_of)).reshape(-1, 1)

    else:
        raise _unsupported(path, "CatBoost", objective)
    return Part(path, kind, head, objective, features, run)


_LIGHTGBM_BINARY = ("binary", "cross_entropy", "xentropy")
_LIGHTGBM_MULTI = ("multiclass", "softmax", "multiclassova", "multiclass_ova", "ova", "ovr")
_LIGHTGBM_REGRESSORS = (
    "regression", "regression_l2", "l2", "mean_squared_error", "mse", "l2_root",
    "root_mean_squared_error", "rmse", "regression_l1", "l1", "mean_absolute_error", "mae",
    "huber", "fair", "poisson", "quantile", "mape", "mean_absolute_percentage_error", "gamma",
    "tweedie",
)  # fmt: skip


def _lightgbm_header(path: Path) -> dict[str, str]:
    header: dict[str, str] = {}
    with path.open(encoding="utf-8", errors="replace") as handle:
        for line in handle:
            if line.startswith("Tree="):
                break
            key, sep, value = line.strip().partition("=")
            if sep:
                header[key] = value
    return header


def _lightgbm(path: Path, kind: str) -> Part:
    lightgbm = _import(kind)
    header = _lightgbm_header(path)
    objective = header.get("objective", "").split(" ")[0]
    try:
        booster = lightgbm.Booster(model_file=str(path))
        features = int(booster.num_feature())
    except Exception as error:  # LightGBMError
        raise _fail(path, "LightGBM", error) from None
    if objective in _LIGHTGBM_BINARY:
        head = "threshold"
    elif objective in _LIGHTGBM_MULTI:
        head = _classifier_head(path, "LightGBM", objective, int(header.get("num_class", 0)))
    elif objective in _LIGHTGBM_REGRESSORS:
        head = "regression"
    else:
        raise _unsupported(path, "LightGBM", objective)

    def run(x: np.ndarray) -> np.ndarray:
        # predict() applies the objective's link: probabilities, or values on their own scale.
        return np.asarray(booster.predict(x)).reshape(len(x), -1)

    return Part(path, kind, head, objective, features, run)


_XGBOOST_REGRESSORS = ("reg:", "count:poisson")


@contextlib.contextmanager
def _named(source: Path, suffix: str) -> Iterator[Path]:
    """The file under a name XGBoost dispatches on (it decides JSON/UBJSON by suffix)."""
    with tempfile.TemporaryDirectory(prefix="jetx_diag_") as tmp:
        link = Path(tmp) / f"model{suffix}"
        try:
            link.symlink_to(source.resolve())
        except OSError:
            shutil.copyfile(source, link)
        yield link


def _xgboost(path: Path, kind: str) -> Part:
    xgboost = _import(kind)
    booster = xgboost.Booster()
    try:
        with _named(path, ".json" if kind == "xgboost_json" else ".ubj") as name:
            booster.load_model(str(name))
        config = json.loads(booster.save_config())
        objective = str(config["learner"]["objective"]["name"])
        classes = int(config["learner"]["learner_model_param"].get("num_class", "0") or 0)
        features = int(booster.num_features())
    except Exception as error:  # XGBoostError, a config without the expected keys
        raise _fail(path, "XGBoost", error) from None
    if objective in ("binary:logistic", "reg:logistic"):
        head = "threshold"
    elif objective == "multi:softprob":
        head = _classifier_head(path, "XGBoost", objective, classes)
    elif objective.startswith(_XGBOOST_REGRESSORS) and objective != "reg:logistic":
        head = "regression"
    else:
        raise _unsupported(path, "XGBoost", objective)

    def run(x: np.ndarray) -> np.ndarray:
        return np.asarray(booster.inplace_predict(x)).reshape(len(x), -1)

    return Part(path, kind, head, objective, features, run)
