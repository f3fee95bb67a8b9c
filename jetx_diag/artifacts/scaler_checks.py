"""What a scaler must be once unpickled: a fitted scikit-learn transformer whose statistics are
finite and match the feature count it declares (a pickle can set any attribute to anything).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import numpy as np

from jetx_diag.errors import ArtifactError
from jetx_diag.i18n.messages import record

# Fitted statistics that must be finite, whichever of them a transformer has.
_STATISTICS = (
    "mean_",
    "var_",
    "scale_",
    "min_",
    "data_min_",
    "data_max_",
    "data_range_",
    "center_",
    "max_abs_",
    "lambdas_",
    "quantiles_",
    "statistics_",
)


def _parts(obj: Any, label: str) -> Iterator[tuple[str, Any]]:
    """The object and the estimators inside containers (Pipeline, ColumnTransformer, …)."""
    yield label, obj
    children: list[tuple[str, Any]] = []
    if hasattr(obj, "steps"):
        children = [(str(n), e) for n, e in obj.steps]
    elif hasattr(obj, "transformers_"):
        children = [(str(n), e) for n, e, *_ in obj.transformers_]
    elif hasattr(obj, "transformer_list"):
        children = [(str(n), e) for n, e in obj.transformer_list]
    for name, child in children:
        if child is None or isinstance(child, str):  # "drop", "passthrough"
            continue
        yield from _parts(child, f"{label}[{name}]")


def describe_type(obj: Any) -> str:
    name = type(obj).__name__
    if hasattr(obj, "steps"):
        inner = ", ".join(type(e).__name__ for _, e in obj.steps if not isinstance(e, str))
        return f"{name}({inner})"
    return name


def check_fitted(obj: Any, path: Path) -> None:
    """A scikit-learn transformer, fitted, with finite fitted statistics; else ArtifactError."""
    # scikit-learn loads only when a scaler is read: --help stays light.
    from sklearn.base import BaseEstimator
    from sklearn.exceptions import NotFittedError
    from sklearn.utils.validation import check_is_fitted

    if not isinstance(obj, BaseEstimator) or not hasattr(obj, "transform"):
        raise ArtifactError(
            record(
                "error.scaler_checks.holds_not_scikit_learn_transformer",
                module__=type(obj).__module__,
                qualname__=type(obj).__qualname__,
            ),
            path=path,
        )
    try:
        check_is_fitted(obj)
    except NotFittedError:
        raise ArtifactError(
            record("error.scaler_checks.not_fitted_saved_before_fit", name__=type(obj).__name__),
            path=path,
            hint=record("error.scaler_checks.hint_save_scaler_after_fitting_training"),
        ) from None
    for label, part in _parts(obj, type(obj).__name__):
        for attribute in _STATISTICS:
            value = getattr(part, attribute, None)
            if value is None:
                continue
            try:
                array = np.asarray(value, dtype=np.float64)
            except (TypeError, ValueError):
                continue  # not numeric (categories of an encoder, …)
            bad = np.flatnonzero(~np.isfinite(array.ravel()))
            if bad.size:
                first = int(bad[0])
                raise ArtifactError(
                    record(
                        "error.scaler_checks.non_finite_value_first_index",
                        label=label,
                        attribute=attribute,
                        size=bad.size,
                        first=first,
                        ravel=array.ravel()[first],
                    ),
                    path=path,
                    hint=record("error.scaler_checks.hint_scaler_fitted_data_nan_inf"),
                )


def check_shape_attributes(obj: Any, path: Path) -> int | None:
    """The feature count a fitted transformer declares, checked against what it holds.

    ``n_features_in_`` must be a positive whole number, ``feature_names_in_`` a list of that many
    names, and every fitted statistic of the outer transformer one value per feature (or one
    value for all): a pickle can set any attribute to anything, and a scaler whose numbers do
    not fit its own declaration would only fail later, while scaling.
    """
    raw = getattr(obj, "n_features_in_", None)
    if raw is None:
        return None
    if isinstance(raw, bool) or not isinstance(raw, int | np.integer) or int(raw) < 1:
        raise ArtifactError(
            record(
                "error.scaler_checks.n_features_not_positive_whole",
                name__=type(obj).__name__,
                shown=_shown(raw),
            ),
            path=path,
        )
    count = int(raw)
    names = getattr(obj, "feature_names_in_", None)
    if names is not None:
        if isinstance(names, str | bytes) or not isinstance(names, list | tuple | np.ndarray):
            raise ArtifactError(
                record(
                    "error.scaler_checks.feature_names_not_list_names",
                    name__=type(obj).__name__,
                    shown=_shown(names),
                ),
                path=path,
            )
        if len(names) != count or not all(isinstance(n, str) for n in names):
            raise ArtifactError(
                record(
                    "error.scaler_checks.feature_names_holds_entries_features",
                    name__=type(obj).__name__,
                    names_count=len(names),
                    count=count,
                ),
                path=path,
            )
    for attribute in _STATISTICS:
        value = getattr(obj, attribute, None)
        if value is None or attribute in ("quantiles_", "lambdas_"):
            continue
        try:
            array = np.asarray(value, dtype=np.float64)
        except (TypeError, ValueError):
            raise ArtifactError(
                record(
                    "error.scaler_checks.not_numbers",
                    name__=type(obj).__name__,
                    attribute=attribute,
                    shown=_shown(value),
                ),
                path=path,
            ) from None
        if array.ndim > 1 or array.size not in (1, count):
            raise ArtifactError(
                record(
                    "error.scaler_checks.holds_values_features_n_features",
                    name__=type(obj).__name__,
                    attribute=attribute,
                    size=array.size,
                    count=count,
                ),
                path=path,
                hint=record("error.scaler_checks.hint_file_edited_damaged_re_fit"),
            )
    return count


def _shown(value: Any) -> str:
    text = repr(value)
    return (text[:60] + "…") if len(text) > 60 else text
