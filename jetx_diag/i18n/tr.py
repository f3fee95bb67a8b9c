"""Turkish messages, in the source document's vocabulary ("1.5 Altı Doğruluğu", "Para Kaybı
Riski", "Gerçek / Tahmin"; "Threshold Accuracy" kept in English as the document does).

One dict in one file on purpose: a catalog is data, grouped by key prefix, and keeping it
whole lets a reviewer read a language end to end and a test compare the two key by key.
"""

TR: dict[str, str] = {
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
    "targets.col_decision": "Karar (her hedefin kendi aralığıyla)",
    "targets.off_below": "{factor}x daha kötü",
    "targets.off_above": "{factor}x daha kötü",
    "targets.off_none_reached": "hiç tutturamadı",
    "targets.off_zero_limit": "%0 sınırının üstünde",
    "targets.one_sided": "İyi ama tek taraflı",
    "targets.not_available": "modelde bu çıktı yok",
    "targets.decision_met": "aralığın tamamıyla tuttu",
    "targets.decision_missed": "aralığın tamamıyla tutmadı",
    "targets.decision_undecided": "belirsiz",
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
    "analysis.regression": (
        "Regression çıktısı, {count} turda çarpan cinsinden: MAE {mae}, RMSE {rmse}, "
        "medyan mutlak hata {median} (nadir büyük çarpanlar MAE ve RMSE'yi belirler)."
    ),
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
    # ---------------------------------------------------------------- training run
    "training.heading": "🏋️ Eğitim Süreci",
    "training.logs": "Loglar",
    "training.metadata": "Model bilgisi",
    "training.goal": "Hedef metrik",
    "training.goal_worst": (
        "{goal}: {threshold} altı ve {threshold} üstü doğruluğunun küçüğü; tek sınıf tahmin "
        "eden model %0 alır"
    ),
    "training.goal_plain": "{goal} ({mode})",
    "training.goal_none": "yok: loglarda doğrulama doğruluğu ya da loss yok",
    "training.mode.max": "yüksek olan iyi",
    "training.mode.min": "düşük olan iyi",
    "training.shares_note": (
        "Epoch başına oranlar loglardaki gibidir: doğrulama turlarının kesirleri, sayımsız "
        "(Keras sayım loglamaz)."
    ),
    "training.not_logged": "loglanmamış",
    "training.this_checkpoint": (
        "Bu checkpoint ({label}), {stage} aşamasının {epoch}. epoch'ta kaydettiği model; "
        "{monitor} ile seçildi. O epoch'ta {goal}: {value}; en iyisi {best_epoch}. epoch'ta: "
        "{best}."
    ),
    "training.this_checkpoint_flat": (
        "Bu checkpoint ({label}), {stage} aşamasının {epoch}. epoch'ta kaydettiği model; "
        "{monitor} ile seçildi. O epoch'ta {goal}: {value}."
    ),
    "training.this_checkpoint_epoch_unknown": (
        "Bu checkpoint ({label}) {stage} aşamasında kaydedildi; hangi epoch olduğu loglardan "
        "anlaşılamıyor."
    ),
    "training.stages_heading": "Aşamalar",
    "training.stage_line": (
        "{stage}: en iyi epoch {best_epoch} ({goal} {best}); eğitim {stop}. epoch'ta durdu, {past}."
    ),
    "training.past": "zirveden sonra {count} epoch",
    "training.past_one": "zirveden sonra {count} epoch",
    "training.stage_line_at_end": (
        "{stage}: en iyi epoch son epoch, {best_epoch} ({goal} {best}); eğitim {stop}. "
        "epoch'ta hâlâ iyileşirken durdu."
    ),
    "training.stage_line_no_peak": (
        "{stage}: {epochs} epoch loglandı, eğitim {stop}. epoch'ta durdu; {goal} hiç "
        "değişmedi, en iyi epoch yok."
    ),
    "training.stage_line_no_goal": (
        "{stage}: {epochs} epoch loglandı, eğitim {stop}. epoch'ta durdu; hedef metrik loglanmamış."
    ),
    "training.stage_patience": (
        "{goal} izlenip patience={patience} ile EarlyStopping, epoch {best_epoch} modelini "
        "tutup {stop}. epoch'ta dururdu."
    ),
    "training.stage_checkpoint": (
        "Checkpoint'i seçen metrik: {monitor} ({source}); epoch {epoch}, o epoch'ta {goal}: "
        "{value}."
    ),
    "training.stage_checkpoint_not_logged": (
        "Checkpoint'i seçen metrik {monitor} ({source}) logda yok."
    ),
    "training.stage_checkpoint_unknown": "Checkpoint'i hangi metriğin seçtiği kayıtlı değil.",
    "training.stage_early_stopping": "EarlyStopping {monitor} izledi, patience={patience}.",
    "training.source.option": "verilen",
    "training.source.metadata": "kayıtlı",
    "training.source.unknown": "kayıtlı değil",
    "training.findings_heading": "Bulgular",
    "training.no_findings": "Bulgu yok.",
    "training.severity.critical": "🔴",
    "training.severity.warning": "⚠️",
    "training.severity.info": "ℹ️",
    "training.progress_heading": "Eğitim İlerlemesi",
    "training.progress_intro": (
        "Her aşamanın doğrulama turlarındaki önemli epoch'ları: ilk epoch, her durum "
        "değişikliği (a–b: durum epoch b'ye kadar sürdü), en iyi epoch, kaydedilen checkpoint "
        "ve son epoch."
    ),
    "training.progress_omitted": "{stage}: gösterilmeyen {count} durum değişikliği daha var.",
    "training.col_stage": "Aşama",
    "training.col_epoch": "Epoch",
    "training.col_below": "{threshold} Altı",
    "training.col_above": "{threshold} Üstü",
    "training.col_risk": "Para Kaybı",
    "training.col_goal": "Hedef",
    "training.col_status": "Durum",
    "training.col_marks": "İşaret",
    "training.weights_heading": "Sınıf Dengesi ve Class Weight",
    "training.balance": (
        "Eğitim verisi: {below} adet {threshold} altı ({share}) ve {above} adet {threshold} "
        "üstü; dengesizlik 1:{ratio}. Dengeli class weight: {w_below} ({threshold} altı), "
        "{w_above} ({threshold} üstü)."
    ),
    "training.balance_unknown": (
        "Eğitim verisinin sınıf sayıları bilinmiyor (model bilgisine class_counts yazın ya da "
        "--class-counts verin); class weight kontrol edilemiyor."
    ),
    "training.weights_none": "Eğitimde kayıtlı class weight yok.",
    "training.weights_rule": (
        "Ağırlıklar bir sınıfı dengeli ağırlıktan {limit} kattan fazla kayırırsa (iki yönde de) "
        "işaretlenir."
    ),
    "training.w_col_where": "Aşama",
    "training.w_col_below": "{threshold} altı ağırlığı",
    "training.w_col_above": "{threshold} üstü ağırlığı",
    "training.w_col_ratio": "Oran (altı/üstü)",
    "training.w_col_balanced": "Dengeli oran",
    "training.w_col_factor": "Dengeliye göre",
    "training.w_col_flag": "Sorun",
    "training.weight_assumed": "{value} (varsayılan, Keras gibi)",
    "training.weight_over": "altı sınıfı {factor} kat fazla ağırlıklı",
    "training.weight_under": "altı sınıfı {factor} kat az ağırlıklı",
    "training.all_stages": "tüm aşamalar",
    "training.files_heading": "Eğitim Dosyaları",
    "training.files_folder": "Klasör",
    "training.files_expected": "Beklenen ({source})",
    "training.files_source.metadata": "model bilgisindeki liste",
    "training.files_source.default": (
        "belgedeki eğitim: final model, scaler, model bilgisi, stageN_best.h5"
    ),
    "training.files_source.option": "--expected-file ile verilen",
    "training.files_missing": "Eksik",
    "training.files_none_missing": "yok, hepsi mevcut",
    "training.notes_heading": "Log notları",
    "training.curves_caption": (
        "Öğrenme eğrileri, {stage}: loss ve {goal}; en iyi ve durma epoch'ları işaretli"
    ),
    "plots.curves_title": "{stage}: {what}",
    "plots.curves_loss": "loss (kayıp)",
    "plots.curves_epoch": "epoch",
    "plots.curves_train": "eğitim",
    "plots.curves_validation": "doğrulama",
    "plots.curves_best": "en iyi epoch: {epoch}",
    "plots.curves_stop": "durduğu epoch: {epoch}",
    "plots.curves_checkpoint": "kaydedilen checkpoint ({monitor}): epoch {epoch}",
    "plots.curves_collapsed": "tek sınıf tahmin edildi",
    "plots.curves_below_accuracy": "doğrulama 1.5 altı doğruluğu",
    "plots.curves_not_logged": "loglanmamış",
    "history.title": "🏋️ Eğitim Süreci Raporu — {run}",
    "history.run_dir": "Eğitim klasörü",
    "history.more_findings": "Raporda {count} bilgi amaçlı bulgu daha var.",
    # ---------------------------------------------------------------- training findings
    # One sentence per finding code; fields are the finding's numbers plus ``stage``.
    "training.finding.no_class_accuracy_logged": (
        "{stage}: logda epoch başına 1.5 altı/üstü doğruluğu yok; modelin 1.5 altını kaybettiği "
        "epoch'lar görülemiyor. val_below_accuracy ve val_above_accuracy loglanmalı."
    ),
    "training.finding.too_few_epochs": (
        "{stage}: yalnızca {epochs_logged} epoch loglanmış; eğilim okunamaz."
    ),
    "training.finding.values_not_finite": (
        "{stage}: {column} {count} epoch'ta NaN veya sonsuz, ilki epoch {first_epoch} ({spans}); "
        "eğitim orada ıraksamış."
    ),
    "training.finding.stopped_past_peak": (
        "{stage}: {goal_metric} için en iyi epoch: {best_epoch} ({best_value:.1%}); eğitimin "
        "durduğu epoch: {stop_epoch}; zirveden sonra geçen epoch sayısı: {epochs_past_peak} (son "
        "değer {final_value:.1%}). Geriye bakınca, {goal_metric} izlenip "
        "patience={patience_needed} ile EarlyStopping, {best_epoch}. epoch'un modelini tutup "
        "{stop_with_needed}. epoch'ta dururdu."
    ),
    "training.finding.peak_at_end": (
        "{stage}: {goal_metric} son epoch'ta ({stop_epoch}, {best_value:.1%}) hâlâ en iyi "
        "değerindeydi; aşama erken durmuş olabilir."
    ),
    "training.finding.collapse": (
        "{stage}: model loglanan {checked_epochs} epoch'un {collapse_count} tanesinde tek sınıf "
        "tahmin etti ({all_above} kez hep 1.5 üstü, {all_below} kez hep 1.5 altı); ilki epoch "
        "{first_collapse_epoch} (epoch'lar: {spans})."
    ),
    "training.finding.oscillation": (
        "{stage}: 1.5 altı doğruluğu epoch {first_switch_epoch} ile {last_switch_epoch} arasında "
        "{switches} kez %0 ile %100 arasında savruldu (iki loglanmış epoch arasındaki en büyük "
        "değişim: {largest_swing:.1%})."
    ),
    "training.finding.best_epoch_collapsed": (
        "{stage}: {goal_metric} ölçüsüne göre en iyi epoch ({best_epoch}, {best_value:.1%}) "
        "modelin tek sınıf tahmin ettiği bir epoch ({status}); bu metrik bunu ödüllendiriyor. "
        "Epoch'lar 1.5 altı ve üstü doğruluğuyla birlikte değerlendirilmeli."
    ),
    "training.finding.monitor_not_goal": (
        "{stage}: checkpoint {goal_metric} ile değil {monitor} ile seçildi. Kaydedilen epoch "
        "{checkpoint_epoch} için {goal_metric}: {goal_at_checkpoint:.1%} ({checkpoint_status}); "
        "en iyisi epoch {best_epoch}: {best_value:.1%}."
    ),
    "training.finding.checkpoint_goal_not_logged": (
        "{stage}: checkpoint {monitor} ile epoch {checkpoint_epoch} olarak seçildi; o epoch'ta "
        "{goal_metric} loglanmamış, kaydedilen modelin hedefteki başarısı bilinmiyor (loglanan en "
        "iyi değer: epoch {best_epoch}, {best_value:.1%})."
    ),
    "training.finding.monitor_not_logged": (
        "{stage}: izlenen metrik {monitor} logda yok; kaydedilen epoch bulunamıyor."
    ),
    "training.finding.monitor_unknown": (
        "{stage}: checkpoint'i hangi metriğin seçtiği kayıtlı değil; {goal_metric} ile "
        "karşılaştırmak için belirtin (--monitor)."
    ),
    "training.finding.early_stopping_consistent": (
        "{stage}: log EarlyStopping(monitor={monitor}, patience={patience}) ile uyumlu: en iyi "
        "{monitor} epoch {replay_best_epoch}, durma epoch {stop_epoch}."
    ),
    "training.finding.early_stopping_never_fired": (
        "{stage}: EarlyStopping(monitor={monitor}, patience={patience}) loglanan {epochs_logged} "
        "epoch boyunca hiç devreye girmedi (en iyi {monitor}: epoch {replay_best_epoch}); aşama "
        "epoch sınırına kadar sürdü."
    ),
    "training.finding.goal_flat": (
        "{stage}: {goal_metric} loglanan {epochs_logged} epoch'un hepsinde {value:.1%} kaldı: "
        "hedefte hiçbir şey öğrenilmedi."
    ),
    "training.finding.early_stopping_inconsistent": (
        "{stage}: EarlyStopping(monitor={monitor}, patience={patience}) log üzerinde yeniden "
        "oynatılınca {replay_stop}. epoch'ta duruyor, ama log {stop_epoch}. epoch'ta bitiyor: "
        "kaydedilen ayarlar ya da log, çalışan eğitimle aynı değil."
    ),
    "training.finding.epochs_disagree": (
        "{stage}: metadata {recorded_epochs} epoch kaydediyor, logda {logged_epochs} epoch var."
    ),
    "training.finding.class_balance": (
        "Eğitim verisi: {below_count} adet 1.5 altı ({below_share:.1%}) ve {above_count} adet 1.5 "
        "üstü; dengesizlik 1:{imbalance_ratio:.2f}. Dengeli class weight: "
        "{balanced_below_weight:.2f} (1.5 altı), {balanced_above_weight:.2f} (1.5 üstü)."
    ),
    "training.finding.class_weight_excessive": (
        "{where}: class weight {below_weight:.2f}x (1.5 altı) ve {above_weight:.2f}x (1.5 üstü) "
        "ile bir 1.5 altı örnek, bir 1.5 üstü örneğin {weight_ratio:.1f} katı sayılıyor; bu "
        "dağılım için ({below_share:.1%} 1.5 altı, dengesizlik 1:{imbalance_ratio:.2f}) dengeli "
        "ağırlıkta bu oran {balanced_ratio:.2f}. 1.5 altı sınıfı {overweight:.1f} kat fazla "
        "ağırlıklandırılmış."
    ),
    "training.finding.class_weight_too_low": (
        "{where}: class weight {below_weight:.2f}x (1.5 altı) ve {above_weight:.2f}x (1.5 üstü) "
        "ile bir 1.5 altı örnek, bir 1.5 üstü örneğin {weight_ratio:.2f} katı sayılıyor; bu "
        "dağılım için ({below_share:.1%} 1.5 altı, dengesizlik 1:{imbalance_ratio:.2f}) dengeli "
        "ağırlıkta bu oran {balanced_ratio:.2f}. 1.5 altı sınıfı {underweight:.1f} kat az "
        "ağırlıklandırılmış; bu, modeli her tura 1.5 üstü demeye iter."
    ),
    "training.finding.class_weights_unchecked": (
        "{where}: class weight {below_weight:.2f}x (1.5 altı) ve {above_weight:.2f}x (1.5 üstü) "
        "kontrol edilemiyor: eğitim verisinin sınıf sayıları bilinmiyor."
    ),
    "training.finding.class_missing_in_training": (
        "Eğitim verisinde hiç {missing_class} örneği yok ({total} örnek); model bu sınıfı "
        "öğrenemez."
    ),
    "training.finding.missing_artifacts": (
        "Eğitimin bırakması gereken {expected_count} dosyadan {missing_count} tanesi {run_dir} "
        "içinde yok: {missing_list}."
    ),
    "training.finding.scaler_width_mismatch": (
        "Scaler {scaler_width} özellik bekliyor, modelin özellik girişi {model_width} alıyor: bu "
        "iki dosya birbirine ait değil."
    ),
    "training.finding.checkpoint_scaler_mismatch": (
        "{checkpoint} {model_width} özellik alıyor ama {scaler} {scaler_width} özellik "
        "ölçekliyor: bu iki dosya birbirine ait değil."
    ),
    "training.finding.recorded_metric_differs": (
        "Metadata {metric} = {recorded:.2%} kaydediyor, burada ölçülen {measured:.2%} (fark "
        "{difference:+.2%})."
    ),
    # Epoch status in the progress table (and in findings that name one).
    "training.status.all_above": "hep 1.5 üstü (çöktü)",
    "training.status.all_below": "hep 1.5 altı (ters uç)",
    "training.status.lopsided_above": "1.5 üstüne dengesiz",
    "training.status.lopsided_below": "1.5 altına dengesiz",
    "training.status.balanced": "iki sınıf da tahmin ediliyor",
    "training.status.not_logged": "loglanmamış",
    "training.status.oscillating": "her epoch bir uçtan diğerine savrulma",
    # Marks on a progress-table row.
    "training.mark.best": "en iyi",
    "training.mark.first": "ilk epoch",
    "training.mark.final": "burada durdu",
    "training.mark.checkpoint": "kaydedilen checkpoint",
    # Words a diagnosis puts into a finding's numbers, spelled out.
    "training.word.all_stages": "tüm aşamalar",
    "training.word.no_epoch": "hiçbir epoch",
    "training.word.none": "yok",
    "training.word.below": "1.5 altı",
    "training.word.above": "1.5 üstü",
    # ---------------------------------------------------------------- terminal, junit
    "terminal.title": "Hedefler — {label}",
    "demo.run_files": "Demo eğitim dosyaları: {folder}",
    "demo.comparison": "Karşılaştırma: {md}  {html}",
    "demo.report": "Rapor: {md}  {html}",
    "terminal.rows": "Satırlar: {read} okundu = {used} kullanıldı + {rejected} reddedildi",
    "terminal.rejected_title": "Reddedilen satırlar",
    "terminal.written": "Yazılan dosyalar:",
    "junit.failure": "{metric}: {result} hedefi tutmadı: {target} ({off})",
    "junit.skipped": "{metric}: yok ({why})",
    # ---------------------------------------------------------------- compare
    "compare.title": "🏁 Checkpoint Karşılaştırması — {count} checkpoint",
    "compare.checkpoints": "Karşılaştırılan checkpoint",
    "compare.rounds_value": "her checkpoint için aynı {evaluated} test turu",
    "compare.rounds_differ": "her checkpoint için aynı değil (aşağıdaki nota bakın)",
    "compare.targets": "Hedefler",
    "compare.note_rounds_differ": (
        "Checkpoint'ler aynı turlarda değerlendirilmedi (farklı geçmiş, pencere veya ayrım): "
        "oranları doğrudan karşılaştırılamaz; ikili testler yalnızca ortak turları kullanır."
    ),
    "compare.note_from_json": (
        "Kaydedilmiş değerlendirmelerden okundu (model yeniden yüklenmedi): {labels}."
    ),
    "compare.best_heading": "🏆 En İyi Checkpoint",
    "compare.best": "En iyi: {label}",
    "compare.rule": "Sıralama ölçütü: {rule}.",
    "compare.rule_not_collapsed": "tek sınıfa çökmemiş olmak",
    "compare.rule_targets_met": "en çok tutan hedef",
    "compare.rule_below_accuracy": "en yüksek {threshold} Altı Doğruluğu",
    "compare.rule_above_accuracy": "en yüksek {threshold} Üstü Doğruluğu",
    "compare.rule_money_loss_risk": "en düşük Para Kaybı Riski",
    "compare.rule_threshold_accuracy": "en yüksek Threshold Accuracy",
    "compare.rule_classification_accuracy": "en yüksek Classification Accuracy",
    "compare.rule_bets_lost_share": "en düşük Kaybeden Bahis Oranı",
    "compare.value_collapsed": "çökmüş",
    "compare.value_not_collapsed": "çökmemiş",
    "compare.value_targets": "{met} / {applicable}",
    "compare.decided_by": (
        "'{criterion}' ölçütünde {other} önünde: {best_value}, karşısında {other_value}."
    ),
    "compare.decided_order": "{best} ile {other} her ölçütte eşit; verilen sıra belirledi.",
    "compare.collapsed": (
        "{label} test turlarının {share} kadarında '{cls}' diyor: tek sınıfa çökmüş, "
        "çökmemiş her checkpoint'in arkasında sıralandı."
    ),
    "compare.indistinguishable": (
        "McNemar testi bu turlarda {best} ile {others} arasında fark bulamıyor: aralarındaki "
        "seçim veriyle desteklenmiyor."
    ),
    "compare.all_collapsed": "Bütün checkpoint'ler tek sınıfa çökmüş: hiçbiri kullanılamaz.",
    "compare.worse_than": (
        "{best} checkpoint'inden anlamlı ölçüde daha çok turu doğru bilen: {others}. {best} "
        "yalnızca yukarıdaki sıralama kuralı sayesinde önde."
    ),
    "compare.worse_than_collapsed": (
        "{best} checkpoint'inden anlamlı ölçüde daha çok turu doğru bilen: {others}; ama bunu "
        "neredeyse her turda tek sınıf diyerek yaptı (taban oran, beceri değil): bu yüzden "
        "{best} önde."
    ),
    "compare.source_checkpoint": "checkpoint",
    "compare.source_json": "kayıtlı JSON",
    "compare.collapsed_marker": "⚠️",
    "compare.ranking_heading": "📋 Sıralama",
    "compare.col_rank": "#",
    "compare.col_checkpoint": "Checkpoint",
    "compare.col_targets": "Tutan hedef",
    "compare.col_source": "Kaynak",
    "compare.ranking_legend": (
        "Oranlar sayılarıyla; hedefi olan metriklerde ✅/❌; ⚠️ tek sınıfa çökmüş checkpoint. "
        "Her isim o checkpoint'in kendi raporuna bağlantıdır."
    ),
    "compare.pairs_heading": "⚖️ En iyi ile diğerleri (McNemar)",
    "compare.pairs_intro": (
        "İkisinin de değerlendirildiği turlarda: yalnızca {best} kaç kez doğru, yalnızca diğeri "
        "kaç kez doğru. p değerleri {count} karşılaştırma için Holm düzeltmeli (α = {alpha}); "
        "en iyi aynı turlarda seçildiği için buradaki fark iyimserdir."
    ),
    "compare.col_other": "Karşısında",
    "compare.col_shared": "Ortak tur",
    "compare.col_best_only": "Yalnızca {best} doğru",
    "compare.col_other_only": "Yalnızca diğeri doğru",
    "compare.col_p": "p (Holm)",
    "compare.col_outcome": "Sonuç",
    "compare.pair_better": "{best}, {other} checkpoint'inden anlamlı şekilde daha iyi",
    "compare.pair_worse": "{best}, bu tahminlerde {other} checkpoint'inden anlamlı şekilde kötü",
    "compare.pair_indistinguishable": "ayırt edilemiyor: farklı olduklarına dair kanıt yok",
    "compare.pair_no_rounds": "ortak tur yok: test edilmedi",
    "compare.plot_classes_title": "Sınıf başına doğruluk ({threshold} altı / üstü)",
    "compare.plot_classes_axis": "doğruluk (%)",
    "compare.plot_not_available": "yok",
    "compare.plot_target": "hedef: {metric} {target}",
    "compare.plot_roc_title": "p_above ROC eğrileri ({threshold} üstü biten turlar)",
    "compare.plot_roc_x": "yanlış pozitif oranı ('üstü' denen altı turlar)",
    "compare.plot_roc_y": "doğru pozitif oranı ('üstü' denen üstü turlar)",
    "compare.plot_roc_chance": "şans",
    "compare.plot_roc_legend": "{label} (AUC {auc})",
    "compare.terminal_best": "En iyi: {label}. {rule}",
    "summary.truncated": (
        "Özet, GitHub'ın {limit} karakter sınırının altında kalmak için kısaltıldı; raporun "
        "tamamı işin çıktı dosyalarında."
    ),
    # ---------------------------------------------------------------- baseline ratchet
    "baseline.heading": "📐 Referansa göre",
    "baseline.intro": (
        "{current}, {source} dosyasındaki {baseline} ile karşılaştırıldı: bir metrik "
        "{tolerance} yüzde puandan fazla kötüleşirse (raporda yuvarlandığı haliyle) başarısız."
    ),
    "baseline.headline_passed": "Hiçbir metrik {tolerance} puandan fazla kötüleşmedi.",
    "baseline.headline_worse": "{count} metrik referansa göre {tolerance} puandan fazla kötüleşti.",
    "baseline.col_metric": "Metrik",
    "baseline.col_baseline": "Referans",
    "baseline.col_current": "Şimdi",
    "baseline.col_change": "Değişim",
    "baseline.col_status": "Durum",
    "baseline.points": "{points} puan",
    "baseline.status_better": "daha iyi",
    "baseline.status_same": "değişmedi",
    "baseline.status_within_tolerance": "kötüleşti, tolerans içinde",
    "baseline.status_worse": "❌ referanstan kötü",
    "baseline.status_missing": "❌ artık ölçülmüyor (çıktı yok)",
    "baseline.status_not_comparable": "karşılaştırılmadı (bir ya da iki tarafta değer yok)",
    "baseline.other_rounds": (
        "Referans başka turlarda ölçülmüş ({baseline} test turu, şimdi {current}): "
        "değişimin bir kısmı modelden değil turlardan gelebilir."
    ),
    # ---------------------------------------------------------------- skill
    "skill.beats_chance_and_baselines": (
        "Model şanstan ({test}: {p}, {alpha} altında) ve en iyi basit kuraldan daha iyi."
    ),
    "skill.beats_chance_not_baselines": (
        "Model bir şey biliyor ({test}: {p}, {alpha} altında), ama tahminlerinin basit bir "
        "kuraldan daha iyi olduğu gösterilemedi."
    ),
    "skill.no_evidence": "Bu modelin şanstan daha iyi olduğuna dair kanıt yok ({test}: {p}).",
    "skill.worse_than_chance": (
        "Model şanstan daha kötü: daha yüksek puan verdiği turlar {threshold}x'e daha seyrek "
        'ulaşıyor ({test}: "daha kötü" için {p}; bu iddia için gereken {worse_alpha} altında).'
    ),
    "skill.not_enough_data": "Test turlarında iki sonuçtan biri hiç yok: beceri sınanamıyor.",
    "skill.tests_tried": (
        "Bu turlarda {tests_tried} checkpoint veya eşik denendi; p değerleri buna göre düzeltildi "
        "(Holm)."
    ),
    "versus.better": (
        "Model, {baseline} kuralından daha iyi (Threshold Accuracy: model {model_rate}, kural "
        "{baseline_rate}; McNemar {p})."
    ),
    "versus.worse": (
        "Model, {baseline} kuralından daha kötü (Threshold Accuracy: model {model_rate}, kural "
        "{baseline_rate}; McNemar {p})."
    ),
    "versus.indistinguishable": (
        "Modelin {baseline} kuralından daha iyi olduğu gösterilemedi (Threshold Accuracy: model "
        "{model_rate}, kural {baseline_rate}; McNemar {p})."
    ),
    "money.makes_money": (
        '"Üstü" tahminlerine {cashout}x\'te bahis kazandırdı: kazanan bahis {win_rate}, başa baş '
        "için gereken {break_even} üzerinde; net {net} birim."
    ),
    "money.loses_money": (
        '"Üstü" tahminlerine {cashout}x\'te bahis para kaybettirir: kazanan bahis {win_rate}, '
        "başa baş için {break_even} gerekir; net {net} birim."
    ),
    "money.undecided": (
        '"Üstü" tahminlerine {cashout}x\'te bahis: kazanan bahis {win_rate}, başa baş için '
        "{break_even} gerekir; karar için bahis az; net {net} birim."
    ),
    "money.no_bets": 'Model hiç "üstü" demedi: hiç bahis yapılmadı.',
    "randomness.independent": (
        "Bu turlar bağımsız çekilişlerle tutarlı (runs testi {runs_p}; Ljung–Box {lb_p}, gecikme "
        "{lag})."
    ),
    "randomness.not_independent": (
        "Bu turlar bağımsız çekilişlerle tutarlı değil (runs testi {runs_p}; Ljung–Box {lb_p}, "
        "gecikme {lag}; en büyük otokorelasyon {acf}, gecikme {acf_lag})."
    ),
    "randomness.not_enough_data": (
        "Rastgeleliği denetlemek için tur sayısı az (ya da tek sonuç var)."
    ),
    "law.fits_fair_law": (
        "P(X ≥ m), {reference_edge} kasa avantajlı adil bir oyunla uyumlu (ki-kare {p}); tahmini "
        "avantaj {edge} [{edge_low}, {edge_high}]."
    ),
    "law.departs_from_fair_law": (
        "P(X ≥ m), {reference_edge} kasa avantajlı adil bir oyundan sapıyor (ki-kare {p}); "
        "tahmini avantaj {edge} [{edge_low}, {edge_high}]."
    ),
    "cutoff.chosen": (
        "{cutoff} eşiği, test turlarından önceki {validation_rounds} doğrulama turunda seçildi ve "
        "test turlarında değiştirilmeden raporlandı."
    ),
    "cutoff.none_meets_targets": (
        "Test turlarından önceki {validation_rounds} doğrulama turunda hedefleri karşılayan bir "
        "eşik yok."
    ),
    "cutoff.no_validation": (
        "Eşik seçilmedi: bunun için test turlarından önce bir doğrulama dilimi gerekir."
    ),
    "baseline.always_above": 'hep "üstü"',
    "baseline.always_below": 'hep "altı"',
    "baseline.weighted_coin": "taban orana göre ağırlıklı yazı-tura",
    "baseline.same_as_last": "son turu tekrarlama",
    "baseline.logistic": "özellikler üzerinde lojistik regresyon",
    "baseline.model": "model",
    "skill_verdict.heading": "⚖️ Şanstan daha iyi mi?",
    "skill_baselines.heading": "📏 Model ve basit kurallar (aynı test turları)",
    "skill_baselines.intro": (
        "Her oran {level}% Wilson güven aralığıyla. Basit bir kural model gerektirmez: model "
        "ancak en iyisini geçtiği yerde bir işe yarar."
    ),
    "skill_baselines.col_metric": "Metrik",
    "skill_baselines.col_model": "Model",
    "skill_baselines.col_best": "En iyi basit kural",
    "skill_baselines.col_rule_result": "Kuralın sonucu",
    "skill_baselines.col_ahead": "Model daha iyi mi?",
    "skill_baselines.ahead_yes": "evet (nokta tahmini)",
    "skill_baselines.ahead_no": "hayır",
    "skill_baselines.ahead_unknown": "—",
    "skill_baselines.other": "Modelin diğer oranları:",
    "skill_baselines.all_heading": "Test turlarında her kural",
    "skill_baselines.col_rule": "Kural",
    "skill_baselines.base_rate_training": (
        'Ağırlıklı yazı-tura {p} olasılıkla "üstü" der: test turlarından önceki eğitim '
        "turlarında {threshold} ve üstü bitenlerin payı, {rate}."
    ),
    "skill_baselines.base_rate_fair": (
        'Ağırlıklı yazı-tura {p} olasılıkla "üstü" der; bu, adil oyun olasılığıdır (1 − '
        "{edge})/{threshold}: test turlarından önceki turlar verilmediği için eğitim taban oranı "
        "yok. Test turlarının kendi payı ({held}) kullanılmadı: bir kural, değerlendirildiği "
        "turları bilmemeli."
    ),
    "skill_baselines.first_call_previous": (
        '"Son turu tekrarlama" ilk tahminini test turlarından hemen önceki turdan yapar.'
    ),
    "skill_baselines.first_call_default": (
        '"Son turu tekrarlama" "üstü" ile başlar: daha önceki bir tur verilmedi.'
    ),
    "skill_baselines.logistic_fit": (
        "Lojistik regresyon, modelin kendi özellikleriyle test turlarından hemen önceki {rounds} "
        "turda eğitildi."
    ),
    "skill_baselines.skipped": "Çalıştırılmadı: {rule} ({reason}).",
    "skip.no_features": (
        "modelin özellik girdisi yok ya da test turlarından önceki turlar verilmedi"
    ),
    "skip.not_finite": "özelliklerde NaN veya sonsuz değerler var",
    "skip.one_class": "eğitim turlarında tek bir sonuç var",
    "skill.ci": "{rate}, {level}% GA {low}–{high}%",
    "skill.ci_number": "{value} ({level}% GA {low} ile {high} arası)",
    "significance.heading": "🧪 Fark gerçek mi? Anlamlılık testleri",
    "significance.primary_note": (
        'Karar tek bir birincil teste ({test}) dayanır: tek yönlü p {alpha} altındaysa "şanstan '
        'iyi", öbür yöndeki tek yönlü p {worse_alpha} altındaysa "şanstan kötü" denir. Diğer '
        "testler yanında gösterilir ve kararı değiştirmez; permütasyon testi ve Fisher testi "
        "çıktıların önceki turlardan bağımsız olduğunu varsayar, son turlara bakan bir model ise "
        "öyle değildir."
    ),
    "significance.col_test": "Test",
    "significance.col_result": "Sonuç",
    "significance.col_p": "p",
    "significance.col_adjusted": "{tries} denemeye göre p (Holm)",
    "significance.col_outcome": "Sonuç yorumu",
    "significance.test_fisher": (
        "Fisher kesin testi (karşılaştırma için: tahminlerin önceki turlardan bağımsız olduğunu "
        "varsayar)"
    ),
    "significance.test_mcnemar": "McNemar: {rule} ile",
    "significance.test_win_base": "Kazanan bahis oranı ve taban oran",
    "significance.test_win_break_even": "Kazanan bahis oranı ve başa baş",
    "significance.test_kappa": "Cohen kappa",
    "significance.test_mcc": "Matthews korelasyonu",
    "significance.auc_value": "AUC {value}; {permutations} permütasyon",
    "significance.fisher_value": (
        '{threshold} üstü turların {on_above}, altı turların {on_below} kadarında "üstü" dendi'
    ),
    "significance.mcnemar_value": (
        "yalnız model {model} turda, yalnız kural {rule} turda doğru ({method})"
    ),
    "significance.mcnemar_exact": "kesin binom",
    "significance.mcnemar_chi2": "ki-kare {statistic}",
    "significance.win_value": "{rate} / {null}",
    "significance.p_pair": "daha yüksek mi: {greater}; daha düşük mü: {less}",
    "significance.p_two_sided": "{p} (çift yönlü)",
    "significance.p_higher": "daha yüksek mi: {p}",
    "significance.outcome_better": "model daha iyi",
    "significance.outcome_worse": "model daha kötü",
    "significance.outcome_indistinguishable": "fark gösterilemedi",
    "significance.outcome_higher": "daha yüksek",
    "significance.outcome_lower": "daha düşük",
    "significance.outcome_none": "fark gösterilemedi",
    "significance.outcome_chance_better": "şanstan iyi",
    "significance.outcome_chance_worse": "şanstan kötü",
    "significance.tries_one": (
        "Bu turlarda tek bir model ve eşik sınandı. Aynı turlarda birden çok checkpoint veya eşik "
        "denendiğinde sayısını belirtin (--tests-tried): p değerleri o zaman Holm ile düzeltilir."
    ),
    "significance.bootstrap": (
        "Kapalı formu olmayan aralıklar: dairesel blok bootstrap, {resamples} yeniden örnekleme, "
        "{block} turluk bloklar, seed={seed}."
    ),
    "calibration.heading": "🎯 Olasılıkları dürüst mü? Kalibrasyon ve eşikler",
    "calibration.brier": (
        "Brier skoru {brier} (düşük daha iyi); her tur için adil oyun olasılığı {fair} demek "
        "{reference} verir: Brier becerisi {skill} (0 üstü adil tahmini geçer)."
    ),
    "calibration.ece": (
        "Beklenen kalibrasyon hatası {ece}: olasılıklar, {threshold} ve üstü biten turların "
        "payından ortalama {ece} uzakta (kutulara göre sayı ağırlıklı)."
    ),
    "calibration.mean": "Ortalama p_above {mean}; {threshold} ve üstü biten turlar: {observed}.",
    "calibration.fair": (
        "Adil oyun çizgisi: P(X ≥ {threshold}) = (1 − {edge})/{threshold} = {fair}."
    ),
    "calibration.col_bin": "p_above",
    "calibration.col_rounds": "Tur",
    "calibration.col_mean": "Ortalama p_above",
    "calibration.col_observed": "{threshold} ve üstü",
    "calibration.sweep_heading": "Eşik taraması (test turları, yalnızca gösterim için)",
    "calibration.sweep_intro": (
        'p_above ≥ eşik ise "üstü". Eşiği bu tablodan seçmek, modeli ayarlandığı turlarla '
        "değerlendirmek olur: tablo yalnızca ödünleşimi gösterir."
    ),
    "calibration.col_cutoff": "Eşik",
    "calibration.col_win_rate": "Kazanan bahis",
    "calibration.col_return": "Bahis başı getiri",
    "calibration.col_net": "Net birim",
    "calibration.in_use": "{cutoff} (kullanılan)",
    "calibration.chosen_on_held_out": "{cutoff} eşiği test turlarında (onları görmeden seçildi):",
    "calibration.chosen_row": "{metric}: {result} (hedef {target}: {decision})",
    "calibration.chosen_money": "Kazanan bahis {win_rate}; bahis başı getiri {ret}.",
    "money.heading": "💰 Paraya ne yapardı? {cashout}x'te sabit bir birimlik bahisler",
    "money.intro": (
        'Her "üstü" tahminine, tur sırasıyla, bir birim; {cashout}x\'te çekilir: kazanan bahis '
        "{win} birim kazandırır, kaybeden 1 birim kaybettirir. Başa baş için bahislerin "
        "{break_even} üzerinde kazanması gerekir. {edge} kasa avantajlı adil bir oyunda her "
        "bahis, strateji ne olursa olsun, ortalama {fair_return} birim getirir."
    ),
    "money.col_strategy": "Strateji",
    "money.col_bets": "Bahis",
    "money.col_wins": "Kazanan",
    "money.col_losses": "Kaybeden",
    "money.col_win_rate": "Kazanan bahis oranı",
    "money.col_net": "Net birim",
    "money.col_return": "Bahis başı getiri",
    "money.col_streak": "En uzun kayıp serisi",
    "money.col_drawdown": "En büyük düşüş (birim)",
    "money.strategy_model": 'modelin "üstü" tahminleri',
    "money.strategy_every_round": "her tura bahis",
    "money.strategy_baseline": "en iyi basit kural: {rule}",
    "randomness.heading": "🎲 Tahmin edilecek bir şey var mı? Turların kendisi",
    "randomness.audited_history": (
        "Denetlenen: geçmişin kullanılabilir {rounds} turunun tamamı, tur sırasıyla."
    ),
    "randomness.audited_held_out": (
        "Denetlenen: {rounds} test turu, tur sırasıyla (başka tur verilmedi)."
    ),
    "randomness.col_check": "Kontrol",
    "randomness.col_result": "Sonuç",
    "randomness.col_p": "p",
    "randomness.check_runs": "{threshold} altı/üstü dizisinde runs testi",
    "randomness.runs_value": "{runs} seri; bağımsız turlarda beklenen {expected} (z = {z})",
    "randomness.check_ljung_box": "Log çarpanlarda Ljung–Box, gecikme 1–{lag}",
    "randomness.check_ljung_box_verdict": "Log çarpanlarda Ljung–Box, gecikme 1–{lag} (karar)",
    "randomness.ljung_box_value": "Q = {q}",
    "randomness.check_acf": "Log çarpanların otokorelasyonu, gecikme 1–{lags}",
    "randomness.acf_value": (
        "en büyüğü {acf}, gecikme {lag}; {lags} gecikmeden {outside} tanesi {level}% bandının "
        "dışında (şansla yaklaşık {expected} beklenir)"
    ),
    "randomness.check_law": "Kuyruk yasası P(X ≥ m) ve (1 − {edge})/m, ki-kare",
    "randomness.law_value": "tahmini avantaj {edge} ({level}% GA {low} ile {high} arası)",
    "randomness.rule": (
        "Karar, runs testini ve {lag} gecikmeli Ljung–Box'ı her biri {half} düzeyinde "
        "birleştirir; böylece bağımsız turlar geçmişlerin en fazla {alpha} kadarında bağımlı "
        "sayılır."
    ),
    "randomness.size": (
        "Bağımlılığın büyüklüğü: en büyük otokorelasyon, {acf} (gecikme {lag}), bir turun log "
        "çarpan varyansının {share} kadarını o önceki tura bağlar."
    ),
    "randomness.col_multiplier": "m",
    "randomness.col_observed": "Ölçülen P(X ≥ m)",
    "randomness.col_fair": "Adil oyun, {edge} avantaj",
    "randomness.col_estimated": "Adil oyun, tahmini avantaj {edge}",
    "plots.reliability_title": (
        "Kalibrasyon: {threshold} ve üstü için tahmin edilen ve gözlenen pay"
    ),
    "plots.reliability_x": "kutudaki ortalama p_above",
    "plots.reliability_y": "{threshold} ve üstü biten pay",
    "plots.reliability_perfect": "kusursuz kalibrasyon",
    "plots.reliability_fair": "adil oyun: {fair}",
    "plots.reliability_model": "kutular ({level}% GA), kutu başı tur",
    "plots.reliability_counts": "tur",
    "plots.sweep_title": "Test turlarında eşik taraması",
    "plots.sweep_x": "p_above eşiği",
    "plots.sweep_y": "oran",
    "plots.sweep_return_y": "bahis başı getiri (birim)",
    "plots.break_even": "başa baş ({value})",
    "plots.fair_return": "adil oyun getirisi ({value})",
    "plots.cutoff_in_use": "kullanılan eşik ({cutoff})",
    "plots.bankroll_title": "Kasa: {cashout}x'te sabit bir birimlik bahisler",
    "plots.bankroll_x": "test turu",
    "plots.bankroll_y": "net birim",
    "plots.acf_title": "Log çarpanların otokorelasyonu ({rounds} tur)",
    "plots.acf_x": "gecikme (tur)",
    "plots.acf_y": "otokorelasyon",
    "plots.acf_band": "bağımsız turlar için {level}% bandı",
    "terminal.require_decided": (
        "--require-decided: {count} hedef nokta tahminiyle tuttu ama aralığın tamamıyla değil: "
        "{names}."
    ),
    "junit.chance_failure": "şanstan iyi: {sentence}",
    # ---------------------------------------------------------------- konsol çıktısı, notebook
    "training.source.console": "ModelCheckpoint'in yazdığı",
    "training.checkpoints_heading": "Checkpoint'ler ve tuttukları epoch'lar",
    "training.checkpoints_intro": (
        "Konsol çıktısındaki ModelCheckpoint satırlarından: her dosya son kaydedildiği epoch'u "
        "tutar."
    ),
    "training.checkpoint_link": "{file}: {stage}, epoch {epoch}, {monitor} {value}",
    "training.checkpoint_link_plain": "{file}: {stage}, epoch {epoch} (monitor olmadan kaydedildi)",
    "training.checkpoint_saves": "{count} kez kaydedildi",
    "training.checkpoint_lost_tag": "kayıp: eğitim klasöründe yok",
    "training.this_checkpoint_console": (
        "Bu checkpoint ({label}) {stage} aşamasının {epoch}. epoch'unu tutuyor: konsol "
        "çıktısındaki son kaydı ({monitor} {value})."
    ),
    "training.stage_stopped_console": "EarlyStopping eğitimi epoch {epoch} noktasında durdurdu.",
    "training.stage_restored": "Ağırlıklar epoch {epoch} sonundaki hâline geri yüklendi.",
    "training.stage_restored_unnumbered": "Ağırlıklar en iyi epoch'tan geri yüklendi.",
    "training.stage_lr_cuts": (
        "Öğrenme oranı {count} kez düşürüldü (epoch {epochs}; son değer {lr})."
    ),
    "training.progress_from_printed": (
        "{stages} için 1.5 altı/üstü doğrulukları: eğitim betiğinin yazdırdığı satırlardan."
    ),
    "training.progress_from_logged": (
        "{stages} için 1.5 altı/üstü doğrulukları: Keras'ın logladığı metriklerden."
    ),
    "training.mark.checkpoint_file": "checkpoint {file}",
    "training.finding.checkpoint_lost": (
        "{file}, {stage} aşamasında epoch {epoch} noktasında kaydedildi ({monitor} ile "
        "seçildi) ama eğitim klasöründe yok: bu checkpoint kayıp."
    ),
    "compare.epochs_heading": "Her checkpoint'in tuttuğu epoch (yanındaki konsol çıktısından)",
    # ---------------------------------------------------------------- tests against chance
    "chance_test.martingale.p_above": "p_above sıralamasının martingal testi",
    "chance_test.martingale.calls": "altı/üstü tahminlerinin martingal testi",
    "chance_test.simulated_null.p_above": (
        "aynı modelden geçirilen {simulations} adil geçmişe karşı p_above sıralamasının AUC'si"
    ),
    "chance_test.simulated_null.calls": (
        "aynı modelden geçirilen {simulations} adil geçmişe karşı altı/üstü tahminlerinin AUC'si"
    ),
    "chance.limits_martingale": (
        "Kullanılan test: adil oyunun {threshold}x'e ulaşma olasılığına ({fair_rate}, {edge} kasa "
        "payı) karşı bir martingal testi. Çıktılar test turları dahil önceki turlardan üretilse "
        "de geçerlidir; yeter ki her çıktı kendi turu oynanmadan önce üretilmiş olsun ve turlar "
        "bu adil yasaya uysun. Tahmin dosyasında simüle geçmişlerde çalıştırılacak bir model yok."
    ),
    "chance.limits_simulated_null_stopped": (
        "Kullanılan test: modelin kendi hattı (özellik çıkarıcı, scaler, model) aynı "
        "uzunlukta simüle adil geçmişlerde ({edge} kasa payı) çalıştırıldı; AUC orada ortalama "
        "{null_mean} çıktı ve gözlenen AUC bunların arasında sıralandı. Önceki turlara bakan bir "
        "model için geçerlidir; yeter ki gerçek turlar bu adil yasaya uysun. {planned} geçmişin "
        "{simulations} tanesinden sonra durduruldu: gözlenen AUC'ye hem üstten hem alttan "
        "yeterince geçmiş ulaşmıştı, kalanlar iki karardan hiçbirini değiştiremezdi "
        "(Besag–Clifford ardışık testi; p değeri kesindir)."
    ),
    "chance.limits_simulated_null": (
        "Kullanılan test: modelin kendi hattı (özellik çıkarıcı, scaler, model) aynı "
        "uzunlukta {simulations} simüle adil geçmişte ({edge} kasa payı) çalıştırıldı; AUC orada "
        "ortalama {null_mean} çıktı ve gözlenen AUC bunların arasında sıralandı. Önceki turlara "
        "bakan bir model için geçerlidir; yeter ki gerçek turlar bu adil yasaya uysun. "
        "{simulations} geçmişle hiçbir p {p_min} altına inemez (--null-simulations ile artırın)."
    ),
    "significance.name_simulated_null": (
        "modelin kendi hattıyla simüle adil geçmişlere karşı AUC'si"
    ),
    "significance.name_martingale": "adil oyuna karşı martingal testi",
    "significance.test_simulated_null": "Simüle adil geçmişlere karşı AUC (birincil)",
    "significance.simulated_value": (
        "{scored} için AUC {value}; aynı modelden geçen {simulations} adil geçmişte ({edge} kasa "
        "payı) ortalama {null_mean}"
    ),
    "significance.test_martingale": "Adil oyuna karşı martingal testi (birincil)",
    "significance.test_martingale_reference": (
        "Adil oyuna karşı martingal testi (karşılaştırma için)"
    ),
    "significance.martingale_value": "{rounds} turda z = {z}; {scored}, adil {fair} karşısında",
    "significance.scored_p_above": "p_above sıralaması",
    "significance.scored_calls": "altı/üstü tahminleri",
    "significance.test_auc_reference": (
        "ROC AUC, permütasyon testi (karşılaştırma için: çıktıların önceki turlardan bağımsız "
        "olduğunu varsayar)"
    ),
    "targets.rounds_below": "{threshold} altı tur",
    "targets.rounds_above": "{threshold} ve üstü tur",
    "targets.rounds_all": "test turu",
    "targets.rounds_calls": '"üstü" tahmini',
    "targets.decision_rounds_counted": (
        "{decision} (oran olduğu yerde kalırsa yaklaşık {rounds} {counted} daha, {chance} karar "
        "şansı verir)"
    ),
    "targets.decision_rounds_held_out": (
        "{decision} (oran olduğu yerde kalırsa yaklaşık {rounds} {counted} daha, yani yaklaşık "
        "{held_out} test turu daha, {chance} karar şansı verir)"
    ),
    # ---------------------------------------------------------------- page layout
    "page.contents": "İçindekiler",
    "calibration.cutoff_range": "{first}–{last}",
    # ---------------------------------------------------------------- sentences stored in results
    "record.rowid_order": (
        "'{column}' sütunu yok: turlar rowid sırasıyla (saklandıkları sırayla) okundu"
    ),
    "record.only_column": "'{column}' tek sütun: değerler ondan okundu",
    "record.text_cells": "{count} metin hücresinde geçerli bir sayı vardı; kullanıldı",
    "record.out_of_order": "{count} satır id sırasının dışında saklanmış (id sırasıyla işlendi)",
    "record.id_gap": "{low} ile {high} arasında {count} id eksik",
    "record.id_gaps": "{gaps} boşlukta toplam {missing} id eksik (en büyüğü: {largest})",
    "record.blank_line": "1 boş satır atlandı (satır {lines})",
    "record.blank_lines": "{count} boş satır atlandı (satırlar: {lines})",
    "record.metrics_of_other": (
        "{name}, {own} dosyasının değil {other} dosyasının metriklerini kaydediyor: bu checkpoint "
        "için kaydedilen ve ölçülen değerler karşılaştırılmadı"
    ),
    "record.metrics_of_unknown": (
        "{name}, metriklerinin hangi checkpoint'e ait olduğunu belirtmiyor (eğitim betikleri "
        "genellikle final modelinkini kaydeder); yine de bu checkpoint'in değerlerinin yanında "
        "gösteriliyor"
    ),
    "record.scaler_unused": "{path} scaler'ı kullanılmadı: modelin özellik girdisi yok",
    "record.no_goal": "loglarda hedef metrik yok (doğrulama doğruluğu da kaybı da loglanmamış)",
    "record.weights_no_below": "{stage} class weight'lerinde 'altı' ağırlığı yok: kontrol edilmedi",
    "record.no_run_dir": "eğitim klasörü verilmedi: beklenen dosyalar kontrol edilmedi",
    "record.no_recorded": "model bilgisinde karşılaştırılacak kayıtlı metrik yok",
    "record.log_ignored": "{file} kullanılmadı: '{stage}' aşaması {other} dosyasından okundu",
    "record.no_metadata": "{folder} içinde model bilgisi JSON'u ({name}) yok",
    "record.not_lists": "liste olmayan alanlar atlandı: {names}",
    "record.no_epoch_column": (
        "'epoch' sütunu yok: satırlar dosyadaki sırayla 1, 2, … diye numaralandı"
    ),
    "record.resumed": "log {epoch}. epoch'tan başlıyor (eğitime kalınan yerden mi devam edildi?)",
    "record.one_epoch": "yalnızca bir epoch loglanmış: bir eğilim okunamaz",
    "record.not_numbers": (
        "{column}: {count} değer sayı değil (örneğin '{example}'); bu epoch'lar loglanmamış sayıldı"
    ),
    "record.columns_no_numbers": "sayı içermeyen sütunlar atlandı: {columns}",
    "record.columns_empty": "hiç loglanmamış sütunlar atlandı: {columns}",
    "record.no_below_logged": (
        "epoch başına doğrulama 1.5 altı doğruluğu loglanmamış (örneğin val_below_accuracy): "
        "ilerleme tablosu loglanan metrikleri gösteriyor"
    ),
    "record.other_columns": "loglandığı gibi gösterilen diğer sütunlar: {columns}",
    "record.no_scaler": "scaler bulunamadı: özellik sayıları kontrol edilmedi",
    "record.scaler_fits": (
        "{scaler} ({width} özellik) şu checkpoint'lerin özellik girdisine uyuyor: {checkpoints}"
    ),
    "record.metrics_repeat": (
        "{file}: metrics.{key}, zaten kaydedilmiş olan {name} değerini tekrarlıyor; ilki kullanıldı"
    ),
    "record.not_rate": "{file}: metrics.{key} = {value} bir oran değil",
    "record.meta_not_object": "'{key}' bir nesne değil: atlandı",
    "record.meta_not_number": "'{key}' bir sayı değil: atlandı",
    "record.meta_not_whole": "'{key}' bir tam sayı değil: atlandı",
    "record.meta_not_list": "'{key}' bir liste değil: atlandı",
    "record.meta_files_not_list": "'files' / 'artifacts' bir dosya adı listesi değil: atlandı",
    "record.mode_unknown": "callbacks.{stage}.mode '{mode}' bilinmiyor: metrik adından çıkarıldı",
    "list.and": "{head} ve {last}",
    "record.percent_column": "{column} yüzde gibi görünüyor (en büyük {largest}): 100'e bölündü",
    "record.outside_share": "{column}: 0–1 dışındaki {count} değer loglanmamış sayıldı",
    "record.not_finite": "{column} sonlu değil (NaN/inf): {epochs}",
    "record.role_from_option": (
        "{role}, {column} sütunundan okundu; loglanan {logged} olduğu gibi gösteriliyor"
    ),
    "record.role_also_present": "{role}, {column} sütunundan okundu; ayrıca mevcut: {others}",
    "record.scaler_not_checked": "scaler kontrol edilmedi: {error}",
    "record.scaler_no_width": "{name}, kaç özelliği ölçeklediğini belirtmiyor",
    "record.checkpoint_not_checked": "checkpoint, scaler'a göre kontrol edilmedi: {error}",
    "record.logs_not_used": "checkpoint'in yanındaki eğitim logları kullanılmadı: {error}",
    "record.sklearn_version": (
        "{file}: {estimator}, scikit-learn {saved} ile kaydedilmiş ve {current} ile yükleniyor; "
        "sonuçları farklı olabilir (yeniden eğitin ya da scikit-learn {current} ile yeniden "
        "kaydedin)"
    ),
    "record.log_not_read": "{file} okunmadı: {problem}",
    "record.stage_read_elsewhere": (
        "{file}: '{stage}' aşaması kullanılmadı, {other} dosyasından okundu"
    ),
    "record.output_stops": "çıktı {epoch}. epoch'ta kesiliyor ({where}): o epoch dahil edilmedi",
    "record.epochs_incomplete": (
        "ilerleme satırı tamamlanmamış epoch'lar dahil edilmedi: {epochs}"
    ),
    "record.fit_no_epoch": "{where} konumundaki fit çağrısında tamamlanmış epoch yok: atlandı",
    "record.pattern_replaces": "{column}: --log-pattern ile okundu (loglanan sütunun yerine)",
    "record.pattern_outside": "{column}: loglanmamış epoch'lara ait değerler atlandı ({first} …)",
    "record.printed_callback": (
        "1.5 altı/üstü doğruluğu callback'in yazdırdığı satırlardan alındı ({count} epoch)"
    ),
    "record.null_precomputed": (
        "önceden hesaplanmış girdiler simüle edilmiş adil geçmişlerden yeniden üretilemez: şans "
        "kararı martingale testiyle veriliyor"
    ),
    "record.null_failed": (
        "simüle edilmiş adil bir geçmişte işlem hattı başarısız oldu ({error}): şans kararı "
        "martingale testiyle veriliyor"
    ),
    "record.onnx_labels_unused": (
        "ONNX çıktısı '{name}' ({kind}) kullanılmadı: sınıf etiketleri; olasılıklar kullanıldı"
    ),
    "record.implicit_config": (
        "ayarlar geçerli klasörde bulunan {source} dosyasından okundu (--config ile "
        "verilmedi); güven, özellik kodu ve önbellek seçenekleri böyle bir dosyadan asla alınmaz"
    ),
    "record.progress_training": "{name} eğitiliyor",
    "record.progress_loading": "{name} yükleniyor",
    "record.progress_predicting": "{name} ile tahmin ediliyor",
    "record.progress_null": "{name} için adil geçmişler",
    "record.where_line_id": "satır {line} (id {id})",
    "record.where_row_id": "{row}. kayıt (id {id})",
    "record.where_index": "indeks {index}",
    "record.where_line": "satır {line}",
    "record.where_cell": "hücre {cell}, çıktı satırı {line}",
    "record.epoch_one": "epoch {spans}",
    "record.epoch_many": "epoch {spans}",
    # ---------------------------------------------------------------- JUnit details
    "junit.details": (
        "metrik: {metric} ({key})\nölçülen: {result}\nhedef: {target}\n"
        "karşılaştırılan değer: {shown}\ncheckpoint: {checkpoint}"
    ),
    # ---------------------------------------------------------------- progress
    "progress.features": "özellikler hesaplanıyor",
    "record.progress_checkpoint": "{done}/{total}. checkpoint: {name}",
    # ---------------------------------------------------------------- command line
    "cli.error": "jetx-diag: hata: {message}",
    "cli.interrupted": "jetx-diag: durduruldu",
    "cli.internal_error": (
        "jetx-diag: iç hata: {kind}: {message} (geri izleme için --debug ile yeniden çalıştırın)"
    ),
    # ---------------------------------------------------------------- errors
    "error.files.cannot_write_report": "rapor yazılamıyor: {strerror}",
    "error.files.hint_choose_another_output_folder": (
        "başka bir çıktı klasörü seçin; hiçbir rapor dosyası değiştirilmedi"
    ),
    "error.user_code.raised_run_stopped": "{what} hata verdi: {detail}; çalıştırma durduruldu",
    "error.boosted.cannot_read_model": "{library} modeli okuyamıyor ({first_line})",
    "error.boosted.hint_file_may_cut_short_damaged": (
        "dosya yarıda kesilmiş ya da bozuk olabilir; yeniden indirin"
    ),
    "error.boosted.objective_gives_neither_probability_nor": (
        "{library} objective {objective} ne bir olasılık ne de bir çarpan veriyor"
    ),
    "error.boosted.hint_binary_3_class_probability_classifier": (
        "yalnızca olasılık veren ikili ya da 3 sınıflı bir sınıflandırıcı ya da bir regresyon "
        "modeli değerlendirilebilir"
    ),
    "error.boosted.classifier_s_classes_cannot_tell": (
        "sınıflandırıcının sınıfları {classes}; hangisinin 'üstü' anlamına geldiği anlaşılamıyor"
    ),
    "error.boosted.hint_train_labels_0_below_1": (
        "modeli 0 (altı) ve 1 (eşik ve üstü) etiketleriyle eğitin"
    ),
    "error.boosted.classifier_classes_jetx_diag_reads": (
        "{library} sınıflandırıcısında {classes} sınıf var; jetx_diag 2 (altı/üstü) ya da 3 "
        "(<1.5, 1.5–10, ≥10) sınıf okur"
    ),
    "error.boosted.not_catboost_lightgbm_xgboost_model": (
        "bir CatBoost, LightGBM ya da XGBoost modeli değil ({kind})"
    ),
    "error.boosted.both_classifiers": (
        "{name} ve {name2} ikisi de sınıflandırıcı; bir çift, bir sınıflandırıcı ile bir "
        "regresyon modelinden oluşur"
    ),
    "error.boosted.both_regressors": (
        "{name} ve {name2} ikisi de regresyon modeli; bir çift, bir sınıflandırıcı ile bir "
        "regresyon modelinden oluşur"
    ),
    "error.boosted.reads_features_pair_must_read": (
        "{name} {features} özellik okuyor, {name2} ise {features2}; bir çiftin iki modeli de "
        "aynı özellik vektörünü okumalı"
    ),
    "error.boosted.feature_matrix_shape_model_reads": (
        "özellik matrisinin şekli {shape}; model ise {features} özellik okuyor"
    ),
    "error.boosted.reading_model_needs_package_which": (
        "{library} modelini okumak için {extra} paketi gerekli, ama kurulu değil ({error})"
    ),
    "error.boosted.hint_pip_install_jetx_diag": "pip install 'jetx-diag[{extra}]' çalıştırın",
    "error.boosted.catboost_model_truncated_header_records": (
        "CatBoost modeli yarıda kesilmiş: başlığına göre {value} bayt olmalı, dosya ise {size} bayt"
    ),
    "error.boosted.more_than_8": "8'den fazla",
    "error.boosted.lightgbm_model_text_truncated_no": (
        "LightGBM model metni yarıda kesilmiş: {size} baytlık metinde {marker} satırı yok"
    ),
    "error.boosted.cannot_predict": "{library} tahmin yapamıyor ({first_line})",
    "error.boosted.xgboost_json_model_truncated_damaged": (
        "XGBoost JSON modeli yarıda kesilmiş ya da bozuk ({detail}; dosya {size} bayt)"
    ),
    "error.custom_objects.must_look_like_module_module": (
        "{option} {spec} değeri module ya da module:Name,Name biçiminde olmalı"
    ),
    "error.custom_objects.hint_module_defines_model_s_custom": (
        "modelin özel katmanlarını tanımlayan ve buradan içe aktarılabilen modül"
    ),
    "error.custom_objects.no_keras_layer_model_subclass": (
        "{option} {modules}: içinde ne bir Keras Layer ya da Model alt sınıfı ne de "
        "register_keras_serializable ile kaydedilmiş bir nesne var"
    ),
    "error.custom_objects.hint_name_classes_module_name_name": (
        "sınıfları {option} module:Name,Name ile belirtin"
    ),
    "error.custom_objects.not_python_name": "{option} {spec}: {name} geçerli bir Python adı değil",
    "error.custom_objects.importing_module_failed": (
        "{option} {spec}: {module_name} modülü içe aktarılamadı ({first})"
    ),
    "error.custom_objects.hint_module_must_importable_here_e": (
        "modül buradan, örneğin PYTHONPATH üzerinden, içe aktarılabilmeli ve hatasız yüklenmeli"
    ),
    "error.custom_objects.module_no": "{option} {spec}: {module_name} modülünde {name} yok",
    "error.custom_objects.not_class_function": (
        "{option} {spec}: {module_name}.{name} bir sınıf ya da fonksiyon değil"
    ),
    "error.inspection.model_config_nested_too_deeply": (
        "model yapılandırması ({where}) bir Keras modeli olamayacak kadar derin iç içe geçmiş"
    ),
    "error.inspection.model_not_keras_checkpoint": "bir {kind} modeli, Keras checkpoint'i değil",
    "error.inspection.hdf5_file_truncated_superblock_records": (
        "HDF5 dosyası yarıda kesilmiş: süper bloğa göre {declared} bayt olmalı, dosya ise {size} "
        "bayt"
    ),
    "error.inspection.hint_download_copy_cut_short_fetch": (
        "indirme ya da kopyalama yarıda kesilmiş; dosyayı yeniden indirin"
    ),
    "error.inspection.hint_architecture_not_file_save_model": (
        "model mimarisi dosyada yok; modeli model.save() ile yeniden kaydedin"
    ),
    "error.inspection.hdf5_file_refers_data_outside": (
        "HDF5 dosyası kendi dışındaki verilere başvuruyor: {what}"
    ),
    "error.inspection.hint_model_file_must_hold_own": (
        "model dosyası kendi ağırlıklarını içermeli; modeli model.save() ile yeniden kaydedin"
    ),
    "error.inspection.zip_members_would_inflate_bytes": (
        "zip içindeki dosyalar açıldığında toplam {total} bayt tutacak ({max_archive_bytes} "
        "bayttan fazla); zip bombası olarak reddedildi"
    ),
    "error.inspection.model_config_not_valid_json": (
        "model yapılandırması ({where}) geçerli JSON değil: {msg} (karakter {pos})"
    ),
    "error.inspection.hdf5_file_but_named_keras": (
        "bir HDF5 dosyası, ama uzantısı .keras (.keras modeli bir zip arşividir)"
    ),
    "error.inspection.hint_rename": "adını {name} olarak değiştirin",
    "error.inspection.zip_archive_keras_format_but": (
        "bir zip arşivi (.keras biçimi), ama uzantısı {suffix}"
    ),
    "error.inspection.hdf5_file_cannot_read": "HDF5 dosyası okunamıyor ({first_line})",
    "error.inspection.zip_member_encrypted_keras_model": (
        "zip içindeki {filename} dosyası şifreli; .keras modelleri hiçbir zaman şifrelenmez"
    ),
    "error.inspection.zip_member_compressed_which_cannot": (
        "zip içindeki {filename} dosyası okunamayan bir yöntemle sıkıştırılmış: {method} (Keras "
        "dosyaları stored ya da deflate yöntemiyle yazar)"
    ),
    "error.inspection.hint_re_save_model_model_save": "modeli model.save() ile yeniden kaydedin",
    "error.inspection.zip_member_would_inflate_bytes": (
        "zip içindeki {filename} dosyası açıldığında {file_size} bayt tutacak (bir model "
        "yapılandırması birkaç kilobayttır; sınır {max_config_bytes})"
    ),
    "error.inspection.zip_archive_truncated_damaged_file": (
        "zip arşivi yarıda kesilmiş ya da bozuk ({error}; dosya {size} bayt)"
    ),
    "error.inspection.zip_archive_without_config_json": (
        "config.json içermeyen bir zip arşivi, .keras modeli değil"
    ),
    "error.keras_env.loading_checkpoint_needs_tensorflow_which": (
        "checkpoint yüklemek için TensorFlow gerekli, ama içe aktarılamıyor ({detail})"
    ),
    "error.keras_env.loading_checkpoint_needs_tensorflow_keras": (
        "checkpoint yüklemek için TensorFlow/Keras gerekli, ama kurulu değil ({error})"
    ),
    "error.keras_loader.keras_cannot_rebuild_model": "Keras modeli yeniden kuramıyor ({detail})",
    "error.keras_loader.keras_safe_mode_refused_python": (
        "Keras safe mode, modeldeki bir Python lambda ifadesini reddetti"
    ),
    "error.keras_loader.keras_refused_file_unsafe": (
        "Keras dosyayı güvenli bulmayıp reddetti ({first_line})"
    ),
    "error.keras_loader.model_uses_custom_layer_function": (
        "model, burada bulunmayan {group} adlı özel bir katman ya da fonksiyon kullanıyor; {where}"
    ),
    "error.keras_loader.hint_pass_module_module_naming_module": (
        "bunu tanımlayan eğitim kodu modülünü {option} MODULE ya da MODULE:{split} ile verin"
    ),
    "error.loaded_model.model_no_outputs": "modelin hiç çıktısı yok",
    "error.loaded_model.hint_expected_sigmoid_threshold_none_1": (
        "sigmoid 'threshold' (None, 1), softmax 'classification' (None, 3) ya da doğrusal "
        "'regression' (None, 1) çıktısı bekleniyordu"
    ),
    "error.loaded_model.output_shape_head_value_per": (
        "{name} çıktısının şekli {shape_text}; bir {name2} çıktısı tur başına "
        "{expected:plural:değer:değer} verir"
    ),
    "error.loaded_model.probe_batch_itself_holds_non": (
        "deneme grubunun kendisinde sonlu olmayan değerler var ({name} girdisinde)"
    ),
    "error.loaded_model.model_produced_non_finite_value": (
        "model, yalnızca sonlu değerler içeren {array_count} satırlık bir deneme grubu için "
        "{name} çıktısında {size} değerden {bad:plural:sonlu olmayan değer:sonlu olmayan değer} "
        "üretti ({kinds})"
    ),
    "error.loaded_model.hint_weights_probably_corrupt_nan_training": (
        "modelin ağırlıkları büyük olasılıkla bozuk (NaN) ya da eğitim ıraksamış"
    ),
    "error.metadata.empty_0_bytes": "boş (0 bayt)",
    "error.metadata.an_html_page": "bir HTML/XML sayfası",
    "error.metadata.a_git_lfs_pointer": "bir Git LFS işaretçisi",
    "error.metadata.a_savedmodel_directory": "bir SavedModel klasörü",
    "error.metadata.a_file_of_kind": "bir {kind} dosyası",
    "error.metadata.not_json_metadata": "{what}, JSON model bilgisi değil",
    "error.metadata.top_level_expected_object_got": (
        "en üst düzey: bir nesne bekleniyordu, {type_name} bulundu"
    ),
    "error.metadata.expected_count_got": (
        "{key_}: negatif olmayan bir tam sayı bekleniyordu, {value} bulundu"
    ),
    "error.metadata.expected_string_got": "{key_}: bir metin bekleniyordu, {type_name} bulundu",
    "error.metadata.cannot_read_file": "dosya okunamıyor ({strerror})",
    "error.onnx_model.onnx_file_holds_no_graph": "ONNX dosyasında graf yok",
    "error.onnx_model.onnx_output_2_values_per": (
        "{name} adlı ONNX çıktısı tur başına toplamı 1 olmayan 2 değer veriyor; bunlar sınıf "
        "olasılıkları olamaz"
    ),
    "error.onnx_model.onnx_file_truncated_needs_bytes": (
        "ONNX dosyası yarıda kesilmiş: {name} alanı için {end} bayt gerekiyor, dosya ise "
        "{data_count} bayt"
    ),
    "error.onnx_model.onnx_field_truncated": (
        "ONNX dosyası yarıda kesilmiş: {number} numaralı alan için {end} bayt gerekiyor, dosya "
        "ise {data_count} bayt"
    ),
    "error.onnx_model.reading_onnx_model_needs_onnxruntime": (
        "ONNX modelini okumak için onnxruntime gerekli, ama kurulu değil ({error})"
    ),
    "error.onnx_model.onnxruntime_cannot_load_model": (
        "onnxruntime modeli yükleyemiyor ({first_line})"
    ),
    "error.onnx_model.onnx_input_jetx_diag_feeds": (
        "{name} adlı ONNX girdisinin türü {type}; jetx_diag modele float pencereler ve özellik "
        "vektörleri verir"
    ),
    "error.onnx_model.inputs_missing": "eksik girdiler: {missing}",
    "error.onnx_model.onnxruntime_cannot_run_model": (
        "onnxruntime modeli çalıştıramıyor ({first_line})"
    ),
    "error.safe_pickle.hint_scaler_joblib_pickle_skops_file": (
        "scaler, fit edilmiş bir scikit-learn dönüştürücüsünün joblib/pickle/skops dosyasıdır"
    ),
    "error.safe_pickle.refused_unpickle_names_which_outside": (
        "unpickle işlemi reddedildi: dosya {dotted} adına başvuruyor; bu ad izin listesinin "
        "dışında (scikit-learn dönüştürücüleri, numpy dizileri ve dtype'lar); dosyadaki hiçbir şey "
        "çalıştırılmadı"
    ),
    "error.safe_pickle.refused_unpickle_names_with_reason": (
        "unpickle işlemi reddedildi: dosya {dotted} adına başvuruyor ({reason}); bu ad izin "
        "listesinin dışında (scikit-learn dönüştürücüleri, numpy dizileri ve dtype'lar); dosyadaki "
        "hiçbir şey çalıştırılmadı"
    ),
    "error.safe_pickle.hint_scaler_needs_nothing_else_if": (
        "scaler bunlardan başka bir şey gerektirmez; dosyayı siz oluşturduysanız fit edilmiş "
        "scaler'ı joblib.dump ya da skops.io.dump ile yeniden kaydedin"
    ),
    "error.safe_pickle.refused": "{dotted} reddedildi: {reason}",
    "error.safe_pickle.refused_unpickle_calls_nothing_allocated": (
        "unpickle işlemi reddedildi: dosya {dotted} fonksiyonunu şu değerle çağırıyor: {reason}; "
        "bellek ayrılmadı, hiçbir şey çalıştırılmadı"
    ),
    "error.safe_pickle.hint_fitted_scaler_kilobytes_file_built": (
        "fit edilmiş bir scaler birkaç kilobayttır; bu dosya belleği tüketmek için hazırlanmış"
    ),
    "error.safe_pickle.inflates_more_than_bytes": "açıldığında {limit} bayttan fazla tutuyor",
    "error.safe_pickle.compressed_file_truncated_bytes": (
        "{compression} ile sıkıştırılmış dosya yarıda kesilmiş ({data_count} bayt)"
    ),
    "error.safe_pickle.hint_scaler_needs_none_them": "scaler bunların hiçbirini gerektirmez",
    "error.safe_pickle.compressed_file_damaged": (
        "{compression} ile sıkıştırılmış dosya bozuk ({error})"
    ),
    "error.safe_pickle.skops_file_cannot_read": "skops dosyası okunamıyor ({first})",
    "error.safe_pickle.skops_file_cannot_loaded": "skops dosyası yüklenemiyor ({first})",
    "error.safe_pickle.lz4_compressed_joblib_file_lz4": (
        "lz4 ile sıkıştırılmış bir joblib dosyası, ama lz4 paketi kurulu değil"
    ),
    "error.savedmodel.savedmodel_directory_holds_saved_model": (
        "SavedModel klasöründe yalnızca saved_model.pbtxt var; metin biçimli SavedModel "
        "desteklenmiyor"
    ),
    "error.savedmodel.savedmodel_holds_no_graph": "SavedModel içinde graf yok",
    "error.savedmodel.inputs_given_signature_takes": (
        "{values_count} girdi verildi, imza {input_names_count} girdi alıyor"
    ),
    "error.savedmodel.saved_model_pb_cannot_parsed": "saved_model.pb ayrıştırılamıyor ({error})",
    "error.savedmodel.savedmodel_no_serving_default_signature": (
        "SavedModel içinde serving_default imzası yok (var olan imzalar: {names})"
    ),
    "error.savedmodel.tensorflow_cannot_load_savedmodel": (
        "TensorFlow bu SavedModel'i yükleyemiyor ({first_line})"
    ),
    "error.savedmodel.tensorflow_1_savedmodel_no_object": (
        "TensorFlow 1 biçiminde bir SavedModel (nesne grafı yok): yüklenirken grafın kendi restore "
        "ve init işlemleri çalışır ve bu işlemler denetlenemez"
    ),
    "error.savedmodel.savedmodel_s_graph_uses_ops": (
        "SavedModel grafı, model hesaplamaları için izin verilenlerin dışında kalan işlemler "
        "kullanıyor (bu işlemler model yüklenirken ya da çağrılırken dosya okuyup yazabilir veya "
        "kod çalıştırabilir): {shown}"
    ),
    "error.savedmodel.inputs_missing_signature_takes": (
        "eksik girdiler: {missing} (imzanın aldığı girdiler: {input_names})"
    ),
    "error.scaler_checks.holds_not_scikit_learn_transformer": (
        "içinde scikit-learn dönüştürücüsü değil, bir {module__}.{qualname__} var"
    ),
    "error.scaler_checks.n_features_not_positive_whole": (
        "{name__}.n_features_in_ değeri {shown}; pozitif bir tam sayı değil"
    ),
    "error.scaler_checks.not_fitted_saved_before_fit": (
        "içindeki {name__} fit edilmemiş (fit() çağrılmadan önce kaydedilmiş)"
    ),
    "error.scaler_checks.hint_save_scaler_after_fitting_training": (
        "scaler'ı eğitim özellikleri üzerinde fit ettikten sonra kaydedin"
    ),
    "error.scaler_checks.feature_names_not_list_names": (
        "{name__}.feature_names_in_ değeri {shown}; bir ad listesi değil"
    ),
    "error.scaler_checks.feature_names_holds_entries_features": (
        "{name__}.feature_names_in_ içinde {count} özellik (n_features_in_) için {names_count} öğe "
        "var ya da öğelerin bazıları ad değil"
    ),
    "error.scaler_checks.holds_values_features_n_features": (
        "{name__}.{attribute} içinde {count} özellik (n_features_in_) için {size} değer var"
    ),
    "error.scaler_checks.hint_file_edited_damaged_re_fit": (
        "dosya düzenlenmiş ya da bozulmuş; scaler'ı yeniden fit edip kaydedin"
    ),
    "error.scaler_checks.non_finite_value_first_index": (
        "{label}.{attribute} içinde {size:plural:sonlu olmayan değer:sonlu olmayan değer} var "
        "(ilki {first} indeksinde: {ravel})"
    ),
    "error.scaler_checks.hint_scaler_fitted_data_nan_inf": (
        "scaler NaN/inf içeren veriyle fit edilmiş; scaler'ı temiz özellikler üzerinde yeniden fit "
        "edin"
    ),
    "error.scaler_checks.not_numbers": "{name__}.{attribute} değeri {shown}; sayılardan oluşmuyor",
    "error.sniffing.no_such_file_directory": "böyle bir dosya ya da klasör yok",
    "error.strict_json.not_finite_json_number_nan": (
        "{path}: {text} sonlu bir JSON sayısı değil (NaN ve Infinity geçerli JSON değildir)"
    ),
    "error.strict_json.utf_16_encoded": "UTF-16 ile kodlanmış",
    "error.strict_json.the_value": "değer",
    "error.strict_json.hint_save_utf_8": "UTF-8 olarak kaydedin",
    "error.strict_json.duplicate_key_json_readers_disagree": (
        "{name} anahtarı birden fazla kez geçiyor (JSON okuyucuları hangi değerin geçerli olduğu "
        "konusunda anlaşamıyor)"
    ),
    "error.strict_json.not_valid_utf_8_byte": "geçerli UTF-8 değil (bayt konumu {offset})",
    "error.strict_json.not_valid_json_line_column": (
        "geçerli JSON değil: {msg} (satır {lineno}, sütun {colno})"
    ),
    "error.strict_json.not_usable_json": "kullanılabilir bir JSON değil ({error})",
    "error.strict_json.nested_too_deeply_run_metadata": (
        "model bilgisi olamayacak kadar derin iç içe geçmiş"
    ),
    "error.compare.nothing_compare": "karşılaştırılacak bir şey yok",
    "error.compare.hint_give_checkpoints_folder_json_files": (
        "checkpoint dosyaları, bir klasör ya da JSON dosyaları verin"
    ),
    "error.compare.no_jetx_diag_section_found": (
        "buradaki pyproject.toml ya da setup.cfg dosyasında [jetx_diag] bölümü bulunamadı"
    ),
    "error.compare.hint_see_docs_ci_md_pass": (
        "docs/ci.md belgesine bakın ya da --config FILE verin"
    ),
    "error.compare.both_checkpoint_checkpoints_set": (
        "hem 'checkpoint' hem de 'checkpoints' ayarlanmış"
    ),
    "error.compare.hint_keep_one": "yalnızca birini bırakın",
    "error.compare.no_checkpoint_check": "kontrol edilecek checkpoint yok",
    "error.compare.hint_set_checkpoint_file_checkpoints_file": (
        "[jetx_diag] bölümünde checkpoint = FILE ya da checkpoints = FILE, FOLDER, … ayarlayın"
    ),
    "error.compare.no_checkpoint_folder": "bu klasörde checkpoint yok",
    "error.compare.hint_expected_h5_keras_models_savedmodel": (
        "beklenenler: .h5 / .keras modelleri, SavedModel klasörleri, ONNX, CatBoost, LightGBM ya "
        "da XGBoost modelleri"
    ),
    "error.config.sets_which_config_file_found": (
        "{found} ayarlarını içeriyor; geçerli klasörde bulunan bir yapılandırma dosyası bunları "
        "ayarlayamaz (yoksa indirilen bir klasör kod çalıştırabilir ya da dosyaların nereye "
        "yazılacağını seçebilirdi)"
    ),
    "error.config.hint_if_you_wrote_file_pass": (
        "bu dosyayı siz yazdıysanız --config {source} verin ya da bu seçenekleri komut satırında "
        "belirtin"
    ),
    "error.config.tool_jetx_diag_must_table": "[tool.jetx_diag] bir tablo olmalı",
    "error.config.config_file_not_found": "yapılandırma dosyası bulunamadı",
    "error.config.not_valid_toml": "geçerli TOML değil: {error}",
    "error.config.not_valid_config_file": "geçerli bir yapılandırma dosyası değil: {first_line}",
    "error.config.unknown_key_jetx_diag_section": "jetx_diag bölümünde bilinmeyen anahtar: {key_}",
    "error.config.key": "{key_} anahtarı: {error}",
    "error.history.class_names_below_above_0": (
        "{option} {text}: sınıf adları below/above (ya da 0/1) olmalı"
    ),
    "error.history.hint_e_g_below_44_13": "örneğin below=44.13,above=0.76",
    "error.history.values_must_not_negative": "{option} {text}: değerler negatif olamaz",
    "error.history.class_counts_give_both_whole": (
        "--class-counts {text}: iki sınıfın sayısını da tam sayı olarak verin"
    ),
    "error.history.hint_e_g_below_2135_above": "örneğin below=2135,above=3956",
    "error.history.give_run_dir_logs_stage": (
        "bir RUN_DIR ya da --stage NAME=FILE ile logları verin"
    ),
    "error.history.expected_stage_value": "{option} {text}: [STAGE{separator}]VALUE bekleniyordu",
    "error.history.stage_expected_name_file": "--stage {item}: NAME=FILE bekleniyordu",
    "error.history.hint_e_g_stage1_log1_csv": "örneğin stage1=log1.csv",
    "error.history.stage_given_twice": "--stage {name} iki kez verilmiş",
    "error.history.patience_must_least_0_got": "--patience en az 0 olmalı; verilen: {number}",
    "error.history.expected_below_value_above_value": (
        "{option} {text}: below=VALUE,above=VALUE bekleniyordu"
    ),
    "error.history.patience_not_whole_number": "--patience {value} bir tam sayı değil",
    "error.history.not_number": "{option} {text}: {value} bir sayı değil",
    "error.options.threshold_must_least_1_0": "--threshold en az 1.0 olmalı; verilen: {threshold}",
    "error.options.cutoff_must_within_0_1": "--cutoff [0, 1] aralığında olmalı; verilen: {cutoff}",
    "error.options.jobs_must_least_1_got": "jobs en az 1 olmalı; verilen: {jobs}",
    "error.options.cache_max_mb_must_least": "cache_max_mb en az 0 olmalı; verilen: {cache_max_mb}",
    "error.options.max_rejected_share_within_0": (
        "--max-rejected [0, 1] aralığında bir oran olmalı; verilen: {max_rejected}"
    ),
    "error.options.must_finite_number_got": "--{replace} sonlu bir sayı olmalı; verilen: {value}",
    "error.options.cashout_must_above_1_00": "--cashout 1.00 üzerinde olmalı; verilen: {cashout}",
    "error.options.house_edge_share_within_0": (
        "--house-edge [0, 1) aralığında bir oran olmalı; verilen: {house_edge}"
    ),
    "error.options.permutations_bootstrap_must_least_1": (
        "--permutations ve --bootstrap en az 1 olmalı"
    ),
    "error.options.null_simulations_must_least_0": (
        "--null-simulations en az 0 olmalı; verilen: {null_simulations}"
    ),
    "error.options.tests_tried_must_least_1": (
        "--tests-tried en az 1 olmalı; verilen: {tests_tried}"
    ),
    "error.options.validation_fraction_must_within_0": (
        "doğrulama oranı [0, 1) aralığında olmalı; verilen: {validation_fraction}"
    ),
    "error.report.give_checkpoint_predictions_file_csv": (
        "bir CHECKPOINT ya da --predictions FILE.csv verin"
    ),
    "error.report.give_either_checkpoint_predictions_not": (
        "ya bir CHECKPOINT ya da --predictions verin, ikisini birden değil"
    ),
    "error.document.not_saved_jetx_diag_comparison": (
        "kaydedilmiş bir jetx-diag karşılaştırması değil ('comparison' nesnesi yok)"
    ),
    "error.document.not_valid_saved_comparison": "geçerli bir kayıtlı karşılaştırma değil: {error}",
    "error.document.cannot_read_baseline": "referans okunamıyor: {strerror}",
    "error.document.format_version_must_whole_number": (
        "'format_version' bir tam sayı olmalı; verilen: {version}"
    ),
    "error.document.written_newer_jetx_diag_format": (
        "daha yeni bir jetx-diag sürümüyle yazılmış (format_version {found}; bu sürüm "
        "({version__}) en çok format_version {known} okuyabilir)"
    ),
    "error.document.section_written_newer_jetx_diag": (
        "içindeki {what} bölümü daha yeni bir jetx-diag sürümüyle yazılmış (format_version "
        "{found}; bu sürüm ({version__}) en çok format_version {known} okuyabilir)"
    ),
    "error.document.hint_upgrade_jetx_diag_read": "okumak için jetx-diag sürümünü yükseltin",
    "error.document.not_saved_jetx_diag_evaluation": (
        "kaydedilmiş bir jetx-diag değerlendirmesi değil ('evaluation' nesnesi yok)"
    ),
    "error.document.hint_write_one_json": "--json ile bir değerlendirme kaydedin",
    "error.document.verdict_must_object": "'verdict' bir nesne olmalı",
    "error.document.side_file_must_name_side": "'side_file' yan dosyanın yolunu belirtmeli",
    "error.document.side_file_must_sit_beside": (
        "{name} adlı yan dosya JSON dosyasıyla aynı klasörde olmalı"
    ),
    "error.document.side_file_not_one_json": (
        "{name} adlı yan dosya, bu JSON yazılırken kullanılan dosya değil"
    ),
    "error.document.not_valid_json_nested_too": "geçerli JSON değil: çok derin iç içe geçmiş",
    "error.document.not_valid_json_line_column": (
        "geçerli JSON değil: {msg} (satır {lineno}, sütun {colno})"
    ),
    "error.document.not_valid_json": "geçerli JSON değil: {error}",
    "error.document.cannot_read": "okunamıyor: {strerror}",
    "error.document.not_utf_8_text_byte": "UTF-8 metin değil (bayt konumu {start})",
    "error.document.not_valid_saved_evaluation": "geçerli bir kayıtlı değerlendirme değil: {error}",
    "error.document.cannot_read_side_file": "{name} adlı yan dosya okunamıyor: {strerror}",
    "error.document.side_file_not_readable_npz": (
        "{name} adlı yan dosya okunabilir bir .npz değil: {error}"
    ),
    "error.document.side_file_no_column": "{name} adlı yan dosyada {key_} sütunu yok",
    "error.ranking.unknown_rank": "bilinmeyen --rank-by değeri: {rank_by}",
    "error.ranking.two_checkpoints_both_labelled": (
        "iki checkpoint aynı etiketi taşıyor: {label} ({seen} ve {source})"
    ),
    "error.ranking.hint_compare_files_different_names_give": (
        "farklı adlı dosyaları karşılaştırın ya da onlara ayrı etiketler verin"
    ),
    "error.ratchet.tolerance_percentage_points_least_0": (
        "--tolerance yüzde puan cinsindendir ve en az 0 olmalı; verilen: {tolerance}"
    ),
    "error.fairgen.house_edge_must_0_1": (
        "kasa payı [0, 1) aralığında olmalı; verilen: {house_edge}"
    ),
    "error.fairgen.number_rounds_must_0_got": "tur sayısı en az 0 olmalı; verilen: {n}",
    "error.fairgen.chain_needs_least_one_round": "zincir en az bir tur içermeli; verilen: {n}",
    "error.fairgen.multiplier_cap_must_least_1": (
        "çarpan üst sınırı en az 1.00 olmalı; verilen: {cap}"
    ),
    "error.fairgen.values_write_must_one_finite": (
        "yazılacak değerler tur başına tek bir sonlu sayı olmalı"
    ),
    "error.fairgen.folder_does_not_exist": "böyle bir klasör yok",
    "error.features.features_need_least_round_history": (
        "özellikler için en az {min_history} turluk geçmiş gerekir; hiç tur verilmedi"
    ),
    "error.features.features_need_flat_history_finite": (
        "özellikler için sonlu çarpanlardan oluşan tek boyutlu bir geçmiş gerekir"
    ),
    "error.model.model_needs_least_one_feature": (
        "model için en az bir özellik gerekir; verilen: {n_features}"
    ),
    "error.model.unknown_model_size_choose_small": (
        "bilinmeyen model boyutu: {size} ('small' ya da 'document' seçin)"
    ),
    "error.training.demo_needs_least_rounds_window": (
        "demo için en az {first_predictable} tur gerekir (ilk tahminden önce "
        "{first_predictable2} turluk pencere); verilen: {rounds}"
    ),
    "error.training.epochs_must_positive_numbers_got": (
        "epoch değerleri {stages_count} pozitif sayıdan oluşmalı; verilen: {epochs}"
    ),
    "error.training_samples.training_rounds_hold_only_one": (
        "eğitim turlarında tek bir sınıf var; daha çok tur kullanın"
    ),
    "error.evaluator.no_round_history_given": "tur geçmişi verilmedi",
    "error.evaluator.hint_pass_data_file_sqlite_csv": (
        "--data FILE (SQLite, CSV ya da metin) verin ya da yapılandırma dosyasında data değerini "
        "ayarlayın"
    ),
    "error.inputs.inputs_file_no_actual_array": (
        "girdi dosyasında 'actual' dizisi yok ve --data verilmedi; bu yüzden dosyadaki turların "
        "sonuçları bilinmiyor"
    ),
    "error.parallel.scheduler_needs_dask_s_distributed": (
        "--scheduler için Dask'ın distributed zamanlayıcısı gerekir"
    ),
    "error.parallel.hint_pip_install_jetx_diag_distributed": (
        "pip install 'jetx-diag[distributed]' çalıştırın"
    ),
    "error.parallel.cannot_reach_dask_scheduler": (
        "{address} adresindeki Dask zamanlayıcısına ulaşılamıyor ({name__})"
    ),
    "error.parallel.hint_start_one_dask_scheduler_dask": (
        "`dask scheduler` ve `dask worker ADDRESS` ile bir zamanlayıcı başlatın ya da "
        "--scheduler seçeneğini kaldırın"
    ),
    "error.accounting.no_usable_rounds_rejected": (
        "kullanılabilir tur yok: {rows} reddedildi ({by_reason}; {first_text})"
    ),
    "error.accounting.rows_rejected": (
        "{rows_read} satırdan {rejected_count} satır reddedildi ({by_reason}; {first_text})"
    ),
    "error.accounting.hint_strict_mode_fix_remove_these": (
        "katı mod: bu satırları düzeltin ya da silin veya komutu --strict olmadan çalıştırın"
    ),
    "error.accounting.rows_rejected_more_than_allowed": (
        "satırların {text} kadarı reddedildi; izin verilen %{value} sınırının üzerinde "
        "({by_reason}; {first_text})"
    ),
    "error.accounting.hint_fix_rows_raise_max_rejected": (
        "satırları düzeltin ya da --max-rejected değerini yükseltin"
    ),
    "error.accounting.first_rejected": "ilki: {where} {raw} ({reason})",
    "error.accounting.the_only_row": "tek satır",
    "error.accounting.all_rows": "{count} satırın tümü",
    "error.rounds.max_rejected_share_must_between": (
        "max_rejected_share 0 ile 1 arasında olmalı; verilen: {max_rejected_share}"
    ),
    "error.rounds.file_empty_0_bytes": "dosya boş (0 bayt)",
    "error.rounds.not_sqlite_database_starts": "bir SQLite veritabanı değil (ilk baytlar: {head})",
    "error.rounds.hint_sqlite_file_starts_sqlite_format": (
        "SQLite dosyaları 'SQLite format 3' ile başlar"
    ),
    "error.rounds.not_history_binary_content_nul": (
        "tur geçmişi değil: ikili içerik (NUL bayt, konum {nul}); ne SQLite ne de UTF-8 metin"
    ),
    "error.rounds.holds_no_rows_only_blank": "veri satırı yok (yalnızca boş satırlar var)",
    "error.rounds.file_not_found": "dosya bulunamadı",
    "error.rounds.hint_check_data_path": "--data yolunu kontrol edin",
    "error.rounds.directory_not_history_file": "bir klasör, tur geçmişi dosyası değil",
    "error.rounds.cannot_read_file": "dosya okunamıyor: {strerror}",
    "error.rounds.not_history": "tur geçmişi değil: bu {what}",
    "error.rounds.invalid_utf_8_byte_line": (
        "geçersiz UTF-8: bayt konumu {offset} (satır {line}): {data}"
    ),
    "error.rounds.hint_save_file_utf_8": "dosyayı UTF-8 olarak kaydedin",
    "error.rounds.header_separated_only_comma_separated": (
        "başlık satırı {first}, {name} ile ayrılmış: yalnızca virgülle ayrılmış CSV okunur"
    ),
    "error.rounds.hint_save_file_csv_commas": "dosyayı virgülle ayrılmış CSV olarak kaydedin",
    "error.rounds.separator_semicolon": "';'",
    "error.rounds.separator_tabs": "sekme",
    "error.rounds.an_hdf5_file": "bir HDF5 dosyası (Keras .h5 checkpoint'i mi?)",
    "error.rounds.a_zip_archive": "bir zip arşivi (.keras checkpoint'i ya da .xlsx mi?)",
    "error.rounds.a_pickle": "bir pickle dosyası (scaler mı?)",
    "error.rounds.utf32_text": "UTF-32 metin (UTF-8 olarak kaydedin)",
    "error.rounds.utf16_text": "UTF-16 metin (UTF-8 olarak kaydedin)",
    "error.sqlite_rounds.table_empty": "{table_name} tablosu boş",
    "error.sqlite_rounds.no_column_no_rowid_order": (
        "{table_name} tablosunda {id_column} sütunu yok, sıralamak için rowid de yok (sütunlar: "
        "{columns})"
    ),
    "error.sqlite_rounds.hint_name_column_orders_rounds": "turları sıralayan sütunu belirtin",
    "error.sqlite_rounds.cannot_read_sqlite_database": "SQLite veritabanı okunamıyor: {error}",
    "error.sqlite_rounds.malformed_sqlite_database": "bozuk SQLite veritabanı: {error}",
    "error.sqlite_rounds.no_table_tables": "{table} tablosu yok (tablolar: {listed})",
    "error.sqlite_rounds.no_table_no_tables": "{table} tablosu yok (veritabanında hiç tablo yok)",
    "error.sqlite_rounds.hint_use_table": "--table kullanın",
    "error.sqlite_rounds.table_no_column_columns": (
        "{table_name} tablosunda {column} sütunu yok (sütunlar: {columns})"
    ),
    "error.sqlite_rounds.hint_use_column": "--column kullanın",
    "error.sqlite_rounds.reading_table_took_longer_than": (
        "tablonun okunması {sqlite_query_deadline} saniyeden uzun sürdü ve durduruldu (hiç "
        "bitmeyen bir view mi, örneğin sınırsız bir özyinelemeli sorgu?)"
    ),
    "error.sqlite_rounds.hint_point_table_plain_table_rounds": (
        "--table ile turları içeren sıradan bir tabloyu belirtin"
    ),
    "error.text_rounds.no_rows_below_header_line": (
        "başlığın (satır {header_line}) altında veri satırı yok"
    ),
    "error.text_rounds.no_header_line_line_holds": (
        "başlık satırı yok: satır {line} veri içeriyor: {show_raw}"
    ),
    "error.text_rounds.hint_add_first_line_naming_columns": (
        "ilk satır olarak sütun adlarını ekleyin, örneğin 'id,{column}'"
    ),
    "error.text_rounds.line_header_repeats_columns": (
        "satır {line}: başlıkta {count:plural:sütun adı:sütun adı} birden fazla kez geçiyor: "
        "{duplicates}"
    ),
    "error.text_rounds.line_bad_csv": "satır {line_num}: hatalı CSV: {error}",
    "error.text_rounds.no_column_header_line_columns": (
        "başlıkta (satır {line}) {column} sütunu yok (sütunlar: {header})"
    ),
    "error.text_rounds.hint_name_multiplier_column_value_use": (
        "çarpan sütununa 'value' adını verin ya da --column kullanın"
    ),
    "error.text_rounds.line_fields_extra": (
        "satır {start}: {record_count} alan var, başlıkta {header_count} alan var (fazla alan)"
    ),
    "error.text_rounds.line_fields_missing": (
        "satır {start}: {record_count} alan var, başlıkta {header_count} alan var (eksik alan)"
    ),
    "error.feature_cache.features_must_look_like_module": (
        "--features {spec} değeri module:callable biçiminde olmalı"
    ),
    "error.feature_cache.features_not_callable": "--features {spec} çağrılabilir değil",
    "error.feature_cache.features_cannot_import": (
        "--features {spec}: {module_name} modülü içe aktarılamıyor ({error})"
    ),
    "error.feature_cache.features_no": "--features {spec}: {module_name} modülünde {attribute} yok",
    "error.feature_workers.feature_extractor_returned_non_finite": (
        "{name} adlı özellik çıkarıcı, tur indeksi {index} için sonlu olmayan değer döndürdü: {bad}"
    ),
    "error.feature_workers.feature_extractor_returned_expected_dict": (
        "{name} adlı özellik çıkarıcı {name__} türünde bir değer döndürdü; bir dict ya da float "
        "dizisi bekleniyordu"
    ),
    "error.feature_workers.feature_extractor_non_numeric_feature": (
        "{name} adlı özellik çıkarıcı: sayısal olmayan özellik ({error})"
    ),
    "error.model_inputs.model_input_shape_jetx_diag": (
        "{name} adlı model girdisinin şekli {dims}; jetx_diag (None, N, 1) pencereleri ve (None, "
        "F) özellik vektörleri oluşturur"
    ),
    "error.model_inputs.hint_pass_precomputed_arrays_inputs_file": (
        "önceden hesaplanmış dizileri --inputs FILE.npz ile verin"
    ),
    "error.model_inputs.usable_rounds_but_model_needs": (
        "{usable} kullanılabilir tur var, ama model tahmin edebileceği ilk turdan önce "
        "{first_index} turluk geçmiş istiyor"
    ),
    "error.model_inputs.no_held_out_rounds_left": "ayrımdan sonra hiç test turu kalmadı",
    "error.model_inputs.round_index_fewer_than_rounds": (
        "tur indeksi {targets}: öncesinde {length} turdan az tur var"
    ),
    "error.model_inputs.unknown_window_transform": "bilinmeyen pencere dönüşümü: {transform}",
    "error.model_inputs.model_feature_input_no_feature": (
        "modelin bir özellik girdisi var ({describe}), ama özellik çıkarıcı verilmedi"
    ),
    "error.model_inputs.hint_pass_features_module_callable_precomputed": (
        "--features module:callable verin ya da önceden hesaplanmış dizileri --inputs FILE.npz "
        "ile verin"
    ),
    "error.model_inputs.hint_extractor_scaler_model_must_come": (
        "özellik çıkarıcı, scaler ve model aynı eğitimden gelmeli"
    ),
    "error.model_inputs.scaler_turned_features_into_array": (
        "scaler {shape} özelliği {shape2} şeklinde bir diziye dönüştürdü; bir scaler her özellik "
        "için tek bir değer üretir"
    ),
    "error.model_inputs.scaler_produced_non_finite_values": (
        "scaler {bad} sonlu olmayan değer üretti"
    ),
    "error.model_inputs.scaler_produced_values_too_large": (
        "scaler, modellerin hesap yaptığı float32 duyarlığı için fazla büyük {sum} değer üretti "
        "(en büyüğü {max})"
    ),
    "error.model_inputs.hint_statistics_probably_damaged_scale_near": (
        "scaler'ın istatistikleri büyük olasılıkla bozuk (scale_ sıfıra yakın mı?); scaler'ı "
        "yeniden fit edin"
    ),
    "error.model_inputs.test_id_past_last_round": (
        "--test-from-id {test_from_id}, son turun id değerinden ({ids}) büyük"
    ),
    "error.model_inputs.test_id_leaves_only_rounds": (
        "--test-from-id {test_from_id} öncesinde yalnızca {start} turluk geçmiş bırakıyor; model "
        "ise {first_index} turluk geçmiş istiyor"
    ),
    "error.model_inputs.test_fraction_must_0_1": (
        "--test-fraction (0, 1] aralığında olmalı; verilen: {fraction}"
    ),
    "error.model_inputs.scaler_cannot_transform_features": (
        "scaler {shape} özelliği dönüştüremiyor ({name__}: {text})"
    ),
    "error.model_inputs.inputs_file_not_found": "girdi dosyası bulunamadı",
    "error.model_inputs.not_readable_npz_file": "okunabilir bir .npz dosyası değil ({error})",
    "error.model_inputs.array_shape_model_expects": (
        "{name} dizisinin şekli {shape}; model ise {shape2} bekliyor"
    ),
    "error.model_inputs.input_holds_non_finite_values": (
        "{name} girdisinde {count} sonlu olmayan değer var"
    ),
    "error.predictions.hint_expected_sigmoid_threshold_n_1": (
        "sigmoid 'threshold' (N, 1), softmax 'classification' (N, 3) ya da doğrusal 'regression' "
        "(N, 1) çıktısı bekleniyordu"
    ),
    "error.predictions.no_prediction_rows": "tahmin satırı yok",
    "error.predictions.line_actual_multiplier_below_1": (
        "satır {line}: gerçek çarpan (actual) 1.00 altında"
    ),
    "error.predictions.line_p_above_outside_0": "satır {line}: p_above [0, 1] aralığının dışında",
    "error.predictions.line_round_id_not_whole": "satır {at}: round_id {ids} bir tam sayı değil",
    "error.predictions.line_round_id_appears_more": (
        "satır {second}: round_id {ids} birden fazla kez geçiyor ({sum} tekrarlanan satır)"
    ),
    "error.predictions.line_not_number": "satır {line}: {column} değeri {raw} bir sayı değil",
    "error.predictions.line": "satır {line}: {column} değeri sonlu değil: {strip}",
    "error.predictions.model_gives_neither_probability_above": (
        "model ne bir 'üstü' olasılığı ne de tahmini bir çarpan veriyor; bu yüzden altı/üstü "
        "kararı verilemez"
    ),
    "error.predictions.model_produced_non_finite_values": (
        "model, sonlu girdiler için {head} çıktısında {count} sonlu olmayan değer üretti "
        "({shape} tur tahmin edildi)"
    ),
    "error.predictions.model_returned_rows_output_rounds": (
        "model {rounds} turluk girdi için {head} çıktısında {shape} satır döndürdü; bir model her "
        "tur için tek bir satır döndürmeli"
    ),
    "error.predictions.predictions_file_not_found": "tahmin dosyası bulunamadı",
    "error.predictions.not_readable_csv_file": "okunabilir bir CSV dosyası değil: {error}",
    "error.predictions.rows_actual": "{name} içinde {shape} satır var, actual içinde {n}",
    "error.predictions.line_wrong_number_fields": "satır {line}: alan sayısı yanlış",
    "error.step_summary.cannot_append_step_summary": (
        "adım özetine (step summary) ekleme yapılamıyor: {strerror}"
    ),
    "error.step_summary.hint_github_step_summary_must_name": (
        "GITHUB_STEP_SUMMARY yazılabilir bir dosyayı göstermeli"
    ),
    "error.writer.unknown_report_format": "bilinmeyen rapor biçimi: {unknown}",
    "error.stats.confidence_level_must_between_0": (
        "güven düzeyi 0 ile 1 arasında olmalı; verilen: {level}"
    ),
    "error.stats.bootstrap_needs_one_more_1": (
        "bootstrap için aynı uzunlukta bir ya da daha fazla tek boyutlu (1-D) dizi gerekir"
    ),
    "error.stats.bootstrap_needs_least_one_resample": (
        "bootstrap için en az bir yeniden örnekleme gerekir; verilen: {n_resamples}"
    ),
    "error.stats.block_length_must_least_1": (
        "blok uzunluğu en az 1 olmalı; verilen: {block_length}"
    ),
    "error.stats.unknown_target_operator": "bilinmeyen hedef operatörü: {op}",
    "error.stats.target_must_percentage_got": "hedef bir yüzde olmalı; verilen: {target_percent}",
    "error.stats.chance_deciding_must_between_0": (
        "karar verme olasılığı 0 ile 1 arasında olmalı; verilen: {chance}"
    ),
    "error.stats.power_must_between_0_1": "güç (power) 0 ile 1 arasında olmalı; verilen: {power}",
    "error.targets.target_needs_operator": "hedef {text} bir operatör içermeli",
    "error.targets.hint_e_g_below_accuracy_75": "örneğin below_accuracy>=75",
    "error.targets.unknown_target_metric": "bilinmeyen hedef metriği: {metric}",
    "error.targets.unknown_target_operator": "{metric} için bilinmeyen hedef operatörü: {op}",
    "error.targets.target_must_percentage_got": (
        "{metric} hedefi bir yüzde olmalı; verilen: {value}"
    ),
    "error.targets.target_needs_operator_2": "hedef {metric} = {text} bir operatör içermeli",
    "error.targets.hint_e_g_below_accuracy_75_2": "örneğin below_accuracy = >= 75",
    "error.targets.target_not_number": "hedef {whole}: {strip} bir sayı değil",
    "error.assessment.no_held_out_rounds_analyse": "analiz edilecek test turu yok",
    "error.assessment.held_out_multipliers_must_finite": (
        "test turlarının çarpanları sonlu sayılar olmalı"
    ),
    "error.assessment.held_out_rounds_but_calls": (
        "{size} test turu ama {size2} altı/üstü kararı var"
    ),
    "error.assessment.tests_tried_must_least_1": (
        "denenen test sayısı en az 1 olmalı; verilen: {tests_tried}"
    ),
    "error.assessment.metrics_given_do_not_match": (
        "verilen metrikler kararlarla uyuşmuyor: {rows}, oysa kararlardan {rows2} çıkıyor"
    ),
    "error.baselines.threshold_must_least_1_00": "eşik en az 1.00 olmalı; verilen: {threshold}",
    "error.baselines.logistic_baseline_needs_2_d": (
        "lojistik regresyon kuralı için 2 boyutlu özellik dizileri gerekir (tur × özellik)"
    ),
    "error.baselines.logistic_baseline_held_out_feature": (
        "lojistik regresyon kuralı: {n} test turu için {shape} özellik satırı, {size} eğitim "
        "turu için {shape2} eğitim özellik satırı var"
    ),
    "error.baselines.logistic_baseline_held_out_features": (
        "lojistik regresyon kuralı: test turlarında {shape} özellik var, eğitimde ise {shape2}"
    ),
    "error.betting.cash_out_multiplier_must_above": (
        "cash-out çarpanı 1.00 üzerinde olmalı; verilen: {cashout}"
    ),
    "error.betting.rounds_but_bet_decisions": "{size} tur ama {size2} bahis kararı var",
    "error.calibration.probabilities_must_one_value_per": (
        "olasılıklar tur başına tek bir değer olmalı; verilen dizinin şekli: {shape}"
    ),
    "error.calibration.rounds_but_probabilities": "{n} tur ama {size} olasılık var",
    "error.calibration.probability_round_outside_0_1": (
        "tur {first}: olasılık {p}, [0, 1] aralığının dışında (toplam {sum} böyle değer var)"
    ),
    "error.calibration.calibration_needs_least_one_bin": (
        "kalibrasyon için en az bir kutu gerekir; verilen: {bins}"
    ),
    "error.cutoffs.cut_offs_must_one_more": (
        "kesme noktaları [0, 1] aralığında bir ya da daha fazla sayı olmalı"
    ),
    "error.cutoffs.choosing_cut_off_needs_least": (
        "kesme noktası seçmek için en az bir hedef gerekir"
    ),
    "error.cutoffs.validation_slice_rounds_must_end": (
        "doğrulama dilimi (turlar {val_first}–{val_last}) test turları başlamadan önce bitmeli "
        "(ilk test turu: {held_first})"
    ),
    "error.cutoffs.hint_choose_cut_off_earlier_rounds": (
        "kesme noktasını daha önceki turlarda seçin"
    ),
    "error.cutoffs.validation_slice_rounds_but_probabilities": (
        "doğrulama dilimi: {size} tur ama {size2} olasılık var"
    ),
    "error.martingale.threshold_must_above_1_00": "eşik 1.00 üzerinde olmalı; verilen: {threshold}",
    "error.martingale.house_edge_must_within_0": (
        "kasa payı [0, 1) aralığında olmalı; verilen: {house_edge}"
    ),
    "error.martingale.scores_must_one_value_per": "puanlar tur başına tek bir değer olmalı",
    "error.martingale.outcomes_but_scores": "{size} sonuç ama {size2} puan var",
    "error.martingale.fair_rate_must_within_0": (
        "adil oyun olasılığı (0, 1) aralığında olmalı; verilen: {rate}"
    ),
    "error.null_simulation.must_whole_number_least_0": (
        "{null_simulations_variable} 0 ya da daha büyük bir tam sayı olmalı; verilen: {text}"
    ),
    "error.null_simulation.number_rounds_must_least_0": "tur sayısı en az 0 olmalı; verilen: {n}",
    "error.null_simulation.null_simulations_must_least_1": (
        "--null-simulations en az 1 olmalı; verilen: {simulations}"
    ),
    "error.null_simulation.no_simulated_fair_history_had": (
        "simüle edilen adil geçmişlerin hiçbirinde test turları iki sonucu birden içermiyordu"
    ),
    "error.randomness.randomness_audit_needs_one_multiplier": (
        "rastgelelik denetimi için tur başına bir çarpan gerekir"
    ),
    "error.randomness.randomness_audit_needs_finite_positive": (
        "rastgelelik denetimi için sonlu ve pozitif çarpanlar gerekir"
    ),
    "error.randomness.tail_multipliers_must_above_1": "kuyruk çarpanları 1.00 üzerinde olmalı",
    "error.significance.no_trials_test": "{name}: test edilecek deneme yok",
    "error.significance.outcomes_but_calls": "{size} sonuç ama {size2} altı/üstü kararı var",
    "error.significance.outcomes_but_probabilities": "{size} sonuç ama {size2} olasılık var",
    "error.checks.training_labels_must_0_1": "eğitim etiketleri 0/1 olmalı (1 = eşiğe ulaştı)",
    "error.checks.hint_got_values_such": "{labels} gibi değerler bulundu",
    "error.checks.model_config_cannot_read": "model yapılandırması okunamıyor ({error})",
    "error.checks.model_config_nested_too_deeply": "model yapılandırması çok derin iç içe geçmiş",
    "error.checks.holds_no_model_config_weights": (
        "model yapılandırması içermiyor (yalnızca ağırlıklar mı?)"
    ),
    "error.console_log.log_pattern_expected_name_regex": (
        "--log-pattern {text}: NAME=REGEX bekleniyordu"
    ),
    "error.console_log.hint_e_g_val_below_accuracy": (
        "örneğin val_below_accuracy='Below 1\\.5 acc: ([\\d.]+)%'"
    ),
    "error.console_log.log_pattern_pattern_needs_exactly": (
        "--log-pattern {name}: desende değer için tam olarak bir grup olmalı (şu an "
        "{value_groups} grup var)"
    ),
    "error.console_log.hint_use_groups_not_value": "değer olmayan gruplar için (?:…) kullanın",
    "error.console_log.log_pattern_not_regular_expression": (
        "--log-pattern {name}: geçerli bir düzenli ifade değil ({error})"
    ),
    "error.console_log.training_log_not_found": "eğitim logu bulunamadı",
    "error.console_log.directory_not_console_log": "bir klasör, konsol logu değil",
    "error.console_log.cannot_read_console_log": "konsol logu okunamıyor: {strerror}",
    "error.diagnosis.goal_mode_must_min_max": (
        "hedef modu 'min' ya da 'max' olmalı; verilen: {goal_mode}"
    ),
    "error.diagnosis.goal_metric_no_training_log": (
        "hedef metrik {goal_metric} hiçbir eğitim logunda yok"
    ),
    "error.diagnosis.hint_logged": "loglananlar: {columns}",
    "error.logs.not_directory": "bir klasör değil",
    "error.logs.hint_give_run_s_output_folder": "eğitimin çıktı klasörünü verin",
    "error.logs.no_training_logs_found": "hiç eğitim logu bulunamadı",
    "error.logs.hint_expected_csvlogger_files_stage1_csv": (
        "beklenenler: CSVLogger dosyaları (stage1.csv …), *_history.json, konsol logları (*.log, "
        "*.txt) ya da notebook'lar (*.ipynb); ya da NAME=FILE verin"
    ),
    "error.logs.stage_names_repeat": "aşama adları tekrarlanıyor: {repeated}",
    "error.logs.hint_name_stages_stage_name_file": "aşamaları --stage NAME=FILE ile adlandırın",
    "error.logs.hint_give_run_s_output_folder_2": (
        "eğitimin çıktı klasörünü, bir konsol logunu ya da bir notebook'u verin"
    ),
    "error.logs.training_log_empty": "eğitim logu boş",
    "error.logs.repeated_column_names": "tekrarlanan sütun adları: {duplicates}",
    "error.logs.training_log_header_but_no": "eğitim logunda başlık var ama hiç epoch yok",
    "error.logs.not_keras_history_dump": "bir Keras History dökümü değil",
    "error.logs.hint_expected": 'beklenen: {{"loss": [...], "val_loss": [...], ...}}',
    "error.logs.metric_lists_differ_length": "metrik listelerinin uzunlukları farklı ({described})",
    "error.logs.hint_epochs_cannot_aligned": "epoch'lar hizalanamıyor",
    "error.logs.epoch_list_metric_lists_differ": (
        "'epoch' listesi ile metrik listelerinin uzunlukları farklı"
    ),
    "error.logs.no_training_logs_given": "hiç eğitim logu verilmedi",
    "error.logs.hint_give_least_one_name_file": "en az bir NAME=FILE verin",
    "error.logs.cannot_read_training_log": "eğitim logu okunamıyor: {error}",
    "error.logs.not_readable_csv_log": "okunabilir bir CSV logu değil: {error}",
    "error.logs.line_fields_header": (
        "satır {line}: {row_count} alan var, başlıkta {header_count} alan var"
    ),
    "error.logs.hint_csvlogger_file": "bu bir CSVLogger dosyası mı?",
    "error.logs.not_valid_json_line": "geçerli JSON değil: {msg} (satır {lineno})",
    "error.logs.nested_too_deeply_training_history": (
        "bir eğitim geçmişi olamayacak kadar derin iç içe geçmiş"
    ),
    "error.logs.not_readable_history_json": "okunabilir bir History JSON dosyası değil: {error}",
    "error.logs.holds_integer_digits_too_large": (
        "{key_} içinde {digits} basamaklı bir tam sayı var; float için çok büyük"
    ),
    "error.logs.line_epoch_not_whole_number": "satır {line}: epoch {value} bir tam sayı değil",
    "error.logs.epoch_list_holds_something_other": (
        "'epoch' listesinde tam sayı dışında değerler var"
    ),
    "error.notebook_log.not_jupyter_notebook_no_cells": (
        "bir Jupyter notebook değil ('cells' listesi yok)"
    ),
    "error.notebook_log.nbformat_notebooks_not_read": (
        "nbformat {major} sürümündeki notebook'lar okunmuyor"
    ),
    "error.notebook_log.hint_save_v4": "v4 olarak kaydedin",
    "error.notebook_log.notebook_no_saved_outputs": "notebook'ta kaydedilmiş çıktı yok",
    "error.notebook_log.hint_run_training_cells_save_notebook": (
        "eğitim hücrelerini çalıştırıp notebook'u çıktılarıyla birlikte kaydedin"
    ),
    "error.notebook_log.cell_outputs_not_list": "hücre {number}: 'outputs' bir liste değil",
    "error.notebook_log.notebook_bytes_more_than_tool": (
        "notebook {size} bayt; bu araç bu kadar büyük bir dosyayı okumaz"
    ),
    "error.notebook_log.notebook_not_found": "notebook bulunamadı",
    "error.notebook_log.cannot_read_notebook": "notebook okunamıyor: {strerror}",
    "error.notebook_log.cell_stream_output_s_text": (
        "hücre {number}: bir stream çıktısının metni metin türünde değil"
    ),
    "error.stage_log.training_log_holds_no_epochs": "eğitim logunda hiç epoch yok",
    "error.stage_log.training_log_no_numeric_metric": "eğitim logunda sayısal metrik sütunu yok",
    "error.stage_log.epoch_follows_epoch_epochs_must": (
        "epoch {later}, kendinden önceki epoch {earlier} değerinden büyük değil: epoch'lar artan "
        "sırada olmalı"
    ),
    "error.stage_log.hint_file_may_hold_several_runs": (
        "dosyada birden çok eğitim olabilir (CSVLogger append=True ile mi yazıldı?); dosyayı bölün"
    ),
    "error.inspection.hint_expected_keras_h5_keras_file": (
        "beklenen: bir Keras .h5 / .keras dosyası ya da SavedModel klasörü, bir ONNX modeli, bir "
        "CatBoost .cbm, bir LightGBM model metni ya da bir XGBoost .json/.ubj"
    ),
    "error.inspection.holds_weights_only_no_model": (
        "yalnızca ağırlıkları içeriyor (model_config yok: save_weights ile kaydedilmiş)"
    ),
    "error.inspection.hdf5_file_without_keras_model": (
        "bir HDF5 dosyası, ama içinde Keras modeli yok"
    ),
    "error.keras_env.hint_pip_install_jetx_diag_keras": (
        "pip install 'jetx-diag[keras]' çalıştırın ya da modeli atlamak için --predictions verin"
    ),
    "error.keras_loader.model_contains_layers_run_python": (
        "model, dosyada saklanan Python kodunu çalıştıran katmanlar içeriyor: {code_layers}"
    ),
    "error.keras_loader.model_config_names_classes_outside": (
        "model yapılandırması Keras dışındaki sınıflara başvuruyor; tf_keras modeli yeniden kurmak "
        "için bunları içe aktarırdı: {foreign_modules}"
    ),
    "error.loaded_model.unexpected_model_outputs": "beklenmeyen model çıktıları: {outputs}",
    "error.onnx_model.hint_pip_install_jetx_diag_onnx": "pip install 'jetx-diag[onnx]' çalıştırın",
    "error.safe_pickle.not_pickle_joblib_skops_file": (
        "bir pickle, joblib ya da skops dosyası değil"
    ),
    "error.safe_pickle.html_xml_page_not_scaler": (
        "bir HTML/XML sayfası, scaler değil (büyük olasılıkla başarısız bir indirme)"
    ),
    "error.safe_pickle.git_lfs_pointer_not_scaler": (
        "bir Git LFS işaretçisi, scaler'ın kendisi değil (`git lfs pull` çalıştırın)"
    ),
    "error.safe_pickle.json_file_not_scaler": "bir JSON dosyası, scaler değil",
    "error.safe_pickle.keras_model_hdf5_not_scaler": "bir Keras modeli (HDF5), scaler değil",
    "error.safe_pickle.zip_archive_keras_model_not": (
        "bir zip arşivi (.keras modeli mi?), scaler değil"
    ),
    "error.safe_pickle.savedmodel_directory_not_scaler": "bir SavedModel klasörü, scaler değil",
    "error.safe_pickle.refused_load_skops_file_needs": (
        "skops dosyasının yüklenmesi reddedildi: izin listesinin dışında kalan, güvenilmeyen "
        "türler gerektiriyor: {refused}"
    ),
    "error.safe_pickle.stream_truncated_bytes": "{kind} akışı yarıda kesilmiş ({data_count} bayt)",
    "error.safe_pickle.stream_cannot_read": "{kind} akışı okunamıyor ({name__}: {reason})",
    "error.savedmodel.savedmodel_names_asset_files_outside": (
        "SavedModel kendi klasörünün dışındaki asset dosyalarına başvuruyor: {assets}"
    ),
    "error.config.hint_known_keys": "bilinen anahtarlar: {keys}",
    "error.model_inputs.feature_counts_disagree_scaler": (
        "özellik sayıları uyuşmuyor: özellik çıkarıcı {extractor}, model girdisi {model}, scaler "
        "{scaler}"
    ),
    "error.model_inputs.feature_counts_disagree": (
        "özellik sayıları uyuşmuyor: özellik çıkarıcı {extractor}, model girdisi {model}"
    ),
    "error.model_inputs.no_array_for_inputs": (
        "{count:plural:model girdisi:model girdisi} için dizi yok: {missing}"
    ),
    "error.model_inputs.hint_arrays_file": "dosyadaki diziler: {arrays}",
    "error.model_inputs.row_counts_disagree_held_out": (
        "satır sayıları uyuşmuyor: {value}, test turları {rounds}"
    ),
    "error.model_inputs.row_counts_disagree": "satır sayıları uyuşmuyor: {value}",
    "error.model_inputs.scaler_fitted_features_extractor_does": (
        "scaler, özellik çıkarıcının üretmediği özelliklerle fit edilmiş: {missing}"
    ),
    "error.predictions.needs_columns_actual_p_above": (
        "'actual' ve 'p_above' (ya da 'regression') sütunları gerekli; bulunanlar: {fields}"
    ),
    "error.console_log.no_complete_epoch": "tamamlanmış epoch yok: {stopped}",
    "error.console_log.every_epoch_cut_short": "her epoch yarıda kesilmiş",
    "error.console_log.no_keras_training_epochs_found": "Keras eğitim epoch'u bulunamadı",
    "error.console_log.hint_expected_output_model_fit_verbose": (
        "model.fit(verbose=1) çıktısı bekleniyordu: 'Epoch 1/N' ve ilerleme satırları"
    ),
    "error.inspection.hint_trust_code": (
        "--trust-code seçeneğini yalnızca dosyayı hazırlayan kişiye güveniyorsanız verin"
    ),
    "error.feature_cache.importing_for_features": "--features için içe aktarılan {module} modülü",
    "error.feature_cache.features_option": "--features {spec}",
    "error.feature_workers.feature_extractor_on_round": (
        "{name} adlı özellik çıkarıcı (tur indeksi {index})"
    ),
    "error.feature_workers.features_differ_in_count": (
        "{name} adlı özellik çıkarıcı, tur indeksi {index} için sayısı farklı özellikler döndürdü "
        "(şimdi {now}, önceden {before})"
    ),
    "error.feature_workers.features_differ_in_order": (
        "{name} adlı özellik çıkarıcı, tur indeksi {index} için önceki turlardakinden farklı "
        "sırada özellikler döndürdü (aynı {count} anahtar, yeri değişen ilk anahtar: {moved}); "
        "özellikler turdan tura değişmemeli"
    ),
    "error.feature_workers.worker_stopped": (
        "özellik çıkarıcı {name}, çalıştığı işçi süreci durdurdu: {detail}"
    ),
    "error.feature_workers.features_now_before": "şimdi {now} özellik, önceden {before}",
    "error.feature_workers.features_missing": "eksik: {names}",
    "error.feature_workers.features_new": "yeni: {names}",
    "error.feature_workers.features_differ": (
        "{name} adlı özellik çıkarıcı, tur indeksi {index} için önceki turlardakinden farklı "
        "özellikler döndürdü ({changes}); özellikler turdan tura değişmemeli"
    ),
    "error.metadata.expected_got": "{key}: {expected} bekleniyordu, {got} bulundu",
    "error.metadata.number_too_large": "{key}: sayı float için çok büyük",
    "error.metadata.expected_whole_number": "{key}: bir tam sayı bekleniyordu, {value} bulundu",
    "error.metadata.a_boolean": "bir mantıksal değer (true/false)",
    "error.metadata.a_number": "bir sayı",
    "error.metadata.a_whole_number": "bir tam sayı",
    "error.metadata.a_string": "bir metin ({value})",
    "error.metadata.a_list": "bir liste",
    "error.metadata.an_object": "bir nesne",
    "error.metadata.an_object_or_list": "bir nesne ya da liste",
    "error.metadata.a_callback": "bir callback adı ya da nesnesi",
    "error.messages.unknown_language": "bilinmeyen rapor dili: {lang}",
    "error.inspection.external_link": "{where}, başka bir dosyaya dış bağlantı (hedefi: {target})",
    "error.inspection.soft_link": "{where}, bir yumuşak bağlantı (hedefi: {target})",
    "error.inspection.external_storage": (
        "{where} veri kümesi {count:plural:dış dosyada:dış dosyada} saklanıyor: {files}"
    ),
    "error.inspection.virtual_dataset": "{where} veri kümesi sanal bir veri kümesi",
    "error.inspection.directory_without_saved_model": "saved_model.pb içermeyen bir klasör",
    "error.inspection.unknown_type": "türü bilinmeyen bir dosya",
    "error.custom_objects.keras_looked": (
        "Keras kendi yerleşik nesnelerine, register_keras_serializable ile kaydedilmiş sınıflara "
        "ve {option} ile verilenlere ({modules}) baktı"
    ),
    "error.custom_objects.keras_looked_none_given": (
        "Keras kendi yerleşik nesnelerine ve register_keras_serializable ile kaydedilmiş sınıflara "
        "baktı; {option} verilmedi"
    ),
    "error.savedmodel.ops_listed": "{ops} (ilk geçtiği yer: {first})",
    "error.savedmodel.ops_and_more": "{ops} ve {more} tane daha (ilk geçtiği yer: {first})",
    "error.common.hint_one_of": "şunlardan biri: {choices}",
}
