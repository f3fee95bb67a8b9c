"""Why did training fail? Findings about a run, each with the numbers that support it.

The diagnoses follow the source document's "NEDEN BAŞARISIZ OLDU?" section:

- a progress table per stage (epoch, below-accuracy, above-accuracy, money-loss risk, status);
- the best epoch against the epoch where the stage stopped, and the patience that would have
  stopped near the peak (EarlyStopping replayed over the logged goal series, in hindsight);
- collapse (epochs where the model called one class only) and oscillation between the two;
- a checkpoint chosen by a metric that is not the goal, and what the goal was at that epoch;
- class balance and configured class weights against balanced weights;
- files the run should have left that are absent, and files whose contents disagree.

Per-epoch accuracies come from the logs as fractions without counts (Keras logs no counts), so
they are kept as fractions; the report rounds them. Findings carry numbers, not sentences:
:data:`FINDING_TEXT` holds suggested English and Turkish sentences per code (``str.format``
fields from :attr:`Finding.numbers` plus ``stage``) for the report's catalog.

The goal metric defaults to ``val_worst_class_accuracy`` = min(below, above) when the log has
both: a model that calls every round "above" scores 0 on it, while it scores 64.9% threshold
accuracy on the document's data. Then ``val_threshold_accuracy``, then ``val_loss``.
"""

from __future__ import annotations

import itertools
import string
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from numpy.typing import ArrayLike
from sklearn.utils.class_weight import compute_class_weight

from jetx_diag.errors import UsageError
from jetx_diag.results import Rate
from jetx_diag.training_logs import (
    StageCallbacks,
    StageLog,
    TrainingRun,
    describe_epochs,
    normalise_class_weights,
    same_stage,
)

#: Goal metrics tried in this order when none is given.
AUTO_GOALS = ("val_worst_class_accuracy", "val_threshold_accuracy", "val_loss")

#: The files the source document's run saved (used when the metadata lists none). Stage
#: checkpoints are expected only for the run's ``stageN`` stages.
DEFAULT_RUN_FILES = ("jetx_progressive_final.h5", "scaler_progressive.pkl")
DEFAULT_METADATA_FILE = "progressive_model_info.json"
DEFAULT_CHECKPOINT = "{stage}_best.h5"

#: A file counts as present when it exists under one of these sibling suffixes (Keras 3 saves
#: ``.keras`` where Keras 2 saved ``.h5``; scalers are pickled or joblib-dumped).
ALTERNATIVE_SUFFIXES: dict[str, tuple[str, ...]] = {
    ".h5": (".keras", ".hdf5"),
    ".keras": (".h5",),
    ".pkl": (".joblib",),
    ".joblib": (".pkl",),
}

#: |below − above| above this is "lopsided" (the source project's own warning rule: "> 40%").
LOPSIDED_GAP = 0.40
#: Epochs past the peak from which the finding is a warning, and critical.
PAST_PEAK_WARNING, PAST_PEAK_CRITICAL = 10, 50
#: A checkpoint whose goal value is this far below the best is a warning.
CHECKPOINT_GAP_WARNING = 0.05
#: Over- or under-weighting factor (configured weight ratio ÷ balanced ratio) that is critical.
OVERWEIGHT_CRITICAL = 10.0
#: Largest number of status-change rows per stage in the progress table.
MAX_TRANSITION_ROWS = 12

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
_SIDE = {
    STATUS_ALL_ABOVE: "above",
    STATUS_LOPSIDED_ABOVE: "above",
    STATUS_ALL_BELOW: "below",
    STATUS_LOPSIDED_BELOW: "below",
}

STATUS_TEXT: dict[str, dict[str, str]] = {
    STATUS_ALL_ABOVE: {"en": "only 'above' calls (collapsed)", "tr": "hep 1.5 üstü (çöktü)"},
    STATUS_ALL_BELOW: {"en": "only 'below' calls (collapsed)", "tr": "hep 1.5 altı (ters uç)"},
    STATUS_LOPSIDED_ABOVE: {"en": "lopsided towards 'above'", "tr": "1.5 üstüne dengesiz"},
    STATUS_LOPSIDED_BELOW: {"en": "lopsided towards 'below'", "tr": "1.5 altına dengesiz"},
    STATUS_BALANCED: {"en": "both classes called", "tr": "iki sınıf da tahmin ediliyor"},
    STATUS_NOT_LOGGED: {"en": "not logged", "tr": "loglanmamış"},
    STATUS_OSCILLATING: {
        "en": "swinging from one side to the other every epoch",
        "tr": "her epoch bir uçtan diğerine savrulma",
    },
}
MARK_TEXT: dict[str, dict[str, str]] = {
    "best": {"en": "best", "tr": "en iyi"},
    "first": {"en": "first epoch", "tr": "ilk epoch"},
    "final": {"en": "stopped here", "tr": "burada durdu"},
    "checkpoint": {"en": "checkpoint kept", "tr": "kaydedilen checkpoint"},
}


# --------------------------------------------------------------------------- result types


@dataclass(frozen=True)
class Finding:
    """One diagnosis: a code (key of :data:`FINDING_TEXT`), how bad it is, and its numbers."""

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
class StageDiagnosis:
    """Everything measured on one stage; the findings cite these numbers.

    ``rows`` hold the progress table's key rows: the first epoch, the best epoch, the kept
    checkpoint, the first epoch of every status change (at most :data:`MAX_TRANSITION_ROWS`;
    ``omitted_transitions`` counts the rest) and the final epoch. ``statuses`` gives the status
    of every logged epoch, for a full table.
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
    goal_metric: str | None
    stages: tuple[StageDiagnosis, ...]
    findings: tuple[Finding, ...]
    class_balance: ClassBalance | None = None
    class_weights: tuple[ClassWeightCheck, ...] = ()
    artifacts: ArtifactCheck | None = None
    notes: tuple[str, ...] = ()

    def stage(self, name: str) -> StageDiagnosis:
        for stage in self.stages:
            if stage.stage == name:
                return stage
        raise KeyError(name)

    def by_code(self, code: str) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.code == code)


# --------------------------------------------------------------------------- text

#: Suggested sentences per finding code; fields are ``Finding.numbers`` keys plus ``stage``.
FINDING_TEXT: dict[str, dict[str, str]] = {
    "no_class_accuracy_logged": {
        "en": "{stage}: the log has no per-epoch below/above accuracy, so the epochs where the "
        "model lost the 'below' class cannot be seen. Log val_below_accuracy and "
        "val_above_accuracy.",
        "tr": "{stage}: logda epoch başına 1.5 altı/üstü doğruluğu yok; modelin 1.5 altını "
        "kaybettiği epoch'lar görülemiyor. val_below_accuracy ve val_above_accuracy loglanmalı.",
    },
    "too_few_epochs": {
        "en": "{stage}: only {epochs_logged} epoch logged; no trend can be read from it.",
        "tr": "{stage}: yalnızca {epochs_logged} epoch loglanmış; eğilim okunamaz.",
    },
    "values_not_finite": {
        "en": "{stage}: {column} is NaN or infinite in {count} epoch(s), first at epoch "
        "{first_epoch} ({spans}); training diverged there.",
        "tr": "{stage}: {column} {count} epoch'ta NaN veya sonsuz, ilki epoch {first_epoch} "
        "({spans}); eğitim orada ıraksamış.",
    },
    "stopped_past_peak": {
        "en": "{stage}: {goal_metric} peaked at epoch {best_epoch} ({best_value:.1%}) but "
        "training ran to epoch {stop_epoch}: {epochs_past_peak} epochs past the peak "
        "(ending at {final_value:.1%}). In hindsight, EarlyStopping on {goal_metric} with "
        "patience {patience_needed} would have kept epoch {best_epoch} and stopped at epoch "
        "{stop_with_needed}.",
        "tr": "{stage}: {goal_metric} için en iyi epoch: {best_epoch} ({best_value:.1%}); "
        "eğitimin durduğu epoch: {stop_epoch}; zirveden sonra geçen epoch sayısı: "
        "{epochs_past_peak} (son değer {final_value:.1%}). Geriye bakınca, {goal_metric} "
        "izlenip patience={patience_needed} ile EarlyStopping, epoch {best_epoch} modelini "
        "tutup epoch {stop_with_needed} noktasında dururdu.",
    },
    "peak_at_end": {
        "en": "{stage}: {goal_metric} was still at its best in the last epoch ({stop_epoch}, "
        "{best_value:.1%}); the stage may have stopped too early.",
        "tr": "{stage}: {goal_metric} son epoch'ta ({stop_epoch}, {best_value:.1%}) hâlâ en iyi "
        "değerindeydi; aşama erken durmuş olabilir.",
    },
    "collapse": {
        "en": "{stage}: the model called only one class in {collapse_count} of {checked_epochs} "
        "logged epochs ({all_above} only 'above', {all_below} only 'below'), first at epoch "
        "{first_collapse_epoch} (epochs {spans}).",
        "tr": "{stage}: model loglanan {checked_epochs} epoch'un {collapse_count} tanesinde tek "
        "sınıf tahmin etti ({all_above} kez hep 1.5 üstü, {all_below} kez hep 1.5 altı); ilki "
        "epoch {first_collapse_epoch} (epoch'lar: {spans}).",
    },
    "oscillation": {
        "en": "{stage}: below-accuracy swung between 0% and 100% {switches} times between "
        "epochs {first_switch_epoch} and {last_switch_epoch} (largest change between two "
        "logged epochs: {largest_swing:.1%}).",
        "tr": "{stage}: 1.5 altı doğruluğu epoch {first_switch_epoch} ile "
        "{last_switch_epoch} arasında {switches} kez %0 ile %100 arasında savruldu (iki "
        "loglanmış epoch arasındaki en büyük değişim: {largest_swing:.1%}).",
    },
    "best_epoch_collapsed": {
        "en": "{stage}: the best epoch by {goal_metric} (epoch {best_epoch}, {best_value:.1%}) "
        "is one where the model called only one class ({status}); {goal_metric} rewards that. "
        "Judge epochs by below- and above-accuracy together.",
        "tr": "{stage}: {goal_metric} ölçüsüne göre en iyi epoch ({best_epoch}, "
        "{best_value:.1%}) modelin tek sınıf tahmin ettiği bir epoch ({status}); bu metrik bunu "
        "ödüllendiriyor. Epoch'lar 1.5 altı ve üstü doğruluğuyla birlikte değerlendirilmeli.",
    },
    "monitor_not_goal": {
        "en": "{stage}: the checkpoint was chosen by {monitor}, not by {goal_metric}. At the "
        "kept epoch {checkpoint_epoch}, {goal_metric} was {goal_at_checkpoint:.1%} "
        "({checkpoint_status}); its best was {best_value:.1%} at epoch {best_epoch}.",
        "tr": "{stage}: checkpoint {goal_metric} ile değil {monitor} ile seçildi. Kaydedilen "
        "epoch {checkpoint_epoch} için {goal_metric}: {goal_at_checkpoint:.1%} "
        "({checkpoint_status}); en iyisi epoch {best_epoch}: {best_value:.1%}.",
    },
    "checkpoint_goal_not_logged": {
        "en": "{stage}: the checkpoint was chosen by {monitor} at epoch {checkpoint_epoch}; "
        "{goal_metric} was not logged at that epoch, so how good the kept model is on the goal "
        "is unknown (its best logged value was {best_value:.1%} at epoch {best_epoch}).",
        "tr": "{stage}: checkpoint {monitor} ile epoch {checkpoint_epoch} olarak seçildi; o "
        "epoch'ta {goal_metric} loglanmamış, kaydedilen modelin hedefteki başarısı bilinmiyor "
        "(loglanan en iyi değer: epoch {best_epoch}, {best_value:.1%}).",
    },
    "monitor_not_logged": {
        "en": "{stage}: the monitored metric {monitor} is not in the log; the kept epoch "
        "cannot be found.",
        "tr": "{stage}: izlenen metrik {monitor} logda yok; kaydedilen epoch bulunamıyor.",
    },
    "monitor_unknown": {
        "en": "{stage}: which metric chose the checkpoint is not recorded; give it (--monitor) "
        "to check it against {goal_metric}.",
        "tr": "{stage}: checkpoint'i hangi metriğin seçtiği kayıtlı değil; {goal_metric} ile "
        "karşılaştırmak için belirtin (--monitor).",
    },
    "early_stopping_consistent": {
        "en": "{stage}: the log matches EarlyStopping(monitor={monitor}, patience={patience}): "
        "best {monitor} at epoch {replay_best_epoch}, stop at epoch {stop_epoch}.",
        "tr": "{stage}: log EarlyStopping(monitor={monitor}, patience={patience}) ile uyumlu: "
        "en iyi {monitor} epoch {replay_best_epoch}, durma epoch {stop_epoch}.",
    },
    "early_stopping_never_fired": {
        "en": "{stage}: EarlyStopping(monitor={monitor}, patience={patience}) never fired in "
        "the {epochs_logged} logged epochs (best {monitor} at epoch {replay_best_epoch}); the "
        "stage ran to its epoch limit.",
        "tr": "{stage}: EarlyStopping(monitor={monitor}, patience={patience}) loglanan "
        "{epochs_logged} epoch boyunca hiç devreye girmedi (en iyi {monitor}: epoch "
        "{replay_best_epoch}); aşama epoch sınırına kadar sürdü.",
    },
    "goal_flat": {
        "en": "{stage}: {goal_metric} stayed at {value:.1%} in all {epochs_logged} logged "
        "epochs: nothing was learned on the goal.",
        "tr": "{stage}: {goal_metric} loglanan {epochs_logged} epoch'un hepsinde {value:.1%} "
        "kaldı: hedefte hiçbir şey öğrenilmedi.",
    },
    "early_stopping_inconsistent": {
        "en": "{stage}: EarlyStopping(monitor={monitor}, patience={patience}) replayed over the "
        "log stops at {replay_stop}, but the log ends at epoch {stop_epoch}: the recorded "
        "settings or the log are not what ran.",
        "tr": "{stage}: EarlyStopping(monitor={monitor}, patience={patience}) log üzerinde "
        "yeniden oynatılınca {replay_stop} noktasında duruyor, ama log epoch {stop_epoch} "
        "noktasında bitiyor: kaydedilen ayarlar ya da log çalışanla aynı değil.",
    },
    "epochs_disagree": {
        "en": "{stage}: the metadata records {recorded_epochs} epochs, the log holds "
        "{logged_epochs}.",
        "tr": "{stage}: metadata {recorded_epochs} epoch kaydediyor, logda {logged_epochs} "
        "epoch var.",
    },
    "class_balance": {
        "en": "Training rounds: {below_count} below ({below_share:.1%}) and {above_count} above; "
        "imbalance 1:{imbalance_ratio:.2f}. Balanced class weights: {balanced_below_weight:.2f} "
        "(below), {balanced_above_weight:.2f} (above).",
        "tr": "Eğitim verisi: {below_count} adet 1.5 altı ({below_share:.1%}) ve {above_count} "
        "adet 1.5 üstü; dengesizlik 1:{imbalance_ratio:.2f}. Dengeli class weight: "
        "{balanced_below_weight:.2f} (1.5 altı), {balanced_above_weight:.2f} (1.5 üstü).",
    },
    "class_weight_excessive": {
        "en": "{where}: class weights {below_weight:.2f}x (below) and {above_weight:.2f}x "
        "(above) make one below round count {weight_ratio:.1f} times an above round; for this "
        "split ({below_share:.1%} below, imbalance 1:{imbalance_ratio:.2f}) balanced weights "
        "make it {balanced_ratio:.2f} times. The below class is over-weighted {overweight:.1f}x.",
        "tr": "{where}: class weight {below_weight:.2f}x (1.5 altı) ve {above_weight:.2f}x "
        "(1.5 üstü) ile bir 1.5 altı örnek, bir 1.5 üstü örneğin {weight_ratio:.1f} katı "
        "sayılıyor; bu dağılım için ({below_share:.1%} 1.5 altı, dengesizlik "
        "1:{imbalance_ratio:.2f}) dengeli ağırlıkta bu oran {balanced_ratio:.2f}. 1.5 altı "
        "sınıfı {overweight:.1f} kat fazla ağırlıklandırılmış.",
    },
    "class_weight_too_low": {
        "en": "{where}: class weights {below_weight:.2f}x (below) and {above_weight:.2f}x "
        "(above) make one below round count {weight_ratio:.2f} times an above round; for this "
        "split ({below_share:.1%} below, imbalance 1:{imbalance_ratio:.2f}) balanced weights "
        "make it {balanced_ratio:.2f} times. The below class is under-weighted "
        "{underweight:.1f}x, which pushes the model towards calling every round 'above'.",
        "tr": "{where}: class weight {below_weight:.2f}x (1.5 altı) ve {above_weight:.2f}x "
        "(1.5 üstü) ile bir 1.5 altı örnek, bir 1.5 üstü örneğin {weight_ratio:.2f} katı "
        "sayılıyor; bu dağılım için ({below_share:.1%} 1.5 altı, dengesizlik "
        "1:{imbalance_ratio:.2f}) dengeli ağırlıkta bu oran {balanced_ratio:.2f}. 1.5 altı "
        "sınıfı {underweight:.1f} kat az ağırlıklandırılmış; bu, modeli her tura 1.5 üstü "
        "demeye iter.",
    },
    "class_weights_unchecked": {
        "en": "{where}: class weights {below_weight:.2f}x (below) and {above_weight:.2f}x "
        "(above) cannot be checked: the class counts of the training rounds are unknown.",
        "tr": "{where}: class weight {below_weight:.2f}x (1.5 altı) ve {above_weight:.2f}x "
        "(1.5 üstü) kontrol edilemiyor: eğitim verisinin sınıf sayıları bilinmiyor.",
    },
    "class_missing_in_training": {
        "en": "The training rounds hold no {missing_class} rounds ({total} rounds); the model "
        "cannot learn to call that class.",
        "tr": "Eğitim verisinde hiç {missing_class} örneği yok ({total} örnek); model bu sınıfı "
        "öğrenemez.",
    },
    "missing_artifacts": {
        "en": "{missing_count} of {expected_count} files the run should have left are missing "
        "from {run_dir}: {missing_list}.",
        "tr": "Eğitimin bırakması gereken {expected_count} dosyadan {missing_count} tanesi "
        "{run_dir} içinde yok: {missing_list}.",
    },
    "scaler_width_mismatch": {
        "en": "The scaler expects {scaler_width} features but the model's feature input takes "
        "{model_width}: they do not belong together.",
        "tr": "Scaler {scaler_width} özellik bekliyor, modelin özellik girişi {model_width} "
        "alıyor: bu iki dosya birbirine ait değil.",
    },
    "recorded_metric_differs": {
        "en": "The metadata records {metric} = {recorded:.2%}, measured here {measured:.2%} "
        "(difference {difference:+.2%}).",
        "tr": "Metadata {metric} = {recorded:.2%} kaydediyor, burada ölçülen {measured:.2%} "
        "(fark {difference:+.2%}).",
    },
}


def finding_text(finding: Finding, language: str = "en") -> str:
    """The suggested sentence of a finding in ``language`` (``en`` or ``tr``).

    Status codes (numbers named ``*status``) are written out with :data:`STATUS_TEXT`.
    """
    template = FINDING_TEXT[finding.code][language]
    numbers = {
        key: STATUS_TEXT[value][language]
        if key.endswith("status") and value in STATUS_TEXT
        else value
        for key, value in finding.numbers.items()
    }
    return template.format(stage=finding.stage or "", **numbers)


def template_fields(template: str) -> set[str]:
    """The ``str.format`` field names a text template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


# --------------------------------------------------------------------------- primitives


def metric_mode(name: str) -> str:
    """``min`` for losses and errors, ``max`` for accuracies and the like (by name)."""
    lowered = name.lower()
    if any(word in lowered for word in ("loss", "mae", "mse", "error", "crossentropy", "risk")):
        return "min"
    return "max"


def best_epoch(
    epochs: Sequence[int], values: Sequence[float | None], mode: str
) -> tuple[int, float] | None:
    """The first epoch with the best value (Keras keeps the first on ties), or ``None``."""
    best: tuple[int, float] | None = None
    for epoch, value in zip(epochs, values, strict=True):
        if value is None:
            continue
        if best is None or (value > best[1] if mode == "max" else value < best[1]):
            best = (epoch, value)
    return best


def replay_early_stopping(
    epochs: Sequence[int],
    values: Sequence[float | None],
    *,
    patience: int,
    mode: str,
    min_delta: float = 0.0,
    not_finite: Sequence[int] = (),
) -> tuple[int | None, int | None]:
    """(stop epoch, best epoch) of Keras' EarlyStopping over a logged series.

    Written out rather than driving ``keras.callbacks.EarlyStopping`` so that predictions-only
    installs need no TensorFlow; it follows Keras 3's ``on_epoch_end`` step by step (tested
    against it): an epoch without a value is skipped, a NaN one (``not_finite``) counts as no
    improvement, and training stops once ``wait`` reaches ``patience`` after the first epoch.
    """
    if patience < 0:
        raise ValueError("patience must be >= 0")
    delta = abs(min_delta)
    best: float | None = None
    best_at: int | None = None
    wait = 0
    nan_epochs = set(not_finite)
    for index, (epoch, value) in enumerate(zip(epochs, values, strict=True)):
        if value is None and epoch not in nan_epochs:
            continue
        wait += 1
        improved = value is not None and (
            best is None or (value - delta > best if mode == "max" else value + delta < best)
        )
        if improved:
            best, best_at, wait = value, epoch, 0
            continue
        if wait >= patience and index > 0:
            return epoch, best_at
    return None, best_at


def needed_patience(
    epochs: Sequence[int],
    values: Sequence[float | None],
    *,
    mode: str,
    min_delta: float = 0.0,
    not_finite: Sequence[int] = (),
) -> tuple[int, int] | None:
    """The smallest patience whose replayed EarlyStopping keeps the best epoch, and its stop.

    Returns ``(patience, stop epoch)``; the stop epoch is the last logged one when that
    EarlyStopping would not have stopped within the log. ``None`` when the series is empty.
    This is hindsight: it says how long the peak was preceded by flat stretches, not which
    patience will work on the next run.
    """
    peak = best_epoch(epochs, values, mode)
    if peak is None:
        return None
    for patience in range(len(epochs) + 1):
        stop, kept = replay_early_stopping(
            epochs,
            values,
            patience=patience,
            mode=mode,
            min_delta=min_delta,
            not_finite=not_finite,
        )
        if kept == peak[0]:
            return patience, epochs[-1] if stop is None else stop
    return None  # only when min_delta hides the peak from EarlyStopping


def epoch_status(below: float | None, above: float | None, tolerance: float = 0.005) -> str:
    """Status of an epoch from its below- and above-accuracy (fractions).

    ``all_above``: below-accuracy within ``tolerance`` of 0 (and above-accuracy of 1, when
    logged): the model called every round "above", every below round lost the stake.
    ``all_below``: the mirror image. ``lopsided_above``/``lopsided_below``: one accuracy more
    than :data:`LOPSIDED_GAP` above the other. ``balanced`` otherwise; ``not_logged`` without
    a below-accuracy that epoch.
    """
    if below is None:
        return STATUS_NOT_LOGGED
    if below <= tolerance and (above is None or above >= 1.0 - tolerance):
        return STATUS_ALL_ABOVE
    if below >= 1.0 - tolerance and (above is None or above <= tolerance):
        return STATUS_ALL_BELOW
    if above is not None and above - below > LOPSIDED_GAP:
        return STATUS_LOPSIDED_ABOVE
    if above is not None and below - above > LOPSIDED_GAP:
        return STATUS_LOPSIDED_BELOW
    return STATUS_BALANCED


def count_switches(statuses: Sequence[str]) -> list[int]:
    """Indexes where the collapse side flips (all-above ↔ all-below), other epochs skipped."""
    flips: list[int] = []
    side: str | None = None
    for index, status in enumerate(statuses):
        if status not in COLLAPSE_STATUSES:
            continue
        if side is not None and status != side:
            flips.append(index)
        side = status
    return flips


# --------------------------------------------------------------------------- stages


def _per_stage(option: object, stage: str) -> object:
    if isinstance(option, Mapping):
        for key, value in option.items():
            if same_stage(str(key), stage):
                return value
        return option.get("*")
    return option


def _choose_goal(run: TrainingRun, goal_metric: str | None) -> str | None:
    if goal_metric is not None:
        if not any(stage.series(goal_metric) is not None for stage in run.stages):
            columns = sorted({c for stage in run.stages for c in stage.metrics})
            raise UsageError(
                f"goal metric {goal_metric!r} is in no training log",
                hint=f"logged: {', '.join(columns)}",
            )
        return goal_metric
    for candidate in AUTO_GOALS:
        if all(stage.series(candidate) is not None for stage in run.stages):
            return candidate
    for candidate in AUTO_GOALS:
        if any(stage.series(candidate) is not None for stage in run.stages):
            return candidate
    return None


@dataclass(frozen=True)
class _Monitor:
    """The metrics that stopped the stage and chose its checkpoint, and where that was said."""

    early_stopping: str | None
    checkpoint: str | None
    mode: str | None
    patience: int | None
    min_delta: float
    source: str  # option | metadata | unknown


def _resolve_monitor(
    stage: StageLog, run: TrainingRun, monitor_option: object, patience_option: object
) -> _Monitor:
    meta = run.metadata
    recorded: StageCallbacks | None = (
        None if meta is None else meta.for_stage(meta.callbacks, stage.name)
    )
    option_patience = _per_stage(patience_option, stage.name)
    patience = option_patience if isinstance(option_patience, int) else None
    if patience is None and recorded is not None:
        patience = recorded.patience
    option_monitor = _per_stage(monitor_option, stage.name)
    if isinstance(option_monitor, str):
        return _Monitor(option_monitor, option_monitor, None, patience, 0.0, "option")
    if recorded is not None and (recorded.monitor or recorded.checkpoint_monitor):
        return _Monitor(
            recorded.monitor,
            recorded.checkpoint_monitor,
            recorded.mode,
            patience,
            recorded.min_delta or 0.0,
            "metadata",
        )
    return _Monitor(None, None, None, patience, 0.0, "unknown")


def _data_findings(stage: StageLog, has_below: bool, findings: list[Finding]) -> None:
    if not has_below:
        findings.append(Finding("no_class_accuracy_logged", "info", stage.name, {}))
    if stage.n_epochs == 1:
        findings.append(Finding("too_few_epochs", "info", stage.name, {"epochs_logged": 1}))
    for column, bad in stage.not_finite.items():
        severity = "critical" if column.removeprefix("val_") == "loss" else "warning"
        numbers: dict[str, int | float | str] = {
            "column": column,
            "count": len(bad),
            "first_epoch": bad[0],
            "spans": describe_epochs(bad).split(" ", 1)[1],
        }
        findings.append(Finding("values_not_finite", severity, stage.name, numbers, epochs=bad))


@dataclass(frozen=True)
class _Peak:
    best_epoch: int | None = None
    best_value: float | None = None
    final_value: float | None = None
    patience_needed: int | None = None
    stop_with_needed: int | None = None


def _peak_findings(
    stage: StageLog,
    goal: str,
    values: tuple[float | None, ...],
    mode: str,
    statuses: tuple[str, ...],
    min_delta: float,
    findings: list[Finding],
) -> _Peak:
    epochs = stage.epochs
    peak = best_epoch(epochs, values, mode)
    if peak is None:
        return _Peak()
    best_at, best_value = peak
    final_value = next(v for v in reversed(values) if v is not None)
    present = [v for v in values if v is not None]
    if len(present) > 1 and max(present) == min(present):
        # No peak to speak of (e.g. worst-class accuracy 0 in every epoch: collapsed all along).
        numbers: dict[str, int | float | str] = {
            "goal_metric": goal,
            "value": best_value,
            "epochs_logged": len(present),
        }
        findings.append(Finding("goal_flat", "warning", stage.name, numbers))
        return _Peak(final_value=final_value)
    nan_epochs = stage.not_finite.get(stage.column(goal) or "", ())
    needed = needed_patience(epochs, values, mode=mode, min_delta=min_delta, not_finite=nan_epochs)
    past = stage.stop_epoch - best_at
    if past == 0 and stage.n_epochs > 1:
        numbers = {
            "goal_metric": goal,
            "stop_epoch": stage.stop_epoch,
            "best_value": best_value,
        }
        findings.append(Finding("peak_at_end", "info", stage.name, numbers))
    elif past > 0 and needed is not None:
        if past >= PAST_PEAK_CRITICAL:
            severity = "critical"
        else:
            severity = "warning" if past >= PAST_PEAK_WARNING else "info"
        numbers = {
            "goal_metric": goal,
            "best_epoch": best_at,
            "best_value": best_value,
            "stop_epoch": stage.stop_epoch,
            "epochs_past_peak": past,
            "final_value": final_value,
            "patience_needed": needed[0],
            "stop_with_needed": needed[1],
            "epochs_saved": stage.stop_epoch - needed[1],
        }
        findings.append(Finding("stopped_past_peak", severity, stage.name, numbers))
    best_status = statuses[epochs.index(best_at)]
    if best_status in COLLAPSE_STATUSES:
        numbers = {
            "goal_metric": goal,
            "best_epoch": best_at,
            "best_value": best_value,
            "status": best_status,
        }
        findings.append(Finding("best_epoch_collapsed", "critical", stage.name, numbers))
    return _Peak(
        best_epoch=best_at,
        best_value=best_value,
        final_value=final_value,
        patience_needed=None if needed is None else needed[0],
        stop_with_needed=None if needed is None else needed[1],
    )


def _collapse_findings(
    stage: StageLog,
    statuses: tuple[str, ...],
    below: tuple[float | None, ...] | None,
    findings: list[Finding],
) -> tuple[tuple[int, ...], int]:
    epochs = stage.epochs
    collapse = tuple(e for e, s in zip(epochs, statuses, strict=True) if s in COLLAPSE_STATUSES)
    flips = count_switches(statuses)
    checked = sum(1 for s in statuses if s != STATUS_NOT_LOGGED)
    if collapse:
        last_checked = next(s for s in reversed(statuses) if s != STATUS_NOT_LOGGED)
        critical = last_checked in COLLAPSE_STATUSES or len(collapse) / checked >= 0.5
        numbers: dict[str, int | float | str] = {
            "collapse_count": len(collapse),
            "checked_epochs": checked,
            "all_above": statuses.count(STATUS_ALL_ABOVE),
            "all_below": statuses.count(STATUS_ALL_BELOW),
            "first_collapse_epoch": collapse[0],
            "last_status": last_checked,
            "spans": describe_epochs(collapse).split(" ", 1)[1],
        }
        severity = "critical" if critical else "warning"
        findings.append(Finding("collapse", severity, stage.name, numbers, epochs=collapse))
    if len(flips) >= 2 and below is not None:
        logged = [v for v in below if v is not None]
        swing = max((abs(b - a) for a, b in itertools.pairwise(logged)), default=0.0)
        numbers = {
            "switches": len(flips),
            "first_switch_epoch": epochs[flips[0]],
            "last_switch_epoch": epochs[flips[-1]],
            "largest_swing": swing,
        }
        flip_epochs = tuple(epochs[i] for i in flips)
        findings.append(Finding("oscillation", "warning", stage.name, numbers, epochs=flip_epochs))
    return collapse, len(flips)


def _checkpoint_findings(
    stage: StageLog,
    goal: str,
    mode: str,
    peak: _Peak,
    monitor: _Monitor,
    statuses: tuple[str, ...],
    findings: list[Finding],
) -> tuple[int | None, float | None]:
    """The epoch the checkpoint monitor kept, the goal there, and findings if it is not the goal."""
    if monitor.checkpoint is None:
        findings.append(Finding("monitor_unknown", "info", stage.name, {"goal_metric": goal}))
        return None, None
    values = stage.series(monitor.checkpoint)
    if values is None:
        numbers: dict[str, int | float | str] = {"monitor": monitor.checkpoint}
        findings.append(Finding("monitor_not_logged", "warning", stage.name, numbers))
        return None, None
    same_mode = monitor.checkpoint == monitor.early_stopping and monitor.mode
    kept = best_epoch(
        stage.epochs, values, monitor.mode if same_mode else metric_mode(monitor.checkpoint)
    )
    if kept is None:
        return None, None
    checkpoint_at = kept[0]
    goal_there = stage.value_at(goal, checkpoint_at)
    is_goal = monitor.checkpoint == goal or (
        stage.column(goal) is not None and stage.column(monitor.checkpoint) == stage.column(goal)
    )
    if is_goal or peak.best_epoch is None or peak.best_value is None:
        return checkpoint_at, goal_there
    numbers = {
        "monitor": monitor.checkpoint,
        "checkpoint_epoch": checkpoint_at,
        "goal_metric": goal,
        "best_epoch": peak.best_epoch,
        "best_value": peak.best_value,
    }
    if goal_there is None:
        findings.append(Finding("checkpoint_goal_not_logged", "warning", stage.name, numbers))
        return checkpoint_at, None
    gap = peak.best_value - goal_there if mode == "max" else goal_there - peak.best_value
    if gap <= 0:
        return checkpoint_at, goal_there  # the monitor kept an epoch as good as the goal's best
    status = statuses[stage.epochs.index(checkpoint_at)]
    if status in COLLAPSE_STATUSES:
        severity = "critical"
    else:
        severity = "warning" if gap > CHECKPOINT_GAP_WARNING else "info"
    numbers |= {"goal_at_checkpoint": goal_there, "goal_gap": gap, "checkpoint_status": status}
    findings.append(Finding("monitor_not_goal", severity, stage.name, numbers))
    return checkpoint_at, goal_there


def _replay_findings(
    stage: StageLog, monitor: _Monitor, limit: int | None, findings: list[Finding]
) -> EarlyStoppingReplay | None:
    """Replay the recorded EarlyStopping: does the log end where those settings stop?

    Never firing is consistent when the log ends at the stage's epoch limit (or the limit is
    unknown): the stage simply ran out of epochs.
    """
    if monitor.early_stopping is None or monitor.patience is None:
        return None
    values = stage.series(monitor.early_stopping)
    if values is None:
        return None
    mode = monitor.mode or metric_mode(monitor.early_stopping)
    stop, kept = replay_early_stopping(
        stage.epochs,
        values,
        patience=monitor.patience,
        mode=mode,
        min_delta=monitor.min_delta,
        not_finite=stage.not_finite.get(stage.column(monitor.early_stopping) or "", ()),
    )
    numbers: dict[str, int | float | str] = {
        "monitor": monitor.early_stopping,
        "patience": monitor.patience,
        "replay_best_epoch": kept if kept is not None else "none",
        "replay_stop": f"epoch {stop}" if stop is not None else "no epoch",
        "stop_epoch": stage.stop_epoch,
    }
    if stop == stage.stop_epoch:
        findings.append(Finding("early_stopping_consistent", "info", stage.name, numbers))
    elif stop is None and (limit is None or limit == stage.stop_epoch):
        numbers["epochs_logged"] = stage.n_epochs
        findings.append(Finding("early_stopping_never_fired", "info", stage.name, numbers))
    else:
        findings.append(Finding("early_stopping_inconsistent", "warning", stage.name, numbers))
    return EarlyStoppingReplay(
        monitor.early_stopping, mode, monitor.patience, monitor.min_delta, stop, kept
    )


def _diagnose_stage(
    stage: StageLog,
    run: TrainingRun,
    goal: str | None,
    goal_mode: str | None,
    options: Mapping[str, object],
    findings: list[Finding],
) -> StageDiagnosis:
    below = stage.series("val_below_accuracy")
    above = stage.series("val_above_accuracy")
    _data_findings(stage, below is not None, findings)
    tolerance = float(options["collapse_tolerance"])  # type: ignore[arg-type]
    statuses = tuple(
        epoch_status(
            None if below is None else below[i], None if above is None else above[i], tolerance
        )
        for i in range(stage.n_epochs)
    )
    goal_values = None if goal is None else stage.series(goal)
    mode = goal_mode or (metric_mode(goal) if goal else "max")
    peak = _Peak()
    if goal is not None and goal_values is not None:
        min_delta = float(options["min_delta"])  # type: ignore[arg-type]
        peak = _peak_findings(stage, goal, goal_values, mode, statuses, min_delta, findings)
    collapse, switches = _collapse_findings(stage, statuses, below, findings)

    monitor = _resolve_monitor(stage, run, options["monitor"], options["patience"])
    checkpoint_at = goal_at_checkpoint = None
    if goal is not None and goal_values is not None:
        checkpoint_at, goal_at_checkpoint = _checkpoint_findings(
            stage, goal, mode, peak, monitor, statuses, findings
        )
    meta = run.metadata
    limit = None if meta is None else meta.for_stage(meta.stage_epoch_limits, stage.name)
    replay = _replay_findings(stage, monitor, limit if isinstance(limit, int) else None, findings)
    if meta is not None:
        recorded_epochs = meta.for_stage(meta.stage_epochs, stage.name)
        if isinstance(recorded_epochs, int) and recorded_epochs != stage.n_epochs:
            numbers: dict[str, int | float | str] = {
                "recorded_epochs": recorded_epochs,
                "logged_epochs": stage.n_epochs,
            }
            findings.append(Finding("epochs_disagree", "warning", stage.name, numbers))

    rows, omitted = _progress_rows(stage, statuses, goal_values, peak.best_epoch, checkpoint_at)
    past = None if peak.best_epoch is None else stage.stop_epoch - peak.best_epoch
    return StageDiagnosis(
        stage=stage.name,
        source=stage.source,
        epochs=stage.epochs,
        stop_epoch=stage.stop_epoch,
        goal_metric=goal if goal_values is not None else None,
        goal_mode=mode,
        best_epoch=peak.best_epoch,
        best_value=peak.best_value,
        final_value=peak.final_value,
        epochs_past_peak=past,
        patience_needed=peak.patience_needed,
        stop_with_needed=peak.stop_with_needed,
        monitor=monitor.checkpoint,
        monitor_source=monitor.source,
        checkpoint_epoch=checkpoint_at,
        goal_at_checkpoint=goal_at_checkpoint,
        replay=replay,
        statuses=statuses,
        collapse_epochs=collapse,
        switches=switches,
        rows=rows,
        omitted_transitions=omitted,
    )


def _status_runs(statuses: tuple[str, ...]) -> list[tuple[int, int, str]]:
    """(first index, last index, status) of each run of equal status over the logged epochs.

    Three or more one-epoch runs in a row that alternate sides (only/mostly "above" against
    only/mostly "below") become one ``oscillating`` run (the document's "savrulma" row).
    """
    runs: list[list] = []
    for index, status in enumerate(statuses):
        if status == STATUS_NOT_LOGGED:
            continue  # unlogged epochs neither start nor break a run
        if runs and runs[-1][2] == status:
            runs[-1][1] = index
        else:
            runs.append([index, index, status])
    merged: list[tuple[int, int, str]] = []
    i = 0
    while i < len(runs):
        j = i
        while (
            j + 1 < len(runs)
            and runs[j][0] == runs[j][1]
            and runs[j + 1][0] == runs[j + 1][1]
            and _SIDE.get(runs[j][2]) is not None
            and _SIDE.get(runs[j + 1][2]) not in (None, _SIDE[runs[j][2]])
        ):
            j += 1
        if j - i + 1 >= 3:
            merged.append((runs[i][0], runs[j][1], STATUS_OSCILLATING))
            i = j + 1
        else:
            merged.append((runs[i][0], runs[i][1], runs[i][2]))
            i += 1
    return merged


def _progress_rows(
    stage: StageLog,
    statuses: tuple[str, ...],
    goal_values: tuple[float | None, ...] | None,
    best_at: int | None,
    checkpoint_at: int | None,
) -> tuple[tuple[ProgressRow, ...], int]:
    epochs = stage.epochs
    below = stage.series("val_below_accuracy")
    above = stage.series("val_above_accuracy")
    runs = _status_runs(statuses)
    starts = {first: (last, status) for first, last, status in runs}
    transitions = [first for first, _, _ in runs[1:]]
    omitted = max(0, len(transitions) - MAX_TRANSITION_ROWS)
    marks: dict[int, list[str]] = {0: ["first"]}
    for index in transitions[:MAX_TRANSITION_ROWS]:
        marks.setdefault(index, [])
    for epoch, mark in ((best_at, "best"), (checkpoint_at, "checkpoint")):
        if epoch is not None:
            marks.setdefault(epochs.index(epoch), []).append(mark)
    marks.setdefault(len(epochs) - 1, []).append("final")
    rows = []
    for index in sorted(marks):
        last, status = starts.get(index, (index, statuses[index]))
        b = None if below is None else below[index]
        rows.append(
            ProgressRow(
                epoch=epochs[index],
                until_epoch=epochs[last] if last > index else None,
                below_accuracy=b,
                above_accuracy=None if above is None else above[index],
                money_loss_risk=None if b is None else 1.0 - b,
                goal=None if goal_values is None else goal_values[index],
                status=status,
                marks=tuple(
                    m for m in ("first", "best", "checkpoint", "final") if m in marks[index]
                ),
            )
        )
    return tuple(rows), omitted


# --------------------------------------------------------------------------- run level


def class_balance(
    train_labels: ArrayLike | None = None, counts: Mapping[str, int] | None = None
) -> ClassBalance | None:
    """Class counts, imbalance and sklearn's balanced weights.

    ``train_labels`` are 0/1 (or bool) per training round, 1 = reached the threshold
    ("above"); ``counts`` is ``{"below": n0, "above": n1}`` (the metadata's ``class_counts``).
    ``None`` when neither is given or a class is absent.
    """
    if train_labels is not None:
        labels = np.asarray(train_labels).ravel()
        if labels.size and not np.isin(labels, (0, 1)).all():
            raise UsageError(
                "training labels must be 0/1 (1 = reached the threshold)",
                hint=f"got values such as {labels[~np.isin(labels, (0, 1))][0]!r}",
            )
        below, above, source = int(np.sum(labels == 0)), int(np.sum(labels == 1)), "train_labels"
    elif counts and "below" in counts and "above" in counts:
        below, above, source = int(counts["below"]), int(counts["above"]), "metadata"
        labels = np.repeat(np.array([0, 1]), [below, above])
    else:
        return None
    if below == 0 or above == 0:
        return None
    weights = compute_class_weight("balanced", classes=np.array([0, 1]), y=labels)
    return ClassBalance(
        source=source,
        below=Rate(below, below + above),
        above=above,
        imbalance_ratio=max(below, above) / min(below, above),
        balanced_below_weight=float(weights[0]),
        balanced_above_weight=float(weights[1]),
    )


def check_class_weights(
    weights: Mapping[str, float],
    balance: ClassBalance | None,
    *,
    stage: str | None = None,
    max_overweight: float = 4.0,
) -> ClassWeightCheck | None:
    """Configured ``{"below": w0, "above": w1}`` against the class imbalance.

    ``overweight`` is how many times more the configured weights favour the below class than
    balanced weights do: (w0 / w1) ÷ (n_above / n_below). Flagged above ``max_overweight``
    (4 by default: the document's own upper advice, 7x for a 1:1.85 split, is 3.8), and below
    its inverse (the below class starved, which drives the model to call every round "above").
    """
    clean = normalise_class_weights(weights)
    if "below" not in clean:
        return None
    above_assumed = "above" not in clean
    above_weight = clean.get("above", 1.0)
    if above_weight <= 0:
        return None
    ratio = clean["below"] / above_weight
    overweight = None
    if balance is not None:
        # Balanced weights make the ratio above/below counts: w0/w1 = n_above/n_below.
        balanced_ratio = balance.balanced_below_weight / balance.balanced_above_weight
        overweight = ratio / balanced_ratio
    return ClassWeightCheck(
        stage=stage,
        below_weight=clean["below"],
        above_weight=above_weight,
        above_assumed=above_assumed,
        weight_ratio=ratio,
        overweight=overweight,
        flagged=overweight is not None and not 1.0 / max_overweight <= overweight <= max_overweight,
    )


def check_artifacts(run_dir: str | Path, expected: Sequence[str], source: str) -> ArtifactCheck:
    """Which of the ``expected`` file names exist in ``run_dir`` (sibling suffixes accepted)."""
    directory = Path(run_dir)
    present: list[str] = []
    missing: list[str] = []
    for name in expected:
        path = directory / name
        candidates = [path] + [
            path.with_suffix(s) for s in ALTERNATIVE_SUFFIXES.get(path.suffix.lower(), ())
        ]
        found = next((c for c in candidates if c.is_file()), None)
        if found is None:
            missing.append(name)
        else:
            present.append(found.name)
    return ArtifactCheck(str(directory), source, tuple(expected), tuple(present), tuple(missing))


def default_expected_files(run: TrainingRun) -> tuple[str, ...]:
    """The document's files: final model, scaler, metadata and ``stageN_best.h5`` per stage."""
    checkpoints = [
        DEFAULT_CHECKPOINT.format(stage=stage.name)
        for stage in run.stages
        if stage.name.lower().startswith("stage") and stage.name[5:].isdigit()
    ]
    return (*DEFAULT_RUN_FILES, DEFAULT_METADATA_FILE, *checkpoints)


def width_mismatch(scaler_width: int, model_width: int) -> Finding | None:
    """A finding when a scaler's feature count and the model's feature input differ."""
    if scaler_width == model_width:
        return None
    return Finding(
        "scaler_width_mismatch",
        "critical",
        None,
        {"scaler_width": int(scaler_width), "model_width": int(model_width)},
    )


#: Metadata metric names of the source project → the names :class:`results.Metrics` uses.
RECORDED_ALIASES = {
    "below_15_accuracy": "below_accuracy",
    "above_15_accuracy": "above_accuracy",
    "class_accuracy": "classification_accuracy",
}


def recorded_vs_measured(
    recorded: Mapping[str, float], measured: Mapping[str, float], tolerance: float = 0.005
) -> tuple[Finding, ...]:
    """Findings for recorded metrics (fractions) that differ from measured ones by > tolerance.

    Names are compared after :data:`RECORDED_ALIASES`; metrics only one side has are skipped.
    """
    findings = []
    for key, value in recorded.items():
        name = RECORDED_ALIASES.get(key, key)
        if name not in measured:
            continue
        difference = float(measured[name]) - float(value)
        if abs(difference) > tolerance:
            findings.append(
                Finding(
                    "recorded_metric_differs",
                    "warning",
                    None,
                    {
                        "metric": name,
                        "recorded": float(value),
                        "measured": float(measured[name]),
                        "difference": difference,
                    },
                )
            )
    return tuple(findings)


# --------------------------------------------------------------------------- entry point


def diagnose(
    run: TrainingRun,
    *,
    goal_metric: str | None = None,
    goal_mode: str | None = None,
    monitor: str | Mapping[str, str] | None = None,
    patience: int | Mapping[str, int] | None = None,
    class_weights: Mapping[str, float] | Mapping[str, Mapping[str, float]] | None = None,
    train_labels: ArrayLike | None = None,
    expected_files: Sequence[str] | None = None,
    run_dir: str | Path | None = None,
    measured_metrics: Mapping[str, float] | None = None,
    scaler_width: int | None = None,
    model_input_width: int | None = None,
    min_delta: float = 0.0,
    collapse_tolerance: float = 0.005,
    max_overweight: float = 4.0,
) -> TrainingDiagnosis:
    """Every diagnosis of a run; options override what the run's metadata recorded.

    ``monitor``/``patience``/``class_weights`` apply to every stage, or per stage as a mapping
    stage name → value. ``expected_files`` defaults to the metadata's ``files``, else
    :func:`default_expected_files`; they are looked for in ``run_dir`` (default: the run's).
    ``measured_metrics`` (fractions, :class:`results.Metrics` names) are compared with the
    metadata's recorded metrics; ``scaler_width``/``model_input_width`` with each other.
    An epoch whose below-accuracy is within ``collapse_tolerance`` of 0 or 1 is a collapse.
    """
    if goal_mode not in (None, "min", "max"):
        raise UsageError(f"goal mode must be 'min' or 'max', not {goal_mode!r}")
    goal = _choose_goal(run, goal_metric)
    notes = list(run.notes)
    if goal is None:
        notes.append("no goal metric in the logs (no validation accuracy or loss)")
    for stage in run.stages:
        notes.extend(f"{stage.name}: {note}" for note in stage.notes)
    if run.metadata is not None:
        notes.extend(f"metadata: {note}" for note in run.metadata.notes)

    findings: list[Finding] = []
    options = {
        "monitor": monitor,
        "patience": patience,
        "min_delta": min_delta,
        "collapse_tolerance": collapse_tolerance,
    }
    stages = tuple(
        _diagnose_stage(stage, run, goal, goal_mode, options, findings) for stage in run.stages
    )

    # Class balance and weights.
    meta = run.metadata
    balance = class_balance(train_labels, meta.class_counts if meta else None)
    if train_labels is not None and balance is None:
        labels = np.asarray(train_labels).ravel()
        missing_class = "below" if not np.any(labels == 0) else "above"
        findings.append(
            Finding(
                "class_missing_in_training",
                "critical",
                None,
                {"missing_class": missing_class, "total": int(labels.size)},
            )
        )
    if balance is not None:
        findings.append(
            Finding(
                "class_balance",
                "info",
                None,
                {
                    "below_count": balance.below.hits,
                    "below_share": balance.below.value or 0.0,
                    "above_count": balance.above,
                    "imbalance_ratio": balance.imbalance_ratio,
                    "balanced_below_weight": balance.balanced_below_weight,
                    "balanced_above_weight": balance.balanced_above_weight,
                },
            )
        )
    weight_table = _weight_table(class_weights, meta.class_weights if meta else {})
    checks = []
    for stage_key, weights in weight_table.items():
        check = check_class_weights(
            weights,
            balance,
            stage=None if stage_key == "*" else stage_key,
            max_overweight=max_overweight,
        )
        if check is None:
            notes.append(f"class weights of {stage_key} have no 'below' weight: not checked")
            continue
        checks.append(check)
        numbers: dict[str, int | float | str] = {
            "where": check.stage or "all stages",
            "below_weight": check.below_weight,
            "above_weight": check.above_weight,
            "weight_ratio": check.weight_ratio,
        }
        if check.overweight is None:
            findings.append(Finding("class_weights_unchecked", "info", check.stage, numbers))
        elif check.flagged and balance is not None:
            numbers |= {
                "below_share": balance.below.value or 0.0,
                "imbalance_ratio": balance.imbalance_ratio,
                "balanced_ratio": balance.balanced_below_weight / balance.balanced_above_weight,
                "balanced_below_weight": balance.balanced_below_weight,
                "overweight": check.overweight,
            }
            factor = max(check.overweight, 1.0 / check.overweight)
            severity = "critical" if factor > OVERWEIGHT_CRITICAL else "warning"
            if check.overweight > 1.0:
                findings.append(Finding("class_weight_excessive", severity, check.stage, numbers))
            else:
                numbers["underweight"] = factor
                findings.append(Finding("class_weight_too_low", severity, check.stage, numbers))

    # Missing artifacts and disagreeing contents.
    artifacts = None
    directory = run_dir if run_dir is not None else run.run_dir
    if expected_files is not None:
        expected, source = tuple(expected_files), "option"
    elif meta is not None and meta.files:
        expected, source = meta.files, "metadata"
    else:
        expected, source = default_expected_files(run), "default"
    if directory is None:
        notes.append("no run directory: expected files not checked")
    else:
        artifacts = check_artifacts(directory, expected, source)
        if artifacts.missing:
            models_left = any(
                Path(p).suffix.lower() in (".h5", ".keras", ".hdf5") for p in artifacts.present
            )
            findings.append(
                Finding(
                    "missing_artifacts",
                    "warning" if models_left else "critical",
                    None,
                    {
                        "missing_count": len(artifacts.missing),
                        "expected_count": len(expected),
                        "run_dir": str(directory),
                        "missing_list": ", ".join(artifacts.missing),
                    },
                    items=artifacts.missing,
                )
            )
    if scaler_width is not None and model_input_width is not None:
        mismatch = width_mismatch(scaler_width, model_input_width)
        if mismatch is not None:
            findings.append(mismatch)
    if measured_metrics is not None:
        if meta is not None and meta.metrics:
            findings.extend(recorded_vs_measured(meta.metrics, measured_metrics))
        else:
            notes.append("no recorded metrics in the metadata to compare with")

    return TrainingDiagnosis(
        goal_metric=goal,
        stages=stages,
        findings=tuple(findings),
        class_balance=balance,
        class_weights=tuple(checks),
        artifacts=artifacts,
        notes=tuple(notes),
    )


def _weight_table(
    option: Mapping[str, object] | None, recorded: Mapping[str, Mapping[str, float]]
) -> dict[str, Mapping[str, float]]:
    if option is None:
        return dict(recorded)
    if option and all(isinstance(v, Mapping) for v in option.values()):
        return {str(k): v for k, v in option.items()}  # type: ignore[misc]
    return {"*": option}  # type: ignore[dict-item]
