"""The skill sections of the report, from real evaluations to display strings.

The document's case is the committed example's predictions file (its matrix 26/412/43/637 on
fair rounds); numbers are checked against hand computations (Wilson by formula, bets by
counting). Also: a planted-signal model, a model without probabilities, Turkish, HTML, the
three-way target decisions, the JSON keys, and the real history's randomness audit.
"""

from __future__ import annotations

import itertools
import json
import math
import re
from pathlib import Path

import html5lib
import numpy as np
import pytest

import jetx_diag
from jetx_diag.demo.example import document_predictions
from jetx_diag.evaluation.document import render_json
from jetx_diag.evaluation.evaluator import evaluate_predictions_file, evaluation_from_predictions
from jetx_diag.evaluation.options import EvaluationOptions, SkillOptions
from jetx_diag.evaluation.skill import SkillContext
from jetx_diag.i18n.messages import CATALOG
from jetx_diag.predictions import Predictions, write_predictions_csv
from jetx_diag.report.context import build_context
from jetx_diag.report.html import render_html
from jetx_diag.report.markdown import render_markdown
from jetx_diag.results import ConfusionMatrix, DataAccounting, EvaluationSettings, Rate, Split
from jetx_diag.scoring.metrics import metrics_from_confusion
from jetx_diag.scoring.stats import RESAMPLES
from jetx_diag.scoring.targets import DEFAULT_TARGETS, Target, decide_targets, evaluate_targets
from jetx_diag.skill.significance import PERMUTATIONS

FAST = SkillOptions(permutations=200, bootstrap=200)
Z95 = 1.959963984540054
Z80 = 0.8416212335729143  # the 80% quantile of the standard normal
REAL_DB = Path("/work/shared/data/jetx_data.db")
DOCS = Path(__file__).resolve().parents[2] / "docs" / "report-json.md"
XHTML = "{http://www.w3.org/1999/xhtml}"


def wilson_text(hits: int, n: int) -> str:
    """``5.94% (26/438), 95% CI 4.08–8.56%`` from the Wilson formula, by hand."""
    p = hits / n
    centre = (p + Z95**2 / (2 * n)) / (1 + Z95**2 / n)
    half = Z95 / (1 + Z95**2 / n) * math.sqrt(p * (1 - p) / n + Z95**2 / (4 * n * n))
    low, high = round(100 * (centre - half), 2), round(100 * (centre + half), 2)
    return f"{100 * p:.2f}% ({hits}/{n}), 95% CI {low:.2f}–{high:.2f}%"


@pytest.fixture(scope="module")
def document(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = tmp_path_factory.mktemp("doc") / "document_predictions.csv"
    write_predictions_csv(path, document_predictions())
    evaluation = evaluate_predictions_file(path, EvaluationOptions(skill=FAST))
    return evaluation, decide_targets(evaluate_targets(evaluation.metrics))


def planted_predictions(n: int = 1200, seed: int = 3) -> Predictions:
    """Fair rounds and a model that really knows something: p_above leans towards the outcome."""
    rng = np.random.default_rng(seed)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=n)).round(2)
    logit = 0.6 + 0.9 * (2 * (actual >= 1.5) - 1) + rng.normal(0, 1, n)
    return Predictions(
        round_ids=np.arange(1, n + 1), actual=actual, p_above=(1 / (1 + np.exp(-logit))).round(4)
    )


def from_predictions(predictions: Predictions, context: SkillContext | None = None, **kw):  # type: ignore[no-untyped-def]
    n = int(predictions.actual.size)
    evaluation = evaluation_from_predictions(
        predictions,
        label="model.csv",
        settings=EvaluationSettings(),
        split=Split(n, 0, n, 0, n, 1, n, "every row of the predictions file"),
        data=DataAccounting("model.csv", n, n, ()),
        skill=kw.pop("skill", FAST),
        context=context,
    )
    return evaluation, decide_targets(evaluate_targets(evaluation.metrics))


# --------------------------------------------------------------------------- the document


def test_defaults_match_the_statistics_modules() -> None:
    assert SkillOptions().permutations == PERMUTATIONS
    assert SkillOptions().bootstrap == RESAMPLES


def test_verdict_comes_right_under_the_targets(document) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document
    context = build_context(evaluation, verdict, include_plots=False)
    sections = context["sections"]
    assert sections[:3] == ["header", "targets", "skill_verdict"]
    for name in ("skill_baselines", "skill_significance", "calibration", "money", "randomness"):
        assert name in sections
    section = context["skill_verdict"]
    assert re.fullmatch(
        r"No evidence that this model beats chance \(martingale test of its p_above ranking: "
        r"p = 0\.\d+\)\.",
        section["lead"],
    )
    assert section["bullets"][0].startswith("Test used: a martingale test")
    assert section["bullets"][1] == (
        'Not shown to be better than always saying "above": threshold accuracy 59.30% (663/1118) '
        "vs 60.82% (680/1118) (McNemar p = 0.054)."
    )
    money = next(b for b in section["bullets"] if b.startswith("Betting"))
    # 637 bets won 0.5 each, 412 lost 1: 318.5 - 412 = -93.5.
    assert money == (
        'Betting on its "above" calls at 1.5x loses money: bets won 60.72% (637/1049), below '
        "the 66.67% needed to break even; net −93.50 units."
    )
    # One explanation of money-loss risk vs bets lost: the bettor section's, not a second one.
    markdown = render_markdown(build_context(evaluation, verdict))
    assert markdown.count("what drains the bankroll") == 0
    assert markdown.count("counted against different totals") == 1


def test_every_rate_has_its_wilson_interval_by_hand(document) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document
    section = build_context(evaluation, verdict, include_plots=False)["skill_baselines"]
    rows = {row["metric"]: row for row in section["comparisons"]}
    assert rows["below_accuracy"]["model"] == wilson_text(26, 438)
    assert rows["below_accuracy"]["model"] == "5.94% (26/438), 95% CI 4.08–8.56%"
    assert rows["above_accuracy"]["model"] == wilson_text(637, 680)
    assert rows["money_loss_risk"]["model"] == wilson_text(412, 438)
    assert rows["threshold_accuracy"]["model"] == wilson_text(663, 1118)
    assert rows["bets_lost_share"]["model"] == wilson_text(412, 1049)
    # The model beside the best rule for each metric, never ahead of it here.
    assert rows["below_accuracy"]["best"] == 'always saying "below"'
    assert rows["below_accuracy"]["baseline"] == wilson_text(438, 438)
    assert rows["above_accuracy"]["best"] == 'always saying "above"'
    assert all(row["ahead"] == "no" for row in rows.values())
    assert f"Classification accuracy (3 classes): {wilson_text(437, 1118)}" in section["other"]
    # No training slice in a predictions file: the coin uses the fair game, and says so.
    note = section["notes"][0]
    assert "probability 0.6467, the fair-game probability (1 − 3%)/1.5" in note
    assert "held-out rounds' own share (60.82% (680/1118)) is not used" in note
    assert any("Not run: a logistic regression" in n for n in section["notes"])


def test_significance_rows(document) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document
    section = build_context(evaluation, verdict, include_plots=False)["skill_significance"]
    rows = {row["test"]: row for row in section["rows"]}
    primary = rows["Martingale test against the fair game (primary)"]
    assert primary["primary"] and primary["outcome"] == "no difference shown"
    assert "over 1118 rounds, p_above ranking against the fair 64.67%" in primary["result"]
    reference = rows[
        "ROC AUC, permutation test (for reference: assumes outputs unrelated to earlier rounds)"
    ]
    assert not reference["primary"] and "200 permutations" in reference["result"]
    assert sum(row["primary"] for row in section["rows"]) == 1
    mcnemar = rows['McNemar vs always saying "above"']
    # Discordant rounds: the model alone right on the 26 below rounds it called below, always-
    # "above" alone right on the 43 above rounds the model called below: chi2 = (|26-43|-1)²/69.
    assert mcnemar["result"] == (
        "only the model right on 26 rounds, only the rule on 43 (chi-square 3.71)"
    )
    assert f"{256 / 69:.2f}" == "3.71"
    assert mcnemar["p"] == "p = 0.054 (two-sided)"
    win = rows["Bet win rate vs break-even"]
    assert win["result"] == f"{wilson_text(637, 1049)} vs 66.67%"
    assert win["outcome"] == "lower"
    assert not section["show_adjusted"]  # one model tried: nothing to correct
    assert section["notes"][-1] == (
        "Intervals without a closed form: circular block bootstrap, 200 resamples, blocks of 11 "
        "rounds, seed 0."
    )


def test_calibration_and_cutoff_sweep(document) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document
    section = build_context(evaluation, verdict, include_plots=False)["calibration"]
    assert sum(row["rounds"] for row in section["bins"]) == 1118
    assert "Fair-game line: P(X ≥ 1.5) = (1 − 3%)/1.5 = 0.6467." in section["bullets"]
    in_use = [row for row in section["sweep"] if row["in_use"]]
    assert len(in_use) == 1 and in_use[0]["cutoff"] == "0.50 (in use)"
    # At the cut-off in use the sweep repeats the model's own numbers.
    assert in_use[0]["cells"][:4] == [
        "5.94% (26/438)",
        "93.68% (637/680)",
        "94.06% (412/438)",
        "60.72% (637/1049)",
    ]
    assert in_use[0]["cells"][-1] == "−93.50"
    # The document's p_above never falls below 0.25: every cut-off up to 0.25 calls "above"
    # on every round, so those five identical rows are one row.
    first = section["sweep"][0]
    assert first["cutoff"] == "0.05–0.25" and not first["in_use"]
    assert first["cells"][:3] == ["0.00% (0/438)", "100.00% (680/680)", "100.00% (438/438)"]
    shown = [tuple(row["cells"]) for row in section["sweep"]]
    assert all(a != b for a, b in itertools.pairwise(shown))
    assert section["choice"] == (
        "No cut-off was chosen: that needs a validation slice before the held-out rounds."
    )


def test_money_section_by_hand(document) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document
    section = build_context(evaluation, verdict, include_plots=False)["money"]
    model, every = section["rows"][0], section["rows"][1]
    assert (model["bets"], model["wins"], model["losses"], model["net"]) == (
        1049,
        637,
        412,
        "−93.50",
    )
    assert model["win_rate"] == wilson_text(637, 1049)
    # Betting every round: 680 wins × 0.5 − 438 losses.
    assert (every["bets"], every["net"]) == (1118, "−98.00")
    assert "more than 66.67% of bets win" in section["intro"]
    assert "every bet returns −0.03 units on average" in section["intro"]
    assert section["rows"][2]["strategy"].startswith("best simple rule: ")


def test_randomness_section_states_the_audited_rounds(document) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document
    section = build_context(evaluation, verdict, include_plots=False)["randomness"]
    assert section["audited"] == (
        "Audited: the 1118 held-out rounds, in round order (no other rounds were given)."
    )
    assert section["statement"].startswith("These rounds are ")
    checks = [row["check"] for row in section["checks"]]
    assert "Ljung–Box on log multipliers, lags 1–10 (verdict)" in checks
    assert section["tail"][0]["multiplier"] == "1.5"
    assert section["tail"][0]["observed"] == wilson_text(680, 1118)


def test_turkish_report_has_the_turkish_sentences(document) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document
    text = render_markdown(build_context(evaluation, verdict, "tr"))
    assert re.search(
        r"\*\*Bu modelin şanstan daha iyi olduğuna dair kanıt yok \(p_above sıralamasının "
        r"martingal testi: p = 0\.\d+\)\.\*\*",
        text,
    )
    for phrase in (
        "### ⚖️ Şanstan daha iyi mi?",
        'Modelin hep "üstü" kuralından daha iyi olduğu gösterilemedi (Threshold Accuracy: model '
        "%59.30 (663/1118)",
        "%5.94 (26/438), %95 GA %4.08–8.56",
        "## 💰 Paraya ne yapardı? 1.5x'te sabit bir birimlik bahisler",
        "para kaybettirir",
        "## 🎲 Tahmin edilecek bir şey var mı? Turların kendisi",
        "| Kontrol | Sonuç | p |",
    ):
        assert phrase in text, phrase
    assert "No evidence" not in text and "Better than chance?" not in text


@pytest.mark.parametrize("lang", ["en", "tr"])
def test_html_stays_self_contained_with_the_new_plots(document, lang: str) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document
    context = build_context(evaluation, verdict, lang)
    text = render_html(context)
    tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(text)
    images = list(tree.iter(f"{XHTML}img"))
    names = [image["name"] for image in context["plots"]["images"]]
    assert names == [
        "confusion",
        "p_above",
        "calibration",
        "cutoffs",
        "bankroll",
        "autocorrelation",
    ]
    assert len(images) == len(names)
    for element in tree.iter():
        for attribute in ("src", "href"):
            value = element.get(attribute)
            assert value is None or value.startswith(("data:", "#"))
    assert not re.search(r"https?://", text)
    assert tree.find(f".//{XHTML}section[@id='skill-verdict']") is not None


def test_markdown_refers_to_each_new_plot(document) -> None:  # type: ignore[no-untyped-def]
    evaluation, verdict = document
    text = render_markdown(build_context(evaluation, verdict, stem="r"))
    for name in ("calibration", "cutoffs", "bankroll", "autocorrelation"):
        assert f"(r.{name}.png)" in text


# --------------------------------------------------------------------------- other models


def test_planted_signal_is_reported_as_better_than_chance() -> None:
    evaluation, verdict = from_predictions(planted_predictions())
    section = build_context(evaluation, verdict, include_plots=False)["skill_verdict"]
    assert section["code"] == "beats_chance_and_baselines"
    assert section["lead"] == (
        "The model does better than chance (martingale test of its p_above ranking: p < 0.001, "
        "below 5%) and better than the best simple rule."
    )
    assert section["bullets"][1].startswith('Better than always saying "above"')


def test_know_nothing_model_is_not() -> None:
    rng = np.random.default_rng(11)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=1000)).round(2)
    predictions = Predictions(np.arange(1, 1001), actual, rng.uniform(size=1000).round(4))
    evaluation, verdict = from_predictions(predictions)
    assert evaluation.skill.verdict.code == "no_evidence"
    lead = build_context(evaluation, verdict, include_plots=False)["skill_verdict"]["lead"]
    assert lead.startswith("No evidence that this model beats chance")


def test_several_tries_show_the_holm_column() -> None:
    evaluation, verdict = from_predictions(
        planted_predictions(), skill=SkillOptions(permutations=200, bootstrap=200, tests_tried=3)
    )
    section = build_context(evaluation, verdict, include_plots=False)["skill_significance"]
    assert section["show_adjusted"]
    assert section["columns"]["adjusted"] == "p after 3 tries (Holm)"
    assert (
        "3 checkpoints or cut-offs were tried on these rounds; p-values are corrected for that "
        "(Holm)." in section["notes"]
    )


def test_a_model_without_probabilities_has_no_calibration_and_a_calls_primary() -> None:
    doc = document_predictions()
    predictions = Predictions(doc.round_ids, doc.actual, regression=doc.regression)
    evaluation, verdict = from_predictions(predictions)
    context = build_context(evaluation, verdict)
    assert "calibration" not in context["sections"]
    rows = context["skill_significance"]["rows"]
    assert rows[0]["test"] == "Martingale test against the fair game (primary)"
    assert rows[0]["primary"] and "above/below calls" in rows[0]["result"]
    assert (
        rows[1]["test"].startswith("Fisher's exact test (for reference") and not rows[1]["primary"]
    )
    assert [i["name"] for i in context["plots"]["images"]] == [
        "confusion",
        "bankroll",
        "autocorrelation",
    ]


def test_training_and_validation_slices_are_named_in_the_report() -> None:
    predictions = planted_predictions(n=800, seed=5)
    rng = np.random.default_rng(6)
    train = np.maximum(1.0, 0.97 / rng.uniform(size=600)).round(2)
    val = train[-200:]
    val_p = np.where(val >= 1.5, 0.8, 0.3)  # a validation slice on which 0.5 meets the targets
    context = SkillContext(
        train_actual=train,
        validation_actual=val,
        validation_p_above=val_p,
        validation_ids=np.arange(-199, 1),
        history=np.concatenate([train, predictions.actual]),
    )
    evaluation, verdict = from_predictions(predictions, context)
    sections = build_context(evaluation, verdict, include_plots=False)
    hits = int(np.sum(train >= 1.5))
    note = sections["skill_baselines"]["notes"][0]
    assert note == (
        f'The weighted coin says "above" with probability {hits / 600:.4f}: the share of the '
        f"training rounds before the held-out ones that reached 1.5, {Rate(hits, 600).text()}."
    )
    calibration = sections["calibration"]
    assert calibration["choice"].startswith("Cut-off ")
    assert "was chosen on 200 validation rounds before the held-out rounds" in calibration["choice"]
    assert calibration["chosen_heading"].endswith(
        "on the held-out rounds (chosen before seeing them):"
    )
    assert len(calibration["chosen"]) == len(DEFAULT_TARGETS)
    assert sections["randomness"]["audited"] == (
        "Audited: all 1400 usable rounds of the history, in round order."
    )


# --------------------------------------------------------------------------- targets, JSON, keys


def test_three_way_target_decisions_by_hand() -> None:
    metrics = metrics_from_confusion(ConfusionMatrix(26, 412, 43, 637))
    targets = (
        Target("below_accuracy", ">=", 5),  # 5.94%, CI 4.08–8.56%: straddles 5 → undecided
        Target("above_accuracy", ">=", 90),  # CI 91.59–95.27% ≥ 90 → met
        Target("money_loss_risk", "<", 20),  # CI 91.44–95.92% → missed
        Target("classification_accuracy", ">=", 60),  # no head → n/a, no decision
    )
    verdict = decide_targets(evaluate_targets(metrics, targets))
    below, above, risk, classes = verdict.results
    assert (below.status, below.decision) == ("met", "undecided")
    # Below-1.5 rounds for an 80% chance of deciding, p̂ = 26/438, t = 0.05:
    # sqrt(N) = (z sqrt(t(1 − t)) + z_0.8 sqrt(p̂(1 − p̂))) / |p̂ − t|.
    p_hat = 26 / 438
    root = (Z95 * math.sqrt(0.05 * 0.95) + Z80 * math.sqrt(p_hat * (1 - p_hat))) / (p_hat - 0.05)
    assert below.rounds_to_decide == math.ceil(root**2) - 438
    assert below.held_out_rounds_to_decide is None  # no held-out count given
    assert (above.decision, above.rounds_to_decide) == ("met", None)
    assert (risk.decision, risk.rounds_to_decide) == ("missed", None)
    assert (classes.status, classes.decision) == ("n/a", None)
    assert verdict.passed is False
    assert verdict.not_decided_met == (below, risk)
    met_only = decide_targets(evaluate_targets(metrics, targets[:2]))
    assert met_only.passed and not met_only.passed_decided
    assert decide_targets(evaluate_targets(metrics, targets[1:2])).passed_decided


def test_every_key_of_the_skill_json_is_documented() -> None:
    predictions = planted_predictions(n=600)
    rng = np.random.default_rng(2)
    train = np.maximum(1.0, 0.97 / rng.uniform(size=400)).round(2)
    x = (np.log(predictions.actual) + rng.normal(0, 1, 600))[:, None]
    context = SkillContext(
        train_actual=train,
        validation_actual=train[-200:],
        validation_p_above=np.where(train[-200:] >= 1.5, 0.8, 0.3),
        validation_ids=np.arange(-199, 1),
        features=x,
        train_features=(np.log(train[-200:]) + rng.normal(0, 1, 200))[:, None],
        history=np.concatenate([train, predictions.actual]),
    )
    evaluation, verdict = from_predictions(predictions, context)
    skill = evaluation.skill
    assert skill.cutoff_choice.status == "chosen" and "logistic" not in skill.baselines.skipped
    document = json.loads(render_json(evaluation, verdict))["evaluation"]["skill"]
    found: set[str] = set()

    def walk(value: object) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                found.add(key)
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(document)
    documented = set(re.findall(r"`([a-z_0-9]+)`", DOCS.read_text(encoding="utf-8")))
    missing = found - documented
    assert not missing, f"document these keys in docs/report-json.md: {sorted(missing)}"


def test_report_skill_uses_only_catalog_keys() -> None:
    source = "".join(
        (Path(jetx_diag.__file__).parent / "report" / name).read_text(encoding="utf-8")
        for name in ("skill.py", "money.py", "randomness.py")
    )
    used = set(re.findall(r'msg\(\s*"([a-z_./]+)"', source))
    used |= set(
        re.findall(r'"((?:skill_baselines|significance|calibration|randomness)\.[a-z_]+)"', source)
    )
    assert len(used) > 60
    assert used <= set(CATALOG["en"]), sorted(used - set(CATALOG["en"]))


# --------------------------------------------------------------------------- the real history


@pytest.mark.skipif(not REAL_DB.exists(), reason="the shared real history is not here")
def test_real_history_audit_says_exactly_what_the_numbers_say() -> None:
    from jetx_diag.history.rounds import load_history

    history = load_history(REAL_DB)
    values = history.values
    n = values.size // 5  # a know-nothing model on the last fifth
    rng = np.random.default_rng(0)
    predictions = Predictions(history.ids[-n:], values[-n:], rng.uniform(0.4, 0.9, n).round(4))
    evaluation, verdict = from_predictions(
        predictions, SkillContext(train_actual=values[:-n], history=values)
    )
    audit = evaluation.skill.randomness
    assert audit.rounds == 10456 and audit.failed == ("ljung_box",)
    assert audit.ljung_box.p_value == pytest.approx(0.0086, abs=0.0005)
    section = build_context(evaluation, verdict, include_plots=False)["randomness"]
    # Not hidden: the rounds are not consistent with independent draws at lag 10 …
    assert section["statement"] == (
        "These rounds are not consistent with independent draws (runs test p = 0.21; "
        "Ljung–Box p = 0.0086 at lag 10; largest autocorrelation −0.028 at lag 5)."
    )
    # … and not overstated: the size of it, and the lags outside the band (4, 5 and 8).
    assert section["size"] == (
        "Size of the dependence: the largest autocorrelation, −0.028 at lag 5, ties 0.08% of "
        "the variance of a round's log multiplier to that earlier round."
    )
    acf = audit.autocorrelation
    outside = [lag for lag, v, b in zip(acf.lags, acf.values, acf.band, strict=True) if abs(v) > b]
    assert outside == [4, 5, 8]
    assert all(v < 0 for lag, v in zip(acf.lags, acf.values, strict=True) if lag in outside)
    acf_row = next(r for r in section["checks"] if r["check"].startswith("Autocorrelation"))
    assert "3 of 20 lags outside the 95% band (about 1.0 expected by chance)" in acf_row["result"]
    assert section["law"].startswith("P(X ≥ m) matches a fair game with a 3% house edge")
    assert section["audited"] == (
        "Audited: all 10456 usable rounds of the history, in round order."
    )
