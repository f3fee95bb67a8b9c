"""``--help`` with options in sections and worked examples, for every command.

Forty options in one list hide the few a first run needs. :class:`SectionedCommand` prints them
under headings (what to read, which rounds and calls, the statistics, targets and the CI gate,
what to write) and ends with examples. Every example that sets a target quotes it
(``--target 'below_accuracy>=80'``): unquoted, a shell reads ``>`` as a redirection and creates
a file named ``=80``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import click

#: Section titles in the order they are printed.
SECTION_ORDER: tuple[str, ...] = (
    "Inputs",
    "Training run",
    "Held-out rounds and calls",
    "Data checks and cache",
    "Statistics and money",
    "Targets and CI gate",
    "Output",
    "Other options",
)

#: The section of each option, by its parameter name; unlisted options go to "Other options".
SECTIONS: dict[str, str] = {
    **dict.fromkeys(
        [
            "data",
            "table",
            "column",
            "scaler",
            "metadata",
            "features",
            "inputs_npz",
            "predictions_csv",
            "config_file",
            "checkpoint",
            "trust_code",
        ],
        "Inputs",
    ),
    **dict.fromkeys(
        [
            "stages",
            "monitors",
            "patiences",
            "checkpoints",
            "goal",
            "goal_mode",
            "monitor",
            "patience",
            "class_weights",
            "class_counts",
            "max_overweight",
            "expected_files",
        ],
        "Training run",
    ),
    **dict.fromkeys(
        ["threshold", "cutoff", "window_transform", "test_fraction", "test_from_id", "min_history"],
        "Held-out rounds and calls",
    ),
    **dict.fromkeys(["strict", "max_rejected", "cache_dir", "no_cache"], "Data checks and cache"),
    **dict.fromkeys(
        ["cashout", "house_edge", "seed", "permutations", "bootstrap", "tests_tried", "rounds"],
        "Statistics and money",
    ),
    **dict.fromkeys(
        ["target_texts", "rank_by", "baseline", "tolerance", "require_decided", "fail_on"],
        "Targets and CI gate",
    ),
    **dict.fromkeys(
        ["output", "formats", "lang", "json_path", "junit_path", "no_reports", "quiet"], "Output"
    ),
}


class SectionedCommand(click.Command):
    """A click command whose help groups its options in sections and ends with examples."""

    def __init__(self, *args: Any, examples: Sequence[str] = (), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.examples = tuple(examples)

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        groups: dict[str, list[tuple[str, str]]] = {}
        for param in self.get_params(ctx):
            record = None if isinstance(param, click.Argument) else param.get_help_record(ctx)
            if record is None:
                continue
            section = SECTIONS.get(param.name or "", "Other options")
            groups.setdefault(section, []).append(record)
        for title in SECTION_ORDER:
            if title in groups:
                with formatter.section(title):
                    formatter.write_dl(groups[title])

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        super().format_epilog(ctx, formatter)
        if not self.examples:
            return
        with formatter.section("Examples"):
            for line in self.examples:  # verbatim: a shell command must not be re-wrapped
                formatter.write(" " * formatter.current_indent + line + "\n")
