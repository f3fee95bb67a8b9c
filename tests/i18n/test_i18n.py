"""The message catalog: complete in both languages, and the only source of visible words."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import jetx_diag
from jetx_diag.errors import UsageError
from jetx_diag.i18n.messages import CATALOG, LANGUAGES, fields, messages, record
from jetx_diag.report.context import environment

PACKAGE = Path(jetx_diag.__file__).parent


def test_both_languages_have_the_same_keys() -> None:
    assert set(LANGUAGES) == set(CATALOG) == {"en", "tr"}
    assert set(CATALOG["en"]) == set(CATALOG["tr"])


@pytest.mark.parametrize("key", sorted(CATALOG["en"]))
def test_both_languages_use_the_same_fields(key: str) -> None:
    assert fields(CATALOG["en"][key]) == fields(CATALOG["tr"][key])


def test_turkish_uses_the_documents_vocabulary() -> None:
    tr = messages("tr")
    assert tr("metric.below_accuracy", threshold="1.5") == "1.5 Altı Doğruluğu"
    assert tr("metric.above_accuracy", threshold="1.5") == "1.5 Üstü Doğruluğu"
    assert tr("metric.money_loss_risk") == "Para Kaybı Riski"
    assert tr("metric.threshold_accuracy") == "Threshold Accuracy"
    assert tr("metric.classification_accuracy") == "Classification Accuracy"
    assert tr("confusion.corner") == "Gerçek / Tahmin"
    assert tr("confusion.money_marker") == "← Para kaybı"
    assert tr("targets.col_target") == "Hedef"
    assert tr("targets.col_status") == "Durum"
    assert tr("targets.col_result") == "Sonuç"
    assert tr("targets.off_below", factor="12.6") == "12.6x daha kötü"


def test_unknown_language_and_missing_default() -> None:
    with pytest.raises(UsageError, match="unknown report language 'fr'"):
        messages("fr")
    en = messages("en")
    assert en.get("reason.some_new_code", "some_new_code") == "some_new_code"
    assert en.get("reason.null", "null") == "empty (NULL)"


def test_every_literal_key_used_in_code_exists() -> None:
    """Keys spelled out in the package's modules are in the catalog (dynamic ones are tested by
    rendering every metric, status, class and role in the report tests)."""
    used: set[str] = set()
    for module in sorted(PACKAGE.rglob("*.py")):
        text = module.read_text(encoding="utf-8")
        used |= set(re.findall(r'msg\(\s*"([a-z_./]+)"', text))
        used |= set(re.findall(r'key = "([a-z_]+\.[a-z_./]+)"', text))
    assert len(used) > 40
    assert used <= set(CATALOG["en"]), sorted(used - set(CATALOG["en"]))


@pytest.mark.parametrize("prefix", ["metric.", "status.", "class.", "role.", "reason."])
def test_dynamic_key_families_are_complete(prefix: str) -> None:
    from jetx_diag.history.accounting import REJECTION_REASONS
    from jetx_diag.scoring.targets import TARGET_METRICS

    expected = {
        "metric.": {f"metric.{m}" for m in TARGET_METRICS} | {"metric.above_call_share"},
        "status.": {"status.met", "status.missed", "status.n/a"},
        "class.": {"class.below", "class.above"},
        "role.": {
            f"role.{r}"
            for r in ("checkpoint", "scaler", "metadata", "data", "inputs", "predictions")
        },
        "reason.": {f"reason.{code}" for code in REJECTION_REASONS},
    }[prefix]
    assert expected <= {k for k in CATALOG["en"] if k.startswith(prefix)}


def test_templates_hold_no_words_of_their_own() -> None:
    """Every visible word comes from the catalog: template text outside tags has no words."""
    env = environment()
    for name in env.list_templates(extensions=["j2"]):
        source = env.loader.get_source(env, name)[0]
        text = re.sub(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", "", source, flags=re.S)
        text = re.sub(r"<[^>]*>", " ", text)  # HTML tags with their attributes
        assert not re.search(r"[^\W\d_]{2,}", text), (name, text)


def test_plural_field_in_english_and_turkish_numeral_rule() -> None:
    en, tr = messages("en"), messages("tr")
    assert en("training.past", count=1) == "1 epoch past the peak"
    assert en("training.past", count=86) == "86 epochs past the peak"
    assert tr("training.past", count=1) == "zirveden sonra 1 epoch"  # Turkish: no plural
    assert en("header.rounds_value", read=1, used=1, evaluated=1) == (
        "1 row read, 1 usable, 1 held-out round evaluated"
    )
    for key, template in CATALOG["en"].items():
        assert "(s)" not in template, key


@pytest.mark.parametrize("key", sorted(k for k in CATALOG["en"] if k.startswith("record.")))
def test_every_stored_sentence_reads_back_in_turkish(key: str) -> None:
    """A sentence made in English for the JSON is found again and shown from the Turkish
    catalog, with the same values (numbers are given as 2 so plural fields read back)."""
    numbers = (
        "count",
        "missing",
        "gaps",
        "width",
        "line",
        "cell",
        "row",
        "index",
        "epoch",
        "spans",
    )
    values = {
        name: ("2" if name in numbers else f"<{name}>") for name in fields(CATALOG["en"][key])
    }
    english = record(key, **values)
    turkish = messages("tr").recorded(english)
    assert turkish == messages("tr")(key, **values)
    # "epoch 5" is the same words in both languages (the document keeps "epoch").
    assert turkish != english or CATALOG["tr"][key] == CATALOG["en"][key] == "epoch {spans}"
    assert messages("en").recorded(english) == english


def test_unknown_sentences_pass_through_with_turkish_numbers() -> None:
    tr = messages("tr")
    assert tr.recorded("something new: 5.94% (26/438)") == "something new: %5.94 (26/438)"
    assert tr.recorded("stage1: " + record("record.one_epoch")) == (
        "stage1: yalnızca bir epoch loglanmış: bir eğilim okunamaz"
    )


def test_short_records_do_not_swallow_longer_sentences() -> None:
    """``line {line}`` and ``epochs {spans}`` are only numbers after the word: a text that
    starts with "line 2 has …" is not taken for one; it stays as it was, or reads as the longer
    catalog sentence it is."""
    tr = messages("tr")
    assert tr.recorded("line 2 has an odd look") == "line 2 has an odd look"
    assert tr.recorded(
        record("error.logs.line_fields_header", line=2, row_count=3, header_count=2)
    ) == ("satır 2: 3 alan var, başlıkta 2 alan var")
    assert tr.recorded("epochs must increase") == "epochs must increase"
    assert tr.recorded(record("record.epoch_many", spans="5–9, 12")) == "epoch 5–9, 12"
    note = record("record.not_finite", column="val_loss", epochs="epochs 5–9, 12")
    assert tr.recorded("stage1: " + note) == "stage1: val_loss sonlu değil (NaN/inf): epoch 5–9, 12"


def test_lists_end_with_the_languages_and() -> None:
    assert messages("en").join(["a", "b", "c"]) == "a, b and c"
    assert messages("tr").join(["a", "b"]) == "a ve b"
    assert messages("tr").join(["a"]) == "a"
