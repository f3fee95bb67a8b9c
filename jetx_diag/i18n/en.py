"""English messages: the catalog every other language mirrors key for key.

One dict in one file on purpose: a catalog is data, grouped by key prefix, and keeping it
whole lets a reviewer read a language end to end and a test compare the two key by key.
"""

EN: dict[str, str] = {
    # ---------------------------------------------------------------- header
    "title": "📊 Model evaluation report — {label}",
    "header.checkpoint": "Checkpoint",
    "header.predictions": "Predictions",
    "header.scaler": "Scaler",
    "header.metadata": "Metadata",
    "header.data": "Data",
    "header.rounds": "Rounds",
    "header.rounds_value": (
        "{read:plural:row:rows} read, {used} usable, {evaluated:plural:held-out round:held-out "
        "rounds} evaluated"
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
    "targets.col_decision": "Decision (each target's own interval)",
    "targets.off_below": "{factor}x below target",
    "targets.off_above": "{factor}x above the limit",
    "targets.off_none_reached": "none reached",
    "targets.off_zero_limit": "above a 0% limit",
    "targets.one_sided": "met, but one-sided",
    "targets.not_available": "the model has no such output",
    "targets.decision_met": "met by its whole interval",
    "targets.decision_missed": "missed by its whole interval",
    "targets.decision_undecided": "undecided",
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
        "Money-loss risk ({risk}) asks: of the {below:plural:round:rounds} that crashed below "
        "{threshold}, "
        "how many did the model bet on? The share of bets lost ({bets_lost}) asks: of the "
        "{bets:plural:bet:bets} placed, how many lost? The same {lost:plural:losing round:losing "
        "rounds}, counted against "
        "different totals."
    ),
    # ---------------------------------------------------------------- analysis
    "analysis.heading": "🔍 Analysis",
    "analysis.found_below": (
        "Of the {below:plural:round:rounds} that ended below {threshold}, the model found "
        "{found}: {rate}."
    ),
    "analysis.lost": (
        "{lost:plural:round:rounds} below {threshold} were called 'above' → money lost."
    ),
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
    "analysis.regression": (
        "Regression head, in multiplier units over {count:plural:round:rounds}: MAE {mae}, RMSE "
        "{rmse}, "
        "median absolute error {median} (rare large multipliers dominate MAE and RMSE)."
    ),
    # ---------------------------------------------------------------- data quality
    "data.heading": "🧹 Data quality",
    "data.accounting": "{read:plural:row:rows} read = {used} used + {rejected} rejected.",
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
    # ---------------------------------------------------------------- training run
    "training.heading": "🏋️ Training run",
    "training.logs": "Logs",
    "training.metadata": "Run metadata",
    "training.goal": "Goal metric",
    "training.goal_worst": (
        "{goal}: the lower of below-{threshold} and above-{threshold} accuracy, so a model "
        "that calls one class only scores 0%"
    ),
    "training.goal_plain": "{goal} ({mode})",
    "training.goal_none": "none: the logs hold no validation accuracy or loss",
    "training.mode.max": "higher is better",
    "training.mode.min": "lower is better",
    "training.shares_note": (
        "Per-epoch shares are as the logs hold them: fractions of the validation rounds, "
        "without counts (Keras logs none)."
    ),
    "training.not_logged": "not logged",
    "training.this_checkpoint": (
        "This checkpoint ({label}) is what {stage} kept at epoch {epoch}, chosen by {monitor}. "
        "{goal} at that epoch: {value}; its best was {best} at epoch {best_epoch}."
    ),
    "training.this_checkpoint_flat": (
        "This checkpoint ({label}) is what {stage} kept at epoch {epoch}, chosen by {monitor}; "
        "{goal} at that epoch: {value}."
    ),
    "training.this_checkpoint_epoch_unknown": (
        "This checkpoint ({label}) was saved by {stage}; the logs do not show which epoch it holds."
    ),
    "training.stages_heading": "Stages",
    "training.stage_line": (
        "{stage}: best epoch {best_epoch} ({goal} {best}), stopped at {stop}, {past}."
    ),
    "training.past": "{count:plural:epoch:epochs} past the peak",
    "training.past_one": "{count} epoch past the peak",
    "training.stage_line_at_end": (
        "{stage}: best epoch {best_epoch} ({goal} {best}) is the last one: stopped at {stop} "
        "while still improving."
    ),
    "training.stage_line_no_peak": (
        "{stage}: {epochs:plural:epoch:epochs} logged, stopped at {stop}; {goal} never changed, "
        "so there "
        "is no best epoch."
    ),
    "training.stage_line_no_goal": (
        "{stage}: {epochs:plural:epoch:epochs} logged, stopped at {stop}; no goal metric logged."
    ),
    "training.stage_patience": (
        "EarlyStopping on {goal} with patience {patience} would have kept epoch {best_epoch} "
        "and stopped at epoch {stop}."
    ),
    "training.stage_checkpoint": (
        "Checkpoint chosen by {monitor} ({source}): epoch {epoch}, where {goal} was {value}."
    ),
    "training.stage_checkpoint_not_logged": (
        "Checkpoint chosen by {monitor} ({source}), which the log does not hold."
    ),
    "training.stage_checkpoint_unknown": "Which metric chose the checkpoint is not recorded.",
    "training.stage_early_stopping": "EarlyStopping ran on {monitor} with patience {patience}.",
    "training.source.option": "given",
    "training.source.metadata": "recorded",
    "training.source.unknown": "not recorded",
    "training.findings_heading": "Findings",
    "training.no_findings": "Nothing to report.",
    "training.severity.critical": "🔴",
    "training.severity.warning": "⚠️",
    "training.severity.info": "ℹ️",
    "training.progress_heading": "Training progress",
    "training.progress_intro": (
        "Key epochs of each stage on the validation rounds: the first, every change of status "
        "(a–b: the status held through epoch b), the best, the kept checkpoint and the last."
    ),
    "training.progress_omitted": "{stage}: {count} more changes of status not shown.",
    "training.col_stage": "Stage",
    "training.col_epoch": "Epoch",
    "training.col_below": "Below {threshold}",
    "training.col_above": "Above {threshold}",
    "training.col_risk": "Money-loss risk",
    "training.col_goal": "Goal",
    "training.col_status": "Status",
    "training.col_marks": "Marked",
    "training.weights_heading": "Class balance and weights",
    "training.balance": (
        "Training rounds: {below} below {threshold} ({share}) and {above} above; imbalance "
        "1:{ratio}. Balanced class weights: {w_below} (below), {w_above} (above)."
    ),
    "training.balance_unknown": (
        "The class counts of the training rounds are unknown (record class_counts in the run "
        "metadata, or give --class-counts), so class weights cannot be checked."
    ),
    "training.weights_none": "The run recorded no class weights.",
    "training.weights_rule": (
        "Flagged when the weights favour one class more than {limit}x past balanced weights, "
        "either way."
    ),
    "training.w_col_where": "Stage",
    "training.w_col_below": "Weight below {threshold}",
    "training.w_col_above": "Weight above {threshold}",
    "training.w_col_ratio": "Ratio (below/above)",
    "training.w_col_balanced": "Balanced ratio",
    "training.w_col_factor": "Against balanced",
    "training.w_col_flag": "Flag",
    "training.weight_assumed": "{value} (assumed, as Keras does)",
    "training.weight_over": "below over-weighted {factor}x",
    "training.weight_under": "below under-weighted {factor}x",
    "training.all_stages": "all stages",
    "training.files_heading": "Run files",
    "training.files_folder": "Folder",
    "training.files_expected": "Expected ({source})",
    "training.files_source.metadata": "the run metadata's list",
    "training.files_source.default": (
        "the document's run: final model, scaler, metadata, stageN_best.h5"
    ),
    "training.files_source.option": "given with --expected-file",
    "training.files_missing": "Missing",
    "training.files_none_missing": "none, all present",
    "training.notes_heading": "Notes from the logs",
    "training.curves_caption": (
        "Learning curves, {stage}: loss and {goal}, with the best and stop epochs marked"
    ),
    "plots.curves_title": "{stage}: {what}",
    "plots.curves_loss": "loss",
    "plots.curves_epoch": "epoch",
    "plots.curves_train": "train",
    "plots.curves_validation": "validation",
    "plots.curves_best": "best epoch {epoch}",
    "plots.curves_stop": "stopped at epoch {epoch}",
    "plots.curves_checkpoint": "kept checkpoint ({monitor}): epoch {epoch}",
    "plots.curves_collapsed": "only one class called",
    "plots.curves_below_accuracy": "validation below-accuracy",
    "plots.curves_not_logged": "not logged",
    "history.title": "🏋️ Training run report — {run}",
    "history.run_dir": "Run folder",
    "history.more_findings": "{count} more findings (for information) in the report.",
    # ---------------------------------------------------------------- training findings
    # One sentence per finding code; fields are the finding's numbers plus ``stage``.
    "training.finding.no_class_accuracy_logged": (
        "{stage}: the log has no per-epoch below/above accuracy, so the epochs where the model "
        "lost the 'below' class cannot be seen. Log val_below_accuracy and val_above_accuracy."
    ),
    "training.finding.too_few_epochs": (
        "{stage}: only {epochs_logged} epoch logged; no trend can be read from it."
    ),
    "training.finding.values_not_finite": (
        "{stage}: {column} is NaN or infinite in {count:plural:epoch:epochs}, first at epoch "
        "{first_epoch} "
        "({spans}); training diverged there."
    ),
    "training.finding.stopped_past_peak": (
        "{stage}: {goal_metric} peaked at epoch {best_epoch} ({best_value:.1%}) but training ran "
        "to epoch {stop_epoch}: {epochs_past_peak:plural:epoch:epochs} past the peak (ending at "
        "{final_value:.1%}). In hindsight, EarlyStopping on {goal_metric} with patience "
        "{patience_needed} would have kept epoch {best_epoch} and stopped at epoch "
        "{stop_with_needed}."
    ),
    "training.finding.peak_at_end": (
        "{stage}: {goal_metric} was still at its best in the last epoch ({stop_epoch}, "
        "{best_value:.1%}); the stage may have stopped too early."
    ),
    "training.finding.collapse": (
        "{stage}: the model called only one class in {collapse_count} of {checked_epochs} logged "
        "epochs ({all_above} only 'above', {all_below} only 'below'), first at epoch "
        "{first_collapse_epoch} (epochs {spans})."
    ),
    "training.finding.oscillation": (
        "{stage}: below-accuracy swung between 0% and 100% {switches} times between epochs "
        "{first_switch_epoch} and {last_switch_epoch} (largest change between two logged epochs: "
        "{largest_swing:.1%})."
    ),
    "training.finding.best_epoch_collapsed": (
        "{stage}: the best epoch by {goal_metric} (epoch {best_epoch}, {best_value:.1%}) is one "
        "where the model called only one class ({status}); {goal_metric} rewards that. Judge "
        "epochs by below- and above-accuracy together."
    ),
    "training.finding.monitor_not_goal": (
        "{stage}: the checkpoint was chosen by {monitor}, not by {goal_metric}. At the kept epoch "
        "{checkpoint_epoch}, {goal_metric} was {goal_at_checkpoint:.1%} ({checkpoint_status}); "
        "its best was {best_value:.1%} at epoch {best_epoch}."
    ),
    "training.finding.checkpoint_goal_not_logged": (
        "{stage}: the checkpoint was chosen by {monitor} at epoch {checkpoint_epoch}; "
        "{goal_metric} was not logged at that epoch, so how good the kept model is on the goal is "
        "unknown (its best logged value was {best_value:.1%} at epoch {best_epoch})."
    ),
    "training.finding.monitor_not_logged": (
        "{stage}: the monitored metric {monitor} is not in the log; the kept epoch cannot be found."
    ),
    "training.finding.monitor_unknown": (
        "{stage}: which metric chose the checkpoint is not recorded; give it (--monitor) to check "
        "it against {goal_metric}."
    ),
    "training.finding.early_stopping_consistent": (
        "{stage}: the log matches EarlyStopping(monitor={monitor}, patience={patience}): best "
        "{monitor} at epoch {replay_best_epoch}, stop at epoch {stop_epoch}."
    ),
    "training.finding.early_stopping_never_fired": (
        "{stage}: EarlyStopping(monitor={monitor}, patience={patience}) never fired in the "
        "{epochs_logged} logged epochs (best {monitor} at epoch {replay_best_epoch}); the stage "
        "ran to its epoch limit."
    ),
    "training.finding.goal_flat": (
        "{stage}: {goal_metric} stayed at {value:.1%} in all {epochs_logged} logged epochs: "
        "nothing was learned on the goal."
    ),
    "training.finding.early_stopping_inconsistent": (
        "{stage}: EarlyStopping(monitor={monitor}, patience={patience}) replayed over the log "
        "stops at {replay_stop}, but the log ends at epoch {stop_epoch}: the recorded settings or "
        "the log are not what ran."
    ),
    "training.finding.epochs_disagree": (
        "{stage}: the metadata records {recorded_epochs:plural:epoch:epochs}, the log holds "
        "{logged_epochs}."
    ),
    "training.finding.class_balance": (
        "Training rounds: {below_count} below ({below_share:.1%}) and {above_count} above; "
        "imbalance 1:{imbalance_ratio:.2f}. Balanced class weights: {balanced_below_weight:.2f} "
        "(below), {balanced_above_weight:.2f} (above)."
    ),
    "training.finding.class_weight_excessive": (
        "{where}: class weights {below_weight:.2f}x (below) and {above_weight:.2f}x (above) make "
        "one below round count {weight_ratio:.1f} times an above round; for this split "
        "({below_share:.1%} below, imbalance 1:{imbalance_ratio:.2f}) balanced weights make it "
        "{balanced_ratio:.2f} times. The below class is over-weighted {overweight:.1f}x."
    ),
    "training.finding.class_weight_too_low": (
        "{where}: class weights {below_weight:.2f}x (below) and {above_weight:.2f}x (above) make "
        "one below round count {weight_ratio:.2f} times an above round; for this split "
        "({below_share:.1%} below, imbalance 1:{imbalance_ratio:.2f}) balanced weights make it "
        "{balanced_ratio:.2f} times. The below class is under-weighted {underweight:.1f}x, which "
        "pushes the model towards calling every round 'above'."
    ),
    "training.finding.class_weights_unchecked": (
        "{where}: class weights {below_weight:.2f}x (below) and {above_weight:.2f}x (above) "
        "cannot be checked: the class counts of the training rounds are unknown."
    ),
    "training.finding.class_missing_in_training": (
        "The training rounds hold no {missing_class} rounds ({total:plural:round:rounds}); the "
        "model cannot "
        "learn to call that class."
    ),
    "training.finding.missing_artifacts": (
        "{missing_count} of {expected_count} files the run should have left are missing from "
        "{run_dir}: {missing_list}."
    ),
    "training.finding.scaler_width_mismatch": (
        "The scaler expects {scaler_width} features but the model's feature input takes "
        "{model_width}: they do not belong together."
    ),
    "training.finding.checkpoint_scaler_mismatch": (
        "{checkpoint} takes {model_width} features but {scaler} scales {scaler_width}: they do "
        "not belong together."
    ),
    "training.finding.recorded_metric_differs": (
        "The metadata records {metric} = {recorded:.2%}, measured here {measured:.2%} (difference "
        "{difference:+.2%})."
    ),
    # Epoch status in the progress table (and in findings that name one).
    "training.status.all_above": "only 'above' calls (collapsed)",
    "training.status.all_below": "only 'below' calls (collapsed)",
    "training.status.lopsided_above": "lopsided towards 'above'",
    "training.status.lopsided_below": "lopsided towards 'below'",
    "training.status.balanced": "both classes called",
    "training.status.not_logged": "not logged",
    "training.status.oscillating": "swinging from one side to the other every epoch",
    # Marks on a progress-table row.
    "training.mark.best": "best",
    "training.mark.first": "first epoch",
    "training.mark.final": "stopped here",
    "training.mark.checkpoint": "checkpoint kept",
    # Words a diagnosis puts into a finding's numbers, spelled out.
    "training.word.all_stages": "all stages",
    "training.word.no_epoch": "no epoch",
    "training.word.none": "none",
    "training.word.below": "below",
    "training.word.above": "above",
    # ---------------------------------------------------------------- terminal, junit
    "terminal.title": "Targets — {label}",
    "demo.run_files": "Demo run files: {folder}",
    "demo.comparison": "Comparison: {md}  {html}",
    "demo.report": "Report: {md}  {html}",
    "terminal.rows": "Rows: {read} read = {used} used + {rejected} rejected",
    "terminal.rejected_title": "Rejected rows",
    "terminal.written": "Written:",
    "junit.failure": "{metric}: {result} misses target {target} ({off})",
    "junit.skipped": "{metric}: n/a ({why})",
    # ---------------------------------------------------------------- compare
    "compare.title": "🏁 Checkpoint comparison — {count} checkpoints",
    "compare.checkpoints": "Checkpoints compared",
    "compare.rounds_value": "the same {evaluated} held-out rounds for every checkpoint",
    "compare.rounds_differ": "not the same for every checkpoint (see the note below)",
    "compare.targets": "Targets",
    "compare.note_rounds_differ": (
        "The checkpoints were not evaluated on the same rounds (different histories, windows "
        "or splits): their rates are not directly comparable, and the pairwise tests use only "
        "the rounds they share."
    ),
    "compare.note_from_json": "Read from saved evaluations (no model reloaded): {labels}.",
    "compare.best_heading": "🏆 Best checkpoint",
    "compare.best": "Best: {label}",
    "compare.rule": "Ranked by: {rule}.",
    "compare.rule_not_collapsed": "not collapsed onto one class",
    "compare.rule_targets_met": "most targets met",
    "compare.rule_below_accuracy": "highest below-{threshold} accuracy",
    "compare.rule_above_accuracy": "highest above-{threshold} accuracy",
    "compare.rule_money_loss_risk": "lowest money-loss risk",
    "compare.rule_threshold_accuracy": "highest threshold accuracy",
    "compare.rule_classification_accuracy": "highest classification accuracy",
    "compare.rule_bets_lost_share": "lowest share of bets lost",
    "compare.value_collapsed": "collapsed",
    "compare.value_not_collapsed": "not collapsed",
    "compare.value_targets": "{met} of {applicable}",
    "compare.decided_by": "Ahead of {other} on '{criterion}': {best_value} against {other_value}.",
    "compare.decided_order": (
        "{best} and {other} tie on every criterion; the order they were given decided."
    ),
    "compare.collapsed": (
        "{label} calls '{cls}' on {share} of the held-out rounds: it has collapsed onto one "
        "class and is ranked after every checkpoint that has not."
    ),
    "compare.indistinguishable": (
        "McNemar's test cannot tell {best} apart from {others} on these rounds: the choice "
        "between them is not backed by the data."
    ),
    "compare.all_collapsed": "Every checkpoint has collapsed onto one class: none is usable.",
    "compare.worse_than": (
        "{others} called significantly more rounds right than {best}: {best} comes first only "
        "by the ranking rule above."
    ),
    "compare.worse_than_collapsed": (
        "{others} called significantly more rounds right than {best}, by calling one class on "
        "nearly every round (the base rate, not skill): that is why they rank after it."
    ),
    "compare.source_checkpoint": "checkpoint",
    "compare.source_json": "saved JSON",
    "compare.collapsed_marker": "⚠️",
    "compare.ranking_heading": "📋 Ranking",
    "compare.col_rank": "#",
    "compare.col_checkpoint": "Checkpoint",
    "compare.col_targets": "Targets met",
    "compare.col_source": "Read from",
    "compare.ranking_legend": (
        "Rates with their counts; ✅/❌ where the metric has a target; ⚠️ marks a checkpoint "
        "collapsed onto one class. Each name links to that checkpoint's own report."
    ),
    "compare.pairs_heading": "⚖️ Best against each other checkpoint (McNemar)",
    "compare.pairs_intro": (
        "On the rounds both evaluated: how often only {best} was right, how often only the "
        "other one was. p-values are Holm-corrected for the {count} comparisons (α = {alpha}); "
        "the best was chosen on the same rounds, so a difference here is optimistic."
    ),
    "compare.col_other": "Against",
    "compare.col_shared": "Shared rounds",
    "compare.col_best_only": "Only {best} right",
    "compare.col_other_only": "Only the other right",
    "compare.col_p": "p (Holm)",
    "compare.col_outcome": "Outcome",
    "compare.pair_better": "{best} is significantly better than {other}",
    "compare.pair_worse": "{best} is significantly worse than {other} on these calls",
    "compare.pair_indistinguishable": "indistinguishable: no evidence that they differ",
    "compare.pair_no_rounds": "no round in common: not tested",
    "compare.plot_classes_title": "Accuracy per class (below / above {threshold})",
    "compare.plot_classes_axis": "accuracy (%)",
    "compare.plot_not_available": "n/a",
    "compare.plot_target": "target: {metric} {target}",
    "compare.plot_roc_title": "ROC curves of p_above (rounds ending above {threshold})",
    "compare.plot_roc_x": "false-positive rate (below rounds called 'above')",
    "compare.plot_roc_y": "true-positive rate (above rounds called 'above')",
    "compare.plot_roc_chance": "chance",
    "compare.plot_roc_legend": "{label} (AUC {auc})",
    "compare.terminal_best": "Best: {label}. {rule}",
    "summary.truncated": (
        "Summary truncated to stay under GitHub's {limit}-character limit; the full report is "
        "in the job's output files."
    ),
    # ---------------------------------------------------------------- baseline ratchet
    "baseline.heading": "📐 Against the baseline",
    "baseline.intro": (
        "{current} against {baseline} from {source}: a metric fails when it got worse by more "
        "than {tolerance} percentage points (as the report rounds it)."
    ),
    "baseline.headline_passed": "No metric got worse by more than {tolerance} points.",
    "baseline.headline_worse": (
        "{count:plural:metric:metrics} got worse than the baseline by more than {tolerance} points."
    ),
    "baseline.col_metric": "Metric",
    "baseline.col_baseline": "Baseline",
    "baseline.col_current": "Now",
    "baseline.col_change": "Change",
    "baseline.col_status": "Status",
    "baseline.points": "{points} pts",
    "baseline.status_better": "better",
    "baseline.status_same": "unchanged",
    "baseline.status_within_tolerance": "worse, within the tolerance",
    "baseline.status_worse": "❌ worse than the baseline",
    "baseline.status_missing": "❌ no longer measured (the output is gone)",
    "baseline.status_not_comparable": "not compared (no value on one side or both)",
    "baseline.other_rounds": (
        "The baseline was measured on other rounds ({baseline} held-out rounds, now "
        "{current}): part of any change may come from the rounds, not the model."
    ),
    # ---------------------------------------------------------------- skill
    "skill.beats_chance_and_baselines": (
        "The model does better than chance ({test}: {p}, below {alpha}) and better than the best "
        "simple rule."
    ),
    "skill.beats_chance_not_baselines": (
        "The model knows something ({test}: {p}, below {alpha}), but its calls are not shown to be "
        "better than a simple rule."
    ),
    "skill.no_evidence": "No evidence that this model beats chance ({test}: {p}).",
    "skill.worse_than_chance": (
        "The model does worse than chance: the rounds it scores higher reach {threshold}x less "
        'often ({test}: {p} for "worse", below the {worse_alpha} this claim needs).'
    ),
    "skill.not_enough_data": (
        "The held-out rounds lack one of the two outcomes: skill cannot be tested."
    ),
    "skill.tests_tried": (
        "{tests_tried} checkpoints or cut-offs were tried on these rounds; p-values are corrected "
        "for that (Holm)."
    ),
    "versus.better": (
        "Better than {baseline}: threshold accuracy {model_rate} vs {baseline_rate} (McNemar {p})."
    ),
    "versus.worse": (
        "Worse than {baseline}: threshold accuracy {model_rate} vs {baseline_rate} (McNemar {p})."
    ),
    "versus.indistinguishable": (
        "Not shown to be better than {baseline}: threshold accuracy {model_rate} vs "
        "{baseline_rate} (McNemar {p})."
    ),
    "money.makes_money": (
        'Betting on its "above" calls at {cashout}x made money: bets won {win_rate}, above the '
        "{break_even} needed to break even; net {net} units."
    ),
    "money.loses_money": (
        'Betting on its "above" calls at {cashout}x loses money: bets won {win_rate}, below the '
        "{break_even} needed to break even; net {net} units."
    ),
    "money.undecided": (
        'Betting on its "above" calls at {cashout}x: bets won {win_rate} against the '
        "{break_even} needed to break even, too few bets to tell; net {net} units."
    ),
    "money.no_bets": 'The model never called "above": it placed no bets.',
    "randomness.independent": (
        "These rounds are consistent with independent draws (runs test {runs_p}; Ljung–Box {lb_p} "
        "at lag {lag})."
    ),
    "randomness.not_independent": (
        "These rounds are not consistent with independent draws (runs test {runs_p}; Ljung–Box "
        "{lb_p} at lag {lag}; largest autocorrelation {acf} at lag {acf_lag})."
    ),
    "randomness.not_enough_data": "Too few rounds (or only one outcome) to audit their randomness.",
    "law.fits_fair_law": (
        "P(X ≥ m) matches a fair game with a {reference_edge} house edge (chi-square {p}); "
        "estimated edge {edge} [{edge_low}, {edge_high}]."
    ),
    "law.departs_from_fair_law": (
        "P(X ≥ m) departs from a fair game with a {reference_edge} house edge (chi-square {p}); "
        "estimated edge {edge} [{edge_low}, {edge_high}]."
    ),
    "cutoff.chosen": (
        "Cut-off {cutoff} was chosen on {validation_rounds} validation rounds before the held-out "
        "rounds and is reported on the held-out rounds unchanged."
    ),
    "cutoff.none_meets_targets": (
        "No cut-off meets the targets on the {validation_rounds} validation rounds before the "
        "held-out rounds."
    ),
    "cutoff.no_validation": (
        "No cut-off was chosen: that needs a validation slice before the held-out rounds."
    ),
    "baseline.always_above": 'always saying "above"',
    "baseline.always_below": 'always saying "below"',
    "baseline.weighted_coin": "a coin weighted by the base rate",
    "baseline.same_as_last": "repeating the last round",
    "baseline.logistic": "a logistic regression on the features",
    "baseline.model": "the model",
    "skill_verdict.heading": "⚖️ Better than chance?",
    "skill_baselines.heading": "📏 The model beside simple rules (same held-out rounds)",
    "skill_baselines.intro": (
        "Every rate with its {level}% Wilson interval. A simple rule needs no model: the model is "
        "worth something only where it beats the best of them."
    ),
    "skill_baselines.col_metric": "Metric",
    "skill_baselines.col_model": "Model",
    "skill_baselines.col_best": "Best simple rule",
    "skill_baselines.col_rule_result": "The rule's result",
    "skill_baselines.col_ahead": "Model better?",
    "skill_baselines.ahead_yes": "yes (point estimate)",
    "skill_baselines.ahead_no": "no",
    "skill_baselines.ahead_unknown": "—",
    "skill_baselines.other": "Other rates of the model:",
    "skill_baselines.all_heading": "Every rule on the held-out rounds",
    "skill_baselines.col_rule": "Rule",
    "skill_baselines.base_rate_training": (
        'The weighted coin says "above" with probability {p}: the share of the training rounds '
        "before the held-out ones that reached {threshold}, {rate}."
    ),
    "skill_baselines.base_rate_fair": (
        'The weighted coin says "above" with probability {p}, the fair-game probability (1 − '
        "{edge})/{threshold}: no rounds before the held-out ones were given, so there is no "
        "training base rate. The held-out rounds' own share ({held}) is not used: a rule must not "
        "know the rounds it is graded on."
    ),
    "skill_baselines.first_call_previous": (
        '"Repeating the last round" makes its first call from the last round before the '
        "held-out ones."
    ),
    "skill_baselines.first_call_default": (
        '"Repeating the last round" starts with "above": no earlier round was given.'
    ),
    "skill_baselines.logistic_fit": (
        "The logistic regression learnt from the model's own features on the {rounds} rounds just "
        "before the held-out ones."
    ),
    "skill_baselines.skipped": "Not run: {rule} ({reason}).",
    "skip.no_features": (
        "the model has no feature input, or no rounds before the held-out ones were given"
    ),
    "skip.not_finite": "the features hold NaN or infinite values",
    "skip.one_class": "the training rounds hold only one outcome",
    "skill.ci": "{rate}, {level}% CI {low}–{high}%",
    "skill.ci_number": "{value} ({level}% CI {low} to {high})",
    "significance.heading": "🧪 Is the difference real? Significance tests",
    "significance.primary_note": (
        'The verdict rests on one primary test ({test}): "better than chance" when its one-sided p '
        'is below {alpha}, "worse than chance" only when the other one-sided p is below '
        "{worse_alpha}. The other tests are shown beside it and do not move the verdict; the "
        "permutation test and Fisher's test assume the outputs are unrelated to earlier rounds, "
        "which a model reading the last rounds is not."
    ),
    "significance.col_test": "Test",
    "significance.col_result": "Result",
    "significance.col_p": "p",
    "significance.col_adjusted": "p after {tries} tries (Holm)",
    "significance.col_outcome": "Conclusion",
    "significance.test_fisher": (
        "Fisher's exact test (for reference: assumes calls unrelated to earlier rounds)"
    ),
    "significance.test_mcnemar": "McNemar vs {rule}",
    "significance.test_win_base": "Bet win rate vs the base rate",
    "significance.test_win_break_even": "Bet win rate vs break-even",
    "significance.test_kappa": "Cohen's kappa",
    "significance.test_mcc": "Matthews correlation",
    "significance.auc_value": "AUC {value}; {permutations:plural:permutation:permutations}",
    "significance.fisher_value": (
        '"above" called on {on_above} of the rounds above {threshold} and {on_below} of those below'
    ),
    "significance.mcnemar_value": (
        "only the model right on {model:plural:round:rounds}, only the rule on {rule} ({method})"
    ),
    "significance.mcnemar_exact": "exact binomial",
    "significance.mcnemar_chi2": "chi-square {statistic}",
    "significance.win_value": "{rate} vs {null}",
    "significance.p_pair": "{greater} (higher), {less} (lower)",
    "significance.p_two_sided": "{p} (two-sided)",
    "significance.p_higher": "{p} (higher)",
    "significance.outcome_better": "model better",
    "significance.outcome_worse": "model worse",
    "significance.outcome_indistinguishable": "no difference shown",
    "significance.outcome_higher": "higher",
    "significance.outcome_lower": "lower",
    "significance.outcome_none": "no difference shown",
    "significance.outcome_chance_better": "better than chance",
    "significance.outcome_chance_worse": "worse than chance",
    "significance.tries_one": (
        "One model and cut-off were tested on these rounds. When several checkpoints or cut-offs "
        "are tried on the same rounds, say how many (--tests-tried): the p-values are then "
        "Holm-corrected."
    ),
    "significance.bootstrap": (
        "Intervals without a closed form: circular block bootstrap, "
        "{resamples:plural:resample:resamples}, blocks "
        "of {block:plural:round:rounds}, seed {seed}."
    ),
    "calibration.heading": "🎯 Are its probabilities honest? Calibration and cut-offs",
    "calibration.brier": (
        "Brier score {brier} (lower is better); forecasting the fair-game {fair} for every round "
        "scores {reference}: Brier skill {skill} (above 0 beats the fair forecast)."
    ),
    "calibration.ece": (
        "Expected calibration error {ece}: the probabilities are on average {ece} away from the "
        "share of rounds that reached {threshold} (count-weighted over the bins)."
    ),
    "calibration.mean": "Mean p_above {mean}; rounds that reached {threshold}: {observed}.",
    "calibration.fair": "Fair-game line: P(X ≥ {threshold}) = (1 − {edge})/{threshold} = {fair}.",
    "calibration.col_bin": "p_above",
    "calibration.col_rounds": "Rounds",
    "calibration.col_mean": "Mean p_above",
    "calibration.col_observed": "Reached {threshold}",
    "calibration.sweep_heading": "Cut-off sweep (held-out rounds, for display only)",
    "calibration.sweep_intro": (
        '"Above" when p_above ≥ the cut-off. Choosing a cut-off on this table would grade the '
        "model on the rounds used to tune it: it only shows the trade-off."
    ),
    "calibration.col_cutoff": "Cut-off",
    "calibration.col_win_rate": "Bets won",
    "calibration.col_return": "Return per bet",
    "calibration.col_net": "Net units",
    "calibration.in_use": "{cutoff} (in use)",
    "calibration.chosen_on_held_out": (
        "Cut-off {cutoff} on the held-out rounds (chosen before seeing them):"
    ),
    "calibration.chosen_row": "{metric}: {result} (target {target}: {decision})",
    "calibration.chosen_money": "Bets won {win_rate}; return per bet {ret}.",
    "money.heading": "💰 What would it do to money? Flat one-unit bets at {cashout}x",
    "money.intro": (
        'One unit on every "above" call, in round order, cashed out at {cashout}x: a won bet '
        "pays {win} units, a lost bet costs 1. It breaks even only when more than {break_even} of "
        "bets win. In a fair game with a {edge} house edge every bet returns {fair_return} units "
        "on average, whatever the strategy."
    ),
    "money.col_strategy": "Strategy",
    "money.col_bets": "Bets",
    "money.col_wins": "Won",
    "money.col_losses": "Lost",
    "money.col_win_rate": "Bets won",
    "money.col_net": "Net units",
    "money.col_return": "Return per bet",
    "money.col_streak": "Longest losing streak",
    "money.col_drawdown": "Max drawdown (units)",
    "money.strategy_model": 'the model\'s "above" calls',
    "money.strategy_every_round": "bet every round",
    "money.strategy_baseline": "best simple rule: {rule}",
    "randomness.heading": "🎲 Is there anything to predict? The rounds themselves",
    "randomness.audited_history": (
        "Audited: all {rounds} usable rounds of the history, in round order."
    ),
    "randomness.audited_held_out": (
        "Audited: the {rounds} held-out rounds, in round order (no other rounds were given)."
    ),
    "randomness.col_check": "Check",
    "randomness.col_result": "Result",
    "randomness.col_p": "p",
    "randomness.check_runs": "Runs test on below/above {threshold}",
    "randomness.runs_value": "{runs} runs; {expected} expected for independent rounds (z = {z})",
    "randomness.check_ljung_box": "Ljung–Box on log multipliers, lags 1–{lag}",
    "randomness.check_ljung_box_verdict": "Ljung–Box on log multipliers, lags 1–{lag} (verdict)",
    "randomness.ljung_box_value": "Q = {q}",
    "randomness.check_acf": "Autocorrelation of log multipliers, lags 1–{lags}",
    "randomness.acf_value": (
        "largest {acf} at lag {lag}; {outside} of {lags:plural:lag:lags} outside the {level}% "
        "band (about "
        "{expected} expected by chance)"
    ),
    "randomness.check_law": "Tail law P(X ≥ m) vs (1 − {edge})/m, chi-square",
    "randomness.law_value": "estimated edge {edge} ({level}% CI {low} to {high})",
    "randomness.rule": (
        "The verdict combines the runs test and Ljung–Box at lag {lag}, each at {half}, so "
        "independent rounds are called dependent in at most {alpha} of histories."
    ),
    "randomness.size": (
        "Size of the dependence: the largest autocorrelation, {acf} at lag {lag}, ties {share} of "
        "the variance of a round's log multiplier to that earlier round."
    ),
    "randomness.col_multiplier": "m",
    "randomness.col_observed": "P(X ≥ m) measured",
    "randomness.col_fair": "Fair game, {edge} edge",
    "randomness.col_estimated": "Fair game, estimated edge {edge}",
    "plots.reliability_title": "Calibration: predicted vs observed share reaching {threshold}",
    "plots.reliability_x": "mean p_above in the bin",
    "plots.reliability_y": "share that reached {threshold}",
    "plots.reliability_perfect": "perfect calibration",
    "plots.reliability_fair": "fair game: {fair}",
    "plots.reliability_model": "bins ({level}% CI), rounds per bin",
    "plots.reliability_counts": "rounds",
    "plots.sweep_title": "Cut-off sweep on the held-out rounds",
    "plots.sweep_x": "cut-off on p_above",
    "plots.sweep_y": "rate",
    "plots.sweep_return_y": "return per bet (units)",
    "plots.break_even": "break-even ({value})",
    "plots.fair_return": "fair-game return ({value})",
    "plots.cutoff_in_use": "cut-off in use ({cutoff})",
    "plots.bankroll_title": "Bankroll: flat one-unit bets at {cashout}x",
    "plots.bankroll_x": "held-out round",
    "plots.bankroll_y": "net units",
    "plots.acf_title": "Autocorrelation of log multipliers ({rounds:plural:round:rounds})",
    "plots.acf_x": "lag (rounds)",
    "plots.acf_y": "autocorrelation",
    "plots.acf_band": "{level}% band for independent rounds",
    "terminal.require_decided": (
        "--require-decided: {count:plural:target:targets} met by the point estimate but not "
        "by the whole interval: "
        "{names}."
    ),
    "junit.chance_failure": "better than chance: {sentence}",
    # ---------------------------------------------------------------- console logs and notebooks
    "training.source.console": "printed by ModelCheckpoint",
    "training.checkpoints_heading": "Checkpoints and the epochs they hold",
    "training.checkpoints_intro": (
        "From the ModelCheckpoint lines of the console output: the last save of each file is "
        "what the file holds."
    ),
    "training.checkpoint_link": "{file}: {stage}, epoch {epoch}, {monitor} {value}",
    "training.checkpoint_link_plain": "{file}: {stage}, epoch {epoch} (saved without a monitor)",
    "training.checkpoint_saves": "saved {count} times",
    "training.checkpoint_lost_tag": "lost: not in the run folder",
    "training.this_checkpoint_console": (
        "This checkpoint ({label}) holds epoch {epoch} of {stage}: its last save in the console "
        "output ({monitor} {value})."
    ),
    "training.stage_stopped_console": "EarlyStopping stopped it at epoch {epoch}.",
    "training.stage_restored": "Weights were restored from epoch {epoch}.",
    "training.stage_restored_unnumbered": "Weights were restored from the best epoch.",
    "training.stage_lr_cuts": "Learning rate cut {count} times (epochs {epochs}; last to {lr}).",
    "training.progress_from_printed": (
        "Below/above accuracies of {stages}: from the lines the training script printed."
    ),
    "training.progress_from_logged": "Below/above accuracies of {stages}: from the logged metrics.",
    "training.mark.checkpoint_file": "checkpoint {file}",
    "training.finding.checkpoint_lost": (
        "{file} was saved by {stage} at epoch {epoch} (chosen by {monitor}) but is not in the "
        "run folder: that checkpoint is lost."
    ),
    "compare.epochs_heading": "Which epoch each checkpoint holds (console output beside it)",
    # ---------------------------------------------------------------- tests against chance
    "chance_test.martingale.p_above": "martingale test of its p_above ranking",
    "chance_test.martingale.calls": "martingale test of its above/below calls",
    "chance_test.simulated_null.p_above": (
        "AUC of its p_above ranking against {simulations} fair histories through the same model"
    ),
    "chance_test.simulated_null.calls": (
        "AUC of its above/below calls against {simulations} fair histories through the same model"
    ),
    "chance.limits_martingale": (
        "Test used: a martingale test against the fair game's {fair_rate} chance of reaching "
        "{threshold}x ({edge} edge). It stays valid when the outputs are built from earlier "
        "rounds, held-out ones included, provided each output was made before its round was "
        "played and the rounds follow that fair law; a predictions file gives no model to run on "
        "simulated histories."
    ),
    "chance.limits_simulated_null_stopped": (
        "Test used: the model's own pipeline (extractor, scaler, model) on simulated fair "
        "histories of the same length ({edge} edge), where its AUC averaged {null_mean}; the "
        "observed AUC is ranked among theirs. Valid for a model that reads earlier rounds, "
        "provided the real rounds follow that fair law. Drawing stopped after {simulations} of "
        "{planned} histories: enough of them had reached the observed AUC from above and from "
        "below that the rest could not change either verdict (Besag–Clifford's sequential test, "
        "whose p is exact)."
    ),
    "chance.limits_simulated_null": (
        "Test used: the model's own pipeline (extractor, scaler, model) on {simulations} "
        "simulated fair histories of the same length ({edge} edge), where its AUC averaged "
        "{null_mean}; the observed AUC is ranked among theirs. Valid for a model that reads "
        "earlier rounds, provided the real rounds follow that fair law; with {simulations} "
        "histories no p is below {p_min} (--null-simulations gives more)."
    ),
    "significance.name_simulated_null": (
        "the model's AUC against its own pipeline on simulated fair histories"
    ),
    "significance.name_martingale": "the martingale test against the fair game",
    "significance.test_simulated_null": "AUC against simulated fair histories (primary)",
    "significance.simulated_value": (
        "AUC {value} of its {scored}; {null_mean} on average over {simulations} fair histories "
        "({edge} edge) through the same model"
    ),
    "significance.test_martingale": "Martingale test against the fair game (primary)",
    "significance.test_martingale_reference": (
        "Martingale test against the fair game (for reference)"
    ),
    "significance.martingale_value": (
        "z = {z} over {rounds} rounds, {scored} against the fair {fair}"
    ),
    "significance.scored_p_above": "p_above ranking",
    "significance.scored_calls": "above/below calls",
    "significance.test_auc_reference": (
        "ROC AUC, permutation test (for reference: assumes outputs unrelated to earlier rounds)"
    ),
    "targets.rounds_below": "rounds below {threshold}",
    "targets.rounds_above": "rounds at or above {threshold}",
    "targets.rounds_all": "held-out rounds",
    "targets.rounds_calls": '"above" calls',
    "targets.decision_rounds_counted": (
        "{decision} (about {rounds} more {counted} for a decision with {chance} probability, if "
        "the rate stays where it is)"
    ),
    "targets.decision_rounds_held_out": (
        "{decision} (about {rounds} more {counted}, about {held_out} more held-out rounds, for a "
        "decision with {chance} probability, if the rate stays where it is)"
    ),
    # ---------------------------------------------------------------- page layout
    "page.contents": "Contents",
    "calibration.cutoff_range": "{first}–{last}",
    # ---------------------------------------------------------------- sentences stored in results
    # Made in English by i18n.messages.record (the JSON keeps them so); a page in another
    # language shows them from its own catalog.
    "record.rowid_order": "no '{column}' column: rounds ordered by rowid (storage order)",
    "record.only_column": "column '{column}' is the only column: used as the values",
    "record.text_cells": "{count:plural:text cell:text cells} held a valid number: used",
    "record.out_of_order": "{count:plural:row:rows} stored out of id order (processed in id order)",
    "record.id_gap": "{count:plural:id:ids} missing between {low} and {high}",
    "record.id_gaps": (
        "{missing:plural:id:ids} missing in {gaps:plural:gap:gaps} (largest: {largest})"
    ),
    "record.blank_line": "1 blank line skipped (line {lines})",
    "record.blank_lines": "{count} blank lines skipped (lines {lines})",
    "record.metrics_of_other": (
        "{name} records the metrics of {other}, not {own}: no recorded-vs-measured comparison "
        "for this checkpoint"
    ),
    "record.metrics_of_unknown": (
        "{name} does not say which checkpoint its metrics describe (training scripts usually "
        "record the final model's); they are shown beside this checkpoint's"
    ),
    "record.scaler_unused": "scaler {path} not used: the model has no feature input",
    "record.no_goal": "no goal metric in the logs (no validation accuracy or loss)",
    "record.weights_no_below": "class weights of {stage} have no 'below' weight: not checked",
    "record.no_run_dir": "no run directory: expected files not checked",
    "record.no_recorded": "no recorded metrics in the metadata to compare with",
    "record.log_ignored": "{file} ignored: stage '{stage}' is read from {other}",
    "record.no_metadata": "no metadata JSON ({name}) in {folder}",
    "record.not_lists": "members that are not lists ignored: {names}",
    "record.no_epoch_column": "no 'epoch' column: rows numbered 1, 2, … in file order",
    "record.resumed": "log starts at epoch {epoch} (resumed training?)",
    "record.one_epoch": "only one epoch logged: no trend can be read",
    "record.not_numbers": (
        "{column}: {count:plural:value is not a number:values are not numbers} "
        "(e.g. '{example}'); kept as not logged"
    ),
    "record.columns_no_numbers": "columns without numbers ignored: {columns}",
    "record.columns_empty": "columns never logged ignored: {columns}",
    "record.no_below_logged": (
        "no per-epoch validation below-accuracy logged (e.g. val_below_accuracy): the progress "
        "table shows the metrics that are there"
    ),
    "record.other_columns": "other columns kept as logged: {columns}",
    "record.no_scaler": "no scaler found: feature widths not checked",
    "record.scaler_fits": (
        "{scaler} ({width:plural:feature:features}) fits the feature input of {checkpoints}"
    ),
    "record.metrics_repeat": (
        "{file}: metrics.{key} repeats {name} already recorded; the first is used"
    ),
    "record.not_rate": "{file}: metrics.{key} = {value} is not a rate",
    "record.meta_not_object": "'{key}' is not an object: ignored",
    "record.meta_not_number": "'{key}' is not a number: ignored",
    "record.meta_not_whole": "'{key}' is not a whole number: ignored",
    "record.meta_not_list": "'{key}' is not a list: ignored",
    "record.meta_files_not_list": "'files' / 'artifacts' is not a list of names: ignored",
    "record.mode_unknown": "callbacks.{stage}.mode '{mode}' unknown: inferred from the metric name",
    "list.and": "{head} and {last}",
    "record.percent_column": "{column} looks like percentages (max {largest}): divided by 100",
    "record.outside_share": (
        "{column}: {count:plural:value:values} outside 0–1 kept as not logged"
    ),
    "record.not_finite": "{column} is not finite (NaN/inf) at {epochs}",
    "record.role_from_option": "{role} read from {column}; the logged {logged} is kept as is",
    "record.role_also_present": "{role} read from {column}; also present: {others}",
    "record.scaler_not_checked": "scaler not checked: {error}",
    "record.scaler_no_width": "{name} does not say how many features it scales",
    "record.checkpoint_not_checked": "checkpoint not checked against the scaler: {error}",
    "record.logs_not_used": "training logs beside the checkpoint not used: {error}",
    "record.sklearn_version": (
        "{file}: {estimator} was saved by scikit-learn {saved} and is loaded with {current}; "
        "its results may differ (re-fit it, or re-save it with scikit-learn {current})"
    ),
    "record.log_not_read": "{file} not read: {problem}",
    "record.stage_read_elsewhere": "{file}: stage '{stage}' ignored, it is read from {other}",
    "record.output_stops": "the output stops in epoch {epoch} ({where}): that epoch is left out",
    "record.epochs_incomplete": "epochs without a complete progress line left out: {epochs}",
    "record.fit_no_epoch": "a fit call at {where} has no complete epoch: ignored",
    "record.pattern_replaces": "{column}: read with --log-pattern (the logged column is replaced)",
    "record.pattern_outside": "{column}: values for epochs not logged are ignored ({first} …)",
    "record.printed_callback": (
        "below/above accuracy from the printed callback lines ({count:plural:epoch:epochs})"
    ),
    "record.null_precomputed": (
        "precomputed inputs cannot be rebuilt from simulated fair histories: the chance verdict "
        "uses the martingale test"
    ),
    "record.null_failed": (
        "the pipeline failed on a simulated fair history ({error}): the chance verdict uses the "
        "martingale test"
    ),
    "record.onnx_labels_unused": (
        "ONNX output '{name}' ({kind}) not used: class labels; the probabilities are"
    ),
    "record.implicit_config": (
        "settings were read from {source}, found in the current folder (not named with "
        "--config); trust, feature code and cache options are never taken from such a file"
    ),
    "record.progress_training": "training {name}",
    "record.progress_loading": "loading {name}",
    "record.progress_predicting": "predicting {name}",
    "record.progress_null": "fair histories for {name}",
    "record.where_line_id": "line {line} (id {id})",
    "record.where_row_id": "row {row} (id {id})",
    "record.where_index": "index {index}",
    "record.where_line": "line {line}",
    "record.where_cell": "cell {cell}, output line {line}",
    "record.epoch_one": "epoch {spans}",
    "record.epoch_many": "epochs {spans}",
    # ---------------------------------------------------------------- JUnit details
    "junit.details": (
        "metric: {metric} ({key})\nmeasured: {result}\ntarget: {target}\n"
        "compared value: {shown}\ncheckpoint: {checkpoint}"
    ),
    # ---------------------------------------------------------------- progress
    "progress.features": "features",
    "record.progress_checkpoint": "checkpoint {done}/{total}: {name}",
    # ---------------------------------------------------------------- command line
    "cli.error": "jetx-diag: error: {message}",
    "cli.interrupted": "jetx-diag: interrupted",
    "cli.internal_error": (
        "jetx-diag: internal error: {kind}: {message} (run again with --debug for a traceback)"
    ),
    # ---------------------------------------------------------------- errors
    # The one line an error prints on stderr, made in English by i18n.messages.record where
    # it is raised; the CLI shows it in the run's language. Grouped by the module raising it.
    # Base modules (files, user_code) sit below the catalog and write theirs as plain text;
    # these two templates match them.
    "error.files.cannot_write_report": "cannot write the report: {strerror}",
    "error.files.hint_choose_another_output_folder": (
        "choose another output folder; no report file was changed"
    ),
    "error.user_code.raised_run_stopped": "{what} raised {detail}; the run was stopped",
    # boosted
    "error.boosted.cannot_read_model": "{library} cannot read the model ({first_line})",
    "error.boosted.hint_file_may_cut_short_damaged": (
        "the file may be cut short or damaged; fetch it again"
    ),
    "error.boosted.objective_gives_neither_probability_nor": (
        "{library} objective {objective} gives neither a probability nor a multiplier"
    ),
    "error.boosted.hint_binary_3_class_probability_classifier": (
        "a binary or 3-class probability classifier or a regressor can be evaluated"
    ),
    "error.boosted.classifier_s_classes_cannot_tell": (
        "the classifier's classes are {classes}; cannot tell which one means 'above'"
    ),
    "error.boosted.hint_train_labels_0_below_1": (
        "train it with labels 0 (below) and 1 (at or above the threshold)"
    ),
    "error.boosted.classifier_classes_jetx_diag_reads": (
        "{library} classifier with {classes} classes; jetx_diag reads 2 (below/above) or 3 "
        "(<1.5, 1.5–10, ≥10)"
    ),
    "error.boosted.not_catboost_lightgbm_xgboost_model": (
        "is not a CatBoost, LightGBM or XGBoost model ({kind})"
    ),
    "error.boosted.both_classifiers": (
        "{name} and {name2} are both classifiers; a pair is a classifier and a regressor"
    ),
    "error.boosted.both_regressors": (
        "{name} and {name2} are both regressors; a pair is a classifier and a regressor"
    ),
    "error.boosted.reads_features_pair_must_read": (
        "{name} reads {features} features, {name2} {features2}; a pair must read the same "
        "feature vector"
    ),
    "error.boosted.feature_matrix_shape_model_reads": (
        "feature matrix of shape {shape}; the model reads {features} features"
    ),
    "error.boosted.reading_model_needs_package_which": (
        "reading a {library} model needs the {extra} package, which is not installed ({error})"
    ),
    "error.boosted.hint_pip_install_jetx_diag": "pip install 'jetx-diag[{extra}]'",
    "error.boosted.catboost_model_truncated_header_records": (
        "CatBoost model is truncated: its header records {value} bytes, the file has {size}"
    ),
    "error.boosted.more_than_8": "more than 8",
    "error.boosted.lightgbm_model_text_truncated_no": (
        "LightGBM model text is truncated: no {marker} line in its {size} bytes"
    ),
    "error.boosted.cannot_predict": "{library} cannot predict ({first_line})",
    "error.boosted.xgboost_json_model_truncated_damaged": (
        "XGBoost JSON model is truncated or damaged ({detail}; the file has {size} bytes)"
    ),
    # custom_objects
    "error.custom_objects.must_look_like_module_module": (
        "{option} {spec} must look like module or module:Name,Name"
    ),
    "error.custom_objects.hint_module_defines_model_s_custom": (
        "the module that defines the model's custom layers, importable from here"
    ),
    "error.custom_objects.no_keras_layer_model_subclass": (
        "{option} {modules}: no Keras Layer or Model subclass and nothing registered with "
        "register_keras_serializable in it"
    ),
    "error.custom_objects.hint_name_classes_module_name_name": (
        "name the classes with {option} module:Name,Name"
    ),
    "error.custom_objects.not_python_name": "{option} {spec}: {name} is not a Python name",
    "error.custom_objects.importing_module_failed": (
        "{option} {spec}: importing module {module_name} failed ({first})"
    ),
    "error.custom_objects.hint_module_must_importable_here_e": (
        "the module must be importable from here, e.g. on PYTHONPATH, and import without error"
    ),
    "error.custom_objects.module_no": "{option} {spec}: module {module_name} has no {name}",
    "error.custom_objects.not_class_function": (
        "{option} {spec}: {module_name}.{name} is not a class or function"
    ),
    # inspection
    "error.inspection.model_config_nested_too_deeply": (
        "the model config ({where}) is nested too deeply to be a Keras model"
    ),
    "error.inspection.model_not_keras_checkpoint": "is a {kind} model, not a Keras checkpoint",
    "error.inspection.hdf5_file_truncated_superblock_records": (
        "HDF5 file is truncated: its superblock records {declared} bytes, the file has {size}"
    ),
    "error.inspection.hint_download_copy_cut_short_fetch": (
        "the download or copy was cut short; fetch it again"
    ),
    "error.inspection.hint_architecture_not_file_save_model": (
        "the architecture is not in the file; save the model with model.save()"
    ),
    "error.inspection.hdf5_file_refers_data_outside": (
        "HDF5 file refers to data outside itself: {what}"
    ),
    "error.inspection.hint_model_file_must_hold_own": (
        "a model file must hold its own weights; re-save it with model.save()"
    ),
    "error.inspection.zip_members_would_inflate_bytes": (
        "zip members would inflate to {total} bytes in all (more than {max_archive_bytes}); "
        "refused as a zip bomb"
    ),
    "error.inspection.model_config_not_valid_json": (
        "the model config ({where}) is not valid JSON: {msg} at char {pos}"
    ),
    "error.inspection.hdf5_file_but_named_keras": (
        "is an HDF5 file, but named .keras (a .keras model is a zip archive)"
    ),
    "error.inspection.hint_rename": "rename it to {name}",
    "error.inspection.zip_archive_keras_format_but": (
        "is a zip archive (the .keras format), but named {suffix}"
    ),
    "error.inspection.hdf5_file_cannot_read": "HDF5 file cannot be read ({first_line})",
    "error.inspection.zip_member_encrypted_keras_model": (
        "zip member {filename} is encrypted; a .keras model is never encrypted"
    ),
    "error.inspection.zip_member_compressed_which_cannot": (
        "zip member {filename} is compressed with {method}, which cannot be read (Keras writes "
        "stored or deflate members)"
    ),
    "error.inspection.hint_re_save_model_model_save": "re-save the model with model.save()",
    "error.inspection.zip_member_would_inflate_bytes": (
        "zip member {filename} would inflate to {file_size} bytes (a model config is kilobytes; "
        "the limit is {max_config_bytes})"
    ),
    "error.inspection.zip_archive_truncated_damaged_file": (
        "zip archive is truncated or damaged ({error}; the file has {size} bytes)"
    ),
    "error.inspection.zip_archive_without_config_json": (
        "is a zip archive without config.json, not a .keras model"
    ),
    # keras_env
    "error.keras_env.loading_checkpoint_needs_tensorflow_which": (
        "loading a checkpoint needs TensorFlow, which cannot be imported ({detail})"
    ),
    "error.keras_env.loading_checkpoint_needs_tensorflow_keras": (
        "loading a checkpoint needs TensorFlow/Keras, which is not installed ({error})"
    ),
    # keras_loader
    "error.keras_loader.keras_cannot_rebuild_model": "Keras cannot rebuild the model ({detail})",
    "error.keras_loader.keras_safe_mode_refused_python": (
        "Keras safe mode refused a Python lambda in the model"
    ),
    "error.keras_loader.keras_refused_file_unsafe": (
        "Keras refused the file as unsafe ({first_line})"
    ),
    "error.keras_loader.model_uses_custom_layer_function": (
        "the model uses a custom layer or function {group} that is not available here; {where}"
    ),
    "error.keras_loader.hint_pass_module_module_naming_module": (
        "pass {option} MODULE or MODULE:{split}, naming the module of your training code that "
        "defines it"
    ),
    # loaded_model
    "error.loaded_model.model_no_outputs": "the model has no outputs",
    "error.loaded_model.hint_expected_sigmoid_threshold_none_1": (
        "expected a sigmoid 'threshold' (None, 1), a softmax 'classification' (None, 3) or a "
        "linear 'regression' (None, 1) output"
    ),
    "error.loaded_model.output_shape_head_value_per": (
        "output {name} has shape {shape_text}; a {name2} head has "
        "{expected:plural:value:values} per round"
    ),
    "error.loaded_model.probe_batch_itself_holds_non": (
        "the probe batch itself holds non-finite values (input {name})"
    ),
    "error.loaded_model.model_produced_non_finite_value": (
        "the model produced {bad:plural:non-finite value:non-finite values} ({kinds}) of {size} on "
        "output {name} "
        "for a finite probe batch of {array_count} rows"
    ),
    "error.loaded_model.hint_weights_probably_corrupt_nan_training": (
        "its weights are probably corrupt (NaN) or training diverged"
    ),
    # metadata
    "error.metadata.empty_0_bytes": "is empty (0 bytes)",
    "error.metadata.an_html_page": "an HTML/XML page",
    "error.metadata.a_git_lfs_pointer": "a Git LFS pointer",
    "error.metadata.a_savedmodel_directory": "a SavedModel directory",
    "error.metadata.a_file_of_kind": "a {kind} file",
    "error.metadata.not_json_metadata": "is {what}, not JSON metadata",
    "error.metadata.top_level_expected_object_got": (
        "top level: expected an object, got {type_name}"
    ),
    "error.metadata.expected_count_got": "{key_}: expected a count, got {value}",
    "error.metadata.expected_string_got": "{key_}: expected a string, got {type_name}",
    "error.metadata.cannot_read_file": "cannot read the file ({strerror})",
    # onnx_model
    "error.onnx_model.onnx_file_holds_no_graph": "ONNX file holds no graph",
    "error.onnx_model.onnx_output_2_values_per": (
        "ONNX output {name} has 2 values per round that do not sum to 1, so they are not class "
        "probabilities"
    ),
    "error.onnx_model.onnx_file_truncated_needs_bytes": (
        "ONNX file is truncated: its {name} needs {end} bytes, the file has {data_count}"
    ),
    "error.onnx_model.onnx_field_truncated": (
        "ONNX file is truncated: its field {number} needs {end} bytes, the file has {data_count}"
    ),
    "error.onnx_model.reading_onnx_model_needs_onnxruntime": (
        "reading an ONNX model needs onnxruntime, which is not installed ({error})"
    ),
    "error.onnx_model.onnxruntime_cannot_load_model": (
        "onnxruntime cannot load the model ({first_line})"
    ),
    "error.onnx_model.onnx_input_jetx_diag_feeds": (
        "ONNX input {name} is {type}; jetx_diag feeds float windows and feature vectors"
    ),
    "error.onnx_model.inputs_missing": "inputs {missing} are missing",
    "error.onnx_model.onnxruntime_cannot_run_model": (
        "onnxruntime cannot run the model ({first_line})"
    ),
    # safe_pickle
    "error.safe_pickle.hint_scaler_joblib_pickle_skops_file": (
        "a scaler is the joblib/pickle/skops file of a fitted scikit-learn transformer"
    ),
    "error.safe_pickle.refused_unpickle_names_which_outside": (
        "refused to unpickle: it names {dotted}, which is outside the allow-list "
        "(scikit-learn transformers, numpy arrays and dtypes); nothing in the file was run"
    ),
    "error.safe_pickle.refused_unpickle_names_with_reason": (
        "refused to unpickle: it names {dotted} ({reason}), which is outside the allow-list "
        "(scikit-learn transformers, numpy arrays and dtypes); nothing in the file was run"
    ),
    "error.safe_pickle.hint_scaler_needs_nothing_else_if": (
        "a scaler needs nothing else; if you made the file, re-save the fitted scaler with "
        "joblib.dump or skops.io.dump"
    ),
    "error.safe_pickle.refused": "refused {dotted}: {reason}",
    "error.safe_pickle.refused_unpickle_calls_nothing_allocated": (
        "refused to unpickle: it calls {dotted} with {reason}; nothing was allocated or run"
    ),
    "error.safe_pickle.hint_fitted_scaler_kilobytes_file_built": (
        "a fitted scaler is kilobytes; this file is built to exhaust memory"
    ),
    "error.safe_pickle.inflates_more_than_bytes": "inflates to more than {limit} bytes",
    "error.safe_pickle.compressed_file_truncated_bytes": (
        "{compression}-compressed file is truncated ({data_count} bytes)"
    ),
    "error.safe_pickle.hint_scaler_needs_none_them": "a scaler needs none of them",
    "error.safe_pickle.compressed_file_damaged": (
        "{compression}-compressed file is damaged ({error})"
    ),
    "error.safe_pickle.skops_file_cannot_read": "skops file cannot be read ({first})",
    "error.safe_pickle.skops_file_cannot_loaded": "skops file cannot be loaded ({first})",
    "error.safe_pickle.lz4_compressed_joblib_file_lz4": (
        "is an lz4-compressed joblib file, and the lz4 package is not installed"
    ),
    # savedmodel
    "error.savedmodel.savedmodel_directory_holds_saved_model": (
        "SavedModel directory holds saved_model.pbtxt only; text SavedModels are not supported"
    ),
    "error.savedmodel.savedmodel_holds_no_graph": "SavedModel holds no graph",
    "error.savedmodel.inputs_given_signature_takes": (
        "{values_count} inputs given, the signature takes {input_names_count}"
    ),
    "error.savedmodel.saved_model_pb_cannot_parsed": "saved_model.pb cannot be parsed ({error})",
    "error.savedmodel.savedmodel_no_serving_default_signature": (
        "SavedModel has no serving_default signature (it has {names})"
    ),
    "error.savedmodel.tensorflow_cannot_load_savedmodel": (
        "TensorFlow cannot load the SavedModel ({first_line})"
    ),
    "error.savedmodel.tensorflow_1_savedmodel_no_object": (
        "is a TensorFlow 1 SavedModel (no object graph): loading it runs the graph's own restore "
        "and init ops, which cannot be checked"
    ),
    "error.savedmodel.savedmodel_s_graph_uses_ops": (
        "the SavedModel's graph uses ops outside the allow-list of model math (they may read or "
        "write files or run code when it is loaded or called): {shown}"
    ),
    "error.savedmodel.inputs_missing_signature_takes": (
        "inputs {missing} are missing (the signature takes {input_names})"
    ),
    # scaler_checks
    "error.scaler_checks.holds_not_scikit_learn_transformer": (
        "holds a {module__}.{qualname__}, not a scikit-learn transformer"
    ),
    "error.scaler_checks.n_features_not_positive_whole": (
        "{name__}.n_features_in_ is {shown}, not a positive whole number"
    ),
    "error.scaler_checks.not_fitted_saved_before_fit": (
        "the {name__} in it is not fitted (it was saved before fit())"
    ),
    "error.scaler_checks.hint_save_scaler_after_fitting_training": (
        "save the scaler after fitting it on the training features"
    ),
    "error.scaler_checks.feature_names_not_list_names": (
        "{name__}.feature_names_in_ is {shown}, not a list of names"
    ),
    "error.scaler_checks.feature_names_holds_entries_features": (
        "{name__}.feature_names_in_ holds {names_count} entries for {count} features "
        "(n_features_in_), or entries that are not names"
    ),
    "error.scaler_checks.holds_values_features_n_features": (
        "{name__}.{attribute} holds {size} values for {count} features (n_features_in_)"
    ),
    "error.scaler_checks.hint_file_edited_damaged_re_fit": (
        "the file was edited or is damaged; re-fit and re-save the scaler"
    ),
    "error.scaler_checks.non_finite_value_first_index": (
        "{label}.{attribute} has {size:plural:non-finite value:non-finite values} (first at index "
        "{first}: {ravel})"
    ),
    "error.scaler_checks.hint_scaler_fitted_data_nan_inf": (
        "the scaler was fitted on data with NaN/inf; refit it on clean features"
    ),
    "error.scaler_checks.not_numbers": "{name__}.{attribute} is {shown}, not numbers",
    # sniffing
    "error.sniffing.no_such_file_directory": "no such file or directory",
    # strict_json
    "error.strict_json.not_finite_json_number_nan": (
        "{path}: {text} is not a finite JSON number (NaN and Infinity are not JSON)"
    ),
    "error.strict_json.utf_16_encoded": "is UTF-16 encoded",
    "error.strict_json.the_value": "the value",
    "error.strict_json.hint_save_utf_8": "save it as UTF-8",
    "error.strict_json.duplicate_key_json_readers_disagree": (
        "duplicate key {name} (JSON readers disagree on which value wins)"
    ),
    "error.strict_json.not_valid_utf_8_byte": "is not valid UTF-8 (byte offset {offset})",
    "error.strict_json.not_valid_json_line_column": (
        "is not valid JSON: {msg} (line {lineno}, column {colno})"
    ),
    "error.strict_json.not_usable_json": "is not usable JSON ({error})",
    "error.strict_json.nested_too_deeply_run_metadata": "is nested too deeply to be run metadata",
    # compare
    "error.compare.nothing_compare": "nothing to compare",
    "error.compare.hint_give_checkpoints_folder_json_files": (
        "give checkpoints, a folder or JSON files"
    ),
    "error.compare.no_jetx_diag_section_found": (
        "no [jetx_diag] section found in pyproject.toml or setup.cfg here"
    ),
    "error.compare.hint_see_docs_ci_md_pass": "see docs/ci.md, or pass --config FILE",
    "error.compare.both_checkpoint_checkpoints_set": "both 'checkpoint' and 'checkpoints' are set",
    "error.compare.hint_keep_one": "keep one",
    "error.compare.no_checkpoint_check": "no checkpoint to check",
    "error.compare.hint_set_checkpoint_file_checkpoints_file": (
        "set checkpoint = FILE, or checkpoints = FILE, FOLDER, … in [jetx_diag]"
    ),
    "error.compare.no_checkpoint_folder": "no checkpoint in this folder",
    "error.compare.hint_expected_h5_keras_models_savedmodel": (
        "expected .h5 / .keras models, SavedModel folders, ONNX, CatBoost, LightGBM or XGBoost "
        "models"
    ),
    # config
    "error.config.sets_which_config_file_found": (
        "sets {found}, which a config file found in the current folder may not set (it would let "
        "a downloaded folder run code or choose where files are written)"
    ),
    "error.config.hint_if_you_wrote_file_pass": (
        "if you wrote this file, pass --config {source}, or give these options on the command line"
    ),
    "error.config.tool_jetx_diag_must_table": "[tool.jetx_diag] must be a table",
    "error.config.config_file_not_found": "config file not found",
    "error.config.not_valid_toml": "not valid TOML: {error}",
    "error.config.not_valid_config_file": "not a valid config file: {first_line}",
    "error.config.unknown_key_jetx_diag_section": "unknown key {key_} in the jetx_diag section",
    "error.config.key": "key {key_}: {error}",
    # history
    "error.history.class_names_below_above_0": (
        "{option} {text}: class names are below/above (or 0/1)"
    ),
    "error.history.hint_e_g_below_44_13": "e.g. below=44.13,above=0.76",
    "error.history.values_must_not_negative": "{option} {text}: values must not be negative",
    "error.history.class_counts_give_both_whole": "--class-counts {text}: give both whole counts",
    "error.history.hint_e_g_below_2135_above": "e.g. below=2135,above=3956",
    "error.history.give_run_dir_logs_stage": "give a RUN_DIR, or the logs with --stage NAME=FILE",
    "error.history.expected_stage_value": "{option} {text}: expected [STAGE{separator}]VALUE",
    "error.history.stage_expected_name_file": "--stage {item}: expected NAME=FILE",
    "error.history.hint_e_g_stage1_log1_csv": "e.g. stage1=log1.csv",
    "error.history.stage_given_twice": "--stage {name} given twice",
    "error.history.patience_must_least_0_got": "--patience must be at least 0, got {number}",
    "error.history.expected_below_value_above_value": (
        "{option} {text}: expected below=VALUE,above=VALUE"
    ),
    "error.history.patience_not_whole_number": "--patience {value} is not a whole number",
    "error.history.not_number": "{option} {text}: {value} is not a number",
    # options
    "error.options.threshold_must_least_1_0": "--threshold must be at least 1.0, got {threshold}",
    "error.options.cutoff_must_within_0_1": "--cutoff must be within [0, 1], got {cutoff}",
    "error.options.jobs_must_least_1_got": "jobs must be at least 1, got {jobs}",
    "error.options.cache_max_mb_must_least": "cache_max_mb must be at least 0, got {cache_max_mb}",
    "error.options.max_rejected_share_within_0": (
        "--max-rejected is a share within [0, 1], got {max_rejected}"
    ),
    "error.options.must_finite_number_got": "--{replace} must be a finite number, got {value}",
    "error.options.cashout_must_above_1_00": "--cashout must be above 1.00, got {cashout}",
    "error.options.house_edge_share_within_0": (
        "--house-edge is a share within [0, 1), got {house_edge}"
    ),
    "error.options.permutations_bootstrap_must_least_1": (
        "--permutations and --bootstrap must be at least 1"
    ),
    "error.options.null_simulations_must_least_0": (
        "--null-simulations must be at least 0, got {null_simulations}"
    ),
    "error.options.tests_tried_must_least_1": "--tests-tried must be at least 1, got {tests_tried}",
    "error.options.validation_fraction_must_within_0": (
        "validation fraction must be within [0, 1), got {validation_fraction}"
    ),
    # report
    "error.report.give_checkpoint_predictions_file_csv": (
        "give a CHECKPOINT, or --predictions FILE.csv"
    ),
    "error.report.give_either_checkpoint_predictions_not": (
        "give either a CHECKPOINT or --predictions, not both"
    ),
    # document
    "error.document.not_saved_jetx_diag_comparison": (
        "not a saved jetx-diag comparison (no 'comparison' object)"
    ),
    "error.document.not_valid_saved_comparison": "not a valid saved comparison: {error}",
    "error.document.cannot_read_baseline": "cannot read the baseline: {strerror}",
    "error.document.format_version_must_whole_number": (
        "'format_version' must be a whole number, got {version}"
    ),
    "error.document.written_newer_jetx_diag_format": (
        "written by a newer jetx-diag (format_version {found}; this version {version__} reads "
        "up to {known})"
    ),
    "error.document.section_written_newer_jetx_diag": (
        "its {what} section was written by a newer jetx-diag (format_version {found}; this "
        "version {version__} reads up to {known})"
    ),
    "error.document.hint_upgrade_jetx_diag_read": "upgrade jetx-diag to read it",
    "error.document.not_saved_jetx_diag_evaluation": (
        "not a saved jetx-diag evaluation (no 'evaluation' object)"
    ),
    "error.document.hint_write_one_json": "write one with --json",
    "error.document.verdict_must_object": "'verdict' must be an object",
    "error.document.side_file_must_name_side": "'side_file' must name the side file's path",
    "error.document.side_file_must_sit_beside": "side file {name} must sit beside the JSON",
    "error.document.side_file_not_one_json": (
        "side file {name} is not the one this JSON was written with"
    ),
    "error.document.not_valid_json_nested_too": "not valid JSON: nested too deeply",
    "error.document.not_valid_json_line_column": (
        "not valid JSON: {msg} at line {lineno} column {colno}"
    ),
    "error.document.not_valid_json": "not valid JSON: {error}",
    "error.document.cannot_read": "cannot read: {strerror}",
    "error.document.not_utf_8_text_byte": "not UTF-8 text (byte {start})",
    "error.document.not_valid_saved_evaluation": "not a valid saved evaluation: {error}",
    "error.document.cannot_read_side_file": "cannot read its side file {name}: {strerror}",
    "error.document.side_file_not_readable_npz": "side file {name} is not a readable .npz: {error}",
    "error.document.side_file_no_column": "side file {name} has no column {key_}",
    # ranking
    "error.ranking.unknown_rank": "unknown --rank-by {rank_by}",
    "error.ranking.two_checkpoints_both_labelled": (
        "two checkpoints are both labelled {label} ({seen} and {source})"
    ),
    "error.ranking.hint_compare_files_different_names_give": (
        "compare files with different names, or give them distinct labels"
    ),
    # ratchet
    "error.ratchet.tolerance_percentage_points_least_0": (
        "--tolerance is in percentage points and at least 0, got {tolerance}"
    ),
    # fairgen
    "error.fairgen.house_edge_must_0_1": "house edge must be in [0, 1), got {house_edge}",
    "error.fairgen.number_rounds_must_0_got": "number of rounds must be >= 0, got {n}",
    "error.fairgen.chain_needs_least_one_round": "a chain needs at least one round, got {n}",
    "error.fairgen.multiplier_cap_must_least_1": (
        "the multiplier cap must be at least 1.00, got {cap}"
    ),
    "error.fairgen.values_write_must_one_finite": (
        "values to write must be one finite number per round"
    ),
    "error.fairgen.folder_does_not_exist": "folder does not exist",
    # features
    "error.features.features_need_least_round_history": (
        "features need at least {min_history} round of history, got none"
    ),
    "error.features.features_need_flat_history_finite": (
        "features need a flat history of finite multipliers"
    ),
    # model
    "error.model.model_needs_least_one_feature": (
        "the model needs at least one feature, got {n_features}"
    ),
    "error.model.unknown_model_size_choose_small": (
        "unknown model size {size} (choose 'small' or 'document')"
    ),
    # training
    "error.training.demo_needs_least_rounds_window": (
        "the demo needs at least {first_predictable} rounds ({first_predictable2} of window "
        "before the first prediction), got {rounds}"
    ),
    "error.training.epochs_must_positive_numbers_got": (
        "epochs must be {stages_count} positive numbers, got {epochs}"
    ),
    # training_samples
    "error.training_samples.training_rounds_hold_only_one": (
        "the training rounds hold only one class; use more rounds"
    ),
    # evaluator
    "error.evaluator.no_round_history_given": "no round history given",
    "error.evaluator.hint_pass_data_file_sqlite_csv": (
        "pass --data FILE (SQLite, CSV or text), or set data in the config"
    ),
    # inputs
    "error.inputs.inputs_file_no_actual_array": (
        "the inputs file has no 'actual' array and no --data was given, so the outcomes of its "
        "rounds are unknown"
    ),
    # parallel
    "error.parallel.scheduler_needs_dask_s_distributed": (
        "--scheduler needs Dask's distributed scheduler"
    ),
    "error.parallel.hint_pip_install_jetx_diag_distributed": "pip install 'jetx-diag[distributed]'",
    "error.parallel.cannot_reach_dask_scheduler": (
        "cannot reach the Dask scheduler at {address} ({name__})"
    ),
    "error.parallel.hint_start_one_dask_scheduler_dask": (
        "start one with `dask scheduler` and `dask worker ADDRESS`, or drop --scheduler"
    ),
    # accounting
    "error.accounting.no_usable_rounds_rejected": (
        "no usable rounds: {rows} rejected ({by_reason}; {first_text})"
    ),
    "error.accounting.rows_rejected": (
        "{rejected_count} of {rows_read} rows rejected ({by_reason}; {first_text})"
    ),
    "error.accounting.hint_strict_mode_fix_remove_these": (
        "strict mode: fix or remove these rows, or run without --strict"
    ),
    "error.accounting.rows_rejected_more_than_allowed": (
        "{text} of rows rejected, more than the allowed {value}% ({by_reason}; {first_text})"
    ),
    "error.accounting.hint_fix_rows_raise_max_rejected": "fix the rows or raise --max-rejected",
    "error.accounting.first_rejected": "first: {where} {raw} ({reason})",
    "error.accounting.the_only_row": "the only row",
    "error.accounting.all_rows": "all {count} rows",
    # rounds
    "error.rounds.max_rejected_share_must_between": (
        "max_rejected_share must be between 0 and 1, got {max_rejected_share}"
    ),
    "error.rounds.file_empty_0_bytes": "the file is empty (0 bytes)",
    "error.rounds.not_sqlite_database_starts": "not a SQLite database (it starts with {head})",
    "error.rounds.hint_sqlite_file_starts_sqlite_format": (
        "a SQLite file starts with 'SQLite format 3'"
    ),
    "error.rounds.not_history_binary_content_nul": (
        "not a history: binary content (NUL byte at offset {nul}), neither SQLite nor UTF-8 text"
    ),
    "error.rounds.holds_no_rows_only_blank": "holds no rows (only blank lines)",
    "error.rounds.file_not_found": "file not found",
    "error.rounds.hint_check_data_path": "check the --data path",
    "error.rounds.directory_not_history_file": "is a directory, not a history file",
    "error.rounds.cannot_read_file": "cannot read the file: {strerror}",
    "error.rounds.not_history": "not a history: this is {what}",
    "error.rounds.invalid_utf_8_byte_line": "invalid UTF-8 at byte {offset} (line {line}): {data}",
    "error.rounds.hint_save_file_utf_8": "save the file as UTF-8",
    "error.rounds.header_separated_only_comma_separated": (
        "the header {first} is separated by {name}: only comma-separated CSV is read"
    ),
    "error.rounds.hint_save_file_csv_commas": "save the file as CSV with commas",
    "error.rounds.separator_semicolon": "';'",
    "error.rounds.separator_tabs": "tabs",
    "error.rounds.an_hdf5_file": "an HDF5 file (a Keras .h5 checkpoint?)",
    "error.rounds.a_zip_archive": "a zip archive (a .keras checkpoint or .xlsx?)",
    "error.rounds.a_pickle": "a pickle (a scaler?)",
    "error.rounds.utf32_text": "UTF-32 text (save it as UTF-8)",
    "error.rounds.utf16_text": "UTF-16 text (save it as UTF-8)",
    # sqlite_rounds
    "error.sqlite_rounds.table_empty": "table {table_name} is empty",
    "error.sqlite_rounds.no_column_no_rowid_order": (
        "{table_name} has no column {id_column} and no rowid to order by (columns: {columns})"
    ),
    "error.sqlite_rounds.hint_name_column_orders_rounds": "name the column that orders the rounds",
    "error.sqlite_rounds.cannot_read_sqlite_database": "cannot read the SQLite database: {error}",
    "error.sqlite_rounds.malformed_sqlite_database": "malformed SQLite database: {error}",
    "error.sqlite_rounds.no_table_tables": "no table {table} (tables: {listed})",
    "error.sqlite_rounds.no_table_no_tables": "no table {table} (the database has no tables)",
    "error.sqlite_rounds.hint_use_table": "use --table",
    "error.sqlite_rounds.table_no_column_columns": (
        "table {table_name} has no column {column} (columns: {columns})"
    ),
    "error.sqlite_rounds.hint_use_column": "use --column",
    "error.sqlite_rounds.reading_table_took_longer_than": (
        "reading the table took longer than {sqlite_query_deadline} s and was stopped (a view "
        "that never ends, such as a recursive query without a limit?)"
    ),
    "error.sqlite_rounds.hint_point_table_plain_table_rounds": (
        "point --table at a plain table of rounds"
    ),
    # text_rounds
    "error.text_rounds.no_rows_below_header_line": "no rows below the header on line {header_line}",
    "error.text_rounds.no_header_line_line_holds": (
        "no header line: line {line} {show_raw} holds data"
    ),
    "error.text_rounds.hint_add_first_line_naming_columns": (
        "add a first line naming the columns, such as 'id,{column}'"
    ),
    "error.text_rounds.line_header_repeats_columns": (
        "line {line}: the header names {count:plural:column:columns} more than once: {duplicates}"
    ),
    "error.text_rounds.line_bad_csv": "line {line_num}: bad CSV: {error}",
    "error.text_rounds.no_column_header_line_columns": (
        "no {column} column in the header on line {line} (columns: {header})"
    ),
    "error.text_rounds.hint_name_multiplier_column_value_use": (
        "name the multiplier column 'value' or use --column"
    ),
    "error.text_rounds.line_fields_extra": (
        "line {start}: {record_count} fields where the header has {header_count} (extra fields)"
    ),
    "error.text_rounds.line_fields_missing": (
        "line {start}: {record_count} fields where the header has {header_count} (missing fields)"
    ),
    # feature_cache
    "error.feature_cache.features_must_look_like_module": (
        "--features {spec} must look like module:callable"
    ),
    "error.feature_cache.features_not_callable": "--features {spec} is not callable",
    "error.feature_cache.features_cannot_import": (
        "--features {spec}: cannot import {module_name} ({error})"
    ),
    "error.feature_cache.features_no": "--features {spec}: {module_name} has no {attribute}",
    # feature_workers
    "error.feature_workers.feature_extractor_returned_non_finite": (
        "feature extractor {name} returned non-finite {bad} on round index {index}"
    ),
    "error.feature_workers.feature_extractor_returned_expected_dict": (
        "feature extractor {name} returned {name__}; expected a dict or a sequence of floats"
    ),
    "error.feature_workers.feature_extractor_non_numeric_feature": (
        "feature extractor {name}: non-numeric feature ({error})"
    ),
    # model_inputs
    "error.model_inputs.model_input_shape_jetx_diag": (
        "model input {name} has shape {dims}; jetx_diag builds (None, N, 1) windows and (None, "
        "F) feature vectors"
    ),
    "error.model_inputs.hint_pass_precomputed_arrays_inputs_file": (
        "pass precomputed arrays with --inputs FILE.npz"
    ),
    "error.model_inputs.usable_rounds_but_model_needs": (
        "{usable} usable rounds, but the model needs {first_index} rounds of history before the "
        "first round it can predict"
    ),
    "error.model_inputs.no_held_out_rounds_left": "no held-out rounds left after the split",
    "error.model_inputs.round_index_fewer_than_rounds": (
        "round index {targets} has fewer than {length} rounds before it"
    ),
    "error.model_inputs.unknown_window_transform": "unknown window transform {transform}",
    "error.model_inputs.model_feature_input_no_feature": (
        "the model has a feature input {describe} and no feature extractor was given"
    ),
    "error.model_inputs.hint_pass_features_module_callable_precomputed": (
        "pass --features module:callable, or precomputed arrays with --inputs FILE.npz"
    ),
    "error.model_inputs.hint_extractor_scaler_model_must_come": (
        "the extractor, the scaler and the model must come from the same training run"
    ),
    "error.model_inputs.scaler_turned_features_into_array": (
        "the scaler turned {shape} features into an array of shape {shape2}; a scaler keeps one "
        "value per feature"
    ),
    "error.model_inputs.scaler_produced_non_finite_values": (
        "the scaler produced {bad} non-finite values"
    ),
    "error.model_inputs.scaler_produced_values_too_large": (
        "the scaler produced {sum} values too large for float32, the precision models compute in "
        "(largest {max})"
    ),
    "error.model_inputs.hint_statistics_probably_damaged_scale_near": (
        "its statistics are probably damaged (a scale_ near zero?); re-fit it"
    ),
    "error.model_inputs.test_id_past_last_round": (
        "--test-from-id {test_from_id} is past the last round id {ids}"
    ),
    "error.model_inputs.test_id_leaves_only_rounds": (
        "--test-from-id {test_from_id} leaves only {start} rounds of history before it; the "
        "model needs {first_index}"
    ),
    "error.model_inputs.test_fraction_must_0_1": (
        "--test-fraction must be in (0, 1], got {fraction}"
    ),
    "error.model_inputs.scaler_cannot_transform_features": (
        "the scaler cannot transform the {shape} features ({name__}: {text})"
    ),
    "error.model_inputs.inputs_file_not_found": "inputs file not found",
    "error.model_inputs.not_readable_npz_file": "not a readable .npz file ({error})",
    "error.model_inputs.array_shape_model_expects": (
        "array {name} has shape {shape}, model expects {shape2}"
    ),
    "error.model_inputs.input_holds_non_finite_values": (
        "input {name} holds {count} non-finite values"
    ),
    # predictions
    "error.predictions.hint_expected_sigmoid_threshold_n_1": (
        "expected a sigmoid 'threshold' (N, 1), a softmax 'classification' (N, 3) or a linear "
        "'regression' (N, 1) output"
    ),
    "error.predictions.no_prediction_rows": "no prediction rows",
    "error.predictions.line_actual_multiplier_below_1": "line {line}: actual multiplier below 1.00",
    "error.predictions.line_p_above_outside_0": "line {line}: p_above outside [0, 1]",
    "error.predictions.line_round_id_not_whole": "line {at}: round_id {ids} is not a whole number",
    "error.predictions.line_round_id_appears_more": (
        "line {second}: round_id {ids} appears more than once ({sum} repeated rows)"
    ),
    "error.predictions.line_not_number": "line {line}: {column} {raw} is not a number",
    "error.predictions.line": "line {line}: {column} is {strip}",
    "error.predictions.model_gives_neither_probability_above": (
        "the model gives neither a probability of 'above' nor a predicted multiplier, so no "
        "below/above call can be made"
    ),
    "error.predictions.model_produced_non_finite_values": (
        "the model produced {count} non-finite values on its {head} output for finite inputs "
        "({shape} rounds predicted)"
    ),
    "error.predictions.model_returned_rows_output_rounds": (
        "the model returned {shape} rows on its {head} output for {rounds} rounds of input; a "
        "model must return one row per round"
    ),
    "error.predictions.predictions_file_not_found": "predictions file not found",
    "error.predictions.not_readable_csv_file": "not a readable CSV file: {error}",
    "error.predictions.rows_actual": "{name} has {shape} rows, actual has {n}",
    "error.predictions.line_wrong_number_fields": "line {line}: wrong number of fields",
    # step_summary
    "error.step_summary.cannot_append_step_summary": "cannot append the step summary: {strerror}",
    "error.step_summary.hint_github_step_summary_must_name": (
        "GITHUB_STEP_SUMMARY must name a writable file"
    ),
    # writer
    "error.writer.unknown_report_format": "unknown report format {unknown}",
    # stats
    "error.stats.confidence_level_must_between_0": (
        "confidence level must be between 0 and 1, got {level}"
    ),
    "error.stats.bootstrap_needs_one_more_1": (
        "bootstrap needs one or more 1-D arrays of the same length"
    ),
    "error.stats.bootstrap_needs_least_one_resample": (
        "bootstrap needs at least one resample, got {n_resamples}"
    ),
    "error.stats.block_length_must_least_1": "block length must be at least 1, got {block_length}",
    "error.stats.unknown_target_operator": "unknown target operator {op}",
    "error.stats.target_must_percentage_got": "target must be a percentage, got {target_percent}",
    "error.stats.chance_deciding_must_between_0": (
        "the chance of deciding must be between 0 and 1, got {chance}"
    ),
    "error.stats.power_must_between_0_1": "power must be between 0 and 1, got {power}",
    # targets
    "error.targets.target_needs_operator": "target {text} needs an operator",
    "error.targets.hint_e_g_below_accuracy_75": "e.g. below_accuracy>=75",
    "error.targets.unknown_target_metric": "unknown target metric {metric}",
    "error.targets.unknown_target_operator": "unknown target operator {op} for {metric}",
    "error.targets.target_must_percentage_got": (
        "target for {metric} must be a percentage, got {value}"
    ),
    "error.targets.target_needs_operator_2": "target {metric} = {text} needs an operator",
    "error.targets.hint_e_g_below_accuracy_75_2": "e.g. below_accuracy = >= 75",
    "error.targets.target_not_number": "target {whole}: {strip} is not a number",
    # assessment
    "error.assessment.no_held_out_rounds_analyse": "no held-out rounds to analyse",
    "error.assessment.held_out_multipliers_must_finite": (
        "held-out multipliers must be finite numbers"
    ),
    "error.assessment.held_out_rounds_but_calls": "{size} held-out rounds but {size2} calls",
    "error.assessment.tests_tried_must_least_1": (
        "tests tried must be at least 1, got {tests_tried}"
    ),
    "error.assessment.metrics_given_do_not_match": (
        "the metrics given do not match the calls: {rows} vs {rows2}"
    ),
    # baselines
    "error.baselines.threshold_must_least_1_00": "threshold must be at least 1.00, got {threshold}",
    "error.baselines.logistic_baseline_needs_2_d": (
        "logistic baseline needs 2-D feature arrays (rounds × features)"
    ),
    "error.baselines.logistic_baseline_held_out_feature": (
        "logistic baseline: {shape} held-out feature rows for {n} rounds, {shape2} training "
        "feature rows for {size} training rounds"
    ),
    "error.baselines.logistic_baseline_held_out_features": (
        "logistic baseline: {shape} held-out features but {shape2} in training"
    ),
    # betting
    "error.betting.cash_out_multiplier_must_above": (
        "cash-out multiplier must be above 1.00, got {cashout}"
    ),
    "error.betting.rounds_but_bet_decisions": "{size} rounds but {size2} bet decisions",
    # calibration
    "error.calibration.probabilities_must_one_value_per": (
        "probabilities must be one value per round, got shape {shape}"
    ),
    "error.calibration.rounds_but_probabilities": "{n} rounds but {size} probabilities",
    "error.calibration.probability_round_outside_0_1": (
        "probability {p} of round {first} is outside [0, 1] ({sum} such values)"
    ),
    "error.calibration.calibration_needs_least_one_bin": (
        "calibration needs at least one bin, got {bins}"
    ),
    # cutoffs
    "error.cutoffs.cut_offs_must_one_more": "cut-offs must be one or more numbers in [0, 1]",
    "error.cutoffs.choosing_cut_off_needs_least": "choosing a cut-off needs at least one target",
    "error.cutoffs.validation_slice_rounds_must_end": (
        "the validation slice (rounds {val_first}–{val_last}) must end before the held-out "
        "rounds start ({held_first})"
    ),
    "error.cutoffs.hint_choose_cut_off_earlier_rounds": "choose the cut-off on earlier rounds",
    "error.cutoffs.validation_slice_rounds_but_probabilities": (
        "validation slice: {size} rounds but {size2} probabilities"
    ),
    # martingale
    "error.martingale.threshold_must_above_1_00": "threshold must be above 1.00, got {threshold}",
    "error.martingale.house_edge_must_within_0": (
        "house edge must be within [0, 1), got {house_edge}"
    ),
    "error.martingale.scores_must_one_value_per": "scores must be one value per round",
    "error.martingale.outcomes_but_scores": "{size} outcomes but {size2} scores",
    "error.martingale.fair_rate_must_within_0": "the fair rate must be within (0, 1), got {rate}",
    # null_simulation
    "error.null_simulation.must_whole_number_least_0": (
        "{null_simulations_variable} must be a whole number of at least 0, got {text}"
    ),
    "error.null_simulation.number_rounds_must_least_0": (
        "number of rounds must be at least 0, got {n}"
    ),
    "error.null_simulation.null_simulations_must_least_1": (
        "--null-simulations must be at least 1, got {simulations}"
    ),
    "error.null_simulation.no_simulated_fair_history_had": (
        "no simulated fair history had both outcomes among its held-out rounds"
    ),
    # randomness
    "error.randomness.randomness_audit_needs_one_multiplier": (
        "the randomness audit needs one multiplier per round"
    ),
    "error.randomness.randomness_audit_needs_finite_positive": (
        "the randomness audit needs finite positive multipliers"
    ),
    "error.randomness.tail_multipliers_must_above_1": "tail multipliers must be above 1.00",
    # significance
    "error.significance.no_trials_test": "{name}: no trials to test",
    "error.significance.outcomes_but_calls": "{size} outcomes but {size2} calls",
    "error.significance.outcomes_but_probabilities": "{size} outcomes but {size2} probabilities",
    # checks
    "error.checks.training_labels_must_0_1": (
        "training labels must be 0/1 (1 = reached the threshold)"
    ),
    "error.checks.hint_got_values_such": "got values such as {labels}",
    "error.checks.model_config_cannot_read": "model config cannot be read ({error})",
    "error.checks.model_config_nested_too_deeply": "model config is nested too deeply",
    "error.checks.holds_no_model_config_weights": "holds no model config (weights only?)",
    # console_log
    "error.console_log.log_pattern_expected_name_regex": (
        "--log-pattern {text}: expected NAME=REGEX"
    ),
    "error.console_log.hint_e_g_val_below_accuracy": (
        "e.g. val_below_accuracy='Below 1\\.5 acc: ([\\d.]+)%'"
    ),
    "error.console_log.log_pattern_pattern_needs_exactly": (
        "--log-pattern {name}: the pattern needs exactly one group for the value (it has "
        "{value_groups})"
    ),
    "error.console_log.hint_use_groups_not_value": "use (?:…) for groups that are not the value",
    "error.console_log.log_pattern_not_regular_expression": (
        "--log-pattern {name}: not a regular expression ({error})"
    ),
    "error.console_log.training_log_not_found": "training log not found",
    "error.console_log.directory_not_console_log": "is a directory, not a console log",
    "error.console_log.cannot_read_console_log": "cannot read console log: {strerror}",
    # diagnosis
    "error.diagnosis.goal_mode_must_min_max": "goal mode must be 'min' or 'max', not {goal_mode}",
    "error.diagnosis.goal_metric_no_training_log": (
        "goal metric {goal_metric} is in no training log"
    ),
    "error.diagnosis.hint_logged": "logged: {columns}",
    # logs
    "error.logs.not_directory": "not a directory",
    "error.logs.hint_give_run_s_output_folder": "give the run's output folder",
    "error.logs.no_training_logs_found": "no training logs found",
    "error.logs.hint_expected_csvlogger_files_stage1_csv": (
        "expected CSVLogger files (stage1.csv …), *_history.json, console logs (*.log, *.txt) or "
        "notebooks (*.ipynb); or give NAME=FILE"
    ),
    "error.logs.stage_names_repeat": "stage names repeat: {repeated}",
    "error.logs.hint_name_stages_stage_name_file": "name the stages with --stage NAME=FILE",
    "error.logs.hint_give_run_s_output_folder_2": (
        "give the run's output folder, a console log or a notebook"
    ),
    "error.logs.training_log_empty": "training log is empty",
    "error.logs.repeated_column_names": "repeated column names: {duplicates}",
    "error.logs.training_log_header_but_no": "training log has a header but no epochs",
    "error.logs.not_keras_history_dump": "not a Keras History dump",
    "error.logs.hint_expected": 'expected {{"loss": [...], "val_loss": [...], ...}}',
    "error.logs.metric_lists_differ_length": "metric lists differ in length ({described})",
    "error.logs.hint_epochs_cannot_aligned": "the epochs cannot be aligned",
    "error.logs.epoch_list_metric_lists_differ": (
        "the 'epoch' list and the metric lists differ in length"
    ),
    "error.logs.no_training_logs_given": "no training logs given",
    "error.logs.hint_give_least_one_name_file": "give at least one NAME=FILE",
    "error.logs.cannot_read_training_log": "cannot read training log: {error}",
    "error.logs.not_readable_csv_log": "not a readable CSV log: {error}",
    "error.logs.line_fields_header": (
        "line {line} has {row_count} fields, the header has {header_count}"
    ),
    "error.logs.hint_csvlogger_file": "is this a CSVLogger file?",
    "error.logs.not_valid_json_line": "not valid JSON: {msg} at line {lineno}",
    "error.logs.nested_too_deeply_training_history": (
        "is nested too deeply to be a training history"
    ),
    "error.logs.not_readable_history_json": "not a readable History JSON: {error}",
    "error.logs.holds_integer_digits_too_large": (
        "{key_} holds an integer of {digits} digits, too large for a float"
    ),
    "error.logs.line_epoch_not_whole_number": "line {line}: epoch {value} is not a whole number",
    "error.logs.epoch_list_holds_something_other": (
        "the 'epoch' list holds something other than integers"
    ),
    # notebook_log
    "error.notebook_log.not_jupyter_notebook_no_cells": "not a Jupyter notebook (no 'cells' list)",
    "error.notebook_log.nbformat_notebooks_not_read": "nbformat {major} notebooks are not read",
    "error.notebook_log.hint_save_v4": "save as v4",
    "error.notebook_log.notebook_no_saved_outputs": "notebook has no saved outputs",
    "error.notebook_log.hint_run_training_cells_save_notebook": (
        "run the training cells and save the notebook with its outputs"
    ),
    "error.notebook_log.cell_outputs_not_list": "cell {number}: 'outputs' is not a list",
    "error.notebook_log.notebook_bytes_more_than_tool": (
        "notebook is {size} bytes, more than this tool reads"
    ),
    "error.notebook_log.notebook_not_found": "notebook not found",
    "error.notebook_log.cannot_read_notebook": "cannot read notebook: {strerror}",
    "error.notebook_log.cell_stream_output_s_text": (
        "cell {number}: a stream output's text is not text"
    ),
    # stage_log
    "error.stage_log.training_log_holds_no_epochs": "training log holds no epochs",
    "error.stage_log.training_log_no_numeric_metric": "training log has no numeric metric columns",
    "error.stage_log.epoch_follows_epoch_epochs_must": (
        "epoch {later} follows epoch {earlier}: epochs must increase"
    ),
    "error.stage_log.hint_file_may_hold_several_runs": (
        "the file may hold several runs (CSVLogger append=True?); split it"
    ),
    # inspection (more)
    "error.inspection.hint_expected_keras_h5_keras_file": (
        "expected a Keras .h5 / .keras file or SavedModel directory, an ONNX model, a CatBoost "
        ".cbm, a LightGBM model text or an XGBoost .json/.ubj"
    ),
    "error.inspection.holds_weights_only_no_model": (
        "holds weights only (no model_config: written by save_weights)"
    ),
    "error.inspection.hdf5_file_without_keras_model": "is an HDF5 file without a Keras model in it",
    # keras_env (more)
    "error.keras_env.hint_pip_install_jetx_diag_keras": (
        "pip install 'jetx-diag[keras]', or pass --predictions to skip the model"
    ),
    # keras_loader (more)
    "error.keras_loader.model_contains_layers_run_python": (
        "the model contains layers that run Python code stored in the file: {code_layers}"
    ),
    "error.keras_loader.model_config_names_classes_outside": (
        "the model config names classes outside Keras, which tf_keras would import to rebuild "
        "it: {foreign_modules}"
    ),
    # loaded_model (more)
    "error.loaded_model.unexpected_model_outputs": "unexpected model outputs: {outputs}",
    # onnx_model (more)
    "error.onnx_model.hint_pip_install_jetx_diag_onnx": "pip install 'jetx-diag[onnx]'",
    # safe_pickle (more)
    "error.safe_pickle.not_pickle_joblib_skops_file": "is not a pickle, joblib or skops file",
    "error.safe_pickle.html_xml_page_not_scaler": (
        "is an HTML/XML page, not a scaler (probably a failed download)"
    ),
    "error.safe_pickle.git_lfs_pointer_not_scaler": (
        "is a Git LFS pointer, not the scaler itself (run `git lfs pull`)"
    ),
    "error.safe_pickle.json_file_not_scaler": "is a JSON file, not a scaler",
    "error.safe_pickle.keras_model_hdf5_not_scaler": "is a Keras model (HDF5), not a scaler",
    "error.safe_pickle.zip_archive_keras_model_not": (
        "is a zip archive (a .keras model?), not a scaler"
    ),
    "error.safe_pickle.savedmodel_directory_not_scaler": "is a SavedModel directory, not a scaler",
    "error.safe_pickle.refused_load_skops_file_needs": (
        "refused to load the skops file: it needs untrusted types outside the allow-list: {refused}"
    ),
    "error.safe_pickle.stream_truncated_bytes": (
        "the {kind} stream is truncated ({data_count} bytes)"
    ),
    "error.safe_pickle.stream_cannot_read": "the {kind} stream cannot be read ({name__}: {reason})",
    # savedmodel (more)
    "error.savedmodel.savedmodel_names_asset_files_outside": (
        "the SavedModel names asset files outside its folder: {assets}"
    ),
    # config (more)
    "error.config.hint_known_keys": "known keys: {keys}",
    # ranking (more)
    # model_inputs (more)
    "error.model_inputs.feature_counts_disagree_scaler": (
        "feature counts disagree: extractor {extractor}, model input {model}, scaler {scaler}"
    ),
    "error.model_inputs.feature_counts_disagree": (
        "feature counts disagree: extractor {extractor}, model input {model}"
    ),
    "error.model_inputs.no_array_for_inputs": (
        "no array for {count:plural:model input:model inputs}: {missing}"
    ),
    "error.model_inputs.hint_arrays_file": "arrays in the file: {arrays}",
    "error.model_inputs.row_counts_disagree_held_out": (
        "row counts disagree: {value}, held-out rounds {rounds}"
    ),
    "error.model_inputs.row_counts_disagree": "row counts disagree: {value}",
    "error.model_inputs.scaler_fitted_features_extractor_does": (
        "the scaler was fitted on features the extractor does not produce: {missing}"
    ),
    # predictions (more)
    "error.predictions.needs_columns_actual_p_above": (
        "needs columns 'actual' and 'p_above' (or 'regression'); found {fields}"
    ),
    # writer (more)
    # stats (more)
    # targets (more)
    # console_log (more)
    "error.console_log.no_complete_epoch": "no complete epoch: {stopped}",
    "error.console_log.every_epoch_cut_short": "every epoch was cut short",
    "error.console_log.no_keras_training_epochs_found": "no Keras training epochs found",
    "error.console_log.hint_expected_output_model_fit_verbose": (
        "expected the output of model.fit(verbose=1): 'Epoch 1/N' and progress lines"
    ),
    # by hand
    "error.inspection.hint_trust_code": "pass --trust-code only if you trust whoever made the file",
    "error.feature_cache.importing_for_features": "importing {module} for --features",
    "error.feature_cache.features_option": "--features {spec}",
    "error.feature_workers.feature_extractor_on_round": (
        "feature extractor {name} on round index {index}"
    ),
    "error.feature_workers.features_differ_in_count": (
        "feature extractor {name} returned features on round index {index} that differ in count "
        "({now} now, {before} before)"
    ),
    "error.feature_workers.features_differ_in_order": (
        "feature extractor {name} returned features on round index {index} that differ from the "
        "earlier rounds' in order (same {count} keys, first moved: {moved}); features must not "
        "change per round"
    ),
    "error.feature_workers.worker_stopped": (
        "feature extractor {name} stopped its worker process: {detail}"
    ),
    "error.feature_workers.features_now_before": "{now} features now, {before} before",
    "error.feature_workers.features_missing": "missing {names}",
    "error.feature_workers.features_new": "new {names}",
    "error.feature_workers.features_differ": (
        "feature extractor {name} returned features on round index {index} that differ from the "
        "earlier rounds' ({changes}); features must not change per round"
    ),
    "error.metadata.expected_got": "{key}: expected {expected}, got {got}",
    "error.metadata.number_too_large": "{key}: the number is too large for a float",
    "error.metadata.expected_whole_number": "{key}: expected a whole number, got {value}",
    "error.metadata.a_boolean": "a boolean",
    "error.metadata.a_number": "a number",
    "error.metadata.a_whole_number": "a whole number",
    "error.metadata.a_string": "a string ({value})",
    "error.metadata.a_list": "a list",
    "error.metadata.an_object": "an object",
    "error.metadata.an_object_or_list": "an object or a list",
    "error.metadata.a_callback": "a callback name or object",
    "error.messages.unknown_language": "unknown report language {lang}",
    "error.inspection.external_link": "{where} is an external link to {target}",
    "error.inspection.soft_link": "{where} is a soft link to {target}",
    "error.inspection.external_storage": (
        "dataset {where} is stored in {count:plural:external file:external files}: {files}"
    ),
    "error.inspection.virtual_dataset": "dataset {where} is a virtual dataset",
    "error.inspection.directory_without_saved_model": "is a directory without saved_model.pb",
    "error.inspection.unknown_type": "is of an unknown type",
    "error.custom_objects.keras_looked": (
        "Keras looked in its built-in objects, the classes registered with "
        "register_keras_serializable, and {option} ({modules})"
    ),
    "error.custom_objects.keras_looked_none_given": (
        "Keras looked in its built-in objects, the classes registered with "
        "register_keras_serializable, and {option} (none given)"
    ),
    "error.savedmodel.ops_listed": "{ops} (first in {first})",
    "error.savedmodel.ops_and_more": "{ops} and {more} more (first in {first})",
    "error.common.hint_one_of": "one of {choices}",
}
