"""How a target and a result's distance from it read in a report (``≥ 75%``, "12.6x below
target"); shared by the report, the comparison page and JUnit."""

from __future__ import annotations

from jetx_diag.i18n.messages import Messages
from jetx_diag.scoring.targets import Target, TargetResult

#: How target operators are printed in reports (the gate's own syntax stays ``>=``).
_OPERATOR_SIGNS = {">=": "≥", ">": ">", "<=": "≤", "<": "<"}


def target_text(target: Target) -> str:
    """``≥ 75%`` / ``< 20%``: a target as the report prints it."""
    return f"{_OPERATOR_SIGNS[target.op]} {target.value:g}%"


def off_text(result: TargetResult, msg: Messages, one_sided: bool = False) -> str:
    """How far a result is from its target, in words ("12.6x below target").

    ``one_sided`` marks a met target reached only because the model calls one class.
    """
    if result.status == "n/a":
        return msg("targets.not_available") if result.measured is None else msg("none")
    if result.status == "met":
        return msg("targets.one_sided") if one_sided else msg("none")
    if result.factor is None:
        # Unbounded: nothing reached against "at least", or anything against "below 0%".
        higher = result.target.higher_is_better
        return msg("targets.off_none_reached" if higher else "targets.off_zero_limit")
    key = "targets.off_below" if result.target.higher_is_better else "targets.off_above"
    return msg(key, factor=f"{result.factor:.1f}")
