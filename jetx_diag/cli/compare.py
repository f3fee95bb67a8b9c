"""``jetx-diag compare`` and ``jetx-diag check``: rank checkpoints, gate a CI run in one line."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import click

from jetx_diag.cli.config import Config, load_config
from jetx_diag.cli.error_language import show_errors_in
from jetx_diag.cli.exit_codes import gate
from jetx_diag.cli.help import SectionedCommand
from jetx_diag.cli.options import (
    PAGE_FORMATS,
    baseline_check,
    build_options,
    build_targets,
    evaluation_options,
    note_implicit_config,
    parse_formats,
    print_baseline,
    progress_bars,
    publish_options,
    quiet_option,
    report_language,
    summary_console,
    target_option,
)
from jetx_diag.errors import ConfigError, InputError, UsageError
from jetx_diag.evaluation.options import EvaluationOptions, Progress
from jetx_diag.i18n.messages import record

#: Kinds of :func:`jetx_diag.artifacts.sniffing.sniff` that are checkpoints (a zip only with
#: config.json): Keras files and SavedModels, ONNX, CatBoost, LightGBM and XGBoost models.
_CHECKPOINT_KINDS = (
    "hdf5",
    "zip",
    "savedmodel",
    "onnx",
    "catboost",
    "lightgbm",
    "xgboost_json",
    "xgboost_ubj",
)
#: ``--format`` of compare: the page in md/html; ``json`` adds each checkpoint's evaluation JSON
#: (``<checkpoint>/report.json``), which a later compare or ``--baseline`` reads back.
COMPARE_FORMATS = (*PAGE_FORMATS, "json")


#: Checkpoints per worker process from which compare fans out locally: each worker pays its own
#: TensorFlow start-up, which a single checkpoint per worker does not win back.
PARALLEL_FROM = 2


@dataclass(frozen=True)
class Source:
    """A file to compare: a checkpoint to evaluate or a saved evaluation/comparison JSON."""

    path: Path
    kind: str  # "checkpoint" or "json"


# --------------------------------------------------------------------------- evaluating


# --------------------------------------------------------------------------- finding sources


def _natural(path: Path) -> tuple[Any, ...]:
    """``stage2`` before ``stage10``."""
    return tuple(int(p) if p.isdigit() else p.lower() for p in re.split(r"(\d+)", path.name))


def _is_model_file(path: Path, kind: str) -> bool:
    """Whether a file found in a folder is a whole model (not weights only, not another zip)."""
    if kind not in ("zip", "hdf5"):
        return True
    if kind == "zip":
        import zipfile

        try:
            with zipfile.ZipFile(path) as archive:
                return "config.json" in archive.namelist()
        except zipfile.BadZipFile:
            return path.suffix.lower() == ".keras"  # damaged: let loading say so
    import h5py

    try:
        with h5py.File(path, "r") as handle:
            return "model_config" in handle.attrs
    except OSError:
        return True  # unreadable: loading explains what is wrong with it


def folder_checkpoints(folder: Path) -> list[Path]:
    """Every model directly in ``folder`` (HDF5 and .keras models, SavedModel folders, ONNX,
    CatBoost, LightGBM and XGBoost files), recognised by their bytes, in natural order.
    Weights-only files are not checkpoints; the regressor of a classifier/regressor pair is
    part of its classifier's model, not a model of its own."""
    from jetx_diag.artifacts.companions import partner_name
    from jetx_diag.artifacts.model_loader import BOOSTED_KINDS
    from jetx_diag.artifacts.sniffing import sniff

    found: list[Path] = []
    kinds: dict[str, str] = {}
    for child in sorted(folder.iterdir(), key=_natural):
        if child.name.startswith("."):
            continue
        kind = sniff(child)
        if kind in _CHECKPOINT_KINDS and _is_model_file(child, kind):
            found.append(child)
            kinds[child.name.lower()] = kind
    paired: set[str] = set()
    for path in found:
        kind = kinds[path.name.lower()]
        partner = partner_name(path)
        if kind not in BOOSTED_KINDS or partner is None or path.name.lower() in paired:
            continue
        if kinds.get(partner.lower(), "").split("_")[0] == kind.split("_")[0]:
            paired.add(partner.lower())  # loaded with this file, as its other head
    return [p for p in found if p.name.lower() not in paired]


def gather_sources(paths: Iterable[str | Path]) -> list[Source]:
    """Checkpoints, folders of checkpoints and saved JSON files, as :class:`Source` objects."""
    from jetx_diag.artifacts.sniffing import sniff

    sources: list[Source] = []
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(record("error.sniffing.no_such_file_directory"), path=path)
        kind = sniff(path)
        if path.is_dir() and kind != "savedmodel":
            found = folder_checkpoints(path)
            if not found:
                raise InputError(
                    record("error.compare.no_checkpoint_folder"),
                    path=path,
                    hint=record("error.compare.hint_expected_h5_keras_models_savedmodel"),
                )
            sources.extend(Source(p, "checkpoint") for p in found)
        elif kind == "json":
            sources.append(Source(path, "json"))
        else:  # loading explains anything that is not a usable checkpoint
            sources.append(Source(path, "checkpoint"))
    seen: set[Path] = set()
    unique = []
    for source in sources:
        key = source.path.resolve()
        if key not in seen:  # a file named twice (or inside a folder also named) counts once
            seen.add(key)
            unique.append(source)
    return unique


def _json_candidates(path: Path) -> list[Any]:
    """Candidates read back from a saved evaluation, or from every entry of a saved comparison."""
    from jetx_diag.compare.document import is_saved_comparison, load_comparison_json
    from jetx_diag.compare.ranking import Candidate

    if is_saved_comparison(path):
        comparison = load_comparison_json(path)
        return [Candidate(e.evaluation, str(path), "json") for e in comparison.entries]
    from jetx_diag.evaluation.document import load_evaluation_json

    evaluation, _ = load_evaluation_json(path)
    return [Candidate(evaluation, str(path), "json")]


def _distinct_labels(candidates: list[Any]) -> list[Any]:
    """Checkpoints with the same file name in different folders are labelled ``folder/name``."""
    counts: dict[str, int] = {}
    for candidate in candidates:
        counts[candidate.evaluation.label] = counts.get(candidate.evaluation.label, 0) + 1
    renamed = []
    for candidate in candidates:
        label = candidate.evaluation.label
        if counts[label] > 1 and candidate.source_kind == "checkpoint":
            path = Path(candidate.source)
            evaluation = dataclasses.replace(
                candidate.evaluation, label=f"{path.parent.name}/{path.name}"
            )
            candidate = dataclasses.replace(candidate, evaluation=evaluation)
        renamed.append(candidate)
    return renamed


def evaluate_sources(
    sources: Sequence[Source],
    options: EvaluationOptions,
    progress: Progress | None,
    *,
    scheduler: str | None = None,
) -> tuple[list[Any], Any]:
    """Candidates for every source, and the Evaluator used (``None`` when all came from JSON).

    One Evaluator evaluates every checkpoint, so model inputs are built once per input
    signature however many checkpoints share it. Choosing the best of K checkpoints is K tries
    on the same rounds: each checkpoint's "better than chance" p-value is corrected for K (at
    least; a larger ``--tests-tried`` is kept). At least two checkpoints per worker with
    ``jobs`` > 1, or a Dask ``scheduler`` address, are evaluated in parallel
    (:mod:`jetx_diag.evaluation.parallel`) on inputs built once here; the results are the same,
    in the same order.
    """
    from jetx_diag.compare.ranking import Candidate

    evaluator = None
    checkpoints = [s for s in sources if s.kind == "checkpoint"]
    read_back = {s.path: _json_candidates(s.path) for s in sources if s.kind == "json"}
    tried = len(checkpoints) + sum(len(found) for found in read_back.values())
    if checkpoints and tried > options.skill.tests_tried:
        skill = dataclasses.replace(options.skill, tests_tried=tried)
        options = dataclasses.replace(options, skill=skill)
    if scheduler or (options.jobs > 1 and len(checkpoints) >= PARALLEL_FROM * options.jobs):
        return _evaluate_parallel(sources, options, progress, read_back, scheduler)
    candidates = []
    done = 0
    for source in sources:
        if source.kind == "json":
            candidates.extend(read_back[source.path])
            continue
        if evaluator is None:
            # The evaluator loads scipy, scikit-learn and pandas: only when a command runs.
            from jetx_diag.evaluation.evaluator import Evaluator

            evaluator = Evaluator(options, progress)
        if progress is not None:
            task = record(
                "record.progress_checkpoint",
                done=done + 1,
                total=len(checkpoints),
                name=source.path.name,
            )
            progress(task, 0, 1)
        evaluation = evaluator.evaluate(str(source.path))
        # Training logs beside the checkpoint: its report gets the training section, and the
        # page says which stage and epoch the checkpoint holds when the console output says so.
        from jetx_diag.evaluation.training import attach_training

        evaluation = attach_training(evaluation, str(source.path))
        done += 1
        if progress is not None:
            progress(task, 1, 1)
        candidates.append(Candidate(evaluation, str(source.path), "checkpoint"))
    return _distinct_labels(candidates), evaluator


def _evaluate_parallel(
    sources: Sequence[Source],
    options: EvaluationOptions,
    progress: Progress | None,
    read_back: dict[Path, list[Any]],
    scheduler: str | None,
) -> tuple[list[Any], Any]:
    from jetx_diag.compare.ranking import Candidate
    from jetx_diag.evaluation.parallel import evaluate_checkpoints

    paths = [s.path for s in sources if s.kind == "checkpoint"]
    evaluations, evaluator = evaluate_checkpoints(paths, options, progress, scheduler=scheduler)
    by_path = iter(evaluations)
    candidates = []
    for source in sources:
        if source.kind == "json":
            candidates.extend(read_back[source.path])
        else:
            candidates.append(Candidate(next(by_path), str(source.path), "checkpoint"))
    return _distinct_labels(candidates), evaluator


# --------------------------------------------------------------------------- publishing


def publish_comparison(
    comparison: Any, config: Config, params: dict[str, Any], targets: Any, *, quiet: bool
) -> int:
    """Write the page, reports, JSON and JUnit; append the step summary; return the exit code."""
    from jetx_diag.compare.document import write_comparison_json
    from jetx_diag.report.compare_page import compare_summary, write_comparison
    from jetx_diag.report.step_summary import step_summary

    lang = report_language(config, params)
    formats = parse_formats(params.get("formats") or config.get("formats"), COMPARE_FORMATS)
    output = params.get("output") or config.path("output")
    out_dir = Path(output) if output else Path("reports") / "compare"
    check = baseline_check(comparison.best.evaluation, config, params, targets)
    written = write_comparison(
        comparison,
        out_dir,
        formats=formats,
        lang=lang,
        reports=not params.get("no_reports"),
        baseline=check,
    )
    json_path = params.get("json_path") or config.path("json")
    if json_path:
        written.extend(write_comparison_json(comparison, json_path, baseline=check))
    junit_path = params.get("junit_path") or config.path("junit")
    if junit_path:
        from jetx_diag.report.junit import write_junit

        items = [(e.evaluation, e.verdict) for e in comparison.entries]
        written.append(write_junit(items, junit_path, name="jetx-diag compare", lang=lang))
    # $GITHUB_STEP_SUMMARY, when set: the page's Markdown without images or links, bounded.
    summary = step_summary(compare_summary(comparison, lang, check), lang)
    if summary is not None:
        written.append(summary)
    if not quiet:
        console = summary_console(json_path)
        print_comparison(comparison, written, lang=lang, console=console, baseline=check)
    return gate(comparison.best.verdict.passed, check)


def print_comparison(
    comparison: Any,
    written: Sequence[Path | str],
    *,
    lang: str,
    console: Any,
    baseline: Any = None,
) -> None:
    """The ranking as a rich table, the best checkpoint and why, collapse sentences, paths."""
    from rich.table import Table
    from rich.text import Text

    from jetx_diag.i18n.messages import messages
    from jetx_diag.report.compare_page import build_compare_context
    from jetx_diag.report.terminal_tables import print_table

    msg = messages(lang)
    context = build_compare_context(comparison, lang, baseline=baseline, include_plots=False)
    ranking = context["compare_ranking"]
    columns = ranking["columns"]
    table = Table(title=Text(context["compare_header"]["title"]), title_justify="left")
    table.add_column(Text(columns["rank"]), justify="right")
    table.add_column(Text(columns["checkpoint"]))
    table.add_column(Text(columns["targets"]), justify="right")
    # The terminal is narrow: the targeted metrics only (the page shows every metric).
    shown = [i for i, cell in enumerate(ranking["rows"][0]["cells"]) if cell["status"] is not None]
    for index in shown:
        table.add_column(Text(columns["metrics"][index]), justify="right")
    for row in ranking["rows"]:
        cells = [
            Text(f"{row['cells'][i]['text']} {row['cells'][i]['symbol']}".strip()) for i in shown
        ]
        label = Text(f"{row['label']} {row['collapsed_symbol']}".strip())
        style = "bold green" if row["best"] else ("red" if row["collapsed"] else "")
        table.add_row(Text(str(row["rank"])), label, Text(row["targets"]), *cells, style=style)
    print_table(console, table)
    best = context["compare_best"]
    console.print(Text(best["best"], style="bold"))
    console.print(Text(f"{best['headline_symbol']} {best['headline']}"))
    for key in ("rule", "decided", "indistinguishable", "all_collapsed"):
        if best[key]:
            console.print(Text(best[key]))
    for sentence in best["worse"]:
        console.print(Text(sentence, style="yellow"))
    for sentence in best["collapsed"]:
        console.print(Text("⚠ " + sentence, style="bold yellow"))
    if baseline is not None:
        print_baseline(baseline, lang, console)
    if written:
        console.print(Text(msg("terminal.written"), style="bold"))
        for path in written:
            console.print(Text(f"  {path}"))


# --------------------------------------------------------------------------- commands


def run_compare(
    sources: Sequence[Source],
    config: Config,
    params: dict[str, Any],
    target_texts: tuple[str, ...] = (),
) -> int:
    """Evaluate (or read back) every source, compare, publish; return the exit code."""
    from jetx_diag.compare.ranking import compare as compare_candidates

    options = build_options(config, params)
    targets = build_targets(config, target_texts)
    rank_by = params.get("rank_by") or config.get("rank_by", "targets")
    quiet = bool(params.get("quiet"))
    scheduler = params.get("scheduler") or config.get("scheduler")
    lang = report_language(config, params)
    with progress_bars(not quiet, lang) as progress:
        candidates, _ = evaluate_sources(sources, options, progress, scheduler=scheduler)
    # Each evaluated checkpoint's report says when settings came from an implicit config.
    candidates = [
        dataclasses.replace(c, evaluation=note_implicit_config(c.evaluation, config))
        if c.source_kind == "checkpoint"
        else c
        for c in candidates
    ]
    comparison = compare_candidates(candidates, targets, rank_by=rank_by)
    return publish_comparison(comparison, config, params, targets, quiet=quiet)


def _rank_choice() -> click.Choice:
    from jetx_diag.scoring.targets import TARGET_METRICS

    return click.Choice(["targets", *TARGET_METRICS])


@click.command(
    cls=SectionedCommand,
    examples=(
        "jetx-diag compare stage1_best.h5 stage2_best.h5 stage3_best.h5 --data jetx_data.db",
        "jetx-diag compare models/ --data jetx_data.db --lang tr",
        "jetx-diag compare reports/*/report.json            # saved evaluations, no model",
        "jetx-diag compare models/ --data jetx_data.db --target 'below_accuracy>=70'",
    ),
)
@click.argument("sources", nargs=-1, metavar="CHECKPOINT|FOLDER|EVALUATION.json...")
@evaluation_options
@target_option
@click.option(
    "--rank-by",
    type=_rank_choice(),
    help="targets: most met, then threshold accuracy, then money-loss risk; or one metric. "
    "Either way a checkpoint collapsed onto one class ranks last  [default: targets]",
)
@publish_options(
    output_help="Output folder  [default: reports/compare]",
    formats=COMPARE_FORMATS,
    json_what="comparison",
    junit_help="JUnit XML, one suite per checkpoint.",
    baseline_help="Saved evaluation or comparison: exit 6 when the best got worse than it.",
)
@click.option("--no-reports", is_flag=True, help="No per-checkpoint reports beside the page.")
@click.option(
    "--scheduler",
    metavar="ADDRESS",
    help="Evaluate the checkpoints on a Dask cluster (tcp://host:8786; needs the [distributed] "
    "extra). Without it they run in --jobs local processes.",
)
@quiet_option
def compare(sources: tuple[str, ...], **params: Any) -> int:
    """Rank checkpoints of a run on the same held-out rounds and pick the best.

    Give checkpoint files, folders (every .h5/.keras model, SavedModel, ONNX, CatBoost,
    LightGBM and XGBoost model in them; a classifier/regressor pair counts once) or evaluation
    JSON files saved earlier with --json (no model is reloaded for those). Model inputs are built
    once for all checkpoints that share an input signature; the checkpoints are then evaluated
    in --jobs worker processes, or on a Dask cluster with --scheduler. The page ranks every
    checkpoint, names the best and the rule that chose it, tests the best against each other one
    (McNemar), flags checkpoints collapsed onto one class, and links each checkpoint's own report.
    Exit code 0 when the best checkpoint meets every target, 1 when it misses one, 6 when it is
    worse than --baseline.
    """
    config = load_config(params.pop("config_file"))
    show_errors_in(report_language(config, params))  # errors from here on in the run's language
    target_texts = params.pop("target_texts")
    paths = list(sources)
    if not paths:
        paths = list(config.get("checkpoints") or ())
        paths = [str(Path(config.source).parent / p) if config.source else p for p in paths]
        if not paths and config.path("checkpoint"):
            paths = [config.path("checkpoint")]
    if not paths:
        raise UsageError(
            record("error.compare.nothing_compare"),
            hint=record("error.compare.hint_give_checkpoints_folder_json_files"),
        )
    return run_compare(gather_sources(paths), config, params, target_texts)


@click.command(
    cls=SectionedCommand,
    examples=(
        "jetx-diag check                      # reads [jetx_diag] in setup.cfg",
        "jetx-diag check --config pyproject.toml",
    ),
)
@click.option("--config", "config_file", metavar="FILE", help="setup.cfg/pyproject.toml.")
@click.option(
    "--custom-objects",
    "custom_objects",
    multiple=True,
    metavar="MODULE[:NAME,...]",
    help="Module of your training code with the model's custom layers (repeatable; overrides "
    "the config's custom_objects). Runs its code; Lambda layers still need trust_code.",
)
@quiet_option
def check(config_file: str | None, custom_objects: tuple[str, ...], quiet: bool) -> int:
    """Run the checks the project's config file describes: the one-line CI step.

    Everything comes from [jetx_diag] / [jetx_diag:targets] in setup.cfg or [tool.jetx_diag]
    in pyproject.toml: checkpoint (or checkpoints: files, folders, saved JSON), data, features,
    targets, baseline and tolerance, output, formats, lang, json, junit. One checkpoint gets
    a report; several (or a folder) a comparison. Exit codes as for report; a checkpoint that
    cannot be loaded exits 3 (4 when refused as unsafe), never 1.
    """
    config = load_config(config_file)
    show_errors_in(report_language(config, {}))  # errors from here on in the run's language
    if config.source is None:
        raise ConfigError(
            record("error.compare.no_jetx_diag_section_found"),
            hint=record("error.compare.hint_see_docs_ci_md_pass"),
        )
    folder = Path(config.source).parent
    paths = [str(folder / p) for p in config.get("checkpoints") or ()]
    single = config.path("checkpoint")
    if single and paths:
        raise ConfigError(
            record("error.compare.both_checkpoint_checkpoints_set"),
            path=config.source,
            hint=record("error.compare.hint_keep_one"),
        )
    if single:
        paths = [single]
    if not paths:
        raise ConfigError(
            record("error.compare.no_checkpoint_check"),
            path=config.source,
            hint=record("error.compare.hint_set_checkpoint_file_checkpoints_file"),
        )
    params: dict[str, Any] = {"quiet": quiet, "custom_objects": custom_objects}
    sources = gather_sources(paths)
    if len(sources) == 1 and sources[0].kind == "checkpoint" and not Path(paths[0]).is_dir():
        return _check_one(sources[0].path, config, params)
    return run_compare(sources, config, params)


def _check_one(checkpoint: Path, config: Config, params: dict[str, Any]) -> int:
    """One checkpoint: the report command's work, with its baseline and step summary."""
    from jetx_diag.cli.report import publish

    options = build_options(config, params)
    targets = build_targets(config, ())
    lang = report_language(config, params)
    with progress_bars(not params["quiet"], lang) as progress:
        from jetx_diag.evaluation.evaluator import Evaluator

        evaluation = Evaluator(options, progress).evaluate(str(checkpoint))
    return publish(evaluation, targets, config, params, quiet=bool(params["quiet"]))
