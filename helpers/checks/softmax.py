"""Visible checks of assignment 06, Softmax and multi-class classification.

Expected values are fixed numbers (worked out once from the definitions) or properties
every correct answer has: columns of probabilities sum to 1, a shift of a column's
logits changes nothing, the cost equals the log-sum-exp of the logits minus the true
class's logit, even for confident mistakes (a true-class probability of 1e-200, where a
clip or an added constant before the log shows). The stability case fails on any warning
and on any NaN or infinity.
"""

import numpy as np

from helpers.checks.core import student_check

AXIS_HINT = ("Each column is one example: reduce over the classes with axis=0, and keep a (1, m) row "
             "(keepdims=True) so that it broadcasts against the (C, m) matrix.")
STABLE_HINT = ("Subtract each column's largest logit before calling np.exp: the result is the same, the largest "
               "exponent becomes 0, so nothing overflows and the sum is at least 1.")

# The lecture's example: z = [5, 2, -1, 3] gives a = [0.842, 0.042, 0.002, 0.114].
LECTURE_Z = np.array([[5.0], [2.0], [-1.0], [3.0]])
LECTURE_A = np.array([[0.8420335723974581], [0.04192238303698896], [0.00208719255040635], [0.11395685201514683]])

# Three classes, four examples; A_SMALL is the softmax of each column of Z_SMALL.
Z_SMALL = np.array([[1.0, -0.5, 2.0, 0.0],
                    [0.5, 1.5, -1.0, 0.0],
                    [-1.0, 0.0, 0.5, 0.0]])
A_SMALL = np.array([[0.5740969929676946, 0.09962364806231831, 0.7855970345892759, 0.3333333333333333],
                    [0.3482074278837349, 0.7361247243125938, 0.03911257327068746, 0.3333333333333333],
                    [0.0776955791485706, 0.1642516276250878, 0.1752903921400367, 0.3333333333333333]])
LABELS_SMALL = np.array([0, 2, 1, 2])
Y_SMALL = np.array([[1.0, 0.0, 0.0, 0.0],
                    [0.0, 0.0, 1.0, 0.0],
                    [0.0, 1.0, 0.0, 1.0]])

# Logits far outside exp's range: each column is a shifted copy of a harmless one.
Z_LARGE = np.array([[1000.0, -1000.0, 0.0],
                    [999.0, -1000.0, -1000.0],
                    [998.0, -1001.0, 1000.0]])
A_LARGE = np.array([[0.6652409557748218, 0.4223187982515182, 0.0],
                    [0.24472847105479764, 0.4223187982515182, 0.0],
                    [0.09003057317038046, 0.15536240349696362, 1.0]])

# Two confident mistakes: the true class (row 0) gets a probability of 1.05e-20 and 6.17e-201, a loss of
# -log(1.05e-20) = 46.0 and -log(6.17e-201) = 461.0; the cost, their mean, is 253.5.
Z_CONFIDENT = np.array([[0.0, -1.0],
                        [46.0, 460.0],
                        [1.0, 0.0]])
A_CONFIDENT = np.array([[1.0530617357553812e-20, 6.1694129764028669e-201],
                        [1.0, 1.0],
                        [2.8625185805493937e-20, 1.6770203186015345e-200]])
Y_CONFIDENT = np.array([[1.0, 1.0], [0.0, 0.0], [0.0, 0.0]])
GUARD_HINT = ("Take the log of AL as it is: np.clip(AL, 1e-12, 1) or AL + 1e-8 before the log changes the cost, "
              "most for the confident mistakes the cost is there to punish (-log(1e-20) is 46.1; with a clip at "
              "1e-12 it would count as 27.6).")


def log_sum_exp_cost(Z, labels):
    """The mean cross-entropy written with the logits: mean of log(sum_j exp(z_j)) - z_label.

    np.logaddexp.reduce computes log(sum exp) without overflow.
    """
    m = Z.shape[1]
    return float(np.mean(np.logaddexp.reduce(Z, axis=0) - Z[labels, np.arange(m)]))


def check_probabilities(c, A, shape, what, hint=AXIS_HINT):
    """Shape (stop if wrong), finite, non-negative entries, and columns that sum to 1."""
    c.require_shape(A, shape, what, "The output has the shape of the input: one column of C probabilities per example.")
    if not np.all(np.isfinite(A)):
        c.fail(f"{what} contains NaN or infinity.", STABLE_HINT, stop=True)
    sums = A.sum(axis=0)
    c.expect(np.all(A >= 0) and np.allclose(sums, 1.0, rtol=0, atol=1e-10),
             f"{what}: every column sums to 1",
             f"{what}: the column sums range from {sums.min():.4g} to {sums.max():.4g}; every column of "
             "probabilities must sum to 1.", hint)


def call_without_warnings(c, function, *args, inputs=None):
    """Call the student's function and record a FAIL if it raised any warning."""
    before = len(c.notes)
    result = c.call(function, *args, inputs=inputs)
    new = c.notes[before:]
    c.expect(not new, f"no warning for {inputs}",
             f"{function.__name__}({inputs}) raised a warning: {new[0] if new else ''}", STABLE_HINT)
    return result


@student_check
def softmax(c, softmax):
    A = c.call(softmax, LECTURE_Z, inputs="the lecture's z = [5, 2, -1, 3]")
    check_probabilities(c, A, (4, 1), "softmax of z = [5, 2, -1, 3]")
    lecture_ok = c.expect(np.allclose(A, np.round(LECTURE_A, 3), rtol=0, atol=5e-4),
             "the lecture's example [5, 2, -1, 3] -> [0.842, 0.042, 0.002, 0.114]",
             f"softmax of z = [5, 2, -1, 3] gives {np.round(np.ravel(A), 3)}; the lecture has [0.842, 0.042, 0.002, 0.114].",
             "a_i = exp(z_i) / sum_j exp(z_j): each exponential divided by the sum of all of them.")
    if lecture_ok:
        c.expect_close(A, LECTURE_A, "softmax of [5, 2, -1, 3] to full precision", rtol=1e-9)

    A = c.call(softmax, Z_SMALL, inputs="Z of shape (3, 4)")
    check_probabilities(c, A, (3, 4), "softmax of a (3, 4) Z")
    c.expect_close(A, A_SMALL, "softmax of a (3, 4) Z", rtol=1e-9, hint=AXIS_HINT)

    shift = np.array([[3.0, -20.0, 50.0, 0.5]])
    A_shifted = c.call(softmax, Z_SMALL + shift, inputs="the same Z with each column shifted by a constant")
    c.expect_close(A_shifted, A_SMALL, "softmax of Z + a constant per column (unchanged)", rtol=1e-9, hint=AXIS_HINT)

    A = call_without_warnings(c, softmax, Z_LARGE, inputs="logits of +-1000")
    check_probabilities(c, A, (3, 3), "softmax of logits of +-1000", STABLE_HINT)
    c.expect_close(A, A_LARGE, "softmax of logits of +-1000", rtol=1e-9, atol=1e-15, hint=STABLE_HINT)


@student_check
def one_hot(c, one_hot):
    expected = np.array([[0, 1, 0, 0, 1],
                         [0, 0, 1, 0, 0],
                         [1, 0, 0, 1, 0],
                         [0, 0, 0, 0, 0]], dtype=float)
    for labels, what in ((np.array([2, 0, 1, 2, 0]), "labels of shape (5,)"),
                         (np.array([[2, 0, 1, 2, 0]]), "labels of shape (1, 5)")):
        Y = c.call(one_hot, labels, 4, inputs=f"{what}, C=4")
        c.require_shape(Y, (4, 5), f"one_hot({what}, C=4)",
                        "One row per class (C rows, even for a class that does not occur) and one column per "
                        "example; labels of shape (1, m) hold the same m labels as labels of shape (m,).")
        c.expect_close(Y, expected, f"one_hot([2, 0, 1, 2, 0], C=4) from {what}", rtol=0, atol=0,
                       hint="Column i has a single 1, in the row of label i; every other entry is 0.")
    Y = c.call(one_hot, np.array([9, 0, 3]), 10, inputs="labels [9, 0, 3], C=10")
    c.require_shape(Y, (10, 3), "one_hot([9, 0, 3], C=10)", "The result has C rows and m columns.")
    c.expect(Y[9, 0] == 1 and Y[0, 1] == 1 and Y[3, 2] == 1 and np.sum(Y) == 3,
             "one_hot([9, 0, 3], C=10) puts its three 1s at rows 9, 0 and 3",
             f"one_hot([9, 0, 3], C=10) has its 1s at (row, column) {[tuple(map(int, p)) for p in np.argwhere(Y)]}; "
             "expected (9, 0), (0, 1), (3, 2).", "Label k goes to row k (classes are numbered from 0).")


def cost_hint(cost, expected, hint):
    """``hint``, or GUARD_HINT when ``cost`` is off by so little that a guard on the log is the likely cause."""
    try:
        error = abs(float(cost) - expected) / abs(expected)
    except (TypeError, ValueError):
        return hint
    return GUARD_HINT if 1e-9 < error < 1e-5 else hint


@student_check
def compute_cost_softmax(c, compute_cost_softmax):
    cost = c.call(compute_cost_softmax, LECTURE_A, np.array([[1.0], [0.0], [0.0], [0.0]]),
                  inputs="the lecture's a, true class 0")
    c.expect(np.ndim(cost) == 0, "the cost is a single number",
             f"the cost has shape {np.shape(cost)}; expected a single number.",
             "Sum over both axes (classes and examples), then convert with float(...).", stop=True)
    expected = -np.log(0.8420335723974581)
    c.expect_close(cost, expected, "cost of the lecture's example, true class 0 (-log 0.842)", rtol=1e-9,
                   hint=cost_hint(cost, expected, "The loss of one example is -sum_j y_j log(a_j): only the true "
                                                  "class's probability counts."))
    expected = log_sum_exp_cost(Z_SMALL, LABELS_SMALL)
    cost = c.call(compute_cost_softmax, A_SMALL, Y_SMALL, inputs="A and Y of shape (3, 4)")
    c.expect_close(cost, expected, "cost of 4 examples (log-sum-exp of the logits minus the true logit)", rtol=1e-9,
                   hint=cost_hint(cost, expected, "J = -(1/m) * sum over the examples and the classes of "
                                                  "Y * log(AL), with m = Y.shape[1], the number of columns (not the "
                                                  "number of classes)."))
    doubled = c.call(compute_cost_softmax, np.hstack([A_SMALL, A_SMALL]), np.hstack([Y_SMALL, Y_SMALL]),
                     inputs="the same examples twice, shape (3, 8)")
    c.expect_close(doubled, expected, "cost of the same 4 examples twice (a mean, so unchanged)", rtol=1e-9,
                   hint=cost_hint(doubled, expected, "Divide the sum by the number of examples m."))
    cost = c.call(compute_cost_softmax, A_CONFIDENT, Y_CONFIDENT,
                  inputs="true-class probabilities 1.1e-20 and 6.2e-201")
    c.expect_close(cost, log_sum_exp_cost(Z_CONFIDENT, np.array([0, 0])),
                   "cost of two confident mistakes (true-class probabilities 1.1e-20 and 6.2e-201)", rtol=1e-9,
                   hint=GUARD_HINT)


@student_check
def softmax_backward(c, softmax_backward):
    expected = np.array([[-0.42590300703230544, 0.09962364806231831, 0.7855970345892759, 0.3333333333333333],
                         [0.3482074278837349, 0.7361247243125938, -0.9608874267293126, 0.3333333333333333],
                         [0.0776955791485706, -0.8357483723749122, 0.1752903921400367, -0.6666666666666667]])
    dZ = c.call(softmax_backward, A_SMALL, Y_SMALL, inputs="AL and Y of shape (3, 4)")
    c.require_shape(dZ, (3, 4), "dZ", "dZ has the shape of AL and Y, (C, m).")
    c.expect_close(dZ, expected, "dZ for a (3, 4) example", rtol=1e-9,
                   hint="The derivative of the cross-entropy with respect to the logits Z is AL - Y, without the "
                        "1/m (the linear layer's backward step divides by m).")
    c.expect(np.allclose(dZ.sum(axis=0), 0.0, atol=1e-12), "every column of dZ sums to 0",
             f"the columns of dZ sum to {np.round(dZ.sum(axis=0), 4)}; they should sum to 0.",
             "Both AL and Y have columns that sum to 1.")
    AL = np.array([[0.1, 0.7], [0.9, 0.3]])
    Y = np.array([[0.0, 1.0], [1.0, 0.0]])
    dZ = c.call(softmax_backward, AL, Y, inputs="AL and Y of shape (2, 2)")
    c.expect_close(dZ, [[0.1, -0.3], [-0.1, 0.3]], "dZ for two classes", rtol=1e-9,
                   hint="Subtract Y from AL entry by entry.")


@student_check
def predict_classes(c, predict_classes):
    AL = np.array([[0.6, 0.1, 0.2, 0.3, 0.05],
                   [0.3, 0.7, 0.1, 0.3, 0.05],
                   [0.1, 0.2, 0.7, 0.4, 0.90]])
    labels = c.call(predict_classes, AL, inputs="AL of shape (3, 5)")
    c.require_shape(labels, (5,), "predict_classes(AL of shape (3, 5))",
                    "Return one label per example, a 1-D array of shape (m,).")
    c.expect(labels.dtype.kind in "iu", "the predictions are integers",
             f"the predictions have dtype {labels.dtype}; expected integers.",
             "np.argmax returns integer positions; do not convert them to float.")
    c.expect(np.array_equal(labels, [0, 1, 2, 2, 2]), "AL of shape (3, 5) -> [0, 1, 2, 2, 2]",
             f"got {labels.tolist()}; expected [0, 1, 2, 2, 2].",
             "The prediction for an example is the row of the largest entry of its column.")
    scores = np.array([[2.0, -1.0], [0.5, 3.0], [7.0, 0.0], [-3.0, 2.9], [1.0, -5.0]])
    labels = c.call(predict_classes, scores, inputs="scores of shape (5, 2)")
    c.require_shape(labels, (2,), "predict_classes(scores of shape (5, 2))", "One label per column.")
    c.expect(np.array_equal(labels, [2, 1]), "scores of shape (5, 2) -> [2, 1]",
             f"got {labels.tolist()}; expected [2, 1].",
             "Look for the largest entry down each column (over the classes), not along a row.")
