"""The helper that notebook 02 (Regularization) added: nn.initialize_he_uniform."""

import numpy as np

from helpers import nn


def test_he_uniform_has_the_documented_keys_shapes_and_zero_biases():
    parameters = nn.initialize_he_uniform([2, 20, 3, 1], rng=np.random.default_rng(0))
    assert {k: v.shape for k, v in parameters.items()} == {
        "W1": (20, 2), "b1": (20, 1), "W2": (3, 20), "b2": (3, 1), "W3": (1, 3), "b3": (1, 1)}
    assert all(not np.any(parameters[f"b{l}"]) for l in (1, 2, 3))


def test_he_uniform_weights_are_uniform_with_variance_two_over_fan_in():
    W = nn.initialize_he_uniform([250, 400, 1], rng=np.random.default_rng(1))["W1"]
    limit = np.sqrt(6 / 250)
    assert np.all(np.abs(W) <= limit)
    assert abs(np.var(W) - 2 / 250) < 0.03 * (2 / 250)
    # A uniform distribution puts 57.7% of its mass within one std of its mean (a normal 68.3%).
    assert abs(np.mean(np.abs(W) < np.std(W)) - 1 / np.sqrt(3)) < 0.01


def test_he_uniform_is_repeatable_with_the_same_rng_and_differs_with_another():
    first = nn.initialize_he_uniform([3, 4, 1], rng=np.random.default_rng(5))
    again = nn.initialize_he_uniform([3, 4, 1], rng=np.random.default_rng(5))
    other = nn.initialize_he_uniform([3, 4, 1], rng=np.random.default_rng(6))
    assert all(np.array_equal(first[k], again[k]) for k in first)
    assert not np.array_equal(first["W1"], other["W1"])
