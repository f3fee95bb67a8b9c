"""The evaluation record: one model on one held-out set, the single source of every number a
report, a comparison and the CI gate show. Saved and read back by :mod:`document`."""

from __future__ import annotations

from dataclasses import dataclass, field

from jetx_diag.results import (
    Artifact,
    DataAccounting,
    EvaluationSettings,
    Metrics,
    ModelSummary,
    RoundCalls,
    Split,
)
from jetx_diag.skill.assessment import SkillReport
from jetx_diag.training.findings import TrainingDiagnosis

#: Version of a saved evaluation; a reader refuses a newer one rather than misread it.
EVALUATION_FORMAT_VERSION = 1


@dataclass(frozen=True)
class Evaluation:
    """One model on one held-out set: the single source of every number a report shows."""

    label: str
    tool_version: str
    created: str  # ISO 8601, UTC
    settings: EvaluationSettings
    split: Split
    metrics: Metrics
    data: DataAccounting
    calls: RoundCalls
    artifacts: tuple[Artifact, ...] = ()
    model: ModelSummary | None = None
    recorded: dict[str, float] = field(default_factory=dict)  # metrics the run's metadata claims
    warnings: tuple[str, ...] = ()
    skill: SkillReport | None = None  # better than chance? money?
    training: TrainingDiagnosis | None = None  # the run's logs, when found
    format_version: int = EVALUATION_FORMAT_VERSION
