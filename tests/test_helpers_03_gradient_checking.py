"""The helpers of assignment 03: the gradient-checking network, the verdict thresholds, the errors of the
numerical derivatives against the step, and the component plot."""

import matplotlib.pyplot as plt
import numpy as np
import pytest

from autograder import accuracy
from helpers import gradcheck, plots


@pytest.fixture
def network():
    rng = np.random.default_rng(0)
    dims = [4, 5, 3, 1]
    parameters = {}
    for l in range(1, 4):
        parameters[f"W{l}"] = rng.standard_normal((dims[l], dims[l - 1]))
        parameters[f"b{l}"] = rng.standard_normal((dims[l], 1))
    X = rng.standard_normal((4, 7))
    Y = (rng.random((1, 7)) < 0.5).astype(float)
    return parameters, X, Y


def test_forward_propagation_n_returns_the_cross_entropy_of_tanh_relu_sigmoid(network):
    parameters, X, Y = network
    A1 = np.tanh(parameters["W1"] @ X + parameters["b1"])
    A2 = np.maximum(0, parameters["W2"] @ A1 + parameters["b2"])
    A3 = 1 / (1 + np.exp(-(parameters["W3"] @ A2 + parameters["b3"])))
    expected = -np.mean(Y * np.log(A3) + (1 - Y) * np.log(1 - A3))
    cost, _ = gradcheck.forward_propagation_n(X, Y, parameters)
    assert isinstance(cost, float)
    assert cost == pytest.approx(expected, rel=1e-12)


def test_forward_propagation_n_cache_holds_z_a_and_w_of_every_layer(network):
    parameters, X, Y = network
    Z1, A1, W1, Z2, A2, W2, Z3, _, W3 = gradcheck.forward_propagation_n(X, Y, parameters)[1]
    assert [Z1.shape, Z2.shape, Z3.shape] == [(5, 7), (3, 7), (1, 7)]
    np.testing.assert_array_equal(A1, np.tanh(Z1))
    np.testing.assert_array_equal(A2, np.maximum(0, Z2))
    assert W1 is parameters["W1"] and W2 is parameters["W2"] and W3 is parameters["W3"]


def test_forward_propagation_n_works_for_other_layer_sizes():
    rng = np.random.default_rng(1)
    dims = [2, 6, 4, 1]
    parameters = {key: value for l in range(1, 4) for key, value in (
        (f"W{l}", rng.standard_normal((dims[l], dims[l - 1]))), (f"b{l}", np.zeros((dims[l], 1))))}
    cost, cache = gradcheck.forward_propagation_n(rng.standard_normal((2, 3)), np.array([[0.0, 1.0, 1.0]]), parameters)
    assert np.isfinite(cost) and cache[7].shape == (1, 3)


@pytest.mark.parametrize("difference, word", [(0.0, "great"), (2e-9, "great"), (1e-7, "suspicious"),
                                              (1e-5, "suspicious"), (1e-3, "wrong"), (0.6, "wrong")])
def test_verdict_follows_the_lecture_thresholds(difference, word):
    assert gradcheck.verdict(difference) == word


def test_report_states_the_number_and_its_reading():
    assert gradcheck.report(1.76e-9) == "relative difference 1.76e-09 -> great: the gradient is right"
    assert "wrong" in gradcheck.report(0.5, "dW2") and "dW2 has a bug" in gradcheck.report(0.5, "dW2")


def test_plot_step_errors_draws_both_methods_and_the_three_guides_on_log_axes_from_large_to_small_steps():
    epsilons = np.logspace(-1, -3, 3)
    errors = {"forward": 3 * epsilons, "centered": np.array([1e-2, 0.0, 1e-6])}
    ax = gradcheck.plot_step_errors(epsilons, errors)
    assert [line.get_label() for line in ax.lines[:2]] == ["forward (one-sided)", "centered (two-sided)"]
    assert len(ax.lines) == 5 and ax.get_xscale() == ax.get_yscale() == "log"
    assert ax.lines[1].get_ydata()[1] == 1e-17  # an exact zero is drawn at the floor
    assert ax.get_xlim()[0] > ax.get_xlim()[1]  # the step shrinks from left to right
    plt.close("all")


def test_step_error_table_keeps_the_steps_that_are_whole_powers_of_ten():
    epsilons = np.logspace(-1, -2, 5)
    errors = {"forward": np.arange(5) * 1e-3, "centered": np.arange(5) * 1e-6}
    lines = gradcheck.step_error_table(epsilons, errors).splitlines()
    assert lines[0].split() == ["epsilon", "forward", "error", "centered", "error"]
    assert [line.split() for line in lines[2:]] == [["1e-01", "0.0e+00", "0.0e+00"], ["1e-02", "4.0e-03", "4.0e-06"]]


def test_plot_gradient_components_draws_one_series_per_block_on_a_log_scale():
    shapes = {"W1": (2, 3), "b1": (2, 1), "W2": (1, 2)}
    values = np.array([1e-9] * 6 + [0.5, 0.0] + [1e-10, 2e-10])
    ax = plots.plot_gradient_components(values, shapes, title="t")
    assert len(ax.lines) == 3 and ax.get_yscale() == "log"
    assert [text.get_text() for text in ax.texts] == ["W1", "b1", "W2"]
    assert ax.lines[1].get_ydata()[1] == 1e-16  # an exact zero is drawn at the floor
    plt.close("all")


def test_plot_gradient_components_rejects_values_that_do_not_fit_the_shapes():
    with pytest.raises(ValueError, match="5 entries"):
        plots.plot_gradient_components(np.zeros(5), {"W1": (2, 3)})


# ----- the fixed numbers of the visible checks (helpers/checks/gradient_checking.py) -----
@pytest.mark.parametrize("parameters, gradients", [("SMALL_PARAMETERS", "SMALL_GRADIENTS"),
                                                   ("SMALL_W3_PARAMETERS", "SMALL_W3_GRADIENTS")])
def test_the_gradients_written_into_the_checks_are_the_exact_gradients(parameters, gradients):
    from autograder.hidden.common import numerical_gradient
    from helpers.checks import gradient_checking as check

    parameters, gradients = getattr(check, parameters), getattr(check, gradients)
    copy = {key: value.copy() for key, value in parameters.items()}
    for key in check.PARAMETER_KEYS:
        numerical = numerical_gradient(lambda: gradcheck.forward_propagation_n(check.SMALL_X, check.SMALL_Y, copy)[0],
                                       copy[key])
        np.testing.assert_allclose(gradients["d" + key], numerical, rtol=1e-6, atol=1e-10)


def test_in_the_w3_network_a_distance_and_the_relative_difference_pick_different_blocks():
    from helpers.checks import gradient_checking as check

    G = check.SMALL_W3_GRADIENTS
    bug = check.scaled(G, db1=3.0, db3=1.2)
    distances = {key: np.linalg.norm(bug[key] - G[key]) for key in G}
    relative = {key: np.linalg.norm(bug[key] - G[key]) / (np.linalg.norm(bug[key]) + np.linalg.norm(G[key]))
                for key in G}
    assert max(distances, key=distances.get) == "db3" and max(relative, key=relative.get) == "db1"


@pytest.mark.parametrize("theta, epsilon", [(2.0, 1e-2), (0.5, 1e-3), (-1.5, 0.05)])
def test_cube_check_difference_is_the_relative_difference_of_the_centered_difference_of_x_theta_cubed(theta, epsilon):
    from helpers.checks.gradient_checking import cube_check_difference

    x = -1.7
    centered = (x * (theta + epsilon) ** 3 - x * (theta - epsilon) ** 3) / (2 * epsilon)
    exact = 3 * x * theta ** 2
    expected = abs(centered - exact) / (abs(centered) + abs(exact))
    assert cube_check_difference(theta, epsilon) == pytest.approx(expected, rel=1e-6)


def test_a_wrong_numerical_derivative_is_blamed_before_the_gradient_check_built_on_it():
    """A correct gradient_check that calls a wrong numerical_derivative fails; the report says to fix
    numerical_derivative first instead of leaving the student to doubt gradient_check."""
    edit = accuracy.named_edit("03_gradient_checking", "numerical_derivative",
                               "centered difference divided by epsilon instead of 2 epsilon")
    visible, _ = accuracy.verdicts("03_gradient_checking", "gradient_check", [edit])
    assert not visible.passed
    assert "numerical_derivative fails its own check, and this exercise builds on it: fix numerical_derivative first." \
        in visible.printed
