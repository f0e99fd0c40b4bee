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


ROWS_HINT = ("Every ROW of the result sums to 1: the sum runs over axis=1, the examples. Each column is one example: "
             "sum over the classes with axis=0 (keepdims=True).")
WHOLE_SUM_HINT = ("All the entries TOGETHER sum to 1: each column must be divided by its own sum, "
                  "np.sum(T, axis=0, keepdims=True), not by the sum of the whole matrix.")
UNSHIFTED_SUM_HINT = ("The numerator is shifted, np.exp(Z - max), but the denominator sums np.exp(Z) unshifted, so every "
                      "column is off by a factor exp(max): divide T by the sum of the same T.")
GLOBAL_MAX_HINT = ("Subtract the largest logit of EACH column, np.max(Z, axis=0, keepdims=True), not the largest of the "
                   "whole matrix: a column whose logits all lie far below the overall maximum underflows to 0 / 0.")
MEAN_SHIFT_HINT = ("Subtract each column's MAXIMUM, not its mean: after subtracting the mean a logit can still be far "
                   "above 0 (here 1000) and np.exp overflows; after subtracting the maximum every exponent is at most 0.")


def _exp_ratio(numerator, denominator):
    with np.errstate(all="ignore"):
        return np.exp(numerator) / np.sum(np.exp(denominator), axis=0, keepdims=True)


def softmax_mistake_hint(Z, A):
    """The hint for a known mistake whose result ``A`` is (for the logits ``Z``), or None.

    Only a wrong ``A`` is diagnosed; each known mistake is recomputed from ``Z`` and compared.
    """
    try:
        A = np.asarray(A, dtype=float)
    except (TypeError, ValueError):
        return None
    if A.shape != Z.shape:
        return None
    correct = np.exp(Z - np.logaddexp.reduce(Z, axis=0, keepdims=True))  # the log-sum-exp form, an oracle
    if np.allclose(A, correct, rtol=1e-9, atol=1e-15):
        return None
    with np.errstate(all="ignore"):
        if np.all(np.isfinite(A)) and np.allclose(A.sum(axis=1), 1.0, rtol=0, atol=1e-10):
            return ROWS_HINT
        if Z.shape[1] > 1 and np.all(np.isfinite(A)) and np.isclose(A.sum(), 1.0, rtol=0, atol=1e-10):
            return WHOLE_SUM_HINT
    mistakes = ((_exp_ratio(Z - Z.max(axis=0), Z), UNSHIFTED_SUM_HINT),
                (_exp_ratio(Z - Z.max(), Z - Z.max()), GLOBAL_MAX_HINT),
                (_exp_ratio(Z - Z.mean(axis=0), Z - Z.mean(axis=0)), MEAN_SHIFT_HINT),
                (_exp_ratio(Z, Z), STABLE_HINT))
    for wrong, hint in mistakes:
        if not np.allclose(wrong, correct, rtol=1e-9, atol=1e-15, equal_nan=True) \
                and np.allclose(A, wrong, rtol=1e-9, atol=1e-15, equal_nan=True):
            return hint
    return None


def log_sum_exp_cost(Z, labels):
    """The mean cross-entropy written with the logits: mean of log(sum_j exp(z_j)) - z_label.

    np.logaddexp.reduce computes log(sum exp) without overflow.
    """
    m = Z.shape[1]
    return float(np.mean(np.logaddexp.reduce(Z, axis=0) - Z[labels, np.arange(m)]))


def check_probabilities(c, A, shape, what, hint=AXIS_HINT, nan_hint=STABLE_HINT):
    """Shape (stop if wrong), finite, non-negative entries, and columns that sum to 1."""
    c.require_shape(A, shape, what, "The output has the shape of the input: one column of C probabilities per example.")
    if not np.all(np.isfinite(A)):
        c.fail(f"{what} contains NaN or infinity.", nan_hint, stop=True)
    sums = A.sum(axis=0)
    c.expect(np.all(A >= 0) and np.allclose(sums, 1.0, rtol=0, atol=1e-10),
             f"{what}: every column sums to 1",
             f"{what}: the column sums range from {sums.min():.4g} to {sums.max():.4g}; every column of "
             "probabilities must sum to 1.", hint)


def call_without_warnings(c, function, *args, inputs=None, hint=lambda result: STABLE_HINT):
    """Call the student's function and record a FAIL if it raised any warning; ``hint(result)`` is its hint."""
    before = len(c.notes)
    result = c.call(function, *args, inputs=inputs)
    new = c.notes[before:]
    c.expect(not new, f"no warning for {inputs}",
             f"{function.__name__}({inputs}) raised a warning: {new[0] if new else ''}", None if not new else hint(result))
    return result


@student_check
def softmax(c, softmax):
    A = c.call(softmax, LECTURE_Z, inputs="the lecture's z = [5, 2, -1, 3]")
    mistake = softmax_mistake_hint(LECTURE_Z, A)
    check_probabilities(c, A, (4, 1), "softmax of z = [5, 2, -1, 3]", mistake or AXIS_HINT)
    lecture_ok = c.expect(np.allclose(A, np.round(LECTURE_A, 3), rtol=0, atol=5e-4),
             "the lecture's example [5, 2, -1, 3] -> [0.842, 0.042, 0.002, 0.114]",
             f"softmax of z = [5, 2, -1, 3] gives {np.round(np.ravel(A), 3)}; the lecture has [0.842, 0.042, 0.002, 0.114].",
             mistake or "a_i = exp(z_i) / sum_j exp(z_j): each exponential divided by the sum of all of them.")
    if lecture_ok:
        c.expect_close(A, LECTURE_A, "softmax of [5, 2, -1, 3] to full precision", rtol=1e-9)

    A = c.call(softmax, Z_SMALL, inputs="Z of shape (3, 4)")
    hint = softmax_mistake_hint(Z_SMALL, A) or AXIS_HINT
    check_probabilities(c, A, (3, 4), "softmax of a (3, 4) Z", hint)
    c.expect_close(A, A_SMALL, "softmax of a (3, 4) Z", rtol=1e-9, hint=hint)

    shift = np.array([[3.0, -20.0, 50.0, 0.5]])
    A_shifted = c.call(softmax, Z_SMALL + shift, inputs="the same Z with each column shifted by a constant")
    c.expect_close(A_shifted, A_SMALL, "softmax of Z + a constant per column (unchanged)", rtol=1e-9,
                   hint=softmax_mistake_hint(Z_SMALL + shift, A_shifted) or AXIS_HINT)

    A = call_without_warnings(c, softmax, Z_LARGE, inputs="logits of +-1000",
                              hint=lambda A: softmax_mistake_hint(Z_LARGE, A) or STABLE_HINT)
    hint = softmax_mistake_hint(Z_LARGE, A) or STABLE_HINT
    check_probabilities(c, A, (3, 3), "softmax of logits of +-1000", hint, hint)
    c.expect_close(A, A_LARGE, "softmax of logits of +-1000", rtol=1e-9, atol=1e-15, hint=hint)


FROM_ONE_HINT = ("Each 1 sits one row too high (label 0 wrapped round to the last row): classes are numbered from 0, "
                 "so label k goes to row k, without subtracting 1.")


@student_check
def one_hot(c, one_hot):
    expected = np.array([[0, 1, 0, 0, 1],
                         [0, 0, 1, 0, 0],
                         [1, 0, 0, 1, 0],
                         [0, 0, 0, 0, 0]], dtype=float)
    for labels, what in ((np.array([2, 0, 1, 2, 0]), "labels of shape (5,)"),
                         (np.array([[2, 0, 1, 2, 0]]), "labels of shape (1, 5)")):
        Y = c.call(one_hot, labels, 4, inputs=f"{what}, C=4")
        if np.shape(Y) == (5, 4):
            c.fail(f"one_hot({what}, C=4) has shape (5, 4), one row per example: it is transposed; expected (4, 5).",
                   "One row per class and one column per example: Y[labels, np.arange(m)] = 1 on zeros of shape "
                   "(C, m), or the columns of the identity matrix, np.eye(C)[:, labels].", stop=True)
        if np.shape(Y) == (3, 5):
            c.fail(f"one_hot({what}, C=4) has shape {np.shape(Y)}: 3 rows, up to the largest label (2) only; "
                   "expected C = 4 rows.", "Take the number of rows from C, not from the labels: a class that does "
                   "not occur among these labels still gets its row of zeros.", stop=True)
        if labels.ndim == 2 and np.shape(Y) != (4, 5):
            c.fail(f"one_hot({what}, C=4) has shape {np.shape(Y)}, though labels of shape (5,) gave (4, 5); "
                   "expected (4, 5).", "Flatten the labels first, labels = np.ravel(labels): labels of shape (1, m) "
                   "hold the same m labels as labels of shape (m,).", stop=True)
        c.require_shape(Y, (4, 5), f"one_hot({what}, C=4)",
                        "One row per class (C rows, even for a class that does not occur) and one column per "
                        "example; labels of shape (1, m) hold the same m labels as labels of shape (m,).")
        c.expect_close(Y, expected, f"one_hot([2, 0, 1, 2, 0], C=4) from {what}", rtol=0, atol=0,
                       hint=FROM_ONE_HINT if np.array_equal(Y, np.roll(expected, -1, axis=0))
                       else "Column i has a single 1, in the row of label i; every other entry is 0.")
    Y = c.call(one_hot, np.array([9, 0, 3]), 10, inputs="labels [9, 0, 3], C=10")
    c.require_shape(Y, (10, 3), "one_hot([9, 0, 3], C=10)", "The result has C rows and m columns.")
    c.expect(Y[9, 0] == 1 and Y[0, 1] == 1 and Y[3, 2] == 1 and np.sum(Y) == 3,
             "one_hot([9, 0, 3], C=10) puts its three 1s at rows 9, 0 and 3",
             f"one_hot([9, 0, 3], C=10) has its 1s at (row, column) {[tuple(map(int, p)) for p in np.argwhere(Y)]}; "
             "expected (9, 0), (0, 1), (3, 2).", "Label k goes to row k (classes are numbered from 0).")


SUM_HINT = ("The cost is m times too large, the sum of the losses of the m examples: divide it by m = Y.shape[1] to "
            "get their mean.")
MEAN_ALL_HINT = ("np.mean(Y * np.log(AL)) divides by C*m, the number of entries: divide the sum by m = Y.shape[1], "
                 "the number of examples, only.")
M_CLASSES_HINT = ("m = Y.shape[0] is the number of classes C: the number of examples is m = Y.shape[1], the number of "
                  "columns.")
PER_CLASS_HINT = ("The cost is C times too small: it was divided by C (np.mean over all C*m entries, or m = Y.shape[0]); "
                  "divide by m = Y.shape[1], the number of examples, only.")
SIGN_HINT = "The cost is negative: log(AL) <= 0, so J = -(1/m) * sum(Y * log(AL)) needs the minus sign in front."
BINARY_HINT = ("That is the binary cross-entropy: its (1 - Y) * log(1 - AL) term belongs to a single sigmoid output. "
               "With softmax only the true class's term counts: J = -(1/m) * sum(Y * log(AL)).")


def cost_hint(cost, expected, hint, AL=None, Y=None):
    """``hint``, or the hint for a known mistake whose value ``cost`` is (recomputed from ``AL`` and ``Y``), or
    GUARD_HINT when ``cost`` is off by so little that a guard on the log is the likely cause."""
    try:
        cost = float(cost)
        error = abs(cost - expected) / abs(expected)
    except (TypeError, ValueError):
        return hint
    if AL is not None and error > 1e-6:
        C, m = Y.shape
        with np.errstate(all="ignore"):
            binary = float(-np.sum(Y * np.log(AL) + (1 - Y) * np.log(1 - AL)) / m)
        mistakes = [(expected * m, SUM_HINT), (-expected, SIGN_HINT), (binary, BINARY_HINT)]
        mistakes += [(expected / C, PER_CLASS_HINT)] if m == 1 else [(expected / C, MEAN_ALL_HINT),
                                                                      (expected * m / C, M_CLASSES_HINT)]
        for wrong, mistake in mistakes:
            if not np.isclose(wrong, expected, rtol=1e-6) and np.isclose(cost, wrong, rtol=1e-9):
                return mistake
    return GUARD_HINT if 1e-9 < error < 1e-5 else hint


@student_check
def compute_cost_softmax(c, compute_cost_softmax):
    Y_lecture = np.array([[1.0], [0.0], [0.0], [0.0]])
    cost = c.call(compute_cost_softmax, LECTURE_A, Y_lecture, inputs="the lecture's a, true class 0")
    c.expect(np.ndim(cost) == 0, "the cost is a single number",
             f"the cost has shape {np.shape(cost)}"
             f"{', one value per example' if np.shape(cost) == (Y_lecture.shape[1],) else ''}; expected a single number.",
             "Sum over both axes (classes and examples), then convert with float(...).", stop=True)
    expected = -np.log(0.8420335723974581)
    c.expect_close(cost, expected, "cost of the lecture's example, true class 0 (-log 0.842)", rtol=1e-9,
                   hint=cost_hint(cost, expected, "The loss of one example is -sum_j y_j log(a_j): only the true "
                                                  "class's probability counts.", LECTURE_A, Y_lecture))
    expected = log_sum_exp_cost(Z_SMALL, LABELS_SMALL)
    cost = c.call(compute_cost_softmax, A_SMALL, Y_SMALL, inputs="A and Y of shape (3, 4)")
    c.expect_close(cost, expected, "cost of 4 examples (log-sum-exp of the logits minus the true logit)", rtol=1e-9,
                   hint=cost_hint(cost, expected, "J = -(1/m) * sum over the examples and the classes of "
                                                  "Y * log(AL), with m = Y.shape[1], the number of columns (not the "
                                                  "number of classes).", A_SMALL, Y_SMALL))
    A_twice, Y_twice = np.hstack([A_SMALL, A_SMALL]), np.hstack([Y_SMALL, Y_SMALL])
    doubled = c.call(compute_cost_softmax, A_twice, Y_twice, inputs="the same examples twice, shape (3, 8)")
    c.expect_close(doubled, expected, "cost of the same 4 examples twice (a mean, so unchanged)", rtol=1e-9,
                   hint=cost_hint(doubled, expected, "Divide the sum by the number of examples m.", A_twice, Y_twice))
    cost = c.call(compute_cost_softmax, A_CONFIDENT, Y_CONFIDENT,
                  inputs="true-class probabilities 1.1e-20 and 6.2e-201")
    expected = log_sum_exp_cost(Z_CONFIDENT, np.array([0, 0]))
    c.expect_close(cost, expected, "cost of two confident mistakes (true-class probabilities 1.1e-20 and 6.2e-201)",
                   rtol=1e-9, hint=cost_hint(cost, expected, GUARD_HINT, A_CONFIDENT, Y_CONFIDENT))


def backward_hint(dZ, AL, Y):
    """The hint for a known mistake whose result ``dZ`` is (recomputed from ``AL`` and ``Y``), or None."""
    mistakes = (
        (Y - AL, "dZ is Y - AL, the sign flipped: the derivative of the cost with respect to Z is AL - Y."),
        ((AL - Y) / AL.shape[1], ("dZ is (AL - Y) / m: leave out the 1/m here, the linear layer's backward step "
                                  "divides by m (dividing twice makes the step m times too small).")),
        ((AL - Y) * AL * (1 - AL), ("dZ is (AL - Y) * AL * (1 - AL): softmax and the cross-entropy together give "
                                    "exactly AL - Y; do not multiply by the sigmoid's derivative AL * (1 - AL).")),
    )
    for wrong, hint in mistakes:
        if np.shape(dZ) == np.shape(wrong) and np.allclose(dZ, wrong, rtol=1e-9, atol=1e-12):
            return hint
    return None


@student_check
def softmax_backward(c, softmax_backward):
    expected = np.array([[-0.42590300703230544, 0.09962364806231831, 0.7855970345892759, 0.3333333333333333],
                         [0.3482074278837349, 0.7361247243125938, -0.9608874267293126, 0.3333333333333333],
                         [0.0776955791485706, -0.8357483723749122, 0.1752903921400367, -0.6666666666666667]])
    dZ = c.call(softmax_backward, A_SMALL, Y_SMALL, inputs="AL and Y of shape (3, 4)")
    c.require_shape(dZ, (3, 4), "dZ", "dZ has the shape of AL and Y, (C, m).")
    c.expect_close(dZ, expected, "dZ for a (3, 4) example", rtol=1e-9,
                   hint=backward_hint(dZ, A_SMALL, Y_SMALL) or
                   "The derivative of the cross-entropy with respect to the logits Z is AL - Y, without the "
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
    if np.ndim(labels) == 0 and isinstance(labels, (int, np.integer)) and labels == np.argmax(AL):
        c.fail(f"predict_classes(AL of shape (3, 5)) returned one number, {int(labels)}: the position of the largest entry "
               "of the whole flattened matrix; expected an array of shape (5,).",
               "Give np.argmax the axis of the classes, axis=0: one label per column.", stop=True)
    if isinstance(labels, np.ndarray) and labels.shape == (3,) and np.array_equal(labels, np.argmax(AL, axis=1)):
        c.fail("predict_classes(AL of shape (3, 5)) has shape (3,), one value per class (the arg max along axis=1, "
               "each row); expected (5,).", "Take the arg max over the classes, axis=0: one label per column, "
               "that is per example.", stop=True)
    if np.shape(labels) == (1, 5):
        c.fail("predict_classes(AL of shape (3, 5)) has shape (1, 5); expected (5,).",
               "A (1, m) row is 2-D: return the 1-D array np.argmax(AL, axis=0) gives, without reshaping it.", stop=True)
    c.require_shape(labels, (5,), "predict_classes(AL of shape (3, 5))",
                    "Return one label per example, a 1-D array of shape (m,).")
    if labels.dtype.kind == "f" and np.allclose(labels, AL.max(axis=0)):
        c.fail(f"predict_classes(AL of shape (3, 5)) returned {labels.tolist()}: the largest probability of each "
               "column, not its class.", "np.max gives the largest value; np.argmax gives its position, the class.",
               stop=True)
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
