"""Exit codes, and every rule that picks one: what ``jetx-diag`` tells CI.

A run that cannot load its inputs never looks like a run whose targets failed.
"""

from __future__ import annotations

import enum
from typing import Any

import click

from jetx_diag.errors import ConfigError, InputError, JetxDiagError, UnsafeInputError, UsageError
from jetx_diag.training.findings import SEVERITIES, TrainingDiagnosis


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


def gate(passed: bool, check: Any, *, undecided: bool = False) -> int:
    """The exit code of a gated run: a baseline regression first (6), then targets (1/0)."""
    if check is not None and not check.passed:
        return ExitCode.WORSE_THAN_BASELINE
    if undecided:
        return ExitCode.TARGETS_MISSED  # --require-decided: met, but not by the whole interval
    return ExitCode.OK if passed else ExitCode.TARGETS_MISSED


def history_exit_code(diagnosis: TrainingDiagnosis, fail_on: str | None) -> int:
    """The exit code of ``jetx-diag history``: 1 when a finding at or above ``--fail-on``."""
    if fail_on is None:
        return ExitCode.OK
    severe = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
    if any(finding.severity in severe for finding in diagnosis.findings):
        return ExitCode.TARGETS_MISSED
    return ExitCode.OK
