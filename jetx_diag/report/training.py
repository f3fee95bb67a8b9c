"""The training run in a report: "why did training fail?" from the logs beside a checkpoint.

One :class:`~jetx_diag.training.findings.TrainingDiagnosis` (read and diagnosed by
:mod:`jetx_diag.training.run`) becomes display strings here:

- :func:`section_training` is the report section (listed in ``report_sections.SECTIONS``),
  :func:`training_section` the same for any diagnosis (the run report of ``jetx-diag history``,
  :mod:`jetx_diag.report.history_page`, shows it on a page of its own);
- :func:`training_images` gives its learning curves (one PNG per stage, added by
  ``report_sections.build_plots``);
- :func:`finding_text` writes a finding out in the report's language.

As in every section, the context holds display strings only; the one rounding of a per-epoch
share is :func:`_share` (logs hold fractions without counts, so they are shown without counts).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import Messages, messages
from jetx_diag.report.figures.base import figure_png
from jetx_diag.report.figures.training import curve_labels, learning_curves_figure
from jetx_diag.report.images import Image
from jetx_diag.training.findings import (
    COLLAPSE_STATUSES,
    SEVERITIES,
    CheckpointLink,
    Finding,
    StageDiagnosis,
    TrainingDiagnosis,
)

Context = dict[str, Any]

#: Findings the section shows in a subsection of their own rather than in the list.
_SHOWN_ELSEWHERE = ("class_balance",)
#: Goal metrics with a sentence of their own in the report.
_EXPLAINED_GOALS = {"val_worst_class_accuracy": "training.goal_worst"}


# --------------------------------------------------------------------------- the section


def _share(value: float | None, msg: Messages) -> str:
    """A per-epoch share from a log, in percent with one decimal (the document's "54.3%")."""
    return msg("training.not_logged") if value is None else f"{100.0 * value:.1f}%"


def _goal_value(value: float | None, goal: str | None, msg: Messages) -> str:
    """A goal value: a share for accuracies and risks, the number itself for losses."""
    if value is None:
        return msg("training.not_logged")
    if goal is not None and any(w in goal for w in ("accuracy", "risk", "acc")):
        return _share(value, msg)
    return f"{value:.4g}"


def _goal_description(diagnosis: TrainingDiagnosis, msg: Messages, threshold: str) -> str:
    goal = diagnosis.goal_metric
    if goal is None:
        return msg("training.goal_none")
    if goal in _EXPLAINED_GOALS:
        return msg(_EXPLAINED_GOALS[goal], goal=goal, threshold=threshold)
    mode = next((s.goal_mode for s in diagnosis.stages if s.goal_metric), "max")
    return msg("training.goal_plain", goal=goal, mode=msg(f"training.mode.{mode}"))


def _stage_summary(stage: StageDiagnosis, msg: Messages) -> str:
    """Best epoch against stop epoch, the patience that stops near the peak, the checkpoint."""
    goal = stage.goal_metric
    if goal is None:
        parts = [
            msg(
                "training.stage_line_no_goal",
                stage=stage.stage,
                epochs=len(stage.epochs),
                stop=stage.stop_epoch,
            )
        ]
    elif stage.best_epoch is None:
        parts = [
            msg(
                "training.stage_line_no_peak",
                stage=stage.stage,
                epochs=len(stage.epochs),
                stop=stage.stop_epoch,
                goal=goal,
            )
        ]
    else:
        key = "training.stage_line" if stage.epochs_past_peak else "training.stage_line_at_end"
        parts = [
            msg(
                key,
                stage=stage.stage,
                best_epoch=stage.best_epoch,
                goal=goal,
                best=_goal_value(stage.best_value, goal, msg),
                stop=stage.stop_epoch,
                past=msg(
                    "training.past_one" if stage.epochs_past_peak == 1 else "training.past",
                    count=stage.epochs_past_peak,
                ),
            )
        ]
        if stage.epochs_past_peak and stage.patience_needed is not None:
            parts.append(
                msg(
                    "training.stage_patience",
                    patience=stage.patience_needed,
                    goal=goal,
                    best_epoch=stage.best_epoch,
                    stop=stage.stop_with_needed,
                )
            )
    if stage.monitor is None:
        parts.append(msg("training.stage_checkpoint_unknown"))
    elif stage.checkpoint_epoch is None:
        parts.append(
            msg(
                "training.stage_checkpoint_not_logged",
                monitor=stage.monitor,
                source=msg(f"training.source.{stage.monitor_source}"),
            )
        )
    else:
        parts.append(
            msg(
                "training.stage_checkpoint",
                monitor=stage.monitor,
                source=msg(f"training.source.{stage.monitor_source}"),
                epoch=stage.checkpoint_epoch,
                goal=goal or msg("none"),
                value=_goal_value(stage.goal_at_checkpoint, goal, msg),
            )
        )
    if stage.replay is not None:
        parts.append(
            msg(
                "training.stage_early_stopping",
                monitor=stage.replay.monitor,
                patience=stage.replay.patience,
            )
        )
    parts.extend(_console_facts(stage, msg))
    return " ".join(parts)


def _console_facts(stage: StageDiagnosis, msg: Messages) -> list[str]:
    """What the console output said about the stage's callbacks (nothing for CSV logs)."""
    parts = []
    if stage.early_stopping_epoch is not None:
        parts.append(msg("training.stage_stopped_console", epoch=stage.early_stopping_epoch))
    if stage.restored_epoch is not None:
        parts.append(msg("training.stage_restored", epoch=stage.restored_epoch))
    if stage.lr_cuts:
        parts.append(
            msg(
                "training.stage_lr_cuts",
                count=len(stage.lr_cuts),
                epochs=", ".join(str(cut.epoch) for cut in stage.lr_cuts),
                lr=f"{stage.lr_cuts[-1].learning_rate:.3g}",
            )
        )
    return parts


def _link_value(value: float | None) -> str:
    return "—" if value is None else f"{value:.4g}"


def checkpoint_link_text(link: CheckpointLink, msg: Messages) -> str:
    """``stage2_best.h5: stage2, epoch 7, val_threshold_accuracy 0.648``."""
    if link.monitor is None:
        return msg(
            "training.checkpoint_link_plain", file=link.file, stage=link.stage, epoch=link.epoch
        )
    return msg(
        "training.checkpoint_link",
        file=link.file,
        stage=link.stage,
        epoch=link.epoch,
        monitor=link.monitor,
        value=_link_value(link.value),
    )


def _checkpoints(diagnosis: TrainingDiagnosis, msg: Messages) -> Context | None:
    if not diagnosis.checkpoints:
        return None
    items = []
    for link in diagnosis.checkpoints:
        extra = []
        if link.saves > 1:
            extra.append(msg("training.checkpoint_saves", count=link.saves))
        if link.present is False:
            extra.append(msg("training.checkpoint_lost_tag"))
        text = checkpoint_link_text(link, msg)
        items.append(
            {
                "text": text + (f" ({'; '.join(extra)})" if extra else ""),
                "lost": link.present is False,
            }
        )
    return {
        "heading": msg("training.checkpoints_heading"),
        "intro": msg("training.checkpoints_intro"),
        "items": items,
    }


def _this_checkpoint(diagnosis: TrainingDiagnosis, label: str, msg: Messages) -> str | None:
    """Which stage saved the evaluated checkpoint, at which epoch, chosen by what."""
    name = Path(label).name
    stem = Path(label).stem
    link = diagnosis.checkpoint(name)
    if link is not None and link.monitor is not None:
        return msg(
            "training.this_checkpoint_console",
            label=name,
            stage=link.stage,
            epoch=link.epoch,
            monitor=link.monitor,
            value=_link_value(link.value),
        )
    stage = next(
        (
            s
            for s in diagnosis.stages
            if s.checkpoint_file is not None and Path(s.checkpoint_file).name == name
        ),
        None,
    )
    if stage is None:  # the document's naming: stage1_best.h5 is stage1's checkpoint
        stage = next((s for s in diagnosis.stages if stem == f"{s.stage}_best"), None)
    if stage is None:
        return None
    if stage.checkpoint_epoch is None or stage.monitor is None:
        return msg("training.this_checkpoint_epoch_unknown", label=name, stage=stage.stage)
    goal = stage.goal_metric or msg("none")
    values = {
        "label": name,
        "stage": stage.stage,
        "epoch": stage.checkpoint_epoch,
        "monitor": stage.monitor,
        "goal": goal,
        "value": _goal_value(stage.goal_at_checkpoint, stage.goal_metric, msg),
    }
    if stage.best_epoch is None:
        return msg("training.this_checkpoint_flat", **values)
    return msg(
        "training.this_checkpoint",
        best=_goal_value(stage.best_value, stage.goal_metric, msg),
        best_epoch=stage.best_epoch,
        **values,
    )


def finding_text(finding: Finding, lang: str | Messages = "en") -> str:
    """The sentence of a finding (catalog key ``training.finding.<code>``) in ``lang``.

    Findings carry numbers, not sentences; the fields of a sentence are the finding's numbers
    plus ``stage``. Status codes (numbers named ``*status``) and the few words a diagnosis puts
    into its numbers ("all stages", "below", …) are written out in the language too.
    """
    msg = lang if isinstance(lang, Messages) else messages(lang)
    numbers: dict[str, object] = {}
    for key, value in finding.numbers.items():
        # Words are catalogued with "_" for spaces; a value that has "_" is a name, not a word.
        word = f"training.word.{value.replace(' ', '_')}" if isinstance(value, str) else ""
        if key.endswith("status") and msg.has(f"training.status.{value}"):
            numbers[key] = msg(f"training.status.{value}")
        elif word and "_" not in value and msg.has(word):
            numbers[key] = msg(word)
        else:
            numbers[key] = value
    return msg(f"training.finding.{finding.code}", stage=finding.stage or "", **numbers)


def _marks(row: Any, stage: StageDiagnosis, diagnosis: TrainingDiagnosis, msg: Messages) -> str:
    """The row's marks; the checkpoint mark names its file when the console saved it there."""
    link = next(
        (
            c
            for c in diagnosis.checkpoints
            if c.stage == stage.stage and c.epoch == row.epoch and c.file == stage.checkpoint_file
        ),
        None,
    )
    words = []
    for mark in row.marks:
        if mark == "checkpoint" and link is not None:
            words.append(msg("training.mark.checkpoint_file", file=link.file))
        else:
            words.append(msg(f"training.mark.{mark}"))
    return ", ".join(words)


def _progress_sources(diagnosis: TrainingDiagnosis, msg: Messages) -> str:
    """Where the below/above accuracies came from, said only when console output was read
    (CSV logs have only logged metrics, so the sentence would add nothing there)."""
    if not any(s.epoch_limit is not None for s in diagnosis.stages):
        return ""
    printed = [s.stage for s in diagnosis.stages if s.progress_source == "printed"]
    logged = [s.stage for s in diagnosis.stages if s.progress_source == "logged"]
    parts = []
    if printed:
        parts.append(msg("training.progress_from_printed", stages=", ".join(printed)))
    if logged:
        parts.append(msg("training.progress_from_logged", stages=", ".join(logged)))
    return " ".join(parts)


def _progress(diagnosis: TrainingDiagnosis, msg: Messages, threshold: str) -> Context:
    rows = []
    omitted = []
    for stage in diagnosis.stages:
        for row in stage.rows:
            epoch = str(row.epoch)
            if row.until_epoch is not None:
                epoch = f"{row.epoch}–{row.until_epoch}"
            rows.append(
                {
                    "stage": stage.stage,
                    "epoch": epoch,
                    "below": _share(row.below_accuracy, msg),
                    "above": _share(row.above_accuracy, msg),
                    "risk": _share(row.money_loss_risk, msg),
                    "goal": _goal_value(row.goal, stage.goal_metric, msg),
                    "status": msg(f"training.status.{row.status}"),
                    "marks": _marks(row, stage, diagnosis, msg),
                    "best": "best" in row.marks,
                    "collapsed": row.status in COLLAPSE_STATUSES,
                }
            )
        if stage.omitted_transitions:
            omitted.append(
                msg(
                    "training.progress_omitted",
                    stage=stage.stage,
                    count=stage.omitted_transitions,
                )
            )
    sources = _progress_sources(diagnosis, msg)
    intro = msg("training.progress_intro")
    return {
        "heading": msg("training.progress_heading"),
        "intro": f"{intro} {sources}" if sources else intro,
        "columns": {
            "stage": msg("training.col_stage"),
            "epoch": msg("training.col_epoch"),
            "below": msg("training.col_below", threshold=threshold),
            "above": msg("training.col_above", threshold=threshold),
            "risk": msg("training.col_risk"),
            "goal": msg("training.col_goal"),
            "status": msg("training.col_status"),
            "marks": msg("training.col_marks"),
        },
        "rows": rows,
        "omitted": omitted,
    }


def _weights(diagnosis: TrainingDiagnosis, msg: Messages, threshold: str) -> Context:
    balance = diagnosis.class_balance
    if balance is None:
        balance_text = msg("training.balance_unknown")
    else:
        balance_text = msg(
            "training.balance",
            below=balance.below.hits,
            share=balance.below.text(),
            above=balance.above,
            threshold=threshold,
            ratio=f"{balance.imbalance_ratio:.2f}",
            w_below=f"{balance.balanced_below_weight:.2f}",
            w_above=f"{balance.balanced_above_weight:.2f}",
        )
    balanced_ratio = (
        None if balance is None else balance.balanced_below_weight / balance.balanced_above_weight
    )
    rows = []
    for check in diagnosis.class_weights:
        above = f"{check.above_weight:.2f}"
        if check.above_assumed:
            above = msg("training.weight_assumed", value=above)
        if check.overweight is None:
            factor = flag = msg("none")
        else:
            factor = f"{check.overweight:.2f}x"
            flag = msg("none")
            if check.flagged and check.overweight > 1.0:
                flag = msg("training.weight_over", factor=f"{check.overweight:.1f}")
            elif check.flagged:
                flag = msg("training.weight_under", factor=f"{1.0 / check.overweight:.1f}")
        rows.append(
            {
                "where": check.stage or msg("training.all_stages"),
                "below": f"{check.below_weight:.2f}",
                "above": above,
                "ratio": f"{check.weight_ratio:.2f}x",
                "balanced": msg("none") if balanced_ratio is None else f"{balanced_ratio:.2f}x",
                "factor": factor,
                "flag": flag,
                "flagged": check.flagged,
            }
        )
    return {
        "heading": msg("training.weights_heading"),
        "balance": balance_text,
        "none": None if rows else msg("training.weights_none"),
        "rule": msg("training.weights_rule", limit=f"{diagnosis.max_overweight:g}")
        if rows
        else None,
        "columns": {
            "where": msg("training.w_col_where"),
            "below": msg("training.w_col_below", threshold=threshold),
            "above": msg("training.w_col_above", threshold=threshold),
            "ratio": msg("training.w_col_ratio"),
            "balanced": msg("training.w_col_balanced"),
            "factor": msg("training.w_col_factor"),
            "flag": msg("training.w_col_flag"),
        },
        "rows": rows,
    }


def _files(diagnosis: TrainingDiagnosis, msg: Messages) -> Context | None:
    check = diagnosis.artifacts
    if check is None:
        return None
    return {
        "heading": msg("training.files_heading"),
        "rows": [
            {"label": msg("training.files_folder"), "items": [check.run_dir], "code": True},
            {
                "label": msg(
                    "training.files_expected", source=msg(f"training.files_source.{check.source}")
                ),
                "items": list(check.expected),
                "code": True,
            },
            {
                "label": msg("training.files_missing"),
                "items": list(check.missing) or [msg("training.files_none_missing")],
                "code": bool(check.missing),
            },
        ],
    }


def training_section(
    diagnosis: TrainingDiagnosis,
    msg: Messages,
    *,
    threshold: str = "1.5",
    label: str | None = None,
) -> Context:
    """The section's display strings; ``label`` is the evaluated checkpoint, if any."""
    order = {severity: index for index, severity in enumerate(SEVERITIES)}
    findings = sorted(
        (f for f in diagnosis.findings if f.code not in _SHOWN_ELSEWHERE),
        key=lambda f: order.get(f.severity, len(order)),
    )
    facts = [
        {
            "label": msg("training.logs"),
            "items": list(
                diagnosis.logs_read or dict.fromkeys(stage.source for stage in diagnosis.stages)
            ),
            "code": True,
        },
        {
            "label": msg("training.metadata"),
            "items": [diagnosis.metadata_path or msg("none")],
            "code": diagnosis.metadata_path is not None,
        },
        {
            "label": msg("training.goal"),
            "items": [_goal_description(diagnosis, msg, threshold)],
            "code": False,
        },
    ]
    return {
        "heading": msg("training.heading"),
        "facts": facts,
        "shares_note": msg("training.shares_note"),
        "this_checkpoint": None if label is None else _this_checkpoint(diagnosis, label, msg),
        "stages_heading": msg("training.stages_heading"),
        "stages": [_stage_summary(stage, msg) for stage in diagnosis.stages],
        "checkpoints": _checkpoints(diagnosis, msg),
        "findings_heading": msg("training.findings_heading"),
        "findings": [
            {
                "severity": finding.severity,
                "symbol": msg(f"training.severity.{finding.severity}"),
                "text": finding_text(finding, msg),
            }
            for finding in findings
        ],
        "no_findings": None if findings else msg("training.no_findings"),
        "progress": _progress(diagnosis, msg, threshold),
        "weights": _weights(diagnosis, msg, threshold),
        "files": _files(diagnosis, msg),
        "notes_heading": msg("training.notes_heading"),
        "notes": [msg.recorded(note) for note in diagnosis.notes],
    }


def section_training(evaluation: Evaluation, verdict: Any, msg: Messages) -> Context | None:
    """The report section (``report_sections.SECTIONS``); ``None`` without a diagnosis."""
    if evaluation.training is None:
        return None
    return training_section(
        evaluation.training,
        msg,
        threshold=f"{evaluation.settings.threshold:g}",
        label=evaluation.label,
    )


# --------------------------------------------------------------------------- plots


def _file_part(name: str) -> str:
    """A stage name as part of a file name (stage names come from file names or options)."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", name).strip("._") or "stage"


def training_images(diagnosis: TrainingDiagnosis | None, msg: Messages) -> list[Image]:
    """``(name, caption, png)`` of the learning curves, one image per stage, drawn from the
    series the diagnosis saved (so a report from saved JSON draws the same curves)."""
    if diagnosis is None:
        return []
    # matplotlib is imported only when there is something to draw.

    labels = curve_labels(msg.lang)
    images = []
    used: set[str] = set()
    for stage in diagnosis.stages:
        name = f"training_{_file_part(stage.stage)}"
        while name in used:  # two stage names that differ only in unsafe characters
            name += "_"
        used.add(name)
        figure = learning_curves_figure(None, diagnosis, labels, stages=[stage.stage])
        caption = msg(
            "training.curves_caption",
            stage=stage.stage,
            goal=stage.goal_metric or msg("none"),
        )
        images.append((name, caption, figure_png(figure)))
    return images
