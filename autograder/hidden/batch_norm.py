"""Hidden tests of assignment 05, Batch normalization.

Shapes, values, eps, momentum and modes are drawn from fixed seeds. The forward pass is
compared with the source notebook's solution, output, cache and running statistics. Both
backward passes are compared with numerical gradients of ``sum(dout * out)`` (the
reference forward pass, differentiated by centered differences) and with the reference
computation-graph backward pass, so the two forms must agree with each other.
"""

import copy

import numpy as np

from autograder.hidden.common import hidden_test, numerical_gradient, relative_error
from autograder.reference import reference
from helpers.checks.batch_norm import call_forward, check_bn_structure, check_cache
from helpers.checks.initialization import check_reproducible, check_weight_scale

ASSIGNMENT = "05_batch_norm"

#: A backward pass must match the numerical gradient to this relative error (the solution
#: reaches about 1e-10; a wrong term gives 1e-3 or worse).
GRADIENT_TOLERANCE = 1e-7


def random_batch(rng, tiny_variance=False):
    """A random pre-activation ``Z`` of random shape, offset and scale, with gamma and beta."""
    n, m = int(rng.integers(1, 8)), int(rng.integers(3, 40))
    scale = 3e-3 if tiny_variance else 10 ** rng.uniform(-1, 1)
    Z = rng.standard_normal((n, m)) * scale + rng.uniform(-5, 5, (n, 1))
    gamma = rng.uniform(0.3, 2.0, (n, 1)) * rng.choice([-1.0, 1.0], (n, 1))
    beta = rng.standard_normal((n, 1))
    return Z, gamma, beta


def compare_forward(c, function, solution, Z, gamma, beta, bn_param, name):
    """Student and reference on the same input: out, train-mode cache, running statistics after."""
    expected_param = copy.deepcopy(bn_param)
    expected_out, expected_cache = solution(Z.copy(), gamma.copy(), beta.copy(), expected_param)
    out, cache, bn_param_after = call_forward(c, function, Z, gamma, beta, bn_param, name)
    c.expect_close(out, expected_out, f"{name}: out", stop=True)
    if bn_param["mode"] == "train":
        check_cache(c, cache, expected_cache)
        for key in ("running_mean", "running_var"):
            c.expect_close(bn_param_after.get(key), expected_param[key], f"{name}: bn_param[{key!r}] after the call",
                           stop=True)
    elif "running_mean" in bn_param:
        c.expect(all(np.array_equal(bn_param_after[k], bn_param[k]) for k in ("running_mean", "running_var")),
                 f"{name}: running statistics unchanged", f"{name}: test mode changed the running statistics.")
    return bn_param_after, expected_param


@hidden_test
def batchnorm_forward(c, function):
    solution = reference(ASSIGNMENT, "batchnorm_forward")
    rng = np.random.default_rng(501)
    for case in range(8):
        Z, gamma, beta = random_batch(rng, tiny_variance=case in (2, 5))
        n = Z.shape[0]
        stats = {"running_mean": rng.standard_normal((n, 1)), "running_var": rng.uniform(0.2, 3.0, (n, 1))}
        settings = {"eps": float(10 ** rng.uniform(-3, -0.5)), "momentum": float(rng.uniform(0.5, 0.99))}
        bn_param = [{"mode": "train"}, {"mode": "train", **settings, **stats}, {"mode": "test", **stats},
                    {"mode": "test", **settings, **stats}][case % 4]
        compare_forward(c, function, solution, Z, gamma, beta, bn_param, f"case {case} ({bn_param['mode']} mode, {Z.shape})")
    # A test-mode call without running statistics normalizes with mean 0 and variance 1.
    Z, gamma, beta = random_batch(rng)
    compare_forward(c, function, solution, Z, gamma, beta, {"mode": "test"}, "test mode, no running statistics")
    # Several train-mode calls on the same bn_param accumulate the running statistics.
    n = int(rng.integers(2, 6))
    student_param, expected_param = {"mode": "train", "momentum": 0.7}, {"mode": "train", "momentum": 0.7}
    for step in range(4):
        Z = rng.standard_normal((n, int(rng.integers(5, 30)))) * 2 + 1
        gamma, beta = np.ones((n, 1)), np.zeros((n, 1))
        solution(Z.copy(), gamma, beta, expected_param)
        _, _, student_param = call_forward(c, function, Z, gamma, beta, student_param, f"train step {step}")
    for key in ("running_mean", "running_var"):
        c.expect_close(student_param.get(key), expected_param[key], f"{key} after 4 train steps")


def check_backward_against_oracles(c, function, seed):
    """Random batches: numerical gradients and the reference backward pass."""
    forward = reference(ASSIGNMENT, "batchnorm_forward")
    graph_backward = reference(ASSIGNMENT, "batchnorm_backward")
    rng = np.random.default_rng(seed)
    for case in range(6):
        Z, gamma, beta = random_batch(rng, tiny_variance=case == 3)
        eps = [1e-5, 1e-5, 0.05, 1e-5, 0.3, 1e-3][case]
        dout = rng.standard_normal(Z.shape)
        _, cache = forward(Z.copy(), gamma.copy(), beta, {"mode": "train", "eps": eps})
        name = f"batch {Z.shape}, eps {eps:g}"
        result = c.call(function, dout, cache, inputs=f"dout and cache of a {name}")
        c.require_type(result, tuple, "the result")
        if len(result) != 3:
            c.fail(f"the result has {len(result)} entries; expected 3, (dZ, dgamma, dbeta).", stop=True)
        dZ, dgamma, dbeta = result
        c.require_shapes({"dZ": dZ, "dgamma": dgamma, "dbeta": dbeta},
                         {"dZ": Z.shape, "dgamma": gamma.shape, "dbeta": beta.shape}, name)

        def objective():
            return float(np.sum(dout * forward(Z, gamma, beta, {"mode": "train", "eps": eps})[0]))

        step = 1e-5 * float(np.sqrt(np.mean(np.var(Z, axis=1)) + eps))
        for what, got, array in (("dZ", dZ, Z), ("dgamma", dgamma, gamma), ("dbeta", dbeta, beta)):
            numeric = numerical_gradient(objective, array, step if what == "dZ" else 1e-5)
            error = relative_error(np.asarray(got, dtype=float), numeric)
            c.expect(error < GRADIENT_TOLERANCE, f"{name}: {what} matches the numerical gradient ({error:.1e})",
                     f"{name}: {what} differs from the numerical gradient (relative error {error:.1e}).")
        expected = graph_backward(dout, cache)
        for what, got, want in zip(("dZ", "dgamma", "dbeta"), result, expected):
            c.expect_close(got, want, f"{name}: {what} agrees with the computation-graph backward pass", rtol=1e-6,
                           atol=1e-9 * (1 + np.abs(want).max()))


@hidden_test
def batchnorm_backward(c, function):
    check_backward_against_oracles(c, function, 502)


@hidden_test
def batchnorm_backward_alt(c, function):
    check_backward_against_oracles(c, function, 503)


@hidden_test
def initialize_parameters_bn(c, function):
    rng = np.random.default_rng(504)
    for _ in range(4):
        depth = int(rng.integers(1, 6))
        dims = [int(n) for n in rng.integers(1, 12, size=depth + 1, endpoint=True)]
        check_bn_structure(c, c.call(function, dims, rng=np.random.default_rng(int(rng.integers(1000)))), dims)
    wide = [int(n) for n in rng.integers(150, 400, size=4)]
    parameters = c.call(function, wide, rng=np.random.default_rng(int(rng.integers(1000))))
    check_bn_structure(c, parameters, wide)
    check_weight_scale(c, parameters, wide, lambda l: np.sqrt(2 / wide[l - 1]), None)
    check_reproducible(c, function, [int(n) for n in rng.integers(2, 9, size=4)])
