"""What an evaluation needs beyond the checkpoint: the history, companions, inputs, split and
statistics settings, as the CLI, the config file and the Python API give them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jetx_diag.cache_store import DEFAULT_MAX_BYTES
from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import record
from jetx_diag.results import EvaluationSettings
from jetx_diag.scoring.targets import DEFAULT_TARGETS, Target
from jetx_diag.skill.null_simulation import NULL_SIMULATIONS, default_null_simulations

#: ``progress(task, done, total)``: the CLI turns these into progress bars.
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class SkillOptions:
    """How the skill statistics run (``jetx_diag.skill.assessment.analyse_skill``). Same
    options, same numbers: every resampling is seeded."""

    enabled: bool = True
    cashout: float | None = None  # None: the threshold
    house_edge: float = 0.03
    seed: int = 0
    permutations: int = 1000
    bootstrap: int = 1000
    # Fair histories run through a checkpoint's pipeline for the chance verdict (0: none, the
    # martingale test decides); a predictions file has no pipeline and always uses the latter.
    # Read when the options are made, so the environment's default applies.
    null_simulations: int = field(default_factory=default_null_simulations)
    tests_tried: int = 1  # checkpoints/cut-offs tried on the same held-out rounds (Holm)
    validation_fraction: float = 0.2  # of the samples before the held-out ones
    targets: tuple[Target, ...] = DEFAULT_TARGETS  # a cut-off is chosen to meet these

    def __post_init__(self) -> None:
        if self.cashout is not None and not self.cashout > 1.0:
            raise UsageError(record("error.options.cashout_must_above_1_00", cashout=self.cashout))
        if not 0.0 <= self.house_edge < 1.0:
            raise UsageError(
                record("error.options.house_edge_share_within_0", house_edge=self.house_edge)
            )
        if self.permutations < 1 or self.bootstrap < 1:
            raise UsageError(record("error.options.permutations_bootstrap_must_least_1"))
        if self.null_simulations < 0:
            raise UsageError(
                record(
                    "error.options.null_simulations_must_least_0",
                    null_simulations=self.null_simulations,
                )
            )
        if self.tests_tried < 1:
            raise UsageError(
                record("error.options.tests_tried_must_least_1", tests_tried=self.tests_tried)
            )
        if not 0.0 <= self.validation_fraction < 1.0:
            raise UsageError(
                record(
                    "error.options.validation_fraction_must_within_0",
                    validation_fraction=self.validation_fraction,
                )
            )


#: The skill options of an evaluation that names none. Built at import, so it does not read the
#: environment (an evaluation made from options does).
DEFAULT_SKILL = SkillOptions(null_simulations=NULL_SIMULATIONS)


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
    custom_objects: tuple[str, ...] = ()  # "module" or "module:Name,Name", each imported
    cache_dir: Path | None = None
    find_companions: bool = True
    skill: SkillOptions = field(default_factory=SkillOptions)
    jobs: int = 1  # worker processes for the feature extractor (and compare's checkpoints)
    cache_max_bytes: int = DEFAULT_MAX_BYTES  # both caches together; oldest entries evicted
