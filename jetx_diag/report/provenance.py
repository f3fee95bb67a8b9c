"""The report's provenance sections: where the numbers came from.

Where every history row went (read = used + rejected, by reason), every file used with its hash
and the Keras version that wrote it, the metrics the training run recorded beside the ones
measured here, and the evaluation's warnings. Builders as in :mod:`jetx_diag.report.sections`,
which lists them in :data:`~jetx_diag.report.sections.SECTIONS`.
"""

from __future__ import annotations

from typing import Any

from jetx_diag.evaluation.record import Evaluation
from jetx_diag.i18n.messages import Messages
from jetx_diag.results import RECORDED_METRICS, Artifact
from jetx_diag.scoring.targets import Verdict

Context = dict[str, Any]

#: Rejected rows listed in a report; the JSON output always holds all of them.
MAX_REJECTED_SHOWN = 50


def section_data_quality(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context:
    """Where every row went: read = used + rejected, by reason, with the rejected rows."""
    data = evaluation.data

    def reason(code: str) -> str:
        return msg.get(f"reason.{code}", code)

    shown = data.rejected[:MAX_REJECTED_SHOWN]
    more = len(data.rejected) - len(shown)
    return {
        "heading": msg("data.heading"),
        "accounting": msg(
            "data.accounting",
            read=data.rows_read,
            used=data.rows_used,
            rejected=len(data.rejected),
        ),
        "none_rejected": None if data.rejected else msg("data.none_rejected"),
        "columns": {
            "reason": msg("data.col_reason"),
            "rows": msg("data.col_rows"),
            "where": msg("data.col_where"),
            "raw": msg("data.col_raw"),
        },
        "by_reason": [
            {"reason": reason(code), "rows": count}
            for code, count in data.rejected_by_reason.items()
        ],
        "rejected": [
            {"where": msg.recorded(r.where), "raw": r.raw, "reason": reason(r.reason)}
            for r in shown
        ],
        "more": msg("data.more_rejected", more=more) if more > 0 else None,
        "notes_heading": msg("data.notes"),
        "notes": [msg.recorded(note) for note in data.notes],
    }


def _saved_by(artifact: Artifact) -> str | None:
    details = artifact.details
    if "saved_by" in details:
        # "unknown" is the evaluator's English word for the JSON: a page shows its "none".
        return None if details["saved_by"] == "unknown" else details["saved_by"]
    if "keras_version" in details:
        return f"Keras {details['keras_version']}"
    return None


#: Hex digits of a SHA-256 a page shows; enough to tell files apart at a glance.
SHORT_HASH = 12


def _short_hash(sha256: str) -> str:
    return sha256 if len(sha256) <= SHORT_HASH + 4 else sha256[:SHORT_HASH] + "…"


def section_artifacts(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context | None:
    """Every file used, with its hash and the Keras version that wrote it; the model's shape."""
    model = evaluation.model
    if not evaluation.artifacts and model is None:
        return None
    rows = []
    for artifact in evaluation.artifacts:
        details = {k: v for k, v in sorted(artifact.details.items()) if k not in ("saved_by",)}
        rows.append(
            {
                "role": msg.get(f"role.{artifact.role}", artifact.role),
                "path": artifact.path,
                "sha256": artifact.sha256 or msg("none"),
                # Shown shortened on a page, the full value on hover (and in the JSON).
                "sha256_short": _short_hash(artifact.sha256) if artifact.sha256 else msg("none"),
                "size": msg("none")
                if artifact.size_bytes is None
                else msg("artifacts.size_bytes", size=f"{artifact.size_bytes:,}"),
                "saved_by": _saved_by(artifact) or msg("none"),
                "details": ", ".join(f"{k}: {v}" for k, v in details.items()) or msg("none"),
            }
        )
    model_rows = []
    if model is not None:
        model_rows = [
            {"label": msg("artifacts.model_inputs"), "items": list(model.inputs), "code": True},
            {"label": msg("artifacts.model_outputs"), "items": list(model.outputs), "code": True},
        ]
        if model.parameters is not None:
            model_rows.append(
                {
                    "label": msg("artifacts.model_parameters"),
                    "items": [f"{model.parameters:,}"],
                    "code": False,
                }
            )
        if model.saved_by is not None:
            model_rows.append(
                {"label": msg("artifacts.model_saved_by"), "items": [model.saved_by], "code": False}
            )
    return {
        "heading": msg("artifacts.heading"),
        "columns": {
            "role": msg("artifacts.col_role"),
            "path": msg("artifacts.col_path"),
            "sha256": msg("artifacts.col_sha"),
            "size": msg("artifacts.col_size"),
            "saved_by": msg("artifacts.col_saved_by"),
            "details": msg("artifacts.col_details"),
        },
        "rows": rows,
        "model": model_rows,
    }


def recorded_percent(value: float) -> float:
    """A recorded metric in percent: metadata holds fractions (0.593) or percents (59.3).

    Values within [-1, 1] are read as fractions; a recorded 1.0 therefore means 100%.
    """
    return value * 100.0 if abs(value) <= 1.0 else value


def section_recorded(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context | None:
    """Metrics the training run recorded, beside the ones measured here."""
    if not evaluation.recorded:
        return None
    threshold = f"{evaluation.settings.threshold:g}"
    matched = []
    other = []
    for key, value in evaluation.recorded.items():
        if key in RECORDED_METRICS:
            measured = evaluation.metrics.rate(key)
            matched.append(
                {
                    "name": msg(f"metric.{key}", threshold=threshold),
                    "recorded": f"{value:g}",
                    "percent": f"{recorded_percent(value):.2f}%",
                    "measured": msg("none") if measured is None else measured.text(),
                }
            )
        else:
            other.append({"key": key, "value": f"{value:g}"})
    return {
        "heading": msg("recorded.heading"),
        "intro": msg("recorded.intro"),
        "columns": {
            "metric": msg("recorded.col_metric"),
            "recorded": msg("recorded.col_recorded"),
            "percent": msg("recorded.col_percent"),
            "measured": msg("recorded.col_measured"),
            "key": msg("recorded.col_key"),
            "value": msg("recorded.col_value"),
        },
        "matched": matched,
        "other_heading": msg("recorded.other"),
        "other": other,
    }


def section_warnings(evaluation: Evaluation, verdict: Verdict, msg: Messages) -> Context | None:
    if not evaluation.warnings:
        return None
    return {
        "heading": msg("warnings.heading"),
        "items": [msg.recorded(warning) for warning in evaluation.warnings],
    }
