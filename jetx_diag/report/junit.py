"""JUnit XML for CI: one test case per target, one test suite per checkpoint.

A missed target is a ``<failure>`` whose message carries the measured value and the target; a
target the model cannot be measured on (no such head, or 0/0) is ``<skipped>``. The layout is
the one Jenkins, GitLab and GitHub test reporters read (validated against ``tests/junit.xsd``).

An evaluation with a skill report adds one case, ``better_than_chance``: a ``<failure>`` when the
primary test finds no evidence of skill (or finds the calls pointing the wrong way), skipped when
the held-out rounds lack one outcome. It informs; the exit code follows the targets alone.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from pathlib import Path

from jetx_diag.evaluation.record import Evaluation
from jetx_diag.files import write_files
from jetx_diag.i18n.messages import Messages, messages
from jetx_diag.report.skill import render
from jetx_diag.report.target_text import off_text, target_text
from jetx_diag.scoring.targets import TargetResult, Verdict

# Characters XML 1.0 cannot hold at all, not even escaped (C0 controls except tab/LF/CR,
# surrogates, U+FFFE/U+FFFF). Labels and paths come from users, so they are made visible instead.
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(value: object) -> str:
    return _XML_INVALID.sub(lambda m: f"\\u{ord(m.group()):04x}", str(value))


def _testcase(
    parent: ET.Element, evaluation: Evaluation, result: TargetResult, msg: Messages
) -> None:
    metric = result.target.metric
    case = ET.SubElement(
        parent,
        "testcase",
        {"classname": _xml_text(evaluation.label), "name": metric, "time": "0"},
    )
    result_text = msg("none") if result.measured is None else msg.recorded(result.measured.text())
    name = msg(f"metric.{metric}", threshold=f"{evaluation.settings.threshold:g}")
    if result.status == "missed":
        message = msg(
            "junit.failure",
            metric=name,
            result=result_text,
            target=target_text(result.target),
            off=off_text(result, msg),
        )
        failure = ET.SubElement(
            case, "failure", {"message": _xml_text(message), "type": "TargetMissed"}
        )
        failure.text = _xml_text(
            msg(
                "junit.details",
                metric=name,
                key=metric,
                result=result_text,
                target=target_text(result.target),
                shown=f"{result.shown}",
                checkpoint=evaluation.label,
            )
            + "\n"
        )
    elif result.status == "n/a":
        why = msg("targets.not_available") if result.measured is None else result_text
        ET.SubElement(
            case, "skipped", {"message": _xml_text(msg("junit.skipped", metric=name, why=why))}
        )


#: Skill verdict codes that pass the ``better_than_chance`` case.
_BEATS_CHANCE = ("beats_chance_and_baselines", "beats_chance_not_baselines")


def _chance_case(parent: ET.Element, evaluation: Evaluation, msg: Messages) -> str:
    """The ``better_than_chance`` case; returns ``passed``, ``failed`` or ``skipped``."""

    skill = evaluation.skill
    assert skill is not None
    case = ET.SubElement(
        parent,
        "testcase",
        {"classname": _xml_text(evaluation.label), "name": "better_than_chance", "time": "0"},
    )
    sentence = render(skill.messages[0], msg)
    if skill.verdict.code == "not_enough_data":
        ET.SubElement(case, "skipped", {"message": _xml_text(sentence)})
        return "skipped"
    if skill.verdict.code in _BEATS_CHANCE:
        return "passed"
    message = msg("junit.chance_failure", sentence=sentence)
    failure = ET.SubElement(
        case, "failure", {"message": _xml_text(message), "type": "NoEvidenceOfSkill"}
    )
    failure.text = _xml_text("\n".join(render(m, msg) for m in skill.messages) + "\n")
    return "failed"


def _testsuite(
    parent: ET.Element, evaluation: Evaluation, verdict: Verdict, msg: Messages
) -> tuple[int, int]:
    results = verdict.results
    failures = len(verdict.missed)
    skipped = sum(1 for r in results if r.status == "n/a")
    tests = len(results)
    suite = ET.SubElement(
        parent,
        "testsuite",
        {
            "name": _xml_text(evaluation.label),
            "tests": str(len(results)),
            "failures": str(failures),
            "errors": "0",
            "skipped": str(skipped),
            "time": "0",
            "timestamp": _xml_text(evaluation.created),
        },
    )
    properties = ET.SubElement(suite, "properties")
    for name, value in (
        ("tool_version", evaluation.tool_version),
        ("data", evaluation.data.source),
        ("held_out_rounds", evaluation.split.test_samples),
        ("split", evaluation.split.rule),
        ("threshold", f"{evaluation.settings.threshold:g}"),
        ("cutoff", f"{evaluation.settings.cutoff:g}"),
    ):
        ET.SubElement(properties, "property", {"name": name, "value": _xml_text(value)})
    for result in results:
        _testcase(suite, evaluation, result, msg)
    if evaluation.skill is not None:
        outcome = _chance_case(suite, evaluation, msg)
        tests += 1
        failures += outcome == "failed"
        skipped += outcome == "skipped"
        suite.set("tests", str(tests))
        suite.set("failures", str(failures))
        suite.set("skipped", str(skipped))
    return tests, failures


def render_junit(
    items: Sequence[tuple[Evaluation, Verdict]], *, name: str = "jetx-diag", lang: str = "en"
) -> str:
    """JUnit XML for one or more evaluated checkpoints (compare mode: one suite each)."""
    msg = messages(lang)
    root = ET.Element("testsuites", {"name": _xml_text(name)})
    tests = failures = 0
    for evaluation, verdict in items:
        suite_tests, suite_failures = _testsuite(root, evaluation, verdict, msg)
        tests += suite_tests
        failures += suite_failures
    root.set("tests", str(tests))
    root.set("failures", str(failures))
    root.set("errors", "0")
    root.set("time", "0")  # the Jenkins schema has no "skipped" count on <testsuites>
    ET.indent(root)
    body = ET.tostring(root, encoding="unicode")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n"


def write_junit(
    items: Sequence[tuple[Evaluation, Verdict]],
    path: str | Path,
    *,
    name: str = "jetx-diag",
    lang: str = "en",
) -> Path:
    """Write the JUnit XML of ``items`` in ``lang`` to ``path`` atomically; returns the path."""

    text = render_junit(items, name=name, lang=lang)
    (written,) = write_files([(Path(path), text.encode("utf-8"))])
    return written
