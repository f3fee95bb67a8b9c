"""``jetx-diag demo``: the whole job on an embedded default, on a fresh machine.

A seeded provably-fair history, small checkpoints shaped like the document's model trained in
three stages (one collapses to "always above" the way the document's run did), their scaler,
metadata and training logs, a LightGBM classifier/regressor pair on the same features (when
LightGBM is installed), and a report on each model.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Any

import click

from jetx_diag.cli.help import SectionedCommand
from jetx_diag.cli.options import language_option
from jetx_diag.evaluation.options import EvaluationOptions
from jetx_diag.scoring.targets import DEFAULT_TARGETS

DEMO_FEATURES = "jetx_diag.demo.features:extract_features"


@click.command(
    cls=SectionedCommand,
    examples=("jetx-diag demo", "jetx-diag demo --output /tmp/demo --lang tr"),
)
@click.option(
    "-o",
    "--output",
    default="jetx-diag-demo",
    show_default=True,
    metavar="DIR",
    help="Folder for the run's files and the reports.",
)
@click.option("--rounds", type=int, default=None, help="Rounds of history to generate.")
@click.option("--seed", default=None, help="Server seed of the provably-fair history.")
@language_option(default="en")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars or summary tables.")
def demo(output: str, rounds: int | None, seed: str | None, lang: str, quiet: bool) -> int:
    """Train small document-shaped checkpoints on a fair history and report on each.

    Everything is generated: a seeded provably-fair history (house edge 3%), three training
    stages with different class weights, the scaler, the metadata and the logs. Then every
    checkpoint gets its report, as `jetx-diag report` would write it. Takes a few minutes on
    two CPU cores. Exit code 0 when the demo ran (the reports say whether targets were met).
    """
    from jetx_diag.cli.options import progress_bars
    from jetx_diag.compare.ranking import Candidate, compare
    from jetx_diag.demo.training import run_demo_training
    from jetx_diag.evaluation.evaluator import Evaluator
    from jetx_diag.evaluation.training import attach_training
    from jetx_diag.i18n.messages import messages, record
    from jetx_diag.report.compare_page import report_folders, write_comparison
    from jetx_diag.report.terminal import print_summary

    out = Path(output)
    run_dir = out / "run"
    with progress_bars(not quiet, lang) as progress:
        kwargs: dict[str, Any] = {}
        if rounds is not None:
            kwargs["rounds"] = rounds
        if seed is not None:
            kwargs["seed"] = seed
        if progress is not None:
            kwargs["progress"] = lambda stage, epoch, total: progress(
                record("record.progress_training", name=stage), epoch, total
            )
        run = run_demo_training(run_dir, **kwargs)
        options = EvaluationOptions(
            data=_shown(run.history_path),
            scaler=_shown(run.scaler_path),
            metadata=_shown(run.metadata_path),
            features=DEMO_FEATURES,
            cache_dir=out / "cache",
        )
        evaluator = Evaluator(options, progress)
        # The demo writes its training logs beside the checkpoints: every report shows the run.
        evaluations = [
            attach_training(evaluator.evaluate(_shown(path)), _shown(path))
            for path in run.checkpoints
        ]
        evaluations.extend(_boosted_evaluations(run, options, progress))
    # One comparison page ranks the run's checkpoints (the document's "which one to keep?")
    # and writes each checkpoint's own report beside it, linked.
    comparison = compare([Candidate(e, e.label) for e in evaluations], DEFAULT_TARGETS)
    reports = out / "reports"
    write_comparison(comparison, reports, lang=lang)
    if not quiet:
        for entry in comparison.entries:
            print_summary(entry.evaluation, entry.verdict, lang=lang)
    folders = report_folders(comparison)
    msg = messages(lang)
    click.echo(msg("demo.run_files", folder=run_dir))
    click.echo(msg("demo.comparison", md=reports / "compare.md", html=reports / "compare.html"))
    for entry in comparison.entries:
        folder = reports / folders[entry.label]
        click.echo(msg("demo.report", md=folder / "report.md", html=folder / "report.html"))
    return 0


def _boosted_evaluations(run: Any, options: EvaluationOptions, progress: Any) -> list[Any]:
    """The LightGBM pair's evaluation on the checkpoints' held-out rounds, or none without
    LightGBM. Not the Keras run's metadata or training logs: they describe other models."""
    from jetx_diag.demo.boosted import lightgbm_available, train_lightgbm_pair
    from jetx_diag.demo.training_plan import FIRST_PREDICTABLE
    from jetx_diag.evaluation.evaluator import Evaluator
    from jetx_diag.i18n.messages import record

    if not lightgbm_available():
        return []
    task = record("record.progress_training", name="LightGBM")
    if progress is not None:
        progress(task, 0, 1)
    path = train_lightgbm_pair(run, DEMO_FEATURES, options.cache_dir)
    if progress is not None:
        progress(task, 1, 1)
    # The same held-out rounds as the networks, whose longest window is FIRST_PREDICTABLE.
    own = dataclasses.replace(
        options, metadata=None, find_companions=False, min_history=FIRST_PREDICTABLE
    )
    return [Evaluator(own, progress).evaluate(_shown(path))]


def _shown(path: str | Path) -> str:
    """A path as the user would type it: relative to the working folder when it is inside it."""
    absolute = Path(path).resolve()
    try:
        return str(absolute.relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(absolute)
