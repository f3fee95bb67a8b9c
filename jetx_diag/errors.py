"""One exception root for everything jetx_diag refuses or cannot do.

Every error names the file (when there is one), the problem, and, where it helps, the next step.
``str(error)`` is the one line the CLI prints. Only ``cli.py`` maps these classes to exit codes.
"""

from __future__ import annotations

from pathlib import Path


class JetxDiagError(Exception):
    """Root of all errors jetx_diag raises on purpose."""

    def __init__(
        self, problem: str, *, path: str | Path | None = None, hint: str | None = None
    ) -> None:
        self.problem = problem
        self.path = None if path is None else str(path)
        self.hint = hint
        super().__init__(self.message)

    @property
    def message(self) -> str:
        """The one-line message: ``<file>: <problem> (<hint>)``."""
        return one_line(self.problem, self.path, self.hint)

    def __str__(self) -> str:
        return self.message


def one_line(problem: str, path: str | None = None, hint: str | None = None) -> str:
    """``<file>: <problem> (<hint>)`` on one line, whatever the inputs held (file names may
    contain newlines)."""
    text = f"{path}: {problem}" if path else problem
    if hint:
        text += f" ({hint})"
    return " ".join(text.splitlines())


class UsageError(JetxDiagError):
    """The options given do not make sense together or are out of range."""


class InputError(JetxDiagError):
    """An input file is missing, unreadable or invalid."""


class DataError(InputError):
    """A round history cannot be used (missing, malformed, too many rejected rows, too short)."""


class ArtifactError(InputError):
    """A checkpoint, scaler or metadata file cannot be used."""


class MismatchError(InputError):
    """Inputs that must agree do not (feature counts, window lengths, output heads)."""


class LogError(InputError):
    """A training log (CSVLogger, History JSON) cannot be used."""


class UserCodeError(InputError):
    """Code the user named (a feature extractor, a module to import) raised or tried to end the
    run; whatever it raised, ``SystemExit`` included, the run stops with this error."""


class UnsafeInputError(JetxDiagError):
    """An input was refused because using it would run code hidden in it (pickle, Lambda), or
    read or write files outside it (HDF5 external storage, SavedModel file ops)."""


class ConfigError(UsageError):
    """The configuration file holds an unknown key or a bad value."""
