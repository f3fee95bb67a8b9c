"""From files to an ``Evaluation``: history, artifacts, inputs, predictions, metrics, skill.

``Evaluator`` holds one history and builds model inputs once per input signature, so comparing
several checkpoints of one run costs one input build plus two predictions per checkpoint (the
held-out rounds, and the validation slice just before them on which a cut-off may be chosen).

Every evaluation also answers "better than chance, and what would it do to money?" once
(:func:`jetx_diag.skill.analyse_skill`, on ``Evaluation.skill``), from what the rounds before the
held-out ones offer: the training slice (base rate, the round before the first call), the
validation slice (cut-off choice; the logistic baseline's training rows when the model has a
feature input) and the whole history (randomness audit). A predictions file has none of these;
the statistics then say so instead of borrowing from the held-out rounds.

Building the inputs lives in :mod:`jetx_diag.evaluate_inputs`, the skill statistics' options
and context in :mod:`jetx_diag.evaluate_skill` (their public names are importable from here).
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jetx_diag import __version__
from jetx_diag.errors import UsageError
from jetx_diag.evaluate_inputs import MIN_VALIDATION_ROUNDS, PreparedInputs, prepare_inputs
from jetx_diag.evaluate_skill import DEFAULT_SKILL, SkillContext, SkillOptions, skill_report
from jetx_diag.i18n.messages import record
from jetx_diag.inputs import InputSpec
from jetx_diag.metrics import compute_metrics
from jetx_diag.predictions import (
    Predictions,
    map_heads,
    model_input_specs,
    model_output_names,
    predictions_from_heads,
    read_predictions_csv,
    run_model,
)
from jetx_diag.results import (
    Artifact,
    DataAccounting,
    Evaluation,
    EvaluationSettings,
    ModelSummary,
    RoundCalls,
    Split,
)

if TYPE_CHECKING:
    from jetx_diag.artifacts.metadata import RunMetadata

__all__ = [
    "DEFAULT_SKILL",
    "MIN_VALIDATION_ROUNDS",
    "EvaluationOptions",
    "Evaluator",
    "Progress",
    "SkillContext",
    "SkillOptions",
    "evaluate_predictions_file",
    "evaluation_from_predictions",
    "skill_report",
]

#: ``progress(task, done, total)``: the CLI turns these into progress bars.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class EvaluationOptions:
    """Everything about an evaluation that is not the checkpoint itself."""

    data: str | None = None
    table: str = "jetx_results"
    column: str = "value"
    scaler: str | None = None
    metadata: str | None = None
    features: str | None = None  # "module:callable"
    inputs_npz: str | None = None
    settings: EvaluationSettings = field(default_factory=EvaluationSettings)
    test_fraction: float | None = 0.2
    test_from_id: int | None = None
    min_history: int | None = None
    strict: bool = False
    max_rejected: float | None = None
    trust_code: bool = False
    cache_dir: Path | None = None
    find_companions: bool = True
    skill: SkillOptions = field(default_factory=SkillOptions)


def now_iso() -> str:
    return _dt.datetime.now(_dt.UTC).replace(microsecond=0).isoformat()


def evaluation_from_predictions(
    predictions: Predictions,
    *,
    label: str,
    settings: EvaluationSettings,
    split: Split,
    data: DataAccounting,
    artifacts: tuple[Artifact, ...] = (),
    model: ModelSummary | None = None,
    recorded: dict[str, float] | None = None,
    warnings: tuple[str, ...] = (),
    skill: SkillOptions | None = DEFAULT_SKILL,
    context: SkillContext | None = None,
) -> Evaluation:
    """Compute every metric of one set of predictions, once.

    ``skill``: how to run the skill statistics (``None`` skips them); ``context``: the rounds
    outside the held-out ones, when there are any (see :class:`SkillContext`).
    """
    called = predictions.called_above(settings.cutoff, settings.threshold)
    metrics = compute_metrics(
        predictions.actual,
        called,
        threshold=settings.threshold,
        class_probs=predictions.class_probs,
        regression=predictions.regression,
    )
    report = None
    if skill is not None and skill.enabled:
        report = skill_report(
            predictions, called, metrics, settings, skill, context or SkillContext()
        )
    calls = RoundCalls(
        round_ids=tuple(int(i) for i in predictions.round_ids),
        actual=tuple(float(a) for a in predictions.actual),
        called_above=tuple(bool(c) for c in called),
        p_above=None
        if predictions.p_above is None
        else tuple(float(p) for p in predictions.p_above),
    )
    return Evaluation(
        label=label,
        tool_version=__version__,
        created=now_iso(),
        settings=settings,
        split=split,
        metrics=metrics,
        data=data,
        calls=calls,
        artifacts=artifacts,
        model=model,
        recorded=dict(recorded or {}),
        warnings=warnings,
        skill=report,
    )


def evaluate_predictions_file(path: str | Path, options: EvaluationOptions) -> Evaluation:
    """A report for a model from any framework: its per-round predictions in a CSV.

    The file holds the held-out rounds only, so the skill statistics get no training slice (the
    weighted coin uses the fair-game probability, never the held-out rounds' own share), no
    validation slice (no cut-off is chosen) and audit the held-out rounds themselves.
    """
    from jetx_diag.artifacts.sniffing import sha256_file

    predictions = read_predictions_csv(path)
    n = int(predictions.actual.size)
    split = Split(
        usable_rounds=n,
        first_predictable_index=0,
        samples=n,
        train_samples=0,
        test_samples=n,
        test_first_id=int(predictions.round_ids[0]),
        test_last_id=int(predictions.round_ids[-1]),
        rule="every row of the predictions file",
        rule_code="all_rows",
    )
    accounting = DataAccounting(source=str(path), rows_read=n, rows_used=n, rejected=())
    artifact = Artifact("predictions", str(path), sha256_file(path), Path(path).stat().st_size)
    metadata = None
    if options.metadata is not None:
        from jetx_diag.artifacts.metadata import load_metadata

        metadata = load_metadata(options.metadata)
    recorded, extra_artifacts, warnings = _metadata(metadata)
    return evaluation_from_predictions(
        predictions,
        label=Path(path).name,
        settings=options.settings,
        split=split,
        data=accounting,
        artifacts=(artifact, *extra_artifacts),
        recorded=recorded,
        warnings=warnings,
        skill=options.skill,
    )


def _metadata(
    metadata: RunMetadata | None, checkpoint: str | None = None
) -> tuple[dict[str, float], tuple[Artifact, ...], tuple[str, ...]]:
    """Recorded metrics that belong to ``checkpoint``, the metadata artifact, and notes."""
    if metadata is None:
        return {}, (), ()
    notes = list(metadata.warnings)
    recorded = dict(metadata.recorded_metrics)
    name = Path(metadata.path).name
    if recorded and checkpoint is not None:
        own = Path(checkpoint).name
        if metadata.metrics_of is not None and Path(metadata.metrics_of).name != own:
            # Comparing another file's numbers with this checkpoint's would mislead.
            notes.append(
                record("record.metrics_of_other", name=name, other=metadata.metrics_of, own=own)
            )
            recorded = {}
        elif metadata.metrics_of is None:
            notes.append(record("record.metrics_of_unknown", name=name))
    return recorded, (metadata.artifact(),), tuple(notes)


class Evaluator:
    """Evaluates checkpoints on one history; inputs are built once per signature."""

    def __init__(self, options: EvaluationOptions, progress: Progress | None = None) -> None:
        from jetx_diag.artifacts.sniffing import sha256_file
        from jetx_diag.data import load_history

        if options.data is None and options.inputs_npz is None:
            raise UsageError(
                "no round history given",
                hint="pass --data FILE (SQLite, CSV or text), or set data in the config",
            )
        self.options = options
        self.progress = progress
        self.history = (
            None
            if options.data is None
            else load_history(
                options.data,
                table=options.table,
                column=options.column,
                strict=options.strict,
                max_rejected_share=options.max_rejected,
            )
        )
        # The history's file is hashed once, however many checkpoints are evaluated on it.
        self._data_sha = None if self.history is None else sha256_file(options.data)
        self._inputs: dict[tuple[Any, ...], PreparedInputs] = {}
        self._scalers: dict[str, Any] = {}  # resolved path → LoadedScaler, read once per run
        self._metadata: dict[str, Any] = {}  # resolved path → RunMetadata, read once per run

    @property
    def input_builds(self) -> int:
        """How many times inputs were really built (compare's benchmark): once per key."""
        return len(self._inputs)

    def evaluate(self, checkpoint: str | Path) -> Evaluation:
        """Load one checkpoint and its scaler/metadata, predict the held-out rounds, measure."""
        from jetx_diag.artifacts.companions import find_companions
        from jetx_diag.artifacts.keras_loader import load_checkpoint

        options = self.options
        scaler_path, metadata_path = options.scaler, options.metadata
        if options.find_companions and (scaler_path is None or metadata_path is None):
            found_scaler, found_metadata = find_companions(checkpoint)
            scaler_path = scaler_path or (None if found_scaler is None else str(found_scaler))
            metadata_path = metadata_path or (
                None if found_metadata is None else str(found_metadata)
            )
        self._report("loading " + Path(checkpoint).name, 0, 1)
        loaded = load_checkpoint(checkpoint, trust_code=options.trust_code)
        artifacts = [
            Artifact(
                "checkpoint",
                str(checkpoint),
                loaded.sha256,
                loaded.size_bytes,
                {"format": loaded.format, "saved_by": loaded.saved_by or "unknown"},
            )
        ]
        warnings: list[str] = list(getattr(loaded, "warnings", ()))
        specs = model_input_specs(loaded.model)
        scaler = None
        if scaler_path is not None and any(s.kind == "features" for s in specs):
            loaded_scaler = self._load_scaler(scaler_path)
            scaler = loaded_scaler.scaler
            warnings.extend(loaded_scaler.warnings)
            artifacts.append(
                Artifact(
                    "scaler",
                    scaler_path,
                    loaded_scaler.sha256,
                    Path(scaler_path).stat().st_size,
                    {"type": type(scaler).__name__},
                )
            )
        elif scaler_path is not None:
            warnings.append(record("record.scaler_unused", path=scaler_path))
        if self.history is not None:
            artifacts.append(Artifact("data", str(self.options.data), self._data_sha, None, {}))
        metadata = None if metadata_path is None else self._load_metadata(metadata_path)
        recorded, metadata_artifacts, metadata_warnings = _metadata(metadata, str(checkpoint))
        artifacts.extend(metadata_artifacts)
        warnings.extend(metadata_warnings)

        scaler_sha = None if scaler is None else loaded_scaler.sha256
        prepared = self._inputs_for(specs, scaler, scaler_path, scaler_sha)
        self._report("predicting " + Path(checkpoint).name, 0, 1)
        outputs = run_model(loaded.model, prepared.arrays)
        heads = map_heads(loaded.model, outputs, str(checkpoint))
        predictions = predictions_from_heads(heads, prepared.actual, prepared.round_ids)
        context = self._skill_context(loaded.model, specs, prepared, heads, str(checkpoint))
        self._report("predicting " + Path(checkpoint).name, 1, 1)
        summary = ModelSummary(
            inputs=tuple(s.describe() for s in specs),
            outputs=tuple(
                f"{name} → {head}"
                for head, name in _head_sources(heads, model_output_names(loaded.model))
            ),
            parameters=_parameter_count(loaded.model),
            saved_by=loaded.saved_by,
        )
        return evaluation_from_predictions(
            predictions,
            label=Path(checkpoint).name,
            settings=options.settings,
            split=prepared.split,
            data=self._accounting(),
            artifacts=tuple(artifacts),
            model=summary,
            recorded=recorded,
            warnings=tuple(warnings),
            skill=options.skill,
            context=context,
        )

    # ------------------------------------------------------------------ helpers

    def _skill_context(
        self,
        model: Any,
        specs: tuple[InputSpec, ...],
        prepared: PreparedInputs,
        heads: dict[str, np.ndarray],
        source: str,
    ) -> SkillContext | None:
        """The rounds outside the held-out ones, and the model's probabilities on the validation
        slice (one more predict, on inputs built once per signature)."""
        skill = self.options.skill
        if not skill.enabled:
            return None
        validation = prepared.validation
        validation_p = None
        if validation is not None and "threshold" in heads:
            outputs = run_model(model, validation.arrays)
            validation_heads = map_heads(model, outputs, source)
            if "threshold" in validation_heads:
                validation_p = validation_heads["threshold"][:, 0]
        feature_names = [s.name for s in specs if s.kind == "features"]
        features = train_features = None
        if validation is not None and len(feature_names) == 1:
            # The logistic baseline learns from the model's own (scaled) features on the rounds
            # just before the held-out ones: the validation slice, the tail of the training slice.
            name = feature_names[0]
            features, train_features = prepared.arrays[name], validation.arrays[name]
        return SkillContext(
            train_actual=prepared.train_actual,
            validation_actual=None if validation_p is None else validation.actual,
            validation_p_above=validation_p,
            validation_ids=None if validation_p is None else validation.round_ids,
            features=features,
            train_features=train_features,
            history=prepared.history,
        )

    def _report(self, task: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(task, done, total)

    def _accounting(self) -> DataAccounting:
        if self.history is not None:
            return self.history.accounting
        source = str(self.options.inputs_npz)
        return DataAccounting(source=source, rows_read=0, rows_used=0, rejected=())

    def _load_metadata(self, path: str) -> Any:
        from jetx_diag.artifacts.metadata import load_metadata

        key = str(Path(path).resolve())
        if key not in self._metadata:
            self._metadata[key] = load_metadata(path)
        return self._metadata[key]

    def _load_scaler(self, path: str) -> Any:
        from jetx_diag.artifacts.safe_pickle import load_scaler

        key = str(Path(path).resolve())
        if key not in self._scalers:
            self._scalers[key] = load_scaler(path)
        return self._scalers[key]

    def _inputs_for(
        self,
        specs: tuple[InputSpec, ...],
        scaler: Any,
        scaler_path: str | None,
        scaler_sha: str | None = None,
    ) -> PreparedInputs:
        # Same input signature and the same scaler bytes: the same inputs, built once for every
        # checkpoint of a run (compare's promise: one input build plus K model evaluations).
        key = (specs, scaler_sha)
        if key not in self._inputs:
            self._inputs[key] = prepare_inputs(
                self.options, self.history, specs, scaler, scaler_path, self._features_progress()
            )
        return self._inputs[key]

    def _features_progress(self) -> Callable[[int, int], None] | None:
        if self.progress is None:
            return None
        return lambda done, total: self._report("features", done, total)


def _head_sources(heads: dict[str, np.ndarray], names: list[str]) -> list[tuple[str, str]]:
    labels = {"threshold": "p_above", "classification": "3-class", "regression": "multiplier"}
    ordered = [h for h in ("threshold", "classification", "regression") if h in heads]
    by_name = {h: next((n for n in names if h in n.lower()), h) for h in ordered}
    return [(labels[h], by_name[h]) for h in ordered]


def _parameter_count(model: Any) -> int | None:
    try:
        return int(model.count_params())
    except (AttributeError, ValueError, TypeError):
        return None
