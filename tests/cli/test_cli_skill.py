"""``jetx-diag report`` end to end: the skill sections, their options, the gate.

Predictions files go through the real CLI (``jetx_diag.cli.main.run``); one Keras run checks that a
checkpoint report gets its training slice, validation slice and whole-history audit.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import xmlschema
from test_report_skill import wilson_text  # the Wilson interval by hand

from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.demo.example import document_predictions
from jetx_diag.predictions import Predictions, write_predictions_csv

SCHEMA = xmlschema.XMLSchema(Path(__file__).parents[1] / "junit.xsd")
FAST = ["--permutations", "200", "--bootstrap", "200"]
#: Targets the document's model meets by the point estimate; two intervals straddle them
#: (above-1.5 accuracy 93.68%, CI 91.59–95.27%, against 93; threshold accuracy 59.30%,
#: CI 56.40–62.15%, against 59).
POINT_MET = [
    "--target=below_accuracy>=1",
    "--target=above_accuracy>=93",
    "--target=money_loss_risk<99",
    "--target=threshold_accuracy>=59",
    "--target=classification_accuracy>=30",
]
#: Targets every interval clears: decided met.
DECIDED_MET = [
    "--target=below_accuracy>=1",
    "--target=above_accuracy>=90",
    "--target=money_loss_risk<99",
    "--target=threshold_accuracy>=50",
    "--target=classification_accuracy>=30",
]


@pytest.fixture(scope="module")
def document_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("csv") / "document.csv"
    write_predictions_csv(path, document_predictions())
    return path


@pytest.fixture(scope="module")
def planted_csv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    rng = np.random.default_rng(3)
    actual = np.maximum(1.0, 0.97 / rng.uniform(size=1000)).round(2)
    logit = 0.6 + 0.9 * (2 * (actual >= 1.5) - 1) + rng.normal(0, 1, actual.size)
    path = tmp_path_factory.mktemp("csv") / "planted.csv"
    p_above = (1 / (1 + np.exp(-logit))).round(4)
    write_predictions_csv(path, Predictions(np.arange(1, 1001), actual, p_above))
    return path


def report(csv: Path, out: Path, *args: str) -> tuple[int, str, dict]:  # type: ignore[type-arg]
    code = run(
        [
            "report",
            "--predictions",
            str(csv),
            "-o",
            str(out),
            "--json",
            str(out / "r.json"),
            "-q",
            *args,
        ]
    )
    text = (out / "report.md").read_text(encoding="utf-8") if (out / "report.md").exists() else ""
    data = (
        json.loads((out / "r.json").read_text(encoding="utf-8"))
        if (out / "r.json").exists()
        else {}
    )
    return code, text, data


def test_document_case_through_the_cli(document_csv: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    code = run(
        [
            "report",
            "--predictions",
            str(document_csv),
            "-o",
            str(out),
            "--json",
            str(out / "r.json"),
            "--junit",
            str(out / "j.xml"),
            "-q",
        ]
    )
    assert code == ExitCode.TARGETS_MISSED
    text = (out / "report.md").read_text(encoding="utf-8")
    # The verdict, near the top: right under the targets table, before the confusion matrix.
    verdict_at = text.index("### ⚖️ Better than chance?")
    assert text.index("## 🔴 Critical findings") < verdict_at < text.index("## 📉 Confusion")
    # A predictions file: the martingale test decides, and the verdict says so and what it ranks.
    assert (
        "**No evidence that this model beats chance (martingale test of its p_above ranking: "
        "p = 0.13).**"
    ) in text
    assert "- Test used: a martingale test against the fair game's 64.67% chance" in text
    assert (
        '- Not shown to be better than always saying "above": threshold accuracy 59.30% '
        "(663/1118) vs 60.82% (680/1118) (McNemar p = 0.054)."
    ) in text
    for hits, total in ((26, 438), (637, 680), (412, 438), (663, 1118), (412, 1049), (437, 1118)):
        assert wilson_text(hits, total) in text, (hits, total)
    assert "5.94% (26/438), 95% CI 4.08–8.56%" in text
    # The targets table carries the three-way decision.
    assert "| Decision (each target's own interval) |" in text
    assert "missed by its whole interval" in text
    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    skill = data["evaluation"]["skill"]
    assert skill["verdict"]["code"] == "no_evidence"
    assert skill["verdict"]["versus_always_above"] == "indistinguishable"
    assert skill["baselines"]["base_rate"]["source"] == "fair_game"
    assert skill["settings"]["n_permutations"] == 1000 and skill["settings"]["seed"] == 0
    assert [r["decision"] for r in data["verdict"]["results"]] == [
        "missed",
        "met",
        "missed",
        "missed",
        "missed",
    ]
    junit = (out / "j.xml").read_text(encoding="utf-8")
    SCHEMA.validate(junit)
    assert 'name="better_than_chance"' in junit and 'type="NoEvidenceOfSkill"' in junit
    assert 'tests="6" failures="5"' in junit


def test_require_decided_gates_on_the_interval(document_csv: Path, tmp_path: Path, capfd) -> None:  # type: ignore[no-untyped-def]
    code, text, data = report(document_csv, tmp_path / "a", *FAST, *POINT_MET)
    assert code == ExitCode.OK  # every target met by its point estimate
    decisions = {r["metric"]: r["decision"] for r in data["verdict"]["results"]}
    assert decisions["above_accuracy"] == decisions["threshold_accuracy"] == "undecided"
    assert "undecided (about " in text and "for a decision with 80% probability" in text
    capfd.readouterr()
    code = run(
        [
            "report",
            "--predictions",
            str(document_csv),
            "-o",
            str(tmp_path / "b"),
            "--require-decided",
            *FAST,
            *POINT_MET,
        ]
    )
    assert code == ExitCode.TARGETS_MISSED
    out = capfd.readouterr().out
    assert (
        "--require-decided: 2 targets met by the point estimate but not by the whole interval"
        in " ".join(out.split())
    )
    code, _, _ = report(document_csv, tmp_path / "c", "--require-decided", *FAST, *DECIDED_MET)
    assert code == ExitCode.OK


def test_require_decided_from_the_config_file(document_csv: Path, tmp_path: Path) -> None:
    config = tmp_path / "setup.cfg"
    config.write_text("[jetx_diag]\nrequire_decided = true\n", encoding="utf-8")
    code, _, _ = report(document_csv, tmp_path / "out", "--config", str(config), *FAST, *POINT_MET)
    assert code == ExitCode.TARGETS_MISSED


def test_planted_signal_file_is_better_than_chance(planted_csv: Path, tmp_path: Path) -> None:
    code, text, data = report(planted_csv, tmp_path / "out")
    assert code == ExitCode.TARGETS_MISSED  # better than chance, still far from the targets
    assert data["evaluation"]["skill"]["verdict"]["code"] == "beats_chance_and_baselines"
    assert (
        "**The model does better than chance (martingale test of its p_above ranking: p < 0.001, "
        "below 5%) and better than the best simple rule.**" in text
    )


def test_skill_options_reach_the_statistics(document_csv: Path, tmp_path: Path) -> None:
    _, _, base = report(document_csv, tmp_path / "base", *FAST)
    _, text, data = report(
        document_csv,
        tmp_path / "opts",
        *FAST,
        "--seed",
        "1",
        "--tests-tried",
        "3",
        "--cashout",
        "2",
        "--house-edge",
        "0.05",
    )
    skill, before = data["evaluation"]["skill"], base["evaluation"]["skill"]
    assert skill["settings"]["seed"] == 1 and skill["settings"]["tests_tried"] == 3
    assert skill["metrics"] == before["metrics"]  # counts do not depend on the seed
    assert skill["significance"]["auc"]["interval"] != before["significance"]["auc"]["interval"]
    p = skill["significance"]["p_value"]
    assert skill["significance"]["p_value_adjusted"] == pytest.approx(min(1.0, 3 * p))
    assert skill["betting"]["break_even_win_rate"] == pytest.approx(0.5)
    assert skill["calibration"]["fair_probability"] == pytest.approx(0.95 / 1.5)
    assert "## 💰 What would it do to money? Flat one-unit bets at 2x" in text
    assert "3 checkpoints or cut-offs were tried on these rounds" in text
    assert "| p after 3 tries (Holm) |" in text


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        (["--tests-tried", "0"], "--tests-tried must be at least 1"),
        (["--cashout", "1"], "--cashout must be above 1.00"),
        (["--house-edge", "1.2"], "--house-edge is a share within [0, 1)"),
        (["--permutations", "0"], "--permutations and --bootstrap must be at least 1"),
    ],
)
def test_bad_skill_options_are_usage_errors(
    document_csv: Path, tmp_path: Path, capfd, args, phrase
) -> None:  # type: ignore[no-untyped-def]
    code = run(["report", "--predictions", str(document_csv), "-o", str(tmp_path), "-q", *args])
    assert code == ExitCode.USAGE_ERROR
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and phrase in err


def test_a_bad_default_in_the_environment_is_a_usage_error(
    document_csv: Path, tmp_path: Path, capfd, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("JETX_DIAG_NULL_SIMULATIONS", "lots")
    code = run(["report", "--predictions", str(document_csv), "-o", str(tmp_path), "-q"])
    assert code == ExitCode.USAGE_ERROR
    err = capfd.readouterr().err
    assert err.count("\n") == 1 and "JETX_DIAG_NULL_SIMULATIONS must be a whole number" in err
    assert not any(tmp_path.iterdir())  # nothing written


def test_config_keys_for_the_skill_options(document_csv: Path, tmp_path: Path) -> None:
    config = tmp_path / "pyproject.toml"
    config.write_text(
        "[tool.jetx_diag]\nseed = 4\npermutations = 150\nbootstrap = 120\ntests_tried = 2\n"
        "cashout = 1.8\nhouse_edge = 0.04\n",
        encoding="utf-8",
    )
    _, _, data = report(document_csv, tmp_path / "out", "--config", str(config))
    settings = data["evaluation"]["skill"]["settings"]
    assert (settings["seed"], settings["n_permutations"], settings["n_bootstrap"]) == (4, 150, 120)
    assert (settings["tests_tried"], settings["cashout"], settings["house_edge"]) == (2, 1.8, 0.04)


def test_turkish_report_through_the_cli(document_csv: Path, tmp_path: Path) -> None:
    _, text, _ = report(document_csv, tmp_path / "tr", *FAST, "--lang", "tr")
    assert "### ⚖️ Şanstan daha iyi mi?" in text
    assert "Bu modelin şanstan daha iyi olduğuna dair kanıt yok" in text
    assert "| Karar (her hedefin kendi aralığıyla) |" in text
    assert "aralığın tamamıyla tutmadı" in text
    assert "p_above sıralamasının martingal testi" in text


@pytest.mark.keras
def test_checkpoint_report_uses_training_validation_and_history(tmp_path: Path) -> None:
    from run_factory import FEATURES, make_run

    made = make_run(tmp_path / "run")
    out = tmp_path / "out"
    args = [
        "report",
        str(made.checkpoint),
        "--data",
        str(made.history),
        "--features",
        FEATURES,
        "--no-cache",
        "-o",
        str(out),
        "--json",
        str(out / "r.json"),
        "-q",
        *FAST,
    ]
    run(args)
    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    split, skill = data["evaluation"]["split"], data["evaluation"]["skill"]
    # 900 rounds, 500-round windows: 400 samples, 80 held out, 320 before them.
    assert (split["train_samples"], split["test_samples"]) == (320, 80)
    base = skill["baselines"]["base_rate"]
    assert base["source"] == "training" and base["training"]["total"] == 320
    above = int(np.sum(made.values[500:820] >= 1.5))
    assert base["training"]["hits"] == above
    choice = skill["cutoff_choice"]
    assert choice["validation_rounds"] == 64  # the last 20% of the 320 samples before
    assert choice["validation_last_id"] == split["test_first_id"] - 1
    assert choice["status"] in ("chosen", "none_meets_targets")
    logistic = next(b for b in skill["baselines"]["baselines"] if b["name"] == "logistic")
    assert logistic["details"]["training_rounds"] == "64"
    assert skill["randomness"]["source"] == "history" and skill["randomness"]["rounds"] == 900
    text = (out / "report.md").read_text(encoding="utf-8")
    assert "validation rounds before the held-out rounds" in text
    assert "Audited: all 900 usable rounds of the history, in round order." in text
    # Same files, same seed: the same numbers.
    run(
        [
            *args[:-5],
            "-o",
            str(tmp_path / "again"),
            "--json",
            str(tmp_path / "again.json"),
            "-q",
            *FAST,
        ]
    )
    again = json.loads((tmp_path / "again.json").read_text(encoding="utf-8"))["evaluation"]["skill"]
    assert again == skill
