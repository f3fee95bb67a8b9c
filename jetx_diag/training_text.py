"""Suggested English and Turkish sentences for the findings of a training diagnosis.

Findings carry numbers, not sentences (:class:`~jetx_diag.training_results.Finding`); the
report, the terminal and ``jetx-diag history`` turn them into words with :func:`finding_text`.
Fields of a template are ``Finding.numbers`` keys plus ``stage``; both languages use the same
fields (a test checks).
"""

from __future__ import annotations

import string

from jetx_diag.training_results import (
    STATUS_ALL_ABOVE,
    STATUS_ALL_BELOW,
    STATUS_BALANCED,
    STATUS_LOPSIDED_ABOVE,
    STATUS_LOPSIDED_BELOW,
    STATUS_NOT_LOGGED,
    STATUS_OSCILLATING,
    Finding,
)

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
    "checkpoint_scaler_mismatch": {
        "en": "{checkpoint} takes {model_width} features but {scaler} scales {scaler_width}: "
        "they do not belong together.",
        "tr": "{checkpoint} {model_width} özellik alıyor ama {scaler} {scaler_width} özellik "
        "ölçekliyor: bu iki dosya birbirine ait değil.",
    },
    "recorded_metric_differs": {
        "en": "The metadata records {metric} = {recorded:.2%}, measured here {measured:.2%} "
        "(difference {difference:+.2%}).",
        "tr": "Metadata {metric} = {recorded:.2%} kaydediyor, burada ölçülen {measured:.2%} "
        "(fark {difference:+.2%}).",
    },
}


#: Words the diagnosis puts into ``Finding.numbers`` (``where``: "all stages", ``replay_stop``:
#: "no epoch", ``missing_class``: "below" …), written out per language.
WORD_TEXT: dict[str, dict[str, str]] = {
    "all stages": {"en": "all stages", "tr": "tüm aşamalar"},
    "no epoch": {"en": "no epoch", "tr": "hiçbir epoch"},
    "none": {"en": "none", "tr": "yok"},
    "below": {"en": "below", "tr": "1.5 altı"},
    "above": {"en": "above", "tr": "1.5 üstü"},
}


def finding_text(finding: Finding, language: str = "en") -> str:
    """The suggested sentence of a finding in ``language`` (``en`` or ``tr``).

    Status codes (numbers named ``*status``) are written out with :data:`STATUS_TEXT`, the
    words of :data:`WORD_TEXT` in the language.
    """
    template = FINDING_TEXT[finding.code][language]
    numbers: dict[str, object] = {}
    for key, value in finding.numbers.items():
        if key.endswith("status") and value in STATUS_TEXT:
            numbers[key] = STATUS_TEXT[value][language]
        elif isinstance(value, str) and value in WORD_TEXT:
            numbers[key] = WORD_TEXT[value][language]
        else:
            numbers[key] = value
    return template.format(stage=finding.stage or "", **numbers)


def template_fields(template: str) -> set[str]:
    """The ``str.format`` field names a text template uses."""
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}
