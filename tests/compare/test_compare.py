"""compare: ranking, the rule that chose the best, McNemar pairs, collapse, ROC, saved form.

Every evaluation here is ten hand-made rounds (five ending at 1.20, five at 2.00, alternating),
so every count below is checked by hand. No TensorFlow.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest

from jetx_diag.compare.document import parse_comparison_json, render_comparison_json
from jetx_diag.compare.ranking import (
    COMPARISON_FORMAT_VERSION,
    Candidate,
    Comparison,
    collapsed_side,
    compare,
    ranking_rows,
    roc_curve_of,
    rule_keys,
)
from jetx_diag.errors import InputError, UsageError
from jetx_diag.evaluation.evaluator import evaluation_from_predictions
from jetx_diag.evaluation.record import Evaluation
from jetx_diag.predictions import Predictions
from jetx_diag.report.compare_page import (
    build_compare_context,
    compare_summary,
    report_folders,
    write_comparison,
)
from jetx_diag.report.figures.compare import BarLabels, RocLabels, class_accuracy_bars, roc_overlay
from jetx_diag.results import DataAccounting, EvaluationSettings, Split, from_dict
from jetx_diag.scoring.targets import Target

ACTUAL = [1.2, 2.0] * 5  # below, above, below, …: five of each
PERFECT = [0.1, 0.9] * 5


def evaluation(
    label: str,
    p_above: list[float],
    *,
    actual: list[float] | None = None,
    first_id: int = 1,
    class_probs: np.ndarray | None = None,
) -> Evaluation:
    actual = ACTUAL if actual is None else actual
    n = len(actual)
    ids = np.arange(first_id, first_id + n)
    split = Split(n, 0, n, 0, n, first_id, first_id + n - 1, "every row of the predictions file")
    return evaluation_from_predictions(
        Predictions(ids, np.asarray(actual, float), np.asarray(p_above, float), class_probs),
        label=label,
        settings=EvaluationSettings(),
        split=split,
        data=DataAccounting("rounds.csv", n, n, ()),
    )


def candidates(*evaluations: Evaluation) -> list[Candidate]:
    return [Candidate(e, f"/runs/{e.label}") for e in evaluations]


PERFECT_EVAL = evaluation("perfect.h5", PERFECT)
ONE_MISS = evaluation("one_miss.h5", [0.1, 0.4, *PERFECT[2:]])  # round 2 (above) called below
COLLAPSED = evaluation("collapsed.h5", [0.9] * 10)
INVERTED = evaluation("inverted.h5", [0.9, 0.1] * 5)


# --------------------------------------------------------------------------- ranking


def test_default_rule_picks_most_targets_then_threshold_accuracy() -> None:
    result = compare(candidates(ONE_MISS, COLLAPSED, PERFECT_EVAL, INVERTED))
    assert [e.label for e in result.entries] == [
        "perfect.h5",  # 4 targets met, threshold accuracy 100%
        "one_miss.h5",  # 4 met, 90% (9/10)
        "inverted.h5",  # 0 met
        "collapsed.h5",  # 1 met (above accuracy 100%), but collapsed onto "above"
    ]
    assert [e.rank for e in result.entries] == [1, 2, 3, 4]
    assert result.best.label == "perfect.h5"
    assert result.rule == ("not_collapsed", "targets_met", "threshold_accuracy", "money_loss_risk")
    assert result.decided_by == "threshold_accuracy"
    assert [e.verdict.met_count for e in result.entries] == [4, 4, 0, 1]
    assert [e.collapsed_to for e in result.entries] == [None, None, None, "above"]
    assert result.same_rounds


def test_collapsed_is_ranked_last_even_by_the_metric_it_wins() -> None:
    # Always "above" has 100% above accuracy, like perfect, and beats one_miss's 80%.
    result = compare(candidates(COLLAPSED, ONE_MISS), rank_by="above_accuracy")
    assert [e.label for e in result.entries] == ["one_miss.h5", "collapsed.h5"]
    assert result.decided_by == "not_collapsed"
    assert result.rule == ("not_collapsed", "above_accuracy", "targets_met", "threshold_accuracy")


def test_lower_is_better_for_money_loss_risk() -> None:
    # loses: calls above on one below round (money-loss risk 1/5 = 20%), otherwise right.
    loses = evaluation("loses.h5", [0.9, 0.9, *PERFECT[2:]])
    result = compare(candidates(loses, ONE_MISS), rank_by="money_loss_risk")
    assert [e.label for e in result.entries] == ["one_miss.h5", "loses.h5"]
    assert result.decided_by == "money_loss_risk"
    assert result.entries[1].evaluation.metrics.money_loss_risk.text() == "20.00% (1/5)"


def test_full_tie_keeps_the_order_given() -> None:
    twin = evaluation("twin.h5", PERFECT)
    result = compare(candidates(twin, PERFECT_EVAL))
    assert [e.label for e in result.entries] == ["twin.h5", "perfect.h5"]
    assert result.decided_by == "order"
    (pair,) = result.pairs
    assert pair.result is not None and pair.result.outcome == "indistinguishable"
    assert pair.result.p_value == 1.0  # no discordant round at all


def test_a_metric_the_models_lack_ranks_nothing_and_falls_through() -> None:
    result = compare(candidates(ONE_MISS, PERFECT_EVAL), rank_by="classification_accuracy")
    assert result.best.label == "perfect.h5"  # n/a for both: targets met, then accuracy decide
    assert result.decided_by == "threshold_accuracy"


def test_bad_rule_and_duplicate_labels_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="--rank-by 'speed'"):
        rule_keys("speed")
    with pytest.raises(UsageError, match=r"both labelled 'perfect\.h5'"):
        compare([Candidate(PERFECT_EVAL, "a/perfect.h5"), Candidate(PERFECT_EVAL, "b/perfect.h5")])
    with pytest.raises(UsageError, match="nothing to compare"):
        compare([])


def test_collapse_limit_is_the_reports_stuck_limit() -> None:
    actual = [1.2] * 5 + [2.0] * 95
    almost = evaluation("a.h5", [0.9] * 95 + [0.1] * 5, actual=actual)  # 95/100 "above"
    fewer = evaluation("b.h5", [0.9] * 94 + [0.1] * 6, actual=actual)  # 94/100
    assert collapsed_side(almost) == "above"
    assert collapsed_side(fewer) is None
    assert collapsed_side(evaluation("c.h5", [0.1] * 10)) == "below"


# --------------------------------------------------------------------------- McNemar pairs


def test_pairs_count_discordant_rounds_and_holm_correct() -> None:
    result = compare(candidates(PERFECT_EVAL, ONE_MISS, INVERTED))
    by_other = {pair.other: pair for pair in result.pairs}
    miss = by_other["one_miss.h5"].result
    inverted = by_other["inverted.h5"].result
    assert miss is not None and inverted is not None
    assert (miss.model_only_correct, miss.baseline_only_correct, miss.both_correct) == (1, 0, 9)
    assert (inverted.model_only_correct, inverted.baseline_only_correct) == (10, 0)
    assert miss.exact and inverted.exact
    # Exact two-sided binomial: 1 discordant round gives p = 1; 10 of 10 give 2 × 0.5¹⁰.
    assert miss.p_value == pytest.approx(1.0)
    assert inverted.p_value == pytest.approx(2 * 0.5**10)
    # Holm over the two comparisons: the smaller p doubled, the larger one kept.
    assert inverted.p_value_adjusted == pytest.approx(4 * 0.5**10)
    assert miss.p_value_adjusted == pytest.approx(1.0)
    assert (miss.outcome, inverted.outcome) == ("indistinguishable", "better")
    assert by_other["one_miss.h5"].shared_rounds == 10


def test_pairs_use_only_rounds_both_evaluated() -> None:
    # ids 6–15; ids 6–10 are the same rounds as PERFECT_EVAL's (2.0, 1.2, 2.0, 1.2, 2.0).
    later = evaluation("later.h5", [*PERFECT[1:], 0.1], actual=[*ACTUAL[1:], 1.2], first_id=6)
    # Same ids, other outcomes: another history that happens to reuse ids.
    other_history = evaluation("other.h5", PERFECT, actual=[2.0, 1.2] * 5)
    result = compare(candidates(PERFECT_EVAL, later, other_history))
    pairs = {pair.other: pair for pair in result.pairs}
    assert pairs["later.h5"].shared_rounds == 5
    assert pairs["other.h5"].shared_rounds == 0 and pairs["other.h5"].result is None
    assert not result.same_rounds


# --------------------------------------------------------------------------- ROC


def test_roc_curves_from_the_saved_calls() -> None:
    perfect = roc_curve_of(PERFECT_EVAL)
    assert perfect is not None and perfect.auc == 1.0
    assert (perfect.fpr[0], perfect.tpr[0], perfect.fpr[-1], perfect.tpr[-1]) == (0, 0, 1, 1)
    flat = roc_curve_of(COLLAPSED)
    assert flat is not None and flat.auc == 0.5
    inverted = roc_curve_of(INVERTED)
    assert inverted is not None and inverted.auc == 0.0
    one_class = evaluation("x.h5", [0.9] * 4, actual=[2.0] * 4)
    assert roc_curve_of(one_class) is None


# --------------------------------------------------------------------------- saved form


def test_json_round_trip_gives_the_same_comparison() -> None:
    result = compare(candidates(ONE_MISS, COLLAPSED, PERFECT_EVAL, INVERTED))
    text = render_comparison_json(result)
    document = json.loads(text)
    assert document["format_version"] == COMPARISON_FORMAT_VERSION == 1
    assert document["baseline"] is None
    again = parse_comparison_json(text, "saved.json")
    assert again == result
    assert ranking_rows(again) == ranking_rows(result)
    assert from_dict(Comparison, document["comparison"]) == result


def test_newer_saved_comparison_is_refused() -> None:
    result = compare(candidates(PERFECT_EVAL))
    document = json.loads(render_comparison_json(result))
    document["format_version"] = COMPARISON_FORMAT_VERSION + 1
    with pytest.raises(InputError, match=r"newer jetx-diag .*format_version 2"):
        parse_comparison_json(json.dumps(document), "new.json")
    document["format_version"] = 1
    document["comparison"]["entries"][0]["evaluation"]["format_version"] = 99
    with pytest.raises(InputError, match="evaluation section was written by a newer"):
        parse_comparison_json(json.dumps(document), "new.json")
    with pytest.raises(InputError, match="not a saved jetx-diag comparison"):
        parse_comparison_json('{"evaluation": {}}', "other.json")
    with pytest.raises(InputError, match="not valid JSON"):
        parse_comparison_json('{"comparison": NaN}', "nan.json")


def test_older_reader_ignores_keys_it_does_not_know() -> None:
    result = compare(candidates(PERFECT_EVAL, ONE_MISS))
    document = json.loads(render_comparison_json(result))
    document["comparison"]["added_later"] = {"x": 1}
    document["comparison"]["entries"][0]["added_later"] = 3
    assert parse_comparison_json(json.dumps(document), "later.json") == result


# --------------------------------------------------------------------------- the page


def test_summary_says_best_rule_collapse_and_indistinguishable() -> None:
    result = compare(candidates(ONE_MISS, COLLAPSED, PERFECT_EVAL, INVERTED))
    text = compare_summary(result)
    assert "**Best: perfect.h5**" in text
    assert (
        "Ranked by: not collapsed onto one class → most targets met → highest threshold "
        "accuracy → lowest money-loss risk." in text
    )
    assert (
        "Ahead of one_miss.h5 on 'highest threshold accuracy': 100.00% (10/10) against "
        "90.00% (9/10)." in text
    )
    assert (
        "collapsed.h5 calls 'above 1.5' on 100.00% (10/10) of the held-out rounds: it has "
        "collapsed onto one class" in text
    )
    assert "McNemar's test cannot tell perfect.h5 apart from one_miss.h5" in text
    # The ranking row of one_miss: 4 of 4 targets, every rate with its counts.
    row = next(line for line in text.splitlines() if line.startswith("| 2 |"))
    assert "4 of 4" in row and "80.00% (4/5) ✅" in row and "90.00% (9/10) ✅" in row
    assert "![" not in text and "](" not in text  # a step summary has no files beside it


def test_turkish_page() -> None:
    result = compare(candidates(PERFECT_EVAL, COLLAPSED))
    text = compare_summary(result, "tr")
    assert "**En iyi: perfect.h5**" in text
    assert "Para Kaybı Riski" in text and "1.5 Altı Doğruluğu" in text
    assert "tek sınıfa çökmüş" in text


def test_written_page_links_reports_and_html_is_self_contained(tmp_path: Path) -> None:
    result = compare(candidates(ONE_MISS, PERFECT_EVAL, COLLAPSED))
    written = write_comparison(result, tmp_path, formats=("md", "html"))
    names = {p.relative_to(tmp_path).as_posix() for p in written}
    assert {"compare.md", "compare.html", "compare.classes.png", "compare.roc.png"} <= names
    for folder in ("one_miss", "perfect", "collapsed"):
        assert {f"{folder}/report.md", f"{folder}/report.html"} <= names
    html = (tmp_path / "compare.html").read_text(encoding="utf-8")
    links = [link for link in re.findall(r'href="([^"]+)"', html) if not link.startswith("#")]
    assert links == ["perfect/report.html", "one_miss/report.html", "collapsed/report.html"]
    assert all((tmp_path / link).is_file() for link in links)
    assert re.findall(r'src="([^"]+)"', html) and all(
        src.startswith("data:image/png;base64,") for src in re.findall(r'src="([^"]+)"', html)
    )
    assert "<link" not in html and "http" not in html.replace("http-equiv", "")
    import html5lib

    parser = html5lib.HTMLParser(strict=False)
    parser.parse(html)
    assert parser.errors == []
    markdown = (tmp_path / "compare.md").read_text(encoding="utf-8")
    assert "[perfect.h5](perfect/report.md)" in markdown
    assert "![Accuracy per class (below / above 1.5)](compare.classes.png)" in markdown


def test_report_folders_are_distinct_and_safe() -> None:
    a = evaluation("run 1/stage2_best.h5", PERFECT)
    b = evaluation("run 2/stage2_best.h5", PERFECT)
    c = evaluation("Stage2_best.keras", PERFECT)
    result = compare(candidates(a, b, c))
    assert list(report_folders(result).values()) == [
        "stage2_best",
        "stage2_best_2",
        "Stage2_best_3",
    ]


def test_context_has_no_plots_when_asked_and_rows_in_rank_order() -> None:
    result = compare(candidates(ONE_MISS, PERFECT_EVAL))
    context = build_compare_context(result, include_plots=False)
    assert "compare_plots" not in context["sections"]
    assert [row["label"] for row in context["compare_ranking"]["rows"]] == [
        "perfect.h5",
        "one_miss.h5",
    ]
    cells = context["compare_ranking"]["rows"][1]["cells"]
    classification = cells[4]
    assert (classification["text"], classification["symbol"]) == ("—", "")


# --------------------------------------------------------------------------- plots


def test_class_bars_draw_one_bar_per_class_and_checkpoint_and_mark_na() -> None:
    labels = BarLabels("t", "accuracy (%)", "below", "above", "n/a")
    figure = class_accuracy_bars(
        ["a", "b", "c"],
        [100.0, 80.0, None],
        [50.0, None, 0.0],
        labels,
        below_target=(75.0, "target below ≥ 75%"),
    )
    axes = figure.axes[0]
    assert len(axes.patches) == 6
    heights = [round(p.get_height(), 6) for p in axes.patches]
    assert heights == [100.0, 80.0, 0.0, 50.0, 0.0, 0.0]
    texts = [t.get_text() for t in axes.texts]
    assert texts.count("n/a") == 2 and "80.0" in texts and "0.0" in texts
    assert [line.get_label() for line in axes.get_lines()] == ["target below ≥ 75%"]
    assert [t.get_text() for t in axes.get_xticklabels()] == ["a", "b", "c"]


def test_roc_overlay_has_one_line_per_curve_plus_chance() -> None:
    figure = roc_overlay(
        [("a (AUC 1.000)", (0.0, 0.0, 1.0), (0.0, 1.0, 1.0)), ("b", (0.0, 1.0), (0.0, 1.0))],
        RocLabels("ROC", "fpr", "tpr", "chance"),
    )
    lines = figure.axes[0].get_lines()
    assert [line.get_label() for line in lines] == ["chance", "a (AUC 1.000)", "b"]
    assert list(lines[1].get_ydata()) == [0.0, 1.0, 1.0]


def test_targets_given_are_the_targets_ranked() -> None:
    easy = [Target("threshold_accuracy", ">=", 50.0)]
    result = compare(candidates(COLLAPSED, INVERTED), easy)
    # Collapsed meets the one target (50% ≥ 50) and inverted does not, but collapse comes first.
    assert [e.verdict.met_count for e in result.entries] == [0, 1]
    assert result.best.label == "inverted.h5"


def test_page_says_when_a_collapsed_checkpoint_called_more_rounds_right() -> None:
    actual = [2.0] * 30 + [1.2] * 10
    always_above = evaluation("always.h5", [0.9] * 40, actual=actual)  # right on 30 of 40
    backwards = evaluation("backwards.h5", [0.1] * 30 + [0.9] * 10, actual=actual)  # right on 0
    result = compare(candidates(always_above, backwards))
    assert result.best.label == "backwards.h5"  # the only one not collapsed
    (pair,) = result.pairs
    assert pair.result is not None
    assert (pair.result.model_only_correct, pair.result.baseline_only_correct) == (0, 30)
    assert pair.result.outcome == "worse"
    text = compare_summary(result)
    assert (
        "always.h5 called significantly more rounds right than backwards.h5, by calling one "
        "class on nearly every round (the base rate, not skill): that is why they rank after it."
    ) in text
    assert "❌ The model misses every target: unusable as it stands." in text
