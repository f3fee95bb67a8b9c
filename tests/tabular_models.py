"""Real small models of every non-Keras format, trained on a generated provably-fair history.

The history is ``jetx_diag.demo.fairgen``'s, the features ``jetx_diag.demo.features`` (the callable
``--features`` names), scaled by a ``StandardScaler`` fitted on the training rounds and saved
with joblib, as the source project's scripts do. Each library trains on those rows and saves its
model natively; tests compare jetx_diag's predictions with the library's own ``predict``.
Import with ``from tabular_models import ...``; each library is imported only when used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.demo import fairgen
from jetx_diag.demo.features import FEATURE_NAMES, extract_features

FEATURES = "jetx_diag.demo.features:extract_features"
ROUNDS = 400
TRAIN_SHARE = 0.5  # the models are fitted on the first half of the rounds


@dataclass(frozen=True)
class TabularData:
    """A history written to SQLite, its feature rows (round i's features use rounds < i)."""

    history_path: Path
    values: np.ndarray
    features: np.ndarray  # rows for rounds 1 .. n-1 (index i-1 ↔ round index i)
    scaler: Any
    scaler_path: Path

    @property
    def train_rows(self) -> slice:
        return slice(0, int(len(self.features) * TRAIN_SHARE))

    def scaled(self, rows: slice | np.ndarray | None = None) -> np.ndarray:
        matrix = self.features if rows is None else self.features[rows]
        return np.asarray(self.scaler.transform(matrix), dtype=np.float64)

    def above(self, rows: slice) -> np.ndarray:
        return (self.values[1:][rows] >= 1.5).astype(int)

    def multiplier(self, rows: slice) -> np.ndarray:
        return self.values[1:][rows]


def make_data(folder: Path, rounds: int = ROUNDS, scaler_name: str = "scaler.pkl") -> TabularData:
    """History, features and a fitted, saved scaler in ``folder``."""
    import joblib
    from sklearn.preprocessing import StandardScaler

    folder.mkdir(parents=True, exist_ok=True)
    values = fairgen.generate_rounds(rounds, seed="tabular-models")
    history_path = fairgen.write_sqlite(folder / "history.db", values)
    history = values.tolist()
    features = np.asarray(
        [list(extract_features(history[:i]).values()) for i in range(1, rounds)], dtype=np.float64
    )
    train = slice(0, int(len(features) * TRAIN_SHARE))
    scaler = StandardScaler().fit(features[train])
    scaler_path = folder / scaler_name
    joblib.dump(scaler, scaler_path)
    return TabularData(history_path, values, features, scaler, scaler_path)


def catboost_pair(data: TabularData, folder: Path, tag: str = "window_500") -> tuple[Any, Any]:
    """A CatBoost classifier and regressor saved as ``classifier_<tag>.cbm`` and
    ``regressor_<tag>.cbm`` (the source project's file names)."""
    from catboost import CatBoostClassifier, CatBoostRegressor

    rows = data.train_rows
    x = data.scaled(rows)
    # allow_writing_files=False: no catboost_info/ folder in the working directory.
    settings = {"iterations": 40, "depth": 4, "random_seed": 0, "verbose": 0}
    classifier = CatBoostClassifier(**settings, allow_writing_files=False)
    classifier.fit(x, data.above(rows))
    regressor = CatBoostRegressor(**settings, allow_writing_files=False)
    regressor.fit(x, data.multiplier(rows))
    classifier.save_model(str(folder / f"classifier_{tag}.cbm"))
    regressor.save_model(str(folder / f"regressor_{tag}.cbm"))
    return classifier, regressor


def lightgbm_classifier(data: TabularData, path: Path) -> Any:
    import lightgbm

    rows = data.train_rows
    model = lightgbm.LGBMClassifier(n_estimators=30, num_leaves=7, random_state=0, verbose=-1)
    model.fit(data.scaled(rows), data.above(rows))
    model.booster_.save_model(str(path))
    return model


def lightgbm_regressor(data: TabularData, path: Path) -> Any:
    import lightgbm

    rows = data.train_rows
    model = lightgbm.LGBMRegressor(n_estimators=30, num_leaves=7, random_state=0, verbose=-1)
    model.fit(data.scaled(rows), data.multiplier(rows))
    model.booster_.save_model(str(path))
    return model


def xgboost_classifier(data: TabularData, path: Path) -> Any:
    import xgboost

    rows = data.train_rows
    model = xgboost.XGBClassifier(n_estimators=30, max_depth=3, random_state=0)
    model.fit(data.scaled(rows), data.above(rows))
    model.save_model(str(path))
    return model


def xgboost_regressor(data: TabularData, path: Path) -> Any:
    import xgboost

    rows = data.train_rows
    model = xgboost.XGBRegressor(n_estimators=30, max_depth=3, random_state=0)
    model.fit(data.scaled(rows), data.multiplier(rows))
    model.save_model(str(path))
    return model


def sklearn_onnx_classifier(data: TabularData, path: Path) -> Any:
    """A scikit-learn logistic regression on the scaled features, exported with skl2onnx
    (outputs: ``label`` and ``probabilities``, two columns)."""
    from skl2onnx import to_onnx
    from skl2onnx.common.data_types import FloatTensorType
    from sklearn.linear_model import LogisticRegression

    rows = data.train_rows
    model = LogisticRegression(max_iter=500).fit(data.scaled(rows), data.above(rows))
    onnx_model = to_onnx(
        model,
        initial_types=[("features", FloatTensorType([None, len(FEATURE_NAMES)]))],
        options={id(model): {"zipmap": False}},
        target_opset=17,
    )
    path.write_bytes(onnx_model.SerializeToString())
    return model


def onnx_window_model(path: Path, window: int = 20, seed: int = 0) -> tuple[np.ndarray, float]:
    """A window model written with the ``onnx`` helper API: input ``seq{window}``
    (None, window, 1), ``threshold = sigmoid(flatten(x) @ w + b)``. Returns ``(w, b)``."""
    import onnx
    from onnx import TensorProto, helper, numpy_helper

    rng = np.random.default_rng(seed)
    weights = rng.normal(0.0, 0.5, size=(window, 1)).astype(np.float32)
    bias = np.float32(0.3)
    graph = helper.make_graph(
        [
            helper.make_node("Flatten", ["x"], ["flat"], axis=1),
            helper.make_node("MatMul", ["flat", "w"], ["logit0"]),
            helper.make_node("Add", ["logit0", "b"], ["logit"]),
            helper.make_node("Sigmoid", ["logit"], ["threshold"]),
        ],
        "window_model",
        [helper.make_tensor_value_info("x", TensorProto.FLOAT, ["batch", window, 1])],
        [helper.make_tensor_value_info("threshold", TensorProto.FLOAT, ["batch", 1])],
        [
            numpy_helper.from_array(weights, "w"),
            numpy_helper.from_array(np.array([bias], dtype=np.float32), "b"),
        ],
    )
    graph.input[0].name = f"seq{window}"
    graph.node[0].input[0] = f"seq{window}"
    model = helper.make_model(
        graph, producer_name="jetx-diag-tests", opset_imports=[helper.make_opsetid("", 17)]
    )
    model.ir_version = 8
    onnx.checker.check_model(model)
    path.write_bytes(model.SerializeToString())
    return weights[:, 0].astype(np.float64), float(bias)
