"""What an evaluation needs beyond the checkpoint: the history, companions, inputs, split and
statistics settings, as the CLI, the config file and the Python API give them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from jetx_diag.cache_store import DEFAULT_MAX_BYTES
from jetx_diag.errors import UsageError
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
