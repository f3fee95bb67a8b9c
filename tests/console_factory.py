"""Real console output of multi-stage ``model.fit(verbose=1)`` runs, captured for tests.

Each capture runs :data:`TRAIN_CODE` in a fresh Python process: a tiny model trained in two
stages (``🔥 AŞAMA 1`` / ``Stage 2`` headings, as training scripts print them) with
ModelCheckpoint(save_best_only, verbose=1), EarlyStopping(restore_best_weights, verbose=1),
ReduceLROnPlateau(verbose=1) and a callback printing the source document's block every two
epochs (Turkish in stage 1, English in stage 2). Stdout is captured byte for byte, through a
pseudo-terminal (Keras redraws its bars with ``\\r``/``\\b`` and colours them) or a pipe.
What the run itself recorded — ``History.history``, EarlyStopping's ``stopped_epoch`` and
``best_epoch``, the epochs whose checkpoint file was rewritten, the learning rate after each
epoch, the epoch whose weights the model ended with, the printed values — is written to a JSON
file the tests compare the parsed output with. A notebook is executed the same way (nbclient).
"""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

TRAIN_CODE = r'''
import hashlib, json, os, sys
from pathlib import Path
FRAMEWORK, OUT = sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2 else None
if FRAMEWORK == "tf_keras":
    os.environ["TF_USE_LEGACY_KERAS"] = "1"
    import tf_keras as keras
else:
    import keras
import numpy as np

RECORD = {"framework": FRAMEWORK, "stages": []}


def weights_key(model):
    data = b"".join(np.asarray(w).tobytes() for w in model.get_weights())
    return hashlib.sha256(data).hexdigest()


class Fingerprint(keras.callbacks.Callback):
    """First in the list: the weights each epoch trained, before EarlyStopping restores any."""

    def __init__(self):
        super().__init__()
        self.keys = {}

    def on_epoch_end(self, epoch, logs=None):
        self.keys[epoch + 1] = weights_key(self.model)


class Block(keras.callbacks.Callback):
    """The document's per-epoch block, every two epochs, on the validation rounds."""

    def __init__(self, stage, x, y, lang):
        super().__init__()
        self.stage, self.x, self.y, self.lang, self.printed = stage, x, y, lang, {}

    def on_epoch_end(self, epoch, logs=None):
        if (epoch + 1) % 2:
            return
        calls = (self.model.predict(self.x, verbose=0).ravel() >= 0.5).astype(int)
        below, above = self.y == 0, self.y == 1
        b = 100.0 * float(np.mean(calls[below] == 0))
        a = 100.0 * float(np.mean(calls[above] == 1))
        r = 100.0 - b
        self.printed[epoch + 1] = [round(b, 1), round(a, 1), round(r, 1)]
        if self.lang == "tr":
            print(f"\n📊 AŞAMA {self.stage} - Epoch {epoch + 1} METRIKLER")
            print(f"🔴 1.5 ALTI DOĞRULUĞU: {b:.1f}% {'✅' if b >= 50 else '❌'}")
            print(f"🟢 1.5 ÜSTÜ DOĞRULUĞU: {a:.1f}%")
            print(f"💰 PARA KAYBI RİSKİ: {r:.1f}%")
        else:
            print(f"\n📊 STAGE {self.stage} - Epoch {epoch + 1} METRICS")
            print(f"🔴 Below 1.5 accuracy: {b:.1f}%")
            print(f"🟢 Above 1.5 accuracy: {a:.1f}%")
            print(f"💰 Money loss risk: {r:.1f}%")


class Recorder(keras.callbacks.Callback):
    """Last in the list: which epochs rewrote the checkpoint, the learning rate after each."""

    def __init__(self, path):
        super().__init__()
        self.path, self.saves, self.lr, self.stamp = path, [], {}, None

    def on_epoch_end(self, epoch, logs=None):
        stamp = self.path.stat().st_mtime_ns if self.path.exists() else None
        if stamp is not None and stamp != self.stamp:
            self.saves.append(epoch + 1)
        self.stamp = stamp
        self.lr[epoch + 1] = float(np.asarray(self.model.optimizer.learning_rate))


rng = np.random.default_rng(3)
x = rng.normal(size=(96, 4)).astype("float32")
y = (rng.random(96) < 0.4).astype("float32")
x_val, y_val = x[72:], y[72:]
keras.utils.set_random_seed(0)
inputs = keras.Input((4,))
hidden = keras.layers.Dense(16, activation="tanh")(inputs)
model = keras.Model(inputs, keras.layers.Dense(1, activation="sigmoid", name="threshold")(hidden))


def run_stage(number, heading, monitor, mode, lang, lr, folder):
    print(heading)
    model.compile(
        optimizer=keras.optimizers.Adam(lr),
        loss="binary_crossentropy",
        metrics=[keras.metrics.BinaryAccuracy(name="threshold_accuracy")],
    )
    path = Path(folder) / f"stage{number}_best.h5"
    fingerprint = Fingerprint()
    checkpoint = keras.callbacks.ModelCheckpoint(
        str(path), monitor=monitor, mode=mode, save_best_only=True, verbose=1
    )
    stopping = keras.callbacks.EarlyStopping(
        monitor=monitor, mode=mode, patience=2, restore_best_weights=True, verbose=1
    )
    reduce = keras.callbacks.ReduceLROnPlateau(monitor=monitor, mode=mode, patience=1,
                                               factor=0.5, verbose=1)
    block = Block(number, x_val, y_val, lang)
    recorder = Recorder(path)
    history = model.fit(
        x[:72], y[:72], validation_data=(x_val, y_val), epochs=10, batch_size=8, verbose=1,
        callbacks=[fingerprint, checkpoint, stopping, reduce, block, recorder],
    )
    final = weights_key(model)
    ended_with = [e for e, key in fingerprint.keys.items() if key == final]
    RECORD["stages"].append({
        "heading": heading,
        "monitor": monitor,
        "file": path.name,
        "epochs": [e + 1 for e in history.epoch],
        "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
        "stopped_epoch": int(stopping.stopped_epoch),
        "best_epoch": int(getattr(stopping, "best_epoch", -1)),
        "checkpoint_best": float(checkpoint.best),
        "saves": recorder.saves,
        "lr_after": recorder.lr,
        "initial_lr": lr,
        "ended_with_epoch": ended_with[-1] if ended_with else None,
        "printed": block.printed,
    })


def main(folder):
    run_stage(1, "🔥 AŞAMA 1: Foundation", "val_loss", "min", "tr", 0.05, folder)
    print("\nAşama 1 tamamlandı.\n")
    run_stage(2, "🎯 Stage 2: threshold focus", "val_threshold_accuracy", "max", "en", 0.02,
              folder)
    (Path(folder) / "record.json").write_text(json.dumps(RECORD))


if OUT is not None:
    main(OUT)
'''


@dataclass(frozen=True)
class Capture:
    """One captured run: its console output (as a file), the folder it saved into, its record."""

    framework: str
    mode: str  # "pty" or "pipe"
    folder: Path
    log: Path
    record: dict[str, Any]


def _env(framework: str) -> dict[str, str]:
    env = dict(os.environ, TF_CPP_MIN_LOG_LEVEL="3", TF_ENABLE_ONEDNN_OPTS="0")
    env.pop("TF_USE_LEGACY_KERAS", None)
    env["KERAS_BACKEND"] = "tensorflow"
    if framework == "tf_keras":
        env["TF_USE_LEGACY_KERAS"] = "1"
    return env


def start_capture(framework: str, mode: str, folder: Path) -> Any:
    """Start a training process; :func:`finish_capture` waits for it and reads its output."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "train.py"
    script.write_text(TRAIN_CODE, encoding="utf-8")
    command = [sys.executable, str(script), framework, str(folder)]
    err = (folder / "stderr.txt").open("wb")
    if mode == "pty":
        master, slave = pty.openpty()
        process = subprocess.Popen(command, stdout=slave, stderr=err, env=_env(framework))
        os.close(slave)
        return (framework, mode, folder, process, master)
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=err, env=_env(framework))
    return (framework, mode, folder, process, None)


def finish_capture(started: Any) -> Capture:
    framework, mode, folder, process, master = started
    if master is not None:
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        os.close(master)
        output = b"".join(chunks)
        process.wait()
    else:
        output, _ = process.communicate()
    if process.returncode != 0:
        raise RuntimeError((folder / "stderr.txt").read_text(errors="replace")[-3000:])
    log = folder / "train.log"
    log.write_bytes(output)
    record = json.loads((folder / "record.json").read_text(encoding="utf-8"))
    (folder / "record.json").rename(folder.parent / f"{folder.name}.record.json")
    (folder / "train.py").unlink()
    (folder / "stderr.txt").unlink()
    return Capture(framework, mode, folder, log, record)


def run_notebook(folder: Path) -> tuple[Path, dict[str, Any]]:
    """Execute a real notebook (nbclient, ipykernel) that trains the same two stages with
    Keras 3; returns the saved ``.ipynb`` (outputs kept as Jupyter stores them) and the record."""
    import nbformat
    from nbclient import NotebookClient

    folder.mkdir(parents=True, exist_ok=True)
    cells = [
        nbformat.v4.new_code_cell("import sys\nsys.argv = ['train', 'keras3']\n" + TRAIN_CODE),
        nbformat.v4.new_code_cell(
            "run_stage(1, '🔥 AŞAMA 1: Foundation', 'val_loss', 'min', 'tr', 0.05, "
            f"{str(folder)!r})"
        ),
        nbformat.v4.new_markdown_cell("## Stage 2"),
        nbformat.v4.new_code_cell(
            "run_stage(2, '🎯 Stage 2: threshold focus', 'val_threshold_accuracy', 'max', 'en', "
            f"0.02, {str(folder)!r})"
        ),
        nbformat.v4.new_code_cell(
            f"(Path({str(folder)!r}) / 'record.json').write_text(json.dumps(RECORD));"
        ),
    ]
    notebook = nbformat.v4.new_notebook(cells=cells)
    os.environ.update({k: v for k, v in _env("keras3").items() if k.startswith(("TF_", "KERAS"))})
    NotebookClient(notebook, timeout=600, kernel_name="python3").execute()
    nbformat.validate(notebook)
    path = folder / "training.ipynb"
    nbformat.write(notebook, str(path))
    record_file = folder / "record.json"
    record = json.loads(record_file.read_text(encoding="utf-8"))
    record_file.rename(folder.parent / f"{folder.name}.record.json")
    return path, record


def _close(printed: float, recorded: float) -> bool:
    """Keras prints 4 decimals (or 4 significant digits in e-notation for small values)."""
    return abs(printed - recorded) <= max(5e-5, 5e-4 * abs(recorded))


def _lr_cuts(stage: dict[str, Any]) -> list[tuple[int, float]]:
    """Epochs after which the optimizer's learning rate was lower than before, as recorded."""
    cuts = []
    before = stage["initial_lr"]
    for epoch in stage["epochs"]:
        after = stage["lr_after"][str(epoch)]
        if after < before * (1 - 1e-6):
            cuts.append((epoch, after))
        before = after
    return cuts


def check_against_record(log: Any, record: dict[str, Any]) -> None:
    """Every fact of the parsed output against the run's own record (shared with notebooks)."""
    assert [s.name for s in log.stages] == ["stage1", "stage2"]  # from "AŞAMA 1" / "Stage 2"
    assert log.stopped is None
    for parsed, recorded in zip(log.stages, record["stages"], strict=True):
        events = parsed.events
        assert list(parsed.epochs) == recorded["epochs"]
        assert events.epoch_limit == 10
        for key, values in recorded["history"].items():
            assert all(map(_close, parsed.columns[key], values)), (key, parsed.columns[key])
        stopped = recorded["stopped_epoch"]
        assert events.early_stopping_epoch == (stopped + 1 if stopped > 0 else None)
        if events.restore_printed:
            # The model ended with the weights of that epoch, and EarlyStopping says it was best.
            assert events.restored_epoch == recorded["ended_with_epoch"]
            assert events.restored_epoch == recorded["best_epoch"] + 1
        assert [s.epoch for s in events.saves] == recorded["saves"]
        assert {Path(s.file).name for s in events.saves} == {recorded["file"]}
        assert {s.monitor for s in events.saves} == {recorded["monitor"]}
        assert events.saves[-1].value == pytest.approx(recorded["checkpoint_best"], abs=5e-6)
        assert events.checkpoint_monitor == recorded["monitor"]
        cuts = _lr_cuts(recorded)
        assert [e for e, _ in events.lr_reductions] == [e for e, _ in cuts]
        for (_, printed), (_, actual) in zip(events.lr_reductions, cuts, strict=True):
            assert printed == pytest.approx(actual, rel=1e-6)
        printed = recorded["printed"]
        assert list(events.printed_epochs) == sorted(int(e) for e in printed)
        for epoch, (below, above, risk) in printed.items():
            index = parsed.epochs.index(int(epoch))
            assert parsed.columns["printed_below_accuracy"][index] == pytest.approx(below / 100)
            assert parsed.columns["printed_above_accuracy"][index] == pytest.approx(above / 100)
            assert parsed.columns["printed_money_loss_risk"][index] == pytest.approx(risk / 100)
