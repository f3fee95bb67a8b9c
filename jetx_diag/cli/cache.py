"""``jetx-diag cache``: how big the feature, prediction and simulated-null caches are, and
clearing them."""

from __future__ import annotations

from pathlib import Path

import click

from jetx_diag.cli.config import Config, load_config


def _folder(cache_dir: str | None, config: Config) -> Path:
    from jetx_diag.inputs.feature_cache import default_cache_dir

    if cache_dir:
        return Path(cache_dir)
    configured = config.path("cache_dir")
    return Path(configured) if configured else default_cache_dir()


def _size(count: int) -> str:
    value = float(count)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "B" else f"{value:.1f} {unit}"
        value /= 1024
    return f"{value:.1f} GB"  # unreachable: the loop returns at GB


@click.group(invoke_without_command=True)
@click.option("--cache-dir", metavar="DIR", help="Cache folder  [default: ~/.cache/jetx_diag]")
@click.option("--config", "config_file", metavar="FILE", help="setup.cfg/pyproject.toml.")
@click.pass_context
def cache(ctx: click.Context, cache_dir: str | None, config_file: str | None) -> int:
    """Show or clear the feature, prediction and simulated-null caches.

    report and compare keep each feature extraction, each checkpoint's predictions and its AUCs
    on the simulated fair histories of the chance verdict ("simulated") here, so a second run
    on the same checkpoint, data and extractor runs neither the extractor nor the model.
    Entries are numpy archives (no pickle); past the bound (cache_max_mb in the config,
    $JETX_DIAG_CACHE_MAX_MB, default 1024) the least recently used are deleted.

    \b
    jetx-diag cache                       folder, size and entries by kind
    jetx-diag cache clear                 delete every entry
    jetx-diag cache --cache-dir DIR clear another folder (as given to report --cache-dir)
    """
    config = load_config(config_file)
    ctx.obj = _folder(cache_dir, config)
    if ctx.invoked_subcommand is None:
        show(ctx.obj, config.get("cache_max_mb"))
    return 0


def show(folder: Path, max_mb: float | None = None) -> None:
    """The folder, its size against the bound, and the entries of each kind."""
    from jetx_diag.cache_store import KINDS, entries, max_bytes_from

    found = entries(folder) if folder.is_dir() else []
    total = sum(e.size for e in found)
    click.echo(f"cache folder: {folder}")
    click.echo(f"size: {_size(total)} of {_size(max_bytes_from(max_mb))} (the bound)")
    for kind in KINDS:
        mine = [e for e in found if e.kind == kind]
        click.echo(f"{kind}: {len(mine)} entries, {_size(sum(e.size for e in mine))}")


@cache.command()
@click.pass_obj
def clear(folder: Path) -> int:
    """Delete every cache entry (other files in the folder are left alone)."""
    from jetx_diag.cache_store import clear as clear_folder

    removed = clear_folder(folder) if folder.is_dir() else []
    freed = sum(e.size for e in removed)
    click.echo(f"removed {len(removed)} entries ({_size(freed)}) from {folder}")
    return 0
