"""Checkpoints, loaded with ``compile=False`` once :mod:`inspection` has accepted them.

What loads:

* HDF5 (``.h5``) written by Keras 3, or by Keras 2 / ``tf.keras`` (legacy HDF5, whatever losses
  its compile config names: nothing is compiled). Keras 3 is tried first; a legacy file that
  Keras 3 cannot rebuild (``TFOpLambda`` layers, for instance) is loaded with ``tf_keras``.
* Keras 3 zip archives (``.keras``).
* TensorFlow SavedModel directories, through :mod:`savedmodel`.
"""

from __future__ import annotations

import contextlib
import re
import shutil
import tempfile
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from jetx_diag.artifacts.custom_objects import OPTION, CustomObjects
from jetx_diag.artifacts.inspection import (
    TRUST_HINT,
    CheckpointInfo,
    first_line,
    inspect_checkpoint,
)
from jetx_diag.artifacts.keras_env import import_keras, import_tf_keras
from jetx_diag.artifacts.loaded_model import LoadedModel, check_outputs, model_inputs, model_outputs
from jetx_diag.artifacts.savedmodel import load_savedmodel
from jetx_diag.errors import ArtifactError, UnsafeInputError
from jetx_diag.i18n.messages import record as record_text


def load_checkpoint(
    path: str | Path, *, trust_code: bool = False, custom_objects: CustomObjects | None = None
) -> LoadedModel:
    """Load a Keras checkpoint or SavedModel for inference, refusing code hidden in it.

    Always ``compile=False`` (losses, even custom ones such as ``threshold_killer_loss``, are
    not needed to evaluate). Keras 3 runs with ``safe_mode=True`` unless ``trust_code``: the
    caller's explicit trust is the one thing that lifts it, for Keras 3 and tf_keras alike.
    ``custom_objects`` (from ``--custom-objects``) are the user's own classes, given to both;
    they do not lift safe mode. A SavedModel's serving signature needs none (it is a graph).
    """
    p = Path(path)
    info = inspect_checkpoint(p)
    if info.code_layers and not trust_code:
        raise UnsafeInputError(
            record_text(
                "error.keras_loader.model_contains_layers_run_python",
                code_layers=", ".join(info.code_layers),
            ),
            path=p,
            hint=TRUST_HINT,
        )
    caught: list[str] = []
    if info.format == "savedmodel":
        model, framework = load_savedmodel(p, trust_code), "tensorflow"
        saved_by = model.saved_by
    else:
        model, framework = _load_keras(info, trust_code, caught, custom_objects or CustomObjects())
        saved_by = info.saved_by
    inputs = model_inputs(model)
    outputs = model_outputs(model)
    check_outputs(outputs, path=p)
    return LoadedModel(
        model=model,
        path=str(p),
        format=info.format,
        framework=framework,
        saved_by=saved_by,
        sha256=info.sha256,
        size_bytes=info.size_bytes,
        inputs=inputs,
        outputs=outputs,
        warnings=tuple(dict.fromkeys(caught)),
    )


@contextlib.contextmanager
def _canonical_name(source: Path, suffix: str) -> Iterator[Path]:
    """The file under a name Keras dispatches on (it decides by suffix, we by bytes)."""
    with tempfile.TemporaryDirectory(prefix="jetx_diag_") as tmp:
        link = Path(tmp) / f"model{suffix}"
        try:
            link.symlink_to(source.resolve())
        except OSError:  # no symlinks (Windows without privilege): copy instead
            shutil.copyfile(source, link)
        yield link


def _load_keras(
    info: CheckpointInfo, trust_code: bool, caught: list[str], custom: CustomObjects
) -> tuple[Any, str]:

    keras = import_keras()
    path = Path(info.path)
    failures: list[tuple[str, BaseException]] = []
    suffix = ".h5" if info.format == "hdf5" else ".keras"
    with _canonical_name(path, suffix) as name, warnings.catch_warnings(record=True) as record:
        warnings.simplefilter("always")
        try:
            model = keras.saving.load_model(
                name,
                custom_objects=dict(custom.objects) or None,
                compile=False,
                safe_mode=not trust_code,
            )
            framework = "keras3"
        except Exception as error:  # Keras raises ValueError, TypeError, KeyError, OSError …
            failures.append(("Keras 3", error))
            model = None
        legacy = info.format == "hdf5" and not (info.keras_version or "").startswith("3.")
        refused_by_keras = any(_security_refusal(error) for _, error in failures)
        if model is None and legacy and not refused_by_keras:
            if info.foreign_modules and not trust_code:
                raise UnsafeInputError(
                    record_text(
                        "error.keras_loader.model_config_names_classes_outside",
                        foreign_modules=", ".join(info.foreign_modules[:5]),
                    ),
                    path=path,
                    hint=TRUST_HINT,
                )
            tf_keras = import_tf_keras()
            if tf_keras is not None:
                # Only reached after code_layers_in() found nothing, or the caller trusts the
                # file: tf_keras has no safe mode for HDF5 and would run Lambda bytecode.
                try:
                    model = tf_keras.models.load_model(
                        name, custom_objects=dict(custom.objects) or None, compile=False
                    )
                    framework = "tf_keras"
                except Exception as error:
                    failures.append(("tf_keras", error))
        caught.extend(_warning_text(w.message) for w in record)
    if model is None:
        raise _explain_failure(info, failures, custom)
    return model, framework


# Phrases of Keras 3's own security refusals: after one of them no other loader is tried.
_SECURITY_PHRASES = ("not allowed", "safe_mode", "safe mode", "externallink", "softlink")


def _security_refusal(error: BaseException) -> bool:
    text = str(error).lower()
    return any(phrase in text for phrase in _SECURITY_PHRASES)


def _warning_text(message: Warning | str) -> str:
    return " ".join(str(message).split())[:300]


_CUSTOM_PATTERNS = (
    re.compile(r"Unknown (?:layer|object|class)[:\s]+'?([\w>.\-]+)'?"),
    re.compile(r"Could not locate (?:class|function|object) '([^']+)'"),
    re.compile(r"Could not deserialize (?:class|function) '([^']+)'"),
)


def _explain_failure(
    info: CheckpointInfo, failures: list[tuple[str, BaseException]], custom: CustomObjects
) -> Exception:
    path = info.path
    texts = [str(error) for _, error in failures]
    for text in texts:
        if "safe_mode" in text and "lambda" in text.lower():
            return UnsafeInputError(
                record_text("error.keras_loader.keras_safe_mode_refused_python"),
                path=path,
                hint=TRUST_HINT,
            )
    for _, error in failures:
        if _security_refusal(error):
            return UnsafeInputError(
                record_text(
                    "error.keras_loader.keras_refused_file_unsafe", first_line=first_line(error)
                ),
                path=path,
                hint=TRUST_HINT,
            )
    for text in texts:
        for pattern in _CUSTOM_PATTERNS:
            match = pattern.search(text)
            if match:
                return ArtifactError(
                    record_text(
                        "error.keras_loader.model_uses_custom_layer_function",
                        group=f"{match.group(1)!r}",
                        where=custom.where(),
                    ),
                    path=path,
                    hint=record_text(
                        "error.keras_loader.hint_pass_module_module_naming_module",
                        option=OPTION,
                        split=match.group(1).split(">")[-1],
                    ),
                )
    detail = "; ".join(f"{who}: {first_line(error)}" for who, error in failures)
    return ArtifactError(
        record_text("error.keras_loader.keras_cannot_rebuild_model", detail=detail), path=path
    )
