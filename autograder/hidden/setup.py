"""Hidden tests of assignment 00, Setting up a machine-learning application.

Sizes, fractions, scales and errors are drawn at random from fixed seeds. The split is
judged by its properties (any valid shuffle passes), the normalization against the
source notebook's solution on the features that vary and by finiteness on constant
ones, and the diagnosis against the solution on errors kept away from the threshold.
"""

import numpy as np

from autograder.hidden.common import hidden_test
from autograder.reference import reference
from helpers.checks.setup import (DIAGNOSES, check_diagnosis, check_normalized, check_split, labelled_examples,
                                  require_normalize_result)

ASSIGNMENT = "00_setup"


@hidden_test
def split_dataset(c, function):
    rng = np.random.default_rng(1001)
    cases = [(int(rng.integers(20, 400)), (0.6, 0.2, 0.2)) for _ in range(2)]
    cases += [(int(rng.integers(20, 400)), fractions)
              for fractions in ((0.7, 0.15, 0.15), (0.5, 0.25, 0.25), (0.9, 0.05, 0.05), (0.34, 0.33, 0.33))]
    cases.append((20000, (0.98, 0.01, 0.01)))
    for m, fractions in cases:
        X, Y = labelled_examples(m, n_x=int(rng.integers(1, 5)))
        seed = int(rng.integers(10_000))
        result = c.call(function, X, Y, fractions=fractions, rng=np.random.default_rng(seed))
        ids = check_split(c, result, X, Y, fractions, f"m = {m}, fractions {fractions}")
        n_train = len(ids[0])
        c.expect(set(ids[0].astype(int)) != set(range(n_train)), "shuffled", f"m = {m}: not shuffled")
        again = c.call(function, X, Y, fractions=fractions, rng=np.random.default_rng(seed))
        c.expect(all(np.array_equal(a, b) for a, b in zip(result, again)), "reproducible",
                 f"m = {m}: the same rng seed gave different splits")
    # The default fractions are 60/20/20 and the default rng is a fresh one.
    X, Y = labelled_examples(123)
    result = c.call(function, X, Y)
    check_split(c, result, X, Y, (0.6, 0.2, 0.2), "m = 123 with the default fractions and rng")
    # Membership is random: over several seeds, the first example lands in every split.
    X, Y = labelled_examples(20)
    where = set()
    for seed in range(60):
        parts = c.call(function, X, Y, rng=np.random.default_rng(seed))
        where.update(k for k in range(3) if 0 in parts[2 * k][0])
    c.expect(where == {0, 1, 2}, "the first example can land in any split",
             "over 60 seeds the first example never went to some split: the split is not random")


@hidden_test
def normalize_inputs(c, function):
    rng = np.random.default_rng(1002)
    for case in range(5):
        n_x, m_train, m_other = int(rng.integers(1, 9)), int(rng.integers(5, 60)), int(rng.integers(1, 30))
        scales = 10.0 ** rng.uniform(-3, 4, size=(n_x, 1))
        offsets = rng.standard_normal((n_x, 1)) * scales * 5
        X_train = rng.standard_normal((n_x, m_train)) * scales + offsets
        X_other = rng.standard_normal((n_x, m_other)) * scales * rng.uniform(0.3, 3) + offsets * rng.uniform(-2, 2)
        if case >= 3 and n_x > 1:  # constant features: exactly representable integers
            constant = rng.choice(n_x, size=int(rng.integers(1, n_x)), replace=False)
            X_train[constant] = rng.integers(-5, 20, size=(len(constant), 1)).astype(float)
        what = f"X_train {X_train.shape}, X_other {X_other.shape}"
        result = c.call(function, X_train, X_other)
        require_normalize_result(c, result, n_x, m_train, m_other, what)
        check_normalized(c, result, X_train, X_other, what)
    # Against the notebook's own solution, where the features vary.
    solution = reference(ASSIGNMENT, "normalize_inputs")
    X_train = rng.standard_normal((6, 40)) * np.array([[1e3], [1], [1e-2], [7], [0.5], [30]])
    X_other = rng.standard_normal((6, 9)) * 4
    got, expected = c.call(function, X_train, X_other), solution(X_train, X_other)
    for k, name in enumerate(("X_train_norm", "X_other_norm", "mu", "sigma")):
        c.expect_close(got[k], expected[k], name, rtol=1e-4, atol=1e-8)


def random_case(rng, outcome_wanted):
    """(train_error, dev_error, base_error, threshold) giving ``outcome_wanted``, margins >= 0.005."""
    threshold = float(rng.choice([0.05, 0.02, 0.1, 0.03]))
    base = float(rng.choice([0.0, 0.0, rng.uniform(0.01, 0.2)]))
    high_bias, high_variance = outcome_wanted
    bias = threshold + rng.uniform(0.005, 0.2) if high_bias else rng.uniform(0, threshold - 0.005)
    variance = threshold + rng.uniform(0.005, 0.2) if high_variance else rng.uniform(0, threshold - 0.005)
    train = base + bias
    return train, train + variance, base, threshold


@hidden_test
def diagnose_bias_variance(c, function):
    solution = reference(ASSIGNMENT, "diagnose_bias_variance")
    rng = np.random.default_rng(1003)
    outcomes = [(True, False), (False, True), (True, True), (False, False)]
    for round_ in range(4):
        for wanted in outcomes:
            case = random_case(rng, wanted)
            expected = solution(*case)
            check_diagnosis(c, function, case, expected,
                            "train {:.3f}, dev {:.3f}, base {:.3f}, threshold {:.2f}".format(*case))
    # Keyword arguments and numpy numbers are accepted.
    answer = c.call(function, np.float64(0.2), np.float64(0.21), base_error=np.float64(0.18), threshold=0.05)
    c.expect(answer == "low bias and low variance", "keywords", f"keywords: {answer!r}")
    answer = c.call(function, 0.02, 0.05, threshold=0.02)
    c.expect(answer == "high variance", "threshold", f"threshold 0.02: {answer!r}")
    c.expect(answer in DIAGNOSES, "string", "string")
