"""build_context: the one place where results become display strings.

Also home of :func:`document_case`, the source document's test set as an ``Evaluation`` built by
hand, which the other report tests import (``from test_report_core import document_case``).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest
from jinja2 import nodes

from jetx_diag.errors import UsageError
from jetx_diag.evaluation.record import Evaluation
from jetx_diag.report.context import build_context, environment
from jetx_diag.report.provenance import MAX_REJECTED_SHOWN, recorded_percent
from jetx_diag.report.sections import SECTIONS
from jetx_diag.results import (
    Artifact,
    ConfusionMatrix,
    DataAccounting,
    EvaluationSettings,
    ModelSummary,
    Rate,
    RejectedRow,
    RoundCalls,
    Split,
)
from jetx_diag.scoring.metrics import compute_metrics, metrics_from_confusion
from jetx_diag.scoring.targets import DEFAULT_TARGETS, Target, Verdict, evaluate_targets

CREATED = "2025-10-09T10:30:00+00:00"
TOOL_VERSION = "0.1.0"
DOCUMENT_MATRIX = ConfusionMatrix(26, 412, 43, 637)
FIRST_ID = 4972


def document_calls(matrix: ConfusionMatrix = DOCUMENT_MATRIX, seed: int = 9) -> RoundCalls:
    """Rounds and calls whose confusion matrix is exactly ``matrix``, in a shuffled order."""
    rng = np.random.default_rng(seed)
    groups = [
        # (count, actual range, p_above range): below rounds < 1.5, "above" calls p >= 0.5
        (matrix.below_called_below, (1.0, 1.49), (0.20, 0.49)),
        (matrix.below_called_above, (1.0, 1.49), (0.50, 0.95)),
        (matrix.above_called_below, (1.5, 12.0), (0.20, 0.49)),
        (matrix.above_called_above, (1.5, 12.0), (0.50, 0.95)),
    ]
    actual: list[float] = []
    p_above: list[float] = []
    for count, (lo, hi), (p_lo, p_hi) in groups:
        actual.extend(np.round(rng.uniform(lo, hi, count), 2).tolist())
        p_above.extend(np.round(rng.uniform(p_lo, p_hi, count), 4).tolist())
    order = rng.permutation(len(actual))
    actual_arr = np.asarray(actual)[order]
    p_arr = np.asarray(p_above)[order]
    return RoundCalls(
        round_ids=tuple(range(FIRST_ID, FIRST_ID + len(actual))),
        actual=tuple(float(v) for v in actual_arr),
        called_above=tuple(bool(p >= 0.5) for p in p_arr),
        p_above=tuple(float(p) for p in p_arr),
    )


def document_case(**changes: object) -> tuple[Evaluation, Verdict]:
    """The source document's final model on its test set: 26/412/43/637, 3-class 437/1118."""
    metrics = metrics_from_confusion(DOCUMENT_MATRIX, classification_accuracy=Rate(437, 1118))
    evaluation = Evaluation(
        label="stage2_best.h5",
        tool_version=TOOL_VERSION,
        created=CREATED,
        settings=EvaluationSettings(),
        split=Split(
            usable_rounds=6089,
            first_predictable_index=500,
            samples=5589,
            train_samples=4471,
            test_samples=1118,
            test_first_id=FIRST_ID,
            test_last_id=FIRST_ID + 1117,
            rule="last 20% of samples",
        ),
        metrics=metrics,
        data=DataAccounting(
            source="data/jetx_data.db",
            rows_read=6091,
            rows_used=6089,
            rejected=(
                RejectedRow("id 6281", "'2.29\\u20281.29'", "several_numbers"),
                RejectedRow("id 6300", "'abc|x'", "not_a_number"),
            ),
            notes=("ids 100-102 missing (3 rows)",),
        ),
        calls=document_calls(),
        artifacts=(
            Artifact(
                "checkpoint",
                "models/stage2_best.h5",
                "a" * 64,
                4123456,
                {"keras_version": "2.15.0", "format": "hdf5"},
            ),
            Artifact("scaler", "models/scaler_progressive.pkl", "b" * 64, 2311, {}),
            Artifact("metadata", "models/progressive_model_info.json", "c" * 64, 845, {}),
            Artifact("data", "data/jetx_data.db", "d" * 64, 401408, {}),
        ),
        model=ModelSummary(
            inputs=("features (None, 42)", "seq50 (None, 50, 1)"),
            outputs=("threshold (None, 1) sigmoid → p_above",),
            parameters=1034567,
            saved_by="tf.keras 2.15.0",
        ),
        recorded={"threshold_accuracy": 0.593, "money_loss_risk": 94.1, "val_mae": 9.268},
        warnings=("scikit-learn 1.3.2 wrote the scaler; 1.9.0 reads it",),
    )
    if changes:
        evaluation = replace(evaluation, **changes)
    return evaluation, evaluate_targets(evaluation.metrics, DEFAULT_TARGETS)


# --------------------------------------------------------------------------- the fixture itself


def test_document_calls_reproduce_the_documents_matrix() -> None:
    calls = document_calls()
    metrics = compute_metrics(calls.actual, calls.called_above)
    assert metrics.confusion == DOCUMENT_MATRIX
    assert len(calls.round_ids) == 1118


# --------------------------------------------------------------------------- targets section


def test_targets_rows_use_rate_text_and_rounded_factors() -> None:
    evaluation, verdict = document_case()
    rows = {
        r["metric"]: r
        for r in build_context(evaluation, verdict, include_plots=False)["targets"]["rows"]
    }
    assert rows["below_accuracy"]["result"] == "5.94% (26/438)"
    assert rows["below_accuracy"]["status_symbol"] == "❌"
    # 75 / 5.94 = 12.63 → shown once, one decimal.
    assert rows["below_accuracy"]["off"] == "12.6x below target"
    # 94.06 / 20 = 4.70: a "lower is better" target is "above the limit".
    assert rows["money_loss_risk"]["result"] == "94.06% (412/438)"
    assert rows["money_loss_risk"]["off"] == "4.7x above the limit"
    # 75 / 59.30 = 1.26
    assert rows["threshold_accuracy"]["off"] == "1.3x below target"
    # 60 / 39.09 = 1.53
    assert rows["classification_accuracy"]["result"] == "39.09% (437/1118)"
    assert rows["classification_accuracy"]["off"] == "1.5x below target"
    # Met, but only because nearly every call is "above": one-sided, as the document says.
    assert rows["above_accuracy"]["status_symbol"] == "✅"
    assert rows["above_accuracy"]["off"] == "met, but one-sided"


def test_targets_headline_and_bias_sentence_english_and_turkish() -> None:
    evaluation, verdict = document_case()
    en = build_context(evaluation, verdict, "en", include_plots=False)["targets"]
    assert en["headline"] == "4 of 5 targets missed."
    assert en["heading"] == "🔴 Critical findings"
    # 1049 of 1118 calls are "above" = 93.83%: at least 80% (biased), below 95% (stuck).
    assert en["bias"] == (
        "The model is strongly biased towards 'above 1.5': 93.83% (1049/1118) of its calls "
        "are 'above 1.5'."
    )
    tr = build_context(evaluation, verdict, "tr", include_plots=False)["targets"]
    assert tr["heading"] == "🔴 KRİTİK SORUNLAR"
    assert tr["headline"] == "Tutmayan hedef: 4 / 5."
    assert "bias'ına sahip" in tr["bias"] and "%93.83 (1049/1118)" in tr["bias"]
    rows = {r["metric"]: r for r in tr["rows"]}
    assert rows["below_accuracy"]["name"] == "1.5 Altı Doğruluğu"
    assert rows["below_accuracy"]["off"] == "12.6x daha kötü"
    assert rows["above_accuracy"]["off"] == "İyi ama tek taraflı"


def test_stuck_model_is_named_stuck_at_95_percent() -> None:
    # 1060 of 1118 calls "above" = 94.81% → biased; 1063 = 95.08% → stuck.
    for called_below, level in ((58, "biased"), (55, "stuck")):
        matrix = ConfusionMatrix(called_below, 438 - called_below, 0, 680)
        evaluation, verdict = document_case(metrics=metrics_from_confusion(matrix))
        bias = build_context(evaluation, verdict, include_plots=False)["targets"]["bias"]
        expected = "The model is stuck" if level == "stuck" else "The model is strongly"
        assert bias.startswith(expected)


def test_model_stuck_on_below_is_detected_too() -> None:
    matrix = ConfusionMatrix(438, 0, 660, 20)  # 1098 of 1118 calls "below" = 98.21%
    evaluation, verdict = document_case(metrics=metrics_from_confusion(matrix))
    context = build_context(evaluation, verdict, include_plots=False)
    assert context["targets"]["bias"] == (
        "The model is stuck on 'below 1.5': 98.21% (1098/1118) of its calls are 'below 1.5'. "
        "Unusable as it stands."
    )
    rows = {r["metric"]: r for r in context["targets"]["rows"]}
    assert rows["below_accuracy"]["off"] == "met, but one-sided"


def test_balanced_model_has_no_bias_sentence_and_passes() -> None:
    matrix = ConfusionMatrix(400, 38, 60, 620)
    evaluation, verdict = document_case(
        metrics=metrics_from_confusion(matrix, classification_accuracy=Rate(800, 1118))
    )
    targets = build_context(evaluation, verdict, include_plots=False)["targets"]
    assert targets["bias"] is None
    assert targets["headline"] == "All 5 applicable targets met."
    assert targets["heading"] == "✅ Targets"
    assert all(row["off"] == "—" for row in targets["rows"])


def test_missing_head_and_zero_denominator_are_not_available() -> None:
    matrix = ConfusionMatrix(0, 0, 10, 30)  # no round ended below: below accuracy is 0/0
    evaluation, verdict = document_case(metrics=metrics_from_confusion(matrix))
    rows = {
        r["metric"]: r
        for r in build_context(evaluation, verdict, include_plots=False)["targets"]["rows"]
    }
    assert rows["below_accuracy"]["result"] == "n/a (0/0)"
    assert rows["below_accuracy"]["status_symbol"] == "—"
    assert rows["classification_accuracy"]["result"] == "—"
    assert rows["classification_accuracy"]["off"] == "the model has no such output"


def test_headlines_for_all_missed_and_none_applicable() -> None:
    matrix = ConfusionMatrix(0, 438, 680, 0)  # every call wrong
    evaluation, verdict = document_case(metrics=metrics_from_confusion(matrix))
    targets = build_context(evaluation, verdict, "tr", include_plots=False)["targets"]
    assert targets["headline"].startswith("MODEL TAMAMEN BAŞARISIZ")
    assert targets["headline_symbol"] == "❌"
    only_class = evaluate_targets(
        evaluation.metrics, (Target("classification_accuracy", ">=", 60),)
    )
    targets = build_context(evaluation, only_class, include_plots=False)["targets"]
    assert (targets["headline_symbol"], targets["headline"]) == (
        "—",
        "No target applies to this model.",
    )
    assert targets["passed"] and targets["heading"] == "✅ Targets"


def test_unbounded_factors_have_words() -> None:
    matrix = ConfusionMatrix(0, 438, 0, 680)  # below accuracy 0%: no finite factor
    evaluation, _ = document_case(metrics=metrics_from_confusion(matrix))
    verdict = evaluate_targets(
        evaluation.metrics,
        (Target("below_accuracy", ">=", 75), Target("money_loss_risk", "<=", 0)),
    )
    rows = build_context(evaluation, verdict, include_plots=False)["targets"]["rows"]
    assert [r["off"] for r in rows] == ["none reached", "above a 0% limit"]


def test_decision_column_appears_only_when_known() -> None:
    evaluation, verdict = document_case()
    assert not build_context(evaluation, verdict, include_plots=False)["targets"]["show_decision"]
    first = verdict.results[0]
    decided = Verdict(
        (
            replace(
                first, decision="undecided", rounds_to_decide=2300, held_out_rounds_to_decide=5870
            ),
            *verdict.results[1:],
        )
    )
    targets = build_context(evaluation, decided, include_plots=False)["targets"]
    assert targets["show_decision"]
    # The first target is below-1.5 accuracy: its rate counts the rounds below 1.5.
    assert targets["rows"][0]["decision"] == (
        "undecided (about 2300 more rounds below 1.5, about 5870 more held-out rounds, for a "
        "decision with 80% probability, if the rate stays where it is)"
    )
    assert targets["rows"][1]["decision"] == "—"


# --------------------------------------------------------------------------- other sections


def test_confusion_marks_only_the_money_losing_cell() -> None:
    evaluation, verdict = document_case()
    confusion = build_context(evaluation, verdict, "tr", include_plots=False)["confusion"]
    assert confusion["corner"] == "Gerçek / Tahmin"
    cells = [cell for row in confusion["rows"] for cell in row["cells"]]
    assert [c["count"] for c in cells] == [26, 412, 43, 637]
    assert [c["money_loss"] for c in cells] == [False, True, False, False]
    assert cells[1]["marker"] == "← Para kaybı"
    assert confusion["rows"][0]["note"] == "%94.06 (412/438) YANLIŞ (Para kaybı)"


def test_bettor_view_counts_bets_and_explains_both_denominators() -> None:
    evaluation, verdict = document_case()
    bettor = build_context(evaluation, verdict, include_plots=False)["bettor"]
    # Bets placed = "above" calls = 412 + 637 = 1049; of those, 412 lost = 39.28%.
    assert [row["value"] for row in bettor["rows"]] == ["93.83% (1049/1118)", "39.28% (412/1049)"]
    text = bettor["explanation"]
    assert "94.06% (412/438)" in text and "39.28% (412/1049)" in text
    assert "438 rounds" in text and "1049 bets" in text


def test_analysis_bullets_are_computed_from_the_numbers() -> None:
    evaluation, verdict = document_case()
    bullets = build_context(evaluation, verdict, include_plots=False)["analysis"]["bullets"]
    assert bullets[0] == (
        "Of the 438 rounds that ended below 1.5, the model found 26: 5.94% (26/438)."
    )
    assert bullets[1] == "412 rounds below 1.5 were called 'above' → money lost."
    # 1049/1118 = 93.83% "above" calls: the bias sentence, which names the share.
    assert bullets[2].startswith("The model is strongly biased towards 'above 1.5': 93.83%")
    # 94.06% vs 93.68%: 0.38 points apart, under SAME_RATE_POINTS.
    assert bullets[3].endswith("say little about how a round will end.")
    # 680/1118 = 60.82% above: always saying "above" beats the model's 59.30%.
    assert bullets[4] == (
        "Held-out rounds: 60.82% (680/1118) ended above 1.5, 39.18% (438/1118) below it."
    )
    assert bullets[5] == (
        "Always saying 'above 1.5' would score 60.82% (680/1118) threshold accuracy; the model "
        "scores 59.30% (663/1118). The model does no better than that."
    )


def test_analysis_of_a_useful_model_has_no_warnings_words() -> None:
    matrix = ConfusionMatrix(400, 38, 60, 620)
    evaluation, verdict = document_case(metrics=metrics_from_confusion(matrix))
    bullets = build_context(evaluation, verdict, include_plots=False)["analysis"]["bullets"]
    text = " ".join(bullets)
    assert "no better" not in text and "say little" not in text and "biased" not in text
    assert "91.23% (1020/1118)" in text  # threshold accuracy beside the 60.82% baseline
    assert "58.86% (658/1118) of all calls are 'above 1.5'." in bullets


def test_data_quality_lists_rejected_rows_by_reason() -> None:
    evaluation, verdict = document_case()
    quality = build_context(evaluation, verdict, "tr", include_plots=False)["data_quality"]
    assert quality["accounting"] == "6091 satır okundu = 6089 kullanıldı + 2 reddedildi."
    assert quality["by_reason"] == [
        {"reason": "sayı değil", "rows": 1},
        {"reason": "bir hücrede birden fazla sayı", "rows": 1},
    ]
    assert quality["rejected"][0] == {
        "where": "id 6281",
        "raw": "'2.29\\u20281.29'",
        "reason": "bir hücrede birden fazla sayı",
    }
    assert quality["notes"] == ["ids 100-102 missing (3 rows)"]


def test_data_quality_caps_the_listed_rows_and_keeps_unknown_reason_codes() -> None:
    rows = tuple(RejectedRow(f"line {i}", "x", "brand_new_reason") for i in range(60))
    evaluation, verdict = document_case(
        data=DataAccounting("h.csv", rows_read=100, rows_used=40, rejected=rows)
    )
    quality = build_context(evaluation, verdict, include_plots=False)["data_quality"]
    assert len(quality["rejected"]) == MAX_REJECTED_SHOWN
    assert quality["more"] == "… and 10 more rejected rows (all are listed in the JSON output)."
    assert quality["by_reason"] == [{"reason": "brand_new_reason", "rows": 60}]


def test_artifacts_show_hash_size_and_keras_version() -> None:
    evaluation, verdict = document_case()
    artifacts = build_context(evaluation, verdict, include_plots=False)["artifacts"]
    first = artifacts["rows"][0]
    assert first["role"] == "checkpoint"
    assert first["sha256"] == "a" * 64
    assert first["size"] == "4,123,456 bytes"
    assert first["saved_by"] == "Keras 2.15.0"
    assert first["details"] == "format: hdf5, keras_version: 2.15.0"
    assert artifacts["model"][2]["items"] == ["1,034,567"]


def test_a_checkpoint_whose_writer_is_unknown_shows_none_in_every_language() -> None:
    """The evaluator records ``saved_by: unknown`` (English, for the JSON); a page shows the
    catalog's "none" mark rather than the English word, and the Turkish size its own way."""
    unknown = Artifact("checkpoint", "m.h5", "a" * 64, 38999, {"saved_by": "unknown"})
    evaluation, verdict = document_case(artifacts=(unknown,))
    for lang in ("en", "tr"):
        row = build_context(evaluation, verdict, lang, include_plots=False)["artifacts"]["rows"][0]
        assert row["saved_by"] == "—"
    turkish = build_context(evaluation, verdict, "tr", include_plots=False)["artifacts"]
    assert turkish["rows"][0]["size"] == "38,999 bayt"  # grouped as the document's "2,135"


@pytest.mark.parametrize(
    ("value", "percent"), [(0.593, 59.3), (59.3, 59.3), (1.0, 100.0), (0.0, 0.0), (94.1, 94.1)]
)
def test_recorded_values_are_normalised_to_percent(value: float, percent: float) -> None:
    assert recorded_percent(value) == pytest.approx(percent)


def test_recorded_vs_measured_matches_names_and_keeps_the_rest() -> None:
    evaluation, verdict = document_case()
    recorded = build_context(evaluation, verdict, include_plots=False)["recorded"]
    assert recorded["matched"] == [
        {
            "name": "Threshold accuracy",
            "recorded": "0.593",
            "percent": "59.30%",
            "measured": "59.30% (663/1118)",
        },
        {
            "name": "Money-loss risk",
            "recorded": "94.1",
            "percent": "94.10%",
            "measured": "94.06% (412/438)",
        },
    ]
    assert recorded["other"] == [{"key": "val_mae", "value": "9.268"}]


def test_optional_sections_are_left_out_when_empty() -> None:
    evaluation, verdict = document_case(recorded={}, warnings=(), artifacts=(), model=None)
    context = build_context(evaluation, verdict, include_plots=False)
    assert context["sections"] == [
        "header",
        "targets",
        "confusion",
        "bettor",
        "analysis",
        "data_quality",
    ]
    assert context["recorded"] is None and context["plots"] is None


def test_header_facts() -> None:
    evaluation, verdict = document_case()
    rows = build_context(evaluation, verdict, include_plots=False)["header"]["rows"]
    facts = {row["label"]: row["value"] for row in rows}
    assert facts["Checkpoint"] == "models/stage2_best.h5"
    assert facts["Scaler"] == "models/scaler_progressive.pkl"
    assert facts["Rounds"] == "6091 rows read, 6089 usable, 1118 held-out rounds evaluated"
    assert facts["Held-out split"] == (
        "last 20% of samples: ids 4972–6089 (4471 earlier samples not evaluated)"
    )
    assert facts["Call rule"] == "'above 1.5' when p_above ≥ 0.5"
    assert facts["Date"] == "2025-10-09 10:30:00 UTC"
    assert facts["Tool"] == "jetx-diag 0.1.0"


def test_header_of_a_predictions_file_without_probabilities() -> None:
    calls = document_calls()
    evaluation, verdict = document_case(
        artifacts=(Artifact("predictions", "preds.csv", None, None, {}),),
        calls=replace(calls, p_above=None),
        created="2025-10-09T12:30:00+02:00",
    )
    context = build_context(evaluation, verdict)
    facts = {row["label"]: row["value"] for row in context["header"]["rows"]}
    assert facts["Predictions"] == "preds.csv"
    assert "Checkpoint" not in facts and "Scaler" not in facts
    assert facts["Call rule"] == "'above 1.5' when the predicted multiplier ≥ 1.5"
    assert facts["Date"] == "2025-10-09 10:30:00 UTC"
    # No probabilities: the histogram is left out, the confusion matrix stays.
    assert [image["name"] for image in context["plots"]["images"]] == ["confusion"]


def test_split_without_ids_or_earlier_samples() -> None:
    evaluation, _ = document_case()
    split = replace(
        evaluation.split, train_samples=0, test_first_id=None, test_last_id=None, rule="all rows"
    )
    evaluation, verdict = document_case(split=split)
    for lang, label in (("en", "Held-out split"), ("tr", "Test ayrımı")):
        rows = build_context(evaluation, verdict, lang, include_plots=False)["header"]["rows"]
        assert {row["label"]: row["value"] for row in rows}[label] == "all rows"
    split = replace(split, train_samples=10)
    evaluation, verdict = document_case(split=split)
    rows = build_context(evaluation, verdict, "tr", include_plots=False)["header"]["rows"]
    facts = {row["label"]: row["value"] for row in rows}
    assert facts["Test ayrımı"] == "all rows (önceki 10 örnek değerlendirilmedi)"


def test_unknown_language_is_a_usage_error() -> None:
    evaluation, verdict = document_case()
    with pytest.raises(UsageError, match="unknown report language 'de'"):
        build_context(evaluation, verdict, "de")


def test_every_section_has_a_partial_in_each_format() -> None:
    env = environment()
    names = [name for name, _ in SECTIONS] + ["plots"]
    for name in names:
        for fmt in ("md", "html"):
            env.get_template(f"_{name}.{fmt}.j2")  # raises TemplateNotFound when missing


def test_templates_hold_no_arithmetic_rounding_or_thresholds() -> None:
    """Templates print, loop and branch: no arithmetic, no number filters, no numeric limits."""
    env = environment()
    templates = env.list_templates(extensions=["j2"])
    assert len(templates) >= 20
    for name in templates:
        tree = env.parse(env.loader.get_source(env, name)[0])
        assert not list(tree.find_all(nodes.BinExpr)), name  # + - * / // % **
        assert not list(tree.find_all((nodes.Neg, nodes.Pos))), name
        filters = {f.name for f in tree.find_all(nodes.Filter)}
        assert filters <= {"md", "code"}, (name, filters)
        for compare in tree.find_all(nodes.Compare):
            constants = [c.value for c in compare.find_all(nodes.Const)]
            assert not any(isinstance(v, int | float) for v in constants), name
