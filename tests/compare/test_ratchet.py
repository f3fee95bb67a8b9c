"""CI helpers: the baseline ratchet (hand-computed changes) and the bounded step summary."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from test_compare import ONE_MISS, PERFECT_EVAL, candidates, evaluation

from jetx_diag.compare.document import load_baseline, write_comparison_json
from jetx_diag.compare.ranking import compare
from jetx_diag.compare.ratchet import check_baseline
from jetx_diag.errors import InputError, UsageError
from jetx_diag.evaluation.document import write_json
from jetx_diag.i18n.messages import messages
from jetx_diag.report.baseline import (
    BASELINE_SECTION,
    baseline_section,
    report_context,
    report_summary,
    write_report,
)
from jetx_diag.report.step_summary import (
    STEP_SUMMARY_LIMIT,
    append_step_summary,
    bounded,
    step_summary,
)
from jetx_diag.scoring.targets import DEFAULT_TARGETS, Target, evaluate_targets

# ONE_MISS against PERFECT_EVAL: above accuracy 80.00% (4/5) vs 100.00% (5/5): −20 points;
# threshold accuracy 90.00% (9/10) vs 100.00% (10/10): −10 points; the rest unchanged.


def statuses(check) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {c.metric: c.status for c in check.changes}


def test_worse_by_more_than_the_tolerance_fails() -> None:
    check = check_baseline(ONE_MISS, PERFECT_EVAL, targets=DEFAULT_TARGETS, source="base.json")
    assert statuses(check) == {
        "below_accuracy": "same",
        "above_accuracy": "worse",
        "money_loss_risk": "same",
        "threshold_accuracy": "worse",
        "classification_accuracy": "not_comparable",  # neither model has a 3-class head
    }
    changes = {c.metric: c.change for c in check.changes}
    assert changes["above_accuracy"] == -20.0 and changes["threshold_accuracy"] == -10.0
    assert not check.passed
    assert [c.metric for c in check.worse] == ["above_accuracy", "threshold_accuracy"]


@pytest.mark.parametrize(
    ("tolerance", "above", "threshold", "passed"),
    [
        (10.0, "worse", "within_tolerance", False),  # exactly the tolerance is allowed
        (19.99, "worse", "within_tolerance", False),
        (20.0, "within_tolerance", "within_tolerance", True),
    ],
)
def test_tolerance_is_in_points_and_inclusive(tolerance, above, threshold, passed) -> None:
    check = check_baseline(ONE_MISS, PERFECT_EVAL, tolerance=tolerance)
    assert statuses(check)["above_accuracy"] == above
    assert statuses(check)["threshold_accuracy"] == threshold
    assert check.passed is passed


def test_better_and_lower_is_better() -> None:
    assert statuses(check_baseline(PERFECT_EVAL, ONE_MISS))["above_accuracy"] == "better"
    loses = evaluation("loses.h5", [0.9, 0.9] + [0.1, 0.9] * 4)  # money-loss risk 1/5
    check = check_baseline(loses, PERFECT_EVAL)
    money = next(c for c in check.changes if c.metric == "money_loss_risk")
    assert (money.change, money.status) == (20.0, "worse")  # risk up 20 points is worse
    assert statuses(check_baseline(PERFECT_EVAL, loses))["money_loss_risk"] == "better"


def test_rounded_values_are_compared_like_the_report() -> None:
    actual = [1.2] * 1000
    now = evaluation("now.h5", [0.1] * 750 + [0.9] * 250, actual=actual)  # 75.00%
    before = evaluation("before.h5", [0.1] * 751 + [0.9] * 249, actual=actual)  # 75.10%
    change = next(c for c in check_baseline(now, before, tolerance=0.1).changes)
    assert change.metric == "below_accuracy"
    assert (change.change, change.status) == (-0.1, "within_tolerance")
    assert check_baseline(now, before, tolerance=0.09).changes[0].status == "worse"


def test_a_head_that_disappeared_fails_and_zero_totals_are_not_compared() -> None:
    probs = np.tile([0.2, 0.7, 0.1], (10, 1))
    with_head = evaluation("with.h5", [0.1, 0.9] * 5, class_probs=probs)
    check = check_baseline(PERFECT_EVAL, with_head)
    assert statuses(check)["classification_accuracy"] == "missing"
    assert not check.passed
    no_bets = evaluation("nobets.h5", [0.1] * 10)  # share of bets lost: n/a (0/0)
    lost = check_baseline(no_bets, PERFECT_EVAL, targets=[Target("bets_lost_share", "<", 50.0)])
    assert statuses(lost) == {"bets_lost_share": "not_comparable"}


def test_other_rounds_are_noted_and_bad_tolerance_refused() -> None:
    later = evaluation("later.h5", [0.1, 0.9] * 5, first_id=11)
    check = check_baseline(later, PERFECT_EVAL)
    assert not check.same_rounds
    section = baseline_section(check, messages("en"))
    assert section["notes"] == [
        "The baseline was measured on other rounds (10 held-out rounds, now 10): part of any "
        "change may come from the rounds, not the model."
    ]
    with pytest.raises(UsageError, match="--tolerance"):
        check_baseline(later, PERFECT_EVAL, tolerance=-1.0)
    with pytest.raises(UsageError, match="--tolerance"):
        check_baseline(later, PERFECT_EVAL, tolerance=float("nan"))


def test_section_shows_tolerance_and_failing_rows() -> None:
    check = check_baseline(ONE_MISS, PERFECT_EVAL, tolerance=5.0, source="base.json")
    section = baseline_section(check, messages("en"))
    assert section["intro"] == (
        "one_miss.h5 against perfect.h5 from base.json: a metric fails when it got worse by "
        "more than 5 percentage points (as the report rounds it)."
    )
    assert section["headline"] == ("2 metrics got worse than the baseline by more than 5 points.")
    above = next(r for r in section["rows"] if r["name"] == "Above-1.5 accuracy")
    assert (above["baseline"], above["current"], above["change"], above["fails"]) == (
        "100.00% (5/5)",
        "80.00% (4/5)",
        "-20.00 pts",
        True,
    )


def test_report_gets_the_section_after_its_targets(tmp_path: Path) -> None:
    verdict = evaluate_targets(ONE_MISS.metrics)
    check = check_baseline(ONE_MISS, PERFECT_EVAL, tolerance=2.5)
    context = report_context(ONE_MISS, verdict, "en", check, include_plots=False)
    sections = context["sections"]
    assert sections.index(BASELINE_SECTION) == sections.index("targets") + (
        2 if "skill_verdict" in sections else 1
    )
    summary = report_summary(ONE_MISS, verdict, "tr", check)
    assert "📐 Referansa göre" in summary and "2.5 yüzde puandan" in summary
    written = write_report(
        ONE_MISS, verdict, tmp_path, formats=("md", "html", "json"), baseline=check
    )
    assert [p.name for p in written][-1] == "report.json"
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "## 📐 Against the baseline" in markdown
    assert (
        "| **Above-1.5 accuracy** | 100.00% (5/5) | **80.00% (4/5)** | **\\-20.00 pts** |"
        in markdown
    )
    assert "Against the baseline" in (tmp_path / "report.html").read_text(encoding="utf-8")


def test_load_baseline_reads_evaluations_and_comparisons(tmp_path: Path) -> None:
    write_json(ONE_MISS, evaluate_targets(ONE_MISS.metrics), tmp_path / "one.json")
    assert load_baseline(tmp_path / "one.json") == ONE_MISS
    comparison = compare(candidates(ONE_MISS, PERFECT_EVAL))
    write_comparison_json(comparison, tmp_path / "cmp.json")
    assert load_baseline(tmp_path / "cmp.json") == PERFECT_EVAL  # the best one
    with pytest.raises(InputError, match="cannot read the baseline"):
        load_baseline(tmp_path / "missing.json")
    (tmp_path / "bad.json").write_text("{}", encoding="utf-8")
    with pytest.raises(InputError, match="not a saved jetx-diag evaluation"):
        load_baseline(tmp_path / "bad.json")


# --------------------------------------------------------------------------- step summary


def test_short_text_is_kept_whole() -> None:
    assert bounded("# title\n\nbody\n", "cut", limit=100) == "# title\n\nbody\n"


def test_long_text_is_cut_at_a_line_end_with_a_visible_note() -> None:
    lines = [f"| row {i:03d} | ü{'x' * 40} |" for i in range(200)]  # ü: 2 bytes in UTF-8
    text = "\n".join(lines) + "\n"
    cut = bounded(text, "Summary truncated.", limit=1000)
    assert len(cut.encode("utf-8")) < 1000
    assert cut.endswith("\n\n> ⚠️ Summary truncated.\n")
    kept = cut.split("\n\n> ⚠️")[0]
    assert text.startswith(kept + "\n")  # whole lines only
    # As many whole lines (newline included) as fit before the note.
    line_bytes = len(lines[0].encode()) + 1
    note_bytes = len("\n\n> ⚠️ Summary truncated.\n".encode())
    assert len(kept.splitlines()) == (1000 - 1 - note_bytes) // line_bytes


def test_step_summary_appends_and_stays_under_the_limit(tmp_path: Path) -> None:
    target = tmp_path / "summary.md"
    assert append_step_summary("x", "cut", environ={}) is None
    target.write_text("earlier step\n", encoding="utf-8")
    environ = {"GITHUB_STEP_SUMMARY": str(target)}
    huge = "| a | b |\n" * 20_000  # 200,000 characters
    assert step_summary(huge, "en", environ=environ) == target
    content = target.read_text(encoding="utf-8")
    assert content.startswith("earlier step\n\n| a | b |")
    appended = content[len("earlier step\n") :]
    assert len(appended.encode("utf-8")) < STEP_SUMMARY_LIMIT
    assert appended.endswith(
        "Summary truncated to stay under GitHub's 65,536-character limit; the full report is "
        "in the job's output files.\n"
    )


def test_unwritable_summary_is_a_usage_error(tmp_path: Path) -> None:
    environ = {"GITHUB_STEP_SUMMARY": str(tmp_path / "no" / "such" / "dir" / "summary.md")}
    with pytest.raises(UsageError, match="cannot append the step summary"):
        append_step_summary("x", "cut", environ=environ)
