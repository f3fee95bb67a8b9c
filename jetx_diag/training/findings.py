"""Result types of a training-run diagnosis (see :mod:`jetx_diag.training.diagnosis`).

Frozen and serialisable with :func:`jetx_diag.results.to_dict` / ``from_dict``: an
``Evaluation`` carries a :class:`TrainingDiagnosis` in its ``training`` field, and
``jetx-diag history --json`` writes one on its own. Shares are fractions (Keras logs no counts).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from jetx_diag.results import Rate

SEVERITIES = ("critical", "warning", "info")

# Status codes of a progress-table row.
STATUS_ALL_ABOVE = "all_above"  # called every round "above": below-accuracy 0%
STATUS_ALL_BELOW = "all_below"  # called every round "below": below-accuracy 100%
STATUS_LOPSIDED_ABOVE = "lopsided_above"  # mostly "above" calls: above − below > 40 points
STATUS_LOPSIDED_BELOW = "lopsided_below"
STATUS_BALANCED = "balanced"
STATUS_NOT_LOGGED = "not_logged"
STATUS_OSCILLATING = "oscillating"  # progress-table rows only: one-epoch collapses alternating
COLLAPSE_STATUSES = (STATUS_ALL_ABOVE, STATUS_ALL_BELOW)


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class Finding:
    """One diagnosis: a code (catalog key ``training.finding.<code>``), how bad it is, and its
    numbers."""

    code: str
    severity: str  # critical | warning | info
    stage: str | None  # None: about the whole run
    numbers: dict[str, int | float | str]
    epochs: tuple[int, ...] = ()  # the epochs it is about (collapse epochs …)
    items: tuple[str, ...] = ()  # the things it is about (missing files …)


@dataclass(frozen=True)
class ProgressRow:
    """A row of the progress table ("Eğitim İlerlemesi"). Shares are fractions.

    ``until_epoch`` is set when the row's status holds, over the logged epochs, through that
    later epoch (the document's "Epoch 16+").
    """

    epoch: int
    until_epoch: int | None
    below_accuracy: float | None
    above_accuracy: float | None
    money_loss_risk: float | None
    goal: float | None
    status: str
    marks: tuple[str, ...]


@dataclass(frozen=True)
class EarlyStoppingReplay:
    """What Keras' EarlyStopping would have done over the logged series."""

    monitor: str
    mode: str
    patience: int
    min_delta: float
    stop_epoch: int | None  # None: would not have stopped within the logged epochs
    best_epoch: int | None


@dataclass(frozen=True)
class CheckpointLink:
    """A checkpoint file tied to the epoch it holds, from the console's ``saving model`` lines.

    The last save of the file wins (a later stage may overwrite it). ``present`` says whether
    the file is in the run folder (``None``: no folder to look in).
    """

    file: str  # the file's name
    path: str  # as the console printed it
    stage: str
    epoch: int
    monitor: str | None
    value: float | None
    saves: int  # how many times the run wrote the file
    present: bool | None


@dataclass(frozen=True)
class LearningRateCut:
    """One ReduceLROnPlateau cut, as printed."""

    epoch: int
    learning_rate: float


@dataclass(frozen=True)
class StageDiagnosis:
    """Everything measured on one stage; the findings cite these numbers.

    ``rows`` hold the progress table's key rows: the first epoch, the best epoch, the kept
    checkpoint, the first epoch of every status change (at most :data:`MAX_TRANSITION_ROWS`;
    ``omitted_transitions`` counts the rest) and the final epoch. ``statuses`` gives the status
    of every logged epoch, for a full table. ``curves`` holds the logged series the learning
    curves draw (``loss``, ``val_loss``, the goal metric with and without ``val_``, and
    ``val_below_accuracy``; one value or ``None`` per epoch), so a saved diagnosis can be drawn
    again without its log files.
    """

    stage: str
    source: str
    epochs: tuple[int, ...]
    stop_epoch: int
    goal_metric: str | None
    goal_mode: str
    best_epoch: int | None
    best_value: float | None
    final_value: float | None
    epochs_past_peak: int | None
    patience_needed: int | None
    stop_with_needed: int | None
    monitor: str | None
    monitor_source: str  # option | metadata | unknown
    checkpoint_epoch: int | None
    goal_at_checkpoint: float | None
    replay: EarlyStoppingReplay | None
    statuses: tuple[str, ...]
    collapse_epochs: tuple[int, ...]
    switches: int
    rows: tuple[ProgressRow, ...]
    omitted_transitions: int = 0
    curves: dict[str, tuple[float | None, ...]] = field(default_factory=dict)
    checkpoint_file: str | None = None  # the file the checkpoint monitor saved, when recorded
    # From console output only (None / empty for CSV and History logs):
    epoch_limit: int | None = None  # N of "Epoch k/N"
    early_stopping_epoch: int | None = None  # "Epoch k: early stopping"
    restored_epoch: int | None = None  # "Restoring model weights from the end of … epoch: k"
    lr_cuts: tuple[LearningRateCut, ...] = ()
    progress_source: str | None = None  # printed | logged | None: where below/above came from


@dataclass(frozen=True)
class ClassWeightCheck:
    """Configured weights of one stage (``None``: every stage) against balanced weights."""

    stage: str | None
    below_weight: float
    above_weight: float
    above_assumed: bool  # the run gave no "above" weight: 1.0 assumed, as Keras does
    weight_ratio: float  # below_weight / above_weight
    overweight: float | None  # weight_ratio / balanced ratio; None without class counts
    flagged: bool  # overweight past max_overweight, or under 1 / max_overweight


@dataclass(frozen=True)
class ClassBalance:
    """Training rounds per class, their imbalance and sklearn's balanced weights."""

    source: str  # train_labels | metadata
    below: Rate  # below-threshold rounds out of all training rounds
    above: int
    imbalance_ratio: float  # majority count / minority count (1.85 in the document)
    balanced_below_weight: float
    balanced_above_weight: float


@dataclass(frozen=True)
class ArtifactCheck:
    """Files a run is expected to leave, which exist and which do not."""

    run_dir: str
    source: str  # option | metadata | default
    expected: tuple[str, ...]
    present: tuple[str, ...]  # as found (``x.keras`` may stand for an expected ``x.h5``)
    missing: tuple[str, ...]


@dataclass(frozen=True)
class TrainingDiagnosis:
    """Every diagnosis of one run: per-stage results, findings, class balance, run files."""

    goal_metric: str | None
    stages: tuple[StageDiagnosis, ...]
    findings: tuple[Finding, ...]
    class_balance: ClassBalance | None = None
    class_weights: tuple[ClassWeightCheck, ...] = ()
    artifacts: ArtifactCheck | None = None
    notes: tuple[str, ...] = ()
    metadata_path: str | None = None  # the run metadata JSON read, if any
    max_overweight: float = 4.0  # class weights flagged beyond this factor either way
    checkpoints: tuple[CheckpointLink, ...] = ()  # from console output: file → stage, epoch
    logs_read: tuple[str, ...] = ()  # every log file read (a console log holds several stages)

    def checkpoint(self, name: str) -> CheckpointLink | None:
        """The link of a checkpoint file (by its name), if the console output saved it."""
        return next((c for c in self.checkpoints if c.file == name), None)

    def stage(self, name: str) -> StageDiagnosis:
        for stage in self.stages:
            if stage.stage == name:
                return stage
        raise KeyError(name)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.code == code)
