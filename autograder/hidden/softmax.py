"""Hidden tests of assignment 06, Softmax and multi-class classification.

Shapes and values are drawn at random from fixed seeds (a submission always gets the same
grade). Answers are compared with the source notebook's solutions and with independent
oracles: the log-sum-exp form of the cost (``np.logaddexp.reduce``) and a centred
numerical gradient of that cost with respect to the logits.
"""

import numpy as np

from autograder.hidden.common import hidden_test, numerical_gradient
from autograder.reference import reference
from helpers.checks.softmax import call_without_warnings, check_probabilities, log_sum_exp_cost

ASSIGNMENT = "06_softmax"


def random_size(rng, classes=(2, 12), examples=(2, 40)):
    """(C, m) with C and m drawn independently, never equal (so a swapped axis cannot pass)."""
    while True:
        C, m = int(rng.integers(*classes, endpoint=True)), int(rng.integers(*examples, endpoint=True))
        if C != m:
            return C, m


def one_hot_oracle(labels, C):
    """One-hot columns of integer labels (m,), built with a comparison."""
    return (np.arange(C)[:, None] == np.ravel(labels)[None, :]).astype(float)


@hidden_test
def softmax(c, function):
    solution = reference(ASSIGNMENT, "softmax")
    rng = np.random.default_rng(601)
    for _ in range(4):
        C, m = random_size(rng)
        Z = rng.standard_normal((C, m)) * rng.uniform(0.5, 6.0)
        A = c.call(function, Z)
        check_probabilities(c, A, (C, m), f"softmax of Z {Z.shape}")
        c.expect_close(A, solution(Z), f"softmax of Z {Z.shape}", rtol=1e-9, atol=1e-15)
    # One example, one class.
    Z = rng.standard_normal((int(rng.integers(3, 9)), 1))
    c.expect_close(c.call(function, Z), solution(Z), f"softmax of one column {Z.shape}", rtol=1e-9, atol=1e-15)
    c.expect_close(c.call(function, np.array([[3.7, -2.0, 0.0]])), np.ones((1, 3)), "softmax of a single class is 1",
                   rtol=1e-12)
    # Stability: logits of several hundreds around column offsets of up to +-2000.
    for scale in (300.0, 1000.0):
        C, m = random_size(rng, examples=(5, 20))
        Z = rng.standard_normal((C, m)) * scale + rng.uniform(-2000, 2000, size=(1, m))
        Z[:, 0] = -1500.0 + rng.standard_normal(C)  # every logit of this column is very negative
        Z[:, 1] = 1500.0 + rng.standard_normal(C)  # every logit of this column is very large
        A = call_without_warnings(c, function, Z, inputs=f"logits of size up to {np.abs(Z).max():.0f}")
        check_probabilities(c, A, (C, m), f"softmax of large logits {Z.shape}")
        expected = np.exp(Z - np.logaddexp.reduce(Z, axis=0, keepdims=True))
        c.expect_close(A, expected, f"softmax of large logits {Z.shape}", rtol=1e-9, atol=1e-15)


@hidden_test
def one_hot(c, function):
    rng = np.random.default_rng(602)
    for case in range(6):
        C, m = random_size(rng, classes=(2, 15))
        top = C if case % 2 else max(1, C - 2)  # in odd cases the last classes never occur
        labels = rng.integers(0, top, size=m).astype(np.int64 if case < 3 else np.int32)
        if case in (1, 4):
            labels = labels.reshape(1, m)
        Y = c.call(function, labels, C)
        c.require_shape(Y, (C, m), f"one_hot of labels {labels.shape}, C={C}")
        c.expect_close(Y, one_hot_oracle(labels, C), f"one_hot of labels {labels.shape}, C={C}", rtol=0, atol=0)


@hidden_test
def compute_cost_softmax(c, function):
    solution_softmax = reference(ASSIGNMENT, "softmax")
    rng = np.random.default_rng(603)
    for scale in (0.3, 1.0, 3.0, 8.0, 1.0):
        C, m = random_size(rng)
        Z = rng.standard_normal((C, m)) * scale
        labels = rng.integers(0, C, size=m)
        AL, Y = solution_softmax(Z), one_hot_oracle(labels, C)
        cost = c.call(function, AL, Y)
        c.expect(np.ndim(cost) == 0, "", f"the cost has shape {np.shape(cost)}; expected a single number.", stop=True)
        c.expect_close(cost, log_sum_exp_cost(Z, labels), f"cost of AL {AL.shape} against its log-sum-exp form",
                       rtol=1e-8, atol=1e-12)
    # Confident mistakes: true-class probabilities from about 1e-13 down to about 1e-260, taken as they are.
    C, m = random_size(rng, examples=(4, 20))
    labels = rng.integers(0, C, size=m)
    Z = rng.standard_normal((C, m))
    Z[labels, np.arange(m)] -= rng.uniform(30, 600, size=m)
    AL, Y = solution_softmax(Z), one_hot_oracle(labels, C)
    c.expect_close(c.call(function, AL, Y), log_sum_exp_cost(Z, labels),
                   f"cost of AL {AL.shape} with true-class probabilities down to {AL[labels, np.arange(m)].min():.0e}",
                   rtol=1e-8, atol=1e-12)


@hidden_test
def softmax_backward(c, function):
    solution_softmax = reference(ASSIGNMENT, "softmax")
    rng = np.random.default_rng(604)
    for _ in range(4):
        C, m = random_size(rng, classes=(2, 6), examples=(3, 8))
        Z = rng.standard_normal((C, m)) * rng.uniform(0.5, 3.0)
        labels = rng.integers(0, C, size=m)
        AL, Y = solution_softmax(Z), one_hot_oracle(labels, C)
        dZ = c.call(function, AL, Y)
        c.require_shape(dZ, (C, m), f"dZ for AL {AL.shape}")
        # dJ/dZ of the mean cost is dZ / m: compare m times the numerical gradient with dZ.
        approx = numerical_gradient(lambda: log_sum_exp_cost(Z, labels), Z, epsilon=1e-5) * m
        c.expect_close(dZ, approx, f"dZ for AL {AL.shape} against m times the numerical gradient of the cost",
                       rtol=1e-5, atol=1e-7)


@hidden_test
def predict_classes(c, function):
    rng = np.random.default_rng(605)
    for case in range(5):
        C, m = random_size(rng, classes=(2, 10), examples=(1, 30)) if case else (int(rng.integers(2, 10)), 1)
        scores = rng.standard_normal((C, m)) * 3
        AL = scores if case % 2 else np.exp(scores) / np.exp(scores).sum(axis=0)
        labels = c.call(function, AL)
        c.require_shape(labels, (m,), f"predict_classes(AL of shape {AL.shape})")
        c.expect(labels.dtype.kind in "iu", "", f"the predictions have dtype {labels.dtype}; expected integers.")
        c.expect(np.array_equal(labels, np.argmax(scores, axis=0)), f"predictions for AL {AL.shape}",
                 f"wrong predictions for AL {AL.shape}")
