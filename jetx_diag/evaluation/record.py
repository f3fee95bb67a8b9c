"""The evaluation record: one model on one held-out set, the single source of every number a
report, a comparison and the CI gate show. Saved and read back by :mod:`document`."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

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

    # Notebook display. The report stage is imported only when a notebook asks for it, so the
    # record stays free of rendering code.
    def _repr_html_(self) -> str:
        """The report's summary (header, targets, better than chance?) in a notebook cell."""
        from jetx_diag.report.notebook import summary_html

        return summary_html(self)

    def to_frame(self, what: str = "calls") -> Any:
        """A ``pandas.DataFrame``: ``"calls"``, one row per evaluated round (actual, p_above,
        called_above, ended_above, correct); ``"metrics"``, one row per metric with its counts."""
        from jetx_diag.report.notebook import calls_frame, metrics_frame

        frames = {"calls": calls_frame, "metrics": metrics_frame}
        if what not in frames:
            raise ValueError(f"to_frame: what must be 'calls' or 'metrics', not {what!r}")
        return frames[what](self)
