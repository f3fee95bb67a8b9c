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
    # Short pieces last: a whole sentence is matched before these are tried on it.
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
}
