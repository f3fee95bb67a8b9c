"""``jetx-diag history``: the run report from training logs, end to end through the CLI.

The run is the source document's stage 1, made up with its shape (``doc_stage1`` of
test_training_diagnosis): balanced peak at epoch 6, EarlyStopping on val_regression_mae with
patience 50 firing at epoch 92, and 44.13x / 0.76x class weights for a 2135 / 3956 split.
Last, the demo: its reports show the training run of the logs it writes.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import html5lib
import pytest
from test_training_diagnosis import DOC_METADATA, doc_stage1, write_csv

from jetx_diag.cli.exit_codes import ExitCode
from jetx_diag.cli.main import run
from jetx_diag.results import from_dict
from jetx_diag.training.findings import TrainingDiagnosis
from jetx_diag.training.run import TrainingOptions, diagnose_run

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture
def doc_run(tmp_path: Path) -> Path:
    folder = tmp_path / "run"
    folder.mkdir()
    write_csv(folder / "stage1.csv", doc_stage1())
    (folder / "progressive_model_info.json").write_text(json.dumps(DOC_METADATA))
    return folder


def history(*args: str) -> int:
    return run(["history", *args])


def test_document_stage1_best_epoch_6_stopped_at_92(doc_run: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "out"
    code = history(str(doc_run), "-o", str(out))
    captured = capsys.readouterr()
    assert code == ExitCode.OK, captured.err
    assert captured.err == ""
    # Printed: the stage line, in the words of the issue.
    assert (
        "stage1: best epoch 6 (val_worst_class_accuracy 42.9%), stopped at 92, "
        "86 epochs past the peak." in captured.out
    )
    # Hand replay (test_training_diagnosis): patience 2 keeps epoch 6 and stops at 8.
    assert "with patience 2 would have kept epoch 6 and stopped at epoch 8" in captured.out
    assert "val_regression_mae (recorded): epoch 42" in captured.out
    text = (out / "history.md").read_text(encoding="utf-8")
    assert "best epoch 6" in text and "stopped at 92" in text and "86 epochs past the peak" in text
    # The progress table's best row, as the document prints it: 54.3% / 42.9% / 45.7%.
    assert "| **stage1** | **6** | **54.3%** | 42.9% | 45.7% | **42.9%** |" in text
    # Epochs 77–92 call only "above": the last status run of the table, money-loss risk 100%.
    assert "| stage1 | 77–92 | 0.0% | 100.0% | 100.0% | 0.0% | only 'above' calls" in text
    # 44.13 / 0.76 = 58.07 against 3956 / 2135 = 1.853 balanced: 31.3x over-weighted.
    assert (
        "| stage3 | 44.13 | 0.76 | 58.07x | 1.85x | 31.34x | **below over-weighted 31.3x** |"
        in (text)
    )
    assert (out / "history.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert (out / "history.training_stage1.png").read_bytes().startswith(PNG_MAGIC)
    assert "](history.training_stage1.png)" in text


def test_turkish_report_uses_the_documents_words(doc_run: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "tr"
    assert history(str(doc_run), "-o", str(out), "--lang", "tr") == ExitCode.OK
    printed = capsys.readouterr().out
    line = "stage1: en iyi epoch 6 (val_worst_class_accuracy %42.9); eğitim 92. epoch'ta durdu, "
    assert line + "zirveden sonra 86 epoch." in printed
    text = (out / "history.md").read_text(encoding="utf-8")
    assert "# 🏋️ Eğitim Süreci Raporu" in text
    assert "### Eğitim İlerlemesi" in text
    assert "| Aşama | Epoch | 1.5 Altı | 1.5 Üstü | Para Kaybı | Hedef | Durum | İşaret |" in text
    assert "| **stage1** | **6** | **%54.3** | %42.9 | %45.7 | **%42.9** |" in text
    assert "hep 1.5 üstü (çöktü)" in text
    assert "altı sınıfı 31.3 kat fazla ağırlıklı" in text
    assert "Yazılan dosyalar:" in printed
    html = (out / "history.html").read_text(encoding="utf-8")
    assert '<html lang="tr">' in html and "Eğitim İlerlemesi" in html
    html5lib.HTMLParser(strict=True).parse(html)  # raises on any parse error


def test_json_holds_the_diagnosis(doc_run: Path, tmp_path: Path, capsys) -> None:
    path = tmp_path / "d.json"
    assert history(str(doc_run), "-o", str(tmp_path / "o"), "--json", str(path), "-q") == 0
    assert capsys.readouterr().out == ""
    document = json.loads(path.read_text(encoding="utf-8"))
    assert document["format_version"] == 1
    back = from_dict(TrainingDiagnosis, document["training"])
    assert back == diagnose_run(doc_run, TrainingOptions(check_widths=True))[1]
    stage = back.stage("stage1")
    assert (stage.best_epoch, stage.stop_epoch, stage.epochs_past_peak) == (6, 92, 86)
    # To stdout: the JSON alone.
    assert history(str(doc_run), "-o", str(tmp_path / "o2"), "--json", "-") == 0
    assert json.loads(capsys.readouterr().out)["training"]["goal_metric"] == (
        "val_worst_class_accuracy"
    )


def test_stage_files_and_options_override_the_metadata(tmp_path: Path, capsys) -> None:
    logs = tmp_path / "logs"
    logs.mkdir()
    rows = doc_stage1()
    write_csv(logs / "first.csv", rows)
    write_csv(logs / "second.csv", rows[:10])
    code = history(
        "--stage",
        f"stage1={logs / 'first.csv'}",
        "--stage",
        f"stage2={logs / 'second.csv'}",
        "--monitor",
        "stage1=val_loss",
        "--patience",
        "50",
        "--class-weights",
        "stage2:below=44.13,above=0.76",
        "--class-counts",
        "below=2135,above=3956",
        "--expected-file",
        "first.csv",
        "--expected-file",
        "model.h5",
        "-o",
        str(tmp_path / "out"),
        "--json",
        str(tmp_path / "d.json"),
    )
    assert code == ExitCode.OK, capsys.readouterr().err
    diagnosis = from_dict(
        TrainingDiagnosis, json.loads((tmp_path / "d.json").read_text())["training"]
    )
    assert [s.stage for s in diagnosis.stages] == ["stage1", "stage2"]
    first, second = diagnosis.stages
    # val_loss rises every epoch (2.5 + 0.005 e): its best, the kept checkpoint, is epoch 1.
    assert (first.monitor, first.monitor_source, first.checkpoint_epoch) == (
        "val_loss",
        "option",
        1,
    )
    assert second.monitor is None  # --monitor named stage1 only
    assert first.replay is not None and first.replay.patience == 50
    (check,) = diagnosis.class_weights
    assert check.stage == "stage2" and check.flagged
    assert check.overweight == pytest.approx((44.13 / 0.76) / (3956 / 2135))
    assert diagnosis.artifacts is not None
    assert diagnosis.artifacts.run_dir == str(logs)  # the folder of the first --stage file
    assert diagnosis.artifacts.missing == ("model.h5",)
    assert diagnosis.metadata_path is None


def test_goal_options(doc_run: Path, tmp_path: Path, capsys) -> None:
    code = history(
        str(doc_run), "--goal", "val_loss", "--goal-mode", "max", "-o", str(tmp_path / "o")
    )
    assert code == 0
    # val_loss rises every epoch, so "higher is better" puts the best at the last epoch.
    assert "best epoch 92 (val_loss 2.96) is the last one" in capsys.readouterr().out


def test_fail_on(doc_run: Path, tmp_path: Path) -> None:
    assert history(str(doc_run), "-q", "-o", str(tmp_path / "a"), "--fail-on", "critical") == 1
    clean = tmp_path / "clean"
    clean.mkdir()
    rows = [
        {"epoch": e, "loss": 1.0 - 0.1 * e, "val_loss": 1.0 - 0.1 * e} for e in range(5)
    ]  # improving to the end: "peak at end" and "monitor unknown" are for information only
    write_csv(clean / "stage1.csv", rows)
    args = [str(clean), "-q", "-o", str(tmp_path / "b"), "--expected-file", "stage1.csv"]
    assert history(*args, "--fail-on", "warning") == ExitCode.OK


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        ("epoch,loss,val_loss\n0,1.0,1.1\n1,0.9\n", "line 3 has 2 fields, the header has 3"),
        ("epoch,loss\n", "training log has a header but no epochs"),
        ("epoch,loss\n0,1.0\n0,0.9\n", "epoch 1 follows epoch 1: epochs must increase"),
    ],
)
def test_bad_log_is_one_line_naming_the_file(
    tmp_path: Path, capsys, content: str, problem: str
) -> None:
    log = tmp_path / "stage1.csv"
    log.write_text(content, encoding="utf-8")
    code = history(str(tmp_path), "-o", str(tmp_path / "out"))
    err = capsys.readouterr().err
    assert code == ExitCode.INPUT_ERROR
    assert err.count("\n") == 1 and str(log) in err and problem in err, err
    assert not (tmp_path / "out").exists()


def test_input_errors(tmp_path: Path, capsys) -> None:
    assert history(str(tmp_path / "missing")) == ExitCode.INPUT_ERROR
    assert "missing: not a directory" in capsys.readouterr().err
    assert history(str(tmp_path)) == ExitCode.INPUT_ERROR
    assert "no training logs found" in capsys.readouterr().err
    write_csv(tmp_path / "stage1.csv", doc_stage1()[:5])
    (tmp_path / "progressive_model_info.json").write_text("{broken", encoding="utf-8")
    assert history(str(tmp_path), "-o", str(tmp_path / "o")) == ExitCode.INPUT_ERROR
    err = capsys.readouterr().err
    assert "progressive_model_info.json: is not valid JSON" in err
    assert err.count("\n") == 1


@pytest.mark.parametrize(
    ("args", "phrase"),
    [
        ([], "give a RUN_DIR, or the logs with --stage NAME=FILE"),
        (["--stage", "nofile"], "--stage 'nofile': expected NAME=FILE"),
        (["RUN", "--patience", "ten"], "--patience 'ten' is not a whole number"),
        (["RUN", "--class-weights", "small=1,big=2"], "class names are below/above"),
        (["RUN", "--class-counts", "below=10"], "give both whole counts"),
        (["RUN", "--goal", "val_nothing"], "goal metric 'val_nothing' is in no training log"),
        (["RUN", "--format", "pdf"], "unknown report format pdf"),
    ],
)
def test_usage_errors(doc_run: Path, capsys, args: list[str], phrase: str) -> None:
    args = [str(doc_run) if a == "RUN" else a for a in args]
    assert history(*args) == ExitCode.USAGE_ERROR
    err = capsys.readouterr().err
    assert phrase in err and err.count("\n") == 1, err


def test_history_never_imports_tensorflow(doc_run: Path, tmp_path: Path) -> None:
    script = (
        "import sys; from jetx_diag.cli.main import run; "
        f"code = run(['history', {str(doc_run)!r}, '-q', '-o', {str(tmp_path / 'o')!r}]); "
        "print(code, 'tensorflow' in sys.modules, 'keras' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True,
        cwd=tmp_path,  # not the repository root: the installed package is under test
    )  # fmt: skip
    assert result.stdout.split() == ["0", "False", "False"], result.stderr


@pytest.mark.keras
def test_demo_reports_show_the_training_run(tmp_path: Path, capfd) -> None:
    """The demo writes CSVLogger files beside its checkpoints, so every report has the section;
    its stage 3 weighs "below" at a tenth of balanced (target multiplier 0.1), past the 4x
    limit either way, so the class-weight finding is always there (stage 2's 3x is not)."""
    from jetx_diag.cli.main import run

    assert run(["demo", "-o", str(tmp_path), "--rounds", "1500", "-q"]) == 0
    capfd.readouterr()
    for name in ("stage1_best", "stage2_best", "stage3_best", "jetx_progressive_final"):
        text = (tmp_path / "reports" / name / "report.md").read_text(encoding="utf-8")
        assert "## 🏋️ Training run" in text, name
        # Weights differ with the rounds drawn; their ratio to balanced weights does not.
        assert re.search(
            r"\| stage3 \| [^\n]* \| 0\.10x \| \*\*below under-weighted 10\.0x\*\* \|", text
        )
        assert "The below class is under-weighted 10.0x" in text
        assert re.search(r"\| stage2 \| [^\n]* \| 3\.00x \| — \|", text)
        assert (tmp_path / "reports" / name / "report.training_stage3.png").is_file()
    stage1 = (tmp_path / "reports" / "stage1_best" / "report.md").read_text(encoding="utf-8")
    assert "This checkpoint (stage1_best.h5) is what stage1 kept at epoch " in stage1
    assert "chosen by val_regression_mae" in stage1
    # The LightGBM pair is ranked beside the networks, on the same rounds, without their logs.
    page = (tmp_path / "reports" / "compare.md").read_text(encoding="utf-8")
    assert "classifier_lightgbm.txt + regressor_lightgbm.txt" in page
    assert "5 checkpoints" in page and "held-out rounds for every checkpoint" in page
    (boosted,) = (tmp_path / "reports").glob("classifier_lightgbm*/report.md")
    text = boosted.read_text(encoding="utf-8")
    assert "## 🏋️ Training run" not in text and "LightGBM binary + LightGBM regression" in text


# --------------------------------------------------------------------------- files that disagree


def _h5_model(path: Path, width: int) -> Path:
    """An HDF5 file with a Keras 2 model config (a feature input and a sequence input)."""
    import h5py

    config = {
        "class_name": "Functional",
        "config": {
            "layers": [
                {"class_name": "InputLayer", "config": {"batch_input_shape": [None, width]}},
                {"class_name": "InputLayer", "config": {"batch_input_shape": [None, 50, 1]}},
                {"class_name": "Dense", "config": {"units": 1}},
            ]
        },
    }
    with h5py.File(path, "w") as handle:
        handle.attrs["model_config"] = json.dumps(config)
    return path


def _keras_zip(path: Path, width: int) -> Path:
    """A .keras archive whose config.json has one Keras 3 feature input."""
    import zipfile

    config = {
        "class_name": "Functional",
        "config": {
            "layers": [{"class_name": "InputLayer", "config": {"batch_shape": [None, width]}}]
        },
    }
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("config.json", json.dumps(config))
    return path


def test_scaler_width_against_each_checkpoint(doc_run: Path, tmp_path: Path, capsys) -> None:
    import joblib
    import numpy as np
    from sklearn.preprocessing import StandardScaler

    joblib.dump(StandardScaler().fit(np.arange(12.0).reshape(4, 3)), doc_run / "scaler_x.pkl")
    _h5_model(doc_run / "stage1_best.h5", 4)
    _keras_zip(doc_run / "final.keras", 3)
    (doc_run / "broken.h5").write_bytes(b"not hdf5")
    out = tmp_path / "out"
    assert history(str(doc_run), "-o", str(out), "--json", str(tmp_path / "d.json")) == 0
    printed = capsys.readouterr().out
    assert "🔴 stage1_best.h5 takes 4 features but scaler_x.pkl scales 3" in printed
    training = json.loads((tmp_path / "d.json").read_text())["training"]
    (finding,) = [f for f in training["findings"] if f["code"] == "checkpoint_scaler_mismatch"]
    assert finding["numbers"] == {
        "checkpoint": "stage1_best.h5",
        "scaler": "scaler_x.pkl",
        "scaler_width": 3,
        "model_width": 4,
    }
    notes = "\n".join(training["notes"])
    assert "scaler_x.pkl (3 features) fits the feature input of final.keras" in notes
    assert "checkpoint not checked against the scaler: " in notes and "broken.h5" in notes
    # Named on the command line, an unreadable checkpoint is an input error.
    code = history(str(doc_run), "-o", str(out), "--checkpoint", str(doc_run / "broken.h5"))
    assert code == ExitCode.INPUT_ERROR
    assert "broken.h5: model config cannot be read" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["progressive_model_info.json", "stage1_history.json"])
def test_hostile_nesting_is_an_input_error(tmp_path: Path, capfd, name: str) -> None:
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    if name.endswith("info.json"):  # the metadata beside a usable log
        (run_dir / "stage1.csv").write_text("epoch,loss,val_loss\n0,1.0,1.0\n1,0.9,0.95\n")
    (run_dir / name).write_text("[" * 100_000 + "]" * 100_000)
    code = run(["history", str(run_dir), "-q", "-o", str(tmp_path / "out")])
    err = capfd.readouterr().err
    assert code == ExitCode.INPUT_ERROR, err
    assert name in err and "nested too deeply" in err and "Traceback" not in err
