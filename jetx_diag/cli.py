"""Command line: arguments → API → exit code. The only module that knows exit codes.

Errors are one line on stderr naming the file and the problem; a traceback only with --debug.
Subcommands live in ``cli_*.py`` modules and register themselves on :data:`cli`.
"""

from __future__ import annotations

import enum
import os
import sys
import traceback
from collections.abc import Sequence

import click

from jetx_diag import __version__
from jetx_diag.errors import ConfigError, InputError, JetxDiagError, UnsafeInputError, UsageError


class ExitCode(enum.IntEnum):
    """What ``jetx-diag`` tells CI. A run that cannot load its inputs never looks like a run
    whose targets failed."""

    OK = 0  # evaluated; every applicable target met
    TARGETS_MISSED = 1  # evaluated; at least one target missed
    USAGE_ERROR = 2  # bad options or configuration (click uses 2 for usage errors too)
    INPUT_ERROR = 3  # an input file is missing, unreadable, invalid or inconsistent
    UNSAFE_INPUT = 4  # refused: using the input would run code hidden in it
    INTERNAL_ERROR = 5  # a bug in jetx_diag: please report it with --debug output
    # evaluated; a metric got worse than --baseline by more than --tolerance (a ratchet). Takes
    # precedence over 1, so a CI log tells a regression from a target not reached yet.
    WORSE_THAN_BASELINE = 6
    INTERRUPTED = 130  # Ctrl-C


def exit_code_for(error: BaseException) -> ExitCode:
    """The exit code of an error raised below the CLI."""
    if isinstance(error, UnsafeInputError):
        return ExitCode.UNSAFE_INPUT
    if isinstance(error, UsageError | ConfigError | click.UsageError):
        return ExitCode.USAGE_ERROR
    if isinstance(error, InputError | JetxDiagError | click.FileError):
        return ExitCode.INPUT_ERROR
    return ExitCode.INTERNAL_ERROR


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.version_option(__version__, prog_name="jetx-diag")
@click.option("--debug", is_flag=True, help="Show a traceback when something fails.")
def cli(debug: bool) -> None:
    """Honest diagnostics for JetX crash-game prediction models.

    \b
    jetx-diag report stage2_best.h5 --data jetx_data.db   one checkpoint → Markdown/HTML report
    jetx-diag compare stage*_best.h5 --data jetx_data.db  rank checkpoints, pick the best
    jetx-diag check                                       the CI step, from the config file
    jetx-diag demo                                        the whole job on a built-in history
    jetx-diag cache                                       size of the caches; `cache clear`

    Exit codes: 0 all targets met, 1 a target missed, 2 usage error, 3 input error,
    4 unsafe input refused, 5 internal error, 6 worse than the baseline.
    """


def run(argv: Sequence[str] | None = None) -> int:
    """Run the CLI and return its exit code (tests call this; ``main`` exits with it)."""
    args = list(sys.argv[1:] if argv is None else argv)
    debug = "--debug" in args or bool(os.environ.get("JETX_DIAG_DEBUG"))
    # --debug is accepted anywhere (`jetx-diag report x.h5 --debug`), as the error hint says.
    args = [arg for arg in args if arg != "--debug"]
    _register_commands()
    try:
        result = cli.main(args=args, prog_name="jetx-diag", standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.exceptions.Abort:
        click.echo("jetx-diag: interrupted", err=True)
        return ExitCode.INTERRUPTED
    except click.UsageError as error:
        # One line, like every other error; the usage text is one --help away.
        command = error.ctx.command_path if error.ctx is not None else "jetx-diag"
        click.echo(f"jetx-diag: error: {error.format_message()} (see '{command} --help')", err=True)
        return ExitCode.USAGE_ERROR
    except click.ClickException as error:
        click.echo(f"jetx-diag: error: {error.format_message()}", err=True)
        return ExitCode.INPUT_ERROR if isinstance(error, click.FileError) else ExitCode.USAGE_ERROR
    except JetxDiagError as error:
        if debug:
            traceback.print_exc()
        click.echo(f"jetx-diag: error: {error}", err=True)
        return exit_code_for(error)
    except KeyboardInterrupt:
        click.echo("jetx-diag: interrupted", err=True)
        return ExitCode.INTERRUPTED
    except Exception as error:  # a bug: say so plainly, one line unless --debug
        if debug:
            traceback.print_exc()
        message = " ".join(str(error).splitlines()) or type(error).__name__
        click.echo(
            f"jetx-diag: internal error: {type(error).__name__}: {message} "
            "(run again with --debug for a traceback)",
            err=True,
        )
        return ExitCode.INTERNAL_ERROR
    return int(result or 0)


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())


_registered = False


def _register_commands() -> None:
    # Subcommand modules import heavier things (numpy, pandas); register them on first use
    # so that importing jetx_diag.cli stays cheap.
    global _registered
    if _registered:
        return
    from jetx_diag import cli_compare, cli_demo, cli_report

    cli.add_command(cli_report.report)
    cli.add_command(cli_compare.compare)
    cli.add_command(cli_compare.check)
    cli.add_command(cli_demo.demo)
    from jetx_diag.cli_history import history

    cli.add_command(history)
    from jetx_diag.cli_cache import cache

    cli.add_command(cache)
    _registered = True
