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
        "Kullanılan test: modelin kendi hattı (özellik çıkarıcı, ölçekleyici, model) aynı "
        "uzunlukta simüle adil geçmişlerde ({edge} kasa payı) çalıştırıldı; AUC orada ortalama "
        "{null_mean} çıktı ve gözlenen AUC bunların arasında sıralandı. Önceki turlara bakan bir "
        "model için geçerlidir; yeter ki gerçek turlar bu adil yasaya uysun. {planned} geçmişin "
        "{simulations} tanesinden sonra durduruldu: gözlenen AUC'ye hem üstten hem alttan "
        "yeterince geçmiş ulaşmıştı, kalanlar iki karardan hiçbirini değiştiremezdi "
        "(Besag–Clifford ardışık testi; p değeri kesindir)."
    ),
    "chance.limits_simulated_null": (
        "Kullanılan test: modelin kendi hattı (özellik çıkarıcı, ölçekleyici, model) aynı "
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
}
