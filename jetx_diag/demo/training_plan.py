"""What the demo's training run trains and leaves: its constants, the three stages' plans, and
the records of a finished run (:class:`DemoRun`, :class:`StageResult`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from jetx_diag.demo.model import SEQUENCE_LENGTHS

#: Rounds in the demo history.
DEFAULT_ROUNDS = 6000
#: Share of the samples held out at the end (the evaluator's default split).
TEST_FRACTION = 0.2
#: Share of the remaining samples used for validation, also taken from the end.
VALIDATION_FRACTION = 0.2
#: The cash-out multiplier and the p_above cutoff of an "above" call.
THRESHOLD = 1.5
CUTOFF = 0.5
#: How a window of multipliers is fed to the model (the source project's transform).
SEQUENCE_TRANSFORM = "log10(x + 1e-8)"
SEQUENCE_EPSILON = 1e-8
#: The first round that can be predicted: it needs a full window of the longest length before it.
FIRST_PREDICTABLE = max(SEQUENCE_LENGTHS)
#: The rounds the split needs at least, beyond the first full window.
MIN_SAMPLES = 200

FEATURES_CALLABLE = "jetx_diag.demo.features:extract_features"
HISTORY_FILE = "history.db"
SCALER_FILE = "scaler_progressive.pkl"
METADATA_FILE = "progressive_model_info.json"
FINAL_FILE = "jetx_progressive_final.h5"

#: progress(stage, epoch, total): called after every epoch (epoch counts from 1; total is the
#: stage's epoch budget). When early stopping ends a stage sooner, a last call reports
#: ``epoch == total`` so that a progress bar completes.
ProgressCallback = Callable[[int, int, int], None]


@dataclass(frozen=True)
class StagePlan:
    """How one stage trains; all of it is recorded in the metadata."""

    number: int
    name: str
    purpose: str
    epochs: int
    batch_size: int
    learning_rate: float
    target_multiplier: float  # weight of "below" = balanced weight x this (the source's formula)
    loss_weights: tuple[tuple[str, float], ...]
    monitor: str
    mode: str
    patience: int

    @property
    def checkpoint(self) -> str:
        return f"stage{self.number}_best.h5"

    @property
    def log(self) -> str:
        return f"stage{self.number}.csv"


STAGES: tuple[StagePlan, ...] = (
    StagePlan(
        number=1,
        name="foundation",
        purpose="balanced class weights; checkpoint chosen by regression MAE, not the call",
        epochs=10,
        batch_size=64,
        learning_rate=1e-3,
        target_multiplier=1.0,
        loss_weights=(("regression", 0.6), ("classification", 0.1), ("threshold", 0.3)),
        monitor="val_regression_mae",
        mode="min",
        patience=50,
    ),
    StagePlan(
        number=2,
        name="threshold focus",
        purpose="below class weighted 3x past balanced: calls swing towards below",
        epochs=8,
        batch_size=32,
        learning_rate=5e-4,
        target_multiplier=3.0,
        loss_weights=(("regression", 0.45), ("classification", 0.1), ("threshold", 0.45)),
        monitor="val_threshold_accuracy",
        mode="max",
        patience=40,
    ),
    StagePlan(
        number=3,
        name="full fine-tuning",
        purpose="below class weighted at 0.1x balanced: the model collapses to always above",
        epochs=8,
        batch_size=32,
        learning_rate=2e-3,  # fast enough to collapse within a couple of epochs, even in tests
        target_multiplier=0.1,
        loss_weights=(("regression", 0.4), ("classification", 0.15), ("threshold", 0.45)),
        monitor="val_threshold_accuracy",
        mode="max",
        patience=50,
    ),
)

#: The stage whose checkpoint is built to call (almost) every round "above".
COLLAPSED_STAGE = 3


@dataclass(frozen=True)
class StageResult:
    number: int
    name: str
    checkpoint: str
    log: str
    monitor: str
    epochs_run: int
    best_epoch: int  # 1-based, by the stage's monitor
    seconds: float


@dataclass(frozen=True)
class DemoRun:
    """The files a demo training run wrote (absolute paths) and what they hold."""

    out_dir: str
    history_path: str
    scaler_path: str
    metadata_path: str
    final_model_path: str
    stages: tuple[StageResult, ...]
    collapsed_checkpoint: str
    rounds: int
    feature_count: int
    samples: int
    train_samples: int
    validation_samples: int
    test_samples: int
    test_first_id: int  # SQLite id of the first held-out round (ids count from 1)
    seconds: float

    @property
    def checkpoints(self) -> tuple[str, ...]:
        """Every model file, in the order they were written (stages, then the final model)."""
        return (*(stage.checkpoint for stage in self.stages), self.final_model_path)
