"""Any model file, loaded by what its bytes say it is: Keras checkpoints and SavedModels, ONNX,
CatBoost, LightGBM and XGBoost. The one entry point the evaluator calls."""

from __future__ import annotations

from pathlib import Path

from jetx_diag.artifacts.custom_objects import CustomObjects
from jetx_diag.artifacts.loaded_model import LoadedModel
from jetx_diag.artifacts.sniffing import sniff

#: sniff() kinds that are gradient-boosted models (see :mod:`jetx_diag.artifacts.boosted`).
BOOSTED_KINDS = ("catboost", "lightgbm", "xgboost_json", "xgboost_ubj")
#: sniff() kinds Keras reads (``--custom-objects`` applies to these only).
KERAS_KINDS = ("hdf5", "zip", "savedmodel")
#: sniff() kinds that are a model (a zip only with config.json, checked when it is read).
MODEL_KINDS = (*KERAS_KINDS, "onnx", *BOOSTED_KINDS)


def load_model(
    path: str | Path, *, trust_code: bool = False, custom_objects: CustomObjects | None = None
) -> LoadedModel:
    """A model ready to predict. ``custom_objects`` only matter to Keras files; anything that
    is not a model (a pickle, an HTML page, a truncated file) is refused with its own message."""
    kind = sniff(path)
    if kind == "onnx":
        from jetx_diag.artifacts.onnx_model import load_onnx

        return load_onnx(path)
    if kind in BOOSTED_KINDS:
        from jetx_diag.artifacts.boosted import load_boosted

        return load_boosted(path)
    from jetx_diag.artifacts.keras_loader import load_checkpoint

    return load_checkpoint(path, trust_code=trust_code, custom_objects=custom_objects)
