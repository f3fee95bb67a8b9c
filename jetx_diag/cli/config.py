"""Project configuration: ``[jetx_diag]`` / ``[jetx_diag:targets]`` in setup.cfg, or
``[tool.jetx_diag]`` / ``[tool.jetx_diag.scoring.targets]`` in pyproject.toml.

Command-line options override the file; the file overrides the built-in defaults. Unknown keys
and bad values are errors naming the file and the key, so a typo never silently does nothing.
"""

from __future__ import annotations

import configparser
import math
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from jetx_diag.errors import ConfigError, UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.scoring.targets import Target, targets_from_mapping


def _boolean(value: Any) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "yes", "on"):
        return True
    if text in ("0", "false", "no", "off"):
        return False
    raise ValueError(f"{value!r} is not true/false")


def _finite(value: Any) -> float:
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a number")
    number = float(value)
    if not math.isfinite(number):
        raise ValueError(f"{value!r} is not a finite number")
    return number


def _whole(value: Any) -> int:
    if isinstance(value, bool):
        raise ValueError(f"{value!r} is not a whole number")
    if isinstance(value, float):
        if not value.is_integer():  # inf and nan are not integers either
            raise ValueError(f"{value!r} is not a whole number")
        return int(value)
    return int(str(value).strip())


def _text_list(value: Any) -> tuple[str, ...]:
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value)
    return tuple(part.strip() for part in str(value).replace("\n", ",").split(",") if part.strip())


def _module_specs(value: Any) -> tuple[str, ...]:
    """``custom_objects``: modules, or ``module:Name,Name`` items. Items are separated by new
    lines or ``;`` (a comma separates names after a colon, modules in an item without one)."""
    if isinstance(value, list | tuple):
        return tuple(str(v).strip() for v in value if str(v).strip())
    items: list[str] = []
    for line in str(value).replace(";", "\n").splitlines():
        line = line.strip()
        if ":" in line:
            items.append(line)
        else:
            items.extend(part.strip() for part in line.split(",") if part.strip())
    return tuple(items)


#: Every key the config may hold, with the type it is read as.
KEYS: dict[str, Callable[[Any], Any]] = {
    "data": str,
    "table": str,
    "column": str,
    "checkpoint": str,
    "checkpoints": _text_list,
    "scaler": str,
    "metadata": str,
    "features": str,
    "window_transform": str,
    "threshold": _finite,
    "cutoff": _finite,
    "test_fraction": _finite,
    "test_from_id": _whole,
    "min_history": _whole,
    "cache_dir": str,
    "cache_max_mb": float,  # bound of the cache folder; oldest entries evicted past it
    "jobs": int,  # worker processes (feature extraction, compare's checkpoints)
    "scheduler": str,  # compare: a Dask scheduler address (the [distributed] extra)
    "strict": _boolean,
    "max_rejected": _finite,
    "output": str,
    "lang": str,
    "formats": _text_list,
    "json": str,
    "junit": str,
    "baseline": str,
    "tolerance": _finite,
    "rank_by": str,  # compare/check: "targets" or a target metric (compare.RANK_CHOICES)
    "house_edge": _finite,
    "cashout": _finite,
    "seed": _whole,
    "permutations": _whole,
    "null_simulations": _whole,
    "bootstrap": _whole,
    "tests_tried": _whole,
    "trust_code": _boolean,
    "custom_objects": _module_specs,  # modules (or module:Name,Name) for --custom-objects
    "require_decided": _boolean,
}

#: Keys that turn on code or choose where files are written: honoured only from the command line
#: or a config file named with ``--config``, never from one found in the current folder (a
#: downloaded run folder could otherwise make jetx-diag run the code it ships).
EXPLICIT_ONLY = frozenset({"trust_code", "features", "custom_objects", "cache_dir"})


@dataclass(frozen=True)
class Config:
    """Settings read from a project file; empty when there is none."""

    source: str | None = None
    values: dict[str, Any] = field(default_factory=dict)
    targets: tuple[Target, ...] = ()
    implicit: bool = False  # found in the current folder, not named with --config

    def get(self, key: str, default: Any = None) -> Any:
        return self.values.get(key, default)

    def path(self, key: str) -> str | None:
        """A path value, taken relative to the config file's folder (as users write them)."""
        value = self.values.get(key)
        if value is None or self.source is None:
            return value
        return str(Path(self.source).parent / value)


def load_config(explicit: str | Path | None = None, cwd: Path | None = None) -> Config:
    """Read ``explicit`` or, when not given, the first of pyproject.toml / setup.cfg in ``cwd``
    that has a jetx_diag section.

    A file found that way is *implicit*: it may not set :data:`EXPLICIT_ONLY` keys (trust, code
    to import, cache location); one that does is a :class:`ConfigError` telling the user to name
    it with ``--config`` if they mean it.
    """
    if explicit is not None:
        path = Path(explicit)
        if not path.is_file():
            raise ConfigError(record("error.config.config_file_not_found"), path=path)
        return _read(path)
    folder = cwd or Path.cwd()
    for name in ("pyproject.toml", "setup.cfg"):
        candidate = folder / name
        if candidate.is_file():
            config = _read(candidate)
            if config.source is not None:
                _refuse_explicit_only(config)
                return replace(config, implicit=True)
    return Config()


def _refuse_explicit_only(config: Config) -> None:
    found = sorted(EXPLICIT_ONLY & set(config.values))
    if found:
        raise ConfigError(
            record("error.config.sets_which_config_file_found", found=", ".join(found)),
            path=config.source,
            hint=record("error.config.hint_if_you_wrote_file_pass", source=config.source),
        )


def _read(path: Path) -> Config:
    if path.suffix == ".toml":
        return _read_toml(path)
    return _read_cfg(path)


def _read_toml(path: Path) -> Config:
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise ConfigError(record("error.config.not_valid_toml", error=error), path=path) from None
    section = document.get("tool", {}).get("jetx_diag")
    if section is None:
        return Config()
    if not isinstance(section, dict):
        raise ConfigError(record("error.config.tool_jetx_diag_must_table"), path=path)
    section = dict(section)
    target_section = section.pop("targets", {})
    return _build(path, section, target_section)


def _read_cfg(path: Path) -> Config:
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(path.read_text(encoding="utf-8-sig"), source=str(path))
    except (configparser.Error, UnicodeDecodeError) as error:
        first_line = str(error).splitlines()[0]
        raise ConfigError(
            record("error.config.not_valid_config_file", first_line=first_line), path=path
        ) from None
    if not parser.has_section("jetx_diag") and not parser.has_section("jetx_diag:targets"):
        return Config()
    section = dict(parser["jetx_diag"]) if parser.has_section("jetx_diag") else {}
    targets = dict(parser["jetx_diag:targets"]) if parser.has_section("jetx_diag:targets") else {}
    return _build(path, section, targets)


def _build(path: Path, section: dict[str, Any], target_section: dict[str, Any]) -> Config:
    values: dict[str, Any] = {}
    for key, raw in section.items():
        normal = key.replace("-", "_")
        if normal not in KEYS:
            raise ConfigError(
                record("error.config.unknown_key_jetx_diag_section", key_=f"{key!r}"),
                path=path,
                hint=record("error.config.hint_known_keys", keys=", ".join(sorted(KEYS))),
            )
        try:
            values[normal] = KEYS[normal](raw)
        except (TypeError, ValueError, OverflowError) as error:
            raise ConfigError(
                record("error.config.key", key_=f"{key!r}", error=error), path=path
            ) from None
    try:
        targets = targets_from_mapping(
            {k: str(v) for k, v in target_section.items()}, source=str(path)
        )
    except ConfigError:
        raise
    except UsageError as error:  # a bad metric name or value: say which file holds it
        raise ConfigError(error.problem, path=path, hint=error.hint) from None
    return Config(source=str(path), values=values, targets=targets)
