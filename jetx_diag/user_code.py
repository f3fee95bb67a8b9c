"""The boundary around code the user names (``--features module:callable``, modules to import).

Such code may raise anything, ``SystemExit`` and other ``BaseException`` subclasses included:
a ``sys.exit(0)`` inside an extractor must not end the run with exit 0 and no report, which CI
would read as "every target met". Everything it raises becomes a :class:`UserCodeError` naming
the code. A real Ctrl-C (SIGINT received while the code ran) still interrupts the run.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType

from jetx_diag.errors import JetxDiagError, UserCodeError


class Guard:
    """Whether a real SIGINT arrived while the guarded code ran."""

    def __init__(self) -> None:
        self.interrupted = False

    def convert(self, error: BaseException, what: str) -> BaseException:
        """The error to raise for ``error``, raised by the code called ``what``."""
        if isinstance(error, JetxDiagError):
            return error
        if isinstance(error, KeyboardInterrupt) and self.interrupted:
            return error
        detail = _describe(error)
        return UserCodeError(f"{what} raised {detail}; the run was stopped")


def _describe(error: BaseException) -> str:
    name = type(error).__name__
    try:
        text = " ".join(str(error).split())[:300]
    except BaseException:
        text = ""
    if isinstance(error, SystemExit):
        return f"SystemExit({error.code!r}) (it tried to end the program)"
    return f"{name}: {text}" if text else name


@contextlib.contextmanager
def guarded() -> Iterator[Guard]:
    """Run user code with SIGINT noted, so a raised ``KeyboardInterrupt`` can be told from a
    real Ctrl-C."""
    guard = Guard()
    if threading.current_thread() is not threading.main_thread():
        yield guard
        return
    previous = signal.getsignal(signal.SIGINT)

    def on_sigint(signum: int, frame: FrameType | None) -> None:
        guard.interrupted = True
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGINT, on_sigint)
    except (ValueError, OSError):  # no signals here (embedded interpreter)
        yield guard
        return
    try:
        yield guard
    finally:
        signal.signal(signal.SIGINT, previous)
