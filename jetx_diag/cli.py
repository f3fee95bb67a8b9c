"""Command-line interface (filled in by the report command)."""

import click


@click.group()
def main() -> None:
    """jetx-diag: honest diagnostics for JetX prediction models."""
