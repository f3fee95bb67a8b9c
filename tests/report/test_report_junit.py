"""JUnit XML: one test case per target, valid against the Jenkins-layout schema."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import xmlschema
from test_report_core import document_case

from jetx_diag.report.junit import render_junit, write_junit
from jetx_diag.results import ConfusionMatrix, Rate
from jetx_diag.scoring.metrics import metrics_from_confusion

SCHEMA = xmlschema.XMLSchema(Path(__file__).parents[1] / "junit.xsd")


def good_case():  # type: ignore[no-untyped-def]
    matrix = ConfusionMatrix(400, 38, 60, 620)
    return document_case(
        label="stage1_best.h5",
        metrics=metrics_from_confusion(matrix, classification_accuracy=Rate(800, 1118)),
    )


def test_document_case_has_one_case_per_target_and_four_failures() -> None:
    xml = render_junit([document_case()])
    SCHEMA.validate(xml)
    root = ET.fromstring(xml)
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == "stage2_best.h5"
    assert (suite.get("tests"), suite.get("failures"), suite.get("skipped")) == ("5", "4", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [
        "below_accuracy",
        "above_accuracy",
        "money_loss_risk",
        "threshold_accuracy",
        "classification_accuracy",
    ]
    assert {c.get("classname") for c in cases} == {"stage2_best.h5"}
    assert cases[1].find("failure") is None and cases[1].find("skipped") is None
    failure = cases[0].find("failure")
    assert failure.get("message") == (
        "Below-1.5 accuracy: 5.94% (26/438) misses target ≥ 75% (12.6x below target)"
    )
    assert "measured: 5.94% (26/438)" in failure.text
    assert cases[2].find("failure").get("message") == (
        "Money-loss risk: 94.06% (412/438) misses target < 20% (4.7x above the limit)"
    )
    properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
    assert properties["held_out_rounds"] == "1118"


def test_missing_head_is_skipped_not_failed() -> None:
    evaluation, _ = document_case()
    evaluation, verdict = document_case(
        metrics=metrics_from_confusion(ConfusionMatrix(400, 38, 60, 620))
    )
    xml = render_junit([(evaluation, verdict)])
    SCHEMA.validate(xml)
    suite = ET.fromstring(xml).find("testsuite")
    assert (suite.get("failures"), suite.get("skipped")) == ("0", "1")
    skipped = suite.find("testcase[@name='classification_accuracy']/skipped")
    assert skipped.get("message") == (
        "Classification accuracy (3 classes): n/a (the model has no such output)"
    )


def test_junit_speaks_the_report_language() -> None:
    xml = render_junit([document_case()], lang="tr")
    SCHEMA.validate(xml)
    cases = ET.fromstring(xml).find("testsuite").findall("testcase")
    assert cases[0].get("name") == "below_accuracy"  # ids stay ids for CI tools
    failure = cases[0].find("failure")
    assert failure.get("message") == (
        "1.5 Altı Doğruluğu: %5.94 (26/438) hedefi tutmadı: ≥ %75 (12.6x daha kötü)"
    )
    assert "ölçülen: %5.94 (26/438)" in failure.text
    assert "measured" not in failure.text


def test_compare_mode_has_one_suite_per_checkpoint(tmp_path: Path) -> None:
    path = write_junit([good_case(), document_case()], tmp_path / "ci" / "junit.xml")
    assert path == tmp_path / "ci" / "junit.xml"
    SCHEMA.validate(str(path))
    root = ET.parse(path).getroot()
    assert (root.get("tests"), root.get("failures"), root.get("errors")) == ("10", "4", "0")
    assert [s.get("name") for s in root.findall("testsuite")] == [
        "stage1_best.h5",
        "stage2_best.h5",
    ]
    assert [s.get("failures") for s in root.findall("testsuite")] == ["0", "4"]


def test_hostile_labels_still_give_valid_xml() -> None:
    xml = render_junit([document_case(label='bad\x01"<name>&\x1f')])
    SCHEMA.validate(xml)
    suite = ET.fromstring(xml).find("testsuite")
    assert suite.get("name") == 'bad\\u0001"<name>&\\u001f'


def test_the_schema_is_not_vacuous() -> None:
    xml = render_junit([document_case()])
    assert SCHEMA.is_valid(xml)
    for broken in (
        xml.replace(' name="below_accuracy"', ""),  # a test case without a name
        xml.replace('tests="5"', 'tests="five"'),  # a count that is not a number
        xml.replace("<properties>", "<properties><bogus/>"),
    ):
        assert not SCHEMA.is_valid(broken)


@pytest.mark.parametrize("count", [0, 1, 3])
def test_counts_add_up(count: int) -> None:
    items = [document_case(label=f"m{i}.h5") for i in range(count)]
    root = ET.fromstring(render_junit(items))
    SCHEMA.validate(render_junit(items))
    assert root.get("tests") == str(5 * count)
    assert len(root.findall("testsuite/testcase")) == 5 * count
