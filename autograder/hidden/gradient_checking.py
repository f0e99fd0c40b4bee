"""Hidden tests of assignment 03, Gradient checking.

Functions, networks, seeds, steps and perturbations are drawn at random from fixed seeds
(a submission always gets the same grade). Numerical derivatives are judged against
closed forms of their truncation error, the other functions against the source
notebook's solutions (``reference``) or against which gradient block was perturbed.
"""

import numpy as np

from autograder.hidden.common import hidden_test
from autograder.reference import reference
from helpers.checks.gradient_checking import (BOTH_ZERO_HINT, PARAMETER_KEYS, X_ZERO_HINT, call_or_hint,
                                              cube_check_difference, cube_step_hint, require_number, scaled)
from helpers.gradcheck import GREAT, WRONG, forward_propagation_n

ASSIGNMENT = "03_gradient_checking"


def random_network(rng):
    """Random parameters of a network [n_x, n1, n2, 1], inputs X (n_x, m) and labels Y (1, m),
    with every block of the exact gradient clearly nonzero (no layer entirely dead)."""
    backward = reference(ASSIGNMENT, "backward_propagation_n_fixed")
    while True:
        dims = [int(rng.integers(2, 7)), int(rng.integers(2, 7)), int(rng.integers(2, 6)), 1]
        m = int(rng.integers(2, 13))
        parameters = {}
        for l in range(1, 4):
            parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * rng.uniform(0.5, 1.5)
            parameters[f"b{l}"] = rng.standard_normal((dims[l], 1)) * 0.5
        X = rng.standard_normal((dims[0], m))
        Y = (rng.random((1, m)) < 0.5).astype(float)
        gradients = backward(X, Y, forward_propagation_n(X, Y, parameters)[1])
        if all(np.linalg.norm(gradients["d" + key]) > 1e-3 for key in PARAMETER_KEYS):
            return parameters, X, Y, {"d" + key: gradients["d" + key] for key in PARAMETER_KEYS}


def network_of_unequal_blocks(rng):
    """A random network whose last weights are 50 times smaller: its largest gradient block is at least
    20 times the norm of its smallest one."""
    backward = reference(ASSIGNMENT, "backward_propagation_n_fixed")
    while True:
        parameters, X, Y, _ = random_network(rng)
        parameters["W3"] = parameters["W3"] / 50
        gradients = backward(X, Y, forward_propagation_n(X, Y, parameters)[1])
        norms = [np.linalg.norm(gradients["d" + key]) for key in PARAMETER_KEYS]
        if min(norms) > 1e-5 and max(norms) > 20 * min(norms):
            return parameters, X, Y, {"d" + key: gradients["d" + key] for key in PARAMETER_KEYS}


def shuffled(gradients, rng):
    """The same gradients in a random key order, with intermediate entries (dZ1, dZ2, dZ3) mixed in."""
    entries = list(gradients.items()) + [(f"dZ{l}", np.full((2, 3), 0.5)) for l in (1, 2, 3)]
    return {entries[i][0]: entries[i][1] for i in rng.permutation(len(entries))}


@hidden_test
def numerical_derivative(c, function):
    rng = np.random.default_rng(301)
    # Cubic polynomials: the truncation errors have closed forms.
    for _ in range(4):
        a, b, k = rng.uniform(-2, 2, size=3)
        theta, epsilon = float(rng.uniform(-2, 2)), float(10 ** rng.uniform(-3, -1))
        f = lambda t, a=a, b=b, k=k: a * t ** 3 + b * t ** 2 + k * t  # noqa: E731
        exact = 3 * a * theta ** 2 + 2 * b * theta + k
        got = c.call(function, f, theta, epsilon=epsilon, method="centered")
        c.expect_close(got, exact + a * epsilon ** 2, f"centered, cubic at {theta:.3g}, epsilon {epsilon:.2g}",
                       rtol=1e-6, atol=1e-9)
        got = c.call(function, f, theta, epsilon=epsilon, method="forward")
        c.expect_close(got, exact + epsilon * (3 * a * theta + b) + a * epsilon ** 2,
                       f"forward, cubic at {theta:.3g}, epsilon {epsilon:.2g}", rtol=1e-6, atol=1e-9)
        got = c.call(function, f, theta, epsilon=epsilon)
        c.expect_close(got, exact + a * epsilon ** 2, "the default method is centered", rtol=1e-6, atol=1e-9)
    # Arrays of several shapes; f couples the entries through (v . t)^3.
    for shape in ((4, 1), (2, 3), (5,), (1, 1)):
        w, v = rng.uniform(-1, 1, size=shape), rng.uniform(-0.5, 0.5, size=shape)
        theta = rng.uniform(-1.5, 1.5, size=shape)
        epsilon = float(10 ** rng.uniform(-3, -1.5))
        f = lambda t, w=w, v=v: float(np.sum(w * t ** 2) + np.sum(v * t) ** 3)  # noqa: E731
        S = float(np.sum(v * theta))
        exact = 2 * w * theta + 3 * S ** 2 * v
        got = c.call(function, f, theta, epsilon=epsilon, method="centered")
        c.expect_close(got, exact + v ** 3 * epsilon ** 2, f"centered, theta of shape {shape}", rtol=1e-6, atol=1e-9)
        got = c.call(function, f, theta, epsilon=epsilon, method="forward")
        c.expect_close(got, exact + w * epsilon + 3 * S * v ** 2 * epsilon + v ** 3 * epsilon ** 2,
                       f"forward, theta of shape {shape}", rtol=1e-6, atol=1e-9)
    # The default step 1e-7 on a smooth function of a matrix.
    theta = rng.uniform(-1, 1, size=(3, 2))
    got = c.call(function, lambda t: float(np.sum(np.exp(t))), theta)
    c.expect_close(got, np.exp(theta), "default epsilon: derivative of sum(exp(theta)) is exp(theta)", rtol=1e-6)


@hidden_test
def relative_difference(c, function):
    solution = reference(ASSIGNMENT, "relative_difference")
    rng = np.random.default_rng(302)
    for shape in ((7, 1), (3, 4), (1, 1), (6,)):
        grad = rng.standard_normal(shape) * rng.uniform(0.01, 100)
        for grad_approx in (grad + rng.standard_normal(shape) * 1e-6, grad * rng.uniform(-3, 3),
                            rng.standard_normal(shape)):
            got = require_number(c, c.call(function, grad, grad_approx), f"shape {shape}", "")
            c.expect_close(got, solution(grad, grad_approx), f"random gradients of shape {shape}", rtol=1e-7, atol=1e-15)
        got = require_number(c, c.call(function, grad, -grad), "g and -g", "")
        c.expect_close(got, 1.0, f"g and -g, shape {shape}", rtol=1e-9)
        got = require_number(c, c.call(function, np.zeros(shape), grad), "0 and g", "")
        c.expect_close(got, 1.0, f"0 and g, shape {shape}", rtol=1e-9)
    # Tiny gradients: the result does not depend on the scale (no constant added, no tolerance around 0).
    for scale in (1e-7, 1e-9, 1e-11):
        grad = rng.standard_normal((4, 1)) * scale
        grad_approx = grad + rng.standard_normal((4, 1)) * scale * 0.1
        got = require_number(c, c.call(function, grad, grad_approx), f"gradients of size {scale:g}", "")
        scale_hint = ("The result must not depend on the scale: no constant in the denominator, and a test for "
                      "exactly 0.") if all(ok for ok, _, _ in c.verdicts) else None
        c.expect_close(got, solution(grad / scale, grad_approx / scale), f"gradients of size {scale:g}", rtol=1e-7,
                       hint=scale_hint)
        got = require_number(c, c.call(function, grad, -grad), f"g and -g of size {scale:g}", "")
        c.expect_close(got, 1.0, f"g and -g of size {scale:g}", rtol=1e-9)
    x, y = rng.uniform(-5, 5, size=2)
    got = require_number(c, c.call(function, float(x), float(y)), "two numbers", "")
    c.expect_close(got, solution(float(x), float(y)), "two numbers", rtol=1e-9)
    notes_before = len(c.notes)
    got = require_number(c, c.call(function, np.zeros((5, 1)), np.zeros((5, 1))), "both zero", "")
    c.expect(got == 0.0 and len(c.notes) == notes_before, "both zero: 0 without a warning",
             f"both zero gave {got}" + (" with a warning" if len(c.notes) > notes_before else ""))


@hidden_test
def gradient_check(c, function):
    rng = np.random.default_rng(303)
    # J(theta) = x theta^3: with |theta| >= 0.5 the truncation error eps^2 / (6 theta^2) stays below 1e-7.
    for _ in range(8):
        x = float(rng.choice([-1, 1]) * 10 ** rng.uniform(-1, 1.7))
        theta = float(rng.choice([-1, 1]) * rng.uniform(0.5, 5))
        epsilon = float(rng.choice([1e-7, 1e-6, 1e-4]))
        got = require_number(c, c.call(function, x, theta, epsilon=epsilon), "the result", "")
        c.expect(0 <= got < GREAT, f"x = {x:.3g}, theta = {theta:.3g}: {got:.1e}",
                 f"x = {x:.3g}, theta = {theta:.3g}, epsilon = {epsilon:g}: relative difference {got:.3g}, "
                 "expected less than 1e-7")
    # Large steps: the centered difference of x theta^3 is 3 x theta^2 + x eps^2, exactly.
    for _ in range(4):
        x = float(rng.choice([-1, 1]) * 10 ** rng.uniform(-1, 1.7))
        theta = float(rng.choice([-1, 1]) * rng.uniform(0.5, 3))
        epsilon = float(10 ** rng.uniform(-2.5, -1))
        got = require_number(c, c.call(function, x, theta, epsilon=epsilon), "the result", "")
        c.expect_close(got, cube_check_difference(theta, epsilon),
                       f"x = {x:.3g}, theta = {theta:.3g}, epsilon = {epsilon:.2g}: the relative difference",
                       rtol=1e-4, atol=1e-13, hint=cube_step_hint(got, theta, epsilon))
    theta = round(float(rng.uniform(-5, 5)), 2)
    got = call_or_hint(c, BOTH_ZERO_HINT, function, 0.0, theta)
    both_zero = f"x = 0, theta = {theta:.3g}: both gradients are zero, relative difference 0"
    if isinstance(got, (float, np.floating)) and np.isnan(got):
        c.fail(f"{both_zero}; got nan.", BOTH_ZERO_HINT)
    else:
        c.expect_close(require_number(c, got, "x = 0", ""), 0.0, both_zero, atol=1e-15, hint=X_ZERO_HINT)


@hidden_test
def gradient_check_n(c, function):
    solution = reference(ASSIGNMENT, "gradient_check_n")
    rng = np.random.default_rng(304)
    for trial in range(4):
        parameters, X, Y, gradients = random_network(rng)
        dims = [X.shape[0]] + [parameters[f"W{l}"].shape[0] for l in (1, 2, 3)]
        name = f"network {dims}, m = {X.shape[1]}"
        got = require_number(c, c.call(function, parameters, shuffled(gradients, rng), X, Y), name, "")
        c.expect(got < GREAT, f"{name}, exact gradients: {got:.1e}",
                 f"{name}: exact gradients (in another key order, with extra entries) gave {got:.3g}; "
                 "expected less than 1e-7")
        key = "d" + PARAMETER_KEYS[trial + 1 if trial < 3 else int(rng.integers(6))]
        bug = scaled(gradients, **{key: float(rng.uniform(1.5, 4))})
        got = require_number(c, c.call(function, parameters, bug, X, Y), f"{name}, {key} scaled", "")
        c.expect(got >= WRONG, f"{name}, {key} scaled: large difference {got:.3g}",
                 f"{name}: {key} scaled by a factor gave {got:.3g}; a bug like this gives more than 1e-3")
        c.expect_close(got, solution(parameters, bug, X, Y), f"{name}, {key} scaled", rtol=2e-2)
        noise = 1 + 1e-3 * rng.standard_normal(gradients[key].shape)
        slightly_off = dict(gradients, **{key: gradients[key] * noise})
        got = c.call(function, parameters, slightly_off, X, Y)
        c.expect_close(got, solution(parameters, slightly_off, X, Y), f"{name}, {key} off by 0.1%", rtol=2e-2)
        got = c.call(function, parameters, gradients, X, Y, epsilon=1e-2)
        c.expect_close(got, solution(parameters, gradients, X, Y, epsilon=1e-2), f"{name}, epsilon = 1e-2", rtol=1e-2)
    # Another cost with a known gradient: J = sum(c * p^2) / 2 over every parameter, dJ/dp = c * p.
    parameters, X, Y, _ = random_network(rng)
    weights = {key: rng.uniform(0.5, 2, size=value.shape) for key, value in parameters.items()}

    def weighted_squares(X, Y, parameters):
        return 0.5 * sum(float(np.sum(weights[k] * v ** 2)) for k, v in parameters.items()), None

    exact = {"d" + key: weights[key] * value for key, value in parameters.items()}
    got = require_number(c, c.call(function, parameters, exact, X, Y, forward=weighted_squares), "another cost", "")
    c.expect(got < GREAT, "forward = another cost, exact gradient: small",
             f"with forward=another cost and its exact gradient the result is {got:.3g}")
    halved = {key: value / 2 for key, value in exact.items()}
    got = c.call(function, parameters, halved, X, Y, forward=weighted_squares)
    c.expect_close(got, 1 / 3, "forward = another cost, gradient halved: (2-1)/(2+1)", rtol=1e-6)
    # The same cost of fewer parameters: the keys come from `parameters`, never from a fixed list.
    for kept in (("W1", "b1", "W2", "b2"), ("W2", "b2", "W3")):
        subset = {key: parameters[key] for key in kept}
        exact_subset = {"d" + key: exact["d" + key] for key in kept}
        got = require_number(c, c.call(function, subset, exact_subset, X, Y, forward=weighted_squares),
                             f"parameters {', '.join(kept)}", "")
        c.expect(got < GREAT, f"parameters {', '.join(kept)} only, exact gradient: small",
                 f"with the parameters {', '.join(kept)} only (forward = another cost) and their exact gradient "
                 f"the result is {got:.3g}; expected less than 1e-7")
        tripled = scaled(exact_subset, **{"d" + kept[-1]: 3.0})
        got = c.call(function, subset, tripled, X, Y, forward=weighted_squares)
        c.expect_close(got, solution(subset, tripled, X, Y, forward=weighted_squares),
                       f"parameters {', '.join(kept)}, d{kept[-1]} tripled", rtol=1e-6)


@hidden_test
def locate_gradient_bug(c, function):
    rng = np.random.default_rng(305)
    for trial in range(6):
        parameters, X, Y, gradients = random_network(rng)
        key = "d" + PARAMETER_KEYS[trial]
        if trial % 2:
            noise = rng.standard_normal(gradients[key].shape) * np.linalg.norm(gradients[key])
            perturbed = dict(gradients, **{key: gradients[key] + noise})
        else:
            perturbed = scaled(gradients, **{key: float(rng.choice([-1.0, 3.0, 0.25]))})
        got = c.call(function, parameters, shuffled(perturbed, rng), X, Y)
        c.expect(got == key, f"{key} perturbed: {got}", f"{key} perturbed: returned {got!r}")
    # Two wrong blocks: the worse one comes later in the parameters' order.
    for first, second in (("dW1", "db2"), ("db1", "dW3")):
        parameters, X, Y, gradients = random_network(rng)
        perturbed = scaled(gradients, **{first: 1.2, second: 4.0})
        got = c.call(function, parameters, shuffled(perturbed, rng), X, Y)
        c.expect(got == second, f"{first} a little off, {second} far off: {got}",
                 f"{first} 1.2 times and {second} 4 times the right value: returned {got!r}, expected {second!r}")
    # Blocks of very different sizes: the smallest block 3 times too large (relative difference 1/2) is worse
    # than the largest block 1.3 times too large (3/23), although its distance ||g - n|| is smaller.
    for _ in range(3):
        parameters, X, Y, gradients = network_of_unequal_blocks(rng)
        norms = {key: np.linalg.norm(value) for key, value in gradients.items()}
        small, large = min(norms, key=norms.get), max(norms, key=norms.get)
        perturbed = scaled(gradients, **{small: 3.0, large: 1.3})
        got = c.call(function, parameters, shuffled(perturbed, rng), X, Y)
        c.expect(got == small, f"{small} (norm {norms[small]:.2g}) tripled, {large} (norm {norms[large]:.2g}) "
                               f"times 1.3: {got}",
                 f"{small} (norm {norms[small]:.2g}) 3 times and {large} (norm {norms[large]:.2g}) 1.3 times the "
                 f"right value: returned {got!r}, expected {small!r} (relative differences 1/2 and 3/23)",
                 "Rank the blocks by their relative difference, not by the distance ||g - n||.")
    # One block negated (relative difference 1), one 4 times and one 1/4 times the right value (3/5 each):
    # dividing by the norm of one block only would rank one of the others first.
    for negated, times_4, quarter in (("db2", "dW1", "db3"), ("dW3", "db1", "dW2")):
        parameters, X, Y, gradients = random_network(rng)
        perturbed = scaled(gradients, **{negated: -1.0, times_4: 4.0, quarter: 0.25})
        got = c.call(function, parameters, shuffled(perturbed, rng), X, Y)
        c.expect(got == negated, f"{negated} negated, {times_4} times 4, {quarter} times 1/4: {got}",
                 f"{negated} negated, {times_4} 4 times and {quarter} 1/4 times the right value: returned {got!r}, "
                 f"expected {negated!r} (relative differences 1, 3/5, 3/5)",
                 "Divide by the norms of both blocks, as relative_difference does.")


@hidden_test
def backward_propagation_n_fixed(c, function):
    solution = reference(ASSIGNMENT, "backward_propagation_n_fixed")
    rng = np.random.default_rng(306)
    for _ in range(5):
        parameters, X, Y, _ = random_network(rng)
        cache = forward_propagation_n(X, Y, parameters)[1]
        expected = solution(X, Y, cache)
        got = c.call(function, X, Y, cache)
        c.require_keys(got, [f"d{key}" for key in PARAMETER_KEYS], "the gradients", allow_extra=True)
        for key in PARAMETER_KEYS:
            c.expect_close(got["d" + key], expected["d" + key], f"d{key}, network with m = {X.shape[1]}",
                           rtol=1e-7, atol=1e-12)
