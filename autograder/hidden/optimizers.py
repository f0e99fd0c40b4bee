"""Hidden tests of assignment 04, Optimization algorithms.

Network sizes, values and hyperparameters are drawn at random from fixed seeds (a
submission always gets the same grade), with state that is not zero, steps t > 1 and
hyperparameters away from their defaults, so that hard-coded defaults, a missing bias
correction or a misplaced epsilon fail. Updates are compared against the source
notebook's solution; they may update their inputs in place or build new dicts, so each
side works on its own copies and only the returned objects are compared. Mini-batches are
judged by their properties, never by one particular shuffle.
"""

import copy

import numpy as np

from autograder.hidden.common import hidden_test
from autograder.reference import reference
from helpers.checks.optimizers import (batch_order, check_mini_batches, check_result_tuple, check_zero_state,
                                       expect_dict_close, random_parameters)

ASSIGNMENT = "04_optimizers"


def solution(name):
    """The notebook's solution of ``name``, called on deep copies of its arguments."""
    function = reference(ASSIGNMENT, name)
    return lambda *args, **kwargs: function(*copy.deepcopy(args), **copy.deepcopy(kwargs))


def random_layers_dims(rng):
    depth = int(rng.integers(1, 5, endpoint=True))
    return [int(n) for n in rng.integers(1, 9, size=depth + 1, endpoint=True)]


def random_step(rng, dims=None):
    """Random parameters, gradients, a velocity and a positive running average of squared gradients."""
    dims = dims or random_layers_dims(rng)
    parameters = random_parameters(dims, rng)
    scale = rng.uniform(0.05, 3.0)
    grads = {key: value * scale for key, value in random_parameters(dims, rng, prefix="d").items()}
    v = {key: value * scale for key, value in random_parameters(dims, rng, prefix="d").items()}
    s = {key: (value * scale) ** 2 + 1e-4 for key, value in random_parameters(dims, rng, prefix="d").items()}
    return dims, parameters, grads, v, s


@hidden_test
def update_parameters_with_gd(c, function):
    expected_update = solution("update_parameters_with_gd")
    rng = np.random.default_rng(401)
    for _ in range(4):
        dims, parameters, grads, _, _ = random_step(rng)
        learning_rate = float(rng.uniform(0.001, 2.0))
        got = c.call(function, parameters, grads, learning_rate, may_modify_inputs=True)
        expect_dict_close(c, got, expected_update(parameters, grads, learning_rate), f"{dims}, lr {learning_rate:.3g}")


@hidden_test
def random_mini_batches(c, function):
    rng = np.random.default_rng(402)
    for n_x, n_y, m, size in ((4, 1, 257, 32), (2, 3, 100, 20), (3, 1, 50, 128), (1, 2, 64, 64), (5, 1, 301, 50),
                              (2, 1, 1, 16)):
        X = np.vstack([np.arange(m, dtype=float), rng.standard_normal((n_x - 1, m))])
        Y = rng.integers(0, 2, size=(n_y, m)) if n_y == 1 else rng.standard_normal((n_y, m))
        seed = int(rng.integers(1000))
        first = check_mini_batches(c, function, X, Y, size, seed)
        again = batch_order(c, function, X, Y, size, seed)
        c.expect(np.array_equal(first, again), "same seed, same batches", f"m = {m}: the same seed gave other batches")
        if m >= 10:
            other = check_mini_batches(c, function, X, Y, size, seed + 1)
            c.expect(not np.array_equal(first, other), "other seed, other batches",
                     f"m = {m}: another seed gave the same batches")
    X = np.vstack([np.arange(200, dtype=float), rng.standard_normal((1, 200))])
    check_mini_batches(c, function, X, rng.integers(0, 2, size=(1, 200)), None, 7)


@hidden_test
def exponentially_weighted_average(c, function):
    expected_average = solution("exponentially_weighted_average")
    rng = np.random.default_rng(403)
    for beta in (0.0, 0.37, 0.9, 0.98, 0.999):
        values = rng.normal(rng.uniform(-20, 20), rng.uniform(0.5, 10), size=int(rng.integers(1, 400)))
        for correction in (False, True):
            got = c.call(function, values, beta, bias_correction=correction)
            c.expect_close(got, expected_average(values, beta, bias_correction=correction),
                           f"T = {len(values)}, beta {beta}, bias_correction={correction}", rtol=1e-9, atol=1e-9)
    values = rng.uniform(0, 30, size=25)
    c.expect_close(c.call(function, values, 0.8), expected_average(values, 0.8), "default: no bias correction",
                   rtol=1e-9, atol=1e-9)


def check_initializer(c, function, pair):
    rng = np.random.default_rng(404 if pair else 405)
    for _ in range(4):
        dims = random_layers_dims(rng)
        parameters = random_parameters(dims, rng)
        result = c.call(function, parameters)
        if pair:
            check_result_tuple(c, result, 2, ("v", "s"))
            v, s = result
            check_zero_state(c, v, parameters, f"v for {dims}")
            check_zero_state(c, s, parameters, f"s for {dims}")
            c.expect(v is not s and not any(np.shares_memory(v[k], s[k]) for k in v), "separate v and s",
                     f"{dims}: v and s share arrays")
        else:
            check_zero_state(c, result, parameters, f"the result for {dims}")


@hidden_test
def initialize_velocity(c, function):
    check_initializer(c, function, pair=False)


@hidden_test
def initialize_rmsprop(c, function):
    check_initializer(c, function, pair=False)


@hidden_test
def initialize_adam(c, function):
    check_initializer(c, function, pair=True)


def check_sequence(c, function, expected_function, names, step, parameters, grads_sequence, state, label):
    """Several steps in a row, each fed the previous step's returned state, against the reference."""
    got_parameters, got_state = parameters, state
    exp_parameters, exp_state = parameters, state
    for t, grads in enumerate(grads_sequence, start=1):
        got = c.call(function, *step(got_parameters, grads, got_state, t), may_modify_inputs=True)
        check_result_tuple(c, got, len(names), names)
        expected = expected_function(*step(exp_parameters, grads, exp_state, t))
        for name, got_dict, expected_dict in zip(names, got, expected):
            expect_dict_close(c, got_dict, expected_dict, f"{label}, step {t}: {name}")
        got_parameters, got_state = got[0], tuple(got[1:3] if len(names) == 5 else got[1:])
        exp_parameters, exp_state = expected[0], tuple(expected[1:3] if len(names) == 5 else expected[1:])


@hidden_test
def update_parameters_with_momentum(c, function):
    expected_update = solution("update_parameters_with_momentum")
    rng = np.random.default_rng(406)
    for _ in range(3):
        dims, parameters, grads, v, _ = random_step(rng)
        beta, learning_rate = float(rng.uniform(0.3, 0.97)), float(rng.uniform(0.01, 1.5))
        label = f"{dims}, beta {beta:.3g}, lr {learning_rate:.3g}"
        got = c.call(function, parameters, grads, v, beta, learning_rate, may_modify_inputs=True)
        check_result_tuple(c, got, 2, ("parameters", "v"))
        expected = expected_update(parameters, grads, v, beta, learning_rate)
        expect_dict_close(c, got[1], expected[1], f"{label}: v")
        expect_dict_close(c, got[0], expected[0], f"{label}: parameters")
    # Three steps in a row from a zero velocity, each fed the previous step's results.
    dims, parameters, _, v, _ = random_step(rng)
    grads_sequence = [random_step(rng, dims)[2] for _ in range(3)]
    zero = {key: np.zeros_like(value) for key, value in v.items()}
    check_sequence(c, function, expected_update, ("parameters", "v"),
                   lambda p, g, state, t: (p, g, state[0], 0.75, 0.3), parameters, grads_sequence, (zero,),
                   f"{dims}, three steps")


@hidden_test
def update_parameters_with_rmsprop(c, function):
    expected_update = solution("update_parameters_with_rmsprop")
    rng = np.random.default_rng(407)
    for epsilon in (1e-8, 0.3, None, 0.05):
        dims, parameters, grads, _, s = random_step(rng)
        beta2, learning_rate = float(rng.uniform(0.5, 0.999)), float(rng.uniform(0.001, 0.5))
        kwargs = {} if epsilon is None else {"epsilon": epsilon}
        label = f"{dims}, beta2 {beta2:.3g}, lr {learning_rate:.3g}, epsilon {epsilon or 'default'}"
        got = c.call(function, parameters, grads, s, beta2, learning_rate, may_modify_inputs=True, **kwargs)
        check_result_tuple(c, got, 2, ("parameters", "s"))
        expected = expected_update(parameters, grads, s, beta2, learning_rate, **kwargs)
        expect_dict_close(c, got[1], expected[1], f"{label}: s")
        expect_dict_close(c, got[0], expected[0], f"{label}: parameters")
    dims, parameters, _, _, s = random_step(rng)
    grads_sequence = [random_step(rng, dims)[2] for _ in range(3)]
    zero = {key: np.zeros_like(value) for key, value in s.items()}
    check_sequence(c, function, expected_update, ("parameters", "s"),
                   lambda p, g, state, t: (p, g, state[0], 0.8, 0.02, 0.01), parameters, grads_sequence, (zero,),
                   f"{dims}, three steps")


@hidden_test
def update_parameters_with_adam(c, function):
    expected_update = solution("update_parameters_with_adam")
    names = ("parameters", "v", "s", "v_corrected", "s_corrected")
    rng = np.random.default_rng(408)
    for t, epsilon in ((2, 1e-8), (7, 0.2), (1, 0.03), (50, 1e-8)):
        dims, parameters, grads, v, s = random_step(rng)
        hyper = {"learning_rate": float(rng.uniform(0.001, 0.3)), "beta1": float(rng.uniform(0.5, 0.95)),
                 "beta2": float(rng.uniform(0.8, 0.99)), "epsilon": epsilon}
        label = f"{dims}, t = {t}, " + ", ".join(f"{k} {value:.3g}" for k, value in hyper.items())
        got = c.call(function, parameters, grads, v, s, t, may_modify_inputs=True, **hyper)
        check_result_tuple(c, got, 5, names)
        expected = expected_update(parameters, grads, v, s, t, **hyper)
        for name, got_dict, expected_dict in zip(names[1:] + names[:1], got[1:] + got[:1], expected[1:] + expected[:1]):
            expect_dict_close(c, got_dict, expected_dict, f"{label}: {name}")
    # The defaults (learning rate 0.01, 0.9, 0.999, 1e-8), at t = 4.
    dims, parameters, grads, v, s = random_step(rng)
    got = c.call(function, parameters, grads, v, s, 4, may_modify_inputs=True)
    check_result_tuple(c, got, 5, names)
    for name, got_dict, expected_dict in zip(names, got, expected_update(parameters, grads, v, s, 4)):
        expect_dict_close(c, got_dict, expected_dict, f"{dims}, t = 4, default hyperparameters: {name}")
    # Four steps in a row from zero moments, each fed the previous step's v and s.
    dims, parameters, _, v, _ = random_step(rng)
    grads_sequence = [random_step(rng, dims)[2] for _ in range(4)]
    zeros = ({k: np.zeros_like(a) for k, a in v.items()}, {k: np.zeros_like(a) for k, a in v.items()})
    check_sequence(c, function, expected_update, names,
                   lambda p, g, state, t: (p, g, state[0], state[1], t, 0.05, 0.6, 0.9, 1e-3), parameters,
                   grads_sequence, zeros, f"{dims}, four steps")


def check_rates(c, function, expected_function, cases):
    for args in cases:
        rate = c.call(function, *args)
        c.expect(np.ndim(rate) == 0, "a single number", f"{args}: returned {rate!r}, not one number", stop=True)
        c.expect_close(rate, expected_function(*args), f"{args}", rtol=1e-9, atol=1e-15)


@hidden_test
def update_lr(c, function):
    rng = np.random.default_rng(409)
    cases = [(float(rng.uniform(0.001, 1)), int(rng.integers(0, 5000)), float(rng.uniform(0.001, 3))) for _ in range(6)]
    check_rates(c, function, solution("update_lr"), cases + [(0.3, 0, 2.0), (0.05, 7, 0.25)])


@hidden_test
def schedule_lr_decay(c, function):
    rng = np.random.default_rng(410)
    cases = []
    for _ in range(4):
        interval = int(rng.integers(2, 500))
        k = int(rng.integers(1, 6))
        lr0, rate = float(rng.uniform(0.001, 1)), float(rng.uniform(0.05, 3))
        cases += [(lr0, k * interval - 1, rate, interval), (lr0, k * interval, rate, interval),
                  (lr0, k * interval + int(rng.integers(interval)), rate, interval)]
    cases += [(0.2, 2999, 0.5), (0.2, 3000, 0.5), (0.7, 0, 4.0, 10)]
    check_rates(c, function, solution("schedule_lr_decay"), cases)


@hidden_test
def exponential_lr_decay(c, function):
    rng = np.random.default_rng(411)
    cases = [(float(rng.uniform(0.001, 1)), int(rng.integers(0, 200)), float(rng.uniform(0.5, 0.999)))
             for _ in range(6)]
    cases += [(0.3, 0, 0.7), (0.02, 25), (0.5, 1)]
    check_rates(c, function, solution("exponential_lr_decay"), cases)


@hidden_test
def inverse_sqrt_decay(c, function):
    rng = np.random.default_rng(412)
    cases = [(float(rng.uniform(0.001, 1)), int(rng.integers(0, 5000)), float(rng.uniform(0.1, 10))) for _ in range(6)]
    cases += [(0.3, 0, 2.5), (0.05, 15), (0.8, 0)]
    check_rates(c, function, solution("inverse_sqrt_decay"), cases)
