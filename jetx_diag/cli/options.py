"""Building blocks the ``jetx-diag`` subcommands share: options, settings, output, gating.

Options given on the command line win over the config file (``[jetx_diag]`` in setup.cfg or
``[tool.jetx_diag]`` in pyproject.toml), which wins over the defaults. Everything heavy (numpy,
the evaluator, rich) is imported inside the functions that need it, so that building the
command tree for ``jetx-diag --help`` stays cheap.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from jetx_diag.cli.config import Config
from jetx_diag.cli.error_language import remember_language
from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import messages, record

if TYPE_CHECKING:
    from jetx_diag.evaluation.options import EvaluationOptions, Progress
    from jetx_diag.scoring.targets import Target

#: Pages a report or comparison is written as when ``--format`` is not given.
PAGE_FORMATS = ("md", "html")

Decorator = Callable[[Callable[..., Any]], Callable[..., Any]]


class FiniteFloatRange(click.FloatRange):
    """``click.FloatRange`` that also refuses ``nan`` (which compares false with any bound,
    so a plain range lets it through) and infinities."""

    name = "finite float range"

    def convert(self, value: Any, param: Any, ctx: Any) -> Any:
        number = super().convert(value, param, ctx)
        if not math.isfinite(number):
            self.fail(f"{value!r} is not a finite number", param, ctx)
        return number


# --------------------------------------------------------------------------- options


def language_option(default: str | None = None, help_text: str | None = None) -> Decorator:
    """``--lang en|tr``: the pages' language, and the errors' from the moment it is parsed."""
    return click.option(
        "--lang",
        type=click.Choice(["en", "tr"]),
        default=default,
        show_default=default is not None,
        callback=remember_language,
        help=help_text,
    )


def _apply(options: list[Decorator], function: Callable[..., Any]) -> Callable[..., Any]:
    """``options`` in the order ``--help`` lists them."""
    for option in reversed(options):
        function = option(function)
    return function


def evaluation_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """Options shared by every command that evaluates a model (report, compare)."""
    options = [
        click.option("--data", "data", metavar="FILE", help="Round history: SQLite, CSV or text."),
        click.option("--table", metavar="NAME", help="SQLite table  [default: jetx_results]"),
        click.option("--column", metavar="NAME", help="SQLite/CSV value column  [default: value]"),
        click.option("--scaler", metavar="FILE", help="Fitted scaler (.pkl/.joblib/.skops)."),
        click.option("--metadata", metavar="FILE", help="Run metadata JSON (recorded metrics)."),
        click.option(
            "--features",
            metavar="MODULE:CALLABLE",
            help="Feature extractor the training used, called with the history before a round.",
        ),
        click.option(
            "--inputs", "inputs_npz", metavar="FILE.npz", help="Precomputed inputs by name."
        ),
        click.option("--threshold", type=float, help="Cash-out multiplier  [default: 1.5]"),
        click.option("--cutoff", type=float, help="p_above at or above this is 'above'  [0.5]"),
        click.option(
            "--window-transform",
            type=click.Choice(["log10", "log", "log1p", "raw"]),
            help="Transform of window inputs, as in training  [default: log10]",
        ),
        click.option(
            "--test-fraction", type=float, help="Held-out share, last samples  [default: 0.2]"
        ),
        click.option("--test-from-id", type=int, help="Hold out the rounds from this id on."),
        click.option("--min-history", type=int, help="Rounds of history before the first call."),
        click.option(
            "--strict", is_flag=True, default=None, help="Any rejected history row is an error."
        ),
        click.option(
            "--max-rejected",
            type=float,
            metavar="SHARE",
            help="Fail when more than this share of history rows is rejected (e.g. 0.01).",
        ),
        click.option(
            "--trust-code",
            is_flag=True,
            default=None,
            help="Allow Lambda layers (they run arbitrary Python). Only for files you made.",
        ),
        click.option(
            "--custom-objects",
            "custom_objects",
            multiple=True,
            metavar="MODULE[:NAME,...]",
            help="Import this module of your training code for the model's custom layers "
            "(repeatable). Runs its code; Lambda layers still need --trust-code.",
        ),
        click.option("--cache-dir", metavar="DIR", help="Cache folder."),
        click.option(
            "--no-cache",
            is_flag=True,
            help="Do not read or write the feature, prediction and simulated-null caches.",
        ),
        click.option(
            "--jobs",
            type=click.IntRange(min=1),
            metavar="N",
            help="Worker processes for the feature extractor (and compare's checkpoints)  "
            "[default: the cores available]",
        ),
        click.option(
            "--cashout",
            type=float,
            metavar="X",
            help="Cash-out multiplier of the bet simulation  [default: --threshold]",
        ),
        click.option(
            "--house-edge",
            type=float,
            metavar="SHARE",
            help="House edge of the fair-game reference, (1 - edge)/m  [default: 0.03]",
        ),
        click.option("--seed", type=int, help="Seed of every permutation and bootstrap  [0]"),
        click.option(
            "--permutations", type=int, help="Permutations for the AUC p-value  [default: 1000]"
        ),
        click.option(
            "--bootstrap", type=int, help="Bootstrap resamples per interval  [default: 1000]"
        ),
        click.option(
            "--null-simulations",
            type=int,
            metavar="N",
            help="Simulated fair histories run through the checkpoint's own pipeline for the "
            "chance verdict (one predict each; 0: the martingale test instead)  [default: 199, "
            "or $JETX_DIAG_NULL_SIMULATIONS]",
        ),
        click.option(
            "--tests-tried",
            type=int,
            metavar="N",
            help="Checkpoints/cut-offs tried on these held-out rounds; p-values are "
            "Holm-corrected for them  [default: 1]",
        ),
        click.option("--config", "config_file", metavar="FILE", help="setup.cfg/pyproject.toml."),
    ]
    return _apply(options, function)


#: ``--target``, as report and compare take it.
target_option = click.option(
    "--target",
    "target_texts",
    multiple=True,
    metavar="METRIC<OP>VALUE",
    help="Override a target, e.g. 'below_accuracy>=80' (quoted, or the shell reads > as a "
    "redirection; repeatable).",
)

#: ``-q``: no terminal summary.
quiet_option = click.option("-q", "--quiet", is_flag=True, help="No terminal summary.")


def publish_options(
    *,
    output_help: str,
    formats: tuple[str, ...],
    json_what: str,
    junit_help: str,
    baseline_help: str,
) -> Decorator:
    """Where results go and what they are held against: ``-o``, ``--format``, ``--lang``,
    ``--json``, ``--junit``, ``--baseline``, ``--tolerance``."""

    def decorate(function: Callable[..., Any]) -> Callable[..., Any]:
        listed = ",".join(formats)
        options = [
            click.option("-o", "--output", metavar="DIR", help=output_help),
            click.option(
                "--format", "formats", help=f"Comma-separated: {listed}  [default: md,html]"
            ),
            language_option(help_text="Report language  [default: en]"),
            click.option(
                "--json",
                "json_path",
                metavar="PATH",
                help=f"Write the {json_what} as JSON (- = stdout).",
            ),
            click.option("--junit", "junit_path", metavar="PATH", help=junit_help),
            click.option("--baseline", metavar="FILE.json", help=baseline_help),
            click.option(
                "--tolerance",
                type=float,
                metavar="POINTS",
                help="Percentage points a metric may lose against --baseline  [default: 0]",
            ),
        ]
        return _apply(options, function)

    return decorate


# --------------------------------------------------------------------------- settings


def report_language(config: Config, params: dict[str, Any]) -> str:
    """The run's language: ``--lang``, else the config file's ``lang``, else English."""
    return str(params.get("lang") or config.get("lang", "en"))


def build_options(
    config: Config, params: dict[str, Any], targets: tuple[Target, ...] | None = None
) -> EvaluationOptions:
    """Command-line values over config values over defaults. ``targets``: what a cut-off chosen
    on the validation slice must meet (default: the document's targets)."""

    def pick(key: str, default: Any = None) -> Any:
        value = params.get(key)
        return value if value is not None else config.get(key, default)

    def pick_path(key: str) -> str | None:
        value = params.get(key)
        return value if value is not None else config.path(key)

    from jetx_diag.cache_store import max_bytes_from
    from jetx_diag.evaluation.options import EvaluationOptions, SkillOptions
    from jetx_diag.inputs.feature_cache import default_cache_dir
    from jetx_diag.inputs.feature_workers import available_cores
    from jetx_diag.results import EvaluationSettings
    from jetx_diag.scoring.targets import DEFAULT_TARGETS
    from jetx_diag.skill.null_simulation import default_null_simulations

    cache_dir = None if params.get("no_cache") else Path(pick("cache_dir") or default_cache_dir())
    settings = EvaluationSettings(
        threshold=pick("threshold", 1.5),
        cutoff=pick("cutoff", 0.5),
        window_transform=pick("window_transform", "log10"),
    )
    for key in ("threshold", "cutoff", "test_fraction", "max_rejected", "cashout", "house_edge"):
        value = pick(key)
        if value is not None and not math.isfinite(float(value)):
            raise UsageError(
                record(
                    "error.options.must_finite_number_got",
                    replace=key.replace("_", "-"),
                    value=value,
                )
            )
    if settings.threshold < 1.0:
        raise UsageError(
            record("error.options.threshold_must_least_1_0", threshold=settings.threshold)
        )
    if not 0.0 <= settings.cutoff <= 1.0:
        raise UsageError(record("error.options.cutoff_must_within_0_1", cutoff=settings.cutoff))
    jobs = pick("jobs")
    if jobs is not None and jobs < 1:
        raise UsageError(record("error.options.jobs_must_least_1_got", jobs=jobs))
    cache_max_mb = pick("cache_max_mb")
    if cache_max_mb is not None and not cache_max_mb >= 0:
        raise UsageError(record("error.options.cache_max_mb_must_least", cache_max_mb=cache_max_mb))
    max_rejected = pick("max_rejected")
    if max_rejected is not None and not 0.0 <= max_rejected <= 1.0:
        raise UsageError(
            record("error.options.max_rejected_share_within_0", max_rejected=max_rejected)
        )
    skill = SkillOptions(
        cashout=pick("cashout"),
        house_edge=pick("house_edge", 0.03),
        seed=pick("seed", 0),
        permutations=pick("permutations", 1000),
        bootstrap=pick("bootstrap", 1000),
        null_simulations=pick("null_simulations", default_null_simulations()),
        tests_tried=pick("tests_tried", 1),
        targets=DEFAULT_TARGETS if targets is None else targets,
    )
    return EvaluationOptions(
        data=pick_path("data"),
        table=pick("table", "jetx_results"),
        column=pick("column", "value"),
        scaler=pick_path("scaler"),
        metadata=pick_path("metadata"),
        features=pick("features"),
        inputs_npz=pick_path("inputs_npz"),
        settings=settings,
        test_fraction=pick("test_fraction", 0.2),
        test_from_id=pick("test_from_id"),
        min_history=pick("min_history"),
        strict=bool(pick("strict", False)),
        max_rejected=max_rejected,
        trust_code=bool(pick("trust_code", False)),
        custom_objects=tuple(params.get("custom_objects") or config.get("custom_objects") or ()),
        cache_dir=cache_dir,
        skill=skill,
        jobs=available_cores() if jobs is None else int(jobs),
        cache_max_bytes=max_bytes_from(cache_max_mb),
    )


def implicit_config_note(config: Config) -> str | None:
    """The report's line saying settings came from a file nobody named, or ``None``."""
    if not config.implicit or config.source is None:
        return None
    return record("record.implicit_config", source=config.source)


def note_implicit_config(evaluation: Any, config: Config) -> Any:
    """``evaluation`` with :func:`implicit_config_note` among its warnings, when there is one."""
    import dataclasses

    note = implicit_config_note(config)
    if note is None or note in evaluation.warnings:
        return evaluation
    return dataclasses.replace(evaluation, warnings=(*evaluation.warnings, note))


def build_targets(config: Config, target_texts: tuple[str, ...]) -> tuple[Target, ...]:
    """Document defaults, then config targets, then ``--target`` options."""
    from jetx_diag.scoring.targets import DEFAULT_TARGETS, merge_targets, parse_target

    targets = merge_targets(DEFAULT_TARGETS, config.targets)
    return merge_targets(targets, [parse_target(t) for t in target_texts])


def parse_formats(
    value: Any, allowed: tuple[str, ...], *, allow_empty: bool = True
) -> tuple[str, ...]:
    """``--format`` (or the config's ``formats``: text or a list) as format names, each once.

    ``None`` means the pages, Markdown and HTML. ``allow_empty``: whether a selection that
    names nothing (``--format ,``) is accepted as "no pages".
    """
    if value is None:
        return PAGE_FORMATS
    items = value if isinstance(value, tuple | list) else str(value).split(",")
    chosen = tuple(dict.fromkeys(item.strip().lower() for item in items if item.strip()))
    unknown = [f for f in chosen if f not in allowed]
    if unknown or not (chosen or allow_empty):
        named = ", ".join(unknown) if unknown else repr(value)
        raise UsageError(
            record("error.writer.unknown_report_format", unknown=named), hint=", ".join(allowed)
        )
    return chosen


# --------------------------------------------------------------------------- baseline and output


def _tolerance(config: Config, params: dict[str, Any]) -> float:
    value = params.get("tolerance")
    value = config.get("tolerance", 0.0) if value is None else value
    if not (math.isfinite(float(value)) and float(value) >= 0.0):
        raise UsageError(
            record("error.ratchet.tolerance_percentage_points_least_0", tolerance=value)
        )
    return float(value)


def baseline_check(current: Any, config: Config, params: dict[str, Any], targets: Any) -> Any:
    """The ratchet against ``--baseline`` (or the config's ``baseline``), or ``None``."""
    path = params.get("baseline") or config.path("baseline")
    if not path:
        return None
    from jetx_diag.compare.document import load_baseline
    from jetx_diag.compare.ratchet import check_baseline

    return check_baseline(
        current,
        load_baseline(path),
        tolerance=_tolerance(config, params),
        targets=targets,
        source=str(path),
    )


def print_baseline(check: Any, lang: str, console: Any) -> None:
    """The ratchet's headline and every metric that failed it."""
    from rich.text import Text

    from jetx_diag.i18n.messages import messages
    from jetx_diag.report.baseline import baseline_section

    section = baseline_section(check, messages(lang))
    style = "bold green" if section["passed"] else "bold red"
    console.print(Text(f"{section['headline_symbol']} {section['headline']}", style=style))
    for row in section["rows"]:
        if row["fails"]:
            text = f"  {row['name']}: {row['baseline']} → {row['current']} ({row['change']})"
            console.print(Text(text))


def summary_console(json_path: Any) -> Any:
    """The console of the terminal summary: stderr when ``--json -`` gives stdout to the JSON."""
    from rich.console import Console

    return Console(stderr=True) if str(json_path) == "-" else Console()


# --------------------------------------------------------------------------- progress


@contextmanager
def progress_bars(enabled: bool, lang: str = "en") -> Iterator[Progress | None]:
    """A rich progress display on stderr when it is a terminal; nothing otherwise.

    Task names are codes (``features``) or sentences made by ``record``; both are shown in
    ``lang``."""
    if not enabled:
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

    console = Console(stderr=True)
    if not console.is_terminal:
        yield None
        return
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=console,
        transient=True,
    ) as bars:
        tasks: dict[str, Any] = {}
        msg = messages(lang)

        def update(task: str, done: int, total: int) -> None:
            if task not in tasks:
                shown = msg.get(f"progress.{task}", msg.recorded(task))
                tasks[task] = bars.add_task(shown, total=total)
            bars.update(tasks[task], completed=done, total=total)

        yield update
