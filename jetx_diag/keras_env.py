"""Lazy, quiet imports of TensorFlow/Keras.

TensorFlow costs seconds to import and prints absl/oneDNN noise on stderr; only code that really
loads or runs a model calls these functions, so ``jetx-diag --help`` and predictions-only reports
never pay for it.
"""

from __future__ import annotations

import os
from types import ModuleType

from jetx_diag.errors import InputError

_QUIET_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "3",  # C++ logging: errors only
    "TF_ENABLE_ONEDNN_OPTS": "0",  # also silences the oneDNN banner; results stay deterministic
    "ABSL_MIN_LOG_LEVEL": "3",
    "GRPC_VERBOSITY": "ERROR",
}


def _quiet() -> None:
    for key, value in _QUIET_ENV.items():
        os.environ.setdefault(key, value)


def import_keras() -> ModuleType:
    """Keras 3 (through TensorFlow's backend), imported quietly."""
    _quiet()
    try:
        import keras
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise InputError(
            f"loading a checkpoint needs TensorFlow/Keras, which is not installed ({error})",
            hint="pip install 'jetx-diag[keras]', or pass --predictions to skip the model",
        ) from None
    _silence_python_loggers()
    return keras


def import_tf_keras() -> ModuleType | None:
    """Keras 2 (``tf_keras``) for legacy checkpoints, or ``None`` when it is not installed."""
    _quiet()
    try:
        import tf_keras
    except ImportError:
        return None
    _silence_python_loggers()
    return tf_keras


def _silence_python_loggers() -> None:
    import logging

    for name in ("tensorflow", "absl", "keras", "h5py"):
        logging.getLogger(name).setLevel(logging.ERROR)
