"""The language of the one line an error prints on stderr.

It is the run's ``--lang`` (or the config file's ``lang``) from the moment the command knows it,
and English before that. Errors are made in English where they are raised (the JSON, logs and
tests see one text); this module shows that text from the chosen language's catalog. Click's own
parse errors ("No such option") and texts quoted from other libraries stay as they are written.
"""

from __future__ import annotations

from contextvars import ContextVar
from typing import Any

from jetx_diag.errors import JetxDiagError, one_line
from jetx_diag.i18n.messages import LANGUAGES, messages

_LANGUAGE: ContextVar[str] = ContextVar("jetx_diag_error_language", default="en")


def show_errors_in(lang: str | None) -> None:
    """Print later errors in ``lang`` (ignored when it is not a catalog language)."""
    if lang in LANGUAGES:
        _LANGUAGE.set(str(lang))


def remember_language(ctx: Any, param: Any, value: str | None) -> str | None:
    """Click callback of every ``--lang`` option: errors follow the option as soon as it is
    parsed."""
    show_errors_in(value)
    return value


def reset_error_language() -> None:
    """English again (each run of the CLI starts from it)."""
    _LANGUAGE.set("en")


def error_line(error: JetxDiagError) -> str:
    """``jetx-diag: error: <file>: <problem> (<hint>)`` in the current language."""
    msg = messages(_LANGUAGE.get())
    hint = msg.recorded(error.hint) if error.hint else None
    text = one_line(msg.recorded(error.problem), error.path, hint)
    return msg("cli.error", message=text)


def cli_line(key: str, /, **values: object) -> str:
    """Another line the CLI prints about how a run ended (interrupted, internal error)."""
    return messages(_LANGUAGE.get())(key, **values)
