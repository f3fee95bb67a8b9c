"""How an evaluation runs the skill statistics (:func:`jetx_diag.skill.assessment.analyse_skill`).

:class:`SkillContext` is what the rounds outside the held-out ones offer the statistics, in
round order: the training slice, the validation slice with the model's probabilities on it, the
model's features for the logistic baseline, and the whole history for the randomness audit.
:func:`skill_context` gathers it from an evaluation's inputs; :func:`skill_report` hands one set
of held-out predictions with both to ``analyse_skill``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from jetx_diag.evaluation.inputs import PreparedInputs
from jetx_diag.evaluation.options import SkillOptions
from jetx_diag.inputs.model_inputs import InputSpec
from jetx_diag.predictions import Predictions
from jetx_diag.results import EvaluationSettings
from jetx_diag.skill.assessment import SkillReport, analyse_skill
from jetx_diag.skill.null_simulation import SimulatedNull


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
    simulated: SimulatedNull | None = None  # the model's AUC among its pipeline's on fair rounds


def skill_context(
    specs: tuple[InputSpec, ...],
    prepared: PreparedInputs,
    validation_p: np.ndarray | None,
    options: SkillOptions,
) -> SkillContext | None:
    """The rounds outside the held-out ones, and the model's probabilities on the validation
    slice (predicted in the same call as the held-out rounds); ``None`` with the statistics off."""
    if not options.enabled:
        return None
    validation = prepared.validation
    if validation is None:
        validation_p = None
    feature_names = [s.name for s in specs if s.kind == "features"]
    features = train_features = None
    if validation is not None and len(feature_names) == 1:
        # The logistic baseline learns from the model's own (scaled) features on the rounds
        # just before the held-out ones: the validation slice, the tail of the training slice.
        name = feature_names[0]
        features, train_features = prepared.arrays[name], validation.arrays[name]
    return SkillContext(
        train_actual=prepared.train_actual,
        validation_actual=None if validation_p is None else validation.actual,  # type: ignore[union-attr]
        validation_p_above=validation_p,
        validation_ids=None if validation_p is None else validation.round_ids,  # type: ignore[union-attr]
        features=features,
        train_features=train_features,
        history=prepared.history,
    )


def skill_report(
    predictions: Predictions,
    called: np.ndarray,
    metrics: Any,
    settings: EvaluationSettings,
    options: SkillOptions,
    context: SkillContext,
) -> SkillReport:
    """:func:`jetx_diag.skill.assessment.analyse_skill` on one set of held-out predictions."""

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
        simulated=context.simulated,
        seed=options.seed,
        n_permutations=options.permutations,
        n_bootstrap=options.bootstrap,
    )
