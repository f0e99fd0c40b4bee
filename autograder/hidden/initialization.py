"""Hidden tests of assignment 01, Initialization.

Layer sizes, scales, inputs and activations are drawn at random (from fixed seeds, so a
submission always gets the same grade), which defeats hard-coded shapes and global
variables. Initializers are judged by properties, on wide layers whose fan-in and fan-out
differ at least twice (a scale from the wrong layer size shows whatever the seed);
``activation_stds`` against the source notebook's solution.
"""

import numpy as np

from autograder.hidden.common import hidden_test
from autograder.reference import reference
from helpers.checks.initialization import check_reproducible, check_structure, check_weight_scale

ASSIGNMENT = "01_initialization"


def random_layers_dims(rng, depth_range=(2, 5), width_range=(1, 12)):
    """A random ``layers_dims`` list of length depth+1."""
    depth = int(rng.integers(*depth_range, endpoint=True))
    return [int(n) for n in rng.integers(width_range[0], width_range[1], size=depth + 1, endpoint=True)]


def alternating_widths(rng, count=4):
    """``count`` layer sizes, alternately in 250..400 and 60..110, so that every W has over
    15,000 entries and its fan-in and fan-out differ at least 2.2 times."""
    return [int(rng.integers(250, 400)) if i % 2 == 0 else int(rng.integers(60, 110)) for i in range(count)]


def check_random_initializer(c, function, expected_std, seed, **kwargs):
    """Structure on random small networks; scale on a random wide one; reproducibility."""
    rng = np.random.default_rng(seed)
    for _ in range(3):
        dims = random_layers_dims(rng)
        check_structure(c, c.call(function, dims, rng=np.random.default_rng(int(rng.integers(1000))), **kwargs), dims)
    wide = alternating_widths(rng)
    parameters = c.call(function, wide, rng=np.random.default_rng(int(rng.integers(1000))), **kwargs)
    check_structure(c, parameters, wide)
    check_weight_scale(c, parameters, wide, lambda l: expected_std(wide, l), None)
    check_reproducible(c, function, random_layers_dims(rng), **kwargs)


@hidden_test
def initialize_parameters_zeros(c, function):
    rng = np.random.default_rng(101)
    for _ in range(4):
        dims = random_layers_dims(rng)
        parameters = c.call(function, dims)
        check_structure(c, parameters, dims)
        c.expect(all(not np.any(v) for v in parameters.values()), "all zeros", f"nonzero weights for {dims}")


@hidden_test
def initialize_parameters_random(c, function):
    for seed, scale in ((102, 3.7), (103, 0.02)):
        check_random_initializer(c, function, lambda dims, l: scale, seed, scale=scale)
    # The default scale is 10.
    wide = [300, 200, 1]
    parameters = c.call(function, wide, rng=np.random.default_rng(5))
    check_weight_scale(c, parameters, wide, lambda l: 10.0, "The default scale is 10.")


@hidden_test
def initialize_parameters_he(c, function):
    check_random_initializer(c, function, lambda dims, l: np.sqrt(2 / dims[l - 1]), 104)


@hidden_test
def initialize_parameters_xavier(c, function):
    check_random_initializer(c, function, lambda dims, l: np.sqrt(1 / dims[l - 1]), 105)


@hidden_test
def activation_stds(c, function):
    solution = reference(ASSIGNMENT, "activation_stds")
    rng = np.random.default_rng(106)
    for activation in ("relu", "tanh", "linear", "relu"):
        dims = random_layers_dims(rng, depth_range=(1, 6), width_range=(2, 9))
        X = rng.standard_normal((dims[0], int(rng.integers(5, 40)))) * rng.uniform(0.5, 3)
        parameters = {}
        for l in range(1, len(dims)):
            parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1])) * rng.uniform(0.3, 1.5)
            parameters[f"b{l}"] = rng.standard_normal((dims[l], 1))
        got = c.call(function, X, parameters, activation)
        c.expect_close(got, solution(X, parameters, activation), f"{activation} network {dims}", rtol=1e-6)
