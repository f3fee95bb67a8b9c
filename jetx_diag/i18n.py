"""The message catalog: every user-visible string of a report, per language, in one place.

Languages: ``en`` and ``tr``. The Turkish texts use the source document's vocabulary
("1.5 Altı Doğruluğu", "Para Kaybı Riski", "Gerçek / Tahmin", "Threshold Accuracy" kept in
English as the document does).

Numbers are written the same way in both languages: ``.`` as the decimal point and ``%`` after
the number (``5.94% (26/438)``), because every percentage is printed by ``Rate.text()``, the very
text the CI gate compares. The document's Turkish ``%5.94`` is deliberately not imitated: one
spelling per number keeps the report, the JSON and the gate textually identical.

Messages are ``str.format`` templates with named fields; both languages must use the same
fields for a key (a test checks this).
"""

from __future__ import annotations

import string
from collections.abc import Mapping

from jetx_diag.errors import UsageError

LANGUAGES: tuple[str, ...] = ("en", "tr")

_EN: dict[str, str] = {
    # ---------------------------------------------------------------- header
    "title": "📊 Model evaluation report — {label}",
    "header.checkpoint": "Checkpoint",
    "header.predictions": "Predictions",
    "header.scaler": "Scaler",
    "header.metadata": "Metadata",
    "header.data": "Data",
    "header.rounds": "Rounds",
    "header.rounds_value": (
        "{read} rows read, {used} usable, {evaluated} held-out rounds evaluated"
    ),
    "header.split": "Held-out split",
    "header.split_ids": "ids {first}–{last}",
    "header.split_train": "{train} earlier samples not evaluated",
    "split.last_fraction": "last {value}% of samples",
    "split.from_id": "rounds from id {value}",
    "split.all_rows": "every row of the file",
    "header.rule": "Call rule",
    "header.rule_probability": "'above {threshold}' when p_above ≥ {cutoff}",
    "header.rule_regression": "'above {threshold}' when the predicted multiplier ≥ {threshold}",
    "header.date": "Date",
    "header.tool": "Tool",
    "header.tool_value": "jetx-diag {version}",
    "none": "—",
    # ---------------------------------------------------------------- classes and metrics
    "class.below": "below {threshold}",
    "class.above": "above {threshold}",
    "metric.below_accuracy": "Below-{threshold} accuracy",
    "metric.above_accuracy": "Above-{threshold} accuracy",
    "metric.money_loss_risk": "Money-loss risk",
    "metric.threshold_accuracy": "Threshold accuracy",
    "metric.classification_accuracy": "Classification accuracy (3 classes)",
    "metric.bets_lost_share": "Share of bets lost",
    "metric.above_call_share": "Share of 'above' calls",
    # ---------------------------------------------------------------- targets
    "targets.heading_missed": "🔴 Critical findings",
    "targets.heading_passed": "✅ Targets",
    "targets.headline_missed": "{missed} of {applicable} targets missed.",
    "targets.headline_all_missed": "The model misses every target: unusable as it stands.",
    "targets.headline_passed": "All {met} applicable targets met.",
    "targets.headline_none": "No target applies to this model.",
    "targets.col_metric": "Metric",
    "targets.col_result": "Result",
    "targets.col_target": "Target",
    "targets.col_status": "Status",
    "targets.col_off": "How far off",
    "targets.col_decision": "Decision",
    "targets.off_below": "{factor}x below target",
    "targets.off_above": "{factor}x above the limit",
    "targets.off_none_reached": "none reached",
    "targets.off_zero_limit": "above a 0% limit",
    "targets.one_sided": "met, but one-sided",
    "targets.not_available": "the model has no such output",
    "targets.decision_met": "met beyond doubt",
    "targets.decision_missed": "missed beyond doubt",
    "targets.decision_undecided": "undecided",
    "targets.decision_rounds": "{decision} (about {rounds} more rounds to decide)",
    "status.met": "✅",
    "status.missed": "❌",
    "status.n/a": "—",
    "status_word.met": "met",
    "status_word.missed": "missed",
    "status_word.n/a": "n/a",
    "stuck": (
        "The model is stuck on '{cls}': {share} of its calls are '{cls}'. Unusable as it stands."
    ),
    "biased": "The model is strongly biased towards '{cls}': {share} of its calls are '{cls}'.",
    # ---------------------------------------------------------------- confusion matrix
    "confusion.heading": "📉 Confusion matrix (held-out rounds)",
    "confusion.corner": "Actual / Predicted",
    "confusion.money_marker": "← money lost",
    "confusion.row_wrong": "{rate} wrong (money lost)",
    "confusion.row_correct": "{rate} correct",
    "bettor.heading": "💸 What a bettor sees",
    "bettor.bets_placed": "Bets placed ('above' calls)",
    "bettor.bets_lost": "Bets that lost",
    "bettor.explanation": (
        "Money-loss risk ({risk}) asks: of the {below} rounds that crashed below {threshold}, "
        "how many did the model bet on? The share of bets lost ({bets_lost}) asks: of the "
        "{bets} bets placed, how many lost? The same {lost} losing rounds, counted against "
        "different totals."
    ),
    # ---------------------------------------------------------------- analysis
    "analysis.heading": "🔍 Analysis",
    "analysis.found_below": (
        "Of the {below} rounds that ended below {threshold}, the model found {found}: {rate}."
    ),
    "analysis.lost": "{lost} rounds below {threshold} were called 'above' → money lost.",
    "analysis.above_share": "{share} of all calls are 'above {threshold}'.",
    "analysis.separation": (
        "It calls 'above' on {on_below} of the rounds below {threshold} and on {on_above} of "
        "the rounds above it."
    ),
    "analysis.no_separation": (
        "Nearly the same share: its calls say little about how a round will end."
    ),
    "analysis.imbalance": (
        "Held-out rounds: {above_rate} ended above {threshold}, {below_rate} below it."
    ),
    "analysis.baseline": (
        "Always saying '{cls}' would score {baseline} threshold accuracy; the model scores {model}."
    ),
    "analysis.baseline_not_better": "The model does no better than that.",
    # ---------------------------------------------------------------- data quality
    "data.heading": "🧹 Data quality",
    "data.accounting": "{read} rows read = {used} used + {rejected} rejected.",
    "data.none_rejected": "No row was rejected.",
    "data.col_reason": "Reason",
    "data.col_rows": "Rows",
    "data.col_where": "Where",
    "data.col_raw": "Raw value",
    "data.more_rejected": "… and {more} more rejected rows (all are listed in the JSON output).",
    "data.notes": "Notes",
    "reason.not_a_number": "not a number",
    "reason.several_numbers": "several numbers in one cell",
    "reason.null": "empty (NULL)",
    "reason.empty": "empty cell",
    "reason.not_finite": "NaN or infinite",
    "reason.below_one": "below 1.00",
    "reason.duplicate_id": "duplicate id",
    "reason.bad_id": "missing or invalid id",
    # ---------------------------------------------------------------- artifacts
    "artifacts.heading": "📦 Artifacts used",
    "artifacts.col_role": "Role",
    "artifacts.col_path": "Path",
    "artifacts.col_sha": "SHA-256",
    "artifacts.col_size": "Size",
    "artifacts.col_saved_by": "Saved by",
    "artifacts.col_details": "Details",
    "artifacts.size_bytes": "{size} bytes",
    "artifacts.model_inputs": "Model inputs",
    "artifacts.model_outputs": "Model outputs",
    "artifacts.model_parameters": "Parameters",
    "artifacts.model_saved_by": "Saved by",
    "role.checkpoint": "checkpoint",
    "role.scaler": "scaler",
    "role.metadata": "metadata",
    "role.data": "data",
    "role.inputs": "inputs",
    "role.predictions": "predictions",
    "role.features": "features",
    "recorded.heading": "📝 Recorded vs measured",
    "recorded.intro": "Metrics the run's metadata claims, beside what was measured here.",
    "recorded.col_metric": "Metric",
    "recorded.col_recorded": "Recorded",
    "recorded.col_percent": "As a percentage",
    "recorded.col_measured": "Measured",
    "recorded.other": "Other recorded values",
    "recorded.col_key": "Key",
    "recorded.col_value": "Value",
    # ---------------------------------------------------------------- warnings, plots
    "warnings.heading": "⚠️ Warnings",
    "plots.heading": "📈 Plots",
    "plots.confusion_title": "Confusion matrix",
    "plots.predicted": "Predicted",
    "plots.actual": "Actual",
    "plots.money_marker": "money lost",
    "plots.p_above_title": "p_above for rounds that ended below vs above {threshold}",
    "plots.p_above_axis": "p_above (the model's probability of 'above')",
    "plots.share_axis": "share of rounds",
    "plots.ended_below": "ended below {threshold} ({count})",
    "plots.ended_above": "ended above {threshold} ({count})",
    "plots.cutoff": "cutoff {cutoff}",
    # ---------------------------------------------------------------- terminal, junit
    "terminal.title": "Targets — {label}",
    "terminal.rows": "Rows: {read} read = {used} used + {rejected} rejected",
    "terminal.rejected_title": "Rejected rows",
    "terminal.written": "Written:",
    "junit.failure": "{metric}: {result} misses target {target} ({off})",
    "junit.skipped": "{metric}: n/a ({why})",
}

_TR: dict[str, str] = {
    # ---------------------------------------------------------------- header
    "title": "📊 Model Değerlendirme Sonuçları — {label}",
    "header.checkpoint": "Checkpoint",
    "header.predictions": "Tahmin dosyası",
    "header.scaler": "Scaler",
    "header.metadata": "Model bilgisi",
    "header.data": "Veri",
    "header.rounds": "Turlar",
    "header.rounds_value": (
        "{read} satır okundu, {used} kullanılabilir, {evaluated} test turu değerlendirildi"
    ),
    "header.split": "Test ayrımı",
    "header.split_ids": "id {first}–{last}",
    "header.split_train": "önceki {train} örnek değerlendirilmedi",
    "split.last_fraction": "örneklerin son %{value}'si",
    "split.from_id": "id {value} ve sonrası",
    "split.all_rows": "dosyanın tüm satırları",
    "header.rule": "Tahmin kuralı",
    "header.rule_probability": "p_above ≥ {cutoff} ise '{threshold} üstü'",
    "header.rule_regression": "Tahmin edilen çarpan ≥ {threshold} ise '{threshold} üstü'",
    "header.date": "Tarih",
    "header.tool": "Araç",
    "header.tool_value": "jetx-diag {version}",
    "none": "—",
    # ---------------------------------------------------------------- classes and metrics
    "class.below": "{threshold} altı",
    "class.above": "{threshold} üstü",
    "metric.below_accuracy": "{threshold} Altı Doğruluğu",
    "metric.above_accuracy": "{threshold} Üstü Doğruluğu",
    "metric.money_loss_risk": "Para Kaybı Riski",
    "metric.threshold_accuracy": "Threshold Accuracy",
    "metric.classification_accuracy": "Classification Accuracy",
    "metric.bets_lost_share": "Kaybeden Bahis Oranı",
    "metric.above_call_share": "'Üstü' Tahmin Oranı",
    # ---------------------------------------------------------------- targets
    "targets.heading_missed": "🔴 KRİTİK SORUNLAR",
    "targets.heading_passed": "✅ HEDEFLER",
    "targets.headline_missed": "Tutmayan hedef: {missed} / {applicable}.",
    "targets.headline_all_missed": (
        "MODEL TAMAMEN BAŞARISIZ: hiçbir hedef tutmadı, bu haliyle kullanılamaz."
    ),
    "targets.headline_passed": "Uygulanabilir {met} hedefin hepsi tuttu.",
    "targets.headline_none": "Bu modele uygulanabilen hedef yok.",
    "targets.col_metric": "Metrik",
    "targets.col_result": "Sonuç",
    "targets.col_target": "Hedef",
    "targets.col_status": "Durum",
    "targets.col_off": "Hedeften uzaklık",
    "targets.col_decision": "Karar",
    "targets.off_below": "{factor}x daha kötü",
    "targets.off_above": "{factor}x daha kötü",
    "targets.off_none_reached": "hiç tutturamadı",
    "targets.off_zero_limit": "0% sınırının üstünde",
    "targets.one_sided": "İyi ama tek taraflı",
    "targets.not_available": "modelde bu çıktı yok",
    "targets.decision_met": "kesin tuttu",
    "targets.decision_missed": "kesin tutmadı",
    "targets.decision_undecided": "belirsiz",
    "targets.decision_rounds": "{decision} (karar için yaklaşık {rounds} tur daha gerekli)",
    "status.met": "✅",
    "status.missed": "❌",
    "status.n/a": "—",
    "status_word.met": "tuttu",
    "status_word.missed": "tutmadı",
    "status_word.n/a": "yok",
    "stuck": (
        "Model '{cls}' tahminlerinde takılıp kalmış: tahminlerin {share} kadarı '{cls}'. "
        "Bu haliyle kullanılamaz!"
    ),
    "biased": "Model aşırı derecede '{cls}' bias'ına sahip: tahminlerin {share} kadarı '{cls}'.",
    # ---------------------------------------------------------------- confusion matrix
    "confusion.heading": "📉 Confusion Matrix (Test Seti)",
    "confusion.corner": "Gerçek / Tahmin",
    "confusion.money_marker": "← Para kaybı",
    "confusion.row_wrong": "{rate} YANLIŞ (Para kaybı)",
    "confusion.row_correct": "{rate} doğru",
    "bettor.heading": "💸 Bahisçi gözüyle",
    "bettor.bets_placed": "Yapılan bahis ('üstü' tahminleri)",
    "bettor.bets_lost": "Kaybeden bahisler",
    "bettor.explanation": (
        "Para Kaybı Riski ({risk}) şunu sorar: {threshold} altında biten {below} turun kaçına "
        "bahis yapıldı? Kaybeden bahis oranı ({bets_lost}) ise şunu sorar: yapılan {bets} "
        "bahisten kaçı kaybetti? Kaybeden turlar aynı ({lost}), paydalar farklı."
    ),
    # ---------------------------------------------------------------- analysis
    "analysis.heading": "🔍 Analiz",
    "analysis.found_below": (
        "{below} adet {threshold} altı değerden {found} tanesini buldu: {rate}."
    ),
    "analysis.lost": (
        "{lost} adet {threshold} altıyı {threshold} üstü diye tahmin etti → Para kaybı!"
    ),
    "analysis.above_share": "Tüm tahminlerin {share} kadarı '{threshold} üstü'.",
    "analysis.separation": (
        "'Üstü' tahminini {threshold} altı turların {on_below}, {threshold} üstü turların "
        "{on_above} kadarında veriyor."
    ),
    "analysis.no_separation": (
        "Oranlar neredeyse aynı: tahminleri turun nasıl biteceği hakkında pek bir şey söylemiyor."
    ),
    "analysis.imbalance": (
        "Test verisi dağılımı: turların {above_rate} kadarı {threshold} üstü, {below_rate} "
        "kadarı {threshold} altı bitti."
    ),
    "analysis.baseline": (
        "Her tura '{cls}' demek {baseline} Threshold Accuracy verirdi; model: {model}."
    ),
    "analysis.baseline_not_better": "Model bundan daha iyi değil.",
    # ---------------------------------------------------------------- data quality
    "data.heading": "🧹 Veri Kalitesi",
    "data.accounting": "{read} satır okundu = {used} kullanıldı + {rejected} reddedildi.",
    "data.none_rejected": "Reddedilen satır yok.",
    "data.col_reason": "Neden",
    "data.col_rows": "Satır",
    "data.col_where": "Yer",
    "data.col_raw": "Ham değer",
    "data.more_rejected": "… ve {more} reddedilen satır daha (tamamı JSON çıktısında).",
    "data.notes": "Notlar",
    "reason.not_a_number": "sayı değil",
    "reason.several_numbers": "bir hücrede birden fazla sayı",
    "reason.null": "boş (NULL)",
    "reason.empty": "boş hücre",
    "reason.not_finite": "NaN veya sonsuz",
    "reason.below_one": "1.00 altında",
    "reason.duplicate_id": "tekrarlanan id",
    "reason.bad_id": "eksik veya geçersiz id",
    # ---------------------------------------------------------------- artifacts
    "artifacts.heading": "📦 Kullanılan Dosyalar",
    "artifacts.col_role": "Rol",
    "artifacts.col_path": "Yol",
    "artifacts.col_sha": "SHA-256",
    "artifacts.col_size": "Boyut",
    "artifacts.col_saved_by": "Kaydeden",
    "artifacts.col_details": "Ayrıntılar",
    "artifacts.size_bytes": "{size} bayt",
    "artifacts.model_inputs": "Model girdileri",
    "artifacts.model_outputs": "Model çıktıları",
    "artifacts.model_parameters": "Parametre sayısı",
    "artifacts.model_saved_by": "Kaydeden",
    "role.checkpoint": "checkpoint",
    "role.scaler": "scaler",
    "role.metadata": "model bilgisi",
    "role.data": "veri",
    "role.inputs": "girdiler",
    "role.predictions": "tahminler",
    "role.features": "özellikler",
    "recorded.heading": "📝 Kaydedilen ve Ölçülen",
    "recorded.intro": "Eğitimin model bilgisi dosyasında kayıtlı metrikler ve burada ölçülenler.",
    "recorded.col_metric": "Metrik",
    "recorded.col_recorded": "Kaydedilen",
    "recorded.col_percent": "Yüzde olarak",
    "recorded.col_measured": "Ölçülen",
    "recorded.other": "Diğer kaydedilen değerler",
    "recorded.col_key": "Anahtar",
    "recorded.col_value": "Değer",
    # ---------------------------------------------------------------- warnings, plots
    "warnings.heading": "⚠️ Uyarılar",
    "plots.heading": "📈 Grafikler",
    "plots.confusion_title": "Confusion Matrix",
    "plots.predicted": "Tahmin",
    "plots.actual": "Gerçek",
    "plots.money_marker": "Para kaybı",
    "plots.p_above_title": "{threshold} altı ve üstü biten turlarda p_above dağılımı",
    "plots.p_above_axis": "p_above (modelin 'üstü' olasılığı)",
    "plots.share_axis": "tur oranı",
    "plots.ended_below": "{threshold} altı biten ({count})",
    "plots.ended_above": "{threshold} üstü biten ({count})",
    "plots.cutoff": "eşik {cutoff}",
    # ---------------------------------------------------------------- terminal, junit
    "terminal.title": "Hedefler — {label}",
    "terminal.rows": "Satırlar: {read} okundu = {used} kullanıldı + {rejected} reddedildi",
    "terminal.rejected_title": "Reddedilen satırlar",
    "terminal.written": "Yazılan dosyalar:",
    "junit.failure": "{metric}: {result} hedefi tutmadı: {target} ({off})",
    "junit.skipped": "{metric}: yok ({why})",
}

CATALOG: Mapping[str, Mapping[str, str]] = {"en": _EN, "tr": _TR}


def fields(template: str) -> frozenset[str]:
    """The named fields a message template expects."""
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


class Messages:
    """The messages of one language: ``messages("metric.money_loss_risk")``."""

    def __init__(self, lang: str) -> None:
        if lang not in CATALOG:
            raise UsageError(
                f"unknown report language {lang!r}", hint="one of " + ", ".join(LANGUAGES)
            )
        self.lang = lang
        self._texts = CATALOG[lang]

    def __call__(self, key: str, /, **values: object) -> str:
        """The message ``key`` with ``values`` filled in; a missing key is a programming error."""
        return self._texts[key].format(**values)

    def get(self, key: str, default: str, /, **values: object) -> str:
        """Like calling, but ``default`` for keys the catalog lacks (reason codes of new data
        checks show their code until they are translated)."""
        template = self._texts.get(key)
        return default if template is None else template.format(**values)

    def has(self, key: str) -> bool:
        return key in self._texts


def messages(lang: str) -> Messages:
    """The catalog of ``lang`` (``en`` or ``tr``); an unknown language is a ``UsageError``."""
    return Messages(lang)
