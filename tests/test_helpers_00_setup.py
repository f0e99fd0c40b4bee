"""The visible checks of assignment 00 name the mistakes the hidden tests catch, and the helpers of
its experiments (``helpers.logistic``) do what they say.

Each mistake is a mutant of ``autograder/edits/setup.py``, judged as the grader judges a
kernel's function: through the wire.
"""

import numpy as np
import pytest
from conftest import visible_verdict as verdict_of

from helpers import logistic

ASSIGNMENT = "00_setup"


def visible_verdict(function, description=None):
    return verdict_of(ASSIGNMENT, function, description)


def test_split_sizes_rounded_to_the_nearest_integer_fail_with_a_hint_on_rounding_down():
    verdict = visible_verdict("split_dataset", "rounds the dev and test sizes to the nearest integer instead of down")
    assert not verdict.passed
    assert "m = 58, fractions (0.6, 0.2, 0.2): the splits have 34/12/12 examples; expected 36/11/11." in verdict.printed
    assert "The sizes were rounded (11.6 became 12)" in verdict.printed and "not round(...)" in verdict.printed


def test_sorting_keys_from_rng_randn_fails_with_a_hint_naming_standard_normal():
    verdict = visible_verdict("split_dataset", "sorts random keys from rng.randn, which a Generator does not have")
    assert "object has no attribute 'randn'" in verdict.printed
    assert "it has no randn; use rng.standard_normal(shape)" in verdict.printed


def test_sorting_keys_from_rng_standard_normal_passes():
    assert visible_verdict("split_dataset", "sorts random keys from rng.standard_normal").passed


def test_seeding_np_random_inside_the_function_fails_with_a_hint_naming_it():
    verdict = visible_verdict("split_dataset",
                              "seeds the global numpy state with np.random.seed and shuffles with np.random")
    assert "Two calls with differently seeded rngs gave the same training set." in verdict.printed
    assert "no np.random.seed(...)" in verdict.printed


def test_a_threshold_hard_coded_to_its_default_fails_where_the_argument_matters():
    verdict = visible_verdict("diagnose_bias_variance", "threshold hard-coded to 5%")
    assert not verdict.passed
    assert ("train 4.0%, dev 7.0%, threshold 0.02: returned 'low bias and low variance'; "
            "expected 'high bias and high variance'.") in verdict.printed
    assert "0.05 is only its default" in verdict.printed


def test_the_solutions_pass_the_new_cases():
    assert visible_verdict("split_dataset").passed and visible_verdict("diagnose_bias_variance").passed


# ----- helpers.logistic: the model of the experiments ---------------------------------------------
def test_logistic_training_starts_from_zero_weights_at_a_cost_of_log_2():
    X, Y = np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -1.0]]), np.array([[1, 0, 1]])
    parameters, costs = logistic.train(X, Y, 0.1, num_iterations=3, record_every=1)
    assert costs[0] == pytest.approx(np.log(2))
    assert parameters["W1"].shape == (1, 2) and parameters["b1"].shape == (1, 1)


def test_logistic_error_is_the_fraction_of_misclassified_examples():
    parameters = {"W1": np.array([[1.0]]), "b1": np.array([[0.0]])}
    assert logistic.error(parameters, np.array([[-1.0, 2.0, 3.0, -4.0]]), np.array([[0, 1, 0, 0]])) == 0.25


def test_first_iteration_below_counts_recorded_iterations_or_says_never():
    assert logistic.first_iteration_below([0.7, 0.4, 0.2, 0.1], 0.3, record_every=10) == 20
    assert logistic.first_iteration_below([0.7, 0.4], 0.3) is None


def test_the_cost_of_two_weights_is_log_2_at_zero_and_evaluates_every_point():
    cost = logistic.cost_of_two_weights(np.array([[1.0, 2.0], [3.0, -1.0]]), np.array([[1, 0]]))
    J = cost(np.zeros((2, 3)), np.ones((2, 3)))
    assert J.shape == (2, 3)
    assert cost(np.zeros(1), np.zeros(1))[0] == pytest.approx(np.log(2))


def test_the_descent_path_starts_at_zero_and_steps_against_the_gradient_without_a_bias():
    X2, Y = np.array([[1.0, 2.0], [3.0, -1.0]]), np.array([[1, 0]])
    path = logistic.descent_path(X2, Y, learning_rate=0.5, steps=4)
    assert path.shape == (5, 2)
    np.testing.assert_array_equal(path[0], [0.0, 0.0])
    gradient_at_zero = ((0.5 - Y) @ X2.T / 2).ravel()  # sigmoid(0) = 0.5
    np.testing.assert_allclose(path[1], -0.5 * gradient_at_zero)


def test_curvatures_at_zero_are_the_feature_scales_squared_over_four():
    # Two uncorrelated features of mean square 9 and 0.01: the Hessian at w = 0 is diag(9, 0.01) / 4.
    X2 = np.array([[3.0, -3.0, 0.0, 0.0], [0.0, 0.0, 0.1, -0.1]]) * np.sqrt(2)
    np.testing.assert_allclose(logistic.curvatures_at_zero(X2), (0.01 / 4, 9 / 4))


def test_logistic_cost_at_zero_weights_is_log_2():
    parameters = {"W1": np.zeros((1, 2)), "b1": np.zeros((1, 1))}
    assert logistic.cost(parameters, np.array([[1.0, -2.0], [3.0, 0.5]]), np.array([[1, 0]])) == pytest.approx(np.log(2))


def test_train_and_track_measures_each_set_and_the_length_of_w_after_every_step():
    X, Y = np.array([[1.0, -2.0, 3.0], [0.5, 0.0, -1.0]]), np.array([[1, 0, 1]])
    parameters, track = logistic.train_and_track(X, Y, 0.1, {"training": (X, Y), "first example": (X[:, :1], Y[:, :1])},
                                                 num_iterations=3)
    assert list(track) == ["training", "first example", "length of w"]
    assert all(len(values) == 3 for values in track.values())
    assert track["training"][0] < np.log(2)  # measured after the first step, not at the start
    assert track["training"][-1] == pytest.approx(logistic.cost(parameters, X, Y))
    assert track["first example"][-1] == pytest.approx(logistic.cost(parameters, X[:, :1], Y[:, :1]))
    assert track["length of w"][-1] == pytest.approx(np.linalg.norm(parameters["W1"]))


# ----- the simulated second camera of section 7 --------------------------------------------------
def test_size_dimension_is_one_for_lengths_two_for_areas_zero_for_the_rest():
    names = ["radius error", "worst area", "mean perimeter", "mean concavity", "concave points error", "mean texture"]
    assert [logistic.size_dimension(name) for name in names] == [1, 2, 1, 0, 0, 0]


def test_the_camera_multiplies_lengths_by_the_magnification_and_areas_by_its_square():
    names = ["mean radius", "mean texture", "area error", "worst perimeter", "mean concave points"]
    X = np.arange(1.0, 11.0).reshape(5, 2)
    seen = logistic.as_seen_by_camera(X, names, 1.5)
    np.testing.assert_allclose(seen / X, np.array([[1.5], [1.0], [2.25], [1.5], [1.0]]) * np.ones((1, 2)))
    np.testing.assert_array_equal(X, np.arange(1.0, 11.0).reshape(5, 2))  # the input is left unchanged
