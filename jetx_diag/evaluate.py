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
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from jetx_diag import __version__
from jetx_diag.errors import InputError, UsageError
from jetx_diag.inputs import (
    InputSpec,
    build_inputs,
    check_finite_rows,
    first_predictable_index,
    load_npz_inputs,
    plan_split,
)
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
from jetx_diag.targets import DEFAULT_TARGETS, Target

if TYPE_CHECKING:
    from jetx_diag.skill import SkillReport

#: ``progress(task, done, total)``: the CLI turns these into progress bars.
Progress = Callable[[str, int, int], None]

#: A validation slice shorter than this is not worth choosing a cut-off on.
MIN_VALIDATION_ROUNDS = 30


@dataclass(frozen=True)
class SkillOptions:
    """How the skill statistics run (``jetx_diag.skill.analyse_skill``). Same options, same
    numbers: every resampling is seeded."""

    enabled: bool = True
    cashout: float | None = None  # None: the threshold
    house_edge: float = 0.03
    seed: int = 0
    permutations: int = 1000
    bootstrap: int = 1000
    tests_tried: int = 1  # checkpoints/cut-offs tried on the same held-out rounds (Holm)
    validation_fraction: float = 0.2  # of the samples before the held-out ones
    targets: tuple[Target, ...] = DEFAULT_TARGETS  # a cut-off is chosen to meet these

    def __post_init__(self) -> None:
        if self.cashout is not None and not self.cashout > 1.0:
            raise UsageError(f"--cashout must be above 1.00, got {self.cashout}")
        if not 0.0 <= self.house_edge < 1.0:
            raise UsageError(f"--house-edge is a share within [0, 1), got {self.house_edge}")
        if self.permutations < 1 or self.bootstrap < 1:
            raise UsageError("--permutations and --bootstrap must be at least 1")
        if self.tests_tried < 1:
            raise UsageError(f"--tests-tried must be at least 1, got {self.tests_tried}")
        if not 0.0 <= self.validation_fraction < 1.0:
            raise UsageError(
                f"validation fraction must be within [0, 1), got {self.validation_fraction}"
            )


#: The skill options of an evaluation that names none.
DEFAULT_SKILL = SkillOptions()


@dataclass(frozen=True)
class SkillContext:
    """What the rounds outside the held-out ones offer the statistics (all in round order).

    ``train_actual`` ends right before the held-out rounds; ``train_features`` are the features
    of its last rows (the validation slice) for the logistic baseline; ``history`` is every
    usable round, for the randomness audit. ``None`` means "not available", never "made up".
    """

    train_actual: np.ndarray | None = None
    validation_actual: np.ndarray | None = None
    validation_p_above: np.ndarray | None = None
    validation_ids: np.ndarray | None = None
    features: np.ndarray | None = None
    train_features: np.ndarray | None = None
    history: np.ndarray | None = None


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


def skill_report(
    predictions: Predictions,
    called: np.ndarray,
    metrics: Any,
    settings: EvaluationSettings,
    options: SkillOptions,
    context: SkillContext,
) -> SkillReport:
    """:func:`jetx_diag.skill.analyse_skill` on one set of held-out predictions."""
    from jetx_diag.skill import analyse_skill

    return analyse_skill(
        predictions.actual,
        called,
        predictions.p_above,
        threshold=settings.threshold,
        cashout=options.cashout,
        house_edge=options.house_edge,
        metrics=metrics,
        train_actual=context.train_actual,
        features=context.features,
        train_features=context.train_features,
        validation_actual=context.validation_actual,
        validation_p_above=context.validation_p_above,
        validation_ids=context.validation_ids,
        round_ids=predictions.round_ids,
        targets=options.targets,
        history=context.history,
        tests_tried=options.tests_tried,
        seed=options.seed,
        n_permutations=options.permutations,
        n_bootstrap=options.bootstrap,
    )


def evaluate_predictions_file(path: str | Path, options: EvaluationOptions) -> Evaluation:
    """A report for a model from any framework: its per-round predictions in a CSV.

    The file holds the held-out rounds only, so the skill statistics get no training slice (the
    weighted coin uses the fair-game probability, never the held-out rounds' own share), no
    validation slice (no cut-off is chosen) and audit the held-out rounds themselves.
    """
    from jetx_diag.loading import sha256_file

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
    recorded, extra_artifacts, warnings = _metadata(options.metadata)
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
    path: str | None, checkpoint: str | None = None
) -> tuple[dict[str, float], tuple[Artifact, ...], tuple[str, ...]]:
    """Recorded metrics that belong to ``checkpoint``, the metadata artifact, and notes."""
    if path is None:
        return {}, (), ()
    from jetx_diag.metadata import load_metadata

    metadata = load_metadata(path)
    notes = list(metadata.warnings)
    recorded = dict(metadata.recorded_metrics)
    name = Path(path).name
    if recorded and checkpoint is not None:
        own = Path(checkpoint).name
        if metadata.metrics_of is not None and Path(metadata.metrics_of).name != own:
            # Comparing another file's numbers with this checkpoint's would mislead.
            notes.append(
                f"{name} records the metrics of {metadata.metrics_of}, not {own}: "
                "no recorded-vs-measured comparison for this checkpoint"
            )
            recorded = {}
        elif metadata.metrics_of is None:
            notes.append(
                f"{name} does not say which checkpoint its metrics describe (training scripts "
                "usually record the final model's); they are shown beside this checkpoint's"
            )
    return recorded, (metadata.artifact(),), tuple(notes)


@dataclass(frozen=True)
class ValidationSlice:
    """Model inputs for the rounds right before the held-out ones (a cut-off is chosen here)."""

    arrays: dict[str, np.ndarray]
    actual: np.ndarray
    round_ids: np.ndarray


@dataclass(frozen=True)
class PreparedInputs:
    """Model inputs for the held-out rounds, with what actually happened in them."""

    arrays: dict[str, np.ndarray]
    split: Split
    actual: np.ndarray
    round_ids: np.ndarray
    validation: ValidationSlice | None = None
    train_actual: np.ndarray | None = None  # outcomes of the samples before the held-out ones
    history: np.ndarray | None = None  # every usable round, for the randomness audit


class Evaluator:
    """Evaluates checkpoints on one history; inputs are built once per signature."""

    def __init__(self, options: EvaluationOptions, progress: Progress | None = None) -> None:
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
        self._inputs: dict[tuple[Any, ...], PreparedInputs] = {}
        self._scalers: dict[str, Any] = {}  # resolved path → LoadedScaler, read once per run
        self.input_builds = 0  # how many times inputs were really built (compare's benchmark)

    def evaluate(self, checkpoint: str | Path) -> Evaluation:
        """Load one checkpoint and its scaler/metadata, predict the held-out rounds, measure."""
        from jetx_diag.loading import find_companions, load_checkpoint, sha256_file

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
            warnings.append(f"scaler {scaler_path} not used: the model has no feature input")
        if self.history is not None:
            artifacts.append(
                Artifact("data", str(self.options.data), sha256_file(self.options.data), None, {})
            )
        recorded, metadata_artifacts, metadata_warnings = _metadata(metadata_path, str(checkpoint))
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

    def _load_scaler(self, path: str) -> Any:
        from jetx_diag.safe_pickle import load_scaler

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
            self._inputs[key] = self._build(specs, scaler, scaler_path)
            self.input_builds += 1
        return self._inputs[key]

    def _build(
        self, specs: tuple[InputSpec, ...], scaler: Any, scaler_path: str | None
    ) -> PreparedInputs:
        options = self.options
        if options.inputs_npz is not None:
            return self._npz(specs)
        assert self.history is not None
        history = self.history
        first = first_predictable_index(specs, options.min_history)
        split, targets = plan_split(
            history.ids,
            first,
            test_fraction=options.test_fraction,
            test_from_id=options.test_from_id,
            source=str(options.data),
        )
        extractor = None
        if options.features is not None:
            from jetx_diag.feature_cache import load_extractor

            extractor = load_extractor(options.features)
        inputs = build_inputs(
            history.values,
            specs,
            targets,
            transform=options.settings.window_transform,
            extractor=extractor,
            scaler=scaler,
            scaler_path=scaler_path,
            cache_dir=options.cache_dir,
            progress=None
            if self.progress is None
            else (lambda done, total: self._report("features", done, total)),
        )
        check_finite_rows(inputs, str(options.data))
        start = int(targets[0])
        return PreparedInputs(
            inputs,
            split,
            history.values[targets],
            history.ids[targets],
            validation=self._validation(specs, start, first, extractor, scaler, scaler_path),
            train_actual=history.values[first:start],
            history=history.values,
        )

    def _validation(
        self,
        specs: tuple[InputSpec, ...],
        start: int,
        first: int,
        extractor: Any,
        scaler: Any,
        scaler_path: str | None,
    ) -> ValidationSlice | None:
        """Inputs for the last ``validation_fraction`` of the samples before the held-out ones,
        or ``None`` when there are too few or they cannot be built (the held-out rounds could)."""
        options = self.options
        if not options.skill.enabled or self.history is None:
            return None
        count = int((start - first) * options.skill.validation_fraction)
        if count < MIN_VALIDATION_ROUNDS:
            return None
        indices = np.arange(start - count, start, dtype=np.int64)
        try:
            arrays = build_inputs(
                self.history.values,
                specs,
                indices,
                transform=options.settings.window_transform,
                extractor=extractor,
                scaler=scaler,
                scaler_path=scaler_path,
                cache_dir=options.cache_dir,
            )
            check_finite_rows(arrays, str(options.data))
        except InputError:
            # An extractor that fails on earlier rounds must not cost the held-out report; the
            # skill section then says that no cut-off could be chosen.
            return None
        return ValidationSlice(arrays, self.history.values[indices], self.history.ids[indices])

    def _npz(self, specs: tuple[InputSpec, ...]) -> PreparedInputs:
        options = self.options
        source = str(options.inputs_npz)
        if self.history is None:
            inputs, extras = load_npz_inputs(source, specs, None)
            if "actual" not in extras:
                raise UsageError(
                    "the inputs file has no 'actual' array and no --data was given, so the "
                    "outcomes of its rounds are unknown",
                    path=source,
                )
            actual = np.asarray(extras["actual"], dtype=np.float64)
            n = int(actual.size)
            ids = np.asarray(extras.get("round_id", np.arange(1, n + 1)), dtype=np.int64)
            split = Split(
                n, 0, n, 0, n, int(ids[0]), int(ids[-1]), "every row of the inputs file", "all_rows"
            )
        else:
            # Rows are aligned with the held-out rounds of the history, split as usual.
            first = first_predictable_index(specs, options.min_history)
            split, targets = plan_split(
                self.history.ids,
                first,
                test_fraction=options.test_fraction,
                test_from_id=options.test_from_id,
                source=str(options.data),
            )
            inputs, _ = load_npz_inputs(source, specs, int(targets.size))
            actual, ids = self.history.values[targets], self.history.ids[targets]
            check_finite_rows(inputs, source)
            # Precomputed inputs cover the held-out rounds only: no validation slice.
            return PreparedInputs(
                inputs,
                split,
                actual,
                ids,
                train_actual=self.history.values[first : int(targets[0])],
                history=self.history.values,
            )
        check_finite_rows(inputs, source)
        return PreparedInputs(inputs, split, actual, ids)


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
