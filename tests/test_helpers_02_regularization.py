"""The helper that notebook 02 (Regularization) added: nn.initialize_he_uniform; and what the visible
checks of 02 say of the mistakes the hidden tests catch (mutants of ``autograder/edits/regularization.py``,
judged through the wire as the grader judges a kernel's function)."""

import numpy as np
from conftest import visible_verdict as verdict_of

from helpers import nn

ASSIGNMENT = "02_regularization"


def visible_verdict(function, description=None):
    return verdict_of(ASSIGNMENT, function, description)


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


def test_lambd_over_2_times_m_is_read_as_a_product_and_named():
    printed = visible_verdict("compute_cost_with_regularization", "lambd / 2 * m: multiplies by m").printed
    assert "FAIL  worked example (m = 4, lambd = 0.1): the cost is 4.299; expected 0.549001" in printed
    assert "Python reads it as (lambd / 2) * m" in printed


def test_lambd_over_m_and_lambd_over_2_get_different_hints_with_m_4():
    over_m = visible_verdict("compute_cost_with_regularization", "1/m instead of 1/(2m)").printed
    over_2 = visible_verdict("compute_cost_with_regularization", "lambd / 2: m left out").printed
    assert "yours is 0.5. You multiplied by lambd / m;" in over_m
    assert "yours is 1. You multiplied by lambd / 2: m, the number of examples" in over_2


def test_l2_gradient_with_twice_the_term_is_named():
    printed = visible_verdict("backward_propagation_with_regularization",
                              "2 lambd / m * W: the 2 of the derivative kept").printed
    assert "You added 2 lambd / m * W: the 2 of the derivative of W**2 cancels" in printed


def test_masks_from_standard_normal_draws_fail_on_their_share_with_a_hint():
    printed = visible_verdict("forward_propagation_with_dropout", "masks from standard normal draws").printed
    assert "FAIL  network [2, 200, 150, 1], keep_prob 0.6: D1 keeps 72.9% and D2 73.5% of the units" in printed
    assert "not with rng.standard_normal" in printed
    assert "The masks keep the wrong share of the units (see the FAIL above)" in printed


def test_masks_that_keep_one_minus_keep_prob_are_named():
    printed = visible_verdict("forward_propagation_with_dropout", "a unit kept with probability 1 - keep_prob").printed
    assert "Hint: That is 1 - keep_prob = 40%: keep a unit when its uniform draw is below keep_prob" in printed


def test_masks_kept_above_one_minus_keep_prob_pass():
    assert visible_verdict("forward_propagation_with_dropout", "a unit kept when its draw is above 1 - keep_prob").passed


def test_early_stopping_pair_reversed_is_named():
    printed = visible_verdict("early_stopping", "returns (stop, best)").printed
    assert "returned (5, 2); expected (2, 5).\n        Hint: Return the pair in the order (best, stop)" in printed


def test_early_stopping_testing_the_patience_before_the_new_best_is_named():
    printed = visible_verdict("early_stopping", "tests the patience before updating the best").printed
    assert "returned (1, 4); expected (4, 7)." in printed
    assert "Hint: Update best before you test the patience" in printed
