"""``jetx-diag report``: one checkpoint (or predictions file) → report files and an exit code."""

from __future__ import annotations

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
from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.scoring.targets import Target

#: What ``report --format`` takes: the two pages (JSON and JUnit have options of their own).
FORMATS = PAGE_FORMATS


@click.command(
    cls=SectionedCommand,
    examples=(
        "jetx-diag report stage2_best.h5 --data jetx_data.db \\",
        "    --features mypackage.features:extract_all_features --lang tr",
        "jetx-diag report --predictions preds.csv --json report.json --junit junit.xml",
        "jetx-diag report stage2_best.h5 --data jetx_data.db --target 'below_accuracy>=80' \\",
        "    --target 'money_loss_risk<15'",
        "jetx-diag report stage2_best.h5 --data jetx_data.db --baseline previous.json",
    ),
)
@click.argument("checkpoint", required=False, metavar="CHECKPOINT")
@evaluation_options
@click.option(
    "--predictions",
    "predictions_csv",
    metavar="FILE.csv",
    help="Per-round predictions (actual, p_above, …) from any framework; no TensorFlow needed.",
)
@target_option
@publish_options(
    output_help="Report folder  [default: reports/<name>]",
    formats=FORMATS,
    json_what="evaluation",
    junit_help="Write one JUnit test case per target.",
    baseline_help="Saved evaluation (--json) to ratchet against: exit 6 when a metric got worse.",
)
@click.option(
    "--require-decided",
    is_flag=True,
    default=None,
    help="CI gate: a target counts as met only when its whole 95% interval meets it "
    "(exit 1 when any is undecided).",
)
@click.option(
    "--log-pattern",
    "log_patterns",
    multiple=True,
    metavar="NAME=REGEX",
    help="A per-epoch value the training script printed, read from the console logs beside "
    "the checkpoint (repeatable; see `jetx-diag history --help` and docs/training-logs.md).",
)
@quiet_option
def report(checkpoint: str | None, **params: Any) -> int:
    """Evaluate CHECKPOINT on the held-out rounds and write its report.

    CHECKPOINT is a Keras .h5/.keras file or SavedModel folder (custom layers with
    --custom-objects), an ONNX model, or a CatBoost .cbm, LightGBM model text or XGBoost
    .json/.ubj file (a classifier_X beside its regressor_X is one model with both heads); its
    scaler (scaler*.pkl) and metadata (*info*.json) are found beside it unless given. The last
    20% of rounds that have a full window of history are held out, as training scripts split
    with shuffle=False.
    Training logs beside it (stage1.csv …, *_history.json) add a training-run section; see
    `jetx-diag history` for the run on its own.
    The report also says whether the model beats chance and simple rules, what flat bets on its
    calls would do to money, and whether the rounds look like independent draws.
    Exit code 0 when every target is met, 1 when one is missed (with --require-decided, also
    when a target is met by the point estimate but not by its whole interval).
    """
    from jetx_diag.evaluation.evaluator import Evaluator, evaluate_predictions_file

    config = load_config(params.pop("config_file"))
    lang = report_language(config, params)
    show_errors_in(lang)  # errors from here on are printed in the run's language
    targets = build_targets(config, params.pop("target_texts"))
    options = build_options(config, params, targets)
    predictions_csv = params.get("predictions_csv")
    checkpoint = checkpoint or config.path("checkpoint")
    if checkpoint is None and predictions_csv is None:
        raise UsageError(record("error.report.give_checkpoint_predictions_file_csv"))
    if checkpoint is not None and predictions_csv is not None:
        raise UsageError(record("error.report.give_either_checkpoint_predictions_not"))
    from jetx_diag.training.console_log import parse_log_pattern

    patterns = tuple(parse_log_pattern(text) for text in params.pop("log_patterns", ()))
    quiet = bool(params.get("quiet"))
    with progress_bars(not quiet, lang) as progress:
        if predictions_csv is not None:
            evaluation = evaluate_predictions_file(predictions_csv, options)
        else:
            from jetx_diag.evaluation.training import attach_training
            from jetx_diag.training.run import TrainingOptions

            evaluation = Evaluator(options, progress).evaluate(str(checkpoint))
            # Training logs beside the checkpoint add the training-run section.
            training = TrainingOptions(log_patterns=patterns)
            evaluation = attach_training(evaluation, str(checkpoint), training)
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
    from jetx_diag.report.baseline import report_summary, write_report
    from jetx_diag.report.step_summary import step_summary
    from jetx_diag.scoring.targets import decide_targets, evaluate_targets

    evaluation = note_implicit_config(evaluation, config)

    # Three-way decisions (met / missed / undecided) at the skill report's confidence level.
    level = 0.95 if evaluation.skill is None else evaluation.skill.settings.level
    verdict = decide_targets(
        evaluate_targets(evaluation.metrics, targets), level, evaluation.metrics.confusion.total
    )
    require_decided = bool(params.get("require_decided") or config.get("require_decided", False))
    undecided = require_decided and verdict.passed and not verdict.passed_decided
    lang = report_language(config, params)
    formats = parse_formats(params.get("formats") or config.get("formats"), FORMATS)
    output = params.get("output") or config.path("output")
    out_dir = Path(output) if output else Path("reports") / Path(evaluation.label).stem
    check = baseline_check(evaluation, config, params, targets)  # None without --baseline
    written = write_report(evaluation, verdict, out_dir, formats=formats, lang=lang, baseline=check)
    json_path = params.get("json_path") or config.path("json")
    if json_path:
        from jetx_diag.evaluation.document import write_json

        written.extend(write_json(evaluation, verdict, json_path))
    junit_path = params.get("junit_path") or config.path("junit")
    if junit_path:
        from jetx_diag.report.junit import write_junit

        written.append(write_junit([(evaluation, verdict)], junit_path, lang=lang))
    # $GITHUB_STEP_SUMMARY, when set: the report's Markdown without images, bounded.
    summary = step_summary(report_summary(evaluation, verdict, lang, check), lang)
    if summary is not None:
        written.append(summary)
    if not quiet:
        from jetx_diag.report.terminal import print_summary

        console = summary_console(json_path)
        print_summary(evaluation, verdict, written, lang=lang, console=console)
        if undecided:
            from jetx_diag.report.terminal import print_undecided

            print_undecided(evaluation, verdict, lang=lang, console=console)
        if check is not None:
            print_baseline(check, lang, console)
    return gate(verdict.passed, check, undecided=undecided)
