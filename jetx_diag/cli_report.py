"""``jetx-diag report``: one checkpoint (or predictions file) → report files and an exit code."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from jetx_diag.config import Config, load_config
from jetx_diag.errors import UsageError
from jetx_diag.evaluate import EvaluationOptions, Progress, SkillOptions
from jetx_diag.results import EvaluationSettings
from jetx_diag.targets import DEFAULT_TARGETS, Target, merge_targets, parse_target

FORMATS = ("md", "html")


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
        click.option("--cache-dir", metavar="DIR", help="Feature cache folder."),
        click.option("--no-cache", is_flag=True, help="Do not read or write the feature cache."),
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
            "--tests-tried",
            type=int,
            metavar="N",
            help="Checkpoints/cut-offs tried on these held-out rounds; p-values are "
            "Holm-corrected for them  [default: 1]",
        ),
        click.option("--config", "config_file", metavar="FILE", help="setup.cfg/pyproject.toml."),
    ]
    for option in reversed(options):
        function = option(function)
    return function


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

    from jetx_diag.feature_cache import default_cache_dir

    cache_dir = None if params.get("no_cache") else Path(pick("cache_dir") or default_cache_dir())
    settings = EvaluationSettings(
        threshold=pick("threshold", 1.5),
        cutoff=pick("cutoff", 0.5),
        window_transform=pick("window_transform", "log10"),
    )
    if settings.threshold < 1.0:
        raise UsageError(f"--threshold must be at least 1.0, got {settings.threshold}")
    if not 0.0 <= settings.cutoff <= 1.0:
        raise UsageError(f"--cutoff must be within [0, 1], got {settings.cutoff}")
    max_rejected = pick("max_rejected")
    if max_rejected is not None and not 0.0 <= max_rejected <= 1.0:
        raise UsageError(f"--max-rejected is a share within [0, 1], got {max_rejected}")
    skill = SkillOptions(
        cashout=pick("cashout"),
        house_edge=pick("house_edge", 0.03),
        seed=pick("seed", 0),
        permutations=pick("permutations", 1000),
        bootstrap=pick("bootstrap", 1000),
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
        cache_dir=cache_dir,
        skill=skill,
    )


def build_targets(config: Config, target_texts: tuple[str, ...]) -> tuple[Target, ...]:
    """Document defaults, then config targets, then ``--target`` options."""
    targets = merge_targets(DEFAULT_TARGETS, config.targets)
    return merge_targets(targets, [parse_target(t) for t in target_texts])


@contextmanager
def progress_bars(enabled: bool) -> Iterator[Progress | None]:
    """A rich progress display on stderr when it is a terminal; nothing otherwise."""
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

        def update(task: str, done: int, total: int) -> None:
            if task not in tasks:
                tasks[task] = bars.add_task(task, total=total)
            bars.update(tasks[task], completed=done, total=total)

        yield update


@click.command()
@click.argument("checkpoint", required=False, metavar="CHECKPOINT")
@evaluation_options
@click.option(
    "--predictions",
    "predictions_csv",
    metavar="FILE.csv",
    help="Per-round predictions (actual, p_above, …) from any framework; no TensorFlow needed.",
)
@click.option(
    "--target",
    "target_texts",
    multiple=True,
    metavar="METRIC<OP>VALUE",
    help="Override a target, e.g. below_accuracy>=80 (repeatable).",
)
@click.option("-o", "--output", metavar="DIR", help="Report folder  [default: reports/<name>]")
@click.option("--format", "formats", help="Comma-separated: md,html  [default: md,html]")
@click.option("--lang", type=click.Choice(["en", "tr"]), help="Report language  [default: en]")
@click.option(
    "--json", "json_path", metavar="PATH", help="Write the evaluation as JSON (- = stdout)."
)
@click.option("--junit", "junit_path", metavar="PATH", help="Write one JUnit test case per target.")
@click.option(
    "--baseline",
    metavar="FILE.json",
    help="Saved evaluation (--json) to ratchet against: exit 6 when a metric got worse.",
)
@click.option(
    "--tolerance",
    type=float,
    metavar="POINTS",
    help="Percentage points a metric may lose against --baseline  [default: 0]",
)
@click.option(
    "--require-decided",
    is_flag=True,
    default=None,
    help="CI gate: a target counts as met only when its whole 95% interval meets it "
    "(exit 1 when any is undecided).",
)
@click.option("-q", "--quiet", is_flag=True, help="No terminal summary.")
def report(checkpoint: str | None, **params: Any) -> int:
    """Evaluate CHECKPOINT on the held-out rounds and write its report.

    CHECKPOINT is a Keras .h5/.keras file or SavedModel folder; its scaler (scaler*.pkl) and
    metadata (*info*.json) are found beside it unless given. The last 20% of rounds that have a
    full window of history are held out, as training scripts split with shuffle=False.
    Training logs beside it (stage1.csv …, *_history.json) add a training-run section; see
    `jetx-diag history` for the run on its own.
    The report also says whether the model beats chance and simple rules, what flat bets on its
    calls would do to money, and whether the rounds look like independent draws.
    Exit code 0 when every target is met, 1 when one is missed (with --require-decided, also
    when a target is met by the point estimate but not by its whole interval).
    """
    from jetx_diag.evaluate import Evaluator, evaluate_predictions_file

    config = load_config(params.pop("config_file"))
    targets = build_targets(config, params.pop("target_texts"))
    options = build_options(config, params, targets)
    predictions_csv = params.get("predictions_csv")
    checkpoint = checkpoint or config.path("checkpoint")
    if checkpoint is None and predictions_csv is None:
        raise UsageError("give a CHECKPOINT, or --predictions FILE.csv")
    if checkpoint is not None and predictions_csv is not None:
        raise UsageError("give either a CHECKPOINT or --predictions, not both")
    quiet = bool(params.get("quiet"))
    with progress_bars(not quiet) as progress:
        if predictions_csv is not None:
            evaluation = evaluate_predictions_file(predictions_csv, options)
        else:
            from jetx_diag.report_training import attach_training

            evaluation = Evaluator(options, progress).evaluate(str(checkpoint))
            # Training logs beside the checkpoint add the training-run section (issue 6).
            evaluation = attach_training(evaluation, str(checkpoint))
    return publish(evaluation, targets, config, params, quiet=quiet)


def publish(
    evaluation: Any,
    targets: tuple[Target, ...],
    config: Config,
    params: dict[str, Any],
    *,
    quiet: bool,
) -> int:
    """Write the report files, JSON and JUnit, print the summary; return the exit code."""
    from jetx_diag.ci import report_summary, step_summary, write_report
    from jetx_diag.cli import ExitCode
    from jetx_diag.cli_compare import baseline_check, print_baseline
    from jetx_diag.targets import decide_targets, evaluate_targets

    # Three-way decisions (met / missed / undecided) at the skill report's confidence level.
    level = 0.95 if evaluation.skill is None else evaluation.skill.settings.level
    verdict = decide_targets(evaluate_targets(evaluation.metrics, targets), level)
    require_decided = bool(params.get("require_decided") or config.get("require_decided", False))
    undecided = require_decided and verdict.passed and not verdict.passed_decided
    lang = params.get("lang") or config.get("lang", "en")
    formats = _formats(params.get("formats") or config.get("formats"))
    output = params.get("output") or config.path("output")
    out_dir = Path(output) if output else Path("reports") / Path(evaluation.label).stem
    check = baseline_check(evaluation, config, params, targets)  # None without --baseline
    written = write_report(evaluation, verdict, out_dir, formats=formats, lang=lang, baseline=check)
    json_path = params.get("json_path") or config.path("json")
    if json_path:
        from jetx_diag.render_json import write_json

        written.extend(write_json(evaluation, verdict, json_path))
    junit_path = params.get("junit_path") or config.path("junit")
    if junit_path:
        from jetx_diag.render_junit import write_junit

        written.append(write_junit([(evaluation, verdict)], junit_path))
    # $GITHUB_STEP_SUMMARY, when set: the report's Markdown without images, bounded.
    summary = step_summary(report_summary(evaluation, verdict, lang, check), lang)
    if summary is not None:
        written.append(summary)
    if not quiet:
        from rich.console import Console

        from jetx_diag.terminal import print_summary

        # With --json -, stdout carries the JSON alone; the summary goes to stderr.
        console = Console(stderr=True) if str(json_path) == "-" else Console()
        print_summary(evaluation, verdict, written, lang=lang, console=console)
        if undecided:
            from jetx_diag.terminal import print_undecided

            print_undecided(evaluation, verdict, lang=lang, console=console)
        if check is not None:
            print_baseline(check, lang, console)
    if check is not None and not check.passed:
        return ExitCode.WORSE_THAN_BASELINE
    if undecided:
        return ExitCode.TARGETS_MISSED  # --require-decided: met, but not beyond doubt
    return ExitCode.OK if verdict.passed else ExitCode.TARGETS_MISSED


def _formats(value: Any) -> tuple[str, ...]:
    if value is None:
        return FORMATS
    items = value if isinstance(value, tuple | list) else str(value).split(",")
    chosen = tuple(item.strip().lower() for item in items if item.strip())
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown:
        raise UsageError(f"unknown report format {', '.join(unknown)}", hint="md, html")
    return chosen
