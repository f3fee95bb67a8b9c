"""From files to an ``Evaluation``: history, artifacts, inputs, predictions, metrics, skill.

``Evaluator`` holds one history and builds model inputs once per input signature, so comparing
several checkpoints of one run costs one input build plus one ``predict`` call per checkpoint
(the validation slice, on which a cut-off may be chosen, and the held-out rounds right after it,
in one batch). A checkpoint evaluated before on the same rounds costs no ``predict`` at all: its
outputs come from the prediction cache (:mod:`jetx_diag.evaluation.prediction_cache`), and its
AUCs on simulated fair histories (the chance verdict) from the same cache folder
(:mod:`jetx_diag.evaluation.simulated_null`): then the model is not loaded at all.

Every evaluation also answers "better than chance, and what would it do to money?" once
(:func:`jetx_diag.skill.assessment.analyse_skill`, on ``Evaluation.skill``), from what the rounds
before the held-out ones offer: the training slice (base rate, the round before the first call), the
validation slice (cut-off choice; the logistic baseline's training rows when the model has a
feature input) and the whole history (randomness audit). A predictions file has none of these;
the statistics then say so instead of borrowing from the held-out rounds.

Building the inputs lives in :mod:`jetx_diag.evaluation.inputs`, the skill statistics' options
and context in :mod:`jetx_diag.evaluation.skill`, the options in
:mod:`jetx_diag.evaluation.options`.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag import __version__
from jetx_diag.artifacts.companions import find_companions
from jetx_diag.artifacts.custom_objects import custom_objects_fingerprint, load_custom_objects
from jetx_diag.artifacts.inspection import TRUST_HINT, inspect_checkpoint
from jetx_diag.artifacts.loaded_model import LoadedModel
from jetx_diag.artifacts.metadata import RunMetadata, load_metadata
from jetx_diag.artifacts.model_loader import KERAS_KINDS, load_model
from jetx_diag.artifacts.safe_pickle import load_scaler
from jetx_diag.artifacts.sniffing import sha256_file, sniff
from jetx_diag.cache_store import evict
from jetx_diag.errors import UnsafeInputError, UsageError
from jetx_diag.evaluation.inputs import PreparedInputs, prepare_inputs
from jetx_diag.evaluation.options import DEFAULT_SKILL, EvaluationOptions, Progress, SkillOptions
from jetx_diag.evaluation.prediction_cache import (
    CachedPredictions,
    fits,
    prediction_key,
    read,
    rounds_digest,
    write,
)
from jetx_diag.evaluation.record import Evaluation
from jetx_diag.evaluation.simulated_null import NullCache, NullOutcome, simulated_null
from jetx_diag.evaluation.skill import SkillContext, skill_context, skill_report
from jetx_diag.history.rounds import load_history
from jetx_diag.i18n.messages import record
from jetx_diag.inputs.feature_cache import load_extractor
from jetx_diag.inputs.model_inputs import InputSpec
from jetx_diag.predictions import (
    Predictions,
    check_row_counts,
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
    EvaluationSettings,
    ModelSummary,
    RoundCalls,
    Split,
)
from jetx_diag.scoring.metrics import compute_metrics


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
        round_ids=predictions.round_ids,
        actual=predictions.actual,
        called_above=called,
        p_above=predictions.p_above,
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

        if options.data is None and options.inputs_npz is None:
            raise UsageError(
                record("error.evaluator.no_round_history_given"),
                hint=record("error.evaluator.hint_pass_data_file_sqlite_csv"),
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
        self._custom_objects: Any = None  # the user's modules, imported once when first needed
        self._rounds_sha: str | None = None  # the prediction cache's key part for the rounds
        self._npz_sha: str | None = None
        self.predict_calls = 0  # model.predict calls made (one per checkpoint not cached)
        self.cache_hits = 0  # checkpoints whose outputs came from the prediction cache
        self.null_hits = 0  # checkpoints whose simulated null came from the cache

    @classmethod
    def from_shared(
        cls,
        options: EvaluationOptions,
        history: Any,
        data_sha: str | None,
        inputs: dict[tuple[Any, ...], PreparedInputs],
    ) -> Evaluator:
        """An evaluator on a history and inputs another process already built (compare's
        workers): nothing is read or built again for the signatures in ``inputs``."""
        evaluator = cls.__new__(cls)
        evaluator.options = options
        evaluator.progress = None
        evaluator.history = history
        evaluator._data_sha = data_sha
        evaluator._inputs = dict(inputs)
        evaluator._scalers, evaluator._metadata = {}, {}
        evaluator._rounds_sha = evaluator._npz_sha = None
        evaluator.predict_calls = evaluator.cache_hits = evaluator.null_hits = 0
        evaluator._custom_objects = None
        return evaluator

    def companions(self, checkpoint: str | Path) -> tuple[str | None, str | None]:
        """The scaler and metadata files of ``checkpoint``: given, or found beside it."""

        scaler_path, metadata_path = self.options.scaler, self.options.metadata
        if self.options.find_companions and (scaler_path is None or metadata_path is None):
            found_scaler, found_metadata = find_companions(checkpoint)
            scaler_path = scaler_path or (None if found_scaler is None else str(found_scaler))
            metadata_path = metadata_path or (
                None if found_metadata is None else str(found_metadata)
            )
        return scaler_path, metadata_path

    def prepare(self, specs: tuple[InputSpec, ...], scaler_path: str | None) -> None:
        """Build (once) the inputs a checkpoint with ``specs`` and this scaler will use."""
        scaler = scaler_sha = None
        if scaler_path is not None and any(s.kind == "features" for s in specs):
            loaded = self._load_scaler(scaler_path)
            scaler, scaler_sha = loaded.scaler, loaded.sha256
        self._inputs_for(specs, scaler, scaler_path, scaler_sha)

    @property
    def data_sha(self) -> str | None:
        """SHA-256 of the history file (hashed once per evaluator)."""
        return self._data_sha

    @property
    def shared_inputs(self) -> dict[tuple[Any, ...], PreparedInputs]:
        """Inputs built so far, by (input specs, scaler SHA-256)."""
        return dict(self._inputs)

    @property
    def input_builds(self) -> int:
        """How many times inputs were really built (compare's benchmark): once per key."""
        return len(self._inputs)

    def evaluate(self, checkpoint: str | Path) -> Evaluation:
        """Load one model (any format) and its scaler/metadata, predict the held-out rounds,
        measure.

        With a cache folder, a Keras checkpoint's outputs come from the prediction cache when it
        was evaluated before on the same rounds, scaler and extractor, and so do its AUCs on the
        chance verdict's simulated fair histories: then neither TensorFlow nor the model is
        loaded. Other formats load in a fraction of a second: their held-out outputs are not
        cached, their simulated AUCs are.
        """
        options = self.options
        scaler_path, metadata_path = self.companions(checkpoint)
        self._report(record("record.progress_loading", name=Path(checkpoint).name), 0, 1)
        key = cached = model = None
        if sniff(checkpoint) in KERAS_KINDS:
            # Read without TensorFlow: identifies the file (its SHA-256 keys the prediction
            # cache) and refuses code hidden in it whether or not the model is then loaded.
            info = inspect_checkpoint(checkpoint)
            _refuse_code(info, options.trust_code)
            key = self._prediction_key(info.sha256, scaler_path)
            cached = None if key is None else self._read_cached(key)
        if cached is None:
            model = self._load(checkpoint)
            specs = model_input_specs(model.model)
            saved_by, warnings = model.saved_by, list(model.warnings)
            sha256, size, file_format = model.sha256, model.size_bytes, model.format
        else:
            specs = cached.specs
            saved_by, warnings = cached.summary.saved_by, list(cached.warnings)
            sha256, size, file_format = info.sha256, info.size_bytes, info.format
        details = {"format": file_format, "saved_by": saved_by or "unknown"}
        artifacts = [
            Artifact("checkpoint", str(checkpoint), sha256, size, details),
            *(() if model is None else model.extra_artifacts),
        ]
        scaler = scaler_sha = None
        if scaler_path is not None and any(s.kind == "features" for s in specs):
            loaded_scaler = self._load_scaler(scaler_path)
            scaler, scaler_sha = loaded_scaler.scaler, loaded_scaler.sha256
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

        prepared = self._inputs_for(specs, scaler, scaler_path, scaler_sha)
        self._report(record("record.progress_predicting", name=Path(checkpoint).name), 0, 1)
        if cached is not None and fits(cached, prepared.actual.size, prepared.validation_rows):
            heads, validation_p, summary = cached.heads, cached.validation_p_above, cached.summary
            self.cache_hits += 1
        else:
            if model is None:  # a cached entry that does not fit these rounds: run the model
                model = self._load(checkpoint)
            heads, validation_p = self._predict(model.model, prepared, str(checkpoint))
            summary = _summary(model, heads)
            if key is not None:
                self._write_cached(key, specs, heads, validation_p, summary, file_format, model)
        predictions = predictions_from_heads(
            heads, prepared.actual, prepared.round_ids, str(checkpoint)
        )
        context = skill_context(specs, prepared, validation_p, options.skill)
        if context is not None and options.skill.null_simulations > 0:
            loaded = [model]

            def the_model() -> Any:
                # Loaded only when the fair histories are really simulated (not cached).
                if loaded[0] is None:
                    loaded[0] = self._load(checkpoint)
                return loaded[0].model

            null_base = key if key is not None else self._prediction_key(sha256, scaler_path)
            outcome = self._simulated_null(the_model, prepared, predictions, checkpoint, null_base)
            model = loaded[0]
            context = replace(context, simulated=outcome.simulated)
            if outcome.note is not None:
                warnings.append(outcome.note)
        self._report(record("record.progress_predicting", name=Path(checkpoint).name), 1, 1)
        return evaluation_from_predictions(
            predictions,
            label=(model.label if model is not None else None) or Path(checkpoint).name,
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

    def _load(self, checkpoint: str | Path) -> LoadedModel:
        return load_model(
            checkpoint,
            trust_code=self.options.trust_code,
            custom_objects=self._custom_objects_for(checkpoint),
        )

    def _custom_objects_for(self, checkpoint: str | Path) -> Any:
        """The ``--custom-objects`` modules' classes, imported once and only for a Keras file
        (an ONNX or boosted model never needs them, so never pays for importing Keras)."""

        if not self.options.custom_objects or sniff(checkpoint) not in KERAS_KINDS:
            return None
        if self._custom_objects is None:
            self._custom_objects = load_custom_objects(self.options.custom_objects)
        return self._custom_objects

    def _predict(
        self, model: Any, prepared: PreparedInputs, source: str
    ) -> tuple[dict[str, np.ndarray], np.ndarray | None]:
        """One ``predict`` call for the validation slice and the held-out rounds together;
        the held-out heads, and the validation slice's probability of "above"."""
        self.predict_calls += 1
        outputs = run_model(model, prepared.model_batch)
        heads = map_heads(model, outputs, source)
        before = prepared.validation_rows
        # Checked before the validation slice is cut off, so the message counts what the
        # model was really given.
        check_row_counts(heads, before + int(prepared.actual.shape[0]), source)
        held_out = {head: array[before:] for head, array in heads.items()}
        validation_p = None
        if before and "threshold" in heads:
            validation_p = heads["threshold"][:before, 0]
        return held_out, validation_p

    def _prediction_key(self, checkpoint_sha: str, scaler_path: str | None) -> str | None:
        """What the model's outputs depend on, hashed; ``None`` without a cache folder."""

        options = self.options
        if options.cache_dir is None:
            return None
        if self._rounds_sha is None and self.history is not None:
            self._rounds_sha = rounds_digest(self.history.values, self.history.ids)
        if options.inputs_npz is not None and self._npz_sha is None:
            self._npz_sha = sha256_file(options.inputs_npz)
        extractor = None
        if options.features is not None:
            extractor = load_extractor(options.features).fingerprint
        return prediction_key(
            checkpoint=checkpoint_sha,
            scaler=None if scaler_path is None else sha256_file(scaler_path),
            extractor=extractor,
            rounds=self._rounds_sha,
            inputs_npz=self._npz_sha,
            transform=options.settings.window_transform,
            test_fraction=options.test_fraction,
            test_from_id=options.test_from_id,
            min_history=options.min_history,
            validation=options.skill.validation_fraction if options.skill.enabled else None,
            custom_objects=custom_objects_fingerprint(options.custom_objects),
        )

    def _read_cached(self, key: str) -> Any:

        assert self.options.cache_dir is not None
        return read(self.options.cache_dir, key)

    def _write_cached(
        self,
        key: str,
        specs: tuple[InputSpec, ...],
        heads: dict[str, np.ndarray],
        validation_p: np.ndarray | None,
        summary: ModelSummary,
        file_format: str,
        model: Any,
    ) -> None:

        folder = self.options.cache_dir
        assert folder is not None
        entry = CachedPredictions(
            specs, heads, validation_p, summary, file_format, tuple(model.warnings)
        )
        written = write(folder, key, entry)
        # The bound covers every cache: the features just extracted, these predictions, the rest.
        evict(folder, self.options.cache_max_bytes, keep=written)

    def _simulated_null(
        self,
        model: Callable[[], Any],
        prepared: PreparedInputs,
        predictions: Predictions,
        checkpoint: str | Path,
        prediction_key: str | None,
    ) -> NullOutcome:
        """The chance verdict's simulated null, from the cache when this checkpoint's pipeline
        already ran on the same fair histories (:mod:`jetx_diag.evaluation.simulated_null`)."""
        options = self.options
        cache = None
        if options.cache_dir is not None and prediction_key is not None:
            cache = NullCache(options.cache_dir, options.cache_max_bytes, prediction_key)
        name = Path(checkpoint).name
        outcome = simulated_null(
            model,
            prepared,
            predictions,
            settings=options.settings,
            skill=options.skill,
            source=str(checkpoint),
            cache=cache,
            progress=lambda done, total: self._report(
                record("record.progress_null", name=name), done, total
            ),
        )
        if outcome.from_cache:
            self.null_hits += 1
        return outcome

    def _report(self, task: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(task, done, total)

    def _accounting(self) -> DataAccounting:
        if self.history is not None:
            return self.history.accounting
        source = str(self.options.inputs_npz)
        return DataAccounting(source=source, rows_read=0, rows_used=0, rejected=())

    def _load_metadata(self, path: str) -> Any:

        key = str(Path(path).resolve())
        if key not in self._metadata:
            self._metadata[key] = load_metadata(path)
        return self._metadata[key]

    def _load_scaler(self, path: str) -> Any:

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


def _refuse_code(info: Any, trust_code: bool) -> None:
    """Refuse a checkpoint whose layers run code from the file, before anything is loaded."""

    if info.code_layers and not trust_code:
        raise UnsafeInputError(
            record(
                "error.keras_loader.model_contains_layers_run_python",
                code_layers=", ".join(info.code_layers),
            ),
            path=info.path,
            hint=TRUST_HINT,
        )


def _summary(model: Any, heads: dict[str, np.ndarray]) -> ModelSummary:
    """What the report says about a loaded model."""
    return ModelSummary(
        inputs=tuple(s.describe() for s in model_input_specs(model.model)),
        outputs=tuple(
            f"{name} → {head}"
            for head, name in _head_sources(heads, model_output_names(model.model))
        ),
        parameters=_parameter_count(model.model),
        saved_by=model.saved_by,
    )


def _head_sources(heads: dict[str, np.ndarray], names: list[str]) -> list[tuple[str, str]]:
    labels = {"threshold": "p_above", "classification": "3-class", "regression": "multiplier"}
    ordered = [h for h in ("threshold", "classification", "regression") if h in heads]
    by_name = {h: next((n for n in names if h in n.lower()), h) for h in ordered}
    return [(labels[h], by_name[h]) for h in ordered]


def _parameter_count(model: Any) -> int | None:
    try:
        count = model.count_params()
        return None if count is None else int(count)
    except (AttributeError, ValueError, TypeError):
        return None
