"""The ``jetx-diag`` command group, its lazy command table, and the one place errors become
exit codes (:mod:`jetx_diag.cli.exit_codes`).

Errors are one line on stderr naming the file and the problem; a traceback only with --debug.
Each command lives in its own module of this package and is registered on first use.
"""

from __future__ import annotations

import importlib
import os
import sys
import traceback
from collections.abc import Sequence

import click

from jetx_diag import __version__
from jetx_diag.cli.error_language import cli_line, error_line, reset_error_language
from jetx_diag.cli.exit_codes import ExitCode, exit_code_for
from jetx_diag.errors import JetxDiagError

#: The command table: name → (module, attribute, one-line summary). A command's module is
#: imported only when that command runs or shows its help, so ``jetx-diag --help`` and
#: ``jetx-diag report --help`` never load numpy's heavier neighbours or TensorFlow.
COMMANDS: dict[str, tuple[str, str, str]] = {
    "report": ("jetx_diag.cli.report", "report", "One checkpoint or predictions file → a report."),
    "compare": ("jetx_diag.cli.compare", "compare", "Rank checkpoints on the same rounds."),
    "check": ("jetx_diag.cli.compare", "check", "The CI step, everything from the config file."),
    "history": ("jetx_diag.cli.history", "history", "Why did training fail? Read a run's logs."),
    "demo": ("jetx_diag.cli.demo", "demo", "The whole job on a built-in provably-fair history."),
    "cache": ("jetx_diag.cli.cache", "cache", "Show or clear the caches."),
}


class LazyGroup(click.Group):
    """A group whose commands are imported from :data:`COMMANDS` when first asked for."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, attribute, _ = COMMANDS[cmd_name]
        command: click.Command = getattr(importlib.import_module(module), attribute)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        with formatter.section("Commands"):
            formatter.write_dl([(name, summary) for name, (_, _, summary) in COMMANDS.items()])


@click.group(
    cls=LazyGroup,
    context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100},
)
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
    reset_error_language()
    try:
        result = cli.main(args=args, prog_name="jetx-diag", standalone_mode=False)
    except click.exceptions.Exit as done:
        return int(done.exit_code)
    except click.exceptions.Abort:
        click.echo(cli_line("cli.interrupted"), err=True)
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
        click.echo(error_line(error), err=True)
        return exit_code_for(error)
    except KeyboardInterrupt:
        click.echo(cli_line("cli.interrupted"), err=True)
        return ExitCode.INTERRUPTED
    except Exception as error:  # a bug: say so plainly, one line unless --debug
        if debug:
            traceback.print_exc()
        message = " ".join(str(error).splitlines()) or type(error).__name__
        click.echo(
            cli_line("cli.internal_error", kind=type(error).__name__, message=message), err=True
        )
        return ExitCode.INTERNAL_ERROR
    return int(result or 0)


def main() -> None:
    """Console-script entry point."""
    sys.exit(run())
