"""Strict JSON: what Python's ``json`` module lets through that a run's record must not.

``json`` accepts ``NaN``/``Infinity`` and silently keeps the last of duplicate keys; a file with
either would put a number in a report that nobody wrote. Here both are errors naming the key path
(``metrics.mae``), as are UTF-16, invalid UTF-8 and hostile nesting. A UTF-8 byte-order mark is
fine.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

from jetx_diag.errors import ArtifactError
from jetx_diag.i18n.messages import record


class _NonFinite:
    """Stands in for NaN/Infinity (or an overflowing number) until its key path is known."""

    def __init__(self, text: str) -> None:
        self.text = text


class _Object(dict):  # type: ignore[type-arg]
    """A JSON object that remembers keys it saw more than once."""

    duplicates: tuple[str, ...] = ()


def _object(pairs: list[tuple[str, Any]]) -> _Object:
    result = _Object()
    duplicates = []
    for key, value in pairs:
        if key in result:
            duplicates.append(key)
        result[key] = value
    result.duplicates = tuple(duplicates)
    return result


def _float(text: str) -> float | _NonFinite:
    value = float(text)
    return value if math.isfinite(value) else _NonFinite(text)


def _key(path: str, key: str | int) -> str:
    if isinstance(key, int):
        return f"{path}[{key}]"
    return f"{path}.{key}" if path else key


def _clean(value: Any, path: str, file: Path) -> Any:
    """Plain dicts/lists, with duplicate keys and non-finite numbers reported by key path."""
    if isinstance(value, _NonFinite):
        raise ArtifactError(
            record(
                "error.strict_json.not_finite_json_number_nan",
                path=path or record("error.strict_json.the_value"),
                text=value.text,
            ),
            path=file,
        )
    if isinstance(value, _Object):
        if value.duplicates:
            name = _key(path, value.duplicates[0])
            raise ArtifactError(
                record("error.strict_json.duplicate_key_json_readers_disagree", name=f"{name!r}"),
                path=file,
            )
        return {k: _clean(v, _key(path, k), file) for k, v in value.items()}
    if isinstance(value, list):
        return [_clean(v, _key(path, i), file) for i, v in enumerate(value)]
    return value


def parse_strict_json(data: bytes, path: str | Path) -> Any:
    """JSON from bytes: UTF-8 (BOM allowed), no NaN/Infinity, no duplicate keys."""
    file = Path(path)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArtifactError(
            record("error.strict_json.utf_16_encoded"),
            path=file,
            hint=record("error.strict_json.hint_save_utf_8"),
        )
    bom = len(b"\xef\xbb\xbf") if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        text = data[bom:].decode("utf-8")
    except UnicodeDecodeError as error:
        offset = bom + error.start  # counted in the file, BOM included
        raise ArtifactError(
            record("error.strict_json.not_valid_utf_8_byte", offset=offset), path=file
        ) from None
    try:
        parsed = json.loads(
            text,
            object_pairs_hook=_object,
            parse_constant=_NonFinite,
            parse_float=_float,
        )
    except json.JSONDecodeError as error:
        raise ArtifactError(
            record(
                "error.strict_json.not_valid_json_line_column",
                msg=error.msg,
                lineno=error.lineno,
                colno=error.colno,
            ),
            path=file,
        ) from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        raise ArtifactError(
            record("error.strict_json.not_usable_json", error=error), path=file
        ) from None
    except RecursionError:  # a hostile file: "[[[[…" a hundred thousand levels deep
        raise ArtifactError(
            record("error.strict_json.nested_too_deeply_run_metadata"), path=file
        ) from None
    try:
        return _clean(parsed, "", file)
    except RecursionError:  # parsed just under json's depth limit, too deep to check
        raise ArtifactError(
            record("error.strict_json.nested_too_deeply_run_metadata"), path=file
        ) from None
