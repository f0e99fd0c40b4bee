"""Hidden tests of assignment 02, Regularization.

Layer sizes, numbers of examples, lambda and keep_prob are drawn from fixed seeds, so a
submission always gets the same grade. The L2 functions are compared with the source
notebook's solution and, for the backward pass, with a numerical gradient of the
regularized cost. Dropout's forward pass is judged through the masks it returns (their
statistics and how they were applied), never against particular random draws; its
backward pass gets caches with known masks and is compared with the solution and with a
numerical gradient of the cost with those masks held fixed.
"""

import numpy as np

from autograder.hidden.common import hidden_test, numerical_gradient
from autograder.reference import reference
from helpers import nn
from helpers.checks.regularization import (GRADIENT_KEYS, PARAMETER_KEYS, call_dropout_forward,
                                           call_l1_penalty_and_gradient, check_dropout_consistency,
                                           check_early_stopping_case, check_fresh_masks, check_l1_gradients,
                                           check_l2_gradients, check_mask_statistics, check_no_dropout_when_keeping_all,
                                           parameter_shapes, random_network, require_gradients, with_either_mask_type,
                                           with_masks)

ASSIGNMENT = "02_regularization"


def random_dims(rng, widths=(1, 9)):
    """[n_x, n1, n2, 1] with random widths."""
    return [int(n) for n in rng.integers(widths[0], widths[1], size=3, endpoint=True)] + [1]


def random_case(rng, dims=None, m_range=(3, 25)):
    """(X, Y, parameters) for a random 3-layer network."""
    dims = dims or random_dims(rng)
    m = int(rng.integers(*m_range, endpoint=True))
    parameters = random_network(dims, rng, scale=rng.uniform(0.8, 2.0))
    X = rng.standard_normal((dims[0], m)) * rng.uniform(0.5, 2.0)
    Y = (rng.random((1, m)) < 0.5).astype(float)
    return X, Y, parameters


def numerical_gradients(cost_of, parameters, epsilon=1e-6):
    """Centered differences of ``cost_of(parameters)`` for every entry of every parameter."""
    gradients = {}
    for key in PARAMETER_KEYS:
        work = {k: v.copy() for k, v in parameters.items()}
        gradients["d" + key] = numerical_gradient(lambda: cost_of(work), work[key], epsilon)
    return gradients


def expect_numerical_agreement(c, gradients, numerical, what):
    """Relative difference ||g - g_num|| / (||g|| + ||g_num||) below 1e-6 for every key."""
    for key in GRADIENT_KEYS:
        g, n = np.asarray(gradients[key], dtype=float), numerical[key]
        difference = np.linalg.norm(g - n) / max(np.linalg.norm(g) + np.linalg.norm(n), 1e-12)
        c.expect(difference < 1e-6, f"{what}: {key} matches the numerical gradient",
                 f"{what}: {key} differs from the numerical gradient (relative difference {difference:.1e}).")


# ----- Exercise 1 ----------------------------------------------------------------------------------
@hidden_test
def compute_cost_with_regularization(c, function):
    solution = reference(ASSIGNMENT, "compute_cost_with_regularization")
    rng = np.random.default_rng(201)
    for lambd in (0.0, 0.05, 0.7, 3.0, float(rng.uniform(0.1, 10))):
        X, Y, parameters = random_case(rng)
        A3, _ = nn.forward_propagation(X, parameters)
        cost = c.call(function, A3, Y, parameters, lambd)
        c.expect_close(cost, solution(A3, Y, parameters, lambd), f"lambd = {lambd:.3g}, m = {Y.shape[1]}: the cost", rtol=1e-7)


# ----- Exercise 2 ----------------------------------------------------------------------------------
@hidden_test
def backward_propagation_with_regularization(c, function):
    regularized_cost = reference(ASSIGNMENT, "compute_cost_with_regularization")
    rng = np.random.default_rng(202)
    for lambd in (0.3, 0.0, 1.7, float(rng.uniform(2, 8))):
        X, Y, parameters = random_case(rng)
        m = X.shape[1]
        _, cache = nn.forward_propagation(X, parameters)
        gradients = c.call(function, X, Y, cache, lambd)
        require_gradients(c, gradients, parameter_shapes(parameters), f"m = {m}")
        check_l2_gradients(c, gradients, nn.backward_propagation(X, Y, cache), parameters, lambd, m, f"lambd = {lambd:.3g}")
    # The gradient of the regularized cost itself, by centered differences.
    X, Y, parameters = random_case(rng, m_range=(4, 8))
    lambd = 0.9
    cost_of = lambda p: regularized_cost(nn.forward_propagation(X, p)[0], Y, p, lambd)
    gradients = c.call(function, X, Y, nn.forward_propagation(X, parameters)[1], lambd)
    require_gradients(c, gradients, parameter_shapes(parameters), "numerical check")
    expect_numerical_agreement(c, gradients, numerical_gradients(cost_of, parameters), "lambd = 0.9")


# ----- Exercise 3 ----------------------------------------------------------------------------------
@hidden_test
def forward_propagation_with_dropout(c, function):
    rng = np.random.default_rng(203)
    for _ in range(3):
        X, _, parameters = random_case(rng, dims=random_dims(rng, widths=(2, 12)))
        keep_prob = float(rng.uniform(0.55, 0.95))
        what = f"keep_prob {keep_prob:.2f}"
        A3, entries = call_dropout_forward(c, function, X, parameters, keep_prob,
                                           np.random.default_rng(int(rng.integers(10**6))), what)
        check_dropout_consistency(c, X, parameters, keep_prob, A3, entries, what)
    # Statistics of the masks on wide layers, for two values of keep_prob (neither 0.5).
    for keep_prob in (0.65, float(rng.uniform(0.75, 0.9))):
        dims = [3, int(rng.integers(150, 250)), int(rng.integers(150, 250)), 1]
        X, _, parameters = random_case(rng, dims=dims, m_range=(90, 130))
        what = f"layers {dims}, keep_prob {keep_prob:.2f}"
        A3, entries = call_dropout_forward(c, function, X, parameters, keep_prob,
                                           np.random.default_rng(int(rng.integers(10**6))), what)
        check_mask_statistics(c, entries, keep_prob, what)
        check_dropout_consistency(c, X, parameters, keep_prob, A3, entries, what)
    X, _, parameters = random_case(rng, dims=[4, 30, 20, 1], m_range=(10, 15))
    check_fresh_masks(c, function, X, parameters, 0.75, (11, 12, 13))
    check_no_dropout_when_keeping_all(c, function, X, parameters, "keep_prob 1")


# ----- Exercise 4 ----------------------------------------------------------------------------------
def dropout_case(rng):
    """(X, Y, parameters, keep_prob, seed) and a cache from the reference forward pass with rng seed ``seed``."""
    X, Y, parameters = random_case(rng, dims=random_dims(rng, widths=(3, 8)), m_range=(6, 14))
    keep_prob = float(rng.uniform(0.55, 0.95))
    seed = int(rng.integers(10**6))
    forward = reference(ASSIGNMENT, "forward_propagation_with_dropout")
    _, cache = forward(X, parameters, keep_prob, np.random.default_rng(seed))
    return X, Y, parameters, keep_prob, seed, cache


@hidden_test
def backward_propagation_with_dropout(c, function):
    solution = reference(ASSIGNMENT, "backward_propagation_with_dropout")
    forward = reference(ASSIGNMENT, "forward_propagation_with_dropout")
    rng = np.random.default_rng(204)
    cases = [dropout_case(rng) for _ in range(4)]

    def body(c, mask_type):
        for X, Y, parameters, keep_prob, seed, cache in cases:
            what = f"m = {X.shape[1]}, keep_prob {keep_prob:.2f}"
            gradients = c.call(function, X, Y, with_masks(cache, mask_type), keep_prob)
            require_gradients(c, gradients, parameter_shapes(parameters), what)
            expected = solution(X, Y, cache, keep_prob)
            for key in GRADIENT_KEYS:
                c.expect_close(gradients[key], expected[key], f"{what}: {key}", rtol=1e-6, atol=1e-10)
        # With the masks held fixed (same seed, same shapes: same masks), the cost is a function
        # of the parameters; its numerical gradient must match.
        for X, Y, parameters, keep_prob, seed, cache in cases[:2]:
            cost_of = lambda p: nn.compute_cost(forward(X, p, keep_prob, np.random.default_rng(seed))[0], Y)
            gradients = c.call(function, X, Y, with_masks(cache, mask_type), keep_prob)
            require_gradients(c, gradients, parameter_shapes(parameters), "numerical check")
            expect_numerical_agreement(c, gradients, numerical_gradients(cost_of, parameters),
                                       f"masks fixed, keep_prob {keep_prob:.2f}")

    with_either_mask_type(c, body)


# ----- Exercise 5 ----------------------------------------------------------------------------------
def noisy_dev_curve(rng, length):
    """A dev-cost curve that falls, then rises, with noise; sometimes rounded so that ties occur."""
    t = np.linspace(0, 1, length)
    low = rng.uniform(0.2, 0.8)
    curve = 0.3 + 2.0 * (t - low) ** 2 + rng.normal(0, rng.uniform(0.002, 0.03), length)
    return np.round(curve, 2) if rng.random() < 0.5 else curve


@hidden_test
def early_stopping(c, function):
    solution = reference(ASSIGNMENT, "early_stopping")
    rng = np.random.default_rng(205)
    for trial in range(12):
        costs = noisy_dev_curve(rng, int(rng.integers(5, 120)))
        patience = int(rng.integers(1, 25))
        if trial % 2:
            costs = [float(v) for v in costs]
        kind = "list" if trial % 2 else "array"
        check_early_stopping_case(c, function, costs, patience, solution(costs, patience),
                                  f"{kind} of {len(costs)} costs, patience {patience}")
    check_early_stopping_case(c, function, [0.4, 0.4, 0.4, 0.4], 2, solution([0.4, 0.4, 0.4, 0.4], 2), "a flat curve")
    check_early_stopping_case(c, function, [0.7], 1, solution([0.7], 1), "a single record")


# ----- Exercise 6 ----------------------------------------------------------------------------------
@hidden_test
def l1_penalty_and_gradient(c, function):
    solution = reference(ASSIGNMENT, "l1_penalty_and_gradient")
    rng = np.random.default_rng(206)
    for lambd in (0.0, 0.3, 1.7, float(rng.uniform(2, 10)), float(rng.uniform(0.01, 1))):
        L = int(rng.integers(1, 6))
        dims = [int(n) for n in rng.integers(1, 9, size=L + 1, endpoint=True)]
        parameters = random_network(dims, rng, scale=rng.uniform(0.5, 2.0))
        for l in range(1, L + 1):  # some weights exactly 0, where any subgradient from -lambd/m to lambd/m is right
            parameters[f"W{l}"][rng.random(parameters[f"W{l}"].shape) < 0.15] = 0.0
        m = int(rng.integers(1, 500))
        what = f"layers {dims}, lambd = {lambd:.3g}, m = {m}"
        penalty, gradients = call_l1_penalty_and_gradient(c, function, parameters, lambd, m, what)
        expected_penalty, expected_gradients = solution(parameters, lambd, m)
        c.expect_close(penalty, expected_penalty, f"{what}: the penalty", rtol=1e-7, atol=1e-12)
        check_l1_gradients(c, gradients, parameters, expected_gradients, lambd, m, what)
