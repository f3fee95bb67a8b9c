"""How an evaluation runs the skill statistics (:func:`jetx_diag.skill.analyse_skill`).

:class:`SkillOptions` are the user's settings (seeds, resamples, house edge, tries);
:class:`SkillContext` is what the rounds outside the held-out ones offer the statistics, in
round order: the training slice, the validation slice with the model's probabilities on it, the
model's features for the logistic baseline, and the whole history for the randomness audit.
:func:`skill_report` hands one set of held-out predictions with both to ``analyse_skill``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from jetx_diag.errors import UsageError
from jetx_diag.null_simulation import NULL_SIMULATIONS
from jetx_diag.results import EvaluationSettings
from jetx_diag.targets import DEFAULT_TARGETS, Target

if TYPE_CHECKING:
    from jetx_diag.null_simulation import SimulatedNull
    from jetx_diag.predictions import Predictions
    from jetx_diag.skill import SkillReport


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
    # Fair histories run through a checkpoint's pipeline for the chance verdict (0: none, the
    # martingale test decides); a predictions file has no pipeline and always uses the latter.
    null_simulations: int = NULL_SIMULATIONS
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
        if self.null_simulations < 0:
            raise UsageError(f"--null-simulations must be at least 0, got {self.null_simulations}")
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
    simulated: SimulatedNull | None = None  # the model's AUC among its pipeline's on fair rounds


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
        simulated=context.simulated,
        seed=options.seed,
        n_permutations=options.permutations,
        n_bootstrap=options.bootstrap,
    )
