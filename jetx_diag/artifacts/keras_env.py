"""Lazy, quiet imports of TensorFlow/Keras.

TensorFlow costs seconds to import and prints absl/oneDNN/CUDA noise on stderr; only code that
really loads or runs a model calls these functions, so ``jetx-diag --help`` and predictions-only
reports never pay for it.

The noise comes from C++ (absl's "All log messages before absl::InitializeLog()", the oneDNN and
cudart banners), which writes straight to file descriptor 2: environment variables do not silence
all of it and Python's ``sys.stderr`` never sees it. So ``import tensorflow`` runs with fd 2
pointed at a temporary file; what was captured is kept in :func:`import_log` for ``--debug``
and quoted when the import fails.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from types import ModuleType

from jetx_diag.errors import InputError
from jetx_diag.i18n.messages import record

_QUIET_ENV = {
    "TF_CPP_MIN_LOG_LEVEL": "3",  # C++ logging: errors only
    "TF_ENABLE_ONEDNN_OPTS": "0",  # also silences the oneDNN banner; results stay deterministic
    "ABSL_MIN_LOG_LEVEL": "3",
    "GRPC_VERBOSITY": "ERROR",
    "KERAS_BACKEND": "tensorflow",  # the only backend that reads SavedModels and tf.keras files
}

_LOCK = threading.Lock()
_IMPORT_LOG: list[str] = []
_INSTALL_HINT = record("error.keras_env.hint_pip_install_jetx_diag_keras")


def _quiet() -> None:
    for key, value in _QUIET_ENV.items():
        os.environ.setdefault(key, value)


@contextlib.contextmanager
def captured_stderr() -> Iterator[list[str]]:
    """Point file descriptor 2 at a temporary file for the block; yield a list that receives
    the captured text when the block ends.

    This acts on the whole process (C++ threads included), so keep the block short: anything
    another thread writes to stderr meanwhile lands in the capture too.
    """
    captured: list[str] = []
    sys.stderr.flush()
    try:
        saved_fd = os.dup(2)
    except OSError:  # pragma: no cover - no fd 2 (some embedded interpreters)
        yield captured
        return
    with tempfile.TemporaryFile(mode="w+b") as sink:
        os.dup2(sink.fileno(), 2)
        try:
            yield captured
        finally:
            sys.stderr.flush()
            os.dup2(saved_fd, 2)
            os.close(saved_fd)
            sink.seek(0)
            captured.append(sink.read().decode("utf-8", errors="replace"))


def import_log() -> str:
    """What TensorFlow wrote on stderr while it was imported (empty before the import)."""
    return "".join(_IMPORT_LOG)


def _import_tensorflow() -> ModuleType:
    with _LOCK:
        if "tensorflow" in sys.modules:
            return sys.modules["tensorflow"]
        _quiet()
        with captured_stderr() as captured:
            try:
                import tensorflow
            except ImportError as error:
                failure: ImportError | None = error
            else:
                failure = None
        _IMPORT_LOG.extend(captured)
        if failure is not None:
            last = [line for line in import_log().splitlines() if line.strip()][-1:]
            detail = f"{failure}" + (f"; stderr: {last[0]}" if last else "")
            raise InputError(
                record("error.keras_env.loading_checkpoint_needs_tensorflow_which", detail=detail),
                hint=_INSTALL_HINT,
            ) from None
        _silence_python_loggers()
        return tensorflow


def import_tensorflow() -> ModuleType:
    """TensorFlow, imported once and quietly."""
    return _import_tensorflow()


def import_keras() -> ModuleType:
    """Keras 3 (through TensorFlow's backend), imported quietly."""
    _import_tensorflow()
    try:
        import keras
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise InputError(
            record("error.keras_env.loading_checkpoint_needs_tensorflow_keras", error=error),
            hint=_INSTALL_HINT,
        ) from None
    _silence_python_loggers()
    return keras


def import_tf_keras() -> ModuleType | None:
    """Keras 2 (``tf_keras``) for legacy checkpoints, or ``None`` when it is not installed."""
    try:
        _import_tensorflow()
        import tf_keras
    except (ImportError, InputError):
        return None
    _silence_python_loggers()
    return tf_keras


def _silence_python_loggers() -> None:

    for name in ("tensorflow", "absl", "keras", "h5py", "tf_keras"):
        logging.getLogger(name).setLevel(logging.ERROR)
    absl_logging = sys.modules.get("absl.logging")
    if absl_logging is not None:
        # absl's Python handler prints "WARNING:absl:..." (e.g. "saving as HDF5 is legacy").
        absl_logging.set_verbosity(absl_logging.ERROR)
