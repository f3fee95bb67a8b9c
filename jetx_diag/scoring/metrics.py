"""Pure metric functions: the document's table, computed from calls and outcomes.

Terms follow the source document: "below accuracy" (1.5 Altı Doğruluğu) is the recall of rounds
that ended below the threshold; "money-loss risk" (Para Kaybı Riski) is the share of those rounds
the model called "above". The bettor's view sits beside it: the share of placed bets that lost.
"""

from __future__ import annotations

import numpy as np
from numpy.typing import ArrayLike

from jetx_diag.results import ConfusionMatrix, Metrics, Rate, RegressionErrors

#: A model whose calls go one way at least this often (rounded percent) is "stuck on one class"
#: in a report, and "collapsed" in a comparison.
STUCK_CALL_SHARE = 95.0
#: At least this often one way (but below ``STUCK_CALL_SHARE``): "strongly biased".
BIASED_CALL_SHARE = 80.0

#: Class edges of the 3-class head: <1.5, 1.5–10, ≥10 (the source project's categories).
CLASS_EDGES: tuple[float, float] = (1.5, 10.0)


def is_above(multipliers: ArrayLike, threshold: float = 1.5) -> np.ndarray:
    """True where a round reached the threshold (a cash-out at ``threshold`` wins)."""
    return np.asarray(multipliers, dtype=float) >= threshold


def confusion(actual_above: ArrayLike, called_above: ArrayLike) -> ConfusionMatrix:
    """The 2×2 matrix; rows actual (below, above), columns called (below, above)."""
    actual = np.asarray(actual_above, dtype=bool)
    called = np.asarray(called_above, dtype=bool)
    if actual.shape != called.shape:
        raise ValueError(f"{actual.shape[0]} outcomes but {called.shape[0]} calls")
    # Counted with bincount (cell = 2·actual + called): scikit-learn's confusion_matrix gives
    # the same counts through label checks and a sparse matrix, ten times slower at a million
    # rounds, and the cut-off sweep asks for dozens of matrices.
    cells = np.bincount(2 * actual.ravel().astype(np.intp) + called.ravel(), minlength=4)
    bb, ba, ab, aa = (int(c) for c in cells)
    return ConfusionMatrix(bb, ba, ab, aa)


def classify(multipliers: ArrayLike, edges: tuple[float, float] = CLASS_EDGES) -> np.ndarray:
    """Class index of each multiplier: 0 below edges[0], 1 up to edges[1], 2 at or above it."""
    return np.digitize(np.asarray(multipliers, dtype=float), edges).astype(np.int64)


def regression_errors(actual: ArrayLike, predicted: ArrayLike) -> RegressionErrors:
    """MAE, RMSE and median absolute error of predicted multipliers."""
    errors = np.asarray(predicted, dtype=float) - np.asarray(actual, dtype=float)
    if errors.size == 0:
        return RegressionErrors(float("nan"), float("nan"), float("nan"), 0)
    absolute = np.abs(errors)
    return RegressionErrors(
        mae=float(absolute.mean()),
        rmse=float(np.sqrt(np.mean(errors**2))),
        median_absolute_error=float(np.median(absolute)),
        count=int(errors.size),
    )


def metrics_from_confusion(
    matrix: ConfusionMatrix,
    classification_accuracy: Rate | None = None,
    regression: RegressionErrors | None = None,
) -> Metrics:
    """All rates of the document's table from a confusion matrix."""
    return Metrics(
        confusion=matrix,
        below_accuracy=Rate(matrix.below_called_below, matrix.actual_below),
        above_accuracy=Rate(matrix.above_called_above, matrix.actual_above),
        money_loss_risk=Rate(matrix.below_called_above, matrix.actual_below),
        threshold_accuracy=Rate(matrix.correct, matrix.total),
        classification_accuracy=classification_accuracy,
        above_call_share=Rate(matrix.called_above, matrix.total),
        bets_lost_share=Rate(matrix.below_called_above, matrix.called_above),
        regression=regression,
    )


def compute_metrics(
    actual: ArrayLike,
    called_above: ArrayLike,
    *,
    threshold: float = 1.5,
    class_probs: ArrayLike | None = None,
    regression: ArrayLike | None = None,
) -> Metrics:
    """Metrics of below/above calls on rounds whose multipliers are ``actual``.

    ``class_probs`` (n × 3) adds the 3-class accuracy; ``regression`` (n) adds MAE/RMSE.
    """
    actual_values = np.asarray(actual, dtype=float)
    matrix = confusion(is_above(actual_values, threshold), called_above)
    class_rate = None
    if class_probs is not None:
        predicted_class = np.argmax(np.asarray(class_probs, dtype=float), axis=1)
        hits = int(np.sum(predicted_class == classify(actual_values)))
        class_rate = Rate(hits, int(actual_values.size))
    errors = None if regression is None else regression_errors(actual_values, regression)
    return metrics_from_confusion(matrix, class_rate, errors)
